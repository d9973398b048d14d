/* gireport import, second stage: table rows placed on the template.  A row
 * is known by its label (the last cell of text before its numbers, which
 * the template's labels, bare labels and aliases name); a row of numbers
 * without a label is table 四's one line, or the next row of the form. */
#include <stdlib.h>
#include <string.h>

#include "import.h"
#include "prose.h"
#include "utf8.h"
#include "util.h"

bool imp_label_matches(const gir_axis *a, const char *cell)
{
	if (!*cell)
		return false;
	char *n = imp_normalize(cell);
	bool r = gir_axis_matches(a, n) || gir_axis_matches(a, cell);
	free(n);
	return r;
}

/* ---- reading a row ---------------------------------------------------------- */

typedef struct imp_read {
	const char *labels[16];
	size_t nlabels;
	char **values;
	int *cols;
	char *how;           /* per value: IMP_V_… */
	gir_pos *vpos;       /* per value: its cell in the input */
	char **raw;          /* per value: its cell's text (into the row; owned once deferred) */
	bool owns_raw;
	size_t nraw;         /* raw texts owned (the values may be taken before) */
	size_t nvalues;
	int blanks;          /* empty cells between numbers, read as 0 */
	int na;              /* "/", "-", "—", "无": not applicable, kept as written */
	int units;           /* numbers with a unit ("251000元"), converted at placing */
	size_t trail;        /* empty cells at the end of the row, counted among the values */
	gir_pos pos;         /* of the first value */
	gir_pos label_pos;   /* of the last label */
	char *line_label;    /* "发布总数量：128": the text before the colon */
} imp_read;

enum { IMP_V_NUMBER = 'n', IMP_V_BLANK = 'b', IMP_V_NA = 'a', IMP_V_UNIT = 'u' };

/* Characters of a unit after a number in a cell: 件, 条, 元, 万元. */
#define UNIT_MAX_CHARS 2

/* "251000元", "3件", "0.35万元": a number and a short unit (CJK), the number
 * malloc'd into *num; NULL when the cell is not that.  Returns the unit. */
static const char *number_with_unit(const char *text, char **num)
{
	const char *p = text;
	*num = NULL;
	while (*p && ((*p >= '0' && *p <= '9') || *p == '.' || *p == ','))
		p++;
	if (p == text || !((unsigned char)*p & 0x80))
		return NULL;
	size_t chars = 0;
	for (const char *q = p; *q; q++) {
		if (((unsigned char)*q & 0xC0) != 0x80)
			chars++;
		if ((unsigned char)*q < 0x80)
			return NULL;
	}
	if (chars > UNIT_MAX_CHARS)
		return NULL;
	char *head = gir_xstrndup(text, (size_t)(p - text));
	*num = imp_number(head);
	free(head);
	return *num ? p : NULL;
}

/* Whether a cell's text reads as a label: not empty, not a dash for no
 * value, not a number (with or without a unit). */
static bool is_label(const char *text)
{
	if (!*text || imp_no_value(text))
		return false;
	char *v = imp_number(text), *u = NULL;
	bool unit = !v && number_with_unit(text, &u);
	free(v);
	free(u);
	return v == NULL && !unit;
}

/* Appends the value v (owned by rd from now on), read from column col
 * (-1 when unknown) at pos, as a plain number. */
static void add_value(imp_read *rd, char *v, int col, gir_pos pos)
{
	IMP_GROW(rd->values, rd->nvalues);
	IMP_GROW(rd->cols, rd->nvalues);
	IMP_GROW(rd->how, rd->nvalues);
	IMP_GROW(rd->vpos, rd->nvalues);
	IMP_GROW(rd->raw, rd->nvalues);
	rd->raw[rd->nvalues] = NULL;
	rd->values[rd->nvalues] = v;
	rd->vpos[rd->nvalues] = pos;
	rd->how[rd->nvalues] = IMP_V_NUMBER;
	rd->cols[rd->nvalues++] = col;
}

/* A value cell as read: a number, a number with its unit (kept as written
 * until its column is known), or an empty or not-applicable cell (0). */
static void add_cell_value(imp_read *rd, const imp_cell *c)
{
	char *v = imp_number(c->text), *num;
	char how = IMP_V_NUMBER;
	if (!v && number_with_unit(c->text, &num)) {
		free(num);
		v = gir_xstrdup(c->text), how = IMP_V_UNIT, rd->units++;
	} else if (!v && !*c->text) {
		v = gir_xstrdup("0"), how = IMP_V_BLANK, rd->blanks++;
	} else if (!v) { /* imp_no_value: a not-applicable mark, as the source spells it */
		int k = gir_na_spelling(c->text);
		v = gir_xstrdup(k ? gir_na_spellings[k] : "/"), how = IMP_V_NA, rd->na++;
	}
	if (!rd->nvalues)
		rd->pos = c->pos;
	add_value(rd, v, c->col, c->pos);
	rd->how[rd->nvalues - 1] = how;
	rd->raw[rd->nvalues - 1] = c->text;
}

/* "label：123" (a sentence with its number, as gov-2019-lvyuan's line). */
static void split_line_value(imp_read *rd, const imp_cell *c)
{
	const char *colon = NULL;
	for (const char *p = c->text; *p; p++)
		if (strncmp(p, "\xEF\xBC\x9A", 3) == 0 || *p == ':') /* ： */
			colon = p;
	if (!colon)
		return;
	const char *after = colon + (*colon == ':' ? 1 : 3);
	char *v = imp_number(after);
	if (!v)
		return;
	rd->line_label = gir_xstrndup(c->text, (size_t)(colon - c->text));
	rd->labels[0] = rd->line_label;
	rd->nlabels = 1;
	rd->pos = c->pos;
	add_value(rd, v, -1, c->pos);
}

/* Reads one input row into rd (zeroed first; read_free frees it): its
 * labels, the last ones before the numbers, and its values after them,
 * empty and not-applicable cells counted. */
static void read_row(const imp_row *r, imp_read *rd)
{
	memset(rd, 0, sizeof *rd);
	size_t last = 0, first_value;
	bool any_label = false;
	for (size_t k = 0; k < r->n; k++)
		if (is_label(r->cells[k].text))
			last = k, any_label = true;
	/* The last labels, nearest the numbers, are the row's own; headings of
	 * groups stand before them.  Past 16, the first are dropped. */
	size_t from = any_label ? last + 1 : 0;
	for (size_t got = 0; from > 0 && got < GIR_ARRAY_LEN(rd->labels);)
		got += *r->cells[--from].text != '\0';
	for (size_t k = from; any_label && k <= last; k++)
		if (*r->cells[k].text) {
			rd->labels[rd->nlabels++] = r->cells[k].text;
			rd->label_pos = r->cells[k].pos;
		}
	first_value = any_label ? last + 1 : 0;
	size_t end = r->n;
	while (first_value < end && !*r->cells[first_value].text)
		first_value++;
	/* empty cells at the end are kept, and counted: a copy keeps a row's
	 * trailing empty cells ("（二）部分公开…⇥3⇥⇥⇥⇥⇥⇥"), and where they are
	 * more than the form has they are dropped at placing */
	for (size_t k = end; k > first_value && !*r->cells[k - 1].text; k--)
		rd->trail++;
	/* a line of text that says "无" or "/" alone has no number */
	if (r->text_line && r->n == 1 && imp_no_value(r->cells[0].text))
		first_value = end;
	for (size_t k = first_value; k < end; k++)
		add_cell_value(rd, &r->cells[k]);
	if (!rd->nvalues && rd->nlabels == 1 && r->n == 1)
		split_line_value(rd, &r->cells[0]);
}

