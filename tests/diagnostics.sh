#!/bin/sh
# Diagnostics tests: each broken source in tests/bad/ gives exactly its
# expected stderr (file:line:col, message, source excerpt, hint) in CASE.err
# in English and CASE.zh.err in Chinese, and exits 1; each source in tests/ok/ (accepted, perhaps with warnings)
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
	LC_ALL=C "$BIN" check $args "$1" >"$tmp/out" 2>"$tmp/err"
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

# The same broken sources in Chinese: CASE.zh.err under zh_CN.UTF-8 (the
# locale `make deps` generates; the catalogue is build/locale, found next
# to the binary).
zh_case() {
	stem=${1%.yaml}
	want=1
	[ -f "$stem.status" ] && want=$(cat "$stem.status")
	args=$(sed -n '1s/^# args: //p' "$1")
	# shellcheck disable=SC2086
	LC_ALL= LANGUAGE= LC_MESSAGES= LANG=zh_CN.UTF-8 "$BIN" check $args "$1" >"$tmp/out" 2>"$tmp/err"
	got=$?
	if [ "$got" = "$want" ] && cmp -s "$tmp/err" "$stem.zh.err"; then
		pass "zh $1"
	else
		fail "zh $1 (exit $got, expected $want)" "$(diff -u "$stem.zh.err" "$tmp/err")"
	fi
}
if locale -a 2>/dev/null | grep -qx 'zh_CN.utf8'; then
	for src in tests/bad/*.yaml; do
		[ -f "$src" ] && zh_case "$src"
	done
else
	fail "zh_CN.UTF-8 locale (make deps generates it)"
fi
for src in tests/ok/*.yaml; do
	[ -f "$src" ] && case_of "$src" 0
done
