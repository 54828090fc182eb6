/* Unit tests of the house rules: French spacing (each rule, each exception:
 * URLs, e-mail addresses, times, ratios, numbers), words kept with the next
 * in French and English, quotation marks, text as written, languages left
 * alone, invalid UTF-8 and lengths shorter than the string; and the markup
 * pass's superscript ordinals and soft hyphens. Every expected output is also
 * checked to be a fixed point, so each test is an idempotence test too. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include <stdbool.h>

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
    check("en 2024: hausse", "en\u00a02024\u00a0: hausse");
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
    check("Un mot (!) ici", "Un\u00a0mot (!) ici");
}

static void test_after_closing_quote_or_bracket(void **state)
{
    check("(oui)?", "(oui)\u202f?");
    check("[sic]!", "[sic]\u202f!");
    check("l’« été »!", "l’«\u202fété\u202f»\u202f!");
    check("dit “non”?", "dit «\u202fnon\u202f»\u202f?");
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
    check("Il a dit «non».", "Il\u00a0a\u00a0dit «\u202fnon\u202f».");
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
    check("Écrire à mailto:info?subject=Oui", "Écrire à\u00a0mailto:info?subject=Oui");
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
    check("Écrire à jean:dupont@x.fr pour", "Écrire à\u00a0jean:dupont@x.fr pour");
    unchanged("a?b@c;d");
    check("(jean@x.fr)!", "(jean@x.fr)\u202f!");
    check("«jean@x.fr»", "«\u202fjean@x.fr\u202f»");
    check("Écrire à jean@x.fr!", "Écrire à\u00a0jean@x.fr\u202f!");
}

static void test_at_sign_alone_is_no_address(void **state)
{
    check("@x:", "@x\u00a0:");
    check("Oui@ !", "Oui@\u202f!");
}

static void test_times(void **state)
{
    check("à 10:30", "à\u00a010:30");
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
    unchanged("Le\u00a0taux atteint 94\u202f% en\u00a02024\u202f; il\u00a0était de\u00a081\u202f% "
              "en\u00a02020. Note\u00a0: voir «\u202fannexe\u202f» à\u00a010:30\u202f!");
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
        "Écrire à\u00a0info@x.fr?Ou bien mailto:a@b.c\u202f; à\u00a010:30 , ratio 3:2 .\n"
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

/* ---- words kept with the next (the Lexique's "espace insécable") --------- */

static void test_french_short_words_keep_with_the_next(void **state)
{
    check("formés à la GIR", "formés à\u00a0la\u00a0GIR");
    check("il y a un an", "il\u00a0y\u00a0a\u00a0un\u00a0an");
    check("À propos de cette note", "À\u00a0propos de\u00a0cette note");
    check("jusqu’à la fin, qu'à la fin", "jusqu’à\u00a0la\u00a0fin, qu’à\u00a0la\u00a0fin");
    check("(à la fin)", "(à\u00a0la\u00a0fin)");
    check("de « la »", "de\u00a0«\u202fla\u202f»");
    unchanged("des une aux"); /* three letters */
    unchanged("aujourd’hui");
    unchanged("à, et. ou"); /* a mark ends the clause */
    unchanged("à\nla");     /* a line break written stays */
    unchanged("la");        /* nothing follows */
    check("à  \u202f la", "à\u00a0la");
}

static void test_french_numbers_keep_with_the_next(void **state)
{
    check("357 groupes et 15 unions", "357\u00a0groupes et\u00a015\u00a0unions");
    check("3,5 millions", "3,5\u00a0millions");
    check("le 1er janvier", "le\u00a01er\u00a0janvier");
    check("au XXe siècle", "au\u00a0XXe\u00a0siècle");
    check("n° 5, N° 12 et nº 3", "n°\u00a05, N°\u00a012\u00a0et\u00a0nº\u00a03");
    check("M. Dupont et Mme Diallo", "M.\u00a0Dupont et\u00a0Mme\u00a0Diallo");
    unchanged("2 029 052");                    /* digits written apart stay apart */
    unchanged("en\u00a02019. Le\u00a0projet"); /* the sentence ends */
    unchanged("ABC 5");
}

