/* The summary table behind `gireport summary`: rows of key figures, the
 * union of the editions' figure lists as columns, totals, and three
 * writers (CSV for spreadsheets, Markdown, JSON).  Which numbers are key
 * figures is the templates' business ("summary"); nothing here names one. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "figures.h"
#include "model.h"
#include "node.h"
#include "markdown.h"
#include "utf8.h"
#include "util.h"

typedef struct sfig {
	const char *id;       /* owned by the row's template */
	const char *label;
	gir_value v;
} sfig;

typedef struct srow {
	char *file;
	char *agency;         /* NULL when unknown (a source that is not YAML) */
	char *template_id;    /* NULL when unknown */
	int year;             /* 0 when unknown */
	size_t errors;
	bool failed, unreadable;
	sfig *figs;           /* the template's figures, in its order; none when failed */
	size_t nfigs;
} srow;

typedef struct column {
	const char *id, *label;
} column;

/* The rows of one report year, and their 合计: reports of different years
 * are never added together (2021's requests and 2024's are not one
 * district's figure).  Rows whose year is unknown (failed sources) form the
 * last group, and have no total of their own unless they are all there is. */
typedef struct year_group {
	int year;             /* 0: unknown */
	size_t first, n;      /* rows [first, first + n) */
	size_t ok, failed;
	gir_value *total;     /* per column */
	bool *total_ok;       /* every row of the year without errors has this figure */
} year_group;

struct gir_summary {
	const char *overflow; /* the label of a figure or 合计 too large to add up */
	char *const *words;   /* the template's "summary_words" (GIR_SW_*) */
	srow *rows;
	size_t n, cap;
	column *cols;         /* computed by sort_and_total() */
	size_t ncols;
	year_group *groups;   /* computed by sort_and_total(), in year order */
	size_t ngroups;
	size_t nfailed;
};

gir_summary *gir_summary_new(const gir_registry *reg)
{
	gir_summary *s = gir_xcalloc(1, sizeof(gir_summary));
	for (size_t i = 0; i < gir_registry_count(reg) && !s->words; i++)
		if (gir_registry_at(reg, i)->summary_words[0])
			s->words = gir_registry_at(reg, i)->summary_words;
	return s;
}

/* A word of the summary table; "?" when no template of the registry has
 * "summary_words" (then none has a "summary" either, and the table is
 * only its frame). */
static const char *word(const gir_summary *s, int w)
{
	return s->words ? s->words[w] : "?";
}

static void free_groups(gir_summary *s)
{
	for (size_t g = 0; g < s->ngroups; g++) {
		free(s->groups[g].total);
		free(s->groups[g].total_ok);
	}
	free(s->groups);
	s->groups = NULL;
	s->ngroups = 0;
}

void gir_summary_free(gir_summary *s)
{
	if (!s)
		return;
	for (size_t i = 0; i < s->n; i++) {
		free(s->rows[i].file);
		free(s->rows[i].agency);
		free(s->rows[i].template_id);
		free(s->rows[i].figs);
	}
	free(s->rows);
	free(s->cols);
	free_groups(s);
	free(s);
}

static srow *new_row(gir_summary *s, const char *file)
{
	if (s->n == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 16;
		s->rows = gir_xrealloc(s->rows, s->cap * sizeof(srow));
	}
	srow *r = &s->rows[s->n++];
	gir_buf name = {0}; /* file names are not checked text: shown as diagnostics show them */
	gir_put_visible(&name, file);
	*r = (srow){.file = gir_buf_detach(&name)};
	return r;
}

