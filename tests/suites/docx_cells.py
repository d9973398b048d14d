#!/usr/bin/python3
"""Reads a .docx as an office program would (python3-docx, Debian's
python3-docx) and compares its tables with what gireport says they hold.

usage: docx_cells.py REPORT.docx REPORT.html REPORT.json

- Every table cell's text and merged range (w:gridSpan, w:vMerge) equals the
  layout's, read from the HTML page of the same source: both renderers walk
  src/render/layout.c, the HTML with rowspan/colspan, a block's caption as
  <caption> and a one-value block as <p class="line">.
- The numbers of the table cells, in reading order, equal the values of the
  JSON output (docs/json.md), row by row and column by column, exactly as
  written (6.0248 stays 6.0248).
- The headings and paragraphs are there with the template's style names.
Prints one line per difference and exits 1 when there is any."""
import json
import re
import sys
import xml.etree.ElementTree as ET

import docx
from docx.oxml.ns import qn

XHTML = "{http://www.w3.org/1999/xhtml}"


def docx_grids(document):
    """Each table as a list of cells (row, col, rowspan, colspan, text)."""
    grids = []
    for table in document.tables:
        cells, above = [], {}
        for r, tr in enumerate(table._tbl.tr_lst):
            col = 0
            for tc in tr.tc_lst:
                span = tc.grid_span
                text = "".join(t.text or "" for t in tc.iter(qn("w:t")))
                if tc.vMerge == "continue":
                    cell = above.get(col)
                    if cell is None or cell[3] != span:
                        raise SystemExit(f"row {r} col {col}: w:vMerge continues nothing")
                    cell[2] += 1
                    if text:
                        raise SystemExit(f"row {r} col {col}: a merged-away cell holds {text!r}")
                else:
                    cell = [r, col, 1, span, text]
                    cells.append(cell)
                for c in range(col, col + span):
                    above[c] = cell
                col += span
        grids.append([tuple(c) for c in cells])
    return grids


def text_of(el):
    return re.sub(r"[\t\n\r]", " ", "".join(el.itertext()))


def html_grids(path):
    """Each table section of the HTML page as one grid, its blocks stacked."""
    root = ET.parse(path).getroot()
    grids = []
    for section in root.iter(XHTML + "section"):
        parts = [e for e in section if e.tag in (XHTML + "table", XHTML + "p")]
        if not parts or parts[0].tag != XHTML + "table" and "line" not in parts[0].get("class", ""):
            continue  # a narrative section
        rows, ncols = [], 0
        for part in parts:
            if part.tag == XHTML + "p":
                rows.append([("line", 1, 1, text_of(part))])
                continue
            caption = part.find(XHTML + "caption")
            if caption is not None and "visually-hidden" not in caption.get("class", ""):
                rows.append([("caption", 1, 1, text_of(caption))])
            for tr in part.iter(XHTML + "tr"):
                rows.append([(tc.tag, int(tc.get("rowspan", 1)), int(tc.get("colspan", 1)),
                              text_of(tc)) for tc in tr])
        # Place cells on the grid as HTML's table model does.
        taken, cells = set(), []
        for r, row in enumerate(rows):
            c = 0
            for kind, rs, cs, text in row:
                while (r, c) in taken:
                    c += 1
                cells.append([r, c, rs, cs, text, kind])
                for i in range(r, r + rs):
                    for k in range(c, c + cs):
                        taken.add((i, k))
                c += cs
            ncols = max([ncols] + [k + 1 for (i, k) in taken if i == r])
        for cell in cells:  # captions and lines run across the table
            if cell[5] in ("caption", "line"):
                cell[3] = ncols
        grids.append(sorted(tuple(c[:5]) for c in cells))
    return grids


def json_values(path):
    """Every table value of the JSON output as written, in reading order."""
    report = json.load(open(path, encoding="utf-8"), parse_float=str, parse_int=str)
    values = []

    def leaves(rows):  # a group's own values are sums the table does not show
        for row in rows.values():
            if "rows" in row:
                leaves(row["rows"])
            else:  # a not-applicable cell (null) as the row says it is printed
                na = row.get("not_applicable", {})
                values.extend(na[k] if v is None else str(v) for k, v in row["values"].items())
    for section in report["sections"]:
        if section["kind"] == "table":
            leaves(section["rows"])
    return values


NUMBER = re.compile(r"(?:^|：)(-?[0-9]+(?:\.[0-9]+)?|/|／|-|--|－|—|——|–|无)$")


def main():
    path_docx, path_html, path_json = sys.argv[1:4]
    document = docx.Document(path_docx)
    errors = []
    got, want = docx_grids(document), html_grids(path_html)
    if len(got) != len(want):
        errors.append(f"{len(got)} tables, the layout has {len(want)}")
    for i, (g, w) in enumerate(zip(got, want)):
        g = sorted(g)
        if g != w:
            missing = [c for c in w if c not in g][:3]
            extra = [c for c in g if c not in w][:3]
            errors.append(f"table {i + 1}: layout's cells not in the docx {missing}, "
                          f"docx cells not in the layout {extra}")
    numbers = []
    for g in got:
        for cell in sorted(g):
            m = NUMBER.search(cell[4])
            if m and (cell[4] == m.group(1) or "：" in cell[4]):
                numbers.append(m.group(1))
    values = json_values(path_json)
    if numbers != values:
        first = next((i for i, (a, b) in enumerate(zip(numbers, values)) if a != b),
                     min(len(numbers), len(values)))
        errors.append(f"table numbers differ from -f json at value {first + 1}: docx "
                      f"{numbers[first:first + 5]}, json {values[first:first + 5]} "
                      f"({len(numbers)} and {len(values)} values)")
    report = json.load(open(path_json, encoding="utf-8"))
    paras = [(p.style.name, p.text) for p in document.paragraphs]
    styles = {name for name, _ in paras}
    for name in ("标题", "一级标题", "二级标题", "正文"):
        if name not in styles and not (name == "二级标题" and not any(
                q.get("kind") == "subheading" and not q.get("run_in") for s in report["sections"]
                for q in s.get("paragraphs", []))):
            errors.append(f"no paragraph has the style {name}")
    texts = {t for _, t in paras}
    for s in report["sections"]:
        if ("一级标题", s["heading"]) not in paras:
            errors.append(f"heading {s['heading']} is not a 一级标题 paragraph")
        for want_text in expected_paragraphs(s.get("paragraphs", [])):
            if want_text.strip() not in {t.strip() for t in texts}:
                errors.append(f"paragraph missing: {want_text[:30]}")
    title = "".join(t for n, t in paras if n == "标题").replace("\n", "")  # the w:br
    if title != report["title"]:
        errors.append(f"title {title!r} is not {report['title']!r}")
    for e in errors:
        print(e)
    return 1 if errors else 0


def expected_paragraphs(paras):
    """The paragraphs of a narrative as printed: a run-in subheading opens the
    paragraph after it, with its stop (（一）主动公开情况。正文)."""
    out, i = [], 0
    while i < len(paras):
        p = paras[i]
        if p.get("kind") != "subheading":
            out.append(p["text"])
        elif not p.get("run_in"):
            out.append(p["numbered"])
        else:
            head = p["numbered"] if p["numbered"][-1:] in "。？！；" else p["numbered"] + "。"
            if i + 1 < len(paras) and paras[i + 1].get("kind") != "subheading":
                i += 1
                head += paras[i]["text"]
            out.append(head)
        i += 1
    return out


if __name__ == "__main__":
    sys.exit(main())
