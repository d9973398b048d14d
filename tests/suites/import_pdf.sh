#!/bin/sh
# gireport import of a PDF (docs/import.md, "PDF"):
#  - round trip: every example and golden source that builds, rendered by
#    gireport as PDF (tables with merged cells, labels wrapped in their
#    cells, tables across pages with their header repeated, page numbers,
#    paragraphs wrapped and broken across pages) and imported, gives a
#    source whose JSON (every cell, paragraph, title, date, signatory) is
#    the original's.
#  - bad inputs: a truncated PDF, junk after %PDF-, an encrypted PDF, a PDF
#    with no text: an error naming the cause and what to do, nothing written.
#  - real published PDFs of the corpus (tests/real/): every cell against the
#    ground truth.
SUITE=import_pdf
. tests/lib.sh
BIN=$BUILD/gireport
# Under AddressSanitizer: poppler's fontconfig lookups are not ours to free.
export LSAN_OPTIONS=suppressions=$(pwd)/tests/lsan-poppler.supp

json() { # the JSON without the file name and generator
	"$BIN" build --stdout -f json "$1" | grep -v '"file"\|"generator"'
}

# ---- round trip through gireport's own PDF -----------------------------------

# What a PDF cannot carry, as for the text import (import.sh): the agency
# where neither the title nor the signature block shows it (several
# signatories), a space at a line end before CJK ("#45⏎条"), and a paragraph
# written as a Markdown table row, which the text reader takes for one.  For
# these sources those lines are left out of the comparison; every cell and
# every other line is compared.
known() { # source: a sed script dropping the known differences
	case $1 in
	tests/golden/features-multiple-signatories.yaml) echo '/^	"agency":/d' ;;
	tests/golden/features-markup-escaping.yaml) echo '/"text":/d;/"kind":	"paragraph"/d;/^[[:space:]]*}, {$/d' ;;
	*) echo '' ;;
	esac
}

for f in examples/*.yaml examples/city/*/*.yaml tests/golden/*.yaml; do
	"$BIN" build --stdout -f pdf "$f" >"$tmp/rt.pdf" 2>/dev/null || continue
	k=$(known "$f")
	json "$f" 2>/dev/null | sed "$k" >"$tmp/rt.expected"
	t "roundtrip:$f" '"$BIN" import "$tmp/rt.pdf" >"$tmp/rt.yaml" 2>"$tmp/rt.err"; json "$tmp/rt.yaml" | sed "$k" | diff "$tmp/rt.expected" -'
done

# ---- bad inputs ----------------------------------------------------------------

"$BIN" build --stdout -f pdf examples/erqi-tongji-2020.yaml >"$tmp/good.pdf" 2>/dev/null
head -c 3000 "$tmp/good.pdf" >"$tmp/cut.pdf"
t "bad:truncated" '! "$BIN" import "$tmp/cut.pdf" >"$tmp/o" 2>"$tmp/e" && [ ! -s "$tmp/o" ] && grep -q "^$tmp/cut.pdf: error: a PDF poppler cannot read" "$tmp/e" && grep -q "qpdf --check" "$tmp/e"'
printf '%%PDF-1.4\nnot a pdf at all\n' >"$tmp/junk.pdf"
t "bad:junk-after-header" '! "$BIN" import "$tmp/junk.pdf" >"$tmp/o" 2>"$tmp/e" && [ ! -s "$tmp/o" ] && grep -q ": error: a PDF poppler cannot read" "$tmp/e"'
if command -v qpdf >/dev/null; then
	qpdf --encrypt secret owner 256 -- "$tmp/good.pdf" "$tmp/locked.pdf"
	t "bad:encrypted" '! "$BIN" import "$tmp/locked.pdf" >"$tmp/o" 2>"$tmp/e" && [ ! -s "$tmp/o" ] && grep -q "encrypted" "$tmp/e" && grep -q "qpdf --decrypt" "$tmp/e"'
	# Encrypted with an empty user password (only printing restricted): readable.
	qpdf --encrypt "" owner 256 -- "$tmp/good.pdf" "$tmp/open.pdf"
	t "encrypted-no-password-reads" '"$BIN" import "$tmp/open.pdf" >"$tmp/o.yaml" 2>/dev/null && json "$tmp/o.yaml" | diff - "$(json examples/erqi-tongji-2020.yaml >"$tmp/x.json"; echo "$tmp/x.json")"'
else
	fail qpdf-missing "qpdf is not installed (make deps installs it)"
fi
# A page with a line and no text: a scan, as far as text goes.
cat >"$tmp/notext.pdf" <<'PDF'
%PDF-1.4
1 0 obj <</Type/Catalog/Pages 2 0 R>> endobj
2 0 obj <</Type/Pages/Kids[3 0 R]/Count 1>> endobj
3 0 obj <</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Contents 4 0 R>> endobj
4 0 obj <</Length 22>> stream
100 100 m 400 100 l S
endstream endobj
trailer <</Root 1 0 R>>
%%EOF
PDF
t "bad:no-text" '! "$BIN" import "$tmp/notext.pdf" >"$tmp/o" 2>"$tmp/e" && [ ! -s "$tmp/o" ] && grep -q "error: the PDF holds no text" "$tmp/e" && grep -q "OCR" "$tmp/e"'
# Standard input is read as a PDF too (by its first bytes, not a name).
t "stdin" '"$BIN" import - <"$tmp/good.pdf" >"$tmp/o.yaml" 2>/dev/null && json "$tmp/o.yaml" | diff - "$tmp/x.json"'
# A diagnostic stands at the line of the PDF's text (as the import reads it)
# and quotes it: a paragraph whose number disagrees with the table.
sed '13a\  - 全年新收政府信息公开申请5件。' examples/erqi-tongji-2020.yaml >"$tmp/mis.yaml"
"$BIN" build --stdout -f pdf "$tmp/mis.yaml" >"$tmp/mis.pdf" 2>/dev/null
t "diagnostic-quotes-the-text" '"$BIN" import "$tmp/mis.pdf" 2>&1 >/dev/null | grep -A1 "^$tmp/mis.pdf:[0-9]*:1: warning: 一、总体情况: the text says 5件 but" | grep -q "| 全年新收政府信息公开申请5件。$"'

# ---- real published PDFs (tests/real/, INDEX.md) --------------------------------

# Every cell against the report's ground truth, by the corpus's own
# comparison (tests/real/tools/compare.py, as tests/suites/real.sh does for
# every format); a file tests/real/XFAIL lists is left to real.sh.
for pdf in tests/real/*.pdf; do
	[ -f "$pdf" ] || continue
	name=$(basename "$pdf" .pdf)
	[ -f "tests/real/$name.truth.json" ] || continue
	grep -q "^$name.pdf:" tests/real/XFAIL 2>/dev/null && continue
	errors=; [ -f "tests/real/$name.errors" ] && errors="tests/real/$name.errors"
	t "real:$name" '"$BIN" import "$pdf" >"$tmp/$name.yaml" 2>/dev/null; python3 tests/real/tools/compare.py "$BIN" "tests/real/$name.truth.json" "$tmp/$name.yaml" $errors'
done
