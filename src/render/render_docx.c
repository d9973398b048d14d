/* DOCX: the report as the Word file an office passes round, marks up, seals
 * and files — WordprocessingML (ECMA-376) in a zip, laid out after GB/T
 * 9704 as the PDF is: an A4 page with the 28 × 22 character grid, named
 * paragraph styles an office can restyle in one place, ruled tables with the
 * form's merged headers, "— N —" page numbers through a PAGE field.
 *
 * The style names and fonts are the template's ("docx"), never C: each role
 * names the font an office has, the one Word and WPS put in its place, and
 * the Debian face of the PDF.  Column widths are the PDF's own (pdf_table.c
 * measures them with the PDF's fonts), so the tables look alike.
 *
 * The XML is written into gireport's buffer through one escaping function
 * (gir_docx_escape); minizip packs the parts in a fixed order with a fixed
 * time, so the same source gives the same bytes.  Nothing else goes in: no
 * macros, no external references, no embedded fonts.  docs/docx.md gives the
 * structure and what Word or WPS may show differently from the PDF. */
#include <cJSON.h>
#include <stdlib.h>
#include <string.h>
#include <minizip/zip.h>

#include "docx.h"
#include "layout.h"
#include "model.h"
#include "narrative.h"
#include "pdf.h"
#include "utf8.h"
#include "zipmem.h"
#include "util.h"

/* ---- measures (twentieths of a point, as WordprocessingML counts) ----------- */

#define TW(pt) ((int)((pt) * 20 + 0.5))
#define MM(mm) ((int)((mm) * 1440 / 25.4 + 0.5))
#define PAGE_W MM(210)
#define PAGE_H MM(297)
#define LINE_PITCH TW(PDF_LINE)                  /* 22 lines in 225 mm */
#define CHAR_PITCH (PDF_CHAR)                    /* 28 characters in 156 mm */
/* Character spacing of the 三号 text, twentieths of a point: 28 characters
 * of 15.75 pt fit the 156 mm line with room for rounding (PDF_CHAR is 15.79). */
#define TEXT_SPACING (-5)
#define BODY_HALF_PT 32                          /* 三号 */
#define TITLE_HALF_PT 44                         /* 二号 */
#define TABLE_HALF_PT 21                         /* 五号 */
#define FOLIO_HALF_PT 28                         /* 四号 */

void gir_docx_escape(gir_buf *out, const char *s, size_t n)
{
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		size_t k = gir_utf8_decode(s + i, n - i, &cp);
		if (!k) { /* not UTF-8: leave the byte out */
			i++;
			continue;
		}
		switch (cp) {
		case '&': gir_buf_puts(out, "&amp;"); break;
		case '<': gir_buf_puts(out, "&lt;"); break;
		case '>': gir_buf_puts(out, "&gt;"); break;
		case '"': gir_buf_puts(out, "&quot;"); break;
		case '\t': case '\n': case '\r': gir_buf_putc(out, ' '); break;
		default:
			if (cp >= 0x20 && cp != 0xFFFE && cp != 0xFFFF)
				gir_buf_put(out, s + i, k);
		}
		i += k;
	}
}

static void esc(gir_buf *out, const char *s)
{
	gir_docx_escape(out, s, strlen(s));
}

/* ---- the template's names ------------------------------------------------------- */

typedef struct docx_role {
	const char *style, *font, *alt, *debian;
} docx_role;

typedef struct docx {
	const gir_report *rep;
	docx_role roles[GIR_FONT_ROLES];
	const char *signature, *footer;   /* style names */
	pdf_doc pdf;                      /* the PDF's fonts, to measure columns */
	gir_buf doc;
} docx;

static const char *text_at(const cJSON *obj, const char *key)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
	return cJSON_IsString(v) && *v->valuestring ? v->valuestring : NULL;
}

