#!/bin/sh
# The git hooks: contrib/pre-commit refuses a commit whose staged sources have
# errors, with the diagnostic, and looks at the index, not the working tree;
# .pre-commit-hooks.yaml is a valid manifest for the pre-commit framework, run
# for real (pre-commit missing is a failure, not a skip).
root=$(pwd)
BIN=$(cd "$(dirname "${BUILD:-build}/gireport")" && pwd)/gireport
SUITE=hooks
. tests/lib.sh
T_DIR=$tmp/repo # every condition runs in the repository

# A git of our own: no user or system configuration, no inherited repository.
unset GIT_DIR GIT_WORK_TREE GIT_INDEX_FILE GIT_OBJECT_DIRECTORY GIT_CEILING_DIRECTORIES
export HOME="$tmp/home" GIT_CONFIG_NOSYSTEM=1 GIREPORT="$BIN"
mkdir "$HOME"

# Both are in make deps: without them the suite fails rather than skips.
need git || exit 0
need pre-commit

new_repo() { # dir
	git init -q "$1" && git -C "$1" config user.name "gireport test" &&
		git -C "$1" config user.email test@example.org && git -C "$1" config commit.gpgsign false &&
		cp contrib/pre-commit "$1/.git/hooks/pre-commit" && chmod +x "$1/.git/hooks/pre-commit"
}
# commit MESSAGE: commits what is staged; the hook's output goes to $tmp/err.
commit() { git commit -q -m "$1" 2>"$tmp/err"; }
head_is() { [ "$(git log --format=%s -1 2>/dev/null)" = "$1" ]; }

# A bureau's repository: a project file, one directory per bureau, YAML files
# that are not reports in hidden places, and drafts the project excludes.
new_repo "$tmp/repo"
mkdir -p "$tmp/repo/tongji" "$tmp/repo/drafts" "$tmp/repo/.github/workflows"
cat >"$tmp/repo/gireport.yaml" <<'YAML'
output: out
exclude: [drafts]
YAML
printf 'out/\n.gireport/\n' >"$tmp/repo/.gitignore"
cp examples/city/tongji/2020.yaml "$tmp/repo/tongji/2020.yaml"

t valid-source-accepted 'git add . && commit "2020" && head_is 2020'

# A broken source: 处理决定数量 of 行政处罚 is not a whole number (line 18).
sed 's/^  penalties:           \[52, 5, 4\]/  penalties:           [52, 5, 0.5]/' \
	examples/city/tongji/2020.yaml >"$tmp/broken-2020.yaml"
t broken-source-refused 'cp "$tmp/broken-2020.yaml" tongji/2020.yaml && git add tongji/2020.yaml &&
	! commit "broken" && head_is 2020'
t diagnostic-shown 'grep -q "^tongji/2020.yaml:18:[0-9]*: error: .*0.5" "$tmp/err" &&
	grep -q "^   18 |" "$tmp/err" && grep -q "pre-commit:" "$tmp/err"'
# Fixed in the working tree but not staged: the commit is still refused.
{ cat examples/city/tongji/2020.yaml; echo "# checked"; } >"$tmp/fixed-2020.yaml"
t unstaged-fix-still-refused 'cp "$tmp/fixed-2020.yaml" tongji/2020.yaml && ! commit "fixed" &&
	head_is 2020 && grep -q "^tongji/2020.yaml:18:" "$tmp/err"'
t staged-fix-accepted 'git add tongji/2020.yaml && commit "fixed" && head_is fixed'
# And the other way round: a broken working tree does not matter when the
# staged content is good.
t worktree-broken-staged-good 'cp "$root"/examples/city/tongji/2021.yaml tongji/2021.yaml && git add tongji/2021.yaml &&
	cp "$tmp/broken-2020.yaml" tongji/2020.yaml && commit "2021" && head_is 2021'
# git commit -a stages the broken file into a temporary index: refused.
t commit-all-refused '! git commit -q -a -m "all" 2>"$tmp/err" && head_is 2021 &&
	grep -q "^tongji/2020.yaml:18:" "$tmp/err"'
