/* gireport import of a PDF, second stage: the pages' characters laid out as
 * the text a copy from Word gives, for the text importer.
 *
 * - A character inside a box of ruling lines is in a table cell: the cell
 *   is the nearest rule to its left, right, top and bottom, so a merged
 *   cell is one cell and a label wrapped inside its cell is one label.
 *   A table's rows are the bands between its horizontal rules; a row lists
 *   the cells that start in it, empty cells included, with a tab between.
 * - Other characters make lines (by their height on the page); a line with
 *   wide gaps is a row of a table drawn without rules, its pieces cells.
 * - The first or last line of a page that is a page number (— 1 —, -1-,
 *   第1页) or that comes back on other pages (a running header) is dropped.
 * - A line that reaches the right margin is continued by the next one when
 *   that starts at the left margin, across pages too; CJK text is joined
 *   without a space.  Each paragraph is one line, with a blank line before
 *   it; lines set off to the right (the title, the signature and date) keep
 *   their indentation and stand together. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "import.h"
#include "import_pdf.h"
#include "utf8.h"
#include "util.h"
#include "wrap.h"

#define MAX_CELLS 4000   /* a page with more boxes than this has no table of the form */

typedef struct box {
	int l, t, r, b;
} box;

/* ---- rules ------------------------------------------------------------------ */

/* Marks `bit` on the runs along the rows of img (w × h): from ink (1),
 * over ink and characters (2), to the last ink, at least min_run long, its
 * ink mostly thin (blank `d` pixels above or below it). */
static void mark_rows(const unsigned char *img, int w, int h, int min_run, int d, unsigned char bit,
                      unsigned char *rules)
{
	for (int y = 0; y < h; y++) {
		const unsigned char *r = img + (size_t)y * (size_t)w;
		const unsigned char *up = y >= d ? r - (size_t)d * (size_t)w : NULL;
		const unsigned char *dn = y + d < h ? r + (size_t)d * (size_t)w : NULL;
		for (int x = 0; x < w;) {
			const unsigned char *q = memchr(r + x, 1, (size_t)(w - x));
			if (!q)
				break;
			x = (int)(q - r);
			int j = x, last = x, inks = 0, thin = 0;
			for (; j < w && r[j]; j++)
				if (r[j] == 1) {
					last = j, inks++;
					thin += !up || up[j] != 1 || !dn || dn[j] != 1;
				}
			if (last - x + 1 >= min_run && 2 * thin >= inks)
				memset(rules + (size_t)y * (size_t)w + (size_t)x, bit, (size_t)(last - x + 1));
			x = j;
		}
	}
}

static void transpose(const unsigned char *a, int w, int h, unsigned char *t)
{
	for (int y = 0; y < h; y++)
		for (int x = 0; x < w; x++)
			t[(size_t)x * (size_t)h + (size_t)y] = a[(size_t)y * (size_t)w + (size_t)x];
}

/* The vertical runs: the rows of the image turned on its side. */
static void mark_columns(const unsigned char *img, int w, int h, int min_run, int d,
                         unsigned char *tmp, unsigned char *trules, unsigned char *rules)
{
	transpose(img, w, h, tmp);
	memset(trules, 0, (size_t)w * (size_t)h);
	mark_rows(tmp, h, w, min_run, d, IMP_RULE_V, trules);
	for (int y = 0; y < h; y++)
		for (int x = 0; x < w; x++)
			rules[(size_t)y * (size_t)w + (size_t)x] |= trules[(size_t)x * (size_t)h + (size_t)y];
}

void imp_pdf_find_rules(const unsigned char *ink, int w, int h, int min_run, int thick,
                        unsigned char *rules)
{
	size_t n = (size_t)w * (size_t)h;
	unsigned char *tmp = gir_xmalloc(n), *trules = gir_xmalloc(n), *seen = gir_xmalloc(n);
	unsigned char *hrules = gir_xcalloc(n, 1);
	/* The vertical rules, then the horizontal ones with the vertical ones
	 * found under characters counted as ink (a rule from a cell's edge
	 * under a character set against it), then the vertical ones again so. */
	mark_columns(ink, w, h, min_run, thick, tmp, trules, rules);
	for (size_t i = 0; i < n; i++)
		seen[i] = ink[i] == 2 && (rules[i] & IMP_RULE_V) ? 1 : ink[i];
	mark_rows(seen, w, h, min_run, thick, IMP_RULE_H, hrules);
	for (size_t i = 0; i < n; i++)
		seen[i] = ink[i] == 2 && hrules[i] ? 1 : ink[i];
	mark_columns(seen, w, h, min_run, thick, tmp, trules, rules);
	for (size_t i = 0; i < n; i++)
		rules[i] |= hrules[i];
	free(hrules);
	free(seen);
	free(trules);
	free(tmp);
}

