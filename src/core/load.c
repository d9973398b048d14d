/* Loader: libyaml events → gir_node tree.  libyaml gives every event a mark
 * (0-based line and column, columns in characters); we keep them 1-based on
 * every node so the validator can point at any value. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include <yaml.h>

#include "i18n.h"
#include "node.h"
#include "utf8.h"
#include "util.h"

/* Deeper nesting than this is never a report, and would let a hostile file
 * exhaust the stack of the recursive stages that follow. */
#define MAX_DEPTH 32
/* A report has a few hundred values; 100,000 nodes (about 15 MB of tree) is
 * not a report, and stopping there bounds memory for any input. */
#define MAX_NODES 100000

struct gir_doc {
	gir_node *root;
	gir_ptrvec blocks; /* every chunk and large block, freed together */
	char *chunk;       /* the chunk being filled */
	size_t used;
};

typedef struct loader {
	yaml_parser_t parser;
	const char *file;
	const char *text;
	size_t len;
	gir_diags *diags;
	gir_doc *doc;
	size_t nodes;
	int failed;
} loader;

/* The tree is allocated from 64 KB chunks (an arena) and freed in one go:
 * a report has a few thousand small nodes, and malloc per node was a fifth of
 * the time of a check.  Large scalars get a block of their own. */
#define CHUNK (64 * 1024)

/* Zeroed memory that lives as long as the document: carved from CHUNK-sized
 * blocks, 16-byte aligned; a request over a quarter chunk gets a block of its
 * own.  Every node and string of a source comes from here, freed at once. */
static void *doc_alloc(gir_doc *doc, size_t n)
{
	n = (n + 15) & ~(size_t)15;
	if (n > CHUNK / 4) {
		void *big = gir_xcalloc(1, n);
		gir_ptrvec_push(&doc->blocks, big);
		return big;
	}
	if (!doc->chunk || doc->used + n > CHUNK) {
		doc->chunk = gir_xcalloc(1, CHUNK);
		gir_ptrvec_push(&doc->blocks, doc->chunk);
		doc->used = 0;
	}
	void *p = doc->chunk + doc->used;
	doc->used += n;
	return p;
}

static gir_pos mark_pos(yaml_mark_t m)
{
	return (gir_pos){(int)m.line + 1, (int)m.column + 1};
}


/* A mistake typed on a line, found by looking at the line itself. */
typedef struct typo {
	int col;             /* 1-based, in characters */
	const char *hint;
	bool tab;            /* a tab in the indentation: said in place of libyaml's words */
} typo;

static int chars_before(const char *line, const char *at)
{
	return (int)gir_utf8_count(line, (size_t)(at - line)) + 1;
}

/* The first thing on a line after its indentation, and the indentation. */
static const char *content_start(const char *line, size_t n, bool *fullwidth_indent)
{
	const char *p = line, *end = line + n;
	*fullwidth_indent = false;
	for (;;) {
		if (p < end && (*p == ' ' || *p == '\t'))
			p++;
		else if (end - p >= 3 && memcmp(p, "\xE3\x80\x80", 3) == 0)
			*fullwidth_indent = true, p += 3;
		else
			return p;
	}
}

/* Recognises what a Chinese IME or a hurried clerk types in place of YAML:
 * a full-width colon or space, a key without a space after its colon, a tab,
 * a full-width comma between values. */
