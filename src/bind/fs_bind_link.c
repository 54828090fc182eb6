/* Links inside the document: each must name a heading's anchor. */

#include <string.h>

#include "bind/fs_bind_internal.h"
#include "core/fs_grow.h"
#include "core/fs_suggest.h"

typedef struct {
    const char **names;
    size_t count, capacity;
} anchors;

/* Collects the headings' anchors; a heading whose anchor an earlier one
 * has is not a link target (the first is). */
static void collect_anchors(binder *b, fs_box *box, anchors *found)
{
    const char **anchor = box->kind == FS_BOX_TEXT ? &box->as.text.anchor : NULL;
    if (anchor && *anchor) {
        for (size_t i = 0; i < found->count; i++) {
            if (strcmp(found->names[i], *anchor) == 0) {
                *anchor = NULL;
                break;
            }
        }
    }
    if (anchor && *anchor) {
        const char **grown = fs_arena_reserve(b->arena, found->names, found->count,
                                              found->count + 1, &found->capacity, sizeof *grown);
        if (grown) {
            found->names = grown;
            found->names[found->count++] = *anchor;
        }
    }
    for (size_t i = 0; i < box->child_count; i++)
        collect_anchors(b, box->children[i], found);
}

/* Reports the links of a text box that name no heading's anchor. */
static void check_text_links(binder *b, const fs_box *box, const anchors *found)
{
    for (size_t p = 0; box->as.text.links && p < box->as.text.paragraph_count; p++) {
        for (size_t l = 0; l < box->as.text.link_counts[p]; l++) {
            const char *target = box->as.text.links[p][l].target;
            if (target[0] != '#')
                continue;
            bool known = false;
            for (size_t i = 0; i < found->count && !known; i++)
                known = strcmp(found->names[i], target + 1) == 0;
            if (known)
                continue;
            fs_buf hint = {0};
            if (found->count)
                fs_suggest_hint(&hint, target + 1, found->names, found->count,
                                "the headings' anchors: ");
            else
                fs_buf_puts(&hint, "the document has no heading to link to");
            fs_diag_add_kind(b->diags, FS_ERROR, FS_KIND_PLACEHOLDER, box->pos, fs_buf_str(&hint),
                             "the link to '%s' names no heading of the document", target);
            fs_buf_free(&hint);
        }
    }
}

static void check_box_links(binder *b, const fs_box *box, const anchors *found)
{
    if (box->kind == FS_BOX_TEXT)
        check_text_links(b, box, found);
    for (size_t i = 0; i < box->child_count; i++)
        check_box_links(b, box->children[i], found);
}

void bind_check_links(binder *b, fs_box *body)
{
    anchors found = {0};
    collect_anchors(b, body, &found);
    check_box_links(b, body, &found);
}
