/* The one switch over box kinds, and the boxes that hold others: frames,
 * stacks, rows, grids, lists; pictures and quotes. */

#include <math.h>

#include "place/fs_place_internal.h"

fs_op place_frame_op(const fs_box *box, double x, double y, double width, double height)
{
    fs_op frame = {.kind = FS_OP_RECT,
                   .x = x,
                   .y = y,
                   .w = width,
                   .h = height,
                   .color = box->has_fill ? box->fill : (fs_rgba){0, 0, 0, 0}};
    frame.rect.radius = box->radius;
    frame.rect.stroke = box->border;
    frame.rect.stroke_width = box->has_border ? box->border_width : 0;
    return frame;
}

double place_measure_box(placer *p, const fs_box *box, double width)
{
    fs_page_ops *page = p->page;
    p->page = NULL;
    double height = place_box(p, box, 0, 0, width, 0);
    p->page = page;
    return height;
}

/* A box's children, as placement sees them: boxes it only reads (C does not
 * add that const to the tree's fs_box ** by itself). */
static const fs_box *const *children_of(const fs_box *box)
{
    return (const fs_box *const *)box->children;
}

double place_gap(const fs_box *box, double fallback)
{
    return box->gap >= 0 ? box->gap : fallback;
}

double place_child_width(const fs_box *child, double available)
{
    if (child->width_kind == FS_WIDTH_FIXED)
        return fmin(child->width, available);
    if (child->width_kind == FS_WIDTH_PERCENT)
        return available * child->width / 100.0;
    return available;
}

static double layout_stack(placer *p, const fs_box *const *children, size_t count, double gap,
                           double x, double y, double width)
{
    double top = y;
    for (size_t i = 0; i < count; i++) {
        double w = place_child_width(children[i], width);
        /* A stat on its own line fits alone. */
        place_fit_numbers(p, &children[i], &w, 1);
        y += place_box(p, children[i], x, y, w, 0);
        if (i + 1 < count)
            y += gap;
    }
    return y - top;
}

static bool stretches(const fs_box *box)
{
    return box->kind == FS_BOX_FRAME || box->kind == FS_BOX_STAT;
}

static double valign_offset(const fs_box *row, double height, double available)
{
    if (row->valign == FS_ALIGN_CENTER)
        return (available - height) / 2;
    if (row->valign == FS_ALIGN_END)
        return available - height;
    return 0;
}

/* Lays out (or, without a page, measures) one of a row's cells, on the
 * marks the row's stats share. */
static double place_cell(placer *p, const fs_box *cell, const stat_marks *marks, double x, double y,
                         double width, double min_height)
{
    const stat_marks *outer = p->stat_align;
    p->stat_align = cell->kind == FS_BOX_STAT ? marks : NULL;
    double height = place_box(p, cell, x, y, width, min_height);
    p->stat_align = outer;
    return height;
}

static double layout_row(placer *p, const fs_box *box, double x, double y, double width,
                         double min_height)
{
    size_t n = box->child_count;
    if (n == 0)
        return min_height;
    double gap = place_gap(box, FS_GAP_ROW);
    double *widths = fs_arena_array(p->arena, n, sizeof(double));
    double *heights = fs_arena_array(p->arena, n, sizeof(double));
    if (!widths || !heights) {
        p->failed = true;
        return 0;
    }
    double available = width - gap * (double)(n - 1), taken = 0;
    size_t autos = 0;
    for (size_t i = 0; i < n; i++) {
        const fs_box *child = box->children[i];
        if (child->width_kind == FS_WIDTH_AUTO) {
            autos++;
            continue;
        }
        widths[i] = place_child_width(child, available);
        taken += widths[i];
    }
    double share = autos ? fmax((available - taken) / (double)autos, 0) : 0;
    for (size_t i = 0; i < n; i++)
        if (box->children[i]->width_kind == FS_WIDTH_AUTO)
            widths[i] = share;
    place_fit_numbers(p, children_of(box), widths, n);
    stat_marks marks;
    place_stat_marks(p, children_of(box), widths, n, &marks);
    double height = min_height;
    fs_page_ops *page = p->page;
    p->page = NULL;
    for (size_t i = 0; i < n; i++) {
        heights[i] = place_cell(p, box->children[i], &marks, 0, 0, widths[i], 0);
        height = fmax(height, heights[i]);
    }
    p->page = page;
    if (p->page) {
        double cx = x;
        for (size_t i = 0; i < n; i++) {
            const fs_box *child = box->children[i];
            if (stretches(child))
                place_cell(p, child, &marks, cx, y, widths[i], height);
            else
                place_cell(p, child, &marks, cx, y + valign_offset(box, heights[i], height),
                           widths[i], 0);
            cx += widths[i] + gap;
        }
    }
    return height;
}

