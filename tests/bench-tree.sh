#!/bin/sh
# Trees of many sources (issue 6): 1,000 and 10,000 sources checked, and
# 1,000 built on 2 workers, in txt, md and pdf and in every format; time and
# peak RSS (the largest of the processes).  Aims: check 10,000 in under 2 s;
# build 1,000 in every format in under 15 s on 2 cores (issues 6 and 16);
# memory flat as the count grows.
BUILD=${BUILD:-build}
BIN=$BUILD/gireport
M=$BUILD/measure
set -e
. tests/bench-lib.sh
[ -x "$M" ] || cc -O2 -o "$M" tools/measure.c
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for n in 1000 10000; do
	copies "$tmp/t$n" "$n"
	printf '  check %5d sources, -j 2:           ' "$n"; "$M" 1 "$BIN" check -q -j 2 "$tmp/t$n"
	printf '  check %5d sources, one process:    ' "$n"; "$M" 1 "$BIN" check -q -j 1 "$tmp/t$n"
done
printf '  build  1000 sources, txt,md,pdf, -j 2: '; "$M" 1 "$BIN" build -q -j 2 -f txt,md,pdf "$tmp/t1000"
printf '  again, all up to date:                 '; "$M" 1 "$BIN" build -q -j 2 -f txt,md,pdf "$tmp/t1000"
all=txt,md,pdf,html,json,docx,ofd
printf '  build  1000 sources, every format (%s), -j 2:\n                                         ' "$all"
"$M" 1 "$BIN" build -q --force -j 2 -f "$all" "$tmp/t1000"
