/* Unit tests for src/pdf/pdf_harufix.c, the mending of libharu's output.
 *
 * Two directions, so that the workaround can neither stop working nor
 * outlive the bug unnoticed:
 * - libharu on its own still writes the CID CMap as the ToUnicode map, and
 *   poppler still complains about it (when this fails, libharu is fixed:
 *   remove the mending, docs/libharu-patches/ says what it was for);
 * - after pdf_harufix the map is the identity in bfrange form, pdftotext is
 *   silent and gives back the exact text, every stream is compressed, the
 *   cross-reference table points at every object, and mending twice changes
 *   nothing;
 * - a font loaded into libharu without embedding (as the renderer loads
 *   them) is embedded by the pass: its FontFile2 and CIDToGIDMap are added,
 *   named where readers look for them, and the text reads back. */
#define _GNU_SOURCE /* memmem, mkstemp */
#include "helpers.h"

#include <unistd.h>
#include <zlib.h>

#include "pdf.h"
#include "pdf_ttf.h"
#include "util.h"

#define UMING "/usr/share/fonts/truetype/arphic/uming.ttc"
#define TEXT "政府信息公开 2020"

/* Code points of TEXT, sorted and unique. */
static const uint32_t cps[] = {' ', '0', '2', 0x4E1A, 0x516C, 0x5E9C, 0x5F00, 0x606F, 0x653F, 0x4FE1};

static int cmp_cp(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
	return x < y ? -1 : x > y;
}

/* A one-page PDF of TEXT, straight from libharu (no compression), with a
 * subset of UMing made the way the renderer makes it.  With `e`, the font
 * is loaded without embedding, as the renderer loads it, and *e is what
 * pdf_harufix is to embed; without, libharu embeds it itself. */
static void raw_pdf_of(gir_buf *out, pdf_embed *e)
{
	uint32_t sorted[GIR_ARRAY_LEN(cps)];
	unsigned glyphs[GIR_ARRAY_LEN(cps)];
	memcpy(sorted, cps, sizeof cps);
	qsort(sorted, GIR_ARRAY_LEN(sorted), sizeof *sorted, cmp_cp);
	gir_buf why = {0}, ttf = {0};
	gir_ttf *face = gir_ttf_open(UMING, 0, &why);
	assert_non_null(face);
	assert_int_equal(gir_ttf_subset(face, sorted, GIR_ARRAY_LEN(sorted),
	                                e ? "HPDFAA+UMingCN" : "UMingCN", &ttf, glyphs), 0);
	gir_ttf_close(face);
	char font[] = "/tmp/gireport-harufix-XXXXXX";
	int fd = mkstemp(font);
	assert_true(fd >= 0);
	assert_int_equal(gir_write_full(fd, ttf.ptr, ttf.len), 0);
	close(fd);

	HPDF_Doc pdf = HPDF_New(NULL, NULL);
	assert_non_null(pdf);
	HPDF_UseUTFEncodings(pdf);
	HPDF_SetCurrentEncoder(pdf, "UTF-8");
	const char *name = HPDF_LoadTTFontFromFile(pdf, font, e ? HPDF_FALSE : HPDF_TRUE);
	assert_non_null(name);
	HPDF_Page page = HPDF_AddPage(pdf);
	HPDF_Page_BeginText(page);
	HPDF_Page_SetFontAndSize(page, HPDF_GetFont(pdf, name, "UTF-8"), 16);
	HPDF_Page_TextOut(page, 72, 720, TEXT);
	HPDF_Page_EndText(page);
	assert_int_equal(HPDF_SaveToStream(pdf), HPDF_OK);
	HPDF_UINT32 size = HPDF_GetStreamSize(pdf);
	out->ptr = gir_xrealloc(out->ptr, size + 1);
	out->cap = size + 1;
	assert_int_equal(HPDF_ReadFromStream(pdf, (HPDF_BYTE *)out->ptr, &size), HPDF_OK);
	out->len = size;
	out->ptr[size] = 0;
	if (e) {
		assert_string_equal(name, "HPDFAA+UMingCN");
		e->name = gir_xstrdup(name);
		e->ttf = ttf;
		ttf = (gir_buf){0};
		size_t len = 2 * ((size_t)sorted[GIR_ARRAY_LEN(sorted) - 1] + 1);
		gir_buf_put(&e->cidmap, "", 0);
		e->cidmap.ptr = gir_xrealloc(e->cidmap.ptr, len + 1);
		memset(e->cidmap.ptr, 0, len + 1);
		e->cidmap.len = len;
		for (size_t i = 0; i < GIR_ARRAY_LEN(sorted); i++) {
			e->cidmap.ptr[2 * sorted[i]] = (char)(glyphs[i] >> 8);
			e->cidmap.ptr[2 * sorted[i] + 1] = (char)glyphs[i];
		}
	}
	HPDF_Free(pdf);
	unlink(font);
	gir_buf_free(&ttf);
	gir_buf_free(&why);
}

