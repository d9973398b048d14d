/* TrueType faces on HarfBuzz (see pdf_ttf.h): hb_face/hb_font for the
 * lookups, hb-subset for the subsets.  HarfBuzz maps the file and sanitizes
 * every table it reads, so a damaged font cannot make us read out of it. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <hb-ot.h>
#include <hb-subset.h>

#include "pdf_ttf.h"
#include "util.h"

struct gir_ttf {
	hb_blob_t *blob;
	hb_face_t *face;
	hb_font_t *font;
	unsigned upem, nglyphs;
	char name[40];
	char family[64];      /* the family name in English, for the OFD's FamilyName */
	/* Glyph and advance of each BMP character once looked up: layout
	 * measures every character many times (balanced wrapping tries several
	 * widths), and a font cache keeps this table for every report of a
	 * build.  An entry is KNOWN | advance << 16 | glyph. */
	uint32_t *bmp;
};

#define KNOWN 0x80000000u

#define CMAP HB_TAG('c', 'm', 'a', 'p')
#define HMTX HB_TAG('h', 'm', 't', 'x')
#define NAME HB_TAG('n', 'a', 'm', 'e')
#define GLYF HB_TAG('g', 'l', 'y', 'f')

/* The tables libharu reads; the subsets have no others (no layout, vertical
 * metrics or bitmaps; no GSUB either, so it adds no glyphs). */
static const hb_tag_t kept_tags[] = {
	HB_TAG('h', 'e', 'a', 'd'), HB_TAG('h', 'h', 'e', 'a'), HB_TAG('m', 'a', 'x', 'p'), HMTX,
	HB_TAG('l', 'o', 'c', 'a'), GLYF, CMAP, HB_TAG('O', 'S', '/', '2'),
	HB_TAG('p', 'o', 's', 't'), NAME, HB_TAG('c', 'v', 't', ' '), HB_TAG('f', 'p', 'g', 'm'),
	HB_TAG('p', 'r', 'e', 'p'),
};
#define N_REQUIRED 8 /* head … OS/2 must exist in the font */

static unsigned table_len(hb_face_t *face, hb_tag_t tag)
{
	hb_blob_t *b = hb_face_reference_table(face, tag);
	unsigned n = hb_blob_get_length(b);
	hb_blob_destroy(b);
	return n;
}

static int fail(gir_buf *why, const char *msg)
{
	gir_buf_puts(why, msg);
	return -1;
}

