/* `gireport site`: a city's reports as one static site (docs/site.md) —
 * index.html (agencies × years with each report's status and files),
 * summary.html (the key figures of `gireport summary`, per year, with exact
 * totals), charts.html (inline SVG, site_chart.c), one page per agency (its
 * years side by side and `gireport diff` between them), every report's own
 * HTML page, and one style sheet.
 *
 * Every word on the pages is the template's: its "site" object holds the
 * words ("words") and the charts ("charts": kind, title, axis labels and
 * the cell paths of each series), next to "summary" and "diff_words".  The
 * markup is polyglot like render_html.c's, no script, no clock: the same
 * sources give the same bytes.  The pages go to a callback, which decides
 * whether a file needs writing (cli/cmd_site.c rewrites only what changed). */
#include <stdlib.h>
#include <string.h>

#include <cJSON.h>

#include "figures.h"
#include "markup.h"
#include "site.h"
#include "util.h"

/* The words of "site.words", in this order. */
enum {
	W_TITLE, W_INDEX, W_SUMMARY, W_CHARTS, W_AGENCY, W_YEAR_UNIT, W_TOTAL, W_OK,
	W_WARNINGS, W_ERRORS, W_MISSING, W_MISSING_NOTE, W_PAGE, W_PDF, W_DOCX, W_OFD, W_FIGURES,
	W_ITEM, W_DIFF, W_DATA, W_NOT_IN_TOTAL, W_READING_ORDER, W_HOME, W_CITY,
	W_ORDER, W_SORTED_BY, W_COUNT
};
static const char *const word_keys[W_COUNT] = {
	"title", "index", "summary", "charts", "agency", "year_unit", "total", "ok",
	"warnings", "errors", "missing", "missing_note", "page", "pdf", "docx", "ofd", "figures",
	"item", "diff", "data", "not_in_total", "reading_order", "home", "city",
	"order", "sorted_by",
};

typedef struct entry {
	char *key;            /* the agency's directory, safe in a file name */
	char *file;
	int year;
	gir_report *rep;      /* NULL when the source has errors */
	size_t warnings, errors;
	char *first;          /* the first error (else warning), as text; or NULL */
	unsigned downloads;   /* GIR_SITE_PDF, … present beside the page */
} entry;

typedef struct agency {
	const char *key;
	const char *name;     /* from its newest report, else the key */
} agency;

struct gir_site {
	const gir_registry *reg;
	entry *e;
	size_t n, cap;
	agency *ag;           /* in reading order (the order sources came in) */
	size_t nag;
	int *years;           /* ascending */
	size_t nyears;
	const cJSON *spec;    /* the "site" object in use */
	const char *w[W_COUNT];
};

gir_site *gir_site_new(const gir_registry *reg)
{
	gir_site *s = gir_xcalloc(1, sizeof(gir_site));
	s->reg = reg;
	return s;
}

void gir_site_free(gir_site *s)
{
	if (!s)
		return;
	for (size_t i = 0; i < s->n; i++) {
		free(s->e[i].key);
		free(s->e[i].file);
		free(s->e[i].first);
		gir_report_free(s->e[i].rep);
	}
	free(s->e);
	free(s->ag);
	free(s->years);
	free(s);
}

/* A key as a file name and URL path segment: ASCII letters, digits, '-' and
 * '_' as they are, every other byte as ~XX, so that two keys never meet. */
static char *safe_key(const char *key)
{
	gir_buf b = {0};
	for (const unsigned char *p = (const unsigned char *)key; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
		    *p == '-' || *p == '_')
			gir_buf_putc(&b, (char)*p);
		else
			gir_buf_printf(&b, "~%02X", *p);
	}
	if (!b.len)
		gir_buf_puts(&b, "~");
	return gir_buf_detach(&b);
}

static char *first_diag(const gir_diags *d)
{
	const gir_diag *pick = NULL;
	for (size_t i = 0; d && i < gir_diags_count(d) && !pick; i++)
		if (gir_diags_at(d, i)->severity == GIR_ERROR)
			pick = gir_diags_at(d, i);
	for (size_t i = 0; d && i < gir_diags_count(d) && !pick; i++)
		if (gir_diags_at(d, i)->severity == GIR_WARNING)
			pick = gir_diags_at(d, i);
	if (!pick)
		return NULL;
	gir_buf b = {0};
	gir_buf_puts(&b, pick->file ? pick->file : "");
	if (pick->line)
		gir_buf_printf(&b, ":%d:%d", pick->line, pick->column);
	gir_buf_printf(&b, ": %s", pick->severity == GIR_ERROR ? "error" : "warning");
	if (pick->label)
		gir_buf_printf(&b, ": %s", pick->label);
	gir_buf_printf(&b, ": %s", pick->message);
	if (pick->path)
		gir_buf_printf(&b, " [%s]", pick->path);
	return gir_buf_detach(&b);
}

void gir_site_add(gir_site *s, const char *key, const char *file, int year, gir_report *rep,
                  const gir_diags *d, unsigned downloads)
{
	if (s->n == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 32;
		s->e = gir_xrealloc(s->e, s->cap * sizeof(entry));
	}
	entry *e = &s->e[s->n++];
	*e = (entry){.key = safe_key(key), .file = gir_xstrdup(file), .year = year, .rep = rep,
	             .downloads = downloads};
	e->errors = d ? gir_diags_count_severity(d, GIR_ERROR) : 0;
	e->warnings = d ? gir_diags_count_severity(d, GIR_WARNING) : 0;
	e->first = first_diag(d);
}

