/* PNG encoding of a drawn page, with libpng at a zlib level and filter
 * chosen for speed: cairo's own writer tries every filter at zlib's default
 * level, four times slower for a file no smaller (a 150 dpi brief: 185 ms
 * for 267 KB, against 47 ms for 264 KB). */
#ifndef FS_PNG_H
#define FS_PNG_H

#include <cairo.h>

/* Writes image, a CAIRO_FORMAT_RGB24 image surface, as an 8-bit RGB PNG
 * through write (called with closure, in order, until the file is whole).
 * Returns CAIRO_STATUS_SUCCESS, the first error write returned, or
 * CAIRO_STATUS_NO_MEMORY; nothing is printed. */
cairo_status_t fs_png_write(cairo_surface_t *image, cairo_write_func_t write, void *closure);

#endif
