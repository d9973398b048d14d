/* Unit tests for src/template.c: a small inline JSON template, extends and
 * append, errors, numbering, label matching and path lookup. */
#include "helpers.h"

#include <unistd.h>

/* Columns: 申请人 (transparent) {a, 乙组 g {b, c (amount)}}, sum (all).
 * Rows: r1, 二、结果 (transparent) {x, y {y1, y2}, tot (siblings)}, r4. */
static const char small_json[] =
    "{\n"
    "  \"id\": \"t-small\",\n"
    "  \"name\": \"小模板\",\n"
    "  \"years\": [2030],\n"
    "  \"title\": \"{agency}{year}年报告\",\n"
    "  \"fields\": {\"year\": \"年度\", \"agency\": \"机关\"},\n"
    "  \"sections\": [\n"
    "    {\"id\": \"intro\", \"heading\": \"一、概述\", \"kind\": \"narrative\"},\n"
    "    {\"id\": \"tab\", \"heading\": \"二、表格\", \"kind\": \"table\", \"blocks\": [\n"
    "      {\"caption\": \"甲项\", \"corner\": \"角\",\n"
    "       \"columns\": [\n"
    "         {\"label\": \"申请人\", \"children\": [\n"
    "           {\"id\": \"a\", \"label\": \"甲列\"},\n"
    "           {\"id\": \"g\", \"label\": \"乙组\", \"children\": [\n"
    "             {\"id\": \"b\", \"label\": \"乙一\"},\n"
    "             {\"id\": \"c\", \"label\": \"乙二\", \"type\": \"amount\", \"unit\": \"万元\"}]}]},\n"
    "         {\"id\": \"sum\", \"label\": \"合计\", \"sum\": \"all\"}],\n"
    "       \"rows\": [\n"
    "         {\"id\": \"r1\", \"label\": \"一、第一行\", \"aliases\": [\"首行\"]},\n"
    "         {\"label\": \"二、结果\", \"children\": [\n"
    "           {\"id\": \"x\", \"label\": \"（一）甲\"},\n"
    "           {\"id\": \"y\", \"label\": \"（二）乙\", \"children\": [\n"
    "             {\"id\": \"y1\", \"label\": \"1.乙一\"},\n"
    "             {\"id\": \"y2\", \"label\": \"2.乙二\"}]},\n"
    "           {\"id\": \"tot\", \"label\": \"（三）总计\", \"sum\": \"siblings\"}]},\n"
    "         {\"id\": \"r4\", \"label\": \"三、末行\", \"type\": \"delta\"}]}]}\n"
    "  ],\n"
    "  \"checks\": [\n"
    "    {\"section\": \"tab\", \"each\": \"column\", \"left\": [\"r1\"], \"op\": \"=\",\n"
    "     \"right\": [\"tot\", \"r4\"], \"severity\": \"error\", \"message\": \"{left} vs {right}\"},\n"
    "    {\"section\": \"tab\", \"each\": \"row\", \"rows\": [\"r1\", \"y.y1\"], \"left\": [\"a\"],\n"
    "     \"op\": \"<=\", \"right\": [\"g\"], \"severity\": \"warning\", \"message\": \"m\"}\n"
    "  ]\n"
    "}\n";

static gir_template *parse(const char *json, const gir_registry *base, gir_diags *d)
{
	return gir_template_parse("small.json", json, strlen(json), base, d);
}

static gir_template *parse_ok(const char *json)
{
	gir_diags *d = gir_diags_new();
	gir_template *t = parse(json, NULL, d);
	if (!t || gir_diags_count(d))
		dump_diags(d);
	assert_non_null(t);
	assert_int_equal(gir_diags_count(d), 0);
	gir_diags_free(d);
	return t;
}

/* ---- parsing ------------------------------------------------------------------ */

