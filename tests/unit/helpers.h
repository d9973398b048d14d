/* Shared helpers for the cmocka unit tests (tests/unit/NAME.c).  Everything
 * here is static inline so that a test file that uses only part of it
 * still compiles with -Wall -Werror. */
#ifndef GIR_TEST_HELPERS_H
#define GIR_TEST_HELPERS_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "gireport.h"
#include "model.h"
#include "node.h"
#include "template.h"

/* The first diagnostic whose message contains `needle`, or NULL. */
static inline const gir_diag *find_diag(const gir_diags *d, const char *needle)
{
	for (size_t i = 0; i < gir_diags_count(d); i++) {
		const gir_diag *g = gir_diags_at(d, i);
		if (g->message && strstr(g->message, needle))
			return g;
	}
	return NULL;
}

/* Prints every diagnostic, to make a failing assertion easy to read. */
static inline void dump_diags(const gir_diags *d)
{
	for (size_t i = 0; i < gir_diags_count(d); i++) {
		const gir_diag *g = gir_diags_at(d, i);
		print_message("  diag %zu: %d:%d %s [%s] {%s} %s (hint: %s)\n", i, g->line, g->column,
		              g->severity == GIR_ERROR ? "error" : g->severity == GIR_WARNING ? "warning" : "note",
		              g->path ? g->path : "-", g->label ? g->label : "-", g->message,
		              g->hint ? g->hint : "-");
	}
}

/* Asserts one diagnostic: severity, position, path and exact message. */
static inline const gir_diag *expect_diag(const gir_diags *d, gir_severity sev, int line, int col,
                                          const char *path, const char *message)
{
	const gir_diag *g = NULL;
	for (size_t i = 0; i < gir_diags_count(d) && !g; i++) {
		const gir_diag *x = gir_diags_at(d, i);
		if (x->message && strcmp(x->message, message) == 0)
			g = x;
	}
	if (!g) {
		print_message("no diagnostic \"%s\" among:\n", message);
		dump_diags(d);
	}
	assert_non_null(g);
	assert_int_equal(g->severity, sev);
	assert_int_equal(g->line, line);
	assert_int_equal(g->column, col);
	if (path)
		assert_string_equal(g->path, path);
	else
		assert_null(g->path);
	return g;
}

/* ---- reports --------------------------------------------------------------- */

typedef struct loaded {
	gir_registry *reg;
	gir_diags *diags;
	gir_report *rep;
} loaded;

static inline loaded load_report_opt(const char *text, int strict)
{
	loaded L;
	L.diags = gir_diags_new();
	L.reg = gir_registry_new(L.diags);
	assert_int_equal(gir_diags_count(L.diags), 0);
	gir_options opt;
	memset(&opt, 0, sizeof opt);
	opt.strict = strict;
	L.rep = gir_report_load(L.reg, "t.yaml", text, strlen(text), &opt, L.diags);
	return L;
}

static inline loaded load_report(const char *text)
{
	return load_report_opt(text, 0);
}

static inline void loaded_free(loaded *L)
{
	gir_report_free(L->rep);
	gir_registry_free(L->reg);
	gir_diags_free(L->diags);
}

/* Loads a source that must be valid and produce no diagnostic at all. */
static inline loaded load_clean(const char *text)
{
	loaded L = load_report(text);
	if (!L.rep || gir_diags_count(L.diags)) {
		print_message("expected a clean load of:\n%s\n", text);
		dump_diags(L.diags);
	}
	assert_non_null(L.rep);
	assert_int_equal(gir_diags_count(L.diags), 0);
	return L;
}

/* The value at section.row.col, e.g. cell(rep, "requests", "withheld.state_secret", "natural"). */
static inline const gir_value *cell(const gir_report *rep, const char *section, const char *row,
                                    const char *col)
{
	const gir_section *s = gir_template_section(rep->tpl, section);
	assert_non_null(s);
	for (size_t i = 0; i < s->nblocks; i++) {
		const gir_block *b = s->blocks[i];
		const gir_axis *r = gir_axis_find_path(&b->rows, row);
		const gir_axis *c = gir_axis_find_path(&b->cols, col);
		if (r && c && r->leaf >= 0 && c->leaf >= 0)
			return gir_cell(&rep->sections[s->index], b, (size_t)r->leaf, (size_t)c->leaf);
	}
	fail_msg("no cell %s.%s.%s", section, row, col);
	return NULL;
}

static inline int64_t cellv(const gir_report *rep, const char *section, const char *row,
                            const char *col)
{
	const gir_value *v = cell(rep, section, row, col);
	assert_int_equal(v->scale, 0);
	return v->v;
}

/* ---- YAML documents ---------------------------------------------------------- */

typedef struct yaml_doc {
	gir_diags *diags;
	gir_doc *doc;
} yaml_doc;

static inline yaml_doc yaml_load(const char *text)
{
	yaml_doc y;
	y.diags = gir_diags_new();
	y.doc = gir_yaml_load("t.yaml", text, strlen(text), y.diags);
	return y;
}

static inline void yaml_free(yaml_doc *y)
{
	gir_doc_free(y->doc);
	gir_diags_free(y->diags);
}

/* The value of `key` in a mapping, or NULL. */
static inline const gir_node *map_get(const gir_node *m, const char *key)
{
	assert_int_equal(m->kind, GIR_MAP);
	for (size_t i = 0; i < m->n; i++)
		if (strcmp(gir_map_key(m, i)->text, key) == 0)
			return gir_map_value(m, i);
	return NULL;
}

#endif
