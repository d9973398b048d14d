/* "Did you mean …?" for unknown keys: edit distance over code points. */
#ifndef GIR_SUGGEST_H
#define GIR_SUGGEST_H

typedef struct gir_suggest gir_suggest;

gir_suggest *gir_suggest_new(const char *key);
/* Offers a candidate known by an id and/or a label (either may be NULL). */
void gir_suggest_add(gir_suggest *s, const char *id, const char *label);
/* Replaces any suggestion with a hint of the caller's (takes ownership). */
void gir_suggest_force(gir_suggest *s, char *hint);
/* "did you mean regulations (规章)?", or NULL when nothing is close. */
char *gir_suggest_hint(const gir_suggest *s);
/* "the keys here are: a (甲), b (乙), …": every candidate offered. */
char *gir_suggest_list(const gir_suggest *s);
void gir_suggest_free(gir_suggest *s);
/* Edit distance between two UTF-8 strings, in code points (capped at 64). */
int gir_edit_distance(const char *a, const char *b);

#endif