static void template_meta(void **state)
{
	(void)state;
	gir_template *t = parse_ok(small_json);
	assert_string_equal(gir_template_id(t), "t-small");
	assert_string_equal(gir_template_name(t), "小模板");
	assert_int_equal(gir_template_first_year(t), 2030);
	assert_int_equal(gir_template_last_year(t), 0);
	assert_string_equal(t->title, "{agency}{year}年报告");
	assert_string_equal(t->field_labels[GIR_F_YEAR], "年度");
	assert_string_equal(t->field_labels[GIR_F_AGENCY], "机关");
	/* Fields without a label are known by their id. */
	assert_string_equal(t->field_labels[GIR_F_DATE], "date");
	assert_false(t->is_extension);
	assert_non_null(t->json);
	assert_int_equal(t->nsections, 2);
	const gir_section *intro = gir_template_section(t, "intro");
	assert_non_null(intro);
	assert_int_equal(intro->kind, GIR_NARRATIVE);
	assert_int_equal(intro->index, 0);
	assert_string_equal(intro->bare_heading, "概述");
	assert_int_equal(intro->nblocks, 0);
	assert_null(gir_template_section(t, "nope"));
	gir_template_free(t);
	gir_template_free(NULL);
}

static void template_axes(void **state)
{
	(void)state;
	gir_template *t = parse_ok(small_json);
	const gir_section *s = gir_template_section(t, "tab");
	assert_int_equal(s->kind, GIR_TABLE);
	assert_int_equal(s->index, 1);
	assert_string_equal(s->heading, "二、表格");
	assert_string_equal(s->bare_heading, "表格");
	assert_int_equal(s->nblocks, 1);
	const gir_block *b = s->blocks[0];
	assert_string_equal(b->caption, "甲项");
	assert_string_equal(b->corner, "角");
	assert_int_equal(b->layout, GIR_LAYOUT_ROWS);
	assert_int_equal(b->cell_base, 0);
	/* Leaves in order: a b c sum; r1 x y1 y2 tot r4. */
	assert_int_equal(b->ncols, 4);
	assert_int_equal(b->nrows, 6);
	assert_int_equal(s->ncells, 24);
	static const char *const cols[] = {"a", "b", "c", "sum"};
	static const char *const rows[] = {"r1", "x", "y1", "y2", "tot", "r4"};
	for (size_t i = 0; i < 4; i++) {
		assert_string_equal(b->col_leaves[i]->id, cols[i]);
		assert_int_equal(b->col_leaves[i]->leaf, (int)i);
	}
	for (size_t i = 0; i < 6; i++) {
		assert_string_equal(b->row_leaves[i]->id, rows[i]);
		assert_int_equal(b->row_leaves[i]->leaf, (int)i);
	}
	/* Types are inherited from the block, overridden per node. */
	assert_int_equal(b->col_leaves[0]->type, GIR_COUNT);
	assert_int_equal(b->col_leaves[2]->type, GIR_AMOUNT);
	assert_string_equal(b->col_leaves[2]->unit, "万元");
	assert_null(b->col_leaves[0]->unit);
	assert_int_equal(b->row_leaves[5]->type, GIR_DELTA);
	/* Sums. */
	assert_int_equal(b->col_leaves[3]->sum, GIR_SUM_ALL);
	assert_true(gir_axis_is_sum(b->col_leaves[3]));
	assert_int_equal(b->row_leaves[4]->sum, GIR_SUM_SIBLINGS);
	assert_true(gir_axis_is_sum(b->row_leaves[4]));
	assert_false(gir_axis_is_sum(b->row_leaves[0]));
	/* Groups: spans and depths. */
	const gir_axis *results = b->rows.children[1];
	assert_null(results->id);
	assert_int_equal(results->leaf, -1);
	assert_int_equal(results->first_leaf, 1);
	assert_int_equal(results->nleaves, 4);
	assert_int_equal(results->depth, 0);
	const gir_axis *y = results->children[1];
	assert_string_equal(y->id, "y");
	assert_int_equal(y->leaf, -1);
	assert_int_equal(y->first_leaf, 2);
	assert_int_equal(y->nleaves, 2);
	assert_int_equal(y->depth, 1);
	assert_int_equal(y->children[1]->depth, 2);
	assert_ptr_equal(y->children[1]->parent, y);
	assert_int_equal(b->rows.nleaves, 6);
	assert_int_equal(b->cols.nleaves, 4);
	assert_int_equal(b->cols.children[0]->nleaves, 3);
	/* Bare labels drop the number. */
	assert_string_equal(b->row_leaves[0]->bare_label, "第一行");
	assert_string_equal(b->row_leaves[2]->bare_label, "乙一");
	gir_template_free(t);
}

