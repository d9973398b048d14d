/* Fonts of the PDF: which file each role uses, widths for layout, and the
 * subsets handed to libharu.
 *
 * A role's font comes from the command line, else the source's `fonts:`,
 * else the Debian default.  Roles naming the same file and face share one
 * embedded font. */
#define _GNU_SOURCE /* memfd_create */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "pdf.h"
#include "util.h"

typedef struct known_font {
	const char *path;     /* where Debian installs it */
	const char *package;
} known_font;

#define ARPHIC "/usr/share/fonts/truetype/arphic/"
#define WQY "/usr/share/fonts/truetype/wqy/"

/* Files a user may name that some Debian package provides, for the hint;
 * the first four are the defaults. */
enum { UMING, UKAI, ZENHEI, MICROHEI };
static const known_font known[] = {
	[UMING] = {ARPHIC "uming.ttc", "fonts-arphic-uming"},
	[UKAI] = {ARPHIC "ukai.ttc", "fonts-arphic-ukai"},
	[ZENHEI] = {WQY "wqy-zenhei.ttc", "fonts-wqy-zenhei"},
	[MICROHEI] = {WQY "wqy-microhei.ttc", "fonts-wqy-microhei"},
	{"/usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf", "fonts-arphic-gbsn00lp"},
	{"/usr/share/fonts/truetype/arphic-gkai00mp/gkai00mp.ttf", "fonts-arphic-gkai00mp"},
	{"/usr/share/fonts/truetype/arphic-bsmi00lp/bsmi00lp.ttf", "fonts-arphic-bsmi00lp"},
	{"/usr/share/fonts/truetype/arphic-bkai00mp/bkai00mp.ttf", "fonts-arphic-bkai00mp"},
	{"/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf", "fonts-droid-fallback"},
};

/* GB/T 9704 asks for 小标宋 titles, 黑体 and 楷体 headings and 仿宋 text;
 * Debian's free fonts closest to those.  The title is UMing drawn heavier. */
static const known_font *const defaults[GIR_FONT_ROLES][3] = {
	[GIR_FONT_TITLE] = {&known[UMING]},
	[GIR_FONT_HEADING] = {&known[ZENHEI], &known[MICROHEI]},
	[GIR_FONT_SUBHEADING] = {&known[UKAI]},
	[GIR_FONT_BODY] = {&known[UMING]},
	[GIR_FONT_TABLE] = {&known[UMING]},
};

static const char *base_name(const char *path)
{
	const char *s = strrchr(path, '/');
	return s ? s + 1 : path;
}

static const char *package_of(const char *path)
{
	for (size_t i = 0; i < GIR_ARRAY_LEN(known); i++)
		if (strcmp(base_name(path), base_name(known[i].path)) == 0)
			return known[i].package;
	return NULL;
}

typedef struct font_spec {
	char *path;
	unsigned index;
	const char *origin;   /* where it was set, NULL for the default */
} font_spec;

/* "path" or "path:index". */
static font_spec parse_spec(const char *s, const char *origin)
{
	font_spec f = {NULL, 0, origin};
	const char *colon = strrchr(s, ':');
	if (colon && colon[1] && strspn(colon + 1, "0123456789") == strlen(colon + 1) &&
	    strlen(colon + 1) < 6) {
		f.path = gir_xstrndup(s, (size_t)(colon - s));
		f.index = (unsigned)atoi(colon + 1);
	} else {
		f.path = gir_xstrdup(s);
	}
	return f;
}


static font_spec role_spec(const gir_report *rep, const gir_options *opt, int role)
{
	if (opt && opt->fonts[role])
		return parse_spec(opt->fonts[role], "with --font");
	const char *src = gir_report_font(rep, (gir_font_role)role);
	if (src) {
		font_spec f = parse_spec(src, "in the source's fonts:");
		char *p = gir_path_beside(rep->file, f.path);
		free(f.path);
		f.path = p;
		return f;
	}
	if (opt && opt->project_fonts[role])
		return parse_spec(opt->project_fonts[role], "in the project's gireport.yaml");
	const known_font *const *c = defaults[role];
	size_t i = 0;
	while (i + 1 < 3 && c[i + 1] && access(c[i]->path, R_OK) != 0)
		i++;
	if (access(c[i]->path, R_OK) != 0)
		i = 0; /* report the first choice */
	return (font_spec){gir_xstrdup(c[i]->path), 0, NULL};
}

