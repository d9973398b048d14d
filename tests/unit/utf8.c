/* Unit tests for src/utf8.c: decoding, encoding, display width, offsets. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <string.h>

#include <cmocka.h>

#include "utf8.h"

#define BAD ((size_t)-1)

/* Decodes s (whole string) and checks length and code point. */
static void expect_decode(const char *s, size_t n, size_t len, uint32_t cp)
{
	uint32_t got = 0;
	assert_int_equal(gir_utf8_decode(s, n, &got), len);
	assert_int_equal(got, cp);
}

static void decode_ascii(void **state)
{
	(void)state;
	expect_decode("A", 1, 1, 0x41);
	expect_decode("\x7F", 1, 1, 0x7F);
	expect_decode("abc", 3, 1, 'a');
	/* NUL is a character like any other when n says it is there. */
	expect_decode("\0x", 2, 1, 0);
}

static void decode_multibyte(void **state)
{
	(void)state;
	expect_decode("\xC3\xA9", 2, 2, 0xE9);               /* é */
	expect_decode("\xC2\x80", 2, 2, 0x80);               /* smallest 2-byte */
	expect_decode("\xDF\xBF", 2, 2, 0x7FF);              /* largest 2-byte */
	expect_decode("汉", 3, 3, 0x6C49);
	expect_decode("\xE0\xA0\x80", 3, 3, 0x800);          /* smallest 3-byte */
	expect_decode("\xEF\xBF\xBF", 3, 3, 0xFFFF);
	expect_decode("\xF0\x9F\x98\x80", 4, 4, 0x1F600);    /* 😀 */
	expect_decode("\xF0\x90\x80\x80", 4, 4, 0x10000);    /* smallest 4-byte */
	expect_decode("\xF4\x8F\xBF\xBF", 4, 4, 0x10FFFF);   /* largest code point */
	/* Only the first code point is decoded. */
	expect_decode("汉字", 6, 3, 0x6C49);
}

static void decode_overlong(void **state)
{
	(void)state;
	expect_decode("\xC0\x80", 2, 0, 0xFFFD);          /* NUL in 2 bytes */
	expect_decode("\xC1\xBF", 2, 0, 0xFFFD);          /* 0x7F in 2 bytes */
	expect_decode("\xE0\x80\x80", 3, 0, 0xFFFD);      /* NUL in 3 bytes */
	expect_decode("\xE0\x9F\xBF", 3, 0, 0xFFFD);      /* 0x7FF in 3 bytes */
	expect_decode("\xF0\x80\x80\x80", 4, 0, 0xFFFD);  /* NUL in 4 bytes */
	expect_decode("\xF0\x8F\xBF\xBF", 4, 0, 0xFFFD);  /* 0xFFFF in 4 bytes */
}

static void decode_surrogates(void **state)
{
	(void)state;
	expect_decode("\xED\xA0\x80", 3, 0, 0xFFFD);  /* U+D800 */
	expect_decode("\xED\xBF\xBF", 3, 0, 0xFFFD);  /* U+DFFF */
	expect_decode("\xED\x9F\xBF", 3, 3, 0xD7FF);  /* just below */
	expect_decode("\xEE\x80\x80", 3, 3, 0xE000);  /* just above */
}

static void decode_beyond_max(void **state)
{
	(void)state;
	expect_decode("\xF4\x90\x80\x80", 4, 0, 0xFFFD);  /* U+110000 */
	expect_decode("\xF7\xBF\xBF\xBF", 4, 0, 0xFFFD);
	expect_decode("\xF8\x88\x80\x80\x80", 5, 0, 0xFFFD);  /* 5-byte form */
	expect_decode("\xFC\x84\x80\x80\x80\x80", 6, 0, 0xFFFD);
	expect_decode("\xFE", 1, 0, 0xFFFD);
	expect_decode("\xFF", 1, 0, 0xFFFD);
}

static void decode_truncated_and_broken(void **state)
{
	(void)state;
	expect_decode("汉", 2, 0, 0xFFFD);           /* n cuts the sequence */
	expect_decode("汉", 1, 0, 0xFFFD);
	expect_decode("\xF0\x9F\x98", 3, 0, 0xFFFD);
	expect_decode("\xC3", 1, 0, 0xFFFD);
	expect_decode("", 0, 0, 0xFFFD);
	expect_decode("\x80", 1, 0, 0xFFFD);          /* lone continuation byte */
	expect_decode("\xBF", 1, 0, 0xFFFD);
	expect_decode("\xE6" "A" "\x89", 3, 0, 0xFFFD);  /* ASCII inside a sequence */
	expect_decode("\xC3(", 2, 0, 0xFFFD);
}

