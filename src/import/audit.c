/* gireport audit: the arithmetic errors of published reports.  Each report
 * is imported as `gireport import` reads it, and what the check of the
 * imported source finds against the form's rules — a total that is not the
 * sum of its parts, 一 + 二 ≠ 三（七）总计 + 四 — is listed with the cell, the
 * value the report prints and the one its other cells give; reports of one
 * agency for consecutive years are compared too (二、上年结转 against last
 * year's 四、结转下年度继续办理).  The rules and their messages are the
 * templates'; nothing here knows a label of the form. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "model.h"
#include "template.h"
#include "util.h"

typedef struct finding {
	size_t report;       /* index in the reports */
	char *cell, *path;   /* label chain and key path */
	char *printed, *computed;
	int line;            /* of the report (0: none) */
	char *rule;          /* the check's message */
} finding;

typedef struct audited {
	char *file;
	char *src;           /* the imported source */
	char *agency;
	int year;
	const gir_template *t;
	size_t unread;       /* errors that are no arithmetic: 待填, a row not placed */
	bool failed;         /* not imported at all */
} audited;

struct gir_audit {
	const gir_registry *reg;
	audited *reps;
	size_t nreps;
	finding *f;
	size_t nf;
};

/* ---- the values in a message ------------------------------------------------ */

/* A number as a message writes it ("12", "-3", "6.0248"), malloc'd into
 * *out; returns the text after it, or NULL. */
static const char *read_number(const char *s, char **out)
{
	const char *e = s + (*s == '-');
	while ((*e >= '0' && *e <= '9') || *e == '.')
		e++;
	if (e == s || (e == s + 1 && *s == '-'))
		return NULL;
	*out = gir_xstrndup(s, (size_t)(e - s));
	return e;
}

/* Matches msg against a message pattern with {left} and {right} (a
 * template check's); sets the two numbers. */
static bool match_message(const char *pat, const char *msg, char **left, char **right)
{
	*left = *right = NULL;
	while (*pat) {
		char **slot = strncmp(pat, "{left}", 6) == 0 ? left : strncmp(pat, "{right}", 7) == 0 ? right : NULL;
		if (slot) {
			free(*slot);
			if (!(msg = read_number(msg, slot)))
				goto no;
			pat += slot == left ? 6 : 7;
		} else if (*pat++ != *msg++) {
			goto no;
		}
	}
	if (!*msg && *left && *right)
		return true;
no:
	free(*left), free(*right);
	*left = *right = NULL;
	return false;
}

/* "the total is given as G but the columns add up to C" (check.c's
 * total_mismatch_*), in whatever language: known by its id, G and C are
 * the first and the last number of the message, as every translation
 * keeps them. */
static bool total_message(const gir_diag *g, char **given, char **sum)
{
	*given = *sum = NULL;
	if (!g->id || (strcmp(g->id, "total_mismatch_rows") != 0 &&
	               strcmp(g->id, "total_mismatch_columns") != 0))
		return false;
	for (const char *p = g->message; *p;) {
		char *n;
		const char *end = (*p >= '0' && *p <= '9') || *p == '-' ? read_number(p, &n) : NULL;
		if (!end) {
			p++;
			continue;
		}
		if (!*given) {
			*given = n;
		} else {
			free(*sum);
			*sum = n;
		}
		p = end;
	}
	if (*given && *sum)
		return true;
	free(*given), free(*sum);
	*given = *sum = NULL;
	return false;
}

static void add_finding(gir_audit *A, size_t report, const gir_diag *g, char *printed, char *computed)
{
	if ((A->nf & (A->nf - 1)) == 0)
		A->f = gir_xrealloc(A->f, (A->nf ? 2 * A->nf : 1) * sizeof *A->f);
	A->f[A->nf++] = (finding){report, gir_xstrdup(g->label ? g->label : ""),
	                          gir_xstrdup(g->path ? g->path : ""), printed, computed, g->line,
	                          gir_xstrdup(g->message)};
}

