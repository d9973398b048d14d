#!/bin/sh
# gireport site (docs/site.md): the city example as a static site.  A copy
# of examples/city with one report that warns (民政局 2021 states 12 requests,
# its table 11), one with an error (住房和城乡建设局 2021 from
# tests/city-mismatch: the carry-over) and one missing (文化和旅游局 2021) is
# built (html, pdf, docx; an OFD file stands in for one report, as
# `-f ofd` would write it), then made into a site.  The pages are checked
# as files (well-formed, xmllint --html, links, the index's statuses, the
# summary against `gireport summary`, the same bytes twice, only the pages
# of a changed source rewritten) and in headless Chromium (site.js: links as
# the browser resolves them, each chart's bar lengths against its data
# table, A4 pages in print).
BIN=$(cd "${BUILD:-build}" && pwd)/gireport
SUITE=site
. tests/lib.sh
export LC_ALL=C.UTF-8
need xmllint python3 || exit 0

city=$tmp/city
cp -r examples/city "$city"
rm -rf "$city/out" "$city/wenlv/2021.yaml"
sed -i 's/全年新收政府信息公开申请11件/全年新收政府信息公开申请12件/' "$city/minzheng/2021.yaml"
cp tests/city-mismatch/zhujian/2021.yaml "$city/zhujian/2021.yaml"
"$BIN" build -q -f html,pdf,docx "$city" 2>/dev/null
printf 'OFD stand-in\n' >"$city/out/jiaotong/2021.ofd"

site=$tmp/site
"$BIN" site -o "$site" "$city" >"$tmp/site.out" 2>"$tmp/site.err"
echo $? >"$tmp/site.status"
T_DIR=$site

t exit-status '[ "$(cat "$tmp/site.status")" = 1 ] && grep -q "23 sources, 1 with errors" "$tmp/site.err"'
t pages 'for f in index.html summary.html charts.html site.css; do [ -s "$f" ] || { echo "no $f"; exit 1; }; done
	[ "$(ls agencies | wc -l)" = 12 ] && [ "$(ls reports/*/*.html | wc -l)" = 22 ] &&
	[ "$(ls reports/*/*.pdf | wc -l)" = 22 ] && [ "$(ls reports/*/*.docx | wc -l)" = 22 ]'

# ---- every page as a file ----------------------------------------------------------

pages=$(cd "$site" && find . -name '*.html' | sed 's#^\./##' | sort)
for p in $pages; do
	t "xml:$p" 'xmllint --nonet --noout "$p"'
done
# libxml2's HTML parser knows HTML 4 only: it names each HTML5 and SVG element
# ("Tag main invalid") and goes on; any other complaint fails, as does its status.
t xmllint-html 'for p in '"$(echo $pages)"'; do
		xmllint --html --nonet --noout "$p" 2>"$tmp/x" || { echo "$p: status $?"; exit 1; }
		if grep "error :" "$tmp/x" | grep -v -E "error : Tag [a-z]+ invalid$"; then echo "$p"; exit 1; fi
	done'
t no-script '! grep -l -i -E "<script|javascript:|<iframe|<img" $(find . -name "*.html")'
t one-stylesheet 'for p in index.html summary.html charts.html agencies/*.html; do
		[ "$(grep -c "<link rel=\"stylesheet\"" "$p")" = 1 ] || { echo "$p"; exit 1; }; done'
t print-a4-css 'grep -q "@page { size: A4" site.css && grep -q "@media print" site.css'

