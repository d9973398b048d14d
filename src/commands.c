/* build, check and templates: read sources, run the library, print
 * diagnostics, write outputs atomically, and map results to exit statuses. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "fileio.h"
#include "gireport.h"
#include "util.h"

typedef int (*render_fn)(const gir_report *, const gir_options *, gir_buf *);

static const struct format {
	const char *name, *ext;
	render_fn render;
} formats[] = {
	{"txt", ".txt", gir_render_text},
	{"md", ".md", gir_render_md},
	{"tree", ".tree", gir_render_tree},
	{"pdf", ".pdf", gir_render_pdf},
};

static const struct format *find_format(const char *name, size_t n)
{
	for (size_t i = 0; i < GIR_ARRAY_LEN(formats); i++)
		if (strlen(formats[i].name) == n && strncmp(formats[i].name, name, n) == 0)
			return &formats[i];
	return NULL;
}

/* Parses "txt,md" into a list; reports unknown or unavailable formats. */
static int parse_formats(const char *spec, const struct format **out, size_t *n)
{
	*n = 0;
	for (const char *p = spec; *p;) {
		size_t k = strcspn(p, ",");
		const struct format *f = find_format(p, k);
		if (!f) {
			fprintf(stderr, "gireport: unknown format \"%.*s\" (txt, md, pdf, tree)\n", (int)k, p);
			return -1;
		}
		if (!f->render) {
			fprintf(stderr, "gireport: %s output is not built into this version of gireport\n",
			        f->name);
			return -1;
		}
		bool dup = false;
		for (size_t i = 0; i < *n; i++)
			dup |= out[i] == f;
		if (!dup)
			out[(*n)++] = f;
		p += k + (p[k] == ',');
	}
	return *n ? 0 : -1;
}

static gir_registry *load_registry(const gir_cli *cli)
{
	gir_diags *d = gir_diags_new();
	gir_registry *r = gir_registry_new(d);
	const char *env = getenv("GIREPORT_TEMPLATE_PATH");
	if (env && *env) {
		char *copy = gir_xstrdup(env), *save = NULL;
		for (char *dir = strtok_r(copy, ":", &save); dir; dir = strtok_r(NULL, ":", &save))
			gir_registry_add_dir(r, dir, d);
		free(copy);
	}
	for (size_t i = 0; i < cli->ntemplate_dirs; i++)
		gir_registry_add_dir(r, cli->template_dirs[i], d);
	int failed = gir_diags_count_severity(d, GIR_ERROR) > 0;
	if (gir_diags_count(d)) {
		gir_buf out = {0};
		gir_diags_format_text(d, NULL, 0, &out);
		fputs(out.ptr, stderr);
		gir_buf_free(&out);
	}
	gir_diags_free(d);
	if (failed) {
		gir_registry_free(r);
		return NULL;
	}
	return r;
}

/* Text diagnostics go to stderr; JSON ones to stdout for editors and CI,
 * unless the report itself is being written there. */
static void print_diags(const gir_cli *cli, const gir_diags *d, const char *src, size_t len)
{
	gir_buf out = {0};
	if (cli->json_diagnostics) {
		gir_diags_format_json(d, &out);
		fputs(out.ptr ? out.ptr : "", cli->to_stdout ? stderr : stdout);
	} else {
		gir_diags_format_text(d, src, len, &out);
		fputs(out.ptr ? out.ptr : "", stderr);
	}
	gir_buf_free(&out);
}

/* The previous year's source, relative to this source's directory. */
static char *previous_path(const char *file, const char *prev)
{
	const char *slash = strrchr(file, '/');
	if (prev[0] == '/' || !slash)
		return gir_xstrdup(prev);
	return gir_xasprintf("%.*s/%s", (int)(slash - file), file, prev);
}

