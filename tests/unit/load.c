/* Unit tests for src/load.c: the libyaml → gir_node tree loader, its
 * positions (1-based, columns in code points) and its refusals. */
#include "helpers.h"

static const gir_node *root_of(const yaml_doc *y)
{
	if (!y->doc)
		dump_diags(y->diags);
	assert_non_null(y->doc);
	assert_int_equal(gir_diags_count(y->diags), 0);
	return gir_doc_root(y->doc);
}

static void expect_pos(const gir_node *n, int line, int col)
{
	assert_non_null(n);
	if (n->pos.line != line || n->pos.col != col)
		fail_msg("node at %d:%d, expected %d:%d", n->pos.line, n->pos.col, line, col);
}

static void expect_scalar(const gir_node *n, const char *text, gir_scalar_style style)
{
	assert_non_null(n);
	assert_int_equal(n->kind, GIR_SCALAR);
	assert_string_equal(n->text, text);
	assert_int_equal(n->len, strlen(text));
	assert_int_equal(n->style, style);
}

/* Pass as `hint` to accept any hint (checked by the caller). */
static const char g_any_hint[] = "(any)";

/* Loads text that must fail with exactly one error. */
static const gir_diag *expect_refused(yaml_doc *y, int line, int col, const char *message,
                                      const char *hint)
{
	assert_null(y->doc);
	if (gir_diags_count(y->diags) != 1)
		dump_diags(y->diags);
	assert_int_equal(gir_diags_count(y->diags), 1);
	const gir_diag *g = gir_diags_at(y->diags, 0);
	assert_int_equal(g->severity, GIR_ERROR);
	assert_string_equal(g->file, "t.yaml");
	assert_string_equal(g->message, message);
	if (g->line != line || g->column != col)
		fail_msg("error at %d:%d, expected %d:%d", g->line, g->column, line, col);
	if (hint == g_any_hint) {
		assert_non_null(g->hint);
	} else if (hint) {
		assert_non_null(g->hint);
		assert_string_equal(g->hint, hint);
	} else {
		assert_null(g->hint);
	}
	assert_null(g->path);
	assert_null(g->label);
	return g;
}

/* ---- positions ------------------------------------------------------------- */

static void positions_of_keys_and_values(void **state)
{
	(void)state;
	yaml_doc y = yaml_load("year: 2020\nagency: 某局\n\nrequests:\n  received: [1, 22, 333]\n");
	const gir_node *r = root_of(&y);
	assert_int_equal(r->kind, GIR_MAP);
	assert_false(r->flow);
	assert_int_equal(r->n, 3);
	expect_pos(r, 1, 1);
	expect_pos(gir_map_key(r, 0), 1, 1);
	expect_scalar(gir_map_key(r, 0), "year", GIR_PLAIN);
	expect_pos(gir_map_value(r, 0), 1, 7);
	expect_scalar(gir_map_value(r, 0), "2020", GIR_PLAIN);
	expect_pos(gir_map_key(r, 1), 2, 1);
	expect_pos(gir_map_value(r, 1), 2, 9);
	expect_scalar(gir_map_value(r, 1), "某局", GIR_PLAIN);
	expect_pos(gir_map_key(r, 2), 4, 1);
	const gir_node *req = gir_map_value(r, 2);
	assert_int_equal(req->kind, GIR_MAP);
	expect_pos(req, 5, 3);
	expect_pos(gir_map_key(req, 0), 5, 3);
	const gir_node *row = gir_map_value(req, 0);
	assert_int_equal(row->kind, GIR_SEQ);
	assert_true(row->flow);
	assert_int_equal(row->n, 3);
	expect_pos(row, 5, 13);
	expect_pos(row->kids[0], 5, 14);
	expect_pos(row->kids[1], 5, 17);
	expect_pos(row->kids[2], 5, 21);
	expect_scalar(row->kids[2], "333", GIR_PLAIN);
	yaml_free(&y);
}

