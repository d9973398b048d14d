/* Cells run together: an archive's one-line copy of a report may print a
 * table row's cells with nothing between them (平潭 page.txt:
 * "规范性文件7777166" is 77, 77, 166; "行政许可88-720" is 88, -72, 0;
 * "政府集中采购215419886元" is 21, 5419886元).  Such a row is cut into
 * its cells only when the input determines the cut:
 *
 *   - a cut is a way to part the digits into exactly the row's number of
 *     cells, each a well-formed number for its column (no leading zero but
 *     "0" itself; a sign only in a 本年增/减 column, a point only in an
 *     amount column, a unit only one the template gives the column);
 *   - of the cuts of every such row of a table, only those are kept that
 *     the form's arithmetic allows, applied across the whole table at once:
 *     the template's totals (a column "sum": "all", a row "sum":
 *     "siblings") and its "=" checks (一+二 = 三+四).  A cut is dropped
 *     only when no cut of the other rows makes the rule hold with it;
 *   - of a row the arithmetic leaves several cuts, only those are kept
 *     that agree with every figure the report's own narrative states about
 *     one of its cells: the template's "prose" rules, read by the prose
 *     check's reader (gir_prose_find) in the line's text outside its table
 *     sections, so exact figures only ("制定规范性文件15件", never 约15件);
 *     the sentence that decided is named in a note;
 *   - a row left with one cut is written with its cells between spaces, for
 *     the one-line cutter (import_scan.c); a row left with several (or
 *     none, when the text contradicts every cut) is an error naming the
 *     cuts, and the row is taken out, so that the source has 待填 for it.
 *
 * Nothing is chosen by likelihood.  When the original's own arithmetic is
 * wrong (a total that is not the sum of its parts), the rules it breaks
 * decide nothing: a row whose every cut breaks its own row rule keeps all
 * its cuts, and rules across rows that leave some row with none are not
 * used at all for that table.  The search is bounded: a run of more than
 * RUN_MAX_BYTES, a cell of more than RUN_MAX_DIGITS digits, or more than
 * IMP_RUN_MAX_SPLITS cuts of one row are refused, never tried.
 *
 * The mirror case, a cell split over two values ("1⏎62" in 三明 2021's
 * one-cell-a-line copy: a row of 8 values for 7 cells), is decided by the
 * same code (imp_join_values, imp_join_rows, called by import_table.c once
 * a table is read): its ways to join are the cuts of the values' text with
 * a place between two values where a run has one between two bytes, values
 * joined only when digits and only into a well-formed number; the table's
 * other rows as read are one cut each; the narrative is its paragraphs. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "number.h"
#include "import.h"
#include "prose.h"
#include "utf8.h"
#include "util.h"

#define RUN_MAX_BYTES 400    /* a run of cells longer than this is not cut */
#define RUN_MAX_DIGITS 15    /* digits of one cell's integer or decimal part */
#define RUN_MAX_CELL 64      /* bytes of one cell: sign, digits, point, unit */
#define RUN_MAX_CELLS 64     /* cells of one run (四's 15 in the national forms) */
#define RUN_MAX_SUMS 4096    /* distinct partial sums followed per rule */
#define RUN_SHOWN 3          /* cuts named in a message */

/* ---- the cuts of one run ----------------------------------------------- */

/* Whether s[0..len) is a well-formed number for the column col; its value,
 * when it is a whole number in the column's own unit, in *v (*whole). */
static bool cell_ok(const gir_axis *col, const char *s, size_t len, int64_t *v, bool *whole)
{
	const char *p = s, *end = s + len;
	bool neg = false, sign = false;
	if (col->type == GIR_DELTA && p < end && (*p == '+' || *p == '-'))
		neg = *p == '-', sign = true, p++;
	const char *d = p;
	while (p < end && *p >= '0' && *p <= '9')
		p++;
	size_t nd = (size_t)(p - d);
	if (!nd || nd > RUN_MAX_DIGITS || (nd > 1 && *d == '0') || (sign && nd == 1 && *d == '0'))
		return false;
	bool frac = false;
	if (p < end && *p == '.' && col->type == GIR_AMOUNT) {
		const char *f = ++p;
		while (p < end && *p >= '0' && *p <= '9')
			p++;
		if (p == f || p - f > RUN_MAX_DIGITS)
			return false;
		frac = true;
	}
	bool unit = false;
	for (size_t u = 0; p < end && u < col->nunits && !unit; u++)
		unit = strlen(col->units[u].text) == (size_t)(end - p) &&
		       memcmp(p, col->units[u].text, (size_t)(end - p)) == 0;
	if (p < end && !unit)
		return false;
	int64_t x = 0;
	for (const char *q = d; q < d + nd; q++)
		x = 10 * x + (*q - '0');
	*v = neg ? -x : x;
	*whole = !frac && !unit;
	return true;
}

/* The run without its spaces: a copy may part cells with a space, join
 * them, or part one cell ("10 0 00 0 1" is 1, 0, 0, 0, 0, 0, 1). */
static char *packed(const char *run, size_t len)
{
	char *d = gir_xmalloc(len + 1);
	size_t n = 0;
	for (size_t i = 0; i < len; i++)
		if (run[i] != ' ')
			d[n++] = run[i];
	d[n] = '\0';
	return d;
}

/* The column of cell k of a row of n cells of the block: an inline block's
 * run holds every row's cells, one row after another. */
static const gir_axis *col_of(const gir_block *b, size_t k)
{
	return b->col_leaves[k % b->ncols];
}

void imp_splits_free(imp_splits *sp)
{
	free(sp->digits);
	free(sp->at);
	free(sp->joinable);
	free(sp->cuts);
	free(sp->vals);
	free(sp->whole);
	free(sp->alive);
	memset(sp, 0, sizeof *sp);
}

/* Where a cell may start or end: place i of the text sp->digits is byte i
 * of a run (every byte), or the start of value i of a row whose values are
 * more than its cells (sp->at). */
static size_t place(const imp_splits *sp, size_t i)
{
	return sp->at ? sp->at[i] : i;
}

/* Whether the places [i, j) of sp make a cell of column col, its value in
 * *v (*whole as cell_ok gives it).  A run's cell is any well-formed number
 * for the column; of a row's values, one alone is a cell as the copy gave
 * it (a "/" or "05" too, of no use to the sums), and values joined are
 * digits only (sp->joinable) making a well-formed number. */
static bool piece_cell(const imp_splits *sp, const gir_axis *col, size_t i, size_t j, int64_t *v,
                       bool *whole)
{
	size_t from = place(sp, i), to = place(sp, j);
	if (sp->at && j == i + 1) {
		if (!cell_ok(col, sp->digits + from, to - from, v, whole))
			*v = 0, *whole = false;
		return true;
	}
	for (size_t k = i; sp->at && k < j; k++)
		if (!sp->joinable[k])
			return false;
	return to - from <= RUN_MAX_CELL && cell_ok(col, sp->digits + from, to - from, v, whole);
}

typedef struct enum_ctx {
	imp_splits *sp;
	const gir_block *b;
	size_t len;      /* places: bytes of a run, values of a row */
	size_t *ways;    /* [(len + 1) * (n + 1)]: cuts of places [i..] into the last k cells */
	size_t *cut;     /* the cut being built, in places */
} enum_ctx;

#define WAYS(c, i, k) (c)->ways[(i) * ((c)->sp->n + 1) + (k)]

/* The places a cell starting at i may end at, beyond i: up to RUN_MAX_CELL
 * bytes (one value of a row, however long, is a cell). */
static bool cell_fits(const enum_ctx *c, size_t i, size_t j)
{
	return j <= c->len && (j == i + 1 || place(c->sp, j) - place(c->sp, i) <= RUN_MAX_CELL);
}

