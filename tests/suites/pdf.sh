#!/bin/sh
# The PDF renderer (docs/pdf.md): for every example a valid A4 document with
# the right document info, embedded subset fonts only, the same bytes on
# every build, and text that pdftotext gets back — every heading and
# paragraph of the seed the example came from, and the numbers of its tables
# in order; then fonts chosen per role (command line, source, .ttc faces),
# errors for fonts that cannot be used, and a table continued on a new page
# under its repeated header.
BIN=$(cd "${BUILD:-build}" && pwd)/gireport
SUITE=pdf
. tests/lib.sh
export LC_ALL=C
ARPHIC=/usr/share/fonts/truetype/arphic
WQY=/usr/share/fonts/truetype/wqy
version=$("$BIN" --version | sed 's/^gireport //')


flatten() { # strip every kind of space and line break
	sed -e 's/\xe3\x80\x80//g' -e 's/\xc2\xa0//g' -e 's/\[bookmark: _GoBack\]//g' | tr -d ' \t\r\n\f'
}

strip_numbering() { # as tests/seeds.sh
	sed -e 's/^\(（\(一\|二\|三\|四\|五\|六\|七\|八\|九\|十\)*）\|(\(一\|二\|三\|四\|五\|六\|七\|八\|九\|十\)*)\|\(一\|二\|三\|四\|五\|六\|七\|八\|九\|十\)\+、\|[0-9]\+、\|[0-9]\+\.\)//'
}

numbers() { grep -o '[0-9][0-9]*\(\.[0-9][0-9]*\)\?'; }

