/* Hyphenation on libhyphen.
 *
 * Thread safety: hnj_hyphen_hyphenate3 walks the dictionary's state machine
 * without writing it (hyphen.c, hnj_hyphen_hyph_: every buffer it writes is
 * its own or the caller's), so one loaded dictionary serves every thread.
 *
 * libhyphen's patterns are lower case, and with a UTF-8 dictionary the
 * hyphen vector it returns is indexed by character, not by byte
 * (hnj_hyphen_norm). A word is therefore lowered with ICU's simple case
 * mapping, which maps one character to one character, so the vector's
 * indices are those of the word as written. */
#include "i18n/fs_hyphen.h"

#include <hyphen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "core/fs_alloc.h"

#define DEFAULT_DIR "/usr/share/hyphen"

struct fs_hyphen {
    HyphenDict *dict;
};

/* Copies the letters of a subtag ("fr", "CA") in the case asked; false
 * when the subtag is not 2 to 8 ASCII letters. */
static bool copy_subtag(const char *from, size_t length, bool upper, char *to)
{
    if (length < 2 || length > 8)
        return false;
    for (size_t i = 0; i < length; i++) {
        char c = from[i];
        bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        if (!letter)
            return false;
        c = (char)(c | 0x20);
        to[i] = upper ? (char)(c - 'a' + 'A') : c;
    }
    to[length] = '\0';
    return true;
}

static HyphenDict *load_file(const char *dir, const char *language, const char *region)
{
    char path[4096];
    if (region)
        snprintf(path, sizeof path, "%s/hyph_%s_%s.dic", dir, language, region);
    else
        snprintf(path, sizeof path, "%s/hyph_%s.dic", dir, language);
    FILE *file = fopen(path, "r");
    if (!file)
        return NULL;
    HyphenDict *dict = hnj_hyphen_load_file(file);
    fclose(file);
    return dict;
}

fs_hyphen *fs_hyphen_load(const char *lang, const char *dir, fs_diags *diags)
{
    dir = dir ? dir : DEFAULT_DIR;
    char language[9] = "", region[9] = "";
    size_t primary = strcspn(lang, "-_");
    bool valid = copy_subtag(lang, primary, false, language);
    bool has_region =
        valid && lang[primary] &&
        copy_subtag(lang + primary + 1, strcspn(lang + primary + 1, "-_"), true, region);
    HyphenDict *dict = NULL;
    if (valid && has_region)
        dict = load_file(dir, language, region);
    if (valid && !dict)
        dict = load_file(dir, language, NULL);
    if (!dict) {
        fs_warning(diags, fs_pos_at(NULL, 0, 0),
                   valid ? "install the Debian package of the language's patterns (hyphen-fr, "
                           "hyphen-en-us, hyphen-de, ...)"
                         : "name the language with a tag such as \"fr\" or \"en-US\"",
                   "no hyphenation patterns for '%s' (%s/hyph_%s.dic): its words are not "
                   "hyphenated",
                   lang, dir, valid ? language : "??");
        return NULL;
    }
    fs_hyphen *hyphen = fs_calloc(1, sizeof *hyphen);
    if (!hyphen) {
        hnj_hyphen_free(dict);
        fs_error(diags, fs_pos_at(NULL, 0, 0), NULL,
                 "out of memory while loading hyphenation patterns");
        return NULL;
    }
    hyphen->dict = dict;
    return hyphen;
}

void fs_hyphen_free(fs_hyphen *hyphen)
{
    if (!hyphen)
        return;
    hnj_hyphen_free(hyphen->dict);
    free(hyphen);
}

/* Lowers word into lower (of capacity bytes, NUL-terminated); returns its
 * length in bytes and sets *characters, or returns 0 when word is not valid
 * UTF-8 or does not fit. */
static size_t lower_word(const char *word, size_t length, char *lower, size_t capacity,
                         size_t *characters)
{
    size_t at = 0, written = 0, count = 0;
    while (at < length) {
        UChar32 c;
        U8_NEXT(word, at, length, c);
        if (c < 0)
            return 0;
        UBool error = false;
        U8_APPEND((uint8_t *)lower, written, capacity - 1, u_tolower(c), error);
        if (error)
            return 0;
        count++;
    }
    lower[written] = '\0';
    *characters = count;
    return written;
}

void fs_hyphen_word(const fs_hyphen *hyphen, const char *word, size_t length, fs_buf *out)
{
    char lower[4 * FS_HYPHEN_MAX_WORD + 1];
    char hyphens[sizeof lower + 5];
    size_t characters = 0, lowered = 0;
    if (hyphen && length <= FS_HYPHEN_MAX_WORD)
        lowered = lower_word(word, length, lower, sizeof lower, &characters);
    if (!lowered || characters < FS_HYPHEN_MIN_WORD) {
        fs_buf_append(out, word, length);
        return;
    }
    char **rep = NULL;
    int *pos = NULL, *cut = NULL;
    memset(hyphens, 0, sizeof hyphens);
    int failed =
        hnj_hyphen_hyphenate3(hyphen->dict, lower, (int)lowered, hyphens, NULL, &rep, &pos, &cut,
                              FS_HYPHEN_BEFORE, FS_HYPHEN_AFTER, FS_HYPHEN_BEFORE, FS_HYPHEN_AFTER);
    size_t at = 0;
    for (size_t k = 0; k < characters; k++) {
        size_t start = at;
        U8_FWD_1(word, at, length);
        fs_buf_append(out, word + start, at - start);
        /* A break that changes letters (German "Schiffahrt") cannot be a
         * soft hyphen; none of the shipped patterns has one. */
        bool allowed = !failed && (hyphens[k] & 1) && !(rep && rep[k]) &&
                       k + 1 >= FS_HYPHEN_BEFORE && characters - (k + 1) >= FS_HYPHEN_AFTER;
        if (allowed)
            fs_buf_puts(out, FS_SOFT_HYPHEN);
    }
    if (rep)
        for (size_t i = 0; i < lowered; i++)
            free(rep[i]);
    free(rep);
    free(pos);
    free(cut);
}
