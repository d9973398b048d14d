/* UTF-8 decoding and display width (terminal cells: CJK = 2). */
#ifndef GIR_UTF8_H
#define GIR_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Decodes the code point at s (n bytes available).  Returns its length in
 * bytes, or 0 on an invalid or truncated sequence (then *cp is U+FFFD). */
size_t gir_utf8_decode(const char *s, size_t n, uint32_t *cp);
/* Encodes cp into out (4 bytes room); returns the length. */
size_t gir_utf8_encode(uint32_t cp, char *out);
/* Offset of the first invalid byte, or (size_t)-1 when s is valid UTF-8. */
size_t gir_utf8_invalid_at(const char *s, size_t n);
/* Display cells of one code point: 0 (combining/format), 1, or 2 (wide). */
int gir_cp_width(uint32_t cp);
/* Display cells of a UTF-8 string (invalid bytes count 1). */
size_t gir_utf8_width(const char *s, size_t n);
size_t gir_utf8_width_z(const char *s);
/* Number of code points in s. */
size_t gir_utf8_count(const char *s, size_t n);
/* Byte offset of the code point with index `chars` (clamped to n). */
size_t gir_utf8_offset(const char *s, size_t n, size_t chars);
/* Byte offset of the start of the code point that byte i belongs to. */
size_t gir_utf8_char_start(const char *s, size_t i);

/* Characters never shown as they are: C0 controls, DEL, C1 controls (the
 * 8-bit CSI among them), bidirectional overrides and isolates, zero-width
 * characters and the BOM.  A terminal would obey them; a reader cannot see
 * them. */
bool gir_cp_invisible(uint32_t cp);
/* Text that would render differently from how it reads: control characters
 * other than tab and line feed (C0, DEL, C1) and bidirectional controls.
 * Returns the offending character's index (*which its code point), or -1;
 * an invalid UTF-8 sequence counts too, with *which = GIR_CP_INVALID. */
#define GIR_CP_INVALID 0xFFFFFFFFu
long gir_utf8_hostile(const char *s, size_t n, uint32_t *which);

struct gir_buf;

#endif
