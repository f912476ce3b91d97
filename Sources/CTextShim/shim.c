// Process-wide set-up and memory release for the CTextShim boundary.
#include "CTextShim.h"

#include <stdlib.h>
#include <libxml/parser.h>

void tm_initialize(void) { xmlInitParser(); }

void tm_free(void *pointer) { free(pointer); }
