/* Last year's source of a report, found and checked: the carry-over check
 * (结转) for any program using the library, not only the command line.
 *
 * Last year is what `previous:` names, relative to the source; a tree laid
 * out as agency/YEAR.yaml needs no `previous:`, the sibling agency/(YEAR-1)
 * .yaml is used when it exists. */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "i18n.h"
#include "model.h"
#include "util.h"

/* agency/(YEAR-1).yaml beside agency/YEAR.yaml (or .yml); NULL when `file`
 * is not named after its year or the sibling is absent. */
static char *sibling_previous(const char *file, int year)
{
	const char *base = strrchr(file, '/');
	base = base ? base + 1 : file;
	char want[16];
	snprintf(want, sizeof want, "%d.", year);
	if (strncmp(base, want, strlen(want)) != 0 ||
	    (strcmp(base + strlen(want), "yaml") != 0 && strcmp(base + strlen(want), "yml") != 0))
		return NULL;
	char *path = gir_xasprintf("%.*s%d.%s", (int)(base - file), file, year - 1, base + strlen(want));
	if (access(path, R_OK) != 0) {
		free(path);
		return NULL;
	}
	return path;
}

/* The year of a source named YEAR.yaml or YEAR.yml, else 0. */
static int year_of_name(const char *base)
{
	int y = 0, n = 0;
	if (sscanf(base, "%4d.%n", &y, &n) != 1 || n != 5 || y < 1000)
		return 0;
	return strcmp(base + n, "yaml") == 0 || strcmp(base + n, "yml") == 0 ? y : 0;
}

/* When a source named YEAR.yaml has no (YEAR-1).yaml beside it but an
 * earlier year's source is there (2022.yaml, 2024.yaml), last year's is
 * expected and missing: the earliest such year, else 0.  The first year of
 * a series, and sources named otherwise, expect none. */
static int series_gap(const char *file, int year)
{
	const char *slash = strrchr(file, '/');
	if (year_of_name(slash ? slash + 1 : file) != year)
		return 0;
	char *dir = slash ? gir_xasprintf("%.*s", (int)(slash - file + 1), file) : gir_xstrdup(".");
	DIR *dp = opendir(dir);
	int earliest = 0;
	for (struct dirent *e; dp && (e = readdir(dp));) {
		int y = year_of_name(e->d_name);
		if (y && y < year - 1 && (!earliest || y < earliest))
			earliest = y;
	}
	if (dp)
		closedir(dp);
	free(dir);
	return earliest;
}

/* The carry-over check that could not be made: a note at the carry-over
 * row (the template's check on last year), never an error — a source may
 * be checked on its own.  No note for a template without such a check. */
static void note_not_checked(const gir_report *rep, const char *file, int earlier, gir_diags *d)
{
	const gir_check *k = NULL;
	for (size_t i = 0; i < rep->tpl->nchecks && !k; i++)
		if (rep->tpl->checks[i]->previous && rep->tpl->checks[i]->nleft)
			k = rep->tpl->checks[i];
	if (!k)
		return;
	char *row = gir_axis_label_chain(k->left[0], rep->year), *rp = gir_axis_path(k->left[0]);
	char *label = gir_join_labels(k->section->heading, row, (char *)NULL);
	char *path = gir_xasprintf("%s.%s", k->section->id, rp);
	char *hint = gir_xasprintf(_("put last year's source beside it as %d.yaml, or name it with "
	                             "previous: PATH"), rep->year - 1);
	gir_diag_note_alone(d, file, (gir_pos){0, 0}, label, path, hint,
	                    GIR_MSG(NOTE, carry_over_not_checked,
	                        "not checked against last year: there is no %d.yaml beside this source, "
	                        "while there is a %d.yaml"),
	                    rep->year - 1, earlier);
	free(hint);
	free(row), free(rp), free(label), free(path);
}

char *gir_report_previous_file(const gir_report *rep, const char *file)
{
	const char *prev = gir_report_previous_path(rep);
	return prev ? gir_path_beside(file, prev) : sibling_previous(file, gir_report_year(rep));
}

int gir_report_check_previous_file(const gir_report *rep, const gir_registry *r,
                                   const char *file, const gir_options *opt, gir_diags *d)
{
	char *path = gir_report_previous_file(rep, file);
	if (!path) {
		int earlier = gir_report_previous_path(rep) ? 0 : series_gap(file, rep->year);
		if (earlier)
			note_not_checked(rep, file, earlier, d);
		return 0;
	}
	size_t errors = gir_diags_count_severity(d, GIR_ERROR), first = gir_diags_count(d);
	int named = gir_report_previous_path(rep) != NULL;
	char *text = NULL;
	size_t len = 0;
	if (gir_read_source(path, &text, &len) != 0) {
		char *msg = gir_xasprintf(_("cannot read last year's source %s: %s"), path,
		                          gir_file_strerror(errno));
		gir_report_previous_error(rep, d, "previous_unreadable", msg);
		free(msg);
		free(path);
		return (int)(gir_diags_count_severity(d, GIR_ERROR) - errors);
	}
	/* Last year's own problems are its own: only whether it loads counts. */
	gir_diags *pd = gir_diags_new();
	gir_options popt = {0};
	if (opt)
		popt = *opt;
	popt.strict = 0;
	gir_report *p = gir_report_load(r, path, text, len, &popt, pd);
	if (!p) {
		char *msg = gir_xasprintf(_("last year's source %s has errors; check it first"), path);
		if (named)
			gir_report_previous_error(rep, d, "previous_has_errors", msg);
		else
			gir_diags_add(d, file, GIR_ERROR, "previous_has_errors", "%s", msg);
		free(msg);
	} else {
		gir_report_check_previous(rep, p, d);
	}
	if (opt && opt->strict)
		gir_diags_promote_warnings(d, first);
	gir_report_free(p);
	gir_diags_free(pd);
	free(text);
	free(path);
	return (int)(gir_diags_count_severity(d, GIR_ERROR) - errors);
}
