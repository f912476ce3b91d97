// Visible text of an HTML page as blocks, from libxml2's HTML parser.
//
// The walk is iterative (no recursion), so deeply nested markup cannot overflow the stack.
#include "CTextShim.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include "html_internal.h"
#include "html_parse.h"

enum { KIND_STACK_CAPACITY = 512 };

typedef struct builder {
  char *text;
  size_t length;
  size_t capacity;
  tm_html_block *blocks;
  size_t block_count;
  size_t block_capacity;
  // The block being filled.
  size_t block_start;
  uint32_t block_line;
  bool pending_space;
  // Kinds of the enclosing block elements; depth may exceed the stored capacity.
  uint32_t kinds[KIND_STACK_CAPACITY];
  uint32_t levels[KIND_STACK_CAPACITY];
  size_t depth;
  // Depth at which a <br> turned the container's text into lines (0 = none).
  size_t line_mode_depth;
  // Whether the block being flushed ends at a <br>.
  bool at_break;
  size_t pre_depth;
  bool seen_title;
  bool in_title;
  /// With TM_HTML_MAIN_CONTENT: how many selected main-content roots enclose the walk.
  size_t selected_depth;
  /// Readers' comment threads (tm_html_comment_threads), and how many enclose the walk.
  const xmlNode **threads;
  size_t thread_count;
  size_t comments_depth;
  /// How many elements that would stay out of the text enclose the walk, entered only because
  /// they hold a comment thread (their own text stays out).
  size_t suppress_depth;
  /// Running-text statistics, for judging furniture hints.
  const tm_page *page;
  uint32_t options;
  bool failed;
} builder;

static bool reserve_text(builder *b, size_t extra) {
  if (b->length + extra <= b->capacity) return true;
  size_t capacity = b->capacity ? b->capacity : 4096;
  while (capacity < b->length + extra) capacity *= 2;
  char *text = realloc(b->text, capacity);
  if (text == NULL) {
    b->failed = true;
    return false;
  }
  b->text = text;
  b->capacity = capacity;
  return true;
}

static uint32_t current_kind(const builder *b) {
  if (b->depth == 0) return TM_BLOCK_PARAGRAPH;
  size_t top = b->depth <= KIND_STACK_CAPACITY ? b->depth - 1 : KIND_STACK_CAPACITY - 1;
  return b->kinds[top];
}

static uint32_t current_level(const builder *b) {
  if (b->depth == 0) return 0;
  size_t top = b->depth <= KIND_STACK_CAPACITY ? b->depth - 1 : KIND_STACK_CAPACITY - 1;
  return b->levels[top];
}

/// Ends the current block, if it holds any text.
static void flush(builder *b) {
  b->pending_space = false;
  if (b->failed || b->length == b->block_start) return;
  if (b->block_count == b->block_capacity) {
    size_t capacity = b->block_capacity ? b->block_capacity * 2 : 64;
    tm_html_block *blocks = realloc(b->blocks, capacity * sizeof(tm_html_block));
    if (blocks == NULL) {
      b->failed = true;
      return;
    }
    b->blocks = blocks;
    b->block_capacity = capacity;
  }
  uint32_t kind = current_kind(b);
  if (b->in_title) kind = TM_BLOCK_TITLE;
  if (b->line_mode_depth != 0 && kind == TM_BLOCK_PARAGRAPH) kind = TM_BLOCK_LINE;
  if (b->comments_depth > 0 && kind != TM_BLOCK_TITLE) kind = TM_BLOCK_COMMENT;
  tm_html_block *block = &b->blocks[b->block_count++];
  block->kind = kind;
  block->level = kind == TM_BLOCK_HEADING ? current_level(b) : 0;
  block->line = b->block_line;
  block->ends_at_break = b->at_break ? 1 : 0;
  block->text_offset = b->block_start;
  block->text_length = b->length - b->block_start;
  b->block_start = b->length;
  b->block_line = 0;
}

