/* Translation of the library's messages (docs/messages.md, "Translations").
 *
 * The library looks its strings up in the "gireport" text domain with
 * dgettext, so that a program using it keeps its own domain; it never calls
 * setlocale or bindtextdomain: the program does (cli/main.c).  Without them
 * every lookup gives back the English text itself. */
#ifndef GIR_I18N_H
#define GIR_I18N_H

#include <libintl.h>

#define GIR_TEXT_DOMAIN "gireport"

/* Marks a string for xgettext and translates it now. */
#define _(s) dgettext(GIR_TEXT_DOMAIN, s)
/* Marks a string for xgettext, to be translated where it is used. */
#define N_(s) s
/* A short string translated in a context (xgettext --keyword=C_:1c,2), as
 * gettext.h's pgettext: the catalogue keys it "context\004string". */
#define C_(ctx, s) gir_pgettext(ctx "\004" s, s)

const char *gir_pgettext(const char *key, const char *s);

#endif
