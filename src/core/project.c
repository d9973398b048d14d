/* The project file (gireport.yaml at a repository's root): settings every
 * source below it inherits.  A source's own value wins; the command line
 * wins over both.  Parsed with the same loader, so its diagnostics look like
 * a source's. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "gireport.h"
#include "model.h"
#include "node.h"
#include "suggest.h"
#include "utf8.h"
#include "util.h"

struct gir_project {
	char *template_id;
	char *fonts[GIR_FONT_ROLES];
	char *output;        /* output directory, relative to the project root */
	char *name;          /* output file name pattern: {stem} {agency} {year} */
	char *formats;       /* "txt,md,pdf" */
	char *date_format;   /* overrides the template's: {year} {month} {day} */
	char *profile;       /* the kind of agency, for sources that name none */
	char *subheadings;   /* "run-in" or "separate", for sources that say neither */
	char **exclude;      /* glob patterns relative to the root */
	size_t nexclude;
};

typedef struct pctx {
	const char *file;
	gir_diags *d;
	int errors;
} pctx;

static void perr(pctx *c, gir_pos pos, const char *path, const char *hint, gir_severity s,
                 const char *id, const char *fmt, ...) __attribute__((format(printf, 7, 8)));

static void perr(pctx *c, gir_pos pos, const char *path, const char *hint, gir_severity s,
                 const char *id, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	gir_diag_vat(c->d, c->file, pos, "gireport.yaml", path, hint, s, id, fmt, ap);
	va_end(ap);
	c->errors++;
}

/* Settings reach file names and every output (date_format is printed under
 * the signature): they get a source's check for control and bidi
 * characters, line breaks and tabs included. */
static char *text_of(pctx *c, const gir_node *v, const char *path)
{
	if (v->kind != GIR_SCALAR || !v->len) {
		perr(c, v->pos, path, NULL, GIR_MSG(ERROR, project_expected_text, "expected text"));
		return NULL;
	}
	uint32_t cp;
	long at = gir_utf8_hostile(v->text, v->len, &cp);
	if (at < 0 && strpbrk(v->text, "\n\t"))
		cp = strchr(v->text, '\n') ? '\n' : '\t', at = 0;
	if (at >= 0) {
		perr(c, v->pos, path, _("remove it; a setting is one line of visible text"),
		     GIR_MSG(ERROR, project_invisible_char,
		         "the setting contains the invisible character U+%04X"), (unsigned)cp);
		return NULL;
	}
	return gir_xstrdup(v->text);
}

/* A list of names as one comma-separated string ("txt,md,pdf"). */
static char *list_of(pctx *c, const gir_node *v, const char *path)
{
	if (v->kind == GIR_SCALAR)
		return text_of(c, v, path);
	if (v->kind != GIR_SEQ) {
		perr(c, v->pos, path, _("write [txt, md, pdf]"),
		     GIR_MSG(ERROR, project_expected_list, "expected a list"));
		return NULL;
	}
	gir_buf b = {0};
	for (size_t i = 0; i < v->n; i++) {
		if (v->kids[i]->kind != GIR_SCALAR) {
			perr(c, v->kids[i]->pos, path, NULL,
			     GIR_MSG(ERROR, project_expected_name, "expected a name"));
			continue;
		}
		gir_buf_printf(&b, "%s%s", i ? "," : "", v->kids[i]->text);
	}
	return gir_buf_detach(&b);
}

static void read_fonts(pctx *c, gir_project *p, const gir_node *v)
{
	if (v->kind != GIR_MAP) {
		perr(c, v->pos, "fonts", _("write one role per line: \"body: fonts/fangsong.ttf\""),
		     GIR_MSG(ERROR, project_fonts_not_mapping,
		         "expected a mapping of font roles to files"));
		return;
	}
	for (size_t i = 0; i < v->n; i++) {
		const gir_node *k = gir_map_key(v, i);
		int role = -1;
		for (int r = 0; k->kind == GIR_SCALAR && r < GIR_FONT_ROLES; r++)
			if (strcmp(k->text, gir_font_roles[r]) == 0)
				role = r;
		if (role < 0) {
			perr(c, k->pos, "fonts", _("the roles are title, heading, subheading, body, table"),
			     GIR_MSG(ERROR, project_unknown_font_role, "unknown font role"));
			continue;
		}
		free(p->fonts[role]);
		p->fonts[role] = text_of(c, gir_map_value(v, i), "fonts");
	}
}

static void read_exclude(pctx *c, gir_project *p, const gir_node *v)
{
	const gir_node *one[1] = {v};
	const gir_node *const *items = v->kind == GIR_SEQ ? (const gir_node *const *)v->kids : one;
	size_t n = v->kind == GIR_SEQ ? v->n : 1;
	p->exclude = gir_xcalloc(n + 1, sizeof(char *));
	for (size_t i = 0; i < n; i++) {
		char *s = text_of(c, items[i], "exclude");
		if (s)
			p->exclude[p->nexclude++] = s;
	}
}

/* subheadings: run-in | separate, the style of sources that name none. */
static void read_style(pctx *c, gir_project *p, const gir_node *v)
{
	char *s = text_of(c, v, "subheadings");
	if (s && gir_sub_style_parse(s) == GIR_SUB_UNSET) {
		perr(c, v->pos, "subheadings", _("write run-in or separate"),
		     GIR_MSG(ERROR, project_subheadings, "unknown subheading style"));
		free(s);
		return;
	}
	free(p->subheadings);
	p->subheadings = s;
}

