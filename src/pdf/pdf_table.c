/* Ruled tables in the PDF: the grid of layout.c measured in points, fitted
 * to the width of the text block, and cut into pages between rows.
 *
 * A table is drawn as one grid (the blocks of table 二 stacked).  When a page
 * ends inside a block, the next page starts with that block's header rows
 * again; a small block is never cut, and a cut avoids leaving a row or two
 * of a group alone.  A merged cell cut by a page break is ruled on both
 * pages and labelled on each piece tall enough for its text. */
#include <stdlib.h>
#include <string.h>

#include "pdf.h"
#include "template.h"
#include "util.h"
#include "wrap.h"

#define PAD_X 3.0                          /* text to the rules, left and right */
#define PAD_Y 2.5
#define LEAD (PDF_TABLE_SIZE * 1.3)        /* line pitch inside a cell */
#define EM PDF_TABLE_SIZE

struct pdf_table {
	gir_grid *g;        /* the blocks stacked into one grid */
	pdf_pen pen;
	double *X;          /* ncols + 1 column edges, from the page's left */
	double *H;          /* row heights */
	int nparts;
	int *first;         /* first row of each block; first[nparts] = nrows */
	int *heads;         /* header rows of each block */
	const char *const *breaks; /* the template's label_breaks */
	size_t nbreaks;
	unsigned char **memo;      /* of each cell of g: its label's breaks */
	struct cell_lines *wrapped; /* of each cell of g: its lines, once the widths are set */
};

typedef struct cell_lines {
	gir_span *lines;
	size_t n;
} cell_lines;

static gir_span *copy_spans(const gir_span *s, size_t n)
{
	gir_span *c = gir_xcalloc(n + 1, sizeof *c);
	memcpy(c, s, n * sizeof *c);
	return c;
}

/* The memo of a cell of pt->g, or NULL for a cell of another grid. */
static unsigned char **memo_of(const pdf_table *pt, const gir_gcell *c)
{
	return c >= pt->g->cells && c < pt->g->cells + pt->g->ncells ? &pt->memo[c - pt->g->cells] : NULL;
}

static double text_width(const pdf_table *pt, const char *s)
{
	return pdf_text_width(&pt->pen, s, strlen(s));
}

/* ---- column widths ------------------------------------------------------------ */

typedef struct col_need {
	double min, pref;
	int label;
} col_need;

