/* Running one job per source on several processes, with a progress line on
 * a terminal and each source's messages printed whole. */
#ifndef GIR_JOBS_H
#define GIR_JOBS_H

#include <stdbool.h>
#include <stddef.h>

#include "gireport.h"

typedef enum gir_outcome {
	GIR_OUTCOME_DONE,        /* checked, or built */
	GIR_OUTCOME_UP_TO_DATE,  /* outputs newer than everything they come from */
	GIR_OUTCOME_FAILED
} gir_outcome;

typedef struct gir_job_result {
	int status;              /* exit status for this source: 0, 1 or 2 */
	gir_outcome outcome;
	size_t errors;           /* errors found in the source (gir_session_load) */
	gir_buf err;             /* for stderr, printed in one piece */
	gir_buf out;             /* for stdout, printed in one piece */
} gir_job_result;

typedef void (*gir_job_fn)(void *ctx, size_t index, gir_job_result *r);

typedef struct gir_job_totals {
	size_t done, up_to_date, failed;
	int status;              /* the worst */
} gir_job_totals;

/* Runs fn for every index below n, on `workers` forked processes (1: here),
 * and prints each result as it comes.  `names` label the progress line,
 * shown on a terminal only. */
gir_job_totals gir_run_jobs(size_t n, int workers, gir_job_fn fn, void *ctx,
                            const char *const *names, bool progress);
/* The number of processors, for the default of -j. */
int gir_processors(void);

#endif
