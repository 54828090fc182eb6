/* libFuzzer target for the house rules. Any bytes (not NUL-terminated, as
 * a cell of a table can be) must come out without a crash or an out-of-bounds
 * read, and the result is checked against the module's promises, in French
 * and in English:
 *   - applying it again changes nothing (idempotence), for a text without
 *     the marks of text as written;
 *   - valid UTF-8 stays valid UTF-8;
 *   - only spaces and quotation marks change: with U+0020, U+00A0 and U+202F
 *     removed and every quotation mark read as one, input and output are
 *     the same characters (the marks of text as written are dropped);
 *   - a language without rules copies the bytes unchanged (but for the marks
 *     of text as written);
 *   - the markup of a valid UTF-8 text parses, and pango shows as many
 *     bytes as fs_typo_markup says. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <pango/pango.h>

#include "i18n/fs_typo.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The length of the valid UTF-8 sequence at s[0..n), 0 when there is none
 * (written independently of the module, from RFC 3629's table). */
static size_t sequence(const uint8_t *s, size_t n)
{
    uint8_t low = 0x80, high = 0xBF;
    size_t length;
    if (s[0] < 0x80)
        return 1;
    if (s[0] >= 0xC2 && s[0] <= 0xDF)
        length = 2;
    else if (s[0] >= 0xE0 && s[0] <= 0xEF)
        length = 3;
    else if (s[0] >= 0xF0 && s[0] <= 0xF4)
        length = 4;
    else
        return 0;
    if (s[0] == 0xE0)
        low = 0xA0;
    if (s[0] == 0xED)
        high = 0x9F;
    if (s[0] == 0xF0)
        low = 0x90;
    if (s[0] == 0xF4)
        high = 0x8F;
    if (n < length || s[1] < low || s[1] > high)
        return 0;
    for (size_t k = 2; k < length; k++)
        if ((s[k] & 0xC0) != 0x80)
            return 0;
    return length;
}

static int valid_utf8(const uint8_t *s, size_t n)
{
    for (size_t at = 0; at < n;) {
        size_t length = sequence(s, n - at);
        if (!length)
            return 0;
        s += length;
        at += length;
    }
    return 1;
}

/* Whether the character s[0..length) is a quotation mark the rules write
 * or replace: " ' “ ” ‘ ’ « ». */
static int is_quote(const uint8_t *s, size_t length)
{
    static const char *const quotes[] = {"\"",     "'",      "\u201c", "\u201d",
                                         "\u2018", "\u2019", "\u00ab", "\u00bb"};
    for (size_t i = 0; i < sizeof quotes / sizeof *quotes; i++)
        if (strlen(quotes[i]) == length && memcmp(s, quotes[i], length) == 0)
            return 1;
    return 0;
}

/* The characters of s[0..n) without the three spaces the rules rewrite and
 * the marks of text as written, every quotation mark as '"'; a byte outside
 * UTF-8 is kept as a character of its own. Caller frees. */
static uint8_t *normalised(const uint8_t *s, size_t n, size_t *kept)
{
    uint8_t *out = malloc(n ? n : 1);
    if (!out)
        abort();
    *kept = 0;
    for (size_t at = 0; at < n;) {
        size_t length = sequence(s + at, n - at);
        if (!length)
            length = 1;
        int space = (length == 1 && s[at] == ' ') ||
                    (length == 2 && s[at] == 0xC2 && s[at + 1] == 0xA0) ||
                    (length == 3 && s[at] == 0xE2 && s[at + 1] == 0x80 && s[at + 2] == 0xAF) ||
                    (length == 3 && s[at] == 0xEE && s[at + 1] == 0x80 &&
                     (s[at + 2] == 0x82 || s[at + 2] == 0x83));
        if (is_quote(s + at, length)) {
            out[(*kept)++] = '"';
        } else if (!space) {
            memcpy(out + *kept, s + at, length);
            *kept += length;
        }
        at += length;
    }
    return out;
}

