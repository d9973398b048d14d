/* Unit tests for src/wrap.c: greedy line breaking with 禁则. */
#include "helpers.h"

#include "utf8.h"
#include "wrap.h"

/* Wraps text in terminal cells and returns the lines as one string joined
 * with '|', e.g. "一二|三四". */
static char *wrapped(const char *text, double first, double rest)
{
	gir_span *lines = NULL;
	size_t n = gir_wrap(text, first, rest, gir_measure_cells, NULL, &lines);
	assert_non_null(lines);
	size_t cap = strlen(text) + n + 1;
	char *out = calloc(1, cap);
	for (size_t i = 0; i < n; i++) {
		assert_true(lines[i].start <= lines[i].end);
		assert_true(lines[i].end <= strlen(text));
		if (i)
			strcat(out, "|");
		strncat(out, text + lines[i].start, lines[i].end - lines[i].start);
	}
	free(lines);
	return out;
}

static void expect_wrap(const char *text, double first, double rest, const char *want)
{
	char *got = wrapped(text, first, rest);
	if (strcmp(got, want) != 0) {
		print_message("wrap(\"%s\", %g, %g)\n  got:  %s\n  want: %s\n", text, first, rest, got,
		              want);
		free(got);
		fail();
	}
	free(got);
}

static void measures_cells(void **state)
{
	(void)state;
	assert_true(gir_measure_cells(NULL, 0x6C49) == 2.0);
	assert_true(gir_measure_cells(NULL, 'a') == 1.0);
	assert_true(gir_measure_cells(NULL, 0xFF0C) == 2.0);  /* ， */
	assert_true(gir_measure_cells(NULL, 0x201D) == 1.0);  /* ” */
	assert_true(gir_measure_cells(NULL, 0x0301) == 0.0);
}

static void prohibition_sets(void **state)
{
	(void)state;
	static const char *const no_start[] = {
		"，", "。", "、", "；", "：", "？", "！", "）", "」", "』", "”", "’", "》", "〉", "】",
		"〕", "…", "—", "％", "·", ",", ".", ";", ":", "?", "!", ")", "]", "}", "%",
	};
	for (size_t i = 0; i < sizeof no_start / sizeof no_start[0]; i++) {
		uint32_t cp;
		gir_utf8_decode(no_start[i], strlen(no_start[i]), &cp);
		if (!gir_no_line_start(cp))
			fail_msg("%s may start a line", no_start[i]);
		if (gir_no_line_end(cp))
			fail_msg("%s may not end a line", no_start[i]);
	}
	static const char *const no_end[] = {
		"（", "「", "『", "“", "‘", "《", "〈", "【", "〔", "(", "[", "{",
	};
	for (size_t i = 0; i < sizeof no_end / sizeof no_end[0]; i++) {
		uint32_t cp;
		gir_utf8_decode(no_end[i], strlen(no_end[i]), &cp);
		if (!gir_no_line_end(cp))
			fail_msg("%s may end a line", no_end[i]);
		if (gir_no_line_start(cp))
			fail_msg("%s may not start a line", no_end[i]);
	}
	assert_false(gir_no_line_start(0x6C49));
	assert_false(gir_no_line_end(0x6C49));
	assert_false(gir_no_line_start('a'));
	assert_false(gir_no_line_start('1'));
	assert_false(gir_no_line_end(' '));
}

static void plain_cjk(void **state)
{
	(void)state;
	expect_wrap("一二三四五六", 4, 4, "一二|三四|五六");
	expect_wrap("一二三四五六", 5, 5, "一二|三四|五六");   /* a half cell is no room */
	expect_wrap("一二三四五六", 12, 12, "一二三四五六");
	expect_wrap("一二三四五六七八", 4, 8, "一二|三四五六|七八");  /* first line narrower */
	expect_wrap("一二三四五六七八", 8, 4, "一二三四|五六|七八");
}

static void empty_text(void **state)
{
	(void)state;
	gir_span *lines = NULL;
	assert_int_equal(gir_wrap("", 10, 10, gir_measure_cells, NULL, &lines), 0);
	assert_non_null(lines);
	free(lines);
}

