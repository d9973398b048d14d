#!/bin/sh
# Every input that once crashed a fuzz target (fuzz/crashers/ for sources,
# fuzz/crashers-import/ for gireport import, fuzz/crashers-template/ for
# templates, fuzz/crashers-project/ for gireport.yaml, fuzz/crashers-docx/ for the DOCX writer,
# fuzz/crashers-ofd/ for the OFD writer, fuzz/crashers-import-html/, -docx/ and -pdf/ for the import readers) and every
# example, seed and real page goes through it again without a crash.
# Each result is named after the replayer and the file ("PASS replay-import:
# fuzz/crashers-import/…"), so SUITE is the replayer while it runs.
SUITE=crashers
. tests/lib.sh

replay() { # replayer files...
	prog=$1; shift
	SUITE=$prog
	for f in "$@"; do
		[ -f "$f" ] || continue
		if "$BUILD/$prog" "$f" >"$_t_out" 2>&1; then
			pass "$f"
		else
			fail "$f" "$(cat "$_t_out")"
		fi
	done
	SUITE=crashers
}

replay replay fuzz/crashers/* examples/*.yaml
replay replay-import fuzz/crashers-import/* tests/seeds/*.txt
replay replay-template fuzz/crashers-template/* templates/*.json fuzz/seeds-template/*
replay replay-project fuzz/crashers-project/* fuzz/seeds-project/* examples/city/gireport.yaml
replay replay-docx fuzz/crashers-docx/* examples/*.yaml tests/golden/*.yaml
replay replay-ofd fuzz/crashers-ofd/* examples/*.yaml tests/golden/*.yaml
replay replay-import-html fuzz/crashers-import-html/* tests/real/*.html
replay replay-import-docx fuzz/crashers-import-docx/* tests/real/*.docx
# poppler's fontconfig lookups for fonts a PDF does not embed are not ours
LSAN_OPTIONS=suppressions=$(pwd)/tests/lsan-poppler.supp replay replay-import-pdf \
	fuzz/crashers-import-pdf/* fuzz/seeds-import-pdf/*
# Every shell script of the project parses, those no suite runs too (make
# fuzz's, make bench's): merges once left a loop open in fuzz/run.sh and in
# tests/bench-import.sh, which only running them showed.
SUITE=scripts
t parse 'for f in fuzz/*.sh tests/*.sh tests/suites/*.sh tools/*.sh .ci/run contrib/pre-commit; do [ -f "$f" ] || continue; sh -n "$f" || { echo "$f"; exit 1; }; done' 
