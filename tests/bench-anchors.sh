#!/bin/sh
# Anchors of `make bench` (issue 16): one report to txt, md and pdf with
# gireport, against two other ways of making its PDF from the same text and
# cells (gireport's Markdown of it), each in a fresh process as a user runs
# it: Typst (npm @myriaddreamin/typst-ts-node-compiler, tests/bench-typst.js)
# and pandoc → WeasyPrint (Debian).  Mean wall time of N runs, process
# start-up included, the ratio anchor/gireport, and the PDFs' sizes; and the
# mean CPU time (user and system) with its ratio, which a loaded machine
# (the development one is shared) disturbs less than the wall time.
# Aims: Typst at least 10× and pandoc → WeasyPrint at least 100× slower than
# gireport; gireport's PDF no larger than the smaller anchor's, also for a
# report of 淮安市人民政府's size (about 900 distinct characters): the third
# report is its 2024 report as published (tests/real/js-huaian-2024.pdf),
# read back with `gireport import` here.  Import leaves nothing to fill in
# it: the published report prints no date, so the source has none either
# (a warning, and a signature block without a date).
#
# The anchors are installed here, not by `make deps`: Typst's compiler into
# $BUILD/anchors (npm), WeasyPrint with apt-get (as root, or through sudo).
# An anchor that cannot be installed is reported and left out.
BUILD=${BUILD:-build}
BIN=$BUILD/gireport
M=$BUILD/measure
TYPST_VERSION=0.7.0
cc -O2 -o "$M" tools/measure.c
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

modules=$BUILD/anchors/node_modules
typst=yes
if [ ! -d "$modules/@myriaddreamin/typst-ts-node-compiler" ]; then
	mkdir -p "$BUILD/anchors"
	(cd "$BUILD/anchors" && npm install --no-audit --no-fund --silent \
		"@myriaddreamin/typst-ts-node-compiler@$TYPST_VERSION") >"$tmp/npm.log" 2>&1 ||
		{ typst=; echo "Typst anchor left out: npm install failed: $(tail -1 "$tmp/npm.log")"; }
fi
weasy=yes
if ! command -v weasyprint >/dev/null || ! command -v pandoc >/dev/null; then
	SUDO=$([ "$(id -u)" = 0 ] || echo sudo)
	DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq weasyprint pandoc >"$tmp/apt.log" 2>&1 ||
		{ weasy=; echo "pandoc → WeasyPrint anchor left out: apt-get install failed"; }
fi
cat >"$tmp/anchor.css" <<'CSS'
body { font-family: "AR PL UMing CN"; font-size: 16pt; }
@page { size: A4; margin: 37mm 26mm 35mm 28mm; }
table { border-collapse: collapse; }
td, th { border: 0.5pt solid black; font-size: 10.5pt; }
CSS

# time N CMD…: sets $wall and $cpu, the means in ms.
time_it() {
	"$M" "$@" >"$tmp/measure" || return
	wall=$(sed 's/ ms per run.*//' "$tmp/measure")
	cpu=$(sed 's/.* CPU \([0-9.]*\) ms.*/\1/' "$tmp/measure")
}
kb() { echo "$(($(wc -c <"$1") / 1024)) KB"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.0f×", a / b }'; }

huaian=$tmp/js-huaian-2024.yaml
"$BIN" import -o "$huaian" tests/real/js-huaian-2024.pdf 2>"$tmp/import.log" ||
	{ echo "js-huaian-2024 left out: import failed: $(tail -1 "$tmp/import.log")"; huaian=; }

for ex in examples/lvyuan-tongji-2020.yaml examples/manzhouli-tongji-2020.yaml $huaian; do
	name=$(basename "$ex" .yaml)
	"$BIN" build --stdout -f md "$ex" >"$tmp/$name.md"
	chars=$(LC_ALL=C.UTF-8 sed 's/./&\n/g' "$tmp/$name.md" | LC_ALL=C.UTF-8 sort -u | wc -l)
	echo "$name ($chars distinct characters), mean wall and CPU time per run, process start-up included:"
	time_it 20 "$BIN" build --force -f txt,md,pdf -o "$tmp" "$ex"
	g=$wall gc=$cpu
	printf '  gireport, txt+md+pdf:     %8.1f ms (CPU %7.1f)   PDF %s\n' "$g" "$gc" "$(kb "$tmp/$name.pdf")"
	if [ -n "$typst" ]; then
		time_it 5 node tests/bench-typst.js "$modules" "$tmp/$name.md" "$tmp/$name.typst.pdf"
		printf '  Typst %s, pdf:        %8.1f ms (CPU %7.1f)   PDF %s   %s gireport (CPU %s)\n' \
			"$TYPST_VERSION" "$wall" "$cpu" "$(kb "$tmp/$name.typst.pdf")" "$(ratio "$wall" "$g")" \
			"$(ratio "$cpu" "$gc")"
	fi
	if [ -n "$weasy" ]; then
		time_it 3 sh -c "pandoc -s -f markdown -t html --metadata pagetitle=report -c '$tmp/anchor.css' \
			'$tmp/$name.md' -o '$tmp/$name.html' && weasyprint '$tmp/$name.html' '$tmp/$name.weasy.pdf'"
		printf '  pandoc → WeasyPrint, pdf: %8.1f ms (CPU %7.1f)   PDF %s   %s gireport (CPU %s)\n' \
			"$wall" "$cpu" "$(kb "$tmp/$name.weasy.pdf")" "$(ratio "$wall" "$g")" "$(ratio "$cpu" "$gc")"
	fi
done
