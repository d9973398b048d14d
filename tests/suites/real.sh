#!/bin/sh
# The corpus of real reports (tests/real/INDEX.md): every file there, as
# published (or derived from a published page, as the index says), is
# imported with `gireport import`, and every table cell of the result is
# compared with the report's ground truth (NAME.truth.json) by
# tests/real/tools/compare.py; `gireport check` must then give exactly the
# errors of the original (NAME.errors) and no other.
#
# tests/real/XFAIL lists the files that do not import correctly yet, one
# "FILE: reason" a line.  Such a file prints "XFAIL FILE: reason" (not a PASS,
# not a FAIL); a listed file that now passes is a FAIL, so the list only
# shrinks.  A listed file that does not exist is a FAIL too.  With
# REAL_VERBOSE=1 each XFAIL line is followed by what goes wrong today.
SUITE=real
. tests/lib.sh
BIN=$BUILD/gireport
case $BIN in /*) ;; *) BIN=$(pwd)/$BIN ;; esac
R=tests/real
T=$R/tools

# xfail FILE REASON DETAIL: a listed file that still fails, beside lib.sh's
# pass and fail; not a result line, so tests/run.sh does not count it.
# REAL_VERBOSE=1 adds what goes wrong today, for whoever works on the reader.
xfail() {
	echo "XFAIL $SUITE:$1: $2"
	[ -n "$REAL_VERBOSE" ] && printf '%s\n' "$3" | head -8 | sed 's/^/  /'
	return 0
}

xfail_reason() { # file name; prints the reason if listed
	sed -n "s/^$1: *//p" "$R/XFAIL" | head -1
}

# The comparison itself can fail: a source written from a truth file compares
# equal, and the same source with one cell changed does not.
python3 "$T/truth2yaml.py" "$R/fj-pingtan-2023.truth.json" >"$tmp/self.yaml" &&
	python3 "$T/compare.py" "$BIN" "$R/fj-pingtan-2023.truth.json" "$tmp/self.yaml" >"$tmp/self.out" 2>&1
if [ $? -eq 0 ]; then pass compare-equal; else fail compare-equal "$(cat "$tmp/self.out")"; fi
python3 "$T/truth2yaml.py" "$R/fj-pingtan-2023.truth.json" requests.granted.natural=23 >"$tmp/self2.yaml"
if python3 "$T/compare.py" "$BIN" "$R/fj-pingtan-2023.truth.json" "$tmp/self2.yaml" >"$tmp/self2.out" 2>&1; then
	fail compare-differs "a changed cell compared equal"
elif grep -q "requests.granted.natural: truth '22', imported 23" "$tmp/self2.out"; then
	pass compare-differs
else
	fail compare-differs "$(cat "$tmp/self2.out")"
fi

# Every truth file is consistent with the arithmetic its .errors file lists.
for truth in "$R"/*.truth.json; do
	name=$(basename "$truth" .truth.json)
	python3 "$T/arith.py" "$truth" >"$tmp/arith.out" 2>&1
	if [ -f "$R/$name.errors" ]; then
		grep -v '^#' "$R/$name.errors" | cut -f1-3 >"$tmp/arith.want"
	else
		: >"$tmp/arith.want"
	fi
	if cut -f1-3 "$tmp/arith.out" | diff "$tmp/arith.want" - >"$tmp/arith.diff"; then
		pass "truth-arithmetic:$name"
	else
		fail "truth-arithmetic:$name" "$(cat "$tmp/arith.diff")"
	fi
done

# Every XFAIL entry names a file of the corpus.
grep -v '^#' "$R/XFAIL" | grep . | sed 's/:.*//' | while read -r f; do
	[ -f "$R/$f" ] || fail "xfail:$f" "tests/real/XFAIL lists $f, which is not in the corpus"
done

for f in "$R"/*.html "$R"/*.htm "$R"/*.pdf "$R"/*.docx "$R"/*.txt; do
	[ -f "$f" ] || continue
	file=$(basename "$f")
	name=${file%%.*}	# fj-pingtan-2023.lo.docx is a form of fj-pingtan-2023
	truth=$R/$name.truth.json
	if [ ! -f "$truth" ]; then
		fail "$file" "no ground truth $truth"
		continue
	fi
	reason=$(xfail_reason "$file")
	out=$tmp/$file.yaml
	# exit 1 is the import's when the check of the source finds errors: an
	# original with arithmetic errors of its own (NAME.errors, which
	# compare.py then holds the check to) imports so
	"$BIN" import -o "$out" "$f" >"$tmp/import.out" 2>&1
	rc=$?
	if { [ $rc -eq 0 ] || { [ $rc -eq 1 ] && [ -f "$R/$name.errors" ]; }; } && [ -s "$out" ]; then
		python3 "$T/compare.py" "$BIN" "$truth" "$out" "$R/$name.errors" >"$tmp/cmp.out" 2>&1
		ok=$?
		detail=$(cat "$tmp/cmp.out")
	else
		ok=1
		detail="gireport import failed: $(head -5 "$tmp/import.out")"
	fi
	if [ $ok -eq 0 ]; then
		if [ -n "$reason" ]; then
			fail "$file" "imports correctly now: remove it from tests/real/XFAIL"
		else
			pass "$file"
		fi
	elif [ -n "$reason" ]; then
		xfail "$file" "$reason" "$detail"
	else
		fail "$file" "$detail"
	fi
done
