#!/bin/sh
# Not-applicable cells, profiles and the local layouts of issue 15, where the
# goldens (tests/golden/features-not-applicable, template-other-row,
# template-outline) do not reach: the PDF as a reader sees it, the JSON's
# null and marker, N/A as 0 in the carry-over, summary, diff and audit, a
# project's profile, and templates that change, insert and name profiles
# wrongly.
SUITE=na
. tests/lib.sh
BIN=$BUILD/gireport
case $BIN in /*) ;; *) BIN=$(pwd)/$BIN ;; esac
NA=tests/golden/features-not-applicable.yaml
need pdftotext qpdf python3 || exit 0

# ---- every format prints the cell as written ----------------------------------

"$BIN" build -q --force -f txt,md,html,pdf,docx,json -o "$tmp/out" "$NA" \
	tests/golden/template-other-row.yaml tests/golden/template-outline.yaml 2>/dev/null
pdf() { pdftotext -layout "$tmp/out/$1.pdf" - | sed 's/  */ /g'; }
t pdf:qpdf 'for f in features-not-applicable template-other-row template-outline; do qpdf --check "$tmp/out/$f.pdf" >/dev/null || exit 1; done'
t pdf:regulations-slash 'pdf features-not-applicable | grep -q "^ *规章 / / /$"'
t pdf:spellings-as-written 'pdf features-not-applicable >"$tmp/na.txt" && grep -q "^ *行政许可 —$" "$tmp/na.txt" &&
	grep -q "^ *行政强制 无$" "$tmp/na.txt" && grep -q "^ *行政事业性收费 ／$" "$tmp/na.txt"'
t pdf:total-over-slashes 'grep -q "/ / / / / / /" "$tmp/na.txt"'
t pdf:other-row 'pdf template-other-row | grep -q "（六）其他处理 1 0 0 0 0 0 1"'
t pdf:outline 'pdf template-outline >"$tmp/ol.txt" && grep -q "^ *二、工作机制保障$" "$tmp/ol.txt" &&
	grep -q "^ *三、主动公开政府信息情况$" "$tmp/ol.txt" && grep -q "^ *七、其他需要报告的事项$" "$tmp/ol.txt"'
t html:cells 'grep -c "<td[^>]*>/</td>" "$tmp/out/features-not-applicable.html" | grep -qx "[1-9][0-9]*" &&
	grep -q "<td[^>]*>无</td>" "$tmp/out/features-not-applicable.html"'
t docx:cells 'unzip -p "$tmp/out/features-not-applicable.docx" word/document.xml | grep -q "<w:t[^>]*>／</w:t>"'

# JSON: null, and the spelling in the row's not_applicable, for every null.
t json:null-and-marker 'python3 - "$tmp/out/features-not-applicable.json" <<EOF
import json, sys
doc = json.load(open(sys.argv[1], encoding="utf-8"))
nulls = 0
def walk(rows):
    global nulls
    for rid, row in rows.items():
        na = row.get("not_applicable", {})
        for k, v in row["values"].items():
            assert (v is None) == (k in na), (rid, k, v, na)
            nulls += v is None
        walk(row.get("rows", {}))
for s in doc["sections"]:
    walk(s.get("rows", {}))
p = {s["id"]: s for s in doc["sections"]}["proactive"]["rows"]
assert p["regulations"]["not_applicable"] == {"issued": "/", "repealed": "/", "in_force": "/"}
assert p["coercion"]["not_applicable"] == {"decisions": "无"}
r = {s["id"]: s for s in doc["sections"]}["requests"]["rows"]
assert r["received"]["values"]["total"] == 2 and r["received"]["values"]["legal"] is None
assert r["other"]["values"]["total"] is None and r["other"]["not_applicable"]["total"] == "/"
assert r["results_total"]["values"]["legal"] == 0  # the rows left out are 0, not /
assert nulls > 40, nulls
EOF'
t json:no-marker-without-na '! grep -q not_applicable tests/golden/gov2021-full.json'

# ---- N/A counts as 0 ------------------------------------------------------------

mkdir -p "$tmp/carry"
cat >"$tmp/carry/2021.yaml" <<EOF
year: 2021
agency: 某县某局
date: 2022-01-10
overview: 无。
requests:
  received: [1, 0, 0, 0, /, 0]
  granted: [0, 0, 0, 0, /, 0]
  carried_forward: [1, 0, 0, 0, /, 0]
