/* OFD: the report in China's fixed-layout document format (GB/T 33190-2016,
 * 开放版式文档), which archives and e-government (公文) systems take — the
 * PDF's pages, drawn from the PDF's own display list (pdf_lay_out), so both
 * have the same pages, line breaks and table rules.
 *
 * The package: OFD.xml (DocInfo: title, agency, date, creator) → Doc_0/
 * Document.xml (A4 page area, the public resources, MaxUnitID, the pages,
 * an outline of the template's sections) → one Pages/Page_N/Content.xml per
 * page, whose text objects carry each glyph's advance (DeltaX) and whose
 * path objects are the table rules.  The fonts are the PDF's subsets
 * (HarfBuzz, pdf_ttf.c) as Doc_0/Res/font_N.ttf.  Units are millimetres, as
 * the standard defines them.  minizip packs the parts in a fixed order with
 * a fixed date, so the same source gives the same bytes.  docs/ofd.md says
 * which parts of the standard are used and which are not. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <minizip/zip.h>

#include "docx.h"
#include "pdf.h"
#include "utf8.h"
#include "util.h"
#include "zipmem.h"

#define OFD_NS "http://www.ofdspec.org/2016"
#define XML_DECL "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
#define MM_PER_PT (25.4 / 72)
#define RULE_MM (0.5 * MM_PER_PT)   /* the PDF's 0.5 pt rules */

/* A part of the package: its name in the zip and its bytes. */
typedef struct ofd_part {
	char *name;
	gir_buf data;
} ofd_part;

typedef struct ofd {
	pdf_doc *d;                       /* the faces' used characters grow by 〓 */
	ofd_part *parts;
	size_t nparts;
	unsigned next_id;                 /* ID of the next unit (GB/T 33190 7.5: ST_ID) */
	unsigned font_id[GIR_FONT_ROLES]; /* per face, 0 when it draws nothing */
	unsigned *page_id;
} ofd;

static gir_buf *add_part(ofd *o, char *name)
{
	o->parts = gir_xrealloc(o->parts, (o->nparts + 1) * sizeof *o->parts);
	ofd_part *p = &o->parts[o->nparts++];
	p->name = name;
	memset(&p->data, 0, sizeof p->data);
	return &p->data;
}

/* A length in millimetres to the thousandth (a micrometre: below any
 * reader's resolution), trailing zeros dropped, never "-0". */
static void mm(gir_buf *b, double v)
{
	long um = lround(v * 1000);
	if (um < 0)
		gir_buf_putc(b, '-'), um = -um;
	gir_buf_printf(b, "%ld", um / 1000);
	if (um % 1000) {
		char frac[8];
		snprintf(frac, sizeof frac, "%03ld", um % 1000);
		for (int i = 2; i > 0 && frac[i] == '0'; i--)
			frac[i] = 0;
		gir_buf_printf(b, ".%s", frac);
	}
}

static void pt(gir_buf *b, double points)
{
	mm(b, points * MM_PER_PT);
}

static void esc(gir_buf *b, const char *s)
{
	gir_docx_escape(b, s, strlen(s));
}

/* ---- text objects ------------------------------------------------------------------ */

/* The code point written into the TextCode: the display list's (already
 * drawable: BMP, no controls), except the two that XML 1.0 forbids, which
 * become 〓 as the PDF's other undrawable characters do. */
static uint32_t ofd_char(uint32_t cp)
{
	return cp == 0xFFFE || cp == 0xFFFF ? 0x3013 : cp;
}

/* The glyph advances as a DeltaX list, a run of equal values written
 * "g N v" (GB/T 33190 11.3), in millimetres. */
static void delta_x(gir_buf *b, const double *adv, size_t n)
{
	for (size_t i = 0; i < n;) {
		size_t j = i + 1;
		long v = lround(adv[i] * 1000);
		while (j < n && lround(adv[j] * 1000) == v)
			j++;
		if (i)
			gir_buf_putc(b, ' ');
		if (j - i > 2)
			gir_buf_printf(b, "g %zu ", j - i);
		else
			j = i + 1;
		mm(b, adv[i]);
		i = j;
	}
}

static double advance(const ofd *o, const pdf_op *op, uint32_t cp)
{
	return (pdf_face_advance(&o->d->fonts, op->face, cp) * op->size / 1000 + op->tc) * MM_PER_PT;
}

