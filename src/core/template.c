/* Template loader: JSON (cJSON) → gir_template.  Everything a particular
 * edition says — headings, labels, row and column order, totals and checks —
 * comes from here; no other file knows a label. */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cJSON.h>

#include "cn.h"
#include "diag.h"
#include "template.h"
#include "template_parts.h"
#include "utf8.h"
#include "util.h"

const char *const gir_field_ids[GIR_F_COUNT] = {
	"year", "agency", "template", "title", "date", "signatories", "previous", "preface", "fonts",
	"profile",
	"subheadings",
};

typedef struct tctx {
	const char *file;
	gir_diags *diags;
	int failed;
} tctx;

static void terr(tctx *c, const char *fmt, const char *what)
{
	/* A template's problems are its author's: their details stay in English
	 * under one id (docs/messages.md). */
	gir_diags_add(c->diags, c->file, GIR_ERROR, "template_invalid", fmt, what);
	c->failed = 1;
}

static char *json_string(tctx *c, const cJSON *obj, const char *key, bool required)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
	if (cJSON_IsString(v))
		return gir_xstrdup(v->valuestring);
	if (v || required)
		terr(c, "template: \"%s\" must be a string", key);
	return NULL;
}

/* An optional array of strings (aliases): NULL-terminated, or NULL when
 * absent; other elements than strings are an error. */
static char **json_strings(tctx *c, const cJSON *obj, const char *key, size_t *n)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
	*n = 0;
	if (!v)
		return NULL;
	if (!cJSON_IsArray(v)) {
		terr(c, "template: \"%s\" must be an array of strings", key);
		return NULL;
	}
	char **r = gir_xcalloc((size_t)cJSON_GetArraySize(v) + 1, sizeof *r);
	const cJSON *e;
	cJSON_ArrayForEach(e, v)
	{
		if (cJSON_IsString(e))
			r[(*n)++] = gir_xstrdup(e->valuestring);
		else
			terr(c, "template: \"%s\" must be an array of strings", key);
	}
	return r;
}

