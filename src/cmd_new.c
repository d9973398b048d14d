/* gireport new: prints a skeleton source to fill in. */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "commands.h"
#include "util.h"

int gir_cmd_new(const gir_cli *cli)
{
	gir_registry *reg = gir_load_registry(cli);
	if (!reg)
		return GIR_EXIT_FAILURE;
	/* Reports are written early in the year after the one they describe. */
	time_t now = time(NULL);
	int year = cli->new_year ? cli->new_year : localtime(&now)->tm_year + 1900 - 1;
	const gir_template *t = cli->new_template ? gir_registry_find(reg, cli->new_template)
	                                          : gir_registry_for_year(reg, year);
	int rc = GIR_EXIT_OK;
	if (!t) {
		fprintf(stderr, "gireport: %s; `gireport templates` lists them\n",
		        cli->new_template ? "unknown template" : "no template is meant for that year");
		rc = GIR_EXIT_FAILURE;
	} else {
		gir_buf out = {0};
		gir_template_skeleton(t, year, cli->new_agency, &out);
		fwrite(out.ptr, 1, out.len, stdout);
		gir_buf_free(&out);
	}
	gir_registry_free(reg);
	return rc;
}