static bool is_space(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/// libxml2's HTML parser hands text to the tree in chunks of up to 1000 bytes and stamps a text
/// node with the line the parser had reached when the first chunk was done. The line of the
/// character at `index` is that line less the newlines between it and the end of the first chunk.
enum { HTML_TEXT_CHUNK = 1000 };

static uint32_t start_line(const unsigned char *content, size_t index, size_t length, uint32_t node_line) {
  if (node_line == 0) return 0;
  size_t chunk_end = length < HTML_TEXT_CHUNK ? length : HTML_TEXT_CHUNK;
  uint32_t newlines = 0;
  for (size_t i = index; i < chunk_end; i++) {
    if (content[i] == '\n') newlines++;
  }
  return newlines < node_line ? node_line - newlines : 1;
}

/// The Windows-1252 characters of U+0080-U+009F, as browsers read them: a page's "&#146;" or
/// "&#151;" (the parser gives U+0092, U+0097) is an apostrophe or a dash, not a control
/// character. Zero where Windows-1252 has none.
static const uint16_t windows_1252_c1[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

/// Appends a text node's content, collapsing white space (and no-break spaces) to one space.
static void append_text(builder *b, const unsigned char *content, uint32_t line) {
  if (content == NULL) return;
  if ((b->options & TM_HTML_MAIN_CONTENT) && b->selected_depth == 0 && b->comments_depth == 0 && !b->in_title) return;
  if (b->suppress_depth > 0 && b->comments_depth == 0) return;
  size_t n = strlen((const char *)content);
  // (A C1 character of two bytes may become a character of three.)
  if (!reserve_text(b, n + n / 2 + 1)) return;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = content[i];
    if (b->pre_depth > 0 && c == '\n') {
      flush(b);
      continue;
    }
    bool space = is_space(c);
    if (c == 0xC2 && i + 1 < n && content[i + 1] == 0xA0) {
      space = true;
      i++;
    }
    if (space) {
      if (b->length > b->block_start) b->pending_space = true;
      continue;
    }
    if (c < 0x20 || c == 0x7F) continue;  // control characters carry no text
    uint16_t replacement = 0;
    if (c == 0xC2 && i + 1 < n && content[i + 1] >= 0x80 && content[i + 1] <= 0x9F) {
      replacement = windows_1252_c1[content[i + 1] - 0x80];
      i++;
      if (replacement == 0) continue;  // no character there either
    }
    if (b->length == b->block_start) b->block_line = start_line(content, i, n, line);
    if (b->pending_space) {
      b->text[b->length++] = ' ';
      b->pending_space = false;
    }
    if (replacement >= 0x800) {
      b->text[b->length++] = (char)(0xE0 | (replacement >> 12));
      b->text[b->length++] = (char)(0x80 | ((replacement >> 6) & 0x3F));
      b->text[b->length++] = (char)(0x80 | (replacement & 0x3F));
    } else if (replacement != 0) {
      b->text[b->length++] = (char)(0xC0 | (replacement >> 6));
      b->text[b->length++] = (char)(0x80 | (replacement & 0x3F));
    } else {
      b->text[b->length++] = (char)c;
    }
  }
}

static bool name_is(const xmlNode *node, const char *name) {
  // The first byte settles most comparisons without a call.
  return node->name != NULL && node->name[0] == (xmlChar)name[0] && strcmp((const char *)node->name, name) == 0;
}

typedef struct element_role {
  const char *name;
  int role;
} element_role;

/// Sorted by name for bsearch.
static const element_role element_roles[] = {
    {"address", ROLE_BLOCK},        {"article", ROLE_CONTENT_ROOT}, {"aside", ROLE_FURNITURE},
    {"audio", ROLE_NEVER_VISIBLE},  {"base", ROLE_NEVER_VISIBLE},   {"blockquote", ROLE_BLOCK},
    {"body", ROLE_CONTENT_ROOT},    {"button", ROLE_NEVER_VISIBLE}, {"canvas", ROLE_NEVER_VISIBLE},
    {"caption", ROLE_BLOCK},        {"center", ROLE_BLOCK},         {"details", ROLE_BLOCK},
    {"dialog", ROLE_FURNITURE},     {"div", ROLE_BLOCK},            {"dl", ROLE_BLOCK},
    {"embed", ROLE_NEVER_VISIBLE},  {"fieldset", ROLE_BLOCK},       {"figcaption", ROLE_BLOCK},
    {"figure", ROLE_BLOCK},         {"footer", ROLE_BLOCK},         {"form", ROLE_FURNITURE},
    {"frame", ROLE_BLOCK},          {"frameset", ROLE_BLOCK},       {"head", ROLE_BLOCK},
    {"header", ROLE_BLOCK},         {"hgroup", ROLE_BLOCK},         {"hr", ROLE_BLOCK},
    {"html", ROLE_CONTENT_ROOT},    {"iframe", ROLE_NEVER_VISIBLE}, {"input", ROLE_NEVER_VISIBLE},
    {"legend", ROLE_BLOCK},         {"link", ROLE_NEVER_VISIBLE},   {"main", ROLE_CONTENT_ROOT},
    {"map", ROLE_NEVER_VISIBLE},    {"math", ROLE_NEVER_VISIBLE},   {"menu", ROLE_FURNITURE},
    {"meta", ROLE_NEVER_VISIBLE},   {"nav", ROLE_FURNITURE},        {"noframes", ROLE_BLOCK},
    {"noscript", ROLE_NEVER_VISIBLE}, {"object", ROLE_NEVER_VISIBLE}, {"ol", ROLE_BLOCK},
    {"option", ROLE_NEVER_VISIBLE}, {"p", ROLE_BLOCK},              {"pre", ROLE_BLOCK},
    {"script", ROLE_NEVER_VISIBLE}, {"section", ROLE_BLOCK},        {"select", ROLE_NEVER_VISIBLE},
    {"style", ROLE_NEVER_VISIBLE},  {"summary", ROLE_BLOCK},        {"svg", ROLE_NEVER_VISIBLE},
    {"table", ROLE_BLOCK},          {"tbody", ROLE_BLOCK},          {"template", ROLE_NEVER_VISIBLE},
    {"textarea", ROLE_NEVER_VISIBLE}, {"tfoot", ROLE_BLOCK},        {"thead", ROLE_BLOCK},
    {"tr", ROLE_BLOCK},             {"ul", ROLE_BLOCK},             {"video", ROLE_NEVER_VISIBLE},
};

static int compare_role(const void *key, const void *element) {
  return strcmp((const char *)key, ((const element_role *)element)->name);
}

int tm_html_role_of(const xmlNode *node) {
  if (node->name == NULL) return ROLE_INLINE;
  // The walks ask for an element's role several times; the first answer is kept in the low
  // bits of the node's `extra` field (libxml2 uses it for XPath, which nothing here runs, and
  // reserves its top four bits, which are left as they are), plus one so that zero still means
  // "not looked up".
  unsigned short cached = node->extra & 0x0FFF;
  if (node->type == XML_ELEMENT_NODE && cached != 0) return cached - 1;
  const element_role *found = bsearch(node->name, element_roles, sizeof(element_roles) / sizeof(element_roles[0]),
                                      sizeof(element_role), compare_role);
  int role = found ? found->role : ROLE_INLINE;
  if (node->type == XML_ELEMENT_NODE) {
    xmlNode *writable = (xmlNode *)node;
    writable->extra = (unsigned short)((writable->extra & 0xF000) | (unsigned)(role + 1));
  }
  return role;
}

/// The attributes the walk looks at, read in one pass without allocating.
typedef struct element_attributes {
  const char *class_name;
  const char *id;
  const char *role;
  const char *style;
  const char *aria_hidden;
  bool hidden;
} element_attributes;

static const char *attribute_text(const xmlAttr *attr) {
  if (attr->children != NULL && attr->children->type == XML_TEXT_NODE) {
    return (const char *)attr->children->content;
  }
  return "";
}

static element_attributes attributes_of(const xmlNode *node) {
  element_attributes found = {0};
  for (const xmlAttr *attr = node->properties; attr != NULL; attr = attr->next) {
    const char *name = (const char *)attr->name;
    if (name == NULL) continue;
    if (strcmp(name, "class") == 0) found.class_name = attribute_text(attr);
    else if (strcmp(name, "id") == 0) found.id = attribute_text(attr);
    else if (strcmp(name, "role") == 0) found.role = attribute_text(attr);
    else if (strcmp(name, "style") == 0) found.style = attribute_text(attr);
    else if (strcmp(name, "aria-hidden") == 0) found.aria_hidden = attribute_text(attr);
    else if (strcmp(name, "hidden") == 0) found.hidden = true;
  }
  return found;
}

static const char *const furniture_roles[] = {
    "navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar", NULL};

/// Words that mark page furniture in class and id values, as a whole token or its prefix or
/// suffix ("leftnav", "navbar", "site-footer").
static const char *const furniture_hints[] = {
    "nav", "navigation", "menu", "breadcrumb", "breadcrumbs", "sidebar", "footer",
    "skiplink", "skip", "cookie", "cookies", NULL};

static bool token_is_furniture(const char *token, size_t length) {
  char lower[64];
  if (length == 0 || length >= sizeof(lower)) return false;
  for (size_t i = 0; i < length; i++) {
    char c = token[i];
    lower[i] = (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
  }
  lower[length] = '\0';
  for (const char *const *hint = furniture_hints; *hint != NULL; hint++) {
    size_t h = strlen(*hint);
    if (h > length) continue;
    if (memcmp(lower, *hint, h) == 0) return true;
    if (memcmp(lower + length - h, *hint, h) == 0) return true;
  }
  return false;
}

static bool value_has_furniture_hint(const char *value) {
  if (value == NULL) return false;
  const char *p = value;
  while (*p != '\0') {
    while (*p == ' ' || *p == '-' || *p == '_' || *p == '\t') p++;
    const char *start = p;
    while (*p != '\0' && *p != ' ' && *p != '-' && *p != '_' && *p != '\t') p++;
    if (token_is_furniture(start, (size_t)(p - start))) return true;
  }
  return false;
}

static bool style_hides(const char *style) {
  if (style == NULL) return false;
  char compact[256];
  size_t n = 0;
  for (const char *p = style; *p != '\0' && n + 1 < sizeof(compact); p++) {
    if (!is_space((unsigned char)*p)) {
      char c = *p;
      compact[n++] = (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
    }
  }
  compact[n] = '\0';
  return strstr(compact, "display:none") != NULL || strstr(compact, "visibility:hidden") != NULL;
}

static bool inside_sectioning(const xmlNode *node) {
  for (const xmlNode *p = node->parent; p != NULL; p = p->parent) {
    if (p->type == XML_ELEMENT_NODE &&
        (name_is(p, "article") || name_is(p, "main") || name_is(p, "section"))) {
      return true;
    }
  }
  return false;
}

/// Whether an element holds a link (an <a> with an href), looked for without recursion.
static bool holds_link(const xmlNode *node) {
  const xmlNode *current = node->children;
  while (current != NULL) {
    if (current->type == XML_ELEMENT_NODE && name_is(current, "a")) {
      for (const xmlAttr *attr = current->properties; attr != NULL; attr = attr->next) {
        if (attr->name != NULL && strcmp((const char *)attr->name, "href") == 0) return true;
      }
    }
    if (current->children != NULL && current->type == XML_ELEMENT_NODE) {
      current = current->children;
      continue;
    }
    while (current != NULL && current->next == NULL) {
      current = current->parent;
      if (current == node) return false;
    }
    if (current != NULL) current = current->next;
  }
  return false;
}

/// An <aside> inside an article that holds no link is part of the story (a fact file, a
/// pull-out quote), not the page's furniture (related links, a sidebar).
static bool is_story_aside(const xmlNode *node) {
  if (!name_is(node, "aside")) return false;
  bool in_article = false;
  for (const xmlNode *p = node->parent; p != NULL; p = p->parent) {
    if (p->type == XML_ELEMENT_NODE && name_is(p, "article")) in_article = true;
  }
  return in_article && !holds_link(node);
}

static bool inside_body(const xmlNode *node) {
  for (const xmlNode *p = node->parent; p != NULL; p = p->parent) {
    if (p->type == XML_ELEMENT_NODE && name_is(p, "body")) return true;
  }
  return false;
}

bool tm_html_excluded(const xmlNode *node, int role, bool keep_furniture, const tm_page *page) {
  if (role == ROLE_NEVER_VISIBLE) return true;
  if (node->properties != NULL) {
    element_attributes attributes = attributes_of(node);
    if (attributes.hidden) return true;
    if (attributes.aria_hidden != NULL && strcasecmp(attributes.aria_hidden, "true") == 0) return true;
    if (style_hides(attributes.style)) return true;
  }
  if (keep_furniture || role == ROLE_CONTENT_ROOT) return false;
  bool furniture = (role == ROLE_FURNITURE && !is_story_aside(node)) ||
                   ((name_is(node, "header") || name_is(node, "footer")) && !inside_sectioning(node));
  if (!furniture && node->properties != NULL) {
    element_attributes attributes = attributes_of(node);
    if (attributes.role != NULL) {
      for (const char *const *r = furniture_roles; *r != NULL; r++) {
        if (strcasecmp(attributes.role, *r) == 0) furniture = true;
      }
    }
    furniture = furniture || value_has_furniture_hint(attributes.class_name) || value_has_furniture_hint(attributes.id);
  }
  // Whatever holds half the page's running text is not furniture, whatever it is called: a
  // theme's "content-sidebar-wrap", or an ASP.NET page wrapped whole in a <form>.
  return furniture && tm_page_paragraph_share(page, node) < 0.5;
}

static bool is_thread(const builder *b, const xmlNode *node) {
  for (size_t i = 0; i < b->thread_count; i++) {
    if (b->threads[i] == node) return true;
  }
  return false;
}

/// Whether an element is never visible (script, hidden, display:none), furniture aside.
static bool invisible(const builder *b, const xmlNode *node, int role) {
  return tm_html_excluded(node, role, true, b->page);
}

/// Whether an element and everything in it stays out of the text, comment threads aside.
static bool skips_outside_threads(const builder *b, const xmlNode *node, int role) {
  if ((b->options & TM_HTML_MAIN_CONTENT) &&
      (tm_html_is_pruned(node) || (node->properties != NULL && tm_html_unlikely_content(node, b->page)))) {
    return true;
  }
  return tm_html_excluded(node, role, (b->options & TM_HTML_KEEP_FURNITURE) != 0, b->page);
}

/// Whether an element that would stay out of the text is walked all the same, its own text left
/// out, because a comment thread lies inside it (a "post-footer" that holds the comments).
static bool suppressed(const builder *b, const xmlNode *node, int role) {
  return b->comments_depth == 0 && b->thread_count > 0 && !is_thread(b, node) && !invisible(b, node, role) &&
         skips_outside_threads(b, node, role) && tm_html_holds_thread(node, b->threads, b->thread_count);
}

/// Whether an element and everything in it stays out of the text.
static bool skips(const builder *b, const xmlNode *node, int role) {
  if (name_is(node, "title")) return b->seen_title || inside_body(node);
  // A comment thread is kept whatever main-content selection made of it, less what stands
  // around the comments' text.
  if (b->comments_depth > 0) {
    return tm_html_comment_furniture(node) ||
           tm_html_excluded(node, role, (b->options & TM_HTML_KEEP_FURNITURE) != 0, b->page);
  }
  if (is_thread(b, node)) return invisible(b, node, role);
  if (skips_outside_threads(b, node, role)) return !suppressed(b, node, role);
  return false;
}

/// The block kind an element starts, or -1 if it is inline.
static int block_kind(const xmlNode *node, int role, uint32_t *level) {
  *level = 0;
  const char *name = (const char *)node->name;
  if (name == NULL) return -1;
  if (name[0] == 'h' && name[1] >= '1' && name[1] <= '6' && name[2] == '\0') {
    *level = (uint32_t)(name[1] - '0');
    return TM_BLOCK_HEADING;
  }
  if (role >= ROLE_FURNITURE) return TM_BLOCK_PARAGRAPH;
  if (name_is(node, "title")) return TM_BLOCK_TITLE;
  if (name_is(node, "li") || name_is(node, "dt") || name_is(node, "dd")) return TM_BLOCK_LIST_ITEM;
  if (name_is(node, "td") || name_is(node, "th")) return TM_BLOCK_TABLE_CELL;
  return -1;
}

static void enter(builder *b, const xmlNode *node, int role) {
  if (tm_html_is_selected(node)) b->selected_depth++;
  if (suppressed(b, node, role)) b->suppress_depth++;
  if (is_thread(b, node)) {
    flush(b);
    b->comments_depth++;
  }
  if (name_is(node, "br")) {
    b->line_mode_depth = b->depth == 0 ? 1 : b->depth;
    b->at_break = true;
    flush(b);
    b->at_break = false;
    return;
  }
  uint32_t level = 0;
  int kind = block_kind(node, role, &level);
  if (kind < 0) return;
  flush(b);
  if (kind == TM_BLOCK_PARAGRAPH && b->depth > 0) {
    // Generic containers inherit a list item's, cell's or heading's kind.
    kind = (int)current_kind(b);
    level = current_level(b);
  }
  if (b->depth < KIND_STACK_CAPACITY) {
    b->kinds[b->depth] = (uint32_t)kind;
    b->levels[b->depth] = level;
  }
  b->depth++;
  if (kind == TM_BLOCK_TITLE) b->in_title = true;
  if (name_is(node, "pre")) b->pre_depth++;
}

static void leave(builder *b, const xmlNode *node) {
  if (tm_html_is_selected(node) && b->selected_depth > 0) b->selected_depth--;
  if (b->suppress_depth > 0 && suppressed(b, node, tm_html_role_of(node))) b->suppress_depth--;
  if (is_thread(b, node) && b->comments_depth > 0) {
    flush(b);
    b->comments_depth--;
  }
  uint32_t level = 0;
  int kind = block_kind(node, tm_html_role_of(node), &level);
  if (kind < 0 || name_is(node, "br")) return;
  flush(b);
  if (b->line_mode_depth == b->depth) b->line_mode_depth = 0;
  if (b->depth > 0) b->depth--;
  if (kind == TM_BLOCK_TITLE) {
    b->in_title = false;
    b->seen_title = true;
  }
  if (name_is(node, "pre") && b->pre_depth > 0) b->pre_depth--;
}

static uint32_t line_of(const xmlNode *node) {
  long line = xmlGetLineNo((xmlNodePtr)node);
  if (line <= 0 && node->parent != NULL) line = xmlGetLineNo(node->parent);
  return line > 0 && line < UINT32_MAX ? (uint32_t)line : 0;
}

tm_html_status tm_html_extract(const char *utf8, size_t length, uint32_t options, tm_html_limits limits,
                               tm_html_document *result) {
  memset(result, 0, sizeof(*result));
  xmlDocPtr doc = NULL;
  tm_html_status parsed = tm_html_parse(utf8, length, limits, &doc, &result->limit_value);
  if (parsed != TM_HTML_OK) return parsed;
  tm_budget budget = tm_budget_start(limits.max_seconds);

  builder *b = calloc(1, sizeof(builder));
  if (b == NULL) {
    xmlFreeDoc(doc);
    return TM_HTML_OUT_OF_MEMORY;
  }
  b->options = options;
  tm_page *page = tm_page_measure(doc);
  b->page = page;
  if ((options & TM_HTML_MAIN_CONTENT) &&
      !tm_html_select_main_content(doc, (options & TM_HTML_KEEP_FURNITURE) != 0, page, &budget)) {
    b->options &= ~(uint32_t)TM_HTML_MAIN_CONTENT;  // no main content found: the whole visible text
  }
  b->thread_count = tm_html_comment_threads(doc, page, &budget, &b->threads);
  xmlNode *stop = (xmlNode *)doc;
  xmlNode *node = doc->children;
  while (node != NULL && !b->failed && !tm_budget_spent(&budget)) {
    if (node->type == XML_ELEMENT_NODE) {
      int role = tm_html_role_of(node);
      if (!skips(b, node, role)) {
        enter(b, node, role);
        if (node->children != NULL) {
          node = node->children;
          continue;
        }
        leave(b, node);
      }
    } else if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) {
      append_text(b, node->content, line_of(node));
    }
    // Next node: a sibling, or climb to the first ancestor that has one.
    while (node != NULL && node->next == NULL) {
      node = node->parent;
      if (node == NULL || node == stop) {
        node = NULL;
        break;
      }
      if (node->type == XML_ELEMENT_NODE) leave(b, node);
    }
    if (node != NULL) node = node->next;
  }
  flush(b);
  free(b->threads);
  tm_page_free(page);
  tm_html_collect_metadata(doc, &result->metadata);
  xmlFreeDoc(doc);

  if (b->failed || budget.spent) {
    tm_html_metadata_free(&result->metadata);
    free(b->text);
    free(b->blocks);
    free(b);
    return budget.spent ? TM_HTML_OUT_OF_TIME : TM_HTML_OUT_OF_MEMORY;
  }
  result->text = b->text;
  result->text_length = b->length;
  result->blocks = b->blocks;
  result->block_count = b->block_count;
  free(b);
  return TM_HTML_OK;
}

void tm_html_document_free(tm_html_document *document) {
  free(document->text);
  free(document->blocks);
  tm_html_metadata_free(&document->metadata);
  memset(document, 0, sizeof(*document));
}
