/* The prose check: a template's "prose" rules tie a phrase and a unit
 * ("收到…申请N件") to a cell; a number they find in a narrative that differs
 * from the cell is a warning.  A number no rule ties to a cell — a date, 第N次,
 * a percentage, 5500余条, 约N件 — is never compared. */
#define _GNU_SOURCE /* memmem */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include <cJSON.h>

#include "cn.h"
#include "figures.h"
#include "prose.h"
#include "utf8.h"
#include "util.h"

/* ---- the rules -------------------------------------------------------------------- */

#define DEFAULT_GAP 12
#define MAX_GAP 100
/* Context is looked for this far back at most (bytes: about 100 characters). */
#define CONTEXT_BYTES 300
/* Phrases read in one text at most: a report has dozens; this bounds the
 * memory a hostile text of 16 MB of 收到收到… can take. */
#define MAX_OCCURRENCES 20000

static void free_phrases(gir_phrases *p)
{
	for (size_t i = 0; i < p->n; i++)
		free(p->items[i]);
	free(p->items);
	*p = (gir_phrases){0};
}

static void free_rule(gir_prose_rule *r)
{
	for (size_t i = 0; i < r->npaths; i++)
		free(r->paths[i]);
	free(r->paths);
	free(r->label);
	free_phrases(&r->before);
	free_phrases(&r->between);
	free_phrases(&r->not_between);
	free_phrases(&r->context);
	free_phrases(&r->not_context);
	for (size_t i = 0; i < r->nunits; i++)
		free(r->units[i].text);
	free(r->units);
}

/* The lists of gir_prose_words, for reading and freeing them alike. */
#define PROSE_WORD_LISTS(X)                                                                        \
	X(approximate_before) X(approximate_after) X(approximate_after_unit) X(comparisons)           \
	X(ordinal) X(list_marks) X(counted)

void gir_prose_free(gir_template *t)
{
	for (size_t i = 0; i < t->nprose; i++)
		free_rule(&t->prose[i]);
	free(t->prose);
	t->prose = NULL;
	t->nprose = 0;
	if (t->prose_words) {
#define FREE_LIST(name) free_phrases(&t->prose_words->name);
		PROSE_WORD_LISTS(FREE_LIST)
#undef FREE_LIST
		free(t->prose_words);
		t->prose_words = NULL;
	}
}

typedef struct parser {
	const char *file;
	gir_diags *d;
	size_t index;
	const char *what; /* what is being read when not a rule ("prose_words") */
	int failed;
} parser;

static void perr(parser *p, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void perr(parser *p, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	gir_buf m = {0};
	gir_buf_vprintf(&m, fmt, ap);
	va_end(ap);
	if (p->what)
		gir_diags_add(p->d, p->file,
		              GIR_MSG(ERROR, template_prose, "template: %s: %s"), p->what,
		              m.ptr);
	else
		gir_diags_add(p->d, p->file,
		              GIR_MSG(ERROR, template_prose_rule, "template: prose rule %zu: %s"),
		              p->index + 1, m.ptr);
	gir_buf_free(&m);
	p->failed = 1;
}

/* A list of non-empty strings (or one string). */
static void parse_phrases(parser *p, const cJSON *j, const char *key, gir_phrases *out,
                          bool required)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(j, key);
	if (!v) {
		if (required && p->what)
			perr(p, "\"%s\" is required: a list of words", key);
		else if (required)
			perr(p, "\"%s\" is required: the words before the number", key);
		return;
	}
	if (cJSON_IsString(v) && *v->valuestring) {
		out->items = gir_xcalloc(2, sizeof(char *)); /* NULL-terminated, as every list */
		out->items[out->n++] = gir_xstrdup(v->valuestring);
		return;
	}
	if (!cJSON_IsArray(v) || cJSON_GetArraySize(v) == 0) {
		perr(p, "\"%s\" must be a string or a non-empty list of strings", key);
		return;
	}
	out->items = gir_xcalloc((size_t)cJSON_GetArraySize(v) + 1, sizeof(char *));
	const cJSON *s;
	cJSON_ArrayForEach(s, v)
	{
		if (!cJSON_IsString(s) || !*s->valuestring) {
			perr(p, "\"%s\" must hold non-empty strings", key);
			return;
		}
		out->items[out->n++] = gir_xstrdup(s->valuestring);
	}
}