problems: 无。
other_matters: 无。
EOF
year2() { # carried_over granted: this year's source, after 2021.yaml
	printf 'year: 2022\nagency: 某县某局\ndate: 2023-01-10\noverview: 无。\nrequests:\n  carried_over: [%s]\n  granted: [%s]\n  carried_forward: [1, 0, 0, 0, 0, 0]\nproblems: 无。\nother_matters: 无。\n' "$1" "$2" >"$tmp/carry/2022.yaml"
}
year2 "1, 0, 0, 0, 0, 0" "0, 0, 0, 0, 0, 0"
t carry-over-na-is-0 '"$BIN" check "$tmp/carry/2022.yaml"'
year2 "1, 0, 0, 0, 1, 0" "0, 0, 0, 0, 1, 0"
t carry-over-na-vs-figure '! "$BIN" check "$tmp/carry/2022.yaml" 2>"$tmp/carry.err" &&
	grep -q "error: .*法律服务机构: 二、上年结转 = 1 but last year.s 四、结转下年度继续办理 = 0 \[requests.carried_over.legal\]" "$tmp/carry.err"'

mkdir -p "$tmp/tree"
cp "$NA" "$tmp/tree/a.yaml"
sed 's/^agency: .*/agency: 另一局/; s/^  normative_documents: .*/  normative_documents: [2, 0, 4]/' "$NA" >"$tmp/tree/b.yaml"
t summary-na-is-0 '"$BIN" summary -f csv "$tmp/tree" >"$tmp/sum.csv" && python3 - "$tmp/sum.csv" <<EOF
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8-sig")))
head = rows[0]
reg = head.index("规章本年制发")
normative = head.index("行政规范性文件本年制发")
fees = head.index("行政事业性收费金额（万元）")
for r in rows[1:3]:
    assert r[reg] == "0" and r[fees] == "0", r
assert rows[3][normative] == "3", rows[3]  # the total row: 1 + 2
EOF'
sed 's/^  regulations: .*//; s/^  licensing: \[—\]/  licensing: [0]/' "$NA" >"$tmp/zero.yaml"
t diff-na-equals-0 '"$BIN" diff "$NA" "$tmp/zero.yaml" >"$tmp/diff.txt" 2>&1; ! grep -q "行政许可\|规章" "$tmp/diff.txt"'
"$BIN" build -q --force -f txt -o "$tmp/aud" "$NA" 2>/dev/null
t audit-clean '"$BIN" audit -f csv "$tmp/aud/features-not-applicable.txt" >"$tmp/audit.csv" 2>&1 && ! grep -qi "mismatch\|≠" "$tmp/audit.csv"'

# ---- profiles -------------------------------------------------------------------

mkdir -p "$tmp/proj"
printf 'profile: no_rules\n' >"$tmp/proj/gireport.yaml"
printf 'year: 2021\nagency: 某县某局\ndate: 2022-01-10\nproactive:\n  normative_documents: [1, 0, 2]\n' >"$tmp/proj/a.yaml"
t profile:project '"$BIN" build --stdout -f txt "$tmp/proj/a.yaml" 2>/dev/null | grep -q "│ 规章 *│ */ *│ */ *│ */ *│"'
printf 'year: 2021\nagency: 某县某局\nproactive:\n  regulations: [1, 0, 1]\n' >"$tmp/proj/b.yaml"
t profile:written-wins '"$BIN" build --stdout -f tree "$tmp/proj/b.yaml" 2>/dev/null | grep -q "^proactive.regulations.issued = 1 "'
printf 'profile: county\n' >"$tmp/proj/gireport.yaml"
t profile:project-unknown '! "$BIN" check "$tmp/proj/a.yaml" 2>"$tmp/p.err" &&
	grep -q "error: 机关类型: gireport.yaml.s profile \"county\" is not a profile of template gov-2021 \[profile\]" "$tmp/p.err"'
t profile:source-wins '! grep -q profile "$tmp/proj/a.yaml" && printf "profile: 无规章制定权的机关\n" >>"$tmp/proj/a.yaml" &&
	"$BIN" build --stdout -f txt "$tmp/proj/a.yaml" 2>/dev/null | grep -q "│ 规章 *│ */ *│"'