/* Frees what rd owns; the labels point into the row and are not freed. */
static void read_free(imp_read *rd)
{
	for (size_t i = 0; i < rd->nvalues; i++)
		free(rd->values[i]);
	for (size_t i = 0; rd->owns_raw && i < rd->nraw; i++)
		free(rd->raw[i]);
	free(rd->values);
	free(rd->raw);
	free(rd->cols);
	free(rd->how);
	free(rd->vpos);
	free(rd->line_label);
}

/* ---- for edition scores (import_score.c) ----------------------------------- */

bool imp_could_be_label(const char *text)
{
	return is_label(text);
}

bool imp_is_value(const char *word)
{
	return *word && !is_label(word);
}

char *imp_line_label(const imp_row *r)
{
	imp_read rd;
	read_row(r, &rd);
	char *l = rd.line_label;
	rd.line_label = NULL;
	read_free(&rd);
	return l;
}

/* ---- placing rows ------------------------------------------------------------ */

static size_t sum_columns(const gir_block *b)
{
	size_t n = 0;
	for (size_t c = 0; c < b->ncols; c++)
		n += gir_axis_is_sum(b->col_leaves[c]);
	return n;
}

static const char *sum_label(const gir_block *b)
{
	for (size_t c = 0; c < b->ncols; c++)
		if (gir_axis_is_sum(b->col_leaves[c]))
			return b->col_leaves[c]->label;
	return "";
}

static char *row_label(const imp_doc *doc, const imp_slot *s)
{
	return gir_axis_label_chain(s->row, doc->year);
}

/* A comment for the source: "import: line N <what>: <text>". */
static void note(imp_table *tab, int line, const char *what, const char *text)
{
	gir_ptrvec_push(&tab->notes, gir_xasprintf("import: line %d %s: %s", line, what, text));
}

/* The first unfilled slot the labels name, looking from the cursor on:
 * the last label first, since group headings (（三）不予公开) stand before
 * the row's own label. */
static imp_slot *find_slot(imp_table *tab, const imp_read *rd, size_t cursor, imp_slot **taken)
{
	*taken = NULL;
	for (size_t l = rd->nlabels; l-- > 0;) {
		for (size_t pass = 0; pass < 2; pass++)
			for (size_t i = pass ? 0 : cursor; i < tab->nslots; i++) {
				imp_slot *s = &tab->slots[i];
				if (s->block->layout == GIR_LAYOUT_INLINE || !imp_label_matches(s->row, rd->labels[l]))
					continue;
				if (!s->filled)
					return s;
				if (!*taken)
					*taken = s;
			}
		if (*taken)
			return NULL;
	}
	return NULL;
}

/* The columns of a pipe table whose header cells are all empty (a
 * Markdown conversion leaves such columns, and numbers under them belong
 * nowhere): the rows of the table before its first row of data, each read
 * once.  `cols` gets a flag for each column up to `ncols`. */
static void empty_header_columns(const imp_row *rows, size_t n, int table, bool *cols,
                                 size_t ncols)
{
	bool any = false;
	for (size_t c = 0; c < ncols; c++)
		cols[c] = true;
	for (size_t i = 0; i < n; i++) {
		if (rows[i].table != table)
			continue;
		imp_read rd;
		read_row(&rows[i], &rd);
		bool data = rd.nvalues > 0;
		read_free(&rd);
		if (data)
			break;
		any = true;
		for (size_t c = 0; c < ncols && c < rows[i].n; c++)
			cols[c] = cols[c] && !*rows[i].cells[c].text;
	}
	for (size_t c = 0; !any && c < ncols; c++)
		cols[c] = false;
}

/* Drops numbers standing under header-less columns while there are more
 * than `want`, from the right; true when that leaves exactly `want` or
 * `alt`.  The columns dropped (1-based, left to right) are written to
 * `cols`.  One pass over the row, however wide. */
static bool drop_stray(imp_read *rd, const imp_row *rows, size_t n, int table, size_t want,
                       size_t alt, gir_buf *cols)
{
	size_t ncols = 0;
	for (size_t i = 0; i < rd->nvalues; i++)
		ncols = rd->cols[i] >= 0 && (size_t)rd->cols[i] + 1 > ncols ? (size_t)rd->cols[i] + 1 : ncols;
	bool *empty = gir_xcalloc(ncols + 1, sizeof *empty);
	bool *drop = gir_xcalloc(rd->nvalues + 1, sizeof *drop);
	empty_header_columns(rows, n, table, empty, ncols);
	size_t left = rd->nvalues;
	for (size_t i = rd->nvalues; i-- > 0 && left > want;)
		if (rd->cols[i] >= 0 && empty[rd->cols[i]])
			drop[i] = true, left--;
	size_t w = 0;
	for (size_t i = 0; i < rd->nvalues; i++) {
		if (!drop[i]) {
			rd->values[w] = rd->values[i], rd->cols[w] = rd->cols[i], rd->how[w] = rd->how[i];
			rd->raw[w] = rd->raw[i];
			rd->vpos[w++] = rd->vpos[i];
			continue;
		}
		gir_buf_printf(cols, "%s%d", cols->len ? ", " : "", rd->cols[i] + 1);
		free(rd->values[i]);
	}
	rd->nvalues = w;
	for (rd->trail = 0; rd->trail < w && rd->how[w - 1 - rd->trail] == IMP_V_BLANK;)
		rd->trail++;
	free(empty);
	free(drop);
	return rd->nvalues == want || rd->nvalues == alt;
}

typedef struct place_ctx {
	const imp_doc *doc;
	imp_table *tab;
	const imp_row *rows;
	size_t nrows;
	const imp_row *row;
	imp_slot *pending;   /* the inline row a heading line just named (行政复议) */
	/* table 四 transposed: a line per column (结果维持 | 1 | 12 | 0), its
	 * values kept until every column is read */
	const gir_block *tblock;
	char ***tcols;       /* [column][inline row] */
	gir_pos tpos;
} place_ctx;

/* Whether the row's count fits `full` (with its totals) or `shorter`;
 * a count it can mend it mends, with a warning. */
static bool count_fits(place_ctx *c, imp_read *rd, size_t full, size_t shorter, const char *what)
{
	if (rd->nvalues == full || (shorter && rd->nvalues == shorter))
		return true;
	size_t had = rd->nvalues;
	gir_buf cols = {0};
	bool fits = had > full && c->row->table >= 0 &&
	            drop_stray(rd, c->rows, c->nrows, c->row->table, full, shorter, &cols);
	if (fits) {
		bool one = had - rd->nvalues == 1;
		const char *which = one ? "the one in column" : "the ones in columns";
		const char *hint = _("an extra cell stands in a column with no heading, as a conversion "
		                     "leaves");
		if (one)
			gir_diag_at(c->doc->diags, c->doc->file, rd->pos, NULL, NULL, hint,
			            GIR_MSG(WARNING, import_stray_cells,
			                    "%s: %zu cells where the form has %zu; the one in column %s is left out"),
			            what, had, full, cols.ptr);
		else
			gir_diag_at(c->doc->diags, c->doc->file, rd->pos, NULL, NULL, hint,
			            GIR_MSG(WARNING, import_stray_cells,
			                    "%s: %zu cells where the form has %zu; the ones in columns %s are left out"),
			            what, had, full, cols.ptr);
		char *n = gir_xasprintf("import: line %d had %zu cells; %s %s, under no heading, %s "
		                        "left out", c->row->pos.line, had, which, cols.ptr, one ? "was" : "were");
		gir_ptrvec_push(&c->tab->notes, n);
	}
	gir_buf_free(&cols);
	return fits;
}

