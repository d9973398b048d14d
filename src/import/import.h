/* gireport import: an existing report (text copied from Word or a web page,
 * Markdown with pipe tables, gireport's own txt or md, a browser's text of a
 * portal page, rows of " | " or tab cells, a cell a line, a saved web page,
 * a .docx) read back into a source.  import_detect.c tells the formats apart
 * by their content; import_scan.c cuts a text into lines, table rows and
 * cells, and the readers (import_html.c, import_docx.c) give the same lines
 * through the bridge (import_bridge.c, below); import_table.c places rows
 * and cells on a template's tables (by label, alias or likeness; 四 in one
 * line, as three tables or transposed); import.c finds the title, sections,
 * narratives and signature and writes the YAML, with 待填 (GIR_UNREAD) where
 * the input had nothing to read: never a silent zero.  Nothing here knows a
 * label of the form: every label, heading, title and alias comes from the
 * templates. */
#ifndef GIR_IMPORT_H
#define GIR_IMPORT_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "template.h"
#include "util.h"

typedef enum imp_kind {
	IMP_BLANK,
	IMP_TEXT,
	IMP_TAB,    /* a Word table copied as text: a tab before each cell */
	IMP_PIPE,   /* a Markdown pipe row, or a content line of a +---+ grid table */
	IMP_BOX,    /* a content line of a box-drawn table (gireport's txt) */
	IMP_COLS,   /* a line of pandoc's plain-text table: cells by column position */
	IMP_RULE,   /* |---|, +---+, ├───┤ or ----: no cells */
	IMP_CELLS   /* a table row from a reader (HTML, DOCX, PDF): cells already split */
} imp_kind;

typedef struct imp_cell {
	char *text;         /* trimmed */
	gir_pos pos;
	int col;            /* column in its pipe table, or -1 */
} imp_cell;

typedef struct imp_line {
	int no;             /* 1-based line of the input */
	char *text;         /* trailing white space and Word bookmarks removed */
	imp_kind kind;
	int indent;         /* display cells of leading white space */
	int col;            /* 1-based column, in characters as libyaml counts, of
	                       the text after the leading white space */
	bool wide_indent;   /* the indentation starts with U+3000 (首行缩进) */
	bool hard_break;    /* ended with two spaces (a Markdown line break) */
	bool page_number;   /* "— 1 —" on a line of its own: read as blank */
	int table;          /* tables: index of the run of table lines it is in */
	size_t rule;        /* IMP_COLS: 1 + the index of the "---- ----" line giving the columns */
	bool multiline;     /* IMP_COLS: rows are separated by blank lines */
	imp_cell *cells;    /* IMP_CELLS: the row's cells, owned by the line */
	size_t ncells;
} imp_line;

typedef struct imp_row {
	imp_cell *cells;
	size_t n, cap;
	gir_pos pos;
	int table;          /* run of table lines it came from, or -1 for a text line */
	bool text_line;     /* a line of text between tables, not a table row */
} imp_row;

typedef struct imp_doc {
	const char *file;
	imp_line *lines;
	size_t nlines;
	char *store;        /* the text, the lines' text cut in it */
	bool markdown;      /* "# title", "## 一、…" */
	bool own_text;      /* gireport's txt: box tables, paragraphs indented */
	int year;           /* the report year, once known (labels with {year}) */
	const gir_template *tpl; /* the edition read against, once chosen */
	gir_diags *diags;
	/* Set by a reader (import_bridge.c): every text line is one paragraph,
	 * never a piece of a hard-wrapped one, and the lines' text is owned. */
	bool structured;
	size_t cap;
	size_t total_cells; /* in all rows so far (limits, import_bridge.c) */
	int cut_row;        /* the first row cut at IMP_MAX_ROW_CELLS, or 0 */
	/* What a reader found outside the text (a page's ArticleTitle,
	 * ContentSource and PubDate metas), used when the text does not say:
	 * malloc'd or NULL. */
	char *meta_title, *meta_agency, *meta_date;
	/* Rows whose cells ran together and could not be cut for certain
	 * ("requests.received", import_runs.c): already reported, and 待填
	 * in the source.  malloc'd strings. */
	gir_ptrvec refused_rows;
} imp_doc;

