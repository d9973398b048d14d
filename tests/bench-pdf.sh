#!/bin/sh
# PDF benchmarks (figures, not pass/fail), called by tests/bench.sh: one
# example's PDF (wall time with process start-up, peak RSS, file size), the
# size of every example's PDF, and 1,000 PDFs built in one invocation.
# Aims (issue #4): under 30 ms and 150 KB a report, under 50 MB RSS.
BUILD=${BUILD:-build}
BIN=$BUILD/gireport
M=$BUILD/measure
set -e
. tests/bench-lib.sh
[ -x "$M" ] || cc -O2 -o "$M" tools/measure.c
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
ex=examples/lvyuan-tongji-2020.yaml

kb() { echo "$(($(wc -c <"$1") / 1024)) KB"; }

echo "PDF of one report ($ex), mean of 20 runs, including process start-up:"
printf '  build -f pdf:       '; "$M" 20 "$BIN" build --force -f pdf -o "$tmp" "$ex"
printf '  file size:          %s\n' "$(kb "$tmp/lvyuan-tongji-2020.pdf")"
echo "PDF of every example:"
for src in examples/*.yaml; do
	"$BIN" build -f pdf -o "$tmp" "$src" 2>/dev/null
	pdf=$tmp/$(basename "$src" .yaml).pdf
	printf '  %-28s %s, %s pages\n' "$(basename "$src")" "$(kb "$pdf")" \
		"$(pdfinfo "$pdf" 2>/dev/null | sed -n 's/^Pages: *//p')"
done

copies "$tmp/many" 1000
echo "1,000 PDFs in one invocation (divide by 1,000 for per report):"
printf '  build -f pdf:       '; "$M" 1 "$BIN" build --force -j 1 -f pdf "$tmp"/many/*.yaml
printf '  total size:         %s MB\n' "$(du -cm "$tmp"/many/*.pdf | tail -1 | cut -f1)"
