#!/bin/sh
# Hostile input around the source (issue 19): templates, project files,
# devices and FIFOs, file names, output paths, text bound for terminals,
# spreadsheets and web pages, and numbers that overflow.  Every command runs
# under `timeout`, so a hang is a FAIL, not a stuck suite.
SUITE=hostile
. tests/lib.sh
BIN=$(cd "$BUILD" && pwd)/gireport
root=$(pwd)
ex=$root/examples/erqi-tongji-2020.yaml
T_DIR=$tmp/w # t's conditions run in the working directory fresh makes

# run ARGS...: the tool under a 10 s timeout; stdout in $O, stderr in $E,
# the exit status in $st (124 for a hang).
O=$tmp/stdout
E=$tmp/stderr
run() {
	timeout 10 "$BIN" "$@" >"$O" 2>"$E"
	st=$?
	return 0
}

fresh() {
	rm -rf "$tmp/w"
	mkdir -p "$tmp/w"
}

# ---- 1. "extends" cycles: an error naming the cycle, at once ----------------
fresh
mkdir "$tmp/w/self" "$tmp/w/two" "$tmp/w/three"
echo '{"id":"gov-2019","extends":"gov-2019"}' >"$tmp/w/self/a.json"
echo '{"id":"gov-2019","extends":"gov-2019-lvyuan"}' >"$tmp/w/two/a.json"
echo '{"id":"gov-2021","extends":"x-b"}' >"$tmp/w/three/a.json"
echo '{"id":"x-b","extends":"gov-2021"}' >"$tmp/w/three/b.json"
t extends-self 'run --templates self templates; [ $st = 2 ] &&
	grep -qF "self/a.json: error: template: \"extends\" makes a cycle: gov-2019 → gov-2019" "$E"'
t extends-self-env 'GIREPORT_TEMPLATE_PATH=self run check "$ex"; [ $st = 2 ] && grep -q "makes a cycle" "$E"'
t extends-two 'run --templates two templates; [ $st = 2 ] &&
	grep -qF "makes a cycle: gov-2019 → gov-2019-lvyuan → gov-2019" "$E"'
t extends-three 'run --templates three templates; [ $st = 2 ] && [ $st != 124 ]'

# ---- 2. FIFOs, terminals and devices are refused, never waited on ---------
fresh
mkfifo "$tmp/w/fifo.yaml" "$tmp/w/font.ttf"
t source-fifo 'run check fifo.yaml; [ $st = 2 ] && grep -qF "fifo.yaml: error: cannot read: not a regular file" "$E"'
ln -s /dev/ptmx "$tmp/w/ptmx.yaml"
t source-symlink-to-ptmx 'run check ptmx.yaml; [ $st = 2 ] && grep -q "not a regular file" "$E"'
sed 's/^year: 2020/year: 2020\nprevious: \/dev\/ptmx/' "$ex" >"$tmp/w/prev.yaml"
t previous-ptmx 'run check prev.yaml; [ $st = 1 ] && grep -q "cannot read last year.s source /dev/ptmx: not a regular file" "$E"'
mkdir "$tmp/w/agency"
cp "$root/tests/bad/carry-over-2021.yaml" "$tmp/w/agency/2021.yaml"
sed -i '/^previous:/d' "$tmp/w/agency/2021.yaml"
mkfifo "$tmp/w/agency/2020.yaml"
t sibling-fifo 'run check agency/2021.yaml; [ $st != 124 ] && [ $st != 0 ] && grep -q "not a regular file" "$E"'
t font-fifo 'run build --stdout -f pdf --font body=font.ttf "$ex"; [ $st != 124 ] && [ $st != 0 ] &&
	grep -q "font.ttf.*not a regular file" "$E"'
mkdir "$tmp/w/tpl"
mkfifo "$tmp/w/tpl/x.json"
t template-fifo 'run --templates tpl templates; [ $st = 2 ] && grep -qF "tpl/x.json: error: cannot read the template: not a regular file" "$E"'
mkdir "$tmp/w/proj"
mkfifo "$tmp/w/proj/gireport.yaml"
t project-fifo '(cd proj && timeout 10 "$BIN" check >"$O" 2>"$E"); st=$?; [ $st = 2 ] && grep -q "gireport.yaml: error: cannot read: not a regular file" "$E"'
t source-dev-zero 'run check /dev/zero; [ $st = 2 ] && grep -q "not a regular file" "$E"'
t stdin-still-read 'run check - <"$ex"; [ $st = 0 ]'

