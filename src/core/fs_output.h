/* Files written atomically: the bytes go to a temporary file beside the
 * target, which is renamed over it only when everything was written. A
 * failed render never leaves a partial file and never destroys a good one. */
#ifndef FS_OUTPUT_H
#define FS_OUTPUT_H

#include <stdbool.h>
#include <stdio.h>

#include "core/fs_diag.h"

typedef struct {
    char *target;    /* the final path */
    char *temporary; /* where the bytes go meanwhile */
    FILE *file;
    bool failed;
} fs_output;

/* Opens a temporary file in target's folder. False with an error appended
 * when the folder is missing or not writable. */
bool fs_output_open(fs_output *out, const char *target, fs_diags *diags);

/* Appends bytes to the temporary file; false (and the output marked
 * failed) when the write fails. */
bool fs_output_write(fs_output *out, const void *data, size_t length);

/* The temporary file's path, for libraries that write to a path of their
 * own: close the FILE first with fs_output_close. */
const char *fs_output_temporary(const fs_output *out);

/* Flushes, syncs and closes the temporary file. False with an error when a
 * write failed. The file stays temporary until fs_output_commit. */
bool fs_output_close(fs_output *out, fs_diags *diags);

/* Renames the temporary file over the target. */
bool fs_output_commit(fs_output *out, fs_diags *diags);

/* Removes the temporary file (after a failure) and frees everything. Safe to
 * call after commit, and more than once. */
void fs_output_discard(fs_output *out);

#endif