static void enumerate(enum_ctx *c, size_t i, size_t k)
{
	imp_splits *sp = c->sp;
	size_t n = sp->n;
	c->cut[n - k] = i;
	if (k == 0) {
		size_t at = sp->nsplits++;
		for (size_t m = 0; m <= n; m++)
			sp->cuts[at * (n + 1) + m] = place(sp, c->cut[m]);
		for (size_t m = 0; m < n; m++)
			piece_cell(sp, col_of(c->b, m), c->cut[m], c->cut[m + 1], &sp->vals[at * n + m],
			           &sp->whole[at * n + m]);
		sp->alive[at] = true;
		return;
	}
	const gir_axis *col = col_of(c->b, n - k);
	for (size_t j = i + 1; cell_fits(c, i, j); j++) {
		int64_t v;
		bool w;
		if (WAYS(c, j, k - 1) && piece_cell(sp, col, i, j, &v, &w))
			enumerate(c, j, k - 1);
	}
}

/* The cuts of sp->digits's `len` places into sp->n cells: counted first,
 * from the end (a cut's cells depend only on where it starts), len × n ×
 * RUN_MAX_CELL tests however many cuts there are; listed when no more than
 * IMP_RUN_MAX_SPLITS. */
static void list_cuts(imp_splits *sp, const gir_block *b, size_t len)
{
	size_t n = sp->n;
	enum_ctx c = {sp, b, len, NULL, NULL};
	c.ways = gir_xcalloc((c.len + 1) * (n + 1), sizeof *c.ways);
	WAYS(&c, c.len, 0) = 1;
	for (size_t i = c.len; i-- > 0;)
		for (size_t k = 1; k <= n; k++) {
			size_t w = 0;
			const gir_axis *col = col_of(b, n - k);
			for (size_t j = i + 1; cell_fits(&c, i, j); j++) {
				int64_t v;
				bool whole;
				if (WAYS(&c, j, k - 1) && piece_cell(sp, col, i, j, &v, &whole))
					w += WAYS(&c, j, k - 1);
				if (w > IMP_RUN_MAX_SPLITS)
					w = IMP_RUN_MAX_SPLITS + 1;
			}
			WAYS(&c, i, k) = w;
		}
	sp->count = WAYS(&c, 0, n);
	if (sp->count && sp->count <= IMP_RUN_MAX_SPLITS) {
		sp->cuts = gir_xcalloc(sp->count * (n + 1), sizeof *sp->cuts);
		sp->vals = gir_xcalloc(sp->count * n, sizeof *sp->vals);
		sp->whole = gir_xcalloc(sp->count * n, sizeof *sp->whole);
		sp->alive = gir_xcalloc(sp->count, sizeof *sp->alive);
		c.cut = gir_xcalloc(n + 1, sizeof *c.cut);
		enumerate(&c, 0, n);
		free(c.cut);
		sp->nalive = sp->nsplits;
	}
	free(c.ways);
}

int imp_split_run(const char *run, size_t len, const gir_block *b, size_t n, imp_splits *sp)
{
	memset(sp, 0, sizeof *sp);
	sp->n = n;
	if (len > RUN_MAX_BYTES || n == 0 || n > RUN_MAX_CELLS)
		return -1;
	sp->digits = packed(run, len);
	if (n > strlen(sp->digits))
		return 0; /* a cell is a character at least: no cut */
	list_cuts(sp, b, strlen(sp->digits));
	return 0;
}

int imp_join_values(const char *const *vals, const bool *joinable, size_t nv, const gir_block *b,
                    size_t n, imp_splits *sp)
{
	memset(sp, 0, sizeof *sp);
	sp->n = n;
	size_t len = 0;
	bool empty = false;
	for (size_t i = 0; i < nv; i++)
		len += strlen(vals[i]), empty = empty || !*vals[i];
	if (len > RUN_MAX_BYTES || n == 0 || n > RUN_MAX_CELLS || nv > RUN_MAX_BYTES)
		return -1;
	gir_buf d = {0};
	sp->at = gir_xcalloc(nv + 1, sizeof *sp->at);
	sp->joinable = gir_xcalloc(nv + 1, sizeof *sp->joinable);
	for (size_t i = 0; i < nv; i++) {
		sp->at[i] = d.len;
		sp->joinable[i] = joinable[i];
		gir_buf_puts(&d, vals[i]);
	}
	sp->at[nv] = d.len;
	sp->digits = imp_detach(&d);
	if (n <= nv && !empty) /* a value is a character at least: else no cut */
		list_cuts(sp, b, nv);
	return 0;
}

size_t imp_split_value(const imp_splits *sp, size_t s, size_t m)
{
	size_t off = sp->cuts[s * (sp->n + 1) + m], i = 0;
	while (sp->at[i] < off)
		i++;
	return i;
}

char *imp_split_cells(const imp_splits *sp, size_t s, const char *sep)
{
	gir_buf b = {0};
	for (size_t m = 0; m < sp->n; m++) {
		if (m)
			gir_buf_puts(&b, sep);
		size_t from = sp->cuts[s * (sp->n + 1) + m], to = sp->cuts[s * (sp->n + 1) + m + 1];
		gir_buf_put(&b, sp->digits + from, to - from);
	}
	return imp_detach(&b);
}

/* ---- the table's arithmetic ------------------------------------------------ */

/* One row of a table as the run gave it. */
typedef struct run_row {
	const gir_block *b;
	const gir_axis *row;  /* NULL: every row of an inline block (四) */
	size_t label_at;      /* byte offsets in the line: the label, */
	size_t run_at, run_end; /* and its run of cells */
	bool as_is;           /* its cells were between spaces already: left alone */
	imp_splits sp;
} run_row;

typedef struct term {
	size_t row, cell;
	int coef;
} term;

typedef struct rule {
	term *t;
	size_t n;
	bool single;          /* every term in one row */
	bool off;             /* not used (the row's every cut breaks it) */
} rule;

typedef struct rules {
	rule *r;
	size_t n;
} rules;

/* The run row and cell holding (row leaf, column leaf) of block b, or false. */
static bool find_cell(const run_row *rr, size_t nrr, const gir_block *b, const gir_axis *row,
                      const gir_axis *col, term *t)
{
	for (size_t i = 0; i < nrr; i++) {
		if (rr[i].b != b || !rr[i].sp.nalive)
			continue;
		if (rr[i].row == row) {
			t->row = i, t->cell = (size_t)col->leaf;
			return true;
		}
		if (!rr[i].row) {
			t->row = i, t->cell = (size_t)row->leaf * b->ncols + (size_t)col->leaf;
			return true;
		}
	}
	return false;
}

/* Adds coef × every cell under the row axis ra and column axis ca of
 * block b to the rule; false when a cell is not read (the rule is then
 * of no use). */
static bool add_terms(rule *ru, const run_row *rr, size_t nrr, const gir_block *b,
                      const gir_axis *ra, const gir_axis *ca, int coef)
{
	for (int r = ra->first_leaf; r < ra->first_leaf + ra->nleaves; r++)
		for (int c = ca->first_leaf; c < ca->first_leaf + ca->nleaves; c++) {
			term t;
			if (!find_cell(rr, nrr, b, b->row_leaves[r], b->col_leaves[c], &t))
				return false;
			t.coef = coef;
			IMP_GROW(ru->t, ru->n);
			ru->t[ru->n++] = t;
		}
	return true;
}

static void add_rule(rules *rs, rule *ru, bool ok)
{
	if (!ok || !ru->n) {
		free(ru->t);
		*ru = (rule){0};
		return;
	}
	ru->single = true;
	for (size_t i = 1; i < ru->n; i++)
		ru->single = ru->single && ru->t[i].row == ru->t[0].row;
	IMP_GROW(rs->r, rs->n);
	rs->r[rs->n++] = *ru;
	*ru = (rule){0};
}

