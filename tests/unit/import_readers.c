/* Unit tests for the readers of gireport import (src/import/import_detect.c,
 * import_html.c, import_bridge.c): formats told by their first bytes, and
 * the lines a page gives the text importer — paragraphs, rows of cells with
 * rowspan and colspan, white space, charsets, places in the page. */
#include <string.h>

#include "helpers.h"

#include "import.h"
#include "utf8.h"

static void detect(void **state)
{
	(void)state;
	assert_int_equal(imp_detect("a.txt", "%PDF-1.7\n", 9), IMP_FMT_PDF);
	assert_int_equal(imp_detect("a.doc", "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1xx", 10), IMP_FMT_OLE2);
	assert_int_equal(imp_detect("a.doc", "PK\3\4", 4), IMP_FMT_DOCX);
	assert_int_equal(imp_detect("a.txt", "\xEF\xBB\xBF  <!DOCTYPE html><p>x", 27), IMP_FMT_HTML);
	assert_int_equal(imp_detect("-", "<HTML><BODY>x", 13), IMP_FMT_HTML);
	/* Text that only mentions a tag, and a "<" line of a text, stay text. */
	assert_int_equal(imp_detect("a.txt", "标题\n<table> 不是网页\n", 25), IMP_FMT_TEXT);
	assert_int_equal(imp_detect("a.txt", "<一、总体情况>\n", 19), IMP_FMT_TEXT);
	/* A page named .html may start with text. */
	assert_int_equal(imp_detect("a.html", "标题<p>x</p>", 17), IMP_FMT_HTML);
	assert_int_equal(imp_detect("a.txt", "", 0), IMP_FMT_TEXT);
}

typedef struct read_result {
	imp_doc doc;
	gir_diags *d;
} read_result;

static int read_page(read_result *r, const char *page)
{
	memset(r, 0, sizeof *r);
	r->d = gir_diags_new();
	r->doc.file = "t.html";
	r->doc.diags = r->d;
	return imp_read_html(&r->doc, page, strlen(page));
}

static void read_free(read_result *r)
{
	imp_doc_free(&r->doc);
	gir_diags_free(r->d);
}

/* The cells of line i, joined with "|". */
static char *cells_of(const imp_doc *doc, size_t i)
{
	gir_buf b = {0};
	const imp_line *l = &doc->lines[i];
	for (size_t k = 0; k < l->ncells; k++)
		gir_buf_printf(&b, "%s%s", k ? "|" : "", l->cells[k].text);
	return imp_detach(&b);
}

static void expect_cells(const imp_doc *doc, size_t i, const char *want)
{
	assert_true(i < doc->nlines);
	assert_int_equal(doc->lines[i].kind, IMP_CELLS);
	char *got = cells_of(doc, i);
	assert_string_equal(got, want);
	free(got);
}

static void paragraphs_and_body(void **state)
{
	(void)state;
	read_result r;
	assert_int_equal(read_page(&r,
		"<html><head><title>某局2020年政府信息公开工作年度报告_某区政府</title>\n"
		"<style>p{}</style></head><body>\n"
		"<div class=nav><a href=/>首页</a> &gt; <a href=/x>政务公开</a></div>\n"
		"<div class=content><p>一、总体情况</p><p>本年度\n工作正常，a\nb。<br>第二行&nbsp;</p>\n"
		"<script>var x = '不是正文';</script><p>&nbsp;</p><p>二、主动公开政府信息情况</p>"
		"<p>这一段足够长，让正文的文字多于导航与页脚的文字，如同每一份真实的报告那样。</p></div>\n"
		"<div class=footer>版权所有</div></body></html>\n"), 0);
	const imp_doc *d = &r.doc;
	assert_true(d->structured);
	assert_int_equal(d->nlines, 6);
	assert_string_equal(d->lines[0].text, "某局2020年政府信息公开工作年度报告"); /* <title>, site cut */
	assert_string_equal(d->lines[1].text, "一、总体情况");
	/* A line break between CJK characters is none; between Latin letters a space. */
	assert_string_equal(d->lines[2].text, "本年度工作正常，a b。");
	assert_string_equal(d->lines[3].text, "第二行");
	assert_string_equal(d->lines[4].text, "二、主动公开政府信息情况");
	for (size_t i = 0; i < d->nlines; i++)
		assert_int_equal(d->lines[i].kind, IMP_TEXT);
	/* Places: line 4 of the page, the column just after <p>. */
	assert_int_equal(d->lines[1].no, 4);
	assert_int_equal(d->lines[1].col, (int)strlen("<div class=content><p>") + 1);
	assert_int_equal(d->lines[2].no, 4);
	read_free(&r);
}

