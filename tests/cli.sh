#!/bin/sh
# The command line: exit statuses, where outputs go, atomic writes, formats.
BIN=${BUILD:-build}/gireport
SUITE=cli
. tests/lib.sh
ex=examples/erqi-tongji-2020.yaml


t version '"$BIN" --version | grep -qx "gireport [0-9]*\.[0-9]*\.[0-9]*"'
t help '"$BIN" --help | grep -q "gireport build"'
# --help shows -j and --force on build's and check's lines, and that they take directories.
t help-jobs-force-dirs '"$BIN" --help >"$tmp/help" && grep -q "^ *\[-j N\] \[--force\] .*\[DIR|FILE\]\.\.\.$" "$tmp/help" && grep -q "gireport check .*\[-j N\] .*\[DIR|FILE\]\.\.\.$" "$tmp/help" && grep -q "^  -j, --jobs N" "$tmp/help" && grep -q "^      --force" "$tmp/help" && grep -q "A DIR stands for every" "$tmp/help"'
# Numbers are whole numbers with nothing after them: refused with exit 2, nothing done.
for bad in 2x 2.0 "2 " +2; do
	t "jobs-refused:$bad" '"$BIN" check -j "$bad" $ex 2>"$tmp/e"; [ $? = 2 ] && head -1 "$tmp/e" | grep -q "^gireport: -j takes a number of processes, 1 to 1024$"'
done
for bad in 2021abc 2021.0 20210; do
	t "year-refused:$bad" '"$BIN" new --year "$bad" >"$tmp/o" 2>"$tmp/e"; [ $? = 2 ] && [ ! -s "$tmp/o" ] && head -1 "$tmp/e" | grep -q "^gireport: --year takes a report year such as 2021$"'
done
t import-year-refused '"$BIN" import --year 2021abc examples/erqi-tongji-2020.yaml >"$tmp/o" 2>"$tmp/e"; [ $? = 2 ] && [ ! -s "$tmp/o" ] && grep -q "year takes a report year" "$tmp/e"'
t no-command '[ $(status "$BIN") = 2 ]'
t unknown-command '[ $(status "$BIN" frobnicate) = 2 ]'
t unknown-option '[ $(status "$BIN" build --bogus $ex) = 2 ]'
t no-files '[ $(status "$BIN" check) = 2 ]'
t missing-file '[ $(status "$BIN" check "$tmp/nope.yaml") = 2 ]'
t unknown-format '[ $(status "$BIN" build -f doc $ex) = 2 ]'
t templates-list '"$BIN" templates | grep -q "^gov-2019 " && "$BIN" templates | grep -q "^gov-2019-lvyuan "'
t check-valid '[ $(status "$BIN" check $ex) = 0 ]'
t check-invalid '[ $(status "$BIN" check tests/bad/row-too-short.yaml) = 1 ]'
t check-many-summary '"$BIN" check examples/*.yaml 2>&1 | grep -q "5 sources checked, 0 with errors"'
t strict-warning '[ $(status "$BIN" check --strict $ex) = 1 ]'
t options-after-files '[ $(status "$BIN" check $ex --strict) = 1 ]'

# build writes .txt and .md next to the source, or into -o DIR.
cp $ex "$tmp/a.yaml"
t build-next-to-source '"$BIN" build "$tmp/a.yaml" && [ -s "$tmp/a.txt" ] && [ -s "$tmp/a.md" ]'
mkdir "$tmp/out"
t build-outdir '"$BIN" build -o "$tmp/out" -f md $ex && [ -s "$tmp/out/erqi-tongji-2020.md" ] && [ ! -e "$tmp/out/erqi-tongji-2020.txt" ]'
t build-yml-extension 'cp $ex "$tmp/b.yml" && "$BIN" build -f txt "$tmp/b.yml" && [ -s "$tmp/b.txt" ]'
t stdout-one-format '[ $(status "$BIN" build --stdout -f txt,md $ex) = 2 ]'
t no-temp-files-left '[ -z "$(ls -A "$tmp" | grep "^\." | grep -v "^\.gireport$")" ]'

# An invalid source writes nothing and keeps the previous outputs.
echo "previous" >"$tmp/bad.txt"
printf 'year: 2020\nagency: 某局\nrequests:\n  received: [1, 2]\n' >"$tmp/bad.yaml"
t invalid-writes-nothing '[ $(status "$BIN" build "$tmp/bad.yaml") = 1 ] && [ "$(cat "$tmp/bad.txt")" = previous ] && [ ! -e "$tmp/bad.md" ]'

# An unwritable output directory: exit 2, old output intact, no temp file.
# (Simulated by tools/failwrite.c: root, as in CI, may write anywhere.)
mkdir "$tmp/ro" && cp $ex "$tmp/ro/c.yaml" && echo old >"$tmp/ro/c.txt"

