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
#
# tests/real/REFUSED lists the lossy copies, one "FILE: ROW=ID ...: reason" a
# line: files whose correct import is a precise refusal, as the copy has lost
# what the report printed (cells run together where table 二 has no sums,
# cells left out).  Such a file gives "PASS real:FILE:refused" only when all
# hold: `gireport import` exits 1 (exactly) and writes the source; its errors
# (--diagnostics=json) name exactly the ROWs, each once with its ID; each ROW
# is 待填 in the source, or keeps the cells read where its ID says so (fewer
# than the row has); `gireport check` of the source names every ROW; an
# ambiguous run's error that lists every cut left lists the truth's; and
# every other cell equals the truth (compare.py --refused).  Else FAIL with
# the differences: a file that imports more, or less, than REFUSED says fails
# the suite, so the list changes only with the importer.
#
# The text: every HTML page's import keeps the page's narrative text, its
# paragraphs and nothing of the page around the article (tools/textcheck.py,
# INDEX.md "Text"): "PASS real:FILE:text", or FAIL with the runs lost, added,
# glued or cut; so does the import of every other file of the report (text
# copies, .docx, PDF), held to the page.  tests/real/TEXT_XFAIL lists, as XFAIL does, the pages whose
# text still differs, with the reason; a listed page that passes fails.
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

refused_rows() { # file name; prints its "ROW=ID ..." if listed in REFUSED
	grep -v '^#' "$R/REFUSED" | sed -n "s/^$1: *\([^:]*\):.*/\1/p" | head -1
}

