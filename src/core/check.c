/* Arithmetic: computed totals, the template's checks, and exact values. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model.h"
#include "util.h"


/* a × 10^(s - scale), false on overflow. */
static bool rescale(int64_t v, int scale, int s, int64_t *out)
{
	return !__builtin_mul_overflow(v, gir_pow10(s - scale), out);
}

gir_value gir_value_add(gir_value a, gir_value b)
{
	int s = a.scale > b.scale ? a.scale : b.scale;
	int64_t x, y, sum;
	/* Sums of many amounts near 10^12 with six decimals pass 2^63: such a
	 * total is marked bad (not shown as a wrapped number). */
	bool over = !rescale(a.v, a.scale, s, &x) || !rescale(b.v, b.scale, s, &y) ||
	            __builtin_add_overflow(x, y, &sum);
	gir_value r = {.v = over ? 0 : sum, .scale = s};
	r.given = a.given || b.given;
	r.bad = a.bad || b.bad || over;
	r.overflow = a.overflow || b.overflow || over;
	/* The first written operand, else the first with a position. */
	r.pos = a.given ? a.pos : b.given ? b.pos : a.pos.line ? a.pos : b.pos;
	return r;
}

int gir_value_cmp(gir_value a, gir_value b)
{
	int s = a.scale > b.scale ? a.scale : b.scale;
	__int128 x = (__int128)a.v * gir_pow10(s - a.scale), y = (__int128)b.v * gir_pow10(s - b.scale);
	return x < y ? -1 : x > y;
}

void gir_value_format(gir_value v, char *out, size_t cap)
{
	if (v.scale == 0) {
		snprintf(out, cap, "%lld", (long long)v.v);
		return;
	}
	int64_t p = gir_pow10(v.scale), mag = v.v < 0 ? -v.v : v.v;
	snprintf(out, cap, "%s%lld.%0*lld", v.v < 0 ? "-" : "", (long long)(mag / p), v.scale,
	         (long long)(mag % p));
}

char *gir_report_date_text(const gir_report *rep)
{
	if (!rep->date.year)
		return NULL;
	gir_buf b = {0};
	const int parts[3] = {rep->date.year, rep->date.month, rep->date.day};
	static const char *const names[3] = {"{year}", "{month}", "{day}"};
	for (const char *p = rep->date_format ? rep->date_format : rep->tpl->date_format; *p;) {
		int k = 0;
		while (k < 3 && strncmp(p, names[k], strlen(names[k])) != 0)
			k++;
		if (k < 3) {
			gir_buf_printf(&b, "%d", parts[k]);
			p += strlen(names[k]);
		} else {
			gir_buf_putc(&b, *p++);
		}
	}
	return gir_buf_detach(&b);
}

