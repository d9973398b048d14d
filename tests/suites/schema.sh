#!/bin/sh
# gireport schema (docs/editors.md): the JSON Schema of each template, checked
# with a real validator, Debian's python3-jsonschema (Draft 2020-12), through
# tests/schema_validate.py.  Every source gireport accepts passes its
# template's schema: the examples, the city tree, the golden cases, the
# broken cases that only warn, the `gireport new` skeletons and
# tests/schema/valid/.  The broken cases whose error is one of type or shape
# (listed below) fail it, as do tests/schema/invalid/, which `gireport check`
# must refuse too.  The output is deterministic and equals
# tests/schema/gov-2021.schema.json byte for byte; `new` names the schema in
# its first line.
BIN=${BUILD:-build}/gireport
PY=/usr/bin/python3
SUITE=schema
. tests/lib.sh

# The broken sources whose error is a value of the wrong type or form, a
# row of the wrong length or shape, a missing or unknown key, text with
# invisible characters, an impossible date: what a schema can see.  Left
# out: YAML syntax and encoding, anchors and tags, duplicate keys (JSON has
# none), the arithmetic, last year's file, and number forms that YAML's own
# typing hides from an editor (0x10, 007, +1, 1e3, .5, 5., .nan, 7 decimals).
TYPE_AND_SHAPE="
appeals-flat-16-cells bidi-in-agency bidi-isolate-u2066 bidi-override-u202e
bom-error-on-first-line bool-value control-ansi-escape control-bell-escape
control-escape-in-key control-escape-in-value control-nel-escape
cr-only-line-endings crlf-columns crlf-error-late-line
date-april-31 date-chinese-feb-30 date-chinese-month-13 date-day-00
date-feb-29-2021 date-fullwidth-digits date-month-00 date-month-13
date-slashes date-wrong-format decimal-count document-is-list
document-is-null document-is-number document-is-scalar empty-file
empty-tilde-and-blank errors-hide-warnings float-where-integer
fullwidth-decimal-point fullwidth-digits fullwidth-digits-2021-scalar-row
fullwidth-digits-amount fullwidth-digits-appeals fullwidth-digits-requests
fullwidth-digits-year group-as-single-row implausible-year
lvyuan-row-in-gov-2019 merge-key-inline missing-agency missing-year
missing-year-and-agency nan-inf-variants narrative-as-mapping
negative-2021-fees negative-count negative-each-column-type
nesting-31-brackets no-template-for-2015 quoted-number
quoted-number-2021-scalar quoted-numbers-every-table row-empty-list
row-empty-value row-key-at-top-level row-length-2021-appeals-flat
row-length-2021-fees row-length-2021-other-group row-length-2021-proactive
row-length-2021-requests-subrow row-length-2021-single-column
row-nested-list row-too-long-appeals row-too-long-proactive
row-too-long-requests row-too-short row-too-short-appeals
row-too-short-proactive scalar-for-row-of-3 seed003-appeals-14-cells
several-failures subheading-two-keys table-as-list
thousands-comma-2021-scalar thousands-fullwidth-comma-2021
thousands-fullwidth-comma-in-list thousands-separator-block
thousands-separator-in-list thousands-separator-requests
thousands-space-2021 thousands-underscore unknown-appeals-row
unknown-column-2021-appeals unknown-column-in-row-mapping
unknown-key-under-narrative-list unknown-row-label-typo
unknown-row-proactive unknown-row-procurement-2021 unknown-row-requests
unknown-row-withheld unknown-section-heading-typo
unknown-subrow-unavailable unknown-template-typo unknown-top-key-no-match
unknown-top-key-typo value-20-digits value-limit-plus-one
value-limit-total-over-10-12 value-too-large value-with-unit
yaml-fullwidth-comma yaml-fullwidth-space-last-row zero-width-space-in-key
zero-width-space-in-value
"

if ! $PY -c 'import jsonschema, yaml' 2>"$tmp/py.err"; then
	fail python3-jsonschema "$(cat "$tmp/py.err"; echo 'apt-get install python3-jsonschema python3-yaml')"
	exit 0
fi

# One schema per template, as `make schemas` writes them.
mkdir "$tmp/schemas"
for id in $(GIREPORT_TEMPLATE_PATH= "$BIN" templates | cut -d' ' -f1); do
	GIREPORT_TEMPLATE_PATH= "$BIN" schema "$id" >"$tmp/schemas/$id.schema.json" || fail "writes:$id"
done
t templates-have-schemas '[ $(ls "$tmp/schemas" | wc -l) -ge 3 ]'

# ---- the output ----------------------------------------------------------------

