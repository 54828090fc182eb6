/* Unit tests of fs_locale: the exact UTF-8 bytes ICU 72 (CLDR 42) gives for
 * English and French numbers, percents, compact numbers, dates and plural
 * categories, and the rejection of bad dates and unknown languages. Expected
 * strings are what CLDR says, checked byte for byte, so a change of ICU data
 * shows up here before it shows up in a golden PDF. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include <unicode/ucal.h>
#include <unicode/ustring.h>

#include "i18n/fs_locale.h"

/* CLDR's spaces, spelled out so the expected strings show which one. */
#define NNBSP "\u202f" /* narrow no-break space: French grouping */
#define NBSP  "\u00a0" /* no-break space: French "94 %", Canadian French grouping */

typedef struct {
    fs_locale *en;
    fs_locale *fr;
} locales;

static int setup_locales(void **state)
{
    static locales shared;
    fs_diags *diags = fs_diags_create();
    if (!diags)
        return -1;
    shared.en = fs_locale_create("en", diags);
    shared.fr = fs_locale_create("fr", diags);
    size_t errors = fs_diags_errors(diags);
    fs_diags_free(diags);
    if (!shared.en || !shared.fr || errors)
        return -1;
    *state = &shared;
    return 0;
}

static int teardown_locales(void **state)
{
    locales *l = *state;
    fs_locale_free(l->en);
    fs_locale_free(l->fr);
    return 0;
}

/* Formats into a fresh buffer and copies the text out before asserting, so
 * a failing assertion (which longjmps) does not leak the buffer. */
static bool format_date(const fs_locale *locale, int year, int month, int day, fs_date_style style,
                        char *text, size_t size)
{
    fs_buf buf = {0};
    bool ok = fs_locale_format_date(locale, year, month, day, style, &buf);
    snprintf(text, size, "%s", fs_buf_str(&buf));
    fs_buf_free(&buf);
    return ok;
}

static void expect_date(const fs_locale *locale, int year, int month, int day, fs_date_style style,
                        const char *expected)
{
    char text[256];
    assert_true(format_date(locale, year, month, day, style, text, sizeof text));
    assert_string_equal(text, expected);
}

static void expect_bad_date(const fs_locale *locale, int year, int month, int day)
{
    char text[256];
    assert_false(format_date(locale, year, month, day, FS_DATE_LONG, text, sizeof text));
    assert_string_equal(text, "");
}

/* Creates a locale that must exist, with no diagnostics. */
static fs_locale *must_create(const char *tag)
{
    fs_diags *diags = fs_diags_create();
    assert_non_null(diags);
    fs_locale *locale = fs_locale_create(tag, diags);
    size_t count = fs_diags_count(diags);
    fs_diags_free(diags);
    assert_non_null(locale);
    assert_int_equal(count, 0);
    return locale;
}

/* Results are appended after what the buffer already holds. */
static void test_appends(void **state)
{
    locales *l = *state;
    fs_buf buf = {0};
    fs_buf_puts(&buf, "rate: ");
    bool ok = fs_locale_format_decimal(l->fr, "94", FS_DECIMAL_PERCENT, NULL, &buf);
    fs_buf_puts(&buf, ", ");
    ok = ok && fs_locale_format_date(l->fr, 2019, 6, 30, FS_DATE_MONTH_YEAR, &buf);
    char text[64];
    snprintf(text, sizeof text, "%s", fs_buf_str(&buf));
    fs_buf_free(&buf);
    assert_true(ok);
    assert_string_equal(text, "rate: 94" NBSP "%, juin 2019");
}

/* ---- dates ------------------------------------------------------------- */

