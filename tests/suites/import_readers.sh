#!/bin/sh
# gireport import of web pages and Word files (docs/import.md, "Web pages"
# and "Word files"):
#  - the real pages in tests/real/ (fj-pingtan-2021/2023/2025.html, as the
#    portal served them) and the .docx made from two of them (.lo.docx): every
#    table cell of the imported source (`gireport build -f json`) equals the
#    ground truth tests/readers/NAME.truth.tsv (200 cells each, read from the
#    page with Python's html.parser, not with gireport, and equal to the
#    corpus's own NAME.truth.json);
#  - the body is found: nothing of the site's navigation, breadcrumbs,
#    search box, share links or QR code reaches the source; the preface is
#    the report's first paragraph;
#  - charsets: the 2023 page converted to GBK (declared gb2312, declared
#    utf-8 wrongly, not declared) imports to the same source;
#  - grids: rowspan and colspan (a label spanning rows given in each, a
#    number spanning columns counted once, a number spanning rows reported,
#    never a silent zero), <br> and <p> inside cells, &nbsp; cells;
#  - .docx: Word's numbering (一、 （一） 1.), gridSpan, vMerge, from a
#    document written here with Python's zipfile;
#  - formats told by content: a page named .txt, a .doc and a .wps (OLE2),
#    a PDF, a zip that is no .docx; each refused format names its way out;
#  - places: a diagnostic about a cell points at that cell's line and
#    column in the page; a .docx's at its paragraph or row number;
#  - limits: a page of more than 50,000 elements, a row of more than 1,024
#    cells, more than 200,000 cells in all are errors, not minutes of work.
SUITE=readers
. tests/lib.sh
BIN=$BUILD/gireport

# The table cells of a source, one "path<TAB>value" line each, as the JSON
# output gives them (leaf rows only, the form's column ids).
cells() {
	"$BIN" build --stdout -f json "$1" | python3 -c '
import json, sys
d = json.load(sys.stdin)
def walk(prefix, rows):
    for rid, r in rows.items():
        if "rows" in r:
            walk(prefix + rid + ".", r["rows"])
        else:
            for col, v in r["values"].items():
                print("%s%s.%s\t%s" % (prefix, rid, col, v))
for s in d["sections"]:
    if s.get("rows"):
        walk(s["id"] + ".", s["rows"])
'
}

# Imports $1 into $tmp/$2.yaml; the agency is written in when not found (a
# title with 年度 is the text importer'"'"'s part, not the reader'"'"'s).
imp() {
	"$BIN" import "$1" >"$tmp/$2.yaml" 2>"$tmp/$2.err"
	echo $? >"$tmp/$2.rc"
	sed -i 's/^agency: ""$/agency: 平潭综合实验区/' "$tmp/$2.yaml"
}

same_cells() { # source truth
	cells "$1" | sort >"$tmp/got.tsv" && sort "$2" >"$tmp/want.tsv" &&
		[ "$(wc -l <"$tmp/want.tsv")" -ge 200 ] && diff "$tmp/want.tsv" "$tmp/got.tsv"
}

# ---- the real pages and Word files ---------------------------------------------

for n in fj-pingtan-2021.html fj-pingtan-2023.html fj-pingtan-2025.html fj-pingtan-2021.lo.docx \
         fj-pingtan-2023.lo.docx; do
		y=$(echo "$n" | sed 's/fj-pingtan-\([0-9]*\).*/\1/')
		imp tests/real/$n $n
		t "$n:every-cell" 'same_cells "$tmp/$n.yaml" tests/readers/fj-pingtan-$y.truth.tsv'
		t "$n:checks" '"$BIN" check "$tmp/$n.yaml"'
		t "$n:year" 'grep -qx "year: $y" "$tmp/$n.yaml"'
		t "$n:title" 'grep -q "^title: 平潭综合实验区${y}年度政府信息公开工作年度报告$" "$tmp/$n.yaml"'
		t "$n:all-sections" '[ $(grep -c "^[a-z_]*:  # [一二三四五六]、" "$tmp/$n.yaml") = 6 ]'
		t "$n:no-site-chrome" '! grep -E "当前位置|扫一扫在手机上|无障碍浏览|热门搜索|历史搜索|QQ空间|文件下载|^  - 首页$|^  - 关闭$|^  - 全真版$" "$tmp/$n.yaml"'