/* Reads the template's "docx" object; every name must be there. */
static int read_names(docx *x, gir_diags *diags)
{
	const cJSON *d = cJSON_GetObjectItemCaseSensitive(x->rep->tpl->json, "docx");
	const cJSON *roles = cJSON_GetObjectItemCaseSensitive(d, "roles");
	const char *missing = NULL;
	for (int r = 0; r < GIR_FONT_ROLES && !missing; r++) {
		const cJSON *o = cJSON_GetObjectItemCaseSensitive(roles, gir_font_roles[r]);
		docx_role *dr = &x->roles[r];
		*dr = (docx_role){text_at(o, "style"), text_at(o, "font"), text_at(o, "alt"),
		                  text_at(o, "debian")};
		if (!dr->style || !dr->font || !dr->alt || !dr->debian)
			missing = gir_font_roles[r];
	}
	x->signature = text_at(d, "signature");
	x->footer = text_at(d, "footer");
	if (!missing && (!x->signature || !x->footer))
		missing = "signature, footer";
	if (!missing)
		return 0;
	if (diags)
		gir_diags_add(diags, x->rep->file, GIR_MSG(ERROR, template_docx_style,
		              "template %s: \"docx\" does not name the style and fonts (style, font, "
		              "alt, debian) of %s, which DOCX output needs (docs/docx.md)"),
		              gir_template_id(x->rep->tpl), missing);
	return -1;
}

/* ---- runs and paragraphs ---------------------------------------------------------- */

static const char *const style_ids[GIR_FONT_ROLES] = {
	[GIR_FONT_TITLE] = "Title", [GIR_FONT_HEADING] = "Heading1",
	[GIR_FONT_SUBHEADING] = "Heading2", [GIR_FONT_BODY] = "Normal",
	[GIR_FONT_TABLE] = "TableText",
};

static void run(gir_buf *b, const char *text)
{
	gir_buf_puts(b, "<w:r><w:t xml:space=\"preserve\">");
	esc(b, text);
	gir_buf_puts(b, "</w:t></w:r>");
}

/* A paragraph of a style, with extra paragraph properties (already XML). */
static void para(gir_buf *b, int role, const char *ppr, const char *text)
{
	gir_buf_printf(b, "<w:p><w:pPr><w:pStyle w:val=\"%s\"/>%s</w:pPr>", style_ids[role], ppr);
	if (text && *text)
		run(b, text);
	gir_buf_puts(b, "</w:p>");
}

static void run_fonts(gir_buf *b, const docx_role *r);

/* A body paragraph opening with its subheading in the subheading's font:
 * "（一）主动公开情况。" then the text (run-in style). */
static void run_in_para(docx *x, const gir_para *h, const char *text, const char *ppr)
{
	const char *stop;
	char *run_text = gir_subheading_run_in(h, &stop);
	char *head = gir_xasprintf("%s%s", run_text, stop);
	gir_buf *b = &x->doc;
	gir_buf_printf(b, "<w:p><w:pPr><w:pStyle w:val=\"%s\"/>%s</w:pPr><w:r><w:rPr>",
	               style_ids[GIR_FONT_BODY], ppr);
	run_fonts(b, &x->roles[GIR_FONT_SUBHEADING]);
	gir_buf_puts(b, "</w:rPr><w:t xml:space=\"preserve\">");
	esc(b, head);
	gir_buf_puts(b, "</w:t></w:r>");
	if (text && *text)
		run(b, text);
	gir_buf_puts(b, "</w:p>");
	free(head);
	free(run_text);
}

/* A narrative's paragraphs; with `keep_last`, its last paragraph stays on
 * the page with what follows (the signature block). */
static void narrative(docx *x, const gir_narrative *nar, int keep_last)
{
	for (size_t i = 0; i < nar->n; i++) {
		const gir_para *p = &nar->paras[i];
		if (!p->heading) {
			para(&x->doc, GIR_FONT_BODY, keep_last && i + 1 == nar->n ? "<w:keepNext/>" : "",
			     p->text);
			continue;
		}
		if (nar->run_in) {
			const char *text = gir_para_runs_in(nar, i) ? nar->paras[++i].text : NULL;
			run_in_para(x, p, text, keep_last && i + 1 == nar->n ? "<w:keepNext/>" : "");
			continue;
		}
		char *h = gir_subheading_text(p);
		para(&x->doc, GIR_FONT_SUBHEADING, "", h);
		free(h);
	}
}

/* ---- tables ------------------------------------------------------------------------ */

/* The PDF's column edges in twips from the table's left edge, rounded so
 * that the widths add up to the text block exactly. */
static int *column_edges(const pdf_table *pt, int n)
{
	const double *X = pdf_table_edges(pt);
	int *e = gir_xcalloc((size_t)n + 1, sizeof *e);
	for (int c = 0; c <= n; c++)
		e[c] = TW(X[c] - X[0]);
	return e;
}

/* A label's paragraph with the PDF's line breaks (w:br): Word and
 * LibreOffice would otherwise break it inside a word (自然/人). */
