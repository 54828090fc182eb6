/* pngdiff ACTUAL EXPECTED DIFF [TOLERANCE] [MAX_SHARE]
 *
 * Compares two PNG images pixel by pixel. A pixel differs when any channel
 * differs by more than TOLERANCE (0-255, default 24: antialiasing noise
 * between cairo and freetype versions stays below it). The images match
 * when the share of differing pixels is at most MAX_SHARE (default 0.002,
 * 0.2%). On a mismatch DIFF is written: the expected image faded, with the
 * differing pixels in red. Exit 0 on a match, 1 on a mismatch, 2 on error. */
#include <cairo.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

static cairo_surface_t *load(const char *path)
{
    cairo_surface_t *image = cairo_image_surface_create_from_png(path);
    if (cairo_surface_status(image) != CAIRO_STATUS_SUCCESS) {
        fprintf(stderr, "pngdiff: cannot read %s: %s\n", path,
                cairo_status_to_string(cairo_surface_status(image)));
        cairo_surface_destroy(image);
        return NULL;
    }
    cairo_surface_t *rgb =
        cairo_image_surface_create(CAIRO_FORMAT_RGB24, cairo_image_surface_get_width(image),
                                   cairo_image_surface_get_height(image));
    cairo_t *cr = cairo_create(rgb);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    cairo_set_source_surface(cr, image, 0, 0);
    cairo_paint(cr);
    cairo_destroy(cr);
    cairo_surface_destroy(image);
    cairo_surface_flush(rgb);
    return rgb;
}

static int channel_diff(uint32_t a, uint32_t b, int shift)
{
    return abs((int)((a >> shift) & 0xff) - (int)((b >> shift) & 0xff));
}

int main(int argc, char **argv)
{
    if (argc < 4) {
        fputs("usage: pngdiff ACTUAL EXPECTED DIFF [TOLERANCE] [MAX_SHARE]\n", stderr);
        return 2;
    }
    int tolerance = argc > 4 ? atoi(argv[4]) : 24;
    double max_share = argc > 5 ? atof(argv[5]) : 0.002;
    cairo_surface_t *actual = load(argv[1]), *expected = load(argv[2]);
    if (!actual || !expected)
        return 2;
    int width = cairo_image_surface_get_width(expected);
    int height = cairo_image_surface_get_height(expected);
    if (cairo_image_surface_get_width(actual) != width ||
        cairo_image_surface_get_height(actual) != height) {
        printf("pngdiff: size %dx%d, expected %dx%d\n", cairo_image_surface_get_width(actual),
               cairo_image_surface_get_height(actual), width, height);
        return 1;
    }
    cairo_surface_t *diff = cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, height);
    unsigned char *a = cairo_image_surface_get_data(actual);
    unsigned char *e = cairo_image_surface_get_data(expected);
    unsigned char *d = cairo_image_surface_get_data(diff);
    int stride = cairo_image_surface_get_stride(expected);
    long differing = 0;
    for (int y = 0; y < height; y++) {
        uint32_t *ra = (uint32_t *)(a + y * stride), *re = (uint32_t *)(e + y * stride);
        uint32_t *rd = (uint32_t *)(d + y * cairo_image_surface_get_stride(diff));
        for (int x = 0; x < width; x++) {
            int worst = 0;
            for (int shift = 0; shift <= 16; shift += 8) {
                int delta = channel_diff(ra[x], re[x], shift);
                worst = delta > worst ? delta : worst;
            }
            if (worst > tolerance) {
                differing++;
                rd[x] = 0xff0000;
            } else {
                /* The expected image at a quarter strength, for context. */
                uint32_t grey = (re[x] >> 8 & 0xff) / 4 + 191;
                rd[x] = grey << 16 | grey << 8 | grey;
            }
        }
    }
    cairo_surface_mark_dirty(diff);
    double share = (double)differing / ((double)width * height);
    int status = share <= max_share ? 0 : 1;
    printf("pngdiff: %ld of %d pixels differ (%.3f%%, allowed %.3f%%) beyond %d/255\n", differing,
           width * height, share * 100, max_share * 100, tolerance);
    if (status)
        cairo_surface_write_to_png(diff, argv[3]);
    cairo_surface_destroy(diff);
    cairo_surface_destroy(actual);
    cairo_surface_destroy(expected);
    return status;
}