static void no_line_starts_with_closing(void **state)
{
	(void)state;
	expect_wrap("一二三，四五", 6, 6, "一二|三，四|五");
	expect_wrap("一二三。", 6, 6, "一二|三。");
	expect_wrap("一二三”四", 6, 6, "一二|三”四");
	expect_wrap("一二三）", 6, 6, "一二|三）");
	expect_wrap("一二三、", 6, 6, "一二|三、");
	expect_wrap("一二三：", 6, 6, "一二|三：");
	/* Two closing marks in a row go down with the character before them. */
	expect_wrap("一二三”。", 6, 6, "一二|三”。");
}

static void no_line_ends_with_opening(void **state)
{
	(void)state;
	expect_wrap("一二（三）", 6, 6, "一二|（三）");
	expect_wrap("一二“三”", 5, 5, "一二|“三”");
	expect_wrap("一二《条例》", 6, 6, "一二|《条|例》");
}

static void words_and_numbers_kept_whole(void **state)
{
	(void)state;
	expect_wrap("hello world", 8, 8, "hello|world");
	expect_wrap("hello world", 5, 5, "hello|world");
	expect_wrap("hello world", 11, 11, "hello world");
	expect_wrap("共12345件", 6, 6, "共|12345|件");
	expect_wrap("金额6.0248万元", 8, 8, "金额|6.0248万|元");
	expect_wrap("GB/T 9704-2012", 10, 10, "GB/T|9704-2012");
	/* Leading spaces of a continuation line are dropped. */
	expect_wrap("ab   cd", 3, 3, "ab|cd");
}

static void long_word_is_broken(void **state)
{
	(void)state;
	expect_wrap("abcdefghij", 4, 4, "abcd|efgh|ij");
	expect_wrap("一 abcdefghij", 4, 4, "一|abcd|efgh|ij");
	/* A character wider than the line still goes on a line of its own. */
	expect_wrap("汉字", 1, 1, "汉|字");
}

/* A long paragraph: every line fits, none starts with a closing mark or ends
 * with an opening one, and nothing is lost but spaces at the breaks. */
static void paragraph_invariants(void **state)
{
	(void)state;
	const char *text =
	    "2020年，我局在区委、区政府领导下，积极贯彻落实《中华人民共和国政府信息公开条例》，"
	    "坚持“依法公开、客观真实、全面公开、注重实效、方便群众”的原则（见附件1），"
	    "全年共主动公开政府信息123条，政府集中采购总金额6.0248万元；"
	    "做到“四个结合”：一是……；二是……。";
	for (int width = 6; width <= 40; width++) {
		gir_span *lines = NULL;
		size_t n = gir_wrap(text, width, width, gir_measure_cells, NULL, &lines);
		assert_true(n > 0);
		gir_buf joined = {0};
		for (size_t i = 0; i < n; i++) {
			const char *s = text + lines[i].start;
			size_t len = lines[i].end - lines[i].start;
			assert_true(len > 0);
			if (gir_utf8_width(s, len) > (size_t)width)
				fail_msg("width %d: line %zu is %zu cells", width, i, gir_utf8_width(s, len));
			uint32_t first, last;
			gir_utf8_decode(s, len, &first);
			size_t k = len;
			while (k > 0 && ((unsigned char)s[k - 1] & 0xC0) == 0x80)
				k--;
			gir_utf8_decode(s + k - 1, len - (k - 1), &last);
			if (i > 0 && gir_no_line_start(first))
				fail_msg("width %d: line %zu starts with U+%04X", width, i, (unsigned)first);
			if (i + 1 < n && gir_no_line_end(last))
				fail_msg("width %d: line %zu ends with U+%04X", width, i, (unsigned)last);
			/* Lines are in order and touch (the text has no spaces). */
			if (i > 0)
				assert_int_equal(lines[i].start, lines[i - 1].end);
			gir_buf_put(&joined, s, len);
		}
		assert_int_equal(lines[0].start, 0);
		assert_string_equal(joined.ptr, text);
		gir_buf_free(&joined);
		free(lines);
	}
}