static void label_para(gir_buf *b, const char *ppr, const gir_gcell *c, size_t index,
                       const pdf_table *pt)
{
	gir_span *lines;
	size_t n = pdf_table_cell_lines(pt, index, &lines);
	gir_buf_printf(b, "<w:p><w:pPr><w:pStyle w:val=\"%s\"/>%s</w:pPr><w:r>",
	               style_ids[GIR_FONT_TABLE], ppr);
	for (size_t i = 0; i < n; i++) {
		char *line = gir_xstrndup(c->text + lines[i].start, lines[i].end - lines[i].start);
		gir_buf_puts(b, i ? "<w:br/><w:t xml:space=\"preserve\">" : "<w:t xml:space=\"preserve\">");
		esc(b, line);
		gir_buf_puts(b, "</w:t>");
		free(line);
	}
	gir_buf_puts(b, "</w:r></w:p>");
	free(lines);
}

static int centred(gir_gcell_kind k)
{
	return k == GIR_GC_VALUE || k == GIR_GC_HEAD || k == GIR_GC_CAPTION || k == GIR_GC_CORNER;
}

/* One w:tc: the cell that starts here, or the continuation of one merged
 * from above (w:vMerge without "restart", no text of its own). */
static void table_cell(gir_buf *b, const gir_grid *g, const gir_gcell *c, int row, const int *e,
                       int keep, const pdf_table *pt)
{
	gir_buf_printf(b, "<w:tc><w:tcPr><w:tcW w:w=\"%d\" w:type=\"dxa\"/>",
	               e[c->col + c->colspan] - e[c->col]);
	if (c->colspan > 1)
		gir_buf_printf(b, "<w:gridSpan w:val=\"%d\"/>", c->colspan);
	if (c->rowspan > 1)
		gir_buf_puts(b, c->row == row ? "<w:vMerge w:val=\"restart\"/>" : "<w:vMerge/>");
	gir_buf_puts(b, "<w:vAlign w:val=\"center\"/></w:tcPr>");
	char ppr[96];
	snprintf(ppr, sizeof ppr, "%s%s", keep ? "<w:keepNext/>" : "",
	         centred(c->kind) ? "<w:jc w:val=\"center\"/>" : "");
	if (c->row == row && *c->text && (c->kind == GIR_GC_HEAD || c->kind == GIR_GC_STUB ||
	                                  c->kind == GIR_GC_CORNER))
		label_para(b, ppr, c, (size_t)(c - g->cells), pt);
	else
		para(b, GIR_FONT_TABLE, ppr, c->row == row ? c->text : NULL);
	gir_buf_puts(b, "</w:tc>");
}

/* Rows that must stay with the next one: a block's header rows (and, for a
 * small block, every row but its last, as the PDF never cuts one), a long
 * block's first three body rows, and the rows of a label merged over rows. */
static char *keep_with_next(const gir_table *tab, const gir_grid *g)
{
	char *keep = gir_xcalloc((size_t)g->nrows + 1, 1);
	int top = 0;
	for (size_t p = 0; p < tab->nparts; p++) {
		const gir_grid *part = tab->parts[p];
		int body = part->nrows - part->header_rows;
		int lead = body <= 12 ? part->nrows - 1 : part->header_rows + 3;
		for (int r = 0; r < lead && r < part->nrows - 1; r++)
			keep[top + r] = 1;
		top += part->nrows;
	}
	for (size_t i = 0; i < g->ncells; i++) {
		const gir_gcell *c = &g->cells[i];
		for (int r = c->row; c->rowspan > 1 && r < c->row + c->rowspan - 1; r++)
			keep[r] = 1;
	}
	return keep;
}

static const char table_borders[] =
	"<w:tblBorders><w:top w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
	"<w:left w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
	"<w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
	"<w:right w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
	"<w:insideH w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
	"<w:insideV w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
	"</w:tblBorders>";

/* The section's blocks as one table, stacked as the PDF draws them.  A
 * table of one block repeats its header rows on every page (w:tblHeader);
 * no row is split across pages (w:cantSplit). */
