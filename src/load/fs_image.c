#include "fs_image.h"

#include <dirent.h>
#include <errno.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <librsvg/rsvg.h>
#include <limits.h>
#include <math.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/fs_alloc.h"
#include "core/fs_buf.h"
#include "core/fs_file.h"
#include "core/fs_grow.h"
#include "core/fs_suggest.h"

struct fs_image {
    fs_image_kind kind;
    char *path;
    unsigned char *bytes; /* the file as read: JPEG/PNG mime data, or the SVG to parse */
    size_t length;
    double width, height; /* CSS pixels */
    /* Raster only: decoded pixels, cairo's native-endian 32-bit layout. */
    unsigned char *pixels;
    int pixel_width, pixel_height, stride;
    cairo_format_t format;
    bool jpeg_as_is;    /* the original JPEG shows the same pixels: grey or RGB, not rotated */
    char unique_id[40]; /* lets a PDF embed the image once, however often it is drawn */
};

/* Why an image was refused. Fixed-size, so that reporting a problem needs no
 * allocation, and so that the cache can keep it for later callers. The
 * lengths match what fs_diag keeps of a message. */
typedef struct {
    char message[1024];
    char hint[1024];
} problem;

static void set_problem(problem *p, const char *hint, const char *format, ...)
    __attribute__((format(printf, 3, 4)));

static void set_problem(problem *p, const char *hint, const char *format, ...)
{
    va_list args;
    va_start(args, format);
    vsnprintf(p->message, sizeof p->message, format, args);
    va_end(args);
    snprintf(p->hint, sizeof p->hint, "%s", hint ? hint : "");
}

static void report(fs_diags *diags, fs_pos where, const problem *p)
{
    fs_error(diags, where, p->hint[0] ? p->hint : NULL, "%s", p->message);
}

static const char *const HINT_CONVERT = "convert it to PNG, JPEG or SVG";
static const char *const HINT_DAMAGED = "the file is damaged: export or download it again";
static const char *const HINT_MEMORY = "close other programs, or render fewer documents at once";

/* A decoder's message, without the newline some of them end with. */
static void set_decoder_problem(problem *p, const char *name, const char *format,
                                const GError *error)
{
    set_problem(p, HINT_DAMAGED, "'%s' is not a valid %s image: %s", name, format,
                error && error->message ? error->message : "unknown error");
    size_t length = strlen(p->message);
    while (length > 0 && (p->message[length - 1] == '\n' || p->message[length - 1] == ' '))
        p->message[--length] = '\0';
}

/* ---- sniffing -------------------------------------------------------- */

static bool starts_with(const unsigned char *bytes, size_t length, const char *prefix,
                        size_t prefix_length)
{
    return length >= prefix_length && memcmp(bytes, prefix, prefix_length) == 0;
}

/* Where needle (2 or 3 bytes) first occurs in b[0..length), or NULL. */
static const unsigned char *find_bytes(const unsigned char *b, size_t length, const char *needle,
                                       size_t needle_length)
{
    const unsigned char *end = b + length;
    while (b && (size_t)(end - b) >= needle_length) {
        if (memcmp(b, needle, needle_length) == 0)
            return b;
        b = memchr(b + 1, needle[0], (size_t)(end - b) - 1);
    }
    return NULL;
}