static void encode_lengths(void **state)
{
	(void)state;
	char out[4];
	assert_int_equal(gir_utf8_encode('a', out), 1);
	assert_memory_equal(out, "a", 1);
	assert_int_equal(gir_utf8_encode(0xE9, out), 2);
	assert_memory_equal(out, "\xC3\xA9", 2);
	assert_int_equal(gir_utf8_encode(0x6C49, out), 3);
	assert_memory_equal(out, "汉", 3);
	assert_int_equal(gir_utf8_encode(0x3000, out), 3);
	assert_memory_equal(out, "\xE3\x80\x80", 3);
	assert_int_equal(gir_utf8_encode(0x1F600, out), 4);
	assert_memory_equal(out, "\xF0\x9F\x98\x80", 4);
}

static void encode_round_trip(void **state)
{
	(void)state;
	static const uint32_t cps[] = {
		0, 1, 0x41, 0x7F, 0x80, 0xE9, 0x7FF, 0x800, 0x3000, 0x6C49, 0xD7FF, 0xE000,
		0xFF10, 0xFFFD, 0xFFFF, 0x10000, 0x1F600, 0x20000, 0x10FFFF,
	};
	for (size_t i = 0; i < sizeof cps / sizeof cps[0]; i++) {
		char out[4];
		size_t n = gir_utf8_encode(cps[i], out);
		assert_in_range(n, 1, 4);
		uint32_t back = 0;
		assert_int_equal(gir_utf8_decode(out, n, &back), n);
		assert_int_equal(back, cps[i]);
		assert_int_equal(gir_utf8_invalid_at(out, n), BAD);
	}
}

static void width_of_code_points(void **state)
{
	(void)state;
	assert_int_equal(gir_cp_width('a'), 1);
	assert_int_equal(gir_cp_width(' '), 1);
	assert_int_equal(gir_cp_width('~'), 1);
	assert_int_equal(gir_cp_width(0x6C49), 2);   /* 汉 */
	assert_int_equal(gir_cp_width(0x4E00), 2);   /* 一 */
	assert_int_equal(gir_cp_width(0x9FA5), 2);
	assert_int_equal(gir_cp_width(0x3400), 2);   /* CJK extension A */
	assert_int_equal(gir_cp_width(0x20000), 2);  /* CJK extension B */
	assert_int_equal(gir_cp_width(0xFF21), 2);   /* Ａ */
	assert_int_equal(gir_cp_width(0xFF22), 2);   /* Ｂ */
	assert_int_equal(gir_cp_width(0xFF10), 2);   /* ０ */
	assert_int_equal(gir_cp_width(0xFF0C), 2);   /* ， */
	assert_int_equal(gir_cp_width(0x3000), 2);   /* ideographic space */
	assert_int_equal(gir_cp_width(0x3001), 2);   /* 、 */
	assert_int_equal(gir_cp_width(0x3002), 2);   /* 。 */
	assert_int_equal(gir_cp_width(0xAC00), 2);   /* 가 */
	assert_int_equal(gir_cp_width(0x1F600), 2);  /* 😀 */
	/* Combining and invisible characters take no cell. */
	assert_int_equal(gir_cp_width(0x0301), 0);
	assert_int_equal(gir_cp_width(0x0300), 0);
	assert_int_equal(gir_cp_width(0x036F), 0);
	assert_int_equal(gir_cp_width(0x200B), 0);   /* zero-width space */
	assert_int_equal(gir_cp_width(0xFEFF), 0);   /* BOM */
	assert_int_equal(gir_cp_width(0xFE0F), 0);   /* variation selector */
	assert_int_equal(gir_cp_width(0x07), 0);     /* control */
	assert_int_equal(gir_cp_width(0x7F), 0);
	assert_int_equal(gir_cp_width(0x85), 0);
	/* Ambiguous-width characters are counted narrow. */
	assert_int_equal(gir_cp_width(0x2500), 1);   /* ─ */
	assert_int_equal(gir_cp_width(0x2502), 1);   /* │ */
	assert_int_equal(gir_cp_width(0x250C), 1);   /* ┌ */
	assert_int_equal(gir_cp_width(0x201C), 1);   /* “ */
	assert_int_equal(gir_cp_width(0x201D), 1);   /* ” */
	assert_int_equal(gir_cp_width(0x2018), 1);   /* ‘ */
	assert_int_equal(gir_cp_width(0x00B7), 1);   /* · */
	assert_int_equal(gir_cp_width(0x2014), 1);   /* — */
	assert_int_equal(gir_cp_width(0x00E9), 1);   /* é */
	assert_int_equal(gir_cp_width(0x0410), 1);   /* А */
	/* Just outside the wide ranges. */
	assert_int_equal(gir_cp_width(0xFF61), 1);   /* half-width ｡ */
	assert_int_equal(gir_cp_width(0xFFE0), 2);   /* ￠ */
}

