/* What libharu writes, mended, with its fonts embedded, and compressed: a
 * pass over the bytes of the finished document, using only libharu's
 * documented interface (hpdf.h, to get the bytes) and libdeflate's and
 * zlib's (to compress and inflate them).
 *
 * The bug.  For a TrueType font used with its UTF-8 encoder, libharu 2.3.0
 * (src/hpdf_font_cid.c, Type0Font_New calling CreateCMap) writes as the
 * font's /ToUnicode the same CID CMap it would use as an encoding:
 * "begincidrange <0000> <FFFF> 0", with /Type /CMap, /CIDSystemInfo and
 * /WMode.  A ToUnicode CMap maps codes to Unicode with bfchar/bfrange
 * (PDF 1.7, 9.10.3); poppler says "Invalid 'begincidrange' operator in
 * ToUnicode CMap" and text extraction and copying rely on its guess.  The
 * codes drawn with that encoder are the characters' own UCS-2 values, so the
 * right map is the identity: "<XX00> <XXFF> <XX00>" for each high byte of
 * the characters drawn (not one range over 0000-FFFF, which some readers take
 * for a placeholder).
 * libharu 2.4.6, the latest release (2025), writes the same; no upstream fix
 * exists.  docs/libharu-patches/0001-tounicode-bfrange.patch is the fix to
 * send.  tests/unit/harufix_test.c fails when libharu stops writing the bad
 * map (the workaround is then no longer needed) and when the mended map is
 * not what a reader needs.
 *
 * Compression.  libharu compresses with zlib's default level (6) and has no
 * setting for it, and copies every stream byte by byte on the way.  It is
 * asked for an uncompressed document instead, and this pass compresses each
 * stream itself, in the zlib format PDF's FlateDecode reads, with libdeflate
 * (a whole-buffer compressor, about twice as fast as zlib for the same size;
 * docs/pdf.md has the figures).  zlib still inflates a ToUnicode stream that
 * comes compressed.
 *
 * Fonts.  Embedding a TrueType font, libharu copies it into the document
 * four bytes at a time, reads it back four at a time for its checksums, and
 * writes a CIDToGIDMap of all 65,536 codes two bytes at a time: 40% of a
 * report's instructions.  The renderer loads its subsets without embedding
 * (pdf_fonts.c), and this pass adds each font's FontFile2 and CIDToGIDMap as
 * new objects after libharu's, naming them in the FontDescriptor and the
 * CIDFontType2 that carry the font's name (place_fonts).
 *
 * The pass reads exactly the layout libharu 2.3 writes: one cross-reference
 * table with 20-byte entries, objects "N 0 obj" in increasing offsets, stream
 * lengths as indirect objects ("/Length N 0 R").  Anything else is refused
 * with a reason, never guessed at. */
#define _GNU_SOURCE /* memmem */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <libdeflate.h>
#include <zlib.h>

#include "pdf.h"
#include "util.h"

/* libdeflate's fastest level: a report to txt, md and pdf takes 10 M fewer
 * instructions than at its level 4 (of 122 M), for 3% more bytes, and is
 * still smaller than with zlib's level 3, used until December 2026
 * (lvyuan-tongji-2020: 111.9 KB; 108.7 KB at level 4, 114.3 KB with zlib). */
#define PDF_DEFLATE_LEVEL 1
#define XREF_ENTRY 20

typedef struct haru_obj {
	unsigned num;
	size_t off, end;          /* the object's bytes in the input */
	size_t dict, dict_end;    /* a stream's dictionary, "<<" to just past ">>" */
	size_t data, data_len;    /* a stream's data */
	unsigned length_obj;      /* the object holding the stream's length, or 0 */
	int tounicode;            /* named by some font's /ToUnicode */
	gir_buf out;              /* the stream's new data when it changes */
	int changed, filtered;
	long long new_length;     /* for a length object: the value to write, or -1 */
	unsigned add_ref;         /* a font's object to name in this dictionary, or 0 */
	const char *add_key;      /* under this key: /FontFile2 or /CIDToGIDMap */
} haru_obj;

