/* The schema a template describes: sections, tables as blocks of row and
 * column trees, cell types, computed totals and the checks, all as data. */
#ifndef GIR_TEMPLATE_H
#define GIR_TEMPLATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "gireport.h"

typedef enum gir_cell_type {
	GIR_COUNT,   /* integer >= 0 */
	GIR_DELTA,   /* integer, may be negative (本年增/减) */
	GIR_AMOUNT   /* exact decimal >= 0 (万元) */
} gir_cell_type;

typedef enum gir_sum {
	GIR_SUM_NONE,
	GIR_SUM_ALL,       /* column: sum of every other column of the block */
	GIR_SUM_SIBLINGS   /* row: sum of every other row under the same group */
} gir_sum;

/* A node of a row or column tree.  Leaves hold cells; groups give the merged
 * header cells.  A group without an id is transparent: its children are
 * addressed as if they stood at the group's level (三、本年度办理结果). */
/* A unit a cell's number may be written with, and its factor: the number
 * written = the cell × factor ("75394432.52元" in a 万元 column: 元, 10000). */
typedef struct gir_axis_unit {
	char *text;
	int64_t factor;
} gir_axis_unit;

typedef struct gir_axis gir_axis;
struct gir_axis {
	char *id;
	char *label;
	char *bare_label;    /* label without its "（一）"/"1." number, for matching */
	char **aliases;
	size_t naliases;
	gir_cell_type type;
	char *unit;          /* the cells' unit, as the header prints it (万元) */
	gir_axis_unit *units; /* "unit": {"万元": 1, "元": 10000}: every unit, unit's first */
	size_t nunits;
	gir_sum sum;
	bool no_na;          /* "not_applicable": false: its cells need a number */
	gir_axis *parent;
	gir_axis **children;
	size_t nchildren;
	int depth;           /* root's children have depth 0 */
	int leaf;            /* index among the leaves, or -1 for a group */
	int first_leaf;      /* leaves under this node: [first_leaf, first_leaf+nleaves) */
	int nleaves;
};

/* A template may give a column or row group at most GIR_MAX_KEYS keyed
 * children, and a table section at most GIR_MAX_ROWS keyed rows: the national
 * forms have a tenth of that, and the binder looks keys up in arrays of
 * these sizes.  Larger templates are refused when they are loaded. */
#define GIR_MAX_KEYS 64
#define GIR_MAX_ROWS 256

typedef enum gir_layout {
	GIR_LAYOUT_ROWS,    /* ordinary table: one line per leaf row */
	GIR_LAYOUT_INLINE,  /* all rows side by side in one line (table 四) */
	GIR_LAYOUT_LINE     /* one value in a sentence across the table */
} gir_layout;

typedef struct gir_block {
	char *caption;       /* 第二十条第（一）项, or NULL */
	char *corner;        /* top-left header cell, or NULL */
	gir_layout layout;
	gir_axis cols;       /* root, no label */
	gir_axis rows;
	gir_axis **col_leaves;
	size_t ncols;
	gir_axis **row_leaves;
	size_t nrows;
	size_t cell_base;    /* first cell of this block in the section's cells */
} gir_block;

typedef enum gir_section_kind { GIR_NARRATIVE, GIR_TABLE } gir_section_kind;

typedef struct gir_section {
	char *id;
	char *heading;       /* 一、总体情况 */
	char *bare_heading;  /* 总体情况 */
	char **aliases;      /* other headings real reports give it ("aliases"),
	                        read by the import; NULL-terminated */
	size_t naliases;
	gir_section_kind kind;
	gir_block **blocks;
	size_t nblocks;
	size_t ncells;
	int index;
} gir_section;

typedef enum gir_check_each { GIR_EACH_COLUMN, GIR_EACH_ROW } gir_check_each;
typedef enum gir_check_op { GIR_OP_EQ, GIR_OP_LE } gir_check_op;

/* An arithmetic rule of the form: sum(left) op sum(right), checked for every
 * column (or every listed row) of one block. */
typedef struct gir_check {
	const gir_section *section;
	const gir_block *block;
	gir_check_each each;
	gir_check_op op;
	gir_severity severity;
	const gir_axis **left, **right; /* rows for EACH_COLUMN, columns for EACH_ROW */
	size_t nleft, nright;
	const gir_axis **only;          /* EACH_ROW: the rows it applies to */
	size_t nonly;
	bool previous;                  /* right side is read from last year's report */
	char *message;                  /* with {left} and {right} */
} gir_check;

