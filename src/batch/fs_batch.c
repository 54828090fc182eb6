#include "fs_batch.h"

#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <time.h>

#include "batch/fs_pipeline.h"
#include "core/fs_alloc.h"

typedef struct {
    const fs_batch *batch;
    fs_job *jobs;
    size_t count;
    const fs_batch_options *options;
    atomic_size_t next; /* the next job to take */
    size_t done;        /* under lock */
    pthread_mutex_t lock;
    pthread_cond_t finished; /* signalled as each job ends */
} shared;

/* One job through the pipeline. */
static fs_job_status render_document(const fs_batch *batch, const fs_job *job, fs_pango *pango,
                                     fs_arena *arena, fs_diags *diags)
{
    fs_bind_input input = {.layout = batch->layout,
                           .data = job->data,
                           .icons = batch->icons,
                           .lang = job->lang,
                           .images = batch->images};
    fs_pipeline_options options = {.output = job->output, .emit = &batch->emit, .dump = job->dump};
    switch (fs_pipeline_run(&input, pango, &options, arena, diags).status) {
    case FS_PIPELINE_DONE:
        return FS_JOB_DONE;
    case FS_PIPELINE_BAD_INPUT:
        return FS_JOB_BAD_INPUT;
    case FS_PIPELINE_FAILED:
        break;
    }
    return FS_JOB_FAILED;
}

static void *work(void *argument)
{
    shared *s = argument;
    PangoFontMap *map = fs_fonts_new_map(s->batch->fonts);
    fs_pango *pango = map ? fs_pango_create(map) : NULL;
    if (map)
        g_object_unref(map);
    fs_arena *arena = fs_arena_create();
    fs_diags *diags = fs_diags_create();
    for (;;) {
        size_t i = atomic_fetch_add(&s->next, 1);
        if (i >= s->count)
            break;
        fs_job *job = &s->jobs[i];
        if (pango && arena && diags) {
            job->status = render_document(s->batch, job, pango, arena, diags);
        } else {
            /* The worker could not set up: no diagnostics can be made, and
             * the summary says so. */
            job->status = FS_JOB_FAILED;
        }
        pthread_mutex_lock(&s->lock);
        if (diags) {
            job->errors = fs_diags_errors(diags);
            job->warnings = fs_diags_warnings(diags);
            if (fs_diags_count(diags) && s->options->report)
                s->options->report(s->options->context, job, diags);
            fs_diags_clear(diags);
        }
        s->done++;
        pthread_cond_signal(&s->finished);
        pthread_mutex_unlock(&s->lock);
        if (arena)
            fs_arena_reset(arena);
    }
    fs_diags_free(diags);
    fs_arena_free(arena);
    fs_pango_free(pango);
    return NULL;
}

bool fs_batch_render(const fs_batch *batch, fs_job *jobs, size_t count,
                     const fs_batch_options *options)
{
    shared s = {.batch = batch, .jobs = jobs, .count = count, .options = options};
    atomic_init(&s.next, 0);
    pthread_mutex_init(&s.lock, NULL);
    pthread_cond_init(&s.finished, NULL);
    size_t workers = options->workers > 0 ? (size_t)options->workers : 1;
    if (workers > count)
        workers = count ? count : 1;
    pthread_t *threads = fs_calloc(workers, sizeof *threads);
    size_t started = 0;
    while (threads && started < workers && pthread_create(&threads[started], NULL, work, &s) == 0)
        started++;
    if (started == 0) {
        free(threads);
        pthread_cond_destroy(&s.finished);
        pthread_mutex_destroy(&s.lock);
        return false;
    }
    /* The calling thread shows progress while the workers render. */
    pthread_mutex_lock(&s.lock);
    while (s.done < count) {
        struct timespec until;
        clock_gettime(CLOCK_REALTIME, &until);
        until.tv_nsec += 100 * 1000 * 1000;
        if (until.tv_nsec >= 1000000000) {
            until.tv_sec++;
            until.tv_nsec -= 1000000000;
        }
        pthread_cond_timedwait(&s.finished, &s.lock, &until);
        /* Under the lock, so a progress line and a job's report never
         * interleave. */
        if (options->progress)
            options->progress(options->context, s.done, count);
    }
    pthread_mutex_unlock(&s.lock);
    for (size_t i = 0; i < started; i++)
        pthread_join(threads[i], NULL);
    free(threads);
    pthread_cond_destroy(&s.finished);
    pthread_mutex_destroy(&s.lock);
    return true;
}
