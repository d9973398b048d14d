#!/bin/sh
# Diagnostics tests: each broken source in tests/bad/ gives exactly its
# expected stderr (file:line:col, message, source excerpt, hint) in CASE.err
# and exits 1; each source in tests/ok/ (accepted, perhaps with warnings)
# gives exactly its CASE.err and exits 0.  A CASE.status file overrides the
# exit status; options for `gireport check` may be given on a first line
# "# args: --strict".
BIN=${BUILD:-build}/gireport
SUITE=diag
. tests/lib.sh

# case SOURCE DEFAULT-STATUS
case_of() {
	stem=${1%.yaml}
	want=$2
	[ -f "$stem.status" ] && want=$(cat "$stem.status")
	args=$(sed -n '1s/^# args: //p' "$1")
	# shellcheck disable=SC2086
	"$BIN" check $args "$1" >"$tmp/out" 2>"$tmp/err"
	got=$?
	if [ "$got" = "$want" ] && cmp -s "$tmp/err" "$stem.err"; then
		pass "$1"
	else
		fail "$1 (exit $got, expected $want)" "$(diff -u "$stem.err" "$tmp/err")"
	fi
}

for src in tests/bad/*.yaml; do
	[ -f "$src" ] && case_of "$src" 1
done
for src in tests/ok/*.yaml; do
	[ -f "$src" ] && case_of "$src" 0
done
