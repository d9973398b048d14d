/* Paragraph splitting and joining for narrative sections. */
#include <stdlib.h>
#include <string.h>

#include "cn.h"
#include "narrative.h"
#include "placeholder.h"
#include "utf8.h"
#include "util.h"

static bool is_space_at(const char *s, size_t n, size_t *k)
{
	if (n >= 1 && (s[0] == ' ' || s[0] == '\t' || s[0] == '\r')) {
		*k = 1;
		return true;
	}
	if (n >= 3 && memcmp(s, "\xE3\x80\x80", 3) == 0) { /* U+3000 */
		*k = 3;
		return true;
	}
	if (n >= 2 && memcmp(s, "\xC2\xA0", 2) == 0) { /* no-break space from Word */
		*k = 2;
		return true;
	}
	return false;
}

/* Chinese text counts its curly quotes as part of the text: a space beside
 * one (“三安全一稳定” 工作) is a folded line break, not a word space. */
static int cjk_width(uint32_t cp)
{
	if (cp == 0x2018 || cp == 0x2019 || cp == 0x201C || cp == 0x201D)
		return 2;
	return gir_cp_width(cp);
}

/* Width of the code point ending just before s[end]. */
static int width_before(const char *s, size_t end)
{
	if (end == 0)
		return 0;
	size_t i = gir_utf8_char_start(s, end - 1);
	uint32_t cp;
	if (!gir_utf8_decode(s + i, end - i, &cp))
		return 1;
	return cjk_width(cp);
}

static int width_at(const char *s, size_t n)
{
	uint32_t cp;
	if (!n || !gir_utf8_decode(s, n, &cp))
		return 0;
	return cjk_width(cp);
}

char *gir_tidy_paragraph(const char *s, size_t n)
{
	size_t k;
	while (n > 0 && is_space_at(s, n, &k))
		s += k, n -= k;
	gir_buf b = {0};
	size_t i = 0;
	while (i < n) {
		if (is_space_at(s + i, n - i, &k)) {
			size_t j = i;
			while (j < n && is_space_at(s + j, n - j, &k))
				j += k;
			/* Keep one space between words, none at the end or between CJK. */
			if (j < n && !(width_before(b.ptr ? b.ptr : "", b.len) == 2 &&
			               width_at(s + j, n - j) == 2))
				gir_buf_putc(&b, ' ');
			i = j;
			continue;
		}
		size_t j = i + 1; /* copy the run up to the next space at once */
		while (j < n && !is_space_at(s + j, n - j, &k))
			j++;
		gir_buf_put(&b, s + i, j - i);
		i = j;
	}
	return gir_buf_detach(&b);
}

static void push_para(gir_narrative *nar, bool heading, char *text, gir_pos pos)
{
	if (nar->n == nar->cap) {
		nar->cap = nar->cap ? nar->cap * 2 : 8;
		nar->paras = gir_xrealloc(nar->paras, nar->cap * sizeof(gir_para));
	}
	nar->headings += heading;
	nar->paras[nar->n++] = (gir_para){heading, heading ? nar->headings : 0, text, pos};
}

/* Splits on `sep` line breaks (2 for literal blocks, 1 otherwise). */
size_t gir_paragraphs_append(gir_narrative *nar, const char *text, bool literal, gir_pos pos)
{
	size_t count = 0, len = strlen(text), start = 0;
	gir_buf para = {0};
	for (size_t i = 0; i <= len; i++) {
		if (i < len && text[i] != '\n')
			continue;
		char *line = gir_tidy_paragraph(text + start, i - start);
		start = i + 1;
		bool blank = !*line;
		if (!blank) {
			/* Joining lines: a space only between two non-CJK characters. */
			if (para.len && !(width_before(para.ptr, para.len) == 2 || width_at(line, strlen(line)) == 2))
				gir_buf_putc(&para, ' ');
			gir_buf_puts(&para, line);
		}
		free(line);
		if ((blank || !literal || i == len) && para.len) {
			if (nar->n >= GIR_MAX_PARAGRAPHS) {
				gir_buf_free(&para);
				return (size_t)-1;
			}
			push_para(nar, false, gir_buf_detach(&para), pos);
			count++;
		}
	}
	gir_buf_free(&para);
	return count;
}

void gir_subheading_append(gir_narrative *nar, const char *text, gir_pos pos)
{
	const char *t = gir_skip_numbering(text);
	char *h = gir_tidy_paragraph(t, strlen(t));
	size_t n = strlen(h);
	/* "健全工作机制：" — the colon belongs to the key, not the heading. */
	if (n >= 3 && strcmp(h + n - 3, "：") == 0)
		h[n - 3] = '\0';
	else if (n >= 1 && h[n - 1] == ':')
		h[n - 1] = '\0';
	push_para(nar, true, h, pos);
}

void gir_narrative_free(gir_narrative *nar)
{
	for (size_t i = 0; i < nar->n; i++)
		free(nar->paras[i].text);
	free(nar->paras);
	*nar = (gir_narrative){0};
}

char *gir_subheading_text(const gir_para *p)
{
	char num[32];
	gir_cn_number(p->number, num, sizeof num);
	return gir_xasprintf("（%s）%s", num, p->text);
}

char *gir_subheading_run_in(const gir_para *p, const char **stop)
{
	static const char *const stops[] = {"。", "？", "！", "；"};
	char *h = gir_subheading_text(p);
	size_t n = strlen(h);
	*stop = stops[0];
	for (size_t i = 0; i < sizeof stops / sizeof *stops; i++)
		if (n > 3 && strcmp(h + n - 3, stops[i]) == 0) {
			h[n - 3] = '\0';
			*stop = stops[i];
		}
	return h;
}

bool gir_para_runs_in(const gir_narrative *nar, size_t i)
{
	return nar->run_in && nar->paras[i].heading && i + 1 < nar->n && !nar->paras[i + 1].heading;
}

void gir_narrative_expand(const gir_report *rep, gir_narrative *nar)
{
	for (size_t i = 0; i < nar->n; i++)
		if (strstr(nar->paras[i].text, "{{")) {
			char *t = gir_placeholder_expand(rep, nar->paras[i].text);
			free(nar->paras[i].text);
			nar->paras[i].text = t;
		}
}
