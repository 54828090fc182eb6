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

/* The picture a node names: the theme's logo, or its 'src' (a path in the
 * data folder, or a placeholder giving one). */
static bool bind_picture_file(binder *b, const fs_node *node, fs_box *box)
{
    fs_pos where = node->pos;
    const char *src = fs_theme_logo(b->theme, &where), *folder = NULL;
    if (!node->as.image.logo) {
        if (!(src = bind_fill_plain(b, node->as.image.src, PLAIN_AS_IS)))
            return false;
        where = b->last_cell.file ? b->last_cell : node->pos;
        folder = fs_dataset_dir(b->in->data);
    }
    size_t reported = fs_diags_count(b->diags);
    if (b->in->images &&
        !(box->as.image.image = fs_images_get_in(b->in->images, folder, src, where, b->diags))) {
        fs_diags_set_kind(b->diags, reported, FS_KIND_IMAGE);
        return false;
    }
    return true;
}

/* A credit line, drawn on the picture's foot in white on a dark strip:
 * the style 'credit', else the caption's. */
static bool bind_credit(binder *b, const fs_node *node, fs_box *box)
{
    const char *style = bind_style_named(b, "credit", node->style);
    if (bind_missing_style(b, node, &node->style))
        return false;
    fs_box *credit = bind_text_box(b, node, node->as.image.credit, style);
    if (!credit)
        return false;
    credit->as.text.style.color = (fs_rgba){1, 1, 1, 1};
    credit->as.text.style.align = FS_ALIGN_END;
    box->as.image.credit = credit;
    return true;
}

fs_box *bind_image(binder *b, const fs_node *node)
{
    fs_box *box = bind_new_box(b, FS_BOX_IMAGE, node);
    if (!box)
        return NULL;
    box->as.image.cover = node->as.image.cover;
    box->as.image.height = node->height;
    box->as.image.align = node->align;
    box->as.image.focus[0] = node->as.image.focus[0];
    box->as.image.focus[1] = node->as.image.focus[1];
    box->as.image.caption_gap = fs_theme_caption_gap(b->theme);
    if (!bind_picture_file(b, node, box))
        return NULL;
    if (node->alt && !(box->as.image.alt = bind_fill_plain(b, node->alt, PLAIN_TYPESET)))
        return NULL;
    if (node->as.image.credit && !bind_credit(b, node, box))
        return NULL;
    if (node->as.image.caption) {
        if (bind_missing_style(b, node, &node->style))
            return NULL;
        fs_box *caption = bind_text_box(b, node, node->as.image.caption, node->style);
        if (!caption || !(box->children = fs_arena_array(b->arena, 1, sizeof(fs_box *))))
            return NULL;
        caption->as.text.style.align = FS_ALIGN_START; /* 'align' places the picture */
        box->children[box->child_count++] = caption;
        if (!box->as.image.alt && caption->as.text.paragraph_count)
            box->as.image.alt = bind_fill_plain(b, node->as.image.caption, PLAIN_TYPESET);
    }
    return box;
}

static fs_box *bind_strip_item(binder *b, const fs_node *node)
{
    fs_box *box = bind_image(b, node);
    if (box) {
        box->width_kind = FS_WIDTH_AUTO;
        box->span = 0;
    }
    return box;
}

fs_box *bind_logos(binder *b, const fs_node *node)
{
    fs_box *box = bind_new_box(b, FS_BOX_STRIP, node);
    if (!box)
        return NULL;
    box->as.strip.height = node->height;
    box->as.strip.align = node->align;
    return bind_repeat(b, box, node, bind_strip_item) ? box : NULL;
}
