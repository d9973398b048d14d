/* gireport import: which edition the tables are written in.  Every cell
 * that could be a label is read once, kept once however often it occurs,
 * and filed under a key that any label it matches has too: the text
 * without white space and ASCII digits (so "2020年…" files with the
 * template's "{year}年…", "3. 规章" with "规章").  A template's labels then
 * look up their own keys instead of every label meeting every cell, which
 * made the choice cost cells × labels × templates. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "import.h"
#include "utf8.h"
#include "util.h"

/* No label of a form is longer (the longest is about 110 bytes); a longer
 * cell is a sentence, never a label. */
#define LABEL_MAX 1024
/* Cells under one key that are looked at for a label.  Real text has a
 * handful; only a made-up input has more ("1规章", "2规章", …), and the
 * score is a vote: past this many, the others do not count. */
#define BUCKET_MAX 64

typedef struct entry {
	char *key;
	size_t val;
} entry;

/* A string → index table, open addressing. */
typedef struct strtab {
	entry *e;
	size_t cap, n;
} strtab;

typedef struct cand {
	char *raw, *norm;
} cand;

typedef struct bucket {
	size_t *c;
	size_t n;
} bucket;

struct imp_labels {
	strtab seen;     /* raw cell → index in cands */
	strtab keys;     /* key → index in buckets */
	cand *cands;
	size_t ncands;
	bucket *buckets;
	size_t nbuckets;
};

static uint64_t hash(const char *s)
{
	uint64_t h = 1469598103934665603u;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211u;
	return h;
}

static void tab_grow(strtab *t);

/* The index filed under key; when there is none, `val` is filed under key
 * (a malloc'd string the table then holds) and *added set. */
static size_t tab_get(strtab *t, char *key, size_t val, bool *added)
{
	if (2 * (t->n + 1) > t->cap)
		tab_grow(t);
	size_t i = (size_t)hash(key) & (t->cap - 1);
	for (; t->e[i].key; i = (i + 1) & (t->cap - 1))
		if (strcmp(t->e[i].key, key) == 0) {
			*added = false;
			return t->e[i].val;
		}
	t->e[i] = (entry){key, val};
	t->n++;
	*added = true;
	return val;
}

static size_t tab_find(const strtab *t, const char *key)
{
	if (!t->cap)
		return SIZE_MAX;
	for (size_t i = (size_t)hash(key) & (t->cap - 1); t->e[i].key; i = (i + 1) & (t->cap - 1))
		if (strcmp(t->e[i].key, key) == 0)
			return t->e[i].val;
	return SIZE_MAX;
}

static void tab_grow(strtab *t)
{
	strtab n = {gir_xcalloc(t->cap ? 2 * t->cap : 64, sizeof *n.e), t->cap ? 2 * t->cap : 64, 0};
	for (size_t i = 0; i < t->cap; i++)
		if (t->e[i].key) {
			size_t j = (size_t)hash(t->e[i].key) & (n.cap - 1);
			while (n.e[j].key)
				j = (j + 1) & (n.cap - 1);
			n.e[j] = t->e[i];
			n.n++;
		}
	free(t->e);
	*t = n;
}

static void tab_free(strtab *t, bool keys)
{
	for (size_t i = 0; keys && i < t->cap; i++)
		free(t->e[i].key);
	free(t->e);
}

/* The key: s without the white space gir_same_key skips, ASCII digits and
 * "{year}". */
static char *key_of(const char *s)
{
	gir_buf b = {0};
	while (*s) {
		if (*s == ' ' || *s == '\t' || (*s >= '0' && *s <= '9'))
			s++;
		else if (strncmp(s, "\xE3\x80\x80", 3) == 0)
			s += 3;
		else if (strncmp(s, "{year}", 6) == 0)
			s += 6;
		else
			gir_buf_putc(&b, *s++);
	}
	return imp_detach(&b);
}

