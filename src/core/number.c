/* Values are kept as scaled 64-bit integers, never as double: 6.0248 万元 is
 * rendered as 6.0248, and sums are exact. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cn.h"
#include "i18n.h"
#include "number.h"
#include "utf8.h"
#include "util.h"

#define MAX_SCALE 6
#define LIMIT_HINT _("a value in a report is at most 10^12; check for extra digits")

/* Real reports print these where a row does not apply; "--", "－" and "–"
 * are what conversions of them leave (docs/format.md, "Not applicable"). */
const char *const gir_na_spellings[] = {
	NULL, "/", "\xEF\xBC\x8F" /* ／ */, "-", "--", "\xEF\xBC\x8D" /* － */,
	"\xE2\x80\x94" /* — */, "\xE2\x80\x94\xE2\x80\x94" /* —— */, "\xE2\x80\x93" /* – */,
	"\xE6\x97\xA0" /* 无 */, NULL,
};

int gir_na_spelling(const char *text)
{
	while (*text == ' ')
		text++;
	size_t n = strlen(text);
	while (n && text[n - 1] == ' ')
		n--;
	for (int i = 1; gir_na_spellings[i]; i++)
		if (strlen(gir_na_spellings[i]) == n && strncmp(text, gir_na_spellings[i], n) == 0)
			return i;
	return 0;
}

bool gir_parse_decimal(const char *s, gir_value *out)
{
	const char *p = s;
	bool neg = false;
	if (*p == '-' || *p == '+')
		neg = *p++ == '-';
	if (!isdigit((unsigned char)*p))
		return false;
	int64_t v = 0;
	int scale = 0, digits = 0;
	bool point = false;
	for (; *p; p++) {
		if (*p == '.' && !point) {
			point = true;
			if (!isdigit((unsigned char)p[1]))
				return false;
			continue;
		}
		if (!isdigit((unsigned char)*p))
			return false;
		if (++digits > 18)
			return false;
		v = v * 10 + (*p - '0');
		scale += point;
	}
	*out = (gir_value){.v = neg ? -v : v, .scale = scale};
	return true;
}


/* Full-width digits and punctuation typed with a Chinese IME, as ASCII. */
static char *ascii_from_fullwidth(const char *s, bool *changed)
{
	gir_buf b = {0};
	*changed = false;
	size_t n = strlen(s);
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		size_t k = gir_utf8_decode(s + i, n - i, &cp);
		if (k == 0)
			k = 1, cp = '?';
		char a = cp == 0x3002 ? '.' : gir_cn_ascii(cp); /* 。 as a decimal point too */
		if (a && a != '+' && a != ',') {
			gir_buf_putc(&b, a);
			*changed = true;
		} else {
			gir_buf_put(&b, s + i, k);
		}
		i += k;
	}
	return gir_buf_detach(&b);
}

static char *without_separators(const char *s)
{
	gir_buf b = {0};
	for (const char *p = s; *p; p++) {
		if (*p == ',' || *p == '_' || *p == ' ')
			continue;
		if (strncmp(p, "，", 3) == 0) {
			p += 2;
			continue;
		}
		gir_buf_putc(&b, *p);
	}
	return gir_buf_detach(&b);
}

static const char *type_word(gir_cell_type t)
{
	switch (t) {
	case GIR_DELTA: return _("a whole number (negative for a decrease)");
	case GIR_AMOUNT: return _("an amount such as 6.0248");
	default: return _("a whole number of 0 or more");
	}
}

static bool fail(char **msg, char **hint, char *m, char *h)
{
	*msg = m;
	*hint = h;
	return false;
}