static void text_code(gir_buf *b, const pdf_op *op, double x, const double *adv, size_t n,
                      const gir_buf *chars)
{
	gir_buf_puts(b, "<ofd:TextCode X=\"");
	mm(b, x);
	gir_buf_puts(b, "\" Y=\"");
	pt(b, op->size); /* the baseline, an em below the box's top */
	gir_buf_putc(b, '"');
	if (n > 1) {
		gir_buf_puts(b, " DeltaX=\"");
		delta_x(b, adv, n - 1);
		gir_buf_putc(b, '"');
	}
	gir_buf_putc(b, '>');
	gir_buf_put(b, chars->ptr, chars->len);
	gir_buf_puts(b, "</ofd:TextCode>");
}

/* One TextCode per stretch of the run between spaces: a reader that trims
 * the text of an element would otherwise shift every glyph after a space. */
static void text_codes(const ofd *o, gir_buf *b, const pdf_op *op, double *adv)
{
	const char *s = op->text;
	size_t n = strlen(s), nadv = 0;
	double x = 0, start = 0;
	gir_buf chars = {0};
	for (size_t i = 0;; ) {
		uint32_t cp = ' ';
		size_t k = 1;
		if (i < n && !(k = gir_utf8_decode(s + i, n - i, &cp)))
			k = 1, cp = 0xFFFD;
		if (cp == ' ' && nadv) {
			text_code(b, op, start, adv, nadv, &chars);
			nadv = chars.len = 0;
		}
		if (i >= n)
			break;
		double w = advance(o, op, cp);
		if (cp != ' ') {
			char u[4];
			if (!nadv)
				start = x;
			gir_docx_escape(&chars, u, gir_utf8_encode(ofd_char(cp), u));
			adv[nadv++] = w;
		}
		x += w;
		i += k;
	}
	gir_buf_free(&chars);
}

static double run_width(const ofd *o, const pdf_op *op)
{
	double w = 0;
	size_t n = strlen(op->text);
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		size_t k = gir_utf8_decode(op->text + i, n - i, &cp);
		i += k ? k : 1;
		w += advance(o, op, cp);
	}
	return w / MM_PER_PT;
}

/* A run of the display list: its box from an em above the baseline to a
 * third of an em below it, the glyphs placed from the box's corner. */
static void text_object(ofd *o, gir_buf *b, const pdf_op *op, double *adv)
{
	if (strspn(op->text, " ") == strlen(op->text))
		return; /* only spaces: nothing to draw */
	double top = PDF_TOP + op->y - op->size, w = run_width(o, op);
	gir_buf_printf(b, "<ofd:TextObject ID=\"%u\" Boundary=\"", o->next_id++);
	pt(b, op->x);
	gir_buf_putc(b, ' ');
	pt(b, top);
	gir_buf_putc(b, ' ');
	pt(b, w > 0 ? w : op->size);
	gir_buf_putc(b, ' ');
	pt(b, op->size * 4 / 3);
	gir_buf_printf(b, "\" Font=\"%u\" Size=\"", o->font_id[op->face]);
	pt(b, op->size);
	gir_buf_putc(b, '"');
	if (op->bold) { /* as the PDF: the outlines stroked too, a heavier face */
		gir_buf_puts(b, " Stroke=\"true\" LineWidth=\"");
		pt(b, op->size / 40);
		gir_buf_putc(b, '"');
	}
	gir_buf_puts(b, "><ofd:FillColor Value=\"0 0 0\"/>");
	if (op->bold)
		gir_buf_puts(b, "<ofd:StrokeColor Value=\"0 0 0\"/>");
	text_codes(o, b, op, adv);
	gir_buf_puts(b, "</ofd:TextObject>\n");
}

