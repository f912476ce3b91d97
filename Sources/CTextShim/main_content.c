// Main-content selection on libxml2's tree, in the manner of Readability: paragraphs give
// points (one, plus one per comma, plus one per 100 characters up to three) to the elements
// that hold them, an element's points shrink with its link density and grow or shrink with
// class and id hints, and the best element is kept with those of its siblings that score
// nearly as well or read as running text.
#include "CTextShim.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include "html_internal.h"

typedef struct stats {
  xmlNode *node;
  long parent;
  double text;       // visible characters in the subtree
  double own_text;   // characters of the element's own text nodes
  double links;      // characters inside links
  double commas;
  double score;
  bool candidate;
} stats;

static char selected_mark;
static char pruned_mark;

bool tm_html_is_selected(const xmlNode *node) { return node->_private == &selected_mark; }

bool tm_html_is_pruned(const xmlNode *node) { return node->_private == &pruned_mark; }

static bool is(const xmlNode *node, const char *name) {
  return node->name != NULL && node->name[0] == (xmlChar)name[0] && strcmp((const char *)node->name, name) == 0;
}

static bool contains_any(const char *value, const char *const *words) {
  if (value == NULL) return false;
  char lower[256];
  size_t n = 0;
  for (; value[n] != '\0' && n + 1 < sizeof(lower); n++) {
    char c = value[n];
    lower[n] = (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
  }
  lower[n] = '\0';
  for (; *words != NULL; words++) {
    if (strstr(lower, *words) != NULL) return true;
  }
  return false;
}

static const char *const negative_hints[] = {
    "comment", "footer", "footnote", "masthead", "meta", "outbrain", "promo", "related", "share",
    "sidebar", "skyscraper", "sponsor", "shopping", "widget", "banner", "social", "subscribe",
    "newsletter", "popup", "cookie", "breadcrumb", "menu", "nav", "tags", "byline", "author-bio",
    "advert", "-ad-", "recommend", "trending", "most-read", "popular", "caption", "gallery", "slideshow",
    "carousel", "credit", NULL};
static const char *const positive_hints[] = {
    "article", "body", "content", "entry", "main", "post", "text", "blog", "story", "prose", NULL};

/// The classes a news page gives the summary under its headline.
static const char *const standfirst_hints[] = {"standfirst", "strapline", "lede", "subtitle", "sub-title", "subhead", NULL};
/// The classes of a story's date line.
static const char *const date_hints[] = {"timestamp", "date", "published", NULL};

static double class_weight(const xmlNode *node) {
  double weight = 0;
  const char *values[2] = {tm_html_attribute(node, "class"), tm_html_attribute(node, "id")};
  for (int i = 0; i < 2; i++) {
    if (contains_any(values[i], negative_hints)) weight -= 25;
    if (contains_any(values[i], positive_hints)) weight += 25;
  }
  return weight;
}

/// A list of teasers: three or more items, most of them holding a link ("headline, summary,
/// date" cards of other stories).
/// Whether a link points to a document file (a report, minutes, a leaflet), not a page.
static bool links_to_document(const xmlNode *link) {
  const char *href = tm_html_attribute(link, "href");
  if (href == NULL) return false;
  const char *end = href + strcspn(href, "?#");
  static const char *const suffixes[] = {".pdf", ".doc", ".docx", ".rtf", ".odt", ".xls", ".xlsx", ".ppt", ".pptx", NULL};
  for (const char *const *suffix = suffixes; *suffix != NULL; suffix++) {
    size_t length = strlen(*suffix);
    if ((size_t)(end - href) >= length && strncasecmp(end - length, *suffix, length) == 0) return true;
  }
  return false;
}

/// Whether most of the links in an element point to documents to download (reports, minutes,
/// a leaflet): a list of the partnership's papers is content, not a list of links to pages.
static bool links_to_documents(xmlNode *node) {
  int linked = 0;
  int documents = 0;
  if (is(node, "a")) return links_to_document(node);
  for (xmlNode *inner = node->children; inner != NULL; inner = tm_walk_next(inner, node, inner->type == XML_ELEMENT_NODE)) {
    if (inner->type == XML_ELEMENT_NODE && is(inner, "a") && tm_html_attribute(inner, "href") != NULL) {
      linked++;
      if (links_to_document(inner)) documents++;
    }
  }
  return linked > 0 && documents * 2 >= linked;
}

/// A list whose items are mostly links to other pages: related stories, a teaser list. A list
/// of documents to download (reports, minutes) is part of the page's content.
static bool teaser_list(xmlNode *node) {
  if (!is(node, "ul") && !is(node, "ol")) return false;
  int items = 0;
  int linked = 0;
  int documents = 0;
  for (xmlNode *item = node->children; item != NULL; item = item->next) {
    if (item->type != XML_ELEMENT_NODE || !is(item, "li")) continue;
    items++;
    for (xmlNode *inner = item->children; inner != NULL; inner = tm_walk_next(inner, item, inner->type == XML_ELEMENT_NODE)) {
      if (inner->type == XML_ELEMENT_NODE && is(inner, "a")) {
        linked++;
        if (links_to_document(inner)) documents++;
        break;
      }
    }
  }
  return items >= 3 && linked * 4 >= items * 3 && documents * 2 < linked;
}

/// Comment threads, related stories and the like never compete for the main content, unless
/// they also look like content or hold most of the page's running text.
bool tm_html_unlikely_content(const xmlNode *node, const tm_page *page) {
  static const char *const unlikely[] = {"comment", "related", "share", "sidebar", "footer", "promo", "newsletter",
                                         "subscribe", "social", "popular", "trending", "recommend", NULL};
  const char *values[2] = {tm_html_attribute(node, "class"), tm_html_attribute(node, "id")};
  bool hinted = false;
  for (int i = 0; i < 2; i++) {
    if (contains_any(values[i], unlikely) && !contains_any(values[i], positive_hints)) hinted = true;
  }
  return hinted && tm_page_paragraph_share(page, node) < 0.5;
}

static double base_score(const xmlNode *node) {
  double score = class_weight(node);
  if (is(node, "div") || is(node, "article") || is(node, "section") || is(node, "main")) score += 5;
  else if (is(node, "pre") || is(node, "td") || is(node, "blockquote")) score += 3;
  else if (is(node, "address") || is(node, "ol") || is(node, "ul") || is(node, "dl") || is(node, "dd") ||
           is(node, "dt") || is(node, "li") || is(node, "form")) score -= 3;
  else if (is(node, "th") || (node->name && node->name[0] == 'h' && node->name[1] >= '1' && node->name[1] <= '6' &&
                              node->name[2] == '\0')) score -= 5;
  return score;
}

static bool paragraph_like(const stats *s) {
  const xmlNode *n = s->node;
  if (is(n, "p") || is(n, "pre") || is(n, "td") || is(n, "blockquote") || is(n, "li") || is(n, "dd")) return true;
  // Containers whose own text reads as a paragraph (text directly inside a div or font).
  return s->own_text >= 25;
}

static void count_text(const unsigned char *text, stats *s) {
  for (const unsigned char *p = text; *p != '\0'; p++) {
    unsigned char c = *p;
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || (c & 0xC0) == 0x80) continue;
    s->text += 1;
    s->own_text += 1;
    if (c == ',') s->commas += 1;
  }
}

