#!/usr/bin/env python3
"""Write a gireport source holding exactly the cells of a truth file.

Used by tests/suites/real.sh to test the comparison itself: the source made
from the truth must compare equal, and the same source with one cell changed
must not.  Narratives are one placeholder sentence each; not-applicable cells
are written as `/` (issue 15); blank cells as 0.

    python3 truth2yaml.py NAME.truth.json [CELL=VALUE] > NAME.yaml
"""

import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import compare  # noqa: E402


def main():
    truth = json.load(open(sys.argv[1], encoding="utf-8"))
    cells = dict(truth["cells"])
    for a in sys.argv[2:]:
        k, v = a.split("=", 1)
        cells[k] = v
    tmpl = compare.template(truth["template"])
    out = ["year: %d" % truth["year"], "agency: %s" % truth["agency"],
           "template: %s" % truth["template"], ""]

    def value(k):
        v = re.sub(r"[\s,，]", "", cells[k])
        if v in compare.NA:
            return "/"
        m = re.fullmatch(r"(-?\d+(?:\.\d+)?)(万?元)?", v)
        if not m:
            return "0" if v == "" else json.dumps(v, ensure_ascii=False)
        if m.group(2) == "元" and k in ("proactive.procurement.amount", "proactive.fees.amount"):
            return str(compare.decimal.Decimal(m.group(1)) / 10000)
        return m.group(1)

    for sec in tmpl["sections"]:
        if sec["kind"] != "table":
            out.append("%s:\n  - 本节内容见原件。\n" % sec["id"])
            continue
        out.append("%s:" % sec["id"])

        def walk(rows, prefix, indent, cols):
            for r in rows:
                if not r.get("id"):
                    walk(r.get("children", []), prefix, indent, cols)
                    continue
                path = prefix + "." + r["id"]
                if "%s.%s" % (path, cols[0]) in cells or "children" not in r:
                    vals = [value("%s.%s" % (path, c)) for c in cols]
                    out.append("%s%s: [%s]" % ("  " * indent, r["id"], ", ".join(vals)))
                else:
                    out.append("%s%s:" % ("  " * indent, r["id"]))
                    walk(r["children"], path, indent + 1, cols)

        for b in sec["blocks"]:
            walk(b["rows"], sec["id"], 1, compare.block_columns(b))
        out.append("")
    print("\n".join(out))


if __name__ == "__main__":
    main()
