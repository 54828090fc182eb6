/* Pictures (with their caption and alternative text) and pull quotes. */

#include "bind/fs_bind_internal.h"

fs_box *bind_quote(binder *b, const fs_node *node)
{
    fs_box *box = bind_new_box(b, FS_BOX_QUOTE, node);
    if (!box || !(box->children = fs_arena_array(b->arena, 2, sizeof(fs_box *))))
        return NULL;
    fs_rgba accent = bind_theme_color(b, "accent", (fs_rgba){0.3, 0.3, 0.3, 1});
    fs_box *quote = bind_text_box(b, node, node->value, node->style);
    if (!quote)
        return NULL;
    box->children[box->child_count++] = quote;
    if (node->as.quote.by) {
        fs_box *by = bind_text_box(
            b, node, node->as.quote.by,
            bind_style_named(b, "attribution", bind_style_named(b, "caption", node->style)));
        if (!by)
            return NULL;
        quote->keep_with_next = true;
        box->children[box->child_count++] = by;
    }
    for (size_t i = 0; i < box->child_count; i++) {
        box->children[i]->as.text.has_bar = true;
        box->children[i]->as.text.bar = accent;
    }
    return box;
}

fs_box *bind_image(binder *b, const fs_node *node)
{
    fs_box *box = bind_new_box(b, FS_BOX_IMAGE, node);
    if (!box)
        return NULL;
    box->as.image.cover = node->as.image.cover;
    box->as.image.height = node->height;
    const char *src = bind_fill_plain(b, node->as.image.src, false);
    if (!src)
        return NULL;
    fs_pos where = b->last_cell.file ? b->last_cell : node->pos;
    size_t reported = fs_diags_count(b->diags);
    if (b->in->images && !(box->as.image.image = fs_images_get_in(
                               b->in->images, fs_dataset_dir(b->in->data), src, where, b->diags))) {
        fs_diags_set_kind(b->diags, reported, FS_KIND_IMAGE);
        return NULL;
    }
    if (node->alt && !(box->as.image.alt = bind_fill_plain(b, node->alt, true)))
        return NULL;
    if (node->as.image.caption) {
        if (bind_missing_style(b, node, &node->style))
            return NULL;
        fs_box *caption = bind_text_box(b, node, node->as.image.caption, node->style);
        if (!caption || !(box->children = fs_arena_array(b->arena, 1, sizeof(fs_box *))))
            return NULL;
        box->children[box->child_count++] = caption;
        if (!box->as.image.alt && caption->as.text.paragraph_count)
            box->as.image.alt = bind_fill_plain(b, node->as.image.caption, true);
    }
    return box;
}
