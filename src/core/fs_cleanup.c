#include "fs_cleanup.h"

#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

#include "core/fs_alloc.h"

struct fs_cleanup {
    pthread_mutex_t lock;
    fs_cleanup_entry *first; /* under lock */
};

fs_cleanup *fs_cleanup_create(void)
{
    fs_cleanup *cleanup = fs_calloc(1, sizeof *cleanup);
    if (cleanup && pthread_mutex_init(&cleanup->lock, NULL) != 0) {
        free(cleanup);
        return NULL;
    }
    return cleanup;
}

void fs_cleanup_free(fs_cleanup *cleanup)
{
    if (!cleanup)
        return;
    pthread_mutex_destroy(&cleanup->lock);
    free(cleanup);
}

bool fs_cleanup_make(fs_cleanup *cleanup, fs_cleanup_entry *entry, bool (*make)(void *context),
                     void *context)
{
    if (!cleanup)
        return make(context);
    pthread_mutex_lock(&cleanup->lock);
    bool made = make(context);
    if (made) {
        entry->prev = NULL;
        entry->next = cleanup->first;
        if (cleanup->first)
            cleanup->first->prev = entry;
        cleanup->first = entry;
    }
    pthread_mutex_unlock(&cleanup->lock);
    return made;
}

void fs_cleanup_forget(fs_cleanup *cleanup, fs_cleanup_entry *entry)
{
    if (!cleanup)
        return;
    pthread_mutex_lock(&cleanup->lock);
    if (entry->prev)
        entry->prev->next = entry->next;
    else if (cleanup->first == entry)
        cleanup->first = entry->next;
    if (entry->next)
        entry->next->prev = entry->prev;
    entry->prev = entry->next = NULL;
    pthread_mutex_unlock(&cleanup->lock);
}

void fs_cleanup_stop(fs_cleanup *cleanup)
{
    pthread_mutex_lock(&cleanup->lock);
    for (fs_cleanup_entry *entry = cleanup->first; entry; entry = entry->next)
        unlink(entry->path);
    cleanup->first = NULL;
    /* The lock stays taken (see the header): the process is about to end. */
}