# ---- 6. two sources with one output path: refused before anything is built --
fresh
cp "$ex" "$tmp/w/a.yaml"
cp "$ex" "$tmp/w/a.yml"
t clash-yaml-yml 'run build -f txt a.yaml a.yml; [ $st = 2 ] && grep -q "a.yaml and a.yml would write the same outputs" "$E" && [ ! -e a.txt ]'
t clash-yaml-yml-dir 'run build -f txt .; [ $st = 2 ] && grep -q "would write the same outputs" "$E" && [ ! -e a.txt ]'
t clash-yaml-yml-o 'mkdir o && run build -f txt -o o a.yaml a.yml; [ $st = 2 ] && [ -z "$(ls o)" ]'
mkdir "$tmp/w/p" "$tmp/w/p/x" "$tmp/w/p/y"
cp "$ex" "$tmp/w/p/x/one.yaml"
cp "$ex" "$tmp/w/p/y/two.yaml"
printf 'name: "{agency}{year}"\nformats: [txt]\n' >"$tmp/w/p/gireport.yaml"
t clash-agency-year-beside 'cd p && mv y/two.yaml x/ && run build; [ $st = 2 ] && grep -q "one.yaml and .*two.yaml would write the same outputs" "$E" && [ -z "$(ls x | grep txt)" ]'
t clash-agency-year-o 'cd p && mkdir ../oo && run build -o ../oo; [ $st = 2 ] && [ -z "$(ls ../oo)" ]'
sed 's/^agency: .*/agency: 另一个局/' "$ex" >"$tmp/w/p/y/two.yaml"
t no-clash-other-agency 'cd p && rm x/two.yaml && run build -o ../oo2; [ $st = 0 ] && [ $(ls ../oo2 | grep -c txt) = 2 ]'
t same-source-twice-no-clash 'run build -f txt a.yaml ./a.yaml; [ $st = 0 ]'

# ---- 8. project settings cannot write outside the project ------------------
fresh
mkdir -p "$tmp/w/proj/in" "$tmp/w/outside"
cp "$ex" "$tmp/w/proj/in/a.yaml"
t name-dotdot 'printf "name: \"../../../outside/{stem}-pwn\"\nformats: [txt]\n" >proj/gireport.yaml; cd proj &&
	run build; [ $st = 1 ] && grep -qF "gireport.yaml:1:7: error: gireport.yaml: a \"..\" step: outputs stay inside the project" "$E" &&
	[ -z "$(ls ../outside)" ] && [ ! -e ../outside-pwn.txt ]'
t output-dotdot 'printf "output: ../../escape\nformats: [txt]\n" >proj/gireport.yaml; cd proj &&
	run build; [ $st = 1 ] && grep -q "gireport.yaml:1:9: error: .*a \"..\" step" "$E"'
t output-absolute 'printf "output: $tmp/w/outside\nformats: [txt]\n" >proj/gireport.yaml; cd proj &&
	run build; [ $st = 1 ] && grep -q "an absolute path: outputs stay inside" "$E" && [ -z "$(ls ../outside)" ]'
t output-inside-ok 'printf "output: out/./x\nname: \"{year}/{stem}\"\nformats: [txt]\n" >proj/gireport.yaml; cd proj &&
	run build; [ $st = 0 ] && [ -s out/x/in/2020/a.txt ]'
cp "$ex" "$tmp/w/proj/in/...yaml"
t stem-dotdot 'printf "name: \"{stem}/x\"\nformats: [txt]\n" >proj/gireport.yaml; cd proj &&
	run build in/...yaml; [ $st = 0 ] && [ -s in/_./x.txt ] && [ ! -e x.txt ]'

# ---- 7. a failed write to standard output is exit status 2 -----------------
fresh
if [ -w /dev/full ]; then
	t stdout-full-build-pdf 'run build --stdout -f pdf "$ex" >/dev/full; timeout 10 "$BIN" build --stdout -f pdf "$ex" >/dev/full 2>"$E"; [ $? = 2 ] &&
		grep -q "cannot write to standard output: No space left on device" "$E"'
	t stdout-full-new 'timeout 10 "$BIN" new >/dev/full 2>"$E"; [ $? = 2 ] && grep -q "cannot write to standard output" "$E"'
	t stdout-full-templates 'timeout 10 "$BIN" templates >/dev/full 2>"$E"; [ $? = 2 ]'
	t stdout-full-schema 'timeout 10 "$BIN" schema gov-2021 >/dev/full 2>"$E"; [ $? = 2 ]'
	t stdout-full-json-warnings 'timeout 10 "$BIN" check --diagnostics=json "$ex" >/dev/full 2>"$E"; [ $? = 2 ]'
	t stdout-full-summary 'timeout 10 "$BIN" summary "$ex" >/dev/full 2>"$E"; [ $? = 2 ]'
	t stdout-full-help 'timeout 10 "$BIN" --help >/dev/full 2>"$E"; [ $? = 2 ]'
