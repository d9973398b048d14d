/* Unit tests for src/validate.c through gir_report_load, with the embedded
 * templates: defaults, keys (ids and labels), rows, totals, the national
 * form's checks, warnings, --strict, and the exact diagnostics. */
#include "helpers.h"

/* Six lines; the tables of a test start at line 7. */
#define HEAD                      \
	"year: 2020\n"                \
	"agency: 某区统计局\n"        \
	"date: 2021-01-10\n"          \
	"overview: 概况。\n"          \
	"problems: 无。\n"            \
	"other_matters: 无。\n"

#define REQUESTS_LABEL "三、收到和处理政府信息公开申请情况"
#define APPEALS_LABEL "四、政府信息公开行政复议、行政诉讼情况"

static void expect_hint(const gir_diag *g, const char *hint)
{
	assert_non_null(g);
	if (hint) {
		assert_non_null(g->hint);
		assert_string_equal(g->hint, hint);
	} else {
		assert_null(g->hint);
	}
}

static void expect_label(const gir_diag *g, const char *label)
{
	if (label) {
		assert_non_null(g->label);
		assert_string_equal(g->label, label);
	} else {
		assert_null(g->label);
	}
}

/* ---- defaults ------------------------------------------------------------------ */

static void defaults(void **state)
{
	(void)state;
	loaded L = load_clean(HEAD "proactive: {}\nrequests: {}\nappeals: {}\n");
	const gir_report *r = L.rep;
	assert_string_equal(gir_template_id(r->tpl), "gov-2019");
	assert_int_equal(r->year, 2020);
	assert_string_equal(r->agency, "某区统计局");
	assert_string_equal(r->title, "某区统计局2020年政府信息公开工作年度报告");
	assert_int_equal(r->nsignatories, 1);
	assert_string_equal(r->signatories[0], "某区统计局");
	assert_int_equal(r->date.year, 2021);
	assert_int_equal(r->date.month, 1);
	assert_int_equal(r->date.day, 10);
	assert_string_equal(r->file, "t.yaml");
	assert_null(gir_report_previous_path(r));
	assert_null(gir_report_font(r, GIR_FONT_BODY));
	assert_int_equal(r->preface.n, 0);
	/* Every cell of an empty table is 0, totals included. */
	assert_int_equal(cellv(r, "requests", "received", "natural"), 0);
	assert_int_equal(cellv(r, "requests", "results_total", "total"), 0);
	assert_int_equal(cellv(r, "appeals", "litigation_after_review", "total"), 0);
	assert_int_equal(cellv(r, "proactive", "fees", "change"), 0);
	assert_false(cell(r, "requests", "received", "natural")->given);
	loaded_free(&L);
}

static void template_by_year(void **state)
{
	(void)state;
	loaded L = load_clean("year: 2019\nagency: 甲\ndate: 2020-01-10\noverview: 无。\n"
	                      "problems: 无。\nother_matters: 无。\n"
	                      "proactive: {}\nrequests: {}\nappeals: {}\n");
	assert_string_equal(gir_template_id(L.rep->tpl), "gov-2019");
	assert_string_equal(L.rep->title, "甲2019年政府信息公开工作年度报告");
	loaded_free(&L);

	/* No edition is meant for 2018: the error points at the year. */
	L = load_report("year: 2018\nagency: 甲\n");
	assert_null(L.rep);
	assert_int_equal(gir_diags_count(L.diags), 1);
	const gir_diag *g = expect_diag(L.diags, GIR_ERROR, 1, 7, "template",
	                                "no template is meant for year 2018");
	expect_hint(g, "add template: with one of `gireport templates`");
	loaded_free(&L);
}

static void template_for_later_years(void **state)
{
	(void)state;
	loaded L = load_report("year: 2021\nagency: 甲\ndate: 2022-01-10\noverview: 无。\n"
	                       "problems: 无。\nother_matters: 无。\n"
	                       "proactive: {}\nrequests: {}\nappeals: {}\n");
	if (gir_registry_find(L.reg, "gov-2021")) {
		assert_non_null(L.rep);
		assert_string_equal(gir_template_id(L.rep->tpl), "gov-2021");
	} else {
		/* gov-2019 is for 2019 and 2020 only; it must not be chosen. */
		assert_null(L.rep);
		expect_diag(L.diags, GIR_ERROR, 1, 7, "template", "no template is meant for year 2021");
	}
	loaded_free(&L);
}

static void explicit_template_and_extension(void **state)
{
	(void)state;
	loaded L = load_clean(HEAD "template: gov-2019-lvyuan\n"
	                      "proactive:\n  release_total: 12\n  procurement: [1, 6.0248]\n"
	                      "requests: {}\nappeals: {}\n");
	assert_string_equal(gir_template_id(L.rep->tpl), "gov-2019-lvyuan");
	assert_true(L.rep->tpl->is_extension);
	assert_int_equal(cellv(L.rep, "proactive", "release_total", "count"), 12);
	const gir_value *amount = cell(L.rep, "proactive", "procurement", "amount");
	assert_int_equal(amount->v, 60248);
	assert_int_equal(amount->scale, 4);
	assert_int_equal(amount->pos.line, 10);
	assert_int_equal(amount->pos.col, 20);
	loaded_free(&L);

	L = load_report(HEAD "template: gov-2O19\n");
	assert_null(L.rep);
	const gir_diag *g = expect_diag(L.diags, GIR_ERROR, 7, 11, "template",
	                                "unknown template \"gov-2O19\"");
	expect_hint(g, "did you mean gov-2019?");
	expect_label(g, "模板");
	loaded_free(&L);
}

