#!/bin/sh
# The HTML renderer (docs/html.md).  Every page gireport writes for the
# examples and golden sources is well-formed XML (the markup is polyglot, so
# xmllint's strict XML parser checks it) and self-contained.  Then each
# example, and the golden sources with other tables, escapes and signature
# blocks, goes through headless Chromium (Debian's chromium package), once
# per page: tests/suites/html.js, added to a copy of the page with the same
# source's JSON, walks the browser's own DOM and table model and writes its
# verdicts into the page (--dump-dom), and the page is printed
# (--print-to-pdf) to see that the print style sheet gives A4 pages with the
# report's text on them and the header of a long table on every page it
# runs over.  Without chromium or xmllint the suite fails: CI installs both.
# In the sanitizer pass of tests/run.sh only the first part runs.
BIN=$(cd "${BUILD:-build}" && pwd)/gireport
SUITE=html
. tests/lib.sh
export LC_ALL=C.UTF-8

flat() { tr -d ' \t\r\n\f'; }

# ---- every page: well-formed and self-contained -------------------------------------

mkdir -p "$tmp/ex" "$tmp/gd"
"$BIN" build -q --force -f html,json,txt -o "$tmp/ex" examples/*.yaml 2>/dev/null
"$BIN" build -q --force -f html,json -o "$tmp/gd" tests/golden/*.yaml 2>/dev/null
if command -v xmllint >/dev/null; then
	for page in "$tmp"/ex/*.html "$tmp"/gd/*.html; do
		name=$(basename "$page" .html)
		t "$name:xml-well-formed" 'xmllint --nonet --noout "$page"'
	done
else
	fail "xmllint" "xmllint is not installed (apt-get install libxml2-utils)"
fi
for page in "$tmp"/ex/*.html "$tmp"/gd/*.html; do
	name=$(basename "$page" .html)
	t "$name:self-contained" \
		'! grep -n -i -E "<(script|link|img|iframe|object|embed)[ />]|<[^>]*[[:space:]](src|href)=" "$page"'
done

# ---- in the browser --------------------------------------------------------------------

# The sanitizer pass of tests/run.sh (ASAN_OPTIONS set) has checked above that
# its build writes the pages; what the browser sees of them is the same.
if [ -n "$ASAN_OPTIONS" ]; then
	echo "html: the browser checks run on the normal build only" >&2
	exit 0
fi
CHROMIUM=${CHROMIUM:-$(command -v chromium || command -v chromium-browser)}
if [ -z "$CHROMIUM" ]; then
	fail "chromium" "chromium is not installed (apt-get install chromium)"
	exit 0
fi

# The page with REPORT (its JSON; "</" kept out of the script) and html.js
# appended to its body.
test_page() { # page json out
	sed '/^<\/body>$/,$d' "$1" >"$3"
	{
		printf '<script data-gir-test="">var REPORT = '
		sed 's#</#<\\/#g' "$2"
		printf ';</script>\n<script data-gir-test="">\n'
		cat tests/suites/html.js
		printf '</script>\n</body>\n</html>\n'
	} >>"$3"
}

# Chromium as root in CI needs --no-sandbox; no header or footer of its own
# on printed pages (the page numbers are the style sheet's).  Each run has a
# profile of its own, so that two can run at once.
browse() { # test page (NAME.html): writes NAME.pdf, NAME.dom, NAME.err beside it
	timeout 120 "$CHROMIUM" --headless --no-sandbox --disable-gpu --no-first-run \
		--user-data-dir="${1%.html}.profile" --no-pdf-header-footer \
		--print-to-pdf="${1%.html}.pdf" --dump-dom "file://$1" >"${1%.html}.dom" 2>"${1%.html}.err"
	echo $? >"${1%.html}.status"
}

# The lines html.js wrote into its hidden pre element, entities undone.
results() { # dom
	awk '/<pre id="gir-test-results" hidden/ { on = 1; sub(/.*<pre[^>]*>/, "") }
		on && /<\/pre>/ { sub(/<\/pre>.*/, ""); if ($0 != "") print; exit }
		on && $0 != "" { print }' "$1" |
		sed -e 's/&lt;/</g' -e 's/&gt;/>/g' -e 's/&quot;/"/g' -e 's/&amp;/\&/g'
}

# Numbers in the cells of the text output's tables, in reading order.
txt_numbers() {
	awk -F'│' 'NF > 2 { for (i = 2; i < NF; i++) { gsub(/^ +| +$/, "", $i);
		if ($i ~ /^-?[0-9]+(\.[0-9]+)?$/) print $i } }' "$1"
}
dom_numbers() {
	grep -o '<td[^>]*>[^<]*</td>' "$1" | sed 's/<[^>]*>//g'
}

# Text of page p of a PDF, without white space.
pdf_page() { pdftotext -f "$2" -l "$2" "$1" - 2>/dev/null | flat; }

# The part of each printed page that belongs to a section, without white
# space and page numbers, one line a page: from its heading to the next.
section_parts() { # pdf heading next-heading
	n=$(pdfinfo "$1" | sed -n 's/^Pages: *//p') inside=0 p=1
	while [ "$p" -le "$n" ]; do
		t=$(pdf_page "$1" "$p" | sed 's/—[0-9]*—//g')
		case $t in *"$2"*) inside=1 t=${t#*"$2"} ;; esac
		if [ $inside = 1 ]; then
			case $t in *"$3"*) printf '%s\n' "${t%%"$3"*}"; return ;; esac
			printf '%s\n' "$t"
		fi
		p=$((p + 1))
	done
}

