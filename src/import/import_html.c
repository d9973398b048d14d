/* gireport import of a web page, as a bureau saves it from its portal: the
 * whole page, with the site's header, navigation, breadcrumbs, scripts and
 * footer around the report.  libxml2's HTML parser reads it (any page a
 * browser shows, however malformed); this file finds the article body,
 * and gives its paragraphs and table rows to the text importer through
 * the bridge (import.h, "import_bridge.c"):
 *
 *   charset      a byte-order mark, else <meta charset> or http-equiv
 *                Content-Type in the first 4 KB, else UTF-8 when the bytes
 *                are UTF-8 and GB18030 (a superset of GBK and GB2312) when
 *                not; converted to UTF-8 with iconv before parsing
 *   title        the ArticleTitle meta, else the page's <h1>, else <title>
 *                up to its first "_" or " - " (the site's name follows)
 *   agency, date the ContentSource and PubDate metas, used by import.c only
 *                when the text has none (title, signature, date line)
 *   body         from <body> down, the one child that holds more than half
 *                of the text not in links, scripts or forms, while there is
 *                one; a table is gone into only through a cell that holds
 *                that much (a page laid out in a table), never a table of
 *                the report
 *   paragraphs   each block (p, div, li, h1–h6) and each <br> ends one;
 *                white space runs are one space, none at a line break of
 *                the HTML between two CJK characters (Word's export wraps
 *                its lines inside sentences)
 *   tables       a grid: rowspan and colspan as the bridge says, cell text
 *                joined over its <p> and <br>; a table holding a table, or
 *                with one cell a row, is layout, and read as blocks
 *   left out     scripts, styles, forms, frames, <nav>, what a browser does
 *                not show (hidden, display:none), and the markers of Word's
 *                conditional comments (<![if !supportLists]>, <![endif]>),
 *                though not what stands between them (a list's number)
 *
 * Every line is placed at the element it came from in the original file
 * (line, and column in characters), so diagnostics point into the page. */
#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>

#include "import.h"
#include "import_xml.h"
#include "utf8.h"
#include "util.h"

#define MAX_DEPTH 256   /* elements deeper than this are no report's */
#define MAX_COLS 1024   /* the form's widest table has 15 columns */
/* A report's page has a few thousand elements (the corpus: 2,170 to
 * 4,292); libxml2 keeps each in a tree of some hundred bytes, so a page of
 * millions would cost gigabytes before anything is known about it. */
#define MAX_ELEMENTS 50000

typedef struct html_rd {
	imp_doc *doc;
	const char *text;      /* the UTF-8 text parsed */
	size_t len;
	size_t *line_start;    /* byte offset of each line of text */
	size_t nlines;
	size_t cc_line, cc_off;  /* the last place asked for: pages put a whole */
	int cc_col;              /* body on one line, and places come in order */
	bool deep;             /* content below MAX_DEPTH was left out */
	/* the paragraph being gathered */
	gir_buf para;
	gir_pos para_pos;
	bool para_placed;
} html_rd;

/* ---- charset ---------------------------------------------------------------- */

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f';
}

/* The value after "charset=" at s (quotes and spaces skipped), copied to
 * out; false when there is none. */
static bool charset_value(const char *s, const char *end, char *out, size_t cap)
{
	while (s < end && (is_space(*s) || *s == '"' || *s == '\''))
		s++;
	size_t n = 0;
	while (s < end && n + 1 < cap && (((*s | 0x20) >= 'a' && (*s | 0x20) <= 'z') ||
	                                   (*s >= '0' && *s <= '9') || *s == '-' || *s == '_'))
		out[n++] = *s++;
	out[n] = '\0';
	return n > 0;
}

/* The charset a page declares in its first 4 KB (<meta charset=…>, or
 * content="text/html; charset=…"), as libxml2 and browsers look for it. */
static bool declared_charset(const char *s, size_t n, char *out, size_t cap)
{
	size_t window = n < 4096 ? n : 4096;
	static const char key[] = "charset";
	for (size_t i = 0; i + sizeof key < window; i++) {
		if (strncasecmp(s + i, key, sizeof key - 1) != 0)
			continue;
		const char *p = s + i + sizeof key - 1;
		while (p < s + window && is_space(*p))
			p++;
		if (p < s + window && *p == '=' && charset_value(p + 1, s + window, out, cap))
			return true;
	}
	return false;
}

static bool is_utf8_name(const char *cs)
{
	return strcasecmp(cs, "utf-8") == 0 || strcasecmp(cs, "utf8") == 0;
}

/* GBK and GB2312 pages are read as GB18030, their superset (a page
 * declared gb2312 often holds GBK characters). */
