#!/bin/sh
# gireport audit (docs/import.md, "Auditing published reports"): the
# arithmetic errors of published reports, as csv, md or json.  The reports
# are the city tree's 交通运输局 2020 and 2021 as gireport prints them, with
# numbers changed the way published reports get them wrong: a total that is
# not its row's sum, 一 + 二 ≠ 三（七）总计 + 四, and 2021's 上年结转 not 2020's
# 结转下年度继续办理; and the two real 平潭 pages, which add up.
SUITE=audit
. tests/lib.sh
BIN=$BUILD/gireport

mkdir "$tmp/r"
"$BIN" build --stdout -f txt examples/city/jiaotong/2020.yaml >"$tmp/r/jt2020.txt" 2>/dev/null
"$BIN" build --stdout -f txt examples/city/jiaotong/2021.yaml >"$tmp/r/jt2021.txt" 2>/dev/null
# 2020: 四、结转下年度继续办理 1 (自然人) where it gave 0, its total 1.
# 2021: 一's total printed 17 where the row adds up to less; 二、上年结转 0.
# (Whatever the width of the value columns: the first and the last cell of the row.)
sed -i '/^│ 四、结转下年度继续办理 .*│\( *0 *│\)\{7\}$/{s/^\(│ 四、结转下年度继续办理  *│ *\)0/\11/;s/0\( *│\)$/1\1/}' "$tmp/r/jt2020.txt"
received=$(sed -n 's/^│ 一、本年新收政府信息公开申请数量 *│.*│ *\([0-9][0-9]*\) *│$/\1/p' "$tmp/r/jt2021.txt")
sed -i "s/^\(│ 一、本年新收政府信息公开申请数量 *│.*│ *\)$received\( *\)│\$/\1$((received + 5))\2│/" "$tmp/r/jt2021.txt"
t edited 'grep -q "^│ 四、结转下年度继续办理  *│ *1 *│ *0 *│.*│ *1 *│$" "$tmp/r/jt2020.txt" && grep -q "^│ 一、本年新收政府信息公开申请数量 .*│ *$((received + 5)) *│$" "$tmp/r/jt2021.txt"'

"$BIN" audit "$tmp/r" >"$tmp/a.csv" 2>"$tmp/a.err"
echo $? >"$tmp/a.rc"
line=$(grep -n "^│ 一、本年新收政府信息公开申请数量" "$tmp/r/jt2021.txt" | cut -d: -f1)
t exit-1 '[ $(cat "$tmp/a.rc") = 1 ] && grep -q "2 reports: 3 arithmetic errors; 0 not read in full" "$tmp/a.err"'
t header '[ "$(head -1 "$tmp/a.csv")" = "file,agency,year,cell,path,printed,computed,line,rule" ] && [ $(wc -l <"$tmp/a.csv") = 4 ]'
t total 'grep -qF "$tmp/r/jt2021.txt,青石市临江区交通运输局,2021,三、收到和处理政府信息公开申请情况 · 一、本年新收政府信息公开申请数量 · 总计,requests.received.total,$((received + 5)),$received,$line," "$tmp/a.csv"'
t rule-one-plus-two 'grep -qF "$tmp/r/jt2020.txt,青石市临江区交通运输局,2020,三、收到和处理政府信息公开申请情况 · 自然人,requests.received.natural," "$tmp/a.csv" && grep "jt2020.txt" "$tmp/a.csv" | grep -q "一+二 = .* but 三（七）总计 + 四 = "'
t carry-over 'grep -qF "$tmp/r/jt2021.txt,青石市临江区交通运输局,2021,三、收到和处理政府信息公开申请情况 · 自然人,requests.carried_over.natural,0,1,,二、上年结转 = 0 but last year" "$tmp/a.csv"'
t md '"$BIN" audit -f md "$tmp/r" 2>/dev/null | sed -n 1p | grep -q "^| 文件 | 制作机关 | 年度 | 栏目 | 键 | 印出 | 应为 | 行 | 规则 |$" && [ $("$BIN" audit -f md "$tmp/r" 2>/dev/null | wc -l) = 5 ]'
t json '"$BIN" audit -f json "$tmp/r" 2>/dev/null | python3 -c "import json,sys; a=json.load(sys.stdin); assert len(a)==3; assert {(x[\"printed\"],x[\"computed\"]) for x in a if x[\"path\"]==\"requests.carried_over.natural\"}=={(0,1)}"'
t bad-format '"$BIN" audit -f xml "$tmp/r" >/dev/null 2>&1; [ $? = 2 ]'
t no-file '"$BIN" audit >/dev/null 2>&1; [ $? = 2 ]'
# The real pages add up: nothing to list, exit 0.
t real-pages-add-up '"$BIN" audit tests/import/pingtan_2021.innertext.txt tests/import/pingtan_2023.innertext.txt >"$tmp/p.csv" 2>"$tmp/p.err" && [ $(wc -l <"$tmp/p.csv") = 1 ] && grep -q "2 reports: 0 arithmetic errors; 0 not read in full" "$tmp/p.err"'
# A report with a part not read is said, not audited as if complete.
t not-read-in-full '"$BIN" audit tests/seeds/003_107cfd4f3b14c53d.txt >/dev/null 2>"$tmp/s.err"; [ $? = 1 ] && grep -q "003_107cfd4f3b14c53d.txt: 1 error other than arithmetic" "$tmp/s.err"'
if [ -n "$VALGRIND" ] && command -v valgrind >/dev/null 2>&1 && ! ldd "$BIN" | grep -q asan; then
	t valgrind 'valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect "$BIN" audit -f json "$tmp/r" tests/seeds/003_107cfd4f3b14c53d.txt >/dev/null 2>"$tmp/vg"; [ $? != 99 ]'
else # the same lines in every run, for tests/counts
	skip valgrind "VALGRIND=1 runs it, on the normal build"
fi
