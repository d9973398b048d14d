/* Unit tests for src/render/site.c and site_chart.c: the files of a site in
 * their order, agency keys made safe, a second report of one agency and
 * year, and the geometry of a chart (bar widths from one scale, the axis). */
#include "helpers.h"

#include "site.h"

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	assert_non_null(f);
	char *text = malloc(1 << 20);
	assert_non_null(text);
	*len = fread(text, 1, (1 << 20) - 1, f);
	text[*len] = '\0';
	fclose(f);
	return text;
}

static gir_report *load(const gir_registry *r, const char *path)
{
	size_t len;
	char *text = slurp(path, &len);
	gir_diags *d = gir_diags_new();
	gir_options opt = {0};
	gir_report *rep = gir_report_load(r, path, text, len, &opt, d);
	assert_non_null(rep);
	gir_diags_free(d);
	free(text);
	return rep;
}

typedef struct collected {
	char paths[64][64];
	size_t n;
	char *index;
} collected;

static int collect_page(void *ctx, const char *path, const char *data, size_t len)
{
	collected *c = ctx;
	assert_true(c->n < 64);
	snprintf(c->paths[c->n++], sizeof c->paths[0], "%s", path);
	if (strcmp(path, "index.html") == 0)
		c->index = strndup(data, len);
	return 0;
}

static void pages(void **state)
{
	(void)state;
	gir_diags *d = gir_diags_new();
	gir_registry *r = gir_registry_new(d);
	gir_site *s = gir_site_new(r);
	gir_site_add(s, "tongji", "examples/city/tongji/2020.yaml", 2020,
	             load(r, "examples/city/tongji/2020.yaml"), NULL, GIR_SITE_PDF);
	gir_site_add(s, "tongji", "examples/city/tongji/2021.yaml", 2021,
	             load(r, "examples/city/tongji/2021.yaml"), NULL, 0);
	gir_diags *bad = gir_diags_new();
	gir_diags_add(bad, "x/2021.yaml", GIR_ERROR, "test", "it is broken");
	gir_site_add(s, "x", "x/2021.yaml", 2021, NULL, bad, 0);
	gir_diags_free(bad);
	assert_true(gir_site_has(s, "tongji", 2021));
	assert_false(gir_site_has(s, "tongji", 2019));
	collected c = {0};
	gir_options opt = {0};
	assert_int_equal(gir_site_write(s, &opt, collect_page, &c, d), 0);
	static const char *const want[] = {
		"site.css", "index.html", "summary.html", "summary-received.html",
		"summary-granted.html", "summary-review.html", "charts.html", "agencies/tongji.html",
		"agencies/x.html", "reports/tongji/2020.html", "reports/tongji/2021.html"};
	assert_int_equal(c.n, sizeof want / sizeof want[0]);
	for (size_t i = 0; i < c.n; i++)
		assert_string_equal(c.paths[i], want[i]);
	/* The broken source: its status and first diagnostic, no links. */
	assert_non_null(strstr(c.index, "<td class=\"errors\"><span class=\"status\">错误 1</span>"
	                                "<p class=\"diag\">x/2021.yaml: error: it is broken</p></td>"));
	/* 2020's PDF is linked, 2021's (not built) is not. */
	assert_non_null(strstr(c.index, "href=\"reports/tongji/2020.pdf\""));
	assert_null(strstr(c.index, "href=\"reports/tongji/2021.pdf\""));
	free(c.index);
	gir_site_free(s);
	gir_registry_free(r);
	gir_diags_free(d);
}

static void keys(void **state)
{
	(void)state;
	char *p = gir_site_report_path("a b/\xC3\xBC-_Z9", 2021, "pdf");
	assert_string_equal(p, "reports/a~20b~2F~C3~BC-_Z9/2021.pdf");
	free(p);
	p = gir_site_report_path("..", 2020, "html");
	assert_string_equal(p, "reports/~2E~2E/2020.html");
	free(p);
	p = gir_site_report_path("", 2020, "html");
	assert_string_equal(p, "reports/~/2020.html");
	free(p);
}

/* The x and width of each bar, in order. */
static size_t bars(const char *svg, double *x, double *w, size_t cap)
{
	size_t n = 0;
	for (const char *p = svg; (p = strstr(p, "<rect class=\"bar ")) && n < cap; p++) {
		const char *px = strstr(p, " x=\""), *pw = strstr(p, " width=\"");
		x[n] = atof(px + 4);
		w[n++] = atof(pw + 8);
	}
	return n;
}

static void chart(void **state)
{
	(void)state;
	const char *rows[] = {"甲", "乙"}, *series[] = {"一", "二"};
	gir_value v[4] = {{.v = 61}, {.v = 0}, {.v = 125, .scale = 1}, {.v = 3}};
	bool have[4] = {true, true, true, false};
	gir_chart c = {.id = "t", .title = "标题", .desc = "说明", .rows_label = "机关",
	               .axis = "件数", .data_word = "数据表", .nrows = 2, .nseries = 2,
	               .row_labels = rows, .series_labels = series, .v = v, .have = have};
	gir_buf out = {0};
	gir_chart_write(&c, &out);
	double x[8], w[8];
	/* Side by side: 61, 0, 12.5 (the fourth is not given: no bar); the
	 * axis ends at 100, so 460 px stand for 100. */
	assert_int_equal(bars(out.ptr, x, w, 8), 3);
	assert_true(w[0] > 280.5 && w[0] < 280.7);   /* 61 × 4.6 */
	assert_true(w[1] == 0);
	assert_true(w[2] > 57.4 && w[2] < 57.6);     /* 12.5 × 4.6 */
	assert_non_null(strstr(out.ptr, "data-tick=\"100\">100</text>"));
	assert_null(strstr(out.ptr, "data-tick=\"120\""));
	assert_non_null(strstr(out.ptr, "<td>12.5</td><td>—</td></tr>"));
	gir_buf_free(&out);
	/* Stacked: one bar per row, the segments end to end, the axis to 100
	 * for the longest row (61 + 0). */
	c.stacked = true;
	c.total_label = "合计";
	gir_chart_write(&c, &out);
	assert_int_equal(bars(out.ptr, x, w, 8), 3);
	assert_true(x[1] > x[0] + w[0] - 0.01 && x[1] < x[0] + w[0] + 0.01);
	assert_non_null(strstr(out.ptr, "<td>61</td><td>0</td><td>61</td></tr>"));
	gir_buf_free(&out);
	/* Small numbers: the axis ends at 5, in whole ticks. */
	gir_value small[4] = {{.v = 1}, {.v = 2}, {.v = 3}, {.v = 0}};
	c.v = small;
	c.stacked = false;
	gir_chart_write(&c, &out);
	assert_non_null(strstr(out.ptr, "data-tick=\"5\">5</text>"));
	assert_non_null(strstr(out.ptr, "data-tick=\"1\">1</text>"));
	assert_null(strstr(out.ptr, "data-tick=\"6\""));
	gir_buf_free(&out);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(pages),
		cmocka_unit_test(keys),
		cmocka_unit_test(chart),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
