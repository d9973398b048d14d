/* gireport import of a Word file (.docx): the zip opened with minizip (zipmem.c gives it the bytes), its
 * word/document.xml (and word/numbering.xml) read with libxml2, and the
 * body's paragraphs and table rows given to the text importer through the
 * bridge (import.h, "import_bridge.c").  No conversion in between: pandoc's
 * plain text loses every table with merged cells.
 *
 *   paragraphs   each w:p of the body (and of w:sdt content controls) is
 *                one line: the text of its runs (w:t; w:tab a space; w:br
 *                and w:cr end a line), field codes and deleted text left out
 *   numbering    a paragraph Word numbers itself (w:numPr) gets the number
 *                Word shows, from numbering.xml's level text and format:
 *                "%1、" in chineseCounting is 一、, "（%1）" is （一）,
 *                decimal 1. (numbering given by a paragraph style is not)
 *   tables       each w:tr is a row; a cell spanning columns (w:gridSpan)
 *                is one cell; a cell merged with the ones below (w:vMerge)
 *                stands again in each row below when it holds text, and
 *                once when it holds a number, as the bridge says
 *
 * A .docx has no lines a person can find: a place in it is the number of
 * the paragraph or table row in the body (1 the first), and the column the
 * cell's number in its row, so "报告.docx:37:3" is the third cell of the
 * 37th paragraph or row. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <minizip/unzip.h>

#include "import.h"
#include "import_xml.h"
#include "utf8.h"
#include "util.h"
#include "zipmem.h"

#define MAX_XML (16u << 20)   /* as a source or a text: a report's document.xml is under 1 MB */
#define MAX_COLS 1024         /* the form's widest table has 15 columns */
#define MAX_DEPTH 256
#define MAX_LEVELS 9          /* Word's levels of a list: 0–8 */

/* ---- numbering.xml ---------------------------------------------------------- */

typedef struct num_level {
	char *text;      /* w:lvlText, "%1、" */
	char *fmt;       /* w:numFmt, "chineseCounting" */
	int start;
} num_level;

typedef struct num_def {
	int num_id;                    /* w:num's id */
	int abstract_id;
	num_level lv[MAX_LEVELS];      /* of its abstract definition */
	int count[MAX_LEVELS];         /* the numbers given so far */
	bool used[MAX_LEVELS];
} num_def;

typedef struct docx_rd {
	imp_doc *doc;
	num_def *nums;
	size_t nnums;
	int block;       /* paragraphs and rows so far: the place of the next */
	bool deep;
} docx_rd;

static bool is(const xmlNode *n, const char *local)
{
	return n && n->type == XML_ELEMENT_NODE && n->name && strcmp((const char *)n->name, local) == 0;
}

static const xmlNode *child(const xmlNode *n, const char *local)
{
	for (const xmlNode *c = n ? n->children : NULL; c; c = c->next)
		if (is(c, local))
			return c;
	return NULL;
}

/* The w:val (or another) attribute, whatever its prefix; malloc'd or NULL. */
static char *attr(const xmlNode *n, const char *local)
{
	for (const xmlAttr *a = n ? n->properties : NULL; a; a = a->next)
		if (a->name && strcmp((const char *)a->name, local) == 0 && a->children &&
		    a->children->content)
			return gir_xstrdup((const char *)a->children->content);
	return NULL;
}

static int int_attr(const xmlNode *n, const char *local, int dflt)
{
	char *v = attr(n, local);
	long k = v ? strtol(v, NULL, 10) : dflt;
	free(v);
	return k < -1000000 ? -1000000 : k > 1000000 ? 1000000 : (int)k;
}

static void read_abstract(const xmlNode *a, num_level *lv)
{
	for (const xmlNode *l = a->children; l; l = l->next) {
		if (!is(l, "lvl"))
			continue;
		int i = int_attr(l, "ilvl", -1);
		if (i < 0 || i >= MAX_LEVELS)
			continue;
		free(lv[i].text), free(lv[i].fmt);
		lv[i].text = attr(child(l, "lvlText"), "val");
		lv[i].fmt = attr(child(l, "numFmt"), "val");
		lv[i].start = int_attr(child(l, "start"), "val", 1);
	}
}

