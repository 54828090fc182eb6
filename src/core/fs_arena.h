/* Arenas: bump allocators that free everything they handed out in one call.
 * A run arena holds what a batch shares (layout, tables, catalogs); a
 * document arena holds what one render makes, and is reset between
 * documents. Every allocation is zeroed and aligned for any type. */
#ifndef FS_ARENA_H
#define FS_ARENA_H

#include <stddef.h>

typedef struct fs_arena fs_arena;

/* Creates an empty arena; the caller frees it with fs_arena_free. NULL when
 * out of memory. */
fs_arena *fs_arena_create(void);

/* Frees the arena and everything allocated from it. Accepts NULL. */
void fs_arena_free(fs_arena *arena);

/* Forgets every allocation but keeps the first block for reuse, so a
 * per-document arena stops calling malloc once it has warmed up. */
void fs_arena_reset(fs_arena *arena);

/* Zeroed memory valid until the arena is freed or reset; NULL when out of
 * memory. */
void *fs_arena_alloc(fs_arena *arena, size_t size);

/* Zeroed room for count items of size bytes; NULL when out of memory or when
 * count * size overflows (counts come from untrusted files). */
void *fs_arena_array(fs_arena *arena, size_t count, size_t size);

/* Grows an array allocated from this arena to new_count items, keeping the
 * first old_count. The old block is not reclaimed until the arena is freed;
 * callers grow geometrically. NULL on overflow or out of memory. */
void *fs_arena_grow(fs_arena *arena, void *items, size_t old_count, size_t new_count, size_t size);

/* Copies of strings, living in the arena. NULL when out of memory. */
char *fs_arena_strdup(fs_arena *arena, const char *text);
char *fs_arena_strndup(fs_arena *arena, const char *text, size_t length);

/* printf into the arena. NULL when out of memory. */
char *fs_arena_printf(fs_arena *arena, const char *format, ...)
    __attribute__((format(printf, 2, 3)));

/* Multiplies count by size into *out; false when it would overflow. The one
 * place where size arithmetic on untrusted counts is checked. */
int fs_size_mul(size_t count, size_t size, size_t *out);

#endif