/* The face, after what libharu needs of it has been checked. */
static int open_face(gir_ttf *f, unsigned index, gir_buf *why)
{
	unsigned len, count = hb_face_count(f->blob);
	const char *data = hb_blob_get_data(f->blob, &len);
	if (len >= 4 && memcmp(data, "ttcf", 4) == 0) {
		if (!count)
			return fail(why, "is a damaged TrueType collection");
		if (index >= count) {
			gir_buf_printf(why, "has %u faces (index 0 to %u); there is no face %u", count,
			               count - 1, index);
			return -1;
		}
	} else if (!count) {
		return fail(why, "is not a TrueType font");
	} else if (index) {
		gir_buf_printf(why, "is a single TrueType font, not a collection: there is no face %u",
		               index);
		return -1;
	}
	f->face = hb_face_create(f->blob, index);
	if (!table_len(f->face, GLYF) && (table_len(f->face, HB_TAG('C', 'F', 'F', ' ')) ||
	                                  table_len(f->face, HB_TAG('C', 'F', 'F', '2'))))
		return fail(why, "has PostScript (CFF) outlines; "
		                 "libharu embeds TrueType (glyf) outlines only");
	for (int t = 0; t < N_REQUIRED; t++)
		if (!table_len(f->face, kept_tags[t])) {
			char tag[4];
			hb_tag_to_string(kept_tags[t], tag);
			gir_buf_printf(why, "has no '%.4s' table%s", tag,
			               t == 4 || t == 5 ? " (not TrueType outlines)" : "");
			return -1;
		}
	/* libharu refuses what the font's licence bits refuse; say so first.
	 * (HarfBuzz has no call for fsType, the u16 at offset 8 of OS/2.) */
	hb_blob_t *os2 = hb_face_reference_table(f->face, HB_TAG('O', 'S', '/', '2'));
	const uint8_t *p = (const uint8_t *)hb_blob_get_data(os2, &len);
	unsigned fs_type = len >= 10 ? (unsigned)(p[8] << 8 | p[9]) : 0;
	hb_blob_destroy(os2);
	if (len < 10)
		return fail(why, "is a damaged font (short OS/2 table)");
	if (fs_type & (0x0002 | 0x0100 | 0x0200)) {
		gir_buf_printf(why, "may not be embedded in a document: its licence bits (OS/2 fsType "
		               "0x%04x) forbid embedding or subsetting", fs_type);
		return -1;
	}
	f->upem = hb_face_get_upem(f->face);
	f->nglyphs = hb_face_get_glyph_count(f->face);
	if (!f->nglyphs)
		return fail(why, "is a damaged font (no glyphs)");
	hb_set_t *u = hb_set_create();
	hb_face_collect_unicodes(f->face, u);
	int unicode = !hb_set_is_empty(u);
	hb_set_destroy(u);
	if (!unicode)
		return fail(why, "has no Unicode character map");
	f->font = hb_font_create(f->face);
	hb_font_set_scale(f->font, (int)f->upem, (int)f->upem); /* advances in font units */
	return 0;
}

/* The PostScript name, reduced to [A-Za-z0-9-]. */
static void read_name(gir_ttf *f)
{
	char s[256];
	unsigned n = sizeof s, k = 0;
	hb_ot_name_get_utf8(f->face, HB_OT_NAME_ID_POSTSCRIPT_NAME, HB_LANGUAGE_INVALID, &n, s);
	for (unsigned i = 0; i < n && k + 1 < sizeof f->name; i++)
		if ((s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= 'a' && s[i] <= 'z') ||
		    (s[i] >= '0' && s[i] <= '9') || s[i] == '-')
			f->name[k++] = s[i];
	strcpy(f->name + k, k ? "" : "Font");
	/* The family as readers look it up on their system ("AR PL UMing CN"):
	 * printable ASCII only, since it goes into XML and CSS unescaped. */
	n = sizeof s;
	hb_ot_name_get_utf8(f->face, HB_OT_NAME_ID_FONT_FAMILY, HB_LANGUAGE_INVALID,
	                    &n, s);
	k = 0;
	for (unsigned i = 0; i < n && k + 1 < sizeof f->family; i++)
		if (s[i] >= ' ' && s[i] <= '~' && !strchr("&<>\"'", s[i]))
			f->family[k++] = s[i];
	f->family[k] = 0;
	if (!k)
		strcpy(f->family, f->name);
}

gir_ttf *gir_ttf_open(const char *path, unsigned index, gir_buf *why)
{
	struct stat st;
	int fd = gir_open_regular(path); /* a FIFO would block, a device never end */
	if (fd < 0) {
		gir_buf_printf(why, "cannot be opened: %s", gir_file_strerror(errno));
		return NULL;
	}
	int regular = fstat(fd, &st) == 0 && st.st_size >= 12;
	close(fd);
	if (!regular) {
		gir_buf_puts(why, "is not a font file");
		return NULL;
	}
	gir_ttf *f = gir_xcalloc(1, sizeof *f);
	f->blob = hb_blob_create_from_file_or_fail(path); /* mapped, not read */
	if (!f->blob ? fail(why, "cannot be read") : open_face(f, index, why)) {
		gir_ttf_close(f);
		return NULL;
	}
	read_name(f);
	f->bmp = gir_xcalloc(0x10000, sizeof *f->bmp);
	return f;
}

