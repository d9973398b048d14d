/* The PDF renderer's internals: page geometry after GB/T 9704-2012, the font
 * faces of the five roles, and the display list that layout fills and
 * render_pdf.c hands to libharu.
 *
 * Layout runs before any font reaches libharu because the embedded fonts are
 * subsets of exactly the characters drawn, known only once layout is done;
 * widths therefore come from our own reading of the fonts (pdf_ttf.c), which
 * uses libharu's rounding so that both agree. */
#ifndef GIR_PDF_H
#define GIR_PDF_H

#include <hpdf.h>
#include <stdint.h>

#include "layout.h"
#include "wrap.h"
#include "model.h"
#include "pdf_ttf.h"

/* ---- page geometry (points; y measured down from the text block's top) ---- */

#define PDF_MM (72.0 / 25.4)
#define PDF_PAGE_W (210 * PDF_MM)
#define PDF_PAGE_H (297 * PDF_MM)
#define PDF_LEFT (28 * PDF_MM)       /* 订口 (left margin) */
#define PDF_TOP (37 * PDF_MM)        /* 天头 (top margin) */
#define PDF_BLOCK_W (156 * PDF_MM)   /* 版心 */
#define PDF_BLOCK_H (225 * PDF_MM)
#define PDF_BODY_SIZE 16.0           /* 三号 */
#define PDF_TITLE_SIZE 22.0          /* 二号 */
#define PDF_TABLE_SIZE 10.5          /* 五号 */
#define PDF_FOLIO_SIZE 14.0          /* 四号, page numbers */
#define PDF_CHAR (PDF_BLOCK_W / 28)  /* 28 characters a line */
#define PDF_LINE (PDF_BLOCK_H / 22)  /* 22 lines a page */

/* ---- fonts ------------------------------------------------------------------ */

/* A font of the document as pdf_harufix embeds it: libharu is given the
 * subset without embedding it (it would copy the whole font four bytes at a
 * time, checksum it again, and write a CIDToGIDMap of all 65,536 codes two
 * bytes at a time), and the pass adds these two streams to its document. */
typedef struct pdf_embed {
	char *name;           /* PostScript name with its subset tag: HPDFAA+UMingCN */
	gir_buf ttf;          /* the subset: the FontFile2 */
	gir_buf cidmap;       /* the CIDToGIDMap: each code's glyph, 2 bytes big-endian */
} pdf_embed;

typedef struct pdf_face {
	char *path;
	unsigned index;
	gir_ttf *ttf;
	uint8_t *used;        /* bitmap of the BMP code points drawn with this face */
	HPDF_Font hpdf_font;  /* once loaded into the document */
	pdf_embed embed;      /* what pdf_harufix embeds for it (name NULL when unused) */
} pdf_face;

typedef struct pdf_fonts {
	pdf_face faces[GIR_FONT_ROLES];  /* distinct files/faces, at most one per role */
	int nfaces;
	int role_face[GIR_FONT_ROLES];
	gir_font_cache *cache;           /* owns the faces when set */
} pdf_fonts;

/* Opens the face of every role (command line, then source, then the Debian
 * defaults).  Returns 0, or -1 with an error naming the file and, for a known
 * Debian font, the package to install. */
int pdf_fonts_open(pdf_fonts *fs, const gir_report *rep, const gir_options *opt, gir_diags *d);
void pdf_fonts_close(pdf_fonts *fs);
/* The code point actually drawn: what libharu cannot encode (beyond the BMP,
 * controls) becomes 〓 (U+3013, the typesetter's mark for a missing glyph). */
uint32_t pdf_drawable(uint32_t cp);
/* The face that draws cp for a role: the role's own, or the first face that
 * has a glyph for it (so one missing character does not become a box). */
int pdf_face_for(const pdf_fonts *fs, int role, uint32_t cp);
/* Advance of cp in that face, thousandths of an em. */
int pdf_face_advance(const pdf_fonts *fs, int face, uint32_t cp);
/* Subsets every face to the code points marked used and loads it into the
 * document, not embedded: each face's pdf_embed is what pdf_harufix then
 * embeds.  Returns 0, or -1 with an error added. */
int pdf_fonts_embed(pdf_fonts *fs, HPDF_Doc pdf, const char *file, gir_diags *d);

/* A file for libharu to read from or write to, which reads and writes only
 * in memory where the system allows: on Linux an anonymous memory file named
 * by its /proc path, elsewhere a temporary file in $TMPDIR that the caller
 * removes (unlink) once libharu has opened it.  Returns the descriptor, or
 * -1 with the reason in why; *path is set either way, for the caller to free. */
