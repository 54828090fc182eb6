/* Text through pango with factsheet's own font set (fonts/fonts.conf, read
 * from the repository's root, where make runs the tests): which font drew
 * which stretch of a text, as placement reports it. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <pango/pangocairo.h>

#include "load/fs_fonts.h"
#include "place/fs_pango.h"

typedef struct {
    fs_diags *diags;
    fs_fonts *fonts;
    PangoFontMap *map;
    fs_pango *pango;
    fs_measurer measurer;
} fixture;

static int setup(void **state)
{
    static fixture f;
    f.diags = fs_diags_create();
    f.fonts = fs_fonts_create("fonts/fonts.conf", f.diags);
    assert_non_null(f.fonts);
    f.map = fs_fonts_new_map(f.fonts);
    f.pango = fs_pango_create(f.map);
    f.measurer = fs_pango_measurer(f.pango);
    *state = &f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    fs_pango_free(f->pango);
    g_object_unref(f->map);
    fs_fonts_free(f->fonts);
    fs_diags_free(f->diags);
    return 0;
}

static const fs_fallback fonts[] = {{"arabic", "Noto Sans Arabic", {0}},
                                    {"han", "Noto Sans CJK SC", {0}},
                                    {"emoji", "Noto Color Emoji", {0}}};
static const fs_fallbacks fallbacks = {fonts, 3,
                                       "Noto Sans Arabic,Noto Sans CJK SC,Noto Color Emoji"};

/* The runs of markup in Inter at 10 pt, wrapped at width (0: one line),
 * with the three fallbacks or none. */
static int runs_of(fixture *f, const char *markup, double width, bool named, fs_font_run *runs,
                   int capacity, fs_extent *extent)
{
    static fs_text_style style;
    style = (fs_text_style){.family = "Inter",
                            .fallbacks = named ? &fallbacks : NULL,
                            .weight = 400,
                            .size = 10,
                            .line_height = 1.3,
                            .min_scale = 1};
    fs_text text = {.markup = markup, .style = &style, .size = 10, .width = width};
    assert_true(f->measurer.measure(f->measurer.context, &text, extent));
    return f->measurer.font_runs(f->measurer.context, &text, runs, capacity);
}

static void latin_is_drawn_by_the_style_font_alone(void **state)
{
    fs_font_run runs[4];
    fs_extent extent;
    assert_int_equal(runs_of(*state, "Caf\xc3\xa9 \xc2\xab ok \xc2\xbb", 0, true, runs, 4, &extent),
                     0);
    assert_false(extent.foreign);
}

/* Arabic, which pango lays out right to left, comes back as one stretch
 * in reading order, across the spaces and the line breaks between its
 * words; then the Chinese and the emoji, each by its fallback. */
static void each_script_is_one_stretch_by_its_fallback(void **state)
{
    fs_font_run runs[4];
    fs_extent extent;
    const char *arabic = "\xd9\x85\xd8\xb1\xd8\xad\xd8\xa8\xd8\xa7 \xd8\xa8\xd9\x83\xd9\x85 "
                         "\xd9\x81\xd9\x8a \xd8\xa7\xd9\x84\xd9\x85\xd9\x83\xd8\xaa\xd8\xa8";
    char markup[256];
    snprintf(markup, sizeof markup, "Cairo: %s, Beijing: \xe6\xac\xa2\xe8\xbf\x8e \xf0\x9f\x8e\x89",
             arabic);
    assert_int_equal(runs_of(*state, markup, 40, true, runs, 4, &extent), 3);
    assert_true(extent.foreign);
    assert_true(extent.lines > 2);
    assert_string_equal(runs[0].text, arabic);
    assert_string_equal(runs[0].family, "Noto Sans Arabic");
    assert_int_equal(runs[0].missing, 0);
    assert_string_equal(runs[1].text, "\xe6\xac\xa2\xe8\xbf\x8e");
    assert_string_equal(runs[1].family, "Noto Sans CJK SC");
    assert_string_equal(runs[2].text, "\xf0\x9f\x8e\x89");
    assert_string_equal(runs[2].family, "Noto Color Emoji");
}

/* Without fallbacks, fontconfig still finds the font of the set that has
 * the character: the run names it, and placement warns that the theme did
 * not. */
static void without_fallbacks_another_font_of_the_set_draws_it(void **state)
{
    fs_font_run runs[4];
    fs_extent extent;
    assert_int_equal(
        runs_of(*state, "Dhaka \xe0\xa6\xb8\xe0\xa7\x8d\xe0\xa6\xac", 0, false, runs, 4, &extent),
        1);
    assert_string_equal(runs[0].family, "Noto Sans Bengali");
}

