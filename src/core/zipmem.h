/* A zip archive in memory, for minizip (the one zip library gireport uses):
 * minizip reads and writes through a table of file functions, and these
 * make a gir_buf (writing: the DOCX renderer) or a byte range (reading:
 * the .docx importer) its file. */
#ifndef GIR_ZIPMEM_H
#define GIR_ZIPMEM_H

#include <stddef.h>

#include <minizip/ioapi.h>

#include "gireport.h"

typedef struct gir_zipmem {
	gir_buf *out;       /* writing: the archive is appended to it */
	const char *data;   /* reading: the archive */
	size_t base;        /* writing: where the archive starts in out */
	size_t len, pos;
} gir_zipmem;

/* Fills *io so that zipOpen2_64("memory", APPEND_STATUS_CREATE, NULL, io)
 * writes the archive at the end of `out`.  m must outlive the zipFile. */
void gir_zipmem_writer(gir_zipmem *m, gir_buf *out, zlib_filefunc64_def *io);
/* Fills *io so that unzOpen2_64("memory", io) reads the archive data[0..len).
 * m and data must outlive the unzFile. */
void gir_zipmem_reader(gir_zipmem *m, const char *data, size_t len, zlib_filefunc64_def *io);

#endif
