#!/usr/bin/env python3
"""Draft a ground-truth file (NAME.truth.json) from the tables of a real report.

The grid comes from htmltables.py (an HTML page) or from a TSV file holding the
table rows as they read in the original (a PDF: one line per table row, cells
separated by tabs).  Rows are placed by the template's labels in the template's
order, values are taken as printed (strings: "0", "/", "", "394432.52元").  The
draft is then checked by hand against the original (see INDEX.md); this tool
only saves typing and never decides a doubtful cell silently: anything it cannot
place is printed and the file is not written.

    python3 mktruth.py --template gov-2021 --agency A --year 2023 \
        --name NAME PAGE.html|ROWS.tsv
"""

import argparse
import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import htmltables  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
NA = {"/", "／", "-", "—", "－", "无", "——", ""}


def norm(s):
    s = re.sub(r"[\s\u00a0\u3000⏎]+", "", s)
    s = s.replace("(", "（").replace(")", "）").replace(",", "，").replace("：", ":")
    s = s.replace("\u201c", "").replace("\u201d", "").replace("\"", "")
    return s


def strip_number(s):
    return re.sub(r"^(（[一二三四五六七八九十]+）|[一二三四五六七八九十]+、|\d+[.．、])", "", s)


def is_value(s):
    t = norm(s)
    return t in NA or re.fullmatch(r"[-+]?[\d,，.]+(万?元)?", t) is not None


def load_template(tid):
    path = os.path.join(ROOT, "templates", tid + ".json")
    t = json.load(open(path, encoding="utf-8"))
    if "extends" in t:
        raise SystemExit("template %s extends another; give the base" % tid)
    return t


def leaves(section):
    """(path, labels, ncols, is_group) for every row of a table section, in order."""
    out = []

    def cols(block):
        ids = []

        def walk(cs):
            for c in cs:
                if "children" in c:
                    walk(c["children"])
                else:
                    ids.append(c["id"])
        walk(block["columns"])
        return ids

    def walk(rows, prefix, colids):
        for r in rows:
            labels = [r["label"]] + r.get("aliases", [])
            path = prefix + ([r["id"]] if r.get("id") else [])
            if "children" in r:
                if r.get("id"):
                    out.append((".".join(path), labels, colids, True))
                walk(r["children"], path, colids)
            else:
                out.append((".".join(path), labels, colids, False))

    for b in section["blocks"]:
        walk(b["rows"], [section["id"]], cols(b))
    return out


def distinct(row):
    seen, out = set(), []
    for ident, text in row:
        if ident not in seen:
            seen.add(ident)
            out.append(text)
    return out


def label_matches(cell, labels, exact=False):
    c = strip_number(norm(cell))
    for lab in labels:
        l = strip_number(norm(lab))
        # a label cut short by the page (部分公开（区分处理的…) matches by its
        # start, but only a long one: 其他 must not take 其他法律行政法规…
        short = min(len(c), len(l))
        if c and l and (c == l or (not exact and short >= 6 and (c.startswith(l) or l.startswith(c)))):
            return True
    return False


def place_rows(rows, section, cells, problems):
    """rows: list of distinct-cell lists.  Fills cells[path.col] = text."""
    todo = leaves(section)
    i = 0
    for row in rows:
        labels = [t for t in row if not is_value(t)]
        if not labels:
            continue
        # the most specific label is the last non-value cell before the values
        last = labels[-1]
        for j in range(i, len(todo)):
            path, labs, colids, group = todo[j]
            # a group's own row (（六）其他处理 kept as one row) must match
            # exactly, so that 无法提供1.本机关… is not taken for （四）
            if label_matches(last, labs, exact=group):
                vals = row[len(row) - len(colids):] if len(row) > len(colids) else None
                if vals is None or not all(is_value(v) for v in vals):
                    # a header row (总计, 其他) or a row short of cells: not placed
                    # here; a cell it should have held is reported missing
                    if any(is_value(v) and norm(v) not in NA for v in row):
                        problems.append("row %r: expected %d value cells, got %r" % (last, len(colids), row))
                    break
                for cid, v in zip(colids, vals):
                    cells["%s.%s" % (path, cid)] = norm(v) if norm(v) in NA else v.strip()
                i = j + 1
                break


def grid_rows(grid):
    return [distinct(r) for r in grid]


def from_html(path, charset):
    text = htmltables.read_text(path, charset)
    return [grid_rows(g) for g in htmltables.tables(text)]


def from_tsv(path):
    tables, cur = [], []
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if line.startswith("#"):
            continue
        if line.strip() == "":
            if cur:
                tables.append(cur)
                cur = []
            continue
        cur.append(line.split("\t"))
    if cur:
        tables.append(cur)
    return tables


def appeals_row(tables):
    for t in tables:
        for row in t:
            vals = [v for v in row if is_value(v)]
            if len(row) >= 15 and len(vals) == len(row) and len(row) == 15:
                return row
    return None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--template", required=True)
    ap.add_argument("--agency", required=True)
    ap.add_argument("--year", type=int, required=True)
    ap.add_argument("--name", required=True)
    ap.add_argument("--charset")
    ap.add_argument("--out")
    ap.add_argument("input")
    a = ap.parse_args()
    t = load_template(a.template)
    tables = from_tsv(a.input) if a.input.endswith(".tsv") else from_html(a.input, a.charset)
    rows = [r for tb in tables for r in tb]
    sec = {s["id"]: s for s in t["sections"]}
    cells, problems = {}, []
    place_rows(rows, sec["proactive"], cells, problems)
    place_rows(rows, sec["requests"], cells, problems)
    ap4 = appeals_row(tables)
    if ap4 is None:
        problems.append("table 四: no row of 15 value cells")
    else:
        paths = [p for p, _, _, g in leaves(sec["appeals"]) if not g]
        colids = leaves(sec["appeals"])[0][2]
        k = 0
        for p in paths:
            for c in colids:
                v = ap4[k]
                cells["%s.%s" % (p, c)] = norm(v) if norm(v) in NA else v.strip()
                k += 1
    want = []
    for sid in ("proactive", "requests", "appeals"):
        given = [p for p, _, colids, g in leaves(sec[sid])
                 if g and "%s.%s" % (p, colids[0]) in cells]
        for p, _, colids, g in leaves(sec[sid]):
            inside = any(p.startswith(q + ".") for q in given)
            if (g and p in given) or (not g and not inside):
                want += ["%s.%s" % (p, c) for c in colids]
    missing = [k for k in want if k not in cells]
    for p in problems:
        print("problem:", p, file=sys.stderr)
    for k in missing:
        print("missing:", k, file=sys.stderr)
    ordered = {k: cells[k] for k in want if k in cells}
    ordered.update({k: v for k, v in cells.items() if k not in ordered})
    truth = {"report": a.name, "agency": a.agency, "year": a.year, "template": a.template,
             "cells": ordered}
    out = a.out or a.name + ".truth.json"
    with open(out, "w", encoding="utf-8") as f:
        json.dump(truth, f, ensure_ascii=False, indent=1)
        f.write("\n")
    print("%s: %d cells, %d missing, %d problems" % (out, len(ordered), len(missing), len(problems)))
    return 1 if missing or problems else 0


if __name__ == "__main__":
    sys.exit(main())
