#!/bin/sh
# The JSON output (docs/json.md): for every example and golden case a valid
# JSON document holding every cell of the model exactly (checked against the
# -f tree dump) and every paragraph and subheading number; computed totals
# that are the sums of their parts; 6.0248 and 12.50 as written; the 15
# cells of table 四.  tools/jsoncheck.c reads the JSON (numbers as text).
BIN=${BUILD:-build}/gireport
SUITE=json
. tests/lib.sh
J=$tmp/jsoncheck


if ! ${CC:-cc} -std=c11 -O1 tools/jsoncheck.c $(pkg-config --cflags --libs libcjson) -o "$J" 2>"$tmp/cc.err"; then
	fail build-jsoncheck "$(cat "$tmp/cc.err")"
	exit 0
fi

# Check lines "PATH EXPECTED" for every cell, paragraph and subheading the
# tree dump lists.  A cell's path in the dump is section.rows….column; the
# column is the last id (no template names its column groups).
tree_checks() { # tree file
	awk '
	/^[a-z_]+\.[a-z_.]+ = / {
		n = split($1, p, ".")
		path = "sections[id=" p[1] "]"
		for (i = 2; i < n; i++)
			path = path ".rows." p[i]
		print path ".values." p[n] " " $3
		next
	}
	/^[a-z_]+ (para|heading) / {
		sec = $1
		k = count[sec]++
		path = (sec == "preface" ? "preface" : "sections[id=" sec "].paragraphs") "[" k "]"
		text = $0
		sub(/ @[0-9]+:[0-9]+$/, "", text)
		if ($2 == "heading") {
			print path ".kind subheading"
			print path ".number " $3
			sub(/^[a-z_]+ heading [0-9]+ "/, "", text)
		} else {
			print path ".kind paragraph"
			sub(/^[a-z_]+ para "/, "", text)
		}
		sub(/"$/, "", text)
		print path ".text " text
		next
	}
	END { print "preface# " count["preface"] + 0 }' "$1"
}

for src in examples/*.yaml tests/golden/gov2021-full.yaml tests/golden/features-amounts.yaml \
	tests/golden/features-amounts-2021.yaml tests/golden/features-narratives.yaml \
	tests/golden/lvyuan-release-total.yaml; do
	name=$(basename "$src" .yaml)
	out=$tmp/$name.json
	if ! "$BIN" build --stdout -f json "$src" >"$out" 2>"$tmp/err"; then
		fail "$name:builds" "$(cat "$tmp/err")"
		continue
	fi
	t "$name:valid" '"$J" "$out"'
	t "$name:ends-with-newline" '[ "$(tail -c 1 "$out" | od -An -c | tr -d " ")" = "\\n" ]'
	t "$name:header" '"$J" "$out" format gireport-report && "$J" "$out" version 1 &&
		"$J" "$out" generator "gireport $("$BIN" --version | sed "s/^gireport //")"'
	"$BIN" build --stdout -f tree "$src" >"$tmp/tree" 2>/dev/null
	tree_checks "$tmp/tree" >"$tmp/checks"
	t "$name:every-cell-and-paragraph" '[ $(grep -c "\.values\." "$tmp/checks") -gt 20 ] &&
		"$J" "$out" - <"$tmp/checks"'
	t "$name:section-order" '[ "$(sed -n "s/^section \([a-z_]*\).*/\1/p" "$tmp/tree" | tr "\n" , | sed "s/,$//")" = \
		"$("$J" "$out" "sections[0].id"),$("$J" "$out" "sections[1].id"),$("$J" "$out" "sections[2].id"),$("$J" "$out" "sections[3].id"),$("$J" "$out" "sections[4].id"),$("$J" "$out" "sections[5].id")" ]'
	# Paragraph counts per narrative section, as the tree dump has them.
	for sec in overview problems other_matters; do
		n=$(grep -c "^$sec \(para\|heading\) " "$tmp/tree")
		t "$name:$sec-paragraphs" '"$J" "$out" "sections[id=$sec].paragraphs#" $n'
	done
	# 四: three rows of five cells, the total computed, 15 in all.
	t "$name:appeals-15-cells" '"$J" "$out" "sections[id=appeals].rows@" review,litigation_direct,litigation_after_review &&
		for r in review litigation_direct litigation_after_review; do
			"$J" "$out" "sections[id=appeals].rows.$r.values@" upheld,corrected,other,pending,total &&
			"$J" "$out" "sections[id=appeals].rows.$r.computed" total || exit 1
		done'
done

# Arithmetic on a report whose cells are mostly not 0.
f=$tmp/gov2021-full.json
v() { "$J" "$f" "sections[id=requests].rows.$1.values.$2"; }
sum_cols() { # row: the six applicant columns
	s=0; for c in natural business research nonprofit legal other_org; do s=$((s + $(v "$1" "$c"))); done; echo $s
}
t sums:total-column 'for r in received carried_over granted partly_granted withheld other results_total carried_forward; do
		[ "$(sum_cols $r)" = "$(v $r total)" ] || { echo "$r: $(sum_cols $r) != $(v $r total)"; exit 1; }
	done'
t sums:groups 'for c in natural legal other_org total; do
		s=0; for r in state_secret prohibited security third_party internal deliberative enforcement_files inquiry; do
			s=$((s + $(v withheld.rows.$r $c))); done
		[ $s = "$(v withheld $c)" ] || exit 1
		s=0; for r in no_correction unpaid_fee other; do s=$((s + $(v other.rows.$r $c))); done
		[ $s = "$(v other $c)" ] || exit 1
	done
	[ "$(v withheld total)" = 8 ] && [ "$(v unavailable total)" = 9 ] && [ "$(v other total)" = 4 ]'
t sums:results-total 'for c in natural business research nonprofit legal other_org total; do
		s=0; for r in granted partly_granted withheld unavailable not_processed other; do s=$((s + $(v $r $c))); done
		[ $s = "$(v results_total $c)" ] || exit 1
	done
	[ "$(v results_total total)" = 49 ]'
t sums:balance '[ $(( $(v received total) + $(v carried_over total) )) = $(( $(v results_total total) + $(v carried_forward total) )) ]'
t sums:appeals '"$J" "$f" "sections[id=appeals].rows.review.values.total" 4 &&
	"$J" "$f" "sections[id=appeals].rows.litigation_direct.values.total" 2'
t computed-marks '"$J" "$f" "sections[id=requests].rows.received.computed" total &&
	"$J" "$f" "sections[id=requests].rows.withheld.computed" natural,business,research,nonprofit,legal,other_org,total &&
	"$J" "$f" "sections[id=requests].rows.results_total.computed" natural,business,research,nonprofit,legal,other_org,total &&
	"$J" "$f" "sections[id=proactive].rows.fees.computed" "" &&
	"$J" "$f" "sections[id=requests].blocks[0].columns[0].columns[2].computed" true &&
	"$J" "$f" "sections[id=requests].blocks[0].rows[2].rows[6].computed" true &&
	"$J" "$f" "sections[id=requests].blocks[0].rows[2].rows[6].id" results_total'
t gov2021-meta '"$J" "$f" date 2022-01-20 && "$J" "$f" date_text 2022年1月20日 &&
	"$J" "$f" template.id gov-2021 && "$J" "$f" "preface#" 2 && "$J" "$f" year 2021'

# Exact decimals, negative changes, labels with {year} filled in.
t amount-6.0248 '"$J" "$tmp/erqi-tongji-2020.json" "sections[id=proactive].rows.procurement.values.amount" 6.0248 &&
	"$J" "$tmp/features-amounts.json" "sections[id=proactive].rows.procurement.values.amount" 6.0248 &&
	grep -q "\"amount\":	6.0248$" "$tmp/features-amounts.json"'
t amount-12.50 '"$J" "$tmp/features-amounts-2021.json" "sections[id=proactive].rows.fees.values.amount" 12.50'
t delta-negative '"$J" "$tmp/features-amounts.json" "sections[id=proactive].rows.licensing.values.change" -3'
t no-date '"$J" "$tmp/erqi-tongji-2020.json" date null && "$J" "$tmp/erqi-tongji-2020.json" date_text null'
t year-label '"$J" "$tmp/lvyuan-tongji-2020.json" "sections[id=proactive].rows.release_total.label" \
	"2020年本行政区域（或本部门）政府信息公开发布总数量（非新闻类、消息类）"'

# Subheadings numbered in order; "一是" stays a paragraph.
e=$tmp/erqi-tongji-2020.json
t subheadings-erqi 'for k in 1 3 5 7; do "$J" "$e" "sections[0].paragraphs[$k].number" $(( (k + 1) / 2 )) || exit 1; done &&
	"$J" "$e" "sections[0].paragraphs[1].numbered" "（一）健全工作机制" &&
	"$J" "$e" "sections[0].paragraphs[7].numbered" "（四）建立督查监督机制"'
n=$tmp/features-narratives.json
t subheadings-renumbered '"$J" "$n" "sections[0].paragraphs[1].numbered" "（一）主动公开" &&
	"$J" "$n" "sections[0].paragraphs[3].numbered" "（二）依申请公开" &&
	"$J" "$n" "sections[0].paragraphs[5].kind" paragraph &&
	"$J" "$n" "sections[0].paragraphs[7].numbered" "（三）监督保障"'

# -f json writes NAME.json beside the others; the output is stable.
t writes-file '"$BIN" build -f json,txt -o "$tmp" examples/erqi-tongji-2020.yaml &&
	cmp "$tmp/erqi-tongji-2020.json" tests/golden/examples/erqi-tongji-2020.json'
t rejects-invalid '"$J" /dev/null; [ $? = 1 ] && printf "{\"a\": 01}" >"$tmp/bad.json" && ! "$J" "$tmp/bad.json"'

# docs/json.md's complete example is the golden file (but for the version).
t docs-example 'sed -n "/^## Complete example/,\$p" docs/json.md | sed -n "/^\`\`\`json\$/,/^\`\`\`\$/p" | sed "1d;\$d" |
	grep -v "\"generator\":" >"$tmp/doc.json" && grep -v "\"generator\":" tests/golden/examples/erqi-tongji-2020.json |
	cmp - "$tmp/doc.json"'
