/* Growable byte buffer: every append keeps the contents NUL-terminated. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gireport.h"
#include "util.h"

static void buf_reserve(gir_buf *b, size_t extra)
{
	size_t need = b->len + extra + 1;
	if (need <= b->cap)
		return;
	size_t cap = b->cap ? b->cap : 256;
	while (cap < need)
		cap *= 2;
	b->ptr = gir_xrealloc(b->ptr, cap);
	b->cap = cap;
}

void gir_buf_put(gir_buf *b, const char *s, size_t n)
{
	buf_reserve(b, n);
	if (n)
		memcpy(b->ptr + b->len, s, n);
	b->len += n;
	b->ptr[b->len] = '\0';
}

void gir_buf_puts(gir_buf *b, const char *s)
{
	gir_buf_put(b, s, strlen(s));
}

void gir_buf_putc(gir_buf *b, char c)
{
	gir_buf_put(b, &c, 1);
}

void gir_buf_vprintf(gir_buf *b, const char *fmt, va_list ap)
{
	va_list copy;
	va_copy(copy, ap);
	int n = vsnprintf(NULL, 0, fmt, copy);
	va_end(copy);
	if (n < 0)
		return;
	buf_reserve(b, (size_t)n);
	vsnprintf(b->ptr + b->len, (size_t)n + 1, fmt, ap);
	b->len += (size_t)n;
}

void gir_buf_printf(gir_buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	gir_buf_vprintf(b, fmt, ap);
	va_end(ap);
}

void gir_buf_clear(gir_buf *b)
{
	b->len = 0;
	if (b->ptr)
		b->ptr[0] = '\0';
}

void gir_buf_free(gir_buf *b)
{
	if (!b)
		return;
	free(b->ptr);
	b->ptr = NULL;
	b->len = b->cap = 0;
}

/* Detaches the contents as a malloc'd string (never NULL). */
char *gir_buf_detach(gir_buf *b)
{
	if (!b->ptr)
		return gir_xstrdup("");
	char *s = b->ptr;
	b->ptr = NULL;
	b->len = b->cap = 0;
	return s;
}
