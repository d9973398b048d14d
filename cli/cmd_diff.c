/* gireport diff A B: what changed between two reports, on standard output. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "fileio.h"

/* Reads and validates one source; prints its diagnostics. */
static gir_report *load(const gir_session *s, const char *file, int *status)
{
	gir_job_result r = {0};
	gir_report *rep = gir_session_load(s, file, &r);
	fputs(r.err.ptr ? r.err.ptr : "", stderr);
	gir_buf_free(&r.err);
	gir_buf_free(&r.out);
	if (r.status > *status)
		*status = r.status;
	return rep;
}

int gir_cmd_diff(const gir_cli *cli)
{
	const char *fmt = cli->formats ? cli->formats : "txt";
	if (strcmp(fmt, "txt") != 0 && strcmp(fmt, "md") != 0) {
		fprintf(stderr, _("gireport: diff writes txt or md (-f), not \"%s\"\n"), fmt);
		return GIR_EXIT_FAILURE;
	}
	gir_cli local = *cli;
	local.to_stdout = 1; /* JSON diagnostics to stderr: the comparison has stdout */
	gir_session s;
	int rc;
	if (gir_session_open(&s, &local, &rc) != 0)
		return rc;
	if (s.ws.sources.len != 2) {
		fputs(_("gireport: diff compares two sources: gireport diff A.yaml B.yaml\n"), stderr);
		gir_session_close(&s);
		return GIR_EXIT_FAILURE;
	}
	s.skip_carry_over = true; /* diff compares the two files as they are */
	const char *af = s.ws.sources.items[0], *bf = s.ws.sources.items[1];
	rc = GIR_EXIT_OK;
	gir_report *a = load(&s, af, &rc);
	gir_report *b = load(&s, bf, &rc);
	if (a && b) {
		gir_buf out = {0};
		gir_diff(a, af, b, bf, strcmp(fmt, "md") == 0 ? GIR_DIFF_MD : GIR_DIFF_TEXT, &out);
		if (fwrite(out.ptr ? out.ptr : "", 1, out.len, stdout) != out.len || fflush(stdout) != 0) {
			perror(_("gireport: standard output"));
			rc = GIR_EXIT_FAILURE;
		}
		gir_buf_free(&out);
	}
	gir_report_free(a);
	gir_report_free(b);
	gir_session_close(&s);
	return rc;
}