int gir_site_has(const gir_site *s, const char *key, int year)
{
	char *k = safe_key(key);
	bool found = false;
	for (size_t i = 0; i < s->n && !found; i++)
		found = s->e[i].year == year && strcmp(s->e[i].key, k) == 0;
	free(k);
	return found;
}

char *gir_site_report_path(const char *key, int year, const char *ext)
{
	char *k = safe_key(key);
	char *p = gir_xasprintf("reports/%s/%d.%s", k, year, ext);
	free(k);
	return p;
}

/* ---- the agencies, the years and the words ------------------------------------ */

static const entry *find(const gir_site *s, const char *key, int year)
{
	for (size_t i = 0; i < s->n; i++)
		if (s->e[i].year == year && strcmp(s->e[i].key, key) == 0)
			return &s->e[i];
	return NULL;
}

static int by_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;
	return (x > y) - (x < y);
}

static void collect(gir_site *s)
{
	s->ag = gir_xcalloc(s->n + 1, sizeof(agency));
	s->years = gir_xcalloc(s->n + 1, sizeof(int));
	for (size_t i = 0; i < s->n; i++) {
		const entry *e = &s->e[i];
		size_t a = 0;
		while (a < s->nag && strcmp(s->ag[a].key, e->key) != 0)
			a++;
		if (a == s->nag)
			s->ag[s->nag++] = (agency){.key = e->key, .name = e->key};
		if (e->rep) { /* the name of its newest report */
			int best = 0;
			for (size_t j = 0; j < s->n; j++)
				if (s->e[j].rep && strcmp(s->e[j].key, e->key) == 0 && s->e[j].year >= best) {
					best = s->e[j].year;
					s->ag[a].name = s->e[j].rep->agency;
				}
		}
		size_t y = 0;
		while (y < s->nyears && s->years[y] != e->year)
			y++;
		if (y == s->nyears)
			s->years[s->nyears++] = e->year;
	}
	qsort(s->years, s->nyears, sizeof(int), by_int);
}

static const cJSON *site_of(const gir_template *t)
{
	return t && t->json ? cJSON_GetObjectItemCaseSensitive(t->json, "site") : NULL;
}

/* The "site" of the newest report's template, else of any template. */
static int choose_spec(gir_site *s, gir_diags *d)
{
	int best = -1;
	for (size_t i = 0; i < s->n; i++)
		if (s->e[i].rep && site_of(s->e[i].rep->tpl) && s->e[i].year > best) {
			best = s->e[i].year;
			s->spec = site_of(s->e[i].rep->tpl);
		}
	for (size_t i = 0; !s->spec && i < gir_registry_count(s->reg); i++)
		s->spec = site_of(gir_registry_at(s->reg, i));
	const cJSON *words = cJSON_GetObjectItemCaseSensitive(s->spec, "words");
	if (!s->spec || !cJSON_IsObject(words)) {
		gir_diags_add(d, NULL, GIR_MSG(ERROR, site_no_words,
		                               "no template gives a \"site\" object with \"words\""));
		return -1;
	}
	for (int w = 0; w < W_COUNT; w++) {
		const cJSON *j = cJSON_GetObjectItemCaseSensitive(words, word_keys[w]);
		if (!cJSON_IsString(j) || !*j->valuestring) {
			gir_diags_add(d, NULL, GIR_MSG(ERROR, site_word_missing,
			                  "template: \"site\" \"words\" needs \"%s\""), word_keys[w]);
			return -1;
		}
		s->w[w] = j->valuestring;
	}
	return 0;
}

/* ---- markup --------------------------------------------------------------------- */

void gir_site_esc(gir_buf *out, const char *s)
{
	gir_markup_esc(out, s, strlen(s));
}

static void el(gir_buf *out, const char *tag, const char *attrs, const char *text)
{
	gir_buf_printf(out, "<%s%s>", tag, attrs);
	gir_site_esc(out, text);
	gir_buf_printf(out, "</%s>", tag);
}

static void anchor(gir_buf *out, const char *href, const char *text)
{
	gir_buf_printf(out, "<a href=\"%s\">", href);
	gir_site_esc(out, text);
	gir_buf_puts(out, "</a>");
}

/* The head, the navigation and <main>; `up` is "" or "../" to the site's root. */
static void page_start(const gir_site *s, gir_buf *out, const char *up, const char *title)
{
	gir_buf_puts(out, "<!DOCTYPE html>\n"
	                  "<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"zh-CN\" xml:lang=\"zh-CN\">\n"
	                  "<head>\n<meta charset=\"UTF-8\" />\n"
	                  "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n"
	                  "<meta name=\"generator\" content=\"gireport " GIR_VERSION "\" />\n");
	el(out, "title", "", title);
	gir_buf_printf(out, "\n<link rel=\"stylesheet\" href=\"%ssite.css\" />\n</head>\n<body>\n"
	               "<nav class=\"site\">", up);
	static const struct { const char *page; int w; } nav[] = {
		{"index.html", W_HOME}, {"summary.html", W_SUMMARY}, {"charts.html", W_CHARTS}};
	for (size_t i = 0; i < GIR_ARRAY_LEN(nav); i++) {
		char *href = gir_xasprintf("%s%s", up, nav[i].page);
		gir_buf_puts(out, i ? " · " : "");
		anchor(out, href, s->w[nav[i].w]);
		free(href);
	}
	gir_buf_puts(out, "</nav>\n<main>\n");
	el(out, "h1", "", title);
	gir_buf_puts(out, "\n");
}

static void page_end(gir_buf *out)
{
	gir_buf_puts(out, "</main>\n</body>\n</html>\n");
}

