#!/bin/sh
# Translations: po/zh_CN.po is complete and valid, po/gireport.pot holds
# every message of the sources, every locale picks its language, and a
# diagnostic carries the same id in every language.
BIN=${BUILD:-build}/gireport
SUITE=i18n
. tests/lib.sh

stats=$(msgfmt --check --statistics -o /dev/null po/zh_CN.po 2>&1)
case $stats in
*untranslated* | *fuzzy* | *error*) fail "zh_CN.po complete" "$stats" ;;
*"translated messages"*) pass "zh_CN.po complete ($stats)" ;;
*) fail "zh_CN.po complete" "$stats" ;;
esac

# The .pot is what `make pot` would write now: every _() and GIR_MSG() of
# the sources is in it, and nothing else.
mkdir -p "$tmp/po"
sh tools/template-messages.sh templates/*.json >"$tmp/po/templates.c"
xgettext --from-code=UTF-8 --language=C --keyword=_ --keyword=N_ --keyword=GIR_MSG:3 \
	--keyword=C_:1c,2 --add-comments=TRANSLATORS: --no-location --sort-output \
	-o "$tmp/new.pot" src/*/*.c src/*/*.h cli/*.c cli/*.h "$tmp/po/templates.c" 2>"$tmp/err"
ids() { msgcat --no-wrap "$1" | grep -E '^(msgctxt|msgid)' | sed 1d; }
if ids po/gireport.pot >"$tmp/a" && ids "$tmp/new.pot" >"$tmp/b" && cmp -s "$tmp/a" "$tmp/b"; then
	pass "gireport.pot up to date"
else
	fail "gireport.pot up to date (make pot)" "$(diff -u "$tmp/a" "$tmp/b")"
fi
# Every message of the .pot is in zh_CN.po.
if msgcmp po/zh_CN.po po/gireport.pot 2>"$tmp/err"; then
	pass "zh_CN.po covers gireport.pot"
else
	fail "zh_CN.po covers gireport.pot" "$(cat "$tmp/err")"
fi

src=tests/bad/total-column-disagrees.yaml
lang_of() { # VARS... : the first diagnostic line under those settings
	env LC_ALL= LANGUAGE= LC_MESSAGES= LANG= "$@" "$BIN" check "$src" 2>&1 | head -n 1
}
for v in LANG=zh_CN.UTF-8 LC_ALL=zh_CN.UTF-8 LC_MESSAGES=zh_CN.UTF-8 LANG=zh_SG.UTF-8 \
	"LANG=zh_CN.UTF-8 LANGUAGE=zh_CN"; do
	# shellcheck disable=SC2086
	case $(lang_of $v) in
	*": 错误：三、"*"总计写的是 4，但各栏相加是 3 [requests.received.total]") pass "Chinese with $v" ;;
	*) fail "Chinese with $v" "$(lang_of $v)" ;;
	esac
done
for v in LANG=C LC_ALL=C "LANG=zh_CN.UTF-8 LC_MESSAGES=C LC_ALL=C" LANG=en_US.UTF-8; do
	# shellcheck disable=SC2086
	case $(lang_of $v) in
	*": error: "*"the total is given as 4 but the columns add up to 3 [requests.received.total]") pass "English with $v" ;;
	*) fail "English with $v" "$(lang_of $v)" ;;
	esac
done

# The JSON id is the same in both languages; the message is the reader's.
en=$(LC_ALL=C "$BIN" check --diagnostics json "$src" 2>&1)
zh=$(LC_ALL=zh_CN.UTF-8 "$BIN" check --diagnostics json "$src" 2>&1)
idof() { printf '%s\n' "$1" | sed -n 's/.*"id":"\([^"]*\)".*/\1/p' | head -n 1; }
if [ "$(idof "$en")" = total_mismatch_columns ] && [ "$(idof "$zh")" = total_mismatch_columns ] &&
	printf '%s' "$zh" | grep -q '"message":"总计写的是 4'; then
	pass "json id in both languages"
else
	fail "json id in both languages" "$en
$zh"
fi

# docs/messages.md lists every id the sources give, and no other.
sh tools/messages.sh >"$tmp/ids"
missing=""
for id in $(cut -f1 "$tmp/ids"); do
	grep -q "^| \`$id\` |" docs/messages.md || missing="$missing $id"
done
if [ -z "$missing" ]; then
	pass "docs/messages.md lists every id"
else
	fail "docs/messages.md lists every id (sh tools/messages.sh --doc)" "missing:$missing"
fi

# gireport audit finds the same figures in Chinese: it knows an arithmetic
# error by its id, not by the English words.
mkdir "$tmp/r"
"$BIN" build --stdout -f txt examples/city/jiaotong/2020.yaml >"$tmp/r/jt2020.txt" 2>/dev/null
"$BIN" build --stdout -f txt examples/city/jiaotong/2021.yaml >"$tmp/r/jt2021.txt" 2>/dev/null
sed -i '/^│ 四、结转下年度继续办理 .*│\( *0 *│\)\{7\}$/{s/^\(│ 四、结转下年度继续办理  *│ *\)0/\11/;s/0\( *│\)$/1\1/}' "$tmp/r/jt2020.txt"
received=$(sed -n 's/^│ 一、本年新收政府信息公开申请数量 *│.*│ *\([0-9][0-9]*\) *│$/\1/p' "$tmp/r/jt2021.txt")
sed -i "s/^\(│ 一、本年新收政府信息公开申请数量 *│.*│ *\)$received\( *\)│\$/\1$((received + 5))\2│/" "$tmp/r/jt2021.txt"
figures() { # the audit's findings without the rule's words
	env LC_ALL="$1" "$BIN" audit "$tmp/r" 2>/dev/null | cut -d, -f1-8
}
if [ "$(figures C | wc -l)" -ge 3 ] && [ "$(figures C)" = "$(figures zh_CN.UTF-8)" ]; then
	pass "audit in Chinese finds what it finds in English"
else
	fail "audit in Chinese finds what it finds in English" "$(figures C)
---
$(figures zh_CN.UTF-8)"
fi