static bool find_typo(const char *line, size_t n, typo *t)
{
	bool fw_indent;
	const char *c = content_start(line, n, &fw_indent), *end = line + n;
	if (memchr(line, '\t', (size_t)(c - line))) {
		*t = (typo){chars_before(line, memchr(line, '\t', (size_t)(c - line))),
		            _("replace the tab with spaces, lined up with the lines above"), true};
		return true;
	}
	if (fw_indent) {
		*t = (typo){1, _("a full-width space (U+3000) cannot indent YAML; use ASCII spaces"), false};
		return true;
	}
	if (c < end && *c == '#')
		return false;
	for (const char *p = c; p < end; p++) {
		if (end - p >= 3 && memcmp(p, "\xEF\xBC\x9A", 3) == 0) { /* ： */
			*t = (typo){chars_before(line, p),
			            _("after a key type an ASCII colon and a space (\"规章: [0, 0, 0]\"), not the full-width \xEF\xBC\x9A"), false};
			return true;
		}
		if (*p == ':' && p + 1 < end && p[1] != ' ' && p[1] != ':' && p[1] != '/' && p > c) {
			*t = (typo){chars_before(line, p) + 1, _("type a space after the colon (\"规章: [0, 0, 0]\")"), false};
			return true;
		}
		if (*p == ':' || *p == '"' || *p == '\'' || *p == '#')
			break; /* the key ended properly, or a string begins */
	}
	const char *fc = NULL;
	for (const char *p = c; p + 3 <= end && !fc; p++)
		if (memcmp(p, "\xEF\xBC\x8C", 3) == 0) /* ， */
			fc = p;
	if (fc && memchr(c, '[', (size_t)(fc - c))) {
		*t = (typo){chars_before(line, fc), _("separate values in [ ] with ASCII commas, not the full-width \xEF\xBC\x8C"), false};
		return true;
	}
	return false;
}

/* The last character of a line (for "this [ is never closed"). */
static int line_end_col(const char *line, size_t n)
{
	while (n > 0 && (line[n - 1] == ' ' || line[n - 1] == '\r'))
		n--;
	return (int)gir_utf8_count(line, n) + 1;
}

/* libyaml's problems and contexts (scanner.c, parser.c), so that a
 * translation can say what they mean in the clerk's words: the common ones
 * (a tab, a missing value, a bad indent, an unclosed quote, a colon in text)
 * get an explanation rather than a rendering of the English.  In English the
 * text is libyaml's own. */
static const char *const yaml_texts[] = {
	N_("found character that cannot start any token"),
	N_("while scanning for the next token"),
	N_("did not find expected key"),
	N_("while parsing a block mapping"),
	N_("mapping values are not allowed in this context"),
	N_("found unexpected end of stream"),
	N_("while scanning a quoted scalar"),
	N_("did not find expected node content"),
	N_("while parsing a flow node"),
	N_("did not find expected ',' or ']'"),
	N_("while parsing a flow sequence"),
	N_("did not find expected ',' or '}'"),
	N_("while parsing a flow mapping"),
	N_("could not find expected ':'"),
	N_("while scanning a simple key"),
	N_("did not find expected '-' indicator"),
	N_("while parsing a block collection"),
	N_("block sequence entries are not allowed in this context"),
	N_("found a tab character that violates indentation"),
	N_("while scanning a plain scalar"),
	N_("found unknown escape character"),
	N_("while parsing a quoted scalar"),
	N_("found undefined tag handle"),
	N_("while parsing a node"),
	N_("did not find expected <document start>"),
	N_("found unexpected ':'"),
	N_("while scanning a block scalar"),
	N_("found a tab character where an indentation space is expected"),
	N_("did not find URI escaped octet"),
	N_("while scanning an alias"),
	N_("while scanning an anchor"),
	N_("did not find expected alphabetic or numeric character"),
	N_("while scanning a tag"),
	N_("while scanning a directive"),
	N_("found unexpected document indicator"),
	N_("out of memory"),
};

static const char *yaml_words(const char *s, bool tab)
{
	/* TRANSLATORS: libyaml's words when the character it stopped at is a tab */
	if (tab && strcmp(s, "found character that cannot start any token") == 0)
		return C_("tab", "found character that cannot start any token");
	for (size_t i = 0; i < sizeof yaml_texts / sizeof *yaml_texts; i++)
		if (strcmp(s, yaml_texts[i]) == 0)
			return _(yaml_texts[i]);
	return s;
}

/* Whether libyaml stopped at a tab, or the line it blames is indented
 * with one. */
