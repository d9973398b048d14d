/* Placeholders in narrative text: {{requests.received.total}}, {{year}},
 * {{agency}}, {{'{{'}} for the braces themselves.  The validator reports
 * the bad ones where they stand in the source and replaces the others, once,
 * after the totals are computed, so every renderer prints the values. */
#ifndef GIR_PLACEHOLDER_H
#define GIR_PLACEHOLDER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "model.h"
#include "node.h"

typedef enum gir_ph_kind {
	GIR_PH_PATH,      /* {{requests.received.total}}, {{year}}, {{a + b}} */
	GIR_PH_LITERAL,   /* {{'{{'}}: the quoted text itself */
	GIR_PH_UNCLOSED,  /* "{{" without "}}" on the same line */
	GIR_PH_EMPTY      /* {{}} or {{ }} */
} gir_ph_kind;

typedef struct gir_placeholder {
	gir_ph_kind kind;
	size_t start, end;   /* byte offsets of "{{" and just past "}}" */
	size_t arg, arglen;  /* the path (spaces trimmed) or the quoted text */
} gir_placeholder;

/* Finds the first placeholder at or after byte `from` of s; false when
 * there is none.  Scanning on from ph->end finds the next. */
bool gir_placeholder_next(const char *s, size_t n, size_t from, gir_placeholder *ph);

/* The text a placeholder's path stands for in a report: a cell or total
 * formatted as the tables print it (6.0248 stays 6.0248), the year, the
 * agency; "a + b" adds cells.  NULL when a part names nothing: *bad and
 * *badlen then give that part within arg; NULL with *bad = (size_t)-1 when
 * the sum is too large to add up.  The caller frees the result. */
char *gir_placeholder_text(const gir_report *rep, const char *arg, size_t len, size_t *bad,
                           size_t *badlen);
/* A copy of s with every placeholder replaced (invalid ones are kept as
 * written; the validator has reported them). */
char *gir_placeholder_expand(const gir_report *rep, const char *s);
/* "did you mean requests.received.total (…)?" for an unknown path, or a
 * reminder of what a placeholder may name.  The caller frees it. */
char *gir_placeholder_hint(const gir_report *rep, const char *path);

/* Where byte `off` of a scalar's value stands in the source text: exact for
 * every style (plain, quoted with escapes, | and > blocks), counting columns
 * in characters as libyaml does.  A character that YAML made from line
 * folding is placed at the next character that was typed; when the source
 * cannot be followed, the scalar's own position. */
gir_pos gir_scalar_pos(const char *src, size_t len, const gir_node *v, size_t off);

/* The same for several offsets of one scalar: each call walks on from the
 * last, so offsets in increasing order cost one pass over the source. */
typedef struct gir_src_walker {
	const char *s;
	size_t n, i;
	gir_pos pos;             /* of s[i] */
	gir_scalar_style style;
} gir_src_walker;

/* Where the last walk found its line: walks made in source order then scan
 * the source once in all, not once each. */
typedef struct gir_line_hint {
	int line;
	size_t off;
} gir_line_hint;

/* Starts walking on the first call of gir_srcmap_pos, so a text without a
 * diagnostic costs nothing. */
typedef struct gir_srcmap {
	const char *src;
	size_t len;
	const gir_node *v;
	gir_line_hint *hint;     /* may be NULL */
	bool started;
	gir_src_walker w;
	size_t vi;               /* the value's next character */
	bool have, failed;       /* a source character read for it; lost track */
	uint32_t cp;
	gir_pos at;
} gir_srcmap;

void gir_srcmap_init(gir_srcmap *m, const char *src, size_t len, const gir_node *v,
                     gir_line_hint *hint);
gir_pos gir_srcmap_pos(gir_srcmap *m, size_t off);

#endif
