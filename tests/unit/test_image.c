/* Unit tests of the image module: PNG, JPEG and SVG found by content, their
 * sizes and pixels, every refusal with its message, SVGs that try to read
 * other files, JPEGs embedded as-is in PDFs, and the cache under threads.
 * Fixtures are made at run time in a temporary folder. */
#define _XOPEN_SOURCE 700 /* nftw */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <cairo-pdf.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <ftw.h>
#include <librsvg/rsvg.h>
#include <limits.h>
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "load/fs_image.h"

static char folder[512]; /* the fixtures of this run */

/* ---- fixtures -------------------------------------------------------- */

/* The path of a fixture; valid until the next call with the same buffer. */
static const char *in_folder(char *out, const char *name)
{
    snprintf(out, PATH_MAX, "%s/%s", folder, name);
    return out;
}

static void write_bytes(const char *name, const void *bytes, size_t length)
{
    char path[PATH_MAX];
    FILE *file = fopen(in_folder(path, name), "wb");
    assert_non_null(file);
    assert_int_equal(fwrite(bytes, 1, length, file), length);
    assert_int_equal(fclose(file), 0);
}

static void write_text(const char *name, const char *text)
{
    write_bytes(name, text, strlen(text));
}

/* The fixture's bytes; the caller frees them with g_free. */
static unsigned char *read_bytes(const char *name, size_t *length)
{
    char path[PATH_MAX];
    gchar *bytes = NULL;
    gsize size = 0;
    assert_true(g_file_get_contents(in_folder(path, name), &bytes, &size, NULL));
    *length = size;
    return (unsigned char *)bytes;
}

/* A PNG of one colour (straight, not premultiplied, alpha). */
static void make_png(const char *name, int width, int height, double r, double g, double b,
                     double a)
{
    char path[PATH_MAX];
    cairo_surface_t *surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, width, height);
    cairo_t *cr = cairo_create(surface);
    cairo_set_operator(cr, CAIRO_OPERATOR_SOURCE);
    cairo_set_source_rgba(cr, r, g, b, a);
    cairo_paint(cr);
    cairo_destroy(cr);
    assert_int_equal(cairo_surface_write_to_png(surface, in_folder(path, name)),
                     CAIRO_STATUS_SUCCESS);
    cairo_surface_destroy(surface);
}

/* A JPEG of one colour, or of noise (which JPEG compresses far better than
 * PDF's Flate does). */
static void make_jpeg(const char *name, int width, int height, bool noise)
{
    char path[PATH_MAX];
    GdkPixbuf *pixbuf = gdk_pixbuf_new(GDK_COLORSPACE_RGB, FALSE, 8, width, height);
    assert_non_null(pixbuf);
    guchar *pixels = gdk_pixbuf_get_pixels(pixbuf);
    int rowstride = gdk_pixbuf_get_rowstride(pixbuf);
    uint32_t seed = 12345;
    for (int y = 0; y < height; y++) {
        for (int x = 0; x < width * 3; x++) {
            seed = seed * 1103515245u + 12345u;
            pixels[y * rowstride + x] = noise ? (guchar)(seed >> 24) : (x % 3 == 2 ? 255 : 0);
        }
    }
    assert_true(
        gdk_pixbuf_save(pixbuf, in_folder(path, name), "jpeg", NULL, "quality", "90", NULL));
    g_object_unref(pixbuf);
}

static uint32_t crc32_of(const unsigned char *bytes, size_t length)
{
    uint32_t crc = 0xFFFFFFFFu;
    for (size_t i = 0; i < length; i++) {
        crc ^= bytes[i];
        for (int k = 0; k < 8; k++)
            crc = crc & 1 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
    }
    return ~crc;
}

static void put_be32(unsigned char *at, uint32_t value)
{
    at[0] = (unsigned char)(value >> 24);
    at[1] = (unsigned char)(value >> 16);
    at[2] = (unsigned char)(value >> 8);
    at[3] = (unsigned char)value;
}

/* A well-formed PNG whose header claims width x height: a valid IHDR, a
 * token IDAT and IEND, so only the size can make it fail. */
static size_t craft_png(unsigned char *out, uint32_t width, uint32_t height)
{
    static const unsigned char signature[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    size_t at = 0;
    memcpy(out, signature, 8);
    at += 8;
    /* IHDR: width, height, 8 bits, RGB, deflate, adaptive, not interlaced. */
    unsigned char ihdr[4 + 13] = {'I', 'H', 'D', 'R'};
    put_be32(ihdr + 4, width);
    put_be32(ihdr + 8, height);
    ihdr[12] = 8;
    ihdr[13] = 2;
    put_be32(out + at, 13);
    memcpy(out + at + 4, ihdr, sizeof ihdr);
    put_be32(out + at + 4 + sizeof ihdr, crc32_of(ihdr, sizeof ihdr));
    at += 4 + sizeof ihdr + 4;
    unsigned char idat[4 + 8] = {'I',  'D',  'A',  'T',  0x78, 0x9C,
                                 0x63, 0x00, 0x00, 0x00, 0x01, 0x00};
    put_be32(out + at, 8);
    memcpy(out + at + 4, idat, sizeof idat);
    put_be32(out + at + 4 + sizeof idat, crc32_of(idat, sizeof idat));
    at += 4 + sizeof idat + 4;
    unsigned char iend[4] = {'I', 'E', 'N', 'D'};
    put_be32(out + at, 0);
    memcpy(out + at + 4, iend, 4);
    put_be32(out + at + 8, crc32_of(iend, 4));
    return at + 12;
}

/* ---- per-test state -------------------------------------------------- */

typedef struct {
    fs_images *images;
    fs_diags *diags;
} ctx;

static int setup(void **state)
{
    ctx *c = calloc(1, sizeof *c);
    if (!c)
        return -1;
    c->images = fs_images_new();
    c->diags = fs_diags_create();
    *state = c;
    return c->images && c->diags ? 0 : -1;
}

static int teardown(void **state)
{
    ctx *c = *state;
    fs_images_free(c->images);
    fs_diags_free(c->diags);
    free(c);
    return 0;
}

static int remove_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
    return remove(path);
}

