/* gireport import of a PDF: the pages read with poppler (import_pdf.c) as
 * characters with their boxes and a map of the ruling lines drawn on the
 * page; then laid out (import_pdftext.c) as the text a copy from Word
 * gives — one paragraph a line, one table row a line with a tab between
 * its cells — which the text importer reads as it reads any other. */
#ifndef GIR_IMPORT_PDF_H
#define GIR_IMPORT_PDF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "diag.h"
#include "util.h"

typedef struct imp_pchar {
	float x0, y0, x1, y1;   /* points, from the page's top left corner */
	uint32_t cp;
	uint16_t font;          /* the same number for the same font and size */
	bool space_before;      /* the PDF's own text has a space before it */
	bool space_after;       /* … or after it, at the end of its line */
} imp_pchar;

/* Bits of imp_ppage.rules: a pixel of a horizontal or a vertical line. */
#define IMP_RULE_H 1
#define IMP_RULE_V 2

typedef struct imp_ppage {
	double width, height;   /* points */
	imp_pchar *chars;
	size_t nchars;
	unsigned char *rules;   /* w × h pixels at `scale` pixels a point, or NULL */
	int w, h;
	double scale;
} imp_ppage;

/* The pages of a PDF read with poppler (import_pdf.c): 0, or -1 with an
 * error in `diags` (not a PDF poppler reads, locked, no text, too long). */
int imp_pdf_pages(const char *file, const char *data, size_t len, imp_ppage **pages, size_t *n,
                  gir_diags *diags);
void imp_pdf_pages_free(imp_ppage *pages, size_t n);

/* What the layout finds, in reading order, for a reader that builds its
 * lines itself (a bridge of pre-split rows): a paragraph with its lines
 * joined, `indent` the display cells it is set off to the right (title,
 * signature, date; 0 for the text's own paragraphs); a table row, its
 * cells with a tab between them (a merged cell's text in the first row it
 * covers, an empty cell empty).  `page` counts from 0. */
typedef struct imp_pdf_sink {
	void (*para)(void *ctx, int page, int indent, const char *text);
	void (*row)(void *ctx, int page, const char *cells);
	void *ctx;
} imp_pdf_sink;

void imp_pdf_walk(const imp_ppage *pages, size_t n, const imp_pdf_sink *sink);

/* The pages as text in the shape of a copy from Word (above), appended to
 * `out`: table cells from the ruling lines (a cell is the box of lines
 * around its characters, merged cells included), or from wide gaps on a
 * line where there are no lines; paragraphs joined across line and page
 * ends; page numbers and running headers and footers dropped. */
void imp_pdf_layout(const imp_ppage *pages, size_t n, gir_buf *out);

/* Marks in `rules` (w × h) the lines drawn in `ink` (0 = blank, 1 = drawn,
 * 2 = under a character, unknown): a run along a row (or a column) of at
 * least `min_run` pixels, from ink to ink, over character boxes, whose ink
 * is mostly at most `thick` pixels across — a filled area or a
 * character's stroke is no rule. */
void imp_pdf_find_rules(const unsigned char *ink, int w, int h, int min_run, int thick,
                        unsigned char *rules);

#endif