/* A column counts characters: each CJK character before a value is one. */
static void positions_count_cjk_as_one_column(void **state)
{
	(void)state;
	yaml_doc y = yaml_load("名称: 值\n行政许可: [3, 0, 5]\n  # 注释\n规章: {本年新制作数量: 1}\n");
	const gir_node *r = root_of(&y);
	expect_pos(gir_map_value(r, 0), 1, 5);
	const gir_node *lic = gir_map_value(r, 1);
	expect_pos(lic, 2, 7);
	expect_pos(lic->kids[0], 2, 8);
	expect_pos(lic->kids[1], 2, 11);
	expect_pos(lic->kids[2], 2, 14);
	const gir_node *reg = gir_map_value(r, 2);
	assert_int_equal(reg->kind, GIR_MAP);
	assert_true(reg->flow);
	expect_pos(reg, 4, 5);
	expect_pos(gir_map_key(reg, 0), 4, 6);
	expect_pos(gir_map_value(reg, 0), 4, 15);
	yaml_free(&y);
}

static void positions_after_bom_and_crlf(void **state)
{
	(void)state;
	/* libyaml does not count a byte-order mark as a column. */
	yaml_doc y = yaml_load("\xEF\xBB\xBFyear: 2020\r\nagency: x\r\n");
	const gir_node *r = root_of(&y);
	expect_pos(gir_map_key(r, 0), 1, 1);
	expect_pos(gir_map_value(r, 0), 1, 7);
	expect_pos(gir_map_key(r, 1), 2, 1);
	expect_scalar(gir_map_value(r, 1), "x", GIR_PLAIN);
	yaml_free(&y);
}

static void block_and_flow_collections(void **state)
{
	(void)state;
	yaml_doc y = yaml_load("a:\n  - x\n  - y\nb: [x, {k: v}]\nc: {}\nd: []\n");
	const gir_node *r = root_of(&y);
	const gir_node *a = map_get(r, "a");
	assert_int_equal(a->kind, GIR_SEQ);
	assert_false(a->flow);
	assert_int_equal(a->n, 2);
	expect_pos(a, 2, 3);
	expect_pos(a->kids[0], 2, 5);
	expect_pos(a->kids[1], 3, 5);
	const gir_node *b = map_get(r, "b");
	assert_int_equal(b->kind, GIR_SEQ);
	assert_true(b->flow);
	const gir_node *inner = b->kids[1];
	assert_int_equal(inner->kind, GIR_MAP);
	assert_true(inner->flow);
	assert_int_equal(inner->n, 1);
	expect_pos(inner, 4, 8);
	expect_scalar(gir_map_key(inner, 0), "k", GIR_PLAIN);
	expect_scalar(gir_map_value(inner, 0), "v", GIR_PLAIN);
	expect_pos(gir_map_value(inner, 0), 4, 12);
	assert_int_equal(map_get(r, "c")->kind, GIR_MAP);
	assert_int_equal(map_get(r, "c")->n, 0);
	assert_int_equal(map_get(r, "d")->kind, GIR_SEQ);
	assert_int_equal(map_get(r, "d")->n, 0);
	yaml_free(&y);
}

static void root_may_be_any_node(void **state)
{
	(void)state;
	yaml_doc y = yaml_load("[1, 2]\n");
	const gir_node *r = root_of(&y);
	assert_int_equal(r->kind, GIR_SEQ);
	assert_int_equal(r->n, 2);
	yaml_free(&y);
	y = yaml_load("just text\n");
	r = root_of(&y);
	expect_scalar(r, "just text", GIR_PLAIN);
	yaml_free(&y);
	/* Explicit document markers around a single document are fine. */
	y = yaml_load("---\na: 1\n...\n");
	r = root_of(&y);
	assert_int_equal(r->n, 1);
	expect_pos(gir_map_value(r, 0), 2, 4);
	yaml_free(&y);
}

static void scalar_styles(void **state)
{
	(void)state;
	yaml_doc y = yaml_load("p: plain text\n"
	                       "s: 'it''s'\n"
	                       "d: \"a\\tb\"\n"
	                       "l: |\n"
	                       "  第一行\n"
	                       "  第二行\n"
	                       "\n"
	                       "  第二段\n"
	                       "f: >\n"
	                       "  folded\n"
	                       "  line\n"
	                       "e:\n"
	                       "n: '12'\n");
	const gir_node *r = root_of(&y);
	expect_scalar(map_get(r, "p"), "plain text", GIR_PLAIN);
	expect_scalar(map_get(r, "s"), "it's", GIR_SINGLE_QUOTED);
	expect_scalar(map_get(r, "d"), "a\tb", GIR_DOUBLE_QUOTED);
	expect_scalar(map_get(r, "l"), "第一行\n第二行\n\n第二段\n", GIR_LITERAL);
	expect_pos(map_get(r, "l"), 4, 4);
	expect_scalar(map_get(r, "f"), "folded line\n", GIR_FOLDED);
	expect_scalar(map_get(r, "e"), "", GIR_PLAIN);
	expect_scalar(map_get(r, "n"), "12", GIR_SINGLE_QUOTED);
	assert_null(map_get(r, "p")->tag);
	yaml_free(&y);
}

