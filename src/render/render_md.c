/* Markdown (GitHub-flavoured): headings, paragraphs, pipe tables with the
 * form's multi-level headers flattened ("法人或其他组织·商业企业").  Author
 * text is escaped so it can never become markup. */
#include <stdlib.h>
#include <string.h>

#include "layout.h"
#include "markdown.h"
#include "model.h"
#include "narrative.h"
#include "util.h"

/* Backslash-escapes ASCII punctuation Markdown gives meaning to; `&` and `<`
 * become entities so no HTML can be formed; line breaks become spaces, and
 * control characters (C0, DEL, C1), which no checked text holds, U+FFFD. */
void gir_md_escape(gir_buf *out, const char *s, int at_line_start)
{
	if (at_line_start) {
		const char *p = s;
		while (*p >= '0' && *p <= '9')
			p++;
		if (p > s && (*p == '.' || *p == ')')) { /* "1." would start a list */
			gir_buf_put(out, s, (size_t)(p - s));
			gir_buf_putc(out, '\\');
			s = p;
		} else if (*s == '-' || *s == '+' || *s == '=') { /* '>' becomes &gt; below */
			gir_buf_putc(out, '\\');
		}
	}
	for (; *s; s++) {
		if (*s == '&')
			gir_buf_puts(out, "&amp;");
		else if (*s == '<')
			gir_buf_puts(out, "&lt;");
		else if (*s == '>')
			gir_buf_puts(out, "&gt;");
		else if (strchr("\\`*_[]#|~!", *s))
			gir_buf_putc(out, '\\'), gir_buf_putc(out, *s);
		else if (*s == '\n' || *s == '\r' || *s == '\t')
			gir_buf_putc(out, ' ');
		else if ((unsigned char)*s < 0x20 || *s == 0x7F) /* a terminal would obey them */
			gir_buf_puts(out, "\xEF\xBF\xBD");
		else if ((unsigned char)s[0] == 0xC2 && (unsigned char)s[1] >= 0x80 &&
		         (unsigned char)s[1] < 0xA0) /* C1: the 8-bit CSI, DCS, OSC */
			gir_buf_puts(out, "\xEF\xBF\xBD"), s++;
		else
			gir_buf_putc(out, *s);
	}
}

static void narrative(gir_buf *out, const gir_narrative *nar)
{
	for (size_t i = 0; i < nar->n; i++) {
		const gir_para *p = &nar->paras[i];
		if (p->heading && nar->run_in) {
			/* The stop stays outside the emphasis: CommonMark does not close
			 * "**" between a punctuation mark and a letter. */
			const char *stop;
			char *h = gir_subheading_run_in(p, &stop);
			gir_buf_puts(out, "**");
			gir_md_escape(out, h, 1);
			gir_buf_printf(out, "**%s", stop);
			free(h);
			if (gir_para_runs_in(nar, i))
				gir_md_escape(out, nar->paras[++i].text, 0);
		} else if (p->heading) {
			char *h = gir_subheading_text(p);
			gir_buf_puts(out, "### ");
			gir_md_escape(out, h, 0);
			free(h);
		} else {
			gir_md_escape(out, p->text, 1);
		}
		gir_buf_puts(out, "\n\n");
	}
}

/* Whether a header row under row r has another cell in column c: then the
 * cell at r is a group over other headers, not a column's own header. */
static int has_header_below(const gir_grid *g, int r, int c, int owner)
{
	for (int k = r + 1; k < g->header_rows; k++)
		if (gir_grid_owner(g, k, c) != owner)
			return 1;
	return 0;
}

/* The flattened header of column c: the header texts above it, top to
 * bottom, leaving out a group that spans every value column. */
static void column_header(gir_buf *out, const gir_grid *g, int c, int nvalue)
{
	int last = -1, n = 0;
	for (int r = 0; r < g->header_rows; r++) {
		int o = gir_grid_owner(g, r, c);
		const gir_gcell *cell = &g->cells[o];
		if (o == last || cell->kind == GIR_GC_CAPTION || !*cell->text)
			continue;
		last = o;
		if (cell->kind == GIR_GC_HEAD && cell->colspan == nvalue && nvalue > 1 &&
		    has_header_below(g, r, c, o))
			continue;
		if (cell->kind == GIR_GC_CORNER && c != cell->col)
			continue;
		if (n++)
			gir_buf_puts(out, "·");
		gir_md_escape(out, cell->text, 0);
	}
}

