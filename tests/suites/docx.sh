#!/bin/sh
# The DOCX renderer (docs/docx.md).  Every example, golden source and report
# of the city tree (examples/city) builds to a .docx that unzip -t and
# xmllint accept part by part, that holds only the parts a report needs, and
# that is the same bytes when built again (also in another time zone).
# python3-docx reads every table cell (tests/suites/docx_cells.py): texts and
# merged ranges equal the layout's, numbers equal -f json's.  Hostile text
# gives a valid file or a clear error; the formats are chosen as for any
# other (project file, -o, --stdout, stamps).  Then LibreOffice headless
# (libreoffice-writer-nogui) prints each example to PDF: A4, within a page of
# gireport's own PDF, every heading, paragraph and number in pdftotext, set
# in the Debian faces through contrib/fontconfig/65-gireport.conf.  In the
# sanitizer pass of tests/run.sh the LibreOffice part is left out.
SUITE=docx
. tests/lib.sh
BIN=$(cd "$BUILD" && pwd)/gireport
PY=${PYTHON:-/usr/bin/python3}
CELLS=tests/suites/docx_cells.py
export LC_ALL=C.UTF-8

flat() { tr -d ' \t\r\n\f'; }

PARTS='[Content_Types].xml _rels/.rels word/document.xml word/_rels/document.xml.rels word/styles.xml word/settings.xml word/fontTable.xml word/footer1.xml word/footer2.xml docProps/core.xml docProps/app.xml'

# A valid package: the zip tests clean, the parts are exactly the report's
# (no macros, no fonts, no external targets), each well-formed XML.
valid_docx() {
	f=$1 d=$tmp/unz.$$
	unzip -t -q "$f" >/dev/null || { echo "unzip -t fails"; return 1; }
	[ "$(unzip -Z1 "$f" | tr '\n' ' ')" = "$PARTS " ] || { echo "parts: $(unzip -Z1 "$f" | tr '\n' ' ')"; return 1; }
	rm -rf "$d" && mkdir -p "$d" && unzip -q -d "$d" "$f" || return 1
	for p in $PARTS; do
		xmllint --nonet --noout "$d/$p" || { echo "$p is not well-formed"; return 1; }
	done
	! grep -l -E 'TargetMode="External"|vbaProject|macroEnabled|embedTrueType|obfuscatedKey' -r "$d"
}

# ---- every example, golden source and city report ------------------------------------