/* Makes room for element n of an array grown one element at a time: the
 * size doubles when n is 0 or a power of two, so a long array costs no
 * realloc (and no copy) per element. */
#define IMP_GROW(p, n) \
	((((n) & ((n) - 1)) == 0) ? (void)((p) = gir_xrealloc((p), ((n) ? 2 * (n) : 1) * sizeof *(p))) \
	                          : (void)0)

/* The buffer's text as a malloc'd string of its own size (never NULL): a
 * gir_buf holds at least 256 bytes, and the import keeps a string for
 * every line, cell and paragraph. */
static inline char *imp_detach(gir_buf *b)
{
	char *s = b->ptr ? gir_xrealloc(b->ptr, b->len + 1) : gir_xstrdup("");
	b->ptr = NULL;
	b->len = b->cap = 0;
	return s;
}

/* ---- import_scan.c ---- */

/* Checks the text (UTF-8, not binary, not empty) and cuts it into
 * classified lines.  Returns 0, or -1 with an error added. */
int imp_scan(imp_doc *doc, const char *text, size_t len);
/* Cuts a line that holds a whole report (two section headings or more),
 * as an archive's text copy gives it, where the report's lines were:
 * around section headings, and in tables before captions, row labels and
 * after runs of values.  The headings and labels are those of the nt
 * templates ts: the edition chosen and the other layouts of its national
 * form, which the cut lines tell apart afterwards. */
void imp_split_runs(imp_doc *doc, const gir_template *const *ts, size_t nt);
/* White space as import reads it: an ASCII space, a tab when `tabs`, U+3000
 * or U+00A0.  imp_space_at: the length of the one at s, 0 when there is
 * none; imp_space_before: of the one that ends s[0, n); imp_skip_white:
 * s past all of them. */
size_t imp_space_at(const char *s, bool tabs);
size_t imp_space_before(const char *s, size_t n, bool tabs);
const char *imp_skip_white(const char *s, bool tabs);
/* A copy of s[0..n) without that white space (tabs included) at either
 * end, nor line ends and form feeds when `breaks`. */
char *imp_trim(const char *s, size_t n, bool breaks);
/* Says that the lines before the title, from `first` to the line numbered
 * `last`, are left out (import_text_before_title): import.c's title search
 * and the HTML reader, which drops them where the article spells the
 * page's title, say it alike. */
void imp_text_before_title(const imp_doc *doc, const imp_line *first, int last);
/* Whether s[0, len) ends with one of the n marks. */
bool imp_ends_with_any(const char *s, size_t len, const char *const *marks, size_t n);
/* Whether s[0, n) ends a sentence: a stop (。！？；…), maybe inside closing
 * quotes or brackets ("…公开。）"); a bracket or quote alone ("（一）",
 * "“两化”") ends none. */
bool imp_ends_with_stop(const char *s, size_t n);
/* The length of the section heading (or alias) of one of the nt templates
 * ts that starts at p, and its section in *sec; 0 if none does. */
size_t imp_heading_at(const gir_template *const *ts, size_t nt, const char *p,
                      const gir_section **sec);

/* ---- import_runs.c: cells run together ------------------------------------
 *
 * "规范性文件7777166": a row's cells printed with nothing between them.
 * The ways to cut such a run into the row's cells, each a well-formed
 * number for its column, are counted (saturated at IMP_RUN_MAX_SPLITS + 1)
 * and, when no more, listed; the table's arithmetic then rules some out. */
#define IMP_RUN_MAX_SPLITS 2000
typedef struct imp_splits {
	size_t n;           /* cells of each cut */
	char *digits;       /* the run without its spaces, or a row's values one after another */
	size_t *at;         /* a row's values: where each starts in digits, and the end (else NULL) */
	bool *joinable;     /* a row's values: digits that may be joined with the next or last */
	size_t count;       /* cuts, saturated at IMP_RUN_MAX_SPLITS + 1 */
	size_t nsplits;     /* cuts listed: count when not above the limit, else 0 */
	size_t *cuts;       /* [nsplits][n + 1]: where each cell starts in digits, and the end */
	int64_t *vals;      /* [nsplits][n]: each cell's value, when whole */
	bool *whole;        /* [nsplits][n]: a whole number in the column's own unit */
	bool *alive;        /* [nsplits]: not ruled out */
	size_t nalive;
} imp_splits;
/* The cuts of run[0, len) into n cells, cell k a number for column
 * k % ncols of block b (an inline block's run holds all its rows).
 * Returns 0, or -1 (nothing listed) when the run is too long to try. */
