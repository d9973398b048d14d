#!/usr/bin/env python3
"""Reads a .ofd as a reader would (tests/suites/ofd.sh).

  ofd_check.py walk FILE.ofd   the package walk: every part parses, every
                               reference (DocRoot, PublicRes, page BaseLoc,
                               FontFile, Font=, outline PageID) resolves, IDs
                               are unique and at most MaxUnitID, each DeltaX
                               has one advance per glyph after the first, and
                               nothing in the zip is left unreferenced.
  ofd_check.py text FILE.ofd   the text objects' text in page order, pages
                               separated by form feeds (as pdftotext does).

Exit status 1 with the reason on standard error when the walk fails."""
import posixpath
import sys
import xml.etree.ElementTree as ET
import zipfile

NS = "{http://www.ofdspec.org/2016}"


def fail(why):
    sys.stderr.write(why + "\n")
    sys.exit(1)


def parse(z, name):
    try:
        return ET.fromstring(z.read(name))
    except KeyError:
        fail(f"{name}: referenced but not in the package")
    except ET.ParseError as e:
        fail(f"{name}: not well-formed: {e}")


def deltas(s):
    """DeltaX with its "g N v" runs expanded."""
    out, it = [], iter(s.split())
    for tok in it:
        if tok == "g":
            n, v = int(next(it)), float(next(it))
            out += [v] * n
        else:
            out.append(float(tok))
    return out


def package(path):
    z = zipfile.ZipFile(path)
    root = parse(z, "OFD.xml")
    if root.tag != NS + "OFD":
        fail("OFD.xml: root is not ofd:OFD")
    docroot = root.findtext(f"{NS}DocBody/{NS}DocRoot")
    info = root.find(f"{NS}DocBody/{NS}DocInfo")
    if not docroot or info is None or not info.findtext(NS + "DocID"):
        fail("OFD.xml: no DocRoot, DocInfo or DocID")
    return z, docroot


def pages(z, docroot):
    base = posixpath.dirname(docroot)
    doc = parse(z, docroot)
    return base, doc, [(p.get("ID"), posixpath.join(base, p.get("BaseLoc")))
                       for p in doc.iter(NS + "Page")]


def walk(path):
    z, docroot = package(path)
    base, doc, page_list = pages(z, docroot)
    used = {"OFD.xml", docroot}
    ids = {}

    def take_id(e, where):
        i = e.get("ID")
        if i is None:
            return
        if not i.isdigit() or int(i) < 1:
            fail(f"{where}: ID {i!r} is not a positive integer")
        if i in ids:
            fail(f"{where}: ID {i} also used in {ids[i]}")
        ids[i] = where

    common = doc.find(NS + "CommonData")
    if common is None:
        fail("Document.xml: no CommonData")
    box = common.findtext(f"{NS}PageArea/{NS}PhysicalBox")
    if box is None or [float(v) for v in box.split()] != [0, 0, 210, 297]:
        fail(f"Document.xml: page area {box!r} is not A4 in millimetres")
    max_id = int(common.findtext(NS + "MaxUnitID") or 0)
    fonts = {}
    for res in common.findall(NS + "PublicRes"):
        name = posixpath.join(base, res.text)
        used.add(name)
        r = parse(z, name)
        rbase = posixpath.join(posixpath.dirname(name), r.get("BaseLoc", ""))
        for f in r.iter(NS + "Font"):
            take_id(f, name)
            file = posixpath.join(rbase, f.findtext(NS + "FontFile"))
            data = z.read(file) if file in z.namelist() else fail(f"{name}: {file} is missing")
            if data[:4] not in (b"\0\1\0\0", b"true"):
                fail(f"{file}: not a TrueType font")
            used.add(file)
            fonts[f.get("ID")] = file
    if not fonts:
        fail("no fonts in PublicRes")
    page_ids = set()
    for pid, loc in page_list:
        take_id(next(p for p in doc.iter(NS + "Page") if p.get("ID") == pid), docroot)
        page_ids.add(pid)
        used.add(loc)
        page = parse(z, loc)
        for e in page.iter():
            take_id(e, loc)
            if e.tag == NS + "TextObject":
                if e.get("Font") not in fonts:
                    fail(f"{loc}: text object {e.get('ID')} names font {e.get('Font')}, not in PublicRes")
                for code in e.iter(NS + "TextCode"):
                    n = len(code.text or "")
                    d = code.get("DeltaX")
                    got = len(deltas(d)) if d else 0
                    if n and got != n - 1:
                        fail(f"{loc}: text object {e.get('ID')}: {n} glyphs, {got} DeltaX")
    if not page_list:
        fail("no pages")
    for elem in doc.iter(NS + "Dest"):
        if elem.get("PageID") not in page_ids:
            fail(f"Document.xml: outline goes to page {elem.get('PageID')}, which is not a page")
    biggest = max(int(i) for i in ids)
    if biggest > max_id:
        fail(f"ID {biggest} is above MaxUnitID {max_id}")
    left = sorted(set(z.namelist()) - used)
    if left:
        fail("parts nothing refers to: " + " ".join(left))
    outlines = [e.get("Title") for e in doc.iter(NS + "OutlineElem")]
    print(f"{len(page_list)} pages, {len(ids)} IDs, {len(fonts)} fonts, {len(outlines)} outline entries")


def text(path):
    z, docroot = package(path)
    _, _, page_list = pages(z, docroot)
    out = []
    for _, loc in page_list:
        page = parse(z, loc)
        out.append("\n".join("".join(c.text or "" for c in t.iter(NS + "TextCode"))
                             for t in page.iter(NS + "TextObject")))
    sys.stdout.write("\f".join(out) + "\f")


if __name__ == "__main__":
    if len(sys.argv) != 3 or sys.argv[1] not in ("walk", "text"):
        fail("usage: ofd_check.py walk|text FILE.ofd")
    {"walk": walk, "text": text}[sys.argv[1]](sys.argv[2])