static void add_unit(gir_prose_rule *r, const char *text, int64_t factor)
{
	r->units = gir_xrealloc(r->units, (r->nunits + 1) * sizeof *r->units);
	r->units[r->nunits++] = (gir_prose_unit){gir_xstrdup(text), factor};
}

/* "unit": "件", ["件", "份"], or {"万元": 1, "元": 10000}. */
static void parse_units(parser *p, const cJSON *j, gir_prose_rule *r)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(j, "unit"), *u;
	if (cJSON_IsString(v) && *v->valuestring) {
		add_unit(r, v->valuestring, 1);
	} else if (cJSON_IsArray(v)) {
		cJSON_ArrayForEach(u, v)
		{
			if (!cJSON_IsString(u) || !*u->valuestring) {
				perr(p, "\"%s\" must hold non-empty strings", "unit");
				return;
			}
			add_unit(r, u->valuestring, 1);
		}
	} else if (cJSON_IsObject(v)) {
		cJSON_ArrayForEach(u, v)
		{
			if (!*u->string || !cJSON_IsNumber(u) || u->valuedouble < 1 || u->valuedouble > 1e9 ||
			    u->valuedouble != (double)(int64_t)u->valuedouble) {
				perr(p, "\"%s\" maps each unit to a whole factor from 1 to 10^9", "unit");
				return;
			}
			add_unit(r, u->string, (int64_t)u->valuedouble);
		}
	}
	if (!r->nunits)
		perr(p, "\"%s\" is required: 件, [\"件\", \"份\"] or {\"万元\": 1, \"元\": 10000}", "unit");
	/* The longest unit first, so that 万元 is read before 元. */
	for (size_t i = 1; i < r->nunits; i++)
		for (size_t k = i; k > 0 && strlen(r->units[k].text) > strlen(r->units[k - 1].text); k--) {
			gir_prose_unit t = r->units[k];
			r->units[k] = r->units[k - 1];
			r->units[k - 1] = t;
		}
}

static void parse_cell(parser *p, const gir_template *t, const cJSON *j, gir_prose_rule *r)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(j, "cell"), *s;
	if (cJSON_IsString(v)) {
		r->paths = gir_xcalloc(1, sizeof(char *));
		r->paths[r->npaths++] = gir_xstrdup(v->valuestring);
	} else if (cJSON_IsArray(v) && cJSON_GetArraySize(v) > 0) {
		r->paths = gir_xcalloc((size_t)cJSON_GetArraySize(v), sizeof(char *));
		cJSON_ArrayForEach(s, v)
		{
			if (!cJSON_IsString(s)) {
				perr(p, "\"%s\" must hold id paths", "cell");
				return;
			}
			r->paths[r->npaths++] = gir_xstrdup(s->valuestring);
		}
	} else {
		perr(p, "\"%s\" is required: an id path such as requests.received.total, or a list", "cell");
		return;
	}
	for (size_t i = 0; i < r->npaths; i++)
		if (!gir_template_has_path(t, r->paths[i]))
			perr(p, "\"cell\" names no cell of the template: \"%s\"", r->paths[i]);
}

static const char *const rule_keys[] = {"cell", "label", "before", "between", "not_between",
                                        "context", "not_context", "unit", "max_gap", "op",
                                        "example", "comment"};

