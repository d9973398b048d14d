/* Builds grids from the template's row and column trees. */
#include <stdlib.h>
#include <string.h>

#include "layout.h"
#include "util.h"

typedef struct grid_builder {
	gir_ptrvec cells;
	int nrows, ncols;
} grid_builder;

static void put(grid_builder *g, int row, int col, int rowspan, int colspan,
                gir_gcell_kind kind, char *text)
{
	gir_gcell *c = gir_xcalloc(1, sizeof *c);
	*c = (gir_gcell){row, col, rowspan, colspan, kind, text};
	gir_ptrvec_push(&g->cells, c);
	if (row + rowspan > g->nrows)
		g->nrows = row + rowspan;
	if (col + colspan > g->ncols)
		g->ncols = col + colspan;
}

static int tree_depth(const gir_axis *a)
{
	int d = 0;
	for (size_t i = 0; i < a->nchildren; i++) {
		int k = tree_depth(a->children[i]) + 1;
		if (k > d)
			d = k;
	}
	return d;
}

static char *label_of(const gir_report *rep, const gir_axis *a)
{
	char *l = gir_expand_label(a->label, rep->year, rep->agency);
	if (!a->unit)
		return l;
	char *u = gir_xasprintf("%s（%s）", l, a->unit);
	free(l);
	return u;
}

static char *value_text(const gir_value *v)
{
	char buf[48];
	gir_cell_format(*v, buf, sizeof buf);
	return gir_xstrdup(buf);
}

/* Column headers of a tree, starting at grid row `top`, down to `bottom`. */
static void put_col_headers(grid_builder *g, const gir_report *rep, const gir_axis *a, int top,
                            int bottom, int col0)
{
	for (size_t i = 0; i < a->nchildren; i++) {
		const gir_axis *k = a->children[i];
		int rowspan = k->nchildren ? 1 : bottom - top;
		put(g, top, col0 + k->first_leaf, rowspan, k->nleaves, GIR_GC_HEAD, label_of(rep, k));
		put_col_headers(g, rep, k, top + 1, bottom, col0);
	}
}

static void put_row_labels(grid_builder *g, const gir_report *rep, const gir_axis *a, int row0,
                           int label_cols)
{
	for (size_t i = 0; i < a->nchildren; i++) {
		const gir_axis *k = a->children[i];
		int colspan = k->nchildren ? 1 : label_cols - k->depth;
		put(g, row0 + k->first_leaf, k->depth, k->nleaves, colspan, GIR_GC_STUB, label_of(rep, k));
		put_row_labels(g, rep, k, row0, label_cols);
	}
}

static void layout_rows(grid_builder *g, const gir_report *rep, const gir_block *b,
                        const gir_section_data *sd, int top)
{
	int label_cols = tree_depth(&b->rows), head_rows = tree_depth(&b->cols);
	put(g, top, 0, head_rows, label_cols, GIR_GC_CORNER, gir_xstrdup(b->corner ? b->corner : ""));
	put_col_headers(g, rep, &b->cols, top, top + head_rows, label_cols);
	int body = top + head_rows;
	put_row_labels(g, rep, &b->rows, body, label_cols);
	for (size_t r = 0; r < b->nrows; r++)
		for (size_t c = 0; c < b->ncols; c++)
			put(g, body + (int)r, label_cols + (int)c, 1, 1, GIR_GC_VALUE,
			    value_text(gir_cell(sd, b, r, c)));
}

/* Table 四: every row becomes a group of columns; one line of values. */
static void put_inline_headers(grid_builder *g, const gir_report *rep, const gir_block *b,
                               const gir_axis *a, int head_rows)
{
	int col_depth = tree_depth(&b->cols);
	for (size_t i = 0; i < a->nchildren; i++) {
		const gir_axis *k = a->children[i];
		int col0 = k->first_leaf * (int)b->ncols;
		put(g, k->depth, col0, 1, k->nleaves * (int)b->ncols, GIR_GC_HEAD, label_of(rep, k));
		if (k->nchildren)
			put_inline_headers(g, rep, b, k, head_rows);
		else
			put_col_headers(g, rep, &b->cols, k->depth + 1, head_rows, col0);
	}
	(void)col_depth;
}

