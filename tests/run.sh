#!/bin/sh
# Runs every test suite.  Each suite prints "PASS name" or "FAIL name" lines
# (and details after a FAIL); this script counts them and ends with the one
# line "N passed, N failed".
BUILD=${BUILD:-build}
export BUILD
cd "$(dirname "$0")/.." || exit 2
log=$(mktemp)
trap 'rm -f "$log"' EXIT

run_suite() {
	name=$1; shift
	echo "== $name"
	"$@" 2>&1 | tee -a "$log" | grep -v '^PASS '
}

# cmocka unit tests, reported as TAP.
unit() {
	for t in "$BUILD"/test_*; do
		[ -x "$t" ] || continue
		CMOCKA_MESSAGE_OUTPUT=TAP "$t" 2>&1 | sed -n \
			-e "s/^ok [0-9]* - \(.*\)/PASS $(basename "$t"):\1/p" \
			-e "s/^not ok [0-9]* - \(.*\)/FAIL $(basename "$t"):\1/p" \
			-e '/^#/p'
		# A crash leaves no TAP line: count it as a failure of its own.
		CMOCKA_MESSAGE_OUTPUT=TAP "$t" >/dev/null 2>&1 || [ $? -le 1 ] || echo "FAIL $(basename "$t"):crashed"
	done
}

run_suite unit unit
for s in golden diagnostics seeds cli; do
	run_suite "$s" sh "tests/$s.sh"
done
for s in tests/suites/*.sh; do
	[ -f "$s" ] && run_suite "$(basename "$s" .sh)" sh "$s"
done

passed=$(grep -c '^PASS ' "$log")
failed=$(grep -c '^FAIL ' "$log")
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
