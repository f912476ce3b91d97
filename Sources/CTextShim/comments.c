// Readers' comment threads: the comments under a news story or a blog post. They are not the
// article, and main-content selection leaves them out, but they are what readers said about it.
// The walk keeps their text as comment blocks, without the commenters' names and dates, the reply
// buttons and the "log in to comment" links.
//
// Class and id values are read as tokens, split at spaces, hyphens and underscores
// ("comment-list" is "comment" and "list"), so that "timeline" is not "time" and "update" is not
// "date".
#include <stdlib.h>
#include <string.h>
#include <libxml/tree.h>

#include "html_internal.h"

/// The most threads a page may have; a page with more keeps the first ones.
enum { MAX_THREADS = 64 };

static bool named(const xmlNode *node, const char *name) {
  return node->name != NULL && strcmp((const char *)node->name, name) == 0;
}

/// The class and id tokens of an element, lower-cased, each followed by a NUL, the list ended by
/// an empty token. Values longer than the buffer are cut at a token's end.
static void tokens_of(const xmlNode *node, char *out, size_t size) {
  size_t n = 0;
  const char *values[2] = {tm_html_attribute(node, "class"), tm_html_attribute(node, "id")};
  for (int v = 0; v < 2; v++) {
    if (values[v] == NULL) continue;
    const char *p = values[v];
    while (*p != '\0') {
      while (*p == ' ' || *p == '-' || *p == '_' || *p == '\t' || *p == '\n') p++;
      size_t start = n;
      while (*p != '\0' && *p != ' ' && *p != '-' && *p != '_' && *p != '\t' && *p != '\n') {
        if (n + 2 < size) {
          char c = *p;
          out[n++] = (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
        }
        p++;
      }
      if (n > start && n + 1 < size) {
        out[n++] = '\0';
      } else {
        n = start;
      }
    }
  }
  out[n] = '\0';
}

/// Whether a token list (tokens_of) holds `word`, alone or after "comment" ("commentnote").
static bool has_token(const char *tokens, const char *word) {
  for (const char *t = tokens; *t != '\0'; t += strlen(t) + 1) {
    if (strcmp(t, word) == 0) return true;
    if (strncmp(t, "comment", 7) == 0 && strcmp(t + 7, word) == 0) return true;
  }
  return false;
}

/// Whether the tokens name a thread of comments: "comments", "commentlist", or "comment" and
/// then "list", "thread", "section", "wrapper" or "area" ("comment-list", "comments-area").
static bool names_thread(const char *tokens) {
  bool after_comment = false;
  for (const char *t = tokens; *t != '\0'; t += strlen(t) + 1) {
    if (strcmp(t, "comments") == 0 || strcmp(t, "commentlist") == 0) return true;
    if (after_comment && (strcmp(t, "list") == 0 || strcmp(t, "thread") == 0 || strcmp(t, "section") == 0 ||
                          strcmp(t, "wrapper") == 0 || strcmp(t, "area") == 0)) {
      return true;
    }
    after_comment = strcmp(t, "comment") == 0;
  }
  return false;
}

/// Whether the tokens name one comment: "comment" on its own ("comment even depth-1",
/// "comment-123" as an id).
static bool names_comment(const char *tokens) {
  for (const char *t = tokens; *t != '\0'; t += strlen(t) + 1) {
    if (strcmp(t, "comment") == 0 || strcmp(t, "commentbody") == 0) return true;
  }
  return false;
}

/// Class and id words of what stands around a comment's text: who wrote it and when, a count, the
/// reply and report buttons, the house rules, the sign-in line and the pages of a long thread.
static const char *const furniture_words[] = {
    "who", "author", "when", "date", "time", "meta", "byline", "avatar", "reply", "respond", "vcard", "says",
    "count", "note", "rules", "login", "log", "posted", "permalink", "actions", "tools", "share", "vote",
    "report", "nav", "navigation", "pagination", "form", "closed", "older", "newer", "notes", "submitted", NULL};

/// Whether an element holds a <p>: a comment's own container does, the line of who wrote it and
/// when does not.
static bool holds_paragraph(const xmlNode *root) {
  for (const xmlNode *node = root->children; node != NULL;
       node = tm_walk_next((xmlNode *)node, root, node->type == XML_ELEMENT_NODE)) {
    if (node->type == XML_ELEMENT_NODE && named(node, "p")) return true;
  }
  return false;
}

/// Characters of visible text under a paragraph-like element, and how many of them lie inside
/// links: one walk, with the link it is in tracked by the element that opened it.
static void measure(const xmlNode *root, size_t *text, size_t *linked) {
  *text = 0;
  *linked = 0;
  const xmlNode *link = NULL;
  const xmlNode *node = root->children;
  while (node != NULL) {
    if (node->type == XML_ELEMENT_NODE && link == NULL && named(node, "a")) link = node;
    if (node->type == XML_TEXT_NODE && node->content != NULL) {
      for (const unsigned char *c = node->content; *c != '\0'; c++) {
        if (*c == ' ' || *c == '\t' || *c == '\n' || *c == '\r' || (*c & 0xC0) == 0x80) continue;
        *text += 1;
        if (link != NULL) *linked += 1;
      }
    }
    // The next node; leaving the link's subtree ends it.
    if (node->type == XML_ELEMENT_NODE && node->children != NULL) {
      node = node->children;
      continue;
    }
    while (node != NULL && node != root && node->next == NULL) {
      node = node->parent;
      if (node == link) link = NULL;
    }
    if (node == NULL || node == root) break;
    if (node == link) link = NULL;
    node = node->next;
  }
}

bool tm_html_comment_furniture(const xmlNode *node) {
  if (node->type != XML_ELEMENT_NODE) return false;
  if (named(node, "form") || named(node, "textarea") || named(node, "button") || named(node, "img")) return true;
  if (node->properties != NULL) {
    char tokens[1024];
    tokens_of(node, tokens, sizeof(tokens));
    for (const char *const *word = furniture_words; *word != NULL; word++) {
      // A comment's own container may carry its author's name in a class ("comment-author-jsmith",
      // "bypostauthor"): what holds a paragraph is the comment, not its byline.
      if (has_token(tokens, *word)) return !holds_paragraph(node);
    }
  }
  // A line of links: "Log in or register to comment", "Older comments | Newer comments".
  if (!named(node, "p") && !named(node, "li") && !named(node, "dd")) return false;
  size_t text = 0;
  size_t linked = 0;
  measure(node, &text, &linked);
  return text > 0 && linked * 2 >= text;
}

/// Whether a thread holds a comment's running text: twenty characters or more outside links and
/// the comments' furniture.
static bool holds_comment_text(const xmlNode *root, tm_budget *budget) {
  size_t count = 0;
  const xmlNode *node = root->children;
  while (node != NULL && !tm_budget_spent(budget)) {
    bool descend = node->type == XML_ELEMENT_NODE && !named(node, "a") &&
                   tm_html_role_of(node) != ROLE_NEVER_VISIBLE && !tm_html_comment_furniture(node);
    if (node->type == XML_TEXT_NODE && node->content != NULL) {
      for (const unsigned char *c = node->content; *c != '\0'; c++) {
        if (*c != ' ' && *c != '\t' && *c != '\n' && *c != '\r' && (*c & 0xC0) != 0x80) count++;
      }
      if (count >= 20) return true;
    }
    node = tm_walk_next((xmlNode *)node, root, descend);
  }
  return false;
}

/// Whether class or id tokens hold a word of the comments' furniture ("rules", "login").
static bool names_furniture(const char *tokens) {
  for (const char *const *word = furniture_words; *word != NULL; word++) {
    if (has_token(tokens, *word)) return true;
  }
  return false;
}

/// Whether a thread lays its comments out without naming them, as paragraphs under bare
/// containers ("<div class="c"><span class="who">...</span><p>...</p></div>") or a definition
/// list of who said what (<dt>) and what they said (<dd>): two such paragraphs at least, none
/// of them inside furniture, and the thread itself not named for furniture (a site's
/// "window-comments-rules" holds its house rules, not comments).
static bool holds_unnamed_comments(const xmlNode *root, const char *root_tokens, tm_budget *budget) {
  if (names_furniture(root_tokens)) return false;
  size_t count = 0;
  const xmlNode *node = root->children;
  while (node != NULL && !tm_budget_spent(budget)) {
    bool descend = node->type == XML_ELEMENT_NODE;
    if (descend && node->properties != NULL) {
      char tokens[1024];
      tokens_of(node, tokens, sizeof(tokens));
      if (names_furniture(tokens)) descend = false;
    }
    if (descend && (named(node, "p") || named(node, "dd")) && !tm_html_comment_furniture(node) && ++count >= 2) {
      return true;
    }
    node = tm_walk_next((xmlNode *)node, root, descend);
  }
  return false;
}

/// Whether a subtree holds one comment (an element whose class or id names one), the article
/// itself (a node main-content selection chose, or an <article> or <main> not named for
/// comments), and how much of the page's running text.
static void survey(const xmlNode *root, bool *comment, bool *article, tm_budget *budget) {
  *comment = false;
  *article = tm_html_is_selected(root);
  for (const xmlNode *node = root->children; node != NULL && !*article && !tm_budget_spent(budget);
       node = tm_walk_next((xmlNode *)node, root, node->type == XML_ELEMENT_NODE)) {
    if (node->type != XML_ELEMENT_NODE) continue;
    if (tm_html_is_selected(node)) {
      *article = true;
      break;
    }
    char tokens[1024] = {0};
    if (node->properties != NULL) tokens_of(node, tokens, sizeof(tokens));
    bool is_comment = node->properties != NULL && names_comment(tokens);
    if (is_comment) *comment = true;
    if ((named(node, "article") || named(node, "main")) && !is_comment && !names_thread(tokens)) *article = true;
  }
}

size_t tm_html_comment_threads(xmlDoc *doc, const tm_page *page, tm_budget *budget, const xmlNode ***threads) {
  *threads = NULL;
  size_t count = 0;
  size_t capacity = 0;
  xmlNode *root = xmlDocGetRootElement(doc);
  xmlNode *node = root != NULL ? root->children : NULL;
  while (node != NULL && count < MAX_THREADS && !tm_budget_spent(budget)) {
    bool descend = true;
    if (node->type == XML_ELEMENT_NODE && node->properties != NULL && tm_html_role_of(node) != ROLE_NEVER_VISIBLE) {
      char tokens[1024];
      tokens_of(node, tokens, sizeof(tokens));
      if (names_thread(tokens)) {
        bool comment = false;
        bool article = false;
        survey(node, &comment, &article, budget);
        // Not the page's own text: it holds single comments, not the article, and not nearly
        // all of the page's running text (a wrapper named "page-with-comments").
        if ((comment || (!article && holds_unnamed_comments(node, tokens, budget))) && !article &&
            tm_page_paragraph_share(page, node) < 0.9 && holds_comment_text(node, budget)) {
          if (count == capacity) {
            size_t grown = capacity ? capacity * 2 : 4;
            const xmlNode **more = realloc(*threads, grown * sizeof(*more));
            if (more == NULL) break;
            *threads = more;
            capacity = grown;
          }
          (*threads)[count++] = node;
          descend = false;  // the outermost thread holds the others
        }
      }
    }
    node = tm_walk_next(node, root, descend && node->type == XML_ELEMENT_NODE);
  }
  return count;
}

bool tm_html_holds_thread(const xmlNode *node, const xmlNode *const *threads, size_t count) {
  for (size_t i = 0; i < count; i++) {
    for (const xmlNode *p = threads[i]->parent; p != NULL; p = p->parent) {
      if (p == node) return true;
    }
  }
  return false;
}
