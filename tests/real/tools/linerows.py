#!/usr/bin/env python3
"""Rows of a text copy that gives one table cell a line (the changwu archives'
page.txt of 三明 and 莆田), as a TSV for mktruth.py.

From 二、主动公开 on, a run of value lines belongs to the label lines before it;
every label line is a cell of its own, except a bare row number (`1.`), which
is joined to the line after it (`1.` + `属于国家秘密`).  A run of 15 values
(table 四) is written without labels.  Nothing is guessed: the values are the
lines as they are.

    python3 linerows.py PAGE.txt > ROWS.tsv
"""
import re
import sys

sys.path.insert(0, __import__("os").path.dirname(__import__("os").path.abspath(__file__)))
from mktruth import is_value  # noqa: E402

text = open(sys.argv[1], encoding="utf-8").read().replace("\r\n", "\n")
text = text[text.find("二、主动公开"):]
end = text.find("五、")
if end > 0:
    text = text[:end]
lines = [l.strip() for l in text.split("\n") if l.strip()]
rows, labels, values, pending = [], [], [], ""


def flush():
    global labels, values
    if values:
        rows.append(values if len(values) == 15 else labels + values)
        labels, values = [], []


for l in lines:
    if pending:
        l, pending = pending + l, ""
    if re.fullmatch(r"\d+[.．、]", l):
        pending = l
        continue
    if is_value(l):
        values.append(l)
    else:
        flush()
        labels.append(l)
flush()
for r in rows:
    print("\t".join(r))
