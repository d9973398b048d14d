/* HTML: the report as one standalone, accessible page, the form in which
 * government websites publish it — real tables with the national form's
 * merged cells, <caption> and <th scope>, a print style sheet after the
 * PDF's GB/T 9704 page.  No script and no external resource: the file is
 * the whole page.
 *
 * The markup is polyglot (also well-formed XML: every element closed, void
 * elements self-closed, attributes quoted, only the five XML entities), so
 * that a strict XML parser can check it.  docs/html.md gives the structure
 * and the reasons.  Every word on the page comes from the template or the
 * source; nothing depends on the clock. */
#include <stdlib.h>
#include <string.h>

#include "layout.h"
#include "markup.h"
#include "model.h"
#include "narrative.h"
#include "wrap.h"
#include "util.h"

/* Screen first, then print.  Font stacks name the GB/T 9704 faces (仿宋,
 * 黑体, 楷体, 小标宋) by their English family names, then the Debian faces the
 * PDF uses by default.  The CSS holds no '<' or '&', so it needs no escaping
 * in XML. */
static const char css[] =
	"html { color: #000; background: #fff; }\n"
	"body { margin: 0; font: 18px/1.8 'FangSong_GB2312', 'FangSong', 'STFangsong',"
	" 'AR PL UMing CN', serif; }\n"
	"main { max-width: 46em; margin: 0 auto; padding: 2em 1.5em; }\n"
	"h1 { margin: 0 0 1.8em; font: 1.375em/1.6 'FZXiaoBiaoSong-B05S', 'SimSun',"
	" 'Songti SC', 'AR PL UMing CN', serif; text-align: center; text-wrap: balance; }\n"
	"h2, h3 { margin: 0; font-size: 1em; font-weight: normal; text-indent: 2em; }\n"
	"h2 { font-family: 'SimHei', 'Heiti SC', 'WenQuanYi Zen Hei', sans-serif; }\n"
	"h3, .run-in { font-family: 'KaiTi_GB2312', 'KaiTi', 'STKaiti', 'AR PL UKai CN', serif; }\n"
	"p { margin: 0; text-indent: 2em; text-align: justify; }\n"
	"table { width: 100%; margin: .3em 0 .6em; border-collapse: collapse;"
	" font-size: .8em; line-height: 1.4; }\n"
	"caption { padding: .3em; border: 1px solid; border-bottom: 0; }\n"
	"th, td { padding: .25em .4em; border: 1px solid; vertical-align: middle; }\n"
	"th { font-weight: normal; text-align: center; word-break: keep-all;"
	" overflow-wrap: break-word; min-width: 2em; }\n"
	"th[scope='row'], th[scope='rowgroup'] { text-align: left; }\n"
	"td { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }\n"
	"table.part { table-layout: fixed; margin-bottom: 0; }\n"
	"table.part + table.part { margin-top: -1px; }\n"
	"p.line { margin-bottom: .6em; padding: .25em .4em; border: 1px solid; border-top: 0;"
	" font-size: .8em; line-height: 1.4; text-indent: 0; }\n"
	".visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden;"
	" clip-path: inset(50%); white-space: nowrap; }\n"
	".signature { margin-top: 1.8em; padding-right: 2em; }\n"
	".signature p { text-align: right; text-indent: 0; }\n"
	"@page { size: A4; margin: 37mm 26mm 35mm 28mm; }\n"
	"@page :right { @bottom-right { content: '\\2014  ' counter(page) ' \\2014';"
	" font-size: 14pt; margin-right: 1em; } }\n"
	"@page :left { @bottom-left { content: '\\2014  ' counter(page) ' \\2014';"
	" font-size: 14pt; margin-left: 1em; } }\n"
	"@media print {\n"
	"  body { font-size: 16pt; line-height: 28.95pt; letter-spacing: -0.22pt; }\n"
	"  main { max-width: none; margin: 0; padding: 0; }\n"
	"  h1 { margin-bottom: 28.95pt; font-size: 22pt; line-height: 28.95pt; }\n"
	"  table, p.line { font-size: 10.5pt; line-height: 1.3; letter-spacing: normal; }\n"
	"  thead { display: table-header-group; }\n"
	"  th:not([rowspan]), td, caption, table.part, p.line, .signature { break-inside: avoid; }\n"
	"  thead + tbody { break-before: avoid; }\n"
	"  h1, h2, h3, caption { break-after: avoid; }\n"
	"  p { orphans: 2; widows: 2; }\n"
	"}\n";

