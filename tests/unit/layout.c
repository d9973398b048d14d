/* Unit tests for src/layout.c: the grids of the national form's tables, with
 * the merged cells (spans) of gov-2019. */
#include "helpers.h"

#include "layout.h"

static const char source[] =
    "year: 2020\n"
    "agency: 某区统计局\n"
    "date: 2021-01-10\n"
    "template: gov-2019-lvyuan\n"
    "overview: 无。\n"
    "problems: 无。\n"
    "other_matters: 无。\n"
    "proactive:\n"
    "  release_total: 12\n"
    "  fees: [3, -1]\n"
    "  procurement: [1, 6.0248]\n"
    "requests:\n"
    "  received: [2, 1, 0, 0, 0, 0]\n"
    "  granted: [1, 1, 0, 0, 0, 0]\n"
    "  withheld: {state_secret: [1, 0, 0, 0, 0, 0]}\n"
    "appeals: [0, 1, 0, 0, 1, 0, 0, 0, 2, 2, 0, 0, 0, 0, 0]\n";

static loaded L;

static int setup(void **state)
{
	(void)state;
	L = load_clean(source);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	loaded_free(&L);
	return 0;
}

static gir_table *layout(const char *section)
{
	const gir_section *s = gir_template_section(L.rep->tpl, section);
	assert_non_null(s);
	gir_table *t = gir_layout_table(L.rep, s);
	assert_non_null(t);
	assert_int_equal(t->nparts, s->nblocks);
	return t;
}

/* The n-th cell (0-based) of a kind with exactly this text. */
static const gir_gcell *find_nth(const gir_grid *g, gir_gcell_kind kind, const char *text, int n)
{
	for (size_t i = 0; i < g->ncells; i++)
		if (g->cells[i].kind == kind && strcmp(g->cells[i].text, text) == 0 && n-- == 0)
			return &g->cells[i];
	fail_msg("no cell \"%s\"", text);
	return NULL;
}

static const gir_gcell *find(const gir_grid *g, gir_gcell_kind kind, const char *text)
{
	return find_nth(g, kind, text, 0);
}

static void expect_span(const gir_gcell *c, int row, int col, int rowspan, int colspan)
{
	if (c->row != row || c->col != col || c->rowspan != rowspan || c->colspan != colspan)
		fail_msg("\"%s\" at (%d,%d) %dx%d, expected (%d,%d) %dx%d", c->text, c->row, c->col,
		         c->rowspan, c->colspan, row, col, rowspan, colspan);
}

/* The cell that starts at (row, col). */
static const gir_gcell *at(const gir_grid *g, int row, int col)
{
	int k = gir_grid_owner(g, row, col);
	assert_in_range(k, 0, g->ncells - 1);
	const gir_gcell *c = &g->cells[k];
	assert_int_equal(c->row, row);
	assert_int_equal(c->col, col);
	return c;
}

/* Every position is covered by exactly one cell, and the owner map says which. */
static void expect_consistent(const gir_grid *g)
{
	assert_true(g->nrows > 0);
	assert_true(g->ncols > 0);
	int *cover = calloc((size_t)(g->nrows * g->ncols), sizeof(int));
	for (size_t i = 0; i < g->ncells; i++) {
		const gir_gcell *c = &g->cells[i];
		assert_non_null(c->text);
		assert_true(c->rowspan >= 1 && c->colspan >= 1);
		if (c->row < 0 || c->col < 0 || c->row + c->rowspan > g->nrows ||
		    c->col + c->colspan > g->ncols)
			fail_msg("\"%s\" (%d,%d) %dx%d is outside the %dx%d grid", c->text, c->row, c->col,
			         c->rowspan, c->colspan, g->nrows, g->ncols);
		for (int r = c->row; r < c->row + c->rowspan; r++)
			for (int k = c->col; k < c->col + c->colspan; k++) {
				cover[r * g->ncols + k]++;
				if (gir_grid_owner(g, r, k) != (int)i)
					fail_msg("(%d,%d) owned by %d, covered by %zu \"%s\"", r, k,
					         gir_grid_owner(g, r, k), i, c->text);
			}
	}
	for (int r = 0; r < g->nrows; r++)
		for (int k = 0; k < g->ncols; k++)
			if (cover[r * g->ncols + k] != 1)
				fail_msg("(%d,%d) is covered %d times", r, k, cover[r * g->ncols + k]);
	free(cover);
	assert_in_range(g->header_rows, 0, g->nrows);
}

