/* Unit tests for src/narrative.c: paragraphs from YAML strings, tidying,
 * and subheadings with their typed numbers removed. */
#include "helpers.h"

#include "narrative.h"

static const gir_pos P = {4, 11};

/* Splits text and checks the paragraphs (NULL-terminated list). */
static void expect_paras(const char *text, bool literal, const char *const *want)
{
	gir_narrative nar = {0};
	size_t want_n = 0;
	while (want[want_n])
		want_n++;
	size_t n = gir_paragraphs_append(&nar, text, literal, P);
	if (n != want_n || nar.n != want_n) {
		for (size_t i = 0; i < nar.n; i++)
			print_message("  para %zu: [%s]\n", i, nar.paras[i].text);
		fail_msg("%zu paragraphs, expected %zu", nar.n, want_n);
	}
	for (size_t i = 0; i < n; i++) {
		assert_string_equal(nar.paras[i].text, want[i]);
		assert_false(nar.paras[i].heading);
		assert_int_equal(nar.paras[i].pos.line, P.line);
		assert_int_equal(nar.paras[i].pos.col, P.col);
	}
	gir_narrative_free(&nar);
	assert_null(nar.paras);
	assert_int_equal(nar.n, 0);
}

static void expect_tidy(const char *in, const char *out)
{
	char *t = gir_tidy_paragraph(in, strlen(in));
	assert_string_equal(t, out);
	free(t);
}

static void expect_heading(const char *key, const char *text)
{
	gir_narrative nar = {0};
	gir_subheading_append(&nar, key, P);
	assert_int_equal(nar.n, 1);
	assert_true(nar.paras[0].heading);
	assert_int_equal(nar.paras[0].number, 1);
	if (strcmp(nar.paras[0].text, text) != 0)
		fail_msg("subheading \"%s\" → \"%s\", expected \"%s\"", key, nar.paras[0].text, text);
	gir_narrative_free(&nar);
}

static void literal_blank_line_separates(void **state)
{
	(void)state;
	expect_paras("第一段第一行\n第二行\n\n第二段\n", true,
	             (const char *const[]){"第一段第一行第二行", "第二段", NULL});
	/* Several blank lines, and blank lines at either end, are one break. */
	expect_paras("\n\n甲\n\n\n\n乙\n\n", true, (const char *const[]){"甲", "乙", NULL});
	/* A line of spaces is blank. */
	expect_paras("甲\n   \n乙", true, (const char *const[]){"甲", "乙", NULL});
	expect_paras("甲\n\xE3\x80\x80\xE3\x80\x80\n乙", true, (const char *const[]){"甲", "乙", NULL});
	expect_paras("单独一段", true, (const char *const[]){"单独一段", NULL});
	expect_paras("", true, (const char *const[]){NULL});
	expect_paras("\n\n", true, (const char *const[]){NULL});
}

static void literal_joins_lines(void **state)
{
	(void)state;
	/* No space between CJK, a space between Latin words. */
	expect_paras("hello\nworld\n", true, (const char *const[]){"hello world", NULL});
	expect_paras("第一行，\n第二行。", true, (const char *const[]){"第一行，第二行。", NULL});
	expect_paras("2020年\nABC", true, (const char *const[]){"2020年ABC", NULL});
	expect_paras("见 GB/T\n9704", true, (const char *const[]){"见 GB/T 9704", NULL});
	expect_paras("共计12\n件", true, (const char *const[]){"共计12件", NULL});
	expect_paras("end.\nNext", true, (const char *const[]){"end. Next", NULL});
	/* Indentation inside the block is not text; CRLF line ends are not either. */
	expect_paras("  缩进\n    更多缩进\r\n", true, (const char *const[]){"缩进更多缩进", NULL});
	expect_paras("a\r\nb\r\n", true, (const char *const[]){"a b", NULL});
}

/* In every other style YAML has folded lines already: each remaining line
 * break stood for a blank line. */
static void folded_and_plain(void **state)
{
	(void)state;
	expect_paras("第一段\n第二段\n", false, (const char *const[]){"第一段", "第二段", NULL});
	expect_paras("one two", false, (const char *const[]){"one two", NULL});
	expect_paras("甲\n\n乙", false, (const char *const[]){"甲", "乙", NULL});
	expect_paras("无。", false, (const char *const[]){"无。", NULL});
}

static void leading_spaces_trimmed(void **state)
{
	(void)state;
	/* 首行缩进 typed by hand with full-width spaces is the renderer's job. */
	expect_paras("\xE3\x80\x80\xE3\x80\x80本报告根据条例编制。", false,
	             (const char *const[]){"本报告根据条例编制。", NULL});
	expect_paras("\xC2\xA0\xC2\xA0正文", false, (const char *const[]){"正文", NULL});
	expect_paras("\t 正文 \t", false, (const char *const[]){"正文", NULL});
}

