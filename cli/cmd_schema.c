/* gireport schema: prints the JSON Schema of a template's sources. */
#include <stdio.h>

#include "commands.h"

int gir_cmd_schema(const gir_cli *cli)
{
	if (cli->nfiles > 1) {
		fputs(_("gireport: schema takes one template id (see `gireport templates`)\n"), stderr);
		return GIR_EXIT_FAILURE;
	}
	gir_registry *reg = gir_load_registry(cli);
	if (!reg)
		return GIR_EXIT_FAILURE;
	int year;
	const gir_template *t = gir_cli_template(cli, reg, cli->nfiles ? cli->files[0] : NULL, &year);
	gir_buf out = {0};
	int rc = t && gir_template_schema(t, &out) == 0 ? GIR_EXIT_OK : GIR_EXIT_FAILURE;
	if (rc == GIR_EXIT_OK && fwrite(out.ptr, 1, out.len, stdout) != out.len)
		rc = GIR_EXIT_FAILURE;
	gir_buf_free(&out);
	gir_registry_free(reg);
	return rc;
}
