/* PDF: the report as a publishable A4 document laid out after GB/T 9704-2012
 * (党政机关公文格式) — a 156 × 225 mm text block of 22 lines of 28
 * characters, 三号 text, 二号 title, 黑体 and 楷体 headings, ruled tables,
 * the signature block and "— N —" page numbers.  docs/pdf.md gives the
 * figures and the reasons.
 *
 * Layout fills a display list first; then the fonts are cut down to the
 * characters used and the list is drawn with libharu.  Nothing depends on
 * the clock or the machine, so the same source gives the same bytes. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cn.h"
#include "narrative.h"
#include "pdf.h"
#include "utf8.h"
#include "util.h"
#include "wrap.h"

/* ---- the display list ------------------------------------------------------------ */

double pdf_measure(void *pen, uint32_t cp)
{
	const pdf_pen *p = pen;
	cp = pdf_drawable(cp);
	int face = pdf_face_for(&p->doc->fonts, p->role, cp);
	return pdf_face_advance(&p->doc->fonts, face, cp) * p->size / 1000 + p->tc;
}

double pdf_text_width(const pdf_pen *pen, const char *s, size_t n)
{
	double w = 0;
	int any = 0;
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		size_t k = gir_utf8_decode(s + i, n - i, &cp);
		w += pdf_measure((void *)pen, cp);
		i += k ? k : 1;
		any = 1;
	}
	return any ? w - pen->tc : 0;
}

static pdf_op *new_op(pdf_doc *d)
{
	if (d->nops == d->cap) {
		d->cap = d->cap ? 2 * d->cap : 256;
		d->ops = gir_xrealloc(d->ops, d->cap * sizeof *d->ops);
	}
	pdf_op *op = &d->ops[d->nops++];
	memset(op, 0, sizeof *op);
	op->page = d->page;
	return op;
}

static void text_run(pdf_doc *d, const pdf_pen *pen, int face, double x, double y, gir_buf *run,
                     int bold)
{
	pdf_op *op = new_op(d);
	op->kind = PDF_OP_TEXT;
	op->face = face, op->bold = bold;
	op->size = pen->size, op->tc = pen->tc;
	op->x = x, op->y = y;
	op->text = gir_buf_detach(run);
}

void pdf_text(pdf_doc *d, const pdf_pen *pen, double x, double y, const char *s, size_t n,
              int bold)
{
	gir_buf run = {0};
	int face = -1;
	double start = x;
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		size_t k = gir_utf8_decode(s + i, n - i, &cp);
		i += k ? k : 1;
		cp = pdf_drawable(cp);
		int f = pdf_face_for(&d->fonts, pen->role, cp);
		if (f != face && run.len) {
			text_run(d, pen, face, start, y, &run, bold);
			start = x;
		}
		face = f;
		d->fonts.faces[f].used[cp >> 3] |= (uint8_t)(1u << (cp & 7));
		char utf8[4];
		gir_buf_put(&run, utf8, gir_utf8_encode(cp, utf8));
		x += pdf_face_advance(&d->fonts, f, cp) * pen->size / 1000 + pen->tc;
	}
	if (run.len)
		text_run(d, pen, face, start, y, &run, bold);
	gir_buf_free(&run);
}

void pdf_rule(pdf_doc *d, double x1, double y1, double x2, double y2)
{
	pdf_op *op = new_op(d);
	op->kind = PDF_OP_RULE;
	op->x = x1, op->y = y1, op->x2 = x2, op->y2 = y2;
}

void pdf_new_page(pdf_doc *d)
{
	d->page++;
	d->y = 0;
}

double pdf_baseline(double top, double pitch, double size)
{
	return top + pitch / 2 + 0.38 * size;
}

/* ---- text on the line grid ---------------------------------------------------------- */

/* The next line of text, on a new page when the block is full.  Returns
 * the line's top.  Lines follow each other at the pitch of the grid; after a
 * table they go on from where it ends rather than leave a gap of up to a
 * line to get back onto the page's grid. */
