// The guarded libxml2 HTML parse (html_parse.c). Not part of the public header: it includes libxml2.
#ifndef CTEXTSHIM_HTML_PARSE_H
#define CTEXTSHIM_HTML_PARSE_H

#include "CTextShim.h"
#include <libxml/tree.h>

/// Parses UTF-8 HTML under `limits` (depth and attributes; no network, no entity loading).
/// On TM_HTML_OK `*document` is the tree, for the caller to free with xmlFreeDoc; on a limit
/// status `*limit_value` is the depth or attribute count reached.
tm_html_status tm_html_parse(const char *utf8, size_t length, tm_html_limits limits, xmlDocPtr *document,
                             uint64_t *limit_value);

/// What the scan before the parse found: the first limit a page breaks, if any.
typedef struct tm_html_shape {
  /// TM_HTML_OK, TM_HTML_TOO_MANY_ATTRIBUTES or TM_HTML_TOO_MANY_ELEMENTS.
  tm_html_status status;
  /// The attribute count of the offending tag, or the element count reached.
  uint64_t value;
  /// Byte range of a DOCTYPE's internal subset (`[` to `]` inclusive), or 0 and 0.
  size_t subset_start;
  size_t subset_end;
} tm_html_shape;

/// Scans the bytes before the parse, skipping comments, scripts, styles and quoted values:
/// counts start tags and each tag's attributes against the limits (0: no limit), and finds a
/// DOCTYPE internal subset, which libxml2's HTML parser would otherwise leave as text.
tm_html_shape tm_html_prescan(const char *html, size_t length, uint32_t max_attributes, uint32_t max_elements);

#endif