static const char *iconv_name(const char *cs)
{
	static const char *const gb[] = {"gbk", "gb2312", "gb18030", "x-gbk", "cp936", "euc-cn",
	                                 "gb_2312-80", "x-euc-cn"};
	for (size_t i = 0; i < GIR_ARRAY_LEN(gb); i++)
		if (strcasecmp(cs, gb[i]) == 0)
			return "GB18030";
	return cs;
}

/* The page as UTF-8 in *out (malloc'd), or -1 with an error. */
static int to_utf8(html_rd *rd, const char *data, size_t len, char **out, size_t *outlen)
{
	char cs[64] = "";
	if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
		data += 3, len -= 3, strcpy(cs, "utf-8");
	else if (!declared_charset(data, len, cs, sizeof cs))
		strcpy(cs, gir_utf8_invalid_at(data, len) == (size_t)-1 ? "utf-8" : "gb18030");
	size_t bad = (size_t)-1;
	if (is_utf8_name(cs) && (bad = gir_utf8_invalid_at(data, len)) == (size_t)-1) {
		*out = gir_xstrndup(data, len);
		*outlen = len;
		return 0;
	}
	/* Declared UTF-8 but not: the pages that do that are GBK. */
	const char *from = is_utf8_name(cs) ? "GB18030" : iconv_name(cs);
	iconv_t cd = iconv_open("UTF-8", from);
	if (cd == (iconv_t)-1) {
		gir_diag_at(rd->doc->diags, rd->doc->file, (gir_pos){0, 0}, NULL, NULL,
		            _("convert it first: iconv -f CHARSET -t UTF-8"),
		            GIR_MSG(ERROR, html_bad_charset,
		                "the page's charset \"%s\" is not one gireport can convert"), cs);
		return -1;
	}
	size_t cap = len * 2 + 16;
	char *buf = gir_xmalloc(cap + 1), *in = (char *)data, *o = buf;
	size_t inleft = len, oleft = cap;
	while (inleft > 0) {
		if (iconv(cd, &in, &inleft, &o, &oleft) != (size_t)-1)
			continue;
		if (errno == E2BIG) {
			size_t used = (size_t)(o - buf);
			buf = gir_xrealloc(buf, (cap *= 2) + 1);
			o = buf + used, oleft = cap - used;
			continue;
		}
		/* A byte the charset does not have: one U+FFFD, as a browser shows it. */
		if (oleft < 3) {
			size_t used = (size_t)(o - buf);
			buf = gir_xrealloc(buf, (cap *= 2) + 1);
			o = buf + used, oleft = cap - used;
		}
		memcpy(o, "\xEF\xBF\xBD", 3);
		o += 3, oleft -= 3, in++, inleft--;
	}
	iconv_close(cd);
	*outlen = (size_t)(o - buf);
	buf[*outlen] = '\0';
	*out = buf;
	return 0;
}

/* Word's HTML export wraps list numbers in downlevel-revealed conditional
 * comments, <![if !supportLists]>一、<![endif]>: browsers skip the two
 * markers and show what stands between them, libxml2 reads the markers as
 * text.  Each is made a comment of the same length, so no place moves. */
static void hide_word_markers(char *s, size_t len)
{
	for (char *p = s; (p = memchr(p, '<', (size_t)(s + len - p))) != NULL; p++) {
		if (strncmp(p, "<![if", 5) != 0 && strncmp(p, "<![endif]>", 10) != 0)
			continue;
		char *e = strstr(p, "]>");
		if (!e || e - p + 2 < 7)
			continue;
		size_t n = (size_t)(e - p) + 2;
		memset(p, ' ', n);
		memcpy(p, "<!--", 4);
		memcpy(p + n - 3, "-->", 3);
		p += n - 1;
	}
}

/* Counts the start tags ('<' and a letter) before anything is parsed. */
static bool too_many_elements(html_rd *rd, const char *s, size_t len)
{
	size_t tags = 0;
	for (const char *p = s; (p = memchr(p, '<', (size_t)(s + len - p))) != NULL; p++)
		if (p + 1 < s + len && (((p[1] | 0x20) >= 'a' && (p[1] | 0x20) <= 'z')) &&
		    ++tags > MAX_ELEMENTS) {
			gir_diag_at(rd->doc->diags, rd->doc->file, (gir_pos){0, 0}, NULL, NULL,
			            _("a report's page has a few thousand; is this the right file?"),
			            GIR_MSG(ERROR, html_too_many_elements,
			                "a page of more than %d elements: not imported"), MAX_ELEMENTS);
			return true;
		}
	return false;
}

/* ---- places ----------------------------------------------------------------- */

/* The element's place, recorded while parsing (start_element below): the
 * byte offset just after its start tag, plus one; 0 for none. */
static size_t node_offset(const xmlNode *n)
{
	for (; n; n = n->parent)
		if (n->type == XML_ELEMENT_NODE && n->_private)
			return (size_t)(uintptr_t)n->_private - 1;
	return (size_t)-1;
}