static void given_title_and_signatories(void **state)
{
	(void)state;
	loaded L = load_clean(HEAD "title: 某区统计局2020年政府信息公开工作年度报告（修订）\n"
	                      "signatories: [某区统计局, 某区人民政府办公室]\n"
	                      "previous: ../2019/agency.yaml\n"
	                      "proactive: {}\nrequests: {}\nappeals: {}\n");
	assert_string_equal(L.rep->title, "某区统计局2020年政府信息公开工作年度报告（修订）");
	assert_int_equal(L.rep->nsignatories, 2);
	assert_string_equal(L.rep->signatories[0], "某区统计局");
	assert_string_equal(L.rep->signatories[1], "某区人民政府办公室");
	assert_string_equal(gir_report_previous_path(L.rep), "../2019/agency.yaml");
	loaded_free(&L);

	L = load_clean(HEAD "signatories: 某区统计局办公室\nproactive: {}\nrequests: {}\nappeals: {}\n");
	assert_int_equal(L.rep->nsignatories, 1);
	assert_string_equal(L.rep->signatories[0], "某区统计局办公室");
	loaded_free(&L);
}

/* ---- keys ----------------------------------------------------------------------- */

static void labels_as_keys(void **state)
{
	(void)state;
	loaded L = load_clean("报告年度: 2020\n"
	                      "制作机关: 某区统计局\n"
	                      "成文日期: 2021年1月8日\n"
	                      "落款机关: [某区统计局]\n"
	                      "一、总体情况: 概况。\n"
	                      "存在的主要问题及改进情况: 无。\n"
	                      "其他需要报告的事项: 无。\n"
	                      "主动公开政府信息情况:\n"
	                      "  行政许可: [3, -1, 5]\n"
	                      "  规章（县级无此项）: {本年新制作数量: 1, 本年公开数量: 1, 对外公开总数量: 4}\n"
	                      "三、收到和处理政府信息公开申请情况:\n"
	                      "  本年新收政府信息公开申请数量: [2, 0, 0, 0, 0, 0]\n"
	                      "  （一）予以公开: [1, 0, 0, 0, 0, 0]\n"
	                      "  不予公开:\n"
	                      "    危及 “三安全一稳定”: [1, 0, 0, 0, 0, 0]\n"
	                      "政府信息公开行政复议、行政诉讼情况:\n"
	                      "  行政复议: [1, 0, 0, 0]\n"
	                      "  未经复议直接起诉: {结果纠正: 2}\n");
	const gir_report *r = L.rep;
	assert_int_equal(r->year, 2020);
	assert_string_equal(r->agency, "某区统计局");
	assert_int_equal(r->date.day, 8);
	assert_int_equal(cellv(r, "proactive", "licensing", "last_year"), 3);
	assert_int_equal(cellv(r, "proactive", "licensing", "change"), -1);
	assert_int_equal(cellv(r, "proactive", "licensing", "decisions"), 5);
	assert_int_equal(cellv(r, "proactive", "regulations", "public_total"), 4);
	assert_int_equal(cellv(r, "requests", "received", "natural"), 2);
	assert_int_equal(cellv(r, "requests", "granted", "natural"), 1);
	assert_int_equal(cellv(r, "requests", "withheld.security", "natural"), 1);
	assert_int_equal(cellv(r, "requests", "results_total", "natural"), 2);
	assert_int_equal(cellv(r, "appeals", "review", "upheld"), 1);
	assert_int_equal(cellv(r, "appeals", "review", "total"), 1);
	assert_int_equal(cellv(r, "appeals", "litigation_direct", "corrected"), 2);
	assert_int_equal(cellv(r, "appeals", "litigation_direct", "total"), 2);
	loaded_free(&L);
}

static void rows_as_mappings(void **state)
{
	(void)state;
	loaded L = load_clean(HEAD "proactive:\n  procurement: {amount: 0.5}\n"
	                      "requests:\n"
	                      "  received: {natural: 2, 商业企业: 1}\n"
	                      "  granted: {自然人: 2, business: 1}\n"
	                      "appeals: {}\n");
	const gir_report *r = L.rep;
	assert_int_equal(cellv(r, "requests", "received", "natural"), 2);
	assert_int_equal(cellv(r, "requests", "received", "business"), 1);
	assert_int_equal(cellv(r, "requests", "received", "research"), 0);
	assert_int_equal(cellv(r, "requests", "received", "other_org"), 0);
	assert_int_equal(cellv(r, "requests", "received", "total"), 3);
	assert_true(cell(r, "requests", "received", "natural")->given);
	assert_false(cell(r, "requests", "received", "research")->given);
	assert_int_equal(cellv(r, "proactive", "procurement", "projects"), 0);
	assert_int_equal(cell(r, "proactive", "procurement", "amount")->v, 5);
	assert_int_equal(cell(r, "proactive", "procurement", "amount")->scale, 1);
	loaded_free(&L);
}