int imp_split_run(const char *run, size_t len, const gir_block *b, size_t n, imp_splits *sp);
/* The ways to join a row's nv values (more than its n cells: a cell split
 * over two lines or tokens, "1⏎62") into n cells of block b, values joined
 * only when joinable, each group a well-formed number for its column; a
 * value alone is a cell as the copy gave it.  The cuts are places between
 * values (sp->at).  Returns 0, or -1 (nothing listed) when the row is too
 * long to try. */
int imp_join_values(const char *const *vals, const bool *joinable, size_t nv, const gir_block *b,
                    size_t n, imp_splits *sp);
/* For imp_join_values's cut s: the first value of cell m. */
size_t imp_split_value(const imp_splits *sp, size_t s, size_t m);
/* Cut s's cells joined by sep, malloc'd. */
char *imp_split_cells(const imp_splits *sp, size_t s, const char *sep);
void imp_splits_free(imp_splits *sp);
/* A line holding a whole report with table cells run together, rewritten
 * with each row the form's arithmetic lets be cut one way only as "label
 * cell cell …" (for imp_split_runs), and each other such row taken out
 * with an error (doc->refused_rows); NULL when no row ran together. */
char *imp_unglue_cells(imp_doc *doc, const gir_template *const *ts, size_t nt, const imp_line *l);
void imp_doc_free(imp_doc *doc);
/* The rows of table lines (and lines of text) in [from, to). */
size_t imp_rows(const imp_doc *doc, size_t from, size_t to, imp_row **rows);
void imp_rows_free(imp_row *rows, size_t n);
/* The cell as a number for a source ("1,000" → "1000", "０" → "0",
 * " 7 " → "7"), malloc'd; NULL when it is not one. */
char *imp_number(const char *cell);
/* An empty cell or a dash that stands for no value. */
bool imp_no_value(const char *cell);
/* A row's key path as `check` and the diagnostics' "path" name it,
 * "requests.withheld.internal" (the section's id and the row's ids). */
char *imp_row_path(const gir_section *sec, const gir_axis *row);
/* Text with ASCII brackets, commas and colons made full-width and spaces
 * removed, as the template's labels are written.  malloc'd. */
char *imp_normalize(const char *s);
/* Display width of a line. */
int imp_width(const char *s);
/* Joins two pieces of one paragraph: no space when either side is CJK. */
void imp_join(gir_buf *b, const char *piece);
/* Markdown escapes undone: "\*" → "*", "&amp;" → "&". malloc'd. */
char *imp_md_unescape(const char *s);

/* ---- import_bridge.c: lines from a reader --------------------------------
 *
 * A reader (HTML, DOCX, PDF) does not make a text for import_scan.c to cut
 * up again: it appends the document's lines to an imp_doc one at a time,
 * in reading order, and the rest of the import (title, headings,
 * narratives, import_table.c's placing of rows) runs on them as on lines
 * of a text.  Each line carries the place in the ORIGINAL input (line and
 * column of the element it came from), so that every diagnostic points
 * into the file the user has.
 *
 *   - a paragraph is one IMP_TEXT line (imp_doc_text): a paragraph, never a
 *     piece of one, so import.c does not re-join lines;
 *   - a table row is one IMP_CELLS line (imp_doc_row) with its cells split:
 *     a cell spanning rows (rowspan, vMerge) is repeated in each row it
 *     covers when it holds text (a group heading such as （三）不予公开
 *     stands before each of its rows, as in a text copy), and given once
 *     when it holds a number; a cell spanning columns (colspan, gridSpan) is
 *     one cell, so that a number is never counted twice;
 *   - imp_doc_table_end between two tables (the rows of one table have the
 *     same imp_line.table);
 *   - imp_doc_finish when done: checks the limits (50,000 lines, as for a
 *     text; 200,000 cells; 1,024 cells a row, the form's widest has 15:
 *     more are cut, an error) and sets what import_scan.c would have.
 *
 * Cell and paragraph text is UTF-8, trimmed, with the pieces of a cell
 * (<p>, <br>, w:p) joined as imp_join joins them.  The caller has set
 * doc->file and doc->diags; a reader may set doc->meta_title, meta_agency
 * and meta_date (a page's metas), which import.c uses only where the text
 * says nothing.  A place is what a user can find in the input: a page's
 * line and column; a .docx's paragraph or row number and cell number (its
 * lines are not quoted, see gir_import_quotable); a PDF reader would give
 * the page's number as the line and the line on the page as the column, or
 * say what it chose in docs/import.md.  A reader is called from
 * imp_read_input (import_detect.c), one case of its switch each. */