/* The box of rules around pixel (x, y), if there is one all round. */
static bool find_box(const imp_ppage *p, int x, int y, box *out)
{
	if (!p->rules || x < 0 || y < 0 || x >= p->w || y >= p->h)
		return false;
	const unsigned char *R = p->rules;
	size_t w = (size_t)p->w;
	int l = x, r = x, t = y, b = y;
	while (l >= 0 && !(R[(size_t)y * w + (size_t)l] & IMP_RULE_V))
		l--;
	while (r < p->w && !(R[(size_t)y * w + (size_t)r] & IMP_RULE_V))
		r++;
	while (t >= 0 && !(R[(size_t)t * w + (size_t)x] & IMP_RULE_H))
		t--;
	while (b < p->h && !(R[(size_t)b * w + (size_t)x] & IMP_RULE_H))
		b++;
	/* A merged cell that goes on over a page break has no rule at the
	 * page's end: between two vertical rules, it ends with the page. */
	t = t < 0 ? 0 : t;
	b = b >= p->h ? p->h - 1 : b;
	if (l < 0 || r >= p->w || r - l < 3 || b - t < 3)
		return false;
	*out = (box){l, t, r, b};
	return true;
}

/* ---- coordinates snapped --------------------------------------------------- */

/* Both sides of a rule, a pixel or two apart, are one coordinate: sorted
 * values within `tol` of the one before are one cluster, named by its first. */
typedef struct snap {
	int *v;
	size_t n;
	int tol;
} snap;

static int cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;
	return (x > y) - (x < y);
}

static void snap_build(snap *s)
{
	qsort(s->v, s->n, sizeof *s->v, cmp_int);
	size_t w = 0;
	for (size_t i = 0; i < s->n; i++) {
		if (w && s->v[i] - s->v[i - 1] <= s->tol && s->v[i] - s->v[w - 1] <= 4 * s->tol)
			continue;
		s->v[w++] = s->v[i];
	}
	s->n = w;
}

/* The cluster's value for v: the largest start not above v + tol. */
static int snap_to(const snap *s, int v)
{
	size_t lo = 0, hi = s->n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (s->v[mid] <= v + s->tol)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo ? s->v[lo - 1] : v;
}

/* ---- text of characters ------------------------------------------------------ */

static bool wide(uint32_t cp)
{
	return gir_cp_width(cp) >= 2;
}

static void put_cp(gir_buf *b, uint32_t cp)
{
	char u[4];
	size_t n = gir_utf8_encode(cp == '\t' ? ' ' : cp, u);
	gir_buf_put(b, u, n);
}

static int cmp_x(const void *a, const void *b)
{
	const imp_pchar *p = *(const imp_pchar *const *)a, *q = *(const imp_pchar *const *)b;
	return (p->x0 > q->x0) - (p->x0 < q->x0);
}

static int cmp_y(const void *a, const void *b)
{
	const imp_pchar *p = *(const imp_pchar *const *)a, *q = *(const imp_pchar *const *)b;
	float py = p->y0 + p->y1, qy = q->y0 + q->y1;
	if (py != qy)
		return (py > qy) - (py < qy);
	return (p->x0 > q->x0) - (p->x0 < q->x0);
}

static float height(const imp_pchar *c)
{
	float h = c->y1 - c->y0;
	return h > 0.5f ? h : 0.5f;
}

/* One line's characters (sorted by x) as text: a space where the PDF had
 * one or a gap is wide; next to CJK only a space as wide as a space
 * character (half a character), not the narrower gap a word processor
 * leaves between CJK and digits ("2023 年") or spreads over a justified
 * line. */
static void line_text(imp_pchar *const *c, size_t n, gir_buf *b)
{
	for (size_t i = 0; i < n; i++) {
		if (i) {
			float gap = c[i]->x0 - c[i - 1]->x1, h = fmaxf(height(c[i]), height(c[i - 1]));
			bool narrow = !wide(c[i]->cp) && !wide(c[i - 1]->cp);
			if (narrow ? c[i]->space_before || gap > 0.3f * h : c[i]->space_before && gap >= 0.45f * h)
				gir_buf_putc(b, ' ');
		}
		put_cp(b, c[i]->cp);
	}
}