/* The totals of the block: a column "sum": "all" is every other column, a
 * row "sum": "siblings" every other row under its group. */
static void total_rules(rules *rs, const run_row *rr, size_t nrr, const gir_block *b)
{
	for (size_t c = 0; c < b->ncols; c++) {
		const gir_axis *sum = b->col_leaves[c];
		if (sum->sum != GIR_SUM_ALL)
			continue;
		for (size_t r = 0; r < b->nrows; r++) {
			rule ru = {0};
			bool ok = add_terms(&ru, rr, nrr, b, b->row_leaves[r], sum, 1);
			for (size_t o = 0; o < b->ncols && ok; o++)
				if (o != c && b->col_leaves[o]->sum == GIR_SUM_NONE)
					ok = add_terms(&ru, rr, nrr, b, b->row_leaves[r], b->col_leaves[o], -1);
			add_rule(rs, &ru, ok);
		}
	}
	for (size_t r = 0; r < b->nrows; r++) {
		const gir_axis *sum = b->row_leaves[r];
		if (sum->sum != GIR_SUM_SIBLINGS || !sum->parent)
			continue;
		for (size_t c = 0; c < b->ncols; c++) {
			rule ru = {0};
			bool ok = add_terms(&ru, rr, nrr, b, sum, b->col_leaves[c], 1);
			for (size_t k = 0; k < sum->parent->nchildren && ok; k++) {
				const gir_axis *sib = sum->parent->children[k];
				if (sib != sum && sib->sum == GIR_SUM_NONE)
					ok = add_terms(&ru, rr, nrr, b, sib, b->col_leaves[c], -1);
			}
			add_rule(rs, &ru, ok);
		}
	}
}

/* The template's "=" checks on the section within one report (一+二 =
 * 三+四), for every column or every row they name. */
static void check_rules(rules *rs, const run_row *rr, size_t nrr, const gir_template *t,
                        const gir_section *sec)
{
	for (size_t i = 0; i < t->nchecks; i++) {
		const gir_check *ck = t->checks[i];
		if (ck->section != sec || ck->op != GIR_OP_EQ || ck->previous)
			continue;
		const gir_block *b = ck->block;
		size_t nlines = ck->each == GIR_EACH_COLUMN ? b->ncols
		                : ck->nonly                   ? ck->nonly
		                                              : b->nrows;
		for (size_t k = 0; k < nlines; k++) {
			rule ru = {0};
			bool ok = true;
			for (int side = 0; side < 2; side++) {
				const gir_axis **ax = side ? ck->right : ck->left;
				size_t na = side ? ck->nright : ck->nleft;
				for (size_t a = 0; a < na && ok; a++) {
					if (ck->each == GIR_EACH_COLUMN)
						ok = add_terms(&ru, rr, nrr, b, ax[a], b->col_leaves[k], side ? -1 : 1);
					else
						ok = add_terms(&ru, rr, nrr, b, ck->nonly ? ck->only[k] : b->row_leaves[k],
						               ax[a], side ? -1 : 1);
				}
			}
			add_rule(rs, &ru, ok);
		}
	}
}

/* The rule's part in row r for its cut s: Σ coef × cell; false when a cell
 * of it is no whole number (an amount), which no rule of the forms adds. */
static bool part(const rule *ru, const run_row *rr, size_t r, size_t s, int64_t *sum)
{
	const imp_splits *sp = &rr[r].sp;
	*sum = 0;
	for (size_t i = 0; i < ru->n; i++) {
		if (ru->t[i].row != r)
			continue;
		size_t at = s * sp->n + ru->t[i].cell;
		if (!sp->whole[at])
			return false;
		*sum += ru->t[i].coef * sp->vals[at];
	}
	return true;
}

static int cmp64(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
	return (x > y) - (x < y);
}

/* The sums the rule's rows other than `skip` can make with their cuts still
 * alive, sorted, in *out; -1 when there are more than RUN_MAX_SUMS or a
 * cell is no whole number (then the rule rules nothing out). */
static long other_sums(const rule *ru, const run_row *rr, size_t skip, int64_t **out)
{
	int64_t *set = gir_xmalloc(sizeof *set);
	size_t n = 1;
	set[0] = 0;
	for (size_t i = 0; i < ru->n; i++) {
		size_t r = ru->t[i].row;
		bool done = r == skip;
		for (size_t k = 0; k < i && !done; k++)
			done = ru->t[k].row == r;
		if (done)
			continue;
		const imp_splits *sp = &rr[r].sp;
		int64_t *next = gir_xmalloc((n * sp->nalive + 1) * sizeof *next);
		size_t m = 0;
		for (size_t s = 0; s < sp->nsplits; s++) {
			int64_t p;
			if (!sp->alive[s])
				continue;
			if (!part(ru, rr, r, s, &p)) {
				free(next), free(set);
				return -1;
			}
			for (size_t a = 0; a < n; a++)
				next[m++] = set[a] + p;
		}
		qsort(next, m, sizeof *next, cmp64);
		size_t u = 0;
		for (size_t a = 0; a < m; a++)
			if (!u || next[u - 1] != next[a])
				next[u++] = next[a];
		free(set);
		set = next, n = u;
		if (n > RUN_MAX_SUMS) {
			free(set);
			return -1;
		}
	}
	*out = set;
	return (long)n;
}

/* Drops the cuts of the rule's rows that no cuts of its other rows make it
 * hold with; false when a row is left with none. */
static bool apply_rule(const rule *ru, run_row *rr, bool *changed)
{
	for (size_t i = 0; i < ru->n; i++) {
		size_t r = ru->t[i].row;
		bool first = true;
		for (size_t k = 0; k < i && first; k++)
			first = ru->t[k].row != r;
		if (!first)
			continue;
		int64_t *set;
		long n = other_sums(ru, rr, r, &set);
		if (n < 0)
			return true;
		imp_splits *sp = &rr[r].sp;
		for (size_t s = 0; s < sp->nsplits; s++) {
			int64_t p, want;
			if (!sp->alive[s] || !part(ru, rr, r, s, &p))
				continue;
			want = -p;
			if (!bsearch(&want, set, (size_t)n, sizeof *set, cmp64)) {
				sp->alive[s] = false;
				sp->nalive--;
				*changed = true;
			}
		}
		free(set);
		if (!sp->nalive)
			return false;
	}
	return true;
}

/* The rules applied (those of one row only when `single`) until nothing
 * changes; false when some row is left with no cut. */
static bool propagate(const rules *rs, run_row *rr, bool single)
{
	bool changed = true;
	for (int round = 0; changed && round < 64; round++) {
		changed = false;
		for (size_t i = 0; i < rs->n; i++)
			if (!rs->r[i].off && rs->r[i].single == single && !apply_rule(&rs->r[i], rr, &changed))
				return false;
	}
	return true;
}

static void save_alive(run_row *rr, size_t n, bool **save)
{
	size_t tot = 0;
	for (size_t i = 0; i < n; i++)
		tot += rr[i].sp.nsplits;
	*save = gir_xcalloc(tot + 1, sizeof **save);
	for (size_t i = 0, at = 0; i < n; at += rr[i].sp.nsplits, i++)
		if (rr[i].sp.nsplits)
			memcpy(*save + at, rr[i].sp.alive, rr[i].sp.nsplits);
}

static void restore_alive(run_row *rr, size_t n, const bool *save)
{
	for (size_t i = 0, at = 0; i < n; at += rr[i].sp.nsplits, i++) {
		imp_splits *sp = &rr[i].sp;
		if (!sp->nsplits)
			continue;
		memcpy(sp->alive, save + at, sp->nsplits);
		sp->nalive = 0;
		for (size_t s = 0; s < sp->nsplits; s++)
			sp->nalive += sp->alive[s];
	}
}

