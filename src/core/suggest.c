/* Suggestions for mistyped keys. */
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "suggest.h"
#include "utf8.h"
#include "util.h"

#define MAX_CP 64

struct gir_suggest {
	char *key;
	gir_ptrvec ids, labels;  /* candidates, scored only when a hint is asked for */
	char *forced;
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

/* Candidates are only remembered here: scoring them costs an edit distance
 * each, worth paying only for a diagnostic that will be shown. */
void gir_suggest_add(gir_suggest *s, const char *id, const char *label)
{
	gir_ptrvec_push(&s->ids, id ? gir_xstrdup(id) : NULL);
	gir_ptrvec_push(&s->labels, label ? gir_xstrdup(label) : NULL);
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
	int best = 1 << 20;
	size_t at = 0;
	for (size_t i = 0; i < s->ids.len; i++) {
		int d = score(s->key, s->ids.items[i]), dl = score(s->key, s->labels.items[i]);
		if (dl < d)
			d = dl;
		if (d < best)
			best = d, at = i;
	}
	if (best >= (1 << 20))
		return NULL;
	const char *id = s->ids.items[at], *label = s->labels.items[at];
	if (id && label)
		return gir_xasprintf(_("did you mean %s (%s)?"), id, label);
	return gir_xasprintf(_("did you mean %s?"), id ? id : label);
}

char *gir_suggest_list(const gir_suggest *s)
{
	if (!s->ids.len)
		return NULL;
	gir_buf b = {0};
	gir_buf_puts(&b, _("the keys here are: "));
	for (size_t i = 0; i < s->ids.len && i < 16; i++) {
		const char *id = s->ids.items[i], *label = s->labels.items[i];
		gir_buf_printf(&b, "%s%s", i ? ", " : "", id ? id : label);
		if (id && label)
			gir_buf_printf(&b, " (%s)", label);
	}
	if (s->ids.len > 16)
		gir_buf_puts(&b, ", …");
	return gir_buf_detach(&b);
}

void gir_suggest_free(gir_suggest *s)
{
	if (!s)
		return;
	for (size_t i = 0; i < s->ids.len; i++) {
		free(s->ids.items[i]);
		free(s->labels.items[i]);
	}
	gir_ptrvec_free(&s->ids);
	gir_ptrvec_free(&s->labels);
	free(s->key);
	free(s->forced);
	free(s);
}