/* A cell of a grid: its box, the columns it spans, its row, and where it
 * goes. */
typedef struct {
    const fs_box *box;
    size_t span, row;
    double x, width;
} grid_cell;

/* The columns a cell takes: its 'span', two for a hero, else one; never
 * more than the grid has. */
static size_t span_of(const fs_box *cell, size_t columns)
{
    long span = cell->span > 0                                    ? cell->span
                : cell->kind == FS_BOX_STAT && cell->as.stat.hero ? 2
                                                                  : 1;
    return span < (long)columns ? (size_t)span : columns;
}

/* Whether a grid's child takes no room: a cell that 'when' left out. */
static bool left_out(const fs_box *child)
{
    return child->kind == FS_BOX_STACK && child->child_count == 0;
}

size_t fs_place_grid_last_row(const fs_box *grid, size_t *columns)
{
    *columns = grid->as.grid.columns > 0 ? (size_t)grid->as.grid.columns : 1;
    size_t used = 0;
    for (size_t i = 0; i < grid->child_count; i++) {
        if (left_out(grid->children[i]))
            continue;
        size_t span = span_of(grid->children[i], *columns);
        used = used + span > *columns ? span : used + span;
    }
    return used;
}

/* Places the cells of one row across: a row they do not fill is centred,
 * stretched to the full width, or left at the start, as the grid says. */
static void arrange_row(const fs_box *grid, grid_cell *cells, size_t count, size_t used,
                        size_t columns, double cell, double gap, double x, double width)
{
    double spare = (double)(columns - used) * (cell + gap);
    double unit = cell;
    if (used < columns && grid->as.grid.last_row == FS_LAST_ROW_STRETCH)
        unit = (width + gap) / (double)used - gap;
    double left =
        x + (used < columns && grid->as.grid.last_row == FS_LAST_ROW_CENTER ? spare / 2 : 0);
    for (size_t i = 0; i < count; i++) {
        cells[i].x = left;
        cells[i].width = (double)cells[i].span * (unit + gap) - gap;
        left += cells[i].width + gap;
    }
}

static double layout_grid(placer *p, const fs_box *box, double x, double y, double width)
{
    size_t n = box->child_count;
    size_t columns = box->as.grid.columns > 0 ? (size_t)box->as.grid.columns : 1;
    if (n == 0)
        return 0;
    double gap = place_gap(box, FS_GAP_GRID);
    double cell = (width - gap * (double)(columns - 1)) / (double)columns;
    grid_cell *cells = fs_arena_array(p->arena, n, sizeof *cells);
    const fs_box **boxes = fs_arena_array(p->arena, n, sizeof *boxes);
    double *widths = fs_arena_array(p->arena, n, sizeof(double));
    if (!cells || !boxes || !widths) {
        p->failed = true;
        return 0;
    }
    /* Cells in reading order, a new row when the next does not fit in what
     * is left of this one. A cell that 'when' left out takes no room. */
    size_t count = 0, first = 0, used = 0, rows = 0;
    for (size_t i = 0; i < n; i++) {
        const fs_box *child = box->children[i];
        if (left_out(child))
            continue;
        size_t span = span_of(child, columns);
        if (used + span > columns) {
            arrange_row(box, cells + first, count - first, used, columns, cell, gap, x, width);
            first = count;
            used = 0;
            rows++;
        }
        cells[count++] = (grid_cell){.box = child, .span = span, .row = rows};
        used += span;
    }
    if (count == 0)
        return 0;
    arrange_row(box, cells + first, count - first, used, columns, cell, gap, x, width);
    for (size_t i = 0; i < count; i++) {
        boxes[i] = cells[i].box;
        widths[i] = cells[i].width;
    }
    place_fit_numbers(p, boxes, widths, count);
    double top = y;
    for (size_t start = 0; start < count;) {
        size_t end = start;
        while (end < count && cells[end].row == cells[start].row)
            end++;
        stat_marks marks;
        place_stat_marks(p, boxes + start, widths + start, end - start, &marks);
        double height = 0;
        fs_page_ops *page = p->page;
        p->page = NULL;
        for (size_t i = start; i < end; i++)
            height = fmax(height, place_cell(p, boxes[i], &marks, 0, 0, widths[i], 0));
        p->page = page;
        if (p->page)
            for (size_t i = start; i < end; i++)
                place_cell(p, boxes[i], &marks, cells[i].x, y, widths[i],
                           stretches(boxes[i]) ? height : 0);
        y += height + (end < count ? gap : 0);
        start = end;
    }
    return y - top;
}

