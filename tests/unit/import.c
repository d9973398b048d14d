/* Unit tests for gireport import (src/import_scan.c, import_table.c,
 * import.c): cells as numbers, labels read with ASCII punctuation, the three
 * table shapes cut into rows, edition scores, and whole imports whose
 * diagnostics stand at the input's lines. */
#include "helpers.h"

#include "import.h"

static void expect_number(const char *cell, const char *want)
{
	char *got = imp_number(cell);
	if (!want) {
		assert_null(got);
		return;
	}
	assert_non_null(got);
	assert_string_equal(got, want);
	free(got);
}

static void numbers(void **state)
{
	(void)state;
	expect_number("0", "0");
	expect_number(" 7 ", "7");
	expect_number("\xC2\xA0" "0", "0");          /* a no-break space from Word */
	expect_number("\xEF\xBC\x91\xEF\xBC\x92", "12"); /* full-width １２ */
	expect_number("1,234", "1234");
	expect_number("1,234,567.5", "1234567.5");
	expect_number("6.0248", "6.0248");
	expect_number("2.50", "2.50");
	expect_number("007", "7");
	expect_number("+3", "3");
	expect_number("-3", "-3");
	expect_number("1,23", NULL);
	expect_number("1.", NULL);
	expect_number("abc", NULL);
	expect_number("128条", NULL);
	expect_number("", NULL);
	assert_true(imp_no_value(""));
	assert_true(imp_no_value(" \xE2\x80\x94 "));
	assert_true(imp_no_value("-"));
	assert_false(imp_no_value("0"));
}

static void text_helpers(void **state)
{
	(void)state;
	char *n = imp_normalize("(二) 部分公开(区分处理的,只计这一情形,不计其他情形)");
	assert_string_equal(n, "（二）部分公开（区分处理的，只计这一情形，不计其他情形）");
	free(n);
	char *u = imp_md_unescape("1\\. a \\*b\\* \\| &amp; &lt;x&gt;");
	assert_string_equal(u, "1. a *b* | & <x>");
	free(u);
	gir_buf b = {0};
	gir_buf_puts(&b, "收到申请");
	imp_join(&b, "1份");
	assert_string_equal(b.ptr, "收到申请1份");
	gir_buf_clear(&b);
	gir_buf_puts(&b, "English words");
	imp_join(&b, "continue");
	assert_string_equal(b.ptr, "English words continue");
	gir_buf_free(&b);
	assert_int_equal(imp_width("规章 0"), 6);
}

/* Scans text and returns its rows. */
static size_t rows_of(const char *text, imp_doc *doc, gir_diags *d, imp_row **rows)
{
	memset(doc, 0, sizeof *doc);
	doc->file = "t.txt";
	doc->diags = d;
	assert_int_equal(imp_scan(doc, text, strlen(text)), 0);
	return imp_rows(doc, 0, doc->nlines, rows);
}

static void word_rows(void **state)
{
	(void)state;
	gir_diags *d = gir_diags_new();
	imp_doc doc;
	imp_row *rows;
	/* One cell per line; a cell broken over two lines; a blank line ends a row. */
	size_t n = rows_of("\t信息内容\n\t本年新\n制作数量\n\n\t规章\n\t0\n\t 1\n\n\ta\tb\tc\n", &doc, d, &rows);
	assert_int_equal(n, 3);
	assert_int_equal(rows[0].n, 2);
	assert_string_equal(rows[0].cells[1].text, "本年新制作数量");
	assert_int_equal(rows[1].n, 3);
	assert_string_equal(rows[1].cells[2].text, "1");
	assert_int_equal(rows[1].cells[2].pos.line, 7);
	assert_int_equal(rows[1].cells[2].pos.col, 2);
	assert_int_equal(rows[2].n, 3); /* a whole row on one line */
	assert_string_equal(rows[2].cells[2].text, "c");
	imp_rows_free(rows, n);
	imp_doc_free(&doc);
	gir_diags_free(d);
}