/* ---- 三、收到和处理政府信息公开申请情况 ---------------------------------------------- */

static void requests_grid(void **state)
{
	(void)state;
	gir_table *t = layout("requests");
	assert_int_equal(t->nparts, 1);
	const gir_grid *g = t->parts[0];
	/* 3 header rows over 23 rows; 3 label columns and 7 values. */
	assert_int_equal(g->header_rows, 3);
	assert_int_equal(g->nrows, 26);
	assert_int_equal(g->ncols, 10);
	expect_consistent(g);

	const gir_gcell *c = at(g, 0, 0);
	assert_int_equal(c->kind, GIR_GC_CORNER);
	expect_span(c, 0, 0, 3, 3);
	assert_string_equal(c->text, "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）");

	expect_span(find(g, GIR_GC_HEAD, "申请人情况"), 0, 3, 1, 7);
	expect_span(find(g, GIR_GC_HEAD, "自然人"), 1, 3, 2, 1);
	expect_span(find(g, GIR_GC_HEAD, "法人或其他组织"), 1, 4, 1, 5);
	expect_span(find(g, GIR_GC_HEAD, "商业企业"), 2, 4, 1, 1);
	expect_span(find(g, GIR_GC_HEAD, "其他"), 2, 8, 1, 1);
	expect_span(find(g, GIR_GC_HEAD, "总计"), 1, 9, 2, 1);

	expect_span(find(g, GIR_GC_STUB, "一、本年新收政府信息公开申请数量"), 3, 0, 1, 3);
	expect_span(find(g, GIR_GC_STUB, "二、上年结转政府信息公开申请数量"), 4, 0, 1, 3);
	expect_span(find(g, GIR_GC_STUB, "三、本年度办理结果"), 5, 0, 20, 1);
	expect_span(find(g, GIR_GC_STUB, "（一）予以公开"), 5, 1, 1, 2);
	expect_span(find(g, GIR_GC_STUB, "（三）不予公开"), 7, 1, 8, 1);
	expect_span(find(g, GIR_GC_STUB, "1.属于国家秘密"), 7, 2, 1, 1);
	expect_span(find(g, GIR_GC_STUB, "8.属于行政查询事项"), 14, 2, 1, 1);
	expect_span(find(g, GIR_GC_STUB, "（四）无法提供"), 15, 1, 3, 1);
	expect_span(find(g, GIR_GC_STUB, "（五）不予处理"), 18, 1, 5, 1);
	expect_span(find(g, GIR_GC_STUB, "（六）其他处理"), 23, 1, 1, 2);
	expect_span(find(g, GIR_GC_STUB, "（七）总计"), 24, 1, 1, 2);
	expect_span(find(g, GIR_GC_STUB, "四、结转下年度继续办理"), 25, 0, 1, 3);

	/* Values, computed totals included. */
	c = at(g, 3, 3);
	assert_int_equal(c->kind, GIR_GC_VALUE);
	assert_string_equal(c->text, "2");
	assert_string_equal(at(g, 3, 4)->text, "1");
	assert_string_equal(at(g, 3, 9)->text, "3");    /* received 总计 */
	assert_string_equal(at(g, 7, 3)->text, "1");    /* state_secret 自然人 */
	assert_string_equal(at(g, 24, 3)->text, "2");   /* （七）总计 自然人 */
	assert_string_equal(at(g, 24, 9)->text, "3");
	assert_string_equal(at(g, 25, 9)->text, "0");
	for (int r = 3; r < 26; r++)
		for (int k = 3; k < 10; k++) {
			assert_int_equal(at(g, r, k)->kind, GIR_GC_VALUE);
			assert_int_equal(at(g, r, k)->rowspan, 1);
		}

	for (int k = 0; k < 3; k++)
		assert_true(gir_table_is_label_column(t, k));
	for (int k = 3; k < 10; k++)
		assert_false(gir_table_is_label_column(t, k));
	gir_table_free(t);
}

/* ---- 四、政府信息公开行政复议、行政诉讼情况 ------------------------------------------- */

