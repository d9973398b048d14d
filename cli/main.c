/* gireport: argument parsing only; the commands live in commands.c. */
#include <errno.h>
#include <getopt.h>
#include <libintl.h>
#include <limits.h>
#include <locale.h>
#include <stdbool.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "commands.h"
#include "fileio.h"
#include "gireport.h"

/* TRANSLATORS: keep the command and option names as they are */
static const char usage[] = N_(
	"usage: gireport build [-f txt,md,pdf,docx,ofd,html,json,tree] [-o DIR] [--stdout] [--strict]\n"
	"                      [-j N] [--force] [--font ROLE=PATH[:INDEX]]... [DIR|FILE]...\n"
	"       gireport check [--strict] [-j N] [--diagnostics=text|json] [DIR|FILE]...\n"
	"       gireport summary [-f csv|md|json] [--bom] [DIR|FILE]...\n"
	"       gireport diff [-f txt|md] A.yaml B.yaml\n"
	"       gireport site [-o DIR] [DIR|FILE]...\n"
	"       gireport new [--template T] [--year Y] [--agency NAME] [--schema URL]\n"
	"       gireport schema [TEMPLATE]\n"
	"       gireport import [-o FILE] [--agency NAME] [--year Y] [--template T]\n"
	"                       REPORT.txt|.md|.html|.docx|.pdf|-\n"
	"       gireport import -o DIR [-j N] [--force] [--year Y] [--template T] REPORT...\n"
	"       gireport audit [-f csv|md|json] REPORT|DIR...\n"
	"       gireport templates\n"
	"       gireport --help | --version\n"
	"\n"
	"  -f, --format LIST      output formats, comma-separated (default txt,md,pdf)\n"
	"  -o, --output DIR       write outputs into DIR instead of next to each source\n"
	"                         (import: write the source to FILE instead of stdout)\n"
	"      --stdout           write the (single) format to standard output\n"
	"      --strict           treat warnings as errors\n"
	"      --diagnostics=FMT  text (default, on stderr) or json (one object per line, stdout)\n"
	"      --templates DIR    load more templates from DIR (also GIREPORT_TEMPLATE_PATH)\n"
	"  -j, --jobs N           N sources at a time (default: one per processor)\n"
	"      --force            rebuild outputs that are newer than their sources\n"
	"  -q, --quiet            no progress line and no summary line\n"
	"      --bom              summary -f csv: start with a UTF-8 byte-order mark (Excel)\n"
	"      --schema URL       new: the JSON Schema its first line names for editors\n"
	"                         (default: the installed one; \"\" for no such line)\n"
	"\n"
	"A DIR stands for every *.yaml and *.yml source below it; no DIR or FILE, for the\n"
	"project (the directory holding gireport.yaml, here or above).  N and Y are whole\n"
	"numbers (-j 1 to 1024, --year 1990 to 2100).\n"
	"\n"
	"      --font ROLE=PATH   PDF font for a role: title, heading, subheading, body or\n"
	"                         table; a TrueType .ttf, or a .ttc with :INDEX for the face\n"
	"                         (default 0); overrides the source's fonts:\n"
	"\n"
	"Exit status: 0 success, 1 invalid input, 2 usage, I/O or internal error.\n");

static void on_signal(int sig)
{
	gir_write_abort();
	signal(sig, SIG_DFL);
	raise(sig);
}

#ifndef GIR_LOCALEDIR
#define GIR_LOCALEDIR "/usr/local/share/locale"
#endif

/* Where the message catalogues are, found from the binary's own place:
 * DIR/locale when it runs from the build tree (build/gireport finds
 * build/locale/zh_CN/LC_MESSAGES/gireport.mo, so the tests need no
 * install), DIR/../share/locale when it is installed (under any prefix, or
 * a DESTDIR), else where `make install` put them (GIR_LOCALEDIR). */
