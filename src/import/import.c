/* gireport import, last stage: the document's parts found — title, preface,
 * the template's section headings, narratives with their subheadings, the
 * tables, the signature and date — and written out as a source.  The
 * source is then checked like any other, and what the check finds is
 * reported at the lines of the input it came from. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cn.h"
#include "import.h"
#include "model.h"
#include "number.h"
#include "prose.h"
#include "utf8.h"
#include "util.h"

#define MAX_SIGNATORIES 6
#define SUBHEADING_MAX 40    /* display cells: a longer numbered line is a paragraph */
#define HEADING_MAX 300       /* bytes: the longest heading, numbered, is about 70 */
#define WRAP_MAX 100         /* a text wrapped narrower than this was hard-wrapped */

typedef struct imp_para {
	char *text;
	bool heading;
	gir_pos pos;
} imp_para;

typedef struct imp_narr {
	imp_para *p;
	size_t n;
	bool run_in;   /* its subheadings open their paragraphs (（一）主动公开情况。正文) */
} imp_narr;

typedef struct imp {
	imp_doc doc;
	const gir_registry *reg;
	const gir_template *t;
	const gir_template *chosen; /* by the labels, before --template */
	int score;
	long *sec_line;          /* line index of each section's heading, or -1 */
	size_t *sec_span;        /* the lines each heading takes (1, or 2: "一、⏎总体情况") */
	size_t title_from, title_to; /* lines of the title */
	char *title;
	char *agency;
	int year;
	gir_pos title_pos;
	int date[3];             /* year, month, day; year 0 when none */
	gir_pos date_pos;
	char *signatories[MAX_SIGNATORIES];
	size_t nsig;
	size_t body_end;         /* where the signature block starts */
	bool wrapped;            /* hard-wrapped paragraphs (see paragraph_starts) */
	gir_buf run_in;          /* ids of the narratives with run-in subheadings, ", " between */
	size_t nrun_in, nseparate; /* narratives with subheadings of each style */
	int wrap_width;
	/* the source being written, and for each of its lines the input place */
	gir_buf *out;
	size_t out_start;
	gir_pos *map;
	size_t nmap, capmap;
	/* for a line of values ("  id: [1, 2, 3件]"), where each value starts
	 * and the cell it came from: a check's error at a value points at it */
	struct value_place {
		size_t line;         /* 1-based, as a check reports it */
		int col;             /* 1-based, in characters */
		gir_pos pos;
	} *vplaces;
	size_t nvplaces;
	/* the narrative paragraphs written, where, for placeholders afterwards */
	struct written_para {
		size_t at, len;      /* of the scalar in out */
		char *text;          /* the paragraph */
	} *paras;
	size_t nparas;
	char *narrative;         /* the narratives' paragraphs, for imp_table_join; once */
} imp;

/* ---- output with a line map ---------------------------------------------- */

static void write_lines(imp *im, gir_pos pos, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* Appends one or more whole lines, each remembered as coming from `pos`. */
static void write_lines(imp *im, gir_pos pos, const char *fmt, ...)
{
	size_t before = im->out->len;
	va_list ap;
	va_start(ap, fmt);
	gir_buf_vprintf(im->out, fmt, ap);
	va_end(ap);
	for (size_t i = before; i < im->out->len; i++) {
		if (im->out->ptr[i] != '\n')
			continue;
		if (im->nmap == im->capmap)
			im->map = gir_xrealloc(im->map, (im->capmap = im->capmap ? 2 * im->capmap : 64) *
			                                    sizeof *im->map);
		im->map[im->nmap++] = pos;
	}
}

/* Whether YAML would read the plain scalar s as something other than a
 * string (a number, a boolean, null), so that it must be quoted. */
static bool looks_typed(const char *s)
{
	static const char *const words[] = {"true", "false", "null", "yes", "no", "on", "off", "~"};
	char *n = imp_number(s);
	free(n);
	if (n)
		return true;
	for (size_t i = 0; i < GIR_ARRAY_LEN(words); i++)
		if (strcasecmp(s, words[i]) == 0)
			return true;
	return false;
}

/* The escape a double-quoted scalar needs for the character at s (of k
 * bytes, code point cp), or NULL: controls, DEL and the C1 controls, which
 * YAML does not allow raw, and the line breaks NEL, LS and PS, which it
 * reads as line breaks wherever they stand.  buf holds what is returned. */
static const char *yaml_escape(uint32_t cp, char buf[12])
{
	if (cp == '"' || cp == '\\')
		snprintf(buf, 12, "\\%c", (char)cp);
	else if (cp == 0x85 || cp == 0x2028 || cp == 0x2029)
		snprintf(buf, 12, "\\%c", cp == 0x85 ? 'N' : cp == 0x2028 ? 'L' : 'P');
	else if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0))
		snprintf(buf, 12, "\\x%02x", (unsigned)cp);
	else if (cp == 0xFEFF || cp == 0xFFFE || cp == 0xFFFF)
		snprintf(buf, 12, "\\u%04X", (unsigned)cp);
	else
		return NULL;
	return buf;
}

/* Each character of s: its code point and length (1 for a bad byte). */
static size_t next_cp(const char *s, const char *end, uint32_t *cp)
{
	size_t k = gir_utf8_decode(s, (size_t)(end - s), cp);
	if (!k)
		*cp = (unsigned char)*s;
	return k ? k : 1;
}

/* Whether a string may stand unquoted in YAML and be read back as itself. */
static bool plain_safe(const char *s)
{
	if (!*s || strchr("-?:,[]{}#&*!|>'\"%@`. ", *s) || looks_typed(s))
		return false;
	size_t n = strlen(s);
	if (s[n - 1] == ' ' || s[n - 1] == ':' || strstr(s, ": ") || strstr(s, " #"))
		return false;
	char esc[12];
	for (const char *p = s; *p;) {
		uint32_t cp;
		p += next_cp(p, s + n, &cp);
		if (cp != '"' && cp != '\\' && yaml_escape(cp, esc))
			return false;
	}
	return true;
}

/* A YAML scalar: plain when that is safe, else double-quoted. */
static char *yaml_scalar(const char *s)
{
	if (plain_safe(s))
		return gir_xstrdup(s);
	gir_buf b = {0};
	gir_buf_putc(&b, '"');
	char esc[12];
	for (const char *p = s, *end = s + strlen(s); *p;) {
		uint32_t cp;
		size_t k = next_cp(p, end, &cp);
		const char *e = yaml_escape(cp, esc);
		if (e)
			gir_buf_puts(&b, e);
		else
			gir_buf_put(&b, p, k);
		p += k;
	}
	gir_buf_putc(&b, '"');
	return imp_detach(&b);
}

/* Narrative text is literal: braces that a source would read as a
 * placeholder (DESIGN.md §2) are written {{'{{'}}. */
static char *literal_braces(const char *s)
{
	gir_buf b = {0};
	for (const char *p; (p = strstr(s, "{{")) != NULL; s = p + 2) {
		gir_buf_put(&b, s, (size_t)(p - s));
		gir_buf_puts(&b, "{{'{{'}}");
	}
	gir_buf_puts(&b, s);
	return imp_detach(&b);
}

static char *narrative_scalar(const char *text)
{
	char *lit = literal_braces(text);
	char *s = yaml_scalar(lit);
	free(lit);
	return s;
}

/* A character a comment cannot hold as it is: a line break (also NEL, LS,
 * PS) would end it early, a control character makes the whole source
 * refused, a bidirectional control reorders what an editor shows. */