/* A character no font of the set has: its code point, no family. */
static void a_character_no_font_has_is_named(void **state)
{
    fs_font_run runs[4];
    fs_extent extent;
    assert_int_equal(runs_of(*state, "Iqaluit \xe1\x90\x8a", 0, true, runs, 4, &extent), 1);
    assert_true(extent.foreign);
    assert_int_equal(runs[0].missing, 0x140A);
    assert_string_equal(runs[0].family, "");
    assert_string_equal(runs[0].text, "\xe1\x90\x8a");
}

/* More stretches than room: the count says how many there are. */
static void the_count_is_of_every_stretch(void **state)
{
    fs_font_run runs[1];
    fs_extent extent;
    assert_int_equal(
        runs_of(*state, "\xd8\xa8 a \xe6\xac\xa2 b \xf0\x9f\x8e\x89", 0, true, runs, 1, &extent),
        3);
    assert_string_equal(runs[0].text, "\xd8\xa8");
}

/* markup at size points in Inter, on one line. */
static fs_text inter(const char *markup, double size)
{
    static const fs_text_style style = {
        .family = "Inter", .weight = 400, .size = 10, .line_height = 1.3, .min_scale = 1};
    return (fs_text){.markup = markup, .style = &style, .size = size};
}

static fs_extent measured(fixture *f, const char *markup, double size)
{
    fs_text text = inter(markup, size);
    fs_extent extent;
    assert_true(f->measurer.measure(f->measurer.context, &text, &extent));
    return extent;
}

/* The pixels layout draws on a surface of its own; the caller frees them. */
static unsigned char *pixels(PangoLayout *layout, size_t *length)
{
    cairo_surface_t *surface = cairo_image_surface_create(CAIRO_FORMAT_A8, 160, 24);
    cairo_t *cr = cairo_create(surface);
    pango_cairo_show_layout(cr, layout);
    cairo_destroy(cr);
    cairo_surface_flush(surface);
    *length = (size_t)cairo_image_surface_get_stride(surface) * 24;
    unsigned char *copy = malloc(*length);
    assert_non_null(copy);
    memcpy(copy, cairo_image_surface_get_data(surface), *length);
    cairo_surface_destroy(surface);
    return copy;
}

static PangoLayout *layout_of(fixture *f, const char *markup, double size)
{
    fs_text text = inter(markup, size);
    PangoLayout *layout = fs_pango_layout(f->pango, &text);
    assert_non_null(layout);
    return layout;
}

/* A batch's texts come at a few sizes: however many of them there are,
 * pango's font map keeps its fonts (its serial does not change). */
static void texts_at_few_sizes_keep_the_font_map(void **state)
{
    fixture *f = *state;
    guint serial = pango_font_map_get_serial(f->map);
    char markup[32];
    for (int i = 0; i < 2000; i++) {
        snprintf(markup, sizeof markup, "Row %d", i);
        measured(f, markup, 7 + i % 10);
    }
    assert_int_equal(pango_font_map_get_serial(f->map), serial);
}

/* Texts at more sizes than the font map keeps: it is emptied, and a text
 * measures and draws the same after it, from a layout held across it and
 * from a new one. */
static void past_its_sizes_the_font_map_is_emptied_and_draws_the_same(void **state)
{
    fixture *f = *state;
    const char *reference = "Mopti 2,029,052";
    fs_extent before = measured(f, reference, 10);
    PangoLayout *held = layout_of(f, reference, 10);
    size_t length, again_length, new_length;
    unsigned char *drawn = pixels(held, &length);
    guint serial = pango_font_map_get_serial(f->map);
    char markup[32];
    for (int i = 0; i < 600; i++) {
        snprintf(markup, sizeof markup, "Size %d", i);
        measured(f, markup, 6 + i / 100.0);
    }
    assert_int_not_equal(pango_font_map_get_serial(f->map), serial);
    fs_extent after = measured(f, reference, 10);
    assert_true(after.width == before.width && after.height == before.height &&
                after.baseline == before.baseline && after.ink_top == before.ink_top &&
                after.ink_bottom == before.ink_bottom && after.lines == before.lines);
    unsigned char *again = pixels(held, &again_length);
    PangoLayout *fresh = layout_of(f, reference, 10);
    unsigned char *anew = pixels(fresh, &new_length);
    assert_int_equal(again_length, length);
    assert_int_equal(new_length, length);
    assert_memory_equal(again, drawn, length);
    assert_memory_equal(anew, drawn, length);
    free(drawn);
    free(again);
    free(anew);
    g_object_unref(held);
    g_object_unref(fresh);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(latin_is_drawn_by_the_style_font_alone),
        cmocka_unit_test(each_script_is_one_stretch_by_its_fallback),
        cmocka_unit_test(without_fallbacks_another_font_of_the_set_draws_it),
        cmocka_unit_test(a_character_no_font_has_is_named),
        cmocka_unit_test(the_count_is_of_every_stretch),
        cmocka_unit_test(texts_at_few_sizes_keep_the_font_map),
        cmocka_unit_test(past_its_sizes_the_font_map_is_emptied_and_draws_the_same),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