void gir_summary_add(gir_summary *s, const char *file, const gir_report *rep)
{
	srow *r = new_row(s, file);
	const gir_template *t = rep->tpl;
	r->agency = gir_xstrdup(rep->agency);
	r->template_id = gir_xstrdup(t->id);
	r->year = rep->year;
	r->figs = gir_xcalloc(t->nfigures + 1, sizeof(sfig));
	for (size_t i = 0; i < t->nfigures; i++) {
		sfig *f = &r->figs[r->nfigs];
		if (!gir_report_figure(rep, &t->figures[i], &f->v))
			continue;
		if (f->v.bad) { /* past 2^63: left out, and an error (gir_summary_overflow) */
			s->overflow = s->overflow ? s->overflow : t->figures[i].label;
			continue;
		}
		f->id = t->figures[i].id;
		f->label = t->figures[i].label;
		r->nfigs++;
	}
}

/* ---- what a failed source says about itself -------------------------------- */

/* A top-level key naming a field: its id or its label in any edition. */
static bool names_field(const gir_registry *reg, const gir_node *key, gir_field f)
{
	if (key->kind != GIR_SCALAR)
		return false;
	if (gir_same_key(key->text, gir_field_ids[f]))
		return true;
	for (size_t i = 0; i < gir_registry_count(reg); i++)
		if (gir_same_key(key->text, gir_registry_label(reg, i, f)))
			return true;
	return false;
}

static int year_of(const gir_node *v)
{
	if (v->kind != GIR_SCALAR || v->len != 4 || strspn(v->text, "0123456789") != 4)
		return 0;
	return atoi(v->text);
}

/* A failed source's agency or template, unchecked: its control and bidi
 * characters are shown as <U+001B>, so no output (a terminal's among them)
 * receives an escape sequence. */
static char *text_of(const gir_node *v)
{
	if (v->kind != GIR_SCALAR || !v->len)
		return NULL;
	gir_buf b = {0};
	gir_put_visible(&b, v->text);
	return gir_buf_detach(&b);
}

/* The edition a source without `template:` gets (as validate.c chooses). */
static const char *edition_for_year(const gir_registry *reg, int year)
{
	const gir_template *t = year ? gir_registry_for_year(reg, year) : NULL;
	return t ? gir_template_id(t) : NULL;
}

void gir_summary_add_failed(gir_summary *s, const gir_registry *reg, const char *file,
                            const char *text, size_t len, size_t errors, int unreadable,
                            const char *default_template)
{
	srow *r = new_row(s, file);
	r->failed = true;
	r->unreadable = unreadable;
	r->errors = errors;
	s->nfailed++;
	if (!text)
		return;
	gir_diags *d = gir_diags_new();
	gir_doc *doc = gir_yaml_load(file, text, len, d);
	const gir_node *root = doc ? gir_doc_root(doc) : NULL;
	for (size_t i = 0; root && root->kind == GIR_MAP && i < root->n; i++) {
		const gir_node *k = gir_map_key(root, i), *v = gir_map_value(root, i);
		if (!r->agency && names_field(reg, k, GIR_F_AGENCY))
			r->agency = text_of(v);
		else if (!r->year && names_field(reg, k, GIR_F_YEAR))
			r->year = year_of(v);
		else if (!r->template_id && names_field(reg, k, GIR_F_TEMPLATE))
			r->template_id = text_of(v);
	}
	gir_doc_free(doc);
	gir_diags_free(d);
	const char *chosen = default_template ? default_template : edition_for_year(reg, r->year);
	if (!r->template_id && chosen)
		r->template_id = gir_xstrdup(chosen);
}

size_t gir_summary_failed(const gir_summary *s)
{
	return s->nfailed;
}

const char *gir_summary_overflow(const gir_summary *s)
{
	return s->overflow;
}

/* ---- rows in order, columns as the union of the editions ---------------------- */

/* Year by year (an unknown year last), and in file order within a year. */
static int by_year_and_file(const void *a, const void *b)
{
	const srow *x = a, *y = b;
	unsigned xy = x->year ? (unsigned)x->year : ~0u, yy = y->year ? (unsigned)y->year : ~0u;
	if (xy != yy)
		return xy < yy ? -1 : 1;
	return strcmp(x->file, y->file);
}

