/* Unit tests for src/figures.c: the templates' "summary" lists (the key
 * figures of `gireport summary`), their checking, and their values. */
#include "helpers.h"

#include "figures.h"

static const gir_template *find(const gir_registry *r, const char *id)
{
	const gir_template *t = gir_registry_find(r, id);
	assert_non_null(t);
	return t;
}

static void embedded_lists(void **state)
{
	(void)state;
	gir_diags *d = gir_diags_new();
	gir_registry *r = gir_registry_new(d);
	assert_int_equal(gir_diags_count(d), 0);
	const gir_template *t19 = find(r, "gov-2019"), *t21 = find(r, "gov-2021");
	const gir_template *lv = find(r, "gov-2019-lvyuan");
	assert_int_equal(t19->nfigures, 19);
	assert_int_equal(t21->nfigures, 20);
	/* An extension inherits its base's list. */
	assert_int_equal(lv->nfigures, t19->nfigures);
	for (size_t i = 0; i < lv->nfigures; i++)
		assert_string_equal(lv->figures[i].id, t19->figures[i].id);
	/* Figures the editions share have one id; edition-only ones are absent. */
	assert_non_null(gir_template_figure(t19, "licensing"));
	assert_non_null(gir_template_figure(t21, "licensing"));
	assert_non_null(gir_template_figure(t19, "procurement_amount"));
	assert_null(gir_template_figure(t21, "procurement_amount"));
	assert_non_null(gir_template_figure(t21, "fees_amount"));
	assert_null(gir_template_figure(t19, "fees_amount"));
	const gir_figure *lit = gir_template_figure(t21, "litigation");
	assert_non_null(lit);
	assert_int_equal(lit->npaths, 2);
	assert_string_equal(lit->paths[1], "appeals.litigation_after_review.total");
	gir_registry_free(r);
	gir_diags_free(d);
}

static void paths(void **state)
{
	(void)state;
	gir_diags *d = gir_diags_new();
	gir_registry *r = gir_registry_new(d);
	const gir_template *t = find(r, "gov-2021");
	assert_true(gir_template_has_path(t, "requests.received.natural"));
	assert_true(gir_template_has_path(t, "requests.received"));          /* its 总计 */
	assert_true(gir_template_has_path(t, "requests.other.total"));       /* a group */
	assert_true(gir_template_has_path(t, "requests.other.other.natural"));
	assert_true(gir_template_has_path(t, "proactive.licensing"));        /* its only column */
	assert_true(gir_template_has_path(t, "appeals.review.corrected"));
	assert_false(gir_template_has_path(t, "requests"));
	assert_false(gir_template_has_path(t, "requests."));
	assert_false(gir_template_has_path(t, "requests.received.nope"));
	assert_false(gir_template_has_path(t, "proactive.procurement.amount"));
	assert_false(gir_template_has_path(t, "overview.text"));
	assert_false(gir_template_has_path(t, "nosuch.a.b"));
	gir_registry_free(r);
	gir_diags_free(d);
}

static const char source_2021[] =
    "year: 2021\n"
    "agency: 某局\n"
    "date: 2022-01-10\n"
    "overview: 无。\n"
    "proactive:\n"
    "  normative_documents: [2, 1, 9]\n"
    "  licensing: 30\n"
    "  penalties: 0\n"
    "  coercion: 0\n"
    "  fees: 1.50\n"
    "requests:\n"
    "  received: [3, 1, 0, 0, 0, 0]\n"
    "  carried_over: [1, 0, 0, 0, 0, 0]\n"
    "  granted: [1, 1, 0, 0, 0, 0]\n"
    "  withheld:\n"
    "    third_party: [1, 0, 0, 0, 0, 0]\n"
    "  other:\n"
    "    no_correction: [1, 0, 0, 0, 0, 0]\n"
    "  carried_forward: [1, 0, 0, 0, 0, 0]\n"
    "appeals:\n"
    "  review: [1, 1, 0, 0]\n"
    "  litigation_direct: [0, 1, 0, 1]\n"
    "  litigation_after_review: [1, 0, 0, 0]\n"
    "problems: 无。\n"
    "other_matters: 无。\n";