/* Range and type checks on a correctly written number. */
static bool check_range(const char *text, gir_value v, gir_cell_type t, char **msg,
                        char **hint)
{
	if (v.scale > 0 && t != GIR_AMOUNT) {
		return fail(msg, hint, gir_xasprintf(_("\"%s\" is not a whole number"), text),
		            gir_xasprintf(_("counts are whole numbers; write %s"), type_word(t)));
	}
	if (v.scale > MAX_SCALE)
		return fail(msg, hint, gir_xasprintf(_("\"%s\" has more than %d decimal places"), text, MAX_SCALE),
		            NULL);
	if (text[0] == '-' && t != GIR_DELTA)
		return fail(msg, hint, gir_xasprintf(_("\"%s\" is negative"), text),
		            gir_xstrdup(_("only an increase/decrease (增/减) column may be negative; counts and amounts are 0 or more")));
	int64_t mag = v.v < 0 ? -v.v : v.v;
	if (mag > GIR_VALUE_MAX * gir_pow10(v.scale))
		return fail(msg, hint, gir_xasprintf(_("\"%s\" is beyond the limit of %s10^12"), text,
		                                     v.v < 0 ? "-" : ""),
		            gir_xstrdup(LIMIT_HINT));
	if (text[0] == '+' && t != GIR_DELTA)
		return fail(msg, hint, gir_xasprintf(_("\"%s\" has a plus sign"), text),
		            gir_xasprintf(_("write %s"), text + 1));
	const char *d = text + (text[0] == '-' || text[0] == '+');
	if (d[0] == '0' && isdigit((unsigned char)d[1])) {
		char plain[48];
		gir_value_format(v, plain, sizeof plain);
		return fail(msg, hint, gir_xasprintf(_("\"%s\" has a leading zero"), text),
		            gir_xasprintf(_("write %s without the leading zero (YAML may read it as octal)"),
		                          plain));
	}
	return true;
}

static bool ends_with_point(const char *text)
{
	size_t n = strlen(text);
	gir_value v;
	if (n < 2 || text[n - 1] != '.')
		return false;
	char *head = gir_xstrndup(text, n - 1);
	bool ok = gir_parse_decimal(head, &v);
	free(head);
	return ok;
}

static bool all_digits(const char *s)
{
	for (; *s; s++)
		if (!isdigit((unsigned char)*s))
			return false;
	return true;
}

/* "128条", "2020年", "6.5万元": a number followed by non-ASCII text. */
static bool number_with_unit(const char *text, gir_value *v)
{
	const char *p = text + (*text == '-');
	while (isdigit((unsigned char)*p) || (*p == '.' && isdigit((unsigned char)p[1])))
		p++;
	if (p == text || !((unsigned char)*p & 0x80))
		return false;
	char *head = gir_xstrndup(text, (size_t)(p - text));
	bool ok = gir_parse_decimal(head, v);
	free(head);
	return ok;
}