static const char *locale_dir(char *buf, size_t size)
{
	static const char *const tries[] = {"/locale", "/../share/locale"};
	const char *probe = "/zh_CN/LC_MESSAGES/gireport.mo";
	ssize_t n = readlink("/proc/self/exe", buf, size - 1);
	char *slash = n > 0 ? (buf[n] = '\0', strrchr(buf, '/')) : NULL;
	for (size_t i = 0; slash && i < sizeof tries / sizeof *tries; i++) {
		if ((size_t)(slash - buf) + strlen(tries[i]) + strlen(probe) >= size)
			break;
		strcpy(slash, tries[i]);
		strcat(slash, probe);
		if (access(buf, R_OK) == 0) {
			slash[strlen(tries[i])] = '\0';
			return buf;
		}
	}
	return GIR_LOCALEDIR;
}

/* LANG, LC_ALL, LC_MESSAGES and LANGUAGE choose the language of messages
 * (gettext's rules).  Only LC_MESSAGES is taken from the environment: the
 * numbers, sorting and character classes gireport writes and reads stay
 * the C locale's, so outputs do not change with the clerk's settings.
 * Output is UTF-8 whatever the locale's charset, as the labels are. */
static void messages_init(void)
{
	char buf[PATH_MAX];
	setlocale(LC_MESSAGES, "");
	bindtextdomain("gireport", locale_dir(buf, sizeof buf));
	bind_textdomain_codeset("gireport", "UTF-8");
	textdomain("gireport");
}

/* --font ROLE=PATH[:INDEX] */
static int set_font(gir_cli *cli, const char *arg)
{
	const char *eq = strchr(arg, '=');
	for (int r = 0; eq && eq[1] && r < GIR_FONT_ROLES; r++)
		if (strlen(gir_font_roles[r]) == (size_t)(eq - arg) &&
		    strncmp(arg, gir_font_roles[r], (size_t)(eq - arg)) == 0) {
			cli->fonts[r] = eq + 1;
			return 0;
		}
	fprintf(stderr, _("gireport: --font %s: expected ROLE=PATH[:INDEX] with ROLE one of "
	        "title, heading, subheading, body, table\n"), arg);
	return -1;
}

static int usage_error(const char *msg)
{
	if (msg)
		fprintf(stderr, "gireport: %s\n", msg);
	fputs(_(usage), stderr);
	return GIR_EXIT_FAILURE;
}

/* The library aborts when memory runs out unless told otherwise (gireport.h):
 * the command line says so, removes its unfinished outputs and exits 2. */
static void out_of_memory(size_t size)
{
	(void)size;
	gir_write_abort();
	static const char msg[] = "gireport: out of memory\n";
	if (write(2, msg, sizeof msg - 1) < 0)
		_exit(GIR_EXIT_FAILURE);
	_exit(GIR_EXIT_FAILURE);
}

/* A whole decimal number in [lo, hi]: "2021x", "" and 4294969317 are not
 * (atoi took the first and wrapped the last to 2021). */
static bool parse_number(const char *s, long lo, long hi, int *out)
{
	char *end;
	errno = 0;
	long v = strtol(s, &end, 10);
	if (errno || end == s || *end || v < lo || v > hi || !(*s >= '0' && *s <= '9'))
		return false;
	*out = (int)v;
	return true;
}

/* --schema goes into the skeleton's first line, a YAML comment: a line
 * break would start a line of YAML of the caller's choosing. */
static bool one_line(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7F)
			return false;
	return true;
}

