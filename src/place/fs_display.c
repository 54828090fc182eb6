#include "fs_display.h"

bool fs_display_add(fs_arena *arena, fs_page_ops *page, const fs_op *op)
{
    if (page->count == page->capacity) {
        size_t capacity = page->capacity ? page->capacity * 2 : 64;
        fs_op *ops = fs_arena_grow(arena, page->ops, page->count, capacity, sizeof(fs_op));
        if (!ops)
            return false;
        page->ops = ops;
        page->capacity = capacity;
    }
    page->ops[page->count++] = *op;
    return true;
}
