/* Unit tests for gir_docx_escape (src/render/render_docx.c), the one
 * function every piece of text in a DOCX passes through. */
#include "helpers.h"

#include "docx.h"

static void expect(const char *in, size_t n, const char *want)
{
	gir_buf b = {0};
	gir_buf_puts(&b, ""); /* an empty result is "", not NULL */
	gir_docx_escape(&b, in, n);
	assert_string_equal(b.ptr, want);
	gir_buf_free(&b);
}

#define EXPECT(in, want) expect(in, sizeof(in) - 1, want)

static void markup_characters(void **state)
{
	(void)state;
	EXPECT("a<b>&c\"d'e", "a&lt;b&gt;&amp;c&quot;d'e");
	EXPECT("&amp;", "&amp;amp;");           /* a reference in the text stays text */
	EXPECT("]]>", "]]&gt;");
	EXPECT("<w:t>x</w:t>", "&lt;w:t&gt;x&lt;/w:t&gt;");
	EXPECT("", "");
}

static void chinese_text_unchanged(void **state)
{
	(void)state;
	EXPECT("第二十条第（一）项 6.0248万元", "第二十条第（一）项 6.0248万元");
	EXPECT("\xF0\x9F\x98\x80", "\xF0\x9F\x98\x80");  /* beyond the BMP */
}

static void controls_and_noncharacters(void **state)
{
	(void)state;
	EXPECT("a\tb\nc\rd", "a b c d");
	EXPECT("a\x01\x08\x0b\x0c\x1f" "b", "ab");
	EXPECT("a\xEF\xBF\xBE" "b\xEF\xBF\xBF" "c", "abc");     /* U+FFFE, U+FFFF */
	EXPECT("a\xEF\xBF\xBD" "b", "a\xEF\xBF\xBD" "b");      /* U+FFFD is allowed */
	EXPECT("\xC2\x85", "\xC2\x85");                        /* C1: allowed in XML 1.0 */
}

static void bytes_that_are_not_utf8(void **state)
{
	(void)state;
	EXPECT("a\xFF" "b\xC3", "ab");
	EXPECT("\xED\xA0\x80" "x", "x");                     /* a surrogate */
	EXPECT("\xC0\xAF" "x", "x");                         /* overlong '/' */
}

static void embedded_nul_and_length(void **state)
{
	(void)state;
	expect("a\0b", 3, "ab");  /* NUL is a control character too */
	expect("abc", 2, "ab");   /* only n bytes are read */
}

static void appends(void **state)
{
	(void)state;
	gir_buf b = {0};
	gir_buf_puts(&b, "<w:t>");
	gir_docx_escape(&b, "1<2", 3);
	gir_buf_puts(&b, "</w:t>");
	assert_string_equal(b.ptr, "<w:t>1&lt;2</w:t>");
	gir_buf_free(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(markup_characters),
		cmocka_unit_test(chinese_text_unchanged),
		cmocka_unit_test(controls_and_noncharacters),
		cmocka_unit_test(bytes_that_are_not_utf8),
		cmocka_unit_test(embedded_nul_and_length),
		cmocka_unit_test(appends),
	};
	return cmocka_run_group_tests_name("docx", tests, NULL, NULL);
}