static bool comment_unsafe(uint32_t cp)
{
	return cp < 0x20 || (cp >= 0x7F && cp < 0xA0) || cp == 0x2028 || cp == 0x2029 ||
	       (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0xFEFF ||
	       cp == 0xFFFE || cp == 0xFFFF;
}

/* A comment line: line breaks and tabs read as spaces, other such
 * characters written <U+001B>. */
static void emit_comment(imp *im, int indent, gir_pos pos, const char *text)
{
	gir_buf c = {0};
	for (const char *p = text, *end = text + strlen(text); *p;) {
		uint32_t cp;
		size_t k = next_cp(p, end, &cp);
		if (cp == '\n' || cp == '\r' || cp == '\t')
			gir_buf_putc(&c, ' ');
		else if (comment_unsafe(cp))
			gir_buf_printf(&c, "<U+%04X>", (unsigned)cp);
		else
			gir_buf_put(&c, p, k);
		p += k;
	}
	write_lines(im, pos, "%*s# %s\n", indent, "", c.ptr ? c.ptr : "");
	gir_buf_free(&c);
}

/* ---- numbers in words ------------------------------------------------------ */

/* Values past this are no heading's number: held there, not overflowed. */
#define NUMBER_CAP 1000000

static int capped(long v)
{
	return v > NUMBER_CAP ? NUMBER_CAP : (int)v;
}

/* The value of the number a heading starts with ("（三）", "3、", "十二、"),
 * or 0; at most NUMBER_CAP. */
static int heading_number(const char *s)
{
	const char *end = gir_skip_numbering(s);
	int value = 0, cur = 0;
	bool any = false;
	for (const char *p = s; p < end;) {
		uint32_t cp;
		size_t k = gir_utf8_decode(p, (size_t)(end - p), &cp);
		k = k ? k : 1;
		int d = gir_cn_digit(cp), c = gir_cn_numeral(cp);
		if (d >= 0)
			cur = capped(cur * 10L + d), any = true;
		else if (c == 10)
			value = capped(value + (cur ? cur : 1) * 10L), cur = 0, any = true;
		else if (c >= 0 && c < 10)
			cur = c, any = true;
		p += k;
	}
	return any ? capped((long)value + cur) : 0;
}

/* The kind of a paragraph's number, bracketed or not, in Chinese numerals
 * or digits: 1 一、 2 1. 1、 3 （一） (一) 4 （1） (1); 0 for none. */
static int numbering_kind(const char *s)
{
	const char *end = gir_skip_numbering(s), *p = imp_skip_white(s, true);
	if (end == s)
		return 0;
	bool bracket = *p == '(' || strncmp(p, "（", 3) == 0;
	p += bracket ? (*p == '(' ? 1 : 3) : 0;
	uint32_t cp = 0;
	gir_utf8_decode(p, (size_t)(end - p), &cp);
	return 1 + 2 * bracket + (gir_cn_digit(cp) >= 0);
}

/* Whether text's number is of the kind of a narrative's subheadings: the
 * first one's (*kind, 0 before it), so that the items under one (1. 2.,
 * （1）) are not taken for the next ones ("（一）主动公开方面 … 2.落实解读回应
 * 机制。", 三明 2019). */
static bool kind_of_subheadings(int *kind, const char *text)
{
	int k = numbering_kind(text);
	if (!*kind)
		*kind = k;
	return k == *kind;
}

/* ---- the parts of the document ------------------------------------------------ */

static const char *line_text(const imp *im, size_t i)
{
	return imp_skip_white(im->doc.lines[i].text, true);
}

static bool blank(const imp *im, size_t i)
{
	return im->doc.lines[i].kind == IMP_BLANK;
}

/* Whether normalised text n is the section's heading or one of its
 * aliases (templates' "aliases": the variants real reports print), with
 * its numbering or, when `bare_ok`, any or none. */
static bool names_section(const gir_section *sec, const char *n, bool bare_ok)
{
	/* "（一）主动公开政府信息情况" is a subheading of 一、总体情况 in real
	 * reports (tests/real/js-shuyang-fgj-2023): a number in brackets never
	 * numbers one of the six sections. */
	if (strncmp(n, "\xEF\xBC\x88", 3) == 0 || *n == '(') /* （ or ( */
		bare_ok = false;
	const char *bare = gir_skip_numbering(n);
	if (gir_same_key(n, sec->heading) || (bare_ok && gir_same_key(bare, sec->bare_heading)))
		return true;
	for (size_t i = 0; i < sec->naliases; i++) { /* written full-width, as the headings are */
		const char *a = sec->aliases[i];
		if (gir_same_key(n, a) || (bare_ok && gir_same_key(bare, gir_skip_numbering(a))))
			return true;
	}
	return false;
}

/* Normalised heading text of line i without a trailing ：; NULL when the
 * line is no heading candidate.  Sets *marked (a Markdown "#" or not
 * Markdown at all). */
static char *heading_text(const imp *im, size_t i, bool *marked)
{
	if (im->doc.lines[i].kind != IMP_TEXT)
		return NULL;
	const char *s = line_text(im, i);
	if (strlen(s) > HEADING_MAX) /* a paragraph: not worth normalising */
		return NULL;
	*marked = !im->doc.markdown;
	if (im->doc.markdown && *s == '#') {
		while (*s == '#')
			s++;
		if (*s != ' ')
			return NULL;
		s++, *marked = true;
	}
	char *n = imp_normalize(s);
	size_t len = strlen(n);
	if (len >= 3 && strcmp(n + len - 3, "\xEF\xBC\x9A") == 0) /* a trailing ： */
		n[len - 3] = '\0';
	return n;
}

static int section_named(const imp *im, const char *n, int after, bool marked, bool numbered_only)
{
	if (numbered_only && gir_skip_numbering(n) == n && !im->doc.markdown)
		return -1; /* no numbering: no heading in this pass */
	for (size_t k = (size_t)(after + 1); k < im->t->nsections; k++)
		if (names_section(im->t->sections[k], n, marked))
			return (int)k;
	return -1;
}

/* The section a line is the heading of ("一、总体情况", "1、 总体情况",
 * "## 一、总体情况"), among those after `after`; -1 for none.  In
 * Markdown a line without "#" is a heading only when it has the heading's
 * own numbering (a plain "六、其他需要报告的事项" among "##" headings).
 * A number alone on its line followed by a section's name on the next
 * ("一、⏎总体情况", tests/real/fj-sanming-2019, where the page's markup
 * broke the line) is one heading: *span is then 2, else 1. */
static int heading_of(const imp *im, size_t i, int after, bool numbered_only, size_t *span)
{
	bool marked;
	char *n = heading_text(im, i, &marked);
	*span = 1;
	if (!n)
		return -1;
	int found = -1;
	if (*n && !*gir_skip_numbering(n)) { /* a number alone */
		bool next_marked;
		char *name = i + 1 < im->doc.nlines ? heading_text(im, i + 1, &next_marked) : NULL;
		if (name && *name && gir_skip_numbering(name) == name) {
			gir_buf b = {0};
			gir_buf_printf(&b, "%s%s", n, name);
			char *both = imp_detach(&b);
			found = section_named(im, both, after, marked, numbered_only);
			if (found >= 0)
				*span = 2;
			free(both);
		}
		free(name);
	} else {
		found = section_named(im, n, after, marked, numbered_only);
	}
	free(n);
	return found;
}

/* Fills sec_line with the line of each section's heading, -1 where none is
 * found, and sec_span with the lines it takes; a heading is looked for
 * only among the sections after the last one found.  Returns how many
 * were found. */
static size_t scan_headings(const imp *im, long *sec_line, size_t *sec_span, bool numbered_only)
{
	size_t found = 0;
	for (size_t k = 0; k < im->t->nsections; k++)
		sec_line[k] = -1, sec_span[k] = 1;
	int last = -1;
	for (size_t i = 0; i < im->doc.nlines; i++) {
		size_t span;
		int k = heading_of(im, i, last, numbered_only, &span);
		if (k >= 0)
			sec_line[k] = (long)i, sec_span[k] = span, last = k, found++, i += span - 1;
	}
	return found;
}

/* Fills im->sec_line.  A heading may be written without its number, but
 * an introduction that names the parts one a line ("本报告由总体情况、⏎
 * 主动公开政府信息情况、⏎…组成", tests/real/fj-sanming-2019) must not
 * take them: when the numbered headings alone find more sections, they
 * are the headings. */
static void find_headings(imp *im)
{
	size_t ns = im->t->nsections;
	im->sec_line = gir_xcalloc(ns, sizeof *im->sec_line);
	im->sec_span = gir_xcalloc(ns, sizeof *im->sec_span);
	long *numbered = gir_xcalloc(ns, sizeof *numbered);
	size_t *nspan = gir_xcalloc(ns, sizeof *nspan);
	size_t any = scan_headings(im, im->sec_line, im->sec_span, false);
	if (scan_headings(im, numbered, nspan, true) > any) {
		memcpy(im->sec_line, numbered, ns * sizeof *numbered);
		memcpy(im->sec_span, nspan, ns * sizeof *nspan);
	}
	free(numbered);
	free(nspan);
}

static size_t first_heading(const imp *im)
{
	for (size_t k = 0; k < im->t->nsections; k++)
		if (im->sec_line[k] >= 0)
			return (size_t)im->sec_line[k];
	return im->doc.nlines;
}

/* The lines of section k: after its heading, up to the next heading found. */
static void section_range(const imp *im, size_t k, size_t *from, size_t *to)
{
	*from = (size_t)im->sec_line[k] + im->sec_span[k];
	*to = im->body_end;
	for (size_t j = k + 1; j < im->t->nsections; j++)
		if (im->sec_line[j] >= 0) {
			*to = (size_t)im->sec_line[j];
			break;
		}
	if (*to < *from)
		*to = *from;
}

/* ---- patterns from the template: title and date --------------------------- */

/* Matches text (spaces removed) against a pattern with {agency}, {year},
 * {month} and {day}; fills what it finds. */
static bool match_pattern(const char *pat, const char *s, char **agency, int *ymd)
{
	if (!*pat)
		return !*s;
	if (strncmp(pat, "{agency}", 8) == 0) {
		for (const char *e = s + strlen(s); e > s; e--) {
			if (((unsigned char)*e & 0xC0) == 0x80)
				continue;
			if (match_pattern(pat + 8, e, agency, ymd)) {
				if (agency) {
					free(*agency);
					*agency = gir_xstrndup(s, (size_t)(e - s));
				}
				return true;
			}
		}
		return false;
	}
	static const char *const fields[] = {"{year}", "{month}", "{day}"};
	for (int f = 0; f < 3; f++) {
		size_t fl = strlen(fields[f]);
		if (strncmp(pat, fields[f], fl) != 0)
			continue;
		int v = 0, nd = 0;
		while (s[nd] >= '0' && s[nd] <= '9' && nd < 4)
			v = v * 10 + (s[nd] - '0'), nd++;
		if (f == 0 ? nd != 4 : nd < 1 || nd > 2)
			return false;
		ymd[f] = v;
		return match_pattern(pat + fl, s + nd, agency, ymd);
	}
	return *pat == *s && match_pattern(pat + 1, s + 1, agency, ymd);
}

/* s without its spaces, tabs and ideographic spaces (U+3000), malloc'd:
 * "2021 年 1 月" as the date patterns want it. */
static char *without_spaces(const char *s)
{
	gir_buf b = {0};
	for (; *s; s++) {
		if (*s == ' ' || *s == '\t')
			continue;
		if (strncmp(s, "\xE3\x80\x80", 3) == 0) {
			s += 2;
			continue;
		}
		gir_buf_putc(&b, *s);
	}
	return imp_detach(&b);
}

static bool match_date(const imp *im, const char *text, int *ymd)
{
	char *s = without_spaces(text);
	const char *fmt = im->t->date_format ? im->t->date_format : "{year}-{month}-{day}";
	bool ok = match_pattern(fmt, s, NULL, ymd) || match_pattern("{year}-{month}-{day}", s, NULL, ymd);
	free(s);
	return ok && ymd[1] >= 1 && ymd[1] <= 12 && ymd[2] >= 1 && ymd[2] <= 31;
}

/* Whether s holds at least two characters: an agency's name never has one,
 * nor a signatory's.
 * A title line without the agency, "2019年度政府信息公开工作年度报告" (the
 * agency on the line above), would otherwise read as "{year}年{agency}…"
 * with the agency "度". */
static bool two_chars(const char *s)
{
	uint32_t cp;
	size_t n = *s ? gir_utf8_decode(s, strlen(s), &cp) : 0;
	return n && s[n];
}

/* Whether the text (spaces removed) reads as the template's title or one of
 * its "title_aliases"; fills the agency (two characters or more) and year. */
static bool match_title(const imp *im, const char *flat, char **agency, int *year)
{
	const gir_template *t = im->t;
	for (size_t k = 0; k <= t->ntitle_aliases; k++) {
		const char *pat = k ? t->title_aliases[k - 1] : t->title;
		int ymd[3] = {0};
		char *a = NULL;
		if (pat && match_pattern(pat, flat, &a, ymd) && a && two_chars(a)) {
			free(*agency);
			*agency = a;
			*year = ymd[0];
			return true;
		}
		free(a);
	}
	return false;
}

/* The text of line j as a title line: Markdown's "# " and escapes undone. */
static char *title_piece(const imp *im, size_t j)
{
	const char *s = line_text(im, j);
	if (im->doc.markdown)
		return imp_md_unescape(s + (strncmp(s, "# ", 2) == 0 ? 2 : 0));
	return gir_xstrdup(s);
}

/* The non-blank lines of the head, where the title is looked for: a page
 * copied from a portal starts with lines that are not the report's
 * (正文, 来源：…, 发布日期：…, a breadcrumb). */
#define HEAD_LINES 60

/* The value of a "name: value" line, as an archive's header gives the title
 * ("标题: 平潭综合实验区经济发展局2019年…报告"): s past the colon (ASCII or
 * full-width) and the spaces after it when what comes before is a short
 * name — one to four characters, no digit, no space — else s. */
static const char *field_value(const char *s)
{
	size_t chars = 0;
	for (const char *p = s; *p && chars <= 4;) {
		size_t k = strncmp(p, "\xEF\xBC\x9A", 3) == 0 ? 3 : *p == ':' ? 1 : 0;
		if (k) {
			if (!chars)
				return s;
			for (p += k; *p == ' ' || strncmp(p, "\xE3\x80\x80", 3) == 0;)
				p += *p == ' ' ? 1 : 3;
			return p;
		}
		if (*p == ' ' || *p == '\t' || (*p >= '0' && *p <= '9'))
			return s;
		uint32_t cp;
		size_t n = gir_utf8_decode(p, strlen(p), &cp);
		p += n ? n : 1;
		chars++;
	}
	return s;
}

/* Joins `take` non-blank lines from head[at] on and matches them as a title. */
static bool title_at(imp *im, const size_t *head, size_t nhead, size_t at, size_t take)
{
	if (at + take > nhead)
		return false;
	gir_buf b = {0};
	for (size_t j = at; j < at + take; j++) {
		char *u = title_piece(im, head[j]);
		imp_join(&b, u);
		free(u);
	}
	const char *value = field_value(b.ptr ? b.ptr : "");
	char *flat = without_spaces(value);
	bool ok = match_title(im, flat, &im->agency, &im->year);
	free(flat);
	if (ok) {
		free(im->title);
		im->title = gir_xstrdup(value);
		im->title_from = head[at];
		im->title_to = head[at + take - 1] + 1;
		im->title_pos = (gir_pos){im->doc.lines[head[at]].no, 1};
	}
	gir_buf_free(&b);
	return ok;
}

/* Lines before the title are no part of the report: left out, and said. */
static void before_title(imp *im, size_t first)
{
	if (im->title_from > first)
		imp_text_before_title(&im->doc, &im->doc.lines[first], im->doc.lines[im->title_from - 1].no);
}

/* gireport's own txt: the centred title, which may take several lines. */
static void own_title(imp *im, size_t i, size_t end)
{
	gir_buf b = {0};
	size_t take = i + 1;
	for (size_t j = i, lines = 0; j < end && lines < 3 && !blank(im, j); j++, lines++) {
		imp_join(&b, line_text(im, j));
		take = j + 1;
		char *flat = without_spaces(b.ptr);
		match_title(im, flat, &im->agency, &im->year);
		free(flat);
	}
	im->title = imp_detach(&b);
	im->title_to = take;
}

/* The first year written "2020年" in s (four digits, no more), or 0. */
static int year_at(const char *s);

/* The title: the first one, two or three lines among the first lines that
 * read as the template's title or an alias — single lines first, so that
 * a line before the title is never taken into it; else the first line with
 * a year, else the first line.  Finds the agency and year in it. */
static void find_title(imp *im, size_t end)
{
	size_t head[HEAD_LINES], nhead = 0;
	for (size_t i = 0; i < end && nhead < HEAD_LINES; i++)
		if (!blank(im, i) && im->doc.lines[i].kind == IMP_TEXT)
			head[nhead++] = i;
	if (!nhead)
		return;
	im->title_from = head[0];
	im->title_to = head[0] + 1;
	im->title_pos = (gir_pos){im->doc.lines[head[0]].no, 1};
	for (size_t take = 1; take <= 3; take++)
		for (size_t at = 0; at < nhead; at++)
			if (title_at(im, head, nhead, at, take)) {
				before_title(im, head[0]);
				return;
			}
	if (im->doc.own_text) {
		own_title(im, head[0], end);
		return;
	}
	size_t t = 0;
	while (t < nhead && !year_at(im->doc.lines[head[t]].text))
		t++;
	t = t < nhead ? t : 0;
	im->title = title_piece(im, head[t]);
	im->title_from = head[t];
	im->title_to = head[t] + 1;
	im->title_pos = (gir_pos){im->doc.lines[head[t]].no, 1};
	before_title(im, head[0]);
}

/* The first year written "2020年" in s (four digits, no more), or 0.  A run
 * of digits is read only as far as four: a longer one is no year. */
static int year_at(const char *s)
{
	while (*s) {
		int v = 0, nd = 0;
		while (s[nd] >= '0' && s[nd] <= '9') {
			if (nd < 4)
				v = v * 10 + (s[nd] - '0');
			nd++;
		}
		if (nd == 4 && strncmp(s + nd, "年", 3) == 0)
			return v;
		s += nd ? nd : 1;
	}
	return 0;
}

/* A year written "2020年" in the first lines, for choosing an edition before
 * the title can be read with one. */
static int year_in_head(const imp *im)
{
	for (size_t i = 0, seen = 0; i < im->doc.nlines && seen < 3; i++) {
		if (blank(im, i))
			continue;
		seen++;
		int v = year_at(im->doc.lines[i].text);
		if (v)
			return v;
	}
	return 0;
}

/* ---- signature -------------------------------------------------------------- */

/* Whether s ends with one of the n marks. */
static bool ends_with_any(const char *s, const char *const *marks, size_t n)
{
	return imp_ends_with_any(s, strlen(s), marks, n);
}

static bool ends_sentence(const char *s)
{
	static const char *const marks[] = {"。", "！", "？", "；", "，", "：", ".", ";", ","};
	return ends_with_any(s, marks, GIR_ARRAY_LEN(marks));
}

/* Whether s holds punctuation of a sentence (。，；、！？). */
static bool has_stop(const char *s)
{
	static const char *const stops[] = {"。", "，", "；", "、", "！", "？"};
	for (size_t k = 0; k < GIR_ARRAY_LEN(stops); k++)
		if (strstr(s, stops[k]))
			return true;
	return false;
}

/* Whether line i can be a name in the signature block above the date. */
static bool signature_line(const imp *im, size_t i, bool dated)
{
	const imp_line *l = &im->doc.lines[i];
	const char *s = line_text(im, i);
	size_t span;
	if (l->kind != IMP_TEXT || heading_of(im, i, -1, false, &span) >= 0)
		return false;
	if (im->doc.markdown)
		return l->indent == 0 && l->hard_break;
	if (im->doc.own_text)
		return l->indent > 0 && !l->wide_indent;
	if (!dated && l->indent < 8)
		return false;
	/* two characters or more: a one-character line is the text (六's "无"
	 * above the signature, tests/real/fj-pingtan-gaj-2019.html), no name */
	return imp_width(s) <= 60 && two_chars(s) && !ends_sentence(s) && gir_skip_numbering(s) == s;
}

/* The words a portal prints after an article (its attachments' list):
 * the page's, not the report's, and no part of the form.  On a line of
 * their own (tests/real/fj-pingtan-2019.chromium.pdf) they start the page's
 * footer; at the end of the article's line when the page was copied as one
 * line of text (tests/real/fj-pingtan-*.page.txt). */
static const char *const page_trailers[] = {"附件下载"};

/* Whether line i is one of page_trailers alone, with or without a colon. */
static bool page_trailer_line(const imp *im, size_t i)
{
	if (im->doc.lines[i].kind != IMP_TEXT)
		return false;
	char *n = without_spaces(line_text(im, i));
	size_t len = strlen(n);
	if (len >= 3 && strcmp(n + len - 3, "\xEF\xBC\x9A") == 0)
		n[len - 3] = '\0';
	else if (len >= 1 && n[len - 1] == ':')
		n[len - 1] = '\0';
	bool found = false;
	for (size_t k = 0; k < GIR_ARRAY_LEN(page_trailers) && !found; k++)
		found = strcmp(n, page_trailers[k]) == 0;
	free(n);
	return found;
}

/* Where the page's footer starts, when a line of page_trailers follows
 * text of the last section found (said, and left out); else the end. */
static size_t page_footer(imp *im)
{
	long last = -1;
	size_t from = 0;
	for (size_t k = 0; k < im->t->nsections; k++)
		if (im->sec_line[k] > last)
			last = im->sec_line[k], from = (size_t)last + im->sec_span[k];
	if (last < 0)
		return im->doc.nlines;
	bool text = false;
	for (size_t i = from; i < im->doc.nlines; i++) {
		if (text && page_trailer_line(im, i)) {
			char *t = gir_xstrdup(line_text(im, i));
			gir_diag_at(im->doc.diags, im->doc.file,
			            (gir_pos){im->doc.lines[i].no, im->doc.lines[i].col}, NULL, NULL, NULL,
			            GIR_MSG(WARNING, import_page_footer_left_out,
			                "the lines from %d to the end (from \"%s\") read as the page's, not "
			            "the report's (links, footer); left out"), im->doc.lines[i].no, t);
			free(t);
			return i;
		}
		text = text || im->doc.lines[i].kind == IMP_TEXT;
	}
	return im->doc.nlines;
}

/* A page's text read as the browser shows it puts a blank line between
 * paragraphs, the signature and the date too ("沭阳县发展和改革局⏎⏎2024年1月17日",
 * tests/real/js-shuyang-fgj-2023.innertext.txt): one signature line above
 * the blank lines before the date, when it is not a section's only text
 * (六's "无" right after its heading).  Returns e, one past it, so that
 * [e - 1, e) is the signatory; e unchanged for none. */
static size_t spaced_signatory(const imp *im, size_t e)
{
	if (im->doc.own_text || im->doc.markdown)
		return e;
	size_t j = e;
	while (j > 0 && blank(im, j - 1))
		j--;
	if (j == e || j == 0 || !signature_line(im, j - 1, true))
		return e;
	size_t p = j - 1;
	while (p > 0 && blank(im, p - 1))
		p--;
	size_t span;
	if (p == 0 || heading_of(im, p - 1, -1, false, &span) >= 0)
		return e;
	return j;
}

/* The signature block at the end of the text: the date on the last line
 * (im->date, im->date_pos), the signatories on the short lines above it
 * (at most MAX_SIGNATORIES); im->body_end is where the body ends. */
/* The notes a government document prints after its date to say how it is
 * published (GB/T 9704's 附注: "（此件主动公开）"), or a page of a
 * printed one that has no text: the document's, not the report's, and no
 * part of the national form, so kept here rather than in templates/.
 * Matched whole, without their brackets and spaces. */
static const char *const publication_notes[] = {
	"此件主动公开", "此件公开发布", "此件依申请公开", "此件不予公开", "此件不公开", "此页无正文",
};

/* Whether text is one of publication_notes, alone, in brackets or not, or
 * a contact note in brackets ("（联系人：林耀，联系方式：0591-23163387）",
 * tests/real/fj-pingtan-jtj-2019.page.txt): GB/T 9704's 附注 too. */
static bool note_text(const char *text)
{
	char *n = without_spaces(text);
	const char *s = n;
	size_t len = strlen(s);
	bool bracketed = true;
	if (strncmp(s, "\xEF\xBC\x88", 3) == 0 && len >= 6 && strcmp(s + len - 3, "\xEF\xBC\x89") == 0)
		s += 3, len -= 6; /* （…） */
	else if (*s == '(' && len >= 2 && s[len - 1] == ')')
		s++, len -= 2;
	else
		bracketed = false;
	static const char contact[] = "联系人";
	bool found = bracketed && len > sizeof contact - 1 && strncmp(s, contact, sizeof contact - 1) == 0;
	for (size_t k = 0; k < GIR_ARRAY_LEN(publication_notes) && !found; k++)
		found = strlen(publication_notes[k]) == len && strncmp(s, publication_notes[k], len) == 0;
	free(n);
	return found;
}

static bool publication_note(const imp *im, size_t i)
{
	return im->doc.lines[i].kind == IMP_TEXT && note_text(line_text(im, i));
}

/* The end of the text before the publication notes at its end (said,
 * and left out); blank lines before them skipped too. */
static size_t before_notes(imp *im, size_t e)
{
	while (e > 0 && publication_note(im, e - 1)) {
		const imp_line *l = &im->doc.lines[e - 1];
		gir_diag_at(im->doc.diags, im->doc.file, (gir_pos){l->no, l->col}, NULL, NULL, NULL,
		            GIR_MSG(WARNING, import_publication_note_left_out,
		                "\"%s\" after the text is the document's note (附注: how it is published, "
		                "whom to ask), not the report's; left out"), line_text(im, e - 1));
		e--;
		while (e > 0 && blank(im, e - 1))
			e--;
	}
	return e;
}

static size_t before_imprint(imp *im, size_t e);

static void find_signature(imp *im)
{
	size_t e = page_footer(im);
	im->body_end = e;
	while (e > 0 && blank(im, e - 1))
		e--;
	size_t noted = before_notes(im, before_imprint(im, e));
	if (noted < e)
		e = im->body_end = noted;
	if (e == 0)
		return;
	int ymd[3] = {0};
	bool dated = im->doc.lines[e - 1].kind == IMP_TEXT && match_date(im, line_text(im, e - 1), ymd);
	if (dated) {
		memcpy(im->date, ymd, sizeof ymd);
		im->date_pos = (gir_pos){im->doc.lines[e - 1].no, im->doc.lines[e - 1].col};
		e--;
	}
	size_t s = e;
	while (s > 0 && e - s < MAX_SIGNATORIES && signature_line(im, s - 1, dated))
		s--;
	/* Own text and Markdown end their last paragraph with a blank line. */
	if ((im->doc.own_text || im->doc.markdown) && s > 0 && !blank(im, s - 1))
		s = e;
	size_t spaced = dated && s == e ? spaced_signatory(im, e) : e;
	if (spaced < e)
		s = spaced - 1, e = spaced;
	for (size_t i = s; i < e; i++)
		im->signatories[im->nsig++] = im->doc.markdown ? imp_md_unescape(line_text(im, i))
		                                               : gir_xstrdup(line_text(im, i));
	im->body_end = dated || im->nsig ? s : im->body_end;
}

/* ---- narratives -------------------------------------------------------------- */

/* Whether the text is hard-wrapped (gireport's txt, pandoc's plain): then a
 * line that is not indented continues the paragraph before it. */
static void detect_wrapping(imp *im)
{
	int max = 0, wide = 0;
	for (size_t i = 0; i < im->doc.nlines; i++)
		if (im->doc.lines[i].kind == IMP_TEXT) {
			int w = imp_width(im->doc.lines[i].text);
			max = w > max ? w : max;
			wide += w >= 60;
		}
	im->wrap_width = max;
	im->wrapped = !im->doc.structured && (im->doc.own_text || (max <= WRAP_MAX && wide >= 3));
}

/* Whether text line i starts a paragraph, after text line `prev` (or
 * after a line that is no text, when `prev` is not i - 1). */
static bool starts_paragraph(const imp *im, size_t i, size_t prev)
{
	const imp_line *l = &im->doc.lines[i];
	if (i == 0 || prev != i - 1 || im->doc.lines[prev].kind != IMP_TEXT)
		return true;
	if (im->doc.markdown)
		return strncmp(line_text(im, i), "### ", 4) == 0 ||
		       strncmp(line_text(im, prev), "### ", 4) == 0;
	if (!im->wrapped)
		return true;
	if (im->doc.own_text)
		return l->wide_indent;
	return l->indent >= 2 || imp_width(im->doc.lines[prev].text) < im->wrap_width - 8;
}

/* A page break inside hard-wrapped text: blank lines around a page number
 * ("— 1 —"), where the paragraph goes on.  Returns the text line after it
 * when the paragraph before continues there, else i. */
static size_t across_page(const imp *im, size_t i, size_t to, size_t prev)
{
	bool page = false;
	size_t j = i;
	for (; j < to && im->doc.lines[j].kind == IMP_BLANK; j++)
		page = page || im->doc.lines[j].page_number;
	if (!page || j >= to || im->doc.lines[j].kind != IMP_TEXT || !im->wrapped)
		return i;
	/* read as if the text line came right after the one before the break */
	const imp_line *l = &im->doc.lines[j];
	bool starts = im->doc.own_text ? l->wide_indent
	                               : l->indent >= 2 ||
	                                     imp_width(im->doc.lines[prev].text) < im->wrap_width - 8;
	return starts ? i : j;
}

static void add_para(imp_narr *nar, char *text, bool heading, gir_pos pos)
{
	IMP_GROW(nar->p, nar->n);
	nar->p[nar->n++] = (imp_para){text, heading, pos};
}

#define NPAIRS 3

/* Opening minus closing quotes and brackets of each kind in s.  Counts add
 * up over pieces joined, so a joined paragraph's are its pieces' sum. */
static void quote_depths(const char *s, long depth[NPAIRS])
{
	static const char *const pairs[NPAIRS][2] = {{"“", "”"}, {"（", "）"}, {"《", "》"}};
	memset(depth, 0, NPAIRS * sizeof *depth);
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c != 0xE2 && c != 0xE3 && c != 0xEF) /* the lead bytes of all six */
			continue;
		for (size_t k = 0; k < NPAIRS; k++)
			for (size_t j = 0; j < 2; j++)
				if (strncmp(s, pairs[k][j], 3) == 0)
					depth[k] += j ? -1 : 1;
	}
}

