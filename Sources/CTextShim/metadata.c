// The metadata a page states about itself: Open Graph and meta tags, <time>, <link
// rel=canonical>, <html lang>, and the first h1.
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <libxml/tree.h>

#include "CTextShim.h"
#include "html_internal.h"

const char *tm_html_attribute(const xmlNode *node, const char *name) {
  for (const xmlAttr *a = node->properties; a != NULL; a = a->next) {
    if (a->name != NULL && strcasecmp((const char *)a->name, name) == 0 && a->children != NULL &&
        a->children->type == XML_TEXT_NODE) {
      return (const char *)a->children->content;
    }
  }
  return NULL;
}

/// Stores a trimmed, white-space-collapsed copy of `value` in `*slot` unless it is already set.
static void keep(char *_Nullable *slot, const char *value) {
  if (*slot != NULL || value == NULL) return;
  size_t length = strlen(value);
  char *copy = malloc(length + 1);
  if (copy == NULL) return;
  size_t n = 0;
  bool space = false;
  for (size_t i = 0; i < length; i++) {
    char c = value[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = n > 0;
      continue;
    }
    if (space) copy[n++] = ' ';
    space = false;
    copy[n++] = c;
  }
  copy[n] = '\0';
  if (n == 0) {
    free(copy);
    return;
  }
  *slot = copy;
}

static bool named(const xmlNode *node, const char *key, const char *const *values) {
  const char *value = tm_html_attribute(node, key);
  if (value == NULL) return false;
  for (; *values != NULL; values++) {
    if (strcasecmp(value, *values) == 0) return true;
  }
  return false;
}

void tm_html_collect_metadata(xmlDoc *doc, tm_html_metadata *metadata) {
  static const char *const titles[] = {"og:title", "twitter:title", NULL};
  static const char *const authors[] = {"author", "article:author", "dc.creator", "byl", "sailthru.author", NULL};
  static const char *const dates[] = {"article:published_time", "datepublished", "date", "dc.date",
                                      "dc.date.issued", "pubdate", "publishdate", "sailthru.date",
                                      "og:published_time", NULL};
  static const char *const urls[] = {"og:url", NULL};
  for (xmlNode *node = doc->children; node != NULL; node = tm_walk_next(node, (xmlNode *)doc, node->type == XML_ELEMENT_NODE)) {
    if (node->type != XML_ELEMENT_NODE || node->name == NULL) continue;
    const char *name = (const char *)node->name;
    if (strcmp(name, "html") == 0) {
      keep(&metadata->language, tm_html_attribute(node, "lang"));
      keep(&metadata->language, tm_html_attribute(node, "xml:lang"));
    } else if (strcmp(name, "meta") == 0) {
      const char *content = tm_html_attribute(node, "content");
      if (named(node, "property", titles) || named(node, "name", titles)) keep(&metadata->title, content);
      if (named(node, "name", authors) || named(node, "property", authors)) keep(&metadata->author, content);
      if (named(node, "property", dates) || named(node, "name", dates) || named(node, "itemprop", dates)) {
        keep(&metadata->published, content);
      }
      if (named(node, "property", urls)) keep(&metadata->url, content);
    } else if (strcmp(name, "link") == 0) {
      const char *rel = tm_html_attribute(node, "rel");
      if (rel != NULL && strcasecmp(rel, "canonical") == 0) keep(&metadata->url, tm_html_attribute(node, "href"));
    } else if (strcmp(name, "time") == 0) {
      const char *itemprop = tm_html_attribute(node, "itemprop");
      if (itemprop == NULL || strcasecmp(itemprop, "datePublished") == 0) keep(&metadata->published, tm_html_attribute(node, "datetime"));
    } else if (strcmp(name, "h1") == 0 && metadata->heading == NULL) {
      xmlChar *text = xmlNodeGetContent(node);
      keep(&metadata->heading, (const char *)text);
      xmlFree(text);
      long line = xmlGetLineNo(node);
      metadata->heading_line = line > 0 ? (uint32_t)line : 0;
    }
  }
}

void tm_html_metadata_free(tm_html_metadata *metadata) {
  free(metadata->title);
  free(metadata->heading);
  free(metadata->author);
  free(metadata->published);
  free(metadata->language);
  free(metadata->url);
  memset(metadata, 0, sizeof(*metadata));
}
