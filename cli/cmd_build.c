/* gireport build: every source rendered into each format, written next to
 * it, into -o DIR, or into the project's output tree; sources whose outputs
 * are newer than everything they come from are left alone. */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "commands.h"
#include "fileio.h"
#include "gireport.h"

typedef int (*render_fn)(const gir_report *, const gir_options *, gir_buf *);

static const struct format {
	const char *name, *ext;
	render_fn render;
} formats[] = {
	{"txt", ".txt", gir_render_text},
	{"md", ".md", gir_render_md},
	{"tree", ".tree", gir_render_tree},
	{"json", ".json", gir_render_json},
	{"html", ".html", gir_render_html},
	{"pdf", ".pdf", gir_render_pdf},
	{"docx", ".docx", gir_render_docx},
	{"ofd", ".ofd", gir_render_ofd},
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
			fprintf(stderr, _("gireport: unknown format \"%.*s\" (txt, md, pdf, docx, ofd, html, json, tree)\n"), (int)k, p);
			return -1;
		}
		if (!f->render) {
			fprintf(stderr, _("gireport: %s output is not built into this version of gireport\n"),
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

typedef struct build {
	gir_session s;
	const struct format *fmts[GIR_ARRAY_LEN(formats)];
	size_t nf;
	struct timespec tool_time; /* newest of the binary, templates, project */
} build;

static bool newer(struct timespec a, struct timespec b)
{
	return a.tv_sec > b.tv_sec || (a.tv_sec == b.tv_sec && a.tv_nsec > b.tv_nsec);
}

static void take_newest(struct timespec *t, const char *path)
{
	struct stat st;
	if (path && stat(path, &st) == 0 && newer(st.st_mtim, *t))
		*t = st.st_mtim;
}

static void newest_in_dir(const char *dir, void *ctx)
{
	struct timespec *t = ctx;
	DIR *dh = opendir(dir);
	struct dirent *e;
	while (dh && (e = readdir(dh)) != NULL) {
		size_t n = strlen(e->d_name);
		if (n > 5 && strcmp(e->d_name + n - 5, ".json") == 0) {
			char *path = gir_xasprintf("%s/%s", dir, e->d_name);
			take_newest(t, path);
			free(path);
		}
	}
	if (dh)
		closedir(dh);
}

/* What every output depends on besides its own source. */
static struct timespec tool_time(const gir_session *s)
{
	struct timespec t = {0, 0};
	take_newest(&t, "/proc/self/exe");
	take_newest(&t, s->ws.project_path);
	gir_template_dirs(s->cli, newest_in_dir, &t);
	return t;
}

/* Text from a source in a file name: no directory separators, no leading
 * dot, so an agency named "../x" stays inside the output directory. */
static void put_file_safe(gir_buf *b, const char *s)
{
	for (size_t i = 0; s[i]; i++)
		gir_buf_putc(b, s[i] == '/' || (i == 0 && s[i] == '.') ? '_' : s[i]);
}

static char *expand_name(const char *pattern, const char *stem, const gir_report *rep)
{
	gir_buf b = {0};
	for (const char *p = pattern; *p;) {
		if (strncmp(p, "{stem}", 6) == 0) /* "...yaml" has the stem "..", a step up */
			put_file_safe(&b, stem), p += 6;
		else if (rep && strncmp(p, "{year}", 6) == 0)
			gir_buf_printf(&b, "%d", gir_report_year(rep)), p += 6;
		else if (rep && strncmp(p, "{agency}", 8) == 0)
			put_file_safe(&b, gir_report_agency(rep)), p += 8;
		else
			gir_buf_putc(&b, *p++);
	}
	return gir_buf_detach(&b);
}

/* The path of `abs` below `root`, or NULL when it is not below it. */
static const char *under_root(const char *root, const char *abs)
{
	size_t n = strlen(root);
	if (n == 1 && root[0] == '/')
		return abs + 1;
	if (strncmp(abs, root, n) == 0 && abs[n] == '/')
		return abs + n + 1;
	return NULL;
}

/* Where a source's outputs go, without the extension: -o DIR wins, then the
 * project's output directory (mirroring the tree, so tongji/2020.yaml and
 * minzheng/2020.yaml do not collide), else next to the source. */
static char *output_stem(const build *b, const char *file, const gir_report *rep)
{
	const char *base = strrchr(file, '/');
	base = base ? base + 1 : file;
	size_t n = strlen(base);
	if (n > 5 && strcmp(base + n - 5, ".yaml") == 0)
		n -= 5;
	else if (n > 4 && strcmp(base + n - 4, ".yml") == 0)
		n -= 4;
	char *stem = gir_xstrndup(base, n);
	const gir_project *p = b->s.ws.project;
	char *name = expand_name(p && gir_project_name(p) ? gir_project_name(p) : "{stem}", stem, rep);
	char *out;
	if (b->s.cli->outdir) {
		out = gir_xasprintf("%s/%s", b->s.cli->outdir, name);
	} else if (p && gir_project_output(p)) {
		char *dir = realpath(file, NULL);
		const char *rel = dir ? under_root(b->s.ws.root, dir) : NULL;
		const char *slash = rel ? strrchr(rel, '/') : NULL;
		out = rel ? gir_xasprintf("%s/%s/%.*s%s%s", b->s.ws.root, gir_project_output(p),
		                          slash ? (int)(slash - rel) : 0, rel, slash ? "/" : "", name)
		          : NULL; /* outside the project: no place in its output tree */
		free(dir);
	} else {
		out = gir_xasprintf("%.*s%s", (int)(base - file), file, name);
	}
	free(stem);
	free(name);
	return out;
}

char *gir_build_output_stem(const gir_session *s, const char *file, const gir_report *rep)
{
	gir_cli cli = *s->cli;
	cli.outdir = NULL;
	build b = {.s = *s};
	b.s.cli = &cli;
	return output_stem(&b, file, rep);
}

/* What else decides the outputs besides files' contents: the options.  A
 * different --font or -f must rebuild even when no file is newer. */
static char *configuration(const build *b, const gir_report *rep, const char *file,
                           const struct stat *src)
{
	gir_buf c = {0};
	/* Which source, as it was when read (a save during the build shows), and
	 * which template text: another source or template writing here rebuilds. */
	char *real = realpath(file, NULL);
	gir_buf_printf(&c, "gireport %s\nsource %s %lld %lld.%09ld\ntemplate %s %016llx\nformats",
	               GIR_VERSION, real ? real : file, (long long)src->st_size,
	               (long long)src->st_mtim.tv_sec, src->st_mtim.tv_nsec, gir_report_template_id(rep),
	               (unsigned long long)gir_report_template_hash(rep));
	free(real);
	for (size_t i = 0; i < b->nf; i++)
		gir_buf_printf(&c, " %s", b->fmts[i]->name);
	for (int r = 0; r < GIR_FONT_ROLES; r++) {
		char *font = gir_font_file(rep, &b->s.opt, (gir_font_role)r);
		gir_buf_printf(&c, "\nfont %s %s", gir_font_roles[r], font);
		free(font);
	}
	const gir_project *p = b->s.ws.project;
	gir_buf_printf(&c, "\ndate %s\nname %s\n", b->s.opt.date_format ? b->s.opt.date_format : "",
	               p && gir_project_name(p) ? gir_project_name(p) : "");
	if (b->s.opt.profile)
		gir_buf_printf(&c, "profile %s\n", b->s.opt.profile);
	if (b->s.opt.subheadings)
		gir_buf_printf(&c, "subheadings %s\n", b->s.opt.subheadings);
	return gir_buf_detach(&c);
}

/* The stamp beside a source's outputs: .gireport/NAME.stamp in their directory. */
static char *stamp_path(const char *stem)
{
	const char *slash = strrchr(stem, '/');
	if (!slash)
		return gir_xasprintf(".gireport/%s.stamp", stem);
	return gir_xasprintf("%.*s/.gireport/%s.stamp", (int)(slash - stem), stem, slash + 1);
}

static bool stamp_matches(const char *stem, const char *config)
{
	char *path = stamp_path(stem), *text = NULL;
	size_t len = 0;
	bool same = gir_read_file(path, &text, &len) == GIR_READ_OK && strcmp(text, config) == 0;
	free(path);
	free(text);
	return same;
}

static void write_stamp(const char *stem, const char *config)
{
	char *path = stamp_path(stem), *temp = NULL;
	if (gir_make_parents(path) == 0 && gir_write_temp_unsynced(path, config, strlen(config), &temp) == 0)
		gir_commit_temp(temp, path); /* best effort: without it, the next build rebuilds */
	free(path);
}

/* Every output exists, is not empty, is newer than the source, the tool, the templates,
 * the project and (for a PDF) each font it uses, and was made with the same
 * options. */
static bool up_to_date(const build *b, const char *file, const gir_report *rep, const char *stem,
                       const char *config)
{
	if (!stamp_matches(stem, config))
		return false;
	struct timespec deps = b->tool_time;
	take_newest(&deps, file);
	for (size_t i = 0; i < b->nf; i++) {
		if (strcmp(b->fmts[i]->name, "pdf") != 0 && strcmp(b->fmts[i]->name, "docx") != 0 &&
		    strcmp(b->fmts[i]->name, "ofd") != 0)
			continue; /* DOCX tables are measured with the PDF's fonts, OFD embeds them */
		for (int r = 0; r < GIR_FONT_ROLES; r++) {
			char *font = gir_font_file(rep, &b->s.opt, (gir_font_role)r);
			char *colon = strrchr(font, ':');
			if (colon && colon[1] >= '0' && colon[1] <= '9')
				*colon = '\0';
			take_newest(&deps, font);
			free(font);
		}
	}
	for (size_t i = 0; i < b->nf; i++) {
		char *path = gir_xasprintf("%s%s", stem, b->fmts[i]->ext);
		struct stat st;
		/* An empty output is never fresh: every format writes something,
		 * and a system crash before the unsynced data reached the disk
		 * leaves outputs empty (docs/design-decisions.md). */
		bool fresh = stat(path, &st) == 0 && st.st_size > 0 && newer(st.st_mtim, deps);
		free(path);
		if (!fresh)
			return false;
	}
	return true;
}

static bool is_directory(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* Writes every output to a temporary file first, then renames them all: a
 * full disk or an unwritable directory leaves all previous outputs alone.
 * Not fsync'ed: an output is made again from its source, and a sync per
 * file was a twentieth of a report's build (docs/design-decisions.md,
 * "Writing outputs"). */
static int write_outputs(const build *b, const char *file, const char *stem, const gir_buf *outs,
                         gir_job_result *r)
{
	char **temps = gir_xcalloc(b->nf, sizeof(char *));
	char **paths = gir_xcalloc(b->nf, sizeof(char *));
	int rc = gir_make_parents(stem) == 0 ? GIR_EXIT_OK : GIR_EXIT_FAILURE;
	if (rc != GIR_EXIT_OK)
		gir_buf_printf(&r->err, _("%s: error: cannot create the directory of %s: %s\n"), file, stem,
		               gir_strerror(errno));
	for (size_t i = 0; i < b->nf && rc == GIR_EXIT_OK; i++) {
		paths[i] = gir_xasprintf("%s%s", stem, b->fmts[i]->ext);
		if (gir_same_file(file, paths[i])) {
			gir_buf_printf(&r->err, _("%s: error: refusing to overwrite the source with its own output\n"),
			               file);
			rc = GIR_EXIT_FAILURE;
		} else if (is_directory(paths[i])) {
			gir_buf_printf(&r->err, _("%s: error: cannot write %s: a directory is in the way\n"), file,
			               paths[i]);
			rc = GIR_EXIT_FAILURE;
		} else if (gir_write_temp_unsynced(paths[i], outs[i].ptr ? outs[i].ptr : "", outs[i].len,
		                                   &temps[i])) {
			gir_buf_printf(&r->err, _("%s: error: cannot write %s: %s\n"), file, paths[i], gir_file_strerror(errno));
			rc = GIR_EXIT_FAILURE;
		}
	}
	for (size_t i = 0; i < b->nf; i++) {
		if (rc != GIR_EXIT_OK) {
			gir_discard_temp(temps[i]);
		} else if (gir_commit_temp(temps[i], paths[i]) != 0) {
			gir_buf_printf(&r->err, _("%s: error: cannot write %s: %s\n"), file, paths[i], gir_strerror(errno));
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
static int render_all(const build *b, const gir_report *rep, const char *file, gir_buf *outs,
                      gir_job_result *r)
{
	gir_options opt = b->s.opt;
	opt.diags = gir_diags_new();
	int rc = GIR_EXIT_OK;
	for (size_t i = 0; i < b->nf && rc == GIR_EXIT_OK; i++)
		if (b->fmts[i]->render(rep, &opt, &outs[i]) != 0) {
			/* A renderer says why it failed (a missing font, …). */
			if (gir_diags_count(opt.diags))
				gir_session_diags(&b->s, opt.diags, NULL, 0, r);
			else
				gir_buf_printf(&r->err, _("%s: error: rendering %s failed\n"), file, b->fmts[i]->name);
			rc = GIR_EXIT_FAILURE;
		}
	gir_diags_free(opt.diags);
	return rc;
}

static void build_job(void *ctx, size_t i, gir_job_result *r)
{
	const build *b = ctx;
	const char *file = b->s.ws.sources.items[i];
	struct stat src = {0};
	stat(file, &src); /* before reading: a later save makes the stamp stale */
	gir_report *rep = gir_session_load(&b->s, file, r);
	if (!rep)
		return;
	char *stem = output_stem(b, file, rep);
	if (!stem) {
		gir_buf_printf(&r->err, _("%s: error: the source is outside the project %s, whose output "
		               "directory has no place for it\n"), file, b->s.ws.root);
		r->status = GIR_EXIT_FAILURE;
		r->outcome = GIR_OUTCOME_FAILED;
		gir_report_free(rep);
		return;
	}
	char *config = configuration(b, rep, file, &src);
	if (!b->s.cli->to_stdout && !b->s.cli->force && up_to_date(b, file, rep, stem, config)) {
		r->outcome = GIR_OUTCOME_UP_TO_DATE;
	} else {
		gir_buf *outs = gir_xcalloc(b->nf, sizeof(gir_buf));
		r->status = render_all(b, rep, file, outs, r);
		if (r->status == GIR_EXIT_OK && b->s.cli->to_stdout)
			gir_buf_put(&r->out, outs[0].ptr ? outs[0].ptr : "", outs[0].len);
		else if (r->status == GIR_EXIT_OK)
			r->status = write_outputs(b, file, stem, outs, r);
		if (r->status == GIR_EXIT_OK && !b->s.cli->to_stdout)
			write_stamp(stem, config);
		for (size_t k = 0; k < b->nf; k++)
			gir_buf_free(&outs[k]);
		free(outs);
		r->outcome = r->status == GIR_EXIT_OK ? GIR_OUTCOME_DONE : GIR_OUTCOME_FAILED;
	}
	free(stem);
	free(config);
	gir_report_free(rep);
}

/* A path made absolute and free of "." and ".." steps and doubled slashes,
 * so that two spellings of one output compare equal; the text only, as the
 * outputs may not exist yet. */
static char *normal_path(const char *path)
{
	char *cwd = path[0] == '/' ? NULL : getcwd(NULL, 0);
	char *all = gir_xasprintf("%s/%s", cwd ? cwd : "", path);
	free(cwd);
	gir_buf b = {0};
	for (char *save = NULL, *step = strtok_r(all, "/", &save); step; step = strtok_r(NULL, "/", &save)) {
		if (strcmp(step, ".") == 0)
			continue;
		if (strcmp(step, "..") == 0) {
			while (b.len && b.ptr[b.len - 1] != '/')
				b.len--;
			if (b.len)
				b.len--;
			if (b.ptr)
				b.ptr[b.len] = '\0';
			continue;
		}
		gir_buf_printf(&b, "/%s", step);
	}
	free(all);
	return b.len ? gir_buf_detach(&b) : (gir_buf_free(&b), gir_xstrdup("/"));
}

static bool name_needs_report(const gir_session *s)
{
	const gir_project *p = s->ws.project;
	const char *name = p ? gir_project_name(p) : NULL;
	return name && (strstr(name, "{agency}") || strstr(name, "{year}"));
}

/* A source's outputs' stem for the clash check; NULL when it will not be
 * built (it has errors, or no place in the output tree), so cannot clash. */
static char *planned_stem(const build *b, const char *file)
{
	if (!name_needs_report(&b->s))
		return output_stem(b, file, NULL);
	char *text = NULL;
	size_t len = 0;
	if (gir_read_file(file, &text, &len) != GIR_READ_OK)
		return NULL;
	gir_diags *d = gir_diags_new();
	gir_report *rep = gir_report_load(b->s.reg, file, text, len, &b->s.opt, d);
	char *stem = rep ? output_stem(b, file, rep) : NULL;
	gir_report_free(rep);
	gir_diags_free(d);
	free(text);
	return stem;
}

typedef struct planned {
	char *stem; /* normalised */
	size_t source;
} planned;

static int by_stem(const void *a, const void *b)
{
	const planned *x = a, *y = b;
	int c = strcmp(x->stem, y->stem);
	return c ? c : (x->source > y->source) - (x->source < y->source);
}

/* Two sources whose outputs have the same path (a.yaml and a.yml, two
 * sources of one agency and year under name: "{agency}{year}", two 2020.yaml
 * under -o DIR) would overwrite each other, and which one wins would change
 * from build to build.  Found on the final paths, before anything is built. */
static bool clashing_outputs(const build *b)
{
	const gir_workspace *w = &b->s.ws;
	planned *v = gir_xcalloc(w->sources.len + 1, sizeof *v);
	size_t n = 0;
	for (size_t i = 0; i < w->sources.len; i++) {
		char *stem = planned_stem(b, w->sources.items[i]);
		if (stem)
			v[n++] = (planned){normal_path(stem), i};
		free(stem);
	}
	if (n > 1)
		qsort(v, n, sizeof *v, by_stem);
	bool clash = false;
	for (size_t i = 1; i < n; i++) {
		const char *x = w->sources.items[v[i - 1].source], *y = w->sources.items[v[i].source];
		if (strcmp(v[i - 1].stem, v[i].stem) != 0 || gir_same_file(x, y))
			continue;
		gir_buf m = {0}; /* file names are shown as diagnostics show them */
		gir_buf_printf(&m, _("gireport: %s and %s would write the same outputs (%s%s); rename one, "
		               "build them separately, or give each its own name: in gireport.yaml"),
		               x, y, v[i].stem, b->fmts[0]->ext);
		gir_buf v_m = {0};
		gir_put_visible(&v_m, m.ptr);
		fprintf(stderr, "%s\n", v_m.ptr);
		gir_buf_free(&m);
		gir_buf_free(&v_m);
		clash = true;
	}
	for (size_t i = 0; i < n; i++)
		free(v[i].stem);
	free(v);
	return clash;
}

static int check_arguments(const gir_cli *cli, size_t nf)
{
	if (cli->to_stdout && nf != 1) {
		fputs(_("gireport: --stdout takes exactly one format (-f)\n"), stderr);
		return -1;
	}
	for (size_t i = 0; i < cli->nfiles && !cli->to_stdout; i++)
		if (strcmp(cli->files[i], "-") == 0) {
			fputs(_("gireport: a source read from standard input has no name to write next to; "
			      "add --stdout -f FORMAT\n"), stderr);
			return -1;
		}
	return 0;
}

int gir_cmd_build(const gir_cli *cli)
{
	build b;
	int status;
	if (gir_session_open(&b.s, cli, &status) != 0)
		return status;
	const gir_project *p = b.s.ws.project;
	const char *spec = cli->formats ? cli->formats
	                 : p && gir_project_formats(p) ? gir_project_formats(p) : "txt,md,pdf";
	if (parse_formats(spec, b.fmts, &b.nf) != 0 || check_arguments(cli, b.nf) != 0) {
		gir_session_close(&b.s);
		return GIR_EXIT_FAILURE;
	}
	b.tool_time = tool_time(&b.s);
	size_t n = b.s.ws.sources.len;
	if (n == 0) {
		fputs(_("gireport: no sources found\n"), stderr);
		gir_session_close(&b.s);
		return GIR_EXIT_FAILURE;
	}
	if (!cli->to_stdout && clashing_outputs(&b)) {
		gir_session_close(&b.s);
		return GIR_EXIT_FAILURE;
	}
	/* --stdout: one process, so the documents come out in order. */
	int workers = cli->to_stdout ? 1 : gir_session_workers(&b.s);
	/* Each worker fills its own copy, after the fork. */
	b.s.opt.font_cache = gir_font_cache_new();
	gir_job_totals t = gir_run_jobs(n, workers, build_job, &b,
	                                (const char *const *)b.s.ws.sources.items, !cli->quiet);
	gir_font_cache_free(b.s.opt.font_cache);
	if (n > 1 && !cli->quiet)
		fprintf(stderr, _("gireport: %zu sources: %zu built, %zu up to date, %zu with errors\n"), n,
		        t.done, t.up_to_date, t.failed);
	gir_session_close(&b.s);
	return t.status;
}