static double grid_line(pdf_doc *d)
{
	double top = d->y;
	if (top + PDF_LINE > PDF_BLOCK_H + 0.01) {
		pdf_new_page(d);
		top = 0;
	}
	d->y = top + PDF_LINE;
	d->last[0] = d->last[1];
	d->last[1] = (pdf_line_mark){d->nops, d->page, top};
	return top;
}

/* Starts a new page unless `need` points fit below the cursor. */
static void keep_together(pdf_doc *d, double need)
{
	if (d->y > 0 && d->y + need > PDF_BLOCK_H + 0.01)
		pdf_new_page(d);
}

static pdf_pen text_pen(const pdf_doc *d, int role)
{
	/* 28 characters of 三号 are 158 mm; GB/T 9704 fits them into 156 mm. */
	return (pdf_pen){d, role, PDF_BODY_SIZE, PDF_CHAR - PDF_BODY_SIZE};
}

/* Character spacing that makes a line end flush with the block (两端对齐);
 * the last line of a paragraph, or one that would gape, keeps the pen's. */
static double justified(const pdf_pen *pen, const char *s, size_t n, double room, int last)
{
	size_t chars = gir_utf8_count(s, n);
	if (last || chars < 2)
		return pen->tc;
	pdf_pen bare = *pen;
	bare.tc = 0;
	double tc = (room - pdf_text_width(&bare, s, n)) / (double)(chars - 1);
	return tc - pen->tc > pen->size / 2 ? pen->tc : tc;
}

/* A paragraph: first line indented two characters, lines justified. */
static void paragraph(pdf_doc *d, int role, const char *text)
{
	pdf_pen pen = text_pen(d, role);
	double indent = 2 * PDF_CHAR;
	gir_span *lines;
	size_t n = gir_wrap(text, PDF_BLOCK_W - indent + 0.01, PDF_BLOCK_W + 0.01, pdf_measure, &pen,
	                    &lines);
	for (size_t i = 0; i < n; i++) {
		const char *s = text + lines[i].start;
		size_t len = lines[i].end - lines[i].start;
		double in = i == 0 ? indent : 0, top = grid_line(d);
		pdf_pen line = pen;
		line.tc = justified(&pen, s, len, PDF_BLOCK_W - in, i + 1 == n);
		pdf_text(d, &line, PDF_LEFT + in, pdf_baseline(top, PDF_LINE, pen.size), s, len, 0);
	}
	free(lines);
}

/* A paragraph whose first `head` bytes are a run-in subheading, drawn in
 * the subheading's face (楷体 by default) and the rest in the body's.  Both
 * are 三号, so lines are broken as body text; each line is justified on the
 * widths of its two faces. */
static void run_in_paragraph(pdf_doc *d, const char *text, size_t head)
{
	pdf_pen body = text_pen(d, GIR_FONT_BODY), sub = text_pen(d, GIR_FONT_SUBHEADING);
	double indent = 2 * PDF_CHAR;
	gir_span *lines;
	size_t n = gir_wrap(text, PDF_BLOCK_W - indent + 0.01, PDF_BLOCK_W + 0.01, pdf_measure, &body,
	                    &lines);
	for (size_t i = 0; i < n; i++) {
		size_t a = lines[i].start, e = lines[i].end, m = head < a ? a : head > e ? e : head;
		double in = i == 0 ? indent : 0, top = grid_line(d);
		double y = pdf_baseline(top, PDF_LINE, body.size);
		pdf_pen hp = sub, bp = body, bare_h = sub, bare_b = body;
		bare_h.tc = bare_b.tc = 0;
		size_t chars = gir_utf8_count(text + a, e - a);
		double w = pdf_text_width(&bare_h, text + a, m - a) + pdf_text_width(&bare_b, text + m, e - m);
		double tc = chars < 2 || i + 1 == n ? body.tc : (PDF_BLOCK_W - in - w) / (double)(chars - 1);
		if (tc - body.tc > body.size / 2)
			tc = body.tc;
		hp.tc = bp.tc = tc;
		double x = PDF_LEFT + in;
		if (m > a) {
			pdf_text(d, &hp, x, y, text + a, m - a, 0);
			x += pdf_text_width(&hp, text + a, m - a) + tc;
		}
		if (e > m)
			pdf_text(d, &bp, x, y, text + m, e - m, 0);
	}
	free(lines);
}

