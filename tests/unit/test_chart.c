/* Unit tests of the arithmetic of charts (src/place/fs_chart.h), apart from
 * drawing: how many pictograms a share fills, where a chart's scale ends,
 * and how much of a full bar a value takes. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>

#include "place/fs_chart.h"

/* ---- icon arrays ------------------------------------------------------- */

static void icons_round_to_the_nearest_whole_pictogram(void **state)
{
    (void)state;
    assert_int_equal(fs_chart_icons_filled(47, 10), 5);
    assert_int_equal(fs_chart_icons_filled(44, 10), 4);
    assert_int_equal(fs_chart_icons_filled(0, 10), 0);
    assert_int_equal(fs_chart_icons_filled(100, 10), 10);
    assert_int_equal(fs_chart_icons_filled(47, 20), 9);  /* 9.4 */
    assert_int_equal(fs_chart_icons_filled(48, 20), 10); /* 9.6 */
    assert_int_equal(fs_chart_icons_filled(57, 10), 6);
}

static void icons_round_halves_up(void **state)
{
    (void)state;
    /* 45% of 10 is 4.5: it fills 5, and so does a share that arithmetic
     * on the way left a hair under 45. */
    assert_int_equal(fs_chart_icons_filled(45, 10), 5);
    assert_int_equal(fs_chart_icons_filled(44.99999999999999, 10), 5);
    assert_int_equal(fs_chart_icons_filled(100 * (1 - 0.55), 10), 5);
    assert_int_equal(fs_chart_icons_filled(5, 10), 1);
    assert_int_equal(fs_chart_icons_filled(4, 10), 0);
    assert_int_equal(fs_chart_icons_filled(15, 10), 2);
    assert_int_equal(fs_chart_icons_filled(35, 10), 4);
    assert_int_equal(fs_chart_icons_filled(95, 10), 10);
    assert_int_equal(fs_chart_icons_filled(2.5, 20), 1);
    assert_int_equal(fs_chart_icons_filled(12.5, 4), 1);
    assert_int_equal(fs_chart_icons_filled(37.5, 4), 2);
    assert_int_equal(fs_chart_icons_filled(87.5, 4), 4);
    assert_int_equal(fs_chart_icons_filled(50, 1), 1);
    assert_int_equal(fs_chart_icons_filled(49.9, 1), 0);
}

static void icons_of_every_whole_share_and_count(void **state)
{
    (void)state;
    /* Every whole percentage of every count the layout allows (1 to 100),
     * against the same rounding in integers: p% of n is (2pn + 100) / 200
     * rounded down, the nearest whole number with halves up. */
    for (long total = 1; total <= 100; total++)
        for (long share = 0; share <= 100; share++) {
            long expected = (2 * share * total + 100) / 200;
            long filled = fs_chart_icons_filled((double)share, total);
            if (filled != expected)
                fail_msg("%ld%% of %ld: %ld filled, expected %ld", share, total, filled, expected);
        }
}

static void icons_of_shares_that_are_thirds(void **state)
{
    (void)state;
    /* Three shares of a third each, as a spreadsheet writes them. */
    assert_int_equal(fs_chart_icons_filled(33.3, 3), 1);
    assert_int_equal(fs_chart_icons_filled(100.0 / 3.0, 3), 1);
    assert_int_equal(fs_chart_icons_filled(33.3, 3) * 3, 3);
    assert_int_equal(fs_chart_icons_filled(66.7, 3), 2);
    assert_int_equal(fs_chart_icons_filled(200.0 / 3.0, 3), 2);
    assert_int_equal(fs_chart_icons_filled(33.3, 10), 3);
}

static void icons_are_clamped_to_the_array(void **state)
{
    (void)state;
    assert_int_equal(fs_chart_icons_filled(150, 10), 10);
    assert_int_equal(fs_chart_icons_filled(100.4, 10), 10);
    assert_int_equal(fs_chart_icons_filled(-20, 10), 0);
    assert_int_equal(fs_chart_icons_filled(-4, 10), 0);
    assert_int_equal(fs_chart_icons_filled(-0.0, 10), 0);
    assert_int_equal(fs_chart_icons_filled(50, 0), 0);
    assert_int_equal(fs_chart_icons_filled(100, 1), 1);
    assert_int_equal(fs_chart_icons_filled(100, 100), 100);
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
        cmocka_unit_test(icons_round_to_the_nearest_whole_pictogram),
        cmocka_unit_test(icons_round_halves_up),
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
