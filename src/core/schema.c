/* JSON Schema (draft 2020-12) of a template's sources, for editors that
 * validate and complete YAML as it is typed (yaml-language-server).  The walk
 * is the validator's: the same fields, section keys, row and column trees and
 * cell types, written as data instead of checked.
 *
 * An editor sees the source after YAML's own typing, so some of what the
 * loader refuses cannot be told apart there (a plain 007 and 7, 1.0 and 1);
 * where that happens the schema accepts, so that it does not reject a source
 * gireport accepts.  A null is judged as the empty value it almost always is
 * (docs/editors.md).  The arithmetic, duplicate keys and unknown paths in
 * placeholders stay `gireport check`'s business. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cJSON.h>

#include "gireport.h"
#include "number.h"
#include "template.h"
#include "utf8.h"
#include "util.h"

/* gir_same_key ignores ASCII and full-width spaces anywhere in a key. */
#define SPACES "\\s*"
/* bind_year's range. */
#define YEAR_MIN 1990
#define YEAR_MAX 2100

typedef struct sctx {
	const gir_template *t;
	cJSON *defs;
} sctx;

/* ---- key patterns ------------------------------------------------------------ */

static void regex_escaped(gir_buf *b, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (strchr("^$\\.*+?()[]{}|", s[i]))
			gir_buf_putc(b, '\\');
		gir_buf_putc(b, s[i]);
	}
}

/* Text to match with spaces allowed before, between and after characters. */
static void spaced(gir_buf *b, const char *s, size_t n)
{
	gir_buf_puts(b, SPACES);
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		size_t k = gir_utf8_decode(s + i, n - i, &cp);
		if (k == 0)
			k = 1;
		if (cp != ' ' && cp != '\t' && cp != 0x3000) {
			regex_escaped(b, s + i, k);
			gir_buf_puts(b, SPACES);
		}
		i += k;
	}
}

/* A label holding "{year}" matches any four-digit year there; the text
 * before it is compared as written (same_key_with_year in template.c). */
static bool year_form(gir_buf *b, const char *label)
{
	const char *y = strstr(label, "{year}");
	if (!y)
		return false;
	gir_buf_puts(b, SPACES);
	regex_escaped(b, label, (size_t)(y - label));
	gir_buf_puts(b, "[0-9]{4}");
	spaced(b, y + 6, strlen(y + 6));
	return true;
}

static void add_alternative(gir_ptrvec *alts, gir_buf *alt)
{
	char *s = gir_buf_detach(alt);
	for (size_t i = 0; i < alts->len; i++)
		if (strcmp(alts->items[i], s) == 0) {
			free(s);
			return;
		}
	gir_ptrvec_push(alts, s);
}

/* Every key gir_axis_matches (or section_matches) accepts for a node: its
 * id, its label, its bare label with any numbering in front, an alias. */
static char *key_pattern(const char *id, const char *label, const char *bare,
                         char *const *aliases, size_t naliases)
{
	gir_ptrvec alts = {0};
	gir_buf a = {0};
	if (id) {
		spaced(&a, id, strlen(id));
		add_alternative(&alts, &a);
	}
	if (year_form(&a, label))
		add_alternative(&alts, &a);
	if (year_form(&a, bare))
		add_alternative(&alts, &a);
	/* The label itself is its bare label with its number in front. */
	gir_buf_printf(&a, SPACES "(?:%s)?", gir_numbering_regex);
	spaced(&a, bare, strlen(bare));
	add_alternative(&alts, &a);
	for (size_t i = 0; i < naliases; i++) {
		spaced(&a, aliases[i], strlen(aliases[i]));
		add_alternative(&alts, &a);
	}
	gir_buf p = {0};
	gir_buf_puts(&p, "^(?:");
	for (size_t i = 0; i < alts.len; i++)
		gir_buf_printf(&p, "%s%s", i ? "|" : "", (char *)alts.items[i]);
	gir_buf_puts(&p, ")$");
	for (size_t i = 0; i < alts.len; i++)
		free(alts.items[i]);
	gir_ptrvec_free(&alts);
	return gir_buf_detach(&p);
}

static char *axis_pattern(const gir_axis *a)
{
	return key_pattern(a->id, a->label, a->bare_label, a->aliases, a->naliases);
}