/* A table rule: a 0.5 pt line with square caps, as in the PDF. */
static void rule_object(ofd *o, gir_buf *b, const pdf_op *op)
{
	double x1 = op->x * MM_PER_PT, y1 = (PDF_TOP + op->y) * MM_PER_PT;
	double x2 = op->x2 * MM_PER_PT, y2 = (PDF_TOP + op->y2) * MM_PER_PT;
	double left = fmin(x1, x2) - RULE_MM, top = fmin(y1, y2) - RULE_MM;
	gir_buf_printf(b, "<ofd:PathObject ID=\"%u\" Boundary=\"", o->next_id++);
	mm(b, left);
	gir_buf_putc(b, ' ');
	mm(b, top);
	gir_buf_putc(b, ' ');
	mm(b, fabs(x2 - x1) + 2 * RULE_MM);
	gir_buf_putc(b, ' ');
	mm(b, fabs(y2 - y1) + 2 * RULE_MM);
	gir_buf_puts(b, "\" LineWidth=\"");
	mm(b, RULE_MM);
	gir_buf_puts(b, "\" Cap=\"Square\"><ofd:StrokeColor Value=\"0 0 0\"/><ofd:AbbreviatedData>M ");
	mm(b, x1 - left);
	gir_buf_putc(b, ' ');
	mm(b, y1 - top);
	gir_buf_puts(b, " L ");
	mm(b, x2 - left);
	gir_buf_putc(b, ' ');
	mm(b, y2 - top);
	gir_buf_puts(b, "</ofd:AbbreviatedData></ofd:PathObject>\n");
}

/* Pages/Page_N/Content.xml: one layer, the rules first and then the text,
 * in the order the PDF draws them. */
static void page_part(ofd *o, int p, double *adv)
{
	const pdf_doc *d = o->d;
	gir_buf *b = add_part(o, gir_xasprintf("Doc_0/Pages/Page_%d/Content.xml", p));
	gir_buf_puts(b, XML_DECL "<ofd:Page xmlns:ofd=\"" OFD_NS "\"><ofd:Content>");
	gir_buf_printf(b, "<ofd:Layer ID=\"%u\" Type=\"Body\">\n", o->next_id++);
	for (int kind = PDF_OP_RULE; kind >= PDF_OP_TEXT; kind--)
		for (size_t i = 0; i < d->nops; i++) {
			const pdf_op *op = &d->ops[i];
			if (op->page != p || (int)op->kind != kind)
				continue;
			if (kind == PDF_OP_RULE)
				rule_object(o, b, op);
			else
				text_object(o, b, op, adv);
		}
	gir_buf_puts(b, "</ofd:Layer></ofd:Content></ofd:Page>\n");
}

/* ---- fonts -------------------------------------------------------------------------- */

static size_t used_code_points(const pdf_face *f, uint32_t *cps)
{
	size_t n = 0;
	for (uint32_t cp = 0; cp < 0x10000; cp++)
		if (f->used[cp >> 3] & (1u << (cp & 7)))
			cps[n++] = cp;
	return n;
}

/* The subsets into Res/, declared in PublicRes.xml.  A face whose subset
 * HarfBuzz cannot make is an error, as in the PDF. */
static int fonts(ofd *o, gir_buf *res, gir_diags *diags)
{
	pdf_fonts *fs = &o->d->fonts;
	uint32_t *cps = gir_xcalloc(0x10000, sizeof *cps);
	int rc = 0;
	/* The characters XML cannot hold are written as 〓: the subsets need it. */
	for (size_t i = 0; i < o->d->nops; i++) {
		const pdf_op *op = &o->d->ops[i];
		if (op->kind == PDF_OP_TEXT && (strstr(op->text, "\xEF\xBF\xBE") ||
		                                strstr(op->text, "\xEF\xBF\xBF")))
			fs->faces[op->face].used[0x3013 >> 3] |= 1u << (0x3013 & 7);
	}
	gir_buf_puts(res, XML_DECL "<ofd:Res xmlns:ofd=\"" OFD_NS "\" BaseLoc=\"Res\"><ofd:Fonts>\n");
	for (int i = 0; i < fs->nfaces && rc == 0; i++) {
		size_t n = used_code_points(&fs->faces[i], cps);
		if (!n)
			continue;
		unsigned id = o->font_id[i] = o->next_id++;
		gir_buf *ttf = add_part(o, gir_xasprintf("Doc_0/Res/font_%u.ttf", id));
		const gir_ttf *face = fs->faces[i].ttf;
		if (gir_ttf_subset(face, cps, n, gir_ttf_name(face), ttf, NULL) != 0) {
			if (diags)
				gir_diags_add(diags, o->d->rep->file,
				              GIR_MSG(ERROR, ofd_font_subset,
				                  "OFD font %s: HarfBuzz could not make a subset of it"),
				              fs->faces[i].path);
			rc = -1;
		}
		gir_buf_printf(res, "<ofd:Font ID=\"%u\" FontName=\"%s\" FamilyName=\"%s\">"
		               "<ofd:FontFile>font_%u.ttf</ofd:FontFile></ofd:Font>\n",
		               id, gir_ttf_name(face), gir_ttf_family(face), id);
	}
	gir_buf_puts(res, "</ofd:Fonts></ofd:Res>\n");
	free(cps);
	return rc;
}