static int group_setup(void **state)
{
    snprintf(folder, sizeof folder, "%s/fs-image-XXXXXX",
             getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
    return mkdtemp(folder) ? 0 : -1;
}

static int group_teardown(void **state)
{
    return nftw(folder, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
}

static const fs_pos WHERE = {"layout.yaml", 12, 7};

static const fs_image *get(void **state, const char *name)
{
    ctx *c = *state;
    char path[PATH_MAX];
    return fs_images_get_in(c->images, NULL, in_folder(path, name), WHERE, c->diags);
}

static const fs_image *get_ok(void **state, const char *name)
{
    ctx *c = *state;
    const fs_image *image = get(state, name);
    if (fs_diags_count(c->diags))
        fail_msg("unexpected: %s", fs_diags_at(c->diags, 0)->message);
    assert_non_null(image);
    return image;
}

/* The only diagnostic is an error at WHERE, whose message is expected with
 * every "%s" replaced by the fixture's path, and whose hint contains hint. */
static void assert_refused(void **state, const fs_image *image, const char *expected,
                           const char *hint)
{
    ctx *c = *state;
    assert_null(image);
    assert_int_equal(fs_diags_count(c->diags), 1);
    const fs_diag *diag = fs_diags_at(c->diags, 0);
    assert_int_equal(diag->severity, FS_ERROR);
    assert_string_equal(diag->pos.file, WHERE.file);
    assert_int_equal(diag->pos.line, WHERE.line);
    assert_int_equal(diag->pos.column, WHERE.column);
    char message[2048];
    snprintf(message, sizeof message, expected, folder, folder, folder);
    assert_string_equal(diag->message, message);
    assert_non_null(diag->hint);
    if (!strstr(diag->hint, hint))
        fail_msg("hint '%s' lacks '%s'", diag->hint, hint);
}

/* Starts the message check at a prefix, for decoder messages whose end
 * belongs to the library. */
static void assert_refused_prefix(void **state, const fs_image *image, const char *prefix,
                                  const char *hint)
{
    ctx *c = *state;
    assert_null(image);
    assert_int_equal(fs_diags_count(c->diags), 1);
    const fs_diag *diag = fs_diags_at(c->diags, 0);
    char expected[2048];
    snprintf(expected, sizeof expected, prefix, folder);
    if (strncmp(diag->message, expected, strlen(expected)) != 0)
        fail_msg("'%s' does not start with '%s'", diag->message, expected);
    assert_non_null(diag->hint);
    assert_non_null(strstr(diag->hint, hint));
}

/* ---- pixels ---------------------------------------------------------- */

typedef struct {
    cairo_surface_t *surface;
    cairo_t *cr;
} canvas;

/* A transparent ARGB32 canvas. */
static canvas canvas_new(int width, int height)
{
    canvas c;
    c.surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, width, height);
    c.cr = cairo_create(c.surface);
    return c;
}

static void canvas_free(canvas *c)
{
    cairo_destroy(c->cr);
    cairo_surface_destroy(c->surface);
}

/* The premultiplied ARGB pixel at (x, y). */
static uint32_t pixel(canvas *c, int x, int y)
{
    cairo_surface_flush(c->surface);
    const unsigned char *data = cairo_image_surface_get_data(c->surface);
    int stride = cairo_image_surface_get_stride(c->surface);
    return *(const uint32_t *)(const void *)(data + y * stride + x * 4);
}

static bool blank(canvas *c)
{
    int width = cairo_image_surface_get_width(c->surface);
    int height = cairo_image_surface_get_height(c->surface);
    for (int y = 0; y < height; y++)
        for (int x = 0; x < width; x++)
            if (pixel(c, x, y) != 0)
                return false;
    return true;
}

/* ---- formats and sizes ----------------------------------------------- */

static void test_png_loads(void **state)
{
    make_png("red.png", 30, 20, 1, 0, 0, 1);
    const fs_image *image = get_ok(state, "red.png");
    assert_int_equal(fs_image_kind_of(image), FS_IMAGE_PNG);
    assert_true(fs_image_width(image) == 30 && fs_image_height(image) == 20);
    char path[PATH_MAX];
    assert_string_equal(fs_image_path(image), in_folder(path, "red.png"));
}

static void test_jpeg_loads(void **state)
{
    make_jpeg("blue.jpg", 40, 10, false);
    const fs_image *image = get_ok(state, "blue.jpg");
    assert_int_equal(fs_image_kind_of(image), FS_IMAGE_JPEG);
    assert_true(fs_image_width(image) == 40 && fs_image_height(image) == 10);
}

/* The content decides, not the name. */
static void test_kind_from_content(void **state)
{
    make_png("really-a-png.jpg", 3, 5, 0, 1, 0, 1);
    const fs_image *image = get_ok(state, "really-a-png.jpg");
    assert_int_equal(fs_image_kind_of(image), FS_IMAGE_PNG);
    make_jpeg("no-extension", 6, 2, false);
    assert_int_equal(fs_image_kind_of(get_ok(state, "no-extension")), FS_IMAGE_JPEG);
}

static void test_svg_loads(void **state)
{
    write_text("box.svg", "<svg xmlns='http://www.w3.org/2000/svg' width='48' height='24'>"
                          "<rect width='48' height='24' fill='navy'/></svg>");
    const fs_image *image = get_ok(state, "box.svg");
    assert_int_equal(fs_image_kind_of(image), FS_IMAGE_SVG);
    assert_true(fs_image_width(image) == 48 && fs_image_height(image) == 24);
}

/* What editors put before the root: BOM, declaration, comments, DOCTYPE
 * with an internal subset (Illustrator), processing instructions. */
static void test_svg_prolog(void **state)
{
    write_text("prolog.svg",
               "\xEF\xBB\xBF<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
               "<!-- Generator: Adobe Illustrator 27 -->\n"
               "<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" "
               "\"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd\" [\n"
               "  <!ENTITY ns_svg \"http://www.w3.org/2000/svg\"> <!-- a > inside -->\n]>\n"
               "<?some-pi data?>\n"
               "<svg xmlns=\"&ns_svg;\" width=\"10mm\" height=\"1in\"/>\n");
    const fs_image *image = get_ok(state, "prolog.svg");
    assert_int_equal(fs_image_kind_of(image), FS_IMAGE_SVG);
    assert_float_equal(fs_image_width(image), 96.0 / 2.54, 1e-9);
    assert_float_equal(fs_image_height(image), 96.0, 1e-9);
}

static void test_svg_viewbox_sizes(void **state)
{
    write_text("viewbox.svg", "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 24 12'/>");
    const fs_image *image = get_ok(state, "viewbox.svg");
    assert_true(fs_image_width(image) == 24 && fs_image_height(image) == 12);
    /* One absolute side: the other follows the viewBox's aspect ratio. */
    write_text("one-side.svg",
               "<svg xmlns='http://www.w3.org/2000/svg' width='100' viewBox='0 0 50 25'/>");
    image = get_ok(state, "one-side.svg");
    assert_true(fs_image_width(image) == 100 && fs_image_height(image) == 50);
    write_text("percent.svg", "<svg xmlns='http://www.w3.org/2000/svg' width='100%' "
                              "height='100%' viewBox='0 0 30 40'/>");
    image = get_ok(state, "percent.svg");
    assert_true(fs_image_width(image) == 30 && fs_image_height(image) == 40);
}

/* ---- drawing --------------------------------------------------------- */

static void test_png_draw_pixels(void **state)
{
    make_png("red4.png", 4, 4, 1, 0, 0, 1);
    const fs_image *image = get_ok(state, "red4.png");
    canvas c = canvas_new(12, 12);
    assert_true(fs_image_draw(image, c.cr, 2, 2, 8, 8));
    assert_int_equal(cairo_status(c.cr), CAIRO_STATUS_SUCCESS);
    /* Inside the rectangle, even at its edges: opaque red. */
    assert_int_equal(pixel(&c, 2, 2), 0xFFFF0000);
    assert_int_equal(pixel(&c, 5, 6), 0xFFFF0000);
    assert_int_equal(pixel(&c, 9, 9), 0xFFFF0000);
    /* Outside: untouched. */
    assert_int_equal(pixel(&c, 1, 5), 0);
    assert_int_equal(pixel(&c, 10, 10), 0);
    assert_int_equal(pixel(&c, 5, 11), 0);
    canvas_free(&c);
}

/* Draw stretches to the rectangle it is given, whatever its aspect ratio. */
static void test_draw_scales_to_rect(void **state)
{
    make_png("square.png", 10, 10, 0, 0, 1, 1);
    const fs_image *image = get_ok(state, "square.png");
    canvas c = canvas_new(50, 20);
    assert_true(fs_image_draw(image, c.cr, 5, 3, 40, 10));
    assert_int_equal(pixel(&c, 5, 3), 0xFF0000FF);
    assert_int_equal(pixel(&c, 44, 12), 0xFF0000FF);
    assert_int_equal(pixel(&c, 45, 12), 0);
    assert_int_equal(pixel(&c, 44, 13), 0);
    assert_int_equal(pixel(&c, 4, 3), 0);
    assert_int_equal(pixel(&c, 5, 2), 0);
    canvas_free(&c);
}

/* Straight alpha in the file, premultiplied in memory. */
static void test_png_alpha(void **state)
{
    make_png("half.png", 2, 2, 1, 0, 0, 0.5);
    const fs_image *image = get_ok(state, "half.png");
    canvas c = canvas_new(2, 2);
    cairo_set_source_rgb(c.cr, 1, 1, 1);
    cairo_paint(c.cr);
    assert_true(fs_image_draw(image, c.cr, 0, 0, 2, 2));
    uint32_t p = pixel(&c, 1, 1);
    assert_int_equal(p >> 24, 0xFF);
    assert_int_equal((p >> 16) & 0xFF, 0xFF);
    assert_in_range((p >> 8) & 0xFF, 0x7E, 0x81);
    assert_in_range(p & 0xFF, 0x7E, 0x81);
    canvas_free(&c);
}

static void test_jpeg_draw_pixels(void **state)
{
    make_jpeg("blue-draw.jpg", 8, 8, false);
    const fs_image *image = get_ok(state, "blue-draw.jpg");
    canvas c = canvas_new(8, 8);
    assert_true(fs_image_draw(image, c.cr, 0, 0, 8, 8));
    uint32_t p = pixel(&c, 4, 4);
    assert_int_equal(p >> 24, 0xFF);
    assert_in_range((p >> 16) & 0xFF, 0, 8);
    assert_in_range(p & 0xFF, 247, 255);
    canvas_free(&c);
}

static void test_svg_draw_pixels(void **state)
{
    write_text("blue.svg", "<svg xmlns='http://www.w3.org/2000/svg' width='4' height='2'>"
                           "<rect width='4' height='2' fill='#0000ff'/></svg>");
    const fs_image *image = get_ok(state, "blue.svg");
    canvas c = canvas_new(20, 20);
    assert_true(fs_image_draw(image, c.cr, 2, 2, 16, 8));
    assert_int_equal(pixel(&c, 2, 2), 0xFF0000FF);
    assert_int_equal(pixel(&c, 17, 9), 0xFF0000FF);
    assert_int_equal(pixel(&c, 18, 9), 0);
    assert_int_equal(pixel(&c, 17, 10), 0);
    assert_int_equal(pixel(&c, 1, 1), 0);
    canvas_free(&c);
}

/* A rectangle with no area draws nothing and leaves cr usable; one that is
 * not finite is refused. */
static void test_draw_degenerate_rect(void **state)
{
    make_png("dot.png", 1, 1, 1, 0, 0, 1);
    const fs_image *image = get_ok(state, "dot.png");
    canvas c = canvas_new(4, 4);
    assert_true(fs_image_draw(image, c.cr, 0, 0, 0, 3));
    assert_true(fs_image_draw(image, c.cr, 0, 0, 3, -1));
    assert_false(fs_image_draw(image, c.cr, 0, 0, NAN, 3));
    assert_false(fs_image_draw(image, c.cr, INFINITY, 0, 3, 3));
    assert_int_equal(cairo_status(c.cr), CAIRO_STATUS_SUCCESS);
    assert_true(blank(&c));
    canvas_free(&c);
}

/* Vector and recording surfaces keep the source until they are replayed,
 * long after draw destroyed the surface that wrapped the pixels. */
static void test_draw_on_recording_surface(void **state)
{
    make_png("kept.png", 4, 4, 1, 0, 0, 1);
    const fs_image *image = get_ok(state, "kept.png");
    cairo_surface_t *recording = cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, NULL);
    cairo_t *cr = cairo_create(recording);
    assert_true(fs_image_draw(image, cr, 0, 0, 4, 4));
    cairo_destroy(cr);
    canvas c = canvas_new(4, 4);
    cairo_set_source_surface(c.cr, recording, 0, 0);
    cairo_paint(c.cr);
    cairo_surface_destroy(recording);
    assert_int_equal(pixel(&c, 1, 1), 0xFFFF0000);
    assert_int_equal(pixel(&c, 3, 3), 0xFFFF0000);
    canvas_free(&c);
}

