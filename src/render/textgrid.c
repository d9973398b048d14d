/* A table drawn with box-drawing characters.  Widths are display cells (CJK
 * 2, box drawing 1); merged cells have no inner rules, and the junction
 * character at each crossing is chosen from the rules that meet there. */
#include <stdlib.h>
#include <string.h>

#include "textgrid.h"
#include "utf8.h"
#include "util.h"
#include "wrap.h"

#define LABEL_MIN 14   /* a row label column keeps at least 7 characters */
#define VALUE_MIN 4    /* a value column: two characters of header per line */

typedef struct fit {
	int ncols;
	int *inner;      /* space between the rules of each column */
	const char *const *breaks; /* the template's label_breaks */
	size_t nbreaks;
	const gir_grid *g;         /* the grid drawn, and a memo for each of its cells */
	unsigned char **memo;
} fit;

static int text_width(const char *s)
{
	return (int)gir_utf8_width_z(s);
}

static int max_int(int a, int b)
{
	return a > b ? a : b;
}

static int min_int(int a, int b)
{
	return a < b ? a : b;
}

/* Preferred width of each column from the cells that sit in it alone; a
 * label with rows of room beside it may take two lines. */
static void column_prefs(const gir_table *t, int *pref, int *value_min, int *value_pref)
{
	*value_min = VALUE_MIN, *value_pref = VALUE_MIN;
	for (size_t p = 0; p < t->nparts; p++) {
		const gir_grid *g = t->parts[p];
		for (size_t i = 0; i < g->ncells; i++) {
			const gir_gcell *c = &g->cells[i];
			int w = text_width(c->text);
			if (c->colspan != 1)
				continue;
			/* A value column is never narrower than a word of its header (自然人). */
			int word = c->kind == GIR_GC_HEAD
			               ? (int)gir_label_min_width(c->text, gir_measure_cells, NULL, t->breaks, t->nbreaks, NULL)
			               : 0;
			if (word > *value_min)
				*value_min = word;
			if (c->kind == GIR_GC_VALUE && w > *value_min)
				*value_min = w;
			else if (c->kind == GIR_GC_HEAD && w > *value_pref)
				*value_pref = w;
			else if ((c->kind == GIR_GC_STUB || c->kind == GIR_GC_CORNER) && c->rowspan > 1)
				pref[c->col] = max_int(pref[c->col], max_int((w + 1) / 2, min_int(w, LABEL_MIN)));
			else if (c->kind == GIR_GC_STUB || c->kind == GIR_GC_CORNER)
				pref[c->col] = max_int(pref[c->col], w);
		}
	}
	if (*value_pref < *value_min)
		*value_pref = *value_min;
}

/* Integer shrinking rounds down; take what is still over the limit from the
 * widest row-label columns. */
static void trim_to_limit(fit *f, const int *is_label, int limit)
{
	int total = f->ncols + 1;
	for (int c = 0; c < f->ncols; c++)
		total += f->inner[c];
	while (total > limit) {
		int widest = -1;
		for (int c = 0; c < f->ncols; c++)
			if (is_label[c] && f->inner[c] > LABEL_MIN && (widest < 0 || f->inner[c] > f->inner[widest]))
				widest = c;
		if (widest < 0)
			return; /* nothing left to give: the table is as narrow as it gets */
		f->inner[widest]--;
		total--;
	}
}

/* Chooses column widths: row labels get room first, value columns share one
 * width (as in the printed form), padding goes when space is short. */
