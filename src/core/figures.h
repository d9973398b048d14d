/* Key figures: the numbers `gireport summary` puts in one row per report,
 * named by the template's "summary" list so that C knows no edition. */
#ifndef GIR_FIGURES_H
#define GIR_FIGURES_H

#include "model.h"
#include "template.h"

struct cJSON;

/* Reads a template's "summary" list into t->figures.  Each entry is
 * {"id", "label", "path"} where "path" is an id path or a list of them
 * (summed).  Returns 0, or -1 with diagnostics for a malformed entry, a
 * repeated id or a path that names no cell of the template. */
int gir_figures_parse(gir_template *t, const struct cJSON *summary, const char *file,
                      gir_diags *d);
void gir_figures_free(gir_template *t);
/* Reads "summary_words" (required with "summary"): an object of the keys
 * gir_summary_word_keys lists, each a non-empty string. */
int gir_summary_words_parse(gir_template *t, const struct cJSON *words, const char *file,
                            gir_diags *d);
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