static void raw_pdf(gir_buf *out)
{
	raw_pdf_of(out, NULL);
}

static void embed_free(pdf_embed *e)
{
	free(e->name);
	gir_buf_free(&e->ttf);
	gir_buf_free(&e->cidmap);
}

static const char *find(const gir_buf *b, const char *from, const char *what)
{
	if (!from)
		from = b->ptr;
	return memmem(from, b->len - (size_t)(from - b->ptr), what, strlen(what));
}

/* The data of the ToUnicode stream of the (only) font, inflated if need be. */
static void tounicode(const gir_buf *pdf, gir_buf *map, gir_buf *dict)
{
	const char *ref = find(pdf, NULL, "/ToUnicode ");
	assert_non_null(ref);
	unsigned num = (unsigned)atoi(ref + 11);
	char head[32];
	snprintf(head, sizeof head, "\n%u 0 obj\n", num);
	const char *obj = find(pdf, NULL, head);
	assert_non_null(obj);
	const char *st = find(pdf, obj, "stream\r\n");
	const char *end = find(pdf, st, "endstream");
	assert_non_null(st);
	assert_non_null(end);
	gir_buf_put(dict, obj, (size_t)(st - obj));
	const char *data = st + 8;
	size_t len = (size_t)(end - data);
	if (!strstr(dict->ptr, "/FlateDecode")) {
		gir_buf_put(map, data, len);
		return;
	}
	uLongf n = 1 << 16;
	map->ptr = gir_xrealloc(map->ptr, n + 1);
	map->cap = n + 1;
	/* The data may end with the line break before "endstream". */
	int rc = uncompress((Bytef *)map->ptr, &n, (const Bytef *)data, (uLong)len);
	if (rc != Z_OK) {
		n = 1 << 16;
		rc = uncompress((Bytef *)map->ptr, &n, (const Bytef *)data, (uLong)len - 1);
	}
	assert_int_equal(rc, Z_OK);
	map->len = n;
	map->ptr[n] = 0;
}

/* pdftotext's text and its complaints, through a file. */
static void pdftotext(const gir_buf *pdf, gir_buf *text, gir_buf *err)
{
	char path[] = "/tmp/gireport-harufix-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(gir_write_full(fd, pdf->ptr, pdf->len), 0);
	close(fd);
	char *cmd = gir_xasprintf("pdftotext %s - 2>%s.err", path, path);
	FILE *p = popen(cmd, "r");
	assert_non_null(p);
	char line[512];
	while (fgets(line, sizeof line, p))
		gir_buf_puts(text, line);
	assert_int_equal(pclose(p), 0);
	char *errpath = gir_xasprintf("%s.err", path);
	FILE *e = fopen(errpath, "r");
	assert_non_null(e);
	while (fgets(line, sizeof line, e))
		gir_buf_puts(err, line);
	fclose(e);
	unlink(errpath);
	unlink(path);
	free(errpath);
	free(cmd);
}