static void parse_rule(parser *p, const gir_template *t, const cJSON *j, gir_prose_rule *r)
{
	if (!cJSON_IsObject(j)) {
		perr(p, "a rule is an object");
		return;
	}
	const cJSON *k;
	cJSON_ArrayForEach(k, j)
	{
		size_t i = 0;
		while (i < GIR_ARRAY_LEN(rule_keys) && strcmp(rule_keys[i], k->string) != 0)
			i++;
		if (i == GIR_ARRAY_LEN(rule_keys))
			perr(p, "unknown key \"%s\"", k->string);
	}
	parse_cell(p, t, j, r);
	const cJSON *label = cJSON_GetObjectItemCaseSensitive(j, "label");
	if (cJSON_IsString(label))
		r->label = gir_xstrdup(label->valuestring);
	parse_phrases(p, j, "before", &r->before, true);
	parse_phrases(p, j, "between", &r->between, false);
	parse_phrases(p, j, "not_between", &r->not_between, false);
	parse_phrases(p, j, "context", &r->context, false);
	parse_phrases(p, j, "not_context", &r->not_context, false);
	parse_units(p, j, r);
	const cJSON *gap = cJSON_GetObjectItemCaseSensitive(j, "max_gap");
	r->max_gap = DEFAULT_GAP;
	if (gap && (!cJSON_IsNumber(gap) || gap->valueint < 0 || gap->valueint > MAX_GAP))
		perr(p, "\"%s\" must be a number of characters from 0 to 100", "max_gap");
	else if (gap)
		r->max_gap = gap->valueint;
	const cJSON *op = cJSON_GetObjectItemCaseSensitive(j, "op");
	if (op && !(cJSON_IsString(op) && (strcmp(op->valuestring, "=") == 0 ||
	                                   strcmp(op->valuestring, "<=") == 0)))
		perr(p, "\"%s\" must be \"=\" or \"<=\"", "op");
	else
		r->at_most = op && strcmp(op->valuestring, "<=") == 0;
}

static gir_prose_hit *find_rules(const gir_prose_rule *rules, size_t nrules, const char *s,
                                 size_t n, bool literal, size_t *count);

/* A rule's "example" must be read by the rule: a rule that matches nothing
 * is a mistake in the template, found when it loads. */
static void check_example(parser *p, const cJSON *j, const gir_prose_rule *r)
{
	const cJSON *ex = cJSON_GetObjectItemCaseSensitive(j, "example");
	if (!ex)
		return;
	if (!cJSON_IsString(ex)) {
		perr(p, "\"%s\" must be a sentence the rule reads", "example");
		return;
	}
	size_t n;
	gir_prose_hit *h = find_rules(r, 1, ex->valuestring, strlen(ex->valuestring), false, &n);
	free(h);
	if (n != 1)
		perr(p, "the example \"%s\" does not give the rule one number", ex->valuestring);
}

/* "prose_words": every list required (see gir_prose_words). */
static int parse_words(gir_template *t, const cJSON *j, const char *file, gir_diags *d)
{
	parser p = {.file = file, .d = d, .what = "prose_words"};
	t->prose_words = gir_xcalloc(1, sizeof *t->prose_words);
	if (!cJSON_IsObject(j)) {
		perr(&p, "required with \"prose\": an object of word lists (docs/prose.md)");
		return -1;
	}
	static const char *const keys[] = {
#define KEY(name) #name,
		PROSE_WORD_LISTS(KEY)
#undef KEY
	};
	const cJSON *k;
	cJSON_ArrayForEach(k, j)
	{
		size_t i = 0;
		while (i < GIR_ARRAY_LEN(keys) && strcmp(keys[i], k->string) != 0)
			i++;
		if (i == GIR_ARRAY_LEN(keys))
			perr(&p, "unknown key \"%s\"", k->string);
	}
#define READ_LIST(name) parse_phrases(&p, j, #name, &t->prose_words->name, true);
	PROSE_WORD_LISTS(READ_LIST)
#undef READ_LIST
	return p.failed ? -1 : 0;
}