/* A column that every row covers with a cell begun further left exists only
 * to widen a narrower block (第二十条第（八）项); Markdown leaves it out. */
static int continuation_column(const gir_grid *g, int c)
{
	for (int r = 0; r < g->nrows; r++)
		if (g->cells[gir_grid_owner(g, r, c)].col == c)
			return 0;
	return 1;
}

static void grid_rows(gir_buf *out, const gir_grid *g, int first_body)
{
	for (int r = first_body; r < g->nrows; r++) {
		gir_buf_puts(out, "|");
		for (int c = 0; c < g->ncols; c++) {
			if (continuation_column(g, c))
				continue;
			const gir_gcell *cell = &g->cells[gir_grid_owner(g, r, c)];
			gir_buf_putc(out, ' ');
			if (cell->row == r && cell->col == c)
				gir_md_escape(out, cell->text, 0);
			gir_buf_puts(out, " |");
		}
		gir_buf_putc(out, '\n');
	}
}

static void grid(gir_buf *out, const gir_table *t, const gir_grid *g)
{
	const gir_gcell *first = &g->cells[0];
	if (first->kind == GIR_GC_LINE) { /* a sentence, not a table */
		gir_md_escape(out, first->text, 1);
		gir_buf_puts(out, "\n\n");
		return;
	}
	if (first->kind == GIR_GC_CAPTION) {
		gir_buf_puts(out, "**");
		gir_md_escape(out, first->text, 0);
		gir_buf_puts(out, "**\n\n");
	}
	int nvalue = 0;
	for (int c = 0; c < g->ncols; c++)
		nvalue += !gir_table_is_label_column(t, c);
	gir_buf_puts(out, "|");
	for (int c = 0; c < g->ncols; c++) {
		if (continuation_column(g, c))
			continue;
		gir_buf_putc(out, ' ');
		column_header(out, g, c, nvalue);
		gir_buf_puts(out, " |");
	}
	gir_buf_puts(out, "\n|");
	for (int c = 0; c < g->ncols; c++)
		if (!continuation_column(g, c))
			gir_buf_puts(out, gir_table_is_label_column(t, c) ? " --- |" : " :---: |");
	gir_buf_putc(out, '\n');
	grid_rows(out, g, g->header_rows);
	gir_buf_putc(out, '\n');
}

static void signature(gir_buf *out, const gir_report *rep)
{
	/* Right alignment needs HTML; a Markdown report puts the block last. */
	for (size_t i = 0; i < rep->nsignatories; i++) {
		gir_md_escape(out, rep->signatories[i], 1);
		gir_buf_puts(out, "  \n");
	}
	char *date = gir_report_date_text(rep); /* date_format comes from a template or project */
	if (date) {
		gir_md_escape(out, date, 1);
		gir_buf_putc(out, '\n');
	}
	free(date);
}

int gir_render_md(const gir_report *rep, const gir_options *opt, gir_buf *out)
{
	(void)opt;
	gir_buf_puts(out, "# ");
	gir_md_escape(out, rep->title, 0);
	gir_buf_puts(out, "\n\n");
	narrative(out, &rep->preface);
	const gir_template *t = rep->tpl;
	for (size_t i = 0; i < t->nsections; i++) {
		const gir_section *s = t->sections[i];
		gir_buf_puts(out, "## "); /* a template's words are escaped as a source's are */
		gir_md_escape(out, s->heading, 0);
		gir_buf_puts(out, "\n\n");
		if (s->kind == GIR_NARRATIVE) {
			narrative(out, &rep->sections[i].text);
			continue;
		}
		gir_table *tab = gir_layout_table(rep, s);
		for (size_t p = 0; p < tab->nparts; p++)
			grid(out, tab, tab->parts[p]);
		gir_table_free(tab);
	}
	signature(out, rep);
	return 0;
}