/* "PDF font for the body: FILE cannot be opened: …", where the font was
 * set, and what to do: the Debian package that installs a known file, or
 * --font to choose another. */
static void font_error(gir_diags *d, const char *file, int role, const font_spec *f,
                       const char *why)
{
	gir_buf m = {0};
	const char *name = gir_font_roles[role];
	gir_buf_printf(&m, "PDF font for the %s: %s", name, f->path);
	if (f->index)
		gir_buf_printf(&m, " (face %u)", f->index);
	gir_buf_printf(&m, " %s", why);
	if (f->origin)
		gir_buf_printf(&m, " (set %s %s)", f->origin, name);
	const char *pkg = package_of(f->path);
	if (pkg && access(f->path, R_OK) != 0) {
		gir_buf_printf(&m, "; install the Debian package %s (apt-get install %s)", pkg, pkg);
		if (!f->origin && defaults[role][1])
			gir_buf_printf(&m, " or %s", defaults[role][1]->package);
		gir_buf_puts(&m, ",");
	} else {
		gir_buf_puts(&m, ";");
	}
	gir_buf_printf(&m, " or choose a TrueType font with --font %s=FILE[:INDEX]", name);
	gir_diags_add(d, file, GIR_ERROR, "font_missing", "%s", m.ptr);
	gir_buf_free(&m);
}

static int find_face(const pdf_fonts *fs, const font_spec *f)
{
	for (int i = 0; i < fs->nfaces; i++)
		if (fs->faces[i].index == f->index && strcmp(fs->faces[i].path, f->path) == 0)
			return i;
	return -1;
}

/* ---- fonts kept between reports ---------------------------------------------- */

struct gir_font_cache {
	struct cached_face {
		char *path;
		unsigned index;
		gir_ttf *ttf;
	} *faces;
	size_t n;
};

gir_font_cache *gir_font_cache_new(void)
{
	return gir_xcalloc(1, sizeof(gir_font_cache));
}

void gir_font_cache_free(gir_font_cache *c)
{
	if (!c)
		return;
	for (size_t i = 0; i < c->n; i++) {
		gir_ttf_close(c->faces[i].ttf);
		free(c->faces[i].path);
	}
	free(c->faces);
	free(c);
}

/* The face from the cache, or opened (and kept when there is a cache).
 * A font that fails is not kept: the next report says why again. */
static gir_ttf *open_face(gir_font_cache *c, const font_spec *f, gir_buf *why)
{
	for (size_t i = 0; c && i < c->n; i++)
		if (c->faces[i].index == f->index && strcmp(c->faces[i].path, f->path) == 0)
			return c->faces[i].ttf;
	gir_ttf *ttf = gir_ttf_open(f->path, f->index, why);
	if (ttf && c) {
		c->faces = gir_xrealloc(c->faces, (c->n + 1) * sizeof *c->faces);
		c->faces[c->n++] = (struct cached_face){gir_xstrdup(f->path), f->index, ttf};
	}
	return ttf;
}

int pdf_fonts_open(pdf_fonts *fs, const gir_report *rep, const gir_options *opt, gir_diags *d)
{
	memset(fs, 0, sizeof *fs);
	fs->cache = opt ? opt->font_cache : NULL;
	int rc = 0;
	for (int role = 0; role < GIR_FONT_ROLES; role++) {
		font_spec f = role_spec(rep, opt, role);
		int i = find_face(fs, &f);
		if (i < 0) {
			gir_buf why = {0};
			gir_ttf *ttf = open_face(fs->cache, &f, &why);
			if (!ttf) {
				if (d)
					font_error(d, rep->file, role, &f, why.ptr);
				gir_buf_free(&why);
				free(f.path);
				rc = -1;
				continue;
			}
			gir_buf_free(&why);
			i = fs->nfaces++;
			fs->faces[i] = (pdf_face){f.path, f.index, ttf, gir_xcalloc(0x10000 / 8, 1), NULL,
			                          {NULL, {0}, {0}}};
			f.path = NULL;
		}
		free(f.path);
		fs->role_face[role] = i;
	}
	return rc;
}

