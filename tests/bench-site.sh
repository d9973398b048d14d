#!/bin/sh
# gireport site (issue 20): the 24-source city, and a city of 1,000 sources
# (500 agencies × 2 years, copies of examples/city's bureaus), each after
# `gireport build -f html,pdf` made the files it links; time and peak RSS of
# a first site build, and of one after nothing changed (every page made
# again, none written).  Aim: 1,000 sources in under 5 s.
BUILD=${BUILD:-build}
BIN=$BUILD/gireport
M=$BUILD/measure
set -e
[ -x "$M" ] || cc -O2 -o "$M" tools/measure.c
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp -r examples/city "$tmp/city"
rm -rf "$tmp/city/out"
"$BIN" build -q -j 2 -f html,pdf "$tmp/city"
printf '  site, city of 24 sources:            '; "$M" 1 "$BIN" site -q -o "$tmp/site24" "$tmp/city"
printf '  again, nothing changed:              '; "$M" 1 "$BIN" site -q -o "$tmp/site24" "$tmp/city"
mkdir -p "$tmp/big"
cp examples/city/gireport.yaml "$tmp/big/"
i=0
while [ $i -lt 500 ]; do
	for d in examples/city/*/; do
		[ $i -lt 500 ] || break
		mkdir -p "$tmp/big/a$i"
		cp "$d"2020.yaml "$d"2021.yaml "$tmp/big/a$i/"
		i=$((i + 1))
	done
done
"$BIN" build -q -j 2 -f html,pdf "$tmp/big"
printf '  site, 1,000 sources (html, pdf built): '; "$M" 1 "$BIN" site -q -j 2 -o "$tmp/site1000" "$tmp/big"
printf '  again, nothing changed:                '; "$M" 1 "$BIN" site -q -j 2 -o "$tmp/site1000" "$tmp/big"
