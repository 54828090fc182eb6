/* Unit tests of fs_fold: the forms file names are compared in, canonical
 * equivalence (NFD) and the canonical caseless match (NFD, full case
 * folding, NFD), from ICU. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "i18n/fs_fold.h"

/* Côte with a precomposed ô (NFC) and with o + U+0302 (NFD). */
static const char nfc[] = "C\xc3\xb4te", nfd[] = "Co\xcc\x82te";

static int setup(void **state)
{
    *state = fs_arena_create();
    return *state ? 0 : -1;
}

static int teardown(void **state)
{
    fs_arena_free(*state);
    return 0;
}

static bool same(const char *a, const char *b, bool caseless, fs_arena *arena)
{
    const char *x = fs_fold(a, caseless, arena), *y = fs_fold(b, caseless, arena);
    assert_non_null(x);
    assert_non_null(y);
    return strcmp(x, y) == 0;
}

static void test_normalisation(void **state)
{
    assert_string_not_equal(nfc, nfd);
    assert_true(same(nfc, nfd, false, *state));
    assert_true(same(nfc, nfd, true, *state));
    /* The form is NFD: o followed by the combining circumflex. */
    assert_string_equal(fs_fold(nfc, false, *state), nfd);
    /* An accent is not nothing: "Cote" is another name. */
    assert_false(same(nfc, "Cote", true, *state));
}

static void test_case(void **state)
{
    assert_false(same("MALI.pdf", "mali.pdf", false, *state));
    assert_true(same("MALI.pdf", "mali.pdf", true, *state));
    assert_true(same("C\xc3\x94TE", nfd, true, *state)); /* CÔTE */
    /* Full folding, not simple: ß and ẞ fold to ss. */
    assert_true(same("Stra\xc3\x9f"
                     "e",
                     "STRASSE", true, *state));
    assert_true(same("\xe1\xba\x9e", "ss", true, *state));
    assert_string_equal(fs_fold("MALI", true, *state), "mali");
    assert_string_equal(fs_fold("", true, *state), "");
}

static void test_not_utf8(void **state)
{
    assert_null(fs_fold("caf\xe9", true, *state));
    assert_null(fs_fold("caf\xe9", false, *state));
}

#define TEST(name) cmocka_unit_test_setup_teardown(name, setup, teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        TEST(test_normalisation),
        TEST(test_case),
        TEST(test_not_utf8),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
