#include "import.h"
int imp_read_docx(imp_doc *doc, const char *data, size_t len)
{
	(void)data, (void)len;
	gir_diag_at(doc->diags, GIR_ERROR, doc->file, (gir_pos){0, 0}, NULL, NULL, NULL, "docx: todo");
	return -1;
}