static void check_previous(const gir_registry *reg, const gir_options *opt, gir_report *rep,
                           const char *file, gir_diags *d)
{
	const char *prev = gir_report_previous_path(rep);
	if (!prev)
		return;
	char *path = previous_path(file, prev), *text = NULL;
	size_t len = 0;
	if (gir_read_file(path, &text, &len) != GIR_READ_OK) {
		char *msg = gir_xasprintf("cannot read last year's source %s: %s", path, strerror(errno));
		gir_report_previous_error(rep, d, msg);
		free(msg);
		free(path);
		return;
	}
	gir_diags *pd = gir_diags_new();
	gir_options popt = {0};
	gir_report *p = gir_report_load(reg, path, text, len, &popt, pd);
	size_t first = gir_diags_count(d);
	if (!p) {
		char *msg = gir_xasprintf("last year's source %s has errors; check it first", path);
		gir_report_previous_error(rep, d, msg);
		free(msg);
	} else {
		gir_report_check_previous(rep, p, d);
	}
	if (opt->strict)
		gir_diags_promote_warnings(d, first);
	gir_report_free(p);
	gir_diags_free(pd);
	free(text);
	free(path);
}

typedef struct loaded {
	char *text;
	size_t len;
	gir_report *rep;
	int status;
} loaded;

/* Reads, validates and prints diagnostics for one source. */
static loaded load_one(const gir_cli *cli, const gir_registry *reg, const char *file)
{
	loaded L = {0};
	gir_options opt = {.strict = cli->strict};
	gir_read_status rs = gir_read_file(file, &L.text, &L.len);
	if (rs == GIR_READ_TOO_LARGE) {
		fprintf(stderr, "%s: error: the file is larger than %u MiB; a report source is a few KB\n",
		        file, GIR_MAX_SOURCE >> 20);
		L.status = GIR_EXIT_INVALID;
		return L;
	}
	if (rs != GIR_READ_OK) {
		fprintf(stderr, "%s: error: cannot read: %s\n", file, strerror(errno));
		L.status = GIR_EXIT_FAILURE;
		return L;
	}
	gir_diags *d = gir_diags_new();
	L.rep = gir_report_load(reg, file, L.text, L.len, &opt, d);
	if (L.rep)
		check_previous(reg, &opt, L.rep, file, d);
	if (L.rep && gir_diags_count_severity(d, GIR_ERROR)) {
		gir_report_free(L.rep);
		L.rep = NULL;
	}
	print_diags(cli, d, L.text, L.len);
	gir_diags_free(d);
	L.status = L.rep ? GIR_EXIT_OK : GIR_EXIT_INVALID;
	return L;
}

static int worse(int a, int b)
{
	return a > b ? a : b;
}

/* "dir/agency.yaml" → "OUTDIR/agency" or "dir/agency". */
static char *output_stem(const char *file, const char *outdir)
{
	const char *base = strrchr(file, '/');
	base = base ? base + 1 : file;
	size_t n = strlen(base);
	if (n > 5 && strcmp(base + n - 5, ".yaml") == 0)
		n -= 5;
	else if (n > 4 && strcmp(base + n - 4, ".yml") == 0)
		n -= 4;
	if (outdir)
		return gir_xasprintf("%s/%.*s", outdir, (int)n, base);
	return gir_xasprintf("%.*s%.*s", (int)(base - file), file, (int)n, base);
}

/* Writes every output to a temporary file first, then renames them all: a
 * full disk or an unwritable directory leaves all previous outputs alone. */
static int write_outputs(const char *file, const char *stem, const struct format **fmts,
                         const gir_buf *outs, size_t nf)
{
	char **temps = gir_xcalloc(nf, sizeof(char *));
	char **paths = gir_xcalloc(nf, sizeof(char *));
	int rc = GIR_EXIT_OK;
	for (size_t i = 0; i < nf && rc == GIR_EXIT_OK; i++) {
		paths[i] = gir_xasprintf("%s%s", stem, fmts[i]->ext);
		if (gir_same_file(file, paths[i])) {
			fprintf(stderr, "%s: error: refusing to overwrite the source with its own output\n", file);
			rc = GIR_EXIT_FAILURE;
		} else if (gir_write_temp(paths[i], outs[i].ptr ? outs[i].ptr : "", outs[i].len, &temps[i])) {
			fprintf(stderr, "%s: error: cannot write %s: %s\n", file, paths[i], strerror(errno));
			rc = GIR_EXIT_FAILURE;
		}
	}
	for (size_t i = 0; i < nf; i++) {
		if (rc != GIR_EXIT_OK) {
			gir_discard_temp(temps[i]);
		} else if (gir_commit_temp(temps[i], paths[i]) != 0) {
			fprintf(stderr, "%s: error: cannot write %s: %s\n", file, paths[i], strerror(errno));
			rc = GIR_EXIT_FAILURE;
		}
		free(paths[i]);
	}
	free(temps);
	free(paths);
	return rc;
}