static void pipe_and_box_rows(void **state)
{
	(void)state;
	gir_diags *d = gir_diags_new();
	imp_doc doc;
	imp_row *rows;
	size_t n = rows_of("| 信息内容 | 本年\\|新 |\n|---|---|\n| 规章 | 0 | |\n", &doc, d, &rows);
	assert_int_equal(n, 2);
	assert_string_equal(rows[0].cells[1].text, "本年|新");
	assert_int_equal(rows[1].n, 3); /* the empty last cell is a column */
	assert_int_equal(rows[1].cells[1].col, 1);
	imp_rows_free(rows, n);
	imp_doc_free(&doc);
	/* gireport's own table: a row is the lines between two rules. */
	n = rows_of("┌────┬──┐\n│ 部分公开（区 │ 0 │\n│ 分处理的） │   │\n├────┼──┤\n│ 规章 │ 3 │\n└────┴──┘\n",
	            &doc, d, &rows);
	assert_true(doc.own_text);
	assert_int_equal(n, 2);
	assert_string_equal(rows[0].cells[0].text, "部分公开（区分处理的）");
	assert_string_equal(rows[0].cells[1].text, "0");
	assert_string_equal(rows[1].cells[1].text, "3");
	imp_rows_free(rows, n);
	imp_doc_free(&doc);
	gir_diags_free(d);
}

static void bad_text(void **state)
{
	(void)state;
	gir_diags *d = gir_diags_new();
	imp_doc doc = {.file = "t.txt", .diags = d};
	assert_int_equal(imp_scan(&doc, "", 0), -1);
	assert_non_null(find_diag(d, "empty"));
	assert_int_equal(imp_scan(&doc, "ok\n\xb6\xfe", 5), -1);
	expect_diag(d, GIR_ERROR, 2, 1, NULL, "not UTF-8 text");
	assert_int_equal(imp_scan(&doc, "a\0b", 3), -1);
	expect_diag(d, GIR_ERROR, 1, 2, NULL, "a NUL byte: not a text file");
	gir_diags_free(d);
}

static const gir_axis *row_axis(const gir_template *t, const char *sec, const char *path)
{
	const gir_section *s = gir_template_section(t, sec);
	for (size_t b = 0; b < s->nblocks; b++) {
		const gir_axis *a = gir_axis_find_path(&s->blocks[b]->rows, path);
		if (a)
			return a;
	}
	return NULL;
}

static void labels_and_scores(void **state)
{
	(void)state;
	gir_diags *d = gir_diags_new();
	gir_registry *r = gir_registry_new(d);
	const gir_template *t19 = gir_registry_find(r, "gov-2019");
	const gir_template *t21 = gir_registry_find(r, "gov-2021");
	assert_true(imp_label_matches(row_axis(t19, "requests", "partly_granted"),
	                              "(二) 部分公开(区分处理的,只计这一情形,不计其他情形)"));
	assert_true(imp_label_matches(row_axis(t19, "requests", "withheld.state_secret"), "1. 属于国家秘密"));
	assert_true(imp_label_matches(row_axis(t19, "requests", "results_total"), "(七) 总计"));
	assert_false(imp_label_matches(row_axis(t19, "requests", "granted"), "（二）部分公开"));
	imp_doc doc;
	imp_row *rows;
	size_t n = rows_of("\t信息内容\n\t上一年项目数量\n\t本年增/减\n\t处理决定数量\n", &doc, d, &rows);
	assert_true(imp_score(t19, rows, n) > imp_score(t21, rows, n));
	imp_rows_free(rows, n);
	imp_doc_free(&doc);
	gir_registry_free(r);
	gir_diags_free(d);
}

/* The cuts of a run of cells for block b of a section, as strings "a b c"
 * in the order found, joined by " | "; the count in *count. */