static void tags_are_kept(void **state)
{
	(void)state;
	yaml_doc y = yaml_load("a: !!str 12\nb: !local x\n");
	const gir_node *r = root_of(&y);
	assert_string_equal(map_get(r, "a")->tag, "tag:yaml.org,2002:str");
	assert_string_equal(map_get(r, "a")->text, "12");
	assert_string_equal(map_get(r, "b")->tag, "!local");
	yaml_free(&y);
}

/* libyaml does not reject duplicate keys; the loader keeps both for the
 * validator to report. */
static void duplicate_keys_are_kept(void **state)
{
	(void)state;
	yaml_doc y = yaml_load("a: 1\na: 2\n");
	const gir_node *r = root_of(&y);
	assert_int_equal(r->n, 2);
	expect_scalar(gir_map_value(r, 0), "1", GIR_PLAIN);
	expect_scalar(gir_map_value(r, 1), "2", GIR_PLAIN);
	expect_pos(gir_map_key(r, 1), 2, 1);
	yaml_free(&y);
}

/* ---- refusals -------------------------------------------------------------- */

static void refuses_aliases_and_anchors(void **state)
{
	(void)state;
	yaml_doc y = yaml_load("a: 1\nb: *x\n");
	expect_refused(&y, 2, 4, "aliases (*name) are not allowed in a report source",
	               "write the values out in full");
	yaml_free(&y);
	y = yaml_load("a: &x 1\nb: *x\n");
	expect_refused(&y, 1, 4, "anchors (&name) are not allowed in a report source",
	               "remove the &anchor");
	yaml_free(&y);
	y = yaml_load("a:\n  b: &m {c: 1}\n");
	expect_refused(&y, 2, 6, "anchors (&name) are not allowed in a report source",
	               "remove the &anchor");
	yaml_free(&y);
	y = yaml_load("a: &s [1, 2]\n");
	expect_refused(&y, 1, 4, "anchors (&name) are not allowed in a report source",
	               "remove the &anchor");
	yaml_free(&y);
}

static void refuses_second_document(void **state)
{
	(void)state;
	yaml_doc y = yaml_load("a: 1\n---\nb: 2\n");
	expect_refused(&y, 2, 1, "a second YAML document (---) in the same file",
	               "put each report in a file of its own");
	yaml_free(&y);
}

static char *nested(int depth)
{
	char *s = malloc((size_t)depth * 2 + 3);
	int k = 0;
	for (int i = 0; i < depth; i++)
		s[k++] = '[';
	s[k++] = '1';
	for (int i = 0; i < depth; i++)
		s[k++] = ']';
	s[k++] = '\n';
	s[k] = '\0';
	return s;
}

static void refuses_deep_nesting(void **state)
{
	(void)state;
	/* 32 lists around a scalar: the scalar is at depth 32, the limit. */
	char *ok = nested(32);
	yaml_doc y = yaml_load(ok);
	const gir_node *n = root_of(&y);
	for (int i = 0; i < 32; i++) {
		assert_int_equal(n->kind, GIR_SEQ);
		n = n->kids[0];
	}
	expect_scalar(n, "1", GIR_PLAIN);
	expect_pos(n, 1, 33);
	yaml_free(&y);
	free(ok);

	char *deep = nested(33);
	y = yaml_load(deep);
	expect_refused(&y, 1, 34,
	               "nesting is too deep (more than 32 levels); a report source is a few levels deep",
	               NULL);
	yaml_free(&y);
	free(deep);
}

static void refuses_empty_document(void **state)
{
	(void)state;
	const char *msg = "the file is empty; a report source needs at least year: and agency:";
	/* An empty file has no line to point at: the message names the file only. */
	yaml_doc y = yaml_load("");
	const gir_diag *g = expect_refused(&y, 0, 0, msg, g_any_hint);
	assert_non_null(strstr(g->hint, "examples/"));
	yaml_free(&y);
	y = yaml_load("# 只有注释\n\n");
	g = expect_refused(&y, 0, 0, msg, g_any_hint);
	assert_non_null(strstr(g->hint, "examples/"));
	yaml_free(&y);
	y = yaml_load("  \n\t\n\r\n");
	g = expect_refused(&y, 0, 0, msg, g_any_hint);
	yaml_free(&y);
}