static void expect_figure(const gir_report *rep, const char *id, const char *want)
{
	const gir_figure *f = gir_template_figure(rep->tpl, id);
	assert_non_null(f);
	gir_value v;
	assert_true(gir_report_figure(rep, f, &v));
	char got[48];
	gir_value_format(v, got, sizeof got);
	assert_string_equal(got, want);
}

static void values(void **state)
{
	(void)state;
	loaded L = load_clean(source_2021);
	expect_figure(L.rep, "received", "4");
	expect_figure(L.rep, "carried_over", "1");
	expect_figure(L.rep, "granted", "2");
	expect_figure(L.rep, "withheld", "1");
	expect_figure(L.rep, "other", "1");            /* a group in gov-2021 */
	expect_figure(L.rep, "results_total", "4");
	expect_figure(L.rep, "carried_forward", "1");
	expect_figure(L.rep, "review", "2");
	expect_figure(L.rep, "litigation", "3");       /* two rows added */
	expect_figure(L.rep, "corrected", "2");        /* three cells added */
	expect_figure(L.rep, "licensing", "30");
	expect_figure(L.rep, "normative_in_force", "9");
	expect_figure(L.rep, "fees_amount", "1.50");   /* as written, exactly */
	loaded_free(&L);
}

/* A table section with one block: rows r1, r2; columns a, b, sum. */
#define SMALL_HEAD                                                                          \
	"{\"id\": \"t-fig\", \"years\": [2030], \"title\": \"{agency}{year}\",\n"                 \
	" \"sections\": [{\"id\": \"tab\", \"heading\": \"一、表\", \"kind\": \"table\",\n"       \
	"   \"blocks\": [{\"columns\": [{\"id\": \"a\", \"label\": \"甲\"}, {\"id\": \"b\", \"label\": \"乙\"},\n" \
	"                               {\"id\": \"sum\", \"label\": \"合计\", \"sum\": \"all\"}],\n" \
	"                \"rows\": [{\"id\": \"r1\", \"label\": \"一行\"}, {\"id\": \"r2\", \"label\": \"二行\"}]}]}],\n"

/* The words of the summary table, all of them. */
#define SMALL_WORDS                                                                         \
	" \"summary_words\": {\"agency\": \"机关\", \"year\": \"年度\", \"template\": \"模板\",\n"        \
	"   \"file\": \"文件\", \"status\": \"状态\", \"errors\": \"错误数\", \"total\": \"合计\",\n"        \
	"   \"passed\": \"通过\", \"failed\": \"有错误\", \"unreadable\": \"无法读取\",\n"                 \
	"   \"failed_sources\": \"有错误的来源\", \"not_in_total\": \"不计入合计\",\n"                    \
	"   \"sources_unit\": \"个\", \"errors_unit\": \"个错误\"},\n"

static void good_list(void **state)
{
	(void)state;
	static const char json[] = SMALL_HEAD SMALL_WORDS
	    " \"summary\": [{\"id\": \"one\", \"label\": \"一\", \"path\": \"tab.r1.a\"},\n"
	    "               {\"id\": \"both\", \"label\": \"二\", \"path\": [\"tab.r1\", \"tab.r2.b\"]}]}\n";
	gir_diags *d = gir_diags_new();
	gir_template *t = gir_template_parse("t.json", json, strlen(json), NULL, d);
	if (!t)
		dump_diags(d);
	assert_non_null(t);
	assert_int_equal(t->nfigures, 2);
	assert_string_equal(t->figures[1].label, "二");
	assert_int_equal(t->figures[1].npaths, 2);
	gir_template_free(t);
	gir_diags_free(d);
}

