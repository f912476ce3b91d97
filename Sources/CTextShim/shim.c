// Process-wide set-up and memory release for the CTextShim boundary.
#include "CTextShim.h"

#include <stdlib.h>
#include <libxml/parser.h>

/// Refuses every external entity or DTD libxml2 might try to load: nothing is read from disk or
/// the network, whatever a document declares.
static xmlParserInputPtr refuse_external_entity(const char *url, const char *id, xmlParserCtxtPtr context) {
  (void)url;
  (void)id;
  (void)context;
  return NULL;
}

void tm_initialize(void) {
  xmlInitParser();
  xmlSetExternalEntityLoader(refuse_external_entity);
}

void tm_free(void *pointer) { free(pointer); }