static bool at_tab(const loader *L, yaml_mark_t m, int line)
{
	if (m.index < L->len && L->text[m.index] == '\t')
		return true;
	size_t n;
	const char *s = line >= 1 ? gir_text_line(L->text, L->len, line, &n) : NULL;
	for (size_t i = 0; s && i < n && (s[i] == ' ' || s[i] == '\t'); i++)
		if (s[i] == '\t')
			return true;
	return false;
}

/* ---- lines out of place --------------------------------------------------------- */

/* A line that holds something: not blank, not only a comment.  Its
 * indentation in spaces, or -1 for a blank or comment line (or one indented
 * with tabs, which find_typo explains). */
static int line_indent(const loader *L, int line)
{
	size_t n;
	const char *t = line >= 1 ? gir_text_line(L->text, L->len, line, &n) : NULL;
	if (!t)
		return -1;
	size_t i = 0;
	while (i < n && t[i] == ' ')
		i++;
	if (i == n || t[i] == '\t' || t[i] == '#' || t[i] == '\r')
		return -1;
	return (int)i;
}

/* The nearest line that holds something, before (step -1) or after (+1). */
static int content_line(const loader *L, int from, int step, int *indent)
{
	for (int l = from + step, k = 0; l >= 1 && k < 1000; l += step, k++) {
		size_t n;
		if (!gir_text_line(L->text, L->len, l, &n))
			break;
		if ((*indent = line_indent(L, l)) >= 0)
			return l;
	}
	*indent = -1;
	return 0;
}

/* Whether a line ends with a key and its colon, opening a block of lines
 * indented under it ("  withheld:", "overview: |"). */
static bool opens_block(const loader *L, int line)
{
	size_t n;
	const char *t = gir_text_line(L->text, L->len, line, &n);
	const char *hash = t ? memchr(t, '#', n) : NULL;
	if (hash)
		n = (size_t)(hash - t);
	while (t && n > 0 && strchr(" \r|>-", t[n - 1]))
		n--;
	return t && n > 0 && t[n - 1] == ':';
}

/* Whether indentation `want` is one a line after line `p` may take: that
 * of p, or of a key p sits under (going back, each smaller indentation). */
static bool on_a_level(const loader *L, int p, int ip, int want)
{
	int min = ip;
	for (int l = p; l >= 1 && min > 0 && want != min; l--) {
		int i = line_indent(L, l);
		if (i >= 0 && i < min)
			min = i;
	}
	return want == min;
}

/* A line out of place, found by misplaced_line. */
typedef struct misplaced {
	int line, count;     /* the first line out of place, and how many lines move */
	int has, want, like; /* their indentation, the one they need, a line that has it */
} misplaced;

/* How many lines that hold something, from `from` on, are indented by
 * `indent` one after another. */
static int run_after(const loader *L, int from, int indent)
{
	int n = 0, i;
	for (int l = from; l && line_indent(L, l) == indent && n < 1000; l = content_line(L, l, +1, &i))
		n++;
	return n;
}

/* "did not find expected key": libyaml stops at the first line it cannot
 * place, which is the line after the one that moved when a key was dedented
 * ("state_secret" moved left under "withheld:" leaves the next row, which did
 * not move, without a place).  Two groups of lines disagree: the reported
 * line with the ones after it indented alike, and the lines just before it
 * indented alike, back to the key they stand under.  The group out of place
 * is the one before when it stands beside that key instead of under it (a
 * key moved left out of its group), or when it is the smaller group; else
 * the reported group, when its indentation is none the lines before allow.
 * Returns false when neither story fits. */
