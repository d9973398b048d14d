/* Suggestions for mistyped keys. */
#include <stdlib.h>
#include <string.h>

#include "suggest.h"
#include "utf8.h"
#include "util.h"

#define MAX_CP 64

struct gir_suggest {
	char *key;
	int best;          /* distance of the best candidate so far */
	char *id, *label;  /* the best candidate */
	char *forced;
	gir_buf all;       /* every candidate, for gir_suggest_list */
	int nall;
};

static size_t to_cps(const char *s, uint32_t *out)
{
	size_t n = 0, len = strlen(s), i = 0;
	while (i < len && n < MAX_CP) {
		size_t k = gir_utf8_decode(s + i, len - i, &out[n]);
		i += k ? k : 1;
		/* Case and full-width/half-width differences are not typos. */
		if (out[n] >= 0xFF01 && out[n] <= 0xFF5E)
			out[n] -= 0xFEE0;
		if (out[n] >= 'A' && out[n] <= 'Z')
			out[n] += 32;
		n++;
	}
	return n;
}

int gir_edit_distance(const char *a, const char *b)
{
	uint32_t x[MAX_CP], y[MAX_CP];
	size_t n = to_cps(a, x), m = to_cps(b, y);
	int prev[MAX_CP + 1] = {0}, cur[MAX_CP + 1] = {0};
	for (size_t j = 0; j <= m; j++)
		prev[j] = (int)j;
	for (size_t i = 1; i <= n; i++) {
		cur[0] = (int)i;
		for (size_t j = 1; j <= m; j++) {
			int sub = prev[j - 1] + (x[i - 1] != y[j - 1]);
			int del = prev[j] + 1, ins = cur[j - 1] + 1;
			cur[j] = sub < del ? (sub < ins ? sub : ins) : (del < ins ? del : ins);
		}
		memcpy(prev, cur, sizeof(int) * (m + 1));
	}
	return prev[m];
}

gir_suggest *gir_suggest_new(const char *key)
{
	gir_suggest *s = gir_xcalloc(1, sizeof *s);
	s->key = gir_xstrdup(key);
	s->best = 1 << 20;
	return s;
}

/* Close enough to be a typo: at most a third of the longer name differs, or
 * one name contains the other (规章 / 规章数量). */
static int score(const char *key, const char *cand)
{
	if (!cand || !*cand)
		return 1 << 20;
	int d = gir_edit_distance(key, cand);
	int lk = (int)gir_utf8_count(key, strlen(key)), lc = (int)gir_utf8_count(cand, strlen(cand));
	int longer = lk > lc ? lk : lc;
	if (d <= 3 && d * 3 <= longer)
		return d;
	if (lk >= 2 && lc >= 2 && (strstr(cand, key) || strstr(key, cand)))
		return 4;
	return 1 << 20;
}

void gir_suggest_add(gir_suggest *s, const char *id, const char *label)
{
	if (s->nall < 16) {
		gir_buf_printf(&s->all, "%s%s", s->nall ? ", " : "", id ? id : label);
		if (id && label)
			gir_buf_printf(&s->all, " (%s)", label);
	} else if (s->nall == 16) {
		gir_buf_puts(&s->all, ", …");
	}
	s->nall++;
	int d = score(s->key, id), dl = score(s->key, label);
	if (dl < d)
		d = dl;
	if (d >= s->best)
		return;
	s->best = d;
	free(s->id);
	free(s->label);
	s->id = id ? gir_xstrdup(id) : NULL;
	s->label = label ? gir_xstrdup(label) : NULL;
}

void gir_suggest_force(gir_suggest *s, char *hint)
{
	free(s->forced);
	s->forced = hint;
}

char *gir_suggest_hint(const gir_suggest *s)
{
	if (s->forced)
		return gir_xstrdup(s->forced);
	if (s->best >= (1 << 20))
		return NULL;
	if (s->id && s->label)
		return gir_xasprintf("did you mean %s (%s)?", s->id, s->label);
	return gir_xasprintf("did you mean %s?", s->id ? s->id : s->label);
}

char *gir_suggest_list(const gir_suggest *s)
{
	if (!s->nall)
		return NULL;
	return gir_xasprintf("the keys here are: %s", s->all.ptr);
}

void gir_suggest_free(gir_suggest *s)
{
	if (!s)
		return;
	gir_buf_free(&s->all);
	free(s->key);
	free(s->id);
	free(s->label);
	free(s->forced);
	free(s);
}