/* Omitted rows are 0; every total is computed, sub-rows included. */
static void omitted_rows_and_sums(void **state)
{
	(void)state;
	loaded L = load_clean(HEAD "proactive: {}\nappeals: {}\n"
	                      "requests:\n"
	                      "  received: [3, 1, 0, 0, 0, 2]\n"
	                      "  carried_over: [1, 0, 0, 0, 0, 0]\n"
	                      "  granted: [1, 0, 0, 0, 0, 0]\n"
	                      "  withheld:\n"
	                      "    state_secret: [1, 0, 0, 0, 0, 0]\n"
	                      "    inquiry: [0, 1, 0, 0, 0, 0]\n"
	                      "  unavailable: {not_held: [1, 0, 0, 0, 0, 1]}\n"
	                      "  not_processed: {repeated: [0, 0, 0, 0, 0, 1]}\n"
	                      "  carried_forward: [1, 0, 0, 0, 0, 0]\n");
	const gir_report *r = L.rep;
	assert_int_equal(cellv(r, "requests", "partly_granted", "natural"), 0);
	assert_int_equal(cellv(r, "requests", "withheld.prohibited", "natural"), 0);
	assert_int_equal(cellv(r, "requests", "results_total", "natural"), 3);
	assert_int_equal(cellv(r, "requests", "results_total", "business"), 1);
	assert_int_equal(cellv(r, "requests", "results_total", "other_org"), 2);
	assert_int_equal(cellv(r, "requests", "results_total", "total"), 6);
	assert_int_equal(cellv(r, "requests", "received", "total"), 6);
	assert_int_equal(cellv(r, "requests", "carried_forward", "total"), 1);
	assert_int_equal(cellv(r, "requests", "withheld.inquiry", "total"), 1);
	assert_false(cell(r, "requests", "results_total", "natural")->given);
	loaded_free(&L);
}

static void given_totals_are_checked(void **state)
{
	(void)state;
	/* Right totals are accepted and kept as given. */
	loaded L = load_clean(HEAD "proactive: {}\n"
	                      "appeals: [1, 0, 0, 1, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]\n"
	                      "requests:\n"
	                      "  received: [1, 0, 0, 0, 0, 1, 2]\n"
	                      "  granted: [1, 0, 0, 0, 0, 1, 2]\n"
	                      "  results_total: [1, 0, 0, 0, 0, 1, 2]\n");
	assert_int_equal(cellv(L.rep, "requests", "received", "total"), 2);
	assert_true(cell(L.rep, "requests", "received", "total")->given);
	assert_int_equal(cell(L.rep, "requests", "received", "total")->pos.line, 10);
	assert_int_equal(cell(L.rep, "requests", "received", "total")->pos.col, 32);
	assert_int_equal(cellv(L.rep, "appeals", "review", "total"), 2);
	loaded_free(&L);

	L = load_report(HEAD "proactive: {}\nappeals: {}\n"
	                "requests:\n"
	                "  received: [1, 0, 0, 0, 0, 0, 2]\n"
	                "  granted: [1, 0, 0, 0, 0, 0]\n"
	                "  results_total: [2, 0, 0, 0, 0, 0]\n");
	assert_null(L.rep);
	assert_int_equal(gir_diags_count_severity(L.diags, GIR_ERROR), 2);
	const gir_diag *g = expect_diag(L.diags, GIR_ERROR, 10, 32, "requests.received.total",
	                                "the total is given as 2 but the columns add up to 1");
	expect_label(g, REQUESTS_LABEL " · 一、本年新收政府信息公开申请数量 · 总计");
	expect_hint(g, "totals are computed; leave the total out, or correct it");
	g = expect_diag(L.diags, GIR_ERROR, 12, 19, "requests.results_total.natural",
	                "the total is given as 2 but the rows above it add up to 1");
	expect_label(g, REQUESTS_LABEL " · 三、本年度办理结果 · （七）总计 · 自然人");
	loaded_free(&L);
}

/* 一 + 二 = 三（七）总计 + 四, for every column. */
static void balance_check(void **state)
{
	(void)state;
	loaded L = load_report(HEAD "proactive: {}\nappeals: {}\n"
	                       "requests:\n"
	                       "  received: [5, 0, 0, 0, 0, 0]\n"
	                       "  granted: [4, 0, 0, 0, 0, 0]\n");
	assert_null(L.rep);
	assert_int_equal(gir_diags_count(L.diags), 1);
	const gir_diag *g = expect_diag(L.diags, GIR_ERROR, 10, 14, "requests.received.natural",
	                                "一+二 = 5 but 三（七）总计 + 四 = 4");
	expect_label(g, REQUESTS_LABEL " · 自然人");
	expect_hint(g, NULL);
	loaded_free(&L);

	/* Carried-over and carried-forward rows take part; the column is 法律服务机构. */
	L = load_report(HEAD "proactive: {}\nappeals: {}\n"
	                "requests:\n"
	                "  carried_over: [0, 0, 0, 0, 2, 0]\n"
	                "  granted: [0, 0, 0, 0, 1, 0]\n"
	                "  carried_forward: [0, 0, 0, 0, 0, 0]\n");
	assert_null(L.rep);
	assert_int_equal(gir_diags_count(L.diags), 1);
	g = expect_diag(L.diags, GIR_ERROR, 10, 30, "requests.carried_over.legal",
	                "一+二 = 2 but 三（七）总计 + 四 = 1");
	expect_label(g, REQUESTS_LABEL " · 法人或其他组织 · 法律服务机构");
	loaded_free(&L);
}

