#!/usr/bin/env python3
"""Rows of a text copy that gives one table cell a line (the changwu archives'
page.txt of 三明 and 莆田), as a TSV for mktruth.py.

From 二、主动公开 on, a run of value lines (with a digit, or /, -, —, 无)
belongs to the label lines before it; every label line is a cell of its own,
except that a line is joined to the label before it when that label is a bare
row number (`1.` + `属于国家秘密`, `(一)` + `予以公开`) or has a bracket left
open, or when the line is punctuation only (`(`, `,`, `)`): 三明 2022 prints
`(⏎二⏎)⏎部分公开⏎(⏎区分处理的⏎,⏎…)` one piece a line.  A run of 15 values
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
rows, labels, values = [], [], []
NUMBER = re.compile(r"[(（]?[一二三四五六七八九十\d]+[)）.．、]?")
PUNCT = re.compile(r"[()（）,，:：、]+")


def flush():
    global labels, values
    if values:
        rows.append(values if len(values) == 15 else labels + values)
        labels, values = [], []


def open_bracket(s):
    return s.count("(") + s.count("（") > s.count(")") + s.count("）")


for l in lines:
    if is_value(l) and not re.fullmatch(r"\d+[.．、]", l) and (
            re.search(r"\d", l) or l in ("/", "／", "-", "—", "－", "——", "无")):
        values.append(l)
        continue
    flush()
    if labels and (open_bracket(labels[-1]) or NUMBER.fullmatch(labels[-1]) or PUNCT.fullmatch(l)):
        labels[-1] += l
    else:
        labels.append(l)
flush()
for r in rows:
    print("\t".join(r))
