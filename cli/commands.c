/* What build, check and the other commands share: the session (templates,
 * the project, options), reading and validating one source with its
 * diagnostics collected for printing in one piece, and check itself. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "commands.h"
#include "fileio.h"
#include "gireport.h"

void gir_template_dirs(const gir_cli *cli, void (*fn)(const char *dir, void *ctx), void *ctx)
{
	const char *env = getenv("GIREPORT_TEMPLATE_PATH");
	if (env && *env) {
		char *copy = gir_xstrdup(env), *save = NULL;
		for (char *dir = strtok_r(copy, ":", &save); dir; dir = strtok_r(NULL, ":", &save))
			fn(dir, ctx);
		free(copy);
	}
	for (size_t i = 0; i < cli->ntemplate_dirs; i++)
		fn(cli->template_dirs[i], ctx);
}

typedef struct adding {
	gir_registry *r;
	gir_diags *d;
} adding;

static void add_dir(const char *dir, void *ctx)
{
	adding *a = ctx;
	gir_registry_add_dir(a->r, dir, a->d);
}

void gir_print_diags(const gir_cli *cli, const gir_diags *d, const char *src, size_t len)
{
	if (!gir_diags_count(d))
		return;
	gir_buf out = {0};
	if (cli->json_diagnostics)
		gir_diags_format_json(d, &out);
	else
		gir_diags_format_text(d, src, len, &out);
	fputs(out.ptr ? out.ptr : "", cli->json_diagnostics && !cli->to_stdout ? stdout : stderr);
	gir_buf_free(&out);
}

gir_registry *gir_load_registry(const gir_cli *cli)
{
	gir_diags *d = gir_diags_new();
	gir_registry *r = gir_registry_new(d);
	gir_template_dirs(cli, add_dir, &(adding){r, d});
	int failed = gir_diags_count_severity(d, GIR_ERROR) > 0;
	gir_print_diags(cli, d, NULL, 0);
	gir_diags_free(d);
	if (failed) {
		gir_registry_free(r);
		return NULL;
	}
	return r;
}

int gir_session_open(gir_session *s, const gir_cli *cli, int *status)
{
	*s = (gir_session){.cli = cli};
	*status = GIR_EXIT_FAILURE;
	s->reg = gir_load_registry(cli);
	if (!s->reg)
		return -1;
	if (gir_workspace_open(&s->ws, cli->files, cli->nfiles, cli, status) != 0) {
		gir_workspace_close(&s->ws); /* the root and project path found before the failure */
		gir_registry_free(s->reg);
		return -1;
	}
	s->opt.strict = cli->strict;
	memcpy(s->opt.fonts, cli->fonts, sizeof s->opt.fonts);
	const gir_project *p = s->ws.project;
	if (p) {
		s->opt.default_template = gir_project_template(p);
		s->opt.date_format = gir_project_date_format(p);
		s->opt.profile = gir_project_profile(p);
		s->opt.subheadings = gir_project_subheadings(p);
		for (int r = 0; r < GIR_FONT_ROLES; r++)
			s->opt.project_fonts[r] = s->project_fonts[r] =
			    gir_workspace_path(&s->ws, gir_project_font(p, (gir_font_role)r));
	}
	*status = GIR_EXIT_OK;
	return 0;
}

void gir_session_close(gir_session *s)
{
	for (int r = 0; r < GIR_FONT_ROLES; r++)
		free(s->project_fonts[r]);
	gir_workspace_close(&s->ws);
	gir_registry_free(s->reg);
}

/* Text diagnostics go to stderr; JSON ones to stdout for editors and CI,
 * unless the report itself is being written there. */
void gir_session_diags(const gir_session *s, const gir_diags *d, const char *src, size_t len,
                       gir_job_result *r)
{
	if (s->cli->json_diagnostics)
		gir_diags_format_json(d, s->cli->to_stdout ? &r->err : &r->out);
	else
		gir_diags_format_text(d, src, len, &r->err);
}


gir_report *gir_session_load(const gir_session *s, const char *file, gir_job_result *r)
{
	char *text = NULL;
	size_t len = 0;
	gir_read_status rs = gir_read_file(file, &text, &len);
	r->outcome = GIR_OUTCOME_FAILED;
	gir_diags *d = gir_diags_new();
	if (rs != GIR_READ_OK) { /* in the chosen format, as every other diagnostic */
		if (rs == GIR_READ_TOO_LARGE)
			gir_diags_add(d, file, GIR_MSG(ERROR, file_too_large,
			              "the file is larger than %u MiB; a report source is a few KB"),
			              GIR_MAX_SOURCE >> 20);
		else
			gir_diags_add(d, file, GIR_MSG(ERROR, file_unreadable, "cannot read: %s"),
			              gir_file_strerror(errno));
		gir_session_diags(s, d, NULL, 0, r);
		gir_diags_free(d);
		r->status = rs == GIR_READ_TOO_LARGE ? GIR_EXIT_INVALID : GIR_EXIT_FAILURE;
		return NULL;
	}
	gir_report *rep = gir_report_load(s->reg, file, text, len, &s->opt, d);
	if (rep && !s->skip_carry_over)
		gir_report_check_previous_file(rep, s->reg, file, &s->opt, d);
	if (rep && gir_diags_count_severity(d, GIR_ERROR)) {
		gir_report_free(rep);
		rep = NULL;
	}
	r->errors = gir_diags_count_severity(d, GIR_ERROR);
	gir_session_diags(s, d, text, len, r);
	gir_diags_free(d);
	free(text);
	r->status = rep ? GIR_EXIT_OK : GIR_EXIT_INVALID;
	r->outcome = rep ? GIR_OUTCOME_DONE : GIR_OUTCOME_FAILED;
	return rep;
}

int gir_session_workers(const gir_session *s)
{
	return s->cli->jobs > 0 ? s->cli->jobs : gir_processors();
}

static void check_job(void *ctx, size_t i, gir_job_result *r)
{
	const gir_session *s = ctx;
	gir_report_free(gir_session_load(s, s->ws.sources.items[i], r));
}

int gir_cmd_check(const gir_cli *cli)
{
	gir_session s;
	int status;
	if (gir_session_open(&s, cli, &status) != 0)
		return status;
	size_t n = s.ws.sources.len;
	if (n == 0) {
		fputs(_("gireport: no sources found\n"), stderr);
		gir_session_close(&s);
		return GIR_EXIT_FAILURE;
	}
	gir_job_totals t = gir_run_jobs(n, gir_session_workers(&s), check_job, &s,
	                                (const char *const *)s.ws.sources.items, !cli->quiet);
	if (n > 1 && !cli->json_diagnostics && !cli->quiet)
		fprintf(stderr, _("gireport: %zu sources checked, %zu with errors\n"), n, t.failed);
	gir_session_close(&s);
	return t.status;
}

int gir_cmd_templates(const gir_cli *cli)
{
	gir_registry *reg = gir_load_registry(cli);
	if (!reg)
		return GIR_EXIT_FAILURE;
	for (size_t i = 0; i < gir_registry_count(reg); i++) {
		const gir_template *t = gir_registry_at(reg, i);
		int a = gir_template_first_year(t), b = gir_template_last_year(t);
		char years[32] = "";
		if (a && b)
			snprintf(years, sizeof years, "%d-%d", a, b);
		else if (a)
			snprintf(years, sizeof years, "%d-", a);
		printf("%-18s %-10s %s\n", gir_template_id(t), years, gir_template_name(t));
	}
	gir_registry_free(reg);
	return GIR_EXIT_OK;
}
