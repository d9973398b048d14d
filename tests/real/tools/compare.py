#!/usr/bin/env python3
"""Compare what `gireport import` made of a real report with its ground truth.

    python3 compare.py GIREPORT NAME.truth.json IMPORTED.yaml [NAME.errors]

The cells are read from `gireport build -f json --stdout` of the imported
source (the stable interface, docs/json.md).  An original with arithmetic
errors cannot build; its imported source is then read directly (python3-yaml),
row by row in the template's column order, so the cells are still compared as
printed.  Then `gireport check --diagnostics=json` must name every cell of
NAME.errors in an error, and, without NAME.errors, give no error at all.

Equal means:
- numbers equal as decimals (6.0248 = 6.02480, a printed +1 = 1); 251000元 in a 万元 column is
  expected as 25.1; a count printed with a word its column's "count_words" give in the
  template (2笔 in 采购项目数量) is expected as the number;
- /, ／, -, —, 无 (not applicable) equal a null value, or the same text;
- a blank cell equals 0 or a null value (the form does not say which); a blank 总计
  cell of a row equals the sum of the row's parts too, which gireport computes;
- agency, year and template id equal the truth's.

Prints nothing and exits 0 when everything matches; otherwise one line per
difference, and exits 1.

    python3 compare.py GIREPORT NAME.truth.json IMPORTED.yaml [NAME.errors]
                       --refused "ROW=ID ROW=ID ..." --import-diags IMPORT.json

holds a lossy copy's import to its refusal (tests/real/REFUSED): IMPORT.json is
the import's `--diagnostics=json` output, and each ROW (a row's key path,
proactive.normative_documents, or a section's, appeals) is a row of the form the
copy cannot give, ID the error the import must name it with. Then also:
- the import's errors name exactly the ROWs, each once, with its ID (an error
  naming no row, or another row, differs), besides the original's own
  arithmetic errors (NAME.errors); a ROW written `@N` is instead a label at
  line N of the input that the import cannot place (cut where two rows of the
  form begin alike), whose error names no row: the import must give ID there,
  once, with no key path;
- a ROW is 待填 in the source (the importer's marker), or, for
  import_row_length, keeps the cells as read, a list of another length than the
  row's; never numbers that would pass;
- `check` of the source names every ROW in an error;
- every cell of the truth outside the ROWs compares equal, as above.
"""

import decimal
import json
import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from arith import computed_totals  # noqa: E402

NA = {"/", "／", "-", "—", "－", "无", "——"}
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))


def dec(s):
    try:
        return decimal.Decimal(s)
    except decimal.InvalidOperation:
        return None


def expected(key, printed, amount_cols, count_words=None):
    """(kind, value): kind is 'num', 'na' or 'blank'."""
    t = re.sub(r"[\s,，]", "", printed)
    for w in (count_words or {}).get(key, ()):
        if re.fullmatch(r"\d+" + re.escape(w), t):
            t = t[:-len(w)]
    if t == "":
        return ("blank", None)
    if t in NA:
        return ("na", t)
    m = re.fullmatch(r"([-+]?\d+(?:\.\d+)?)(万?元)?", t)  # 本年增/减 may print +1
    if not m:
        return ("text", printed)
    v = decimal.Decimal(m.group(1))
    if m.group(2) == "元" and key in amount_cols:
        v = v / 10000
    return ("num", v)


def json_cells(doc):
    cells = {}

    def walk(prefix, rows):
        for rid, row in rows.items():
            path = prefix + "." + rid
            for cid, val in row.get("values", {}).items():
                cells[path + "." + cid] = val
            walk(path, row.get("rows", {}))

    for sec in doc["sections"]:
        if sec.get("kind") == "table":
            walk(sec["id"], sec.get("rows", {}))
    return cells


