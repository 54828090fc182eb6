/* The structure of a tagged PDF, made while the body is drawn: which
 * element of the structure tree each op belongs to (fs_display.h). Made
 * only when drawing: measuring makes none, and the running heads are
 * artifacts.
 *
 * Most elements follow the box tree (a list's items, a quote, a chart).
 * Markdown comes as a run of text boxes, one per block, so its lists and
 * quotes are found here from the blocks' depth, marker and bar: items of
 * one depth in a row make one list, a deeper item opens a list inside the
 * item before it, quote paragraphs in a row make one quote. */

#include "place/fs_place_internal.h"

const fs_tag *place_tag(placer *p, fs_tag_role role, int level, const fs_tag *parent)
{
    if (!p->page || !p->tagging)
        return NULL;
    fs_tag *tag = fs_arena_alloc(p->arena, sizeof *tag);
    if (!tag) {
        p->failed = true;
        return NULL;
    }
    *tag = (fs_tag){.role = role, .level = level, .parent = parent};
    return tag;
}

const fs_tag *place_figure(placer *p, const char *alt)
{
    const fs_tag *figure = place_tag(p, FS_TAG_FIGURE, 0, p->group);
    if (figure)
        ((fs_tag *)figure)->alt = alt;
    return figure;
}

void place_end_run(placer *p)
{
    p->run_depth = 0;
    p->run_quote = NULL;
}

const fs_tag *place_text_group(placer *p, const fs_box *box, const fs_tag **marker)
{
    *marker = NULL;
    if (!p->page || !p->tagging)
        return NULL;
    if (box->as.text.depth > 0) {
        p->run_quote = NULL;
        int depth = box->as.text.depth < FS_RUN_DEPTH ? box->as.text.depth : FS_RUN_DEPTH;
        bool open = p->run_depth >= depth; /* the list at this depth goes on */
        if (open && !box->as.text.item_marker) {
            p->run_depth = depth; /* a further paragraph of its item */
            return p->run_bodies[depth - 1];
        }
        if (open)
            p->run_depth = depth - 1; /* a new item: what was deeper ends */
        /* The item, and the lists it needs: a deeper list goes in the body
         * of the item it follows. */
        while (p->run_depth < depth) {
            int k = p->run_depth;
            if (!open)
                p->run_lists[k] =
                    place_tag(p, FS_TAG_L, 0, k > 0 ? p->run_bodies[k - 1] : p->group);
            const fs_tag *item = place_tag(p, FS_TAG_LI, 0, p->run_lists[k]);
            if (k == depth - 1 && box->as.text.item_marker)
                *marker = place_tag(p, FS_TAG_LBL, 0, item);
            p->run_bodies[k] = place_tag(p, FS_TAG_LBODY, 0, item);
            p->run_depth++;
        }
        return p->run_bodies[depth - 1];
    }
    p->run_depth = 0;
    if (!box->as.text.has_bar) {
        p->run_quote = NULL;
        return p->group;
    }
    /* A paragraph of a quote: the quote the layout gives, or the one the
     * run of Markdown quote paragraphs makes. */
    if (p->group && p->group->role == FS_TAG_BLOCKQUOTE)
        return p->group;
    if (!p->run_quote)
        p->run_quote = place_tag(p, FS_TAG_BLOCKQUOTE, 0, p->group);
    return p->run_quote;
}

const fs_tag *place_paragraph_tag(placer *p, const fs_box *box, const fs_tag *group)
{
    return place_tag(p, box->as.text.level > 0 ? FS_TAG_H : FS_TAG_P, box->as.text.level, group);
}
