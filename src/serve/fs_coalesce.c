#include "fs_coalesce.h"

fs_coalesce fs_coalesce_new(int64_t quiet_ms, int64_t longest_ms)
{
    return (fs_coalesce){.quiet_ms = quiet_ms, .longest_ms = longest_ms};
}

void fs_coalesce_event(fs_coalesce *c, int64_t now_ms)
{
    if (!c->pending)
        c->first_ms = now_ms;
    c->pending = true;
    c->last_ms = now_ms;
}

int64_t fs_coalesce_wait(const fs_coalesce *c, int64_t now_ms)
{
    if (!c->pending)
        return -1;
    int64_t quiet = c->last_ms + c->quiet_ms - now_ms;
    int64_t longest = c->first_ms + c->longest_ms - now_ms;
    int64_t wait = quiet < longest ? quiet : longest;
    return wait > 0 ? wait : 0;
}

bool fs_coalesce_take(fs_coalesce *c, int64_t now_ms)
{
    if (fs_coalesce_wait(c, now_ms) != 0)
        return false;
    c->pending = false;
    return true;
}