static bool misplaced_line(const loader *L, int at, misplaced *m)
{
	int il = line_indent(L, at), ip, io;
	int p = content_line(L, at, -1, &ip);
	if (il < 0 || !p || ip == il)
		return false;
	int g = p, o;
	for (;;) { /* the lines before `at` indented as p, back to a key that opens them */
		o = content_line(L, g, -1, &io);
		if (!o || io != ip || opens_block(L, o))
			break;
		g = o;
	}
	int before = run_after(L, g, ip), after = run_after(L, at, il);
	bool beside_key = o && opens_block(L, o) && io >= ip; /* not under the key it follows */
	if (after > 1 && (beside_key || after > before)) {
		*m = (misplaced){g, before, ip, il, at};
		return true;
	}
	if (!on_a_level(L, p, ip, il) && !opens_block(L, p)) {
		*m = (misplaced){at, after, il, ip, p};
		return true;
	}
	return false;
}

/* "did not find expected node content" in [ ]: two commas with nothing
 * between them ("[1, , 11]").  The hint shows the list with a 0 there. */
static char *empty_flow_value(const loader *L, int line)
{
	size_t n;
	const char *t = gir_text_line(L->text, L->len, line, &n);
	const char *open = t ? memchr(t, '[', n) : NULL;
	if (!open)
		return NULL;
	const char *end = memchr(open, ']', n - (size_t)(open - t));
	if (!end)
		return NULL;
	gir_buf b = {0};
	gir_buf_puts(&b, "[");
	for (const char *p = open + 1; p <= end;) {
		const char *comma = p;
		while (comma < end && *comma != ',')
			comma++;
		const char *a = p, *z = comma;
		while (a < z && *a == ' ')
			a++;
		while (z > a && z[-1] == ' ')
			z--;
		if (p > open + 1)
			gir_buf_puts(&b, ", ");
		if (a == z)
			gir_buf_puts(&b, "0");
		else
			gir_buf_printf(&b, "%.*s", (int)(z - a), a);
		p = comma + 1;
	}
	gir_buf_puts(&b, "]");
	char *list = gir_buf_detach(&b);
	char *hint = gir_xasprintf(_("write the number there, 0 if there were none: %s"), list);
	free(list);
	return hint;
}

/* Turns libyaml's parser error into one diagnostic at the right place: the
 * problem and its position, the context line when libyaml gives one, and a
 * hint when the line (or the one before, which libyaml often blames late)
 * holds a typical slip such as a full-width colon. */
