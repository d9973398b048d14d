/* Comparing two reports: the tables cell by cell through their id paths
 * (so a gov-2019 report and a gov-2021 one still line up where the editions
 * agree), and the narratives paragraph by paragraph, with a longest common
 * subsequence deciding what was removed and what added. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "markdown.h"
#include "model.h"
#include "narrative.h"
#include "utf8.h"
#include "util.h"

const char *const gir_diff_word_keys[GIR_DW_COUNT] = {
	[GIR_DW_NONE] = "none", [GIR_DW_FIELDS] = "fields", [GIR_DW_CHANGE] = "change",
	[GIR_DW_ITEM] = "item", [GIR_DW_TITLE] = "title", [GIR_DW_REMOVED] = "removed",
	[GIR_DW_ADDED] = "added", [GIR_DW_YEAR_UNIT] = "year_unit",
	[GIR_DW_FIGURES_DIFFER] = "figures_differ", [GIR_DW_TEXT_REMOVED] = "text_removed",
	[GIR_DW_PARAGRAPHS_UNIT] = "paragraphs_unit",
};

typedef struct dfig {
	char *label;
	char a[48], b[48], change[56];  /* "—" for a path the edition lacks */
	size_t key, seq;                /* place among b's cells; order of finding */
} dfig;

typedef struct dedit {
	char sign;                      /* '-' removed, '+' added */
	char *text;
} dedit;

typedef struct dsec {
	const char *id;                 /* the template section's id, or NULL */
	char *heading;
	gir_ptrvec figs;                /* dfig * */
	gir_ptrvec edits;               /* dedit * */
} dsec;

typedef struct dctx {
	const gir_report *a, *b;
	gir_ptrvec secs;                /* dsec *, in output order */
	size_t nfigs, nremoved, nadded;
} dctx;

/* A word of the comparison: the "diff_words" of b's template, else of a's;
 * "?" when neither template has them. */
static const char *word(const dctx *c, int w)
{
	const char *s = c->b->tpl->diff_words[w] ? c->b->tpl->diff_words[w] : c->a->tpl->diff_words[w];
	return s ? s : "?";
}

static const char missing[] = "—";

static dsec *add_section(dctx *c, const char *id, const char *heading)
{
	dsec *s = gir_xcalloc(1, sizeof *s);
	s->id = id;
	s->heading = gir_xstrdup(heading);
	gir_ptrvec_push(&c->secs, s);
	return s;
}

static dsec *table_section(dctx *c, const gir_section *ts)
{
	for (size_t i = 0; i < c->secs.len; i++) {
		dsec *s = c->secs.items[i];
		if (s->id && strcmp(s->id, ts->id) == 0)
			return s;
	}
	return add_section(c, ts->id, ts->heading);
}

static void add_edit(dctx *c, dsec *s, char sign, char *text)
{
	dedit *e = gir_xcalloc(1, sizeof *e);
	e->sign = sign;
	e->text = text;
	gir_ptrvec_push(&s->edits, e);
	if (sign == '-')
		c->nremoved++;
	else
		c->nadded++;
}

/* ---- tables ----------------------------------------------------------------------- */

static char *cell_label(const gir_axis *row, const gir_axis *col, int year)
{
	char *rl = gir_axis_label_chain(row, year), *cl = gir_axis_label_chain(col, year);
	char *label = gir_join_labels(rl, cl, (char *)NULL);
	free(rl);
	free(cl);
	return label;
}

static dfig *add_figure(dctx *c, dsec *s, char *label, const gir_value *a, const gir_value *b,
                        size_t key)
{
	dfig *f = gir_xcalloc(1, sizeof *f);
	f->label = label;
	f->key = key;
	f->seq = c->nfigs;
	if (a)
		gir_value_format(*a, f->a, sizeof f->a);
	else
		snprintf(f->a, sizeof f->a, "%s", missing);
	if (b)
		gir_value_format(*b, f->b, sizeof f->b);
	else
		snprintf(f->b, sizeof f->b, "%s", missing);
	if (a && b) {
		gir_value neg = *a;
		neg.v = -neg.v;
		gir_value d = gir_value_add(*b, neg);
		char num[48];
		gir_value_format(d, num, sizeof num);
		/* Values are at most 10^12, so a change fits; were it not, "?" and no number. */
		snprintf(f->change, sizeof f->change, "%s%s", d.v > 0 ? "+" : "", d.bad ? "?" : num);
	}
	gir_ptrvec_push(&s->figs, f);
	c->nfigs++;
	return f;
}

