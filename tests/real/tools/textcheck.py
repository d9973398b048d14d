#!/usr/bin/env python3
"""Does an import keep a saved portal page's text?  The narrative counterpart of compare.py.

tests/suites/real.sh compares every table cell of an import with the ground
truth; this compares the rest: the title, the preface, the paragraphs and
subheadings of 一 to 六, the signatories and the date, between

  the page: the text of its article -- the title element and the body element
      of the portal's article (ARTICLE below), with the tables left out, as a
      reader sees it (scripts, styles and hidden elements are not text); read
      with the standard library's html.parser, independent of gireport's
      libxml2 reader and of its way of finding the article; and
  the import: what `gireport import` wrote, as `gireport build -f json`
      renders it (placeholders {{…}} give their numbers); when the source does
      not build (the original's own arithmetic errors), the YAML source itself,
      each placeholder standing for the digits the page has at its place.

Both are normalized the same way: entities decoded (by the parser), every
white space character removed (U+0020 and the other ASCII spaces, U+00A0, U+3000,
U+200B, U+FEFF: the importer removes spaces between CJK characters on
purpose, docs/format.md §4, and a page's indentation is spaces), and nothing
else: full-width and ASCII forms (，/, ：/:) are different characters here, as
the importer does not change one into the other.

Then the two texts are aligned (difflib) and every run the import lost (in the
page's article, not in the import) and every run it added (in the import, not
in the page) is a difference, unless a RULE below says why the import leaves it
out or writes it.  Each rule is a deliberate behaviour of the importer and says
so; nothing else is forgiven.  Paragraphs are compared too: where the page
separates two blocks of text (<p>, <div>, <br>, …) and the import runs them
into one paragraph, or the import cuts a paragraph the page prints as one, it
is a difference (with the rules for subheadings below).

    python3 textcheck.py [--gireport BIN] [--stats] PAGE.html [SOURCE.yaml DIAGS.json]
    python3 textcheck.py [--gireport BIN] [--stats] [--no-paragraphs] --copy COPY PAGE.html

Without SOURCE the page is imported (BIN import --diagnostics=json); with it,
DIAGS.json holds that import's diagnostics (its standard error).  With
--copy, the import of COPY (the same report as text, .docx or PDF) is held
to the page's article instead, less what the page's own import announces
leaving out; --no-paragraphs compares the text only, for a copy that has
lost the page's paragraphs (the archive's one-line copies, NAME.page.txt).

Prints the differences, one a line, and exits 1 when there are any; 0 when
the text is kept; 2 when the page or the source cannot be read.  --stats
prints one line of figures: the article's characters, those compared after
the rules, the import's, and how often each rule applied.
"""

import bisect
import difflib
import html.parser
import json
import os
import re
import subprocess
import sys
import tempfile

import yaml

# The article of a page: (title, body) element selectors of each portal, the
# first pair whose body the page has.  A selector is class:NAME (an element
# whose class attribute has NAME) or id:NAME, optionally /TAG (that element's
# first descendant TAG).  A page of another portal is refused (exit 2) until
# its pair is added here.
ARTICLE = [
    ("class:article_title", "class:article_content"),   # 平潭 (pingtan.gov.cn)
    ("class:xl-top/h1", "class:TRS_Editor"),             # 莆田 (putian.gov.cn)
    ("class:article-title", "class:article-content"),   # 沭阳 (shuyang.gov.cn)
]

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
        "param", "source", "track", "wbr"}
# Not text a reader sees, or not narrative: its subtree is left out.  Tables
# are the form's (compare.py compares their cells).
SKIP = {"script", "style", "noscript", "template", "table", "select", "option", "button",
        "textarea", "iframe", "object", "svg", "head", "title"}
BLOCK = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd",
         "blockquote", "section", "article", "header", "footer", "aside", "center", "pre",
         "address", "form", "hr", "br", "table", "caption", "tr", "td", "th", "figure"}
SPACE = re.compile(r"[\s\u00a0\u3000\u200b\ufeff]+")
NUM = "一二三四五六七八九十"


def norm(s):
    return SPACE.sub("", s)


# ---- the page ------------------------------------------------------------------

