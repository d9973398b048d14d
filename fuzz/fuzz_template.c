/* libFuzzer entry for templates: any bytes as two template files, added to
 * the built-in editions as a --templates directory adds them, so "extends"
 * chains and cycles between the two and the built-ins are reached (the
 * seeds name gov-2019, gov-2021 and each other).  Then every template's
 * schema and skeleton, and a small source bound to each and rendered.
 * Run with `make fuzz`; inputs that once crashed it live in
 * fuzz/crashers-template/ and are replayed by `make check`. */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "gireport.h"
#include "template.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

typedef int (*render_fn)(const gir_report *, const gir_options *, gir_buf *);

/* The two files are split at the first form feed ("\f"): a seed is two
 * JSON texts with one between them, or one text alone.  Returns how many. */
static size_t split(const char *text, size_t size, const char **b, size_t *alen, size_t *blen)
{
	const char *ff = memchr(text, '\f', size);
	*alen = ff ? (size_t)(ff - text) : size;
	*b = ff ? ff + 1 : text + size;
	*blen = ff ? size - *alen - 1 : 0;
	return ff ? 2 : 1;
}

static void use_template(const gir_registry *reg, const gir_template *t, gir_buf *out)
{
	static const render_fn renderers[] = {gir_render_text, gir_render_md, gir_render_tree,
	                                     gir_render_json, gir_render_html};
	gir_buf_clear(out);
	gir_template_schema(t, out);
	gir_buf_clear(out);
	int year = gir_template_first_year(t) ? gir_template_first_year(t) : 2020;
	gir_template_skeleton(t, year, "某局", out);
	char src[256];
	int n = snprintf(src, sizeof src,
	                 "year: %d\nagency: 某局\ntemplate: %s\ndate: %d-01-08\noverview: 无。\n", year,
	                 gir_template_id(t), year + 1);
	if (n < 0 || (size_t)n >= sizeof src)
		return;
	gir_options opt = {0};
	gir_diags *d = gir_diags_new();
	gir_report *rep = gir_report_load(reg, "fuzz.yaml", src, (size_t)n, &opt, d);
	gir_buf_clear(out);
	gir_diags_format_text(d, src, (size_t)n, out);
	gir_diags_format_json(d, out);
	for (size_t i = 0; rep && i < sizeof renderers / sizeof renderers[0]; i++) {
		gir_buf_clear(out);
		renderers[i](rep, &opt, out);
	}
	gir_report_free(rep);
	gir_diags_free(d);
}

/* A template the fuzzed files made or changed (a built-in rebuilt on a
 * replaced base included): the untouched built-ins are the same every run,
 * and rendering them again would only slow the search down. */
static bool changed(const gir_template *t)
{
	static gir_registry *pristine;
	if (!pristine) {
		gir_diags *d = gir_diags_new();
		pristine = gir_registry_new(d);
		gir_diags_free(d);
	}
	const gir_template *p = gir_registry_find(pristine, gir_template_id(t));
	return !p || p->hash != t->hash;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *text = (const char *)data, *b;
	size_t alen, blen;
	size_t n = split(text, size, &b, &alen, &blen);
	const char *names[2] = {"fuzz/a.json", "fuzz/b.json"};
	const char *texts[2] = {text, b};
	size_t lens[2] = {alen, blen};
	gir_diags *d = gir_diags_new();
	gir_registry *reg = gir_registry_new(d);
	gir_registry_add_texts(reg, names, texts, lens, n, d);
	gir_buf out = {0};
	gir_diags_format_text(d, NULL, 0, &out);
	gir_diags_format_json(d, &out);
	for (size_t i = 0; i < gir_registry_count(reg); i++)
		if (changed(gir_registry_at(reg, i)))
			use_template(reg, gir_registry_at(reg, i), &out);
	gir_buf_free(&out);
	gir_registry_free(reg);
	gir_diags_free(d);
	return 0;
}
