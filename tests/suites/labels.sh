#!/bin/sh
# Table labels and headers read as words, the way a reader sees the PDF:
# `pdftotext -bbox-layout` gives each text block's lines, and
# tests/suites/label_split.py finds a word of the form split across two of
# them (自然/人, 总/计, 其/他, 维/持, 商/业, 本/年度, 办/理结果).  Every example,
# every golden source and the city tree (examples/city) are checked; the
# checker itself must catch a split it is shown.  The browser's layout (on
# screen and printed) is checked by tests/suites/html.sh.
SUITE=labels
. tests/lib.sh
BIN=$BUILD/gireport
need pdftotext python3

check_pdf() { # name pdf
	pdftotext -bbox-layout "$2" "$tmp/$1.bbox.html" 2>/dev/null &&
		t "pdf:$1" "python3 tests/suites/label_split.py '$tmp/$1.bbox.html'"
}

mkdir -p "$tmp/out"
for src in examples/*.yaml tests/golden/*.yaml; do
	name=$(basename "$src" .yaml)
	if "$BIN" build -q -o "$tmp/out" -f pdf "$src" >/dev/null 2>&1 || [ -f "$tmp/out/$name.pdf" ]; then
		[ -f "$tmp/out/$name.pdf" ] && check_pdf "$name" "$tmp/out/$name.pdf"
	fi
done

cp -r examples/city "$tmp/city"
if "$BIN" build -f pdf "$tmp/city" >/dev/null 2>&1; then
	n=0
	for pdf in $(find "$tmp/city" -name '*.pdf' | sort); do
		n=$((n + 1))
		check_pdf "city-$n-$(basename "$pdf" .pdf)" "$pdf"
	done
	t city:pdfs-found '[ "$n" -ge 10 ]'
else
	fail city:build "$("$BIN" build -f pdf "$tmp/city" 2>&1 | head -5)"
fi

# The checker sees a split: a block whose lines are 自然 / 人.
cat >"$tmp/split.html" <<'X'
<doc><page><flow><block><line><word>自然</word></line><line><word>人</word></line></block></flow></page></doc>
X
t checker-finds-split '! python3 tests/suites/label_split.py "$tmp/split.html" && python3 tests/suites/label_split.py "$tmp/split.html" | grep -q "自然/人"'
cat >"$tmp/whole.html" <<'X'
<doc><page><flow><block><line><word>商业</word></line><line><word>企业</word></line></block></flow></page></doc>
X
t checker-allows-word-break 'python3 tests/suites/label_split.py "$tmp/whole.html"'