void gir_ttf_close(gir_ttf *f)
{
	if (!f)
		return;
	free(f->bmp);
	hb_font_destroy(f->font);
	hb_face_destroy(f->face);
	hb_blob_destroy(f->blob);
	free(f);
}

static unsigned glyph_of(const gir_ttf *f, uint32_t cp)
{
	hb_codepoint_t g = 0;
	return hb_font_get_nominal_glyph(f->font, cp, &g) && g < f->nglyphs ? g : 0;
}

static unsigned advance_of(const gir_ttf *f, unsigned glyph)
{
	return (unsigned)hb_font_get_glyph_h_advance(f->font, glyph) * 1000u / f->upem;
}

/* The table entry of a BMP character, looked up on first use; 0 when its
 * advance is too wide to keep (a damaged font), so the caller asks HarfBuzz. */
static uint32_t bmp_entry(const gir_ttf *f, uint32_t cp)
{
	if (cp > 0xFFFF)
		return 0;
	uint32_t e = f->bmp[cp];
	if (!(e & KNOWN)) {
		unsigned g = glyph_of(f, cp), adv = advance_of(f, g);
		e = adv < 0x8000 ? KNOWN | adv << 16 | g : 0;
		f->bmp[cp] = e;
	}
	return e;
}

unsigned gir_ttf_glyph(const gir_ttf *f, uint32_t cp)
{
	uint32_t e = bmp_entry(f, cp);
	return e ? e & 0xFFFF : glyph_of(f, cp);
}

int gir_ttf_advance(const gir_ttf *f, uint32_t cp)
{
	uint32_t e = bmp_entry(f, cp);
	return (int)(e ? (e & ~KNOWN) >> 16 : advance_of(f, glyph_of(f, cp)));
}

static int metric(const gir_ttf *f, hb_ot_metrics_tag_t tag)
{
	hb_position_t v = 0;
	hb_ot_metrics_get_position(f->font, tag, &v);
	return v * 1000 / (int)f->upem;
}

int gir_ttf_ascent(const gir_ttf *f)
{
	return metric(f, HB_OT_METRICS_TAG_HORIZONTAL_ASCENDER);
}

int gir_ttf_descent(const gir_ttf *f)
{
	return metric(f, HB_OT_METRICS_TAG_HORIZONTAL_DESCENDER);
}

const char *gir_ttf_name(const gir_ttf *f)
{
	return f->name;
}

const char *gir_ttf_family(const gir_ttf *f)
{
	return f->family;
}

/* ---- subsetting ------------------------------------------------------------- */

static uint8_t *put(uint8_t *p, unsigned v)
{
	p[0] = (uint8_t)(v >> 8), p[1] = (uint8_t)v;
	return p + 2;
}

static hb_blob_t *blob_of(uint8_t *data, unsigned len)
{
	return hb_blob_create((const char *)data, len, HB_MEMORY_MODE_WRITABLE, data, free);
}

/* A name table with family, style, full and PostScript names, all `name`
 * (style "Regular"): what libharu reads — it names the font after id 6, plus
 * id 2 unless "Regular" — under the name we choose, which hb-subset cannot
 * give (it keeps the font's own, and libharu refuses two fonts of one name). */
static hb_blob_t *name_table(const char *name)
{
	const char *const s[4] = {name, "Regular", name, name};
	const unsigned ids[4] = {1, 2, 4, 6};
	unsigned len = 6 + 4 * 12 + 2 * (3 * (unsigned)strlen(name) + 7);
	uint8_t *t = gir_xcalloc(len, 1), *p = put(put(put(t, 0), 4), 6 + 4 * 12);
	for (unsigned i = 0, at = 0; i < 4; at += 2 * (unsigned)strlen(s[i++])) {
		p = put(put(put(put(p, 3), 1), 0x409), ids[i]); /* Windows, Unicode, en-US */
		p = put(put(p, 2 * (unsigned)strlen(s[i])), at);
	}
	for (int i = 0; i < 4; i++)
		for (const char *c = s[i]; *c; c++)
			p = put(p, (unsigned char)*c); /* UTF-16BE of ASCII */
	return blob_of(t, len);
}