/* The last value, an empty cell at the row's end, dropped. */
static void drop_last_blank(imp_read *rd)
{
	free(rd->values[--rd->nvalues]);
	rd->trail--;
	rd->blanks--;
}

/* Empty cells at the end of a row beyond the `want` the form has are
 * none of its cells: a copy leaves them. */
static void trim_trailing(imp_read *rd, size_t want)
{
	while (rd->trail && rd->nvalues > want)
		drop_last_blank(rd);
}

/* Warns, for the row `what`, of empty cells that were read as 0 (a
 * not-applicable cell is kept as such: the source says "/" too). */
static void blanks_warning(place_ctx *c, const imp_read *rd, const char *what)
{
	if (rd->blanks > 1)
		gir_diag_at(c->doc->diags, c->doc->file, rd->pos, NULL, NULL, NULL,
		            GIR_MSG(WARNING, import_empty_cells,
		                "%s: %d empty cells read as 0"), what,
		            rd->blanks);
	else if (rd->blanks)
		gir_diag_at(c->doc->diags, c->doc->file, rd->pos, NULL, NULL, NULL,
		            GIR_MSG(WARNING, import_empty_cells,
		                "%s: %d empty cell read as 0"), what,
		            rd->blanks);
}

/* The cell's key path, "proactive.fees.amount". */
static char *value_path(const gir_section *sec, const gir_axis *row, const gir_axis *col)
{
	char *r = gir_axis_path(row), *c = gir_axis_path(col);
	char *p = gir_xasprintf("%s.%s%s%s", sec->id, r, *c ? "." : "", c);
	free(r), free(c);
	return p;
}

/* The factor of a unit for a cell, from the template: a prose rule of
 * that cell giving it ({"万元": 1, "元": 10000}), else the column's
 * "unit" ("万元", factor 1, or an object like the rule's); 0 when the
 * template knows no such unit there. */
static int64_t unit_factor(const gir_template *t, const char *path, const gir_axis *col,
                           const char *unit)
{
	for (size_t i = 0; t && i < t->nprose; i++) {
		const gir_prose_rule *r = &t->prose[i];
		if (r->npaths != 1 || strcmp(r->paths[0], path) != 0)
			continue;
		for (size_t u = 0; u < r->nunits; u++)
			if (strcmp(r->units[u].text, unit) == 0)
				return r->units[u].factor;
	}
	for (size_t u = 0; u < col->nunits; u++)
		if (strcmp(col->units[u].text, unit) == 0)
			return col->units[u].factor;
	return 0;
}

/* num / factor, for a factor that is a power of ten: the point moved. */
static char *divided(const char *num, int64_t factor)
{
	int shift = 0;
	for (; factor > 1 && factor % 10 == 0; factor /= 10)
		shift++;
	if (factor != 1)
		return NULL;
	const char *dot = strchr(num, '.');
	size_t ilen = dot ? (size_t)(dot - num) : strlen(num);
	gir_buf digits = {0};
	gir_buf_put(&digits, num, ilen);
	if (dot)
		gir_buf_puts(&digits, dot + 1);
	size_t point = ilen; /* digits before the point */
	gir_buf out = {0};
	if ((int)point <= shift) {
		gir_buf_puts(&out, "0.");
		for (int i = 0; i < shift - (int)point; i++)
			gir_buf_putc(&out, '0');
		gir_buf_puts(&out, digits.ptr);
	} else {
		gir_buf_put(&out, digits.ptr, point - (size_t)shift);
		gir_buf_putc(&out, '.');
		gir_buf_puts(&out, digits.ptr + point - shift);
	}
	gir_buf_free(&digits);
	char *r = imp_detach(&out);
	size_t n = strlen(r);
	while (n > 0 && strchr(r, '.') && (r[n - 1] == '0' || r[n - 1] == '.'))
		if (r[--n] == '.') {
			r[n] = '\0';
			break;
		} else {
			r[n] = '\0';
		}
	char *v = imp_number(r); /* "007" → "7" */
	free(r);
	return v;
}

/* Numbers written with a unit, converted to the column's ("251000元" in
 * a 万元 column is 25.1), with a warning; a unit the template does not
 * know for the column stays as written, which `check` refuses. */
static void convert_units(place_ctx *c, const imp_slot *s, imp_read *rd)
{
	const gir_block *b = s->block;
	bool all = rd->nvalues == b->ncols;
	for (size_t i = 0, col = 0; i < rd->nvalues && col < b->ncols; i++, col++) {
		while (!all && gir_axis_is_sum(b->col_leaves[col]) && col + 1 < b->ncols)
			col++;
		if (rd->how[i] != IMP_V_UNIT)
			continue;
		char *num;
		const char *unit = number_with_unit(rd->values[i], &num);
		char *path = value_path(c->tab->sec, s->row, b->col_leaves[col]);
		int64_t f = unit ? unit_factor(c->doc->tpl, path, b->col_leaves[col], unit) : 0;
		char *v = f ? divided(num, f) : NULL;
		if (v) {
			char *label = row_label(c->doc, s);
			char *full = gir_join_labels(c->tab->sec->heading, label, b->col_leaves[col]->label,
			                             (char *)NULL);
			gir_diag_at(c->doc->diags, c->doc->file, rd->vpos[i], NULL, NULL, NULL,
			            GIR_MSG(WARNING, import_unit_read,
			                "%s: \"%s\" read as %s (the column's unit)"), full, rd->values[i], v);
			free(full);
			free(label);
			free(rd->values[i]);
			rd->values[i] = v;
		}
		free(num);
		free(path);
	}
}

/* Moves rd's values and their places into the slot s, which is then
 * filled; rd keeps none. */
static void take_values(imp_slot *s, imp_read *rd)
{
	s->values = rd->values;
	s->vpos = rd->vpos;
	s->n = rd->nvalues;
	s->pos = rd->pos;
	s->filled = true;
	rd->values = NULL;
	rd->vpos = NULL;
	rd->nvalues = 0;
}

/* Whether a value of the row may be joined with the one before or after
 * it: a number or a number with its unit as the copy gave it, in ASCII
 * digits (and a sign or a point, which the column's number must allow). */
static bool joinable(const imp_read *rd, size_t i)
{
	const char *t = rd->raw[i];
	if (!t || (rd->how[i] != IMP_V_NUMBER && rd->how[i] != IMP_V_UNIT))
		return false;
	size_t k = 0;
	while (t[k] && ((t[k] >= '0' && t[k] <= '9') || t[k] == '.' || t[k] == '+' || t[k] == '-'))
		k++;
	for (; t[k]; k++)
		if (!((unsigned char)t[k] & 0x80))
			return false;
	return k > 0;
}

/* A row with more values than cells kept, with its cells' text, until the
 * table's rows are all read (imp_table_join): two of its values next to
 * each other may be one cell split in the copy.  False when none may. */
