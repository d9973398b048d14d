/* libFuzzer entry for the Word reader of `gireport import`.  Bytes that
 * start as a zip ("PK\3\4") are imported as they are (libzip's reading of a
 * damaged archive); any other bytes become the word/document.xml of a
 * .docx made here, the part after the first NUL byte its
 * word/numbering.xml, so that the fuzzer reaches the reading of Word's XML
 * (paragraphs, numbering, gridSpan, vMerge) instead of stopping at the
 * zip's checksums.  Run with `make fuzz`; inputs that once crashed it live
 * in fuzz/crashers-import-docx/ and are replayed by `make check`. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <zip.h>

#include "gireport.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int add(zip_t *z, const char *name, const uint8_t *p, size_t n)
{
	zip_source_t *s = zip_source_buffer(z, p, n, 0);
	if (!s)
		return -1;
	if (zip_file_add(z, name, s, ZIP_FL_OVERWRITE) < 0) {
		zip_source_free(s);
		return -1;
	}
	return 0;
}

/* A .docx of the two parts, in memory; NULL when libzip cannot make one. */
static char *make_docx(const uint8_t *data, size_t size, size_t *len)
{
	const uint8_t *nul = memchr(data, 0, size);
	size_t doc = nul ? (size_t)(nul - data) : size;
	zip_error_t err;
	zip_error_init(&err);
	zip_source_t *src = zip_source_buffer_create(NULL, 0, 0, &err);
	zip_t *z = src ? zip_open_from_source(src, ZIP_TRUNCATE, &err) : NULL;
	zip_error_fini(&err);
	if (!z) {
		zip_source_free(src);
		return NULL;
	}
	zip_source_keep(src);
	int ok = add(z, "word/document.xml", data, doc) == 0 &&
	         (!nul || add(z, "word/numbering.xml", nul + 1, size - doc - 1) == 0);
	if (zip_close(z) != 0) {
		zip_discard(z);
		ok = 0;
	}
	char *out = NULL;
	zip_stat_t st;
	if (ok && zip_source_open(src) == 0) {
		if (zip_source_stat(src, &st) == 0 && (st.valid & ZIP_STAT_SIZE) && (out = malloc(st.size + 1))) {
			zip_int64_t k = zip_source_read(src, out, st.size);
			*len = k > 0 ? (size_t)k : 0;
		}
		zip_source_close(src);
	}
	zip_source_free(src);
	return out;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static gir_registry *reg;
	if (!reg) {
		gir_diags *rd = gir_diags_new();
		reg = gir_registry_new(rd);
		gir_diags_free(rd);
	}
	size_t len = size;
	char *docx = size >= 4 && memcmp(data, "PK\3\4", 4) == 0 ? NULL : make_docx(data, size, &len);
	const char *bytes = docx ? docx : (const char *)data;
	if (!docx)
		len = size;
	gir_diags *d = gir_diags_new();
	gir_buf out = {0};
	gir_import(reg, "fuzz.docx", bytes, len, &out, d);
	gir_diags_format_text(d, NULL, 0, &out);
	gir_diags_format_json(d, &out);
	gir_buf_free(&out);
	gir_diags_free(d);
	free(docx);
	return 0;
}
