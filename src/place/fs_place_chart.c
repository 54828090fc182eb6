/* Charts: bars, columns, donuts, icon arrays, progress bars and
 * timelines, drawn from their items (the arithmetic is fs_chart.c). Every
 * kind takes its look from the box: the labels', values' and numbers'
 * styles, the series colour and its track, the bars' thickness (the
 * theme's chart look, resolved by bind), so the charts of a document read
 * as one family. */

#include <math.h>
#include <string.h>

#include "core/fs_buf.h"
#include "place/fs_chart.h"
#include "place/fs_place_internal.h"

static const double CHART_GAP = 6; /* between a chart's parts */

static const double ICON_GAP = 0.35; /* between a label's icon and its text, in sizes of the text */

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

/* Emits op, giving the chart's alternative text to its first op. */
static void emit_chart_op(placer *p, fs_op *op, const char **alt)
{
    op->alt = *alt;
    *alt = NULL;
    place_emit(p, op);
}

static void chart_rect(placer *p, const char **alt, double x, double y, double w, double h,
                       fs_rgba color)
{
    fs_op rect = {.kind = FS_OP_RECT, .x = x, .y = y, .w = w, .h = h, .color = color};
    rect.rect.radius = fmin(h, w) / 2;
    emit_chart_op(p, &rect, alt);
}

/* ---- labels with an icon beside them ------------------------------------ */

/* The side of the icon before an item's label: a line of the label; 0
 * when the item has none. */
static double icon_side(placer *p, const fs_chart_item *item, const fs_text_style *style)
{
    if (!item->icon.has)
        return 0;
    return place_measure(p, "0", style, style->size, -1).height;
}

/* The extent of an item's label (or title) in style at width (<= 0: on
 * one line), its icon and the gap after it included. */
static fs_extent measure_label(placer *p, const fs_chart_item *item, const char *markup,
                               const fs_text_style *style, double width)
{
    double side = icon_side(p, item, style);
    double indent = side > 0 ? side + style->size * ICON_GAP : 0;
    fs_extent extent =
        place_measure(p, markup, style, style->size, width > 0 ? fmax(width - indent, 1) : -1);
    extent.width += indent;
    extent.height = fmax(extent.height, side);
    return extent;
}

/* Draws an item's label (or title) at (x, y), width wide, with its icon
 * before it in the item's colour, on its first line. */
static void emit_label(placer *p, const fs_chart_item *item, const char *markup,
                       const fs_text_style *style, double x, double y, double width)
{
    double side = icon_side(p, item, style);
    double indent = side > 0 ? side + style->size * ICON_GAP : 0;
    if (side > 0)
        place_emit_icon(p, &item->icon, x, y, side, item->color, NULL);
    fs_extent text = place_measure(p, markup, style, style->size, fmax(width - indent, 1));
    place_emit_text(p, x + indent, y, fmax(width - indent, 1), text.height, markup, style,
                    style->size, 0);
}

/* ---- one value: donut, icon array, progress bar -------------------------- */

