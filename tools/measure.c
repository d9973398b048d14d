/* Benchmark helper: runs a command N times and prints the mean wall time,
 * the mean CPU time (user and system, of the command and the processes it
 * waited for) and the peak resident set size of the runs (from wait4's
 * rusage).  On a loaded machine the CPU time is the steadier figure.
 * usage: measure N command [args...] */
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
	if (argc < 3) {
		fputs("usage: measure N command [args...]\n", stderr);
		return 2;
	}
	int n = atoi(argv[1]);
	long peak = 0;
	double total = 0, cpu = 0;
	for (int i = 0; i < n; i++) {
		double t0 = now();
		pid_t pid = fork();
		if (pid == 0) {
			freopen("/dev/null", "w", stdout);
			freopen("/dev/null", "w", stderr);
			execvp(argv[2], argv + 2);
			_exit(127);
		}
		int status;
		struct rusage ru;
		if (pid < 0 || wait4(pid, &status, 0, &ru) < 0) {
			perror("measure");
			return 2;
		}
		total += now() - t0;
		cpu += (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec / 1e6 +
		       (double)ru.ru_stime.tv_sec + (double)ru.ru_stime.tv_usec / 1e6;
		if (ru.ru_maxrss > peak)
			peak = ru.ru_maxrss;
		if (!WIFEXITED(status) || WEXITSTATUS(status) > 1) {
			fprintf(stderr, "measure: %s failed\n", argv[2]);
			return 2;
		}
	}
	printf("%.3f ms per run, CPU %.3f ms, peak RSS %.1f MB\n", total / n * 1000, cpu / n * 1000,
	       peak / 1024.0);
	return 0;
}
