/* Validator: binds the document tree to the template, field by field, and
 * reports every problem it meets (it never stops at the first).  The result
 * is the report model that the checks and renderers read. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model.h"
#include "narrative.h"
#include "node.h"
#include "number.h"
#include "placeholder.h"
#include "prose.h"
#include "suggest.h"
#include "utf8.h"
#include "util.h"

/* A row written without its computed total, remembered until the table is
 * done: if other rows of the table have their totals, a value may be missing. */
typedef struct short_row {
	const gir_node *v;
	const gir_block *block;
	size_t row;
} short_row;

typedef struct binder {
	const gir_options *opt;
	const char *file;
	const char *text;        /* the source, to place a character inside a value */
	size_t len;
	gir_line_hint line_hint; /* for placing them in source order */
	gir_diags *diags;
	const gir_registry *reg;
	const gir_template *tpl;
	gir_report *rep;
	int errors;
	short_row shorts[64];
	size_t nshort;
	const gir_block *full_rows_in[16]; /* blocks with a row given in full */
	size_t nfull;
	gir_ptrvec texts;        /* narrative scalars, checked once the totals are known */
	const gir_node *profile; /* the source's profile: value, when given */
} binder;

/* A scalar of narrative text and the section it belongs to. */
typedef struct narrative_text {
	const gir_node *v;
	const char *label, *path;
} narrative_text;

static void remember_text(binder *B, const gir_node *v, const char *label, const char *path)
{
	narrative_text *t = gir_xmalloc(sizeof *t);
	*t = (narrative_text){v, label, path};
	gir_ptrvec_push(&B->texts, t);
}

/* A diagnostic of the binder; `s, id, fmt` are a GIR_MSG. */
static void err(binder *B, gir_pos pos, const char *label, const char *path, const char *hint,
                gir_severity s, const char *id, const char *fmt, ...)
	__attribute__((format(printf, 8, 9)));

static void err(binder *B, gir_pos pos, const char *label, const char *path, const char *hint,
                gir_severity s, const char *id, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	gir_diag_vat(B->diags, B->file, pos, label, path, hint, s, id, fmt, ap);
	va_end(ap);
	B->errors += s == GIR_ERROR;
}

#define warn err

static const char *kind_name(const gir_node *n)
{
	return n->kind == GIR_SEQ ? _("a list") : n->kind == GIR_MAP ? _("a mapping") : _("a value");
}

/* A key must be a plain or quoted scalar; returns its text or NULL. */
static const char *key_text(binder *B, const gir_node *k)
{
	if (k->kind == GIR_SCALAR)
		return k->text;
	err(B, k->pos, NULL, NULL, NULL,
	    GIR_MSG(ERROR, key_not_name, "a key must be a name, not %s"), kind_name(k));
	return NULL;
}

/* Records the first position of each key; reports the second. */
typedef struct seen_keys {
	const void **what;
	gir_pos *pos;
	size_t n, cap;
} seen_keys;

/* Index of an earlier key that named `what`, or -1 after recording this one. */
static long first_seen(seen_keys *s, const void *what, gir_pos pos)
{
	for (size_t i = 0; i < s->n; i++)
		if (s->what[i] == what)
			return (long)i;
	if (s->n == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 16;
		s->what = gir_xrealloc(s->what, s->cap * sizeof(void *));
		s->pos = gir_xrealloc(s->pos, s->cap * sizeof(gir_pos));
	}
	s->what[s->n] = what;
	s->pos[s->n++] = pos;
	return -1;
}

static void duplicate_key(binder *B, const seen_keys *s, long first, const gir_node *key,
                          const char *label, const char *path)
{
	char *hint = gir_xasprintf(_("the first one is at line %d, column %d; keep one of them"),
	                           s->pos[first].line, s->pos[first].col);
	err(B, key->pos, label, path, hint,
	    GIR_MSG(ERROR, duplicate_key, "duplicate key \"%s\""), key->text);
	free(hint);
}

static bool seen_before(binder *B, seen_keys *s, const void *what, const gir_node *key,
                        const char *label, const char *path)
{
	long first = first_seen(s, what, key->pos);
	if (first >= 0)
		duplicate_key(B, s, first, key, label, path);
	return first >= 0;
}

static void seen_free(seen_keys *s)
{
	free(s->what);
	free(s->pos);
}

/* A table with an unreadable key has rows missing: its arithmetic would only
 * repeat the same mistake as sums that do not add up. */
static void mark_incomplete(binder *B, const char *path)
{
	if (!path || !B->tpl)
		return;
	for (size_t i = 0; i < B->tpl->nsections; i++) {
		const gir_section *s = B->tpl->sections[i];
		size_t n = strlen(s->id);
		if (s->kind == GIR_TABLE && strncmp(path, s->id, n) == 0 && (path[n] == '.' || !path[n]))
			B->rep->sections[i].incomplete = true;
	}
}

/* Zero-width characters make a key look right and fail to match. */
static char *invisible_in(const char *s)
{
	size_t n = strlen(s);
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		size_t k = gir_utf8_decode(s + i, n - i, &cp);
		if ((cp >= 0x200B && cp <= 0x200D) || cp == 0x2060 || cp == 0xFEFF)
			return gir_xasprintf(_("the key contains the invisible character U+%04X; delete it and "
			                     "type the key again"), (unsigned)cp);
		i += k ? k : 1;
	}
	return NULL;
}

/* Reports a key the template does not have at `where` (a label) and marks
 * `path` incomplete, with the nearest known key of sg as the hint. */
static void unknown_key(binder *B, const gir_node *key, const char *where, const char *path,
                        gir_suggest *sg)
{
	mark_incomplete(B, path);
	char *hint = NULL;
	if (gir_diags_full(B->diags))
		hint = NULL; /* not shown: not worth an edit distance per candidate */
	else if (strncmp(key->text, "\xE3\x80\x80", 3) == 0)
		hint = gir_xstrdup(_("a full-width space (U+3000) cannot indent YAML; use ASCII spaces"));
	else if ((hint = invisible_in(key->text)) != NULL)
		;
	else if (strcmp(key->text, "<<") == 0)
		hint = gir_xstrdup(_("merge keys (<<) are not supported: write the values out in full"));
	else if (!(hint = gir_suggest_hint(sg)))
		hint = gir_suggest_list(sg);
	err(B, key->pos, where, path, hint,
	    GIR_MSG(ERROR, unknown_key, "unknown key \"%s\""), key->text);
	free(hint);
}

/* ---- scalars ---------------------------------------------------------------- */

/* Where character `index` of a scalar's value stands in the source. */
static gir_pos char_pos(binder *B, const gir_node *v, size_t index)
{
	gir_srcmap m; /* the hint: 40,000 such errors scan the source once, not 40,000 times */
	gir_srcmap_init(&m, B->text, B->len, v, &B->line_hint);
	return gir_srcmap_pos(&m, gir_utf8_offset(v->text, v->len, index));
}

/* Whether a scalar is plain text a report may hold: no tag other than
 * !!str, no invisible control or bidirectional-control character.  Reports
 * what is wrong, at the character. */
static bool text_is_clean(binder *B, const gir_node *v, const char *label, const char *path)
{
	if (v->tag && strcmp(v->tag, "tag:yaml.org,2002:str") != 0) {
		err(B, v->pos, label, path, _("write the text itself; a report source includes no other files"),
		    GIR_MSG(ERROR, text_tag, "tags such as %s are not supported"), v->tag);
		return false;
	}
	uint32_t cp;
	long at = gir_utf8_hostile(v->text, v->len, &cp);
	if (at < 0)
		return true;
	bool bidi = cp >= 0x2000;
	err(B, char_pos(B, v, (size_t)at), label, path,
	    bidi ? _("remove it: it can make the text display in a different order than it is stored")
	         : _("remove it; it often comes from copying out of Word"),
	    GIR_MSG(ERROR, invisible_char,
	        "the text contains the invisible %s character U+%04X (character %ld of the value)"),
	    bidi ? _("bidirectional-control") : _("control"), (unsigned)cp, at + 1);
	return false;
}

/* YAML's null written out (~, null): the value is absent, not the text "~".
 * An empty value has messages of its own ("the value is empty"). */
static bool is_null(const gir_node *v)
{
	return v->kind == GIR_SCALAR && v->style == GIR_PLAIN && !v->tag &&
	       (strcmp(v->text, "~") == 0 || strcmp(v->text, "null") == 0 ||
	        strcmp(v->text, "Null") == 0 || strcmp(v->text, "NULL") == 0);
}

/* The text of a scalar field, malloc'd; NULL with an error for a mapping,
 * a list or text that is not clean. */
static char *string_value(binder *B, const gir_node *v, const char *label, const char *path)
{
	if (v->kind != GIR_SCALAR || is_null(v)) {
		err(B, v->pos, label, path, is_null(v) ? _("write the text, or leave the key out") : NULL,
		    GIR_MSG(ERROR, expected_text,
		        "expected text, found %s"), is_null(v) ? _("null (~)") : kind_name(v));
		return NULL;
	}
	if (!text_is_clean(B, v, label, path))
		return NULL;
	char *s = gir_tidy_paragraph(v->text, v->len);
	if (!*s) {
		err(B, v->pos, label, path, NULL,
		    GIR_MSG(ERROR, empty_value, "the value is empty"));
		free(s);
		return NULL;
	}
	return s;
}

static void bind_year(binder *B, const gir_node *v, const char *label)
{
	gir_value y;
	char *msg = NULL, *hint = NULL;
	if (!gir_parse_value(v, GIR_COUNT, &y, &msg, &hint)) {
		/* Keep a specific hint ("write 2020 without quotes"); replace the
		 * one about counts, which a year is not. */
		bool generic = !hint || strstr(hint, "whole number") ||
		               strstr(hint, _("a whole number of 0 or more"));
		err(B, v->pos, label, "year", generic ? _("write the report year as four digits, e.g. 2020") : hint,
		    GIR_ERROR, "bad_year", "%s", msg);
	} else if (y.v < 1990 || y.v > 2100) {
		err(B, v->pos, label, "year", _("write the report year, e.g. 2020"),
		    GIR_MSG(ERROR, implausible_year,
		        "%lld is not a plausible report year"), (long long)y.v);
	} else {
		B->rep->year = (int)y.v;
	}
	free(msg);
	free(hint);
}