static long seen_index(const gir_ptrvec *seen, const char *path)
{
	for (size_t i = 0; i < seen->len; i++)
		if (strcmp(seen->items[i], path) == 0)
			return (long)i;
	return -1;
}

/* Where the cells only a's edition has go among b's: sort keys 2i+2 for
 * b's i-th path, 2i+3 for a's cells after it in a's order, and 2i+1 for
 * a's cells that come before any shared cell of their section (they go
 * just before the first shared one that follows them). */
typedef struct placing {
	bool anchored;
	size_t key;
	gir_ptrvec pending;        /* dfig * waiting for the next shared cell */
} placing;

static void place_shared(placing *p, size_t at)
{
	for (size_t i = 0; i < p->pending.len; i++)
		((dfig *)p->pending.items[i])->key = 2 * at + 1;
	p->pending.len = 0;
	p->anchored = true;
	p->key = 2 * at + 3;
}

static void place_end(placing *p)
{
	for (size_t i = 0; i < p->pending.len; i++)
		((dfig *)p->pending.items[i])->key = SIZE_MAX;
	gir_ptrvec_free(&p->pending);
	*p = (placing){0};
}

/* Every cell of the walker's tables (computed totals included), compared
 * with the same path in the other report.  Walking b records its paths in
 * `seen`; walking a then adds the cells b's edition has not got.  A cell
 * only one edition has is shown unless it is 0. */
static void walk_tables(dctx *c, const gir_report *w, bool w_is_b, gir_ptrvec *seen)
{
	const gir_report *other = w_is_b ? c->a : c->b;
	for (size_t si = 0; si < w->tpl->nsections; si++) {
		const gir_section *ts = w->tpl->sections[si];
		if (ts->kind != GIR_TABLE)
			continue;
		dsec *s = table_section(c, ts);
		placing pl = {0};
		for (size_t bi = 0; bi < ts->nblocks; bi++) {
			const gir_block *b = ts->blocks[bi];
			for (size_t r = 0; r < b->nrows; r++) {
				for (size_t k = 0; k < b->ncols; k++) {
					char *rp = gir_axis_path(b->row_leaves[r]), *cp = gir_axis_path(b->col_leaves[k]);
					char *path = gir_xasprintf("%s.%s.%s", ts->id, rp, cp);
					free(rp);
					free(cp);
					long at = w_is_b ? (long)seen->len : seen_index(seen, path);
					if (!w_is_b && at >= 0) {
						place_shared(&pl, (size_t)at);
						free(path);
						continue;
					}
					gir_value vw = *gir_cell(&w->sections[ts->index], b, r, k), vo;
					bool has_o = gir_report_lookup(other, path, &vo);
					bool differs = has_o ? gir_value_cmp(vw, vo) != 0 : vw.v != 0;
					if (differs) {
						char *label = cell_label(b->row_leaves[r], b->col_leaves[k], w->year);
						if (w_is_b) {
							add_figure(c, s, label, has_o ? &vo : NULL, &vw, 2 * (size_t)at + 2);
						} else {
							dfig *f = add_figure(c, s, label, &vw, has_o ? &vo : NULL, pl.key);
							if (!pl.anchored)
								gir_ptrvec_push(&pl.pending, f);
						}
					}
					if (w_is_b)
						gir_ptrvec_push(seen, path);
					else
						free(path);
				}
			}
		}
		place_end(&pl);
	}
}

static int by_place(const void *x, const void *y)
{
	const dfig *f = *(const dfig *const *)x, *g = *(const dfig *const *)y;
	if (f->key != g->key)
		return f->key < g->key ? -1 : 1;
	return f->seq < g->seq ? -1 : f->seq > g->seq;
}

static void order_figures(dctx *c)
{
	for (size_t i = 0; i < c->secs.len; i++) {
		dsec *s = c->secs.items[i];
		if (s->figs.len > 1)
			qsort(s->figs.items, s->figs.len, sizeof(void *), by_place);
	}
}

