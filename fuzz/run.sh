#!/bin/sh
# Builds the libFuzzer targets with clang and runs each for FUZZ_SECONDS
# (default 60) on 2 workers: fuzz_report (any bytes as a source, through the
# whole pipeline) from the examples and test sources, fuzz_import (any bytes
# as a report's text, through gireport import) from the seeds and the
# examples rendered as txt and md, fuzz_import_pdf (a PDF through poppler
# and the PDF reader, or made-up pages through the reader's layout) from
# fuzz/seeds-import-pdf/ and two examples rendered as PDF.  New crashes are
# written to fuzz/crashers/, fuzz/crashers-import/ and
# fuzz/crashers-import-pdf/; add each as a regression case.
set -e
cd "$(dirname "$0")/.."
out=build-fuzz
libs="$(pkg-config --libs yaml-0.1 libcjson harfbuzz harfbuzz-subset zlib poppler-glib cairo) -lhpdf -lm"
mkdir -p "$out" fuzz/corpus-work fuzz/corpus-import fuzz/crashers-import fuzz/corpus-import-pdf \
	fuzz/crashers-import-pdf
make -s BUILD="$out" CC=clang \
	EXTRA_CFLAGS="-O1 -g -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined" \
	"$out/libgireport.a" "$out/gireport"
for target in report import import_pdf; do
	clang -O1 -g -fsanitize=fuzzer,address,undefined -Iinclude -Isrc/core -Isrc/import \
		"fuzz/fuzz_$target.c" "$out/libgireport.a" $libs -o "$out/fuzz_$target"
done
cp examples/*.yaml tests/bad/*.yaml tests/golden/*.yaml fuzz/corpus-work/ 2>/dev/null || true
cp tests/seeds/*.txt fuzz/corpus-import/
for src in examples/*.yaml; do
	name=$(basename "$src" .yaml)
	for fmt in txt md; do
		ASAN_OPTIONS=detect_leaks=0 "$out/gireport" build --stdout -f $fmt "$src" \
			>"fuzz/corpus-import/$name.$fmt" 2>/dev/null || true
	done
done
cp fuzz/seeds-import-pdf/* fuzz/corpus-import-pdf/
for src in examples/lvyuan-tongji-2020.yaml examples/erqi-tongji-2020.yaml; do
	ASAN_OPTIONS=detect_leaks=0 "$out/gireport" build --stdout -f pdf "$src" \
		>"fuzz/corpus-import-pdf/$(basename "$src" .yaml).pdf" 2>/dev/null || true
done
run() { # target corpus crashers-dir
	"$out/fuzz_$1" -max_total_time="${FUZZ_SECONDS:-60}" -max_len=65536 -timeout=10 \
		-rss_limit_mb=2048 -fork=2 -ignore_crashes=1 -ignore_ooms=1 -ignore_timeouts=1 \
		-artifact_prefix="$3/" -print_final_stats=1 "$2" 2>&1 |
		tee "$out/fuzz_$1.log" | grep -E "^#|stat::|ERROR|SUMMARY" | tail -20
}
echo "== fuzz_report"
run report fuzz/corpus-work fuzz/crashers
echo "== fuzz_import"
run import fuzz/corpus-import fuzz/crashers-import
echo "== fuzz_import_pdf"
LSAN_OPTIONS=suppressions=$(pwd)/tests/lsan-poppler.supp run import_pdf fuzz/corpus-import-pdf fuzz/crashers-import-pdf