/* A top-level field is found by its id or its label, exactly (field_of). */
static char *exact_pattern(const char *label)
{
	gir_buf p = {0};
	gir_buf_putc(&p, '^');
	regex_escaped(&p, label, strlen(label));
	gir_buf_putc(&p, '$');
	return gir_buf_detach(&p);
}

/* ---- small builders ------------------------------------------------------------ */

/* A schema object, with its title first (editors show it on hover). */
static cJSON *titled(const char *title)
{
	cJSON *o = cJSON_CreateObject();
	if (title)
		cJSON_AddStringToObject(o, "title", title);
	return o;
}

/* {"title": title, "$ref": "#/$defs/def"}; title may be NULL. */
static cJSON *ref(const char *title, const char *def)
{
	gir_buf r = {0};
	gir_buf_puts(&r, "#/$defs/");
	for (const unsigned char *p = (const unsigned char *)def; *p; p++) {
		if (*p == '~')
			gir_buf_puts(&r, "~0");
		else if (*p == '/')
			gir_buf_puts(&r, "~1");
		else if (*p > ' ' && *p < 0x7F && !strchr("%#\"<>\\^`{|}", *p))
			gir_buf_putc(&r, (char)*p);
		else
			gir_buf_printf(&r, "%%%02X", *p); /* a URI fragment is ASCII */
	}
	cJSON *o = titled(title);
	cJSON_AddStringToObject(o, "$ref", r.ptr);
	gir_buf_free(&r);
	return o;
}

/* "type": "x" or "type": ["x", "y"], from a NULL-terminated list. */
static void add_types(cJSON *o, const char *const *types)
{
	size_t n = 0;
	while (types[n])
		n++;
	if (n == 1) {
		cJSON_AddStringToObject(o, "type", types[0]);
		return;
	}
	cJSON *arr = cJSON_AddArrayToObject(o, "type");
	for (size_t i = 0; i < n; i++)
		cJSON_AddItemToArray(arr, cJSON_CreateString(types[i]));
}

/* The same schema under a pattern as under the property: patternProperties
 * and properties may not share one cJSON item. */
static void add_pattern(cJSON *patterns, char *pattern, cJSON *schema)
{
	if (cJSON_GetObjectItemCaseSensitive(patterns, pattern))
		cJSON_Delete(schema);
	else
		cJSON_AddItemToObject(patterns, pattern, schema);
	free(pattern);
}

/* A definition of $defs, created empty on first use (and filled by the
 * caller then), so that a definition may refer to itself. */
static cJSON *new_def(sctx *c, const char *name, bool *created)
{
	cJSON *d = cJSON_GetObjectItemCaseSensitive(c->defs, name);
	*created = d == NULL;
	if (!d)
		d = cJSON_AddObjectToObject(c->defs, name);
	return d;
}

/* ---- cells ---------------------------------------------------------------------- */

static const char *cell_def(gir_cell_type t)
{
	return t == GIR_DELTA ? "delta" : t == GIR_AMOUNT ? "amount" : "count";
}

/* A count or change is a JSON integer; an editor sees 1.0 as 1 and 2.50 as
 * 2.5, so whole-number and decimal-place rules are left to the loader. */
static void cell_bounds(cJSON *o, gir_cell_type t)
{
	cJSON_AddNumberToObject(o, "minimum", t == GIR_DELTA ? -(double)GIR_VALUE_MAX : 0);
	cJSON_AddNumberToObject(o, "maximum", (double)GIR_VALUE_MAX);
}

/* A cell may be "not applicable": a string of one of gir_na_spellings
 * ("pattern" constrains strings only, so a number is unaffected). */
static void add_na_pattern(cJSON *o)
{
	gir_buf p = {0};
	gir_buf_puts(&p, "^ *(");
	for (int i = 1; gir_na_spellings[i]; i++)
		gir_buf_printf(&p, "%s%s", i > 1 ? "|" : "", gir_na_spellings[i]);
	gir_buf_puts(&p, ") *$");
	cJSON_AddStringToObject(o, "pattern", p.ptr);
	gir_buf_free(&p);
}

