#!/bin/sh
# A city's tree of reports (docs/city.md): examples/city/ checks clean and is
# what tools/gen-city.sh writes; `gireport summary` gives the expected CSV,
# Markdown and JSON (tests/golden/city-summary.*), with a BOM only on request,
# CRLF line ends and a 合计 row that adds up; the carry-over mismatch of
# tests/city-mismatch/ is found and listed; `gireport diff` of one bureau's
# two years gives tests/golden/city-diff-minzheng.{txt,md}.
# REGEN=1 rewrites those golden files instead of comparing (make regen).
BIN=${BUILD:-build}/gireport
G=tests/golden
SUITE=city
. tests/lib.sh

golden() { # name, expected file, then the command whose stdout it is
	name=$1 want=$2; shift 2
	if [ -n "$REGEN" ]; then  # only from a run that worked
		if "$@" >"$tmp/new" 2>"$tmp/err" && [ -s "$tmp/new" ]; then
			cp "$tmp/new" "$want"
		else
			fail "regen:$name" "$(head -5 "$tmp/err")"
		fi
		return
	fi
	"$@" >"$tmp/got" 2>"$tmp/err"
	if cmp -s "$tmp/got" "$want"; then
		pass "$name"
	else
		fail "$name" "$(diff "$want" "$tmp/got" | head -20; head -5 "$tmp/err")"
	fi
}

golden summary-csv $G/city-summary.csv "$BIN" summary -f csv examples/city
golden summary-md $G/city-summary.md "$BIN" summary -f md examples/city
golden summary-json $G/city-summary.json "$BIN" summary -f json examples/city
golden diff-txt $G/city-diff-minzheng.txt "$BIN" diff examples/city/minzheng/2020.yaml examples/city/minzheng/2021.yaml
golden diff-md $G/city-diff-minzheng.md "$BIN" diff -f md examples/city/minzheng/2020.yaml examples/city/minzheng/2021.yaml
[ -z "$REGEN" ] || exit 0

# The tree: at least 12 bureaus over 2 years, every source clean, carry-over included.
t tree-size '[ $(ls examples/city/*/2020.yaml | wc -l) -ge 12 ] && [ $(ls examples/city/*/2021.yaml | wc -l) -ge 12 ]'
t check-files '"$BIN" check -q examples/city/*/*.yaml'
t check-project '"$BIN" check examples/city 2>&1 | grep -q "24 sources checked, 0 with errors"'
t editions '"$BIN" summary examples/city 2>/dev/null >"$tmp/e.csv"; [ $(grep -c ",2020,gov-2019,.*,通过,0," "$tmp/e.csv") = 12 ] && [ $(grep -c ",2021,gov-2021,.*,通过,0," "$tmp/e.csv") = 12 ]'

# The generator writes the committed files byte for byte (the output
# directory of a build, out/, is not the generator'"'"'s).
t generator-tree 'sh tools/gen-city.sh "$tmp/city" && diff -r -x out "$tmp/city" examples/city'
t generator-mismatch 'sh tools/gen-city.sh --mismatch "$tmp/mm" && diff -r "$tmp/mm" tests/city-mismatch'
t generator-deterministic 'sh tools/gen-city.sh "$tmp/again" && diff -r "$tmp/city" "$tmp/again"'

# CSV for spreadsheets: a BOM only with --bom, CRLF everywhere, nothing else changed.
"$BIN" summary -f csv examples/city >"$tmp/plain.csv" 2>/dev/null
"$BIN" summary -f csv --bom examples/city >"$tmp/bom.csv" 2>/dev/null
t csv-no-bom '[ "$(head -c 3 "$tmp/plain.csv" | od -An -tx1 | tr -d " ")" != efbbbf ]'
t csv-bom '[ "$(head -c 3 "$tmp/bom.csv" | od -An -tx1 | tr -d " ")" = efbbbf ] && tail -c +4 "$tmp/bom.csv" | cmp -s - "$tmp/plain.csv"'
# (27 lines: the header, 24 sources, a 合计 for 2020 and one for 2021)
t csv-crlf '[ $(tr -cd "\r" <"$tmp/plain.csv" | wc -c) = $(wc -l <"$tmp/plain.csv") ] && [ $(wc -l <"$tmp/plain.csv") = 27 ]'
t csv-bom-ignored-elsewhere '"$BIN" summary -f md --bom examples/city 2>/dev/null | head -c 1 | grep -q "|"'