static void table_section(docx *x, const gir_section *s)
{
	gir_buf *b = &x->doc;
	para(b, GIR_FONT_HEADING, "", s->heading);
	gir_table *tab = gir_layout_table(x->rep, s);
	gir_grid *g = gir_table_merge(tab);
	pdf_table *pt = pdf_table_new(&x->pdf, tab);
	int *e = column_edges(pt, g->ncols);
	char *keep = keep_with_next(tab, g);
	gir_buf_printf(b, "<w:tbl><w:tblPr><w:tblW w:w=\"%d\" w:type=\"dxa\"/>"
	                  "<w:jc w:val=\"center\"/>%s<w:tblLayout w:type=\"fixed\"/>"
	                  "<w:tblCellMar><w:left w:w=\"60\" w:type=\"dxa\"/>"
	                  "<w:right w:w=\"60\" w:type=\"dxa\"/></w:tblCellMar>"
	                  "<w:tblLook w:val=\"0000\"/></w:tblPr><w:tblGrid>",
	               e[g->ncols], table_borders);
	for (int c = 0; c < g->ncols; c++)
		gir_buf_printf(b, "<w:gridCol w:w=\"%d\"/>", e[c + 1] - e[c]);
	gir_buf_puts(b, "</w:tblGrid>");
	int repeat = tab->nparts == 1 ? tab->parts[0]->header_rows : 0;
	for (int r = 0; r < g->nrows; r++) {
		gir_buf_printf(b, "<w:tr><w:trPr><w:cantSplit/>%s</w:trPr>",
		               r < repeat ? "<w:tblHeader/>" : "");
		for (int c = 0; c < g->ncols;) {
			const gir_gcell *cell = &g->cells[gir_grid_owner(g, r, c)];
			table_cell(b, g, cell, r, e, keep[r], pt);
			c = cell->col + cell->colspan;
		}
		gir_buf_puts(b, "</w:tr>");
	}
	gir_buf_puts(b, "</w:tbl>");
	/* Room between the table and the next heading, a third of a line as in the PDF. */
	gir_buf_printf(b, "<w:p><w:pPr><w:pStyle w:val=\"TableText\"/><w:spacing w:line=\"%d\" "
	                  "w:lineRule=\"exact\"/></w:pPr></w:p>",
	               LINE_PITCH / 3);
	free(keep);
	free(e);
	pdf_table_free(pt);
	gir_grid_free(g);
	gir_table_free(tab);
}

/* ---- the document part ------------------------------------------------------------- */

#define W_NS "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""
#define R_NS "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\""
#define XML_DECL "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"

/* GB/T 9704 7.3.5.2, as far as a word processor can follow it: one blank
 * line under the text, the agency and the date right-aligned two characters
 * from the edge (右空二字), kept together and with the last line of text. */
static void signature(docx *x)
{
	const gir_report *rep = x->rep;
	if (!rep->nsignatories && !rep->date.year)
		return;
	gir_buf *b = &x->doc;
	gir_buf_puts(b, "<w:p><w:pPr><w:pStyle w:val=\"Signature\"/><w:keepNext/></w:pPr></w:p>");
	char *date = gir_report_date_text(rep);
	for (size_t i = 0; i < rep->nsignatories; i++) {
		gir_buf_printf(b, "<w:p><w:pPr><w:pStyle w:val=\"Signature\"/>%s</w:pPr>",
		               date || i + 1 < rep->nsignatories ? "<w:keepNext/>" : "");
		run(b, rep->signatories[i]);
		gir_buf_puts(b, "</w:p>");
	}
	if (date) {
		gir_buf_puts(b, "<w:p><w:pPr><w:pStyle w:val=\"Signature\"/></w:pPr>");
		run(b, date);
		gir_buf_puts(b, "</w:p>");
	}
	free(date);
}

/* A4, 天头 37 mm, 订口 28 mm, a 156 × 225 mm block of 22 lines (w:docGrid).
 * The 28 characters a line come from the styles' character spacing rather
 * than the grid's w:charSpace, which LibreOffice reads differently from Word
 * (docs/docx.md). */
static void section_properties(gir_buf *b)
{
	gir_buf_printf(b, "<w:sectPr><w:footerReference w:type=\"default\" r:id=\"rIdFooterOdd\"/>"
	                  "<w:footerReference w:type=\"even\" r:id=\"rIdFooterEven\"/>"
	                  "<w:pgSz w:w=\"%d\" w:h=\"%d\"/>"
	                  "<w:pgMar w:top=\"%d\" w:right=\"%d\" w:bottom=\"%d\" w:left=\"%d\" "
	                  "w:header=\"851\" w:footer=\"%d\" w:gutter=\"0\"/>"
	                  "<w:cols w:space=\"425\"/>"
	                  "<w:docGrid w:type=\"lines\" w:linePitch=\"%d\"/>"
	                  "</w:sectPr>",
	               PAGE_W, PAGE_H, MM(37), MM(26), MM(35), MM(28),
	               MM(35 - 7) - TW(PDF_FOLIO_SIZE * 1.2), LINE_PITCH);
}

