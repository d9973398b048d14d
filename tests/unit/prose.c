/* Unit tests for placeholders (src/placeholder.c) and the prose check
 * (src/prose.c): the {{…}} scanner, where a character of a YAML scalar
 * stands in the source, the rules of the embedded templates on sentences
 * written as real reports write them, and both through gir_report_load. */
#include "helpers.h"
#include "placeholder.h"
#include "prose.h"
#include "util.h"

/* ---- the placeholder scanner ------------------------------------------------------- */

static gir_placeholder scan(const char *s, size_t from)
{
	gir_placeholder ph;
	assert_true(gir_placeholder_next(s, strlen(s), from, &ph));
	return ph;
}

static void expect_arg(const char *s, gir_placeholder ph, const char *arg)
{
	assert_int_equal(ph.arglen, strlen(arg));
	assert_memory_equal(s + ph.arg, arg, ph.arglen);
}

static void scanner(void **state)
{
	(void)state;
	const char *s = "共{{requests.received.total}}件";
	gir_placeholder ph = scan(s, 0);
	assert_int_equal(ph.kind, GIR_PH_PATH);
	assert_int_equal(ph.start, 3);
	assert_int_equal(ph.end, strlen(s) - 3);
	expect_arg(s, ph, "requests.received.total");

	s = "{{ year }}年";
	ph = scan(s, 0);
	assert_int_equal(ph.kind, GIR_PH_PATH);
	expect_arg(s, ph, "year");
	assert_int_equal(ph.end, 10);

	s = "写作{{'{{'}}与{{'}}'}}";
	ph = scan(s, 0);
	assert_int_equal(ph.kind, GIR_PH_LITERAL);
	expect_arg(s, ph, "{{");
	ph = scan(s, ph.end);
	assert_int_equal(ph.kind, GIR_PH_LITERAL);
	expect_arg(s, ph, "}}");
	gir_placeholder none;
	assert_false(gir_placeholder_next(s, strlen(s), ph.end, &none));

	s = "{{year}}年{{agency}}";
	ph = scan(s, 0);
	expect_arg(s, ph, "year");
	ph = scan(s, ph.end);
	expect_arg(s, ph, "agency");
	assert_int_equal(ph.end, strlen(s));

	assert_int_equal(scan("申请{{requests.received.total件", 0).kind, GIR_PH_UNCLOSED);
	ph = scan("申请{{requests\n}}件", 0); /* a placeholder stays on its line */
	assert_int_equal(ph.kind, GIR_PH_UNCLOSED);
	assert_int_equal(ph.end, strlen("申请{{requests"));
	assert_int_equal(scan("{{'{{", 0).kind, GIR_PH_UNCLOSED);
	assert_int_equal(scan("{{}}", 0).kind, GIR_PH_EMPTY);
	assert_int_equal(scan("{{  }}", 0).kind, GIR_PH_EMPTY);
	assert_false(gir_placeholder_next("{ {year} } }} {", 15, 0, &none));
	assert_false(gir_placeholder_next("", 0, 0, &none));
}

/* ---- positions inside scalars ---------------------------------------------------------- */

/* Position of the first "{{" of key k's value (or of the key itself). */
static gir_pos pos_of(const char *yaml, const char *key, bool of_key, const char *needle)
{
	yaml_doc y = yaml_load(yaml);
	assert_non_null(y.doc);
	const gir_node *root = gir_doc_root(y.doc), *v = NULL;
	for (size_t i = 0; i < root->n; i++)
		if (strcmp(gir_map_key(root, i)->text, key) == 0)
			v = of_key ? gir_map_key(root, i) : gir_map_value(root, i);
	assert_non_null(v);
	const char *at = strstr(v->text, needle);
	assert_non_null(at);
	gir_pos p = gir_scalar_pos(yaml, strlen(yaml), v, (size_t)(at - v->text));
	yaml_free(&y);
	return p;
}

static void expect_pos(gir_pos p, int line, int col)
{
	if (p.line != line || p.col != col)
		print_message("at %d:%d, expected %d:%d\n", p.line, p.col, line, col);
	assert_int_equal(p.line, line);
	assert_int_equal(p.col, col);
}