static void narrative(pdf_doc *d, const gir_narrative *nar)
{
	for (size_t i = 0; i < nar->n; i++) {
		const gir_para *p = &nar->paras[i];
		if (!p->heading) {
			paragraph(d, GIR_FONT_BODY, p->text);
			continue;
		}
		if (nar->run_in) {
			const char *stop;
			char *run = gir_subheading_run_in(p, &stop);
			size_t head = strlen(run) + strlen(stop);
			bool into = gir_para_runs_in(nar, i);
			char *t = gir_xasprintf("%s%s%s", run, stop, into ? nar->paras[++i].text : "");
			run_in_paragraph(d, t, head);
			free(t);
			free(run);
			continue;
		}
		char num[32];
		gir_cn_number(p->number, num, sizeof num);
		char *h = gir_xasprintf("（%s）%s", num, p->text);
		keep_together(d, 2 * PDF_LINE);
		paragraph(d, GIR_FONT_SUBHEADING, h);
		free(h);
	}
}

/* ---- title and signature ------------------------------------------------------------- */

/* A title too long for one line breaks after the agency's name when both
 * halves fit (回行时词意完整), else into even lines. */
static size_t title_lines(const pdf_doc *d, const pdf_pen *pen, gir_span **lines)
{
	const char *title = d->rep->title, *agency = d->rep->agency;
	size_t len = strlen(title), a = agency ? strlen(agency) : 0;
	double room = PDF_BLOCK_W + 0.01;
	if (a && a < len && strncmp(title, agency, a) == 0 &&
	    pdf_text_width(pen, title, len) > room && pdf_text_width(pen, title, a) <= room &&
	    pdf_text_width(pen, title + a, len - a) <= room) {
		*lines = gir_xcalloc(2, sizeof(gir_span));
		(*lines)[0] = (gir_span){0, a};
		(*lines)[1] = (gir_span){a, len};
		return 2;
	}
	pdf_pen p = *pen;
	return gir_wrap_balanced(title, room, 0.5, pdf_measure, &p, lines); /* 排列对称 */
}

static void title(pdf_doc *d)
{
	pdf_pen pen = {d, GIR_FONT_TITLE, PDF_TITLE_SIZE, 0};
	gir_span *lines;
	size_t n = title_lines(d, &pen, &lines);
	for (size_t i = 0; i < n; i++) {
		const char *s = d->rep->title + lines[i].start;
		size_t len = lines[i].end - lines[i].start;
		double top = grid_line(d), w = pdf_text_width(&pen, s, len);
		pdf_text(d, &pen, PDF_LEFT + (PDF_BLOCK_W - w) / 2,
		         pdf_baseline(top, PDF_LINE, pen.size), s, len, 1);
	}
	free(lines);
	grid_line(d); /* a blank line under the title */
}

/* A new page for the signature block, with the last two lines of text
 * brought along so that it does not stand alone on the page. */
static void carry_last_lines(pdf_doc *d)
{
	pdf_line_mark from = d->last[0];
	pdf_new_page(d);
	if (from.page != d->page - 1 || d->last[1].page != from.page || from.top <= 0)
		return;
	for (size_t i = from.op; i < d->nops; i++) {
		d->ops[i].page = d->page;
		d->ops[i].y -= from.top;
	}
	d->y = d->last[1].top - from.top + PDF_LINE;
}

static void signature_line(pdf_doc *d, const pdf_pen *pen, double x, const char *s)
{
	double top = grid_line(d);
	pdf_text(d, pen, x, pdf_baseline(top, PDF_LINE, pen->size), s, strlen(s), 0);
}

/* GB/T 9704 7.3.5.2: one blank line under the text; the agency 右空二字; the
 * date on the next line, its first character two characters right of the
 * agency's, or 右空二字 itself when it is the longer, the agency moving left. */