static int compare_strings(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void free_strings(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

/* ---- numbering ------------------------------------------------------------ */

static bool is_cn_digit(uint32_t cp)
{
	return gir_cn_numeral(cp) > 0; /* GIR_CN_NUMERALS: not 〇 */
}

/* Kept beside gir_skip_numbering so that the two change together. */
const char gir_numbering_regex[] =
	"(?:[（(](?:[" GIR_CN_NUMERALS "]+|[0-9０-９]+)[）)]"
	"|(?:[" GIR_CN_NUMERALS "]+|[0-9０-９]+)[、．]"
	"|[0-9０-９]+\\.(?![0-9]))";

static bool is_digit_cp(uint32_t cp)
{
	return gir_cn_digit(cp) >= 0;
}

static const char *skip_spaces(const char *s)
{
	for (;;) {
		if (*s == ' ' || *s == '\t')
			s++;
		else if (strncmp(s, "\xE3\x80\x80", 3) == 0) /* U+3000 */
			s += 3;
		else
			return s;
	}
}

/* Reads a run of numeral code points; returns the end and their kind. */
static const char *numeral_run(const char *s, int *kind)
{
	*kind = 0;
	for (;;) {
		uint32_t cp;
		/* strnlen: a sequence is at most 4 bytes, and a line of digits must
		 * not cost its length squared. */
		size_t k = gir_utf8_decode(s, strnlen(s, 4), &cp);
		if (k == 0)
			return s;
		int this = is_cn_digit(cp) ? 1 : is_digit_cp(cp) ? 2 : 0;
		if (!this || (*kind && this != *kind))
			return s;
		*kind = this;
		s += k;
	}
}

const char *gir_skip_numbering(const char *s)
{
	const char *p = skip_spaces(s);
	int kind;
	bool open_full = strncmp(p, "（", 3) == 0, open_ascii = *p == '(';
	if (open_full || open_ascii) {
		const char *e = numeral_run(p + (open_full ? 3 : 1), &kind);
		if (kind && strncmp(e, "）", 3) == 0)
			return skip_spaces(e + 3);
		if (kind && *e == ')')
			return skip_spaces(e + 1);
		return p;
	}
	const char *e = numeral_run(p, &kind);
	if (!kind)
		return p;
	if (strncmp(e, "、", 3) == 0 || strncmp(e, "．", 3) == 0)
		return skip_spaces(e + 3);
	if (kind == 2 && *e == '.' && !(e[1] >= '0' && e[1] <= '9'))
		return skip_spaces(e + 1);
	return p;
}

/* ---- axis trees ----------------------------------------------------------- */

static bool parse_type(tctx *c, const char *s, gir_cell_type *t)
{
	if (!s || strcmp(s, "count") == 0)
		*t = GIR_COUNT;
	else if (strcmp(s, "delta") == 0)
		*t = GIR_DELTA;
	else if (strcmp(s, "amount") == 0)
		*t = GIR_AMOUNT;
	else {
		terr(c, "template: unknown cell type \"%s\" (count, delta, amount)", s);
		return false;
	}
	return true;
}

static void parse_axis_node(tctx *c, const cJSON *j, gir_axis *parent, gir_axis *a,
                            gir_cell_type inherited);

static void parse_axis_children(tctx *c, const cJSON *arr, gir_axis *a, gir_cell_type type)
{
	if (!cJSON_IsArray(arr) || cJSON_GetArraySize(arr) == 0) {
		terr(c, "template: %s must be a non-empty array", "columns/rows/children");
		return;
	}
	a->nchildren = (size_t)cJSON_GetArraySize(arr);
	a->children = gir_xcalloc(a->nchildren, sizeof(gir_axis *));
	size_t i = 0;
	const cJSON *k;
	cJSON_ArrayForEach(k, arr)
	{
		a->children[i] = gir_xcalloc(1, sizeof(gir_axis));
		parse_axis_node(c, k, a, a->children[i], type);
		i++;
	}
}

static void add_axis_unit(gir_axis *a, const char *text, int64_t factor)
{
	a->units = gir_xrealloc(a->units, (a->nunits + 1) * sizeof *a->units);
	a->units[a->nunits++] = (gir_axis_unit){gir_xstrdup(text), factor};
}

/* "unit": "万元", or {"万元": 1, "元": 10000} when a report may print the
 * cell in another unit (元 in a 万元 column of gov-2019, 平潭 2019): the
 * unit of factor 1 is the cells' own, the others are what import converts
 * from.  The cells' unit comes first in a->units. */
static void parse_axis_unit(tctx *c, const cJSON *j, gir_axis *a)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(j, "unit"), *u;
	if (!v)
		return;
	if (cJSON_IsString(v)) {
		a->unit = gir_xstrdup(v->valuestring);
		add_axis_unit(a, v->valuestring, 1);
		return;
	}
	if (!cJSON_IsObject(v)) {
		terr(c, "template: \"%s\" must be a string or an object", "unit");
		return;
	}
	cJSON_ArrayForEach(u, v)
	{
		if (!*u->string || !cJSON_IsNumber(u) || u->valuedouble < 1 || u->valuedouble > 1e9 ||
		    u->valuedouble != (double)(int64_t)u->valuedouble) {
			terr(c, "template: \"%s\" maps each unit to a whole factor from 1 to 10^9", "unit");
			return;
		}
		if (u->valuedouble != 1)
			continue;
		if (a->unit) {
			terr(c, "template: \"%s\" gives two units of factor 1", "unit");
			return;
		}
		a->unit = gir_xstrdup(u->string);
		add_axis_unit(a, u->string, 1);
	}
	if (!a->unit) {
		terr(c, "template: \"%s\" gives no unit of factor 1 (the cells' own)", "unit");
		return;
	}
	cJSON_ArrayForEach(u, v)
	{
		if (u->valuedouble != 1)
			add_axis_unit(a, u->string, (int64_t)u->valuedouble);
	}
}

bool gir_axis_na_allowed(const gir_axis *row, const gir_axis *col)
{
	for (const gir_axis *a = row; a; a = a->parent)
		if (a->no_na)
			return false;
	for (const gir_axis *a = col; a; a = a->parent)
		if (a->no_na)
			return false;
	return true;
}

static void parse_axis_node(tctx *c, const cJSON *j, gir_axis *parent, gir_axis *a,
                            gir_cell_type inherited)
{
	a->parent = parent;
	a->leaf = -1;
	if (!cJSON_IsObject(j)) {
		terr(c, "template: %s must be an object", "a row or column");
		return;
	}
	a->id = json_string(c, j, "id", false);
	a->label = json_string(c, j, "label", true);
	if (!a->label)
		a->label = gir_xstrdup("");
	a->bare_label = gir_xstrdup(gir_skip_numbering(a->label));
	parse_axis_unit(c, j, a);
	char *type = json_string(c, j, "type", false);
	a->type = inherited;
	if (type)
		parse_type(c, type, &a->type);
	free(type);
	char *sum = json_string(c, j, "sum", false);
	if (sum && strcmp(sum, "all") == 0)
		a->sum = GIR_SUM_ALL;
	else if (sum && strcmp(sum, "siblings") == 0)
		a->sum = GIR_SUM_SIBLINGS;
	else if (sum)
		terr(c, "template: unknown \"sum\": \"%s\" (all, siblings)", sum);
	free(sum);
	const cJSON *na = cJSON_GetObjectItemCaseSensitive(j, "not_applicable");
	if (na && !cJSON_IsBool(na))
		terr(c, "template: \"%s\" is true or false", "not_applicable");
	a->no_na = cJSON_IsFalse(na);
	const cJSON *al = cJSON_GetObjectItemCaseSensitive(j, "aliases");
	if (cJSON_IsArray(al)) {
		a->aliases = gir_xcalloc((size_t)cJSON_GetArraySize(al) + 1, sizeof(char *));
		const cJSON *s;
		cJSON_ArrayForEach(s, al)
		{
			if (cJSON_IsString(s))
				a->aliases[a->naliases++] = gir_xstrdup(s->valuestring);
		}
	}
	/* "count_words": ["笔", "个", "项"]: words a report may print after a
	 * count of this column ("2笔" for 采购项目数量), which import reads as
	 * the number alone; unlike "unit", never printed in the header. */
	size_t nw;
	char **words = json_strings(c, j, "count_words", &nw);
	if (nw && a->type != GIR_COUNT)
		terr(c, "template: \"%s\" is for a count column", "count_words");
	for (size_t i = 0; i < nw; i++) {
		if (*words[i])
			add_axis_unit(a, words[i], 1);
		free(words[i]);
	}
	free(words);
	const cJSON *kids = cJSON_GetObjectItemCaseSensitive(j, "children");
	if (kids)
		parse_axis_children(c, kids, a, a->type);
	else if (!a->id)
		terr(c, "template: the leaf \"%s\" has no id", a->label);
}

/* Numbers leaves in order and records depths and leaf spans. */
static void index_axis(gir_axis *a, int depth, gir_ptrvec *leaves)
{
	a->depth = depth;
	a->first_leaf = (int)leaves->len;
	if (a->nchildren == 0 && a->parent) {
		a->leaf = (int)leaves->len;
		gir_ptrvec_push(leaves, a);
	}
	for (size_t i = 0; i < a->nchildren; i++)
		index_axis(a->children[i], depth + 1, leaves);
	a->nleaves = (int)leaves->len - a->first_leaf;
}

static void free_axis(gir_axis *a)
{
	for (size_t i = 0; i < a->nchildren; i++) {
		free_axis(a->children[i]);
		free(a->children[i]);
	}
	free(a->children);
	for (size_t i = 0; i < a->naliases; i++)
		free(a->aliases[i]);
	free(a->aliases);
	free(a->id);
	free(a->label);
	free(a->bare_label);
	free(a->unit);
	for (size_t i = 0; i < a->nunits; i++)
		free(a->units[i].text);
	free(a->units);
}

bool gir_axis_is_sum(const gir_axis *a)
{
	return a->leaf >= 0 && a->sum != GIR_SUM_NONE;
}

size_t gir_block_input_columns(const gir_block *b)
{
	size_t n = 0;
	for (size_t c = 0; c < b->ncols; c++)
		n += !gir_axis_is_sum(b->col_leaves[c]);
	return n;
}

/* Keys are compared with spaces removed, so "危及 “三安全一稳定”" matches. */
bool gir_same_key(const char *a, const char *b)
{
	for (;;) {
		a = skip_spaces(a);
		b = skip_spaces(b);
		if (!*a || !*b)
			return !*a && !*b;
		if (*a++ != *b++)
			return false;
	}
}

/* A label with "{year}" ("{year}年本行政区域…") matches any year there. */
static bool same_key_with_year(const char *label, const char *key)
{
	const char *y = strstr(label, "{year}");
	if (!y)
		return gir_same_key(label, key);
	char *head = gir_xstrndup(label, (size_t)(y - label));
	bool ok = strncmp(skip_spaces(key), head, strlen(head)) == 0;
	const char *k = skip_spaces(key) + strlen(head);
	free(head);
	if (!ok)
		return false;
	for (int i = 0; i < 4; i++, k++)
		if (*k < '0' || *k > '9')
			return false;
	return gir_same_key(y + 6, k);
}

bool gir_axis_matches(const gir_axis *a, const char *key)
{
	if (a->id && gir_same_key(a->id, key))
		return true;
	if (same_key_with_year(a->label, key) || same_key_with_year(a->bare_label, key))
		return true;
	if (gir_same_key(a->label, key) || gir_same_key(a->bare_label, key) ||
	    gir_same_key(a->bare_label, gir_skip_numbering(key)))
		return true;
	for (size_t i = 0; i < a->naliases; i++)
		if (gir_same_key(a->aliases[i], key))
			return true;
	return false;
}

size_t gir_axis_keyed_children(const gir_axis *a, const gir_axis **out, size_t cap)
{
	size_t n = 0;
	for (size_t i = 0; i < a->nchildren; i++) {
		const gir_axis *k = a->children[i];
		if (k->id) {
			if (n < cap)
				out[n] = k;
			n++;
		} else {
			n += gir_axis_keyed_children(k, n < cap ? out + n : out, n < cap ? cap - n : 0);
		}
	}
	return n;
}

const gir_axis *gir_axis_find_path(const gir_axis *root, const char *path)
{
	const gir_axis *cur = root;
	const char *p = path;
	while (cur && *p) {
		const char *dot = strchr(p, '.');
		size_t n = dot ? (size_t)(dot - p) : strlen(p);
		const gir_axis *kids[GIR_MAX_KEYS];
		size_t nk = gir_axis_keyed_children(cur, kids, GIR_MAX_KEYS);
		const gir_axis *next = NULL;
		for (size_t i = 0; i < nk && i < GIR_MAX_KEYS; i++)
			if (strlen(kids[i]->id) == n && strncmp(kids[i]->id, p, n) == 0)
				next = kids[i];
		cur = next;
		p += n + (dot ? 1 : 0);
	}
	return cur;
}

char *gir_axis_path(const gir_axis *a)
{
	if (!a->parent)
		return gir_xstrdup("");
	char *up = gir_axis_path(a->parent);
	char *r = !a->id ? up
	        : *up   ? gir_xasprintf("%s.%s", up, a->id)
	                : gir_xstrdup(a->id);
	if (r != up)
		free(up);
	return r;
}

/* A group without an id that holds every leaf of its tree (申请人情况) says
 * nothing about where a cell is. */
static bool spans_whole_tree(const gir_axis *a)
{
	const gir_axis *root = a;
	while (root->parent)
		root = root->parent;
	return !a->id && a->nchildren && a->nleaves == root->nleaves;
}

char *gir_axis_label_chain(const gir_axis *a, int year)
{
	if (!a->parent)
		return gir_xstrdup("");
	char *up = gir_axis_label_chain(a->parent, year);
	if (spans_whole_tree(a))
		return up;
	char *label = gir_expand_label(a->label, year, NULL);
	char *r = gir_join_labels(up, label, (char *)NULL);
	free(up);
	free(label);
	return r;
}

/* ---- blocks and sections -------------------------------------------------- */

static void leaves_to_array(gir_axis *root, gir_axis ***arr, size_t *n)
{
	gir_ptrvec v = {0};
	index_axis(root, -1, &v);
	*arr = (gir_axis **)v.items;
	*n = v.len;
}

static bool too_many_keys(const gir_axis *a)
{
	if (gir_axis_keyed_children(a, NULL, 0) > GIR_MAX_KEYS)
		return true;
	for (size_t i = 0; i < a->nchildren; i++)
		if (too_many_keys(a->children[i]))
			return true;
	return false;
}

static gir_block *parse_block(tctx *c, const cJSON *j, size_t base)
{
	gir_block *b = gir_xcalloc(1, sizeof *b);
	b->caption = json_string(c, j, "caption", false);
	b->corner = json_string(c, j, "corner", false);
	char *layout = json_string(c, j, "layout", false);
	if (!layout || strcmp(layout, "rows") == 0)
		b->layout = GIR_LAYOUT_ROWS;
	else if (strcmp(layout, "inline") == 0)
		b->layout = GIR_LAYOUT_INLINE;
	else if (strcmp(layout, "line") == 0)
		b->layout = GIR_LAYOUT_LINE;
	else
		terr(c, "template: unknown layout \"%s\" (rows, inline, line)", layout);
	free(layout);
	gir_cell_type type = GIR_COUNT;
	char *ts = json_string(c, j, "type", false);
	parse_type(c, ts, &type);
	free(ts);
	b->cols.leaf = b->rows.leaf = -1;
	b->cols.label = gir_xstrdup("");
	b->rows.label = gir_xstrdup("");
	b->cols.bare_label = gir_xstrdup("");
	b->rows.bare_label = gir_xstrdup("");
	parse_axis_children(c, cJSON_GetObjectItemCaseSensitive(j, "columns"), &b->cols, type);
	parse_axis_children(c, cJSON_GetObjectItemCaseSensitive(j, "rows"), &b->rows, type);
	leaves_to_array(&b->cols, &b->col_leaves, &b->ncols);
	leaves_to_array(&b->rows, &b->row_leaves, &b->nrows);
	if (too_many_keys(&b->cols) || too_many_keys(&b->rows))
		terr(c, "template: a group has more than %s keyed rows or columns", "64");
	if (b->layout == GIR_LAYOUT_LINE && (b->ncols != 1 || b->nrows != 1))
		terr(c, "template: a %s block has exactly one row and one column", "line");
	b->cell_base = base;
	return b;
}

static void free_block(gir_block *b)
{
	free(b->caption);
	free(b->corner);
	free_axis(&b->cols);
	free_axis(&b->rows);
	free(b->col_leaves);
	free(b->row_leaves);
	free(b);
}

static void section_add_blocks(tctx *c, gir_section *s, const cJSON *arr)
{
	if (!cJSON_IsArray(arr)) {
		terr(c, "template: section \"%s\" needs a \"blocks\" array", s->id);
		return;
	}
	size_t n = s->nblocks + (size_t)cJSON_GetArraySize(arr);
	s->blocks = gir_xrealloc(s->blocks, (n + 1) * sizeof(gir_block *));
	const cJSON *bj;
	size_t keyed = 0;
	cJSON_ArrayForEach(bj, arr)
	{
		gir_block *b = parse_block(c, bj, s->ncells);
		s->ncells += b->ncols * b->nrows;
		s->blocks[s->nblocks++] = b;
	}
	for (size_t i = 0; i < s->nblocks; i++)
		keyed += gir_axis_keyed_children(&s->blocks[i]->rows, NULL, 0);
	if (keyed > GIR_MAX_ROWS)
		terr(c, "template: a table section has more than %s keyed rows", "256");
}

static gir_section *parse_section(tctx *c, const cJSON *j)
{
	gir_section *s = gir_xcalloc(1, sizeof *s);
	s->id = json_string(c, j, "id", true);
	s->heading = json_string(c, j, "heading", true);
	if (!s->id || !s->heading) {
		free(s->id);
		free(s->heading);
		free(s);
		return NULL;
	}
	s->bare_heading = gir_xstrdup(gir_skip_numbering(s->heading));
	s->aliases = json_strings(c, j, "aliases", &s->naliases);
	char *kind = json_string(c, j, "kind", true);
	s->kind = kind && strcmp(kind, "table") == 0 ? GIR_TABLE : GIR_NARRATIVE;
	if (kind && strcmp(kind, "table") && strcmp(kind, "narrative"))
		terr(c, "template: unknown section kind \"%s\" (narrative, table)", kind);
	free(kind);
	if (s->kind == GIR_TABLE) {
		section_add_blocks(c, s, cJSON_GetObjectItemCaseSensitive(j, "blocks"));
	}
	return s;
}

static void free_section(gir_section *s)
{
	for (size_t i = 0; i < s->nblocks; i++)
		free_block(s->blocks[i]);
	free(s->blocks);
	free(s->id);
	free(s->heading);
	free(s->bare_heading);
	free_strings(s->aliases, s->naliases);
	free(s);
}

const gir_section *gir_template_section(const gir_template *t, const char *id)
{
	for (size_t i = 0; i < t->nsections; i++)
		if (strcmp(t->sections[i]->id, id) == 0)
			return t->sections[i];
	return NULL;
}

/* ---- cell paths on the form ------------------------------------------------ */

/* The column a row path alone stands for: the only one, or the total. */
static const gir_axis *whole_row(const gir_block *b)
{
	if (b->ncols == 1)
		return b->col_leaves[0];
	for (size_t c = 0; c < b->ncols; c++)
		if (b->col_leaves[c]->sum == GIR_SUM_ALL)
			return b->col_leaves[c];
	return NULL;
}

/* Whether a block has a computed total row: then a column alone (the sum of
 * every row) would add up rows that are not parts of one whole. */
static bool has_total_row(const gir_block *b)
{
	for (size_t r = 0; r < b->nrows; r++)
		if (gir_axis_is_sum(b->row_leaves[r]))
			return true;
	return false;
}

bool gir_block_split_path(const gir_block *b, const char *rest, const gir_axis **row,
                          const gir_axis **col)
{
	for (const char *dot = rest + strlen(rest);; dot--) {
		if (*dot == '.' || *dot == '\0') {
			char *rows = gir_xstrndup(rest, (size_t)(dot - rest));
			*row = gir_axis_find_path(&b->rows, rows);
			*col = *dot ? gir_axis_find_path(&b->cols, dot + 1) : whole_row(b);
			free(rows);
			if (*row && *col && *row != &b->rows && *col != &b->cols)
				return true;
		}
		if (dot == rest)
			break;
	}
	*row = &b->rows;
	*col = *rest && !has_total_row(b) ? gir_axis_find_path(&b->cols, rest) : NULL;
	return *col && *col != &b->cols;
}

const gir_section *gir_path_section(const gir_template *t, const char *path, const char **rest)
{
	const char *dot = strchr(path, '.');
	if (!dot || path[0] == '.' || strstr(path, "..") || path[strlen(path) - 1] == '.')
		return NULL; /* an empty part would name the root of a tree */
	char *sid = gir_xstrndup(path, (size_t)(dot - path));
	const gir_section *s = gir_template_section(t, sid);
	free(sid);
	*rest = dot + 1;
	return s && s->kind == GIR_TABLE ? s : NULL;
}

/* ---- checks ----------------------------------------------------------------- */

/* Resolves each name of a JSON array against the block's rows or columns. */
static const gir_axis **resolve_list(tctx *c, const cJSON *arr, const gir_axis *root,
                                     size_t *n)
{
	*n = 0;
	if (!arr)
		return NULL;
	if (!cJSON_IsArray(arr)) {
		terr(c, "template: check operands must be %s", "arrays of ids");
		return NULL;
	}
	const gir_axis **v = gir_xcalloc((size_t)cJSON_GetArraySize(arr) + 1, sizeof *v);
	const cJSON *s;
	cJSON_ArrayForEach(s, arr)
	{
		const gir_axis *a = cJSON_IsString(s) ? gir_axis_find_path(root, s->valuestring) : NULL;
		if (!a)
			terr(c, "template: check refers to an unknown row or column \"%s\"",
			     cJSON_IsString(s) ? s->valuestring : "?");
		else
			v[(*n)++] = a;
	}
	return v;
}

/* The block of a section in which the first operand of a check exists. */
static const gir_block *check_block(const gir_section *s, const cJSON *j, bool by_column)
{
	const cJSON *first = cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(j, "left"), 0);
	if (!cJSON_IsString(first))
		return NULL;
	for (size_t i = 0; i < s->nblocks; i++) {
		const gir_axis *root = by_column ? &s->blocks[i]->rows : &s->blocks[i]->cols;
		if (gir_axis_find_path(root, first->valuestring))
			return s->blocks[i];
	}
	return NULL;
}