static double layout_donut(placer *p, const fs_box *box, const fs_chart_item *item, double x,
                           double y, double width, const char **alt)
{
    const fs_text_style *style = place_scaled(p, &box->as.chart.style);
    const fs_text_style *number_style = place_scaled(p, &box->as.chart.number_style);
    double d = box->as.chart.height > 0 ? box->as.chart.height : fmin(width * 0.38, 64);
    double ring = d * 0.16;
    /* The share in the middle, as large as the hole allows. */
    double size = fmin(number_style->size, d * 0.3);
    const fs_text_style *number =
        chart_style(p, number_style, number_style->weight, number_style->color, size);
    fs_extent figure = place_measure(p, item->text, number, size, -1);
    double hole = d - 2 * ring - 4;
    if (figure.width > hole && figure.width > 0) {
        size *= hole / figure.width;
        number = chart_style(p, number_style, number_style->weight, number_style->color, size);
        figure = place_measure(p, item->text, number, size, -1);
    }
    double label_x = d + CHART_GAP * 1.5, label_w = width - label_x;
    fs_extent label = measure_label(p, item, item->label, style, label_w);
    double height = fmax(d, label.height);
    if (!p->page)
        return height;
    double top = y + (height - d) / 2;
    fs_op track = {
        .kind = FS_OP_ARC, .x = x, .y = top, .w = d, .h = d, .color = box->as.chart.track};
    track.arc.start = 0;
    track.arc.end = 2 * M_PI;
    track.arc.thickness = ring;
    emit_chart_op(p, &track, alt);
    if (item->value > 0) {
        fs_op share = track;
        share.color = item->color;
        share.arc.start = -M_PI / 2;
        share.arc.end = -M_PI / 2 + 2 * M_PI * fmin(item->value, 100) / 100;
        emit_chart_op(p, &share, alt);
    }
    place_emit_line(p, x + (d - figure.width) / 2, top + (d - figure.height) / 2, figure.width,
                    figure.height, item->text, number, size);
    emit_label(p, item, item->label, style, x + label_x, y + (height - label.height) / 2, label_w);
    return height;
}

