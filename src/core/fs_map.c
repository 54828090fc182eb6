#include "fs_map.h"

#include <stdlib.h>
#include <string.h>

#include "core/fs_alloc.h"

uint64_t fs_hash(uint64_t hash, const void *bytes, size_t length)
{
    for (const unsigned char *c = bytes; length--; c++)
        hash = (hash ^ *c) * UINT64_C(1099511628211);
    return hash;
}

uint64_t fs_hash_string(const char *text)
{
    return fs_hash(FS_HASH_SEED, text, strlen(text));
}

uint64_t fs_hash_pointer(const void *pointer)
{
    return fs_hash(FS_HASH_SEED, &pointer, sizeof pointer);
}

/* The slot a hash starts probing at: the high bits, which FNV mixes best. */
static size_t first_slot(uint64_t hash, size_t capacity)
{
    return (size_t)(hash >> 11) & (capacity - 1);
}

void *fs_map_find(const fs_map *map, uint64_t hash, fs_map_same same, const void *key)
{
    if (!map->capacity)
        return NULL;
    for (size_t slot = first_slot(hash, map->capacity); map->slots[slot].item;
         slot = (slot + 1) & (map->capacity - 1)) {
        const fs_map_slot *s = &map->slots[slot];
        if (s->hash == hash && same(s->item, key))
            return (void *)s->item;
    }
    return NULL;
}

static void put(fs_map_slot *slots, size_t capacity, uint64_t hash, const void *item)
{
    size_t slot = first_slot(hash, capacity);
    while (slots[slot].item)
        slot = (slot + 1) & (capacity - 1);
    slots[slot] = (fs_map_slot){hash, item};
}

/* Twice the slots, the items rehashed into them; false when out of memory
 * or when the count no longer fits. */
static bool grow(fs_map *map)
{
    if (map->capacity > SIZE_MAX / 2 / sizeof(fs_map_slot))
        return false;
    size_t capacity = map->capacity ? map->capacity * 2 : 64;
    fs_map_slot *slots = map->arena ? fs_arena_array(map->arena, capacity, sizeof *slots)
                                    : fs_calloc(capacity, sizeof *slots);
    if (!slots)
        return false;
    for (size_t i = 0; i < map->capacity; i++)
        if (map->slots[i].item)
            put(slots, capacity, map->slots[i].hash, map->slots[i].item);
    if (!map->arena)
        free(map->slots);
    map->slots = slots;
    map->capacity = capacity;
    return true;
}

bool fs_map_add(fs_map *map, uint64_t hash, const void *item)
{
    /* At most half full: probes stay short. */
    if (!item || ((map->count + 1) * 2 > map->capacity && !grow(map)))
        return false;
    put(map->slots, map->capacity, hash, item);
    map->count++;
    return true;
}

void *fs_map_next(const fs_map *map, size_t *at)
{
    while (*at < map->capacity) {
        const void *item = map->slots[(*at)++].item;
        if (item)
            return (void *)item;
    }
    return NULL;
}

void fs_map_free(fs_map *map)
{
    if (!map->arena)
        free(map->slots);
    map->slots = NULL;
    map->count = map->capacity = 0;
}

bool fs_map_same_string(const void *item, const void *key)
{
    return strcmp(item, key) == 0;
}

bool fs_map_same_address(const void *item, const void *key)
{
    return item == key;
}