done
t "fj-pingtan-2023.html:preface-first" 'sed -n "/^preface:/{n;p;q}" "$tmp/fj-pingtan-2023.html.yaml" | grep -q "^  - 本报告根据《中华人民共和国政府信息公开条例》"'
t "fj-pingtan-2023.html:pubdate" 'grep -qx "date: 2024-03-08" "$tmp/fj-pingtan-2023.html.yaml"'
# The title says 平潭综合实验区2023年度…: the agency is the title's (the
# template's title_aliases), not the page's ContentSource (the office that
# posted it), and no warning says otherwise.
t "fj-pingtan-2023.html:agency-from-title" 'grep -qx "agency: 平潭综合实验区" "$tmp/fj-pingtan-2023.html.yaml" && ! grep -q "taken from the page.s ContentSource" "$tmp/fj-pingtan-2023.html.err"' 
t "fj-pingtan-2021.html:joined-wrapped-cjk" 'grep -q "根据《中华人民共和国政府信息公开条例》（以下简称《条例》）、《福建省人民政府办公厅关于编制公布2021年政府信息公开工作年度报告有关事项的通知》" "$tmp/fj-pingtan-2021.html.yaml"'

# ---- charsets --------------------------------------------------------------------

gbk() { # sed-expression output
	sed "$1" tests/real/fj-pingtan-2023.html | iconv -f UTF-8 -t GB18030 >"$2"
}
gbk 's/<meta charset="utf-8"/<meta charset="gb2312"/' "$tmp/gb2312.html"
gbk 's/<meta charset="utf-8"[^>]*>/<meta http-equiv="Content-Type" content="text\/html; charset=GBK">/' "$tmp/gbk-http-equiv.html"
gbk 's/<meta charset="utf-8"[^>]*>//' "$tmp/gbk-undeclared.html"
gbk 's/x/x/' "$tmp/gbk-declared-utf8.html"
imp tests/real/fj-pingtan-2023.html utf8
for c in gb2312 gbk-http-equiv gbk-undeclared gbk-declared-utf8; do
	imp "$tmp/$c.html" "$c"
	t "charset:$c:is-gbk" '! iconv -f UTF-8 -t UTF-8 "$tmp/$c.html" >/dev/null 2>&1'
	t "charset:$c:same-source" 'grep -v "^# gireport import of" "$tmp/utf8.yaml" >"$tmp/a" && grep -v "^# gireport import of" "$tmp/$c.yaml" >"$tmp/b" && diff "$tmp/a" "$tmp/b"'
	t "charset:$c:no-garbled-quote" '! grep -q "^ *[0-9]* | " "$tmp/$c.err"'
done

# ---- grids ---------------------------------------------------------------------