static double layout_icon_array(placer *p, const fs_box *box, const fs_chart_item *item, double x,
                                double y, double width, const char **alt)
{
    const fs_text_style *style = place_scaled(p, &box->as.chart.style);
    const fs_text_style *number_style = place_scaled(p, &box->as.chart.number_style);
    long total = box->as.chart.total > 0 ? box->as.chart.total : 10,
         per_row = total < 10 ? total : 10;
    long rows = (total + per_row - 1) / per_row;
    fs_chart_share share = fs_chart_icons_share(item->value, total);
    double cell =
        fmin(box->as.chart.height > 0 ? box->as.chart.height : 22, width / (double)per_row);
    double n = number_style->size;
    fs_extent figure = place_measure(p, item->text, number_style, n, -1);
    double label_x = figure.width + CHART_GAP, label_w = width - label_x;
    fs_extent label = place_measure(p, item->label, style, style->size, label_w);
    /* The label's first line sits on the figure's baseline. */
    fs_extent first = place_measure(p, "0", style, style->size, -1);
    double label_down = fmax(0, figure.baseline - first.baseline);
    double head = fmax(figure.height, label_down + label.height);
    double height = head + CHART_GAP + (double)rows * cell;
    if (!p->page)
        return height;
    place_emit_line(p, x, y, figure.width, figure.height, item->text, number_style, n);
    place_emit_text(p, x + label_x, y + label_down, label_w, label.height, item->label, style,
                    style->size, 0);
    /* The share exactly: whole pictograms, then the next one drawn in part
     * over its track (47% of 10: four, and seven tenths of the fifth). */
    for (long i = 0; i < total; i++) {
        double glyph = cell * 0.92;
        fs_op icon = {.kind = FS_OP_ICON,
                      .x = x + (double)(i % per_row) * cell + (cell - glyph) / 2,
                      .y = y + head + CHART_GAP + (double)(i / per_row) * cell + (cell - glyph) / 2,
                      .w = glyph,
                      .h = glyph,
                      .color = i < share.whole ? item->color : box->as.chart.track};
        icon.icon.codepoint = box->as.chart.icon.codepoint;
        icon.icon.family = box->as.chart.icon.family;
        emit_chart_op(p, &icon, alt);
        if (i == share.whole && share.part > 0) {
            icon.color = item->color;
            icon.icon.part = share.part;
            emit_chart_op(p, &icon, alt);
        }
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

/* The thickness of a bar: the chart's 'height', else the theme's, else
 * fallback. */
static double thickness(const fs_box *box, double fallback)
{
    return box->as.chart.height > 0      ? box->as.chart.height
           : box->as.chart.thickness > 0 ? box->as.chart.thickness
                                         : fallback;
}

static double layout_progress(placer *p, const fs_box *box, const fs_chart_item *item, double x,
                              double y, double width, const char **alt)
{
    const fs_text_style *style = place_scaled(p, &box->as.chart.style);
    const fs_text_style *values = place_scaled(p, &box->as.chart.value_style);
    const char *amount = value_text(p, item);
    fs_extent value = place_measure(p, amount, values, values->size, -1);
    double label_w = width - value.width - CHART_GAP;
    fs_extent label = measure_label(p, item, item->label, style, label_w);
    double bar = thickness(box, 7);
    double head = fmax(value.height, label.height);
    double height = head + CHART_GAP * 0.6 + bar;
    if (!p->page)
        return height;
    double bar_y = y + head + CHART_GAP * 0.6;
    chart_rect(p, alt, x, bar_y, width, bar, box->as.chart.track);
    double share = fs_chart_fraction(item->value, item->target);
    if (share > 0)
        chart_rect(p, alt, x, bar_y, fmax(width * share, bar), bar, item->color);
    emit_label(p, item, item->label, style, x, y + head - label.height, label_w);
    place_emit_line(p, x + width - value.width, y + head - value.height, value.width, value.height,
                    amount, values, values->size);
    return height;
}

/* ---- rows: bars and columns ---------------------------------------------- */

static double layout_bars(placer *p, const fs_box *box, double x, double y, double width,
                          const char **alt)
{
    const fs_text_style *style = place_scaled(p, &box->as.chart.style);
    const fs_text_style *values = place_scaled(p, &box->as.chart.value_style);
    double max = fs_chart_scale_max(box->as.chart.items, box->as.chart.item_count), widest = 0;
    for (size_t i = 0; i < box->as.chart.item_count; i++)
        widest = fmax(widest, place_measure(p, value_text(p, &box->as.chart.items[i]), values,
                                            values->size, -1)
                                  .width);
    /* The labels' column is as wide as the widest label on one line, within
     * a fifth and two fifths of the chart. */
    double label_w = 0;
    for (size_t i = 0; i < box->as.chart.item_count; i++)
        label_w = fmax(label_w, measure_label(p, &box->as.chart.items[i],
                                              box->as.chart.items[i].label, style, -1)
                                    .width);
    label_w = fmin(fmax(label_w, width * 0.2), width * 0.4);
    double bar_x = label_w + CHART_GAP;
    double bar_w = fmax(width - bar_x - widest - CHART_GAP, 1);
    double bar = thickness(box, style->size * 1.1);
    double top = y;
    for (size_t i = 0; i < box->as.chart.item_count; i++) {
        const fs_chart_item *item = &box->as.chart.items[i];
        fs_extent label = measure_label(p, item, item->label, style, label_w);
        fs_extent line = place_measure(p, "0", style, style->size, -1);
        /* The bar sits on the label's first line; a bar thicker than the
         * line pushes the label down rather than rise above the row. */
        double label_y = y + fmax(0, (bar - line.height) / 2);
        double row = fmax(label_y - y + label.height, bar);
        if (p->page) {
            double bar_y = label_y + (line.height - bar) / 2;
            double end = bar_w * fs_chart_fraction(item->value, max);
            if (item->has_target) {
                double goal = bar_w * fs_chart_fraction(item->target, max);
                chart_rect(p, alt, x + bar_x, bar_y, goal, bar, box->as.chart.track);
                end = fmax(end, bar);
                chart_rect(p, alt, x + bar_x, bar_y, end, bar, item->color);
                end = fmax(end, goal);
            } else if (end > 0) {
                chart_rect(p, alt, x + bar_x, bar_y, fmax(end, bar), bar, item->color);
            }
            emit_label(p, item, item->label, style, x, label_y, label_w);
            const char *amount = value_text(p, item);
            fs_extent value = place_measure(p, amount, values, values->size, -1);
            place_emit_line(p, x + bar_x + end + CHART_GAP, label_y, value.width, value.height,
                            amount, values, values->size);
        }
        y += row + (i + 1 < box->as.chart.item_count ? CHART_GAP : 0);
    }
    return y - top;
}

static double layout_columns(placer *p, const fs_box *box, double x, double y, double width,
                             const char **alt)
{
    const fs_text_style *style = place_scaled(p, &box->as.chart.style);
    const fs_text_style *values = place_scaled(p, &box->as.chart.value_style);
    size_t n = box->as.chart.item_count;
    if (n == 0)
        return 0;
    double max = fs_chart_scale_max(box->as.chart.items, n);
    double slot = width / (double)n, column = slot * 0.55;
    double plot = box->as.chart.height > 0 ? box->as.chart.height : 90;
    fs_text_style *centred =
        (fs_text_style *)chart_style(p, style, style->weight, style->color, style->size);
    centred->align = FS_ALIGN_CENTER;
    fs_extent figure = place_measure(p, "0", values, values->size, -1);
    double labels = 0, icons = 0;
    for (size_t i = 0; i < n; i++) {
        labels = fmax(
            labels, place_measure(p, box->as.chart.items[i].label, centred, centred->size, slot - 4)
                        .height);
        icons = fmax(icons, icon_side(p, &box->as.chart.items[i], style));
    }
    double base = y + figure.height + CHART_GAP * 0.5 + plot;
    /* An icon stands centred under its column, above its label. */
    double label_top = base + CHART_GAP * 0.8 + (icons > 0 ? icons + CHART_GAP * 0.5 : 0);
    double height = label_top - y + labels;
    if (!p->page)
        return height;
    for (size_t i = 0; i < n; i++) {
        const fs_chart_item *item = &box->as.chart.items[i];
        double left = x + (double)i * slot + (slot - column) / 2;
        double tall = plot * fs_chart_fraction(item->value, max);
        if (item->has_target) {
            double goal = plot * fs_chart_fraction(item->target, max);
            fs_op track = {.kind = FS_OP_RECT,
                           .x = left,
                           .y = base - goal,
                           .w = column,
                           .h = goal,
                           .color = box->as.chart.track};
            emit_chart_op(p, &track, alt);
        }
        fs_op bar = {.kind = FS_OP_RECT,
                     .x = left,
                     .y = base - tall,
                     .w = column,
                     .h = tall,
                     .color = item->color};
        emit_chart_op(p, &bar, alt);
        double top =
            base - fmax(tall, item->has_target ? plot * fs_chart_fraction(item->target, max) : 0);
        const char *amount = value_text(p, item);
        fs_extent value = place_measure(p, amount, values, values->size, -1);
        place_emit_line(p, x + (double)i * slot + (slot - value.width) / 2,
                        top - CHART_GAP * 0.5 - value.height, value.width, value.height, amount,
                        values, values->size);
        double side = icon_side(p, item, style);
        if (side > 0)
            place_emit_icon(p, &item->icon, x + (double)i * slot + (slot - side) / 2,
                            base + CHART_GAP * 0.8, side, item->color, NULL);
        fs_extent label = place_measure(p, item->label, centred, centred->size, slot - 4);
        place_emit_text(p, x + (double)i * slot + 2, label_top, slot - 4, label.height, item->label,
                        centred, centred->size, 0);
    }
    fs_op axis = {
        .kind = FS_OP_RECT, .x = x, .y = base, .w = width, .h = 0.75, .color = box->as.chart.track};
    place_emit(p, &axis);
    return height;
}

/* ---- timelines ----------------------------------------------------------- */

/* A timeline's titles: the labels' style in bold, in their colour. */
static const fs_text_style *title_style(placer *p, const fs_text_style *style)
{
    return chart_style(p, style, 700, style->color, style->size);
}

/* A date of a timeline: the values' style (its colour, not the phase's:
 * a phase colour is for marks, and may be too light for text). */
static const fs_text_style *date_style(placer *p, const fs_box *box)
{
    return place_scaled(p, &box->as.chart.value_style);
}

/* Phases side by side: its date, a bar in its colour along its share of
 * the line with a dot where it starts, its title and its text. The dates, titles and texts of all
 * phases start on one line each. */
static double layout_timeline_across(placer *p, const fs_box *box, double x, double y, double width,
                                     const char **alt)
{
    const fs_text_style *style = place_scaled(p, &box->as.chart.style);
    const fs_text_style *titles = title_style(p, style);
    size_t n = box->as.chart.item_count;
    double slot = width / (double)n, text_w = slot - CHART_GAP * 2;
    double bar = thickness(box, style->size * 0.35), dot = fmax(style->size * 0.9, bar * 2);
    double dates = 0, heads = 0, labels = 0;
    for (size_t i = 0; i < n; i++) {
        const fs_chart_item *item = &box->as.chart.items[i];
        const fs_text_style *date = date_style(p, box);
        dates = fmax(dates, place_measure(p, item->text, date, date->size, -1).height);
        if (item->title)
            heads = fmax(heads, measure_label(p, item, item->title, titles, text_w).height);
        labels = fmax(labels, item->title
                                  ? place_measure(p, item->label, style, style->size, text_w).height
                                  : measure_label(p, item, item->label, style, text_w).height);
    }
    double axis = y + dates + CHART_GAP * 0.6 + dot / 2;
    double head_top = axis + dot / 2 + CHART_GAP;
    double label_top = head_top + (heads > 0 ? heads + CHART_GAP * 0.4 : 0);
    double height = label_top - y + labels;
    if (!p->page)
        return height;
    for (size_t i = 0; i < n; i++) {
        const fs_chart_item *item = &box->as.chart.items[i];
        double left = x + (double)i * slot;
        const fs_text_style *date = date_style(p, box);
        fs_extent when = place_measure(p, item->text, date, date->size, -1);
        place_emit_line(p, left, y, when.width, when.height, item->text, date, date->size);
        /* The phase's bar runs to the next phase's dot, less a gap. */
        double end = i + 1 < n ? slot - CHART_GAP : slot;
        chart_rect(p, alt, left, axis - bar / 2, end, bar, item->color);
        fs_op point = {.kind = FS_OP_CIRCLE,
                       .x = left,
                       .y = axis - dot / 2,
                       .w = dot,
                       .h = dot,
                       .color = item->color};
        emit_chart_op(p, &point, alt);
        if (item->title) {
            emit_label(p, item, item->title, titles, left, head_top, text_w);
            fs_extent label = place_measure(p, item->label, style, style->size, text_w);
            place_emit_text(p, left, label_top, text_w, label.height, item->label, style,
                            style->size, 0);
        } else {
            emit_label(p, item, item->label, style, left, label_top, text_w);
        }
    }
    return height;
}

/* A timeline's line through its dots: x, and the first and last centres. */
typedef struct {
    double x, first, last;
} timeline_axis;

/* The text beside a date of a timeline down the column: the title (bold)
 * over the labels of the rows that share the date, joined. */
static const char *timeline_text(placer *p, const fs_box *box, size_t from, size_t to)
{
    fs_buf joined = {0};
    for (size_t k = from; k < to; k++)
        fs_buf_printf(&joined, "%s%s", k > from ? ", " : "", box->as.chart.items[k].label);
    const char *labels = fs_buf_ok(&joined) ? fs_arena_strdup(p->arena, fs_buf_str(&joined)) : NULL;
    fs_buf_free(&joined);
    if (!labels)
        p->failed = true;
    return labels ? labels : "";
}

/* The rows of a timeline down the column, from y: each date once, its dot
 * in its colour, and the title and labels of the rows that share it. Draws
 * when the placer has a page; returns the height, and where the line
 * through the dots goes. */
static double timeline_rows(placer *p, const fs_box *box, double x, double y, double width,
                            const char **alt, timeline_axis *line)
{
    const fs_text_style *style = place_scaled(p, &box->as.chart.style);
    const fs_text_style *titles = title_style(p, style);
    double dates = 0;
    for (size_t i = 0; i < box->as.chart.item_count; i++) {
        const fs_text_style *date = date_style(p, box);
        dates =
            fmax(dates, place_measure(p, box->as.chart.items[i].text, date, date->size, -1).width);
    }
    double axis = dates + CHART_GAP * 1.5, dot = style->size * 0.7;
    double text_x = axis + dot + CHART_GAP, text_w = fmax(width - text_x, 1);
    double top = y;
    line->x = x + axis + dot / 2;
    for (size_t i = 0; i < box->as.chart.item_count;) {
        const fs_chart_item *item = &box->as.chart.items[i];
        size_t end = i + 1;
        while (end < box->as.chart.item_count &&
               strcmp(box->as.chart.items[end].text, item->text) == 0)
            end++;
        const char *labels = timeline_text(p, box, i, end);
        const fs_text_style *date_of = date_style(p, box);
        fs_extent date = place_measure(p, item->text, date_of, date_of->size, -1);
        fs_extent head =
            item->title ? measure_label(p, item, item->title, titles, text_w) : (fs_extent){0};
        fs_extent label = item->title ? place_measure(p, labels, style, style->size, text_w)
                                      : measure_label(p, item, labels, style, text_w);
        double text_h = head.height + label.height;
        double centre = y + date.height / 2;
        if (i == 0)
            line->first = centre;
        line->last = centre;
        if (p->page) {
            place_emit_line(p, x + dates - date.width, y, date.width, date.height, item->text,
                            date_of, date_of->size);
            fs_op point = {.kind = FS_OP_CIRCLE,
                           .x = x + axis,
                           .y = centre - dot / 2,
                           .w = dot,
                           .h = dot,
                           .color = item->color};
            emit_chart_op(p, &point, alt);
            double text_y =
                y + (date.height - text_h > 0 && !item->title ? (date.height - text_h) / 2 : 0);
            if (item->title) {
                emit_label(p, item, item->title, titles, x + text_x, text_y, text_w);
                place_emit_text(p, x + text_x, text_y + head.height, text_w, label.height, labels,
                                style, style->size, 0);
            } else {
                emit_label(p, item, labels, style, x + text_x, text_y, text_w);
            }
        }
        y += fmax(date.height, text_h) + (end < box->as.chart.item_count ? CHART_GAP : 0);
        i = end;
    }
    return y - top;
}

static double layout_timeline(placer *p, const fs_box *box, double x, double y, double width,
                              const char **alt)
{
    if (box->as.chart.across && box->as.chart.item_count)
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
                      .color = box->as.chart.track};
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
    for (size_t i = 0; i < box->as.chart.item_count; i++)
        y += one(p, box, &box->as.chart.items[i], x, y, width, alt) +
             (i + 1 < box->as.chart.item_count ? CHART_GAP * 2 : 0);
    return y - top;
}

static double layout_chart(placer *p, const fs_box *box, double x, double y, double width,
                           const char **alt)
{
    switch (box->as.chart.kind) {
    case FS_CHART_DONUT:
        return layout_per_item(p, box, x, y, width, alt, layout_donut);
    case FS_CHART_ICONS:
        return layout_per_item(p, box, x, y, width, alt, layout_icon_array);
    case FS_CHART_PROGRESS:
        return layout_per_item(p, box, x, y, width, alt, layout_progress);
    case FS_CHART_BAR:
        return layout_bars(p, box, x, y, width, alt);
    case FS_CHART_COLUMN:
        return layout_columns(p, box, x, y, width, alt);
    case FS_CHART_TIMELINE:
        return layout_timeline(p, box, x, y, width, alt);
    }
    return 0;
}

/* Every part of a chart, its labels too, is drawn in one Figure that its
 * alternative text describes. */
double place_chart(placer *p, const fs_box *box, double x, double y, double width)
{
    const char *alt = box->as.chart.alt;
    const fs_tag *outer = p->leaf;
    p->leaf = place_figure(p, alt);
    double height = layout_chart(p, box, x, y, width, &alt);
    p->leaf = outer;
    return height;
}
