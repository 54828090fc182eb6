#include "fs_place.h"

#include <math.h>
#include <stdint.h>
#include <string.h>

/* Placement runs each box through one function, layout_box, in two modes:
 * measuring (no page: only the height is wanted) and drawing (ops are added
 * to the page). A frame measures its content first, so its background can
 * be drawn before what it holds. */

typedef struct {
    const fs_measurer *measurer;
    fs_arena *arena;
    fs_diags *diags;
    fs_page_ops *page; /* NULL while measuring */
    double page_width, page_height;
    double page_top, page_bottom; /* where bleeding bands reach the page edge */
    bool strict;                  /* a missing glyph is an error */
    const fs_box *current;        /* the box being laid out, for diagnostics */
    const fs_box **foreign;       /* boxes already reported for a missing glyph */
    size_t foreign_count, foreign_capacity;
    /* Measurements already made: a box is measured again each time a
     * container around it is (to size a frame, a row, a page), and shaping
     * text is most of placement's cost. */
    struct measured *measured;
    size_t measured_count, measured_capacity;
    bool failed;
} placer;

typedef struct measured {
    const char *markup; /* keys: the same strings and styles of the box tree */
    const fs_text_style *style;
    double size, width;
    fs_extent extent;
} measured;

static size_t measured_slot(const placer *p, const char *markup, const fs_text_style *style,
                            double size, double width)
{
    uint64_t hash = (uint64_t)(uintptr_t)markup * 0x9E3779B97F4A7C15u;
    hash ^= (uint64_t)(uintptr_t)style + (hash << 6) + (hash >> 2);
    hash ^= (uint64_t)(int64_t)(size * 1024) * 0xC2B2AE3D27D4EB4Fu;
    hash ^= (uint64_t)(int64_t)(width * 1024) * 0x165667B19E3779F9u;
    return (size_t)(hash >> 11) & (p->measured_capacity - 1);
}

static const fs_extent *find_measured(const placer *p, const char *markup,
                                      const fs_text_style *style, double size, double width)
{
    if (!p->measured_capacity)
        return NULL;
    for (size_t slot = measured_slot(p, markup, style, size, width); p->measured[slot].markup;
         slot = (slot + 1) & (p->measured_capacity - 1)) {
        const measured *m = &p->measured[slot];
        if (m->markup == markup && m->style == style && m->size == size && m->width == width)
            return &m->extent;
    }
    return NULL;
}

static void remember_measured(placer *p, const measured *entry)
{
    if ((p->measured_count + 1) * 2 > p->measured_capacity) {
        measured *old = p->measured;
        size_t old_capacity = p->measured_capacity;
        size_t capacity = old_capacity ? old_capacity * 2 : 256;
        measured *table = fs_arena_array(p->arena, capacity, sizeof *table);
        if (!table)
            return;
        p->measured = table;
        p->measured_capacity = capacity;
        p->measured_count = 0;
        for (size_t i = 0; i < old_capacity; i++)
            if (old[i].markup)
                remember_measured(p, &old[i]);
    }
    size_t slot = measured_slot(p, entry->markup, entry->style, entry->size, entry->width);
    while (p->measured[slot].markup)
        slot = (slot + 1) & (p->measured_capacity - 1);
    p->measured[slot] = *entry;
    p->measured_count++;
}

/* Geometry of a stat tile relative to its number size n. */
static const double ICON_DIAMETER = 1.5; /* the icon's disc */
static const double ICON_GLYPH = 0.62;   /* the glyph inside the disc */
static const double ICON_GAP = 0.45;     /* between disc and number */
static const double LABEL_GAP = 0.12;    /* between number and label */

static double layout_box(placer *p, fs_box *box, double x, double y, double width,
                         double min_height);
static double layout_kind(placer *p, fs_box *box, double x, double y, double width,
                          double min_height);

/* Reports, once per box, a character the style's font cannot draw: pango
 * drew it with another font of the set, or not at all. */
