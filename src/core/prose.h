/* The prose check: numbers that narrative text states about the tables
 * ("全年共收到政府信息公开申请12件"), found by the template's "prose" rules
 * and compared with the cells they name.  docs/prose.md describes the rules. */
#ifndef GIR_PROSE_H
#define GIR_PROSE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "model.h"
#include "template_parts.h" /* gir_prose_parse, gir_prose_free */

struct cJSON;

typedef struct gir_prose_unit {
	char *text;          /* 件, 元, 万元 */
	int64_t factor;      /* the text's number = the cell × factor (元 for 万元: 10000) */
} gir_prose_unit;

/* A list of phrases. */
typedef struct gir_phrases {
	char **items;
	size_t n;
} gir_phrases;

/* The template's "prose_words": the words around a number that make it
 * something other than a count of the cell (docs/prose.md). */
typedef struct gir_prose_words {
	gir_phrases approximate_before;     /* 约5件, 超过100条 */
	gir_phrases approximate_after;      /* 100多件: after the number, before the unit */
	gir_phrases approximate_after_unit; /* 100条左右, 10件以上 */
	gir_phrases comparisons;            /* 同比增加5件: a change, not the count */
	gir_phrases ordinal;                /* 第3次 */
	gir_phrases list_marks;             /* 行政许可、行政处罚决定共15件: one list */
	gir_phrases counted;                /* units after which a mark only separates two counts */
} gir_prose_words;

typedef struct gir_prose_rule {
	const gir_prose_words *words; /* the template's */
	char **paths;            /* the cell or total, or several summed */
	size_t npaths;
	char *label;             /* for messages; NULL: the cells' labels */
	gir_phrases before;      /* one of these, then the number */
	gir_phrases between;     /* the words in between contain one of these (if any) */
	gir_phrases not_between; /* … and none of these */
	gir_phrases context;     /* earlier in the sentence: one of these (if any) … */
	gir_phrases not_context; /* … with none of these after it */
	gir_prose_unit *units;   /* the number is followed by one of these */
	size_t nunits;
	int max_gap;             /* characters allowed between the phrase and the number */
	bool at_most;            /* "op": "<=": the text gives a part of the cell */
} gir_prose_rule;

/* A number in a text that a rule ties to a cell. */
typedef struct gir_prose_hit {
	const gir_prose_rule *rule;
	size_t start, end;       /* byte offsets of the number and its unit */
	size_t phrase;           /* byte offset of the phrase that introduced it */
	const gir_prose_unit *unit;
	gir_value said;          /* the number as written */
} gir_prose_hit;

/* Finds the numbers of a text that the template's rules tie to cells, in
 * text order; `literal` for a | block (a blank line ends a paragraph; in
 * other styles any line break does).  Returns a malloc'd array. */
gir_prose_hit *gir_prose_find(const gir_template *t, const char *s, size_t n, bool literal,
                              size_t *count);

/* Where a byte of the checked text stands in the source. */
typedef gir_pos (*gir_pos_fn)(void *ctx, size_t off);

/* Warns, at the number, for each number of the text that disagrees with its
 * cell, with a note at the cell.  `label` names the narrative section. */
void gir_prose_check(const gir_report *rep, const char *s, size_t n, bool literal,
                     gir_pos_fn where, void *ctx, const char *label, gir_diags *d);

#endif