static void layout_inline(grid_builder *g, const gir_report *rep, const gir_block *b,
                          const gir_section_data *sd, int top)
{
	int head_rows = tree_depth(&b->rows) + tree_depth(&b->cols);
	grid_builder h = {0};
	put_inline_headers(&h, rep, b, &b->rows, head_rows);
	for (size_t i = 0; i < h.cells.len; i++) {
		gir_gcell *c = h.cells.items[i];
		c->row += top;
		gir_ptrvec_push(&g->cells, c);
	}
	gir_ptrvec_free(&h.cells);
	if (h.ncols > g->ncols)
		g->ncols = h.ncols;
	for (size_t r = 0; r < b->nrows; r++)
		for (size_t c = 0; c < b->ncols; c++)
			put(g, top + head_rows, (int)(r * b->ncols + c), 1, 1, GIR_GC_VALUE,
			    value_text(gir_cell(sd, b, r, c)));
}

static void layout_line(grid_builder *g, const gir_report *rep, const gir_block *b,
                        const gir_section_data *sd, int top)
{
	char *label = label_of(rep, b->row_leaves[0]);
	char *value = value_text(gir_cell(sd, b, 0, 0));
	put(g, top, 0, 1, 1, GIR_GC_LINE, gir_xasprintf("%s：%s", label, value));
	free(label);
	free(value);
}

static int header_rows_of(const gir_block *b)
{
	int caption = b->caption ? 1 : 0;
	switch (b->layout) {
	case GIR_LAYOUT_ROWS: return caption + tree_depth(&b->cols);
	case GIR_LAYOUT_INLINE: return caption + tree_depth(&b->rows) + tree_depth(&b->cols);
	default: return 0;
	}
}

static gir_grid *finish(grid_builder *g, int ncols, int header_rows)
{
	gir_grid *grid = gir_xcalloc(1, sizeof *grid);
	grid->nrows = g->nrows;
	grid->ncols = ncols;
	grid->header_rows = header_rows;
	grid->ncells = g->cells.len;
	grid->cells = gir_xcalloc(g->cells.len, sizeof(gir_gcell));
	grid->owner = gir_xcalloc((size_t)g->nrows * (size_t)ncols, sizeof(int));
	for (size_t i = 0; i < g->cells.len; i++) {
		grid->cells[i] = *(gir_gcell *)g->cells.items[i];
		free(g->cells.items[i]);
	}
	gir_ptrvec_free(&g->cells);
	/* Narrower blocks stretch their last cell of each row to the full width,
	 * as the form does for 第二十条第（八）项. */
	for (size_t i = 0; i < grid->ncells; i++) {
		gir_gcell *c = &grid->cells[i];
		if (c->col + c->colspan == g->ncols || c->kind == GIR_GC_CAPTION || c->kind == GIR_GC_LINE)
			c->colspan = ncols - c->col;
		for (int r = c->row; r < c->row + c->rowspan; r++)
			for (int k = c->col; k < c->col + c->colspan; k++)
				grid->owner[r * ncols + k] = (int)i;
	}
	return grid;
}

static gir_grid *layout_block(const gir_report *rep, const gir_section *s, const gir_block *b,
                              int ncols)
{
	grid_builder g = {0};
	const gir_section_data *sd = &rep->sections[s->index];
	int top = 0;
	if (b->caption) {
		put(&g, 0, 0, 1, 1, GIR_GC_CAPTION, gir_xstrdup(b->caption));
		top = 1;
	}
	if (b->layout == GIR_LAYOUT_ROWS)
		layout_rows(&g, rep, b, sd, top);
	else if (b->layout == GIR_LAYOUT_INLINE)
		layout_inline(&g, rep, b, sd, top);
	else
		layout_line(&g, rep, b, sd, top);
	return finish(&g, ncols, header_rows_of(b));
}

static int block_width(const gir_block *b)
{
	switch (b->layout) {
	case GIR_LAYOUT_ROWS: return tree_depth(&b->rows) + (int)b->ncols;
	case GIR_LAYOUT_INLINE: return (int)(b->nrows * b->ncols);
	default: return 1;
	}
}

