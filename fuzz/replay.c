/* Runs the fuzz entry point over files, without libFuzzer: `make check`
 * replays every past crasher (and the seed corpus) through it, under the
 * sanitizers when built by `make asan`. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int main(int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		FILE *f = fopen(argv[i], "rb");
		if (!f) {
			perror(argv[i]);
			return 2;
		}
		uint8_t *buf = NULL;
		size_t len = 0, cap = 0, k;
		do {
			if (len == cap) {
				cap = cap ? cap * 2 : 4096;
				buf = realloc(buf, cap);
				if (!buf)
					return 2;
			}
			k = fread(buf + len, 1, cap - len, f);
			len += k;
		} while (k > 0);
		fclose(f);
		LLVMFuzzerTestOneInput(buf, len);
		free(buf);
		printf("PASS replay:%s\n", argv[i]);
	}
	return 0;
}
