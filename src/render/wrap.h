/* Line breaking for Chinese text with 禁则: no line starts with closing
 * punctuation, none ends with opening punctuation; Latin words and numbers
 * are not split.  Shared by the text and PDF renderers, which measure
 * differently (cells, points). */
#ifndef GIR_WRAP_H
#define GIR_WRAP_H

#include <stddef.h>
#include <stdint.h>

typedef double (*gir_measure_fn)(void *ctx, uint32_t cp);

typedef struct gir_span {
	size_t start, end;   /* byte offsets into the text */
} gir_span;

/* Breaks text into lines no wider than `first` (first line) and `rest`.
 * Returns the number of lines; *lines is malloc'd. */
size_t gir_wrap(const char *text, double first, double rest, gir_measure_fn measure, void *ctx,
                gir_span **lines);
/* Like gir_wrap, but when the text takes several lines, into the narrowest
 * width that needs no more lines, so lines come out even ("三、本年度" /
 * "办理结果", not "三、本年度办理结" / "果").  Widths are tried in steps of
 * `step` (1 cell; a fraction of a character in points). */
size_t gir_wrap_balanced(const char *text, double width, double step, gir_measure_fn measure,
                         void *ctx, gir_span **lines);
/* Like gir_wrap_balanced, for a table's labels and headers: breaks only
 * between words where the width allows (after 、，；：）, a numbering
 * "1." or a space, and at the template's label_breaks, "商业|企业"), else
 * inside a run of 汉字 leaving at least two on each side (never 自然/人,
 * 总/计), and only when no word fits, anywhere 禁则 allows. */
size_t gir_wrap_label(const char *text, double width, double step, gir_measure_fn measure,
                      void *ctx, const char *const *marks, size_t nmarks, unsigned char **memo,
                      gir_span **lines);
/* The width of the widest piece gir_wrap_label never splits unless
 * forced: a header column narrower than this breaks a word. */
double gir_label_min_width(const char *text, gir_measure_fn measure, void *ctx,
                           const char *const *marks, size_t nmarks, unsigned char **memo);
/* marks are sorted in strcmp order (the template's label_breaks are, once
 * loaded).  memo (may be NULL): where the two keep what they find of a label's
 * breaks, for the next call with the same text and marks (a cell measured
 * and then drawn); NULL at first, the caller frees it. */
/* The byte offsets where gir_wrap_label may break between words (for
 * <wbr> in HTML, where the browser breaks nowhere else).  Returns how many. */
size_t gir_label_word_breaks(const char *text, const char *const *marks, size_t nmarks,
                             size_t **offs);
/* Measure in terminal cells. */
double gir_measure_cells(void *ctx, uint32_t cp);
int gir_no_line_start(uint32_t cp);
int gir_no_line_end(uint32_t cp);

#endif