static void flat_appeals(void **state)
{
	(void)state;
	/* The national form's single line of 15 numbers. */
	loaded L = load_clean(HEAD "proactive: {}\nrequests: {}\n"
	                      "appeals: [1, 0, 0, 0, 1, 0, 2, 0, 0, 2, 0, 0, 0, 3, 3]\n");
	assert_int_equal(cellv(L.rep, "appeals", "review", "upheld"), 1);
	assert_int_equal(cellv(L.rep, "appeals", "review", "total"), 1);
	assert_int_equal(cellv(L.rep, "appeals", "litigation_direct", "corrected"), 2);
	assert_int_equal(cellv(L.rep, "appeals", "litigation_after_review", "pending"), 3);
	assert_int_equal(cellv(L.rep, "appeals", "litigation_after_review", "total"), 3);
	loaded_free(&L);

	/* Or 12, without the 总计 cells. */
	L = load_clean(HEAD "proactive: {}\nrequests: {}\n"
	               "appeals: [0, 0, 0, 1, 0, 0, 0, 0, 4, 0, 1, 0]\n");
	assert_int_equal(cellv(L.rep, "appeals", "review", "pending"), 1);
	assert_int_equal(cellv(L.rep, "appeals", "review", "total"), 1);
	assert_int_equal(cellv(L.rep, "appeals", "litigation_after_review", "upheld"), 4);
	assert_int_equal(cellv(L.rep, "appeals", "litigation_after_review", "other"), 1);
	assert_int_equal(cellv(L.rep, "appeals", "litigation_after_review", "total"), 5);
	loaded_free(&L);

	/* A wrong total in the flat form is found too. */
	L = load_report(HEAD "proactive: {}\nrequests: {}\n"
	                "appeals: [1, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]\n");
	assert_null(L.rep);
	const gir_diag *g = expect_diag(L.diags, GIR_ERROR, 9, 23, "appeals.review.total",
	                                "the total is given as 2 but the columns add up to 1");
	expect_label(g, APPEALS_LABEL " · 行政复议 · 总计");
	loaded_free(&L);
}

static void flat_appeals_wrong_length(void **state)
{
	(void)state;
	/* Seed 003: 14 numbers for 15 cells. */
	loaded L = load_report(HEAD "proactive: {}\nrequests: {}\n"
	                       "appeals: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]\n");
	assert_null(L.rep);
	assert_int_equal(gir_diags_count(L.diags), 1);
	const gir_diag *g = expect_diag(L.diags, GIR_ERROR, 9, 10, "appeals",
	                                "14 values, but the form has 15 cells (or 12 without the 总计 cells)");
	expect_hint(g, "行政复议 5 + 未经复议直接起诉 5 + 复议后起诉 5");
	expect_label(g, APPEALS_LABEL);
	loaded_free(&L);

	/* One too many: the caret goes to the first extra value. */
	L = load_report(HEAD "proactive: {}\nrequests: {}\n"
	                "appeals: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 9]\n");
	assert_null(L.rep);
	expect_diag(L.diags, GIR_ERROR, 9, 56, "appeals",
	            "16 values, but the form has 15 cells (or 12 without the 总计 cells)");
	loaded_free(&L);
}

static void wrong_row_length(void **state)
{
	(void)state;
	loaded L = load_report(HEAD "proactive: {}\nappeals: {}\n"
	                       "requests:\n"
	                       "  received: [1, 0, 0, 0, 0]\n"
	                       "  granted: [1, 0, 0, 0, 0, 0]\n");
	assert_null(L.rep);
	assert_int_equal(gir_diags_count(L.diags), 1);
	const gir_diag *g = expect_diag(L.diags, GIR_ERROR, 10, 13, "requests.received",
	                                "5 values, but the row has 7 (or 6 without the computed total)");
	expect_label(g, REQUESTS_LABEL " · 一、本年新收政府信息公开申请数量");
	expect_hint(g, "the columns are: 自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他, 总计");
	loaded_free(&L);

	/* A row without a computed total names one length. */
	L = load_report(HEAD "requests: {}\nappeals: {}\nproactive:\n  fees: [0, 0, 0]\n");
	assert_null(L.rep);
	g = expect_diag(L.diags, GIR_ERROR, 10, 16, "proactive.fees", "3 values, but the row has 2");
	expect_hint(g, "the columns are: 上一年项目数量, 本年增/减");
	loaded_free(&L);

	/* A single value for a row of several columns. */
	L = load_report(HEAD "requests: {}\nappeals: {}\nproactive:\n  fees: 0\n");
	assert_null(L.rep);
	g = expect_diag(L.diags, GIR_ERROR, 10, 9, "proactive.fees",
	                "expected a row of 2 values, found a single value");
	expect_hint(g, "write one value per column in [ ]: 上一年项目数量, 本年增/减");
	loaded_free(&L);
}