int gir_prose_parse(gir_template *t, const cJSON *rules, const cJSON *words, const char *file,
                    gir_diags *d)
{
	if (!rules)
		return 0;
	if (parse_words(t, words, file, d) != 0)
		return -1;
	parser p = {.file = file, .d = d};
	if (!cJSON_IsArray(rules)) {
		gir_diags_add(d, file, GIR_MSG(ERROR, template_prose_not_list,
		              "template: \"prose\" must be a list of rules"));
		return -1;
	}
	t->prose = gir_xcalloc((size_t)cJSON_GetArraySize(rules) + 1, sizeof(gir_prose_rule));
	const cJSON *j;
	cJSON_ArrayForEach(j, rules)
	{
		int before = p.failed;
		p.failed = 0;
		gir_prose_rule *r = &t->prose[t->nprose++];
		r->words = t->prose_words;
		parse_rule(&p, t, j, r);
		if (!p.failed)
			check_example(&p, j, r);
		p.failed |= before;
		p.index++;
	}
	return p.failed ? -1 : 0;
}

/* ---- reading numbers in text -------------------------------------------------------- */

static bool starts(const char *s, size_t n, size_t i, const char *w)
{
	size_t k = strlen(w);
	return i + k <= n && memcmp(s + i, w, k) == 0;
}

static const char *starts_any(const char *s, size_t n, size_t i, const char *const *ws)
{
	for (; *ws; ws++)
		if (starts(s, n, i, *ws))
			return *ws;
	return NULL;
}

/* The first occurrence of w (k bytes) in s (n bytes), or NULL. */
/* memmem: in CJK text the first byte of a phrase is the first byte of most
 * characters, so a memchr on it stops almost everywhere. */
static const char *find(const char *s, size_t n, const char *w, size_t k)
{
	return k ? memmem(s, n, w, k) : NULL;
}

static bool contains(const char *s, size_t n, const char *w)
{
	return find(s, n, w, strlen(w)) != NULL;
}

static bool contains_any(const char *s, size_t n, const gir_phrases *p)
{
	for (size_t i = 0; i < p->n; i++)
		if (contains(s, n, p->items[i]))
			return true;
	return false;
}


static bool ascii_digits(const char *s, size_t n, size_t i, size_t count)
{
	for (size_t k = 0; k < count; k++)
		if (i + k >= n || s[i + k] < '0' || s[i + k] > '9')
			return false;
	return true;
}

/* A number as prose writes it: 12, １２, 3,119, 6.0248.  False for one too
 * long to be a count (more than 15 digits, or 6 decimals). */
static bool read_number(const char *s, size_t n, size_t i, size_t *end, gir_value *v)
{
	int64_t x = 0;
	int digits = 0, scale = 0, d;
	size_t k;
	while (gir_cn_digit_at(s, n, i, &d, &k)) {
		x = x * 10 + d, i += k;
		if (++digits > 15)
			return false;
	}
	/* 3,119: a thousands separator only before exactly three digits. */
	while (i < n && s[i] == ',' && ascii_digits(s, n, i + 1, 3) && !ascii_digits(s, n, i + 4, 1)) {
		for (int m = 1; m <= 3; m++)
			x = x * 10 + (s[i + m] - '0');
		i += 4;
		if ((digits += 3) > 15)
			return false;
	}
	/* The decimal point, ASCII or full-width (０．３５ with full-width digits). */
	size_t point = i < n && s[i] == '.' ? 1 : starts(s, n, i, "\xEF\xBC\x8E") ? 3 : 0;
	if (point && gir_cn_digit_at(s, n, i + point, &d, &k)) {
		i += point;
		while (gir_cn_digit_at(s, n, i, &d, &k)) {
			x = x * 10 + d, i += k;
			if (++scale > 6 || ++digits > 15)
				return false;
		}
	}
	*end = i;
	*v = (gir_value){.v = x, .scale = scale};
	return true;
}

