/* Reading and subsetting TrueType faces (see pdf_ttf.h).  The file is mapped,
 * so opening a 20 MB collection touches only the pages of the tables and
 * glyphs a report uses.  Every offset read from the file is checked against
 * the table it points into: a user's font may be damaged. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "pdf_ttf.h"
#include "util.h"

typedef struct span {
	uint32_t off, len;
} span;

enum { T_HEAD, T_HHEA, T_MAXP, T_HMTX, T_LOCA, T_GLYF, T_CMAP, T_OS2, T_POST, T_NAME,
       T_CVT, T_FPGM, T_PREP, T_COUNT };
static const char table_tags[T_COUNT][5] = {
	"head", "hhea", "maxp", "hmtx", "loca", "glyf", "cmap", "OS/2", "post", "name",
	"cvt ", "fpgm", "prep",
};
#define T_REQUIRED T_POST /* head … OS/2 must exist: libharu reads them all */

struct gir_ttf {
	const uint8_t *data;
	size_t size;
	span t[T_COUNT];
	unsigned upem, nglyphs, nhmetrics;
	int long_loca;
	const uint8_t *cmap4;   /* format 4 subtable (BMP), or NULL */
	const uint8_t *cmap12;  /* format 12 subtable (all planes), or NULL */
	const uint8_t *cmap_end;
	char name[64];
};

static uint16_t u16(const uint8_t *p)
{
	return (uint16_t)(p[0] << 8 | p[1]);
}

static uint32_t u32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static void put16(uint8_t *p, unsigned v)
{
	p[0] = (uint8_t)(v >> 8), p[1] = (uint8_t)v;
}

static void put32(uint8_t *p, uint32_t v)
{
	put16(p, v >> 16), put16(p + 2, v & 0xFFFF);
}

static const uint8_t *table(const gir_ttf *f, int t)
{
	return f->data + f->t[t].off;
}

/* ---- opening ---------------------------------------------------------------- */

static int fail(gir_buf *why, const char *msg)
{
	gir_buf_puts(why, msg);
	return -1;
}

/* Offset of the face's table directory, or -1. */
static long face_offset(const gir_ttf *f, unsigned index, gir_buf *why)
{
	if (f->size < 12)
		return fail(why, "is too short to be a font");
	if (memcmp(f->data, "ttcf", 4) == 0) {
		uint32_t n = u32(f->data + 8);
		if ((uint64_t)12 + 4 * (uint64_t)n > f->size)
			return fail(why, "is a damaged TrueType collection");
		if (index >= n) {
			gir_buf_printf(why, "has %u faces (index 0 to %u); there is no face %u", n, n - 1, index);
			return -1;
		}
		return (long)u32(f->data + 12 + 4 * index);
	}
	if (index != 0) {
		gir_buf_printf(why, "is a single TrueType font, not a collection: there is no face %u", index);
		return -1;
	}
	return 0;
}

static int read_directory(gir_ttf *f, long off, gir_buf *why)
{
	if ((size_t)off + 12 > f->size)
		return fail(why, "is a damaged font (table directory out of the file)");
	const uint8_t *d = f->data + off;
	uint32_t version = u32(d);
	if (memcmp(d, "OTTO", 4) == 0)
		return fail(why, "has PostScript (CFF) outlines; libharu embeds TrueType (glyf) outlines only");
	if (version != 0x00010000 && memcmp(d, "true", 4) != 0)
		return fail(why, "is not a TrueType font");
	unsigned n = u16(d + 4);
	if ((size_t)off + 12 + 16 * (size_t)n > f->size)
		return fail(why, "is a damaged font (table directory out of the file)");
	for (unsigned i = 0; i < n; i++) {
		const uint8_t *e = d + 12 + 16 * i;
		for (int t = 0; t < T_COUNT; t++)
			if (memcmp(e, table_tags[t], 4) == 0) {
				f->t[t].off = u32(e + 8), f->t[t].len = u32(e + 12);
				if ((uint64_t)f->t[t].off + f->t[t].len > f->size)
					return fail(why, "is a damaged font (a table lies outside the file)");
			}
	}
	for (int t = 0; t < T_REQUIRED; t++)
		if (!f->t[t].len) {
			gir_buf_printf(why, "has no '%s' table%s", table_tags[t],
			               t == T_GLYF || t == T_LOCA ? " (not TrueType outlines)" : "");
			return -1;
		}
	return 0;
}