static void bad_values_in_rows(void **state)
{
	(void)state;
	loaded L = load_report(HEAD "proactive:\n  licensing: [1, -1, 1.5]\nappeals: {}\n"
	                       "requests:\n"
	                       "  received: [1, '0', 0, 0, 0, 0]\n"
	                       "  granted: [1, 0, 0, 0, 0, 0]\n");
	assert_null(L.rep);
	assert_int_equal(gir_diags_count(L.diags), 2);
	const gir_diag *g = expect_diag(L.diags, GIR_ERROR, 8, 22, "proactive.licensing.decisions",
	                                "\"1.5\" is not a whole number");
	expect_label(g, "二、主动公开政府信息情况 · 行政许可 · 处理决定数量");
	expect_hint(g, "counts are whole numbers; write a whole number of 0 or more");
	g = expect_diag(L.diags, GIR_ERROR, 11, 17, "requests.received.business",
	                "the number \"0\" is quoted");
	expect_label(g, REQUESTS_LABEL " · 一、本年新收政府信息公开申请数量 · 法人或其他组织 · 商业企业");
	expect_hint(g, "write 0 without quotes");
	loaded_free(&L);
}

static void group_given_as_a_row(void **state)
{
	(void)state;
	loaded L = load_report(HEAD "proactive: {}\nappeals: {}\n"
	                       "requests:\n"
	                       "  withheld: [0, 0, 0, 0, 0, 0]\n");
	assert_null(L.rep);
	assert_int_equal(gir_diags_count(L.diags), 1);
	const gir_diag *g = expect_diag(L.diags, GIR_ERROR, 10, 13, "requests.withheld",
	                                "this is a group of rows, not a single row");
	expect_hint(g, "write its 8 rows under it, e.g. \"state_secret: [...]\"");
	expect_label(g, REQUESTS_LABEL " · 三、本年度办理结果 · （三）不予公开");
	loaded_free(&L);
}

static void duplicate_keys(void **state)
{
	(void)state;
	loaded L = load_report(HEAD "proactive: {}\nappeals: {}\n"
	                       "requests:\n"
	                       "  received: [1, 0, 0, 0, 0, 0]\n"
	                       "  一、本年新收政府信息公开申请数量: [1, 0, 0, 0, 0, 0]\n"
	                       "  granted: {natural: 1, 自然人: 1}\n"
	                       "报告年度: 2020\n"
	                       "二、主动公开政府信息情况: {}\n");
	assert_null(L.rep);
	assert_int_equal(gir_diags_count(L.diags), 4);
	const gir_diag *g = expect_diag(L.diags, GIR_ERROR, 11, 3, "requests",
	                                "duplicate key \"一、本年新收政府信息公开申请数量\"");
	expect_hint(g, "the first one is at line 10, column 3; keep one of them");
	expect_label(g, REQUESTS_LABEL " · 一、本年新收政府信息公开申请数量");
	g = expect_diag(L.diags, GIR_ERROR, 12, 25, "requests.granted", "duplicate key \"自然人\"");
	expect_hint(g, "the first one is at line 12, column 13; keep one of them");
	expect_label(g, REQUESTS_LABEL " · 三、本年度办理结果 · （一）予以公开 · 自然人");
	g = expect_diag(L.diags, GIR_ERROR, 13, 1, "year", "duplicate key \"报告年度\"");
	expect_hint(g, "the first one is at line 1, column 1; keep one of them");
	expect_label(g, "报告年度");
	g = expect_diag(L.diags, GIR_ERROR, 14, 1, "proactive",
	                "duplicate key \"二、主动公开政府信息情况\"");
	expect_hint(g, "the first one is at line 7, column 1; keep one of them");
	loaded_free(&L);
}

static void unknown_keys(void **state)
{
	(void)state;
	loaded L = load_report(HEAD "proactive:\n"
	                       "  regulation: [0, 0, 0]\n"
	                       "  行政许证: [0, 0, 0]\n"
	                       "received: [0, 0, 0, 0, 0, 0]\n"
	                       "requests:\n"
	                       "  granted: {natral: 1}\n"
	                       "appeals: {}\n"
	                       "xyzzy: 1\n");
	assert_null(L.rep);
	assert_int_equal(gir_diags_count(L.diags), 5);
	const gir_diag *g = expect_diag(L.diags, GIR_ERROR, 8, 3, "proactive",
	                                "unknown key \"regulation\"");
	expect_hint(g, "did you mean regulations (规章)?");
	expect_label(g, "二、主动公开政府信息情况");
	g = expect_diag(L.diags, GIR_ERROR, 9, 3, "proactive", "unknown key \"行政许证\"");
	expect_hint(g, "did you mean licensing (行政许可)?");
	g = expect_diag(L.diags, GIR_ERROR, 10, 1, NULL, "unknown key \"received\"");
	expect_hint(g, "it belongs under requests: (" REQUESTS_LABEL ")");
	expect_label(g, NULL);
	g = expect_diag(L.diags, GIR_ERROR, 12, 13, "requests.granted", "unknown key \"natral\"");
	expect_hint(g, "did you mean natural (自然人)?");
	g = expect_diag(L.diags, GIR_ERROR, 14, 1, NULL, "unknown key \"xyzzy\"");
	/* Nothing close: the hint lists the keys. */
	assert_non_null(g->hint);
	assert_true(strncmp(g->hint, "the keys here are: ", strlen("the keys here are: ")) == 0);
	assert_non_null(strstr(g->hint, "year (报告年度)"));
	assert_non_null(strstr(g->hint, "overview (总体情况)"));
	assert_non_null(strstr(g->hint, "requests (收到和处理政府信息公开申请情况)"));
	loaded_free(&L);
}