static gir_pos pos_of(html_rd *rd, const xmlNode *n)
{
	size_t off = node_offset(n);
	if (off == (size_t)-1 || off > rd->len)
		return (gir_pos){1, 1};
	size_t lo = 0, hi = rd->nlines;
	while (hi - lo > 1) {
		size_t mid = (lo + hi) / 2;
		if (rd->line_start[mid] <= off)
			lo = mid;
		else
			hi = mid;
	}
	/* Characters are counted on from the last place on the same line. */
	if (rd->cc_line != lo + 1 || rd->cc_off > off)
		rd->cc_line = lo + 1, rd->cc_off = rd->line_start[lo], rd->cc_col = 1;
	rd->cc_col += (int)gir_utf8_count(rd->text + rd->cc_off, off - rd->cc_off);
	rd->cc_off = off;
	return (gir_pos){(int)lo + 1, rd->cc_col};
}

static void index_lines(html_rd *rd)
{
	size_t cap = 64;
	rd->line_start = gir_xmalloc(cap * sizeof *rd->line_start);
	rd->line_start[rd->nlines++] = 0;
	for (const char *p = rd->text; (p = memchr(p, '\n', (size_t)(rd->text + rd->len - p))) != NULL;) {
		p++;
		if (rd->nlines == cap)
			rd->line_start = gir_xrealloc(rd->line_start, (cap *= 2) * sizeof *rd->line_start);
		rd->line_start[rd->nlines++] = (size_t)(p - rd->text);
	}
}

/* libxml2's own start handler, then the new element's place in the
 * node's public application-data field: where the parser's input stands,
 * the end of the start tag.  (xmlByteConsumed counts the bytes the
 * encoder took, a whole chunk at a time; the input is UTF-8 already, so
 * the decoded offset is the offset in rd->text.)  The parser's own
 * application data holds libxml2's handler. */
static void start_element(void *ctx, const xmlChar *name, const xmlChar **atts)
{
	xmlParserCtxtPtr ctxt = ctx;
	const startElementSAXFunc *dflt = ctxt->_private;
	(*dflt)(ctx, name, atts);
	const xmlParserInput *in = ctxt->input;
	if (ctxt->node && in && in->cur >= in->base && in->consumed < (unsigned long)INT32_MAX) {
		size_t off = (size_t)in->consumed + (size_t)(in->cur - in->base);
		ctxt->node->_private = (void *)(uintptr_t)(off + 2); /* past '>', plus one */
	}
}

/* ---- elements ---------------------------------------------------------------- */

/* libxml2's HTML parser gives element names in lower case. */
static bool named(const xmlNode *n, const char *name)
{
	return n->type == XML_ELEMENT_NODE && n->name && strcmp((const char *)n->name, name) == 0;
}

static bool named_any(const xmlNode *n, const char *const *names)
{
	for (; *names; names++)
		if (named(n, *names))
			return true;
	return false;
}

/* Not report text: code, forms, embedded things, navigation. */
static bool hidden(const xmlNode *n);

static bool skipped(const xmlNode *n)
{
	static const char *const names[] = {"script", "style", "noscript", "template", "iframe",
		"object", "embed", "select", "option", "button", "textarea", "input", "nav", "svg",
		"head", "title", "meta", "link", "map", "audio", "video", "canvas", NULL};
	return n->type == XML_COMMENT_NODE || n->type == XML_PI_NODE || named_any(n, names) ||
	       hidden(n);
}

static bool block(const xmlNode *n)
{
	static const char *const names[] = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li",
		"ul", "ol", "dl", "dt", "dd", "blockquote", "section", "article", "main", "header",
		"footer", "aside", "center", "pre", "address", "form", "fieldset", "figure",
		"figcaption", "hr", "body", "html", "caption", "tr", "td", "th", "tbody", "thead",
		"tfoot", NULL};
	return named_any(n, names);
}

static const char *attr(const xmlNode *n, const char *name, char *buf, size_t cap)
{
	for (const xmlAttr *a = n->properties; a; a = a->next)
		if (a->name && strcasecmp((const char *)a->name, name) == 0 && a->children &&
		    a->children->content) {
			snprintf(buf, cap, "%s", (const char *)a->children->content);
			return buf;
		}
	return NULL;
}

/* An element a browser does not show: the hidden attribute, or
 * display:none in its style (a second copy of the article, a template).
 * Looked at for every element, so without a copy of the style. */
static bool hidden(const xmlNode *n)
{
	if (n->type != XML_ELEMENT_NODE)
		return false;
	for (const xmlAttr *a = n->properties; a; a = a->next) {
		if (!a->name)
			continue;
		if (strcmp((const char *)a->name, "hidden") == 0)
			return true;
		if (strcmp((const char *)a->name, "style") != 0 || !a->children || !a->children->content)
			continue;
		for (const char *p = (const char *)a->children->content; *p; p++) {
			if ((*p | 0x20) != 'd' || strncasecmp(p, "display", 7) != 0)
				continue;
			const char *v = p + 7;
			while (is_space(*v))
				v++;
			if (*v != ':')
				continue;
			do
				v++;
			while (is_space(*v));
			if (strncasecmp(v, "none", 4) == 0)
				return true;
		}
	}
	return false;
}