static double layout_frame(placer *p, const fs_box *box, double x, double y, double width,
                           double min_height)
{
    double inner = width - box->padding.left - box->padding.right;
    double gap = place_gap(box, FS_GAP_FRAME);
    double content;
    if (p->page)
        content = place_measure_box(p, box, width) - box->padding.top - box->padding.bottom;
    else
        content = layout_stack(p, children_of(box), box->child_count, gap, 0, 0, inner);
    double height = fmax(content + box->padding.top + box->padding.bottom, min_height);
    if (!p->page)
        return height;
    if (box->has_fill || box->has_border) {
        fs_op frame = place_frame_op(box, x, y, width, height);
        if (box->bleed) {
            /* A band reaches the page's edges: left and right always, top or
             * bottom when it is the first or last block of the page. */
            frame.rect.radius = 0;
            place_bleed(p, &frame, y, height);
        }
        place_emit(p, &frame);
    }
    /* A frame stretched taller than its content (in a row or grid) places
     * the content as its valign says. */
    double spare = height - content - box->padding.top - box->padding.bottom;
    double offset = box->valign == FS_ALIGN_CENTER ? spare / 2
                    : box->valign == FS_ALIGN_END  ? spare
                                                   : 0;
    layout_stack(p, children_of(box), box->child_count, gap, x + box->padding.left,
                 y + box->padding.top + offset, inner);
    return height;
}

/* A list: an L whose items are LIs, each its marker (Lbl) and its content
 * (LBody); the marker is drawn first, so that it comes first in the text
 * too. */
static double layout_list(placer *p, const fs_box *box, double x, double y, double width)
{
    double gap = place_gap(box, FS_GAP_LIST);
    const fs_text_style *style = place_scaled(p, &box->as.list.style);
    fs_text_style *marker_style = fs_arena_alloc(p->arena, sizeof *marker_style);
    if (!marker_style) {
        p->failed = true;
        return 0;
    }
    *marker_style = *style;
    marker_style->color = box->as.list.marker_color;
    marker_style->weight = 700;
    marker_style->align = FS_ALIGN_START;
    double indent =
        box->as.list.marker == FS_MARKER_NONE ? 0
        : box->as.list.marker == FS_MARKER_BULLET
            ? style->size * 1.1
            : place_measure(p, "00.", marker_style, style->size, -1).width + style->size * 0.4;
    double top = y;
    const fs_tag *group = p->group;
    const fs_tag *list = place_tag(p, FS_TAG_L, 0, group);
    for (size_t i = 0; i < box->child_count; i++) {
        const fs_box *item = box->children[i];
        double height = place_measure_box(p, item, width - indent);
        if (p->page) {
            const fs_tag *li = place_tag(p, FS_TAG_LI, 0, list);
            if (box->as.list.marker != FS_MARKER_NONE) {
                const char *marker = box->as.list.marker == FS_MARKER_BULLET
                                         ? "•"
                                         : fs_arena_printf(p->arena, "%zu.", i + 1);
                p->leaf = place_tag(p, FS_TAG_LBL, 0, li);
                place_emit_text(p, x, y, indent, height, marker, marker_style, style->size, 0);
                p->leaf = NULL;
            }
            p->group = place_tag(p, FS_TAG_LBODY, 0, li);
            place_box(p, item, x + indent, y, width - indent, 0);
            p->group = group;
        }
        y += height + (i + 1 < box->child_count ? gap : 0);
    }
    return y - top;
}

double place_image_height(const fs_box *box, double width)
{
    if (box->as.image.height > 0)
        return box->as.image.height;
    if (!box->as.image.image)
        return 0;
    double w = fs_image_width(box->as.image.image), h = fs_image_height(box->as.image.image);
    return w > 0 ? width * h / w : 0;
}

/* The width a picture takes at height, at its own proportions. */
static double natural_width(const fs_box *box, double height)
{
    const fs_image *image = box->as.image.image;
    double h = image ? fs_image_height(image) : 0;
    return h > 0 ? height * fs_image_width(image) / h : 0;
}

void place_bleed(const placer *p, fs_op *op, double y, double height)
{
    op->x = 0;
    op->w = p->page_width;
    if (fabs(y - p->page_top) < 0.01) {
        op->h += op->y;
        op->y = 0;
    }
    if (fabs(y + height - p->page_bottom) < 0.01)
        op->h = p->page_height - op->y;
}

