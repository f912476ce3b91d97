// Per-element text statistics of a parsed page, for judging furniture hints against where the
// page's running text actually is.
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <libxml/tree.h>

#include "html_internal.h"

struct tm_page {
  const xmlNode **keys;  // open-addressing table of element pointers
  double *paragraph_text;
  size_t capacity;       // a power of two
  size_t count;          // keys in use, at most half the capacity
  double total;
};

static size_t slot_of(const tm_page *page, const xmlNode *node) {
  uintptr_t hash = (uintptr_t)node;
  hash ^= hash >> 17;
  hash *= 0x9E3779B97F4A7C15ull;
  size_t slot = (size_t)(hash >> 7) & (page->capacity - 1);
  while (page->keys[slot] != NULL && page->keys[slot] != node) slot = (slot + 1) & (page->capacity - 1);
  return slot;
}

/// Makes the table twice as large, keeping its entries; false when memory runs out.
static bool grow(tm_page *page) {
  tm_page bigger = {.capacity = page->capacity * 2, .count = page->count, .total = page->total};
  bigger.keys = calloc(bigger.capacity, sizeof(xmlNode *));
  bigger.paragraph_text = calloc(bigger.capacity, sizeof(double));
  if (bigger.keys == NULL || bigger.paragraph_text == NULL) {
    free(bigger.keys);
    free(bigger.paragraph_text);
    return false;
  }
  for (size_t i = 0; i < page->capacity; i++) {
    if (page->keys[i] == NULL) continue;
    size_t slot = slot_of(&bigger, page->keys[i]);
    bigger.keys[slot] = page->keys[i];
    bigger.paragraph_text[slot] = page->paragraph_text[i];
  }
  free(page->keys);
  free(page->paragraph_text);
  *page = bigger;
  return true;
}

/// Adds `text` to the paragraph text of `node`, entering it in the table if it is new.
static bool credit(tm_page *page, const xmlNode *node, double text) {
  size_t slot = slot_of(page, node);
  if (page->keys[slot] == NULL) {
    if ((page->count + 1) * 2 > page->capacity) {
      if (!grow(page)) return false;
      slot = slot_of(page, node);
    }
    page->keys[slot] = node;
    page->count++;
  }
  page->paragraph_text[slot] += text;
  return true;
}

static size_t visible_chars(const unsigned char *text) {
  size_t count = 0;
  for (const unsigned char *p = text; *p != '\0'; p++) {
    unsigned char c = *p;
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && (c & 0xC0) != 0x80) count++;
  }
  return count;
}

static bool is_link(const xmlNode *node) {
  return node->type == XML_ELEMENT_NODE && node->name != NULL && node->name[0] == 'a' && node->name[1] == 0;
}

tm_page *tm_page_measure(xmlDoc *doc) {
  tm_page *page = calloc(1, sizeof(tm_page));
  if (page == NULL) return NULL;
  // Only the ancestors of paragraphs enter the table, far fewer than the page's elements: it
  // starts small and grows, so the page is walked once.
  page->capacity = 64;
  page->keys = calloc(page->capacity, sizeof(xmlNode *));
  page->paragraph_text = calloc(page->capacity, sizeof(double));
  if (page->keys == NULL || page->paragraph_text == NULL) {
    tm_page_free(page);
    return NULL;
  }
  // Running text: the visible, non-link text of each <p>, credited to every ancestor.
  for (xmlNode *node = doc->children; node != NULL;) {
    bool descend = false;
    if (node->type == XML_ELEMENT_NODE && tm_html_role_of(node) != ROLE_NEVER_VISIBLE) {
      descend = node->children != NULL;
      if (node->name != NULL && node->name[0] == 'p' && node->name[1] == 0) {
        double text = 0;
        // Links are not entered: their text is not running text.
        for (xmlNode *inner = node->children; inner != NULL;
             inner = tm_walk_next(inner, node,
                                  inner->type == XML_ELEMENT_NODE && !is_link(inner) &&
                                      tm_html_role_of(inner) != ROLE_NEVER_VISIBLE)) {
          if (inner->type == XML_TEXT_NODE && inner->content != NULL) {
            text += (double)visible_chars(inner->content);
          }
        }
        if (text >= 40) {
          page->total += text;
          for (const xmlNode *a = node; a != NULL && a != (xmlNode *)doc; a = a->parent) {
            if (!credit(page, a, text)) {
              tm_page_free(page);
              return NULL;
            }
          }
        }
      }
    }
    node = tm_walk_next(node, (xmlNode *)doc, descend);
  }
  return page;
}

double tm_page_paragraph_share(const tm_page *page, const xmlNode *node) {
  if (page == NULL || page->total <= 0) return 0;
  size_t slot = slot_of(page, node);
  return page->keys[slot] == node ? page->paragraph_text[slot] / page->total : 0;
}

void tm_page_free(tm_page *page) {
  if (page == NULL) return;
  free(page->keys);
  free(page->paragraph_text);
  free(page);
}