static bool defer(imp_slot *s, imp_read *rd)
{
	bool any = false;
	for (size_t i = 0; i + 1 < rd->nvalues && !any; i++)
		any = joinable(rd, i) && joinable(rd, i + 1);
	if (!any)
		return false;
	imp_read *keep = gir_xmalloc(sizeof *keep);
	*keep = *rd;
	keep->nlabels = 0; /* they point into the row */
	for (size_t i = 0; i < keep->nvalues; i++)
		keep->raw[i] = keep->raw[i] ? gir_xstrdup(keep->raw[i]) : NULL;
	keep->owns_raw = true;
	keep->nraw = keep->nvalues;
	memset(rd, 0, sizeof *rd);
	s->split = keep;
	s->filled = true; /* no other row of the input is placed on it */
	s->pos = keep->pos;
	return true;
}

/* The error for a row whose count of cells is not the form's: the slot
 * keeps the cells as read, with a note. */
static void wrong_count(place_ctx *c, imp_slot *s, const imp_read *rd, const char *full)
{
	const gir_block *b = s->block;
	size_t sums = sum_columns(b);
	char *without = sums ? gir_xasprintf(" (or %zu without the computed %s)", b->ncols - sums,
	                                     sum_label(b))
	                     : gir_xstrdup("");
	char *key = imp_row_path(c->tab->sec, s->row);
	gir_diag_at(c->doc->diags, c->doc->file, rd->pos, NULL, key,
	            _("the source keeps the cells as read; find the missing or extra one in the original"),
	            GIR_MSG(ERROR, import_row_length,
	                "%s: %zu cells, but the row has %zu%s"), full, rd->nvalues, b->ncols, without);
	free(key);
	free(without);
	s->note = gir_xasprintf("import: line %d has %zu cells where the form has %zu: check "
	                        "the original", rd->pos.line, rd->nvalues, b->ncols);
}

/* The row's values put into the slot: empty cells said, units converted. */
static void fill_slot(place_ctx *c, imp_slot *s, imp_read *rd, const char *full)
{
	blanks_warning(c, rd, full);
	if (rd->units)
		convert_units(c, s, rd);
	take_values(s, rd);
}

/* Puts the row read into the slot s of the form: trailing empty cells and
 * an empty computed total dropped, units converted; a count of cells that
 * does not fit the row is an error and the slot keeps the cells as read,
 * with a note, but for more values than cells, two of which may be one
 * cell split in the copy: kept for imp_table_join. */
static void place_in_slot(place_ctx *c, imp_slot *s, imp_read *rd)
{
	const gir_block *b = s->block;
	size_t sums = sum_columns(b);
	char *what = row_label(c->doc, s);
	char *full = gir_join_labels(c->tab->sec->heading, what, (char *)NULL);
	trim_trailing(rd, b->ncols);
	/* an empty total at the row's end: the total is computed */
	if (rd->trail && rd->nvalues == b->ncols && sums == 1 &&
	    gir_axis_is_sum(b->col_leaves[b->ncols - 1]))
		drop_last_blank(rd);
	bool fits = count_fits(c, rd, b->ncols, sums ? b->ncols - sums : 0, full);
	if (fits || rd->nvalues <= b->ncols || !defer(s, rd)) {
		if (!fits)
			wrong_count(c, s, rd, full);
		fill_slot(c, s, rd, full);
	}
	free(what);
	free(full);
}

/* Whether a row of s's block before s has no numbers yet: then the heading
 * that named s was the last of the form's header copied cell by cell
 * (行政复议⏎行政诉讼⏎…⏎复议后起诉, 莆田 2024's copy), not a heading over its own
 * numbers, and the numbers after it (there 1⏎0⏎1⏎0 for 四's 15 cells) are
 * counted against the whole table instead. */
static bool skips_rows(const imp_table *tab, const imp_slot *s)
{
	for (const imp_slot *sl = tab->slots; sl < s; sl++)
		if (sl->block == s->block && !sl->filled)
			return true;
	return false;
}

/* Table 四 as the form prints it: every row's cells in one line. */
/* One row of table 四 given on its own ("行政复议 | 1 | 0 | 2 | 0 | 3", or
 * the numbers under a heading line 行政复议, as when 四 is printed as three
 * small tables): placed on the row its label or the heading names, else on
 * the next row of 四 not yet read, with a warning. */
static bool place_inline_row(place_ctx *c, imp_read *rd, imp_slot *first)
{
	const gir_block *b = first->block;
	size_t sums = sum_columns(b);
	trim_trailing(rd, b->ncols);
	if (rd->nvalues != b->ncols && (!sums || rd->nvalues != b->ncols - sums))
		return false;
	imp_slot *s = NULL;
	for (size_t i = 0; i < c->tab->nslots && !s && rd->nlabels; i++) {
		imp_slot *sl = &c->tab->slots[i];
		if (sl->block == b && !sl->filled && imp_label_matches(sl->row, rd->labels[rd->nlabels - 1]))
			s = sl;
	}
	if (!s && c->pending && !c->pending->filled) {
		if (skips_rows(c->tab, c->pending))
			return false;
		s = c->pending;
	}
	if (!s) {
		s = first;
		char *what = row_label(c->doc, s);
		gir_diag_at(c->doc->diags, c->doc->file, rd->pos, NULL, NULL, NULL,
		            GIR_MSG(WARNING, import_row_without_label,
		                "%s: a row of %zu numbers without a label, read as %s by its place"),
		            c->tab->sec->heading, rd->nvalues, what);
		free(what);
	}
	c->pending = NULL;
	place_in_slot(c, s, rd);
	return true;
}

/* The column of the inline block a label names (结果维持), or -1. */
static int inline_column(const gir_block *b, const char *label)
{
	for (size_t k = 0; k < b->ncols; k++)
		if (imp_label_matches(b->col_leaves[k], label))
			return (int)k;
	return -1;
}

/* Table 四 transposed: a line per column with a number per row of 四. */
static bool place_transposed(place_ctx *c, imp_read *rd, const gir_block *b, size_t nrows)
{
	int col = rd->nlabels ? inline_column(b, rd->labels[rd->nlabels - 1]) : -1;
	trim_trailing(rd, nrows);
	if (col < 0 || rd->nvalues != nrows || (c->tblock && c->tblock != b))
		return false;
	if (!c->tblock) {
		c->tblock = b;
		c->tcols = gir_xcalloc(b->ncols, sizeof *c->tcols);
		c->tpos = rd->pos;
	}
	if (c->tcols[col])
		return false;
	c->tcols[col] = rd->values;
	rd->values = NULL;
	rd->nvalues = 0;
	blanks_warning(c, rd, c->tab->sec->heading);
	return true;
}

/* The transposed columns read, given to the rows of 四: each row gets its
 * value of every column (the total may be missing: then it is computed). */
