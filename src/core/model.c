/* The report model's own arithmetic and addressing: exact values (sums,
 * comparison, formatting), the date as the signature prints it, and the
 * cells an id path names.  check.c (totals, checks), figures.c (summary
 * figures) and the renderers use it; it uses nothing but the model. */
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
	/* N/A stays N/A only while every term is N/A (GIR_SUM_EMPTY starts it). */
	r.empty = a.empty && b.empty;
	if ((a.na || a.empty) && (b.na || b.empty))
		r.na = a.na ? a.na : b.na;
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

void gir_cell_format(gir_value v, char *out, size_t cap)
{
	if (v.na)
		snprintf(out, cap, "%s", gir_na_spellings[v.na]);
	else
		gir_value_format(v, out, cap);
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

gir_value gir_sum_rows(const gir_section_data *sd, const gir_block *b, const gir_axis *row,
                       size_t col)
{
	if (row->leaf >= 0)
		return *gir_cell(sd, b, (size_t)row->leaf, col);
	gir_value s = GIR_SUM_EMPTY;
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
	gir_value s = GIR_SUM_EMPTY;
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
	gir_value s = GIR_SUM_EMPTY;
	for (int c = col->first_leaf; c < col->first_leaf + col->nleaves; c++)
		if (!gir_axis_is_sum(b->col_leaves[c]))
			s = gir_value_add(s, gir_sum_rows(sd, b, row, (size_t)c));
	return s;
}

bool gir_report_resolve(const gir_report *rep, const char *path, gir_cell_ref *out)
{
	const char *rest;
	const gir_section *s = gir_path_section(rep->tpl, path, &rest);
	if (!s)
		return false;
	size_t found = 0;
	gir_cell_ref whole = {0};
	for (size_t i = 0; i < s->nblocks; i++) {
		const gir_block *b = s->blocks[i];
		gir_cell_ref r = {.section = s, .block = b};
		if (!gir_block_split_path(b, rest, &r.row, &r.col))
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
	char *rl = gir_axis_label_chain(r->row, rep->year);
	char *cl = gir_axis_label_chain(r->col, rep->year);
	char *label = gir_join_labels(with_section ? r->section->heading : "", rl, cl, (char *)NULL);
	free(rl), free(cl);
	return label;
}