static const sfig *row_figure(const srow *r, const char *id)
{
	for (size_t i = 0; i < r->nfigs; i++)
		if (strcmp(r->figs[i].id, id) == 0)
			return &r->figs[i];
	return NULL;
}

static long column_index(const gir_summary *s, const char *id)
{
	for (size_t i = 0; i < s->ncols; i++)
		if (strcmp(s->cols[i].id, id) == 0)
			return (long)i;
	return -1;
}

/* Merges one row's figure list into the columns: a figure not seen yet goes
 * just before the next figure of its list that is, so each edition's order
 * survives ("fees_amount" of gov-2021 lands beside gov-2019's
 * "procurement_amount", both before the requests). */
static void merge_columns(gir_summary *s, const srow *r)
{
	for (size_t i = 0; i < r->nfigs; i++) {
		if (column_index(s, r->figs[i].id) >= 0)
			continue;
		long at = -1;
		for (size_t j = i + 1; j < r->nfigs && at < 0; j++)
			at = column_index(s, r->figs[j].id);
		size_t pos = at < 0 ? s->ncols : (size_t)at;
		s->cols = gir_xrealloc(s->cols, (s->ncols + 1) * sizeof(column));
		memmove(&s->cols[pos + 1], &s->cols[pos], (s->ncols - pos) * sizeof(column));
		s->cols[pos] = (column){.id = r->figs[i].id, .label = r->figs[i].label};
		s->ncols++;
	}
}

/* Adds up one year's rows, for every figure each of its passing rows has. */
static void total_group(gir_summary *s, year_group *g)
{
	g->total = gir_xcalloc(s->ncols + 1, sizeof(gir_value));
	g->total_ok = gir_xcalloc(s->ncols + 1, sizeof(bool));
	for (size_t c = 0; c < s->ncols; c++) {
		g->total_ok[c] = g->ok > 0;
		for (size_t i = g->first; i < g->first + g->n && g->total_ok[c]; i++) {
			const srow *r = &s->rows[i];
			const sfig *f = r->failed ? NULL : row_figure(r, s->cols[c].id);
			if (f)
				g->total[c] = gir_value_add(g->total[c], f->v);
			else if (!r->failed)
				g->total_ok[c] = false;
		}
		if (g->total_ok[c] && g->total[c].bad) { /* no wrapped number: an empty cell, an error */
			g->total_ok[c] = false;
			s->overflow = s->overflow ? s->overflow : s->cols[c].label;
		}
	}
}

/* Sorts the rows, finds the columns and each year's totals. */
static void sort_and_total(gir_summary *s)
{
	if (s->n > 1)
		qsort(s->rows, s->n, sizeof(srow), by_year_and_file);
	free(s->cols);
	s->cols = NULL;
	s->ncols = 0;
	free_groups(s);
	for (size_t i = 0; i < s->n; i++)
		if (!s->rows[i].failed)
			merge_columns(s, &s->rows[i]);
	s->groups = gir_xcalloc(s->n + 1, sizeof(year_group));
	for (size_t i = 0; i < s->n; i++) {
		const srow *r = &s->rows[i];
		year_group *g = s->ngroups ? &s->groups[s->ngroups - 1] : NULL;
		if (!g || g->year != r->year) {
			g = &s->groups[s->ngroups++];
			*g = (year_group){.year = r->year, .first = i};
		}
		g->n++;
		g->ok += !r->failed;
		g->failed += r->failed;
	}
	if (!s->ngroups) /* no source at all: one empty 合计, as ever */
		s->groups[s->ngroups++] = (year_group){0};
	for (size_t g = 0; g < s->ngroups; g++)
		total_group(s, &s->groups[g]);
}

/* Whether a group gets a 合计 row: every year does; sources whose year is
 * unknown only when nothing else is there. */
static bool has_total_row(const gir_summary *s, const year_group *g)
{
	return g->year || s->ngroups == 1;
}

