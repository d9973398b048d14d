/* Unit tests for src/number.c: exact decimals and every rejection of a
 * table value, with its message and hint. */
#include "helpers.h"

#define LIMIT "a value in a report is at most 10^12; check for extra digits"

#include "number.h"

/* ---- gir_parse_decimal ---------------------------------------------------- */

static void expect_decimal(const char *s, int64_t v, int scale)
{
	gir_value out = {.v = 12345, .scale = 9};
	if (!gir_parse_decimal(s, &out))
		fail_msg("gir_parse_decimal(\"%s\") failed", s);
	assert_int_equal(out.v, v);
	assert_int_equal(out.scale, scale);
}

static void expect_not_decimal(const char *s)
{
	gir_value out = {.v = 12345, .scale = 9};
	if (gir_parse_decimal(s, &out))
		fail_msg("gir_parse_decimal(\"%s\") accepted it", s);
	/* Nothing is written on failure. */
	assert_int_equal(out.v, 12345);
	assert_int_equal(out.scale, 9);
}

static void decimal_exact(void **state)
{
	(void)state;
	expect_decimal("6.0248", 60248, 4);
	expect_decimal("0", 0, 0);
	expect_decimal("12", 12, 0);
	expect_decimal("-3", -3, 0);
	expect_decimal("+5", 5, 0);
	expect_decimal("007", 7, 0);
	expect_decimal("0.50", 50, 2);     /* the written precision is kept */
	expect_decimal("1.000", 1000, 3);
	expect_decimal("-0.5", -5, 1);
	expect_decimal("123456789012345678", 123456789012345678LL, 0);  /* 18 digits */
	expect_decimal("1000000000000", 1000000000000LL, 0);
}

static void decimal_rejections(void **state)
{
	(void)state;
	expect_not_decimal("");
	expect_not_decimal("-");
	expect_not_decimal("+");
	expect_not_decimal(".5");
	expect_not_decimal("5.");
	expect_not_decimal("1.2.3");
	expect_not_decimal("1e3");
	expect_not_decimal("0x10");
	expect_not_decimal("1,000");
	expect_not_decimal("1 000");
	expect_not_decimal(" 1");
	expect_not_decimal("1 ");
	expect_not_decimal("--1");
	expect_not_decimal("abc");
	expect_not_decimal("１２");
	expect_not_decimal("1234567890123456789");  /* 19 digits cannot be exact */
}

/* ---- gir_parse_value --------------------------------------------------------- */

/* Loads "v: <text>" and parses the value as a cell of type t. */
typedef struct parsed {
	bool ok;
	gir_value v;
	char *msg, *hint;
} parsed;

static parsed parse_yaml_value(const char *text, gir_cell_type t)
{
	char src[256];
	snprintf(src, sizeof src, "v: %s\n", text);
	yaml_doc y = yaml_load(src);
	if (!y.doc) {
		dump_diags(y.diags);
		fail_msg("cannot load %s", src);
	}
	parsed p = {0};
	const gir_node *n = map_get(gir_doc_root(y.doc), "v");
	assert_non_null(n);
	p.ok = gir_parse_value(n, t, &p.v, &p.msg, &p.hint);
	yaml_free(&y);
	return p;
}

static void parsed_free(parsed *p)
{
	free(p->msg);
	free(p->hint);
}

static void expect_parsed(const char *text, gir_cell_type t, int64_t v, int scale)
{
	parsed p = parse_yaml_value(text, t);
	if (!p.ok)
		fail_msg("\"%s\" rejected: %s (%s)", text, p.msg, p.hint ? p.hint : "-");
	assert_null(p.msg);
	assert_null(p.hint);
	assert_int_equal(p.v.v, v);
	assert_int_equal(p.v.scale, scale);
	assert_true(p.v.given);
	assert_false(p.v.bad);
	assert_int_equal(p.v.pos.line, 1);
	assert_int_equal(p.v.pos.col, 4);
	parsed_free(&p);
}

#define EMPTY_HINT "write 0 where there is nothing to report, / where the row does not apply"

/* Accepted as not applicable, keeping its spelling; the value is 0. */
static void expect_na(const char *text, gir_cell_type t, const char *spelling)
{
	parsed p = parse_yaml_value(text, t);
	if (!p.ok)
		fail_msg("\"%s\" rejected: %s", text, p.msg);
	assert_int_not_equal(p.v.na, 0);
	assert_string_equal(gir_na_spellings[p.v.na], spelling);
	assert_int_equal(p.v.v, 0);
	assert_true(p.v.given);
	assert_false(p.v.bad);
	char out[16];
	gir_cell_format(p.v, out, sizeof out);
	assert_string_equal(out, spelling);
	gir_value_format(p.v, out, sizeof out);
	assert_string_equal(out, "0");
	parsed_free(&p);
}

