/* gireport site: a project's reports as one static site in -o DIR (else
 * the project's output tree, under site/).  Every source is checked as
 * `check` does; the library makes the pages (gir_site_write), and this
 * file writes each one only when its bytes differ from the file there, so
 * that after one source changed only the pages depending on it are new
 * files (their mtimes and inodes show it).  The PDF, DOCX and OFD files
 * `gireport build` made are copied next to each report's page. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "commands.h"
#include "fileio.h"

typedef struct site_out {
	const char *dir;
	size_t written, unchanged, failed, removed;
	gir_ptrvec files;     /* char *: every file of this site, relative to dir */
} site_out;

/* The list of the site's files, in the site: what the next run removes
 * when its own list lacks it (a report or an agency that left the tree),
 * and nothing else — never a file of someone else's in the directory. */
#define MANIFEST ".gireport-site"

static bool same_bytes(const char *path, const char *data, size_t len)
{
	struct stat st;
	if (stat(path, &st) != 0 || !S_ISREG(st.st_mode) || (size_t)st.st_size != len)
		return false;
	char *text = NULL;
	size_t n = 0;
	bool same = gir_read_file(path, &text, &n) == GIR_READ_OK && n == len &&
	            memcmp(text, data, len) == 0;
	free(text);
	return same;
}

/* Writes one file of the site unless it already holds these bytes. */
static int put_file(void *ctx, const char *rel, const char *data, size_t len)
{
	site_out *o = ctx;
	char *path = gir_xasprintf("%s/%s", o->dir, rel), *temp = NULL;
	int rc = 0;
	gir_ptrvec_push(&o->files, gir_xstrdup(rel));
	if (same_bytes(path, data, len)) {
		o->unchanged++;
	} else if (gir_make_parents(path) != 0 || gir_write_temp_unsynced(path, data, len, &temp) != 0 ||
	           gir_commit_temp(temp, path) != 0) {
		fprintf(stderr, _("gireport: error: cannot write %s: %s\n"), path, strerror(errno));
		o->failed++;
		rc = -1;
	} else {
		o->written++;
	}
	free(path);
	return rc;
}

/* The agency of a source: its directory relative to the project root, or,
 * outside a project, the last component of its directory; "" for a file
 * at the top. */
static char *agency_dir(const gir_session *s, const char *file)
{
	char *real = realpath(file, NULL);
	const char *rel = file;
	size_t root = s->ws.root ? strlen(s->ws.root) : 0;
	bool inside = real && root && strncmp(real, s->ws.root, root) == 0 && real[root] == '/';
	if (inside)
		rel = real + root + 1;
	const char *slash = strrchr(rel, '/');
	const char *from = rel;
	if (!inside && slash)
		for (const char *p = slash; p > rel; p--)
			if (p[-1] == '/') {
				from = p;
				break;
			}
	char *dir = gir_xstrndup(from, slash ? (size_t)(slash - from) : 0);
	free(real);
	return dir;
}

/* A report year from a file name YEAR.yaml, for a source too broken to say. */
static int year_of_name(const char *file)
{
	const char *base = strrchr(file, '/');
	base = base ? base + 1 : file;
	if (strspn(base, "0123456789") == 4 && base[4] == '.')
		return atoi(base);
	return 0;
}

/* Copies the files `build` made for a source next to its page: returns the
 * GIR_SITE_* bits of those present. */