gir_table *gir_layout_table(const gir_report *rep, const gir_section *s)
{
	gir_table *t = gir_xcalloc(1, sizeof *t);
	t->breaks = (const char *const *)rep->tpl->label_breaks;
	t->nbreaks = rep->tpl->nlabel_breaks;
	int ncols = 1;
	for (size_t i = 0; i < s->nblocks; i++)
		if (block_width(s->blocks[i]) > ncols)
			ncols = block_width(s->blocks[i]);
	t->parts = gir_xcalloc(s->nblocks, sizeof(gir_grid *));
	for (size_t i = 0; i < s->nblocks; i++) {
		gir_grid *g = layout_block(rep, s, s->blocks[i], ncols);
		g->breaks = t->breaks, g->nbreaks = t->nbreaks;
		t->parts[t->nparts++] = g;
	}
	return t;
}

void gir_table_free(gir_table *t)
{
	if (!t)
		return;
	for (size_t i = 0; i < t->nparts; i++)
		gir_grid_free(t->parts[i]);
	free(t->parts);
	free(t);
}

int gir_table_is_label_column(const gir_table *t, int col)
{
	for (size_t i = 0; i < t->nparts; i++) {
		const gir_grid *g = t->parts[i];
		for (size_t k = 0; k < g->ncells; k++) {
			const gir_gcell *c = &g->cells[k];
			if (c->col == col && c->colspan == 1 &&
			    (c->kind == GIR_GC_VALUE || c->kind == GIR_GC_HEAD))
				return 0;
		}
	}
	return 1;
}

void gir_grid_free(gir_grid *g)
{
	if (!g)
		return;
	for (size_t k = 0; k < g->ncells; k++)
		free(g->cells[k].text);
	free(g->cells);
	free(g->owner);
	free(g);
}

gir_grid *gir_table_merge(const gir_table *t)
{
	gir_grid *m = gir_xcalloc(1, sizeof *m);
	m->ncols = t->parts[0]->ncols;
	for (size_t i = 0; i < t->nparts; i++) {
		m->nrows += t->parts[i]->nrows;
		m->ncells += t->parts[i]->ncells;
	}
	m->header_rows = t->nparts == 1 ? t->parts[0]->header_rows : 0;
	m->breaks = t->breaks, m->nbreaks = t->nbreaks;
	m->cells = gir_xcalloc(m->ncells, sizeof(gir_gcell));
	m->owner = gir_xcalloc((size_t)m->nrows * (size_t)m->ncols, sizeof(int));
	int row0 = 0;
	size_t k = 0;
	for (size_t i = 0; i < t->nparts; i++) {
		const gir_grid *g = t->parts[i];
		for (size_t c = 0; c < g->ncells; c++, k++) {
			m->cells[k] = g->cells[c];
			m->cells[k].row += row0;
			m->cells[k].text = gir_xstrdup(g->cells[c].text);
		}
		for (int r = 0; r < g->nrows; r++)
			for (int c = 0; c < g->ncols; c++)
				m->owner[(row0 + r) * m->ncols + c] =
				    g->owner[r * g->ncols + c] + (int)(k - g->ncells);
		row0 += g->nrows;
	}
	return m;
}

double *gir_grid_row_heights(const gir_grid *g, double min, double gap, int spread,
                             double (*need)(const gir_gcell *c, void *ctx), void *ctx)
{
	double *h = gir_xcalloc((size_t)g->nrows, sizeof(double));
	for (int r = 0; r < g->nrows; r++)
		h[r] = min;
	for (int pass = 0; pass < 2; pass++)
		for (size_t i = 0; i < g->ncells; i++) {
			const gir_gcell *c = &g->cells[i];
			if ((c->rowspan > 1) != pass)
				continue;
			double want = need(c, ctx), have = gap * (c->rowspan - 1);
			for (int r = c->row; r < c->row + c->rowspan; r++)
				have += h[r];
			if (want <= have)
				continue;
			if (!spread)
				h[c->row + c->rowspan - 1] += want - have;
			else
				for (int r = c->row; r < c->row + c->rowspan; r++)
					h[r] += (want - have) / c->rowspan;
		}
	return h;
}