def template(tid):
    t = json.load(open(os.path.join(ROOT, "templates", tid + ".json"), encoding="utf-8"))
    if "extends" not in t:
        return t
    # A local layout (docs/templates.md): the base with the keys, blocks
    # ("append"), changed rows and sections ("change") and sections
    # ("insert") of its own, as src/core/template.c merges them.
    m = template(t["extends"])
    for k, v in t.items():
        if k not in ("extends", "append", "change", "insert"):
            m[k] = v
    secs = {s["id"]: s for s in m["sections"]}
    for sid, blocks in t.get("append", {}).items():
        secs[sid]["blocks"].extend(blocks)

    def replace(nodes, path, new):
        head, _, rest = path.partition(".")
        for i, n in enumerate(nodes):
            if not n.get("id"):
                if replace(n.get("children", []), path, new):
                    return True
            elif n["id"] == head:
                if not rest:
                    nodes[i] = new
                    return True
                return replace(n.get("children", []), rest, new)
        return False
    for key, v in t.get("change", {}).items():
        sid, _, path = key.partition(".")
        if not path:
            secs[sid].update(v)
            continue
        for b in secs[sid]["blocks"]:
            if replace(b["rows"], path, v) or replace(b["columns"], path, v):
                break
    for ins in t.get("insert", []):
        ids = [s["id"] for s in m["sections"]]
        at = ids.index(ins["after"]) + 1 if ins["after"] else 0
        m["sections"].insert(at, ins["section"])
    return m


def block_columns(block):
    ids = []

    def walk(cs):
        for c in cs:
            if "children" in c:
                walk(c["children"])
            else:
                ids.append(c["id"])
    walk(block["columns"])
    return ids


def yaml_cells(path, tmpl):
    import yaml
    src = yaml.safe_load(open(path, encoding="utf-8"))
    cells = {}
    for sec in tmpl["sections"]:
        if sec["kind"] != "table" or not isinstance(src.get(sec["id"]), dict):
            continue
        data = src[sec["id"]]

        def walk(rows, node, prefix, cols):
            for r in rows:
                if not r.get("id"):
                    walk(r.get("children", []), node, prefix, cols)
                    continue
                v = node.get(r["id"]) if isinstance(node, dict) else None
                path = prefix + "." + r["id"]
                if isinstance(v, list):
                    for cid, x in zip(cols, v):
                        cells[path + "." + cid] = x
                    if len(v) == len(cols) - 1 and sum_col.get(cols[-1]) and \
                            all(dec(str(x)) is not None and not isinstance(x, bool) for x in v):
                        # the computed total left out (docs/format.md), as build computes it
                        cells[path + "." + cols[-1]] = sum(dec(str(x)) for x in v)
                elif isinstance(v, dict):
                    walk(r.get("children", []), v, path, cols)
                elif v is not None and len(cols) == 1:  # "licensing: 550", one column
                    cells[path + "." + cols[0]] = v

        for b in sec["blocks"]:
            sum_col = {}

            def sums(cs):
                for c in cs:
                    if "children" in c:
                        sums(c["children"])
                    else:
                        sum_col[c["id"]] = c.get("sum") == "all"
            sums(b["columns"])
            walk(b["rows"], data, sec["id"], block_columns(b))
    return src, cells


def same(kind, want, got):
    if kind == "num":
        if isinstance(got, bool) or got is None:
            return False
        g = dec(str(got))
        return g is not None and g == want
    if kind == "na":
        return got is None or (isinstance(got, str) and got.strip() in NA)
    if kind == "blank":
        return got is None or (not isinstance(got, bool) and dec(str(got)) == 0) or got == ""
    return isinstance(got, str) and got.strip() == want.strip()


def column_words(tmpl, cells):
    """Cell key -> the template's "count_words" of its column."""
    words = {}

    def cols(nodes):
        for n in nodes:
            yield n
            yield from cols(n.get("children", []))
    for sec in tmpl["sections"]:
        for b in sec.get("blocks", []):
            for c in cols(b.get("columns", [])):
                if c.get("count_words") and c.get("id"):
                    for key in cells:
                        if key.startswith(sec["id"] + ".") and key.endswith("." + c["id"]):
                            words[key] = c["count_words"]
    return words


# The importer's errors for a row it could not read, and what it writes for
# it: 待填 (GIR_UNREAD), or the cells as read (a row of the wrong length).
UNREAD_IDS = {"import_run_ambiguous", "import_run_ambiguous_text", "import_run_text_disagrees",
              "import_run_no_cut", "import_run_too_many_cuts", "import_run_too_long",
              "import_section_not_found", "import_section_unread"}
KEPT_IDS = {"import_row_length", "import_flat_length"}
UNREAD = "待填"


def options(argv):
    """Positional arguments, and the --refused / --import-diags values."""
    pos, opt = [], {}
    i = 0
    while i < len(argv):
        if argv[i] in ("--refused", "--import-diags"):
            opt[argv[i][2:]] = argv[i + 1]
            i += 2
        else:
            pos.append(argv[i])
            i += 1
    return pos, opt


