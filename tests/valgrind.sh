#!/bin/sh
# valgrind memcheck over the examples (every format) and the broken sources:
# zero errors and zero leaks, or the run fails.
BIN=${BUILD:-build}/gireport
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
vg() {
	valgrind -q --leak-check=full --show-leak-kinds=definite,indirect,possible \
		--errors-for-leak-kinds=definite,indirect,possible --error-exitcode=99 "$@" \
		>/dev/null 2>"$tmp/vg"
	[ $? -ne 99 ]
}
formats=${VALGRIND_FORMATS:-txt,md,tree,json}
for src in examples/*.yaml tests/golden/*.yaml; do
	[ -f "$src" ] || continue
	if vg "$BIN" build -f "$formats" -o "$tmp" "$src"; then
		echo "PASS valgrind:build:$src"
	else
		echo "FAIL valgrind:build:$src"; head -30 "$tmp/vg"
	fi
done
for src in tests/bad/*.yaml; do
	[ -f "$src" ] || continue
	if vg "$BIN" check --diagnostics=json "$src" && vg "$BIN" check "$src"; then
		echo "PASS valgrind:check:$src"
	else
		echo "FAIL valgrind:check:$src"; head -30 "$tmp/vg"
	fi
done
