#!/usr/bin/env python3
"""Draft the table rows of a PDF report as TSV, for mktruth.py.

Reads `pdftotext -layout` output and keeps the lines that end in cell values
(numbers, /, -, —, 无): the text before the values is the row label, each value
a cell.  A line of values alone takes the label of the line above it that had
none (labels wrapped by the PDF).  The draft is read against the rendered page
(pdftoppm) and corrected by hand before it becomes NAME.rows.tsv; it is never
taken as the truth unread.

    python3 pdfrows.py REPORT.pdf > NAME.rows.tsv
"""

import re
import subprocess
import sys

VAL = r"(?:-?\d[\d,]*(?:\.\d+)?(?:万?元)?|/|／|—|－|-|无)"


def rows(text):
    out, pending = [], None
    for line in text.split("\n"):
        line = line.rstrip()
        m = re.match(r"^(.*?)((?:\s+%s)+)\s*$" % VAL, " " + line)
        if not m or not m.group(2).strip():
            s = line.strip()
            if s:
                pending = s
            continue
        label = m.group(1).strip()
        vals = m.group(2).split()
        if re.fullmatch(r"-\s*\d+\s*-|—\s*\d+\s*—", line.strip()):
            continue        # a page number
        if not label and pending:
            label = pending
        pending = None
        out.append([re.sub(r"\s+", "", label)] + vals)
    return out


def main():
    text = subprocess.run(["pdftotext", "-layout", sys.argv[1], "-"], check=True,
                          capture_output=True, text=True).stdout
    for r in rows(text):
        print("\t".join(r))


if __name__ == "__main__":
    main()
