#!/usr/bin/env python3
"""Check that a derived PDF or text copy holds the truth's values in table order:
the values that are numbers form a subsequence of the numbers after 二、主动公开.

    python3 seqcheck.py NAME.truth.json DERIVED.pdf|DERIVED.txt
"""
import json, re, subprocess, sys
# is the truth's value sequence (table order) a subsequence of the numbers in the text?
truth = json.load(open(sys.argv[1]))["cells"]
# blank cells print nothing, so only cells holding a number are looked for
vals = [v.replace("元", "") for v in truth.values() if re.fullmatch(r"-?\d+(?:\.\d+)?元?", v)]
txt = open(sys.argv[2], encoding="utf-8").read() if sys.argv[2].endswith(".txt") else \
      subprocess.run(["pdftotext", "-raw", sys.argv[2], "-"], capture_output=True, text=True).stdout
start = txt.find("二、主动公开")
toks = re.findall(r"-?\d+(?:\.\d+)?", txt[start:])
i = 0
for t in toks:
    if i < len(vals) and t == vals[i]:
        i += 1
print(sys.argv[2], "matched %d of %d values in order" % (i, len(vals)))
