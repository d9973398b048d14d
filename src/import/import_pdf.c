/* gireport import of a PDF, first stage: each page read with poppler-glib
 * as its characters with their boxes, and drawn into a picture from which
 * the table rules are taken (poppler-glib gives no paths, but the picture
 * shows every line the PDF draws).  The characters' own boxes are left out
 * of the picture, so a stroke of a character is never read as a rule.
 * import_pdftext.c lays the pages out as text. */
#include <dlfcn.h>
#include <math.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include <cairo.h>
#include <poppler.h>

#include "diag.h"
#include "gireport.h"
#include "import_pdf.h"
#include "utf8.h"
#include "util.h"

/* ---- poppler-glib, opened on the first PDF ------------------------------------------ */

/* poppler-glib brings libpoppler, cairo and gio, whose loading and start-up
 * cost every run of gireport 7 ms (8.6 ms against 1.4 ms for an empty
 * program here), a third of what building one report takes, although only
 * `import` of a PDF uses them.  So the library is opened with dlopen, by
 * the soname the build found with pkg-config (GIR_POPPLER_GLIB), the first
 * time a PDF is read; its documented functions are looked up by name (those
 * of glib and cairo through it, as its dependencies) and called as declared
 * in its installed headers. */
#ifndef GIR_POPPLER_GLIB
#define GIR_POPPLER_GLIB "libpoppler-glib.so.8"
#endif

#define POPPLER_FUNCS(X) \
	X(poppler_document_new_from_bytes) X(poppler_document_get_n_pages) \
	X(poppler_document_get_page) X(poppler_page_get_size) X(poppler_page_get_text) \
	X(poppler_page_get_text_layout) X(poppler_page_get_text_attributes) \
	X(poppler_page_free_text_attributes) X(poppler_page_render) X(poppler_error_quark) \
	X(g_free) X(g_object_unref) X(g_error_free) X(g_bytes_new_static) X(g_bytes_unref) \
	X(cairo_image_surface_create) X(cairo_surface_status) X(cairo_surface_destroy) \
	X(cairo_create) X(cairo_set_source_rgb) X(cairo_paint) X(cairo_scale) X(cairo_destroy) \
	X(cairo_surface_flush) X(cairo_image_surface_get_data) X(cairo_image_surface_get_stride)

#define POINTER(f) static __typeof__(f) *p_##f;
POPPLER_FUNCS(POINTER)
#undef POINTER

static const char *poppler_missing; /* NULL once every function is found */

