/* Parallel jobs.  Workers are forked processes (the library keeps no shared
 * state worth the risk of threads, and libharu is not documented thread-
 * safe); each takes one source index at a time from the parent over a pipe
 * and sends back the whole result, which the parent prints in one write, so
 * the messages of two sources never interleave. */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "commands.h"
#include "fileio.h"
#include "jobs.h"

#define MAX_WORKERS 64

typedef struct header {
	uint64_t index;
	int32_t status, outcome;
	uint64_t errlen, outlen;
} header;

typedef struct worker {
	pid_t pid;
	int to, from;          /* pipes: indices to the worker, results back */
	bool busy;
	size_t current;        /* the index it is working on */
} worker;

typedef struct progress {
	bool on;
	size_t n, finished;
	double start;
	const char *const *names;
} progress;

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int gir_processors(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);
	return n < 1 ? 1 : n > MAX_WORKERS ? MAX_WORKERS : (int)n;
}

static void progress_clear(const progress *p)
{
	if (p->on)
		fputs("\r\033[K", stderr);
}

/* "[ 12/100] tongji/2020.yaml  ETA 0:03" */
static void progress_show(const progress *p, size_t current)
{
	if (!p->on)
		return;
	double spent = now() - p->start;
	double left = p->finished ? spent / (double)p->finished * (double)(p->n - p->finished) : 0;
	gir_buf name = {0}; /* a file name may hold an escape sequence: never sent as is */
	gir_put_visible(&name, p->names ? p->names[current] : "");
	fprintf(stderr, "\r\033[K[%*zu/%zu] %.60s", (int)snprintf(NULL, 0, "%zu", p->n), p->finished,
	        p->n, name.ptr ? name.ptr : "");
	gir_buf_free(&name);
	if (p->finished)
		fprintf(stderr, _("  ETA %d:%02d"), (int)left / 60, (int)left % 60);
	fflush(stderr);
}

/* Messages go to a terminal: whatever a job put in them (a file name in
 * "cannot read", say) goes out with its control characters and invalid
 * UTF-8 shown as <U+001B> and <0xFF>, line by line. */
static void put_messages(const char *err, size_t len)
{
	gir_buf b = {0};
	for (size_t i = 0; i < len;) {
		const char *nl = memchr(err + i, '\n', len - i);
		size_t n = nl ? (size_t)(nl - err) - i : len - i;
		char *line = gir_xstrndup(err + i, n);
		gir_put_visible(&b, line);
		free(line);
		if (nl)
			gir_buf_putc(&b, '\n');
		i += n + (nl != NULL);
	}
	if (b.len)
		fwrite(b.ptr, 1, b.len, stderr);
	gir_buf_free(&b);
}

/* Prints one source's result whole (stderr, then stdout) and counts it. */
static void report_result(gir_job_totals *t, progress *p, int status, gir_outcome o,
                          const char *err, size_t errlen, const char *out, size_t outlen)
{
	progress_clear(p);
	if (errlen)
		put_messages(err, errlen);
	if (outlen)
		fwrite(out, 1, outlen, stdout);
	fflush(stdout);
	fflush(stderr);
	t->status = t->status > status ? t->status : status;
	t->done += o == GIR_OUTCOME_DONE;
	t->up_to_date += o == GIR_OUTCOME_UP_TO_DATE;
	t->failed += o == GIR_OUTCOME_FAILED;
	p->finished++;
}

/* Runs jobs first..n-1 in this process, one after the other: with one
 * worker, and for what is left when workers could not start or died. */
static void run_here(size_t first, size_t n, gir_job_fn fn, void *ctx, gir_job_totals *t,
                     progress *p)
{
	for (size_t i = first; i < n; i++) {
		progress_show(p, i);
		gir_job_result r = {0};
		fn(ctx, i, &r);
		report_result(t, p, r.status, r.outcome, r.err.ptr, r.err.len, r.out.ptr, r.out.len);
		gir_buf_free(&r.err);
		gir_buf_free(&r.out);
	}
}

/* A worker: reads an index, runs the job, sends the result; until EOF. */
static void worker_main(int in, int out, gir_job_fn fn, void *ctx)
{
	uint64_t index;
	while (gir_read_full(in, &index, sizeof index) == 0) {
		gir_job_result r = {0};
		fn(ctx, (size_t)index, &r);
		header h = {index, r.status, (int32_t)r.outcome, r.err.len, r.out.len};
		if (gir_write_full(out, &h, sizeof h) || gir_write_full(out, r.err.ptr, r.err.len) ||
		    gir_write_full(out, r.out.ptr, r.out.len))
			_exit(2);
		gir_buf_free(&r.err);
		gir_buf_free(&r.out);
	}
	_exit(0);
}