/* "en" is CLDR's American English: month before day. */
static void test_dates_en(void **state)
{
    locales *l = *state;
    expect_date(l->en, 2019, 6, 30, FS_DATE_MONTH_YEAR, "June 2019");
    expect_date(l->en, 2019, 6, 30, FS_DATE_LONG, "June 30, 2019");
    expect_date(l->en, 2019, 6, 30, FS_DATE_MEDIUM, "Jun 30, 2019");
    expect_date(l->en, 2019, 6, 30, FS_DATE_SHORT, "6/30/2019");
}

/* British English gives the day-first forms of the header's examples. */
static void test_dates_en_gb(void **state)
{
    (void)state;
    fs_locale *gb = must_create("en-GB");
    char month_year[64], full[64], medium[64], shortest[64];
    bool ok = format_date(gb, 2019, 6, 30, FS_DATE_MONTH_YEAR, month_year, sizeof month_year) &&
              format_date(gb, 2019, 6, 30, FS_DATE_LONG, full, sizeof full) &&
              format_date(gb, 2019, 6, 30, FS_DATE_MEDIUM, medium, sizeof medium) &&
              format_date(gb, 2019, 6, 30, FS_DATE_SHORT, shortest, sizeof shortest);
    fs_locale_free(gb);
    assert_true(ok);
    assert_string_equal(month_year, "June 2019");
    assert_string_equal(full, "30 June 2019");
    assert_string_equal(medium, "30 Jun 2019");
    assert_string_equal(shortest, "30/06/2019");
}

/* French months are lowercase; the medium form keeps "juin" unabbreviated
 * because CLDR's abbreviation of juin is juin. */
static void test_dates_fr(void **state)
{
    locales *l = *state;
    expect_date(l->fr, 2019, 6, 30, FS_DATE_MONTH_YEAR, "juin 2019");
    expect_date(l->fr, 2019, 6, 30, FS_DATE_LONG, "30 juin 2019");
    expect_date(l->fr, 2019, 6, 30, FS_DATE_MEDIUM, "30 juin 2019");
    expect_date(l->fr, 2019, 6, 30, FS_DATE_SHORT, "30/06/2019");
    expect_date(l->fr, 2019, 2, 1, FS_DATE_MEDIUM, "1 févr. 2019");
    expect_date(l->fr, 2019, 8, 15, FS_DATE_LONG, "15 août 2019");
}

static void test_leap_days(void **state)
{
    locales *l = *state;
    expect_date(l->en, 2020, 2, 29, FS_DATE_LONG, "February 29, 2020");
    expect_date(l->en, 2000, 2, 29, FS_DATE_LONG, "February 29, 2000");
    expect_bad_date(l->en, 2019, 2, 29);
    expect_bad_date(l->en, 1900, 2, 29);
}

static void test_invalid_dates_rejected(void **state)
{
    locales *l = *state;
    expect_bad_date(l->en, 2019, 0, 1);
    expect_bad_date(l->en, 2019, 13, 1);
    expect_bad_date(l->fr, 2019, 6, 0);
    expect_bad_date(l->fr, 2019, 6, 31);
    expect_bad_date(l->fr, 2019, 4, -1);
    expect_bad_date(l->en, 0, 1, 1);
    expect_bad_date(l->en, 10000, 1, 1);
    char text[64];
    assert_false(format_date(l->en, 2019, 6, 30, (fs_date_style)99, text, sizeof text));
}

/* Before October 1582 ICU would switch to the Julian calendar; the API
 * promises proleptic Gregorian, where 1582-10-10 exists. */
static void test_dates_proleptic_gregorian(void **state)
{
    locales *l = *state;
    expect_date(l->en, 1582, 10, 10, FS_DATE_LONG, "October 10, 1582");
    expect_date(l->en, 1, 1, 1, FS_DATE_LONG, "January 1, 1");
    expect_date(l->en, 9999, 12, 31, FS_DATE_SHORT, "12/31/9999");
}

/* The calendar date must not move with the time zone of the machine: run
 * with ICU's default zone at UTC+14 and at UTC-11, where midnight UTC is
 * already the next day or still the previous one. */