/* A credit line on a picture's foot, right-aligned in white on a strip of
 * black at 60% (over any picture, even a white one, the text keeps a
 * contrast of at least 5.7:1), within the width x, width of the picture's
 * box: a picture that bleeds keeps its credit inside the margins. */
static void place_credit(placer *p, const fs_box *credit, const fs_op *picture, double x,
                         double width)
{
    const double pad = 3;
    x = fmax(x, picture->x);
    double inner = fmin(x + width, picture->x + picture->w) - x - 2 * pad;
    double height = place_measure_box(p, credit, inner);
    fs_op strip = {.kind = FS_OP_RECT,
                   .x = picture->x,
                   .y = picture->y + picture->h - height - 2 * pad,
                   .w = picture->w,
                   .h = height + 2 * pad,
                   .color = {0, 0, 0, 0.6}};
    const fs_tag *leaf = p->leaf;
    p->leaf = NULL;
    place_emit(p, &strip);
    p->leaf = leaf;
    place_end_run(p);
    place_box(p, credit, x + pad, strip.y + pad, inner, 0);
}

void place_picture(placer *p, const fs_box *box, double x, double y, double width,
                   const fs_tag *figure, bool bleed)
{
    fs_op picture = {.kind = FS_OP_IMAGE, .x = x, .y = y, .w = width};
    picture.h = place_image_height(box, width);
    picture.picture.image = box->as.image.image;
    picture.picture.cover = box->as.image.cover;
    picture.picture.focus[0] = box->as.image.focus[0];
    picture.picture.focus[1] = box->as.image.focus[1];
    /* A decoration (alt: "") has no alternative text to list. */
    picture.alt = box->as.image.alt && *box->as.image.alt ? box->as.image.alt : NULL;
    if (bleed) {
        place_bleed(p, &picture, y, picture.h);
    } else if (!box->as.image.cover && natural_width(box, picture.h) > 0) {
        /* Contained: the picture's own rectangle in its box, aligned across
         * and centred down. */
        const fs_image *image = box->as.image.image;
        double iw = fs_image_width(image), ih = fs_image_height(image);
        double scale = fmin(width / iw, picture.h / ih);
        double spare = width - iw * scale;
        picture.x = x + (box->as.image.align == FS_ALIGN_CENTER ? spare / 2
                         : box->as.image.align == FS_ALIGN_END  ? spare
                                                                : 0);
        picture.y = y + (picture.h - ih * scale) / 2;
        picture.w = iw * scale;
        picture.h = ih * scale;
    }
    const fs_tag *outer = p->leaf;
    p->leaf = figure;
    if (box->as.image.image)
        place_emit(p, &picture);
    p->leaf = outer;
    if (box->as.image.credit && box->as.image.image)
        place_credit(p, box->as.image.credit, &picture, x, width);
}

const fs_tag *place_picture_tag(placer *p, const fs_box *box)
{
    /* alt: "" says the picture is decoration, an artifact. */
    const char *alt = box->as.image.alt;
    return alt && !*alt ? NULL : place_figure(p, alt);
}

/* A picture and its caption (a Caption after its Figure). */
static double layout_image(placer *p, const fs_box *box, double x, double y, double width)
{
    double height = place_image_height(box, width);
    if (p->page)
        place_picture(p, box, x, y, width, place_picture_tag(p, box), box->bleed);
    if (box->child_count) {
        const fs_tag *group = p->group;
        double gap = box->as.image.caption_gap;
        p->group = place_tag(p, FS_TAG_CAPTION, 0, group);
        height += gap + place_box(p, box->children[0], x, y + height + gap, width, 0);
        p->group = group;
    }
    return height;
}

/* Pictures of one height side by side (a strip of logos), each at its
 * own width, in as many lines as they need, each line aligned as the
 * strip says; the strip's gap between them and between lines. */
static double layout_strip(placer *p, const fs_box *box, double x, double y, double width)
{
    double height = box->as.strip.height, gap = place_gap(box, 8 * 72 / 25.4);
    double top = y;
    size_t start = 0;
    while (start < box->child_count) {
        double used = natural_width(box->children[start], height);
        size_t end = start + 1;
        while (end < box->child_count &&
               used + gap + natural_width(box->children[end], height) <= width + 0.01)
            used += gap + natural_width(box->children[end++], height);
        double spare = fmax(0, width - used);
        double at = x + (box->as.strip.align == FS_ALIGN_CENTER ? spare / 2
                         : box->as.strip.align == FS_ALIGN_END  ? spare
                                                                : 0);
        for (size_t i = start; i < end && p->page; i++) {
            const fs_box *logo = box->children[i];
            double w = fmin(width, natural_width(logo, height));
            place_picture(p, logo, at, y, w, place_picture_tag(p, logo), false);
            at += w + gap;
        }
        y += height + (end < box->child_count ? gap : 0);
        start = end;
    }
    return y - top;
}

