#!/bin/sh
# Diagnostics tests: each broken source in tests/bad/ has its exact expected
# stderr (file:line:col, message, source excerpt, hint) in CASE.err, and its
# exit status in CASE.status (1 when absent).  Options for `gireport check`
# may be given on a first line "# args: --strict".
BIN=${BUILD:-build}/gireport
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for src in tests/bad/*.yaml; do
	[ -f "$src" ] || continue
	stem=${src%.yaml}
	want=1
	[ -f "$stem.status" ] && want=$(cat "$stem.status")
	args=$(sed -n '1s/^# args: //p' "$src")
	# shellcheck disable=SC2086
	"$BIN" check $args "$src" >"$tmp/out" 2>"$tmp/err"
	got=$?
	if [ "$got" = "$want" ] && cmp -s "$tmp/err" "$stem.err"; then
		echo "PASS diag:$src"
	else
		echo "FAIL diag:$src (exit $got, expected $want)"
		diff -u "$stem.err" "$tmp/err" | head -20
	fi
done
