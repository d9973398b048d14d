/* Test helper for the JSON output (tests/suites/json.sh): checks that a file
 * is valid JSON and prints or compares the value at a path, numbers exactly
 * as the file writes them (6.0248, 12.50), which a double would not keep.
 *
 * usage: jsoncheck FILE                    valid JSON, or exit 1
 *        jsoncheck FILE PATH               print the value at PATH
 *        jsoncheck FILE PATH EXPECTED      compare it with EXPECTED
 *        jsoncheck FILE -                  compare "PATH EXPECTED" lines from stdin
 *
 * PATH: members and elements, "sections[2].rows.withheld.values.total";
 * an array element may be chosen by a string member, "sections[id=appeals]";
 * a trailing "#" counts members ("sections[0].paragraphs#"), a trailing "@"
 * lists an object's keys, comma-separated.  Strings print decoded, other
 * scalars as written, an array as its elements comma-separated.  Exit 0 on
 * a match, 1 on a mismatch or a missing path, 2 on a usage or I/O error. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cJSON.h>

#define NUM_MARK '\x01' /* prefix of a number kept as its text */

static char *read_all(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	size_t cap = 1 << 16, len = 0, n;
	char *s = malloc(cap);
	while (s && (n = fread(s + len, 1, cap - len - 1, f)) > 0) {
		len += n;
		if (len + 1 == cap)
			s = realloc(s, cap *= 2);
	}
	fclose(f);
	if (s)
		s[len] = '\0';
	return s;
}

/* RFC 8259: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)? */
static size_t number_length(const char *s)
{
	const char *p = s;
	p += *p == '-';
	if (*p == '0')
		p++;
	else if (*p >= '1' && *p <= '9')
		while (*p >= '0' && *p <= '9')
			p++;
	else
		return 0;
	if (*p == '.') {
		if (!(p[1] >= '0' && p[1] <= '9'))
			return 0;
		for (p++; *p >= '0' && *p <= '9'; p++)
			;
	}
	if (*p == 'e' || *p == 'E') {
		p++;
		p += *p == '+' || *p == '-';
		if (!(*p >= '0' && *p <= '9'))
			return 0;
		while (*p >= '0' && *p <= '9')
			p++;
	}
	return (size_t)(p - s);
}

/* The same document with every number turned into the string "\u0001TEXT",
 * so that the parsed tree keeps the text.  NULL for a malformed number. */
static char *numbers_as_text(const char *s)
{
	char *out = malloc(strlen(s) * 9 + 1), *o = out;
	int in_string = 0;
	while (*s) {
		if (in_string) {
			if (*s == '\\' && s[1])
				*o++ = *s++;
			else if (*s == '"')
				in_string = 0;
			*o++ = *s++;
		} else if (*s == '"') {
			in_string = 1;
			*o++ = *s++;
		} else if (*s == '-' || (*s >= '0' && *s <= '9')) {
			size_t n = number_length(s);
			if (!n || strchr("+-.eE0123456789", s[n])) {
				free(out);
				return NULL;
			}
			o += sprintf(o, "\"\\u0001%.*s\"", (int)n, s);
			s += n;
		} else {
			*o++ = *s++;
		}
	}
	*o = '\0';
	return out;
}

/* Follows one path; NULL when it names nothing.  *tail gets '#', '@' or 0. */
static const cJSON *find(const cJSON *root, const char *path, char *tail)
{
	const cJSON *cur = root;
	char name[256];
	*tail = 0;
	for (const char *p = path; cur && *p;) {
		if (*p == '.') {
			p++;
			continue;
		}
		if ((*p == '#' || *p == '@') && !p[1]) {
			*tail = *p;
			break;
		}
		if (*p == '[') {
			const char *end = strchr(p, ']');
			if (!end || end - p - 1 >= (long)sizeof name)
				return NULL;
			memcpy(name, p + 1, (size_t)(end - p - 1));
			name[end - p - 1] = '\0';
			char *eq = strchr(name, '=');
			if (eq) {
				*eq = '\0';
				const cJSON *el, *found = NULL;
				cJSON_ArrayForEach(el, cur)
				{
					const cJSON *m = cJSON_GetObjectItemCaseSensitive(el, name);
					if (!found && cJSON_IsString(m) && strcmp(m->valuestring, eq + 1) == 0)
						found = el;
				}
				cur = found;
			} else {
				cur = cJSON_IsArray(cur) ? cJSON_GetArrayItem(cur, atoi(name)) : NULL;
			}
			p = end + 1;
			continue;
		}
		size_t n = strcspn(p, ".[#@");
		if (n >= sizeof name)
			return NULL;
		memcpy(name, p, n);
		name[n] = '\0';
		cur = cJSON_IsObject(cur) ? cJSON_GetObjectItemCaseSensitive(cur, name) : NULL;
		p += n;
	}
	return cur;
}