/* Splits characters sorted by their middle's height into lines: a
 * character whose middle is within half a character of the line's first
 * one is on that line.  Returns the number of lines; starts[k] is the first
 * character of line k (starts has room for n + 1). */
static size_t split_lines(imp_pchar **c, size_t n, size_t *starts)
{
	size_t nl = 0;
	for (size_t i = 0; i < n; i++) {
		float mid = (c[i]->y0 + c[i]->y1) / 2;
		if (!nl || mid - (c[starts[nl - 1]]->y0 + c[starts[nl - 1]]->y1) / 2 > 0.5f * height(c[starts[nl - 1]]))
			starts[nl++] = i;
	}
	starts[nl] = n;
	for (size_t k = 0; k < nl; k++)
		qsort(c + starts[k], starts[k + 1] - starts[k], sizeof *c, cmp_x);
	return nl;
}

/* A cell's text: its lines joined as one paragraph. */
static char *cell_text(imp_pchar **c, size_t n)
{
	qsort(c, n, sizeof *c, cmp_y);
	size_t *starts = gir_xmalloc((n + 1) * sizeof *starts);
	size_t nl = split_lines(c, n, starts);
	gir_buf b = {0};
	for (size_t k = 0; k < nl; k++) {
		gir_buf piece = {0};
		line_text(c + starts[k], starts[k + 1] - starts[k], &piece);
		if (piece.ptr)
			imp_join(&b, piece.ptr);
		gir_buf_free(&piece);
	}
	free(starts);
	return imp_detach(&b);
}

/* ---- items: the page's lines and table rows in order --------------------------- */

typedef struct item {
	int page;
	float y, x0, x1, em;
	float head;         /* the width of the line's first piece a line cannot break in */
	uint16_t font0, font1;  /* of the first and last character */
	uint32_t cp0, cp1;      /* the first and last character */
	bool space_end;     /* the PDF has a space after its last character */
	char *text;         /* a row: cells with a tab between them */
	bool row;
	bool ruled;         /* a row of a table with rules: never a page number */
	bool drop;          /* a page number or running header */
	bool first, last;   /* the page's first or last line */
} item;

typedef struct items {
	item *v;
	size_t n;
} items;

static item *add_item(items *it, int page, float y)
{
	IMP_GROW(it->v, it->n);
	item *i = &it->v[it->n++];
	memset(i, 0, sizeof *i);
	i->page = page, i->y = y;
	return i;
}

/* ---- tables ---------------------------------------------------------------- */

typedef struct cell {
	box bx;
	imp_pchar **c;
	size_t n;
	int table;
	bool done;          /* written in a row */
} cell;

static int find_cell(const cell *cells, size_t n, box b)
{
	for (size_t i = 0; i < n; i++)
		if (!memcmp(&cells[i].bx, &b, sizeof b))
			return (int)i;
	return -1;
}

static int uf_find(int *parent, int i)
{
	while (parent[i] != i)
		i = parent[i] = parent[parent[i]];
	return i;
}

static bool touching(box a, box b, int tol)
{
	return a.l <= b.r + tol && b.l <= a.r + tol && a.t <= b.b + tol && b.t <= a.b + tol;
}

/* Where to look along a band for its cells: the middle of the highest
 * character of a cell that starts in it (the band may be open at the
 * page's top, where the table does not reach), else near its top (a band
 * open at the page's foot may reach below the table). */
static int probe_y(const imp_ppage *p, const cell *cells, size_t nc, int table, int top, int bottom,
                   int tol)
{
	int best = -1;
	for (size_t i = 0; i < nc; i++)
		if (cells[i].table == table && cells[i].bx.t == top)
			for (size_t k = 0; k < cells[i].n; k++) {
				int cy = (int)((cells[i].c[k]->y0 + cells[i].c[k]->y1) / 2 * p->scale);
				if (cy > top && cy < bottom && (best < 0 || cy < best))
					best = cy;
			}
	if (best >= 0)
		return best;
	int dy = (bottom - top) / 2, near = tol + (int)(6 * p->scale);
	return top + (dy < near ? dy : near);
}

/* A cell of a band: where it starts, in which order it was found. */
typedef struct slot {
	int x, order, cell;  /* cell: index in the page's cells, -1 for an empty one */
} slot;

static int cmp_slot(const void *a, const void *b)
{
	const slot *p = a, *q = b;
	if (p->x != q->x)
		return (p->x > q->x) - (p->x < q->x);
	return (p->order > q->order) - (p->order < q->order);
}