static void finish_transposed(place_ctx *c)
{
	const gir_block *b = c->tblock;
	if (!b)
		return;
	bool complete = true, total = true;
	for (size_t k = 0; k < b->ncols; k++) {
		if (gir_axis_is_sum(b->col_leaves[k]))
			total = total && c->tcols[k];
		else
			complete = complete && c->tcols[k];
	}
	for (size_t i = 0, r = 0; complete && i < c->tab->nslots; i++) {
		imp_slot *s = &c->tab->slots[i];
		if (s->block != b)
			continue;
		if (!s->filled) {
			s->values = gir_xcalloc(b->ncols, sizeof *s->values);
			for (size_t k = 0; k < b->ncols; k++)
				if (c->tcols[k] && (total || !gir_axis_is_sum(b->col_leaves[k])))
					s->values[s->n++] = c->tcols[k][r], c->tcols[k][r] = NULL;
			s->pos = c->tpos, s->filled = true;
		}
		r++;
	}
	if (complete)
		gir_diag_at(c->doc->diags, c->doc->file, c->tpos, NULL, NULL, NULL,
		            GIR_MSG(NOTE, import_transposed,
		                "%s: read transposed, a line per column"), c->tab->sec->heading);
	for (size_t k = 0; k < b->ncols; k++) {
		size_t nrows = 0;
		for (size_t i = 0; i < c->tab->nslots; i++)
			nrows += c->tab->slots[i].block == b;
		for (size_t r = 0; c->tcols[k] && r < nrows; r++)
			free(c->tcols[k][r]);
		free(c->tcols[k]);
	}
	free(c->tcols);
}

/* The inline rows' count of cells does not fit: the table keeps the cells
 * as one flat list, with an error. */
static void flat_error(place_ctx *c, imp_read *rd, const gir_block *b, size_t full, size_t shorter)
{
	gir_diag_at(c->doc->diags, c->doc->file, rd->pos, NULL, c->tab->sec->id,
	            _("the source keeps the cells as read, which `gireport check` refuses; "
	            "find the missing or extra cell in the original"),
	            GIR_MSG(ERROR, import_flat_length,
	                "%s: %zu cells, but the form has %zu (or %zu without the %s cells)"),
	            c->tab->sec->heading, rd->nvalues, full, shorter, sum_label(b));
	c->tab->flat = rd->values, c->tab->nflat = rd->nvalues, c->tab->flat_pos = rd->pos;
	c->tab->flat_note = gir_xasprintf("import: line %d has %zu cells where the form has %zu "
	                                  "(%zu without %s): one is missing or one too many",
	                                  rd->pos.line, rd->nvalues, full, shorter, sum_label(b));
	rd->values = NULL, rd->nvalues = 0;
}

/* rd's values shared out among the nrows inline rows of b still free. */
static void share_inline(place_ctx *c, imp_read *rd, const gir_block *b, size_t nrows)
{
	blanks_warning(c, rd, c->tab->sec->heading);
	size_t per = rd->nvalues / nrows;
	for (size_t i = 0, k = 0; i < c->tab->nslots; i++) {
		imp_slot *s = &c->tab->slots[i];
		if (s->block != b || s->filled)
			continue;
		s->values = gir_xcalloc(per, sizeof *s->values);
		s->vpos = gir_xcalloc(per, sizeof *s->vpos);
		for (size_t j = 0; j < per; j++, k++)
			s->values[j] = rd->values[k], rd->values[k] = NULL, s->vpos[j] = rd->vpos[k];
		s->n = per, s->pos = rd->pos, s->filled = true;
	}
}

/* Table 四's rows laid out in one line (GIR_LAYOUT_INLINE): the values of
 * rd shared out among the inline rows still free, transposed or row by row
 * where the input is so.  A count that does not fit keeps the cells as one
 * flat list with an error, but for more values than all the inline rows'
 * cells, two of which may be one cell split in the copy: kept for
 * imp_table_join on the first inline row, the others taken meanwhile.
 * False when there is no free inline row. */
static bool place_inline(place_ctx *c, imp_read *rd)
{
	imp_slot *first = NULL;
	size_t nrows = 0, all = 0;
	for (size_t i = 0; i < c->tab->nslots; i++)
		if (c->tab->slots[i].block->layout == GIR_LAYOUT_INLINE) {
			all++;
			if (!c->tab->slots[i].filled) {
				first = first ? first : &c->tab->slots[i];
				nrows++;
			}
		}
	if (!first || c->tab->flat)
		return false;
	const gir_block *b = first->block;
	if (nrows == all && place_transposed(c, rd, b, all))
		return true;
	if (nrows > 1 && place_inline_row(c, rd, first))
		return true;
	size_t sums = sum_columns(b), full = nrows * b->ncols, shorter = nrows * (b->ncols - sums);
	trim_trailing(rd, full);
	if (count_fits(c, rd, full, sums ? shorter : 0, c->tab->sec->heading)) {
		share_inline(c, rd, b, nrows);
	} else if (rd->nvalues > full && nrows == all && defer(first, rd)) {
		first->split_block = true;
		for (size_t i = 0; i < c->tab->nslots; i++)
			if (c->tab->slots[i].block == b)
				c->tab->slots[i].filled = true, c->tab->slots[i].pos = first->pos;
	} else {
		flat_error(c, rd, b, full, shorter);
	}
	return true;
}

static imp_slot *next_free(imp_table *tab, size_t cursor)
{
	for (size_t i = cursor; i < tab->nslots; i++)
		if (!tab->slots[i].filled && tab->slots[i].block->layout != GIR_LAYOUT_INLINE)
			return &tab->slots[i];
	return NULL;
}

/* The error for a row that cannot be placed: its row of the form was
 * filled before (taken), or no row of the form has its label; a note in
 * the source either way. */
static void unplaced(place_ctx *c, imp_read *rd, imp_slot *taken)
{
	const char *label = rd->nlabels ? rd->labels[rd->nlabels - 1] : "";
	if (taken) {
		char *what = row_label(c->doc, taken);
		char *full = gir_join_labels(c->tab->sec->heading, what, (char *)NULL);
		char *key = imp_row_path(c->tab->sec, taken->row);
		gir_diag_at(c->doc->diags, c->doc->file, rd->pos, NULL, key, NULL,
		            GIR_MSG(ERROR, import_row_twice,
		                "%s a second time (first at line %d); left out"), full, taken->pos.line);
		free(key);
		free(full);
		free(what);
	} else {
		gir_diag_at(c->doc->diags, c->doc->file, rd->label_pos, NULL, NULL,
		            _("the row is left out of the source"),
		            GIR_MSG(ERROR, import_no_such_row,
		                "%s: no row of the form is called \"%s\""), c->tab->sec->heading, label);
	}
	note(c->tab, rd->nlabels ? rd->label_pos.line : rd->pos.line, "was not placed", label);
}

/* The free row of the form a label not found as written is most like: a
 * misprint or a word changed (2.其他法律行政止公开).  Placed with a note
 * when one row is clearly the likest; two nearly as alike are an error. */
static imp_slot *fuzzy_slot(place_ctx *c, const imp_read *rd, bool *ambiguous)
{
	const char *label = rd->labels[rd->nlabels - 1];
	imp_slot *best = NULL, *second = NULL;
	double b = 0, s2 = 0;
	*ambiguous = false;
	for (size_t i = 0; i < c->tab->nslots; i++) {
		imp_slot *sl = &c->tab->slots[i];
		if (sl->filled || sl->block->layout == GIR_LAYOUT_INLINE)
			continue;
		double v = imp_label_similarity(sl->row, label);
		if (v > b)
			second = best, s2 = b, best = sl, b = v;
		else if (v > s2)
			second = sl, s2 = v;
	}
	if (!best || b < IMP_FUZZY_MIN)
		return NULL;
	if (second && s2 >= b - IMP_FUZZY_MARGIN) {
		char *one = row_label(c->doc, best), *two = row_label(c->doc, second);
		gir_diag_at(c->doc->diags, c->doc->file, rd->label_pos, NULL, NULL,
		            _("write the label as the form has it, or place the row by hand"),
		            GIR_MSG(ERROR, import_row_ambiguous,
		                "%s: \"%s\" is as much like %s as like %s; left out"), c->tab->sec->heading,
		            label, one, two);
		free(one), free(two);
		*ambiguous = true;
		return NULL;
	}
	char *what = row_label(c->doc, best);
	gir_diag_at(c->doc->diags, c->doc->file, rd->label_pos, NULL, NULL, NULL,
	            GIR_MSG(NOTE, import_row_alike,
	                "%s: \"%s\" read as %s, the row it is most like (%.0f%% alike)"),
	            c->tab->sec->heading, label, what, 100 * b);
	free(what);
	return best;
}

