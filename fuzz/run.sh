#!/bin/sh
# Builds the libFuzzer targets with clang and runs each for FUZZ_SECONDS
# (default 60) on 2 workers: fuzz_report (any bytes as a source, through the
# whole pipeline) from the examples and test sources, fuzz_import (any bytes
# as a report's text, through gireport import) from the seeds and the
# examples rendered as txt and md, fuzz_template (any bytes as two template
# files beside the built-ins, "extends" chains included) from templates/ and
# fuzz/seeds-template/, fuzz_project (any bytes as gireport.yaml) from
# fuzz/seeds-project/.  New crashes are written to fuzz/crashers/,
# fuzz/crashers-import/, fuzz/crashers-template/ and fuzz/crashers-project/;
# add each as a regression case.  FUZZ_TARGETS="template project" runs only
# those.  fuzz_docx (sources through the DOCX writer, its output read back
# with minizip and libxml2) from the sources' corpus into fuzz/crashers-docx/.
# fuzz_import_html (any bytes as a saved web page) starts from the real pages
# in tests/real/, fuzz_import_docx (bytes as a .docx's word/document.xml, or a
# whole zip) from their .docx files' XML and fuzz/seeds-import-docx/; their
# crashes go to fuzz/crashers-import-html/ and fuzz/crashers-import-docx/.
# fuzz_import_pdf (a PDF through poppler and the PDF reader, or made-up pages
# through the reader's layout) from fuzz/seeds-import-pdf/ and two examples
# rendered as PDF, into fuzz/crashers-import-pdf/.  fuzz_ofd (sources through
# the OFD writer, its package read back with minizip and libxml2) from the
# sources' corpus into fuzz/crashers-ofd/.
set -e
cd "$(dirname "$0")/.."
out=build-fuzz
libs="$(pkg-config --libs yaml-0.1 libcjson harfbuzz harfbuzz-subset zlib libdeflate minizip libxml-2.0 poppler-glib cairo) -lhpdf -lm"
mkdir -p "$out" fuzz/corpus-work fuzz/corpus-import fuzz/crashers-import \
	fuzz/corpus-template fuzz/crashers-template fuzz/corpus-project fuzz/crashers-project fuzz/crashers-docx fuzz/crashers-ofd \
	fuzz/corpus-import-html fuzz/crashers-import-html fuzz/corpus-import-docx fuzz/crashers-import-docx \
	fuzz/corpus-import-pdf fuzz/crashers-import-pdf
make -s BUILD="$out" CC=clang \
	EXTRA_CFLAGS="-O1 -g -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined" \
	"$out/libgireport.a" "$out/gireport"
for target in report import template project docx ofd import_html import_docx import_pdf; do
	clang -O1 -g -fsanitize=fuzzer,address,undefined -Iinclude -Isrc/core -Isrc/import $(pkg-config --cflags libxml-2.0) "fuzz/fuzz_$target.c" \
		"$out/libgireport.a" $libs -o "$out/fuzz_$target"
done
cp examples/*.yaml tests/bad/*.yaml tests/ok/*.yaml tests/golden/*.yaml fuzz/corpus-work/ 2>/dev/null || true
cp tests/seeds/*.txt fuzz/corpus-import/
cp templates/*.json fuzz/seeds-template/* fuzz/corpus-template/
cp fuzz/seeds-project/* examples/city/gireport.yaml fuzz/corpus-project/
for src in examples/*.yaml; do
	name=$(basename "$src" .yaml)
	for fmt in txt md; do
		ASAN_OPTIONS=detect_leaks=0 "$out/gireport" build --stdout -f $fmt "$src" \
			>"fuzz/corpus-import/$name.$fmt" 2>/dev/null || true
	done
done
# The real pages without their style attributes (a third of their size:
# more runs a second), and the small .docx of the readers' suite.
for f in tests/real/*.html; do
	sed -E 's/ (style|class|width|height|valign|align|border|cellspacing|cellpadding|lang)=("[^"]*"|[^ >]*)//g' \
		"$f" >"fuzz/corpus-import-html/$(basename "$f")"
done
cp fuzz/seeds-import-docx/* fuzz/corpus-import-docx/
for f in tests/real/*.docx; do
	unzip -p "$f" word/document.xml >"fuzz/corpus-import-docx/$(basename "$f" .docx).xml"
done
cp fuzz/seeds-import-pdf/* fuzz/corpus-import-pdf/
for src in examples/lvyuan-tongji-2020.yaml examples/erqi-tongji-2020.yaml; do
	ASAN_OPTIONS=detect_leaks=0 "$out/gireport" build --stdout -f pdf "$src" \
		>"fuzz/corpus-import-pdf/$(basename "$src" .yaml).pdf" 2>/dev/null || true
done
run() { # target corpus crashers-dir
	"$out/fuzz_$1" -max_total_time="${FUZZ_SECONDS:-60}" -max_len="${MAX_LEN:-65536}" -timeout=10 \
		-rss_limit_mb=2048 -fork=2 -ignore_crashes=1 -ignore_ooms=1 -ignore_timeouts=1 \
		-artifact_prefix="$3/" -print_final_stats=1 "$2" 2>&1 |
		tee "$out/fuzz_$1.log" | grep -E "^#|stat::|ERROR|SUMMARY" | tail -20
}
targets=${FUZZ_TARGETS:-report import template project docx ofd import_html import_docx import_pdf}
for target in $targets; do
	echo "== fuzz_$target"
	case $target in
	report) run report fuzz/corpus-work fuzz/crashers ;;
	docx) run docx fuzz/corpus-work fuzz/crashers-docx ;;
	ofd) run ofd fuzz/corpus-work fuzz/crashers-ofd ;;
	import_html) run import_html fuzz/corpus-import-html fuzz/crashers-import-html ;;
	import_docx) MAX_LEN=262144 run import_docx fuzz/corpus-import-docx fuzz/crashers-import-docx ;;
	import_pdf) LSAN_OPTIONS=suppressions=$(pwd)/tests/lsan-poppler.supp run import_pdf \
		fuzz/corpus-import-pdf fuzz/crashers-import-pdf ;;
	*) run "$target" "fuzz/corpus-$target" "fuzz/crashers-$target" ;;
	esac
done