/* <span class="CLS">WORD N</span>, without N when it is 0. */
static void status(gir_buf *out, const char *cls, const char *word, size_t n)
{
	gir_buf_printf(out, "<span class=\"%s\">", cls);
	gir_site_esc(out, word);
	if (n)
		gir_buf_printf(out, " %zu", n);
	gir_buf_puts(out, "</span>");
}

static char *year_text(const gir_site *s, int year)
{
	return gir_xasprintf("%d%s", year, s->w[W_YEAR_UNIT]);
}

/* ---- index.html ---------------------------------------------------------------------- */

static void status_cell(const gir_site *s, gir_buf *out, const entry *e)
{
	const char *cls = e->errors ? "errors" : e->warnings ? "warnings" : "ok";
	gir_buf_printf(out, "<td class=\"%s\">", cls);
	status(out, "status", s->w[e->errors ? W_ERRORS : e->warnings ? W_WARNINGS : W_OK],
	       e->errors ? e->errors : e->warnings);
	if (e->rep) {
		static const struct { unsigned bit; const char *ext; int w; } files[] = {
			{0, "html", W_PAGE}, {GIR_SITE_PDF, "pdf", W_PDF},
			{GIR_SITE_DOCX, "docx", W_DOCX}, {GIR_SITE_OFD, "ofd", W_OFD}};
		gir_buf_puts(out, " <span class=\"files\">");
		for (size_t i = 0; i < GIR_ARRAY_LEN(files); i++) {
			if (files[i].bit && !(e->downloads & files[i].bit))
				continue;
			char *href = gir_xasprintf("reports/%s/%d.%s", e->key, e->year, files[i].ext);
			gir_buf_puts(out, i ? " " : "");
			anchor(out, href, s->w[files[i].w]);
			free(href);
		}
		gir_buf_puts(out, "</span>");
	}
	if (e->first && (e->errors || e->warnings))
		el(out, "p", " class=\"diag\"", e->first);
	gir_buf_puts(out, "</td>");
}

static void write_index(const gir_site *s, gir_buf *out)
{
	char *title = gir_xstrdup(s->w[W_INDEX]);
	page_start(s, out, "", title);
	gir_buf_puts(out, "<table class=\"index\">\n<thead><tr><th scope=\"col\">");
	gir_site_esc(out, s->w[W_AGENCY]);
	gir_buf_puts(out, "</th>");
	for (size_t y = 0; y < s->nyears; y++) {
		char *yt = year_text(s, s->years[y]);
		el(out, "th", " scope=\"col\"", yt);
		free(yt);
	}
	gir_buf_puts(out, "</tr></thead>\n<tbody>\n");
	for (size_t a = 0; a < s->nag; a++) {
		gir_buf_puts(out, "<tr><th scope=\"row\">");
		char *href = gir_xasprintf("agencies/%s.html", s->ag[a].key);
		anchor(out, href, s->ag[a].name);
		free(href);
		gir_buf_puts(out, "</th>");
		for (size_t y = 0; y < s->nyears; y++) {
			const entry *e = find(s, s->ag[a].key, s->years[y]);
			if (e)
				status_cell(s, out, e);
			else if (y > 0 && s->years[y - 1] == s->years[y] - 1 &&
			         find(s, s->ag[a].key, s->years[y - 1])) {
				gir_buf_puts(out, "<td class=\"missing\">");
				status(out, "status", s->w[W_MISSING], 0);
				gir_buf_puts(out, " ");
				el(out, "span", " class=\"note\"", s->w[W_MISSING_NOTE]);
				gir_buf_puts(out, "</td>");
			} else {
				gir_buf_puts(out, "<td class=\"none\"></td>");
			}
		}
		gir_buf_puts(out, "</tr>\n");
	}
	gir_buf_puts(out, "</tbody>\n</table>\n");
	page_end(out);
	free(title);
}

/* ---- key figures: summary.html and the agency pages ---------------------------------- */

typedef struct column {
	const char *id, *label;
} column;

static long column_index(const column *cols, size_t n, const char *id)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(cols[i].id, id) == 0)
			return (long)i;
	return -1;
}

/* Merges a template's figures into the columns as `gireport summary` does: a
 * figure not seen yet goes before the next one of its list that is. */
static size_t merge_columns(column **cols, size_t n, const gir_template *t)
{
	for (size_t i = 0; i < t->nfigures; i++) {
		if (column_index(*cols, n, t->figures[i].id) >= 0)
			continue;
		long at = -1;
		for (size_t j = i + 1; j < t->nfigures && at < 0; j++)
			at = column_index(*cols, n, t->figures[j].id);
		size_t pos = at < 0 ? n : (size_t)at;
		*cols = gir_xrealloc(*cols, (n + 1) * sizeof(column));
		memmove(&(*cols)[pos + 1], &(*cols)[pos], (n - pos) * sizeof(column));
		(*cols)[pos] = (column){t->figures[i].id, t->figures[i].label};
		n++;
	}
	return n;
}

static bool figure_of(const gir_report *rep, const char *id, gir_value *v)
{
	const gir_figure *f = rep ? gir_template_figure(rep->tpl, id) : NULL;
	return f && gir_report_figure(rep, f, v) && !v->bad;
}

static void number_cell(gir_buf *out, const gir_value *v)
{
	char num[48];
	if (!v) {
		gir_buf_puts(out, "<td></td>");
		return;
	}
	gir_value_format(*v, num, sizeof num);
	gir_buf_printf(out, "<td>%s</td>", num);
}

/* The agencies of a year in reading order, or by a figure from the largest
 * down (ties and the agencies without it after, in reading order). */