static void required_fields(void **state)
{
	(void)state;
	/* A missing field has no position.  (The warnings about the missing
	 * tables and narratives come too.) */
	loaded L = load_report("year: 2020\n");
	assert_null(L.rep);
	assert_int_equal(gir_diags_count_severity(L.diags, GIR_ERROR), 1);
	const gir_diag *g = expect_diag(L.diags, GIR_ERROR, 0, 0, "agency",
	                                "the required field agency is missing");
	expect_hint(g, "add agency: followed by the agency's full name");
	expect_label(g, "制作机关");
	loaded_free(&L);

	L = load_report("agency: 甲\n");
	assert_null(L.rep);
	assert_int_equal(gir_diags_count(L.diags), 1);
	g = expect_diag(L.diags, GIR_ERROR, 0, 0, "year", "the required field year is missing");
	expect_hint(g, "add year: 2020 (the year the report is about)");
	loaded_free(&L);

	L = load_report("year: 1900\nagency: 甲\n");
	assert_null(L.rep);
	assert_int_equal(gir_diags_count(L.diags), 1);
	g = expect_diag(L.diags, GIR_ERROR, 1, 7, "year", "1900 is not a plausible report year");
	expect_hint(g, "write the report year, e.g. 2020");
	loaded_free(&L);

	L = load_report("year: '2020'\nagency: 甲\n");
	assert_null(L.rep);
	expect_diag(L.diags, GIR_ERROR, 1, 7, "year", "the number \"2020\" is quoted");
	loaded_free(&L);

	L = load_report("- year: 2020\n");
	assert_null(L.rep);
	assert_int_equal(gir_diags_count(L.diags), 1);
	g = expect_diag(L.diags, GIR_ERROR, 1, 1, NULL,
	                "a report source is a mapping of fields, not a list");
	expect_hint(g, "the file starts with year: and agency:, one field per line");
	loaded_free(&L);

	L = load_report("year: 2020\nagency: ''\n");
	assert_null(L.rep);
	expect_diag(L.diags, GIR_ERROR, 2, 9, "agency", "the value is empty");
	loaded_free(&L);
}

static void dates(void **state)
{
	(void)state;
	loaded L = load_report("year: 2020\nagency: 甲\ndate: 2021-02-30\n");
	assert_null(L.rep);
	const gir_diag *g = expect_diag(L.diags, GIR_ERROR, 3, 7, "date", "2021-02-30 does not exist");
	expect_hint(g, "month 2 has 28 days");
	expect_label(g, "成文日期");
	loaded_free(&L);

	L = load_report("year: 2020\nagency: 甲\ndate: 2021-13-01\n");
	assert_null(L.rep);
	g = expect_diag(L.diags, GIR_ERROR, 3, 7, "date", "2021-13-01 does not exist");
	expect_hint(g, "months run from 1 to 12");
	loaded_free(&L);

	L = load_report("year: 2020\nagency: 甲\ndate: 2021/01/08\n");
	assert_null(L.rep);
	g = expect_diag(L.diags, GIR_ERROR, 3, 7, "date", "\"2021/01/08\" is not a date");
	expect_hint(g, "write 2021-01-08");
	loaded_free(&L);

	L = load_report("year: 2020\nagency: 甲\ndate: 明年一月\n");
	assert_null(L.rep);
	g = expect_diag(L.diags, GIR_ERROR, 3, 7, "date", "\"明年一月\" is not a date");
	expect_hint(g, "write the date as 2021-01-15 or 2021年1月15日");
	loaded_free(&L);

	/* 29 February exists in a leap year only. */
	L = load_clean("year: 2019\nagency: 甲\ndate: 2020-02-29\noverview: 无。\nproblems: 无。\n"
	               "other_matters: 无。\nproactive: {}\nrequests: {}\nappeals: {}\n");
	assert_int_equal(L.rep->date.month, 2);
	assert_int_equal(L.rep->date.day, 29);
	loaded_free(&L);
	L = load_report("year: 2020\nagency: 甲\ndate: 2021-02-29\n");
	assert_null(L.rep);
	g = expect_diag(L.diags, GIR_ERROR, 3, 7, "date", "2021-02-29 does not exist");
	expect_hint(g, "2021 is not a leap year: February has 28 days");
	loaded_free(&L);
}

/* ---- warnings and --strict ------------------------------------------------------ */

static void warning_omitted_table(void **state)
{
	(void)state;
	const char *src = HEAD "proactive: {}\nrequests: {}\n";
	loaded L = load_report(src);
	assert_non_null(L.rep);
	assert_int_equal(gir_diags_count(L.diags), 1);
	const gir_diag *g = expect_diag(L.diags, GIR_WARNING, 0, 0, "appeals",
	                                "the table is missing; all its cells are taken as 0");
	expect_label(g, APPEALS_LABEL);
	assert_int_equal(cellv(L.rep, "appeals", "review", "total"), 0);
	loaded_free(&L);

	/* --strict: the warning becomes an error, and says why. */
	L = load_report_opt(src, 1);
	assert_null(L.rep);
	assert_int_equal(gir_diags_count(L.diags), 1);
	g = expect_diag(L.diags, GIR_ERROR, 0, 0, "appeals",
	                "the table is missing; all its cells are taken as 0");
	expect_hint(g, "a warning, made an error by --strict");
	loaded_free(&L);
}