# A table that runs over pages repeats its header, and no header stands at
# the foot of a page without rows under it: each page part of a section with
# a grouped header (三, 四) shows the header's top group (申请人情况), and a
# row label when the table has them.
headers_repeat() { # page pdf
	for id in $(sed -n '/<section id=/{s/.*id="\([^"]*\)".*/\1/;h}; /scope="colgroup"/{x;p;x}' "$1" | uniq); do
		sec=$(sed -n "/<section id=\"$id\">/,/<\/section>/p" "$1")
		head=$(printf '%s\n' "$sec" | sed -n 's/.*scope="colgroup"[^>]*>\([^<]*\)<.*/\1/p' | head -1)
		rows=$(printf '%s\n' "$sec" | sed -n 's/^<th scope="row[a-z]*"[^>]*>\([^<]*\)<\/th>$/\1/p' | flat_each)
		h2=$(printf '%s\n' "$sec" | sed -n 's/^<h2>\(.*\)<\/h2>$/\1/p' | flat)
		next=$(sed -n "/<section id=\"$id\">/,\$p" "$1" | sed -n 's/^<h2>\(.*\)<\/h2>$/\1/p' | sed -n 2p | flat)
		[ -n "$next" ] || next=$(sed -n '/<div class="signature">/{n;s/<[^>]*>//g;p}' "$1" | flat)
		section_parts "$2" "$h2" "${next:-none}" >"$tmp/parts"
		k=0
		while IFS= read -r t; do
			k=$((k + 1))
			[ -n "$t" ] || continue
			case $t in *"$head"*) ;; *) echo "$id, page $k of it: no header $head"; return 1 ;; esac
			[ -z "$rows" ] || printf '%s\n' "$t" | grep -qF "$rows" ||
				{ echo "$id, page $k of it: a header and no rows"; return 1; }
		done <"$tmp/parts"
		echo "$id: $head on each of its $k pages"
	done
}
flat_each() { sed 's/[[:space:]]//g'; }

# A page's source text the printout must show: title, headings, signature.
printed_text() { # page
	sed -n -e 's/^<h1>\(.*\)<\/h1>$/\1/p' -e 's/^<h2>\(.*\)<\/h2>$/\1/p' \
		-e '/<div class="signature">/,/<\/div>/{s/<[^>]*>//g;/./p}' "$1" |
		sed -e 's/&lt;/</g' -e 's/&gt;/>/g' -e 's/&quot;/"/g' -e "s/&#39;/'/g" -e 's/&amp;/\&/g'
}

all_printed() { # every line of standard input, without white space, is in $tmp/printed
	while IFS= read -r line; do
		line=$(printf '%s' "$line" | flat)
		[ -z "$line" ] || grep -qF -- "$line" "$tmp/printed" || { echo "not printed: $line"; return 1; }
	done
}

# The examples, and golden sources with the gov-2021 tables, amounts, both
# kinds of escaping and several signatories.
pages="$(ls "$tmp"/ex/*.html) $tmp/gd/gov2021-full.html $tmp/gd/features-amounts.html
	$tmp/gd/features-markup-escaping.html $tmp/gd/features-html-escaping.html
	$tmp/gd/features-multiple-signatories.html $tmp/gd/features-subheading-styles.html"
start=$(date +%s)
mkdir -p "$tmp/t"
set --
for page in $pages; do
	name=$(basename "$page" .html)
	test_page "$page" "${page%.html}.json" "$tmp/t/$name.html"
	set -- "$@" "$tmp/t/$name.html"
done
# Two at a time: a run mostly waits (start-up, printing).
while [ $# -gt 0 ]; do
	browse "$1" &
	[ $# -lt 2 ] || browse "$2" &
	wait
	shift $(($# < 2 ? $# : 2))
done
for page in $pages; do
	name=$(basename "$page" .html)
	dir=$(dirname "$page")
	if [ "$(cat "$tmp/t/$name.status")" != 0 ]; then
		fail "$name:chromium" "$(tail -5 "$tmp/t/$name.err")"
		continue
	fi
	results "$tmp/t/$name.dom" >"$tmp/t/$name.results"
	if [ -s "$tmp/t/$name.results" ]; then
		sed -e "s/^PASS /PASS html:$name:dom:/" -e "s/^FAIL /FAIL html:$name:dom:/" "$tmp/t/$name.results"
	else
		fail "$name:dom" "no results from html.js: $(tail -3 "$tmp/t/$name.err")"
	fi
	if [ -f "$dir/$name.txt" ]; then
		t "$name:numbers-as-txt" 'txt_numbers "$dir/$name.txt" >"$tmp/a" && dom_numbers "$tmp/t/$name.dom" >"$tmp/b" &&
			[ -s "$tmp/a" ] && diff "$tmp/a" "$tmp/b"'
	fi
	pdf=$tmp/t/$name.pdf
	t "$name:print-a4" 'pdfinfo "$pdf" | grep -E "^Page size: +59[45]\.[0-9]+ x 84[12]\.[0-9]+ pts"'
	t "$name:print-text" 'pdftotext "$pdf" - | flat >"$tmp/printed" && printed_text "$page" | all_printed'
	t "$name:print-headers-repeat" 'headers_repeat "$page" "$pdf"'
	t "$name:print-labels-as-words" 'pdftotext -bbox-layout "$pdf" "$tmp/bbox.html" && python3 tests/suites/label_split.py "$tmp/bbox.html"'
done
echo "html: $(echo $pages | wc -w) pages in Chromium in $(($(date +%s) - start)) s" >&2
