/* The report's arithmetic checked: computed totals against given ones, the
 * template's checks, and last year's carry-over.  Values and cell paths are
 * model.c's. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model.h"
#include "util.h"

/* An error at a computed cell (row × column of section s): its label chain
 * and key path, and the message. */
static void total_error(const gir_report *rep, const gir_section *s, const gir_axis *row,
                        const gir_axis *col, gir_pos pos, gir_diags *d, const char *hint,
                        gir_severity sev, const char *id, const char *fmt, ...)
	__attribute__((format(printf, 10, 11)));

static void total_error(const gir_report *rep, const gir_section *s, const gir_axis *row,
                        const gir_axis *col, gir_pos pos, gir_diags *d, const char *hint,
                        gir_severity sev, const char *id, const char *fmt, ...)
{
	char *rl = gir_axis_label_chain(row, rep->year), *cl = gir_axis_label_chain(col, rep->year);
	char *rp = gir_axis_path(row), *cp = gir_axis_path(col);
	char *label = gir_join_labels(s->heading, rl, cl, (char *)NULL);
	char *path = gir_xasprintf("%s.%s.%s", s->id, rp, cp);
	va_list ap;
	va_start(ap, fmt);
	gir_diag_vat(d, rep->file, pos, label, path, hint, sev, id, fmt, ap);
	va_end(ap);
	free(rl), free(cl), free(rp), free(cp), free(label), free(path);
}

static void total_mismatch(const gir_report *rep, const gir_section *s, const gir_axis *row,
                           const gir_axis *col, gir_value given, gir_value sum, bool rows,
                           gir_diags *d)
{
	char g[32], c[32];
	gir_cell_format(given, g, sizeof g); /* "/" as written */
	gir_value_format(sum, c, sizeof c);
	const char *hint = _("totals are computed; leave the total out, or correct it");
	if (rows)
		total_error(rep, s, row, col, given.pos, d, hint,
		            GIR_MSG(ERROR, total_mismatch_rows,
		                    "the total is given as %s but the rows above it add up to %s"), g, c);
	else
		total_error(rep, s, row, col, given.pos, d, hint,
		            GIR_MSG(ERROR, total_mismatch_columns,
		                    "the total is given as %s but the columns add up to %s"), g, c);
}

/* A total written "/" over cells that are not all N/A. */
static void total_na_mismatch(const gir_report *rep, const gir_section *s, const gir_axis *row,
                              const gir_axis *col, gir_value given, gir_value sum, bool rows,
                              gir_diags *d)
{
	char c[32];
	gir_value_format(sum, c, sizeof c);
	const char *hint = _("a total is not applicable only where all its cells are; write the total, "
	                     "or leave it out");
	if (rows)
		total_error(rep, s, row, col, given.pos, d, hint,
		            GIR_MSG(ERROR, total_na_rows,
		                    "the total is written %s (not applicable) but the rows above it add up to %s"),
		            gir_na_spellings[given.na], c);
	else
		total_error(rep, s, row, col, given.pos, d, hint,
		            GIR_MSG(ERROR, total_na_columns,
		                    "the total is written %s (not applicable) but the columns add up to %s"),
		            gir_na_spellings[given.na], c);
}

/* A total of a template's amounts past 2^63 (a local edition's total over
 * many amount rows): an error, never the wrapped number. */
static void total_overflow(const gir_report *rep, const gir_section *s, const gir_axis *row,
                           const gir_axis *col, gir_value sum, gir_diags *d)
{
	total_error(rep, s, row, col, sum.pos, d, _("check the values for extra digits"),
	            GIR_MSG(ERROR, total_overflow,
	                    "the total is too large to add up (more than 9223372036854.775807)"));
}