static void file_under(imp_labels *L, const char *text, size_t c)
{
	char *k = key_of(text);
	bool added;
	size_t b = tab_get(&L->keys, k, L->nbuckets, &added);
	if (added) {
		IMP_GROW(L->buckets, L->nbuckets);
		L->buckets[L->nbuckets++] = (bucket){NULL, 0};
	} else {
		free(k);
	}
	bucket *bk = &L->buckets[b];
	for (size_t i = 0; i < bk->n; i++)
		if (bk->c[i] == c)
			return;
	if (bk->n < BUCKET_MAX) {
		IMP_GROW(bk->c, bk->n);
		bk->c[bk->n++] = c;
	}
}

/* A Markdown heading's text: "## 二、工作机制保障" without its "## ". */
static const char *without_hashes(const char *s)
{
	const char *p = s;
	while (*p == '#')
		p++;
	if (p == s || *p != ' ')
		return s;
	while (*p == ' ')
		p++;
	return p;
}

/* A cell the labels may name, filed under the keys of the forms
 * gir_axis_matches compares: as written and normalised, each whole and
 * without its numbering. */
static void add_candidate(imp_labels *L, const char *text)
{
	bool added;
	if (!*text || strlen(text) > LABEL_MAX)
		return;
	char *raw = gir_xstrdup(text);
	size_t c = tab_get(&L->seen, raw, L->ncands, &added);
	if (!added) {
		free(raw);
		return;
	}
	IMP_GROW(L->cands, L->ncands);
	L->cands[L->ncands++] = (cand){raw, imp_normalize(text)};
	const char *forms[] = {text, gir_skip_numbering(text), L->cands[c].norm,
	                       gir_skip_numbering(L->cands[c].norm), without_hashes(text)};
	for (size_t i = 0; i < GIR_ARRAY_LEN(forms); i++)
		file_under(L, forms[i], c);
}

imp_labels *imp_labels_new(void)
{
	return gir_xcalloc(1, sizeof(imp_labels));
}

/* The words before the values that end a line of text, parted by spaces
 * ("行政许可 97", "1.申请人逾期… 0 0 0 0 0 0 0"): a row whose cells a PDF's
 * or an archive's text did not keep apart, whose label the table reader
 * takes so (spaced_row in import_table.c).  malloc'd, or NULL. */
static char *spaced_label(const char *t)
{
	size_t i = 0, label_end = 0;
	bool values = false;
	while (t[i]) {
		size_t at = i;
		while (t[i] && !imp_word_gap(t + i))
			i++;
		char *w = gir_xstrndup(t + at, i - at);
		if (imp_is_value(w))
			values = true;
		else
			label_end = i, values = false;
		free(w);
		i += imp_word_gap(t + i);
	}
	return values && label_end ? gir_xstrndup(t, label_end) : NULL;
}

/* A label a PDF's text breaks over lines of their own ("1.申请人无正当理由逾",
 * "期不补正、行政机关不", …; 上海市科委 2024): the lines from i on joined,
 * two to LABEL_LINES of them, each a candidate.  The table reader joins
 * them so where they name a row; the score must see them too, or the
 * labels a local layout leaves out look missing from a report that has
 * them (gov-2021-other-row's 1.–3. of （六）其他处理). */
#define LABEL_LINES 4
#define JOINED_MAX 256 /* bytes: the longest label of a form is about 120 */
static void add_broken(imp_labels *L, const imp_row *rows, size_t n, size_t i)
{
	gir_buf b = {0};
	gir_buf_puts(&b, rows[i].cells[0].text);
	for (size_t k = i + 1; k < n && k < i + LABEL_LINES && rows[k].n == 1; k++) {
		gir_buf_puts(&b, rows[k].cells[0].text);
		if (b.len > JOINED_MAX)
			break;
		char *t = gir_xstrndup(b.ptr, b.len);
		if (tab_find(&L->seen, t) == SIZE_MAX && imp_could_be_label(t))
			add_candidate(L, t);
		free(t);
	}
	gir_buf_free(&b);
}

