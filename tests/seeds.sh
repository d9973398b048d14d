#!/bin/sh
# The rendered text of every example carries the content of the seed report
# it was converted from (named on the example's first line):
#  - every narrative line of the seed (numbering, spacing, zero-padded dates
#    aside) occurs in the rendered text;
#  - the numbers of the seed's tables occur in the rendered tables in the same
#    order.  Where a seed's table is defective, the difference is stated in
#    tests/seeds/SEED.numbers.diff (seed 002: one cell too many; seed 003: one
#    cell missing) and must be exactly that.
BIN=${BUILD:-build}/gireport
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export LC_ALL=C

flatten() { # strip every kind of space and line break
	sed -e 's/\xe3\x80\x80//g' -e 's/\xc2\xa0//g' -e 's/\[bookmark: _GoBack\]//g' | tr -d ' \t\r\n'
}

strip_numbering() { # "1、", "（一）", "一、", "(一) " at the start of a line
	sed -e 's/^\(（\(一\|二\|三\|四\|五\|六\|七\|八\|九\|十\)*）\|(\(一\|二\|三\|四\|五\|六\|七\|八\|九\|十\)*)\|\(一\|二\|三\|四\|五\|六\|七\|八\|九\|十\)\+、\|[0-9]\+、\|[0-9]\+\.\)//'
}

numbers() { grep -o '[0-9][0-9]*\(\.[0-9][0-9]*\)\?'; }

for src in examples/*.yaml; do
	seed=$(sed -n '1s/^# 转自 \(tests\/seeds\/[^ ]*\.txt\).*/\1/p' "$src")
	if [ -z "$seed" ] || [ ! -f "$seed" ]; then
		echo "FAIL seeds:$src names no seed on its first line"
		continue
	fi
	name=$(basename "$seed" .txt)
	"$BIN" build --stdout -f txt "$src" >"$tmp/out.txt" 2>/dev/null
	flatten <"$tmp/out.txt" >"$tmp/flat"

	# Narrative and heading lines: everything outside the seed's tables.
	missing=0
	grep -v '^ *[	|]' "$seed" | sed -e 's/年0/年/' -e 's/月0/月/' >"$tmp/lines"
	while IFS= read -r line; do
		text=$(printf '%s' "$line" | sed -e 's/^\([ \t]\|\xe3\x80\x80\|\xc2\xa0\)*//' | strip_numbering | flatten)
		[ -n "$text" ] || continue
		if ! grep -qF -- "$text" "$tmp/flat"; then
			echo "  missing from the rendered text: $text"
			missing=$((missing + 1))
		fi
	done <"$tmp/lines"
	if [ $missing = 0 ]; then echo "PASS seeds:$name:paragraphs"; else echo "FAIL seeds:$name:paragraphs"; fi

	# Table numbers, in order.
	grep '^ *[	|]' "$seed" | numbers >"$tmp/seed.numbers"
	grep -F -e '│' -e '┌' -e '├' -e '└' "$tmp/out.txt" | numbers >"$tmp/out.numbers"
	diff "$tmp/seed.numbers" "$tmp/out.numbers" >"$tmp/numbers.diff"
	expected=tests/seeds/$name.numbers.diff
	[ -f "$expected" ] || expected=/dev/null
	if cmp -s "$tmp/numbers.diff" "$expected"; then
		echo "PASS seeds:$name:numbers ($(wc -l <"$tmp/seed.numbers") in the seed)"
	else
		echo "FAIL seeds:$name:numbers"
		diff "$expected" "$tmp/numbers.diff" | head -10
	fi
done