/* Renders every format first and writes only when all succeeded, so a
 * source never ends up with a fresh .txt beside a stale .md. */
static int build_one(const gir_cli *cli, const loaded *L, const char *file,
                     const struct format **fmts, size_t nf)
{
	gir_options opt = {.strict = cli->strict, .diags = gir_diags_new()};
	memcpy(opt.fonts, cli->fonts, sizeof opt.fonts);
	gir_buf *outs = gir_xcalloc(nf, sizeof(gir_buf));
	int rc = GIR_EXIT_OK;
	for (size_t i = 0; i < nf && rc == GIR_EXIT_OK; i++)
		if (fmts[i]->render(L->rep, &opt, &outs[i]) != 0) {
			/* A renderer says why it failed (a missing font, …); nothing is written. */
			if (gir_diags_count(opt.diags))
				print_diags(cli, opt.diags, NULL, 0);
			else
				fprintf(stderr, "%s: error: rendering %s failed\n", file, fmts[i]->name);
			rc = GIR_EXIT_FAILURE;
		}
	gir_diags_free(opt.diags);
	if (rc == GIR_EXIT_OK && cli->to_stdout) {
		fwrite(outs[0].ptr ? outs[0].ptr : "", 1, outs[0].len, stdout);
	} else if (rc == GIR_EXIT_OK) {
		char *stem = output_stem(file, cli->outdir);
		rc = write_outputs(file, stem, fmts, outs, nf);
		free(stem);
	}
	for (size_t i = 0; i < nf; i++)
		gir_buf_free(&outs[i]);
	free(outs);
	return rc;
}

int gir_cmd_build(const gir_cli *cli)
{
	const struct format *fmts[GIR_ARRAY_LEN(formats)];
	size_t nf;
	if (parse_formats(cli->formats ? cli->formats : "txt,md,pdf", fmts, &nf) != 0)
		return GIR_EXIT_FAILURE;
	if (cli->to_stdout && nf != 1) {
		fputs("gireport: --stdout takes exactly one format (-f)\n", stderr);
		return GIR_EXIT_FAILURE;
	}
	for (size_t i = 0; i < cli->nfiles && !cli->to_stdout; i++)
		if (strcmp(cli->files[i], "-") == 0) {
			fputs("gireport: a source read from standard input has no name to write next to; "
			      "add --stdout -f FORMAT\n", stderr);
			return GIR_EXIT_FAILURE;
		}
	gir_registry *reg = load_registry(cli);
	if (!reg)
		return GIR_EXIT_FAILURE;
	int rc = GIR_EXIT_OK;
	for (size_t i = 0; i < cli->nfiles; i++) {
		loaded L = load_one(cli, reg, cli->files[i]);
		rc = worse(rc, L.status);
		if (L.rep)
			rc = worse(rc, build_one(cli, &L, cli->files[i], fmts, nf));
		gir_report_free(L.rep);
		free(L.text);
	}
	gir_registry_free(reg);
	return rc;
}

int gir_cmd_check(const gir_cli *cli)
{
	gir_registry *reg = load_registry(cli);
	if (!reg)
		return GIR_EXIT_FAILURE;
	int rc = GIR_EXIT_OK;
	size_t bad = 0;
	for (size_t i = 0; i < cli->nfiles; i++) {
		loaded L = load_one(cli, reg, cli->files[i]);
		rc = worse(rc, L.status);
		bad += L.status != GIR_EXIT_OK;
		gir_report_free(L.rep);
		free(L.text);
	}
	if (cli->nfiles > 1 && !cli->json_diagnostics)
		fprintf(stderr, "gireport: %zu sources checked, %zu with errors\n", cli->nfiles, bad);
	gir_registry_free(reg);
	return rc;
}

int gir_cmd_templates(const gir_cli *cli)
{
	gir_registry *reg = load_registry(cli);
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