typedef struct haru_doc {
	const char *in;
	size_t n;
	size_t xref, entries, trailer, trailer_end;
	haru_obj *objs;           /* in order of offset */
	size_t nobjs;
	size_t *by_num;           /* object number -> index in objs + 1, 0 for none */
	unsigned size;            /* entries in the cross-reference table */
	struct libdeflate_compressor *z; /* one for every stream of the document */
	const pdf_embed *const *fonts;   /* embedded here, not by libharu */
	size_t nfonts;
	gir_buf *font_data;       /* each font's FontFile2 then CIDToGIDMap, compressed */
} haru_doc;

static const char *find(const char *s, size_t n, const char *what)
{
	return memmem(s, n, what, strlen(what));
}

/* The unsigned number at s (digits only), or -1 when there is none or it
 * does not fit; *end is set past it. */
static long long number_at(const char *s, const char *lim, const char **end)
{
	long long v = 0;
	const char *p = s;
	while (p < lim && *p >= '0' && *p <= '9' && v < 1000000000000LL)
		v = v * 10 + (*p++ - '0');
	*end = p;
	return p == s || (p < lim && *p >= '0' && *p <= '9') ? -1 : v;
}

static int is_space(char c)
{
	return c == ' ' || c == '\r' || c == '\n' || c == '\t';
}

/* "N 0 R" after a key in the text [s, lim); 0 when absent or malformed. */
static unsigned ref_after(const char *s, const char *lim, const char *key)
{
	const char *k = find(s, (size_t)(lim - s), key), *p;
	if (!k)
		return 0;
	p = k + strlen(key);
	while (p < lim && is_space(*p))
		p++;
	long long v = number_at(p, lim, &p);
	if (v <= 0 || v > 0x7FFFFFFF || lim - p < 4 || memcmp(p, " 0 R", 4) != 0)
		return 0;
	return (unsigned)v;
}

static int by_offset(const void *a, const void *b)
{
	const haru_obj *x = a, *y = b;
	return x->off < y->off ? -1 : x->off > y->off;
}

/* The cross-reference table and trailer; fills doc->objs in offset order. */
static int read_xref(haru_doc *doc, gir_buf *why)
{
	const char *in = doc->in, *lim = in + doc->n, *p;
	size_t tail = doc->n > 64 ? doc->n - 64 : 0;
	const char *sx = NULL;
	for (const char *s = in + tail; (s = find(s, (size_t)(lim - s), "startxref")); s++)
		sx = s;
	if (!sx)
		return gir_buf_puts(why, "no startxref"), -1;
	p = sx + 9;
	while (p < lim && is_space(*p))
		p++;
	long long xref = number_at(p, lim, &p);
	if (xref < 0 || (size_t)xref >= doc->n || doc->n - (size_t)xref < 8 ||
	    memcmp(in + xref, "xref", 4) != 0)
		return gir_buf_puts(why, "startxref does not point at a cross-reference table"), -1;
	doc->xref = (size_t)xref;
	p = in + xref + 4;
	while (p < lim && is_space(*p))
		p++;
	long long first = number_at(p, lim, &p);
	if (first != 0 || p >= lim || *p != ' ')
		return gir_buf_puts(why, "the cross-reference table does not start at object 0"), -1;
	long long count = number_at(p + 1, lim, &p);
	while (p < lim && is_space(*p))
		p++;
	if (count < 1 || count > 1000000 || (size_t)(lim - p) / XREF_ENTRY < (size_t)count)
		return gir_buf_puts(why, "the cross-reference table is cut short"), -1;
	doc->size = (unsigned)count;
	doc->entries = (size_t)(p - in);
	doc->objs = gir_xcalloc((size_t)count, sizeof *doc->objs);
	doc->by_num = gir_xcalloc((size_t)count, sizeof *doc->by_num);
	for (unsigned i = 0; i < doc->size; i++, p += XREF_ENTRY) {
		const char *e;
		long long off = number_at(p, p + 10, &e);
		if (off < 0 || e != p + 10 || (p[17] != 'n' && p[17] != 'f'))
			return gir_buf_printf(why, "cross-reference entry %u is malformed", i), -1;
		if (p[17] == 'n') {
			if ((size_t)off >= doc->xref)
				return gir_buf_printf(why, "object %u lies past the table", i), -1;
			doc->objs[doc->nobjs++] = (haru_obj){.num = i, .off = (size_t)off, .new_length = -1};
		}
	}
	doc->trailer = (size_t)(p - in);
	if (doc->n - doc->trailer < 7 || memcmp(p, "trailer", 7) != 0)
		return gir_buf_puts(why, "no trailer after the cross-reference table"), -1;
	doc->trailer_end = (size_t)(sx - in);
	qsort(doc->objs, doc->nobjs, sizeof *doc->objs, by_offset);
	for (size_t i = 0; i < doc->nobjs; i++) {
		doc->objs[i].end = i + 1 < doc->nobjs ? doc->objs[i + 1].off : doc->xref;
		doc->by_num[doc->objs[i].num] = i + 1;
	}
	return 0;
}

