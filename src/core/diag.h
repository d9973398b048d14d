/* Internal diagnostics API: every stage reports through gir_diag_at. */
#ifndef GIR_DIAG_H
#define GIR_DIAG_H

#include <stdarg.h>
#include <stdbool.h>

#include "gireport.h"
#include "i18n.h"

/* A position in a source file, 1-based; line 0 means "no position". */
typedef struct gir_pos {
	int line;
	int col;
} gir_pos;

/* A GIR_NOTE adds to the diagnostic reported just before it (another place
 * it concerns): it is printed right after that one, wherever it points, and
 * is dropped with it. */
/* `s, id, fmt` are one entry of the catalogue (GIR_M_name, in
 * include/gireport_messages.h); fmt is English, translated here with
 * gettext, as the caller translates the hint with _(). */
void gir_diag_at(gir_diags *d, const char *file, gir_pos pos, const char *label,
                 const char *path, const char *hint, gir_severity s, const char *id,
                 const char *fmt, ...) __attribute__((format(printf, 9, 10)));
void gir_diag_vat(gir_diags *d, const char *file, gir_pos pos, const char *label,
                  const char *path, const char *hint, gir_severity s, const char *id,
                  const char *fmt, va_list ap) __attribute__((format(printf, 9, 0)));

/* A note of its own (a check that could not be made), not about the
 * diagnostic before it. */
void gir_diag_note_alone(gir_diags *d, const char *file, gir_pos pos, const char *label,
                         const char *path, const char *hint, gir_severity s, const char *id,
                         const char *fmt, ...) __attribute__((format(printf, 9, 10)));

/* True once the list keeps no more diagnostics: callers may skip the work
 * of composing hints nobody will see. */
bool gir_diags_full(const gir_diags *d);

#endif