/* Rejected with exactly this message and hint (NULL: no hint). */
static void expect_rejected(const char *text, gir_cell_type t, const char *msg, const char *hint)
{
	parsed p = parse_yaml_value(text, t);
	if (p.ok)
		fail_msg("\"%s\" accepted as %lld/10^%d", text, (long long)p.v.v, p.v.scale);
	assert_non_null(p.msg);
	assert_string_equal(p.msg, msg);
	if (hint) {
		assert_non_null(p.hint);
		assert_string_equal(p.hint, hint);
	} else {
		assert_null(p.hint);
	}
	parsed_free(&p);
}

static void value_accepted(void **state)
{
	(void)state;
	expect_parsed("0", GIR_COUNT, 0, 0);
	expect_parsed("12", GIR_COUNT, 12, 0);
	expect_parsed("1000000000000", GIR_COUNT, 1000000000000LL, 0);  /* 10^12 itself */
	expect_parsed("-3", GIR_DELTA, -3, 0);
	expect_parsed("+5", GIR_DELTA, 5, 0);
	expect_parsed("0", GIR_DELTA, 0, 0);
	expect_parsed("6.0248", GIR_AMOUNT, 60248, 4);
	expect_parsed("0.5", GIR_AMOUNT, 5, 1);
	expect_parsed("10", GIR_AMOUNT, 10, 0);
	expect_parsed("1.000000", GIR_AMOUNT, 1000000, 6);
}

#define WHOLE "a whole number of 0 or more"

static void value_quoted(void **state)
{
	(void)state;
	expect_rejected("'12'", GIR_COUNT, "the number \"12\" is quoted", "write 12 without quotes");
	expect_rejected("\"12\"", GIR_COUNT, "the number \"12\" is quoted", "write 12 without quotes");
	expect_rejected("\"6.0248\"", GIR_AMOUNT, "the number \"6.0248\" is quoted",
	                "write 6.0248 without quotes");
	/* Quoted text that is not a number is explained like plain text. */
	expect_rejected("'abc'", GIR_COUNT, "expected a number, found \"abc\"", "write " WHOLE);
	expect_rejected("''", GIR_COUNT, "the value is empty (\"\")", EMPTY_HINT);
	/* A quoted not-applicable mark is one: "-" must be quoted outside [ ]. */
	expect_na("\"-\"", GIR_COUNT, "-");
	expect_na("'无'", GIR_AMOUNT, "无");
}

static void value_notations(void **state)
{
	(void)state;
	expect_rejected("1e3", GIR_COUNT, "\"1e3\" uses exponent notation",
	                "write the number out in full (1000)");
	expect_rejected("2.5E2", GIR_AMOUNT, "\"2.5E2\" uses exponent notation",
	                "write the number out in full (250)");
	expect_rejected("0x10", GIR_COUNT, "\"0x10\" is not a decimal number", "write 16");
	expect_rejected("0o17", GIR_COUNT, "\"0o17\" is not a decimal number", "write 15");
	expect_rejected("0b101", GIR_COUNT, "\"0b101\" is not a decimal number", "write 5");
	expect_rejected(".5", GIR_AMOUNT, "\".5\" has no digit before the point", "write 0.5");
	expect_rejected("5.", GIR_COUNT, "\"5.\" ends with a point", "write 5");
	expect_rejected("6.", GIR_AMOUNT, "\"6.\" ends with a point", "write 6");
	expect_rejected("1,000", GIR_COUNT, "\"1,000\" has a thousands separator or space",
	                "write 1000");
	expect_rejected("1 000", GIR_COUNT, "\"1 000\" has a thousands separator or space",
	                "write 1000");
	expect_rejected("1_000", GIR_COUNT, "\"1_000\" has a thousands separator or space",
	                "write 1000");
	expect_rejected("1，000", GIR_COUNT, "\"1，000\" has a thousands separator or space",
	                "write 1000");
	expect_rejected("1,234.5", GIR_AMOUNT, "\"1,234.5\" has a thousands separator or space",
	                "write 1234.5");
}