static int same(const uint8_t *a, size_t a_length, const uint8_t *b, size_t b_length)
{
    return a_length == b_length && (a_length == 0 || memcmp(a, b, a_length) == 0);
}

/* The language's hyphenation patterns, loaded once for the process. */
static const fs_hyphen *patterns(const char *lang)
{
    static fs_hyphen *loaded[2];
    int french = strcmp(lang, "fr") == 0;
    if (!loaded[french]) {
        fs_diags *diags = fs_diags_create();
        loaded[french] = fs_hyphen_load(lang, NULL, diags);
        fs_diags_free(diags);
        if (!loaded[french])
            abort(); /* scripts/deps installs hyphen-fr and hyphen-en-us */
    }
    return loaded[french];
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* A private copy, so reading one byte past size is caught by ASan. */
    char *text = malloc(size ? size : 1);
    if (!text)
        return 0;
    if (size)
        memcpy(text, data, size);

    const char *langs[] = {"fr", "en"};
    for (size_t l = 0; l < 2; l++) {
        fs_buf once = {0}, twice = {0};
        fs_typo_apply(langs[l], text, size, &once);
        fs_typo_apply(langs[l], fs_buf_str(&once), once.length, &twice);
        if (!fs_buf_ok(&once) || !fs_buf_ok(&twice))
            abort(); /* only an allocation failure can get here */
        const uint8_t *in = (const uint8_t *)text;
        const uint8_t *out = (const uint8_t *)fs_buf_str(&once);
        /* The marks of text as written are consumed: idempotence is
         * promised for texts without them. */
        int marks = memchr(text, 0xEE, size) != NULL; /* U+E000 to U+EFFF start with it */
        if (!marks && !same(out, once.length, (const uint8_t *)fs_buf_str(&twice), twice.length))
            __builtin_trap(); /* not idempotent */
        if (valid_utf8(in, size) && !valid_utf8(out, once.length))
            __builtin_trap(); /* broke valid UTF-8 */
        size_t in_kept, out_kept;
        uint8_t *in_bare = normalised(in, size, &in_kept);
        uint8_t *out_bare = normalised(out, once.length, &out_kept);
        /* (Dropping a mark between two stray bytes may join them into a
         * character: never in a valid text.) */
        if ((!marks || valid_utf8(in, size)) && !same(in_bare, in_kept, out_bare, out_kept))
            __builtin_trap(); /* changed something other than a space or a quote */
        free(out_bare);
        free(in_bare);
        fs_buf_free(&twice);
        fs_buf_free(&once);

        fs_buf markup = {0};
        size_t shown = fs_typo_markup(langs[l], patterns(langs[l]), text, size, &markup, NULL);
        char *plain = NULL;
        /* pango's markup reader turns "\r" into "\n" (XML's line ends);
         * Markdown never leaves one in a text. */
        if (valid_utf8((const uint8_t *)text, size) && !memchr(text, '\0', size) &&
            !memchr(text, '\r', size)) {
            if (!pango_parse_markup(fs_buf_str(&markup), -1, 0, NULL, &plain, NULL, NULL))
                __builtin_trap(); /* markup pango cannot read */
            /* (A tag mark is written back for the caller to replace: it
             * is not text pango shows.) */
            if (!marks && strlen(plain) != shown)
                __builtin_trap(); /* link offsets would be wrong */
            g_free(plain);
        }
        fs_buf_free(&markup);
    }

    fs_buf other = {0};
    fs_typo_apply("de", text, size, &other);
    int marks = memchr(text, 0xEE, size) != NULL; /* U+E000 to U+EFFF start with it */
    if (!marks &&
        !same((const uint8_t *)text, size, (const uint8_t *)fs_buf_str(&other), other.length))
        __builtin_trap(); /* a language without rules changed the text */
    fs_buf_free(&other);
    free(text);
    return 0;
}
