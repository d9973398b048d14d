/* Narrative text: paragraphs from YAML strings, as a clerk means them. */
#ifndef GIR_NARRATIVE_H
#define GIR_NARRATIVE_H

#include "model.h"
#include "node.h"

/* Splits a string into paragraphs.  In a literal block (|) a blank line
 * separates paragraphs and single line breaks are joined; in every other
 * style YAML has already folded lines and each remaining line break stood
 * for a blank line.  Appends to nar; returns the number of paragraphs. */
size_t gir_paragraphs_append(gir_narrative *nar, const char *text, bool literal, gir_pos pos);
/* A section holds at most this many paragraphs: past it gir_paragraphs_append
 * stops and returns (size_t)-1, so memory stays bounded for any input. */
#define GIR_MAX_PARAGRAPHS 10000
/* Appends a subheading, its typed number ("1、", "（一）") removed. */
void gir_subheading_append(gir_narrative *nar, const char *text, gir_pos pos);
void gir_narrative_free(gir_narrative *nar);
/* A subheading as printed, numbered by the renderer: "（一）健全工作机制". */
char *gir_subheading_text(const gir_para *p);
/* A run-in subheading as printed at the start of its paragraph, without
 * the full stop: "（一）主动公开情况"; *stop is the stop that follows it, the
 * heading's own ？ or ！ or else 。. */
char *gir_subheading_run_in(const gir_para *p, const char **stop);
/* True when paragraph i is a subheading run into paragraph i + 1. */
bool gir_para_runs_in(const gir_narrative *nar, size_t i);
/* Tidies one paragraph: trims, and drops a space between two CJK characters
 * (left by YAML line folding, never intended in Chinese text). */
char *gir_tidy_paragraph(const char *s, size_t n);
/* Replaces the placeholders of every paragraph and subheading with what
 * they stand for in the report (placeholder.h). */
void gir_narrative_expand(const gir_report *rep, gir_narrative *nar);

#endif