static size_t order_of(const gir_site *s, int year, const char *by, size_t *order)
{
	size_t n = 0;
	for (size_t a = 0; a < s->nag; a++)
		if (find(s, s->ag[a].key, year))
			order[n++] = a;
	if (!by)
		return n;
	double *key = gir_xcalloc(s->nag + 1, sizeof(double));
	bool *has = gir_xcalloc(s->nag + 1, sizeof(bool));
	for (size_t i = 0; i < n; i++) {
		gir_value v;
		has[order[i]] = figure_of(find(s, s->ag[order[i]].key, year)->rep, by, &v);
		key[order[i]] = has[order[i]] ? (double)v.v / (double)gir_pow10(v.scale) : 0;
	}
	for (size_t i = 1; i < n; i++) { /* insertion: stable */
		size_t a = order[i], j = i;
		for (; j > 0; j--) {
			size_t b = order[j - 1];
			if (!(has[a] && (!has[b] || key[a] > key[b])))
				break;
			order[j] = b;
		}
		order[j] = a;
	}
	free(key);
	free(has);
	return n;
}

/* One year's table: a row per agency in `order`, 合计 over the rows
 * without errors for each figure every one of them has (exact decimals). */
static void summary_year(const gir_site *s, gir_buf *out, int year, const char *by,
                         const char *order_words)
{
	column *cols = NULL;
	size_t ncols = 0;
	for (size_t a = 0; a < s->nag; a++) {
		const entry *e = find(s, s->ag[a].key, year);
		if (e && e->rep)
			ncols = merge_columns(&cols, ncols, e->rep->tpl);
	}
	char *yt = year_text(s, year);
	gir_buf_printf(out, "<section id=\"y%d\">\n", year);
	el(out, "h2", "", yt);
	gir_buf_puts(out, "\n<div class=\"wide\"><table class=\"summary\">\n<caption>");
	gir_site_esc(out, yt);
	gir_site_esc(out, s->w[W_FIGURES]);
	gir_buf_puts(out, "（");
	gir_site_esc(out, order_words);
	gir_buf_puts(out, "）</caption>\n<thead><tr><th scope=\"col\">");
	gir_site_esc(out, s->w[W_AGENCY]);
	gir_buf_puts(out, "</th>");
	for (size_t c = 0; c < ncols; c++)
		el(out, "th", " scope=\"col\"", cols[c].label);
	gir_buf_puts(out, "</tr></thead>\n<tbody>\n");
	gir_value *totals = gir_xcalloc(ncols + 1, sizeof(gir_value));
	bool *total_ok = gir_xcalloc(ncols + 1, sizeof(bool));
	for (size_t c = 0; c < ncols; c++)
		total_ok[c] = true;
	bool any = false;
	size_t *order = gir_xcalloc(s->nag + 1, sizeof(size_t));
	size_t n = order_of(s, year, by, order);
	for (size_t i = 0; i < n; i++) {
		size_t a = order[i];
		const entry *e = find(s, s->ag[a].key, year);
		gir_buf_puts(out, "<tr><th scope=\"row\">");
		char *href = gir_xasprintf("agencies/%s.html", e->key);
		anchor(out, href, s->ag[a].name);
		free(href);
		if (!e->rep) {
			gir_buf_puts(out, " ");
			status(out, "status errors", s->w[W_ERRORS], e->errors);
		}
		gir_buf_puts(out, "</th>");
		any = any || e->rep;
		for (size_t c = 0; c < ncols; c++) {
			gir_value v;
			bool have = figure_of(e->rep, cols[c].id, &v);
			number_cell(out, have ? &v : NULL);
			if (have)
				totals[c] = gir_value_add(totals[c], v);
			else if (e->rep)
				total_ok[c] = false;
		}
		gir_buf_puts(out, "</tr>\n");
	}
	gir_buf_puts(out, "</tbody>\n<tfoot><tr><th scope=\"row\">");
	gir_site_esc(out, s->w[W_TOTAL]);
	gir_buf_puts(out, "</th>");
	for (size_t c = 0; c < ncols; c++)
		number_cell(out, any && total_ok[c] && !totals[c].bad ? &totals[c] : NULL);
	gir_buf_puts(out, "</tr></tfoot>\n</table></div>\n");
	el(out, "p", " class=\"note\"", s->w[W_NOT_IN_TOTAL]);
	gir_buf_puts(out, "\n</section>\n");
	free(order);
	free(totals);
	free(total_ok);
	free(cols);
	free(yt);
}

/* The label of a key figure in any report's template, or NULL. */
static const char *figure_label(const gir_site *s, const char *id)
{
	for (size_t i = 0; i < s->n; i++) {
		const gir_figure *f = s->e[i].rep ? gir_template_figure(s->e[i].rep->tpl, id) : NULL;
		if (f)
			return f->label;
	}
	return NULL;
}

/* "按本年新收申请从多到少排列": sorted_by with {label} filled in. */
static char *sorted_words(const gir_site *s, const char *label)
{
	const char *at = strstr(s->w[W_SORTED_BY], "{label}");
	if (!at)
		return gir_xstrdup(s->w[W_SORTED_BY]);
	return gir_xasprintf("%.*s%s%s", (int)(at - s->w[W_SORTED_BY]), s->w[W_SORTED_BY], label,
	                     at + 7);
}

/* summary.html in reading order, and summary-ID.html sorted by each figure
 * of the template's "site" "sort" list: another order without a script. */