static void keyed_children_and_paths(void **state)
{
	(void)state;
	gir_template *t = parse_ok(small_json);
	const gir_block *b = gir_template_section(t, "tab")->blocks[0];
	const gir_axis *kids[8];
	/* Transparent groups are looked through. */
	size_t n = gir_axis_keyed_children(&b->rows, kids, 8);
	assert_int_equal(n, 5);
	static const char *const want[] = {"r1", "x", "y", "tot", "r4"};
	for (size_t i = 0; i < n; i++)
		assert_string_equal(kids[i]->id, want[i]);
	n = gir_axis_keyed_children(&b->cols, kids, 8);
	assert_int_equal(n, 3);
	assert_string_equal(kids[0]->id, "a");
	assert_string_equal(kids[1]->id, "g");
	assert_string_equal(kids[2]->id, "sum");
	/* cap limits what is written, not what is counted. */
	kids[1] = NULL;
	assert_int_equal(gir_axis_keyed_children(&b->rows, kids, 1), 5);
	assert_string_equal(kids[0]->id, "r1");
	assert_null(kids[1]);

	const gir_axis *y2 = gir_axis_find_path(&b->rows, "y.y2");
	assert_non_null(y2);
	assert_ptr_equal(y2, b->row_leaves[3]);
	assert_ptr_equal(gir_axis_find_path(&b->rows, "tot"), b->row_leaves[4]);
	assert_ptr_equal(gir_axis_find_path(&b->cols, "g.c"), b->col_leaves[2]);
	assert_string_equal(gir_axis_find_path(&b->rows, "y")->id, "y");
	assert_null(gir_axis_find_path(&b->rows, "y1"));      /* not at the top */
	assert_null(gir_axis_find_path(&b->rows, "x.zz"));
	assert_null(gir_axis_find_path(&b->rows, "nope"));
	assert_null(gir_axis_find_path(&b->rows, "y.y2.z"));
	assert_null(gir_axis_find_path(&b->rows, "r"));       /* no prefix match */
	assert_ptr_equal(gir_axis_find_path(&b->rows, ""), &b->rows);

	char *p = gir_axis_path(y2);
	assert_string_equal(p, "y.y2");
	free(p);
	p = gir_axis_path(b->col_leaves[1]);
	assert_string_equal(p, "g.b");
	free(p);
	p = gir_axis_path(b->row_leaves[4]);
	assert_string_equal(p, "tot");
	free(p);
	p = gir_axis_path(&b->rows);
	assert_string_equal(p, "");
	free(p);

	p = gir_axis_label_chain(y2, 2030);
	assert_string_equal(p, "二、结果 · （二）乙 · 2.乙二");
	free(p);
	p = gir_axis_label_chain(b->col_leaves[1], 2030);
	assert_string_equal(p, "申请人 · 乙组 · 乙一");
	free(p);
	p = gir_axis_label_chain(b->row_leaves[0], 2030);
	assert_string_equal(p, "一、第一行");
	free(p);
	gir_template_free(t);
}

static void checks_resolved(void **state)
{
	(void)state;
	gir_template *t = parse_ok(small_json);
	const gir_section *s = gir_template_section(t, "tab");
	const gir_block *b = s->blocks[0];
	assert_int_equal(t->nchecks, 2);
	const gir_check *k = t->checks[0];
	assert_ptr_equal(k->section, s);
	assert_ptr_equal(k->block, b);
	assert_int_equal(k->each, GIR_EACH_COLUMN);
	assert_int_equal(k->op, GIR_OP_EQ);
	assert_int_equal(k->severity, GIR_ERROR);
	assert_false(k->previous);
	assert_int_equal(k->nleft, 1);
	assert_ptr_equal(k->left[0], b->row_leaves[0]);
	assert_int_equal(k->nright, 2);
	assert_ptr_equal(k->right[0], b->row_leaves[4]);
	assert_ptr_equal(k->right[1], b->row_leaves[5]);
	assert_int_equal(k->nonly, 0);
	assert_string_equal(k->message, "{left} vs {right}");
	k = t->checks[1];
	assert_int_equal(k->each, GIR_EACH_ROW);
	assert_int_equal(k->op, GIR_OP_LE);
	assert_int_equal(k->severity, GIR_WARNING);
	assert_ptr_equal(k->left[0], b->col_leaves[0]);
	assert_string_equal(k->right[0]->id, "g");
	assert_int_equal(k->nonly, 2);
	assert_ptr_equal(k->only[0], b->row_leaves[0]);
	assert_ptr_equal(k->only[1], b->row_leaves[2]);
	gir_template_free(t);
}

