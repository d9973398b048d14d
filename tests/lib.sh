# The one harness of the test suites, sourced by every suite script:
#
#	SUITE=pdf
#	. tests/lib.sh
#
# A suite prints one line per test, "PASS SUITE:name", "FAIL SUITE:name" (with
# what went wrong, indented, on the lines after) or "SKIP SUITE:name (why)";
# tests/run.sh counts them against tests/counts, so that a suite that stops
# early, or loses a test, fails (README.md, "Tests").
#
# It gives:
#	$tmp            a fresh directory, removed (even when read-only) at exit
#	pass NAME       fail NAME [DETAILS]       skip NAME WHY
#	t NAME 'CONDITION'   runs the shell condition in a subshell (in $T_DIR
#	                when that is set): PASS when it succeeds, else FAIL with
#	                the first 20 lines of its output
#	status CMD...   prints CMD's exit status, its output thrown away
#	need CMD...     FAIL SUITE:need-CMD for each command missing (a missing
#	                tool is a broken test machine, not a reason to skip)

: "${SUITE:?set SUITE before sourcing tests/lib.sh}"
BUILD=${BUILD:-build}
tmp=$(mktemp -d)
_t_out=$(mktemp) # outside $tmp, which tests may list
trap 'chmod -R u+w "$tmp" 2>/dev/null; rm -rf "$tmp" "$_t_out"' EXIT

pass() { echo "PASS $SUITE:$1"; }

fail() {
	echo "FAIL $SUITE:$1"
	[ -z "$2" ] || printf '%s\n' "$2" | head -20 | sed 's/^/  /'
}

skip() { echo "SKIP $SUITE:$1 ($2)"; }

t() {
	_t_name=$1
	shift
	if (if [ -n "$T_DIR" ]; then cd "$T_DIR" || exit; fi; eval "$*") >"$_t_out" 2>&1; then
		pass "$_t_name"
	else
		fail "$_t_name" "$(cat "$_t_out")"
	fi
}

status() {
	"$@" >/dev/null 2>&1
	echo $?
}

need() {
	_need_ok=0
	for _c in "$@"; do
		command -v "$_c" >/dev/null 2>&1 || { fail "need-$_c" "$_c is not installed (make deps)"; _need_ok=1; }
	done
	return $_need_ok
}