static void test_english_keeps_a_i_and_units(void **state)
{
    check_lang("en", "in particular, a financial buffer", "in particular, a\u00a0financial buffer");
    check_lang("en", "A year on, I think", "A\u00a0year on, I\u00a0think");
    check_lang("en", "5 km, 20 kg and 7 million people",
               "5\u00a0km, 20\u00a0kg and 7\u00a0million people");
    check_lang("en", "10 %", "10\u00a0%");
    const char *alone[] = {"to be or not to be", "in 2019 the", "15 unions",
                           "an apple",           "at 10:30 it", "Hello: world? 94% ; ok!"};
    for (size_t i = 0; i < sizeof alone / sizeof *alone; i++)
        check_lang("en", alone[i], alone[i]);
}

/* A text never broken into lines keeps its spaces as written. */
static void test_unbroken_text_keeps_no_words_together(void **state)
{
    fs_buf out = {0};
    const char *text = "Il y a \"357 groupes\" : oui";
    fs_typo_unbroken("fr", text, strlen(text), &out);
    assert_string_equal(fs_buf_str(&out), "Il y a «\u202f357 groupes\u202f»\u00a0: oui");
    fs_buf_free(&out);
}

/* ---- quotation marks ------------------------------------------------------ */

static void test_straight_quotes_become_typographic(void **state)
{
    check_lang("en", "\"Yes,\" she said", "“Yes,” she said");
    check_lang("en", "the partners' own, it's 'single' ('90s)",
               "the partners’ own, it’s ‘single’ (’90s)");
    check_lang("en", "(\"x\") —\"y\"", "(“x”) —“y”");
    check_lang("en", "« kept »", "« kept »");
    check("l'eau d'épargne", "l’eau d’épargne");
}

static void test_french_quotes_are_guillemets(void **state)
{
    check("\"Oui\"", "«\u202fOui\u202f»");
    check("“Oui”", "«\u202fOui\u202f»");
    check("“Il dit “non” hier”", "«\u202fIl\u00a0dit “non” hier\u202f»");
    check("\"Il dit \"non\" hier\"", "«\u202fIl\u00a0dit “non” hier\u202f»");
    check("« Il dit « non » hier »", "«\u202fIl\u00a0dit «\u202fnon\u202f» hier\u202f»");
    check("fin”", "fin\u202f»"); /* opened in another piece of the text */
}

static void test_languages_without_rules_unchanged(void **state)
{
    const char *text = "\"Hallo\" a 5 km, «x» : ja!";
    check_lang("de", text, text);
    check_lang("", text, text);
    check_lang(NULL, text, text);
}

/* ---- text as written ------------------------------------------------------ */

/* How fs_typo_markup marks up a URL or an e-mail address: no hyphen drawn,
 * pieces pango may not break, a zero-width space where it may. */
#define ADDRESS     "<span insert_hyphens=\"false\">"
#define PIECE(text) "<span allow_breaks=\"false\">" text "</span>"
#define ZW          "\u200b"

#define AS_WRITTEN(text) FS_TYPO_AS_WRITTEN_START text FS_TYPO_AS_WRITTEN_END

static void test_as_written_is_left_alone(void **state)
{
    fs_buf out = {0};
    const char *code = "Code " AS_WRITTEN("\"A 5\" à la: 50%") " à la fin!";
    fs_typo_apply("fr", code, strlen(code), &out);
    assert_string_equal(fs_buf_str(&out), "Code \"A 5\" à la: 50% à\u00a0la\u00a0fin\u202f!");
    fs_buf_clear(&out);
    fs_typo_apply("de", "x " AS_WRITTEN("a 'b'") " y", strlen("x " AS_WRITTEN("a 'b'") " y"), &out);
    assert_string_equal(fs_buf_str(&out), "x a 'b' y");
    fs_buf_clear(&out);
    /* An end mark missing: as written to the end. */
    fs_typo_apply("en", FS_TYPO_AS_WRITTEN_START "a \"b\"",
                  strlen(FS_TYPO_AS_WRITTEN_START "a \"b\""), &out);
    assert_string_equal(fs_buf_str(&out), "a \"b\"");
    fs_buf_free(&out);
}