/* A new worker must not hold the pipes of the ones before it, or they would
 * never see end-of-file when the parent closes theirs. */
static int start_worker(worker *ws, int k, gir_job_fn fn, void *ctx)
{
	worker *w = &ws[k];
	int down[2], up[2];
	if (pipe(down) != 0)
		return -1;
	if (pipe(up) != 0) {
		close(down[0]), close(down[1]);
		return -1;
	}
	fflush(NULL);
	w->pid = fork();
	if (w->pid < 0) {
		close(down[0]), close(down[1]), close(up[0]), close(up[1]);
		return -1;
	}
	if (w->pid == 0) {
		close(down[1]), close(up[0]);
		for (int i = 0; i < k; i++)
			close(ws[i].to), close(ws[i].from);
		worker_main(down[0], up[1], fn, ctx);
	}
	close(down[0]), close(up[1]);
	w->to = down[1], w->from = up[0], w->busy = false;
	return 0;
}

/* Hands the job *next to an idle worker and advances *next; false when
 * every job has been handed out or the worker's pipe is gone. */
static bool send_next_job(worker *w, size_t *next, size_t n, progress *p)
{
	if (*next >= n)
		return false;
	uint64_t index = *next;
	if (gir_write_full(w->to, &index, sizeof index) != 0)
		return false;
	progress_show(p, *next);
	w->current = (*next)++;
	w->busy = true;
	return true;
}

/* Reads one result from a worker and prints it; -1 when the worker died. */
static int collect(worker *w, gir_job_totals *t, progress *p)
{
	header h;
	if (gir_read_full(w->from, &h, sizeof h) != 0)
		return -1;
	char *err = gir_xmalloc(h.errlen + 1), *out = gir_xmalloc(h.outlen + 1);
	int rc = gir_read_full(w->from, err, h.errlen) || gir_read_full(w->from, out, h.outlen) ? -1 : 0;
	if (rc == 0)
		report_result(t, p, h.status, (gir_outcome)h.outcome, err, h.errlen, out, h.outlen);
	free(err);
	free(out);
	w->busy = false;
	return rc;
}

/* Runs the n jobs on nw forked workers, each given the next job as soon as
 * it returns a result; results are printed in the order they come. */
static void run_workers(size_t n, int nw, gir_job_fn fn, void *ctx, gir_job_totals *t, progress *p)
{
	worker ws[MAX_WORKERS];
	int started = 0;
	signal(SIGPIPE, SIG_IGN); /* a dead worker is reported, not fatal */
	while (started < nw && start_worker(ws, started, fn, ctx) == 0)
		started++;
	if (started == 0) {
		run_here(0, n, fn, ctx, t, p);
		return;
	}
	size_t next = 0;
	for (int i = 0; i < started; i++)
		send_next_job(&ws[i], &next, n, p);
	for (;;) {
		struct pollfd fds[MAX_WORKERS];
		int busy = 0;
		for (int i = 0; i < started; i++) {
			fds[i] = (struct pollfd){ws[i].busy ? ws[i].from : -1, POLLIN, 0};
			busy += ws[i].busy;
		}
		if (!busy)
			break;
		if (poll(fds, (nfds_t)started, -1) < 0 && errno != EINTR)
			break;
		for (int i = 0; i < started; i++) {
			if (!ws[i].busy || !(fds[i].revents & (POLLIN | POLLHUP)))
				continue;
			if (collect(&ws[i], t, p) != 0) {
				progress_clear(p);
				fprintf(stderr, _("%s: error: the worker process building it died\n"),
				        p->names ? p->names[ws[i].current] : "gireport");
				t->status = 2;
				t->failed++;
				ws[i].busy = false;
				continue;
			}
			send_next_job(&ws[i], &next, n, p);
		}
	}
	for (int i = 0; i < started; i++) {
		close(ws[i].to);
		close(ws[i].from);
		waitpid(ws[i].pid, NULL, 0);
	}
	run_here(next, n, fn, ctx, t, p); /* workers died: finish here rather than drop sources */
}

gir_job_totals gir_run_jobs(size_t n, int workers, gir_job_fn fn, void *ctx,
                            const char *const *names, bool show)
{
	gir_job_totals t = {0};
	progress p = {show && n > 1 && isatty(2), n, 0, now(), names};
	if (workers > MAX_WORKERS)
		workers = MAX_WORKERS;
	if ((size_t)workers > n)
		workers = (int)n;
	if (workers <= 1)
		run_here(0, n, fn, ctx, &t, &p);
	else
		run_workers(n, workers, fn, ctx, &t, &p);
	progress_clear(&p);
	return t;
}
