/* The parts of a template that other modules read while it loads: the key
 * figures of "summary" (figures.c) and the rules of "prose" (prose.c).
 * template.c includes only this, not figures.h or prose.h, so that the
 * template depends on no module above it: model.c depends on template.h,
 * never the reverse.  What these parsers call back is the template's own
 * (gir_words_parse, the cell paths of template.h); what figures.c and
 * prose.c take from model.c serves reports, not the loading of a template. */
#ifndef GIR_TEMPLATE_PARTS_H
#define GIR_TEMPLATE_PARTS_H

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

/* Reads a template's "prose" list into t->prose, and its "prose_words"
 * (required with rules).  Returns 0, or -1 with diagnostics for a malformed
 * rule or list of words, or a cell the template does not have. */
int gir_prose_parse(gir_template *t, const struct cJSON *rules, const struct cJSON *words,
                    const char *file, gir_diags *d);
void gir_prose_free(gir_template *t);

/* Reads a template's "profiles" (profile.c): each {"id", "label",
 * "not_applicable": [id paths of rows or cells], "mark"}.  Returns 0, or -1
 * with diagnostics for a malformed profile or a path naming no cell. */
int gir_profiles_parse(gir_template *t, const struct cJSON *profiles, const char *file,
                       gir_diags *d);
void gir_profiles_free(gir_template *t);

#endif
