/* Unit tests of French typography: each rule, each exception (URLs, e-mail
 * addresses, times, ratios, numbers), languages it leaves alone, invalid
 * UTF-8 and lengths shorter than the string. Every expected output is also
 * checked to be a fixed point, so each test is an idempotence test too. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "i18n/fs_typo.h"

/* Applies lang's typography to length bytes of text and checks the result
 * is want (want_length bytes, which may hold NUL or invalid UTF-8). */
static void check_bytes(const char *lang, const char *text, size_t length, const char *want,
                        size_t want_length)
{
    fs_buf out = {0};
    fs_typo_apply(lang, text, length, &out);
    assert_true(fs_buf_ok(&out));
    assert_int_equal(out.length, want_length);
    assert_memory_equal(fs_buf_str(&out), want, want_length);

    fs_buf again = {0};
    fs_typo_apply(lang, fs_buf_str(&out), out.length, &again);
    assert_true(fs_buf_ok(&again));
    assert_int_equal(again.length, out.length);
    assert_memory_equal(fs_buf_str(&again), fs_buf_str(&out), out.length);
    fs_buf_free(&again);
    fs_buf_free(&out);
}

/* Applies French to the first length bytes of text; want is a string
 * literal, whose size counts any NUL or invalid byte written in it. */
#define check_prefix(text, length, want) check_bytes("fr", text, length, want, sizeof(want) - 1)

static void check_lang(const char *lang, const char *text, const char *want)
{
    check_bytes(lang, text, strlen(text), want, strlen(want));
}

static void check(const char *text, const char *want)
{
    check_lang("fr", text, want);
}

static void unchanged(const char *text)
{
    check(text, text);
}

/* ---- the rules ------------------------------------------------------------ */

static void test_semicolon(void **state)
{
    check("Oui; non", "Oui\u202f; non");
    check("Oui ; non", "Oui\u202f; non");
}

static void test_exclamation_and_question(void **state)
{
    check("Bonjour!", "Bonjour\u202f!");
    check("Vraiment?", "Vraiment\u202f?");
    check("Déjà?", "Déjà\u202f?");
    check("2024!", "2024\u202f!");
}

static void test_percent_after_digit(void **state)
{
    check("94%", "94\u202f%");
    check("94 %", "94\u202f%");
    check("94\u00a0%", "94\u202f%");
    check("3,5%", "3,5\u202f%");
}

static void test_percent_not_after_digit(void **state)
{
    unchanged("abc%");
    unchanged("taux %");
    unchanged("%");
    unchanged("(%)");
}

static void test_colon_gets_no_break_space(void **state)
{
    check("Note: voir", "Note\u00a0: voir");
    check("Note : voir", "Note\u00a0: voir");
    check("Note\u202f: voir", "Note\u00a0: voir");
    check("en 2024: hausse", "en 2024\u00a0: hausse");
}

static void test_existing_no_break_space_before_semicolon(void **state)
{
    check("Oui\u00a0; non", "Oui\u202f; non");
    check("Quoi\u00a0?", "Quoi\u202f?");
}

static void test_several_spaces_collapse(void **state)
{
    check("Quoi   ?", "Quoi\u202f?");
    check("Quoi \u00a0\u202f ?", "Quoi\u202f?");
    check("Note  \u00a0:", "Note\u00a0:");
    check("94  %", "94\u202f%");
}

static void test_runs_of_marks(void **state)
{
    check("Quoi?!", "Quoi\u202f?!");
    check("Non!!!", "Non\u202f!!!");
    check("Quoi ?!", "Quoi\u202f?!");
    check("Quoi?!?", "Quoi\u202f?!?");
}

static void test_start_of_text(void **state)
{
    unchanged("?");
    unchanged("!Oui");
    unchanged(";");
    check(" ?", "\u202f?");
}

static void test_after_opening_bracket(void **state)
{
    unchanged("(?)");
    unchanged("[!]");
    unchanged("Un mot (!) ici");
}

