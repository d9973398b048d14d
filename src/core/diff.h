/* What changed between two reports (usually one agency's two years): every
 * number that differs, by id path, side by side; then the narrative
 * paragraphs removed and added. */
#ifndef GIR_DIFF_H
#define GIR_DIFF_H

#include "gireport.h"

typedef enum gir_diff_format { GIR_DIFF_TEXT, GIR_DIFF_MD } gir_diff_format;

/* Appends the comparison of report a (file afile) with report b.  Tables
 * follow b's template, then the cells only a's has; a path one edition
 * lacks shows "—".  Returns the number of differences found. */
size_t gir_diff(const gir_report *a, const char *afile, const gir_report *b, const char *bfile,
                gir_diff_format fmt, gir_buf *out);

#endif