static const char *status_text(const gir_summary *s, const srow *r)
{
	return word(s, r->unreadable ? GIR_SW_UNREADABLE : r->failed ? GIR_SW_FAILED : GIR_SW_PASSED);
}

/* The columns before the figures: agency, year, template, file, status, errors. */
static const int meta_words[] = {GIR_SW_AGENCY, GIR_SW_YEAR,   GIR_SW_TEMPLATE,
                                 GIR_SW_FILE,   GIR_SW_STATUS, GIR_SW_ERRORS};

/* How a table is written: its cells (with whether the text came from a
 * source, and whether it opens the row), the rule under the header if any,
 * the end of a row, and what a figure the row's edition lacks shows (a
 * failed row shows nothing). */
typedef struct table_format {
	void (*field)(gir_buf *out, const char *s, bool text, bool first);
	void (*rule)(gir_buf *out, size_t ncols);
	const char *row_end;
	const char *missing;
} table_format;

/* One year's rows, then its 合计 row (with the year). */
static void write_group(const gir_summary *s, const year_group *g, const table_format *f,
                        gir_buf *out)
{
	char num[48];
	for (size_t i = g->first; i < g->first + g->n; i++) {
		const srow *r = &s->rows[i];
		f->field(out, r->agency, true, true);
		snprintf(num, sizeof num, "%d", r->year);
		f->field(out, r->year ? num : NULL, false, false);
		f->field(out, r->template_id, true, false);
		f->field(out, r->file, true, false);
		f->field(out, status_text(s, r), false, false);
		snprintf(num, sizeof num, "%zu", r->errors);
		f->field(out, num, false, false);
		for (size_t c = 0; c < s->ncols; c++) {
			const sfig *fig = r->failed ? NULL : row_figure(r, s->cols[c].id);
			if (fig)
				gir_value_format(fig->v, num, sizeof num);
			f->field(out, fig ? num : r->failed ? NULL : f->missing, false, false);
		}
		gir_buf_puts(out, f->row_end);
	}
	if (!has_total_row(s, g))
		return;
	f->field(out, word(s, GIR_SW_TOTAL), false, true);
	snprintf(num, sizeof num, "%d", g->year);
	f->field(out, g->year ? num : NULL, false, false);
	for (size_t i = 2; i < GIR_ARRAY_LEN(meta_words); i++)
		f->field(out, NULL, false, false);
	for (size_t c = 0; c < s->ncols; c++) {
		if (g->total_ok[c])
			gir_value_format(g->total[c], num, sizeof num);
		f->field(out, g->total_ok[c] ? num : f->missing, false, false);
	}
	gir_buf_puts(out, f->row_end);
}

/* The header, then year by year the rows and their 合计. */
static void write_table(const gir_summary *s, const table_format *f, gir_buf *out)
{
	for (size_t i = 0; i < GIR_ARRAY_LEN(meta_words); i++)
		f->field(out, word(s, meta_words[i]), false, i == 0);
	for (size_t c = 0; c < s->ncols; c++)
		f->field(out, s->cols[c].label, false, false);
	gir_buf_puts(out, f->row_end);
	if (f->rule)
		f->rule(out, s->ncols);
	for (size_t g = 0; g < s->ngroups; g++)
		write_group(s, &s->groups[g], f, out);
}

/* ---- CSV ------------------------------------------------------------------------ */

/* A number as gireport writes one: digits, one point, an optional sign. */
static bool plain_number(const char *s)
{
	s += *s == '-';
	size_t digits = strspn(s, "0123456789");
	if (!digits)
		return false;
	s += digits;
	return !*s || (*s == '.' && s[1] && !s[1 + strspn(s + 1, "0123456789")]);
}

/* RFC 4180: a field with a comma, quote or line break is quoted, quotes
 * doubled.  Any field a spreadsheet would take for a formula (=, +, -, @,
 * tab or CR first) gets a leading apostrophe, whether it comes from a
 * source, a file name or a template's column label; only gireport's own
 * numbers are left as they are. */
