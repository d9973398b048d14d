/* gireport import, first stage: the input cut into classified lines, and
 * table lines into rows of cells.  Three table shapes occur: a Word table
 * copied as text (a tab before each cell, often one cell per line, a blank
 * line after each row), Markdown pipe rows (one row per line; pandoc's
 * +---+ grid tables have rows of several lines) and gireport's own
 * box-drawn tables, whose rows are the lines between two rules. */
#include <stdlib.h>
#include <string.h>

#include "cn.h"
#include "import.h"
#include "utf8.h"
#include "util.h"

#define U3000 "\xE3\x80\x80"   /* ideographic space */
#define UA0 "\xC2\xA0"         /* no-break space */
#define BOX_V "\xE2\x94\x82"   /* │ */
#define BOX_H "\xE2\x94\x80"   /* ─ */

/* ---- characters ----------------------------------------------------------- */

size_t imp_space_at(const char *s, bool tabs)
{
	if (*s == ' ' || (tabs && *s == '\t'))
		return 1;
	if (strncmp(s, U3000, 3) == 0)
		return 3;
	if (strncmp(s, UA0, 2) == 0)
		return 2;
	return 0;
}

const char *imp_skip_white(const char *s, bool tabs)
{
	size_t k;
	while ((k = imp_space_at(s, tabs)) > 0)
		s += k;
	return s;
}

size_t imp_space_before(const char *s, size_t n, bool tabs)
{
	if (n >= 1 && (s[n - 1] == ' ' || (tabs && s[n - 1] == '\t')))
		return 1;
	if (n >= 3 && strncmp(s + n - 3, U3000, 3) == 0)
		return 3;
	if (n >= 2 && strncmp(s + n - 2, UA0, 2) == 0)
		return 2;
	return 0;
}

void imp_text_before_title(const imp_doc *doc, const imp_line *first, int last)
{
	gir_diag_at(doc->diags, doc->file, (gir_pos){first->no, first->col}, NULL, NULL, NULL,
	            GIR_MSG(WARNING, import_text_before_title,
	                "the text before the title (lines %d-%d, from \"%s\") is left out"),
	            first->no, last, imp_skip_white(first->text, true));
}

bool imp_ends_with_any(const char *s, size_t len, const char *const *marks, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		size_t k = strlen(marks[i]);
		if (len >= k && memcmp(s + len - k, marks[i], k) == 0)
			return true;
	}
	return false;
}

/* Whether s ends a sentence: a stop (。！？；…), maybe inside closing
 * quotes or brackets ("…公开。）"); a bracket or quote alone ("（一）",
 * "“两化”") ends none. */
bool imp_ends_with_stop(const char *s, size_t n)
{
	static const char *const closing[] = {"”", "’", "）", "》", "」", ")", "\""};
	static const char *const stops[] = {"。", "！", "？", "；", "…", "!", "?", ";"};
	for (bool again = true; again;) {
		again = false;
		for (size_t k = 0; k < GIR_ARRAY_LEN(closing) && !again; k++) {
			size_t c = strlen(closing[k]);
			if (n >= c && memcmp(s + n - c, closing[k], c) == 0)
				n -= c, again = true;
		}
	}
	return imp_ends_with_any(s, n, stops, GIR_ARRAY_LEN(stops));
}

/* The length of a line end or form feed at s (a page's or a Word file's
 * text, whose lines the readers cut themselves), else of imp_space_at's
 * white space with tabs. */
static size_t white_at(const char *s, bool breaks)
{
	if (breaks && (*s == '\r' || *s == '\n' || *s == '\f'))
		return 1;
	return imp_space_at(s, true);
}

static size_t white_before(const char *s, size_t n, bool breaks)
{
	if (breaks && n && (s[n - 1] == '\r' || s[n - 1] == '\n' || s[n - 1] == '\f'))
		return 1;
	return imp_space_before(s, n, true);
}

char *imp_trim(const char *s, size_t n, bool breaks)
{
	size_t k;
	while (n && (k = white_at(s, breaks)) > 0 && k <= n)
		s += k, n -= k;
	while ((k = white_before(s, n, breaks)) > 0)
		n -= k;
	return gir_xstrndup(s, n);
}

static char *trimmed(const char *s, size_t n)
{
	return imp_trim(s, n, false);
}

int imp_width(const char *s)
{
	return (int)gir_utf8_width_z(s);
}

static uint32_t first_cp(const char *s)
{
	uint32_t cp = 0;
	gir_utf8_decode(s, strlen(s), &cp);
	return cp;
}

static uint32_t last_cp(const char *s, size_t n)
{
	uint32_t cp = 0;
	if (n > 0) {
		size_t i = gir_utf8_char_start(s, n - 1);
		gir_utf8_decode(s + i, n - i, &cp);
	}
	return cp;
}

void imp_join(gir_buf *b, const char *piece)
{
	if (!*piece)
		return;
	if (b->len && gir_cp_width(last_cp(b->ptr, b->len)) < 2 && gir_cp_width(first_cp(piece)) < 2)
		gir_buf_putc(b, ' ');
	gir_buf_puts(b, piece);
}

/* ---- cells as numbers ------------------------------------------------------- */

/* Full-width digits and signs as ASCII, white space dropped.  The length
 * is taken once: every cell of the input passes through here. */
static void ascii_digits(const char *s, gir_buf *out)
{
	for (const char *end = s + strlen(s); *s;) {
		uint32_t cp;
		size_t k = gir_utf8_decode(s, (size_t)(end - s), &cp);
		k = k ? k : 1;
		char a = cp == 0x2212 ? '-' : gir_cn_ascii(cp); /* U+2212 MINUS SIGN too */
		if (a)
			gir_buf_putc(out, a);
		else if (!imp_space_at(s, true))
			gir_buf_put(out, s, k);
		s += k;
	}
}

/* Drops thousands separators when every group after the first has three
 * digits ("1,234,567"); anything else with a comma is not a number. */
static bool drop_thousands(char *s)
{
	char *c = strchr(s, ',');
	if (!c)
		return true;
	const char *digits = s + (*s == '-' || *s == '+');
	if (c - digits < 1 || c - digits > 3)
		return false;
	char *w = c;
	for (const char *r = c; *r;) {
		if (*r != ',')
			return false;
		for (int i = 1; i <= 3; i++)
			if (r[i] < '0' || r[i] > '9')
				return false;
		memmove(w, r + 1, 3);
		w += 3, r += 4;
		if (*r == '.' || !*r) {
			memmove(w, r, strlen(r) + 1);
			return true;
		}
	}
	*w = '\0';
	return true;
}

