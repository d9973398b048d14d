/* Diagnostics: collected during a run, printed GCC-style or as JSON lines. */
#include <stdlib.h>
#include <string.h>

#include <cJSON.h>

#include "diag.h"
#include "utf8.h"
#include "util.h"

/* Past this many problems in one list, the rest are counted, not kept: a
 * broken file must not produce megabytes of messages. */
#define MAX_DIAGS 200

struct gir_diags {
	gir_diag *items;
	size_t *owner;      /* a note's diagnostic (itself for the others) */
	size_t len, cap;
	size_t dropped, dropped_errors;
	bool last_dropped;  /* so that its notes are dropped with it */
};

gir_diags *gir_diags_new(void)
{
	return gir_xcalloc(1, sizeof(gir_diags));
}

static char *dup_or_null(const char *s)
{
	return s ? gir_xstrdup(s) : NULL;
}

void gir_diags_free(gir_diags *d)
{
	if (!d)
		return;
	for (size_t i = 0; i < d->len; i++) {
		gir_diag *g = &d->items[i];
		free((char *)g->file);
		free((char *)g->label);
		free((char *)g->path);
		free((char *)g->message);
		free((char *)g->hint);
		free((char *)g->id);
	}
	free(d->items);
	free(d->owner);
	free(d);
}

size_t gir_diags_count(const gir_diags *d)
{
	return d ? d->len : 0;
}

const gir_diag *gir_diags_at(const gir_diags *d, size_t i)
{
	return i < d->len ? &d->items[i] : NULL;
}

size_t gir_diags_count_severity(const gir_diags *d, gir_severity s)
{
	size_t n = s == GIR_ERROR ? d->dropped_errors : 0;
	for (size_t i = 0; i < d->len; i++)
		n += d->items[i].severity == s;
	return n;
}

void gir_diag_vat(gir_diags *d, const char *file, gir_pos pos, const char *label,
                  const char *path, const char *hint, gir_severity s, const char *id,
                  const char *fmt, va_list ap)
{
	bool note = s == GIR_NOTE && d->len > 0;
	if (note && d->last_dropped)
		return; /* a note on a problem not shown */
	if (d->len >= MAX_DIAGS) {
		d->dropped++;
		d->dropped_errors += s == GIR_ERROR; /* still counted: the run must fail */
		d->last_dropped = true;
		return;
	}
	d->last_dropped = false;
	if (d->len == d->cap) {
		d->cap = d->cap ? d->cap * 2 : 16;
		d->items = gir_xrealloc(d->items, d->cap * sizeof(gir_diag));
		d->owner = gir_xrealloc(d->owner, d->cap * sizeof(size_t));
	}
	d->owner[d->len] = note ? d->owner[d->len - 1] : d->len;
	gir_buf msg = {0};
	gir_buf_vprintf(&msg, _(fmt), ap);
	d->items[d->len++] = (gir_diag){
		.severity = s,
		.file = dup_or_null(file),
		.line = pos.line,
		.column = pos.line ? pos.col : 0,
		.label = dup_or_null(label),
		.path = dup_or_null(path),
		.message = gir_buf_detach(&msg),
		.hint = dup_or_null(hint),
		.id = dup_or_null(id),
	};
}

void gir_diag_at(gir_diags *d, const char *file, gir_pos pos, const char *label,
                 const char *path, const char *hint, gir_severity s, const char *id,
                 const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	gir_diag_vat(d, file, pos, label, path, hint, s, id, fmt, ap);
	va_end(ap);
}

void gir_diag_note_alone(gir_diags *d, const char *file, gir_pos pos, const char *label,
                         const char *path, const char *hint, gir_severity s, const char *id,
                         const char *fmt, ...)
{
	size_t at = d->len;
	d->last_dropped = false; /* it belongs to no diagnostic before it */
	va_list ap;
	va_start(ap, fmt);
	gir_diag_vat(d, file, pos, label, path, hint, s, id, fmt, ap);
	va_end(ap);
	if (d->len > at)
		d->owner[at] = at;
}

void gir_diags_add(gir_diags *d, const char *file, gir_severity s, const char *id,
                   const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	gir_diag_vat(d, file, (gir_pos){0, 0}, NULL, NULL, NULL, s, id, fmt, ap);
	va_end(ap);
}

/* The JSON form names the severity in English, for programs. */
static const char *severity_name(gir_severity s)
{
	static const char *const names[] = {"note", "warning", "error"};
	return names[s];
}