/* ---- how much text -------------------------------------------------------------- */

/* Characters of text under n that are not white space, in links, scripts
 * or forms: the report's words, not the site's.  Each element's weight is
 * kept once worked out (the descent below asks for a subtree's at every
 * level), in a table of the elements' addresses. */
typedef struct weights {
	const xmlNode **keys;
	size_t *vals;
	size_t cap, n;
} weights;

static size_t slot(const weights *w, const xmlNode *n)
{
	size_t h = ((uintptr_t)n >> 4) * 0x9E3779B97F4A7C15u;
	for (size_t i = h & (w->cap - 1);; i = (i + 1) & (w->cap - 1))
		if (!w->keys[i] || w->keys[i] == n)
			return i;
}

static void remember(weights *w, const xmlNode *n, size_t v)
{
	if (2 * (w->n + 1) > w->cap) {
		weights bigger = {gir_xcalloc(w->cap ? 2 * w->cap : 1024, sizeof *w->keys),
		                  gir_xcalloc(w->cap ? 2 * w->cap : 1024, sizeof *w->vals),
		                  w->cap ? 2 * w->cap : 1024, 0};
		for (size_t i = 0; i < w->cap; i++)
			if (w->keys[i])
				remember(&bigger, w->keys[i], w->vals[i]);
		free(w->keys), free(w->vals);
		*w = bigger;
	}
	size_t i = slot(w, n);
	w->n += !w->keys[i];
	w->keys[i] = n, w->vals[i] = v;
}

static size_t text_weight(weights *w, const xmlNode *n, int depth)
{
	if (depth > MAX_DEPTH || skipped(n) || named(n, "a"))
		return 0;
	if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
		size_t k = 0;
		for (const unsigned char *p = n->content; p && *p; p++)
			k += !is_space((char)*p) && (*p & 0xC0) != 0x80;
		return k;
	}
	if (w->cap) {
		size_t i = slot(w, n);
		if (w->keys[i])
			return w->vals[i];
	}
	size_t k = 0;
	for (const xmlNode *c = n->children; c; c = c->next)
		k += text_weight(w, c, depth + 1);
	remember(w, n, k);
	return k;
}

/* The child holding more than half of n's weight, or NULL. */
static const xmlNode *heavy_child(weights *w, const xmlNode *n, size_t total, int depth)
{
	for (const xmlNode *c = n->children; c; c = c->next)
		if (c->type == XML_ELEMENT_NODE && 2 * text_weight(w, c, depth + 1) > total)
			return c;
	return NULL;
}

/* The cell of a layout table that holds more than half of `total`, or
 * NULL for a table of data (no one cell holds that much). */
static const xmlNode *layout_cell(weights *w, const xmlNode *table, size_t total, int depth)
{
	const xmlNode *n = table;
	while (n && depth < MAX_DEPTH) {
		n = heavy_child(w, n, total, depth++);
		if (n && (named(n, "td") || named(n, "th")))
			return n;
		if (n && !named(n, "tbody") && !named(n, "thead") && !named(n, "tfoot") && !named(n, "tr"))
			return NULL;
	}
	return NULL;
}

/* The article: from <body> down, while one child holds most of the text. */
static const xmlNode *find_body(const xmlNode *root)
{
	weights w = {0};
	const xmlNode *n = root;
	for (int depth = 0; n && depth < MAX_DEPTH; depth++) {
		size_t total = text_weight(&w, n, depth);
		const xmlNode *c = total ? heavy_child(&w, n, total, depth) : NULL;
		if (!c || named(c, "p") || named(c, "pre") || named(c, "li") || named(c, "ul") ||
		    named(c, "ol") || (c->name && c->name[0] == 'h' && c->name[1] >= '1' && c->name[1] <= '6'))
			break;
		if (named(c, "table")) {
			c = layout_cell(&w, c, total, depth + 1);
			if (!c)
				break;
		}
		n = c;
	}
	free(w.keys), free(w.vals);
	return n;
}

/* ---- text ----------------------------------------------------------------------- */

static uint32_t last_cp(const gir_buf *b)
{
	uint32_t cp = 0;
	if (b->len) {
		size_t i = gir_utf8_char_start(b->ptr, b->len - 1);
		gir_utf8_decode(b->ptr + i, b->len - i, &cp);
	}
	return cp;
}

/* Appends a text node's text: a run of white space is one space, or none
 * where it holds a line break between two CJK characters. */