static void tidy_paragraph(void **state)
{
	(void)state;
	expect_tidy("政府 信息", "政府信息");
	expect_tidy("政府\xE3\x80\x80信息", "政府信息");
	expect_tidy("政府   信息  公开", "政府信息公开");
	expect_tidy("GDP 增长", "GDP 增长");
	expect_tidy("增长 5%", "增长 5%");
	expect_tidy("word   two", "word two");
	expect_tidy("A\xE3\x80\x80" "B", "A B");
	expect_tidy("  trailing  ", "trailing");
	expect_tidy("", "");
	expect_tidy("   ", "");
	/* n limits the input. */
	char *t = gir_tidy_paragraph("ab cd", 4);
	assert_string_equal(t, "ab c");
	free(t);
}

/* A folded or plain YAML string turns a line break into a space; between
 * Chinese text and the curly quotes around it that space is never meant. */
static void tidy_space_next_to_cjk_quotes(void **state)
{
	(void)state;
	expect_tidy("“三安全一稳定” 工作", "“三安全一稳定”工作");
	expect_tidy("做到 “四个结合”", "做到“四个结合”");
	/* What YAML makes of a plain scalar broken after ”. */
	expect_paras("落实“主要领导亲自抓” 的工作格局", false,
	             (const char *const[]){"落实“主要领导亲自抓”的工作格局", NULL});
}

static void subheading_numbers_stripped(void **state)
{
	(void)state;
	expect_heading("1、健全机制", "健全机制");
	expect_heading("（一）健全机制", "健全机制");
	expect_heading("一、健全机制", "健全机制");
	expect_heading("(1)健全机制", "健全机制");
	expect_heading("(1) 健全机制", "健全机制");
	expect_heading("1. 健全机制", "健全机制");
	expect_heading("1.健全机制", "健全机制");
	expect_heading("（1）健全机制", "健全机制");
	expect_heading("十二、健全机制", "健全机制");
	expect_heading("１、健全机制", "健全机制");
	expect_heading("\xE3\x80\x80（二）加强培训", "加强培训");
	expect_heading("健全机制", "健全机制");
}

static void subheading_words_kept(void **state)
{
	(void)state;
	/* "一是" is a word, not a number. */
	expect_heading("一是加强领导", "一是加强领导");
	expect_heading("十分重视", "十分重视");
	expect_heading("2.5倍的增长", "2.5倍的增长");
	expect_heading("2020年工作", "2020年工作");
}

static void subheading_colon_removed(void **state)
{
	(void)state;
	expect_heading("健全工作机制：", "健全工作机制");
	expect_heading("健全工作机制:", "健全工作机制");
	expect_heading("（三）创新公开思路：", "创新公开思路");
	/* Only at the end. */
	expect_heading("机制：建设", "机制：建设");
}

static void subheadings_are_numbered(void **state)
{
	(void)state;
	gir_narrative nar = {0};
	gir_paragraphs_append(&nar, "引言。", false, P);
	gir_subheading_append(&nar, "（三）第一个", (gir_pos){5, 3});
	gir_paragraphs_append(&nar, "正文一。\n正文二。", false, (gir_pos){5, 10});
	gir_subheading_append(&nar, "1、第二个", (gir_pos){7, 3});
	assert_int_equal(nar.n, 5);
	assert_false(nar.paras[0].heading);
	assert_true(nar.paras[1].heading);
	assert_int_equal(nar.paras[1].number, 1);
	assert_string_equal(nar.paras[1].text, "第一个");
	assert_int_equal(nar.paras[1].pos.line, 5);
	assert_int_equal(nar.paras[1].pos.col, 3);
	assert_string_equal(nar.paras[2].text, "正文一。");
	assert_string_equal(nar.paras[3].text, "正文二。");
	assert_int_equal(nar.paras[3].pos.col, 10);
	assert_true(nar.paras[4].heading);
	assert_int_equal(nar.paras[4].number, 2);
	assert_string_equal(nar.paras[4].text, "第二个");
	gir_narrative_free(&nar);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(literal_blank_line_separates),
		cmocka_unit_test(literal_joins_lines),
		cmocka_unit_test(folded_and_plain),
		cmocka_unit_test(leading_spaces_trimmed),
		cmocka_unit_test(tidy_paragraph),
		cmocka_unit_test(tidy_space_next_to_cjk_quotes),
		cmocka_unit_test(subheading_numbers_stripped),
		cmocka_unit_test(subheading_words_kept),
		cmocka_unit_test(subheading_colon_removed),
		cmocka_unit_test(subheadings_are_numbered),
	};
	return cmocka_run_group_tests_name("narrative", tests, NULL, NULL);
}
