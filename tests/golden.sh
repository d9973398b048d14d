#!/bin/sh
# Golden tests: every source renders byte for byte to its expected files.
#   tests/golden/CASE.yaml  →  CASE.txt, CASE.md, CASE.tree, CASE.json, CASE.html (those present)
#   examples/NAME.yaml      →  tests/golden/examples/NAME.txt, NAME.md, NAME.json, NAME.html
# After a deliberate change, `make regen` rewrites them; review the diff.
BIN=${BUILD:-build}/gireport
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

compare() { # source expected-stem
	src=$1 stem=$2 found=0
	for ext in txt md tree json html; do
		[ -f "$stem.$ext" ] || continue
		found=1
		if "$BIN" build --stdout -f "$ext" "$src" >"$tmp/out" 2>"$tmp/err" &&
			cmp -s "$tmp/out" "$stem.$ext"; then
			echo "PASS golden:$src.$ext"
		else
			echo "FAIL golden:$src.$ext"
			diff -u "$stem.$ext" "$tmp/out" | head -30
			head -5 "$tmp/err"
		fi
	done
	[ $found = 1 ] || echo "FAIL golden:$src has no expected output"
}

for src in tests/golden/*.yaml; do
	[ -f "$src" ] && compare "$src" "${src%.yaml}"
done
for src in examples/*.yaml; do
	compare "$src" "tests/golden/examples/$(basename "$src" .yaml)"
done

# The same source gives byte-identical files on every run.
for src in examples/*.yaml; do
	name=$(basename "$src" .yaml)
	"$BIN" build -o "$tmp" "$src" 2>/dev/null && cp "$tmp/$name.txt" "$tmp/a.txt" && cp "$tmp/$name.md" "$tmp/a.md"
	"$BIN" build -o "$tmp" "$src" 2>/dev/null
	if cmp -s "$tmp/a.txt" "$tmp/$name.txt" && cmp -s "$tmp/a.md" "$tmp/$name.md"; then
		echo "PASS deterministic:$name"
	else
		echo "FAIL deterministic:$name"
	fi
done