/* More opening than closing quotes or brackets of some kind. */
static bool any_open(const long depth[NPAIRS])
{
	return depth[0] > 0 || depth[1] > 0 || depth[2] > 0;
}

/* A paragraph broken in the middle of a quotation by a stray blank line is
 * joined with the ones after it until the quotation closes.  One pass: each
 * paragraph is scanned once and appended once. */
static void mend_broken(imp *im, imp_narr *nar)
{
	size_t w = 0;
	for (size_t i = 0; i < nar->n; w++) {
		imp_para cur = nar->p[i++];
		long depth[NPAIRS];
		quote_depths(cur.text, depth);
		if (cur.heading || i >= nar->n || nar->p[i].heading || !any_open(depth)) {
			nar->p[w] = cur;
			continue;
		}
		gir_buf b = {0};
		gir_buf_puts(&b, cur.text);
		free(cur.text);
		for (; i < nar->n && !nar->p[i].heading && any_open(depth); i++) {
			gir_diag_at(im->doc.diags, im->doc.file, nar->p[i].pos, NULL, NULL, NULL,
			            GIR_MSG(WARNING, import_quote_joined,
			                "a paragraph broken inside a quotation; joined with the one before"));
			long more[NPAIRS];
			quote_depths(nar->p[i].text, more);
			for (size_t k = 0; k < NPAIRS; k++)
				depth[k] += more[k];
			imp_join(&b, nar->p[i].text);
			free(nar->p[i].text);
		}
		cur.text = imp_detach(&b);
		nar->p[w] = cur;
	}
	nar->n = w;
}

/* Whether a paragraph that ends with `a` and the one after it that starts
 * with `b` are one sentence cut in two: no paragraph starts with a comma, a
 * stop or a closing bracket, none ends with an opening one or a comma, and
 * a number is not split over two ("201⏎9⏎年", "0598—⏎8231086", the page's <span>s in
 * tests/real/fj-sanming-*). */
static bool cut_sentence(const char *a, size_t n, const char *b)
{
	static const char *const opens_next[] = {"，", "。", "、", "；", "：", "）", "》", "”", "！", "？", ")", ","};
	static const char *const closes_prev[] = {"（", "《", "“", "—", "(", "-", "，", ",", "、"};
	static const char *const after_digit[] = {"年", "月", "日", "号", "件", "条", "个", "%", "％", "."};
	for (size_t k = 0; k < GIR_ARRAY_LEN(opens_next); k++)
		if (strncmp(b, opens_next[k], strlen(opens_next[k])) == 0)
			return true;
	if (imp_ends_with_any(a, n, closes_prev, GIR_ARRAY_LEN(closes_prev)))
		return true;
	if (!n || a[n - 1] < '0' || a[n - 1] > '9')
		return false;
	if (*b >= '0' && *b <= '9')
		return true;
	for (size_t k = 0; k < GIR_ARRAY_LEN(after_digit); k++)
		if (strncmp(b, after_digit[k], strlen(after_digit[k])) == 0)
			return true;
	return false;
}

/* Whether next goes on s.  Not when s is a number with a short head after
 * it and no punctuation of a sentence: a subheading ("（一）主动公开方面⏎
 * 全年主动公开…", the 上海 2025 extract), unless next ends the head with
 * its stop ("（二）落实⏎解读回应机制。"), or the number is an item's, 1. or 1、,
 * whose text the markup cut ("1.全面⏎建成“资讯、互动…”…", 三明 2019). */