/* Two cells side by side with empty cells between them (a column left
 * blank): the same table when the rule along their top, or their foot,
 * runs on from one to the other. */
static bool ruled_between(const imp_ppage *p, box a, box b)
{
	if (a.l > b.l) {
		box t = a;
		a = b, b = t;
	}
	if (b.l <= a.r || (a.t >= b.b || b.t >= a.b))
		return false;
	int rows[2] = {a.t > b.t ? a.t : b.t, a.b < b.b ? a.b : b.b};
	for (int k = 0; k < 2; k++) {
		int y = rows[k], miss = 0;
		if (y <= 0 || y >= p->h - 1)
			continue; /* a side open at the page's end */
		for (int x = a.r; x <= b.l; x++)
			miss += !(p->rules[(size_t)y * (size_t)p->w + (size_t)x] & IMP_RULE_H);
		if (miss * 10 <= b.l - a.r)
			return true;
	}
	return false;
}

static void put_cell(gir_buf *row, int *ncells, const char *text)
{
	if (!*ncells && !*text)
		return; /* a row never starts with an empty cell */
	if (*ncells)
		gir_buf_putc(row, '\t');
	gir_buf_puts(row, text);
	(*ncells)++;
}

/* The rows of one table: for each band between two horizontal rules, the
 * cells that start in it, left to right, probed at every column. */
static void table_rows(const imp_ppage *p, int page, cell *cells, size_t nc, int table,
                       const snap *sx, const snap *sy, items *out)
{
	snap X = {gir_xmalloc(2 * nc * sizeof(int)), 0, sx->tol}, Y = {gir_xmalloc(2 * nc * sizeof(int)), 0, sy->tol};
	for (size_t i = 0; i < nc; i++)
		if (cells[i].table == table) {
			X.v[X.n++] = cells[i].bx.l, X.v[X.n++] = cells[i].bx.r;
			Y.v[Y.n++] = cells[i].bx.t, Y.v[Y.n++] = cells[i].bx.b;
		}
	qsort(X.v, X.n, sizeof *X.v, cmp_int);
	qsort(Y.v, Y.n, sizeof *Y.v, cmp_int);
	size_t nx = 0, ny = 0;
	for (size_t i = 0; i < X.n; i++)
		if (!nx || X.v[i] != X.v[nx - 1])
			X.v[nx++] = X.v[i];
	for (size_t i = 0; i < Y.n; i++)
		if (!ny || Y.v[i] != Y.v[ny - 1])
			Y.v[ny++] = Y.v[i];
	slot *slots = gir_xmalloc(((size_t)p->w + nc + 1) * sizeof *slots);
	for (size_t k = 0; k + 1 < ny; k++) {
		size_t ns = 0;
		/* The band's cells, left to right: the spaces between the
		 * vertical rules that cross it (empty columns too), each probed
		 * for the box of rules it is in. */
		int y = probe_y(p, cells, nc, table, Y.v[k], Y.v[k + 1], sy->tol);
		const unsigned char *line = p->rules + (size_t)y * (size_t)p->w;
		for (int x = X.v[0], from = -1; x <= X.v[nx - 1] && x < p->w; x++) {
			bool rule = line[x] & IMP_RULE_V;
			if (!rule && from < 0)
				from = x;
			if (!(rule || x == X.v[nx - 1]) || from < 0)
				continue;
			int mid = (from + x) / 2;
			from = -1;
			box raw, b;
			if (!find_box(p, mid, y, &raw))
				continue;
			/* snapped as the characters' boxes were, to find a cell's text;
			 * an empty column's rules need not be among them */
			b = (box){snap_to(sx, raw.l), snap_to(sy, raw.t), snap_to(sx, raw.r), snap_to(sy, raw.b)};
			if (b.t != Y.v[k] || (ns && slots[ns - 1].cell < 0 && slots[ns - 1].x == raw.l))
				continue; /* a cell from a row above; one already listed */
			int ci = find_cell(cells, nc, b);
			if (ci >= 0 && cells[ci].done)
				continue;
			if (ci >= 0)
				cells[ci].done = true;
			slots[ns] = (slot){raw.l, (int)ns, ci};
			ns++;
		}
		/* a cell no probe found (its rules broken by a character's
		 * strokes) still has its text read, in the band where it starts */
		for (size_t i = 0; i < nc; i++)
			if (cells[i].table == table && !cells[i].done && cells[i].bx.t >= Y.v[k] &&
			    (cells[i].bx.t < Y.v[k + 1] || k + 2 == ny)) {
				cells[i].done = true;
				slots[ns] = (slot){cells[i].bx.l, (int)ns, (int)i};
				ns++;
			}
		qsort(slots, ns, sizeof *slots, cmp_slot);
		gir_buf row = {0};
		int ncells = 0, texts = 0;
		for (size_t j = 0; j < ns; j++) {
			int ci = slots[j].cell;
			char *t = ci >= 0 ? cell_text(cells[ci].c, cells[ci].n) : gir_xstrdup("");
			texts += *t != '\0';
			put_cell(&row, &ncells, t);
			free(t);
		}
		if (texts) {
			/* a row of one cell is a line of its own: a caption, or
			 * "label：N" for a row of the form laid out as a line */
			item *it = add_item(out, page, (float)(Y.v[k] / p->scale));
			it->row = true;
			it->ruled = true;
			it->text = imp_detach(&row);
		}
		gir_buf_free(&row);
	}
	free(slots);
	free(X.v);
	free(Y.v);
}

