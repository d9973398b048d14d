/* gireport new: a complete source for a template, every field commented
 * with its Chinese label and every table laid out in column order with
 * zeros, so a clerk only fills in numbers and text. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cJSON.h>

#include "gireport.h"
#include "i18n.h"
#include "template.h"
#include "utf8.h"
#include "util.h"

#define COMMENT_COLUMN 36

/* "key: value" padded so that the comments line up, then "# comment". */
static void line(gir_buf *out, int indent, const char *text, const char *comment)
{
	size_t start = out->len;
	for (int i = 0; i < indent; i++)
		gir_buf_putc(out, ' ');
	if (!text) { /* a comment on a line of its own */
		gir_buf_printf(out, "# %s\n", comment ? comment : "");
		return;
	}
	gir_buf_puts(out, text);
	if (comment && *comment) {
		size_t w = gir_utf8_width(out->ptr + start, out->len - start);
		for (size_t i = w; i < COMMENT_COLUMN; i++)
			gir_buf_putc(out, ' ');
		gir_buf_printf(out, " # %s", comment);
	}
	gir_buf_putc(out, '\n');
}

/* "# 本年制发件数, 本年废止件数, 现行有效件数 (总计 is computed)" */
static void columns_comment(gir_buf *out, int indent, const gir_block *b)
{
	gir_buf c = {0};
	if (b->caption)
		gir_buf_printf(&c, "%s: ", b->caption);
	const char *sum = NULL;
	for (size_t k = 0, n = 0; k < b->ncols; k++) {
		const gir_axis *a = b->col_leaves[k];
		if (gir_axis_is_sum(a)) {
			sum = a->label;
			continue;
		}
		gir_buf_printf(&c, "%s%s", n++ ? ", " : "", a->label);
	}
	if (sum)
		gir_buf_printf(&c, _(" (%s is computed)"), sum);
	char *text = gir_buf_detach(&c);
	line(out, indent, NULL, text);
	free(text);
}

static void zero_row(gir_buf *out, int indent, const gir_axis *row, const gir_block *b, int year)
{
	size_t n = gir_block_input_columns(b);
	gir_buf v = {0};
	gir_buf_printf(&v, "%s: ", row->id);
	if (n == 1) {
		gir_buf_putc(&v, '0');
	} else {
		gir_buf_putc(&v, '[');
		for (size_t i = 0; i < n; i++)
			gir_buf_puts(&v, i ? ", 0" : "0");
		gir_buf_putc(&v, ']');
	}
	char *label = gir_expand_label(row->label, year, NULL);
	line(out, indent, v.ptr, label);
	free(label);
	gir_buf_free(&v);
}

/* Rows of a tree: unnamed groups become comments, keyed groups nest. */
static void rows(gir_buf *out, int indent, const gir_axis *a, const gir_block *b, int year)
{
	for (size_t i = 0; i < a->nchildren; i++) {
		const gir_axis *k = a->children[i];
		if (gir_axis_is_sum(k))
			continue; /* computed: a clerk writes nothing */
		char *label = gir_expand_label(k->label, year, NULL);
		if (!k->id) {
			line(out, indent, NULL, label);
			rows(out, indent, k, b, year);
		} else if (k->nchildren) {
			char *key = gir_xasprintf("%s:", k->id);
			line(out, indent, key, label);
			free(key);
			rows(out, indent + 2, k, b, year);
		} else {
			zero_row(out, indent, k, b, year);
		}
		free(label);
	}
}

/* What the template suggests under a narrative's placeholder, its section's
 * "skeleton" list: a string is a paragraph, {"小标题": "正文"} a subheading,
 * written as they stand (so text repeating a table number can say
 * {{requests.received.total}} and never disagree with it). */
static void suggested_items(gir_buf *out, const gir_template *t, const gir_section *s)
{
	const cJSON *sj, *item, *kv;
	cJSON_ArrayForEach(sj, cJSON_GetObjectItemCaseSensitive(t->json, "sections"))
	{
		const cJSON *id = cJSON_GetObjectItemCaseSensitive(sj, "id");
		if (!cJSON_IsString(id) || strcmp(id->valuestring, s->id) != 0)
			continue;
		cJSON_ArrayForEach(item, cJSON_GetObjectItemCaseSensitive(sj, "skeleton"))
		{
			if (cJSON_IsString(item))
				gir_buf_printf(out, "  - %s\n", item->valuestring);
			if (!cJSON_IsObject(item))
				continue;
			cJSON_ArrayForEach(kv, item)
			{
				if (cJSON_IsString(kv))
					gir_buf_printf(out, "  - %s: %s\n", kv->string, kv->valuestring);
			}
		}
	}
}

static void section(gir_buf *out, const gir_template *t, const gir_section *s, int year)
{
	char *key = gir_xasprintf("%s:", s->id);
	line(out, 0, key, s->heading);
	free(key);
	if (s->kind == GIR_NARRATIVE) {
		char *para = gir_xasprintf("- %s", t->placeholder ? t->placeholder : "");
		line(out, 2, para, NULL);
		free(para);
		suggested_items(out, t, s);
		return;
	}
	for (size_t i = 0; i < s->nblocks; i++) {
		const gir_block *b = s->blocks[i];
		if (b->layout != GIR_LAYOUT_LINE)
			columns_comment(out, 2, b);
		rows(out, 2, &b->rows, b, year);
	}
}

int gir_template_skeleton(const gir_template *t, int year, const char *agency, gir_buf *out)
{
	const char *const *f = (const char *const *)t->field_labels;
	gir_buf_printf(out, "# %s\n", t->name);
	gir_buf_printf(out, "# %s\n", _("gireport new; `gireport check` this file after filling it in."));
	char buf[256];
	snprintf(buf, sizeof buf, "year: %d", year);
	line(out, 0, buf, f[GIR_F_YEAR]);
	gir_buf a = {0};
	gir_buf_puts(&a, "agency: \"");
	for (const char *p = agency ? agency : t->placeholder; p && *p; p++) {
		if (*p == '"' || *p == '\\')
			gir_buf_putc(&a, '\\');
		gir_buf_putc(&a, *p);
	}
	gir_buf_putc(&a, '"');
	line(out, 0, a.ptr, f[GIR_F_AGENCY]);
	gir_buf_free(&a);
	snprintf(buf, sizeof buf, "template: %s", t->id);
	line(out, 0, buf, f[GIR_F_TEMPLATE]);
	/* The date is the clerk's to choose, the day the report is issued: an
	 * example in a comment, never a date nobody chose. */
	snprintf(buf, sizeof buf, "# date: %d-01-15", year + 1);
	char *label = gir_xasprintf(_("%s: the day the report is issued, then remove the first #"),
	                            f[GIR_F_DATE]);
	line(out, 0, buf, label);
	free(label);
	for (size_t i = 0; i < t->nsections; i++) {
		gir_buf_putc(out, '\n');
		section(out, t, t->sections[i], year);
	}
	return 0;
}
