#!/bin/sh
# The OFD writer (docs/ofd.md).  Every example, golden source and report of
# the city tree (examples/city) builds to a .ofd that unzip -t and xmllint
# accept part by part, and that tests/suites/ofd_check.py walks as a reader
# would: every reference resolves (DocRoot, PublicRes, page BaseLoc,
# FontFile, Font=, the outline's PageID), IDs are unique and within
# MaxUnitID, every DeltaX has one advance per glyph.  Its text objects, read
# in page order, are the text pdftotext reads from gireport's PDF of the same
# source, page by page, apart from white space.  The same bytes again, also
# in another time zone.  Hostile text gives a valid package or a clear error.
# Then the ofd.js reader draws every page of the examples in headless
# Chromium (tests/suites/ofd_render.js), compared with pdftoppm's pictures of
# the PDF by tests/suites/ofd_pixels.py.
SUITE=ofd
. tests/lib.sh
BIN=$(cd "$BUILD" && pwd)/gireport
PY=${PYTHON:-/usr/bin/python3}
CHECK=tests/suites/ofd_check.py
export LC_ALL=C.UTF-8

flat() { tr -d ' \t\r\n'; }

# A valid package: the zip tests clean, every XML part is well-formed and
# the walk finds every reference.
valid_ofd() {
	f=$1 d=$tmp/unz.$$
	unzip -t -q "$f" >/dev/null || { echo "unzip -t fails"; return 1; }
	rm -rf "$d" && mkdir -p "$d" && unzip -q -d "$d" "$f" || return 1
	for p in $(unzip -Z1 "$f" | grep '\.xml$'); do
		xmllint --nonet --noout "$d/$p" || { echo "$p is not well-formed"; return 1; }
	done
	"$PY" "$CHECK" walk "$f" >/dev/null
}

# The text of each page, white space (U+2028 too, which pdftotext reads as a
# space) left out, pages one a line.
ofd_text() { "$PY" "$CHECK" text "$1" | tr -d ' \t\r\n' | tr '\f' '\n' | sed 's/\xe2\x80\xa8//g'; }
# pdftotext reads U+FFFE, which XML cannot hold and the OFD writes as 〓, as U+FFFD.
pdf_text() { pdftotext -raw "$1" - | tr -d ' \t\r\n' | tr '\f' '\n' | sed 's/\xef\xbf\xbd/〓/g'; }

# ---- every example, golden source and city report ------------------------------------