/* Finds the page's table cells; characters in none are left in `free_c`. */
static size_t page_tables(const imp_ppage *p, int page, items *out, imp_pchar **free_c)
{
	size_t nfree = 0, nc = 0;
	cell *cells = NULL;
	box *of = gir_xmalloc((p->nchars + 1) * sizeof *of);
	bool *in = gir_xcalloc(p->nchars + 1, sizeof *in);
	snap sx = {gir_xmalloc((2 * p->nchars + 1) * sizeof(int)), 0, (int)(2 * p->scale) + 1};
	snap sy = {gir_xmalloc((2 * p->nchars + 1) * sizeof(int)), 0, (int)(2 * p->scale) + 1};
	for (size_t i = 0; i < p->nchars; i++) {
		const imp_pchar *c = &p->chars[i];
		int x = (int)((c->x0 + c->x1) / 2 * p->scale), y = (int)((c->y0 + c->y1) / 2 * p->scale);
		if (!find_box(p, x, y, &of[i]))
			continue;
		in[i] = true;
		sx.v[sx.n++] = of[i].l, sx.v[sx.n++] = of[i].r;
		sy.v[sy.n++] = of[i].t, sy.v[sy.n++] = of[i].b;
	}
	snap_build(&sx);
	snap_build(&sy);
	for (size_t i = 0; i < p->nchars && nc <= MAX_CELLS; i++) {
		if (!in[i])
			continue;
		box b = {snap_to(&sx, of[i].l), snap_to(&sy, of[i].t), snap_to(&sx, of[i].r), snap_to(&sy, of[i].b)};
		int ci = find_cell(cells, nc, b);
		if (ci < 0) {
			IMP_GROW(cells, nc);
			cells[nc] = (cell){b, NULL, 0, -1, false};
			ci = (int)nc++;
		}
		cell *cl = &cells[ci];
		IMP_GROW(cl->c, cl->n);
		cl->c[cl->n++] = &p->chars[i];
	}
	if (nc > MAX_CELLS)
		for (size_t i = 0; i < nc; i++)
			cells[i].n = 0; /* no table: every character is free */
	/* tables: cells that touch */
	int *parent = gir_xmalloc((nc + 1) * sizeof *parent);
	for (size_t i = 0; i < nc; i++)
		parent[i] = (int)i;
	for (size_t i = 0; i < nc; i++)
		for (size_t j = i + 1; j < nc; j++)
			if (touching(cells[i].bx, cells[j].bx, sx.tol) || ruled_between(p, cells[i].bx, cells[j].bx))
				parent[uf_find(parent, (int)i)] = uf_find(parent, (int)j);
	size_t *size = gir_xcalloc(nc + 1, sizeof *size);
	for (size_t i = 0; i < nc; i++)
		size[uf_find(parent, (int)i)] += cells[i].n > 0;
	for (size_t i = 0; i < nc; i++)
		cells[i].table = size[uf_find(parent, (int)i)] >= 2 ? uf_find(parent, (int)i) : -1;
	for (size_t i = 0; i < nc; i++)
		if (cells[i].table == (int)i)
			table_rows(p, page, cells, nc, (int)i, &sx, &sy, out);
	/* the characters of no table */
	for (size_t i = 0; i < p->nchars; i++) {
		bool tabled = false;
		if (in[i] && nc <= MAX_CELLS) {
			box b = {snap_to(&sx, of[i].l), snap_to(&sy, of[i].t), snap_to(&sx, of[i].r), snap_to(&sy, of[i].b)};
			int ci = find_cell(cells, nc, b);
			tabled = ci >= 0 && cells[ci].table >= 0;
		}
		if (!tabled)
			free_c[nfree++] = &p->chars[i];
	}
	for (size_t i = 0; i < nc; i++)
		free(cells[i].c);
	free(cells);
	free(parent);
	free(size);
	free(of);
	free(in);
	free(sx.v);
	free(sy.v);
	return nfree;
}