static char *cuts_of(const gir_template *t, const char *sec, size_t b, const char *run, size_t n,
                     size_t *count)
{
	const gir_block *bl = gir_template_section(t, sec)->blocks[b];
	imp_splits sp;
	assert_int_equal(imp_split_run(run, strlen(run), bl, n, &sp), 0);
	*count = sp.count;
	gir_buf out = {0};
	for (size_t s = 0; s < sp.nsplits; s++) {
		char *c = imp_split_cells(&sp, s, " ");
		gir_buf_printf(&out, "%s%s", s ? " | " : "", c);
		free(c);
	}
	imp_splits_free(&sp);
	return gir_buf_detach(&out);
}

static void expect_cuts(const gir_template *t, const char *sec, size_t b, const char *run, size_t n,
                        size_t count, const char *want)
{
	size_t got;
	char *c = cuts_of(t, sec, b, run, n, &got);
	assert_int_equal(got, count);
	if (want)
		assert_string_equal(c, want);
	free(c);
}

/* Cells run together (import_runs.c): every way to cut the digits into
 * the row's cells, each a well-formed number for its column, and no other. */
static void run_together_cuts(void **state)
{
	(void)state;
	gir_diags *d = gir_diags_new();
	gir_registry *r = gir_registry_new(d);
	const gir_template *t19 = gir_registry_find(r, "gov-2019");
	/* n digits into n cells: one way; no leading zero but 0 itself */
	expect_cuts(t19, "proactive", 0, "006", 3, 1, "0 0 6");
	expect_cuts(t19, "proactive", 0, "505", 3, 1, "5 0 5");
	expect_cuts(t19, "requests", 0, "5000005", 7, 1, "5 0 0 0 0 0 5");
	expect_cuts(t19, "appeals", 0, "315090000000000", 15, 1, "3 1 5 0 9 0 0 0 0 0 0 0 0 0 0");
	/* stray spaces are no cells: "10 0 00 0 1" is 1, 0, 0, 0, 0, 0, 1 */
	expect_cuts(t19, "requests", 0, "10 0 00 0 1", 7, 1, "1 0 0 0 0 0 1");
	/* several ways: all of them, none by likeness */
	expect_cuts(t19, "proactive", 0, "2023", 3, 2, "2 0 23 | 20 2 3");
	expect_cuts(t19, "proactive", 0, "7777166", 3, 15, NULL);
	/* a sign only in 本年增/减, never on 0; a unit only one the column has */
	expect_cuts(t19, "proactive", 1, "88-720", 3, 2, "88 -7 20 | 88 -72 0");
	expect_cuts(t19, "proactive", 1, "0+11", 3, 1, "0 +1 1");
	expect_cuts(t19, "proactive", 0, "1-10", 3, 0, "");
	expect_cuts(t19, "proactive", 1, "1-00", 3, 0, "");
	expect_cuts(t19, "proactive", 4, "547.9659万元", 2, 2, "5 47.9659万元 | 54 7.9659万元");
	expect_cuts(t19, "proactive", 4, "2笔", 2, 0, "");
	expect_cuts(t19, "proactive", 4, "1.52", 2, 0, ""); /* a count has no point */
	expect_cuts(t19, "proactive", 1, "1-10", 3, 1, "1 -1 0");
	/* too few digits for the cells: none */
	expect_cuts(t19, "requests", 0, "000000", 7, 0, "");
	/* hostile runs: counted without listing them, at most RUN_MAX_BYTES */
	char run[401];
	memset(run, '1', 200);
	run[200] = '\0';
	size_t got;
	char *c = cuts_of(t19, "appeals", 0, run, 15, &got);
	assert_int_equal(got, IMP_RUN_MAX_SPLITS + 1);
	assert_string_equal(c, "");
	free(c);
	memset(run, '1', 400); /* 15 cells of at most 15 digits hold 225 */
	run[400] = '\0';
	c = cuts_of(t19, "appeals", 0, run, 15, &got);
	assert_int_equal(got, 0);
	free(c);
	memset(run, '0', 400);
	c = cuts_of(t19, "requests", 0, run, 7, &got); /* 0000…: one 0 a cell, never 00 */
	assert_int_equal(got, 0);
	free(c);
	char long_run[402];
	memset(long_run, '1', 401);
	long_run[401] = '\0';
	imp_splits sp;
	assert_int_equal(imp_split_run(long_run, 401, gir_template_section(t19, "requests")->blocks[0], 7, &sp), -1);
	imp_splits_free(&sp);
	gir_registry_free(r);
	gir_diags_free(d);
}