/* ---- label matching ---------------------------------------------------------------- */

static void axis_matches(void **state)
{
	(void)state;
	gir_template *t = parse_ok(small_json);
	const gir_block *b = gir_template_section(t, "tab")->blocks[0];
	const gir_axis *r1 = b->row_leaves[0], *y1 = b->row_leaves[2];
	assert_true(gir_axis_matches(r1, "r1"));              /* id */
	assert_true(gir_axis_matches(r1, "一、第一行"));       /* label */
	assert_true(gir_axis_matches(r1, "第一行"));           /* bare label */
	assert_true(gir_axis_matches(r1, "首行"));             /* alias */
	assert_true(gir_axis_matches(r1, "第 一 行"));         /* spaces ignored */
	assert_true(gir_axis_matches(r1, "第一行\xE3\x80\x80"));
	assert_true(gir_axis_matches(r1, "（一）第一行"));     /* another numbering */
	assert_true(gir_axis_matches(r1, "1. 第一行"));
	assert_false(gir_axis_matches(r1, "R1"));              /* ids are exact */
	assert_false(gir_axis_matches(r1, "第二行"));
	assert_false(gir_axis_matches(r1, "第一"));
	assert_false(gir_axis_matches(r1, ""));
	assert_true(gir_axis_matches(y1, "1.乙一"));
	assert_true(gir_axis_matches(y1, "乙一"));
	assert_false(gir_axis_matches(y1, "y2"));
	/* A group without an id matches by label. */
	assert_true(gir_axis_matches(b->rows.children[1], "结果"));
	gir_template_free(t);
}

