#!/bin/sh
# valgrind memcheck over the examples (every format), the broken sources and
# the import of the real pages and Word files:
# zero errors and zero leaks, or the run fails.
BIN=${BUILD:-build}/gireport
SUITE=valgrind
. tests/lib.sh
vg() {
	valgrind -q --leak-check=full --show-leak-kinds=definite,indirect,possible \
		--errors-for-leak-kinds=definite,indirect,possible --error-exitcode=99 "$@" \
		>/dev/null 2>"$tmp/vg"
	[ $? -ne 99 ]
}
formats=${VALGRIND_FORMATS:-txt,md,tree,json,html,docx}
for src in examples/*.yaml tests/golden/*.yaml; do
	[ -f "$src" ] || continue
	if vg "$BIN" build -f "$formats" -o "$tmp" "$src"; then
		echo "PASS valgrind:build:$src"
	else
		echo "FAIL valgrind:build:$src"; head -30 "$tmp/vg"
	fi
done
# OFD: the examples in one process (the PDF's layout and font subsets, the
# package; a valgrind start per source would double the suite's time).
if vg "$BIN" build -q -j 1 -f ofd -o "$tmp" examples/*.yaml; then
	echo "PASS valgrind:build-ofd:examples"
else
	echo "FAIL valgrind:build-ofd:examples"; head -30 "$tmp/vg"
fi
# The broken sources in one process per diagnostics format (a valgrind start
# costs a second; 200 of them would dominate the suite); on a failure, each
# source again on its own to name the culprit.
for mode in text json; do
	if vg "$BIN" check -j 1 --diagnostics=$mode tests/bad/*.yaml tests/ok/*.yaml; then
		echo "PASS valgrind:check-all-bad:$mode"
	else
		echo "FAIL valgrind:check-all-bad:$mode"; head -30 "$tmp/vg"
		for src in tests/bad/*.yaml tests/ok/*.yaml; do
			vg "$BIN" check --diagnostics=$mode "$src" || echo "  fails: $src"
		done
	fi
done
# The JSON Schema of every template, and a skeleton naming one.
for id in $("$BIN" templates | cut -d' ' -f1); do
	if vg "$BIN" schema "$id" && vg "$BIN" new --template "$id" --year 2021; then
		echo "PASS valgrind:schema:$id"
	else
		echo "FAIL valgrind:schema:$id"; head -30 "$tmp/vg"
	fi
done
# gireport import of the real pages and Word files (the readers: libxml2's
# parsers, minizip), whatever their exit status (their agency is not found).
for f in tests/real/*.html tests/real/*.docx; do
	[ -f "$f" ] || continue
	if vg "$BIN" import "$f"; then
		echo "PASS valgrind:import:$f"
	else
		echo "FAIL valgrind:import:$f"; head -30 "$tmp/vg"
	fi
done