/* The joins of a row's values (space-separated in `vals`, each joinable
 * unless it is "/") into n cells, as expect_cuts gives cuts. */
static void expect_joins(const gir_template *t, const char *sec, size_t b, const char *vals,
                         size_t n, size_t count, const char *want)
{
	const gir_block *bl = gir_template_section(t, sec)->blocks[b];
	char *copy = gir_xstrdup(vals), *save = NULL;
	const char *v[32];
	bool j[32];
	size_t nv = 0;
	for (char *w = strtok_r(copy, " ", &save); w && nv < 32; w = strtok_r(NULL, " ", &save))
		v[nv] = w, j[nv] = strcmp(w, "/") != 0, nv++;
	imp_splits sp;
	assert_int_equal(imp_join_values(v, j, nv, bl, n, &sp), 0);
	assert_int_equal(sp.count, count);
	gir_buf out = {0};
	for (size_t s = 0; s < sp.nsplits; s++) {
		char *c = imp_split_cells(&sp, s, " ");
		gir_buf_printf(&out, "%s%s", s ? " | " : "", c);
		free(c);
		/* each cell starts at a value */
		for (size_t m = 0; m < n; m++)
			assert_true(imp_split_value(&sp, s, m) < nv);
	}
	char *got = gir_buf_detach(&out);
	if (want)
		assert_string_equal(got, want);
	free(got);
	imp_splits_free(&sp);
	free(copy);
}

/* Cells split over lines (imp_join_values): every way to join adjacent
 * values into the row's cells, values joined only into a well-formed
 * number, a value alone as the copy gave it. */
static void split_cell_joins(void **state)
{
	(void)state;
	gir_diags *d = gir_diags_new();
	gir_registry *r = gir_registry_new(d);
	const gir_template *t21 = gir_registry_find(r, "gov-2021");
	/* 三明 2021: 1600, 20 or 162, never 00, 02, 01 */
	expect_joins(t21, "requests", 0, "160 0 0 2 0 0 1 62", 7, 3,
	             "160 0 0 2 0 0 162 | 160 0 0 20 0 1 62 | 1600 0 2 0 0 1 62");
	/* as many values as cells: the one way; too few: none */
	expect_joins(t21, "proactive", 0, "6 9 3", 3, 1, "6 9 3");
	expect_joins(t21, "proactive", 0, "6 9", 3, 0, "");
	/* a "/" is never joined, and stands alone */
	expect_joins(t21, "proactive", 0, "6 / 3 5", 3, 1, "6 / 35");
	expect_joins(t21, "proactive", 0, "0 0 0 0", 3, 0, "");
	/* hostile rows: counted past IMP_RUN_MAX_SPLITS without listing */
	expect_joins(t21, "requests", 0, "1 1 1 1 1 1 1 1 1 1 1 1 1 1 1", 7, IMP_RUN_MAX_SPLITS + 1, "");
	gir_registry_free(r);
	gir_diags_free(d);
}

/* Imports text; returns the source, diagnostics in *d. */
static char *import(const char *text, gir_diags **d, int *rc)
{
	*d = gir_diags_new();
	gir_registry *r = gir_registry_new(*d);
	gir_buf out = {0};
	*rc = gir_import(r, "in.txt", text, strlen(text), &out, *d);
	gir_registry_free(r);
	return gir_buf_detach(&out);
}

static const char head[] = "某区统计局2020年政府信息公开工作年度报告\n\n一、总体情况\n（一）主动公开\n全年公开信息23条。\n";

