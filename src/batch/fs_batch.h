/* Batch: many documents from what one run loaded, on worker threads. Each
 * worker has its own text context (pango font maps are not thread-safe) and
 * its own document arena, reset between documents; the layout, tables,
 * catalogs, formatters and fonts are shared read-only. */
#ifndef FS_BATCH_H
#define FS_BATCH_H

#include <stdbool.h>
#include <stddef.h>

#include "bind/fs_lang.h"
#include "core/fs_diag.h"
#include "emit/fs_emit.h"
#include "load/fs_dataset.h"
#include "load/fs_fonts.h"
#include "load/fs_icons.h"
#include "load/fs_image.h"
#include "load/fs_layout.h"

typedef enum {
    FS_JOB_PENDING,
    FS_JOB_DONE,
    FS_JOB_BAD_INPUT, /* binding failed: a cell, a placeholder, a translation */
    FS_JOB_FAILED     /* placing or writing failed */
} fs_job_status;

/* One document to render, and what came of it. */
typedef struct {
    const fs_dataset *data;
    const fs_lang *lang;
    const char *output;
    const char *dump;  /* --dump-boxes path, or NULL */
    const char *label; /* names the document in messages: "Mali, fr" */
    fs_job_status status;
    size_t errors, warnings;
} fs_job;

/* What every document shares. */
typedef struct {
    const fs_layout *layout;
    const fs_icons *icons;
    fs_images *images; /* shared by the workers; thread-safe */
    const fs_fonts *fonts;
    fs_emit_options emit;
} fs_batch;

typedef struct {
    int workers; /* threads, at least 1 */
    /* Called with a job's diagnostics as soon as it is done, one call at a
     * time (under a lock), from a worker thread; may be NULL. */
    void (*report)(void *context, const fs_job *job, const fs_diags *diags);
    /* Called on the calling thread about ten times a second, and once at
     * the end, with how many jobs are done (never at the same time as
     * report); may be NULL. */
    void (*progress)(void *context, size_t done, size_t total);
    void *context;
} fs_batch_options;

/* Renders every job, filling in its status and counts. False only when
 * the workers could not be started (then no job ran). */
bool fs_batch_render(const fs_batch *batch, fs_job *jobs, size_t count,
                     const fs_batch_options *options);

#endif
