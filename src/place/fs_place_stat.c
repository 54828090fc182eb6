/* Stat tiles: icon, number, label and comparison line; the numbers of a
 * group of tiles share one size. */

#include <math.h>

#include "place/fs_place_internal.h"

/* Geometry of a stat tile relative to the size its icon is measured by:
 * the number's size, or a hero's share of it (a hero's icon stays in
 * proportion to the other tiles', not to its own large number). */
static const double ICON_DIAMETER = 1.5; /* the icon's disc, beside or above */

static const double ICON_GLYPH = 0.62; /* the glyph inside the disc */

static const double ICON_GAP = 0.45; /* between disc and number */

static const double CORNER_ICON = 1.0; /* the glyph in the corner, no disc */

static const double CORNER_GAP = 0.3; /* the least room between number and corner icon */

static const double HERO_ICON = 0.55; /* a hero's icon basis, in sizes of its number */

static const double LABEL_GAP = 0.22; /* between number (or disc) and label */

/* What the trial decided for a stat: the share of its number size its
 * group fits at. */
typedef struct {
    const fs_box *stat;
    double scale;
} stat_fit;

static bool same_stat(const void *item, const void *key)
{
    return ((const stat_fit *)item)->stat == key;
}

static const stat_fit *fit_of(const placer *p, const fs_box *stat)
{
    return fs_map_find(&p->fits, fs_hash_pointer(stat), same_stat, stat);
}

/* The size a stat's number is drawn at: its style's, at the trial's text
 * scale, shrunk as its group fits (as it is until its group is fitted). */
static double number_size(placer *p, const fs_box *stat)
{
    const stat_fit *fit = fit_of(p, stat);
    return place_scaled(p, &stat->as.stat.number_style)->size * (fit ? fit->scale : 1);
}

static fs_icon_place icon_place(const fs_box *stat)
{
    return stat->as.stat.icon.has ? stat->as.stat.icon_place : FS_ICON_NONE;
}

/* The size an icon of a tile with numbers of size n is measured by. */
static double icon_basis(const fs_box *stat, double n)
{
    return stat->as.stat.hero ? n * HERO_ICON : n;
}

/* How much of the tile's width the icon takes beside the number, per point
 * of the number's size. */
static double icon_share(const fs_box *stat)
{
    double basis = icon_basis(stat, 1);
    switch (icon_place(stat)) {
    case FS_ICON_LEFT:
        return basis * (ICON_DIAMETER + ICON_GAP);
    case FS_ICON_CORNER:
        return basis * (CORNER_ICON + CORNER_GAP);
    case FS_ICON_TOP:
    case FS_ICON_NONE:
        break;
    }
    return 0;
}

/* The numbers of stats placed side by side share one size: the largest at
 * which every number fits its tile on one line, never below what the style
 * allows, in whole steps (FS_FIT_STEPS). Text widths scale linearly with
 * size (unhinted metrics), so one measurement per number, at its style's
 * own size whatever the trial's scale, gives the answer for every trial. A
 * group is fitted once a trial: measuring and drawing lay it out at the
 * same widths, and one problem is one warning. */
static void fit_group(placer *p, const fs_box *const *boxes, const double *widths, size_t count,
                      bool heroes);

static bool in_group(const fs_box *box, bool heroes)
{
    return box->kind == FS_BOX_STAT && box->as.stat.hero == heroes;
}

void place_fit_numbers(placer *p, const fs_box *const *boxes, const double *widths, size_t count)
{
    /* A hero is a group of its own: its number is as large as its tile
     * allows, and the others still share one size. */
    for (size_t i = 0; i < count; i++)
        if (boxes[i]->kind == FS_BOX_STAT && boxes[i]->as.stat.hero)
            fit_group(p, &boxes[i], &widths[i], 1, true);
    fit_group(p, boxes, widths, count, false);
}