/* Appends s so that it is text, in an element or in an attribute: the five
 * characters with a meaning in HTML and XML as references; line breaks as
 * spaces; control characters and U+FFFE/U+FFFF, which XML does not allow,
 * left out. */
void gir_markup_esc(gir_buf *out, const char *s, size_t n)
{
	const unsigned char *end = (const unsigned char *)s + n;
	for (const unsigned char *p = (const unsigned char *)s; p < end && *p; p++) {
		switch (*p) {
		case '&': gir_buf_puts(out, "&amp;"); break;
		case '<': gir_buf_puts(out, "&lt;"); break;
		case '>': gir_buf_puts(out, "&gt;"); break;
		case '"': gir_buf_puts(out, "&quot;"); break;
		case '\'': gir_buf_puts(out, "&#39;"); break;
		case '\t': case '\n': case '\r': gir_buf_putc(out, ' '); break;
		default:
			if (p[0] == 0xEF && p[1] == 0xBF && (p[2] == 0xBE || p[2] == 0xBF))
				p += 2;
			else if (*p >= 0x20)
				gir_buf_putc(out, (char)*p);
		}
	}
}

static void esc(gir_buf *out, const char *s)
{
	gir_markup_esc(out, s, strlen(s));
}

/* <tag attrs>text</tag> on a line of its own; attrs start with a space. */
static void element(gir_buf *out, const char *tag, const char *attrs, const char *text)
{
	gir_buf_printf(out, "<%s%s>", tag, attrs);
	esc(out, text);
	gir_buf_printf(out, "</%s>\n", tag);
}

static void meta(gir_buf *out, const char *name, const char *content)
{
	gir_buf_printf(out, "<meta name=\"%s\" content=\"", name);
	esc(out, content);
	gir_buf_puts(out, "\" />\n");
}

static void head(gir_buf *out, const gir_report *rep)
{
	gir_buf_puts(out, "<!DOCTYPE html>\n"
	                  "<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"zh-CN\""
	                  " xml:lang=\"zh-CN\">\n<head>\n<meta charset=\"UTF-8\" />\n"
	                  "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n");
	meta(out, "generator", "gireport " GIR_VERSION);
	if (rep->agency)
		meta(out, "author", rep->agency);
	element(out, "title", "", rep->title);
	gir_buf_printf(out, "<style>\n%s</style>\n</head>\n", css);
}

static void narrative(gir_buf *out, const gir_narrative *nar)
{
	for (size_t i = 0; i < nar->n; i++) {
		const gir_para *p = &nar->paras[i];
		if (!p->heading) {
			element(out, "p", "", p->text);
			continue;
		}
		if (nar->run_in) { /* <p><span class="run-in">（一）主动公开情况。</span>正文…</p> */
			const char *stop;
			char *run = gir_subheading_run_in(p, &stop);
			gir_buf_puts(out, "<p><span class=\"run-in\">");
			esc(out, run);
			gir_buf_printf(out, "%s</span>", stop);
			if (gir_para_runs_in(nar, i))
				esc(out, nar->paras[++i].text);
			gir_buf_puts(out, "</p>\n");
			free(run);
			continue;
		}
		char *h = gir_subheading_text(p);
		element(out, "h3", "", h);
		free(h);
	}
}

/* ---- tables ---------------------------------------------------------------------- */

/* The scope of a header cell, or NULL for a data cell.  A group over other
 * headers in the top header row heads a <colgroup> of its own (see
 * colgroups); a row label spanning rows in the first column a <tbody> of its
 * own (see body).  Nested groups (法人或其他组织, （三）不予公开) cannot have
 * one, as HTML's groups do not nest: "col" and "row" cover every column and
 * row such a cell spans, which is what HTML's header algorithm gives them. */