/* The text form's, as GCC's translations write them: "错误：" takes its
 * full-width colon and no space. */
static const char *severity_text(gir_severity s)
{
	static const char *const names[] = {N_("note: "), N_("warning: "), N_("error: ")};
	return _(names[s]);
}

/* Diagnostics are printed in source order, each followed by its notes
 * (which point elsewhere); ties keep the order found. */
typedef struct sort_key {
	const gir_diag *owner, *self;
} sort_key;

static int by_position(const void *a, const void *b)
{
	const sort_key *p = a, *q = b;
	const gir_diag *x = p->owner, *y = q->owner;
	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	if (x->column != y->column)
		return x->column < y->column ? -1 : 1;
	if (x != y)
		return x < y ? -1 : 1;
	return p->self < q->self ? -1 : p->self > q->self;
}

static const gir_diag **sorted(const gir_diags *d)
{
	sort_key *k = gir_xcalloc(d->len + 1, sizeof *k);
	for (size_t i = 0; i < d->len; i++)
		k[i] = (sort_key){&d->items[d->owner[i]], &d->items[i]};
	qsort(k, d->len, sizeof *k, by_position);
	const gir_diag **v = gir_xcalloc(d->len + 1, sizeof *v);
	for (size_t i = 0; i < d->len; i++)
		v[i] = k[i].self;
	free(k);
	return v;
}

/* Line `line` of the source, up to a line break of either kind; -1 past
 * the end. */
static long source_line(const char *src, size_t len, int line, const char **start)
{
	size_t n;
	*start = gir_text_line(src, len, line, &n);
	if (!*start)
		return -1;
	const char *cr = memchr(*start, '\r', n);
	return (long)(cr ? (size_t)(cr - *start) : n);
}

/* Excerpts of long lines show this many characters either side of the column. */
#define EXCERPT_RADIUS 60

/* Prints the source line with a caret under the column.  Tabs, control and
 * bidi characters are shown as spaces so the caret lines up in a terminal;
 * a long line is cut to a window around the column, marked with "…". */
static void format_excerpt(const gir_diag *g, const char *src, size_t len, gir_buf *out)
{
	const char *line;
	long n = source_line(src, len, g->line, &line);
	if (n <= 0 || memchr(line, '\0', (size_t)n))
		return; /* no line, an empty one, or binary bytes (UTF-16) */
	long i = 0;
	if (g->line == 1 && n >= 3 && memcmp(line, "\xEF\xBB\xBF", 3) == 0)
		i = 3; /* libyaml does not count a byte-order mark */
	long first = g->column - 1 - EXCERPT_RADIUS, last = g->column - 1 + EXCERPT_RADIUS;
	gir_buf_printf(out, "%5d | ", g->line);
	size_t caret = 0;
	if (first > 0) {
		gir_buf_puts(out, "…");
		caret = 1;
	}
	for (long chars = 0; i < n; chars++) {
		uint32_t cp;
		size_t k = gir_utf8_decode(line + i, (size_t)(n - i), &cp);
		bool bad = k == 0;
		k = bad ? 1 : k;
		if (chars > last) {
			gir_buf_puts(out, "…");
			break;
		}
		if (chars >= first) {
			int w = bad || gir_cp_invisible(cp) ? 1 : gir_cp_width(cp);
			if (bad || gir_cp_invisible(cp))
				gir_buf_putc(out, ' ');
			else
				gir_buf_put(out, line + i, k);
			if (chars < g->column - 1)
				caret += (size_t)w;
		}
		i += (long)k;
	}
	gir_buf_puts(out, "\n      | ");
	for (size_t k = 0; k < caret; k++)
		gir_buf_putc(out, ' ');
	gir_buf_puts(out, "^\n");
}

/* Messages quote the source (keys, values) and name files: their control
 * and bidi characters are shown as <U+001B>, never sent to the terminal. */
static void put_visible(gir_buf *out, const char *s)
{
	gir_put_visible(out, s);
}

/* The source text given is the file of the diagnostics; a note may point
 * into another file (last year's source), whose lines it does not have. */
static bool same_file(const gir_diag *note, const gir_diag *owner)
{
	return note == owner || !note->file || !owner->file || strcmp(note->file, owner->file) == 0;
}