static void libharu_still_writes_a_cid_cmap(void **state)
{
	(void)state;
	gir_buf raw = {0}, map = {0}, dict = {0}, text = {0}, err = {0};
	raw_pdf(&raw);
	tounicode(&raw, &map, &dict);
	/* When these fail, libharu writes a proper ToUnicode map: the mending
	 * in pdf_harufix.c is no longer needed. */
	assert_non_null(strstr(map.ptr, "begincidrange"));
	assert_null(strstr(map.ptr, "bfrange"));
	pdftotext(&raw, &text, &err);
	assert_non_null(strstr(err.ptr ? err.ptr : "", "begincidrange"));
	gir_buf_free(&raw);
	gir_buf_free(&map);
	gir_buf_free(&dict);
	gir_buf_free(&text);
	gir_buf_free(&err);
}

static void mended_map_is_the_identity(void **state)
{
	(void)state;
	gir_buf raw = {0}, fixed = {0}, why = {0}, map = {0}, dict = {0};
	raw_pdf(&raw);
	assert_int_equal(pdf_harufix(raw.ptr, raw.len, NULL, NULL, 0, &fixed, &why), 0);
	tounicode(&fixed, &map, &dict);
	assert_null(strstr(map.ptr, "cidrange"));
	assert_non_null(strstr(map.ptr, "/CMapType 2 def"));
	assert_non_null(strstr(map.ptr, "<4E00> <4EFF> <4E00>\n"));
	assert_non_null(strstr(map.ptr, "<0000> <00FF> <0000>\n"));
	assert_null(strstr(map.ptr, "<D800>"));
	assert_null(strstr(dict.ptr, "/CMapName"));
	assert_null(strstr(dict.ptr, "/CIDSystemInfo"));
	/* Only the high bytes asked for: 0x00 and 0x4E-0x65 (the text's). */
	uint8_t high[32] = {0};
	high[0] = 1;
	for (unsigned h = 0x4E; h <= 0x65; h++)
		high[h >> 3] |= (uint8_t)(1u << (h & 7));
	gir_buf_clear(&fixed);
	gir_buf_clear(&map);
	gir_buf_clear(&dict);
	assert_int_equal(pdf_harufix(raw.ptr, raw.len, high, NULL, 0, &fixed, &why), 0);
	tounicode(&fixed, &map, &dict);
	assert_non_null(strstr(map.ptr, "25 beginbfrange\n<0000> <00FF> <0000>\n<4E00> <4EFF> <4E00>\n"));
	assert_non_null(strstr(map.ptr, "<6500> <65FF> <6500>\nendbfrange\n"));
	gir_buf_free(&raw);
	gir_buf_free(&fixed);
	gir_buf_free(&why);
	gir_buf_free(&map);
	gir_buf_free(&dict);
}

static void pdftotext_reads_the_mended_text(void **state)
{
	(void)state;
	gir_buf raw = {0}, fixed = {0}, why = {0}, text = {0}, err = {0};
	raw_pdf(&raw);
	assert_int_equal(pdf_harufix(raw.ptr, raw.len, NULL, NULL, 0, &fixed, &why), 0);
	pdftotext(&fixed, &text, &err);
	assert_int_equal(err.len, 0);
	assert_non_null(text.ptr);
	assert_non_null(strstr(text.ptr, TEXT));
	gir_buf_free(&raw);
	gir_buf_free(&fixed);
	gir_buf_free(&why);
	gir_buf_free(&text);
	gir_buf_free(&err);
}

/* Every stream of the mended document is compressed, and every in-use
 * entry of its table points at its object; returns the table's size. */
