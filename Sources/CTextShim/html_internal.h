// Shared between the HTML walk (html_extract.c) and main-content selection (main_content.c).
// Not part of the public header: it includes libxml2.
#ifndef CTEXTSHIM_HTML_INTERNAL_H
#define CTEXTSHIM_HTML_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>
#include <libxml/tree.h>

/// A time budget for the walks over a parsed page: `tm_budget_spent` looks at the clock once
/// every 4,096 calls, so a loop can call it per node at no real cost.
typedef struct tm_budget {
  struct timespec deadline;
  bool limited;
  bool spent;
  unsigned ticks;
} tm_budget;

/// A budget of `seconds` from now; zero or less means no limit.
static inline tm_budget tm_budget_start(double seconds) {
  tm_budget budget = {.limited = seconds > 0};
  if (budget.limited) {
    clock_gettime(CLOCK_MONOTONIC, &budget.deadline);
    double whole = (double)(long)seconds;
    budget.deadline.tv_sec += (time_t)whole;
    budget.deadline.tv_nsec += (long)((seconds - whole) * 1e9);
    if (budget.deadline.tv_nsec >= 1000000000L) {
      budget.deadline.tv_sec += 1;
      budget.deadline.tv_nsec -= 1000000000L;
    }
  }
  return budget;
}

/// Whether the budget has run out (and stays out once it has).
static inline bool tm_budget_spent(tm_budget *budget) {
  if (budget == NULL || !budget->limited) return false;
  if (budget->spent) return true;
  if ((++budget->ticks & 4095u) != 0) return false;
  struct timespec now;
  clock_gettime(CLOCK_MONOTONIC, &now);
  budget->spent = now.tv_sec > budget->deadline.tv_sec ||
                  (now.tv_sec == budget->deadline.tv_sec && now.tv_nsec >= budget->deadline.tv_nsec);
  return budget->spent;
}

/// What an element is to the walk. libxml2's HTML parser gives element names in lower case.
enum {
  ROLE_INLINE = 0,
  ROLE_NEVER_VISIBLE = 1,  // script, style, ...: skipped with everything inside
  ROLE_FURNITURE = 2,      // nav, aside, form, menu, dialog: skipped unless furniture is kept
  ROLE_BLOCK = 3,          // starts and ends a block
  ROLE_CONTENT_ROOT = 4,   // html, body, main, article: a block never judged by class or id
};

/// The text of an element's attribute (its name in any case), or NULL when it has none or the
/// value is not plain text.
const char *tm_html_attribute(const xmlNode *node, const char *name);

/// The role of an element by its name.
int tm_html_role_of(const xmlNode *node);

/// Running-text statistics of a page: how much of the text in paragraphs lies under each element.
typedef struct tm_page tm_page;

/// Measures a page; NULL when out of memory (callers then judge hints without it).
tm_page *tm_page_measure(xmlDoc *doc);

/// The share (0...1) of the page's paragraph text that lies under an element.
double tm_page_paragraph_share(const tm_page *page, const xmlNode *node);

void tm_page_free(tm_page *page);

/// Whether an element and its subtree stay out of the text (invisible, or furniture unless kept).
/// A class or id hint ("sidebar", "nav") does not exclude an element that holds half or more of
/// the page's paragraph text: that is the article's wrapper, whatever its theme calls it.
bool tm_html_excluded(const xmlNode *node, int role, bool keep_furniture, const tm_page *page);

/// Scores the document's blocks and marks the main-content subtrees (node->_private).
/// Returns false when no main content stands out, in which case nothing is marked.
/// Stops early, marking nothing, when `budget` runs out (check `budget->spent`).
bool tm_html_select_main_content(xmlDoc *doc, bool keep_furniture, const tm_page *page, tm_budget *budget);

/// Whether a node was marked as a main-content root.
bool tm_html_is_selected(const xmlNode *node);

/// Whether an element is a comment thread, related stories, sharing buttons or the like (by class
/// or id), and holds less than half of the page's running text.
bool tm_html_unlikely_content(const xmlNode *node, const tm_page *page);

/// Whether a node inside the main content was pruned (a list of links, related stories, ...).
bool tm_html_is_pruned(const xmlNode *node);

/// The page's readers' comment threads, outermost only, in document order (at most 64): elements
/// whose class or id names a thread ("comments", "comment-list"), that hold single comments
/// (class or id "comment") and a comment's text, and neither the article nor nearly all of the
/// page's running text. Returns how many; `*threads` is a malloc'd array (NULL when there are
/// none or memory ran out) for the caller to free. Stops early when `budget` runs out.
size_t tm_html_comment_threads(xmlDoc *doc, const tm_page *page, tm_budget *budget, const xmlNode ***threads);

/// Whether one of the threads lies inside an element.
bool tm_html_holds_thread(const xmlNode *node, const xmlNode *const *threads, size_t count);

/// Whether an element inside a comment thread stands around the comments' text rather than being
/// it: who wrote a comment and when, a count, reply and report buttons, forms, a line of links.
bool tm_html_comment_furniture(const xmlNode *node);

struct tm_html_metadata;

/// Collects the page's own metadata (Open Graph, meta tags, time, canonical link, lang, h1).
void tm_html_collect_metadata(xmlDoc *doc, struct tm_html_metadata *metadata);

/// Frees the strings of a metadata record and zeroes it.
void tm_html_metadata_free(struct tm_html_metadata *metadata);

/// The next node of a pre-order walk below `root`: the first child when `descend` and there is
/// one, else the next sibling of the node or of its nearest ancestor below `root` that has one;
/// NULL when the walk is over.
static inline xmlNode *tm_walk_next(xmlNode *node, const xmlNode *root, bool descend) {
  if (descend && node->children != NULL) return node->children;
  while (node != NULL && node->next == NULL) {
    node = node->parent;
    if (node == root) return NULL;
  }
  return node != NULL ? node->next : NULL;
}

#endif