mkdir -p "$tmp/ex" "$tmp/gd" "$tmp/city"
"$BIN" build -q --force -f ofd,pdf -o "$tmp/ex" examples/*.yaml 2>/dev/null
"$BIN" build -q --force -f ofd,pdf -o "$tmp/gd" tests/golden/*.yaml 2>/dev/null
cp -r examples/city "$tmp/city"
"$BIN" build -q --force -f ofd,pdf "$tmp/city" 2>/dev/null
n_city=$(find "$tmp/city" -name '*.ofd' | wc -l)
t "city:all-built" '[ "$n_city" -eq "$(find examples/city -name "*.yaml" ! -name gireport.yaml | wc -l)" ] && [ "$n_city" -gt 10 ]'
t "examples:all-built" '[ "$(ls "$tmp"/ex/*.ofd | wc -l)" -eq "$(ls examples/*.yaml | wc -l)" ]'
for f in "$tmp"/ex/*.ofd "$tmp"/gd/*.ofd $(find "$tmp/city" -name '*.ofd' | sort); do
	name=$(echo "${f#"$tmp"/}" | sed 's/\.ofd$//; s|/|-|g')
	t "$name:package" 'valid_ofd "$f"'
	t "$name:text-as-pdf" 'ofd_text "$f" >"$tmp/o.txt" && pdf_text "${f%.ofd}.pdf" >"$tmp/p.txt" &&
		[ -s "$tmp/o.txt" ] && diff "$tmp/p.txt" "$tmp/o.txt"'
done

# What the walk and the comparison catch: a reference that goes nowhere, a
# missing part, a glyph too many, another report's text.
ex=$tmp/ex/erqi-tongji-2020.ofd
broken() { # name, sed script for a part, the part
	rm -rf "$tmp/b" && mkdir -p "$tmp/b" && (cd "$tmp/b" && unzip -q "$ex") &&
		sed -i "$2" "$tmp/b/$3" && (cd "$tmp/b" && zip -q -X -r ../b.ofd .) &&
		! "$PY" "$CHECK" walk "$tmp/b.ofd" 2>"$tmp/b.err" && cat "$tmp/b.err" && rm -f "$tmp/b.ofd"
}
t "walk-catches-font" 'broken font "s/Font=\"[0-9]*\"/Font=\"9999\"/" Doc_0/Pages/Page_0/Content.xml | grep -q "font 9999"'
t "walk-catches-page" 'broken page "s|Pages/Page_1/|Pages/Page_9/|" Doc_0/Document.xml | grep -q "not in the package"'
t "walk-catches-deltax" 'broken deltax "0,/DeltaX=\"/s/DeltaX=\"/DeltaX=\"1 /" Doc_0/Pages/Page_0/Content.xml | grep -q "DeltaX"'
t "walk-catches-outline" 'broken outline "s/PageID=\"[0-9]*\"/PageID=\"77\"/" Doc_0/Document.xml | grep -q "outline"'
t "walk-catches-max-id" 'broken maxid "s|<ofd:MaxUnitID>[0-9]*<|<ofd:MaxUnitID>3<|" Doc_0/Document.xml | grep -q "MaxUnitID"'
t "text-catches-another-report" 'ofd_text "$ex" >"$tmp/o.txt" && pdf_text "$tmp/ex/lvyuan-xixin-2020.pdf" >"$tmp/p.txt" &&
	! diff -q "$tmp/p.txt" "$tmp/o.txt"'

# The package as docs/ofd.md describes it.
t "docinfo" 'unzip -p "$ex" OFD.xml | grep -q "<ofd:Title>郑州市二七区统计局2020年政府信息公开工作年度报告</ofd:Title><ofd:Author>郑州市二七区统计局</ofd:Author>" &&
	unzip -p "$ex" OFD.xml | grep -q "<ofd:Creator>gireport [0-9.]*</ofd:Creator>"'
t "creation-date-from-source" 'unzip -p "$tmp/ex/lvyuan-xixin-2020.ofd" OFD.xml | grep -q "<ofd:CreationDate>$(sed -n "s/^date: *//p" examples/lvyuan-xixin-2020.yaml)</ofd:CreationDate>"'
t "outline-six-sections" '[ "$(unzip -p "$ex" Doc_0/Document.xml | grep -o "<ofd:OutlineElem " | wc -l)" = 6 ] &&
	unzip -p "$ex" Doc_0/Document.xml | grep -q "OutlineElem Title=\"一、总体情况\""'
