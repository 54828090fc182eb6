/* Files written atomically: the bytes go to a temporary file in the
 * target's folder, which becomes the target only when everything was
 * written and synced. A failed render never leaves a partial file and never
 * destroys a good one.
 *
 * The temporary is an unnamed file (O_TMPFILE) where the file system allows
 * (ext4, tmpfs, xfs, btrfs): it has no name until it is complete, so even a
 * process killed with SIGKILL leaves nothing behind. Elsewhere it is a
 * hidden sibling named .NAME.XXXXXX (six letters or digits), registered
 * with the run's fs_cleanup so that a stopping signal removes it, and which
 * fs_output_remove_stale removes at the next run when SIGKILL left it. */
#ifndef FS_OUTPUT_H
#define FS_OUTPUT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "core/fs_cleanup.h"
#include "core/fs_diag.h"

/* One file being written. The fields are the module's; callers read target
 * at most. */
typedef struct {
    char *target;       /* the final path, a symbolic link resolved */
    char *hidden;       /* the hidden temporary's name beside target */
    bool hidden_exists; /* a file of that name is on disk, this output's */
    char unnamed[32];   /* /proc/self/fd/N of the unnamed file, "" when there is none */
    FILE *file;
    fs_cleanup *cleanup;
    fs_cleanup_entry entry; /* registers hidden while it exists */
    bool failed;
    int error; /* errno of the first failed write */
} fs_output;

/* The bytes a hidden temporary's name adds to its target's: a dot before,
 * a dot and six characters after. */
enum { FS_OUTPUT_TEMPORARY_EXTRA = 8 };

/* Opens a temporary file in target's folder. A new file gets the mode the
 * umask leaves of 0666; a file that is replaced keeps its permissions.
 * cleanup (may be NULL) registers a named temporary for the signals that
 * stop the run. False with an error appended when the folder is missing or
 * not writable, or the target is not a regular file; out is then empty. */
bool fs_output_open(fs_output *out, const char *target, fs_cleanup *cleanup, fs_diags *diags);

/* Appends bytes to the temporary file; false (and the output marked
 * failed) when the write fails. */
bool fs_output_write(fs_output *out, const void *data, size_t length);

/* A path a library that writes to a path of its own (libgettextpo) can open
 * and write the whole file through: the hidden temporary, or the unnamed
 * file's /proc/self/fd/N. Valid until commit or discard. */
const char *fs_output_path(const fs_output *out);

/* Flushes and syncs the temporary file, so that what commit names is
 * whole. False with an error when a write failed. The file stays open and
 * temporary until fs_output_commit. */
bool fs_output_close(fs_output *out, fs_diags *diags);

/* Makes the temporary file the target, atomically. False with an error when
 * the folder refuses. */
bool fs_output_commit(fs_output *out, fs_diags *diags);

/* Removes the temporary file (after a failure) and frees everything. Safe to
 * call after commit, and more than once. */
void fs_output_discard(fs_output *out);

/* Removes the hidden temporaries that a killed run left beside any of
 * targets: files named exactly .NAME.XXXXXX (six letters or digits) where
 * NAME is a target's file name, or the name of one page of a PNG target
 * (NAME-3.png for NAME.png). Files that another running process still
 * writes (it holds a lock on them) stay. Adds a note naming each file it
 * removed. False with an error only when out of memory. */
bool fs_output_remove_stale(const char *const *targets, size_t count, fs_diags *diags);

/* The longest file name, in bytes, that a target in folder may have so
 * that its hidden temporary sibling fits the folder's file system; -1 when
 * the folder cannot be asked (it does not exist). */
long fs_output_longest_name(const char *folder);

#endif