/// Headings that open the page's furniture rather than the article: "More from ...",
/// "Related stories", "You may also like", "Comments". ("More" only before a word of links:
/// "More questions about Local Area Agreements" is the article's own heading.)
static const char *const marker_headings[] = {
    "more from", "more news", "more stories", "more articles", "more posts", "more headlines",
    "more like this", "more in ", "more on this", "more by ", "more to read", "more to explore",
    "more videos", "more top stories", "related", "recommended", "you may also", "you might also", "also read",
    "read more", "read next", "latest", "most popular", "most read", "popular", "trending", "comments",
    "leave a comment", "leave a reply", "share this", "about the author", "further reading", "see also", NULL};

static bool is_heading(const xmlNode *node) {
  return node->name != NULL && node->name[0] == 'h' && node->name[1] >= '1' && node->name[1] <= '6' && node->name[2] == '\0';
}

static bool is_marker_heading(const xmlNode *node) {
  if (!is_heading(node)) return false;
  xmlChar *content = xmlNodeGetContent(node);
  if (content == NULL) return false;
  char lower[64];
  size_t n = 0;
  for (const xmlChar *p = content; *p != '\0' && n + 1 < sizeof(lower); p++) {
    if (n == 0 && (*p == ' ' || *p == '\n' || *p == '\t' || *p == '\r')) continue;
    lower[n++] = (*p >= 'A' && *p <= 'Z') ? (char)(*p - 'A' + 'a') : (char)*p;
  }
  lower[n] = '\0';
  xmlFree(content);
  for (const char *const *marker = marker_headings; *marker != NULL; marker++) {
    if (strncmp(lower, *marker, strlen(*marker)) == 0) return true;
  }
  return false;
}