static void add_cell_def(cJSON *defs, gir_cell_type t, const char *description)
{
	cJSON *o = cJSON_AddObjectToObject(defs, cell_def(t));
	char *desc = gir_xasprintf("%s, or / where the row does not apply", description);
	cJSON_AddStringToObject(o, "description", desc);
	free(desc);
	add_types(o, (const char *const[]){t == GIR_AMOUNT ? "number" : "integer", "string", NULL});
	cell_bounds(o, t);
	add_na_pattern(o);
}

static cJSON *cell(const gir_axis *col, const char *title)
{
	return ref(title ? title : col->label, cell_def(col->type));
}

/* ---- rows ---------------------------------------------------------------------- */

/* Whether the computed columns come last, so that a row without them is a
 * prefix of the row with them. */
static bool sums_last(const gir_block *b)
{
	for (size_t c = 0, in = gir_block_input_columns(b); c < in; c++)
		if (gir_axis_is_sum(b->col_leaves[c]))
			return false;
	return true;
}

/* The cells of `rows` rows of the block in order, all or only the input ones. */
static cJSON *cell_list(const gir_block *b, size_t nrows, bool with_sums)
{
	cJSON *arr = cJSON_CreateArray();
	for (size_t r = 0; r < nrows; r++)
		for (size_t c = 0; c < b->ncols; c++) {
			const gir_axis *col = b->col_leaves[c];
			if (!with_sums && gir_axis_is_sum(col))
				continue;
			char *title = nrows > 1 ? gir_join_labels(b->row_leaves[r]->label, col->label,
			                                          (char *)NULL)
			                        : NULL;
			cJSON_AddItemToArray(arr, cell(col, title));
			free(title);
		}
	return arr;
}

static cJSON *exact_list(const gir_block *b, size_t nrows, bool with_sums)
{
	size_t n = nrows * (with_sums ? b->ncols : gir_block_input_columns(b));
	cJSON *o = cJSON_CreateObject();
	cJSON_AddStringToObject(o, "type", "array");
	cJSON_AddItemToObject(o, "prefixItems", cell_list(b, nrows, with_sums));
	cJSON_AddNumberToObject(o, "minItems", (double)n);
	cJSON_AddNumberToObject(o, "maxItems", (double)n);
	return o;
}

/* A list of values: every cell, or every cell but the computed ones (a
 * list of another length is the loader's "N values, but the row has M"). */
static void add_list_form(cJSON *o, const gir_block *b, size_t nrows)
{
	size_t all = nrows * b->ncols, in = nrows * gir_block_input_columns(b);
	if (all == in || (nrows == 1 && sums_last(b))) {
		cJSON_AddItemToObject(o, "prefixItems", cell_list(b, nrows, true));
		cJSON_AddNumberToObject(o, "minItems", (double)in);
		cJSON_AddNumberToObject(o, "maxItems", (double)all);
		return;
	}
	cJSON *any = cJSON_AddArrayToObject(o, "anyOf");
	cJSON_AddItemToArray(any, exact_list(b, nrows, true));
	cJSON_AddItemToArray(any, exact_list(b, nrows, false));
	cJSON *other = cJSON_CreateObject(); /* the row's other forms */
	cJSON_AddStringToObject(cJSON_AddObjectToObject(other, "not"), "type", "array");
	cJSON_AddItemToArray(any, other);
}

/* A row as a mapping of its columns: only leaf columns are keys. */
static void add_column_keys(cJSON *o, const gir_block *b)
{
	const gir_axis *kids[GIR_MAX_KEYS];
	size_t nk = gir_axis_keyed_children(&b->cols, kids, GIR_MAX_KEYS);
	cJSON *props = cJSON_AddObjectToObject(o, "properties");
	cJSON *pats = cJSON_AddObjectToObject(o, "patternProperties");
	for (size_t i = 0; i < nk && i < GIR_MAX_KEYS; i++)
		if (kids[i]->leaf >= 0) {
			cJSON_AddItemToObject(props, kids[i]->id, cell(kids[i], NULL));
			add_pattern(pats, axis_pattern(kids[i]), cell(kids[i], NULL));
		}
	cJSON_AddFalseToObject(o, "additionalProperties");
}