static bool goes_on_head(const char *s, size_t n, const char *next)
{
	const char *rest = gir_skip_numbering(s);
	if (rest == s || !*rest || n - (size_t)(rest - s) > 4 * SUBHEADING_MAX ||
	    imp_width(rest) > SUBHEADING_MAX || ends_sentence(rest) || has_stop(rest))
		return true; /* not a numbered head (a longer one is not looked at) */
	if (*s >= '0' && *s <= '9')
		return true;
	return imp_ends_with_stop(next, strlen(next)) &&
	       imp_width(rest) + imp_width(next) <= SUBHEADING_MAX;
}

#define CUT_COPY_MIN 3 /* sentences cut in a narrative that make it a cut copy's */

/* A copy whose lines its markup cut anywhere (三明's pages, a line at each
 * <span>: "市政府组织⏎召开全市⏎“两化”⏎建设⏎协调推进会议，…",
 * tests/real/fj-sanming-2020.page.txt) shows it by CUT_COPY_MIN sentences
 * or more cut where punctuation tells (cut_sentence), or as many scraps.  In such a narrative
 * a paragraph ends only with a stop: a line goes on the one before unless
 * that ends with a stop, or the line starts with a number of its own
 * ("1.", "（二）"), which a number alone before it does not ("（一）⏎编制标准
 * 目录"), or the one before is a numbered head the line does not go on
 * (goes_on_head). */
static bool goes_on_in_copy(const char *prev, size_t n, const char *next)
{
	return !imp_ends_with_stop(prev, n) && gir_skip_numbering(next) == next &&
	       goes_on_head(prev, n, next);
}

/* The paragraphs of nar that are scraps of a sentence: one or two
 * characters after any number, and no stop ("一是", "加强", 三明 2025's
 * "一是⏎加强⏎政策文件库建设。"); no paragraph of a report is so short. */
static size_t scraps(const imp_narr *nar)
{
	size_t n = 0;
	for (size_t i = 0; i < nar->n; i++) {
		const char *t = gir_skip_numbering(nar->p[i].text);
		size_t len = strlen(t);
		n += !nar->p[i].heading && len && len <= 8 && gir_utf8_count(t, len) <= 2 &&
		     !imp_ends_with_stop(t, len);
	}
	return n;
}

/* Joins each paragraph of nar that goes_on says goes on the one before
 * (given the text so far and its length) to it, without a space; returns
 * the lines joined, and in *first where the first was.  One pass: a run of
 * joins grows one buffer, so a long run stays linear. */
static size_t join_on(imp_narr *nar, bool (*goes_on)(const char *, size_t, const char *),
                      gir_pos *first)
{
	size_t w = 0, joined = 0;
	gir_buf acc = {0}; /* nar->p[w - 1]'s text, once something is joined to it */
	for (size_t i = 0; i < nar->n; i++) {
		imp_para *prev = w ? &nar->p[w - 1] : NULL;
		if (prev && !prev->heading && !nar->p[i].heading &&
		    goes_on(acc.len ? acc.ptr : prev->text, acc.len ? acc.len : strlen(prev->text),
		            nar->p[i].text)) {
			if (!acc.len)
				gir_buf_puts(&acc, prev->text);
			gir_buf_puts(&acc, nar->p[i].text);
			free(nar->p[i].text);
			if (!joined++)
				*first = nar->p[i].pos;
			continue;
		}
		if (acc.len)
			free(prev->text), prev->text = imp_detach(&acc);
		nar->p[w++] = nar->p[i];
	}
	if (acc.len)
		free(nar->p[w - 1].text), nar->p[w - 1].text = imp_detach(&acc);
	gir_buf_free(&acc);
	nar->n = w;
	return joined;
}

/* Paragraphs that are one sentence cut in two (cut_sentence) are joined as
 * they were, without a space; said once for the narrative.  CUT_COPY_MIN
 * or more make it a cut copy's (goes_on_in_copy). */
static void mend_cut(imp *im, imp_narr *nar, const char *heading)
{
	gir_pos first = {0, 0}, more_at = {0, 0};
	size_t joined = join_on(nar, cut_sentence, &first);
	const char *name = heading ? heading : im->t->field_labels[GIR_F_PREFACE];
	if (joined)
		gir_diag_at(im->doc.diags, im->doc.file, first, NULL, NULL, NULL,
		            GIR_MSG(WARNING, import_cut_lines_joined,
		                "%s: %zu lines that go on a sentence (starting with a comma or a closing "
		                "bracket, or the rest of a number) joined with the line before"),
		            name, joined);
	size_t more = joined >= CUT_COPY_MIN || scraps(nar) >= CUT_COPY_MIN
	                  ? join_on(nar, goes_on_in_copy, &more_at) : 0;
	if (more)
		gir_diag_at(im->doc.diags, im->doc.file, more_at, NULL, NULL, NULL,
		            GIR_MSG(WARNING, import_cut_copy_joined,
		                "%s: the copy's lines are cut inside sentences, so a paragraph is taken "
		                "to end only at a stop (。！？；) or before a number (1. （二）); %zu more "
		                "lines joined with the line before"),
		            name, more);
}

/* A subheading: the next number of the section's （一）（二）…, on a short
 * line of its own (any length in gireport's txt, which numbers them). */
static bool subheading(const imp *im, const char *text, int expect)
{
	const char *rest = gir_skip_numbering(text);
	if (rest == text || !*rest || heading_number(text) != expect)
		return false;
	if (im->doc.own_text)
		return strncmp(text, "（", 3) == 0;
	return imp_width(rest) <= SUBHEADING_MAX && !ends_sentence(rest);
}

/* A run-in subheading at the start of a paragraph: the section's next
 * number, a short head with no comma, its stop, then the text
 * ("（一）主动公开情况。2024年，…").  Returns the length of the number and
 * head with a ？ or ！ of its own (not a 。), or 0; *text_at is where the text starts. */
static size_t run_in_head(const char *text, int expect, bool alone, size_t *text_at)
{
	static const char *const stops[] = {"。", "？", "！"};
	const char *rest = gir_skip_numbering(text);
	if (rest == text || heading_number(text) != expect)
		return 0;
	const char *stop = NULL;
	size_t k = 0;
	for (size_t i = 0; i < GIR_ARRAY_LEN(stops); i++) {
		const char *f = strstr(rest, stops[i]);
		if (f && (!stop || f < stop))
			stop = f, k = i;
	}
	if (!stop || stop == rest || !stop[3] != alone)
		return 0;
	char *head = gir_xstrndup(rest, (size_t)(stop - rest));
	bool ok = imp_width(head) <= SUBHEADING_MAX && !strstr(head, "，") && !strstr(head, "；") &&
	          !strstr(head, "：") && !strstr(head, ",");
	free(head);
	if (!ok)
		return 0;
	*text_at = (size_t)(stop - text) + 3;
	return k ? *text_at : (size_t)(stop - text);
}

/* Splits the run-in subheadings of nar off their paragraphs; true when
 * there was one. */
static bool split_run_in(const imp *im, imp_narr *nar)
{
	imp_narr out = {0};
	int expect = 1, kind = 0;
	bool any = false;
	for (size_t i = 0; i < nar->n; i++) {
		imp_para p = nar->p[i];
		size_t at = 0, head = p.heading ? 0 : run_in_head(p.text, expect, false, &at);
		if (head && !kind_of_subheadings(&kind, p.text))
			head = 0;
		if (!head) {
			expect += p.heading ||
			          (subheading(im, p.text, expect) && kind_of_subheadings(&kind, p.text));
			add_para(&out, p.text, p.heading, p.pos);
			continue;
		}
		any = true;
		expect++;
		add_para(&out, gir_xstrndup(p.text, head), false, p.pos);
		add_para(&out, gir_xstrdup(p.text + at), false, p.pos);
		out.p[out.n - 2].heading = true; /* numbered: mark_subheadings strips it */
		free(p.text);
	}
	free(nar->p);
	*nar = out;
	nar->run_in = any;
	return any;
}

/* Marks the paragraphs of nar that are subheadings (（一）（二）… in order,
 * or "### " in Markdown) and strips their numbers; a number with no text
 * after it is not one.  Run-in subheadings ("（一）主动公开情况。正文")
 * are split off their paragraph first, and mark the narrative run_in. */
static void mark_subheadings(const imp *im, imp_narr *nar)
{
	int expect = 1, kind = 0;
	split_run_in(im, nar);
	for (size_t i = 0; i < nar->n; i++) {
		imp_para *p = &nar->p[i];
		size_t at;
		bool alone = nar->run_in && !p->heading && run_in_head(p->text, expect, true, &at);
		if (!p->heading && ((!alone && !subheading(im, p->text, expect)) ||
		                    !kind_of_subheadings(&kind, p->text)))
			continue;
		if (nar->run_in) { /* "（四）平台建设。" alone: the renderer adds the stop */
			size_t n = strlen(p->text);
			if (n > 3 && strcmp(p->text + n - 3, "。") == 0)
				p->text[n - 3] = '\0';
		}
		const char *rest = gir_skip_numbering(p->text);
		if (!*rest) {
			p->heading = false;
			continue;
		}
		char *t = gir_xstrdup(rest);
		free(p->text);
		p->text = t;
		p->heading = true;
		expect++;
	}
}

/* The paragraphs of lines [from, to) into nar (which the caller frees with
 * narr_free): lines joined across line and page breaks, a paragraph ending
 * at a blank line or where the next line starts one, subheadings marked. */
static void read_narrative(imp *im, size_t from, size_t to, const char *heading_name, imp_narr *nar)
{
	memset(nar, 0, sizeof *nar);
	gir_buf b = {0};
	gir_pos pos = {0, 0};
	bool heading = false;
	for (size_t i = from, prev = from; i <= to; i++) {
		size_t after = b.len && i < to && im->doc.lines[i].kind == IMP_BLANK
		                   ? across_page(im, i, to, prev) : i;
		bool goes_on = after != i;
		i = after;
		bool text = i < to && im->doc.lines[i].kind == IMP_TEXT;
		if (b.len && !goes_on && (!text || starts_paragraph(im, i, prev))) {
			add_para(nar, imp_detach(&b), heading, pos);
			heading = false;
		}
		if (!text)
			continue;
		const char *s = line_text(im, i);
		if (!b.len) {
			pos = (gir_pos){im->doc.lines[i].no, im->doc.lines[i].col};
			heading = im->doc.markdown && strncmp(s, "### ", 4) == 0;
			s += heading ? 4 : 0;
		}
		char *u = im->doc.markdown ? imp_md_unescape(s) : gir_xstrdup(s);
		if (im->doc.markdown && !b.len && strncmp(s, "**", 2) == 0 && strstr(s + 2, "**")) {
			/* **（一）主动公开情况**。正文: a run-in subheading, in bold */
			free(u);
			gir_buf plain = {0};
			const char *e = strstr(s + 2, "**");
			gir_buf_put(&plain, s + 2, (size_t)(e - s - 2));
			gir_buf_puts(&plain, e + 2);
			u = imp_md_unescape(plain.ptr);
			gir_buf_free(&plain);
		}
		imp_join(&b, u);
		free(u);
		prev = i;
	}
	gir_buf_free(&b);
	/* A reader's paragraphs (a page's <p>, Word's w:p) are whole. */
	if (!im->doc.own_text && !im->doc.markdown && !im->doc.structured) {
		mend_cut(im, nar, heading_name);
		mend_broken(im, nar);
	}
	mark_subheadings(im, nar);
}

static void narr_free(imp_narr *nar)
{
	for (size_t i = 0; i < nar->n; i++)
		free(nar->p[i].text);
	free(nar->p);
}

/* Table lines inside a narrative: nothing of the form to put them in. */
static void stray_tables(imp *im, size_t from, size_t to, const char *where)
{
	for (size_t i = from; i < to; i++) {
		imp_kind k = im->doc.lines[i].kind;
		if (k != IMP_TAB && k != IMP_PIPE && k != IMP_BOX && k != IMP_COLS && k != IMP_CELLS)
			continue;
		gir_diag_at(im->doc.diags, im->doc.file, (gir_pos){im->doc.lines[i].no, 1},
		            NULL, NULL, NULL,
		            GIR_MSG(WARNING, import_table_left_out,
		                "%s: a table, but the form has none here; left out"), where);
		while (i + 1 < to && im->doc.lines[i + 1].kind != IMP_BLANK && im->doc.lines[i + 1].kind != IMP_TEXT)
			i++;
	}
}

/* A paragraph as a list item at `indent`, remembered for placeholders. */
static void emit_para(imp *im, int indent, const imp_para *p)
{
	char *s = narrative_scalar(p->text);
	size_t at = im->out->len + (size_t)indent + 2;
	write_lines(im, p->pos, "%*s- %s\n", indent, "", s);
	IMP_GROW(im->paras, im->nparas);
	im->paras[im->nparas++] = (struct written_para){at, strlen(s), gir_xstrdup(p->text)};
	free(s);
}

/* Writes nar as the narrative section `key` (with `comment` after the key
 * when not NULL): a list of paragraphs, each subheading a key of its own
 * with the paragraphs up to the next one under it. */
static void emit_narrative(imp *im, const char *key, const char *comment, const imp_narr *nar)
{
	bool headings = false;
	for (size_t i = 0; i < nar->n; i++)
		headings |= nar->p[i].heading;
	if (nar->run_in) {
		gir_buf_printf(&im->run_in, "%s%s: run-in", im->nrun_in ? ", " : "", key);
		im->nrun_in++;
	} else if (headings) {
		im->nseparate++;
	}
	if (comment)
		write_lines(im, nar->p[0].pos, "%s:  # %s\n", key, comment);
	else
		write_lines(im, nar->p[0].pos, "%s:\n", key);
	for (size_t i = 0; i < nar->n; i++) {
		const imp_para *p = &nar->p[i];
		if (!p->heading) {
			emit_para(im, 2, p);
			continue;
		}
		size_t k = i + 1;
		while (k < nar->n && !nar->p[k].heading)
			k++;
		char *s = narrative_scalar(p->text);
		write_lines(im, p->pos, "  - %s:\n", s);
		free(s);
		for (size_t j = i + 1; j < k; j++)
			emit_para(im, 6, &nar->p[j]);
		i = k - 1;
	}
}