mkdir -p "$tmp/ex" "$tmp/gd" "$tmp/city"
"$BIN" build -q --force -f docx,html,json,pdf -o "$tmp/ex" examples/*.yaml 2>/dev/null
"$BIN" build -q --force -f docx,html,json -o "$tmp/gd" tests/golden/*.yaml 2>/dev/null
cp -r examples/city "$tmp/city"  # the project's own output tree, as the city builds
"$BIN" build -q --force -f docx,html,json "$tmp/city" 2>/dev/null
n_city=$(find "$tmp/city" -name '*.docx' | wc -l)
t "city:all-built" '[ "$n_city" -eq "$(find examples/city -name "*.yaml" ! -name gireport.yaml | wc -l)" ] && [ "$n_city" -gt 10 ]'
for f in "$tmp"/ex/*.docx "$tmp"/gd/*.docx $(find "$tmp/city" -name '*.docx' | sort); do
	name=$(echo "${f#"$tmp"/}" | sed 's/\.docx$//; s|/|-|g')
	t "$name:package" 'valid_docx "$f"'
	t "$name:cells" '"$PY" "$CELLS" "$f" "${f%.docx}.html" "${f%.docx}.json"'
done
# The checker can tell one report from another.
t "cells-checker-fails-on-another-report" \
	'! "$PY" "$CELLS" "$tmp/ex/erqi-tongji-2020.docx" "$tmp/gd/gov2021-full.html" "$tmp/gd/gov2021-full.json"'
t "size-under-40KB" 'for f in "$tmp"/ex/*.docx; do [ "$(wc -c <"$f")" -lt 40960 ] || exit 1; done'

# ---- the same bytes ----------------------------------------------------------------

mkdir -p "$tmp/again"
TZ=Pacific/Kiritimati "$BIN" build -q --force -f docx -o "$tmp/again" examples/*.yaml 2>/dev/null
for f in "$tmp"/ex/*.docx; do
	t "$(basename "$f" .docx):same-bytes" 'cmp "$f" "$tmp/again/$(basename "$f")"'
done
t "zip-times-fixed" '[ "$(unzip -Z -T "$tmp/ex/erqi-tongji-2020.docx" | awk "/^-/ {print \$7}" | sort -u)" = "19800101.120000" ]'

# ---- where formats are chosen ---------------------------------------------------------

src=examples/lvyuan-xixin-2020.yaml
t "stdout" '"$BIN" build --stdout -f docx "$src" 2>/dev/null >"$tmp/stdout.docx" &&
	cmp "$tmp/stdout.docx" "$tmp/ex/lvyuan-xixin-2020.docx"'
mkdir -p "$tmp/proj/a"
cp "$src" "$tmp/proj/a/2020.yaml"
printf 'output: out\nformats: [docx, txt]\n' >"$tmp/proj/gireport.yaml"
t "project-formats" '"$BIN" build -q "$tmp/proj" 2>/dev/null && [ -s "$tmp/proj/out/a/2020.docx" ] &&
	[ -s "$tmp/proj/out/a/2020.txt" ] && [ ! -e "$tmp/proj/out/a/2020.pdf" ]'
# Outputs are written to a new file and renamed: the same inode is one left alone.
inode() { stat -c %i "$tmp/proj/out/a/2020.docx"; }
t "incremental" 'i=$(inode) && "$BIN" build -q "$tmp/proj" && [ "$(inode)" = "$i" ] &&
	"$BIN" build -q -f docx,md "$tmp/proj" && [ "$(inode)" != "$i" ] && [ -s "$tmp/proj/out/a/2020.md" ]'
t "unknown-format-names-docx" '"$BIN" build -f doc "$src" 2>&1 | grep -q "docx"'

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
	rm -f "$tmp/$name.docx"
	"$BIN" build -q --force -f docx -o "$tmp" "$tmp/$name.yaml" >/dev/null 2>"$tmp/$name.err"
	st=$?
	if [ $st = 0 ]; then
		t "hostile-$name" 'valid_docx "$tmp/$name.docx" && "$PY" -c "import docx,sys; docx.Document(sys.argv[1])" "$tmp/$name.docx"'
	else
		t "hostile-$name" '[ $st = 1 ] && grep -q "^$tmp/$name.yaml:[0-9]*:[0-9]*: error: " "$tmp/$name.err" && [ ! -e "$tmp/$name.docx" ]'
	fi
}
markup() { printf '%s\n' "  - '<w:p><w:r><w:t>x</w:t></w:r></w:p> & &amp; \"q\" ]]> <!-- c --> <?pi?> <![CDATA[y]]>'"; }
controls() { printf '  - "a\\u0001b\\u0008c\\u000Bd\\u001Fe\\uFFFEf\\tg"\n'; }
long_para() { printf '  - '; yes '我局坚持以公开为常态、不公开为例外，' | head -n 30000 | tr -d '\n'; printf '\n'; }
many_paras() { awk 'BEGIN { for (i = 1; i <= 10000; i++) printf "  - 第%d段：依法做好政府信息公开工作。\n", i }'; }
hostile markup markup
t "hostile-markup-kept-as-text" 'unzip -p "$tmp/markup.docx" word/document.xml | grep -q "&lt;w:p&gt;&lt;w:r&gt;&lt;w:t&gt;x"'
hostile controls controls
tab_nonchar() { printf '  - "a\\tb\\uFFFEc\\u2028d"\n'; }  # the loader lets these through
hostile tab-noncharacter tab_nonchar
t "hostile-tab-noncharacter-written" 'unzip -p "$tmp/tab-noncharacter.docx" word/document.xml | grep -q "$(printf "a bc\342\200\250d")"'
hostile long-paragraph long_para
hostile paragraphs-10000 many_paras
t "hostile-10000-all-there" '[ "$(unzip -p "$tmp/paragraphs-10000.docx" word/document.xml | grep -o "依法做好政府信息公开工作。" | wc -l)" -ge 10000 ]'

# The tables are measured with the PDF's fonts: one that cannot be opened is
# the PDF's error, and no file.
t "missing-font" '! "$BIN" build -q --force -f docx --font body=/nonexistent.ttf -o "$tmp/nofont" "$src" 2>"$tmp/e" &&
	grep -q "error: .*/nonexistent.ttf cannot be opened" "$tmp/e" && [ ! -e "$tmp/nofont/lvyuan-xixin-2020.docx" ]'

# A template without the "docx" names: a clear error, no file.
mkdir -p "$tmp/tpl"
"$PY" -c 'import json,sys; t=json.load(open("templates/gov-2019.json")); t.pop("docx"); t["id"]="no-docx"; t["years"]=[1990,1990]; json.dump(t,open(sys.argv[1],"w"),ensure_ascii=False)' "$tmp/tpl/no-docx.json"
sed 's/^template: .*/template: no-docx/' examples/erqi-tongji-2020.yaml >"$tmp/nodocx.yaml"
t "template-without-docx-names" '! "$BIN" build -q --templates "$tmp/tpl" -f docx -o "$tmp" "$tmp/nodocx.yaml" 2>"$tmp/e" &&
	grep -q "error: template no-docx: \"docx\" does not name" "$tmp/e" && [ ! -e "$tmp/nodocx.docx" ]'