# Every href of every page names a file of the site.
t links-files 'for p in '"$(echo $pages)"'; do
		d=$(dirname "$p")
		for h in $(grep -o "href=\"[^\"]*\"" "$p" | sed "s/^href=\"//; s/\"$//"); do
			case $h in *:*|/*) echo "$p: $h leaves the site"; exit 1 ;; esac
			[ -f "$d/${h%%#*}" ] || { echo "$p: $h: no such file"; exit 1; }
		done
	done'

# ---- the index -------------------------------------------------------------------------

row() { sed -n "/<th scope=\"row\"><a href=\"agencies\/$1.html\">/p" index.html; }
t index-ok 'row jiaoyu | grep -q "<td class=\"ok\"><span class=\"status\">通过</span> <span class=\"files\"><a href=\"reports/jiaoyu/2021.html\">网页</a> <a href=\"reports/jiaoyu/2021.pdf\">PDF</a> <a href=\"reports/jiaoyu/2021.docx\">Word</a></span></td></tr>"'
t index-warnings 'row minzheng | grep -q "<td class=\"warnings\"><span class=\"status\">警告 1</span>.*<p class=\"diag\">[^<]*minzheng/2021.yaml:16:29: warning: [^<]*12件"'
t index-errors 'row zhujian | grep -q "<td class=\"errors\"><span class=\"status\">错误 1</span><p class=\"diag\">[^<]*zhujian/2021.yaml:31:25: error: [^<]*\[requests.carried_over.natural\]</p></td></tr>"'
t index-missing 'row wenlv | grep -q "<td class=\"missing\"><span class=\"status\">缺报</span>"'
t index-ofd 'row jiaotong | grep -q "reports/jiaotong/2021.ofd\">OFD</a>" && [ "$(grep -c "\.ofd\"" index.html)" = 1 ]'
t index-years 'grep -q "<th scope=\"col\">2020年</th><th scope=\"col\">2021年</th>" index.html'

# ---- the summary: the same figures as `gireport summary`, totals exact ------------------

cat >"$tmp/tables.py" <<'EOF'
import sys, csv, html.parser
from decimal import Decimal
class P(html.parser.HTMLParser):
    def __init__(s):
        super().__init__(); s.sections = {}; s.cur = None; s.row = None; s.cell = None
    def handle_starttag(s, tag, a):
        a = dict(a)
        if tag == 'section' and a.get('id', '').startswith('y'): s.cur = s.sections.setdefault(a['id'][1:], [])
        elif tag == 'tr' and s.cur is not None: s.row = []; s.cur.append(s.row)
        elif tag in ('td', 'th') and s.row is not None: s.cell = ''
    def handle_endtag(s, tag):
        if tag in ('td', 'th') and s.cell is not None: s.row.append(s.cell.strip()); s.cell = None
        elif tag == 'section': s.cur = None
    def handle_data(s, d):
        if s.cell is not None: s.cell += d
p = P(); p.feed(open(sys.argv[1], encoding='utf-8').read())
year = sys.argv[2]
rows = p.sections[year]
head, body, foot = rows[0], rows[1:-1], rows[-1]
ok = [r for r in body if '错误' not in r[0]]
# totals add up exactly, column by column, over the rows without errors
for c in range(1, len(head)):
    vals = [r[c] for r in ok]
    if foot[c] == '':
        assert any(v == '' for v in vals), ('no total for', head[c])
        continue
    assert sum(Decimal(v) for v in vals) == Decimal(foot[c]), (head[c], foot[c])
# the same figures as gireport summary's CSV, label by label
sm = list(csv.reader(open(sys.argv[3], encoding='utf-8')))
lab = sm[0]
srows = [r for r in sm[1:-1] if r[lab.index('状态')] == '通过']
assert len(srows) == len(ok), (len(srows), len(ok))
for r, s in zip(ok, srows):
    assert r[0] == s[0], (r[0], s[0])
    for c in range(1, len(head)):
        assert r[c] == s[lab.index(head[c])], (r[0], head[c], r[c])
for c in range(1, len(head)):
    assert foot[c] == sm[-1][lab.index(head[c])] or sm[-1][lab.index(head[c])] == '', head[c]
print(len(ok), 'rows', len(head) - 1, 'figures')
EOF
for y in 2020 2021; do
	t "summary-$y" '"$BIN" summary $(ls "$city"/*/$y.yaml | grep -v zhujian/2021) >"$tmp/sum$y.csv" 2>/dev/null &&
		python3 "$tmp/tables.py" summary.html $y "$tmp/sum$y.csv"'