static void write_summary(const gir_site *s, gir_buf *out, const char *by)
{
	char *title = gir_xasprintf("%s%s", s->w[W_TITLE], s->w[W_SUMMARY]);
	page_start(s, out, "", title);
	free(title);
	const cJSON *sort = cJSON_GetObjectItemCaseSensitive(s->spec, "sort"), *j;
	gir_buf_puts(out, "<p class=\"orders\">");
	gir_site_esc(out, s->w[W_ORDER]);
	bool first = true;
	cJSON_ArrayForEach(j, sort)
	{
		const char *label = cJSON_IsString(j) ? figure_label(s, j->valuestring) : NULL;
		if (!label)
			continue;
		if (first) {
			gir_buf_puts(out, "：");
			if (by)
				anchor(out, "summary.html", s->w[W_READING_ORDER]);
			else
				el(out, "strong", "", s->w[W_READING_ORDER]);
			first = false;
		}
		char *words = sorted_words(s, label), *href = gir_xasprintf("summary-%s.html", j->valuestring);
		gir_buf_puts(out, " · ");
		if (by && strcmp(by, j->valuestring) == 0)
			el(out, "strong", "", words);
		else
			anchor(out, href, words);
		free(words);
		free(href);
	}
	gir_buf_puts(out, "</p>\n");
	char *order_words = by ? sorted_words(s, figure_label(s, by)) : gir_xstrdup(s->w[W_READING_ORDER]);
	for (size_t y = s->nyears; y-- > 0;)
		summary_year(s, out, s->years[y], by, order_words);
	free(order_words);
	page_end(out);
}

/* An agency: its key figures with the years side by side, links to each
 * report, and `gireport diff` from each year to the next. */
static void write_agency(const gir_site *s, const agency *ag, gir_buf *out)
{
	page_start(s, out, "../", ag->name);
	const entry **es = gir_xcalloc(s->nyears + 1, sizeof(entry *));
	column *cols = NULL;
	size_t ncols = 0;
	for (size_t y = 0; y < s->nyears; y++) {
		es[y] = find(s, ag->key, s->years[y]);
		if (es[y] && es[y]->rep)
			ncols = merge_columns(&cols, ncols, es[y]->rep->tpl);
	}
	gir_buf_puts(out, "<div class=\"wide\"><table class=\"years\">\n<caption>");
	gir_site_esc(out, s->w[W_FIGURES]);
	gir_buf_puts(out, "</caption>\n<thead><tr><th scope=\"col\">");
	gir_site_esc(out, s->w[W_ITEM]);
	gir_buf_puts(out, "</th>");
	for (size_t y = 0; y < s->nyears; y++) {
		if (!es[y])
			continue;
		char *yt = year_text(s, s->years[y]);
		gir_buf_puts(out, "<th scope=\"col\">");
		if (es[y]->rep) {
			char *href = gir_xasprintf("../reports/%s/%d.html", ag->key, s->years[y]);
			anchor(out, href, yt);
			free(href);
		} else {
			gir_site_esc(out, yt);
			gir_buf_puts(out, " ");
			status(out, "status errors", s->w[W_ERRORS], es[y]->errors);
		}
		gir_buf_puts(out, "</th>");
		free(yt);
	}
	gir_buf_puts(out, "</tr></thead>\n<tbody>\n");
	for (size_t c = 0; c < ncols; c++) {
		gir_buf_puts(out, "<tr>");
		el(out, "th", " scope=\"row\"", cols[c].label);
		for (size_t y = 0; y < s->nyears; y++) {
			gir_value v;
			if (es[y])
				number_cell(out, figure_of(es[y]->rep, cols[c].id, &v) ? &v : NULL);
		}
		gir_buf_puts(out, "</tr>\n");
	}
	gir_buf_puts(out, "</tbody>\n</table></div>\n");
	for (size_t y = 1; y < s->nyears; y++) {
		if (!es[y - 1] || !es[y] || !es[y - 1]->rep || !es[y]->rep)
			continue;
		char *h = gir_xasprintf("%d%s → %d%s %s", s->years[y - 1], s->w[W_YEAR_UNIT],
		                        s->years[y], s->w[W_YEAR_UNIT], s->w[W_DIFF]);
		gir_buf_puts(out, "<section class=\"diff\">\n");
		el(out, "h2", "", h);
		gir_buf_puts(out, "\n");
		free(h);
		gir_diff(es[y - 1]->rep, es[y - 1]->file, es[y]->rep, es[y]->file, GIR_DIFF_HTML, out);
		gir_buf_puts(out, "</section>\n");
	}
	page_end(out);
	free(cols);
	free(es);
}

/* ---- charts.html ------------------------------------------------------------------------ */

/* A chart's series from the template: {"label", "path"} with a path or a
 * list of paths (added up), as the "summary" figures. */
typedef struct series {
	const char *label;
	gir_figure fig;
} series;

static char *fill(const char *text, int year, int last)
{
	gir_buf b = {0};
	for (const char *p = text; *p;) {
		if (strncmp(p, "{year}", 6) == 0)
			gir_buf_printf(&b, "%d", year), p += 6;
		else if (strncmp(p, "{last}", 6) == 0)
			gir_buf_printf(&b, "%d", last), p += 6;
		else
			gir_buf_putc(&b, *p++);
	}
	return gir_buf_detach(&b);
}

static const char *jstr(const cJSON *o, const char *key)
{
	const cJSON *j = cJSON_GetObjectItemCaseSensitive(o, key);
	return cJSON_IsString(j) ? j->valuestring : NULL;
}

