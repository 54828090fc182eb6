#include "fs_grow.h"

#include <stdbool.h>
#include <stdint.h>

#include "core/fs_alloc.h"

enum { FIRST_CAPACITY = 16 };

/* The room an array of capacity items grows to for needed items: twice as
 * much, at least needed and FIRST_CAPACITY, and its bytes for items of
 * size; false when they would overflow. */
static bool grown_capacity(size_t capacity, size_t needed, size_t size, size_t *grown,
                           size_t *bytes)
{
    size_t room = capacity > SIZE_MAX / 2 ? SIZE_MAX : capacity * 2;
    if (room < needed)
        room = needed;
    if (room < FIRST_CAPACITY)
        room = FIRST_CAPACITY;
    if (!fs_size_mul(room, size, bytes))
        return false;
    *grown = room;
    return true;
}

void *fs_arena_reserve(fs_arena *arena, void *items, size_t count, size_t needed, size_t *capacity,
                       size_t size)
{
    if (needed <= *capacity)
        return items;
    size_t room, bytes;
    if (!grown_capacity(*capacity, needed, size, &room, &bytes))
        return NULL;
    void *grown = fs_arena_grow(arena, items, count, room, size);
    if (grown)
        *capacity = room;
    return grown;
}

void *fs_heap_reserve(void *items, size_t needed, size_t *capacity, size_t size)
{
    if (needed <= *capacity)
        return items;
    size_t room, bytes;
    if (!grown_capacity(*capacity, needed, size, &room, &bytes))
        return NULL;
    void *grown = fs_realloc(items, bytes ? bytes : 1);
    if (grown)
        *capacity = room;
    return grown;
}
