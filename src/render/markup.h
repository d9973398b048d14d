/* Text inside HTML and XML markup, escaped once for every writer of pages
 * (the report's HTML, the city site). */
#ifndef GIR_MARKUP_H
#define GIR_MARKUP_H

#include <stddef.h>

#include "gireport.h"

/* The n bytes of s (up to a NUL) as HTML and XML both read them: the five
 * characters with a meaning as references, line breaks and tabs as spaces,
 * control characters and U+FFFE/U+FFFF, which XML does not allow, left out. */
void gir_markup_esc(gir_buf *out, const char *s, size_t n);

#endif
