/* gireport import: an existing report (txt, md, or - for standard input)
 * turned into a source, on standard output or atomically into -o FILE;
 * the diagnostics go to standard error. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "fileio.h"
#include "util.h"

static void print_diags(const gir_cli *cli, const gir_diags *d, const char *text, size_t len)
{
	gir_buf msg = {0};
	if (cli->json_diagnostics)
		gir_diags_format_json(d, &msg);
	else
		gir_diags_format_text(d, text, len, &msg);
	if (msg.len)
		fputs(msg.ptr, stderr);
	gir_buf_free(&msg);
}

static int write_source(const char *path, const gir_buf *src)
{
	if (!path)
		return fwrite(src->ptr, 1, src->len, stdout) == src->len && fflush(stdout) == 0 ? 0 : -1;
	char *temp;
	if (gir_write_temp(path, src->ptr, src->len, &temp) != 0)
		return -1;
	return gir_commit_temp(temp, path);
}

static int read_input(const char *file, char **text, size_t *len)
{
	gir_read_status rs = gir_read_file(file, text, len);
	if (rs == GIR_READ_TOO_LARGE)
		fprintf(stderr, "gireport: %s: larger than %u MiB; a report is a few hundred KB at most\n",
		        file, GIR_MAX_SOURCE >> 20);
	else if (rs != GIR_READ_OK)
		fprintf(stderr, "gireport: %s: cannot read: %s\n", file, strerror(errno));
	return rs == GIR_READ_OK ? 0 : -1;
}

int gir_cmd_import(const gir_cli *cli)
{
	if (cli->nfiles != 1) {
		fputs("gireport: import takes one FILE (.txt, .md or .pdf), or - for standard input\n", stderr);
		return GIR_EXIT_FAILURE;
	}
	const char *file = cli->files[0], *out_path = cli->outdir;
	if (out_path && strcmp(file, "-") != 0 && gir_same_file(file, out_path)) {
		fprintf(stderr, "gireport: -o %s would overwrite the report being imported\n", out_path);
		return GIR_EXIT_FAILURE;
	}
	char *text = NULL;
	size_t len = 0;
	if (read_input(file, &text, &len) != 0)
		return GIR_EXIT_FAILURE;
	gir_registry *reg = gir_load_registry(cli);
	if (!reg) {
		free(text);
		return GIR_EXIT_FAILURE;
	}
	const char *name = strcmp(file, "-") == 0 ? "<stdin>" : file;
	gir_diags *d = gir_diags_new();
	gir_buf src = {0};
	int rc = 0;
	if (gir_is_pdf(text, len)) { /* read as its text, whose lines the diagnostics quote */
		gir_buf plain = {0};
		rc = gir_pdf_text(name, text, len, &plain, d);
		free(text);
		len = plain.len;
		text = plain.ptr ? plain.ptr : gir_xstrdup("");
	}
	if (rc == 0)
		rc = gir_import(reg, name, text, len, &src, d);
	if (cli->strict)
		gir_diags_promote_warnings(d, 0);
	print_diags(cli, d, rc == 0 ? text : NULL, rc == 0 ? len : 0); /* no lines of a binary */
	int status = rc != 0 || gir_diags_count_severity(d, GIR_ERROR) ? GIR_EXIT_INVALID : GIR_EXIT_OK;
	if (rc == 0 && write_source(out_path, &src) != 0) {
		fprintf(stderr, "gireport: cannot write %s: %s\n", out_path ? out_path : "standard output",
		        strerror(errno));
		status = GIR_EXIT_FAILURE;
	}
	gir_buf_free(&src);
	gir_diags_free(d);
	gir_registry_free(reg);
	free(text);
	return status;
}