static void skip_numbering(void **state)
{
	(void)state;
	static const struct {
		const char *in, *out;
	} cases[] = {
		{"（一）予以公开", "予以公开"},
		{"一、总体情况", "总体情况"},
		{"十二、标题", "标题"},
		{"1.属于国家秘密", "属于国家秘密"},
		{"1. 属于国家秘密", "属于国家秘密"},
		{"1、标题", "标题"},
		{"12、标题", "标题"},
		{"(1)标题", "标题"},
		{"(1) 标题", "标题"},
		{"（1）标题", "标题"},
		{"(一)标题", "标题"},
		{"１．标题", "标题"},
		{"１、标题", "标题"},
		{"  \xE3\x80\x80（二）x", "x"},
		{"一、", ""},
		/* Not numbers. */
		{"一是加强", "一是加强"},
		{"1.5倍", "1.5倍"},
		{"2020年", "2020年"},
		{"标题", "标题"},
		{"（a）标题", "（a）标题"},
		{"（一标题", "（一标题"},
		{"1一、标题", "1一、标题"},
		{"百分之百", "百分之百"},
		{"", ""},
		/* Leading spaces go in any case. */
		{"  标题", "标题"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const char *got = gir_skip_numbering(cases[i].in);
		if (strcmp(got, cases[i].out) != 0)
			fail_msg("gir_skip_numbering(\"%s\") = \"%s\", expected \"%s\"", cases[i].in, got,
			         cases[i].out);
	}
}

/* ---- errors --------------------------------------------------------------------- */

/* Parsing fails with an error `message` (at line:col unless line is 0;
 * col -1: any column). */
static void expect_template_error_at(const char *json, const char *message, int line, int col)
{
	gir_diags *d = gir_diags_new();
	gir_template *t = parse(json, NULL, d);
	gir_template_free(t);
	const gir_diag *g = find_diag(d, message);
	if (t || !g) {
		dump_diags(d);
		fail_msg("expected \"%s\"", message);
	}
	assert_string_equal(g->message, message);
	assert_int_equal(g->severity, GIR_ERROR);
	assert_string_equal(g->file, "small.json");
	if (line) {
		assert_int_equal(g->line, line);
		if (col >= 0)
			assert_int_equal(g->column, col);
	}
	gir_diags_free(d);
}

static void expect_template_error(const char *json, const char *message)
{
	expect_template_error_at(json, message, 0, 0);
}

/* small_json with one substring replaced. */
static char *variant(const char *from, const char *to)
{
	const char *at = strstr(small_json, from);
	assert_non_null(at);
	size_t n = strlen(small_json) - strlen(from) + strlen(to) + 1;
	char *s = malloc(n);
	snprintf(s, n, "%.*s%s%s", (int)(at - small_json), small_json, to, at + strlen(from));
	return s;
}

static void bad_json(void **state)
{
	(void)state;
	/* cJSON points one past the bad character when a key lacks its quote
	 * (3:4 here); only the line is checked. */
	expect_template_error_at("{\n  \"id\": \"x\",\n  oops\n}\n", "template: invalid JSON", 3, -1);
	expect_template_error_at("{\"a\": tru}", "template: invalid JSON", 1, 7);
	/* Columns count characters. */
	expect_template_error_at("{\n  \"名称\": \"值\" \"x\"\n}", "template: invalid JSON", 2, 13);
	/* Valid JSON that is not an object. */
	expect_template_error_at("[1, 2]", "template: invalid JSON", 1, 1);
	expect_template_error_at("", "template: invalid JSON", 1, 1);
	expect_template_error("{}", "template: \"id\" must be a string");
	expect_template_error("{\"id\": 3, \"title\": \"t\", \"sections\": []}",
	                      "template: \"id\" must be a string");
}

/* "years": [first, null] is documented as an open range. */
static void years_open_with_null(void **state)
{
	(void)state;
	char *s = variant("\"years\": [2030]", "\"years\": [2030, null]");
	gir_template *t = parse_ok(s);
	assert_int_equal(gir_template_first_year(t), 2030);
	assert_int_equal(gir_template_last_year(t), 0);
	gir_template_free(t);
	free(s);
}

static void bad_references(void **state)
{
	(void)state;
	char *s = variant("\"right\": [\"tot\", \"r4\"]", "\"right\": [\"tot\", \"r5\"]");
	expect_template_error(s, "template: check refers to an unknown row or column \"r5\"");
	free(s);
	s = variant("\"left\": [\"r1\"]", "\"left\": [\"zz\"]");
	expect_template_error(s, "template: check operands not found in section \"tab\"");
	free(s);
	s = variant("{\"section\": \"tab\", \"each\": \"column\"", "{\"section\": \"tabs\", \"each\": \"column\"");
	expect_template_error(s, "template: check on unknown section \"tabs\"");
	free(s);
	s = variant("\"op\": \"=\"", "\"op\": \"==\"");
	expect_template_error(s, "template: unknown check op \"==\" (=, <=)");
	free(s);
	s = variant("\"type\": \"amount\"", "\"type\": \"money\"");
	expect_template_error(s, "template: unknown cell type \"money\" (count, delta, amount)");
	free(s);
	s = variant("\"sum\": \"all\"", "\"sum\": \"every\"");
	expect_template_error(s, "template: unknown \"sum\": \"every\" (all, siblings)");
	free(s);
	s = variant("{\"id\": \"x\", \"label\": \"（一）甲\"}", "{\"label\": \"（一）甲\"}");
	expect_template_error(s, "template: the leaf \"（一）甲\" has no id");
	free(s);
	s = variant("\"kind\": \"narrative\"", "\"kind\": \"prose\"");
	expect_template_error(s, "template: unknown section kind \"prose\" (narrative, table)");
	free(s);
	s = variant("\"years\": [2030]", "\"years\": 2030");
	expect_template_error(s, "template: \"years\" must be [first, last] (last may be null)");
	free(s);
	s = variant("\"children\": [\n             {\"id\": \"y1\"", "\"children\": [], \"z\": [\n             {\"id\": \"y1\"");
	expect_template_error(s, "template: columns/rows/children must be a non-empty array");
	free(s);
	expect_template_error("{\"id\": \"x\", \"title\": \"t\"}",
	                      "template: \"sections\" must be a non-empty array");
	expect_template_error("{\"id\": \"x\", \"title\": \"t\", \"extends\": \"zzz\"}",
	                      "template: extends unknown template \"zzz\"");
}

/* ---- extends and append ---------------------------------------------------------------- */

static const char ext_json[] =
    "{\n"
    "  \"id\": \"t-ext\",\n"
    "  \"extends\": \"t-small\",\n"
    "  \"title\": \"{agency}{year}年扩展报告\",\n"
    "  \"append\": {\n"
    "    \"tab\": [\n"
    "      {\"layout\": \"line\", \"columns\": [{\"id\": \"n\", \"label\": \"数量\"}],\n"
    "       \"rows\": [{\"id\": \"extra\", \"label\": \"{year}年发布总数量\"}]}\n"
    "    ]\n"
    "  }\n"
    "}\n";

static char *write_dir(const char *const *names, const char *const *texts, size_t n)
{
	char tmpl[] = "/tmp/gir-template-test-XXXXXX";
	char *dir = mkdtemp(tmpl);
	assert_non_null(dir);
	for (size_t i = 0; i < n; i++) {
		char path[256];
		snprintf(path, sizeof path, "%s/%s", dir, names[i]);
		FILE *f = fopen(path, "w");
		assert_non_null(f);
		fputs(texts[i], f);
		fclose(f);
	}
	return strdup(dir);
}

static void remove_dir(char *dir, const char *const *names, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		char path[256];
		snprintf(path, sizeof path, "%s/%s", dir, names[i]);
		unlink(path);
	}
	rmdir(dir);
	free(dir);
}

