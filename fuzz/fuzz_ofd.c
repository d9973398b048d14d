/* libFuzzer entry: any bytes as a source through the OFD writer
 * (render_ofd.c).  What it writes must be a zip that minizip reads back (CRCs
 * checked), whose XML parts libxml2's strict parser accepts (the escaping of
 * any text the source can hold) and whose fonts are TrueType; OFD.xml comes
 * first and names Doc_0/Document.xml.  Anything else aborts, which libFuzzer
 * reports as a crash.  Build and run with `make fuzz`; crashers go to
 * fuzz/crashers-ofd/ and are replayed by `make check`. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include <libxml/parser.h>
#include <minizip/unzip.h>
#include <string.h>

#include "gireport.h"
#include "zipmem.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Every part unzips with its CRC right; the XML parts parse, the fonts are
 * TrueType; OFD.xml, Document.xml, PublicRes.xml, a page and a font at least. */
static void check_parts(const gir_buf *out)
{
	gir_zipmem m;
	zlib_filefunc64_def io;
	gir_zipmem_reader(&m, out->ptr, out->len, &io);
	unzFile uf = unzOpen2_64("memory", &io);
	if (!uf)
		abort();
	int parts = 0, xml_parts = 0;
	for (int rc = unzGoToFirstFile(uf); rc == UNZ_OK; rc = unzGoToNextFile(uf), parts++) {
		unz_file_info64 fi;
		char name[256];
		if (unzGetCurrentFileInfo64(uf, &fi, name, sizeof name, NULL, 0, NULL, 0) != UNZ_OK ||
		    unzOpenCurrentFile(uf) != UNZ_OK)
			abort();
		char *data = malloc(fi.uncompressed_size + 1);
		if (!data || unzReadCurrentFile(uf, data, (unsigned)fi.uncompressed_size) !=
		                 (int)fi.uncompressed_size || unzCloseCurrentFile(uf) != UNZ_OK)
			abort(); /* unzCloseCurrentFile checks the CRC */
		size_t len = strlen(name);
		if (parts == 0 && (strcmp(name, "OFD.xml") != 0 ||
		                   !strstr(data, "<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot>")))
			abort();
		if (len > 4 && strcmp(name + len - 4, ".xml") == 0) {
			xmlDocPtr doc = xmlReadMemory(data, (int)fi.uncompressed_size, name, NULL,
			                              XML_PARSE_NONET | XML_PARSE_NOERROR |
			                                  XML_PARSE_NOWARNING);
			if (!doc)
				abort();
			xmlFreeDoc(doc);
			xml_parts++;
		} else if (len > 4 && strcmp(name + len - 4, ".ttf") == 0) {
			if (fi.uncompressed_size < 12 || memcmp(data, "\0\1\0\0", 4) != 0)
				abort();
		} else {
			abort();
		}
		free(data);
	}
	if (xml_parts < 4 || parts < 5)
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
	if (rep && gir_render_ofd(rep, &opt, &out) == 0)
		check_parts(&out);
	gir_buf_free(&out);
	gir_report_free(rep);
	gir_diags_free(d);
	return 0;
}
