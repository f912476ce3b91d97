// libxml2's HTML parse under our limits: nesting depth, attributes per element, no network
// (HTML_PARSE_NONET; external entities are refused process-wide by tm_initialize).
//
// libxml2 stops at 256 levels of nesting unless told XML_PARSE_HUGE, and drops the rest of the
// page without a word; old council pages with unclosed <font> or <div> tags go deeper than that.
// So the parse lifts libxml2's cap and applies ours: a SAX start-element hook stops the parser
// the moment the depth passes `max_depth`. Attributes and elements are counted by a scan of the
// bytes before the parse, because libxml2 checks each new attribute against all earlier ones of
// its element (quadratic: 100,000 attributes take half a minute), and because a tree costs a few
// hundred bytes per element whatever the page's size in bytes.
#include <ctype.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>

#include "html_parse.h"

typedef struct depth_guard {
  uint32_t max_depth;
  uint64_t reached;
  startElementSAXFunc start_element;
} depth_guard;

static void guarded_start_element(void *context, const xmlChar *name, const xmlChar **attributes) {
  htmlParserCtxtPtr parser = context;
  depth_guard *guard = parser->_private;
  guard->start_element(context, name, attributes);
  if (guard->max_depth > 0 && parser->nameNr > 0 && (uint32_t)parser->nameNr > guard->max_depth) {
    guard->reached = (uint64_t)parser->nameNr;
    xmlStopParser(parser);
  }
}

/// Finds `needle` (lower case ASCII) in `text` ignoring case; returns its offset or `length`.
/// The needles all start with a character that has no case ('<', '-'), so `memchr` finds each
/// candidate: a page's scripts, often half its bytes, are skipped at memchr's speed.
static size_t find_ignoring_case(const char *text, size_t length, size_t from, const char *needle) {
  size_t needle_length = strlen(needle);
  unsigned char first = (unsigned char)needle[0];
  bool caseless_first = !isalpha(first);
  size_t i = from;
  while (i + needle_length <= length) {
    if (caseless_first) {
      const char *hit = memchr(text + i, first, length - needle_length + 1 - i);
      if (hit == NULL) return length;
      i = (size_t)(hit - text);
    } else if (tolower((unsigned char)text[i]) != first) {
      i++;
      continue;
    }
    if (strncasecmp(text + i, needle, needle_length) == 0) return i;
    i++;
  }
  return length;
}

/// The end of a DOCTYPE internal subset opened at `open` (the `[`): the offset of its `]`, or
/// `length` when it never closes. Quoted strings and comments inside it may hold `]`.
static size_t internal_subset_end(const char *html, size_t length, size_t open) {
  char quote = 0;
  for (size_t i = open + 1; i < length; i++) {
    char c = html[i];
    if (quote != 0) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '<' && i + 3 < length && html[i + 1] == '!' && html[i + 2] == '-' && html[i + 3] == '-') {
      i = find_ignoring_case(html, length, i + 4, "-->") + 2;
    } else if (c == ']') {
      return i;
    }
  }
  return length;
}

