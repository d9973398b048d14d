/* Where libharu 2.3 spends time it need not, replaced from outside.
 *
 * A PDF of a report took about 25 ms of CPU, and two thirds of it went to
 * three things inside libharu that it offers no setting for: zlib at its
 * default level, and byte-at-a-time loops for copying and clearing memory
 * (HPDF_MemCpy, HPDF_MemSet, which move every font through several buffers).
 * The functions below take the place of those: an executable's definitions
 * come first in ELF symbol lookup, and libharu calls these through its PLT.
 * They do what the originals do, so a libharu that binds them internally
 * (or a future one) simply keeps its own; the output bytes do not depend on
 * which is used, apart from the compression level.  docs/pdf.md has the
 * figures.
 *
 * The file is linked because emit() calls pdf_compress_streams. */
#include <string.h>
#include <hpdf_utils.h>
#include <zlib.h>

#include "pdf.h"

/* zlib level 3 instead of 6: about twice as fast on fonts and page content,
 * for 6% more bytes (level 1: another 4% more bytes for little time). */
#define PDF_DEFLATE_LEVEL 3

void pdf_compress_streams(HPDF_Doc pdf)
{
	HPDF_SetCompressionMode(pdf, HPDF_COMP_ALL);
}

/* libharu's only zlib set-up call (HPDF_Stream_WriteToStreamWithDeflate). */
int deflateInit_(z_streamp strm, int level, const char *version, int stream_size)
{
	(void)level;
	return deflateInit2_(strm, PDF_DEFLATE_LEVEL, Z_DEFLATED, MAX_WBITS, 8, Z_DEFAULT_STRATEGY,
	                     version, stream_size);
}

/* Both return the end of what they wrote, as the originals do. */
HPDF_BYTE *HPDF_MemCpy(HPDF_BYTE *out, const HPDF_BYTE *in, HPDF_UINT n)
{
	if (n)
		memmove(out, in, n);
	return out + n;
}

void *HPDF_MemSet(void *s, HPDF_BYTE c, HPDF_UINT n)
{
	if (n)
		memset(s, c, n);
	return (HPDF_BYTE *)s + n;
}