static void syntax_error(loader *L)
{
	yaml_parser_t *p = &L->parser;
	gir_pos pos = mark_pos(p->problem_mark);
	const char *problem = p->problem ? p->problem : "unknown problem";
	const char *hint = NULL;
	char *owned_hint = NULL;
	enum { LIBYAML, TAB, MISPLACED, EMPTY_VALUE } said = LIBYAML; /* whose words */
	int ctx_line = p->context ? (int)p->context_mark.line + 1 : pos.line;
	/* libyaml notices many mistakes a line late: look at the line before too. */
	for (int l = pos.line - 1; l <= pos.line && !hint; l++) {
		size_t n;
		const char *line = l >= 1 ? gir_text_line(L->text, L->len, l, &n) : NULL;
		typo t;
		if (line && find_typo(line, n, &t)) {
			pos = (gir_pos){l, t.col};
			hint = t.hint;
			if (t.tab)
				said = TAB;
		}
	}
	if (!hint && p->context && strstr(problem, "',' or ']'") && ctx_line < pos.line) {
		size_t n;
		const char *line = gir_text_line(L->text, L->len, ctx_line, &n);
		pos = (gir_pos){ctx_line, line ? line_end_col(line, n) : 1};
		hint = _("close the list with ] at the end of the line");
	}
	/* A value that starts with a placeholder opens a flow mapping to YAML. */
	for (int l = pos.line - 1; l <= pos.line && !hint; l++) {
		size_t n;
		const char *line = l >= 1 ? gir_text_line(L->text, L->len, l, &n) : NULL;
		char *copy = line ? gir_xstrndup(line, n) : NULL;
		if (copy && (strstr(copy, ": {{") || strstr(copy, "- {{")))
			hint = _("text that starts with a placeholder must be quoted (\"{{year}}年…\") or "
			         "written as a | block");
		free(copy);
	}
	misplaced m = {0};
	if (!hint && strstr(problem, "did not find expected key") && misplaced_line(L, pos.line, &m)) {
		pos = (gir_pos){m.line, m.has + 1};
		said = MISPLACED;
		hint = owned_hint = gir_xasprintf(_("indent %s by %d %s, like line %d"),
		                                  m.count == 1 ? _("it") : _("them"), m.want,
		                                  m.want == 1 ? _("space") : _("spaces"), m.like);
	}
	if (!hint && strstr(problem, "did not find expected key"))
		hint = _("indent the rows of a table by the same number of spaces as the rows above");
	if (!hint && strstr(problem, "did not find expected node content") && p->context &&
	    strstr(p->context, "flow node") && (hint = owned_hint = empty_flow_value(L, pos.line)))
		said = EMPTY_VALUE;
	if (!hint && strstr(problem, "end of stream") && p->context &&
	    strstr(p->context, "quoted scalar")) {
		/* The quote opened where the context says, and never closed. */
		pos = mark_pos(p->context_mark);
		hint = _("close the text with the same quote mark it starts with");
	}
	if (!hint && strstr(problem, "mapping values are not allowed"))
		hint = _("in text, a colon followed by a space starts a key: put the text in quotes, "
		         "or write it as a | block");
	if (p->error == YAML_MEMORY_ERROR)
		problem = "out of memory";
	const char *sp = m.has == 1 ? _("space") : _("spaces");
	if (said == TAB)
		gir_diag_at(L->diags, L->file, pos, NULL, NULL, hint,
		            GIR_MSG(ERROR, yaml_tab_indent,
		                "this line is indented with a tab, which YAML does not accept: indent with spaces"));
	else if (said == MISPLACED && m.count == 1)
		gir_diag_at(L->diags, L->file, pos, NULL, NULL, hint,
		            GIR_MSG(ERROR, yaml_line_misplaced,
		                "this line is indented by %d %s where the lines around it have %d: "
		                "YAML reads from the indentation which rows belong together"),
		            m.has, sp, m.want);
	else if (said == MISPLACED)
		gir_diag_at(L->diags, L->file, pos, NULL, NULL, hint,
		            GIR_MSG(ERROR, yaml_lines_misplaced,
		                "this line and the %s after it are indented by %d %s where the lines around "
		                "them have %d: YAML reads from the indentation which rows belong together"),
		            m.count == 2 ? C_("lines after", "one") : C_("lines after", "ones"), m.has, sp,
		            m.want);
	else if (said == EMPTY_VALUE)
		gir_diag_at(L->diags, L->file, pos, NULL, NULL, hint,
		            GIR_MSG(ERROR, yaml_empty_flow_value, "a value is missing before this comma"));
	else {
		bool tab = at_tab(L, p->problem_mark, pos.line);
		const char *what = yaml_words(problem, tab),
		           *context = p->context ? yaml_words(p->context, false) : NULL;
		if (context)
			gir_diag_at(L->diags, L->file, pos, NULL, NULL, hint,
			            GIR_MSG(ERROR, yaml_syntax, "YAML syntax: %s %s (line %d)"), what, context,
			            ctx_line);
		else
			gir_diag_at(L->diags, L->file, pos, NULL, NULL, hint,
			            GIR_MSG(ERROR, yaml_syntax_bare, "YAML syntax: %s"), what);
	}
	free(owned_hint);
	L->failed = 1;
}

static bool next_event(loader *L, yaml_event_t *ev)
{
	if (!yaml_parser_parse(&L->parser, ev)) {
		syntax_error(L);
		return false;
	}
	return true;
}

static gir_node *new_node(loader *L, gir_node_kind kind, yaml_mark_t mark,
                          const yaml_char_t *tag)
{
	gir_node *n = doc_alloc(L->doc, sizeof *n);
	n->kind = kind;
	n->pos = mark_pos(mark);
	if (tag)
		n->tag = strcpy(doc_alloc(L->doc, strlen((const char *)tag) + 1), (const char *)tag);
	return n;
}

