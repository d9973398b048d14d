/* A summary of many reports: one row per source with its key figures (the
 * template's "summary" list), a 合计 row, and the sources that failed their
 * checks — what a city's 政务公开办 compiles from its bureaus' reports. */
#ifndef GIR_SUMMARY_H
#define GIR_SUMMARY_H

#include <stdbool.h>
#include <stddef.h>

#include "gireport.h"

typedef struct gir_summary gir_summary;

gir_summary *gir_summary_new(void);
void gir_summary_free(gir_summary *s);
/* A source that passed its checks: its values are copied, rep may go (its
 * registry must outlive s: labels and ids are the template's). */
void gir_summary_add(gir_summary *s, const char *file, const gir_report *rep);
/* A source with `errors` errors (0 with `unreadable`: it could not be read).
 * Its agency, year and template are read from the text when it is YAML
 * enough to hold them (no `template:`: the project's default_template, or
 * the edition of its year); its figures stay empty. */
void gir_summary_add_failed(gir_summary *s, const gir_registry *reg, const char *file,
                            const char *text, size_t len, size_t errors, bool unreadable,
                            const char *default_template);
size_t gir_summary_failed(const gir_summary *s);
/* After an output was made: the label of a figure or column total too large
 * to add up (past 2^63 in millionths), which was left empty; NULL if none. */
const char *gir_summary_overflow(const gir_summary *s);

/* The outputs.  Rows are in file-path order; the columns are the figures
 * of every edition present, by id, in the templates' order.  The 合计 row
 * adds up the rows without errors, for each figure every one of them has.
 * CSV: RFC 4180, CRLF line ends, a UTF-8 byte-order mark with `bom` (for
 * Excel).  Markdown: a pipe table and the list of sources with errors.
 * JSON: {"columns", "rows", "totals", "failed"}. */
void gir_summary_csv(gir_summary *s, bool bom, gir_buf *out);
void gir_summary_md(gir_summary *s, gir_buf *out);
void gir_summary_json(gir_summary *s, gir_buf *out);

#endif