static void put_text(gir_buf *b, const char *s)
{
	const char *end = s + strlen(s);
	while (*s) {
		if (!is_space(*s)) {
			uint32_t cp;
			size_t k = gir_utf8_decode(s, (size_t)(end - s), &cp);
			gir_buf_put(b, s, k ? k : 1);
			s += k ? k : 1;
			continue;
		}
		bool newline = false;
		while (is_space(*s))
			newline = newline || *s == '\n' || *s == '\r', s++;
		uint32_t next = 0;
		gir_utf8_decode(s, (size_t)(end - s), &next);
		bool cjk = b->len && gir_cp_width(last_cp(b)) == 2 && (!*s || gir_cp_width(next) == 2);
		if (b->len && b->ptr[b->len - 1] != ' ' && !(newline && cjk))
			gir_buf_putc(b, ' ');
	}
}

/* A copy without white space at either end: ASCII (line ends too), U+3000,
 * U+00A0. */
static char *trim(const char *s)
{
	return imp_trim(s, strlen(s), true);
}

/* The text of a cell: its pieces (each <p>, <div>, <br>) joined. */
static void cell_text(const xmlNode *n, gir_buf *piece, gir_buf *cell, int depth)
{
	for (const xmlNode *c = n->children; c && depth < MAX_DEPTH; c = c->next) {
		if (skipped(c))
			continue;
		if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
			put_text(piece, (const char *)c->content);
			continue;
		}
		if (c->type != XML_ELEMENT_NODE)
			continue;
		bool brk = block(c) || named(c, "br");
		if (brk && piece->len) {
			char *t = trim(piece->ptr);
			imp_join(cell, t);
			free(t);
			gir_buf_clear(piece);
		}
		cell_text(c, piece, cell, depth + 1);
		if (brk && piece->len) {
			char *t = trim(piece->ptr);
			imp_join(cell, t);
			free(t);
			gir_buf_clear(piece);
		}
	}
}

static char *whole_cell(const xmlNode *n)
{
	gir_buf piece = {0}, cell = {0};
	cell_text(n, &piece, &cell, 0);
	if (piece.len) {
		char *t = trim(piece.ptr);
		imp_join(&cell, t);
		free(t);
	}
	gir_buf_free(&piece);
	char *r = trim(cell.ptr ? cell.ptr : "");
	gir_buf_free(&cell);
	return r;
}

/* The first element under n with text: where a cell's text stands. */
static const xmlNode *text_place(const xmlNode *n, int depth)
{
	for (const xmlNode *c = n->children; c && depth < MAX_DEPTH; c = c->next) {
		if (skipped(c))
			continue;
		if (c->type == XML_TEXT_NODE && c->content) {
			char *t = trim((const char *)c->content);
			bool any = *t;
			free(t);
			if (any)
				return n;
		} else if (c->type == XML_ELEMENT_NODE) {
			const xmlNode *r = text_place(c, depth + 1);
			if (r)
				return r;
		}
	}
	return NULL;
}

/* ---- paragraphs ----------------------------------------------------------------- */

static void flush(html_rd *rd)
{
	if (rd->para.len) {
		char *t = trim(rd->para.ptr);
		imp_doc_text(rd->doc, rd->para_pos, t);
		free(t);
	}
	gir_buf_clear(&rd->para);
	rd->para_placed = false;
}

static void walk(html_rd *rd, const xmlNode *n, int depth);

/* ---- tables --------------------------------------------------------------------- */

typedef struct span {
	int rows_left;       /* rows below still covered */
	char *text;          /* repeated in them when it is a label */
	gir_pos pos;
	bool first;          /* the first column of its cell: the one that repeats */
} span;

static int span_attr(const xmlNode *n, const char *name)
{
	char buf[32];
	const char *v = attr(n, name, buf, sizeof buf);
	long k = v ? strtol(v, NULL, 10) : 1;
	return k < 1 ? 1 : k > 1000 ? 1000 : (int)k;
}

static bool is_number(const char *s)
{
	char *v = imp_number(s);
	free(v);
	return v != NULL;
}

/* The rows of a table (its own, not those of tables inside it). */
static size_t table_rows(const xmlNode *t, const xmlNode **rows, size_t cap)
{
	size_t n = 0;
	for (const xmlNode *c = t->children; c; c = c->next) {
		if (named(c, "tr")) {
			if (n < cap)
				rows[n] = c;
			n++;
		} else if (named(c, "tbody") || named(c, "thead") || named(c, "tfoot")) {
			for (const xmlNode *r = c->children; r; r = r->next)
				if (named(r, "tr")) {
					if (n < cap)
						rows[n] = r;
					n++;
				}
		}
	}
	return n;
}

static bool has_table(const xmlNode *n, int depth)
{
	for (const xmlNode *c = n->children; c && depth < MAX_DEPTH; c = c->next)
		if (named(c, "table") || (c->type == XML_ELEMENT_NODE && has_table(c, depth + 1)))
			return true;
	return false;
}