page() { # file body
	printf '<!DOCTYPE html><html><head><meta charset="utf-8"><title>某区统计局2020年政府信息公开工作年度报告_某区政府</title></head>\n<body><div class="nav"><a href="/">首页</a> &gt; <a href="/x">政务公开</a></div>\n<div class="article">\n%s\n<p>某区统计局</p><p>2021年1月8日</p></div>\n<div class="footer">版权所有：某区人民政府 地址：某路1号 电话：0000-0000000</div>\n<script>var a = "一、总体情况";</script></body></html>\n' "$2" >"$1"
}
head4='<tr><td colspan="5">行政复议</td><td colspan="10">行政诉讼</td></tr>'
t4="<p>四、政府信息公开行政复议、行政诉讼情况</p><table>$head4<tr><td>1</td><td>0</td><td>0</td><td>0</td><td>1</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td></tr></table>"
n1='<p>一、总体情况</p><p>本年度工作正常。</p>'
n56='<p>五、存在的主要问题及改进情况</p><p>无。</p><p>六、其他需要报告的事项</p><p>无。</p>'
t2='<p>二、主动公开政府信息情况</p><table><tr><td>信息内容</td><td>本年新<br>制作数量</td><td>本年新<p>公开数量</p></td><td>对外公开总数量</td></tr><tr><td>规章</td><td>1</td><td>2</td><td>3</td></tr><tr><td>规范性文件</td><td>&nbsp;</td><td>0</td><td>5</td></tr></table>'
# 三 with the 2019 form's rowspans: 三、本年度办理结果 over its rows, （三）不予公开 over 8.
t3='<p>三、收到和处理政府信息公开申请情况</p><table>
<tr><td colspan="3" rowspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td><td colspan="7">申请人情况</td></tr>
<tr><td rowspan="2">自然人</td><td colspan="5">法人或其他组织</td><td rowspan="2">总计</td></tr>
<tr><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>
<tr><td colspan="3">一、本年新收政府信息公开申请数量</td><td>5</td><td colspan="2">1</td><td>0</td><td>0</td><td>0</td><td>0</td><td>6</td></tr>
<tr><td rowspan="2">三、本年度办理结果</td><td colspan="2">（一）予以公开</td><td>3</td><td colspan="2">1</td><td>0</td><td>0</td><td>0</td><td>0</td><td>4</td></tr>
<tr><td rowspan="1">（三）不予公开</td><td>1.属于国家秘密</td><td>2</td><td colspan="2">0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>2</td></tr>
</table>'
page "$tmp/grid.html" "<p>某区统计局2020年政府信息公开工作年度报告</p>$n1$t2$t3$t4$n56"
"$BIN" import "$tmp/grid.html" >"$tmp/grid.yaml" 2>"$tmp/grid.err"
t "grid:br-and-p-in-header-cells" 'grep -qx "  regulations: \[1, 2, 3\]" "$tmp/grid.yaml"'
# An empty cell (&nbsp;) where a number stands: read as 0 with a warning, or
# the row refused for a cell short; never a quiet 0.
t "grid:nbsp-cell-never-a-quiet-0" '{ grep -qx "  normative_documents: \[0, 0, 5\]" "$tmp/grid.yaml" && grep -q "1 empty cell read as 0" "$tmp/grid.err"; } || grep -q "规范性文件: 2 cells, but the row has 3" "$tmp/grid.err"'
t "grid:colspan-number-counted-once" 'grep -qx "  received: \[5, 1, 0, 0, 0, 0, 6\]" "$tmp/grid.yaml"'
t "grid:rowspan-label-in-each-row" 'grep -qx "  granted: \[3, 1, 0, 0, 0, 0, 4\]" "$tmp/grid.yaml" && grep -qx "    state_secret: \[2, 0, 0, 0, 0, 0, 2\]" "$tmp/grid.yaml"'
t "grid:inline-table-four" 'grep -qx "  review: \[1, 0, 0, 0, 1\]" "$tmp/grid.yaml"'
t "grid:body-not-chrome" '! grep -E "版权所有|var a|政务公开" "$tmp/grid.yaml" && grep -qx "agency: 某区统计局" "$tmp/grid.yaml" && grep -qx "date: 2021-01-08" "$tmp/grid.yaml"'
# A number spanning two rows stands in the first only: the second row is a
# cell short, and that is an error at the row, not a zero.
page "$tmp/rowspan-number.html" "<p>某区统计局2020年政府信息公开工作年度报告</p>$n1<p>二、主动公开政府信息情况</p><table><tr><td>信息内容</td><td>本年新制作数量</td><td>本年新公开数量</td><td>对外公开总数量</td></tr><tr><td>规章</td><td rowspan=\"2\">1</td><td>2</td><td>3</td></tr><tr><td>规范性文件</td><td>0</td><td>5</td></tr></table>$n56"
t "grid:rowspan-number-is-an-error" '! "$BIN" import "$tmp/rowspan-number.html" >"$tmp/o" 2>"$tmp/e"; grep -q "规范性文件: 2 cells, but the row has 3" "$tmp/e" && ! "$BIN" check "$tmp/o" >/dev/null 2>&1'
# A page laid out in a table: the article is the cell that holds most text.
page "$tmp/layout.html" "<table width=\"100%\"><tr><td><a href=\"/\">首页</a></td></tr><tr><td><p>某区统计局2020年政府信息公开工作年度报告</p>$n1$t2$t4$n56</td></tr><tr><td>主办：某区人民政府</td></tr></table>"
t "grid:layout-table-is-not-a-table" '"$BIN" import "$tmp/layout.html" >"$tmp/o" 2>"$tmp/e"; grep -qx "  regulations: \[1, 2, 3\]" "$tmp/o" && grep -qx "agency: 某区统计局" "$tmp/o" && ! grep -q 主办 "$tmp/o"'

# ---- limits: shapes no report has are refused, not worked through ----------------

python3 -c '
import sys
d = sys.argv[1]
open(d + "/elements.html", "w").write("<html><body>" + "<p>段落</p>" * 60000)
open(d + "/wide.html", "w").write("<html><body><p>标题</p><table><tr>" + "<td>1</td>" * 1100 + "</tr></table>")
open(d + "/shifting.html", "w").write("<html><body><table>" +
     "<tr><td rowspan=1000>标签</td><td>1</td></tr>" * 15000 + "</table>")