# The words set in the table size (10.5 pt, 11 pt high boxes; text is 16 pt),
# in reading order: page, then line, then left to right.
table_words() {
	pdftotext -bbox "$1" - 2>/dev/null | awk '
		/<page / { page++ }
		/<word / {
			match($0, /yMin="[0-9.]*"/); y = substr($0, RSTART + 6, RLENGTH - 7)
			match($0, /yMax="[0-9.]*"/); y2 = substr($0, RSTART + 6, RLENGTH - 7)
			match($0, /xMin="[0-9.]*"/); x = substr($0, RSTART + 6, RLENGTH - 7)
			w = $0; sub(/.*">/, "", w); sub(/<\/word>.*/, "", w)
			if (y2 - y < 13) printf "%d %d %d %s\n", page, y * 100, x * 100, w
		}' | sort -k1,1n -k2,2n -k3,3n | cut -d' ' -f4-
}

# ---- every example ------------------------------------------------------------

for src in examples/*.yaml; do
	name=$(basename "$src" .yaml)
	pdf=$tmp/$name.pdf
	if ! "$BIN" build -f pdf -o "$tmp" "$src" 2>"$tmp/err"; then
		fail "$name:build" "$(cat "$tmp/err")"
		continue
	fi
	pass "$name:build"
	t "$name:qpdf-check" 'qpdf --check "$pdf"'

	pdfinfo "$pdf" >"$tmp/info" 2>&1
	agency=$(sed -n 's/^agency: *//p' "$src")
	title=$("$BIN" build --stdout -f txt "$src" 2>/dev/null | sed '/^$/q' | flatten)
	info_title=$(sed -n 's/^Title: *//p' "$tmp/info" | flatten)
	t "$name:a4" 'grep -Eq "^Page size: +595\.2[0-9]* x 841\.89?[0-9]* pts" "$tmp/info" || { cat "$tmp/info"; false; }'
	t "$name:info" '[ "$info_title" = "$title" ] && grep -qx "Author: *$agency" "$tmp/info" &&
		grep -qx "Creator: *gireport $version" "$tmp/info" && grep -q "^Subject: *..*" "$tmp/info" || { cat "$tmp/info"; false; }'
	if grep -q '^date:' "$src"; then
		y=$(sed -n 's/^date: *\([0-9]*\)-.*/\1/p' "$src")
		t "$name:date-from-source" 'grep -q "^CreationDate:.* $y" "$tmp/info" || { cat "$tmp/info"; false; }'
	fi
	# Every font embedded as a subset (ABCDEF+Name, emb yes, sub yes).
	t "$name:fonts-embedded-subsets" 'pdffonts "$pdf" >"$tmp/fonts" && [ $(sed 1,2d "$tmp/fonts" | wc -l) -ge 1 ] &&
		! sed 1,2d "$tmp/fonts" | grep -Ev "^[A-Z]{6}\+[^ ]+ +CID TrueType +Identity-H +yes +yes " || { cat "$tmp/fonts"; false; }'

	# The same bytes from another build: another directory, another TMPDIR.
	mkdir -p "$tmp/again"
	t "$name:reproducible" 'TMPDIR="$tmp" "$BIN" build -f pdf -o "$tmp/again" "$src" && cmp "$pdf" "$tmp/again/$name.pdf"'

	# Text: pdftotext gives back every heading and paragraph of the seed.
	seed=$(sed -n '1s/^# 转自 \(tests\/seeds\/[^ ]*\.txt\).*/\1/p' "$src")
	if [ -z "$seed" ] || [ ! -f "$seed" ]; then
		fail "$name:seed" "$src names no seed on its first line"
		continue
	fi
	sname=$(basename "$seed" .txt)
	# (Page numbers out, so that a paragraph cut by a page break reads on.)
	pdftotext "$pdf" - 2>"$tmp/pdftotext.err" | grep -v '^— [0-9]* —$' | flatten >"$tmp/flat"
	t "$name:pdftotext-quiet" '[ ! -s "$tmp/pdftotext.err" ] || { cat "$tmp/pdftotext.err"; false; }'
	missing=
	grep -v '^ *[	|]' "$seed" | sed -e 's/年0/年/' -e 's/月0/月/' >"$tmp/lines"
	while IFS= read -r line; do
		text=$(printf '%s' "$line" | sed -e 's/^\([ \t]\|\xe3\x80\x80\|\xc2\xa0\)*//' | strip_numbering | flatten)
		[ -n "$text" ] || continue
		grep -qF -- "$text" "$tmp/flat" || missing="$missing
missing from the PDF's text: $text"
	done <"$tmp/lines"
	if [ -z "$missing" ]; then pass "$name:paragraphs ($sname)"; else fail "$name:paragraphs ($sname)" "$missing"; fi

	# Table numbers in order, differing from the seed only as the text
	# rendering does (tests/seeds/SEED.numbers.diff for defective seeds).
	grep '^ *[	|]' "$seed" | numbers >"$tmp/seed.numbers"
	table_words "$pdf" | numbers >"$tmp/pdf.numbers"
	diff "$tmp/seed.numbers" "$tmp/pdf.numbers" >"$tmp/numbers.diff"
	expected=tests/seeds/$sname.numbers.diff
	[ -f "$expected" ] || expected=/dev/null
	t "$name:table-numbers ($(wc -l <"$tmp/seed.numbers") in the seed)" 'cmp -s "$tmp/numbers.diff" "$expected" || diff "$expected" "$tmp/numbers.diff"'

	t "$name:page-numbers" 'pdftotext -f 1 -l 1 "$pdf" - | grep -q "^— 1 —$"'
done

# ---- fonts ---------------------------------------------------------------------

ex=examples/lvyuan-tongji-2020.yaml
out=$tmp/fonts-out
mkdir -p "$out"
fonts_of() { pdffonts "$out/lvyuan-tongji-2020.pdf" | sed 1,2d | awk '{ sub(/^[A-Z]*\+/, "", $1); print $1 }' | sort -u | tr '\n' ' '; }

t font-ttc-index '"$BIN" build -f pdf -o "$out" --font body=$ARPHIC/uming.ttc:1 $ex && fonts_of | grep -q UMingHK'
t font-per-role '"$BIN" build -f pdf -o "$out" --font heading=$ARPHIC/ukai.ttc:2 --font title=$WQY/wqy-zenhei.ttc:1 $ex &&
	fonts_of | grep -q UKaiTW && fonts_of | grep -q WenQuanYiZenHeiMono'

# fonts: in the source, relative to the source; the command line wins.
sed '/^year:/a fonts: {subheading: '"$ARPHIC"'/uming.ttc:2, table: '"$ARPHIC"'/ukai.ttc:1}' $ex >"$tmp/src-fonts.yaml"
t font-from-source '"$BIN" build -f pdf -o "$out" "$tmp/src-fonts.yaml" && f=$(pdffonts "$out/src-fonts.pdf") &&
	echo "$f" | grep -q UKaiHK'
t font-command-line-wins '"$BIN" build -f pdf -o "$out" --font table=$ARPHIC/uming.ttc:0 "$tmp/src-fonts.yaml" &&
	! pdffonts "$out/src-fonts.pdf" | grep -q UKaiHK'
ln -s $ARPHIC/ukai.ttc "$tmp/kai.ttc"
sed '/^year:/a fonts: {body: kai.ttc:3}' $ex >"$tmp/rel-fonts.yaml"
t font-relative-to-source 'cd / && "$BIN" build -f pdf -o "$out" "$tmp/rel-fonts.yaml" && pdffonts "$out/rel-fonts.pdf" | grep -q UKaiTWMBE'
if [ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ]; then
	# A .ttf without Chinese: its digits and Latin are used, Chinese falls back.
	t font-ttf '"$BIN" build -f pdf -o "$out" --font title=/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf $ex &&
		fonts_of | grep -q DejaVuSans && pdftotext "$out/lvyuan-tongji-2020.pdf" - | head -3 | flatten | grep -q 2020'
fi

# A font that cannot be used: exit 2, the file named (and the Debian package
# of a known one), and no output at all, not even the formats that could.
mkdir "$tmp/nofont"
cp $ex "$tmp/nofont/a.yaml"
"$BIN" build --font body=/nonexistent/uming.ttc "$tmp/nofont/a.yaml" >/dev/null 2>"$tmp/err"; rc=$?
t missing-font-exit-2 '[ $rc = 2 ]'
t missing-font-message 'grep -q "/nonexistent/uming.ttc cannot be opened" "$tmp/err" && grep -q "fonts-arphic-uming" "$tmp/err" || { cat "$tmp/err"; false; }'
t missing-font-writes-nothing '[ "$(ls "$tmp/nofont")" = a.yaml ]'
sed '/^year:/a fonts: {heading: missing-heading.ttf}' $ex >"$tmp/nofont/b.yaml"
"$BIN" build -f pdf "$tmp/nofont/b.yaml" >/dev/null 2>"$tmp/err"; rc=$?
t missing-font-from-source '[ $rc = 2 ] && grep -q "$tmp/nofont/missing-heading.ttf cannot be opened" "$tmp/err" || { cat "$tmp/err"; false; }'
"$BIN" build -f pdf -o "$out" --font body=$ARPHIC/uming.ttc:9 $ex >/dev/null 2>"$tmp/err"; rc=$?
t font-bad-face-index '[ $rc = 2 ] && grep -q "has 4 faces" "$tmp/err" || { cat "$tmp/err"; false; }'
"$BIN" build -f pdf -o "$out" --font body=README.md $ex >/dev/null 2>"$tmp/err"; rc=$?
[ -f README.md ] || { "$BIN" build -f pdf -o "$out" --font body=Makefile $ex >/dev/null 2>"$tmp/err"; rc=$?; }
t font-not-a-font '[ $rc = 2 ] && grep -q "is not a TrueType font" "$tmp/err" || { cat "$tmp/err"; false; }'
t font-unknown-role '[ $(status "$BIN" build -f pdf -o "$out" --font bold=$ARPHIC/uming.ttc $ex) = 2 ]'
t pdf-in-default-formats 'mkdir "$tmp/default" && "$BIN" build -o "$tmp/default" $ex && [ -s "$tmp/default/lvyuan-tongji-2020.pdf" ]'

# ---- a table across a page break -------------------------------------------------

# Table 三 is taller than what is left of a page after 一 and 二: with some
# length of overview it is cut, and the next page starts with its header.
para='我局认真贯彻落实政府信息公开条例，坚持以公开为常态、不公开为例外，推进决策、执行、管理、服务、结果公开，回应社会关切，提升政务公开质量。'
k=0 cut=0 bad=
while [ $k -le 10 ]; do
	{
		printf 'year: 2020\nagency: 某某市某某局\ndate: 2021-01-08\noverview:\n'
		i=0
		while [ $i -lt $k ]; do printf '  - %s%s\n' "$para" "$para"; i=$((i + 1)); done
		[ $k -gt 0 ] || printf '  - %s\n' "$para"
		printf 'problems: 无。\nother_matters: 无。\n'
	} >"$tmp/long.yaml"
	"$BIN" build -f pdf -o "$tmp" "$tmp/long.yaml" 2>/dev/null || { bad="build failed at $k"; break; }
	pages=$(pdfinfo "$tmp/long.pdf" | sed -n 's/^Pages: *//p')
	first= last= heads=0
	p=1
	while [ $p -le "$pages" ]; do
		pdftotext -f $p -l $p "$tmp/long.pdf" - 2>/dev/null | flatten >"$tmp/page"
		grep -q '一、本年新收政府信息公开申请数量' "$tmp/page" && first=$p
		grep -q '四、结转下年度继续办理' "$tmp/page" && last=$p
		if grep -q '申请人情况' "$tmp/page"; then heads=$((heads + 1)); fi
		p=$((p + 1))
	done
	if [ -n "$first" ] && [ -n "$last" ] && [ "$first" != "$last" ]; then
		cut=$((cut + 1))
		# The header on every page the table spans, i.e. repeated.
		[ $heads -eq $((last - first + 1)) ] || bad="$bad
overview of $k paragraphs: table 三 on pages $first-$last but its header on $heads pages"
		# No row runs past the foot of the text block (37 + 225 mm from the
		# top): whatever does not fit goes to the next page whole.
		below=$(pdftotext -bbox "$tmp/long.pdf" - 2>/dev/null | awk '
			/<word / { match($0, /yMin="[0-9.]*"/); y = substr($0, RSTART + 6, RLENGTH - 7)
			           match($0, /yMax="[0-9.]*"/); y2 = substr($0, RSTART + 6, RLENGTH - 7)
			           if (y2 > 742.8 && y < 750) print }')
		[ -z "$below" ] || bad="$bad
overview of $k paragraphs: text below the block: $below"
	fi
	k=$((k + 1))
done
t table-continues-with-header '[ $cut -gt 0 ] && [ -z "$bad" ] || { echo "cut $cut times$bad"; false; }'

# ---- the signature block never stands alone on a page --------------------------

# With more and more text before it, the signature block reaches the foot of
# a page; it then takes the last lines of text along to the next page.
para='我局认真贯彻落实政府信息公开条例，坚持以公开为常态、不公开为例外，推进决策、执行、管理、服务、结果公开。'
k=0 bad=
while [ $k -le 20 ]; do
	{
		printf 'year: 2020\nagency: 某某市某某局\ndate: 2021-01-08\noverview: 无。\nproblems:\n'
		i=0
		while [ $i -le $k ]; do printf '  - %s\n' "$para"; i=$((i + 1)); done
		printf 'other_matters: 无。\n'
	} >"$tmp/sig.yaml"
	"$BIN" build -f pdf -o "$tmp" "$tmp/sig.yaml" 2>/dev/null || { bad="build failed at $k"; break; }
	n=$(pdfinfo "$tmp/sig.pdf" | sed -n 's/^Pages: *//p')
	lines=$(pdftotext -f "$n" -l "$n" "$tmp/sig.pdf" - 2>/dev/null | tr -d '\f' | grep -v '^— [0-9]* —$' | grep -c .)
	[ "$lines" -gt 2 ] || bad="$bad
$k paragraphs: the last page holds only $(pdftotext -f "$n" -l "$n" "$tmp/sig.pdf" - | tr '\n' ' ')"
	k=$((k + 1))
done
t signature-not-alone '[ -z "$bad" ] || { echo "$bad"; false; }'