/* Places one row read on the form: by its label, by a label like it, as
 * table 四's inline rows, or, without a label, on the next free row after
 * `cursor` with a warning; a line of text with a number is left out.
 * Returns the cursor for the next row (after the slot filled). */
static size_t place_row(place_ctx *c, imp_read *rd, size_t cursor)
{
	imp_slot *taken, *s = find_slot(c->tab, rd, cursor, &taken);
	if (s) {
		place_in_slot(c, s, rd);
		return (size_t)(s - c->tab->slots) + 1;
	}
	if (taken) {
		unplaced(c, rd, taken);
		return cursor;
	}
	if (rd->nlabels && !rd->line_label && !c->row->text_line) {
		bool ambiguous;
		s = fuzzy_slot(c, rd, &ambiguous);
		if (s) {
			place_in_slot(c, s, rd);
			return (size_t)(s - c->tab->slots) + 1;
		}
		if (ambiguous) {
			note(c->tab, rd->label_pos.line, "was not placed", rd->labels[rd->nlabels - 1]);
			return cursor;
		}
	}
	/* Table 四's headings and numbers may run together in one Word row. */
	if (!c->row->text_line && !rd->line_label && place_inline(c, rd))
		return cursor;
	if (rd->nlabels && !rd->line_label && !c->row->text_line) {
		unplaced(c, rd, NULL);
		return cursor;
	}
	if (rd->line_label || c->row->text_line) {
		/* A sentence with a number in it, not a row of the form. */
		gir_diag_at(c->doc->diags, c->doc->file, c->row->pos, NULL, NULL, NULL,
		            GIR_MSG(WARNING, import_text_with_number,
		                "%s: a line of text with a number, not a row of the form; left out"),
		            c->tab->sec->heading);
		note(c->tab, c->row->pos.line, "was left out", c->row->cells[0].text);
		return cursor;
	}
	s = next_free(c->tab, cursor);
	if (!s) {
		unplaced(c, rd, NULL);
		return cursor;
	}
	char *what = row_label(c->doc, s);
	gir_diag_at(c->doc->diags, c->doc->file, rd->pos, NULL, NULL, NULL,
	            GIR_MSG(WARNING, import_row_by_place,
	                "%s: a row of numbers without a label, read as %s by its place"),
	            c->tab->sec->heading, what);
	free(what);
	place_in_slot(c, s, rd);
	return (size_t)(s - c->tab->slots) + 1;
}

/* One empty slot for each row of the form in section s, in the form's
 * order, block by block. */
static void make_slots(imp_table *tab, const gir_section *s)
{
	tab->sec = s;
	for (size_t b = 0; b < s->nblocks; b++)
		tab->nslots += s->blocks[b]->nrows;
	tab->slots = gir_xcalloc(tab->nslots + 1, sizeof *tab->slots);
	for (size_t b = 0, k = 0; b < s->nblocks; b++)
		for (size_t r = 0; r < s->blocks[b]->nrows; r++, k++) {
			tab->slots[k].block = s->blocks[b];
			tab->slots[k].row = s->blocks[b]->row_leaves[r];
		}
}

/* A block's caption (第二十条第（一）项) on a line of its own, bold in
 * Markdown: a heading of the table, nothing to place. */
static bool is_caption(const gir_section *s, const char *text)
{
	size_t n = strlen(text);
	char *t = n >= 4 && strncmp(text, "**", 2) == 0 && strcmp(text + n - 2, "**") == 0
	              ? gir_xstrndup(text + 2, n - 4)
	              : gir_xstrdup(text);
	char *norm = imp_normalize(t);
	bool r = false;
	for (size_t b = 0; b < s->nblocks && !r; b++)
		r = s->blocks[b]->caption && gir_same_key(norm, s->blocks[b]->caption);
	free(norm);
	free(t);
	return r;
}

/* Whether text is the label (or an alias) of a row of the form. */
static bool names_a_slot(const imp_table *tab, const char *text)
{
	if (!*text)
		return false;
	char *n = imp_normalize(text); /* once, not once a row of the form */
	bool r = false;
	for (size_t i = 0; i < tab->nslots && !r; i++)
		r = gir_axis_matches(tab->slots[i].row, n) || gir_axis_matches(tab->slots[i].row, text);
	free(n);
	return r;
}

/* In a row of the form whose cells are not all numbers ("| 规章 | 1 | 2 |
 * 3件 |") the last text reads as its label, and no number is left after
 * it: the text cell after the numbers, when the row starts with a label of
 * the form; else NULL. */
static const imp_cell *text_among_numbers(const imp_table *tab, const imp_row *r)
{
	size_t first_number = r->n;
	for (size_t k = 0; k < r->n && first_number == r->n; k++) {
		char *v = imp_number(r->cells[k].text);
		first_number = v ? k : first_number;
		free(v);
	}
	const imp_cell *late = NULL;
	for (size_t k = first_number + 1; k < r->n && !late; k++)
		if (imp_could_be_label(r->cells[k].text))
			late = &r->cells[k];
	bool named = false;
	for (size_t k = 0; late && k < first_number && !named; k++)
		named = *r->cells[k].text && names_a_slot(tab, r->cells[k].text);
	return named ? late : NULL;
}

static void not_a_number(const imp_doc *doc, imp_table *tab, const imp_cell *c)
{
	gir_diag_at(doc->diags, doc->file, c->pos, NULL, NULL,
	            _("write the number alone; the row is left out of the source"),
	            GIR_MSG(ERROR, import_cell_not_number,
	                "%s: \"%s\" where the row has numbers"), tab->sec->heading, c->text);
	note(tab, c->pos.line, "was not placed, a cell is not a number", c->text);
}

/* Whether a heading line names the row: its label, or its label inside
 * the text (行政诉讼（复议后起诉）), which then ends no sentence: a sentence
 * that names it is the report's text (`2021年我局未有政府信息公开行政复议及
 * 行政诉讼有关况。` under 四, 经济发展局 2021). */
static bool heading_names(const imp_slot *s, const char *text)
{
	if (imp_label_matches(s->row, text))
		return true;
	if (imp_ends_with_stop(text, strlen(text)))
		return false;
	const char *label = s->row->bare_label ? s->row->bare_label : s->row->label;
	char *n = imp_normalize(text);
	bool r = label && strlen(label) >= 6 && strstr(n, label);
	free(n);
	return r;
}

/* A heading line naming a row of 四 (行政复议; 行政诉讼 未经复议直接起诉):
 * the numbers that follow are that row's.  Returns whether it named one. */
