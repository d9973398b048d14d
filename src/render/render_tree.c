/* A dump of the validated model: one fact per line with its source
 * position, so tests can check the loader and validator without layout. */
#include <stdlib.h>

#include "model.h"
#include "util.h"

static void pos(gir_buf *out, gir_pos p)
{
	if (p.line)
		gir_buf_printf(out, " @%d:%d", p.line, p.col);
	gir_buf_putc(out, '\n');
}

static void narrative(gir_buf *out, const char *id, const gir_narrative *nar)
{
	for (size_t i = 0; i < nar->n; i++) {
		const gir_para *p = &nar->paras[i];
		if (p->heading)
			gir_buf_printf(out, "%s heading %d%s \"%s\"", id, p->number,
			               nar->run_in ? " run-in" : "", p->text);
		else
			gir_buf_printf(out, "%s para \"%s\"", id, p->text);
		pos(out, p->pos);
	}
}

static void cells(gir_buf *out, const gir_section *s, const gir_section_data *sd)
{
	for (size_t b = 0; b < s->nblocks; b++) {
		const gir_block *blk = s->blocks[b];
		for (size_t r = 0; r < blk->nrows; r++)
			for (size_t c = 0; c < blk->ncols; c++) {
				const gir_value *v = gir_cell(sd, blk, r, c);
				char *rp = gir_axis_path(blk->row_leaves[r]), *cp = gir_axis_path(blk->col_leaves[c]);
				char num[48];
				gir_cell_format(*v, num, sizeof num);
				gir_buf_printf(out, "%s.%s.%s = %s%s%s", s->id, rp, cp, num,
				               gir_axis_is_sum(blk->col_leaves[c]) || gir_axis_is_sum(blk->row_leaves[r])
				                   ? " (total)" : "",
				               v->given ? "" : " (omitted)");
				pos(out, v->given ? v->pos : (gir_pos){0, 0});
				free(rp);
				free(cp);
			}
	}
}

int gir_render_tree(const gir_report *rep, const gir_options *opt, gir_buf *out)
{
	(void)opt;
	gir_buf_printf(out, "template %s\nyear %d\nagency \"%s\"\ntitle \"%s\"\n", rep->tpl->id,
	               rep->year, rep->agency, rep->title);
	if (rep->date.year)
		gir_buf_printf(out, "date %04d-%02d-%02d\n", rep->date.year, rep->date.month, rep->date.day);
	for (size_t i = 0; i < rep->nsignatories; i++)
		gir_buf_printf(out, "signatory \"%s\"\n", rep->signatories[i]);
	if (rep->previous)
		gir_buf_printf(out, "previous \"%s\"\n", rep->previous);
	narrative(out, "preface", &rep->preface);
	for (size_t i = 0; i < rep->tpl->nsections; i++) {
		const gir_section *s = rep->tpl->sections[i];
		gir_buf_printf(out, "section %s%s\n", s->id, rep->sections[i].given ? "" : " (omitted)");
		if (s->kind == GIR_NARRATIVE)
			narrative(out, s->id, &rep->sections[i].text);
		else
			cells(out, s, &rep->sections[i]);
	}
	return 0;
}