static bool leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int days_in_month(int y, int m)
{
	static const int d[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	return m == 2 && leap(y) ? 29 : d[m - 1];
}

/* Reads 1 to `max` ASCII digits. */
static bool read_number(const char **p, int max, int *out)
{
	int n = 0, v = 0;
	while (n < max && **p >= '0' && **p <= '9')
		v = v * 10 + (*(*p)++ - '0'), n++;
	*out = v;
	return n > 0;
}

static bool read_literal(const char **p, const char *lit)
{
	size_t n = strlen(lit);
	if (strncmp(*p, lit, n) != 0)
		return false;
	*p += n;
	return true;
}

/* Accepts 2021-01-08 (also 2021-1-8, as YAML does) and 2021年1月8日, nothing
 * looser: a date is copied into the signature block as it is read. */
static bool parse_date(const char *s, gir_date *d)
{
	static const char *const seps[2][3] = {{"-", "-", ""}, {"年", "月", "日"}};
	for (int form = 0; form < 2; form++) {
		const char *p = s;
		int y, m, day;
		if (read_number(&p, 4, &y) && p - s == 4 && read_literal(&p, seps[form][0]) &&
		    read_number(&p, 2, &m) && read_literal(&p, seps[form][1]) &&
		    read_number(&p, 2, &day) && read_literal(&p, seps[form][2]) && !*p) {
			*d = (gir_date){y, m, day};
			return true;
		}
	}
	return false;
}

/* 2021/1/15 and 2021.1.15 are dates written another way: say how. */
static char *date_hint(const char *s, int year)
{
	int y, m, day, n = 0;
	if ((sscanf(s, "%4d/%2d/%2d%n", &y, &m, &day, &n) == 3 ||
	     sscanf(s, "%4d.%2d.%2d%n", &y, &m, &day, &n) == 3) && s[n] == '\0')
		return gir_xasprintf(_("write %04d-%02d-%02d"), y, m, day);
	return gir_xasprintf(_("write the date as %d-01-15 or %d年1月15日"), year ? year + 1 : 2021,
	                     year ? year + 1 : 2021);
}

static void bind_date(binder *B, const gir_node *v, const char *label)
{
	gir_date d;
	if (v->kind != GIR_SCALAR || !parse_date(v->text, &d)) {
		char *hint = date_hint(v->kind == GIR_SCALAR ? v->text : "", B->rep->year);
		if (v->kind == GIR_SCALAR && v->len == 0)
			err(B, v->pos, label, "date", hint, GIR_MSG(ERROR, date_empty, "the date is empty"));
		else
			err(B, v->pos, label, "date", hint,
			    GIR_MSG(ERROR, not_a_date, "\"%s\" is not a date"),
			    v->kind == GIR_SCALAR ? v->text : kind_name(v));
		free(hint);
		return;
	}
	if (d.month < 1 || d.month > 12) {
		err(B, v->pos, label, "date", _("months run from 1 to 12"),
		    GIR_MSG(ERROR, no_such_month, "%d-%02d-%02d does not exist"),
		    d.year, d.month, d.day);
		return;
	}
	if (d.day < 1 || d.day > days_in_month(d.year, d.month)) {
		char *hint = d.month == 2 && d.day == 29
		                 ? gir_xasprintf(_("%d is not a leap year: February has 28 days"), d.year)
		                 : gir_xasprintf(_("month %d has %d days"), d.month, days_in_month(d.year, d.month));
		err(B, v->pos, label, "date", hint,
		    GIR_MSG(ERROR, no_such_date,
		        "%d-%02d-%02d does not exist"), d.year, d.month, d.day);
		free(hint);
		return;
	}
	B->rep->date = d;
}

static void bind_signatories(binder *B, const gir_node *v, const char *label)
{
	gir_report *r = B->rep;
	if (v->kind == GIR_SCALAR) {
		char *s = string_value(B, v, label, "signatories");
		if (s) {
			r->signatories = gir_xcalloc(1, sizeof(char *));
			r->signatories[r->nsignatories++] = s;
		}
		return;
	}
	if (v->kind != GIR_SEQ || v->n == 0) {
		err(B, v->pos, label, "signatories", _("write [机关一, 机关二] or one name per line"),
		    GIR_MSG(ERROR, signatories_not_list, "expected a list of agency names"));
		return;
	}
	r->signatories = gir_xcalloc(v->n, sizeof(char *));
	for (size_t i = 0; i < v->n; i++) {
		char *s = string_value(B, v->kids[i], label, "signatories");
		if (s)
			r->signatories[r->nsignatories++] = s;
	}
}

const char *const gir_font_roles[GIR_FONT_ROLES] = {
	"title", "heading", "subheading", "body", "table",
};

/* fonts: {body: /path/to/fangsong.ttf, …}.  Whether the files exist is a
 * question about the machine that builds, not about the source: `check`
 * gives the same answer everywhere, and `build` names a missing font.
 * fonts: {body: /path/to/fangsong.ttf, heading: /usr/share/…/wqy-zenhei.ttc:0} */
static void bind_fonts(binder *B, const gir_node *v, const char *label)
{
	if (v->kind != GIR_MAP) {
		err(B, v->pos, label, "fonts", _("write one role per line: \"body: /path/to/font.ttf\""),
		    GIR_MSG(ERROR, fonts_not_mapping, "expected a mapping of font roles to files"));
		return;
	}
	for (size_t i = 0; i < v->n; i++) {
		const gir_node *k = gir_map_key(v, i);
		const char *key = key_text(B, k);
		int role = -1;
		for (int r = 0; key && r < GIR_FONT_ROLES; r++)
			if (strcmp(key, gir_font_roles[r]) == 0)
				role = r;
		if (!key)
			continue;
		if (role < 0) {
			gir_suggest *sg = gir_suggest_new(key);
			for (int r = 0; r < GIR_FONT_ROLES; r++)
				gir_suggest_add(sg, gir_font_roles[r], NULL);
			unknown_key(B, k, label, "fonts", sg);
			gir_suggest_free(sg);
			continue;
		}
		char *path = gir_xasprintf("fonts.%s", key);
		char *f = string_value(B, gir_map_value(v, i), label, path);
		free(path);
		free(B->rep->fonts[role]);
		B->rep->fonts[role] = f;
	}
}

const char *gir_report_font(const gir_report *rep, gir_font_role role)
{
	return role < GIR_FONT_ROLES ? rep->fonts[role] : NULL;
}

/* ---- narratives --------------------------------------------------------------- */

static void bind_paragraph_text(binder *B, const gir_node *v, gir_narrative *nar,
                                const char *label, const char *path)
{
	if (v->kind != GIR_SCALAR || is_null(v)) {
		err(B, v->pos, label, path, _("write paragraphs as text, or a list of paragraphs"),
		    GIR_MSG(ERROR, narrative_not_text,
		        "expected text, found %s"), is_null(v) ? _("null (~)") : kind_name(v));
		return;
	}
	if (!text_is_clean(B, v, label, path))
		return;
	remember_text(B, v, label, path);
	if (gir_paragraphs_append(nar, v->text, v->style == GIR_LITERAL, v->pos) == (size_t)-1)
		err(B, v->pos, label, path, _("a report section has tens of paragraphs, not thousands"),
		    GIR_MSG(ERROR, too_many_paragraphs,
		        "more than %d paragraphs in one section"), GIR_MAX_PARAGRAPHS);
}

/* A list item `subheading: text` or `subheading: [para, para]`. */
static void bind_subsection(binder *B, const gir_node *m, gir_narrative *nar, const char *label,
                            const char *path)
{
	if (m->n != 1) {
		err(B, m->n > 1 ? gir_map_key(m, 1)->pos : m->pos, label, path,
		    _("start each subheading as a new list item: \"- 小标题: 正文\""),
		    GIR_MSG(ERROR, subheading_keys,
		        "a subheading item must have exactly one key, found %zu"), m->n);
		return;
	}
	const gir_node *k = gir_map_key(m, 0), *v = gir_map_value(m, 0);
	const char *title = key_text(B, k);
	if (!title || !text_is_clean(B, k, label, path))
		return;
	remember_text(B, k, label, path);
	gir_subheading_append(nar, title, k->pos);
	if (v->kind == GIR_SEQ) {
		for (size_t i = 0; i < v->n; i++)
			bind_paragraph_text(B, v->kids[i], nar, label, path);
	} else if (!(v->kind == GIR_SCALAR && v->style == GIR_PLAIN && v->len == 0)) {
		bind_paragraph_text(B, v, nar, label, path);
	}
}

/* Where a list item `（一）主动公开情况：正文` has its full-width colon: the
 * text before it is short and has no sentence punctuation, so it reads as
 * a subheading.  Returns the byte offset of the colon, or 0. */
static size_t fullwidth_colon(const char *s)
{
	const char *c = strstr(s, "：");
	if (!c || c == s)
		return 0;
	size_t n = (size_t)(c - s);
	if (gir_utf8_count(s, n) > 24)
		return 0;
	static const char *const stops[] = {"，", "。", "；", "！", "？", ",", ";", "“", "《"};
	for (size_t i = 0; i < sizeof stops / sizeof *stops; i++) {
		const char *f = strstr(s, stops[i]);
		if (f && f < c)
			return 0;
	}
	return n;
}

/* A plain list item written `- 主动公开情况：正文`: with a typed number in
 * front it is a subheading and its paragraph, as `- 主动公开情况: 正文` would
 * be; without one it stays a paragraph, with a warning (quote it to say so). */
static bool colon_subheading(binder *B, const gir_node *item, gir_narrative *nar,
                             const char *label, const char *path)
{
	size_t at = item->style == GIR_PLAIN ? fullwidth_colon(item->text) : 0;
	if (!at)
		return false;
	if (gir_skip_numbering(item->text) == item->text) {
		warn(B, item->pos, label, path,
		     _("for a subheading write \"- 小标题: 正文\" (an ASCII colon and a space); "
		       "to keep it a paragraph, put it in quotes"),
		     GIR_MSG(WARNING, fullwidth_colon_subheading,
		         "this paragraph starts like a subheading written with a full-width colon (：)"));
		return false;
	}
	if (!text_is_clean(B, item, label, path))
		return true;
	remember_text(B, item, label, path);
	char *head = gir_xstrndup(item->text, at);
	gir_subheading_append(nar, head, item->pos);
	free(head);
	const char *rest = item->text + at + strlen("：");
	if (*rest && gir_paragraphs_append(nar, rest, false, item->pos) == (size_t)-1)
		err(B, item->pos, label, path, _("a report section has tens of paragraphs, not thousands"),
		    GIR_MSG(ERROR, too_many_paragraphs,
		        "more than %d paragraphs in one section"), GIR_MAX_PARAGRAPHS);
	return true;
}

static void bind_narrative(binder *B, const gir_node *v, gir_narrative *nar, const char *label,
                           const char *path)
{
	if (v->kind == GIR_SCALAR) {
		bind_paragraph_text(B, v, nar, label, path);
		return;
	}
	if (v->kind == GIR_MAP) {
		err(B, v->pos, label, path,
		    _("write subheadings as list items: \"- 小标题: 正文\""),
		    GIR_MSG(ERROR, narrative_mapping,
		        "expected text or a list of paragraphs, found a mapping"));
		return;
	}
	for (size_t i = 0; i < v->n; i++) {
		const gir_node *item = v->kids[i];
		if (item->kind == GIR_MAP)
			bind_subsection(B, item, nar, label, path);
		else if (item->kind == GIR_SCALAR) {
			if (!colon_subheading(B, item, nar, label, path))
				bind_paragraph_text(B, item, nar, label, path);
		}
		else
			err(B, item->pos, label, path, NULL,
			    GIR_MSG(ERROR, narrative_nested_list,
			        "a narrative item is a paragraph or \"小标题: 正文\", not a list"));
	}
}

/* ---- subheading styles --------------------------------------------------------- */

static bool section_matches(const gir_section *s, const char *key);

gir_sub_style gir_sub_style_parse(const char *s)
{
	if (s && strcmp(s, "run-in") == 0)
		return GIR_SUB_RUN_IN;
	if (s && strcmp(s, "separate") == 0)
		return GIR_SUB_SEPARATE;
	return GIR_SUB_UNSET;
}

static gir_sub_style style_value(binder *B, const gir_node *v, const char *label, const char *path)
{
	gir_sub_style st = v->kind == GIR_SCALAR ? gir_sub_style_parse(v->text) : GIR_SUB_UNSET;
	const char *hint = _("write run-in (\"（一）主动公开情况。正文…\") or separate (the subheading on a "
	                     "line of its own)");
	if (st == GIR_SUB_UNSET && v->kind == GIR_SCALAR)
		err(B, v->pos, label, path, hint,
		    GIR_MSG(ERROR, unknown_subheading_style, "unknown subheading style \"%s\""), v->text);
	else if (st == GIR_SUB_UNSET)
		err(B, v->pos, label, path, hint,
		    GIR_MSG(ERROR, subheading_style_kind, "expected a style, found %s"), kind_name(v));
	return st;
}

/* subheadings: run-in, or one style per narrative:
 * subheadings: {overview: run-in, problems: separate, preface: separate} */
static void bind_subheadings(binder *B, const gir_node *v, const char *label)
{
	if (v->kind != GIR_MAP) {
		B->rep->style = style_value(B, v, label, "subheadings");
		return;
	}
	for (size_t i = 0; i < v->n; i++) {
		const gir_node *k = gir_map_key(v, i), *sv = gir_map_value(v, i);
		const char *key = key_text(B, k);
		if (!key)
			continue;
		char *path = gir_xasprintf("subheadings.%s", key);
		const gir_section *s = NULL;
		for (size_t j = 0; j < B->tpl->nsections && !s; j++)
			if (B->tpl->sections[j]->kind == GIR_NARRATIVE && section_matches(B->tpl->sections[j], key))
				s = B->tpl->sections[j];
		if (s)
			B->rep->sections[s->index].style = style_value(B, sv, label, path);
		else if (strcmp(key, gir_field_ids[GIR_F_PREFACE]) == 0 ||
		         strcmp(key, B->tpl->field_labels[GIR_F_PREFACE]) == 0)
			B->rep->preface_style = style_value(B, sv, label, path);
		else
			err(B, k->pos, label, path, _("name a narrative: preface, or a narrative section's id"),
			    GIR_MSG(ERROR, subheadings_not_narrative,
			        "\"%s\" is not a narrative of the report"), key);
		free(path);
	}
}

/* The style of each narrative: its own, else the source's, else the
 * project's, else separate lines. */
static void resolve_styles(binder *B)
{
	gir_report *r = B->rep;
	gir_sub_style dflt = r->style;
	if (dflt == GIR_SUB_UNSET && B->opt)
		dflt = gir_sub_style_parse(B->opt->subheadings);
	r->preface.run_in = (r->preface_style ? r->preface_style : dflt) == GIR_SUB_RUN_IN;
	for (size_t i = 0; i < B->tpl->nsections; i++) {
		gir_section_data *sd = &r->sections[i];
		sd->text.run_in = (sd->style ? sd->style : dflt) == GIR_SUB_RUN_IN;
	}
}

/* ---- tables ------------------------------------------------------------------- */

/* Label and key path of a cell, for diagnostics. */
static char *cell_label(binder *B, const gir_section *s, const gir_axis *row, const gir_axis *col)
{
	char *r = gir_axis_label_chain(row, B->rep->year);
	char *c = col ? gir_axis_label_chain(col, B->rep->year) : gir_xstrdup("");
	char *l = gir_join_labels(s->heading, r, c, (char *)NULL);
	free(r);
	free(c);
	return l;
}

static char *cell_path(const gir_section *s, const gir_axis *row, const gir_axis *col)
{
	char *r = gir_axis_path(row);
	char *c = col ? gir_axis_path(col) : gir_xstrdup("");
	char *p = gir_xasprintf("%s%s%s%s%s", s->id, *r ? "." : "", r, *c ? "." : "", c);
	free(r);
	free(c);
	return p;
}

/* Reads one cell's value into the report (row and col are leaf indices of
 * block b), with an error naming the cell for what is not a value of its
 * column's type. */
static void bind_cell(binder *B, const gir_section *s, const gir_block *b, size_t row,
                      size_t col, const gir_node *v)
{
	const gir_axis *ra = b->row_leaves[row], *ca = b->col_leaves[col];
	gir_value val;
	char *msg, *hint;
	gir_value *cell = gir_cell(&B->rep->sections[s->index], b, row, col);
	if (gir_parse_value(v, ca->type, &val, &msg, &hint) && val.na && !gir_axis_na_allowed(ra, ca)) {
		msg = gir_xasprintf(_("\"%s\" (not applicable) is not allowed here: the template requires "
		                      "a number in this cell"), gir_na_spellings[val.na]);
		hint = gir_xstrdup(_("write the number, 0 where there is nothing to report"));
	} else if (msg == NULL) {
		*cell = val;
		return;
	}
	*cell = (gir_value){.given = true, .bad = true, .pos = v->pos};
	char *label = cell_label(B, s, ra, b->ncols > 1 || b->layout != GIR_LAYOUT_LINE ? ca : NULL);
	char *path = cell_path(s, ra, b->layout == GIR_LAYOUT_LINE ? NULL : ca);
	err(B, v->pos, label, path, hint, GIR_ERROR, "bad_value", "%s", msg);
	free(label);
	free(path);
	free(msg);
	free(hint);
}

/* "自然人, 商业企业, …, 总计" */
static char *column_list(const gir_block *b, bool with_sums)
{
	gir_buf l = {0};
	for (size_t c = 0; c < b->ncols; c++) {
		if (!with_sums && gir_axis_is_sum(b->col_leaves[c]))
			continue;
		gir_buf_printf(&l, "%s%s", l.len ? ", " : "", b->col_leaves[c]->label);
	}
	return gir_buf_detach(&l);
}

/* Cells of a row that could not be read: no check may rely on them. */
static void mark_row_bad(binder *B, const gir_section *s, const gir_block *b, size_t row,
                         gir_pos pos)
{
	for (size_t c = 0; c < b->ncols; c++)
		*gir_cell(&B->rep->sections[s->index], b, row, c) =
		    (gir_value){.given = true, .bad = true, .pos = pos};
}

/* Two common reasons a row has the wrong number of values: full-width
 * commas (one value "1，1，3") and thousands separators ("1,000" read as
 * 1 and 000). */
static char *row_length_cause(const gir_node *v)
{
	for (size_t i = 0; i < v->n; i++) {
		const gir_node *k = v->kids[i];
		if (k->kind != GIR_SCALAR)
			continue;
		if (strstr(k->text, "，")) {
			gir_buf fixed = {0};
			for (const char *p = k->text; *p; p++) {
				if (strncmp(p, "，", 3) == 0) {
					gir_buf_puts(&fixed, ", ");
					p += 2;
				} else if (*p != ' ') {
					gir_buf_putc(&fixed, *p);
				}
			}
			char *h = gir_xasprintf(_("the values are separated by the full-width comma \"，\"; "
			                        "type ASCII commas: [%s]"), fixed.ptr);
			gir_buf_free(&fixed);
			return h;
		}
		if (i > 0 && k->style == GIR_PLAIN && k->len == 3 && k->text[0] == '0')
			return gir_xasprintf(_("YAML splits a number at its comma: write %s%s without the comma"),
			                     v->kids[i - 1]->text, k->text);
	}
	return NULL;
}

/* The error for a row list of the wrong length: how many values the row
 * takes (with or without its computed totals), and which ones. */
static void wrong_row_length(binder *B, const gir_section *s, const gir_block *b, size_t row,
                             const gir_node *v)
{
	mark_row_bad(B, s, b, row, v->pos);
	size_t all = b->ncols, in = gir_block_input_columns(b);
	char *label = cell_label(B, s, b->row_leaves[row], NULL);
	char *path = cell_path(s, b->row_leaves[row], NULL);
	char *cols = column_list(b, true);
	char *hint = gir_xasprintf(_("the columns are: %s"), cols);
	gir_pos at = v->n > all ? v->kids[all]->pos : v->pos;
	char *why = row_length_cause(v);
	if (why) {
		free(hint);
		hint = why;
	}
	if (all == in && v->n == 1)
		err(B, at, label, path, hint,
		    GIR_MSG(ERROR, row_length, "%zu value, but the row has %zu"), v->n, all);
	else if (all == in)
		err(B, at, label, path, hint,
		    GIR_MSG(ERROR, row_length, "%zu values, but the row has %zu"), v->n, all);
	else if (v->n == 1)
		err(B, at, label, path, hint,
		    GIR_MSG(ERROR, row_length_total,
		        "%zu value, but the row has %zu (or %zu without the computed total)"),
		    v->n, all, in);
	else
		err(B, at, label, path, hint,
		    GIR_MSG(ERROR, row_length_total,
		        "%zu values, but the row has %zu (or %zu without the computed total)"),
		    v->n, all, in);
	free(label);
	free(path);
	free(cols);
	free(hint);
}

/* A row written as a list: every column, or every column but the computed
 * ones, in the template's order. */
static void bind_row_sequence(binder *B, const gir_section *s, const gir_block *b, size_t row,
                              const gir_node *v)
{
	size_t all = b->ncols, in = gir_block_input_columns(b);
	if (v->n != all && v->n != in) {
		wrong_row_length(B, s, b, row, v);
		return;
	}
	if (all != in && v->n == in && B->nshort < GIR_ARRAY_LEN(B->shorts))
		B->shorts[B->nshort++] = (short_row){v, b, row};
	if (all != in && v->n == all && B->nfull < GIR_ARRAY_LEN(B->full_rows_in))
		B->full_rows_in[B->nfull++] = b;
	for (size_t c = 0, i = 0; c < b->ncols; c++) {
		if (v->n == in && gir_axis_is_sum(b->col_leaves[c]))
			continue;
		bind_cell(B, s, b, row, c, v->kids[i++]);
	}
}

/* The label of a block's computed total column ("总计"). */
static const char *sum_column_label(const gir_block *b)
{
	for (size_t c = 0; c < b->ncols; c++)
		if (gir_axis_is_sum(b->col_leaves[c]))
			return b->col_leaves[c]->label;
	return "total";
}

/* ---- a row one value short ---------------------------------------------------- */

/* A row of a table whose other rows give their total, written with one value
 * fewer, reads two ways: as the row without its total (the values in order,
 * the total computed), or as the row with its total typed and one value left
 * out — "[746, 12, 0, 10, 1, 769]" where 769 is the total.  The second
 * reading puts the missing value (the total less the others) into one column
 * or another; the table's typed totals and checks tell which. */
typedef struct short_reading {
	const gir_block *b;
	size_t row, in, total_col;
	gir_value *read;     /* the row's cells as written (without the total) */
	int64_t missing;     /* the total less the other values */
} short_reading;

/* The column index of input column k (the k-th column that is not a sum). */
static size_t input_col(const gir_block *b, size_t k)
{
	for (size_t c = 0; c < b->ncols; c++)
		if (!gir_axis_is_sum(b->col_leaves[c]) && k-- == 0)
			return c;
	return b->ncols;
}

/* Whether the row may be the typed-total reading: one total column, the
 * last, summing the whole row; every value a count that was read; the last
 * value at least the sum of the others. */
static bool short_reading_init(binder *B, const gir_section *s, const short_row *r,
                               short_reading *sr)
{
	const gir_block *b = r->block;
	size_t in = gir_block_input_columns(b);
	const gir_axis *last = b->col_leaves[b->ncols - 1];
	if (b->ncols != in + 1 || in < 2 || !gir_axis_is_sum(last) || last->sum != GIR_SUM_ALL)
		return false;
	gir_section_data *sd = &B->rep->sections[s->index];
	*sr = (short_reading){.b = b, .row = r->row, .in = in, .total_col = b->ncols - 1};
	sr->read = gir_xcalloc(b->ncols, sizeof(gir_value));
	int64_t others = 0;
	for (size_t c = 0; c < b->ncols; c++)
		sr->read[c] = *gir_cell(sd, b, r->row, c);
	for (size_t k = 0; k < in; k++) {
		gir_value v = sr->read[input_col(b, k)];
		if (v.bad || !v.given || v.scale != 0 || v.v < 0)
			goto no;
		if (k + 1 < in)
			others += v.v;
	}
	sr->missing = sr->read[input_col(b, in - 1)].v - others;
	/* A row of zeros reads the same either way: nothing to weigh. */
	if (sr->missing >= 0 && (others || sr->missing))
		return true;
no:
	free(sr->read);
	return false;
}

/* Writes into the report the reading with the value missing from input
 * column `gap` (gap == in: the row as written, its total computed). */
static void short_reading_apply(binder *B, const gir_section *s, const short_reading *sr,
                                size_t gap, gir_pos at)
{
	gir_section_data *sd = &B->rep->sections[s->index];
	for (size_t c = 0; c < sr->b->ncols; c++)
		*gir_cell(sd, sr->b, sr->row, c) = sr->read[c];
	if (gap == sr->in)
		return;
	for (size_t k = 0, from = 0; k < sr->in; k++) {
		gir_value *cell = gir_cell(sd, sr->b, sr->row, input_col(sr->b, k));
		if (k == gap)
			*cell = (gir_value){.v = sr->missing, .given = true, .pos = at};
		else
			*cell = sr->read[input_col(sr->b, from++)];
	}
	*gir_cell(sd, sr->b, sr->row, sr->total_col) = sr->read[input_col(sr->b, sr->in - 1)];
}

/* The values of the row as it now stands in the report, with its total:
 * "[746, 12, 0, 10, 0, 1, 769]". */
static char *row_text(binder *B, const gir_section *s, const short_reading *sr)
{
	gir_buf t = {0};
	gir_section_data *sd = &B->rep->sections[s->index];
	for (size_t c = 0; c < sr->b->ncols; c++) {
		char v[32];
		gir_value_format(*gir_cell(sd, sr->b, sr->row, c), v, sizeof v);
		gir_buf_printf(&t, "%s%s", c ? ", " : "[", v);
	}
	gir_buf_puts(&t, "]");
	return gir_buf_detach(&t);
}

/* Whether two readings put the same numbers in the same columns. */
static bool same_reading(const short_reading *sr, size_t g1, size_t g2)
{
	size_t lo = g1 < g2 ? g1 : g2, hi = g1 < g2 ? g2 : g1;
	for (size_t k = lo; k < hi; k++) /* between the gaps the values shift by one */
		if (sr->read[input_col(sr->b, k)].v != sr->missing)
			return false;
	return true;
}

/* "法人或其他组织 · 商业企业", or "A, B or C" for several columns. */
static char *gap_columns(binder *B, const short_reading *sr, const bool *best)
{
	gir_buf l = {0};
	size_t n = 0, total = 0;
	for (size_t k = 0; k < sr->in; k++)
		total += best[k];
	for (size_t k = 0; k < sr->in; k++) {
		if (!best[k])
			continue;
		const gir_axis *col = sr->b->col_leaves[input_col(sr->b, k)];
		char *c = total == 1 ? gir_axis_label_chain(col, B->rep->year) : gir_xstrdup(col->label);
		gir_buf_printf(&l, "%s%s", n == 0 ? "" : n + 1 == total ? _(" or ") : _(", "), c);
		free(c);
		n++;
	}
	return gir_buf_detach(&l);
}

/* The problems the row read without its total gives that the chosen reading
 * does not: notes under the row's error, at the totals they upset. */
static void knock_on_notes(binder *B, const gir_diags *as_read, const gir_diags *chosen)
{
	for (size_t i = 0; i < gir_diags_count(as_read); i++) {
		const gir_diag *g = gir_diags_at(as_read, i);
		bool also = false;
		for (size_t j = 0; j < gir_diags_count(chosen) && !also; j++) {
			const gir_diag *h = gir_diags_at(chosen, j);
			also = h->line == g->line && h->column == g->column && strcmp(h->message, g->message) == 0;
		}
		if (!also && g->severity == GIR_ERROR)
			gir_diag_at(B->diags, B->file, (gir_pos){g->line, g->column}, g->label, g->path, NULL,
			            GIR_MSG(NOTE, short_row_knock_on, "with the row read as written: %s"),
			            g->message);
	}
}

/* Weighs the two readings of a short row by the errors each gives in the
 * section's arithmetic.  When the typed total explains the table better, the
 * row is an error naming the column that probably lost its value, the row is
 * read that way (or not at all when the columns cannot be told apart), and
 * the totals upset by the other reading become notes.  Returns false when the
 * row as written is the better reading: the caller warns. */
static bool judge_short_row(binder *B, const gir_section *s, const short_row *r)
{
	short_reading sr;
	if (!short_reading_init(B, s, r, &sr))
		return false;
	gir_diags *as_read = gir_diags_new();
	size_t e0 = gir_section_trial(B->rep, s, as_read), best_e = (size_t)-1;
	size_t *e = gir_xcalloc(sr.in, sizeof *e);
	for (size_t k = 0; k < sr.in; k++) {
		gir_diags *d = gir_diags_new();
		short_reading_apply(B, s, &sr, k, r->v->pos);
		e[k] = gir_section_trial(B->rep, s, d);
		best_e = e[k] < best_e ? e[k] : best_e;
		gir_diags_free(d);
	}
	bool *best = gir_xcalloc(sr.in, sizeof *best), alike = true;
	size_t first = sr.in;
	for (size_t k = 0; k < sr.in; k++)
		if ((best[k] = e[k] == best_e)) {
			first = first == sr.in ? k : first;
			alike &= same_reading(&sr, first, k);
		}
	bool typed = best_e < e0;
	if (typed) {
		const gir_axis *ra = r->block->row_leaves[r->row];
		char *label = cell_label(B, s, ra, NULL), *path = cell_path(s, ra, NULL);
		char *cols = gap_columns(B, &sr, best), *hint;
		char last[32];
		gir_value_format(sr.read[input_col(sr.b, sr.in - 1)], last, sizeof last);
		if (alike) {
			short_reading_apply(B, s, &sr, first, r->v->pos);
			char *full = row_text(B, s, &sr);
			hint = gir_xasprintf(_("write the row in full, the missing value in its column: %s"), full);
			free(full);
		} else {
			mark_row_bad(B, s, r->block, r->row, r->v->pos);
			char *names = column_list(r->block, true);
			hint = gir_xasprintf(_("write the row in full, each value in its column: %s"), names);
			free(names);
		}
		char missing[32];
		gir_value_format((gir_value){.v = sr.missing}, missing, sizeof missing);
		size_t ncols = 0;
		for (size_t k = 0; k < sr.in; k++)
			ncols += best[k];
		char *gap = ncols == 1 ? gir_xasprintf(_("the value under %s is probably missing"), cols)
		            : alike ? gir_xasprintf(_("a %s is missing under one of %s"), missing, cols)
		                    : gir_xasprintf(_("a value is missing under %s (the sums do not tell which)"), cols);
		err(B, r->v->pos, label, path, hint,
		    GIR_MSG(ERROR, short_row_typed_total,
		        "%zu values, while the other rows of this table give %zu: the last, %s, is the row's %s "
		        "(the table's sums agree then), and %s"),
		    sr.in, sr.b->ncols, last, sum_column_label(sr.b), gap);
		free(gap);
		gir_diags *chosen = gir_diags_new();
		gir_section_trial(B->rep, s, chosen);
		knock_on_notes(B, as_read, chosen);
		gir_diags_free(chosen);
		free(label), free(path), free(cols), free(hint);
	} else {
		short_reading_apply(B, s, &sr, sr.in, r->v->pos);
	}
	gir_diags_free(as_read);
	free(e), free(best), free(sr.read);
	return typed;
}

/* Rows given without their total in a table whose other rows have one: the
 * likely story is a value dropped and the rest shifted left — an error when
 * the row's last value reads as its total (judge_short_row), else a warning. */
static void warn_short_rows(binder *B, const gir_section *s)
{
	for (size_t i = 0; i < B->nshort; i++) {
		const short_row *r = &B->shorts[i];
		bool mixed = false;
		for (size_t k = 0; k < B->nfull; k++)
			mixed |= B->full_rows_in[k] == r->block;
		if (!mixed || judge_short_row(B, s, r))
			continue;
		char *label = cell_label(B, s, r->block->row_leaves[r->row], NULL);
		char *path = cell_path(s, r->block->row_leaves[r->row], NULL);
		warn(B, r->v->pos, label, path, _("if a value is missing here, the values after it have shifted left"),
		     GIR_MSG(WARNING, short_row,
		         "%zu values, read as the row without its total, while other rows "
		         "of this table give their total"), gir_block_input_columns(r->block));
		free(label), free(path);
	}
	B->nshort = B->nfull = 0;
}

static void add_candidates(gir_suggest *sg, const gir_axis **kids, size_t n)
{
	for (size_t i = 0; i < n; i++)
		gir_suggest_add(sg, kids[i]->id, kids[i]->bare_label);
}

static const gir_axis *match_key(const gir_axis **kids, size_t n, const char *key)
{
	for (size_t i = 0; i < n; i++)
		if (gir_axis_matches(kids[i], key))
			return kids[i];
	return NULL;
}

/* A row written as a mapping of column keys (ids or labels); a column left
 * out is 0, an unknown or repeated key is an error. */
static void bind_row_mapping(binder *B, const gir_section *s, const gir_block *b, size_t row,
                             const gir_node *v)
{
	const gir_axis *kids[GIR_MAX_KEYS];
	size_t nk = gir_axis_keyed_children(&b->cols, kids, GIR_MAX_KEYS);
	seen_keys seen = {0};
	char *rpath = cell_path(s, b->row_leaves[row], NULL);
	for (size_t i = 0; i < v->n; i++) {
		const gir_node *k = gir_map_key(v, i);
		const char *key = key_text(B, k);
		if (!key)
			continue;
		const gir_axis *col = match_key(kids, nk < GIR_MAX_KEYS ? nk : GIR_MAX_KEYS, key);
		if (!col || col->leaf < 0) {
			gir_suggest *sg = gir_suggest_new(key);
			add_candidates(sg, kids, nk < GIR_MAX_KEYS ? nk : GIR_MAX_KEYS);
			char *label = cell_label(B, s, b->row_leaves[row], NULL);
			unknown_key(B, k, label, rpath, sg);
			gir_suggest_free(sg);
			free(label);
			continue;
		}
		long first = first_seen(&seen, col, k->pos);
		if (first < 0) {
			bind_cell(B, s, b, row, (size_t)col->leaf, gir_map_value(v, i));
			continue;
		}
		char *label = cell_label(B, s, b->row_leaves[row], col); /* only for the message */
		duplicate_key(B, &seen, first, k, label, rpath);
		free(label);
	}
	seen_free(&seen);
	free(rpath);
}

static char *zero_row_hint(const gir_block *b)
{
	gir_buf h = {0};
	gir_buf zeros = {0};
	for (size_t c = 0, n = gir_block_input_columns(b); c < n; c++)
		gir_buf_puts(&zeros, c ? ", 0" : "0");
	gir_buf_printf(&h, _("write [%s], or leave the row out (an omitted row is all zeros)"),
	               zeros.ptr);
	gir_buf_free(&zeros);
	return gir_buf_detach(&h);
}

/* A row in any of its forms: a list, a mapping, or a single value for a
 * block of one input column; an empty row is an error. */
static void bind_row(binder *B, const gir_section *s, const gir_block *b, size_t row,
                     const gir_node *v)
{
	if (v->kind == GIR_SEQ) {
		bind_row_sequence(B, s, b, row, v);
	} else if (gir_is_unread(v)) {
		char *label = cell_label(B, s, b->row_leaves[row], NULL);
		char *path = cell_path(s, b->row_leaves[row], NULL);
		char *cols = column_list(b, false);
		char *hint = gir_xasprintf(_("write its values from the original in place of %s: [%s]"),
		                           GIR_UNREAD, cols);
		err(B, v->pos, label, path, hint,
		    GIR_MSG(ERROR, row_unread,
		        "%s: the import did not find this row in the original"), GIR_UNREAD);
		mark_row_bad(B, s, b, row, v->pos);
		free(label), free(path), free(cols), free(hint);
	} else if (v->kind == GIR_MAP) {
		bind_row_mapping(B, s, b, row, v);
	} else if (v->style == GIR_PLAIN && (v->len == 0 || strcmp(v->text, "~") == 0)) {
		char *label = cell_label(B, s, b->row_leaves[row], NULL);
		char *path = cell_path(s, b->row_leaves[row], NULL);
		char *hint = zero_row_hint(b);
		err(B, v->pos, label, path, hint, GIR_MSG(ERROR, row_empty, "the row is empty"));
		mark_row_bad(B, s, b, row, v->pos);
		free(label), free(path), free(hint);
	} else if (gir_block_input_columns(b) == 1) {
		for (size_t c = 0; c < b->ncols; c++)
			if (!gir_axis_is_sum(b->col_leaves[c]))
				bind_cell(B, s, b, row, c, v);
	} else {
		char *label = cell_label(B, s, b->row_leaves[row], NULL);
		char *path = cell_path(s, b->row_leaves[row], NULL);
		char *cols = column_list(b, false);
		char *hint = gir_xasprintf(_("write one value per column in [ ]: %s"), cols);
		err(B, v->pos, label, path, hint,
		    GIR_MSG(ERROR, row_single_value,
		        "expected a row of %zu values, found a single value"),
		    gir_block_input_columns(b));
		mark_row_bad(B, s, b, row, v->pos);
		free(label);
		free(path);
		free(cols);
		free(hint);
	}
}

/* Where a keyed row node lives: its block. */
static const gir_block *block_of(const gir_section *s, const gir_axis *a)
{
	const gir_axis *root = a;
	while (root->parent)
		root = root->parent;
	for (size_t i = 0; i < s->nblocks; i++)
		if (&s->blocks[i]->rows == root)
			return s->blocks[i];
	return NULL;
}

/* A mapping of row keys (the nk rows or groups in kids) at `where`: each
 * bound once, unknown and repeated keys reported. */
static void bind_rows_mapping(binder *B, const gir_section *s, const gir_axis **kids, size_t nk,
                              const gir_node *v, const char *where, const char *path);

/* What a row key of the table names: a leaf row, bound as a row, or a group
 * of rows, whose value is a mapping of its own rows. */
static void bind_row_node(binder *B, const gir_section *s, const gir_axis *a, const gir_node *v)
{
	const gir_block *b = block_of(s, a);
	if (a->leaf >= 0) {
		bind_row(B, s, b, (size_t)a->leaf, v);
		return;
	}
	const gir_axis *kids[GIR_MAX_KEYS];
	size_t nk = gir_axis_keyed_children(a, kids, GIR_MAX_KEYS);
	char *label = cell_label(B, s, a, NULL);
	char *path = cell_path(s, a, NULL);
	if (v->kind != GIR_MAP) {
		char *hint = gir_xasprintf(_("write its %zu rows under it, e.g. \"%s: [...]\""), nk,
		                           nk ? kids[0]->id : "…");
		err(B, v->pos, label, path, hint,
		    GIR_MSG(ERROR, row_is_group, "this is a group of rows, not a single row"));
		free(hint);
		for (int r = a->first_leaf; r < a->first_leaf + a->nleaves; r++)
			mark_row_bad(B, s, b, (size_t)r, v->pos);
	} else {
		bind_rows_mapping(B, s, kids, nk < GIR_MAX_KEYS ? nk : GIR_MAX_KEYS, v, label, path);
	}
	free(label);
	free(path);
}

static size_t section_rows(const gir_section *s, const gir_axis **out, size_t cap);

/* A row another template has (release_total under gov-2019): say which. */
static char *template_with_row(binder *B, const gir_section *s, const char *key)
{
	for (size_t t = 0; t < gir_registry_count(B->reg); t++) {
		const gir_template *other = gir_registry_at(B->reg, t);
		const gir_section *os = other == B->tpl ? NULL : gir_template_section(other, s->id);
		const gir_axis *rows[GIR_MAX_ROWS];
		size_t n = os && os->kind == GIR_TABLE ? section_rows(os, rows, GIR_MAX_ROWS) : 0;
		for (size_t i = 0; i < n; i++)
			if (gir_axis_matches(rows[i], key))
				return gir_xasprintf(_("%s is a row of template %s; write template: %s"), key,
				                     other->id, other->id);
	}
	return NULL;
}

/* The form's own group headings (三、本年度办理结果, 行政诉讼) have no id, but a
 * clerk copying the form may nest rows under them: find such a heading among
 * the groups that hold these rows. */
static const gir_axis *match_group_heading(const gir_axis **kids, size_t nk, const char *key)
{
	for (size_t i = 0; i < nk; i++)
		for (const gir_axis *g = kids[i]->parent; g && g->parent && !g->id; g = g->parent)
			if (gir_axis_matches(g, key))
				return g;
	return NULL;
}

static void bind_under_heading(binder *B, const gir_section *s, const gir_axis *g, const gir_node *v)
{
	const gir_axis *kids[GIR_MAX_KEYS];
	size_t nk = gir_axis_keyed_children(g, kids, GIR_MAX_KEYS);
	char *label = cell_label(B, s, g, NULL);
	if (v->kind != GIR_MAP)
		err(B, v->pos, label, s->id, _("write the rows under it, each on its own line"),
		    GIR_MSG(ERROR, group_without_rows,
		        "this heading of the form groups rows; expected its rows under it"));
	else
		bind_rows_mapping(B, s, kids, nk < GIR_MAX_KEYS ? nk : GIR_MAX_KEYS, v, label, s->id);
	free(label);
}

static void bind_rows_mapping(binder *B, const gir_section *s, const gir_axis **kids, size_t nk,
                              const gir_node *v, const char *where, const char *path)
{
	seen_keys seen = {0};
	for (size_t i = 0; i < v->n; i++) {
		const gir_node *k = gir_map_key(v, i);
		const char *key = key_text(B, k);
		if (!key)
			continue;
		const gir_axis *row = match_key(kids, nk, key);
		const gir_axis *heading = row ? NULL : match_group_heading(kids, nk, key);
		if (heading) {
			bind_under_heading(B, s, heading, gir_map_value(v, i));
			continue;
		}
		if (!row) {
			gir_suggest *sg = gir_suggest_new(key);
			add_candidates(sg, kids, nk);
			char *elsewhere = template_with_row(B, s, key);
			if (elsewhere)
				gir_suggest_force(sg, elsewhere);
			unknown_key(B, k, where, path, sg);
			gir_suggest_free(sg);
			continue;
		}
		long first = first_seen(&seen, row, k->pos);
		if (first < 0) {
			bind_row_node(B, s, row, gir_map_value(v, i));
			continue;
		}
		char *label = cell_label(B, s, row, NULL); /* only for the message */
		duplicate_key(B, &seen, first, k, label, path);
		free(label);
	}
	seen_free(&seen);
}

/* Keyed rows of every block of a section, in order. */
static size_t section_rows(const gir_section *s, const gir_axis **out, size_t cap)
{
	size_t n = 0;
	for (size_t i = 0; i < s->nblocks; i++)
		n += gir_axis_keyed_children(&s->blocks[i]->rows, out + n, n < cap ? cap - n : 0);
	return n < cap ? n : cap;
}

/* Table 四 may be written as the national form's single line of 15 numbers. */
static void bind_flat_table(binder *B, const gir_section *s, const gir_node *v)
{
	const gir_block *b = s->nblocks == 1 ? s->blocks[0] : NULL;
	if (!b || b->layout != GIR_LAYOUT_INLINE) {
		const gir_axis *first[1] = {NULL};
		gir_axis_keyed_children(&s->blocks[0]->rows, first, 1);
		char *hint = gir_xasprintf(_("write each row under its key, e.g. \"%s: [...]\""),
		                           first[0] ? first[0]->id : "…");
		err(B, v->pos, s->heading, s->id, hint,
		    GIR_MSG(ERROR, table_as_one_list,
		        "this table is written as rows, not as one list"));
		free(hint);
		return;
	}
	size_t all = b->nrows * b->ncols, in = b->nrows * gir_block_input_columns(b);
	if (v->n != all && v->n != in) {
		gir_buf parts = {0};
		for (size_t r = 0; r < b->nrows; r++)
			gir_buf_printf(&parts, "%s%s %zu", r ? " + " : "", b->row_leaves[r]->label, b->ncols);
		err(B, v->n > all ? v->kids[all]->pos : v->pos, s->heading, s->id, parts.ptr,
		    GIR_MSG(ERROR, table_flat_length,
		        "%zu values, but the form has %zu cells (or %zu without the %s cells)"), v->n, all, in,
		    sum_column_label(b));
		gir_buf_free(&parts);
		for (size_t r = 0; r < b->nrows; r++)
			mark_row_bad(B, s, b, r, v->pos);
		return;
	}
	size_t i = 0;
	for (size_t r = 0; r < b->nrows; r++)
		for (size_t c = 0; c < b->ncols; c++)
			if (v->n == all || !gir_axis_is_sum(b->col_leaves[c]))
				bind_cell(B, s, b, r, c, v->kids[i++]);
}

/* A table section: a mapping of row keys, or one flat list of every cell
 * (as copied from a published table). */
static void bind_table(binder *B, const gir_section *s, const gir_node *v)
{
	if (v->kind == GIR_SEQ) {
		bind_flat_table(B, s, v);
	} else if (gir_is_unread(v)) {
		err(B, v->pos, s->heading, s->id,
		    _("write the rows of the table from the original in place of 待填"),
		    GIR_MSG(ERROR, table_unread,
		        "%s: the import found no table for this section in the original"), GIR_UNREAD);
		for (size_t i = 0; i < s->nblocks; i++)
			for (size_t r = 0; r < s->blocks[i]->nrows; r++)
				mark_row_bad(B, s, s->blocks[i], r, v->pos);
	} else if (v->kind == GIR_MAP) { /* {} says "all zeros" on purpose: no warning */
		const gir_axis *rows[GIR_MAX_ROWS];
		size_t n = section_rows(s, rows, GIR_MAX_ROWS);
		bind_rows_mapping(B, s, rows, n, v, s->heading, s->id);
		warn_short_rows(B, s);
	} else if (v->style == GIR_PLAIN && (v->len == 0 || strcmp(v->text, "~") == 0)) {
		B->rep->sections[s->index].given = false; /* warned about as an omitted table */
	} else {
		err(B, v->pos, s->heading, s->id, _("write the rows of the table under this key"),
		    GIR_MSG(ERROR, table_not_rows,
		        "expected the rows of a table, found \"%s\""), v->text);
	}
}

/* ---- the top level ------------------------------------------------------------- */

static bool section_matches(const gir_section *s, const char *key)
{
	return gir_same_key(s->id, key) || gir_same_key(s->heading, key) ||
	       gir_same_key(s->bare_heading, key) || gir_same_key(s->bare_heading, gir_skip_numbering(key));
}

static int field_of(const gir_template *t, const char *key)
{
	for (int f = 0; f < GIR_F_COUNT; f++)
		if (strcmp(gir_field_ids[f], key) == 0 || strcmp(t->field_labels[f], key) == 0)
			return f;
	return -1;
}

/* One of the report's fields (year, agency, title, date, …) into the
 * report, each with its own checks. */
static void bind_field(binder *B, int f, const gir_node *v)
{
	gir_report *r = B->rep;
	const char *label = B->tpl->field_labels[f];
	switch ((gir_field)f) {
	case GIR_F_YEAR:
	case GIR_F_TEMPLATE:
		break; /* both read before the template was chosen */
	case GIR_F_AGENCY: r->agency = string_value(B, v, label, "agency"); break;
	case GIR_F_TITLE: r->title = string_value(B, v, label, "title"); break;
	case GIR_F_DATE: bind_date(B, v, label); break;
	case GIR_F_SIGNATORIES: bind_signatories(B, v, label); break;
	case GIR_F_PREVIOUS:
		r->previous = string_value(B, v, label, "previous");
		r->previous_pos = v->pos;
		break;
	case GIR_F_PREFACE: bind_narrative(B, v, &r->preface, label, "preface"); break;
	case GIR_F_FONTS: bind_fonts(B, v, label); break;
	case GIR_F_PROFILE: B->profile = v; break;
	case GIR_F_SUBHEADINGS: bind_subheadings(B, v, label); break;
	default: break;
	}
}

static void top_level_unknown(binder *B, const gir_node *k)
{
	gir_suggest *sg = gir_suggest_new(k->text);
	for (size_t i = 0; i < B->tpl->nsections; i++)
		gir_suggest_add(sg, B->tpl->sections[i]->id, B->tpl->sections[i]->bare_heading);
	for (int f = 0; f < GIR_F_COUNT; f++)
		gir_suggest_add(sg, gir_field_ids[f], B->tpl->field_labels[f]);
	/* A row key at the top level: say which table it belongs in. */
	for (size_t i = 0; !gir_diags_full(B->diags) && i < B->tpl->nsections; i++) {
		const gir_axis *rows[GIR_MAX_ROWS];
		const gir_section *s = B->tpl->sections[i];
		size_t n = section_rows(s, rows, GIR_MAX_ROWS);
		for (size_t j = 0; j < n; j++)
			if (gir_axis_matches(rows[j], k->text))
				gir_suggest_force(sg, gir_xasprintf(_("it belongs under %s: (%s)"), s->id, s->heading));
	}
	unknown_key(B, k, NULL, NULL, sg);
	gir_suggest_free(sg);
}

/* `agency: ~` is the field left out, said so: never a title "~2020年…". */
static void null_is_absent(binder *B, const gir_node *v, const char *label, const char *path)
{
	gir_diag_at(B->diags, B->file, v->pos, label, path,
	            _("write the value, or leave the key out"),
	            GIR_MSG(WARNING, null_value,
	                "the value is null (%s), so %s counts as absent"), v->text, path);
}

/* The source's top level: each key a field or a section (by id or label),
 * bound once; unknown and repeated keys reported. */
static void bind_top(binder *B, const gir_node *root)
{
	seen_keys seen = {0};
	for (size_t i = 0; i < root->n; i++) {
		const gir_node *k = gir_map_key(root, i), *v = gir_map_value(root, i);
		const char *key = key_text(B, k);
		if (!key)
			continue;
		int f = field_of(B->tpl, key);
		if (f >= 0) {
			if (seen_before(B, &seen, gir_field_ids[f], k, B->tpl->field_labels[f], gir_field_ids[f]))
				continue;
			if (is_null(v))
				null_is_absent(B, v, B->tpl->field_labels[f], gir_field_ids[f]);
			else
				bind_field(B, f, v);
			continue;
		}
		const gir_section *s = NULL;
		for (size_t j = 0; j < B->tpl->nsections && !s; j++)
			if (section_matches(B->tpl->sections[j], key))
				s = B->tpl->sections[j];
		if (!s) {
			top_level_unknown(B, k);
			continue;
		}
		if (seen_before(B, &seen, s, k, s->heading, s->id))
			continue;
		if (is_null(v)) {
			null_is_absent(B, v, s->heading, s->id);
			continue;
		}
		gir_section_data *sd = &B->rep->sections[s->index];
		sd->given = true;
		sd->pos = k->pos;
		if (s->kind == GIR_TABLE)
			bind_table(B, s, v);
		else
			bind_narrative(B, v, &sd->text, s->heading, s->id);
	}
	seen_free(&seen);
}

/* ---- choosing the template ------------------------------------------------------- */

/* Finds a meta field before the template is known: by id, or by the label
 * any registered template gives it. */
static const gir_node *find_meta(const gir_registry *reg, const gir_node *root, gir_field f)
{
	for (size_t i = 0; i < root->n; i++) {
		const gir_node *k = gir_map_key(root, i);
		if (k->kind != GIR_SCALAR)
			continue;
		if (strcmp(k->text, gir_field_ids[f]) == 0)
			return gir_map_value(root, i);
		for (size_t t = 0; t < gir_registry_count(reg); t++) /* (builds no template) */
			if (strcmp(k->text, gir_registry_label(reg, t, f)) == 0)
				return gir_map_value(root, i);
	}
	return NULL;
}


static const gir_template *default_template(const gir_registry *reg, int year)
{
	return gir_registry_for_year(reg, year);
}

/* The edition a source is checked against: its own `template:`, else the
 * project's when it covers the year, else the edition meant for its year.
 * NULL, with an error, when there is none. */
static const gir_template *choose_template(binder *B, const gir_node *root)
{
	const char *label = gir_registry_label(B->reg, 0, GIR_F_TEMPLATE); /* before one is chosen */
	const gir_node *tv = find_meta(B->reg, root, GIR_F_TEMPLATE);
	if (tv) {
		if (tv->kind != GIR_SCALAR) {
			err(B, tv->pos, label, "template", NULL,
			    GIR_MSG(ERROR, template_not_name,
			        "expected a template name such as gov-2019"));
			return NULL;
		}
		const gir_template *t = gir_registry_find(B->reg, tv->text);
		if (!t) {
			gir_suggest *sg = gir_suggest_new(tv->text);
			for (size_t i = 0; i < gir_registry_count(B->reg); i++)
				gir_suggest_add(sg, gir_registry_at(B->reg, i)->id, NULL);
			char *hint = gir_suggest_hint(sg);
			err(B, tv->pos, label, "template",
			    hint ? hint : _("`gireport templates` lists them"),
			    GIR_MSG(ERROR, unknown_template, "unknown template \"%s\""), tv->text);
			free(hint);
			gir_suggest_free(sg);
		}
		return t;
	}
	if (B->opt && B->opt->default_template) {
		/* A tree holds several years: the project's template is for the
		 * years of its edition, the others are chosen by year as usual. */
		const gir_template *t = gir_registry_find(B->reg, B->opt->default_template);
		if (!t) {
			err(B, (gir_pos){0, 0}, label, "template",
			    _("`gireport templates` lists them"),
			    GIR_MSG(ERROR, project_template_unknown,
			        "the project's template \"%s\" (gireport.yaml) is unknown"), B->opt->default_template);
			return NULL;
		}
		if (B->rep->year && gir_template_covers(t, B->rep->year))
			return t;
	}
	if (!B->rep->year)
		return NULL;
	const gir_template *t = default_template(B->reg, B->rep->year);
	const gir_node *yv = find_meta(B->reg, root, GIR_F_YEAR);
	if (!t)
		err(B, yv ? yv->pos : (gir_pos){0, 0}, label, "template",
		    _("add template: with one of `gireport templates`"),
		    GIR_MSG(ERROR, no_template_for_year,
		        "no template is meant for year %d"), B->rep->year);
	return t;
}

/* ---- placeholders and numbers in narratives ------------------------------------------- */

static gir_pos srcmap_pos(void *m, size_t off)
{
	return gir_srcmap_pos(m, off);
}

/* Every {{…}} of a scalar names something, reported where it stands. */
/* How much of a placeholder a message quotes: all of a sensible one, the
 * start of a 2 MB one (cut at a character boundary). */
static int quoted_len(const char *s, size_t n)
{
	enum { SHOWN = 120 };
	if (n <= SHOWN)
		return (int)n;
	return (int)gir_utf8_char_start(s, SHOWN);
}

/* The error for a {{…}} naming no cell, at its characters, quoting at most
 * 120 bytes of it and suggesting a known path (not for a huge one). */
static void unknown_placeholder(binder *B, const narrative_text *t, gir_srcmap *m,
                                const gir_placeholder *ph, size_t bad, size_t badlen)
{
	const char *arg = t->v->text + ph->arg;
	char *name = gir_xstrndup(arg + bad, badlen);
	/* Not shown past the limit: not worth a search of every path. */
	char *hint = gir_diags_full(B->diags) || badlen > 200 ? NULL
	                                                     : gir_placeholder_hint(B->rep, name);
	int nn = quoted_len(name, badlen), na = quoted_len(arg, ph->arglen);
	const char *more_n = (size_t)nn < badlen ? "…" : "", *more_a = (size_t)na < ph->arglen ? "…" : "";
	if (badlen == ph->arglen)
		err(B, gir_srcmap_pos(m, ph->arg + bad), t->label, t->path, hint,
		    GIR_MSG(ERROR, placeholder_unknown,
		        "the placeholder {{%.*s%s}} names no cell or total"), nn, name, more_n);
	else
		err(B, gir_srcmap_pos(m, ph->arg + bad), t->label, t->path, hint,
		    GIR_MSG(ERROR, placeholder_arg_unknown,
		        "\"%.*s%s\" in the placeholder {{%.*s%s}} names no cell or total"), nn, name, more_n,
		    na, arg, more_a);
	free(name);
	free(hint);
}

/* Every {{…}} of a narrative scalar: the path must name a cell of the
 * template; each error placed at its own characters through m. */
static void check_placeholders(binder *B, const narrative_text *t)
{
	const gir_node *v = t->v;
	gir_srcmap m;
	gir_srcmap_init(&m, B->text, B->len, v, &B->line_hint);
	gir_placeholder ph;
	for (size_t at = 0; gir_placeholder_next(v->text, v->len, at, &ph); at = ph.end) {
		const char *arg = v->text + ph.arg;
		size_t bad, badlen;
		char *value = NULL;
		if (ph.kind == GIR_PH_UNCLOSED) {
			err(B, gir_srcmap_pos(&m, ph.start), t->label, t->path,
			    _("end it with }} on the same line; for the braces themselves write {{'{{'}}"),
			    GIR_MSG(ERROR, placeholder_unclosed,
			        "\"{{\" is not closed by \"}}\" on its line"));
		} else if (ph.kind == GIR_PH_EMPTY) {
			err(B, gir_srcmap_pos(&m, ph.start), t->label, t->path,
			    _("name a cell, e.g. {{requests.received.total}}, or write {{year}} or {{agency}}"),
			    GIR_MSG(ERROR, placeholder_empty, "the placeholder is empty"));
		} else if (ph.kind == GIR_PH_PATH &&
		           !(value = gir_placeholder_text(B->rep, arg, ph.arglen, &bad, &badlen))) {
			if (bad == (size_t)-1)
				err(B, gir_srcmap_pos(&m, ph.start), t->label, t->path,
				    _("add fewer cells in one placeholder, or check the values for extra digits"),
				    GIR_MSG(ERROR, placeholder_sum_overflow,
				        "the sum is too large to add up (more than 9223372036854.775807)"));
			else
				unknown_placeholder(B, t, &m, &ph, bad, badlen);
		}
		free(value);
	}
}

/* Placeholders must name something; numbers the text states about the
 * tables must agree with them (a warning: prose is not data). */
static void check_narratives(binder *B)
{
	for (size_t i = 0; i < B->texts.len; i++) {
		const narrative_text *t = B->texts.items[i];
		check_placeholders(B, t);
		if (!B->tpl->nprose)
			continue;
		gir_srcmap m;
		gir_srcmap_init(&m, B->text, B->len, t->v, &B->line_hint);
		gir_prose_check(B->rep, t->v->text, t->v->len, t->v->style == GIR_LITERAL, srcmap_pos,
		                &m, t->label, B->diags);
	}
}

/* ---- warnings and defaults --------------------------------------------------------- */

static bool narrative_empty(const gir_narrative *n)
{
	for (size_t i = 0; i < n->n; i++)
		if (!n->paras[i].heading)
			return false;
	return true;
}

/* The skeleton's "（待填写）" still in a report that is about to be published. */
static void placeholder_left(binder *B, const gir_section *s, const gir_narrative *n)
{
	const char *ph = B->tpl->placeholder;
	for (size_t i = 0; ph && i < n->n; i++)
		if (strcmp(n->paras[i].text, ph) == 0) {
			warn(B, n->paras[i].pos, s->heading, s->id, _("replace it with the section's text"),
			     GIR_MSG(WARNING, skeleton_text_left,
			         "the placeholder text of `gireport new` is still here"));
			return;
		}
}

static void section_warnings(binder *B)
{
	for (size_t i = 0; i < B->tpl->nsections; i++) {
		const gir_section *s = B->tpl->sections[i];
		const gir_section_data *sd = &B->rep->sections[i];
		if (s->kind == GIR_TABLE && !sd->given)
			warn(B, (gir_pos){0, 0}, s->heading, s->id, NULL,
			     GIR_MSG(WARNING, table_missing,
			         "the table is missing; all its cells are taken as 0"));
		else if (s->kind == GIR_NARRATIVE && narrative_empty(&sd->text))
			warn(B, sd->pos, s->heading, s->id, _("write at least one paragraph, e.g. 无。"),
			     GIR_MSG(WARNING, section_no_text, "the section has no text"));
		else if (s->kind == GIR_NARRATIVE)
			placeholder_left(B, s, &sd->text);
	}
}

static void meta_warnings(binder *B, const gir_node *root)
{
	gir_report *r = B->rep;
	const char *const *labels = (const char *const *)B->tpl->field_labels;
	/* A report on a year is issued early in the next (by 31 January for an
	 * agency's report): the examples are dated then. */
	int next = r->year + 1;
	if (!r->date.year) {
		const gir_node *d = find_meta(B->reg, root, GIR_F_DATE);
		char *hint = gir_xasprintf(_("add date: %d-01-15, the day the report is issued, early in %d"),
		                           next, next);
		if (!d)
			warn(B, (gir_pos){0, 0}, labels[GIR_F_DATE], "date", hint,
			     GIR_MSG(WARNING, no_date,
			         "the report has no date; the signature block will have none"));
		free(hint);
	} else if (r->date.year < r->year) {
		const gir_node *d = find_meta(B->reg, root, GIR_F_DATE);
		char *hint = gir_xasprintf(_("a report on %d is dated early in %d, e.g. %d-01-15"),
		                           r->year, next, next);
		warn(B, d ? d->pos : (gir_pos){0, 0}, labels[GIR_F_DATE], "date", hint,
		     GIR_MSG(WARNING, date_before_report_year,
		         "%d-%02d-%02d is before the report year %d; a report on a whole "
		         "year is dated after it ends"),
		     r->date.year, r->date.month, r->date.day, r->year);
		free(hint);
	} else if (r->date.year == r->year) {
		const gir_node *d = find_meta(B->reg, root, GIR_F_DATE);
		warn(B, d ? d->pos : (gir_pos){0, 0}, labels[GIR_F_DATE], "date", NULL,
		     GIR_MSG(WARNING, date_in_report_year,
		         "%d-%02d-%02d is within the report year %d; a report on a whole "
		         "year is dated after it ends"),
		     r->date.year, r->date.month, r->date.day, r->year);
	}
	char year[16];
	snprintf(year, sizeof year, "%d", r->year);
	if (r->title && !strstr(r->title, year)) {
		const gir_node *t = find_meta(B->reg, root, GIR_F_TITLE);
		warn(B, t ? t->pos : (gir_pos){0, 0}, labels[GIR_F_TITLE], "title", NULL,
		     GIR_MSG(WARNING, title_without_year,
		         "the title does not contain the report year %d"), r->year);
	}
}

/* The kind of agency: the source's profile:, else the project's; its cells
 * the source leaves out are not applicable (docs/format.md). */
static void apply_profile(binder *B)
{
	const char *label = B->tpl->field_labels[GIR_F_PROFILE];
	const char *key = NULL;
	char *owned = NULL;
	gir_pos pos = {0, 0};
	if (B->profile) {
		key = owned = string_value(B, B->profile, label, "profile");
		pos = B->profile->pos;
		if (!key)
			return;
	} else if (B->opt && B->opt->profile) {
		key = B->opt->profile;
	} else {
		return;
	}
	const gir_profile *p = gir_template_profile(B->tpl, key);
	if (p) {
		gir_profile_apply(p, B->rep);
		free(owned);
		return;
	}
	gir_buf hint = {0};
	for (size_t i = 0; i < B->tpl->nprofiles; i++)
		gir_buf_printf(&hint, "%s%s (%s)", i ? ", " : _("write one of "), B->tpl->profiles[i].id,
		               B->tpl->profiles[i].label);
	if (!hint.len)
		gir_buf_printf(&hint,
		               B->profile ? _("template %s has no profiles; leave profile: out")
		                          : _("template %s has no profiles; leave profile: out of gireport.yaml"),
		               B->tpl->id);
	if (B->profile)
		err(B, pos, label, "profile", hint.ptr,
		    GIR_MSG(ERROR, unknown_profile, "\"%s\" is not a profile of template %s"), key,
		    B->tpl->id);
	else
		err(B, pos, label, "profile", hint.ptr,
		    GIR_MSG(ERROR, unknown_project_profile,
		        "gireport.yaml's profile \"%s\" is not a profile of template %s"),
		    key, B->tpl->id);
	gir_buf_free(&hint);
	free(owned);
}

static void apply_defaults(binder *B)
{
	gir_report *r = B->rep;
	if (!r->title)
		r->title = gir_expand_label(B->tpl->title, r->year, r->agency);
	if (B->opt && B->opt->date_format)
		r->date_format = gir_xstrdup(B->opt->date_format);
	resolve_styles(B);
	if (!r->nsignatories && r->agency) {
		free(r->signatories); /* a list whose names were all invalid */
		r->signatories = gir_xcalloc(1, sizeof(char *));
		r->signatories[r->nsignatories++] = gir_xstrdup(r->agency);
	}
}

static void require(binder *B, const gir_node *root, gir_field f, bool present)
{
	const gir_node *v = find_meta(B->reg, root, f);
	if (present || (v && !is_null(v)))
		return;
	err(B, (gir_pos){0, 0}, B->tpl ? B->tpl->field_labels[f] : gir_registry_label(B->reg, 0, f),
	    gir_field_ids[f],
	    f == GIR_F_YEAR ? _("add year: 2020 (the year the report is about)")
	                    : _("add agency: followed by the agency's full name"),
	    GIR_MSG(ERROR, required_field_missing,
	        "the required field %s is missing"), gir_field_ids[f]);
}

/* ---- entry point ---------------------------------------------------------------- */

static void alloc_sections(gir_report *r, const gir_template *t)
{
	r->sections = gir_xcalloc(t->nsections, sizeof(gir_section_data));
	for (size_t i = 0; i < t->nsections; i++)
		r->sections[i].cells = gir_xcalloc(t->sections[i]->ncells + 1, sizeof(gir_value));
}

gir_report *gir_report_load(const gir_registry *reg, const char *file, const char *text,
                            size_t len, const gir_options *opt, gir_diags *diags)
{
	if (gir_registry_count(reg) == 0) {
		gir_diags_add(diags, file,
		              GIR_MSG(ERROR, no_templates, "no templates are available"));
		return NULL;
	}
	if (len > GIR_MAX_SOURCE) {
		gir_diags_add(diags, file,
		              GIR_MSG(ERROR, source_too_large,
		                  "the source is larger than %u MiB; a report source is a few KB"),
		              GIR_MAX_SOURCE >> 20);
		return NULL;
	}
	size_t errors_before = gir_diags_count_severity(diags, GIR_ERROR);
	size_t first_diag = gir_diags_count(diags);
	gir_doc *doc = gir_yaml_load(file, text, len, diags);
	if (!doc)
		return NULL;
	const gir_node *root = gir_doc_root(doc);
	binder B = {.opt = opt, .file = file, .text = text, .len = len, .diags = diags, .reg = reg};
	B.rep = gir_xcalloc(1, sizeof(gir_report));
	B.rep->file = gir_xstrdup(file);
	if (root->kind != GIR_MAP) {
		err(&B, root->pos, NULL, NULL, _("the file starts with year: and agency:, one field per line"),
		    GIR_MSG(ERROR, root_not_mapping,
		        "a report source is a mapping of fields, not %s"), kind_name(root));
		goto out;
	}
	const gir_node *year = find_meta(reg, root, GIR_F_YEAR);
	if (year)
		bind_year(&B, year, gir_registry_label(reg, 0, GIR_F_YEAR));
	require(&B, root, GIR_F_YEAR, false);
	B.tpl = choose_template(&B, root);
	if (!B.tpl) {
		require(&B, root, GIR_F_AGENCY, false);
		goto out;
	}
	B.rep->tpl = B.tpl;
	alloc_sections(B.rep, B.tpl);
	bind_top(&B, root);
	require(&B, root, GIR_F_AGENCY, B.rep->agency != NULL);
	apply_profile(&B);
	/* Arithmetic and warnings are checked even after other errors, so that
	 * one run shows every problem; cells that could not be read take no part. */
	gir_compute_totals(B.rep, diags);
	gir_run_checks(B.rep, diags);
	check_narratives(&B);
	apply_defaults(&B);
	section_warnings(&B);
	meta_warnings(&B, root);
	/* Once, here: every renderer then prints the values. */
	gir_narrative_expand(B.rep, &B.rep->preface);
	for (size_t i = 0; i < B.tpl->nsections; i++)
		gir_narrative_expand(B.rep, &B.rep->sections[i].text);
out:
	for (size_t i = 0; i < B.texts.len; i++)
		free(B.texts.items[i]);
	gir_ptrvec_free(&B.texts);
	gir_doc_free(doc);
	if (opt && opt->strict)
		gir_diags_promote_warnings(diags, first_diag);
	if (B.errors || gir_diags_count_severity(diags, GIR_ERROR) > errors_before) {
		gir_report_free(B.rep);
		return NULL;
	}
	return B.rep;
}

void gir_report_free(gir_report *r)
{
	if (!r)
		return;
	if (r->tpl)
		for (size_t i = 0; i < r->tpl->nsections; i++) {
			gir_narrative_free(&r->sections[i].text);
			free(r->sections[i].cells);
		}
	free(r->sections);
	gir_narrative_free(&r->preface);
	for (size_t i = 0; i < r->nsignatories; i++)
		free(r->signatories[i]);
	free(r->signatories);
	free(r->file);
	free(r->agency);
	free(r->title);
	free(r->previous);
	free(r->date_format);
	for (int i = 0; i < GIR_FONT_ROLES; i++)
		free(r->fonts[i]);
	free(r);
}

int gir_report_year(const gir_report *rep)
{
	return rep->year;
}

const char *gir_report_agency(const gir_report *rep)
{
	return rep->agency;
}

const char *gir_report_template_id(const gir_report *rep)
{
	return rep->tpl->id;
}

unsigned long long gir_report_template_hash(const gir_report *rep)
{
	return rep->tpl->hash; /* computed once, when the template was loaded */
}

const char *gir_report_previous_path(const gir_report *rep)
{
	return rep->previous;
}

void gir_report_previous_error(const gir_report *rep, gir_diags *d, const char *id,
                               const char *message)
{
	gir_diag_at(d, rep->file, rep->previous_pos, rep->tpl->field_labels[GIR_F_PREVIOUS],
	            "previous", NULL, GIR_ERROR, id, "%s", message);
}
