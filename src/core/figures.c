/* Key figures for summaries: the template's "summary" list, read and
 * checked against the template's own tables, and evaluated on a report. */
#include <stdlib.h>
#include <string.h>

#include <cJSON.h>

#include "figures.h"
#include "util.h"

bool gir_template_has_path(const gir_template *t, const char *path)
{
	const char *rest;
	const gir_section *s = gir_path_section(t, path, &rest);
	const gir_axis *row, *col;
	for (size_t i = 0; s && i < s->nblocks; i++)
		if (gir_block_split_path(s->blocks[i], rest, &row, &col))
			return true;
	return false;
}

static int figure_error(const char *file, gir_diags *d, const char *msg)
{
	gir_diags_add(d, file, GIR_MSG(ERROR, template_figures, "template: %s"), msg);
	return -1;
}

static int parse_paths(gir_template *t, gir_figure *f, const cJSON *p, const char *file,
                       gir_diags *d)
{
	const cJSON *one = p;
	size_t n = cJSON_IsArray(p) ? (size_t)cJSON_GetArraySize(p) : 1;
	if (n == 0 || (!cJSON_IsArray(p) && !cJSON_IsString(p)))
		return figure_error(file, d, "a summary \"path\" is an id path or a list of them");
	f->paths = gir_xcalloc(n, sizeof(char *));
	int rc = 0;
	for (size_t i = 0; i < n; i++) {
		const cJSON *s = cJSON_IsArray(p) ? cJSON_GetArrayItem(p, (int)i) : one;
		if (!cJSON_IsString(s)) {
			rc = figure_error(file, d, "a summary \"path\" is an id path or a list of them");
			continue;
		}
		if (!gir_template_has_path(t, s->valuestring)) {
			char *msg = gir_xasprintf("summary figure \"%s\": \"%s\" names no cell of the template",
			                          f->id, s->valuestring);
			rc = figure_error(file, d, msg);
			free(msg);
			continue;
		}
		f->paths[f->npaths++] = gir_xstrdup(s->valuestring);
	}
	return rc;
}

int gir_figures_parse(gir_template *t, const cJSON *summary, const char *file, gir_diags *d)
{
	if (!summary)
		return 0;
	if (!cJSON_IsArray(summary))
		return figure_error(file, d, "\"summary\" must be an array of {id, label, path}");
	t->figures = gir_xcalloc((size_t)cJSON_GetArraySize(summary) + 1, sizeof(gir_figure));
	int rc = 0;
	const cJSON *j;
	cJSON_ArrayForEach(j, summary)
	{
		const cJSON *id = cJSON_GetObjectItemCaseSensitive(j, "id");
		const cJSON *label = cJSON_GetObjectItemCaseSensitive(j, "label");
		if (!cJSON_IsString(id) || !cJSON_IsString(label)) {
			rc = figure_error(file, d, "a summary figure needs a string \"id\" and \"label\"");
			continue;
		}
		if (gir_template_figure(t, id->valuestring)) {
			char *msg = gir_xasprintf("summary figure \"%s\" is listed twice", id->valuestring);
			rc = figure_error(file, d, msg);
			free(msg);
			continue;
		}
		gir_figure *f = &t->figures[t->nfigures++];
		f->id = gir_xstrdup(id->valuestring);
		f->label = gir_xstrdup(label->valuestring);
		if (parse_paths(t, f, cJSON_GetObjectItemCaseSensitive(j, "path"), file, d) != 0)
			rc = -1;
	}
	return rc;
}

const char *const gir_summary_word_keys[GIR_SW_COUNT] = {
	[GIR_SW_AGENCY] = "agency", [GIR_SW_YEAR] = "year", [GIR_SW_TEMPLATE] = "template",
	[GIR_SW_FILE] = "file", [GIR_SW_STATUS] = "status", [GIR_SW_ERRORS] = "errors",
	[GIR_SW_TOTAL] = "total", [GIR_SW_PASSED] = "passed", [GIR_SW_FAILED] = "failed",
	[GIR_SW_UNREADABLE] = "unreadable", [GIR_SW_FAILED_SOURCES] = "failed_sources",
	[GIR_SW_NOT_IN_TOTAL] = "not_in_total", [GIR_SW_SOURCES_UNIT] = "sources_unit",
	[GIR_SW_ERRORS_UNIT] = "errors_unit",
};

int gir_summary_words_parse(gir_template *t, const cJSON *words, const char *file, gir_diags *d)
{
	if (!t->nfigures && !words)
		return 0;
	if (!cJSON_IsObject(words))
		return figure_error(file, d, "\"summary_words\" is required with \"summary\": "
		                             "the words of the summary table");
	return gir_words_parse(words, "summary_words", gir_summary_word_keys, GIR_SW_COUNT,
	                       t->summary_words, file, d);
}

void gir_figures_free(gir_template *t)
{
	for (size_t i = 0; i < GIR_SW_COUNT; i++) {
		free(t->summary_words[i]);
		t->summary_words[i] = NULL;
	}
	for (size_t i = 0; i < GIR_DW_COUNT; i++) {
		free(t->diff_words[i]);
		t->diff_words[i] = NULL;
	}
	for (size_t i = 0; i < t->nfigures; i++) {
		for (size_t k = 0; k < t->figures[i].npaths; k++)
			free(t->figures[i].paths[k]);
		free(t->figures[i].paths);
		free(t->figures[i].id);
		free(t->figures[i].label);
	}
	free(t->figures);
	t->figures = NULL;
	t->nfigures = 0;
}

const gir_figure *gir_template_figure(const gir_template *t, const char *id)
{
	for (size_t i = 0; i < t->nfigures; i++)
		if (strcmp(t->figures[i].id, id) == 0)
			return &t->figures[i];
	return NULL;
}

bool gir_report_figure(const gir_report *rep, const gir_figure *f, gir_value *out)
{
	*out = (gir_value){0};
	for (size_t i = 0; i < f->npaths; i++) {
		gir_value v;
		if (!gir_report_lookup(rep, f->paths[i], &v))
			return false;
		*out = gir_value_add(*out, v);
	}
	return f->npaths > 0;
}