/* A column's "unit" may be an object of units and factors (万元 1, 元 10000):
 * the unit of factor 1 is the cells' own and comes first; a unit without
 * factor 1, two of them, or a factor that is not a whole number from 1 to
 * 10^9 is refused. */
static void column_unit_factors(void **state)
{
	(void)state;
	const char *from = "\"unit\": \"万元\"";
	char *s = variant(from, "\"unit\": {\"元\": 10000, \"万元\": 1}");
	gir_template *t = parse_ok(s);
	const gir_axis *c = NULL;
	for (size_t i = 0; i < t->nsections && !c; i++)
		for (size_t b = 0; b < t->sections[i]->nblocks && !c; b++) {
			const gir_block *bl = t->sections[i]->blocks[b];
			for (size_t k = 0; k < bl->ncols && !c; k++)
				if (bl->col_leaves[k]->unit)
					c = bl->col_leaves[k];
		}
	assert_non_null(c);
	assert_string_equal(c->unit, "万元");
	assert_int_equal(c->nunits, 2);
	assert_string_equal(c->units[0].text, "万元");
	assert_int_equal(c->units[0].factor, 1);
	assert_string_equal(c->units[1].text, "元");
	assert_int_equal(c->units[1].factor, 10000);
	gir_template_free(t);
	free(s);
	s = variant(from, "\"unit\": {\"元\": 10000}");
	expect_template_error(s, "template: \"unit\" gives no unit of factor 1 (the cells' own)");
	free(s);
	s = variant(from, "\"unit\": {\"万元\": 1, \"元\": 1}");
	expect_template_error(s, "template: \"unit\" gives two units of factor 1");
	free(s);
	s = variant(from, "\"unit\": {\"万元\": 1, \"元\": 0.5}");
	expect_template_error(s, "template: \"unit\" maps each unit to a whole factor from 1 to 10^9");
	free(s);
	s = variant(from, "\"unit\": 3");
	expect_template_error(s, "template: \"unit\" must be a string or an object");
	free(s);
}