static unsigned copy_downloads(const gir_session *s, site_out *o, const char *file,
                               const gir_report *rep, const char *key, int year)
{
	static const struct { const char *ext; unsigned bit; } kinds[] = {
		{"pdf", GIR_SITE_PDF}, {"docx", GIR_SITE_DOCX}, {"ofd", GIR_SITE_OFD}};
	char *stem = gir_build_output_stem(s, file, rep);
	unsigned bits = 0;
	for (size_t i = 0; stem && i < GIR_ARRAY_LEN(kinds); i++) {
		char *from = gir_xasprintf("%s.%s", stem, kinds[i].ext);
		char *rel = gir_site_report_path(key, year, kinds[i].ext);
		char *to = gir_xasprintf("%s/%s", o->dir, rel);
		struct stat a, b;
		if (stat(from, &a) == 0 && S_ISREG(a.st_mode)) {
			bits |= kinds[i].bit;
			bool fresh = stat(to, &b) == 0 && b.st_size == a.st_size &&
			             (b.st_mtim.tv_sec > a.st_mtim.tv_sec ||
			              (b.st_mtim.tv_sec == a.st_mtim.tv_sec && b.st_mtim.tv_nsec >= a.st_mtim.tv_nsec));
			char *data = NULL;
			size_t len = 0;
			if (fresh) {
				o->unchanged++;
				gir_ptrvec_push(&o->files, gir_xstrdup(rel));
			}
			else if (gir_read_file(from, &data, &len) == GIR_READ_OK)
				put_file(o, rel, data, len);
			else
				bits &= ~kinds[i].bit;
			free(data);
		}
		free(from);
		free(rel);
		free(to);
	}
	free(stem);
	return bits;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static bool listed(const site_out *o, const char *rel)
{
	return bsearch(&rel, o->files.items, o->files.len, sizeof(char *), by_name) != NULL;
}

/* A manifest line names a file below the site: relative, no "." or ".."
 * step, not the manifest; anything else is left alone. */
static bool safe_entry(const char *rel)
{
	if (!*rel || rel[0] == '/' || strcmp(rel, MANIFEST) == 0)
		return false;
	for (const char *p = rel; *p; p = strchr(p, '/') ? strchr(p, '/') + 1 : p + strlen(p)) {
		size_t n = strcspn(p, "/");
		if (n == 0 || (n == 1 && p[0] == '.') || (n == 2 && p[0] == '.' && p[1] == '.'))
			return false;
	}
	return true;
}

/* Removes the files of the last run's list that this run did not make (and
 * their directories when that leaves them empty), then writes this run's. */
static void prune(site_out *o)
{
	qsort(o->files.items, o->files.len, sizeof(char *), by_name);
	char *mpath = gir_xasprintf("%s/" MANIFEST, o->dir), *text = NULL;
	size_t len = 0;
	if (gir_read_file(mpath, &text, &len) == GIR_READ_OK) {
		for (char *save = NULL, *line = strtok_r(text, "\n", &save); line;
		     line = strtok_r(NULL, "\n", &save)) {
			if (!safe_entry(line) || listed(o, line))
				continue;
			char *path = gir_xasprintf("%s/%s", o->dir, line);
			struct stat st;
			if (lstat(path, &st) == 0 && S_ISREG(st.st_mode) && unlink(path) == 0) {
				o->removed++;
				for (char *slash = strrchr(path, '/'); slash && slash > path + strlen(o->dir);
				     slash = strrchr(path, '/')) {
					*slash = '\0';
					if (rmdir(path) != 0)
						break;
				}
			}
			free(path);
		}
	}
	free(text);
	gir_buf list = {0};
	for (size_t i = 0; i < o->files.len; i++)
		gir_buf_printf(&list, "%s\n", (const char *)o->files.items[i]);
	size_t before = o->written, kept = o->unchanged;
	put_file(o, MANIFEST, list.ptr ? list.ptr : "", list.len);
	o->written = before, o->unchanged = kept; /* the list is not a page */
	gir_buf_free(&list);
	free(mpath);
}

static char *site_dir(const gir_session *s)
{
	if (s->cli->outdir)
		return gir_xstrdup(s->cli->outdir);
	const gir_project *p = s->ws.project;
	if (!p || !gir_project_output(p))
		return NULL;
	char *out = gir_workspace_path(&s->ws, gir_project_output(p));
	char *dir = gir_xasprintf("%s/site", out);
	free(out);
	return dir;
}

/* Reads and checks one source and adds it to the site. */
static int add_source(gir_session *s, gir_site *site, site_out *o, const char *file)
{
	gir_job_result r = {0};
	char *text = NULL;
	size_t len = 0;
	int status = GIR_EXIT_OK;
	gir_diags *d = gir_diags_new();
	gir_report *rep = NULL;
	if (gir_read_file(file, &text, &len) != GIR_READ_OK) {
		gir_diags_add(d, file, GIR_MSG(ERROR, cannot_read, "cannot read: %s"),
		              gir_file_strerror(errno));
		status = GIR_EXIT_FAILURE;
	} else {
		rep = gir_report_load(s->reg, file, text, len, &s->opt, d);
		if (rep)
			gir_report_check_previous_file(rep, s->reg, file, &s->opt, d);
		if (rep && gir_diags_count_severity(d, GIR_ERROR)) {
			gir_report_free(rep);
			rep = NULL;
		}
		status = rep ? GIR_EXIT_OK : GIR_EXIT_INVALID;
	}
	gir_session_diags(s, d, text, len, &r);
	fputs(r.err.ptr ? r.err.ptr : "", stderr);
	fputs(r.out.ptr ? r.out.ptr : "", stdout);
	int year = rep ? gir_report_year(rep) : year_of_name(file);
	char *dir = agency_dir(s, file);
	const char *key = *dir ? dir : rep ? gir_report_agency(rep) : file;
	if (!year) {
		fprintf(stderr, _("gireport: %s: no report year (name the file YEAR.yaml); not on the site\n"),
		        file);
		gir_report_free(rep);
	} else if (gir_site_has(site, key, year)) {
		fprintf(stderr, _("gireport: %s: error: a second report of %s for %d; not on the site\n"),
		        file, key, year);
		gir_report_free(rep);
		status = GIR_EXIT_INVALID;
	} else {
		unsigned bits = rep ? copy_downloads(s, o, file, rep, key, year) : 0;
		gir_site_add(site, key, file, year, rep, d, bits);
	}
	free(dir);
	free(text);
	gir_diags_free(d);
	gir_buf_free(&r.err);
	gir_buf_free(&r.out);
	return status;
}

int gir_cmd_site(const gir_cli *cli)
{
	gir_session s;
	int rc;
	if (gir_session_open(&s, cli, &rc) != 0)
		return rc;
	char *dir = site_dir(&s);
	if (!dir) {
		fputs(_("gireport: site needs -o DIR (or a project file with output:)\n"), stderr);
		gir_session_close(&s);
		return GIR_EXIT_FAILURE;
	}
	if (s.ws.sources.len == 0) {
		fputs(_("gireport: no sources found\n"), stderr);
		free(dir);
		gir_session_close(&s);
		return GIR_EXIT_FAILURE;
	}
	site_out o = {.dir = dir};
	gir_site *site = gir_site_new(s.reg);
	size_t failed = 0;
	for (size_t i = 0; i < s.ws.sources.len; i++) {
		int st = add_source(&s, site, &o, s.ws.sources.items[i]);
		failed += st != GIR_EXIT_OK;
		rc = st > rc ? st : rc;
	}
	gir_diags *d = gir_diags_new();
	if (gir_site_write(site, &s.opt, put_file, &o, d) != 0) {
		gir_print_diags(cli, d, NULL, 0);
		rc = GIR_EXIT_FAILURE;
	} else if (!o.failed) {
		prune(&o);
	}
	if (o.failed)
		rc = GIR_EXIT_FAILURE;
	if (!cli->quiet)
		fprintf(stderr, _("gireport: site %s: %zu sources, %zu with errors; %zu files written, "
		        "%zu unchanged, %zu removed\n"), dir, s.ws.sources.len, failed, o.written,
		        o.unchanged, o.removed);
	for (size_t i = 0; i < o.files.len; i++)
		free(o.files.items[i]);
	gir_ptrvec_free(&o.files);
	gir_diags_free(d);
	gir_site_free(site);
	free(dir);
	gir_session_close(&s);
	return rc;
}
