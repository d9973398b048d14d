#!/bin/sh
# make install and make uninstall into a temporary DESTDIR with a PREFIX of its
# own: the files and their modes, the installed binary at work, one version
# everywhere (binary, man page, JSON, PDF), the man page renders cleanly and
# covers every command and option, the bash completion loads and completes,
# and uninstall leaves nothing behind.
BUILD=${BUILD:-build}
BIN=$BUILD/gireport
root=$(pwd)
SUITE=install
. tests/lib.sh
dest=$tmp/dest
prefix=/opt/gireport-test
inst=$dest$prefix


# make as a user would run it, never rebuilding the binary under test (which
# may be the sanitizer build, made with other flags), and writing nowhere but
# DESTDIR.
mk() {
	env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make -s --no-print-directory -o "$BIN" \
		BUILD="$BUILD" PREFIX="$prefix" DESTDIR="$dest" "$@"
}

version=$(sed -n 's/^#define GIR_VERSION "\(.*\)".*/\1/p' include/gireport.h)
ids=$(sed -n 's/^templates\/\(.*\)\.json$/\1/p' <<EOF
$(ls templates/*.json)
EOF
)

t make-install 'mk install'
# Exactly these files, nothing outside the prefix.
{
	echo "$prefix/bin/gireport 755"
	echo "$prefix/share/man/man1/gireport.1 644"
	echo "$prefix/share/man/zh_CN/man1/gireport.1 644"
	echo "$prefix/share/locale/zh_CN/LC_MESSAGES/gireport.mo 644"
	echo "$prefix/share/locale/zh_SG/LC_MESSAGES/gireport.mo 644"
	echo "$prefix/share/bash-completion/completions/gireport 644"
	echo "$prefix/share/gireport/pre-commit 755"
	echo "$prefix/share/gireport/fontconfig/65-gireport.conf 644"
	for id in $ids; do
		echo "$prefix/share/gireport/templates/$id.json 644"
		echo "$prefix/share/gireport/schemas/$id.schema.json 644"
	done
	echo "$prefix/share/doc/gireport/README.md 644"
	for f in docs/*.md docs/*.png; do echo "$prefix/share/doc/gireport/$f 644"; done
} | sort >"$tmp/expected"
t file-list '(cd "$dest" && find . ! -type d -printf "/%P %m\n") | sort | diff "$tmp/expected" -'
t templates-are-the-embedded-ones 'for id in $ids; do cmp "templates/$id.json" "$inst/share/gireport/templates/$id.json" || exit 1; done &&
	[ "$("$inst/bin/gireport" templates | cut -d" " -f1 | sort)" = "$(printf "%s\n" $ids | sort)" ]'
t schemas-are-json 'for id in $ids; do python3 -m json.tool "$inst/share/gireport/schemas/$id.schema.json" >/dev/null || exit 1; done'

# One version: the header, the binary, the man page, the JSON and the PDF.
t version-binary '[ -n "$version" ] && [ "$("$inst/bin/gireport" --version)" = "gireport $version" ]'
t builds-an-example '"$inst/bin/gireport" build -q -f txt,md,pdf,json -o "$tmp/out" examples/erqi-tongji-2020.yaml &&
	cmp "$tmp/out/erqi-tongji-2020.txt" tests/golden/examples/erqi-tongji-2020.txt && [ -s "$tmp/out/erqi-tongji-2020.pdf" ]'
t version-json 'grep -q "\"generator\":[[:space:]]*\"gireport $version\"" "$tmp/out/erqi-tongji-2020.json"'
t version-pdf 'pdfinfo "$tmp/out/erqi-tongji-2020.pdf" | grep -q "^Creator: *gireport $version$"'
t version-man 'grep -qx "\.Os gireport $version" "$inst/share/man/man1/gireport.1" &&
	mandoc -Tutf8 "$inst/share/man/man1/gireport.1" | tail -n 1 | grep -q "gireport $version"'

# The man page: no warnings from mandoc or from man(1)'s groff; found by
# man through MANPATH; every command and long option of --help in it.
man1=$inst/share/man/man1/gireport.1
if command -v mandoc >/dev/null; then
	t man-lint 'mandoc -Tlint -Wwarning "$man1" && [ -z "$(mandoc -Tlint -Wwarning "$man1" 2>&1)" ]'
	t man-lint-source 'mandoc -Tlint -Wwarning man/gireport.1'
else
	echo "FAIL install:man-lint (mandoc is not installed)"
fi
t man-renders 'MANWIDTH=80 man -l "$man1" >"$tmp/man.txt" 2>"$tmp/man.err" && [ ! -s "$tmp/man.err" ] &&
	grep -q "EXIT STATUS" "$tmp/man.txt" && grep -q GIREPORT_TEMPLATE_PATH "$tmp/man.txt"'
t man-groff-warnings '[ -z "$(groff -k -Tutf8 -mandoc -ww -z "$man1" 2>&1)" ]'
t man-on-manpath 'MANPATH="$inst/share/man" MANPAGER=cat man gireport 2>/dev/null | grep -q "gireport build"'
# The Chinese page: as clean, found by man under a Chinese locale, and the
# installed binary speaks Chinese from the installed catalogue.
man_zh=$inst/share/man/zh_CN/man1/gireport.1
t man-zh-lint '[ -z "$(mandoc -Tlint -Wwarning "$man_zh" 2>&1)" ] &&
	[ -z "$(groff -k -Tutf8 -mandoc -ww -z "$man_zh" 2>&1)" ] && grep -qx "\.Os gireport $version" "$man_zh"'
t man-zh-on-manpath 'LANG=zh_CN.UTF-8 LC_ALL= MANPATH="$inst/share/man" MANPAGER=cat man gireport 2>/dev/null |
	grep -q "编译政府信息公开工作年度报告"'
t installed-binary-chinese 'LANG=zh_CN.UTF-8 LC_ALL= "$inst/bin/gireport" check tests/bad/total-column-disagrees.yaml 2>&1 |
	grep -q "错误：.*总计写的是 4，但各栏相加是 3" &&
	LC_ALL=C "$inst/bin/gireport" check tests/bad/total-column-disagrees.yaml 2>&1 | grep -q "error: .*the total is given as 4"'
t man-covers-help '"$BIN" --help >"$tmp/help" && mandoc -Tascii "$man1" | sed "s/.\x08//g" >"$tmp/man.ascii" &&
	for w in $(grep -o -- "--[a-z][a-z-]*" "$tmp/help" | sort -u) \
	         $(sed -n "s/^ *\(usage:\)\{0,1\} *gireport \([a-z][a-z]*\).*/\2/p" "$tmp/help"); do
		grep -q -- "$w" "$tmp/man.ascii" || { echo "not in the man page: $w"; exit 1; }
	done'

# The bash completion: simulate a <TAB> at the end of the words given.
comp=$inst/share/bash-completion/completions/gireport
complete_words() {
	PATH="$inst/bin:$PATH" bash --norc --noprofile -c '
		. "$1" || exit 1; shift
		COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1))
		COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}
		_gireport gireport "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
		printf "%s\n" "${COMPREPLY[@]}"' sh "$comp" "$@" | sort | tr '\n' '|'
}
is() { # expected, then the words
	want=$1; shift
	got=$(complete_words "$@")
	[ "$got" = "$want" ] || { echo "gireport $*<TAB>: got \"$got\", expected \"$want\""; return 1; }
}
t completion-loads 'bash --norc --noprofile -c ". \"$comp\" && complete -p gireport" | grep -q "_gireport"'
t completion-command 'is "build|" gireport bu && is "templates|" gireport te &&
	is "$("$BIN" --help | sed -n "s/^ *\(usage:\)\{0,1\} *gireport \([a-z][a-z]*\).*/\2/p" | sort -u | tr "\n" "|")" gireport ""'