static void extends_and_append(void **state)
{
	(void)state;
	/* The extension sorts first by name: the registry must still load the
	 * base before it. */
	static const char *const names[] = {"a-ext.json", "b-small.json", "notes.txt"};
	const char *const texts[] = {ext_json, small_json, "not a template"};
	char *dir = write_dir(names, texts, 3);
	gir_diags *d = gir_diags_new();
	gir_registry *r = gir_registry_new(d);
	size_t embedded = gir_registry_count(r);
	assert_int_equal(gir_registry_add_dir(r, dir, d), 0);
	if (gir_diags_count(d))
		dump_diags(d);
	assert_int_equal(gir_diags_count(d), 0);
	assert_int_equal(gir_registry_count(r), embedded + 2);

	const gir_template *base = gir_registry_find(r, "t-small");
	const gir_template *ext = gir_registry_find(r, "t-ext");
	assert_non_null(base);
	assert_non_null(ext);
	assert_true(ext->is_extension);
	assert_false(base->is_extension);
	/* Inherited, overridden, appended. */
	assert_string_equal(gir_template_name(ext), "小模板");
	assert_int_equal(gir_template_first_year(ext), 2030);
	assert_string_equal(ext->title, "{agency}{year}年扩展报告");
	assert_string_equal(base->title, "{agency}{year}年报告");
	const gir_section *bs = gir_template_section(base, "tab");
	const gir_section *es = gir_template_section(ext, "tab");
	assert_int_equal(bs->nblocks, 1);
	assert_int_equal(es->nblocks, 2);
	assert_int_equal(es->ncells, 25);
	const gir_block *line = es->blocks[1];
	assert_int_equal(line->layout, GIR_LAYOUT_LINE);
	assert_int_equal(line->cell_base, 24);
	assert_string_equal(line->row_leaves[0]->label, "{year}年发布总数量");
	/* The checks are rebuilt on the extension's own axes. */
	assert_int_equal(ext->nchecks, 2);
	assert_ptr_equal(ext->checks[0]->block, es->blocks[0]);
	assert_ptr_not_equal(ext->checks[0]->left[0], base->checks[0]->left[0]);
	char *label = gir_axis_label_chain(line->row_leaves[0], 2031);
	assert_string_equal(label, "2031年发布总数量");
	free(label);

	/* A source can use the extension and its appended line. */
	const char *src = "year: 2030\ntemplate: t-ext\n机关: 甲\ndate: 2031-01-02\nintro: 无。\n"
	                  "tab: {extra: 7, r1: [0, 1, 0.5], x: [0, 1, 0.5]}\n";
	gir_report *rep = gir_report_load(r, "t.yaml", src, strlen(src), NULL, d);
	if (!rep || gir_diags_count(d))
		dump_diags(d);
	assert_non_null(rep);
	assert_int_equal(gir_diags_count(d), 0);
	assert_string_equal(gir_template_id(rep->tpl), "t-ext");
	assert_string_equal(rep->title, "甲2030年扩展报告");
	assert_int_equal(cellv(rep, "tab", "extra", "n"), 7);
	assert_int_equal(cellv(rep, "tab", "tot", "g.b"), 1);
	assert_int_equal(cell(rep, "tab", "r1", "sum")->v, 15);
	/* The amount column keeps its decimals; the 合计 is exact. */
	assert_int_equal(cell(rep, "tab", "x", "g.c")->v, 5);
	assert_int_equal(cell(rep, "tab", "x", "sum")->v, 15);
	assert_int_equal(cell(rep, "tab", "x", "sum")->scale, 1);
	gir_report_free(rep);

	gir_registry_free(r);
	gir_diags_free(d);
	remove_dir(dir, names, 3);
}

static void append_errors(void **state)
{
	(void)state;
	static const char *const names[] = {"base.json", "ext.json"};
	const char *const texts[] = {
	    small_json,
	    "{\"id\": \"t-bad\", \"extends\": \"t-small\", \"append\": {\"intro\": [{}]}}",
	};
	char *dir = write_dir(names, texts, 2);
	gir_diags *d = gir_diags_new();
	gir_registry *r = gir_registry_new(d);
	assert_int_equal(gir_registry_add_dir(r, dir, d), -1);
	const gir_diag *g = find_diag(d, "template: \"append\" names no table section \"intro\"");
	assert_non_null(g);
	assert_non_null(strstr(g->file, "ext.json"));
	assert_null(gir_registry_find(r, "t-bad"));
	assert_non_null(gir_registry_find(r, "t-small"));
	gir_registry_free(r);
	gir_diags_free(d);
	remove_dir(dir, names, 2);

	d = gir_diags_new();
	r = gir_registry_new(d);
	assert_int_equal(gir_registry_add_dir(r, "/nonexistent/gir-templates", d), -1);
	g = find_diag(d, "cannot open the template directory");
	assert_non_null(g);
	assert_string_equal(g->file, "/nonexistent/gir-templates");
	gir_registry_free(r);
	gir_diags_free(d);
}

/* A template in a directory replaces the embedded one with its id. */
static void directory_overrides_embedded(void **state)
{
	(void)state;
	char *json = variant("\"id\": \"t-small\"", "\"id\": \"gov-2019\"");
	static const char *const names[] = {"gov-2019.json"};
	const char *const texts[] = {json};
	char *dir = write_dir(names, texts, 1);
	gir_diags *d = gir_diags_new();
	gir_registry *r = gir_registry_new(d);
	size_t before = gir_registry_count(r);
	assert_int_equal(gir_registry_add_dir(r, dir, d), 0);
	assert_int_equal(gir_registry_count(r), before);
	const gir_template *t = gir_registry_find(r, "gov-2019");
	assert_string_equal(gir_template_name(t), "小模板");
	gir_registry_free(r);
	gir_diags_free(d);
	remove_dir(dir, names, 1);
	free(json);
}