static int read_metrics(gir_ttf *f, gir_buf *why)
{
	if (f->t[T_HEAD].len < 54 || f->t[T_HHEA].len < 36 || f->t[T_MAXP].len < 6 ||
	    f->t[T_OS2].len < 10)
		return fail(why, "is a damaged font (short head, hhea, maxp or OS/2 table)");
	f->upem = u16(table(f, T_HEAD) + 18);
	f->long_loca = u16(table(f, T_HEAD) + 50) != 0;
	f->nglyphs = u16(table(f, T_MAXP) + 4);
	f->nhmetrics = u16(table(f, T_HHEA) + 34);
	if (f->upem < 16 || f->nglyphs == 0 || f->nhmetrics == 0 || f->nhmetrics > f->nglyphs ||
	    f->t[T_HMTX].len < 4 * f->nhmetrics + 2 * (f->nglyphs - f->nhmetrics) ||
	    f->t[T_LOCA].len < (f->nglyphs + 1) * (f->long_loca ? 4u : 2u))
		return fail(why, "is a damaged font (metrics do not match the glyph count)");
	/* libharu refuses what the font's licence bits refuse; say so first. */
	unsigned fs_type = u16(table(f, T_OS2) + 8);
	if (fs_type & (0x0002 | 0x0100 | 0x0200)) {
		gir_buf_printf(why, "may not be embedded in a document: its licence bits (OS/2 fsType 0x%04x) "
		               "forbid embedding or subsetting", fs_type);
		return -1;
	}
	return 0;
}

/* Picks the Unicode cmap subtables: format 12 for every plane, format 4 for
 * the BMP. */
static void find_cmaps(gir_ttf *f)
{
	const uint8_t *c = table(f, T_CMAP);
	uint32_t len = f->t[T_CMAP].len;
	f->cmap_end = c + len;
	if (len < 4)
		return;
	unsigned n = u16(c + 2);
	for (unsigned i = 0; i < n && 4 + 8 * (i + 1) <= len; i++) {
		unsigned platform = u16(c + 4 + 8 * i), encoding = u16(c + 6 + 8 * i);
		uint32_t off = u32(c + 8 + 8 * i);
		if (off + 16 > len)
			continue;
		unsigned format = u16(c + off);
		int unicode = platform == 0 || (platform == 3 && (encoding == 1 || encoding == 10));
		if (!unicode)
			continue;
		if (format == 4 && !f->cmap4)
			f->cmap4 = c + off;
		else if (format == 12 && !f->cmap12 && off + 16 + 12 * (uint64_t)u32(c + off + 12) <= len)
			f->cmap12 = c + off;
	}
}

/* The PostScript name (name id 6), Macintosh or Windows record. */
static void read_name(gir_ttf *f)
{
	strcpy(f->name, "Font");
	const uint8_t *t = table(f, T_NAME);
	uint32_t len = f->t[T_NAME].len;
	if (len < 6)
		return;
	unsigned n = u16(t + 2), strings = u16(t + 4);
	for (unsigned i = 0; i < n && 6 + 12 * (i + 1) <= len; i++) {
		const uint8_t *r = t + 6 + 12 * i;
		unsigned platform = u16(r), id = u16(r + 6), l = u16(r + 8), o = u16(r + 10);
		if (id != 6 || (platform != 1 && platform != 3) || (uint64_t)strings + o + l > len)
			continue;
		const uint8_t *s = t + strings + o;
		int step = platform == 3 ? 2 : 1;
		size_t k = 0;
		for (unsigned j = step - 1; j < l && k + 1 < 40; j += step)
			if ((s[j] >= 'A' && s[j] <= 'Z') || (s[j] >= 'a' && s[j] <= 'z') ||
			    (s[j] >= '0' && s[j] <= '9') || s[j] == '-')
				f->name[k++] = (char)s[j];
		if (k) {
			f->name[k] = 0;
			return;
		}
	}
}