t completion-formats 'is "docx|html|json|md|ofd|pdf|tree|txt|" gireport build -f "" && is "txt,md|" gireport build -f txt,m &&
	is "csv|json|md|" gireport summary --format "" && is "md|txt|" gireport diff -f ""'
t completion-template-ids 'is "$(printf "%s|" $(printf "%s\n" $ids | sort))" gireport new --template "" &&
	is "gov-2021|gov-2021-other-row|gov-2021-outline|" gireport new --year 2021 --template gov-202 &&
	is "gov-2019|gov-2019-lvyuan|" gireport schema gov-2019'
t completion-diagnostics 'is "json|text|" gireport check --diagnostics = "" && is "json|" gireport check --diagnostics = j'
t completion-options 'is "--strict|" gireport check --st && is "--agency|" gireport new --ag'
mkdir -p "$tmp/cwd/tongji" "$tmp/cwd/out" "$tmp/cwd/my reports"
touch "$tmp/cwd/2020.yaml" "$tmp/cwd/a.yml" "$tmp/cwd/notes.txt"
t completion-sources 'cd "$tmp/cwd" && is "2020.yaml|a.yml|my reports|out|tongji|" gireport check "" &&
	is "tongji|" gireport build -o out t && is "my reports|" gireport build -o m'
if [ -r /usr/share/bash-completion/bash_completion ]; then
	# bash-completion finds it where make install put it, on first use.
	t completion-autoload 'XDG_DATA_DIRS="$inst/share" bash --norc --noprofile -c "
		. /usr/share/bash-completion/bash_completion; _completion_loader gireport; complete -p gireport" |
		grep -q _gireport'
fi

t make-uninstall 'mk uninstall'
t nothing-left '[ -z "$(find "$dest" ! -type d)" ] && [ ! -e "$inst/share/gireport" ] && [ ! -e "$inst/share/doc/gireport" ]'
t uninstall-twice 'mk uninstall'
