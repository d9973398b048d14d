/* The library as a program that links it sees it: this file includes only
 * include/gireport.h (the Makefile compiles it with -Iinclude and nothing of
 * src/), as cmark's api_test does.  It loads a source, checks it, renders it
 * in every format, reads a diagnostic of a broken one, runs the carry-over
 * check against last year's file, writes a skeleton, a schema, a summary and
 * a diff, and imports text back. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "gireport.h"

/* The whole of a file. */
static char *read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	assert_non_null(f);
	gir_buf b = {0};
	char chunk[4096];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		gir_buf_put(&b, chunk, n);
	fclose(f);
	*len = b.len;
	return b.ptr;
}

#define EXAMPLE "examples/lvyuan-tongji-2020.yaml"

static void registry_has_the_editions(void **state)
{
	(void)state;
	gir_diags *d = gir_diags_new();
	gir_registry *r = gir_registry_new(d);
	assert_non_null(r);
	assert_int_equal(gir_diags_count(d), 0);
	assert_true(gir_registry_count(r) >= 3);
	const gir_template *t = gir_registry_find(r, "gov-2021");
	assert_non_null(t);
	assert_string_equal(gir_template_id(t), "gov-2021");
	assert_ptr_equal(gir_registry_for_year(r, 2022), t);
	assert_string_equal(gir_template_id(gir_registry_for_year(r, 2020)), "gov-2019");
	assert_null(gir_registry_find(r, "no-such-edition"));
	gir_registry_free(r);
	gir_diags_free(d);
}

static void load_and_render_every_format(void **state)
{
	(void)state;
	size_t len;
	char *text = read_file(EXAMPLE, &len);
	gir_diags *d = gir_diags_new();
	gir_registry *r = gir_registry_new(d);
	gir_options opt = {0};
	opt.diags = d;
	gir_report *rep = gir_report_load(r, EXAMPLE, text, len, &opt, d);
	assert_non_null(rep);
	assert_int_equal(gir_diags_count_severity(d, GIR_ERROR), 0);
	assert_int_equal(gir_report_year(rep), 2020);
	assert_non_null(strstr(gir_report_agency(rep), "绿园"));
	int (*const renderers[])(const gir_report *, const gir_options *, gir_buf *) = {
		gir_render_text, gir_render_md, gir_render_tree, gir_render_json, gir_render_html,
		gir_render_pdf,
	};
	for (size_t i = 0; i < sizeof renderers / sizeof *renderers; i++) {
		gir_buf out = {0};
		assert_int_equal(renderers[i](rep, &opt, &out), 0);
		assert_true(out.len > 1000);
		gir_buf_free(&out);
	}
	gir_buf txt = {0};
	gir_render_text(rep, &opt, &txt);
	assert_non_null(strstr(txt.ptr, "政府信息公开"));
	gir_buf_free(&txt);
	gir_report_free(rep);
	gir_registry_free(r);
	gir_diags_free(d);
	free(text);
}

static void a_broken_source_gives_a_placed_error(void **state)
{
	(void)state;
	static const char src[] = "year: 2020\nagency: 某局\nrequests:\n  received: [1, 2]\n";
	gir_diags *d = gir_diags_new();
	gir_registry *r = gir_registry_new(d);
	gir_report *rep = gir_report_load(r, "broken.yaml", src, sizeof src - 1, NULL, d);
	assert_null(rep);
	assert_true(gir_diags_count_severity(d, GIR_ERROR) > 0);
	const gir_diag *first = NULL;
	for (size_t i = 0; i < gir_diags_count(d) && !first; i++)
		if (gir_diags_at(d, i)->line == 4)
			first = gir_diags_at(d, i);
	assert_non_null(first);
	assert_string_equal(first->file, "broken.yaml");
	assert_true(first->column > 0);
	gir_buf out = {0};
	gir_diags_format_text(d, src, sizeof src - 1, &out);
	assert_non_null(strstr(out.ptr, "broken.yaml:4:"));
	gir_buf_free(&out);
	gir_diags_format_json(d, &out);
	assert_non_null(strstr(out.ptr, "\"line\":4"));
	gir_buf_free(&out);
	gir_registry_free(r);
	gir_diags_free(d);
}

static void skeleton_and_schema(void **state)
{
	(void)state;
	gir_diags *d = gir_diags_new();
	gir_registry *r = gir_registry_new(d);
	const gir_template *t = gir_registry_find(r, "gov-2019");
	gir_buf sk = {0}, schema = {0};
	assert_int_equal(gir_template_skeleton(t, 2020, "某区统计局", &sk), 0);
	assert_non_null(strstr(sk.ptr, "某区统计局"));
	/* The skeleton is a source that loads. */
	gir_report *rep = gir_report_load(r, "new.yaml", sk.ptr, sk.len, NULL, d);
	assert_non_null(rep);
	gir_report_free(rep);
	assert_int_equal(gir_template_schema(t, &schema), 0);
	assert_non_null(strstr(schema.ptr, "\"$schema\""));
	gir_buf_free(&sk);
	gir_buf_free(&schema);
	gir_registry_free(r);
	gir_diags_free(d);
}