static bool note_pending(place_ctx *c, const imp_read *rd)
{
	for (size_t l = rd->nlabels; l-- > 0;) {
		imp_slot *best = NULL;
		for (size_t i = 0; i < c->tab->nslots; i++) {
			imp_slot *s = &c->tab->slots[i];
			if (s->block->layout == GIR_LAYOUT_INLINE && !s->filled && heading_names(s, rd->labels[l]) &&
			    (!best || strlen(s->row->label) > strlen(best->row->label)))
				best = s;
		}
		if (best) {
			c->pending = best;
			return true;
		}
	}
	return false;
}

/* Rows a and b as one, the last cell of a joined with the first of b: a
 * label wrapped inside its cell, which a copy gives as two lines
 * ("1.申请人无正当理由逾期不补正、行政机关⏎不再处理其政府信息公开申请⇥0⇥…"). */
static imp_row joined_rows(const imp_row *a, const imp_row *b)
{
	imp_row r = *a;
	r.cells = gir_xcalloc(a->n + b->n, sizeof *r.cells);
	r.n = r.cap = 0;
	for (size_t k = 0; k < a->n; k++)
		r.cells[r.n++] = (imp_cell){gir_xstrdup(a->cells[k].text), a->cells[k].pos, a->cells[k].col};
	gir_buf j = {0};
	gir_buf_puts(&j, r.cells[r.n - 1].text);
	imp_join(&j, b->cells[0].text);
	free(r.cells[r.n - 1].text);
	r.cells[r.n - 1].text = imp_detach(&j);
	for (size_t k = 1; k < b->n; k++)
		r.cells[r.n++] = (imp_cell){gir_xstrdup(b->cells[k].text), b->cells[k].pos, b->cells[k].col};
	r.text_line = false;
	return r;
}

static void row_free(imp_row *r)
{
	for (size_t k = 0; k < r->n; k++)
		free(r->cells[k].text);
	free(r->cells);
}

/* Whether a row of labels without numbers is the first half of a row whose
 * label wraps onto the next line: joined, its last label names a row of the
 * form and it has numbers, while the next line alone does not name one. */
static bool wraps_into(const imp_table *tab, const imp_row *a, const imp_row *b, imp_row *out)
{
	if (!a->n || !b->n || b->text_line || !*a->cells[a->n - 1].text ||
	    !imp_could_be_label(b->cells[0].text))
		return false;
	imp_read alone;
	read_row(b, &alone);
	bool named = alone.nvalues && alone.nlabels &&
	             names_a_slot(tab, alone.labels[alone.nlabels - 1]);
	read_free(&alone);
	if (named)
		return false;
	*out = joined_rows(a, b);
	imp_read rd;
	read_row(out, &rd);
	bool ok = rd.nvalues && rd.nlabels && names_a_slot(tab, rd.labels[rd.nlabels - 1]);
	read_free(&rd);
	if (!ok)
		row_free(out);
	return ok;
}

/* A line of text that is one value: a number, a number with a unit, or a
 * not-applicable mark. */
static bool value_line(const imp_row *r)
{
	if (!r->text_line || r->n != 1 || !*r->cells[0].text)
		return false;
	return !is_label(r->cells[0].text);
}

/* One cell per line, as text copied from a PDF or some editors gives a
 * table ("规章⏎0⏎0⏎0"): a line that is a label of the form (or no label at
 * all) and the lines of values after it, as one row.  Returns how many
 * lines it took (0: not such a row). */
static size_t cell_lines(const imp_table *tab, const imp_row *rows, size_t n, size_t i,
                         imp_row *out)
{
	const imp_row *r = &rows[i];
	bool next_value = i + 1 < n && value_line(&rows[i + 1]);
	bool labelled = next_value && r->text_line && r->n == 1 && is_label(r->cells[0].text) &&
	                names_a_slot(tab, r->cells[0].text);
	if (!labelled && !value_line(r))
		return 0;
	size_t j = labelled ? i + 1 : i;
	while (j < n && value_line(&rows[j]))
		j++;
	if (j - i < 2 || (labelled && j == i + 1))
		return 0;
	*out = *r;
	out->cells = gir_xcalloc(j - i, sizeof *out->cells);
	out->n = out->cap = 0;
	for (size_t k = i; k < j; k++)
		out->cells[out->n++] = (imp_cell){gir_xstrdup(rows[k].cells[0].text), rows[k].cells[0].pos, -1};
	out->text_line = false;
	return j - i;
}

/* Length of the space at t that parts the words of a line: ASCII spaces
 * or U+3000; 0 if none.  (import_score.c reads rows this way too.) */
size_t imp_word_gap(const char *t)
{
	size_t k = 0;
	for (;;) {
		if (t[k] == ' ')
			k++;
		else if (strncmp(t + k, "\u3000", 3) == 0)
			k += 3;
		else
			return k;
	}
}

/* A label of the form and its values on one line of text, parted by
 * spaces ("行政许可 97", "规章 0 0 0"), as text extracted from a PDF gives a
 * row whose cells were not kept apart: read as a row when every word after
 * the label is a value and the label names a row of the form, so that a
 * sentence is never read so; a line of two values or more and nothing else
 * is a row without its label.  Returns whether it was. */
static bool spaced_row(const imp_table *tab, const imp_row *r, imp_row *out)
{
	if (!r->text_line || r->n != 1)
		return false;
	const char *t = r->cells[0].text;
	size_t nw = 0, at[GIR_MAX_KEYS], len[GIR_MAX_KEYS]; /* each word's start and length */
	for (size_t i = 0; t[i];) {
		if (nw == GIR_MAX_KEYS)
			return false; /* a sentence, not a row */
		at[nw] = i;
		while (t[i] && !imp_word_gap(t + i))
			i++;
		len[nw] = i - at[nw];
		nw++;
		i += imp_word_gap(t + i);
	}
	size_t first = nw; /* the first of the values that end the line */
	for (; first > 0; first--) {
		char *word = gir_xstrndup(t + at[first - 1], len[first - 1]);
		bool value = !is_label(word) && *word;
		free(word);
		if (!value)
			break;
	}
	if (first == nw || (first == 0 && nw < 2))
		return false;
	char *label = first ? gir_xstrndup(t, at[first - 1] + len[first - 1]) : NULL;
	if (label && (!is_label(label) || !names_a_slot(tab, label))) {
		free(label);
		return false;
	}
	*out = *r;
	out->cells = gir_xcalloc(nw - first + 1, sizeof *out->cells);
	out->n = out->cap = 0;
	if (label)
		out->cells[out->n++] = (imp_cell){label, r->cells[0].pos, -1};
	for (size_t k = first; k < nw; k++) {
		gir_pos pos = r->cells[0].pos;
		pos.col += (int)gir_utf8_count(t, at[k]);
		out->cells[out->n++] = (imp_cell){gir_xstrndup(t + at[k], len[k]), pos, -1};
	}
	out->text_line = false;
	return true;
}