static fit fit_columns(const gir_table *t, int limit)
{
	int n = t->parts[0]->ncols;
	fit f = {n, gir_xcalloc((size_t)n, sizeof(int)), t->breaks, t->nbreaks, NULL, NULL};
	int *pref = gir_xcalloc((size_t)n, sizeof(int));
	int *is_label = gir_xcalloc((size_t)n, sizeof(int));
	int vmin, vpref, nlabel = 0, sum_pref = 0, sum_min = 0;
	column_prefs(t, pref, &vmin, &vpref);
	for (int c = 0; c < n; c++) {
		is_label[c] = gir_table_is_label_column(t, c);
		if (!is_label[c])
			continue;
		nlabel++;
		if (pref[c] < VALUE_MIN)
			pref[c] = VALUE_MIN;
		sum_pref += pref[c];
		sum_min += pref[c] < LABEL_MIN ? pref[c] : LABEL_MIN;
	}
	int nvalue = n - nlabel, rules = n + 1;
	int vpad = 2;
	int room = limit - rules - 2 * nlabel - nvalue * (vmin + vpad);
	if (room < sum_min) {
		vpad = 0;
		room = limit - rules - 2 * nlabel - nvalue * vmin;
	}
	/* Labels shrink toward their minimum in proportion to what they can give. */
	int give = sum_pref - sum_min, need = sum_pref - room;
	int used = 0;
	for (int c = 0; c < n; c++) {
		if (!is_label[c])
			continue;
		int min = pref[c] < LABEL_MIN ? pref[c] : LABEL_MIN;
		int w = pref[c];
		if (need > 0 && give > 0)
			w = pref[c] - (int)((long)(pref[c] - min) * (need < give ? need : give) / give);
		f.inner[c] = w + 2;
		used += w + 2;
	}
	/* Value columns grow toward their header width with what is left. */
	int vw = vmin;
	if (nvalue > 0) {
		int spare = (limit - rules - used) / nvalue - vpad;
		vw = spare > vpref ? vpref : spare > vmin ? spare : vmin;
	}
	for (int c = 0; c < n; c++)
		if (!is_label[c])
			f.inner[c] = vw + vpad;
	trim_to_limit(&f, is_label, limit);
	free(pref);
	free(is_label);
	return f;
}

typedef struct canvas {
	int w, h;
	uint32_t *cp;   /* w*h; 0 = right half of a wide character */
} canvas;

static void canvas_put_text(canvas *cv, int x, int y, const char *s, size_t n)
{
	for (size_t i = 0; i < n && x < cv->w;) {
		uint32_t cp;
		size_t k = gir_utf8_decode(s + i, n - i, &cp);
		k = k ? k : 1;
		int w = gir_cp_width(cp);
		if (w > 0) {
			cv->cp[y * cv->w + x] = cp;
			if (w == 2 && x + 1 < cv->w)
				cv->cp[y * cv->w + x + 1] = 0;
			x += w;
		}
		i += k;
	}
}

static int hrule(const gir_grid *g, int i, int c)
{
	if (i == 0 || i == g->nrows)
		return 1;
	return gir_grid_owner(g, i - 1, c) != gir_grid_owner(g, i, c);
}

static int vrule(const gir_grid *g, int r, int j)
{
	if (j == 0 || j == g->ncols)
		return 1;
	return gir_grid_owner(g, r, j - 1) != gir_grid_owner(g, r, j);
}

static uint32_t junction(int up, int down, int left, int right)
{
	static const uint32_t box[16] = {
		' ',    0x2575, 0x2577, 0x2502, 0x2574, 0x2518, 0x2510, 0x2524,
		0x2576, 0x2514, 0x250C, 0x251C, 0x2500, 0x2534, 0x252C, 0x253C,
	};
	return box[up | down << 1 | left << 2 | right << 3];
}

static void draw_rules(canvas *cv, const gir_grid *g, const int *X, const int *Y)
{
	for (int i = 0; i <= g->nrows; i++)
		for (int c = 0; c < g->ncols; c++)
			if (hrule(g, i, c))
				for (int x = X[c] + 1; x < X[c + 1]; x++)
					cv->cp[Y[i] * cv->w + x] = 0x2500;
	for (int r = 0; r < g->nrows; r++)
		for (int j = 0; j <= g->ncols; j++)
			if (vrule(g, r, j))
				for (int y = Y[r] + 1; y < Y[r + 1]; y++)
					cv->cp[y * cv->w + X[j]] = 0x2502;
	for (int i = 0; i <= g->nrows; i++)
		for (int j = 0; j <= g->ncols; j++) {
			int up = i > 0 && vrule(g, i - 1, j), down = i < g->nrows && vrule(g, i, j);
			int left = j > 0 && hrule(g, i, j - 1), right = j < g->ncols && hrule(g, i, j);
			cv->cp[Y[i] * cv->w + X[j]] = junction(up, down, left, right);
		}
}

/* Width inside the rules of a cell, and the width its text may use. */
static int cell_inner(const gir_gcell *c, const fit *f)
{
	int w = c->colspan - 1;
	for (int k = c->col; k < c->col + c->colspan; k++)
		w += f->inner[k];
	return w;
}

static int text_room(int inner)
{
	return inner - 2 >= VALUE_MIN ? inner - 2 : inner;
}

static int centred(gir_gcell_kind k)
{
	return k == GIR_GC_VALUE || k == GIR_GC_HEAD || k == GIR_GC_CAPTION || k == GIR_GC_CORNER;
}

