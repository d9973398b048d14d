/* Finding the sources of a project: the command-line arguments expanded
 * (directories walked), the project file found, and settings resolved. */
#ifndef GIR_SOURCES_H
#define GIR_SOURCES_H

#include "gireport.h"

#define GIR_PROJECT_FILE "gireport.yaml"

typedef struct gir_workspace {
	char *root;             /* directory holding gireport.yaml, or NULL */
	char *project_path;     /* root/gireport.yaml, or NULL */
	gir_project *project;   /* NULL when there is no project file */
	gir_ptrvec sources;     /* char *: every source, in a stable order */
} gir_workspace;

/* Expands FILE and DIR arguments (none: the project around the current
 * directory) into sources, and loads the project file found at or above
 * the first argument.  Directories are walked in name order for *.yaml and
 * *.yml, skipping hidden directories, gireport.yaml itself, the project's
 * output directory and its `exclude` patterns.  Returns 0, or -1 after
 * printing what went wrong (exit status 2, or 1 for an invalid project). */
struct gir_cli;
int gir_workspace_open(gir_workspace *w, char **args, size_t nargs, const struct gir_cli *cli,
                       int *status);
void gir_workspace_close(gir_workspace *w);
/* A project setting's path (fonts:, output:) as seen from the current
 * directory: relative paths are relative to the project root. */
char *gir_workspace_path(const gir_workspace *w, const char *path);

#endif
