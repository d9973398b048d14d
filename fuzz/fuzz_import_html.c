/* libFuzzer entry for the web page reader of `gireport import`: any bytes
 * as a saved page (a "<html>" put before them, so the HTML reader always
 * reads them) — charset found and converted, libxml2's parse, the body
 * found, tables as grids, then the whole import as for a text.  Run with
 * `make fuzz`; inputs that once crashed it live in fuzz/crashers-import-html/
 * and are replayed by `make check`. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "gireport.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static gir_registry *reg;
	if (!reg) {
		gir_diags *rd = gir_diags_new();
		reg = gir_registry_new(rd);
		gir_diags_free(rd);
	}
	static const char head[] = "<html>";
	char *page = malloc(sizeof head - 1 + size + 1);
	if (!page)
		return 0;
	memcpy(page, head, sizeof head - 1);
	if (size)
		memcpy(page + sizeof head - 1, data, size);
	size_t len = sizeof head - 1 + size;
	page[len] = '\0';
	gir_diags *d = gir_diags_new();
	gir_buf out = {0};
	int rc = gir_import(reg, "fuzz.html", page, len, &out, d);
	int quote = rc == 0 && gir_import_quotable("fuzz.html", page, len);
	gir_diags_format_text(d, quote ? page : NULL, quote ? len : 0, &out);
	gir_diags_format_json(d, &out);
	gir_buf_free(&out);
	gir_diags_free(d);
	free(page);
	return 0;
}
