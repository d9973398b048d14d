/* Markdown escaping shared by the renderer, summaries and diffs. */
#ifndef GIR_MARKDOWN_H
#define GIR_MARKDOWN_H

#include "gireport.h"

/* Appends s so that Markdown shows it as written: punctuation that would be
 * markup is backslash-escaped, & < > become entities, line breaks spaces,
 * control characters U+FFFD; at the start of a line, "1." and "-" that would
 * start a list are escaped too. */
void gir_md_escape(gir_buf *out, const char *s, int at_line_start);

#endif