static int run(int argc, char **argv)
{
	gir_set_oom_handler(out_of_memory);
	static const struct option longopts[] = {
		{"format", required_argument, NULL, 'f'},
		{"output", required_argument, NULL, 'o'},
		{"strict", no_argument, NULL, 's'},
		{"stdout", no_argument, NULL, 'S'},
		{"diagnostics", required_argument, NULL, 'd'},
		{"templates", required_argument, NULL, 't'},
		{"font", required_argument, NULL, 'F'},
		{"jobs", required_argument, NULL, 'j'},
		{"force", no_argument, NULL, 'R'},
		{"quiet", no_argument, NULL, 'q'},
		{"bom", no_argument, NULL, 'B'},
		{"template", required_argument, NULL, 'T'},
		{"year", required_argument, NULL, 'Y'},
		{"agency", required_argument, NULL, 'A'},
		{"schema", required_argument, NULL, 'M'},
		{"help", no_argument, NULL, 'h'},
		{"version", no_argument, NULL, 'V'},
		{NULL, 0, NULL, 0},
	};
	gir_cli cli = {0};
	const char *dirs[16];
	cli.template_dirs = dirs;
	int c;
	/* GNU getopt permutes: options may stand before or after the command. */
	while ((c = getopt_long(argc, argv, "f:o:j:qhV", longopts, NULL)) != -1) {
		switch (c) {
		case 'f': cli.formats = optarg; break;
		case 'o': cli.outdir = optarg; break;
		case 's': cli.strict = 1; break;
		case 'S': cli.to_stdout = 1; break;
		case 'd':
			if (strcmp(optarg, "json") && strcmp(optarg, "text"))
				return usage_error(_("--diagnostics is text or json"));
			cli.json_diagnostics = strcmp(optarg, "json") == 0;
			break;
		case 't':
			if (cli.ntemplate_dirs == GIR_ARRAY_LEN(dirs))
				return usage_error(_("too many --templates"));
			dirs[cli.ntemplate_dirs++] = optarg;
			break;
		case 'F':
			if (set_font(&cli, optarg) != 0)
				return usage_error(NULL);
			break;
		case 'j':
			if (!parse_number(optarg, 1, 1024, &cli.jobs))
				return usage_error(_("-j takes a number of processes, 1 to 1024"));
			break;
		case 'R': cli.force = 1; break;
		case 'q': cli.quiet = 1; break;
		case 'B': cli.bom = 1; break;
		case 'T': cli.new_template = optarg; break;
		case 'Y':
			if (!parse_number(optarg, 1990, 2100, &cli.new_year))
				return usage_error(_("--year takes a report year such as 2021"));
			break;
		case 'A': cli.new_agency = optarg; break;
		case 'M':
			if (!one_line(optarg))
				return usage_error(_("--schema takes one line: a URL or a path"));
			cli.new_schema = optarg;
			break;
		case 'h': fputs(_(usage), stdout); return GIR_EXIT_OK;
		case 'V': puts("gireport " GIR_VERSION); return GIR_EXIT_OK;
		default: return usage_error(NULL);
		}
	}
	if (optind >= argc)
		return usage_error(_("no command given"));
	const char *cmd = argv[optind];
	cli.files = argv + optind + 1;
	cli.nfiles = (size_t)(argc - optind - 1);
	signal(SIGINT, on_signal);
	signal(SIGTERM, on_signal);
	signal(SIGHUP, on_signal);
	if (strcmp(cmd, "build") == 0)
		return gir_cmd_build(&cli);
	if (strcmp(cmd, "check") == 0)
		return gir_cmd_check(&cli);
	if (strcmp(cmd, "summary") == 0)
		return gir_cmd_summary(&cli);
	if (strcmp(cmd, "diff") == 0)
		return gir_cmd_diff(&cli);
	if (strcmp(cmd, "site") == 0)
		return gir_cmd_site(&cli);
	if (strcmp(cmd, "templates") == 0)
		return gir_cmd_templates(&cli);
	if (strcmp(cmd, "new") == 0)
		return gir_cmd_new(&cli);
	if (strcmp(cmd, "schema") == 0)
		return gir_cmd_schema(&cli);
	if (strcmp(cmd, "import") == 0)
		return gir_cmd_import(&cli);
	if (strcmp(cmd, "audit") == 0)
		return gir_cmd_audit(&cli);
	fprintf(stderr, _("gireport: unknown command \"%s\"\n"), cmd);
	return usage_error(NULL);
}

/* Every command's standard output is checked once here, at the end: a full
 * disk or a closed descriptor (`build --stdout > a.pdf`, `new > new.yaml`,
 * `templates > /dev/full`) is exit status 2, never a silent 0 beside a
 * truncated file.  fclose reports what the last flush or close found. */
int main(int argc, char **argv)
{
	messages_init();
	int rc = run(argc, argv);
	bool failed = ferror(stdout) != 0;
	if (fclose(stdout) != 0 || failed) {
		int saved = errno;
		fprintf(stderr, _("gireport: cannot write to standard output: %s\n"),
		        failed && !saved ? "a write failed" : gir_strerror(saved));
		if (rc < GIR_EXIT_FAILURE)
			rc = GIR_EXIT_FAILURE;
	}
	return rc;
}