gir_ttf *gir_ttf_open(const char *path, unsigned index, gir_buf *why)
{
	int fd = open(path, O_RDONLY);
	if (fd < 0) {
		gir_buf_printf(why, "cannot be opened: %s", strerror(errno));
		return NULL;
	}
	struct stat st;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size < 12) {
		gir_buf_puts(why, "is not a font file");
		close(fd);
		return NULL;
	}
	void *map = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
	close(fd);
	if (map == MAP_FAILED) {
		gir_buf_printf(why, "cannot be read: %s", strerror(errno));
		return NULL;
	}
	gir_ttf *f = gir_xcalloc(1, sizeof *f);
	f->data = map, f->size = (size_t)st.st_size;
	long off = face_offset(f, index, why);
	if (off < 0 || read_directory(f, off, why) || read_metrics(f, why)) {
		gir_ttf_close(f);
		return NULL;
	}
	find_cmaps(f);
	if (!f->cmap4 && !f->cmap12) {
		gir_buf_puts(why, "has no Unicode character map");
		gir_ttf_close(f);
		return NULL;
	}
	read_name(f);
	return f;
}

void gir_ttf_close(gir_ttf *f)
{
	if (!f)
		return;
	munmap((void *)f->data, f->size);
	free(f);
}

/* ---- lookups ---------------------------------------------------------------- */

static unsigned glyph12(const gir_ttf *f, uint32_t cp)
{
	const uint8_t *g = f->cmap12 + 16;
	uint32_t lo = 0, hi = u32(f->cmap12 + 12);
	while (lo < hi) {
		uint32_t mid = (lo + hi) / 2;
		const uint8_t *e = g + 12 * mid;
		if (cp < u32(e))
			hi = mid;
		else if (cp > u32(e + 4))
			lo = mid + 1;
		else
			return u32(e + 8) + (cp - u32(e));
	}
	return 0;
}

static unsigned glyph4(const gir_ttf *f, uint32_t cp)
{
	const uint8_t *s = f->cmap4;
	unsigned seg = u16(s + 6) / 2;
	if (cp > 0xFFFF || s + 16 + 8 * (size_t)seg > f->cmap_end)
		return 0;
	const uint8_t *ends = s + 14, *starts = ends + 2 * seg + 2;
	const uint8_t *deltas = starts + 2 * seg, *ranges = deltas + 2 * seg;
	unsigned lo = 0, hi = seg;
	while (lo < hi) { /* first segment whose end is >= cp */
		unsigned mid = (lo + hi) / 2;
		if (u16(ends + 2 * mid) < cp)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == seg || u16(starts + 2 * lo) > cp)
		return 0;
	unsigned delta = u16(deltas + 2 * lo), ro = u16(ranges + 2 * lo);
	if (ro == 0)
		return (cp + delta) & 0xFFFF;
	const uint8_t *p = ranges + 2 * lo + ro + 2 * (cp - u16(starts + 2 * lo));
	if (p + 2 > f->cmap_end)
		return 0;
	unsigned g = u16(p);
	return g ? (g + delta) & 0xFFFF : 0;
}

unsigned gir_ttf_glyph(const gir_ttf *f, uint32_t cp)
{
	unsigned g = f->cmap12 ? glyph12(f, cp) : glyph4(f, cp);
	return g < f->nglyphs ? g : 0;
}

static unsigned raw_advance(const gir_ttf *f, unsigned g)
{
	unsigned i = g < f->nhmetrics ? g : f->nhmetrics - 1;
	return u16(table(f, T_HMTX) + 4 * i);
}

static int16_t lsb(const gir_ttf *f, unsigned g)
{
	const uint8_t *h = table(f, T_HMTX);
	if (g < f->nhmetrics)
		return (int16_t)u16(h + 4 * g + 2);
	return (int16_t)u16(h + 4 * f->nhmetrics + 2 * (g - f->nhmetrics));
}

int gir_ttf_advance(const gir_ttf *f, unsigned g)
{
	return (int)(raw_advance(f, g) * 1000u / f->upem);
}

int gir_ttf_ascent(const gir_ttf *f)
{
	return (int16_t)u16(table(f, T_HHEA) + 4) * 1000 / (int)f->upem;
}

int gir_ttf_descent(const gir_ttf *f)
{
	return (int16_t)u16(table(f, T_HHEA) + 6) * 1000 / (int)f->upem;
}

const char *gir_ttf_name(const gir_ttf *f)
{
	return f->name;
}

/* The bytes of a glyph's outline within glyf; empty for a blank glyph or a
 * bad loca entry. */
static span glyph_data(const gir_ttf *f, unsigned g)
{
	const uint8_t *l = table(f, T_LOCA);
	uint32_t a, b;
	if (f->long_loca)
		a = u32(l + 4 * g), b = u32(l + 4 * g + 4);
	else
		a = 2u * u16(l + 2 * g), b = 2u * u16(l + 2 * g + 2);
	if (b <= a || b > f->t[T_GLYF].len || b - a < 10)
		return (span){0, 0};
	return (span){f->t[T_GLYF].off + a, b - a};
}