static gir_check *parse_check(tctx *c, const gir_template *t, const cJSON *j)
{
	char *sec = json_string(c, j, "section", true);
	const gir_section *s = sec ? gir_template_section(t, sec) : NULL;
	if (sec && !s)
		terr(c, "template: check on unknown section \"%s\"", sec);
	free(sec);
	char *each = json_string(c, j, "each", true);
	char *op = json_string(c, j, "op", true);
	char *sev = json_string(c, j, "severity", true);
	gir_check *k = gir_xcalloc(1, sizeof *k);
	k->section = s;
	k->each = each && strcmp(each, "row") == 0 ? GIR_EACH_ROW : GIR_EACH_COLUMN;
	k->op = op && strcmp(op, "<=") == 0 ? GIR_OP_LE : GIR_OP_EQ;
	k->severity = sev && strcmp(sev, "warning") == 0 ? GIR_WARNING : GIR_ERROR;
	if (op && strcmp(op, "<=") && strcmp(op, "="))
		terr(c, "template: unknown check op \"%s\" (=, <=)", op);
	free(each);
	free(op);
	free(sev);
	k->message = json_string(c, j, "message", true);
	if (!s || !k->message)
		return k;
	bool by_column = k->each == GIR_EACH_COLUMN;
	k->block = check_block(s, j, by_column);
	if (!k->block) {
		terr(c, "template: check operands not found in section \"%s\"", s->id);
		return k;
	}
	const gir_axis *ops = by_column ? &k->block->rows : &k->block->cols;
	k->left = resolve_list(c, cJSON_GetObjectItemCaseSensitive(j, "left"), ops, &k->nleft);
	const cJSON *prev = cJSON_GetObjectItemCaseSensitive(j, "previous");
	k->previous = prev != NULL;
	k->right = resolve_list(c, prev ? prev : cJSON_GetObjectItemCaseSensitive(j, "right"),
	                        ops, &k->nright);
	k->only = resolve_list(c, cJSON_GetObjectItemCaseSensitive(j, "rows"), &k->block->rows,
	                       &k->nonly);
	return k;
}

