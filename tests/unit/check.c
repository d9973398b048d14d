/* Unit tests for src/check.c: exact arithmetic on scaled values, value
 * formatting, Chinese numerals, row/column sums and the carry-over check. */
#include "helpers.h"

#include "cn.h"

static gir_value val(int64_t v, int scale)
{
	gir_value x = {.v = v, .scale = scale};
	return x;
}

static void expect_format(gir_value v, const char *text)
{
	char out[48];
	memset(out, 'x', sizeof out);
	gir_value_format(v, out, sizeof out);
	assert_string_equal(out, text);
}

static void add_across_scales(void **state)
{
	(void)state;
	gir_value r = gir_value_add(val(15, 1), val(25, 2));  /* 1.5 + 0.25 */
	assert_int_equal(r.v, 175);
	assert_int_equal(r.scale, 2);
	r = gir_value_add(val(25, 2), val(15, 1));           /* commutative */
	assert_int_equal(r.v, 175);
	assert_int_equal(r.scale, 2);
	r = gir_value_add(val(3, 0), val(60248, 4));          /* 3 + 6.0248 */
	assert_int_equal(r.v, 90248);
	assert_int_equal(r.scale, 4);
	r = gir_value_add(val(-5, 0), val(2, 0));
	assert_int_equal(r.v, -3);
	assert_int_equal(r.scale, 0);
	r = gir_value_add(val(1, 1), val(2, 1));              /* 0.1 + 0.2 is exactly 0.3 */
	assert_int_equal(r.v, 3);
	assert_int_equal(r.scale, 1);
	r = gir_value_add(val(0, 0), val(0, 0));
	assert_int_equal(r.v, 0);
	assert_int_equal(r.scale, 0);
}

static void add_keeps_flags_and_position(void **state)
{
	(void)state;
	gir_value a = {.v = 1, .given = true, .pos = {3, 4}};
	gir_value b = {.v = 2, .pos = {9, 9}};
	gir_value r = gir_value_add(a, b);
	assert_true(r.given);
	assert_false(r.bad);
	assert_int_equal(r.pos.line, 3);
	assert_int_equal(r.pos.col, 4);
	r = gir_value_add(b, a);
	assert_true(r.given);
	assert_int_equal(r.pos.line, 3);
	/* Neither given: the position of the second. */
	r = gir_value_add(val(1, 0), b);
	assert_false(r.given);
	assert_int_equal(r.pos.line, 9);
	/* A bad operand makes the sum bad. */
	gir_value bad = {.v = 0, .given = true, .bad = true};
	r = gir_value_add(a, bad);
	assert_true(r.bad);
	r = gir_value_add(bad, b);
	assert_true(r.bad);
}

static void compare(void **state)
{
	(void)state;
	assert_int_equal(gir_value_cmp(val(15, 1), val(150, 2)), 0);  /* 1.5 = 1.50 */
	assert_int_equal(gir_value_cmp(val(2, 0), val(20, 1)), 0);
	assert_int_equal(gir_value_cmp(val(-1, 0), val(0, 0)), -1);
	assert_int_equal(gir_value_cmp(val(0, 0), val(-1, 0)), 1);
	assert_int_equal(gir_value_cmp(val(2, 0), val(15, 1)), 1);     /* 2 > 1.5 */
	assert_int_equal(gir_value_cmp(val(15, 1), val(2, 0)), -1);
	assert_int_equal(gir_value_cmp(val(60248, 4), val(60249, 4)), -1);
	assert_int_equal(gir_value_cmp(val(1000000000000LL, 0), val(999999999999LL, 0)), 1);
	assert_int_equal(gir_value_cmp(val(-25, 2), val(-3, 1)), 1);   /* -0.25 > -0.3 */
}

static void format(void **state)
{
	(void)state;
	expect_format(val(0, 0), "0");
	expect_format(val(12, 0), "12");
	expect_format(val(-3, 0), "-3");
	expect_format(val(60248, 4), "6.0248");
	expect_format(val(5, 4), "0.0005");
	expect_format(val(100, 2), "1.00");          /* the written precision */
	expect_format(val(-5, 1), "-0.5");           /* sign of a value below 1 */
	expect_format(val(-60248, 4), "-6.0248");
	expect_format(val(-100005, 4), "-10.0005");
	expect_format(val(1000000000000LL, 0), "1000000000000");
	expect_format(val(1000000000000000000LL, 6), "1000000000000.000000");
	/* Truncated, NUL-terminated, to the capacity given. */
	char small[4];
	gir_value_format(val(123456, 0), small, sizeof small);
	assert_string_equal(small, "123");
}