/* ---- tables -------------------------------------------------------------------- */

static const imp_slot *slot_of(const imp_table *tab, const gir_axis *row)
{
	for (size_t i = 0; i < tab->nslots; i++)
		if (tab->slots[i].row == row)
			return &tab->slots[i];
	return NULL;
}

/* Whether the tree has a row to write: read, or missing and so marked. */
static bool any_filled(const imp_table *tab, const gir_axis *a)
{
	if (!a->nchildren) {
		const imp_slot *s = slot_of(tab, a);
		return s && (s->filled || s->missing);
	}
	for (size_t i = 0; i < a->nchildren; i++)
		if (any_filled(tab, a->children[i]))
			return true;
	return false;
}

/* Remembers that the value starting at column col of the line being
 * written came from the input's cell at pos. */
static void add_value_place(imp *im, int col, gir_pos pos)
{
	IMP_GROW(im->vplaces, im->nvplaces);
	im->vplaces[im->nvplaces++] = (struct value_place){im->nmap + 1, col, pos};
}

/* The input's place for a check's diagnostic at line:col of the source: the
 * value's own cell when the line is a line of values, else the line's. */
static gir_pos input_place(const imp *im, int line, int col)
{
	if (line <= 0 || (size_t)line > im->nmap)
		return (gir_pos){0, 0};
	gir_pos pos = im->map[line - 1];
	for (size_t i = 0; i < im->nvplaces; i++) /* in line order: the last one at or before col */
		if (im->vplaces[i].line == (size_t)line && im->vplaces[i].col <= col)
			pos = im->vplaces[i].pos;
	return pos;
}

/* Writes a row of the form as the source has it: "id: value" for one cell,
 * "id: [a, b, …]" for more, each value's input place remembered; a row not
 * found gets GIR_UNREAD and a comment saying so. */
static void emit_values(imp *im, const imp_slot *s, int indent)
{
	if (s->missing) {
		write_lines(im, s->pos, "%*s%s: " GIR_UNREAD "  # import: %s\n", indent, "", s->row->id,
		            s->run_together ? "its cells run together and could not be cut for certain"
		            : s->unjoined   ? "more values than cells, which could not be joined for certain"
		                            : "not found in the input");
		return;
	}
	if (s->note)
		emit_comment(im, indent, s->pos, s->note);
	if (s->n == 1 && s->block->ncols == 1) {
		/* "-" alone after a key would start a YAML list: quoted there */
		bool dash = strcmp(s->values[0], "-") == 0;
		write_lines(im, s->pos, "%*s%s: %s%s%s\n", indent, "", s->row->id, dash ? "\"" : "",
		            s->values[0], dash ? "\"" : "");
		return;
	}
	gir_buf b = {0};
	int col = indent + (int)strlen(s->row->id) + 4; /* "id: [" then the first value */
	for (size_t i = 0; i < s->n; i++) {
		if (s->vpos && s->vpos[i].line)
			add_value_place(im, col, s->vpos[i]);
		gir_buf_printf(&b, "%s%s", i ? ", " : "", s->values[i]);
		col += gir_utf8_count(s->values[i], strlen(s->values[i])) + 2;
	}
	write_lines(im, s->pos, "%*s%s: [%s]\n", indent, "", s->row->id, b.ptr ? b.ptr : "");
	gir_buf_free(&b);
}

/* The rows of a tree as the source nests them: groups without an id are
 * transparent, keyed groups are mappings of their rows. */
static void emit_rows(imp *im, const imp_table *tab, const gir_axis *a, int indent)
{
	for (size_t i = 0; i < a->nchildren; i++) {
		const gir_axis *k = a->children[i];
		if (!any_filled(tab, k))
			continue;
		if (!k->nchildren) {
			emit_values(im, slot_of(tab, k), indent);
		} else if (!k->id) {
			emit_rows(im, tab, k, indent);
		} else {
			write_lines(im, slot_of(tab, k->children[0]) ? slot_of(tab, k->children[0])->pos : (gir_pos){0, 0},
			     "%*s%s:\n", indent, "", k->id);
			emit_rows(im, tab, k, indent + 2);
		}
	}
}

/* The cells of the rows read that could be labels, each row's at most
 * LIKE_PER_ROW (a row has a few), for hints. */
#define LIKE_PER_ROW 16

/* The cells of rows that could be labels, at most LIKE_PER_ROW a row, into
 * *out (malloc'd, pointing into rows); returns how many. */
static size_t label_cells(const imp_row *rows, size_t n, const imp_cell ***out)
{
	size_t m = 0;
	*out = NULL;
	for (size_t i = 0; i < n; i++)
		for (size_t k = 0, got = 0; k < rows[i].n && got < LIKE_PER_ROW; k++)
			if (imp_could_be_label(rows[i].cells[k].text)) {
				IMP_GROW(*out, m);
				(*out)[m++] = &rows[i].cells[k];
				got++;
			}
	return m;
}

/* The cell likest the row of the form, as a hint where the input has it:
 * NULL when none is even 40 % alike. */
static const imp_cell *likest_cell(const imp_cell **cells, size_t n, const gir_axis *row)
{
	const imp_cell *best = NULL;
	double b = 0.4;
	for (size_t i = 0; i < n; i++) {
		double v = imp_label_similarity(row, cells[i]->text);
		if (v > b)
			b = v, best = cells[i];
	}
	return best;
}

/* Whether the row's cells ran together and were not cut (import_runs.c),
 * which is reported already. */
static bool refused_row(const imp_doc *doc, const gir_section *sec, const gir_axis *row)
{
	char *full = imp_row_path(sec, row);
	bool r = false;
	for (size_t i = 0; i < doc->refused_rows.len && !r; i++)
		r = strcmp(doc->refused_rows.items[i], full) == 0;
	free(full);
	return r;
}

/* Whether every row of the section is one whose cells ran together and
 * were not cut. */
static bool all_refused(const imp_doc *doc, const gir_section *sec)
{
	bool any = false;
	for (size_t b = 0; b < sec->nblocks; b++)
		for (size_t r = 0; r < sec->blocks[b]->nrows; r++) {
			if (!refused_row(doc, sec, sec->blocks[b]->row_leaves[r]))
				return false;
			any = true;
		}
	return any;
}

/* A row of the form not found in the input is an error, never a silent 0:
 * the source has 待填 for it, which `check` refuses until a person writes
 * the row from the original; the message says where the input has
 * something like it. */
static void missing_rows(imp *im, imp_table *tab, const imp_row *rows, size_t n)
{
	gir_pos head = {im->doc.lines[im->sec_line[tab->sec->index]].no, 1};
	const imp_cell **cells = NULL;
	size_t ncells = (size_t)-1;
	for (size_t i = 0; i < tab->nslots; i++) {
		imp_slot *s = &tab->slots[i];
		if (s->filled || gir_axis_is_sum(s->row) || tab->flat)
			continue;
		s->missing = true;
		if (s->unjoined)
			continue; /* said so already, imp_table_join */
		s->run_together = refused_row(&im->doc, tab->sec, s->row);
		if (s->run_together) {
			s->pos = head;
			continue; /* said so already, import_runs.c */
		}
		char *what = gir_axis_label_chain(s->row, im->year);
		if (ncells == (size_t)-1)
			ncells = label_cells(rows, n, &cells);
		const imp_cell *like = likest_cell(cells, ncells, s->row);
		char *hint = like ? gir_xasprintf("line %d has \"%s\", which may be it", like->pos.line,
		                                  like->text)
		                  : gir_xstrdup("nothing in the section reads like it; find the row in "
		                                "the original");
		s->pos = like ? like->pos : head;
		char *full = gir_join_labels(tab->sec->heading, what, (char *)NULL);
		char *key = imp_row_path(tab->sec, s->row);
		gir_diag_at(im->doc.diags, im->doc.file, s->pos, NULL, key, hint,
		            GIR_MSG(ERROR, import_section_not_found,
		                "%s: not found in the input; the source has %s for it"), full, GIR_UNREAD);
		free(key);
		free(full);
		free(hint);
		free(what);
	}
	free(cells);
}

/* The first line in [from, to) that holds a row label of the section, as a
 * hint where a table not found may be; 0 when none does. */
static int line_like_table(const imp *im, const gir_section *sec, size_t from, size_t to)
{
	for (size_t i = from; i < to; i++) {
		if (im->doc.lines[i].kind == IMP_BLANK)
			continue;
		char *n = imp_normalize(im->doc.lines[i].text);
		bool hit = false;
		for (size_t b = 0; b < sec->nblocks && !hit; b++)
			for (size_t r = 0; r < sec->blocks[b]->nrows && !hit; r++) {
				const gir_axis *a = sec->blocks[b]->row_leaves[r];
				const char *bare = a->bare_label ? a->bare_label : a->label;
				hit = bare && strlen(bare) >= 6 && strstr(n, bare) != NULL;
			}
		free(n);
		if (hit)
			return im->doc.lines[i].no;
	}
	return 0;
}

/* A table section with nothing read: 待填 in the source and an error, with
 * the first line that looks like its table. */
static void no_table(imp *im, const gir_section *sec, gir_pos at, size_t from, size_t to,
                     const char *why)
{
	int like = line_like_table(im, sec, from, to);
	char *hint = like ? gir_xasprintf("line %d has a row of it, not read as a table row; "
	                                  "write the table as rows of cells (see docs/import.md)", like)
	                  : gir_xstrdup("write the table from the original in place of " GIR_UNREAD
	                                ", or {} when the original says every cell is 0");
	gir_diag_at(im->doc.diags, im->doc.file, at, NULL, sec->id, hint,
	            GIR_MSG(ERROR, import_section_unread,
	                "%s: %s; the source has %s for it"), sec->heading, why, GIR_UNREAD);
	write_lines(im, at, "%s: " GIR_UNREAD "  # %s: %s\n", sec->id, sec->heading, why);
	free(hint);
}

/* Writes a table section: the rows of the form under the section's key, or
 * the flat list of cells (with its note) when the cells could not be
 * placed on rows; the table's notes as comments after it. */
static void emit_table(imp *im, const gir_section *sec, const imp_table *tab)
{
	gir_pos pos = tab->flat ? tab->flat_pos : (gir_pos){im->doc.lines[im->sec_line[sec->index]].no, 1};
	if (tab->flat) {
		emit_comment(im, 0, pos, tab->flat_note);
		gir_buf b = {0};
		for (size_t i = 0; i < tab->nflat; i++)
			gir_buf_printf(&b, "%s%s", i ? ", " : "", tab->flat[i]);
		write_lines(im, pos, "%s: [%s]  # %s\n", sec->id, b.ptr, sec->heading);
		gir_buf_free(&b);
	} else {
		write_lines(im, pos, "%s:  # %s\n", sec->id, sec->heading);
		for (size_t b = 0; b < sec->nblocks; b++)
			emit_rows(im, tab, &sec->blocks[b]->rows, 2);
	}
	for (size_t i = 0; i < tab->notes.len; i++)
		emit_comment(im, 2, pos, tab->notes.items[i]);
}

static size_t page_tail(imp *im, size_t from, size_t to);

/* Whether section k is the last one found in the input. */
static bool last_found(const imp *im, size_t k)
{
	for (size_t j = k + 1; j < im->t->nsections; j++)
		if (im->sec_line[j] >= 0)
			return false;
	return true;
}

/* The paragraphs of the report's narratives, a line break between two,
 * read as import_section reads them but saying nothing (what is said of
 * them is said when they are written): the figures the text states, which
 * decide a row's values that the form's sums leave several ways to join
 * (imp_table_join).  Read once, when a table first needs them. */
static const char *narrative_text(imp *im)
{
	if (im->narrative)
		return im->narrative;
	gir_diags *said = im->doc.diags, *quiet = gir_diags_new();
	im->doc.diags = quiet;
	gir_buf b = {0};
	for (size_t k = 0; k < im->t->nsections; k++) {
		const gir_section *sec = im->t->sections[k];
		if (sec->kind != GIR_NARRATIVE || im->sec_line[k] < 0)
			continue;
		size_t from, to;
		section_range(im, k, &from, &to);
		if (last_found(im, k))
			to = page_tail(im, from, to);
		imp_narr nar;
		read_narrative(im, from, to, sec->heading, &nar);
		for (size_t i = 0; i < nar.n; i++) {
			gir_buf_puts(&b, nar.p[i].text);
			gir_buf_putc(&b, '\n');
		}
		narr_free(&nar);
	}
	im->doc.diags = said;
	gir_diags_free(quiet);
	im->narrative = imp_detach(&b);
	return im->narrative;
}

/* Reads section k of the template from its lines in the input and writes
 * it: a narrative as paragraphs, a table as rows of the form.  A table not
 * found is written as GIR_UNREAD with an error; a narrative not found is
 * left out with a warning. */