static void free_check(gir_check *k)
{
	free(k->left);
	free(k->right);
	free(k->only);
	free(k->message);
	free(k);
}

/* ---- whole templates -------------------------------------------------------- */

static void parse_years(tctx *c, const cJSON *root, gir_template *t)
{
	const cJSON *y = cJSON_GetObjectItemCaseSensitive(root, "years");
	if (!y)
		return;
	const cJSON *a = cJSON_GetArrayItem(y, 0), *b = cJSON_GetArrayItem(y, 1);
	if (!cJSON_IsArray(y) || !cJSON_IsNumber(a) || (b && !cJSON_IsNumber(b) && !cJSON_IsNull(b))) {
		terr(c, "template: %s must be [first, last] (last may be null)", "\"years\"");
		return;
	}
	t->first_year = a->valueint;
	t->last_year = cJSON_IsNumber(b) ? b->valueint : 0;
}

static void parse_field_labels(tctx *c, const cJSON *root, gir_template *t)
{
	const cJSON *f = cJSON_GetObjectItemCaseSensitive(root, "fields");
	for (int i = 0; i < GIR_F_COUNT; i++) {
		t->field_labels[i] = json_string(c, f, gir_field_ids[i], false);
		if (!t->field_labels[i])
			t->field_labels[i] = gir_xstrdup(gir_field_ids[i]);
	}
}

/* Builds the template from a complete (already merged) JSON object. */
static gir_template *build_template(tctx *c, const cJSON *root)
{
	gir_template *t = gir_xcalloc(1, sizeof *t);
	t->id = json_string(c, root, "id", true);
	t->name = json_string(c, root, "name", false);
	t->title = json_string(c, root, "title", true);
	t->date_format = json_string(c, root, "date_format", false);
	t->placeholder = json_string(c, root, "placeholder", false);
	t->title_aliases = json_strings(c, root, "title_aliases", &t->ntitle_aliases);
	t->label_breaks = json_strings(c, root, "label_breaks", &t->nlabel_breaks);
	/* sorted, so a label finds the phrases that start at a character */
	if (t->label_breaks && t->nlabel_breaks)
		qsort(t->label_breaks, t->nlabel_breaks, sizeof(char *), compare_strings);
	if (!t->date_format)
		t->date_format = gir_xstrdup("{year}-{month}-{day}");
	if (!t->id)
		t->id = gir_xstrdup("?");
	if (!t->name)
		t->name = gir_xstrdup(t->id);
	parse_years(c, root, t);
	parse_field_labels(c, root, t);
	const cJSON *secs = cJSON_GetObjectItemCaseSensitive(root, "sections");
	if (!cJSON_IsArray(secs) || cJSON_GetArraySize(secs) == 0) {
		terr(c, "template: %s must be a non-empty array", "\"sections\"");
		return t;
	}
	t->sections = gir_xcalloc((size_t)cJSON_GetArraySize(secs), sizeof(gir_section *));
	const cJSON *sj;
	cJSON_ArrayForEach(sj, secs)
	{
		gir_section *s = parse_section(c, sj);
		if (s) {
			s->index = (int)t->nsections;
			t->sections[t->nsections++] = s;
		}
	}
	const cJSON *checks = cJSON_GetObjectItemCaseSensitive(root, "checks");
	t->checks = gir_xcalloc((size_t)cJSON_GetArraySize(checks) + 1, sizeof(gir_check *));
	const cJSON *kj;
	cJSON_ArrayForEach(kj, checks)
	{
		t->checks[t->nchecks++] = parse_check(c, t, kj);
	}
	if (gir_figures_parse(t, cJSON_GetObjectItemCaseSensitive(root, "summary"), c->file, c->diags) ||
	    gir_summary_words_parse(t, cJSON_GetObjectItemCaseSensitive(root, "summary_words"), c->file,
	                            c->diags))
		c->failed = 1;
	const cJSON *dw = cJSON_GetObjectItemCaseSensitive(root, "diff_words");
	if (dw && !cJSON_IsObject(dw))
		terr(c, "template: \"%s\" must be an object of words", "diff_words");
	else if (dw && gir_words_parse(dw, "diff_words", gir_diff_word_keys, GIR_DW_COUNT,
	                               t->diff_words, c->file, c->diags))
		c->failed = 1;
	if (gir_profiles_parse(t, cJSON_GetObjectItemCaseSensitive(root, "profiles"), c->file, c->diags))
		c->failed = 1;
	if (gir_prose_parse(t, cJSON_GetObjectItemCaseSensitive(root, "prose"),
	                    cJSON_GetObjectItemCaseSensitive(root, "prose_words"), c->file, c->diags))
		c->failed = 1;
	return t;
}