void imp_doc_start(imp_doc *doc);
void imp_doc_text(imp_doc *doc, gir_pos pos, const char *text);
/* Takes the cells (and their text). */
void imp_doc_row(imp_doc *doc, gir_pos pos, imp_cell *cells, size_t n);
void imp_doc_table_end(imp_doc *doc);
/* Past the limits of a report (50,000 lines, 200,000 cells in all): the
 * lines given are no longer kept, and a reader may stop. */
bool imp_doc_full(const imp_doc *doc);
/* Returns 0, or -1 with an error added (nothing to import, too many lines). */
int imp_doc_finish(imp_doc *doc);

/* ---- import_detect.c, import_html.c, import_docx.c ---- */

typedef enum imp_format {
	IMP_FMT_TEXT, IMP_FMT_HTML,
	IMP_FMT_DOCX,       /* a zip: imp_read_docx refuses one without word/document.xml */
	IMP_FMT_PDF,
	IMP_FMT_OLE2,       /* Word 97–2003 .doc, WPS .wps */
	IMP_FMT_MHT         /* a web archive (.mht, .mhtml): MIME parts */
} imp_format;

/* The input's format, by its first bytes (the file's name only breaks a
 * tie: a .html that starts with plain text is still read as HTML). */
imp_format imp_detect(const char *file, const char *text, size_t len);
/* Each reader fills doc (imp_doc_start … imp_doc_finish) from the bytes of
 * its format; returns 0, or -1 with an error added to doc->diags. */
int imp_read_html(imp_doc *doc, const char *data, size_t len);
int imp_read_docx(imp_doc *doc, const char *data, size_t len);
/* Reads the input as its format says: a text (imp_scan) or a reader;
 * formats no reader reads get an error naming the conversion. */
int imp_read_input(imp_doc *doc, const char *text, size_t len);

/* ---- import_table.c ---- */

/* One leaf row of a table as read. */
typedef struct imp_slot {
	const gir_block *block;
	const gir_axis *row;
	char **values;
	gir_pos *vpos;      /* each value's cell in the input, when known (else NULL) */
	size_t n;
	gir_pos pos;
	bool filled;
	bool missing;       /* not in the input: written 待填 (GIR_UNREAD) */
	bool run_together;  /* missing as its cells ran together (import_runs.c) */
	bool unjoined;      /* missing as its values were more than its cells and
	                       could not be joined for certain (imp_table_join) */
	struct imp_read *split; /* more values than cells, kept for imp_table_join */
	bool split_block;   /* split holds every row of its inline block (四 on one line) */
	char *note;         /* what was wrong, for a comment in the source */
} imp_slot;

typedef struct imp_table {
	const gir_section *sec;
	imp_slot *slots;
	size_t nslots;
	char **flat;        /* an inline table (四) with the wrong number of cells */
	size_t nflat;
	gir_pos flat_pos;
	char *flat_note;
	gir_ptrvec notes;   /* comments on what was left out */
	bool found;         /* any row placed */
} imp_table;