int pdf_scratch_file(char **path, gir_buf *why);

/* libharu's saved document, mended (its ToUnicode maps, pdf_harufix.c) and
 * every uncompressed stream compressed.  `high` is the set of high bytes
 * (256 bits) of the characters drawn, which the maps cover; NULL for all.
 * Each of the nfonts fonts, loaded into libharu without embedding, gets its
 * FontFile2 (in the FontDescriptor of its /FontName) and CIDToGIDMap (in the
 * CIDFontType2 of its /BaseFont) as new objects.  Returns 0, or -1 with the
 * reason in why when the bytes are not laid out as libharu 2.3 writes them
 * or a font is not in them. */
int pdf_harufix(const char *in, size_t n, const uint8_t *high, const pdf_embed *const *fonts,
                size_t nfonts, gir_buf *out, gir_buf *why);
/* The fonts pdf_fonts_embed loaded, for pdf_harufix; returns how many. */
size_t pdf_fonts_embedded(const pdf_fonts *fs, const pdf_embed *out[GIR_FONT_ROLES]);
/* Marks in `high` the high bytes of the characters the faces draw. */
void pdf_fonts_high_bytes(const pdf_fonts *fs, uint8_t high[32]);

/* ---- display list ------------------------------------------------------------ */

typedef enum pdf_op_kind { PDF_OP_TEXT, PDF_OP_RULE } pdf_op_kind;

typedef struct pdf_op {
	pdf_op_kind kind;
	int page;
	int face;
	int bold;            /* drawn filled and stroked: a heavier face (title) */
	double size, tc;     /* font size, character spacing */
	double x, y;         /* text: start of the baseline; rule: one end */
	double x2, y2;       /* rule: other end */
	char *text;
} pdf_op;

/* Where a line of the grid starts in the display list. */
typedef struct pdf_line_mark {
	size_t op;
	int page;
	double top;
} pdf_line_mark;

typedef struct pdf_doc {
	const gir_report *rep;
	pdf_fonts fonts;
	pdf_op *ops;
	size_t nops, cap;
	int page;            /* current page, from 0 */
	double y;            /* cursor below the text block's top */
	pdf_line_mark last[2]; /* the last two lines of text, oldest first */
	size_t *heads;       /* per template section: the op its heading starts at */
} pdf_doc;

/* A pen: what gir_wrap's measure callback needs. */
typedef struct pdf_pen {
	const pdf_doc *doc;
	int role;
	double size, tc;
} pdf_pen;

/* Width of one code point with the pen's font, size and spacing. */
double pdf_measure(void *pen, uint32_t cp);
/* Width of a run of text as drawn: the spacing after the last character left out. */
double pdf_text_width(const pdf_pen *pen, const char *s, size_t n);
/* Draws text on the current page, baseline at x (from the page's left edge)
 * and y (below the block's top), split into runs by face. */
void pdf_text(pdf_doc *d, const pdf_pen *pen, double x, double y, const char *s, size_t n,
              int bold);
/* A 0.5 pt rule on the current page, coordinates as for pdf_text. */
void pdf_rule(pdf_doc *d, double x1, double y1, double x2, double y2);
void pdf_new_page(pdf_doc *d);
/* Where a line of `size` text sits in a slot `pitch` high starting at top:
 * the em box centred in the slot. */
double pdf_baseline(double top, double pitch, double size);

/* Lays the whole report out into d's display list (d->fonts open): the
 * pages the PDF and the OFD writer (render_ofd.c) both draw. */
void pdf_lay_out(pdf_doc *d);
/* Frees the display list and closes the fonts. */
void pdf_doc_free(pdf_doc *d);

/* ---- tables -------------------------------------------------------------------- */

typedef struct pdf_table pdf_table;

pdf_table *pdf_table_new(const pdf_doc *d, const gir_table *t);
/* The ncols + 1 column edges, in points from the page's left edge (the DOCX
 * renderer gives its tables the same widths). */
const double *pdf_table_edges(const pdf_table *pt);
/* The lines the text of cell i (of gir_table_merge of the same table)
 * takes in the PDF, labels broken between words.  *lines is malloc'd. */
size_t pdf_table_cell_lines(const pdf_table *pt, size_t i, gir_span **lines);
/* Height the table needs on the page where it starts (so that a heading is
 * not left alone above it). */
double pdf_table_lead(const pdf_table *pt);
/* Draws the table from the cursor on, continuing on new pages with the
 * current block's header rows repeated; rows are never split. */
void pdf_table_draw(pdf_doc *d, pdf_table *pt);
void pdf_table_free(pdf_table *pt);

#endif