static const char *const keys[] = {"template", "fonts", "output", "name", "formats",
                                   "date_format", "exclude", "profile",
                                   "subheadings"};

/* output: and name: stay inside the output tree: relative, and without a
 * ".." step ("../../outside/{stem}" would write anywhere, stamps included). */
static char *inside_path(pctx *c, const gir_node *v, const char *path)
{
	char *s = text_of(c, v, path);
	if (!s)
		return NULL;
	bool up = false;
	for (const char *p = s; *p; p += strcspn(p, "/"), p += *p == '/')
		up |= strncmp(p, "..", 2) == 0 && (p[2] == '/' || p[2] == '\0');
	if (s[0] == '/' || up) {
		const char *hint = strcmp(path, "output") == 0
		                   ? _("write a directory inside the project, such as \"out\"")
		                   : _("write a file name such as \"{stem}\" or \"{year}/{stem}\"");
		if (s[0] == '/')
			perr(c, v->pos, path, hint, GIR_MSG(ERROR, project_path_absolute,
			     "an absolute path: outputs stay inside the project's output tree"));
		else
			perr(c, v->pos, path, hint, GIR_MSG(ERROR, project_path_up,
			     "a \"..\" step: outputs stay inside the project's output tree"));
		free(s);
		return NULL;
	}
	return s;
}

static void read_key(pctx *c, gir_project *p, int key, const gir_node *v)
{
	switch (key) {
	case 0: p->template_id = text_of(c, v, "template"); break;
	case 1: read_fonts(c, p, v); break;
	case 2: p->output = inside_path(c, v, "output"); break;
	case 3: p->name = inside_path(c, v, "name"); break;
	case 4: p->formats = list_of(c, v, "formats"); break;
	case 5: p->date_format = text_of(c, v, "date_format"); break;
	case 6: read_exclude(c, p, v); break;
	case 7: p->profile = text_of(c, v, "profile"); break;
	default: read_style(c, p, v); break;
	}
}

gir_project *gir_project_load(const char *file, const char *text, size_t len, gir_diags *d)
{
	pctx c = {.file = file, .d = d};
	gir_doc *doc = gir_yaml_load(file, text, len, d);
	if (!doc)
		return NULL;
	const gir_node *root = gir_doc_root(doc);
	gir_project *p = gir_xcalloc(1, sizeof *p);
	bool seen[GIR_ARRAY_LEN(keys)] = {false};
	if (root->kind != GIR_MAP && !(root->kind == GIR_SCALAR && root->len == 0))
		perr(&c, root->pos, NULL, _("write settings such as \"template: gov-2021\", one per line"),
		     GIR_MSG(ERROR, project_not_mapping,
		         "the project file is a mapping of settings"));
	for (size_t i = 0; root->kind == GIR_MAP && i < root->n; i++) {
		const gir_node *k = gir_map_key(root, i);
		int key = -1;
		for (int j = 0; k->kind == GIR_SCALAR && j < (int)GIR_ARRAY_LEN(keys); j++)
			if (strcmp(k->text, keys[j]) == 0)
				key = j;
		if (key >= 0 && seen[key]) {
			perr(&c, k->pos, keys[key], _("keep one of them"),
			     GIR_MSG(ERROR, project_duplicate_setting, "duplicate setting"));
			continue;
		}
		if (key >= 0) {
			seen[key] = true;
			read_key(&c, p, key, gir_map_value(root, i));
			continue;
		}
		gir_suggest *sg = gir_suggest_new(k->kind == GIR_SCALAR ? k->text : "");
		for (size_t j = 0; j < GIR_ARRAY_LEN(keys); j++)
			gir_suggest_add(sg, keys[j], NULL);
		char *hint = gir_suggest_hint(sg);
		if (!hint)
			hint = gir_suggest_list(sg);
		perr(&c, k->pos, NULL, hint,
		     GIR_MSG(ERROR, project_unknown_setting, "unknown setting"));
		free(hint);
		gir_suggest_free(sg);
	}
	gir_doc_free(doc);
	if (c.errors) {
		gir_project_free(p);
		return NULL;
	}
	return p;
}

void gir_project_free(gir_project *p)
{
	if (!p)
		return;
	free(p->template_id);
	for (int i = 0; i < GIR_FONT_ROLES; i++)
		free(p->fonts[i]);
	free(p->output);
	free(p->name);
	free(p->formats);
	free(p->date_format);
	free(p->profile);
	free(p->subheadings);
	for (size_t i = 0; i < p->nexclude; i++)
		free(p->exclude[i]);
	free(p->exclude);
	free(p);
}

const char *gir_project_template(const gir_project *p) { return p->template_id; }
const char *gir_project_font(const gir_project *p, gir_font_role r) { return p->fonts[r]; }
const char *gir_project_output(const gir_project *p) { return p->output; }
const char *gir_project_name(const gir_project *p) { return p->name; }
const char *gir_project_formats(const gir_project *p) { return p->formats; }
const char *gir_project_date_format(const gir_project *p) { return p->date_format; }
const char *gir_project_profile(const gir_project *p) { return p->profile; }
const char *gir_project_subheadings(const gir_project *p) { return p->subheadings; }
size_t gir_project_exclude_count(const gir_project *p) { return p->nexclude; }
const char *gir_project_exclude(const gir_project *p, size_t i) { return p->exclude[i]; }