static size_t count_cells(const xmlNode *tr)
{
	size_t k = 0;
	for (const xmlNode *c = tr->children; c; c = c->next)
		k += named(c, "td") || named(c, "th");
	return k;
}

/* A table for the layout of a page, not one of the report's: it holds a
 * table, or no row of it has two cells. */
static bool layout_table(const xmlNode *t, const xmlNode *const *rows, size_t n, int depth)
{
	if (has_table(t, depth))
		return true;
	for (size_t i = 0; i < n; i++)
		if (count_cells(rows[i]) >= 2)
			return false;
	return true;
}

static void add(imp_cell **cells, size_t *n, char *text, gir_pos pos)
{
	IMP_GROW(*cells, *n);
	(*cells)[(*n)++] = (imp_cell){text, pos, -1};
}

/* Spans from rows above standing at column *col on: their labels given
 * again in this row, their numbers not. */
static void covered(span *sp, size_t ncols, size_t *col, imp_cell **cells, size_t *n)
{
	while (*col < ncols && sp[*col].rows_left > 0) {
		span *s = &sp[*col];
		if (s->first && s->text && !is_number(s->text))
			add(cells, n, gir_xstrdup(s->text), s->pos);
		if (--s->rows_left == 0) {
			free(s->text);
			s->text = NULL;
		}
		(*col)++;
	}
}

static void grid_row(html_rd *rd, const xmlNode *tr, span **sp, size_t *ncols)
{
	if (imp_doc_full(rd->doc))
		return;
	imp_cell *cells = NULL;
	size_t n = 0, col = 0;
	gir_pos row_pos = pos_of(rd, tr); /* first: places are counted on in order */
	for (const xmlNode *c = tr->children; c; c = c->next) {
		if (!named(c, "td") && !named(c, "th"))
			continue;
		covered(*sp, *ncols, &col, &cells, &n);
		int rs = span_attr(c, "rowspan"), cs = span_attr(c, "colspan");
		char *text = whole_cell(c);
		const xmlNode *at = text_place(c, 0);
		gir_pos pos = pos_of(rd, at ? at : c);
		if (col >= MAX_COLS) { /* no spans are kept so far out */
			add(&cells, &n, text, pos);
			continue;
		}
		if (col + (size_t)cs > MAX_COLS)
			cs = (int)(MAX_COLS - col);
		if (col + (size_t)cs > *ncols) {
			*sp = gir_xrealloc(*sp, (col + (size_t)cs) * sizeof **sp);
			memset(*sp + *ncols, 0, (col + (size_t)cs - *ncols) * sizeof **sp);
			*ncols = col + (size_t)cs;
		}
		for (int k = 0; k < cs && rs > 1; k++) {
			span *s = &(*sp)[col + (size_t)k];
			free(s->text);
			*s = (span){rs - 1, k == 0 ? gir_xstrdup(text) : NULL, pos, k == 0};
		}
		add(&cells, &n, text, pos);
		col += (size_t)cs;
	}
	covered(*sp, *ncols, &col, &cells, &n);
	for (; col < *ncols; col++) /* spans past the row's last cell */
		if ((*sp)[col].rows_left > 0)
			covered(*sp, *ncols, &col, &cells, &n), col--;
	if (n)
		imp_doc_row(rd->doc, row_pos, cells, n);
	else
		free(cells);
}

static void table(html_rd *rd, const xmlNode *t, int depth)
{
	size_t n = table_rows(t, NULL, 0);
	const xmlNode **rows = gir_xcalloc(n + 1, sizeof *rows);
	table_rows(t, rows, n);
	flush(rd);
	if (layout_table(t, rows, n, depth)) {
		for (size_t i = 0; i < n; i++)
			walk(rd, rows[i], depth + 1);
		flush(rd);
		free(rows);
		return;
	}
	span *sp = NULL;
	size_t ncols = 0;
	for (size_t i = 0; i < n; i++)
		grid_row(rd, rows[i], &sp, &ncols);
	for (size_t k = 0; k < ncols; k++)
		free(sp[k].text);
	free(sp);
	free(rows);
	imp_doc_table_end(rd->doc);
}

/* ---- the body ------------------------------------------------------------------- */

static void walk(html_rd *rd, const xmlNode *n, int depth)
{
	if (depth > MAX_DEPTH) {
		rd->deep = true;
		return;
	}
	for (const xmlNode *c = n->children; c; c = c->next) {
		if (skipped(c))
			continue;
		if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
			if (!rd->para_placed && c->content) {
				char *t = trim((const char *)c->content);
				if (*t)
					rd->para_pos = pos_of(rd, c->parent), rd->para_placed = true;
				free(t);
			}
			put_text(&rd->para, (const char *)c->content);
		} else if (named(c, "table")) {
			table(rd, c, depth + 1);
		} else if (named(c, "br")) {
			flush(rd);
		} else if (c->type == XML_ELEMENT_NODE) {
			bool b = block(c);
			if (b)
				flush(rd);
			walk(rd, c, depth + 1);
			if (b)
				flush(rd);
		}
	}
}