static void import_section(imp *im, size_t k)
{
	const gir_section *sec = im->t->sections[k];
	if (im->sec_line[k] < 0) {
		if (sec->kind == GIR_TABLE) {
			write_lines(im, (gir_pos){0, 0}, "\n");
			/* at the title's line, where the check's own error on 待填 lands too */
			no_table(im, sec, im->title_pos, 0, im->doc.nlines, "no heading found in the input");
			return;
		}
		gir_diag_at(im->doc.diags, im->doc.file, (gir_pos){0, 0}, NULL, NULL, NULL,
		            GIR_MSG(WARNING, import_heading_not_found,
		                "no heading %s found; the section is left out"), sec->heading);
		return;
	}
	size_t from, to;
	section_range(im, k, &from, &to);
	write_lines(im, (gir_pos){0, 0}, "\n");
	if (sec->kind == GIR_NARRATIVE && last_found(im, k))
		to = page_tail(im, from, to);
	if (sec->kind == GIR_NARRATIVE) {
		stray_tables(im, from, to, sec->heading);
		imp_narr nar;
		read_narrative(im, from, to, sec->heading, &nar);
		if (nar.n)
			emit_narrative(im, sec->id, sec->heading, &nar);
		else
			write_lines(im, (gir_pos){im->doc.lines[im->sec_line[k]].no, 1}, "%s: []  # %s\n", sec->id,
			     sec->heading);
		narr_free(&nar);
		return;
	}
	imp_row *rows;
	size_t n = imp_rows(&im->doc, from, to, &rows);
	imp_table tab;
	imp_table_read(&im->doc, sec, rows, n, &tab);
	if (imp_table_split(&tab))
		imp_table_join(&im->doc, &tab, narrative_text(im));
	gir_pos at = {im->doc.lines[im->sec_line[k]].no, 1};
	if (tab.found) {
		missing_rows(im, &tab, rows, n);
		emit_table(im, sec, &tab);
	} else if (all_refused(&im->doc, sec)) {
		/* every row's cells ran together and were not cut: said so row by
		 * row (import_runs.c) */
		write_lines(im, at, "%s: " GIR_UNREAD "  # %s: its cells run together and could not be "
		            "cut for certain\n", sec->id, sec->heading);
	} else {
		no_table(im, sec, at, from, to, "no table found in the input");
	}
	for (size_t i = 0; !tab.found && i < tab.notes.len; i++)
		emit_comment(im, 0, at, tab.notes.items[i]);
	imp_table_free(&tab);
	imp_rows_free(rows, n);
}

/* ---- the edition ------------------------------------------------------------- */

/* Whether the rows of lines from i on read the same when imp_rows starts at
 * i as when it started before: a blank line, or a line of text that does
 * not continue a Word cell, ends whatever row was being collected. */
static bool rows_restart(const imp_doc *doc, size_t i)
{
	imp_kind k = doc->lines[i].kind;
	return k == IMP_BLANK || (k == IMP_TEXT && doc->lines[i - 1].kind != IMP_TAB);
}

/* The cells of the whole text that could be labels, read a stretch of
 * lines at a time so that the rows of a large text are never all held;
 * a stretch with no place to restart is cut anyway (only a made-up text
 * has 64k lines in one row, and the score is a vote). */
static imp_labels *all_labels(const imp_doc *doc)
{
	enum { STRETCH = 4096, STRETCH_MAX = 65536 };
	imp_labels *L = imp_labels_new();
	for (size_t from = 0, to; from < doc->nlines; from = to) {
		to = from + STRETCH;
		while (to < doc->nlines && to - from < STRETCH_MAX && !rows_restart(doc, to))
			to++;
		to = to < doc->nlines ? to : doc->nlines;
		imp_row *rows;
		size_t n = imp_rows(doc, from, to, &rows);
		imp_labels_add(L, rows, n);
		imp_rows_free(rows, n);
	}
	return L;
}

/* The national form a template is, or extends. */
static const char *family(const gir_registry *reg, const gir_template *t)
{
	for (int depth = 0; t->base && depth < 16; depth++) { /* the registry has no cycle */
		const gir_template *b = gir_registry_find(reg, t->base);
		if (!b)
			return t->base;
		t = b;
	}
	return t->id;
}

/* The chosen edition first, then every other template of its family (the
 * national form and its local layouts): the lines a one-line report is cut
 * into must not depend on which layout was chosen before there were lines
 * to choose by.  malloc'd; *n how many. */
static const gir_template **family_of_chosen(const imp *im, size_t *n)
{
	size_t count = gir_registry_count(im->reg);
	const gir_template **ts = gir_xcalloc(count + 1, sizeof *ts);
	*n = 0;
	if (!im->t)
		return ts;
	ts[(*n)++] = im->t;
	const char *fam = family(im->reg, im->t);
	for (size_t i = 0; i < count; i++) {
		const gir_template *t = gir_registry_at(im->reg, i);
		if (t != im->t && strcmp(family(im->reg, t), fam) == 0)
			ts[(*n)++] = t;
	}
	return ts;
}

/* The score of a template against another of its family: its labels found
 * less those the text lacks (2 × found − labels), where the heading of a
 * section the national form does not have (gov-2021-outline's 二、工作机制保障)
 * is left out.  Such a section is one a report may add of its own to any
 * outline (上海市科委 2024 has it among five narrative sections of its own,
 * and its tables under 一 to 三): what tells the layout is where it puts
 * the form's own sections, which its other headings say.  A row of the
 * national form that the text prints and the layout has no row for counts
 * against the layout as much as a row found counts for it: 上海 2025's
 * extraction cuts the labels of （六）1. and 2. and the group's, but its
 * `3.其他` has no place in gov-2021-other-row. */
static int family_score(const imp *im, const gir_template *t, int found, const imp_labels *L)
{
	int s = 2 * found - imp_labels_count(t);
	const gir_template *nat = gir_registry_find(im->reg, family(im->reg, t));
	for (size_t i = 0; nat && i < t->nsections; i++)
		if (!gir_template_section(nat, t->sections[i]->id))
			s -= 2 * imp_heading_found(t->sections[i], L) - 1;
	if (nat && nat != t)
		s -= 2 * imp_labels_lacking(t, nat, L);
	return s;
}

/* The template whose labels the tables use most; on a tie the one meant for
 * the year, then one that extends no other.  Between a national form and
 * a local layout of it (gov-2021, gov-2021-other-row), the labels the text
 * lacks count against (family_score): 2 × found − labels, so a report that prints
 * （六）其他处理 as one row is gov-2021-other-row's (gov-2021's 1.–3. are
 * not in it), one that prints them gov-2021's (three labels more). */
static void choose_template(imp *im, int year)
{
	imp_labels *L = all_labels(&im->doc);
	int found = -1;
	for (size_t i = 0; i < gir_registry_count(im->reg); i++) {
		const gir_template *t = gir_registry_at(im->reg, i);
		int f = imp_labels_score(t, L);
		bool better = f > found;
		if (im->t && strcmp(family(im->reg, t), family(im->reg, im->t)) == 0) {
			int s = family_score(im, t, f, L), best = family_score(im, im->t, found, L);
			better = s > best || (s == best && !t->is_extension && im->t->is_extension);
		} else if (f == found && im->t) {
			int a = gir_template_covers(t, year) * 2 + !t->is_extension;
			int b = gir_template_covers(im->t, year) * 2 + !im->t->is_extension;
			better = a > b;
		}
		if (better)
			im->t = t, found = f;
	}
	im->score = found;
	im->chosen = im->t;
	imp_labels_free(L);
}

/* ---- the whole source ------------------------------------------------------------- */

/* Writes the head of the source: a comment naming the input and how the
 * edition was chosen, then year, agency, template, the title when it is not
 * the template's own, the date and the signatories. */
static void emit_head(imp *im, const char *file)
{
	char *name = im->t != im->chosen
	                 ? gir_xasprintf("gireport import of %s: edition %s, as --template says", file,
	                                 im->t->id)
	                 : gir_xasprintf("gireport import of %s: edition %s, chosen by %d labels of "
	                                 "its tables found in the text", file, im->t->id, im->score);
	emit_comment(im, 0, (gir_pos){0, 0}, name);
	free(name);
	write_lines(im, im->title_pos, "year: %d\n", im->year);
	char *agency = yaml_scalar(im->agency ? im->agency : "");
	write_lines(im, im->title_pos, "agency: %s\n", agency);
	free(agency);
	write_lines(im, (gir_pos){0, 0}, "template: %s\n", im->t->id);
	char *def = gir_expand_label(im->t->title ? im->t->title : "", im->year, im->agency);
	if (im->title && !gir_same_key(def, im->title)) {
		char *t = yaml_scalar(im->title);
		write_lines(im, im->title_pos, "title: %s\n", t);
		free(t);
	}
	free(def);
	if (im->date[0])
		write_lines(im, im->date_pos, "date: %04d-%02d-%02d\n", im->date[0], im->date[1], im->date[2]);
	if (im->nsig && !(im->nsig == 1 && im->agency && gir_same_key(im->signatories[0], im->agency))) {
		write_lines(im, (gir_pos){0, 0}, "signatories:\n");
		for (size_t i = 0; i < im->nsig; i++) {
			char *s = yaml_scalar(im->signatories[i]);
			write_lines(im, im->date_pos, "  - %s\n", s);
			free(s);
		}
	}
}

/* Whether a line ends a sentence as a paragraph of the report does. */
static bool ends_paragraph(const char *s)
{
	static const char *const marks[] = {"。", "！", "？", "；", "……", "”", "）"};
	return ends_with_any(s, marks, GIR_ARRAY_LEN(marks));
}

#define PAGE_LINE_MAX 60 /* display cells */

/* A field of the page's or its archive's header, however long: a name of
 * at most six characters, a colon, and a value with no punctuation of a
 * sentence (原文链接: https://…, 本地目录: zwgk/…/80569_…年度报告,
 * tests/real/fj-pingtan-*.page.txt). */
static bool field_line(const char *s)
{
	static const char *const colons[] = {"\xEF\xBC\x9A", ":"}; /* ：  : */
	const char *c = NULL;
	for (size_t k = 0; k < GIR_ARRAY_LEN(colons); k++) {
		const char *f = strstr(s, colons[k]);
		if (f && (!c || f < c))
			c = f;
	}
	if (!c || c == s)
		return false;
	char *name = gir_xstrndup(s, (size_t)(c - s));
	bool short_name = imp_width(name) <= 12 && !strchr(name, ' ');
	free(name);
	if (!short_name)
		return false;
	return !has_stop(c);
}

/* The line an archive puts before the article ("正文：",
 * "==================== 正文 ====================",
 * tests/real/fj-pingtan-*.page.txt, fj-sanming-*): the word with only
 * colons, "=" and spaces around it. */
static bool article_marker(const imp *im, size_t i)
{
	char *n = without_spaces(line_text(im, i));
	char *a = n, *b = n + strlen(n);
	while (*a == '=')
		a++;
	while (b > a && (b[-1] == '=' || b[-1] == ':'))
		b--;
	if (b - a >= 3 && strncmp(b - 3, "\xEF\xBC\x9A", 3) == 0) /* ： */
		b -= 3;
	bool is = b - a == 6 && strncmp(a, "正文", 6) == 0;
	free(n);
	return is;
}

/* The line after an archive's article marker among the page's lines after
 * the title (short ones, or header fields however long); `from` when
 * there is none. */
static size_t after_marker(const imp *im, size_t from, size_t end)
{
	for (size_t i = from; i < end; i++) {
		if (blank(im, i))
			continue;
		const char *s = line_text(im, i);
		if (im->doc.lines[i].kind != IMP_TEXT)
			break;
		if (article_marker(im, i))
			return i + 1;
		if ((imp_width(s) > PAGE_LINE_MAX && !field_line(s)) || ends_paragraph(s))
			break;
	}
	return from;
}

/* A page copied from a portal has, between the title and the report's
 * first paragraph, short lines of its own (来源：…  时间：…, 微信 微博,
 * 文字版, 相关链接：): no sentence of the report is among them.  They are
 * left out, and said; returns the line after them. */
static size_t skip_page_matter(imp *im, size_t from, size_t end)
{
	if (im->doc.own_text || im->doc.markdown)
		return from;
	size_t i = from, first = 0, marked = after_marker(im, from, end);
	bool any = false;
	for (; i < end; i++) {
		const char *s = line_text(im, i);
		if (blank(im, i))
			continue;
		if (marked > from ? i >= marked /* the article starts after the archive's marker */
		                  : im->doc.lines[i].kind != IMP_TEXT || imp_width(s) > PAGE_LINE_MAX ||
		                        ends_paragraph(s))
			break;
		if (!any)
			first = i, any = true;
	}
	if (!any || i >= end)
		return from;
	gir_diag_at(im->doc.diags, im->doc.file,
	            (gir_pos){im->doc.lines[first].no, im->doc.lines[first].col}, NULL, NULL, NULL,
	            GIR_MSG(WARNING, import_page_header_left_out,
	                "the short lines after the title (lines %d-%d) read as the page's, not the "
	            "report's (source, date, links); left out"), im->doc.lines[first].no,
	            im->doc.lines[i - 1].no);
	return i;
}

/* After the report's last paragraph a copied page goes on with its own
 * lines: 附件下载, 扫一扫…, links, the footer — a run of short lines that
 * end no sentence, which no report has.  From the first run of
 * PAGE_TAIL_RUN such lines on, the last section's lines are left out, and
 * said; returns where the section ends. */
#define PAGE_TAIL_RUN 5
#define PAGE_TAIL_WIDTH 40

/* Where the page's own matter (links, footer) starts among lines [from,
 * to) of the last section: at a run of PAGE_TAIL_RUN short lines after a
 * paragraph of the report, with a warning; else `to`.  Own text and
 * Markdown have no such matter. */
static size_t page_tail(imp *im, size_t from, size_t to)
{
	if (im->doc.own_text || im->doc.markdown)
		return to;
	size_t run = 0, start = from;
	bool para = false; /* a paragraph of the report seen before */
	for (size_t i = from; i < to; i++) {
		if (blank(im, i))
			continue;
		const char *s = line_text(im, i);
		bool short_line = imp_width(s) <= PAGE_TAIL_WIDTH && !ends_paragraph(s);
		if (!short_line || !para) {
			run = 0;
			para = para || ends_paragraph(s);
			continue;
		}
		if (!run++)
			start = i;
		if (run == PAGE_TAIL_RUN) {
			char *t = gir_xstrdup(line_text(im, start));
			gir_diag_at(im->doc.diags, im->doc.file,
			            (gir_pos){im->doc.lines[start].no, im->doc.lines[start].col}, NULL, NULL,
			            NULL,
			            GIR_MSG(WARNING, import_page_footer_left_out,
			                "the lines from %d to the end (from \"%s\") read as the page's, not "
			            "the report's (links, footer); left out"), im->doc.lines[start].no, t);
			free(t);
			return start;
		}
	}
	return to;
}

