#include "fs_paint.h"

#include <cairo-ft.h>
#include <limits.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "core/fs_buf.h"

static void set_color(cairo_t *cr, fs_rgba color)
{
    cairo_set_source_rgba(cr, color.r, color.g, color.b, color.a);
}

static void rounded_rect(cairo_t *cr, double x, double y, double w, double h, double radius)
{
    radius = fmin(radius, fmin(w, h) / 2);
    if (radius <= 0) {
        cairo_rectangle(cr, x, y, w, h);
        return;
    }
    cairo_new_sub_path(cr);
    cairo_arc(cr, x + w - radius, y + radius, radius, -M_PI / 2, 0);
    cairo_arc(cr, x + w - radius, y + h - radius, radius, 0, M_PI / 2);
    cairo_arc(cr, x + radius, y + h - radius, radius, M_PI / 2, M_PI);
    cairo_arc(cr, x + radius, y + radius, radius, M_PI, 3 * M_PI / 2);
    cairo_close_path(cr);
}

static void paint_rect(cairo_t *cr, const fs_op *op)
{
    rounded_rect(cr, op->x, op->y, op->w, op->h, op->rect.radius);
    if (op->color.a > 0) {
        set_color(cr, op->color);
        cairo_fill_preserve(cr);
    }
    if (op->rect.stroke_width > 0) {
        set_color(cr, op->rect.stroke);
        cairo_set_line_width(cr, op->rect.stroke_width);
        cairo_stroke_preserve(cr);
    }
    cairo_new_path(cr);
}

/* A line of an op's text, where the op draws it, in page coordinates. */
typedef struct {
    PangoLayoutLine *line;
    double x, top, bottom, baseline;
} drawn_line;

/* Calls each for every line the op draws: all of its text, or the lines of
 * a paragraph split across columns, moved up to the op's top. */
static void each_drawn_line(const fs_op *op, PangoLayout *layout,
                            void (*each)(void *context, const drawn_line *line), void *context)
{
    int first = op->text.first_line;
    int last = op->text.line_count > 0 ? first + op->text.line_count : INT_MAX;
    PangoLayoutIter *iter = pango_layout_get_iter(layout);
    double top = 0;
    int index = 0;
    do {
        if (index >= last)
            break;
        if (index >= first) {
            int line_top, line_bottom;
            pango_layout_iter_get_line_yrange(iter, &line_top, &line_bottom);
            if (index == first)
                top = line_top / (double)PANGO_SCALE;
            PangoRectangle logical;
            pango_layout_iter_get_line_extents(iter, NULL, &logical);
            double shift = op->y - top;
            drawn_line line = {
                pango_layout_iter_get_line_readonly(iter), op->x + logical.x / (double)PANGO_SCALE,
                shift + line_top / (double)PANGO_SCALE, shift + line_bottom / (double)PANGO_SCALE,
                shift + pango_layout_iter_get_baseline(iter) / (double)PANGO_SCALE};
            each(context, &line);
        }
        index++;
    } while (pango_layout_iter_next_line(iter));
    pango_layout_iter_free(iter);
}

/* A paragraph split across columns draws only its own lines, each at its
 * baseline, so that neither the PDF's text nor its pixels hold the rest. */
static void show_line(void *context, const drawn_line *line)
{
    cairo_t *cr = context;
    cairo_move_to(cr, line->x, line->baseline);
    pango_cairo_show_layout_line(cr, line->line);
}

/* Appends value to a cairo tag attribute as a quoted string. */
static void put_attribute(fs_buf *out, const char *name, const char *value)
{
    fs_buf_printf(out, " %s='", name);
    for (const char *c = value; *c; c++) {
        if (*c == '\'' || *c == '\\')
            fs_buf_putc(out, '\\');
        fs_buf_putc(out, *c);
    }
    fs_buf_putc(out, '\'');
}

/* Appends a heading's anchor as a destination's name attribute: bytes
 * other than ASCII letters, digits, '-', '_' and '.' as %XX. cairo 1.16
 * writes a destination's name as its UTF-8 bytes but a link's dest= as a
 * UTF-16 string, so a name with an accent ("maîtriser") never matched its
 * links; an ASCII name is the same in both. Distinct anchors stay distinct,
 * and the name needs no quoting. */