done
cat >"$tmp/sorted.py" <<'EOF'
import sys
from decimal import Decimal
def sections(path): # the parser of tables.py
    src = open(sys.argv[1]).read().split('p = P()')[0]
    ns = {}
    exec(src, ns)
    p = ns['P'](); p.feed(open(path, encoding='utf-8').read())
    return p.sections
a, b = sections(sys.argv[2]), sections(sys.argv[3])
assert a.keys() == b.keys() and len(a) == 2, (a.keys(), b.keys())
for year in a:
    ra, rb = a[year], b[year]
    assert ra[0] == rb[0] and ra[-1] == rb[-1], 'header or totals differ'
    assert sorted(map(tuple, ra[1:-1])) == sorted(map(tuple, rb[1:-1])), 'not the same rows'
    col = rb[0].index(sys.argv[4])
    body = rb[1:-1]
    vals = [Decimal(r[col]) if r[col] else None for r in body]
    given = [v for v in vals if v is not None]
    assert given == sorted(given, reverse=True), (year, given)
    assert all(v is None for v in vals[len(given):]), 'a row without the figure before one with it'
    # ties keep the reading order
    order = [r[0] for r in ra[1:-1]]
    for i in range(1, len(given)):
        if given[i] == given[i - 1]:
            assert order.index(body[i - 1][0]) < order.index(body[i][0]), ('tie order', body[i][0])
print('ok')
EOF
t summary-sorted 'python3 "$tmp/sorted.py" "$tmp/tables.py" summary.html summary-received.html 本年新收申请 &&
	grep -q "<strong>按本年新收申请从多到少排列</strong>" summary-received.html &&
	grep -q "<a href=\"summary-received.html\">按本年新收申请从多到少排列</a>" summary.html'
t summary-failed-row 'sed -n "/<section id=\"y2021\">/,/<\/section>/p" summary.html |
	grep -q "住房和城乡建设局</a> <span class=\"status errors\">错误 1</span></th><td></td>"'
# The agency page's comparison is `gireport diff`'s: the same headings, the
# same rows (item, A, B, change), the same paragraphs removed and added and the
# same count, in order, read from the page's HTML and from `diff -f md`.
cat >"$tmp/diff.py" <<'EOF'
import sys, html.parser
class P(html.parser.HTMLParser):
    def __init__(s):
        super().__init__(); s.on = False; s.out = []; s.cur = None; s.row = None
    def handle_starttag(s, tag, a):
        a = dict(a)
        if tag == 'section' and a.get('class') == 'diff': s.on = True
        if not s.on: return
        if tag in ('h3', 'li', 'p'): s.cur = ''
        elif tag == 'tr': s.row = []
        elif tag in ('td', 'th') and s.row is not None: s.cur = ''
    def handle_endtag(s, tag):
        if not s.on: return
        if tag == 'section': s.on = False
        elif tag == 'h3': s.out.append('## ' + s.cur); s.cur = None
        elif tag == 'li' and s.cur is not None: s.out.append('- ' + s.cur); s.cur = None
        elif tag == 'p' and s.cur is not None: s.out.append(s.cur); s.cur = None
        elif tag in ('td', 'th') and s.row is not None: s.row.append(s.cur); s.cur = None
        elif tag == 'tr':
            if s.row and s.row[1] != 'A': s.out.append('| ' + ' | '.join(s.row) + ' |')
            s.row = None
    def handle_data(s, d):
        if s.cur is not None: s.cur += d
p = P(); p.feed(open(sys.argv[1], encoding='utf-8').read())
md = []
for line in open(sys.argv[2], encoding='utf-8').read().splitlines():
    if not line or line.startswith('# ') or line.startswith('| ---') or ' | A | B | ' in line:
        continue
    md.append(line)
if p.out != md:
    import difflib
    print('\n'.join(difflib.unified_diff(md, p.out, 'diff -f md', 'page', lineterm='')))
    sys.exit(1)
print(len(md), 'lines')
EOF
t agency-diff 'grep -q "<h2>2020年 → 2021年 与上年对比</h2>" agencies/minzheng.html &&
	"$BIN" diff -f md "$city/minzheng/2020.yaml" "$city/minzheng/2021.yaml" >"$tmp/diff.md" 2>/dev/null &&
	python3 "$tmp/diff.py" agencies/minzheng.html "$tmp/diff.md"'