static void test_after_closing_quote_or_bracket(void **state)
{
    check("(oui)?", "(oui)\u202f?");
    check("[sic]!", "[sic]\u202f!");
    check("l’« été »!", "l’«\u202fété\u202f»\u202f!");
    check("dit “non”?", "dit “non”\u202f?");
}

static void test_no_space_after_other_punctuation(void **state)
{
    unchanged("etc.?");
    unchanged("Quoi…?");
    unchanged("a-?");
}

static void test_line_breaks_are_not_spaces(void **state)
{
    unchanged("Oui\n?");
    unchanged("Oui\t!");
    unchanged("«\nOui");
    unchanged("Oui\n»");
}

/* ---- guillemets ----------------------------------------------------------- */

static void test_guillemets_without_spaces(void **state)
{
    check("«Oui»", "«\u202fOui\u202f»");
    check("Il a dit «non».", "Il a dit «\u202fnon\u202f».");
}

static void test_guillemets_with_spaces(void **state)
{
    check("« Oui »", "«\u202fOui\u202f»");
    check("«\u00a0Oui\u00a0»", "«\u202fOui\u202f»");
    check("«   Oui  \u00a0 »", "«\u202fOui\u202f»");
    unchanged("«\u202fOui\u202f»");
}

static void test_single_guillemets(void **state)
{
    check("‹Oui›", "‹\u202fOui\u202f›");
    check("‹ Oui ›", "‹\u202fOui\u202f›");
}

static void test_guillemet_then_mark(void **state)
{
    /* The space after « wins over the colon's no-break space. */
    check("«:", "«\u202f:");
    check("« : »", "«\u202f:\u202f»");
    check("«?»", "«\u202f?\u202f»");
    check("«»", "«\u202f»");
}

/* ---- exceptions ----------------------------------------------------------- */

static void test_url_untouched(void **state)
{
    unchanged("Voir https://x.org/a?b=1 pour");
    unchanged("https://x.org");
    unchanged("http://localhost:8080/a;b!c?d=50%");
    unchanged("ftp://x.org/fichier:1");
    unchanged("HTTPS://X.ORG/A?B");
}

static void test_url_with_marks_after_it(void **state)
{
    check("Voir https://x.org?", "Voir https://x.org\u202f?");
    check("Voir https://x.org/!", "Voir https://x.org/\u202f!");
    check("(https://x.org/a?b)!", "(https://x.org/a?b)\u202f!");
    check("«https://x.org»", "«\u202fhttps://x.org\u202f»");
}

static void test_url_inside_a_token(void **state)
{
    check("Site:https://x.org/a?b", "Site\u00a0:https://x.org/a?b");
    unchanged("git+ssh://x.org:22/r");
}

static void test_mailto(void **state)
{
    unchanged("mailto:jean@x.fr");
    unchanged("Écrire à mailto:info?subject=Oui");
    check("mailto:info?subject=Oui!", "mailto:info?subject=Oui\u202f!"); /* "!" ends the sentence */
    unchanged("mailto:");
}

static void test_www(void **state)
{
    unchanged("www.x.org/a?b:c");
    check("Voir www.x.fr!", "Voir www.x.fr\u202f!");
    unchanged("www.");
    check("awww.x?", "awww.x\u202f?"); /* not a URL: www is inside a word */
}

static void test_email(void **state)
{
    unchanged("contact@x.org");
    unchanged("Écrire à jean:dupont@x.fr pour");
    unchanged("a?b@c;d");
    check("(jean@x.fr)!", "(jean@x.fr)\u202f!");
    check("«jean@x.fr»", "«\u202fjean@x.fr\u202f»");
    check("Écrire à jean@x.fr!", "Écrire à jean@x.fr\u202f!");
}

static void test_at_sign_alone_is_no_address(void **state)
{
    check("@x:", "@x\u00a0:");
    check("Oui@ !", "Oui@\u202f!");
}

static void test_times(void **state)
{
    unchanged("à 10:30");
    unchanged("10:30:15");
    check("10 : 30", "10\u00a0: 30"); /* a space was written: it is a colon */
}

