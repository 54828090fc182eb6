#include "fs_display.h"

#include "core/fs_grow.h"

bool fs_display_add(fs_arena *arena, fs_page_ops *page, const fs_op *op)
{
    fs_op *ops = fs_arena_reserve(arena, page->ops, page->count, page->count + 1, &page->capacity,
                                  sizeof *ops);
    if (!ops)
        return false;
    page->ops = ops;
    page->ops[page->count++] = *op;
    return true;
}