class _Events(html.parser.HTMLParser):
    """The page as a flat list of events, with each element's end event."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ev = []        # ("s", tag, attrs) / ("e", tag) / ("t", text)
        self.open = []      # indices of open start events
        self.end = {}       # start index -> end index
        self.at = []        # (line, column) of each event in the page

    def pos(self):
        self.at.append(self.getpos())

    def handle_starttag(self, tag, attrs):
        self.pos()
        self.ev.append(("s", tag, dict(attrs)))
        if tag in VOID:
            self.end[len(self.ev) - 1] = len(self.ev) - 1
        else:
            self.open.append(len(self.ev) - 1)

    def handle_startendtag(self, tag, attrs):
        self.pos()
        self.ev.append(("s", tag, dict(attrs)))
        self.end[len(self.ev) - 1] = len(self.ev) - 1

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        # an end tag closes the nearest open element of its name and every
        # element left open inside it (<p> without </p>); a stray one is ignored
        for k in range(len(self.open) - 1, -1, -1):
            if self.ev[self.open[k]][1] == tag:
                self.pos()
                self.ev.append(("e", tag))
                for i in self.open[k:]:
                    self.end[i] = len(self.ev) - 1
                del self.open[k:]
                return

    def handle_data(self, data):
        self.pos()
        self.ev.append(("t", data))

    def finish(self):
        self.close()
        for i in self.open:
            self.end[i] = len(self.ev)
        return self


def _hidden(attrs):
    style = (attrs.get("style") or "").replace(" ", "").lower()
    return "hidden" in attrs or "display:none" in style


def _select(p, sel):
    """(start, end) event range of the element sel names, or None."""
    path, _, sub = sel.partition("/")
    kind, _, name = path.partition(":")
    for i, e in enumerate(p.ev):
        if e[0] != "s":
            continue
        v = e[2].get(kind) or ""
        if (kind == "class" and name in v.split()) or (kind == "id" and v == name):
            if not sub:
                return i, p.end[i]
            for j in range(i + 1, p.end[i]):
                if p.ev[j][0] == "s" and p.ev[j][1] == sub:
                    return j, p.end[j]
            return None
    return None


def _layout_table(p, i):
    """Whether the table at event i only lays the page out (a Word export
    that wraps the whole article in a page-sized table, 经济发展局 2021):
    it holds another table, or it has a single cell.  Its content is read
    as the article's; the form's tables are the ones inside."""
    cells = 0
    for j in range(i + 1, p.end[i]):
        e = p.ev[j]
        if e[0] == "s" and e[1] == "table":
            return True
        if e[0] == "s" and e[1] in ("td", "th"):
            cells += 1
    return cells == 1


class Block(str):
    """A block's normalized text, with the event each character came from."""
    ev = ()
    off = ()


def _blocks(p, lo, hi):
    """The text between events lo and hi as blocks (runs between block
    boundaries), normalized, with the tables' places marked by None."""
    out, cur = [], []

    def cut():
        chars = [(c, k, o) for k, t in cur for o, c in enumerate(t) if not SPACE.match(c)]
        if chars:
            b = Block("".join(c for c, _, _ in chars))
            b.ev = [k for _, k, _ in chars]
            b.off = [o for _, _, o in chars]
            out.append(b)
        cur.clear()

    i = lo + 1
    while i < hi:
        e = p.ev[i]
        if e[0] == "s":
            if e[1] == "table" and _layout_table(p, i):
                cut()
                i += 1
                continue
            if e[1] in SKIP or _hidden(e[2]):
                cut()
                if e[1] == "table":
                    out.append(None)
                i = p.end[i] + 1
                continue
            if e[1] in BLOCK:
                cut()
        elif e[0] == "e":
            if e[1] in BLOCK:
                cut()
        else:
            cur.append((i, e[1]))
        i += 1
    cut()
    return out


def warned_events(p, warnings):
    """The place each warning of the import points to: {text event: (offset
    in its text, warning)}."""
    out = {}
    for w in warnings:
        at = (w["line"], w["column"] - 1)
        k = max(0, bisect.bisect_right(p.at, at) - 1)
        off = at[1] - p.at[k][1] if p.at[k][0] == at[0] else 0
        if p.ev[k][0] != "t" or off >= len(p.ev[k][1]):
            while k < len(p.ev) and p.ev[k][0] != "t":
                k += 1
            off = 0
        if k not in out or off < out[k][0]:
            out[k] = (off, w)
    return out