static void warning_no_date(void **state)
{
	(void)state;
	const char *src = "year: 2020\nagency: 甲\noverview: 无。\nproblems: 无。\n"
	                  "other_matters: 无。\nproactive: {}\nrequests: {}\nappeals: {}\n";
	loaded L = load_report(src);
	assert_non_null(L.rep);
	assert_int_equal(gir_diags_count(L.diags), 1);
	const gir_diag *g = expect_diag(L.diags, GIR_WARNING, 0, 0, "date",
	                                "the report has no date; the signature block will have none");
	expect_hint(g, "add date: 2021-01-15, the day the report is issued, early in 2021");
	expect_label(g, "成文日期");
	assert_int_equal(L.rep->date.year, 0);
	loaded_free(&L);

	L = load_report_opt(src, 1);
	assert_null(L.rep);
	assert_int_equal(gir_diags_count(L.diags), 1);
	g = expect_diag(L.diags, GIR_ERROR, 0, 0, "date",
	                "the report has no date; the signature block will have none");
	expect_hint(g, "add date: 2021-01-15, the day the report is issued, early in 2021");
	loaded_free(&L);
}

static void warning_date_before_year_end(void **state)
{
	(void)state;
	const char *src = "year: 2020\nagency: 甲\ndate: 2020-12-31\noverview: 无。\n"
	                  "problems: 无。\nother_matters: 无。\nproactive: {}\nrequests: {}\n"
	                  "appeals: {}\n";
	loaded L = load_report(src);
	assert_non_null(L.rep);
	assert_int_equal(gir_diags_count(L.diags), 1);
	expect_diag(L.diags, GIR_WARNING, 3, 7, "date",
	            "2020-12-31 is within the report year 2020; a report on a whole year is dated after it ends");
	loaded_free(&L);

	L = load_report_opt(src, 1);
	assert_null(L.rep);
	expect_diag(L.diags, GIR_ERROR, 3, 7, "date",
	            "2020-12-31 is within the report year 2020; a report on a whole year is dated after it ends");
	loaded_free(&L);

	/* A date in an earlier year is said to be before the report year, with
	 * an example early in the year after it. */
	L = load_report("year: 2024\nagency: 甲\ndate: 2023-01-20\noverview: 无。\n"
	                "problems: 无。\nother_matters: 无。\nproactive: {}\nrequests: {}\n"
	                "appeals: {}\n");
	assert_non_null(L.rep);
	const gir_diag *g = expect_diag(L.diags, GIR_WARNING, 3, 7, "date",
	            "2023-01-20 is before the report year 2024; a report on a whole year is dated after it ends");
	expect_hint(g, "a report on 2024 is dated early in 2025, e.g. 2025-01-15");
	loaded_free(&L);
}

static void warning_title_and_empty_narrative(void **state)
{
	(void)state;
	const char *src = "year: 2020\nagency: 甲\ndate: 2021-01-05\ntitle: 甲政府信息公开工作年度报告\n"
	                  "problems: 无。\nother_matters: []\nproactive: {}\nrequests: {}\n"
	                  "appeals: {}\n";
	loaded L = load_report(src);
	assert_non_null(L.rep);
	assert_int_equal(gir_diags_count(L.diags), 3);
	assert_int_equal(gir_diags_count_severity(L.diags, GIR_WARNING), 3);
	expect_diag(L.diags, GIR_WARNING, 4, 8, "title",
	            "the title does not contain the report year 2020");
	/* The omitted overview has no position; the empty list points at its key. */
	const gir_diag *g = gir_diags_at(L.diags, 0);
	assert_string_equal(g->message, "the section has no text");
	assert_string_equal(g->path, "overview");
	assert_int_equal(g->line, 0);
	expect_hint(g, "write at least one paragraph, e.g. 无。");
	g = gir_diags_at(L.diags, 1);
	assert_string_equal(g->message, "the section has no text");
	assert_string_equal(g->path, "other_matters");
	assert_int_equal(g->line, 6);
	assert_int_equal(g->column, 1);
	loaded_free(&L);

	L = load_report_opt(src, 1);
	assert_null(L.rep);
	assert_int_equal(gir_diags_count_severity(L.diags, GIR_ERROR), 3);
	assert_int_equal(gir_diags_count_severity(L.diags, GIR_WARNING), 0);
	loaded_free(&L);
}

static void warning_published_over_total(void **state)
{
	(void)state;
	const char *src = HEAD "requests: {}\nappeals: {}\nproactive:\n  regulations: [1, 5, 3]\n";
	loaded L = load_report(src);
	assert_non_null(L.rep);
	assert_int_equal(gir_diags_count(L.diags), 1);
	const gir_diag *g = expect_diag(L.diags, GIR_WARNING, 10, 20, "proactive.regulations.published",
	                                "本年新公开数量 5 is greater than 对外公开总数量 3");
	expect_label(g, "二、主动公开政府信息情况 · 规章");
	loaded_free(&L);

	L = load_report_opt(src, 1);
	assert_null(L.rep);
	expect_diag(L.diags, GIR_ERROR, 10, 20, "proactive.regulations.published",
	            "本年新公开数量 5 is greater than 对外公开总数量 3");
	loaded_free(&L);
}

