#include "fs_png.h"

#include <png.h>
#include <stdint.h>

/* Previews are read on screen and rendered often: zlib's fastest level,
 * and rows stored unfiltered (flat colour compresses well without them;
 * filtering costs more time than it saves bytes). */
enum { FS_PNG_ZLIB_LEVEL = 1, FS_PNG_FILTER = PNG_FILTER_NONE };

typedef struct {
    cairo_write_func_t write;
    void *closure;
    cairo_status_t status;
} png_sink;

static void sink_write(png_structp png, png_bytep data, png_size_t length)
{
    png_sink *sink = png_get_io_ptr(png);
    /* write takes an unsigned int: a long row goes in pieces. */
    while (length > 0 && sink->status == CAIRO_STATUS_SUCCESS) {
        unsigned int piece = length > UINT32_MAX ? UINT32_MAX : (unsigned int)length;
        sink->status = sink->write(sink->closure, data, piece);
        data += piece;
        length -= piece;
    }
    if (sink->status != CAIRO_STATUS_SUCCESS)
        png_longjmp(png, 1);
}

static void sink_flush(png_structp png)
{
    (void)png;
}

/* libpng's errors end the encoding through its jump buffer; its warnings
 * (none for what is written here) are not for the user. */
static void on_error(png_structp png, png_const_charp message)
{
    (void)message;
    png_longjmp(png, 1);
}

static void on_warning(png_structp png, png_const_charp message)
{
    (void)png;
    (void)message;
}

cairo_status_t fs_png_write(cairo_surface_t *image, cairo_write_func_t write, void *closure)
{
    cairo_surface_flush(image);
    png_sink sink = {write, closure, CAIRO_STATUS_SUCCESS};
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, NULL, on_error, on_warning);
    png_infop info = png ? png_create_info_struct(png) : NULL;
    if (!info) {
        png_destroy_write_struct(&png, NULL);
        return CAIRO_STATUS_NO_MEMORY;
    }
    if (setjmp(png_jmpbuf(png))) {
        png_destroy_write_struct(&png, &info);
        return sink.status != CAIRO_STATUS_SUCCESS ? sink.status : CAIRO_STATUS_NO_MEMORY;
    }
    int width = cairo_image_surface_get_width(image);
    int height = cairo_image_surface_get_height(image);
    int stride = cairo_image_surface_get_stride(image);
    const unsigned char *data = cairo_image_surface_get_data(image);
    png_set_write_fn(png, &sink, sink_write, sink_flush);
    png_set_IHDR(png, info, (png_uint_32)width, (png_uint_32)height, 8, PNG_COLOR_TYPE_RGB,
                 PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    png_set_compression_level(png, FS_PNG_ZLIB_LEVEL);
    png_set_filter(png, PNG_FILTER_TYPE_BASE, FS_PNG_FILTER);
    png_write_info(png, info);
    /* A pixel of RGB24 is a native-endian 32-bit 0xXXRRGGBB: in memory
     * B, G, R, unused on a little-endian machine, unused, R, G, B on a
     * big-endian one. libpng drops the unused byte and orders the rest. */
    const uint32_t probe = 1;
    if (*(const unsigned char *)&probe == 1) {
        png_set_filler(png, 0, PNG_FILLER_AFTER);
        png_set_bgr(png);
    } else {
        png_set_filler(png, 0, PNG_FILLER_BEFORE);
    }
    for (int y = 0; y < height; y++)
        png_write_row(png, data + (size_t)y * (size_t)stride);
    png_write_end(png, info);
    png_destroy_write_struct(&png, &info);
    return CAIRO_STATUS_SUCCESS;
}