t profile:schema '"$BIN" schema gov-2021 | python3 -c "
import json, sys
s = json.load(sys.stdin)
p = s[\"properties\"][\"profile\"]
enum = (p.get(\"anyOf\") or [p])[0].get(\"enum\") or p.get(\"enum\")
assert \"no_rules\" in enum and \"无规章制定权的机关\" in enum, p
"'

# ---- templates that say it wrongly ----------------------------------------------

mkdir -p "$tmp/tpl"
tpl() { # name json: a local template, and what loading it says
	rm -f "$tmp/tpl"/*.json
	printf '%s\n' "$2" >"$tmp/tpl/$1.json"
	"$BIN" --templates "$tmp/tpl" templates >/dev/null 2>"$tmp/tpl.err"
}
t tpl:profile-path 'tpl x "{\"id\": \"x\", \"extends\": \"gov-2021\", \"profiles\": [{\"id\": \"p\", \"label\": \"某\", \"not_applicable\": [\"proactive.rules\"]}]}";
	grep -q "profile \"p\": \"proactive.rules\" names no cell of the template" "$tmp/tpl.err"'
t tpl:profile-mark 'tpl x "{\"id\": \"x\", \"extends\": \"gov-2021\", \"profiles\": [{\"id\": \"p\", \"label\": \"某\", \"not_applicable\": [\"proactive.fees\"], \"mark\": \"N/A\"}]}";
	grep -q "profile \"p\": \"mark\" is not one of the not-applicable spellings" "$tmp/tpl.err"'
t tpl:change-row 'tpl x "{\"id\": \"x\", \"extends\": \"gov-2021\", \"change\": {\"requests.nothing\": {\"id\": \"a\", \"label\": \"b\"}}}";
	grep -q "\"change\" names no row or column \"requests.nothing\"" "$tmp/tpl.err"'
t tpl:insert-after 'tpl x "{\"id\": \"x\", \"extends\": \"gov-2021\", \"insert\": [{\"after\": \"nowhere\", \"section\": {\"id\": \"m\", \"heading\": \"二、某\", \"kind\": \"narrative\"}}]}";
	grep -q "\"insert\" is a list of" "$tmp/tpl.err"'
t tpl:cell-profile 'tpl x "{\"id\": \"x\", \"extends\": \"gov-2021\", \"profiles\": [{\"id\": \"p\", \"label\": \"某\", \"not_applicable\": [\"requests.other\", \"proactive.regulations.issued\"], \"mark\": \"—\"}]}" &&
	printf "year: 2021\nagency: 某\ntemplate: x\nprofile: p\n" >"$tmp/p.yaml" &&
	"$BIN" --templates "$tmp/tpl" build --stdout -f tree "$tmp/p.yaml" 2>/dev/null >"$tmp/p.tree" &&
	grep -q "^proactive.regulations.issued = — " "$tmp/p.tree" && grep -q "^proactive.regulations.repealed = 0 " "$tmp/p.tree" &&
	grep -q "^requests.other.no_correction.natural = — " "$tmp/p.tree" && grep -q "^requests.results_total.natural = 0 " "$tmp/p.tree"'
# "not_applicable": false on a row or column: / there is an error at the cell
# (tests/bad/na-forbidden.yaml), and a profile may not name such cells.
t tpl:forbidden-profile 'tpl x "{\"id\": \"x\", \"extends\": \"gov-2021\", \"change\": {\"requests.received\": {\"id\": \"received\", \"label\": \"一、本年新收政府信息公开申请数量\", \"not_applicable\": false}}, \"profiles\": [{\"id\": \"p\", \"label\": \"某\", \"not_applicable\": [\"requests.received.legal\"]}]}";
	grep -q "profile \"p\": \"requests.received.legal\" names cells that must hold a number" "$tmp/tpl.err"'
t tpl:forbidden-not-bool 'tpl x "{\"id\": \"x\", \"extends\": \"gov-2021\", \"change\": {\"requests.received\": {\"id\": \"received\", \"label\": \"一\", \"not_applicable\": \"no\"}}}";
	grep -q "\"not_applicable\" is true or false" "$tmp/tpl.err"'