git -C "$tmp/repo" checkout -q -- tongji/2020.yaml

# A change to last year that breaks this year's carry-over: 2020's 结转下年度
# becomes 1 (and stays consistent in itself), 2021's 上年结转 is still 0.
t carry-over-refused 'sed -e "s/^  received:            \[0, 0, 0, 0, 0, 0, 0\]/  received:            [1, 0, 0, 0, 0, 0, 1]/" \
	-e "s/^  carried_forward:     \[0, 0, 0, 0, 0, 0, 0\]/  carried_forward:     [1, 0, 0, 0, 0, 0, 1]/" \
	tongji/2020.yaml >"$tmp/c" && cp "$tmp/c" tongji/2020.yaml && "$BIN" check -q tongji/2020.yaml &&
	git add tongji/2020.yaml && ! commit "carry" && head_is 2021 &&
	grep -q "^tongji/2021.yaml:[0-9]*:[0-9]*: error:" "$tmp/err"'
git -C "$tmp/repo" reset -q --hard

# What is not a report source is not checked.
t excluded-draft-accepted 'echo "year: broken" >drafts/wip.yaml && git add drafts/wip.yaml &&
	commit "draft" && head_is draft'
t hidden-yaml-accepted 'echo "on: [push]" >.github/workflows/ci.yml && echo "repos: []" >.pre-commit-config.yaml &&
	git add .github .pre-commit-config.yaml && commit "ci" && head_is ci'
t non-yaml-accepted 'echo notes >README.md && git add README.md && commit "readme" && head_is readme'
t broken-project-file-refused 'echo "outptu: out" >>gireport.yaml && git add gireport.yaml &&
	! commit "project" && head_is readme && grep -q "^.*gireport.yaml:3:1: error: .*unknown setting" "$tmp/err"'
git -C "$tmp/repo" reset -q --hard
t deleting-sources-accepted 'git rm -q tongji/2021.yaml && commit "rm 2021" && head_is "rm 2021"'
t missing-gireport-refused 'echo "# x" >>tongji/2020.yaml && git add tongji/2020.yaml &&
	! GIREPORT=/nonexistent/gireport git commit -q -m x 2>"$tmp/err" && grep -q "not installed" "$tmp/err"'
t strict-option 'git config gireport.checkOptions --strict && sed "/^date:/d" tongji/2020.yaml >"$tmp/c" &&
	cp "$tmp/c" tongji/2020.yaml && git add tongji/2020.yaml && ! commit "no date" && grep -q "error:" "$tmp/err" &&
	git config --unset gireport.checkOptions && commit "no date" && head_is "no date"'

# Without a project file every *.yaml outside hidden directories is a
# source; the first commit of a repository is checked too.
new_repo "$tmp/solo"
t no-project-first-commit-refused 'cd "$tmp/solo" && cp "$tmp/broken-2020.yaml" 2020.yaml && git add 2020.yaml &&
	! commit first && grep -q "^2020.yaml:18:" "$tmp/err" && ! git rev-parse -q --verify HEAD >/dev/null'
t no-project-accepted 'cd "$tmp/solo" && cp "$root/examples/city/tongji/2020.yaml" 2020.yaml && git add 2020.yaml &&
	commit first && head_is first'
t last-source-deleted 'cd "$tmp/solo" && git rm -q 2020.yaml && commit "none left" && head_is "none left"'

# The manifest for the pre-commit framework.
t manifest-keys 'python3 - "$root/.pre-commit-hooks.yaml" <<"PY"
import re, sys, yaml
hooks = yaml.safe_load(open(sys.argv[1], encoding="utf-8"))
assert isinstance(hooks, list), hooks
ids = {h["id"]: h for h in hooks}
h = ids["gireport-check"]
for key in ("id", "name", "entry", "language", "files"):
    assert key in h, key
assert h["entry"] == "gireport check" and h["language"] == "system", h
def picked(path, h=h):
    return bool(re.search(h["files"], path)) and not re.search(h.get("exclude", "^$"), path)
