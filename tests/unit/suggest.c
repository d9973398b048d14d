/* Unit tests for src/suggest.c: edit distance and "did you mean". */
#include "helpers.h"

#include "suggest.h"

static void distances(void **state)
{
	(void)state;
	assert_int_equal(gir_edit_distance("", ""), 0);
	assert_int_equal(gir_edit_distance("", "abc"), 3);
	assert_int_equal(gir_edit_distance("abc", ""), 3);
	assert_int_equal(gir_edit_distance("kitten", "sitting"), 3);
	assert_int_equal(gir_edit_distance("regulation", "regulations"), 1);
	assert_int_equal(gir_edit_distance("flaw", "lawn"), 2);
	/* Code points, not bytes: one CJK character is one edit. */
	assert_int_equal(gir_edit_distance("规章", "规章"), 0);
	assert_int_equal(gir_edit_distance("行政许证", "行政许可"), 1);
	assert_int_equal(gir_edit_distance("行政许可", "行政处罚"), 2);
	assert_int_equal(gir_edit_distance("规章", "规范性文件"), 4);
	/* Case and full-width forms are not typos. */
	assert_int_equal(gir_edit_distance("ABC", "abc"), 0);
	assert_int_equal(gir_edit_distance("ａｂｃ", "abc"), 0);
	assert_int_equal(gir_edit_distance("gov－２０１９", "gov-2019"), 0);
	/* Symmetric. */
	assert_int_equal(gir_edit_distance("natral", "natural"), gir_edit_distance("natural", "natral"));
}

static void distance_full_width_capitals(void **state)
{
	(void)state;
	assert_int_equal(gir_edit_distance("ＡＢｃ", "abc"), 0);
	assert_int_equal(gir_edit_distance("ＡＢＣ", "ABC"), 0);
	assert_int_equal(gir_edit_distance("ＲＥＧＵＬＡＴＩＯＮＳ", "regulations"), 0);
}

static void distance_is_capped(void **state)
{
	(void)state;
	char a[101], b[101];
	memset(a, 'a', 100);
	memset(b, 'b', 100);
	a[100] = b[100] = '\0';
	assert_int_equal(gir_edit_distance(a, b), 64);
	assert_int_equal(gir_edit_distance(a, a), 0);
}

static char *hint_for(const char *key, const char *const *ids, const char *const *labels, size_t n)
{
	gir_suggest *s = gir_suggest_new(key);
	for (size_t i = 0; i < n; i++)
		gir_suggest_add(s, ids ? ids[i] : NULL, labels ? labels[i] : NULL);
	char *h = gir_suggest_hint(s);
	gir_suggest_free(s);
	return h;
}

static const char *const proactive_ids[] = {
	"regulations", "normative_documents", "licensing", "other_services",
	"penalties", "coercion", "fees", "procurement",
};
static const char *const proactive_labels[] = {
	"规章", "规范性文件", "行政许可", "其他对外管理服务事项",
	"行政处罚", "行政强制", "行政事业性收费", "政府集中采购",
};
#define NPRO (sizeof proactive_ids / sizeof proactive_ids[0])

static void expect_hint_for(const char *key, const char *want)
{
	char *h = hint_for(key, proactive_ids, proactive_labels, NPRO);
	if (!want) {
		if (h)
			fail_msg("\"%s\": unexpected hint \"%s\"", key, h);
	} else {
		if (!h)
			fail_msg("\"%s\": no hint, expected \"%s\"", key, want);
		assert_string_equal(h, want);
	}
	free(h);
}

static void did_you_mean(void **state)
{
	(void)state;
	expect_hint_for("regulation", "did you mean regulations (规章)?");
	expect_hint_for("Regulations", "did you mean regulations (规章)?");
	expect_hint_for("行政许证", "did you mean licensing (行政许可)?");
	expect_hint_for("licencing", "did you mean licensing (行政许可)?");
	expect_hint_for("procurment", "did you mean procurement (政府集中采购)?");
	expect_hint_for("行政处发", "did you mean penalties (行政处罚)?");
	/* One name contains the other. */
	expect_hint_for("规章数量", "did you mean regulations (规章)?");
	expect_hint_for("集中采购", "did you mean procurement (政府集中采购)?");
}

static void nothing_for_unrelated_keys(void **state)
{
	(void)state;
	expect_hint_for("xyzzy", NULL);
	expect_hint_for("总体情况", NULL);
	expect_hint_for("a", NULL);
	/* Two edits in a name of four are too many. */
	expect_hint_for("fuss", NULL);
	expect_hint_for("行政收入", NULL);
}

static void ids_or_labels_alone(void **state)
{
	(void)state;
	static const char *const labels[] = {"自然人", "商业企业", "科研机构"};
	char *h = hint_for("商业企", NULL, labels, 3);
	assert_string_equal(h, "did you mean 商业企业?");
	free(h);
	/* Two edits in four characters is too far. */
	h = hint_for("商业机构", NULL, labels, 3);
	assert_null(h);
	/* Equally close: the first one offered wins. */
	static const char *const ties[] = {"ab2", "ab3"};
	h = hint_for("ab1", ties, NULL, 2);
	assert_string_equal(h, "did you mean ab2?");
	free(h);
	static const char *const ids[] = {"gov-2019", "gov-2019-lvyuan", "gov-2021"};
	h = hint_for("gov-2O19", ids, NULL, 3);
	assert_string_equal(h, "did you mean gov-2019?");
	free(h);
	/* The closer candidate wins over an earlier one. */
	h = hint_for("gov-2022", ids, NULL, 3);
	assert_string_equal(h, "did you mean gov-2021?");
	free(h);
}

static void forced_hint(void **state)
{
	(void)state;
	gir_suggest *s = gir_suggest_new("received");
	gir_suggest_add(s, "year", "报告年度");
	gir_suggest_force(s, strdup("it belongs under requests:"));
	gir_suggest_force(s, strdup("replaced"));  /* the first one is freed */
	char *h = gir_suggest_hint(s);
	assert_string_equal(h, "replaced");
	free(h);
	gir_suggest_free(s);
}

static void list_of_candidates(void **state)
{
	(void)state;
	gir_suggest *s = gir_suggest_new("xyzzy");
	assert_null(gir_suggest_list(s));
	gir_suggest_add(s, "regulations", "规章");
	gir_suggest_add(s, "fees", NULL);
	gir_suggest_add(s, NULL, "自然人");
	char *l = gir_suggest_list(s);
	assert_string_equal(l, "the keys here are: regulations (规章), fees, 自然人");
	free(l);
	gir_suggest_free(s);

	/* After sixteen, an ellipsis. */
	s = gir_suggest_new("xyzzy");
	char id[16];
	for (int i = 1; i <= 20; i++) {
		snprintf(id, sizeof id, "k%d", i);
		gir_suggest_add(s, id, NULL);
	}
	l = gir_suggest_list(s);
	assert_string_equal(l, "the keys here are: k1, k2, k3, k4, k5, k6, k7, k8, k9, k10, k11, k12, "
	                       "k13, k14, k15, k16, …");
	free(l);
	gir_suggest_free(s);

	gir_suggest_free(NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(distances),
		cmocka_unit_test(distance_full_width_capitals),
		cmocka_unit_test(distance_is_capped),
		cmocka_unit_test(did_you_mean),
		cmocka_unit_test(nothing_for_unrelated_keys),
		cmocka_unit_test(ids_or_labels_alone),
		cmocka_unit_test(forced_hint),
		cmocka_unit_test(list_of_candidates),
	};
	return cmocka_run_group_tests_name("suggest", tests, NULL, NULL);
}