/* A cmap of one format 4 subtable (Windows, Unicode BMP) whose segments span
 * nearby code points, holes mapping to glyph 0.  hb-subset writes one segment
 * per run of consecutive characters, 300 or more for UMing in a report;
 * libharu looks each of the 65,536 BMP code points up with a linear scan of
 * the segments, which then costs it about 10 ms.  Few segments keep that
 * fast, while the table must stay under 64 KB. */
static hb_blob_t *cmap_table(const uint32_t *cps, const unsigned *glyph, size_t n)
{
	uint32_t *start = gir_xcalloc(n + 1, sizeof *start), *end = gir_xcalloc(n + 1, sizeof *end);
	size_t segs, words;
	for (uint32_t gap = 1024;; gap /= 2) {
		segs = words = 0;
		for (size_t i = 0; i < n; i++)
			if (segs && cps[i] - end[segs - 1] <= gap)
				end[segs - 1] = cps[i];
			else
				start[segs] = end[segs] = cps[i], segs++;
		for (size_t i = 0; i < segs; i++)
			words += end[i] - start[i] + 1;
		if (16 + 8 * (segs + 1) + 2 * words <= 0xFFFF || gap == 0)
			break;
	}
	start[segs] = end[segs] = 0xFFFF; /* the required last segment, to glyph 0 */
	unsigned nseg = (unsigned)segs + 1, len = 16 + 8 * nseg + 2 * (unsigned)words;
	unsigned pow = 1, log = 0;
	while (pow * 2 <= nseg)
		pow *= 2, log++;
	uint8_t *t = gir_xcalloc(12 + len, 1), *p = t;
	p = put(put(put(put(put(put(p, 0), 1), 3), 1), 0), 12); /* one subtable: Windows, BMP */
	p = put(put(put(put(put(put(put(p, 4), len), 0), 2 * nseg), 2 * pow), log), 2 * (nseg - pow));
	for (unsigned i = 0; i < nseg; i++)
		p = put(p, end[i]);
	p += 2;
	for (unsigned i = 0; i < nseg; i++)
		p = put(p, start[i]);
	for (unsigned i = 0; i < nseg; i++)
		p = put(p, i == segs); /* idDelta */
	for (unsigned i = 0, w = 0; i < nseg; w += end[i] - start[i] + 1, i++)
		p = put(p, i == segs ? 0 : 2 * (nseg - i + w)); /* idRangeOffset */
	for (size_t i = 0, k = 0; i < segs; i++)
		for (uint32_t cp = start[i]; cp <= end[i]; cp++)
			p = put(p, k < n && cps[k] == cp ? glyph[k++] : 0);
	free(start);
	free(end);
	return blob_of(t, 12 + len);
}

static void drop_unless_kept(hb_tag_t tag, hb_set_t *drop)
{
	for (size_t k = 0; k < GIR_ARRAY_LEN(kept_tags); k++)
		if (kept_tags[k] == tag)
			return;
	hb_set_add(drop, tag);
}

/* hmtx with glyph 0's advance set to `width`. */
static hb_blob_t *widen_notdef(hb_blob_t *hmtx, unsigned width)
{
	unsigned len;
	hb_blob_t *copy = hb_blob_create_sub_blob(hmtx, 0, hb_blob_get_length(hmtx));
	hb_blob_destroy(hmtx);
	uint8_t *m = (uint8_t *)hb_blob_get_data_writable(copy, &len); /* copies it */
	if (m && len >= 2)
		m[0] = (uint8_t)(width >> 8), m[1] = (uint8_t)width;
	return copy;
}