/// Whether a kept node lies inside this element.
static bool holds_selected(xmlNode *element) {
  for (xmlNode *node = element->children; node != NULL; node = tm_walk_next(node, element, node->type == XML_ELEMENT_NODE)) {
    if (node->type == XML_ELEMENT_NODE && tm_html_is_selected(node)) return true;
  }
  return false;
}

/// Inside the kept subtrees, a marker heading and everything after it among its siblings are
/// pruned; a heading that opens its own wrapper prunes the wrapper.
static void prune_after_marker_headings(stats *all, size_t count) {
  // Each marker costs a pass over the page, so only the first few are looked at: a real page
  // has one or two, and a page of ten thousand must not cost ten thousand passes.
  int markers = 0;
  for (size_t i = 0; i < count && markers < 16; i++) {
    xmlNode *heading = all[i].node;
    if (!is_marker_heading(heading)) continue;
    bool inside = false;
    for (const xmlNode *a = heading->parent; a != NULL; a = a->parent) {
      if (tm_html_is_selected(a)) {
        inside = true;
        break;
      }
    }
    if (!inside) continue;
    markers++;
    xmlNode *first = heading->parent != NULL ? heading->parent->children : NULL;
    while (first != NULL && first->type != XML_ELEMENT_NODE) first = first->next;
    if (first == heading && heading->parent != NULL && !tm_html_is_selected(heading->parent) &&
        !holds_selected(heading->parent)) {
      heading->parent->_private = &pruned_mark;
      continue;
    }
    // Only a marker in the latter part of its container ends the article ("Related post:" in
    // the middle of a recipe does not).
    double before = 0;
    double after = 0;
    for (size_t j = 0; j < count; j++) {
      if (all[j].parent != all[i].parent || all[i].parent < 0) continue;
      if (j < i) before += all[j].text; else after += all[j].text;
    }
    if (after >= before) continue;
    for (xmlNode *sibling = heading; sibling != NULL; sibling = sibling->next) {
      if (sibling->type == XML_ELEMENT_NODE && !tm_html_is_selected(sibling)) sibling->_private = &pruned_mark;
    }
  }
}

/// The nearest table that holds an element, as an index into `all`, or -1.
static long nearest_table(const stats *all, long index) {
  for (long a = all[index].parent; a >= 0; a = all[a].parent) {
    if (is(all[a].node, "table")) return a;
  }
  return -1;
}

/// A cell's column: the number of element cells before it in its row.
static long column_of(const xmlNode *cell) {
  long column = 0;
  for (const xmlNode *before = cell->prev; before != NULL; before = before->prev) {
    if (before->type == XML_ELEMENT_NODE && (is(before, "td") || is(before, "th"))) column++;
  }
  return column;
}