static void grids(void **state)
{
	(void)state;
	read_result r;
	assert_int_equal(read_page(&r,
		"<html><body><div>\n<p>三、收到和处理政府信息公开申请情况</p>\n<table>\n"
		"<tr><td rowspan=2 colspan=2>corner</td><td colspan=3>申请人情况</td></tr>\n"
		"<tr><td>自然人</td><td>商业<br>企业</td><td><p>总</p><p>计</p></td></tr>\n"
		"<tr><td rowspan=3>三、本年度办理结果</td><td>（一）予以公开</td><td>1</td><td colspan=2>2</td><td>3</td></tr>\n"
		"<tr><td>（二）部分公开</td><td rowspan=2>4</td><td>&nbsp;</td><td>5</td></tr>\n"
		"<tr><td>（三）不予公开</td><td>6</td><td>7</td></tr>\n"
		"</table><table><tr><td>a</td><td>b</td></tr></table>\n"
		"<p>足够长的一段文字，让这一块是正文：本年度没有其他需要报告的事项。</p></div></body></html>\n"), 0);
	const imp_doc *d = &r.doc;
	assert_string_equal(d->lines[0].text, "三、收到和处理政府信息公开申请情况");
	expect_cells(d, 1, "corner|申请人情况");
	expect_cells(d, 2, "corner|自然人|商业企业|总计");          /* the label spans on down */
	expect_cells(d, 3, "三、本年度办理结果|（一）予以公开|1|2|3"); /* colspan: once */
	expect_cells(d, 4, "三、本年度办理结果|（二）部分公开|4||5");
	expect_cells(d, 5, "三、本年度办理结果|（三）不予公开|6|7");    /* the 4 above: not again */
	assert_int_equal(d->lines[1].table, d->lines[5].table);
	assert_int_equal(d->lines[6].kind, IMP_BLANK);                  /* between two tables */
	expect_cells(d, 7, "a|b");
	assert_int_equal(d->lines[7].table, d->lines[1].table + 1);
	/* A cell's place is where its text stands. */
	assert_int_equal(d->lines[3].cells[2].pos.line, 6);
	read_free(&r);
}

static void charsets(void **state)
{
	(void)state;
	/* 总体情况 in GBK: D7 DC CC E5 C7 E9 BF F6 */
	static const char gbk[] = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; "
	                          "charset=gb2312\"></head><body><p>\xD7\xDC\xCC\xE5\xC7\xE9\xBF\xF6</p>"
	                          "</body></html>";
	read_result r;
	assert_int_equal(read_page(&r, gbk), 0);
	assert_int_equal(r.doc.nlines, 1);
	assert_string_equal(r.doc.lines[0].text, "总体情况");
	read_free(&r);
	/* Not declared, not UTF-8: GB18030. */
	assert_int_equal(read_page(&r, "<html><body><p>\xD7\xDC\xCC\xE5\xC7\xE9\xBF\xF6</p></body></html>"), 0);
	assert_string_equal(r.doc.lines[0].text, "总体情况");
	read_free(&r);
	/* A charset iconv does not know is an error, not a guess. */
	assert_int_equal(read_page(&r, "<html><head><meta charset=\"x-made-up\"></head><body>"
	                               "<p>\xD7\xDC</p></body></html>"), -1);
	assert_int_equal(gir_diags_count_severity(r.d, GIR_ERROR), 1);
	read_free(&r);
}

static void metas(void **state)
{
	(void)state;
	read_result r;
	assert_int_equal(read_page(&r,
		"<html><head><meta name=\"ArticleTitle\" content=\"某局2023年度政府信息公开工作年度报告\">"
		"<meta name=\"ContentSource\" content=\"某局办公室\"><meta name=\"PubDate\" content=\"2024-03-08 15:34\">"
		"<title>别的标题_网站</title></head><body><div><p>某局2023年度政府信息公开工作年度报告</p>"
		"<p>一、总体情况</p></div></body></html>"), 0);
	assert_int_equal(r.doc.nlines, 2); /* the title once, though the article repeats it */
	assert_string_equal(r.doc.lines[0].text, "某局2023年度政府信息公开工作年度报告");
	assert_string_equal(r.doc.meta_agency, "某局办公室");
	assert_string_equal(r.doc.meta_date, "2024-03-08");
	read_free(&r);
	assert_int_equal(read_page(&r, "<html><body><script>x</script></body></html>"), -1);
	read_free(&r);
	/* The article's own title, broken over two lines after the page's lines
	 * (source, date): the title, and what stood before it left out. */
	assert_int_equal(read_page(&r, "<html><head><meta name=\"ArticleTitle\" content=\"某局2023年度政府信息公开"
	                               "工作年度报告\"></head><body><div><p>来源：某局</p><p>发布时间：2024-03-08</p>"
	                               "<p>某局2023年度<br>政府信息公开工作年度报告</p><p>一、总体情况</p></div></body></html>"), 0);
	assert_int_equal(r.doc.nlines, 3);
	assert_string_equal(r.doc.lines[0].text, "某局2023年度");
	assert_string_equal(r.doc.lines[1].text, "政府信息公开工作年度报告");
	assert_string_equal(r.doc.lines[2].text, "一、总体情况");
	read_free(&r);
	/* Word's list numbers between conditional-comment markers are read,
	 * the markers not; places do not move. */
	assert_int_equal(read_page(&r, "<html><body><div>\n<p><![if !supportLists]><span>一、<span>&nbsp; "
	                               "</span></span><![endif]>总体情况</p><p>正文</p></div></body></html>"), 0);
	assert_string_equal(r.doc.lines[0].text, "一、\xC2\xA0 总体情况"); /* &nbsp; kept */
	static const char before[] = "<p><![if !supportLists]><span>一、<span>&nbsp; </span></span>"
	                             "<![endif]>总体情况</p><p>";
	assert_int_equal(r.doc.lines[1].no, 2);
	assert_int_equal(r.doc.lines[1].col, (int)gir_utf8_count(before, strlen(before)) + 1);
	read_free(&r);
	/* What a browser does not show is not read. */
	assert_int_equal(read_page(&r, "<html><body><div><p>正文</p><div style=\"DISPLAY: none\"><p>隐藏</p>"
	                               "</div><p hidden>也隐藏</p><p>正文二</p></div></body></html>"), 0);
	assert_int_equal(r.doc.nlines, 2);
	assert_string_equal(r.doc.lines[1].text, "正文二");
	read_free(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(detect),
		cmocka_unit_test(paragraphs_and_body),
		cmocka_unit_test(grids),
		cmocka_unit_test(charsets),
		cmocka_unit_test(metas),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
