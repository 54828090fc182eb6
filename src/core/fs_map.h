/* One hash map: open addressing over FNV-1a hashes. The map keeps items
 * (pointers the caller owns, never NULL, which the map neither reads nor
 * writes: lookups give back what was added) under their hash, and the
 * caller says which item a lookup wants, so one map serves keys of every shape: a
 * string, a pointer, a message and its context. Its slots live in an arena
 * (and go with it) or, when it has none, on the heap (fs_map_free). */
#ifndef FS_MAP_H
#define FS_MAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/fs_arena.h"

/* FNV-1a: the hash of nothing, and the hash of bytes appended to a hash
 * (hash several fields by feeding each in turn). */
#define FS_HASH_SEED UINT64_C(14695981039346656037)
uint64_t fs_hash(uint64_t hash, const void *bytes, size_t length);

/* The hash of a string's bytes, and of a pointer's value (an item keyed by
 * the address of something). */
uint64_t fs_hash_string(const char *text);
uint64_t fs_hash_pointer(const void *pointer);

typedef struct {
    uint64_t hash;
    const void *item; /* NULL for a free slot */
} fs_map_slot;

/* Zero-initialise, then set arena (or leave it NULL for the heap). */
typedef struct {
    fs_arena *arena;
    fs_map_slot *slots;
    size_t count, capacity;
} fs_map;

/* True when item is the one key names. */
typedef bool (*fs_map_same)(const void *item, const void *key);

/* The item under hash that same says key names, or NULL. */
void *fs_map_find(const fs_map *map, uint64_t hash, fs_map_same same, const void *key);

/* Adds item under hash (the caller finds first when keys must be unique).
 * False when out of memory, or for a NULL item; the map is unchanged then. */
bool fs_map_add(fs_map *map, uint64_t hash, const void *item);

/* The items one by one, in no particular order: start with *at = 0; NULL
 * after the last. */
void *fs_map_next(const fs_map *map, size_t *at);

/* Forgets every item; frees the slots when they are on the heap. */
void fs_map_free(fs_map *map);

/* A fs_map_same for items that are themselves strings, looked up by a
 * string. */
bool fs_map_same_string(const void *item, const void *key);

/* A fs_map_same for a set of addresses: items that are their own keys. */
bool fs_map_same_address(const void *item, const void *key);

#endif
