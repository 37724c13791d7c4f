// libxml2's HTML parser for Warta. The Debian build enables ICU, whose headers clash with the copy of ICU
// inside Foundation; Warta never uses libxml2's ICU converters, so the switch is turned off here.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/xpath.h>