/* "第二十条第（一）项: 本年制发件数, 本年废止件数, 现行有效件数 (总计 is computed)",
 * as the skeleton's comment says it. */
static char *columns_description(const gir_block *b)
{
	gir_buf d = {0};
	if (b->caption)
		gir_buf_printf(&d, "%s: ", b->caption);
	const char *sum = NULL;
	for (size_t c = 0, n = 0; c < b->ncols; c++) {
		if (gir_axis_is_sum(b->col_leaves[c]))
			sum = b->col_leaves[c]->label;
		else
			gir_buf_printf(&d, "%s%s", n++ ? ", " : "", b->col_leaves[c]->label);
	}
	if (sum)
		gir_buf_printf(&d, " (%s is computed; it may be given, and is then checked)", sum);
	return gir_buf_detach(&d);
}

/* A row of a block: a list in column order, a mapping of columns, or, for
 * a single input column, the bare value. */
static void fill_row_def(cJSON *d, const gir_block *b)
{
	size_t in = gir_block_input_columns(b);
	const gir_axis *only = NULL;
	for (size_t c = 0; c < b->ncols && in == 1; c++)
		if (!gir_axis_is_sum(b->col_leaves[c]))
			only = b->col_leaves[c];
	char *desc = columns_description(b);
	cJSON_AddStringToObject(d, "description", desc);
	free(desc);
	const char *number = only && only->type == GIR_AMOUNT ? "number" : "integer";
	const char *types[] = {"array", "object", only ? number : NULL, only ? "string" : NULL, NULL};
	add_types(d, types);
	if (only) {
		cell_bounds(d, only->type);
		add_na_pattern(d);
	}
	add_list_form(d, b, 1);
	add_column_keys(d, b);
	cJSON *zeros = only ? cJSON_CreateNumber(0) : cJSON_CreateArray();
	for (size_t i = 0; !only && i < in; i++)
		cJSON_AddItemToArray(zeros, cJSON_CreateNumber(0));
	cJSON_AddItemToObject(d, "default", zeros); /* what an editor inserts */
}

static size_t block_index(const gir_section *s, const gir_axis *a)
{
	while (a->parent)
		a = a->parent;
	for (size_t i = 0; i < s->nblocks; i++)
		if (&s->blocks[i]->rows == a)
			return i;
	return 0;
}

static cJSON *row_ref(sctx *c, const gir_section *s, const gir_axis *row)
{
	size_t bi = block_index(s, row);
	char *name = gir_xasprintf("%s:block%zu", s->id, bi + 1);
	bool created;
	cJSON *d = new_def(c, name, &created);
	if (created)
		fill_row_def(d, s->blocks[bi]);
	cJSON *r = ref(row->label, name);
	free(name);
	return r;
}

/* ---- mappings of rows ----------------------------------------------------------- */

static void add_rows_object(sctx *c, cJSON *o, const gir_section *s, const gir_axis **kids,
                            size_t nk);

/* ".3.2": the place of a node among its parent's children, from the root. */
static void child_indices(gir_buf *b, const gir_axis *a)
{
	if (!a->parent)
		return;
	child_indices(b, a->parent);
	size_t i = 0;
	while (a->parent->children[i] != a)
		i++;
	gir_buf_printf(b, ".%zu", i + 1);
}

/* "requests.withheld" for a keyed group, "requests:heading1.3" (block,
 * child indices) for a heading of the form without an id. */
static char *group_def_name(const gir_section *s, const gir_axis *g)
{
	gir_buf name = {0};
	if (g->id) {
		char *path = gir_axis_path(g);
		gir_buf_printf(&name, "%s.%s", s->id, path);
		free(path);
	} else {
		gir_buf_printf(&name, "%s:heading%zu", s->id, block_index(s, g) + 1);
		child_indices(&name, g);
	}
	return gir_buf_detach(&name);
}

/* A group of rows is a mapping of its rows, never a row itself. */
static cJSON *group_ref(sctx *c, const gir_section *s, const gir_axis *g)
{
	char *name = group_def_name(s, g);
	bool created;
	cJSON *d = new_def(c, name, &created);
	if (created) {
		cJSON_AddStringToObject(d, "title", g->label);
		cJSON_AddStringToObject(d, "type", "object");
		const gir_axis *kids[GIR_MAX_KEYS];
		size_t nk = gir_axis_keyed_children(g, kids, GIR_MAX_KEYS);
		add_rows_object(c, d, s, kids, nk < GIR_MAX_KEYS ? nk : GIR_MAX_KEYS);
	}
	cJSON *r = ref(NULL, name);
	free(name);
	return r;
}

