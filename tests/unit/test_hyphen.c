/* Unit tests of hyphenation with Debian's hyphen-fr and hyphen-en-us
 * (LibreOffice's patterns, read by libhyphen): breaks where the patterns
 * put them, at least two letters before and three after, case and accents,
 * words left whole, dictionaries looked up by tag, threads sharing one. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <pthread.h>
#include <string.h>

#include "i18n/fs_hyphen.h"

/* The word with its soft hyphens written as '=' (the dictionaries' own
 * notation), to compare with libhyphen's documented output. */
static void check_word(const fs_hyphen *hyphen, const char *word, const char *want)
{
    fs_buf out = {0};
    fs_hyphen_word(hyphen, word, strlen(word), &out);
    assert_true(fs_buf_ok(&out));
    fs_buf shown = {0};
    for (const char *c = fs_buf_str(&out); *c; c++) {
        if (strncmp(c, FS_SOFT_HYPHEN, 2) == 0) {
            fs_buf_putc(&shown, '=');
            c++;
        } else {
            fs_buf_putc(&shown, *c);
        }
    }
    assert_string_equal(fs_buf_str(&shown), want);
    fs_buf_free(&shown);
    fs_buf_free(&out);
}

static fs_hyphen *load(const char *lang)
{
    fs_diags *diags = fs_diags_create();
    fs_hyphen *hyphen = fs_hyphen_load(lang, NULL, diags);
    assert_non_null(hyphen);
    assert_int_equal(fs_diags_count(diags), 0);
    fs_diags_free(diags);
    return hyphen;
}

static void test_french_words(void **state)
{
    fs_hyphen *fr = load("fr");
    check_word(fr, "gouvernementale", "gou=ver=ne=men=tale");
    check_word(fr, "organisations", "or=ga=ni=sa=tions");
    check_word(fr, "communautaires", "com=mu=nau=taires");
    check_word(fr, "néerlandaise", "néer=lan=daise");
    check_word(fr, "sécheresses", "sé=che=resses");
    fs_hyphen_free(fr);
}

static void test_english_words(void **state)
{
    fs_hyphen *en = load("en");
    check_word(en, "organisations", "or=gan=i=sa=tions");
    check_word(en, "international", "in=ter=na=tional");
    check_word(en, "accountability", "ac=count=abil=ity");
    check_word(en, "stakeholders", "stake=hold=ers");
    fs_hyphen_free(en);
}

/* Two letters at least before a break, three after: the patterns allow
 * "représentativi-té" in French (two after), which is not taken. Words of
 * fewer than seven letters stay whole. */
static void test_letters_kept_on_each_side(void **state)
{
    fs_hyphen *fr = load("fr");
    check_word(fr, "représentativité", "re=pré=sen=ta=ti=vité");
    check_word(fr, "irrigués", "ir=ri=gués");
    check_word(fr, "acteurs", "ac=teurs");
    check_word(fr, "acteur", "acteur");
    check_word(fr, "formés", "formés");
    fs_hyphen *en = load("en");
    check_word(en, "tables", "tables");
    check_word(en, "peoples", "peo=ples");
    check_word(en, "very", "very");
    check_word(en, "a", "a");
    fs_hyphen_free(en);
    fs_hyphen_free(fr);
}

/* Patterns are lower case: a capitalised word breaks as the lower-case
 * one does, and keeps its capital. */
static void test_case_of_the_word_kept(void **state)
{
    fs_hyphen *fr = load("fr");
    check_word(fr, "Gouvernementale", "Gou=ver=ne=men=tale");
    check_word(fr, "Écosystèmes", "Éco=sys=tèmes");
    fs_hyphen_free(fr);
}

static void test_words_left_whole(void **state)
{
    fs_hyphen *fr = load("fr");
    check_word(fr, "", "");
    check_word(fr, "de", "de");
    char longest[FS_HYPHEN_MAX_WORD + 2];
    memset(longest, 'a', sizeof longest - 1);
    longest[sizeof longest - 1] = '\0';
    check_word(fr, longest, longest);
    check_word(fr, "gouver\xffnementale", "gouver\xffnementale"); /* not UTF-8 */
    check_word(NULL, "gouvernementale", "gouvernementale");       /* no dictionary */
    fs_hyphen_free(fr);
}