char *imp_number(const char *cell)
{
	/* the common cell, "0" or "128", at once: every cell passes here */
	size_t n = 0;
	while (cell[n] >= '0' && cell[n] <= '9')
		n++;
	if (n && !cell[n] && (cell[0] != '0' || n == 1))
		return gir_xstrndup(cell, n);
	gir_buf b = {0};
	ascii_digits(cell, &b);
	char *s = imp_detach(&b);
	if (!drop_thousands(s))
		goto no;
	const char *p = s + (*s == '-' || *s == '+');
	const char *int_start = p;
	while (*p >= '0' && *p <= '9')
		p++;
	if (p == int_start)
		goto no;
	if (*p == '.') {
		const char *f = ++p;
		while (*p >= '0' && *p <= '9')
			p++;
		if (p == f)
			goto no;
	}
	if (*p)
		goto no;
	/* "+3" and "007" are what a table shows, not what a source may say. */
	while (int_start[0] == '0' && int_start[1] >= '0' && int_start[1] <= '9')
		int_start++;
	char *r = gir_xasprintf("%s%s", *s == '-' ? "-" : "", int_start);
	free(s);
	return r;
no:
	free(s);
	return NULL;
}

bool imp_no_value(const char *cell)
{
	static const char *const dashes[] = {"", "-", "--", "/", "\xE2\x80\x94", /* — */
		"\xE2\x80\x94\xE2\x80\x94", "\xEF\xBC\x8D", "\xEF\xBC\x8F" /* －／ */,
		"\xE6\x97\xA0" /* 无 */, "\xE2\x80\x93" /* – */};
	char *t = trimmed(cell, strlen(cell));
	bool r = false;
	for (size_t i = 0; i < GIR_ARRAY_LEN(dashes) && !r; i++)
		r = strcmp(t, dashes[i]) == 0;
	free(t);
	return r;
}

char *imp_row_path(const gir_section *sec, const gir_axis *row)
{
	char *p = gir_axis_path(row);
	char *full = gir_xasprintf("%s.%s", sec->id, p);
	free(p);
	return full;
}

char *imp_normalize(const char *s)
{
	static const char ascii[] = "(),:;";
	static const char *const wide[] = {"\xEF\xBC\x88", "\xEF\xBC\x89", "\xEF\xBC\x8C",
	                                   "\xEF\xBC\x9A", "\xEF\xBC\x9B"}; /* （），：； */
	gir_buf b = {0};
	while (*s) {
		size_t k = imp_space_at(s, true);
		if (k) {
			s += k;
			continue;
		}
		const char *a = strchr(ascii, *s);
		if (a && *s)
			gir_buf_puts(&b, wide[a - ascii]);
		else
			gir_buf_putc(&b, *s);
		s++;
	}
	return imp_detach(&b);
}