/* Rules out cuts with the section's arithmetic: first each row's own rules
 * (a row whose every cut breaks them keeps all its cuts: the original is
 * wrong there, and check says so), then the rules across rows (not used at
 * all when they leave a row with no cut). */
static void solve(run_row *rr, size_t nrr, const gir_template *t, const gir_section *sec)
{
	rules rs = {0};
	for (size_t b = 0; b < sec->nblocks; b++)
		total_rules(&rs, rr, nrr, sec->blocks[b]);
	check_rules(&rs, rr, nrr, t, sec);
	bool *save;
	for (size_t i = 0; i < rs.n; i++) {
		rule *ru = &rs.r[i];
		if (!ru->single)
			continue;
		imp_splits *sp = &rr[ru->t[0].row].sp;
		bool *keep = gir_xmalloc(sp->nsplits + 1);
		memcpy(keep, sp->alive, sp->nsplits);
		size_t had = sp->nalive;
		bool changed = false;
		if (!apply_rule(ru, rr, &changed)) {
			memcpy(sp->alive, keep, sp->nsplits);
			sp->nalive = had;
			ru->off = true;
		}
		free(keep);
	}
	save_alive(rr, nrr, &save);
	if (!propagate(&rs, rr, false) || !propagate(&rs, rr, true))
		restore_alive(rr, nrr, save);
	free(save);
	for (size_t i = 0; i < rs.n; i++)
		free(rs.r[i].t);
	free(rs.r);
}

/* ---- finding the rows in a line -------------------------------------------- */

typedef struct word {
	const char *s;
	size_t len;
	const gir_block *b;
	const gir_axis *row;  /* a leaf row of a table of rows: its cells follow */
	bool inline_col;      /* a column of an inline table: its run may follow */
	size_t order;         /* in the template */
} word;

typedef struct words {
	word *w;
	size_t n;
	size_t from[257];     /* the words starting with byte c: w[from[c], from[c + 1]) */
} words;

static void add_word(words *ws, const char *s, const gir_block *b, const gir_axis *row, bool inl)
{
	if (!s || !*s)
		return;
	IMP_GROW(ws->w, ws->n);
	ws->w[ws->n] = (word){s, strlen(s), b, row, inl, ws->n};
	ws->n++;
}

static void axis_words(words *ws, const gir_block *b, const gir_axis *a, bool rows)
{
	if (a->parent) {
		bool leaf_row = rows && !a->nchildren && b->layout == GIR_LAYOUT_ROWS;
		bool inl = !rows && b->layout == GIR_LAYOUT_INLINE;
		add_word(ws, a->label, b, leaf_row ? a : NULL, inl);
		for (size_t i = 0; i < a->naliases; i++)
			add_word(ws, a->aliases[i], b, leaf_row ? a : NULL, inl);
	}
	for (size_t i = 0; i < a->nchildren; i++)
		axis_words(ws, b, a->children[i], rows);
}

static int by_first_byte(const void *a, const void *b)
{
	const word *x = a, *y = b;
	int cx = (unsigned char)x->s[0], cy = (unsigned char)y->s[0];
	if (cx != cy)
		return cx - cy;
	return (x->order > y->order) - (x->order < y->order); /* the template's order */
}

/* The words of the section's tables: captions, corners, row and column
 * labels and their aliases, each with what it is. */
static words section_words(const gir_section *sec)
{
	words ws = {0};
	for (size_t b = 0; b < sec->nblocks; b++) {
		const gir_block *bl = sec->blocks[b];
		add_word(&ws, bl->caption, bl, NULL, false);
		add_word(&ws, bl->corner, bl, NULL, false);
		axis_words(&ws, bl, &bl->rows, true);
		axis_words(&ws, bl, &bl->cols, false);
	}
	/* by first byte, so that each place of a long line is tried against a
	 * few words only */
	if (ws.n)
		qsort(ws.w, ws.n, sizeof *ws.w, by_first_byte);
	for (size_t c = 0, k = 0; c <= 256; c++) {
		while (k < ws.n && (unsigned char)ws.w[k].s[0] < c)
			k++;
		ws.from[c] = k;
	}
	return ws;
}

typedef struct mark {
	size_t at;
	const word *w;
} mark;

/* Where the section's words stand in text[from, to): the longest word at
 * each place, the text after it searched on. */
static size_t find_marks(const words *ws, const char *text, size_t from, size_t to, mark **out)
{
	size_t n = 0;
	*out = NULL;
	for (size_t i = from; i < to;) {
		const word *best = NULL;
		unsigned char c = (unsigned char)text[i];
		for (size_t k = ws->from[c]; k < ws->from[c + 1]; k++) {
			const word *w = &ws->w[k];
			if (w->s[0] == text[i] && i + w->len <= to && (!best || w->len > best->len) &&
			    memcmp(text + i, w->s, w->len) == 0)
				best = w;
		}
		if (!best) {
			i++;
			continue;
		}
		IMP_GROW(*out, n);
		(*out)[n++] = (mark){i, best};
		i += best->len;
	}
	return n;
}

/* Whether a unit the block's columns know starts at p: its length, or 0. */
static size_t unit_at(const gir_block *b, const char *p)
{
	for (size_t c = 0; c < b->ncols; c++)
		for (size_t u = 0; u < b->col_leaves[c]->nunits; u++) {
			size_t n = strlen(b->col_leaves[c]->units[u].text);
			if (strncmp(p, b->col_leaves[c]->units[u].text, n) == 0)
				return n;
		}
	return 0;
}

/* The end of the run of cells at text[at]: digits, signs, points, spaces
 * and the block's units, up to `limit`; `at` itself when there is no digit. */
static size_t run_end(const gir_block *b, const char *text, size_t at, size_t limit)
{
	size_t p = at, last = at;
	while (p < limit) {
		char ch = text[p];
		size_t u;
		if ((ch >= '0' && ch <= '9') || ch == '.' || ch == '+' || ch == '-') {
			p++;
			last = p;
		} else if (ch == ' ') {
			p++;
		} else if (p > at && (u = unit_at(b, text + p)) && p + u <= limit) {
			p += u;
			last = p;
		} else {
			break;
		}
	}
	bool digit = false;
	for (size_t i = at; i < last && !digit; i++)
		digit = text[i] >= '0' && text[i] <= '9';
	return digit ? last : at;
}

/* A row whose cells stand between spaces, each a number for its column:
 * the cutter reads it as it is (a count that does not fit, such as a
 * total left blank, is its to tell).  With the row's own count it is one
 * cut, which the rules use. */
static bool between_spaces(run_row *r, size_t at, const char *run, size_t len)
{
	size_t n = r->row ? r->b->ncols : r->b->ncols * r->b->nrows;
	size_t ntok = 0, cuts[RUN_MAX_BYTES / 2 + 2];
	char *d = gir_xmalloc(len + 1);
	size_t dl = 0;
	bool ok = true;
	for (size_t i = 0; i < len && ok;) {
		while (i < len && run[i] == ' ')
			i++;
		if (i == len)
			break;
		size_t j = i;
		while (j < len && run[j] != ' ')
			j++;
		int64_t v;
		bool w;
		ok = cell_ok(col_of(r->b, ntok < n ? ntok : n - 1), run + i, j - i, &v, &w);
		cuts[ntok++] = dl;
		memcpy(d + dl, run + i, j - i);
		dl += j - i;
		i = j;
	}
	d[dl] = '\0';
	if (!ok || r->run_at == at || (ntok < 2 && n != 1)) {
		free(d);
		return false;
	}
	r->as_is = true;
	imp_splits *sp = &r->sp;
	memset(sp, 0, sizeof *sp);
	sp->n = n;
	sp->digits = d;
	if (ntok != n)
		return true; /* its cells are no use to the rules */
	cuts[ntok] = dl;
	sp->count = sp->nsplits = sp->nalive = 1;
	sp->cuts = gir_xcalloc(n + 1, sizeof *sp->cuts);
	memcpy(sp->cuts, cuts, (n + 1) * sizeof *cuts);
	sp->vals = gir_xcalloc(n, sizeof *sp->vals);
	sp->whole = gir_xcalloc(n, sizeof *sp->whole);
	sp->alive = gir_xcalloc(1, sizeof *sp->alive);
	sp->alive[0] = true;
	for (size_t m = 0; m < n; m++)
		cell_ok(col_of(r->b, m), d + cuts[m], cuts[m + 1] - cuts[m], &sp->vals[m], &sp->whole[m]);
	return true;
}