t agency-years 'grep -q "<th scope=\"col\"><a href=\"../reports/minzheng/2020.html\">2020年</a></th><th scope=\"col\"><a href=\"../reports/minzheng/2021.html\">2021年</a></th>" agencies/minzheng.html'

# ---- words from the templates -------------------------------------------------------------

mkdir -p "$tmp/tpl"
sed 's/"home": "首页"/"home": "主页"/; s/"axis": "申请数量（件）"/"axis": "申请件数"/; s/"errors": "错误"/"errors": "<错误> \&"/' \
	templates/gov-2021.json >"$tmp/tpl/gov-2021.json"
t words-from-template '"$BIN" site -q --templates "$tmp/tpl" -o "$tmp/site-words" "$city" 2>/dev/null;
	grep -q ">主页</a>" "$tmp/site-words/index.html" && grep -q ">申请件数</text>" "$tmp/site-words/charts.html" &&
	! grep -q ">首页</a>" "$tmp/site-words/index.html" &&
	grep -q "<span class=\"status\">&lt;错误&gt; &amp; 1</span>" "$tmp/site-words/index.html" &&
	for p in $(find "$tmp/site-words" -name "*.html"); do xmllint --nonet --noout "$p" || exit 1; done'

# ---- hostile names, a broken "site", no output directory -----------------------------------

h=$tmp/hostile
# A directory named with a space, <, &, " and ', and an agency name with markup.
python3 - "$h" <<'PY'
import os, re, sys
d = os.path.join(sys.argv[1], 'a b<&"\'x')
os.makedirs(d)
src = open('examples/city/jiaoyu/2020.yaml', encoding='utf-8').read()
name = '某局<script>alert(1)</script> & \\"引号\\" \'单\''
src = re.sub(r'(?m)^agency: .*$', lambda m: 'agency: "' + name + '"', src)
open(os.path.join(d, '2020.yaml'), 'w', encoding='utf-8').write(src)
PY
t hostile-names '"$BIN" site -q -o "$tmp/hs" "$h" 2>"$tmp/hs.err" && ls "$tmp/hs/agencies" | grep -qx "a~20b~3C~26~22~27x.html" &&
	for p in $(find "$tmp/hs" -name "*.html"); do xmllint --nonet --noout "$p" || exit 1; done &&
	! grep -rq "<script" "$tmp/hs" && grep -q "某局&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;引号&quot; &#39;单&#39;" "$tmp/hs/index.html"'
# Outside a project an agency is its directory's last name: two of one name
# and year are an error, and the second is left out rather than hiding the first.
mkdir -p "$tmp/two/x/y" "$tmp/two/z/y"
cp examples/city/jiaoyu/2020.yaml "$tmp/two/x/y/"
cp examples/city/tongji/2020.yaml "$tmp/two/z/y/"
t same-agency-twice '[ "$(status "$BIN" site -q -o "$tmp/tw" "$tmp/two")" = 1 ] &&
	"$BIN" site -q -o "$tmp/tw" "$tmp/two" 2>&1 | grep -q "z/y/2020.yaml: error: a second report of y for 2020" &&
	grep -q "青石市临江区教育局" "$tmp/tw/index.html" && ! grep -q "统计局" "$tmp/tw/index.html"'
mkdir -p "$tmp/badtpl"
python3 -c "
import json, sys
t = json.load(open('templates/gov-2021.json'))
t['site']['charts'][1]['series'] = []
json.dump(t, open(sys.argv[1], 'w'), ensure_ascii=False)" "$tmp/badtpl/gov-2021.json"
t bad-site-template '[ "$(status "$BIN" site -q --templates "$tmp/badtpl" -o "$tmp/bs" "$city")" = 2 ] &&
	"$BIN" site -q --templates "$tmp/badtpl" -o "$tmp/bs" "$city" 2>&1 | grep -q "a \"site\" chart needs \"series\""'
