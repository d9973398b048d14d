/* libFuzzer entry: any bytes as a source through the DOCX writer.  What it
 * writes must be a zip that minizip reads back (CRCs checked), each of whose parts
 * libxml2's strict parser accepts (the escaping of any text the source can
 * hold, gir_docx_escape); anything else aborts, which libFuzzer reports as a
 * crash.  Build and run with `make fuzz`; crashers go to
 * fuzz/crashers-docx/ and are replayed by `make check`. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include <libxml/parser.h>
#include <minizip/unzip.h>
#include <string.h>

#include "gireport.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The archive as a file for minizip's reader. */
typedef struct reader {
	const gir_buf *zip;
	ZPOS64_T pos;
} reader;

static voidpf ZCALLBACK r_open(voidpf opaque, const void *name, int mode)
{
	(void)name, (void)mode;
	return opaque;
}

static uLong ZCALLBACK r_read(voidpf opaque, voidpf stream, void *buf, uLong size)
{
	(void)opaque;
	reader *r = stream;
	uLong left = (uLong)(r->zip->len - r->pos), n = size < left ? size : left;
	memcpy(buf, r->zip->ptr + r->pos, n);
	r->pos += n;
	return n;
}

static uLong ZCALLBACK r_write(voidpf opaque, voidpf stream, const void *buf, uLong size)
{
	(void)opaque, (void)stream, (void)buf, (void)size;
	return 0;
}

static ZPOS64_T ZCALLBACK r_tell(voidpf opaque, voidpf stream)
{
	(void)opaque;
	return ((reader *)stream)->pos;
}

static long ZCALLBACK r_seek(voidpf opaque, voidpf stream, ZPOS64_T offset, int origin)
{
	(void)opaque;
	reader *r = stream;
	ZPOS64_T from = origin == ZLIB_FILEFUNC_SEEK_CUR ? r->pos
	                : origin == ZLIB_FILEFUNC_SEEK_END ? r->zip->len : 0;
	if (from + offset > r->zip->len)
		return -1;
	r->pos = from + offset;
	return 0;
}

static int ZCALLBACK r_close(voidpf opaque, voidpf stream)
{
	(void)opaque, (void)stream;
	return 0;
}

static int ZCALLBACK r_error(voidpf opaque, voidpf stream)
{
	(void)opaque, (void)stream;
	return 0;
}

/* Every part unzips with its CRC right and parses as XML; eleven parts. */
static void check_parts(const gir_buf *out)
{
	reader r = {out, 0};
	zlib_filefunc64_def io = {r_open, r_read, r_write, r_tell, r_seek, r_close, r_error, &r};
	unzFile uf = unzOpen2_64("memory", &io);
	if (!uf)
		abort();
	int parts = 0;
	for (int rc = unzGoToFirstFile(uf); rc == UNZ_OK; rc = unzGoToNextFile(uf), parts++) {
		unz_file_info64 fi;
		if (unzGetCurrentFileInfo64(uf, &fi, NULL, 0, NULL, 0, NULL, 0) != UNZ_OK ||
		    unzOpenCurrentFile(uf) != UNZ_OK)
			abort();
		char *xml = malloc(fi.uncompressed_size + 1);
		if (!xml || unzReadCurrentFile(uf, xml, (unsigned)fi.uncompressed_size) !=
		                (int)fi.uncompressed_size || unzCloseCurrentFile(uf) != UNZ_OK)
			abort(); /* unzCloseCurrentFile checks the CRC */
		xmlDocPtr doc = xmlReadMemory(xml, (int)fi.uncompressed_size, "part.xml", NULL,
		                              XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
		if (!doc)
			abort();
		xmlFreeDoc(doc);
		free(xml);
	}
	if (parts != 11)
		abort();
	unzClose(uf);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static gir_registry *reg;
	static gir_font_cache *fonts;
	if (!reg) {
		gir_diags *rd = gir_diags_new();
		reg = gir_registry_new(rd);
		gir_diags_free(rd);
		fonts = gir_font_cache_new(); /* each font opened once, not per input */
	}
	const char *text = (const char *)data;
	gir_diags *d = gir_diags_new();
	gir_options opt = {.diags = d, .font_cache = fonts};
	gir_report *rep = gir_report_load(reg, "fuzz.yaml", text, size, &opt, d);
	gir_buf out = {0};
	if (rep && gir_render_docx(rep, &opt, &out) == 0)
		check_parts(&out);
	gir_buf_free(&out);
	gir_report_free(rep);
	gir_diags_free(d);
	return 0;
}