static gir_node *parse_node(loader *L, yaml_event_t *ev, int depth);

/* Reads children until the collection's end event. */
static bool parse_children(loader *L, gir_node *n, yaml_event_type_t end, int depth)
{
	gir_ptrvec kids = {0};
	bool ok = true;
	for (;;) {
		yaml_event_t ev;
		if (!next_event(L, &ev)) {
			ok = false;
			break;
		}
		if (ev.type == end) {
			yaml_event_delete(&ev);
			break;
		}
		gir_node *k = parse_node(L, &ev, depth + 1);
		yaml_event_delete(&ev);
		if (!k) {
			ok = false;
			break;
		}
		gir_ptrvec_push(&kids, k);
	}
	if (ok) {
		n->kids = doc_alloc(L->doc, (kids.len + 1) * sizeof(gir_node *));
		if (kids.len) /* [] and {} have no items to copy */
			memcpy(n->kids, kids.items, kids.len * sizeof(gir_node *));
		n->n = n->kind == GIR_MAP ? kids.len / 2 : kids.len;
	}
	gir_ptrvec_free(&kids);
	return ok;
}

static gir_scalar_style scalar_style(yaml_scalar_style_t s)
{
	switch (s) {
	case YAML_SINGLE_QUOTED_SCALAR_STYLE: return GIR_SINGLE_QUOTED;
	case YAML_DOUBLE_QUOTED_SCALAR_STYLE: return GIR_DOUBLE_QUOTED;
	case YAML_LITERAL_SCALAR_STYLE: return GIR_LITERAL;
	case YAML_FOLDED_SCALAR_STYLE: return GIR_FOLDED;
	default: return GIR_PLAIN;
	}
}

static gir_node *refuse(loader *L, yaml_mark_t mark, const char *hint, gir_severity s,
                        const char *id, const char *fmt, ...) __attribute__((format(printf, 6, 7)));

static gir_node *refuse(loader *L, yaml_mark_t mark, const char *hint, gir_severity s,
                        const char *id, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	gir_diag_vat(L->diags, L->file, mark_pos(mark), NULL, NULL, hint, s, id, fmt, ap);
	va_end(ap);
	L->failed = 1;
	return NULL;
}

/* Builds the node that event `ev` starts (and, for a mapping or sequence,
 * its children from the events after it).  Refuses, with a diagnostic and
 * NULL, what a source must not hold: aliases, nesting past MAX_DEPTH, more
 * than MAX_NODES values. */
static gir_node *parse_node(loader *L, yaml_event_t *ev, int depth)
{
	if (depth > MAX_DEPTH)
		return refuse(L, ev->start_mark, NULL,
		              GIR_MSG(ERROR, yaml_too_deep,
		                  "nesting is too deep (more than 32 levels); a report source is a few levels deep"));
	if (++L->nodes > MAX_NODES)
		return refuse(L, ev->start_mark, NULL,
		              GIR_MSG(ERROR, yaml_too_many_values,
		                  "too many values (more than 100000); this is not a report source"));
	gir_node *n;
	switch (ev->type) {
	case YAML_ALIAS_EVENT:
		return refuse(L, ev->start_mark, _("write the values out in full"),
		              GIR_MSG(ERROR, yaml_alias,
		                  "aliases (*name) are not allowed in a report source"));
	case YAML_SCALAR_EVENT:
		if (ev->data.scalar.anchor)
			return refuse(L, ev->start_mark, _("remove the &anchor"),
			              GIR_MSG(ERROR, yaml_anchor,
			                  "anchors (&name) are not allowed in a report source"));
		n = new_node(L, GIR_SCALAR, ev->start_mark, ev->data.scalar.tag);
		n->style = scalar_style(ev->data.scalar.style);
		n->len = ev->data.scalar.length;
		n->text = memcpy(doc_alloc(L->doc, n->len + 1), ev->data.scalar.value, n->len);
		return n;
	case YAML_SEQUENCE_START_EVENT:
	case YAML_MAPPING_START_EVENT: {
		bool seq = ev->type == YAML_SEQUENCE_START_EVENT;
		const yaml_char_t *anchor = seq ? ev->data.sequence_start.anchor
		                                : ev->data.mapping_start.anchor;
		if (anchor)
			return refuse(L, ev->start_mark, _("remove the &anchor"),
			              GIR_MSG(ERROR, yaml_anchor,
			                  "anchors (&name) are not allowed in a report source"));
		n = new_node(L, seq ? GIR_SEQ : GIR_MAP, ev->start_mark,
		             seq ? ev->data.sequence_start.tag : ev->data.mapping_start.tag);
		n->flow = seq ? ev->data.sequence_start.style == YAML_FLOW_SEQUENCE_STYLE
		              : ev->data.mapping_start.style == YAML_FLOW_MAPPING_STYLE;
		if (!parse_children(L, n, seq ? YAML_SEQUENCE_END_EVENT : YAML_MAPPING_END_EVENT, depth))
			return NULL;
		return n;
	}
	default:
		return refuse(L, ev->start_mark, NULL,
		              GIR_MSG(ERROR, yaml_unexpected_event, "unexpected YAML event"));
	}
}