static void scalar_positions(void **state)
{
	(void)state;
	/* Plain, with Chinese text before: one column per character. */
	expect_pos(pos_of("a: 1\nk: 全年收到申请{{x}}件\n", "k", false, "{{"), 2, 10);
	/* A plain scalar over two lines. */
	expect_pos(pos_of("k: 第一行\n  第二行{{x}}\n", "k", false, "{{"), 2, 6);
	/* Double-quoted: escapes count as typed (\t is two characters, \u4e2d six). */
	expect_pos(pos_of("k: \"\\t\\u4e2d收到{{x}}\"\n", "k", false, "{{"), 1, 15);
	expect_pos(pos_of("k: \"\\t\\u4e2d收到{{x}}\"\n", "k", false, "中"), 1, 7);
	/* Double-quoted over lines, with an escaped line break. */
	expect_pos(pos_of("k: \"第一行\\\n   第二行{{x}}\"\n", "k", false, "{{"), 2, 7);
	/* Single-quoted: '' is one quote in the value. */
	expect_pos(pos_of("k: 'it''s 收到{{x}}'\n", "k", false, "{{"), 1, 13);
	/* Literal block: lines below the |, indentation not part of the value. */
	expect_pos(pos_of("k: |\n  第一行\n\n    更深{{x}}\n  收到申请{{y}}件\n", "k", false, "{{x"), 4, 7);
	expect_pos(pos_of("k: |\n  第一行\n\n    更深{{x}}\n  收到申请{{y}}件\n", "k", false, "{{y"), 5, 7);
	/* Folded block, with a comment after the indicator. */
	expect_pos(pos_of("k: >-  # 注释\n  第一行\n  收到{{x}}\n", "k", false, "{{"), 3, 5);
	/* A tag before the value. */
	expect_pos(pos_of("k: !!str 收到{{x}}\n", "k", false, "{{"), 1, 12);
	/* A key (subheadings are keys) inside a sequence item. */
	yaml_doc y = yaml_load("k:\n  - 依申请公开{{x}}: 正文\n");
	const gir_node *item = gir_map_value(gir_doc_root(y.doc), 0)->kids[0];
	const gir_node *key = gir_map_key(item, 0);
	expect_pos(gir_scalar_pos("k:\n  - 依申请公开{{x}}: 正文\n", 26, key, strlen("依申请公开")), 2, 10);
	yaml_free(&y);
	/* A byte-order mark is not a column. */
	expect_pos(pos_of("\xEF\xBB\xBFk: 收到{{x}}\n", "k", false, "{{"), 1, 6);
}

/* ---- the rules ----------------------------------------------------------------------- */

typedef struct found {
	const char *path;  /* the rule's first cell */
	const char *said;  /* the number and unit as read */
} found;

static void expect_hits(const gir_template *t, const char *text, bool literal, const found *want,
                        size_t nwant)
{
	size_t n;
	gir_prose_hit *h = gir_prose_find(t, text, strlen(text), literal, &n);
	bool ok = n == nwant;
	for (size_t i = 0; ok && i < n; i++) {
		char num[64];
		gir_value_format(h[i].said, num, sizeof num);
		char *said = gir_xasprintf("%s%s", num, h[i].unit->text);
		ok = strcmp(h[i].rule->paths[0], want[i].path) == 0 && strcmp(said, want[i].said) == 0;
		free(said);
	}
	if (!ok) {
		print_message("in \"%s\", found:\n", text);
		for (size_t i = 0; i < n; i++) {
			char num[64];
			gir_value_format(h[i].said, num, sizeof num);
			print_message("  %s %s%s\n", h[i].rule->paths[0], num, h[i].unit->text);
		}
	}
	free(h);
	assert_true(ok);
}

#define HITS(t, text, ...)                                                           \
	do {                                                                             \
		const found want_[] = {__VA_ARGS__};                                         \
		expect_hits(t, text, false, want_, sizeof want_ / sizeof want_[0]);          \
	} while (0)
