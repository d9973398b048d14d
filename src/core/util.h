/* Small allocation and string helpers shared by every stage. */
#ifndef GIR_UTIL_H
#define GIR_UTIL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "gireport.h"

/* gir_x* allocation, gir_buf_detach, gir_ptrvec, GIR_ARRAY_LEN, the file
 * helpers and gir_path_beside are public (gireport.h). */

/* Line `line` (1-based) of a text: its start, and its length up to the
 * line break in *n; NULL past the last line. */
const char *gir_text_line(const char *text, size_t len, int line, size_t *n);
/* 10^n for 0 <= n <= 18. */
int64_t gir_pow10(int n);

/* The parts of a label joined with " · " (the way every message and title
 * names a cell: 三、… · 法人或其他组织 · 商业企业), empty parts left out;
 * the list ends with NULL.  malloc'd. */
char *gir_join_labels(const char *first, ...) __attribute__((sentinel));

/* Replaces every "{year}" and "{agency}" in a template label. */
char *gir_expand_label(const char *label, int year, const char *agency);



#endif