# A full disk while writing the .md (simulated by tools/failwrite.c): exit 2,
# the .txt written before it is not renamed into place either, nothing left.
cc -shared -fPIC -o "$tmp/failwrite.so" tools/failwrite.c -ldl
# The shim and the AddressSanitizer runtime both want to come first in the
# process: these tests run on the normal build only (SKIP lines elsewhere,
# which tests/counts counts like the others).
preload_ok=1
case $BUILD in *asan*) preload_ok=0 ;; esac
t_preload() { # as t, for a test that preloads the shim
	if [ $preload_ok = 1 ]; then t "$@"; else skip "$1" "LD_PRELOAD under AddressSanitizer"; fi
}
mkdir "$tmp/full" && cp $ex "$tmp/full/d.yaml" && echo old-txt >"$tmp/full/d.txt" && echo old-md >"$tmp/full/d.md"
t_preload full-disk 'GIR_FAIL_WRITE=.d.md. LD_PRELOAD="$tmp/failwrite.so" "$BIN" build -f txt,md "$tmp/full/d.yaml"; [ $? = 2 ] && [ "$(cat "$tmp/full/d.txt")" = old-txt ] && [ "$(cat "$tmp/full/d.md")" = old-md ] && [ "$(ls -A "$tmp/full" | wc -l)" = 3 ]'
t_preload full-disk-message 'GIR_FAIL_WRITE=.d.md. LD_PRELOAD="$tmp/failwrite.so" "$BIN" build -f txt,md "$tmp/full/d.yaml" 2>&1 | grep -q "cannot write .*d.md: No space left on device"'
t_preload unwritable-dir 'GIR_FAIL_CREATE=/ro/ LD_PRELOAD="$tmp/failwrite.so" "$BIN" build -f txt,md "$tmp/ro/c.yaml"; [ $? = 2 ] && [ "$(cat "$tmp/ro/c.txt")" = old ] && [ "$(ls -A "$tmp/ro" | wc -l)" = 2 ]'
t_preload unwritable-dir-message 'GIR_FAIL_CREATE=/ro/ LD_PRELOAD="$tmp/failwrite.so" "$BIN" build -f txt "$tmp/ro/c.yaml" 2>&1 | grep -q "cannot write .*c.txt: Permission denied"'
# SIGTERM in the middle of writing: the temporary files go, old outputs stay.
t_preload signal-mid-build 'GIR_FAIL_WRITE=.d.md. GIR_FAIL_MODE=signal LD_PRELOAD="$tmp/failwrite.so" "$BIN" build -f txt,md "$tmp/full/d.yaml"; [ $? = 143 ] && [ "$(cat "$tmp/full/d.txt")" = old-txt ] && [ "$(ls -A "$tmp/full" | wc -l)" = 3 ]'

# A source on standard input has no name to write next to.
t stdin-needs-stdout '[ $(status "$BIN" build - <$ex) = 2 ]'
# JSON diagnostics stay off stdout when the report is written there.
t json-diagnostics-with-stdout '"$BIN" build --stdout -f txt --diagnostics=json $ex 2>/dev/null | head -1 | grep -q "郑州市二七区统计局"'

# An output that is the source itself (a hard link) is refused.
mkdir "$tmp/link" && cp $ex "$tmp/link/s.yaml" && ln "$tmp/link/s.yaml" "$tmp/link/s.md"
t never-overwrite-source '[ $(status "$BIN" build -f md "$tmp/link/s.yaml") = 2 ] && cmp -s $ex "$tmp/link/s.yaml"'

# Diagnostics as JSON lines on stdout.
t json-diagnostics '"$BIN" check --diagnostics=json tests/bad/row-too-short.yaml | grep -q "\"line\":[0-9]*,\"column\":[0-9]*,\"severity\":\"error\""'
t json-diagnostics-bad-value '[ $(status "$BIN" check --diagnostics=xml $ex) = 2 ]'

# Templates from a directory override the embedded ones.
mkdir "$tmp/tpl"
sed 's/"name": "[^"]*"/"name": "本地模板"/' templates/gov-2019.json >"$tmp/tpl/gov-2019.json"
t templates-dir '"$BIN" --templates "$tmp/tpl" templates | grep -q "本地模板"'
t templates-env 'GIREPORT_TEMPLATE_PATH="$tmp/tpl" "$BIN" templates | grep -q "本地模板"'
# An override of gov-2019 reaches gov-2019-lvyuan, which extends it.
mkdir "$tmp/tpl2"
sed 's/"heading": "一、总体情况"/"heading": "一、总体工作情况"/' templates/gov-2019.json >"$tmp/tpl2/gov-2019.json"
t templates-override-reaches-extension '"$BIN" --templates "$tmp/tpl2" build --stdout -f txt examples/lvyuan-tongji-2020.yaml | grep -q "一、总体工作情况"'
# A template beyond the binder's limits (65 columns in a block) is refused.
mkdir "$tmp/tpl3"
cols=$(i=0; while [ $i -lt 65 ]; do printf '%s{"id": "c%d", "label": "列%d"}' "$([ $i = 0 ] || echo ,)" $i $i; i=$((i + 1)); done)
printf '{"id": "wide", "title": "{agency}{year}", "sections": [{"id": "t", "heading": "一、表", "kind": "table", "blocks": [{"columns": [%s], "rows": [{"id": "r", "label": "行"}]}]}]}\n' "$cols" >"$tmp/tpl3/wide.json"
t template-too-wide '[ $(status "$BIN" --templates "$tmp/tpl3" templates) = 2 ] && "$BIN" --templates "$tmp/tpl3" templates 2>&1 | grep -q "more than 64 keyed rows or columns"'
echo '{ broken' >"$tmp/tpl/broken.json"
t templates-broken '[ $(status "$BIN" --templates "$tmp/tpl" templates) = 2 ]'

# Reading from standard input.
t stdin-source '"$BIN" build --stdout -f txt - <$ex | grep -q "郑州市二七区统计局"'