/* Outside a flow a quote is one block beside one bar: its paragraphs are
 * laid out without their own, in one BlockQuote. */
static double layout_quote(placer *p, const fs_box *box, double x, double y, double width)
{
    bool beside_bar = p->beside_bar;
    const fs_tag *group = p->group;
    p->beside_bar = true;
    p->group = place_tag(p, FS_TAG_BLOCKQUOTE, 0, group);
    double height = layout_stack(p, children_of(box), box->child_count, FS_GAP_FRAME,
                                 x + QUOTE_INDENT, y, width - QUOTE_INDENT);
    p->beside_bar = beside_bar;
    p->group = group;
    if (box->child_count)
        place_emit_bar(p, &box->children[0]->as.text.bar, x, y, y + height);
    return height;
}

/* An icon alone: the square of its size (or of its width, when that is
 * less), placed across its width as align says; a Figure with its alt,
 * else a decoration. */
static double layout_icon(placer *p, const fs_box *box, double x, double y, double width)
{
    double side = fmin(box->as.icon.size, width);
    if (!p->page)
        return side;
    double spare = width - side;
    double at = box->as.icon.align == FS_ALIGN_CENTER ? x + spare / 2
                : box->as.icon.align == FS_ALIGN_END  ? x + spare
                                                      : x;
    const char *alt = box->as.icon.alt && *box->as.icon.alt ? box->as.icon.alt : NULL;
    const fs_tag *leaf = p->leaf;
    p->leaf = alt ? place_figure(p, alt) : NULL;
    place_emit_icon(p, &box->as.icon.icon, at, y, side, box->as.icon.color, alt);
    p->leaf = leaf;
    return side;
}

static double layout_kind(placer *p, const fs_box *box, double x, double y, double width,
                          double min_height)
{
    switch (box->kind) {
    case FS_BOX_FRAME:
        return layout_frame(p, box, x, y, width, min_height);
    case FS_BOX_ROW:
        return layout_row(p, box, x, y, width, min_height);
    case FS_BOX_STACK:
        return fmax(layout_stack(p, children_of(box), box->child_count,
                                 place_gap(box, FS_GAP_STACK), x, y, width),
                    min_height);
    case FS_BOX_GRID:
        return fmax(layout_grid(p, box, x, y, width), min_height);
    case FS_BOX_TEXT:
        return fmax(place_text(p, box, x, y, width), min_height);
    case FS_BOX_STAT:
        return place_stat(p, box, x, y, width, min_height);
    case FS_BOX_LIST:
        return fmax(layout_list(p, box, x, y, width), min_height);
    case FS_BOX_SPACER:
        return box->as.spacer.height;
    case FS_BOX_IMAGE:
        return fmax(layout_image(p, box, x, y, width), min_height);
    case FS_BOX_ICON:
        return fmax(layout_icon(p, box, x, y, width), min_height);
    case FS_BOX_STRIP:
        return fmax(layout_strip(p, box, x, y, width), min_height);
    case FS_BOX_QUOTE:
        return fmax(layout_quote(p, box, x, y, width), min_height);
    case FS_BOX_FLOW:
        /* A flow inside another block cannot break: its content stacks. */
        return fmax(layout_stack(p, children_of(box), box->child_count, FS_GAP_STACK, x, y, width),
                    min_height);
    case FS_BOX_BREAK:
        return min_height;
    case FS_BOX_CHART:
        return fmax(place_chart(p, box, x, y, width), min_height);
    case FS_BOX_RULE: {
        fs_op rule = {.kind = FS_OP_RECT,
                      .x = x,
                      .y = y,
                      .w = width,
                      .h = box->as.rule.height,
                      .color = box->as.rule.color};
        place_emit(p, &rule);
        return box->as.rule.height;
    }
    }
    return 0;
}

double place_box(placer *p, const fs_box *box, double x, double y, double width, double min_height)
{
    const fs_box *outer = p->current;
    p->current = box;
    /* A run of Markdown blocks is the texts of one box: any other box ends
     * the run around it and starts its own. */
    bool ends_run = p->page && box->kind != FS_BOX_TEXT;
    if (ends_run)
        place_end_run(p);
    double height = layout_kind(p, box, x, y, width, min_height);
    if (ends_run)
        place_end_run(p);
    p->current = outer;
    return height;
}
