/* gireport — a compiler for 政府信息公开工作年度报告 (government information
 * disclosure annual reports).
 *
 * Pipeline: a YAML source is loaded with source positions, bound to a JSON
 * template (the national form as data), validated, and rendered.  The library
 * never prints and never exits; the caller owns every object it creates and
 * releases it with the matching *_free function, all of which accept NULL. */
#ifndef GIREPORT_H
#define GIREPORT_H

#include <stdarg.h>
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#define GIR_VERSION "0.3.0"

/* ---- growable byte buffer ------------------------------------------------ */

/* A NUL-terminated growable buffer.  Zero-initialise, append, gir_buf_free. */
typedef struct gir_buf {
	char *ptr;
	size_t len;
	size_t cap;
} gir_buf;

void gir_buf_put(gir_buf *b, const char *s, size_t n);
void gir_buf_puts(gir_buf *b, const char *s);
void gir_buf_putc(gir_buf *b, char c);
void gir_buf_printf(gir_buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void gir_buf_vprintf(gir_buf *b, const char *fmt, va_list ap)
	__attribute__((format(printf, 2, 0)));
void gir_buf_clear(gir_buf *b);
void gir_buf_free(gir_buf *b);

/* ---- diagnostics ---------------------------------------------------------- */

typedef enum gir_severity {
	GIR_NOTE = 0,
	GIR_WARNING = 1,
	GIR_ERROR = 2
} gir_severity;

typedef struct gir_diags gir_diags;

/* One problem found in a source.  Strings belong to the gir_diags list. */
typedef struct gir_diag {
	gir_severity severity;
	const char *file;
	int line;            /* 1-based; 0 when the problem has no position */
	int column;          /* 1-based, in characters (code points) */
	const char *label;   /* Chinese label of the field, or NULL */
	const char *path;    /* key path such as requests.received.natural, or NULL */
	const char *message;
	const char *hint;    /* extra line ("write 12 instead"), or NULL */
} gir_diag;

gir_diags *gir_diags_new(void);
void gir_diags_free(gir_diags *d);
size_t gir_diags_count(const gir_diags *d);
const gir_diag *gir_diags_at(const gir_diags *d, size_t i);
/* Number of diagnostics of the given severity. */
size_t gir_diags_count_severity(const gir_diags *d, gir_severity s);
/* Add a diagnostic not tied to a source position (e.g. a file that cannot be read). */
void gir_diags_add(gir_diags *d, gir_severity s, const char *file,
                   const char *fmt, ...) __attribute__((format(printf, 4, 5)));

/* Makes the warnings from index `from` on errors (--strict), with a hint
 * saying so. */
void gir_diags_promote_warnings(gir_diags *d, size_t from);
/* GCC-style text: "file:line:col: error: label: message [path]", then the
 * source line and a caret under the column when `source` is given. */
void gir_diags_format_text(const gir_diags *d, const char *source, size_t len,
                           gir_buf *out);
/* One JSON object per line: file, line, column, severity, path, label, message. */
void gir_diags_format_json(const gir_diags *d, gir_buf *out);

/* ---- templates ------------------------------------------------------------ */

typedef struct gir_template gir_template;
typedef struct gir_registry gir_registry;

/* A registry holding the templates embedded in the library. */
gir_registry *gir_registry_new(gir_diags *diags);
/* Adds every *.json template of a directory; a template with the id of an
 * existing one replaces it.  Returns 0, or -1 with diagnostics added. */
int gir_registry_add_dir(gir_registry *r, const char *dir, gir_diags *diags);
void gir_registry_free(gir_registry *r);
size_t gir_registry_count(const gir_registry *r);
const gir_template *gir_registry_at(const gir_registry *r, size_t i);
const gir_template *gir_registry_find(const gir_registry *r, const char *id);
/* The edition meant for a report year (gov-2019 for 2020, gov-2021 after). */
const gir_template *gir_registry_for_year(const gir_registry *r, int year);
/* A complete source to fill in (`gireport new`): every field with its
 * Chinese label as a comment, every table in column order with zeros. */
int gir_template_skeleton(const gir_template *t, int year, const char *agency, gir_buf *out);
/* The JSON Schema (draft 2020-12) of the sources of a template, for editors
 * (docs/editors.md): keys, shapes and value types; titles are the template's
 * labels.  Appends it to `out`; returns 0, or -1 when out of memory. */
int gir_template_schema(const gir_template *t, gir_buf *out);

const char *gir_template_id(const gir_template *t);
const char *gir_template_name(const gir_template *t);
/* First and last report year the edition is meant for (0 when open). */
int gir_template_first_year(const gir_template *t);
int gir_template_last_year(const gir_template *t);

/* ---- reports ---------------------------------------------------------------- */

typedef struct gir_report gir_report;

/* Font roles of the PDF layout, in the order of gir_font_roles. */
typedef enum gir_font_role {
	GIR_FONT_TITLE, GIR_FONT_HEADING, GIR_FONT_SUBHEADING, GIR_FONT_BODY, GIR_FONT_TABLE,
	GIR_FONT_ROLES
} gir_font_role;
extern const char *const gir_font_roles[GIR_FONT_ROLES]; /* "title", "heading", … */

/* ---- projects ----------------------------------------------------------- */

/* The project file, gireport.yaml at the root of a tree of sources: settings
 * they all inherit (a source's own value wins, the command line wins over
 * both).  Keys: template, fonts {role: file}, output (directory, relative to
 * the root), name (output file name pattern: {stem} {agency} {year}),
 * formats [txt, md, pdf], date_format ({year} {month} {day}), exclude
 * [glob, …].  NULL with diagnostics when the file is invalid. */
typedef struct gir_project gir_project;
gir_project *gir_project_load(const char *file, const char *text, size_t len, gir_diags *d);
void gir_project_free(gir_project *p);
/* Each setting as written, or NULL. */
const char *gir_project_template(const gir_project *p);
const char *gir_project_font(const gir_project *p, gir_font_role role);
const char *gir_project_output(const gir_project *p);
const char *gir_project_name(const gir_project *p);
const char *gir_project_formats(const gir_project *p);
const char *gir_project_date_format(const gir_project *p);
size_t gir_project_exclude_count(const gir_project *p);
const char *gir_project_exclude(const gir_project *p, size_t i);

typedef struct gir_options {
	int strict;       /* warnings count as errors: gir_report_load returns NULL */
	/* Fonts given on the command line ("path" or "path:index" for a .ttc);
	 * NULL entries fall back to the source's `fonts:`, then to defaults. */
	const char *fonts[GIR_FONT_ROLES];
	/* Inherited from the project (gireport.yaml), NULL when not set: the
	 * template of sources that name none (before choosing by year), fonts
	 * after the source's own (paths as the caller resolved them), and the
	 * signature date format instead of the template's. */
	const char *default_template;
	const char *project_fonts[GIR_FONT_ROLES];
	const char *date_format;
	/* Where a renderer that fails says why (a font that cannot be used, …);
	 * may be NULL.  Not owned. */
	gir_diags *diags;
	/* Fonts the PDF renderer opened, kept for the next report; NULL opens
	 * them afresh each time.  Not owned. */
	struct gir_font_cache *font_cache;
} gir_options;

/* The font files a process has opened for PDFs.  A build of many sources
 * opens each font once instead of once per report (each open maps the file
 * and reads its character map).  Free with gir_font_cache_free, after the
 * last report rendered with it. */
typedef struct gir_font_cache gir_font_cache;
gir_font_cache *gir_font_cache_new(void);
void gir_font_cache_free(gir_font_cache *cache);

/* Loads, binds and validates one source.  `file` names it in diagnostics.
 * Returns a report when no error was found (warnings may have been added),
 * NULL otherwise.  The report keeps a pointer to `r`, which must outlive it. */
gir_report *gir_report_load(const gir_registry *r, const char *file,
                            const char *text, size_t len,
                            const gir_options *opt, gir_diags *diags);
/* Checks this year's report against last year's (carry-over of open requests).
 * Adds diagnostics; returns the number of errors added. */
int gir_report_check_previous(const gir_report *rep, const gir_report *prev,
                              gir_diags *diags);
/* The report year, the agency as written, and the template's id. */
int gir_report_year(const gir_report *rep);
const char *gir_report_agency(const gir_report *rep);
const char *gir_report_template_id(const gir_report *rep);
/* A fingerprint of the template's JSON (and its base's): changes when the
 * template text does, for deciding whether outputs are stale. */
unsigned long long gir_report_template_hash(const gir_report *rep);
/* The font the source's `fonts:` sets for a role ("path" or "path:index"), or NULL. */
const char *gir_report_font(const gir_report *rep, gir_font_role role);
/* The `previous:` path as written in the source, or NULL. */
const char *gir_report_previous_path(const gir_report *rep);
/* Reports a problem with last year's source at the `previous:` line. */
void gir_report_previous_error(const gir_report *rep, gir_diags *d, const char *message);
void gir_report_free(gir_report *rep);

/* ---- renderers -------------------------------------------------------------- */

/* Every renderer appends the whole document to `out` and returns 0. */
int gir_render_text(const gir_report *rep, const gir_options *opt, gir_buf *out);
int gir_render_md(const gir_report *rep, const gir_options *opt, gir_buf *out);
/* PDF (A4, GB/T 9704 layout, fonts embedded as subsets).  Returns 0, or -1
 * with the reason added to opt->diags (a font missing or unusable, libharu
 * failing); `out` may then hold part of a document and must be dropped. */
int gir_render_pdf(const gir_report *rep, const gir_options *opt, gir_buf *out);
/* The font file the PDF would use for a role (command line, source, project,
 * or the Debian default), malloc'd: for deciding whether a PDF is stale. */
char *gir_font_file(const gir_report *rep, const gir_options *opt, gir_font_role role);
/* A dump of the validated model, one value per line, for tests and debugging. */
int gir_render_tree(const gir_report *rep, const gir_options *opt, gir_buf *out);
/* The validated report with its computed totals as JSON for other tools
 * (docs/json.md, version 1): ids as keys, values exact as written. */
int gir_render_json(const gir_report *rep, const gir_options *opt, gir_buf *out);
/* A standalone HTML5 page (docs/html.md): tables with the form's merged
 * cells, captions and header scopes, a print style sheet for A4. */
int gir_render_html(const gir_report *rep, const gir_options *opt, gir_buf *out);

/* ---- import ------------------------------------------------------------------ */

/* Reads an existing report in the national format — plain text as copied
 * from Word or a web page, Markdown with pipe tables, or gireport's own txt
 * or md — and appends a source for it to `out`: the edition is the
 * template of `r` whose table labels the text uses most.  What could not be
 * placed or does not add up is added to `diags`, named `file` and placed at
 * the lines of `text`; the source then marks it with a comment.  Returns 0
 * when a source was written (errors in `diags` mean it needs a hand), -1
 * when the text holds nothing to import (empty, binary, not UTF-8). */
int gir_import(const gir_registry *r, const char *file, const char *text, size_t len,
               gir_buf *out, gir_diags *diags);
/* Whether the bytes are a PDF ("%PDF-" first); gir_import reads one through
 * gir_pdf_text, and its diagnostics name the lines of that text. */
int gir_is_pdf(const char *data, size_t len);
/* The text of a PDF report (read with poppler), laid out as a copy from
 * Word gives it: one paragraph a line, one table row a line with a tab
 * between its cells (docs/import.md, "PDF").  Returns 0, or -1 with an
 * error in `diags` (not a PDF poppler can read, no text in it). */
int gir_pdf_text(const char *file, const char *data, size_t len, gir_buf *out, gir_diags *diags);

#ifdef __cplusplus
}
#endif
#endif