static void appeals_grid(void **state)
{
	(void)state;
	gir_table *t = layout("appeals");
	assert_int_equal(t->nparts, 1);
	const gir_grid *g = t->parts[0];
	assert_int_equal(g->header_rows, 3);
	assert_int_equal(g->nrows, 4);
	assert_int_equal(g->ncols, 15);
	expect_consistent(g);

	expect_span(find(g, GIR_GC_HEAD, "行政复议"), 0, 0, 1, 5);
	expect_span(find(g, GIR_GC_HEAD, "行政诉讼"), 0, 5, 1, 10);
	expect_span(find(g, GIR_GC_HEAD, "未经复议直接起诉"), 1, 5, 1, 5);
	expect_span(find(g, GIR_GC_HEAD, "复议后起诉"), 1, 10, 1, 5);
	/* 行政复议's own columns reach down to the values. */
	expect_span(find_nth(g, GIR_GC_HEAD, "结果维持", 0), 1, 0, 2, 1);
	expect_span(find_nth(g, GIR_GC_HEAD, "总计", 0), 1, 4, 2, 1);
	expect_span(find_nth(g, GIR_GC_HEAD, "结果维持", 1), 2, 5, 1, 1);
	expect_span(find_nth(g, GIR_GC_HEAD, "总计", 2), 2, 14, 1, 1);

	static const char *const values[15] = {
		"0", "1", "0", "0", "1", "0", "0", "0", "2", "2", "0", "0", "0", "0", "0",
	};
	for (int k = 0; k < 15; k++) {
		const gir_gcell *c = at(g, 3, k);
		assert_int_equal(c->kind, GIR_GC_VALUE);
		assert_string_equal(c->text, values[k]);
	}
	for (int k = 0; k < 15; k++)
		assert_false(gir_table_is_label_column(t, k));
	gir_table_free(t);
}

/* ---- 二、主动公开政府信息情况: blocks of different widths --------------------------------- */

static void proactive_grids(void **state)
{
	(void)state;
	gir_table *t = layout("proactive");
	assert_int_equal(t->nparts, 6);
	for (size_t i = 0; i < t->nparts; i++) {
		assert_int_equal(t->parts[i]->ncols, 4);
		expect_consistent(t->parts[i]);
	}
	/* 第二十条第（一）项: caption, corner + 3 headers, 2 rows. */
	const gir_grid *g = t->parts[0];
	assert_int_equal(g->nrows, 4);
	assert_int_equal(g->header_rows, 2);
	const gir_gcell *c = at(g, 0, 0);
	assert_int_equal(c->kind, GIR_GC_CAPTION);
	assert_string_equal(c->text, "第二十条第（一）项");
	expect_span(c, 0, 0, 1, 4);
	expect_span(find(g, GIR_GC_CORNER, "信息内容"), 1, 0, 1, 1);
	expect_span(find(g, GIR_GC_HEAD, "本年新制作数量"), 1, 1, 1, 1);
	expect_span(find(g, GIR_GC_HEAD, "对外公开总数量"), 1, 3, 1, 1);
	expect_span(find(g, GIR_GC_STUB, "规章"), 2, 0, 1, 1);

	/* 第二十条第（八）项 has two columns: the last cell of each row stretches. */
	g = t->parts[3];
	assert_string_equal(at(g, 0, 0)->text, "第二十条第（八）项");
	assert_int_equal(g->nrows, 3);
	expect_span(find(g, GIR_GC_HEAD, "上一年项目数量"), 1, 1, 1, 1);
	expect_span(find(g, GIR_GC_HEAD, "本年增/减"), 1, 2, 1, 2);
	expect_span(find(g, GIR_GC_STUB, "行政事业性收费"), 2, 0, 1, 1);
	expect_span(at(g, 2, 2), 2, 2, 1, 2);
	assert_string_equal(at(g, 2, 1)->text, "3");
	assert_string_equal(at(g, 2, 2)->text, "-1");
	assert_int_equal(gir_grid_owner(g, 2, 3), gir_grid_owner(g, 2, 2));

	/* 第二十条第（九）项: the unit is part of the header; the amount as written. */
	g = t->parts[4];
	expect_span(find(g, GIR_GC_HEAD, "采购总金额（万元）"), 1, 2, 1, 2);
	assert_string_equal(at(g, 2, 2)->text, "6.0248");

	/* The appended line of gov-2019-lvyuan, with the year filled in. */
	g = t->parts[5];
	assert_int_equal(g->nrows, 1);
	assert_int_equal(g->ncells, 1);
	assert_int_equal(g->header_rows, 0);
	c = at(g, 0, 0);
	assert_int_equal(c->kind, GIR_GC_LINE);
	expect_span(c, 0, 0, 1, 4);
	assert_string_equal(c->text,
	                    "2020年本行政区域（或本部门）政府信息公开发布总数量（非新闻类、消息类）：12");

	assert_true(gir_table_is_label_column(t, 0));
	assert_false(gir_table_is_label_column(t, 1));
	assert_false(gir_table_is_label_column(t, 3));

	/* All blocks as one grid. */
	gir_grid *m = gir_table_merge(t);
	assert_int_equal(m->ncols, 4);
	assert_int_equal(m->nrows, 4 + 4 + 4 + 3 + 3 + 1);
	assert_int_equal(m->header_rows, 0);
	size_t cells = 0;
	for (size_t i = 0; i < t->nparts; i++)
		cells += t->parts[i]->ncells;
	assert_int_equal(m->ncells, cells);
	expect_consistent(m);
	assert_string_equal(at(m, 4, 0)->text, "第二十条第（五）项");
	assert_string_equal(at(m, 18, 0)->text,
	                    "2020年本行政区域（或本部门）政府信息公开发布总数量（非新闻类、消息类）：12");
	gir_grid_free(m);
	gir_table_free(t);
	gir_table_free(NULL);
	gir_grid_free(NULL);
}

