#!/bin/sh
# gireport new: the skeleton of every template checks and builds straight
# away, carries every cell, and matches its golden file (tests/new/).
BIN=${BUILD:-build}/gireport
SUITE=new
. tests/lib.sh

for tpl in gov-2019 gov-2019-lvyuan gov-2021; do
	year=2020; [ $tpl = gov-2021 ] && year=2021
	"$BIN" new --template $tpl --year $year --agency 某区统计局 >"$tmp/$tpl.yaml"
	t "$tpl:checks" '"$BIN" check "$tmp/$tpl.yaml"'
	t "$tpl:builds" '"$BIN" build -q -f txt,md,pdf -o "$tmp" "$tmp/$tpl.yaml" && [ -s "$tmp/$tpl.pdf" ]'
	t "$tpl:placeholders-warned" '! "$BIN" check --strict "$tmp/$tpl.yaml" && [ $("$BIN" check "$tmp/$tpl.yaml" 2>&1 | grep -c "placeholder text") = 3 ]'
	# Every cell but the computed totals is written (not omitted), and zero.
	t "$tpl:every-cell" '"$BIN" build --stdout -f tree "$tmp/$tpl.yaml" >"$tmp/tree" && ! grep "(omitted)" "$tmp/tree" | grep -qv "(total)" && ! grep "^[a-z_.]* = " "$tmp/tree" | grep -qv " = 0"'
	t "$tpl:labels-as-comments" 'grep -q "# 报告年度" "$tmp/$tpl.yaml" && grep -q "# 1.属于国家秘密" "$tmp/$tpl.yaml"'
done
t default-template-by-year '"$BIN" new --year 2022 --agency x | grep -q "^template: gov-2021"'
t unknown-template '! "$BIN" new --template gov-1999 2>/dev/null'
mkdir "$tmp/tpl" "$tmp/broken"
sed 's/"placeholder": "（待填写）"/"placeholder": "（请填写）"/' templates/gov-2021.json >"$tmp/tpl/gov-2021.json"
echo '{ broken' >"$tmp/broken/x.json"
t templates-from-environment 'GIREPORT_TEMPLATE_PATH="$tmp/tpl" "$BIN" new --template gov-2021 --year 2021 --agency x | grep -q "（请填写）"'
t broken-template-directory '! "$BIN" new --templates "$tmp/broken" --year 2021 2>/dev/null'
# The schema line names the installed schema, under the Makefile's PREFIX;
# the golden file has the default's.
t golden-gov-2021 '"$BIN" new --template gov-2021 --year 2021 --agency 青石市临江区统计局 --schema /usr/local/share/gireport/schemas/gov-2021.schema.json | cmp -s - tests/new/gov-2021.yaml'