int gir_words_parse(const cJSON *j, const char *what, const char *const *keys, size_t n,
                    char **dest, const char *file, gir_diags *d)
{
	int rc = 0;
	const cJSON *k;
	cJSON_ArrayForEach(k, j)
	{
		size_t i = 0;
		while (i < n && strcmp(keys[i], k->string) != 0)
			i++;
		if (i == n || !cJSON_IsString(k) || !*k->valuestring) {
			gir_diags_add(d, file,
			              GIR_MSG(ERROR, template_bad_word,
			                  "template: %s: \"%s\" is %s"), what, k->string,
			              i == n ? "not one of its words" : "not a non-empty string");
			rc = -1;
			continue;
		}
		free(dest[i]);
		dest[i] = gir_xstrdup(k->valuestring);
	}
	for (size_t i = 0; i < n; i++)
		if (!dest[i]) {
			gir_diags_add(d, file,
			              GIR_MSG(ERROR, template_word_required,
			                  "template: %s: \"%s\" is required"),
			              what, keys[i]);
			rc = -1;
		}
	return rc;
}

struct gir_registry {
	gir_template **items;
	size_t len, cap;
};

static const cJSON *registry_json(const gir_registry *r, const char *id)
{
	const gir_template *t = r ? gir_registry_find(r, id) : NULL;
	return t ? t->json : NULL;
}

/* Appends the blocks of an "append" object to the sections they name. */
static void apply_append(tctx *c, cJSON *merged, const cJSON *append)
{
	const cJSON *add;
	cJSON_ArrayForEach(add, append)
	{
		cJSON *sec = NULL, *s;
		cJSON_ArrayForEach(s, cJSON_GetObjectItemCaseSensitive(merged, "sections"))
		{
			const cJSON *id = cJSON_GetObjectItemCaseSensitive(s, "id");
			if (cJSON_IsString(id) && strcmp(id->valuestring, add->string) == 0)
				sec = s;
		}
		cJSON *blocks = cJSON_GetObjectItemCaseSensitive(sec, "blocks");
		if (!cJSON_IsArray(blocks) || !cJSON_IsArray(add)) {
			terr(c, "template: \"append\" names no table section \"%s\"", add->string);
			continue;
		}
		const cJSON *b;
		cJSON_ArrayForEach(b, add)
		{
			cJSON_AddItemToArray(blocks, cJSON_Duplicate(b, 1));
		}
	}
}

static cJSON *section_json(cJSON *merged, const char *id)
{
	cJSON *s;
	cJSON_ArrayForEach(s, cJSON_GetObjectItemCaseSensitive(merged, "sections"))
	{
		const cJSON *sid = cJSON_GetObjectItemCaseSensitive(s, "id");
		if (cJSON_IsString(sid) && strcmp(sid->valuestring, id) == 0)
			return s;
	}
	return NULL;
}

/* The node of a row or column tree (a "rows" or "columns" array) at an id
 * path ("other", "withheld.state_secret"), looking through groups without
 * an id as the source does. */
static cJSON *node_json(cJSON *arr, const char *path, cJSON **parent)
{
	size_t n = strcspn(path, ".");
	cJSON *k;
	cJSON_ArrayForEach(k, arr)
	{
		const cJSON *id = cJSON_GetObjectItemCaseSensitive(k, "id");
		cJSON *kids = cJSON_GetObjectItemCaseSensitive(k, "children");
		if (!cJSON_IsString(id)) {
			cJSON *found = node_json(kids, path, parent);
			if (found)
				return found;
			continue;
		}
		if (strlen(id->valuestring) != n || strncmp(id->valuestring, path, n) != 0)
			continue;
		if (path[n])
			return node_json(kids, path + n + 1, parent);
		*parent = arr;
		return k;
	}
	return NULL;
}

/* "change": {"requests.other": {…}} puts the node given in place of the
 * row or column at that id path; {"proactive": {"heading": …}} sets those
 * keys of the section.  A local layout that differs from the national form
 * in a few places (docs/templates.md). */
static void apply_change(tctx *c, cJSON *merged, const cJSON *change)
{
	const cJSON *ch;
	cJSON_ArrayForEach(ch, change)
	{
		const char *dot = strchr(ch->string, '.');
		char *sid = gir_xstrndup(ch->string, dot ? (size_t)(dot - ch->string) : strlen(ch->string));
		cJSON *sec = section_json(merged, sid), *node = NULL, *b;
		free(sid);
		if (!sec || !cJSON_IsObject(ch)) {
			terr(c, "template: \"change\" names no section \"%s\" (or its value is not an object)",
			     ch->string);
			continue;
		}
		if (!dot) {
			const cJSON *key;
			cJSON_ArrayForEach(key, ch)
			{
				cJSON_DeleteItemFromObjectCaseSensitive(sec, key->string);
				cJSON_AddItemToObject(sec, key->string, cJSON_Duplicate(key, 1));
			}
			continue;
		}
		cJSON *parent = NULL;
		cJSON_ArrayForEach(b, cJSON_GetObjectItemCaseSensitive(sec, "blocks"))
		{
			if (!node)
				node = node_json(cJSON_GetObjectItemCaseSensitive(b, "rows"), dot + 1, &parent);
			if (!node)
				node = node_json(cJSON_GetObjectItemCaseSensitive(b, "columns"), dot + 1, &parent);
		}
		if (!node) {
			terr(c, "template: \"change\" names no row or column \"%s\"", ch->string);
			continue;
		}
		cJSON *dup = cJSON_Duplicate(ch, 1);
		cJSON_free(dup->string); /* the key "requests.other", not a member name in an array */
		dup->string = NULL;
		cJSON_ReplaceItemViaPointer(parent, node, dup);
	}
}

/* "insert": [{"after": "overview", "section": {…}}] adds sections of the
 * local layout's own outline after the one named ("after": null: first). */