/* Rejects encodings libyaml would accept but the rest of gireport (and git
 * diffs, and every other tool in an office) would not: UTF-16 and bad bytes. */
/* Line and column (in characters) of a byte offset. */
static gir_pos pos_of_offset(const char *text, size_t off)
{
	int line = 1;
	size_t ls = 0;
	for (size_t i = 0; i < off; i++)
		if (text[i] == '\n')
			line++, ls = i + 1;
	return (gir_pos){line, (int)gir_utf8_count(text + ls, off - ls) + 1};
}

/* UTF-16 without a byte-order mark: NUL bytes in every other place. */
static bool looks_utf16(const unsigned char *u, size_t n)
{
	size_t nul = 0, k = n < 256 ? n : 256;
	for (size_t i = 0; i < k; i++)
		nul += u[i] == 0;
	return k >= 4 && nul * 4 >= k;
}

/* Characters YAML refuses without saying where: control characters (a
 * backspace or NUL pasted from another program), DEL, C1 controls. */
static size_t control_at(const char *s, size_t n, uint32_t *which)
{
	for (size_t i = 0; i < n;) {
		uint32_t cp = (unsigned char)s[i];
		size_t k = cp < 0x80 ? 1 : gir_utf8_decode(s + i, n - i, &cp);
		if ((cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') || cp == 0x7F ||
		    (cp >= 0x80 && cp < 0xA0 && cp != 0x85) || cp == 0xFFFE || cp == 0xFFFF) {
			*which = cp;
			return i;
		}
		i += k ? k : 1;
	}
	return (size_t)-1;
}

static bool refuse_at(loader *L, gir_pos pos, const char *hint, gir_severity s, const char *id,
                      const char *fmt, unsigned v)
{
	gir_diag_at(L->diags, L->file, pos, NULL, NULL, hint, s, id, fmt, v);
	return false;
}

/* Rejects encodings libyaml would accept but the rest of gireport (and git
 * diffs, and every other tool in an office) would not: UTF-16 and bad bytes. */
static bool check_encoding(loader *L)
{
	const unsigned char *u = (const unsigned char *)L->text;
	const char *save_as = _("save the file as UTF-8 (in Notepad: 另存为 → 编码 UTF-8)");
	if ((L->len >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF))) ||
	    looks_utf16(u, L->len)) {
		gir_diag_at(L->diags, L->file, (gir_pos){1, 1}, NULL, NULL, save_as,
		            GIR_MSG(ERROR, source_utf16,
		                "the file is UTF-16; report sources are UTF-8"));
		return false;
	}
	size_t bad = gir_utf8_invalid_at(L->text, L->len);
	if (bad != (size_t)-1)
		return refuse_at(L, pos_of_offset(L->text, bad),
		                 _("save the file as UTF-8; GBK/GB18030 files must be converted (iconv -f GB18030 -t UTF-8)"),
		                 GIR_MSG(ERROR, source_bad_utf8,
		                     "invalid UTF-8 byte 0x%02X"), (unsigned char)L->text[bad]);
	uint32_t cp;
	size_t at = control_at(L->text, L->len, &cp);
	if (at != (size_t)-1)
		return refuse_at(L, pos_of_offset(L->text, at),
		                 _("delete it: an invisible character, often pasted from another program"),
		                 GIR_MSG(ERROR, source_control_char,
		                     "the control character U+%04X is not allowed in a source"), cp);
	return true;
}