for path in ("2020.yaml", "tongji/2021.yaml", "a/b/c.yml", "统计局/2020.yaml"):
    assert picked(path), path
for path in ("gireport.yaml", "city/gireport.yaml", ".pre-commit-config.yaml", ".gitlab-ci.yml",
             ".github/workflows/ci.yml", "tongji/2020.txt", "templates/x.json"):
    assert not picked(path), path
p = ids["gireport-check-project"]
assert p["entry"] == "gireport check" and p["pass_filenames"] is False, p
PY'

# docs/ci.md: every YAML snippet parses; the CI jobs check and build.
t ci-doc-snippets 'python3 - "$root/docs/ci.md" "$tmp/local-config.yaml" <<"PY"
import re, sys, yaml
text = open(sys.argv[1], encoding="utf-8").read()
blocks = [yaml.safe_load(b) for b in re.findall(r"```yaml\n(.*?)```", text, re.S)]
assert len(blocks) >= 5, len(blocks)
gh = [b for b in blocks if isinstance(b, dict) and "jobs" in b][0]
run = " ".join(s.get("run", "") for s in gh["jobs"]["reports"]["steps"])
assert "gireport check" in run and "gireport build" in run and "make -C" in run, run
assert any("upload-artifact" in s.get("uses", "") for s in gh["jobs"]["reports"]["steps"])
gl = [b for b in blocks if isinstance(b, dict) and "reports" in b and "script" in b["reports"]][0]
assert gl["reports"]["script"] == ["gireport check", "gireport build"], gl
assert "out/" in gl["reports"]["artifacts"]["paths"]
local = [b for b in blocks if isinstance(b, dict) and b.get("repos", [{}])[0].get("repo") == "local"][0]
yaml.safe_dump(local, open(sys.argv[2], "w"))
PY'

if command -v pre-commit >/dev/null; then
	export PRE_COMMIT_HOME="$tmp/pre-commit-cache" PATH="$(dirname "$BIN"):$PATH"
	t manifest-validates 'pre-commit validate-manifest "$root/.pre-commit-hooks.yaml"'
	# The hooks repository, as a bureau's .pre-commit-config.yaml names it.
	git init -q "$tmp/hooks-repo" && cp .pre-commit-hooks.yaml "$tmp/hooks-repo/" &&
		git -C "$tmp/hooks-repo" add . && git -C "$tmp/hooks-repo" -c user.name=t -c user.email=t@t commit -q -m hooks
	new_repo "$tmp/fw"
	rm "$tmp/fw/.git/hooks/pre-commit"
	cat >"$tmp/fw/.pre-commit-config.yaml" <<YAML
repos:
  - repo: $tmp/hooks-repo
    rev: $(git -C "$tmp/hooks-repo" rev-parse HEAD)
    hooks:
      - id: gireport-check
      - id: gireport-check-project
YAML
	printf 'output: out\n' >"$tmp/fw/gireport.yaml"
	mkdir "$tmp/fw/tongji"
	cp "$tmp/broken-2020.yaml" "$tmp/fw/tongji/2020.yaml"
	t framework-refuses 'cd "$tmp/fw" && git add . && ! pre-commit run >"$tmp/err" 2>&1 &&
		grep -q "^tongji/2020.yaml:18:[0-9]*: error:" "$tmp/err"'
	t framework-accepts 'cd "$tmp/fw" && cp "$root/examples/city/tongji/2020.yaml" tongji/2020.yaml &&
		git add . && pre-commit run'
	# The repo: local configuration of docs/ci.md.
	new_repo "$tmp/fw-local"
	rm "$tmp/fw-local/.git/hooks/pre-commit"
	cp "$tmp/local-config.yaml" "$tmp/fw-local/.pre-commit-config.yaml"
	cp "$tmp/broken-2020.yaml" "$tmp/fw-local/2020.yaml"
	t framework-local-config 'cd "$tmp/fw-local" && git add . && ! pre-commit run >"$tmp/err" 2>&1 &&
		grep -q "^2020.yaml:18:[0-9]*: error:" "$tmp/err"'
fi
