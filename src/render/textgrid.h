/* Fitting a grid into a width of monospace cells, for the text renderer
 * (and anything else that draws with characters). */
#ifndef GIR_TEXTGRID_H
#define GIR_TEXTGRID_H

#include "gireport.h"
#include "layout.h"

/* Draws the table with box-drawing characters, at most `limit` cells wide. */
void gir_text_table(const gir_table *t, int limit, gir_buf *out);

#endif
