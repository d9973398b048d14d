/* Unit tests for the PDF reader's layout (src/import/import_pdftext.c) on
 * made-up pages: rules found in a picture, table cells from the boxes of
 * rules around characters (merged cells, labels wrapped in their cell,
 * empty cells), lines joined into paragraphs (CJK without a space, across
 * a page break, a short line ending one, an indented line or another font
 * starting one), page numbers and running headers dropped. */
#include "helpers.h"

#include "import_pdf.h"
#include "utf8.h"

#define W 400
#define H 400

typedef struct page {
	imp_ppage p;
	size_t cap;
} page;

static void page_init(page *pg)
{
	memset(pg, 0, sizeof *pg);
	pg->p.width = W, pg->p.height = H, pg->p.w = W, pg->p.h = H, pg->p.scale = 1.0;
	pg->p.rules = calloc(W * H, 1);
}

static void page_free(page *pg)
{
	free(pg->p.chars);
	free(pg->p.rules);
}

/* Text set from (x, y), its top, in a font of `size` points: CJK a full
 * size wide, anything else half. */
static void text(page *pg, double x, double y, double size, uint16_t font, const char *s)
{
	for (size_t n = strlen(s), i = 0; i < n;) {
		uint32_t cp;
		size_t k = gir_utf8_decode(s + i, n - i, &cp);
		i += k ? k : 1;
		double w = gir_cp_width(cp) >= 2 ? size : size / 2;
		if (cp == ' ') {
			x += w;
			continue;
		}
		if (pg->p.nchars == pg->cap)
			pg->p.chars = realloc(pg->p.chars, (pg->cap = pg->cap ? 2 * pg->cap : 64) * sizeof *pg->p.chars);
		pg->p.chars[pg->p.nchars++] = (imp_pchar){(float)x, (float)y, (float)(x + w), (float)(y + size),
		                                          cp, font, false, false};
		x += w;
	}
}

static void hline(page *pg, int y, int x0, int x1)
{
	for (int x = x0; x <= x1; x++)
		pg->p.rules[y * W + x] |= IMP_RULE_H;
}

static void vline(page *pg, int x, int y0, int y1)
{
	for (int y = y0; y <= y1; y++)
		pg->p.rules[y * W + x] |= IMP_RULE_V;
}

static char *layout(page *pages, size_t n)
{
	imp_ppage *pp = calloc(n, sizeof *pp);
	for (size_t i = 0; i < n; i++)
		pp[i] = pages[i].p;
	gir_buf out = {0};
	imp_pdf_layout(pp, n, &out);
	free(pp);
	return out.ptr ? out.ptr : strdup("");
}

/* ---- rules in a picture -------------------------------------------------------- */

static void rules_in_picture(void **state)
{
	(void)state;
	enum { w = 100, h = 60 };
	unsigned char ink[w * h] = {0}, rules[w * h] = {0};
	for (int x = 10; x < 90; x++)
		ink[20 * w + x] = 1;            /* a horizontal rule */
	for (int y = 5; y < 55; y++)
		ink[y * w + 50] = 1;            /* a vertical rule */
	for (int y = 16; y < 25; y++)        /* a character over the horizontal rule */
		for (int x = 30; x < 40; x++)
			ink[y * w + x] = 2;
	for (int y = 35; y < 50; y++)        /* a filled box */
		for (int x = 60; x < 90; x++)
			ink[y * w + x] = 1;
	for (int x = 10; x < 15; x++)
		ink[45 * w + x] = 1;            /* a stroke too short for a rule */
	imp_pdf_find_rules(ink, w, h, 12, 3, rules);
	assert_true(rules[20 * w + 12] & IMP_RULE_H);
	assert_true(rules[20 * w + 35] & IMP_RULE_H);   /* bridged under the character */
	assert_true(rules[20 * w + 88] & IMP_RULE_H);
	assert_true(rules[10 * w + 50] & IMP_RULE_V);
	assert_true(rules[50 * w + 50] & IMP_RULE_V);
	assert_false(rules[40 * w + 70]);                /* inside the filled box */
	assert_false(rules[45 * w + 12]);
	assert_false(rules[18 * w + 35] & IMP_RULE_H);   /* the character's other rows */
}

/* ---- tables ------------------------------------------------------------------------ */

/* A table of the form's shape: a merged cell over two rows on the left,
 * a label wrapped over two lines in its cell, an empty cell, a caption row
 * over the whole width. */
