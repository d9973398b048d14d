/* libxml2 for the readers of web pages and Word files (import_html.c,
 * import_docx.c), opened with dlopen on first use, as poppler-glib is
 * (import_pdf.c): linking it made every run of gireport load libxml2 and
 * what it needs (ICU, libstdc++, liblzma: five libraries), about 1 ms of a
 * report's build, although only `import` of a page or a .docx uses it.
 *
 * Include this after libxml2's headers: from here on the names of the
 * functions below call through pointers, looked up by name in the library
 * whose soname the build found with pkg-config (GIR_LIBXML2), and called as
 * its installed headers declare them.  Call gir_xml_missing() first. */
#ifndef GIR_IMPORT_XML_H
#define GIR_IMPORT_XML_H

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "diag.h"

#define GIR_XML_FUNCS(X) \
	X(htmlNewParserCtxt) X(htmlCtxtReadMemory) X(htmlFreeParserCtxt) X(xmlReadMemory) \
	X(xmlDocGetRootElement) X(xmlFreeDoc)

#define GIR_XML_POINTER(f) extern __typeof__(f) *gir_p_##f;
GIR_XML_FUNCS(GIR_XML_POINTER)
#undef GIR_XML_POINTER

/* NULL once libxml2 and every function above are there, else what is
 * missing (the soname, or a function's name).  Each process opens it once;
 * safe to call from any thread. */
const char *gir_xml_missing(void);

/* 0 when libxml2 is there; else -1 and an error at FILE (import_no_libxml2)
 * naming what is missing and the Debian package that has it. */
int gir_xml_require(gir_diags *d, const char *file);

#ifndef GIR_XML_DEFINING /* import_xml.c, which defines the pointers, names the functions */
#define htmlNewParserCtxt (*gir_p_htmlNewParserCtxt)
#define htmlCtxtReadMemory (*gir_p_htmlCtxtReadMemory)
#define htmlFreeParserCtxt (*gir_p_htmlFreeParserCtxt)
#define xmlReadMemory (*gir_p_xmlReadMemory)
#define xmlDocGetRootElement (*gir_p_xmlDocGetRootElement)
#define xmlFreeDoc (*gir_p_xmlFreeDoc)
#endif

#endif