static void csv_field(gir_buf *out, const char *s, bool text, bool first)
{
	(void)text; /* every field is treated alike (docs/security.md) */
	if (!first)
		gir_buf_putc(out, ',');
	if (!s)
		return;
	bool formula = *s && strchr("=+-@\t\r", *s) && !plain_number(s);
	if (!formula && !strpbrk(s, ",\"\r\n")) {
		gir_buf_puts(out, s);
		return;
	}
	gir_buf_putc(out, '"');
	if (formula)
		gir_buf_putc(out, '\'');
	for (; *s; s++) {
		if (*s == '"')
			gir_buf_putc(out, '"');
		gir_buf_putc(out, *s);
	}
	gir_buf_putc(out, '"');
}

void gir_summary_csv(gir_summary *s, int bom, gir_buf *out)
{
	static const table_format csv = {csv_field, NULL, "\r\n", NULL};
	sort_and_total(s);
	if (bom)
		gir_buf_puts(out, "\xEF\xBB\xBF");
	write_table(s, &csv, out);
}

/* ---- Markdown ------------------------------------------------------------------- */

/* A cell of a pipe table; the first opens the row with its "|". */
static void md_field(gir_buf *out, const char *s, bool text, bool first)
{
	(void)text;
	gir_buf_puts(out, first ? "| " : " ");
	if (s)
		gir_md_escape(out, s, 0);
	gir_buf_puts(out, " |");
}

/* The rule under the header: text columns left, numbers right. */
static void md_rule(gir_buf *out, size_t ncols)
{
	gir_buf_puts(out, "| --- | ---: | --- | --- | --- | ---: |");
	for (size_t c = 0; c < ncols; c++)
		gir_buf_puts(out, " ---: |");
	gir_buf_puts(out, "\n");
}

void gir_summary_md(gir_summary *s, gir_buf *out)
{
	static const table_format md = {md_field, md_rule, "\n", "—"};
	sort_and_total(s);
	write_table(s, &md, out);
	if (!s->nfailed)
		return;
	gir_buf_printf(out, "\n%s（%zu%s，%s）：\n\n", word(s, GIR_SW_FAILED_SOURCES), s->nfailed,
	               word(s, GIR_SW_SOURCES_UNIT), word(s, GIR_SW_NOT_IN_TOTAL));
	for (size_t i = 0; i < s->n; i++) {
		const srow *r = &s->rows[i];
		if (!r->failed)
			continue;
		gir_buf_puts(out, "- ");
		gir_md_escape(out, r->file, 0);
		if (r->agency) {
			gir_buf_puts(out, "（");
			gir_md_escape(out, r->agency, 0);
			gir_buf_puts(out, "）");
		}
		if (r->unreadable)
			gir_buf_printf(out, "：%s\n", word(s, GIR_SW_UNREADABLE));
		else
			gir_buf_printf(out, "：%zu%s\n", r->errors, word(s, GIR_SW_ERRORS_UNIT));
	}
}

/* ---- JSON ------------------------------------------------------------------------- */

static void json_string(gir_buf *out, const char *s)
{
	if (!s) {
		gir_buf_puts(out, "null");
		return;
	}
	gir_buf_putc(out, '"');
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == '"' || c == '\\')
			gir_buf_putc(out, '\\'), gir_buf_putc(out, (char)c);
		else if (c == '\n')
			gir_buf_puts(out, "\\n");
		else if (c == '\t')
			gir_buf_puts(out, "\\t");
		else if (c == '\r')
			gir_buf_puts(out, "\\r");
		else if (c < 0x20)
			gir_buf_printf(out, "\\u%04x", c);
		else
			gir_buf_putc(out, (char)c);
	}
	gir_buf_putc(out, '"');
}