/* ---- markup: superscripts and soft hyphens -------------------------------- */

static fs_hyphen *patterns(const char *lang)
{
    fs_diags *diags = fs_diags_create();
    fs_hyphen *hyphen = fs_hyphen_load(lang, NULL, diags);
    assert_non_null(hyphen);
    fs_diags_free(diags);
    return hyphen;
}

/* The markup of text, with soft hyphens written as '='. */
static void check_markup(const char *lang, const fs_hyphen *hyphen, const char *text,
                         const char *want)
{
    fs_buf markup = {0};
    size_t shown = fs_typo_markup(lang, hyphen, text, strlen(text), &markup, NULL);
    assert_true(fs_buf_ok(&markup));
    fs_buf seen = {0};
    size_t bytes = 0;
    bool in_tag = false;
    for (const char *c = fs_buf_str(&markup); *c; c++) {
        in_tag = in_tag ? *c != '>' : *c == '<';
        bool tag = in_tag || *c == '>';
        if (!tag)
            bytes++;
        if (*c == '&') /* the five entities of fs_buf_put_escaped */
            bytes -= strchr(c, ';') - c;
        if (strncmp(c, FS_TYPO_TAG, strlen(FS_TYPO_TAG)) == 0) { /* markup, not shown */
            fs_buf_puts(&seen, FS_TYPO_TAG);
            c += strlen(FS_TYPO_TAG) - 1;
            bytes--;
        } else if (strncmp(c, "\u00ad", 2) == 0) {
            fs_buf_putc(&seen, '=');
            c++;
            bytes++;
        } else {
            fs_buf_putc(&seen, *c);
        }
    }
    assert_string_equal(fs_buf_str(&seen), want);
    assert_int_equal(shown, bytes);
    fs_buf_free(&seen);
    fs_buf_free(&markup);
}

#define SUP(x) "<span font_features=\"sups\">" x "</span>"

static void test_french_ordinals_superscript(void **state)
{
    check_markup(
        "fr", NULL, "le 1er, la 1re, les 2es, le 2d, la 2de, au XXe, XIXes, Ier.",
        "le\u00a01" SUP("er") ", la\u00a01" SUP("re") ", les 2" SUP("es") ", le\u00a02" SUP(
            "d") ", la\u00a02" SUP("de") ", au\u00a0XX" SUP("e") ", XIX" SUP("es") ", I" SUP("er") ".");
    /* Words that look like a Roman numeral and a suffix, and wrong forms. */
    check_markup("fr", NULL, "Le De Me Des Ces Les 2ème 3ieme 1e5 XXIV",
                 "Le\u00a0De\u00a0Me\u00a0Des Ces Les 2ème 3ieme 1e5\u00a0XXIV");
    check_markup("en", NULL, "the 1st and 2nd, XXe", "the 1st and 2nd, XXe");
}

static void test_soft_hyphens_in_words(void **state)
{
    fs_hyphen *fr = patterns("fr"), *en = patterns("en");
    check_markup("fr", fr, "les organisations gouvernementales locales",
                 "les or=ga=ni=sa=tions gou=ver=ne=men=tales locales");
    check_markup("fr", fr, "l’environnement de la Croix-Rouge",
                 "l’en=vi=ron=ne=ment de\u00a0la\u00a0Croix-Rouge");
    check_markup("en", en, "accountability of stakeholders here",
                 "ac=count=abil=ity of stake=hold=ers here");
    /* Capitals, codes, numbers, domains, addresses, URLs: never. */
    check_markup("fr", fr,
                 "CONLACTRAHO WhatsApp COVID-19 organisation2 care.org "
                 "jean@organisation.fr https://www.care.org/organisations",
                 "CONLACTRAHO WhatsApp COVID-19 organisation2 care.org " ADDRESS PIECE("jean")
                     ZW PIECE("@organisation")
                         ZW PIECE(".fr") "</span> " ADDRESS PIECE("https://www.care")
                             ZW PIECE(".org/") ZW PIECE("organisations") "</span>");
    check_markup("fr", fr, "(voir https://x.org/organisations, organisations et)",
                 "(voir " ADDRESS PIECE("https://x") ZW PIECE(".org/")
                     ZW PIECE("organisations") "</span>, "
                                               "or=ga=ni=sa=tions "
                                               "et)");
    /* Breaks already chosen are kept, and none added. */
    check_markup("fr", fr, "organi\u00adsations", "organi=sations");
    /* No patterns, no soft hyphens. */
    check_markup("fr", NULL, "organisations", "organisations");
    fs_hyphen_free(en);
    fs_hyphen_free(fr);
}