static void whole_import(void **state)
{
	(void)state;
	gir_diags *d;
	int rc;
	char *text = gir_xasprintf("%s二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n"
	                           "\t一、本年新收政府信息公开申请数量\n\t2\n\t0\n\t0\n\t0\n\t0\n\t0\n\t5\n\n"
	                           "六、其他需要报告的事项\n无。\n\n某区统计局\n2021年1月8日\n", head);
	char *src = import(text, &d, &rc);
	assert_int_equal(rc, 0);
	assert_non_null(strstr(src, "\nyear: 2020\nagency: 某区统计局\ntemplate: gov-2019\ndate: 2021-01-08\n"));
	assert_null(strstr(src, "title:"));
	assert_null(strstr(src, "signatories:"));
	assert_non_null(strstr(src, "  - 主动公开:\n      - 全年公开信息23条。\n"));
	assert_non_null(strstr(src, "  received: [2, 0, 0, 0, 0, 0, 5]\n"));
	assert_non_null(strstr(src, "other_matters:  # 六、其他需要报告的事项\n  - 无。\n"));
	/* The total that does not add up, found by the check of the source and
	 * reported at the total's own cell in the input (its line: one cell a
	 * line here). */
	const gir_diag *g = find_diag(d, "the columns add up to 2");
	if (!g)
		dump_diags(d);
	assert_non_null(g);
	assert_int_equal(g->severity, GIR_ERROR);
	assert_int_equal(g->line, 15); /* "\t5", the total as the input gives it */
	/* No silent zero: the rows and the table not in the input are 待填. */
	assert_non_null(strstr(src, "  carried_over: 待填  # import: not found in the input\n"));
	assert_non_null(strstr(src, "\nappeals: 待填  # "));
	assert_non_null(find_diag(d, "二、上年结转政府信息公开申请数量: not found in the input; the source has 待填"));
	gir_diags_free(d);
	free(src);
	free(text);
}

static void narrative_shapes(void **state)
{
	(void)state;
	gir_diags *d;
	int rc;
	/* A paragraph broken inside a quotation is joined; text that YAML would
	 * read otherwise is quoted; braces are kept literal. */
	char *src = import("某区统计局2020年政府信息公开工作年度报告\n一、总体情况\n做到“四个\n\n结合”：一是。\n"
	                   "Note: 123\n大括号{{year}}照印。\n五、存在的主要问题及改进情况\n- 无\n", &d, &rc);
	assert_int_equal(rc, 0);
	assert_non_null(strstr(src, "  - 做到“四个结合”：一是。\n"));
	assert_non_null(strstr(src, "  - \"Note: 123\"\n"));
	assert_non_null(strstr(src, "  - 大括号{{'{{'}}year}}照印。\n"));
	assert_non_null(strstr(src, "  - \"- 无\"\n"));
	expect_diag(d, GIR_WARNING, 5, 1, NULL, "a paragraph broken inside a quotation; joined with the one before");
	gir_diags_free(d);
	free(src);
}

static void unplaced_row(void **state)
{
	(void)state;
	gir_diags *d;
	int rc;
	char *text = gir_xasprintf("%s二、主动公开政府信息情况\n\t规章\n\t1\n\t2\n\t3\n\n\t不存在的行\n\t4\n\t5\n\t6\n\n", head);
	char *src = import(text, &d, &rc);
	assert_int_equal(rc, 0);
	expect_diag(d, GIR_ERROR, 12, 2, NULL, "二、主动公开政府信息情况: no row of the form is called \"不存在的行\"");
	assert_non_null(strstr(src, "  regulations: [1, 2, 3]\n"));
	assert_non_null(strstr(src, "  # import: line 12 was not placed: 不存在的行\n"));
	gir_diags_free(d);
	free(src);
	free(text);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(numbers),
		cmocka_unit_test(text_helpers),
		cmocka_unit_test(word_rows),
		cmocka_unit_test(pipe_and_box_rows),
		cmocka_unit_test(bad_text),
		cmocka_unit_test(labels_and_scores),
		cmocka_unit_test(run_together_cuts),
		cmocka_unit_test(split_cell_joins),
		cmocka_unit_test(whole_import),
		cmocka_unit_test(narrative_shapes),
		cmocka_unit_test(unplaced_row),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