/* ---- PDF ------------------------------------------------------------- */

typedef struct {
    unsigned char *data;
    size_t length;
} memory;

static cairo_status_t to_memory(void *closure, const unsigned char *data, unsigned int length)
{
    memory *m = closure;
    unsigned char *grown = realloc(m->data, m->length + length);
    if (!grown)
        return CAIRO_STATUS_WRITE_ERROR;
    memcpy(grown + m->length, data, length);
    m->data = grown;
    m->length += length;
    return CAIRO_STATUS_SUCCESS;
}

static size_t count_in(const memory *m, const char *text)
{
    size_t count = 0, n = strlen(text);
    for (size_t i = 0; i + n <= m->length; i++)
        count += memcmp(m->data + i, text, n) == 0;
    return count;
}

/* A PDF page with image drawn times times, in memory; the caller frees it. */
static memory pdf_of(const fs_image *image, int times)
{
    memory m = {NULL, 0};
    cairo_surface_t *surface = cairo_pdf_surface_create_for_stream(to_memory, &m, 300, 300);
    cairo_t *cr = cairo_create(surface);
    for (int i = 0; i < times; i++)
        assert_true(fs_image_draw(image, cr, 10 + i * 5, 10, 100, 100));
    cairo_destroy(cr);
    cairo_surface_finish(surface);
    assert_int_equal(cairo_surface_status(surface), CAIRO_STATUS_SUCCESS);
    cairo_surface_destroy(surface);
    return m;
}