/* Sorts a report's errors: arithmetic (a finding) or not (unread). */
static void classify(gir_audit *A, size_t report, const gir_diags *d, bool previous)
{
	audited *r = &A->reps[report];
	for (size_t i = 0; i < gir_diags_count(d); i++) {
		const gir_diag *g = gir_diags_at(d, i);
		if (g->severity != GIR_ERROR)
			continue;
		char *l, *c;
		bool found = !previous && total_message(g, &l, &c);
		for (size_t k = 0; !found && r->t && k < r->t->nchecks; k++) /* as check.c wrote it */
			found = r->t->checks[k]->previous == previous &&
			        match_message(_(r->t->checks[k]->message), g->message, &l, &c);
		if (found)
			add_finding(A, report, g, l, c);
		else if (!previous)
			r->unread++;
	}
}

/* ---- one report --------------------------------------------------------------- */
/* Imports report i and sorts its errors; -1 when it could not be imported
 * (the import's diagnostics in d). */
static int audit_one(gir_audit *A, size_t i, const char *text, size_t len, gir_diags *d)
{
	audited *r = &A->reps[i];
	gir_buf src = {0};
	if (gir_import(A->reg, r->file, text, len, &src, d) != 0) {
		r->failed = true;
		gir_buf_free(&src);
		return -1;
	}
	r->src = gir_buf_detach(&src);
	r->agency = gir_import_head_value(r->src, "agency");
	char *y = gir_import_head_value(r->src, "year"), *t = gir_import_head_value(r->src, "template");
	r->year = y ? atoi(y) : 0;
	r->t = t ? gir_registry_find(A->reg, t) : NULL;
	free(y), free(t);
	classify(A, i, d, false);
	return 0;
}

/* ---- last year's carry-over ----------------------------------------------------- */

/* The values "[..]" of a top-level row of an imported source ("  ID: [.."),
 * the total dropped when `bare`; NULL when the row is not written so. */
static char *row_values(const char *src, const gir_axis *row, bool bare)
{
	char *id = gir_axis_path(row);
	char *key = gir_xasprintf("\n  %s: [", id);
	const char *p = strchr(id, '.') ? NULL : strstr(src, key);
	const char *e = p ? strchr(p += strlen(key), ']') : NULL;
	free(id), free(key);
	if (!e)
		return NULL;
	const char *cut = e;
	while (bare && cut > p && *cut != ',')
		cut--;
	return gir_xasprintf("[%.*s]", (int)(cut > p ? cut - p : e - p), p);
}

/* Whether two rows, of the same template or of two editions, have one key. */
static bool same_row(const gir_axis *a, const gir_axis *b)
{
	char *x = gir_axis_path(a), *y = gir_axis_path(b);
	bool r = strcmp(x, y) == 0;
	free(x), free(y);
	return r;
}

/* A row of the other side of a rule of the section (一 + 二 = 三 + 四) that
 * is no total: given the same values, it keeps the small source balanced.
 * The check k may be another edition's (last year's report). */
static const gir_axis *balancing_row(const gir_template *t, const gir_check *k, const gir_axis *row)
{
	for (size_t i = 0; i < t->nchecks; i++) {
		const gir_check *c = t->checks[i];
		if (c->previous || strcmp(c->section->id, k->section->id) || c->each != GIR_EACH_COLUMN)
			continue;
		for (int side = 0; side < 2; side++) {
			const gir_axis **in = side ? c->right : c->left, **other = side ? c->left : c->right;
			size_t nin = side ? c->nright : c->nleft, nother = side ? c->nleft : c->nright;
			bool here = false;
			for (size_t j = 0; j < nin; j++)
				here |= same_row(in[j], row);
			for (size_t j = 0; here && j < nother; j++)
				if (!gir_axis_is_sum(other[j]) && other[j]->leaf >= 0 && !same_row(other[j], row))
					return other[j];
		}
	}
	return NULL;
}

/* The rows a check compares, of one report, as a small source of their own:
 * each with a row that balances it, so that no other rule fails. */
static char *row_source(const audited *r, const gir_check *k, const gir_axis **rows, size_t n,
                        bool bare)
{
	gir_buf b = {0};
	gir_buf_printf(&b, "year: %d\nagency: audit\ntemplate: %s\n%s:\n", r->year, r->t->id,
	               k->section->id);
	for (size_t i = 0; i < n; i++) {
		char *v = row_values(r->src, rows[i], bare);
		const gir_axis *other = balancing_row(r->t, k, rows[i]);
		if (!v) {
			gir_buf_free(&b);
			return NULL;
		}
		char *id = gir_axis_path(rows[i]);
		gir_buf_printf(&b, "  %s: %s\n", id, v);
		free(id);
		if (other) {
			id = gir_axis_path(other);
			gir_buf_printf(&b, "  %s: %s\n", id, v);
			free(id);
		}
		free(v);
	}
	return gir_buf_detach(&b);
}

