/* The static site of a city's reports (gir_site_*, include/gireport.h):
 * what the pages (site.c) and the charts (site_chart.c) share. */
#ifndef GIR_SITE_H
#define GIR_SITE_H

#include <stdbool.h>

#include "model.h"

/* Appends s as text of an element or attribute value, for polyglot markup:
 * the five XML characters as references, line breaks as spaces, characters
 * XML does not allow left out. */
void gir_site_esc(gir_buf *out, const char *s);

/* One chart: rows (agencies or years) × series, each value given or not. */
typedef struct gir_chart {
	const char *id;
	char *title, *desc;          /* {year} and {last} filled in */
	const char *rows_label;      /* the axis of the rows: 机关, 年度 */
	const char *axis;            /* the axis of the numbers: 件数（件） */
	const char *total_label;     /* the data table's sum column (stacked), or NULL */
	const char *data_word;       /* 数据表 */
	bool stacked;
	size_t nrows, nseries;
	const char **row_labels;     /* nrows */
	const char **series_labels;  /* nseries */
	gir_value *v;                /* nrows × nseries, row by row */
	bool *have;                  /* whether v[i] was given */
} gir_chart;

/* Appends <figure class="chart"> with the chart as inline SVG (title, desc,
 * legend, axis with ticks, bars with their numbers) and its data table. */
void gir_chart_write(const gir_chart *c, gir_buf *out);

#endif