void pdf_fonts_close(pdf_fonts *fs)
{
	for (int i = 0; i < fs->nfaces; i++) {
		if (!fs->cache)
			gir_ttf_close(fs->faces[i].ttf);
		free(fs->faces[i].path);
		free(fs->faces[i].used);
		free(fs->faces[i].embed.name);
		gir_buf_free(&fs->faces[i].embed.ttf);
		gir_buf_free(&fs->faces[i].embed.cidmap);
	}
	fs->nfaces = 0;
}

uint32_t pdf_drawable(uint32_t cp)
{
	if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0))
		return ' ';
	if (cp > 0xFFFF || (cp >= 0xD800 && cp < 0xE000))
		return 0x3013;
	return cp;
}

int pdf_face_for(const pdf_fonts *fs, int role, uint32_t cp)
{
	int own = fs->role_face[role];
	if (cp == ' ' || gir_ttf_glyph(fs->faces[own].ttf, cp))
		return own;
	for (int i = 0; i < fs->nfaces; i++)
		if (gir_ttf_glyph(fs->faces[i].ttf, cp))
			return i;
	return own;
}

int pdf_face_advance(const pdf_fonts *fs, int face, uint32_t cp)
{
	const gir_ttf *f = fs->faces[face].ttf;
	return gir_ttf_advance(f, cp);
}

int pdf_scratch_file(char **path, gir_buf *why)
{
#ifdef MFD_CLOEXEC
	int fd = memfd_create("gireport", MFD_CLOEXEC);
	if (fd >= 0) {
		*path = gir_xasprintf("/proc/self/fd/%d", fd);
		if (access(*path, R_OK) == 0)
			return fd;
		free(*path);
		close(fd);
	}
#endif
	const char *dir = getenv("TMPDIR");
	*path = gir_xasprintf("%s/gireport-font-XXXXXX", dir && *dir ? dir : "/tmp");
	int tmp = mkstemp(*path);
	if (tmp < 0)
		gir_buf_printf(why, "cannot create a temporary file %s: %s", *path, strerror(errno));
	return tmp;
}

/* libharu reads fonts from files only: the subset goes to a scratch file.
 * It is loaded without embedding: libharu then reads its tables once for
 * the widths and descriptor, and pdf_harufix embeds the bytes. */
static const char *load_font(HPDF_Doc pdf, const gir_buf *ttf, gir_buf *why)
{
	char *path;
	const char *name = NULL;
	int fd = pdf_scratch_file(&path, why);
	if (fd < 0) {
		free(path);
		return NULL;
	}
	if (gir_write_full(fd, ttf->ptr, ttf->len) != 0)
		gir_buf_printf(why, "cannot write a temporary file %s: %s", path, strerror(errno));
	else if (!(name = HPDF_LoadTTFontFromFile(pdf, path, HPDF_FALSE)))
		gir_buf_printf(why, "libharu could not load the subset (error 0x%04X)",
		               (unsigned)HPDF_GetError(pdf));
	if (strncmp(path, "/proc/", 6) != 0)
		unlink(path);
	close(fd); /* libharu holds its own descriptor until the document is freed */
	free(path);
	return name;
}

/* Subset names must differ: libharu refuses a second font of the same name.
 * The k-th font embedded gets the subset tag libharu would give it when
 * embedding (HPDFAA, HPDFAB, …), so that the name read from the subset's
 * name table is the one the document shows. */
static char *subset_name(const pdf_fonts *fs, int face, int k)
{
	const char *base = gir_ttf_name(fs->faces[face].ttf);
	int same = 0;
	for (int i = 0; i < face; i++)
		same += strcmp(gir_ttf_name(fs->faces[i].ttf), base) == 0;
	char tag = (char)('A' + k); /* at most GIR_FONT_ROLES fonts */
	return same ? gir_xasprintf("HPDFA%c+%s-%d", tag, base, same + 1)
	            : gir_xasprintf("HPDFA%c+%s", tag, base);
}

