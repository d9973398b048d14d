/* The commands of the gireport tool; main.c only parses arguments. */
#ifndef GIR_COMMANDS_H
#define GIR_COMMANDS_H

#include <stddef.h>

#include "gireport.h"

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
} gir_cli;

int gir_cmd_build(const gir_cli *cli);
int gir_cmd_check(const gir_cli *cli);
int gir_cmd_templates(const gir_cli *cli);

#endif