mkdir -p "$tmp/noproj"
cp examples/city/jiaoyu/2020.yaml "$tmp/noproj/2020.yaml"
t needs-output '[ "$(status "$BIN" site "$tmp/noproj")" = 2 ] && "$BIN" site "$tmp/noproj" 2>&1 | grep -q "site needs -o DIR"'

# ---- the same bytes, and only what depends on a changed source ---------------------------------

t reproducible '"$BIN" site -q -o "$tmp/site2" "$city" 2>/dev/null; diff -r "$site" "$tmp/site2"'
cp -r "$site" "$tmp/pristine"
stamps() { (cd "$1" && find . -type f | sort | xargs stat -c "%n %i %Y.%y"); }
stamps "$site" >"$tmp/before"
files=$(find "$site" -type f ! -name .gireport-site | wc -l)
t rebuild-nothing '"$BIN" site -o "$site" "$city" 2>&1 | grep -q "0 files written, $files unchanged, 0 removed" &&
	stamps "$site" | diff "$tmp/before" -'
# 教育局 2021: 行政许可 本年处理决定数量 31 → 32 (a key figure the charts do not
# draw): its report and agency pages change, and the summary in each order.
sed -i 's/^  licensing: *31 /  licensing: 32 /' "$city/jiaoyu/2021.yaml"
t rebuild-one-source 'grep -q "^  licensing: 32 " "$city/jiaoyu/2021.yaml" &&
	"$BIN" site -o "$site" "$city" 2>&1 | grep -q "6 files written, $((files - 6)) unchanged, 0 removed" &&
	stamps "$site" | diff "$tmp/before" - | sed -n "s/^> \.\/\([^ ]*\) .*/\1/p" >"$tmp/changed" &&
	printf "%s\n" agencies/jiaoyu.html reports/jiaoyu/2021.html summary-granted.html summary-received.html \
		summary-review.html summary.html | diff - "$tmp/changed"'
t rebuild-same-as-fresh '"$BIN" site -q -o "$tmp/site3" "$city" 2>/dev/null; diff -r "$site" "$tmp/site3" >/dev/null'
# An agency that left the tree leaves the site: its pages and copies go (by
# the site's list of its own files, .gireport-site), a file of someone
# else's in the directory stays.
echo mine >"$site/notes.txt"
rm "$city/wenlv/2020.yaml"
t prune-removed-agency '"$BIN" site -o "$site" "$city" 2>&1 | grep -q " unchanged, 4 removed$" &&
	! [ -e "$site/agencies/wenlv.html" ] && ! [ -e "$site/reports/wenlv" ] && [ -f "$site/notes.txt" ] &&
	! grep -q wenlv "$site/index.html" && ! grep -q wenlv "$site/.gireport-site" &&
	{ "$BIN" site -q -o "$tmp/site4" "$city" 2>/dev/null; diff -r -x notes.txt "$site" "$tmp/site4"; }'
printf '../escape\n/etc/passwd\nagencies/../../x\n' >>"$site/.gireport-site"
echo keep >"$tmp/escape"
t prune-stays-inside '"$BIN" site -q -o "$site" "$city" 2>/dev/null; [ -f "$tmp/escape" ] && [ -f /etc/passwd ]'

# valgrind memcheck of a whole site (with VALGRIND set, not on the ASan build):
# a fresh one, and one over it after a source was removed (the pruning).
if [ -n "$VALGRIND" ] && [ "${BUILD:-build}" != "${ASAN_BUILD:-}" ] && command -v valgrind >/dev/null; then
	vg() {
		valgrind -q --leak-check=full --show-leak-kinds=definite,indirect,possible \
			--errors-for-leak-kinds=definite,indirect,possible --error-exitcode=99 "$@" \
			>/dev/null 2>"$tmp/vg"
		[ $? -ne 99 ]
	}
	t valgrind:site 'vg "$BIN" site -q -o "$tmp/vgsite" "$city" && rm "$city/tongji/2020.yaml" &&
		vg "$BIN" site -q -o "$tmp/vgsite" "$city" && [ ! -e "$tmp/vgsite/reports/tongji/2020.html" ] || { cat "$tmp/vg"; false; }'
