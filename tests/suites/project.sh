#!/bin/sh
# A city's tree: gireport.yaml settings inherited by every source, directory
# arguments, parallel builds with whole diagnostics, incremental builds, and
# the carry-over check between agency/YEAR.yaml siblings.
BIN=$(cd "$(dirname "${BUILD:-build}/gireport")" && pwd)/gireport
root=$(pwd)
SUITE=project
. tests/lib.sh
T_DIR=$tmp/city # every condition runs in the tree

# Three bureaus; tongji has two years whose carry-over agrees.
mkdir -p "$tmp/city/tongji" "$tmp/city/minzheng" "$tmp/city/xixin" "$tmp/city/drafts"
cp tests/ok/carry-over-2020.yaml "$tmp/city/tongji/2020.yaml"
sed -e '/^previous:/d' -e 's/^  carried_over: \[2,/  carried_over: [3,/' -e 's/^  received: \[4,/  received: [3,/' \
	tests/bad/carry-over-2021.yaml >"$tmp/city/tongji/2021.yaml"
cp examples/lvyuan-minzheng-2020.yaml "$tmp/city/minzheng/2020.yaml"
sed '/^template:/d' examples/lvyuan-xixin-2020.yaml >"$tmp/city/xixin/2020.yaml"
echo "year: broken" >"$tmp/city/drafts/wip.yaml"
cat >"$tmp/city/gireport.yaml" <<'YAML'
# 青石市临江区: settings for every bureau's report
template: gov-2019-lvyuan
output: out
formats: [txt, md]
date_format: "{year}年{month}月{day}日印发"
exclude: [drafts]
YAML

t check-tree '"$BIN" check -q'
t check-dir-argument '"$BIN" check -q tongji'
t excluded-not-checked '"$BIN" check 2>&1 | grep -q "4 sources checked, 0 with errors"'
t build-into-output-tree '"$BIN" build -q -j 2 && [ -s out/tongji/2020.txt ] && [ -s out/tongji/2021.md ] && [ -s out/xixin/2020.txt ] && [ ! -e out/tongji/2020.pdf ]'
t project-template '"$BIN" build -q --stdout -f tree xixin/2020.yaml | grep -q "^template gov-2019-lvyuan"'
t project-template-only-for-its-years '"$BIN" build -q --stdout -f tree tongji/2021.yaml | grep -q "^template gov-2021"'
t source-template-wins 'sed "s/^year: 2020/year: 2020\ntemplate: gov-2019/" tongji/2020.yaml >own.yml && "$BIN" build -q --stdout -f tree own.yml | grep -q "^template gov-2019$"; r=$?; rm -f own.yml; exit $r'
t project-template-by-default '"$BIN" build -q --stdout -f tree tongji/2020.yaml | grep -q "^template gov-2019-lvyuan$"'
t project-date-format 'grep -q "2021年1月13日印发" out/xixin/2020.txt'
t up-to-date '"$BIN" build 2>&1 | grep -q "4 sources: 0 built, 4 up to date, 0 with errors"'
t touched-source-rebuilt 'sleep 0.01; touch minzheng/2020.yaml; "$BIN" build 2>&1 | grep -q "1 built, 3 up to date"'
t other-options-rebuild '"$BIN" build -f txt 2>&1 | grep -q "4 built, 0 up to date"'
t force '"$BIN" build -f txt --force 2>&1 | grep -q "4 built, 0 up to date"'
t changed-project-rebuilds 'sleep 0.01; touch gireport.yaml; "$BIN" build -f txt 2>&1 | grep -q "4 built"'
# An output left empty (outputs are not synced: a system crash can do it) is
# made again without --force.
t empty-output-rebuilt '"$BIN" build -q -f txt && : >out/xixin/2020.txt && "$BIN" build -f txt 2>&1 | grep -q "1 built, 3 up to date" && [ -s out/xixin/2020.txt ]'

# Carry-over between siblings without previous:, across editions.
sed -i 's/^  carried_over: \[3,/  carried_over: [2,/; s/^  received: \[3,/  received: [4,/' "$tmp/city/tongji/2021.yaml"
t sibling-carry-over '! "$BIN" check -q tongji && "$BIN" check tongji 2>&1 | grep -q "last year.s 四、结转下年度继续办理 = 3"'
# The error's note names last year's file, line and column, where the 3 is written.
t carry-over-names-last-year '"$BIN" check tongji/2021.yaml 2>&1 | grep -q "^tongji/2020.yaml:[0-9]*:[0-9]*: note: .*四、结转下年度继续办理 · 自然人: last year.s 2020 report gives 3 here"'
# A gap in the series (2020 and 2022, no 2021): a note that the carry-over
# was not checked, exit 0; the first year of a series expects none.
mkdir "$tmp/city/gap" && cp "$tmp/city/tongji/2020.yaml" "$tmp/city/gap/2020.yaml" &&
	sed -e "s/^year: 2021/year: 2022/" -e "s/^date: 2022-/date: 2023-/" "$tmp/city/tongji/2021.yaml" >"$tmp/city/gap/2022.yaml"