int gir_ttf_subset(const gir_ttf *f, const uint32_t *cps, size_t n, const char *name,
                   gir_buf *out, unsigned *glyphs)
{
	hb_subset_input_t *in = hb_subset_input_create_or_fail();
	if (!in)
		return -1;
	/* Glyph names and hinting go by hb-subset's defaults (dropped, kept);
	 * .notdef keeps its outline, the box drawn for a missing character. */
	hb_subset_input_set_flags(in, HB_SUBSET_FLAGS_NOTDEF_OUTLINE);
	hb_set_t *unicodes = hb_subset_input_unicode_set(in);
	for (size_t i = 0; i < n; i++)
		hb_set_add(unicodes, cps[i]);
	/* hb-subset drops the tables libharu does not read, and writes no cmap
	 * and name: ours replace them. */
	hb_set_t *drop = hb_subset_input_set(in, HB_SUBSET_SETS_DROP_TABLE_TAG);
	hb_tag_t tags[32];
	unsigned count = GIR_ARRAY_LEN(tags);
	for (unsigned start = 0; count == GIR_ARRAY_LEN(tags); start += count) {
		hb_face_get_table_tags(f->face, start, &count, tags);
		for (unsigned i = 0; i < count; i++)
			drop_unless_kept(tags[i], drop);
	}
	hb_set_add(drop, CMAP), hb_set_add(drop, NAME);
	hb_subset_plan_t *plan = hb_subset_plan_create_or_fail(f->face, in);
	hb_subset_input_destroy(in);
	hb_face_t *sub = plan ? hb_subset_plan_execute_or_fail(plan) : NULL;
	if (!sub) {
		hb_subset_plan_destroy(plan);
		return -1;
	}
	unsigned *glyph = gir_xcalloc(n + 1, sizeof *glyph); /* of each code point in the subset */
	const hb_map_t *old_of = hb_subset_plan_unicode_to_old_glyph_mapping(plan);
	const hb_map_t *new_of = hb_subset_plan_old_to_new_glyph_mapping(plan);
	for (size_t i = 0; i < n; i++) {
		hb_codepoint_t g = hb_map_get(new_of, hb_map_get(old_of, cps[i]));
		glyph[i] = g == HB_MAP_VALUE_INVALID ? 0 : g;
	}
	hb_subset_plan_destroy(plan);
	/* .notdef one em wide: libharu makes glyph 0's width the PDF's default
	 * width (/DW), so CJK characters then need no /W entry.  Not when glyph
	 * 0's width is also that of the glyphs after the last long metric
	 * (hhea numberOfHMetrics 1). */
	unsigned len;
	hb_blob_t *hhea = hb_face_reference_table(sub, HB_TAG('h', 'h', 'e', 'a'));
	const uint8_t *h = (const uint8_t *)hb_blob_get_data(hhea, &len);
	int widen = len >= 36 && (h[34] << 8 | h[35]) > 1;
	hb_blob_destroy(hhea);
	hb_face_t *font = hb_face_builder_create();
	for (size_t i = 0; i < GIR_ARRAY_LEN(kept_tags); i++) { /* (a subset lists no tags) */
		hb_tag_t tag = kept_tags[i];
		hb_blob_t *t = tag == CMAP ? cmap_table(cps, glyph, n) : tag == NAME ? name_table(name)
		               : hb_face_reference_table(sub, tag);
		if (tag == HMTX && widen)
			t = widen_notdef(t, f->upem);
		if (hb_blob_get_length(t))
			hb_face_builder_add_table(font, tag, t);
		hb_blob_destroy(t);
	}
	hb_blob_t *blob = hb_face_reference_blob(font);
	const char *data = hb_blob_get_data(blob, &len);
	gir_buf_put(out, data, len);
	hb_blob_destroy(blob);
	hb_face_destroy(font);
	hb_face_destroy(sub);
	if (glyphs)
		memcpy(glyphs, glyph, n * sizeof *glyph);
	free(glyph);
	return len ? 0 : -1;
}