/* Reads a chart's series; -1 with a diagnostic when one is malformed. */
static int read_series(const cJSON *chart, series **out, size_t *n, gir_diags *d)
{
	const cJSON *list = cJSON_GetObjectItemCaseSensitive(chart, "series");
	*n = cJSON_IsArray(list) ? (size_t)cJSON_GetArraySize(list) : 0;
	*out = gir_xcalloc(*n + 1, sizeof(series));
	if (!*n)
		goto bad;
	for (size_t i = 0; i < *n; i++) {
		const cJSON *j = cJSON_GetArrayItem(list, (int)i);
		const cJSON *p = cJSON_GetObjectItemCaseSensitive(j, "path");
		series *se = &(*out)[i];
		se->label = jstr(j, "label");
		size_t np = cJSON_IsArray(p) ? (size_t)cJSON_GetArraySize(p) : cJSON_IsString(p) ? 1u : 0u;
		if (!se->label || !np)
			goto bad;
		se->fig.paths = gir_xcalloc(np, sizeof(char *));
		for (size_t k = 0; k < np; k++) {
			const cJSON *ps = cJSON_IsArray(p) ? cJSON_GetArrayItem(p, (int)k) : p;
			if (!cJSON_IsString(ps))
				goto bad;
			se->fig.paths[se->fig.npaths++] = ps->valuestring;
		}
	}
	return 0;
bad:
	gir_diags_add(d, NULL, GIR_MSG(ERROR, site_chart_series,
	              "template: a \"site\" chart needs \"series\": "
	              "[{\"label\", \"path\"}, …] with an id path or a list of them"));
	return -1;
}

static void free_series(series *se, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(se[i].fig.paths);
	free(se);
}

/* The value of a series in a report: false when the report has errors or
 * its edition lacks a path. */
static bool series_value(const series *se, const gir_report *rep, gir_value *v)
{
	if (!rep)
		return false;
	for (size_t i = 0; i < se->fig.npaths; i++)
		if (!gir_template_has_path(rep->tpl, se->fig.paths[i]))
			return false;
	return gir_report_figure(rep, &se->fig, v) && !v->bad;
}

typedef struct chart_data {
	gir_chart c;
	char **owned;         /* labels made here */
	size_t nowned;
} chart_data;

static const char *keep(chart_data *cd, char *text)
{
	cd->owned = gir_xrealloc(cd->owned, (cd->nowned + 1) * sizeof(char *));
	return cd->owned[cd->nowned++] = text;
}

static void add_row(chart_data *cd, const char *label)
{
	gir_chart *c = &cd->c;
	c->row_labels = gir_xrealloc(c->row_labels, (c->nrows + 1) * sizeof(char *));
	c->row_labels[c->nrows] = label;
	c->v = gir_xrealloc(c->v, (c->nrows + 1) * c->nseries * sizeof(gir_value));
	c->have = gir_xrealloc(c->have, (c->nrows + 1) * c->nseries * sizeof(bool));
	memset(&c->v[c->nrows * c->nseries], 0, c->nseries * sizeof(gir_value));
	memset(&c->have[c->nrows * c->nseries], 0, c->nseries * sizeof(bool));
	c->nrows++;
}

static void set(chart_data *cd, size_t s, bool have, gir_value v)
{
	size_t i = (cd->c.nrows - 1) * cd->c.nseries + s;
	cd->c.have[i] = have;
	cd->c.v[i] = v;
}

/* The sum over the agencies' reports of a year; given when one report has it. */
static bool city_value(const gir_site *s, const series *se, int year, gir_value *sum)
{
	bool any = false;
	*sum = (gir_value){0};
	for (size_t a = 0; a < s->nag; a++) {
		const entry *e = find(s, s->ag[a].key, year);
		gir_value v;
		if (e && series_value(se, e->rep, &v)) {
			*sum = gir_value_add(*sum, v);
			any = true;
		}
	}
	return any && !sum->bad;
}

/* Fills a chart of a kind: "compare" (agencies, last year and this year of
 * the first series), "stack" (agencies and 合计, the series stacked) or
 * "trend" (every year, the city's sum of each series side by side). */
static int fill_chart(const gir_site *s, chart_data *cd, const char *kind, const series *se,
                      size_t nse, int year, int last)
{
	gir_chart *c = &cd->c;
	gir_value v;
	if (strcmp(kind, "compare") == 0) {
		c->nseries = 2;
		c->series_labels = gir_xcalloc(2, sizeof(char *));
		c->series_labels[0] = keep(cd, year_text(s, last));
		c->series_labels[1] = keep(cd, year_text(s, year));
		for (size_t a = 0; a < s->nag; a++) {
			const entry *now = find(s, s->ag[a].key, year), *then = find(s, s->ag[a].key, last);
			if (!(now && now->rep) && !(then && then->rep))
				continue;
			add_row(cd, s->ag[a].name);
			bool h = then && series_value(&se[0], then->rep, &v);
			set(cd, 0, h, v);
			h = now && series_value(&se[0], now->rep, &v);
			set(cd, 1, h, v);
		}
		return 0;
	}
	c->nseries = nse;
	c->series_labels = gir_xcalloc(nse, sizeof(char *));
	for (size_t i = 0; i < nse; i++)
		c->series_labels[i] = se[i].label;
	if (strcmp(kind, "stack") == 0) { /* the agencies, without the city (another scale) */
		c->stacked = true;
		c->total_label = s->w[W_TOTAL];
		for (size_t a = 0; a < s->nag; a++) {
			const entry *e = find(s, s->ag[a].key, year);
			if (!e || !e->rep)
				continue;
			add_row(cd, s->ag[a].name);
			for (size_t i = 0; i < nse; i++) {
				bool h = series_value(&se[i], e->rep, &v);
				set(cd, i, h, v);
			}
		}
		return 0;
	}
	if (strcmp(kind, "city") == 0) { /* the same for the whole city, one bar */
		c->stacked = true;
		c->total_label = s->w[W_TOTAL];
		add_row(cd, s->w[W_CITY]);
		for (size_t i = 0; i < nse; i++) {
			bool h = city_value(s, &se[i], year, &v);
			set(cd, i, h, v);
		}
		return 0;
	}
	if (strcmp(kind, "trend") == 0) {
		for (size_t y = 0; y < s->nyears; y++) {
			add_row(cd, keep(cd, year_text(s, s->years[y])));
			for (size_t i = 0; i < nse; i++) {
				bool h = city_value(s, &se[i], s->years[y], &v);
				set(cd, i, h, v);
			}
		}
		return 0;
	}
	return -1;
}