static void test_appends_to_the_buffer(void **state)
{
    fs_hyphen *fr = load("fr");
    fs_buf out = {0};
    fs_buf_puts(&out, "les ");
    fs_hyphen_word(fr, "organisations", 13, &out);
    fs_buf_puts(&out, " locales");
    assert_string_equal(fs_buf_str(&out), "les or\u00adga\u00adni\u00adsa\u00adtions locales");
    fs_buf_free(&out);
    fs_hyphen_free(fr);
}

/* A tag with a region finds hyph_fr_CA.dic (a link to the French
 * patterns); one whose region has none falls back to the language's. */
static void test_dictionaries_by_tag(void **state)
{
    const char *tags[] = {"fr-CA", "fr_FR", "FR-be", "fr-XY", "en-US", "en_GB"};
    for (size_t i = 0; i < sizeof tags / sizeof *tags; i++)
        fs_hyphen_free(load(tags[i]));
}

static void test_missing_dictionary_is_a_warning(void **state)
{
    const char *tags[] = {"xx", "../../etc/passwd", "f", ""};
    for (size_t i = 0; i < sizeof tags / sizeof *tags; i++) {
        fs_diags *diags = fs_diags_create();
        assert_null(fs_hyphen_load(tags[i], NULL, diags));
        assert_int_equal(fs_diags_count(diags), 1);
        const fs_diag *d = fs_diags_at(diags, 0);
        assert_int_equal(d->severity, FS_WARNING);
        assert_non_null(strstr(d->message, "not hyphenated"));
        assert_non_null(d->hint);
        fs_diags_free(diags);
    }
    fs_diags *diags = fs_diags_create();
    assert_null(fs_hyphen_load("fr", "/nonexistent", diags));
    assert_string_equal(fs_diags_at(diags, 0)->message,
                        "no hyphenation patterns for 'fr' (/nonexistent/hyph_fr.dic): its words "
                        "are not hyphenated");
    fs_diags_free(diags);
}

/* Threads share one dictionary: each hyphenates a list of words many
 * times and must get what one thread got. */
static const char *const shared_words[] = {"gouvernementale", "communautaires", "organisations",
                                           "représentativité", "sécheresses"};

typedef struct {
    const fs_hyphen *hyphen;
    fs_buf out;
} worker;

static void *hyphenate_many(void *context)
{
    worker *w = context;
    for (int round = 0; round < 200; round++)
        for (size_t i = 0; i < sizeof shared_words / sizeof *shared_words; i++)
            fs_hyphen_word(w->hyphen, shared_words[i], strlen(shared_words[i]), &w->out);
    return NULL;
}

static void test_threads_share_a_dictionary(void **state)
{
    fs_hyphen *fr = load("fr");
    worker serial = {fr, {0}};
    hyphenate_many(&serial);
    worker workers[4];
    pthread_t threads[4];
    for (int i = 0; i < 4; i++) {
        workers[i] = (worker){fr, {0}};
        assert_int_equal(pthread_create(&threads[i], NULL, hyphenate_many, &workers[i]), 0);
    }
    for (int i = 0; i < 4; i++) {
        pthread_join(threads[i], NULL);
        assert_string_equal(fs_buf_str(&workers[i].out), fs_buf_str(&serial.out));
        fs_buf_free(&workers[i].out);
    }
    fs_buf_free(&serial.out);
    fs_hyphen_free(fr);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_french_words),
        cmocka_unit_test(test_english_words),
        cmocka_unit_test(test_letters_kept_on_each_side),
        cmocka_unit_test(test_case_of_the_word_kept),
        cmocka_unit_test(test_words_left_whole),
        cmocka_unit_test(test_appends_to_the_buffer),
        cmocka_unit_test(test_dictionaries_by_tag),
        cmocka_unit_test(test_missing_dictionary_is_a_warning),
        cmocka_unit_test(test_threads_share_a_dictionary),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