/* ---- narratives and collection of problems ------------------------------------------ */

static void narratives_are_bound(void **state)
{
	(void)state;
	loaded L = load_clean("year: 2020\nagency: 甲\ndate: 2021-01-05\n"
	                      "preface: 本报告由甲编制。\n"
	                      "overview: |\n"
	                      "  第一段第一行\n"
	                      "  第二行\n"
	                      "\n"
	                      "  第二段\n"
	                      "problems:\n"
	                      "  - 1、健全机制: 内容。\n"
	                      "  - 普通段落。\n"
	                      "  - （二）加强培训:\n"
	                      "      - 甲段。\n"
	                      "      - 乙段。\n"
	                      "other_matters: 无。\n"
	                      "proactive: {}\nrequests: {}\nappeals: {}\n");
	const gir_report *r = L.rep;
	assert_int_equal(r->preface.n, 1);
	assert_string_equal(r->preface.paras[0].text, "本报告由甲编制。");
	const gir_narrative *ov = &r->sections[gir_template_section(r->tpl, "overview")->index].text;
	assert_int_equal(ov->n, 2);
	assert_string_equal(ov->paras[0].text, "第一段第一行第二行");
	assert_string_equal(ov->paras[1].text, "第二段");
	assert_int_equal(ov->paras[0].pos.line, 5);
	const gir_narrative *pr = &r->sections[gir_template_section(r->tpl, "problems")->index].text;
	assert_int_equal(pr->n, 6);
	assert_true(pr->paras[0].heading);
	assert_string_equal(pr->paras[0].text, "健全机制");
	assert_int_equal(pr->paras[0].number, 1);
	assert_false(pr->paras[1].heading);
	assert_string_equal(pr->paras[1].text, "内容。");
	assert_string_equal(pr->paras[2].text, "普通段落。");
	assert_true(pr->paras[3].heading);
	assert_string_equal(pr->paras[3].text, "加强培训");
	assert_int_equal(pr->paras[3].number, 2);
	assert_string_equal(pr->paras[4].text, "甲段。");
	assert_string_equal(pr->paras[5].text, "乙段。");
	loaded_free(&L);

	L = load_report(HEAD "proactive: {}\nrequests: {}\nappeals: {}\npreface: {a: b}\n");
	assert_null(L.rep);
	const gir_diag *g = expect_diag(L.diags, GIR_ERROR, 10, 10, "preface",
	                                "expected text or a list of paragraphs, found a mapping");
	expect_hint(g, "write subheadings as list items: \"- 小标题: 正文\"");
	loaded_free(&L);
}

static void all_problems_in_one_run(void **state)
{
	(void)state;
	loaded L = load_report(HEAD "proactive:\n  regulation: [0, 0, 0]\n  fees: [0, x]\n"
	                       "appeals: [0, 0, 0]\n"
	                       "requests:\n"
	                       "  received: [7, 0, 0, 0, 0, 0]\n");
	assert_null(L.rep);
	assert_int_equal(gir_diags_count_severity(L.diags, GIR_ERROR), 4);
	assert_non_null(find_diag(L.diags, "unknown key \"regulation\""));
	expect_diag(L.diags, GIR_ERROR, 9, 13, "proactive.fees.change",
	            "expected a number, found \"x\"");
	assert_non_null(find_diag(L.diags, "3 values, but the form has 15 cells"));
	expect_diag(L.diags, GIR_ERROR, 12, 14, "requests.received.natural",
	            "一+二 = 7 but 三（七）总计 + 四 = 0");
	assert_int_equal(gir_diags_count_severity(L.diags, GIR_WARNING), 0);
	loaded_free(&L);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(defaults),
		cmocka_unit_test(template_by_year),
		cmocka_unit_test(template_for_later_years),
		cmocka_unit_test(explicit_template_and_extension),
		cmocka_unit_test(given_title_and_signatories),
		cmocka_unit_test(labels_as_keys),
		cmocka_unit_test(rows_as_mappings),
		cmocka_unit_test(omitted_rows_and_sums),
		cmocka_unit_test(given_totals_are_checked),
		cmocka_unit_test(balance_check),
		cmocka_unit_test(flat_appeals),
		cmocka_unit_test(flat_appeals_wrong_length),
		cmocka_unit_test(wrong_row_length),
		cmocka_unit_test(bad_values_in_rows),
		cmocka_unit_test(group_given_as_a_row),
		cmocka_unit_test(duplicate_keys),
		cmocka_unit_test(unknown_keys),
		cmocka_unit_test(required_fields),
		cmocka_unit_test(dates),
		cmocka_unit_test(warning_omitted_table),
		cmocka_unit_test(warning_no_date),
		cmocka_unit_test(warning_date_before_year_end),
		cmocka_unit_test(warning_title_and_empty_narrative),
		cmocka_unit_test(warning_published_over_total),
		cmocka_unit_test(narratives_are_bound),
		cmocka_unit_test(all_problems_in_one_run),
	};
	return cmocka_run_group_tests_name("validate", tests, NULL, NULL);
}