static bool is_xml_space(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static bool is_name_char(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == ':' || c == '-' || c == '.' || c >= 0x80;
}

/* The offset just past the end of a <!DOCTYPE ...> declaration starting at
 * i, stepping over its internal subset [ ... ] and quoted strings, where a
 * '>' does not end it; length when it never ends. */
static size_t skip_doctype(const unsigned char *b, size_t length, size_t i)
{
    int depth = 0;
    unsigned char quote = 0;
    for (; i < length; i++) {
        unsigned char c = b[i];
        if (quote) {
            if (c == quote)
                quote = 0;
        } else if (c == '"' || c == '\'') {
            quote = c;
        } else if (c == '[') {
            depth++;
        } else if (c == ']') {
            depth--;
        } else if (c == '>' && depth <= 0) {
            return i + 1;
        }
    }
    return length;
}

/* True when the bytes are XML whose root element is <svg> (with or without
 * a namespace prefix), after an optional UTF-8 BOM, XML declaration,
 * processing instructions, comments and DOCTYPE. Otherwise what holds the
 * name of the root element when there is one ("" when the text is not XML). */
static bool sniff_svg(const unsigned char *b, size_t length, char *root, size_t root_size)
{
    size_t i = starts_with(b, length, "\xEF\xBB\xBF", 3) ? 3 : 0;
    root[0] = '\0';
    for (;;) {
        while (i < length && is_xml_space(b[i]))
            i++;
        if (i >= length || b[i] != '<')
            return false;
        const unsigned char *rest = b + i;
        size_t left = length - i;
        const unsigned char *end;
        if (starts_with(rest, left, "<?", 2)) {
            end = find_bytes(rest + 2, left - 2, "?>", 2);
            i = end ? (size_t)(end - b) + 2 : length;
        } else if (starts_with(rest, left, "<!--", 4)) {
            end = find_bytes(rest + 4, left - 4, "-->", 3);
            i = end ? (size_t)(end - b) + 3 : length;
        } else if (starts_with(rest, left, "<!DOCTYPE", 9)) {
            i = skip_doctype(b, length, i + 9);
        } else {
            break;
        }
    }
    size_t start = i + 1, stop = start;
    while (stop < length && is_name_char(b[stop]))
        stop++;
    if (stop == start)
        return false;
    size_t local = start;
    for (size_t k = start; k < stop; k++)
        if (b[k] == ':')
            local = k + 1;
    size_t shown = stop - start < root_size - 1 ? stop - start : root_size - 1;
    memcpy(root, b + start, shown);
    root[shown] = '\0';
    return stop - local == 3 && memcmp(b + local, "svg", 3) == 0;
}

/* Text is what a person could have typed: no NUL and no control characters
 * but white space among the first bytes. */
static bool looks_like_text(const unsigned char *b, size_t length)
{
    size_t n = length < 4096 ? length : 4096;
    for (size_t i = 0; i < n; i++)
        if ((b[i] < 0x20 && !is_xml_space(b[i]) && b[i] != '\f') || b[i] == 0x7f)
            return false;
    return true;
}

/* The format of the bytes; false, with the problem set to say what the
 * bytes are instead, when they are not PNG, JPEG or SVG. */
static bool sniff(const char *name, const unsigned char *b, size_t n, fs_image_kind *kind,
                  problem *p)
{
    if (starts_with(b, n, "\x89PNG\r\n\x1A\n", 8)) {
        *kind = FS_IMAGE_PNG;
        return true;
    }
    if (starts_with(b, n, "\xFF\xD8\xFF", 3)) {
        *kind = FS_IMAGE_JPEG;
        return true;
    }
    char root[32];
    if (sniff_svg(b, n, root, sizeof root)) {
        *kind = FS_IMAGE_SVG;
        return true;
    }
    char what[160];
    const char *hint = HINT_CONVERT;
    if (n == 0)
        snprintf(what, sizeof what, "an empty file");
    else if (starts_with(b, n, "GIF87a", 6) || starts_with(b, n, "GIF89a", 6))
        snprintf(what, sizeof what, "a GIF image");
    else if (n >= 12 && memcmp(b, "RIFF", 4) == 0 && memcmp(b + 8, "WEBP", 4) == 0)
        snprintf(what, sizeof what, "a WebP image");
    else if (starts_with(b, n, "%PDF-", 5))
        snprintf(what, sizeof what, "a PDF document");
    else if (starts_with(b, n, "%!PS", 4))
        snprintf(what, sizeof what, "a PostScript document");
    else if (starts_with(b, n, "II*\0", 4) || starts_with(b, n, "MM\0*", 4))
        snprintf(what, sizeof what, "a TIFF image");
    else if (starts_with(b, n, "BM", 2))
        snprintf(what, sizeof what, "a BMP image");
    else if (n >= 12 && memcmp(b + 4, "ftyp", 4) == 0 &&
             (memcmp(b + 8, "heic", 4) == 0 || memcmp(b + 8, "heix", 4) == 0 ||
              memcmp(b + 8, "mif1", 4) == 0))
        snprintf(what, sizeof what, "a HEIC image");
    else if (n >= 12 && memcmp(b + 4, "ftyp", 4) == 0 && memcmp(b + 8, "avif", 4) == 0)
        snprintf(what, sizeof what, "an AVIF image");
    else if (starts_with(b, n, "\x1F\x8B", 2)) {
        snprintf(what, sizeof what, "a gzip-compressed file");
        hint = "if it is a compressed SVG (.svgz), decompress it with gunzip; "
               "otherwise convert it to PNG, JPEG or SVG";
    } else if (root[0] && (strcmp(root, "html") == 0 || strcmp(root, "HTML") == 0))
        snprintf(what, sizeof what, "an HTML page");
    else if (root[0])
        snprintf(what, sizeof what, "an XML document whose root is <%s>, not <svg>", root);
    else if (looks_like_text(b, n))
        snprintf(what, sizeof what, "a text file");
    else
        snprintf(what, sizeof what,
                 "in no format factsheet knows (it starts with %02X %02X %02X %02X)", b[0],
                 n > 1 ? b[1] : 0, n > 2 ? b[2] : 0, n > 3 ? b[3] : 0);
    set_problem(p, hint, "'%s' is %s, not a PNG, JPEG or SVG image", name, what);
    return false;
}

/* ---- structure checks ------------------------------------------------ */

/* gdk-pixbuf decodes a truncated PNG or JPEG without complaint, filling
 * what is missing: a cut download would be printed half grey. The checks
 * below read only the container, never the pixels. */

static uint32_t read_be32(const unsigned char *b)
{
    return (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 | (uint32_t)b[2] << 8 | b[3];
}

/* A PNG is complete when its chunks run whole up to IEND. */
static bool png_complete(const char *name, const unsigned char *b, size_t n, problem *p)
{
    size_t at = 8;
    char type[5] = "";
    while (at + 8 <= n) {
        uint32_t size = read_be32(b + at);
        memcpy(type, b + at + 4, 4);
        if (size > 0x7FFFFFFFu) {
            set_problem(p, HINT_DAMAGED, "'%s' is not a valid PNG image: chunk '%s' is too long",
                        name, type);
            return false;
        }
        if (n - at - 8 < (size_t)size + 4)
            break;
        if (memcmp(type, "IEND", 4) == 0)
            return true;
        at += 8 + (size_t)size + 4;
    }
    set_problem(p, HINT_DAMAGED, "'%s' is not a valid PNG image: the file is truncated", name);
    return false;
}

/* True for the start-of-frame markers, which give the image's size and
 * colour components (not DHT C4, JPG C8 or DAC CC in the same range). */
static bool is_frame_marker(unsigned char marker)
{
    return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
}

/* A JPEG is complete when an end-of-image marker follows its first scan:
 * entropy-coded data escapes every 0xFF byte, so FF D9 there is a marker.
 * components is what the frame header declares (0 when there is none). */
static bool jpeg_complete(const char *name, const unsigned char *b, size_t n, int *components,
                          problem *p)
{
    const char *reason = "the file is truncated";
    size_t at = 2;
    *components = 0;
    while (at + 4 <= n) {
        unsigned char marker = b[at + 1];
        if (b[at] != 0xFF) {
            reason = "its markers are damaged";
            break;
        }
        if (marker == 0xFF) { /* a fill byte */
            at++;
            continue;
        }
        if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD8)) {
            at += 2;
            continue;
        }
        if (marker == 0xD9) {
            reason = "it ends before any image data";
            break;
        }
        size_t size = (size_t)b[at + 2] << 8 | b[at + 3];
        if (size < 2) {
            reason = "its markers are damaged";
            break;
        }
        if (is_frame_marker(marker) && size >= 8 && at + 10 <= n)
            *components = b[at + 9];
        at += 2 + size;
        if (marker == 0xDA) {
            if (at <= n && find_bytes(b + at, n - at, "\xFF\xD9", 2))
                return true;
            break;
        }
    }
    set_problem(p, HINT_DAMAGED, "'%s' is not a valid JPEG image: %s", name, reason);
    return false;
}