t carry-over-not-checked-note '"$BIN" check gap/2022.yaml 2>"$tmp/gap.err" && grep -q "^gap/2022.yaml: note: .*二、上年结转.*: not checked against last year: there is no 2021.yaml beside this source, while there is a 2020.yaml" "$tmp/gap.err"'
t carry-over-first-year-no-note '! "$BIN" check gap/2020.yaml 2>&1 | grep -q "not checked"'
t carry-over-note-not-strict '"$BIN" check --strict gap/2022.yaml 2>/dev/null'
rm -r "$tmp/city/gap"

# Parallel workers: each source's diagnostics come out in one piece.
for i in 1 2 3 4 5 6 7 8; do
	sed "s/^agency: .*/agency: 某局$i/; s/^  licensing: .*/  licensing: [1, x, 2]/" "$root/examples/erqi-tongji-2020.yaml" >"$tmp/city/drafts/b$i.yaml"
done
t parallel-diagnostics-whole '"$BIN" check -j 4 drafts/b*.yaml 2>"$tmp/err"; awk "/^drafts\\/b[0-9].yaml:[0-9]/ { split(\$0, a, \":\"); if (a[1] != last && seen[a[1]]++) bad = 1; last = a[1] } END { exit bad }" "$tmp/err" && [ $(grep -c "found \"x\"" "$tmp/err") = 8 ]'
t no-project-no-args '(cd / && ! "$BIN" check 2>&1) | grep -q "no gireport.yaml here or above"'
t bad-project-file 'printf "templat: gov-2019\n" >gireport.yaml && ! "$BIN" check -q && "$BIN" check 2>&1 | grep -q "unknown setting"'

# A progress line on a terminal (script(1) provides one), none without.
mkdir "$tmp/many" && for i in 1 2 3 4 5 6; do cp "$root/examples/lvyuan-tongji-2020.yaml" "$tmp/many/r$i.yaml"; done
t progress-on-terminal 'script -q -c "\"$BIN\" check -j 2 \"$tmp/many\"" "$tmp/tty.log" >/dev/null 2>&1; grep -q "\[ *[0-9]/6\] .*r[0-9].yaml" "$tmp/tty.log" && grep -q "6 sources checked, 0 with errors" "$tmp/tty.log"'
t no-progress-without-terminal '"$BIN" check -j 2 "$tmp/many" 2>"$tmp/plain.log"; ! grep -q "$(printf "\033")" "$tmp/plain.log" && grep -q "6 sources checked" "$tmp/plain.log"'

# Found in review: loops, clashes, paths from the source, stale stamps.
rm -f "$tmp/city/gireport.yaml"
cat >"$tmp/city/gireport.yaml" <<'YAML'
template: gov-2019-lvyuan
output: out
formats: [txt]
exclude: [drafts]
YAML
ln -s .. "$tmp/city/tongji/up"
t symlink-not-followed '"$BIN" check 2>&1 | grep -q "4 sources checked"'
rm "$tmp/city/tongji/up"
t o-dir-name-clash 'mkdir -p clash && ! "$BIN" build -q -o clash tongji/2020.yaml minzheng/2020.yaml 2>"$tmp/e" && grep -q "would write the same outputs" "$tmp/e" && [ -z "$(ls clash)" ]'
mkdir -p "$tmp/outside"
cp "$root/examples/lvyuan-tongji-2020.yaml" "$tmp/outside/x.yaml"
t outside-project-refused '! "$BIN" build -q tongji/2020.yaml "$tmp/outside/x.yaml" 2>"$tmp/e" && grep -q "outside the project" "$tmp/e"'
printf 'template: gov-2019-lvyuan\noutput: out\nname: "{agency}{year}"\nformats: [txt]\nexclude: [drafts]\n' >"$tmp/city/gireport.yaml"
sed 's/^agency: .*/agency: "..\/..\/..\/escaped"/' "$root/examples/lvyuan-tongji-2020.yaml" >"$tmp/city/minzheng/evil.yaml"
t agency-cannot-leave-output '"$BIN" build -q minzheng/evil.yaml && ls out/minzheng/*escaped2020.txt && [ -z "$(find "$tmp" -name "*escaped2020.txt" ! -path "$tmp/city/out/minzheng/*")" ]'
rm -f "$tmp/city/minzheng/evil.yaml"
mkdir -p "$tmp/city/emptydir"
t empty-directory '! "$BIN" check emptydir 2>&1 | grep -q "no sources found"; [ $? = 1 ]'
mkdir -p "$tmp/tpl"
sed 's/"heading": "一、总体情况"/"heading": "一、总体工作情况"/' "$root/templates/gov-2019.json" >"$tmp/tpl/gov-2019.json"
t template-change-rebuilds '"$BIN" build -q -f txt xixin/2020.yaml && "$BIN" build --templates "$tmp/tpl" -f txt xixin/2020.yaml 2>&1 | grep -q "^" ; "$BIN" build -q --templates "$tmp/tpl" -f txt xixin/2020.yaml && grep -q "总体工作情况" out/xixin/*2020.txt && "$BIN" build -q -f txt xixin/2020.yaml && ! grep -q "总体工作情况" out/xixin/*2020.txt'
sed -i 's/^year: 2020/year: 2019/' "$tmp/city/tongji/2020.yaml"
t sibling-wrong-year '"$BIN" check tongji/2021.yaml 2>&1 | grep -q "tongji/2020.yaml is the report of 2019, not of 2020"'
