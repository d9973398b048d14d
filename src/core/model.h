/* The validated report: the template plus every value, each with the source
 * position it came from.  Renderers read it and nothing else. */
#ifndef GIR_MODEL_H
#define GIR_MODEL_H

#include <stdbool.h>
#include <stdint.h>

#include "diag.h"
#include "template.h"

/* A table cell.  Amounts are exact: v is the value times 10^scale, with the
 * scale the author wrote (6.0248 → v 60248, scale 4). */
typedef struct gir_value {
	int64_t v;
	int scale;
	bool given;     /* written in the source (computed totals: given and checked) */
	bool bad;       /* written, but not a valid value: checks involving it are skipped */
	bool overflow;  /* a sum past 2^63 (then bad too): an error where it is made */
	/* Not applicable (docs/format.md, "Not applicable"): v is 0, counted as
	 * 0 in every sum and check, and printed as written.  na is the
	 * spelling's index in gir_na_spellings (1 for "/"), 0 for a number. */
	unsigned char na;
	bool empty;     /* a sum of no terms yet (GIR_SUM_EMPTY): a sum of N/A cells is N/A */
	gir_pos pos;    /* of the value, or of the nearest enclosing node */
} gir_value;

/* How a source may write "not applicable", index 1 up; [0] is NULL.  The
 * spellings real reports print (/ ／ - — ——, 无, …), kept as written. */
extern const char *const gir_na_spellings[];
/* The index of a text among them (surrounding spaces ignored), or 0. */
int gir_na_spelling(const char *text);
/* The start of a sum that keeps N/A: the sum of only N/A cells is N/A
 * (printed like its first one), any number makes it a number. */
#define GIR_SUM_EMPTY ((gir_value){.empty = true})
/* How subheadings are printed (`subheadings:` in a source or gireport.yaml):
 * unset, on a line of their own, or run in at the start of their paragraph. */
typedef enum gir_sub_style { GIR_SUB_UNSET, GIR_SUB_SEPARATE, GIR_SUB_RUN_IN } gir_sub_style;

/* "run-in" or "separate"; GIR_SUB_UNSET for anything else or NULL. */
gir_sub_style gir_sub_style_parse(const char *s);

/* One paragraph or subheading of a narrative section. */
typedef struct gir_para {
	bool heading;   /* a subheading; renderers number them （一）（二）… */
	int number;     /* 1-based subheading number */
	char *text;
	gir_pos pos;
} gir_para;

typedef struct gir_narrative {
	gir_para *paras;
	size_t n, cap;
	int headings;   /* subheadings so far, for numbering the next */
	bool run_in;    /* subheadings open their paragraph: "（一）主动公开情况。2024年…" */
} gir_narrative;

typedef struct gir_section_data {
	bool given;             /* the key was present */
	gir_pos pos;            /* of the key, when given */
	gir_narrative text;     /* narrative sections */
	gir_sub_style style;    /* subheadings: as written for this section */
	gir_value *cells;       /* table sections: template ncells, block by block */
	bool incomplete;        /* a key could not be placed: skip the arithmetic */
} gir_section_data;

typedef struct gir_date {
	int year, month, day;   /* year 0: no date */
} gir_date;

struct gir_report {
	const gir_template *tpl;
	char *file;
	int year;
	char *agency;
	char *title;
	gir_date date;
	char **signatories;
	size_t nsignatories;
	char *previous;
	gir_pos previous_pos;
	char *date_format;      /* the project's, or NULL for the template's */
	char *fonts[GIR_FONT_ROLES];
	gir_narrative preface;
	gir_sub_style preface_style; /* subheadings: the preface's own */
	gir_sub_style style;    /* subheadings: the source's, for every narrative */
	gir_section_data *sections;  /* parallel to tpl->sections */
};

/* The cell of a block at (row leaf, column leaf). */
static inline gir_value *gir_cell(const gir_section_data *sd, const gir_block *b,
                                  size_t row, size_t col)
{
	return &sd->cells[b->cell_base + row * b->ncols + col];
}

/* Sum of the cells under a row node (any depth) in one column leaf, leaving
 * computed totals out so that nothing is counted twice. */
gir_value gir_sum_rows(const gir_section_data *sd, const gir_block *b,
                       const gir_axis *row, size_t col);
/* Sum of the cells of one row leaf under a column node. */
gir_value gir_sum_cols(const gir_section_data *sd, const gir_block *b,
                       size_t row, const gir_axis *col);
/* Any cell or computed total by its id path: "requests.received.natural",
 * "requests.withheld.total" (a group of rows in the total column),
 * "appeals.review.upheld"; a row alone stands for its total column
 * ("requests.received") or its only one ("proactive.release_total"); a
 * column alone for the whole column (see gir_report_resolve).  Groups of
 * rows or columns sum their parts.  Returns false when the path names
 * nothing. */
bool gir_report_lookup(const gir_report *rep, const char *path, gir_value *out);
/* What an id path names, as gir_report_lookup reads it, with its value.  A
 * column alone ("appeals.total", "proactive.made") is that column summed
 * over its table's rows, in a table without a total row and when only one
 * block of the section has the column. */
typedef struct gir_cell_ref {
	const gir_section *section;
	const gir_block *block;
	const gir_axis *row;   /* the block's root for a whole column */
	const gir_axis *col;
	gir_value value;
} gir_cell_ref;
bool gir_report_resolve(const gir_report *rep, const char *path, gir_cell_ref *out);
/* True when the value is a sum the source does not write: a computed total
 * left out, a group, a whole column. */
bool gir_cell_ref_computed(const gir_cell_ref *r);
/* "一、本年新收政府信息公开申请数量 · 总计", after the section heading if asked. */
char *gir_cell_ref_label(const gir_report *rep, const gir_cell_ref *r, bool with_section);
gir_value gir_value_add(gir_value a, gir_value b);
/* Compares two exact values: -1, 0, 1. */
int gir_value_cmp(gir_value a, gir_value b);
/* Formats a value as a number: 12, -3, 6.0248 (N/A as 0: messages, sums,
 * placeholders in prose). */
void gir_value_format(gir_value v, char *out, size_t cap);
/* Formats a cell as the tables print it: the number, or the N/A spelling. */
void gir_cell_format(gir_value v, char *out, size_t cap);

/* The date as the signature block prints it (the template's date_format,
 * no zero padding: 2021年1月8日), or NULL when the source gives none. */
char *gir_report_date_text(const gir_report *rep);

/* gir_cn_number (一, 十二, 九十九) is in cn.h. */

/* Marks the profile's cells the source does not write as not applicable. */
void gir_profile_apply(const gir_profile *p, gir_report *rep);

/* Computes total rows and columns, reporting given totals that differ. */
void gir_compute_totals(const gir_report *rep, gir_diags *d);
/* Runs the template's checks on a bound report. */
void gir_run_checks(const gir_report *rep, gir_diags *d);
/* The errors one section's totals and checks give with its cells as they
 * are, into d, leaving the cells unchanged; returns how many. */
size_t gir_section_trial(const gir_report *rep, const gir_section *s, gir_diags *d);

#endif