static void open_poppler(void)
{
	void *h = dlopen(GIR_POPPLER_GLIB, RTLD_NOW | RTLD_LOCAL);
	if (!h) {
		poppler_missing = GIR_POPPLER_GLIB;
		return;
	}
	/* POSIX's way to store a function's address from dlsym (XSH dlsym). */
#define LOOK_UP(f) \
	if (!(*(void **)&p_##f = dlsym(h, #f)) && !poppler_missing) \
		poppler_missing = #f;
	POPPLER_FUNCS(LOOK_UP)
#undef LOOK_UP
}

/* True once poppler-glib is there; each process opens it once. */
static bool have_poppler(void)
{
	static pthread_once_t once = PTHREAD_ONCE_INIT;
	pthread_once(&once, open_poppler);
	return !poppler_missing;
}

/* From here on the names call through the pointers. */
#define CALL(f) (*p_##f)
#define poppler_document_new_from_bytes CALL(poppler_document_new_from_bytes)
#define poppler_document_get_n_pages CALL(poppler_document_get_n_pages)
#define poppler_document_get_page CALL(poppler_document_get_page)
#define poppler_page_get_size CALL(poppler_page_get_size)
#define poppler_page_get_text CALL(poppler_page_get_text)
#define poppler_page_get_text_layout CALL(poppler_page_get_text_layout)
#define poppler_page_get_text_attributes CALL(poppler_page_get_text_attributes)
#define poppler_page_free_text_attributes CALL(poppler_page_free_text_attributes)
#define poppler_page_render CALL(poppler_page_render)
#define poppler_error_quark CALL(poppler_error_quark)
#define g_free CALL(g_free)
#define g_object_unref CALL(g_object_unref)
#define g_error_free CALL(g_error_free)
#define g_bytes_new_static CALL(g_bytes_new_static)
#define g_bytes_unref CALL(g_bytes_unref)
#define cairo_image_surface_create CALL(cairo_image_surface_create)
#define cairo_surface_status CALL(cairo_surface_status)
#define cairo_surface_destroy CALL(cairo_surface_destroy)
#define cairo_create CALL(cairo_create)
#define cairo_set_source_rgb CALL(cairo_set_source_rgb)
#define cairo_paint CALL(cairo_paint)
#define cairo_scale CALL(cairo_scale)
#define cairo_destroy CALL(cairo_destroy)
#define cairo_surface_flush CALL(cairo_surface_flush)
#define cairo_image_surface_get_data CALL(cairo_image_surface_get_data)
#define cairo_image_surface_get_stride CALL(cairo_image_surface_get_stride)

#define PDF_MAX_PAGES 200        /* a report has a few pages; a book is something else */
#define PDF_SCALE 1.0            /* pixels a point: a 0.5 pt rule is still grey enough */
#define PDF_MAX_PIXELS 4000000   /* a page's picture at most (a huge page is drawn smaller) */
#define PDF_INK 200              /* a pixel darker than this (0–255) is drawn on */

int gir_is_pdf(const char *data, size_t len)
{
	return len >= 5 && memcmp(data, "%PDF-", 5) == 0;
}

static bool blank_cp(uint32_t cp)
{
	return cp <= 0x20 || cp == 0xA0 || cp == 0x3000 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0) ||
	       cp == 0xFEFF || cp == 0x200B;
}

/* Fonts by name and size, numbered in the order met (a heading's font
 * differs from its paragraph's: a line in another font starts one). */
typedef struct fonts {
	gir_ptrvec names;
} fonts;

static uint16_t font_id(fonts *f, const char *name, double size)
{
	char *key = gir_xasprintf("%s/%.1f", name ? name : "", size);
	for (size_t i = 0; i < f->names.len; i++)
		if (!strcmp(f->names.items[i], key)) {
			free(key);
			return (uint16_t)i;
		}
	if (f->names.len >= 65535) {
		free(key);
		return 65535;
	}
	gir_ptrvec_push(&f->names, key);
	return (uint16_t)(f->names.len - 1);
}

/* Each character's font number, from poppler's runs of attributes. */
static uint16_t *char_fonts(PopplerPage *page, size_t n, fonts *f)
{
	uint16_t *ids = gir_xcalloc(n + 1, sizeof *ids);
	GList *attrs = poppler_page_get_text_attributes(page);
	for (GList *l = attrs; l; l = l->next) {
		const PopplerTextAttributes *a = l->data;
		uint16_t id = font_id(f, a->font_name, a->font_size);
		for (gint i = a->start_index; i <= a->end_index && i >= 0 && (size_t)i < n; i++)
			ids[i] = id;
	}
	poppler_page_free_text_attributes(attrs);
	return ids;
}

/* The characters of a page: poppler's text and one rectangle per character
 * of it, in step. */
static void page_chars(PopplerPage *page, imp_ppage *pg, fonts *f)
{
	char *text = poppler_page_get_text(page);
	PopplerRectangle *rects = NULL;
	guint nrects = 0;
	if (!text || !poppler_page_get_text_layout(page, &rects, &nrects)) {
		g_free(text);
		g_free(rects);
		return;
	}
	size_t len = strlen(text), cap = 0;
	uint16_t *font = char_fonts(page, nrects, f);
	bool space = false;
	for (size_t i = 0, k = 0; i < len && k < nrects; k++) {
		uint32_t cp = 0xFFFD;
		size_t n = gir_utf8_decode(text + i, len - i, &cp);
		i += n ? n : 1;
		const PopplerRectangle *r = &rects[k];
		if (blank_cp(cp)) {
			space = space || cp == ' ' || cp == 0xA0 || cp == 0x3000;
			if (cp == '\n') {
				if (space && pg->nchars)
					pg->chars[pg->nchars - 1].space_after = true;
				space = false;
			}
			continue;
		}
		if (!isfinite(r->x1) || !isfinite(r->y1) || !isfinite(r->x2) || !isfinite(r->y2) ||
		    fabs(r->x1) > 1e6 || fabs(r->y1) > 1e6 || fabs(r->x2) > 1e6 || fabs(r->y2) > 1e6)
			continue;
		if (pg->nchars == cap)
			pg->chars = gir_xrealloc(pg->chars, (cap = cap ? 2 * cap : 256) * sizeof *pg->chars);
		pg->chars[pg->nchars++] = (imp_pchar){(float)fmin(r->x1, r->x2), (float)fmin(r->y1, r->y2),
		                                      (float)fmax(r->x1, r->x2), (float)fmax(r->y1, r->y2),
		                                      cp, font[k], space, false};
		space = false;
	}
	free(font);
	g_free(text);
	g_free(rects);
}

static int cmp_mid_y(const void *a, const void *b)
{
	const imp_pchar *p = *(const imp_pchar *const *)a, *q = *(const imp_pchar *const *)b;
	float py = p->y0 + p->y1, qy = q->y0 + q->y1;
	if (py != qy)
		return (py > qy) - (py < qy);
	return (p->x0 > q->x0) - (p->x0 < q->x0);
}

static int cmp_x0(const void *a, const void *b)
{
	const imp_pchar *p = *(const imp_pchar *const *)a, *q = *(const imp_pchar *const *)b;
	return (p->x0 > q->x0) - (p->x0 < q->x0);
}

/* Whether some line of the page has a gap of more than a character and a
 * half: a table's cells stand apart, a paragraph's characters do not.  A
 * page of paragraphs only is not drawn (drawing is most of a PDF's cost). */
static bool has_columns(const imp_ppage *pg)
{
	const imp_pchar **c = gir_xmalloc((pg->nchars + 1) * sizeof *c);
	for (size_t i = 0; i < pg->nchars; i++)
		c[i] = &pg->chars[i];
	qsort(c, pg->nchars, sizeof *c, cmp_mid_y);
	bool found = false;
	for (size_t from = 0, to; from < pg->nchars && !found; from = to) {
		/* a line: the characters whose middle is within half a
		 * character of its first one's, left to right */
		float mid = (c[from]->y0 + c[from]->y1) / 2, h = c[from]->y1 - c[from]->y0;
		for (to = from + 1; to < pg->nchars && (c[to]->y0 + c[to]->y1) / 2 - mid <= 0.5f * h; to++)
			;
		qsort(c + from, to - from, sizeof *c, cmp_x0);
		for (size_t i = from + 1; i < to && !found; i++)
			found = c[i]->x0 - c[i - 1]->x1 > 1.5f * fmaxf(c[i]->y1 - c[i]->y0, c[i - 1]->y1 - c[i - 1]->y0);
	}
	free(c);
	return found;
}

/* The page drawn, its characters' boxes blanked out (a rule that crosses
 * one is bridged over it: imp_pdf_find_rules), and the rules found. */
static void page_rules(PopplerPage *page, imp_ppage *pg)
{
	double scale = PDF_SCALE;
	if (pg->width * pg->height * scale * scale > PDF_MAX_PIXELS)
		scale = sqrt(PDF_MAX_PIXELS / (pg->width * pg->height));
	int w = (int)(pg->width * scale), h = (int)(pg->height * scale);
	if (w < 8 || h < 8)
		return;
	cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
	if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) {
		cairo_surface_destroy(s);
		return;
	}
	cairo_t *cr = cairo_create(s);
	cairo_set_source_rgb(cr, 1, 1, 1);
	cairo_paint(cr);
	cairo_scale(cr, scale, scale);
	poppler_page_render(page, cr);
	cairo_destroy(cr);
	cairo_surface_flush(s);
	const unsigned char *px = cairo_image_surface_get_data(s);
	int stride = cairo_image_surface_get_stride(s);
	unsigned char *ink = gir_xmalloc((size_t)w * (size_t)h);
	for (int y = 0; y < h; y++)
		for (int x = 0; x < w; x++) {
			uint32_t v;
			memcpy(&v, px + (size_t)y * (size_t)stride + 4 * (size_t)x, 4);
			int lum = (int)(((v >> 16) & 0xFF) * 3 + ((v >> 8) & 0xFF) * 6 + (v & 0xFF)) / 10;
			ink[(size_t)y * (size_t)w + (size_t)x] = lum < PDF_INK;
		}
	cairo_surface_destroy(s);
	for (size_t i = 0; i < pg->nchars; i++) {
		const imp_pchar *c = &pg->chars[i];
		/* the box itself, rounded inwards: a rule at its very edge (a
		 * label set against its cell's left rule) stays ink */
		int x0 = (int)ceil(c->x0 * scale), x1 = (int)floor(c->x1 * scale);
		int y0 = (int)ceil(c->y0 * scale), y1 = (int)floor(c->y1 * scale);
		x0 = x0 < 0 ? 0 : x0, y0 = y0 < 0 ? 0 : y0;
		x1 = x1 >= w ? w - 1 : x1, y1 = y1 >= h ? h - 1 : y1;
		for (int y = y0; y <= y1; y++)
			if (x1 >= x0)
				memset(ink + (size_t)y * (size_t)w + (size_t)x0, 2, (size_t)(x1 - x0 + 1));
	}
	pg->rules = gir_xcalloc((size_t)w * (size_t)h, 1);
	imp_pdf_find_rules(ink, w, h, (int)(12 * scale), (int)(3 * scale) + 1, pg->rules);
	free(ink);
	pg->w = w, pg->h = h, pg->scale = scale;
}

