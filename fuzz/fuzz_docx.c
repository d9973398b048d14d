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
#include "zipmem.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Every part unzips with its CRC right and parses as XML; eleven parts. */
static void check_parts(const gir_buf *out)
{
	gir_zipmem m; /* the memory file the importer reads .docx files through */
	zlib_filefunc64_def io;
	gir_zipmem_reader(&m, out->ptr, out->len, &io);
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