void gir_cn_number(int n, char *out, size_t cap)
{
	static const char *const d[] = {"", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
	if (n <= 0 || n > 99)
		snprintf(out, cap, "%d", n);
	else if (n < 10)
		snprintf(out, cap, "%s", d[n]);
	else
		snprintf(out, cap, "%s十%s", n >= 20 ? d[n / 10] : "", d[n % 10]);
}

gir_value gir_sum_rows(const gir_section_data *sd, const gir_block *b, const gir_axis *row,
                       size_t col)
{
	if (row->leaf >= 0)
		return *gir_cell(sd, b, (size_t)row->leaf, col);
	gir_value s = {0};
	for (int r = row->first_leaf; r < row->first_leaf + row->nleaves; r++)
		if (!gir_axis_is_sum(b->row_leaves[r]))
			s = gir_value_add(s, *gir_cell(sd, b, (size_t)r, col));
	return s;
}

gir_value gir_sum_cols(const gir_section_data *sd, const gir_block *b, size_t row,
                       const gir_axis *col)
{
	if (col->leaf >= 0)
		return *gir_cell(sd, b, row, (size_t)col->leaf);
	gir_value s = {0};
	for (int c = col->first_leaf; c < col->first_leaf + col->nleaves; c++)
		if (!gir_axis_is_sum(b->col_leaves[c]))
			s = gir_value_add(s, *gir_cell(sd, b, row, (size_t)c));
	return s;
}

/* The sum of the cells of a row node and a column node (either may be a
 * group; computed totals inside a group are left out of its sum). */
static gir_value sum_block(const gir_section_data *sd, const gir_block *b, const gir_axis *row,
                           const gir_axis *col)
{
	if (col->leaf >= 0)
		return gir_sum_rows(sd, b, row, (size_t)col->leaf);
	gir_value s = {0};
	for (int c = col->first_leaf; c < col->first_leaf + col->nleaves; c++)
		if (!gir_axis_is_sum(b->col_leaves[c]))
			s = gir_value_add(s, gir_sum_rows(sd, b, row, (size_t)c));
	return s;
}

/* The column a row path alone stands for: the only one, or the total. */
static const gir_axis *whole_row(const gir_block *b)
{
	if (b->ncols == 1)
		return b->col_leaves[0];
	for (size_t c = 0; c < b->ncols; c++)
		if (b->col_leaves[c]->sum == GIR_SUM_ALL)
			return b->col_leaves[c];
	return NULL;
}

/* Whether a block has a computed total row: then a column alone (the sum of
 * every row) would add up rows that are not parts of one whole. */
static bool has_total_row(const gir_block *b)
{
	for (size_t r = 0; r < b->nrows; r++)
		if (gir_axis_is_sum(b->row_leaves[r]))
			return true;
	return false;
}

/* Splits "withheld.state_secret.natural" into a row path and a column path
 * of the block: the longest row prefix whose rest names a column.  A column
 * alone ("total" in 四) stands for the column over every row. */
static bool resolve_in_block(const gir_block *b, const char *rest, const gir_axis **row,
                             const gir_axis **col)
{
	for (const char *dot = rest + strlen(rest);; dot--) {
		if (*dot == '.' || *dot == '\0') {
			char *rows = gir_xstrndup(rest, (size_t)(dot - rest));
			*row = gir_axis_find_path(&b->rows, rows);
			*col = *dot ? gir_axis_find_path(&b->cols, dot + 1) : whole_row(b);
			free(rows);
			if (*row && *col && *row != &b->rows && *col != &b->cols)
				return true;
		}
		if (dot == rest)
			break;
	}
	*row = &b->rows;
	*col = *rest && !has_total_row(b) ? gir_axis_find_path(&b->cols, rest) : NULL;
	return *col && *col != &b->cols;
}

bool gir_report_resolve(const gir_report *rep, const char *path, gir_cell_ref *out)
{
	const char *dot = strchr(path, '.');
	if (!dot || path[0] == '.' || strstr(path, "..") || path[strlen(path) - 1] == '.')
		return false; /* an empty part would name the root of a tree */
	char *sid = gir_xstrndup(path, (size_t)(dot - path));
	const gir_section *s = gir_template_section(rep->tpl, sid);
	free(sid);
	if (!s || s->kind != GIR_TABLE)
		return false;
	size_t found = 0;
	gir_cell_ref whole = {0};
	for (size_t i = 0; i < s->nblocks; i++) {
		const gir_block *b = s->blocks[i];
		gir_cell_ref r = {.section = s, .block = b};
		if (!resolve_in_block(b, dot + 1, &r.row, &r.col))
			continue;
		r.value = sum_block(&rep->sections[s->index], b, r.row, r.col);
		if (r.row != &b->rows) {
			*out = r;
			return true;
		}
		whole = r;
		found++;
	}
	/* A column of several blocks (二's 处理决定数量) is ambiguous alone. */
	if (found == 1)
		*out = whole;
	return found == 1;
}

bool gir_report_lookup(const gir_report *rep, const char *path, gir_value *out)
{
	gir_cell_ref r;
	if (!gir_report_resolve(rep, path, &r))
		return false;
	*out = r.value;
	return true;
}

bool gir_cell_ref_computed(const gir_cell_ref *r)
{
	if (r->row->leaf < 0 || r->col->leaf < 0)
		return true; /* a group of rows or columns */
	return (gir_axis_is_sum(r->row) || gir_axis_is_sum(r->col)) && !r->value.given;
}

char *gir_cell_ref_label(const gir_report *rep, const gir_cell_ref *r, bool with_section)
{
	gir_buf b = {0};
	if (with_section)
		gir_buf_puts(&b, r->section->heading);
	char *rl = gir_axis_label_chain(r->row, rep->year);
	char *cl = gir_axis_label_chain(r->col, rep->year);
	const char *parts[2] = {rl, cl};
	for (int i = 0; i < 2; i++)
		if (*parts[i])
			gir_buf_printf(&b, "%s%s", b.len ? " · " : "", parts[i]);
	free(rl), free(cl);
	return gir_buf_detach(&b);
}

static void total_mismatch(const gir_report *rep, const gir_section *s, const gir_axis *row,
                           const gir_axis *col, gir_value given, gir_value sum, const char *what,
                           gir_diags *d)
{
	char g[32], c[32];
	gir_value_format(given, g, sizeof g);
	gir_value_format(sum, c, sizeof c);
	char *rl = gir_axis_label_chain(row, rep->year), *cl = gir_axis_label_chain(col, rep->year);
	char *rp = gir_axis_path(row), *cp = gir_axis_path(col);
	char *label = gir_xasprintf("%s · %s · %s", s->heading, rl, cl);
	char *path = gir_xasprintf("%s.%s.%s", s->id, rp, cp);
	gir_diag_at(d, GIR_ERROR, rep->file, given.pos, label, path,
	            "totals are computed; leave the total out, or correct it",
	            "the total is given as %s but the %s add up to %s", g, what, c);
	free(rl), free(cl), free(rp), free(cp), free(label), free(path);
}

/* A total of a template's amounts past 2^63 (a local edition's total over
 * many amount rows): an error, never the wrapped number. */
static void total_overflow(const gir_report *rep, const gir_section *s, const gir_axis *row,
                           const gir_axis *col, gir_value sum, gir_diags *d)
{
	char *rl = gir_axis_label_chain(row, rep->year), *cl = gir_axis_label_chain(col, rep->year);
	char *rp = gir_axis_path(row), *cp = gir_axis_path(col);
	char *label = gir_xasprintf("%s · %s · %s", s->heading, rl, cl);
	char *path = gir_xasprintf("%s.%s.%s", s->id, rp, cp);
	gir_diag_at(d, GIR_ERROR, rep->file, sum.pos, label, path,
	            "check the values for extra digits",
	            "the total is too large to add up (more than 9223372036854.775807)");
	free(rl), free(cl), free(rp), free(cp), free(label), free(path);
}

/* Replaces a computed cell with its sum, reporting a given value that differs. */
static void settle(const gir_report *rep, const gir_section *s, const gir_axis *row,
                   const gir_axis *col, gir_value *cell, gir_value sum, const char *what,
                   gir_diags *d)
{
	bool mismatch = cell->given && !cell->bad && !sum.bad && gir_value_cmp(*cell, sum) != 0;
	if (d && mismatch)
		total_mismatch(rep, s, row, col, *cell, sum, what, d);
	if (d && sum.overflow && !cell->overflow) /* reported where it is made, not in later sums */
		total_overflow(rep, s, row, col, sum, d);
	bool given = cell->given, bad = cell->bad || mismatch; /* reported once, not again in a sum */
	gir_pos pos = cell->pos;
	*cell = sum;
	cell->given = given;
	cell->bad = bad || sum.bad;
	cell->pos = given ? pos : sum.pos;
}

static void block_totals(const gir_report *rep, const gir_section *s, const gir_block *b,
                         gir_section_data *sd, gir_diags *d)
{
	/* Total rows first, over the input columns; then total columns, over
	 * every row, so a total row's own total is the sum of its sums. */
	for (size_t r = 0; r < b->nrows; r++) {
		const gir_axis *ra = b->row_leaves[r];
		if (!gir_axis_is_sum(ra))
			continue;
		for (size_t c = 0; c < b->ncols; c++)
			if (!gir_axis_is_sum(b->col_leaves[c]))
				settle(rep, s, ra, b->col_leaves[c], gir_cell(sd, b, r, c),
				       gir_sum_rows(sd, b, ra->parent, c), "rows above it", d);
	}
	for (size_t c = 0; c < b->ncols; c++) {
		const gir_axis *ca = b->col_leaves[c];
		if (!gir_axis_is_sum(ca))
			continue;
		const gir_axis *group = ca->sum == GIR_SUM_ALL ? &b->cols : ca->parent;
		for (size_t r = 0; r < b->nrows; r++) {
			gir_value sum = {0};
			for (int k = group->first_leaf; k < group->first_leaf + group->nleaves; k++)
				if (!gir_axis_is_sum(b->col_leaves[k]))
					sum = gir_value_add(sum, *gir_cell(sd, b, r, (size_t)k));
			settle(rep, s, b->row_leaves[r], ca, gir_cell(sd, b, r, c), sum, "columns", d);
		}
	}
}

void gir_compute_totals(const gir_report *rep, gir_diags *d)
{
	const gir_template *t = rep->tpl;
	for (size_t i = 0; i < t->nsections; i++) {
		const gir_section *s = t->sections[i];
		gir_diags *to = rep->sections[i].incomplete ? NULL : d;
		for (size_t b = 0; b < s->nblocks; b++)
			block_totals(rep, s, s->blocks[b], &rep->sections[i], to);
	}
}

/* Sum of a list of rows at a column (or columns at a row). */
static gir_value side_sum(const gir_section_data *sd, const gir_block *b, const gir_axis **ops,
                          size_t n, bool by_column, size_t at)
{
	gir_value s = {0};
	for (size_t i = 0; i < n; i++)
		s = gir_value_add(s, by_column ? gir_sum_rows(sd, b, ops[i], at)
		                               : gir_sum_cols(sd, b, at, ops[i]));
	return s;
}

static char *fill_message(const char *tmpl, gir_value l, gir_value r)
{
	char ls[32], rs[32];
	gir_value_format(l, ls, sizeof ls);
	gir_value_format(r, rs, sizeof rs);
	gir_buf b = {0};
	for (const char *p = tmpl; *p;) {
		if (strncmp(p, "{left}", 6) == 0)
			gir_buf_puts(&b, ls), p += 6;
		else if (strncmp(p, "{right}", 7) == 0)
			gir_buf_puts(&b, rs), p += 7;
		else
			gir_buf_putc(&b, *p++);
	}
	return gir_buf_detach(&b);
}

/* The cell a failed check points at: the first one the author wrote among
 * the operands, else the section key. */
static gir_pos check_pos(const gir_section_data *sd, const gir_block *b, const gir_check *k,
                         bool by_column, size_t at, const gir_axis **where)
{
	const gir_axis **lists[2] = {k->left, k->right};
	size_t ns[2] = {k->nleft, k->previous ? 0 : k->nright};
	for (int side = 0; side < 2; side++)
		for (size_t i = 0; i < ns[side]; i++) {
			const gir_axis *a = lists[side][i];
			int first = a->leaf >= 0 ? a->leaf : a->first_leaf;
			int last = a->leaf >= 0 ? a->leaf : a->first_leaf + a->nleaves - 1;
			for (int j = first; j <= last; j++) {
				const gir_value *v = by_column ? gir_cell(sd, b, (size_t)j, at)
				                               : gir_cell(sd, b, at, (size_t)j);
				if (v->given) {
					*where = by_column ? b->row_leaves[j] : b->col_leaves[j];
					return v->pos;
				}
			}
		}
	*where = NULL;
	return sd->pos;
}

static void report_failure(const gir_report *rep, const gir_check *k, size_t at, gir_value l,
                           gir_value r, gir_diags *d)
{
	const gir_section *s = k->section;
	const gir_block *b = k->block;
	const gir_section_data *sd = &rep->sections[s->index];
	bool by_column = k->each == GIR_EACH_COLUMN;
	const gir_axis *line = by_column ? b->col_leaves[at] : b->row_leaves[at];
	const gir_axis *cellrow = NULL;
	gir_pos pos = check_pos(sd, b, k, by_column, at, &cellrow);
	if (!cellrow && k->nleft)
		cellrow = k->left[0]; /* nothing written: name the first operand */
	char *ll = gir_axis_label_chain(line, rep->year);
	char *label = gir_xasprintf("%s · %s", s->heading, ll);
	char *lp = gir_axis_path(line);
	char *cp = cellrow ? gir_axis_path(cellrow) : NULL;
	char *path = cp ? gir_xasprintf("%s.%s.%s", s->id, by_column ? cp : lp, by_column ? lp : cp)
	                : gir_xasprintf("%s.%s", s->id, lp);
	char *msg = fill_message(k->message, l, r);
	gir_diag_at(d, k->severity, rep->file, pos, label, path, NULL, "%s", msg);
	free(ll), free(label), free(lp), free(cp), free(path), free(msg);
}

static bool fails(const gir_check *k, gir_value l, gir_value r)
{
	int c = gir_value_cmp(l, r);
	if (l.bad || r.bad)
		return false; /* a value already reported as invalid proves nothing */
	return k->op == GIR_OP_EQ ? c != 0 : c > 0;
}

/* Whether the check applies to this column (or row): not to totals, which
 * balance when their parts do, and only to the rows a check lists. */
static bool applies(const gir_check *k, size_t at)
{
	const gir_block *b = k->block;
	const gir_axis *line = k->each == GIR_EACH_COLUMN ? b->col_leaves[at] : b->row_leaves[at];
	if (gir_axis_is_sum(line))
		return false;
	bool listed = k->nonly == 0;
	for (size_t i = 0; i < k->nonly; i++)
		listed |= k->only[i] == line;
	return listed;
}

static void check_one(const gir_report *rep, const gir_check *k, gir_diags *d)
{
	const gir_block *b = k->block;
	const gir_section_data *sd = &rep->sections[k->section->index];
	bool by_column = k->each == GIR_EACH_COLUMN;
	size_t n = by_column ? b->ncols : b->nrows;
	for (size_t at = 0; at < n; at++) {
		if (!applies(k, at))
			continue;
		gir_value l = side_sum(sd, b, k->left, k->nleft, by_column, at);
		gir_value r = side_sum(sd, b, k->right, k->nright, by_column, at);
		if (fails(k, l, r))
			report_failure(rep, k, at, l, r, d);
	}
}

/* Last year's value of the check's right side in one column, found by ids so
 * that a 2020 report (gov-2019) and a 2021 one (gov-2021) still compare. */
static bool previous_value(const gir_report *prev, const gir_check *k, const gir_axis *col,
                           gir_value *out)
{
	const gir_section *ps = gir_template_section(prev->tpl, k->section->id);
	char *cpath = gir_axis_path(col);
	bool ok = ps != NULL;
	*out = (gir_value){0};
	for (size_t i = 0; ok && i < k->nright; i++) {
		char *rpath = gir_axis_path(k->right[i]);
		const gir_axis *row = NULL, *pc = NULL;
		const gir_block *pb = NULL;
		for (size_t j = 0; j < ps->nblocks && !row; j++) {
			row = gir_axis_find_path(&ps->blocks[j]->rows, rpath);
			pb = ps->blocks[j];
		}
		if (row)
			pc = gir_axis_find_path(&pb->cols, cpath);
		ok = pc && pc->leaf >= 0;
		if (ok)
			*out = gir_value_add(*out, gir_sum_rows(&prev->sections[ps->index], pb, row,
			                                        (size_t)pc->leaf));
		free(rpath);
	}
	free(cpath);
	return ok;
}

static void check_previous_one(const gir_report *rep, const gir_report *prev, const gir_check *k,
                               gir_diags *d)
{
	const gir_block *b = k->block;
	const gir_section_data *sd = &rep->sections[k->section->index];
	for (size_t at = 0; at < b->ncols; at++) {
		gir_value r;
		if (!applies(k, at) || !previous_value(prev, k, b->col_leaves[at], &r))
			continue;
		gir_value l = side_sum(sd, b, k->left, k->nleft, true, at);
		if (fails(k, l, r))
			report_failure(rep, k, at, l, r, d);
	}
}

void gir_run_checks(const gir_report *rep, gir_diags *d)
{
	for (size_t i = 0; i < rep->tpl->nchecks; i++) {
		const gir_check *k = rep->tpl->checks[i];
		if (k->block && !k->previous && !rep->sections[k->section->index].incomplete)
			check_one(rep, k, d);
	}
}

int gir_report_check_previous(const gir_report *rep, const gir_report *prev, gir_diags *d)
{
	size_t before = gir_diags_count_severity(d, GIR_ERROR);
	if (prev->year != rep->year - 1) {
		/* Comparing with another year's carry-over would only mislead. */
		const char *label = rep->tpl->field_labels[GIR_F_PREVIOUS];
		gir_diag_at(d, GIR_WARNING, rep->file, rep->previous_pos, label, "previous",
		            "point previous: at the source of the year before", "%s is the report of %d, not of %d",
		            prev->file, prev->year, rep->year - 1);
		return 0;
	}
	for (size_t i = 0; i < rep->tpl->nchecks; i++) {
		const gir_check *k = rep->tpl->checks[i];
		if (k->block && k->previous && k->each == GIR_EACH_COLUMN)
			check_previous_one(rep, prev, k, d);
	}
	return (int)(gir_diags_count_severity(d, GIR_ERROR) - before);
}