static void table_cells(void **state)
{
	(void)state;
	page pg;
	page_init(&pg);
	int xs[] = {20, 80, 220, 280, 340};
	int ys[] = {40, 60, 100, 120};
	for (size_t i = 0; i < 4; i++)
		hline(&pg, ys[i], 20, 340);
	vline(&pg, 20, 40, 120);
	vline(&pg, 340, 40, 120);
	for (size_t i = 1; i < 4; i++)
		vline(&pg, xs[i], 60, 120);
	hline(&pg, 100, 20, 340);
	text(&pg, 150, 44, 10, 0, "第二十条");
	text(&pg, 24, 85, 10, 0, "三、结果");          /* merged over rows 2 and 3 */
	text(&pg, 84, 64, 10, 0, "（二）部分公开（区分");  /* wrapped in its cell */
	text(&pg, 84, 78, 10, 0, "处理的）");
	text(&pg, 240, 75, 10, 0, "12");
	/* 280–340 on row 2: empty */
	text(&pg, 84, 104, 10, 0, "（三）不予公开");
	text(&pg, 240, 104, 10, 0, "0");
	text(&pg, 300, 104, 10, 0, "7");
	char *s = layout(&pg, 1);
	assert_non_null(strstr(s, "\n第二十条\n"));
	assert_non_null(strstr(s, "\n三、结果\t（二）部分公开（区分处理的）\t12\t\n"));
	assert_non_null(strstr(s, "\n（三）不予公开\t0\t7\n"));
	free(s);
	page_free(&pg);
}

/* A column with no text in it gives empty cells, and the cells either side
 * of it are one table; a table going on from the page before has no rule
 * at the page's top. */
static void blank_column(void **state)
{
	(void)state;
	page pg;
	page_init(&pg);
	int xs[] = {20, 120, 160, 200};
	for (size_t i = 0; i < 4; i++)
		vline(&pg, xs[i], 0, 60);
	hline(&pg, 30, 20, 200);
	hline(&pg, 60, 20, 200);
	text(&pg, 24, 10, 10, 0, "其他处理");
	text(&pg, 124, 10, 10, 0, "5");
	text(&pg, 164, 10, 10, 0, "5");
	text(&pg, 24, 40, 10, 0, "总计");
	text(&pg, 164, 40, 10, 0, "9");
	char *s = layout(&pg, 1);
	assert_string_equal(s, "\n其他处理\t5\t5\n总计\t\t9\n");
	free(s);
	page_free(&pg);
}

/* Without rules, a line with wide gaps is a row of cells. */
static void table_without_rules(void **state)
{
	(void)state;
	page pg;
	page_init(&pg);
	text(&pg, 20, 40, 10, 0, "规章");
	text(&pg, 200, 40, 10, 0, "3");
	text(&pg, 260, 40, 10, 0, "1,200");
	char *s = layout(&pg, 1);
	assert_string_equal(s, "\n规章\t3\t1,200\n");
	free(s);
	page_free(&pg);
}

/* ---- paragraphs ---------------------------------------------------------------------- */

static void paragraphs(void **state)
{
	(void)state;
	page pg[2];
	page_init(&pg[0]);
	page_init(&pg[1]);
	/* a running header on both pages, page numbers at the foot */
	text(&pg[0], 150, 10, 8, 2, "某某局文件");
	text(&pg[1], 150, 10, 8, 2, "某某局文件");
	text(&pg[0], 20, 40, 10, 1, "一、总体情况");       /* another font: a heading */
	text(&pg[0], 40, 60, 10, 0, "第一段的第一行写满了整行文字直到右边的边缘为");
	text(&pg[0], 20, 75, 10, 0, "第二行接着写完第一段。");
	text(&pg[0], 40, 90, 10, 0, "第二段从缩进开始写满了整行文字直到右边的边缘");
	text(&pg[0], 20, 105, 10, 0, "为止然后写满第二行的文字也一直写到了右边的边缘啊");
	text(&pg[0], 180, 380, 8, 0, "— 1 —");
	/* the paragraph goes on over the page break */
	text(&pg[1], 20, 40, 10, 0, "下一页上的最后一行。");
	text(&pg[1], 35, 55, 10, 0, "Words wrap at the end of the line and then go");
	text(&pg[1], 20, 70, 10, 0, "on here.");
	text(&pg[1], 180, 380, 8, 0, "第2页");
	char *s = layout(pg, 2);
	assert_string_equal(s, "\n一、总体情况\n"
	                       "\n第一段的第一行写满了整行文字直到右边的边缘为第二行接着写完第一段。\n"
	                       "\n第二段从缩进开始写满了整行文字直到右边的边缘为止然后写满第二行的文字也一直写到了"
	                       "右边的边缘啊下一页上的最后一行。\n"
	                       "\nWords wrap at the end of the line and then go on here.\n");
	free(s);
	page_free(&pg[0]);
	page_free(&pg[1]);
}

/* A line that ends short goes on into the next when the next line's first
 * piece would not have fit: a browser carries 350400； over whole (平潭 2021's
 * Chromium PDF); a line as short before one CJK character that would have
 * fit ends its paragraph. */