else # the same lines in every run, for tests/counts
	skip valgrind:site "VALGRIND=1 runs it, on the normal build"
fi

# ---- in the browser --------------------------------------------------------------------------

if [ -n "$ASAN_OPTIONS" ]; then
	echo "site: the browser checks run on the normal build only" >&2
	exit 0
fi
CHROMIUM=${CHROMIUM:-$(command -v chromium || command -v chromium-browser)}
if [ -z "$CHROMIUM" ]; then
	fail "chromium" "chromium is not installed (apt-get install chromium)"
	exit 0
fi
T_DIR=
browse="$tmp/browse"
cp -r "$tmp/pristine" "$browse"
# The page with site.js before </body>, next to the page itself.
for p in $pages; do
	page=$browse/$p
	test=${page%.html}.gir-test.html
	sed '/^<\/body>$/,$d' "$page" >"$test"
	printf '<script data-gir-test="">\n' >>"$test"
	cat tests/suites/site.js >>"$test"
	printf '</script>\n</body>\n</html>\n' >>"$test"
done
run_chromium() { # test page
	timeout 120 "$CHROMIUM" --headless --no-sandbox --disable-gpu --no-first-run \
		--user-data-dir="${1%.html}.profile" --no-pdf-header-footer --window-size=1200,900 \
		--print-to-pdf="${1%.html}.pdf" --dump-dom "file://$1" >"${1%.html}.dom" 2>"${1%.html}.err"
	echo $? >"${1%.html}.status"
}
results() { # dom
	awk '/<pre id="gir-test-results" hidden/ { on = 1; sub(/.*<pre[^>]*>/, "") }
		on && /<\/pre>/ { sub(/<\/pre>.*/, ""); if ($0 != "") print; exit }
		on && $0 != "" { print }' "$1" |
		sed -e 's/&lt;/</g' -e 's/&gt;/>/g' -e 's/&quot;/"/g' -e 's/&amp;/\&/g'
}
# Every page of the site but the reports' own (html.sh checks those): index,
# summary, charts and the twelve agencies, two at a time.
set -- index summary charts $(cd "$browse" && ls agencies/*.html | grep -v gir-test | sed 's/\.html$//')
start=$(date +%s)
while [ $# -gt 0 ]; do
	run_chromium "$browse/$1.gir-test.html" &
	[ $# -lt 2 ] || run_chromium "$browse/$2.gir-test.html" &
	wait
	shift $(($# < 2 ? $# : 2))
done
for p in index summary charts $(cd "$browse" && ls agencies/*.html | grep -v gir-test | sed 's/\.html$//'); do
	base=$browse/$p.gir-test
	if [ "$(cat "$base.status")" != 0 ]; then
		fail "$p:chromium" "$(tail -5 "$base.err")"
		continue
	fi
	results "$base.dom" >"$base.results"
	if ! [ -s "$base.results" ]; then
		fail "$p:dom" "no results from site.js: $(tail -3 "$base.err")"
		continue
	fi
	grep -E '^(PASS|FAIL) ' "$base.results" | sed -e "s#^PASS #PASS site:$p:#" -e "s#^FAIL #FAIL site:$p:#"
	t "$p:links-resolve" 'n=0; for u in $(sed -n "s/^LINK //p" "$base.results"); do
			n=$((n + 1)); f=${u#file://}; f=${f%%#*}
			case $u in file://"$browse"/*) ;; *) echo "$u is outside the site"; exit 1 ;; esac
			[ -f "$f" ] || { echo "$u: no such file"; exit 1; }
		done; [ $n -gt 3 ]'
	t "$p:print-a4" 'pdfinfo "$base.pdf" | grep -E "^Page size: +59[45]\.[0-9]+ x 84[12]\.[0-9]+ pts"'
done
t charts-count 'grep -q "^CHARTS 8$" "$browse/charts.gir-test.results"'
echo "site: $(($(date +%s) - start)) s in Chromium" >&2