/* Explains text that is not a plain decimal number. */
static bool explain(const char *text, gir_cell_type t, char **msg, char **hint)
{
	bool fw;
	char *ascii = ascii_from_fullwidth(text, &fw);
	gir_value v;
	bool ok = false;
	if (fw && gir_parse_decimal(ascii, &v)) {
		bool digits = false;
		for (const char *p = text; *p; p++)
			digits |= strncmp(p, "\xEF\xBC", 2) == 0 && (unsigned char)p[2] >= 0x90 &&
			          (unsigned char)p[2] <= 0x99; /* ０-９ */
		ok = fail(msg, hint, gir_xasprintf(digits ? _("\"%s\" is written with full-width digits")
		                                          : _("\"%s\" is written with full-width punctuation"),
		                                   text),
		          gir_xasprintf(_("switch the input method to half-width (半角) and write %s"), ascii));
		free(ascii);
		return ok;
	}
	char *plain = without_separators(ascii);
	free(ascii);
	if (strcmp(plain, text) != 0 && gir_parse_decimal(plain, &v)) {
		ok = fail(msg, hint, gir_xasprintf(_("\"%s\" has a thousands separator or space"), text),
		          gir_xasprintf(_("write %s"), plain));
	} else if (all_digits(text) && strlen(text) > 18) {
		ok = fail(msg, hint, gir_xasprintf(_("\"%s\" is beyond the limit of 10^12"), text),
		          gir_xstrdup(LIMIT_HINT));
	} else if (number_with_unit(text, &v)) {
		char num[48];
		gir_value_format(v, num, sizeof num);
		ok = fail(msg, hint, gir_xasprintf(_("\"%s\" has a unit or word after the number"), text),
		          gir_xasprintf(_("write %s; the unit is part of the form"), num));
	} else if (text[0] == '.' && isdigit((unsigned char)text[1])) {
		ok = fail(msg, hint, gir_xasprintf(_("\"%s\" has no digit before the point"), text),
		          gir_xasprintf(_("write 0%s"), text));
	} else if (strncmp(text, "0x", 2) == 0 || strncmp(text, "0o", 2) == 0 ||
	           strncmp(text, "0b", 2) == 0) {
		long long x = strtoll(text + 2, NULL, text[1] == 'x' ? 16 : text[1] == 'o' ? 8 : 2);
		ok = fail(msg, hint, gir_xasprintf(_("\"%s\" is not a decimal number"), text),
		          gir_xasprintf(_("write %lld"), x));
	} else if (strpbrk(text, "eE") && strtod(text, NULL) != 0 && isdigit((unsigned char)text[0])) {
		ok = fail(msg, hint, gir_xasprintf(_("\"%s\" uses exponent notation"), text),
		          gir_xasprintf(_("write the number out in full (%.10g)"), strtod(text, NULL)));
	} else if (ends_with_point(text)) {
		ok = fail(msg, hint, gir_xasprintf(_("\"%s\" ends with a point"), text),
		          gir_xasprintf(_("write %.*s"), (int)strlen(text) - 1, text));
	} else if (!*text || strcmp(text, "~") == 0 || strcmp(text, "null") == 0) {
		ok = fail(msg, hint, gir_xasprintf(_("the value is empty (\"%s\")"), text),
		          gir_xstrdup(_("write 0 where there is nothing to report, / where the row does "
		                        "not apply")));
	} else if (strcasecmp(text, ".nan") == 0 || strcasecmp(text, ".inf") == 0 ||
	           strcasecmp(text, "-.inf") == 0 || strcasecmp(text, "nan") == 0 ||
	           strcasecmp(text, "inf") == 0) {
		ok = fail(msg, hint, gir_xasprintf(_("\"%s\" is not a number"), text),
		          gir_xasprintf(C_("kind", "write %s"), type_word(t)));
	} else if (strstr(text, "不适用") || strcasecmp(text, "N/A") == 0 || strcasecmp(text, "NA") == 0) {
		ok = fail(msg, hint, gir_xasprintf(_("expected a number, found \"%s\""), text),
		          gir_xstrdup(_("write / where the row does not apply (or 0 where there is nothing "
		                        "to report)")));
	} else {
		ok = fail(msg, hint, gir_xasprintf(_("expected a number, found \"%s\""), text),
		          gir_xasprintf(C_("kind", "write %s"), type_word(t)));
	}
	free(plain);
	return ok;
}

bool gir_is_unread(const gir_node *n)
{
	return n->kind == GIR_SCALAR && strcmp(n->text, GIR_UNREAD) == 0;
}

bool gir_parse_value(const gir_node *n, gir_cell_type t, gir_value *out, char **msg,
                     char **hint)
{
	*msg = *hint = NULL;
	if (gir_is_unread(n))
		return fail(msg, hint,
		            gir_xasprintf(_("%s: the import could not read this cell of the original"),
		                          GIR_UNREAD),
		            gir_xasprintf(_("write the number the original prints here in place of %s (%s)"),
		                          GIR_UNREAD, type_word(t)));
	if (n->kind == GIR_SCALAR && !n->tag && gir_na_spelling(n->text)) {
		*out = (gir_value){.na = (unsigned char)gir_na_spelling(n->text), .given = true,
		                   .pos = n->pos};
		return true;
	}
	if (n->kind != GIR_SCALAR)
		return fail(msg, hint,
		            gir_xstrdup(n->kind == GIR_SEQ ? _("expected a number, found a list")
		                                           : _("expected a number, found a mapping")),
		            gir_xasprintf(C_("kind", "write %s"), type_word(t)));
	gir_value v;
	if (n->style != GIR_PLAIN) {
		if (gir_parse_decimal(n->text, &v))
			return fail(msg, hint, gir_xasprintf(_("the number \"%s\" is quoted"), n->text),
			            gir_xasprintf(_("write %s without quotes"), n->text));
		return explain(n->text, t, msg, hint);
	}
	if (n->tag)
		return fail(msg, hint, gir_xasprintf(_("the value has a tag (%s)"), n->tag),
		            gir_xstrdup(_("remove the tag")));
	if (!gir_parse_decimal(n->text, &v))
		return explain(n->text, t, msg, hint);
	if (!check_range(n->text, v, t, msg, hint))
		return false;
	v.given = true;
	v.pos = n->pos;
	*out = v;
	return true;
}
