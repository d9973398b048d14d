/* Chinese numerals and the full-width characters a Chinese input method
 * types: the one place that knows them (numbering of headings and form
 * rows, cell values, numbers in prose, import). */
#ifndef GIR_CN_H
#define GIR_CN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The numerals of heading numbers (一、 （十二） 二十三、), as a regex
 * character class holds them; 〇 is not among them. */
#define GIR_CN_NUMERALS "一二三四五六七八九十百"

/* 0-9 for an ASCII or full-width digit (0, ０); -1 for anything else. */
int gir_cn_digit(uint32_t cp);
/* 0-9 for 〇 一 … 九, 10 for 十, 100 for 百; -1 for anything else. */
int gir_cn_numeral(uint32_t cp);
/* The ASCII character for a full-width one: ０-９ ． － ＋ ，; 0 for others
 * (。 and U+2212 are left to the callers that accept them). */
char gir_cn_ascii(uint32_t cp);
/* n in Chinese numerals for 1..99 (一, 十二, 九十九), in digits otherwise. */
void gir_cn_number(int n, char *out, size_t cap);

/* A digit at s[i] (of n bytes), ASCII or full-width: its value in *d and
 * its length in *k.  Byte-level, for the loops that scan whole paragraphs. */
static inline bool gir_cn_digit_at(const char *s, size_t n, size_t i, int *d, size_t *k)
{
	if (i < n && s[i] >= '0' && s[i] <= '9') {
		*d = s[i] - '0', *k = 1;
		return true;
	}
	if (i + 3 <= n && (unsigned char)s[i] == 0xEF && (unsigned char)s[i + 1] == 0xBC &&
	    (unsigned char)s[i + 2] >= 0x90 && (unsigned char)s[i + 2] <= 0x99) {
		*d = (unsigned char)s[i + 2] - 0x90, *k = 3;
		return true;
	}
	return false;
}

#endif
