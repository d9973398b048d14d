/* Allocation wrappers: running out of memory is not a diagnosable input
 * problem, so it ends the process with a message instead of unwinding. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

static void out_of_memory(void)
{
	fputs("gireport: out of memory\n", stderr);
	abort();
}

void *gir_xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p)
		out_of_memory();
	return p;
}

void *gir_xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);
	if (!p)
		out_of_memory();
	return p;
}

void *gir_xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);
	if (!q)
		out_of_memory();
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
