#!/bin/sh
# Hostile input around the source (issue 19): templates, project files,
# devices and FIFOs, file names, output paths, text bound for terminals,
# spreadsheets and web pages, and numbers that overflow.  Every command runs
# under `timeout`, so a hang is a FAIL, not a stuck suite.
BIN=$(cd "$(dirname "${BUILD:-build}/gireport")" && pwd)/gireport
root=$(pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
ex=$root/examples/erqi-tongji-2020.yaml

t() { # name, then a shell condition (run in $tmp/w)
	name=$1
	shift
	if (cd "$tmp/w" && eval "$*") >"$tmp/last.out" 2>&1; then
		echo "PASS hostile:$name"
	else
		echo "FAIL hostile:$name"
		head -c 3000 "$tmp/last.out"
		echo
	fi
}

# run ARGS...: the tool under a 10 s timeout; stdout in out, stderr in err,
# the exit status in $st (124 for a hang).
run() {
	timeout 10 "$BIN" "$@" >out 2>err
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
	grep -qF "self/a.json: error: template: \"extends\" makes a cycle: gov-2019 → gov-2019" err'
t extends-self-env 'GIREPORT_TEMPLATE_PATH=self run check "$ex"; [ $st = 2 ] && grep -q "makes a cycle" err'
t extends-two 'run --templates two templates; [ $st = 2 ] &&
	grep -qF "makes a cycle: gov-2019 → gov-2019-lvyuan → gov-2019" err'
t extends-three 'run --templates three templates; [ $st = 2 ] && [ $st != 124 ]'

# ---- 2. FIFOs, terminals and devices are refused, never waited on ---------
fresh
mkfifo "$tmp/w/fifo.yaml" "$tmp/w/font.ttf"
t source-fifo 'run check fifo.yaml; [ $st = 2 ] && grep -qF "fifo.yaml: error: cannot read: not a regular file" err'
ln -s /dev/ptmx "$tmp/w/ptmx.yaml"
t source-symlink-to-ptmx 'run check ptmx.yaml; [ $st = 2 ] && grep -q "not a regular file" err'
sed 's/^year: 2020/year: 2020\nprevious: \/dev\/ptmx/' "$ex" >"$tmp/w/prev.yaml"
t previous-ptmx 'run check prev.yaml; [ $st = 1 ] && grep -q "cannot read last year.s source /dev/ptmx: not a regular file" err'
mkdir "$tmp/w/agency"
cp "$root/tests/bad/carry-over-2021.yaml" "$tmp/w/agency/2021.yaml"
sed -i '/^previous:/d' "$tmp/w/agency/2021.yaml"
mkfifo "$tmp/w/agency/2020.yaml"
t sibling-fifo 'run check agency/2021.yaml; [ $st != 124 ] && [ $st != 0 ] && grep -q "not a regular file" err'
t font-fifo 'run build --stdout -f pdf --font body=font.ttf "$ex"; [ $st != 124 ] && [ $st != 0 ] &&
	grep -q "font.ttf.*not a regular file" err'
mkdir "$tmp/w/tpl"
mkfifo "$tmp/w/tpl/x.json"
t template-fifo 'run --templates tpl templates; [ $st = 2 ] && grep -qF "tpl/x.json: error: cannot read the template: not a regular file" err'
mkdir "$tmp/w/proj"
mkfifo "$tmp/w/proj/gireport.yaml"
t project-fifo '(cd proj && timeout 10 "$BIN" check >../out 2>../err); st=$?; [ $st = 2 ] && grep -q "gireport.yaml: error: cannot read: not a regular file" err'
t source-dev-zero 'run check /dev/zero; [ $st = 2 ] && grep -q "not a regular file" err'
t stdin-still-read 'run check - <"$ex"; [ $st = 0 ]'