/* Nothing but spaces, tabs and line breaks (or a byte-order mark). */
static bool blank_text(const char *s, size_t n)
{
	size_t i = n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
	for (; i < n; i++)
		if (!strchr(" \t\r\n", s[i]))
			return false;
	return true;
}

/* Reads STREAM-START, DOCUMENT-START, the root node, DOCUMENT-END, and makes
 * sure no second document follows. */
static gir_node *parse_stream(loader *L)
{
	yaml_event_t ev;
	gir_node *root = NULL;
	if (!next_event(L, &ev))
		return NULL;
	yaml_event_delete(&ev); /* stream start */
	if (!next_event(L, &ev))
		return NULL;
	if (ev.type == YAML_STREAM_END_EVENT) {
		yaml_event_delete(&ev);
		gir_diag_at(L->diags, L->file, (gir_pos){0, 0}, NULL, NULL,
		            _("start from one of the examples in examples/"),
		            GIR_MSG(ERROR, source_empty,
		                "the file is empty; a report source needs at least year: and agency:"));
		L->failed = 1;
		return NULL;
	}
	yaml_event_delete(&ev); /* document start */
	if (!next_event(L, &ev))
		return NULL;
	root = parse_node(L, &ev, 0);
	yaml_event_delete(&ev);
	if (!root)
		return NULL;
	if (!next_event(L, &ev)) /* document end */
		return NULL;
	yaml_event_delete(&ev);
	if (!next_event(L, &ev))
		return NULL;
	if (ev.type == YAML_DOCUMENT_START_EVENT) {
		refuse(L, ev.start_mark, _("put each report in a file of its own"),
		       GIR_MSG(ERROR, yaml_second_document,
		           "a second YAML document (---) in the same file"));
		yaml_event_delete(&ev);
		return NULL;
	}
	yaml_event_delete(&ev);
	return root;
}

gir_doc *gir_yaml_load(const char *file, const char *text, size_t len, gir_diags *d)
{
	loader L = {.file = file, .text = text, .len = len, .diags = d};
	if (!check_encoding(&L))
		return NULL;
	if (blank_text(text, len)) {
		gir_diag_at(d, file, (gir_pos){0, 0}, NULL, NULL,
		            _("start from one of the examples in examples/"),
		            GIR_MSG(ERROR, source_empty,
		                "the file is empty; a report source needs at least year: and agency:"));
		return NULL;
	}
	L.doc = gir_xcalloc(1, sizeof(gir_doc));
	yaml_parser_initialize(&L.parser);
	yaml_parser_set_input_string(&L.parser, (const unsigned char *)text, len);
	L.doc->root = parse_stream(&L);
	yaml_parser_delete(&L.parser);
	if (!L.doc->root || L.failed) {
		gir_doc_free(L.doc);
		return NULL;
	}
	return L.doc;
}

const gir_node *gir_doc_root(const gir_doc *doc)
{
	return doc->root;
}

void gir_doc_free(gir_doc *doc)
{
	if (!doc)
		return;
	for (size_t i = 0; i < doc->blocks.len; i++)
		free(doc->blocks.items[i]);
	gir_ptrvec_free(&doc->blocks);
	free(doc);
}
