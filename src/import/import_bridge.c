/* gireport import: the lines of a document read by a reader (HTML, DOCX,
 * PDF), appended one at a time in the shape import_scan.c gives a text
 * (import.h, "import_bridge.c"): paragraphs as IMP_TEXT lines, table rows
 * as IMP_CELLS lines with their cells, each at its place in the original
 * input.  The readers own no import logic beyond this: titles, headings,
 * narratives and the placing of rows are the text importer's. */
#include <stdlib.h>
#include <string.h>

#include "import.h"
#include "utf8.h"
#include "util.h"

/* As for a text (import_scan.c): a report has a few hundred lines, a few
 * hundred cells, and 15 cells in its widest row.  Beyond these an input is
 * something else, and only costs time (the placing of a row's cells is not
 * made for rows of 100,000). */
#define IMP_MAX_LINES 50000
#define IMP_MAX_CELLS 200000
#define IMP_MAX_ROW_CELLS 1024

void imp_doc_start(imp_doc *doc)
{
	doc->structured = true;
	doc->lines = NULL;
	doc->nlines = doc->cap = 0;
}

static imp_line *new_line(imp_doc *doc, gir_pos pos, imp_kind kind)
{
	if (doc->nlines == doc->cap)
		doc->lines = gir_xrealloc(doc->lines, (doc->cap = doc->cap ? 2 * doc->cap : 64) *
		                                          sizeof *doc->lines);
	imp_line *l = &doc->lines[doc->nlines++];
	memset(l, 0, sizeof *l);
	l->no = pos.line > 0 ? pos.line : 1;
	l->col = pos.col > 0 ? pos.col : 1;
	l->kind = kind;
	l->table = -1;
	return l;
}

/* Past the limits, lines are no longer kept: imp_doc_finish reports them. */
bool imp_doc_full(const imp_doc *doc)
{
	return doc->nlines > IMP_MAX_LINES || doc->total_cells > IMP_MAX_CELLS;
}

static bool full(const imp_doc *doc)
{
	return imp_doc_full(doc);
}

void imp_doc_text(imp_doc *doc, gir_pos pos, const char *text)
{
	if (!*text || full(doc))
		return;
	imp_line *l = new_line(doc, pos, IMP_TEXT);
	l->text = gir_xstrdup(text);
}

void imp_doc_row(imp_doc *doc, gir_pos pos, imp_cell *cells, size_t n)
{
	if (full(doc)) {
		for (size_t i = 0; i < n; i++)
			free(cells[i].text);
		free(cells);
		return;
	}
	if (n > IMP_MAX_ROW_CELLS) {
		for (size_t i = IMP_MAX_ROW_CELLS; i < n; i++)
			free(cells[i].text);
		n = IMP_MAX_ROW_CELLS;
		doc->cut_row = doc->cut_row ? doc->cut_row : pos.line;
	}
	doc->total_cells += n;
	imp_line *l = new_line(doc, pos, IMP_CELLS);
	gir_buf b = {0};
	for (size_t i = 0; i < n; i++)
		gir_buf_printf(&b, "%s%s", i ? "\t" : "", cells[i].text);
	l->text = imp_detach(&b); /* for what looks at a line's text: never a heading */
	l->cells = cells;
	l->ncells = n;
}

/* A blank line parts two tables: a run of IMP_CELLS lines is one table. */
void imp_doc_table_end(imp_doc *doc)
{
	if (doc->nlines && doc->lines[doc->nlines - 1].kind == IMP_CELLS && !full(doc)) {
		imp_line *l = new_line(doc, (gir_pos){doc->lines[doc->nlines - 1].no, 1}, IMP_BLANK);
		l->text = gir_xstrdup("");
	}
}

int imp_doc_finish(imp_doc *doc)
{
	if (doc->total_cells > IMP_MAX_CELLS) {
		gir_diag_at(doc->diags, doc->file, (gir_pos){0, 0}, NULL, NULL,
		            _("a report's tables have a few hundred cells; is this the right file?"),
		            GIR_MSG(ERROR, import_too_many_cells,
		                "more than %d table cells: not imported"), IMP_MAX_CELLS);
		return -1;
	}
	if (doc->cut_row)
		gir_diag_at(doc->diags, doc->file, (gir_pos){doc->cut_row, 1}, NULL, NULL,
		            _("the form's widest row has 15 cells"),
		            GIR_MSG(ERROR, import_row_too_long,
		                "a table row of more than %d cells: "
		            "the cells after the %dth are left out"), IMP_MAX_ROW_CELLS, IMP_MAX_ROW_CELLS);
	if (doc->nlines > IMP_MAX_LINES) {
		gir_diag_at(doc->diags, doc->file, (gir_pos){doc->lines[IMP_MAX_LINES].no, 1},
		            NULL, NULL, _("a report has a few hundred paragraphs and rows; is this the right file?"),
		            GIR_MSG(ERROR, import_too_many_lines,
		                "more than %d paragraphs and table rows: not imported"), IMP_MAX_LINES);
		return -1;
	}
	bool any = false;
	int table = -1;
	for (size_t i = 0; i < doc->nlines; i++) {
		imp_line *l = &doc->lines[i];
		if (l->kind == IMP_CELLS && (i == 0 || doc->lines[i - 1].kind != IMP_CELLS))
			table++;
		l->table = table;
		any = any || l->kind != IMP_BLANK;
	}
	if (!any) {
		gir_diag_at(doc->diags, doc->file, (gir_pos){0, 0}, NULL, NULL, NULL,
		            GIR_MSG(ERROR, import_no_text,
		                "no text in the document: no report to import"));
		return -1;
	}
	return 0;
}