/* ---- subsetting ------------------------------------------------------------- */

typedef struct glyph_map {
	unsigned *old_of;   /* new glyph → old glyph */
	unsigned *new_of;   /* old glyph → new glyph + 1, 0 when not taken */
	unsigned n;
} glyph_map;

static unsigned take(glyph_map *m, unsigned old)
{
	if (!m->new_of[old]) {
		m->old_of[m->n] = old;
		m->new_of[old] = ++m->n;
	}
	return m->new_of[old] - 1;
}

enum { ARG_WORDS = 0x1, HAVE_SCALE = 0x8, MORE = 0x20, HAVE_XY_SCALE = 0x40, HAVE_2X2 = 0x80 };

/* Walks the components of a composite glyph: calls back with the offset of
 * each component's glyph index.  Returns 0 for a simple glyph. */
static int components(const uint8_t *g, uint32_t len, uint32_t *offs, int cap)
{
	if (len < 10 || (int16_t)u16(g) >= 0)
		return 0;
	int n = 0;
	uint32_t p = 10;
	unsigned flags;
	do {
		if (p + 4 > len || n == cap)
			break;
		flags = u16(g + p);
		offs[n++] = p + 2;
		p += 4 + ((flags & ARG_WORDS) ? 4 : 2);
		p += (flags & HAVE_SCALE) ? 2 : (flags & HAVE_XY_SCALE) ? 4 : (flags & HAVE_2X2) ? 8 : 0;
	} while (flags & MORE);
	return n;
}

/* The glyphs of the code points, then every component they use. */
static void collect_glyphs(const gir_ttf *f, const uint32_t *cps, size_t n, glyph_map *m,
                           unsigned *cp_glyph)
{
	take(m, 0);
	for (size_t i = 0; i < n; i++) {
		unsigned g = gir_ttf_glyph(f, cps[i]);
		cp_glyph[i] = g ? take(m, g) : 0;
	}
	for (unsigned i = 0; i < m->n; i++) {
		span s = glyph_data(f, m->old_of[i]);
		uint32_t offs[64];
		int k = components(f->data + s.off, s.len, offs, 64);
		for (int j = 0; j < k; j++) {
			unsigned c = u16(f->data + s.off + offs[j]);
			if (c < f->nglyphs)
				take(m, c);
		}
	}
}

typedef struct tables {
	gir_buf t[T_COUNT];
} tables;

static void build_glyf(const gir_ttf *f, const glyph_map *m, tables *out)
{
	gir_buf *glyf = &out->t[T_GLYF], *loca = &out->t[T_LOCA], *hmtx = &out->t[T_HMTX];
	for (unsigned i = 0; i < m->n; i++) {
		uint8_t b[4];
		put32(b, (uint32_t)glyf->len);
		gir_buf_put(loca, (const char *)b, 4);
		unsigned old = m->old_of[i];
		/* .notdef one em wide: libharu makes glyph 0's width the PDF's
		 * default width (/DW), so CJK characters then need no /W entry. */
		put16(b, i == 0 ? f->upem : raw_advance(f, old));
		put16(b + 2, (uint16_t)lsb(f, old));
		gir_buf_put(hmtx, (const char *)b, 4);
		span s = glyph_data(f, old);
		size_t at = glyf->len;
		gir_buf_put(glyf, (const char *)f->data + s.off, s.len);
		uint32_t offs[64];
		int k = components(f->data + s.off, s.len, offs, 64);
		for (int j = 0; j < k; j++) {
			unsigned c = u16(f->data + s.off + offs[j]);
			put16((uint8_t *)glyf->ptr + at + offs[j], c < f->nglyphs ? m->new_of[c] - 1 : 0);
		}
		while (glyf->len % 4)
			gir_buf_putc(glyf, 0);
	}
	uint8_t b[4];
	put32(b, (uint32_t)glyf->len);
	gir_buf_put(loca, (const char *)b, 4);
}

/* Format 4 segments over the used code points.  Nearby code points share a
 * segment (holes map to glyph 0): libharu looks every BMP code point up with
 * a linear scan of the segments, so few segments keep that fast, while the
 * table must stay under 64 KB. */
