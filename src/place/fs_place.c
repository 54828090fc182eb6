#include "fs_place.h"

#include "core/fs_buf.h"
#include "core/fs_map.h"
#include "place/fs_chart.h"

#include <math.h>
#include <stdint.h>
#include <string.h>

/* Placement runs each box through one function, layout_box, in two modes:
 * measuring (no page: only the height is wanted) and drawing (ops are added
 * to the page). A frame measures its content first, so its background can
 * be drawn before what it holds.
 *
 * Placement reads the box tree and never writes it: a document is placed
 * several times to fit a page count (trials), and each trial keeps what it
 * decides (the size of the body's texts, the size each stat group fits at)
 * in its own placer, so it starts clean and reports its own problems. */

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
    /* The page a header or footer is drawn on, for {page} and {pages}. */
    size_t page_number, page_count;
    /* The share of their styles' size the texts being laid out are drawn
     * at: the trial's body scale while placing the body, 1 for the running
     * heads; with their copies of the box tree's styles at that scale. */
    double body_scale, text_scale;
    fs_map scaled;
    /* Per stat, the share of its number size its group fits at, decided
     * the first time the trial lays the group out. */
    fs_map fits;
    /* Laying out a quote's paragraphs outside a flow: the quote draws one
     * bar beside them all, and they draw none of their own. */
    bool beside_bar;
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

/* A style of the box tree at the trial's text scale. */
typedef struct {
    const fs_text_style *base;
    fs_text_style style;
} scaled_style;

static bool same_base(const void *item, const void *key)
{
    return ((const scaled_style *)item)->base == key;
}

/* The style to measure and draw a style of the box tree with: itself at
 * full size, else its copy at the text scale (made once per trial, in the
 * arena, as ops and measurements keep pointers to their styles). Every
 * style placement reads from a box goes through here, once. */
static const fs_text_style *scaled(placer *p, const fs_text_style *style)
{
    if (p->text_scale == 1)
        return style;
    uint64_t hash = fs_hash_pointer(style);
    scaled_style *known = fs_map_find(&p->scaled, hash, same_base, style);
    if (known)
        return &known->style;
    scaled_style *copy = fs_arena_alloc(p->arena, sizeof *copy);
    if (!copy || !fs_map_add(&p->scaled, hash, copy)) {
        p->failed = true;
        return style;
    }
    copy->base = style;
    copy->style = *style;
    copy->style.size *= p->text_scale;
    copy->style.space_after *= p->text_scale;
    copy->style.space_before *= p->text_scale;
    copy->style.tracking *= p->text_scale;
    return &copy->style;
}

static const double CAPTION_GAP = 4; /* between a picture and its caption */
static const double QUOTE_BAR = 2.5; /* a pull quote's bar */
static const double QUOTE_INDENT = 12;
static const double LIST_INDENT = 1.1; /* a level of list, in sizes of its text */

/* Geometry of a stat tile relative to its number size n. */
static const double ICON_DIAMETER = 1.5; /* the icon's disc */
static const double ICON_GLYPH = 0.62;   /* the glyph inside the disc */
static const double ICON_GAP = 0.45;     /* between disc and number */
static const double LABEL_GAP = 0.12;    /* between number and label */

static double layout_box(placer *p, const fs_box *box, double x, double y, double width,
                         double min_height);
static double layout_kind(placer *p, const fs_box *box, double x, double y, double width,
                          double min_height);
static double layout_image(placer *p, const fs_box *box, double x, double y, double width);
static double layout_quote(placer *p, const fs_box *box, double x, double y, double width);
static double layout_chart(placer *p, const fs_box *box, double x, double y, double width);

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
    fs_diag_add_kind(
        p->diags, p->strict ? FS_ERROR : FS_WARNING, FS_KIND_GLYPH,
        box ? box->pos : fs_pos_at(NULL, 0, 0),
        "choose a font that has it (fonts/fonts.conf lists the set), or avoid the character",
        extent->drawn_by_none ? "font '%s' has no glyph for '%s' (U+%04X), and no other "
                                "font of the set has one: it is drawn as a box"
                              : "font '%s' has no glyph for '%s' (U+%04X); another font "
                                "of the set draws it",
        style->family, utf8, (unsigned)c);
}

/* Markup with the page stand-ins of a header or footer replaced by the
 * numbers of the page being drawn (digits, as running heads print them). */
static const char *with_page_numbers(placer *p, const char *markup)
{
    if (!strstr(markup, "\xee\x80"))
        return markup;
    fs_buf out = {0};
    for (const char *c = markup; *c;) {
        if (strncmp(c, FS_PAGE_NUMBER, 3) == 0 || strncmp(c, FS_PAGE_COUNT, 3) == 0) {
            fs_buf_printf(&out, "%zu", c[2] == FS_PAGE_NUMBER[2] ? p->page_number : p->page_count);
            c += 3;
        } else {
            fs_buf_putc(&out, *c++);
        }
    }
    const char *result = fs_buf_ok(&out) ? fs_arena_strdup(p->arena, fs_buf_str(&out)) : NULL;
    fs_buf_free(&out);
    if (!result)
        p->failed = true;
    return result ? result : markup;
}