/* Loads a small source; NULL when it has errors. */
static gir_report *load_small(const gir_audit *A, const char *src)
{
	gir_diags *d = gir_diags_new();
	gir_options opt = {0};
	gir_report *rep = src ? gir_report_load(A->reg, "<audit>", src, strlen(src), &opt, d) : NULL;
	gir_diags_free(d);
	return rep;
}

/* The rows a check compares, of this year (left) or last (right), as a
 * report of their own: with their totals, or without when those are wrong
 * (a wrong total is reported by the report's own check). */
static gir_report *rows_report(const gir_audit *A, const audited *r, const gir_check *k, bool last)
{
	const gir_axis **rows = last ? k->right : k->left;
	size_t n = last ? k->nright : k->nleft;
	for (int bare = 0; bare < 2; bare++) {
		char *src = row_source(r, k, rows, n, bare);
		gir_report *rep = load_small(A, src);
		free(src);
		if (rep)
			return rep;
	}
	return NULL;
}

/* Each report against the same agency's report of the year before, when
 * there is one, by the template's checks on last year's values. */
static void audit_previous(gir_audit *A, size_t i)
{
	audited *r = &A->reps[i];
	if (r->failed || !r->t || !r->agency)
		return;
	for (size_t j = 0; j < A->nreps; j++) {
		audited *p = &A->reps[j];
		if (p->failed || !p->t || !p->agency || p->year != r->year - 1 || strcmp(p->agency, r->agency))
			continue;
		for (size_t k = 0; k < r->t->nchecks; k++) {
			const gir_check *c = r->t->checks[k];
			if (!c->previous || !c->block)
				continue;
			gir_report *now = rows_report(A, r, c, false), *before = rows_report(A, p, c, true);
			if (now && before) {
				gir_diags *d = gir_diags_new();
				gir_report_check_previous(now, before, d);
				size_t from = A->nf;
				classify(A, i, d, true);
				for (size_t f = from; f < A->nf; f++)
					A->f[f].line = 0; /* the small source's line means nothing */
				gir_diags_free(d);
			}
			gir_report_free(now);
			gir_report_free(before);
		}
		return;
	}
}

/* ---- output ----------------------------------------------------------------------- */

/* A CSV field: quoted when it holds a comma, quote or line break, and a
 * leading = + - @ made text, as a spreadsheet would run it as a formula. */
static void csv_field(gir_buf *b, const char *s, bool last)
{
	bool quote = strpbrk(s, ",\"\r\n") != NULL || (*s && strchr("=+-@", *s) != NULL);
	if (quote)
		gir_buf_putc(b, '"');
	if (*s && strchr("=+-@", *s) && !(s[0] == '-' && s[1] >= '0' && s[1] <= '9'))
		gir_buf_putc(b, '\'');
	for (; *s; s++) {
		if (*s == '"')
			gir_buf_putc(b, '"');
		gir_buf_putc(b, *s);
	}
	if (quote)
		gir_buf_putc(b, '"');
	gir_buf_putc(b, last ? '\n' : ',');
}

static void md_cell(gir_buf *b, const char *s)
{
	gir_buf_puts(b, "| ");
	for (; *s; s++) {
		if (strchr("|\\`*_[]<>", *s))
			gir_buf_putc(b, '\\');
		gir_buf_putc(b, *s == '\n' ? ' ' : *s);
	}
	gir_buf_putc(b, ' ');
}

static void json_str(gir_buf *b, const char *s)
{
	gir_buf_putc(b, '"');
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == '"' || c == '\\')
			gir_buf_printf(b, "\\%c", c);
		else if (c < 0x20)
			gir_buf_printf(b, "\\u%04x", c);
		else
			gir_buf_putc(b, (char)c);
	}
	gir_buf_putc(b, '"');
}