/* Meta fields every source has; their labels come from the template. */
typedef enum gir_field {
	GIR_F_YEAR, GIR_F_AGENCY, GIR_F_TEMPLATE, GIR_F_TITLE, GIR_F_DATE,
	GIR_F_SIGNATORIES, GIR_F_PREVIOUS, GIR_F_PREFACE, GIR_F_FONTS, GIR_F_PROFILE, GIR_F_SUBHEADINGS, GIR_F_COUNT
} gir_field;

extern const char *const gir_field_ids[GIR_F_COUNT];

/* A key figure for `gireport summary` (the template's "summary" list): one
 * number per report, the sum of the cells or totals its id paths name. */
typedef struct gir_figure {
	char *id;
	char *label;
	char **paths;        /* "requests.received.total", … */
	size_t npaths;
} gir_figure;

/* The words of a comparison (`gireport diff`), in the order of the
 * template's "diff_words" keys (gir_diff_word_keys, diff.c). */
enum {
	GIR_DW_NONE, GIR_DW_FIELDS, GIR_DW_CHANGE, GIR_DW_ITEM, GIR_DW_TITLE, GIR_DW_REMOVED,
	GIR_DW_ADDED, GIR_DW_YEAR_UNIT, GIR_DW_FIGURES_DIFFER, GIR_DW_TEXT_REMOVED,
	GIR_DW_PARAGRAPHS_UNIT, GIR_DW_COUNT
};
extern const char *const gir_diff_word_keys[GIR_DW_COUNT];

/* The words of a summary table (`gireport summary`), in the order of the
 * template's "summary_words" keys (figures.c). */
enum {
	GIR_SW_AGENCY, GIR_SW_YEAR, GIR_SW_TEMPLATE, GIR_SW_FILE, GIR_SW_STATUS, GIR_SW_ERRORS,
	GIR_SW_TOTAL, GIR_SW_PASSED, GIR_SW_FAILED, GIR_SW_UNREADABLE, GIR_SW_FAILED_SOURCES,
	GIR_SW_NOT_IN_TOTAL, GIR_SW_SOURCES_UNIT, GIR_SW_ERRORS_UNIT, GIR_SW_COUNT
};

/* A kind of agency (the template's "profiles"): the cells that are not
 * applicable to it unless its source writes them (profile.c). */
typedef struct gir_profile {
	char *id;             /* "no_rules" */
	char *label;          /* "无规章制定权的机关" */
	char **paths;         /* "proactive.regulations", … (rows, or cells) */
	size_t npaths;
	unsigned char mark;   /* the spelling printed (gir_na_spellings), "/" unless "mark" */
} gir_profile;

struct gir_template {
	char *id;
	char *name;
	char *title;          /* "{agency}{year}年政府信息公开工作年度报告" */
	char *date_format;    /* "{year}年{month}月{day}日": the signature date */
	char **title_aliases; /* other titles real reports have ("title_aliases",
	                         "{year}年{agency}政府信息公开…"), for the import */
	size_t ntitle_aliases;
	char **label_breaks;  /* "label_breaks": where a table's labels may break
	                         between words, "本年度|办理结果" (docs/format.md) */
	size_t nlabel_breaks;
	char *placeholder;    /* narrative text in a new skeleton, warned about if left */
	int first_year, last_year;
	char *field_labels[GIR_F_COUNT];
	gir_section **sections;
	size_t nsections;
	gir_check **checks;
	size_t nchecks;
	gir_figure *figures;   /* "summary": the key figures, in order */
	size_t nfigures;
	char *summary_words[GIR_SW_COUNT]; /* "summary_words" (figures.h), with "summary" */
	char *diff_words[GIR_DW_COUNT];    /* "diff_words", or all NULL */
	struct gir_prose_rule *prose; /* "prose": numbers narratives state (prose.h) */
	struct gir_prose_words *prose_words; /* "prose_words", which the rules share */
	gir_profile *profiles; /* "profiles": kinds of agency, cells N/A by default */
	size_t nprofiles;
	size_t nprose;
	struct cJSON *json;   /* merged source, for templates that extend this one */
	bool is_extension;    /* "extends" another: never chosen by year alone */
	unsigned long long hash; /* of the merged JSON, for stale-output checks */
	char *base;           /* the id it extends, or NULL */
	char *source;         /* its own JSON text and file name, to rebuild it */
	char *source_name;    /* when a template it extends is replaced */
	/* An embedded template not built yet: its parsed JSON and text.  Until
	 * it is built it has only id, base, is_extension, the years and the
	 * field labels, which the registry's lookups read; gir_registry_at,
	 * _find and _for_year build it first (template.c, "registry"). */
	struct cJSON *unbuilt;
	const char *unbuilt_text;
	size_t unbuilt_len;
};

