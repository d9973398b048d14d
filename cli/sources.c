/* The workspace: which files are sources, and the project around them. */
#include <dirent.h>
#include <errno.h>
#include <fnmatch.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "commands.h"
#include "fileio.h"
#include "sources.h"

static bool is_dir(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* A directory met while walking; a symbolic link to one is not followed
 * (one link to ".." would list the tree again and again). */
static bool is_real_dir(const char *path)
{
	struct stat st;
	return lstat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static char *parent_of(const char *path)
{
	const char *slash = strrchr(path, '/');
	if (!slash)
		return gir_xstrdup(".");
	if (slash == path)
		return gir_xstrdup("/");
	return gir_xstrndup(path, (size_t)(slash - path));
}

/* The nearest directory at or above `start` holding gireport.yaml. */
static char *find_root(const char *start)
{
	char *dir = is_dir(start) ? gir_xstrdup(start) : parent_of(start);
	char *abs = realpath(dir, NULL);
	free(dir);
	for (char *d = abs; d;) {
		char *candidate = gir_xasprintf("%s/%s", d, GIR_PROJECT_FILE);
		bool found = access(candidate, R_OK) == 0;
		free(candidate);
		if (found)
			return d;
		if (strcmp(d, "/") == 0) {
			free(d);
			return NULL;
		}
		char *up = parent_of(d);
		free(d);
		d = up;
	}
	return NULL;
}

/* Path of `path` relative to the root (both may be relative to the cwd). */
static const char *relative_to_root(const gir_workspace *w, const char *abs)
{
	size_t n = strlen(w->root);
	if (strncmp(abs, w->root, n) == 0 && abs[n] == '/')
		return abs + n + 1;
	return abs;
}

static bool excluded(const gir_workspace *w, const char *path, bool dir)
{
	if (!w->project)
		return false;
	char *abs = realpath(path, NULL);
	if (!abs)
		return false;
	const char *rel = relative_to_root(w, abs);
	bool skip = false;
	const char *out = gir_project_output(w->project);
	if (dir && out) {
		size_t n = strlen(out);
		while (n > 0 && out[n - 1] == '/')
			n--;
		skip = strncmp(rel, out, n) == 0 && (rel[n] == '\0' || rel[n] == '/');
	}
	for (size_t i = 0; !skip && i < gir_project_exclude_count(w->project); i++)
		skip = fnmatch(gir_project_exclude(w->project, i), rel, FNM_PATHNAME) == 0 ||
		       fnmatch(gir_project_exclude(w->project, i), rel, 0) == 0;
	free(abs);
	return skip;
}

static bool is_source_name(const char *name)
{
	size_t n = strlen(name);
	if (strcmp(name, GIR_PROJECT_FILE) == 0)
		return false;
	return (n > 5 && strcmp(name + n - 5, ".yaml") == 0) || (n > 4 && strcmp(name + n - 4, ".yml") == 0);
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* A path on stderr as diagnostics show file names (<U+001B>, <0xFF>). */
static void put_path(const char *path)
{
	gir_buf b = {0};
	gir_put_visible(&b, path);
	fputs(b.ptr ? b.ptr : "", stderr);
	gir_buf_free(&b);
}

/* Walks a directory in name order, so every run lists sources alike. */
static int walk(gir_workspace *w, const char *dir, int depth)
{
	DIR *dh = opendir(dir);
	if (!dh) {
		int saved = errno;
		put_path(dir);
		fprintf(stderr, _(": error: cannot read the directory: %s\n"), gir_strerror(saved));
		return -1;
	}
	gir_ptrvec names = {0};
	struct dirent *e;
	while ((e = readdir(dh)) != NULL)
		if (e->d_name[0] != '.')
			gir_ptrvec_push(&names, gir_xstrdup(e->d_name));
	closedir(dh);
	if (names.len)
		qsort(names.items, names.len, sizeof(void *), by_name);
	int rc = 0;
	for (size_t i = 0; i < names.len; i++) {
		char *path = strcmp(dir, ".") == 0 ? gir_xstrdup(names.items[i])
		                                   : gir_xasprintf("%s/%s", dir, (char *)names.items[i]);
		bool d = is_real_dir(path);
		if (d && depth >= 32) {
			put_path(path);
			fputs(_(": warning: deeper than 32 directories; not searched\n"), stderr);
		} else if (d && !excluded(w, path, true))
			rc |= walk(w, path, depth + 1);
		if (!d && is_source_name(names.items[i]) && !excluded(w, path, false)) {
			gir_ptrvec_push(&w->sources, path);
			path = NULL;
		}
		free(path);
		free(names.items[i]);
	}
	gir_ptrvec_free(&names);
	return rc;
}

static int load_project(gir_workspace *w, const gir_cli *cli, int *status)
{
	w->project_path = gir_xasprintf("%s/%s", w->root, GIR_PROJECT_FILE);
	char *text = NULL;
	size_t len = 0;
	gir_diags *d = gir_diags_new();
	if (gir_read_file(w->project_path, &text, &len) != GIR_READ_OK) {
		gir_diags_add(d, w->project_path,
		              GIR_MSG(ERROR, file_unreadable, "cannot read: %s"),
		              gir_file_strerror(errno));
		gir_print_diags(cli, d, NULL, 0);
		gir_diags_free(d);
		*status = GIR_EXIT_FAILURE;
		return -1;
	}
	w->project = gir_project_load(w->project_path, text, len, d);
	gir_print_diags(cli, d, text, len); /* in the chosen format, as a source's */
	gir_diags_free(d);
	free(text);
	if (!w->project) {
		*status = GIR_EXIT_INVALID;
		return -1;
	}
	return 0;
}

int gir_workspace_open(gir_workspace *w, char **args, size_t nargs, const gir_cli *cli,
                       int *status)
{
	*w = (gir_workspace){0};
	*status = GIR_EXIT_OK;
	const char *start = nargs ? args[0] : ".";
	if (strcmp(start, "-") != 0)
		w->root = find_root(start);
	if (!nargs && !w->root) {
		fputs(_("gireport: no source given, and no gireport.yaml here or above\n"), stderr);
		*status = GIR_EXIT_FAILURE;
		return -1;
	}
	if (w->root && load_project(w, cli, status) != 0)
		return -1;
	if (!nargs) {
		/* From the root itself, name sources relative to it ("tongji/2020.yaml"). */
		char *cwd = realpath(".", NULL);
		bool here = cwd && strcmp(cwd, w->root) == 0;
		free(cwd);
		return walk(w, here ? "." : w->root, 0) ? (*status = GIR_EXIT_FAILURE, -1) : 0;
	}
	for (size_t i = 0, stdin_seen = 0; i < nargs; i++) {
		if (strcmp(args[i], "-") == 0 && stdin_seen++) { /* `diff - -`: there is one stdin */
			fputs(_("gireport: standard input (-) can be given only once\n"), stderr);
			*status = GIR_EXIT_FAILURE;
			return -1;
		}
		if (strcmp(args[i], "-") != 0 && is_dir(args[i])) {
			if (walk(w, args[i], 0) != 0) {
				*status = GIR_EXIT_FAILURE;
				return -1;
			}
		} else {
			gir_ptrvec_push(&w->sources, gir_xstrdup(args[i]));
		}
	}
	return 0;
}

void gir_workspace_close(gir_workspace *w)
{
	for (size_t i = 0; i < w->sources.len; i++)
		free(w->sources.items[i]);
	gir_ptrvec_free(&w->sources);
	gir_project_free(w->project);
	free(w->root);
	free(w->project_path);
}

char *gir_workspace_path(const gir_workspace *w, const char *path)
{
	if (!path)
		return NULL;
	if (path[0] == '/' || !w->root)
		return gir_xstrdup(path);
	return gir_xasprintf("%s/%s", w->root, path);
}