static void value_full_width(void **state)
{
	(void)state;
	expect_rejected("１２", GIR_COUNT, "\"１２\" is written with full-width digits",
	                "switch the input method to half-width (半角) and write 12");
	expect_rejected("６．０２４８", GIR_AMOUNT, "\"６．０２４８\" is written with full-width digits",
	                "switch the input method to half-width (半角) and write 6.0248");
	expect_rejected("－３", GIR_DELTA, "\"－３\" is written with full-width digits",
	                "switch the input method to half-width (半角) and write -3");
	/* A half-width number with an ideographic full stop. */
	expect_rejected("1。5", GIR_AMOUNT, "\"1。5\" is written with full-width punctuation",
	                "switch the input method to half-width (半角) and write 1.5");
}

static void value_range_and_type(void **state)
{
	(void)state;
	expect_rejected("-3", GIR_COUNT, "\"-3\" is negative",
	                "only an increase/decrease (增/减) column may be negative; counts and amounts are 0 or more");
	expect_rejected("-1.5", GIR_AMOUNT, "\"-1.5\" is negative",
	                "only an increase/decrease (增/减) column may be negative; counts and amounts are 0 or more");
	expect_rejected("1.5", GIR_COUNT, "\"1.5\" is not a whole number",
	                "counts are whole numbers; write " WHOLE);
	expect_rejected("2.0", GIR_COUNT, "\"2.0\" is not a whole number",
	                "counts are whole numbers; write " WHOLE);
	expect_rejected("-1.5", GIR_DELTA, "\"-1.5\" is not a whole number",
	                "counts are whole numbers; write a whole number (negative for a decrease)");
	expect_rejected("1000000000001", GIR_COUNT,
	                "\"1000000000001\" is beyond the limit of 10^12", LIMIT);
	expect_rejected("-1000000000001", GIR_DELTA,
	                "\"-1000000000001\" is beyond the limit of -10^12", LIMIT);
	expect_rejected("1000000000000.5", GIR_AMOUNT,
	                "\"1000000000000.5\" is beyond the limit of 10^12", LIMIT);
	expect_rejected("1.1234567", GIR_AMOUNT, "\"1.1234567\" has more than 6 decimal places", NULL);
	expect_rejected("+5", GIR_COUNT, "\"+5\" has a plus sign", "write 5");
	expect_rejected("007", GIR_COUNT, "\"007\" has a leading zero",
	                "write 7 without the leading zero (YAML may read it as octal)");
	expect_rejected("-007", GIR_DELTA, "\"-007\" has a leading zero",
	                "write -7 without the leading zero (YAML may read it as octal)");
}

static void value_too_many_digits(void **state)
{
	(void)state;
	/* Beyond the 18 digits gir_parse_decimal reads exactly: still a number. */
	expect_rejected("10000000000000000000", GIR_COUNT,
	                "\"10000000000000000000\" is beyond the limit of 10^12", LIMIT);
}

static void value_with_unit(void **state)
{
	(void)state;
	expect_rejected("128条", GIR_COUNT, "\"128条\" has a unit or word after the number",
	                "write 128; the unit is part of the form");
	expect_rejected("6.5万元", GIR_AMOUNT, "\"6.5万元\" has a unit or word after the number",
	                "write 6.5; the unit is part of the form");
	expect_rejected("-3项", GIR_DELTA, "\"-3项\" has a unit or word after the number",
	                "write -3; the unit is part of the form");
}

static void value_leading_zero_decimal(void **state)
{
	(void)state;
	expect_rejected("012.5", GIR_AMOUNT, "\"012.5\" has a leading zero",
	                "write 12.5 without the leading zero (YAML may read it as octal)");
	expect_rejected("00.5", GIR_AMOUNT, "\"00.5\" has a leading zero",
	                "write 0.5 without the leading zero (YAML may read it as octal)");
}

static void value_empty_and_words(void **state)
{
	(void)state;
	const char *zero = EMPTY_HINT;
	expect_rejected("~", GIR_COUNT, "the value is empty (\"~\")", zero);
	expect_rejected("null", GIR_COUNT, "the value is empty (\"null\")", zero);
	expect_rejected("", GIR_COUNT, "the value is empty (\"\")", zero);
	/* not applicable, in every spelling real reports print */
	expect_na("/", GIR_COUNT, "/");
	expect_na("／", GIR_DELTA, "／");
	expect_na("无", GIR_COUNT, "无");
	expect_na("——", GIR_AMOUNT, "——");
	expect_na("—", GIR_COUNT, "—");
	expect_rejected("//", GIR_COUNT, "expected a number, found \"//\"", "write " WHOLE);
	expect_rejected("无无", GIR_COUNT, "expected a number, found \"无无\"", "write " WHOLE);
	expect_rejected(".nan", GIR_COUNT, "\".nan\" is not a number", "write " WHOLE);
	expect_rejected(".inf", GIR_AMOUNT, "\".inf\" is not a number",
	                "write an amount such as 6.0248");
	expect_rejected("-.inf", GIR_DELTA, "\"-.inf\" is not a number",
	                "write a whole number (negative for a decrease)");
	expect_rejected("true", GIR_COUNT, "expected a number, found \"true\"", "write " WHOLE);
	expect_rejected("yes", GIR_COUNT, "expected a number, found \"yes\"", "write " WHOLE);
	expect_rejected("三", GIR_COUNT, "expected a number, found \"三\"", "write " WHOLE);
	expect_rejected("!!int 12", GIR_COUNT, "the value has a tag (tag:yaml.org,2002:int)",
	                "remove the tag");
}