static size_t cmap_segments(const uint32_t *cps, size_t n, uint32_t gap, uint32_t *start,
                            uint32_t *end, size_t *words)
{
	size_t s = 0;
	*words = 0;
	for (size_t i = 0; i < n; i++) {
		if (s && cps[i] - end[s - 1] <= gap) {
			end[s - 1] = cps[i];
			continue;
		}
		start[s] = end[s] = cps[i];
		s++;
	}
	for (size_t i = 0; i < s; i++)
		*words += end[i] - start[i] + 1;
	return s;
}

static void build_cmap(const uint32_t *cps, size_t n, const unsigned *glyph, gir_buf *out)
{
	uint32_t *start = gir_xcalloc(n + 1, sizeof *start), *end = gir_xcalloc(n + 1, sizeof *end);
	size_t words, segs;
	uint32_t gap = 1024;
	for (;;) {
		segs = cmap_segments(cps, n, gap, start, end, &words);
		if (16 + 8 * (segs + 1) + 2 * words <= 0xFFFF || gap == 0)
			break;
		gap /= 2;
	}
	start[segs] = end[segs] = 0xFFFF; /* the required last segment */
	size_t nseg = segs + 1, len = 16 + 8 * nseg + 2 * words;
	uint8_t *t = gir_xcalloc(12 + len, 1);
	put16(t + 2, 1);                           /* one subtable: */
	put16(t + 4, 3), put16(t + 6, 1), put32(t + 8, 12); /* Windows, Unicode BMP */
	uint8_t *s = t + 12;
	unsigned pow = 1, log = 0;
	while (pow * 2 <= nseg)
		pow *= 2, log++;
	put16(s, 4), put16(s + 2, (unsigned)len);
	put16(s + 6, 2 * (unsigned)nseg), put16(s + 8, 2 * pow), put16(s + 10, log);
	put16(s + 12, 2 * (unsigned)(nseg - pow));
	uint8_t *ends = s + 14, *starts = ends + 2 * nseg + 2, *deltas = starts + 2 * nseg;
	uint8_t *ranges = deltas + 2 * nseg, *ids = ranges + 2 * nseg;
	size_t k = 0, w = 0;
	for (size_t i = 0; i < nseg; i++) {
		put16(ends + 2 * i, end[i]), put16(starts + 2 * i, start[i]);
		if (i == segs) {
			put16(deltas + 2 * i, 1);
			continue;
		}
		put16(ranges + 2 * i, (unsigned)(ids + 2 * w - (ranges + 2 * i)));
		for (uint32_t cp = start[i]; cp <= end[i]; cp++, w++)
			if (k < n && cps[k] == cp)
				put16(ids + 2 * w, glyph[k++]);
	}
	gir_buf_put(out, (const char *)t, 12 + len);
	free(t);
	free(start);
	free(end);
}

static void put_name_record(gir_buf *recs, gir_buf *strings, unsigned id, const char *s)
{
	uint8_t r[12];
	size_t n = strlen(s);
	put16(r, 3), put16(r + 2, 1), put16(r + 4, 0x409), put16(r + 6, id);
	put16(r + 8, (unsigned)(2 * n)), put16(r + 10, (unsigned)strings->len);
	gir_buf_put(recs, (const char *)r, 12);
	for (size_t i = 0; i < n; i++) {
		gir_buf_putc(strings, 0);
		gir_buf_putc(strings, s[i]);
	}
}

/* A name table with family, style, full and PostScript names: all that
 * libharu reads (it names the font after id 6, plus id 2 unless "Regular"). */
static void build_name(const char *name, gir_buf *out)
{
	gir_buf recs = {0}, strings = {0};
	put_name_record(&recs, &strings, 1, name);
	put_name_record(&recs, &strings, 2, "Regular");
	put_name_record(&recs, &strings, 4, name);
	put_name_record(&recs, &strings, 6, name);
	uint8_t h[6];
	put16(h, 0), put16(h + 2, 4), put16(h + 4, (unsigned)(6 + recs.len));
	gir_buf_put(out, (const char *)h, 6);
	gir_buf_put(out, recs.ptr, recs.len);
	gir_buf_put(out, strings.ptr, strings.len);
	gir_buf_free(&recs);
	gir_buf_free(&strings);
}

static void copy_table(const gir_ttf *f, int t, gir_buf *out)
{
	gir_buf_put(out, (const char *)table(f, t), f->t[t].len);
}

