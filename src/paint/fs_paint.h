/* Paint: draws one page of a display list with cairo. The same code draws
 * on every surface (PDF, PNG, SVG); user space is in points. */
#ifndef FS_PAINT_H
#define FS_PAINT_H

#include <cairo.h>
#include <stdbool.h>

#include "paint/fs_paint_tags.h"
#include "place/fs_display.h"
#include "place/fs_pango.h"

/* Draws every op of page on cr, whose user space must be the page in
 * points. tags: NULL to draw no structure (PNG, SVG, a PDF without tags or
 * links), else each op in its element (fs_paint_tags.h); the same for
 * every page of the document. False when an icon glyph cannot be found or
 * cairo fails. */
bool fs_paint_page(cairo_t *cr, const fs_page_ops *page, fs_pango *pango, fs_paint_tags *tags);

/* Draws what lies under the page's op number before: the fills, circles,
 * arcs and pictures among the ops drawn before it that meet the rectangle
 * (x, y, w, h), texts and icons left out, for the colour a text is read
 * against. False when a picture cannot be drawn or cairo fails. */
bool fs_paint_background(cairo_t *cr, const fs_page_ops *page, size_t before, double x, double y,
                         double w, double h);

#endif