static bool is_blank_at(const char *s, size_t n, size_t i, size_t *k)
{
	if (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n')) {
		*k = 1;
		return true;
	}
	if (starts(s, n, i, "\xE3\x80\x80")) { /* U+3000 */
		*k = 3;
		return true;
	}
	return false;
}

static size_t skip_blank(const char *s, size_t n, size_t i)
{
	size_t k;
	while (is_blank_at(s, n, i, &k))
		i += k;
	return i;
}

/* Where a paragraph ends: a line break outside | blocks (YAML made every
 * other one a space), a blank line inside them. */
static bool paragraph_break(const char *s, size_t n, size_t i, bool literal)
{
	if (s[i] != '\n')
		return false;
	if (!literal)
		return true;
	for (size_t j = i + 1; j < n && s[j] != '\n'; j++)
		if (s[j] != ' ' && s[j] != '\t' && s[j] != '\r')
			return false;
	return true;
}

/* The end of a clause: a number is never looked for past it. */
static const char *const clause_ends[] = {"，", ",", "。", "；", ";", "！", "!", "？", "?",
                                          "：", ":", NULL};
/* The end of a sentence: context is never looked for before it. */
static const char *const sentence_ends[] = {"。", "；", ";", "！", "!", "？", "?", NULL};
/* The words of the template's "prose_words" as the NULL-terminated lists
 * the scanners take. */
#define WORDS(r, name) ((const char *const *)(r)->words->name.items)

static bool ends_with_any(const char *s, size_t n, const char *const *ws)
{
	for (; *ws; ws++) {
		size_t k = strlen(*ws);
		if (k <= n && memcmp(s + n - k, *ws, k) == 0)
			return true;
	}
	return false;
}

static size_t trim_end(const char *s, size_t from, size_t to)
{
	while (to > from) {
		if (s[to - 1] == ' ' || s[to - 1] == '\t' || s[to - 1] == '\n' || s[to - 1] == '\r')
			to--;
		else if (to - from >= 3 && memcmp(s + to - 3, "\xE3\x80\x80", 3) == 0)
			to -= 3;
		else
			break;
	}
	return to;
}

/* Whether the sentence before `at` names the rule's context last (行政复议…
 * 维持 counts for 行政复议, not after a later 行政诉讼). */
static bool in_context(const gir_prose_rule *r, const char *s, size_t n, size_t at, bool literal)
{
	if (!r->context.n && !r->not_context.n)
		return true;
	size_t from = at > CONTEXT_BYTES ? at - CONTEXT_BYTES : 0;
	for (size_t i = at; i > from; i--)
		if (starts_any(s, n, i - 1, sentence_ends) || paragraph_break(s, n, i - 1, literal)) {
			from = i;
			break;
		}
	long last_ctx = -1, last_not = -1;
	for (size_t i = from; i < at; i++) {
		for (size_t k = 0; k < r->context.n; k++)
			if (starts(s, at, i, r->context.items[k]))
				last_ctx = (long)i;
		for (size_t k = 0; k < r->not_context.n; k++)
			if (starts(s, at, i, r->not_context.items[k]))
				last_not = (long)i;
	}
	if (r->context.n && last_ctx < 0)
		return false;
	return last_not < 0 || (r->context.n && last_ctx > last_not);
}

/* From the end of a phrase, the number the rule ties to its cell: the first
 * one followed by one of its units, within max_gap characters and the same
 * clause. */