static void json_value(gir_buf *out, const char *key, gir_value v, bool first)
{
	char num[48];
	gir_value_format(v, num, sizeof num);
	gir_buf_puts(out, first ? "" : ", ");
	json_string(out, key);
	gir_buf_printf(out, ": %s", num);
}

static void json_row(gir_buf *out, const gir_summary *s, const srow *r)
{
	gir_buf_puts(out, "    {\"file\": ");
	json_string(out, r->file);
	gir_buf_puts(out, ", \"agency\": ");
	json_string(out, r->agency);
	if (r->year)
		gir_buf_printf(out, ", \"year\": %d", r->year);
	else
		gir_buf_puts(out, ", \"year\": null");
	gir_buf_puts(out, ", \"template\": ");
	json_string(out, r->template_id);
	gir_buf_printf(out, ", \"status\": \"%s\", \"errors\": %zu, \"figures\": ",
	               r->unreadable ? "unreadable" : r->failed ? "error" : "ok", r->errors);
	if (r->failed) {
		gir_buf_puts(out, "null}");
		return;
	}
	gir_buf_puts(out, "{");
	bool first = true;
	for (size_t c = 0; c < s->ncols; c++) {
		const sfig *f = row_figure(r, s->cols[c].id);
		if (f) {
			json_value(out, f->id, f->v, first);
			first = false;
		}
	}
	gir_buf_puts(out, "}}");
}

/* {"id": total, …} of a year's figures that have a total; {} for none. */
static void json_figures(gir_buf *out, const gir_summary *s, const year_group *g)
{
	gir_buf_puts(out, "{");
	bool first = true;
	for (size_t c = 0; g && c < s->ncols; c++) {
		if (!g->total_ok[c])
			continue;
		json_value(out, s->cols[c].id, g->total[c], first);
		first = false;
	}
	gir_buf_puts(out, "}");
}

void gir_summary_json(gir_summary *s, gir_buf *out)
{
	sort_and_total(s);
	gir_buf_puts(out, "{\n  \"columns\": [");
	for (size_t c = 0; c < s->ncols; c++) {
		gir_buf_puts(out, c ? ",\n    {\"id\": " : "\n    {\"id\": ");
		json_string(out, s->cols[c].id);
		gir_buf_puts(out, ", \"label\": ");
		json_string(out, s->cols[c].label);
		gir_buf_puts(out, "}");
	}
	gir_buf_puts(out, s->ncols ? "\n  ],\n  \"rows\": [" : "],\n  \"rows\": [");
	for (size_t i = 0; i < s->n; i++) {
		gir_buf_puts(out, i ? ",\n" : "\n");
		json_row(out, s, &s->rows[i]);
	}
	/* Totals over every source only when they are of one year; each year's in
	 * "by_year". */
	gir_buf_printf(out, "%s  \"totals\": {\"sources\": %zu, \"failed\": %zu, \"figures\": ",
	               s->n ? "\n  ],\n" : "],\n", s->n, s->nfailed);
	json_figures(out, s, s->ngroups == 1 ? &s->groups[0] : NULL);
	gir_buf_puts(out, ", \"by_year\": [");
	bool first = true;
	for (size_t g = 0; g < s->ngroups; g++) {
		const year_group *yg = &s->groups[g];
		if (!yg->year)
			continue;
		gir_buf_printf(out, "%s\n    {\"year\": %d, \"sources\": %zu, \"failed\": %zu, \"figures\": ",
		               first ? "" : ",", yg->year, yg->n, yg->failed);
		json_figures(out, s, yg);
		gir_buf_puts(out, "}");
		first = false;
	}
	gir_buf_puts(out, first ? "]},\n  \"failed\": [" : "\n  ]},\n  \"failed\": [");
	first = true;
	for (size_t i = 0; i < s->n; i++) {
		if (!s->rows[i].failed)
			continue;
		gir_buf_puts(out, first ? "" : ", ");
		json_string(out, s->rows[i].file);
		first = false;
	}
	gir_buf_puts(out, "]\n}\n");
}