static cJSON *node_ref(sctx *c, const gir_section *s, const gir_axis *a)
{
	return a->leaf >= 0 ? row_ref(c, s, a) : group_ref(c, s, a);
}

/* The form's headings without an id above these rows (三、本年度办理结果,
 * 行政诉讼), which a clerk may nest the rows under (match_group_heading). */
static size_t headings_above(const gir_axis **kids, size_t nk, const gir_axis **out, size_t cap)
{
	size_t n = 0;
	for (size_t i = 0; i < nk; i++)
		for (const gir_axis *g = kids[i]->parent; g && g->parent && !g->id; g = g->parent) {
			size_t j = 0;
			while (j < n && out[j] != g)
				j++;
			if (j == n && n < cap)
				out[n++] = g;
		}
	return n;
}

static void add_rows_object(sctx *c, cJSON *o, const gir_section *s, const gir_axis **kids,
                            size_t nk)
{
	cJSON *props = cJSON_AddObjectToObject(o, "properties");
	cJSON *pats = cJSON_AddObjectToObject(o, "patternProperties");
	for (size_t i = 0; i < nk; i++)
		cJSON_AddItemToObject(props, kids[i]->id, node_ref(c, s, kids[i]));
	for (size_t i = 0; i < nk; i++)
		add_pattern(pats, axis_pattern(kids[i]), node_ref(c, s, kids[i]));
	const gir_axis *heads[GIR_MAX_KEYS];
	size_t nh = headings_above(kids, nk, heads, GIR_MAX_KEYS);
	for (size_t i = 0; i < nh; i++)
		add_pattern(pats, axis_pattern(heads[i]), group_ref(c, s, heads[i]));
	cJSON_AddFalseToObject(o, "additionalProperties");
}

/* ---- sections ------------------------------------------------------------------- */

/* Table 四 may be one list, as the national form prints it (bind_flat_table). */
static bool one_line_table(const gir_section *s)
{
	return s->nblocks == 1 && s->blocks[0]->layout == GIR_LAYOUT_INLINE;
}

static void add_one_line_description(cJSON *d, const gir_block *b)
{
	char *desc = gir_xasprintf("the rows under their keys, or all %zu values in one list as the "
	                           "form prints them (%zu without the computed cells)",
	                           b->nrows * b->ncols, b->nrows * gir_block_input_columns(b));
	cJSON_AddStringToObject(d, "description", desc);
	free(desc);
}

/* A table: a mapping of its rows; nothing at all (an omitted table); or,
 * for table 四, one list. */
static cJSON *table_ref(sctx *c, const gir_section *s)
{
	bool created;
	cJSON *d = new_def(c, s->id, &created);
	if (created) {
		cJSON_AddStringToObject(d, "title", s->heading);
		if (one_line_table(s))
			add_one_line_description(d, s->blocks[0]);
		const char *types[] = {"object", "null", one_line_table(s) ? "array" : NULL, NULL};
		add_types(d, types);
		const gir_axis *rows[GIR_MAX_ROWS];
		size_t n = 0;
		for (size_t i = 0; i < s->nblocks; i++)
			n += gir_axis_keyed_children(&s->blocks[i]->rows, rows + n,
			                             n < GIR_MAX_ROWS ? GIR_MAX_ROWS - n : 0);
		add_rows_object(c, d, s, rows, n < GIR_MAX_ROWS ? n : GIR_MAX_ROWS);
		if (one_line_table(s))
			add_list_form(d, s->blocks[0], s->blocks[0]->nrows);
	}
	return ref(NULL, s->id);
}

static cJSON *section_ref(sctx *c, const gir_section *s)
{
	if (s->kind == GIR_TABLE)
		return table_ref(c, s);
	return ref(s->heading, "narrative");
}

/* ---- fields --------------------------------------------------------------------- */

/* Characters text_is_clean refuses: controls other than tab and line feed,
 * and the bidirectional overrides and isolates. */
