/* JSON: the validated report with every computed total, for other tools
 * (docs/json.md, version 1).  Rows and columns are keyed by their template
 * ids, so a value sits at the path a source and a placeholder use:
 * requests.withheld.state_secret.natural is
 * sections[i].rows.withheld.rows.state_secret.values.natural.  Values are
 * printed as written (6.0248, 12.50), never through a double. */
#include <stdio.h>
#include <stdlib.h>

#include <cJSON.h>

#include "model.h"
#include "narrative.h"
#include "util.h"

static void add_string_or_null(cJSON *o, const char *key, const char *s)
{
	if (s)
		cJSON_AddStringToObject(o, key, s);
	else
		cJSON_AddNullToObject(o, key);
}

/* A template label with {year} and {agency} filled in. */
static void add_label(cJSON *o, const gir_report *rep, const char *label)
{
	char *l = gir_expand_label(label, rep->year, rep->agency);
	cJSON_AddStringToObject(o, "label", l);
	free(l);
}

/* A number as written (exact), or null for a not-applicable cell, whose
 * spelling the row's "not_applicable" gives. */
static void add_value(cJSON *o, const char *key, gir_value v)
{
	char num[48];
	if (v.na) {
		cJSON_AddNullToObject(o, key);
		return;
	}
	gir_value_format(v, num, sizeof num);
	cJSON_AddRawToObject(o, key, num);
}

static cJSON *paragraphs(const gir_narrative *nar)
{
	cJSON *arr = cJSON_CreateArray();
	for (size_t i = 0; i < nar->n; i++) {
		const gir_para *p = &nar->paras[i];
		cJSON *o = cJSON_CreateObject();
		if (p->heading) {
			char *numbered = gir_subheading_text(p);
			cJSON_AddStringToObject(o, "kind", "subheading");
			cJSON_AddNumberToObject(o, "number", p->number);
			cJSON_AddStringToObject(o, "text", p->text);
			cJSON_AddStringToObject(o, "numbered", numbered);
			if (nar->run_in) /* printed at the start of the paragraph that follows */
				cJSON_AddTrueToObject(o, "run_in");
			free(numbered);
		} else {
			cJSON_AddStringToObject(o, "kind", "paragraph");
			cJSON_AddStringToObject(o, "text", p->text);
		}
		cJSON_AddItemToArray(arr, o);
	}
	return arr;
}

static const char *type_name(gir_cell_type t)
{
	return t == GIR_AMOUNT ? "amount" : t == GIR_DELTA ? "delta" : "count";
}

static const char *layout_name(gir_layout l)
{
	return l == GIR_LAYOUT_INLINE ? "inline" : l == GIR_LAYOUT_LINE ? "line" : "rows";
}

/* The header tree of a block, groups (merged header cells) included. */
static cJSON *column_tree(const gir_report *rep, const gir_axis *a)
{
	cJSON *arr = cJSON_CreateArray();
	for (size_t i = 0; i < a->nchildren; i++) {
		const gir_axis *k = a->children[i];
		cJSON *o = cJSON_CreateObject();
		add_string_or_null(o, "id", k->id);
		add_label(o, rep, k->label);
		if (k->nchildren) {
			cJSON_AddItemToObject(o, "columns", column_tree(rep, k));
		} else {
			cJSON_AddStringToObject(o, "type", type_name(k->type));
			add_string_or_null(o, "unit", k->unit);
			cJSON_AddBoolToObject(o, "computed", gir_axis_is_sum(k));
		}
		cJSON_AddItemToArray(arr, o);
	}
	return arr;
}

/* The row tree of a block as printed, unnamed groups (三、本年度办理结果) included. */
static cJSON *row_tree(const gir_report *rep, const gir_axis *a)
{
	cJSON *arr = cJSON_CreateArray();
	for (size_t i = 0; i < a->nchildren; i++) {
		const gir_axis *k = a->children[i];
		cJSON *o = cJSON_CreateObject();
		add_string_or_null(o, "id", k->id);
		add_label(o, rep, k->label);
		if (k->nchildren)
			cJSON_AddItemToObject(o, "rows", row_tree(rep, k));
		else
			cJSON_AddBoolToObject(o, "computed", gir_axis_is_sum(k));
		cJSON_AddItemToArray(arr, o);
	}
	return arr;
}

static cJSON *block_layout(const gir_report *rep, const gir_block *b)
{
	cJSON *o = cJSON_CreateObject();
	add_string_or_null(o, "caption", b->caption);
	add_string_or_null(o, "corner", b->corner);
	cJSON_AddStringToObject(o, "layout", layout_name(b->layout));
	cJSON_AddItemToObject(o, "columns", column_tree(rep, &b->cols));
	cJSON_AddItemToObject(o, "rows", row_tree(rep, &b->rows));
	return o;
}

static void add_rows(cJSON *obj, const gir_report *rep, const gir_section_data *sd,
                     const gir_block *b, const gir_axis *parent);

/* One row by id: its values in every column, which of them gireport
 * computed, and for a group its rows, its values being their sums. */