tm_html_shape tm_html_prescan(const char *html, size_t length, uint32_t max_attributes, uint32_t max_elements) {
  tm_html_shape shape = {.status = TM_HTML_OK};
  uint64_t elements = 0;
  size_t i = 0;
  while (i < length) {
    const char *open = memchr(html + i, '<', length - i);
    if (open == NULL) return shape;
    i = (size_t)(open - html) + 1;
    if (i + 2 < length && html[i] == '!' && html[i + 1] == '-' && html[i + 2] == '-') {
      size_t end = find_ignoring_case(html, length, i + 3, "-->");
      i = end + 3;
      continue;
    }
    if (i + 8 < length && html[i] == '!' && strncasecmp(html + i + 1, "doctype", 7) == 0 && shape.subset_end == 0) {
      // <!DOCTYPE name [ ... ]>: the internal subset, up to the tag's end.
      size_t j = i + 8;
      while (j < length && html[j] != '>' && html[j] != '[') j++;
      if (j < length && html[j] == '[') {
        shape.subset_start = j;
        shape.subset_end = internal_subset_end(html, length, j);
        if (shape.subset_end < length) shape.subset_end++;
        i = shape.subset_end;
      }
      continue;
    }
    if (i >= length || !isalpha((unsigned char)html[i])) continue;
    if (max_elements > 0 && ++elements > max_elements) {
      shape.status = TM_HTML_TOO_MANY_ELEMENTS;
      shape.value = elements;
      return shape;
    }
    size_t name_start = i;
    while (i < length && !isspace((unsigned char)html[i]) && html[i] != '>' && html[i] != '/') i++;
    size_t name_length = i - name_start;
    // Count the names that start after white space, outside quoted values; a quote opens a value
    // only right after '=' (as in libxml2), so a stray quote cannot hide attributes.
    uint64_t count = 0;
    char previous = ' ';
    for (; i < length; i++) {
      char c = html[i];
      if (c == '>') break;
      if ((c == '"' || c == '\'') && previous == '=') {
        // A quoted value (a URL, a class list, inline data: most of a tag's bytes) ends at the
        // next same quote, found with memchr; unclosed, it runs to the end of the page.
        const char *close = memchr(html + i + 1, c, length - i - 1);
        if (close == NULL) {
          i = length;
          break;
        }
        i = (size_t)(close - html);
        previous = 'v';
        continue;
      }
      if (isspace((unsigned char)c)) {
        if (previous != '=') previous = ' ';
        continue;
      }
      if (previous == ' ' && c != '=' && c != '/') count++;
      previous = c;
    }
    if (max_attributes > 0 && count > max_attributes) {
      shape.status = TM_HTML_TOO_MANY_ATTRIBUTES;
      shape.value = count;
      return shape;
    }
    // The text of script and style is not markup.
    if (name_length == 6 && strncasecmp(html + name_start, "script", 6) == 0) {
      i = find_ignoring_case(html, length, i, "</script");
    } else if (name_length == 5 && strncasecmp(html + name_start, "style", 5) == 0) {
      i = find_ignoring_case(html, length, i, "</style");
    }
  }
  return shape;
}

tm_html_status tm_html_parse(const char *utf8, size_t length, tm_html_limits limits, xmlDocPtr *document,
                             uint64_t *limit_value) {
  *document = NULL;
  *limit_value = 0;
  if (length > INT32_MAX) return TM_HTML_PARSE_FAILED;
  tm_html_shape shape = tm_html_prescan(utf8, length, limits.max_attributes, limits.max_elements);
  if (shape.status != TM_HTML_OK) {
    *limit_value = shape.value;
    return shape.status;
  }
  // A DOCTYPE's internal subset (entity declarations) is not text: blank it, keeping its line
  // breaks so that line numbers stay right, in a copy of the page.
  char *blanked = NULL;
  if (shape.subset_end > shape.subset_start) {
    blanked = malloc(length);
    if (blanked == NULL) return TM_HTML_OUT_OF_MEMORY;
    memcpy(blanked, utf8, length);
    for (size_t i = shape.subset_start; i < shape.subset_end; i++) {
      if (blanked[i] != '\n') blanked[i] = ' ';
    }
    utf8 = blanked;
  }
  htmlParserCtxtPtr parser = htmlNewParserCtxt();
  if (parser == NULL) {
    free(blanked);
    return TM_HTML_OUT_OF_MEMORY;
  }
  depth_guard guard = {.max_depth = limits.max_depth, .start_element = parser->sax->startElement};
  parser->_private = &guard;
  parser->sax->startElement = guarded_start_element;
  int options = HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                HTML_PARSE_NOBLANKS | (limits.max_depth > 0 ? XML_PARSE_HUGE : 0);
  htmlDocPtr parsed = htmlCtxtReadMemory(parser, utf8, (int)length, NULL, "UTF-8", options);
  htmlFreeParserCtxt(parser);
  free(blanked);
  if (guard.reached > 0) {
    if (parsed != NULL) xmlFreeDoc(parsed);
    *limit_value = guard.reached;
    return TM_HTML_TOO_DEEP;
  }
  if (parsed == NULL) return TM_HTML_PARSE_FAILED;
  *document = parsed;
  return TM_HTML_OK;
}
