#!/bin/sh
# How the derived files of the corpus were made from the real pages (INDEX.md,
# "derived").  Not run by the tests: the outputs are committed, so CI needs
# neither LibreOffice nor Chromium for them.  Run from tests/real/ to remake
# them (outputs vary in timestamps and producer versions, not in content).
set -e
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
article() { # page -> the article alone (title and body, unchanged)
	python3 tools/article.py "$1" article_title article_content
}
noweb='--host-resolver-rules=MAP * ~NOTFOUND'

# Word files: the article converted by LibreOffice (Writer's HTML import).
for y in 2019 2021 2023; do
	article fj-pingtan-$y.html >"$tmp/fj-pingtan-$y.lo.html"
	soffice --headless --infilter="HTML (StarWriter)" --convert-to 'docx:MS Word 2007 XML' \
		--outdir "$tmp" "$tmp/fj-pingtan-$y.lo.html"
	cp "$tmp/fj-pingtan-$y.lo.docx" .
done

# PDFs: the whole page printed by Chromium, with no network.
for y in 2019 2021 2025; do
	chromium --headless --no-sandbox --disable-gpu "$noweb" --no-pdf-header-footer \
		--virtual-time-budget=5000 --print-to-pdf="$PWD/fj-pingtan-$y.chromium.pdf" \
		"file://$PWD/fj-pingtan-$y.html"
done

# Pasted text: the article's innerText as Chromium gives it (what a script
# copying the article gets: cells separated by tabs, <p> as blank lines).
for y in 2019 2021 2023; do
	article fj-pingtan-$y.html | sed 's|</body>|<script>var t=document.body.innerText;document.body.innerHTML="";var a=document.createElement("textarea");a.id="innertext";a.textContent=t;document.body.appendChild(a);</script></body>|' >"$tmp/it$y.html"
	chromium --headless --no-sandbox --disable-gpu "$noweb" --virtual-time-budget=3000 \
		--dump-dom "file://$tmp/it$y.html" >"$tmp/dom$y.html"
	python3 -c 'import re, html, sys
d = open(sys.argv[1], encoding="utf-8").read()
m = re.search(r"<textarea id=\"innertext\">(.*?)</textarea>", d, re.S)
open(sys.argv[2], "w", encoding="utf-8").write(html.unescape(m.group(1)))' "$tmp/dom$y.html" fj-pingtan-$y.innertext.txt
done

# Text as a terminal browser shows it: w3m's dump of the article (tables drawn
# with box-drawing characters).
article fj-pingtan-2025.html >"$tmp/a2025.html"
w3m -dump -cols 160 -O UTF-8 -T text/html "$tmp/a2025.html" >fj-pingtan-2025.w3m.txt

# 沭阳县发展和改革局 2023: the whole saved page printed by Chromium, and the whole
# page's innerText (what selecting all and copying in a browser gives).
chromium --headless --no-sandbox --disable-gpu "$noweb" --no-pdf-header-footer \
	--virtual-time-budget=5000 --print-to-pdf="$PWD/js-shuyang-fgj-2023.chromium.pdf" \
	"file://$PWD/js-shuyang-fgj-2023.html"
sed 's|</body>|<script>var t=document.body.innerText;document.body.innerHTML="";var a=document.createElement("textarea");a.id="innertext";a.textContent=t;document.body.appendChild(a);</script></body>|' \
	js-shuyang-fgj-2023.html >"$tmp/sy.html"
chromium --headless --no-sandbox --disable-gpu "$noweb" --virtual-time-budget=3000 \
	--dump-dom "file://$tmp/sy.html" >"$tmp/domsy.html"
python3 -c 'import re, html, sys
d = open(sys.argv[1], encoding="utf-8").read()
m = re.search(r"<textarea id=\"innertext\">(.*?)</textarea>", d, re.S)
open(sys.argv[2], "w", encoding="utf-8").write(html.unescape(m.group(1)))' "$tmp/domsy.html" js-shuyang-fgj-2023.innertext.txt

# 莆田市城市管理局 2024 (莆田's portal template): the article (its title block
# xl-top and body TRS_Editor) converted by LibreOffice, and the whole page
# printed by Chromium.
python3 tools/article.py fj-putian-cg-2024.html xl-top TRS_Editor >"$tmp/fj-putian-cg-2024.lo.html"
soffice --headless --infilter="HTML (StarWriter)" --convert-to 'docx:MS Word 2007 XML' \
	--outdir "$tmp" "$tmp/fj-putian-cg-2024.lo.html"
cp "$tmp/fj-putian-cg-2024.lo.docx" .
chromium --headless --no-sandbox --disable-gpu "$noweb" --no-pdf-header-footer \
	--virtual-time-budget=5000 --print-to-pdf="$PWD/fj-putian-cg-2024.chromium.pdf" \
	"file://$PWD/fj-putian-cg-2024.html"