static void test_dates_ignore_time_zone(void **state)
{
    (void)state;
    UChar saved[64];
    UErrorCode status = U_ZERO_ERROR;
    int32_t saved_length = ucal_getDefaultTimeZone(saved, 64, &status);
    assert_true(U_SUCCESS(status) && saved_length < 64);

    static const char *const zones[] = {"Pacific/Kiritimati", "Pacific/Pago_Pago"};
    for (size_t i = 0; i < 2; i++) {
        UChar zone[64];
        u_uastrcpy(zone, zones[i]);
        status = U_ZERO_ERROR;
        ucal_setDefaultTimeZone(zone, &status);
        assert_true(U_SUCCESS(status));
        fs_locale *en = must_create("en");
        char text[64];
        bool ok = format_date(en, 2019, 1, 1, FS_DATE_LONG, text, sizeof text);
        fs_locale_free(en);
        assert_true(ok);
        assert_string_equal(text, "January 1, 2019");
    }

    status = U_ZERO_ERROR;
    ucal_setDefaultTimeZone(saved, &status);
    assert_true(U_SUCCESS(status));
}

/* ---- plurals ---------------------------------------------------------- */

static void test_plural_en(void **state)
{
    locales *l = *state;
    assert_string_equal(fs_locale_plural(l->en, 0), "other");
    assert_string_equal(fs_locale_plural(l->en, 1), "one");
    assert_string_equal(fs_locale_plural(l->en, 2), "other");
    assert_string_equal(fs_locale_plural(l->en, 1.5), "other");
    assert_string_equal(fs_locale_plural(l->en, 1000000), "other");
}

/* French also has "many" for exact millions ("1 million de personnes"). */
static void test_plural_fr(void **state)
{
    locales *l = *state;
    assert_string_equal(fs_locale_plural(l->fr, 0), "one");
    assert_string_equal(fs_locale_plural(l->fr, 1), "one");
    assert_string_equal(fs_locale_plural(l->fr, 1.5), "one");
    assert_string_equal(fs_locale_plural(l->fr, 2), "other");
    assert_string_equal(fs_locale_plural(l->fr, 1000000), "many");
}

/* The category is a static string: the same pointer every time, valid after
 * the locale is freed. */
static void test_plural_static(void **state)
{
    locales *l = *state;
    fs_locale *fr = must_create("fr");
    const char *one = fs_locale_plural(fr, 1);
    fs_locale_free(fr);
    assert_ptr_equal(one, fs_locale_plural(l->en, 1));
    assert_string_equal(one, "one");
    assert_string_equal(fs_locale_plural(l->en, NAN), "other");
}

/* ---- languages -------------------------------------------------------- */

static void test_known_languages(void **state)
{
    (void)state;
    static const char *const tags[] = {"en", "fr", "fr-CA", "en-GB", "de", "fr-BE"};
    for (size_t i = 0; i < sizeof tags / sizeof tags[0]; i++) {
        fs_locale_free(must_create(tags[i]));
    }
}

static void test_unknown_language_rejected(void **state)
{
    (void)state;
    fs_diags *diags = fs_diags_create();
    assert_non_null(diags);
    fs_locale *locale = fs_locale_create("xx", diags);
    assert_null(locale);
    assert_int_equal(fs_diags_errors(diags), 1);
    const fs_diag *diag = fs_diags_at(diags, 0);
    assert_int_equal(diag->severity, FS_ERROR);
    assert_null(diag->pos.file);
    assert_string_equal(diag->message, "unknown language 'xx'");
    assert_non_null(diag->hint);
    assert_non_null(strstr(diag->hint, "\"en\""));
    assert_non_null(strstr(diag->hint, "\"fr\""));
    fs_diags_free(diags);
}

/* Tags that are malformed, empty, root or only private use are rejected as
 * well: ICU would quietly format them with root data. */