static void build_fixed_tables(const gir_ttf *f, unsigned nglyphs, tables *o)
{
	copy_table(f, T_HEAD, &o->t[T_HEAD]);
	put32((uint8_t *)o->t[T_HEAD].ptr + 8, 0);  /* checkSumAdjustment, set at the end */
	put16((uint8_t *)o->t[T_HEAD].ptr + 50, 1); /* long loca */
	copy_table(f, T_HHEA, &o->t[T_HHEA]);
	put16((uint8_t *)o->t[T_HHEA].ptr + 34, nglyphs);
	copy_table(f, T_MAXP, &o->t[T_MAXP]);
	put16((uint8_t *)o->t[T_MAXP].ptr + 4, nglyphs);
	copy_table(f, T_OS2, &o->t[T_OS2]);
	uint8_t post[32] = {0};
	if (f->t[T_POST].len >= 32)
		memcpy(post, table(f, T_POST), 32);
	put32(post, 0x00030000); /* no glyph names */
	gir_buf_put(&o->t[T_POST], (const char *)post, 32);
	for (int t = T_CVT; t <= T_PREP; t++)
		copy_table(f, t, &o->t[t]);
}

static uint32_t checksum(const uint8_t *p, size_t n)
{
	uint32_t sum = 0;
	size_t i = 0;
	for (; i + 4 <= n; i += 4)
		sum += u32(p + i);
	if (i < n) {
		uint8_t w[4] = {0};
		memcpy(w, p + i, n - i);
		sum += u32(w);
	}
	return sum;
}

static int by_tag(const void *a, const void *b)
{
	return memcmp(table_tags[*(const int *)a], table_tags[*(const int *)b], 4);
}

/* The sfnt container: directory sorted by tag, tables 4-byte aligned. */
static void write_font(tables *o, gir_buf *out)
{
	int order[T_COUNT], n = 0;
	for (int t = 0; t < T_COUNT; t++)
		if (o->t[t].len)
			order[n++] = t;
	qsort(order, (size_t)n, sizeof *order, by_tag);
	unsigned pow = 1, log = 0;
	while (pow * 2 <= (unsigned)n)
		pow *= 2, log++;
	size_t base = out->len, dir = 12 + 16 * (size_t)n, at = dir, head_at = 0;
	uint8_t h[12];
	put32(h, 0x00010000), put16(h + 4, (unsigned)n), put16(h + 6, 16 * pow);
	put16(h + 8, log), put16(h + 10, 16 * ((unsigned)n - pow));
	gir_buf_put(out, (const char *)h, 12);
	for (int i = 0; i < n; i++) {
		gir_buf *t = &o->t[order[i]];
		uint8_t e[16];
		memcpy(e, table_tags[order[i]], 4);
		put32(e + 4, checksum((const uint8_t *)t->ptr, t->len));
		put32(e + 8, (uint32_t)at), put32(e + 12, (uint32_t)t->len);
		gir_buf_put(out, (const char *)e, 16);
		if (order[i] == T_HEAD)
			head_at = at;
		at += (t->len + 3) & ~(size_t)3;
	}
	for (int i = 0; i < n; i++) {
		gir_buf *t = &o->t[order[i]];
		gir_buf_put(out, t->ptr, t->len);
		while ((out->len - base) % 4)
			gir_buf_putc(out, 0);
	}
	uint8_t *font = (uint8_t *)out->ptr + base;
	put32(font + head_at + 8, 0xB1B0AFBAu - checksum(font, out->len - base));
}

void gir_ttf_subset(const gir_ttf *f, const uint32_t *cps, size_t n, const char *name,
                    gir_buf *out)
{
	glyph_map m = {gir_xcalloc(f->nglyphs, sizeof(unsigned)),
	               gir_xcalloc(f->nglyphs, sizeof(unsigned)), 0};
	unsigned *cp_glyph = gir_xcalloc(n + 1, sizeof *cp_glyph);
	collect_glyphs(f, cps, n, &m, cp_glyph);
	tables o;
	memset(&o, 0, sizeof o);
	build_glyf(f, &m, &o);
	build_cmap(cps, n, cp_glyph, &o.t[T_CMAP]);
	build_name(name, &o.t[T_NAME]);
	build_fixed_tables(f, m.n, &o);
	write_font(&o, out);
	for (int t = 0; t < T_COUNT; t++)
		gir_buf_free(&o.t[t]);
	free(cp_glyph);
	free(m.old_of);
	free(m.new_of);
}