static void apply_insert(tctx *c, cJSON *merged, const cJSON *insert)
{
	const cJSON *in;
	cJSON *secs = cJSON_GetObjectItemCaseSensitive(merged, "sections");
	cJSON_ArrayForEach(in, insert)
	{
		const cJSON *after = cJSON_GetObjectItemCaseSensitive(in, "after");
		const cJSON *sj = cJSON_GetObjectItemCaseSensitive(in, "section");
		int at = 0, i = 0;
		cJSON *s;
		cJSON_ArrayForEach(s, secs)
		{
			i++;
			const cJSON *sid = cJSON_GetObjectItemCaseSensitive(s, "id");
			if (cJSON_IsString(after) && cJSON_IsString(sid) &&
			    strcmp(sid->valuestring, after->valuestring) == 0)
				at = i;
		}
		if (!cJSON_IsObject(sj) || !cJSON_IsArray(secs) ||
		    (cJSON_IsString(after) ? at == 0 : !cJSON_IsNull(after))) {
			terr(c, "template: \"insert\" is a list of {\"after\": a section id or null, "
			        "\"section\": {…}} (after \"%s\")",
			     cJSON_IsString(after) ? after->valuestring : "?");
			continue;
		}
		/* moved round, not cJSON_InsertItemInArray: Debian 12's cJSON
		 * 1.7.15 refuses to insert before an item */
		cJSON *tail = cJSON_CreateArray();
		while (cJSON_GetArraySize(secs) > at)
			cJSON_AddItemToArray(tail, cJSON_DetachItemFromArray(secs, at));
		cJSON_AddItemToArray(secs, cJSON_Duplicate(sj, 1));
		while (cJSON_GetArraySize(tail) > 0)
			cJSON_AddItemToArray(secs, cJSON_DetachItemFromArray(tail, 0));
		cJSON_Delete(tail);
	}
}

/* Resolves "extends": a copy of the base with this file's keys on top, and
 * its "append" blocks added to the sections they name. */
static cJSON *merge_with_base(tctx *c, const cJSON *own, const gir_registry *base)
{
	const cJSON *ext = cJSON_GetObjectItemCaseSensitive(own, "extends");
	const cJSON *b = cJSON_IsString(ext) ? registry_json(base, ext->valuestring) : NULL;
	if (!b) {
		terr(c, "template: extends unknown template \"%s\"",
		     cJSON_IsString(ext) ? ext->valuestring : "?");
		return NULL;
	}
	cJSON *m = cJSON_Duplicate(b, 1);
	const cJSON *item;
	cJSON_ArrayForEach(item, own)
	{
		if (strcmp(item->string, "extends") == 0 || strcmp(item->string, "append") == 0 ||
		    strcmp(item->string, "change") == 0 || strcmp(item->string, "insert") == 0)
			continue;
		cJSON *base_prose = cJSON_GetObjectItemCaseSensitive(m, "prose");
		if (strcmp(item->string, "prose") == 0 && cJSON_IsArray(base_prose) && cJSON_IsArray(item)) {
			const cJSON *rule; /* prose rules add to the base's */
			cJSON_ArrayForEach(rule, item)
			{
				cJSON_AddItemToArray(base_prose, cJSON_Duplicate(rule, 1));
			}
			continue;
		}
		cJSON_DeleteItemFromObjectCaseSensitive(m, item->string);
		cJSON_AddItemToObject(m, item->string, cJSON_Duplicate(item, 1));
	}
	apply_append(c, m, cJSON_GetObjectItemCaseSensitive(own, "append"));
	apply_change(c, m, cJSON_GetObjectItemCaseSensitive(own, "change"));
	apply_insert(c, m, cJSON_GetObjectItemCaseSensitive(own, "insert"));
	return m;
}

static void json_error(tctx *c, const char *json, size_t len)
{
	const char *at = cJSON_GetErrorPtr();
	int line = 1, col = 1;
	for (const char *p = json; at && p < at && p < json + len; p++)
		if (*p == '\n')
			line++, col = 1;
		else if (((unsigned char)*p & 0xC0) != 0x80)
			col++;
	gir_diag_at(c->diags, c->file, (gir_pos){line, col}, NULL, NULL, NULL,
	            GIR_MSG(ERROR, template_bad_json, "template: invalid JSON"));
	c->failed = 1;
}

/* FNV-1a over the JSON tree (the merged tree holds the base's too): each
 * node's type, key and value, and where its children begin and end, so
 * that no two trees hash alike by moving text between nodes.  Walking the
 * tree costs a tenth of printing it, which every run did for every
 * template. */
static unsigned long long fnv(unsigned long long h, const void *p, size_t n)
{
	for (const unsigned char *c = p, *end = c + n; c < end; c++)
		h = (h ^ *c) * 1099511628211ULL;
	return h;
}

static unsigned long long hash_node(unsigned long long h, const cJSON *j)
{
	unsigned char type = (unsigned char)(j->type & 0xFF);
	h = fnv(h, &type, 1);
	if (j->string)
		h = fnv(h, j->string, strlen(j->string) + 1);
	if (cJSON_IsString(j) && j->valuestring)
		h = fnv(h, j->valuestring, strlen(j->valuestring) + 1);
	if (cJSON_IsNumber(j))
		h = fnv(h, &j->valuedouble, sizeof j->valuedouble); /* not printed: no locale */
	if (cJSON_IsArray(j) || cJSON_IsObject(j)) {
		const cJSON *kid;
		cJSON_ArrayForEach(kid, j)
			h = hash_node(h, kid);
		h = fnv(h, "\xff", 1); /* the end of the children */
	}
	return h;
}

static unsigned long long json_hash(const cJSON *j)
{
	return hash_node(1469598103934665603ULL, j);
}

/* Builds a template from its parsed JSON (taken over and freed here); the
 * text is kept so that the template can be rebuilt on a replaced base. */
static gir_template *template_from_json(const char *name, cJSON *own, const char *json,
                                        size_t len, const gir_registry *base, gir_diags *d)
{
	tctx c = {.file = name, .diags = d};
	const cJSON *ext = cJSON_GetObjectItemCaseSensitive(own, "extends");
	char *base_id = cJSON_IsString(ext) ? gir_xstrdup(ext->valuestring) : NULL;
	bool extension = ext != NULL;
	cJSON *merged = extension ? merge_with_base(&c, own, base) : own;
	if (merged != own)
		cJSON_Delete(own);
	gir_template *t = merged ? build_template(&c, merged) : NULL;
	if (c.failed || !t) {
		gir_template_free(t);
		cJSON_Delete(merged);
		free(base_id);
		return NULL;
	}
	t->json = merged;
	t->hash = json_hash(merged);
	t->is_extension = extension;
	t->base = base_id;
	t->source = gir_xstrndup(json, len);
	t->source_name = gir_xstrdup(name);
	return t;
}

/* Where a string lies in a template: the chain of keys and indices from the
 * top, on the stack of check_strings, spelled out ("sections[2].label")
 * only for a diagnostic, since every template is checked on every run. */
typedef struct json_at {
	const struct json_at *up;
	const char *key;       /* the member's key, or NULL for an array element */
	size_t index;
} json_at;

static void spell_path(const json_at *at, gir_buf *path)
{
	if (!at || !at->up)
		return; /* the top level has no name */
	spell_path(at->up, path);
	if (at->key)
		gir_buf_printf(path, "%s%s", path->len ? "." : "", at->key);
	else
		gir_buf_printf(path, "[%zu]", at->index);
}

static void bad_string(const char *name, const json_at *at, int is_text, uint32_t cp,
                       gir_diags *d)
{
	gir_buf path = {0};
	spell_path(at, &path);
	if (cp == GIR_CP_INVALID)
		gir_diags_add(d, name,
		              GIR_MSG(ERROR, template_bad_utf8,
		                  "template: %s at %s is not valid UTF-8"),
		              is_text ? "the text" : "a key", path.len ? path.ptr : "the top level");
	else
		gir_diags_add(d, name, GIR_MSG(ERROR, template_invisible_char,
		              "template: %s at %s contains the invisible character U+%04X"),
		              is_text ? "the text" : "a key", path.len ? path.ptr : "the top level",
		              (unsigned)cp);
	gir_buf_free(&path);
}

/* A template's words reach every output and the terminal (`gireport
 * templates`), so they get a source's checks: valid UTF-8, and no control
 * or bidirectional-control character (a template's strings are one line
 * each, so no line break or tab either).  Returns the number of errors. */