' "$tmp"
t "limits:elements" '! "$BIN" import "$tmp/elements.html" >"$tmp/o" 2>"$tmp/e"; [ ! -s "$tmp/o" ] && grep -q "a page of more than 50000 elements: not imported" "$tmp/e"'
t "limits:row-cells" '! "$BIN" import "$tmp/wide.html" >/dev/null 2>"$tmp/e"; grep -q "error: a table row of more than 1024 cells: the cells after the 1024th are left out" "$tmp/e"'
t "limits:cells" '! "$BIN" import "$tmp/shifting.html" >"$tmp/o" 2>"$tmp/e"; [ ! -s "$tmp/o" ] && grep -q "more than 200000 table cells: not imported" "$tmp/e"'

# ---- places --------------------------------------------------------------------

# A cell "470件" in the 2023 page (a 件 column): read as 470 with a warning
# at the cell's own line and column.
sed 's|<p style="text-indent: 0em;">470</p>|<p style="text-indent: 0em;">470件</p>|' tests/real/fj-pingtan-2023.html >"$tmp/bad-cell.html"
want=$(grep -n '470件' "$tmp/bad-cell.html" | cut -d: -f1)
col=$(python3 -c 'import sys; l = open(sys.argv[1], encoding="utf-8").read().split("\n")[int(sys.argv[2]) - 1]; print(l.index("470件") + 1)' "$tmp/bad-cell.html" "$want")
t "places:html-cell" '"$BIN" import "$tmp/bad-cell.html" 2>&1 >/dev/null | grep -q "bad-cell.html:$want:$col: warning: .*\"470件\" read as 470 (the column.s unit)"'
t "places:html-quotes-the-line" '"$BIN" import "$tmp/bad-cell.html" 2>&1 >/dev/null | grep -q "^ *$want | .*470件"'

# ---- .docx made here: numbering, gridSpan, vMerge --------------------------------

for v in num bad; do
	python3 tests/readers/make-docx.py "$tmp/$v.docx" "$v"
done
"$BIN" import "$tmp/num.docx" >"$tmp/num.yaml" 2>"$tmp/num.err"; echo $? >"$tmp/num.rc"
# num.docx holds some rows of each table: those are read (below), and each
# row it lacks is an error and 待填 in the source, never a zero.
t "docx:missing-rows-unread" '[ $(cat "$tmp/num.rc") = 1 ] && grep -q "error: .*not found in the input; the source has 待填" "$tmp/num.err" && [ $(grep "error:" "$tmp/num.err" | grep -vc "not found in the input; the source has 待填") = 0 ] && ! "$BIN" check "$tmp/num.yaml" 2>"$tmp/num.check" && [ $(grep "error:" "$tmp/num.check" | grep -vc "待填") = 0 ]'
t "docx:numbered-headings" '[ $(grep -c "^[a-z_]*:  # [一二三四五六]、" "$tmp/num.yaml") = 6 ] && ! grep -q "no heading" "$tmp/num.err"'
t "docx:numbered-subheadings" 'grep -qx "  - 主动公开:" "$tmp/num.yaml" && grep -qx "  - 依申请公开:" "$tmp/num.yaml"'
t "docx:paragraphs-in-cells" 'grep -qx "  regulations: \[1, 2, 3\]" "$tmp/num.yaml"'
t "docx:gridspan-number-once" 'grep -qx "  received: \[5, 1, 0, 0, 0, 0, 6\]" "$tmp/num.yaml"'
t "docx:vmerge-labels" 'grep -qx "  granted: \[3, 1, 0, 0, 0, 0, 4\]" "$tmp/num.yaml" && grep -qx "    prohibited: \[0, 0, 0, 0, 0, 0, 0\]" "$tmp/num.yaml"'
t "docx:signature-and-date" 'grep -qx "agency: 某区统计局" "$tmp/num.yaml" && grep -qx "date: 2021-01-08" "$tmp/num.yaml"'
# The row of 规章 is the body's 10th paragraph or row; 3件 its 4th cell.
t "docx:places-are-paragraphs" '"$BIN" import "$tmp/bad.docx" 2>&1 >/dev/null | grep -q "bad.docx:10:4: error: .*\"3件\" has a unit or word after the number"'
t "docx:quotes-no-binary" '"$BIN" import tests/real/fj-pingtan-2023.lo.docx 2>&1 >/dev/null | grep -q "fj-pingtan-2023.lo.docx:[0-9]*:[0-9]*: " && ! "$BIN" import tests/real/fj-pingtan-2023.lo.docx 2>&1 >/dev/null | grep -q "^ *[0-9]* | "'