/* A measure that counts every code point as 10 points, like a PDF font. */
static double ten_points(void *ctx, uint32_t cp)
{
	(void)cp;
	int *calls = ctx;
	++*calls;
	return 10.0;
}

static void custom_measure(void **state)
{
	(void)state;
	int calls = 0;
	gir_span *lines = NULL;
	size_t n = gir_wrap("一二三四五", 25.0, 30.0, ten_points, &calls, &lines);
	assert_int_equal(calls, 5);
	assert_int_equal(n, 2);
	assert_int_equal(lines[0].start, 0);
	assert_int_equal(lines[0].end, 6);     /* 一二 */
	assert_int_equal(lines[1].start, 6);
	assert_int_equal(lines[1].end, 15);    /* 三四五 */
	free(lines);
}

/* ---- labels ------------------------------------------------------------------- */

/* Sorted, as the template's are once loaded. */
static const char *const marks[] = {"商业|企业", "本年度|办理结果", "结果|维持"};

static void expect_label(const char *text, double width, const char *want)
{
	gir_span *lines = NULL;
	size_t n = gir_wrap_label(text, width, 1, gir_measure_cells, NULL, marks, 3, NULL, &lines);
	char out[512] = "";
	for (size_t i = 0; i < n; i++) {
		if (i)
			strcat(out, "|");
		strncat(out, text + lines[i].start, lines[i].end - lines[i].start);
	}
	free(lines);
	if (strcmp(out, want) != 0) {
		print_message("label(\"%s\", %g)\n  got:  %s\n  want: %s\n", text, width, out, want);
		fail();
	}
}

/* Labels break at the template's word marks and after numbering; a word
 * of two or three 汉字 never breaks while it fits; only a column narrower
 * than every word breaks inside one, leaving two characters a side. */
static void labels_break_between_words(void **state)
{
	(void)state;
	expect_label("三、本年度办理结果", 10, "三、本年度|办理结果");
	expect_label("商业企业", 4, "商业|企业");
	expect_label("结果维持", 6, "结果|维持");
	expect_label("自然人", 6, "自然人");
	expect_label("总计", 4, "总计");
	expect_label("（三）不予公开", 8, "（三）|不予公开");
	expect_label("1.属于国家秘密", 12, "1.|属于国家秘密");
	expect_label("社会公益组织", 8, "社会公|益组织"); /* no mark: even, two or more a side */
	expect_label("办理结果好", 6, "办理结|果好");
	expect_label("自然人", 4, "自然|人"); /* no column so narrow is made: forced */
}

static void label_min_width(void **state)
{
	(void)state;
	assert_int_equal((int)gir_label_min_width("自然人", gir_measure_cells, NULL, marks, 3, NULL), 6);
	assert_int_equal((int)gir_label_min_width("商业企业", gir_measure_cells, NULL, marks, 3, NULL), 4);
	assert_int_equal((int)gir_label_min_width("三、本年度办理结果", gir_measure_cells, NULL, marks, 3, NULL), 8);
	size_t *offs, n = gir_label_word_breaks("商业企业", marks, 3, &offs);
	assert_int_equal(n, 1);
	assert_int_equal(offs[0], 6);
	free(offs);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(measures_cells),
		cmocka_unit_test(prohibition_sets),
		cmocka_unit_test(plain_cjk),
		cmocka_unit_test(empty_text),
		cmocka_unit_test(no_line_starts_with_closing),
		cmocka_unit_test(no_line_ends_with_opening),
		cmocka_unit_test(words_and_numbers_kept_whole),
		cmocka_unit_test(long_word_is_broken),
		cmocka_unit_test(paragraph_invariants),
		cmocka_unit_test(custom_measure),
		cmocka_unit_test(labels_break_between_words),
		cmocka_unit_test(label_min_width),
	};
	return cmocka_run_group_tests_name("wrap", tests, NULL, NULL);
}
