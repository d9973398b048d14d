/* gireport — a compiler for 政府信息公开工作年度报告 (government information
 * disclosure annual reports).
 *
 * Pipeline: a YAML source is loaded with source positions, bound to a JSON
 * template (the national form as data), validated, and rendered.  The library
 * never prints and never exits; the caller owns every object it creates and
 * releases it with the matching *_free function, all of which accept NULL.
 *
 * Out of memory.  Memory the library allocates itself comes from malloc
 * through gir_xmalloc and its kin below, which never return NULL: when an
 * allocation fails they call the handler set with gir_set_oom_handler (the
 * command line's prints "gireport: out of memory" and exits 2), and abort()
 * when there is none or it returns.  No function returns a half-built
 * object or an error code for want of memory.  Failures the libraries
 * underneath report (libyaml, cJSON, libharu, HarfBuzz) become diagnostics
 * like any other, as they report them.  One exception: a template embedded
 * in the library is built when first looked up (gir_registry_at, _find,
 * _for_year), and one that then fails to build — a defect of the build,
 * which its unit tests would have caught, or cJSON out of memory — ends the
 * process with abort(), there being no diagnostics to add it to. */
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
/* The buffer's text, now the caller's to free (an empty string for an empty
 * buffer); the buffer is left empty. */
char *gir_buf_detach(gir_buf *b);
/* Appends s with every invisible character as <U+001B> and every byte of
 * invalid UTF-8 as <0xFF>: the form in which file names, keys and values
 * reach a terminal, and invalid UTF-8 reaches JSON. */
void gir_put_visible(gir_buf *out, const char *s);

/* ---- memory (see "Out of memory" above) ------------------------------------ */

/* Called with the size that could not be allocated; may exit or longjmp. */
typedef void gir_oom_handler(size_t size);
void gir_set_oom_handler(gir_oom_handler *handler);
void *gir_xmalloc(size_t n);
void *gir_xcalloc(size_t n, size_t size);
void *gir_xrealloc(void *p, size_t n);
char *gir_xstrdup(const char *s);
char *gir_xstrndup(const char *s, size_t n);
char *gir_xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* A growable array of pointers; gir_ptrvec_free frees the array, not the items. */
typedef struct gir_ptrvec {
	void **items;
	size_t len, cap;
} gir_ptrvec;
void gir_ptrvec_push(gir_ptrvec *v, void *p);
void gir_ptrvec_free(gir_ptrvec *v);

#define GIR_ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

/* ---- files -------------------------------------------------------------------- */

/* The whole of a write or read, through EINTR and short counts; -1 on an
 * error or an early end of file. */
int gir_write_full(int fd, const void *data, size_t len);
int gir_read_full(int fd, void *data, size_t len);
/* Reads the whole of a file into *text (malloc'd, NUL-terminated).  Returns
 * 0, or -1 with errno: EFBIG for a file larger than GIR_MAX_SOURCE, EISDIR
 * for a directory. */
int gir_read_source(const char *path, char **text, size_t *len);
/* Opens a file for reading only if it is a regular file (after symlinks):
 * a FIFO, a terminal or a device named by a source, a project file or a
 * template directory would block or never end.  The open does not wait
 * (O_NONBLOCK) and the type is checked again on the open file.  Returns the
 * descriptor (blocking again), or -1 with errno; EINVAL stands for "not a
 * regular file", which gir_file_strerror says in words. */
int gir_open_regular(const char *path);
/* strerror for a failed read or write of a named file, with "not a regular
 * file" for EINVAL (gir_open_regular, gir_read_source, gir_write_temp). */
const char *gir_file_strerror(int err);
/* strerror in the language of LC_MESSAGES for the common reasons (the
 * others in English), and in UTF-8 whatever LC_CTYPE is. */
const char *gir_strerror(int err);
/* A path written in the source `file` (previous:, fonts:): relative to that
 * file's directory unless absolute (or `file` has no directory).  malloc'd. */
