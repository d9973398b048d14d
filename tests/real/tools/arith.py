#!/usr/bin/env python3
"""The arithmetic errors a real report prints, from its truth file.

Checks what the form itself asks (a 总计 column is the sum of its row, （七）总计
the sum of the results above it, 一+二 = 三+四 in every column of 三, a 行政复议/
行政诉讼 总计 the sum of its four results) and prints one line per error:

    cell<TAB>printed<TAB>computed<TAB>rule

A cell printed as /, -, — or 无, or left blank, counts as 0, as the form counts
it; but a 总计 cell left blank is not an error: gireport computes it (as the
import leaves an empty 总计 to be computed), so it counts as the sum of its
parts.  The output, checked by hand against the original, is NAME.errors: the
diagnostics gireport must give when the report is imported as published.

    python3 arith.py NAME.truth.json
"""

import decimal
import json
import re
import sys

COLS3 = ["natural", "business", "research", "nonprofit", "legal", "other_org"]
COLS4 = ["upheld", "corrected", "other", "pending"]


def num(s):
    t = re.sub(r"[\s,，]", "", s)
    if t in ("", "/", "／", "-", "—", "－", "无", "——"):
        return decimal.Decimal(0)
    if not re.fullmatch(r"-?\d+(\.\d+)?", t):
        return None
    return decimal.Decimal(t)


def blank(s):
    return re.sub(r"[\s,，]", "", s) == ""


def computed_totals(cells):
    """The cells with every blank 总计 of a row set to the sum of its parts."""
    cells = dict(cells)
    for k in list(cells):
        if not k.endswith(".total") or not blank(cells[k]) or k.startswith("requests.results_total"):
            continue
        r = k[:-len(".total")]
        cols = COLS3 if k.startswith("requests.") else COLS4
        parts = [num(cells.get("%s.%s" % (r, c), "x")) for c in cols]
        if None not in parts:
            cells[k] = str(sum(parts))
    return cells


def check(truth):
    cells = computed_totals(truth["cells"])
    printed = truth["cells"]
    out = []

    def v(k):
        return num(cells[k]) if k in cells else None

    rows3 = sorted({k.rsplit(".", 1)[0] for k in cells if k.startswith("requests.")},
                   key=lambda r: list(cells).index(r + ".total") if r + ".total" in cells else 0)
    for r in rows3:
        parts = [v("%s.%s" % (r, c)) for c in COLS3]
        tot = v(r + ".total")
        if tot is None or any(p is None for p in parts):
            continue
        s = sum(parts)
        if s != tot:
            out.append((r + ".total", printed[r + ".total"], s, "总计 = the row's six applicant columns"))
    result_rows = [r for r in rows3 if r.split(".")[1] in
                   ("granted", "partly_granted", "withheld", "unavailable", "not_processed", "other")]
    for c in COLS3 + ["total"]:
        parts = [v("%s.%s" % (r, c)) for r in result_rows]
        tot = v("requests.results_total." + c)
        if tot is not None and all(p is not None for p in parts) and sum(parts) != tot:
            out.append(("requests.results_total." + c, printed["requests.results_total." + c], sum(parts),
                        "（七）总计 = the results （一） to （六）"))
        a = [v("requests.received." + c), v("requests.carried_over." + c)]
        b = [v("requests.results_total." + c), v("requests.carried_forward." + c)]
        if None not in a + b and sum(a) != sum(b):
            out.append(("requests.carried_forward." + c, printed["requests.carried_forward." + c],
                        sum(a) - b[0], "一+二 = 三+四: 四 would be %s" % (sum(a) - b[0])))
    for r in ("appeals.review", "appeals.litigation_direct", "appeals.litigation_after_review"):
        parts = [v("%s.%s" % (r, c)) for c in COLS4]
        tot = v(r + ".total")
        if tot is not None and None not in parts and sum(parts) != tot:
            out.append((r + ".total", printed[r + ".total"], sum(parts), "总计 = the four results"))
    return out


def main():
    truth = json.load(open(sys.argv[1], encoding="utf-8"))
    for cell, printed, computed, rule in check(truth):
        print("%s\t%s\t%s\t%s" % (cell, printed, computed, rule))


if __name__ == "__main__":
    main()
