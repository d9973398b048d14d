/* gireport import: an existing report (txt, md, html, docx, or - for standard input)
 * turned into a source, on standard output or atomically into -o FILE;
 * the diagnostics go to standard error. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "commands.h"
#include "fileio.h"
#include "jobs.h"

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
		fprintf(stderr, _("gireport: %s: larger than %u MiB; a report is a few hundred KB at most\n"),
		        file, GIR_MAX_SOURCE >> 20);
	else if (rs != GIR_READ_OK)
		fprintf(stderr, _("gireport: %s: cannot read: %s\n"), file, gir_file_strerror(errno));
	return rs == GIR_READ_OK ? 0 : -1;
}

/* ---- many reports into a directory: import -o DIR FILE... ---------------- */

typedef struct batch {
	const gir_cli *cli;
	const gir_registry *reg;
	const char *dir;
} batch;

/* A name for a file: no path separator, no control character, no leading
 * dot; whole characters only, at most NAME_MAX_BYTES. */
#define NAME_MAX_BYTES 120

static char *file_name_part(const char *s)
{
	gir_buf b = {0};
	for (const char *p = s; *p;) {
		unsigned char c = (unsigned char)*p;
		size_t k = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
		for (size_t i = 1; i < k; i++)
			if (!p[i]) {
				k = i;
				break;
			}
		if (b.len + k > NAME_MAX_BYTES)
			break;
		bool bad = c == '/' || c == '\\' || c < 0x20 || c == 0x7F || (c == '.' && !b.len) ||
		           (c >= 0x80 && c < 0xC0);
		if (bad)
			gir_buf_putc(&b, '_');
		else
			gir_buf_put(&b, p, k);
		p += bad ? 1 : k;
	}
	if (!b.len)
		gir_buf_putc(&b, '_');
	return gir_buf_detach(&b);
}

/* DIR/AGENCY-YEAR.yaml, from what the import found; without an agency or a
 * year, DIR/NAME.yaml after the input file's name. */
static char *batch_path(const char *dir, const char *file, const char *src)
{
	char *agency = gir_import_head_value(src, "agency"), *year = gir_import_head_value(src, "year");
	char *name;
	if (agency && year && strcmp(year, "0") != 0) {
		char *a = file_name_part(agency);
		name = gir_xasprintf("%s-%s", a, year);
		free(a);
	} else {
		const char *base = strrchr(file, '/') ? strrchr(file, '/') + 1 : file;
		char *stem = gir_xstrdup(base), *dot = strrchr(stem, '.');
		if (dot && dot != stem)
			*dot = '\0';
		name = file_name_part(stem);
		free(stem);
	}
	char *path = gir_xasprintf("%s/%s.yaml", dir, name);
	free(agency), free(year), free(name);
	return path;
}

/* Writes the source at path: never over another file (two reports of one
 * agency and year, or an earlier run) unless --force. */
static int write_new(const char *path, const gir_buf *src, bool force, gir_buf *err)
{
	char *temp;
	if (gir_write_temp(path, src->ptr, src->len, &temp) != 0) {
		gir_buf_printf(err, _("gireport: cannot write %s: %s\n"), path, gir_strerror(errno));
		return -1;
	}
	if (force)
		return gir_commit_temp(temp, path) == 0 ? 0 : (gir_buf_printf(err, _("gireport: cannot "
		       "write %s: %s\n"), path, gir_strerror(errno)), -1);
	int rc = link(temp, path);
	int e = errno;
	gir_discard_temp(temp);
	if (rc != 0) {
		gir_buf_printf(err, _("gireport: %s: %s; not written (%s)\n"), path,
		               e == EEXIST ? _("exists already") : gir_strerror(e),
		               e == EEXIST ? _("another report of the same agency and year, or an "
		                               "earlier import: --force replaces it")
		                           : _("check the directory"));
		return -1;
	}
	return 0;
}

static void import_job(void *ctx, size_t index, gir_job_result *r)
{
	const batch *b = ctx;
	const gir_cli *cli = b->cli;
	const char *file = cli->files[index];
	r->status = GIR_EXIT_OK;
	r->outcome = GIR_OUTCOME_DONE;
	char *text = NULL;
	size_t len = 0;
	gir_read_status rs = gir_read_file(file, &text, &len);
	if (rs != GIR_READ_OK) {
		gir_buf_printf(&r->err, _("gireport: %s: cannot read: %s\n"), file,
		               rs == GIR_READ_TOO_LARGE ? _("larger than a report can be") : gir_strerror(errno));
		r->status = GIR_EXIT_FAILURE, r->outcome = GIR_OUTCOME_FAILED;
		return;
	}
	gir_diags *d = gir_diags_new();
	gir_buf src = {0};
	gir_import_options opt = {cli->new_agency, cli->new_year, cli->new_template};
	int rc = gir_import_with(b->reg, &opt, file, text, len, &src, d);
	if (cli->strict)
		gir_diags_promote_warnings(d, 0);
	if (cli->json_diagnostics)
		gir_diags_format_json(d, &r->err);
	else
		gir_diags_format_text(d, rc == 0 ? text : NULL, rc == 0 ? len : 0, &r->err);
	r->errors = gir_diags_count_severity(d, GIR_ERROR);
	if (rc == 0) {
		char *path = batch_path(b->dir, file, src.ptr);
		if (write_new(path, &src, cli->force, &r->err) == 0)
			gir_buf_printf(&r->out, "%s\t%s\n", path, file);
		else
			r->status = GIR_EXIT_FAILURE;
		free(path);
	}
	if (rc != 0 || r->errors)
		r->status = r->status ? r->status : GIR_EXIT_INVALID;
	if (r->status)
		r->outcome = GIR_OUTCOME_FAILED;
	gir_buf_free(&src);
	gir_diags_free(d);
	free(text);
}

