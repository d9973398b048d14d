/* libFuzzer entry: any bytes as a source through the DOCX writer.  What it
 * writes must be a zip that libzip opens again, each of whose parts
 * libxml2's strict parser accepts (the escaping of any text the source can
 * hold, gir_docx_escape); anything else aborts, which libFuzzer reports as a
 * crash.  Build and run with `make fuzz`; crashers go to
 * fuzz/crashers-docx/ and are replayed by `make check`. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include <libxml/parser.h>
#include <zip.h>

#include "gireport.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_parts(const gir_buf *out)
{
	zip_error_t err;
	zip_error_init(&err);
	zip_source_t *src = zip_source_buffer_create(out->ptr, out->len, 0, &err);
	zip_t *za = src ? zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &err) : NULL;
	if (!za)
		abort();
	zip_int64_t n = zip_get_num_entries(za, 0);
	if (n != 11)
		abort();
	for (zip_int64_t i = 0; i < n; i++) {
		zip_stat_t st;
		zip_file_t *f = zip_stat_index(za, (zip_uint64_t)i, 0, &st) == 0 ? zip_fopen_index(za, (zip_uint64_t)i, 0) : NULL;
		char *xml = f ? malloc(st.size + 1) : NULL;
		if (!xml || zip_fread(f, xml, st.size) != (zip_int64_t)st.size)
			abort();
		xmlDocPtr doc = xmlReadMemory(xml, (int)st.size, "part.xml", NULL,
		                              XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
		if (!doc)
			abort();
		xmlFreeDoc(doc);
		free(xml);
		zip_fclose(f);
	}
	zip_close(za);
	zip_error_fini(&err);
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