#define HOSTILE "\\u0000-\\u0008\\u000b-\\u001f\\u007f-\\u009f\\u202a-\\u202e\\u2066-\\u2069"
#define CLEAN "^[^" HOSTILE "]*$"
#define CLEAN_NOT_EMPTY "^(?=[\\s\\S]*\\S)[^" HOSTILE "]*$"

static const char *const scalar_types[] = {"string", "number", "boolean", "null", NULL};

/* Text as string_value reads it: any scalar but an empty one. */
static void add_text_defs(cJSON *defs)
{
	cJSON *t = cJSON_AddObjectToObject(defs, "text");
	add_types(t, (const char *const[]){"string", "number", "boolean", NULL});
	cJSON_AddStringToObject(t, "pattern", CLEAN_NOT_EMPTY);
	cJSON *para = cJSON_AddObjectToObject(defs, "paragraph");
	cJSON_AddStringToObject(para, "description", "text; a blank line starts a new paragraph");
	add_types(para, scalar_types);
	cJSON_AddStringToObject(para, "pattern", CLEAN);
}

/* 2021-01-08 or 2021年1月8日, zero padding optional, a day that exists
 * (parse_date and bind_date in validate.c). */
static void add_date_def(cJSON *defs)
{
	static const char y[] = "[0-9]{4}";
	static const char leap[] =
		"(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)";
	static const char *const seps[2][3] = {{"-", "-", ""}, {"年", "月", "日"}};
	gir_buf p = {0};
	gir_buf_puts(&p, "^(?:");
	for (int f = 0; f < 2; f++) {
		const char *a = seps[f][0], *b = seps[f][1], *e = seps[f][2];
		gir_buf_printf(&p, "%s%s%s(?:(?:0?[13578]|1[02])%s(?:0?[1-9]|[12][0-9]|3[01])"
		                   "|(?:0?[469]|11)%s(?:0?[1-9]|[12][0-9]|30)"
		                   "|0?2%s(?:0?[1-9]|1[0-9]|2[0-8]))%s|%s%s0?2%s29%s",
		               f ? "|" : "", y, a, b, b, b, e, leap, a, b, e);
	}
	gir_buf_puts(&p, ")$");
	cJSON *d = cJSON_AddObjectToObject(defs, "date");
	cJSON_AddStringToObject(d, "description", "2021-01-08 or 2021年1月8日");
	cJSON_AddStringToObject(d, "type", "string");
	cJSON_AddStringToObject(d, "pattern", p.ptr);
	gir_buf_free(&p);
}

/* Text, or a list whose items are text or `subheading: text` (one key,
 * its text a scalar or a list of them). */
static void add_narrative_defs(cJSON *defs)
{
	const char *const text_or_list[] = {"string", "number", "boolean", "null", "array", NULL};
	cJSON *n = cJSON_AddObjectToObject(defs, "narrative");
	cJSON_AddStringToObject(n, "description",
	                        "text, or a list of paragraphs and \"subheading: text\" items");
	add_types(n, text_or_list);
	cJSON_AddStringToObject(n, "pattern", CLEAN);
	cJSON_AddItemToObject(n, "items", ref(NULL, "narrative-item"));
	cJSON *item = cJSON_AddObjectToObject(defs, "narrative-item");
	add_types(item, (const char *const[]){"string", "number", "boolean", "null", "object", NULL});
	cJSON_AddStringToObject(item, "pattern", CLEAN);
	cJSON_AddNumberToObject(item, "minProperties", 1);
	cJSON_AddNumberToObject(item, "maxProperties", 1);
	cJSON_AddStringToObject(cJSON_AddObjectToObject(item, "propertyNames"), "pattern", CLEAN);
	cJSON *text = cJSON_AddObjectToObject(item, "additionalProperties");
	add_types(text, text_or_list);
	cJSON_AddStringToObject(text, "pattern", CLEAN);
	cJSON_AddItemToObject(text, "items", ref(NULL, "paragraph"));
}

