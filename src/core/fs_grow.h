/* Growing an array, the one way: its room doubles (16 items at first), and
 * every size is checked for overflow, as counts come from untrusted files.
 * One function for arrays in an arena, one for arrays on the heap. */
#ifndef FS_GROW_H
#define FS_GROW_H

#include <stddef.h>

#include "core/fs_arena.h"

/* Room for needed items in an arena array of *capacity items of size
 * bytes, the first count of them in use: items itself when it has room,
 * else a copy of those count items with at least needed and twice the
 * room, *capacity updated (the old block stays in the arena until it is
 * freed). NULL when out of memory or when the size overflows; items and
 * *capacity are unchanged then. */
void *fs_arena_reserve(fs_arena *arena, void *items, size_t count, size_t needed,
                       size_t *capacity, size_t size);

/* Room for needed items in a heap array of *capacity items of size bytes
 * (NULL with capacity 0 at first): items itself when it has room, else the
 * array grown with fs_realloc to at least needed and twice the room,
 * *capacity updated; the caller frees it. NULL when out of memory or when
 * the size overflows; items (still the caller's) and *capacity are
 * unchanged then. */
void *fs_heap_reserve(void *items, size_t needed, size_t *capacity, size_t size);

#endif