#define NO_HITS(t, text) expect_hits(t, text, false, NULL, 0)

static const gir_template *edition(gir_registry **reg, gir_diags **d, const char *id)
{
	*d = gir_diags_new();
	*reg = gir_registry_new(*d);
	const gir_template *t = gir_registry_find(*reg, id);
	assert_non_null(t);
	assert_true(t->nprose > 0);
	return t;
}

static void rules_tie_numbers_to_cells(void **state)
{
	(void)state;
	gir_registry *reg;
	gir_diags *d;
	const gir_template *t = edition(&reg, &d, "gov-2019");
	HITS(t, "全年共收到政府信息公开申请12件，均已按时答复。", {"requests.received.total", "12件"});
	/* The sentence: 103件 comes before its phrase, so it is not read. */
	HITS(t, "全年共受理政府信息公开申请3119件，答复3050件（含上年度结转申请34件，另有103件顺延到下年度答复）",
	     {"requests.received.total", "3119件"}, {"requests.results_total.total", "3050件"},
	     {"requests.carried_over.total", "34件"});
	HITS(t, "行政复议351件，其中结果维持72件。", {"appeals.review.total", "351件"},
	     {"appeals.review.upheld", "72件"});
	HITS(t, "收到群众信息公开申请1份，依法依规及时给予答复。", {"requests.received.total", "1份"});
	HITS(t, "本年度共受理政府信息公开申请１２件。", {"requests.received.total", "12件"});
	HITS(t, "全年收到政府信息公开申请3,119件", {"requests.received.total", "3119件"});
	HITS(t, "其中予以公开5件，部分公开2件，不予公开1件，无法提供3件，不予处理1件，其他处理0件。",
	     {"requests.granted.total", "5件"}, {"requests.partly_granted.total", "2件"},
	     {"requests.withheld.total", "1件"}, {"requests.unavailable.total", "3件"},
	     {"requests.not_processed.total", "1件"}, {"requests.other.total", "0件"});
	/* A list mark after a count only separates two counts. */
	HITS(t, "予以公开5件、部分公开2件和不予公开1件", {"requests.granted.total", "5件"},
	     {"requests.partly_granted.total", "2件"}, {"requests.withheld.total", "1件"});
	/* 予以公开 inside 部分予以公开 is that phrase. */
	HITS(t, "部分予以公开2件", {"requests.partly_granted.total", "2件"});
	HITS(t, "全年收到申请5件，其中自然人申请3件，法人或其他组织申请2件。",
	     {"requests.received.total", "5件"}, {"requests.received.natural", "3件"},
	     {"requests.received.business", "2件"});
	HITS(t, "作出行政许可决定1260件，行政处罚决定35件。", {"proactive.licensing.decisions", "1260件"},
	     {"proactive.penalties.decisions", "35件"});
	HITS(t, "被提起行政诉讼3件，结果维持2件。", {"appeals.litigation_direct.total", "3件"},
	     {"appeals.litigation_direct.upheld", "2件"});
	/* 维持 and 纠正 count for the nearer of 行政复议 and 行政诉讼. */
	HITS(t, "行政复议2件，结果维持1件，行政诉讼1件，结果纠正1件。", {"appeals.review.total", "2件"},
	     {"appeals.review.upheld", "1件"}, {"appeals.litigation_direct.total", "1件"},
	     {"appeals.litigation_direct.corrected", "1件"});
	HITS(t, "全年新收政府信息公开申请11件，上年结转0件，办结11件，结转下年度继续办理0件。",
	     {"requests.received.total", "11件"}, {"requests.carried_over.total", "0件"},
	     {"requests.results_total.total", "11件"}, {"requests.carried_forward.total", "0件"});
	HITS(t, "本年新制作规范性文件3件", {"proactive.normative_documents.made", "3件"});
	/* A year or another number on the way is part of the words between. */
	HITS(t, "受理2020年度政府信息公开申请12件", {"requests.received.total", "12件"});
	/* A | block joins lines: the number may be on the next one. */
	const found joined[] = {{"requests.received.total", "3件"}};
	expect_hits(t, "全年收到政府信息公开申请\n3件。", true, joined, 1);
	gir_registry_free(reg);
	gir_diags_free(d);
}