/* The JPEG goes into the PDF as it is: no re-encoding, and once however
 * often it is drawn. Without that, noise would be stored as Flate-compressed
 * pixels, three times the size. */
static void test_jpeg_embedded_as_is(void **state)
{
    make_jpeg("noise.jpg", 200, 200, true);
    size_t jpeg_length;
    g_free(read_bytes("noise.jpg", &jpeg_length));
    const fs_image *image = get_ok(state, "noise.jpg");
    memory once = pdf_of(image, 1);
    assert_int_equal(count_in(&once, "/DCTDecode"), 1);
    assert_int_equal(count_in(&once, "/Subtype /Image"), 1);
    assert_true(once.length < jpeg_length + 4000);
    memory thrice = pdf_of(image, 3);
    assert_int_equal(count_in(&thrice, "/DCTDecode"), 1);
    assert_true(thrice.length < once.length + 1000);

    /* The same pixels as a PNG: no JPEG, and a PDF much larger (the pixels
     * are in it: a padded pattern once made cairo drop them). */
    canvas c = canvas_new(200, 200);
    assert_true(fs_image_draw(image, c.cr, 0, 0, 200, 200));
    char path[PATH_MAX];
    assert_int_equal(cairo_surface_write_to_png(c.surface, in_folder(path, "noise.png")),
                     CAIRO_STATUS_SUCCESS);
    canvas_free(&c);
    memory png = pdf_of(get_ok(state, "noise.png"), 1);
    assert_int_equal(count_in(&png, "/DCTDecode"), 0);
    assert_true(png.length > 2 * once.length);
    free(once.data);
    free(thrice.data);
    free(png.data);
}

/* An SVG stays vector in a PDF: paths, no image. */
static void test_svg_vector_in_pdf(void **state)
{
    write_text("vector.svg", "<svg xmlns='http://www.w3.org/2000/svg' width='10' height='10'>"
                             "<circle cx='5' cy='5' r='4' fill='teal'/></svg>");
    memory pdf = pdf_of(get_ok(state, "vector.svg"), 1);
    assert_true(pdf.length > 0);
    assert_int_equal(count_in(&pdf, "/Subtype /Image"), 0);
    free(pdf.data);
}

/* A JPEG with EXIF orientation 6 (a phone held upright) is stored sideways:
 * it loads upright, and the PDF cannot use the stored JPEG as-is. */
static void test_jpeg_exif_orientation(void **state)
{
    make_jpeg("sideways.jpg", 4, 2, false);
    size_t length;
    unsigned char *jpeg = read_bytes("sideways.jpg", &length);
    static const unsigned char exif[] = {0xFF, 0xE1, 0x00, 0x22, 'E',  'x',  'i',  'f',  0,
                                         0,    'M',  'M',  0x00, 0x2A, 0x00, 0x00, 0x00, 0x08,
                                         0x00, 0x01, 0x01, 0x12, 0x00, 0x03, 0x00, 0x00, 0x00,
                                         0x01, 0x00, 0x06, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00};
    unsigned char *rotated = malloc(length + sizeof exif);
    assert_non_null(rotated);
    memcpy(rotated, jpeg, 2);
    memcpy(rotated + 2, exif, sizeof exif);
    memcpy(rotated + 2 + sizeof exif, jpeg + 2, length - 2);
    write_bytes("rotated.jpg", rotated, length + sizeof exif);
    free(rotated);
    g_free(jpeg);
    const fs_image *image = get_ok(state, "rotated.jpg");
    assert_true(fs_image_width(image) == 2 && fs_image_height(image) == 4);
    memory pdf = pdf_of(image, 1);
    assert_int_equal(count_in(&pdf, "/DCTDecode"), 0);
    free(pdf.data);
}

/* An 8x8 red JPEG in Adobe CMYK, as Photoshop exports for print
 * (ImageMagick: convert -size 8x8 xc:red -colorspace CMYK -quality 50 -strip). */
static const unsigned char cmyk_jpeg[] = {
    0xff, 0xd8, 0xff, 0xee, 0x00, 0x0e, 0x41, 0x64, 0x6f, 0x62, 0x65, 0x00, 0x64, 0x00, 0x00, 0x00,
    0x00, 0x02, 0xff, 0xdb, 0x00, 0x43, 0x00, 0x10, 0x0b, 0x0c, 0x0e, 0x0c, 0x0a, 0x10, 0x0e, 0x0d,
    0x0e, 0x12, 0x11, 0x10, 0x13, 0x18, 0x28, 0x1a, 0x18, 0x16, 0x16, 0x18, 0x31, 0x23, 0x25, 0x1d,
    0x28, 0x3a, 0x33, 0x3d, 0x3c, 0x39, 0x33, 0x38, 0x37, 0x40, 0x48, 0x5c, 0x4e, 0x40, 0x44, 0x57,
    0x45, 0x37, 0x38, 0x50, 0x6d, 0x51, 0x57, 0x5f, 0x62, 0x67, 0x68, 0x67, 0x3e, 0x4d, 0x71, 0x79,
    0x70, 0x64, 0x78, 0x5c, 0x65, 0x67, 0x63, 0xff, 0xdb, 0x00, 0x43, 0x01, 0x11, 0x12, 0x12, 0x18,
    0x15, 0x18, 0x2f, 0x1a, 0x1a, 0x2f, 0x63, 0x42, 0x38, 0x42, 0x63, 0x63, 0x63, 0x63, 0x63, 0x63,
    0x63, 0x63, 0x63, 0x63, 0x63, 0x63, 0x63, 0x63, 0x63, 0x63, 0x63, 0x63, 0x63, 0x63, 0x63, 0x63,
    0x63, 0x63, 0x63, 0x63, 0x63, 0x63, 0x63, 0x63, 0x63, 0x63, 0x63, 0x63, 0x63, 0x63, 0x63, 0x63,
    0x63, 0x63, 0x63, 0x63, 0x63, 0x63, 0x63, 0x63, 0x63, 0x63, 0x63, 0x63, 0xff, 0xc0, 0x00, 0x14,
    0x08, 0x00, 0x08, 0x00, 0x08, 0x04, 0x01, 0x22, 0x00, 0x02, 0x11, 0x01, 0x03, 0x11, 0x01, 0x04,
    0x22, 0x00, 0xff, 0xc4, 0x00, 0x16, 0x00, 0x01, 0x01, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x05, 0x07, 0xff, 0xc4, 0x00, 0x14, 0x10, 0x01,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    0xff, 0xc4, 0x00, 0x15, 0x01, 0x01, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x05, 0x06, 0xff, 0xc4, 0x00, 0x14, 0x11, 0x01, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0xff, 0xda, 0x00,
    0x0e, 0x04, 0x01, 0x00, 0x02, 0x11, 0x03, 0x11, 0x04, 0x00, 0x00, 0x3f, 0x00, 0xb4, 0x01, 0x44,
    0x1b, 0x40, 0x01, 0xff, 0xd9,
};

