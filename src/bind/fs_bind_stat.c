/* Stats: icon, number, label and comparison line; icons from the icon
 * font or from a picture file; an icon alone (the icon node). */

#include <string.h>
#include <strings.h>

#include "bind/fs_bind_internal.h"

/* An icon named with a file extension is a picture, not a glyph name. */
static bool is_picture_name(const char *name)
{
    const char *dot = strrchr(name, '.');
    return dot && (strcasecmp(dot, ".svg") == 0 || strcasecmp(dot, ".png") == 0);
}

/* The icon a stat or an icon array names, from the icon font: an unknown
 * name is an error at where (the cell that gave it, else the node) with
 * the nearest names; once per node when the layout writes it. */
bool bind_find_icon(binder *b, const fs_node *node, const char *name, fs_pos where,
                    fs_box_icon *icon)
{
    if (!fs_icons_find(b->in->icons, name, &icon->codepoint)) {
        /* A name from a cell is reported at each cell; one written in the
         * layout once, not once per row of a repeat. */
        if (!b->last_cell.file &&
            bind_already_reported(b, node->icon ? (const void *)node->icon : (const void *)node))
            return false;
        const char *best[3];
        size_t found = fs_icons_suggest(b->in->icons, name, best, 3);
        fs_buf hint = {0};
        if (found) {
            fs_buf_puts(&hint, "did you mean ");
            for (size_t i = 0; i < found; i++)
                fs_buf_printf(&hint, "%s'%s'", i ? (i + 1 == found ? " or " : ", ") : "", best[i]);
            fs_buf_puts(&hint, "? ");
        }
        fs_buf_puts(&hint, "factsheet icons WORD lists the names that contain WORD");
        fs_diag_add_kind(b->diags, FS_ERROR, FS_KIND_ICON, where, fs_buf_str(&hint),
                         "unknown icon '%s'", name);
        fs_buf_free(&hint);
        return false;
    }
    icon->has = true;
    icon->family = fs_theme_icon_family(b->theme);
    if (!icon->family) {
        if (!bind_already_reported(b, &node->icon))
            fs_error(b->diags, node->pos, "add 'icons: ROLE' to the theme, naming a font role",
                     "the theme names no icon font");
        return false;
    }
    return true;
}

bool bind_icon(binder *b, const fs_node *node, fs_box_icon *icon)
{
    const char *name = bind_fill_plain(b, node->icon, PLAIN_AS_IS);
    if (!name)
        return false;
    /* A name written in the layout read no cell; its literal segments carry
     * no position (and an empty name has none), so point at the node. */
    fs_pos where = b->last_cell.file ? b->last_cell : node->pos;
    if (!is_picture_name(name))
        return bind_find_icon(b, node, name, where, icon);
    /* An icon of the theme's icon folder (or the data folder) by file
     * name, drawn like a glyph. */
    const char *folder = fs_theme_icon_folder(b->theme);
    size_t reported = fs_diags_count(b->diags);
    icon->has = true;
    if (b->in->images && !(icon->image = fs_images_get_in(
                               b->in->images, folder ? folder : fs_dataset_dir(b->in->data), name,
                               where, b->diags))) {
        fs_diags_set_kind(b->diags, reported, FS_KIND_ICON);
        return false;
    }
    return true;
}

/* The style a hero's number takes: the one its node names ('hero-style'),
 * else the theme's 'stat-hero', else its number style at twice the size. */
static fs_text_style hero_style(binder *b, const fs_node *node, const fs_text_style *number)
{
    const char *name = node->as.stat.hero_style ? node->as.stat.hero_style
                                                : bind_style_named(b, "stat-hero", NULL);
    if (!name) {
        fs_text_style twice = *number;
        twice.size *= 2;
        return twice;
    }
    fs_text_style style = bind_resolve_style(b, name, NULL);
    style.align = number->align;
    return style;
}

void bind_make_hero(binder *b, fs_box *box, const fs_node *node)
{
    if (box->as.stat.hero)
        return;
    box->as.stat.hero = true;
    box->as.stat.number_style = hero_style(b, node, &box->as.stat.number_style);
}

fs_box *bind_stat(binder *b, const fs_node *node)
{
    if (bind_missing_style(b, node, &node->number_style) ||
        bind_missing_style(b, node, &node->as.stat.label_style) ||
        (node->as.stat.hero_style && bind_missing_style(b, node, &node->as.stat.hero_style)))
        return NULL;
    fs_box *box = bind_new_box(b, FS_BOX_STAT, node);
    if (!box)
        return NULL;
    bool ok = true;
    box->as.stat.number_style = bind_resolve_style(b, node->number_style, node);
    box->as.stat.label_style = bind_resolve_style(b, node->as.stat.label_style, node);
    box->as.stat.number =
        bind_fill_line(b, node->as.stat.number, node->pos, &box->as.stat.number_style);
    box->as.stat.label = bind_fill_line(b, node->label, node->pos, &box->as.stat.label_style);
    ok = box->as.stat.number && box->as.stat.label;
    if (node->as.stat.compare) {
        box->as.stat.compare_style = bind_resolve_style(
            b, bind_style_named(b, "stat-compare", node->as.stat.label_style), NULL);
        box->as.stat.compare =
            bind_fill_line(b, node->as.stat.compare, node->pos, &box->as.stat.compare_style);
        ok = ok && box->as.stat.compare;
    }
    box->as.stat.number_style.align = box->as.stat.label_style.align = node->align;
    box->as.stat.icon_place = node->as.stat.icon_place;
    box->as.stat.icon_color = bind_theme_color(b, "accent", box->as.stat.number_style.color);
    if (node->color)
        fs_theme_color(b->theme, node->color, &box->as.stat.icon_color);
    /* Numbers and labels keep their theme colours: 'color' on a stat tints
     * its icon. */
    box->as.stat.number_style.color = bind_resolve_style(b, node->number_style, NULL).color;
    box->as.stat.label_style.color = bind_resolve_style(b, node->as.stat.label_style, NULL).color;
    if (node->as.stat.hero)
        bind_make_hero(b, box, node);
    /* icon-position: none draws no icon, whatever the data names. */
    if (node->icon && node->as.stat.icon_place != FS_ICON_NONE &&
        !bind_icon(b, node, &box->as.stat.icon))
        return NULL;
    return ok ? box : NULL;
}

fs_box *bind_lone_icon(binder *b, const fs_node *node)
{
    fs_box *box = bind_new_box(b, FS_BOX_ICON, node);
    if (!box || !bind_icon(b, node, &box->as.icon.icon))
        return NULL;
    box->as.icon.size = node->height;
    box->as.icon.align = node->align;
    fs_rgba around = b->has_color ? b->color : (fs_rgba){0, 0, 0, 1};
    box->as.icon.color = bind_theme_color(b, "accent", around);
    if (node->color)
        fs_theme_color(b->theme, node->color, &box->as.icon.color);
    /* Without a width it takes its own: the square, not a share of a row. */
    if (node->width_kind == FS_WIDTH_AUTO) {
        box->width_kind = FS_WIDTH_FIXED;
        box->width = node->height;
    }
    if (node->alt && !(box->as.icon.alt = bind_fill_plain(b, node->alt, PLAIN_TYPESET)))
        return NULL;
    return box;
}