char *gir_path_beside(const char *file, const char *path);

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
	const char *message; /* in the language of LC_MESSAGES (gettext), as the hint */
	const char *hint;    /* extra line ("write 12 instead"), or NULL */
	const char *id;      /* the message's stable id (docs/messages.md), any language */
} gir_diag;

gir_diags *gir_diags_new(void);
void gir_diags_free(gir_diags *d);
size_t gir_diags_count(const gir_diags *d);
const gir_diag *gir_diags_at(const gir_diags *d, size_t i);
/* Number of diagnostics of the given severity. */
size_t gir_diags_count_severity(const gir_diags *d, gir_severity s);
/* One entry of the message catalogue (docs/messages.md), written where the
 * message is given: GIR_MSG(ERROR, total_mismatch, "the total is …") gives
 * the severity, the stable id and the English text, which xgettext collects
 * (--keyword=GIR_MSG:3) and the diagnostics translate through gettext. */
#define GIR_MSG(severity, id, text) GIR_##severity, #id, text

/* Add a diagnostic not tied to a source position (e.g. a file that cannot be
 * read); `s, id, fmt` are a GIR_MSG. */
void gir_diags_add(gir_diags *d, const char *file, gir_severity s, const char *id,
                   const char *fmt, ...) __attribute__((format(printf, 5, 6)));

/* Makes the warnings from index `from` on errors (--strict), with a hint
 * saying so. */
void gir_diags_promote_warnings(gir_diags *d, size_t from);
/* GCC-style text: "file:line:col: error: label: message [path]", then the
 * source line and a caret under the column when `source` is given. */
void gir_diags_format_text(const gir_diags *d, const char *source, size_t len,
                           gir_buf *out);
/* One JSON object per line: file, line, column, severity, id, path, label,
 * message, hint. */
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
 * [glob, …], subheadings (run-in or separate).  NULL with diagnostics when the file is invalid. */
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
const char *gir_project_profile(const gir_project *p);
const char *gir_project_subheadings(const gir_project *p);
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
	/* The kind of agency (a profile of the template, docs/format.md "Not
	 * applicable") for sources that name none, or NULL. */
	const char *profile;
	/* How subheadings print unless a source says: "run-in" or "separate". */
	const char *subheadings;
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

/* A source larger than this is refused (gir_report_load, gireport check):
 * a report is a few KB, and the limit bounds the time and memory a hostile
 * input may cost. */
#define GIR_MAX_SOURCE (16u << 20)

/* Loads, binds and validates one source.  `file` names it in diagnostics.
 * Returns a report when no error was found (warnings may have been added),
 * NULL otherwise (also for a text longer than GIR_MAX_SOURCE).  The report
 * keeps a pointer to `r`, which must outlive it. */
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
void gir_report_previous_error(const gir_report *rep, gir_diags *d, const char *id,
                               const char *message);
/* Last year's source of a report loaded from `file`: the `previous:` path
 * (relative to `file`), else, in a tree laid out as agency/YEAR.yaml, the
 * sibling agency/(YEAR-1).yaml when it exists.  malloc'd; NULL for none. */
char *gir_report_previous_file(const gir_report *rep, const char *file);
/* The carry-over check against last year's source (gir_report_previous_file):
 * reads and loads it with `opt` (strict off) and compares; a source that
 * cannot be read or has errors is reported at the `previous:` line, or on
 * `file` for a sibling found by name.  With opt->strict, the warnings it
 * adds become errors.  Does nothing when there is no last year's source.
 * Returns the number of errors added. */
int gir_report_check_previous_file(const gir_report *rep, const gir_registry *r,
                                   const char *file, const gir_options *opt, gir_diags *d);
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
/* A Word document (docs/docx.md): GB/T 9704 page and grid, named paragraph
 * styles, tables with the form's merged cells and the PDF's column widths,
 * the same bytes for the same source.  Measures the tables with the PDF's
 * fonts: returns -1 with the reason in opt->diags as gir_render_pdf does,
 * or when the template names no DOCX styles and fonts. */