static void line_short_for_next(void **state)
{
	(void)state;
	page pg;
	page_init(&pg);
	text(&pg, 40, 40, 10, 0, "第一段写满了整行文字直到右边的边缘为止都写满");     /* 22: 40–260 */
	text(&pg, 20, 55, 10, 0, "写完了。");
	text(&pg, 40, 70, 10, 0, "联系地址：某市某区某某大楼十四层；邮编：");     /* 20: 40–240 */
	text(&pg, 20, 85, 10, 0, "350400；电话：0591-23165370。");
	text(&pg, 40, 100, 10, 0, "第二段也写满了整行文字直到右边的边缘为止写满");
	text(&pg, 20, 115, 10, 0, "写满了整行文字直到右边的边缘为止还是写满了整行字");   /* 24: 20–260 */
	text(&pg, 20, 130, 10, 0, "第二段到这里写完了还差两个字的地方就结束了。");       /* 22: 20–240 */
	text(&pg, 20, 145, 10, 0, "第三段从左边开始。");
	char *s = layout(&pg, 1);
	assert_string_equal(s, "\n第一段写满了整行文字直到右边的边缘为止都写满写完了。\n"
	                       "\n联系地址：某市某区某某大楼十四层；邮编：350400；电话：0591-23165370。\n"
	                       "\n第二段也写满了整行文字直到右边的边缘为止写满写满了整行文字直到右边的边缘为止还是写满了整行字"
	                       "第二段到这里写完了还差两个字的地方就结束了。\n"
	                       "\n第三段从左边开始。\n");
	free(s);
	page_free(&pg);
}

/* The signature and date, set off to the right, stand together; the title
 * centred over two lines is one line. */
static void title_and_signature(void **state)
{
	(void)state;
	page pg;
	page_init(&pg);
	text(&pg, 152, 20, 16, 3, "某某市统计局");
	text(&pg, 64, 40, 16, 3, "2020年政府信息公开工作年度报告");
	text(&pg, 40, 80, 10, 0, "正文的第一段写满了整行文字直到右边的边缘为止");
	text(&pg, 20, 95, 10, 0, "写完了。");
	text(&pg, 40, 110, 10, 0, "正文的第二段也写满了整行文字直到右边的边缘啊");
	text(&pg, 20, 125, 10, 0, "也写完了。");
	text(&pg, 250, 200, 10, 0, "某某市统计局");
	text(&pg, 250, 215, 10, 0, "2021年1月8日");
	char *s = layout(&pg, 1);
	assert_non_null(strstr(s, "某某市统计局2020年政府信息公开工作年度报告\n"));
	assert_non_null(strstr(s, "也写完了。\n\n"));
	const char *sig = strstr(s, "也写完了。\n\n") + strlen("也写完了。\n\n");
	assert_true(*sig == ' ');
	while (*sig == ' ')
		sig++;
	assert_true(strncmp(sig, "某某市统计局\n", strlen("某某市统计局\n")) == 0);
	sig += strlen("某某市统计局\n");
	assert_true(*sig == ' '); /* no blank line between the name and the date */
	assert_non_null(strstr(sig, "2021年1月8日\n"));
	free(s);
	page_free(&pg);
}

/* ---- through poppler ------------------------------------------------------------ */

/* Under LeakSanitizer (make asan): poppler's fontconfig lookup for the
 * Helvetica these PDFs do not embed is kept for the life of the process,
 * not gireport's memory (tests/lsan-poppler.supp says the same). */
const char *__lsan_default_suppressions(void);
const char *__lsan_default_suppressions(void)
{
	return "leak:libfontconfig.so\n";
}

static char *pdf_text_of(const char *path)
{
	FILE *f = fopen(path, "rb");
	assert_non_null(f);
	char buf[8192];
	size_t n = fread(buf, 1, sizeof buf, f);
	fclose(f);
	gir_diags *d = gir_diags_new();
	gir_buf out = {0};
	assert_int_equal(gir_pdf_text(path, buf, n, &out, d), 0);
	assert_int_equal(gir_diags_count(d), 0);
	gir_diags_free(d);
	return out.ptr;
}

/* Hand-written PDFs (fuzz/seeds-import-pdf/): a ruled table in Helvetica,
 * a page number at the foot; the same table on a page shown turned
 * (/Rotate 90, drawn on its side), one cell empty: poppler draws it as
 * stored and gives its text as shown, and the rules must still lie under
 * the text (without them the empty cell would be lost). */
static void through_poppler(void **state)
{
	(void)state;
	char *s = pdf_text_of("fuzz/seeds-import-pdf/table.pdf");
	assert_string_equal(s, "\nA paragraph of text that runs on\n\nRules\t1\t2\nFees\t0\t3.5\n");
	free(s);
	s = pdf_text_of("fuzz/seeds-import-pdf/rotated.pdf");
	assert_string_equal(s, "\nA paragraph of text\n\nRules\t1\t2\nFees\t\t3.5\n"); /* an empty cell */
	free(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(rules_in_picture),
		cmocka_unit_test(table_cells),
		cmocka_unit_test(blank_column),
		cmocka_unit_test(table_without_rules),
		cmocka_unit_test(paragraphs),
		cmocka_unit_test(line_short_for_next),
		cmocka_unit_test(title_and_signature),
		cmocka_unit_test(through_poppler),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