static void refuses_bad_encodings(void **state)
{
	(void)state;
	const char *gbk = "save the file as UTF-8; GBK/GB18030 files must be converted "
	                  "(iconv -f GB18030 -t UTF-8)";
	yaml_doc y = yaml_load("a: 1\nb: x\xFF\n");
	expect_refused(&y, 2, 5, "invalid UTF-8 byte 0xFF", gbk);
	yaml_free(&y);
	/* The column of the bad byte counts the CJK characters before it. */
	y = yaml_load("名称: 汉\xC0\x80\n");
	expect_refused(&y, 1, 6, "invalid UTF-8 byte 0xC0", gbk);
	yaml_free(&y);

	static const char utf16[] = "\xFF\xFE" "a\0:\0 \0" "1\0";
	gir_diags *d = gir_diags_new();
	assert_null(gir_yaml_load("t.yaml", utf16, sizeof utf16 - 1, d));
	assert_int_equal(gir_diags_count(d), 1);
	const gir_diag *g = gir_diags_at(d, 0);
	assert_string_equal(g->message, "the file is UTF-16; report sources are UTF-8");
	assert_string_equal(g->hint, "save the file as UTF-8 (in Notepad: 另存为 → 编码 UTF-8)");
	assert_int_equal(g->line, 1);
	assert_int_equal(g->column, 1);
	gir_diags_free(d);
}

/* ---- syntax errors ----------------------------------------------------------- */

static void syntax_error_tab(void **state)
{
	(void)state;
	yaml_doc y = yaml_load("year: 2020\nrequests:\n\treceived: [1]\n");
	expect_refused(&y, 3, 1,
	               "this line is indented with a tab, which YAML does not accept: indent with spaces",
	               "replace the tab with spaces, lined up with the lines above");
	yaml_free(&y);
}

#define MOVED "YAML reads from the indentation which rows belong together"

/* A key moved left is reported on its own line, not at the next key that
 * libyaml could not place. */
static void syntax_error_dedented_key(void **state)
{
	(void)state;
	yaml_doc y = yaml_load("requests:\n  withheld:\n  state_secret: [1]\n    prohibited: [2]\n"
	                       "    security: [3]\n");
	expect_refused(&y, 3, 3, "this line is indented by 2 spaces where the lines around it have 4: " MOVED,
	               "indent it by 4 spaces, like line 4");
	yaml_free(&y);
	/* A row in the middle of its group, moved left: the same line. */
	y = yaml_load("withheld:\n    a: [1]\n  b: [2]\n    c: [3]\n");
	expect_refused(&y, 3, 3, "this line is indented by 2 spaces where the lines around it have 4: " MOVED,
	               "indent it by 4 spaces, like line 2");
	yaml_free(&y);
	/* A row indented by a level no line before it has: that row. */
	y = yaml_load("withheld:\n    a: [1]\n   b: [2]\nnext: 1\n");
	expect_refused(&y, 3, 4, "this line is indented by 3 spaces where the lines around it have 4: " MOVED,
	               "indent it by 4 spaces, like line 2");
	yaml_free(&y);
	/* Two rows moved right together, fewer than the rows after them: the
	 * first of them, and how many. */
	y = yaml_load("withheld:\n      a: [1]\n      b: [2]\n    c: [3]\n    d: [4]\n    e: [5]\n");
	expect_refused(&y, 2, 7,
	               "this line and the one after it are indented by 6 spaces where the lines "
	               "around them have 4: " MOVED,
	               "indent them by 4 spaces, like line 4");
	yaml_free(&y);
	/* Rows indented deeper than the rows before them, under no key: as
	 * many as those, so the ones at an indentation no line before allows. */
	y = yaml_load("requests:\n  received: [1]\n  granted: [2]\n      other: [3]\n      more: [4]\n");
	expect_refused(&y, 4, 7,
	               "this line and the one after it are indented by 6 spaces where the lines "
	               "around them have 2: " MOVED,
	               "indent them by 2 spaces, like line 3");
	yaml_free(&y);
}

