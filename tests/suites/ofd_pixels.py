#!/usr/bin/env python3
"""Mean pixel difference of two pictures of a page (tests/suites/ofd.sh).

  ofd_pixels.py A.png B.pgm

A is Chromium's screenshot of the page as ofd.js draws it (8-bit RGB or
RGBA PNG), B pdftoppm's picture of the PDF page (-gray: binary PGM), both
840 x 1188 pixels (4 px a millimetre).  Both become grey levels averaged over
blocks of 4 x 4 pixels, a millimetre square: the small blur that forgives
what two rasterisers always differ in (anti-aliasing, a glyph's hinting, a
rule half a pixel off) but not a line of text out of place, which moves
whole blocks from white to grey.  Prints the mean absolute difference of
the blocks, 0 (the same) to 255 (black on white everywhere), and the share
of blocks differing by more than 64.  Python's standard library only: the
PNG is inflated with zlib and unfiltered here."""
import struct
import sys
import zlib

BLOCK = 4


def paeth(a, b, c):
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    return a if pa <= pb and pa <= pc else b if pb <= pc else c


def read_png(path):
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        sys.exit(f"{path}: not a PNG")
    pos, idat, w = 8, b"", 0
    while pos < len(data):
        n, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + n]
        if kind == b"IHDR":
            w, h, depth, ctype, _, _, interlace = struct.unpack(">IIBBBBB", body)
            if depth != 8 or ctype not in (0, 2, 6) or interlace:
                sys.exit(f"{path}: only 8-bit grey, RGB or RGBA PNGs without interlacing")
            bpp = {0: 1, 2: 3, 6: 4}[ctype]
        elif kind == b"IDAT":
            idat += body
        pos += 12 + n
    raw = zlib.decompress(idat)
    stride = w * bpp
    rows, prev = [], bytearray(stride)
    for y in range(h):
        f = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            if f == 1:
                line[i] = (line[i] + a) & 255
            elif f == 2:
                line[i] = (line[i] + b) & 255
            elif f == 3:
                line[i] = (line[i] + ((a + b) >> 1)) & 255
            elif f == 4:
                line[i] = (line[i] + paeth(a, b, c)) & 255
        rows.append(line)
        prev = line
    if bpp == 1:
        return w, h, rows
    grey = []
    for line in rows:  # ITU-R 601 luma, as pdftoppm -gray
        grey.append(bytes((299 * line[i] + 587 * line[i + 1] + 114 * line[i + 2]) // 1000
                          for i in range(0, stride, bpp)))
    return w, h, grey


def read_pgm(path):
    data = open(path, "rb").read()
    fields, pos = [], 0
    while len(fields) < 4:
        while data[pos:pos + 1].isspace():
            pos += 1
        start = pos
        while not data[pos:pos + 1].isspace():
            pos += 1
        fields.append(data[start:pos])
    if fields[0] != b"P5" or fields[3] != b"255":
        sys.exit(f"{path}: not an 8-bit binary PGM")
    w, h = int(fields[1]), int(fields[2])
    pos += 1
    return w, h, [data[pos + y * w:pos + (y + 1) * w] for y in range(h)]


def blocks(w, h, rows):
    out = []
    for by in range(h // BLOCK):
        sums = [0] * (w // BLOCK)
        for y in range(by * BLOCK, by * BLOCK + BLOCK):
            line = rows[y]
            for bx in range(w // BLOCK):
                sums[bx] += sum(line[bx * BLOCK:bx * BLOCK + BLOCK])
        out.extend(s / (BLOCK * BLOCK) for s in sums)
    return out


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: ofd_pixels.py A.png B.pgm")
    wa, ha, a = read_png(sys.argv[1])
    wb, hb, b = read_pgm(sys.argv[2])
    if (wa, ha) != (wb, hb):
        sys.exit(f"sizes differ: {wa}x{ha} and {wb}x{hb}")
    ba, bb = blocks(wa, ha, a), blocks(wb, hb, b)
    diffs = [abs(x - y) for x, y in zip(ba, bb)]
    print(f"{sum(diffs) / len(diffs):.2f} {sum(d > 64 for d in diffs) / len(diffs):.4f}")


if __name__ == "__main__":
    main()
