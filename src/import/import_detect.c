/* gireport import: the input's format told by its content, and the reader
 * for it.  A report reaches a bureau as a saved web page, a Word file, a
 * PDF or pasted text, and is often named for something else (a .htm saved
 * as .txt, a .docx renamed .doc): the first bytes decide, the name only
 * where the bytes do not. */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "gireport.h"
#include "import.h"
#include "utf8.h"

static bool ends_with(const char *s, const char *tail)
{
	size_t n = strlen(s), k = strlen(tail);
	return n >= k && strcasecmp(s + n - k, tail) == 0;
}

/* An ASCII search in the first bytes, case ignored: HTML says what it is
 * within its first lines. */
static bool has_nocase(const char *s, size_t n, const char *w)
{
	size_t k = strlen(w);
	for (size_t i = 0; i + k <= n; i++)
		if (strncasecmp(s + i, w, k) == 0)
			return true;
	return false;
}

/* A page: its first character (after a byte-order mark and white space) is
 * '<' and an HTML element that only pages have follows within 4 KB; or a
 * file named .htm/.html whose text has such an element anywhere near. */
static bool looks_html(const char *file, const char *s, size_t n)
{
	static const char *const tags[] = {"<!doctype html", "<html", "<head", "<body", "<meta",
	                                   "<title", "<table", "<div", "<p>", "<p ", "<br"};
	size_t i = 0;
	if (n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n'))
		i++;
	bool named = ends_with(file, ".htm") || ends_with(file, ".html") || ends_with(file, ".shtml");
	if (i >= n || (s[i] != '<' && !named))
		return false;
	size_t window = n - i < 4096 ? n - i : 4096;
	for (size_t t = 0; t < sizeof tags / sizeof *tags; t++)
		if (has_nocase(s + i, window, tags[t]))
			return true;
	return false;
}

imp_format imp_detect(const char *file, const char *text, size_t len)
{
	if (len >= 5 && memcmp(text, "%PDF-", 5) == 0)
		return IMP_FMT_PDF;
	if (len >= 8 && memcmp(text, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) == 0)
		return IMP_FMT_OLE2;
	if (len >= 4 && memcmp(text, "PK\x03\x04", 4) == 0)
		return IMP_FMT_DOCX; /* the reader says when it is a zip of something else */
	/* "Save as single file web page" (IE, Word): the page is a MIME part. */
	if (has_nocase(text, len < 1024 ? len : 1024, "multipart/related") &&
	    has_nocase(text, len < 1024 ? len : 1024, "MIME-Version:"))
		return IMP_FMT_MHT;
	if (looks_html(file ? file : "", text, len))
		return IMP_FMT_HTML;
	return IMP_FMT_TEXT;
}

static int refuse(imp_doc *doc, const char *hint, gir_severity s, const char *id, const char *what)
{
	gir_diag_at(doc->diags, doc->file, (gir_pos){0, 0}, NULL, NULL, hint, s, id, "%s", _(what));
	return -1;
}

int imp_read_input(imp_doc *doc, const char *text, size_t len)
{
	char hint[512];
	switch (imp_detect(doc->file, text, len)) {
	case IMP_FMT_HTML:
		return imp_read_html(doc, text, len);
	case IMP_FMT_DOCX:
		return imp_read_docx(doc, text, len);
	case IMP_FMT_PDF: { /* its text as a copy from Word gives it (import_pdf.c) */
		gir_buf plain = {0};
		int rc = gir_pdf_text(doc->file, text, len, &plain, doc->diags);
		if (rc == 0)
			rc = imp_scan(doc, plain.ptr ? plain.ptr : "", plain.len);
		gir_buf_free(&plain);
		return rc;
	}
	case IMP_FMT_OLE2:
		snprintf(hint, sizeof hint, _("convert it first: libreoffice --headless --convert-to docx %s"),
		         doc->file);
		return refuse(doc, hint, GIR_MSG(ERROR, import_word97,
		              "a Word 97–2003 (.doc) or WPS (.wps) file: gireport reads .docx, web pages and text"));
	case IMP_FMT_MHT:
		return refuse(doc, _("open it in a browser and save it as a web page, HTML only (.html)"),
		              GIR_MSG(ERROR, import_mht, "a web archive (.mht): gireport reads the page saved as .html"));
	case IMP_FMT_TEXT:
		break;
	}
	return imp_scan(doc, text, len);
}

int gir_import_quotable(const char *file, const char *text, size_t len)
{
	imp_format f = imp_detect(file, text, len);
	return f == IMP_FMT_TEXT || (f == IMP_FMT_HTML && gir_utf8_invalid_at(text, len) == (size_t)-1);
}
