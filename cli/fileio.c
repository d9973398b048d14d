/* Reading sources and writing outputs.  Outputs go to a temporary file in the
 * target directory and are renamed into place: a crash, a full disk or a
 * signal leaves the previous output intact and no temporary file behind. */
#include <errno.h>
#include <stdbool.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fileio.h"
#include "gireport.h"
#include "util.h"

gir_read_status gir_read_file(const char *path, char **text, size_t *len)
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
	if (snprintf(name, sizeof pending[0], "%.*s/.%s.XXXXXX", dirlen, dir, base) >=
	    (int)sizeof pending[0]) {
		errno = ENAMETOOLONG;
		return -1;
	}
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