/* ---- lines of text ------------------------------------------------------------ */

/* The width of a line's first piece that no line breaks in: a run of
 * digits and letters (350400) up to a space (a space character, or a gap
 * line_text reads as one), or one CJK character, with the stops and
 * closing marks after it (no line starts with them, 禁则 as wrap.c has
 * it: a browser or a word processor carries the one before over with
 * them).  Where it would not have fit at the end of the line before, that
 * line ended early for want of room, not for a new paragraph (平潭 2021's
 * `邮编：⏎350400；`, printed by Chromium). */
static float head_width(imp_pchar *const *l, size_t m)
{
	size_t i = 1;
	if (!wide(l[0]->cp) && !gir_no_line_start(l[0]->cp))
		while (i < m && !wide(l[i]->cp) && !gir_no_line_start(l[i]->cp) && !l[i]->space_before &&
		       l[i]->cp != ' ' &&
		       l[i]->x0 - l[i - 1]->x1 <= 0.3f * fmaxf(height(l[i]), height(l[i - 1])))
			i++;
	while (i < m && gir_no_line_start(l[i]->cp))
		i++;
	return l[i - 1]->x1 - l[0]->x0;
}

/* The page's other characters as lines; a line with gaps of more than two
 * characters is a row of cells (a table drawn without rules). */
static void page_lines(imp_pchar **c, size_t n, int page, items *out)
{
	qsort(c, n, sizeof *c, cmp_y);
	size_t *starts = gir_xmalloc((n + 1) * sizeof *starts);
	size_t nl = split_lines(c, n, starts);
	for (size_t k = 0; k < nl; k++) {
		imp_pchar **l = c + starts[k];
		size_t m = starts[k + 1] - starts[k];
		float top = l[0]->y0, em = 0, x1 = l[0]->x1;
		for (size_t i = 0; i < m; i++) {
			top = fminf(top, l[i]->y0);
			em = fmaxf(em, height(l[i]));
			x1 = fmaxf(x1, l[i]->x1);
		}
		item *it = add_item(out, page, top);
		it->x0 = l[0]->x0, it->x1 = x1, it->em = em, it->head = head_width(l, m);
		it->font0 = l[0]->font, it->font1 = l[m - 1]->font;
		it->cp0 = l[0]->cp, it->cp1 = l[m - 1]->cp;
		it->space_end = l[m - 1]->space_after;
		gir_buf b = {0};
		int pieces = 0;
		for (size_t i = 0, from = 0; i <= m; i++) {
			if (i < m && (i == 0 || l[i]->x0 - l[i - 1]->x1 <= 2 * em))
				continue;
			if (pieces++)
				gir_buf_putc(&b, '\t');
			line_text(l + from, i - from, &b);
			from = i;
		}
		it->row = pieces > 1;
		it->text = imp_detach(&b);
	}
	free(starts);
}

static int cmp_item(const void *a, const void *b)
{
	const item *p = a, *q = b;
	if (p->page != q->page)
		return (p->page > q->page) - (p->page < q->page);
	return (p->y > q->y) - (p->y < q->y);
}

/* ---- page furniture -------------------------------------------------------------- */

/* — 1 —, -1-, 第1页, 第 1 页 共 5 页, 1/5, Page 1 of 5: one or two numbers
 * among dashes and the words of a page number only. */
static bool page_number(const char *s)
{
	static const char *const words[] = {"第", "页", "共", "—", "–", "－", "／", "·", "Page", "page", "of"};
	int numbers = 0;
	size_t n = 0;
	while (*s) {
		if (*s >= '0' && *s <= '9') {
			numbers++;
			while (*s >= '0' && *s <= '9')
				s++;
			continue;
		}
		if (*s == ' ' || *s == '-' || *s == '/' || *s == '.' || *s == '\t') {
			s++;
			continue;
		}
		size_t i = 0;
		while (i < GIR_ARRAY_LEN(words) && strncmp(s, words[i], strlen(words[i])))
			i++;
		if (i == GIR_ARRAY_LEN(words))
			return false;
		s += strlen(words[i]);
		if (++n > 8)
			return false;
	}
	return numbers == 1 || numbers == 2;
}