/* ---- raster ---------------------------------------------------------- */

static bool raster_too_large(long width, long height)
{
    return width > FS_IMAGE_MAX_SIDE || height > FS_IMAGE_MAX_SIDE ||
           width * height > FS_IMAGE_MAX_PIXELS;
}

typedef struct {
    int width, height;
    bool too_large;
} raster_size;

/* Called by the decoder once it has read the header and before it allocates
 * the pixels: asking for a 0x0 image makes it stop with an error. */
static void on_size_prepared(GdkPixbufLoader *loader, int width, int height, gpointer data)
{
    raster_size *size = data;
    size->width = width;
    size->height = height;
    if (raster_too_large(width, height)) {
        size->too_large = true;
        gdk_pixbuf_loader_set_size(loader, 0, 0);
    }
}

/* Decodes bytes with the one decoder for kind: a loader chosen by type
 * never hands the bytes to another of gdk-pixbuf's modules. The caller
 * unrefs the result. */
static GdkPixbuf *decode_raster(const char *name, fs_image_kind kind, const unsigned char *bytes,
                                size_t length, problem *p)
{
    const char *format = kind == FS_IMAGE_PNG ? "PNG" : "JPEG";
    GError *error = NULL;
    GdkPixbufLoader *loader =
        gdk_pixbuf_loader_new_with_type(kind == FS_IMAGE_PNG ? "png" : "jpeg", &error);
    if (!loader) {
        set_problem(p, "reinstall gdk-pixbuf (make deps)", "cannot decode '%s': %s", name,
                    error ? error->message : "no decoder");
        g_clear_error(&error);
        return NULL;
    }
    raster_size size = {0, 0, false};
    g_signal_connect(loader, "size-prepared", G_CALLBACK(on_size_prepared), &size);
    bool written = gdk_pixbuf_loader_write(loader, bytes, length, &error);
    /* A loader must be closed even after a failed write. */
    bool closed = gdk_pixbuf_loader_close(loader, written ? &error : NULL);
    GdkPixbuf *pixbuf = written && closed ? gdk_pixbuf_loader_get_pixbuf(loader) : NULL;
    if (pixbuf)
        g_object_ref(pixbuf);
    g_object_unref(loader);
    if (size.too_large) {
        set_problem(p, "scale it down: at 300 dpi, 3000 pixels cover 25 cm",
                    "'%s' is %dx%d pixels; images may have at most %d pixels a side and %ld "
                    "megapixels",
                    name, size.width, size.height, FS_IMAGE_MAX_SIDE,
                    FS_IMAGE_MAX_PIXELS / 1000000L);
    } else if (!pixbuf) {
        set_decoder_problem(p, name, format, error);
    }
    g_clear_error(&error);
    if (pixbuf && size.too_large) {
        g_object_unref(pixbuf);
        pixbuf = NULL;
    }
    return pixbuf;
}

/* Applies the EXIF orientation of a photo (a phone's portrait JPEG is stored
 * sideways), which makes the original JPEG unusable as-is. */
static GdkPixbuf *apply_orientation(GdkPixbuf *pixbuf, bool *rotated)
{
    const char *orientation = gdk_pixbuf_get_option(pixbuf, "orientation");
    *rotated = orientation && strcmp(orientation, "1") != 0;
    if (!*rotated)
        return pixbuf;
    GdkPixbuf *upright = gdk_pixbuf_apply_embedded_orientation(pixbuf);
    g_object_unref(pixbuf);
    return upright;
}