static void signature(pdf_doc *d)
{
	const gir_report *rep = d->rep;
	pdf_pen pen = text_pen(d, GIR_FONT_BODY);
	char *date = gir_report_date_text(rep);
	double widest = 0, right = PDF_LEFT + PDF_BLOCK_W - 2 * PDF_CHAR;
	for (size_t i = 0; i < rep->nsignatories; i++) {
		double w = pdf_text_width(&pen, rep->signatories[i], strlen(rep->signatories[i]));
		widest = w > widest ? w : widest;
	}
	double ax = right - widest, dx = ax + 2 * PDF_CHAR;
	double dw = date ? pdf_text_width(&pen, date, strlen(date)) : 0;
	if (date && dx + dw > right)
		dx = right - dw, ax = dx - 2 * PDF_CHAR;
	if (ax < PDF_LEFT) /* a name as long as the line */
		dx += PDF_LEFT - ax, ax = PDF_LEFT;
	double need = (double)(rep->nsignatories + (date != NULL) + 1) * PDF_LINE;
	if (d->y + need > PDF_BLOCK_H + 0.01)
		carry_last_lines(d);
	grid_line(d);
	for (size_t i = 0; i < rep->nsignatories; i++) {
		const char *s = rep->signatories[i];
		signature_line(d, &pen, ax + (widest - pdf_text_width(&pen, s, strlen(s))) / 2, s);
	}
	if (date)
		signature_line(d, &pen, dx, date);
	free(date);
}

/* "— N —" in 四号, its top 7 mm under the block; odd pages on the right and
 * even pages on the left, one character in from the block's edge. */
static void page_numbers(pdf_doc *d)
{
	pdf_pen pen = {d, GIR_FONT_BODY, PDF_FOLIO_SIZE, 0};
	int pages = d->page + 1;
	for (int p = 0; p < pages; p++) {
		char *s = gir_xasprintf("\xE2\x80\x94 %d \xE2\x80\x94", p + 1);
		double w = pdf_text_width(&pen, s, strlen(s));
		double x = (p + 1) % 2 ? PDF_LEFT + PDF_BLOCK_W - PDF_FOLIO_SIZE - w
		                       : PDF_LEFT + PDF_FOLIO_SIZE;
		d->page = p;
		pdf_text(d, &pen, x, PDF_BLOCK_H + 7 * PDF_MM + 0.88 * PDF_FOLIO_SIZE, s, strlen(s), 0);
		free(s);
	}
	d->page = pages - 1;
}

/* ---- the document ------------------------------------------------------------------- */

static void table_section(pdf_doc *d, size_t i, const gir_section *s)
{
	gir_table *tab = gir_layout_table(d->rep, s);
	pdf_table *pt = pdf_table_new(d, tab);
	keep_together(d, PDF_LINE + pdf_table_lead(pt));
	d->heads[i] = d->nops;
	paragraph(d, GIR_FONT_HEADING, s->heading);
	pdf_table_draw(d, pt);
	d->y += PDF_LINE / 3; /* room between the table and the next heading */
	pdf_table_free(pt);
	gir_table_free(tab);
}

void pdf_lay_out(pdf_doc *d)
{
	const gir_report *rep = d->rep;
	d->heads = gir_xcalloc(rep->tpl->nsections ? rep->tpl->nsections : 1, sizeof *d->heads);
	title(d);
	narrative(d, &rep->preface);
	for (size_t i = 0; i < rep->tpl->nsections; i++) {
		const gir_section *s = rep->tpl->sections[i];
		if (s->kind == GIR_TABLE) {
			table_section(d, i, s);
			continue;
		}
		keep_together(d, 2 * PDF_LINE);
		d->heads[i] = d->nops;
		paragraph(d, GIR_FONT_HEADING, s->heading);
		narrative(d, &rep->sections[i].text);
	}
	if (rep->nsignatories || rep->date.year)
		signature(d);
	page_numbers(d);
}

/* ---- drawing with libharu --------------------------------------------------------------- */