/* The profile a key names (its id or label), or NULL. */
const gir_profile *gir_template_profile(const gir_template *t, const char *key);

/* Whether the template's edition is meant for a report year. */
bool gir_template_covers(const gir_template *t, int year);
/* Builds a template from its JSON text; `base` resolves "extends". */
gir_template *gir_template_parse(const char *name, const char *json, size_t len,
                                 const gir_registry *base, gir_diags *d);
void gir_template_free(gir_template *t);

const gir_section *gir_template_section(const gir_template *t, const char *id);
/* Whether a key names the node: its id, its label, its label without the
 * number in front, or one of its aliases. */
bool gir_axis_matches(const gir_axis *a, const char *key);
/* Addressable children of a node: its children, looking through transparent
 * groups.  Returns the number written to out (at most cap). */
size_t gir_axis_keyed_children(const gir_axis *a, const gir_axis **out, size_t cap);
/* Resolves a dotted path such as "withheld.state_secret" below a root. */
const gir_axis *gir_axis_find_path(const gir_axis *root, const char *path);
/* Cell paths on the form (model.c's lookups and the template's own
 * "summary" and "prose" parts read them; the template alone answers). */
/* The table section a cell path ("requests.received.natural") starts with,
 * and in *rest what follows its dot; NULL when there is no such table or a
 * part of the path is empty. */
const gir_section *gir_path_section(const gir_template *t, const char *path, const char **rest);
/* Splits the rest of a cell path into a row node and a column node of the
 * block: the longest row prefix whose rest names a column; a row alone
 * stands for the block's only column or its 总计, and a column alone
 * ("total" in 四) for the column over every row, when the block has no
 * total row.  False when no split names a cell. */
bool gir_block_split_path(const gir_block *b, const char *rest, const gir_axis **row,
                          const gir_axis **col);
/* The "a.b.c" id path of a node below its root (NULL-root parents skipped). */
char *gir_axis_path(const gir_axis *a);
/* Label chain "（三）不予公开 · 1.属于国家秘密". */
char *gir_axis_label_chain(const gir_axis *a, int year);
/* Whether a cell may be not applicable: no node above its row or column
 * says "not_applicable": false. */
bool gir_axis_na_allowed(const gir_axis *row, const gir_axis *col);
/* True when the node is a leaf that is a computed total. */
bool gir_axis_is_sum(const gir_axis *a);
/* The block's columns a source writes: all but the computed ones. */
size_t gir_block_input_columns(const gir_block *b);

/* Compares keys ignoring ASCII and full-width spaces. */
bool gir_same_key(const char *a, const char *b);
/* Strips a leading "（一）", "一、", "1、", "1.", "（1）" and spaces. */
const char *gir_skip_numbering(const char *s);
/* The numbering gir_skip_numbering strips, as a regular expression (ECMA-262
 * and Python alike) for the JSON Schema of `gireport schema`. */
extern const char gir_numbering_regex[];

/* Adds templates given as (name, JSON text) pairs, as a template directory
 * does (bases first, then the templates that extend them); -1 when any was
 * refused, with diagnostics.  The fuzz target's way in. */
/* The label of a field in the i-th template ("报告年度" for year), without
 * building an embedded template for it: what a source may write for the
 * field before its template is known.  Valid while the template is in the
 * registry, built since or not. */
const char *gir_registry_label(const gir_registry *r, size_t i, gir_field f);
int gir_registry_add_texts(gir_registry *r, const char *const *names, const char *const *texts,
                           const size_t *lens, size_t n, gir_diags *d);

/* Reads an object of words ("summary_words", "diff_words"): every one of
 * the n keys required, each a non-empty string, into dest (malloc'd; what
 * dest held is freed).  Returns 0, or -1 with errors naming `what`. */
int gir_words_parse(const struct cJSON *j, const char *what, const char *const *keys, size_t n,
                    char **dest, const char *file, gir_diags *d);

#endif