/* Copies the pixbuf's RGB(A) bytes into cairo's layout: native-endian
 * 32-bit pixels, alpha premultiplied; RGB24 when there is no alpha. */
static bool keep_pixels(fs_image *image, GdkPixbuf *pixbuf, problem *p)
{
    int width = gdk_pixbuf_get_width(pixbuf), height = gdk_pixbuf_get_height(pixbuf);
    int channels = gdk_pixbuf_get_n_channels(pixbuf);
    bool alpha = gdk_pixbuf_get_has_alpha(pixbuf);
    if (width <= 0 || height <= 0 || raster_too_large(width, height) ||
        gdk_pixbuf_get_bits_per_sample(pixbuf) != 8 || channels != (alpha ? 4 : 3)) {
        set_problem(p, HINT_DAMAGED, "'%s' has a pixel layout factsheet cannot read", image->path);
        return false;
    }
    image->format = alpha ? CAIRO_FORMAT_ARGB32 : CAIRO_FORMAT_RGB24;
    image->stride = cairo_format_stride_for_width(image->format, width);
    if (image->stride > 0)
        image->pixels = fs_malloc((size_t)image->stride * (size_t)height);
    if (!image->pixels) {
        set_problem(p, HINT_MEMORY, "out of memory decoding '%s' (%dx%d pixels)", image->path,
                    width, height);
        return false;
    }
    const unsigned char *source = gdk_pixbuf_read_pixels(pixbuf);
    int rowstride = gdk_pixbuf_get_rowstride(pixbuf);
    for (int y = 0; y < height; y++) {
        const unsigned char *s = source + (size_t)y * (size_t)rowstride;
        uint32_t *d = (uint32_t *)(void *)(image->pixels + (size_t)y * (size_t)image->stride);
        for (int x = 0; x < width; x++, s += channels) {
            uint32_t a = alpha ? s[3] : 255;
            /* Premultiply, rounding to nearest: (v * a + 127) / 255. */
            uint32_t r = (s[0] * a + 127) / 255, g = (s[1] * a + 127) / 255,
                     b = (s[2] * a + 127) / 255;
            d[x] = a << 24 | r << 16 | g << 8 | b;
        }
    }
    image->pixel_width = width;
    image->pixel_height = height;
    image->width = width;
    image->height = height;
    return true;
}

static bool load_raster(fs_image *image, problem *p)
{
    const char *name = image->path;
    int components = 0;
    if (image->kind == FS_IMAGE_PNG
            ? !png_complete(name, image->bytes, image->length, p)
            : !jpeg_complete(name, image->bytes, image->length, &components, p))
        return false;
    GdkPixbuf *pixbuf = decode_raster(name, image->kind, image->bytes, image->length, p);
    if (!pixbuf)
        return false;
    bool rotated = false;
    if (image->kind == FS_IMAGE_JPEG)
        pixbuf = apply_orientation(pixbuf, &rotated);
    if (!pixbuf) {
        set_problem(p, HINT_MEMORY, "out of memory turning '%s' upright", name);
        return false;
    }
    /* cairo 1.16 writes a CMYK JPEG into a PDF as DeviceCMYK without the
     * inversion Adobe's CMYK JPEGs need: its red prints near black. Only
     * grey and RGB JPEGs go into a PDF as they are. */
    image->jpeg_as_is =
        image->kind == FS_IMAGE_JPEG && !rotated && (components == 1 || components == 3);
    bool ok = keep_pixels(image, pixbuf, p);
    g_object_unref(pixbuf);
    return ok;
}

/* ---- SVG ------------------------------------------------------------- */

/* Parses the SVG from memory with no base file: librsvg then refuses every
 * reference that is not a data: URL, so the SVG reads no other file. */
static RsvgHandle *parse_svg(const unsigned char *bytes, size_t length, GError **error)
{
    GInputStream *stream = g_memory_input_stream_new_from_data(bytes, (gssize)length, NULL);
    if (!stream)
        return NULL;
    RsvgHandle *handle =
        rsvg_handle_new_from_stream_sync(stream, NULL, RSVG_HANDLE_FLAGS_NONE, NULL, error);
    g_object_unref(stream);
    if (handle)
        rsvg_handle_set_dpi(handle, 96.0);
    return handle;
}

/* A length in CSS pixels; false for percentages and font-relative units,
 * which need a viewport or a font to resolve. */
static bool absolute_px(RsvgLength length, double *px)
{
    static const struct {
        RsvgUnit unit;
        double px;
    } units[] = {{RSVG_UNIT_PX, 1.0},         {RSVG_UNIT_IN, 96.0},
                 {RSVG_UNIT_CM, 96.0 / 2.54}, {RSVG_UNIT_MM, 96.0 / 25.4},
                 {RSVG_UNIT_PT, 96.0 / 72.0}, {RSVG_UNIT_PC, 16.0}};
    for (size_t i = 0; i < sizeof units / sizeof units[0]; i++) {
        if (units[i].unit == length.unit) {
            *px = length.length * units[i].px;
            return true;
        }
    }
    return false;
}