fi
t stdout-closed 'timeout 10 "$BIN" templates >&- 2>"$E"; [ $? = 2 ]'

# ---- 9. -o onto a FIFO or a device: refused, the node left in place --------
fresh
mkfifo "$tmp/w/fifo.yaml"
seed=$(ls "$root"/tests/seeds/*.txt | head -1)
t import-o-fifo 'run import -o fifo.yaml "$seed"; [ $st = 2 ] && [ -p fifo.yaml ] &&
	grep -q "cannot write fifo.yaml: not a regular file" "$E"'
t import-o-dev-null 'run import -o /dev/null "$seed"; [ $st = 2 ] && [ -c /dev/null ] && grep -q "not a regular file" "$E"'
mkfifo "$tmp/w/a.txt"
cp "$ex" "$tmp/w/a.yaml"
t build-output-fifo 'run build -f txt,md a.yaml; [ $st = 2 ] && [ -p a.txt ] && [ ! -e a.md ] &&
	grep -q "cannot write a.txt: not a regular file" "$E"'
ln -s /dev/null "$tmp/w/b.txt"
cp "$ex" "$tmp/w/b.yaml"
t build-output-symlink-replaced 'run build -f txt b.yaml; [ $st = 0 ] && [ -f b.txt ] && [ ! -L b.txt ] && [ -c /dev/null ]'

# ---- 19. numbers and lines on the command line ------------------------------
fresh
for bad in 2021x 4294969317 "" -2021 " 2021"; do
	t "year-refused:$bad" 'run new --year "$bad"; [ $st = 2 ] && grep -q "year takes a report year" "$E" && [ ! -s "$O" ]'
done
for bad in 99999999999 1x 0 ""; do
	t "jobs-refused:$bad" 'run check -j "$bad" "$ex"; [ $st = 2 ] && grep -q "\-j takes a number" "$E"'
done
t year-accepted 'run new --year 2021; [ $st = 0 ] && grep -q "^year: 2021" "$O"'
t jobs-accepted 'run check -q -j 2 "$ex"; [ $st = 0 ]'
t schema-newline 'run new --schema "$(printf "x\ny: 1")"; [ $st = 2 ] && [ ! -s "$O" ] && grep -q "schema takes one line" "$E"'

# clean FILE: no C0 control but tab, line feed and CR (CSV lines end in CR LF), no DEL, no C1 (UTF-8
# C2 80..9F), no raw ESC: nothing a terminal would obey.
clean() {
	perl -ne 'exit 1 if /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]|\xc2[\x80-\x9f]/' "$1"
}
# json_lines FILE: every line is valid JSON.
json_lines() {
	python3 -c 'import json, sys
for line in open(sys.argv[1], "rb"):
    json.loads(line.decode("utf-8"))' "$1"
}

# ---- 10. summary shows a failed source's agency without its escapes --------
fresh
sed 's/^agency: .*/agency: "\\e]0;pwn\\a\\e[2J\\ec\\ePq#0\\e\\\\\\u009b31m"/' "$ex" >"$tmp/w/evil.yaml"
printf 'licensing: [1, x, 2]\n' >>"$tmp/w/evil.yaml"
for f in csv md json; do
	t "summary-agency-$f" 'run summary -f '$f' evil.yaml; [ $st = 1 ] && clean "$O" && clean "$E" && grep -q "U+001B" "$O"'
done
t summary-agency-json-valid 'run summary -f json evil.yaml; python3 -m json.tool "$O" >/dev/null'

# ---- 11. file names: shown as keys and values are, JSON stays valid ----------
fresh
esc=$(printf 'a\033[2Jb.yaml')
bad=$(printf 'bad\377name.yaml')
sed 's/^  licensing: .*/  licensing: [1, x, 2]/' "$ex" >"$tmp/w/$esc"
cp "$tmp/w/$esc" "$tmp/w/$bad"
t filename-escape-text 'run check "$esc"; [ $st = 1 ] && clean "$E" && grep -q "^a<U+001B>\[2Jb.yaml:[0-9]*:[0-9]*: error" "$E"'
t filename-escape-json 'run check --diagnostics=json "$esc"; [ $st = 1 ] && json_lines "$O" && clean "$O"'
t filename-invalid-utf8-text 'run check "$bad"; [ $st = 1 ] && grep -q "^bad<0xFF>name.yaml:" "$E"'
t filename-invalid-utf8-json 'run check --diagnostics=json "$bad"; [ $st = 1 ] && json_lines "$O" && grep -q "bad<0xFF>name.yaml" "$O"'
t filename-progress-and-summary 'run check . ; [ $st = 1 ] && clean "$E"'
t filename-cannot-read 'mkfifo "$(printf "f\033[31m.yaml")"; run check "$(printf "f\033[31m.yaml")"; [ $st = 2 ] && clean "$E" && grep -q "f<U+001B>\[31m.yaml" "$E"'
t filename-diff 'run diff "$esc" "$ex"; clean "$O" && clean "$E"'

# ---- 12. C1 controls in the source-line excerpt ----------------------------
fresh
printf 'year: 2020\nagency: 某局\302\2332J\n' >"$tmp/w/c1.yaml"
t c1-in-excerpt 'run check c1.yaml; [ $st = 1 ] && clean "$E"'
printf 'year: 2020\nagency: "某局\\u009b2J"\n' >"$tmp/w/c1q.yaml"
t c1-escaped-in-excerpt 'run check c1q.yaml; [ $st = 1 ] && clean "$E" && grep -q "U+009B" "$E"'

# ---- 13. a template's strings get a source's checks -------------------------
fresh
mkdir "$tmp/w/t1" "$tmp/w/t2" "$tmp/w/t3" "$tmp/w/t4"
printf '{"id":"x-esc","extends":"gov-2019","name":"A\\u001b[2Jpwn"}' >"$tmp/w/t1/a.json"
printf '{"id":"x-bidi","extends":"gov-2019","name":"A\342\200\256B"}' >"$tmp/w/t2/a.json"
printf '{"id":"x-utf8","extends":"gov-2019","name":"A\377B"}' >"$tmp/w/t3/a.json"
printf '{"id":"x-nl","extends":"gov-2019","title":"{year}\\n\\n[x](http://e)"}' >"$tmp/w/t4/a.json"
t template-escape 'run --templates t1 templates; [ $st = 2 ] && clean "$O" && clean "$E" &&
	grep -qF "t1/a.json: error: template: the text at name contains the invisible character U+001B" "$E"'
t template-bidi 'run --templates t2 templates; [ $st = 2 ] && grep -q "U+202E" "$E"'
t template-invalid-utf8 'run --templates t3 build --stdout -f json "$ex"; [ $st = 2 ] && [ ! -s "$O" ] &&
	grep -q "the text at name is not valid UTF-8" "$E"'
t template-newline 'run --templates t4 build --stdout -f md "$ex"; [ $st = 2 ] && [ ! -s "$O" ] && grep -q "U+000A" "$E"'

# ---- 14, 15. CSV headers and Markdown from templates and projects ----------
fresh
mkdir "$tmp/w/tpl"
python3 - "$root/templates/gov-2019.json" "$tmp/w/tpl/gov-2019.json" <<'PY'
import json, sys
t = json.load(open(sys.argv[1], encoding="utf-8"))
t["summary"][0]["label"] = '=HYPERLINK("http://evil","x")'
t["summary"][1]["label"] = "+cmd|' /C calc'!A0"
t["sections"][0]["heading"] = '一、总体情况](http://evil) <script>alert(1)</script> ## x'
json.dump(t, open(sys.argv[2], "w", encoding="utf-8"), ensure_ascii=False)
PY
t csv-header-formula 'run --templates tpl summary -f csv "$ex"; [ $st = 0 ] &&
	head -1 "$O" | grep -qF ",\"'"'"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\"," && head -1 "$O" | grep -qF ",\"'"'"'+cmd|'"'"' /C calc'"'"'!A0\""'
t csv-numbers-unchanged 'run summary -f csv "$ex"; [ $st = 0 ] && ! sed -n 2p "$O" | grep -q "'"'"'[0-9]"'
t md-template-heading 'run --templates tpl build --stdout -f md "$ex"; [ $st = 0 ] &&
	grep -qF "## 一、总体情况\](http://evil) &lt;script&gt;alert(1)&lt;/script&gt; \#\# x" "$O" && ! grep -q "<script>" "$O"'
mkdir "$tmp/w/p"
sed 's/^year: 2020/year: 2020\ndate: 2021-01-08/' "$ex" >"$tmp/w/p/a.yaml"
printf 'date_format: "{year}年{month}月{day}日 <script>x</script> [a](b)"\n' >"$tmp/w/p/gireport.yaml"
t md-project-date 'cd p && run build --stdout -f md a.yaml; [ $st = 0 ] && grep -qF "&lt;script&gt;x&lt;/script&gt; \[a\](b)" "$O" && ! grep -q "<script>" "$O"'
printf 'date_format: "{year}\\e[2J"\n' >"$tmp/w/p/gireport.yaml"
t project-setting-escape 'cd p && run build --stdout -f txt a.yaml; [ $st = 1 ] && clean "$E" && grep -q "gireport.yaml:1:14: error: .*U+001B" "$E"'

# ---- 16. YAML null is absent, never the text "~" ----------------------------
fresh
t null-not-printed 'run build --stdout -f txt "$root/tests/bad/null-other-matters.yaml"; [ $st = 0 ] && ! grep -q "~" "$O" &&
	grep -q "某市某区统计局" "$O"'

# ---- 17. sums past 2^63: an error, never a wrapped number -------------------
fresh
mkdir "$tmp/w/big"
for i in 01 02 03 04 05 06 07 08 09 10 11 12; do
	sed -e "s/^year: 2020/year: 2020\nagency: 某局$i/" -e 's/^  procurement: .*/  procurement: [3, 999999999999.999999]/' \
		"$root/tests/bad/missing-agency.yaml" >"$tmp/w/big/$i.yaml"
done
t summary-total-overflow 'run summary -q -f csv big; [ $st = 1 ] &&
	grep -q "error: 政府集中采购金额（万元）: the sum is too large to add up" "$E" &&
	! grep -q "1999999999999.999998" "$O" && tail -1 "$O" | grep -q "^合计,"'
t summary-total-overflow-json 'run summary -q -f json big; [ $st = 1 ] && python3 -m json.tool "$O" >/dev/null &&
	! grep -q "\"procurement_amount\": [0-9]*.[0-9]*}}" "$O"'
t summary-total-fits 'run summary -q -f csv big/01.yaml big/02.yaml; [ $st = 0 ] && tail -1 "$O" | grep -q "1999999999999.999998"'

# ---- 18. --diagnostics=json for every diagnostic ----------------------------
fresh
mkdir "$tmp/w/p" "$tmp/w/t"
cp "$ex" "$tmp/w/p/a.yaml"
echo 'outputx: 1' >"$tmp/w/p/gireport.yaml"
echo '{"id":' >"$tmp/w/t/a.json"
t json-diag-project 'cd p && run check --diagnostics=json; [ $st = 1 ] && [ ! -s "$E" ] && json_lines "$O" &&
	grep -q "\"message\":\"unknown setting\"" "$O"'
t json-diag-template 'run check --templates t --diagnostics=json "$ex"; [ $st = 2 ] && [ ! -s "$E" ] && json_lines "$O" &&
	grep -q "\"file\":\"t/a.json\".*template: invalid JSON" "$O"'
t json-diag-unreadable 'run check --diagnostics=json missing.yaml; [ $st = 2 ] && [ ! -s "$E" ] && json_lines "$O" &&
	grep -q "cannot read: No such file" "$O"'
t json-diag-stdout-build 'run build --stdout -f txt --templates t --diagnostics=json "$ex"; [ $st = 2 ] && [ ! -s "$O" ] && json_lines "$E"'

# ---- 20. leftovers of a killed build; one standard input ----------------------
# A build killed with SIGKILL leaves its .NAME.gir-XXXXXX temporaries: made
# here by hand (a real kill lands at a random moment), aged past 10 minutes.
fresh
cp "$ex" "$tmp/w/a.yaml"
touch "$tmp/w/.a.txt.gir-Ab12Cd" "$tmp/w/.a.md.gir-zz99ZZ" "$tmp/w/.notes.txt.backup" "$tmp/w/.b.txt.gir-Fresh1"
touch -d '2 hours ago' "$tmp/w/.a.txt.gir-Ab12Cd" "$tmp/w/.a.md.gir-zz99ZZ" "$tmp/w/.notes.txt.backup"
t stale-temporaries-swept 'run build -f txt a.yaml; [ $st = 0 ] && [ ! -e .a.txt.gir-Ab12Cd ] && [ ! -e .a.md.gir-zz99ZZ ] &&
	[ -e .notes.txt.backup ] && [ -e .b.txt.gir-Fresh1 ] && [ -s a.txt ]'
t diff-stdin-twice 'run diff - - <"$ex"; [ $st = 2 ] && grep -q "standard input (-) can be given only once" "$E"'
t check-stdin-twice 'run check - - <"$ex"; [ $st = 2 ]'
sed 's/^  licensing: .*/  licensing: [1, x, 2]/' "$ex" >"$tmp/w/broken.yaml"
t summary-stdin-failed-source 'run summary - <broken.yaml; [ $st = 1 ] && grep -q "^郑州市二七区统计局,2020,gov-2019,.*-.*,有错误" "$O"'