# The 合计 row is the sum of the rows, for a figure of both editions and a
# requests column; a figure only one edition has gets no total.
col_sum() { # label year: the sum of the column over that year's rows that passed, and its 合计 cell
	tr -d '\r' <"$tmp/plain.csv" | awk -F, -v want="$1" -v year="$2" '
		NR == 1 { for (i = 1; i <= NF; i++) if ($i == want) c = i; next }
		$1 == "合计" && $2 == year { total = $c; next }
		$5 == "通过" && $2 == year { sum += $c }
		END { if (!c) exit 1; print sum, total }'
}
for label in 行政许可决定 本年新收申请 结转下年度 行政复议; do
	for year in 2020 2021; do
		t "total:$label:$year" 'set -- $(col_sum '"$label $year"'); [ -n "$2" ] && [ "$1" = "$2" ]'
	done
done
# Reports of different years are never added together: a 合计 row for each
# year, after its rows, and none without a year.
t total-by-year 'tr -d "\r" <"$tmp/plain.csv" | awk -F, "\$1 == \"合计\" { t[++n] = \$2; next } NR > 1 && n == 0 && \$2 != 2020 { bad = 1 } NR > 1 && n == 1 && \$2 != 2021 { bad = 1 } END { exit bad || n != 2 || t[1] != 2020 || t[2] != 2021 }"'
t total-amount-one-edition-empty 'set -- $(col_sum "政府集中采购金额（万元）" 2021); [ -z "$2" ]'
# The JSON is valid and says the same (tools/jsoncheck.c reads numbers as text).
"$BIN" summary -f json examples/city >"$tmp/s.json" 2>/dev/null
if ${CC:-cc} -std=c11 -O1 tools/jsoncheck.c $(pkg-config --cflags --libs libcjson) -o "$tmp/jsoncheck" 2>"$tmp/cc.err"; then
	t json-valid '"$tmp/jsoncheck" "$tmp/s.json" && "$tmp/jsoncheck" "$tmp/s.json" "rows#" 24 && "$tmp/jsoncheck" "$tmp/s.json" "columns#" 23'
	t json-totals 'set -- $(col_sum 本年新收申请 2021) && "$tmp/jsoncheck" "$tmp/s.json" totals.by_year[1].figures.received "$2" && "$tmp/jsoncheck" "$tmp/s.json" totals.by_year[1].year 2021 && "$tmp/jsoncheck" "$tmp/s.json" totals.by_year[1].sources 12 && "$tmp/jsoncheck" "$tmp/s.json" totals.sources 24 && "$tmp/jsoncheck" "$tmp/s.json" totals.failed 0'
	t json-one-edition-no-total '! "$tmp/jsoncheck" "$tmp/s.json" totals.by_year[1].figures.procurement_amount && "$tmp/jsoncheck" "$tmp/s.json" totals.by_year[0].figures.procurement_amount 4641.8749'
	t json-no-total-across-years '"$tmp/jsoncheck" "$tmp/s.json" "totals.figures#" 0 && "$tmp/jsoncheck" "$tmp/s.json" "totals.by_year#" 2'
	t json-row '"$tmp/jsoncheck" "$tmp/s.json" - <<EOF
rows[file=examples/city/tongji/2021.yaml].agency 青石市临江区统计局
rows[file=examples/city/tongji/2021.yaml].year 2021
rows[file=examples/city/tongji/2021.yaml].status ok
rows[file=examples/city/tongji/2021.yaml].figures@ regulations_issued,normative_issued,normative_in_force,licensing,penalties,coercion,fees_amount,received,carried_over,granted,partly_granted,withheld,unavailable,not_processed,other,results_total,carried_forward,review,litigation,corrected
EOF'
else
	fail build-jsoncheck "$(cat "$tmp/cc.err")"
fi