def left_out(block, warned):
    """Where in block the import's first warning into it says it leaves the
    rest out: (index, warning), or None.  The importer leaves out a line (a
    page block) from the point its warning names."""
    for j, (k, o) in enumerate(zip(block.ev, block.off)):
        if k in warned and o >= warned[k][0]:
            return j, warned[k][1]
    return None


def read_page(path):
    raw = open(path, "rb").read()
    m = re.search(rb"<meta[^>]+charset\s*=\s*[\"']?([A-Za-z0-9_-]+)", raw[:4096], re.I)
    cs = m.group(1).decode("ascii").lower() if m else "utf-8"
    text = raw.decode("gb18030" if cs in ("gb2312", "gbk") else cs, errors="replace")
    p = _Events()
    p.feed(text)
    p.finish()
    for tsel, bsel in ARTICLE:
        body = _select(p, bsel)
        if body:
            title = _select(p, tsel)
            t = _blocks(p, title[0] - 1, title[1]) if title else []
            return p, [b for b in t if b], _blocks(p, body[0], body[1])
    sys.stderr.write("%s: no article element of a known portal (ARTICLE in %s)\n" % (path, __file__))
    sys.exit(2)


# ---- the import ----------------------------------------------------------------

NARRATIVE = ("overview", "problems", "other_matters")
TEMPLATES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "templates")


def _flatten(v, sub_kind="subheading"):
    """A narrative of the YAML source as (kind, text) items (docs/format.md §4)."""
    items = []
    if isinstance(v, str):
        v = [v]
    for it in v or []:
        if isinstance(it, dict):
            for k, sub in it.items():
                items.append((sub_kind, str(k)))
                for kind, t in _flatten(sub if sub is not None else []):
                    items.append((kind, t))
        else:
            for para in re.split(r"\n\s*\n", str(it)):
                items.append(("paragraph", para))
    return items


def _date_text(iso):
    y, m, d = (int(x) for x in str(iso).split("-"))
    return "%d年%d月%d日" % (y, m, d)


def read_import(gireport, source):
    """The import's text: a list of (field, kind, text) in the page's order,
    and whether its placeholders are rendered."""
    src = yaml.safe_load(open(source, encoding="utf-8"))
    r = subprocess.run([gireport, "build", "-f", "json", "--stdout", source],
                       capture_output=True)
    items = []
    if r.returncode == 0:
        d = json.loads(r.stdout)
        items.append(("title", "title", d["title"]))
        for par in d["preface"]:
            items.append(("preface", par["kind"], par["text"]))
        for s in d["sections"]:
            items.append((s["id"], "heading", s["heading"]))
            for par in s.get("paragraphs") or []:
                kind = par["kind"] + (" run-in" if par.get("run_in") else "")
                items.append((s["id"], kind, par["text"]))
        rendered = True
    else:
        # the source as docs/format.md reads it: the template's title when it
        # gives none, its subheadings run in where subheadings: says so
        tpl = json.load(open(os.path.join(TEMPLATES, "%s.json" % src.get("template")),
                             encoding="utf-8"))
        title = src.get("title") or tpl["title"].replace("{agency}", str(src.get("agency"))) \
            .replace("{year}", str(src.get("year")))
        items.append(("title", "title", title))
        style = src.get("subheadings") or "separate"

        def kind_of(sid):
            st = style.get(sid, "separate") if isinstance(style, dict) else style
            return "subheading run-in" if st == "run-in" else "subheading"
        for kind, t in _flatten(src.get("preface"), kind_of("preface")):
            items.append(("preface", kind, t))
        for sid in ("overview", "proactive", "requests", "appeals", "problems", "other_matters"):
            items.append((sid, "heading", sid))
            if sid in NARRATIVE:
                for kind, t in _flatten(src.get(sid), kind_of(sid)):
                    items.append((sid, kind, t))
        rendered = False
    # the signatories as the source keeps them, or the default one: the
    # agency (docs/json.md; the import writes signatories: only when they
    # are not just the agency, docs/import.md)
    if src.get("signatories"):
        for s in src["signatories"]:
            items.append(("signatories", "signatory", str(s)))
    elif src.get("agency"):
        items.append(("signatories", "default signatory", str(src["agency"])))
    if src.get("date"):
        items.append(("date", "date", _date_text(src["date"])))
    return items, rendered


