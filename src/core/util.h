/* Small allocation and string helpers shared by every stage. */
#ifndef GIR_UTIL_H
#define GIR_UTIL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "gireport.h"

void *gir_xmalloc(size_t n);
void *gir_xcalloc(size_t n, size_t size);
void *gir_xrealloc(void *p, size_t n);
char *gir_xstrdup(const char *s);
char *gir_xstrndup(const char *s, size_t n);
char *gir_xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
char *gir_buf_detach(gir_buf *b);

/* Line `line` (1-based) of a text: its start, and its length up to the
 * line break in *n; NULL past the last line. */
const char *gir_text_line(const char *text, size_t len, int line, size_t *n);
/* 10^n for 0 <= n <= 18. */
int64_t gir_pow10(int n);
/* A path written in `file` (previous:, fonts:): relative to that file's
 * directory unless absolute (or `file` has no directory). */
char *gir_path_beside(const char *file, const char *path);

/* Replaces every "{year}" and "{agency}" in a template label. */
char *gir_expand_label(const char *label, int year, const char *agency);

#define GIR_ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

/* A growable array of pointers. */
typedef struct gir_ptrvec {
	void **items;
	size_t len, cap;
} gir_ptrvec;

void gir_ptrvec_push(gir_ptrvec *v, void *p);
void gir_ptrvec_free(gir_ptrvec *v);

/* The whole of a write or read, through EINTR and short counts; -1 on an
 * error or an early end of file. */
int gir_write_full(int fd, const void *data, size_t len);
int gir_read_full(int fd, void *data, size_t len);

/* Opens a file for reading only if it is a regular file (after symlinks):
 * a FIFO, a terminal or a device named by a source, a project file or a
 * template directory would block or never end.  The open does not wait
 * (O_NONBLOCK) and the type is checked again on the open file.  Returns the
 * descriptor (blocking again), or -1 with errno; EINVAL stands for "not a
 * regular file", which gir_file_strerror says in words. */
int gir_open_regular(const char *path);
/* strerror for a failed read or write of a named file, with "not a regular
 * file" for EINVAL (gir_open_regular, gir_write_temp). */
const char *gir_file_strerror(int err);

#endif