/* An object's header, its stream (when it has one), the /ToUnicode it names. */
static int read_object(haru_doc *doc, haru_obj *o, gir_buf *why)
{
	const char *s = doc->in + o->off, *lim = doc->in + o->end, *p;
	long long num = number_at(s, lim, &p);
	if (num != o->num || lim - p < 6 || memcmp(p, " 0 obj", 6) != 0)
		return gir_buf_printf(why, "object %u is not where the table says", o->num), -1;
	const char *st = find(p, (size_t)(lim - p), ">>\nstream\r\n");
	const char *body_end = st ? st + 2 : lim;
	unsigned tu = ref_after(p, body_end, "/ToUnicode");
	if (tu && tu < doc->size && doc->by_num[tu])
		doc->objs[doc->by_num[tu] - 1].tounicode = 1;
	if (!st)
		return 0;
	const char *d = find(p, (size_t)(st - p), "<<");
	o->dict = (size_t)(d - doc->in);
	o->dict_end = (size_t)(st + 2 - doc->in);
	o->data = (size_t)(st + 11 - doc->in);
	o->length_obj = ref_after(d, st + 2, "/Length");
	if (!o->length_obj || o->length_obj >= doc->size || !doc->by_num[o->length_obj])
		return gir_buf_printf(why, "stream %u has no indirect /Length", o->num), -1;
	const haru_obj *lo = &doc->objs[doc->by_num[o->length_obj] - 1];
	const char *q = find(doc->in + lo->off, lo->end - lo->off, "obj\n");
	long long len = q ? number_at(q + 4, doc->in + lo->end, &q) : -1;
	if (len < 0 || (size_t)len > o->end - o->data)
		return gir_buf_printf(why, "stream %u has a bad length", o->num), -1;
	o->data_len = (size_t)len;
	return 0;
}

static int inflate_all(const char *in, size_t n, gir_buf *out)
{
	z_stream z = {0};
	if (inflateInit(&z) != Z_OK)
		return -1;
	z.next_in = (Bytef *)in;
	z.avail_in = (uInt)n;
	int rc;
	do {
		if (out->cap - out->len < 4096) {
			out->cap = out->cap * 2 + 4096;
			out->ptr = gir_xrealloc(out->ptr, out->cap);
		}
		z.next_out = (Bytef *)out->ptr + out->len;
		z.avail_out = (uInt)(out->cap - out->len - 1);
		rc = inflate(&z, Z_NO_FLUSH);
		out->len = out->cap - 1 - z.avail_out;
	} while (rc == Z_OK);
	inflateEnd(&z);
	out->ptr[out->len] = 0;
	return rc == Z_STREAM_END ? 0 : -1;
}

/* libdeflate fails only for want of memory (its compressor is allocated
 * once, in pdf_harufix) or when the output does not fit the bound it gave:
 * reported, as libraries' failures are (gireport.h, "Out of memory"). */
static int deflate_into(haru_doc *doc, const char *in, size_t n, gir_buf *out, gir_buf *why)
{
	size_t bound = libdeflate_zlib_compress_bound(doc->z, n);
	gir_buf_clear(out);
	if (out->cap < bound + 1) {
		out->ptr = gir_xrealloc(out->ptr, bound + 1);
		out->cap = bound + 1;
	}
	size_t len = libdeflate_zlib_compress(doc->z, in, n, out->ptr, bound);
	if (!len)
		return gir_buf_puts(why, "libdeflate could not compress a stream"), -1;
	out->len = len;
	return 0;
}