/* A row of a table with more values than cells (imp_table_join). */
typedef struct imp_join_row {
	const imp_slot *slot;   /* its row of the form */
	bool block_wide;               /* slot is the first row of an inline block (四 on one
	                                  line): the values are all its rows' cells */
	const char *const *vals;       /* its values, as the copy gave them */
	const bool *joinable;          /* digits, which may be joined with the next */
	size_t nv;
	gir_pos pos;                   /* of the first value */
	size_t *starts;                /* out: the first value of each cell, and nv, when
	                                  one way to join is left (malloc'd); else NULL */
	bool none;                     /* out: no way to join them at all, or too long to
	                                  try (nothing said) */
} imp_join_row;
/* Decides the rows jr of the table tab as imp_unglue_cells decides a run:
 * of the ways to join each row's values into its cells, those the form's
 * sums allow across the table (its other rows as read), then those that
 * agree with the figures the narrative states (the report's text outside
 * its tables, paragraphs between line breaks; may be NULL), with a warning
 * or note for a row joined and an error for a row refused. */
void imp_join_rows(const imp_doc *doc, const imp_table *tab, imp_join_row *jr, size_t n,
                   const char *narrative);

/* A cell that is neither empty, a dash nor a number. */
bool imp_could_be_label(const char *text);
/* Whether a word is a cell's value: a number, with a unit or not, or a
 * not-applicable mark. */
bool imp_is_value(const char *word);
/* Length of the space at t that parts the words of a line (ASCII spaces or
 * U+3000); 0 if none. */
size_t imp_word_gap(const char *t);
/* A one-cell row "label：123"'s label, malloc'd, or NULL. */
char *imp_line_label(const imp_row *r);

/* ---- import_score.c ---- */

/* The cells of rows that could be labels, each kept once. */
typedef struct imp_labels imp_labels;
imp_labels *imp_labels_new(void);
void imp_labels_add(imp_labels *L, const imp_row *rows, size_t n);
void imp_labels_free(imp_labels *L);
/* How many of a template's section headings (numbered as it numbers them)
 * and row and column labels occur among them. */
int imp_labels_score(const gir_template *t, const imp_labels *L);
/* The same for rows at hand. */
int imp_score(const gir_template *t, const imp_row *rows, size_t n);
/* The section headings and the labels of a template's tables (rows and
 * columns, groups included): with the score, how many the text lacks. */
int imp_labels_count(const gir_template *t);
/* How many rows of `other` occur among the labels that t has no row for
 * (by key path, section by section): rows a report prints which the
 * layout t would lose. */
int imp_labels_lacking(const gir_template *t, const gir_template *other, const imp_labels *L);
/* Whether the section's heading (or an alias), numbered as its template
 * numbers it, occurs among the labels. */
bool imp_heading_found(const gir_section *s, const imp_labels *L);
/* Whether a cell names the node (its label, bare label, alias or id,
 * ASCII punctuation read as full-width). */
bool imp_label_matches(const gir_axis *a, const char *cell);
/* How alike two labels are, 0 to 1 (shared pairs of characters, Dice),
 * numbering, white space and ASCII punctuation aside. */
double imp_similarity(const char *a, const char *b);
/* The best of that over the node's label and aliases. */
double imp_label_similarity(const gir_axis *a, const char *cell);
/* A fuzzy match is one at least this alike; two within FUZZY_MARGIN of the
 * best are ambiguous. */
#define IMP_FUZZY_MIN 0.6
#define IMP_FUZZY_MARGIN 0.1

/* Places the rows of a table section on its template section. */
void imp_table_read(const imp_doc *doc, const gir_section *s, const imp_row *rows, size_t n,
                    imp_table *tab);
/* Whether rows of the table have more values than cells, two of which
 * may be one cell split in the copy ("1⏎62"). */
bool imp_table_split(const imp_table *tab);
/* Those rows joined (imp_join_rows), or refused with an error (the slot
 * then unjoined, missing) or, when no two values may be joined into a
 * well-formed cell, kept as read with import_row_length's error, as any
 * other count that does not fit.  narrative: as imp_join_rows's. */
void imp_table_join(const imp_doc *doc, imp_table *tab, const char *narrative);
void imp_table_free(imp_table *tab);

#endif