static void bad_lists(void **state)
{
	(void)state;
	static const char json[] = SMALL_HEAD
	    " \"summary\": [{\"id\": \"one\", \"label\": \"一\", \"path\": \"tab.r1.a\"},\n"
	    "               {\"id\": \"one\", \"label\": \"又一\", \"path\": \"tab.r1.b\"},\n"
	    "               {\"id\": \"typo\", \"label\": \"错\", \"path\": \"tab.r3.a\"},\n"
	    "               {\"id\": \"empty\", \"label\": \"空\", \"path\": []},\n"
	    "               {\"id\": \"nolabel\", \"path\": \"tab.r1\"},\n"
	    "               {\"id\": \"number\", \"label\": \"数\", \"path\": [\"tab.r1\", 3]}]}\n";
	gir_diags *d = gir_diags_new();
	gir_template *t = gir_template_parse("t.json", json, strlen(json), NULL, d);
	assert_null(t);
	assert_non_null(find_diag(d, "template: summary figure \"one\" is listed twice"));
	assert_non_null(find_diag(d, "template: summary figure \"typo\": \"tab.r3.a\" names no cell of the template"));
	assert_non_null(find_diag(d, "template: a summary \"path\" is an id path or a list of them"));
	assert_non_null(find_diag(d, "template: a summary figure needs a string \"id\" and \"label\""));
	gir_diags_free(d);

	static const char not_list[] = SMALL_HEAD " \"summary\": {\"id\": \"x\"}}\n";
	d = gir_diags_new();
	assert_null(gir_template_parse("t.json", not_list, strlen(not_list), NULL, d));
	assert_non_null(find_diag(d, "\"summary\" must be an array"));
	gir_diags_free(d);

	/* The table's words are the template's: required, every one. */
	static const char no_words[] = SMALL_HEAD
	    " \"summary\": [{\"id\": \"one\", \"label\": \"一\", \"path\": \"tab.r1.a\"}]}\n";
	d = gir_diags_new();
	assert_null(gir_template_parse("t.json", no_words, strlen(no_words), NULL, d));
	assert_non_null(find_diag(d, "\"summary_words\" is required with \"summary\""));
	gir_diags_free(d);
	static const char few_words[] = SMALL_HEAD
	    " \"summary_words\": {\"agency\": \"机关\", \"yaer\": \"年度\", \"total\": \"\"},\n"
	    " \"summary\": [{\"id\": \"one\", \"label\": \"一\", \"path\": \"tab.r1.a\"}]}\n";
	d = gir_diags_new();
	assert_null(gir_template_parse("t.json", few_words, strlen(few_words), NULL, d));
	assert_non_null(find_diag(d, "summary_words: \"yaer\" is not one of its words"));
	assert_non_null(find_diag(d, "summary_words: \"total\" is not a non-empty string"));
	assert_non_null(find_diag(d, "summary_words: \"errors_unit\" is required"));
	gir_diags_free(d);

	/* gireport diff's words likewise, when a template gives them. */
	static const char few_diff_words[] = SMALL_HEAD
	    " \"diff_words\": {\"none\": \"（无）\", \"titel\": \"对比\"}}\n";
	d = gir_diags_new();
	assert_null(gir_template_parse("t.json", few_diff_words, strlen(few_diff_words), NULL, d));
	assert_non_null(find_diag(d, "diff_words: \"titel\" is not one of its words"));
	assert_non_null(find_diag(d, "diff_words: \"paragraphs_unit\" is required"));
	gir_diags_free(d);
	static const char diff_words_list[] = SMALL_HEAD " \"diff_words\": [\"变化\"]}\n";
	d = gir_diags_new();
	assert_null(gir_template_parse("t.json", diff_words_list, strlen(diff_words_list), NULL, d));
	assert_non_null(find_diag(d, "template: \"diff_words\" must be an object of words"));
	gir_diags_free(d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(embedded_lists),
		cmocka_unit_test(paths),
		cmocka_unit_test(values),
		cmocka_unit_test(good_list),
		cmocka_unit_test(bad_lists),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