/* The title, broken after the agency's name when it takes more than one
 * line (20 characters of 二号) and both halves fit on one, as the PDF
 * breaks it (回行时词意完整); otherwise the word processor breaks it. */
static void title(docx *x)
{
	const char *t = x->rep->title, *agency = x->rep->agency;
	size_t len = strlen(t), a = agency ? strlen(agency) : 0;
	size_t per_line = (size_t)(PDF_BLOCK_W / (TITLE_HALF_PT / 2.0));
	if (!a || a >= len || strncmp(t, agency, a) != 0 || gir_utf8_count(t, len) <= per_line ||
	    gir_utf8_count(t, a) > per_line || gir_utf8_count(t + a, len - a) > per_line) {
		para(&x->doc, GIR_FONT_TITLE, "", t);
		return;
	}
	gir_buf *b = &x->doc;
	gir_buf_printf(b, "<w:p><w:pPr><w:pStyle w:val=\"%s\"/></w:pPr>", style_ids[GIR_FONT_TITLE]);
	gir_buf_puts(b, "<w:r><w:t xml:space=\"preserve\">");
	gir_docx_escape(b, t, a);
	gir_buf_puts(b, "</w:t><w:br/></w:r>");
	run(b, t + a);
	gir_buf_puts(b, "</w:p>");
}

static void document(docx *x)
{
	const gir_report *rep = x->rep;
	gir_buf *b = &x->doc;
	gir_buf_puts(b, XML_DECL "<w:document " W_NS " " R_NS "><w:body>");
	title(x);
	size_t n = rep->tpl->nsections;
	int has_signature = rep->nsignatories || rep->date.year;
	narrative(x, &rep->preface, has_signature && n == 0);
	for (size_t i = 0; i < n; i++) {
		const gir_section *s = rep->tpl->sections[i];
		if (s->kind == GIR_TABLE) {
			table_section(x, s);
			continue;
		}
		para(b, GIR_FONT_HEADING, "", s->heading);
		narrative(x, &rep->sections[i].text, has_signature && i + 1 == n);
	}
	signature(x);
	section_properties(b);
	gir_buf_puts(b, "</w:body></w:document>");
}

/* ---- styles, fonts, footers, package parts -------------------------------------------- */

static void run_fonts(gir_buf *b, const docx_role *r)
{
	gir_buf_puts(b, "<w:rFonts w:ascii=\"");
	esc(b, r->font);
	gir_buf_puts(b, "\" w:hAnsi=\"");
	esc(b, r->font);
	gir_buf_puts(b, "\" w:eastAsia=\"");
	esc(b, r->font);
	gir_buf_puts(b, "\" w:cs=\"");
	esc(b, r->font);
	gir_buf_puts(b, "\"/>");
}

/* One paragraph style: its name from the template, the role's font. */
static void style(gir_buf *b, const char *id, const char *name, const docx_role *font,
                  const char *ppr, int half_pt, int spacing, int is_default)
{
	gir_buf_printf(b, "<w:style w:type=\"paragraph\" w:styleId=\"%s\"%s><w:name w:val=\"", id,
	               is_default ? " w:default=\"1\"" : "");
	esc(b, name);
	gir_buf_printf(b, "\"/>%s<w:qFormat/><w:pPr>%s</w:pPr><w:rPr>",
	               is_default ? "" : "<w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/>", ppr);
	run_fonts(b, font);
	gir_buf_printf(b, "<w:spacing w:val=\"%d\"/><w:sz w:val=\"%d\"/><w:szCs w:val=\"%d\"/>"
	                  "</w:rPr></w:style>",
	               spacing, half_pt, half_pt);
}

