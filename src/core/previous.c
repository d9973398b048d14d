/* Last year's source of a report, found and checked: the carry-over check
 * (结转) for any program using the library, not only the command line.
 *
 * Last year is what `previous:` names, relative to the source; a tree laid
 * out as agency/YEAR.yaml needs no `previous:`, the sibling agency/(YEAR-1)
 * .yaml is used when it exists. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "i18n.h"
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

char *gir_report_previous_file(const gir_report *rep, const char *file)
{
	const char *prev = gir_report_previous_path(rep);
	return prev ? gir_path_beside(file, prev) : sibling_previous(file, gir_report_year(rep));
}

int gir_report_check_previous_file(const gir_report *rep, const gir_registry *r,
                                   const char *file, const gir_options *opt, gir_diags *d)
{
	char *path = gir_report_previous_file(rep, file);
	if (!path)
		return 0;
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
