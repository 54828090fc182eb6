/* libFuzzer target for the image module: any bytes go through what a file
 * named in a layout goes through (sniffing, the structure checks, the size
 * limits, gdk-pixbuf or librsvg), and what loads is drawn twice: scaled onto
 * a small image surface, and into a PDF, where a JPEG is embedded as-is.
 * Any input must load or be refused with an error: never crash, hang, leak
 * or read out of bounds. */
#include <cairo-pdf.h>
#include <cairo.h>
#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "load/fs_image.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static cairo_status_t discard(void *closure, const unsigned char *data, unsigned int length)
{
    return CAIRO_STATUS_SUCCESS;
}

/* Draws the image scaled to a rectangle of another aspect ratio, as 'fill'
 * would, and checks that cairo is left in a usable state. */
static void draw_on(cairo_surface_t *surface, const fs_image *image)
{
    cairo_t *cr = cairo_create(surface);
    if (!fs_image_draw(image, cr, 1.5, 2, 20, 13))
        __builtin_trap(); /* an image that loaded must draw */
    if (cairo_status(cr) != CAIRO_STATUS_SUCCESS)
        __builtin_trap();
    cairo_destroy(cr);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fs_diags *diags = fs_diags_create();
    if (!diags)
        return 0;
    fs_image *image = fs_image_from_bytes("fuzz.img", data, size, fs_pos_at("fuzz", 1, 1), diags);
    if (image) {
        double width = fs_image_width(image), height = fs_image_height(image);
        if (!(width > 0 && height > 0 && isfinite(width) && isfinite(height)))
            __builtin_trap(); /* the documented promise of the size */
        if (fs_diags_count(diags) != 0)
            __builtin_trap(); /* a loaded image has nothing to report */
        cairo_surface_t *raster = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 24, 24);
        draw_on(raster, image);
        cairo_surface_destroy(raster);
        cairo_surface_t *pdf = cairo_pdf_surface_create_for_stream(discard, NULL, 24, 24);
        draw_on(pdf, image);
        cairo_surface_finish(pdf);
        cairo_surface_destroy(pdf);
    } else if (fs_diags_errors(diags) == 0) {
        __builtin_trap(); /* a refused image must say why */
    }
    for (size_t i = 0; i < fs_diags_count(diags); i++)
        (void)strlen(fs_diags_at(diags, i)->message);
    fs_image_free(image);
    fs_diags_free(diags);
    return 0;
}
