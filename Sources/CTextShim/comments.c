// Readers' comment threads: the comments under a news story or a blog post. They are not the
// article, and main-content selection leaves them out, but they are what readers said about it.
// The walk keeps their text as comment blocks, without the commenters' names and dates, the reply
// buttons and the "log in to comment" links.
#include <stdlib.h>
#include <string.h>
#include <libxml/tree.h>

#include "html_internal.h"

static bool named(const xmlNode *node, const char *name) {
  return node->name != NULL && strcmp((const char *)node->name, name) == 0;
}

/// The class and id of an element, lower-cased and joined by a space, in `out`.
static void class_and_id(const xmlNode *node, char *out, size_t size) {
  size_t n = 0;
  out[0] = '\0';
  for (const xmlAttr *a = node->properties; a != NULL; a = a->next) {
    if (a->name == NULL || a->children == NULL || a->children->type != XML_TEXT_NODE) continue;
    if (strcmp((const char *)a->name, "class") != 0 && strcmp((const char *)a->name, "id") != 0) continue;
    if (n > 0 && n + 1 < size) out[n++] = ' ';
    for (const char *p = (const char *)a->children->content; *p != '\0' && n + 1 < size; p++) {
      char c = *p;
      out[n++] = (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
    }
  }
  out[n] = '\0';
}

static bool contains_any(const char *value, const char *const *words) {
  for (; *words != NULL; words++) {
    if (strstr(value, *words) != NULL) return true;
  }
  return false;
}

/// Class and id words that name a thread of comments: "comments", "comments-area", "comment-list".
static const char *const thread_words[] = {"comments", "commentlist", "comment-list", "comment_list", "comment-thread",
                                           NULL};

/// Class and id words of what stands around a comment's text: who wrote it and when, a count, the
/// reply and report buttons, the house rules and the sign-in line.
static const char *const furniture_words[] = {
    "who", "author", "when", "date", "time", "meta", "byline", "avatar", "reply", "respond", "vcard", "says",
    "count", "note", "rules", "login", "posted", "permalink", "action", "tool", "share", "vote", "report", "nav",
    "form", NULL};

/// Characters of visible text under a node, and how many of them lie inside links.
static void measure(const xmlNode *root, size_t *text, size_t *linked) {
  *text = 0;
  *linked = 0;
  for (const xmlNode *node = root->children; node != NULL;
       node = tm_walk_next((xmlNode *)node, root, node->type == XML_ELEMENT_NODE)) {
    if (node->type != XML_TEXT_NODE || node->content == NULL) continue;
    bool in_link = false;
    for (const xmlNode *p = node->parent; p != NULL && p != root->parent; p = p->parent) {
      if (p->type == XML_ELEMENT_NODE && named(p, "a")) in_link = true;
    }
    for (const unsigned char *c = node->content; *c != '\0'; c++) {
      if (*c == ' ' || *c == '\t' || *c == '\n' || *c == '\r' || (*c & 0xC0) == 0x80) continue;
      *text += 1;
      if (in_link) *linked += 1;
    }
  }
}

bool tm_html_comment_furniture(const xmlNode *node) {
  if (node->type != XML_ELEMENT_NODE) return false;
  if (named(node, "form") || named(node, "textarea") || named(node, "button") || named(node, "img")) return true;
  if (node->properties != NULL) {
    char value[256];
    class_and_id(node, value, sizeof(value));
    if (contains_any(value, furniture_words)) return true;
  }
  if (tm_html_role_of(node) != ROLE_BLOCK) return false;
  size_t text = 0;
  size_t linked = 0;
  measure(node, &text, &linked);
  return text > 0 && linked * 2 >= text;
}

/// Whether a thread holds a comment's running text: twenty characters or more outside links and
/// the comments' furniture.
static bool holds_comment_text(const xmlNode *root) {
  size_t count = 0;
  const xmlNode *node = root->children;
  while (node != NULL) {
    bool descend = node->type == XML_ELEMENT_NODE && !tm_html_comment_furniture(node) && !named(node, "a") &&
                   tm_html_role_of(node) != ROLE_NEVER_VISIBLE;
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

/// Whether a subtree holds the article itself: an <article> or <main>, or a node that
/// main-content selection chose.
static bool holds_article(const xmlNode *root) {
  if (tm_html_is_selected(root)) return true;
  for (const xmlNode *node = root->children; node != NULL;
       node = tm_walk_next((xmlNode *)node, root, node->type == XML_ELEMENT_NODE)) {
    if (node->type != XML_ELEMENT_NODE) continue;
    if (named(node, "article") || named(node, "main") || tm_html_is_selected(node)) return true;
  }
  return false;
}

size_t tm_html_comment_threads(xmlDoc *doc, const xmlNode ***threads) {
  *threads = NULL;
  size_t count = 0;
  size_t capacity = 0;
  xmlNode *root = xmlDocGetRootElement(doc);
  xmlNode *node = root != NULL ? root->children : NULL;
  while (node != NULL) {
    bool descend = true;
    if (node->type == XML_ELEMENT_NODE && node->properties != NULL && tm_html_role_of(node) != ROLE_NEVER_VISIBLE) {
      char value[256];
      class_and_id(node, value, sizeof(value));
      if (contains_any(value, thread_words) && !holds_article(node) && holds_comment_text(node)) {
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
    node = tm_walk_next(node, root, descend && node->type == XML_ELEMENT_NODE);
  }
  return count;
}