t "pages-as-pdf" 'for f in "$tmp"/ex/*.ofd; do
	[ "$(unzip -Z1 "$f" | grep -c "^Doc_0/Pages/Page_[0-9]*/Content.xml$")" = "$(pdfinfo "${f%.ofd}.pdf" | sed -n "s/^Pages: *//p")" ] || exit 1; done'
t "rules-as-path-objects" '[ "$(unzip -p "$ex" "Doc_0/Pages/Page_*/Content.xml" | grep -c "<ofd:PathObject ")" -gt 50 ]'
# uming.ttc holds 20 MB of glyphs: the subset of a report's characters is a few hundred KB.
t "fonts-are-subsets" 'for p in $(unzip -Z1 "$ex" "Doc_0/Res/*.ttf"); do [ "$(unzip -p "$ex" "$p" | wc -c)" -lt 1000000 ] || exit 1; done'
t "size-within-1.5x-pdf" 'for f in "$tmp"/ex/*.ofd; do o=$(wc -c <"$f"); p=$(wc -c <"${f%.ofd}.pdf"); [ $((o * 2)) -le $((p * 3)) ] || { echo "$f $o vs $p"; exit 1; }; done'

# ---- the same bytes ----------------------------------------------------------------

mkdir -p "$tmp/again"
TZ=Pacific/Kiritimati "$BIN" build -q --force -f ofd -o "$tmp/again" examples/*.yaml 2>/dev/null
for f in "$tmp"/ex/*.ofd; do
	t "$(basename "$f" .ofd):same-bytes" 'cmp "$f" "$tmp/again/$(basename "$f")"'
done
t "zip-times-fixed" '[ "$(unzip -Z -T "$ex" | awk "/^-/ {print \$7}" | sort -u)" = "19800101.120000" ]'

# ---- where formats are chosen ---------------------------------------------------------

src=examples/lvyuan-xixin-2020.yaml
t "stdout" '"$BIN" build --stdout -f ofd "$src" 2>/dev/null >"$tmp/stdout.ofd" && cmp "$tmp/stdout.ofd" "$tmp/ex/lvyuan-xixin-2020.ofd"'
mkdir -p "$tmp/proj/a"
cp "$src" "$tmp/proj/a/2020.yaml"
printf 'output: out\nformats: [ofd, txt]\n' >"$tmp/proj/gireport.yaml"
t "project-formats" '"$BIN" build -q "$tmp/proj" 2>/dev/null && [ -s "$tmp/proj/out/a/2020.ofd" ] &&
	[ -s "$tmp/proj/out/a/2020.txt" ] && [ ! -e "$tmp/proj/out/a/2020.pdf" ]'
t "unknown-format-names-ofd" '"$BIN" build -f odf "$src" 2>&1 | grep -q "ofd"'
t "missing-font" '! "$BIN" build -q --force -f ofd --font body=/nonexistent.ttf -o "$tmp/nofont" "$src" 2>"$tmp/e" &&
	grep -q "error: .*/nonexistent.ttf cannot be opened" "$tmp/e" && [ ! -e "$tmp/nofont/lvyuan-xixin-2020.ofd" ]'

# ---- hostile text -----------------------------------------------------------------------

head_lines=$(sed -n '/^overview:/q;p' examples/lvyuan-xixin-2020.yaml)
tail_lines=$(sed -n '/^proactive:/,$p' examples/lvyuan-xixin-2020.yaml | sed '/^problems:/,$d')
hostile() { # name, then the narrative lines of overview
	name=$1; shift
	{
		printf '%s\n' "$head_lines"
		printf 'overview:\n'
		"$@"
		printf '%s\n' "$tail_lines"
		printf 'problems: 无。\nother_matters: 无。\n'
	} >"$tmp/$name.yaml"
	rm -f "$tmp/$name.ofd"
	"$BIN" build -q --force -f ofd,pdf -o "$tmp" "$tmp/$name.yaml" >/dev/null 2>"$tmp/$name.err"
	st=$?
	if [ $st = 0 ]; then
		t "hostile-$name" 'valid_ofd "$tmp/$name.ofd" && ofd_text "$tmp/$name.ofd" >"$tmp/o.txt" &&
			pdf_text "$tmp/$name.pdf" >"$tmp/p.txt" && diff "$tmp/p.txt" "$tmp/o.txt" >/dev/null'
	else
		t "hostile-$name" '[ $st = 1 ] && grep -q "^$tmp/$name.yaml:[0-9]*:[0-9]*: error: " "$tmp/$name.err" && [ ! -e "$tmp/$name.ofd" ]'
	fi
}
markup() { printf '%s\n' "  - '<ofd:TextCode X=\"0\">x</ofd:TextCode> & &amp; \"q\" ]]> <!-- c --> <?pi?> <![CDATA[y]]>'"; }
controls() { printf '  - "a\\u0001b\\u0008c\\u000Bd\\u001Fe\\uFFFEf\\tg"\n'; }
tab_nonchar() { printf '  - "a\\tb\\uFFFEc\\u2028d\\U0001F600e"\n'; }
long_para() { printf '  - '; yes '我局坚持以公开为常态、不公开为例外，' | head -n 3000 | tr -d '\n'; printf '\n'; }
many_paras() { awk 'BEGIN { for (i = 1; i <= 2000; i++) printf "  - 第%d段：依法做好政府信息公开工作。\n", i }'; }
hostile markup markup
t "hostile-markup-kept-as-text" 'unzip -p "$tmp/markup.ofd" "Doc_0/Pages/Page_0/Content.xml" | grep -q "&lt;ofd:TextCode"'
hostile controls controls
hostile tab-noncharacter tab_nonchar
t "hostile-noncharacter-as-geta" 'unzip -p "$tmp/tab-noncharacter.ofd" "Doc_0/Pages/Page_0/Content.xml" | grep -q ">b〓c"'
hostile long-paragraph long_para
hostile paragraphs-2000 many_paras
t "hostile-2000-all-there" '[ "$(ofd_text "$tmp/paragraphs-2000.ofd" | grep -o "依法做好政府信息公开工作。" | wc -l)" -ge 2000 ]'

# ---- drawn by a reader -------------------------------------------------------------------

# ofd.js (npm, Apache-2.0; DLTech21/ofd.js), the JavaScript OFD reader many
# e-government web sites embed, draws each page of the examples in headless
# Chromium (tests/suites/ofd_render.js), and pdftoppm draws the same page of
# gireport's PDF, both 840 x 1188 pixels (4 a millimetre).  ofd_pixels.py
# averages both over millimetre squares and gives their mean difference in
# grey levels.  Version 0.2.6 is the last whose build is plain JavaScript
# with its dependencies inside (1.x needs a licensed parser core); its
# tarball is fetched once with npm pack into $BUILD/ofdjs and checked
# against the SHA-256 below.  Without a network (npm cannot resolve the
# registry) these tests are skipped, each saying so; npm missing is a FAIL.
#
# The thresholds, from the examples' 22 pages: a page as ofd.js draws it
# differs from the PDF's by 0.3 to 6.6 grey levels on average, with at most
# 0.6 % of the millimetre squares off by more than 64 levels (tables differ
# most: ofd.js anti-aliases the 0.7-pixel rules over two pixels where
# pdftoppm blackens one, and Chromium hints the 五号 text otherwise; the
# title lacks the stroke that makes it bold).  The page drawn against the
# PDF's next page differs by 7.2 to 15.7 on average and has 4.2 to 8.1 % of
# its squares off.  A page passes under both THRESHOLD (mean) and
# THRESHOLD_OFF (share of squares off): the mean alone cannot tell a nearly
# empty last page from another nearly empty page, the share can.
OFDJS_VERSION=0.2.6
OFDJS_SHA256=ec96a0966f66f8d1740e18eb231c6683de63020c6dde15be6aeb19778d912685
THRESHOLD=8
THRESHOLD_OFF=0.015
PIXELS=tests/suites/ofd_pixels.py
CHROMIUM=${CHROMIUM:-$(command -v chromium || command -v chromium-browser)}
ofdjs_dir=$(cd "$BUILD" && pwd)/ofdjs
ofdjs=$ofdjs_dir/package/lib/ofd.umd.min.js
why_skip=
if [ -n "$ASAN_OPTIONS" ]; then
	why_skip="the reader's pictures are compared on the normal build only"
elif [ ! -f "$ofdjs" ] && command -v npm >/dev/null; then
	rm -rf "$ofdjs_dir" && mkdir -p "$ofdjs_dir"
	if (cd "$ofdjs_dir" && timeout 300 npm pack --loglevel=error --fetch-retries=1 \
		"ofd.js@$OFDJS_VERSION" >npm.log 2>&1); then
		if [ "$(sha256sum "$ofdjs_dir/ofd.js-$OFDJS_VERSION.tgz" | cut -d' ' -f1)" = "$OFDJS_SHA256" ]; then
			tar -xzf "$ofdjs_dir/ofd.js-$OFDJS_VERSION.tgz" -C "$ofdjs_dir" package/lib/ofd.umd.min.js package/LICENSE
		else
			echo "ofd.js-$OFDJS_VERSION.tgz is not the tarball this suite was written against" >"$ofdjs_dir/npm.log"
		fi
		rm -f "$ofdjs_dir/ofd.js-$OFDJS_VERSION.tgz"
	else
		net=$(grep -m1 -o -E 'ENOTFOUND|EAI_AGAIN|ENETUNREACH|ECONNREFUSED|ETIMEDOUT' "$ofdjs_dir/npm.log")
		[ -z "$net" ] || why_skip="no network to fetch ofd.js with npm: $net"
	fi
fi
t "ofdjs-installed" '[ -n "$why_skip" ] || [ -f "$ofdjs" ] || { command -v npm || echo "npm is not installed (apt-get install npm)"; cat "$ofdjs_dir/npm.log"; exit 1; }'
[ -n "$CHROMIUM" ] || why_skip=${why_skip:-chromium is missing}
t "chromium" '[ -n "$CHROMIUM" ] || { echo "chromium is not installed (apt-get install chromium)"; exit 1; }'

# The reader's fonts: ofd.js names each face by its family and maps "…Kai…"
# to 楷体, which contrib/fontconfig/65-gireport.conf gives AR PL UKai CN.
cat >"$tmp/fonts.conf" <<CONF
<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig><include ignore_missing="yes">/etc/fonts/fonts.conf</include>
<include>$(pwd)/contrib/fontconfig/65-gireport.conf</include></fontconfig>
CONF

render_page() { # ofd page out.png: the page as ofd.js draws it; for page 0, out.dom has the page count
	html=${3%.png}.html
	{
		printf '<!DOCTYPE html><html><head><meta charset="utf-8"><style>html,body{margin:0;padding:0;'
		printf 'background:#fff;overflow:hidden}</style></head><body><div id="page"></div>'
		printf '<pre id="result" hidden></pre>\n<script src="file://%s"></script>\n' "$ofdjs"
		printf '<script>var PAGE = %d, OFD_B64 = "' "$2"
		base64 -w0 "$1"
		printf '";</script>\n<script src="file://%s/tests/suites/ofd_render.js"></script></body></html>\n' "$(pwd)"
	} >"$html"
	whats="--screenshot=$3"
	[ "$2" != 0 ] || whats="$whats --dump-dom"
	for what in $whats; do
		FONTCONFIG_FILE=$tmp/fonts.conf timeout 120 "$CHROMIUM" --headless --no-sandbox --disable-gpu \
			--no-first-run --user-data-dir="${3%.png}.profile" --hide-scrollbars --window-size=840,1188 \
			--virtual-time-budget=10000 $what "file://$html" >"${3%.png}.dom" 2>"${3%.png}.err" || return 1
	done
	rm -rf "${3%.png}.profile"
}

pdf_page() { # pdf page out.pgm
	pdftoppm -gray -f $(($2 + 1)) -l $(($2 + 1)) -scale-to-x 840 -scale-to-y 1188 -singlefile "$1" "${3%.pgm}"
}

# "MEAN SHARE" for two pictures; success when both are under the thresholds.
pixels() { "$PY" "$PIXELS" "$1" "$2"; }
under() { set -- $1; awk -v d="$1" -v s="$2" -v t=$THRESHOLD -v o=$THRESHOLD_OFF 'BEGIN { exit !(d < t && s < o) }'; }

mkdir -p "$tmp/draw"
for f in "$tmp"/ex/*.ofd; do
	name=$(basename "$f" .ofd)
	pages=$(pdfinfo "${f%.ofd}.pdf" | sed -n 's/^Pages: *//p')
	p=0
	while [ "$p" -lt "$pages" ]; do
		if [ -n "$why_skip" ]; then
			skip "$name:page-$((p + 1)):drawn-as-pdf" "$why_skip"
			p=$((p + 1))
			continue
		fi
		png=$tmp/draw/$name-$p.png pgm=$tmp/draw/$name-$p.pgm
		t "$name:page-$((p + 1)):drawn-as-pdf" 'render_page "$f" $p "$png" &&
			{ [ $p != 0 ] || grep -q "<pre id=\"result\" hidden=\"\">pages $pages<" "${png%.png}.dom"; } &&
			pdf_page "${f%.ofd}.pdf" $p "$pgm" && d=$(pixels "$png" "$pgm") && echo "mean difference, share off: $d" &&
			under "$d"'
		p=$((p + 1))
	done
done
# What the comparison catches: the next page's picture, an empty page, and
# the last page of a report (little text) against the page before it, whose
# mean difference alone would pass.
ex_png=$tmp/draw/erqi-tongji-2020-0.png
if [ -n "$why_skip" ]; then
	skip "pixels-catch-another-page" "$why_skip"
	skip "pixels-catch-an-empty-page" "$why_skip"
	skip "pixels-catch-the-page-before-a-sparse-one" "$why_skip"
else
	t "pixels-catch-another-page" 'd=$(pixels "$ex_png" "$tmp/draw/erqi-tongji-2020-1.pgm") && echo "$d" && ! under "$d"'
	t "pixels-catch-an-empty-page" 'printf "P5\n840 1188\n255\n" >"$tmp/white.pgm" && head -c 997920 /dev/zero | tr "\0" "\377" >>"$tmp/white.pgm" &&
		d=$(pixels "$ex_png" "$tmp/white.pgm") && echo "$d" && ! under "$d"'
	t "pixels-catch-the-page-before-a-sparse-one" 'd=$(pixels "$tmp/draw/lvyuan-tongji-2020-4.png" "$tmp/draw/lvyuan-tongji-2020-3.pgm") &&
		echo "$d" && ! under "$d"'
fi