static void width_of_strings(void **state)
{
	(void)state;
	assert_int_equal(gir_utf8_width_z(""), 0);
	assert_int_equal(gir_utf8_width_z("abc"), 3);
	assert_int_equal(gir_utf8_width_z("汉字"), 4);
	assert_int_equal(gir_utf8_width_z("汉a字b"), 6);
	assert_int_equal(gir_utf8_width_z("ＡＢ"), 4);
	assert_int_equal(gir_utf8_width_z("\xE3\x80\x80\xE3\x80\x80正文"), 8);
	assert_int_equal(gir_utf8_width_z("e\xCC\x81"), 1);       /* e + combining acute */
	assert_int_equal(gir_utf8_width_z("┌──┐"), 4);
	assert_int_equal(gir_utf8_width_z("“三安全一稳定”"), 14);
	/* Invalid bytes count one cell each. */
	assert_int_equal(gir_utf8_width_z("\xFF" "a"), 2);
	assert_int_equal(gir_utf8_width_z("\xE6\xB1"), 2);
	/* n limits the string. */
	assert_int_equal(gir_utf8_width("汉字", 3), 2);
	assert_int_equal(gir_utf8_width("abc", 2), 2);
}

static void invalid_at(void **state)
{
	(void)state;
	assert_int_equal(gir_utf8_invalid_at("", 0), BAD);
	assert_int_equal(gir_utf8_invalid_at("abc", 3), BAD);
	assert_int_equal(gir_utf8_invalid_at("汉字 ok", 9), BAD);
	assert_int_equal(gir_utf8_invalid_at("ab\xFF", 3), 2);
	assert_int_equal(gir_utf8_invalid_at("\xFF" "ab", 3), 0);
	assert_int_equal(gir_utf8_invalid_at("汉\xE6\xB1", 5), 3);      /* truncated at the end */
	assert_int_equal(gir_utf8_invalid_at("a\xC0\x80", 3), 1);       /* overlong */
	assert_int_equal(gir_utf8_invalid_at("ab\xED\xA0\x80", 5), 2);  /* surrogate */
	assert_int_equal(gir_utf8_invalid_at("汉字\x80", 7), 6);
	/* GBK for 统计: CD B3 happens to be valid UTF-8 (U+0373), BC is not. */
	assert_int_equal(gir_utf8_invalid_at("x: \xCD\xB3\xBC\xC6", 7), 5);
	/* A valid sequence cut by n. */
	assert_int_equal(gir_utf8_invalid_at("a汉", 3), 1);
}

static void char_start(void **state)
{
	(void)state;
	const char *s = "a报告"; /* a, then two 3-byte characters */
	assert_int_equal(gir_utf8_char_start(s, 0), 0);
	assert_int_equal(gir_utf8_char_start(s, 1), 1);
	assert_int_equal(gir_utf8_char_start(s, 2), 1);
	assert_int_equal(gir_utf8_char_start(s, 3), 1);
	assert_int_equal(gir_utf8_char_start(s, 4), 4);
	assert_int_equal(gir_utf8_char_start(s, 6), 4);
}

static void count_and_offset(void **state)
{
	(void)state;
	const char *s = "汉a字";  /* 3 + 1 + 3 bytes */
	assert_int_equal(gir_utf8_count(s, 7), 3);
	assert_int_equal(gir_utf8_count("", 0), 0);
	assert_int_equal(gir_utf8_count("abc", 3), 3);
	assert_int_equal(gir_utf8_count("😀x", 5), 2);
	assert_int_equal(gir_utf8_offset(s, 7, 0), 0);
	assert_int_equal(gir_utf8_offset(s, 7, 1), 3);
	assert_int_equal(gir_utf8_offset(s, 7, 2), 4);
	assert_int_equal(gir_utf8_offset(s, 7, 3), 7);
	assert_int_equal(gir_utf8_offset(s, 7, 4), 7);    /* clamped to n */
	assert_int_equal(gir_utf8_offset(s, 7, 100), 7);
	assert_int_equal(gir_utf8_offset(s, 5, 2), 4);
	assert_int_equal(gir_utf8_offset("😀x", 5, 1), 4);
	assert_int_equal(gir_utf8_offset("", 0, 3), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(decode_ascii),
		cmocka_unit_test(decode_multibyte),
		cmocka_unit_test(decode_overlong),
		cmocka_unit_test(decode_surrogates),
		cmocka_unit_test(decode_beyond_max),
		cmocka_unit_test(decode_truncated_and_broken),
		cmocka_unit_test(encode_lengths),
		cmocka_unit_test(encode_round_trip),
		cmocka_unit_test(width_of_code_points),
		cmocka_unit_test(width_of_strings),
		cmocka_unit_test(invalid_at),
		cmocka_unit_test(count_and_offset),
		cmocka_unit_test(char_start),
	};
	return cmocka_run_group_tests_name("utf8", tests, NULL, NULL);
}