static void read_numbering(docx_rd *rd, const xmlDoc *x)
{
	const xmlNode *root = xmlDocGetRootElement((xmlDoc *)x);
	if (!is(root, "numbering"))
		return;
	for (const xmlNode *n = root->children; n; n = n->next) {
		if (!is(n, "num"))
			continue;
		int abs = int_attr(child(n, "abstractNumId"), "val", -1);
		IMP_GROW(rd->nums, rd->nnums);
		num_def *d = &rd->nums[rd->nnums++];
		memset(d, 0, sizeof *d);
		d->num_id = int_attr(n, "numId", -1);
		d->abstract_id = abs;
		for (const xmlNode *a = root->children; a; a = a->next)
			if (is(a, "abstractNum") && int_attr(a, "abstractNumId", -2) == abs)
				read_abstract(a, d->lv);
	}
}

static void free_nums(docx_rd *rd)
{
	for (size_t i = 0; i < rd->nnums; i++)
		for (int l = 0; l < MAX_LEVELS; l++)
			free(rd->nums[i].lv[l].text), free(rd->nums[i].lv[l].fmt);
	free(rd->nums);
}

/* A number in Chinese as a list shows it: 一 … 十, 十一, 二十三 (up to 99). */
static void chinese(gir_buf *b, int v)
{
	static const char *const d[] = {"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
	if (v <= 0 || v > 99) {
		gir_buf_printf(b, "%d", v);
		return;
	}
	if (v >= 10) {
		if (v >= 20)
			gir_buf_puts(b, d[v / 10]);
		gir_buf_puts(b, "十");
		if (v % 10)
			gir_buf_puts(b, d[v % 10]);
		return;
	}
	gir_buf_puts(b, d[v]);
}

static void format_number(gir_buf *b, const char *fmt, int v)
{
	if (fmt && (strncmp(fmt, "chinese", 7) == 0 || strncmp(fmt, "ideograph", 9) == 0 ||
	            strcmp(fmt, "japaneseCounting") == 0 || strcmp(fmt, "taiwaneseCounting") == 0))
		chinese(b, v);
	else if (fmt && (strcmp(fmt, "upperLetter") == 0 || strcmp(fmt, "lowerLetter") == 0) && v >= 1)
		gir_buf_putc(b, (char)((fmt[0] == 'u' ? 'A' : 'a') + (v - 1) % 26));
	else if (fmt && strcmp(fmt, "none") == 0)
		return;
	else
		gir_buf_printf(b, "%d", v);
}

/* The number Word shows before a paragraph with w:numPr, counted on. */
static char *paragraph_number(docx_rd *rd, const xmlNode *ppr)
{
	const xmlNode *np = child(ppr, "numPr");
	if (!np)
		return NULL;
	int id = int_attr(child(np, "numId"), "val", -1), lvl = int_attr(child(np, "ilvl"), "val", 0);
	if (id <= 0 || lvl < 0 || lvl >= MAX_LEVELS)
		return NULL;
	num_def *d = NULL;
	for (size_t i = 0; i < rd->nnums && !d; i++)
		d = rd->nums[i].num_id == id ? &rd->nums[i] : NULL;
	if (!d || !d->lv[lvl].text)
		return NULL;
	/* Each list (w:num) counts on by itself; a level starts again after
	 * a number of a level above it. */
	if (!d->used[lvl])
		d->count[lvl] = d->lv[lvl].start - 1, d->used[lvl] = true;
	d->count[lvl]++;
	for (int k = lvl + 1; k < MAX_LEVELS; k++)
		d->used[k] = false;
	gir_buf b = {0};
	for (const char *p = d->lv[lvl].text; *p; p++) {
		if (*p == '%' && p[1] >= '1' && p[1] <= '9') {
			int k = p[1] - '1';
			int v = d->used[k] ? d->count[k] : d->lv[k].start;
			format_number(&b, d->lv[k].fmt, v);
			p++;
		} else {
			gir_buf_putc(&b, *p);
		}
	}
	return imp_detach(&b);
}

/* ---- text ------------------------------------------------------------------- */

/* A copy without white space at either end: ASCII (line ends too), U+3000,
 * U+00A0. */
static char *trim(const char *s)
{
	return imp_trim(s, strlen(s), true);
}

/* Lines of a paragraph: the runs' text, a new line at each w:br and w:cr. */
typedef struct para_text {
	gir_buf cur;
	gir_ptrvec lines;
} para_text;

static void end_line(para_text *pt)
{
	gir_ptrvec_push(&pt->lines, trim(pt->cur.ptr ? pt->cur.ptr : ""));
	gir_buf_clear(&pt->cur);
}

static void runs(docx_rd *rd, const xmlNode *n, para_text *pt, int depth)
{
	if (depth > MAX_DEPTH) {
		rd->deep = true;
		return;
	}
	for (const xmlNode *c = n->children; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (is(c, "t")) {
			for (const xmlNode *t = c->children; t; t = t->next)
				if ((t->type == XML_TEXT_NODE || t->type == XML_CDATA_SECTION_NODE) && t->content)
					gir_buf_puts(&pt->cur, (const char *)t->content);
		} else if (is(c, "tab") || is(c, "ptab")) {
			gir_buf_putc(&pt->cur, ' ');
		} else if (is(c, "br") || is(c, "cr")) {
			end_line(pt);
		} else if (is(c, "noBreakHyphen")) {
			gir_buf_putc(&pt->cur, '-');
		} else if (is(c, "del") || is(c, "instrText") || is(c, "delText") || is(c, "pPr") ||
		           is(c, "rPr") || is(c, "tbl") || is(c, "drawing") || is(c, "pict") ||
		           is(c, "object") || is(c, "footnoteReference") || is(c, "commentReference")) {
			continue;
		} else {
			runs(rd, c, pt, depth + 1); /* w:r, w:hyperlink, w:ins, w:smartTag, w:sdt, … */
		}
	}
}

/* The paragraph's lines (its number before the first), malloc'd strings. */
static void paragraph_lines(docx_rd *rd, const xmlNode *p, gir_ptrvec *out)
{
	para_text pt = {{0}, {0}};
	char *num = paragraph_number(rd, child(p, "pPr"));
	runs(rd, p, &pt, 0);
	end_line(&pt);
	if (num && pt.lines.len) {
		char *first = gir_xasprintf("%s%s", num, (char *)pt.lines.items[0]);
		free(pt.lines.items[0]);
		pt.lines.items[0] = first;
	}
	free(num);
	gir_buf_free(&pt.cur);
	*out = pt.lines;
}

/* A cell's text: its paragraphs (and lines) joined. */
static char *cell_text(docx_rd *rd, const xmlNode *tc, int depth)
{
	gir_buf b = {0};
	for (const xmlNode *c = tc->children; c && depth < MAX_DEPTH; c = c->next) {
		if (is(c, "p")) {
			gir_ptrvec lines;
			paragraph_lines(rd, c, &lines);
			for (size_t i = 0; i < lines.len; i++) {
				imp_join(&b, lines.items[i]);
				free(lines.items[i]);
			}
			gir_ptrvec_free(&lines);
		} else if (is(c, "tbl") || is(c, "tr") || is(c, "tc") || is(c, "sdt") ||
		           is(c, "sdtContent") || is(c, "customXml")) {
			char *t = cell_text(rd, c, depth + 1);
			imp_join(&b, t);
			free(t);
		}
	}
	char *r = trim(b.ptr ? b.ptr : "");
	gir_buf_free(&b);
	return r;
}

/* ---- tables ----------------------------------------------------------------- */

typedef struct vspan {
	char *text;      /* the text of the cell that starts the merge */
	gir_pos pos;
	bool open;
} vspan;

static bool is_number(const char *s)
{
	char *v = imp_number(s);
	free(v);
	return v != NULL;
}

static void add(imp_cell **cells, size_t *n, char *text, gir_pos pos)
{
	IMP_GROW(*cells, *n);
	(*cells)[(*n)++] = (imp_cell){text, pos, -1};
}

/* w:vMerge: "restart" starts a merge, no value (or "continue") goes on. */
static int vmerge(const xmlNode *tcpr)
{
	const xmlNode *v = child(tcpr, "vMerge");
	if (!v)
		return 0;
	char *val = attr(v, "val");
	int r = val && strcmp(val, "restart") == 0 ? 1 : 2;
	free(val);
	return r;
}

static void row(docx_rd *rd, const xmlNode *tr, vspan **vs, size_t *nvs)
{
	if (imp_doc_full(rd->doc))
		return;
	int no = ++rd->block;
	imp_cell *cells = NULL;
	size_t n = 0, col = (size_t)int_attr(child(child(tr, "trPr"), "gridBefore"), "val", 0);
	col = col > MAX_COLS ? MAX_COLS : col;
	for (const xmlNode *tc = tr->children; tc; tc = tc->next) {
		if (is(tc, "sdt")) /* a content control around cells */
			tc = child(child(tc, "sdtContent"), "tc") ? child(child(tc, "sdtContent"), "tc") : tc;
		if (!is(tc, "tc"))
			continue;
		const xmlNode *pr = child(tc, "tcPr");
		int span = int_attr(child(pr, "gridSpan"), "val", 1);
		span = span < 1 ? 1 : span > MAX_COLS ? MAX_COLS : span;
		if (col >= MAX_COLS) { /* no merges are kept so far out */
			add(&cells, &n, cell_text(rd, tc, 0), (gir_pos){no, (int)n + 1});
			continue;
		}
		if (col + 1 > *nvs) {
			*vs = gir_xrealloc(*vs, (col + 1) * sizeof **vs);
			memset(*vs + *nvs, 0, (col + 1 - *nvs) * sizeof **vs);
			*nvs = col + 1;
		}
		vspan *v = &(*vs)[col];
		gir_pos pos = {no, (int)n + 1};
		int m = vmerge(pr);
		if (m == 2 && v->open) { /* merged with the cell above */
			if (!is_number(v->text))
				add(&cells, &n, gir_xstrdup(v->text), v->pos);
		} else {
			char *text = cell_text(rd, tc, 0);
			free(v->text);
			*v = (vspan){m == 1 ? gir_xstrdup(text) : NULL, pos, m == 1};
			add(&cells, &n, text, pos);
		}
		col += (size_t)span;
	}
	if (n)
		imp_doc_row(rd->doc, (gir_pos){no, 1}, cells, n);
	else
		free(cells);
}

static void table(docx_rd *rd, const xmlNode *tbl)
{
	vspan *vs = NULL;
	size_t nvs = 0;
	for (const xmlNode *c = tbl->children; c; c = c->next) {
		if (is(c, "tr"))
			row(rd, c, &vs, &nvs);
		else if (is(c, "sdt") || is(c, "customXml"))
			for (const xmlNode *r = child(c, "sdtContent") ? child(c, "sdtContent")->children : c->children;
			     r; r = r->next)
				if (is(r, "tr"))
					row(rd, r, &vs, &nvs);
	}
	for (size_t i = 0; i < nvs; i++)
		free(vs[i].text);
	free(vs);
	imp_doc_table_end(rd->doc);
}

/* ---- the body ----------------------------------------------------------------- */

static void blocks(docx_rd *rd, const xmlNode *n, int depth)
{
	if (depth > MAX_DEPTH) {
		rd->deep = true;
		return;
	}
	for (const xmlNode *c = n->children; c; c = c->next) {
		if (is(c, "p")) {
			int no = ++rd->block;
			gir_ptrvec lines;
			paragraph_lines(rd, c, &lines);
			for (size_t i = 0; i < lines.len; i++) {
				imp_doc_text(rd->doc, (gir_pos){no, 1}, lines.items[i]);
				free(lines.items[i]);
			}
			gir_ptrvec_free(&lines);
		} else if (is(c, "tbl")) {
			table(rd, c);
		} else if (is(c, "sdt") || is(c, "sdtContent") || is(c, "customXml") || is(c, "ins")) {
			blocks(rd, c, depth + 1);
		}
	}
}

/* ---- the zip ------------------------------------------------------------------ */

/* An entry of the zip, read whole (at most MAX_XML bytes) with its CRC
 * checked; NULL when it is not there or not readable.  Names are matched
 * without regard to case, as Word does. */
static char *entry(unzFile z, const char *name, size_t *len)
{
	if (unzLocateFile(z, name, 2) != UNZ_OK || unzOpenCurrentFile(z) != UNZ_OK)
		return NULL;
	gir_buf b = {0};
	char chunk[16384];
	int k;
	while ((k = unzReadCurrentFile(z, chunk, sizeof chunk)) > 0 && b.len <= MAX_XML)
		gir_buf_put(&b, chunk, (size_t)k);
	bool bad = unzCloseCurrentFile(z) != UNZ_OK; /* UNZ_CRCERROR after a whole read */
	if (k < 0 || bad || b.len > MAX_XML) {
		gir_buf_free(&b);
		return NULL;
	}
	*len = b.len;
	return imp_detach(&b);
}

static xmlDoc *parse_xml(const char *s, size_t n)
{
	if (n > INT32_MAX)
		return NULL;
	return xmlReadMemory(s, (int)n, NULL, NULL,
	                     XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NOCDATA);
}

static int fail(imp_doc *doc, const char *hint, gir_severity s, const char *id, const char *msg)
{
	gir_diag_at(doc->diags, doc->file, (gir_pos){0, 0}, NULL, NULL, hint, s, id, "%s", _(msg));
	return -1;
}

int imp_read_docx(imp_doc *doc, const char *data, size_t len)
{
	imp_doc_start(doc);
	gir_zipmem m;
	zlib_filefunc64_def io;
	gir_zipmem_reader(&m, data, len, &io);
	unzFile z = unzOpen2_64("memory", &io);
	if (!z) {
		return fail(doc, _("save it again as .docx, or as a web page"),
		            GIR_MSG(ERROR, docx_bad_zip,
		                    "a zip file that cannot be opened: not a Word file (.docx) gireport can read"));
	}
	size_t n = 0, nn = 0;
	char *xml = entry(z, "word/document.xml", &n);
	char *num = xml ? entry(z, "word/numbering.xml", &nn) : NULL;
	unzClose(z);
	if (!xml) {
		free(num);
		char hint[512];
		snprintf(hint, sizeof hint, _("if it is a report, convert it: libreoffice --headless "
		                              "--convert-to docx %s"), doc->file);
		return fail(doc, hint, GIR_MSG(ERROR, docx_not_word,
		            "a zip file without word/document.xml: not a Word file (.docx)"));
	}
	if (gir_xml_require(doc->diags, doc->file)) {
		free(xml), free(num);
		return -1;
	}
	docx_rd rd = {.doc = doc};
	xmlDoc *nx = num ? parse_xml(num, nn) : NULL;
	if (nx)
		read_numbering(&rd, nx);
	xmlFreeDoc(nx);
	free(num);
	xmlDoc *x = parse_xml(xml, n);
	free(xml);
	const xmlNode *root = x ? xmlDocGetRootElement(x) : NULL;
	const xmlNode *body = child(root, "body");
	int rc;
	if (!body) {
		rc = fail(doc, _("open it in Word or LibreOffice and save it again"),
		          GIR_MSG(ERROR, docx_no_body, "word/document.xml is not a Word document body"));
	} else {
		blocks(&rd, body, 0);
		if (rd.deep)
			gir_diag_at(doc->diags, doc->file, (gir_pos){0, 0}, NULL, NULL, NULL,
			            GIR_MSG(WARNING, import_nested_too_deep,
			                "elements nested more than %d deep; what stands below them is left out"),
			            MAX_DEPTH);
		rc = imp_doc_finish(doc);
	}
	xmlFreeDoc(x);
	free_nums(&rd);
	return rc;
}
