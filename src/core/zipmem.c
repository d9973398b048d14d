/* minizip's file functions over memory (zipmem.h).  minizip seeks back to
 * each entry's local header to fill in its CRC and sizes, so a write lands
 * at the current position, over what is there or past the end. */
#include <string.h>

#include "zipmem.h"

static size_t size_of(const gir_zipmem *m)
{
	return m->out ? m->out->len - m->base : m->len;
}

static voidpf ZCALLBACK zm_open(voidpf opaque, const void *name, int mode)
{
	(void)name, (void)mode;
	return opaque;
}

static uLong ZCALLBACK zm_read(voidpf opaque, voidpf stream, void *buf, uLong size)
{
	(void)opaque;
	gir_zipmem *m = stream;
	if (!m->data || m->pos >= m->len)
		return 0;
	size_t n = m->len - m->pos < size ? m->len - m->pos : size;
	memcpy(buf, m->data + m->pos, n);
	m->pos += n;
	return (uLong)n;
}

static uLong ZCALLBACK zm_write(voidpf opaque, voidpf stream, const void *buf, uLong size)
{
	(void)opaque;
	gir_zipmem *m = stream;
	if (!m->out)
		return 0; /* a reader's archive is never written */
	size_t at = m->base + m->pos; /* never past the end: zm_seek sees to it */
	size_t over = m->out->len - at < size ? m->out->len - at : size;
	if (over)
		memcpy(m->out->ptr + at, buf, over);
	gir_buf_put(m->out, (const char *)buf + over, size - over);
	m->pos += size;
	return size;
}

static ZPOS64_T ZCALLBACK zm_tell(voidpf opaque, voidpf stream)
{
	(void)opaque;
	return ((gir_zipmem *)stream)->pos;
}

static long ZCALLBACK zm_seek(voidpf opaque, voidpf stream, ZPOS64_T offset, int origin)
{
	(void)opaque;
	gir_zipmem *m = stream;
	size_t len = size_of(m);
	ZPOS64_T from = origin == ZLIB_FILEFUNC_SEEK_CUR ? m->pos
	                : origin == ZLIB_FILEFUNC_SEEK_END ? len : 0;
	if (from > len || offset > len - from)
		return -1;
	m->pos = (size_t)(from + offset);
	return 0;
}

static int ZCALLBACK zm_close(voidpf opaque, voidpf stream)
{
	(void)opaque, (void)stream;
	return 0;
}

static int ZCALLBACK zm_error(voidpf opaque, voidpf stream)
{
	(void)opaque, (void)stream;
	return 0;
}

static void fill(gir_zipmem *m, zlib_filefunc64_def *io)
{
	*io = (zlib_filefunc64_def){zm_open, zm_read, zm_write, zm_tell, zm_seek, zm_close, zm_error, m};
}

void gir_zipmem_writer(gir_zipmem *m, gir_buf *out, zlib_filefunc64_def *io)
{
	*m = (gir_zipmem){.out = out, .base = out->len};
	fill(m, io);
}

void gir_zipmem_reader(gir_zipmem *m, const char *data, size_t len, zlib_filefunc64_def *io)
{
	*m = (gir_zipmem){.data = data, .len = len};
	fill(m, io);
}