static fs_extent measure(placer *p, const char *markup, const fs_text_style *style, double size,
                         double width)
{
    markup = with_page_numbers(p, markup);
    const fs_extent *known = find_measured(p, markup, style, size, width);
    if (known)
        return *known;
    fs_text text = {.markup = markup, .style = style, .size = size, .width = width};
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

static fs_op text_op(placer *p, double x, double y, double width, double height, const char *markup,
                     const fs_text_style *style, double size)
{
    fs_op op = {.kind = FS_OP_TEXT, .x = x, .y = y, .w = width, .h = height, .color = style->color};
    op.text = (fs_text){
        .markup = with_page_numbers(p, markup), .style = style, .size = size, .width = width};
    return op;
}

static void emit_text(placer *p, double x, double y, double width, double height,
                      const char *markup, const fs_text_style *style, double size,
                      int outline_level)
{
    fs_op op = text_op(p, x, y, width, height, markup, style, size);
    op.outline_level = outline_level;
    emit(p, &op);
}

/* A paragraph of a text box in its (scaled) style, with its links, and a
 * heading's outline level and anchor on its first paragraph. */
static void emit_paragraph(placer *p, const fs_box *box, const fs_text_style *style, size_t i,
                           double x, double y, double width, double height, int first_line,
                           int line_count)
{
    fs_op op = text_op(p, x, y, width, height, box->paragraphs[i], style, style->size);
    op.text.first_line = first_line;
    op.text.line_count = line_count;
    if (i == 0 && first_line == 0) {
        op.outline_level = box->level;
        op.anchor = box->anchor;
    }
    if (box->links) {
        op.links = box->links[i];
        op.link_count = box->link_counts[i];
    }
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

static double measure_box(placer *p, const fs_box *box, double width)
{
    fs_page_ops *page = p->page;
    p->page = NULL;
    double height = layout_box(p, box, 0, 0, width, 0);
    p->page = page;
    return height;
}

/* A box's children, as placement sees them: boxes it only reads (C does not
 * add that const to the tree's fs_box ** by itself). */
static const fs_box *const *children_of(const fs_box *box)
{
    return (const fs_box *const *)box->children;
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

static void emit_bar(placer *p, const fs_rgba *color, double x, double top, double bottom);
static double text_indent(const fs_box *box, const fs_text_style *style, bool bar);
static const fs_text_style *marker_style_of(placer *p, const fs_text_style *style, fs_rgba color);
static void emit_marker(placer *p, const char *marker, const fs_text_style *style, double size,
                        double x, double y, double height);

/* The paragraphs of a text box, one under the other. */
static double layout_paragraphs(placer *p, const fs_box *box, const fs_text_style *style, double x,
                                double y, double width)
{
    double top = y;
    for (size_t i = 0; i < box->paragraph_count; i++) {
        fs_extent extent = measure(p, box->paragraphs[i], style, style->size, width);
        emit_paragraph(p, box, style, i, x, y, width, extent.height, 0, 0);
        y += extent.height;
        if (i + 1 < box->paragraph_count)
            y += style->space_after;
    }
    return y - top;
}

static double layout_text(placer *p, const fs_box *box, double x, double y, double width)
{
    const fs_text_style *style = scaled(p, &box->style);
    bool bar = box->has_bar && !p->beside_bar;
    double indent = text_indent(box, style, bar);
    double height = layout_paragraphs(p, box, style, x + indent, y, width - indent);
    /* A list item or quote paragraph of Markdown outside a flow: its
     * marker or bar in the indent. */
    if (indent > 0 && p->page && box->item_marker)
        emit_marker(p, box->item_marker, marker_style_of(p, style, box->bar), style->size,
                    x + indent, y, height);
    if (indent > 0 && p->page && bar)
        emit_bar(p, &box->bar, x + indent - QUOTE_INDENT, y, y + height);
    return height;
}

/* ---- stats ----------------------------------------------------------- */

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
    return scaled(p, &stat->number_style)->size * (fit ? fit->scale : 1);
}

static bool icon_beside(const fs_box *stat)
{
    return stat->has_icon && !stat->icon_above;
}

/* The numbers of stats placed side by side share one size: the largest at
 * which every number fits its tile on one line, never below what the style
 * allows. Text widths scale linearly with size (unhinted metrics), so one
 * measurement per number gives the answer. A group is fitted once a trial:
 * measuring and drawing lay it out at the same widths, and one problem is
 * one warning. */
static void fit_numbers(placer *p, const fs_box *const *boxes, const double *widths, size_t count)
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
        const fs_text_style *style = scaled(p, &stat->number_style);
        double size = style->size;
        fs_extent natural = measure(p, stat->number, style, size, -1);
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

static double layout_stat(placer *p, const fs_box *box, double x, double y, double width,
                          double min_height)
{
    const fs_text_style *number_style = scaled(p, &box->number_style);
    const fs_text_style *label_style = scaled(p, &box->label_style);
    const fs_text_style *compare_style = box->compare ? scaled(p, &box->compare_style) : NULL;
    double n = number_size(p, box);
    double disc = box->has_icon ? n * ICON_DIAMETER : 0;
    double inner_x = x + box->padding.left, inner_y = y + box->padding.top;
    double inner_w = width - box->padding.left - box->padding.right;
    double text_x = icon_beside(box) ? disc + n * ICON_GAP : 0;
    double text_w = inner_w - text_x;
    fs_extent number = measure(p, box->number, number_style, n, -1);
    fs_extent label = measure(p, box->label, label_style, label_style->size, text_w);

    double disc_top = 0, text_top = 0;
    if (icon_beside(box)) {
        /* The disc is centred on the height of a figure, not on this number's
         * own ink (a comma would pull it down), so icon and number read as
         * one line and every tile of a row keeps the same baseline. */
        fs_extent figure = measure(p, "0", number_style, n, -1);
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
    double compare_top = label_top + label.height + n * LABEL_GAP;
    fs_extent compare = {0};
    if (box->compare)
        compare = measure(p, box->compare, compare_style, compare_style->size, text_w);
    double text_bottom = box->compare ? compare_top + compare.height : label_top + label.height;
    double content = fmax(text_bottom, disc_top + disc);
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
        fs_op icon = {.kind = box->icon_image ? FS_OP_IMAGE : FS_OP_ICON,
                      .x = inner_x + (disc - glyph) / 2,
                      .y = inner_y + disc_top + (disc - glyph) / 2,
                      .w = glyph,
                      .h = glyph,
                      .color = box->icon_color};
        if (box->icon_image) {
            icon.picture.image = box->icon_image;
        } else {
            icon.icon.codepoint = box->icon;
            icon.icon.family = box->icon_family;
        }
        if (box->icon_image || box->icon_family)
            emit(p, &icon);
    }
    emit_text(p, inner_x + text_x, inner_y + text_top, text_w, number.height, box->number,
              number_style, n, 0);
    emit_text(p, inner_x + text_x, inner_y + label_top, text_w, label.height, box->label,
              label_style, label_style->size, 0);
    if (box->compare)
        emit_text(p, inner_x + text_x, inner_y + compare_top, text_w, compare.height, box->compare,
                  compare_style, compare_style->size, 0);
    return height;
}

/* ---- containers ------------------------------------------------------ */

static double layout_stack(placer *p, const fs_box *const *children, size_t count, double gap,
                           double x, double y, double width)
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

static double layout_row(placer *p, const fs_box *box, double x, double y, double width,
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
        const fs_box *child = box->children[i];
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
    fit_numbers(p, children_of(box), widths, n);
    double height = min_height;
    for (size_t i = 0; i < n; i++) {
        heights[i] = measure_box(p, box->children[i], widths[i]);
        height = fmax(height, heights[i]);
    }
    if (p->page) {
        double cx = x;
        for (size_t i = 0; i < n; i++) {
            const fs_box *child = box->children[i];
            if (stretches(child))
                layout_box(p, child, cx, y, widths[i], height);
            else
                layout_box(p, child, cx, y + valign_offset(box, heights[i], height), widths[i], 0);
            cx += widths[i] + gap;
        }
    }
    return height;
}

static double layout_grid(placer *p, const fs_box *box, double x, double y, double width)
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
    fit_numbers(p, children_of(box), widths, n);
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

static double layout_frame(placer *p, const fs_box *box, double x, double y, double width,
                           double min_height)
{
    double inner = width - box->padding.left - box->padding.right;
    double gap = gap_of(box, FS_GAP_FRAME);
    double content;
    if (p->page)
        content = measure_box(p, box, width) - box->padding.top - box->padding.bottom;
    else
        content = layout_stack(p, children_of(box), box->child_count, gap, 0, 0, inner);
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
    layout_stack(p, children_of(box), box->child_count, gap, x + box->padding.left,
                 y + box->padding.top + offset, inner);
    return height;
}

static double layout_list(placer *p, const fs_box *box, double x, double y, double width)
{
    double gap = gap_of(box, FS_GAP_LIST);
    const fs_text_style *style = scaled(p, &box->style);
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
        const fs_box *item = box->children[i];
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

static double layout_box(placer *p, const fs_box *box, double x, double y, double width,
                         double min_height)
{
    const fs_box *outer = p->current;
    p->current = box;
    double height = layout_kind(p, box, x, y, width, min_height);
    p->current = outer;
    return height;
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
        return fmax(layout_stack(p, children_of(box), box->child_count, gap_of(box, FS_GAP_STACK),
                                 x, y, width),
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
    case FS_BOX_IMAGE:
        return fmax(layout_image(p, box, x, y, width), min_height);
    case FS_BOX_QUOTE:
        return fmax(layout_quote(p, box, x, y, width), min_height);
    case FS_BOX_FLOW:
        /* A flow inside another block cannot break: its content stacks. */
        return fmax(layout_stack(p, children_of(box), box->child_count, FS_GAP_STACK, x, y, width),
                    min_height);
    case FS_BOX_BREAK:
        return min_height;
    case FS_BOX_CHART:
        return fmax(layout_chart(p, box, x, y, width), min_height);
    case FS_BOX_RULE: {
        fs_op rule = {
            .kind = FS_OP_RECT, .x = x, .y = y, .w = width, .h = box->height, .color = box->fill};
        emit(p, &rule);
        return box->height;
    }
    }
    return 0;
}

/* ---- images and quotes ------------------------------------------------ */

static double image_height(const fs_box *box, double width)
{
    if (box->height > 0)
        return box->height;
    if (!box->image)
        return 0;
    double w = fs_image_width(box->image), h = fs_image_height(box->image);
    return w > 0 ? width * h / w : 0;
}

static double layout_image(placer *p, const fs_box *box, double x, double y, double width)
{
    double height = image_height(box, width);
    fs_op picture = {.kind = FS_OP_IMAGE, .x = x, .y = y, .w = width, .h = height};
    picture.picture.image = box->image;
    picture.picture.cover = box->cover;
    picture.alt = box->alt;
    if (box->image)
        emit(p, &picture);
    if (box->child_count)
        height +=
            CAPTION_GAP + layout_box(p, box->children[0], x, y + height + CAPTION_GAP, width, 0);
    return height;
}

static void emit_bar(placer *p, const fs_rgba *color, double x, double top, double bottom)
{
    fs_op bar = {
        .kind = FS_OP_RECT, .x = x, .y = top, .w = QUOTE_BAR, .h = bottom - top, .color = *color};
    emit(p, &bar);
}

/* Outside a flow a quote is one block beside one bar: its paragraphs are
 * laid out without their own. */
static double layout_quote(placer *p, const fs_box *box, double x, double y, double width)
{
    bool beside_bar = p->beside_bar;
    p->beside_bar = true;
    double height = layout_stack(p, children_of(box), box->child_count, FS_GAP_FRAME,
                                 x + QUOTE_INDENT, y, width - QUOTE_INDENT);
    p->beside_bar = beside_bar;
    if (box->child_count)
        emit_bar(p, &box->children[0]->bar, x, y, y + height);
    return height;
}

/* ---- charts ------------------------------------------------------------- */

static const double CHART_GAP = 6;      /* between a chart's parts */
static const double CHART_TRACK = 0.16; /* the opacity of a series' track */

/* A style made from another for one chart part: bold or not, in a colour,
 * at a size; in the arena, as ops keep pointers to their styles. */
static const fs_text_style *chart_style(placer *p, const fs_text_style *base, int weight,
                                        fs_rgba color, double size)
{
    fs_text_style *style = fs_arena_alloc(p->arena, sizeof *style);
    if (!style) {
        p->failed = true;
        return base;
    }
    *style = *base;
    style->weight = weight;
    style->color = color;
    style->size = size;
    style->align = FS_ALIGN_START;
    return style;
}

static fs_rgba tint(fs_rgba color, double alpha)
{
    color.a *= alpha;
    return color;
}

/* Emits op, giving the chart's alternative text to its first op. */
static void emit_chart_op(placer *p, fs_op *op, const char **alt)
{
    op->alt = *alt;
    *alt = NULL;
    emit(p, op);
}

static void chart_rect(placer *p, const char **alt, double x, double y, double w, double h,
                       fs_rgba color)
{
    fs_op rect = {.kind = FS_OP_RECT, .x = x, .y = y, .w = w, .h = h, .color = color};
    rect.rect.radius = fmin(h, w) / 2;
    emit_chart_op(p, &rect, alt);
}

static double layout_donut(placer *p, const fs_box *box, const fs_chart_item *item, double x,
                           double y, double width, const char **alt)
{
    const fs_text_style *style = scaled(p, &box->style);
    const fs_text_style *number_style = scaled(p, &box->number_style);
    double d = box->height > 0 ? box->height : fmin(width * 0.38, 64);
    double ring = d * 0.16;
    /* The share in the middle, as large as the hole allows. */
    double size = fmin(number_style->size, d * 0.3);
    const fs_text_style *number =
        chart_style(p, number_style, number_style->weight, number_style->color, size);
    fs_extent figure = measure(p, item->text, number, size, -1);
    double hole = d - 2 * ring - 4;
    if (figure.width > hole && figure.width > 0) {
        size *= hole / figure.width;
        number = chart_style(p, number_style, number_style->weight, number_style->color, size);
        figure = measure(p, item->text, number, size, -1);
    }
    double label_x = d + CHART_GAP * 1.5, label_w = width - label_x;
    fs_extent label = measure(p, item->label, style, style->size, label_w);
    double height = fmax(d, label.height);
    if (!p->page)
        return height;
    double top = y + (height - d) / 2;
    fs_op track = {.kind = FS_OP_ARC,
                   .x = x,
                   .y = top,
                   .w = d,
                   .h = d,
                   .color = tint(box->icon_color, CHART_TRACK)};
    track.arc.start = 0;
    track.arc.end = 2 * M_PI;
    track.arc.thickness = ring;
    emit_chart_op(p, &track, alt);
    if (item->value > 0) {
        fs_op share = track;
        share.color = box->icon_color;
        share.arc.start = -M_PI / 2;
        share.arc.end = -M_PI / 2 + 2 * M_PI * fmin(item->value, 100) / 100;
        emit_chart_op(p, &share, alt);
    }
    emit_text(p, x + (d - figure.width) / 2, top + (d - figure.height) / 2, figure.width,
              figure.height, item->text, number, size, 0);
    emit_text(p, x + label_x, y + (height - label.height) / 2, label_w, label.height, item->label,
              style, style->size, 0);
    return height;
}

static double layout_icon_array(placer *p, const fs_box *box, const fs_chart_item *item, double x,
                                double y, double width, const char **alt)
{
    const fs_text_style *style = scaled(p, &box->style);
    const fs_text_style *number_style = scaled(p, &box->number_style);
    long total = box->total > 0 ? box->total : 10, per_row = total < 10 ? total : 10;
    long rows = (total + per_row - 1) / per_row;
    long filled = fs_chart_icons_filled(item->value, total);
    double cell = fmin(box->height > 0 ? box->height : 22, width / (double)per_row);
    double n = number_size(p, box);
    fs_extent figure = measure(p, item->text, number_style, n, -1);
    double label_x = figure.width + CHART_GAP, label_w = width - label_x;
    fs_extent label = measure(p, item->label, style, style->size, label_w);
    /* The label's first line sits on the figure's baseline. */
    fs_extent first = measure(p, "0", style, style->size, -1);
    double label_down = fmax(0, figure.baseline - first.baseline);
    double head = fmax(figure.height, label_down + label.height);
    double height = head + CHART_GAP + (double)rows * cell;
    if (!p->page)
        return height;
    emit_text(p, x, y, figure.width, figure.height, item->text, number_style, n, 0);
    emit_text(p, x + label_x, y + label_down, label_w, label.height, item->label, style,
              style->size, 0);
    for (long i = 0; i < total; i++) {
        double glyph = cell * 0.92;
        fs_op icon = {.kind = FS_OP_ICON,
                      .x = x + (double)(i % per_row) * cell + (cell - glyph) / 2,
                      .y = y + head + CHART_GAP + (double)(i / per_row) * cell + (cell - glyph) / 2,
                      .w = glyph,
                      .h = glyph,
                      .color = i < filled ? box->icon_color : tint(box->icon_color, 0.28)};
        icon.icon.codepoint = box->icon;
        icon.icon.family = box->icon_family;
        emit_chart_op(p, &icon, alt);
    }
    return height;
}

/* "18 / 50": a value against its target, or the value alone. */
static const char *value_text(placer *p, const fs_chart_item *item)
{
    if (!item->has_target)
        return item->text;
    const char *text = fs_arena_printf(p->arena, "%s / %s", item->text, item->target_text);
    if (!text)
        p->failed = true;
    return text ? text : item->text;
}

static double layout_progress(placer *p, const fs_box *box, const fs_chart_item *item, double x,
                              double y, double width, const char **alt)
{
    const fs_text_style *style = scaled(p, &box->style);
    const fs_text_style *number_style = scaled(p, &box->number_style);
    const fs_text_style *bold = chart_style(p, style, 700, number_style->color, style->size * 1.15);
    const char *amount = value_text(p, item);
    fs_extent value = measure(p, amount, bold, bold->size, -1);
    double label_w = width - value.width - CHART_GAP;
    fs_extent label = measure(p, item->label, style, style->size, label_w);
    double bar = box->height > 0 ? box->height : 7;
    double head = fmax(value.height, label.height);
    double height = head + CHART_GAP * 0.6 + bar;
    if (!p->page)
        return height;
    double bar_y = y + head + CHART_GAP * 0.6;
    chart_rect(p, alt, x, bar_y, width, bar, tint(box->icon_color, CHART_TRACK));
    double share = fs_chart_fraction(item->value, item->target);
    if (share > 0)
        chart_rect(p, alt, x, bar_y, fmax(width * share, bar), bar, box->icon_color);
    emit_text(p, x, y + head - label.height, label_w, label.height, item->label, style, style->size,
              0);
    emit_text(p, x + width - value.width, y + head - value.height, value.width, value.height,
              amount, bold, bold->size, 0);
    return height;
}

static double layout_bars(placer *p, const fs_box *box, double x, double y, double width,
                          const char **alt)
{
    const fs_text_style *style = scaled(p, &box->style);
    const fs_text_style *number_style = scaled(p, &box->number_style);
    const fs_text_style *bold = chart_style(p, style, 700, number_style->color, style->size);
    double max = fs_chart_scale_max(box->items, box->item_count), values = 0;
    for (size_t i = 0; i < box->item_count; i++)
        values =
            fmax(values, measure(p, value_text(p, &box->items[i]), bold, bold->size, -1).width);
    double label_w = width * 0.3, bar_x = label_w + CHART_GAP;
    double bar_w = fmax(width - bar_x - values - CHART_GAP, 1);
    double thickness = box->height > 0 ? box->height : style->size * 1.1;
    double top = y;
    for (size_t i = 0; i < box->item_count; i++) {
        const fs_chart_item *item = &box->items[i];
        fs_extent label = measure(p, item->label, style, style->size, label_w);
        fs_extent line = measure(p, "0", style, style->size, -1);
        /* The bar sits on the label's first line; a bar thicker than the
         * line pushes the label down rather than rise above the row. */
        double label_y = y + fmax(0, (thickness - line.height) / 2);
        double row = fmax(label_y - y + label.height, thickness);
        if (p->page) {
            double bar_y = label_y + (line.height - thickness) / 2;
            double end = bar_w * fs_chart_fraction(item->value, max);
            if (item->has_target) {
                double goal = bar_w * fs_chart_fraction(item->target, max);
                chart_rect(p, alt, x + bar_x, bar_y, goal, thickness,
                           tint(box->icon_color, CHART_TRACK));
                end = fmax(end, thickness);
                chart_rect(p, alt, x + bar_x, bar_y, end, thickness, box->icon_color);
                end = fmax(end, goal);
            } else if (end > 0) {
                chart_rect(p, alt, x + bar_x, bar_y, fmax(end, thickness), thickness,
                           box->icon_color);
            }
            emit_text(p, x, label_y, label_w, label.height, item->label, style, style->size, 0);
            const char *amount = value_text(p, item);
            fs_extent value = measure(p, amount, bold, bold->size, -1);
            emit_text(p, x + bar_x + end + CHART_GAP, label_y, value.width, value.height, amount,
                      bold, bold->size, 0);
        }
        y += row + (i + 1 < box->item_count ? CHART_GAP : 0);
    }
    return y - top;
}

static double layout_columns(placer *p, const fs_box *box, double x, double y, double width,
                             const char **alt)
{
    const fs_text_style *style = scaled(p, &box->style);
    const fs_text_style *number_style = scaled(p, &box->number_style);
    size_t n = box->item_count;
    if (n == 0)
        return 0;
    const fs_text_style *bold = chart_style(p, style, 700, number_style->color, style->size);
    double max = fs_chart_scale_max(box->items, n);
    double slot = width / (double)n, column = slot * 0.55;
    double plot = box->height > 0 ? box->height : 90;
    fs_extent figure = measure(p, "0", bold, bold->size, -1);
    double labels = 0;
    for (size_t i = 0; i < n; i++)
        labels = fmax(labels, measure(p, box->items[i].label, style, style->size, slot - 4).height);
    double base = y + figure.height + CHART_GAP * 0.5 + plot;
    double height = base - y + CHART_GAP * 0.8 + labels;
    if (!p->page)
        return height;
    for (size_t i = 0; i < n; i++) {
        const fs_chart_item *item = &box->items[i];
        double left = x + (double)i * slot + (slot - column) / 2;
        double tall = plot * fs_chart_fraction(item->value, max);
        if (item->has_target) {
            double goal = plot * fs_chart_fraction(item->target, max);
            fs_op track = {.kind = FS_OP_RECT,
                           .x = left,
                           .y = base - goal,
                           .w = column,
                           .h = goal,
                           .color = tint(box->icon_color, CHART_TRACK)};
            emit_chart_op(p, &track, alt);
        }
        fs_op bar = {.kind = FS_OP_RECT,
                     .x = left,
                     .y = base - tall,
                     .w = column,
                     .h = tall,
                     .color = box->icon_color};
        emit_chart_op(p, &bar, alt);
        double top =
            base - fmax(tall, item->has_target ? plot * fs_chart_fraction(item->target, max) : 0);
        const char *amount = value_text(p, item);
        fs_extent value = measure(p, amount, bold, bold->size, -1);
        emit_text(p, x + (double)i * slot + (slot - value.width) / 2,
                  top - CHART_GAP * 0.5 - value.height, value.width, value.height, amount, bold,
                  bold->size, 0);
        fs_text_style *centred =
            (fs_text_style *)chart_style(p, style, style->weight, style->color, style->size);
        centred->align = FS_ALIGN_CENTER;
        fs_extent label = measure(p, item->label, centred, centred->size, slot - 4);
        emit_text(p, x + (double)i * slot + 2, base + CHART_GAP * 0.8, slot - 4, label.height,
                  item->label, centred, centred->size, 0);
    }
    fs_op axis = {.kind = FS_OP_RECT,
                  .x = x,
                  .y = base,
                  .w = width,
                  .h = 0.75,
                  .color = tint(style->color, 0.4)};
    emit(p, &axis);
    return height;
}

/* Events in a column: each date once, beside a dot on a line, with the
 * labels of the rows that share it. */
/* Periods side by side: each date above a dot on one line across, its
 * text below. */
static double layout_timeline_across(placer *p, const fs_box *box, double x, double y, double width,
                                     const char **alt)
{
    const fs_text_style *style = scaled(p, &box->style);
    const fs_text_style *number_style = scaled(p, &box->number_style);
    const fs_text_style *date_style =
        chart_style(p, style, 700, number_style->color, style->size * 1.25);
    size_t n = box->item_count;
    double slot = width / (double)n, dot = style->size * 0.8;
    double dates = 0, labels = 0;
    for (size_t i = 0; i < n; i++) {
        dates =
            fmax(dates, measure(p, box->items[i].text, date_style, date_style->size, -1).height);
        labels =
            fmax(labels,
                 measure(p, box->items[i].label, style, style->size, slot - CHART_GAP * 2).height);
    }
    double axis = y + dates + CHART_GAP * 0.6 + dot / 2;
    double height = dates + CHART_GAP * 0.6 + dot + CHART_GAP + labels;
    if (!p->page)
        return height;
    fs_op line = {.kind = FS_OP_RECT,
                  .x = x,
                  .y = axis - 0.5,
                  .w = width,
                  .h = 1,
                  .color = tint(box->icon_color, 0.35)};
    emit_chart_op(p, &line, alt);
    for (size_t i = 0; i < n; i++) {
        double left = x + (double)i * slot;
        fs_extent date = measure(p, box->items[i].text, date_style, date_style->size, -1);
        emit_text(p, left, y, date.width, date.height, box->items[i].text, date_style,
                  date_style->size, 0);
        fs_op point = {.kind = FS_OP_CIRCLE,
                       .x = left,
                       .y = axis - dot / 2,
                       .w = dot,
                       .h = dot,
                       .color = box->icon_color};
        emit(p, &point);
        fs_extent label = measure(p, box->items[i].label, style, style->size, slot - CHART_GAP * 2);
        emit_text(p, left, axis + dot / 2 + CHART_GAP, slot - CHART_GAP * 2, label.height,
                  box->items[i].label, style, style->size, 0);
    }
    return height;
}

/* A timeline's line through its dots: x, and the first and last centres. */
typedef struct {
    double x, first, last;
} timeline_axis;

/* The rows of a timeline down the column, from y: each date once, its dot
 * and the labels of the rows that share it. Draws when the placer has a
 * page; returns the height, and where the line through the dots goes. */
static double timeline_rows(placer *p, const fs_box *box, double x, double y, double width,
                            const char **alt, timeline_axis *line)
{
    const fs_text_style *style = scaled(p, &box->style);
    const fs_text_style *number_style = scaled(p, &box->number_style);
    const fs_text_style *date_style =
        chart_style(p, style, 700, number_style->color, style->size * 1.1);
    double dates = 0;
    for (size_t i = 0; i < box->item_count; i++)
        dates = fmax(dates, measure(p, box->items[i].text, date_style, date_style->size, -1).width);
    double axis = dates + CHART_GAP * 1.5, dot = style->size * 0.7;
    double text_x = axis + dot + CHART_GAP, text_w = fmax(width - text_x, 1);
    double top = y;
    line->x = x + axis + dot / 2;
    for (size_t i = 0; i < box->item_count;) {
        size_t end = i + 1;
        while (end < box->item_count && strcmp(box->items[end].text, box->items[i].text) == 0)
            end++;
        fs_buf joined = {0};
        for (size_t k = i; k < end; k++)
            fs_buf_printf(&joined, "%s%s", k > i ? ", " : "", box->items[k].label);
        const char *labels =
            fs_buf_ok(&joined) ? fs_arena_strdup(p->arena, fs_buf_str(&joined)) : NULL;
        fs_buf_free(&joined);
        if (!labels) {
            p->failed = true;
            return 0;
        }
        fs_extent date = measure(p, box->items[i].text, date_style, date_style->size, -1);
        fs_extent label = measure(p, labels, style, style->size, text_w);
        double centre = y + date.height / 2;
        if (i == 0)
            line->first = centre;
        line->last = centre;
        if (p->page) {
            emit_text(p, x + dates - date.width, y, date.width, date.height, box->items[i].text,
                      date_style, date_style->size, 0);
            fs_op point = {.kind = FS_OP_CIRCLE,
                           .x = x + axis,
                           .y = centre - dot / 2,
                           .w = dot,
                           .h = dot,
                           .color = box->icon_color};
            emit_chart_op(p, &point, alt);
            emit_text(p, x + text_x,
                      y + (date.height - label.height > 0 ? (date.height - label.height) / 2 : 0),
                      text_w, label.height, labels, style, style->size, 0);
        }
        y += fmax(date.height, label.height) + (end < box->item_count ? CHART_GAP : 0);
        i = end;
    }
    return y - top;
}

static double layout_timeline(placer *p, const fs_box *box, double x, double y, double width,
                              const char **alt)
{
    if (box->across && box->item_count)
        return layout_timeline_across(p, box, x, y, width, alt);
    timeline_axis axis = {0};
    fs_page_ops *page = p->page;
    p->page = NULL;
    double height = timeline_rows(p, box, x, y, width, alt, &axis);
    p->page = page;
    if (!page)
        return height;
    /* The line through the dots goes first, under them; its ends are known
     * once the rows are measured. */
    if (axis.last > axis.first) {
        fs_op line = {.kind = FS_OP_RECT,
                      .x = axis.x - 0.5,
                      .y = axis.first,
                      .w = 1,
                      .h = axis.last - axis.first,
                      .color = tint(box->icon_color, 0.35)};
        emit_chart_op(p, &line, alt);
    }
    return timeline_rows(p, box, x, y, width, alt, &axis);
}

/* A donut, icon array or progress bar per item, one under the other (a
 * repeat gives one per row; none when it picks no row). */
static double layout_per_item(placer *p, const fs_box *box, double x, double y, double width,
                              const char **alt,
                              double (*one)(placer *, const fs_box *, const fs_chart_item *, double,
                                            double, double, const char **))
{
    double top = y;
    for (size_t i = 0; i < box->item_count; i++)
        y += one(p, box, &box->items[i], x, y, width, alt) +
             (i + 1 < box->item_count ? CHART_GAP * 2 : 0);
    return y - top;
}

static double layout_chart(placer *p, const fs_box *box, double x, double y, double width)
{
    const char *alt = box->alt;
    switch (box->chart) {
    case FS_CHART_DONUT:
        return layout_per_item(p, box, x, y, width, &alt, layout_donut);
    case FS_CHART_ICONS:
        return layout_per_item(p, box, x, y, width, &alt, layout_icon_array);
    case FS_CHART_PROGRESS:
        return layout_per_item(p, box, x, y, width, &alt, layout_progress);
    case FS_CHART_BAR:
        return layout_bars(p, box, x, y, width, &alt);
    case FS_CHART_COLUMN:
        return layout_columns(p, box, x, y, width, &alt);
    case FS_CHART_TIMELINE:
        return layout_timeline(p, box, x, y, width, &alt);
    }
    return 0;
}

/* ---- flow ------------------------------------------------------------ */

/* A flow is laid out as a sequence of pieces: each paragraph of its text,
 * each list item, each paragraph of a quote can split between two lines;
 * anything else (a picture, a grid, a box) moves whole. */
typedef struct {
    const fs_box *box;
    const fs_text_style *style; /* a text's, scaled */
    size_t paragraph;           /* of a text box */
    bool text;                  /* splits between lines */
    bool keep;                  /* starts in the same column as the next piece */
    bool heading;               /* never split */
    bool column_break, page_break;
    double indent; /* of a list item or quote */
    const char *marker;
    const fs_text_style *marker_style;
    double space_before, space_after;
    /* measured at the column's width */
    double *bottoms; /* text: the bottom of each line */
    int lines;
    double height;
} piece;

typedef struct {
    piece *pieces;
    size_t count, capacity;
} pieces;

/* Where a flow has got to: the next piece, and its first line not yet
 * placed. */
typedef struct {
    size_t piece;
    int line;
} flow_at;

enum { FLOW_ORPHANS = 2, FLOW_WIDOWS = 2 };
static const double FLOW_BLOCK_SPACE = 8; /* around what is not text */

static piece *add_piece(placer *p, pieces *list, const fs_box *box)
{
    if (list->count == list->capacity) {
        size_t capacity = list->capacity ? list->capacity * 2 : 64;
        piece *grown = fs_arena_grow(p->arena, list->pieces, list->count, capacity, sizeof *grown);
        if (!grown) {
            p->failed = true;
            return NULL;
        }
        list->pieces = grown;
        list->capacity = capacity;
    }
    piece *pc = &list->pieces[list->count++];
    *pc = (piece){.box = box, .space_before = FLOW_BLOCK_SPACE, .space_after = FLOW_BLOCK_SPACE};
    return pc;
}

static const fs_text_style *marker_style_of(placer *p, const fs_text_style *style, fs_rgba color)
{
    fs_text_style *marker = fs_arena_alloc(p->arena, sizeof *marker);
    if (!marker) {
        p->failed = true;
        return style;
    }
    *marker = *style;
    marker->color = color;
    marker->weight = 700;
    marker->align = FS_ALIGN_START;
    return marker;
}

/* How far a list item or quote paragraph of Markdown stands in, in its
 * scaled style, beside a bar or not. */
static double text_indent(const fs_box *box, const fs_text_style *style, bool bar)
{
    double indent = bar ? QUOTE_INDENT : 0;
    if (box->depth > 0)
        indent += box->depth * style->size * LIST_INDENT +
                  (box->item_marker && box->item_marker[0] >= '0' && box->item_marker[0] <= '9'
                       ? style->size * 0.6
                       : 0);
    return indent;
}

/* A list marker, set right against the item's text. */
static void emit_marker(placer *p, const char *marker, const fs_text_style *style, double size,
                        double x, double y, double height)
{
    double width = measure(p, marker, style, size, -1).width;
    emit_text(p, x - width - size * 0.45, y, width, height, marker, style, size, 0);
}

static void add_text_pieces(placer *p, pieces *list, const fs_box *box, double indent,
                            const char *marker, const fs_text_style *marker_style)
{
    const fs_text_style *style = scaled(p, &box->style);
    for (size_t i = 0; i < box->paragraph_count; i++) {
        piece *pc = add_piece(p, list, box);
        if (!pc)
            return;
        pc->style = style;
        pc->paragraph = i;
        pc->text = true;
        pc->heading = box->level > 0;
        pc->indent = indent + text_indent(box, style, box->has_bar);
        pc->marker = i == 0 ? (marker ? marker : box->item_marker) : NULL;
        pc->marker_style = marker_style ? marker_style : style;
        pc->space_before = i == 0 ? style->space_before : 0;
        pc->space_after =
            i + 1 == box->paragraph_count && box->gap >= 0 ? box->gap : style->space_after;
        pc->keep = i + 1 < box->paragraph_count ? false : box->keep_with_next || pc->heading;
    }
}

static void add_pieces(placer *p, pieces *list, const fs_box *box)
{
    switch (box->kind) {
    case FS_BOX_STACK:
        for (size_t i = 0; i < box->child_count; i++)
            add_pieces(p, list, box->children[i]);
        return;
    case FS_BOX_TEXT: {
        const fs_text_style *marker = NULL;
        if (box->item_marker)
            marker = marker_style_of(p, scaled(p, &box->style), box->bar);
        add_text_pieces(p, list, box, 0, NULL, marker);
        return;
    }
    case FS_BOX_QUOTE:
        for (size_t i = 0; i < box->child_count; i++)
            add_text_pieces(p, list, box->children[i], 0, NULL, NULL);
        return;
    case FS_BOX_LIST: {
        const fs_text_style *style = scaled(p, &box->style);
        const fs_text_style *marker = marker_style_of(p, style, box->marker_color);
        double indent = box->marker == FS_MARKER_NONE ? 0 : style->size * LIST_INDENT;
        for (size_t i = 0; i < box->child_count; i++) {
            const char *text = box->marker == FS_MARKER_BULLET ? "•"
                               : box->marker == FS_MARKER_NUMBER
                                   ? fs_arena_printf(p->arena, "%zu.", i + 1)
                                   : NULL;
            size_t first = list->count;
            add_text_pieces(p, list, box->children[i], indent, text, marker);
            /* Items of a list are closer than paragraphs. */
            for (size_t k = first; k < list->count; k++)
                list->pieces[k].space_after = gap_of(box, FS_GAP_LIST);
        }
        return;
    }
    case FS_BOX_BREAK: {
        piece *pc = add_piece(p, list, box);
        if (pc) {
            pc->column_break = box->column_break;
            pc->page_break = !box->column_break;
            pc->space_before = pc->space_after = 0;
        }
        return;
    }
    case FS_BOX_IMAGE: {
        piece *pc = add_piece(p, list, box);
        if (pc && box->child_count) {
            /* The caption is a piece of its own, kept with its picture. */
            pc->keep = true;
            pc->space_after = CAPTION_GAP;
            add_text_pieces(p, list, box->children[0], 0, NULL, NULL);
        }
        return;
    }
    default: {
        piece *pc = add_piece(p, list, box);
        if (pc)
            pc->keep = box->keep_with_next;
        return;
    }
    }
}

/* Measures every piece at the width of a column. */
static void measure_pieces(placer *p, pieces *list, double width)
{
    for (size_t i = 0; i < list->count && !p->failed; i++) {
        piece *pc = &list->pieces[i];
        double w = width - pc->indent;
        if (pc->column_break || pc->page_break)
            continue;
        if (!pc->text) {
            pc->height = pc->box->kind == FS_BOX_IMAGE ? image_height(pc->box, w)
                                                       : measure_box(p, pc->box, w);
            continue;
        }
        const fs_box *box = pc->box;
        fs_extent extent =
            measure(p, box->paragraphs[pc->paragraph], pc->style, pc->style->size, w);
        int lines = extent.lines > 0 ? extent.lines : 1;
        pc->bottoms = fs_arena_array(p->arena, (size_t)lines, sizeof(double));
        if (!pc->bottoms) {
            p->failed = true;
            return;
        }
        fs_text text = {.markup = box->paragraphs[pc->paragraph],
                        .style = pc->style,
                        .size = pc->style->size,
                        .width = w};
        int found = p->measurer->line_bottoms(p->measurer->context, &text, pc->bottoms, lines);
        if (found != lines) {
            /* A measurer that cannot list lines: one block of equal lines. */
            for (int k = 0; k < lines; k++)
                pc->bottoms[k] = extent.height * (k + 1) / lines;
        }
        pc->lines = lines;
        pc->height = pc->bottoms[lines - 1];
    }
}

static double line_top(const piece *pc, int line)
{
    return line > 0 ? pc->bottoms[line - 1] : 0;
}

/* The height a piece needs at the bottom of a column to start there: its
 * first lines (all of it when it cannot split), and what it keeps with. */
static double start_height(const pieces *list, size_t i, int depth)
{
    if (i >= list->count || depth > 8)
        return 0;
    const piece *pc = &list->pieces[i];
    if (pc->column_break || pc->page_break)
        return 0;
    double height = pc->height;
    bool whole = !pc->text || pc->heading || pc->lines < FLOW_ORPHANS + FLOW_WIDOWS;
    if (!whole)
        height = pc->bottoms[FLOW_ORPHANS - 1];
    if (whole && pc->keep && i + 1 < list->count)
        height += pc->space_after + list->pieces[i + 1].space_before +
                  start_height(list, i + 1, depth + 1);
    return height;
}

/* Fills one column of the given height from at, drawing when the placer
 * has a page. Returns the height used; at moves past what was placed.
 * page_break is set when a page break ends the column. */
static double fill_column(placer *p, const pieces *list, flow_at *at, double x, double top,
                          double width, double height, bool fresh, bool *page_break)
{
    double y = 0;
    bool first = true;
    double after = 0; /* space the last piece placed asks below it */
    bool last_bar = false;
    while (at->piece < list->count) {
        const piece *pc = &list->pieces[at->piece];
        if (pc->column_break || pc->page_break) {
            at->piece++;
            at->line = 0;
            *page_break = pc->page_break;
            return y;
        }
        double space = first ? 0 : after + pc->space_before;
        double room = height - y - space;
        double x0 = x + pc->indent;
        double w = width - pc->indent;
        if (!pc->text) {
            double keep = pc->keep ? pc->space_after + start_height(list, at->piece + 1, 0) : 0;
            if (!first && pc->height + keep > room + 0.01)
                return y;
            if (first && p->page && pc->height > height + 0.01)
                fs_diag_add_kind(p->diags, FS_ERROR, FS_KIND_OVERFLOW, pc->box->pos,
                                 "make it smaller, or give the flow fewer columns",
                                 "this block is %.0f mm taller than a column of the flow",
                                 (pc->height - height) * 25.4 / 72);
            if (p->page)
                layout_box(p, pc->box, x0, top + y + space, w, 0);
            y += space + pc->height;
            after = pc->space_after;
            last_bar = false;
            first = false;
            at->piece++;
            continue;
        }
        int remaining = pc->lines - at->line;
        double rest = pc->height - line_top(pc, at->line);
        double keep = pc->keep ? pc->space_after + start_height(list, at->piece + 1, 0) : 0;
        int take = remaining;
        if (rest + keep > room + 0.01) {
            /* As many lines as fit, leaving at least two at each end of the
             * paragraph; a heading or a short paragraph moves whole. */
            take = 0;
            while (take < remaining &&
                   pc->bottoms[at->line + take] - line_top(pc, at->line) <= room + 0.01)
                take++;
            if (take == remaining)
                take = remaining - 1; /* what it keeps with did not fit */
            if (remaining - take < FLOW_WIDOWS)
                take = remaining - FLOW_WIDOWS;
            bool splits = !pc->heading && take >= (at->line == 0 ? FLOW_ORPHANS : 1);
            if (!splits)
                take = 0;
            if (take == 0 && first && fresh) {
                /* Nothing fits an empty column: place what fits, at least a
                 * line, rather than loop. */
                take = 1;
                while (take < remaining &&
                       pc->bottoms[at->line + take] - line_top(pc, at->line) <= room + 0.01)
                    take++;
            }
            if (take == 0)
                return y;
        }
        const fs_box *box = pc->box;
        double chunk = pc->bottoms[at->line + take - 1] - line_top(pc, at->line);
        double y0 = top + y + space;
        if (p->page) {
            const fs_box *outer = p->current;
            p->current = box;
            emit_paragraph(p, box, pc->style, pc->paragraph, x0, y0, w, chunk, at->line,
                           take == pc->lines ? 0 : take);
            if (pc->marker && at->line == 0)
                emit_marker(p, pc->marker, pc->marker_style, pc->style->size, x0, y0, chunk);
            if (box->has_bar)
                emit_bar(p, &box->bar, x0 - QUOTE_INDENT, last_bar ? y0 - space : y0, y0 + chunk);
            p->current = outer;
        }
        y += space + chunk;
        after = pc->space_after;
        last_bar = box->has_bar;
        first = false;
        at->line += take;
        if (at->line >= pc->lines) {
            at->piece++;
            at->line = 0;
        } else {
            return y;
        }
    }
    return y;
}

/* Fills the columns of one page; returns the height of the tallest. */
static double fill_columns(placer *p, const pieces *list, flow_at *at, long columns, double gap,
                           double x, double top, double width, double height, bool fresh)
{
    double column = (width - gap * (double)(columns - 1)) / (double)columns, used = 0;
    bool page_break = false;
    for (long c = 0; c < columns && at->piece < list->count && !page_break; c++)
        used = fmax(used, fill_column(p, list, at, x + (double)c * (column + gap), top, column,
                                      height, fresh || c > 0, &page_break));
    return used;
}

/* True when what is left of the flow fits the page's columns at height. */
static bool fits_in(placer *p, const pieces *list, flow_at at, long columns, double gap,
                    double width, double height, bool fresh)
{
    fs_page_ops *page = p->page;
    p->page = NULL;
    fill_columns(p, list, &at, columns, gap, 0, 0, width, height, fresh);
    p->page = page;
    return at.piece >= list->count;
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

/* The body's pages: where content goes on the current page. */
typedef struct {
    const fs_document *doc;
    const fs_page_spec *spec;
    fs_display *display;
    size_t capacity;
    double x, width;
    double header[2], footer[2]; /* heights on the first page and the others */
    double y, top, bottom;       /* of the current page's body */
} pager;

static bool start_page(placer *p, pager *g)
{
    p->page = new_page(p, g->display, &g->capacity);
    if (!p->page)
        return false;
    fs_display *display = g->display;
    size_t count = display->page_count;
    fs_pos *starts =
        fs_arena_grow(p->arena, display->page_starts, count - 1, count, sizeof *starts);
    double *used = fs_arena_grow(p->arena, display->page_used, count - 1, count, sizeof *used);
    if (!starts || !used) {
        p->failed = true;
        return false;
    }
    display->page_starts = starts;
    display->page_used = used;
    starts[count - 1] = p->current ? p->current->pos : fs_pos_at(NULL, 0, 0);
    if (count > 1)
        used[count - 2] = g->y - g->top;
    used[count - 1] = 0;
    size_t which = g->display->page_count == 1 ? 0 : 1;
    g->top = g->spec->margin.top + (g->header[which] > 0 ? g->header[which] + FS_GAP_STACK : 0);
    g->bottom = g->spec->height - g->spec->margin.bottom -
                (g->footer[which] > 0 ? g->footer[which] + FS_GAP_STACK : 0);
    g->y = g->top;
    /* A band reaches the paper's top or bottom edge only where no running
     * header or footer is in the way. */
    p->page_top = g->header[which] > 0 ? -1 : g->top;
    p->page_bottom = g->footer[which] > 0 ? -1 : g->bottom;
    return true;
}

/* Places a flow from the current position, on as many pages as it needs.
 * On its last page its columns are balanced: the shortest height at which
 * what is left fits them. */
static void place_flow(placer *p, pager *g, const fs_box *flow)
{
    pieces list = {0};
    for (size_t i = 0; i < flow->child_count; i++)
        add_pieces(p, &list, flow->children[i]);
    long columns = flow->columns > 0 ? flow->columns : 1;
    double gap = gap_of(flow, FS_GAP_ROW);
    double column = (g->width - gap * (double)(columns - 1)) / (double)columns;
    measure_pieces(p, &list, column);
    flow_at at = {0, 0};
    while (at.piece < list.count && !p->failed) {
        double room = g->bottom - g->y;
        bool fresh = g->y <= g->top + 0.01;
        if (fits_in(p, &list, at, columns, gap, g->width, room, fresh)) {
            double low = 0, high = room;
            for (int i = 0; i < 24; i++) {
                double mid = (low + high) / 2;
                if (fits_in(p, &list, at, columns, gap, g->width, mid, fresh))
                    high = mid;
                else
                    low = mid;
            }
            g->y += fill_columns(p, &list, &at, columns, gap, g->x, g->y, g->width, high, fresh);
            return;
        }
        fill_columns(p, &list, &at, columns, gap, g->x, g->y, g->width, room, fresh);
        /* The page to come starts with the piece the flow has got to. */
        if (at.piece < list.count)
            p->current = list.pieces[at.piece].box;
        if (!start_page(p, g))
            return;
    }
}

/* One placement of the document (a trial), with the body's texts at scale
 * times their size; its problems go to diags. */
static fs_display *place_once(const fs_document *doc, const fs_page_spec *page,
                              const fs_measurer *measurer, double scale, fs_arena *arena,
                              fs_diags *diags)
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
                .strict = doc->strict,
                .page_number = 1,
                .page_count = 1,
                .body_scale = scale,
                .text_scale = 1,
                .scaled = {.arena = arena},
                .fits = {.arena = arena}};
    size_t errors = fs_diags_errors(diags);
    pager g = {.doc = doc,
               .spec = page,
               .display = display,
               .x = page->margin.left,
               .width = page->width - page->margin.left - page->margin.right};
    const fs_box *headers[2] = {doc->first_header, doc->header};
    const fs_box *footers[2] = {doc->first_footer, doc->footer};
    for (size_t i = 0; i < 2; i++) {
        g.header[i] = headers[i] ? measure_box(&p, headers[i], g.width) : 0;
        g.footer[i] = footers[i] ? measure_box(&p, footers[i], g.width) : 0;
    }
    double gap = page->gap >= 0 ? page->gap : FS_GAP_STACK;
    if (!start_page(&p, &g))
        return NULL;
    p.text_scale = p.body_scale;
    for (size_t i = 0; i < doc->body->child_count && !p.failed; i++) {
        const fs_box *block = doc->body->children[i];
        p.current = block;
        if (block->kind == FS_BOX_BREAK) {
            if (g.y > g.top + 0.01 && !start_page(&p, &g))
                return NULL;
            continue;
        }
        if (block->kind == FS_BOX_FLOW) {
            place_flow(&p, &g, block);
            g.y += gap;
            continue;
        }
        double w = child_width(block, g.width);
        fit_numbers(&p, &block, &w, 1);
        double height = measure_box(&p, block, w);
        if (g.y > g.top + 0.01 && g.y + height > g.bottom + 0.01 && !start_page(&p, &g))
            return NULL;
        if (g.y + height > g.bottom + 0.01)
            fs_diag_add_kind(diags, FS_ERROR, FS_KIND_OVERFLOW, block->pos,
                             "shorten its text or split it into several blocks",
                             "this block is %.0f mm taller than the space a page has for it",
                             (g.y + height - g.bottom) * 25.4 / 72);
        layout_box(&p, block, g.x, g.y, w, 0);
        g.y += height + gap;
    }
    display->page_used[display->page_count - 1] = g.y - g.top;
    p.text_scale = 1;
    /* Headers and footers last, when the number of pages is known; the
     * header's operations go first on each page and the footer's last, so
     * the content stream, and the text a reader or extractor gets, follows
     * reading order. */
    p.page_count = display->page_count;
    for (size_t i = 0; i < display->page_count && !p.failed; i++) {
        size_t which = i == 0 ? 0 : 1;
        fs_page_ops body = display->pages[i], running = {0};
        p.page_number = i + 1;
        p.page = &running;
        if (headers[which])
            layout_box(&p, headers[which], g.x, page->margin.top, g.width, 0);
        for (size_t k = 0; k < body.count; k++)
            emit(&p, &body.ops[k]);
        if (footers[which])
            layout_box(&p, footers[which], g.x,
                       page->height - page->margin.bottom - g.footer[which], g.width, 0);
        display->pages[i] = running;
    }
    return p.failed || fs_diags_errors(diags) > errors ? NULL : display;
}

/* ---- fitting a page count --------------------------------------------- */

/* The smallest share of their size the body's texts may all take: the
 * largest 'shrink' of the styles they use. */
static double shrink_floor(const fs_box *box)
{
    double floor = 0;
    if (box->kind == FS_BOX_TEXT || box->kind == FS_BOX_LIST || box->kind == FS_BOX_CHART)
        floor = box->style.min_scale;
    if (box->kind == FS_BOX_STAT)
        floor = fmax(box->number_style.min_scale, box->label_style.min_scale);
    if (box->kind == FS_BOX_STAT && box->compare)
        floor = fmax(floor, box->compare_style.min_scale);
    for (size_t i = 0; i < box->child_count; i++)
        floor = fmax(floor, shrink_floor(box->children[i]));
    return floor;
}

/* The first body block drawn past the last page allowed, and how far the
 * body runs past it: the height of what the extra pages hold. */
static void past_the_end(const fs_display *display, const fs_page_spec *page, fs_pos *where,
                         double *overflow)
{
    *overflow = 0;
    if (display->page_starts && display->page_starts[page->max_pages].file)
        *where = display->page_starts[page->max_pages];
    for (size_t i = (size_t)page->max_pages; i < display->page_count; i++)
        *overflow += display->page_used[i];
}

/* True when every error of diags is an overflow (and there is one). */
static bool only_overflows(const fs_diags *diags)
{
    size_t errors = 0;
    for (size_t i = 0; i < fs_diags_count(diags); i++) {
        const fs_diag *diag = fs_diags_at(diags, i);
        if (diag->severity != FS_ERROR)
            continue;
        if (!diag->kind || strcmp(diag->kind, FS_KIND_OVERFLOW) != 0)
            return false;
        errors++;
    }
    return errors > 0;
}

fs_display *fs_place(const fs_document *doc, const fs_page_spec *page, const fs_measurer *measurer,
                     fs_arena *arena, fs_diags *diags)
{
    /* Each trial reports into a list of its own; the document gets the
     * problems of the trial it is drawn from. */
    fs_diags *full = fs_diags_create(), *trial = fs_diags_create();
    if (!full || !trial) {
        fs_diags_free(full);
        fs_diags_free(trial);
        return NULL;
    }
    fs_display *display = place_once(doc, page, measurer, 1, arena, full);
    size_t limit = page->max_pages > 0 ? (size_t)page->max_pages : 0;
    /* A page count to keep may be kept by shrinking: the body is too long,
     * or a block is taller than a page. Other problems are reported as
     * they are. */
    bool shrinkable = limit && (display ? display->page_count > limit : only_overflows(full));
    if (!shrinkable) {
        fs_diags_take(diags, full);
        fs_diags_free(full);
        fs_diags_free(trial);
        return display;
    }
    /* Too long: the largest size, down to what the styles allow, at which
     * the body fits. Sizes scale linearly, so a few halvings find it. */
    double least = fmin(shrink_floor(doc->body), 1), fits = least, too_big = 1;
    fs_display *smallest = place_once(doc, page, measurer, least, arena, trial);
    if (!smallest || smallest->page_count > limit) {
        /* Reported as at the smallest size; other problems as at full size. */
        fs_pos where = page->pos;
        double overflow = 0;
        size_t pages = smallest ? smallest->page_count : 0;
        if (smallest)
            past_the_end(smallest, page, &where, &overflow);
        fs_diags_take(diags, full);
        fs_diags_free(full);
        fs_diags_free(trial);
        /* A block taller than a page even at the smallest size is reported
         * as such, at full size. */
        if (!smallest)
            return NULL;
        fs_diag_add_kind(diags, FS_ERROR, FS_KIND_OVERFLOW, where,
                         "shorten the texts of this language, or allow more pages ('pages' of "
                         "'page')",
                         "the body takes %zu pages where the layout allows %zu, even with its "
                         "texts at %.0f%% of their size: %.0f pt (%.0f mm) run past the end",
                         pages, limit, least * 100, overflow, overflow * 25.4 / 72);
        return NULL;
    }
    for (int step = 0; step < 7; step++) {
        double mid = (fits + too_big) / 2;
        fs_diags_clear(trial);
        fs_display *tried = place_once(doc, page, measurer, mid, arena, trial);
        if (tried && tried->page_count <= limit)
            fits = mid;
        else
            too_big = mid;
    }
    fs_diags_clear(trial);
    display = place_once(doc, page, measurer, fits, arena, trial);
    fs_diags_take(diags, trial);
    fs_diags_free(full);
    fs_diags_free(trial);
    fs_diag_add_kind(diags, FS_NOTE, FS_KIND_SHRUNK, page->pos, NULL,
                     "the body's texts are drawn at %.0f%% of their size to fit on %zu page%s",
                     floor(fits * 100), limit, limit == 1 ? "" : "s");
    return display;
}