/* A single-part table merges to a copy that keeps its header rows. */
static void merge_single_part(void **state)
{
	(void)state;
	gir_table *t = layout("appeals");
	gir_grid *m = gir_table_merge(t);
	const gir_grid *g = t->parts[0];
	assert_int_equal(m->nrows, g->nrows);
	assert_int_equal(m->ncols, g->ncols);
	assert_int_equal(m->header_rows, 3);
	assert_int_equal(m->ncells, g->ncells);
	for (size_t i = 0; i < g->ncells; i++) {
		assert_string_equal(m->cells[i].text, g->cells[i].text);
		assert_ptr_not_equal(m->cells[i].text, g->cells[i].text);
	}
	expect_consistent(m);
	gir_grid_free(m);
	gir_table_free(t);
}

/* Every table of every embedded edition lays out into consistent grids. */
static void every_template_is_consistent(void **state)
{
	(void)state;
	for (size_t i = 0; i < gir_registry_count(L.reg); i++) {
		const gir_template *tpl = gir_registry_at(L.reg, i);
		char src[256];
		snprintf(src, sizeof src, "year: %d\nagency: 甲\ntemplate: %s\n",
		         gir_template_first_year(tpl) ? gir_template_first_year(tpl) : 2020,
		         gir_template_id(tpl));
		gir_diags *d = gir_diags_new();
		gir_report *rep = gir_report_load(L.reg, "t.yaml", src, strlen(src), NULL, d);
		if (!rep)
			dump_diags(d);
		assert_non_null(rep);
		for (size_t k = 0; k < tpl->nsections; k++) {
			const gir_section *s = tpl->sections[k];
			if (s->kind != GIR_TABLE)
				continue;
			gir_table *t = gir_layout_table(rep, s);
			assert_int_equal(t->nparts, s->nblocks);
			for (size_t p = 0; p < t->nparts; p++) {
				expect_consistent(t->parts[p]);
				assert_int_equal(t->parts[p]->ncols, t->parts[0]->ncols);
			}
			gir_grid *m = gir_table_merge(t);
			expect_consistent(m);
			gir_grid_free(m);
			gir_table_free(t);
		}
		gir_report_free(rep);
		gir_diags_free(d);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(requests_grid),
		cmocka_unit_test(appeals_grid),
		cmocka_unit_test(proactive_grids),
		cmocka_unit_test(merge_single_part),
		cmocka_unit_test(every_template_is_consistent),
	};
	return cmocka_run_group_tests_name("layout", tests, setup, teardown);
}