/* Whether text[0, len) is the first character of the word w printed once
 * more before it, a numbering misprinted twice (平潭 财政金融局 2019's
 * "0000000三三、本年度办理结果"): the run before it still reaches the word. */
static bool doubled_numeral(const char *text, size_t len, const word *w)
{
	size_t n = 1;
	while (n < w->len && ((unsigned char)w->s[n] & 0xC0) == 0x80)
		n++;
	return len == n && n > 1 && memcmp(text, w->s, n) == 0;
}

/* The rows of the section's tables in text[from, to): a leaf row's label
 * followed by its run of cells, or an inline table's last header word
 * followed by all its cells, the run reaching the next word of the table
 * or the section's end (a label in a sentence, "行政许可7677件", is none). */
static size_t find_rows(const words *ws, const char *text, size_t from, size_t to, run_row **out)
{
	mark *m;
	size_t nm = find_marks(ws, text, from, to, &m), n = 0;
	*out = NULL;
	for (size_t i = 0; i < nm; i++) {
		const word *w = m[i].w;
		if (!w->row && !w->inline_col)
			continue;
		size_t at = m[i].at + w->len, limit = i + 1 < nm ? m[i + 1].at : to;
		size_t end = run_end(w->b, text, at, limit), after = end;
		while (after < limit && text[after] == ' ')
			after++;
		if (i + 1 < nm && after < limit && doubled_numeral(text + after, limit - after, m[i + 1].w))
			after = limit;
		if (end == at || after != limit)
			continue;
		bool dup = false;
		for (size_t k = 0; k < n && !dup; k++)
			dup = (*out)[k].b == w->b && (*out)[k].row == w->row;
		if (dup)
			continue;
		IMP_GROW(*out, n);
		run_row *r = &(*out)[n++];
		*r = (run_row){.b = w->b, .row = w->row, .label_at = w->row ? m[i].at : at,
		               .run_at = at, .run_end = end};
		size_t len = end - at;
		while (text[r->run_at] == ' ')
			r->run_at++, len--;
		if (len <= RUN_MAX_BYTES && between_spaces(r, at, text + r->run_at, len))
			continue;
		size_t cells = w->row ? w->b->ncols : w->b->ncols * w->b->nrows;
		if (imp_split_run(text + r->run_at, len, w->b, cells, &r->sp) != 0)
			r->sp.count = (size_t)-1; /* too long */
	}
	free(m);
	return n;
}

/* ---- what is written ---------------------------------------------------------- */

static char *row_name(const gir_section *sec, const run_row *r, int year)
{
	if (!r->row)
		return gir_xstrdup(sec->heading);
	char *chain = gir_axis_label_chain(r->row, year);
	char *full = gir_join_labels(sec->heading, chain, (char *)NULL);
	free(chain);
	return full;
}

/* The row's key path as `check` names it ("proactive.licensing"); the
 * section's id for a table read as one run (四). */
static char *row_key(const gir_section *sec, const run_row *r)
{
	return r->row ? imp_row_path(sec, r->row) : gir_xstrdup(sec->id);
}

/* The row's paths ("requests.received"), noted in the doc so that the row
 * taken out is not said to be missing again. */
static void note_refused(imp_doc *doc, const gir_section *sec, const run_row *r)
{
	for (size_t k = 0; k < r->b->nrows; k++) {
		const gir_axis *row = r->b->row_leaves[k];
		if (r->row && row != r->row)
			continue;
		gir_ptrvec_push(&doc->refused_rows, imp_row_path(sec, row));
	}
}

/* The run as a message shows it: at most 40 characters, then "…". */
static char *shown_digits(const char *d)
{
	size_t n = strlen(d);
	if (n <= 40)
		return gir_xstrdup(d);
	size_t cut = 40;
	while (cut && ((unsigned char)d[cut] & 0xC0) == 0x80)
		cut--;
	return gir_xasprintf("%.*s…", (int)cut, d);
}

/* The first cuts still possible, "77、77、166 或 7、777、166 …". */
static char *shown_cuts(const imp_splits *sp)
{
	gir_buf b = {0};
	size_t shown = 0;
	for (size_t s = 0; s < sp->nsplits; s++) {
		if (!sp->alive[s])
			continue;
		if (shown == RUN_SHOWN) {
			gir_buf_puts(&b, " …");
			break;
		}
		if (shown++)
			gir_buf_puts(&b, _(" or "));
		char *c = imp_split_cells(sp, s, _(", "));
		gir_buf_puts(&b, c);
		free(c);
	}
	return imp_detach(&b);
}

static void refuse(imp_doc *doc, const imp_line *l, const gir_section *sec, const run_row *r)
{
	gir_pos pos = {l->no, l->col + (int)gir_utf8_count(l->text, r->label_at)};
	char *what = row_name(sec, r, doc->year);
	char *path = row_key(sec, r);
	const imp_splits *sp = &r->sp;
	size_t n = r->row ? r->b->ncols : r->b->ncols * r->b->nrows;
	char *digits = sp->digits ? shown_digits(sp->digits) : NULL;
	const char *hint = _("write the row's cells from the original (docs/import.md, \"Cells run "
	                     "together\")");
	if (sp->count == (size_t)-1)
		gir_diag_at(doc->diags, doc->file, pos, NULL, path, hint,
		            GIR_MSG(ERROR, import_run_too_long,
		                    "%s: %zu characters of cells run together, more than %d: not cut; the "
		                    "source has %s for the row"),
		            what, gir_utf8_count(l->text + r->run_at, r->run_end - r->run_at),
		            RUN_MAX_BYTES, GIR_UNREAD);
	else if (!sp->count || (sp->nsplits && !sp->nalive))
		gir_diag_at(doc->diags, doc->file, pos, NULL, path, hint,
		            GIR_MSG(ERROR, import_run_no_cut,
		                    "%s: \"%s\" cannot be cut into the row's %zu cells (a cell may be "
		                    "blank in the original); the source has %s for the row"),
		            what, digits, n, GIR_UNREAD);
	else if (sp->count > IMP_RUN_MAX_SPLITS)
		gir_diag_at(doc->diags, doc->file, pos, NULL, path, hint,
		            GIR_MSG(ERROR, import_run_too_many_cuts,
		                    "%s: \"%s\" can be cut into the row's %zu cells in more than %d ways; "
		                    "the source has %s for the row"),
		            what, digits, n, IMP_RUN_MAX_SPLITS, GIR_UNREAD);
	else {
		char *cuts = shown_cuts(sp);
		gir_diag_at(doc->diags, doc->file, pos, NULL, path, hint,
		            GIR_MSG(ERROR, import_run_ambiguous,
		                    "%s: \"%s\" runs the row's %zu cells together, and %zu ways to cut "
		                    "it fit the digits and the form's sums: %s; the source has %s for the row"),
		            what, digits, n, sp->nalive, cuts, GIR_UNREAD);
		free(cuts);
	}
	free(what);
	free(path);
	free(digits);
	note_refused(doc, sec, r);
}

