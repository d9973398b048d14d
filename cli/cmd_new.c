/* gireport new: prints a skeleton source to fill in. */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "commands.h"

/* Where `make install` puts the schemas (`make schemas`); the Makefile
 * defines it from PREFIX. */
#ifndef GIR_SCHEMA_DIR
#define GIR_SCHEMA_DIR "/usr/local/share/gireport/schemas"
#endif

const gir_template *gir_cli_template(const gir_cli *cli, const gir_registry *reg, const char *id,
                                     int *year)
{
	/* Reports are written early in the year after the one they describe. */
	time_t now = time(NULL);
	*year = cli->new_year ? cli->new_year : localtime(&now)->tm_year + 1900 - 1;
	if (!id)
		id = cli->new_template;
	const gir_template *t = id ? gir_registry_find(reg, id) : gir_registry_for_year(reg, *year);
	if (!t)
		fputs(id ? _("gireport: unknown template; `gireport templates` lists them\n")
		         : _("gireport: no template is meant for that year; `gireport templates` lists them\n"),
		      stderr);
	return t;
}

/* The line by which yaml-language-server (VS Code, Neovim) finds the
 * template's JSON Schema, to check and complete the file as it is typed. */
static void schema_line(const gir_cli *cli, const gir_template *t, gir_buf *out)
{
	if (cli->new_schema && !*cli->new_schema)
		return;
	gir_buf_puts(out, "# yaml-language-server: $schema=");
	if (cli->new_schema)
		gir_buf_printf(out, "%s\n", cli->new_schema);
	else
		gir_buf_printf(out, "%s/%s.schema.json\n", GIR_SCHEMA_DIR, gir_template_id(t));
}

int gir_cmd_new(const gir_cli *cli)
{
	gir_registry *reg = gir_load_registry(cli);
	if (!reg)
		return GIR_EXIT_FAILURE;
	int year;
	const gir_template *t = gir_cli_template(cli, reg, NULL, &year);
	int rc = GIR_EXIT_OK;
	if (!t) {
		rc = GIR_EXIT_FAILURE;
	} else {
		gir_buf out = {0};
		schema_line(cli, t, &out);
		gir_template_skeleton(t, year, cli->new_agency, &out);
		fwrite(out.ptr, 1, out.len, stdout);
		gir_buf_free(&out);
	}
	gir_registry_free(reg);
	return rc;
}