static void styles_part(docx *x, gir_buf *b)
{
	const docx_role *R = x->roles;
	char body[256], title[256];
	/* Lines exactly one grid line apart, as the PDF sets them.  Punctuation
	 * may hang (w:overflowPunct, Word's default): LibreOffice then moves a
	 * character down with a comma that would start a line, as the PDF does,
	 * where without the element it squeezes the comma out of sight. */
	snprintf(body, sizeof body,
	         "<w:widowControl/><w:overflowPunct w:val=\"1\"/><w:spacing w:line=\"%d\" w:lineRule=\"exact\"/>"
	         "<w:ind w:firstLineChars=\"200\" w:firstLine=\"%d\"/><w:jc w:val=\"both\"/>",
	         LINE_PITCH, TW(2 * CHAR_PITCH));
	snprintf(title, sizeof title,
	         "<w:keepNext/><w:spacing w:after=\"%d\" w:line=\"%d\" w:lineRule=\"exact\"/>"
	         "<w:ind w:firstLineChars=\"0\" w:firstLine=\"0\"/><w:jc w:val=\"center\"/>"
	         "<w:outlineLvl w:val=\"0\"/>",
	         LINE_PITCH, LINE_PITCH);
	gir_buf_puts(b, XML_DECL "<w:styles " W_NS "><w:docDefaults><w:rPrDefault><w:rPr>");
	run_fonts(b, &R[GIR_FONT_BODY]);
	gir_buf_printf(b, "<w:sz w:val=\"%d\"/><w:szCs w:val=\"%d\"/>"
	                  "<w:lang w:val=\"en-US\" w:eastAsia=\"zh-CN\" w:bidi=\"ar-SA\"/>"
	                  "</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>%s</w:pPr></w:pPrDefault>"
	                  "</w:docDefaults>",
	               BODY_HALF_PT, BODY_HALF_PT, body);
	style(b, "Normal", R[GIR_FONT_BODY].style, &R[GIR_FONT_BODY], body, BODY_HALF_PT, TEXT_SPACING, 1);
	style(b, "Title", R[GIR_FONT_TITLE].style, &R[GIR_FONT_TITLE], title, TITLE_HALF_PT, 0, 0);
	style(b, "Heading1", R[GIR_FONT_HEADING].style, &R[GIR_FONT_HEADING],
	      "<w:keepNext/><w:outlineLvl w:val=\"1\"/>", BODY_HALF_PT, TEXT_SPACING, 0);
	style(b, "Heading2", R[GIR_FONT_SUBHEADING].style, &R[GIR_FONT_SUBHEADING],
	      "<w:keepNext/><w:outlineLvl w:val=\"2\"/>", BODY_HALF_PT, TEXT_SPACING, 0);
	char table[256];
	snprintf(table, sizeof table,
	         "<w:snapToGrid w:val=\"0\"/><w:spacing w:line=\"%d\" w:lineRule=\"exact\"/>"
	         "<w:ind w:firstLineChars=\"0\" w:firstLine=\"0\"/><w:jc w:val=\"left\"/>",
	         TW(PDF_TABLE_SIZE * 1.3));
	style(b, "TableText", R[GIR_FONT_TABLE].style, &R[GIR_FONT_TABLE], table, TABLE_HALF_PT, 0, 0);
	char sig[256];
	snprintf(sig, sizeof sig,
	         "<w:ind w:rightChars=\"200\" w:right=\"%d\" w:firstLineChars=\"0\" w:firstLine=\"0\"/>"
	         "<w:jc w:val=\"right\"/>",
	         TW(2 * CHAR_PITCH));
	style(b, "Signature", x->signature, &R[GIR_FONT_BODY], sig, BODY_HALF_PT, TEXT_SPACING, 0);
	style(b, "Footer", x->footer, &R[GIR_FONT_BODY],
	      "<w:snapToGrid w:val=\"0\"/><w:spacing w:line=\"240\" w:lineRule=\"auto\"/>"
	      "<w:ind w:firstLineChars=\"0\" w:firstLine=\"0\"/>",
	      FOLIO_HALF_PT, 0, 0);
	gir_buf_puts(b, "</w:styles>");
}

/* Every font the styles name, with the name Word and WPS substitute when it
 * is missing (w:altName) and the GB2312 character set, so that a machine
 * without either still picks a Chinese face; then the Debian faces, which
 * LibreOffice on Debian finds by name. */
static void font_table_part(docx *x, gir_buf *b)
{
	gir_buf_puts(b, XML_DECL "<w:fonts " W_NS ">");
	for (int r = 0; r < GIR_FONT_ROLES; r++) {
		const docx_role *R = &x->roles[r];
		int seen = 0;
		for (int k = 0; k < r; k++)
			seen |= strcmp(x->roles[k].font, R->font) == 0;
		if (seen)
			continue;
		gir_buf_puts(b, "<w:font w:name=\"");
		esc(b, R->font);
		gir_buf_puts(b, "\"><w:altName w:val=\"");
		esc(b, R->alt);
		gir_buf_printf(b, "\"/><w:charset w:val=\"86\"/><w:family w:val=\"%s\"/>"
		                  "<w:pitch w:val=\"fixed\"/></w:font>",
		               r == GIR_FONT_HEADING ? "modern" : "roman");
	}
	gir_buf_puts(b, "</w:fonts>");
}