/* The column of byte `at` of line l's text s (after its leading white
 * space, where l->col is): characters, as libyaml counts. */
static int column_at(const imp_line *l, const char *s, size_t at)
{
	int col = l->col;
	for (size_t i = 0; i < at; i++)
		col += ((unsigned char)s[i] & 0xC0) != 0x80;
	return col;
}

#define INLINE_HEAD_MAX 1000 /* bytes of a line where the page's words are looked for */

/* Where the report's title ends, set off by spaces, in the first
 * INLINE_HEAD_MAX bytes of s, with no sentence ended before it; the last
 * such title, or 0. */
static size_t title_end_in(const imp *im, const char *s)
{
	size_t len = strlen(s), limit = len < INLINE_HEAD_MAX ? len : INLINE_HEAD_MAX, best = 0;
	const char *stop = strstr(s, "。");
	if (stop && (size_t)(stop - s) < limit)
		limit = (size_t)(stop - s);
	for (size_t q = 1; q < limit; q++) {
		if (s[q] != ' ')
			continue;
		for (size_t p = 0; p < q; p++) {
			if (p > 0 && s[p - 1] != ' ')
				continue;
			if (q - p > 300)
				continue;
			char *piece = gir_xstrndup(s + p, q - p);
			char *flat = without_spaces(piece);
			char *agency = NULL;
			int year = 0;
			if (*flat && match_title(im, flat, &agency, &year))
				best = q;
			free(agency);
			free(flat);
			free(piece);
		}
	}
	return best;
}

#define PAGE_WORD_MAX 24 /* display cells of one of the page's words */

/* The page's header words that follow the title on a one-line copy's
 * article line, before the report: fields and share links set off by
 * spaces ("来源： 时间：2022-01-19 16:56 --> 微信 微博 QQ空间 全真版 文字版
 * 文件下载 相关链接： 根据《…", tests/real/fj-pingtan-hzs-2021.page.txt).  Only
 * when the first word is a field (a short name and a colon): then the
 * words up to the first that is long or holds a sentence's punctuation are
 * the page's.  Returns where the last of them ends, 0 for none (or when
 * nothing of the line would be left after them). */
static size_t page_words_at(const char *s)
{
	size_t p = 0, end = 0;
	for (bool first = true;; first = false) {
		while (s[p] == ' ')
			p++;
		size_t q = p;
		while (s[q] && s[q] != ' ')
			q++;
		if (q == p)
			break;
		char *w = gir_xstrndup(s + p, q - p);
		bool page = imp_width(w) <= PAGE_WORD_MAX && !has_stop(w) && (!first || field_line(w));
		free(w);
		if (!page)
			break;
		p = end = q;
	}
	return s[p] ? end : 0; /* p: the first word of the report, or the end */
}

/* A page copied as one line of text starts the article's line with the
 * page's own words — breadcrumb, source and time, share links, the title
 * again — and then the report ("当前位置： 首页政务公开… 来源： 时间：2020-01-02
 * 微信 微博 … 平潭综合实验区经济发展局 2019年政府信息公开工作年度报告 根据《…",
 * tests/real/fj-pingtan-jjf-2019.page.txt): up to the last title set off
 * by spaces, before any sentence ends, and the page's words right after it
 * (page_words_at), they are left out, and said. */
static void skip_head_in_line(imp *im, size_t i)
{
	imp_line *l = &im->doc.lines[i];
	if (l->kind != IMP_TEXT || im->doc.own_text || im->doc.markdown)
		return;
	char *s = (char *)line_text(im, i);
	if (imp_width(s) <= PAGE_LINE_MAX)
		return;
	size_t q = title_end_in(im, s);
	if (!q)
		return;
	size_t from = q;
	while (s[from] == ' ')
		from++;
	if (!s[from])
		return;
	size_t words = page_words_at(s + from);
	if (words) {
		from = q = from + words;
		while (s[from] == ' ')
			from++;
	}
	char *head = gir_xstrndup(s, q);
	gir_diag_at(im->doc.diags, im->doc.file, (gir_pos){l->no, l->col}, NULL, NULL, NULL,
	            GIR_MSG(WARNING, import_head_in_line_left_out,
	                "the title, and the page's words around it, at the start of the article's line (\"%s\"): left out"),
	            head);
	free(head);
	l->col = column_at(l, s, from);
	memmove(s, s + from, strlen(s + from) + 1);
}

/* Writes the paragraphs between the title and the first heading, if any,
 * as the preface, past the page's matter before them. */
static void emit_preface(imp *im)
{
	size_t end = first_heading(im);
	if (im->title_to >= end)
		return;
	im->title_to = skip_page_matter(im, im->title_to, end);
	size_t first = im->title_to;
	while (first < end && blank(im, first))
		first++;
	if (first < end)
		skip_head_in_line(im, first);
	imp_narr nar;
	read_narrative(im, im->title_to, end, NULL, &nar);
	if (nar.n) {
		write_lines(im, (gir_pos){0, 0}, "\n");
		emit_narrative(im, "preface", NULL, &nar);
	}
	narr_free(&nar);
}

/* Without a date, a last line that is the agency's name is the signature
 * (a Markdown line break lost on the way through Word). */
static void undated_signature(imp *im)
{
	size_t e = im->body_end;
	while (e > 0 && blank(im, e - 1))
		e--;
	if (im->nsig || im->date[0] || !im->agency || e == 0 || e - 1 < first_heading(im) ||
	    im->doc.lines[e - 1].kind != IMP_TEXT || !gir_same_key(line_text(im, e - 1), im->agency))
		return;
	im->signatories[im->nsig++] = gir_xstrdup(line_text(im, e - 1));
	im->body_end = e - 1;
}

/* Length of s[0, n) without the white space at its end (spaces, tabs,
 * U+3000, U+00A0). */
static size_t trim_end(const char *s, size_t n)
{
	for (size_t k; (k = imp_space_before(s, n, true)) > 0;)
		n -= k;
	return n;
}


/* Where a date that ends s[0, n) starts ("2020年1月17日", "2022年1月13 日"),
 * after some other text; 0 for none. */
static size_t date_at_end(const imp *im, const char *s, size_t n)
{
	for (size_t p = n; p-- > 1;) {
		if (s[p] < '0' || s[p] > '9' || (s[p - 1] >= '0' && s[p - 1] <= '9'))
			continue;
		char *tail = gir_xstrndup(s + p, n - p);
		int ymd[3] = {0};
		bool ok = match_date(im, tail, ymd);
		free(tail);
		if (ok)
			return p;
	}
	return 0;
}

/* Where the signature that ends s[0, n) starts: the agency's name (glued to
 * the text before it or not), else a short last word set off by a space
 * that ends no sentence; 0 for none, or when no text is left before it. */
static size_t signature_at_end(const imp *im, const char *s, size_t n)
{
	size_t al = im->agency ? strlen(im->agency) : 0;
	if (al && n > al && strncmp(s + n - al, im->agency, al) == 0)
		return trim_end(s, n - al) ? n - al : 0;
	size_t w = n;
	while (w > 0 && s[w - 1] != ' ' && s[w - 1] != '\t')
		w--;
	if (w == 0 || w == n || !trim_end(s, w))
		return 0;
	char *word = gir_xstrndup(s + w, n - w);
	bool ok = imp_width(word) <= 40 && !ends_sentence(word) && gir_skip_numbering(word) == word;
	free(word);
	return ok ? w : 0;
}

/* Where the imprint that ends s[0, n) starts — GB/T 9704's 版记, the
 * office that printed the document and the day, "平潭综合实验区经济发展局办公室
 * 2020年1月2日印发" — or n for none; 0 when it is all of s. */
static size_t imprint_start(const imp *im, const char *s, size_t n)
{
	static const char issued[] = "印发";
	size_t il = sizeof issued - 1;
	if (n <= il || strncmp(s + n - il, issued, il) != 0)
		return n;
	size_t d = date_at_end(im, s, trim_end(s, n - il));
	size_t before = d ? trim_end(s, d) : 0;
	if (!before)
		return n;
	size_t w = before;
	while (w > 0 && s[w - 1] != ' ' && s[w - 1] != '\t')
		w--;
	return w;
}

/* Where a note in brackets that ends s[0, n) starts (note_text), or n. */
static size_t note_start(const char *s, size_t n)
{
	if (n < 3 || strncmp(s + n - 3, "\xEF\xBC\x89", 3) != 0)
		return n;
	for (size_t p = n - 3; p-- > 0;)
		if (strncmp(s + p, "\xEF\xBC\x88", 3) == 0) {
			char *t = gir_xstrndup(s + p, n - p);
			bool note = note_text(t);
			free(t);
			return note ? p : n;
		}
	return n;
}

static void imprint_left_out(const imp *im, const imp_line *l, const char *s, size_t from)
{
	gir_diag_at(im->doc.diags, im->doc.file, (gir_pos){l->no, column_at(l, s, from)}, NULL, NULL,
	            NULL,
	            GIR_MSG(WARNING, import_imprint_left_out,
	                "\"%s\" after the text is the document's imprint (who printed it, and when), "
	                "not the report's; left out"), s + from);
}

/* The end of the text before an imprint on a line of its own at its end
 * (said, and left out), below the date: "平潭综合实验区经济发展局办公室
 * 2022年1月13日印发", 经济发展局 2021's page; blank lines before it skipped
 * too. */
static size_t before_imprint(imp *im, size_t e)
{
	if (e == 0 || im->doc.lines[e - 1].kind != IMP_TEXT)
		return e;
	const char *s = line_text(im, e - 1);
	size_t n = trim_end(s, strlen(s));
	if (imprint_start(im, s, n) != 0)
		return e;
	/* the office and the day set apart, as a 版记 prints them: not a
	 * sentence's "…于2022年1月13日印发" */
	size_t d = date_at_end(im, s, trim_end(s, n - strlen("印发")));
	if (trim_end(s, d) == d)
		return e;
	imprint_left_out(im, &im->doc.lines[e - 1], s, 0);
	e--;
	while (e > 0 && blank(im, e - 1))
		e--;
	return e;
}

/* A page copied as one line of text ends its last paragraph with the
 * signature and the date on the same line, and the page's 附件下载 after
 * them ("无 平潭综合实验区公安局 2020年1月17日 附件下载",
 * tests/real/fj-pingtan-gaj-2019.page.txt): when no date or signature was
 * found on lines of their own, the page's words are left out (said), and
 * a signature and date that end the line are read off it; the paragraph
 * keeps the text before them. */
static void glued_signature(imp *im)
{
	size_t e = im->body_end;
	while (e > 0 && blank(im, e - 1))
		e--;
	if (im->nsig || im->date[0] || im->doc.own_text || im->doc.markdown || e == 0 ||
	    e - 1 <= first_heading(im) || im->doc.lines[e - 1].kind != IMP_TEXT)
		return;
	size_t last = im->t->nsections;
	while (last > 0 && im->sec_line[last - 1] < 0)
		last--;
	if (last == 0 || im->t->sections[last - 1]->kind != GIR_NARRATIVE)
		return; /* the text ends in a table: no paragraph to read it off */
	const imp_line *l = &im->doc.lines[e - 1];
	char *s = (char *)line_text(im, e - 1);
	size_t n = trim_end(s, strlen(s)), words = n;
	for (bool more = true; more;) {
		more = false;
		for (size_t k = 0; k < GIR_ARRAY_LEN(page_trailers); k++) {
			size_t tl = strlen(page_trailers[k]);
			if (n > tl && strncmp(s + n - tl, page_trailers[k], tl) == 0 &&
			    trim_end(s, n - tl) < n - tl)
				n = trim_end(s, n - tl), more = true;
		}
	}
	if (n < words) {
		size_t from = n;
		while (from < words && (s[from] == ' ' || s[from] == '\t'))
			from++;
		char *t = gir_xstrndup(s + from, words - from);
		gir_diag_at(im->doc.diags, im->doc.file, (gir_pos){l->no, column_at(l, s, from)}, NULL,
		            NULL, NULL,
		            GIR_MSG(WARNING, import_page_words_left_out,
		                "\"%s\" at the end of the text reads as the page's, not the report's; "
		                "left out"), t);
		free(t);
		s[n] = '\0';
	}
	size_t o = note_start(s, n);
	if (o > 0 && o < n && trim_end(s, o)) {
		s[n] = '\0';
		gir_diag_at(im->doc.diags, im->doc.file, (gir_pos){l->no, column_at(l, s, o)}, NULL, NULL,
		            NULL,
		            GIR_MSG(WARNING, import_publication_note_left_out,
		                "\"%s\" after the text is the document's note (附注: how it is published, "
		                "whom to ask), not the report's; left out"), s + o);
		n = trim_end(s, o);
		s[n] = '\0';
	}
	size_t m = imprint_start(im, s, n);
	if (m > 0 && m < n && trim_end(s, m)) {
		s[n] = '\0';
		imprint_left_out(im, l, s, m);
		n = trim_end(s, m);
		s[n] = '\0';
	}
	size_t d = date_at_end(im, s, n);
	size_t g = d ? signature_at_end(im, s, trim_end(s, d)) : 0;
	if (!g)
		return;
	int ymd[3] = {0};
	char *date = gir_xstrndup(s + d, n - d);
	match_date(im, date, ymd);
	free(date);
	memcpy(im->date, ymd, sizeof ymd);
	im->date_pos = (gir_pos){l->no, column_at(l, s, d)};
	im->signatories[im->nsig++] = gir_xstrndup(s + g, trim_end(s, d) - g);
	s[trim_end(s, g)] = '\0';
}

/* What a reader found outside the text (a page's ContentSource and PubDate
 * metas), when the text itself does not say. */
