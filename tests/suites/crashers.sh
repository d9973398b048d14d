#!/bin/sh
# Every input that once crashed the fuzz target (fuzz/crashers/) and every
# example goes through the whole pipeline again without a crash.
BUILD=${BUILD:-build}
for f in fuzz/crashers/* examples/*.yaml; do
	[ -f "$f" ] || continue
	if "$BUILD/replay" "$f" >/dev/null 2>&1; then
		echo "PASS replay:$f"
	else
		echo "FAIL replay:$f"
	fi
done
