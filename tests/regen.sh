#!/bin/sh
# Rewrites the expected outputs of golden and diagnostics tests from the
# current build.  Review `git diff tests/` before committing.
BIN=${BUILD:-build}/gireport
cd "$(dirname "$0")/.." || exit 2
for src in examples/*.yaml; do
	stem=tests/golden/examples/$(basename "$src" .yaml)
	for ext in txt md json html; do
		"$BIN" build --stdout -f $ext "$src" >"$stem.$ext" 2>/dev/null
	done
done
for src in tests/golden/*.yaml; do
	stem=${src%.yaml}
	for ext in txt md tree json html; do
		[ -f "$stem.$ext" ] && "$BIN" build --stdout -f $ext "$src" >"$stem.$ext" 2>/dev/null
	done
done
# Broken sources exit 1 and accepted ones 0 (tests/diagnostics.sh); any other
# status is written to CASE.status.
for src in tests/bad/*.yaml tests/ok/*.yaml; do
	stem=${src%.yaml}
	usual=1
	case $src in tests/ok/*) usual=0 ;; esac
	args=$(sed -n '1s/^# args: //p' "$src")
	# shellcheck disable=SC2086
	LC_ALL=C "$BIN" check $args "$src" >/dev/null 2>"$stem.err"
	status=$?
	if [ $status = $usual ]; then rm -f "$stem.status"; else echo $status >"$stem.status"; fi
	# shellcheck disable=SC2086
	case $src in tests/bad/*)
		LC_ALL= LANGUAGE= LC_MESSAGES= LANG=zh_CN.UTF-8 "$BIN" check $args "$src" >/dev/null 2>"$stem.zh.err"
	esac
done
GIREPORT_TEMPLATE_PATH= "$BIN" schema gov-2021 >tests/schema/gov-2021.schema.json
REGEN=1 sh tests/suites/city.sh
echo "regenerated; review with: git diff --stat tests/"