/* cairo 1.16 would print it near black if it went into the PDF as-is. */
static void test_jpeg_cmyk_not_as_is(void **state)
{
    write_bytes("cmyk.jpg", cmyk_jpeg, sizeof cmyk_jpeg);
    const fs_image *image = get_ok(state, "cmyk.jpg");
    assert_int_equal(fs_image_kind_of(image), FS_IMAGE_JPEG);
    canvas c = canvas_new(8, 8);
    assert_true(fs_image_draw(image, c.cr, 0, 0, 8, 8));
    uint32_t p = pixel(&c, 4, 4);
    assert_in_range((p >> 16) & 0xFF, 0xE0, 0xFF);
    assert_in_range((p >> 8) & 0xFF, 0, 0x30);
    canvas_free(&c);
    memory pdf = pdf_of(image, 1);
    assert_int_equal(count_in(&pdf, "/DCTDecode"), 0);
    assert_int_equal(count_in(&pdf, "/DeviceCMYK"), 0);
    free(pdf.data);
}

/* ---- refusals -------------------------------------------------------- */

static void test_missing_suggests_nearest(void **state)
{
    make_png("logo.png", 2, 2, 0, 0, 0, 1);
    const fs_image *image = get(state, "logo.pgn");
    assert_refused(state, image, "cannot open '%s/logo.pgn': No such file or directory",
                   "did you mean '");
    ctx *c = *state;
    char expected[PATH_MAX + 32];
    snprintf(expected, sizeof expected, "did you mean '%s/logo.png'?", folder);
    assert_non_null(strstr(fs_diags_at(c->diags, 0)->hint, expected));
}

static void test_missing_lists_folder(void **state)
{
    char sub[PATH_MAX];
    assert_int_equal(mkdir(in_folder(sub, "icons"), 0700), 0);
    make_png("icons/water.png", 2, 2, 0, 0, 0, 1);
    write_text("icons/school.svg", "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 1 1'/>");
    write_text("icons/notes.txt", "not an image");
    const fs_image *image = get(state, "icons/completely-different-name.png");
    assert_refused(state, image,
                   "cannot open '%s/icons/completely-different-name.png': No such file or "
                   "directory",
                   "the images in the folder are: school.svg, water.png");
    ctx *c = *state;
    assert_null(strstr(fs_diags_at(c->diags, 0)->hint, "notes.txt"));
}

static void test_missing_folder(void **state)
{
    const fs_image *image = get(state, "nowhere/logo.png");
    assert_refused(state, image, "cannot open '%s/nowhere/logo.png': No such file or directory",
                   "/nowhere' does not exist");
}

static void test_folder_is_not_an_image(void **state)
{
    char sub[PATH_MAX];
    assert_int_equal(mkdir(in_folder(sub, "a-folder"), 0700), 0);
    assert_refused(state, get(state, "a-folder"), "'%s/a-folder' is a folder, not an image",
                   "name an image file");
}

static void test_empty_file(void **state)
{
    write_bytes("empty.png", "", 0);
    assert_refused(state, get(state, "empty.png"),
                   "'%s/empty.png' is an empty file, not a PNG, JPEG or SVG image",
                   "convert it to PNG, JPEG or SVG");
}

static void test_text_file(void **state)
{
    write_text("notes.png", "Population covered: 2,029,052\n");
    assert_refused(state, get(state, "notes.png"),
                   "'%s/notes.png' is a text file, not a PNG, JPEG or SVG image",
                   "convert it to PNG, JPEG or SVG");
}

static void test_other_formats_named(void **state)
{
    static const struct {
        const char *bytes;
        size_t length;
        const char *what;
    } cases[] = {
        {"GIF89a\x01\x00\x01\x00\x80\x00\x00", 13, "a GIF image"},
        {"RIFF\x24\x00\x00\x00WEBPVP8 ", 16, "a WebP image"},
        {"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n", 15, "a PDF document"},
        {"II*\x00\x08\x00\x00\x00", 8, "a TIFF image"},
        {"\x1F\x8B\x08\x00\x00\x00\x00\x00", 8, "a gzip-compressed file"},
        {"<!DOCTYPE html><html><body></body></html>", 41, "an HTML page"},
        {"<?xml version='1.0'?><rss/>", 27, "an XML document whose root is <rss>, not <svg>"},
        {"\x00\x01\x02\x03\x04", 5, "in no format factsheet knows (it starts with 00 01 02 03)"},
    };
    ctx *c = *state;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        fs_diags_clear(c->diags);
        char name[32], message[256];
        snprintf(name, sizeof name, "other-%zu.png", i);
        write_bytes(name, cases[i].bytes, cases[i].length);
        snprintf(message, sizeof message, "'%%s/%s' is %s, not a PNG, JPEG or SVG image", name,
                 cases[i].what);
        assert_refused(state, get(state, name), message, "PNG, JPEG or SVG");
    }
}

static void test_truncated_png(void **state)
{
    make_png("whole.png", 64, 64, 0.2, 0.4, 0.6, 1);
    size_t length;
    unsigned char *bytes = read_bytes("whole.png", &length);
    write_bytes("cut.png", bytes, length / 2);
    write_bytes("no-iend.png", bytes, length - 12);
    g_free(bytes);
    assert_refused(state, get(state, "cut.png"),
                   "'%s/cut.png' is not a valid PNG image: the file is truncated",
                   "export or download it again");
    ctx *c = *state;
    fs_diags_clear(c->diags);
    assert_refused(state, get(state, "no-iend.png"),
                   "'%s/no-iend.png' is not a valid PNG image: the file is truncated",
                   "export or download it again");
}

