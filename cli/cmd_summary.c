/* gireport summary: one row of key figures per source, a 合计 row and the
 * sources with errors, as CSV, Markdown or JSON on standard output. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "fileio.h"

static int by_path(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static int write_stdout(const gir_buf *b)
{
	if (fwrite(b->ptr ? b->ptr : "", 1, b->len, stdout) != b->len || fflush(stdout) != 0) {
		perror(_("gireport: standard output"));
		return GIR_EXIT_FAILURE;
	}
	return GIR_EXIT_OK;
}

int gir_cmd_summary(const gir_cli *cli)
{
	const char *fmt = cli->formats ? cli->formats : "csv";
	if (strcmp(fmt, "csv") != 0 && strcmp(fmt, "md") != 0 && strcmp(fmt, "json") != 0) {
		fprintf(stderr, _("gireport: summary writes one of csv, md, json (-f), not \"%s\"\n"), fmt);
		return GIR_EXIT_FAILURE;
	}
	/* The summary has standard output; JSON diagnostics go to stderr. */
	gir_cli local = *cli;
	local.to_stdout = 1;
	gir_session s;
	int rc;
	if (gir_session_open(&s, &local, &rc) != 0)
		return rc;
	size_t n = s.ws.sources.len;
	char **files = gir_xcalloc(n + 1, sizeof(char *));
	memcpy(files, s.ws.sources.items, n * sizeof(char *));
	if (n > 1)
		qsort(files, n, sizeof(char *), by_path);
	gir_summary *sum = gir_summary_new(s.reg);
	for (size_t i = 0; i < n; i++) {
		gir_job_result r = {0};
		gir_report *rep = gir_session_load(&s, files[i], &r);
		fputs(r.err.ptr ? r.err.ptr : "", stderr);
		fputs(r.out.ptr ? r.out.ptr : "", stderr);
		if (rep) {
			gir_summary_add(sum, files[i], rep);
		} else {
			char *text = NULL;
			size_t len = 0;
			bool readable = gir_read_file(files[i], &text, &len) == GIR_READ_OK;
			gir_summary_add_failed(sum, s.reg, files[i], readable ? text : NULL, len, r.errors,
			                       !readable, s.opt.default_template);
			free(text);
		}
		rc = r.status > rc ? r.status : rc;
		gir_report_free(rep);
		gir_buf_free(&r.err);
		gir_buf_free(&r.out);
	}
	gir_buf out = {0};
	if (strcmp(fmt, "csv") == 0)
		gir_summary_csv(sum, cli->bom, &out);
	else if (strcmp(fmt, "md") == 0)
		gir_summary_md(sum, &out);
	else
		gir_summary_json(sum, &out);
	int wrc = write_stdout(&out);
	rc = wrc > rc ? wrc : rc;
	if (gir_summary_overflow(sum)) {
		fprintf(stderr, _("gireport: error: %s: the sum is too large to add up (more than "
		        "9223372036854.775807); it is left empty\n"), gir_summary_overflow(sum));
		rc = rc > GIR_EXIT_INVALID ? rc : GIR_EXIT_INVALID;
	}
	if (n > 1 && !cli->json_diagnostics && !cli->quiet)
		fprintf(stderr, _("gireport: %zu sources summarised, %zu with errors\n"), n,
		        gir_summary_failed(sum));
	gir_buf_free(&out);
	gir_summary_free(sum);
	free(files);
	gir_session_close(&s);
	return rc;
}
