#!/bin/sh
# Builds the libFuzzer target with clang and runs it for FUZZ_SECONDS
# (default 60) on 2 workers, starting from the examples and test sources.
# New crashes are written to fuzz/crashers/; add each as a regression case.
set -e
cd "$(dirname "$0")/.."
out=build-fuzz
mkdir -p "$out" fuzz/corpus-work
make -s BUILD="$out" CC=clang \
	EXTRA_CFLAGS="-O1 -g -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined" \
	"$out/libgireport.a"
clang -O1 -g -fsanitize=fuzzer,address,undefined -Iinclude fuzz/fuzz_report.c \
	"$out/libgireport.a" $(pkg-config --libs yaml-0.1 libcjson) $(cat "$out/extra-libs" 2>/dev/null) -o "$out/fuzz_report"
cp examples/*.yaml tests/bad/*.yaml tests/golden/*.yaml fuzz/corpus-work/ 2>/dev/null || true
"$out/fuzz_report" -max_total_time="${FUZZ_SECONDS:-60}" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
	-fork=2 -ignore_crashes=1 -ignore_ooms=1 -ignore_timeouts=1 -artifact_prefix=fuzz/crashers/ -print_final_stats=1 \
	fuzz/corpus-work 2>&1 | tee "$out/fuzz.log" | grep -E "^#|stat::|ERROR|SUMMARY" | tail -20