static const char *scope_of(const gir_grid *g, const gir_gcell *c, int top)
{
	switch (c->kind) {
	case GIR_GC_HEAD:
		return c->row == top && c->row + c->rowspan < g->header_rows ? "colgroup" : "col";
	case GIR_GC_CORNER:
		return "col";
	case GIR_GC_STUB:
		return c->col == 0 && c->rowspan > 1 ? "rowgroup" : "row";
	default:
		return NULL;
	}
}

/* A label or header with <wbr /> where it may break between words; the
 * CSS (word-break: keep-all) lets the browser break nowhere else, so it
 * never leaves one character of a word alone on a line (自然/人). */
static void label_text(gir_buf *out, const char *text, const char *const *marks, size_t nmarks)
{
	size_t *offs, n = gir_label_word_breaks(text, marks, nmarks, &offs), from = 0;
	for (size_t i = 0; i <= n; i++) {
		size_t to = i < n ? offs[i] : strlen(text);
		gir_markup_esc(out, text + from, to - from);
		if (i < n)
			gir_buf_puts(out, "<wbr />");
		from = to;
	}
	free(offs);
}

static void cell(gir_buf *out, const gir_grid *g, const gir_gcell *c, int top)
{
	const char *scope = scope_of(g, c, top);
	int th = scope && *c->text; /* an empty corner heads nothing */
	const char *tag = th ? "th" : "td";
	gir_buf_printf(out, "<%s", tag);
	if (th)
		gir_buf_printf(out, " scope=\"%s\"", scope);
	if (c->rowspan > 1)
		gir_buf_printf(out, " rowspan=\"%d\"", c->rowspan);
	if (c->colspan > 1)
		gir_buf_printf(out, " colspan=\"%d\"", c->colspan);
	gir_buf_putc(out, '>');
	if (th && (c->kind == GIR_GC_HEAD || c->kind == GIR_GC_STUB || c->kind == GIR_GC_CORNER))
		label_text(out, c->text, g->breaks, g->nbreaks);
	else
		esc(out, c->text);
	gir_buf_printf(out, "</%s>\n", tag);
}

/* A row of the grid: the cells that start in it, left to right. */
static void row(gir_buf *out, const gir_grid *g, int r, int top)
{
	gir_buf_puts(out, "<tr>\n");
	for (int c = 0; c < g->ncols; c++) {
		const gir_gcell *cl = &g->cells[gir_grid_owner(g, r, c)];
		if (cl->row == r && cl->col == c)
			cell(out, g, cl, top);
	}
	gir_buf_puts(out, "</tr>\n");
}

/* One <colgroup> per cell of the top header row: the column groups of the
 * form (申请人情况, 行政复议) that scope="colgroup" refers to.  With widths
 * (the blocks of one table), each column gets a <col> with its width. */
static void colgroups(gir_buf *out, const gir_grid *g, int top, const double *w)
{
	for (int c = 0; c < g->ncols;) {
		const gir_gcell *cl = &g->cells[gir_grid_owner(g, top, c)];
		int end = cl->col + cl->colspan > c ? cl->col + cl->colspan : c + 1;
		if (!w) {
			gir_buf_printf(out, "<colgroup span=\"%d\"></colgroup>\n", end - c);
		} else {
			gir_buf_puts(out, "<colgroup>");
			for (; c < end; c++)
				gir_buf_printf(out, "<col style=\"width: %.2f%%\" />", w[c]);
			gir_buf_puts(out, "</colgroup>\n");
		}
		c = end;
	}
}

/* Where the row group starting at body row r ends: after the rows of a
 * label that spans rows in the first column, or after the run of single
 * rows up to the next such label. */
static int group_end(const gir_grid *g, int r)
{
	const gir_gcell *c = &g->cells[gir_grid_owner(g, r, 0)];
	if (c->rowspan > 1 && c->row == r)
		return r + c->rowspan;
	int end = r + 1;
	while (end < g->nrows && g->cells[gir_grid_owner(g, end, 0)].rowspan == 1)
		end++;
	return end;
}