static void test_malformed_tags_rejected(void **state)
{
    (void)state;
    static const char *const tags[] = {"",     "en_US", "english", "fr-",       "und",
                                       "root", "123",   "tlh",     "x-private", "zz-ZZ"};
    fs_diags *diags = fs_diags_create();
    assert_non_null(diags);
    size_t accepted = 0;
    for (size_t i = 0; i < sizeof tags / sizeof tags[0]; i++) {
        fs_locale *locale = fs_locale_create(tags[i], diags);
        accepted += locale != NULL;
        fs_locale_free(locale);
    }
    size_t errors = fs_diags_errors(diags);
    char first[64];
    snprintf(first, sizeof first, "%s", fs_diags_at(diags, 0)->message);
    fs_diags_free(diags);
    assert_int_equal(accepted, 0);
    assert_int_equal(errors, sizeof tags / sizeof tags[0]);
    assert_string_equal(first, "unknown language ''");
}

/* Canadian French groups with U+00A0 and writes short dates ISO-style. */
static void test_fr_ca(void **state)
{
    (void)state;
    fs_locale *ca = must_create("fr-CA");
    char number[64], date[64];
    fs_buf buf = {0};
    bool ok = fs_locale_format_decimal(ca, "2029052", FS_DECIMAL_INTEGER, NULL, &buf) &&
              format_date(ca, 2019, 6, 30, FS_DATE_SHORT, date, sizeof date);
    snprintf(number, sizeof number, "%s", fs_buf_str(&buf));
    fs_buf_free(&buf);
    fs_locale_free(ca);
    assert_true(ok);
    assert_string_equal(number, "2" NBSP "029" NBSP "052");
    assert_string_equal(date, "2019-06-30");
}

static void test_free_null(void **state)
{
    (void)state;
    fs_locale_free(NULL);
}

/* ---- threads ---------------------------------------------------------- */

#define THREADS    8
#define ROUNDS     200
#define SAMPLE_LEN 2048

/* Everything one locale produces for a fixed set of inputs, in one string. */
static bool sample(const fs_locale *locale, char *out)
{
    static const char *const decimals[] = {"2029052", "1839.5",  "94",  "0.125",
                                           "7000000", "1200000", "-0.4"};
    static const double values[] = {2029052, 1839.5, 94, 0.125, 7000000, 1200000, -0.4};
    fs_buf buf = {0};
    bool ok = true;
    for (size_t v = 0; v < sizeof values / sizeof values[0]; v++) {
        for (int style = FS_DECIMAL_WRITTEN; style < FS_DECIMAL_SKELETON; style++) {
            ok = ok && fs_locale_format_decimal(locale, decimals[v], style, NULL, &buf);
            fs_buf_putc(&buf, '|');
        }
        fs_buf_puts(&buf, fs_locale_plural(locale, values[v]));
        fs_buf_putc(&buf, '|');
    }
    for (int style = FS_DATE_SHORT; style <= FS_DATE_MONTH_YEAR; style++) {
        ok = ok && fs_locale_format_date(locale, 2019, 6, 30, style, &buf);
        fs_buf_putc(&buf, '|');
        ok = ok && fs_locale_format_date(locale, 1999, 12, 31, style, &buf);
        fs_buf_putc(&buf, '|');
    }
    ok = ok && fs_buf_ok(&buf) && buf.length < SAMPLE_LEN;
    if (ok)
        memcpy(out, fs_buf_str(&buf), buf.length + 1);
    fs_buf_free(&buf);
    return ok;
}

typedef struct {
    const locales *l;
    const char *expected_en;
    const char *expected_fr;
    int mismatches;
} thread_job;

static void *run_job(void *arg)
{
    thread_job *job = arg;
    char text[SAMPLE_LEN];
    for (int round = 0; round < ROUNDS; round++) {
        if (!sample(job->l->en, text) || strcmp(text, job->expected_en) != 0)
            job->mismatches++;
        if (!sample(job->l->fr, text) || strcmp(text, job->expected_fr) != 0)
            job->mismatches++;
    }
    return NULL;
}