typedef struct hpdf_error {
	HPDF_STATUS code, detail;
} hpdf_error;

/* libharu reports errors through a callback; keep the first. */
static void on_hpdf_error(HPDF_STATUS code, HPDF_STATUS detail, void *data)
{
	hpdf_error *e = data;
	if (!e->code)
		e->code = code, e->detail = detail;
}

static double page_y(double y)
{
	return PDF_PAGE_H - PDF_TOP - y;
}

static void draw_rules(HPDF_Page page, const pdf_doc *d, int p)
{
	int any = 0;
	for (size_t i = 0; i < d->nops; i++) {
		const pdf_op *op = &d->ops[i];
		if (op->page != p || op->kind != PDF_OP_RULE)
			continue;
		if (!any) {
			HPDF_Page_SetLineWidth(page, 0.5);
			HPDF_Page_SetLineCap(page, HPDF_PROJECTING_SCUARE_END);
			any = 1;
		}
		HPDF_Page_MoveTo(page, (HPDF_REAL)op->x, (HPDF_REAL)page_y(op->y));
		HPDF_Page_LineTo(page, (HPDF_REAL)op->x2, (HPDF_REAL)page_y(op->y2));
	}
	if (any)
		HPDF_Page_Stroke(page);
}

static void draw_texts(HPDF_Page page, const pdf_doc *d, int p)
{
	HPDF_Page_BeginText(page);
	HPDF_Font font = NULL;
	double size = 0, tc = 0;
	int bold = 0;
	for (size_t i = 0; i < d->nops; i++) {
		const pdf_op *op = &d->ops[i];
		if (op->page != p || op->kind != PDF_OP_TEXT)
			continue;
		HPDF_Font f = d->fonts.faces[op->face].hpdf_font;
		if (f != font || op->size != size)
			HPDF_Page_SetFontAndSize(page, font = f, (HPDF_REAL)(size = op->size));
		if (op->tc != tc)
			HPDF_Page_SetCharSpace(page, (HPDF_REAL)(tc = op->tc));
		if (op->bold != bold) {
			/* 小标宋 is heavier than UMing: stroke the outlines too. */
			HPDF_Page_SetLineWidth(page, (HPDF_REAL)(op->size / 40));
			HPDF_Page_SetTextRenderingMode(page, (bold = op->bold) ? HPDF_FILL_THEN_STROKE
			                                                       : HPDF_FILL);
		}
		HPDF_Page_TextOut(page, (HPDF_REAL)op->x, (HPDF_REAL)page_y(op->y), op->text);
	}
	HPDF_Page_EndText(page);
}

static void set_info(HPDF_Doc pdf, const gir_report *rep)
{
	HPDF_SetInfoAttr(pdf, HPDF_INFO_TITLE, rep->title);
	HPDF_SetInfoAttr(pdf, HPDF_INFO_AUTHOR, rep->agency);
	HPDF_SetInfoAttr(pdf, HPDF_INFO_SUBJECT, rep->tpl->name);
	HPDF_SetInfoAttr(pdf, HPDF_INFO_CREATOR, "gireport " GIR_VERSION);
	if (!rep->date.year)
		return;
	/* The document's dates are the report's own (成文日期, China time), never the clock. */
	HPDF_Date date = {rep->date.year, rep->date.month, rep->date.day, 0, 0, 0, '+', 8, 0};
	HPDF_SetInfoDateAttr(pdf, HPDF_INFO_CREATION_DATE, date);
	HPDF_SetInfoDateAttr(pdf, HPDF_INFO_MOD_DATE, date);
}

/* The document's bytes as libharu writes them (uncompressed), then mended
 * and compressed by pdf_harufix.  libharu writes to a scratch file rather
 * than to its memory stream, which copies byte by byte twice more. */
