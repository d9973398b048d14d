#!/usr/bin/env python3
"""Print the tables of a .docx as rows of cells (| between cells), to check a
derived Word file against its page: gridSpan repeats a cell, a vMerge
continuation repeats the cell above.  Standard library only (zipfile, xml).

    python3 docxtables.py FILE.docx
    python3 docxtables.py --tsv FILE.docx   # each cell once, tabs: for mktruth.py
"""
import sys
import zipfile
import xml.etree.ElementTree as ET

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def text(tc):
    paras = []
    for p in tc.iter(W + "p"):
        paras.append("".join(t.text or "" for t in p.iter(W + "t")))
    return "⏎".join(x for x in paras if x.strip())


def main():
    tsv = sys.argv[1] == "--tsv"
    root = ET.fromstring(zipfile.ZipFile(sys.argv[-1]).read("word/document.xml"))
    for i, tbl in enumerate(root.iter(W + "tbl")):
        print("" if tsv else "== table %d" % i)
        above = {}
        for tr in tbl.findall(W + "tr"):
            row, once, col = [], [], 0
            for tc in tr.findall(W + "tc"):
                pr = tc.find(W + "tcPr")
                span, vm = 1, None
                if pr is not None:
                    g = pr.find(W + "gridSpan")
                    if g is not None:
                        span = int(g.get(W + "val"))
                    v = pr.find(W + "vMerge")
                    if v is not None:
                        vm = v.get(W + "val") or "continue"
                t = above.get(col, "") if vm == "continue" else text(tc)
                for k in range(span):
                    above[col + k] = t
                    row.append(t)
                once.append(t.replace("⏎", ""))
                col += span
            print("\t".join(once) if tsv else " | ".join(row))


if __name__ == "__main__":
    main()