/* ---- head: title and metas ---------------------------------------------------------- */

typedef struct head_info {
	char *title;         /* <title> */
	char *article_title, *source, *date;
	const xmlNode *title_node;
} head_info;

static void set_once(char **field, const char *value)
{
	if (!*field && value) {
		char *t = trim(value);
		if (*t)
			*field = t;
		else
			free(t);
	}
}

static void read_head(const xmlNode *n, head_info *h, int depth)
{
	for (const xmlNode *c = n; c && depth < MAX_DEPTH; c = c->next) {
		if (named(c, "title") && !h->title) {
			char *t = whole_cell(c);
			set_once(&h->title, t);
			free(t);
			h->title_node = h->title_node ? h->title_node : c;
		} else if (named(c, "meta")) {
			char name[64], content[1024];
			if (attr(c, "name", name, sizeof name) && attr(c, "content", content, sizeof content)) {
				if (strcasecmp(name, "ArticleTitle") == 0) {
					set_once(&h->article_title, content);
					h->title_node = c;
				} else if (strcasecmp(name, "ContentSource") == 0) {
					set_once(&h->source, content);
				} else if (strcasecmp(name, "PubDate") == 0) {
					set_once(&h->date, content);
				}
			}
		} else if (c->type == XML_ELEMENT_NODE && !named(c, "body")) {
			read_head(c->children, h, depth + 1);
		}
	}
}

/* The first <h1> of the page with text: a title where no meta gives one. */
static const xmlNode *first_h1(const xmlNode *n, int depth)
{
	for (const xmlNode *c = n; c && depth < MAX_DEPTH; c = c->next) {
		if (named(c, "h1"))
			return c;
		if (c->type == XML_ELEMENT_NODE && !skipped(c)) {
			const xmlNode *r = first_h1(c->children, depth + 1);
			if (r)
				return r;
		}
	}
	return NULL;
}

/* "2024-03-08 15:34", "2024年3月8日" → "2024-03-08"; NULL when not a date. */
static char *iso_date(const char *s)
{
	int v[3] = {0}, k = 0;
	for (const char *p = s; *p && k < 3;) {
		if (*p < '0' || *p > '9') {
			p++;
			continue;
		}
		long x = 0;
		int nd = 0;
		while (*p >= '0' && *p <= '9')
			x = nd < 6 ? x * 10 + (*p - '0') : x, nd++, p++;
		v[k++] = (int)x;
	}
	if (k < 3 || v[0] < 1900 || v[0] > 9999 || v[1] < 1 || v[1] > 12 || v[2] < 1 || v[2] > 31)
		return NULL;
	return gir_xasprintf("%04d-%02d-%02d", v[0], v[1], v[2]);
}

/* <title> without the site's name after it ("报告_年报_某某政府"). */
static char *page_title(const char *t)
{
	static const char *const seps[] = {"_", " - ", "|", " — ", "－"};
	size_t cut = strlen(t);
	for (size_t i = 0; i < GIR_ARRAY_LEN(seps); i++) {
		const char *p = strstr(t, seps[i]);
		if (p && (size_t)(p - t) < cut && p > t)
			cut = (size_t)(p - t);
	}
	char *c = gir_xstrndup(t, cut), *r = trim(c);
	free(c);
	return r;
}

static char *without_spaces(const char *s)
{
	gir_buf b = {0};
	for (; *s; s++)
		if (!is_space(*s))
			gir_buf_putc(&b, *s);
	return imp_detach(&b);
}

/* Where the body's first lines (six at most) spell the title, in one to
 * three lines (a title broken by <br>): the first of them, and *count; -1
 * when they do not. */
static long title_in_body(const imp_doc *d, const char *title, size_t *count)
{
	char *want = without_spaces(title);
	long found = -1;
	for (size_t i = 0; i < d->nlines && i < 6 && found < 0; i++) {
		gir_buf b = {0};
		for (size_t k = i; k < d->nlines && k < i + 3 && d->lines[k].kind == IMP_TEXT; k++) {
			char *piece = without_spaces(d->lines[k].text);
			gir_buf_puts(&b, piece);
			free(piece);
			if (strcmp(b.ptr, want) == 0) {
				found = (long)i, *count = k - i + 1;
				break;
			}
			if (strncmp(want, b.ptr, b.len) != 0)
				break;
		}
		gir_buf_free(&b);
	}
	free(want);
	return found;
}

/* The title first.  When the article spells it too, that is the title, and
 * the lines before it (正文, 来源：…, 发布时间：…) are the page's, not the
 * report's; else the title from the head is put before the article. */