/* The intrinsic size: width and height when both are absolute; else the
 * viewBox, scaled to the one absolute side when there is one. */
static bool svg_size(fs_image *image, RsvgHandle *handle, problem *p)
{
    double width = 0, height = 0;
    if (!rsvg_handle_get_intrinsic_size_in_pixels(handle, &width, &height)) {
        gboolean has_width, has_height, has_viewbox;
        RsvgLength w, h;
        RsvgRectangle box;
        rsvg_handle_get_intrinsic_dimensions(handle, &has_width, &w, &has_height, &h, &has_viewbox,
                                             &box);
        if (!has_viewbox) {
            set_problem(p, "give its <svg> element a width and a height, or a viewBox",
                        "'%s' has no size: its <svg> element has neither an absolute width and "
                        "height nor a viewBox",
                        image->path);
            return false;
        }
        if (!(box.width > 0 && box.height > 0 && isfinite(box.width) && isfinite(box.height))) {
            set_problem(p, "give its viewBox a positive width and height",
                        "'%s' has an empty viewBox (%g x %g)", image->path, box.width, box.height);
            return false;
        }
        width = box.width;
        height = box.height;
        double side;
        if (has_width && absolute_px(w, &side)) {
            width = side;
            height = side * box.height / box.width;
        } else if (has_height && absolute_px(h, &side)) {
            height = side;
            width = side * box.width / box.height;
        }
    }
    if (!(width > 0 && height > 0 && width <= FS_IMAGE_MAX_SVG_SIDE &&
          height <= FS_IMAGE_MAX_SVG_SIDE)) {
        set_problem(p, "fix the width and height (or the viewBox) of its <svg> element",
                    "'%s' declares a size of %g x %g pixels; an SVG must be larger than 0 and at "
                    "most %g pixels a side",
                    image->path, width, height, FS_IMAGE_MAX_SVG_SIDE);
        return false;
    }
    image->width = width;
    image->height = height;
    return true;
}

/* Renders handle into the viewport (x, y, width, height) of cr, stretched to
 * it exactly as a raster would be. */
static bool render_svg(const fs_image *image, RsvgHandle *handle, cairo_t *cr, double x, double y,
                       double width, double height, GError **error)
{
    cairo_save(cr);
    cairo_translate(cr, x, y);
    cairo_scale(cr, width / image->width, height / image->height);
    RsvgRectangle viewport = {0, 0, image->width, image->height};
    bool ok = rsvg_handle_render_document(handle, cr, &viewport, error);
    cairo_restore(cr);
    return ok && cairo_status(cr) == CAIRO_STATUS_SUCCESS;
}

/* Parses the SVG, reads its size, and draws it once on a small scratch
 * surface, so that an SVG librsvg cannot draw is reported now, at the node
 * that names it, rather than at paint time. */
static bool load_svg(fs_image *image, problem *p)
{
    GError *error = NULL;
    RsvgHandle *handle = parse_svg(image->bytes, image->length, &error);
    if (!handle) {
        set_decoder_problem(p, image->path, "SVG", error);
        g_clear_error(&error);
        return false;
    }
    bool ok = svg_size(image, handle, p);
    if (ok) {
        double scale = 32.0 / fmax(image->width, image->height);
        cairo_surface_t *scratch = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 32, 32);
        cairo_t *cr = cairo_create(scratch);
        ok = render_svg(image, handle, cr, 0, 0, image->width * scale, image->height * scale,
                        &error);
        if (!ok && error)
            set_decoder_problem(p, image->path, "SVG", error);
        else if (!ok)
            set_problem(p, HINT_MEMORY, "cannot draw '%s': %s", image->path,
                        cairo_status_to_string(cairo_status(cr)));
        cairo_destroy(cr);
        cairo_surface_destroy(scratch);
        g_clear_error(&error);
    }
    g_object_unref(handle);
    return ok;
}

/* ---- images ---------------------------------------------------------- */

void fs_image_free(fs_image *image)
{
    if (!image)
        return;
    free(image->pixels);
    free(image->bytes);
    free(image->path);
    free(image);
}

/* Makes an image of bytes, which it takes over (freed on failure too). */
static fs_image *image_adopt(const char *name, unsigned char *bytes, size_t length, problem *p)
{
    fs_image *image = fs_calloc(1, sizeof *image);
    char *path = fs_strdup(name);
    if (!image || !path) {
        set_problem(p, HINT_MEMORY, "out of memory loading '%s'", name);
        free(image);
        free(path);
        free(bytes);
        return NULL;
    }
    image->path = path;
    image->bytes = bytes;
    image->length = length;
    snprintf(image->unique_id, sizeof image->unique_id, "factsheet-image-%p", (void *)image);
    bool ok = sniff(name, bytes, length, &image->kind, p) &&
              (image->kind == FS_IMAGE_SVG ? load_svg(image, p) : load_raster(image, p));
    if (!ok) {
        fs_image_free(image);
        return NULL;
    }
    return image;
}

static void set_too_big(problem *p, const char *name, double bytes)
{
    set_problem(p, "scale it down or compress it",
                "'%s' is %.1f MiB; image files may be at most %u MiB", name,
                bytes / (1024.0 * 1024.0), FS_IMAGE_MAX_FILE_BYTES / (1024u * 1024u));
}