static cJSON *fonts_schema(const char *title)
{
	cJSON *o = titled(title);
	cJSON_AddStringToObject(o, "description", "PDF fonts by role: a .ttf, or a .ttc with :INDEX");
	cJSON_AddStringToObject(o, "type", "object");
	cJSON *props = cJSON_AddObjectToObject(o, "properties");
	for (int r = 0; r < GIR_FONT_ROLES; r++)
		cJSON_AddItemToObject(props, gir_font_roles[r], ref(NULL, "text"));
	cJSON_AddFalseToObject(o, "additionalProperties");
	return o;
}

/* subheadings: run-in, or {narrative id: style}. */
static cJSON *styles_schema(const char *title)
{
	cJSON *style = cJSON_CreateObject();
	cJSON *e = cJSON_AddArrayToObject(style, "enum");
	cJSON_AddItemToArray(e, cJSON_CreateString("run-in"));
	cJSON_AddItemToArray(e, cJSON_CreateString("separate"));
	cJSON *o = titled(title);
	cJSON_AddStringToObject(o, "description",
	                        "how subheadings print: run-in (at the start of their paragraph) or "
	                        "separate; one style, or one per narrative");
	cJSON *any = cJSON_AddArrayToObject(o, "anyOf");
	cJSON_AddItemToArray(any, style);
	cJSON *per = cJSON_CreateObject();
	cJSON_AddStringToObject(per, "type", "object");
	cJSON_AddItemToObject(per, "additionalProperties", cJSON_Duplicate(style, 1));
	cJSON_AddItemToArray(any, per);
	return o;
}

/* `title: ~` is the field left out (with a warning): o, or null.  The title
 * moves to the outside, where editors look for it. */
static cJSON *or_null(cJSON *o)
{
	cJSON *w = cJSON_CreateObject();
	cJSON *title = cJSON_DetachItemFromObjectCaseSensitive(o, "title");
	if (title)
		cJSON_AddItemToObject(w, "title", title);
	cJSON *any = cJSON_AddArrayToObject(w, "anyOf");
	cJSON_AddItemToArray(any, o);
	cJSON *null = cJSON_CreateObject();
	cJSON_AddStringToObject(null, "type", "null");
	cJSON_AddItemToArray(any, null);
	return w;
}

static cJSON *field_schema(const gir_template *t, gir_field f)
{
	const char *title = t->field_labels[f];
	cJSON *o;
	switch (f) {
	case GIR_F_YEAR:
		o = titled(title);
		cJSON_AddStringToObject(o, "type", "integer");
		cJSON_AddNumberToObject(o, "minimum", YEAR_MIN);
		cJSON_AddNumberToObject(o, "maximum", YEAR_MAX);
		return o;
	case GIR_F_TEMPLATE:
		o = titled(title);
		cJSON_AddStringToObject(o, "const", t->id);
		return o;
	case GIR_F_SIGNATORIES: /* one name, or a list of them */
		o = titled(title);
		add_types(o, (const char *const[]){"string", "number", "boolean", "array", NULL});
		cJSON_AddStringToObject(o, "pattern", CLEAN_NOT_EMPTY);
		cJSON_AddNumberToObject(o, "minItems", 1);
		cJSON_AddItemToObject(o, "items", ref(NULL, "text"));
		return or_null(o);
	case GIR_F_DATE: return or_null(ref(title, "date"));
	case GIR_F_PREFACE: return ref(title, "narrative");
	case GIR_F_FONTS: return or_null(fonts_schema(title));
	case GIR_F_SUBHEADINGS: return or_null(styles_schema(title));
	case GIR_F_AGENCY: return ref(title, "text"); /* required: null is an error */
	case GIR_F_PROFILE: /* a profile's id or label */
		o = titled(title);
		if (t->nprofiles) {
			cJSON *e = cJSON_AddArrayToObject(o, "enum");
			for (size_t i = 0; i < t->nprofiles; i++) {
				cJSON_AddItemToArray(e, cJSON_CreateString(t->profiles[i].id));
				cJSON_AddItemToArray(e, cJSON_CreateString(t->profiles[i].label));
			}
		} else {
			cJSON_AddObjectToObject(o, "not"); /* the template has none: no value fits */
		}
		return or_null(o);
	default: return or_null(ref(title, "text")); /* title, previous */
	}
}

/* ---- the whole file ------------------------------------------------------------- */