static int check_strings(const char *name, const cJSON *j, const json_at *at, gir_diags *d)
{
	int errors = 0;
	const char *texts[2] = {j->string, cJSON_IsString(j) ? j->valuestring : NULL};
	for (int i = 0; i < 2; i++) {
		uint32_t cp;
		if (!texts[i])
			continue;
		if (gir_utf8_hostile(texts[i], strlen(texts[i]), &cp) < 0) {
			const char *ws = strpbrk(texts[i], "\n\t"); /* allowed in a source, not here */
			if (!ws)
				continue;
			cp = (unsigned char)*ws;
		}
		bad_string(name, at, i, cp, d);
		errors++;
	}
	if (!cJSON_IsArray(j) && !cJSON_IsObject(j))
		return errors;
	json_at kid_at = {at, NULL, 0};
	const cJSON *kid;
	cJSON_ArrayForEach(kid, j)
	{
		kid_at.key = cJSON_IsArray(j) ? NULL : kid->string;
		errors += check_strings(name, kid, &kid_at, d);
		kid_at.index++;
	}
	return errors;
}

/* Parses a template's JSON text; NULL with a diagnostic when it is not JSON
 * or its strings are not fit to show. */
static cJSON *parse_json(const char *name, const char *json, size_t len, gir_diags *d)
{
	cJSON *own = cJSON_ParseWithLength(json, len);
	if (own && cJSON_IsObject(own)) {
		json_at top = {NULL, NULL, 0};
		if (!check_strings(name, own, &top, d))
			return own;
		cJSON_Delete(own);
		return NULL;
	}
	tctx c = {.file = name, .diags = d};
	json_error(&c, json, len);
	cJSON_Delete(own);
	return NULL;
}

gir_template *gir_template_parse(const char *name, const char *json, size_t len,
                                 const gir_registry *base, gir_diags *d)
{
	cJSON *own = parse_json(name, json, len, d);
	return own ? template_from_json(name, own, json, len, base, d) : NULL;
}

void gir_template_free(gir_template *t)
{
	if (!t)
		return;
	for (size_t i = 0; i < t->nsections; i++)
		free_section(t->sections[i]);
	free(t->sections);
	for (size_t i = 0; i < t->nchecks; i++)
		free_check(t->checks[i]);
	free(t->checks);
	gir_figures_free(t);
	gir_profiles_free(t);
	gir_prose_free(t);
	for (int i = 0; i < GIR_F_COUNT; i++)
		free(t->field_labels[i]);
	free(t->id);
	free(t->name);
	free(t->title);
	free(t->date_format);
	free_strings(t->title_aliases, t->ntitle_aliases);
	free_strings(t->label_breaks, t->nlabel_breaks);
	free(t->placeholder);
	cJSON_Delete(t->json);
	cJSON_Delete(t->unbuilt);
	free(t->base);
	free(t->source);
	free(t->source_name);
	free(t);
}

const char *gir_template_id(const gir_template *t)
{
	return t->id;
}

const char *gir_template_name(const gir_template *t)
{
	return t->name;
}

int gir_template_first_year(const gir_template *t)
{
	return t->first_year;
}

int gir_template_last_year(const gir_template *t)
{
	return t->last_year;
}

/* ---- registry --------------------------------------------------------------- */

/* Generated at build time from the JSON files in templates/ (tools/embed.c). */
struct gir_embedded {
	const char *name;
	const char *json;
	size_t len;
};
extern const struct gir_embedded gir_embedded_templates[];
extern const size_t gir_embedded_count;

static void registry_put(gir_registry *r, gir_template *t, gir_diags *d);

/* A template replaced from a directory must reach the templates built on it
 * (gov-2019-lvyuan on gov-2019): rebuild them from their own JSON.  (One
 * not built yet is built on the replaced base when it is first used.) */
static void rebuild_extensions(gir_registry *r, const char *id, gir_diags *d)
{
	for (size_t i = 0; i < r->len; i++) {
		const gir_template *e = r->items[i];
		if (!e->base || strcmp(e->base, id) != 0 || e->unbuilt)
			continue;
		gir_template *fresh = gir_template_parse(e->source_name, e->source, strlen(e->source), r, d);
		if (fresh)
			registry_put(r, fresh, d);
	}
}

static void registry_put(gir_registry *r, gir_template *t, gir_diags *d)
{
	for (size_t i = 0; i < r->len; i++) {
		if (strcmp(r->items[i]->id, t->id) == 0) {
			gir_template_free(r->items[i]);
			r->items[i] = t;
			rebuild_extensions(r, t->id, d);
			return;
		}
	}
	if (r->len == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 8;
		r->items = gir_xrealloc(r->items, r->cap * sizeof(gir_template *));
	}
	r->items[r->len++] = t;
}

/* The registry holds no "extends" cycle: putting t (id X, base B) closes one
 * exactly when B's chain of bases reaches X.  Returns 0, or -1 with an error
 * naming the cycle (gov-2019 → gov-2019-lvyuan → gov-2019). */
static int refuse_cycle(const gir_registry *r, const gir_template *t, gir_diags *d)
{
	gir_buf chain = {0};
	gir_buf_puts(&chain, t->id);
	const char *id = t->base;
	for (size_t steps = 0; id && steps <= r->len; steps++) {
		gir_buf_printf(&chain, " → %s", id);
		if (strcmp(id, t->id) == 0) {
			gir_diags_add(d, t->source_name, GIR_MSG(ERROR, template_extends_cycle,
			              "template: \"extends\" makes a cycle: %s"), chain.ptr);
			gir_buf_free(&chain);
			return -1;
		}
		const gir_template *b = gir_registry_find(r, id);
		id = b ? b->base : NULL;
	}
	gir_buf_free(&chain);
	return 0;
}

/* Adds templates given as (name, text) pairs: those without "extends" first,
 * so that a base is always present before the templates built on it.  Each
 * text is parsed once. */
int gir_registry_add_texts(gir_registry *r, const char *const *names, const char *const *texts,
                           const size_t *lens, size_t n, gir_diags *d)
{
	int rc = 0;
	cJSON **parsed = gir_xcalloc(n + 1, sizeof(cJSON *));
	for (size_t i = 0; i < n; i++)
		if (!(parsed[i] = parse_json(names[i], texts[i], lens[i], d)))
			rc = -1;
	for (int pass = 0; pass < 2; pass++) {
		for (size_t i = 0; i < n; i++) {
			if (!parsed[i] ||
			    (cJSON_GetObjectItemCaseSensitive(parsed[i], "extends") != NULL) != (pass == 1))
				continue;
			gir_template *t = template_from_json(names[i], parsed[i], texts[i], lens[i], r, d);
			parsed[i] = NULL;
			if (t && refuse_cycle(r, t, d) != 0) {
				gir_template_free(t);
				t = NULL;
			}
			if (t)
				registry_put(r, t, d);
			else
				rc = -1;
		}
	}
	free(parsed);
	return rc;
}

/* ---- embedded templates, built on first use ------------------------------------ */

/* A run uses one or two of the embedded templates, and building one (its
 * checks, tables, prose rules, figures and hash) is most of what loading it
 * costs: 9 M of the 12 M instructions loading all five took, a sixth of a
 * report's build to txt, md and pdf.  So gir_registry_new only parses them
 * and reads what the lookups need; each is built when first looked up. */

static char *json_text(const cJSON *j, const char *key)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(j, key);
	return cJSON_IsString(v) ? gir_xstrdup(v->valuestring) : NULL;
}

/* The field labels of an unbuilt template: its own "fields", else (an
 * extension without them) its base's, as the merge would give them. */