static void test_ratios_and_lists_of_digits(void **state)
{
    unchanged("2:1");
    unchanged("3:2");
    unchanged("1;2");
    check("1;a", "1\u202f;a");
    check("Score: 3:2", "Score\u00a0: 3:2");
}

static void test_double_colon(void **state)
{
    unchanged("std::vector");
    unchanged("a::b::c");
}

static void test_digits_never_split(void **state)
{
    unchanged("1 234 567");
    unchanged("12,5");
    check("12345%", "12345\u202f%");
}

/* ---- languages ------------------------------------------------------------ */

static void test_english_unchanged(void **state)
{
    const char *text = "Hello: world? 94% «quoted» ; ok!";
    check_lang("en", text, text);
    check_lang("en-GB", text, text);
    check_lang("de", text, text);
    check_lang("fra", text, text);
    check_lang("f", text, text);
    check_lang("", text, text);
    check_lang(NULL, text, text);
}

static void test_french_variants(void **state)
{
    check_lang("fr-CA", "Oui!", "Oui\u202f!");
    check_lang("fr-BE", "Oui!", "Oui\u202f!");
    check_lang("FR", "Oui!", "Oui\u202f!");
    check_lang("Fr-ch", "Oui!", "Oui\u202f!");
    check_lang("fr_FR", "Oui!", "Oui\u202f!");
}

/* ---- whole texts ---------------------------------------------------------- */

static void test_correct_text_unchanged(void **state)
{
    unchanged("Le taux atteint 94\u202f% en 2024\u202f; il était de 81\u202f% "
              "en 2020. Note\u00a0: voir «\u202fannexe\u202f» à 10:30\u202f!");
}

static void test_idempotent_on_a_paragraph(void **state)
{
    const char *text = "Résultats: 94% des écoles; voir «rapport» sur https://x.org/r?id=3!\n"
                       "Écrire à info@x.fr?Ou bien mailto:a@b.c ; à 10:30 , ratio 3:2 .\n"
                       "Quoi ?! « Vraiment » ‹non›  : std::map, www.x.fr: 1;2 — 50 %!";
    fs_buf once = {0}, twice = {0};
    fs_typo_apply("fr", text, strlen(text), &once);
    fs_typo_apply("fr", fs_buf_str(&once), once.length, &twice);
    assert_true(fs_buf_ok(&once) && fs_buf_ok(&twice));
    assert_int_equal(twice.length, once.length);
    assert_memory_equal(fs_buf_str(&twice), fs_buf_str(&once), once.length);
    assert_string_equal(
        fs_buf_str(&once),
        "Résultats\u00a0: 94\u202f% des écoles\u202f; voir «\u202frapport\u202f» sur "
        "https://x.org/r?id=3\u202f!\n"
        "Écrire à info@x.fr?Ou bien mailto:a@b.c\u202f; à 10:30 , ratio 3:2 .\n"
        "Quoi\u202f?! «\u202fVraiment\u202f» ‹\u202fnon\u202f›\u00a0: std::map, "
        "www.x.fr\u00a0: 1;2 — 50\u202f%\u202f!");
    fs_buf_free(&twice);
    fs_buf_free(&once);
}

static void test_invalid_utf8_copied(void **state)
{
    check_prefix("a\xff?", 3, "a\xff?");
    check_prefix("\xffOui!", 5, "\xffOui\u202f!");
    check_prefix("Oui \xc3", 5, "Oui \xc3");
    check_prefix("\xe2\x80»", 4, "\xe2\x80\u202f»");
    check_prefix("\xc0\xbb:", 3, "\xc0\xbb:"); /* overlong "»" is not "»" */
}

static void test_nul_is_an_ordinary_character(void **state)
{
    check_prefix("a\0?b!", 5, "a\0?b\u202f!");
}

