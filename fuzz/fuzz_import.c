/* libFuzzer entry for `gireport import`: any bytes as a report's text —
 * scanning, table placing, the source written and checked, diagnostics
 * formatted.  Run with `make fuzz`; inputs that once crashed it live in
 * fuzz/crashers-import/ and are replayed by `make check`. */
#include <stddef.h>
#include <stdint.h>

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
	const char *text = (const char *)data;
	gir_diags *d = gir_diags_new();
	gir_buf out = {0};
	gir_import(reg, "fuzz.txt", text, size, &out, d);
	gir_diags_format_text(d, text, size, &out);
	gir_diags_format_json(d, &out);
	gir_buf_free(&out);
	gir_diags_free(d);
	return 0;
}