/* Damage inside a complete PNG: the decoder's own message is shown. */
static void test_corrupt_png(void **state)
{
    make_png("to-damage.png", 16, 16, 1, 1, 0, 1);
    size_t length;
    unsigned char *bytes = read_bytes("to-damage.png", &length);
    bytes[16] ^= 0x55; /* the IHDR width, so its CRC no longer matches */
    write_bytes("damaged.png", bytes, length);
    g_free(bytes);
    assert_refused_prefix(state, get(state, "damaged.png"),
                          "'%s/damaged.png' is not a valid PNG image: ", "download it again");
}

static void test_truncated_jpeg(void **state)
{
    make_jpeg("whole.jpg", 64, 64, true);
    size_t length;
    unsigned char *bytes = read_bytes("whole.jpg", &length);
    write_bytes("cut.jpg", bytes, length / 2);
    write_bytes("headers-only.jpg", bytes, 100);
    g_free(bytes);
    assert_refused(state, get(state, "cut.jpg"),
                   "'%s/cut.jpg' is not a valid JPEG image: the file is truncated",
                   "export or download it again");
    ctx *c = *state;
    fs_diags_clear(c->diags);
    assert_refused(state, get(state, "headers-only.jpg"),
                   "'%s/headers-only.jpg' is not a valid JPEG image: the file is truncated",
                   "export or download it again");
}

static void test_svg_broken_xml(void **state)
{
    write_text("broken.svg", "<svg xmlns='http://www.w3.org/2000/svg' width='4' height='4'>"
                             "<rect width='4' height='4'></svg>");
    assert_refused_prefix(state, get(state, "broken.svg"),
                          "'%s/broken.svg' is not a valid SVG image: XML parse error",
                          "export or download it again");
}

static void test_svg_absurd_sizes(void **state)
{
    write_text("huge.svg", "<svg xmlns='http://www.w3.org/2000/svg' width='1e9' height='20'/>");
    assert_refused(state, get(state, "huge.svg"),
                   "'%s/huge.svg' declares a size of 1e+09 x 20 pixels; an SVG must be larger "
                   "than 0 and at most 100000 pixels a side",
                   "fix the width and height");
    ctx *c = *state;
    fs_diags_clear(c->diags);
    write_text("zero.svg", "<svg xmlns='http://www.w3.org/2000/svg' width='0' height='20'/>");
    assert_refused(state, get(state, "zero.svg"),
                   "'%s/zero.svg' declares a size of 0 x 20 pixels; an SVG must be larger "
                   "than 0 and at most 100000 pixels a side",
                   "fix the width and height");
    fs_diags_clear(c->diags);
    write_text("no-size.svg", "<svg xmlns='http://www.w3.org/2000/svg'><rect/></svg>");
    assert_refused(state, get(state, "no-size.svg"),
                   "'%s/no-size.svg' has no size: its <svg> element has neither an absolute "
                   "width and height nor a viewBox",
                   "or a viewBox");
    fs_diags_clear(c->diags);
    write_text("huge-box.svg", "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 5e6 10'/>");
    assert_refused(state, get(state, "huge-box.svg"),
                   "'%s/huge-box.svg' declares a size of 5e+06 x 10 pixels; an SVG must be "
                   "larger than 0 and at most 100000 pixels a side",
                   "fix the width and height");
}

/* A header claiming 100000 x 100000 pixels (40 GB decoded) is refused from
 * the header, before any pixel memory is allocated. */
static void test_png_too_large(void **state)
{
    unsigned char png[128];
    size_t length = craft_png(png, 100000, 100000);
    write_bytes("bomb.png", png, length);
    assert_refused(state, get(state, "bomb.png"),
                   "'%s/bomb.png' is 100000x100000 pixels; images may have at most 10000 pixels "
                   "a side and 40 megapixels",
                   "scale it down");
    /* Within each side's limit, over the total. */
    ctx *c = *state;
    fs_diags_clear(c->diags);
    length = craft_png(png, 9000, 9000);
    write_bytes("wide.png", png, length);
    assert_refused(state, get(state, "wide.png"),
                   "'%s/wide.png' is 9000x9000 pixels; images may have at most 10000 pixels "
                   "a side and 40 megapixels",
                   "scale it down");
}

static void test_jpeg_too_large(void **state)
{
    make_jpeg("small.jpg", 8, 8, false);
    size_t length;
    unsigned char *bytes = read_bytes("small.jpg", &length);
    bool patched = false;
    for (size_t i = 2; i + 9 < length && !patched; i++) {
        if (bytes[i] == 0xFF && bytes[i + 1] == 0xC0) { /* SOF0: height, then width */
            bytes[i + 5] = 0xEA, bytes[i + 6] = 0x60;
            bytes[i + 7] = 0xEA, bytes[i + 8] = 0x60;
            patched = true;
        }
    }
    assert_true(patched);
    write_bytes("bomb.jpg", bytes, length);
    g_free(bytes);
    assert_refused(state, get(state, "bomb.jpg"),
                   "'%s/bomb.jpg' is 60000x60000 pixels; images may have at most 10000 pixels "
                   "a side and 40 megapixels",
                   "scale it down");
}

/* ---- SVGs cannot read other files -------------------------------------- */

/* Renders the file with librsvg as an ordinary program would, with the file
 * as its base: the control that shows the reference would load. */
static bool base_render_paints(const char *name)
{
    char path[PATH_MAX];
    GFile *file = g_file_new_for_path(in_folder(path, name));
    RsvgHandle *handle = rsvg_handle_new_from_gfile_sync(file, RSVG_HANDLE_FLAGS_NONE, NULL, NULL);
    g_object_unref(file);
    assert_non_null(handle);
    canvas c = canvas_new(8, 8);
    RsvgRectangle viewport = {0, 0, 8, 8};
    assert_true(rsvg_handle_render_document(handle, c.cr, &viewport, NULL));
    bool painted = !blank(&c);
    canvas_free(&c);
    g_object_unref(handle);
    return painted;
}

static bool draws_blank(void **state, const char *name)
{
    const fs_image *image = get_ok(state, name);
    canvas c = canvas_new(8, 8);
    assert_true(fs_image_draw(image, c.cr, 0, 0, 8, 8));
    bool result = blank(&c);
    canvas_free(&c);
    return result;
}

static void test_svg_external_image_not_loaded(void **state)
{
    char path[PATH_MAX];
    make_png("secret.png", 8, 8, 1, 0, 0, 1);
    write_text("relative.svg", "<svg xmlns='http://www.w3.org/2000/svg' "
                               "xmlns:xlink='http://www.w3.org/1999/xlink' width='8' height='8'>"
                               "<image href='secret.png' width='8' height='8'/>"
                               "<image xlink:href='secret.png' width='8' height='8'/></svg>");
    assert_true(base_render_paints("relative.svg"));
    assert_true(draws_blank(state, "relative.svg"));

    char svg[PATH_MAX + 256];
    snprintf(svg, sizeof svg,
             "<svg xmlns='http://www.w3.org/2000/svg' width='8' height='8'>"
             "<image href='file://%s' width='8' height='8'/></svg>",
             in_folder(path, "secret.png"));
    write_text("absolute.svg", svg);
    assert_true(base_render_paints("absolute.svg"));
    assert_true(draws_blank(state, "absolute.svg"));

    write_text("passwd.svg", "<svg xmlns='http://www.w3.org/2000/svg' width='8' height='8'>"
                             "<image href='file:///etc/passwd' width='8' height='8'/></svg>");
    assert_true(draws_blank(state, "passwd.svg"));
}