/* The text with its digits taken out, to know a running header that
 * carries the page number. */
static char *without_digits(const char *s)
{
	gir_buf b = {0};
	for (; *s; s++)
		if (!(*s >= '0' && *s <= '9') && *s != ' ' && *s != '\t')
			gir_buf_putc(&b, *s);
	return imp_detach(&b);
}

static void mark_ends(items *it)
{
	for (size_t i = 0; i < it->n; i++) {
		item *x = &it->v[i];
		x->first = i == 0 || it->v[i - 1].page != x->page;
		x->last = i + 1 == it->n || it->v[i + 1].page != x->page;
	}
}

/* Drops page numbers and headers or footers that come back on at least
 * half the pages (two at least): each is a page's first or last line. */
static void drop_furniture(items *it, int npages)
{
	for (int pass = 0; pass < 2; pass++) {
		mark_ends(it);
		for (size_t i = 0; i < it->n; i++) {
			item *x = &it->v[i];
			if (x->drop || x->ruled || !(x->first || x->last))
				continue;
			if (page_number(x->text)) {
				x->drop = true;
				continue;
			}
			if (npages < 2 || pass)
				continue;
			char *key = without_digits(x->text);
			int same = 0, last_page = -1;
			for (size_t j = 0; j < it->n && *key; j++) {
				item *y = &it->v[j];
				if ((y->first || y->last) && y->page != last_page) {
					char *k2 = without_digits(y->text);
					if (!strcmp(key, k2))
						same++, last_page = y->page;
					free(k2);
				}
			}
			free(key);
			if (same >= 2 && 2 * same >= npages)
				x->drop = true;
		}
		/* drop, then the next pass sees the new first and last lines */
		size_t w = 0;
		for (size_t i = 0; i < it->n; i++) {
			if (it->v[i].drop)
				free(it->v[i].text);
			else
				it->v[w++] = it->v[i];
		}
		it->n = w;
	}
}

/* ---- paragraphs ---------------------------------------------------------------- */

static int cmp_float(const void *a, const void *b)
{
	float x = *(const float *)a, y = *(const float *)b;
	return (x > y) - (x < y);
}

/* The margins of the text: the left one where at least two long lines
 * start (the leftmost such), the right one where most long lines end. */
static void margins(const items *it, float *left, float *right)
{
	float *xs = gir_xmalloc((it->n + 1) * sizeof *xs), *xe = gir_xmalloc((it->n + 1) * sizeof *xe);
	size_t n = 0;
	float widest = 0;
	for (size_t i = 0; i < it->n; i++)
		if (!it->v[i].row)
			widest = fmaxf(widest, it->v[i].x1 - it->v[i].x0);
	for (size_t i = 0; i < it->n; i++)
		if (!it->v[i].row && it->v[i].x1 - it->v[i].x0 >= 0.6f * widest)
			xs[n] = it->v[i].x0, xe[n++] = it->v[i].x1;
	qsort(xs, n, sizeof *xs, cmp_float);
	qsort(xe, n, sizeof *xe, cmp_float);
	*left = n ? xs[0] : 0;
	for (size_t i = 0; i + 1 < n; i++)
		if (xs[i + 1] - xs[i] <= 1.0f) {
			*left = xs[i];
			break;
		}
	/* the right edge shared by the most lines, within a point */
	size_t best = 0;
	*right = n ? xe[n - 1] : 1e9f;
	for (size_t i = 0, j = 0; i < n; i++) {
		while (xe[i] - xe[j] > 1.0f)
			j++;
		if (i - j + 1 >= best)
			best = i - j + 1, *right = xe[i];
	}
	if (n < 2)
		*right = 1e9f;
	free(xs);
	free(xe);
}

/* The title, centred over two or three lines in one font: the first lines
 * of the document, each centred under the one before. */
static bool title_continues(const item *prev, const item *cur)
{
	float c0 = (prev->x0 + prev->x1) / 2, c1 = (cur->x0 + cur->x1) / 2;
	return !prev->row && !cur->row && prev->page == 0 && cur->page == 0 &&
	       prev->font1 == cur->font0 && fabsf(c0 - c1) <= prev->em &&
	       cur->y - prev->y <= 2.5f * prev->em;
}

static uint32_t last_cp(const char *s)
{
	uint32_t cp = 0;
	size_t n = strlen(s);
	if (n) {
		size_t i = gir_utf8_char_start(s, n - 1);
		gir_utf8_decode(s + i, n - i, &cp);
	}
	return cp;
}

