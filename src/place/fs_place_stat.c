/* Stat tiles: icon, number, label and comparison line; the numbers of a
 * group of tiles share one size. */

#include <math.h>

#include "place/fs_place_internal.h"

/* Geometry of a stat tile relative to its number size n. */
static const double ICON_DIAMETER = 1.5; /* the icon's disc */

static const double ICON_GLYPH = 0.62; /* the glyph inside the disc */

static const double ICON_GAP = 0.45; /* between disc and number */

static const double LABEL_GAP = 0.12; /* between number and label */

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

static bool icon_beside(const fs_box *stat)
{
    return stat->as.stat.icon.has && !stat->as.stat.icon_above;
}

/* The numbers of stats placed side by side share one size: the largest at
 * which every number fits its tile on one line, never below what the style
 * allows. Text widths scale linearly with size (unhinted metrics), so one
 * measurement per number gives the answer. A group is fitted once a trial:
 * measuring and drawing lay it out at the same widths, and one problem is
 * one warning. */
void place_fit_numbers(placer *p, const fs_box *const *boxes, const double *widths, size_t count)
{
    double scale = 1, floor = 0;
    const fs_box *worst = NULL;
    bool fitted = true;
    for (size_t i = 0; i < count; i++)
        if (boxes[i]->kind == FS_BOX_STAT && !fit_of(p, boxes[i]))
            fitted = false;
    if (fitted)
        return;
    for (size_t i = 0; i < count; i++) {
        const fs_box *stat = boxes[i];
        if (stat->kind != FS_BOX_STAT)
            continue;
        const fs_text_style *style = place_scaled(p, &stat->as.stat.number_style);
        double size = style->size;
        fs_extent natural = place_measure(p, stat->as.stat.number, style, size, -1);
        double per_point =
            natural.width / size + (icon_beside(stat) ? ICON_DIAMETER + ICON_GAP : 0);
        double inner = widths[i] - stat->padding.left - stat->padding.right;
        double fits = per_point > 0 ? inner / per_point / size : 1;
        if (fits < scale) {
            scale = fits;
            worst = stat;
        }
        floor = fmax(floor, style->min_scale);
    }
    if (worst && scale < floor) {
        fs_diag_add_kind(
            p->diags, FS_WARNING, FS_KIND_OVERFLOW, worst->pos,
            "widen the tiles (fewer columns), shorten the number, or allow more shrink "
            "in the style",
            "the numbers of this group do not fit their tiles even at %.0f%% of their "
            "size",
            floor * 100);
        scale = floor;
    }
    for (size_t i = 0; i < count; i++) {
        if (boxes[i]->kind != FS_BOX_STAT)
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

double place_stat(placer *p, const fs_box *box, double x, double y, double width, double min_height)
{
    const fs_text_style *number_style = place_scaled(p, &box->as.stat.number_style);
    const fs_text_style *label_style = place_scaled(p, &box->as.stat.label_style);
    const fs_text_style *compare_style =
        box->as.stat.compare ? place_scaled(p, &box->as.stat.compare_style) : NULL;
    double n = number_size(p, box);
    double disc = box->as.stat.icon.has ? n * ICON_DIAMETER : 0;
    double inner_x = x + box->padding.left, inner_y = y + box->padding.top;
    double inner_w = width - box->padding.left - box->padding.right;
    double text_x = icon_beside(box) ? disc + n * ICON_GAP : 0;
    double text_w = inner_w - text_x;
    fs_extent number = place_measure(p, box->as.stat.number, number_style, n, -1);
    fs_extent label = place_measure(p, box->as.stat.label, label_style, label_style->size, text_w);

    double disc_top = 0, text_top = 0;
    if (icon_beside(box)) {
        /* The disc is centred on the height of a figure, not on this number's
         * own ink (a comma would pull it down), so icon and number read as
         * one line and every tile of a row keeps the same baseline. */
        fs_extent figure = place_measure(p, "0", number_style, n, -1);
        double centre = (figure.ink_top + figure.ink_bottom) / 2;
        disc_top = centre - disc / 2;
        if (disc_top < 0) {
            text_top = -disc_top;
            disc_top = 0;
        }
    } else if (box->as.stat.icon.has) {
        text_top = disc + n * ICON_GAP * 0.6;
    }
    double label_top = text_top + number.height + n * LABEL_GAP;
    double compare_top = label_top + label.height + n * LABEL_GAP;
    fs_extent compare = {0};
    if (box->as.stat.compare)
        compare =
            place_measure(p, box->as.stat.compare, compare_style, compare_style->size, text_w);
    double text_bottom =
        box->as.stat.compare ? compare_top + compare.height : label_top + label.height;
    double content = fmax(text_bottom, disc_top + disc);
    double height = fmax(content + box->padding.top + box->padding.bottom, min_height);
    if (!p->page)
        return height;

    if (box->has_fill || box->has_border) {
        fs_op frame = place_frame_op(box, x, y, width, height);
        place_emit(p, &frame);
    }
    if (box->as.stat.icon.has) {
        fs_rgba tint = box->as.stat.icon_color;
        tint.a *= 0.14;
        fs_op circle = {.kind = FS_OP_CIRCLE,
                        .x = inner_x,
                        .y = inner_y + disc_top,
                        .w = disc,
                        .h = disc,
                        .color = tint};
        place_emit(p, &circle);
        double glyph = disc * ICON_GLYPH;
        fs_op icon = {.kind = box->as.stat.icon.image ? FS_OP_IMAGE : FS_OP_ICON,
                      .x = inner_x + (disc - glyph) / 2,
                      .y = inner_y + disc_top + (disc - glyph) / 2,
                      .w = glyph,
                      .h = glyph,
                      .color = box->as.stat.icon_color};
        if (box->as.stat.icon.image) {
            icon.picture.image = box->as.stat.icon.image;
        } else {
            icon.icon.codepoint = box->as.stat.icon.codepoint;
            icon.icon.family = box->as.stat.icon.family;
        }
        if (box->as.stat.icon.image || box->as.stat.icon.family)
            place_emit(p, &icon);
    }
    place_emit_text(p, inner_x + text_x, inner_y + text_top, text_w, number.height,
                    box->as.stat.number, number_style, n, 0);
    place_emit_text(p, inner_x + text_x, inner_y + label_top, text_w, label.height,
                    box->as.stat.label, label_style, label_style->size, 0);
    if (box->as.stat.compare)
        place_emit_text(p, inner_x + text_x, inner_y + compare_top, text_w, compare.height,
                        box->as.stat.compare, compare_style, compare_style->size, 0);
    return height;
}
