#!/bin/sh
# Runs every test suite.  Each suite is a script that reads BUILD from the
# environment and prints "PASS name" or "FAIL name" lines (details after a
# FAIL).  The suites run once on the normal build; when ASAN_BUILD names an
# AddressSanitizer/UBSan build they run again on it ("asan:" names); with
# VALGRIND=1 the valgrind memcheck suite runs too.  The last line is
# "N passed, N failed" over everything.
cd "$(dirname "$0")/.." || exit 2
log=$(mktemp)
trap 'rm -f "$log"' EXIT

suites="tests/unit.sh tests/golden.sh tests/diagnostics.sh tests/seeds.sh tests/cli.sh"
for s in tests/suites/*.sh; do
	[ -f "$s" ] && suites="$suites $s"
done

run_all() { # build prefix
	for s in $suites; do
		echo "== $2$(basename "$s" .sh)"
		BUILD=$1 sh "$s" 2>&1 | sed -e "s/^PASS /PASS $2/" -e "s/^FAIL /FAIL $2/" |
			tee -a "$log" | grep -v '^PASS '
	done
}

run_all "${BUILD:-build}" ""
if [ -n "$ASAN_BUILD" ] && [ -x "$ASAN_BUILD/gireport" ]; then
	export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
	export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
	run_all "$ASAN_BUILD" "asan:"
	unset ASAN_OPTIONS UBSAN_OPTIONS
fi
if [ -n "$VALGRIND" ]; then
	echo "== valgrind"
	BUILD=${BUILD:-build} sh tests/valgrind.sh 2>&1 | tee -a "$log" | grep -v '^PASS '
fi

passed=$(grep -c '^PASS ' "$log")
failed=$(grep -c '^FAIL ' "$log")
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
