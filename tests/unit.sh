#!/bin/sh
# cmocka unit tests (tests/unit/*.c → $BUILD/test_*), reported through TAP.
BUILD=${BUILD:-build}
for t in "$BUILD"/test_*; do
	[ -x "$t" ] || continue
	name=$(basename "$t")
	out=$(CMOCKA_MESSAGE_OUTPUT=TAP "$t" 2>&1)
	status=$?
	printf '%s\n' "$out" | sed -n \
		-e "s/^ok [0-9]* - \(.*\)/PASS $name:\1/p" \
		-e "s/^not ok [0-9]* - \(.*\)/FAIL $name:\1/p" \
		-e '/^#/p'
	# A crash or sanitizer abort leaves no TAP line for the test: count it.
	[ $status -le 1 ] || { echo "FAIL $name:exit status $status"; printf '%s\n' "$out" | tail -20; }
done