bool tm_html_select_main_content(xmlDoc *doc, bool keep_furniture, const tm_page *page, tm_budget *budget) {
  size_t count = 0;
  size_t capacity = 1024;
  stats *all = calloc(capacity, sizeof(stats));
  if (all == NULL) return false;

  // Pass 1: index the visible elements (pre-order) and count their own text.
  xmlNode *stop = (xmlNode *)doc;
  xmlNode *node = doc->children;
  bool failed = false;
  while (node != NULL && !failed) {
    if (tm_budget_spent(budget)) {
      failed = true;
      break;
    }
    bool descend = false;
    if (node->type == XML_ELEMENT_NODE && !tm_html_excluded(node, tm_html_role_of(node), keep_furniture, page) &&
        !is(node, "head") && !tm_html_unlikely_content(node, page)) {
      if (count == capacity) {
        stats *grown = realloc(all, capacity * 2 * sizeof(stats));
        if (grown == NULL) {
          failed = true;
          break;
        }
        all = grown;
        memset(all + capacity, 0, capacity * sizeof(stats));
        capacity *= 2;
      }
      long parent = node->parent != NULL && node->parent->_private != NULL ? (long)(intptr_t)node->parent->_private - 1 : -1;
      all[count] = (stats){.node = node, .parent = parent};
      node->_private = (void *)(intptr_t)(count + 1);
      count++;
      descend = node->children != NULL;
    } else if ((node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) && node->parent != NULL &&
               node->parent->_private != NULL && node->content != NULL) {
      count_text(node->content, &all[(intptr_t)node->parent->_private - 1]);
    }
    node = tm_walk_next(node, stop, descend);
  }

  if (failed) {
    for (size_t i = 0; i < count; i++) all[i].node->_private = NULL;
    free(all);
    return false;
  }

  // Pass 2: subtree totals, children before parents (reverse pre-order).
  for (size_t i = count; i-- > 0;) {
    if (is(all[i].node, "a")) all[i].links = all[i].text;
    if (all[i].parent >= 0) {
      stats *p = &all[all[i].parent];
      p->text += all[i].text;
      p->links += all[i].links;
      p->commas += all[i].commas;
    }
  }

  // Pass 3: paragraphs give points to their ancestors.
  for (size_t i = 0; i < count && !failed; i++) {
    if (!paragraph_like(&all[i]) || all[i].text < 25) continue;
    double points = 1 + all[i].commas + (all[i].text / 100 < 3 ? (double)(long)(all[i].text / 100) : 3);
    long ancestor = is(all[i].node, "p") || is(all[i].node, "li") || is(all[i].node, "dd") ? all[i].parent : (long)i;
    for (int level = 0; ancestor >= 0 && level < 3; level++, ancestor = all[ancestor].parent) {
      stats *a = &all[ancestor];
      if (!a->candidate) {
        a->candidate = true;
        a->score = base_score(a->node);
      }
      a->score += level == 0 ? points : level == 1 ? points / 2 : points / 6;
    }
  }

  // Pass 4: the best candidate, its score discounted by link density.
  long top = -1;
  for (size_t i = 0; i < count; i++) {
    if (!all[i].candidate) continue;
    double density = all[i].text > 0 ? all[i].links / all[i].text : 1;
    all[i].score *= 1 - density;
    if (top < 0 || all[i].score > all[top].score) top = (long)i;
  }
  for (size_t i = 0; i < count; i++) all[i].node->_private = NULL;
  if (top < 0 || all[top].text < 140) {
    free(all);
    return false;
  }

  // An article split into several well-scoring blocks (lede, body, sections): when three or
  // more others score at least three quarters of the best, climb to the nearest ancestor that
  // holds three of them.
  {
    long alternatives[64];
    int found = 0;
    for (size_t i = 0; i < count && found < 64; i++) {
      if ((long)i != top && all[i].candidate && all[i].score >= all[top].score * 0.75) alternatives[found++] = (long)i;
    }
    if (found >= 3) {
      for (long ancestor = all[top].parent; ancestor >= 0 && !is(all[ancestor].node, "body"); ancestor = all[ancestor].parent) {
        int held = 0;
        for (int k = 0; k < found; k++) {
          for (long a = all[alternatives[k]].parent; a >= 0; a = all[a].parent) {
            if (a == ancestor) {
              held++;
              break;
            }
          }
        }
        if (held >= 3) {
          top = ancestor;
          if (!all[top].candidate) {
            all[top].candidate = true;
            all[top].score = base_score(all[top].node);
          }
          break;
        }
      }
    }
  }

  // A parent that scores better than the best, without a big fall on the way, holds more of
  // the article.
  {
    double last = all[top].score;
    for (long parent = all[top].parent; parent >= 0 && !is(all[parent].node, "body"); parent = all[parent].parent) {
      if (!all[parent].candidate) continue;
      if (all[parent].score < last / 3) break;
      if (all[parent].score > last) {
        top = parent;
        break;
      }
      last = all[parent].score;
    }
  }

  // Content laid out in the rows of a table, as committee systems lay out an agenda item (its
  // title, summary, documents and minutes each in a row): when the best is a cell and another
  // row of the same table holds running text in the same column, the table is the content.
  if (is(all[top].node, "td")) {
    long table = nearest_table(all, top);
    long column = column_of(all[top].node);
    bool others = false;
    for (size_t i = 0; table >= 0 && i < count && !others; i++) {
      if ((long)i == top || !is(all[i].node, "td") || all[i].text < 25) continue;
      if (all[i].node->parent == all[top].node->parent || column_of(all[i].node) != column) continue;
      if (all[i].links / all[i].text >= 0.25 || nearest_table(all, (long)i) != table) continue;
      others = true;
    }
    if (others) {
      double score = all[top].score;
      top = table;
      if (!all[top].candidate || all[top].score < score) {
        all[top].candidate = true;
        all[top].score = score;
      }
    }
  }

  // Pass 5: keep the best and the siblings that score nearly as well or read as text.
  double threshold = all[top].score * 0.3 > 10 ? all[top].score * 0.3 : 10;
  long parent = all[top].parent;
  for (size_t i = 0; i < count; i++) {
    bool keep = (long)i == top;
    if (!keep && parent >= 0 && all[i].parent == parent) {
      double density = all[i].text > 0 ? all[i].links / all[i].text : 1;
      if (all[i].candidate && all[i].score >= threshold) keep = true;
      else if (is(all[i].node, "p") && all[i].text > 80 && density < 0.25) keep = true;
      else if (is(all[i].node, "p") && all[i].text > 0 && density == 0 && all[i].commas > 0) keep = true;
    }
    if (keep) all[i].node->_private = &selected_mark;
  }

  // The headings that open the content's container (a page's h1 and the subtitle under it)
  // head the content, and so does a paragraph whose class calls it the standfirst under the
  // headline ("Board to decide next month whether ..."); a byline, a date line or sharing
  // links between them (hinted by their class) are passed over.
  if (all[top].node->parent != NULL && !is(all[top].node->parent, "body")) {
    for (xmlNode *first = all[top].node->parent->children; first != NULL && first != all[top].node; first = first->next) {
      if (first->type != XML_ELEMENT_NODE) continue;
      if (is(first, "p") && contains_any(tm_html_attribute(first, "class"), standfirst_hints)) {
        if (first->_private == NULL) first->_private = &selected_mark;
        continue;
      }
      if (!is_heading(first)) {
        if (class_weight(first) < 0 || contains_any(tm_html_attribute(first, "class"), date_hints)) continue;
        break;
      }
      if (first->_private == NULL) first->_private = &selected_mark;
    }
  }

  // Pass 6: inside the kept subtrees, prune lists of links and blocks whose class or id names
  // related stories, sharing, comments and the like.
  for (size_t i = 0; i < count; i++) {
    if (tm_budget_spent(budget)) break;
    if (tm_html_is_selected(all[i].node) || all[i].text <= 0) continue;
    bool inside = false;
    for (long a = all[i].parent; a >= 0; a = all[a].parent) {
      if (tm_html_is_selected(all[a].node)) {
        inside = true;
        break;
      }
    }
    if (!inside || is(all[i].node, "a") || is(all[i].node, "p")) continue;
    // Figures and their captions are not the article's text.
    if (is(all[i].node, "figure") || is(all[i].node, "figcaption")) {
      all[i].node->_private = &pruned_mark;
      continue;
    }
    double density = all[i].links / all[i].text;
    // A cell of a data table that links its entry ("Healthy Sabbingford Partnership" linked to
    // its page) is part of a row whose other cells are text, not a list of links.
    long row = all[i].parent;
    bool data_cell = (is(all[i].node, "td") || is(all[i].node, "th")) && row >= 0 && is(all[row].node, "tr") &&
                     all[row].text > 0 && all[row].links / all[row].text < 0.5;
    bool link_list = !data_cell && (density > 0.5 || teaser_list(all[i].node)) &&
                     tm_page_paragraph_share(page, all[i].node) < 0.3 && !links_to_documents(all[i].node);
    bool hinted = class_weight(all[i].node) < 0;
    if (link_list || hinted) all[i].node->_private = &pruned_mark;
  }
  prune_after_marker_headings(all, count);
  free(all);
  return true;
}
