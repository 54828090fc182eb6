/* Unit tests of the arithmetic of charts (src/place/fs_chart.h), apart from
 * drawing: how much of a pictogram array a share fills, where a chart's scale ends,
 * and how much of a full bar a value takes. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>

#include "place/fs_chart.h"

/* ---- icon arrays ------------------------------------------------------- */

/* The share of a pictogram array: whole pictograms and the part of the
 * next, within a millionth. */
static void assert_share(double share, long total, long whole, double part)
{
    fs_chart_share got = fs_chart_icons_share(share, total);
    if (got.whole != whole || fabs(got.part - part) > 1e-6)
        fail_msg("%g%% of %ld: %ld and %g, expected %ld and %g", share, total, got.whole, got.part,
                 whole, part);
}

static void icons_show_the_exact_share(void **state)
{
    (void)state;
    assert_share(47, 10, 4, 0.7); /* four whole, seven tenths of the fifth */
    assert_share(44, 10, 4, 0.4);
    assert_share(0, 10, 0, 0);
    assert_share(100, 10, 10, 0);
    assert_share(47, 20, 9, 0.4);
    assert_share(57, 10, 5, 0.7);
    assert_share(50, 1, 0, 0.5);
    assert_share(12.5, 4, 0, 0.5);
    assert_share(87.5, 4, 3, 0.5);
}

static void icons_of_whole_pictograms_have_no_part(void **state)
{
    (void)state;
    /* Shares whose binary arithmetic lands a hair under a whole pictogram
     * (0.3 * 10 is 2.9999...) draw the whole one, never a sliver. */
    assert_share(30, 10, 3, 0);
    assert_share(70, 10, 7, 0);
    assert_share(100 * (1 - 0.55), 10, 4, 0.5);
    assert_share(44.99999999999999, 10, 4, 0.5);
    assert_share(33.3 * 3, 3, 2, 0.997);
}

static void icons_of_every_whole_share_and_count(void **state)
{
    (void)state;
    /* Every whole percentage of every count the layout allows (1 to 100),
     * against the same arithmetic in integers: p% of n is pn / 100 whole
     * pictograms, and pn mod 100 hundredths of the next. */
    for (long total = 1; total <= 100; total++)
        for (long share = 0; share <= 100; share++)
            assert_share((double)share, total, share * total / 100,
                         (double)(share * total % 100) / 100);
}

static void icons_of_shares_that_are_thirds(void **state)
{
    (void)state;
    /* A third of three pictograms is one, as a spreadsheet writes it or as
     * arithmetic gives it. */
    assert_share(100.0 / 3.0, 3, 1, 0);
    assert_share(200.0 / 3.0, 3, 2, 0);
    assert_share(33.3, 3, 0, 0.999);
    assert_share(33.3, 10, 3, 0.33);
}

static void icons_are_clamped_to_the_array(void **state)
{
    (void)state;
    assert_share(150, 10, 10, 0);
    assert_share(100.4, 10, 10, 0);
    assert_share(-20, 10, 0, 0);
    assert_share(-0.0, 10, 0, 0);
    assert_share(50, 0, 0, 0);
    assert_share(100, 1, 1, 0);
    assert_share(100, 100, 100, 0);
}

/* ---- scales ------------------------------------------------------------ */

static void scale_ends_at_the_largest_value(void **state)
{
    (void)state;
    fs_chart_item items[] = {{.value = 3}, {.value = 7}, {.value = 5}};
    assert_float_equal(fs_chart_scale_max(items, 3), 7, 0);
    assert_float_equal(fs_chart_scale_max(items, 1), 3, 0);
    /* A target that is not set is not read, whatever the field holds. */
    fs_chart_item unset[] = {{.value = 2, .target = 90}, {.value = 4, .target = 80}};
    assert_float_equal(fs_chart_scale_max(unset, 2), 4, 0);
}

static void scale_ends_at_the_largest_target(void **state)
{
    (void)state;
    fs_chart_item groups[] = {{.value = 18, .has_target = true, .target = 50},
                              {.value = 10, .has_target = true, .target = 25}};
    assert_float_equal(fs_chart_scale_max(groups, 2), 50, 0);
    /* A value past its target extends the scale. */
    fs_chart_item over[] = {{.value = 60, .has_target = true, .target = 50},
                            {.value = 10, .has_target = true, .target = 25}};
    assert_float_equal(fs_chart_scale_max(over, 2), 60, 0);
    /* Some items with targets, some without. */
    fs_chart_item mixed[] = {{.value = 30}, {.value = 5, .has_target = true, .target = 40}};
    assert_float_equal(fs_chart_scale_max(mixed, 2), 40, 0);
}

static void scale_of_nothing_is_zero(void **state)
{
    (void)state;
    fs_chart_item zeros[] = {{.value = 0}, {.value = 0}};
    assert_float_equal(fs_chart_scale_max(zeros, 2), 0, 0);
    assert_float_equal(fs_chart_scale_max(zeros, 0), 0, 0);
    assert_float_equal(fs_chart_scale_max(NULL, 0), 0, 0);
}

/* ---- fractions ---------------------------------------------------------- */

static void fraction_is_value_over_max(void **state)
{
    (void)state;
    assert_float_equal(fs_chart_fraction(5, 10), 0.5, 1e-12);
    assert_float_equal(fs_chart_fraction(18, 50), 0.36, 1e-12);
    assert_float_equal(fs_chart_fraction(350, 1000), 0.35, 1e-12);
    assert_float_equal(fs_chart_fraction(10, 10), 1, 0);
}

static void fraction_edges(void **state)
{
    (void)state;
    assert_float_equal(fs_chart_fraction(0, 10), 0, 0);
    assert_float_equal(fs_chart_fraction(-5, 10), 0, 0);
    assert_float_equal(fs_chart_fraction(15, 10), 1, 0);
    assert_float_equal(fs_chart_fraction(1e300, 10), 1, 0);
    /* No scale: nothing is drawn, and nothing is divided by zero. */
    assert_float_equal(fs_chart_fraction(5, 0), 0, 0);
    assert_float_equal(fs_chart_fraction(0, 0), 0, 0);
    assert_float_equal(fs_chart_fraction(5, -1), 0, 0);
    assert_false(isnan(fs_chart_fraction(0, 0)));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(icons_show_the_exact_share),
        cmocka_unit_test(icons_of_whole_pictograms_have_no_part),
        cmocka_unit_test(icons_of_every_whole_share_and_count),
        cmocka_unit_test(icons_of_shares_that_are_thirds),
        cmocka_unit_test(icons_are_clamped_to_the_array),
        cmocka_unit_test(scale_ends_at_the_largest_value),
        cmocka_unit_test(scale_ends_at_the_largest_target),
        cmocka_unit_test(scale_of_nothing_is_zero),
        cmocka_unit_test(fraction_is_value_over_max),
        cmocka_unit_test(fraction_edges),
    };
    return cmocka_run_group_tests_name("chart", tests, NULL, NULL);
}
