#!/bin/sh
# Runs every test suite.  Each suite is a script that reads BUILD from the
# environment and prints "PASS name", "FAIL name" (details after it) or
# "SKIP name (why)" lines, through tests/lib.sh.  The suites run once on the
# normal build; when ASAN_BUILD names an AddressSanitizer/UBSan build they
# run again on it ("asan:" names); with VALGRIND=1 the valgrind memcheck suite
# runs too.
#
# tests/counts holds the number of result lines each suite gives: a suite
# that gives another number (it stopped early, or a test went missing or
# was added) fails with "SUITE:count".  A suite gives the same number in
# every run (a test that runs only with VALGRIND=1 or only on the normal
# build prints SKIP elsewhere), except as an "asan:SUITE" line says.  After
# adding or removing tests,
#	make counts        (sh tests/run.sh --write-counts)
# runs the suites on the normal build and writes the numbers they gave,
# keeping the lines of runs it did not make (asan:, valgrind).
#
# The last line is "N passed, N failed, N skipped" over everything.
cd "$(dirname "$0")/.." || exit 2
log=$(mktemp)
out=$(mktemp -d)
trap 'rm -rf "$log" "$out"' EXIT
counts=tests/counts
write=0
[ "$1" = --write-counts ] && write=1

suites="tests/unit.sh tests/golden.sh tests/diagnostics.sh tests/seeds.sh tests/cli.sh"
for s in tests/suites/*.sh; do
	[ -f "$s" ] && suites="$suites $s"
done

results() { grep -c '^\(PASS\|FAIL\|SKIP\) ' "$1"; }

# check_count KEY PREFIX FILE: the suite's results against tests/counts (a
# line "asan:KEY N" for the sanitizer run when it differs: html leaves the
# browser to the normal build).
check_count() {
	got=$(results "$3")
	want=$(awk -v s="$2$1" '$1 == s { print $2 }' "$counts" 2>/dev/null)
	[ -n "$want" ] || want=$(awk -v s="$1" '$1 == s { print $2 }' "$counts" 2>/dev/null)
	if [ -z "$want" ]; then
		echo "FAIL $2$1:count (no line for $1 in $counts: make counts)"
	elif [ "$got" != "$want" ]; then
		echo "FAIL $2$1:count ($got results where $counts expects $want: the suite stopped early," \
			"or tests were added or removed (then make counts))"
	else
		echo "PASS $2$1:count ($got)"
	fi
}

# run_one SCRIPT BUILD PREFIX
run_one() {
	key=$(basename "$1" .sh)
	echo "== $3$key"
	BUILD=$2 sh "$1" 2>&1 | sed -e "s/^PASS /PASS $3/" -e "s/^FAIL /FAIL $3/" -e "s/^SKIP /SKIP $3/" \
		>"$out/$3$key"
	if [ $write = 1 ]; then
		echo "$key $(results "$out/$3$key")" >>"$out/counts.new"
	else
		check_count "$key" "$3" "$out/$3$key" >>"$out/$3$key"
	fi
	tee -a "$log" <"$out/$3$key" | grep -v '^PASS '
}

run_all() { # build prefix
	for s in $suites; do
		run_one "$s" "$1" "$2"
	done
}

run_all "${BUILD:-build}" ""
if [ -n "$ASAN_BUILD" ] && [ -x "$ASAN_BUILD/gireport" ] && [ $write = 0 ]; then
	export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
	# poppler keeps fontconfig's lookups for fonts a PDF does not embed: not ours
	export LSAN_OPTIONS=suppressions=$(pwd)/tests/lsan-poppler.supp
	export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
	run_all "$ASAN_BUILD" "asan:"
	unset ASAN_OPTIONS UBSAN_OPTIONS
fi
if [ -n "$VALGRIND" ]; then
	run_one tests/valgrind.sh "${BUILD:-build}" ""
fi

if [ $write = 1 ]; then
	# Suites not run this time (valgrind without VALGRIND=1) keep their line.
	if [ -f "$counts" ]; then
		awk 'NR == FNR { ran[$1] = 1; next } !($1 in ran)' "$out/counts.new" "$counts" >>"$out/counts.new"
	fi
	sort "$out/counts.new" >"$counts"
	echo "wrote $counts:"
	cat "$counts"
fi

passed=$(grep -c '^PASS ' "$log")
failed=$(grep -c '^FAIL ' "$log")
skipped=$(grep -c '^SKIP ' "$log")
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