/* ---- the narrative's figures ------------------------------------------------- */

/* The numbers the report's narrative states about cells: the template's
 * "prose" rules, read by the prose check's own reader (prose.c) in the
 * line's text outside its table sections; offsets are the line's. */
typedef struct said {
	gir_prose_hit *h;
	size_t n;
} said;

static void add_figures(said *sd, const gir_template *t, const char *text, size_t from, size_t to)
{
	if (to <= from)
		return;
	size_t n;
	gir_prose_hit *h = gir_prose_find(t, text + from, to - from, false, &n);
	for (size_t i = 0; i < n; i++) {
		IMP_GROW(sd->h, sd->n);
		gir_prose_hit x = h[i];
		x.start += from, x.end += from, x.phrase += from;
		sd->h[sd->n++] = x;
	}
	free(h);
}

/* The figures of the line's narrative: the text before its first section
 * heading and the text of every section that is no table. */
static said narrative_figures(const gir_template *t, const char *text, const size_t *at,
                              const gir_section **secs, size_t nh, size_t len)
{
	said sd = {0};
	add_figures(&sd, t, text, 0, nh ? at[0] : len);
	for (size_t k = 0; k < nh; k++) {
		const gir_section *sec = gir_template_section(t, secs[k]->id);
		if (!sec || sec->kind != GIR_TABLE)
			add_figures(&sd, t, text, at[k], k + 1 < nh ? at[k + 1] : len);
	}
	return sd;
}

/* The cell of the run row r that a rule's path names: its index in the
 * row's cuts, or false when the path names no single cell of the row. */
static bool cell_of(const run_row *r, const gir_template *t, const gir_section *sec,
                    const char *path, size_t *cell)
{
	const char *rest;
	const gir_axis *row, *col;
	const gir_block *b = r->b;
	if (gir_path_section(t, path, &rest) != sec || !gir_block_split_path(b, rest, &row, &col))
		return false;
	if (row->nchildren || col->nchildren || row->leaf < 0 || col->leaf < 0 ||
	    (size_t)row->leaf >= b->nrows || (size_t)col->leaf >= b->ncols ||
	    b->row_leaves[row->leaf] != row || b->col_leaves[col->leaf] != col)
		return false;
	if (r->row && row != r->row)
		return false;
	*cell = r->row ? (size_t)col->leaf : (size_t)row->leaf * b->ncols + (size_t)col->leaf;
	return true;
}

/* Whether cell value v (in the column's unit) is the figure the text gives
 * in the hit's unit (the text's number is the cell's times the factor). */
static bool agrees(int64_t v, const gir_prose_hit *h)
{
	int64_t f = h->unit->factor;
	if (f <= 0 || v > INT64_MAX / f || v < -(INT64_MAX / f))
		return false;
	gir_value x = {.v = v * f, .scale = 0, .given = true};
	return !h->said.bad && gir_value_cmp(x, h->said) == 0;
}

/* What the narrative says of a row: the cuts that agree with every figure
 * it states about the row's cells (keep), how many (left), how many
 * figures (used), and the sentences stating them. */
typedef struct told {
	size_t used, left;
	bool *keep;
	char *sentences;
} told;

/* The sentence of the line around byte at: from after the last 。；！？
 * before it to its own end mark, at most about 60 characters each side. */
static void add_sentence(gir_buf *b, const char *text, size_t at)
{
	/* a line break too: the narrative a table's rows are joined with has
	 * one between paragraphs */
	static const char *const ends[] = {"。", "；", "！", "？", "\n"};
	size_t from = at, to = at, len = strlen(text);
	for (int c = 0; from > 0 && c < 60; c++) {
		size_t p = from - 1;
		while (p > 0 && ((unsigned char)text[p] & 0xC0) == 0x80)
			p--;
		bool end = false;
		for (size_t e = 0; e < GIR_ARRAY_LEN(ends) && !end; e++)
			end = strncmp(text + p, ends[e], strlen(ends[e])) == 0;
		if (end)
			break;
		from = p;
	}
	for (int c = 0; to < len && c < 60; c++) {
		bool end = false;
		for (size_t e = 0; e < GIR_ARRAY_LEN(ends) && !end; e++)
			end = strncmp(text + to, ends[e], strlen(ends[e])) == 0;
		size_t step = 1;
		while (to + step < len && ((unsigned char)text[to + step] & 0xC0) == 0x80)
			step++;
		to += step;
		if (end)
			break;
	}
	while (from < to && (text[from] == ' ' || text[from] == '\n'))
		from++;
	while (to > from && (text[to - 1] == ' ' || text[to - 1] == '\n'))
		to--;
	char *s = gir_xstrndup(text + from, to - from);
	if (!b->len || !strstr(b->ptr, s)) {
		if (b->len)
			gir_buf_puts(b, _("\" and \""));
		gir_buf_puts(b, s);
	}
	free(s);
}

/* The cuts of row r still alive that agree with the narrative's figures.
 * A figure is used only when its rule names one cell of the row (not a sum
 * of cells, nor "op": "<=") and that cell is a whole number in every cut:
 * a figure is compared exactly or not at all (the prose reader has already
 * left out 约, 超过, Chinese numerals and the like). */
static told by_text(const run_row *r, const gir_template *t, const gir_section *sec,
                    const said *sd, const char *text)
{
	const imp_splits *sp = &r->sp;
	told tl = {0};
	gir_buf b = {0};
	if (!sp->nsplits)
		return tl;
	tl.keep = gir_xmalloc(sp->nsplits + 1);
	memcpy(tl.keep, sp->alive, sp->nsplits);
	for (size_t i = 0; i < sd->n; i++) {
		const gir_prose_hit *h = &sd->h[i];
		size_t cell;
		if (h->rule->npaths != 1 || h->rule->at_most || !cell_of(r, t, sec, h->rule->paths[0], &cell))
			continue;
		bool whole = true;
		for (size_t s = 0; s < sp->nsplits && whole; s++)
			whole = !sp->alive[s] || sp->whole[s * sp->n + cell];
		if (!whole)
			continue;
		for (size_t s = 0; s < sp->nsplits; s++)
			if (sp->alive[s] && !agrees(sp->vals[s * sp->n + cell], h))
				tl.keep[s] = false;
		tl.used++;
		add_sentence(&b, text, h->phrase);
	}
	for (size_t s = 0; s < sp->nsplits; s++)
		tl.left += tl.keep[s];
	tl.sentences = imp_detach(&b);
	return tl;
}

static void note_decided(imp_doc *doc, const imp_line *l, const gir_section *sec,
                         const run_row *r, const told *tl)
{
	gir_pos pos = {l->no, l->col + (int)gir_utf8_count(l->text, r->label_at)};
	char *what = row_name(sec, r, doc->year);
	char *path = row_key(sec, r);
	char *digits = shown_digits(r->sp.digits);
	size_t s = 0;
	while (!tl->keep[s])
		s++;
	char *cells = imp_split_cells(&r->sp, s, _(", "));
	gir_diag_at(doc->diags, doc->file, pos, NULL, path, NULL,
	            GIR_MSG(NOTE, import_run_by_text,
	                    "%s: \"%s\" is cut as %s: of the %zu ways to cut it that fit the digits "
	                    "and the form's sums, the only one that agrees with the report's text "
	                    "(\"%s\")"),
	            what, digits, cells, r->sp.nalive, tl->sentences);
	free(cells);
	free(digits);
	free(path);
	free(what);
}