/* Fits the stats among boxes that are heroes (or are not) as one group. */
static void fit_group(placer *p, const fs_box *const *boxes, const double *widths, size_t count,
                      bool heroes)
{
    double scale = 1, least = 0;
    const fs_box *worst = NULL;
    bool fitted = true;
    for (size_t i = 0; i < count; i++)
        if (in_group(boxes[i], heroes) && !fit_of(p, boxes[i]))
            fitted = false;
    if (fitted)
        return;
    for (size_t i = 0; i < count; i++) {
        const fs_box *stat = boxes[i];
        if (!in_group(stat, heroes))
            continue;
        const fs_text_style *own = &stat->as.stat.number_style;
        fs_extent natural = place_measure(p, stat->as.stat.number, own, own->size, -1);
        const fs_text_style *style = place_scaled(p, own);
        double size = style->size;
        double per_point = natural.width / own->size + icon_share(stat);
        double inner = widths[i] - stat->padding.left - stat->padding.right;
        double fits = per_point > 0
                          ? floor(inner / per_point / size * FS_FIT_STEPS + 1e-9) / FS_FIT_STEPS
                          : 1;
        if (fits < scale) {
            scale = fits;
            worst = stat;
        }
        least = fmax(least, style->min_scale);
    }
    if (worst && scale < least) {
        fs_diag_add_kind(
            p->diags, FS_WARNING, FS_KIND_OVERFLOW, worst->pos,
            "widen the tiles (fewer columns), shorten the number, or allow more shrink "
            "in the style",
            "the numbers of this group do not fit their tiles even at %.0f%% of their "
            "size",
            least * 100);
        scale = least;
    }
    for (size_t i = 0; i < count; i++) {
        if (!in_group(boxes[i], heroes))
            continue;
        uint64_t hash = fs_hash_pointer(boxes[i]);
        stat_fit *fit = fs_map_find(&p->fits, hash, same_stat, boxes[i]);
        if (!fit) {
            fit = fs_arena_alloc(p->arena, sizeof *fit);
            if (!fit || !fs_map_add(&p->fits, hash, fit)) {
                p->failed = true;
                return;
            }
        }
        *fit = (stat_fit){boxes[i], scale};
    }
}

/* Where the parts of a stat tile go, from its inner top left. */
typedef struct {
    double n; /* the number's size */
    fs_extent number, label, compare;
    double icon, icon_x, icon_y; /* the disc's (or corner glyph's) side, 0 for none */
    double number_x, number_w, number_top;
    double label_top, compare_top, bottom;
} stat_geometry;

/* Lays a tile out at inner width inner_w: its natural geometry, then moved
 * down to the marks of the tiles beside it (p->stat_align) so that their
 * numbers share a baseline and their labels a top line. */
static void stat_geometry_of(placer *p, const fs_box *box, double inner_w, stat_geometry *g)
{
    const fs_text_style *number_style = place_scaled(p, &box->as.stat.number_style);
    const fs_text_style *label_style = place_scaled(p, &box->as.stat.label_style);
    double n = number_size(p, box), basis = icon_basis(box, n);
    *g = (stat_geometry){.n = n, .number_w = inner_w};
    g->number = place_measure(p, box->as.stat.number, number_style, n, -1);
    /* The icon is placed on the height of a figure, not on this number's
     * own ink (a comma would pull it down), so that every tile of a row
     * keeps the same line. */
    fs_extent figure = place_measure(p, "0", number_style, n, -1);
    double figure_centre = (figure.ink_top + figure.ink_bottom) / 2;
    double icon_bottom = 0;
    switch (icon_place(box)) {
    case FS_ICON_LEFT:
        g->icon = basis * ICON_DIAMETER;
        g->number_x = g->icon + basis * ICON_GAP;
        g->icon_y = figure_centre - g->icon / 2;
        if (g->icon_y < 0) {
            g->number_top = -g->icon_y;
            g->icon_y = 0;
        }
        icon_bottom = g->icon_y + g->icon;
        break;
    case FS_ICON_TOP:
        g->icon = basis * ICON_DIAMETER;
        g->number_top = g->icon + basis * ICON_GAP * 0.6;
        icon_bottom = g->icon;
        break;
    case FS_ICON_CORNER:
        /* In the tile's far corner, on the height of the figures. */
        g->icon = basis * CORNER_ICON;
        g->icon_x = inner_w - g->icon;
        g->icon_y = figure_centre - g->icon / 2;
        if (g->icon_y < 0) {
            g->number_top = -g->icon_y;
            g->icon_y = 0;
        }
        icon_bottom = g->icon_y + g->icon;
        break;
    case FS_ICON_NONE:
        break;
    }
    g->number_w = fmax((icon_place(box) == FS_ICON_CORNER ? g->icon_x : inner_w) - g->number_x, 1);
    g->label_top = fmax(g->number_top + g->number.height, icon_bottom) + n * LABEL_GAP;
    if (p->stat_align) {
        double down = p->stat_align->baseline - (g->number_top + g->number.baseline);
        if (down > 0) {
            g->number_top += down;
            g->icon_y += down;
            g->label_top += down;
        }
        g->label_top = fmax(g->label_top, p->stat_align->label_top);
    }
    g->label = place_measure(p, box->as.stat.label, label_style, label_style->size, inner_w);
    g->compare_top = g->label_top + g->label.height + n * LABEL_GAP * 0.5;
    g->bottom = g->label_top + g->label.height;
    if (box->as.stat.compare) {
        const fs_text_style *compare_style = place_scaled(p, &box->as.stat.compare_style);
        g->compare =
            place_measure(p, box->as.stat.compare, compare_style, compare_style->size, inner_w);
        g->bottom = g->compare_top + g->compare.height;
    }
}