static void report_foreign(placer *p, const fs_text_style *style, const fs_extent *extent)
{
    const fs_box *box = p->current;
    for (size_t i = 0; i < p->foreign_count; i++)
        if (p->foreign[i] == box)
            return;
    if (p->foreign_count == p->foreign_capacity) {
        size_t capacity = p->foreign_capacity ? p->foreign_capacity * 2 : 8;
        const fs_box **grown =
            fs_arena_grow(p->arena, p->foreign, p->foreign_count, capacity, sizeof *grown);
        if (!grown)
            return;
        p->foreign = grown;
        p->foreign_capacity = capacity;
    }
    p->foreign[p->foreign_count++] = box;
    char utf8[8] = {0};
    uint32_t c = extent->foreign_char;
    if (c < 0x80) {
        utf8[0] = (char)c;
    } else if (c < 0x800) {
        utf8[0] = (char)(0xC0 | c >> 6);
        utf8[1] = (char)(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        utf8[0] = (char)(0xE0 | c >> 12);
        utf8[1] = (char)(0x80 | (c >> 6 & 0x3F));
        utf8[2] = (char)(0x80 | (c & 0x3F));
    } else {
        utf8[0] = (char)(0xF0 | c >> 18);
        utf8[1] = (char)(0x80 | (c >> 12 & 0x3F));
        utf8[2] = (char)(0x80 | (c >> 6 & 0x3F));
        utf8[3] = (char)(0x80 | (c & 0x3F));
    }
    fs_diag_add(
        p->diags, p->strict ? FS_ERROR : FS_WARNING, box ? box->pos : fs_pos_at(NULL, 0, 0),
        "choose a font that has it (fonts/fonts.conf lists the set), or avoid the character",
        extent->drawn_by_none ? "font '%s' has no glyph for '%s' (U+%04X), and no other "
                                "font of the set has one: it is drawn as a box"
                              : "font '%s' has no glyph for '%s' (U+%04X); another font "
                                "of the set draws it",
        style->family, utf8, (unsigned)c);
}

static fs_extent measure(placer *p, const char *markup, const fs_text_style *style, double size,
                         double width)
{
    const fs_extent *known = find_measured(p, markup, style, size, width);
    if (known)
        return *known;
    fs_text text = {markup, style, size, width};
    fs_extent extent = {0};
    if (!p->measurer->measure(p->measurer->context, &text, &extent)) {
        p->failed = true;
        fs_error(p->diags, fs_pos_at(NULL, 0, 0), NULL, "cannot lay out text '%s'", markup);
    }
    if (extent.foreign_char)
        report_foreign(p, style, &extent);
    remember_measured(p, &(measured){markup, style, size, width, extent});
    return extent;
}

static void emit(placer *p, const fs_op *op)
{
    if (p->page && !fs_display_add(p->arena, p->page, op))
        p->failed = true;
}

static void emit_text(placer *p, double x, double y, double width, double height,
                      const char *markup, const fs_text_style *style, double size,
                      int outline_level)
{
    fs_op op = {.kind = FS_OP_TEXT, .x = x, .y = y, .w = width, .h = height, .color = style->color};
    op.text = (fs_text){markup, style, size, width};
    op.outline_level = outline_level;
    emit(p, &op);
}

/* The fill and outline of a box or stat. */
static fs_op frame_op(const fs_box *box, double x, double y, double width, double height)
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

static double measure_box(placer *p, fs_box *box, double width)
{
    fs_page_ops *page = p->page;
    p->page = NULL;
    double height = layout_box(p, box, 0, 0, width, 0);
    p->page = page;
    return height;
}

static double gap_of(const fs_box *box, double fallback)
{
    return box->gap >= 0 ? box->gap : fallback;
}

static double child_width(const fs_box *child, double available)
{
    if (child->width_kind == FS_WIDTH_FIXED)
        return fmin(child->width, available);
    if (child->width_kind == FS_WIDTH_PERCENT)
        return available * child->width / 100.0;
    return available;
}

/* ---- text ------------------------------------------------------------ */

static double layout_text(placer *p, fs_box *box, double x, double y, double width)
{
    double top = y;
    for (size_t i = 0; i < box->paragraph_count; i++) {
        fs_extent extent = measure(p, box->paragraphs[i], &box->style, box->style.size, width);
        emit_text(p, x, y, width, extent.height, box->paragraphs[i], &box->style, box->style.size,
                  i == 0 ? box->level : 0);
        y += extent.height;
        if (i + 1 < box->paragraph_count)
            y += box->style.space_after;
    }
    return y - top;
}

/* ---- stats ----------------------------------------------------------- */

static double number_size(const fs_box *stat)
{
    return stat->number_style.size * (stat->fit_scale > 0 ? stat->fit_scale : 1);
}

static bool icon_beside(const fs_box *stat)
{
    return stat->has_icon && !stat->icon_above;
}

/* The numbers of stats placed side by side share one size: the largest at
 * which every number fits its tile on one line, never below what the style
 * allows. Text widths scale linearly with size (unhinted metrics), so one
 * measurement per number gives the answer. A group is fitted once: measuring
 * and drawing lay it out at the same widths, and one problem is one warning. */
static void fit_numbers(placer *p, fs_box **boxes, const double *widths, size_t count)
{
    double scale = 1, floor = 0;
    fs_box *worst = NULL;
    bool fitted = true;
    for (size_t i = 0; i < count; i++)
        if (boxes[i]->kind == FS_BOX_STAT && boxes[i]->fit_scale <= 0)
            fitted = false;
    if (fitted)
        return;
    for (size_t i = 0; i < count; i++) {
        fs_box *stat = boxes[i];
        if (stat->kind != FS_BOX_STAT)
            continue;
        double size = stat->number_style.size;
        fs_extent natural = measure(p, stat->number, &stat->number_style, size, -1);
        double per_point =
            natural.width / size + (icon_beside(stat) ? ICON_DIAMETER + ICON_GAP : 0);
        double inner = widths[i] - stat->padding.left - stat->padding.right;
        double fits = per_point > 0 ? inner / per_point / size : 1;
        if (fits < scale) {
            scale = fits;
            worst = stat;
        }
        floor = fmax(floor, stat->number_style.min_scale);
    }
    if (worst && scale < floor) {
        fs_warning(p->diags, worst->pos,
                   "widen the tiles (fewer columns), shorten the number, or allow more shrink "
                   "in the style",
                   "the numbers of this group do not fit their tiles even at %.0f%% of their "
                   "size",
                   floor * 100);
        scale = floor;
    }
    for (size_t i = 0; i < count; i++)
        if (boxes[i]->kind == FS_BOX_STAT)
            boxes[i]->fit_scale = scale;
}

static double layout_stat(placer *p, fs_box *box, double x, double y, double width,
                          double min_height)
{
    double n = number_size(box);
    double disc = box->has_icon ? n * ICON_DIAMETER : 0;
    double inner_x = x + box->padding.left, inner_y = y + box->padding.top;
    double inner_w = width - box->padding.left - box->padding.right;
    double text_x = icon_beside(box) ? disc + n * ICON_GAP : 0;
    double text_w = inner_w - text_x;
    fs_extent number = measure(p, box->number, &box->number_style, n, -1);
    fs_extent label = measure(p, box->label, &box->label_style, box->label_style.size, text_w);

    double disc_top = 0, text_top = 0;
    if (icon_beside(box)) {
        /* The disc is centred on the height of a figure, not on this number's
         * own ink (a comma would pull it down), so icon and number read as
         * one line and every tile of a row keeps the same baseline. */
        fs_extent figure = measure(p, "0", &box->number_style, n, -1);
        double centre = (figure.ink_top + figure.ink_bottom) / 2;
        disc_top = centre - disc / 2;
        if (disc_top < 0) {
            text_top = -disc_top;
            disc_top = 0;
        }
    } else if (box->has_icon) {
        text_top = disc + n * ICON_GAP * 0.6;
    }
    double label_top = text_top + number.height + n * LABEL_GAP;
    double content = fmax(label_top + label.height, disc_top + disc);
    double height = fmax(content + box->padding.top + box->padding.bottom, min_height);
    if (!p->page)
        return height;

    if (box->has_fill || box->has_border) {
        fs_op frame = frame_op(box, x, y, width, height);
        emit(p, &frame);
    }
    if (box->has_icon) {
        fs_rgba tint = box->icon_color;
        tint.a *= 0.14;
        fs_op circle = {.kind = FS_OP_CIRCLE,
                        .x = inner_x,
                        .y = inner_y + disc_top,
                        .w = disc,
                        .h = disc,
                        .color = tint};
        emit(p, &circle);
        double glyph = disc * ICON_GLYPH;
        fs_op icon = {.kind = FS_OP_ICON,
                      .x = inner_x + (disc - glyph) / 2,
                      .y = inner_y + disc_top + (disc - glyph) / 2,
                      .w = glyph,
                      .h = glyph,
                      .color = box->icon_color};
        icon.icon.codepoint = box->icon;
        icon.icon.family = box->icon_family;
        emit(p, &icon);
    }
    emit_text(p, inner_x + text_x, inner_y + text_top, text_w, number.height, box->number,
              &box->number_style, n, 0);
    emit_text(p, inner_x + text_x, inner_y + label_top, text_w, label.height, box->label,
              &box->label_style, box->label_style.size, 0);
    return height;
}

/* ---- containers ------------------------------------------------------ */

static double layout_stack(placer *p, fs_box **children, size_t count, double gap, double x,
                           double y, double width)
{
    double top = y;
    for (size_t i = 0; i < count; i++) {
        double w = child_width(children[i], width);
        /* A stat on its own line fits alone. */
        fit_numbers(p, &children[i], &w, 1);
        y += layout_box(p, children[i], x, y, w, 0);
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

static double layout_row(placer *p, fs_box *box, double x, double y, double width,
                         double min_height)
{
    size_t n = box->child_count;
    if (n == 0)
        return min_height;
    double gap = gap_of(box, FS_GAP_ROW);
    double *widths = fs_arena_array(p->arena, n, sizeof(double));
    double *heights = fs_arena_array(p->arena, n, sizeof(double));
    if (!widths || !heights) {
        p->failed = true;
        return 0;
    }
    double available = width - gap * (double)(n - 1), taken = 0;
    size_t autos = 0;
    for (size_t i = 0; i < n; i++) {
        fs_box *child = box->children[i];
        if (child->width_kind == FS_WIDTH_AUTO) {
            autos++;
            continue;
        }
        widths[i] = child_width(child, available);
        taken += widths[i];
    }
    double share = autos ? fmax((available - taken) / (double)autos, 0) : 0;
    for (size_t i = 0; i < n; i++)
        if (box->children[i]->width_kind == FS_WIDTH_AUTO)
            widths[i] = share;
    fit_numbers(p, box->children, widths, n);
    double height = min_height;
    for (size_t i = 0; i < n; i++) {
        heights[i] = measure_box(p, box->children[i], widths[i]);
        height = fmax(height, heights[i]);
    }
    if (p->page) {
        double cx = x;
        for (size_t i = 0; i < n; i++) {
            fs_box *child = box->children[i];
            if (stretches(child))
                layout_box(p, child, cx, y, widths[i], height);
            else
                layout_box(p, child, cx, y + valign_offset(box, heights[i], height), widths[i], 0);
            cx += widths[i] + gap;
        }
    }
    return height;
}

static double layout_grid(placer *p, fs_box *box, double x, double y, double width)
{
    size_t n = box->child_count;
    size_t columns = box->columns > 0 ? (size_t)box->columns : 1;
    if (n == 0)
        return 0;
    double gap = gap_of(box, FS_GAP_GRID);
    double cell = (width - gap * (double)(columns - 1)) / (double)columns;
    double *widths = fs_arena_array(p->arena, n, sizeof(double));
    if (!widths) {
        p->failed = true;
        return 0;
    }
    for (size_t i = 0; i < n; i++)
        widths[i] = cell;
    fit_numbers(p, box->children, widths, n);
    double top = y;
    for (size_t start = 0; start < n; start += columns) {
        size_t end = start + columns < n ? start + columns : n;
        double height = 0;
        for (size_t i = start; i < end; i++)
            height = fmax(height, measure_box(p, box->children[i], cell));
        if (p->page)
            for (size_t i = start; i < end; i++)
                layout_box(p, box->children[i], x + (double)(i - start) * (cell + gap), y, cell,
                           stretches(box->children[i]) ? height : 0);
        y += height + (end < n ? gap : 0);
    }
    return y - top;
}

static double layout_frame(placer *p, fs_box *box, double x, double y, double width,
                           double min_height)
{
    double inner = width - box->padding.left - box->padding.right;
    double gap = gap_of(box, FS_GAP_FRAME);
    double content;
    if (p->page)
        content = measure_box(p, box, width) - box->padding.top - box->padding.bottom;
    else
        content = layout_stack(p, box->children, box->child_count, gap, 0, 0, inner);
    double height = fmax(content + box->padding.top + box->padding.bottom, min_height);
    if (!p->page)
        return height;
    if (box->has_fill || box->has_border) {
        fs_op frame = frame_op(box, x, y, width, height);
        if (box->bleed) {
            /* A band reaches the page's edges: left and right always, top or
             * bottom when it is the first or last block of the page. */
            frame.x = 0;
            frame.w = p->page_width;
            frame.rect.radius = 0;
            if (fabs(y - p->page_top) < 0.01) {
                frame.h += frame.y;
                frame.y = 0;
            }
            if (fabs(y + height - p->page_bottom) < 0.01)
                frame.h = p->page_height - frame.y;
        }
        emit(p, &frame);
    }
    /* A frame stretched taller than its content (in a row or grid) places
     * the content as its valign says. */
    double spare = height - content - box->padding.top - box->padding.bottom;
    double offset = box->valign == FS_ALIGN_CENTER ? spare / 2
                    : box->valign == FS_ALIGN_END  ? spare
                                                   : 0;
    layout_stack(p, box->children, box->child_count, gap, x + box->padding.left,
                 y + box->padding.top + offset, inner);
    return height;
}

static double layout_list(placer *p, fs_box *box, double x, double y, double width)
{
    double gap = gap_of(box, FS_GAP_LIST);
    const fs_text_style *style = &box->style;
    fs_text_style *marker_style = fs_arena_alloc(p->arena, sizeof *marker_style);
    if (!marker_style) {
        p->failed = true;
        return 0;
    }
    *marker_style = *style;
    marker_style->color = box->marker_color;
    marker_style->weight = 700;
    marker_style->align = FS_ALIGN_START;
    double indent =
        box->marker == FS_MARKER_NONE ? 0
        : box->marker == FS_MARKER_BULLET
            ? style->size * 1.1
            : measure(p, "00.", marker_style, style->size, -1).width + style->size * 0.4;
    double top = y;
    for (size_t i = 0; i < box->child_count; i++) {
        fs_box *item = box->children[i];
        double height = layout_box(p, item, x + indent, y, width - indent, 0);
        if (p->page && box->marker != FS_MARKER_NONE) {
            const char *marker =
                box->marker == FS_MARKER_BULLET ? "•" : fs_arena_printf(p->arena, "%zu.", i + 1);
            emit_text(p, x, y, indent, height, marker, marker_style, style->size, 0);
        }
        y += height + (i + 1 < box->child_count ? gap : 0);
    }
    return y - top;
}

static double layout_box(placer *p, fs_box *box, double x, double y, double width,
                         double min_height)
{
    const fs_box *outer = p->current;
    p->current = box;
    double height = layout_kind(p, box, x, y, width, min_height);
    p->current = outer;
    return height;
}

static double layout_kind(placer *p, fs_box *box, double x, double y, double width,
                          double min_height)
{
    switch (box->kind) {
    case FS_BOX_FRAME:
        return layout_frame(p, box, x, y, width, min_height);
    case FS_BOX_ROW:
        return layout_row(p, box, x, y, width, min_height);
    case FS_BOX_STACK:
        return fmax(layout_stack(p, box->children, box->child_count, gap_of(box, FS_GAP_STACK), x,
                                 y, width),
                    min_height);
    case FS_BOX_GRID:
        return fmax(layout_grid(p, box, x, y, width), min_height);
    case FS_BOX_TEXT:
        return fmax(layout_text(p, box, x, y, width), min_height);
    case FS_BOX_STAT:
        return layout_stat(p, box, x, y, width, min_height);
    case FS_BOX_LIST:
        return fmax(layout_list(p, box, x, y, width), min_height);
    case FS_BOX_SPACER:
        return box->height;
    case FS_BOX_RULE: {
        fs_op rule = {
            .kind = FS_OP_RECT, .x = x, .y = y, .w = width, .h = box->height, .color = box->fill};
        emit(p, &rule);
        return box->height;
    }
    }
    return 0;
}

/* ---- pages ----------------------------------------------------------- */

static fs_page_ops *new_page(placer *p, fs_display *display, size_t *capacity)
{
    if (display->page_count == FS_MAX_PAGES) {
        fs_error(p->diags, p->current ? p->current->pos : fs_pos_at(NULL, 0, 0),
                 "split the data into several documents (render --each COLUMN)",
                 "the document would have more than %d pages", FS_MAX_PAGES);
        p->failed = true;
        return NULL;
    }
    if (display->page_count == *capacity) {
        *capacity = *capacity ? *capacity * 2 : 4;
        fs_page_ops *pages = fs_arena_grow(p->arena, display->pages, display->page_count, *capacity,
                                           sizeof(fs_page_ops));
        if (!pages)
            return NULL;
        display->pages = pages;
    }
    fs_page_ops *page = &display->pages[display->page_count++];
    *page = (fs_page_ops){0};
    return page;
}

fs_display *fs_place(const fs_document *doc, const fs_page_spec *page, const fs_measurer *measurer,
                     fs_arena *arena, fs_diags *diags)
{
    fs_display *display = fs_arena_alloc(arena, sizeof *display);
    if (!display)
        return NULL;
    display->width = page->width;
    display->height = page->height;
    placer p = {.measurer = measurer,
                .arena = arena,
                .diags = diags,
                .page_width = page->width,
                .page_height = page->height,
                .page_top = page->margin.top,
                .page_bottom = page->height - page->margin.bottom,
                .strict = doc->strict};
    size_t errors = fs_diags_errors(diags);
    double x = page->margin.left;
    double width = page->width - page->margin.left - page->margin.right;
    double footer_height = doc->footer ? measure_box(&p, doc->footer, width) : 0;
    double footer_top = page->height - page->margin.bottom - footer_height;
    double bottom = doc->footer ? footer_top - FS_GAP_STACK : footer_top;
    double gap = page->gap >= 0 ? page->gap : FS_GAP_STACK;
    size_t capacity = 0;
    double y = page->margin.top;
    /* The footer is drawn after the body of each page, so the content
     * stream, and the text a reader or extractor gets, follows reading
     * order. */
    for (size_t i = 0; i < doc->body->child_count && !p.failed; i++) {
        fs_box *block = doc->body->children[i];
        p.current = block;
        double w = child_width(block, width);
        fit_numbers(&p, &block, &w, 1);
        double height = measure_box(&p, block, w);
        if (!p.page || (y > page->margin.top && y + height > bottom + 0.01)) {
            if (p.page && doc->footer)
                layout_box(&p, doc->footer, x, footer_top, width, 0);
            p.page = new_page(&p, display, &capacity);
            if (!p.page)
                return NULL;
            y = page->margin.top;
        }
        if (y + height > bottom + 0.01)
            fs_error(diags, block->pos, "shorten its text or split it into several blocks",
                     "this block is %.0f mm taller than the space a page has for it",
                     (y + height - bottom) * 25.4 / 72);
        layout_box(&p, block, x, y, w, 0);
        y += height + gap;
    }
    if (!p.page && !p.failed)
        p.page = new_page(&p, display, &capacity);
    if (p.page && doc->footer)
        layout_box(&p, doc->footer, x, footer_top, width, 0);
    return p.failed || fs_diags_errors(diags) > errors ? NULL : display;
}
