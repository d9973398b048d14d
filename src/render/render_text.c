/* Plain text: the report as it would be typed in a monospace editor —
 * centred title, paragraphs indented two full-width spaces (首行缩进两字),
 * ruled tables, signature right-aligned. */
#include <stdlib.h>
#include <string.h>

#include "layout.h"
#include "model.h"
#include "narrative.h"
#include "textgrid.h"
#include "utf8.h"
#include "util.h"
#include "wrap.h"

#define PAGE_WIDTH 80    /* cells: 40 Chinese characters a line */
#define TABLE_WIDTH 100
#define INDENT "\xE3\x80\x80\xE3\x80\x80" /* two U+3000 */

static void pad(gir_buf *out, int n)
{
	for (int i = 0; i < n; i++)
		gir_buf_putc(out, ' ');
}

/* Lines of text centred (align 0) or right-aligned (align 1) on the page. */
static void aligned(gir_buf *out, const char *text, int align)
{
	gir_span *lines;
	size_t n = gir_wrap_balanced(text, PAGE_WIDTH, 1, gir_measure_cells, NULL, &lines);
	for (size_t i = 0; i < n; i++) {
		size_t len = lines[i].end - lines[i].start;
		int w = (int)gir_utf8_width(text + lines[i].start, len);
		pad(out, align ? PAGE_WIDTH - w : (PAGE_WIDTH - w) / 2);
		gir_buf_put(out, text + lines[i].start, len);
		gir_buf_putc(out, '\n');
	}
	free(lines);
}

/* A paragraph: first line indented by two characters, then full lines. */
static void paragraph(gir_buf *out, const char *text)
{
	gir_span *lines;
	size_t n = gir_wrap(text, PAGE_WIDTH - 4, PAGE_WIDTH, gir_measure_cells, NULL, &lines);
	for (size_t i = 0; i < n; i++) {
		if (i == 0)
			gir_buf_puts(out, INDENT);
		gir_buf_put(out, text + lines[i].start, lines[i].end - lines[i].start);
		gir_buf_putc(out, '\n');
	}
	free(lines);
}

static void narrative(gir_buf *out, const gir_narrative *nar)
{
	for (size_t i = 0; i < nar->n; i++) {
		const gir_para *p = &nar->paras[i];
		char *h = NULL;
		if (p->heading && nar->run_in) {
			const char *stop;
			char *run = gir_subheading_run_in(p, &stop);
			bool into = gir_para_runs_in(nar, i);
			h = gir_xasprintf("%s%s%s", run, stop, into ? nar->paras[++i].text : "");
			free(run);
		} else if (p->heading) {
			h = gir_subheading_text(p);
		}
		paragraph(out, h ? h : p->text);
		free(h);
	}
}

static void signature(gir_buf *out, const gir_report *rep)
{
	gir_buf_putc(out, '\n');
	for (size_t i = 0; i < rep->nsignatories; i++)
		aligned(out, rep->signatories[i], 1);
	char *date = gir_report_date_text(rep);
	if (date)
		aligned(out, date, 1);
	free(date);
}

int gir_render_text(const gir_report *rep, const gir_options *opt, gir_buf *out)
{
	(void)opt;
	aligned(out, rep->title, 0);
	gir_buf_putc(out, '\n');
	narrative(out, &rep->preface);
	const gir_template *t = rep->tpl;
	for (size_t i = 0; i < t->nsections; i++) {
		const gir_section *s = t->sections[i];
		if (i > 0 || rep->preface.n)
			gir_buf_putc(out, '\n');
		gir_buf_printf(out, INDENT "%s\n", s->heading);
		if (s->kind == GIR_NARRATIVE) {
			narrative(out, &rep->sections[i].text);
			continue;
		}
		gir_table *tab = gir_layout_table(rep, s);
		gir_text_table(tab, TABLE_WIDTH, out);
		gir_table_free(tab);
	}
	signature(out, rep);
	return 0;
}
