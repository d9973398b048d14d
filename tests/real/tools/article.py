#!/usr/bin/env python3
"""Cut the article out of a saved portal page, unchanged, for the derived files.

Prints a small HTML document holding, verbatim, the elements of the page whose
class attribute contains one of the given class names (first match each, in
the order given): e.g. the title block and the body of the article.  Nothing
inside them is changed; only the site's navigation, scripts and footer are
left out, as a bureau's own Word file of the report has none of them.

    python3 article.py PAGE.html article_title article_content > ARTICLE.html
"""

import html.parser
import sys

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
        "param", "source", "track", "wbr"}


class Finder(html.parser.HTMLParser):
    def __init__(self, text, cls):
        super().__init__(convert_charrefs=False)
        self.text, self.cls = text, cls
        self.lines = [0]
        for line in text.split("\n"):
            self.lines.append(self.lines[-1] + len(line) + 1)
        self.start = self.end = None
        self.depth = 0

    def pos(self):
        line, col = self.getpos()
        return self.lines[line - 1] + col

    def handle_starttag(self, tag, attrs):
        if tag in VOID:
            return
        if self.start is None:
            c = dict(attrs).get("class") or ""
            if self.cls in c.split():
                self.start, self.depth = self.pos(), 1
            return
        if self.end is None:
            self.depth += 1

    def handle_endtag(self, tag):
        if tag in VOID or self.start is None or self.end is not None:
            return
        self.depth -= 1
        if self.depth == 0:
            p = self.pos()
            self.end = self.text.index(">", p) + 1


def cut(text, cls):
    f = Finder(text, cls)
    f.feed(text)
    if f.start is None or f.end is None:
        raise SystemExit("no element of class %s" % cls)
    return text[f.start:f.end]


def main():
    text = open(sys.argv[1], encoding="utf-8").read()
    parts = [cut(text, c) for c in sys.argv[2:]]
    sys.stdout.write('<!DOCTYPE html>\n<html>\n<head>\n<meta charset="utf-8">\n</head>\n<body>\n'
                     + "\n".join(parts) + "\n</body>\n</html>\n")


if __name__ == "__main__":
    main()
