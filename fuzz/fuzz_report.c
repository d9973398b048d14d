/* libFuzzer entry: any bytes through the whole pipeline — loader, template
 * binding, checks, diagnostics formatting and every renderer.  Build and run
 * with `make fuzz`; inputs that once crashed live in fuzz/crashers/ and are
 * replayed by `make check` (tests/suites/crashers.sh). */
#include <stddef.h>
#include <stdint.h>

#include "gireport.h"

typedef int (*render_fn)(const gir_report *, const gir_options *, gir_buf *);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static gir_registry *reg;
	if (!reg) {
		gir_diags *rd = gir_diags_new();
		reg = gir_registry_new(rd);
		gir_diags_free(rd);
	}
	static const render_fn renderers[] = {gir_render_text, gir_render_md, gir_render_tree,
	                                     gir_render_json, gir_render_html};
	const char *text = (const char *)data;
	gir_options opt = {0};
	gir_diags *d = gir_diags_new();
	gir_report *rep = gir_report_load(reg, "fuzz.yaml", text, size, &opt, d);
	gir_buf out = {0};
	gir_diags_format_text(d, text, size, &out);
	gir_diags_format_json(d, &out);
	for (size_t i = 0; rep && i < sizeof renderers / sizeof renderers[0]; i++) {
		gir_buf_clear(&out);
		renderers[i](rep, &opt, &out);
	}
	gir_buf_free(&out);
	gir_report_free(rep);
	gir_diags_free(d);
	return 0;
}