/* ---- the document -------------------------------------------------------------------- */

/* A DocID that depends on the report only (title, agency, date), never on
 * the clock: two 64-bit FNV-1a hashes, 32 hexadecimal digits as a UUID has. */
static void doc_id(gir_buf *b, const gir_report *rep)
{
	uint64_t h[2] = {0xcbf29ce484222325u, 0x84222325cbf29ce4u};
	char date[32];
	snprintf(date, sizeof date, "%d-%d-%d", rep->date.year, rep->date.month, rep->date.day);
	const char *keys[] = {rep->title ? rep->title : "", "\x1f", rep->agency ? rep->agency : "",
	                      "\x1f", date};
	for (int k = 0; k < 2; k++)
		for (size_t i = 0; i < GIR_ARRAY_LEN(keys); i++)
			for (const unsigned char *s = (const unsigned char *)keys[i]; *s; s++)
				h[k] = (h[k] ^ (*s + (unsigned)k)) * 0x100000001b3u;
	gir_buf_printf(b, "%016llx%016llx", (unsigned long long)h[0], (unsigned long long)h[1]);
}

static void ofd_part_xml(ofd *o, gir_buf *b)
{
	const gir_report *rep = o->d->rep;
	gir_buf_puts(b, XML_DECL "<ofd:OFD xmlns:ofd=\"" OFD_NS "\" Version=\"1.0\" DocType=\"OFD\">"
	                "<ofd:DocBody><ofd:DocInfo><ofd:DocID>");
	doc_id(b, rep);
	gir_buf_puts(b, "</ofd:DocID><ofd:Title>");
	esc(b, rep->title ? rep->title : "");
	gir_buf_puts(b, "</ofd:Title>");
	if (rep->agency) {
		gir_buf_puts(b, "<ofd:Author>");
		esc(b, rep->agency);
		gir_buf_puts(b, "</ofd:Author>");
	}
	gir_buf_puts(b, "<ofd:Subject>");
	esc(b, rep->tpl->name);
	gir_buf_puts(b, "</ofd:Subject>");
	if (rep->date.year) /* the report's own date (成文日期), never the clock */
		gir_buf_printf(b, "<ofd:CreationDate>%04d-%02d-%02d</ofd:CreationDate>", rep->date.year,
		               rep->date.month, rep->date.day);
	gir_buf_puts(b, "<ofd:Creator>gireport " GIR_VERSION "</ofd:Creator>"
	                "<ofd:CreatorVersion>" GIR_VERSION "</ofd:CreatorVersion></ofd:DocInfo>"
	                "<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>\n");
}

/* One outline entry per section of the form, going to its heading. */
static void outlines(const ofd *o, gir_buf *b)
{
	const pdf_doc *d = o->d;
	const gir_template *tpl = d->rep->tpl;
	int any = 0;
	for (size_t i = 0; i < tpl->nsections; i++) {
		size_t at = d->heads ? d->heads[i] : d->nops;
		if (at >= d->nops || d->ops[at].kind != PDF_OP_TEXT)
			continue;
		const pdf_op *op = &d->ops[at];
		if (!any)
			gir_buf_puts(b, "<ofd:Outlines>");
		any = 1;
		gir_buf_puts(b, "<ofd:OutlineElem Title=\"");
		esc(b, tpl->sections[i]->heading);
		gir_buf_printf(b, "\"><ofd:Actions><ofd:Action Event=\"CLICK\"><ofd:Goto>"
		               "<ofd:Dest Type=\"XYZ\" PageID=\"%u\" Left=\"0\" Top=\"",
		               o->page_id[op->page]);
		pt(b, PDF_TOP + op->y - op->size);
		gir_buf_puts(b, "\" Zoom=\"1\"/></ofd:Goto></ofd:Action></ofd:Actions></ofd:OutlineElem>");
	}
	if (any)
		gir_buf_puts(b, "</ofd:Outlines>");
}