/* The CIDToGIDMap of a subset: codes are the characters' UCS-2 values (the
 * UTF-8 encoder with Identity-H), up to the last one drawn. */
static void cid_map(const uint32_t *cps, const unsigned *glyphs, size_t n, gir_buf *map)
{
	size_t len = n ? 2 * ((size_t)cps[n - 1] + 1) : 2;
	gir_buf_clear(map);
	map->ptr = gir_xrealloc(map->ptr, len + 1);
	map->cap = len + 1;
	memset(map->ptr, 0, len + 1);
	map->len = len;
	for (size_t i = 0; i < n; i++) {
		map->ptr[2 * cps[i]] = (char)(glyphs[i] >> 8);
		map->ptr[2 * cps[i] + 1] = (char)(glyphs[i] & 0xFF);
	}
}

static size_t used_code_points(const pdf_face *f, uint32_t *cps)
{
	size_t n = 0;
	for (uint32_t byte = 0; byte < 0x10000 / 8; byte++)
		for (uint32_t bit = 0; f->used[byte] >> bit; bit++)
			if (f->used[byte] & (1u << bit))
				cps[n++] = byte << 3 | bit;
	return n;
}

size_t pdf_fonts_embedded(const pdf_fonts *fs, const pdf_embed *out[GIR_FONT_ROLES])
{
	size_t n = 0;
	for (int i = 0; i < fs->nfaces; i++)
		if (fs->faces[i].embed.name)
			out[n++] = &fs->faces[i].embed;
	return n;
}

void pdf_fonts_high_bytes(const pdf_fonts *fs, uint8_t high[32])
{
	memset(high, 0, 32);
	for (int i = 0; i < fs->nfaces; i++)
		for (unsigned h = 0; h < 256; h++)
			for (unsigned b = 0; b < 32; b++) /* the 256 code points of h: 32 bytes */
				if (fs->faces[i].used[h * 32 + b]) {
					high[h >> 3] |= (uint8_t)(1u << (h & 7));
					break;
				}
}

int pdf_fonts_embed(pdf_fonts *fs, HPDF_Doc pdf, const char *file, gir_diags *d)
{
	uint32_t *cps = gir_xcalloc(0x10000, sizeof *cps);
	unsigned *glyphs = gir_xcalloc(0x10000, sizeof *glyphs);
	int rc = 0;
	for (int i = 0, k = 0; i < fs->nfaces && rc == 0; i++) {
		size_t n = used_code_points(&fs->faces[i], cps);
		if (!n)
			continue;
		pdf_embed *e = &fs->faces[i].embed;
		gir_buf why = {0};
		char *name = subset_name(fs, i, k++);
		const char *loaded = NULL;
		gir_buf_clear(&e->ttf);
		if (gir_ttf_subset(fs->faces[i].ttf, cps, n, name, &e->ttf, glyphs) != 0)
			gir_buf_puts(&why, "HarfBuzz could not make a subset of it");
		else
			loaded = load_font(pdf, &e->ttf, &why);
		if (loaded) {
			fs->faces[i].hpdf_font = HPDF_GetFont(pdf, loaded, "UTF-8");
			cid_map(cps, glyphs, n, &e->cidmap);
			free(e->name);
			e->name = gir_xstrdup(loaded);
		}
		if (!fs->faces[i].hpdf_font) {
			if (d)
				gir_diags_add(d, file,
				              GIR_MSG(ERROR, font_unusable,
				                  "PDF font %s: %s"), fs->faces[i].path,
				              why.len ? why.ptr : "libharu could not use it");
			rc = -1;
		}
		free(name);
		gir_buf_free(&why);
	}
	free(glyphs);
	free(cps);
	return rc;
}

char *gir_font_file(const gir_report *rep, const gir_options *opt, gir_font_role role)
{
	return role_spec(rep, opt, (int)role).path;
}
