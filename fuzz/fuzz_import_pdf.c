/* libFuzzer entry for gireport import of a PDF.  Bytes that start "%PDF-"
 * go the whole way: poppler, the page pictures, the layout as text, the
 * text importer.  Any other bytes are read as a made-up page — characters
 * with boxes and ruling lines drawn in its picture — and go through the
 * layout (import_pdftext.c) and the text importer, so that the table and
 * paragraph logic meets shapes no real PDF has.  Run with `make fuzz`;
 * inputs that once crashed it live in fuzz/crashers-import-pdf/ and are
 * replayed by `make check`. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "gireport.h"
#include "import_pdf.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Characters a report's tables and paragraphs are made of. */
static const uint32_t cps[] = {'0', '1', '2', '7', '.', ',', '-', ' ', 'a', 0x4E00 /* 一 */,
	0x4E09 /* 三 */, 0x3001 /* 、 */, 0x89C4 /* 规 */, 0x7AE0 /* 章 */, 0xFF08 /* （ */,
	0xFF09 /* ） */, 0x3002 /* 。 */, 0x2014 /* — */, 0x7B2C /* 第 */, 0x9875 /* 页 */,
	0x603B /* 总 */, 0x8BA1 /* 计 */, 0x5E74 /* 年 */, 0x62A5 /* 报 */, 0x544A /* 告 */};

/* A page of 160 × 160 points at a pixel a point: each 6 bytes a character
 * (x, y, width, height, character, font), then each 4 bytes a rule
 * (direction, position, from, to). */
static void made_up(const uint8_t *d, size_t n, gir_buf *out)
{
	enum { W = 160, H = 160 };
	size_t nchars = n / 12, k = 0;
	imp_ppage pg = {W, H, calloc(nchars + 1, sizeof(imp_pchar)), nchars, calloc(W * H, 1), W, H, 1.0};
	for (size_t i = 0; i < nchars; i++, k += 6)
		pg.chars[i] = (imp_pchar){(float)(d[k] % W), (float)(d[k + 1] % H),
		                          (float)(d[k] % W) + 1 + d[k + 2] % 16,
		                          (float)(d[k + 1] % H) + 4 + d[k + 3] % 16,
		                          cps[d[k + 4] % (sizeof cps / sizeof *cps)], (uint16_t)(d[k + 5] % 3),
		                          d[k + 5] & 4, d[k + 5] & 8};
	for (; k + 4 <= n; k += 4) {
		int at = d[k + 1] % W, from = d[k + 2] % W, to = d[k + 3] % W;
		for (int p = from; p <= to; p++)
			pg.rules[(d[k] & 1) ? p * W + at : at * W + p] |= (d[k] & 1) ? IMP_RULE_V : IMP_RULE_H;
	}
	/* two pages, the second the same: running headers, joins over a break */
	imp_ppage pages[2] = {pg, pg};
	imp_pdf_layout(pages, 2, out);
	free(pg.chars);
	free(pg.rules);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static gir_registry *reg;
	if (!reg) {
		gir_diags *rd = gir_diags_new();
		reg = gir_registry_new(rd);
		gir_diags_free(rd);
	}
	gir_diags *d = gir_diags_new();
	gir_buf text = {0}, out = {0};
	int rc = 0;
	if (gir_is_pdf((const char *)data, size))
		rc = gir_pdf_text("fuzz.pdf", (const char *)data, size, &text, d);
	else
		made_up(data, size, &text);
	if (rc == 0 && text.ptr)
		gir_import(reg, "fuzz.pdf", text.ptr, text.len, &out, d);
	gir_diags_format_text(d, text.ptr, text.len, &out);
	gir_buf_free(&text);
	gir_buf_free(&out);
	gir_diags_free(d);
	return 0;
}