static bool wordish(uint32_t cp, const char *also)
{
	return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
	       (cp < 0x80 && cp && strchr(also, (int)cp)) || (cp >= 0xC0 && cp < 0x300);
}

/* A line joined to the paragraph before it: with the space the PDF has at
 * the end of the line, else CJK without a space, words with one; a line broken inside a run of symbols ("<" "/a>") with none. */
static void join_line(gir_buf *b, const char *piece, bool space)
{
	uint32_t first = 0;
	gir_utf8_decode(piece, strlen(piece), &first);
	if (b->len && (space || (wordish(last_cp(b->ptr), ",.;:!?)") && wordish(first, "("))))
		gir_buf_putc(b, ' ');
	gir_buf_puts(b, piece);
}

static bool continues(const item *prev, const item *cur, float left, float right)
{
	/* CJK in another font is another style (a heading in 黑体 after 仿宋);
	 * digits and Latin letters often have a font of their own */
	bool restyled = prev->font1 != cur->font0 && wide(prev->cp1) && wide(cur->cp0);
	/* full, or too short for the next line's first piece */
	bool full = prev->x1 >= right - 1.2f * prev->em || prev->x1 + cur->head > right;
	return !prev->row && !cur->row && !restyled && full && cur->x0 <= left + 0.6f * cur->em &&
	       fabsf(cur->em - prev->em) <= 0.25f * prev->em;
}

void imp_pdf_walk(const imp_ppage *pages, size_t n, const imp_pdf_sink *sink)
{
	items it = {NULL, 0};
	for (size_t p = 0; p < n; p++) {
		imp_pchar **free_c = gir_xmalloc((pages[p].nchars + 1) * sizeof *free_c);
		size_t nfree = page_tables(&pages[p], (int)p, &it, free_c);
		page_lines(free_c, nfree, (int)p, &it);
		free(free_c);
	}
	if (!it.n) {
		free(it.v);
		return;
	}
	qsort(it.v, it.n, sizeof *it.v, cmp_item);
	drop_furniture(&it, (int)n);
	float left, right;
	margins(&it, &left, &right);
	for (size_t i = 0; i < it.n; i++) {
		item *x = &it.v[i];
		if (x->row) {
			sink->row(sink->ctx, x->page, x->text);
			continue;
		}
		gir_buf para = {0};
		gir_buf_puts(&para, x->text);
		item *last = x;
		bool title = i == 0;
		while (i + 1 < it.n && (continues(last, &it.v[i + 1], left, right) ||
		                        (title && title_continues(last, &it.v[i + 1]))))
			join_line(&para, it.v[i + 1].text, last->space_end), last = &it.v[++i];
		int indent = 0;
		if (last == x && x->x0 > left + 3 * x->em)
			indent = (int)lroundf((x->x0 - left) / x->em) * 2;
		sink->para(sink->ctx, x->page, indent > 0 && indent < 120 ? indent : 0,
		           para.ptr ? para.ptr : "");
		gir_buf_free(&para);
	}
	for (size_t i = 0; i < it.n; i++)
		free(it.v[i].text);
	free(it.v);
}

/* ---- the text a copy from Word gives ------------------------------------------- */

typedef struct text_sink {
	gir_buf *out;
	bool set_off, in_table;
} text_sink;

/* A paragraph after a blank line; lines set off to the right (title,
 * signature, date) indented, and one after another with no blank line. */
static void text_para(void *ctx, int page, int indent, const char *text)
{
	text_sink *t = ctx;
	(void)page;
	if (!(indent && t->set_off))
		gir_buf_putc(t->out, '\n');
	for (int k = 0; k < indent; k++)
		gir_buf_putc(t->out, ' ');
	gir_buf_puts(t->out, text);
	gir_buf_putc(t->out, '\n');
	t->set_off = indent > 0, t->in_table = false;
}

/* A table's rows one a line, after a blank line. */
static void text_row(void *ctx, int page, const char *cells)
{
	text_sink *t = ctx;
	(void)page;
	if (!t->in_table)
		gir_buf_putc(t->out, '\n');
	gir_buf_puts(t->out, cells);
	gir_buf_putc(t->out, '\n');
	t->in_table = true, t->set_off = false;
}

void imp_pdf_layout(const imp_ppage *pages, size_t n, gir_buf *out)
{
	text_sink t = {out, false, false};
	imp_pdf_sink sink = {text_para, text_row, &t};
	imp_pdf_walk(pages, n, &sink);
}