static void rules_leave_other_numbers_alone(void **state)
{
	(void)state;
	gir_registry *reg;
	gir_diags *d;
	const gir_template *t = edition(&reg, &d, "gov-2019");
	NO_HITS(t, "本报告所列数据的统计期限为2020年1月1日至12月31日。");
	NO_HITS(t, "2021年1月15日");
	NO_HITS(t, "这是第3次收到政府信息公开申请。");
	NO_HITS(t, "受理的第2件政府信息公开申请");
	NO_HITS(t, "全年收到政府信息公开申请约20件");
	NO_HITS(t, "全年收到政府信息公开申请近20件");
	NO_HITS(t, "全年收到政府信息公开申请20余件");
	NO_HITS(t, "全年收到政府信息公开申请100多件");
	NO_HITS(t, "全年收到政府信息公开申请100件左右");
	NO_HITS(t, "收到政府信息公开申请同比增长20%");
	NO_HITS(t, "收到政府信息公开申请较上年增加5件");
	NO_HITS(t, "共办理政府12345热线47件，已全部办结，回复率和满意率均达100%。");
	NO_HITS(t, "按时答复率100%");
	NO_HITS(t, "收到政府信息公开申请{{requests.received.total}}件");
	NO_HITS(t, "收到的政府信息公开申请中有2件属于重复申请");
	NO_HITS(t, "全年未收到政府信息公开申请。");
	NO_HITS(t, "全年收到政府信息公开申请三件。"); /* Chinese numerals are not read */
	NO_HITS(t, "收到群众来信咨询申请事项5件");
	NO_HITS(t, "全年收到政府信息公开申请，共计5件"); /* another clause */
	NO_HITS(t, "制定《规范性文件管理办法》1件");
	NO_HITS(t, "行政复议和行政诉讼各1件");
	NO_HITS(t, "行政许可、行政处罚决定共15件");
	NO_HITS(t, "收到申请5万件");
	/* Outside | blocks a line break ends the paragraph. */
	NO_HITS(t, "全年收到政府信息公开申请\n3件。");
	/* 收到行政复议申请 is a 行政复议, not a 政府信息公开申请. */
	HITS(t, "收到行政复议申请1件", {"appeals.review.total", "1件"});
	/* Without its rule (gov-2019 has no release_total), 公开信息 is not read. */
	NO_HITS(t, "通过报纸、网站、公开栏等途径，公开信息128条");
	gir_registry_free(reg);
	gir_diags_free(d);

	t = edition(&reg, &d, "gov-2019-lvyuan");
	HITS(t, "通过报纸、网站、公开栏等途径，公开信息128条；收到群众信息公开申请1份",
	     {"proactive.release_total", "128条"}, {"requests.received.total", "1份"});
	NO_HITS(t, "主动公开信息5500余条");
	gir_registry_free(reg);
	gir_diags_free(d);
}

static void rules_of_gov2021(void **state)
{
	(void)state;
	gir_registry *reg;
	gir_diags *d;
	const gir_template *t = edition(&reg, &d, "gov-2021");
	HITS(t, "本年度收取信息处理费200元。", {"proactive.fees.amount", "200元"});
	HITS(t, "收取行政事业性收费0.35万元", {"proactive.fees.amount", "0.35万元"});
	HITS(t, "本年制发行政规范性文件3件，废止行政规范性文件1件，现行有效行政规范性文件25件。",
	     {"proactive.normative_documents.issued", "3件"},
	     {"proactive.normative_documents.repealed", "1件"},
	     {"proactive.normative_documents.in_force", "25件"});
	HITS(t, "其他处理2件", {"requests.other.total", "2件"});
	NO_HITS(t, "本年度未收取信息处理费。");
	NO_HITS(t, "行政事业性收费项目3项");
	gir_registry_free(reg);
	gir_diags_free(d);
}

/* ---- rules in a template ----------------------------------------------------------------- */

