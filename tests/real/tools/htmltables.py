#!/usr/bin/env python3
"""Read every <table> of a saved HTML page as a grid, for the real-report corpus.

This is the corpus's own reader, written with the standard library only and on
purpose independent of gireport's importer: the ground truth must not come from
the program it measures.  rowspan and colspan are expanded, so every grid cell
names the <td> it came from (cells of one merged <td> share an id).  A cell's
text is its text content with <br>, <p> and <div> read as line breaks, entities
decoded, and runs of white space (including no-break spaces) collapsed.

    python3 htmltables.py PAGE.html            # prints every table, | between cells
    python3 htmltables.py --charset gbk PAGE.html
"""

import html.parser
import re
import sys

BLOCK = {"p", "br", "div", "li", "tr"}


class _Cell:
    def __init__(self, ident, rowspan, colspan):
        self.ident = ident
        self.rowspan = rowspan
        self.colspan = colspan
        self.parts = []

    def text(self):
        raw = "".join(self.parts)
        lines = [re.sub(r"[\s\u00a0\u3000]+", " ", ln).strip() for ln in raw.split("\n")]
        return "\n".join(ln for ln in lines if ln)


class _Table:
    def __init__(self):
        self.rows = []      # list of lists of _Cell, as written (before spans)

    def grid(self):
        """Rows of (ident, text) with spans expanded."""
        out = []
        pending = {}        # (row, col) -> _Cell from a rowspan above
        for r, cells in enumerate(self.rows):
            row = []
            col = 0
            queue = list(cells)
            while queue or (r, col) in pending:
                if (r, col) in pending:
                    row.append(pending.pop((r, col)))
                    col += 1
                    continue
                cell = queue.pop(0)
                for dc in range(cell.colspan):
                    row.append(cell)
                    for dr in range(1, cell.rowspan):
                        pending[(r + dr, col + dc)] = cell
                col += cell.colspan
            out.append([(c.ident, c.text()) for c in row])
        return out


class _Parser(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tables = []    # finished tables, in document order of their start
        self.stack = []     # open tables
        self.cell = None
        self.ids = 0
        self.skip = 0       # inside <script>/<style>

    @staticmethod
    def _span(attrs, name):
        for k, v in attrs:
            if k == name and v:
                m = re.match(r"\s*(\d+)", v)
                if m and int(m.group(1)) > 0:
                    return min(int(m.group(1)), 1000)
        return 1

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self.skip += 1
            return
        if tag == "table":
            t = _Table()
            self.tables.append(t)
            self.stack.append((t, self.cell))
            self.cell = None
        elif tag == "tr" and self.stack:
            self.stack[-1][0].rows.append([])
        elif tag in ("td", "th") and self.stack:
            t = self.stack[-1][0]
            if not t.rows:
                t.rows.append([])
            self.ids += 1
            self.cell = _Cell(self.ids, self._span(attrs, "rowspan"), self._span(attrs, "colspan"))
            t.rows[-1].append(self.cell)
        elif tag in BLOCK and self.cell is not None:
            self.cell.parts.append("\n")

    def handle_startendtag(self, tag, attrs):
        if tag == "br" and self.cell is not None:
            self.cell.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self.skip = max(0, self.skip - 1)
            return
        if tag == "table" and self.stack:
            _, self.cell = self.stack.pop()
        elif tag in ("td", "th"):
            self.cell = None
        elif tag in BLOCK and self.cell is not None:
            self.cell.parts.append("\n")

    def handle_data(self, data):
        if self.cell is not None and not self.skip:
            self.cell.parts.append(data)


def read_text(path, charset=None):
    raw = open(path, "rb").read()
    if charset is None:
        m = re.search(rb"<meta[^>]+charset\s*=\s*[\"']?([A-Za-z0-9_-]+)", raw[:4096], re.I)
        charset = m.group(1).decode("ascii") if m else "utf-8"
    if charset.lower() in ("gb2312", "gbk"):
        charset = "gb18030"
    return raw.decode(charset)


def tables(text):
    """Every table of an HTML text, as a list of grids."""
    p = _Parser()
    p.feed(text)
    p.close()
    return [t.grid() for t in p.tables]


def main(argv):
    charset = None
    if len(argv) > 2 and argv[0] == "--charset":
        charset, argv = argv[1], argv[2:]
    for i, g in enumerate(tables(read_text(argv[0], charset))):
        print("== table %d (%d rows)" % (i, len(g)))
        for row in g:
            print(" | ".join(t.replace("\n", "⏎") for _, t in row))


if __name__ == "__main__":
    main(sys.argv[1:])