/* year and agency, by id or by label. */
static cJSON *required_field(const gir_template *t, gir_field f)
{
	cJSON *any = cJSON_CreateObject();
	cJSON *alts = cJSON_AddArrayToObject(any, "anyOf");
	const char *keys[2] = {gir_field_ids[f], t->field_labels[f]};
	for (int i = 0; i < 2; i++) {
		cJSON *r = cJSON_CreateObject();
		cJSON *list = cJSON_AddArrayToObject(r, "required");
		cJSON_AddItemToArray(list, cJSON_CreateString(keys[i]));
		cJSON_AddItemToArray(alts, r);
	}
	return any;
}

/* A source that names no template is one of this edition only in its
 * years (choose_template: the project's template, too, only in its years). */
static cJSON *years_without_template(const gir_template *t)
{
	cJSON *o = cJSON_CreateObject();
	cJSON_AddItemToObject(o, "if", required_field(t, GIR_F_TEMPLATE));
	cJSON *els = cJSON_AddObjectToObject(o, "else");
	cJSON *props = cJSON_AddObjectToObject(els, "properties");
	const char *keys[2] = {gir_field_ids[GIR_F_YEAR], t->field_labels[GIR_F_YEAR]};
	for (int i = 0; i < 2; i++) {
		cJSON *y = cJSON_AddObjectToObject(props, keys[i]);
		cJSON_AddNumberToObject(y, "minimum", t->first_year);
		if (t->last_year)
			cJSON_AddNumberToObject(y, "maximum", t->last_year);
	}
	return o;
}

static void add_top_keys(sctx *c, cJSON *root)
{
	const gir_template *t = c->t;
	cJSON *props = cJSON_AddObjectToObject(root, "properties");
	cJSON *pats = cJSON_AddObjectToObject(root, "patternProperties");
	for (int f = 0; f < GIR_F_COUNT; f++) {
		cJSON_AddItemToObject(props, gir_field_ids[f], field_schema(t, (gir_field)f));
		add_pattern(pats, exact_pattern(t->field_labels[f]), field_schema(t, (gir_field)f));
	}
	for (size_t i = 0; i < t->nsections; i++) {
		const gir_section *s = t->sections[i];
		cJSON_AddItemToObject(props, s->id, section_ref(c, s));
		add_pattern(pats, key_pattern(s->id, s->heading, s->bare_heading, NULL, 0),
		            section_ref(c, s));
	}
	cJSON_AddFalseToObject(root, "additionalProperties");
	cJSON *all = cJSON_AddArrayToObject(root, "allOf");
	cJSON_AddItemToArray(all, required_field(t, GIR_F_YEAR));
	cJSON_AddItemToArray(all, required_field(t, GIR_F_AGENCY));
	if (t->first_year)
		cJSON_AddItemToArray(all, years_without_template(t));
}

int gir_template_schema(const gir_template *t, gir_buf *out)
{
	sctx c = {.t = t, .defs = cJSON_CreateObject()};
	add_cell_def(c.defs, GIR_COUNT, "a whole number of 0 or more");
	add_cell_def(c.defs, GIR_DELTA, "a whole number, negative for a decrease");
	add_cell_def(c.defs, GIR_AMOUNT, "an exact decimal of 0 or more, such as 6.0248, kept as written");
	add_text_defs(c.defs);
	add_date_def(c.defs);
	add_narrative_defs(c.defs);
	cJSON *root = cJSON_CreateObject();
	cJSON_AddStringToObject(root, "$schema", "https://json-schema.org/draft/2020-12/schema");
	char *comment = gir_xasprintf("generated by `gireport schema %s` from the template; "
	                              "`gireport check` checks what a schema cannot", t->id);
	cJSON_AddStringToObject(root, "$comment", comment);
	free(comment);
	cJSON_AddStringToObject(root, "title", t->name);
	cJSON_AddStringToObject(root, "type", "object");
	add_top_keys(&c, root);
	cJSON_AddItemToObject(root, "$defs", c.defs);
	char *text = cJSON_Print(root);
	cJSON_Delete(root);
	if (!text)
		return -1;
	gir_buf_puts(out, text);
	gir_buf_putc(out, '\n');
	cJSON_free(text);
	return 0;
}