static void value_collections(void **state)
{
	(void)state;
	expect_rejected("[1]", GIR_COUNT, "expected a number, found a list", "write " WHOLE);
	expect_rejected("{a: 1}", GIR_AMOUNT, "expected a number, found a mapping",
	                "write an amount such as 6.0248");
}

/* A sum keeps N/A while every term is N/A, and counts it as 0 otherwise. */
static void value_na_sums(void **state)
{
	(void)state;
	gir_value na = {.na = 1, .given = true}, dash = {.na = 6, .given = true};
	gir_value three = {.v = 3, .given = true}, zero = {.given = true};
	gir_value s = gir_value_add(gir_value_add(GIR_SUM_EMPTY, na), dash);
	assert_int_equal(s.na, 1); /* printed like its first term */
	assert_int_equal(s.v, 0);
	s = gir_value_add(s, three);
	assert_int_equal(s.na, 0);
	assert_int_equal(s.v, 3);
	s = gir_value_add(gir_value_add(GIR_SUM_EMPTY, na), zero);
	assert_int_equal(s.na, 0); /* a 0 is a figure */
	s = gir_value_add((gir_value){0}, na); /* a plain 0 start (summary figures) */
	assert_int_equal(s.na, 0);
	assert_false(gir_value_add(GIR_SUM_EMPTY, GIR_SUM_EMPTY).na);
	assert_int_equal(gir_na_spelling(" / "), 1);
	assert_int_equal(gir_na_spelling("0"), 0);
}

/* A plain "-" cannot be written as a YAML mapping value; build the node. */
static void value_hand_built_nodes(void **state)
{
	(void)state;
	gir_node n = {.kind = GIR_SCALAR, .style = GIR_PLAIN, .text = "-", .len = 1,
	              .pos = {7, 9}};
	gir_value v;
	char *msg, *hint;
	assert_true(gir_parse_value(&n, GIR_COUNT, &v, &msg, &hint));
	assert_string_equal(gir_na_spellings[v.na], "-");
	assert_int_equal(v.pos.line, 7);

	n.text = "42";
	n.len = 2;
	assert_true(gir_parse_value(&n, GIR_COUNT, &v, &msg, &hint));
	assert_null(msg);
	assert_null(hint);
	assert_int_equal(v.v, 42);
	assert_int_equal(v.pos.line, 7);
	assert_int_equal(v.pos.col, 9);
	assert_true(v.given);

	/* A literal block holding a number is not a number. */
	n.style = GIR_LITERAL;
	assert_false(gir_parse_value(&n, GIR_COUNT, &v, &msg, &hint));
	assert_string_equal(msg, "the number \"42\" is quoted");
	free(msg);
	free(hint);

	gir_node seq = {.kind = GIR_SEQ, .pos = {1, 1}};
	assert_false(gir_parse_value(&seq, GIR_DELTA, &v, &msg, &hint));
	assert_string_equal(msg, "expected a number, found a list");
	assert_string_equal(hint, "write a whole number (negative for a decrease)");
	free(msg);
	free(hint);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(decimal_exact),
		cmocka_unit_test(decimal_rejections),
		cmocka_unit_test(value_accepted),
		cmocka_unit_test(value_quoted),
		cmocka_unit_test(value_notations),
		cmocka_unit_test(value_full_width),
		cmocka_unit_test(value_range_and_type),
		cmocka_unit_test(value_too_many_digits),
		cmocka_unit_test(value_with_unit),
		cmocka_unit_test(value_leading_zero_decimal),
		cmocka_unit_test(value_empty_and_words),
		cmocka_unit_test(value_collections),
		cmocka_unit_test(value_hand_built_nodes),
		cmocka_unit_test(value_na_sums),
	};
	return cmocka_run_group_tests_name("number", tests, NULL, NULL);
}