void imp_pdf_pages_free(imp_ppage *pages, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(pages[i].chars);
		free(pages[i].rules);
	}
	free(pages);
}

static int pdf_error(gir_diags *diags, const char *file, const char *hint, gir_severity s,
                     const char *id, const char *fmt, ...) __attribute__((format(printf, 6, 7)));

static int pdf_error(gir_diags *diags, const char *file, const char *hint, gir_severity s,
                     const char *id, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	gir_diag_vat(diags, file, (gir_pos){0, 0}, NULL, NULL, hint, s, id, fmt, ap);
	va_end(ap);
	return -1;
}

int imp_pdf_pages(const char *file, const char *data, size_t len, imp_ppage **out, size_t *nout,
                  gir_diags *diags)
{
	*out = NULL, *nout = 0;
	if (!have_poppler())
		return pdf_error(diags, file, _("install Debian's libpoppler-glib8 (apt install libpoppler-glib8)"),
		                 GIR_MSG(ERROR, pdf_no_poppler, "reading a PDF needs poppler-glib: %s not found"),
		                 poppler_missing);
	GBytes *bytes = g_bytes_new_static(data, len);
	GError *err = NULL;
	PopplerDocument *doc = poppler_document_new_from_bytes(bytes, NULL, &err);
	g_bytes_unref(bytes);
	if (!doc) {
		bool locked = err && err->domain == POPPLER_ERROR && err->code == POPPLER_ERROR_ENCRYPTED;
		pdf_error(diags, file,
		          locked ? _("save it without its password first: qpdf --decrypt --password=… IN.pdf OUT.pdf")
		                 : _("is the file complete? qpdf --check names what is wrong with it"),
		          GIR_MSG(ERROR, pdf_unreadable, "a PDF poppler cannot read: %s"),
		          err && err->message ? err->message : "?");
		if (err)
			g_error_free(err);
		return -1;
	}
	int npages = poppler_document_get_n_pages(doc);
	if (npages > PDF_MAX_PAGES) {
		g_object_unref(doc);
		return pdf_error(diags, file, _("a report has a few pages; is this the right file?"),
		                 GIR_MSG(ERROR, pdf_too_many_pages, "the PDF has more than 200 pages: not imported"));
	}
	imp_ppage *pages = gir_xcalloc((size_t)(npages > 0 ? npages : 1), sizeof *pages);
	size_t chars = 0;
	fonts f = {{0}};
	for (int i = 0; i < npages; i++) {
		PopplerPage *page = poppler_document_get_page(doc, i);
		if (!page)
			continue;
		double w = 0, h = 0;
		poppler_page_get_size(page, &w, &h);
		if (isfinite(w) && isfinite(h) && w > 0 && h > 0 && w < 20000 && h < 20000) {
			pages[i].width = w, pages[i].height = h;
			page_chars(page, &pages[i], &f);
			chars += pages[i].nchars;
			if (pages[i].nchars && has_columns(&pages[i]))
				page_rules(page, &pages[i]);
		}
		g_object_unref(page);
	}
	g_object_unref(doc);
	for (size_t i = 0; i < f.names.len; i++)
		free(f.names.items[i]);
	gir_ptrvec_free(&f.names);
	if (!chars) {
		imp_pdf_pages_free(pages, (size_t)(npages > 0 ? npages : 0));
		return pdf_error(diags, file, _("a scanned report must go through OCR first (e.g. ocrmypdf)"),
		                 GIR_MSG(ERROR, pdf_no_text, "the PDF holds no text: its pages are pictures"));
	}
	*out = pages, *nout = (size_t)npages;
	return 0;
}

int gir_pdf_text(const char *file, const char *data, size_t len, gir_buf *out, gir_diags *diags)
{
	imp_ppage *pages;
	size_t n;
	if (imp_pdf_pages(file, data, len, &pages, &n, diags) != 0)
		return -1;
	imp_pdf_layout(pages, n, out);
	imp_pdf_pages_free(pages, n);
	return 0;
}