static void test_svg_xinclude_not_loaded(void **state)
{
    write_text("part.xml", "<rect xmlns='http://www.w3.org/2000/svg' width='8' height='8' "
                           "fill='red'/>");
    write_text("xinclude.svg", "<svg xmlns='http://www.w3.org/2000/svg' "
                               "xmlns:xi='http://www.w3.org/2001/XInclude' width='8' height='8'>"
                               "<xi:include href='part.xml' parse='xml'/></svg>");
    assert_true(base_render_paints("xinclude.svg"));
    assert_true(draws_blank(state, "xinclude.svg"));
    write_text("xinclude-passwd.svg",
               "<svg xmlns='http://www.w3.org/2000/svg' "
               "xmlns:xi='http://www.w3.org/2001/XInclude' width='8' height='8'>"
               "<text y='8' font-size='8'><xi:include href='file:///etc/passwd' parse='text'/>"
               "</text></svg>");
    assert_true(draws_blank(state, "xinclude-passwd.svg"));
}

static void test_svg_stylesheet_not_loaded(void **state)
{
    write_text("style.css", "rect { fill: red; }");
    write_text("styled.svg", "<?xml-stylesheet href='style.css' type='text/css'?>"
                             "<svg xmlns='http://www.w3.org/2000/svg' width='8' height='8'>"
                             "<rect width='8' height='8' fill='none'/></svg>");
    assert_true(base_render_paints("styled.svg"));
    assert_true(draws_blank(state, "styled.svg"));
}

/* libxml2 could expand an external entity into the text: librsvg ignores
 * its declaration, so the reference is undefined and the SVG refused. */
static void test_svg_external_entity_refused(void **state)
{
    write_text("entity.svg",
               "<?xml version='1.0'?><!DOCTYPE svg [<!ENTITY x SYSTEM 'file:///etc/passwd'>]>"
               "<svg xmlns='http://www.w3.org/2000/svg' width='8' height='8'>"
               "<text y='8'>&x;</text></svg>");
    assert_refused_prefix(state, get(state, "entity.svg"),
                          "'%s/entity.svg' is not a valid SVG image: XML parse error",
                          "download it again");
    ctx *c = *state;
    assert_non_null(strstr(fs_diags_at(c->diags, 0)->message, "Entity 'x' not defined"));
}

/* data: URLs are part of the SVG itself and still work. */
static void test_svg_data_url_loads(void **state)
{
    make_png("inline.png", 2, 2, 0, 1, 0, 1);
    size_t length;
    unsigned char *png = read_bytes("inline.png", &length);
    gchar *base64 = g_base64_encode(png, length);
    g_free(png);
    gchar *svg = g_strdup_printf("<svg xmlns='http://www.w3.org/2000/svg' width='8' height='8'>"
                                 "<image href='data:image/png;base64,%s' width='8' height='8'/>"
                                 "</svg>",
                                 base64);
    write_text("data-url.svg", svg);
    g_free(svg);
    g_free(base64);
    assert_false(draws_blank(state, "data-url.svg"));
}

/* Names written relative to a folder (the data folder, for a CSV cell):
 * messages quote the path read, suggestions are spelt as the name was. */
static void test_get_in_folder(void **state)
{
    ctx *c = *state;
    char data[PATH_MAX], images_dir[PATH_MAX], path[PATH_MAX];
    assert_int_equal(mkdir(in_folder(data, "data"), 0700), 0);
    assert_int_equal(mkdir(in_folder(images_dir, "data/images"), 0700), 0);
    make_png("data/images/map.png", 2, 2, 0, 0, 1, 1);

    assert_null(fs_images_get_in(c->images, data, "images/mpa.png", WHERE, c->diags));
    assert_refused(state, NULL, "cannot open '%s/data/images/mpa.png': No such file or directory",
                   "did you mean 'images/map.png'? the images in the folder are: map.png");
    /* The same missing file, written relative to another folder. */
    fs_diags_clear(c->diags);
    assert_null(fs_images_get_in(c->images, images_dir, "mpa.png", WHERE, c->diags));
    assert_refused(state, NULL, "cannot open '%s/data/images/mpa.png': No such file or directory",
                   "did you mean 'map.png'?");
    fs_diags_clear(c->diags);

    const fs_image *image = fs_images_get_in(c->images, data, "images/map.png", WHERE, c->diags);
    assert_non_null(image);
    assert_ptr_equal(
        fs_images_get_in(c->images, NULL, in_folder(path, "data/images/map.png"), WHERE, c->diags),
        image);
    char slashed[PATH_MAX + 1];
    snprintf(slashed, sizeof slashed, "%s/", data);
    assert_ptr_equal(fs_images_get_in(c->images, slashed, "images/map.png", WHERE, c->diags),
                     image);
    /* An absolute name ignores the folder; no folder means the name alone. */
    in_folder(path, "data/images/map.png");
    assert_ptr_equal(fs_images_get_in(c->images, "/nowhere", path, WHERE, c->diags), image);
    assert_ptr_equal(fs_images_get_in(c->images, NULL, path, WHERE, c->diags), image);
    assert_int_equal(fs_diags_count(c->diags), 0);

    assert_null(fs_images_get_in(c->images, data, "", WHERE, c->diags));
    assert_refused(state, NULL, "no image file named", "name a PNG, JPEG or SVG file");
}

/* ---- from memory ----------------------------------------------------- */

static void test_from_bytes(void **state)
{
    ctx *c = *state;
    const char *svg = "<svg xmlns='http://www.w3.org/2000/svg' width='5' height='7'/>";
    fs_image *image = fs_image_from_bytes("memory.svg", svg, strlen(svg), WHERE, c->diags);
    assert_non_null(image);
    assert_string_equal(fs_image_path(image), "memory.svg");
    assert_true(fs_image_width(image) == 5 && fs_image_height(image) == 7);
    fs_image_free(image);
    assert_null(fs_image_from_bytes("nothing", "", 0, WHERE, c->diags));
    assert_int_equal(fs_diags_errors(c->diags), 1);
    assert_string_equal(fs_diags_at(c->diags, 0)->message,
                        "'nothing' is an empty file, not a PNG, JPEG or SVG image");
}

