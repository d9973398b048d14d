/* libFuzzer entry for the project file: any bytes as gireport.yaml, its
 * settings read back and its diagnostics formatted as text and JSON.  Run
 * with `make fuzz`; inputs that once crashed it live in
 * fuzz/crashers-project/ and are replayed by `make check`. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "gireport.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static size_t touch(const char *s)
{
	return s ? strlen(s) : 0; /* every setting is read, so a dangling one shows */
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *text = (const char *)data;
	gir_diags *d = gir_diags_new();
	gir_project *p = gir_project_load("gireport.yaml", text, size, d);
	size_t n = 0;
	if (p) {
		n += touch(gir_project_template(p)) + touch(gir_project_output(p)) +
		     touch(gir_project_name(p)) + touch(gir_project_formats(p)) +
		     touch(gir_project_date_format(p));
		for (int r = 0; r < GIR_FONT_ROLES; r++)
			n += touch(gir_project_font(p, (gir_font_role)r));
		for (size_t i = 0; i < gir_project_exclude_count(p); i++)
			n += touch(gir_project_exclude(p, i));
	}
	gir_buf out = {0};
	gir_diags_format_text(d, text, size, &out);
	gir_diags_format_json(d, &out);
	gir_buf_free(&out);
	gir_project_free(p);
	gir_diags_free(d);
	return n == (size_t)-1;
}
