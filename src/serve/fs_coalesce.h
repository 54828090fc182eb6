/* One render per save: an editor's save is a burst of file events (write
 * to a temporary file and rename it, truncate then write, a backup made
 * first), and a burst must give one render, of the finished file. Events
 * closer than the quiet time to the one before coalesce; a burst that never
 * pauses still renders once the longest wait has passed. Pure logic over
 * times in milliseconds, so tests can drive it with a clock of their own. */
#ifndef FS_COALESCE_H
#define FS_COALESCE_H

#include <stdbool.h>
#include <stdint.h>

typedef struct {
    int64_t quiet_ms;   /* a burst ends after this long without an event */
    int64_t longest_ms; /* a burst renders at the latest this long after its first event */
    bool pending;
    int64_t first_ms, last_ms;
} fs_coalesce;

/* A coalescer with nothing pending. */
fs_coalesce fs_coalesce_new(int64_t quiet_ms, int64_t longest_ms);

/* Notes an event at now_ms. */
void fs_coalesce_event(fs_coalesce *c, int64_t now_ms);

/* How long to wait from now_ms until the pending burst is due: -1 when
 * nothing is pending, 0 when it is due now. */
int64_t fs_coalesce_wait(const fs_coalesce *c, int64_t now_ms);

/* True when a burst is due at now_ms; it is then taken (nothing is pending
 * any more) and the caller renders once. */
bool fs_coalesce_take(fs_coalesce *c, int64_t now_ms);

#endif