char *imp_md_unescape(const char *s)
{
	static const struct { const char *entity; char c; } ents[] = {
		{"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}};
	gir_buf b = {0};
	while (*s) {
		if (*s == '\\' && s[1] && strchr("\\`*_[]#|~!.)-+={}()<>&\"'", s[1])) {
			gir_buf_putc(&b, s[1]);
			s += 2;
			continue;
		}
		size_t i = 0;
		while (i < GIR_ARRAY_LEN(ents) && strncmp(s, ents[i].entity, strlen(ents[i].entity)))
			i++;
		if (i < GIR_ARRAY_LEN(ents)) {
			gir_buf_putc(&b, ents[i].c);
			s += strlen(ents[i].entity);
		} else {
			gir_buf_putc(&b, *s++);
		}
	}
	return imp_detach(&b);
}

/* ---- lines -------------------------------------------------------------- */

/* Word bookmarks survive a copy as "[bookmark: _GoBack]": not report text.
 * One pass, copying down what stays (a line may hold any number of them);
 * an unclosed one and what follows it stay. */
static void drop_bookmarks(char *s)
{
	static const char mark[] = "[bookmark:";
	char *w = s, *r = s;
	while (*r) {
		if (strncmp(r, mark, sizeof mark - 1) != 0) {
			*w++ = *r++;
			continue;
		}
		char *e = strchr(r, ']');
		if (!e)
			break; /* no ']' after this one either: the rest stays */
		r = e + 1;
	}
	memmove(w, r, strlen(r) + 1);
}

/* pdftotext ends each page with a form feed, which then starts the next
 * page's first line, in the middle of a paragraph: not text. */
static void drop_form_feeds(char *s)
{
	char *w = s;
	for (const char *r = s; *r; r++)
		if (*r != '\f')
			*w++ = *r;
	*w = '\0';
}

/* A page number as Word and PDF print it, centred between dashes on a line
 * of its own ("— 1 —", "- 12 -", "－3－"): no text of the report. */
static bool page_number(const char *s)
{
	static const char *const dashes[] = {"-", "\xE2\x80\x94", "\xE2\x80\x93", "\xEF\xBC\x8D"};
	int side = 0, digits = 0;
	bool before = false, after = false;
	while (*s) {
		size_t k = imp_space_at(s, true), d = 0;
		for (size_t i = 0; !k && i < GIR_ARRAY_LEN(dashes); i++)
			if (strncmp(s, dashes[i], strlen(dashes[i])) == 0)
				d = strlen(dashes[i]);
		if (k) {
			s += k;
		} else if (d) {
			before = before || side == 0;
			after = after || side == 1;
			s += d;
		} else if (*s >= '0' && *s <= '9' && side < 2) {
			side = 1;
			while (*s >= '0' && *s <= '9')
				s++, digits++;
		} else {
			return false;
		}
	}
	return digits > 0 && digits <= 4 && before && after;
}

static void trim_right(char *s)
{
	size_t n = strlen(s);
	for (;;) {
		if (n && s[n - 1] == ' ')
			n--;
		else if (n >= 3 && strncmp(s + n - 3, U3000, 3) == 0)
			n -= 3;
		else if (n >= 2 && strncmp(s + n - 2, UA0, 2) == 0)
			n -= 2;
		else
			break;
		s[n] = '\0';
	}
}

static bool only_chars(const char *s, const char *set)
{
	for (; *s; s++)
		if (!strchr(set, *s))
			return false;
	return true;
}

/* "规章 | 0 | 0 | 0": cells parted by pipes without the outer ones, as web
 * pages and copies give them — two pipes not escaped, or one with a space
 * on each side ("发布总数量 | 128"). */
static bool pipe_separated(const char *s)
{
	size_t pipes = 0;
	bool spaced = false;
	for (const char *p = s; *p; p++)
		if (*p == '|' && (p == s || p[-1] != '\\')) {
			pipes++;
			spaced = spaced || (p > s && p[-1] == ' ' && p[1] == ' ');
		}
	return pipes >= 2 || (pipes == 1 && spaced);
}

static imp_kind classify(const imp_doc *doc, const char *text)
{
	const char *s = imp_skip_white(text, false);
	if (!*s)
		return strchr(text, '\t') && !doc->own_text && !doc->markdown ? IMP_TAB : IMP_BLANK;
	if (page_number(s))
		return IMP_BLANK;
	if (strncmp(s, BOX_V, 3) == 0)
		return strstr(s, BOX_H) ? IMP_RULE : IMP_BOX;
	if (strncmp(s, "\xE2\x94\x8C", 3) == 0 || strncmp(s, "\xE2\x94\x9C", 3) == 0 ||
	    strncmp(s, "\xE2\x94\x94", 3) == 0) /* ┌ ├ └ */
		return IMP_RULE;
	if (doc->own_text)
		return IMP_TEXT; /* a wrapped line of a paragraph may start with '|' */
	if (*s == '|' || pipe_separated(s))
		return only_chars(s, "|-: ") ? IMP_RULE : IMP_PIPE;
	if (*s == '+' && (s[1] == '-' || s[1] == '=') && only_chars(s, "+-=: "))
		return IMP_RULE;
	if (!doc->markdown && strchr(text, '\t'))
		return IMP_TAB;
	return IMP_TEXT;
}

static int indent_of(const char *s, bool *wide)
{
	int w = 0;
	*wide = strncmp(s, U3000, 3) == 0;
	for (size_t k; (k = imp_space_at(s, false)) > 0; s += k)
		w += k == 3 ? 2 : 1;
	return w;
}

static bool table_kind(imp_kind k)
{
	return k == IMP_PIPE || k == IMP_BOX || k == IMP_RULE || k == IMP_COLS || k == IMP_CELLS;
}

static bool starts_table_run(const imp_line *prev, const imp_line *l)
{
	return table_kind(l->kind) && !(prev && table_kind(prev->kind));
}

/* ---- pandoc's plain-text tables -------------------------------------------- */

/* Runs of dashes in a line of nothing else ("----  ------"): the columns of
 * a pandoc table, in display cells.  Returns how many (0: not such a line). */
static size_t dash_runs(const char *s, int *starts, size_t cap)
{
	size_t n = 0;
	int col = 0, dashes = 0;
	for (const char *p = s; *p; p++, col++) {
		if (*p == '-') {
			if (p == s || p[-1] != '-') {
				if (n < cap)
					starts[n] = col;
				n++;
			}
			dashes++;
		} else if (*p != ' ') {
			return 0;
		}
	}
	return dashes >= 3 ? n : 0;
}

/* Marks the lines of a table pandoc -t plain writes: a multiline table
 * (a rule of dashes, header, "---- ----", rows parted by blank lines, a
 * rule) or a simple one (header, "---- ----", one row a line). */
static size_t mark_pandoc_table(imp_doc *doc, size_t i)
{
	int starts[64];
	imp_line *L = doc->lines;
	size_t runs = dash_runs(L[i].text, starts, 64);
	size_t rule = i, end = i + 1;
	bool multi = runs == 1;
	if (multi) { /* the column rule follows the header */
		while (rule + 1 < doc->nlines && rule < i + 8 && dash_runs(L[rule + 1].text, starts, 64) < 2)
			rule++;
		if (++rule >= doc->nlines || dash_runs(L[rule].text, starts, 64) < 2)
			return i + 1;
		end = rule + 1;
		while (end < doc->nlines && dash_runs(L[end].text, starts, 64) != 1)
			end++;
		if (end >= doc->nlines)
			return i + 1;
	} else {
		if (i == 0 || L[i - 1].kind == IMP_BLANK)
			return i + 1;
		while (end < doc->nlines && L[end].kind != IMP_BLANK)
			end++;
		i--;
	}
	for (size_t j = i; j < end + multi; j++) {
		if (dash_runs(L[j].text, starts, 64))
			L[j].kind = IMP_RULE;
		else if (L[j].kind != IMP_BLANK)
			L[j].kind = IMP_COLS, L[j].rule = rule + 1, L[j].multiline = multi;
	}
	return end + multi;
}

static void mark_pandoc_tables(imp_doc *doc)
{
	int starts[64];
	if (doc->own_text || doc->markdown)
		return;
	for (size_t i = 0; i < doc->nlines;)
		i = dash_runs(doc->lines[i].text, starts, 64) ? mark_pandoc_table(doc, i) : i + 1;
}

/* Errors that leave nothing to read: not UTF-8, binary, empty. */
/* A report is a few hundred lines (the seeds: 250–450); far more is some
 * other file, and would only cost time and memory for each line. */
#define IMP_MAX_LINES 50000

static int too_many_lines(imp_doc *doc, const char *text, size_t len)
{
	size_t lines = 1;
	for (const char *p = text; (p = memchr(p, '\n', (size_t)(text + len - p))) != NULL; p++)
		if (++lines > IMP_MAX_LINES) {
			gir_diag_at(doc->diags, doc->file, (gir_pos){(int)lines, 1}, NULL, NULL,
			            _("a report has a few hundred lines; is this the right file?"),
			            GIR_MSG(ERROR, import_too_many_lines,
			                "more than %d lines: not imported"), IMP_MAX_LINES);
			return -1;
		}
	return 0;
}

/* A file gireport cannot read as text, known by its first bytes: said by
 * name, with the conversion that makes it readable. */
static bool foreign_format(imp_doc *doc, const char *text, size_t len)
{
	static const struct {
		const char *magic;
		size_t n;
		const char *what, *hint;
	} kinds[] = {
		{"%PDF-", 5, N_("a PDF file, not text"),
		 N_("convert it first: pdftotext -enc UTF-8 FILE.pdf FILE.txt, and import FILE.txt")},
		{"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8, N_("a .doc or .wps file (Word 97), not text"),
		 N_("convert it first: libreoffice --headless --convert-to docx FILE.doc")},
	};
	for (size_t i = 0; i < GIR_ARRAY_LEN(kinds); i++)
		if (len >= kinds[i].n && memcmp(text, kinds[i].magic, kinds[i].n) == 0) {
			gir_diag_at(doc->diags, doc->file, (gir_pos){1, 1}, NULL, NULL, _(kinds[i].hint),
			            GIR_ERROR, "import_foreign_format", "%s", _(kinds[i].what));
			return true;
		}
	return false;
}

static int check_text(imp_doc *doc, const char *text, size_t len)
{
	if (foreign_format(doc, text, len))
		return -1;
	size_t bad = gir_utf8_invalid_at(text, len);
	const char *nul = memchr(text, '\0', len);
	if (nul && (size_t)(nul - text) < bad)
		bad = (size_t)(nul - text);
	if (bad != (size_t)-1) {
		gir_pos pos = {1, 1};
		for (size_t i = 0; i < bad; i++) {
			if (text[i] == '\n')
				pos.line++, pos.col = 1;
			else if (((unsigned char)text[i] & 0xC0) != 0x80)
				pos.col++;
		}
		if (nul && text + bad == nul)
			gir_diag_at(doc->diags, doc->file, pos, NULL, NULL,
			            _("gireport reads text, web pages (.html) and Word files (.docx); this is "
			              "none of them"),
			            GIR_MSG(ERROR, import_binary, "a NUL byte: not a text file"));
		else
			gir_diag_at(doc->diags, doc->file, pos, NULL, NULL,
			            _("convert it first: iconv -f GB18030 -t UTF-8"),
			            GIR_MSG(ERROR, import_bad_encoding, "not UTF-8 text"));
		return -1;
	}
	const char *s = text;
	while (s < text + len && (imp_space_at(s, true) || *s == '\n' || *s == '\r'))
		s += imp_space_at(s, true) ? imp_space_at(s, true) : 1;
	if (s >= text + len) {
		gir_diag_at(doc->diags, doc->file, (gir_pos){0, 0}, NULL, NULL, NULL,
		            GIR_MSG(ERROR, import_empty, "the file is empty: no report to import"));
		return -1;
	}
	return too_many_lines(doc, text, len);
}

/* The lines are cut in one copy of the text, each ended where its line
 * break was: a string per line would cost a malloc each. */
static void split_lines(imp_doc *doc, const char *text, size_t len)
{
	size_t cap = 16;
	doc->lines = gir_xcalloc(cap, sizeof *doc->lines);
	doc->store = gir_xmalloc(len + 1);
	memcpy(doc->store, text, len);
	doc->store[len] = '\0';
	char *end = doc->store + len;
	for (char *p = doc->store; p < end;) {
		char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
		while (n && p[n - 1] == '\r') /* CR LF, and CR CR LF as a copy may double it */
			n--;
		if (doc->nlines == cap)
			doc->lines = gir_xrealloc(doc->lines, (cap *= 2) * sizeof *doc->lines);
		imp_line *l = &doc->lines[doc->nlines];
		memset(l, 0, sizeof *l);
		l->no = (int)++doc->nlines;
		l->text = p;
		p[n] = '\0';
		l->hard_break = n >= 2 && p[n - 1] == ' ' && p[n - 2] == ' ';
		drop_bookmarks(l->text);
		drop_form_feeds(l->text);
		trim_right(l->text);
		p = nl ? nl + 1 : end;
	}
}

/* Whether the text is gireport's own output: Markdown starting "# title",
 * or plain text with box-drawn tables. */
static void detect_style(imp_doc *doc)
{
	size_t i = 0;
	while (i < doc->nlines && !*imp_skip_white(doc->lines[i].text, true))
		i++;
	doc->markdown = i < doc->nlines && strncmp(doc->lines[i].text, "# ", 2) == 0;
	for (i = 0; i < doc->nlines && !doc->markdown; i++)
		if (strncmp(doc->lines[i].text, "\xE2\x94\x8C", 3) == 0) /* ┌ */
			doc->own_text = true;
}

int imp_scan(imp_doc *doc, const char *text, size_t len)
{
	if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
		text += 3, len -= 3;
	if (check_text(doc, text, len) != 0)
		return -1;
	split_lines(doc, text, len);
	detect_style(doc);
	int table = -1;
	for (size_t i = 0; i < doc->nlines; i++) {
		imp_line *l = &doc->lines[i];
		l->kind = classify(doc, l->text);
		l->page_number = l->kind == IMP_BLANK && page_number(imp_skip_white(l->text, true));
		l->indent = indent_of(l->text, &l->wide_indent);
		l->col = (int)gir_utf8_count(l->text, (size_t)(imp_skip_white(l->text, true) - l->text)) + 1;
	}
	mark_pandoc_tables(doc);
	for (size_t i = 0; i < doc->nlines; i++) {
		imp_line *l = &doc->lines[i];
		if (starts_table_run(i ? &doc->lines[i - 1] : NULL, l))
			table++;
		l->table = table;
	}
	return 0;
}

/* ---- a report run into one line ------------------------------------------- */

/* An archive's plain-text copy may hold a whole article on one line, the
 * cells of its tables between single spaces (平潭 page.txt: "… 二、主动公开
 * 政府信息情况 第二十条第（一）项 信息内容 … 规章 0 0 0 规范性文件 6 6 6 …").
 * Such a line is cut where the report's own lines were: around each
 * section heading of the template and, in a table section, before each
 * block caption and row label of the form, after each run of values, and
 * before values that follow words naming no row (table 四's header).  A
 * line is taken for one only when it holds two section headings or more. */
#define RUN_MIN_BYTES 2000

/* The templates a run is cut with: the edition chosen and the local
 * layouts of its national form (imp_family). */
typedef struct {
	const gir_template *const *t;
	size_t n;
} family;

size_t imp_heading_at(const gir_template *const *ts, size_t nt, const char *p, const gir_section **sec)
{
	for (size_t i = 0; i < nt; i++)
		for (size_t k = 0; k < ts[i]->nsections; k++) {
			const gir_section *s = ts[i]->sections[k];
			size_t n;
			/* the first byte first: this runs at every character of a line */
			if (s->heading[0] == *p && strncmp(p, s->heading, n = strlen(s->heading)) == 0)
				return *sec = s, n;
			for (size_t a = 0; a < s->naliases; a++)
				if (s->aliases[a][0] == *p && (n = strlen(s->aliases[a])) &&
				    strncmp(p, s->aliases[a], n) == 0)
					return *sec = s, n;
		}
	return 0;
}

static size_t heading_at(family f, const char *p, const gir_section **sec)
{
	return imp_heading_at(f.t, f.n, p, sec);
}

static bool value_word(const char *w)
{
	char *v = imp_number(w);
	bool r = v || imp_no_value(w);
	free(v);
	return r;
}

static bool names_row(const gir_axis *a, const char *w, const char *norm)
{
	if (a->parent && (gir_axis_matches(a, w) || gir_axis_matches(a, norm)))
		return true;
	for (size_t i = 0; i < a->nchildren; i++)
		if (names_row(a->children[i], w, norm))
			return true;
	return false;
}

static bool section_words(const gir_section *sec, const char *w, const char *norm)
{
	for (size_t b = 0; sec && b < sec->nblocks; b++)
		if ((sec->blocks[b]->caption && gir_same_key(norm, sec->blocks[b]->caption)) ||
		    (sec->blocks[b]->layout != GIR_LAYOUT_INLINE && names_row(&sec->blocks[b]->rows, w, norm)))
			return true;
	return false;
}

/* Whether the words w (one or several, between spaces) are a block caption
 * or the label of a row of the table section, in any template of the
 * family: the layouts differ in their rows (gov-2021-other-row prints
 * （六）其他处理 as one row), and which one the report is is told only
 * from the lines cut here.  Table 四's rows are its header's words, all on
 * one line before its values. */
static bool table_words(family f, const gir_section *sec, const char *w)
{
	char *norm = imp_normalize(w);
	bool r = false;
	for (size_t i = 0; i < f.n && !r; i++)
		r = section_words(gir_template_section(f.t[i], sec->id), w, norm);
	free(norm);
	return r;
}

/* The byte offsets, in text, where the report's lines start again (each
 * after a space); how many. */
static size_t run_cuts(family f, char *text, size_t **cuts)
{
	size_t n = 0, headings = 0;
	const gir_section *sec = NULL;
	size_t seg = 0;      /* where the current piece starts */
	bool prev_value = false;
	*cuts = NULL;
	for (size_t i = 0; text[i];) {
		if (i && text[i - 1] != ' ') {
			i++;
			continue;
		}
		const gir_section *hs;
		size_t h = heading_at(f, text + i, &hs);
		size_t end = i;
		while (text[end] && text[end] != ' ')
			end++;
		bool cut = false;
		if (h && (text[i + h] == ' ' || !text[i + h])) {
			headings++, sec = hs, cut = true;
			end = i + h;
		} else if (sec && sec->kind == GIR_TABLE) {
			char save = text[end];
			text[end] = '\0';
			bool value = value_word(text + i);
			if (!value && (prev_value || table_words(f, sec, text + i)))
				cut = true;
			else if (value && !prev_value && i > seg) {
				/* values after words: cut unless the words are a row's label */
				char keep = text[i - 1];
				text[i - 1] = '\0';
				cut = !table_words(f, sec, text + seg);
				text[i - 1] = keep;
			}
			text[end] = save;
			prev_value = value;
		} else {
			prev_value = false;
		}
		if (cut && i > seg) {
			IMP_GROW(*cuts, n);
			(*cuts)[n++] = i;
			seg = i;
		}
		if (h && cut && text[end] == ' ' && text[end + 1]) {
			/* the heading is a line of its own */
			IMP_GROW(*cuts, n);
			(*cuts)[n++] = end + 1;
			seg = end + 1;
			prev_value = false;
		}
		i = text[end] ? end + 1 : end;
	}
	if (headings < 2)
		n = 0;
	return n;
}

/* The line with a space put before and after each section heading glued
 * to the text around it ("…持平。二、主动公开政府信息情况2021年，…"), so that
 * run_cuts cuts there too: malloc'd, or NULL when no heading is glued. */
static char *unglued(family f, const char *text)
{
	gir_buf b = {0};
	bool glued = false;
	size_t from = 0;
	for (size_t i = 0; text[i]; i++) {
		const gir_section *sec;
		size_t h = (text[i] & 0xC0) != 0x80 ? heading_at(f, text + i, &sec) : 0;
		if (!h)
			continue;
		bool before = i && text[i - 1] != ' ', after = text[i + h] && text[i + h] != ' ';
		if (!before && !after)
			continue;
		glued = true;
		gir_buf_put(&b, text + from, i - from);
		if (before)
			gir_buf_putc(&b, ' ');
		gir_buf_put(&b, text + i, h);
		if (after)
			gir_buf_putc(&b, ' ');
		from = i + h;
		i += h - 1;
	}
	if (!glued) {
		gir_buf_free(&b);
		return NULL;
	}
	gir_buf_puts(&b, text + from);
	return imp_detach(&b);
}

/* Puts s at the end of the doc's store, which the lines' text points
 * into, and returns where it is now. */
static char *to_store(imp_doc *doc, const char *s)
{
	size_t used = 0;
	for (size_t i = 0; i < doc->nlines; i++) {
		size_t end = (size_t)(doc->lines[i].text - doc->store) + strlen(doc->lines[i].text) + 1;
		used = end > used ? end : used;
	}
	size_t *at = gir_xcalloc(doc->nlines + 1, sizeof *at);
	for (size_t i = 0; i < doc->nlines; i++)
		at[i] = (size_t)(doc->lines[i].text - doc->store);
	doc->store = gir_xrealloc(doc->store, used + strlen(s) + 1);
	for (size_t i = 0; i < doc->nlines; i++)
		doc->lines[i].text = doc->store + at[i];
	free(at);
	memcpy(doc->store + used, s, strlen(s) + 1);
	return doc->store + used;
}

void imp_split_runs(imp_doc *doc, const gir_template *const *ts, size_t nt)
{
	if (doc->structured || !nt)
		return;
	family f = {ts, nt};
	for (size_t i = 0; i < doc->nlines; i++) {
		imp_line *l = &doc->lines[i];
		if (strlen(l->text) < RUN_MIN_BYTES)
			continue;
		char *cut = imp_unglue_cells(doc, ts, nt, l);
		if (cut) { /* cells run together, now between spaces */
			l->text = to_store(doc, cut);
			free(cut);
		}
		char *spaced = unglued(f, l->text);
		if (spaced) { /* the columns after a glued heading shift by a space or two */
			l->text = to_store(doc, spaced);
			free(spaced);
		}
		size_t *cuts, n = run_cuts(f, l->text, &cuts);
		if (!n) {
			free(cuts);
			continue;
		}
		doc->lines = gir_xrealloc(doc->lines, (doc->nlines + n) * sizeof *doc->lines);
		memmove(&doc->lines[i + 1 + n], &doc->lines[i + 1], (doc->nlines - i - 1) * sizeof *doc->lines);
		doc->nlines += n;
		l = &doc->lines[i];
		char *text = l->text;
		for (size_t k = 0; k < n; k++) {
			imp_line *m = &doc->lines[i + 1 + k];
			*m = *l;
			m->text = text + cuts[k];
			text[cuts[k] - 1] = '\0';
		}
		for (size_t k = 0; k <= n; k++) {
			imp_line *m = &doc->lines[i + k];
			trim_right(m->text);
			m->hard_break = false;
			m->kind = classify(doc, m->text);
			m->indent = indent_of(m->text, &m->wide_indent);
			m->col = (int)gir_utf8_count(text, (size_t)(m->text - text)) + l->col;
		}
		free(cuts);
		i += n;
	}
	int table = -1;
	for (size_t i = 0; i < doc->nlines; i++) {
		imp_line *l = &doc->lines[i];
		if (starts_table_run(i ? &doc->lines[i - 1] : NULL, l))
			table++;
		l->table = table;
	}
}

void imp_doc_free(imp_doc *doc)
{
	for (size_t i = 0; doc->structured && i < doc->nlines; i++) {
		imp_line *l = &doc->lines[i];
		free(l->text);
		for (size_t k = 0; k < l->ncells; k++)
			free(l->cells[k].text);
		free(l->cells);
	}
	for (size_t i = 0; i < doc->refused_rows.len; i++)
		free(doc->refused_rows.items[i]);
	gir_ptrvec_free(&doc->refused_rows);
	free(doc->meta_title);
	free(doc->meta_agency);
	free(doc->meta_date);
	doc->meta_title = doc->meta_agency = doc->meta_date = NULL;
	free(doc->store);
	doc->store = NULL;
	free(doc->lines);
	doc->lines = NULL;
	doc->nlines = 0;
}

/* ---- rows ------------------------------------------------------------------ */

static imp_row *new_row(gir_ptrvec *v, gir_pos pos, int table)
{
	imp_row *r = gir_xcalloc(1, sizeof *r);
	r->pos = pos;
	r->table = table;
	gir_ptrvec_push(v, r);
	return r;
}

static void add_cell(imp_row *r, char *text, gir_pos pos, int col)
{
	if (r->n == r->cap)
		r->cells = gir_xrealloc(r->cells, (r->cap = r->cap ? 2 * r->cap : 2) * sizeof *r->cells);
	r->cells[r->n++] = (imp_cell){text, pos, col};
}

/* Columns (in characters, 1-based) of byte offsets of one line, counted on
 * from the last offset asked for: the cells of a line are asked for left to
 * right, and a line may have tens of thousands of them. */
typedef struct col_counter {
	const char *line;
	size_t off;
	int col;
} col_counter;

static int char_col(col_counter *cc, size_t off)
{
	if (off < cc->off)
		cc->off = 0, cc->col = 1;
	cc->col += (int)gir_utf8_count(cc->line + cc->off, off - cc->off);
	cc->off = off;
	return cc->col;
}

typedef struct piece {
	size_t start, len;
} piece;

/* Splits a line at its separators (│, or | not escaped by a backslash);
 * the text before the first and after the last separator is dropped when
 * the line has them at its ends. */
static size_t split_cells(const char *s, bool box, piece **out)
{
	size_t n = 0, cap = 8, start = 0, len = strlen(s);
	piece *p = gir_xmalloc(cap * sizeof *p);
	for (size_t i = 0; i <= len; i++) {
		bool sep = box ? strncmp(s + i, BOX_V, 3) == 0 : s[i] == '|' && (i == 0 || s[i - 1] != '\\');
		if (!sep && i < len)
			continue;
		if (n == cap)
			p = gir_xrealloc(p, (cap *= 2) * sizeof *p);
		p[n++] = (piece){start, i - start};
		start = i + (sep ? (box ? 3 : 1) : 0);
		if (sep && box)
			i += 2;
	}
	/* The outer pieces are outside the table when empty. */
	size_t first = 0, last = n;
	char *t = trimmed(s + p[0].start, p[0].len);
	first = !*t && n > 1;
	free(t);
	t = trimmed(s + p[n - 1].start, p[n - 1].len);
	last = !*t && n > 1 ? n - 1 : n;
	free(t);
	memmove(p, p + first, (last - first) * sizeof *p);
	*out = p;
	return last - first;
}

static char *cell_text(const char *s, size_t len, bool unescape)
{
	char *t = trimmed(s, len);
	if (!unescape)
		return t;
	char *u = imp_md_unescape(t);
	free(t);
	return u;
}

static void pipe_row(gir_ptrvec *rows, const imp_line *l)
{
	piece *p;
	size_t n = split_cells(l->text, false, &p);
	imp_row *r = new_row(rows, (gir_pos){l->no, 1}, l->table);
	col_counter cc = {l->text, 0, 1};
	for (size_t i = 0; i < n; i++) {
		gir_pos pos = {l->no, char_col(&cc, p[i].start)};
		add_cell(r, cell_text(l->text + p[i].start, p[i].len, true), pos, (int)i);
	}
	free(p);
}

/* The content lines between two rules, one row: cell k is the text of
 * piece k of every line, joined.  Lines that do not agree on the number of
 * pieces (never in a well-drawn table) are rows of their own. */
static void band_rows(gir_ptrvec *rows, const imp_line *lines, size_t n, bool box)
{
	piece **ps = gir_xcalloc(n, sizeof *ps);
	size_t *counts = gir_xcalloc(n, sizeof *counts);
	col_counter *cc = gir_xcalloc(n, sizeof *cc);
	bool same = true;
	for (size_t i = 0; i < n; i++) {
		cc[i] = (col_counter){lines[i].text, 0, 1};
		counts[i] = split_cells(lines[i].text, box, &ps[i]);
		same = same && counts[i] == counts[0];
	}
	for (size_t i = 0; i < n; i++) {
		if (i > 0 && same)
			break;
		imp_row *r = new_row(rows, (gir_pos){lines[i].no, 1}, lines[i].table);
		for (size_t k = 0; k < counts[i]; k++) {
			gir_buf b = {0};
			gir_pos pos = {0, 0};
			for (size_t j = i; j < (same ? n : i + 1); j++) {
				char *t = cell_text(lines[j].text + ps[j][k].start, ps[j][k].len, !box);
				if (*t && !pos.line)
					pos = (gir_pos){lines[j].no, char_col(&cc[j], ps[j][k].start)};
				imp_join(&b, t);
				free(t);
			}
			if (!pos.line)
				pos = (gir_pos){lines[i].no, char_col(&cc[i], ps[i][k].start)};
			add_cell(r, imp_detach(&b), pos, (int)k);
		}
	}
	for (size_t i = 0; i < n; i++)
		free(ps[i]);
	free(ps);
	free(counts);
	free(cc);
}

/* The text of a line from display column `from` up to `to` (-1: the end),
 * and the byte offset where it starts. */
static char *slice_columns(const char *s, int from, int to, size_t *off)
{
	int col = 0;
	size_t len = strlen(s), start = len, end = len;
	for (size_t i = 0; s[i];) {
		uint32_t cp;
		size_t k = gir_utf8_decode(s + i, len - i, &cp);
		k = k ? k : 1;
		if (col >= from && start == len)
			start = i;
		if (to >= 0 && col >= to) {
			end = i;
			break;
		}
		col += gir_cp_width(cp);
		i += k;
	}
	if (end < start)
		end = start;
	*off = start;
	return trimmed(s + start, end - start);
}

/* Lines of a pandoc table as one row: cell k is what stands under the k-th
 * run of dashes of the column rule, in every line, joined. */
static void cols_row(gir_ptrvec *rows, const imp_doc *doc, const imp_line *lines, size_t n)
{
	int starts[64];
	size_t nc = dash_runs(doc->lines[lines[0].rule - 1].text, starts, 64);
	nc = nc > 64 ? 64 : nc;
	imp_row *r = new_row(rows, (gir_pos){lines[0].no, 1}, lines[0].table);
	for (size_t k = 0; k < nc; k++) {
		gir_buf b = {0};
		gir_pos pos = {lines[0].no, 1};
		bool placed = false;
		for (size_t j = 0; j < n; j++) {
			size_t off;
			char *t = slice_columns(lines[j].text, starts[k], k + 1 < nc ? starts[k + 1] : -1, &off);
			if (*t && !placed)
				pos = (gir_pos){lines[j].no, char_col(&(col_counter){lines[j].text, 0, 1}, off)},
				placed = true;
			imp_join(&b, t);
			free(t);
		}
		add_cell(r, imp_detach(&b), pos, -1);
	}
}

/* A Word row: "\tcell" lines, or one line with tabs between its cells. */
typedef struct tab_state {
	imp_row *open;      /* the row being collected, one cell per line */
} tab_state;

static void tab_line(gir_ptrvec *rows, tab_state *st, const imp_line *l)
{
	const char *s = l->text;
	const char *t1 = strchr(s, '\t');
	char *head = trimmed(s, (size_t)(t1 - s));
	bool one_cell = !*head && !strchr(t1 + 1, '\t');
	free(head);
	col_counter cc = {s, 0, 1};
	if (one_cell) {
		if (!st->open)
			st->open = new_row(rows, (gir_pos){l->no, 1}, -1);
		gir_pos pos = {l->no, char_col(&cc, (size_t)(t1 + 1 - s))};
		add_cell(st->open, trimmed(t1 + 1, strlen(t1 + 1)), pos, -1);
		return;
	}
	st->open = NULL;
	imp_row *r = new_row(rows, (gir_pos){l->no, 1}, -1);
	const char *p = *imp_skip_white(s, false) == '\t' ? t1 + 1 : s;
	for (;;) {
		const char *e = strchr(p, '\t');
		size_t n = e ? (size_t)(e - p) : strlen(p);
		add_cell(r, trimmed(p, n), (gir_pos){l->no, char_col(&cc, (size_t)(p - s))}, -1);
		if (!e)
			break;
		p = e + 1;
	}
	st->open = NULL;
}

/* A line of text after a one-cell-per-line tab cell continues that cell
 * (Word breaks "本年新⏎制作数量" inside a cell). */
static bool continues_cell(const tab_state *st, const imp_line *prev)
{
	return st->open && prev && prev->kind == IMP_TAB && st->open->n > 0;
}

static void text_line(gir_ptrvec *rows, tab_state *st, const imp_line *l, const imp_line *prev)
{
	char *t = trimmed(l->text, strlen(l->text));
	if (continues_cell(st, prev)) {
		gir_buf b = {0};
		imp_cell *c = &st->open->cells[st->open->n - 1];
		gir_buf_puts(&b, c->text);
		imp_join(&b, t);
		free(c->text);
		free(t);
		c->text = imp_detach(&b);
		return;
	}
	st->open = NULL;
	imp_row *r = new_row(rows, (gir_pos){l->no, l->col}, -1);
	r->text_line = true;
	add_cell(r, t, (gir_pos){l->no, l->col}, -1);
}

/* A row a reader split (import_bridge.c): its cells as they are. */
static void cells_row(gir_ptrvec *rows, const imp_line *l)
{
	imp_row *r = new_row(rows, (gir_pos){l->no, l->col}, l->table);
	for (size_t k = 0; k < l->ncells; k++)
		add_cell(r, gir_xstrdup(l->cells[k].text), l->cells[k].pos, -1);
}

/* ---- a browser's text of a table ------------------------------------------ */

/* A line of nothing but white space with a tab in it: between two cells of a
 * row in the text a browser gives of a table whose cells hold paragraphs
 * (Chromium's innerText, a copy of the page): "信息内容", "", "\t", "",
 * "本年制发件数", a row ending at two or more blank lines. */
static bool tab_only(const imp_line *l)
{
	return l->kind == IMP_TAB && !*imp_skip_white(l->text, true);
}

/* A line of such a row that starts and ends with the tabs between cells
 * and holds a cell or more ("\t0\t", "\t10\t": a cell of one paragraph
 * between two cells of several, 平潭 2019's 规章 `规章⏎⏎⇥0⇥⏎⏎0⏎⏎⇥⏎⏎0`), after a
 * blank line as every paragraph of such a row.  A line that only starts
 * with one is a cell set in (tests/seeds: `⇥0`); one right under a line of
 * text, a row of tab-separated cells. */
static bool tab_edged(const imp_line *l)
{
	size_t n = strlen(l->text);
	return l->kind == IMP_TAB && l->text[0] == '\t' && n > 1 && l->text[n - 1] == '\t' &&
	       *imp_skip_white(l->text, true);
}

/* A piece that continues a cell across one blank line: a label set one
 * word or character a paragraph ("商业⏎⏎企业", "结⏎⏎果⏎⏎维⏎⏎持"), never a
 * number, never a sentence. */
#define PIECE_MAX 20
#define CELL_PIECES 8    /* paragraphs of one cell, at most: 总/计 is 2, 结/果/维/持 4 */

static bool continues_piece(const char *cell, const char *more)
{
	char *a = imp_number(cell), *b = imp_number(more);
	bool r = !a && !b && *cell && imp_width(cell) <= 4 * PIECE_MAX && imp_width(more) <= PIECE_MAX;
	free(a), free(b);
	return r;
}

/* A tab-edged line's cells into the row: each tab ends the cell being
 * collected, each text between tabs is a cell's. */
static void tab_cells(imp_row *r, gir_buf *cell, gir_pos *pos, const imp_line *l)
{
	for (const char *p = l->text; *p;) {
		const char *e = p + strcspn(p, "\t");
		char *t = trimmed(p, (size_t)(e - p));
		if (*t) {
			*pos = (gir_pos){l->no, (int)gir_utf8_count(l->text, (size_t)(p - l->text)) + 1};
			gir_buf_puts(cell, t);
		}
		free(t);
		if (*e == '\t')
			add_cell(r, imp_detach(cell), *pos, -1);
		p = *e ? e + 1 : e;
	}
}

/* The row of such cells starting at line i, if there is one (a tab-only
 * line among its first lines); returns the line after it, or i. */
static size_t browser_row(gir_ptrvec *rows, const imp_doc *doc, size_t i, size_t to)
{
	const imp_line *L = doc->lines;
	size_t j = i, seps = 0;
	/* a first look: is there a separator before the first cell could end?
	 * (a cell is a few pieces: the look is bounded, or every line of a long
	 * text would look through all the lines after it) */
	for (size_t k = i, blanks = 0; k < to && blanks < 2 && k < i + 4 * CELL_PIECES; k++) {
		if (tab_only(&L[k]) || (blanks && tab_edged(&L[k]))) {
			seps = 1;
			break;
		}
		blanks = L[k].kind == IMP_BLANK ? blanks + 1 : 0;
		if (L[k].kind != IMP_BLANK && L[k].kind != IMP_TEXT)
			break;
	}
	if (!seps)
		return i;
	imp_row *r = new_row(rows, (gir_pos){L[i].no, 1}, -1);
	gir_buf cell = {0};
	gir_pos pos = {L[i].no, L[i].col};
	bool open = false; /* a cell is being collected */
	while (j < to) {
		if (tab_only(&L[j])) {
			add_cell(r, imp_detach(&cell), pos, -1);
			open = false;
			j++;
			continue;
		}
		size_t blanks = 0;
		while (j + blanks < to && L[j + blanks].kind == IMP_BLANK)
			blanks++;
		if (blanks >= 2 || j + blanks >= to)
			break;
		const imp_line *l = &L[j + blanks];
		if (tab_only(l)) {
			j += blanks;
			continue;
		}
		if (blanks && tab_edged(l)) {
			tab_cells(r, &cell, &pos, l);
			open = false;
			j += blanks + 1;
			continue;
		}
		if (l->kind != IMP_TEXT)
			break;
		char *t = trimmed(l->text, strlen(l->text));
		if (open && !(blanks <= 1 && continues_piece(cell.ptr ? cell.ptr : "", t))) {
			free(t);
			break;
		}
		if (!open)
			pos = (gir_pos){l->no, l->col};
		gir_buf_puts(&cell, t);
		free(t);
		open = true;
		j += blanks + 1;
	}
	add_cell(r, imp_detach(&cell), pos, -1);
	return j;
}

static bool grid_table(const imp_doc *doc, size_t i)
{
	int t = doc->lines[i].table;
	for (size_t j = i; j < doc->nlines && doc->lines[j].table == t; j++)
		if (doc->lines[j].kind == IMP_RULE && *imp_skip_white(doc->lines[j].text, false) == '+')
			return true;
	for (size_t j = i; j-- > 0 && doc->lines[j].table == t;)
		if (doc->lines[j].kind == IMP_RULE && *imp_skip_white(doc->lines[j].text, false) == '+')
			return true;
	return false;
}

size_t imp_rows(const imp_doc *doc, size_t from, size_t to, imp_row **out)
{
	gir_ptrvec rows = {0};
	tab_state st = {NULL};
	int grid_run = -1; /* the run of table lines `grid` was found for: once a run */
	bool grid = false;
	for (size_t i = from, j; i < to; i++) {
		const imp_line *l = &doc->lines[i], *prev = i > from ? l - 1 : NULL;
		if (l->kind == IMP_PIPE && l->table != grid_run)
			grid = grid_table(doc, i), grid_run = l->table;
		bool band = l->kind == IMP_BOX || (l->kind == IMP_PIPE && grid);
		if (band) {
			j = i;
			while (j < to && doc->lines[j].kind == l->kind)
				j++;
			band_rows(&rows, l, j - i, l->kind == IMP_BOX);
			i = j - 1;
			st.open = NULL;
		} else if (l->kind == IMP_COLS) {
			j = i + 1;
			while (l->multiline && j < to && doc->lines[j].kind == IMP_COLS)
				j++;
			cols_row(&rows, doc, l, j - i);
			i = j - 1;
			st.open = NULL;
		} else if (l->kind == IMP_CELLS) {
			cells_row(&rows, l);
			st.open = NULL;
		} else if (l->kind == IMP_PIPE) {
			pipe_row(&rows, l);
			st.open = NULL;
		} else if ((l->kind == IMP_TEXT || tab_only(l)) && !doc->markdown && !doc->own_text &&
		           !doc->structured &&
		           (j = browser_row(&rows, doc, i, to)) > i) {
			i = j - 1;
			st.open = NULL;
		} else if (l->kind == IMP_TAB) {
			tab_line(&rows, &st, l);
		} else if (l->kind == IMP_TEXT) {
			text_line(&rows, &st, l, prev);
		} else {
			st.open = NULL;
		}
	}
	*out = gir_xcalloc(rows.len + 1, sizeof **out);
	for (size_t i = 0; i < rows.len; i++) {
		(*out)[i] = *(imp_row *)rows.items[i];
		free(rows.items[i]);
	}
	size_t n = rows.len;
	gir_ptrvec_free(&rows);
	return n;
}

void imp_rows_free(imp_row *rows, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		for (size_t k = 0; k < rows[i].n; k++)
			free(rows[i].cells[k].text);
		free(rows[i].cells);
	}
	free(rows);
}