static void chinese_numerals(void **state)
{
	(void)state;
	static const struct {
		int n;
		const char *cn;
	} cases[] = {
		{1, "一"}, {2, "二"}, {9, "九"}, {10, "十"}, {11, "十一"}, {12, "十二"},
		{19, "十九"}, {20, "二十"}, {21, "二十一"}, {30, "三十"}, {45, "四十五"},
		{99, "九十九"},
		/* Outside 1..99: Arabic digits. */
		{0, "0"}, {100, "100"}, {-1, "-1"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char out[32];
		gir_cn_number(cases[i].n, out, sizeof out);
		if (strcmp(out, cases[i].cn) != 0)
			fail_msg("gir_cn_number(%d) = \"%s\", expected \"%s\"", cases[i].n, out, cases[i].cn);
	}
}

/* ---- sums over a bound report ------------------------------------------------------- */

#define SRC                                     \
	"year: 2020\nagency: 甲\ndate: 2021-01-05\n" \
	"overview: 无。\nproblems: 无。\nother_matters: 无。\n" \
	"proactive:\n  procurement: [2, 1.5]\n" \
	"appeals: {}\n"

static void sums_over_rows_and_columns(void **state)
{
	(void)state;
	loaded L = load_clean(SRC "requests:\n"
	                          "  received: [4, 1, 0, 0, 0, 0]\n"
	                          "  withheld:\n"
	                          "    state_secret: [1, 0, 0, 0, 0, 0]\n"
	                          "    third_party: [2, 1, 0, 0, 0, 0]\n"
	                          "  other: [1, 0, 0, 0, 0, 0]\n");
	const gir_section *s = gir_template_section(L.rep->tpl, "requests");
	const gir_block *b = s->blocks[0];
	const gir_section_data *sd = &L.rep->sections[s->index];
	const gir_axis *withheld = gir_axis_find_path(&b->rows, "withheld");
	const gir_axis *natural = gir_axis_find_path(&b->cols, "natural");
	const gir_axis *business = gir_axis_find_path(&b->cols, "business");
	assert_non_null(withheld);
	gir_value v = gir_sum_rows(sd, b, withheld, (size_t)natural->leaf);
	assert_int_equal(v.v, 3);
	v = gir_sum_rows(sd, b, withheld, (size_t)business->leaf);
	assert_int_equal(v.v, 1);
	/* The 三、本年度办理结果 group: its （七）总计 is left out of the sum. */
	const gir_axis *results = withheld->parent;
	assert_null(results->id);
	v = gir_sum_rows(sd, b, results, (size_t)natural->leaf);
	assert_int_equal(v.v, 4);
	/* A leaf row is its own cell. */
	const gir_axis *received = gir_axis_find_path(&b->rows, "received");
	v = gir_sum_rows(sd, b, received, (size_t)natural->leaf);
	assert_int_equal(v.v, 4);
	/* Columns: the whole 申请人情况 group, the 总计 column left out. */
	v = gir_sum_cols(sd, b, (size_t)received->leaf, b->cols.children[0]);
	assert_int_equal(v.v, 5);
	/* 法人或其他组织 only. */
	v = gir_sum_cols(sd, b, (size_t)received->leaf, business->parent);
	assert_int_equal(v.v, 1);
	/* The computed cells. */
	assert_int_equal(cellv(L.rep, "requests", "results_total", "natural"), 4);
	assert_int_equal(cellv(L.rep, "requests", "results_total", "total"), 5);
	assert_int_equal(cellv(L.rep, "requests", "withheld.third_party", "total"), 3);
	const gir_value *amount = cell(L.rep, "proactive", "procurement", "amount");
	assert_int_equal(amount->v, 15);
	assert_int_equal(amount->scale, 1);
	loaded_free(&L);
}

static void carry_over_from_previous_year(void **state)
{
	(void)state;
	loaded prev = load_clean("year: 2019\nagency: 甲\ndate: 2020-01-05\n"
	                         "overview: 无。\nproblems: 无。\nother_matters: 无。\n"
	                         "proactive: {}\nappeals: {}\n"
	                         "requests:\n"
	                         "  received: [3, 0, 0, 0, 0, 0]\n"
	                         "  granted: [1, 0, 0, 0, 0, 0]\n"
	                         "  carried_forward: [2, 0, 0, 0, 0, 0]\n");
	loaded ok = load_clean(SRC "requests:\n"
	                           "  carried_over: [2, 0, 0, 0, 0, 0]\n"
	                           "  granted: [2, 0, 0, 0, 0, 0]\n");
	gir_diags *d = gir_diags_new();
	assert_int_equal(gir_report_check_previous(ok.rep, prev.rep, d), 0);
	assert_int_equal(gir_diags_count(d), 0);
	gir_diags_free(d);

	loaded bad = load_clean(SRC "requests:\n"
	                            "  received: [1, 0, 0, 0, 0, 0]\n"
	                            "  carried_over: [1, 0, 0, 0, 0, 0]\n"
	                            "  granted: [2, 0, 0, 0, 0, 0]\n");
	d = gir_diags_new();
	assert_int_equal(gir_report_check_previous(bad.rep, prev.rep, d), 1);
	assert_int_equal(gir_diags_count(d), 2);
	const gir_diag *g = expect_diag(d, GIR_ERROR, 12, 18, "requests.carried_over.natural",
	                                "二、上年结转 = 1 but last year's 四、结转下年度继续办理 = 2");
	assert_string_equal(g->label, "三、收到和处理政府信息公开申请情况 · 自然人");
	/* A note at last year's cell: its file, line and column. */
	g = gir_diags_at(d, 1);
	assert_int_equal(g->severity, GIR_NOTE);
	assert_string_equal(g->file, prev.rep->file);
	assert_int_equal(g->line, 12);
	assert_int_equal(g->column, 21);
	assert_string_equal(g->path, "requests.carried_forward.natural");
	assert_string_equal(g->message, "last year's 2019 report gives 2 here");
	gir_diags_free(d);

	loaded_free(&prev);
	loaded_free(&ok);
	loaded_free(&bad);
}

/* gir_compute_totals on a hand-made report: a given total that disagrees is
 * reported and replaced by the sum; a bad cell poisons its sums. */
static void compute_totals_directly(void **state)
{
	(void)state;
	loaded L = load_clean(SRC "requests: {}\n");
	gir_report *r = L.rep;
	gir_value *n = (gir_value *)cell(r, "appeals", "review", "upheld");
	gir_value *c = (gir_value *)cell(r, "appeals", "review", "corrected");
	gir_value *t = (gir_value *)cell(r, "appeals", "review", "total");
	*n = (gir_value){.v = 2, .given = true, .pos = {5, 6}};
	*c = (gir_value){.v = 1, .given = true, .pos = {5, 9}};
	*t = (gir_value){.v = 4, .given = true, .pos = {5, 18}};
	gir_diags *d = gir_diags_new();
	gir_compute_totals(r, d);
	assert_int_equal(gir_diags_count(d), 1);
	expect_diag(d, GIR_ERROR, 5, 18, "appeals.review.total",
	            "the total is given as 4 but the columns add up to 3");
	assert_int_equal(t->v, 3);
	assert_true(t->given);
	assert_int_equal(t->pos.col, 18);

	/* Bad cells: no complaint, and the total is marked bad. */
	c->bad = true;
	t->v = 9;
	gir_diags_free(d);
	d = gir_diags_new();
	gir_compute_totals(r, d);
	assert_int_equal(gir_diags_count(d), 0);
	assert_true(t->bad);
	gir_run_checks(r, d);
	assert_int_equal(gir_diags_count(d), 0);
	gir_diags_free(d);
	loaded_free(&L);
}

static void expect_lookup(const gir_report *rep, const char *path, const char *text)
{
	gir_value v;
	char out[48];
	assert_true(gir_report_lookup(rep, path, &v));
	gir_value_format(v, out, sizeof out);
	assert_string_equal(out, text);
}

/* Cells and computed totals by id path, as summaries and placeholders use them. */
static void lookup_by_path(void **state)
{
	(void)state;
	loaded L = load_clean(SRC "requests:\n"
	                          "  received: [4, 1, 0, 0, 0, 0]\n"
	                          "  withheld:\n"
	                          "    state_secret: [1, 0, 0, 0, 0, 0]\n"
	                          "    third_party: [2, 1, 0, 0, 0, 0]\n"
	                          "  other: [1, 0, 0, 0, 0, 0]\n");
	expect_lookup(L.rep, "requests.received.natural", "4");
	expect_lookup(L.rep, "requests.received.total", "5");
	expect_lookup(L.rep, "requests.received", "5");           /* a row alone: its total */
	expect_lookup(L.rep, "requests.withheld.natural", "3");   /* a group of rows */
	expect_lookup(L.rep, "requests.withheld.total", "4");
	expect_lookup(L.rep, "requests.withheld.third_party.business", "1");
	expect_lookup(L.rep, "requests.results_total.total", "5");
	expect_lookup(L.rep, "appeals.review.total", "0");
	expect_lookup(L.rep, "proactive.procurement.amount", "1.5");
	gir_value v;
	assert_false(gir_report_lookup(L.rep, "requests.bogus.total", &v));
	assert_false(gir_report_lookup(L.rep, "requests.received.bogus", &v));
	assert_false(gir_report_lookup(L.rep, "proactive.regulations", &v)); /* 3 columns, no total */
	assert_false(gir_report_lookup(L.rep, "overview.x", &v));
	assert_false(gir_report_lookup(L.rep, "requests", &v));
	loaded_free(&L);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(add_across_scales),
		cmocka_unit_test(add_keeps_flags_and_position),
		cmocka_unit_test(compare),
		cmocka_unit_test(format),
		cmocka_unit_test(chinese_numerals),
		cmocka_unit_test(sums_over_rows_and_columns),
		cmocka_unit_test(carry_over_from_previous_year),
		cmocka_unit_test(compute_totals_directly),
		cmocka_unit_test(lookup_by_path),
	};
	return cmocka_run_group_tests_name("check", tests, NULL, NULL);
}