static int check_streams_and_table(const gir_buf *fixed)
{
	int streams = 0, flate = 0;
	for (const char *s = fixed->ptr; (s = find(fixed, s, ">>\nstream\r\n")); s++)
		streams++;
	for (const char *s = fixed->ptr; (s = find(fixed, s, "/Filter /FlateDecode\n>>\nstream")); s++)
		flate++;
	assert_true(streams >= 4); /* ToUnicode, CIDToGIDMap, FontFile2, the page */
	assert_int_equal(flate, streams);
	const char *sx = find(fixed, fixed->ptr + fixed->len - 40, "startxref\n");
	assert_non_null(sx);
	const char *x = fixed->ptr + atol(sx + 10);
	assert_memory_equal(x, "xref\n0 ", 7);
	int count = atoi(x + 7);
	const char *e = strchr(x + 5, '\n') + 1;
	for (int i = 0; i < count; i++, e += 20) {
		if (e[17] != 'n')
			continue;
		char head[32];
		int k = snprintf(head, sizeof head, "%d 0 obj\n", i);
		assert_memory_equal(fixed->ptr + atol(e), head, (size_t)k);
	}
	return count;
}

/* The renderer's way: libharu writes neither the font file nor the
 * CIDToGIDMap (so none of its byte-by-byte copying of them), the pass adds
 * both, and readers find the font embedded and read the text back. */
static void fonts_embedded_by_the_pass(void **state)
{
	(void)state;
	gir_buf raw = {0}, fixed = {0}, why = {0}, text = {0}, err = {0}, again = {0};
	pdf_embed e = {0};
	raw_pdf_of(&raw, &e);
	assert_null(find(&raw, NULL, "/FontFile"));
	assert_null(find(&raw, NULL, "/CIDToGIDMap"));
	const pdf_embed *fonts[1] = {&e};
	assert_int_equal(pdf_harufix(raw.ptr, raw.len, NULL, fonts, 1, &fixed, &why), 0);
	assert_non_null(find(&fixed, NULL, "/FontName /HPDFAA+UMingCN\n"));
	const char *ff = find(&fixed, NULL, "/FontFile2 ");
	const char *map = find(&fixed, NULL, "/CIDToGIDMap ");
	assert_non_null(ff);
	assert_non_null(map);
	assert_null(find(&fixed, ff + 1, "/FontFile2 "));
	int count = check_streams_and_table(&fixed);
	/* The two new objects close the table, named in the trailer's /Size. */
	assert_int_equal(atoi(ff + 11), count - 2);
	assert_int_equal(atoi(map + 13), count - 1);
	char size[32], length1[32];
	snprintf(size, sizeof size, "/Size %d\n", count);
	snprintf(length1, sizeof length1, "/Length1 %zu\n", e.ttf.len);
	assert_non_null(find(&fixed, NULL, size));
	assert_non_null(find(&fixed, NULL, length1));
	pdftotext(&fixed, &text, &err);
	assert_int_equal(err.len, 0);
	assert_non_null(text.ptr);
	assert_non_null(strstr(text.ptr, TEXT));
	/* A font libharu embedded itself is not embedded again. */
	gir_buf by_libharu = {0};
	raw_pdf(&by_libharu);
	gir_buf_clear(&why);
	assert_int_equal(pdf_harufix(by_libharu.ptr, by_libharu.len, NULL, fonts, 1, &again, &why), -1);
	assert_non_null(strstr(why.ptr, "HPDFAA+UMingCN is embedded already"));
	gir_buf_free(&by_libharu);
	/* So is a font the document does not have. */
	free(e.name);
	e.name = gir_xstrdup("HPDFAB+UMingCN");
	gir_buf_clear(&why);
	gir_buf_clear(&again);
	assert_int_equal(pdf_harufix(raw.ptr, raw.len, NULL, fonts, 1, &again, &why), -1);
	assert_non_null(strstr(why.ptr, "HPDFAB+UMingCN"));
	embed_free(&e);
	gir_buf_free(&raw);
	gir_buf_free(&fixed);
	gir_buf_free(&why);
	gir_buf_free(&text);
	gir_buf_free(&err);
	gir_buf_free(&again);
}