fs_image *fs_image_from_bytes(const char *name, const void *bytes, size_t length, fs_pos where,
                              fs_diags *diags)
{
    problem p;
    if (length > FS_IMAGE_MAX_FILE_BYTES) {
        set_too_big(&p, name, (double)length);
        report(diags, where, &p);
        return NULL;
    }
    unsigned char *copy = fs_malloc(length ? length : 1);
    if (!copy) {
        set_problem(&p, HINT_MEMORY, "out of memory loading '%s'", name);
        report(diags, where, &p);
        return NULL;
    }
    if (length)
        memcpy(copy, bytes, length);
    fs_image *image = image_adopt(name, copy, length, &p);
    if (!image)
        report(diags, where, &p);
    return image;
}

fs_image_kind fs_image_kind_of(const fs_image *image)
{
    return image->kind;
}

double fs_image_width(const fs_image *image)
{
    return image->width;
}

double fs_image_height(const fs_image *image)
{
    return image->height;
}

const char *fs_image_path(const fs_image *image)
{
    return image->path;
}

/* Each call wraps the shared, read-only pixels in its own surface, so that
 * no cairo object is ever used by two threads. */
static bool draw_raster(const fs_image *image, cairo_t *cr, double x, double y, double width,
                        double height)
{
    cairo_surface_t *surface = cairo_image_surface_create_for_data(
        image->pixels, image->format, image->pixel_width, image->pixel_height, image->stride);
    if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) {
        cairo_surface_destroy(surface);
        return false;
    }
    /* The mime data points into the image's bytes, which is why an image
     * must outlive the surfaces it is drawn on. */
    if (image->jpeg_as_is)
        cairo_surface_set_mime_data(surface, CAIRO_MIME_TYPE_JPEG, image->bytes, image->length,
                                    NULL, NULL);
    else if (image->kind == FS_IMAGE_PNG)
        cairo_surface_set_mime_data(surface, CAIRO_MIME_TYPE_PNG, image->bytes, image->length, NULL,
                                    NULL);
    cairo_surface_set_mime_data(surface, CAIRO_MIME_TYPE_UNIQUE_ID,
                                (const unsigned char *)image->unique_id, strlen(image->unique_id),
                                NULL, NULL);
    cairo_save(cr);
    cairo_translate(cr, x, y);
    cairo_scale(cr, width / image->pixel_width, height / image->pixel_height);
    cairo_set_source_surface(cr, surface, 0, 0);
    cairo_pattern_t *pattern = cairo_get_source(cr);
    cairo_pattern_set_filter(pattern, CAIRO_FILTER_GOOD);
    if (cairo_surface_get_type(cairo_get_group_target(cr)) == CAIRO_SURFACE_TYPE_IMAGE) {
        /* Padding keeps the edges sharp when scaling up (else the filter
         * blends them with transparency); filling exactly the image's
         * rectangle keeps the padding out of sight. */
        cairo_pattern_set_extend(pattern, CAIRO_EXTEND_PAD);
        cairo_rectangle(cr, 0, 0, image->pixel_width, image->pixel_height);
        cairo_fill(cr);
    } else {
        /* Vector and recording surfaces keep the source to draw later, and
         * cairo 1.16 then loses a padded image whose surface was destroyed
         * in the meantime (the PDF page comes out without it). Without
         * padding, a PDF gets the image itself and its viewer scales it. */
        cairo_paint(cr);
    }
    cairo_restore(cr);
    cairo_surface_destroy(surface);
    return cairo_status(cr) == CAIRO_STATUS_SUCCESS;
}

/* A fresh handle per call: an RsvgHandle must not be shared by threads. */
static bool draw_svg(const fs_image *image, cairo_t *cr, double x, double y, double width,
                     double height)
{
    RsvgHandle *handle = parse_svg(image->bytes, image->length, NULL);
    if (!handle)
        return false;
    bool ok = render_svg(image, handle, cr, x, y, width, height, NULL);
    g_object_unref(handle);
    return ok;
}

bool fs_image_draw(const fs_image *image, cairo_t *cr, double x, double y, double width,
                   double height)
{
    if (!isfinite(x) || !isfinite(y) || !isfinite(width) || !isfinite(height) ||
        cairo_status(cr) != CAIRO_STATUS_SUCCESS)
        return false;
    /* A zero scale would put cr in an error state for good. */
    if (width <= 0 || height <= 0)
        return true;
    if (image->kind == FS_IMAGE_SVG)
        return draw_svg(image, cr, x, y, width, height);
    return draw_raster(image, cr, x, y, width, height);
}

/* ---- reading files --------------------------------------------------- */