/* Replaces a computed cell with its sum, reporting a given value that differs. */
static void set_computed_cell(const gir_report *rep, const gir_section *s, const gir_axis *row,
                   const gir_axis *col, gir_value *cell, gir_value sum, bool rows,
                   gir_diags *d)
{
	bool mismatch = cell->given && !cell->bad && !sum.bad && gir_value_cmp(*cell, sum) != 0;
	/* A total written "/" says its cells are all N/A: a figure among them
	 * contradicts it, even a 0. */
	bool na_mismatch = !mismatch && cell->given && cell->na && !cell->bad && !sum.bad && !sum.na;
	if (d && mismatch)
		total_mismatch(rep, s, row, col, *cell, sum, rows, d);
	if (d && na_mismatch)
		total_na_mismatch(rep, s, row, col, *cell, sum, rows, d);
	mismatch |= na_mismatch;
	if (d && sum.overflow && !cell->overflow) /* reported where it is made, not in later sums */
		total_overflow(rep, s, row, col, sum, d);
	bool given = cell->given, bad = cell->bad || mismatch; /* reported once, not again in a sum */
	gir_pos pos = cell->pos;
	unsigned char na = cell->na;
	*cell = sum;
	cell->empty = false;
	if (given) /* a written total prints as written: 0 over N/A cells stays 0 */
		cell->na = na;
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
				set_computed_cell(rep, s, ra, b->col_leaves[c], gir_cell(sd, b, r, c),
				       gir_sum_rows(sd, b, ra->parent, c), true, d);
	}
	for (size_t c = 0; c < b->ncols; c++) {
		const gir_axis *ca = b->col_leaves[c];
		if (!gir_axis_is_sum(ca))
			continue;
		const gir_axis *group = ca->sum == GIR_SUM_ALL ? &b->cols : ca->parent;
		for (size_t r = 0; r < b->nrows; r++) {
			gir_value sum = GIR_SUM_EMPTY;
			for (int k = group->first_leaf; k < group->first_leaf + group->nleaves; k++)
				if (!gir_axis_is_sum(b->col_leaves[k]))
					sum = gir_value_add(sum, *gir_cell(sd, b, r, (size_t)k));
			set_computed_cell(rep, s, b->row_leaves[r], ca, gir_cell(sd, b, r, c), sum, false, d);
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
	char *label = gir_join_labels(s->heading, ll, (char *)NULL);
	char *lp = gir_axis_path(line);
	char *cp = cellrow ? gir_axis_path(cellrow) : NULL;
	char *path = cp ? gir_xasprintf("%s.%s.%s", s->id, by_column ? cp : lp, by_column ? lp : cp)
	                : gir_xasprintf("%s.%s", s->id, lp);
	/* The template's words, translated when po/zh_CN.po has them
	 * (tools/template-messages collects them). */
	char *msg = fill_message(_(k->message), l, r);
	const char *id = k->previous ? "carry_over_mismatch"
	                 : k->severity == GIR_ERROR ? "template_check" : "template_check_warning";
	gir_diag_at(d, rep->file, pos, label, path, NULL, k->severity, id, "%s", msg);
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
                           gir_value *out, gir_pos *where)
{
	const gir_section *ps = gir_template_section(prev->tpl, k->section->id);
	char *cpath = gir_axis_path(col);
	bool ok = ps != NULL;
	*out = (gir_value){0};
	*where = ps ? prev->sections[ps->index].pos : (gir_pos){0, 0}; /* the table, if nothing nearer */
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
	if (ok && out->given && out->pos.line)
		*where = out->pos;
	return ok;
}

/* Where last year's side of a failed carry-over check stands in last year's
 * source: a note at its file, line and column (or at the file alone when
 * the rows are left out there, so 0). */
static void previous_note(const gir_report *rep, const gir_report *prev, const gir_check *k,
                          const gir_axis *col, gir_value r, gir_pos where, gir_diags *d)
{
	gir_buf rows = {0};
	for (size_t i = 0; i < k->nright; i++) {
		char *l = gir_axis_label_chain(k->right[i], prev->year);
		gir_buf_printf(&rows, "%s%s", i ? " + " : "", l);
		free(l);
	}
	char *cl = gir_axis_label_chain(col, prev->year);
	char *label = gir_join_labels(k->section->heading, rows.ptr ? rows.ptr : "", cl, (char *)NULL);
	char *rp = k->nright ? gir_axis_path(k->right[0]) : gir_xstrdup(""), *cp = gir_axis_path(col);
	char *path = gir_xasprintf("%s.%s.%s", k->section->id, rp, cp);
	char v[32];
	gir_value_format(r, v, sizeof v);
	if (r.given)
		gir_diag_at(d, prev->file, where, label, path, NULL,
		            GIR_MSG(NOTE, carry_over_last_year, "last year's %d report gives %s here"),
		            prev->year, v);
	else
		gir_diag_at(d, prev->file, where, label, path, NULL,
		            GIR_MSG(NOTE, carry_over_last_year_absent,
		                "last year's %d report leaves this out, so %s"),
		            prev->year, v);
	(void)rep;
	gir_buf_free(&rows);
	free(cl), free(label), free(rp), free(cp), free(path);
}

static void check_previous_one(const gir_report *rep, const gir_report *prev, const gir_check *k,
                               gir_diags *d)
{
	const gir_block *b = k->block;
	const gir_section_data *sd = &rep->sections[k->section->index];
	for (size_t at = 0; at < b->ncols; at++) {
		gir_value r;
		gir_pos where;
		if (!applies(k, at) || !previous_value(prev, k, b->col_leaves[at], &r, &where))
			continue;
		gir_value l = side_sum(sd, b, k->left, k->nleft, true, at);
		if (fails(k, l, r)) {
			report_failure(rep, k, at, l, r, d);
			previous_note(rep, prev, k, b->col_leaves[at], r, where, d);
		}
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

/* The errors the arithmetic of one section (its totals and its checks)
 * reports with its cells as they are now, into d; the cells are left as they
 * were.  The validator weighs readings of a doubtful row with it. */
size_t gir_section_trial(const gir_report *rep, const gir_section *s, gir_diags *d)
{
	gir_section_data *sd = &rep->sections[s->index];
	size_t before = gir_diags_count_severity(d, GIR_ERROR);
	if (sd->incomplete)
		return 0;
	gir_value *saved = gir_xmalloc((s->ncells + 1) * sizeof *saved);
	memcpy(saved, sd->cells, (s->ncells + 1) * sizeof *saved);
	for (size_t b = 0; b < s->nblocks; b++)
		block_totals(rep, s, s->blocks[b], sd, d);
	for (size_t i = 0; i < rep->tpl->nchecks; i++) {
		const gir_check *k = rep->tpl->checks[i];
		if (k->block && !k->previous && k->section == s)
			check_one(rep, k, d);
	}
	memcpy(sd->cells, saved, (s->ncells + 1) * sizeof *saved);
	free(saved);
	return gir_diags_count_severity(d, GIR_ERROR) - before;
}

int gir_report_check_previous(const gir_report *rep, const gir_report *prev, gir_diags *d)
{
	size_t before = gir_diags_count_severity(d, GIR_ERROR);
	if (prev->year != rep->year - 1) {
		/* Comparing with another year's carry-over would only mislead. */
		const char *label = rep->tpl->field_labels[GIR_F_PREVIOUS];
		gir_diag_at(d, rep->file, rep->previous_pos, label, "previous",
		            _("point previous: at the source of the year before"),
		            GIR_MSG(WARNING, previous_wrong_year,
		                "%s is the report of %d, not of %d"),
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