/* Two commas with nothing between them: the hint shows the list with a 0. */
static void syntax_error_empty_flow_value(void **state)
{
	(void)state;
	yaml_doc y = yaml_load("a: [1, , 11]\n");
	expect_refused(&y, 1, 8, "a value is missing before this comma",
	               "write the number there, 0 if there were none: [1, 0, 11]");
	yaml_free(&y);
	y = yaml_load("a: [ ,2,3]\n");
	expect_refused(&y, 1, 6, "a value is missing before this comma",
	               "write the number there, 0 if there were none: [0, 2, 3]");
	yaml_free(&y);
}

#define FW_COLON_HINT \
	"after a key type an ASCII colon and a space (\"规章: [0, 0, 0]\"), not the full-width ："

/* The error points at the full-width colon, on whichever line libyaml
 * blames (it often notices a line late). */
static void syntax_error_full_width_colon_on_the_line(void **state)
{
	(void)state;
	yaml_doc y = yaml_load("agency: x\nyear： 2020\n");
	expect_refused(&y, 2, 5,
	               "YAML syntax: could not find expected ':' while scanning a simple key (line 2)",
	               FW_COLON_HINT);
	yaml_free(&y);
}

static void syntax_error_full_width_colon_first_line(void **state)
{
	(void)state;
	/* libyaml folds "year： 2020" into a two-line key and fails on line 2. */
	yaml_doc y = yaml_load("year： 2020\nagency: x\n");
	expect_refused(&y, 1, 5, "YAML syntax: mapping values are not allowed in this context",
	               FW_COLON_HINT);
	yaml_free(&y);
}

static void syntax_error_full_width_comma_and_space(void **state)
{
	(void)state;
	yaml_doc y = yaml_load("a: [1， 2\n");
	expect_refused(&y, 1, 6,
	               "YAML syntax: did not find expected ',' or ']' while parsing a flow sequence "
	               "(line 1)",
	               "separate values in [ ] with ASCII commas, not the full-width ，");
	yaml_free(&y);

	/* Two U+3000 before "- 2". */
	y = yaml_load("a:\n  - 1\n\xE3\x80\x80\xE3\x80\x80- 2\n");
	expect_refused(&y, 3, 1,
	               "YAML syntax: could not find expected ':' while scanning a simple key (line 3)",
	               "a full-width space (U+3000) cannot indent YAML; use ASCII spaces");
	yaml_free(&y);
}

static void syntax_error_unclosed_list(void **state)
{
	(void)state;
	/* Pointed at the end of the line where the list should have closed. */
	yaml_doc y = yaml_load("a: [1, 2\nb: 3\n");
	expect_refused(&y, 1, 9,
	               "YAML syntax: did not find expected ',' or ']' while parsing a flow sequence "
	               "(line 1)",
	               "close the list with ] at the end of the line");
	yaml_free(&y);
}

/* An unclosed quote is reported where it opened, not at the end of the file. */
static void syntax_error_unclosed_quote(void **state)
{
	(void)state;
	yaml_doc y = yaml_load("a: 'x\n");
	expect_refused(&y, 1, 4,
	               "YAML syntax: found unexpected end of stream while scanning a quoted scalar "
	               "(line 1)",
	               "close the text with the same quote mark it starts with");
	yaml_free(&y);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(positions_of_keys_and_values),
		cmocka_unit_test(positions_count_cjk_as_one_column),
		cmocka_unit_test(positions_after_bom_and_crlf),
		cmocka_unit_test(block_and_flow_collections),
		cmocka_unit_test(root_may_be_any_node),
		cmocka_unit_test(scalar_styles),
		cmocka_unit_test(tags_are_kept),
		cmocka_unit_test(duplicate_keys_are_kept),
		cmocka_unit_test(refuses_aliases_and_anchors),
		cmocka_unit_test(refuses_second_document),
		cmocka_unit_test(refuses_deep_nesting),
		cmocka_unit_test(refuses_empty_document),
		cmocka_unit_test(refuses_bad_encodings),
		cmocka_unit_test(syntax_error_tab),
		cmocka_unit_test(syntax_error_dedented_key),
		cmocka_unit_test(syntax_error_empty_flow_value),
		cmocka_unit_test(syntax_error_full_width_colon_on_the_line),
		cmocka_unit_test(syntax_error_full_width_colon_first_line),
		cmocka_unit_test(syntax_error_full_width_comma_and_space),
		cmocka_unit_test(syntax_error_unclosed_list),
		cmocka_unit_test(syntax_error_unclosed_quote),
	};
	return cmocka_run_group_tests_name("load", tests, NULL, NULL);
}
