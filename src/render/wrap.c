/* Greedy line breaking with 禁则 (line-start and line-end prohibitions). */
#include <stdlib.h>
#include <string.h>

#include "utf8.h"
#include "util.h"
#include "wrap.h"

static int in_set(uint32_t cp, const char *set)
{
	char buf[5] = {0};
	gir_utf8_encode(cp, buf);
	return strstr(set, buf) != NULL;
}

/* Every character of both sets is punctuation: 汉字, letters and digits,
 * the bulk of any text, are answered without a look at the sets. */
static int maybe_punct(uint32_t cp)
{
	return cp < 0x80 ? !((cp >= '0' && cp <= '9') || (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z'))
	                 : !(cp >= 0x3400 && cp <= 0x9FFF);
}

int gir_no_line_start(uint32_t cp)
{
	return maybe_punct(cp) && in_set(cp, "，。、；：？！）」』”’》〉】〕…—％‰·,.;:?!)]}%") ;
}

int gir_no_line_end(uint32_t cp)
{
	return maybe_punct(cp) && in_set(cp, "（「『“‘《〈【〔([{");
}

static int is_word_char(uint32_t cp)
{
	return (cp >= '0' && cp <= '9') || (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z') ||
	       cp == '.' || cp == '-' || cp == '/' || cp == '_' || cp == '%';
}

double gir_measure_cells(void *ctx, uint32_t cp)
{
	(void)ctx;
	return gir_cp_width(cp);
}

typedef struct cp_info {
	uint32_t cp;
	size_t off, len;
	double w;
} cp_info;

/* May a line break fall before character i? */
static int can_break_before(const cp_info *c, size_t i)
{
	if (i == 0)
		return 0;
	if (gir_no_line_start(c[i].cp) || gir_no_line_end(c[i - 1].cp))
		return 0;
	if (is_word_char(c[i].cp) && is_word_char(c[i - 1].cp))
		return 0;
	return 1;
}

static size_t decode(const char *text, gir_measure_fn measure, void *ctx, cp_info **out)
{
	size_t len = strlen(text), n = 0;
	cp_info *c = gir_xcalloc(len + 1, sizeof *c);
	for (size_t i = 0; i < len;) {
		size_t k = gir_utf8_decode(text + i, len - i, &c[n].cp);
		k = k ? k : 1;
		c[n].off = i, c[n].len = k, c[n].w = measure(ctx, c[n].cp);
		i += k, n++;
	}
	*out = c;
	return n;
}

/* Greedy lines of c[0..n): a break before i where cls[i] >= min (every
 * break 禁则 allows when cls is NULL).  *forced is set when a line had no
 * such break and was cut where it overflows. */
static size_t wrap_cps(const cp_info *c, size_t n, double first, double rest,
                       const unsigned char *cls, int min, gir_span **lines, int *forced)
{
	gir_ptrvec out = {0};
	size_t start = 0;
	*forced = 0;
	while (start < n) {
		double limit = out.len == 0 ? first : rest, w = 0;
		size_t end = start;
		while (end < n && w + c[end].w <= limit + 1e-9)
			w += c[end++].w;
		if (end < n) {
			/* Back up to the last allowed break; if there is none on the line,
			 * break where it overflows rather than overrun the cell. */
			size_t b = end;
			while (b > start && !(cls ? cls[b] >= min : can_break_before(c, b)))
				b--;
			if (b > start) {
				end = b;
			} else {
				*forced = 1;
				if (end == start)
					end = start + 1;
			}
		}
		/* A space at a break belongs to neither line. */
		size_t vis_end = end;
		while (vis_end > start && c[vis_end - 1].cp == ' ')
			vis_end--;
		gir_span *s = gir_xmalloc(sizeof *s);
		s->start = c[start].off;
		s->end = vis_end > start ? c[vis_end - 1].off + c[vis_end - 1].len : c[start].off;
		gir_ptrvec_push(&out, s);
		start = end;
		while (start < n && c[start].cp == ' ')
			start++;
	}
	*lines = gir_xcalloc(out.len + 1, sizeof(gir_span));
	for (size_t i = 0; i < out.len; i++) {
		(*lines)[i] = *(gir_span *)out.items[i];
		free(out.items[i]);
	}
	size_t count = out.len;
	gir_ptrvec_free(&out);
	return count;
}

size_t gir_wrap(const char *text, double first, double rest, gir_measure_fn measure, void *ctx,
                gir_span **lines)
{
	cp_info *c;
	size_t n = decode(text, measure, ctx, &c);
	int forced;
	size_t count = wrap_cps(c, n, first, rest, NULL, 0, lines, &forced);
	free(c);
	return count;
}

size_t gir_wrap_balanced(const char *text, double width, double step, gir_measure_fn measure,
                         void *ctx, gir_span **lines)
{
	size_t n = gir_wrap(text, width, width, measure, ctx, lines);
	if (n < 2)
		return n;
	/* Binary search over widths in whole steps for the narrowest with n lines. */
	long lo = 1, hi = (long)(width / step);
	while (lo < hi) {
		long mid = (lo + hi) / 2;
		gir_span *probe;
		size_t k = gir_wrap(text, (double)mid * step, (double)mid * step, measure, ctx, &probe);
		free(probe);
		if (k <= n)
			hi = mid;
		else
			lo = mid + 1;
	}
	free(*lines);
	return gir_wrap(text, (double)hi * step, (double)hi * step, measure, ctx, lines);
}

/* ---- labels and headers: breaks between words ---------------------------------- */

enum { BRK_NEVER, BRK_INSIDE, BRK_WORD, BRK_AFTER_MARK };

static int is_han(uint32_t cp)
{
	return (cp >= 0x3400 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF);
}

/* strncmp of one character, inline: it runs for every 汉字 of every label. */
static int prefix_cmp(const char *a, const char *b, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (a[i] != b[i])
			return (unsigned char)a[i] < (unsigned char)b[i] ? -1 : 1;
	return 0;
}

/* When the phrase (with '|' at its word boundaries) starts at character i,
 * each boundary becomes a break between words. */
static void mark_words(const char *text, const cp_info *c, size_t n, size_t i, const char *phrase,
                       unsigned char *cls)
{
	size_t at = c[i].off, k = i;
	size_t bars[16], nbars = 0;
	for (const char *p = phrase; *p; p++) {
		if (*p == '|') {
			while (k < n && c[k].off < at)
				k++;
			if (nbars < 16)
				bars[nbars++] = k;
		} else if (text[at++] != *p) {
			return;
		}
	}
	for (size_t b = 0; b < nbars; b++)
		if (bars[b] > 0 && bars[b] < n && c[bars[b]].off < at && cls[bars[b]] < BRK_WORD &&
		    can_break_before(c, bars[b]))
			cls[bars[b]] = BRK_WORD;
}

/* Break classes before each character of a label: after 、，；：）, a space
 * or a numbering ("1.") the best; where a rule of the template's
 * label_breaks ("本年度|办理结果") marks one, between words; inside a run
 * of 汉字 leaving two of them on each side only when nothing else fits; and
 * never where 禁则 forbids or inside a number. */
static unsigned char *label_classes(const char *text, const cp_info *c, size_t n,
                                    const char *const *marks, size_t nmarks)
{
	unsigned char *cls = gir_xcalloc(n + 1, 1);
	size_t run = 0; /* 汉字 in a row up to and including character i - 1 */
	for (size_t i = 1; i < n; i++) {
		run = is_han(c[i - 1].cp) ? run + 1 : 0;
		if (!can_break_before(c, i))
			continue;
		uint32_t a = c[i - 1].cp, b = c[i].cp;
		if ((maybe_punct(a) && in_set(a, "、，；：）")) || a == ' ' || (a == '.' && i >= 2 && c[i - 2].cp >= '0' && c[i - 2].cp <= '9')) {
			cls[i] = BRK_AFTER_MARK;
		} else if (run && is_han(b)) {
			cls[i] = run >= 2 && i + 1 < n && is_han(c[i + 1].cp) ? BRK_INSIDE : BRK_NEVER;
		} else {
			cls[i] = BRK_WORD;
		}
	}
	/* The template's word boundaries: "商业|企业" anywhere in the label,
	 * matched in place (a label is short, the list a few dozen phrases). */
	for (size_t i = 0; i + 1 < n; i++) {
		if (!is_han(c[i].cp))
			continue;
		/* marks are sorted (template.c): those starting with this character */
		const char *ch = text + c[i].off;
		size_t lo = 0, hi = nmarks;
		while (lo < hi) {
			size_t mid = (lo + hi) / 2;
			if (prefix_cmp(marks[mid], ch, c[i].len) < 0)
				lo = mid + 1;
			else
				hi = mid;
		}
		for (size_t m = lo; m < nmarks && prefix_cmp(marks[m], ch, c[i].len) == 0; m++)
			mark_words(text, c, n, i, marks[m], cls);
	}
	return cls;
}

/* Lines at width w with breaks of class >= min; balanced: the narrowest
 * width in steps that takes no more lines. */
static size_t wrap_at(const cp_info *c, size_t n, double width, double step,
                      const unsigned char *cls, int min, gir_span **lines, int *forced)
{
	size_t k = wrap_cps(c, n, width, width, cls, min, lines, forced);
	if (k < 2 || *forced)
		return k;
	long lo = 1, hi = (long)(width / step);
	while (lo < hi) {
		long mid = (lo + hi) / 2;
		gir_span *probe;
		int f;
		size_t m = wrap_cps(c, n, (double)mid * step, (double)mid * step, cls, min, &probe, &f);
		free(probe);
		if (m <= k && !f)
			hi = mid;
		else
			lo = mid + 1;
	}
	free(*lines);
	return wrap_cps(c, n, (double)hi * step, (double)hi * step, cls, min, lines, forced);
}

/* The classes of a label, from *memo when it holds them (then kept there). */
static unsigned char *classes_of(const char *text, const cp_info *c, size_t n,
                                 const char *const *marks, size_t nmarks, unsigned char **memo)
{
	unsigned char *cls = memo ? *memo : NULL;
	if (!cls) {
		cls = label_classes(text, c, n, marks, nmarks);
		if (memo)
			*memo = cls;
	}
	return cls;
}

size_t gir_wrap_label(const char *text, double width, double step, gir_measure_fn measure,
                      void *ctx, const char *const *marks, size_t nmarks, unsigned char **memo,
                      gir_span **lines)
{
	cp_info *c;
	size_t n = decode(text, measure, ctx, &c);
	unsigned char *cls = classes_of(text, c, n, marks, nmarks, memo);
	size_t k = 0;
	int forced = 1;
	for (int min = BRK_WORD; forced && min >= BRK_INSIDE; min--) {
		if (min < BRK_WORD)
			free(*lines);
		k = wrap_at(c, n, width, step, cls, min, lines, &forced);
	}
	if (forced) { /* no word fits: as any text, cut where it must */
		free(*lines);
		k = wrap_at(c, n, width, step, NULL, 0, lines, &forced);
	}
	if (!memo)
		free(cls);
	free(c);
	return k;
}

double gir_label_min_width(const char *text, gir_measure_fn measure, void *ctx,
                           const char *const *marks, size_t nmarks, unsigned char **memo)
{
	cp_info *c;
	size_t n = decode(text, measure, ctx, &c);
	unsigned char *cls = classes_of(text, c, n, marks, nmarks, memo);
	/* Words between word breaks; one of more than four characters (a
	 * phrase the template has not marked) counts by its pieces of two. */
	double widest = 0, w = 0, pw = 0, piece = 0;
	size_t chars = 0;
	for (size_t i = 0; i <= n; i++) {
		if (i == n || cls[i] >= BRK_INSIDE) {
			piece = pw > piece ? pw : piece;
			pw = 0;
		}
		if (i == n || cls[i] >= BRK_WORD) {
			double word = chars > 4 ? piece : w;
			widest = word > widest ? word : widest;
			w = piece = 0, chars = 0;
		}
		if (i < n)
			w += c[i].w, pw += c[i].w, chars++;
	}
	if (!memo)
		free(cls);
	free(c);
	return widest;
}

size_t gir_label_word_breaks(const char *text, const char *const *marks, size_t nmarks,
                             size_t **offs)
{
	cp_info *c;
	size_t n = decode(text, gir_measure_cells, NULL, &c), k = 0;
	unsigned char *cls = label_classes(text, c, n, marks, nmarks);
	*offs = gir_xcalloc(n + 1, sizeof(size_t));
	for (size_t i = 1; i < n; i++)
		if (cls[i] >= BRK_WORD)
			(*offs)[k++] = c[i].off;
	free(cls);
	free(c);
	return k;
}