# refusal FILE TRUTH ERRORS ROWS OUT: imports FILE into OUT and holds it to
# its refusal; prints the differences and fails when there are any.
refusal() {
	"$BIN" import --diagnostics=json -o "$5" "$1" 2>"$5.json" >/dev/null
	rc=$?
	if [ $rc -ne 1 ]; then
		echo "gireport import exits $rc, where a refusal is 1 (if it now reads the file exactly, take it out of tests/real/REFUSED)"
		grep '"severity":"error"' "$5.json" | head -3
		return 1
	fi
	if [ ! -s "$5" ]; then
		echo "gireport import wrote no source"
		return 1
	fi
	python3 "$T/compare.py" "$BIN" "$2" "$5" "$3" --refused "$4" --import-diags "$5.json"
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

# The refusal itself can fail: 行政审批局 2021's refusal (行政规范性文件 "2023"
# is 2, 0, 23 or 20, 2, 3) holds as REFUSED says; it does not hold with a row
# more in the expectation, nor when the source has zeros for the refused row,
# nor when the import's error is missing, nor when its cuts leave out the
# report's cells, nor when the import is said to give the row with another
# error.
rf=fj-pingtan-hzs-2021
rrows=$(refused_rows $rf.page.txt)
if refusal "$R/$rf.page.txt" "$R/$rf.truth.json" "$R/$rf.errors" "$rrows" "$tmp/rf.yaml" >"$tmp/rf.out" 2>&1 &&
	[ "$rrows" = "proactive.normative_documents=import_run_ambiguous" ]; then
	pass refusal-holds
else
	fail refusal-holds "$rrows: $(cat "$tmp/rf.out")"
fi
rcmp() { # ROWS SOURCE DIAGS: compare.py held to a refusal
	python3 "$T/compare.py" "$BIN" "$R/$rf.truth.json" "$2" --refused "$1" --import-diags "$3" >"$tmp/rf2.out" 2>&1
}
if rcmp "$rrows proactive.regulations=import_run_ambiguous" "$tmp/rf.yaml" "$tmp/rf.yaml.json"; then
	fail refusal-row-more "a row more than the import refuses held"
elif grep -q "import: no error import_run_ambiguous names proactive.regulations" "$tmp/rf2.out" &&
	grep -q "check: no error names the refused row proactive.regulations" "$tmp/rf2.out" &&
	grep -q "proactive.regulations: the source has \[0, 0, 0\] where the refused row must be 待填" "$tmp/rf2.out"; then
	pass refusal-row-more
else
	fail refusal-row-more "$(cat "$tmp/rf2.out")"
fi
sed 's/^  normative_documents: 待填.*/  normative_documents: [0, 0, 0]/' "$tmp/rf.yaml" >"$tmp/rf-zero.yaml"
if rcmp "$rrows" "$tmp/rf-zero.yaml" "$tmp/rf.yaml.json"; then
	fail refusal-zeros "a source with zeros for the refused row held"
elif grep -qxF "  normative_documents: [0, 0, 0]" "$tmp/rf-zero.yaml" &&
	grep -q "proactive.normative_documents: the source has \[0, 0, 0\] where the refused row must be 待填" "$tmp/rf2.out" &&
	grep -q "check: no error names the refused row proactive.normative_documents" "$tmp/rf2.out"; then
	pass refusal-zeros
else
	fail refusal-zeros "$(cat "$tmp/rf2.out")"
fi
grep -v '"id":"import_run_ambiguous"' "$tmp/rf.yaml.json" >"$tmp/rf-quiet.json"
if rcmp "$rrows" "$tmp/rf.yaml" "$tmp/rf-quiet.json"; then
	fail refusal-unsaid "a refusal the import does not name held"
elif grep -q "import: no error import_run_ambiguous names proactive.normative_documents" "$tmp/rf2.out"; then
	pass refusal-unsaid
else
	fail refusal-unsaid "$(cat "$tmp/rf2.out")"
fi
sed 's/: 2, 0, 23 or 20, 2, 3;/: 20, 2, 3;/' "$tmp/rf.yaml.json" >"$tmp/rf-cut.json"
if rcmp "$rrows" "$tmp/rf.yaml" "$tmp/rf-cut.json"; then
	fail refusal-truth-ruled-out "an error whose cuts leave out the report's cells held"
elif grep -q "import: proactive.normative_documents: the truth's cells 2, 0, 23 are none of the cuts the error leaves: 20, 2, 3" "$tmp/rf2.out"; then
	pass refusal-truth-ruled-out
else
	fail refusal-truth-ruled-out "$(cat "$tmp/rf2.out")"
fi
if rcmp "proactive.normative_documents=import_run_no_cut" "$tmp/rf.yaml" "$tmp/rf.yaml.json"; then
	fail refusal-other-error "a refusal with another error held"
elif grep -q "import: error \[import_run_ambiguous\] proactive.normative_documents at line 10: .*(not a refusal tests/real/REFUSED lists)" "$tmp/rf2.out"; then
	pass refusal-other-error
else
	fail refusal-other-error "$(cat "$tmp/rf2.out")"
fi

# A label the copy cut so that it names no row (@N in REFUSED): 上海 2025's
# extraction holds with its error at line 156, not with the line moved, nor
# when REFUSED leaves the line out (the error then names nothing listed).
rf=sh-shanghai-2025
rrows=$(refused_rows $rf.extract.txt)
if refusal "$R/$rf.extract.txt" "$R/$rf.truth.json" "$R/$rf.errors" "$rrows" "$tmp/ru.yaml" >"$tmp/ru.out" 2>&1 &&
	echo "$rrows" | grep -q "@156=import_row_ambiguous"; then
	pass refusal-unplaced-holds
else
	fail refusal-unplaced-holds "$rrows: $(cat "$tmp/ru.out")"
fi
if rcmp "$(echo "$rrows" | sed 's/@156=/@155=/')" "$tmp/ru.yaml" "$tmp/ru.yaml.json"; then
	fail refusal-unplaced-line "an unplaced label expected at another line held"
elif grep -q "import: no error import_row_ambiguous at line 155" "$tmp/rf2.out" &&
	grep -q "import: error \[import_row_ambiguous\] None at line 156: .*(not a refusal tests/real/REFUSED lists)" "$tmp/rf2.out"; then
	pass refusal-unplaced-line
else
	fail refusal-unplaced-line "$(cat "$tmp/rf2.out")"
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

# Every XFAIL and REFUSED entry names a file of the corpus, and no file is in both.
grep -v '^#' "$R/XFAIL" | grep . | sed 's/:.*//' | while read -r f; do
	[ -f "$R/$f" ] || fail "xfail:$f" "tests/real/XFAIL lists $f, which is not in the corpus"
done
grep -v '^#' "$R/REFUSED" | grep . | sed 's/:.*//' | while read -r f; do
	[ -f "$R/$f" ] || fail "refused:$f" "tests/real/REFUSED lists $f, which is not in the corpus"
	[ -z "$(xfail_reason "$f")" ] || fail "refused:$f" "$f is in both tests/real/REFUSED and XFAIL"
	[ -n "$(refused_rows "$f")" ] || fail "refused:$f" "tests/real/REFUSED lists $f without its rows"
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
	rows=$(refused_rows "$file")
	if [ -n "$rows" ]; then
		if refusal "$f" "$truth" "$R/$name.errors" "$rows" "$out" >"$tmp/cmp.out" 2>&1; then
			pass "$file:refused"
		else
			fail "$file:refused" "$(cat "$tmp/cmp.out")"
		fi
		continue
	fi
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

# The text check can fail: 平潭 2023's import with a phrase taken out, with
# the page's menu words let in, with a paragraph cut in two; 平潭 2019's with
# two paragraphs run into one; 财政金融局 2024's without the warnings by which
# the import says it leaves 二's text out (the form has a table there).
textcheck() { # PAGE SOURCE DIAGS: the differences, into $tmp/text.out
	python3 "$T/textcheck.py" --gireport "$BIN" "$@" >"$tmp/text.out" 2>&1
}
textfails() { # NAME PAGE SOURCE DIAGS WANT: textcheck fails, saying WANT
	if textcheck "$2" "$3" "$4"; then
		fail "$1" "textcheck passed"
	elif grep -qF "$5" "$tmp/text.out"; then
		pass "$1"
	else
		fail "$1" "$(cat "$tmp/text.out")"
	fi
}
page=$R/fj-pingtan-2023.html
"$BIN" import --diagnostics=json -o "$tmp/t23.yaml" "$page" 2>"$tmp/t23.json"
if textcheck "$page" "$tmp/t23.yaml" "$tmp/t23.json"; then pass text-equal; else fail text-equal "$(cat "$tmp/text.out")"; fi
sed 's/三是开拓创新不够有力，//' "$tmp/t23.yaml" >"$tmp/t23-lost.yaml"
textfails text-lost "$page" "$tmp/t23-lost.yaml" "$tmp/t23.json" "lost: …，部分栏目存在信息噪音；[三是开拓创新不够有力，]"
sed 's/积极助力实验区经济社会发展。/&首页 网站地图/' "$tmp/t23.yaml" >"$tmp/t23-added.yaml"
textfails text-added "$page" "$tmp/t23-added.yaml" "$tmp/t23.json" "added: …助力实验区经济社会发展。[首页网站地图]"
sed 's/^\( *- \)\(平潭综合实验区切实落实.*13561条。\)\(一是做好规范性文件公开。\)/\1\2\n\1\3/' "$tmp/t23.yaml" >"$tmp/t23-cut.yaml"
textfails text-cut "$page" "$tmp/t23-cut.yaml" "$tmp/t23.json" "cut: …开政府信息13561条。[一是做好规范性文件公开。]"
page=$R/fj-pingtan-2019.html
"$BIN" import --diagnostics=json -o "$tmp/t19.yaml" "$page" 2>"$tmp/t19.json"
sed '/^ *- （1）加强政策解读信息公开。/{N;s/\n *- //;}' "$tmp/t19.yaml" >"$tmp/t19-glued.yaml"
textfails text-glued "$page" "$tmp/t19-glued.yaml" "$tmp/t19.json" "glued: …"
page=$R/fj-pingtan-czj-2024.html
"$BIN" import --diagnostics=json -o "$tmp/tc.yaml" "$page" 2>"$tmp/tc.json"
grep -v '"id":"import_text_for_table"' "$tmp/tc.json" >"$tmp/tc-quiet.json"
textfails text-unannounced "$page" "$tmp/tc.yaml" "$tmp/tc-quiet.json" "lost: …)主动公开政府信息的数量[2024年制作、获取政府信息总数397条"
# And a copy held to its page: 平潭 2023's innertext copy with that phrase
# taken out fails, by its words alone too.
sed 's/三是开拓创新不够有力，//' "$R/fj-pingtan-2023.innertext.txt" >"$tmp/t23-copy.txt"
if textcheck --no-paragraphs --copy "$tmp/t23-copy.txt" "$R/fj-pingtan-2023.html"; then
	fail text-copy-lost "textcheck passed"
elif grep -qF "t23-copy.txt lost: …，部分栏目存在信息噪音；[三是开拓创新不够有力，]" "$tmp/text.out"; then
	pass text-copy-lost
else
	fail text-copy-lost "$(cat "$tmp/text.out")"
fi

text_xfail_reason() { # file name; prints the reason if listed in TEXT_XFAIL
	grep -v '^#' "$R/TEXT_XFAIL" | sed -n "s/^$1: *//p" | head -1
}
grep -v '^#' "$R/TEXT_XFAIL" | grep . | sed 's/:.*//' | while read -r f; do
	[ -f "$R/$f" ] || fail "text-xfail:$f" "tests/real/TEXT_XFAIL lists $f, which is not in the corpus"
done
# text_result FILE ARGS...: FILE's text line, textcheck ARGS held to TEXT_XFAIL.
text_result() {
	file=$1
	shift
	reason=$(text_xfail_reason "$file")
	if textcheck "$@"; then
		if [ -n "$reason" ]; then
			fail "$file:text" "keeps the page's text now: remove it from tests/real/TEXT_XFAIL"
		else
			pass "$file:text"
		fi
	elif [ -n "$reason" ]; then
		xfail "$file:text" "$reason" "$(cat "$tmp/text.out")"
	else
		fail "$file:text" "$(head -20 "$tmp/text.out")"
	fi
}
for f in "$R"/*.html "$R"/*.htm; do
	[ -f "$f" ] || continue
	file=$(basename "$f")
	text_result "$file" "$f"
done

# Every other file of a report that is here as a page (its text copies,
# .docx and PDF: NAME.*.txt, .docx, .pdf beside NAME.html) keeps the page's
# text too; the archive's copies (NAME.page.txt), which run the report into
# one line, its words only (--no-paragraphs).
for f in "$R"/*.*.txt "$R"/*.*.docx "$R"/*.*.pdf; do
	[ -f "$f" ] || continue
	file=$(basename "$f")
	page=$R/${file%%.*}.html
	[ -f "$page" ] || continue
	opt=
	case $file in *.page.txt) opt=--no-paragraphs ;; esac
	text_result "$file" $opt --copy "$f" "$page"
done