/* The last word of a paragraph, or of a line the text breaks, is never
 * hyphenated (unless it is the only one): its end would stand alone on the
 * last line. Marks, tags and closing quotes after it do not make it a word
 * inside. */
static void test_last_word_of_a_paragraph_whole(void **state)
{
    fs_hyphen *fr = patterns("fr"), *en = patterns("en");
    check_markup("en", en, "stakeholders and stakeholders.", "stake=hold=ers and stakeholders.");
    check_markup("en", en, "two stakeholders\nstakeholders here",
                 "two stakeholders\nstake=hold=ers here");
    /* A paragraph of one word keeps its breaks: they may be what fits it. */
    check_markup("en", en, "stakeholders.", "stake=hold=ers.");
    check_markup("fr", fr, "des organisations \"organisations\" !",
                 "des or=ga=ni=sa=tions «\u202forganisations\u202f»\u202f!");
    check_markup("fr", fr, "organisations " FS_TYPO_TAG "organisations" FS_TYPO_TAG ".",
                 "or=ga=ni=sa=tions " FS_TYPO_TAG "organisations" FS_TYPO_TAG ".");
    fs_hyphen_free(en);
    fs_hyphen_free(fr);
}

static void test_markup_escapes_and_counts(void **state)
{
    fs_hyphen *fr = patterns("fr");
    check_markup("fr", fr, "organisations & \"x\" <b>",
                 "or=ga=ni=sa=tions &amp; «\u202fx\u202f» &lt;b&gt;");
    check_markup("fr", fr, AS_WRITTEN("<organisations> 1er") " 1er",
                 "&lt;organisations&gt; 1er 1" SUP("er"));
    check_markup("fr", fr, "", "");
    fs_hyphen_free(fr);
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

/* A URL or an e-mail address breaks as Chicago and Bringhurst break one:
 * after a slash, a colon or two of them, before . - _ ~ @ ? # & =, never
 * between two marks, inside a word of it, inside or right after its
 * prefix, and never where pango's own rules would (after ? or -). The same
 * in every language, and the offsets count the breaks. */
static void test_addresses_break_where_a_typographer_breaks(void **state)
{
    (void)state;
    const char *ilo = ADDRESS PIECE("https://www.ilo") ZW PIECE(".org/") ZW PIECE("dyn/")
        ZW PIECE("normlex/") ZW PIECE("en/") ZW PIECE("f") ZW PIECE("?p") ZW PIECE("=NORMLEXPUB:")
            ZW PIECE("12100:") ZW PIECE("0::") ZW PIECE("NO::") ZW PIECE("P12100") ZW PIECE("_ILO")
                ZW PIECE("_CODE:") ZW PIECE("C189") "</span>";
    const char *url = "https://www.ilo.org/dyn/normlex/en/f?p=NORMLEXPUB:12100:0::NO::P12100_ILO_"
                      "CODE:C189";
    check_markup("en", NULL, url, ilo);
    check_markup("fr", NULL, url, ilo);
    check_markup("en", NULL, "first_name.last-name@organisation-internationale.org",
                 ADDRESS PIECE("first") ZW PIECE("_name") ZW PIECE(".last") ZW PIECE("-name")
                     ZW PIECE("@organisation") ZW PIECE("-internationale")
                         ZW PIECE(".org") "</span>");
    /* A double slash stays whole and breaks after; ~ # & = break before. */
    check_markup("en", NULL, "http://x.org//~a/b#c&d=e",
                 ADDRESS PIECE("http://x") ZW PIECE(".org//") ZW PIECE("~a/") ZW PIECE("b")
                     ZW PIECE("#c") ZW PIECE("&amp;d") ZW PIECE("=e") "</span>");
    /* A colon breaks after as a slash does, before a port, never inside
     * ":/" or "::" (the scheme's "://" is its prefix). */
    check_markup("en", NULL, "http://x.org:8080/a:/b",
                 ADDRESS PIECE("http://x") ZW PIECE(".org:") ZW PIECE("8080/") ZW PIECE("a:/")
                     ZW PIECE("b") "</span>");
    /* Prefixes: mailto:, www. alone, a scheme's www. */
    check_markup("en", NULL, "mailto:a.b@c.org",
                 ADDRESS PIECE("mailto:a") ZW PIECE(".b") ZW PIECE("@c")
                     ZW PIECE(".org") "</span>");
    check_markup("en", NULL, "www.care.org", ADDRESS PIECE("www.care") ZW PIECE(".org") "</span>");
    /* Letters outside ASCII are letters of a word; the marks around the
     * address are text, with the French spaces. */
    check_markup("fr", NULL, "(voir https://fr.wikipedia.org/wiki/Île-de-France)!",
                 "(voir " ADDRESS PIECE("https://fr") ZW PIECE(".wikipedia") ZW PIECE(".org/")
                     ZW PIECE("wiki/") ZW PIECE("Île") ZW PIECE("-de")
                         ZW PIECE("-France") "</span>)"
                                             "\u202f!");
}

static void test_long_words_get_break_opportunities(void **state)
{
    (void)state;
    fs_buf out = {0};
    fs_typo_break_long_words("short words stay", &out);
    assert_string_equal(fs_buf_str(&out), "short words stay");
    fs_buf_clear(&out);
    /* 43 characters of a word: a break after the 30th. */
    fs_typo_break_long_words("see abcdefghijabcdefghijabcdefghijabcdefghijabc now", &out);
    assert_string_equal(fs_buf_str(&out),
                        "see abcdefghijabcdefghijabcdefghij\u200babcdefghijabc now");
    fs_buf_clear(&out);
    /* A URL or an address is left to fs_typo_markup, which breaks it
     * where an address may break. */
    fs_typo_break_long_words("(https://example.org/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa)",
                             &out);
    assert_string_equal(fs_buf_str(&out),
                        "(https://example.org/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa)");
    fs_buf_clear(&out);
    fs_typo_break_long_words("first_name.last-name@organisation-internationale.org", &out);
    assert_string_equal(fs_buf_str(&out), "first_name.last-name@organisation-internationale.org");
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
        TEST(test_french_short_words_keep_with_the_next),
        TEST(test_french_numbers_keep_with_the_next),
        TEST(test_english_keeps_a_i_and_units),
        TEST(test_unbroken_text_keeps_no_words_together),
        TEST(test_straight_quotes_become_typographic),
        TEST(test_french_quotes_are_guillemets),
        TEST(test_languages_without_rules_unchanged),
        TEST(test_as_written_is_left_alone),
        TEST(test_french_ordinals_superscript),
        TEST(test_soft_hyphens_in_words),
        TEST(test_last_word_of_a_paragraph_whole),
        TEST(test_markup_escapes_and_counts),
        TEST(test_correct_text_unchanged),
        TEST(test_idempotent_on_a_paragraph),
        TEST(test_invalid_utf8_copied),
        TEST(test_nul_is_an_ordinary_character),
        TEST(test_length_shorter_than_the_string),
        TEST(test_empty_text),
        TEST(test_appends_to_the_buffer),
        TEST(test_apostrophes_between_letters),
        TEST(test_addresses_break_where_a_typographer_breaks),
        TEST(test_long_words_get_break_opportunities),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