static void test_length_shorter_than_the_string(void **state)
{
    check_prefix("Oui! Non!", 4, "Oui\u202f!");
    check_prefix("94 % de", 2, "94");
    check_prefix("Oui «", 5, "Oui \xc2"); /* half a guillemet stays half */
    static const char unterminated[] = {'9', '4', '%'};
    check_prefix(unterminated, sizeof unterminated, "94\u202f%");
    static const char open[] = {'\xc2', '\xab'};
    check_prefix(open, sizeof open, "«");
}

static void test_empty_text(void **state)
{
    check_prefix("", 0, "");
    check_prefix("Oui!", 0, "");
}

static void test_appends_to_the_buffer(void **state)
{
    fs_buf out = {0};
    fs_buf_puts(&out, "Titre. ");
    fs_typo_apply("fr", "Oui!", 4, &out);
    fs_typo_apply("en", " Yes!", 5, &out);
    assert_string_equal(fs_buf_str(&out), "Titre. Oui\u202f! Yes!");
    fs_buf_free(&out);
}

#define TEST(name) cmocka_unit_test(name)

static void test_apostrophes_between_letters(void **state)
{
    (void)state;
    fs_buf out = {0};
    fs_typo_apostrophes("women's l'eau d'épargne 'quoted' rock 'n' roll 90's", &out);
    assert_string_equal(fs_buf_str(&out), "women\u2019s l\u2019eau d\u2019épargne 'quoted' rock "
                                          "'n' roll 90's");
    fs_buf_free(&out);
}

static void test_long_words_get_break_opportunities(void **state)
{
    (void)state;
    fs_buf out = {0};
    fs_typo_break_long_words("short words stay", &out);
    assert_string_equal(fs_buf_str(&out), "short words stay");
    fs_buf_clear(&out);
    /* 43 characters: a break after the 30th. */
    fs_typo_break_long_words("see https://example.org/aaaaaaaaaaaaaaaaaaaaaaa now", &out);
    assert_string_equal(fs_buf_str(&out),
                        "see https://example.org/aaaaaaaaaa\u200baaaaaaaaaaaaa now");
    fs_buf_clear(&out);
    /* Counted in characters, never splitting one. */
    fs_typo_break_long_words("ééééééééééééééééééééééééééééééééééééééééé", &out);
    assert_string_equal(fs_buf_str(&out), "éééééééééééééééééééééééééééééé\u200bééééééééééé");
    fs_buf_free(&out);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        TEST(test_semicolon),
        TEST(test_exclamation_and_question),
        TEST(test_percent_after_digit),
        TEST(test_percent_not_after_digit),
        TEST(test_colon_gets_no_break_space),
        TEST(test_existing_no_break_space_before_semicolon),
        TEST(test_several_spaces_collapse),
        TEST(test_runs_of_marks),
        TEST(test_start_of_text),
        TEST(test_after_opening_bracket),
        TEST(test_after_closing_quote_or_bracket),
        TEST(test_no_space_after_other_punctuation),
        TEST(test_line_breaks_are_not_spaces),
        TEST(test_guillemets_without_spaces),
        TEST(test_guillemets_with_spaces),
        TEST(test_single_guillemets),
        TEST(test_guillemet_then_mark),
        TEST(test_url_untouched),
        TEST(test_url_with_marks_after_it),
        TEST(test_url_inside_a_token),
        TEST(test_mailto),
        TEST(test_www),
        TEST(test_email),
        TEST(test_at_sign_alone_is_no_address),
        TEST(test_times),
        TEST(test_ratios_and_lists_of_digits),
        TEST(test_double_colon),
        TEST(test_digits_never_split),
        TEST(test_english_unchanged),
        TEST(test_french_variants),
        TEST(test_correct_text_unchanged),
        TEST(test_idempotent_on_a_paragraph),
        TEST(test_invalid_utf8_copied),
        TEST(test_nul_is_an_ordinary_character),
        TEST(test_length_shorter_than_the_string),
        TEST(test_empty_text),
        TEST(test_appends_to_the_buffer),
        TEST(test_apostrophes_between_letters),
        TEST(test_long_words_get_break_opportunities),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