/* "— N —" in 四号: odd pages on the right and even pages on the left, one
 * character in from the block's edge (GB/T 9704 7.5). */
static void footer_part(gir_buf *b, int odd)
{
	gir_buf_printf(b, XML_DECL "<w:ftr " W_NS " " R_NS "><w:p><w:pPr><w:pStyle w:val=\"Footer\"/>"
	                  "<w:ind w:%s=\"%d\"/><w:jc w:val=\"%s\"/></w:pPr>",
	               odd ? "right" : "left", TW(PDF_FOLIO_SIZE), odd ? "right" : "left");
	run(b, "\xE2\x80\x94 ");
	gir_buf_puts(b, "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>"
	                "<w:r><w:instrText xml:space=\"preserve\"> PAGE </w:instrText></w:r>"
	                "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>"
	                "<w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r>");
	run(b, " \xE2\x80\x94");
	gir_buf_puts(b, "</w:p></w:ftr>");
}

static void settings_part(gir_buf *b)
{
	gir_buf_puts(b, XML_DECL "<w:settings " W_NS "><w:evenAndOddHeaders/>"
	                "<w:defaultTabStop w:val=\"420\"/><w:characterSpacingControl "
	                "w:val=\"doNotCompress\"/><w:compat><w:compatSetting "
	                "w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" "
	                "w:val=\"15\"/></w:compat><w:themeFontLang w:val=\"en-US\" w:eastAsia=\"zh-CN\"/>"
	                "</w:settings>");
}

static void core_part(const gir_report *rep, gir_buf *b)
{
	gir_buf_puts(b, XML_DECL "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/"
	                "package/2006/metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" "
	                "xmlns:dcterms=\"http://purl.org/dc/terms/\" "
	                "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><dc:title>");
	esc(b, rep->title);
	gir_buf_puts(b, "</dc:title><dc:subject>");
	esc(b, rep->tpl->name);
	gir_buf_puts(b, "</dc:subject>");
	if (rep->agency) {
		gir_buf_puts(b, "<dc:creator>");
		esc(b, rep->agency);
		gir_buf_puts(b, "</dc:creator>");
	}
	/* The report's own date (成文日期), never the clock. */
	if (rep->date.year)
		for (int i = 0; i < 2; i++)
			gir_buf_printf(b, "<dcterms:%s xsi:type=\"dcterms:W3CDTF\">%04d-%02d-%02dT00:00:00Z"
			                  "</dcterms:%s>",
			               i ? "modified" : "created", rep->date.year, rep->date.month,
			               rep->date.day, i ? "modified" : "created");
	gir_buf_puts(b, "</cp:coreProperties>");
}

static const char content_types[] = XML_DECL
	"<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
	"<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
	"<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
	"<Override PartName=\"/word/document.xml\" ContentType=\"application/"
	"vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
	"<Override PartName=\"/word/styles.xml\" ContentType=\"application/"
	"vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>"
	"<Override PartName=\"/word/settings.xml\" ContentType=\"application/"
	"vnd.openxmlformats-officedocument.wordprocessingml.settings+xml\"/>"
	"<Override PartName=\"/word/fontTable.xml\" ContentType=\"application/"
	"vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml\"/>"
	"<Override PartName=\"/word/footer1.xml\" ContentType=\"application/"
	"vnd.openxmlformats-officedocument.wordprocessingml.footer+xml\"/>"
	"<Override PartName=\"/word/footer2.xml\" ContentType=\"application/"
	"vnd.openxmlformats-officedocument.wordprocessingml.footer+xml\"/>"
	"<Override PartName=\"/docProps/core.xml\" ContentType=\"application/"
	"vnd.openxmlformats-package.core-properties+xml\"/>"
	"<Override PartName=\"/docProps/app.xml\" ContentType=\"application/"
	"vnd.openxmlformats-officedocument.extended-properties+xml\"/>"
	"</Types>";

#define REL(id, type, target) \
	"<Relationship Id=\"" id "\" Type=\"http://schemas.openxmlformats.org/" type "\" " \
	"Target=\"" target "\"/>"

static const char package_rels[] = XML_DECL
	"<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
	REL("rId1", "officeDocument/2006/relationships/officeDocument", "word/document.xml")
	REL("rId2", "package/2006/relationships/metadata/core-properties", "docProps/core.xml")
	REL("rId3", "officeDocument/2006/relationships/extended-properties", "docProps/app.xml")
	"</Relationships>";

