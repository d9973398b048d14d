#!/bin/sh
# Every input that once crashed a fuzz target (fuzz/crashers/ for sources,
# fuzz/crashers-import/ for gireport import) and every example and seed goes
# through it again without a crash.
BUILD=${BUILD:-build}
for f in fuzz/crashers/* examples/*.yaml; do
	[ -f "$f" ] || continue
	if "$BUILD/replay" "$f" >/dev/null 2>&1; then
		echo "PASS replay:$f"
	else
		echo "FAIL replay:$f"
	fi
done
for f in fuzz/crashers-import/* tests/seeds/*.txt; do
	[ -f "$f" ] || continue
	if "$BUILD/replay-import" "$f" >/dev/null 2>&1; then
		echo "PASS replay-import:$f"
	else
		echo "FAIL replay-import:$f"
	fi
done
