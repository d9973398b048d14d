/* Reading sources and writing outputs.  Outputs go to a temporary file in the
 * target directory and are renamed into place: a crash, a full disk or a
 * signal leaves the previous output intact and no temporary file behind. */
#include <dirent.h>
#include <errno.h>
#include <stdbool.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "fileio.h"
#include "gireport.h"

/* Standard input as first read: it can be read only once, and summary reads
 * a failed source a second time for its agency and year. */
static char *stdin_text;
static size_t stdin_len;

static gir_read_status read_file(const char *path, char **text, size_t *len);

gir_read_status gir_read_file(const char *path, char **text, size_t *len)
{
	bool from_stdin = strcmp(path, "-") == 0;
	if (from_stdin && stdin_text) {
		*text = gir_xmalloc(stdin_len + 1); /* bytes, NULs included */
		memcpy(*text, stdin_text, stdin_len + 1);
		*len = stdin_len;
		return GIR_READ_OK;
	}
	gir_read_status rc = read_file(path, text, len);
	if (from_stdin && rc == GIR_READ_OK) {
		stdin_text = gir_xmalloc(*len + 1);
		memcpy(stdin_text, *text, *len + 1);
		stdin_len = *len;
	}
	return rc;
}

static gir_read_status read_file(const char *path, char **text, size_t *len)
{
	/* Standard input is whatever the caller piped; a named file must be a
	 * regular one (a FIFO or a device would block or never end). */
	int fd = strcmp(path, "-") == 0 ? 0 : gir_open_regular(path);
	if (fd < 0)
		return GIR_READ_ERROR;
	struct stat st;
	if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
		if (fd)
			close(fd);
		errno = EISDIR;
		return GIR_READ_ERROR;
	}
	gir_buf b = {0};
	char chunk[65536];
	gir_read_status rc = GIR_READ_OK;
	for (;;) {
		ssize_t k = read(fd, chunk, sizeof chunk);
		if (k < 0 && errno == EINTR)
			continue;
		if (k < 0) {
			rc = GIR_READ_ERROR;
			break;
		}
		if (k == 0)
			break;
		if (b.len + (size_t)k > GIR_MAX_SOURCE) {
			rc = GIR_READ_TOO_LARGE;
			errno = EFBIG;
			break;
		}
		gir_buf_put(&b, chunk, (size_t)k);
	}
	int saved = errno;
	if (fd)
		close(fd);
	if (rc != GIR_READ_OK) {
		gir_buf_free(&b);
		errno = saved;
		return rc;
	}
	*len = b.len;
	*text = gir_buf_detach(&b);
	return GIR_READ_OK;
}

/* Temporary files not yet renamed or removed, for gir_write_abort: fixed
 * storage, because a signal handler may not allocate. */
#define MAX_PENDING 8
static char pending[MAX_PENDING][4096];
static volatile sig_atomic_t pending_used[MAX_PENDING];

void gir_write_abort(void)
{
	for (int i = 0; i < MAX_PENDING; i++)
		if (pending_used[i])
			unlink(pending[i]);
}

static int pending_slot(void)
{
	for (int i = 0; i < MAX_PENDING; i++)
		if (!pending_used[i])
			return i;
	return -1;
}

static void pending_done(const char *temp)
{
	for (int i = 0; i < MAX_PENDING; i++)
		if (pending_used[i] && strcmp(pending[i], temp) == 0)
			pending_used[i] = 0;
}

/* Only a regular file (or a symlink, which the rename replaces, never its
 * target) is replaced: renaming over a FIFO or a device node would unlink it,
 * and /dev/null with it when run as root. */
static int replaceable(const char *path)
{
	struct stat st;
	if (lstat(path, &st) != 0 || S_ISREG(st.st_mode) || S_ISLNK(st.st_mode))
		return 0;
	errno = S_ISDIR(st.st_mode) ? EISDIR : EINVAL;
	return -1;
}

/* A temporary file of ours: ".NAME.gir-XXXXXX" (mkstemp's six characters);
 * the "gir-" keeps the sweep below off anybody else's hidden files. */
#define TEMP_MARK ".gir-"

static bool our_temp(const char *name)
{
	size_t n = strlen(name), k = strlen(TEMP_MARK);
	if (name[0] != '.' || n < 2 + k + 6 || strncmp(name + n - 6 - k, TEMP_MARK, k) != 0)
		return false;
	for (size_t i = n - 6; i < n; i++)
		if (!((name[i] >= 'a' && name[i] <= 'z') || (name[i] >= 'A' && name[i] <= 'Z') ||
		      (name[i] >= '0' && name[i] <= '9')))
			return false;
	return true;
}

