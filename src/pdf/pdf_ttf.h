/* TrueType faces for the PDF renderer, on HarfBuzz: one face of a .ttf or
 * .ttc file, mapped read-only, with the glyph lookups that layout needs and
 * a subset (hb-subset) holding only the glyphs a report uses.
 *
 * Why subset before libharu: libharu 2.3 "subsets" by dropping unused glyph
 * outlines but keeps the whole cmap, hmtx and loca tables and writes a width
 * for every code point of the font, so one CJK face costs 300–400 KB and
 * 70–120 ms per PDF.  Handing libharu a font that is already a subset makes
 * the same code path cheap. */
#ifndef GIR_PDF_TTF_H
#define GIR_PDF_TTF_H

#include <stddef.h>
#include <stdint.h>

#include "gireport.h"

typedef struct gir_ttf gir_ttf;

/* Opens face `index` of a TrueType file or collection.  On failure returns
 * NULL and puts the reason into `why`, worded to follow the file's name
 * ("cannot be opened: …", "is not a TrueType font"). */
gir_ttf *gir_ttf_open(const char *path, unsigned index, gir_buf *why);
void gir_ttf_close(gir_ttf *f);

/* Glyph of a code point, 0 (.notdef) when the face has none. */
unsigned gir_ttf_glyph(const gir_ttf *f, uint32_t cp);
/* Advance width of a code point's glyph in thousandths of an em, truncated
 * as libharu does, so that layout and the PDF's /W widths agree exactly. */
int gir_ttf_advance(const gir_ttf *f, uint32_t cp);
/* Ascender and descender (negative) in thousandths of an em, as HarfBuzz
 * gives them (hhea, or OS/2 typo metrics when the font asks for those). */
int gir_ttf_ascent(const gir_ttf *f);
int gir_ttf_descent(const gir_ttf *f);
/* PostScript name, reduced to [A-Za-z0-9-]. */
const char *gir_ttf_name(const gir_ttf *f);
/* Family name in English (name id 1), printable ASCII without & < > " ' \\,
 * the PostScript name when it has none. */
const char *gir_ttf_family(const gir_ttf *f);

/* Writes a TrueType font with the glyphs of the given BMP code points (and
 * the components of composite glyphs), named `name`, holding the tables
 * libharu reads.  Code points must be sorted and unique.  The output depends
 * on nothing but the inputs.  When `glyphs` is given (n entries), it gets
 * each code point's glyph in the subset (0 for none).  Returns 0, or -1
 * when HarfBuzz cannot subset the face. */
int gir_ttf_subset(const gir_ttf *f, const uint32_t *cps, size_t n, const char *name,
                   gir_buf *out, unsigned *glyphs);

#endif