static void write_findings(const gir_audit *A, const char *fmt, gir_buf *out)
{
	static const char *const head[] = {"file", "agency", "year", "cell", "path", "printed",
	                                   "computed", "line", "rule"};
	if (strcmp(fmt, "json") == 0)
		gir_buf_puts(out, "[");
	else if (strcmp(fmt, "md") == 0)
		gir_buf_puts(out, "| 文件 | 制作机关 | 年度 | 栏目 | 键 | 印出 | 应为 | 行 | 规则 |\n"
		                  "| --- | --- | ---: | --- | --- | ---: | ---: | ---: | --- |\n");
	else
		for (size_t i = 0; i < GIR_ARRAY_LEN(head); i++)
			csv_field(out, head[i], i + 1 == GIR_ARRAY_LEN(head));
	for (size_t i = 0; i < A->nf; i++) {
		const finding *f = &A->f[i];
		const audited *r = &A->reps[f->report];
		char year[16], line[16];
		snprintf(year, sizeof year, "%d", r->year);
		snprintf(line, sizeof line, "%d", f->line);
		const char *v[] = {r->file, r->agency ? r->agency : "", year, f->cell, f->path,
		                   f->printed, f->computed, f->line ? line : "", f->rule};
		if (strcmp(fmt, "json") == 0) {
			gir_buf_puts(out, i ? ",\n " : "\n ");
			gir_buf_putc(out, '{');
			for (size_t k = 0; k < GIR_ARRAY_LEN(v); k++) {
				gir_buf_printf(out, "%s\"%s\": ", k ? ", " : "", head[k]);
				bool num = (k == 2 || k == 5 || k == 6 || k == 7) && *v[k];
				if (num)
					gir_buf_puts(out, v[k]);
				else if (k == 7)
					gir_buf_puts(out, "null");
				else
					json_str(out, v[k]);
			}
			gir_buf_putc(out, '}');
		} else if (strcmp(fmt, "md") == 0) {
			for (size_t k = 0; k < GIR_ARRAY_LEN(v); k++)
				md_cell(out, v[k]);
			gir_buf_puts(out, "|\n");
		} else {
			for (size_t k = 0; k < GIR_ARRAY_LEN(v); k++)
				csv_field(out, v[k], k + 1 == GIR_ARRAY_LEN(v));
		}
	}
	if (strcmp(fmt, "json") == 0)
		gir_buf_puts(out, A->nf ? "\n]\n" : "]\n");
}

/* ---- the audit ------------------------------------------------------------------- */

gir_audit *gir_audit_new(const gir_registry *reg)
{
	gir_audit *A = gir_xcalloc(1, sizeof *A);
	A->reg = reg;
	return A;
}

int gir_audit_add(gir_audit *A, const char *file, const char *text, size_t len, gir_diags *d,
                  size_t *unread)
{
	if ((A->nreps & (A->nreps - 1)) == 0)
		A->reps = gir_xrealloc(A->reps, (A->nreps ? 2 * A->nreps : 1) * sizeof *A->reps);
	size_t i = A->nreps++;
	A->reps[i] = (audited){.file = gir_xstrdup(file)};
	int rc = audit_one(A, i, text, len, d);
	if (unread)
		*unread = A->reps[i].unread;
	return rc;
}

void gir_audit_finish(gir_audit *A)
{
	for (size_t i = 0; i < A->nreps; i++)
		audit_previous(A, i);
}

size_t gir_audit_count(const gir_audit *A)
{
	return A->nf;
}

int gir_audit_write(const gir_audit *A, const char *fmt, gir_buf *out)
{
	if (strcmp(fmt, "csv") && strcmp(fmt, "md") && strcmp(fmt, "json"))
		return -1;
	write_findings(A, fmt, out);
	return 0;
}

void gir_audit_free(gir_audit *A)
{
	if (!A)
		return;
	for (size_t i = 0; i < A->nf; i++)
		free(A->f[i].cell), free(A->f[i].path), free(A->f[i].printed), free(A->f[i].computed),
		    free(A->f[i].rule);
	free(A->f);
	for (size_t i = 0; i < A->nreps; i++)
		free(A->reps[i].src), free(A->reps[i].agency), free(A->reps[i].file);
	free(A->reps);
	free(A);
}