static const char document_rels[] = XML_DECL
	"<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
	REL("rIdStyles", "officeDocument/2006/relationships/styles", "styles.xml")
	REL("rIdSettings", "officeDocument/2006/relationships/settings", "settings.xml")
	REL("rIdFonts", "officeDocument/2006/relationships/fontTable", "fontTable.xml")
	REL("rIdFooterOdd", "officeDocument/2006/relationships/footer", "footer1.xml")
	REL("rIdFooterEven", "officeDocument/2006/relationships/footer", "footer2.xml")
	"</Relationships>";

static const char app_props[] = XML_DECL
	"<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\">"
	"<Application>gireport " GIR_VERSION "</Application></Properties>";

/* ---- the zip ---------------------------------------------------------------------- */

enum { P_TYPES, P_RELS, P_DOC, P_DOC_RELS, P_STYLES, P_SETTINGS, P_FONTS, P_FOOTER1, P_FOOTER2,
       P_CORE, P_APP, NPARTS };

static const char *const part_names[NPARTS] = {
	"[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/_rels/document.xml.rels",
	"word/styles.xml", "word/settings.xml", "word/fontTable.xml", "word/footer1.xml",
	"word/footer2.xml", "docProps/core.xml", "docProps/app.xml",
};

/* Packs the parts, in their fixed order, into `out`, each dated
 * noon on 1 January 1980 (the first date a zip can hold; written as such,
 * with no time zone involved).  Returns 0, or -1 when minizip fails. */
static int pack(gir_buf *parts, gir_buf *out)
{
	gir_zipmem m;
	zlib_filefunc64_def io;
	gir_zipmem_writer(&m, out, &io);
	zipFile zf = zipOpen2_64("memory", APPEND_STATUS_CREATE, NULL, &io);
	int rc = zf ? ZIP_OK : ZIP_ERRNO;
	zip_fileinfo info = {.tmz_date = {0, 0, 12, 1, 0, 1980}};
	for (int i = 0; rc == ZIP_OK && i < NPARTS; i++) {
		/* Fast compression: the XML repeats itself so much that level 1 gives
		 * within 15 % of level 6 in half the time; the parts under 1 KB are
		 * stored, saving a compressor's set-up each. */
		int method = parts[i].len < 1024 ? 0 : Z_DEFLATED;
		rc = zipOpenNewFileInZip64(zf, part_names[i], &info, NULL, 0, NULL, 0, NULL, method,
		                           Z_BEST_SPEED, 0);
		if (rc == ZIP_OK)
			rc = zipWriteInFileInZip(zf, parts[i].ptr, (unsigned)parts[i].len);
		if (rc == ZIP_OK)
			rc = zipCloseFileInZip(zf);
	}
	if (zf && zipClose(zf, NULL) != ZIP_OK)
		rc = ZIP_ERRNO;
	return rc == ZIP_OK ? 0 : -1;
}

int gir_render_docx(const gir_report *rep, const gir_options *opt, gir_buf *out)
{
	gir_diags *diags = opt ? opt->diags : NULL;
	docx x = {.rep = rep, .pdf = {.rep = rep}};
	if (read_names(&x, diags) != 0 || pdf_fonts_open(&x.pdf.fonts, rep, opt, diags) != 0) {
		pdf_fonts_close(&x.pdf.fonts);
		return -1;
	}
	gir_buf parts[NPARTS] = {{0}};
	gir_buf_puts(&parts[P_TYPES], content_types);
	gir_buf_puts(&parts[P_RELS], package_rels);
	document(&x);
	parts[P_DOC] = x.doc;
	gir_buf_puts(&parts[P_DOC_RELS], document_rels);
	styles_part(&x, &parts[P_STYLES]);
	settings_part(&parts[P_SETTINGS]);
	font_table_part(&x, &parts[P_FONTS]);
	footer_part(&parts[P_FOOTER1], 1);
	footer_part(&parts[P_FOOTER2], 0);
	core_part(rep, &parts[P_CORE]);
	gir_buf_puts(&parts[P_APP], app_props);
	int rc = pack(parts, out);
	if (rc != 0 && diags)
		gir_diags_add(diags, rep->file, GIR_MSG(ERROR, docx_write_failed,
		              "minizip failed writing the DOCX archive"));
	for (int i = 0; i < NPARTS; i++)
		gir_buf_free(&parts[i]);
	pdf_fonts_close(&x.pdf.fonts);
	return rc;
}