/* One fs_locale is shared by every document of a run, documents may render
 * on several threads: concurrent results must equal the serial ones. */
static void test_threads_share_locale(void **state)
{
    locales *l = *state;
    static char expected_en[SAMPLE_LEN], expected_fr[SAMPLE_LEN];
    assert_true(sample(l->en, expected_en));
    assert_true(sample(l->fr, expected_fr));

    thread_job jobs[THREADS];
    pthread_t threads[THREADS];
    for (int i = 0; i < THREADS; i++) {
        jobs[i] = (thread_job){l, expected_en, expected_fr, 0};
        assert_int_equal(pthread_create(&threads[i], NULL, run_job, &jobs[i]), 0);
    }
    int mismatches = 0;
    for (int i = 0; i < THREADS; i++) {
        pthread_join(threads[i], NULL);
        mismatches += jobs[i].mismatches;
    }
    assert_int_equal(mismatches, 0);
}

/* ---- exact decimals ---------------------------------------------------- */

static void expect_decimal(const fs_locale *locale, const char *decimal, fs_decimal_style style,
                           const char *skeleton, const char *expected)
{
    fs_buf buf = {0};
    bool ok = fs_locale_format_decimal(locale, decimal, style, skeleton, &buf);
    char text[512];
    snprintf(text, sizeof text, "%s", ok ? fs_buf_str(&buf) : "(failed)");
    fs_buf_free(&buf);
    assert_string_equal(text, expected);
}

static void test_decimals_as_written(void **state)
{
    locales *l = *state;
    /* Issue 12: 0.0001 printed 0 and 36.61954 printed 36.62. */
    expect_decimal(l->en, "0.0001", FS_DECIMAL_WRITTEN, NULL, "0.0001");
    expect_decimal(l->en, "36.61954", FS_DECIMAL_WRITTEN, NULL, "36.61954");
    expect_decimal(l->en, "1.50", FS_DECIMAL_WRITTEN, NULL, "1.50");
    expect_decimal(l->fr, "1.50", FS_DECIMAL_WRITTEN, NULL, "1,50");
    expect_decimal(l->en, "1839.50", FS_DECIMAL_WRITTEN, NULL, "1,839.50");
    expect_decimal(l->fr, "1839.50", FS_DECIMAL_WRITTEN, NULL, "1" NNBSP "839,50");
    expect_decimal(l->en, "2029052", FS_DECIMAL_WRITTEN, NULL, "2,029,052");
    expect_decimal(l->en, "-0.00", FS_DECIMAL_WRITTEN, NULL, "0.00");
    /* Integers past 2^53, and far past, digit for digit (PapaParse's
     * 16142028098527942586). */
    expect_decimal(l->en, "16142028098527942586", FS_DECIMAL_WRITTEN, NULL,
                   "16,142,028,098,527,942,586");
    expect_decimal(l->fr, "-9007199254740993", FS_DECIMAL_WRITTEN, NULL,
                   "-9" NNBSP "007" NNBSP "199" NNBSP "254" NNBSP "740" NNBSP "993");
    expect_decimal(l->en, "123456789012345678901234567890.123456789", FS_DECIMAL_WRITTEN, NULL,
                   "123,456,789,012,345,678,901,234,567,890.123456789");
}