# ---- formats by content -----------------------------------------------------------

cp tests/real/fj-pingtan-2023.html "$tmp/saved-as.txt"
t "detect:page-named-txt" '"$BIN" import "$tmp/saved-as.txt" >"$tmp/o" 2>/dev/null; same_cells "$tmp/o" tests/readers/fj-pingtan-2023.truth.tsv'
cp tests/real/fj-pingtan-2023.lo.docx "$tmp/renamed.doc"
t "detect:docx-named-doc" '"$BIN" import "$tmp/renamed.doc" >"$tmp/o" 2>/dev/null; sed -i "s/^agency: \"\"$/agency: 平潭综合实验区/" "$tmp/o"; same_cells "$tmp/o" tests/readers/fj-pingtan-2023.truth.tsv'
printf '\320\317\021\340\241\261\032\341\000\000\000\000' >"$tmp/old.doc"
cp "$tmp/old.doc" "$tmp/report.wps"
for f in old.doc report.wps; do
	t "detect:ole2:$f" '! "$BIN" import "$tmp/$f" >"$tmp/o" 2>"$tmp/e"; [ ! -s "$tmp/o" ] && grep -q "libreoffice --headless --convert-to docx $tmp/$f" "$tmp/e" && { "$BIN" import "$tmp/$f" >/dev/null 2>&1; [ $? = 1 ]; }'
done
printf 'From: <Saved by Blink>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n\ttype="text/html";\r\n\tboundary="----x"\r\n\r\n------x\r\nContent-Type: text/html\r\n\r\n<html><body><p>=E4=B8=80</p></body></html>\r\n' >"$tmp/page.mht"
t "detect:mht" '! "$BIN" import "$tmp/page.mht" >"$tmp/o" 2>"$tmp/e"; [ ! -s "$tmp/o" ] && grep -q "a web archive (.mht)" "$tmp/e"'
printf '%%PDF-1.7\n%%\342\343\317\323\n' >"$tmp/report.pdf"
t "detect:pdf-damaged" '! "$BIN" import "$tmp/report.pdf" >"$tmp/o" 2>"$tmp/e"; [ ! -s "$tmp/o" ] && grep -q "report.pdf: error: a PDF poppler cannot read" "$tmp/e" && grep -q "qpdf --check" "$tmp/e"'
printf 'PK\003\004\000\000binary' >"$tmp/broken.docx"
t "detect:broken-zip" '! "$BIN" import "$tmp/broken.docx" >"$tmp/o" 2>"$tmp/e"; [ ! -s "$tmp/o" ] && grep -q "not a Word file (.docx)" "$tmp/e"'
python3 -c 'import zipfile,sys; z=zipfile.ZipFile(sys.argv[1],"w"); z.writestr("content.xml","<x/>"); z.close()' "$tmp/report.odt"
t "detect:zip-not-docx" '! "$BIN" import "$tmp/report.odt" >"$tmp/o" 2>"$tmp/e"; grep -q "without word/document.xml" "$tmp/e" && grep -q "libreoffice --headless --convert-to docx" "$tmp/e"'
printf '<html><body><script>x</script></body></html>' >"$tmp/empty.html"
t "detect:empty-page" '! "$BIN" import "$tmp/empty.html" >"$tmp/o" 2>"$tmp/e"; [ ! -s "$tmp/o" ] && grep -q "no text" "$tmp/e"'
t "detect:page-on-standard-input" 'cat tests/real/fj-pingtan-2023.html | "$BIN" import - >"$tmp/o" 2>"$tmp/e"; grep -q "^<stdin>:349:[0-9]*: warning" "$tmp/e" && same_cells "$tmp/o" tests/readers/fj-pingtan-2023.truth.tsv'
t "detect:docx-on-standard-input" '"$BIN" import - <tests/real/fj-pingtan-2023.lo.docx >"$tmp/o" 2>/dev/null; sed -i "s/^agency: \"\"$/agency: 平潭综合实验区/" "$tmp/o"; same_cells "$tmp/o" tests/readers/fj-pingtan-2023.truth.tsv'
t "detect:text-stays-text" '"$BIN" import tests/seeds/004_*.txt >/dev/null 2>&1'