static void unbuilt_labels(const gir_registry *r, gir_template *u)
{
	const cJSON *f = cJSON_GetObjectItemCaseSensitive(u->unbuilt, "fields");
	const gir_template *b = NULL;
	for (size_t i = 0; !f && u->base && i < r->len; i++)
		if (strcmp(r->items[i]->id, u->base) == 0)
			b = r->items[i];
	for (int i = 0; i < GIR_F_COUNT; i++) {
		char *own = json_text(f, gir_field_ids[i]);
		u->field_labels[i] = own ? own : gir_xstrdup(b && b->field_labels[i] ? b->field_labels[i]
		                                                                       : gir_field_ids[i]);
	}
}

/* An embedded template parsed, not built (its labels are set once its base
 * is registered); NULL when its JSON has no id (then it is built at once,
 * and its errors reported). */
static gir_template *unbuilt(const struct gir_embedded *e)
{
	cJSON *j = cJSON_ParseWithLength(e->json, e->len);
	char *id = json_text(j, "id");
	if (!id) {
		cJSON_Delete(j);
		return NULL;
	}
	gir_template *u = gir_xcalloc(1, sizeof *u);
	u->id = id;
	u->base = json_text(j, "extends");
	u->is_extension = cJSON_GetObjectItemCaseSensitive(j, "extends") != NULL;
	const cJSON *y = cJSON_GetObjectItemCaseSensitive(j, "years");
	const cJSON *a = cJSON_GetArrayItem(y, 0), *b = cJSON_GetArrayItem(y, 1);
	u->first_year = cJSON_IsNumber(a) ? a->valueint : 0;
	u->last_year = cJSON_IsNumber(b) ? b->valueint : 0;
	u->source_name = gir_xstrdup(e->name);
	u->unbuilt = j;
	u->unbuilt_text = e->json;
	u->unbuilt_len = e->len;
	return u;
}

/* The i-th template, built if it was not.  An embedded template that does
 * not build is a defect of the build itself, which tests/unit/template.c
 * (every embedded template built, without a diagnostic) catches: the
 * library ends the process then (gireport.h, "Errors"). */
static gir_template *built(const gir_registry *cr, size_t i)
{
	gir_registry *r = (gir_registry *)cr; /* the registry's contents do not change */
	gir_template *u = r->items[i];
	if (!u->unbuilt)
		return u;
	gir_diags *d = gir_diags_new();
	cJSON *own = u->unbuilt;
	u->unbuilt = NULL;
	json_at top = {NULL, NULL, 0};
	gir_template *t = NULL;
	if (check_strings(u->source_name, own, &top, d) == 0)
		t = template_from_json(u->source_name, own, u->unbuilt_text, u->unbuilt_len, r, d);
	else
		cJSON_Delete(own);
	if (!t || gir_diags_count(d) > 0)
		abort();
	gir_diags_free(d);
	/* The same labels (tests/unit/template.c), kept: a label read before
	 * the template was built stays valid, as gir_registry_label promises. */
	for (int f = 0; f < GIR_F_COUNT; f++) {
		free(t->field_labels[f]);
		t->field_labels[f] = u->field_labels[f];
		u->field_labels[f] = NULL;
	}
	r->items[i] = t;
	gir_template_free(u);
	return t;
}

gir_registry *gir_registry_new(gir_diags *d)
{
	gir_registry *r = gir_xcalloc(1, sizeof *r);
	size_t n = gir_embedded_count;
	gir_template **u = gir_xcalloc(n + 1, sizeof *u);
	for (size_t i = 0; i < n; i++) {
		const struct gir_embedded *e = &gir_embedded_templates[i];
		if (!(u[i] = unbuilt(e)))
			gir_registry_add_texts(r, &e->name, &e->json, &e->len, 1, d);
	}
	/* Bases first, then the templates that extend them, as add_texts orders them. */
	for (int pass = 0; pass < 2; pass++)
		for (size_t i = 0; i < n; i++)
			if (u[i] && u[i]->is_extension == (pass == 1)) {
				unbuilt_labels(r, u[i]);
				registry_put(r, u[i], d);
			}
	free(u);
	return r;
}

const char *gir_registry_label(const gir_registry *r, size_t i, gir_field f)
{
	return i < r->len ? r->items[i]->field_labels[f] : NULL;
}

/* A template file: a regular file of at most 16 MiB (a FIFO named x.json
 * in a template directory would block; a device would never end). */
static char *read_small_file(const char *path, size_t *len)
{
	int fd = gir_open_regular(path);
	if (fd < 0)
		return NULL;
	gir_buf b = {0};
	char chunk[8192];
	ssize_t k = 0;
	while (b.len < (1u << 24) && ((k = read(fd, chunk, sizeof chunk)) > 0 || (k < 0 && errno == EINTR)))
		if (k > 0)
			gir_buf_put(&b, chunk, (size_t)k);
	bool err = k < 0;
	close(fd);
	*len = b.len;
	if (err) {
		gir_buf_free(&b);
		return NULL;
	}
	return gir_buf_detach(&b);
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

int gir_registry_add_dir(gir_registry *r, const char *dir, gir_diags *d)
{
	DIR *dh = opendir(dir);
	if (!dh) {
		gir_diags_add(d, dir,
		              GIR_MSG(ERROR, template_dir_unreadable,
		                  "cannot open the template directory"));
		return -1;
	}
	gir_ptrvec paths = {0};
	struct dirent *e;
	while ((e = readdir(dh)) != NULL) {
		size_t n = strlen(e->d_name);
		if (n > 5 && strcmp(e->d_name + n - 5, ".json") == 0)
			gir_ptrvec_push(&paths, gir_xasprintf("%s/%s", dir, e->d_name));
	}
	closedir(dh);
	/* readdir order differs between machines; builds must not. */
	if (paths.len)
		qsort(paths.items, paths.len, sizeof(void *), by_name);
	const char **texts = gir_xcalloc(paths.len + 1, sizeof *texts);
	size_t *lens = gir_xcalloc(paths.len + 1, sizeof *lens);
	int rc = 0;
	for (size_t i = 0; i < paths.len; i++) {
		texts[i] = read_small_file(paths.items[i], &lens[i]);
		if (!texts[i]) {
			gir_diags_add(d, paths.items[i],
			              GIR_MSG(ERROR, template_unreadable,
			                  "cannot read the template: %s"),
			              gir_file_strerror(errno));
			rc = -1;
			texts[i] = gir_xstrdup("{}");
			lens[i] = 2;
		}
	}
	if (gir_registry_add_texts(r, (const char *const *)paths.items, texts, lens, paths.len, d))
		rc = -1;
	for (size_t i = 0; i < paths.len; i++) {
		free(paths.items[i]);
		free((char *)texts[i]);
	}
	free(texts);
	free(lens);
	gir_ptrvec_free(&paths);
	return rc;
}

void gir_registry_free(gir_registry *r)
{
	if (!r)
		return;
	for (size_t i = 0; i < r->len; i++)
		gir_template_free(r->items[i]);
	free(r->items);
	free(r);
}

size_t gir_registry_count(const gir_registry *r)
{
	return r->len;
}

const gir_template *gir_registry_at(const gir_registry *r, size_t i)
{
	return i < r->len ? built(r, i) : NULL;
}

bool gir_template_covers(const gir_template *t, int year)
{
	return t->first_year && year >= t->first_year && (!t->last_year || year <= t->last_year);
}

const gir_template *gir_registry_for_year(const gir_registry *r, int year)
{
	for (size_t i = 0; i < r->len; i++)
		if (!r->items[i]->is_extension && gir_template_covers(r->items[i], year))
			return built(r, i);
	return NULL;
}

const gir_template *gir_registry_find(const gir_registry *r, const char *id)
{
	for (size_t i = 0; i < r->len; i++)
		if (strcmp(r->items[i]->id, id) == 0)
			return built(r, i);
	return NULL;
}
