/* Kinds of agency (a template's "profiles"): a named set of cells that are
 * not applicable by default, such as 规章 for an agency without
 * rule-making power.  The source (`profile:`) or the project
 * (gireport.yaml) picks one; a cell the source writes keeps its value. */
#include <stdlib.h>
#include <string.h>

#include <cJSON.h>

#include "model.h"
#include "template_parts.h"
#include "util.h"

static int profile_error(const char *file, gir_diags *d, char *msg)
{
	gir_diags_add(d, file, GIR_ERROR, "template_invalid", "template: %s", msg);
	free(msg);
	return -1;
}

/* Calls fn on every input cell a profile path names in one block: a row
 * (any depth, every column the source writes), or a row and a column as a
 * summary path names them.  Returns the number of cells. */
static size_t each_cell(const gir_block *b, const char *rest,
                        void (*fn)(void *, const gir_block *, size_t, size_t), void *arg)
{
	const gir_axis *row = gir_axis_find_path(&b->rows, rest), *col = &b->cols;
	if (!row && !gir_block_split_path(b, rest, &row, &col))
		return 0;
	size_t n = 0;
	for (int r = row->first_leaf; r < row->first_leaf + row->nleaves; r++)
		for (int c = col->first_leaf; c < col->first_leaf + col->nleaves; c++) {
			if (gir_axis_is_sum(b->row_leaves[r]) || gir_axis_is_sum(b->col_leaves[c]))
				continue;
			if (fn)
				fn(arg, b, (size_t)r, (size_t)c);
			n++;
		}
	return n;
}

static size_t path_cells(const gir_template *t, const char *path,
                         void (*fn)(void *, const gir_block *, size_t, size_t), void *arg,
                         const gir_section **sec)
{
	const char *rest;
	const gir_section *s = gir_path_section(t, path, &rest);
	size_t n = 0;
	for (size_t i = 0; s && i < s->nblocks; i++)
		n += each_cell(s->blocks[i], rest, fn, arg);
	*sec = s;
	return n;
}

static void forbidden(void *arg, const gir_block *b, size_t row, size_t col)
{
	*(bool *)arg |= !gir_axis_na_allowed(b->row_leaves[row], b->col_leaves[col]);
}

static int parse_one(gir_template *t, gir_profile *p, const cJSON *j, const char *file,
                     gir_diags *d)
{
	const cJSON *id = cJSON_GetObjectItemCaseSensitive(j, "id");
	const cJSON *label = cJSON_GetObjectItemCaseSensitive(j, "label");
	const cJSON *cells = cJSON_GetObjectItemCaseSensitive(j, "not_applicable");
	const cJSON *mark = cJSON_GetObjectItemCaseSensitive(j, "mark");
	if (!cJSON_IsString(id) || !*id->valuestring || !cJSON_IsString(label) ||
	    !cJSON_IsArray(cells) || cJSON_GetArraySize(cells) == 0)
		return profile_error(file, d, gir_xstrdup("a profile is {\"id\", \"label\", "
		                                          "\"not_applicable\": [id paths], \"mark\"}"));
	p->id = gir_xstrdup(id->valuestring);
	p->label = gir_xstrdup(label->valuestring);
	p->mark = 1; /* "/" */
	if (mark && (!cJSON_IsString(mark) || !(p->mark = (unsigned char)gir_na_spelling(mark->valuestring))))
		return profile_error(file, d, gir_xasprintf("profile \"%s\": \"mark\" is not one of the "
		                                            "not-applicable spellings (/, —, 无, …)", p->id));
	p->paths = gir_xcalloc((size_t)cJSON_GetArraySize(cells), sizeof(char *));
	const cJSON *c;
	cJSON_ArrayForEach(c, cells)
	{
		const gir_section *s;
		if (!cJSON_IsString(c) || !path_cells(t, c->valuestring, NULL, NULL, &s))
			return profile_error(file, d,
			                     gir_xasprintf("profile \"%s\": \"%s\" names no cell of the template",
			                                   p->id, cJSON_IsString(c) ? c->valuestring : "?"));
		bool no = false;
		path_cells(t, c->valuestring, forbidden, &no, &s);
		if (no)
			return profile_error(file, d,
			                     gir_xasprintf("profile \"%s\": \"%s\" names cells that must "
			                                   "hold a number (\"not_applicable\": false)", p->id,
			                                   c->valuestring));
		p->paths[p->npaths++] = gir_xstrdup(c->valuestring);
	}
	return 0;
}

int gir_profiles_parse(gir_template *t, const cJSON *profiles, const char *file, gir_diags *d)
{
	if (!profiles)
		return 0;
	if (!cJSON_IsArray(profiles))
		return profile_error(file, d, gir_xstrdup("\"profiles\" must be an array of profiles"));
	t->profiles = gir_xcalloc((size_t)cJSON_GetArraySize(profiles) + 1, sizeof(gir_profile));
	int rc = 0;
	const cJSON *j;
	cJSON_ArrayForEach(j, profiles)
	{
		gir_profile *p = &t->profiles[t->nprofiles++];
		if (parse_one(t, p, j, file, d))
			rc = -1;
		for (size_t k = 0; !rc && k + 1 < t->nprofiles; k++)
			if (strcmp(t->profiles[k].id, p->id) == 0)
				rc = profile_error(file, d, gir_xasprintf("profile \"%s\" is given twice", p->id));
	}
	return rc;
}

void gir_profiles_free(gir_template *t)
{
	for (size_t i = 0; i < t->nprofiles; i++) {
		for (size_t k = 0; k < t->profiles[i].npaths; k++)
			free(t->profiles[i].paths[k]);
		free(t->profiles[i].paths);
		free(t->profiles[i].id);
		free(t->profiles[i].label);
	}
	free(t->profiles);
}

const gir_profile *gir_template_profile(const gir_template *t, const char *key)
{
	for (size_t i = 0; i < t->nprofiles; i++)
		if (gir_same_key(t->profiles[i].id, key) || gir_same_key(t->profiles[i].label, key))
			return &t->profiles[i];
	return NULL;
}

typedef struct apply_ctx {
	gir_section_data *sd;
	unsigned char mark;
} apply_ctx;

static void mark_cell(void *arg, const gir_block *b, size_t row, size_t col)
{
	apply_ctx *a = arg;
	gir_value *v = gir_cell(a->sd, b, row, col);
	if (!v->given) /* what the source writes wins */
		*v = (gir_value){.na = a->mark};
}

void gir_profile_apply(const gir_profile *p, gir_report *rep)
{
	for (size_t i = 0; i < p->npaths; i++) {
		const gir_section *s;
		apply_ctx a = {.mark = p->mark};
		const char *rest;
		s = gir_path_section(rep->tpl, p->paths[i], &rest);
		if (!s)
			continue;
		a.sd = &rep->sections[s->index];
		path_cells(rep->tpl, p->paths[i], mark_cell, &a, &s);
	}
}