static void meta_fallbacks(imp *im)
{
	if (!im->agency && im->doc.meta_agency && *im->doc.meta_agency) {
		im->agency = gir_xstrdup(im->doc.meta_agency);
		/* The office that put the page up is not always the one reporting. */
		gir_diag_at(im->doc.diags, im->doc.file, im->title_pos, NULL, NULL,
		            _("write agency: by hand if the report is another agency's"),
		            GIR_MSG(WARNING, import_agency_from_page,
		                "no agency in the title or a signature: taken from the page's ContentSource, "
		            "%s"), im->agency);
	}
	int ymd[3] = {0};
	if (!im->date[0] && im->doc.meta_date && match_date(im, im->doc.meta_date, ymd)) {
		memcpy(im->date, ymd, sizeof ymd);
		im->date_pos = im->title_pos;
	}
}

/* The agency and the report year, from the title, the signature, the
 * page's metadata or the date (the year before it), in that order; an error
 * for each not found, saying to write it by hand. */
static void find_agency_and_year(imp *im)
{
	glued_signature(im);
	if (!im->agency && im->nsig)
		im->agency = gir_xstrdup(im->signatories[0]);
	meta_fallbacks(im);
	if (!im->year && im->title)
		im->year = year_at(im->title);
	if (!im->year && im->date[0])
		im->year = im->date[0] - 1;
	undated_signature(im);
	if (!im->agency)
		gir_diag_at(im->doc.diags, im->doc.file, im->title_pos, NULL, NULL,
		            _("write agency: by hand"),
		            GIR_MSG(ERROR, import_no_agency,
		                "no agency: the title does not read as %s and there "
		            "is no signature"), im->t->title ? im->t->title : "a title");
	if (!im->year)
		gir_diag_at(im->doc.diags, im->doc.file, im->title_pos, NULL, NULL,
		            _("write year: by hand"),
		            GIR_MSG(ERROR, import_no_year,
		                "no report year in the title or the date"));
	im->doc.year = im->year;
}

/* ---- the check of the result -------------------------------------------------------- */

/* Whether the import reported an error at the place already.  A page's
 * rows may all stand on one line of its HTML: the column tells them apart. */
static bool reported_at(const gir_diags *d, size_t upto, gir_pos pos, bool by_column)
{
	for (size_t i = 0; i < upto; i++) {
		const gir_diag *g = gir_diags_at(d, i);
		if (g->severity == GIR_ERROR && g->line == pos.line && pos.line &&
		    (!by_column || g->column == pos.col))
			return true;
	}
	return false;
}

/* Checks the source as `gireport check` would and reports what it finds at
 * the input lines the source lines came from.  Returns the report (NULL
 * when the source has errors), which the caller frees. */
static gir_report *check_result(imp *im, const char *file)
{
	gir_diags *vd = gir_diags_new();
	gir_options opt = {0};
	size_t before = gir_diags_count(im->doc.diags);
	gir_report *rep = gir_report_load(im->reg, file, im->out->ptr + im->out_start,
	                                  im->out->len - im->out_start, &opt, vd);
	bool skipped = false;
	for (size_t i = 0; i < gir_diags_count(vd); i++) {
		const gir_diag *g = gir_diags_at(vd, i);
		gir_pos pos = input_place(im, g->line, g->column);
		if (g->severity == GIR_NOTE ? skipped : reported_at(im->doc.diags, before, pos, im->doc.structured)) {
			skipped = true;
			continue;
		}
		skipped = false;
		gir_diag_at(im->doc.diags, im->doc.file, pos, g->label, g->path, g->hint, g->severity, g->id,
		            "%s", g->message);
	}
	gir_diags_free(vd);
	return rep;
}

/* ---- placeholders ---------------------------------------------------------- */

/* Whether the hit's number is written exactly `num`: the text holds num at
 * the hit's start and nothing but white space from there to the unit, which
 * ends the hit ("0.350万元" is not "0.35" followed by "0万元"). */
static bool written_as(const char *text, const gir_prose_hit *h, const char *num)
{
	size_t len = strlen(num), unit_at = h->end - strlen(h->unit->text);
	if (h->start + len > unit_at || strncmp(text + h->start, num, len) != 0)
		return false;
	for (size_t i = h->start + len, k; i < unit_at; i += k) {
		if (!(k = imp_space_at(text + i, true)))
			return false;
	}
	return true;
}

/* The placeholder for a number the template's prose rules tie to cells, when
 * the text gives exactly what the table does, written as the table writes it
 * (so the text reads the same); NULL otherwise.  *len: the number's bytes. */
static char *placeholder_for(const gir_report *rep, const gir_prose_hit *h, const char *text,
                             size_t *len)
{
	const gir_prose_rule *r = h->rule;
	if (r->at_most || h->unit->factor != 1 || (h->start && text[h->start - 1] == '{'))
		return NULL;
	gir_value sum = {0};
	for (size_t i = 0; i < r->npaths; i++) {
		gir_value v;
		if (!gir_report_lookup(rep, r->paths[i], &v) || v.bad)
			return NULL;
		sum = gir_value_add(sum, v);
	}
	char num[48];
	gir_value_format(sum, num, sizeof num);
	*len = strlen(num);
	if (sum.bad || gir_value_cmp(sum, h->said) != 0 || !written_as(text, h, num))
		return NULL;
	gir_buf path = {0};
	for (size_t i = 0; i < r->npaths; i++)
		gir_buf_printf(&path, "%s%s", i ? " + " : "", r->paths[i]);
	return imp_detach(&path);
}

/* The paragraph's scalar with placeholders for the table numbers it repeats,
 * or NULL when it repeats none. */
static char *placeholder_scalar(const gir_report *rep, const char *text)
{
	size_t count, done = 0;
	gir_prose_hit *hits = gir_prose_find(rep->tpl, text, strlen(text), false, &count);
	gir_buf b = {0};
	for (size_t i = 0; i < count; i++) {
		size_t len;
		char *path = hits[i].start >= done ? placeholder_for(rep, &hits[i], text, &len) : NULL;
		if (!path)
			continue;
		char *before = gir_xstrndup(text + done, hits[i].start - done);
		char *lit = literal_braces(before);
		gir_buf_printf(&b, "%s{{%s}}", lit, path);
		free(before), free(lit), free(path);
		done = hits[i].start + len;
	}
	free(hits);
	if (!b.len)
		return NULL;
	char *rest = literal_braces(text + done);
	gir_buf_puts(&b, rest);
	free(rest);
	char *s = yaml_scalar(b.ptr);
	gir_buf_free(&b);
	return s;
}

/* The source as written, with placeholders in its paragraphs; returns how
 * many paragraphs have some. */
static size_t rewrite_paragraphs(const imp *im, const gir_report *rep, gir_buf *to)
{
	size_t done = im->out_start, changed = 0;
	for (size_t i = 0; i < im->nparas; i++) {
		const struct written_para *w = &im->paras[i];
		char *s = placeholder_scalar(rep, w->text);
		if (!s)
			continue;
		gir_buf_put(to, im->out->ptr + done, w->at - done);
		gir_buf_puts(to, s);
		free(s);
		done = w->at + w->len;
		changed++;
	}
	gir_buf_put(to, im->out->ptr + done, im->out->len - done);
	return changed;
}

/* Whether the source src loads and renders to exactly `text` as plain
 * text. */
static bool renders_as(const gir_registry *reg, const char *file, const gir_buf *src,
                       const gir_buf *text)
{
	gir_options opt = {0};
	gir_diags *d = gir_diags_new();
	gir_report *rep = gir_report_load(reg, file, src->ptr, src->len, &opt, d);
	gir_buf out = {0};
	bool same = rep && gir_render_text(rep, &opt, &out) == 0 &&
	            out.len == text->len && memcmp(out.ptr, text->ptr, out.len) == 0;
	gir_buf_free(&out);
	gir_report_free(rep);
	gir_diags_free(d);
	return same;
}

/* Where a paragraph repeats a number of the tables, the source says
 * {{path}} instead, so the prose cannot fall behind a later correction of
 * the table.  Only for a source without errors (`rep`, as check_result read
 * it; a number that disagrees is a warning, and stays as written), and only
 * when the rewritten source renders to the very same text.  Returns whether
 * `to` holds the rewritten source. */
static bool with_placeholders(const imp *im, const gir_report *rep, const char *file,
                              gir_buf *to)
{
	gir_options opt = {0};
	gir_buf text = {0};
	bool same = rep && gir_render_text(rep, &opt, &text) == 0 &&
	            rewrite_paragraphs(im, rep, to) && renders_as(im->reg, file, to, &text);
	gir_buf_free(&text);
	return same;
}

/* A source larger than any source may be (GIR_MAX_SOURCE, what `gireport
 * check` reads) is reported, and not checked: loading it would cost what
 * the limit exists to prevent.  Only a made-up input gets there. */
static bool too_large(imp *im)
{
	size_t n = im->out->len - im->out_start;
	if (n <= GIR_MAX_SOURCE)
		return false;
	gir_diag_at(im->doc.diags, im->doc.file, (gir_pos){0, 0}, NULL, NULL,
	            _("a report is a few hundred KB; is this the right file?"),
	            GIR_MSG(ERROR, import_source_too_large,
	                "the source would be %zu MiB, larger than the %u MiB a source may be; "
	            "written, but not checked"), n >> 20, GIR_MAX_SOURCE >> 20);
	return true;
}

/* Frees what im owns (not im->out, which is the caller's). */
static void import_free(imp *im)
{
	for (size_t i = 0; i < im->nparas; i++)
		free(im->paras[i].text);
	free(im->paras);
	imp_doc_free(&im->doc);
	free(im->sec_line);
	free(im->sec_span);
	free(im->title);
	free(im->agency);
	for (size_t i = 0; i < im->nsig; i++)
		free(im->signatories[i]);
	free(im->map);
	free(im->vplaces);
	gir_buf_free(&im->run_in);
	free(im->narrative);
}

/* The subheading style the original has, after the narratives: one for the
 * whole report, or the narratives that run theirs in when others do not. */
static void emit_styles(imp *im)
{
	if (!im->nrun_in)
		return;
	write_lines(im, (gir_pos){0, 0}, "\n");
	if (!im->nseparate)
		write_lines(im, (gir_pos){0, 0}, "subheadings: run-in\n");
	else
		write_lines(im, (gir_pos){0, 0}, "subheadings: {%s}\n", im->run_in.ptr);
}

/* --agency, --year and --template over what was detected (the edition
 * before anything is read by it; the agency and year after the title). */
static void override_agency_year(imp *im, const gir_import_options *o)
{
	if (o && o->agency) {
		free(im->agency);
		im->agency = gir_xstrdup(o->agency);
	}
	if (o && o->year)
		im->year = o->year;
}

/* --template: the edition named replaces the one detected; false, with an
 * error, when no edition has that name. */
static bool override_template(imp *im, const gir_import_options *o)
{
	if (!o || !o->template_id)
		return true;
	const gir_template *t = gir_registry_find(im->reg, o->template_id);
	if (!t) {
		gir_diag_at(im->doc.diags, im->doc.file, (gir_pos){0, 0}, NULL, NULL,
		            _("`gireport templates` lists the editions"),
		            GIR_MSG(ERROR, import_no_such_edition,
		                "--template %s: no such edition"),
		            o->template_id);
		return false;
	}
	im->t = t;
	return true;
}

int gir_import_with(const gir_registry *reg, const gir_import_options *o, const char *file,
                    const char *text, size_t len, gir_buf *out, gir_diags *diags)
{
	imp im = {.doc = {.file = file, .diags = diags}, .reg = reg, .out = out, .out_start = out->len};
	if (imp_read_input(&im.doc, text, len) != 0 || gir_registry_count(reg) == 0) {
		import_free(&im);
		return -1;
	}
	choose_template(&im, o && o->year ? o->year : year_in_head(&im));
	size_t lines = im.doc.nlines, nfam;
	const gir_template **fam = family_of_chosen(&im, &nfam);
	imp_split_runs(&im.doc, fam, nfam);
	free(fam);
	if (im.doc.nlines != lines) /* the tables' labels are lines of their own now */
		choose_template(&im, o && o->year ? o->year : year_in_head(&im));
	if (!override_template(&im, o)) {
		import_free(&im);
		return -1;
	}
	im.doc.tpl = im.t;
	find_headings(&im);
	find_signature(&im);
	find_title(&im, first_heading(&im));
	override_agency_year(&im, o);
	find_agency_and_year(&im);
	detect_wrapping(&im);
	emit_head(&im, file);
	emit_preface(&im);
	for (size_t k = 0; k < im.t->nsections; k++)
		import_section(&im, k);
	emit_styles(&im);
	if (!too_large(&im)) {
		gir_report *rep = check_result(&im, file);
		gir_buf rewritten = {0};
		bool use = with_placeholders(&im, rep, file, &rewritten);
		gir_report_free(rep); /* before the source it was read from changes */
		if (use) {
			im.out->len = im.out_start;
			gir_buf_put(im.out, rewritten.ptr, rewritten.len);
		}
		gir_buf_free(&rewritten);
	}
	import_free(&im);
	return 0;
}

int gir_import(const gir_registry *reg, const char *file, const char *text, size_t len,
               gir_buf *out, gir_diags *diags)
{
	return gir_import_with(reg, NULL, file, text, len, out, diags);
}

char *gir_import_head_value(const char *src, const char *key)
{
	size_t k = strlen(key);
	for (const char *p = src; p && *p; p = strchr(p, '\n'), p = p ? p + 1 : NULL) {
		if (strncmp(p, key, k) != 0 || strncmp(p + k, ": ", 2) != 0)
			continue;
		const char *v = p + k + 2, *e = strchr(v, '\n');
		size_t n = e ? (size_t)(e - v) : strlen(v);
		return n && *v != '"' && *v != '\'' ? gir_xstrndup(v, n) : NULL;
	}
	return NULL;
}
