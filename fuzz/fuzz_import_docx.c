/* libFuzzer entry for the Word reader of `gireport import`.  Bytes that
 * start as a zip ("PK\3\4") are imported as they are (minizip's reading of a
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

#include <minizip/zip.h>

#include "gireport.h"
#include "zipmem.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int add(zipFile z, const char *name, const uint8_t *p, size_t n)
{
	zip_fileinfo info = {0};
	if (zipOpenNewFileInZip64(z, name, &info, NULL, 0, NULL, 0, NULL, Z_DEFLATED, 1, n > 0xffffffffu) != ZIP_OK)
		return -1;
	int rc = zipWriteInFileInZip(z, p, (unsigned)n);
	return zipCloseFileInZip(z) == ZIP_OK && rc == ZIP_OK ? 0 : -1;
}

/* A .docx of the two parts, in memory; NULL when minizip cannot make one. */
static char *make_docx(const uint8_t *data, size_t size, size_t *len)
{
	const uint8_t *nul = memchr(data, 0, size);
	size_t doc = nul ? (size_t)(nul - data) : size;
	gir_buf out = {0};
	gir_zipmem m;
	zlib_filefunc64_def io;
	gir_zipmem_writer(&m, &out, &io);
	zipFile z = zipOpen2_64("memory", APPEND_STATUS_CREATE, NULL, &io);
	if (!z)
		return NULL;
	int ok = add(z, "word/document.xml", data, doc) == 0 &&
	         (!nul || add(z, "word/numbering.xml", nul + 1, size - doc - 1) == 0);
	if (zipClose(z, NULL) != ZIP_OK)
		ok = 0;
	if (!ok) {
		gir_buf_free(&out);
		return NULL;
	}
	*len = out.len;
	return gir_buf_detach(&out);
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
