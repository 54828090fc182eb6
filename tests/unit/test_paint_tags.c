/* Unit tests of paint's structure tags: which elements are begun for a
 * sequence of ops (an artifact closes only the element the op before it was
 * in, groups stay open), what each element records (a Figure's alt, the
 * words of an element drawn in several texts), the claims a document may
 * make (headings in order, figures described), and link descriptions. The
 * tags are written on a real cairo PDF surface, whose status must stay
 * clean: cairo refuses badly nested tags. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <cairo-pdf.h>
#include <string.h>

#include "paint/fs_paint_tags.h"

static cairo_status_t discard(void *closure, const unsigned char *data, unsigned int length)
{
    return CAIRO_STATUS_SUCCESS;
}

typedef struct {
    cairo_surface_t *surface;
    cairo_t *cr;
    fs_paint_tags tags;
} pdf;

static void begin(pdf *d)
{
    d->surface = cairo_pdf_surface_create_for_stream(discard, NULL, 100, 100);
    d->cr = cairo_create(d->surface);
    fs_paint_tags_begin(&d->tags, d->cr, true);
}

/* Enters tag and draws something in it, as fs_paint_page does for an op
 * (a text when markup is not NULL, pictured as fs_paint_tags_text says). */
static void drawn(pdf *d, const fs_tag *tag, const char *markup, const char *pictured)
{
    fs_paint_tags_enter(&d->tags, d->cr, tag);
    if (markup)
        fs_paint_tags_text(&d->tags, markup, pictured);
    cairo_rectangle(d->cr, 10, 10, 5, 5);
    cairo_fill(d->cr);
}

static void op(pdf *d, const fs_tag *tag, const char *markup)
{
    drawn(d, tag, markup, NULL);
}

static void end(pdf *d)
{
    fs_paint_tags_end(&d->tags, d->cr);
    cairo_show_page(d->cr);
    assert_int_equal(cairo_status(d->cr), CAIRO_STATUS_SUCCESS);
    cairo_destroy(d->cr);
    cairo_surface_finish(d->surface);
    assert_int_equal(cairo_surface_status(d->surface), CAIRO_STATUS_SUCCESS);
    cairo_surface_destroy(d->surface);
    assert_false(d->tags.failed);
}

static void test_elements_are_recorded_once_in_order(void **state)
{
    fs_tag sect = {FS_TAG_SECT, 0, NULL, NULL};
    fs_tag figure = {FS_TAG_FIGURE, 0, "a donut", &sect};
    fs_tag p = {FS_TAG_P, 0, NULL, &sect};
    pdf d;
    begin(&d);
    op(&d, &figure, NULL);
    op(&d, &figure, NULL);
    op(&d, NULL, NULL); /* an artifact: the Sect stays open */
    op(&d, &p, "words");
    end(&d);
    /* Document, Sect, Figure, P. */
    assert_int_equal(d.tags.element_count, 4);
    assert_null(d.tags.alts[1]);
    assert_string_equal(d.tags.alts[2], "a donut");
    assert_null(d.tags.actuals[3]);
    assert_true(d.tags.figures_described);
    fs_paint_tags_free(&d.tags);
}

/* An element drawn in several texts (a stat tile) reads as their words;
 * the same element left for an artifact and entered again is a new one. */
static void test_texts_of_one_element_are_its_actual_text(void **state)
{
    fs_tag p = {FS_TAG_P, 0, NULL, NULL};
    pdf d;
    begin(&d);
    op(&d, &p, "2,029,052");
    op(&d, &p, "com\u00admunity <b>mem\u00adbers</b> at www.care\u200b.org");
    op(&d, NULL, NULL);
    op(&d, &p, "again");
    end(&d);
    assert_int_equal(d.tags.element_count, 3);
    /* Soft hyphens and zero-width spaces, which say nothing, left out. */
    assert_string_equal(d.tags.actuals[1], "2,029,052 community members at www.care.org");
    assert_null(d.tags.actuals[2]);
    fs_paint_tags_free(&d.tags);
}

