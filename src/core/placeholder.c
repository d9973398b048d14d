/* Placeholders in narrative text, and where a character of a YAML scalar
 * stands in the source (for diagnostics inside a paragraph). */
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "placeholder.h"
#include "suggest.h"
#include "utf8.h"
#include "util.h"

/* ---- scanning -------------------------------------------------------------------- */

static size_t skip_blanks(const char *s, size_t n, size_t i)
{
	while (i < n && (s[i] == ' ' || s[i] == '\t'))
		i++;
	return i;
}

/* The first `c` from i on the same line, or the line's end (each scan ends
 * where the next begins, so a long line is read once). */
static size_t find_on_line(const char *s, size_t n, size_t i, char c, bool twice)
{
	while (i < n && s[i] != '\n' && !(s[i] == c && (!twice || (i + 1 < n && s[i + 1] == c))))
		i++;
	return i;
}

static size_t line_end(const char *s, size_t n, size_t i)
{
	return find_on_line(s, n, i, '\n', false);
}

bool gir_placeholder_next(const char *s, size_t n, size_t from, gir_placeholder *ph)
{
	size_t i = from;
	while (i + 1 < n && !(s[i] == '{' && s[i + 1] == '{'))
		i++;
	if (i + 1 >= n)
		return false;
	size_t j = skip_blanks(s, n, i + 2);
	*ph = (gir_placeholder){.kind = GIR_PH_UNCLOSED, .start = i, .arg = j};
	if (j < n && s[j] == '\'') { /* {{'{{'}}: quoted text, printed as it is */
		size_t q = find_on_line(s, n, j + 1, '\'', false);
		size_t k = q < n && s[q] == '\'' ? skip_blanks(s, n, q + 1) : q;
		if (k + 1 < n && s[k] == '}' && s[k + 1] == '}' && k > q) {
			ph->kind = GIR_PH_LITERAL;
			ph->arg = j + 1;
			ph->arglen = q - (j + 1);
			ph->end = k + 2;
		} else {
			ph->end = line_end(s, n, k);
		}
		return true;
	}
	size_t k = find_on_line(s, n, j, '}', true);
	if (k >= n || s[k] == '\n') {
		ph->end = k;
		return true;
	}
	size_t e = k;
	while (e > j && (s[e - 1] == ' ' || s[e - 1] == '\t'))
		e--;
	ph->kind = e > j ? GIR_PH_PATH : GIR_PH_EMPTY;
	ph->arglen = e - j;
	ph->end = k + 2;
	return true;
}

/* ---- values ---------------------------------------------------------------------- */

static bool is_word(const char *s, size_t len, const char *w)
{
	return len == strlen(w) && memcmp(s, w, len) == 0;
}

char *gir_placeholder_text(const gir_report *rep, const char *arg, size_t len, size_t *bad,
                           size_t *badlen)
{
	if (is_word(arg, len, "year"))
		return gir_xasprintf("%d", rep->year);
	if (is_word(arg, len, "agency"))
		return gir_xstrdup(rep->agency ? rep->agency : "");
	/* "a + b + …": the sum of cells, as a figure of the summary adds them. */
	gir_value sum = {0};
	for (size_t i = 0; i <= len;) {
		const char *plus = memchr(arg + i, '+', len - i);
		size_t end = plus ? (size_t)(plus - arg) : len, b = i, e = end;
		while (b < e && (arg[b] == ' ' || arg[b] == '\t'))
			b++;
		while (e > b && (arg[e - 1] == ' ' || arg[e - 1] == '\t'))
			e--;
		char *path = gir_xstrndup(arg + b, e - b);
		gir_value v;
		bool ok = gir_report_lookup(rep, path, &v);
		free(path);
		if (!ok) {
			*bad = b;
			*badlen = e - b;
			return NULL;
		}
		sum = gir_value_add(sum, v);
		i = end + 1;
	}
	/* Past 2^63: an error, never the wrapped 0.  A sum that is bad only
	 * because a cell is (written "abc") is that cell's error, reported
	 * there; the report does not render, so the text is never printed. */
	if (sum.overflow) {
		*bad = (size_t)-1;
		*badlen = 0;
		return NULL;
	}
	char num[48];
	gir_value_format(sum, num, sizeof num);
	return gir_xstrdup(num);
}

