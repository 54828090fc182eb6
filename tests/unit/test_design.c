/* Unit tests of the design check on display lists made by hand: the colour
 * under a text over a picture is the picture's mean colour there, mixed
 * with the page where the picture does not reach; a rule is reported once
 * however many texts of one node break it. (Each rule on a layout that
 * breaks it and one that does not: tests/cli/check-design-*.t.) */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "emit/fs_design.h"
#include "load/fs_fonts.h"

typedef struct {
    fs_fonts *fonts;
    fs_pango *pango;
    fs_diags *diags;
    fs_image *dark; /* a picture of one dark colour, #102030 */
} fixture;

static int setup(void **state)
{
    static fixture f;
    const char *datadir = getenv("FACTSHEET_DATADIR");
    char conf[4096];
    snprintf(conf, sizeof conf, "%s/fonts/fonts.conf", datadir ? datadir : ".");
    f.diags = fs_diags_create();
    f.fonts = fs_fonts_create(conf, f.diags);
    if (!f.fonts)
        return -1;
    PangoFontMap *map = fs_fonts_new_map(f.fonts);
    f.pango = fs_pango_create(map);
    g_object_unref(map);
    static const char svg[] = "<svg xmlns='http://www.w3.org/2000/svg' width='10' height='10'>"
                              "<rect width='10' height='10' fill='#102030'/></svg>";
    f.dark = fs_image_from_bytes("dark.svg", svg, sizeof svg - 1, fs_pos_at(NULL, 0, 0), f.diags);
    *state = &f;
    return f.pango && f.dark ? 0 : -1;
}

static int teardown(void **state)
{
    fixture *f = *state;
    fs_image_free(f->dark);
    fs_pango_free(f->pango);
    fs_fonts_free(f->fonts);
    fs_diags_free(f->diags);
    return 0;
}

static const fs_text_style style = {
    .name = "body", .family = "Inter", .weight = 400, .size = 10, .line_height = 1.3};

static fs_op picture(double x, double y, double w, double h, const fs_image *image)
{
    fs_op op = {.kind = FS_OP_IMAGE, .x = x, .y = y, .w = w, .h = h};
    op.picture.image = image;
    op.picture.cover = true;
    return op;
}

static fs_op text(double x, double y, const char *markup, fs_rgba color, int line)
{
    fs_op op = {.kind = FS_OP_TEXT, .x = x, .y = y, .w = 150, .h = 13, .color = color};
    op.text = (fs_text){.markup = markup, .style = &style, .size = 10, .width = 150};
    op.pos = fs_pos_at("layout.yaml", line, 5);
    return op;
}

/* Runs the check on one page of ops; returns the problems found. */
static size_t check_page(fixture *f, fs_op *ops, size_t count)
{
    fs_page_ops page = {ops, count, count};
    fs_display display = {.width = 400, .height = 400, .pages = &page, .page_count = 1};
    fs_box body = {.kind = FS_BOX_STACK};
    fs_document doc = {.body = &body};
    fs_diags_clear(f->diags);
    fs_design_check(&doc, &display, f->pango, f->diags);
    return fs_diags_count(f->diags);
}

static const fs_rgba white = {1, 1, 1, 1}, grey = {0.3, 0.3, 0.3, 1};

static void text_over_a_picture_against_its_colour(void **state)
{
    fixture *f = *state;
    /* White reads on the dark picture; dark grey does not. */
    fs_op ops[] = {picture(0, 0, 300, 100, f->dark), text(10, 10, "White on dark.", white, 3),
                   text(10, 40, "Grey on dark.", grey, 4)};
    assert_int_equal(check_page(f, ops, 3), 1);
    const fs_diag *d = fs_diags_at(f->diags, 0);
    assert_string_equal(d->kind, FS_KIND_DESIGN);
    assert_int_equal(d->pos.line, 4);
    assert_non_null(strstr(d->message, "on #102030"));
}

static void text_half_over_a_picture_against_the_mix(void **state)
{
    fixture *f = *state;
    /* The text's box reaches past the picture, onto the white page: it is
     * read against the mean of the two, a mid grey, on which white is
     * too faint. */
    fs_op ops[] = {picture(0, 0, 85, 100, f->dark), text(10, 10, "Half on the picture.", white, 7)};
    assert_int_equal(check_page(f, ops, 2), 1);
    const fs_diag *d = fs_diags_at(f->diags, 0);
    assert_non_null(strstr(d->message, "text in #ffffff on #"));
    assert_null(strstr(d->message, "on #102030"));
    assert_null(strstr(d->message, "on #ffffff"));
}

static void a_picture_after_a_text_is_not_under_it(void **state)
{
    fixture *f = *state;
    /* Drawn after the text, the picture is no background of it. */
    fs_op ops[] = {text(10, 10, "Dark on white.", grey, 3), picture(0, 0, 300, 100, f->dark)};
    assert_int_equal(check_page(f, ops, 2), 0);
}

static void one_problem_per_node(void **state)
{
    fixture *f = *state;
    /* A running footer is drawn on every page: one node, one problem. */
    fs_op small = text(10, 10, "Page 1 of 3", grey, 9), again = small;
    small.text.size = again.text.size = 7;
    again.y = 200;
    fs_op ops[] = {small, again};
    assert_int_equal(check_page(f, ops, 2), 1);
    assert_non_null(strstr(fs_diags_at(f->diags, 0)->message, "drawn at 7.0 pt"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(text_over_a_picture_against_its_colour),
        cmocka_unit_test(text_half_over_a_picture_against_the_mix),
        cmocka_unit_test(a_picture_after_a_text_is_not_under_it),
        cmocka_unit_test(one_problem_per_node),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
