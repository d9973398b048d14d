#!/bin/sh
# Every input that once crashed a fuzz target (fuzz/crashers/ for sources,
# fuzz/crashers-import/ for gireport import, fuzz/crashers-import-pdf/ for
# its PDF reader) and every example and seed goes through it again without a
# crash.
BUILD=${BUILD:-build}

replay() { # replayer files...
	prog=$1; shift
	for f in "$@"; do
		[ -f "$f" ] || continue
		if "$BUILD/$prog" "$f" >/dev/null 2>&1; then
			echo "PASS $prog:$f"
		else
			echo "FAIL $prog:$f"
		fi
	done
}

replay replay fuzz/crashers/* examples/*.yaml
replay replay-import fuzz/crashers-import/* tests/seeds/*.txt
# poppler's fontconfig lookups for fonts a PDF does not embed are not ours
LSAN_OPTIONS=suppressions=$(pwd)/tests/lsan-poppler.supp replay replay-import-pdf \
	fuzz/crashers-import-pdf/* fuzz/seeds-import-pdf/*