t golden-gov-2021 'cmp "$tmp/schemas/gov-2021.schema.json" tests/schema/gov-2021.schema.json'
t deterministic '"$BIN" schema gov-2021 | cmp - "$tmp/schemas/gov-2021.schema.json" &&
	"$BIN" schema gov-2019 | cmp - "$tmp/schemas/gov-2019.schema.json"'
t chinese-titles 'grep -q "\"title\":	\"一、本年新收政府信息公开申请数量\"" "$tmp/schemas/gov-2021.schema.json" &&
	grep -q "\"title\":	\"报告年度\"" "$tmp/schemas/gov-2019.schema.json"'
t lvyuan-has-release-total 'grep -q "\"release_total\":" "$tmp/schemas/gov-2019-lvyuan.schema.json" &&
	! grep -q "\"release_total\":" "$tmp/schemas/gov-2019.schema.json"'
t default-is-new-s-edition '"$BIN" schema --year 2020 | cmp - "$tmp/schemas/gov-2019.schema.json" &&
	"$BIN" schema --year 2023 | cmp - "$tmp/schemas/gov-2021.schema.json" &&
	"$BIN" schema --template gov-2019-lvyuan | cmp - "$tmp/schemas/gov-2019-lvyuan.schema.json"'
t unknown-template '"$BIN" schema gov-1999 >/dev/null 2>&1; [ $? = 2 ]'
t two-templates '"$BIN" schema gov-2019 gov-2021 >/dev/null 2>&1; [ $? = 2 ]'
mkdir "$tmp/tpl"
sed 's/"label": "自然人"/"label": "公民"/' templates/gov-2021.json >"$tmp/tpl/gov-2021.json"
t from-template-directory '"$BIN" schema --templates "$tmp/tpl" gov-2021 | grep -q "\"title\":	\"公民\""'

# ---- gireport new names the schema -----------------------------------------------

t new-first-line '"$BIN" new --template gov-2021 --year 2021 | head -1 |
	grep -qx "# yaml-language-server: \$schema=/.*/gov-2021\.schema\.json"'
t new-schema-option '"$BIN" new --year 2020 --schema ../schemas/gov-2019.schema.json | head -1 |
	grep -qx "# yaml-language-server: \$schema=\.\./schemas/gov-2019\.schema\.json"'
t new-no-schema '! "$BIN" new --year 2020 --schema "" | grep -q yaml-language-server'

# ---- validation with python3-jsonschema --------------------------------------------

validate() { # valid|invalid FILE...: the validator's lines, names shortened
	$PY tests/schema_validate.py "$BIN" "$tmp/schemas" "$@" | grep -v ':meta-schema:' || true
}
$PY tests/schema_validate.py "$BIN" "$tmp/schemas" valid | grep ':meta-schema:'

for tpl in gov-2019 gov-2019-lvyuan gov-2021; do
	year=2020; [ $tpl = gov-2021 ] && year=2021
	"$BIN" new --template $tpl --year $year --agency 某区统计局 >"$tmp/new-$tpl.yaml"
done
clean_golden=$(for f in tests/golden/*.yaml; do "$BIN" check -q "$f" >/dev/null 2>&1 && echo "$f"; done)
only_warnings=$(ls tests/ok/*.yaml)
validate valid examples/*.yaml $(find examples/city -name '*.yaml' ! -name gireport.yaml | sort) \
	$clean_golden $only_warnings "$tmp"/new-*.yaml tests/schema/valid/*.yaml
validate invalid $(for n in $TYPE_AND_SHAPE; do echo "tests/bad/$n.yaml"; done) tests/schema/invalid/*.yaml

# An explicitly named schema: a 2020 source naming no template is not one of
# gov-2021 (its year), but may be one of gov-2019-lvyuan (a project's
# template: gov-2019-lvyuan applies to it); one naming gov-2019 is not.
printf 'year: 2020\nagency: 某区统计局\n' >"$tmp/minimal-2020.yaml"
printf 'year: 2020\nagency: 某区统计局\ntemplate: gov-2019\n' >"$tmp/named-2020.yaml"
validate valid "$tmp/minimal-2020.yaml" "$tmp/minimal-2020.yaml@gov-2019-lvyuan"
validate invalid "$tmp/minimal-2020.yaml@gov-2021" "$tmp/named-2020.yaml@gov-2019-lvyuan"

# tests/schema/ agrees with gireport check: accepted there, refused here.
for f in tests/schema/valid/*.yaml; do
	t "check-accepts:$(basename "$f" .yaml)" '"$BIN" check -q "$f"'
done
for f in tests/schema/invalid/*.yaml; do
	t "check-refuses:$(basename "$f" .yaml)" '"$BIN" check -q "$f" >/dev/null 2>&1; [ $? = 1 ]'
done
