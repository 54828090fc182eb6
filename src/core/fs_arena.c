#include "fs_arena.h"

#include "core/fs_alloc.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { FS_ARENA_ALIGN = 16, FS_ARENA_BLOCK = 64 * 1024 };

typedef struct fs_block {
    struct fs_block *next;
    size_t capacity;
    size_t used;
    _Alignas(FS_ARENA_ALIGN) unsigned char data[];
} fs_block;

struct fs_arena {
    fs_block *head;
};

int fs_size_mul(size_t count, size_t size, size_t *out)
{
    if (size != 0 && count > SIZE_MAX / size)
        return 0;
    *out = count * size;
    return 1;
}

fs_arena *fs_arena_create(void)
{
    return fs_calloc(1, sizeof(fs_arena));
}

void fs_arena_free(fs_arena *arena)
{
    if (!arena)
        return;
    fs_block *block = arena->head;
    while (block) {
        fs_block *next = block->next;
        free(block);
        block = next;
    }
    free(arena);
}

void fs_arena_reset(fs_arena *arena)
{
    /* Keep the oldest block (the list's tail): it was sized for the common
     * case, so a warmed-up document arena needs no more mallocs. */
    fs_block *block = arena->head;
    while (block && block->next) {
        fs_block *next = block->next;
        free(block);
        block = next;
    }
    if (block)
        block->used = 0;
    arena->head = block;
}

void *fs_arena_alloc(fs_arena *arena, size_t size)
{
    size_t rounded = (size + FS_ARENA_ALIGN - 1) & ~(size_t)(FS_ARENA_ALIGN - 1);
    if (rounded < size)
        return NULL;
    fs_block *block = arena->head;
    if (!block || block->capacity - block->used < rounded) {
        size_t capacity = rounded > FS_ARENA_BLOCK ? rounded : FS_ARENA_BLOCK;
        if (capacity > SIZE_MAX - sizeof(fs_block))
            return NULL;
        fs_block *fresh = fs_malloc(sizeof(fs_block) + capacity);
        if (!fresh)
            return NULL;
        fresh->capacity = capacity;
        fresh->used = 0;
        /* A large one-off allocation goes behind the current block so the
         * current block's free space is not wasted. */
        if (block && rounded > FS_ARENA_BLOCK) {
            fresh->next = block->next;
            block->next = fresh;
        } else {
            fresh->next = block;
            arena->head = fresh;
        }
        block = fresh;
    }
    void *memory = block->data + block->used;
    block->used += rounded;
    memset(memory, 0, size);
    return memory;
}

void *fs_arena_array(fs_arena *arena, size_t count, size_t size)
{
    size_t bytes;
    if (!fs_size_mul(count, size, &bytes))
        return NULL;
    return fs_arena_alloc(arena, bytes ? bytes : 1);
}

void *fs_arena_grow(fs_arena *arena, void *items, size_t old_count, size_t new_count, size_t size)
{
    void *grown = fs_arena_array(arena, new_count, size);
    if (grown && items && old_count)
        memcpy(grown, items, (old_count < new_count ? old_count : new_count) * size);
    return grown;
}

char *fs_arena_strndup(fs_arena *arena, const char *text, size_t length)
{
    if (length == SIZE_MAX)
        return NULL;
    char *copy = fs_arena_alloc(arena, length + 1);
    if (copy)
        memcpy(copy, text, length);
    return copy;
}

char *fs_arena_strdup(fs_arena *arena, const char *text)
{
    return fs_arena_strndup(arena, text, strlen(text));
}

__attribute__((format(printf, 2, 0))) static char *vprintf_in(fs_arena *arena, const char *format,
                                                              va_list args)
{
    va_list copy;
    va_copy(copy, args);
    int length = vsnprintf(NULL, 0, format, copy);
    va_end(copy);
    if (length < 0)
        return NULL;
    char *text = fs_arena_alloc(arena, (size_t)length + 1);
    if (text)
        vsnprintf(text, (size_t)length + 1, format, args);
    return text;
}

char *fs_arena_printf(fs_arena *arena, const char *format, ...)
{
    va_list args;
    va_start(args, format);
    char *text = vprintf_in(arena, format, args);
    va_end(args);
    return text;
}
