/* Table layout shared by every renderer: a table section becomes grids of
 * cells with row and column spans, as the national form merges them.  Text,
 * Markdown and PDF differ only in how they draw a grid. */
#ifndef GIR_LAYOUT_H
#define GIR_LAYOUT_H

#include "model.h"

typedef enum gir_gcell_kind {
	GIR_GC_CAPTION,  /* 第二十条第（一）项: a band across the table */
	GIR_GC_CORNER,   /* top-left header cell */
	GIR_GC_HEAD,     /* column header */
	GIR_GC_STUB,     /* row label */
	GIR_GC_VALUE,    /* a number */
	GIR_GC_LINE      /* a sentence with its value, across the table */
} gir_gcell_kind;

typedef struct gir_gcell {
	int row, col, rowspan, colspan;
	gir_gcell_kind kind;
	char *text;
} gir_gcell;

typedef struct gir_grid {
	int nrows, ncols;
	int header_rows;     /* leading rows repeated after a page break */
	const char *const *breaks; /* the template's label_breaks (gir_wrap_label) */
	size_t nbreaks;
	gir_gcell *cells;
	size_t ncells;
	int *owner;          /* nrows × ncols: index of the cell covering it */
} gir_grid;

typedef struct gir_table {
	gir_grid **parts;    /* one per block; all with the same ncols */
	size_t nparts;
	const char *const *breaks; /* the template's label_breaks, for gir_wrap_label */
	size_t nbreaks;
} gir_table;

gir_table *gir_layout_table(const gir_report *rep, const gir_section *s);
void gir_table_free(gir_table *t);
/* Index of the cell covering (row, col). */
static inline int gir_grid_owner(const gir_grid *g, int row, int col)
{
	return g->owner[row * g->ncols + col];
}
/* True when no cell of kind VALUE or HEAD starts in this column alone, i.e.
 * the column holds row labels. */
int gir_table_is_label_column(const gir_table *t, int col);



/* All parts of a table stacked into one grid (for renderers that draw the
 * blocks of table 二 as one ruled table).  Free with gir_grid_free. */
gir_grid *gir_table_merge(const gir_table *t);
/* Heights of a grid's rows (malloc'd): each at least `min`, then each cell
 * given the height `need` says it takes, counting `gap` between the rows it
 * spans; a merged cell's shortfall goes to its last row, or with `spread`
 * evenly to all its rows.  Single-row cells are settled first. */
double *gir_grid_row_heights(const gir_grid *g, double min, double gap, int spread,
                             double (*need)(const gir_gcell *c, void *ctx), void *ctx);
void gir_grid_free(gir_grid *g);
#endif