# ---- rules ---------------------------------------------------------------------
# What the import deliberately does not keep as text, or keeps in another
# form.  Each is named, with its count, in the --stats line.

# Warnings by which the import says it left page text out on purpose (their
# reasons: docs/import.md): the page's block one of them points into is cut
# from that place to its end before the texts are aligned, and a lost run in
# such a block is announced, not silent.  A warning of another id forgives
# nothing.
LEFT_OUT = {
    "import_text_for_table": "text where the form has a table (二, 三, 四)",
    "import_table_left_out": "a table that is not the form's",
    "import_text_before_title": "text before the title",
    "import_page_header_left_out": "the page's words after the title",
    "import_page_footer_left_out": "the page's footer",
    "import_page_words_left_out": "the page's words after the article",
    "import_head_in_line_left_out": "the page's head in the article's line",
    "import_publication_note_left_out": "the document's publication note (附注)",
    "import_imprint_left_out": "the document's imprint (版记)",
}
SECTION_HEAD = re.compile("^([%s])、" % NUM[:6])
# the date line of a report: 2024年3月8日, 2024年03月08日
DATE = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")
# a number the author typed before a subheading (docs/format.md §4: the
# renderer numbers subheadings and removes a typed one)
TYPED_NUMBER = re.compile(r"^(?:[（(][%s\d０-９]+[）)]|[%s]+[、．.]|[\d０-９]+[、．.])" % (NUM, NUM))


def _year_du(t):
    """A title with 年度 after its year read as 年: 平潭 prints its 2019 report
    as 平潭综合实验区2019年政府信息公开工作年度报告 in the body and 2019年度 in
    the title element (the variant issue 13 lists)."""
    return re.sub(r"(\d{4})年度", r"\1年", t)


def rules_page(blocks, title):
    """Split the page's body blocks into text to compare and text a rule
    takes out.  Returns (kept, ruled): kept a list of (block index, text),
    ruled a list of (rule, text)."""
    kept, ruled = [], []
    want = 1            # the section heading expected next
    body = [i for i, b in enumerate(blocks) if b is not None]
    # the title again at the head of the body, on up to three lines (Word's
    # pages print it so): the import reads it as the title, which the title
    # element gives already
    # (after up to two blocks the import says it leaves out before the
    # title: a document number, 岚经发〔2020〕2号, 经济发展局 2019)
    skip = set()
    for at in (0, 1, 2):
        for n in (1, 2, 3):
            if _year_du("".join(blocks[i] for i in body[at:at + n])) == _year_du(title):
                skip = set(body[at:at + n])
                ruled.append(("the title again at the head of the body", title))
                break
        if skip:
            break
    for i in body:
        b = blocks[i]
        if i in skip:
            continue
        m = SECTION_HEAD.match(b)
        if m and NUM.index(m.group(1)) + 1 >= want and len(b) <= 40 and "。" not in b:
            # 一 to 六 in order: the import writes the template's heading (a
            # variant's wording is read as the same section, docs/import.md)
            ruled.append(("a section heading (the template's is written)", b))
            want = NUM.index(m.group(1)) + 2
            continue
        d = DATE.fullmatch(b)
        if d:
            # the date: the source keeps it as a date, printed without leading zeros
            b = Block("%d年%d月%d日" % tuple(int(x) for x in d.groups()))
            b.ev, b.off = blocks[i].ev[:len(b)], blocks[i].off[:len(b)]
        kept.append((i, b))
    return kept, ruled


def import_text(items):
    """The import's text to compare, as a list of (item index, text): the
    section headings are the template's (the page's are ruled out above)."""
    return [(i, norm(t)) for i, (_, kind, t) in enumerate(items) if kind != "heading" and norm(t)]


# ---- comparing -----------------------------------------------------------------