# A carry-over mismatch: the agency is listed with its error, the rest still summed.
t mismatch-check '[ $(status "$BIN" check tests/city-mismatch) = 1 ] && "$BIN" check tests/city-mismatch 2>&1 | grep -q "zhujian/2021.yaml:31:25: error: .*二、上年结转 = 4 but last year.s 四、结转下年度继续办理 = 3"'
t mismatch-status '[ $(status "$BIN" summary tests/city-mismatch) = 1 ]'
t mismatch-csv-row '"$BIN" summary tests/city-mismatch 2>/dev/null | grep -q "^青石市临江区住房和城乡建设局,2021,gov-2021,tests/city-mismatch/zhujian/2021.yaml,有错误,1,,,"'
t mismatch-md-list '"$BIN" summary -f md tests/city-mismatch 2>/dev/null | grep -q "^- tests/city-mismatch/zhujian/2021.yaml（青石市临江区住房和城乡建设局）：1个错误$"'
t mismatch-json-failed '"$BIN" summary -f json tests/city-mismatch 2>/dev/null | grep -q "\"failed\": \[\"tests/city-mismatch/zhujian/2021.yaml\"\]"'
t mismatch-stderr '"$BIN" summary tests/city-mismatch 2>&1 >/dev/null | grep -q "4 sources summarised, 1 with errors"'
t mismatch-diff-still-works '[ $(status "$BIN" diff tests/city-mismatch/zhujian/2020.yaml tests/city-mismatch/zhujian/2021.yaml) = 0 ]'

# Sources that are not reports at all, and text a spreadsheet would misread.
printf 'year: 2021\nagency: 某局\nrequests:\n  received: [1, 2]\n' >"$tmp/broken.yaml"
printf 'year: 2021\nagency: 某局\nrequests: [\n' >"$tmp/not-yaml.yaml"
sed -e 's/^agency: .*/agency: "=HYPERLINK(1),\\"甲\\""/' examples/city/tongji/2021.yaml >"$tmp/quoted.yaml"
t failed-source-row '"$BIN" summary "$tmp/broken.yaml" 2>/dev/null | tr -d "\r" | grep -q "^某局,2021,gov-2021,$tmp/broken.yaml,有错误,1"'
t not-yaml-source-row '"$BIN" summary "$tmp/not-yaml.yaml" 2>/dev/null | tr -d "\r" | grep -q "^,,,$tmp/not-yaml.yaml,有错误,1$"'
t unreadable-source-row '"$BIN" summary "$tmp/nope.yaml" 2>/dev/null | grep -q ",无法读取,0"'
t csv-quoting '"$BIN" summary "$tmp/quoted.yaml" 2>/dev/null | grep -q "^\"'"'"'=HYPERLINK(1),\"\"甲\"\"\",2021,"'
t md-escaping '"$BIN" summary -f md "$tmp/quoted.yaml" 2>/dev/null | grep -q "^| =HYPERLINK(1),\"甲\" | 2021 |"'

# diff: exit 0 whatever differs, nothing for a file against itself, usage errors.
t diff-same '"$BIN" diff examples/city/tongji/2021.yaml examples/city/tongji/2021.yaml | tail -1 | grep -qx "0个数字不同，叙述删去0段、新增0段。"'
t diff-one-file '[ $(status "$BIN" diff examples/city/tongji/2021.yaml) = 2 ]'
t diff-bad-format '[ $(status "$BIN" diff -f pdf examples/city/tongji/2020.yaml examples/city/tongji/2021.yaml) = 2 ]'
t diff-invalid-source '[ $(status "$BIN" diff "$tmp/broken.yaml" examples/city/tongji/2021.yaml) = 1 ]'
t summary-bad-format '[ $(status "$BIN" summary -f xlsx examples/city) = 2 ]'

# valgrind memcheck of summary and diff (with VALGRIND set, not on the ASan build).
if [ -n "$VALGRIND" ] && [ "${BUILD:-build}" != "${ASAN_BUILD:-}" ] && command -v valgrind >/dev/null; then
	vg() {
		valgrind -q --leak-check=full --show-leak-kinds=definite,indirect,possible \
			--errors-for-leak-kinds=definite,indirect,possible --error-exitcode=99 "$@" \
			>/dev/null 2>"$tmp/vg"
		[ $? -ne 99 ]
	}
	for f in csv md json; do
		t "valgrind:summary-$f" 'vg "$BIN" summary -f '$f' examples/city tests/city-mismatch "$tmp/broken.yaml" "$tmp/not-yaml.yaml" "$tmp/nope.yaml" || { cat "$tmp/vg"; false; }'
	done
	t valgrind:diff 'vg "$BIN" diff examples/city/ziran/2020.yaml examples/city/ziran/2021.yaml && vg "$BIN" diff -f md examples/erqi-tongji-2020.yaml tests/golden/gov2021-full.yaml || { cat "$tmp/vg"; false; }'
else # the same lines in every run, for tests/counts
	for f in csv md json; do skip "valgrind:summary-$f" "VALGRIND=1 runs it, on the normal build"; done
	skip valgrind:diff "VALGRIND=1 runs it, on the normal build"
fi