static bool has_image_extension(const char *name)
{
    static const char *const extensions[] = {".png", ".jpg", ".jpeg", ".svg"};
    size_t length = strlen(name);
    for (size_t i = 0; i < sizeof extensions / sizeof extensions[0]; i++) {
        size_t e = strlen(extensions[i]);
        if (length > e && strcasecmp(name + length - e, extensions[i]) == 0)
            return true;
    }
    return false;
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The hint for a file that does not exist: the nearest names in its folder,
 * else the images the folder holds. A suggestion is spelt as the user wrote
 * the name (written), which may be relative to another folder than path. */
static void missing_file_hint(const char *path, const char *written, fs_buf *hint)
{
    const char *slash = strrchr(path, '/');
    const char *written_slash = strrchr(written, '/');
    const char *base = written_slash ? written_slash + 1 : written;
    int prefix = written_slash ? (int)(written_slash - written + 1) : 0;
    fs_buf dir = {0};
    if (slash)
        fs_buf_append(&dir, path, slash == path ? 1 : (size_t)(slash - path));
    else
        fs_buf_puts(&dir, ".");
    if (!fs_buf_ok(&dir)) {
        fs_buf_free(&dir);
        return;
    }
    DIR *folder = opendir(fs_buf_str(&dir));
    if (!folder) {
        fs_buf_printf(hint, "the folder '%s' does not exist or cannot be read", fs_buf_str(&dir));
        fs_buf_free(&dir);
        return;
    }
    /* Names are kept in one buffer and indexed once reading is done, as
     * the buffer moves while it grows. */
    fs_buf names = {0};
    size_t count = 0;
    struct dirent *entry;
    while (count < 10000 && (entry = readdir(folder)) != NULL) {
        if (entry->d_name[0] == '.')
            continue;
        fs_buf_append(&names, entry->d_name, strlen(entry->d_name) + 1);
        count++;
    }
    closedir(folder);
    const char **list = count ? fs_calloc(count, sizeof *list) : NULL;
    if (count && list && fs_buf_ok(&names)) {
        const char *at = names.data;
        for (size_t i = 0; i < count; i++, at += strlen(at) + 1)
            list[i] = at;
        qsort(list, count, sizeof *list, by_name);
        const char *best[3];
        size_t found = fs_suggest(base, list, count, best, 3);
        for (size_t i = 0; i < found; i++)
            fs_buf_printf(hint, "%s'%.*s%s'", i == 0 ? "did you mean " : " or ", prefix, written,
                          best[i]);
        if (found)
            fs_buf_puts(hint, "? ");
        size_t images = 0;
        for (size_t i = 0; i < count; i++) {
            if (!has_image_extension(list[i]))
                continue;
            if (images < 20)
                fs_buf_printf(hint, "%s%s",
                              images ? ", " : "the images in the folder are: ", list[i]);
            images++;
        }
        if (images > 20)
            fs_buf_printf(hint, " and %zu more", images - 20);
        if (images == 0 && !found)
            fs_buf_printf(hint, "the folder '%s' holds no PNG, JPEG or SVG file", fs_buf_str(&dir));
    } else if (count == 0) {
        fs_buf_printf(hint, "the folder '%s' is empty", fs_buf_str(&dir));
    }
    free(list);
    fs_buf_free(&names);
    fs_buf_free(&dir);
}

static void set_open_problem(problem *p, const char *path, const char *written, int error)
{
    char reason[128];
    if (strerror_r(error, reason, sizeof reason) != 0)
        snprintf(reason, sizeof reason, "error %d", error);
    fs_buf hint = {0};
    if (error == ENOENT || error == ENOTDIR)
        missing_file_hint(path, written, &hint);
    else if (error == EACCES || error == EPERM)
        fs_buf_puts(&hint, "check the file's permissions");
    set_problem(p, fs_buf_ok(&hint) && hint.length ? fs_buf_str(&hint) : "check the path",
                "cannot open '%s': %s", path, reason);
    fs_buf_free(&hint);
}

/* Reads the whole file into memory the caller frees; the size is checked
 * before anything is read. */
static unsigned char *read_image_file(const char *path, const char *written, size_t *length,
                                      problem *p)
{
    fs_file file = fs_file_read(path, FS_IMAGE_MAX_FILE_BYTES);
    char reason[128];
    switch (file.status) {
    case FS_FILE_READ:
        *length = file.length;
        return (unsigned char *)file.bytes;
    case FS_FILE_CANNOT_OPEN:
        set_open_problem(p, path, written, file.error);
        break;
    case FS_FILE_NOT_REGULAR:
        if (file.error == EISDIR)
            set_problem(p, "name an image file inside the folder", "'%s' is a folder, not an image",
                        path);
        else
            set_problem(p, "name an image file", "'%s' is not a regular file", path);
        break;
    case FS_FILE_TOO_LARGE:
        set_too_big(p, path, (double)file.length);
        break;
    case FS_FILE_NO_MEMORY:
        set_problem(p, HINT_MEMORY, "out of memory reading '%s'", path);
        break;
    case FS_FILE_READ_ERROR:
        if (strerror_r(file.error, reason, sizeof reason) != 0)
            snprintf(reason, sizeof reason, "error %d", file.error);
        set_problem(p, "check the file", "cannot read '%s': %s", path, reason);
        break;
    }
    return NULL;
}

static fs_image *load_file(const char *path, const char *written, problem *p)
{
    size_t length = 0;
    unsigned char *bytes = read_image_file(path, written, &length, p);
    return bytes ? image_adopt(path, bytes, length, p) : NULL;
}

/* ---- the cache ------------------------------------------------------- */

/* One file the run asked for. While one thread loads it, loading is true
 * and the others wait on the cache's condition; then exactly one of image
 * and failed is set, for good. */
typedef struct {
    char *key; /* the canonical path when the file exists, else the path as given */
    /* NULL when key is canonical; else the name as written, since the hint
     * for a missing file suggests names spelt that way. */
    char *written;
    fs_image *image;
    bool loading;
    bool failed;
    problem problem;
} entry;

struct fs_images {
    pthread_mutex_t lock;
    pthread_cond_t loaded;
    entry **entries;
    size_t count, capacity;
};

fs_images *fs_images_new(void)
{
    fs_images *images = fs_calloc(1, sizeof *images);
    if (!images)
        return NULL;
    if (pthread_mutex_init(&images->lock, NULL) != 0) {
        free(images);
        return NULL;
    }
    if (pthread_cond_init(&images->loaded, NULL) != 0) {
        pthread_mutex_destroy(&images->lock);
        free(images);
        return NULL;
    }
    return images;
}

void fs_images_free(fs_images *images)
{
    if (!images)
        return;
    for (size_t i = 0; i < images->count; i++) {
        fs_image_free(images->entries[i]->image);
        free(images->entries[i]->key);
        free(images->entries[i]->written);
        free(images->entries[i]);
    }
    free(images->entries);
    pthread_cond_destroy(&images->loaded);
    pthread_mutex_destroy(&images->lock);
    free(images);
}

static entry *find(const fs_images *images, const char *key, const char *written)
{
    for (size_t i = 0; i < images->count; i++) {
        const entry *e = images->entries[i];
        /* A canonical entry (written NULL) is the file however it is named. */
        if (strcmp(e->key, key) == 0 &&
            (!written || !e->written || strcmp(e->written, written) == 0))
            return images->entries[i];
    }
    return NULL;
}

/* A new entry, marked loading; NULL when out of memory. Called locked. */
static entry *add_entry(fs_images *images, const char *key, const char *written)
{
    entry **grown =
        fs_heap_reserve(images->entries, images->count + 1, &images->capacity, sizeof *grown);
    if (!grown)
        return NULL;
    images->entries = grown;
    entry *e = fs_calloc(1, sizeof *e);
    char *copy = fs_strdup(key);
    char *written_copy = written ? fs_strdup(written) : NULL;
    if (!e || !copy || (written && !written_copy)) {
        free(e);
        free(copy);
        free(written_copy);
        return NULL;
    }
    e->key = copy;
    e->written = written_copy;
    e->loading = true;
    images->entries[images->count++] = e;
    return e;
}

/* The image at path, which the user wrote as written. */
static const fs_image *get(fs_images *images, const char *path, const char *written, fs_pos where,
                           fs_diags *diags)
{
    problem p;
    /* One entry per file, however the path spells it ("a.png", "./a.png"). */
    char canonical[PATH_MAX];
    const char *key = path;
    if (realpath(path, canonical)) {
        key = canonical;
        written = NULL;
    }

    pthread_mutex_lock(&images->lock);
    entry *e;
    while ((e = find(images, key, written)) != NULL && e->loading)
        pthread_cond_wait(&images->loaded, &images->lock);
    if (e) {
        const fs_image *image = e->image;
        if (e->failed)
            p = e->problem;
        pthread_mutex_unlock(&images->lock);
        if (!image)
            report(diags, where, &p);
        return image;
    }
    e = add_entry(images, key, written);
    pthread_mutex_unlock(&images->lock);
    if (!e) {
        set_problem(&p, HINT_MEMORY, "out of memory loading '%s'", path);
        report(diags, where, &p);
        return NULL;
    }

    /* Loaded unlocked, so that other files load in parallel. */
    fs_image *image = load_file(path, written ? written : path, &p);

    pthread_mutex_lock(&images->lock);
    e->image = image;
    e->failed = image == NULL;
    if (!image)
        e->problem = p;
    e->loading = false;
    pthread_cond_broadcast(&images->loaded);
    pthread_mutex_unlock(&images->lock);
    if (!image)
        report(diags, where, &p);
    return image;
}

/* An empty name is refused here rather than read as a folder. */
static bool named(const char *name, fs_pos where, fs_diags *diags)
{
    if (name && name[0])
        return true;
    problem p;
    set_problem(&p, "name a PNG, JPEG or SVG file", "no image file named");
    report(diags, where, &p);
    return false;
}

const fs_image *fs_images_get_in(fs_images *images, const char *folder, const char *name,
                                 fs_pos where, fs_diags *diags)
{
    if (!named(name, where, diags))
        return NULL;
    if (!folder || !folder[0] || name[0] == '/')
        return get(images, name, name, where, diags);
    fs_buf path = {0};
    size_t length = strlen(folder);
    fs_buf_append(&path, folder, length);
    if (folder[length - 1] != '/')
        fs_buf_putc(&path, '/');
    fs_buf_puts(&path, name);
    const fs_image *image = NULL;
    if (fs_buf_ok(&path)) {
        image = get(images, fs_buf_str(&path), name, where, diags);
    } else {
        problem p;
        set_problem(&p, HINT_MEMORY, "out of memory loading '%s'", name);
        report(diags, where, &p);
    }
    fs_buf_free(&path);
    return image;
}