/* A temporary is renamed or removed within the run that made it, unless
 * the run was killed (SIGKILL, a power cut): one untouched for 10 minutes
 * is such a leftover.  Each directory is swept once per process, before its
 * first write, so the sweep costs one readdir per directory, not per file. */
#define STALE_SECONDS 600

static void sweep_stale_temps(const char *dir)
{
	static char swept[32][4096];
	static int nswept;
	for (int i = 0; i < nswept; i++)
		if (strcmp(swept[i], dir) == 0)
			return;
	if (nswept < 32 && strlen(dir) < sizeof swept[0])
		strcpy(swept[nswept++], dir);
	DIR *dh = opendir(dir);
	struct dirent *e;
	time_t now = time(NULL);
	while (dh && (e = readdir(dh)) != NULL) {
		if (!our_temp(e->d_name))
			continue;
		char *path = gir_xasprintf("%s/%s", dir, e->d_name);
		struct stat st;
		if (lstat(path, &st) == 0 && S_ISREG(st.st_mode) && now - st.st_mtime > STALE_SECONDS)
			unlink(path);
		free(path);
	}
	if (dh)
		closedir(dh);
}

static int write_temp(const char *path, const char *data, size_t len, bool sync, char **temp)
{
	if (replaceable(path) != 0)
		return -1;
	const char *slash = strrchr(path, '/');
	int dirlen = slash ? (int)(slash - path) : 1;
	const char *dir = slash ? path : ".";
	const char *base = slash ? slash + 1 : path;
	int slot = pending_slot();
	if (slot < 0) {
		errno = EMFILE;
		return -1;
	}
	char *name = pending[slot];
	if (snprintf(name, sizeof pending[0], "%.*s/.%s" TEMP_MARK "XXXXXX", dirlen, dir, base) >=
	    (int)sizeof pending[0]) {
		errno = ENAMETOOLONG;
		return -1;
	}
	char *dirname = gir_xasprintf("%.*s", dirlen, dir);
	sweep_stale_temps(dirname);
	free(dirname);
	/* No signal between creating the file and recording it for removal. */
	sigset_t block, old;
	sigemptyset(&block);
	sigaddset(&block, SIGINT), sigaddset(&block, SIGTERM), sigaddset(&block, SIGHUP);
	sigprocmask(SIG_BLOCK, &block, &old);
	int fd = mkstemp(name);
	if (fd >= 0)
		pending_used[slot] = 1;
	sigprocmask(SIG_SETMASK, &old, NULL);
	if (fd < 0)
		return -1;
	mode_t mask = umask(0);
	umask(mask);
	/* fsync: on a full disk, delayed allocation may report ENOSPC only here. */
	int rc = fchmod(fd, 0666 & ~mask);
	if (rc == 0)
		rc = gir_write_full(fd, data, len);
	if (rc == 0 && sync)
		rc = fsync(fd);
	int saved = errno;
	if (close(fd) != 0 && rc == 0) {
		rc = -1;
		saved = errno;
	}
	if (rc != 0) {
		unlink(name);
		pending_used[slot] = 0;
		errno = saved;
		return -1;
	}
	*temp = gir_xstrdup(name);
	return 0;
}

int gir_write_temp(const char *path, const char *data, size_t len, char **temp)
{
	return write_temp(path, data, len, true, temp);
}

int gir_write_temp_unsynced(const char *path, const char *data, size_t len, char **temp)
{
	return write_temp(path, data, len, false, temp);
}

int gir_commit_temp(char *temp, const char *path)
{
	int rc = rename(temp, path);
	int saved = errno;
	if (rc != 0)
		unlink(temp);
	pending_done(temp);
	free(temp);
	errno = saved;
	return rc;
}

void gir_discard_temp(char *temp)
{
	if (!temp)
		return;
	unlink(temp);
	pending_done(temp);
	free(temp);
}

int gir_same_file(const char *a, const char *b)
{
	struct stat x, y;
	if (stat(a, &x) != 0 || stat(b, &y) != 0)
		return 0;
	return x.st_dev == y.st_dev && x.st_ino == y.st_ino;
}

int gir_make_parents(const char *path)
{
	char *p = gir_xstrdup(path);
	for (char *s = p + 1; *s; s++) {
		if (*s != '/')
			continue;
		*s = '\0';
		if (mkdir(p, 0777) != 0 && errno != EEXIST) {
			free(p);
			return -1;
		}
		*s = '/';
	}
	free(p);
	return 0;
}