static bool scan_number(const gir_prose_rule *r, const char *s, size_t n, size_t from,
                        bool literal, gir_prose_hit *hit)
{
	int gap = 0;
	size_t i = from, k;
	while (i < n) {
		if (is_blank_at(s, n, i, &k)) {
			if (paragraph_break(s, n, i, literal))
				return false;
			i += k;
			continue;
		}
		if (starts_any(s, n, i, clause_ends) || starts(s, n, i, "{{"))
			return false; /* the clause ended, or a placeholder says the number */
		int d;
		size_t end;
		gir_value v;
		if (!gir_cn_digit_at(s, n, i, &d, &k)) {
			if (++gap > r->max_gap)
				return false;
			uint32_t cp;
			size_t len = gir_utf8_decode(s + i, n - i, &cp);
			i += len ? len : 1;
			continue;
		}
		if (!read_number(s, n, i, &end, &v))
			return false;
		size_t before_end = trim_end(s, from, i);
		if (ends_with_any(s + from, before_end - from, WORDS(r, approximate_before)))
			return false;
		size_t u = skip_blank(s, n, end);
		const gir_prose_unit *unit = NULL;
		for (size_t m = 0; m < r->nunits && !unit; m++)
			if (starts(s, n, u, r->units[m].text))
				unit = &r->units[m];
		bool ordinal = ends_with_any(s + from, before_end - from, WORDS(r, ordinal));
		if (unit && !ordinal) {
			size_t after = skip_blank(s, n, u + strlen(unit->text));
			if (starts_any(s, n, after, WORDS(r, approximate_after_unit)))
				return false;
			const char *gs = s + from;
			size_t gn = i - from;
			for (const char *const *c = WORDS(r, comparisons); *c; c++)
				if (contains(gs, gn, *c))
					return false;
			if ((r->between.n && !contains_any(gs, gn, &r->between)) ||
			    contains_any(gs, gn, &r->not_between))
				return false;
			*hit = (gir_prose_hit){.rule = r, .start = i, .end = u + strlen(unit->text),
			                       .unit = unit, .said = v};
			return true;
		}
		if (!ordinal && starts_any(s, n, u, WORDS(r, approximate_after)))
			return false;
		/* Another number (2020年, 12345热线, 第3次): part of the words between. */
		gap += (int)gir_utf8_count(s + i, end - i);
		if (gap > r->max_gap)
			return false;
		i = end;
	}
	return false;
}

/* A phrase joined to the one before it by 、和及与 (行政许可、行政处罚决定共15件)
 * is one item of a list, and the number after it is the whole list's.  After
 * a number (予以公开5件、部分公开2件) the mark only separates two counts. */
static bool listed(const gir_prose_rule *r, const char *s, size_t at)
{
	const char *const *counted = WORDS(r, counted);
	size_t end = trim_end(s, 0, at);
	for (const char *const *m = WORDS(r, list_marks); *m; m++) {
		size_t k = strlen(*m);
		if (end < k || memcmp(s + end - k, *m, k) != 0)
			continue;
		size_t before = trim_end(s, 0, end - k);
		int d;
		size_t dk;
		return before > 0 && !ends_with_any(s, before, counted) &&
		       !gir_cn_digit_at(s, before, before - 1, &d, &dk) &&
		       !(before >= 3 && gir_cn_digit_at(s, before, before - 3, &d, &dk));
	}
	return false;
}

typedef struct occurrence {
	size_t start, end;
	const gir_prose_rule *rule;
} occurrence;

static int by_start(const void *a, const void *b)
{
	const occurrence *x = a, *y = b;
	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	if (x->end != y->end)
		return x->end > y->end ? -1 : 1;
	return x->rule < y->rule ? -1 : x->rule > y->rule;
}

/* Hits in text order; of two on the same number, the one whose phrase is
 * nearer to it. */
static int by_number(const void *a, const void *b)
{
	const gir_prose_hit *x = a, *y = b;
	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return x->phrase > y->phrase ? -1 : x->phrase < y->phrase;
}

