#!/bin/sh
# OFD benchmarks (figures, not pass/fail), called by tests/bench.sh: one
# report as PDF and as OFD (process start-up included) and their sizes, then
# 1,000 of each in one invocation on two workers.  Aim (issue 18): the OFD
# within 1.5 times the PDF's time and size.
BUILD=${BUILD:-build}
BIN=$BUILD/gireport
M=$BUILD/measure
set -e
. tests/bench-lib.sh
[ -x "$M" ] || cc -O2 -o "$M" tools/measure.c
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
ex=examples/lvyuan-tongji-2020.yaml

echo "OFD of one report ($ex), mean of 20 runs, including process start-up:"
printf '  build -f pdf:         '; "$M" 20 "$BIN" build --force -f pdf -o "$tmp" "$ex"
printf '  build -f ofd:         '; "$M" 20 "$BIN" build --force -f ofd -o "$tmp" "$ex"
printf '  file size:            PDF %s bytes, OFD %s bytes\n' "$(wc -c <"$tmp/lvyuan-tongji-2020.pdf")" \
	"$(wc -c <"$tmp/lvyuan-tongji-2020.ofd")"

copies "$tmp/many" 1000
echo "1,000 reports in one invocation, -j 2 (divide by 1,000 for per report):"
printf '  build -f pdf:         '; "$M" 1 "$BIN" build --force -j 2 -f pdf "$tmp"/many/*.yaml
printf '  build -f ofd:         '; "$M" 1 "$BIN" build --force -j 2 -f ofd "$tmp"/many/*.yaml
printf '  total size:           PDF %s KB, OFD %s KB\n' "$(du -ck "$tmp"/many/*.pdf | tail -1 | cut -f1)" \
	"$(du -ck "$tmp"/many/*.ofd | tail -1 | cut -f1)"
