#!/bin/sh
# DOCX benchmarks (figures, not pass/fail), called by tests/bench.sh: what a
# .docx adds to one report's build (txt,md against txt,md,docx, with
# process start-up), its size, and 1,000 .docx built in one invocation on
# two workers.  Aims (issue #17): under 5 ms and 40 KB a report.
BUILD=${BUILD:-build}
BIN=$BUILD/gireport
M=$BUILD/measure
set -e
. tests/bench-lib.sh
[ -x "$M" ] || cc -O2 -o "$M" tools/measure.c
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
ex=examples/lvyuan-tongji-2020.yaml

echo "DOCX of one report ($ex), mean of 50 runs, including process start-up:"
printf '  build -f txt,md:      '; "$M" 50 "$BIN" build --force -f txt,md -o "$tmp" "$ex"
printf '  build -f txt,md,docx: '; "$M" 50 "$BIN" build --force -f txt,md,docx -o "$tmp" "$ex"
printf '  build -f docx:        '; "$M" 50 "$BIN" build --force -f docx -o "$tmp" "$ex"
printf '  file size:            %s bytes\n' "$(wc -c <"$tmp/lvyuan-tongji-2020.docx")"

copies "$tmp/many" 1000
echo "1,000 .docx in one invocation, -j 2 (divide by 1,000 for per report):"
printf '  build -f docx:        '; "$M" 1 "$BIN" build --force -j 2 -f docx "$tmp"/many/*.yaml
printf '  total size:           %s KB\n' "$(du -ck "$tmp"/many/*.docx | tail -1 | cut -f1)"
