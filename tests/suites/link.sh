#!/bin/sh
# The library links like any other (issue 16): libgireport.a defines no
# symbol of zlib or libharu (it once replaced deflateInit_, HPDF_MemCpy and
# HPDF_MemSet), and the command line links against the static zlib, libz.a,
# and still writes a PDF that reads back.
BUILD=${BUILD:-build}
LIB=$BUILD/libgireport.a
SUITE=link
. tests/lib.sh

libdir=$(pkg-config --variable=libdir zlib 2>/dev/null)
[ -n "$libdir" ] || libdir=/usr/lib/$(gcc -print-multiarch 2>/dev/null)
defined() { nm -g --defined-only "$1" 2>/dev/null | awk 'NF == 3 { print $3 }' | sort -u; }
dyn_defined() { nm -D --defined-only "$1" 2>/dev/null | awk 'NF == 3 { print $3 }' | sed 's/@.*//' | sort -u; }

defined "$LIB" >"$tmp/ours"
dyn_defined "$libdir/libz.so" >"$tmp/zlib"
hpdf=$(ls "$libdir"/libhpdf*.so 2>/dev/null | head -1)
dyn_defined "$hpdf" >"$tmp/hpdf"
t library-defines-symbols '[ $(wc -l <"$tmp/ours") -gt 100 ] && grep -qx gir_render_pdf "$tmp/ours"'
t zlib-symbols-listed '[ $(wc -l <"$tmp/zlib") -gt 50 ] && grep -qx deflateInit_ "$tmp/zlib"'
t libharu-symbols-listed '[ $(wc -l <"$tmp/hpdf") -gt 300 ] && grep -qx HPDF_MemCpy "$tmp/hpdf"'
t no-zlib-symbol-in-library '! comm -12 "$tmp/ours" "$tmp/zlib" | grep .'
t no-libharu-symbol-in-library '! comm -12 "$tmp/ours" "$tmp/hpdf" | grep .'
# Every external name in the library's own prefixes (gir_; pdf_ and imp_ for
# the PDF writer's and the importer's internals).
# (A sanitizer build adds its own __odr_asan. names.)
t library-names-prefixed '! grep -Ev "^(gir_|pdf_|imp_|__odr_asan\.)" "$tmp/ours"'

# The command line's objects, as the Makefile lists them.
cli=
for c in $(sed -e ':a' -e '/\\$/N; s/\\\n//; ta' Makefile | sed -n 's/^CLI_SRC *:= *//p'); do
	cli="$cli $BUILD/$c.o"
done
# Every other library the Makefile links (LINK_PKGS), without zlib's -lz.
pkgs=$(sed -n 's/^LINK_PKGS *:= *//p' Makefile | sed 's/\<zlib\>//')
libs="$(pkg-config --libs $pkgs | sed 's/ -lz\>//g') -lhpdf -lm"
# The sanitizer build links with its runtime, as the Makefile links it.
nm "$LIB" 2>/dev/null | grep -q " U __asan_" && libs="-fsanitize=address,undefined $libs"
# poppler-glib (with cairo and gio) is opened by the PDF reader on the first
# PDF, not linked: loading it cost every run 7 ms (docs/import.md, "PDF").
t poppler-not-linked '! ldd "$BUILD/gireport" | grep -E "libpoppler|libcairo|libgio"'
t pdf-reader-opens-poppler '"$BUILD/gireport" import tests/real/js-huaian-2024.pdf 2>/dev/null | grep -q "^agency: 淮安市人民政府"'
# libxml2 (with ICU and libstdc++) likewise, by the readers of web pages and
# Word files on the first of those: loading it cost every run 1 ms.  (Not
# libstdc++ itself: a sanitizer build's runtime links it.)
t libxml2-not-linked '! ldd "$BUILD/gireport" | grep -E "libxml2|libicu"'
t page-reader-opens-libxml2 '"$BUILD/gireport" import tests/real/fj-pingtan-2019.html 2>/dev/null | grep -q "^agency: 平潭综合实验区"'
t docx-reader-opens-libxml2 '"$BUILD/gireport" import tests/real/fj-pingtan-2019.lo.docx 2>/dev/null | grep -q "^agency: 平潭综合实验区"'

t static-zlib-link '[ -n "$cli" ] && ${CC:-cc} $cli "$LIB" $libs "$libdir/libz.a" -o "$tmp/gireport-static-z"'
t static-zlib-defines-deflate 'nm "$tmp/gireport-static-z" | grep -q " T deflateInit_$"'
t static-zlib-builds-pdf '"$tmp/gireport-static-z" build -f pdf -o "$tmp" examples/lvyuan-tongji-2020.yaml &&
	pdftotext "$tmp/lvyuan-tongji-2020.pdf" - | grep -q 政府信息公开'