def json_lines(text):
    out = []
    for line in text.splitlines():
        line = line.strip()
        if line.startswith("{"):
            try:
                out.append(json.loads(line))
            except ValueError:
                pass
    return out


def row_columns(tmpl, path):
    """The counts of cells the row (or section, read flat) at the key path
    may be given with: all its columns, and without its computed totals;
    None when the template has no such row."""
    sid, _, rest = path.partition(".")

    def leaf_cols(b):
        out = []

        def walk(cs):
            for c in cs:
                if "children" in c:
                    walk(c["children"])
                else:
                    out.append(c)
        walk(b["columns"])
        return out

    def counts(b, nrows):
        cols = leaf_cols(b)
        return {len(cols) * nrows, sum(1 for c in cols if not c.get("sum")) * nrows}

    def find(rows, ids):
        for r in rows:
            if not r.get("id"):
                got = find(r.get("children", []), ids)
                if got:
                    return got
            elif r["id"] == ids[0]:
                return r if len(ids) == 1 else find(r.get("children", []), ids[1:])
        return None

    def leaves(rows):
        return sum(leaves(r["children"]) if r.get("children") else 1 for r in rows)
    for sec in tmpl["sections"]:
        if sec["id"] != sid or sec["kind"] != "table":
            continue
        if not rest:  # the section's cells as one list (四 read flat)
            return set.union(*(counts(b, leaves(b["rows"])) for b in sec["blocks"]))
        for b in sec["blocks"]:
            if find(b["rows"], rest.split(".")):
                return counts(b, 1)
    return None


def source_value(path, src):
    node = src
    for part in path.split("."):
        if not isinstance(node, dict) or part not in node:
            return None
        node = node[part]
    return node


def truth_among_cuts(row, d, truth, amount_cols):
    """A run refused as ambiguous: when its message lists every cut left
    ("2, 0, 23 or 20, 2, 3", no "…"), the truth's cells must be one of them,
    or the importer ruled out what the report printed."""
    m = re.search(r"(?:sums|\)): (.*); the source has", d.get("message") or "")
    if not d.get("id", "").startswith("import_run_ambiguous") or not m or "…" in m.group(1):
        return []
    keys = [k for k in truth["cells"] if k.startswith(row + ".")]

    def value(key, text):
        kind, v = expected(key, text, amount_cols)
        return v if kind == "num" else text.strip()
    want = [value(k, truth["cells"][k]) for k in keys]
    for cut in m.group(1).split(" or "):
        cells = cut.split(", ")
        if len(cells) == len(keys) and [value(k, c) for k, c in zip(keys, cells)] == want:
            return []
    return ["import: %s: the truth's cells %s are none of the cuts the error leaves: %s" %
            (row, ", ".join(truth["cells"][k] for k in keys), m.group(1))]


def refusal(refused, unplaced, truth, tmpl, src_path, import_diags, listed, amount_cols):
    """The differences between the refusal expected and the one made.
    unplaced: the input's lines whose label the import cannot place (no row
    to name: a label cut where two rows begin alike), line -> the error's id."""
    import yaml
    out = []
    src = yaml.safe_load(open(src_path, encoding="utf-8"))
    for row, rid in refused.items():
        if rid not in UNREAD_IDS | KEPT_IDS:
            out.append("REFUSED: %s=%s: no error of the importer's for a row it cannot read" %
                       (row, rid))
        if not any(k.startswith(row + ".") for k in truth["cells"]):
            out.append("REFUSED: %s: no cell of the truth is in this row" % row)
        v = source_value(row, src)
        if rid in UNREAD_IDS and v != UNREAD:
            out.append("%s: the source has %r where the refused row must be %s" % (row, v, UNREAD))
        if rid in KEPT_IDS:
            n = row_columns(tmpl, row)
            if not isinstance(v, list) or n is None or len(v) in n or \
                    any(isinstance(x, str) and x.strip() == UNREAD for x in v):
                out.append("%s: the source has %r where the refused row must keep the cells "
                           "read, not the %s the row has" % (row, v, " or ".join(map(str, sorted(n or ())))))
    errs = [d for d in json_lines(open(import_diags, encoding="utf-8").read())
            if d.get("severity") == "error"]
    named = {}
    for d in errs:
        p = d.get("path")
        if p is not None and any(p == c for c in listed):
            continue  # the original's own arithmetic error, held to NAME.errors below
        if p in refused and d.get("id") == refused[p] and p not in named:
            named[p] = d
            out.extend(truth_among_cuts(p, d, truth, amount_cols))
            continue
        line = "@%s" % d.get("line")
        if p is None and unplaced.get(line[1:]) == d.get("id") and line not in named:
            named[line] = d
            continue
        out.append("import: error [%s] %s at line %s: %s (not a refusal tests/real/REFUSED lists)" %
                   (d.get("id"), p, d.get("line"), d.get("message")))
    for row, rid in refused.items():
        if row not in named:
            out.append("import: no error %s names %s" % (rid, row))
    for line, rid in unplaced.items():
        if "@" + line not in named:
            out.append("import: no error %s at line %s (a label it cannot place)" % (rid, line))
    return out


