/* File input and atomic output for the command-line tool. */
#ifndef GIR_FILEIO_H
#define GIR_FILEIO_H

#include <stddef.h>

#include "gireport.h" /* GIR_MAX_SOURCE */

typedef enum gir_read_status { GIR_READ_OK, GIR_READ_ERROR, GIR_READ_TOO_LARGE } gir_read_status;

/* Reads a whole file ("-" for stdin).  *text is malloc'd and NUL-terminated. */
gir_read_status gir_read_file(const char *path, char **text, size_t *len);
/* Writes data to a new temporary file beside `path` (synced to disk) and
 * returns its name in *temp (malloc'd).  Returns 0, or -1 with errno and no
 * file left behind; an existing `path` that is not a regular file (a FIFO,
 * a device, a directory) is refused with EINVAL or EISDIR, never replaced.
 * gir_commit_temp renames it over `path`; gir_discard_temp
 * removes it.  Writing every output first and renaming after means a failed
 * build leaves all previous outputs as they were. */
int gir_write_temp(const char *path, const char *data, size_t len, char **temp);
/* The same without the fsync, for what is made again from its source (a
 * build's outputs and stamp, a site's pages): still atomic, and a write or
 * close that fails is still an error; only a crash of the system soon after
 * may lose the new file (docs/design-decisions.md, "Writing outputs"). */
int gir_write_temp_unsynced(const char *path, const char *data, size_t len, char **temp);
int gir_commit_temp(char *temp, const char *path);
void gir_discard_temp(char *temp);
/* Removes every temporary file still pending (from a signal handler). */
void gir_write_abort(void);
/* True when both paths name the same existing file. */
int gir_same_file(const char *a, const char *b);
/* Makes the directories a path needs before its last "/" (an existing one
 * is fine).  Returns 0, or -1 with errno. */
int gir_make_parents(const char *path);

#endif