# The fontconfig aliases name what the templates name.
t "fontconfig-matches-templates" '"$PY" - <<EOF
import json, glob, xml.etree.ElementTree as ET
conf = {a.find("family").text: a.find("accept/family").text
        for a in ET.parse("contrib/fontconfig/65-gireport.conf").getroot().iter("alias")}
for t in glob.glob("templates/*.json"):
    for role, r in json.load(open(t)).get("docx", {}).get("roles", {}).items():
        for name in (r["font"], r["alt"]):
            assert conf.get(name) == r["debian"], (t, role, name, conf.get(name))
EOF'

# ---- LibreOffice ---------------------------------------------------------------------------

if [ -n "$ASAN_OPTIONS" ]; then
	echo "docx: LibreOffice runs on the normal build only" >&2
	exit 0
fi
SOFFICE=$(command -v soffice || command -v libreoffice)
if [ -z "$SOFFICE" ]; then
	fail "libreoffice" "LibreOffice is not installed (apt-get install libreoffice-writer-nogui)"
	exit 0
fi
cat >"$tmp/fonts.conf" <<EOF
<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig><include ignore_missing="yes">/etc/fonts/fonts.conf</include>
<include>$(pwd)/contrib/fontconfig/65-gireport.conf</include></fontconfig>
EOF
mkdir -p "$tmp/lo"
# soffice runs itself under valgrind when VALGRIND is set (make check sets it).
VALGRIND= FONTCONFIG_FILE=$tmp/fonts.conf HOME=$tmp "$SOFFICE" -env:UserInstallation=file://$tmp/lo-profile \
	--headless --convert-to pdf --outdir "$tmp/lo" "$tmp"/ex/*.docx >"$tmp/lo.log" 2>&1
echo "soffice exit status $?" >>"$tmp/lo.log"
t "libreoffice-converts" 'for f in "$tmp"/ex/*.docx; do [ -s "$tmp/lo/$(basename "$f" .docx).pdf" ] || exit 1; done ||
	{ cat "$tmp/lo.log"; exit 1; }'
for f in "$tmp"/ex/*.docx; do
	b=$(basename "$f" .docx) lo=$tmp/lo/$b.pdf
	t "$b:libreoffice-a4" 'pdfinfo "$lo" | grep -q "^Page size: *595\.[0-9]* x 841\.[0-9]* pts (A4)"'
	t "$b:libreoffice-pages" 'a=$(pdfinfo "$lo" | sed -n "s/^Pages: *//p"); g=$(pdfinfo "$tmp/ex/$b.pdf" | sed -n "s/^Pages: *//p");
		echo "LibreOffice $a, gireport $g"; [ "$a" -ge $((g - 1)) ] && [ "$a" -le $((g + 1)) ]'
	pdftotext "$lo" - | flat | sed "s/—[0-9]*—//g" >"$tmp/lo.txt" # the page numbers
	t "$b:libreoffice-text" '"$PY" - "$tmp/lo.txt" "$tmp/ex/$b.json" <<EOF
import json, re, sys
text = open(sys.argv[1], encoding="utf-8").read()
report = json.load(open(sys.argv[2], encoding="utf-8"), parse_float=str, parse_int=str)
flat = lambda s: re.sub(r"\s", "", s)
missing = []
want = [report["title"]] + [p["text"] for p in report.get("preface", [])]
def values(rows):
    for row in rows.values():
        yield from values(row["rows"]) if "rows" in row else row["values"].values()
for s in report["sections"]:
    want.append(s["heading"])
    want += [p.get("numbered", p["text"]) for p in s.get("paragraphs", [])]
    if s["kind"] == "table":
        nums = set(str(v) for v in values(s["rows"]))
        missing += [n for n in nums if n not in text]
want += report.get("signatories") or []
if report.get("date_text"):
    want.append(report["date_text"])
missing += [w[:20] for w in want if flat(w) not in text]
assert not missing, missing
EOF'
	t "$b:libreoffice-debian-faces" 'pdffonts "$lo" | tail -n +3 | awk "{print \$1}" >"$tmp/faces" &&
		grep -q UMing "$tmp/faces" && grep -q ZenHei "$tmp/faces" && ! grep -v -E "UMing|UKai|ZenHei" "$tmp/faces"'
done
