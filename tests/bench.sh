#!/bin/sh
# Benchmarks (figures, not pass/fail): one example checked and rendered, and
# 1,000 sources checked and built in one run.
BUILD=${BUILD:-build}
BIN=$BUILD/gireport
M=$BUILD/measure
set -e
. tests/bench-lib.sh
cc -O2 -o "$M" tools/measure.c
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
ex=examples/lvyuan-tongji-2020.yaml

echo "one report ($ex), mean of 50 runs, including process start-up:"
printf '  check:              '; "$M" 50 "$BIN" check "$ex"
printf '  build -f txt,md:    '; "$M" 50 "$BIN" build --force -f txt,md -o "$tmp" "$ex"

copies "$tmp/many" 1000
echo "1,000 sources in one invocation (divide by 1,000 for per report):"
printf '  check:              '; "$M" 3 "$BIN" check -j 1 "$tmp"/many/*.yaml
printf '  build -f txt,md:    '; "$M" 3 "$BIN" build --force -j 1 -f txt,md "$tmp"/many/*.yaml
if [ -f tests/bench-pdf.sh ]; then
	BUILD=$BUILD sh tests/bench-pdf.sh
fi
BUILD=$BUILD sh tests/bench-docx.sh
BUILD=$BUILD sh tests/bench-ofd.sh
echo "import:"
BUILD=$BUILD sh tests/bench-import.sh
echo "trees of sources:"
BUILD=$BUILD sh tests/bench-tree.sh
echo "a city's site:"
BUILD=$BUILD sh tests/bench-site.sh
echo "anchors (Typst, pandoc → WeasyPrint; installed on first use):"
BUILD=$BUILD sh tests/bench-anchors.sh