char *gir_placeholder_expand(const gir_report *rep, const char *s)
{
	size_t n = strlen(s), at = 0;
	gir_buf b = {0};
	gir_placeholder ph;
	while (gir_placeholder_next(s, n, at, &ph)) {
		gir_buf_put(&b, s + at, ph.start - at);
		char *text = NULL;
		size_t bad, badlen;
		if (ph.kind == GIR_PH_LITERAL)
			gir_buf_put(&b, s + ph.arg, ph.arglen);
		else if (ph.kind == GIR_PH_PATH &&
		         (text = gir_placeholder_text(rep, s + ph.arg, ph.arglen, &bad, &badlen)))
			gir_buf_puts(&b, text);
		else
			gir_buf_put(&b, s + ph.start, ph.end - ph.start);
		free(text);
		at = ph.end;
	}
	gir_buf_puts(&b, s + at);
	return gir_buf_detach(&b);
}

/* Every path a placeholder may name, with its label: rows and groups with
 * their columns, rows alone where they have a total, columns alone. */
static void collect_paths(const gir_report *rep, gir_ptrvec *paths, gir_ptrvec *labels,
                          const gir_section *s, const gir_axis *row, const gir_block *b)
{
	const gir_axis *rows[GIR_MAX_KEYS];
	size_t nr = row ? gir_axis_keyed_children(row, rows, GIR_MAX_KEYS) : 0;
	for (size_t i = 0; i <= nr && i <= GIR_MAX_KEYS; i++) {
		char *rp = i < nr ? gir_axis_path(rows[i]) : NULL;
		if (!rp && row != &b->rows)
			break; /* columns alone once per block, at its root */
		for (int c = rp ? -1 : 0; c < (int)b->ncols; c++) {
			char *cp = c < 0 ? NULL : gir_axis_path(b->col_leaves[c]);
			char *path = !rp ? gir_xasprintf("%s.%s", s->id, cp)
			           : cp ? gir_xasprintf("%s.%s.%s", s->id, rp, cp)
			                : gir_xasprintf("%s.%s", s->id, rp);
			gir_cell_ref r;
			if (gir_report_resolve(rep, path, &r)) {
				gir_ptrvec_push(paths, path);
				gir_ptrvec_push(labels, gir_cell_ref_label(rep, &r, false));
			} else {
				free(path);
			}
			free(cp);
		}
		if (rp)
			collect_paths(rep, paths, labels, s, rows[i], b);
		free(rp);
	}
}

/* "proactive.regulations.made, proactive.regulations.published, …": the
 * paths that start and end with the given texts, when there are a few. */
static char *paths_like(const gir_ptrvec *paths, const char *prefix, const char *suffix)
{
	gir_buf b = {0};
	size_t n = 0, pl = strlen(prefix), sl = suffix ? strlen(suffix) : 0;
	for (size_t i = 0; i < paths->len; i++) {
		const char *p = paths->items[i];
		size_t len = strlen(p);
		if (strncmp(p, prefix, pl) == 0 && (!suffix || (len > sl && strcmp(p + len - sl, suffix) == 0)))
			gir_buf_printf(&b, "%s%s", n++ ? ", " : "", p);
	}
	if (n == 0 || n > 6) {
		gir_buf_free(&b);
		return NULL;
	}
	return gir_buf_detach(&b);
}

char *gir_placeholder_hint(const gir_report *rep, const char *path)
{
	gir_ptrvec paths = {0}, labels = {0};
	for (size_t i = 0; i < rep->tpl->nsections; i++) {
		const gir_section *s = rep->tpl->sections[i];
		for (size_t k = 0; s->kind == GIR_TABLE && k < s->nblocks; k++)
			collect_paths(rep, &paths, &labels, s, &s->blocks[k]->rows, s->blocks[k]);
	}
	char *hint = NULL, *list;
	char *prefix = gir_xasprintf("%s.", path);
	const char *last = strrchr(path, '.');
	if ((list = paths_like(&paths, prefix, NULL))) { /* a row that has no total */
		hint = gir_xasprintf(_("name a column too: %s"), list);
	} else {
		gir_suggest *sg = gir_suggest_new(path);
		gir_suggest_add(sg, "year", NULL);
		gir_suggest_add(sg, "agency", NULL);
		for (size_t i = 0; i < paths.len; i++)
			gir_suggest_add(sg, paths.items[i], labels.items[i]);
		hint = gir_suggest_hint(sg);
		gir_suggest_free(sg);
		if (!hint && last) { /* a column of several rows */
			char *section = gir_xstrndup(path, (size_t)(strchr(path, '.') - path) + 1);
			if ((list = paths_like(&paths, section, last)))
				hint = gir_xasprintf(_("name the row too: %s"), list);
			free(section);
		}
	}
	free(list);
	free(prefix);
	for (size_t i = 0; i < paths.len; i++)
		free(paths.items[i]), free(labels.items[i]);
	gir_ptrvec_free(&paths);
	gir_ptrvec_free(&labels);
	if (!hint)
		hint = gir_xstrdup(_("a placeholder names a cell or total by its id path, e.g. "
		                   "{{requests.received.total}}, or is {{year}} or {{agency}}"));
	return hint;
}

