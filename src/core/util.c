/* Allocation wrappers: running out of memory is not a diagnosable input
 * problem, so it ends the process (the caller's handler, else abort) instead
 * of unwinding: gireport.h, "Out of memory". */
#include <errno.h>
#include <locale.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "i18n.h"
#include "util.h"

static gir_oom_handler *oom_handler;

void gir_set_oom_handler(gir_oom_handler *handler)
{
	oom_handler = handler;
}

static void out_of_memory(size_t n)
{
	if (oom_handler)
		oom_handler(n);
	abort();
}

void *gir_xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p)
		out_of_memory(n);
	return p;
}

void *gir_xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);
	if (!p)
		out_of_memory(n * size);
	return p;
}

void *gir_xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);
	if (!q)
		out_of_memory(n);
	return q;
}

char *gir_xstrndup(const char *s, size_t n)
{
	char *p = gir_xmalloc(n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *gir_xstrdup(const char *s)
{
	return gir_xstrndup(s, strlen(s));
}

char *gir_xasprintf(const char *fmt, ...)
{
	gir_buf b = {0};
	va_list ap;
	va_start(ap, fmt);
	gir_buf_vprintf(&b, fmt, ap);
	va_end(ap);
	return gir_buf_detach(&b);
}

char *gir_join_labels(const char *first, ...)
{
	gir_buf b = {0};
	va_list ap;
	va_start(ap, first);
	for (const char *s = first; s; s = va_arg(ap, const char *))
		if (*s)
			gir_buf_printf(&b, "%s%s", b.len ? " · " : "", s);
	va_end(ap);
	return gir_buf_detach(&b);
}

char *gir_expand_label(const char *label, int year, const char *agency)
{
	gir_buf b = {0};
	for (const char *p = label; *p;) {
		if (strncmp(p, "{year}", 6) == 0) {
			gir_buf_printf(&b, "%d", year);
			p += 6;
		} else if (strncmp(p, "{agency}", 8) == 0) {
			gir_buf_puts(&b, agency ? agency : "");
			p += 8;
		} else {
			gir_buf_putc(&b, *p++);
		}
	}
	return gir_buf_detach(&b);
}

void gir_ptrvec_push(gir_ptrvec *v, void *p)
{
	if (v->len == v->cap) {
		v->cap = v->cap ? v->cap * 2 : 8;
		v->items = gir_xrealloc(v->items, v->cap * sizeof(void *));
	}
	v->items[v->len++] = p;
}

void gir_ptrvec_free(gir_ptrvec *v)
{
	free(v->items);
	v->items = NULL;
	v->len = v->cap = 0;
}

const char *gir_text_line(const char *text, size_t len, int line, size_t *n)
{
	size_t i = 0;
	for (int l = 1; l < line; l++) {
		const char *nl = memchr(text + i, '\n', len - i);
		if (!nl)
			return NULL;
		i = (size_t)(nl - text) + 1;
	}
	const char *nl = memchr(text + i, '\n', len - i);
	*n = nl ? (size_t)(nl - text) - i : len - i;
	return text + i;
}

int64_t gir_pow10(int n)
{
	int64_t r = 1;
	while (n-- > 0)
		r *= 10;
	return r;
}

char *gir_path_beside(const char *file, const char *path)
{
	const char *slash = file ? strrchr(file, '/') : NULL;
	if (path[0] == '/' || !slash)
		return gir_xstrdup(path);
	return gir_xasprintf("%.*s/%s", (int)(slash - file), file, path);
}

int gir_write_full(int fd, const void *data, size_t len)
{
	const char *p = data;
	while (len > 0) {
		ssize_t k = write(fd, p, len);
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			return -1;
		p += k, len -= (size_t)k;
	}
	return 0;
}

int gir_read_full(int fd, void *data, size_t len)
{
	char *p = data;
	while (len > 0) {
		ssize_t k = read(fd, p, len);
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			return -1;
		p += k, len -= (size_t)k;
	}
	return 0;
}

/* open(2) and read(2) of a regular file never set EINVAL, so it can carry
 * "not a regular file" to the callers' messages. */
/* The common reasons in the reader's language; the others in English, as
 * strerror in the C locale gives them (strerror would follow LC_MESSAGES
 * but write its Chinese in LC_CTYPE's ASCII, as question marks). */
const char *gir_file_strerror(int err)
{
	return err == EINVAL ? _("not a regular file") : gir_strerror(err);
}

const char *gir_strerror(int err)
{
	switch (err) {
	case ENOENT: return _("No such file or directory");
	case EACCES: return _("Permission denied");
	case EISDIR: return _("Is a directory");
	case ENOTDIR: return _("Not a directory");
	case ELOOP: return _("Too many levels of symbolic links");
	case EIO: return _("Input/output error");
	case ENOSPC: return _("No space left on device");
	case EROFS: return _("Read-only file system");
	}
	static locale_t c;
	if (!c)
		c = newlocale(LC_ALL_MASK, "C", (locale_t)0);
	return c ? strerror_l(err, c) : strerror(err);
}

int gir_open_regular(const char *path)
{
	struct stat st;
	if (stat(path, &st) != 0)
		return -1;
	if (!S_ISREG(st.st_mode)) {
		errno = S_ISDIR(st.st_mode) ? EISDIR : EINVAL;
		return -1;
	}
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		errno = EINVAL;
		return -1;
	}
	int flags = fcntl(fd, F_GETFL);
	if (flags >= 0)
		fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
	return fd;
}

int gir_read_source(const char *path, char **text, size_t *len)
{
	int fd = gir_open_regular(path); /* never a FIFO or a device (docs/security.md) */
	if (fd < 0)
		return -1;
	gir_buf b = {0};
	char chunk[65536];
	int rc = 0;
	for (;;) {
		ssize_t k = read(fd, chunk, sizeof chunk);
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0) {
			rc = k < 0 ? -1 : 0;
			break;
		}
		if (b.len + (size_t)k > GIR_MAX_SOURCE) {
			errno = EFBIG;
			rc = -1;
			break;
		}
		gir_buf_put(&b, chunk, (size_t)k);
	}
	int saved = errno;
	close(fd);
	if (rc != 0) {
		gir_buf_free(&b);
		errno = saved;
		return -1;
	}
	*len = b.len;
	*text = gir_buf_detach(&b);
	return 0;
}
