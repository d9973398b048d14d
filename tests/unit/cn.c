/* Unit tests for src/core/cn.c: Chinese numerals and full-width characters. */
#include "helpers.h"

#include "cn.h"
#include "utf8.h"

static uint32_t cp_of(const char *s)
{
	uint32_t cp = 0;
	gir_utf8_decode(s, strlen(s), &cp);
	return cp;
}

static void digits(void **state)
{
	(void)state;
	assert_int_equal(gir_cn_digit('0'), 0);
	assert_int_equal(gir_cn_digit('9'), 9);
	assert_int_equal(gir_cn_digit(cp_of("０")), 0);
	assert_int_equal(gir_cn_digit(cp_of("９")), 9);
	assert_int_equal(gir_cn_digit(cp_of("一")), -1);
	assert_int_equal(gir_cn_digit('a'), -1);
	assert_int_equal(gir_cn_digit(cp_of("．")), -1);
}

static void numerals(void **state)
{
	(void)state;
	const char *const ten[] = {"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
	for (int d = 0; d < 10; d++)
		assert_int_equal(gir_cn_numeral(cp_of(ten[d])), d);
	assert_int_equal(gir_cn_numeral(cp_of("十")), 10);
	assert_int_equal(gir_cn_numeral(cp_of("百")), 100);
	assert_int_equal(gir_cn_numeral(cp_of("千")), -1);
	assert_int_equal(gir_cn_numeral('1'), -1);
	/* Every numeral of a heading number is one gir_cn_numeral knows. */
	const char *s = GIR_CN_NUMERALS;
	while (*s) {
		uint32_t cp;
		size_t k = gir_utf8_decode(s, strlen(s), &cp);
		assert_true(gir_cn_numeral(cp) > 0);
		s += k;
	}
}

static void fullwidth_as_ascii(void **state)
{
	(void)state;
	assert_int_equal(gir_cn_ascii(cp_of("３")), '3');
	assert_int_equal(gir_cn_ascii(cp_of("．")), '.');
	assert_int_equal(gir_cn_ascii(cp_of("－")), '-');
	assert_int_equal(gir_cn_ascii(cp_of("＋")), '+');
	assert_int_equal(gir_cn_ascii(cp_of("，")), ',');
	assert_int_equal(gir_cn_ascii(cp_of("。")), 0);
	assert_int_equal(gir_cn_ascii(0x2212), 0);
	assert_int_equal(gir_cn_ascii('3'), 0);
}

static void numbers_written(void **state)
{
	(void)state;
	char out[32];
	static const struct { int n; const char *text; } cases[] = {
		{1, "一"}, {9, "九"}, {10, "十"}, {12, "十二"}, {20, "二十"}, {99, "九十九"},
		{0, "0"}, {100, "100"}, {-3, "-3"},
	};
	for (size_t i = 0; i < GIR_ARRAY_LEN(cases); i++) {
		gir_cn_number(cases[i].n, out, sizeof out);
		assert_string_equal(out, cases[i].text);
	}
}

static void digit_at_in_text(void **state)
{
	(void)state;
	const char *s = "a１2";
	int d;
	size_t k;
	assert_false(gir_cn_digit_at(s, strlen(s), 0, &d, &k));
	assert_true(gir_cn_digit_at(s, strlen(s), 1, &d, &k));
	assert_int_equal(d, 1);
	assert_int_equal(k, 3);
	assert_true(gir_cn_digit_at(s, strlen(s), 4, &d, &k));
	assert_int_equal(d, 2);
	assert_int_equal(k, 1);
	assert_false(gir_cn_digit_at(s, 2, 1, &d, &k)); /* cut short */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(digits),
		cmocka_unit_test(numerals),
		cmocka_unit_test(fullwidth_as_ascii),
		cmocka_unit_test(numbers_written),
		cmocka_unit_test(digit_at_in_text),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