static cJSON *data_row(const gir_report *rep, const gir_section_data *sd, const gir_block *b,
                       const gir_axis *row)
{
	cJSON *o = cJSON_CreateObject();
	add_label(o, rep, row->label);
	cJSON *values = cJSON_AddObjectToObject(o, "values");
	cJSON *computed = cJSON_AddArrayToObject(o, "computed");
	cJSON *na = NULL;
	for (size_t c = 0; c < b->ncols; c++) {
		const gir_axis *col = b->col_leaves[c];
		char *key = gir_axis_path(col);
		gir_value v = row->leaf >= 0 ? *gir_cell(sd, b, (size_t)row->leaf, c)
		                             : gir_sum_rows(sd, b, row, c);
		add_value(values, key, v);
		if (v.na) { /* only in a row that has one: version 1 files stay as they were */
			if (!na)
				na = cJSON_AddObjectToObject(o, "not_applicable");
			cJSON_AddStringToObject(na, key, gir_na_spellings[v.na]);
		}
		if (row->leaf < 0 || gir_axis_is_sum(row) || gir_axis_is_sum(col))
			cJSON_AddItemToArray(computed, cJSON_CreateString(key));
		free(key);
	}
	if (row->leaf < 0)
		add_rows(cJSON_AddObjectToObject(o, "rows"), rep, sd, b, row);
	return o;
}

/* The addressable rows under a node, looking through unnamed groups.  The
 * first of two rows with one id wins, as it does for a source's keys. */
static void add_rows(cJSON *obj, const gir_report *rep, const gir_section_data *sd,
                     const gir_block *b, const gir_axis *parent)
{
	size_t n = gir_axis_keyed_children(parent, NULL, 0);
	const gir_axis **kids = gir_xcalloc(n ? n : 1, sizeof *kids);
	gir_axis_keyed_children(parent, kids, n);
	for (size_t i = 0; i < n; i++)
		if (!cJSON_GetObjectItemCaseSensitive(obj, kids[i]->id))
			cJSON_AddItemToObject(obj, kids[i]->id, data_row(rep, sd, b, kids[i]));
	free(kids);
}

static cJSON *section(const gir_report *rep, const gir_section *s, const gir_section_data *sd)
{
	cJSON *o = cJSON_CreateObject();
	cJSON_AddStringToObject(o, "id", s->id);
	cJSON_AddStringToObject(o, "heading", s->heading);
	cJSON_AddStringToObject(o, "kind", s->kind == GIR_NARRATIVE ? "narrative" : "table");
	cJSON_AddBoolToObject(o, "given", sd->given);
	if (s->kind == GIR_NARRATIVE) {
		cJSON_AddItemToObject(o, "paragraphs", paragraphs(&sd->text));
		return o;
	}
	cJSON *blocks = cJSON_AddArrayToObject(o, "blocks");
	cJSON *rows = cJSON_AddObjectToObject(o, "rows");
	for (size_t i = 0; i < s->nblocks; i++) {
		cJSON_AddItemToArray(blocks, block_layout(rep, s->blocks[i]));
		add_rows(rows, rep, sd, s->blocks[i], &s->blocks[i]->rows);
	}
	return o;
}

int gir_render_json(const gir_report *rep, const gir_options *opt, gir_buf *out)
{
	cJSON *root = cJSON_CreateObject();
	cJSON_AddStringToObject(root, "format", "gireport-report");
	cJSON_AddNumberToObject(root, "version", 1);
	cJSON_AddStringToObject(root, "generator", "gireport " GIR_VERSION);
	cJSON *tpl = cJSON_AddObjectToObject(root, "template");
	cJSON_AddStringToObject(tpl, "id", rep->tpl->id);
	add_string_or_null(tpl, "name", rep->tpl->name);
	cJSON_AddNumberToObject(root, "year", rep->year);
	cJSON_AddStringToObject(root, "agency", rep->agency);
	cJSON_AddStringToObject(root, "title", rep->title);
	if (rep->date.year) {
		char iso[32];
		snprintf(iso, sizeof iso, "%04d-%02d-%02d", rep->date.year, rep->date.month,
		         rep->date.day);
		cJSON_AddStringToObject(root, "date", iso);
	} else {
		cJSON_AddNullToObject(root, "date");
	}
	char *date_text = gir_report_date_text(rep);
	add_string_or_null(root, "date_text", date_text);
	free(date_text);
	cJSON *sig = cJSON_AddArrayToObject(root, "signatories");
	for (size_t i = 0; i < rep->nsignatories; i++)
		cJSON_AddItemToArray(sig, cJSON_CreateString(rep->signatories[i]));
	cJSON_AddItemToObject(root, "preface", paragraphs(&rep->preface));
	cJSON *sections = cJSON_AddArrayToObject(root, "sections");
	for (size_t i = 0; i < rep->tpl->nsections; i++)
		cJSON_AddItemToArray(sections, section(rep, rep->tpl->sections[i], &rep->sections[i]));

	char *text = cJSON_Print(root);
	cJSON_Delete(root);
	if (!text) {
		if (opt && opt->diags)
			gir_diags_add(opt->diags, rep->file,
			              GIR_MSG(ERROR, json_out_of_memory,
			                  "out of memory writing JSON"));
		return -1;
	}
	gir_buf_puts(out, text);
	gir_buf_putc(out, '\n');
	cJSON_free(text);
	return 0;
}