def main():
    pos, opt = options(sys.argv[1:])
    gir, truth_path, src = pos[0:3]
    errors_path = pos[3] if len(pos) > 3 and os.path.exists(pos[3]) else None
    refused, unplaced = {}, {}
    for item in opt.get("refused", "").split():
        row, _, rid = item.partition("=")
        if row.startswith("@"):
            unplaced[row[1:]] = rid
        else:
            refused[row] = rid
    truth = json.load(open(truth_path, encoding="utf-8"))
    tmpl = template(truth["template"])
    amount_cols = {"proactive.procurement.amount", "proactive.fees.amount"}
    count_words = column_words(tmpl, truth["cells"])
    out = []

    b = subprocess.run([gir, "build", "-f", "json", "--stdout", "-q", src],
                       capture_output=True, text=True)
    if b.returncode == 0:
        doc = json.loads(b.stdout)
        got = json_cells(doc)
        meta = {"agency": doc.get("agency"), "year": doc.get("year"),
                "template": doc.get("template", {}).get("id")}
    else:
        ysrc, got = yaml_cells(src, tmpl)
        meta = {"agency": ysrc.get("agency"), "year": ysrc.get("year"),
                "template": ysrc.get("template")}
    for k in ("agency", "year", "template"):
        if meta[k] != truth[k]:
            out.append("%s: truth %r, imported %r" % (k, truth[k], meta[k]))
    sums = computed_totals(truth["cells"])
    for key, printed in truth["cells"].items():
        if any(key.startswith(row + ".") for row in refused):
            continue  # held to its refusal below
        kind, want = expected(key, printed, amount_cols, count_words)
        if kind == "blank" and sums.get(key, printed) != printed and key in got and \
                same("num", decimal.Decimal(sums[key]), got[key]):
            continue
        if key not in got:
            out.append("%s: truth %r, imported nothing" % (key, printed))
        elif not same(kind, want, got[key]):
            out.append("%s: truth %r, imported %r" % (key, printed, got[key]))

    c = subprocess.run([gir, "check", "--diagnostics=json", src], capture_output=True, text=True)
    diags = json_lines(c.stdout + "\n" + c.stderr)
    errs = [d for d in diags if d.get("severity") == "error"]
    listed = []
    if errors_path:
        for line in open(errors_path, encoding="utf-8"):
            if line.startswith("#") or not line.strip():
                continue
            listed.append(line.split("\t")[0])
    if refused:
        if c.returncode == 0:
            out.append("check: exits 0 on a source with refused rows")
        for row in refused:
            if not any(d.get("path") == row for d in errs):
                out.append("check: no error names the refused row %s" % row)
        errs = [d for d in errs if d.get("path") not in refused]
        out.extend(refusal(refused, unplaced, truth, tmpl, src, opt["import-diags"], listed,
                           amount_cols))
    def named(cell):
        return any(cell == d.get("path") or cell in (d.get("message") or "") for d in errs)

    for cell in listed:
        # check names a wrong total once: the row's 总计 over a wrong cell of
        # its own row is not named again until that cell is corrected (a sum
        # of a wrong cell is not checked: src/core/check.c, set_computed_cell)
        row = cell.rsplit(".", 1)[0]
        knock_on = cell.endswith(".total") and any(
            other != cell and other.rsplit(".", 1)[0] == row and named(other) for other in listed)
        if not named(cell) and not knock_on:
            out.append("check: no error names %s (the original prints it wrong)" % cell)
    for d in errs:
        if not any(cell == d.get("path") or cell in (d.get("message") or "") for cell in listed):
            out.append("check: unexpected error [%s] %s" % (d.get("path"), d.get("message")))
    for line in out:
        print(line)
    return 1 if out else 0


if __name__ == "__main__":
    sys.exit(main())
