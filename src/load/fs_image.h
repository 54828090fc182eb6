/* Images named by path in a layout or a CSV cell: PNG and JPEG decoded with
 * gdk-pixbuf, SVG drawn with librsvg. The format comes from the file's
 * content, never its extension. Each file is read, checked against the size
 * limits below and decoded once per run, by an fs_images cache that worker
 * threads share; an fs_image is immutable once loaded and may be drawn from
 * several threads at once.
 *
 * An SVG is parsed from memory with no base file, so it can never make
 * librsvg read another file: <image href="other.png">, file:// URLs,
 * external entities, XInclude and external stylesheets are all left
 * unloaded (data: URLs inside the SVG still work).
 *
 * Lifetime: an image must outlive every cairo surface it was drawn onto,
 * until that surface is finished: a PDF or SVG surface may keep a reference
 * to the image's original bytes (the JPEG it embeds as-is). Free the cache
 * after the outputs of the run are written. */
#ifndef FS_IMAGE_H
#define FS_IMAGE_H

#include <cairo.h>
#include <stdbool.h>
#include <stddef.h>

#include "core/fs_diag.h"

/* A file larger than this is refused before it is read. */
#define FS_IMAGE_MAX_FILE_BYTES (50u * 1024u * 1024u)
/* A PNG or JPEG is refused, before its pixels are decoded, when either side
 * exceeds FS_IMAGE_MAX_SIDE pixels or the whole exceeds FS_IMAGE_MAX_PIXELS:
 * decoded, it takes 4 bytes per pixel (160 MB at the limit). */
#define FS_IMAGE_MAX_SIDE   10000
#define FS_IMAGE_MAX_PIXELS (40L * 1000L * 1000L)
/* An SVG whose intrinsic width or height, in CSS pixels, exceeds this is
 * refused: no page is a kilometre wide, such a size is a mistake. */
#define FS_IMAGE_MAX_SVG_SIDE 100000.0

typedef enum { FS_IMAGE_PNG, FS_IMAGE_JPEG, FS_IMAGE_SVG } fs_image_kind;

typedef struct fs_image fs_image;   /* opaque, immutable once loaded */
typedef struct fs_images fs_images; /* run-wide cache, shared by worker threads */

/* Creates an empty cache; the caller frees it with fs_images_free, after
 * every surface drawn with its images is finished. NULL when out of memory. */
fs_images *fs_images_new(void);

/* Frees the cache and every image it loaded. No other thread may be using it. */
void fs_images_free(fs_images *images);

/* The image a layout or a CSV cell names relative to folder ("images/map.svg"
 * in the data folder): the file read (and quoted in messages) is
 * folder/name, or name alone when it is absolute or folder is NULL; a
 * did-you-mean hint spells its suggestion relative to folder, as the name
 * was written, so that it can be copied into the cell. The file is read,
 * checked and decoded once per run: later calls with the same file return
 * the same object, owned by the cache. NULL with an error at where (the
 * layout node or CSV cell that names the file) when the file is missing,
 * unreadable, not PNG/JPEG/SVG, corrupt or over a limit; a file that failed
 * fails again, with the same error at each caller's where. Thread-safe: two
 * threads asking for one file at once load it once. */
const fs_image *fs_images_get_in(fs_images *images, const char *folder, const char *name,
                                 fs_pos where, fs_diags *diags);

/* Sniffs, checks and decodes an image held in memory, exactly as
 * fs_images_get_in does with a file's bytes; name (usually the path) appears in
 * error messages and is what fs_image_path returns. The bytes are copied.
 * The caller frees the result with fs_image_free. NULL with an error at where
 * when the bytes are not a usable image. */
fs_image *fs_image_from_bytes(const char *name, const void *bytes, size_t length, fs_pos where,
                              fs_diags *diags);

/* Frees an image made by fs_image_from_bytes (never one from the cache). */
void fs_image_free(fs_image *image);

/* The format found in the file's content. */
fs_image_kind fs_image_kind_of(const fs_image *image);

/* The intrinsic size in CSS pixels (1/96 in): a raster's pixel count, after
 * its EXIF orientation is applied; an SVG's width and height, or its viewBox
 * when it gives no absolute size. Always positive and finite. */
double fs_image_width(const fs_image *image);
double fs_image_height(const fs_image *image);

/* The path (or name) the image was loaded from, owned by the image. */
const char *fs_image_path(const fs_image *image);

/* Draws the whole image scaled to exactly (x, y, width, height), in cr's user
 * space, stretching it when the rectangle has another aspect ratio (fitting
 * with 'contain' or 'cover' is the caller's job, as is clipping for 'cover').
 * A raster is filtered with CAIRO_FILTER_GOOD; a grey or RGB JPEG keeps its
 * original bytes attached, so a PDF embeds it as-is (a CMYK or EXIF-rotated
 * one goes in as pixels); an SVG stays vector. cr's state
 * is restored afterwards. A rectangle with no area draws nothing. False when
 * the rectangle is not finite or drawing failed (cr's status tells why).
 * Safe to call from several threads at once on different cairo contexts. */
bool fs_image_draw(const fs_image *image, cairo_t *cr, double x, double y, double width,
                   double height);

#endif