/* The value as the tests compare it; the caller frees it. */
static char *show(const cJSON *v, char tail)
{
	char *s = malloc(1 << 16);
	if (tail == '#') {
		sprintf(s, "%d", cJSON_GetArraySize(v));
	} else if (tail == '@') {
		s[0] = '\0';
		const cJSON *m;
		cJSON_ArrayForEach(m, v)
		{
			if (m->string && strlen(s) + strlen(m->string) + 2 < (1 << 16))
				strcat(strcat(s, *s ? "," : ""), m->string);
		}
	} else if (cJSON_IsString(v) && v->valuestring[0] == NUM_MARK) {
		snprintf(s, 1 << 16, "%s", v->valuestring + 1);
	} else if (cJSON_IsString(v)) {
		snprintf(s, 1 << 16, "%s", v->valuestring);
	} else if (cJSON_IsBool(v)) {
		strcpy(s, cJSON_IsTrue(v) ? "true" : "false");
	} else if (cJSON_IsNull(v)) {
		strcpy(s, "null");
	} else if (cJSON_IsArray(v)) { /* its elements, comma-separated */
		s[0] = '\0';
		const cJSON *el;
		cJSON_ArrayForEach(el, v)
		{
			char *e = show(el, 0);
			if (strlen(s) + strlen(e) + 2 < (1 << 16))
				strcat(strcat(s, el == v->child ? "" : ","), e);
			free(e);
		}
	} else {
		strcpy(s, "{object}");
	}
	return s;
}

/* 0 when the value at path is `expected` (or, without one, printed). */
static int check(const cJSON *root, const char *path, const char *expected)
{
	char tail;
	const cJSON *v = find(root, path, &tail);
	if (!v) {
		printf("%s: no such path\n", path);
		return 1;
	}
	char *got = show(v, tail);
	int rc = 0;
	if (!expected)
		printf("%s\n", got);
	else if (strcmp(got, expected) != 0) {
		printf("%s: expected %s, got %s\n", path, expected, got);
		rc = 1;
	}
	free(got);
	return rc;
}

int main(int argc, char **argv)
{
	if (argc < 2 || argc > 4) {
		fputs("usage: jsoncheck FILE [PATH [EXPECTED] | -]\n", stderr);
		return 2;
	}
	char *text = read_all(argv[1]);
	if (!text) {
		perror(argv[1]);
		return 2;
	}
	const char *end = NULL;
	cJSON *plain = cJSON_ParseWithOpts(text, &end, 1);
	char *marked = plain ? numbers_as_text(text) : NULL;
	cJSON *root = marked ? cJSON_Parse(marked) : NULL;
	int rc = 0;
	if (!plain) {
		printf("%s: not valid JSON at byte %ld\n", argv[1], end ? (long)(end - text) : -1L);
		rc = 1;
	} else if (!root) {
		printf("%s: a number is not written as JSON requires\n", argv[1]);
		rc = 1;
	} else if (argc == 3 && strcmp(argv[2], "-") == 0) {
		char line[4096];
		while (fgets(line, sizeof line, stdin)) {
			line[strcspn(line, "\n")] = '\0';
			char *sp = strchr(line, ' ');
			if (!*line)
				continue;
			if (sp)
				*sp++ = '\0';
			rc |= check(root, line, sp ? sp : "");
		}
	} else if (argc >= 3) {
		rc = check(root, argv[2], argc == 4 ? argv[3] : NULL);
	}
	cJSON_Delete(plain);
	cJSON_Delete(root);
	free(marked);
	free(text);
	return rc;
}