static double clamp(double v, double lo, double hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

static double max_d(double a, double b)
{
	return a > b ? a : b;
}

/* What each column asks for, from the cells that sit in it alone.  A label
 * with rows of room beside it may wrap to half its length; numbers never
 * wrap; a header keeps at least two characters a line. */
static void column_needs(const pdf_table *pt, const gir_table *t, col_need *need, double *vmin,
                         double *vpref)
{
	const gir_grid *g = pt->g;
	for (int c = 0; c < g->ncols; c++)
		need[c] = (col_need){2 * EM + 2 * PAD_X, 2 * EM + 2 * PAD_X,
		                     gir_table_is_label_column(t, c)};
	*vmin = *vpref = 2 * EM + 2 * PAD_X;
	for (size_t i = 0; i < g->ncells; i++) {
		const gir_gcell *c = &g->cells[i];
		if (c->colspan != 1)
			continue;
		double w = text_width(pt, c->text);
		col_need *n = &need[c->col];
		if (c->kind == GIR_GC_VALUE) {
			*vmin = max_d(*vmin, w + 2 * PAD_X);
		} else if (c->kind == GIR_GC_HEAD) {
			/* Never narrower than a word of the header (自然人, 总计). */
			pdf_pen pen = pt->pen;
			double word = gir_label_min_width(c->text, pdf_measure, &pen, pt->breaks, pt->nbreaks,
			                                  memo_of(pt, c));
			*vmin = max_d(*vmin, word + 2 * PAD_X + 0.5);
			*vpref = max_d(*vpref, w + 2 * PAD_X);
		} else if (c->rowspan > 1) {
			/* and never narrower than a word of the label (办理结果) */
			pdf_pen pen = pt->pen;
			double word = gir_label_min_width(c->text, pdf_measure, &pen, pt->breaks, pt->nbreaks,
			                                  memo_of(pt, c));
			n->min = max_d(n->min, clamp(max_d(w, word), 0, max_d(4 * EM, word)) + 2 * PAD_X);
			n->pref = max_d(n->pref, clamp(w / 2, 4 * EM, w) + 2 * PAD_X);
		} else {
			n->min = max_d(n->min, clamp(w, 0, 6 * EM) + 2 * PAD_X);
			n->pref = max_d(n->pref, w + 2 * PAD_X);
		}
	}
	*vpref = clamp(*vpref, *vmin, 6 * EM + 2 * PAD_X);
}

/* Fills the block's width: value columns share one width, as on the printed
 * form; labels shrink toward their minimum when space is short, and every
 * column grows in proportion when there is space to spare. */
static void fit_columns(pdf_table *pt, const gir_table *t)
{
	int n = pt->g->ncols, nvalue = 0;
	col_need *need = gir_xcalloc((size_t)n, sizeof *need);
	double vmin, vpref, labels = 0, give = 0, *w = gir_xcalloc((size_t)n, sizeof(double));
	column_needs(pt, t, need, &vmin, &vpref);
	for (int c = 0; c < n; c++) {
		nvalue += !need[c].label;
		labels += need[c].label ? need[c].pref : 0;
		give += need[c].label ? need[c].pref - need[c].min : 0;
	}
	double v = vmin, total = labels + nvalue * v, over = total - PDF_BLOCK_W;
	if (over < 0 && nvalue) /* values grow toward their headers' width first */
		v = clamp(vmin - over / nvalue, vmin, vpref);
	total = labels + nvalue * v;
	double shrink = total > PDF_BLOCK_W && give > 0 ? clamp((total - PDF_BLOCK_W) / give, 0, 1) : 0;
	total = 0;
	for (int c = 0; c < n; c++) {
		w[c] = need[c].label ? need[c].pref - shrink * (need[c].pref - need[c].min) : v;
		total += w[c];
	}
	pt->X = gir_xcalloc((size_t)n + 1, sizeof(double));
	pt->X[0] = PDF_LEFT;
	for (int c = 0; c < n; c++)
		pt->X[c + 1] = pt->X[c] + w[c] * PDF_BLOCK_W / total;
	free(w);
	free(need);
}

/* ---- cells ------------------------------------------------------------------- */

static double cell_width(const pdf_table *pt, const gir_gcell *c)
{
	return pt->X[c->col + c->colspan] - pt->X[c->col];
}

/* Wraps a cell's text: numbers on one line, labels into even lines. */
static size_t wrap_lines(const pdf_table *pt, const gir_gcell *c, gir_span **lines);

/* A cell's lines, wrapped once: heights, drawing and the DOCX ask again. */
static size_t wrap_cell(const pdf_table *pt, const gir_gcell *c, gir_span **lines)
{
	cell_lines *w = pt->wrapped && memo_of(pt, c) ? &pt->wrapped[c - pt->g->cells] : NULL;
	if (w && w->lines) {
		*lines = copy_spans(w->lines, w->n);
		return w->n;
	}
	size_t n = wrap_lines(pt, c, lines);
	if (w) {
		w->lines = copy_spans(*lines, n);
		w->n = n;
	}
	return n;
}

static size_t wrap_lines(const pdf_table *pt, const gir_gcell *c, gir_span **lines)
{
	double room = cell_width(pt, c) - 2 * PAD_X;
	pdf_pen pen = pt->pen;
	if (c->kind == GIR_GC_VALUE)
		return gir_wrap(c->text, room, room, pdf_measure, &pen, lines);
	size_t n = gir_wrap_label(c->text, room, 0.5, pdf_measure, &pen, pt->breaks, pt->nbreaks,
	                          memo_of(pt, c), lines);
	/* "（三）" / "不予公开": a label's number on a line of its own rather
	 * than "（三）不予" / "公开", when the rest then fits on one line. */
	const char *rest = gir_skip_numbering(c->text);
	size_t len = strlen(c->text), num = (size_t)(rest - c->text);
	if (n == 2 && num > 0 && pdf_text_width(&pen, rest, len - num) <= room + 0.01) {
		while (num > 0 && c->text[num - 1] == ' ')
			num--;
		(*lines)[0] = (gir_span){0, num};
		(*lines)[1] = (gir_span){(size_t)(rest - c->text), len};
	}
	return n;
}

static double height_needed(const gir_gcell *c, void *ctx)
{
	gir_span *lines;
	double lines_h = (double)wrap_cell(ctx, c, &lines) * LEAD;
	free(lines);
	return lines_h + 2 * PAD_Y;
}

/* Row heights in points; a merged cell's extra height is shared by its rows. */
static void row_heights(pdf_table *pt)
{
	pt->H = gir_grid_row_heights(pt->g, LEAD + 2 * PAD_Y, 0, 1, height_needed, pt);
}

pdf_table *pdf_table_new(const pdf_doc *d, const gir_table *t)
{
	pdf_table *pt = gir_xcalloc(1, sizeof *pt);
	pt->g = gir_table_merge(t);
	pt->pen = (pdf_pen){d, GIR_FONT_TABLE, PDF_TABLE_SIZE, 0};
	pt->nparts = (int)t->nparts;
	pt->breaks = t->breaks;
	pt->nbreaks = t->nbreaks;
	pt->memo = gir_xcalloc(pt->g->ncells + 1, sizeof(unsigned char *));
	pt->first = gir_xcalloc(t->nparts + 1, sizeof(int));
	pt->heads = gir_xcalloc(t->nparts + 1, sizeof(int));
	for (size_t i = 0; i < t->nparts; i++) {
		pt->first[i + 1] = pt->first[i] + t->parts[i]->nrows;
		pt->heads[i] = t->parts[i]->header_rows;
	}
	fit_columns(pt, t);
	pt->wrapped = gir_xcalloc(pt->g->ncells + 1, sizeof(cell_lines));
	row_heights(pt);
	return pt;
}

void pdf_table_free(pdf_table *pt)
{
	if (!pt)
		return;
	for (size_t i = 0; i < pt->g->ncells; i++) {
		free(pt->memo[i]);
		free(pt->wrapped[i].lines);
	}
	free(pt->wrapped);
	free(pt->memo);
	gir_grid_free(pt->g);
	free(pt->X);
	free(pt->H);
	free(pt->first);
	free(pt->heads);
	free(pt);
}

static double rows_height(const pdf_table *pt, int from, int to)
{
	double h = 0;
	for (int r = from; r < to; r++)
		h += pt->H[r];
	return h;
}

/* What must go on one page at the start of a block: a small block (the
 * five of table 二) whole, a long one (table 三) its header and first rows,
 * so that it starts under its heading instead of leaving a page half empty. */
static double block_lead(const pdf_table *pt, int p)
{
	int a = pt->first[p], b = pt->first[p + 1];
	double whole = rows_height(pt, a, b);
	if (whole <= PDF_BLOCK_H / 4)
		return whole;
	int body = a + pt->heads[p] + 3 < b ? a + pt->heads[p] + 3 : b;
	return rows_height(pt, a, body);
}

const double *pdf_table_edges(const pdf_table *pt)
{
	return pt->X;
}

size_t pdf_table_cell_lines(const pdf_table *pt, size_t i, gir_span **lines)
{
	return wrap_cell(pt, &pt->g->cells[i], lines);
}

double pdf_table_lead(const pdf_table *pt)
{
	return block_lead(pt, 0);
}

/* ---- pagination --------------------------------------------------------------- */

/* The rows drawn on one page, in order; `repeated` marks header rows drawn
 * again after a break. */
typedef struct page_rows {
	int page;
	double top;
	int *rows;
	char *repeated;
	int n;
} page_rows;

typedef struct layout {
	page_rows *pages;
	int npages;
} layout;

static page_rows *open_page(layout *L, const pdf_table *pt, int page, double top)
{
	L->pages = gir_xrealloc(L->pages, (size_t)(L->npages + 1) * sizeof *L->pages);
	page_rows *p = &L->pages[L->npages++];
	*p = (page_rows){page, top, gir_xcalloc((size_t)pt->g->nrows * 2, sizeof(int)),
	                 gir_xcalloc((size_t)pt->g->nrows * 2, 1), 0};
	return p;
}

static void add_row(page_rows *p, int row, int repeated)
{
	p->rows[p->n] = row;
	p->repeated[p->n++] = (char)repeated;
}

/* Where to break before row r instead: above a merged label (a group such
 * as （五）不予处理) when only one or two of its rows would be left at the
 * foot of the page, or one row earlier when one would go over alone.  Rows
 * from `floor` on may move; at least one stays on the page. */
static int better_break(const pdf_table *pt, int r, int floor)
{
	const gir_grid *g = pt->g;
	int best = r;
	for (int c = 0; c < g->ncols; c++) {
		const gir_gcell *cell = &g->cells[gir_grid_owner(g, r, c)];
		if (cell->row >= r || cell->kind != GIR_GC_STUB)
			continue;
		int above = r - cell->row, below = cell->row + cell->rowspan - r;
		if (above <= 2 && cell->row > floor && cell->row < best)
			best = cell->row;
		else if (below == 1 && above > 2 && r - 1 > floor && r - 1 < best)
			best = r - 1;
	}
	/* The new place may cut a smaller group badly: look again. */
	return best < r ? better_break(pt, best, floor) : r;
}

/* Cuts the table into pages from the cursor on; moves the cursor past it. */
static layout paginate(pdf_doc *d, const pdf_table *pt)
{
	layout L = {0};
	page_rows *cur = NULL;
	for (int p = 0; p < pt->nparts; p++) {
		int a = pt->first[p], head_end = a + pt->heads[p], floor = a;
		if (d->y + block_lead(pt, p) > PDF_BLOCK_H + 0.01 && d->y > 0)
			pdf_new_page(d), cur = NULL;
		for (int r = a; r < pt->first[p + 1]; r++) {
			if (d->y + pt->H[r] > PDF_BLOCK_H + 0.01 && d->y > 0) {
				int b = r >= head_end ? better_break(pt, r, floor) : r;
				if (cur)
					cur->n -= r - b; /* those rows move to the next page */
				r = b;
				pdf_new_page(d), cur = NULL;
				floor = r;
				if (r >= head_end) { /* the block's header again */
					cur = open_page(&L, pt, d->page, d->y);
					for (int h = a; h < head_end; h++)
						add_row(cur, h, 1), d->y += pt->H[h];
				}
			}
			if (!cur)
				cur = open_page(&L, pt, d->page, d->y);
			add_row(cur, r, 0);
			d->y += pt->H[r];
		}
	}
	return L;
}

static void free_layout(layout *L)
{
	for (int i = 0; i < L->npages; i++) {
		free(L->pages[i].rows);
		free(L->pages[i].repeated);
	}
	free(L->pages);
}

/* Does the cell at position i of the page continue from position i-1? */
static int continues(const pdf_table *pt, const page_rows *p, int i, int col)
{
	return i > 0 && i < p->n && p->rows[i] == p->rows[i - 1] + 1 &&
	       gir_grid_owner(pt->g, p->rows[i - 1], col) == gir_grid_owner(pt->g, p->rows[i], col);
}

/* Height of the piece of cell `o` that starts at position i of the page. */
static double piece_height(const pdf_table *pt, const page_rows *p, int i, int col)
{
	double h = pt->H[p->rows[i]];
	for (int k = i + 1; continues(pt, p, k, col); k++)
		h += pt->H[p->rows[k]];
	return h;
}

/* For each cell cut by a page break, the page whose piece is tallest: its
 * label goes there, and on any other piece tall enough to hold it. */
static int *label_pages(const pdf_table *pt, const layout *L)
{
	const gir_grid *g = pt->g;
	int *best = gir_xcalloc(g->ncells, sizeof(int));
	double *height = gir_xcalloc(g->ncells, sizeof(double));
	for (int q = 0; q < L->npages; q++) {
		const page_rows *p = &L->pages[q];
		for (int i = 0; i < p->n; i++)
			for (int c = 0; c < g->ncols; c++) {
				int o = gir_grid_owner(g, p->rows[i], c);
				if (p->repeated[i] || g->cells[o].col != c || continues(pt, p, i, c))
					continue;
				double h = piece_height(pt, p, i, c);
				if (h > height[o] + 0.01)
					height[o] = h, best[o] = q;
			}
	}
	free(height);
	return best;
}

/* ---- drawing ---------------------------------------------------------------------- */

static int centred(gir_gcell_kind k)
{
	return k == GIR_GC_VALUE || k == GIR_GC_HEAD || k == GIR_GC_CAPTION || k == GIR_GC_CORNER;
}

static void draw_text(pdf_doc *d, const pdf_table *pt, const gir_gcell *c, double top, double h,
                      int only_if_room)
{
	gir_span *lines;
	size_t n = wrap_cell(pt, c, &lines);
	if (only_if_room && (double)n * LEAD + 2 * PAD_Y > h + 0.01) {
		free(lines);
		return;
	}
	double y = top + (h - (double)n * LEAD) / 2;
	for (size_t i = 0; i < n; i++, y += LEAD) {
		const char *s = c->text + lines[i].start;
		size_t len = lines[i].end - lines[i].start;
		double x = pt->X[c->col] + PAD_X;
		if (centred(c->kind))
			x = pt->X[c->col] + (cell_width(pt, c) - pdf_text_width(&pt->pen, s, len)) / 2;
		pdf_text(d, &pt->pen, x, pdf_baseline(y, LEAD, PDF_TABLE_SIZE), s, len, 0);
	}
	free(lines);
}

static int hrule(const pdf_table *pt, const page_rows *p, int i, int c)
{
	return i == 0 || i == p->n || !continues(pt, p, i, c);
}

static int vrule(const pdf_table *pt, const page_rows *p, int i, int j)
{
	const gir_grid *g = pt->g;
	return j == 0 || j == g->ncols ||
	       gir_grid_owner(g, p->rows[i], j - 1) != gir_grid_owner(g, p->rows[i], j);
}

/* Rules between cells that differ, joined into the longest straight runs. */
static void draw_rules(pdf_doc *d, const pdf_table *pt, const page_rows *p, const double *Y)
{
	int ncols = pt->g->ncols;
	for (int i = 0; i <= p->n; i++)
		for (int c = 0; c < ncols; c++) {
			if (!hrule(pt, p, i, c))
				continue;
			int e = c;
			while (e + 1 < ncols && hrule(pt, p, i, e + 1))
				e++;
			pdf_rule(d, pt->X[c], Y[i], pt->X[e + 1], Y[i]);
			c = e;
		}
	for (int j = 0; j <= ncols; j++)
		for (int i = 0; i < p->n; i++) {
			if (!vrule(pt, p, i, j))
				continue;
			int e = i;
			while (e + 1 < p->n && vrule(pt, p, e + 1, j))
				e++;
			pdf_rule(d, pt->X[j], Y[i], pt->X[j], Y[e + 1]);
			i = e;
		}
}

static void draw_page(pdf_doc *d, const pdf_table *pt, const page_rows *p, int q,
                      const int *best)
{
	const gir_grid *g = pt->g;
	double *Y = gir_xcalloc((size_t)p->n + 1, sizeof(double));
	Y[0] = p->top;
	for (int i = 0; i < p->n; i++)
		Y[i + 1] = Y[i] + pt->H[p->rows[i]];
	int page = d->page;
	d->page = p->page;
	draw_rules(d, pt, p, Y);
	for (int i = 0; i < p->n; i++)
		for (int c = 0; c < g->ncols; c++) {
			int o = gir_grid_owner(g, p->rows[i], c);
			if (g->cells[o].col != c || continues(pt, p, i, c))
				continue;
			draw_text(d, pt, &g->cells[o], Y[i], piece_height(pt, p, i, c),
			          !p->repeated[i] && best[o] != q);
		}
	d->page = page;
	free(Y);
}

void pdf_table_draw(pdf_doc *d, pdf_table *pt)
{
	layout L = paginate(d, pt);
	int *best = label_pages(pt, &L);
	for (int q = 0; q < L.npages; q++)
		draw_page(d, pt, &L.pages[q], q, best);
	free(best);
	free_layout(&L);
}