static void body(gir_buf *out, const gir_grid *g, int top)
{
	for (int r = g->header_rows; r < g->nrows;) {
		int end = group_end(g, r);
		gir_buf_puts(out, "<tbody>\n");
		for (; r < end; r++)
			row(out, g, r, top);
		gir_buf_puts(out, "</tbody>\n");
	}
}

/* One block of a table section.  A block without a caption of its own (三,
 * 四) is named by the section heading, for screen readers only: the <h2>
 * above already shows it. */
static void table(gir_buf *out, const gir_grid *g, const char *heading, const double *w)
{
	const gir_gcell *first = &g->cells[0];
	if (first->kind == GIR_GC_LINE) { /* a sentence, not a table */
		element(out, "p", " class=\"line\"", first->text);
		return;
	}
	int top = first->kind == GIR_GC_CAPTION;
	gir_buf_puts(out, w ? "<table class=\"part\">\n" : "<table>\n");
	if (top)
		element(out, "caption", "", first->text);
	else
		element(out, "caption", " class=\"visually-hidden\"", heading);
	colgroups(out, g, top, w);
	if (g->header_rows > top) {
		gir_buf_puts(out, "<thead>\n");
		for (int r = top; r < g->header_rows; r++)
			row(out, g, r, top);
		gir_buf_puts(out, "</thead>\n");
	}
	body(out, g, top);
	gir_buf_puts(out, "</table>\n");
}

/* Column widths in per cent for a table of several blocks (二), drawn one
 * under the other: the same for every block so that their columns line up,
 * a label column one and a half times a value column. */
static double *part_widths(const gir_table *t)
{
	int n = t->parts[0]->ncols;
	double *w = gir_xcalloc((size_t)n, sizeof *w), total = 0;
	for (int c = 0; c < n; c++)
		total += w[c] = gir_table_is_label_column(t, c) ? 1.5 : 1;
	for (int c = 0; c < n; c++)
		w[c] = 100 * w[c] / total;
	return w;
}

static void table_section(gir_buf *out, const gir_report *rep, const gir_section *s)
{
	gir_table *tab = gir_layout_table(rep, s);
	double *w = tab->nparts > 1 ? part_widths(tab) : NULL;
	for (size_t p = 0; p < tab->nparts; p++)
		table(out, tab->parts[p], s->heading, w);
	free(w);
	gir_table_free(tab);
}

/* ---- the page -------------------------------------------------------------------- */

/* Right-aligned, 右空二字 as in the PDF; the date also machine-readable. */
static void signature(gir_buf *out, const gir_report *rep)
{
	if (!rep->nsignatories && !rep->date.year)
		return;
	gir_buf_puts(out, "<div class=\"signature\">\n");
	for (size_t i = 0; i < rep->nsignatories; i++)
		element(out, "p", "", rep->signatories[i]);
	char *date = gir_report_date_text(rep);
	if (date) {
		gir_buf_printf(out, "<p><time datetime=\"%04d-%02d-%02d\">", rep->date.year,
		               rep->date.month, rep->date.day);
		esc(out, date);
		gir_buf_puts(out, "</time></p>\n");
	}
	free(date);
	gir_buf_puts(out, "</div>\n");
}

int gir_render_html(const gir_report *rep, const gir_options *opt, gir_buf *out)
{
	(void)opt;
	head(out, rep);
	gir_buf_puts(out, "<body>\n<main>\n");
	element(out, "h1", "", rep->title);
	narrative(out, &rep->preface);
	const gir_template *t = rep->tpl;
	for (size_t i = 0; i < t->nsections; i++) {
		const gir_section *s = t->sections[i];
		gir_buf_puts(out, "<section id=\"");
		esc(out, s->id);
		gir_buf_puts(out, "\">\n");
		element(out, "h2", "", s->heading);
		if (s->kind == GIR_NARRATIVE)
			narrative(out, &rep->sections[i].text);
		else
			table_section(out, rep, s);
		gir_buf_puts(out, "</section>\n");
	}
	signature(out, rep);
	gir_buf_puts(out, "</main>\n</body>\n</html>\n");
	return 0;
}