/* ---- the cache ------------------------------------------------------- */

static void test_cache_returns_same_image(void **state)
{
    make_png("once.png", 3, 3, 0, 0, 0, 1);
    const fs_image *first = get_ok(state, "once.png");
    assert_ptr_equal(get_ok(state, "once.png"), first);
    /* Another spelling of the same file is the same file. */
    assert_ptr_equal(get_ok(state, "./once.png"), first);
}

/* A failure is kept, and reported again at each caller's position. */
static void test_cache_repeats_failure(void **state)
{
    ctx *c = *state;
    char path[PATH_MAX];
    in_folder(path, "gone.png");
    assert_null(fs_images_get_in(c->images, NULL, path, fs_pos_at("a.csv", 2, 3), c->diags));
    assert_null(fs_images_get_in(c->images, NULL, path, fs_pos_at("b.csv", 4, 5), c->diags));
    assert_int_equal(fs_diags_errors(c->diags), 2);
    const fs_diag *second = fs_diags_at(c->diags, 1);
    assert_string_equal(second->pos.file, "b.csv");
    assert_int_equal(second->pos.line, 4);
    assert_string_equal(second->message, fs_diags_at(c->diags, 0)->message);
}

enum { THREADS = 4, PATHS = 6, ROUNDS = 20 };

typedef struct {
    fs_images *images;
    int index;
    const fs_image *seen[PATHS];
    size_t errors;
    bool consistent;
} worker;

static const char *const thread_files[PATHS] = {"t-a.png", "t-b.jpg",    "t-c.svg",
                                                "t-d.png", "t-gone.png", "t-e.svg"};

/* Each thread walks the files in its own order, many times; every call for
 * a file must give the pointer the thread saw first. */
static void *load_all(void *data)
{
    worker *w = data;
    fs_diags *diags = fs_diags_create();
    w->consistent = diags != NULL;
    for (int round = 0; round < ROUNDS && diags; round++) {
        for (int k = 0; k < PATHS; k++) {
            int i = (w->index % 2 ? PATHS - 1 - k : k);
            i = (i + round + w->index) % PATHS;
            char path[PATH_MAX];
            const fs_image *image =
                fs_images_get_in(w->images, NULL, in_folder(path, thread_files[i]), WHERE, diags);
            if (w->seen[i] && image != w->seen[i])
                w->consistent = false;
            if (image)
                w->seen[i] = image;
            /* Drawing from several threads at once is allowed too. */
            if (image) {
                cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 8, 8);
                cairo_t *cr = cairo_create(s);
                if (!fs_image_draw(image, cr, 0, 0, 8, 8))
                    w->consistent = false;
                cairo_destroy(cr);
                cairo_surface_destroy(s);
            }
        }
    }
    w->errors = diags ? fs_diags_errors(diags) : 0;
    for (size_t i = 0; diags && i < fs_diags_count(diags); i++)
        if (!strstr(fs_diags_at(diags, i)->message, "t-gone.png"))
            fprintf(stderr, "unexpected: %s\n", fs_diags_at(diags, i)->message);
    fs_diags_free(diags);
    return NULL;
}

static void test_cache_threads(void **state)
{
    ctx *c = *state;
    make_png("t-a.png", 300, 200, 1, 0, 0, 1);
    make_jpeg("t-b.jpg", 320, 240, true);
    write_text("t-c.svg", "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 10 10'>"
                          "<circle cx='5' cy='5' r='4'/></svg>");
    make_png("t-d.png", 2, 2, 0, 1, 0, 0.5);
    write_text("t-e.svg", "<svg xmlns='http://www.w3.org/2000/svg' width='3' height='3'/>");
    pthread_t threads[THREADS];
    worker workers[THREADS];
    for (int t = 0; t < THREADS; t++) {
        workers[t] = (worker){c->images, t, {NULL}, 0, false};
        assert_int_equal(pthread_create(&threads[t], NULL, load_all, &workers[t]), 0);
    }
    for (int t = 0; t < THREADS; t++)
        assert_int_equal(pthread_join(threads[t], NULL), 0);
    for (int t = 0; t < THREADS; t++) {
        assert_true(workers[t].consistent);
        /* The missing file, once per round, in every thread. */
        assert_int_equal(workers[t].errors, ROUNDS);
        for (int i = 0; i < PATHS; i++)
            assert_ptr_equal(workers[t].seen[i], workers[0].seen[i]);
    }
    for (int i = 0; i < PATHS; i++)
        assert_true((workers[0].seen[i] == NULL) == (strcmp(thread_files[i], "t-gone.png") == 0));
    /* The threads shared one load of each file with the calling thread. */
    char path[PATH_MAX];
    assert_ptr_equal(fs_images_get_in(c->images, NULL, in_folder(path, "t-b.jpg"), WHERE, c->diags),
                     workers[0].seen[1]);
}

#define TEST(name) cmocka_unit_test_setup_teardown(name, setup, teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        TEST(test_png_loads),
        TEST(test_jpeg_loads),
        TEST(test_kind_from_content),
        TEST(test_svg_loads),
        TEST(test_svg_prolog),
        TEST(test_svg_viewbox_sizes),
        TEST(test_png_draw_pixels),
        TEST(test_draw_scales_to_rect),
        TEST(test_png_alpha),
        TEST(test_jpeg_draw_pixels),
        TEST(test_svg_draw_pixels),
        TEST(test_draw_degenerate_rect),
        TEST(test_draw_on_recording_surface),
        TEST(test_jpeg_embedded_as_is),
        TEST(test_svg_vector_in_pdf),
        TEST(test_jpeg_exif_orientation),
        TEST(test_jpeg_cmyk_not_as_is),
        TEST(test_missing_suggests_nearest),
        TEST(test_missing_lists_folder),
        TEST(test_missing_folder),
        TEST(test_folder_is_not_an_image),
        TEST(test_empty_file),
        TEST(test_text_file),
        TEST(test_other_formats_named),
        TEST(test_truncated_png),
        TEST(test_corrupt_png),
        TEST(test_truncated_jpeg),
        TEST(test_svg_broken_xml),
        TEST(test_svg_absurd_sizes),
        TEST(test_png_too_large),
        TEST(test_jpeg_too_large),
        TEST(test_svg_external_image_not_loaded),
        TEST(test_svg_xinclude_not_loaded),
        TEST(test_svg_stylesheet_not_loaded),
        TEST(test_svg_external_entity_refused),
        TEST(test_svg_data_url_loads),
        TEST(test_get_in_folder),
        TEST(test_from_bytes),
        TEST(test_cache_returns_same_image),
        TEST(test_cache_repeats_failure),
        TEST(test_cache_threads),
    };
    return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
