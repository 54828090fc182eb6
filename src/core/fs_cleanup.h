/* The hidden temporary files a run has on disk, so that a signal that stops
 * the run (Ctrl-C, SIGTERM) can remove them before the process ends. An
 * output is written through an unnamed file where the file system allows
 * (fs_output.h); a named temporary exists only where it does not, and for
 * an instant while a file is replaced. Thread-safe: every worker of a batch
 * registers its files in the run's one list. */
#ifndef FS_CLEANUP_H
#define FS_CLEANUP_H

#include <stdbool.h>

typedef struct fs_cleanup fs_cleanup;

/* One registered file: path must stay valid while the entry is registered.
 * The links belong to the list. */
typedef struct fs_cleanup_entry {
    const char *path;
    struct fs_cleanup_entry *prev, *next;
} fs_cleanup_entry;

/* An empty list; NULL when out of memory. The caller frees it with
 * fs_cleanup_free once no file is registered. */
fs_cleanup *fs_cleanup_create(void);
void fs_cleanup_free(fs_cleanup *cleanup);

/* Calls make(context), which creates the file entry->path names, under the
 * list's lock, and registers entry when make returns true: a signal's
 * cleanup sees the file as soon as it exists. Returns make's result. With
 * cleanup NULL (no signal handling), make is just called. */
bool fs_cleanup_make(fs_cleanup *cleanup, fs_cleanup_entry *entry, bool (*make)(void *context),
                     void *context);

/* Forgets entry: its file was renamed or removed. No-op for NULL cleanup. */
void fs_cleanup_forget(fs_cleanup *cleanup, fs_cleanup_entry *entry);

/* Removes every registered file, for the thread that receives a stopping
 * signal, just before the process ends. It takes the lock and keeps it, so
 * that no file is being made while the list is emptied and none is made
 * after: every later call on the list waits until the process has ended. */
void fs_cleanup_stop(fs_cleanup *cleanup);

#endif
