#include "fs_paint.h"

#include <math.h>
#include <pango/pangocairo.h>

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

static void paint_text(cairo_t *cr, const fs_op *op, fs_pango *pango)
{
    PangoLayout *layout = fs_pango_layout(pango, &op->text);
    set_color(cr, op->color);
    cairo_move_to(cr, op->x, op->y);
    pango_cairo_show_layout(cr, layout);
    g_object_unref(layout);
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
    cairo_set_scaled_font(cr, font);
    cairo_glyph_path(cr, &glyph, 1);
    set_color(cr, op->color);
    cairo_fill(cr);
    cairo_restore(cr);
    return true;
}

bool fs_paint_page(cairo_t *cr, const fs_page_ops *page, fs_pango *pango)
{
    bool ok = true;
    for (size_t i = 0; i < page->count; i++) {
        const fs_op *op = &page->ops[i];
        switch (op->kind) {
        case FS_OP_RECT:
            paint_rect(cr, op);
            break;
        case FS_OP_CIRCLE:
            cairo_new_path(cr);
            cairo_arc(cr, op->x + op->w / 2, op->y + op->h / 2, op->w / 2, 0, 2 * M_PI);
            set_color(cr, op->color);
            cairo_fill(cr);
            break;
        case FS_OP_TEXT:
            paint_text(cr, op, pango);
            break;
        case FS_OP_ICON:
            ok = paint_icon(cr, op, pango) && ok;
            break;
        }
    }
    return ok && cairo_status(cr) == CAIRO_STATUS_SUCCESS;
}