/* Wraps a cell's text; labels and headers in even lines. */
static size_t wrap_cell(const gir_gcell *c, const fit *f, gir_span **lines)
{
	double room = text_room(cell_inner(c, f));
	unsigned char **memo = &f->memo[c - f->g->cells];
	/* A header's word takes the padding too rather than break (自然人). */
	if (c->kind == GIR_GC_HEAD && room < cell_inner(c, f) &&
	    gir_label_min_width(c->text, gir_measure_cells, NULL, f->breaks, f->nbreaks, memo) > room)
		room = cell_inner(c, f);
	if (c->kind == GIR_GC_VALUE)
		return gir_wrap(c->text, room, room, gir_measure_cells, NULL, lines);
	return gir_wrap_label(c->text, room, 1, gir_measure_cells, NULL, f->breaks, f->nbreaks, memo,
	                      lines);
}

static double lines_needed(const gir_gcell *c, void *ctx)
{
	gir_span *lines;
	size_t n = wrap_cell(c, ctx, &lines);
	free(lines);
	return (double)n;
}

/* Row heights in lines: a rule between two rows is a line a merged cell uses. */
static int *row_heights(const gir_grid *g, const fit *f)
{
	double *d = gir_grid_row_heights(g, 1, 1, 0, lines_needed, (void *)f);
	int *h = gir_xcalloc((size_t)g->nrows, sizeof(int));
	for (int r = 0; r < g->nrows; r++)
		h[r] = (int)d[r];
	free(d);
	return h;
}

static void draw_cell(canvas *cv, const gir_gcell *c, const fit *f, const int *X, const int *Y)
{
	gir_span *lines;
	size_t n = wrap_cell(c, f, &lines);
	int inner = cell_inner(c, f), room = text_room(inner);
	int height = Y[c->row + c->rowspan] - Y[c->row] - 1;
	int top = Y[c->row] + 1 + (height - (int)n) / 2;
	for (size_t i = 0; i < n; i++) {
		size_t len = lines[i].end - lines[i].start;
		int w = (int)gir_utf8_width(c->text + lines[i].start, len);
		int x = X[c->col] + 1 + (inner - room) / 2;
		if (centred(c->kind))
			x = X[c->col] + 1 + (inner - w) / 2;
		canvas_put_text(cv, x, top + (int)i, c->text + lines[i].start, len);
	}
	free(lines);
}

static void canvas_emit(const canvas *cv, gir_buf *out)
{
	for (int y = 0; y < cv->h; y++) {
		char tmp[5];
		int end = cv->w;
		while (end > 0 && cv->cp[y * cv->w + end - 1] == ' ')
			end--;
		for (int x = 0; x < end; x++) {
			uint32_t cp = cv->cp[y * cv->w + x];
			if (cp)
				gir_buf_put(out, tmp, gir_utf8_encode(cp, tmp));
		}
		gir_buf_putc(out, '\n');
	}
}

void gir_text_table(const gir_table *t, int limit, gir_buf *out)
{
	fit f = fit_columns(t, limit);
	gir_grid *g = gir_table_merge(t);
	f.g = g;
	f.memo = gir_xcalloc(g->ncells + 1, sizeof(unsigned char *));
	int *h = row_heights(g, &f);
	int *X = gir_xcalloc((size_t)g->ncols + 1, sizeof(int));
	int *Y = gir_xcalloc((size_t)g->nrows + 1, sizeof(int));
	for (int c = 0; c < g->ncols; c++)
		X[c + 1] = X[c] + f.inner[c] + 1;
	for (int r = 0; r < g->nrows; r++)
		Y[r + 1] = Y[r] + h[r] + 1;
	canvas cv = {X[g->ncols] + 1, Y[g->nrows] + 1, NULL};
	cv.cp = gir_xcalloc((size_t)cv.w * (size_t)cv.h, sizeof(uint32_t));
	for (int i = 0; i < cv.w * cv.h; i++)
		cv.cp[i] = ' ';
	draw_rules(&cv, g, X, Y);
	for (size_t i = 0; i < g->ncells; i++)
		draw_cell(&cv, &g->cells[i], &f, X, Y);
	canvas_emit(&cv, out);
	free(cv.cp);
	free(X);
	free(Y);
	free(h);
	free(f.inner);
	for (size_t i = 0; i < g->ncells; i++)
		free(f.memo[i]);
	free(f.memo);
	gir_grid_free(g);
}