def _fill_placeholders(itext, ptext):
    """An unrendered source's {{…}} as the digits the page has there."""
    def fill(t):
        parts = re.split(r"\{\{[^}]*\}\}", t)
        if len(parts) == 1:
            return t
        rx = "([0-9.]+)".join(re.escape(x) for x in parts)
        m = re.search(rx, ptext)
        if not m:
            return re.sub(r"\{\{[^}]*\}\}", "{?}", t)
        return "".join(parts[k] + (m.group(k + 1) if k < len(parts) - 1 else "")
                       for k in range(len(parts)))
    return [(i, fill(t)) for i, t in itext]


def _at_item_start(ib, b):
    return b < len(ib) and (b == 0 or ib[b - 1] != ib[b])


def _rule_lost(text, b, ib, items):
    """The rule that lets the import leave out page text `text`, which
    would stand before I[b], or None."""
    nxt = items[ib[b]] if b < len(ib) else None
    prev = items[ib[b - 1]] if b > 0 else None
    at_start = _at_item_start(ib, b) or b == len(ib)
    if nxt and nxt[1].startswith("subheading") and at_start:
        # （一）主动公开情况：  the renderer numbers subheadings, a typed
        # number is removed (docs/format.md §4); so is a subheading's colon
        # and, run in, its stop (subheading。paragraph)
        head = text
        if prev and prev[1].startswith("subheading") and head[:1] in "：:。":
            head = head[1:]
        if TYPED_NUMBER.fullmatch(head):
            return "a typed subheading number"
    if prev and prev[1].startswith("subheading") and at_start and text in ("：", ":"):
        return "a subheading's colon (docs/format.md §4)"
    if prev and prev[1] == "subheading run-in" and at_start and text == "。":
        return "a run-in subheading's stop (the renderer's)"
    return None


def _rule_added(text, b0, b1, ib, items, raw):
    """The rule that lets the import write I[b0:b1], not in the article."""
    if not _at_item_start(ib, b0) or (b1 < len(ib) and ib[b1] == ib[b1 - 1]):
        return None
    field, kind, t = items[ib[b0]]
    if kind == "default signatory":
        return "the default signatory (the agency), where the page prints none"
    if kind == "date":
        y, m, d = (int(x) for x in DATE.fullmatch(norm(t)).groups())
        iso = "%04d-%02d-%02d" % (y, m, d)
        if iso in raw:
            return "the date of the page's metadata (its time: line, PubDate), where the article prints none"
    return None



def _runs(owner, lo, hi):
    """The runs [k, j) of lo..hi whose characters come from one block (or
    one item): owner[i] is the block of character i."""
    k = lo
    while k < hi:
        j = k
        while j < hi and owner[j] == owner[k]:
            j += 1
        yield k, j
        k = j

def compare(p, page_title, page_blocks, items, rendered, warnings, raw, paragraphs=True):
    ikept = import_text(items)
    title = "".join(page_title)
    itl = norm(items[0][2]) if items and items[0][0] == "title" else ""
    pkept, ruled = rules_page(page_blocks, itl)
    warned = warned_events(p, warnings)
    # the page's text, its blocks joined, with the block and the event each
    # character is of
    P, pb, pe = title, [-1] * len(title), []
    for b in page_title:
        pe += list(b.ev)
    for i, t in pkept:
        cut = left_out(t, warned)
        if cut:
            # announced: left out with a warning (LEFT_OUT), before the texts
            # are aligned, so that no other text is matched to it
            j, w = cut
            ruled.append((LEFT_OUT[w["id"]], t[j:]))
            ev, off = t.ev[:j], t.off[:j]
            t = Block(t[:j])
            t.ev, t.off = ev, off
        P += t
        pb += [i] * len(t)
        pe += list(t.ev)
    if not rendered:
        ikept = _fill_placeholders(ikept, P)
    I, ib = "", []
    for i, t in ikept:
        I += t
        ib += [i] * len(t)
    diffs = []
    sm = difflib.SequenceMatcher(None, P, I, autojunk=False)
    for op, a0, a1, b0, b1 in sm.get_opcodes():
        if op in ("delete", "replace"):
            # block by block: a block the import announced leaving out
            for k, j in _runs(pb, a0, a1):
                w = next((warned[e][1] for e in set(pe[k:j]) if e in warned), None)
                # (replaced, the lost text stands before or after the new)
                why = (LEFT_OUT.get(w["id"]) if w else None) or \
                    _rule_lost(P[k:j], b0, ib, items) or \
                    (_rule_lost(P[k:j], b1, ib, items) if op == "replace" else None)
                if why:
                    ruled.append((why, P[k:j]))
                else:
                    diffs.append(("lost", P[k:j], P[max(0, k - 12):k]))
        if op in ("insert", "replace"):
            # item by item: an item a rule lets the import write
            for k, j in _runs(ib, b0, b1):
                why = _rule_added(I[k:j], k, j, ib, items, raw)
                if why:
                    ruled.append((why, I[k:j]))
                else:
                    diffs.append(("added", I[k:j], I[max(0, k - 12):k]))
        if op != "equal" or not paragraphs:
            continue
        # paragraphs: a block boundary of one side inside the other's run
        for k in range(1, a1 - a0):
            pcut = pb[a0 + k] != pb[a0 + k - 1]
            icut = ib[b0 + k] != ib[b0 + k - 1]
            if pcut and not icut:
                diffs.append(("glued", P[a0 + k:a0 + k + 12], P[max(0, a0 + k - 12):a0 + k]))
            elif icut and not pcut:
                prev = items[ib[b0 + k - 1]]
                if prev[1] == "subheading run-in":
                    ruled.append(("a run-in subheading", prev[2]))
                else:
                    diffs.append(("cut", I[b0 + k:b0 + k + 12], I[max(0, b0 + k - 12):b0 + k]))
    article = sum(len(b) for b in page_title) + sum(len(b) for b in page_blocks if b)
    return diffs, {"article": article, "page": len(P), "import": len(I), "ruled": ruled}