static gir_prose_hit *find_rules(const gir_prose_rule *rules, size_t nrules, const char *s,
                                 size_t n, bool literal, size_t *count)
{
	occurrence *occ = NULL;
	size_t nocc = 0, cap = 0, longest = 0;
	for (size_t r = 0; r < nrules; r++)
		for (size_t p = 0; p < rules[r].before.n; p++) {
			const char *w = rules[r].before.items[p];
			size_t wl = strlen(w);
			longest = wl > longest ? wl : longest;
			for (const char *at = s; nocc < MAX_OCCURRENCES &&
			                         (at = find(at, n - (size_t)(at - s), w, wl)) != NULL; at += wl) {
				if (nocc == cap)
					occ = gir_xrealloc(occ, (cap = cap ? cap * 2 : 16) * sizeof *occ);
				occ[nocc++] = (occurrence){(size_t)(at - s), (size_t)(at - s) + wl, &rules[r]};
			}
		}
	if (nocc)
		qsort(occ, nocc, sizeof *occ, by_start);
	gir_prose_hit *hits = gir_xcalloc(nocc + 1, sizeof *hits);
	size_t nh = 0;
	for (size_t i = 0; i < nocc; i++) {
		/* A phrase inside a longer one (予以公开 in 部分予以公开) is that one. */
		bool shadowed = false;
		for (size_t j = i; j > 0 && occ[i].start - occ[j - 1].start < longest && !shadowed; j--)
			shadowed = occ[j - 1].end >= occ[i].end &&
			           occ[j - 1].end - occ[j - 1].start > occ[i].end - occ[i].start;
		gir_prose_hit h;
		if (!shadowed && !listed(occ[i].rule, s, occ[i].start) &&
		    in_context(occ[i].rule, s, n, occ[i].start, literal) &&
		    scan_number(occ[i].rule, s, n, occ[i].end, literal, &h)) {
			h.phrase = occ[i].start;
			hits[nh++] = h;
		}
	}
	free(occ);
	qsort(hits, nh, sizeof *hits, by_number);
	size_t kept = 0;
	for (size_t i = 0; i < nh; i++)
		if (!kept || hits[kept - 1].start != hits[i].start)
			hits[kept++] = hits[i];
	*count = kept;
	return hits;
}

/* Whether the text has a digit, ASCII or full-width: most paragraphs have
 * none, and then no rule need look for its phrases. */
static bool has_digit(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		int d;
		size_t k;
		if (gir_cn_digit_at(s, n, i, &d, &k))
			return true;
	}
	return false;
}

gir_prose_hit *gir_prose_find(const gir_template *t, const char *s, size_t n, bool literal,
                              size_t *count)
{
	if (!has_digit(s, n)) {
		*count = 0;
		return gir_xcalloc(1, sizeof(gir_prose_hit));
	}
	return find_rules(t->prose, t->nprose, s, n, literal, count);
}

/* ---- comparing ---------------------------------------------------------------------- */

static char *cells_label(const gir_report *rep, const gir_prose_rule *r, const gir_cell_ref *refs)
{
	if (r->label)
		return gir_xstrdup(r->label);
	gir_buf b = {0};
	for (size_t i = 0; i < r->npaths; i++) {
		char *l = gir_cell_ref_label(rep, &refs[i], false);
		gir_buf_printf(&b, "%s%s", i ? " + " : "", l);
		free(l);
	}
	return gir_buf_detach(&b);
}

static char *joined_paths(const gir_prose_rule *r)
{
	gir_buf b = {0};
	for (size_t i = 0; i < r->npaths; i++)
		gir_buf_printf(&b, "%s%s", i ? " + " : "", r->paths[i]);
	return gir_buf_detach(&b);
}

