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

/// The attribute count of the first start tag with more than `max_attributes`, or 0 (a scan of
/// the bytes that skips comments, scripts and styles and quoted values).
uint64_t tm_html_attribute_overflow(const char *html, size_t length, uint32_t max_attributes);

#endif