/* A text with a glyph drawn as a picture (a colour emoji) leaves no text
 * on the page: its element reads as the text drawn, even alone, without
 * the invisible breaks; with another text, as both. */
static void test_a_pictured_text_is_its_actual_text(void **state)
{
    fs_tag p = {FS_TAG_P, 0, NULL, NULL};
    pdf d;
    begin(&d);
    drawn(&d, &p, "Thank you \xf0\x9f\xa4\x9d", "Thank you \xf0\x9f\xa4\x9d");
    op(&d, NULL, NULL);
    op(&d, &p, "6");
    drawn(&d, &p, "new part\xc2\xadners \xf0\x9f\xa4\x9d", "new part\xc2\xadners \xf0\x9f\xa4\x9d");
    op(&d, NULL, NULL);
    op(&d, &p, "plain");
    end(&d);
    assert_int_equal(d.tags.element_count, 4);
    assert_string_equal(d.tags.actuals[1], "Thank you \xf0\x9f\xa4\x9d");
    assert_string_equal(d.tags.actuals[2], "6 new partners \xf0\x9f\xa4\x9d");
    assert_null(d.tags.actuals[3]);
    fs_paint_tags_free(&d.tags);
}

static void test_headings_in_order(void **state)
{
    static const int orders[][3] = {{1, 2, 3}, {1, 3, 0}, {2, 0, 0}, {1, 2, 2}};
    static const bool in_order[] = {true, false, false, true};
    for (size_t k = 0; k < 4; k++) {
        fs_tag headings[3];
        pdf d;
        begin(&d);
        for (size_t i = 0; i < 3 && orders[k][i]; i++) {
            headings[i] = (fs_tag){FS_TAG_H, orders[k][i], NULL, NULL};
            op(&d, &headings[i], "heading");
        }
        end(&d);
        assert_int_equal(d.tags.headings_in_order, in_order[k]);
        fs_paint_tags_free(&d.tags);
    }
}

static void test_a_figure_without_alt_is_not_described(void **state)
{
    fs_tag figure = {FS_TAG_FIGURE, 0, NULL, NULL};
    pdf d;
    begin(&d);
    op(&d, &figure, NULL);
    end(&d);
    assert_false(d.tags.figures_described);
    assert_string_equal(d.tags.alts[1], "");
    fs_paint_tags_free(&d.tags);
}

/* A link's description is its words, without the zero-width spaces and
 * soft hyphens that only help it wrap. */
static void test_link_words_lose_invisible_breaks(void **state)
{
    pdf d;
    begin(&d);
    const char *words = "https://www.ilo.org/dyn/normle\u200bx/en\u00adglish";
    fs_paint_tags_link(&d.tags, words, strlen(words));
    end(&d);
    assert_int_equal(d.tags.link_count, 1);
    assert_string_equal(d.tags.links[0], "https://www.ilo.org/dyn/normlex/english");
    fs_paint_tags_free(&d.tags);
}

/* Untagged (a Document for links only): elements of ops are not begun. */
static void test_untagged_begins_no_element(void **state)
{
    fs_tag p = {FS_TAG_P, 0, NULL, NULL};
    pdf d;
    d.surface = cairo_pdf_surface_create_for_stream(discard, NULL, 100, 100);
    d.cr = cairo_create(d.surface);
    fs_paint_tags_begin(&d.tags, d.cr, false);
    op(&d, &p, "text");
    end(&d);
    assert_int_equal(d.tags.element_count, 1);
    fs_paint_tags_free(&d.tags);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_elements_are_recorded_once_in_order),
        cmocka_unit_test(test_texts_of_one_element_are_its_actual_text),
        cmocka_unit_test(test_a_pictured_text_is_its_actual_text),
        cmocka_unit_test(test_headings_in_order),
        cmocka_unit_test(test_a_figure_without_alt_is_not_described),
        cmocka_unit_test(test_link_words_lose_invisible_breaks),
        cmocka_unit_test(test_untagged_begins_no_element),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