def main(argv):
    gireport, stats, args, copy, paragraphs = "build/gireport", False, [], None, True
    while argv:
        a = argv.pop(0)
        if a == "--gireport":
            gireport = argv.pop(0)
        elif a == "--copy":
            copy = argv.pop(0)
        elif a == "--no-paragraphs":
            paragraphs = False
        elif a == "--stats":
            stats = True
        else:
            args.append(a)
    if len(args) not in (1, 3):
        sys.stderr.write(__doc__)
        return 2
    page = args[0]
    with tempfile.TemporaryDirectory() as tmp:
        if len(args) == 3:
            source, diags = args[1], open(args[2], encoding="utf-8").read()
        else:
            source = os.path.join(tmp, "import.yaml")
            r = subprocess.run([gireport, "import", "--diagnostics=json", "-o", source, page],
                               capture_output=True, text=True)
            diags = r.stderr
            if not os.path.exists(source) or os.path.getsize(source) == 0:
                print("%s: gireport import wrote no source (exit %d)" % (page, r.returncode))
                return 2
        # --diagnostics=json writes one object a line on standard error
        warnings = [d for d in map(json.loads, (ln for ln in diags.splitlines() if ln.startswith("{")))
                    if d.get("severity") == "warning" and d.get("id") in LEFT_OUT and d.get("line")]
        if copy:
            # another file of the same report (a copy of the page as text,
            # .docx or PDF): its import against the page, with what the
            # page's import announces leaving out left out
            source = os.path.join(tmp, "copy.yaml")
            r = subprocess.run([gireport, "import", "-o", source, copy], capture_output=True)
            if not os.path.exists(source) or os.path.getsize(source) == 0:
                print("%s: gireport import wrote no source (exit %d)" % (copy, r.returncode))
                return 2
        p, title, blocks = read_page(page)
        items, rendered = read_import(gireport, source)
    raw = open(page, encoding="utf-8", errors="replace").read()
    diffs, st = compare(p, title, blocks, items, rendered, warnings, raw, paragraphs)
    name = copy or page
    for kind, text, before in diffs:
        print("%s %s: …%s[%s]" % (name, kind, before, text))
    if stats:
        rules = {}
        for why, _ in st["ruled"]:
            rules[why] = rules.get(why, 0) + 1
        print("%s: %d characters in the page's article (tables left out), %d of them compared "
              "with %d of the import; %d differences; by rule: %s" %
              (name, st["article"], st["page"], st["import"], len(diffs),
               "; ".join("%s %d" % r for r in sorted(rules.items())) or "none"))
    return 1 if diffs else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