int gir_render_docx(const gir_report *rep, const gir_options *opt, gir_buf *out);
/* OFD, GB/T 33190-2016 (docs/ofd.md): the PDF's pages, line breaks and table
 * rules from the PDF's own layout, text with each glyph's advance, the fonts
 * as subsets, an outline of the sections; the same bytes for the same source.
 * Returns 0, or -1 with the reason in opt->diags as gir_render_pdf does. */
int gir_render_ofd(const gir_report *rep, const gir_options *opt, gir_buf *out);

/* ---- many reports: summary and year-to-year diff ------------------------------ */

/* A summary of many reports: one row per source with its key figures (the
 * template's "summary" list), a 合计 row, and the sources that failed their
 * checks — what a city's 政务公开办 compiles from its bureaus' reports. */
typedef struct gir_summary gir_summary;

/* The table's words (机关, 年度, …, 合计) are the "summary_words" of the first
 * template of `reg` that has them. */
gir_summary *gir_summary_new(const gir_registry *reg);
void gir_summary_free(gir_summary *s);
/* A source that passed its checks: its values are copied, rep may go (its
 * registry must outlive s: labels and ids are the template's). */
void gir_summary_add(gir_summary *s, const char *file, const gir_report *rep);
/* A source with `errors` errors (0 with `unreadable` set: it could not be
 * read).  Its agency, year and template are read from the text when it is
 * YAML enough to hold them (no `template:`: the project's default_template,
 * or the edition of its year); its figures stay empty. */