static gir_template *parse_extension(gir_registry *reg, gir_diags *d, const char *prose)
{
	char *json = gir_xasprintf("{\"id\": \"t\", \"extends\": \"gov-2019\", \"prose\": %s}", prose);
	gir_template *t = gir_template_parse("t.json", json, strlen(json), reg, d);
	free(json);
	return t;
}

static void rules_are_checked_when_loaded(void **state)
{
	(void)state;
	gir_diags *d = gir_diags_new();
	gir_registry *reg = gir_registry_new(d);
	const gir_template *base = gir_registry_find(reg, "gov-2019");
	/* An extension's rules are added to its base's. */
	gir_template *t = parse_extension(reg, d, "[{\"cell\": \"requests.granted.total\", "
	                                          "\"before\": \"准予公开\", \"unit\": \"件\"}]");
	assert_non_null(t);
	assert_int_equal(t->nprose, base->nprose + 1);
	assert_string_equal(t->prose[t->nprose - 1].before.items[0], "准予公开");
	assert_int_equal(t->prose[t->nprose - 1].max_gap, 12);
	gir_template_free(t);
	assert_int_equal(gir_diags_count(d), 0);

	static const char *const bad[][2] = {
		{"[{\"cell\": \"requests.recieved.total\", \"before\": \"收到\", \"unit\": \"件\"}]",
		 "\"cell\" names no cell of the template: \"requests.recieved.total\""},
		{"[{\"cell\": \"requests.received.total\", \"unit\": \"件\"}]",
		 "\"before\" is required: the words before the number"},
		{"[{\"cell\": \"requests.received.total\", \"before\": \"收到\"}]",
		 "\"unit\" is required: 件, [\"件\", \"份\"] or {\"万元\": 1, \"元\": 10000}"},
		{"[{\"cell\": \"requests.received.total\", \"before\": \"收到\", \"unit\": \"件\", \"not_betwen\": []}]",
		 "unknown key \"not_betwen\""},
		{"[{\"cell\": \"requests.received.total\", \"before\": \"收到\", \"unit\": \"件\", \"op\": \">\"}]",
		 "\"op\" must be \"=\" or \"<=\""},
		{"[{\"cell\": \"requests.received.total\", \"before\": \"收到\", \"unit\": {\"元\": 0.5}}]",
		 "\"unit\" maps each unit to a whole factor from 1 to 10^9"},
		{"[{\"cell\": \"requests.received.total\", \"before\": \"收到\", \"unit\": \"件\", \"max_gap\": 500}]",
		 "\"max_gap\" must be a number of characters from 0 to 100"},
		{"[{\"cell\": \"requests.received.total\", \"before\": \"收到\", \"unit\": \"件\", "
		 "\"example\": \"收到申请约5件\"}]",
		 "the example \"收到申请约5件\" does not give the rule one number"},
		{"{}", "template: \"prose\" must be a list of rules"},
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		gir_diags *e = gir_diags_new();
		assert_null(parse_extension(reg, e, bad[i][0]));
		if (!find_diag(e, bad[i][1]))
			dump_diags(e);
		assert_non_null(find_diag(e, bad[i][1]));
		gir_diags_free(e);
	}
	gir_registry_free(reg);
	gir_diags_free(d);
}

/* ---- through gir_report_load ---------------------------------------------------------------- */

#define HEAD2019 "year: 2020\nagency: 某区统计局\ndate: 2021-01-10\nproblems: 无。\nother_matters: 无。\n"