/* A row the narrative speaks of but does not decide: refused, saying so. */
static void refuse_told(imp_doc *doc, const imp_line *l, const gir_section *sec,
                        const run_row *r, const told *tl)
{
	gir_pos pos = {l->no, l->col + (int)gir_utf8_count(l->text, r->label_at)};
	char *what = row_name(sec, r, doc->year);
	char *path = row_key(sec, r);
	char *digits = shown_digits(r->sp.digits);
	size_t n = r->sp.n;
	const char *hint = _("write the row's cells from the original (docs/import.md, \"Cells run "
	                     "together\")");
	if (!tl->left) {
		char *cuts = shown_cuts(&r->sp);
		gir_diag_at(doc->diags, doc->file, pos, NULL, path, hint,
		            GIR_MSG(ERROR, import_run_text_disagrees,
		                    "%s: \"%s\" runs the row's %zu cells together; %zu ways to cut it fit "
		                    "the digits and the form's sums (%s), and none agrees with the "
		                    "report's text: \"%s\"; the source has %s for the row"),
		            what, digits, n, r->sp.nalive, cuts, tl->sentences, GIR_UNREAD);
		free(cuts);
	} else {
		imp_splits left = r->sp;
		left.alive = tl->keep;
		char *cuts = shown_cuts(&left);
		gir_diag_at(doc->diags, doc->file, pos, NULL, path, hint,
		            GIR_MSG(ERROR, import_run_ambiguous_text,
		                    "%s: \"%s\" runs the row's %zu cells together, and %zu ways to cut it "
		                    "fit the digits, the form's sums and the report's text (\"%s\"): %s; "
		                    "the source has %s for the row"),
		            what, digits, n, tl->left, tl->sentences, cuts, GIR_UNREAD);
		free(cuts);
	}
	free(digits);
	free(what);
	free(path);
	note_refused(doc, sec, r);
}

/* The edits of one table section in text[from, to), appended to out from
 * *copied on: each row cut with one way left written as "label c1 c2 …",
 * each row with several (or none) taken out with an error.  A row the
 * form's sums leave several ways to cut is decided by the figures the
 * report's narrative states about its cells, when they leave one. */
static void section_edits(imp_doc *doc, const imp_line *l, const gir_template *t,
                          const gir_section *sec, const said *sd, size_t from, size_t to,
                          gir_buf *out, size_t *copied, bool *edited)
{
	words ws = section_words(sec);
	run_row *rr;
	size_t n = find_rows(&ws, l->text, from, to, &rr);
	solve(rr, n, t, sec);
	for (size_t i = 0; i < n; i++) {
		run_row *r = &rr[i];
		if (r->as_is)
			continue;
		*edited = true;
		gir_buf_put(out, l->text + *copied, r->label_at - *copied);
		gir_buf_putc(out, ' ');
		told tl = {0};
		if (r->sp.nalive > 1)
			tl = by_text(r, t, sec, sd, l->text);
		if (tl.used && tl.left == 1)
			note_decided(doc, l, sec, r, &tl);
		else if (tl.used)
			refuse_told(doc, l, sec, r, &tl);
		if (tl.used && tl.left == 1) {
			memcpy(r->sp.alive, tl.keep, r->sp.nsplits);
			r->sp.nalive = 1;
		}
		free(tl.keep);
		free(tl.sentences);
		if (tl.used && tl.left != 1) {
			*copied = r->run_end;
			continue;
		}
		if (r->sp.nalive == 1) {
			size_t s = 0;
			while (!r->sp.alive[s])
				s++;
			char *cells = imp_split_cells(&r->sp, s, " ");
			gir_buf_put(out, l->text + r->label_at, r->run_at - r->label_at);
			gir_buf_printf(out, " %s ", cells);
			free(cells);
		} else {
			refuse(doc, l, sec, r);
		}
		*copied = r->run_end;
	}
	for (size_t i = 0; i < n; i++)
		imp_splits_free(&rr[i].sp);
	free(rr);
	free(ws.w);
}

/* The rows of the template's tables in the line that a run follows. */
static size_t rows_found(const gir_template *t, const char *text, const size_t *at,
                         const size_t *end, const gir_section **secs, size_t nh, size_t len)
{
	size_t found = 0;
	for (size_t k = 0; nh >= 2 && k < nh; k++) {
		const gir_section *sec = gir_template_section(t, secs[k]->id);
		if (!sec || sec->kind != GIR_TABLE)
			continue;
		words ws = section_words(sec);
		run_row *rr;
		size_t n = find_rows(&ws, text, end[k], k + 1 < nh ? at[k + 1] : len, &rr);
		for (size_t i = 0; i < n; i++)
			imp_splits_free(&rr[i].sp);
		free(rr);
		free(ws.w);
		found += n;
	}
	return found;
}

char *imp_unglue_cells(imp_doc *doc, const gir_template *const *ts, size_t nt, const imp_line *l)
{
	const char *text = l->text;
	size_t len = strlen(text);
	size_t *at = NULL, *end = NULL;
	const gir_section **secs = NULL;
	size_t nh = 0;
	for (size_t i = 0; i < len;) {
		const gir_section *sec;
		size_t h = (text[i] & 0xC0) != 0x80 ? imp_heading_at(ts, nt, text + i, &sec) : 0;
		if (!h) {
			i++;
			continue;
		}
		IMP_GROW(at, nh);
		IMP_GROW(end, nh);
		IMP_GROW(secs, nh);
		at[nh] = i, end[nh] = i + h, secs[nh++] = sec;
		i += h;
	}
	/* The layouts of the form differ in their rows ((六)其他处理 one row or
	 * three): the one whose rows the line has most of is cut with. */
	const gir_template *t = ts[0];
	size_t best = nh >= 2 ? rows_found(t, text, at, end, secs, nh, len) : 0;
	for (size_t k = 1; nh >= 2 && k < nt; k++) {
		size_t f = rows_found(ts[k], text, at, end, secs, nh, len);
		if (f > best)
			best = f, t = ts[k];
	}
	said sd = best ? narrative_figures(t, text, at, secs, nh, len) : (said){0};
	gir_buf out = {0};
	size_t copied = 0;
	bool edited = false, *seen = gir_xcalloc(t->nsections + 1, sizeof *seen);
	for (size_t k = 0; best && k < nh; k++) {
		const gir_section *sec = gir_template_section(t, secs[k]->id);
		if (!sec || sec->kind != GIR_TABLE || seen[sec->index])
			continue;
		seen[sec->index] = true;
		section_edits(doc, l, t, sec, &sd, end[k], k + 1 < nh ? at[k + 1] : len, &out, &copied,
		              &edited);
	}
	free(sd.h);
	free(seen);
	free(at), free(end), free(secs);
	if (!edited) {
		gir_buf_free(&out);
		return NULL;
	}
	gir_buf_puts(&out, text + copied);
	return imp_detach(&out);
}

/* ---- a table's rows with more values than cells ------------------------------
 *
 * "1⏎62": the one-cell-a-line copy of a page that had a <span> inside a
 * cell gives its number as two values, and a row has more values than the
 * form has cells.  The ways to join adjacent values into the row's cells
 * (imp_join_values) are the cuts of a run with places between values
 * instead of bytes, and the same rules decide: the form's sums across the
 * whole table (every other row of it read as one cut), then the report's
 * text, else an error naming the ways and 待填. */

/* A row read with as many values as cells: one cut, which the rules use
 * (an amount or a "/" among its cells is of no use to them). */
static void one_cut(run_row *r, const imp_slot *s)
{
	const char **v = gir_xcalloc(s->n + 1, sizeof *v);
	bool *no = gir_xcalloc(s->n + 1, sizeof *no);
	for (size_t k = 0; k < s->n; k++)
		v[k] = *s->values[k] ? s->values[k] : "0";
	if (imp_join_values(v, no, s->n, r->b, s->n, &r->sp) != 0 || r->sp.nsplits != 1)
		imp_splits_free(&r->sp);
	free(v);
	free(no);
}