static void text_imports_back(void **state)
{
	(void)state;
	size_t len;
	char *text = read_file(EXAMPLE, &len);
	gir_diags *d = gir_diags_new();
	gir_registry *r = gir_registry_new(d);
	gir_report *rep = gir_report_load(r, EXAMPLE, text, len, NULL, d);
	gir_buf txt = {0}, src = {0};
	gir_render_text(rep, NULL, &txt);
	gir_diags *id = gir_diags_new();
	assert_int_equal(gir_import(r, "report.txt", txt.ptr, txt.len, &src, id), 0);
	assert_int_equal(gir_diags_count_severity(id, GIR_ERROR), 0);
	gir_report *back = gir_report_load(r, "imported.yaml", src.ptr, src.len, NULL, id);
	assert_non_null(back);
	assert_int_equal(gir_report_year(back), 2020);
	gir_report_free(back);
	gir_report_free(rep);
	gir_buf_free(&txt);
	gir_buf_free(&src);
	gir_diags_free(id);
	gir_registry_free(r);
	gir_diags_free(d);
	free(text);
}

static void too_large_a_source_is_refused(void **state)
{
	(void)state;
	size_t n = GIR_MAX_SOURCE + 1;
	char *text = gir_xmalloc(n);
	memset(text, '#', n);
	gir_diags *d = gir_diags_new();
	gir_registry *r = gir_registry_new(d);
	assert_null(gir_report_load(r, "huge.yaml", text, n, NULL, d));
	assert_int_equal(gir_diags_count_severity(d, GIR_ERROR), 1);
	assert_non_null(strstr(gir_diags_at(d, 0)->message, "larger than 16 MiB"));
	gir_registry_free(r);
	gir_diags_free(d);
	free(text);
}

/* tests/bad/carry-over-2021.yaml names last year's source, whose 结转 does
 * not match: the library finds it, loads it and says so. */
static void carry_over_checked_from_the_file(void **state)
{
	(void)state;
	const char *file = "tests/bad/carry-over-2021.yaml";
	size_t len;
	char *text = read_file(file, &len);
	gir_diags *d = gir_diags_new();
	gir_registry *r = gir_registry_new(d);
	gir_report *rep = gir_report_load(r, file, text, len, NULL, d);
	assert_non_null(rep);
	char *prev = gir_report_previous_file(rep, file);
	assert_string_equal(prev, "tests/bad/../ok/carry-over-2020.yaml");
	free(prev);
	assert_int_equal(gir_diags_count_severity(d, GIR_ERROR), 0);
	int errors = gir_report_check_previous_file(rep, r, file, NULL, d);
	assert_true(errors > 0);
	assert_int_equal((size_t)errors, gir_diags_count_severity(d, GIR_ERROR));
	gir_report_free(rep);
	gir_registry_free(r);
	gir_diags_free(d);
	free(text);
}

static void summary_and_diff(void **state)
{
	(void)state;
	size_t len;
	char *text = read_file(EXAMPLE, &len);
	gir_diags *d = gir_diags_new();
	gir_registry *r = gir_registry_new(d);
	gir_report *rep = gir_report_load(r, EXAMPLE, text, len, NULL, d);
	assert_non_null(rep);
	gir_summary *s = gir_summary_new(r);
	gir_summary_add(s, EXAMPLE, rep);
	static const char broken[] = "year: 2020\nagency: 某局\n";
	gir_summary_add_failed(s, r, "broken.yaml", broken, sizeof broken - 1, 3, 0, NULL);
	assert_int_equal(gir_summary_failed(s), 1);
	gir_buf md = {0}, diff = {0};
	gir_summary_md(s, &md);
	assert_non_null(strstr(md.ptr, "某局"));
	assert_int_equal(gir_diff(rep, "a.yaml", rep, "b.yaml", GIR_DIFF_TEXT, &diff), 0);
	gir_buf_free(&md);
	gir_buf_free(&diff);
	gir_summary_free(s);
	gir_report_free(rep);
	gir_registry_free(r);
	gir_diags_free(d);
	free(text);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(registry_has_the_editions),
		cmocka_unit_test(load_and_render_every_format),
		cmocka_unit_test(a_broken_source_gives_a_placed_error),
		cmocka_unit_test(skeleton_and_schema),
		cmocka_unit_test(text_imports_back),
		cmocka_unit_test(too_large_a_source_is_refused),
		cmocka_unit_test(carry_over_checked_from_the_file),
		cmocka_unit_test(summary_and_diff),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
