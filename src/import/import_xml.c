/* libxml2, opened on first use (see import_xml.h). */
#include <dlfcn.h>
#include <pthread.h>
#include <stddef.h>

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#ifndef GIR_LIBXML2
#define GIR_LIBXML2 "libxml2.so.2"
#endif

/* Here the names stay libxml2's own, for the pointers' types and dlsym. */
#define GIR_XML_DEFINING
#include "import_xml.h"
#include "i18n.h"

#define DEFINE_POINTER(f) __typeof__(f) *gir_p_##f;
GIR_XML_FUNCS(DEFINE_POINTER)
#undef DEFINE_POINTER

static const char *missing;

static void open_libxml2(void)
{
	void *h = dlopen(GIR_LIBXML2, RTLD_NOW | RTLD_LOCAL);
	if (!h) {
		missing = GIR_LIBXML2;
		return;
	}
	/* POSIX's way to store a function's address from dlsym (XSH dlsym);
	 * the names are spelled out, not macro-expanded into the pointers. */
#define LOOK_UP(f) \
	if (!(*(void **)&gir_p_##f = dlsym(h, #f)) && !missing) \
		missing = #f;
	GIR_XML_FUNCS(LOOK_UP)
#undef LOOK_UP
}

const char *gir_xml_missing(void)
{
	static pthread_once_t once = PTHREAD_ONCE_INIT;
	pthread_once(&once, open_libxml2);
	return missing;
}

int gir_xml_require(gir_diags *d, const char *file)
{
	const char *what = gir_xml_missing();
	if (!what)
		return 0;
	gir_diag_at(d, file, (gir_pos){0, 0}, NULL, NULL, _("install Debian's libxml2 (apt install libxml2)"),
	            GIR_MSG(ERROR, import_no_libxml2, "reading a web page or a Word file needs libxml2: %s not found"),
	            what);
	return -1;
}