/* A note at each cell: where the table's number comes from. */
static void cell_notes(const gir_report *rep, const gir_prose_rule *r, const gir_cell_ref *refs,
                       gir_diags *d)
{
	bool any = false;
	for (size_t i = 0; i < r->npaths; i++)
		any |= refs[i].value.v != 0;
	for (size_t i = 0; i < r->npaths; i++) {
		if (r->npaths > 1 && (any ? refs[i].value.v == 0 : i > 0))
			continue; /* of several cells, those that add something */
		char *label = gir_cell_ref_label(rep, &refs[i], true);
		char num[48];
		gir_value_format(refs[i].value, num, sizeof num);
		gir_pos pos = refs[i].value.pos;
		bool computed = gir_cell_ref_computed(&refs[i]);
		if (!pos.line)
			gir_diag_at(d, rep->file, pos, label, r->paths[i], NULL,
			            GIR_MSG(NOTE, prose_cell_omitted,
			                    "the table gives %s (not written: omitted cells are 0)"), num);
		else if (computed)
			gir_diag_at(d, rep->file, pos, label, r->paths[i], NULL,
			            GIR_MSG(NOTE, prose_cell_computed,
			                    "the table gives %s (computed from the cells written here)"), num);
		else
			gir_diag_at(d, rep->file, pos, label, r->paths[i], NULL,
			            GIR_MSG(NOTE, prose_cell, "the table gives %s"), num);
		free(label);
	}
}

static void report(const gir_report *rep, const gir_prose_hit *h, const gir_cell_ref *refs,
                   gir_value table, gir_value expected, gir_pos at, const char *where,
                   gir_diags *d)
{
	const gir_prose_rule *r = h->rule;
	char said[48], tab[48], exp[48];
	gir_value_format(h->said, said, sizeof said);
	gir_value_format(table, tab, sizeof tab);
	gir_value_format(expected, exp, sizeof exp);
	char *label = cells_label(rep, r, refs), *path = joined_paths(r);
	char *in_unit = h->unit->factor == 1 ? gir_xstrdup("")
	                                     : gir_xasprintf(" (%s%s)", exp, h->unit->text);
	char *hint = r->npaths == 1 && h->unit->factor == 1 && !r->at_most
	                 ? gir_xasprintf(_("write {{%s}}%s in place of the number, and the text will "
	                                   "always say what the table says"), r->paths[0], h->unit->text)
	                 : gir_xstrdup(_("correct the number in the text, or in the table"));
	if (r->at_most)
		gir_diag_at(d, rep->file, at, where, path, hint,
		            GIR_MSG(WARNING, prose_exceeds_table,
		                    "the text says %s%s but %s is %s%s, which should include it"),
		            said, h->unit->text, label, tab, in_unit);
	else
		gir_diag_at(d, rep->file, at, where, path, hint,
		            GIR_MSG(WARNING, prose_differs_from_table,
		                "the text says %s%s but %s is %s%s"),
		            said, h->unit->text, label, tab, in_unit);
	cell_notes(rep, r, refs, d);
	free(label), free(path), free(in_unit), free(hint);
}

void gir_prose_check(const gir_report *rep, const char *s, size_t n, bool literal,
                     gir_pos_fn where, void *ctx, const char *label, gir_diags *d)
{
	size_t count;
	gir_prose_hit *hits = gir_prose_find(rep->tpl, s, n, literal, &count);
	for (size_t i = 0; i < count; i++) {
		const gir_prose_rule *r = hits[i].rule;
		gir_cell_ref refs[8];
		gir_value table = {0};
		bool usable = r->npaths <= GIR_ARRAY_LEN(refs);
		for (size_t k = 0; usable && k < r->npaths; k++) {
			usable = gir_report_resolve(rep, r->paths[k], &refs[k]) &&
			         !rep->sections[refs[k].section->index].incomplete && !refs[k].value.bad;
			if (usable)
				table = gir_value_add(table, refs[k].value);
		}
		/* The cell in the text's unit: 万元 × 10000 for 元. */
		gir_value expected = table;
		if (!usable || table.bad ||
		    __builtin_mul_overflow(table.v, hits[i].unit->factor, &expected.v))
			continue;
		while (hits[i].unit->factor > 1 && expected.scale > 0 && expected.v % 10 == 0)
			expected.v /= 10, expected.scale--; /* 0.0150万元 is 150元, not 150.0000元 */
		int c = gir_value_cmp(hits[i].said, expected);
		if (r->at_most ? c > 0 : c != 0)
			report(rep, &hits[i], refs, table, expected, where(ctx, hits[i].start), label, d);
	}
	free(hits);
}
