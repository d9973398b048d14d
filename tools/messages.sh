#!/bin/sh
# The message catalogue, read from the sources: every GIR_MSG(SEVERITY, id,
# "English text"), and the few ids given as strings (a message the
# template or another library writes).  Prints "id<TAB>severity<TAB>text"
# sorted by id, one line per distinct id and text; with --doc, rewrites the
# table of docs/messages.md between its markers.
cd "$(dirname "$0")/.." || exit 2
list() {
	python3 - src/*/*.c cli/*.c <<'PY'
import re, sys
lit = r'"(?:[^"\\]|\\.)*"'
msg = re.compile(r'GIR_MSG\(\s*(ERROR|WARNING|NOTE)\s*,\s*(\w+)\s*,\s*((?:' + lit + r'\s*)+)\)')
raw = re.compile(r'GIR_(ERROR|WARNING|NOTE)\s*,\s*"(\w+)"')
seen = {}
for f in sys.argv[1:]:
    s = open(f, encoding='utf-8').read()
    for m in msg.finditer(s):
        text = ''.join(re.findall(lit, m.group(3)))
        text = text.replace('""', '')[1:-1].replace('\\"', '"')
        seen.setdefault((m.group(2), m.group(1).lower(), text), f)
    for m in raw.finditer(s):
        seen.setdefault((m.group(2), m.group(1).lower(), '(composed: ' + f + ')'), f)
# ids given where no GIR_MSG can stand: the template's own words, the
# "more not shown" line, last year's source
extra = [('template_check', 'error', "(a check of the template: its \"message\")"),
         ('carry_over_mismatch', 'error', "(a check of the template against last year's source: its \"message\")"),
         ('template_check_warning', 'warning', "(a check of the template: its \"message\")"),
         ('more_not_shown', 'note', '%zu more problems not shown'),
         ('previous_unreadable', 'error', "cannot read last year's source %s: %s"),
         ('previous_has_errors', 'error', "last year's source %s has errors; check it first")]
for (i, sev, text) in extra:
    seen.setdefault((i, sev, text), '')
for (i, sev, text) in sorted(seen):
    print('%s\t%s\t%s' % (i, sev, text))
PY
}
if [ "$1" = --doc ]; then
	tmp=$(mktemp)
	{
		sed '/^<!-- begin catalogue -->$/q' docs/messages.md
		echo '| id | severity | English text |'
		echo '| --- | --- | --- |'
		list | awk -F '\t' '{ t = $3; gsub(/\|/, "\\|", t); printf "| `%s` | %s | %s |\n", $1, $2, t }'
		sed -n '/^<!-- end catalogue -->$/,$p' docs/messages.md
	} >"$tmp" && mv "$tmp" docs/messages.md
else
	list
fi