void place_stat_marks(placer *p, const fs_box *const *boxes, const double *widths, size_t count,
                      stat_marks *marks)
{
    const stat_marks *outer = p->stat_align;
    /* The baseline first, the lowest of the tiles' own; then the labels'
     * line, with every number moved down onto that baseline. */
    stat_marks found = {0};
    for (int pass = 0; pass < 2; pass++) {
        stat_marks on_baseline = {found.baseline, 0};
        p->stat_align = pass ? &on_baseline : NULL;
        for (size_t i = 0; i < count; i++) {
            const fs_box *box = boxes[i];
            if (box->kind != FS_BOX_STAT)
                continue;
            stat_geometry g;
            stat_geometry_of(p, box, widths[i] - box->padding.left - box->padding.right, &g);
            if (pass)
                found.label_top = fmax(found.label_top, g.label_top);
            else
                found.baseline = fmax(found.baseline, g.number_top + g.number.baseline);
        }
    }
    p->stat_align = outer;
    *marks = found;
}

void place_emit_icon(placer *p, const fs_box_icon *icon, double x, double y, double side,
                     fs_rgba color, const char *alt)
{
    fs_op op = {.kind = icon->image ? FS_OP_IMAGE : FS_OP_ICON,
                .x = x,
                .y = y,
                .w = side,
                .h = side,
                .color = color,
                .alt = alt};
    if (icon->image) {
        op.picture.image = icon->image;
    } else {
        op.icon.codepoint = icon->codepoint;
        op.icon.family = icon->family;
    }
    if (icon->image || icon->family)
        place_emit(p, &op);
}

double place_stat(placer *p, const fs_box *box, double x, double y, double width, double min_height)
{
    const fs_text_style *number_style = place_scaled(p, &box->as.stat.number_style);
    const fs_text_style *label_style = place_scaled(p, &box->as.stat.label_style);
    double inner_x = x + box->padding.left, inner_y = y + box->padding.top;
    double inner_w = width - box->padding.left - box->padding.right;
    stat_geometry g;
    stat_geometry_of(p, box, inner_w, &g);
    double height = fmax(g.bottom + box->padding.top + box->padding.bottom, min_height);
    if (!p->page)
        return height;

    if (box->has_fill || box->has_border) {
        fs_op frame = place_frame_op(box, x, y, width, height);
        place_emit(p, &frame);
    }
    if (g.icon > 0) {
        bool disc = icon_place(box) != FS_ICON_CORNER;
        if (disc) {
            fs_rgba tint = box->as.stat.icon_color;
            tint.a *= 0.14;
            fs_op circle = {.kind = FS_OP_CIRCLE,
                            .x = inner_x + g.icon_x,
                            .y = inner_y + g.icon_y,
                            .w = g.icon,
                            .h = g.icon,
                            .color = tint};
            place_emit(p, &circle);
        }
        double glyph = disc ? g.icon * ICON_GLYPH : g.icon;
        place_emit_icon(p, &box->as.stat.icon, inner_x + g.icon_x + (g.icon - glyph) / 2,
                        inner_y + g.icon_y + (g.icon - glyph) / 2, glyph, box->as.stat.icon_color,
                        NULL);
    }
    /* The number, label and comparison line read as one sentence ("2,029,052
     * community members covered by ..."): one paragraph. The icon says
     * nothing the sentence does not. */
    const fs_tag *outer = p->leaf;
    p->leaf = place_tag(p, FS_TAG_P, 0, p->group);
    /* The number on one line, as its group was fitted and its tile measured
     * (a number too wide even at the least size overflows its tile, and is
     * reported; it never wraps onto the label). */
    double room = fmax(g.number_w - g.number.width, 0);
    double align = number_style->align == FS_ALIGN_CENTER ? room / 2
                   : number_style->align == FS_ALIGN_END  ? room
                                                          : 0;
    place_emit_line(p, inner_x + g.number_x + align, inner_y + g.number_top, g.number.width,
                    g.number.height, box->as.stat.number, number_style, g.n);
    place_emit_text(p, inner_x, inner_y + g.label_top, inner_w, g.label.height, box->as.stat.label,
                    label_style, label_style->size, 0);
    if (box->as.stat.compare) {
        const fs_text_style *compare_style = place_scaled(p, &box->as.stat.compare_style);
        place_emit_text(p, inner_x, inner_y + g.compare_top, inner_w, g.compare.height,
                        box->as.stat.compare, compare_style, compare_style->size, 0);
    }
    p->leaf = outer;
    return height;
}