/* ---- narratives --------------------------------------------------------------------- */

static bool same_para(const gir_para *p, const gir_para *q)
{
	return p->heading == q->heading && strcmp(p->text, q->text) == 0;
}

static char *para_text(const gir_para *p)
{
	return p->heading ? gir_subheading_text(p) : gir_xstrdup(p->text);
}

/* Beyond this many cells the LCS table is not worth it: report the old
 * paragraphs removed and the new ones added. */
#define LCS_LIMIT 4000000u

static void diff_narrative(dctx *c, dsec *s, const gir_narrative *a, const gir_narrative *b)
{
	static const gir_narrative none = {0};
	a = a ? a : &none;
	b = b ? b : &none;
	size_t n = a->n, m = b->n, w = m + 1;
	uint32_t *L = NULL;
	if ((n + 1) * (m + 1) <= LCS_LIMIT) {
		/* L[i*w+j]: the longest common subsequence of a[i..] and b[j..]. */
		L = gir_xcalloc((n + 1) * w, sizeof *L);
		for (size_t i = n; i-- > 0;)
			for (size_t j = m; j-- > 0;)
				L[i * w + j] = same_para(&a->paras[i], &b->paras[j])
				                   ? L[(i + 1) * w + j + 1] + 1
				                   : (L[(i + 1) * w + j] >= L[i * w + j + 1] ? L[(i + 1) * w + j]
				                                                            : L[i * w + j + 1]);
	}
	size_t i = 0, j = 0;
	while (L && i < n && j < m) {
		if (same_para(&a->paras[i], &b->paras[j]))
			i++, j++;
		else if (L[(i + 1) * w + j] >= L[i * w + j + 1])
			add_edit(c, s, '-', para_text(&a->paras[i++]));
		else
			add_edit(c, s, '+', para_text(&b->paras[j++]));
	}
	for (; i < n; i++)
		add_edit(c, s, '-', para_text(&a->paras[i]));
	for (; j < m; j++)
		add_edit(c, s, '+', para_text(&b->paras[j]));
	free(L);
}

static const gir_narrative *narrative_of(const gir_report *r, const char *id)
{
	const gir_section *ts = gir_template_section(r->tpl, id);
	return ts && ts->kind == GIR_NARRATIVE ? &r->sections[ts->index].text : NULL;
}

static void walk_narratives(dctx *c)
{
	const gir_template *bt = c->b->tpl, *at = c->a->tpl;
	dsec *pre = add_section(c, NULL, bt->field_labels[GIR_F_PREFACE]);
	diff_narrative(c, pre, &c->a->preface, &c->b->preface);
	for (size_t i = 0; i < bt->nsections; i++) {
		const gir_section *ts = bt->sections[i];
		if (ts->kind == GIR_NARRATIVE)
			diff_narrative(c, add_section(c, ts->id, ts->heading), narrative_of(c->a, ts->id),
			               &c->b->sections[i].text);
	}
	for (size_t i = 0; i < at->nsections; i++) {
		const gir_section *ts = at->sections[i];
		if (ts->kind == GIR_NARRATIVE && !narrative_of(c->b, ts->id))
			diff_narrative(c, add_section(c, ts->id, ts->heading), &c->a->sections[i].text, NULL);
	}
}

/* ---- the fields above the text ------------------------------------------------------- */

static char *signatories_text(const gir_report *r)
{
	gir_buf b = {0};
	for (size_t i = 0; i < r->nsignatories; i++)
		gir_buf_printf(&b, "%s%s", i ? "、" : "", r->signatories[i]);
	return b.ptr ? gir_buf_detach(&b) : gir_xstrdup("");
}

static void meta_field(dctx *c, dsec *s, const char *label, char *a, char *b)
{
	const char *none = word(c, GIR_DW_NONE);
	if (strcmp(a ? a : none, b ? b : none) != 0) {
		add_edit(c, s, '-', gir_xasprintf("%s：%s", label, a ? a : none));
		add_edit(c, s, '+', gir_xasprintf("%s：%s", label, b ? b : none));
	}
	free(a);
	free(b);
}