void imp_table_read(const imp_doc *doc, const gir_section *s, const imp_row *rows, size_t n,
                    imp_table *tab)
{
	memset(tab, 0, sizeof *tab);
	make_slots(tab, s);
	place_ctx c = {doc, tab, rows, n, NULL, NULL, NULL, NULL, {0, 0}};
	size_t cursor = 0;
	for (size_t i = 0; i < n; i++) {
		imp_read rd;
		read_row(&rows[i], &rd);
		imp_row joined;
		size_t took = 0;
		if ((!rd.nvalues && rd.nlabels && i + 1 < n && wraps_into(tab, &rows[i], &rows[i + 1], &joined) &&
		     (took = 2)) || (took = cell_lines(tab, rows, n, i, &joined)) > 0 ||
		    (spaced_row(tab, &rows[i], &joined) && (took = 1))) {
			read_free(&rd);
			read_row(&joined, &rd);
			c.row = &joined;
			cursor = place_row(&c, &rd, cursor);
			tab->found = true;
			read_free(&rd);
			row_free(&joined);
			i += took - 1;
			continue;
		}
		c.row = &rows[i];
		const imp_cell *late = NULL;
		bool heading = !rd.nvalues && rd.nlabels && note_pending(&c, &rd);
		if (rd.nvalues) {
			cursor = place_row(&c, &rd, cursor);
			tab->found = true;
		} else if (!rows[i].text_line && (late = text_among_numbers(tab, &rows[i])) != NULL) {
			not_a_number(doc, tab, late);
		} else if (rows[i].text_line && !heading && !is_caption(s, rows[i].cells[0].text)) {
			/* Prose in a table section ("无。"): nowhere to put it. */
			gir_diag_at(doc->diags, doc->file, rows[i].pos, NULL, NULL, NULL,
			            GIR_MSG(WARNING, import_text_for_table,
			                "%s: text where the form has a table; left out"), s->heading);
			note(tab, rows[i].pos.line, "was left out", rows[i].cells[0].text);
		}
		read_free(&rd);
	}
	finish_transposed(&c);
}

bool imp_table_split(const imp_table *tab)
{
	for (size_t i = 0; i < tab->nslots; i++)
		if (tab->slots[i].split)
			return true;
	return false;
}

/* The row rd with its values [st[m], st[m + 1]) as cell m: a value alone
 * as read, values joined as the number their text makes. */
static void joined_read(const imp_read *rd, const size_t *st, size_t n, imp_read *out)
{
	memset(out, 0, sizeof *out);
	out->pos = rd->pos;
	for (size_t m = 0; m < n; m++) {
		size_t i = st[m];
		if (st[m + 1] == i + 1) {
			add_value(out, gir_xstrdup(rd->values[i]), -1, rd->vpos[i]);
			out->how[m] = rd->how[i];
		} else {
			gir_buf b = {0};
			for (size_t k = i; k < st[m + 1]; k++)
				gir_buf_puts(&b, rd->raw[k]);
			char *text = imp_detach(&b), *v = imp_number(text);
			add_value(out, v ? v : text, -1, rd->vpos[i]);
			out->how[m] = v ? IMP_V_NUMBER : IMP_V_UNIT;
			if (v)
				free(text);
		}
		out->blanks += out->how[m] == IMP_V_BLANK;
		out->na += out->how[m] == IMP_V_NA;
		out->units += out->how[m] == IMP_V_UNIT;
	}
}

static void join_row(place_ctx *c, imp_slot *s, imp_read *rd, const size_t *starts, bool none);
static void join_inline(place_ctx *c, imp_slot *first, imp_read *rd, const size_t *starts, bool none);

void imp_table_join(const imp_doc *doc, imp_table *tab, const char *narrative)
{
	size_t n = 0;
	imp_join_row *jr = gir_xcalloc(tab->nslots + 1, sizeof *jr);
	for (size_t i = 0; i < tab->nslots; i++) {
		imp_slot *s = &tab->slots[i];
		imp_read *rd = s->split;
		if (!rd)
			continue;
		bool *j = gir_xcalloc(rd->nvalues + 1, sizeof *j);
		const char **v = gir_xcalloc(rd->nvalues + 1, sizeof *v);
		for (size_t k = 0; k < rd->nvalues; k++) {
			j[k] = joinable(rd, k);
			v[k] = j[k] ? rd->raw[k] : rd->values[k];
		}
		jr[n++] = (imp_join_row){s, s->split_block, v, j, rd->nvalues, rd->pos, NULL, false};
	}
	imp_join_rows(doc, tab, jr, n, narrative);
	place_ctx c = {doc, tab, NULL, 0, NULL, NULL, NULL, NULL, {0, 0}};
	for (size_t k = 0; k < n; k++) {
		imp_slot *s = (imp_slot *)jr[k].slot;
		imp_read *rd = s->split;
		s->split = NULL;
		if (jr[k].block_wide) {
			join_inline(&c, s, rd, jr[k].starts, jr[k].none);
			s->split_block = false;
		} else {
			join_row(&c, s, rd, jr[k].starts, jr[k].none);
		}
		read_free(rd);
		free(rd);
		free(jr[k].starts);
		free((void *)jr[k].vals);
		free((void *)jr[k].joinable);
	}
	free(jr);
}

/* A row kept for joining, placed: joined as decided, or as read with the
 * count's error when no join fits, or 待填 (refused, said why). */
static void join_row(place_ctx *c, imp_slot *s, imp_read *rd, const size_t *starts, bool none)
{
	char *what = row_label(c->doc, s);
	char *full = gir_join_labels(c->tab->sec->heading, what, (char *)NULL);
	if (starts) {
		imp_read nr;
		joined_read(rd, starts, s->block->ncols, &nr);
		fill_slot(c, s, &nr, full);
		read_free(&nr);
	} else if (none) { /* as for any other count that does not fit */
		wrong_count(c, s, rd, full);
		fill_slot(c, s, rd, full);
	} else { /* refused, said why: 待填 */
		s->filled = false;
		s->unjoined = true;
	}
	free(what);
	free(full);
}

/* The same for table 四's one line, kept on its first inline row: shared
 * out among the inline rows, or the flat list with its error, or every
 * inline row 待填. */
static void join_inline(place_ctx *c, imp_slot *first, imp_read *rd, const size_t *starts, bool none)
{
	const gir_block *b = first->block;
	size_t nrows = 0, sums = sum_columns(b);
	for (size_t i = 0; i < c->tab->nslots; i++)
		if (c->tab->slots[i].block == b) {
			c->tab->slots[i].filled = false;
			nrows++;
		}
	if (starts) {
		imp_read nr;
		joined_read(rd, starts, nrows * b->ncols, &nr);
		share_inline(c, &nr, b, nrows);
		read_free(&nr);
	} else if (none) {
		flat_error(c, rd, b, nrows * b->ncols, nrows * (b->ncols - sums));
	} else {
		for (size_t i = 0; i < c->tab->nslots; i++)
			if (c->tab->slots[i].block == b)
				c->tab->slots[i].unjoined = true;
	}
}

void imp_table_free(imp_table *tab)
{
	for (size_t i = 0; i < tab->nslots; i++) {
		if (tab->slots[i].split) {
			read_free(tab->slots[i].split);
			free(tab->slots[i].split);
		}
		for (size_t k = 0; k < tab->slots[i].n; k++)
			free(tab->slots[i].values[k]);
		free(tab->slots[i].values);
		free(tab->slots[i].vpos);
		free(tab->slots[i].note);
	}
	free(tab->slots);
	for (size_t i = 0; i < tab->nflat; i++)
		free(tab->flat[i]);
	free(tab->flat);
	free(tab->flat_note);
	for (size_t i = 0; i < tab->notes.len; i++)
		free(tab->notes.items[i]);
	gir_ptrvec_free(&tab->notes);
}