static void document_part(const ofd *o, gir_buf *b)
{
	int pages = o->d->page + 1;
	gir_buf_puts(b, XML_DECL "<ofd:Document xmlns:ofd=\"" OFD_NS "\"><ofd:CommonData>");
	gir_buf_printf(b, "<ofd:MaxUnitID>%u</ofd:MaxUnitID>", o->next_id - 1);
	gir_buf_puts(b, "<ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea>"
	                "<ofd:PublicRes>PublicRes.xml</ofd:PublicRes></ofd:CommonData><ofd:Pages>\n");
	for (int p = 0; p < pages; p++)
		gir_buf_printf(b, "<ofd:Page ID=\"%u\" BaseLoc=\"Pages/Page_%d/Content.xml\"/>\n",
		               o->page_id[p], p);
	gir_buf_puts(b, "</ofd:Pages>");
	outlines(o, b);
	gir_buf_puts(b, "</ofd:Document>\n");
}

/* ---- the zip ------------------------------------------------------------------------- */

/* Packs the parts in their order, each dated noon on 1 January 1980 as the
 * DOCX's are.  Returns 0, or -1 when minizip fails. */
static int pack(const ofd *o, gir_buf *out)
{
	gir_zipmem m;
	zlib_filefunc64_def io;
	gir_zipmem_writer(&m, out, &io);
	zipFile zf = zipOpen2_64("memory", APPEND_STATUS_CREATE, NULL, &io);
	int rc = zf ? ZIP_OK : ZIP_ERRNO;
	zip_fileinfo info = {.tmz_date = {0, 0, 12, 1, 0, 1980}};
	for (size_t i = 0; rc == ZIP_OK && i < o->nparts; i++) {
		const gir_buf *p = &o->parts[i].data;
		int method = p->len < 1024 ? 0 : Z_DEFLATED;
		rc = zipOpenNewFileInZip64(zf, o->parts[i].name, &info, NULL, 0, NULL, 0, NULL, method,
		                           Z_BEST_SPEED, p->len >= 0xffffffffu);
		if (rc == ZIP_OK && p->len)
			rc = zipWriteInFileInZip(zf, p->ptr, (unsigned)p->len);
		if (rc == ZIP_OK)
			rc = zipCloseFileInZip(zf);
	}
	if (zf && zipClose(zf, NULL) != ZIP_OK)
		rc = ZIP_ERRNO;
	return rc == ZIP_OK ? 0 : -1;
}

static int write_package(pdf_doc *d, gir_buf *out, gir_diags *diags)
{
	ofd o = {.d = d, .next_id = 1};
	int pages = d->page + 1;
	/* IDs: the pages, then the fonts, then each page's layer and objects. */
	o.page_id = gir_xcalloc((size_t)pages, sizeof *o.page_id);
	for (int p = 0; p < pages; p++)
		o.page_id[p] = o.next_id++;
	gir_buf *main = add_part(&o, gir_xstrdup("OFD.xml"));
	ofd_part_xml(&o, main);
	add_part(&o, gir_xstrdup("Doc_0/Document.xml")); /* written last: MaxUnitID */
	add_part(&o, gir_xstrdup("Doc_0/PublicRes.xml"));
	size_t doc = 1, res_at = 2;
	gir_buf pubres = {0};
	int rc = fonts(&o, &pubres, diags);
	o.parts[res_at].data = pubres;
	size_t longest = 1;
	for (size_t i = 0; i < d->nops; i++)
		if (d->ops[i].kind == PDF_OP_TEXT && strlen(d->ops[i].text) > longest)
			longest = strlen(d->ops[i].text);
	double *adv = gir_xcalloc(longest, sizeof *adv);
	for (int p = 0; rc == 0 && p < pages; p++)
		page_part(&o, p, adv);
	free(adv);
	document_part(&o, &o.parts[doc].data);
	if (rc == 0 && (rc = pack(&o, out)) != 0 && diags)
		gir_diags_add(diags, d->rep->file,
		              GIR_MSG(ERROR, ofd_zip_failed, "minizip failed writing the OFD archive"));
	for (size_t i = 0; i < o.nparts; i++) {
		free(o.parts[i].name);
		gir_buf_free(&o.parts[i].data);
	}
	free(o.parts);
	free(o.page_id);
	return rc;
}

int gir_render_ofd(const gir_report *rep, const gir_options *opt, gir_buf *out)
{
	gir_diags *diags = opt ? opt->diags : NULL;
	pdf_doc d = {.rep = rep};
	int rc = pdf_fonts_open(&d.fonts, rep, opt, diags);
	if (rc == 0) {
		pdf_lay_out(&d);
		rc = write_package(&d, out, diags);
	}
	pdf_doc_free(&d);
	return rc;
}