static int save(HPDF_Doc pdf, const pdf_doc *d, gir_buf *out, gir_diags *diags)
{
	char *path;
	gir_buf raw = {0}, why = {0};
	int fd = pdf_scratch_file(&path, &why), rc = -1;
	if (fd >= 0 && HPDF_SaveToFile(pdf, path) == HPDF_OK) {
		off_t size = lseek(fd, 0, SEEK_END);
		if (size > 0 && lseek(fd, 0, SEEK_SET) == 0) {
			raw.ptr = gir_xmalloc((size_t)size + 1);
			raw.cap = (size_t)size + 1;
			if (gir_read_full(fd, raw.ptr, (size_t)size) == 0) {
				raw.len = (size_t)size;
				raw.ptr[raw.len] = 0;
				rc = 0;
			}
		}
		if (rc != 0)
			gir_buf_printf(&why, "cannot read back %s: %s", path, strerror(errno));
	}
	if (fd >= 0) {
		if (strncmp(path, "/proc/", 6) != 0)
			unlink(path);
		close(fd);
	}
	uint8_t high[32];
	pdf_fonts_high_bytes(&d->fonts, high);
	const char *file = d->rep->file;
	const pdf_embed *fonts[GIR_FONT_ROLES];
	size_t nfonts = pdf_fonts_embedded(&d->fonts, fonts);
	if (rc == 0 && pdf_harufix(raw.ptr, raw.len, high, fonts, nfonts, out, &why) != 0) {
		if (diags)
			gir_diags_add(diags, file,
			              GIR_MSG(ERROR, pdf_unmendable,
			                  "libharu wrote a PDF that cannot be mended: %s"),
			              why.ptr);
		rc = -1;
	} else if (why.len && diags) {
		gir_diags_add(diags, file,
		              GIR_MSG(ERROR, pdf_write_failed, "writing the PDF: %s"), why.ptr);
	}
	free(path);
	gir_buf_free(&raw);
	int reported = why.len > 0;
	gir_buf_free(&why);
	return rc == 0 ? 0 : reported ? -2 : -1;
}

static int write_document(pdf_doc *d, gir_buf *out, gir_diags *diags)
{
	hpdf_error err = {0, 0};
	HPDF_Doc pdf = HPDF_New(on_hpdf_error, &err);
	if (!pdf)
		return -1;
	HPDF_UseUTFEncodings(pdf);
	HPDF_SetCurrentEncoder(pdf, "UTF-8");
	int rc = pdf_fonts_embed(&d->fonts, pdf, d->rep->file, diags);
	for (int p = 0; rc == 0 && p <= d->page && !err.code; p++) {
		HPDF_Page page = HPDF_AddPage(pdf);
		HPDF_Page_SetSize(page, HPDF_PAGE_SIZE_A4, HPDF_PAGE_PORTRAIT);
		draw_rules(page, d, p);
		draw_texts(page, d, p);
	}
	if (rc == 0 && !err.code)
		set_info(pdf, d->rep);
	if (rc == 0 && !err.code) {
		int saved = save(pdf, d, out, diags);
		if (saved == -2)
			rc = -1;
		else if (saved != 0 && !err.code)
			err.code = HPDF_GetError(pdf);
	}
	if (rc == 0 && err.code) {
		if (diags)
			gir_diags_add(diags, d->rep->file, GIR_MSG(ERROR, pdf_libharu_error,
			              "libharu failed writing the PDF (error 0x%04X, detail %u)"),
			              (unsigned)err.code, (unsigned)err.detail);
		rc = -1;
	}
	HPDF_Free(pdf);
	return rc;
}

int gir_render_pdf(const gir_report *rep, const gir_options *opt, gir_buf *out)
{
	gir_diags *diags = opt ? opt->diags : NULL;
	pdf_doc d = {.rep = rep};
	int rc = pdf_fonts_open(&d.fonts, rep, opt, diags);
	if (rc == 0) {
		pdf_lay_out(&d);
		rc = write_document(&d, out, diags);
	}
	pdf_doc_free(&d);
	return rc;
}

void pdf_doc_free(pdf_doc *d)
{
	for (size_t i = 0; i < d->nops; i++)
		free(d->ops[i].text);
	free(d->ops);
	free(d->heads);
	pdf_fonts_close(&d->fonts);
}
