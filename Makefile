# gireport — plain Makefile.  `make deps` installs the Debian packages;
# `make` builds build/gireport; `make check` runs every test suite.

CC       ?= cc
# Linked libraries; poppler-glib, cairo and libxml2 are only compiled against:
# the PDF reader opens poppler-glib with dlopen on the first PDF
# (src/import/import_pdf.c), the readers of web pages and Word files libxml2
# on the first of those (src/import/import_xml.c), by the sonames found here,
# so that no other run pays for loading them.
LINK_PKGS := yaml-0.1 libcjson harfbuzz harfbuzz-subset zlib libdeflate minizip
PKGS     := $(LINK_PKGS) poppler-glib cairo libxml-2.0
POPPLER_GLIB_SO := $(shell objdump -p "$$(pkg-config --variable=libdir poppler-glib 2>/dev/null)/libpoppler-glib.so" \
                     2>/dev/null | sed -n 's/^ *SONAME *//p')
LIBXML2_SO := $(shell objdump -p "$$(pkg-config --variable=libdir libxml-2.0 2>/dev/null)/libxml2.so" \
                2>/dev/null | sed -n 's/^ *SONAME *//p')
CFLAGS   ?= -O2 -g
WARNINGS := -std=c11 -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes
DEFINES  := -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   := $(shell pkg-config --libs $(LINK_PKGS) 2>/dev/null)
# libharu (libhpdf-dev) ships no pkg-config file on Debian 12; use it when present.
HPDF_CFLAGS := $(shell pkg-config --cflags libhpdf 2>/dev/null)
HPDF_LIBS   := $(shell pkg-config --libs libhpdf 2>/dev/null || echo -lhpdf)
# The library's stages, one folder each (README.md, "The code"); the command
# line is cli/.  Object files all go into one flat $(BUILD)/.
SRC_DIRS := src/core src/render src/pdf src/import
INCLUDES := -Iinclude $(SRC_DIRS:%=-I%)
ALL_CFLAGS  = $(WARNINGS) $(DEFINES) $(EXTRA_DEFINES) $(INCLUDES) $(PKG_CFLAGS) $(HPDF_CFLAGS) $(CFLAGS) $(EXTRA_CFLAGS)
# The command line sees the library as any program would: gireport.h only.
CLI_CFLAGS  = $(WARNINGS) $(DEFINES) -Iinclude -Icli $(CFLAGS) $(EXTRA_CFLAGS)
LDLIBS_ALL  = $(PKG_LIBS) $(HPDF_LIBS) -lm $(LDLIBS)

BUILD    ?= build
LIB_SRC  := buf util utf8 cn zipmem diag load template number narrative placeholder prose suggest validate model check previous \
            layout wrap textgrid render_text render_md render_html render_docx render_tree render_json project skeleton \
            pdf_ttf pdf_fonts pdf_table pdf_harufix render_pdf render_ofd figures profile summary diff schema site site_chart \
            import_scan import_runs import_table import_score import import_bridge import_detect import_html import_docx import_xml import_pdf import_pdftext audit
CLI_SRC  := main commands cmd_build cmd_new fileio sources jobs cmd_summary cmd_diff cmd_schema cmd_import \
            cmd_audit cmd_site
