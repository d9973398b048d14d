/* The DOCX renderer's one piece with a test of its own (tests/unit/docx.c):
 * text made safe for WordprocessingML. */
#ifndef GIR_DOCX_H
#define GIR_DOCX_H

#include <stddef.h>

#include "gireport.h"

/* Appends n bytes of UTF-8 text as XML character data that is also safe in
 * a double-quoted attribute: & < > " as references; tab, line feed and
 * carriage return as spaces (a line break in a run would need its own
 * element); the other C0 controls, U+FFFE and U+FFFF, which XML 1.0 does
 * not allow, and bytes that are not UTF-8 left out. */
void gir_docx_escape(gir_buf *out, const char *s, size_t n);

#endif