void imp_labels_add(imp_labels *L, const imp_row *rows, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (rows[i].n == 1 && strlen(rows[i].cells[0].text) < LABEL_MAX) {
			char *l = spaced_label(rows[i].cells[0].text);
			if (l && tab_find(&L->seen, l) == SIZE_MAX && imp_could_be_label(l))
				add_candidate(L, l);
			free(l);
			add_broken(L, rows, n, i);
		}
		for (size_t k = 0; k < rows[i].n; k++) {
			const char *t = rows[i].cells[k].text;
			if (tab_find(&L->seen, t) == SIZE_MAX && imp_could_be_label(t))
				add_candidate(L, t);
		}
		/* the line "label：value" */
		if (rows[i].n == 1 && (strchr(rows[i].cells[0].text, ':') ||
		                       strstr(rows[i].cells[0].text, "\xEF\xBC\x9A"))) {
			char *l = imp_line_label(&rows[i]);
			if (l)
				add_candidate(L, l);
			free(l);
		}
	}
}

void imp_labels_free(imp_labels *L)
{
	if (!L)
		return;
	for (size_t i = 0; i < L->ncands; i++)
		free(L->cands[i].raw), free(L->cands[i].norm);
	free(L->cands);
	for (size_t i = 0; i < L->nbuckets; i++)
		free(L->buckets[i].c);
	free(L->buckets);
	tab_free(&L->seen, false); /* its keys are the candidates' raw text */
	tab_free(&L->keys, true);
	free(L);
}

/* Whether a cell filed under name's key matches the node. */
static bool found_by(const gir_axis *a, const imp_labels *L, const char *name)
{
	if (!name)
		return false;
	char *k = key_of(name);
	size_t b = tab_find(&L->keys, k);
	free(k);
	if (b == SIZE_MAX)
		return false;
	for (size_t i = 0; i < L->buckets[b].n; i++) {
		const cand *c = &L->cands[L->buckets[b].c[i]];
		if (gir_axis_matches(a, c->norm) || gir_axis_matches(a, c->raw))
			return true;
	}
	return false;
}

static bool node_found(const gir_axis *a, const imp_labels *L)
{
	if (found_by(a, L, a->id) || found_by(a, L, a->label) || found_by(a, L, a->bare_label))
		return true;
	for (size_t i = 0; i < a->naliases; i++)
		if (found_by(a, L, a->aliases[i]))
			return true;
	return false;
}

/* The labels of a tree found, its root left out as imp_labels_count
 * leaves it out: the root's label is "", which an empty cell of the text
 * matches, and each block would count one for it (a local layout that
 * appends a block, gov-2019-lvyuan, one more than its national form:
 * tests/real/fj-sanming-2019 was read as 绿园区's). */
static int score_tree(const gir_axis *a, const imp_labels *L)
{
	int s = a->parent && a->label && node_found(a, L);
	for (size_t i = 0; i < a->nchildren; i++)
		s += score_tree(a->children[i], L);
	return s;
}

/* Whether a cell is a section's heading as the template numbers it ("三、主动
 * 公开政府信息情况" is not gov-2021's 二): the outline of a local layout
 * (gov-2021-outline) counts, where the tables' labels are all alike. */
static bool heading_by(const imp_labels *L, const char *heading)
{
	char *k = key_of(heading);
	size_t b = tab_find(&L->keys, k);
	free(k);
	for (size_t i = 0; b != SIZE_MAX && i < L->buckets[b].n; i++) {
		const cand *c = &L->cands[L->buckets[b].c[i]];
		if (gir_same_key(without_hashes(c->raw), heading) || gir_same_key(c->norm, heading))
			return true;
	}
	return false;
}

bool imp_heading_found(const gir_section *s, const imp_labels *L)
{
	if (heading_by(L, s->heading))
		return true;
	for (size_t i = 0; i < s->naliases; i++)
		if (heading_by(L, s->aliases[i]))
			return true;
	return false;
}

int imp_labels_score(const gir_template *t, const imp_labels *L)
{
	int score = 0;
	for (size_t i = 0; i < t->nsections; i++)
		score += imp_heading_found(t->sections[i], L);
	for (size_t i = 0; i < t->nsections; i++)
		for (size_t b = 0; b < t->sections[i]->nblocks; b++) {
			const gir_block *k = t->sections[i]->blocks[b];
			score += score_tree(&k->rows, L);
			if (k->layout != GIR_LAYOUT_LINE) /* a sentence prints no column header */
				score += score_tree(&k->cols, L);
		}
	return score;
}

