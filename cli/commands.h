/* The commands of the gireport tool; main.c only parses arguments. */
#ifndef GIR_COMMANDS_H
#define GIR_COMMANDS_H

#include <stdbool.h>
#include <stddef.h>

#include <libintl.h>

#include "gireport.h"
#include "jobs.h"
#include "sources.h"

/* Exit statuses. */
enum { GIR_EXIT_OK = 0, GIR_EXIT_INVALID = 1, GIR_EXIT_FAILURE = 2 };

typedef struct gir_cli {
	char **files;
	size_t nfiles;
	const char *formats;      /* "txt,md" */
	const char *outdir;       /* NULL: next to each source */
	int strict;
	int json_diagnostics;
	int to_stdout;            /* write the single format to standard output */
	const char **template_dirs;
	size_t ntemplate_dirs;
	const char *fonts[GIR_FONT_ROLES]; /* --font ROLE=PATH[:INDEX], NULL when not given */
	int jobs;                 /* -j N; 0: one per processor */
	int force;                /* --force: rebuild outputs that are up to date */
	int quiet;                /* -q: no progress line, no summary line */
	int bom;
	const char *new_template; /* gireport new --template T */
	int new_year;             /* --year Y */
	const char *new_schema;   /* --schema URL for new's first line; "" for none */
	const char *new_agency;   /* --agency NAME */                  /* --bom: summary CSV starts with a UTF-8 byte-order mark */
} gir_cli;

/* Calls fn for every template directory in effect: GIREPORT_TEMPLATE_PATH's,
 * then --templates'. */
void gir_template_dirs(const gir_cli *cli, void (*fn)(const char *dir, void *ctx), void *ctx);
/* The embedded templates and those of every template directory; NULL after
 * printing the problems of a broken one. */
gir_registry *gir_load_registry(const gir_cli *cli);
/* Prints diagnostics not tied to one job (templates, the project file) in
 * the chosen format: text on stderr, JSON on stdout (stderr with --stdout). */
void gir_print_diags(const gir_cli *cli, const gir_diags *d, const char *src, size_t len);

/* What every command that reads sources shares. */
typedef struct gir_session {
	const gir_cli *cli;
	gir_registry *reg;
	gir_workspace ws;          /* the sources and the project */
	gir_options opt;           /* from the project, then the command line */
	char *project_fonts[GIR_FONT_ROLES]; /* the project's font paths, resolved */
	bool skip_carry_over;      /* diff: the files as they are, not against last year */
} gir_session;

/* Loads the templates, expands the arguments into sources and reads the
 * project file.  On failure prints why, sets *status and returns -1. */
int gir_session_open(gir_session *s, const gir_cli *cli, int *status);
void gir_session_close(gir_session *s);
/* Reads and validates one source, checks the carry-over from last year's
 * (previous: or the sibling YEAR-1.yaml), and puts the diagnostics into r.
 * Returns the report, or NULL with r->status set. */
gir_report *gir_session_load(const gir_session *s, const char *file, gir_job_result *r);
/* Prints diagnostics into r: text for stderr, or JSON (stdout unless --stdout). */
void gir_session_diags(const gir_session *s, const gir_diags *d, const char *src, size_t len,
                       gir_job_result *r);
/* Worker processes for -j. */
int gir_session_workers(const gir_session *s);

int gir_cmd_build(const gir_cli *cli);
/* Where `gireport build` (without -o) puts a source's outputs, without the
 * extension: the project's output tree, else beside the source.  malloc'd;
 * NULL for a source outside the project when it has an output tree. */
char *gir_build_output_stem(const gir_session *s, const char *file, const gir_report *rep);
int gir_cmd_site(const gir_cli *cli);      /* cmd_site.c */
int gir_cmd_check(const gir_cli *cli);
int gir_cmd_templates(const gir_cli *cli);
int gir_cmd_new(const gir_cli *cli);       /* cmd_new.c */
int gir_cmd_summary(const gir_cli *cli);   /* cmd_summary.c */
int gir_cmd_diff(const gir_cli *cli);      /* cmd_diff.c */
int gir_cmd_schema(const gir_cli *cli);    /* cmd_schema.c */
int gir_cmd_import(const gir_cli *cli);    /* cmd_import.c */
int gir_cmd_audit(const gir_cli *cli);     /* cmd_audit.c */
/* The template `new` and `schema` use: `id`, else --template, else the
 * edition of --year (default: last year, whose report is being written);
 * *year is set to that year.  NULL after printing why. */
const gir_template *gir_cli_template(const gir_cli *cli, const gir_registry *reg, const char *id,
                                     int *year);

/* The command line's own text, in the "gireport" domain main() binds
 * (docs/messages.md, "Translations"). */
#define _(s) gettext(s)
#define N_(s) s

#endif