/* What a chart's template entry says. */
typedef struct chart_part {
	const char *id, *kind, *title, *desc, *rows, *axis;
} chart_part;

static int render_chart(const gir_site *s, const chart_part *p, const series *se, size_t nse,
                        int year, int last, gir_buf *out)
{
	chart_data cd = {.c = {.id = p->id, .rows_label = p->rows, .axis = p->axis,
	                       .data_word = s->w[W_DATA]}};
	cd.c.title = fill(p->title, year, last);
	cd.c.desc = fill(p->desc, year, last);
	int rc = fill_chart(s, &cd, p->kind, se, nse, year, last);
	if (rc == 0)
		gir_chart_write(&cd.c, out);
	free(cd.c.title);
	free(cd.c.desc);
	free(cd.c.series_labels);
	free(cd.c.row_labels);
	free(cd.c.v);
	free(cd.c.have);
	for (size_t i = 0; i < cd.nowned; i++)
		free(cd.owned[i]);
	free(cd.owned);
	return rc;
}

static int write_chart(const gir_site *s, const cJSON *spec, int year, int last, gir_buf *out,
                       gir_diags *d)
{
	const char *id = jstr(spec, "id"), *kind = jstr(spec, "kind"), *title = jstr(spec, "title");
	const char *desc = jstr(spec, "desc"), *rows = jstr(spec, "rows"), *axis = jstr(spec, "axis");
	if (!id || !kind || !title || !desc || !rows || !axis || strspn(id, "abcdefghijklmnopqrstuvwxyz_-") !=
	    strlen(id)) {
		gir_diags_add(d, NULL, GIR_MSG(ERROR, site_chart_fields,
		              "template: a \"site\" chart needs \"id\" (a-z, _, -), "
		              "\"kind\", \"title\", \"desc\", \"rows\" and \"axis\""));
		return -1;
	}
	series *se;
	size_t nse;
	if (read_series(spec, &se, &nse, d) != 0) {
		free_series(se, nse);
		return -1;
	}
	int rc = render_chart(s, &(chart_part){id, kind, title, desc, rows, axis}, se, nse, year, last,
	                      out);
	if (rc == 0 && strcmp(kind, "stack") == 0) {
		char *city_id = gir_xasprintf("%s-city", id);
		char *city_title = gir_xasprintf("%s（%s）", title, s->w[W_CITY]);
		rc = render_chart(s, &(chart_part){city_id, "city", city_title, desc, rows, axis}, se, nse,
		                  year, last, out);
		free(city_id);
		free(city_title);
	}
	if (rc != 0)
		gir_diags_add(d, NULL, GIR_MSG(ERROR, site_chart_kind,
		              "template: site chart \"%s\": unknown \"kind\" \"%s\" "
		              "(compare, stack, trend)"), id, kind);
	free_series(se, nse);
	return rc;
}

static int write_charts(const gir_site *s, gir_buf *out, gir_diags *d)
{
	int year = s->nyears ? s->years[s->nyears - 1] : 0;
	int last = s->nyears > 1 ? s->years[s->nyears - 2] : year - 1;
	char *title = gir_xasprintf("%d%s%s%s", year, s->w[W_YEAR_UNIT], s->w[W_TITLE], s->w[W_CHARTS]);
	page_start(s, out, "", title);
	free(title);
	el(out, "p", " class=\"note\"", s->w[W_NOT_IN_TOTAL]);
	gir_buf_puts(out, "\n");
	const cJSON *charts = cJSON_GetObjectItemCaseSensitive(s->spec, "charts"), *c;
	int rc = 0;
	cJSON_ArrayForEach(c, charts)
	{
		if (write_chart(s, c, year, last, out, d) != 0)
			rc = -1;
	}
	page_end(out);
	return rc;
}

/* ---- the style sheet ------------------------------------------------------------------ */

/* Screen, then print on A4.  The series colours are Okabe and Ito's, told
 * apart by readers with any kind of colour blindness. */
