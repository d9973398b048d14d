#!/usr/bin/env python3
"""Reads `pdftotext -bbox-layout` output (XHTML) and reports every word of
the form's table labels split across two lines of one text block: the end of
a line is the start of a word and the next line starts with its rest
(自然/人, 总/计, 其/他, 维/持, 商/业).  Prints one line per split found;
exit status 1 when there is one.  Words are the ones issue 15 lists, and the
pieces of the labels that must read as words."""
import re
import sys

WORDS = ["自然人", "总计", "其他", "维持", "纠正", "商业", "企业", "科研", "机构", "社会", "公益",
         "组织", "法律", "服务", "结果", "审结", "尚未", "本年度", "办理结果", "复议", "诉讼",
         "起诉", "（一）", "（二）", "（三）", "（四）", "（五）", "（六）", "（七）"]


def lines_of(block):
    out = []
    for line in re.findall(r"<line[^>]*>(.*?)</line>", block, re.S):
        words = re.findall(r"<word[^>]*>(.*?)</word>", line, re.S)
        out.append("".join(words))
    return out


def splits(text):
    found = []
    for block in re.findall(r"<block[^>]*>(.*?)</block>", text, re.S):
        ls = lines_of(block)
        for a, b in zip(ls, ls[1:]):
            for w in WORDS:
                for k in range(1, len(w)):
                    if a.endswith(w[:k]) and b.startswith(w[k:]) and not a.endswith(w):
                        found.append(f"{w[:k]}/{w[k:]} in {a!r} / {b!r}")
    return found


def main():
    bad = 0
    for path in sys.argv[1:]:
        with open(path, encoding="utf-8") as f:
            for s in splits(f.read()):
                print(f"{path}: {s}")
                bad = 1
    return bad


if __name__ == "__main__":
    sys.exit(main())