/* Changed fields count as edits of the block of fields (基本信息), not as figures. */
static void walk_meta(dctx *c)
{
	const gir_report *a = c->a, *b = c->b;
	char *const *labels = b->tpl->field_labels;
	dsec *s = add_section(c, NULL, word(c, GIR_DW_FIELDS));
	size_t removed = c->nremoved, added = c->nadded;
	meta_field(c, s, labels[GIR_F_YEAR], gir_xasprintf("%d", a->year), gir_xasprintf("%d", b->year));
	meta_field(c, s, labels[GIR_F_AGENCY], gir_xstrdup(a->agency), gir_xstrdup(b->agency));
	meta_field(c, s, labels[GIR_F_TEMPLATE], gir_xstrdup(a->tpl->id), gir_xstrdup(b->tpl->id));
	meta_field(c, s, labels[GIR_F_TITLE], gir_xstrdup(a->title), gir_xstrdup(b->title));
	meta_field(c, s, labels[GIR_F_DATE], gir_report_date_text(a), gir_report_date_text(b));
	meta_field(c, s, labels[GIR_F_SIGNATORIES], signatories_text(a), signatories_text(b));
	c->nremoved = removed;
	c->nadded = added;
}

/* ---- output ------------------------------------------------------------------------------ */

static void pad_left(gir_buf *out, const char *s, size_t width)
{
	for (size_t w = gir_utf8_width_z(s); w < width; w++)
		gir_buf_putc(out, ' ');
	gir_buf_puts(out, s);
}

static size_t max_width(const dctx *c)
{
	size_t w = gir_utf8_width_z(word(c, GIR_DW_CHANGE));
	for (size_t i = 0; i < c->secs.len; i++) {
		const dsec *s = c->secs.items[i];
		for (size_t k = 0; k < s->figs.len; k++) {
			const dfig *f = s->figs.items[k];
			const char *v[3] = {f->a, f->b, f->change};
			for (int j = 0; j < 3; j++)
				if (gir_utf8_width_z(v[j]) > w)
					w = gir_utf8_width_z(v[j]);
		}
	}
	return w;
}

static void side_text(const dctx *c, gir_buf *out, char which, const char *file,
                      const gir_report *r)
{
	gir_buf_printf(out, "%c: ", which);
	gir_put_visible(out, file); /* a file name is not checked as the source's text is */
	gir_buf_printf(out, "（%s，%d%s，%s）\n", r->agency, r->year, word(c, GIR_DW_YEAR_UNIT),
	               r->tpl->id);
}

static void render_text(const dctx *c, const char *afile, const char *bfile, gir_buf *out)
{
	side_text(c, out, 'A', afile, c->a);
	side_text(c, out, 'B', bfile, c->b);
	size_t w = max_width(c);
	for (size_t i = 0; i < c->secs.len; i++) {
		const dsec *s = c->secs.items[i];
		if (!s->figs.len && !s->edits.len)
			continue;
		gir_buf_printf(out, "\n%s\n", s->heading);
		if (s->figs.len) {
			gir_buf_puts(out, "  ");
			pad_left(out, "A", w);
			gir_buf_puts(out, "  ");
			pad_left(out, "B", w);
			gir_buf_puts(out, "  ");
			pad_left(out, word(c, GIR_DW_CHANGE), w);
			gir_buf_printf(out, "  %s\n", word(c, GIR_DW_ITEM));
		}
		for (size_t k = 0; k < s->figs.len; k++) {
			const dfig *f = s->figs.items[k];
			gir_buf_puts(out, "  ");
			pad_left(out, f->a, w);
			gir_buf_puts(out, "  ");
			pad_left(out, f->b, w);
			gir_buf_puts(out, "  ");
			pad_left(out, f->change, w);
			gir_buf_printf(out, "  %s\n", f->label);
		}
		for (size_t k = 0; k < s->edits.len; k++) {
			const dedit *e = s->edits.items[k];
			gir_buf_printf(out, "%c %s\n", e->sign, e->text);
		}
	}
}