static int count_tree(const gir_axis *a)
{
	int n = a->parent && a->label; /* the root is no label */
	for (size_t i = 0; i < a->nchildren; i++)
		n += count_tree(a->children[i]);
	return n;
}

int imp_labels_count(const gir_template *t)
{
	int n = (int)t->nsections; /* the headings */
	for (size_t i = 0; i < t->nsections; i++)
		for (size_t b = 0; b < t->sections[i]->nblocks; b++) {
			const gir_block *k = t->sections[i]->blocks[b];
			n += count_tree(&k->rows);
			if (k->layout != GIR_LAYOUT_LINE)
				n += count_tree(&k->cols);
		}
	return n;
}

/* The nodes below a found in the text by their whole label (numbered:
 * `3.其他`, not a cell `其他` of another table's header) that root (the
 * same block of another layout) has no node for. */
static int lacking_tree(const gir_axis *a, const gir_axis *root, const imp_labels *L)
{
	int n = 0;
	if (a->parent && a->label && found_by(a, L, a->label)) {
		char *path = gir_axis_path(a);
		n = !gir_axis_find_path(root, path);
		free(path);
	}
	for (size_t i = 0; i < a->nchildren; i++)
		n += lacking_tree(a->children[i], root, L);
	return n;
}

int imp_labels_lacking(const gir_template *t, const gir_template *other, const imp_labels *L)
{
	int n = 0;
	for (size_t i = 0; i < other->nsections; i++) {
		const gir_section *o = other->sections[i];
		const gir_section *s = gir_template_section(t, o->id);
		for (size_t b = 0; s && b < o->nblocks && b < s->nblocks; b++)
			n += lacking_tree(&o->blocks[b]->rows, &s->blocks[b]->rows, L);
	}
	return n;
}

int imp_score(const gir_template *t, const imp_row *rows, size_t n)
{
	imp_labels *L = imp_labels_new();
	imp_labels_add(L, rows, n);
	int s = imp_labels_score(t, L);
	imp_labels_free(L);
	return s;
}

/* ---- how alike two labels are ------------------------------------------------ */

#define SIM_MAX 160 /* characters compared: a label is shorter */

/* The code points of a label without its numbering, white space and ASCII
 * punctuation read as full-width (imp_normalize). */
static size_t label_chars(const char *s, uint32_t *cp, size_t cap)
{
	char *n = imp_normalize(s);
	const char *p = gir_skip_numbering(n), *end = p + strlen(p);
	size_t k = 0;
	while (p < end && k < cap) {
		size_t len = gir_utf8_decode(p, (size_t)(end - p), &cp[k]);
		p += len ? len : 1;
		k++;
	}
	free(n);
	return k;
}

double imp_similarity(const char *a, const char *b)
{
	uint32_t x[SIM_MAX], y[SIM_MAX];
	size_t nx = label_chars(a, x, SIM_MAX), ny = label_chars(b, y, SIM_MAX);
	if (nx < 2 || ny < 2)
		return nx == ny && nx && x[0] == y[0] ? 1.0 : 0.0;
	bool used[SIM_MAX] = {false};
	size_t common = 0;
	for (size_t i = 0; i + 1 < nx; i++)
		for (size_t j = 0; j + 1 < ny; j++)
			if (!used[j] && x[i] == y[j] && x[i + 1] == y[j + 1]) {
				used[j] = true;
				common++;
				break;
			}
	return 2.0 * (double)common / (double)(nx - 1 + ny - 1);
}

double imp_label_similarity(const gir_axis *a, const char *cell)
{
	double best = a->label ? imp_similarity(a->label, cell) : 0;
	for (size_t i = 0; i < a->naliases; i++) {
		double s = imp_similarity(a->aliases[i], cell);
		best = s > best ? s : best;
	}
	return best;
}
