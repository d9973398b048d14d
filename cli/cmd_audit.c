/* gireport audit: the arithmetic errors of published reports, found by the
 * library's audit (src/import/audit.c): each FILE, and the regular files
 * directly in each DIR, imported and checked; the findings as csv, md or
 * json on standard output. */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "commands.h"
#include "fileio.h"

/* ---- the files ---------------------------------------------------------------------- */

static int by_name(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The files to audit: each FILE, and the regular files directly in each
 * DIR (sorted, dot files left out). */
static void collect(const gir_cli *cli, gir_ptrvec *files)
{
	for (size_t i = 0; i < cli->nfiles; i++) {
		const char *a = cli->files[i];
		struct stat st;
		if (stat(a, &st) != 0 || !S_ISDIR(st.st_mode)) {
			gir_ptrvec_push(files, gir_xstrdup(a));
			continue;
		}
		DIR *d = opendir(a);
		size_t from = files->len;
		for (struct dirent *e; d && (e = readdir(d)) != NULL;) {
			char *p = gir_xasprintf("%s/%s", a, e->d_name);
			if (e->d_name[0] != '.' && stat(p, &st) == 0 && S_ISREG(st.st_mode))
				gir_ptrvec_push(files, p);
			else
				free(p);
		}
		if (d)
			closedir(d);
		qsort(files->items + from, files->len - from, sizeof *files->items, by_name);
	}
}

/* Audits one file; 1 when it was not imported or not in full. */
static int audit_file(gir_audit *A, const char *file)
{
	char *text = NULL;
	size_t len = 0;
	if (gir_read_file(file, &text, &len) != GIR_READ_OK) {
		fprintf(stderr, _("gireport: %s: cannot read: %s\n"), file, gir_file_strerror(errno));
		return 1;
	}
	gir_diags *d = gir_diags_new();
	size_t unread = 0;
	int failed = gir_audit_add(A, file, text, len, d, &unread) != 0;
	if (failed) {
		gir_buf msg = {0};
		gir_diags_format_text(d, NULL, 0, &msg);
		fputs(msg.ptr ? msg.ptr : "", stderr);
		gir_buf_free(&msg);
	} else if (unread) {
		fprintf(stderr, unread > 1 ? _("gireport: %s: %zu errors other than arithmetic (a part not "
		                               "read: 待填); `gireport import %s` shows them\n")
		                           : _("gireport: %s: %zu error other than arithmetic (a part not "
		                               "read: 待填); `gireport import %s` shows them\n"),
		        file, unread, file);
	}
	gir_diags_free(d);
	free(text);
	return failed || unread;
}

int gir_cmd_audit(const gir_cli *cli)
{
	const char *fmt = cli->formats ? cli->formats : "csv";
	if (strcmp(fmt, "csv") && strcmp(fmt, "md") && strcmp(fmt, "json")) {
		fprintf(stderr, _("gireport: audit writes one of csv, md, json (-f), not \"%s\"\n"), fmt);
		return GIR_EXIT_FAILURE;
	}
	if (!cli->nfiles) {
		fputs(_("gireport: audit takes the published reports: FILE or DIR...\n"), stderr);
		return GIR_EXIT_FAILURE;
	}
	gir_registry *reg = gir_load_registry(cli);
	if (!reg)
		return GIR_EXIT_FAILURE;
	gir_ptrvec files = {0};
	collect(cli, &files);
	gir_audit *A = gir_audit_new(reg);
	size_t bad = 0;
	for (size_t i = 0; i < files.len; i++)
		bad += (size_t)audit_file(A, files.items[i]);
	gir_audit_finish(A);
	gir_buf out = {0};
	gir_audit_write(A, fmt, &out);
	int status = GIR_EXIT_OK;
	if (fwrite(out.ptr, 1, out.len, stdout) != out.len || fflush(stdout) != 0) {
		perror(_("gireport: standard output"));
		status = GIR_EXIT_FAILURE;
	}
	size_t nf = gir_audit_count(A);
	if (!cli->quiet)
		fprintf(stderr, nf == 1 ? _("gireport: %zu reports: %zu arithmetic error; %zu not read in full\n")
		                        : _("gireport: %zu reports: %zu arithmetic errors; %zu not read in full\n"),
		        files.len, nf, bad);
	if (status == GIR_EXIT_OK && (nf || bad))
		status = GIR_EXIT_INVALID;
	for (size_t i = 0; i < files.len; i++)
		free(files.items[i]);
	gir_ptrvec_free(&files);
	gir_buf_free(&out);
	gir_audit_free(A);
	gir_registry_free(reg);
	return status;
}