static void side_md(const dctx *c, gir_buf *out, char which, const char *file,
                    const gir_report *r)
{
	gir_buf_printf(out, "- %c：", which);
	gir_md_escape(out, file, 0);
	gir_buf_puts(out, "（");
	gir_md_escape(out, r->agency, 0);
	gir_buf_printf(out, "，%d%s，", r->year, word(c, GIR_DW_YEAR_UNIT));
	gir_md_escape(out, r->tpl->id, 0);
	gir_buf_puts(out, "）\n");
}

static void render_md(const dctx *c, const char *afile, const char *bfile, gir_buf *out)
{
	gir_buf_printf(out, "# %s\n\n", word(c, GIR_DW_TITLE));
	side_md(c, out, 'A', afile, c->a);
	side_md(c, out, 'B', bfile, c->b);
	for (size_t i = 0; i < c->secs.len; i++) {
		const dsec *s = c->secs.items[i];
		if (!s->figs.len && !s->edits.len)
			continue;
		gir_buf_puts(out, "\n## ");
		gir_md_escape(out, s->heading, 0);
		gir_buf_puts(out, "\n\n");
		if (s->figs.len)
			gir_buf_printf(out, "| %s | A | B | %s |\n| --- | ---: | ---: | ---: |\n",
			               word(c, GIR_DW_ITEM), word(c, GIR_DW_CHANGE));
		for (size_t k = 0; k < s->figs.len; k++) {
			const dfig *f = s->figs.items[k];
			gir_buf_puts(out, "| ");
			gir_md_escape(out, f->label, 0);
			gir_buf_printf(out, " | %s | %s | %s |\n", f->a, f->b, f->change);
		}
		if (s->figs.len && s->edits.len)
			gir_buf_puts(out, "\n");
		for (size_t k = 0; k < s->edits.len; k++) {
			const dedit *e = s->edits.items[k];
			gir_buf_printf(out, "- %s：", word(c, e->sign == '-' ? GIR_DW_REMOVED : GIR_DW_ADDED));
			gir_md_escape(out, e->text, 0);
			gir_buf_puts(out, "\n");
		}
	}
}

/* Text as HTML and XML both read it (the site's polyglot pages): the five
 * characters with a meaning as references, control characters left out. */
static void html_esc(gir_buf *out, const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		switch (*p) {
		case '&': gir_buf_puts(out, "&amp;"); break;
		case '<': gir_buf_puts(out, "&lt;"); break;
		case '>': gir_buf_puts(out, "&gt;"); break;
		case '"': gir_buf_puts(out, "&quot;"); break;
		case '\'': gir_buf_puts(out, "&#39;"); break;
		default:
			if (p[0] == 0xEF && p[1] == 0xBF && (p[2] == 0xBE || p[2] == 0xBF))
				p += 2;
			else if (*p >= 0x20)
				gir_buf_putc(out, (char)*p);
			else
				gir_buf_putc(out, ' ');
		}
	}
}

static void side_html(const dctx *c, gir_buf *out, char which, const char *file,
                      const gir_report *r)
{
	gir_buf_printf(out, "<li>%c：", which);
	html_esc(out, file);
	gir_buf_puts(out, "（");
	html_esc(out, r->agency);
	gir_buf_printf(out, "，%d", r->year);
	html_esc(out, word(c, GIR_DW_YEAR_UNIT));
	gir_buf_puts(out, "，");
	html_esc(out, r->tpl->id);
	gir_buf_puts(out, "）</li>\n");
}

/* The comparison as an HTML fragment: per section an <h3>, a table of the
 * figures (item, A, B, change) and a list of the paragraphs removed and
 * added; the counting line follows in a <p>. */
