/* PNG pages (emit/fs_png.h): what libpng writes reads back, through cairo's
 * own PNG reader, as the very pixels drawn, and a failing write ends the
 * encoding with the writer's error. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "core/fs_buf.h"
#include "emit/fs_png.h"

static cairo_status_t to_buf(void *closure, const unsigned char *data, unsigned int length)
{
    fs_buf_append(closure, (const char *)data, length);
    return CAIRO_STATUS_SUCCESS;
}

typedef struct {
    const fs_buf *buf;
    size_t at;
} reader;

static cairo_status_t from_buf(void *closure, unsigned char *data, unsigned int length)
{
    reader *r = closure;
    if (r->at + length > r->buf->length)
        return CAIRO_STATUS_READ_ERROR;
    memcpy(data, r->buf->data + r->at, length);
    r->at += length;
    return CAIRO_STATUS_SUCCESS;
}

/* A 37 x 23 page (an odd width: rows are not a multiple of 4 bytes in the
 * file) with a colour of its own in every pixel. */
static cairo_surface_t *test_page(void)
{
    cairo_surface_t *page = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 37, 23);
    unsigned char *data = cairo_image_surface_get_data(page);
    int stride = cairo_image_surface_get_stride(page);
    for (int y = 0; y < 23; y++)
        for (int x = 0; x < 37; x++)
            ((uint32_t *)(data + y * stride))[x] =
                (uint32_t)((x * 7) << 16 | (y * 11) << 8 | ((x + y) * 5 & 0xff));
    cairo_surface_mark_dirty(page);
    return page;
}

static void the_pixels_read_back_as_drawn(void **state)
{
    (void)state;
    cairo_surface_t *page = test_page();
    fs_buf file = {0};
    assert_int_equal(fs_png_write(page, to_buf, &file), CAIRO_STATUS_SUCCESS);
    assert_true(fs_buf_ok(&file));
    reader r = {&file, 0};
    cairo_surface_t *read = cairo_image_surface_create_from_png_stream(from_buf, &r);
    assert_int_equal(cairo_surface_status(read), CAIRO_STATUS_SUCCESS);
    assert_int_equal(cairo_image_surface_get_format(read), CAIRO_FORMAT_RGB24);
    assert_int_equal(cairo_image_surface_get_width(read), 37);
    assert_int_equal(cairo_image_surface_get_height(read), 23);
    assert_int_equal(r.at, file.length);
    const unsigned char *a = cairo_image_surface_get_data(page);
    const unsigned char *b = cairo_image_surface_get_data(read);
    int sa = cairo_image_surface_get_stride(page), sb = cairo_image_surface_get_stride(read);
    for (int y = 0; y < 23; y++)
        for (int x = 0; x < 37; x++)
            assert_int_equal(((const uint32_t *)(a + y * sa))[x] & 0xffffff,
                             ((const uint32_t *)(b + y * sb))[x] & 0xffffff);
    cairo_surface_destroy(read);
    cairo_surface_destroy(page);
    fs_buf_free(&file);
}

typedef struct {
    size_t calls, fail_at;
} failing;

static cairo_status_t fail_later(void *closure, const unsigned char *data, unsigned int length)
{
    (void)data;
    (void)length;
    failing *f = closure;
    return ++f->calls == f->fail_at ? CAIRO_STATUS_WRITE_ERROR : CAIRO_STATUS_SUCCESS;
}

static void a_failed_write_ends_the_encoding_with_its_error(void **state)
{
    (void)state;
    cairo_surface_t *page = test_page();
    for (size_t at = 1; at <= 3; at++) {
        failing f = {0, at};
        assert_int_equal(fs_png_write(page, fail_later, &f), CAIRO_STATUS_WRITE_ERROR);
        assert_int_equal(f.calls, at);
    }
    cairo_surface_destroy(page);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(the_pixels_read_back_as_drawn),
        cmocka_unit_test(a_failed_write_ends_the_encoding_with_its_error),
    };
    return cmocka_run_group_tests_name("png", tests, NULL, NULL);
}
