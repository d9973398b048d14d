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

int gir_no_line_start(uint32_t cp)
{
	return in_set(cp, "，。、；：？！）」』”’》〉】〕…—％‰·,.;:?!)]}%") ;
}

int gir_no_line_end(uint32_t cp)
{
	return in_set(cp, "（「『“‘《〈【〔([{");
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

size_t gir_wrap(const char *text, double first, double rest, gir_measure_fn measure, void *ctx,
                gir_span **lines)
{
	size_t len = strlen(text), n = 0;
	cp_info *c = gir_xcalloc(len + 1, sizeof *c);
	for (size_t i = 0; i < len;) {
		size_t k = gir_utf8_decode(text + i, len - i, &c[n].cp);
		k = k ? k : 1;
		c[n].off = i, c[n].len = k, c[n].w = measure(ctx, c[n].cp);
		i += k, n++;
	}
	gir_ptrvec out = {0};
	size_t start = 0;
	while (start < n) {
		double limit = out.len == 0 ? first : rest, w = 0;
		size_t end = start;
		while (end < n && w + c[end].w <= limit + 1e-9)
			w += c[end++].w;
		if (end < n) {
			/* Back up to the last allowed break; if there is none on the line,
			 * break where it overflows rather than overrun the cell. */
			size_t b = end;
			while (b > start && !can_break_before(c, b))
				b--;
			if (b > start)
				end = b;
			else if (end == start)
				end = start + 1;
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