static void render_html(const dctx *c, const char *afile, const char *bfile, gir_buf *out)
{
	gir_buf_puts(out, "<ul class=\"sides\">\n");
	side_html(c, out, 'A', afile, c->a);
	side_html(c, out, 'B', bfile, c->b);
	gir_buf_puts(out, "</ul>\n");
	for (size_t i = 0; i < c->secs.len; i++) {
		const dsec *s = c->secs.items[i];
		if (!s->figs.len && !s->edits.len)
			continue;
		gir_buf_puts(out, "<h3>");
		html_esc(out, s->heading);
		gir_buf_puts(out, "</h3>\n");
		if (s->figs.len) {
			gir_buf_puts(out, "<table class=\"changes\">\n<thead><tr><th scope=\"col\">");
			html_esc(out, word(c, GIR_DW_ITEM));
			gir_buf_puts(out, "</th><th scope=\"col\">A</th><th scope=\"col\">B</th><th scope=\"col\">");
			html_esc(out, word(c, GIR_DW_CHANGE));
			gir_buf_puts(out, "</th></tr></thead>\n<tbody>\n");
		}
		for (size_t k = 0; k < s->figs.len; k++) {
			const dfig *f = s->figs.items[k];
			gir_buf_puts(out, "<tr><th scope=\"row\">");
			html_esc(out, f->label);
			gir_buf_puts(out, "</th><td>");
			html_esc(out, f->a);
			gir_buf_puts(out, "</td><td>");
			html_esc(out, f->b);
			gir_buf_puts(out, "</td><td>");
			html_esc(out, f->change);
			gir_buf_puts(out, "</td></tr>\n");
		}
		if (s->figs.len)
			gir_buf_puts(out, "</tbody>\n</table>\n");
		if (s->edits.len)
			gir_buf_puts(out, "<ul class=\"edits\">\n");
		for (size_t k = 0; k < s->edits.len; k++) {
			const dedit *e = s->edits.items[k];
			gir_buf_printf(out, "<li class=\"%s\"><span class=\"sign\">",
			               e->sign == '-' ? "removed" : "added");
			html_esc(out, word(c, e->sign == '-' ? GIR_DW_REMOVED : GIR_DW_ADDED));
			gir_buf_puts(out, "：</span>");
			html_esc(out, e->text);
			gir_buf_puts(out, "</li>\n");
		}
		if (s->edits.len)
			gir_buf_puts(out, "</ul>\n");
	}
}

static void free_ctx(dctx *c)
{
	for (size_t i = 0; i < c->secs.len; i++) {
		dsec *s = c->secs.items[i];
		for (size_t k = 0; k < s->figs.len; k++) {
			dfig *f = s->figs.items[k];
			free(f->label);
			free(f);
		}
		for (size_t k = 0; k < s->edits.len; k++) {
			dedit *e = s->edits.items[k];
			free(e->text);
			free(e);
		}
		gir_ptrvec_free(&s->figs);
		gir_ptrvec_free(&s->edits);
		free(s->heading);
		free(s);
	}
	gir_ptrvec_free(&c->secs);
}

size_t gir_diff(const gir_report *a, const char *afile, const gir_report *b, const char *bfile,
                gir_diff_format fmt, gir_buf *out)
{
	dctx c = {.a = a, .b = b};
	gir_ptrvec seen = {0};
	walk_meta(&c);
	walk_tables(&c, b, true, &seen);
	walk_tables(&c, a, false, &seen);
	order_figures(&c);
	walk_narratives(&c);
	for (size_t i = 0; i < seen.len; i++)
		free(seen.items[i]);
	gir_ptrvec_free(&seen);
	if (fmt == GIR_DIFF_MD)
		render_md(&c, afile, bfile, out);
	else if (fmt == GIR_DIFF_HTML)
		render_html(&c, afile, bfile, out);
	else
		render_text(&c, afile, bfile, out);
	/* 3个数字不同，叙述删去1段、新增2段。 */
	char *count = gir_xasprintf("%zu%s，%s%zu%s、%s%zu%s。", c.nfigs, word(&c, GIR_DW_FIGURES_DIFFER),
	                            word(&c, GIR_DW_TEXT_REMOVED), c.nremoved,
	                            word(&c, GIR_DW_PARAGRAPHS_UNIT), word(&c, GIR_DW_ADDED), c.nadded,
	                            word(&c, GIR_DW_PARAGRAPHS_UNIT));
	if (fmt == GIR_DIFF_HTML) {
		gir_buf_puts(out, "<p class=\"count\">");
		html_esc(out, count);
		gir_buf_puts(out, "</p>\n");
	} else {
		gir_buf_printf(out, "\n%s\n", count);
	}
	free(count);
	size_t n = c.nfigs + c.nremoved + c.nadded;
	free_ctx(&c);
	return n;
}