static void put_dest_attribute(fs_buf *out, const char *name, const char *anchor)
{
    fs_buf_printf(out, " %s='", name);
    for (const unsigned char *c = (const unsigned char *)anchor; *c; c++) {
        if ((*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') || (*c >= '0' && *c <= '9') ||
            *c == '-' || *c == '_' || *c == '.')
            fs_buf_putc(out, (char)*c);
        else
            fs_buf_printf(out, "%%%02X", *c);
    }
    fs_buf_putc(out, '\'');
}

/* The rectangles a link covers on the lines drawn, as cairo's rect=[...]. */
typedef struct {
    const fs_op *op;
    const fs_link *link;
    fs_buf *rects;
    bool any;
} link_area;

static void add_link_rects(void *context, const drawn_line *drawn)
{
    link_area *area = context;
    const PangoLayoutLine *line = drawn->line;
    int start = line->start_index, end = line->start_index + line->length;
    int from = (int)area->link->start, to = (int)area->link->end;
    if (from >= end || to <= start)
        return;
    int *ranges = NULL, count = 0;
    pango_layout_line_get_x_ranges(drawn->line, from > start ? from : start, to < end ? to : end,
                                   &ranges, &count);
    for (int r = 0; r < count; r++) {
        double x0 = ranges[2 * r] / (double)PANGO_SCALE,
               x1 = ranges[2 * r + 1] / (double)PANGO_SCALE;
        fs_buf_printf(area->rects, "%s%.2f %.2f %.2f %.2f", area->any ? " " : "", area->op->x + x0,
                      drawn->top, x1 - x0, drawn->bottom - drawn->top);
        area->any = true;
    }
    g_free(ranges);
}

/* Makes the drawn lines' part of each link clickable (in a PDF; other
 * surfaces ignore links): one rectangle per line the link's text is on, a
 * Link element of the op's element, whose words tags records. */
static bool paint_links(cairo_t *cr, const fs_op *op, PangoLayout *layout, fs_paint_tags *tags)
{
    bool ok = true;
    for (size_t l = 0; l < op->link_count; l++) {
        const fs_link *link = &op->links[l];
        fs_buf attributes = {0};
        fs_buf_puts(&attributes, "rect=[");
        link_area area = {op, link, &attributes, false};
        each_drawn_line(op, layout, add_link_rects, &area);
        fs_buf_puts(&attributes, "]");
        if (link->target[0] == '#')
            put_dest_attribute(&attributes, "dest", link->target + 1);
        else
            put_attribute(&attributes, "uri", link->target);
        ok = ok && fs_buf_ok(&attributes);
        if (area.any && fs_buf_ok(&attributes) && tags) {
            fs_paint_tags_begin_own(tags, cr, CAIRO_TAG_LINK, fs_buf_str(&attributes));
            cairo_tag_end(cr, CAIRO_TAG_LINK);
            fs_paint_tags_link(tags, pango_layout_get_text(layout) + link->start,
                               link->end - link->start);
        } else if (area.any && fs_buf_ok(&attributes)) {
            cairo_tag_begin(cr, CAIRO_TAG_LINK, fs_buf_str(&attributes));
            cairo_tag_end(cr, CAIRO_TAG_LINK);
        }
        fs_buf_free(&attributes);
    }
    return ok;
}

/* The text of the lines an op draws, and whether a colour font drew some
 * of it: cairo 1.16 draws every glyph of a font FreeType calls coloured
 * (Noto Color Emoji) as a picture, without its characters. */
typedef struct {
    int from, to; /* bytes of the layout's text; from -1 before the first line */
    bool pictures;
} drawn_text;

static bool colour_font(PangoFont *font)
{
    cairo_scaled_font_t *scaled = pango_cairo_font_get_scaled_font(PANGO_CAIRO_FONT(font));
    if (!scaled || cairo_scaled_font_get_type(scaled) != CAIRO_FONT_TYPE_FT)
        return false;
    FT_Face face = cairo_ft_scaled_font_lock_face(scaled);
    bool colour = face && FT_HAS_COLOR(face);
    cairo_ft_scaled_font_unlock_face(scaled);
    return colour;
}

static void add_drawn(void *context, const drawn_line *drawn)
{
    drawn_text *text = context;
    const PangoLayoutLine *line = drawn->line;
    if (text->from < 0)
        text->from = line->start_index;
    text->to = line->start_index + line->length;
    for (const GSList *run = line->runs; run && !text->pictures; run = run->next) {
        const PangoGlyphItem *item = run->data;
        text->pictures = colour_font(item->item->analysis.font);
    }
}

/* What a tagged PDF records of a text op (fs_paint_tags_text): NULL, or
 * the text it draws when a glyph of it is a picture (owned, g_free). */
static char *pictured_text(const fs_op *op, PangoLayout *layout)
{
    drawn_text text = {-1, 0, false};
    each_drawn_line(op, layout, add_drawn, &text);
    if (!text.pictures)
        return NULL;
    return g_strndup(pango_layout_get_text(layout) + text.from, (gsize)(text.to - text.from));
}

/* False when out of memory: the text is drawn, but not its anchor or links.
 * In a tagged PDF, text with links is drawn in a Span, and each link is a
 * Link beside it: cairo marks only the content of an element that holds
 * no other. */
static bool paint_text(cairo_t *cr, const fs_op *op, fs_pango *pango, fs_paint_tags *tags)
{
    PangoLayout *layout = fs_pango_layout(pango, &op->text);
    if (!layout)
        return false;
    fs_buf dest = {0};
    bool ok = true;
    if (op->anchor) {
        put_dest_attribute(&dest, "name", op->anchor);
        ok = fs_buf_ok(&dest);
        if (ok)
            cairo_tag_begin(cr, CAIRO_TAG_DEST, fs_buf_str(&dest));
    }
    bool span = tags && tags->tagged && op->tag && op->link_count;
    if (tags && tags->tagged && op->tag) {
        char *pictured = pictured_text(op, layout);
        fs_paint_tags_text(tags, op->text.markup, pictured);
        g_free(pictured);
    }
    if (span)
        fs_paint_tags_begin_own(tags, cr, "Span", NULL);
    set_color(cr, op->color);
    if (op->text.line_count > 0) {
        each_drawn_line(op, layout, show_line, cr);
    } else {
        cairo_move_to(cr, op->x, op->y);
        pango_cairo_show_layout(cr, layout);
    }
    if (span)
        cairo_tag_end(cr, "Span");
    if (op->anchor && ok)
        cairo_tag_end(cr, CAIRO_TAG_DEST);
    fs_buf_free(&dest);
    if (op->link_count && ok)
        ok = paint_links(cr, op, layout, tags);
    g_object_unref(layout);
    return ok;
}

/* Where a picture drawn size long starts in a box side long, to bring
 * the share focus of it to the box's middle without uncovering an edge
 * (centred when it is smaller than the box). */
static double focused(double side, double size, double focus)
{
    if (size <= side)
        return (side - size) / 2;
    return fmin(0, fmax(side - size, side / 2 - focus * size));
}

/* A picture fitted in its box: contained (whole, centred) or covering it
 * (cropped to the box around its focal point). */
static bool paint_image(cairo_t *cr, const fs_op *op)
{
    const fs_image *image = op->picture.image;
    double w = fs_image_width(image), h = fs_image_height(image);
    double scale = op->picture.cover ? fmax(op->w / w, op->h / h) : fmin(op->w / w, op->h / h);
    double dw = w * scale, dh = h * scale;
    double fx = op->picture.cover ? op->picture.focus[0] : 0.5;
    double fy = op->picture.cover ? op->picture.focus[1] : 0.5;
    cairo_save(cr);
    cairo_rectangle(cr, op->x, op->y, op->w, op->h);
    cairo_clip(cr);
    bool ok = fs_image_draw(image, cr, op->x + focused(op->w, dw, fx),
                            op->y + focused(op->h, dh, fy), dw, dh);
    cairo_restore(cr);
    return ok;
}

/* Icons are drawn as outlines, not as text: the PDF's text layer never gets
 * the icon font's private-use characters or ligature names. The glyph's ink
 * is centred in the op's square, whatever the font's side bearings. */
static bool paint_icon(cairo_t *cr, const fs_op *op, fs_pango *pango)
{
    cairo_scaled_font_t *font;
    unsigned long index;
    if (!fs_pango_glyph(pango, op->icon.family, op->h, op->icon.codepoint, &font, &index))
        return false;
    cairo_glyph_t glyph = {index, 0, 0};
    cairo_text_extents_t ink;
    cairo_scaled_font_glyph_extents(font, &glyph, 1, &ink);
    glyph.x = op->x + (op->w - ink.width) / 2 - ink.x_bearing;
    glyph.y = op->y + (op->h - ink.height) / 2 - ink.y_bearing;
    cairo_save(cr);
    /* A pictogram filled in part: only its ink's share from the left. */
    if (op->icon.part > 0) {
        double left = op->x + (op->w - ink.width) / 2;
        cairo_rectangle(cr, left, op->y - op->h, ink.width * op->icon.part, op->h * 3);
        cairo_clip(cr);
    }
    cairo_set_scaled_font(cr, font);
    cairo_glyph_path(cr, &glyph, 1);
    set_color(cr, op->color);
    cairo_fill(cr);
    cairo_restore(cr);
    return true;
}

static void paint_circle(cairo_t *cr, const fs_op *op)
{
    cairo_new_path(cr);
    cairo_arc(cr, op->x + op->w / 2, op->y + op->h / 2, op->w / 2, 0, 2 * M_PI);
    set_color(cr, op->color);
    cairo_fill(cr);
}

/* A ring of the square's size, stroked along its middle. */
static void paint_arc(cairo_t *cr, const fs_op *op)
{
    cairo_new_path(cr);
    cairo_arc(cr, op->x + op->w / 2, op->y + op->h / 2, (op->w - op->arc.thickness) / 2,
              op->arc.start, op->arc.end);
    cairo_set_line_width(cr, op->arc.thickness);
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
    set_color(cr, op->color);
    cairo_stroke(cr);
}

bool fs_paint_background(cairo_t *cr, const fs_page_ops *page, size_t before, double x, double y,
                         double w, double h)
{
    bool ok = true;
    for (size_t i = 0; i < before && i < page->count; i++) {
        const fs_op *op = &page->ops[i];
        if (op->x > x + w || op->y > y + h || op->x + op->w < x || op->y + op->h < y)
            continue;
        if (op->kind == FS_OP_RECT)
            paint_rect(cr, op);
        else if (op->kind == FS_OP_CIRCLE)
            paint_circle(cr, op);
        else if (op->kind == FS_OP_ARC)
            paint_arc(cr, op);
        else if (op->kind == FS_OP_IMAGE)
            ok = paint_image(cr, op) && ok;
    }
    return ok && cairo_status(cr) == CAIRO_STATUS_SUCCESS;
}

bool fs_paint_page(cairo_t *cr, const fs_page_ops *page, fs_pango *pango, fs_paint_tags *tags)
{
    bool ok = true;
    for (size_t i = 0; i < page->count; i++) {
        const fs_op *op = &page->ops[i];
        if (tags)
            fs_paint_tags_enter(tags, cr, op->tag);
        switch (op->kind) {
        case FS_OP_RECT:
            paint_rect(cr, op);
            break;
        case FS_OP_CIRCLE:
            paint_circle(cr, op);
            break;
        case FS_OP_TEXT:
            ok = paint_text(cr, op, pango, tags) && ok;
            break;
        case FS_OP_ICON:
            ok = paint_icon(cr, op, pango) && ok;
            break;
        case FS_OP_IMAGE:
            ok = paint_image(cr, op) && ok;
            break;
        case FS_OP_ARC:
            paint_arc(cr, op);
            break;
        }
    }
    return ok && cairo_status(cr) == CAIRO_STATUS_SUCCESS;
}