static void every_stream_compressed_and_every_offset_right(void **state)
{
	(void)state;
	gir_buf raw = {0}, fixed = {0}, why = {0};
	raw_pdf(&raw);
	assert_null(find(&raw, NULL, "/FlateDecode"));
	assert_int_equal(pdf_harufix(raw.ptr, raw.len, NULL, NULL, 0, &fixed, &why), 0);
	assert_true(fixed.len < raw.len);
	check_streams_and_table(&fixed);
	gir_buf_free(&raw);
	gir_buf_free(&fixed);
	gir_buf_free(&why);
}

static void mending_twice_changes_nothing(void **state)
{
	(void)state;
	gir_buf raw = {0}, once = {0}, twice = {0}, why = {0};
	raw_pdf(&raw);
	assert_int_equal(pdf_harufix(raw.ptr, raw.len, NULL, NULL, 0, &once, &why), 0);
	assert_int_equal(pdf_harufix(once.ptr, once.len, NULL, NULL, 0, &twice, &why), 0);
	assert_int_equal(once.len, twice.len);
	assert_memory_equal(once.ptr, twice.ptr, once.len);
	gir_buf_free(&raw);
	gir_buf_free(&once);
	gir_buf_free(&twice);
	gir_buf_free(&why);
}

static void other_layouts_refused_with_a_reason(void **state)
{
	(void)state;
	static const char *const bad[] = {
		"",
		"%PDF-1.3\nnot a pdf\n",
		/* startxref past the end */
		"%PDF-1.3\nstartxref\n99999\n%%EOF\n",
		/* the table cut short */
		"%PDF-1.3\n1 0 obj\n<<>>\nendobj\nxref\n0 2\n0000000000 65535 f\r\n",
		/* an entry that does not point at its object */
		"%PDF-1.3\n1 0 obj\n<<>>\nendobj\nxref\n0 2\n0000000000 65535 f\r\n0000000012 00000 n\r\n"
		"trailer\n<<>>\nstartxref\n29\n%%EOF\n",
		/* a direct /Length, which libharu 2.3 never writes */
		"%PDF-1.3\n1 0 obj\n<<\n/Length 9\n>>\nstream\r\nabc\nendstream\nendobj\nxref\n0 2\n"
		"0000000000 65535 f\r\n0000000009 00000 n\r\ntrailer\n<<>>\nstartxref\n62\n%%EOF\n",
	};
	/* The same layout, right: mended (its one object has no stream). */
	static const char good[] = "%PDF-1.3\n1 0 obj\n<<>>\nendobj\nxref\n0 2\n"
	                           "0000000000 65535 f\r\n0000000009 00000 n\r\n"
	                           "trailer\n<<>>\nstartxref\n29\n%%EOF\n";
	gir_buf ok = {0}, okwhy = {0};
	assert_int_equal(pdf_harufix(good, strlen(good), NULL, NULL, 0, &ok, &okwhy), 0);
	assert_string_equal(ok.ptr, good);
	gir_buf_free(&ok);
	gir_buf_free(&okwhy);
	for (size_t i = 0; i < GIR_ARRAY_LEN(bad); i++) {
		gir_buf out = {0}, why = {0};
		assert_int_equal(pdf_harufix(bad[i], strlen(bad[i]), NULL, NULL, 0, &out, &why), -1);
		assert_true(why.len > 0);
		gir_buf_free(&out);
		gir_buf_free(&why);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(libharu_still_writes_a_cid_cmap),
		cmocka_unit_test(mended_map_is_the_identity),
		cmocka_unit_test(pdftotext_reads_the_mended_text),
		cmocka_unit_test(every_stream_compressed_and_every_offset_right),
		cmocka_unit_test(fonts_embedded_by_the_pass),
		cmocka_unit_test(mending_twice_changes_nothing),
		cmocka_unit_test(other_layouts_refused_with_a_reason),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