/* The identity over the high bytes marked in `high` (a 256-bit set), or
 * over all of them when it is NULL. */
static void tounicode_identity(const uint8_t *high, gir_buf *out)
{
	gir_buf_puts(out, "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
	                  "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
	                  "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
	                  "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
	/* Every high byte but the surrogates' (D8-DF), 100 ranges a block. */
	unsigned hi[248], n = 0;
	for (unsigned h = 0; h < 256; h++)
		if ((h < 0xD8 || h > 0xDF) && (!high || high[h >> 3] & (1u << (h & 7))))
			hi[n++] = h;
	if (!n) /* nothing drawn: one range, for a valid map */
		hi[n++] = 0;
	for (unsigned i = 0; i < n; i += 100) {
		unsigned k = n - i < 100 ? n - i : 100;
		gir_buf_printf(out, "%u beginbfrange\n", k);
		for (unsigned j = i; j < i + k; j++)
			gir_buf_printf(out, "<%02X00> <%02XFF> <%02X00>\n", hi[j], hi[j], hi[j]);
		gir_buf_puts(out, "endbfrange\n");
	}
	gir_buf_puts(out, "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
}

/* A /ToUnicode stream: replaced by the identity when it is libharu's CID
 * CMap; left alone when it is already a ToUnicode map. */
static int mend_tounicode(haru_doc *doc, haru_obj *o, int flate, const uint8_t *high,
                          gir_buf *why)
{
	gir_buf raw = {0};
	const char *data = doc->in + o->data;
	size_t len = o->data_len;
	if (flate) {
		if (inflate_all(data, len, &raw) != 0) {
			gir_buf_free(&raw);
			return gir_buf_printf(why, "ToUnicode stream %u does not inflate", o->num), -1;
		}
		data = raw.ptr, len = raw.len;
	}
	int bad = find(data, len, "begincidrange") != NULL;
	gir_buf_free(&raw);
	if (!bad)
		return 0;
	gir_buf cmap = {0};
	tounicode_identity(high, &cmap);
	int rc = deflate_into(doc, cmap.ptr, cmap.len, &o->out, why);
	gir_buf_free(&cmap);
	o->changed = o->filtered = 1;
	return rc;
}

/* ---- fonts embedded here ------------------------------------------------------ */

/* True when the dictionary text [s, lim) has `key` followed by the name
 * `/name` (ended by white space or a delimiter, not by more of a name). */
static int has_name(const char *s, const char *lim, const char *key, const char *name)
{
	size_t kn = strlen(key), nn = strlen(name);
	for (const char *k = s; (k = find(k, (size_t)(lim - k), key)); k += kn) {
		const char *p = k + kn;
		while (p < lim && is_space(*p))
			p++;
		if (lim - p > (ptrdiff_t)nn && *p == '/' && memcmp(p + 1, name, nn) == 0 &&
		    (p + 1 + nn == lim || strchr(" \t\r\n/<>[]()", p[1 + nn])))
			return 1;
	}
	return 0;
}

/* The one dictionary object (not a stream) that is of `type` and names the
 * font under `key`; its index in doc->objs, or -1 when there is not exactly
 * one. */
static long font_dict(const haru_doc *doc, const char *type, const char *key, const char *name)
{
	long found = -1;
	for (size_t i = 0; i < doc->nobjs; i++) {
		const haru_obj *o = &doc->objs[i];
		const char *s = doc->in + o->off, *lim = doc->in + o->end;
		if (o->length_obj || !find(s, (size_t)(lim - s), type) || !has_name(s, lim, key, name))
			continue;
		if (found >= 0)
			return -1;
		found = (long)i;
	}
	return found;
}

/* Each font's FontFile2 and CIDToGIDMap become objects size + 2k and
 * size + 2k + 1, named in its FontDescriptor and CIDFontType2.  libharu
 * wrote neither, the fonts having been loaded without embedding. */
static int place_fonts(haru_doc *doc, gir_buf *why)
{
	for (size_t k = 0; k < doc->nfonts; k++) {
		const pdf_embed *f = doc->fonts[k];
		long desc = font_dict(doc, "/Type /FontDescriptor", "/FontName", f->name);
		long cid = font_dict(doc, "/Subtype /CIDFontType2", "/BaseFont", f->name);
		if (desc < 0 || cid < 0 || doc->objs[desc].add_ref || doc->objs[cid].add_ref)
			return gir_buf_printf(why, "the font %s has no single FontDescriptor and CIDFont "
			                      "of its own", f->name), -1;
		if (find(doc->in + doc->objs[desc].off, doc->objs[desc].end - doc->objs[desc].off,
		         "/FontFile") ||
		    find(doc->in + doc->objs[cid].off, doc->objs[cid].end - doc->objs[cid].off,
		         "/CIDToGIDMap"))
			return gir_buf_printf(why, "the font %s is embedded already", f->name), -1;
		doc->objs[desc].add_ref = doc->size + 2 * (unsigned)k;
		doc->objs[desc].add_key = "/FontFile2";
		doc->objs[cid].add_ref = doc->size + 2 * (unsigned)k + 1;
		doc->objs[cid].add_key = "/CIDToGIDMap";
		if (deflate_into(doc, f->ttf.ptr, f->ttf.len, &doc->font_data[2 * k], why) != 0 ||
		    deflate_into(doc, f->cidmap.ptr, f->cidmap.len, &doc->font_data[2 * k + 1], why) != 0)
			return -1;
	}
	return 0;
}

/* A dictionary object with one more entry, before its closing ">>". */
static void put_with_ref(const haru_doc *doc, const haru_obj *o, gir_buf *out)
{
	const char *s = doc->in + o->off, *close = doc->in + o->end - 2;
	while (close > s && memcmp(close, ">>", 2) != 0)
		close--;
	gir_buf_put(out, s, (size_t)(close - s));
	gir_buf_printf(out, "%s %u 0 R\n", o->add_key, o->add_ref);
	gir_buf_put(out, close, (size_t)(doc->in + o->end - close));
}

static void put_font_streams(const haru_doc *doc, size_t *offsets, gir_buf *out)
{
	for (size_t k = 0; k < doc->nfonts; k++)
		for (int m = 0; m < 2; m++) {
			const gir_buf *data = &doc->font_data[2 * k + (size_t)m];
			unsigned num = doc->size + 2 * (unsigned)k + (unsigned)m;
			offsets[num] = out->len;
			gir_buf_printf(out, "%u 0 obj\n<<\n/Length %zu\n", num, data->len);
			if (m == 0) /* a TrueType font file gives its own length too */
				gir_buf_printf(out, "/Length1 %zu\n", doc->fonts[k]->ttf.len);
			gir_buf_puts(out, "/Filter /FlateDecode\n>>\nstream\r\n");
			gir_buf_put(out, data->ptr, data->len);
			gir_buf_puts(out, "\nendstream\nendobj\n");
		}
}

static void put_object(const haru_doc *doc, const haru_obj *o, gir_buf *out)
{
	const char *in = doc->in;
	if (o->new_length >= 0) {
		gir_buf_printf(out, "%u 0 obj\n%lld\nendobj\n", o->num, o->new_length);
		return;
	}
	if (o->add_ref) {
		put_with_ref(doc, o, out);
		return;
	}
	if (!o->changed) {
		gir_buf_put(out, in + o->off, o->end - o->off);
		return;
	}
	gir_buf_put(out, in + o->off, o->dict - o->off);
	if (o->tounicode) {
		/* The CID CMap's /Type, /CMapName, /CIDSystemInfo and /WMode do not
		 * belong in a ToUnicode stream. */
		gir_buf_printf(out, "<<\n/Length %u 0 R\n/Filter /FlateDecode\n>>", o->length_obj);
	} else {
		gir_buf_put(out, in + o->dict, o->dict_end - 2 - o->dict);
		gir_buf_puts(out, "/Filter /FlateDecode\n>>");
	}
	gir_buf_puts(out, "\nstream\r\n");
	gir_buf_put(out, o->out.ptr, o->out.len);
	size_t after = o->data + o->data_len;
	gir_buf_put(out, in + after, o->end - after);
}

/* The trailer with its /Size raised by the objects added. */
static int put_trailer(const haru_doc *doc, unsigned size, gir_buf *out, gir_buf *why)
{
	const char *s = doc->in + doc->trailer, *lim = doc->in + doc->trailer_end, *p;
	const char *key = find(s, (size_t)(lim - s), "/Size ");
	long long old = key ? number_at(key + 6, lim, &p) : -1;
	if (old != doc->size)
		return gir_buf_puts(why, "the trailer's /Size is not the table's"), -1;
	gir_buf_put(out, s, (size_t)(key + 6 - s));
	gir_buf_printf(out, "%u", size);
	gir_buf_put(out, p, (size_t)(lim - p));
	return 0;
}

static int write_doc(const haru_doc *doc, gir_buf *out, gir_buf *why)
{
	unsigned size = doc->size + 2 * (unsigned)doc->nfonts;
	size_t *offsets = gir_xcalloc(size, sizeof *offsets);
	gir_buf_put(out, doc->in, doc->nobjs ? doc->objs[0].off : doc->xref);
	for (size_t i = 0; i < doc->nobjs; i++) {
		offsets[doc->objs[i].num] = out->len;
		put_object(doc, &doc->objs[i], out);
	}
	put_font_streams(doc, offsets, out);
	size_t xref = out->len;
	gir_buf_printf(out, "xref\n0 %u\n", size);
	const char *entry = doc->in + doc->entries;
	for (unsigned i = 0; i < size; i++, entry += XREF_ENTRY) {
		if (i >= doc->size || entry[17] == 'n')
			gir_buf_printf(out, "%010zu 00000 n\r\n", offsets[i]);
		else
			gir_buf_put(out, entry, XREF_ENTRY);
	}
	free(offsets);
	if ((size == doc->size ? (gir_buf_put(out, doc->in + doc->trailer,
	                                      doc->trailer_end - doc->trailer), 0)
	                       : put_trailer(doc, size, out, why)) != 0)
		return -1;
	gir_buf_printf(out, "startxref\n%zu\n%%%%EOF\n", xref);
	return 0;
}

int pdf_harufix(const char *in, size_t n, const uint8_t *high, const pdf_embed *const *fonts,
                size_t nfonts, gir_buf *out, gir_buf *why)
{
	haru_doc doc = {.in = in, .n = n, .z = libdeflate_alloc_compressor(PDF_DEFLATE_LEVEL),
	                .fonts = fonts, .nfonts = fonts ? nfonts : 0};
	if (!doc.z)
		return gir_buf_puts(why, "libdeflate could not allocate a compressor"), -1;
	doc.font_data = gir_xcalloc(2 * doc.nfonts + 1, sizeof *doc.font_data);
	int rc = read_xref(&doc, why);
	for (size_t i = 0; rc == 0 && i < doc.nobjs; i++)
		rc = read_object(&doc, &doc.objs[i], why);
	if (rc == 0)
		rc = place_fonts(&doc, why);
	for (size_t i = 0; rc == 0 && i < doc.nobjs; i++) {
		haru_obj *o = &doc.objs[i];
		if (!o->length_obj)
			continue;
		const char *dict = in + o->dict;
		int flate = find(dict, o->dict_end - o->dict, "/Filter") != NULL;
		if (flate && !find(dict, o->dict_end - o->dict, "/Filter /FlateDecode"))
			flate = -1; /* another filter: left as it is */
		if (o->tounicode && flate >= 0)
			rc = mend_tounicode(&doc, o, flate, high, why);
		if (rc == 0 && !o->changed && !flate) {
			rc = deflate_into(&doc, in + o->data, o->data_len, &o->out, why);
			o->changed = o->filtered = 1;
		}
		if (o->changed)
			doc.objs[doc.by_num[o->length_obj] - 1].new_length = (long long)o->out.len;
	}
	if (rc == 0)
		rc = write_doc(&doc, out, why);
	for (size_t i = 0; i < doc.nobjs; i++)
		gir_buf_free(&doc.objs[i].out);
	for (size_t i = 0; i < 2 * doc.nfonts; i++)
		gir_buf_free(&doc.font_data[i]);
	free(doc.font_data);
	free(doc.objs);
	free(doc.by_num);
	libdeflate_free_compressor(doc.z);
	return rc;
}
