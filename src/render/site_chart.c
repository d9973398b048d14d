/* Bar charts as inline SVG for the site (docs/site.md): horizontal bars,
 * one row per agency or year, either a bar per series side by side or the
 * series stacked into one bar.  Every bar carries its number beside it (or
 * inside its segment when there is room), the SVG has <title> and <desc>,
 * and the same numbers follow as a table, so a reader who cannot see the
 * chart loses nothing.  Lengths are linear from 0: a bar's width is its
 * value times one scale per chart, which the site's browser test measures. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "site.h"
#include "utf8.h"
#include "util.h"

/* The drawing, in SVG user units (CSS pixels at 100%). */
enum {
	CHART_W = 800,          /* whole width */
	LABEL_W = 250,          /* row labels, right-aligned before the plot */
	PLOT_W = 460,           /* the plot: 0 to the axis maximum */
	TOP = 34,               /* below the title */
	LEGEND_H = 26,
	BAR_H = 14,             /* one bar of a group */
	STACK_H = 18,           /* a stacked bar */
	ROW_GAP = 10,
	AXIS_H = 44             /* tick numbers and the axis label under the plot */
};

static double number(gir_value v)
{
	return (double)v.v / (double)gir_pow10(v.scale);
}

/* The axis maximum: 5, 10, 20, 50, 100, … at least `max`, so that the
 * ticks (a fifth or a quarter of it) are whole numbers. */
static double axis_max(double max, double *step)
{
	double m = 5;
	*step = 1;
	for (double p = 10; m < max; p *= 10) {
		if (max <= p)
			m = p, *step = p / 5;
		else if (max <= 2 * p)
			m = 2 * p, *step = p / 2;
		else if (max <= 5 * p)
			m = 5 * p, *step = p;
	}
	return m;
}

static const gir_value *cell(const gir_chart *c, size_t r, size_t s)
{
	return c->have[r * c->nseries + s] ? &c->v[r * c->nseries + s] : NULL;
}

static double row_sum(const gir_chart *c, size_t r)
{
	double t = 0;
	for (size_t s = 0; s < c->nseries; s++) {
		const gir_value *v = cell(c, r, s);
		t += v ? number(*v) : 0;
	}
	return t;
}

static double largest(const gir_chart *c)
{
	double max = 0;
	for (size_t r = 0; r < c->nrows; r++)
		for (size_t s = 0; s < c->nseries; s++) {
			const gir_value *one = cell(c, r, s);
			double v = c->stacked ? row_sum(c, r) : one ? number(*one) : 0;
			max = v > max ? v : max;
		}
	return max;
}

static size_t row_height(const gir_chart *c)
{
	return (c->stacked ? STACK_H : BAR_H * c->nseries) + ROW_GAP;
}

static void text(gir_buf *out, double x, double y, const char *attrs, const char *s)
{
	gir_buf_printf(out, "<text x=\"%.1f\" y=\"%.1f\"%s>", x, y, attrs);
	gir_site_esc(out, s);
	gir_buf_puts(out, "</text>\n");
}

static void legend(const gir_chart *c, gir_buf *out)
{
	double x = LABEL_W;
	for (size_t s = 0; s < c->nseries; s++) {
		gir_buf_printf(out, "<rect class=\"key s%zu\" x=\"%.1f\" y=\"%d\" width=\"12\" height=\"12\" />\n",
		               s, x, TOP + 4);
		text(out, x + 16, TOP + 15, "", c->series_labels[s]);
		x += 16 + 7.0 * (double)gir_utf8_width_z(c->series_labels[s]) + 18;
	}
}

/* Grid lines and tick numbers at every step, and the axis label. */
static void axis(const gir_chart *c, gir_buf *out, double max, double step, double y0, double h)
{
	char num[32];
	for (double t = 0; t <= max + step / 2; t += step) {
		double x = LABEL_W + t / max * PLOT_W;
		gir_buf_printf(out, "<line class=\"grid\" x1=\"%.2f\" y1=\"%.1f\" x2=\"%.2f\" y2=\"%.1f\" />\n",
		               x, y0 - 4, x, y0 + h);
		snprintf(num, sizeof num, "%.0f", t);
		char attrs[64];
		snprintf(attrs, sizeof attrs, " class=\"tick\" text-anchor=\"middle\" data-tick=\"%.0f\"", t);
		text(out, x, y0 + h + 16, attrs, num);
	}
	text(out, LABEL_W + PLOT_W / 2.0, y0 + h + 36, " class=\"axis-label\" text-anchor=\"middle\"",
	     c->axis);
	text(out, LABEL_W - 8, y0 - 8, " class=\"axis-label\" text-anchor=\"end\"", c->rows_label);
}

static void bar(gir_buf *out, const gir_chart *c, size_t r, size_t s, const gir_value *v,
                double x, double y, double w, double h)
{
	char num[48];
	gir_value_format(*v, num, sizeof num);
	gir_buf_printf(out, "<rect class=\"bar s%zu\" x=\"%.2f\" y=\"%.1f\" width=\"%.2f\" height=\"%.1f\""
	               " data-row=\"%zu\" data-series=\"%zu\"><title>",
	               s, x, y, w, h, r, s);
	gir_site_esc(out, c->row_labels[r]);
	gir_buf_puts(out, " · ");
	gir_site_esc(out, c->series_labels[s]);
	gir_buf_printf(out, "：%s</title></rect>\n", num);
}