void gir_diags_format_text(const gir_diags *d, const char *src, size_t len, gir_buf *out)
{
	const gir_diag **v = sorted(d);
	for (size_t i = 0; i < d->len; i++) {
		const gir_diag *g = v[i];
		if (g->file) {
			put_visible(out, g->file);
			gir_buf_putc(out, ':');
		}
		if (g->line)
			gir_buf_printf(out, "%d:%d:", g->line, g->column);
		gir_buf_printf(out, "%s%s", g->file || g->line ? " " : "", severity_text(g->severity));
		if (g->label) {
			put_visible(out, g->label);
			/* TRANSLATORS: after the Chinese label of the field a message
			 * is about, before the message itself */
			gir_buf_puts(out, C_("label", ": "));
		}
		put_visible(out, g->message);
		if (g->path) {
			gir_buf_puts(out, " [");
			put_visible(out, g->path);
			gir_buf_putc(out, ']');
		}
		gir_buf_putc(out, '\n');
		if (src && g->line && same_file(g, &d->items[d->owner[g - d->items]]))
			format_excerpt(g, src, len, out);
		if (g->hint) {
			gir_buf_puts(out, "      = ");
			gir_buf_puts(out, _("hint: "));
			put_visible(out, g->hint);
			gir_buf_putc(out, '\n');
		}
	}
	if (d->dropped) {
		put_visible(out, d->len && d->items[0].file ? d->items[0].file : "gireport");
		gir_buf_printf(out, ": %s", _("note: "));
		gir_buf_printf(out, _("%zu more problems not shown"), d->dropped);
		gir_buf_putc(out, '\n');
	}
	free(v);
}

/* JSON strings are UTF-8: a file name (or anything else) that is not gets
 * its invalid bytes as <0xFF>, as the text form shows them, so every line
 * stays valid JSON. */
static void add_string(cJSON *o, const char *key, const char *value)
{
	if (!value) {
		cJSON_AddNullToObject(o, key);
	} else if (gir_utf8_invalid_at(value, strlen(value)) == (size_t)-1) {
		cJSON_AddStringToObject(o, key, value);
	} else {
		gir_buf b = {0};
		gir_put_visible(&b, value);
		cJSON_AddStringToObject(o, key, b.ptr);
		gir_buf_free(&b);
	}
}

void gir_diags_format_json(const gir_diags *d, gir_buf *out)
{
	const gir_diag **v = sorted(d);
	for (size_t i = 0; i < d->len; i++) {
		const gir_diag *g = v[i];
		cJSON *o = cJSON_CreateObject();
		add_string(o, "file", g->file);
		cJSON_AddNumberToObject(o, "line", g->line);
		cJSON_AddNumberToObject(o, "column", g->column);
		add_string(o, "severity", severity_name(g->severity));
		add_string(o, "id", g->id);
		add_string(o, "path", g->path);
		add_string(o, "label", g->label);
		add_string(o, "message", g->message);
		add_string(o, "hint", g->hint);
		char *s = cJSON_PrintUnformatted(o);
		gir_buf_puts(out, s);
		gir_buf_putc(out, '\n');
		cJSON_free(s);
		cJSON_Delete(o);
	}
	if (d->dropped) { /* as the text form's last line: a note of what was left out */
		cJSON *o = cJSON_CreateObject();
		add_string(o, "file", d->len ? d->items[0].file : NULL);
		cJSON_AddNumberToObject(o, "line", 0);
		cJSON_AddNumberToObject(o, "column", 0);
		add_string(o, "severity", "note");
		add_string(o, "id", "more_not_shown");
		cJSON_AddNumberToObject(o, "dropped", (double)d->dropped);
		char *m = gir_xasprintf(_("%zu more problems not shown"), d->dropped);
		add_string(o, "message", m);
		free(m);
		char *s = cJSON_PrintUnformatted(o);
		gir_buf_puts(out, s);
		gir_buf_putc(out, '\n');
		cJSON_free(s);
		cJSON_Delete(o);
	}
	free(v);
}

bool gir_diags_full(const gir_diags *d)
{
	return d->len >= MAX_DIAGS;
}

void gir_diags_promote_warnings(gir_diags *d, size_t from)
{
	for (size_t i = from; i < d->len; i++) {
		gir_diag *g = &d->items[i];
		if (g->severity != GIR_WARNING)
			continue;
		g->severity = GIR_ERROR;
		if (!g->hint)
			g->hint = gir_xstrdup(_("a warning, made an error by --strict"));
	}
}

const char *gir_pgettext(const char *key, const char *s)
{
	const char *t = dgettext(GIR_TEXT_DOMAIN, key);
	return t == key ? s : t;
}