static void placeholders_are_replaced(void **state)
{
	(void)state;
	loaded L = load_clean(HEAD2019
	                      "overview:\n"
	                      "  - \"{{year}}年，{{agency}}收到申请{{requests.received.total}}件，不予公开{{requests.withheld}}件。\"\n"
	                      "  - 采购{{proactive.procurement.amount}}万元，复议和诉讼{{appeals.total}}件，"
	                      "诉讼{{appeals.litigation_direct.total + appeals.litigation_after_review.total}}件，写作{{'{{'}}。\n"
	                      "  - \"{{ requests.withheld.state_secret.natural }}\": 小标题里也可以。\n"
	                      "proactive:\n  procurement: [1, 6.0248]\n"
	                      "requests:\n  received: [3, 1, 0, 0, 0, 0]\n  granted: [1, 0, 0, 0, 0, 0]\n"
	                      "  withheld: {state_secret: [2, 1, 0, 0, 0, 0]}\n"
	                      "appeals:\n  review: [1, 0, 0, 0]\n  litigation_direct: [0, 1, 0, 0]\n"
	                      "  litigation_after_review: [0, 0, 0, 2]\n");
	const gir_narrative *n = &L.rep->sections[gir_template_section(L.rep->tpl, "overview")->index].text;
	assert_int_equal(n->n, 4);
	assert_string_equal(n->paras[0].text, "2020年，某区统计局收到申请4件，不予公开3件。");
	assert_string_equal(n->paras[1].text, "采购6.0248万元，复议和诉讼4件，诉讼3件，写作{{。");
	assert_true(n->paras[2].heading);
	assert_string_equal(n->paras[2].text, "2");
	loaded_free(&L);
}