TEMPLATES := $(sort $(wildcard templates/*.json))

LIB_OBJ  := $(LIB_SRC:%=$(BUILD)/%.o) $(BUILD)/templates.o
CLI_OBJ  := $(CLI_SRC:%=$(BUILD)/%.o)
BIN      := $(BUILD)/gireport
# Translations (po/LANG.po) and the locales that read them.
LINGUAS  := zh_CN
LOCALES  := zh_CN zh_SG
MO       := $(LOCALES:%=$(BUILD)/locale/%/LC_MESSAGES/gireport.mo)

DEBIAN_PACKAGES := build-essential pkg-config libyaml-dev libcjson-dev libcmocka-dev zlib1g-dev \
                   libhpdf-dev libharfbuzz-dev libpoppler-glib-dev fonts-arphic-uming fonts-arphic-ukai \
                   fonts-wqy-zenhei poppler-utils qpdf valgrind chromium libxml2-utils \
                   mandoc man-db bash-completion git pre-commit python3-jsonschema python3-yaml pandoc \
                   libminizip-dev libxml2-dev libdeflate-dev python3-docx libreoffice-writer-nogui gettext locales

.PHONY: all deps demo check testbins bench regen counts asan valgrind fuzz lint deps-lint clean \
        install uninstall schemas pot

all: $(BIN) $(BUILD)/gireport.1 schemas $(MO)

$(BUILD):
	mkdir -p $(BUILD)

vpath %.c $(SRC_DIRS) cli
HEADERS := include/gireport.h $(wildcard $(SRC_DIRS:%=%/*.h) cli/*.h)

$(BUILD)/%.o: %.c $(HEADERS) | $(BUILD)
	$(CC) $(ALL_CFLAGS) -c $< -o $@

$(BUILD)/import_pdf.o: EXTRA_DEFINES = $(if $(POPPLER_GLIB_SO),-DGIR_POPPLER_GLIB='"$(POPPLER_GLIB_SO)"')
$(BUILD)/import_xml.o: EXTRA_DEFINES = $(if $(LIBXML2_SO),-DGIR_LIBXML2='"$(LIBXML2_SO)"')

$(CLI_OBJ): $(BUILD)/%.o: cli/%.c include/gireport.h $(wildcard cli/*.h) | $(BUILD)
	$(CC) $(CLI_CFLAGS) -c $< -o $@

$(BUILD)/embed: tools/embed.c | $(BUILD)
	$(CC) $(WARNINGS) -O1 $< -o $@

$(BUILD)/templates.c: $(BUILD)/embed $(TEMPLATES)
	$(BUILD)/embed $(TEMPLATES) > $@.tmp && mv $@.tmp $@

$(BUILD)/templates.o: $(BUILD)/templates.c
	$(CC) $(ALL_CFLAGS) -Wno-overlength-strings -c $< -o $@

$(BUILD)/libgireport.a: $(LIB_OBJ)
	rm -f $@ && ar rcs $@ $^

$(BIN): $(CLI_OBJ) $(BUILD)/libgireport.a
	$(CC) $(CFLAGS) $(EXTRA_CFLAGS) $(CLI_OBJ) $(BUILD)/libgireport.a $(LDLIBS_ALL) -o $@

# ---- translations (docs/messages.md) ----------------------------------------

# po/LANG.po are the translations; the binary finds $(BUILD)/locale next to
# itself, so the tests run it uninstalled.  zh_SG reads the zh_CN catalogue
# (Simplified Chinese, which gettext would not find from zh_SG).
XGETTEXT := xgettext --from-code=UTF-8 --language=C --keyword=_ --keyword=N_ \
            --keyword=GIR_MSG:3 --keyword=C_:1c,2 --add-comments=TRANSLATORS: \
            --no-location --sort-output --package-name=gireport --package-version=$(VERSION) \
            --msgid-bugs-address=https://github.com/gireport/gireport/issues

$(BUILD)/locale/zh_CN/LC_MESSAGES/gireport.mo $(BUILD)/locale/zh_SG/LC_MESSAGES/gireport.mo: po/zh_CN.po
	@mkdir -p $(@D)
	msgfmt --check -o $@.tmp po/zh_CN.po && mv $@.tmp $@

# Rewrites po/gireport.pot from the sources and the templates' check
# messages, and merges it into every po/LANG.po (then translate what
# msgfmt --statistics says is untranslated or fuzzy).
pot:
	@mkdir -p $(BUILD)/po
	sh tools/template-messages.sh $(TEMPLATES) > $(BUILD)/po/templates.c
	$(XGETTEXT) -o po/gireport.pot $(SRC_DIRS:%=%/*.c) $(SRC_DIRS:%=%/*.h) cli/*.c cli/*.h \
		$(BUILD)/po/templates.c
	sed -i '/^"POT-Creation-Date:/d' po/gireport.pot
	for l in $(LINGUAS); do msgmerge -q --no-location --sort-output -U --backup=none po/$$l.po po/gireport.pot; done

# ---- man page and install ---------------------------------------------------

# The version is written in one place, GIR_VERSION in include/gireport.h; the
# binary, its JSON "generator" and PDF Creator use it there, the man page here.
VERSION := $(shell sed -n 's/^.define GIR_VERSION "\(.*\)".*/\1/p' include/gireport.h)

$(BUILD)/gireport.1: man/gireport.1 include/gireport.h | $(BUILD)
	sed 's/^\.Os gireport$$/.Os gireport $(VERSION)/' man/gireport.1 > $@.tmp && mv $@.tmp $@

$(BUILD)/zh_CN/gireport.1: man/zh_CN/gireport.1 include/gireport.h | $(BUILD)
	@mkdir -p $(@D)
	sed 's/^\.Os gireport$$/.Os gireport $(VERSION)/' man/zh_CN/gireport.1 > $@.tmp && mv $@.tmp $@

PREFIX  ?= /usr/local
BINDIR  ?= $(PREFIX)/bin
DATADIR ?= $(PREFIX)/share/gireport
MANDIR  ?= $(PREFIX)/share/man
DOCDIR  ?= $(PREFIX)/share/doc/gireport
BASHCOMPDIR ?= $(PREFIX)/share/bash-completion/completions
LOCALEDIR ?= $(PREFIX)/share/locale
DOCS    := $(sort $(wildcard docs/*.md) $(wildcard docs/*.png))
# One JSON Schema per template, written by the `schemas` target.
SCHEMAS := $(TEMPLATES:templates/%.json=%.schema.json)

# Installs what `make` built (nothing is rebuilt here, so `sudo make install`
# after `make` writes nothing into the build directory).  The templates are
# copies to read and to start a local edition from: the binary embeds its own.
install: $(BIN) $(BUILD)/gireport.1 $(BUILD)/zh_CN/gireport.1 schemas $(MO)
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(BASHCOMPDIR) \
		$(DESTDIR)$(MANDIR)/zh_CN/man1 $(LOCALES:%=$(DESTDIR)$(LOCALEDIR)/%/LC_MESSAGES) \
		$(DESTDIR)$(DATADIR)/templates $(DESTDIR)$(DATADIR)/schemas $(DESTDIR)$(DOCDIR)/docs \
		$(DESTDIR)$(DATADIR)/fontconfig
	install -m 755 $(BIN) $(DESTDIR)$(BINDIR)/gireport
	install -m 644 $(BUILD)/gireport.1 $(DESTDIR)$(MANDIR)/man1/gireport.1
	install -m 644 $(BUILD)/zh_CN/gireport.1 $(DESTDIR)$(MANDIR)/zh_CN/man1/gireport.1
	for l in $(LOCALES); do \
		install -m 644 $(BUILD)/locale/$$l/LC_MESSAGES/gireport.mo \
			$(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES/gireport.mo || exit 1; \
	done
	install -m 644 completion/gireport.bash $(DESTDIR)$(BASHCOMPDIR)/gireport
	install -m 644 $(TEMPLATES) $(DESTDIR)$(DATADIR)/templates
	install -m 644 $(SCHEMAS:%=$(BUILD)/schemas/%) $(DESTDIR)$(DATADIR)/schemas
	install -m 755 contrib/pre-commit $(DESTDIR)$(DATADIR)/pre-commit
	install -m 644 contrib/fontconfig/65-gireport.conf $(DESTDIR)$(DATADIR)/fontconfig
	install -m 644 README.md $(DESTDIR)$(DOCDIR)
	install -m 644 $(DOCS) $(DESTDIR)$(DOCDIR)/docs

# Removes what install wrote, and the directories of gireport's own it leaves empty.
uninstall:
	rm -f $(DESTDIR)$(BINDIR)/gireport $(DESTDIR)$(MANDIR)/man1/gireport.1 \
		$(DESTDIR)$(MANDIR)/zh_CN/man1/gireport.1 \
		$(LOCALES:%=$(DESTDIR)$(LOCALEDIR)/%/LC_MESSAGES/gireport.mo) \
		$(DESTDIR)$(BASHCOMPDIR)/gireport $(DESTDIR)$(DATADIR)/pre-commit \
		$(DESTDIR)$(DATADIR)/fontconfig/65-gireport.conf \
		$(TEMPLATES:templates/%=$(DESTDIR)$(DATADIR)/templates/%) \
		$(SCHEMAS:%=$(DESTDIR)$(DATADIR)/schemas/%) \
		$(DESTDIR)$(DOCDIR)/README.md $(DOCS:docs/%=$(DESTDIR)$(DOCDIR)/docs/%)
	for d in $(DESTDIR)$(DATADIR)/templates $(DESTDIR)$(DATADIR)/schemas \
		$(DESTDIR)$(DATADIR)/fontconfig $(DESTDIR)$(DATADIR) \
		$(DESTDIR)$(DOCDIR)/docs $(DESTDIR)$(DOCDIR); do \
		if [ -d $$d ]; then rmdir $$d 2>/dev/null || echo "uninstall: $$d is not empty; left in place"; fi; \
	done

# The JSON Schema of every template, for editors (docs/editors.md): `gireport
# new` names $(DATADIR)/schemas/ID.schema.json in the skeleton's first line.
schemas: $(SCHEMAS:%=$(BUILD)/schemas/%)

$(BUILD)/schemas/%.schema.json: templates/%.json $(BIN)
	@mkdir -p $(@D)
	GIREPORT_TEMPLATE_PATH= $(BIN) schema $* > $@.tmp && mv $@.tmp $@

$(BUILD)/cmd_new.o: CLI_CFLAGS += -DGIR_SCHEMA_DIR='"$(DATADIR)/schemas"'
$(BUILD)/main.o: CLI_CFLAGS += -DGIR_LOCALEDIR='"$(LOCALEDIR)"'
$(BUILD)/main.o: $(BUILD)/datadir

# `gireport new` names the installed schemas, so cmd_new.o is rebuilt when
# DATADIR (PREFIX) differs from the one it was built with.
$(BUILD)/cmd_new.o: $(BUILD)/datadir
$(BUILD)/datadir: FORCE | $(BUILD)
	@echo '$(DATADIR) $(LOCALEDIR)' | cmp -s - $@ || echo '$(DATADIR) $(LOCALEDIR)' > $@
FORCE:

# Installs what building and testing need (Debian 12; run as root or via sudo).
# npm (it fetches the ofd.js reader for tests/suites/ofd.sh) only when there is
# none: Debian's npm conflicts with a nodejs of another origin, which has its own.
deps:
	@missing=$$(for p in $(DEBIAN_PACKAGES); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q 'ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "installing:" $$missing; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
	fi
	@# the Chinese diagnostics' tests run under zh_CN.UTF-8 and zh_SG.UTF-8
	@for l in zh_CN zh_SG; do \
	  locale -a 2>/dev/null | grep -qx "$$l.utf8" && continue; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  echo "generating the $$l.UTF-8 locale"; $$SUDO localedef -i $$l -f UTF-8 $$l.UTF-8 || exit 1; \
	done
	@command -v npm >/dev/null || { SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq npm; }

demo: deps
	$(MAKE) all
	$(BIN) build --force -o $(BUILD) examples/erqi-tongji-2020.yaml
	@echo; cat $(BUILD)/erqi-tongji-2020.txt
	@echo; echo "wrote $(BUILD)/erqi-tongji-2020.txt, .md and .pdf"

# ---- tests ------------------------------------------------------------------

UNIT_TESTS := $(patsubst tests/unit/%.c,$(BUILD)/test_%,$(wildcard tests/unit/*.c))

$(BUILD)/test_%: tests/unit/%.c $(BUILD)/libgireport.a
	$(CC) $(ALL_CFLAGS) $< $(BUILD)/libgireport.a $(LDLIBS_ALL) -lcmocka -o $@

# The API test sees only the public header, as a program using the library would.
$(BUILD)/test_api: tests/unit/api.c include/gireport.h $(BUILD)/libgireport.a
	$(CC) $(WARNINGS) $(DEFINES) -Iinclude $(CFLAGS) $(EXTRA_CFLAGS) $< $(BUILD)/libgireport.a \
		$(LDLIBS_ALL) -lcmocka -o $@

# Replays fuzz/crashers/ and the examples through the fuzz entry point.
$(BUILD)/replay: fuzz/replay.c fuzz/fuzz_report.c $(BUILD)/libgireport.a
	$(CC) $(ALL_CFLAGS) fuzz/replay.c fuzz/fuzz_report.c $(BUILD)/libgireport.a $(LDLIBS_ALL) -o $@

$(BUILD)/replay-import: fuzz/replay.c fuzz/fuzz_import.c $(BUILD)/libgireport.a
	$(CC) $(ALL_CFLAGS) fuzz/replay.c fuzz/fuzz_import.c $(BUILD)/libgireport.a $(LDLIBS_ALL) -o $@

$(BUILD)/replay-template: fuzz/replay.c fuzz/fuzz_template.c $(BUILD)/libgireport.a
	$(CC) $(ALL_CFLAGS) fuzz/replay.c fuzz/fuzz_template.c $(BUILD)/libgireport.a $(LDLIBS_ALL) -o $@

$(BUILD)/replay-project: fuzz/replay.c fuzz/fuzz_project.c $(BUILD)/libgireport.a
	$(CC) $(ALL_CFLAGS) fuzz/replay.c fuzz/fuzz_project.c $(BUILD)/libgireport.a $(LDLIBS_ALL) -o $@

# The DOCX fuzz entry reads its output back with libxml2 (tests only).
$(BUILD)/replay-docx: fuzz/replay.c fuzz/fuzz_docx.c $(BUILD)/libgireport.a
	$(CC) $(ALL_CFLAGS) $(shell pkg-config --cflags libxml-2.0) fuzz/replay.c fuzz/fuzz_docx.c \
		$(BUILD)/libgireport.a $(LDLIBS_ALL) $(shell pkg-config --libs libxml-2.0) -o $@

# The OFD fuzz entry reads its output back with libxml2 too.
$(BUILD)/replay-ofd: fuzz/replay.c fuzz/fuzz_ofd.c $(BUILD)/libgireport.a
	$(CC) $(ALL_CFLAGS) fuzz/replay.c fuzz/fuzz_ofd.c $(BUILD)/libgireport.a $(LDLIBS_ALL) \
		$(shell pkg-config --libs libxml-2.0) -o $@

$(BUILD)/replay-import-html: fuzz/replay.c fuzz/fuzz_import_html.c $(BUILD)/libgireport.a
	$(CC) $(ALL_CFLAGS) fuzz/replay.c fuzz/fuzz_import_html.c $(BUILD)/libgireport.a $(LDLIBS_ALL) -o $@

$(BUILD)/replay-import-docx: fuzz/replay.c fuzz/fuzz_import_docx.c $(BUILD)/libgireport.a
	$(CC) $(ALL_CFLAGS) fuzz/replay.c fuzz/fuzz_import_docx.c $(BUILD)/libgireport.a $(LDLIBS_ALL) -o $@

$(BUILD)/replay-import-pdf: fuzz/replay.c fuzz/fuzz_import_pdf.c $(BUILD)/libgireport.a
	$(CC) $(ALL_CFLAGS) fuzz/replay.c fuzz/fuzz_import_pdf.c $(BUILD)/libgireport.a $(LDLIBS_ALL) -o $@

ASAN_FLAGS := -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all

# Everything the test suites run: the tool, the unit tests, the replayer.
testbins: all $(UNIT_TESTS) $(BUILD)/replay $(BUILD)/replay-import $(BUILD)/replay-template \
          $(BUILD)/replay-project \
          $(BUILD)/replay-docx $(BUILD)/replay-ofd $(BUILD)/replay-import-html \
          $(BUILD)/replay-import-docx $(BUILD)/replay-import-pdf

# The whole suite on the normal build, again under AddressSanitizer + UBSan,
# and valgrind memcheck over the examples and broken sources.
check: deps
	$(MAKE) testbins
	$(MAKE) BUILD=build-asan EXTRA_CFLAGS="$(ASAN_FLAGS)" testbins
	@BUILD=$(BUILD) ASAN_BUILD=build-asan VALGRIND=1 sh tests/run.sh

regen: all
	BUILD=$(BUILD) sh tests/regen.sh

# tests/counts: how many results each suite gives, which tests/run.sh holds
# every run to; rewrite it after adding or removing tests (VALGRIND=1 to
# count the valgrind suite again too) and review the diff.
counts: testbins
	BUILD=$(BUILD) sh tests/run.sh --write-counts

bench: all
	BUILD=$(BUILD) sh tests/bench.sh

# Only the sanitizer run of the suites.
asan:
	$(MAKE) BUILD=build-asan EXTRA_CFLAGS="$(ASAN_FLAGS)" testbins
	BUILD=build-asan sh tests/run.sh

valgrind: all
	BUILD=$(BUILD) sh tests/valgrind.sh

# libFuzzer over the whole pipeline for FUZZ_SECONDS (default 60); needs clang.
fuzz:
	sh fuzz/run.sh

# Static analysis of src/ and cli/: cppcheck and gcc's -fanalyzer, both silent when clean.
lint: deps-lint
	cppcheck -q --error-exitcode=1 --enable=warning,performance,portability --std=c11 \
		--inline-suppr --suppress=missingIncludeSystem $(INCLUDES) -Icli src/ cli/
	@for f in $(SRC_DIRS:%=%/*.c) cli/*.c; do \
		$(CC) $(WARNINGS) $(DEFINES) $(INCLUDES) -Icli $(PKG_CFLAGS) $(HPDF_CFLAGS) -fanalyzer \
			-Werror -c $$f -o /dev/null || exit 1; \
	done
	@echo "lint: cppcheck and gcc -fanalyzer found nothing"

deps-lint:
	@command -v cppcheck >/dev/null || { SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get install -y -qq cppcheck; }

clean:
	rm -rf build build-asan build-fuzz