static void embedded_registry(void **state)
{
	(void)state;
	gir_diags *d = gir_diags_new();
	gir_registry *r = gir_registry_new(d);
	assert_int_equal(gir_diags_count(d), 0);
	assert_true(gir_registry_count(r) >= 2);
	const gir_template *g19 = gir_registry_find(r, "gov-2019");
	assert_non_null(g19);
	assert_int_equal(gir_template_first_year(g19), 2019);
	assert_int_equal(gir_template_last_year(g19), 2020);
	assert_int_equal(g19->nsections, 6);
	static const char *const headings[] = {
		"一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
		"四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况",
		"六、其他需要报告的事项",
	};
	for (size_t i = 0; i < 6; i++)
		assert_string_equal(g19->sections[i]->heading, headings[i]);
	const gir_section *req = gir_template_section(g19, "requests");
	assert_int_equal(req->blocks[0]->ncols, 7);
	assert_int_equal(req->blocks[0]->nrows, 23);
	const gir_section *app = gir_template_section(g19, "appeals");
	assert_int_equal(app->blocks[0]->layout, GIR_LAYOUT_INLINE);
	assert_int_equal(app->ncells, 15);
	const gir_template *lv = gir_registry_find(r, "gov-2019-lvyuan");
	assert_non_null(lv);
	assert_true(lv->is_extension);
	assert_int_equal(gir_template_section(lv, "proactive")->nblocks,
	                 gir_template_section(g19, "proactive")->nblocks + 1);
	assert_null(gir_registry_find(r, "gov-1999"));
	assert_null(gir_registry_at(r, gir_registry_count(r)));
	gir_registry_free(r);
	gir_registry_free(NULL);
	gir_diags_free(d);
}

/* The embedded templates are built on first use (template.c, "registry"):
 * each builds from its JSON, with its checks, and without a diagnostic
 * (else a run would stop there), and what the lookups read before it is
 * built — id, years, field labels — is what it has once built. */
static void embedded_built_on_first_use(void **state)
{
	(void)state;
	gir_diags *d = gir_diags_new();
	gir_registry *r = gir_registry_new(d);
	size_t n = gir_registry_count(r);
	assert_true(n >= 5);
	char *labels[16][GIR_F_COUNT];
	assert_true(n <= 16);
	for (size_t i = 0; i < n; i++)
		for (int f = 0; f < GIR_F_COUNT; f++)
			labels[i][f] = gir_xstrdup(gir_registry_label(r, i, (gir_field)f));
	/* 2021's edition is chosen by year before any template is built. */
	const gir_template *y21 = gir_registry_for_year(r, 2021);
	assert_non_null(y21);
	assert_string_equal(y21->id, "gov-2021");
	assert_null(gir_registry_for_year(r, 1999));
	for (size_t i = 0; i < n; i++) {
		const gir_template *t = gir_registry_at(r, i);
		assert_non_null(t);
		assert_null(t->unbuilt);
		assert_true(t->nsections > 0);
		for (int f = 0; f < GIR_F_COUNT; f++) {
			assert_string_equal(labels[i][f], t->field_labels[f]);
			free(labels[i][f]);
		}
		assert_ptr_equal(gir_registry_find(r, t->id), t);
	}
	assert_int_equal(gir_diags_count(d), 0);
	assert_string_equal(gir_registry_label(r, 0, GIR_F_YEAR), "报告年度");
	gir_registry_free(r);
	gir_diags_free(d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(template_meta),
		cmocka_unit_test(embedded_built_on_first_use),
		cmocka_unit_test(template_axes),
		cmocka_unit_test(keyed_children_and_paths),
		cmocka_unit_test(checks_resolved),
		cmocka_unit_test(axis_matches),
		cmocka_unit_test(skip_numbering),
		cmocka_unit_test(bad_json),
		cmocka_unit_test(years_open_with_null),
		cmocka_unit_test(bad_references),
		cmocka_unit_test(column_unit_factors),
		cmocka_unit_test(extends_and_append),
		cmocka_unit_test(append_errors),
		cmocka_unit_test(directory_overrides_embedded),
		cmocka_unit_test(embedded_registry),
	};
	return cmocka_run_group_tests_name("template", tests, NULL, NULL);
}