static void emit_title(html_rd *rd, const xmlNode *root, const head_info *h)
{
	char *title = NULL;
	const xmlNode *at = h->title_node;
	if (h->article_title) {
		title = gir_xstrdup(h->article_title);
	} else if ((at = first_h1(root, 0)) != NULL) {
		title = whole_cell(at);
	} else if (h->title) {
		title = page_title(h->title);
		at = h->title_node;
	}
	imp_doc *d = rd->doc;
	size_t count = 0, before = d->nlines;
	long from = title && *title ? title_in_body(d, title, &count) : -1;
	for (long i = 0; i < from; i++)
		if (d->lines[i].kind == IMP_CELLS)
			from = 0; /* a table before the title: the page is kept whole */
	if (from > 0) {
		/* said: a document number (岚经发〔2020〕2号, 经济发展局 2019's page)
		 * or the page's 正文, 来源：… */
		imp_text_before_title(d, &d->lines[0], d->lines[from - 1].no);
		for (long i = 0; i < from; i++)
			free(d->lines[i].text);
		memmove(d->lines, d->lines + from, (d->nlines - (size_t)from) * sizeof *d->lines);
		d->nlines -= (size_t)from;
	} else if (from < 0 && title && *title) {
		imp_doc_text(d, at ? pos_of(rd, at) : (gir_pos){1, 1}, title);
		if (d->nlines > before) { /* put it before the body's lines */
			imp_line l = d->lines[d->nlines - 1];
			memmove(d->lines + 1, d->lines, (d->nlines - 1) * sizeof l);
			d->lines[0] = l;
		}
	}
	free(title);
}

/* ---- the page -------------------------------------------------------------------- */

static void read_page(html_rd *rd, const xmlDoc *xdoc)
{
	const xmlNode *root = xmlDocGetRootElement((xmlDoc *)xdoc);
	head_info h = {0};
	if (root)
		read_head(root, &h, 0);
	const xmlNode *body = root;
	for (const xmlNode *c = root ? root->children : NULL; c; c = c->next)
		if (named(c, "body"))
			body = c;
	if (body)
		body = find_body(body);
	if (body)
		walk(rd, body, 0);
	flush(rd);
	if (root)
		emit_title(rd, root, &h);
	rd->doc->meta_agency = h.source, h.source = NULL;
	rd->doc->meta_date = h.date ? iso_date(h.date) : NULL;
	rd->doc->meta_title = h.article_title, h.article_title = NULL;
	free(h.title), free(h.article_title), free(h.source), free(h.date);
	if (rd->deep)
		gir_diag_at(rd->doc->diags, rd->doc->file, (gir_pos){0, 0}, NULL, NULL, NULL,
		            GIR_MSG(WARNING, import_nested_too_deep,
		                "elements nested more than %d deep; what stands below them is left out"),
		            MAX_DEPTH);
}

int imp_read_html(imp_doc *doc, const char *data, size_t len)
{
	html_rd rd = {.doc = doc};
	char *text;
	size_t n;
	imp_doc_start(doc);
	if (to_utf8(&rd, data, len, &text, &n) != 0)
		return -1;
	if (too_many_elements(&rd, text, n)) {
		free(text);
		return -1;
	}
	hide_word_markers(text, n);
	rd.text = text, rd.len = n;
	index_lines(&rd);
	if (gir_xml_require(doc->diags, doc->file)) {
		free(text), free(rd.line_start);
		return -1;
	}
	htmlParserCtxtPtr ctxt = htmlNewParserCtxt();
	if (!ctxt) {
		free(text), free(rd.line_start);
		gir_diag_at(doc->diags, doc->file, (gir_pos){0, 0}, NULL, NULL, NULL,
		            GIR_MSG(ERROR, html_out_of_memory, "out of memory reading the page"));
		return -1;
	}
	startElementSAXFunc dflt = ctxt->sax->startElement;
	ctxt->_private = &dflt;
	ctxt->sax->startElement = start_element;
	int opts = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
	           HTML_PARSE_IGNORE_ENC | HTML_PARSE_COMPACT;
	htmlDocPtr xdoc = n <= INT32_MAX ? htmlCtxtReadMemory(ctxt, text, (int)n, NULL, "UTF-8", opts) : NULL;
	int rc = 0;
	if (xdoc) {
		read_page(&rd, xdoc);
		xmlFreeDoc(xdoc);
		rc = imp_doc_finish(doc);
	} else {
		gir_diag_at(doc->diags, doc->file, (gir_pos){0, 0}, NULL, NULL, NULL,
		            GIR_MSG(ERROR, html_unreadable, "not a web page libxml2 can read"));
		rc = -1;
	}
	htmlFreeParserCtxt(ctxt);
	gir_buf_free(&rd.para);
	free(rd.line_start);
	free(text);
	return rc;
}
