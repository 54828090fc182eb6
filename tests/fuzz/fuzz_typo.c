/* libFuzzer target for French typography. Any bytes (not NUL-terminated, as
 * a cell of a table can be) must come out without a crash or an out-of-bounds
 * read, and the result is checked against the module's promises:
 *   - applying it again changes nothing (idempotence);
 *   - valid UTF-8 stays valid UTF-8;
 *   - only spaces change: with U+0020, U+00A0 and U+202F removed, input and
 *     output are the same characters;
 *   - a language other than French copies the bytes unchanged. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

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

/* The characters of s[0..n) without the three spaces the rules rewrite;
 * a byte outside UTF-8 is kept as a character of its own. Caller frees. */
static uint8_t *without_spaces(const uint8_t *s, size_t n, size_t *kept)
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
                    (length == 3 && s[at] == 0xE2 && s[at + 1] == 0x80 && s[at + 2] == 0xAF);
        if (!space) {
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

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* A private copy, so reading one byte past size is caught by ASan. */
    char *text = malloc(size ? size : 1);
    if (!text)
        return 0;
    if (size)
        memcpy(text, data, size);

    fs_buf once = {0}, twice = {0}, english = {0};
    fs_typo_apply("fr", text, size, &once);
    fs_typo_apply("fr", fs_buf_str(&once), once.length, &twice);
    fs_typo_apply("en", text, size, &english);
    if (!fs_buf_ok(&once) || !fs_buf_ok(&twice) || !fs_buf_ok(&english))
        abort(); /* only an allocation failure can get here */

    const uint8_t *in = (const uint8_t *)text;
    const uint8_t *out = (const uint8_t *)fs_buf_str(&once);
    if (!same(out, once.length, (const uint8_t *)fs_buf_str(&twice), twice.length))
        __builtin_trap(); /* not idempotent */
    if (valid_utf8(in, size) && !valid_utf8(out, once.length))
        __builtin_trap(); /* broke valid UTF-8 */
    if (!same(in, size, (const uint8_t *)fs_buf_str(&english), english.length))
        __builtin_trap(); /* English changed */

    size_t in_kept, out_kept;
    uint8_t *in_bare = without_spaces(in, size, &in_kept);
    uint8_t *out_bare = without_spaces(out, once.length, &out_kept);
    if (!same(in_bare, in_kept, out_bare, out_kept))
        __builtin_trap(); /* changed something other than a space */

    free(out_bare);
    free(in_bare);
    fs_buf_free(&english);
    fs_buf_free(&twice);
    fs_buf_free(&once);
    free(text);
    return 0;
}