void gir_summary_add_failed(gir_summary *s, const gir_registry *reg, const char *file,
                            const char *text, size_t len, size_t errors, int unreadable,
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
void gir_summary_csv(gir_summary *s, int bom, gir_buf *out);
void gir_summary_md(gir_summary *s, gir_buf *out);
void gir_summary_json(gir_summary *s, gir_buf *out);

/* What changed between two reports (usually one agency's two years): every
 * number that differs, by id path, side by side; then the narrative
 * paragraphs removed and added. */
typedef enum gir_diff_format { GIR_DIFF_TEXT, GIR_DIFF_MD, GIR_DIFF_HTML } gir_diff_format;

/* Appends the comparison of report a (file afile) with report b (HTML: a
 * fragment of polyglot markup, for `gireport site`'s agency pages).  Tables
 * follow b's template, then the cells only a's has; a path one edition
 * lacks shows "—".  Returns the number of differences found. */
size_t gir_diff(const gir_report *a, const char *afile, const gir_report *b, const char *bfile,
                gir_diff_format fmt, gir_buf *out);

/* ---- a city's static site ----------------------------------------------------- */

/* The pages of `gireport site` (docs/site.md): index.html (agencies × years,
 * each report's status and files), summary.html (the key figures per year
 * with totals), charts.html (inline SVG bar charts with their data tables),
 * agencies/KEY.html (an agency's years side by side and the diff between
 * them), reports/KEY/YEAR.html (each report's own page) and site.css.  The
 * words and the charts are the templates' "site" object. */
typedef struct gir_site gir_site;
/* Files built beside a report's page, which the index links to. */
enum { GIR_SITE_PDF = 1, GIR_SITE_DOCX = 2, GIR_SITE_OFD = 4 };
gir_site *gir_site_new(const gir_registry *reg);
void gir_site_free(gir_site *s);
/* One source: `key` names its agency (the same in every year: its
 * directory), `rep` is taken over (NULL when the source has errors), `d`
 * holds its diagnostics (counted, and the first one shown), `downloads`
 * the GIR_SITE_* files present at gir_site_report_path(key, year, ext). */
void gir_site_add(gir_site *s, const char *key, const char *file, int year, gir_report *rep,
                  const gir_diags *d, unsigned downloads);
/* Whether a source of this agency and year was added (a second one would
 * hide the first: the caller reports it). */
int gir_site_has(const gir_site *s, const char *key, int year);
/* Where a report's file goes in the site: "reports/KEY/YEAR.EXT" (the key
 * made safe for a file name and a URL).  malloc'd. */
char *gir_site_report_path(const char *key, int year, const char *ext);
/* Receives each file of the site: a path relative to the site's root and
 * its bytes.  Returns 0, or -1 to report a failure (the writing goes on). */
typedef int (*gir_site_write_fn)(void *ctx, const char *path, const char *data, size_t len);
/* Makes every file of the site, in a fixed order, and hands it to fn.
 * Returns 0, or -1 when fn failed or the templates' "site" object is
 * malformed (then with diagnostics in d). */
int gir_site_write(gir_site *s, const gir_options *opt, gir_site_write_fn fn, void *ctx,
                   gir_diags *d);

/* ---- import ------------------------------------------------------------------ */

/* Reads an existing report in the national format — plain text as copied
 * from Word or a web page, Markdown with pipe tables, gireport's own txt
 * or md, a saved web page (HTML, any charset) or a Word file (.docx), told
 * apart by their content — and appends a source for it to `out`: the edition is the
 * template of `r` whose table labels the text uses most.  What could not be
 * placed or does not add up is added to `diags`, named `file` and placed at
 * the lines of `text`; the source then marks it with a comment.  Returns 0
 * when a source was written (errors in `diags` mean it needs a hand), -1
 * when the text holds nothing to import (empty, binary, not UTF-8). */
int gir_import(const gir_registry *r, const char *file, const char *text, size_t len,
               gir_buf *out, gir_diags *diags);
/* Non-zero when the places in gir_import's diagnostics are lines of `text` itself
 * (a text, or a web page in UTF-8), so that a caller may quote those lines:
 * not for a .docx, whose places are paragraph numbers, nor a page in GBK. */
int gir_import_quotable(const char *file, const char *text, size_t len);

/* What the person importing knows better than the text: each, when set,
 * is taken instead of what the import would detect (gireport import
 * --agency, --year, --template). */
typedef struct gir_import_options {
	const char *agency;       /* NULL: from the title or the signature */
	int year;                 /* 0: from the title or the date */
	const char *template_id;  /* NULL: the edition whose labels the tables use most */
} gir_import_options;

/* gir_import with options (NULL: none).  A template_id the registry does
 * not have is an error in `diags`, and -1. */
int gir_import_with(const gir_registry *r, const gir_import_options *o, const char *file,
                    const char *text, size_t len, gir_buf *out, gir_diags *diags);
/* The value of a top-level "key: value" line of a source gir_import wrote
 * (agency, year, template), when it is plain (not quoted); NULL otherwise.
 * malloc'd. */
char *gir_import_head_value(const char *src, const char *key);

/* ---- audit of published reports ------------------------------------------ */

/* The arithmetic errors of published reports (`gireport audit`): each report
 * added is imported as gir_import reads it, and what the check of the
 * imported source finds against the form's rules — a total that is not the
 * sum of its parts, 一 + 二 ≠ 三（七）总计 + 四 — is a finding, with the cell,
 * the value printed and the value its other cells give.  The registry must
 * outlive the audit. */
typedef struct gir_audit gir_audit;
gir_audit *gir_audit_new(const gir_registry *reg);
/* Adds one report (the bytes of `file`).  Returns 0, with *unread (if not
 * NULL) the number of its errors that are not arithmetic (a part not read:
 * 待填); or -1 when it could not be imported, the reasons in d. */
int gir_audit_add(gir_audit *a, const char *file, const char *text, size_t len, gir_diags *d,
                  size_t *unread);
/* After the last report: compares each with the same agency's report of the
 * year before, when one was added (二、上年结转 against 四、结转下年度). */
void gir_audit_finish(gir_audit *a);
size_t gir_audit_count(const gir_audit *a);
/* The findings as "csv", "md" or "json" appended to out; -1 for another
 * format. */
int gir_audit_write(const gir_audit *a, const char *fmt, gir_buf *out);
void gir_audit_free(gir_audit *a);

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
