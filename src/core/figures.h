/* Key figures: the numbers `gireport summary` puts in one row per report,
 * named by the template's "summary" list so that C knows no edition. */
#ifndef GIR_FIGURES_H
#define GIR_FIGURES_H

#include "model.h"
#include "template.h"
#include "template_parts.h" /* gir_figures_parse, gir_summary_words_parse */

extern const char *const gir_summary_word_keys[GIR_SW_COUNT];
/* The figure with this id in the template, or NULL. */
const gir_figure *gir_template_figure(const gir_template *t, const char *id);
/* Whether an id path ("requests.withheld.total") names a cell, a computed
 * total or a group of the template, as gir_report_lookup reads them. */
bool gir_template_has_path(const gir_template *t, const char *path);
/* The value of a figure in a report: the sum of its paths.  False when a
 * path names nothing in the report's template. */
bool gir_report_figure(const gir_report *rep, const gir_figure *f, gir_value *out);

#endif
