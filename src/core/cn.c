/* Chinese numerals and full-width characters (cn.h). */
#include <stdio.h>

#include "cn.h"

int gir_cn_digit(uint32_t cp)
{
	if (cp >= '0' && cp <= '9')
		return (int)(cp - '0');
	if (cp >= 0xFF10 && cp <= 0xFF19)
		return (int)(cp - 0xFF10);
	return -1;
}

int gir_cn_numeral(uint32_t cp)
{
	/* 〇 一 二 三 四 五 六 七 八 九 */
	static const uint32_t digits[] = {0x3007, 0x4E00, 0x4E8C, 0x4E09, 0x56DB,
	                                  0x4E94, 0x516D, 0x4E03, 0x516B, 0x4E5D};
	for (int d = 0; d < 10; d++)
		if (cp == digits[d])
			return d;
	return cp == 0x5341 ? 10 : cp == 0x767E ? 100 : -1; /* 十 百 */
}

char gir_cn_ascii(uint32_t cp)
{
	if (cp >= 0xFF10 && cp <= 0xFF19)
		return (char)('0' + (cp - 0xFF10));
	switch (cp) {
	case 0xFF0E: return '.'; /* ． */
	case 0xFF0D: return '-'; /* － */
	case 0xFF0B: return '+'; /* ＋ */
	case 0xFF0C: return ','; /* ， */
	default: return 0;
	}
}

void gir_cn_number(int n, char *out, size_t cap)
{
	static const char *const d[] = {"", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
	if (n <= 0 || n > 99)
		snprintf(out, cap, "%d", n);
	else if (n < 10)
		snprintf(out, cap, "%s", d[n]);
	else
		snprintf(out, cap, "%s十%s", n >= 20 ? d[n / 10] : "", d[n % 10]);
}
