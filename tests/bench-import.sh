#!/bin/sh
# Import benchmarks (figures, not pass/fail), called by tests/bench.sh:
# `gireport import` of each seed report, of PDFs, and of hostile texts of 1 MB and
# 16 MB (just under the 16 MiB input limit) — shapes that once cost time
# quadratic in their size: many short lines, one long line, pipe rows, an
# unclosed quotation, tab cells under a table heading.  Wall time with
# process start-up, and peak RSS.  Aims: a seed in tens of ms; 16 MB in a
# few seconds.  Texts of more than 50,000 lines are refused at once (a
# report has a few hundred), so at 16 MB only the one long line is read.
BUILD=${BUILD:-build}
BIN=$BUILD/gireport
M=$BUILD/measure
set -e
[ -x "$M" ] || cc -O2 -o "$M" tools/measure.c
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

echo "import of each seed report, mean of 10 runs:"
for f in tests/seeds/*.txt; do
	printf '  %-32s ' "$(basename "$f")"; "$M" 10 "$BIN" import "$f"
done

# Saved web pages and Word files (the readers, import_html.c and
# import_docx.c): a portal page of 116 KB (the aim: under 20 ms and 30 MB),
# the Word export of 359 KB, and the .docx made from each.
echo "import of real pages and Word files, mean of 10 runs:"
for f in tests/real/fj-pingtan-2023.html tests/real/fj-pingtan-2021.html tests/real/fj-pingtan-2023.lo.docx \
         tests/real/fj-pingtan-2021.lo.docx; do
	printf '  %-32s ' "$(basename "$f") ($(($(wc -c <"$f") / 1024)) KB)"; "$M" 10 "$BIN" import "$f"
done
# PDF (docs/import.md, "PDF"): gireport's own PDF of the examples (5 pages
# each) and the corpus's real 6-page PDF of 淮安市 2024 (WPS) when
# tests/real/ is there.  Aim: a 6-page PDF under 100 ms, peak RSS under 30 MB.
echo "import of a PDF, mean of 10 runs:"
for f in examples/erqi-tongji-2020.yaml examples/city/tongji/2021.yaml; do
	name=$(echo "$f" | tr / _ | sed 's/\.yaml$//')
	"$BIN" build --stdout -f pdf "$f" >"$tmp/$name.pdf" 2>/dev/null
	printf '  %-32s ' "$name.pdf ($(pdfinfo "$tmp/$name.pdf" 2>/dev/null | sed -n 's/^Pages: *//p') p.)"
	"$M" 10 "$BIN" import "$tmp/$name.pdf"
done
for f in tests/real/js-huaian-2024.pdf; do
	[ -f "$f" ] || continue
	printf '  %-32s ' "$(basename "$f") ($(pdfinfo "$f" 2>/dev/null | sed -n 's/^Pages: *//p') p.)"
	"$M" 10 "$BIN" import "$f"
done

# hostile SIZE NAME HEAD UNIT: HEAD, then UNIT repeated to about SIZE bytes.
hostile() {
	python3 -c 'import sys
size, head, unit = int(sys.argv[1]), sys.argv[2], sys.argv[3]
n = (size - len(head.encode())) // len(unit.encode())
sys.stdout.write(head + unit * n)' "$1" "$3" "$4" >"$tmp/$2.txt"
}
for size in 1000000 16000000; do
	echo "hostile texts of $((size / 1000000)) MB, one run each:"
	hostile "$size" lines '标题
' 'ab
'
	hostile "$size" long-line '一、总体情况
' 'a'
	hostile "$size" pipes '标题
' '|a
'
	hostile "$size" quotes '标题
一、总体情况
' '“x
'
	hostile "$size" tab-rows '标题
三、收到和处理政府信息公开申请情况
' '规章	1	2	3
'
	hostile "$size" bookmarks '标题
' '[bookmark: _GoBack]'
	for n in lines long-line pipes quotes tab-rows bookmarks; do
		printf '  %-10s ' "$n"; "$M" 1 "$BIN" import "$tmp/$n.txt"
	done
done

# Issue 19, items 4 and 5 (tests/suites/limits.sh checks that they grow
# linearly): a pipe row of 64,000 cells, a box-drawn row of 32,000 cells,
# 40,000 lines ending in CR CR LF; and the text Chromium gives of a real
# portal page (tests/import/).
{ printf '标题\n二、主动公开政府信息情况\n| 规章 |'; yes ' 1 |' | head -n 64000 | tr -d '\n'; printf '\n'; } >"$tmp/wide-pipe.txt"
{ printf '标题\n二、主动公开政府信息情况\n┌'; yes '─┬' | head -n 32000 | tr -d '\n'; printf '─┐\n│规章│'
  yes '1│' | head -n 32000 | tr -d '\n'; printf '\n└'; yes '─┴' | head -n 32000 | tr -d '\n'; printf '─┘\n'; } >"$tmp/wide-box.txt"
{ printf '标题\n一、总体情况\n'; yes '做好公开工作。' | head -n 40000 | sed 's/$/\r\r/'; } >"$tmp/crcrlf.txt"
echo "issue 19 shapes and a real page, one run each:"
for n in wide-pipe wide-box crcrlf; do
	printf '  %-24s ' "$n"; "$M" 1 "$BIN" import "$tmp/$n.txt"
done
printf '  %-24s ' "pingtan_2021 (innerText)"; "$M" 10 "$BIN" import tests/import/pingtan_2021.innertext.txt

# A city office's history at once (issue 13's aim: 1,000 pages with -j 2 under
# 10 s): the real 116 KB portal page 1,000 times, imported into one directory.
# Each copy names the same agency and year, so --force lets each overwrite the
# last; the work is the 1,000 imports.
mkdir "$tmp/pages" "$tmp/out"
i=0
while [ $i -lt 1000 ]; do
	ln -s "$(pwd)/tests/real/fj-pingtan-2023.html" "$tmp/pages/p$i.html"
	i=$((i + 1))
done
printf '  %-24s ' "1,000 pages, -j 2"
"$M" 1 "$BIN" import -q -j 2 --force -o "$tmp/out" "$tmp"/pages/*.html