/* The values as a message shows them, "1 62 0 0 …", at most 40 characters. */
static char *shown_values(const imp_join_row *j)
{
	gir_buf b = {0};
	for (size_t i = 0; i < j->nv; i++) {
		if (i)
			gir_buf_putc(&b, ' ');
		gir_buf_puts(&b, j->vals[i]);
	}
	char *all = imp_detach(&b), *s = shown_digits(all);
	free(all);
	return s;
}

/* What is said of a row that is joined or refused. */
static void join_said(const imp_doc *doc, const gir_section *sec, const run_row *r,
                      const imp_join_row *j, const told *tl)
{
	const imp_splits *sp = &r->sp;
	char *what = row_name(sec, r, doc->year), *vals = shown_values(j), *key = row_key(sec, r);
	const char *hint = _("write the row's cells from the original (docs/import.md, \"Cells split "
	                     "over lines\")");
	size_t n = sp->n, s = 0;
	if (j->starts) {
		const bool *keep = tl->keep ? tl->keep : sp->alive;
		while (!keep[s])
			s++;
	}
	char *cells = j->starts ? imp_split_cells(sp, s, _(", ")) : NULL;
	if (j->starts && tl->used)
		gir_diag_at(doc->diags, doc->file, j->pos, NULL, NULL, NULL,
		            GIR_MSG(NOTE, import_join_by_text,
		                    "%s: %zu values where the row has %zu cells (\"%s\"); read as %s: of "
		                    "the %zu ways to join values split in the copy that fit the form's "
		                    "sums, the only one that agrees with the report's text (\"%s\")"),
		            what, j->nv, n, vals, cells, sp->nalive, tl->sentences);
	else if (j->starts && sp->count == 1)
		gir_diag_at(doc->diags, doc->file, j->pos, NULL, NULL, NULL,
		            GIR_MSG(WARNING, import_joined,
		                    "%s: %zu values where the row has %zu cells (\"%s\"); read as %s, the "
		                    "only way to join values split in the copy into well-formed cells"),
		            what, j->nv, n, vals, cells);
	else if (j->starts)
		gir_diag_at(doc->diags, doc->file, j->pos, NULL, NULL, NULL,
		            GIR_MSG(WARNING, import_joined,
		                    "%s: %zu values where the row has %zu cells (\"%s\"); read as %s, the "
		                    "only one of %zu ways to join values split in the copy that fits the "
		                    "form's sums"),
		            what, j->nv, n, vals, cells, sp->count);
	else if (sp->count > IMP_RUN_MAX_SPLITS)
		gir_diag_at(doc->diags, doc->file, j->pos, NULL, key, hint,
		            GIR_MSG(ERROR, import_join_too_many,
		                    "%s: %zu values where the row has %zu cells (\"%s\"), which can be "
		                    "joined into its cells in more than %d ways; the source has %s for "
		                    "the row"),
		            what, j->nv, n, vals, IMP_RUN_MAX_SPLITS, GIR_UNREAD);
	else if (tl->used && !tl->left) {
		char *ways = shown_cuts(sp);
		gir_diag_at(doc->diags, doc->file, j->pos, NULL, key, hint,
		            GIR_MSG(ERROR, import_join_text_disagrees,
		                    "%s: %zu values where the row has %zu cells (\"%s\"); %zu ways to join "
		                    "values split in the copy fit the form's sums (%s), and none agrees "
		                    "with the report's text: \"%s\"; the source has %s for the row"),
		            what, j->nv, n, vals, sp->nalive, ways, tl->sentences, GIR_UNREAD);
		free(ways);
	} else if (tl->used) {
		imp_splits left = *sp;
		left.alive = tl->keep;
		char *ways = shown_cuts(&left);
		gir_diag_at(doc->diags, doc->file, j->pos, NULL, key, hint,
		            GIR_MSG(ERROR, import_join_ambiguous_text,
		                    "%s: %zu values where the row has %zu cells (\"%s\"), and %zu ways to "
		                    "join values split in the copy fit the form's sums and the report's "
		                    "text (\"%s\"): %s; the source has %s for the row"),
		            what, j->nv, n, vals, tl->left, tl->sentences, ways, GIR_UNREAD);
		free(ways);
	} else {
		char *ways = shown_cuts(sp);
		gir_diag_at(doc->diags, doc->file, j->pos, NULL, key, hint,
		            GIR_MSG(ERROR, import_join_ambiguous,
		                    "%s: %zu values where the row has %zu cells (\"%s\"), and %zu ways to "
		                    "join values split in the copy fit the form's sums: %s; the source "
		                    "has %s for the row"),
		            what, j->nv, n, vals, sp->nalive, ways, GIR_UNREAD);
		free(ways);
	}
	free(cells);
	free(vals);
	free(what);
	free(key);
}

/* The row's one way left, as the first value of each cell. */
static size_t *starts_of(const imp_splits *sp, const bool *keep)
{
	size_t s = 0;
	while (!keep[s])
		s++;
	size_t *st = gir_xcalloc(sp->n + 1, sizeof *st);
	for (size_t m = 0; m < sp->n; m++)
		st[m] = imp_split_value(sp, s, m);
	size_t nv = 0;
	while (sp->at[nv] < strlen(sp->digits))
		nv++;
	st[sp->n] = nv;
	return st;
}

void imp_join_rows(const imp_doc *doc, const imp_table *tab, imp_join_row *jr, size_t n,
                   const char *narrative)
{
	const gir_template *t = doc->tpl;
	const gir_section *sec = tab->sec;
	run_row *rr = gir_xcalloc(tab->nslots + 1, sizeof *rr);
	size_t nrr = 0;
	for (size_t i = 0; i < tab->nslots; i++) {
		const imp_slot *s = &tab->slots[i];
		run_row *r = &rr[nrr];
		*r = (run_row){.b = s->block, .row = s->row};
		size_t k = 0;
		while (k < n && jr[k].slot != s)
			k++;
		if (k < n) {
			size_t cells = s->block->ncols * (jr[k].block_wide ? s->block->nrows : 1);
			if (jr[k].block_wide)
				r->row = NULL; /* every row of the block, one after another */
			if (imp_join_values(jr[k].vals, jr[k].joinable, jr[k].nv, s->block, cells, &r->sp) != 0)
				r->sp.count = (size_t)-1;
		} else if (s->filled && s->n == s->block->ncols) {
			one_cut(r, s);
		}
		nrr++;
	}
	solve(rr, nrr, t, sec);
	said sd = {0};
	if (narrative)
		add_figures(&sd, t, narrative, 0, strlen(narrative));
	for (size_t k = 0; k < n; k++) {
		size_t i = 0;
		while (&tab->slots[i] != jr[k].slot)
			i++;
		run_row *r = &rr[i];
		imp_join_row *j = &jr[k];
		j->starts = NULL;
		/* a row too long to try (40,000 values) is no split cell: said as
		 * any other count that does not fit */
		j->none = !r->sp.count || r->sp.count == (size_t)-1;
		if (j->none)
			continue;
		told tl = {0};
		if (r->sp.nalive > 1 && r->sp.count <= IMP_RUN_MAX_SPLITS)
			tl = by_text(r, t, sec, &sd, narrative ? narrative : "");
		if (r->sp.nalive == 1 && r->sp.count <= IMP_RUN_MAX_SPLITS)
			j->starts = starts_of(&r->sp, r->sp.alive);
		else if (tl.used && tl.left == 1)
			j->starts = starts_of(&r->sp, tl.keep);
		join_said(doc, sec, r, j, &tl);
		free(tl.keep);
		free(tl.sentences);
	}
	for (size_t i = 0; i < nrr; i++)
		imp_splits_free(&rr[i].sp);
	free(rr);
	free(sd.h);
}