/* gireport import -o DIR FILE...: each report into DIR, named by its agency
 * and year; on -j processes.  Standard output lists "PATH<TAB>FILE". */
static int import_batch(const gir_cli *cli)
{
	const char *dir = cli->outdir;
	struct stat st;
	if (!dir) {
		fputs(_("gireport: import of several files needs -o DIR\n"), stderr);
		return GIR_EXIT_FAILURE;
	}
	if (stat(dir, &st) != 0 && mkdir(dir, 0777) != 0) {
		fprintf(stderr, _("gireport: cannot make %s: %s\n"), dir, gir_strerror(errno));
		return GIR_EXIT_FAILURE;
	}
	if (cli->new_agency && cli->nfiles > 1) {
		fputs(_("gireport: --agency names one agency: import its reports one at a time\n"), stderr);
		return GIR_EXIT_FAILURE;
	}
	gir_registry *reg = gir_load_registry(cli);
	if (!reg)
		return GIR_EXIT_FAILURE;
	if (cli->new_template && !gir_registry_find(reg, cli->new_template)) {
		fprintf(stderr, _("gireport: --template %s: no such edition (see gireport templates)\n"),
		        cli->new_template);
		gir_registry_free(reg);
		return GIR_EXIT_FAILURE;
	}
	batch b = {cli, reg, dir};
	int workers = cli->jobs > 0 ? cli->jobs : gir_processors();
	gir_job_totals t = gir_run_jobs(cli->nfiles, workers, import_job, &b,
	                                (const char *const *)cli->files, !cli->quiet);
	if (!cli->quiet)
		fprintf(stderr, _("gireport: %zu reports: %zu imported clean, %zu with errors\n"),
		        cli->nfiles, t.done, t.failed);
	gir_registry_free(reg);
	return t.status;
}

static bool is_directory(const char *path)
{
	struct stat st;
	return path && stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

int gir_cmd_import(const gir_cli *cli)
{
	if (cli->nfiles > 1 || (cli->nfiles == 1 && is_directory(cli->outdir)))
		return import_batch(cli);
	if (cli->nfiles != 1) {
		fputs(_("gireport: import takes one FILE (.txt, .md, .html, .docx or .pdf), or - for standard input\n"), stderr);
		return GIR_EXIT_FAILURE;
	}
	const char *file = cli->files[0], *out_path = cli->outdir;
	if (out_path && strcmp(file, "-") != 0 && gir_same_file(file, out_path)) {
		fprintf(stderr, _("gireport: -o %s would overwrite the report being imported\n"), out_path);
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
	if (cli->new_template && !gir_registry_find(reg, cli->new_template)) {
		fprintf(stderr, _("gireport: --template %s: no such edition (see gireport templates)\n"),
		        cli->new_template);
		gir_registry_free(reg);
		free(text);
		return GIR_EXIT_FAILURE;
	}
	const char *name = strcmp(file, "-") == 0 ? "<stdin>" : file;
	gir_diags *d = gir_diags_new();
	gir_buf src = {0};
	gir_import_options opt = {cli->new_agency, cli->new_year, cli->new_template};
	int rc = 0;
	if (gir_is_pdf(text, len)) { /* read as its text, whose lines the diagnostics quote */
		gir_buf plain = {0};
		rc = gir_pdf_text(name, text, len, &plain, d);
		free(text);
		len = plain.len;
		text = plain.ptr ? plain.ptr : gir_xstrdup("");
	}
	if (rc == 0)
		rc = gir_import_with(reg, &opt, name, text, len, &src, d);
	if (cli->strict)
		gir_diags_promote_warnings(d, 0);
	/* No lines of a binary, a .docx or a page in another charset are quoted. */
	bool quote = rc == 0 && gir_import_quotable(name, text, len);
	print_diags(cli, d, quote ? text : NULL, quote ? len : 0);
	int status = rc != 0 || gir_diags_count_severity(d, GIR_ERROR) ? GIR_EXIT_INVALID : GIR_EXIT_OK;
	if (rc == 0 && write_source(out_path, &src) != 0) {
		fprintf(stderr, _("gireport: cannot write %s: %s\n"), out_path ? out_path : "standard output",
		        gir_file_strerror(errno));
		status = GIR_EXIT_FAILURE;
	}
	gir_buf_free(&src);
	gir_diags_free(d);
	gir_registry_free(reg);
	free(text);
	return status;
}
