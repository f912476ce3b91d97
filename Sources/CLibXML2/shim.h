// Umbrella for the system libxml2; only the C target CTextShim includes these headers.
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