static const char css[] =
	"html { color: #111; background: #fff; }\n"
	"body { margin: 0; font: 16px/1.6 'Noto Sans CJK SC', 'WenQuanYi Zen Hei', 'SimHei',"
	" sans-serif; }\n"
	"nav.site { padding: .6em 1.5em; border-bottom: 1px solid #ccc; }\n"
	"main { max-width: 64em; margin: 0 auto; padding: 1em 1.5em 3em; }\n"
	"h1 { font-size: 1.5em; margin: .5em 0 1em; }\n"
	"h2 { font-size: 1.2em; margin: 1.5em 0 .5em; }\n"
	"a { color: #0645ad; }\n"
	"table { border-collapse: collapse; margin: .5em 0 1em; font-size: .9em; }\n"
	"caption { text-align: left; padding: .3em 0; font-weight: bold; }\n"
	"th, td { border: 1px solid #bbb; padding: .25em .5em; vertical-align: top; }\n"
	"thead th { background: #f2f2f2; }\n"
	"th[scope='row'] { text-align: left; font-weight: normal; }\n"
	"td { text-align: right; font-variant-numeric: tabular-nums; }\n"
	"table.index td { text-align: left; min-width: 9em; }\n"
	"table.index th[scope='row'], table.summary th[scope='row'] { white-space: nowrap; }\n"
	".wide { overflow-x: auto; }\n"
	"table.summary thead th { min-width: 3.2em; font-size: .9em; }\n"
	"tfoot th, tfoot td { font-weight: bold; border-top: 2px solid #555; }\n"
	".status { font-weight: bold; }\n"
	"td.ok .status { color: #1b7f3b; }\n"
	"td.warnings .status { color: #8a5a00; }\n"
	"td.errors .status, .status.errors { color: #b00020; }\n"
	"td.missing { background: #fdecea; }\n"
	"p.diag { margin: .2em 0 0; font-size: .85em; color: #444; word-break: break-all; }\n"
	"p.note { color: #444; font-size: .9em; }\n"
	"section.diff h3 { font-size: 1em; margin: 1em 0 .3em; }\n"
	"table.changes td { min-width: 3em; }\n"
	"ul.edits { padding-left: 1.2em; }\n"
	"ul.edits li { margin: .2em 0; }\n"
	"li.removed { color: #8b1a1a; text-decoration: line-through; text-decoration-thickness: 1px; }\n"
	"li.added { color: #1b5e20; }\n"
	"li .sign { font-weight: bold; text-decoration: none; display: inline-block; }\n"
	"figure.chart { margin: 1.5em 0 2.5em; }\n"
	"svg.chart { max-width: 100%; height: auto; font-size: 13px; }\n"
	"svg .chart-title { font-size: 16px; font-weight: bold; }\n"
	"svg .axis-label { font-size: 13px; fill: #333; }\n"
	"svg .tick, svg .value { font-size: 12px; fill: #222; }\n"
	"svg .in-bar { font-size: 11px; fill: #fff; }\n"
	"svg .grid { stroke: #ddd; stroke-width: 1; }\n"
	"svg .s0 { fill: #0072b2; } svg .s1 { fill: #e69f00; } svg .s2 { fill: #d55e00; }\n"
	"svg .s3 { fill: #009e73; } svg .s4 { fill: #cc79a7; } svg .s5 { fill: #56b4e9; }\n"
	"svg .s6 { fill: #f0e442; } svg .s7 { fill: #000; }\n"
	"@page { size: A4; margin: 20mm 15mm; }\n"
	"@media print {\n"
	"  body { font-size: 10.5pt; }\n"
	"  nav.site { display: none; }\n"
	"  main { max-width: none; padding: 0; }\n"
	"  a { color: inherit; text-decoration: none; }\n"
	"  thead { display: table-header-group; }\n"
	"  tr, figure.chart, svg { break-inside: avoid; }\n"
	"  h1, h2, caption { break-after: avoid; }\n"
	"  .wide { overflow: visible; }\n"
	"  table { font-size: 8pt; }\n"
	"}\n";

/* ---- the whole site -------------------------------------------------------------------- */

static int emit(gir_site_write_fn fn, void *ctx, const char *path, gir_buf *b)
{
	int rc = fn(ctx, path, b->ptr ? b->ptr : "", b->len);
	gir_buf_clear(b);
	return rc;
}

int gir_site_write(gir_site *s, const gir_options *opt, gir_site_write_fn fn, void *ctx,
                   gir_diags *d)
{
	collect(s);
	if (choose_spec(s, d) != 0)
		return -1;
	gir_buf b = {0};
	int rc = 0;
	gir_buf_puts(&b, css);
	rc |= emit(fn, ctx, "site.css", &b);
	write_index(s, &b);
	rc |= emit(fn, ctx, "index.html", &b);
	write_summary(s, &b, NULL);
	rc |= emit(fn, ctx, "summary.html", &b);
	const cJSON *sort = cJSON_GetObjectItemCaseSensitive(s->spec, "sort"), *j;
	cJSON_ArrayForEach(j, sort)
	{
		if (!cJSON_IsString(j) || !figure_label(s, j->valuestring) ||
		    strspn(j->valuestring, "abcdefghijklmnopqrstuvwxyz_") != strlen(j->valuestring))
			continue; /* a figure no report has: no page */
		write_summary(s, &b, j->valuestring);
		char *path = gir_xasprintf("summary-%s.html", j->valuestring);
		rc |= emit(fn, ctx, path, &b);
		free(path);
	}
	if (write_charts(s, &b, d) != 0) {
		gir_buf_free(&b);
		return -1;
	}
	rc |= emit(fn, ctx, "charts.html", &b);
	for (size_t a = 0; a < s->nag; a++) {
		write_agency(s, &s->ag[a], &b);
		char *path = gir_xasprintf("agencies/%s.html", s->ag[a].key);
		rc |= emit(fn, ctx, path, &b);
		free(path);
	}
	for (size_t i = 0; i < s->n; i++) {
		const entry *e = &s->e[i];
		if (!e->rep)
			continue;
		gir_render_html(e->rep, opt, &b);
		char *path = gir_xasprintf("reports/%s/%d.html", e->key, e->year);
		rc |= emit(fn, ctx, path, &b);
		free(path);
	}
	gir_buf_free(&b);
	return rc ? -1 : 0;
}
