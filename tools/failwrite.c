/* Test shim (LD_PRELOAD): makes write() fail the way a full disk does, or
 * delivers SIGTERM, when the file being written has a name containing
 * $GIR_FAIL_WRITE.  GIR_FAIL_MODE is "enospc" (default) or "signal".
 * With GIR_FAIL_CREATE set, mkstemp() fails with EACCES for names containing
 * it, as in a directory the user may not write (which root always may).
 * tests/cli.sh uses it to prove a failed or interrupted build leaves the
 * previous outputs intact and no temporary files behind. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

ssize_t write(int fd, const void *buf, size_t n)
{
	static ssize_t (*real)(int, const void *, size_t);
	if (!real)
		real = (ssize_t(*)(int, const void *, size_t))dlsym(RTLD_NEXT, "write");
	const char *pattern = getenv("GIR_FAIL_WRITE");
	char link[64], path[4096];
	snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
	ssize_t k = pattern && fd > 2 ? readlink(link, path, sizeof path - 1) : -1;
	if (k > 0) {
		path[k] = '\0';
		if (strstr(path, pattern)) {
			const char *mode = getenv("GIR_FAIL_MODE");
			if (mode && strcmp(mode, "signal") == 0)
				raise(SIGTERM);
			errno = ENOSPC;
			return -1;
		}
	}
	return real(fd, buf, n);
}

int mkstemp(char *template)
{
	static int (*real)(char *);
	if (!real)
		real = (int (*)(char *))dlsym(RTLD_NEXT, "mkstemp");
	const char *pattern = getenv("GIR_FAIL_CREATE");
	if (pattern && strstr(template, pattern)) {
		errno = EACCES;
		return -1;
	}
	return real(template);
}