static void placeholder_errors(void **state)
{
	(void)state;
	/* Each error at the line and column of the path in the source. */
	static const struct {
		const char *overview;
		int line, col;
		const char *message, *hint;
	} cases[] = {
		{"|\n  第一行\n  全年收到申请{{requests.received.totl}}件。\n", 8, 11,
		 "the placeholder {{requests.received.totl}} names no cell or total",
		 "did you mean requests.received.total (一、本年新收政府信息公开申请数量 · 总计)?"},
		{">\n  第一行\n  全年收到申请{{requests.recieved}}件。\n", 8, 11,
		 "the placeholder {{requests.recieved}} names no cell or total",
		 "did you mean requests.received (一、本年新收政府信息公开申请数量 · 总计)?"},
		{"\"\\t收到\\u7533请{{reqests.received.total}}件\"\n", 6, 25,
		 "the placeholder {{reqests.received.total}} names no cell or total",
		 "did you mean requests.received.total (一、本年新收政府信息公开申请数量 · 总计)?"},
		{"'他''说：收到{{yearr}}'\n", 6, 21, "the placeholder {{yearr}} names no cell or total",
		 "did you mean year?"},
		{"全年收到申请{{ requests.received.total + appeals.reveiw.total }}件\n", 6, 46,
		 "\"appeals.reveiw.total\" in the placeholder {{requests.received.total + appeals.reveiw.total}} "
		 "names no cell or total",
		 "did you mean appeals.review.total (行政复议 · 总计)?"},
		{"全年收到申请{{requests.received.total件\n", 6, 17, "\"{{\" is not closed by \"}}\" on its line",
		 "end it with }} on the same line; for the braces themselves write {{'{{'}}"},
		{"全年收到申请{{ }}件\n", 6, 17, "the placeholder is empty",
		 "name a cell, e.g. {{requests.received.total}}, or write {{year}} or {{agency}}"},
		{"全年{{本年新收政府信息公开申请数量}}件\n", 6, 15,
		 "the placeholder {{本年新收政府信息公开申请数量}} names no cell or total",
		 "did you mean requests.received (一、本年新收政府信息公开申请数量 · 总计)?"},
		{"规章{{proactive.regulations}}件\n", 6, 15,
		 "the placeholder {{proactive.regulations}} names no cell or total",
		 "name a column too: proactive.regulations.made, proactive.regulations.published, "
		 "proactive.regulations.public_total"},
		{"处理决定{{proactive.decisions}}件\n", 6, 17,
		 "the placeholder {{proactive.decisions}} names no cell or total",
		 "name the row too: proactive.licensing.decisions, proactive.other_services.decisions, "
		 "proactive.penalties.decisions, proactive.coercion.decisions"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *src = gir_xasprintf(HEAD2019 "overview: %s", cases[i].overview);
		loaded L = load_report(src);
		assert_null(L.rep);
		const gir_diag *g = expect_diag(L.diags, GIR_ERROR, cases[i].line, cases[i].col, "overview",
		                                cases[i].message);
		assert_non_null(g->hint);
		assert_string_equal(g->hint, cases[i].hint);
		assert_string_equal(g->label, "一、总体情况");
		loaded_free(&L);
		free(src);
	}
}

static void prose_agrees_and_disagrees(void **state)
{
	(void)state;
	const char *tables = "requests:\n  received: [10, 2, 0, 0, 0, 0]\n  granted: [10, 2, 0, 0, 0, 0]\n"
	                     "appeals:\n  review: [1, 1, 0, 0]\n";
	char *src = gir_xasprintf(HEAD2019 "proactive: {}\n%soverview:\n"
	                          "  - 全年共受理政府信息公开申请12件，予以公开12件；行政复议2件，其中结果维持1件。\n",
	                          tables);
	loaded L = load_clean(src);
	loaded_free(&L);
	free(src);

	src = gir_xasprintf(HEAD2019 "proactive: {}\n%soverview:\n"
	                    "  - 全年共受理政府信息公开申请13件，予以公开12件；行政复议3件，其中结果维持1件。\n",
	                    tables);
	L = load_report(src);
	assert_non_null(L.rep); /* warnings only */
	assert_int_equal(gir_diags_count_severity(L.diags, GIR_WARNING), 2);
	const gir_diag *g = expect_diag(L.diags, GIR_WARNING, 13, 18, "requests.received.total",
	                                "the text says 13件 but 一、本年新收政府信息公开申请数量 · 总计 is 12");
	assert_string_equal(g->label, "一、总体情况");
	assert_string_equal(g->hint, "write {{requests.received.total}}件 in place of the number, and the "
	                             "text will always say what the table says");
	/* The note follows its warning and points at the row. */
	const gir_diag *note = g + 1;
	assert_int_equal(note->severity, GIR_NOTE);
	assert_int_equal(note->line, 8);
	assert_int_equal(note->column, 14);
	assert_string_equal(note->message, "the table gives 12 (computed from the cells written here)");
	assert_string_equal(note->label, "三、收到和处理政府信息公开申请情况 · 一、本年新收政府信息公开申请数量 · 总计");
	expect_diag(L.diags, GIR_WARNING, 13, 34, "appeals.review.total",
	            "the text says 3件 but 行政复议 · 总计 is 2");
	/* --strict makes the warnings errors; notes stay notes. */
	loaded_free(&L);
	L = load_report_opt(src, 1);
	assert_null(L.rep);
	assert_int_equal(gir_diags_count_severity(L.diags, GIR_ERROR), 2);
	assert_int_equal(gir_diags_count_severity(L.diags, GIR_NOTE), 2);
	loaded_free(&L);
	free(src);
}

static void prose_amounts_in_yuan(void **state)
{
	(void)state;
	const char *head = "year: 2021\nagency: 某区统计局\ndate: 2022-01-10\nproblems: 无。\n"
	                   "other_matters: 无。\nrequests: {}\nappeals: {}\nproactive:\n  fees: 0.0150\n";
	char *src = gir_xasprintf("%soverview: 收取信息处理费150元，行政事业性收费0.015万元。\n", head);
	loaded L = load_clean(src);
	loaded_free(&L);
	free(src);
	src = gir_xasprintf("%soverview: 收取信息处理费200元，行政事业性收费150元。\n", head);
	L = load_report(src);
	expect_diag(L.diags, GIR_WARNING, 10, 18, "proactive.fees.amount",
	            "the text says 200元 but 行政事业性收费 · 本年收费金额（单位：万元） is 0.0150 (150元), "
	            "which should include it");
	assert_int_equal(gir_diags_count_severity(L.diags, GIR_WARNING), 1);
	loaded_free(&L);
	free(src);
}

/* Notes stay with their warning when diagnostics are printed in order. */
static void notes_follow_their_diagnostic(void **state)
{
	(void)state;
	gir_diags *d = gir_diags_new();
	gir_diag_at(d, "f", (gir_pos){9, 1}, NULL, NULL, NULL, GIR_WARNING, "t", "second");
	gir_diag_at(d, "f", (gir_pos){2, 1}, NULL, NULL, NULL, GIR_NOTE, "t", "note of second");
	gir_diag_at(d, "f", (gir_pos){5, 1}, NULL, NULL, NULL, GIR_ERROR, "t", "first");
	gir_buf out = {0};
	gir_diags_format_text(d, NULL, 0, &out);
	assert_string_equal(out.ptr, "f:5:1: error: first\nf:9:1: warning: second\nf:2:1: note: note of second\n");
	gir_buf_free(&out);
	gir_diags_free(d);
}

/* The words around a number are the template's "prose_words", not C's:
 * an extension that drops 约 from approximate_before reads 约5件 as 5. */
static void prose_words_come_from_the_template(void **state)
{
	(void)state;
	gir_diags *d = gir_diags_new();
	gir_registry *reg = gir_registry_new(d);
	static const char rule[] = "[{\"cell\": \"requests.granted.total\", \"before\": \"准予公开\", "
	                           "\"unit\": \"件\"}]";
	gir_template *t = parse_extension(reg, d, rule);
	assert_non_null(t);
	size_t n;
	gir_prose_hit *h = gir_prose_find(t, "准予公开约5件", strlen("准予公开约5件"), false, &n);
	assert_int_equal(n, 0);
	free(h);
	gir_template_free(t);
	char *json = gir_xasprintf(
		"{\"id\": \"t\", \"extends\": \"gov-2019\", \"prose\": %s, \"prose_words\": "
		"{\"approximate_before\": [\"超过\"], \"approximate_after\": [\"余\"], "
		"\"approximate_after_unit\": [\"左右\"], \"comparisons\": [\"同比\"], \"ordinal\": [\"第\"], "
		"\"list_marks\": [\"、\"], \"counted\": [\"件\"]}}",
		rule);
	t = gir_template_parse("t.json", json, strlen(json), reg, d);
	free(json);
	assert_non_null(t);
	h = gir_prose_find(t, "准予公开约5件", strlen("准予公开约5件"), false, &n);
	assert_int_equal(n, 1);
	assert_int_equal(h[0].said.v, 5);
	free(h);
	gir_template_free(t);
	assert_int_equal(gir_diags_count(d), 0);
	/* Rules need the words; every list must be there. */
	static const char *const bad[][2] = {
		{"{\"id\": \"u\", \"extends\": \"gov-2019\", \"prose_words\": null}",
		 "template: prose_words: required with \"prose\""},
		{"{\"id\": \"u\", \"extends\": \"gov-2019\", \"prose_words\": {\"ordinal\": [\"第\"]}}",
		 "template: prose_words: \"approximate_before\" is required"},
		{"{\"id\": \"u\", \"extends\": \"gov-2019\", \"prose_words\": {\"ordinals\": []}}",
		 "template: prose_words: unknown key \"ordinals\""},
	};
	for (size_t i = 0; i < GIR_ARRAY_LEN(bad); i++) {
		gir_diags *e = gir_diags_new();
		assert_null(gir_template_parse("u.json", bad[i][0], strlen(bad[i][0]), reg, e));
		if (!find_diag(e, bad[i][1]))
			dump_diags(e);
		assert_non_null(find_diag(e, bad[i][1]));
		gir_diags_free(e);
	}
	gir_registry_free(reg);
	gir_diags_free(d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(scanner),
		cmocka_unit_test(scalar_positions),
		cmocka_unit_test(rules_tie_numbers_to_cells),
		cmocka_unit_test(rules_leave_other_numbers_alone),
		cmocka_unit_test(rules_of_gov2021),
		cmocka_unit_test(rules_are_checked_when_loaded),
		cmocka_unit_test(placeholders_are_replaced),
		cmocka_unit_test(placeholder_errors),
		cmocka_unit_test(prose_agrees_and_disagrees),
		cmocka_unit_test(prose_amounts_in_yuan),
		cmocka_unit_test(notes_follow_their_diagnostic),
		cmocka_unit_test(prose_words_come_from_the_template),
	};
	return cmocka_run_group_tests_name("prose", tests, NULL, NULL);
}