static void test_decimal_styles(void **state)
{
    locales *l = *state;
    expect_decimal(l->en, "1839.5", FS_DECIMAL_INTEGER, NULL, "1,840");
    expect_decimal(l->en, "2.5", FS_DECIMAL_INTEGER, NULL, "3");
    expect_decimal(l->en, "-0.4", FS_DECIMAL_INTEGER, NULL, "0");
    expect_decimal(l->en, "0.94", FS_DECIMAL_SHARE, NULL, "94%");
    expect_decimal(l->fr, "0.125", FS_DECIMAL_SHARE, NULL, "12,5" NBSP "%");
    expect_decimal(l->en, "0.9", FS_DECIMAL_SHARE, NULL, "90%");
    expect_decimal(l->en, "12.5", FS_DECIMAL_PERCENT, NULL, "12.5%");
    expect_decimal(l->fr, "94", FS_DECIMAL_PERCENT, NULL, "94" NBSP "%");
    expect_decimal(l->en, "7000000", FS_DECIMAL_COMPACT, NULL, "7 million");
    expect_decimal(l->fr, "7000000", FS_DECIMAL_COMPACT, NULL, "7 millions");
    /* The compact forms use an ordinary U+0020 space, and French plural
     * forms. */
    expect_decimal(l->en, "1200000", FS_DECIMAL_COMPACT, NULL, "1.2 million");
    expect_decimal(l->en, "2029052", FS_DECIMAL_COMPACT, NULL, "2 million");
    expect_decimal(l->en, "94", FS_DECIMAL_COMPACT, NULL, "94");
    expect_decimal(l->fr, "1200000", FS_DECIMAL_COMPACT, NULL, "1,2 million");
    expect_decimal(l->fr, "2029052", FS_DECIMAL_COMPACT, NULL, "2 millions");
    expect_decimal(l->en, "1839.456", FS_DECIMAL_SKELETON, ".0", "1,839.5");
    expect_decimal(l->fr, "0.256", FS_DECIMAL_SKELETON, "percent scale/100 .0", "25,6" NBSP "%");
    expect_decimal(l->en, "2029052", FS_DECIMAL_SKELETON, "compact-short", "2M");
    /* Not a plain decimal, or a skeleton ICU refuses: nothing. */
    expect_decimal(l->en, "1e3", FS_DECIMAL_WRITTEN, NULL, "(failed)");
    expect_decimal(l->en, "1,5", FS_DECIMAL_WRITTEN, NULL, "(failed)");
    expect_decimal(l->en, "", FS_DECIMAL_WRITTEN, NULL, "(failed)");
    expect_decimal(l->en, "1", FS_DECIMAL_SKELETON, "precision-bogus", "(failed)");
}

static void test_skeleton_valid(void **state)
{
    (void)state;
    int offset = -1;
    assert_true(fs_locale_skeleton_valid(".00", &offset));
    assert_true(fs_locale_skeleton_valid("percent scale/100 precision-integer", &offset));
    assert_false(fs_locale_skeleton_valid("percent .0 bogus", &offset));
    assert_int_equal(offset, 11);
    assert_false(fs_locale_skeleton_valid("caf\xC3\xA9", &offset));
    assert_int_equal(offset, 3);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_appends),
        cmocka_unit_test(test_dates_en),
        cmocka_unit_test(test_dates_en_gb),
        cmocka_unit_test(test_dates_fr),
        cmocka_unit_test(test_leap_days),
        cmocka_unit_test(test_invalid_dates_rejected),
        cmocka_unit_test(test_dates_proleptic_gregorian),
        cmocka_unit_test(test_dates_ignore_time_zone),
        cmocka_unit_test(test_plural_en),
        cmocka_unit_test(test_plural_fr),
        cmocka_unit_test(test_plural_static),
        cmocka_unit_test(test_known_languages),
        cmocka_unit_test(test_unknown_language_rejected),
        cmocka_unit_test(test_malformed_tags_rejected),
        cmocka_unit_test(test_fr_ca),
        cmocka_unit_test(test_free_null),
        cmocka_unit_test(test_decimals_as_written),
        cmocka_unit_test(test_decimal_styles),
        cmocka_unit_test(test_skeleton_valid),
        cmocka_unit_test(test_threads_share_locale),
    };
    return cmocka_run_group_tests(tests, setup_locales, teardown_locales);
}