/* ---- source positions ---------------------------------------------------------- */

/* Walks the source of one scalar a character at a time, as YAML reads it:
 * quotes, doubled single quotes and escapes are undone, so each step gives a
 * character of the value and where it was typed.  Characters YAML adds or
 * drops are all blanks (line folding, indentation), so the value and the
 * source agree character for character once blanks are skipped on both
 * sides. */
typedef gir_src_walker walker;

static bool value_blank(uint32_t c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == 0x2028 || c == 0x2029;
}

static bool source_blank(uint32_t c)
{
	return value_blank(c) || c == '\r' || c == 0x85;
}

static void step(walker *w)
{
	uint32_t c;
	size_t k = gir_utf8_decode(w->s + w->i, w->n - w->i, &c);
	if (w->s[w->i] == '\n')
		w->pos.line++, w->pos.col = 1;
	else
		w->pos.col++;
	w->i += k ? k : 1;
}

static int hex_value(char c)
{
	return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
	     : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

/* The character a double-quoted escape stands for (the backslash is
 * behind; s[i] is the letter). */
static uint32_t unescape(walker *w)
{
	static const char from[] = "0abtnvfre \"/\\N_LP\t";
	static const uint32_t to[] = {0, 7, 8, 9, 10, 11, 12, 13, 27, 32, '"', '/', '\\',
	                              0x85, 0xA0, 0x2028, 0x2029, 9};
	char e = w->s[w->i];
	int digits = e == 'x' ? 2 : e == 'u' ? 4 : e == 'U' ? 8 : 0;
	const char *f = e ? strchr(from, e) : NULL;
	uint32_t c = f ? to[f - from] : (uint32_t)(unsigned char)e;
	step(w);
	if (digits)
		c = 0;
	for (int d = 0; d < digits && w->i < w->n && hex_value(w->s[w->i]) >= 0; d++) {
		c = c * 16 + (uint32_t)hex_value(w->s[w->i]);
		step(w);
	}
	return c;
}

/* The next character of the value as typed; false at the end of the scalar. */
static bool next_char(walker *w, uint32_t *cp, bool *blank, gir_pos *at)
{
	if (w->i >= w->n)
		return false;
	uint32_t c;
	size_t k = gir_utf8_decode(w->s + w->i, w->n - w->i, &c);
	if (!k)
		c = 0xFFFD;
	*at = w->pos;
	*blank = false;
	if (w->style == GIR_SINGLE_QUOTED && c == '\'') {
		if (w->i + 1 >= w->n || w->s[w->i + 1] != '\'')
			return false; /* the closing quote */
		step(w), step(w);
		*cp = '\'';
		return true;
	}
	if (w->style == GIR_DOUBLE_QUOTED && c == '"')
		return false;
	if (w->style == GIR_DOUBLE_QUOTED && c == '\\') {
		step(w);
		if (w->i >= w->n)
			return false;
		if (w->s[w->i] == '\n' || w->s[w->i] == '\r') { /* an escaped line break: nothing */
			*cp = '\n';
			*blank = true;
			return true;
		}
		*cp = unescape(w);
		*blank = value_blank(*cp);
		return true;
	}
	step(w);
	*cp = c;
	*blank = source_blank(c);
	return true;
}

/* Puts the walker on the first character of the scalar's value: after a
 * tag, after the opening quote, on the line after a block's | or >. */
/* The start of a line of the source, from the hint's line when that is not
 * past it. */
static const char *line_start(const char *src, size_t len, int line, gir_line_hint *h)
{
	size_t from = 0, n;
	int first = 1;
	if (h && h->line >= 1 && h->line <= line && h->off <= len)
		from = h->off, first = h->line;
	else if (h && h->line > line && h->off <= len) { /* behind the hint: step back to it */
		size_t off = h->off;
		int l = h->line;
		while (l > line && off > 0) { /* off is a line's start: find the one before */
			off--;
			while (off > 0 && src[off - 1] != '\n')
				off--;
			l--;
		}
		if (l == line)
			from = off, first = line;
	}
	const char *p = gir_text_line(src + from, len - from, line - first + 1, &n);
	if (p && h)
		*h = (gir_line_hint){line, (size_t)(p - src)};
	return p;
}

/* Places a walker on the first character of scalar v's text in the source:
 * at v's line and column, past a tag, an opening quote or a block indicator
 * and its line.  False when the source does not hold v where its position
 * says (then no character of it can be placed). */
static bool walker_start(walker *w, const char *src, size_t len, const gir_node *v,
                         gir_line_hint *hint)
{
	const char *line = line_start(src, len, v->pos.line, hint);
	if (!line)
		return false;
	*w = (walker){.s = src, .n = len, .i = (size_t)(line - src), .pos = {v->pos.line, 1},
	              .style = v->style};
	if (v->pos.line == 1 && len >= 3 && memcmp(src, "\xEF\xBB\xBF", 3) == 0)
		w->i = 3; /* libyaml does not count a byte-order mark */
	while (w->pos.col < v->pos.col && w->i < w->n && src[w->i] != '\n')
		step(w);
	if (w->pos.col != v->pos.col)
		return false;
	if (w->i < w->n && src[w->i] == '!') { /* !!str: the mark is on the tag */
		while (w->i < w->n && !strchr(" \t\r\n", src[w->i]))
			step(w);
		while (w->i < w->n && (src[w->i] == ' ' || src[w->i] == '\t'))
			step(w);
	}
	char open = w->i < w->n ? src[w->i] : '\0';
	switch (v->style) {
	case GIR_SINGLE_QUOTED:
	case GIR_DOUBLE_QUOTED:
		if (open != (v->style == GIR_SINGLE_QUOTED ? '\'' : '"'))
			return false;
		step(w);
		return true;
	case GIR_LITERAL:
	case GIR_FOLDED:
		if (open != (v->style == GIR_LITERAL ? '|' : '>'))
			return false;
		while (w->i < w->n && src[w->i] != '\n')
			step(w);
		if (w->i < w->n)
			step(w);
		return true;
	default:
		return true;
	}
}

void gir_srcmap_init(gir_srcmap *m, const char *src, size_t len, const gir_node *v,
                     gir_line_hint *hint)
{
	*m = (gir_srcmap){.src = src, .len = len, .v = v, .hint = hint};
}

gir_pos gir_srcmap_pos(gir_srcmap *m, size_t off)
{
	const gir_node *v = m->v;
	if (!m->started || off < m->vi) { /* first, or behind: walk from the start */
		gir_srcmap_init(m, m->src, m->len, v, m->hint);
		m->started = true;
		m->failed = !walker_start(&m->w, m->src, m->len, v, m->hint);
	}
	while (!m->failed) {
		uint32_t vc;
		size_t k = 0;
		while (m->vi < v->len && (k = gir_utf8_decode(v->text + m->vi, v->len - m->vi, &vc)) &&
		       value_blank(vc))
			m->vi += k;
		if (m->vi >= v->len || !k)
			break;
		bool blank = true;
		while (!m->have && blank) {
			if (!next_char(&m->w, &m->cp, &blank, &m->at)) {
				m->failed = true;
				return v->pos;
			}
			m->have = !blank;
		}
		if (vc != m->cp) { /* lost: not the text YAML read */
			m->failed = true;
			break;
		}
		if (off < m->vi + k)
			return m->at;
		m->vi += k;
		m->have = false;
	}
	return v->pos;
}

gir_pos gir_scalar_pos(const char *src, size_t len, const gir_node *v, size_t off)
{
	gir_srcmap m;
	gir_srcmap_init(&m, src, len, v, NULL);
	return gir_srcmap_pos(&m, off);
}