static void rows(const gir_chart *c, gir_buf *out, double max, double y0)
{
	char num[48];
	for (size_t r = 0; r < c->nrows; r++) {
		double y = y0 + (double)(r * row_height(c));
		double band = (double)(row_height(c) - ROW_GAP);
		text(out, LABEL_W - 8, y + band / 2 + 5, " class=\"row-label\" text-anchor=\"end\"",
		     c->row_labels[r]);
		double x = LABEL_W;
		for (size_t s = 0; s < c->nseries; s++) {
			const gir_value *v = cell(c, r, s);
			if (!v)
				continue;
			double w = number(*v) / max * PLOT_W;
			gir_value_format(*v, num, sizeof num);
			if (c->stacked) {
				bar(out, c, r, s, v, x, y, w, STACK_H);
				if (w >= 8.0 * (double)strlen(num) + 4 && v->v != 0)
					text(out, x + w / 2, y + 13, " class=\"in-bar\" text-anchor=\"middle\"", num);
				x += w;
			} else {
				double yb = y + (double)(s * BAR_H);
				bar(out, c, r, s, v, LABEL_W, yb, w, BAR_H - 2);
				text(out, LABEL_W + w + 4, yb + 10, " class=\"value\"", num);
			}
		}
		if (c->stacked) {
			gir_value sum = {0};
			for (size_t s = 0; s < c->nseries; s++) {
				const gir_value *v = cell(c, r, s);
				if (v)
					sum = gir_value_add(sum, *v);
			}
			gir_value_format(sum, num, sizeof num);
			text(out, x + 4, y + 13, " class=\"value\"", num);
		}
	}
}

static void data_table(const gir_chart *c, gir_buf *out)
{
	char num[48];
	gir_buf_puts(out, "<table class=\"data\">\n<caption>");
	gir_site_esc(out, c->data_word);
	gir_buf_puts(out, "：");
	gir_site_esc(out, c->title);
	gir_buf_puts(out, "</caption>\n<thead><tr><th scope=\"col\">");
	gir_site_esc(out, c->rows_label);
	gir_buf_puts(out, "</th>");
	for (size_t s = 0; s < c->nseries; s++) {
		gir_buf_puts(out, "<th scope=\"col\">");
		gir_site_esc(out, c->series_labels[s]);
		gir_buf_puts(out, "</th>");
	}
	if (c->stacked && c->total_label) {
		gir_buf_puts(out, "<th scope=\"col\">");
		gir_site_esc(out, c->total_label);
		gir_buf_puts(out, "</th>");
	}
	gir_buf_puts(out, "</tr></thead>\n<tbody>\n");
	for (size_t r = 0; r < c->nrows; r++) {
		gir_buf_puts(out, "<tr><th scope=\"row\">");
		gir_site_esc(out, c->row_labels[r]);
		gir_buf_puts(out, "</th>");
		gir_value sum = {0};
		for (size_t s = 0; s < c->nseries; s++) {
			const gir_value *v = cell(c, r, s);
			if (v) {
				gir_value_format(*v, num, sizeof num);
				sum = gir_value_add(sum, *v);
			}
			gir_buf_printf(out, "<td>%s</td>", v ? num : "—");
		}
		if (c->stacked && c->total_label) {
			gir_value_format(sum, num, sizeof num);
			gir_buf_printf(out, "<td>%s</td>", num);
		}
		gir_buf_puts(out, "</tr>\n");
	}
	gir_buf_puts(out, "</tbody>\n</table>\n");
}

void gir_chart_write(const gir_chart *c, gir_buf *out)
{
	double step, max = axis_max(largest(c), &step);
	double y0 = TOP + LEGEND_H + 18;
	double h = (double)(c->nrows * row_height(c));
	double height = y0 + h + AXIS_H;
	gir_buf_printf(out, "<figure class=\"chart\" id=\"chart-%s\">\n", c->id);
	gir_buf_printf(out, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\""
	               " viewBox=\"0 0 %d %.0f\" width=\"%d\" height=\"%.0f\""
	               " aria-labelledby=\"%s-title %s-desc\">\n",
	               CHART_W, height, CHART_W, height, c->id, c->id);
	gir_buf_printf(out, "<title id=\"%s-title\">", c->id);
	gir_site_esc(out, c->title);
	gir_buf_printf(out, "</title>\n<desc id=\"%s-desc\">", c->id);
	gir_site_esc(out, c->desc);
	gir_buf_puts(out, "</desc>\n");
	text(out, 0, 20, " class=\"chart-title\"", c->title);
	legend(c, out);
	axis(c, out, max, step, y0, h);
	rows(c, out, max, y0);
	gir_buf_puts(out, "</svg>\n");
	data_table(c, out);
	gir_buf_puts(out, "</figure>\n");
}
