/* French typography as a single left-to-right pass over the text.
 *
 * The text is read as items (characters, or a whole URL or e-mail address)
 * separated by gaps: runs of U+0020, U+00A0 and U+202F, empty between two
 * adjacent items. Every rule is a decision about one gap from the items on
 * either side of it: keep it as written, or replace it with exactly one
 * space. Items are always copied as they are, so the only bytes that ever
 * change are spaces, and a gap the pass wrote is a gap the next pass keeps;
 * that is what makes the function idempotent.
 *
 * URLs and e-mail addresses are found per token (a run of characters between
 * whitespace) and become one item, so nothing inside them is touched. */
#include "fs_typo.h"

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#define NNBSP "\xe2\x80\xaf" /* U+202F NARROW NO-BREAK SPACE */
#define NBSP  "\xc2\xa0"     /* U+00A0 NO-BREAK SPACE */

enum { INVALID = -1 }; /* the code point of a byte that starts no valid UTF-8 */

typedef enum {
    ITEM_EDGE,   /* the start or the end of the text */
    ITEM_CHAR,   /* one character, or one byte that is not UTF-8 */
    ITEM_GUARDED /* a URL or e-mail address, copied untouched */
} item_kind;

typedef struct {
    item_kind kind;
    int32_t cp; /* ITEM_CHAR only */
    size_t start, end;
} item;

/* The token being read: tokens are found when the scan first enters them, so
 * each one is examined once and the whole pass stays linear. */
typedef struct {
    const char *text;
    size_t length;
    size_t token_end;
    size_t guard_start, guard_end; /* empty when the token has no URL or address */
} scanner;

/* Decodes the character at text[at..length). A byte that does not start a
 * complete, shortest-form sequence is INVALID and takes one byte, so the next
 * byte is read on its own: bytes the pass inserts (spaces) never start with a
 * continuation byte, so they cannot make an invalid sequence valid. */
static int32_t decode(const char *text, size_t length, size_t at, size_t *size)
{
    const unsigned char *s = (const unsigned char *)text + at;
    size_t available = length - at;
    unsigned char low = 0x80, high = 0xBF;
    size_t follow;
    int32_t cp;
    *size = 1;
    if (s[0] < 0x80)
        return s[0];
    if (s[0] >= 0xC2 && s[0] <= 0xDF) {
        follow = 1;
        cp = s[0] & 0x1F;
    } else if (s[0] >= 0xE0 && s[0] <= 0xEF) {
        follow = 2;
        cp = s[0] & 0x0F;
        low = s[0] == 0xE0 ? 0xA0 : 0x80;  /* no overlong forms */
        high = s[0] == 0xED ? 0x9F : 0xBF; /* no surrogates */
    } else if (s[0] >= 0xF0 && s[0] <= 0xF4) {
        follow = 3;
        cp = s[0] & 0x07;
        low = s[0] == 0xF0 ? 0x90 : 0x80;
        high = s[0] == 0xF4 ? 0x8F : 0xBF; /* nothing past U+10FFFF */
    } else {
        return INVALID;
    }
    if (available <= follow || s[1] < low || s[1] > high)
        return INVALID;
    for (size_t k = 1; k <= follow; k++) {
        if ((s[k] & 0xC0) != 0x80)
            return INVALID;
        cp = cp << 6 | (s[k] & 0x3F);
    }
    *size = follow + 1;
    return cp;
}

/* ---- character classes -------------------------------------------------- */

/* The spaces the rules replace. */
static bool is_gap_space(int32_t cp)
{
    return cp == ' ' || cp == 0xA0 || cp == 0x202F;
}

/* Line breaks, tabs and the other Unicode spaces: they end a token but are
 * never replaced, and no space is put next to them. */
static bool is_other_space(int32_t cp)
{
    return (cp >= '\t' && cp <= '\r') || cp == 0x85 || cp == 0x1680 ||
           (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029 || cp == 0x205F ||
           cp == 0x3000;
}

static bool is_blank(int32_t cp)
{
    return is_gap_space(cp) || is_other_space(cp);
}

static bool is_digit(int32_t cp)
{
    return cp >= '0' && cp <= '9';
}

static bool is_ascii_letter(int32_t cp)
{
    return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
}

/* The characters a URL scheme is made of (RFC 3986). */
static bool is_scheme_char(char c)
{
    return is_ascii_letter(c) || is_digit(c) || c == '+' || c == '-' || c == '.';
}

static bool is_one_of(int32_t cp, const int32_t *list, size_t count)
{
    for (size_t k = 0; k < count; k++)
        if (list[k] == cp)
            return true;
    return false;
}

#define ONE_OF(cp, list) is_one_of(cp, list, sizeof(list) / sizeof(list)[0])

/* Marks that may open a token around an address, "(jean@x.fr)":
 * ( [ { < " ' « ‹ “ ‘ „ ‚ */
static const int32_t opening_marks[] = {'(',  '[',    '{',    '<',    '"',    '\'',
                                        0xAB, 0x2039, 0x201C, 0x2018, 0x201E, 0x201A};

/* Marks that may close a sentence or a quote after an address or a URL:
 * "voir https://x.org ?" asks a question about the URL, it is not part of it.
 * . , ; : ! ? ) ] } > " ' » › ” ’ … */
static const int32_t trailing_marks[] = {'.', ',', ';',  ':',  '!',    '?',    ')',    ']',   '}',
                                         '>', '"', '\'', 0xBB, 0x203A, 0x201D, 0x2019, 0x2026};

/* Marks outside ASCII that end a word although their block is punctuation:
 * the closing quotes ’ ” › and the per-mille signs ‰ ‱. */
static const int32_t closing_punctuation[] = {0x2019, 0x201D, 0x203A, 0x2030, 0x2031};

/* Latin-1 marks after which no space is inserted: ¡ « ¬ soft hyphen · ¿ */
static const int32_t latin1_punctuation[] = {0xA1, 0xAB, 0xAC, 0xAD, 0xB7, 0xBF};

/* ASCII marks that end a word as a letter does. */
static const int32_t ascii_word_ends[] = {')', ']', '}', '"', '\'', '%', '$'};

/* Punctuation outside ASCII after which no space is inserted: Latin-1 marks,
 * C1 controls, the General Punctuation block (dashes, "…", opening quotes),
 * Supplemental Punctuation and CJK punctuation. */
static bool is_unicode_punctuation(int32_t cp)
{
    if (ONE_OF(cp, closing_punctuation))
        return false;
    return cp < 0xA0 || ONE_OF(cp, latin1_punctuation) || (cp >= 0x2000 && cp <= 0x206F) ||
           (cp >= 0x2E00 && cp <= 0x2E7F) || (cp >= 0x3000 && cp <= 0x303F);
}

/* Whether a mark written right after this character belongs to the word
 * before it and so gets its space: letters and digits of any script,
 * symbols, closing quotes and brackets, and the end of a URL or address. */
static bool ends_word(item left)
{
    if (left.kind == ITEM_GUARDED)
        return true;
    if (left.kind != ITEM_CHAR || left.cp == INVALID)
        return false;
    int32_t cp = left.cp;
    if (cp < 0x80)
        return is_ascii_letter(cp) || is_digit(cp) || ONE_OF(cp, ascii_word_ends);
    return !is_blank(cp) && !is_unicode_punctuation(cp);
}

static bool is_char(item it, int32_t cp)
{
    return it.kind == ITEM_CHAR && it.cp == cp;
}

static bool is_digit_item(item it)
{
    return it.kind == ITEM_CHAR && is_digit(it.cp);
}

/* ---- URLs and e-mail addresses ------------------------------------------ */

static bool starts_with_ci(const char *text, size_t at, size_t end, const char *prefix)
{
    size_t n = strlen(prefix);
    if (end - at < n)
        return false;
    for (size_t k = 0; k < n; k++) {
        char c = text[at + k];
        if (c >= 'A' && c <= 'Z')
            c = (char)(c - 'A' + 'a');
        if (c != prefix[k])
            return false;
    }
    return true;
}

/* The length of the URL prefix at text[at] ("https://", "mailto:", "www."),
 * 0 when none starts there. */
static size_t url_prefix(const char *text, size_t at, size_t end)
{
    if (starts_with_ci(text, at, end, "www."))
        return 4;
    if (starts_with_ci(text, at, end, "mailto:"))
        return 7;
    size_t scheme_end = at;
    while (scheme_end < end && is_scheme_char(text[scheme_end]))
        scheme_end++;
    return starts_with_ci(text, scheme_end, end, "://") ? scheme_end + 3 - at : 0;
}

/* The first URL in text[start..end), or end when there is none; *prefix_end
 * gets the end of its prefix. A URL starts with a letter that does not
 * continue a scheme-like word, so "xhttp://" is a URL from "x" and
 * "awww.x" is no URL. Only bytes are compared: a letter is always ASCII, and
 * an ASCII byte is always a character of its own. */
static size_t find_url(const char *text, size_t start, size_t end, size_t *prefix_end)
{
    for (size_t at = start; at < end; at++) {
        if (!is_ascii_letter(text[at]) || (at > start && is_scheme_char(text[at - 1])))
            continue;
        size_t n = url_prefix(text, at, end);
        if (n) {
            *prefix_end = at + n;
            return at;
        }
    }
    return end;
}

/* Whether text[start..end) holds an "@" with a character on either side. */
static bool has_inner_at(const char *text, size_t start, size_t end)
{
    return end - start >= 3 && memchr(text + start + 1, '@', end - start - 2) != NULL;
}

/* Reads the token that starts at start and records which part of it is
 * guarded. The core of a token is the token without opening marks before it
 * and sentence marks after it. An e-mail address guards the whole core; a URL
 * guards from its prefix to the end of the core (never less than the prefix,
 * so a bare "www." stays whole). Everything else in the token is ordinary
 * text. */
static void read_token(scanner *s, size_t start)
{
    size_t at = start, core_start = 0, core_end = 0;
    bool opening = true;
    while (at < s->length) {
        size_t size;
        int32_t cp = decode(s->text, s->length, at, &size);
        if (is_blank(cp))
            break;
        if (opening && !ONE_OF(cp, opening_marks)) {
            opening = false;
            core_start = core_end = at;
        }
        if (!opening && !ONE_OF(cp, trailing_marks))
            core_end = at + size;
        at += size;
    }
    if (opening)
        core_start = core_end = at;
    s->token_end = at;
    s->guard_start = s->guard_end = 0;
    if (has_inner_at(s->text, core_start, core_end)) {
        s->guard_start = core_start;
        s->guard_end = core_end;
        return;
    }
    size_t prefix_end = 0;
    size_t url = find_url(s->text, start, at, &prefix_end);
    if (url == at)
        return;
    s->guard_start = url;
    s->guard_end = core_end > prefix_end ? core_end : prefix_end;
}

/* ---- the pass ----------------------------------------------------------- */

static size_t skip_gap(const scanner *s, size_t at)
{
    size_t size;
    while (at < s->length && is_gap_space(decode(s->text, s->length, at, &size)))
        at += size;
    return at;
}

/* The item at at, which is not a gap space. */
static item item_at(scanner *s, size_t at)
{
    if (at >= s->length)
        return (item){ITEM_EDGE, INVALID, at, at};
    size_t size;
    int32_t cp = decode(s->text, s->length, at, &size);
    if (at >= s->token_end && !is_blank(cp))
        read_token(s, at);
    if (at == s->guard_start && s->guard_end > at)
        return (item){ITEM_GUARDED, INVALID, at, s->guard_end};
    return (item){ITEM_CHAR, cp, at, at + size};
}

/* The byte after right, or NUL at the end (only compared with ASCII). */
static char byte_after(const scanner *s, item right)
{
    return right.end < s->length ? s->text[right.end] : '\0';
}

/* ";" and ":" written between two digits are a list or a ratio ("1;2",
 * "3:2", "10:30"), not punctuation. */
static bool between_digits(const scanner *s, item left, item right)
{
    return is_digit_item(left) && is_digit(byte_after(s, right));
}

/* Guillemets get their space next to any character on the same line, but
 * not at the edge of the text or next to a line break or tab. */
static bool before_text(item right)
{
    return right.kind == ITEM_GUARDED || (right.kind == ITEM_CHAR && !is_other_space(right.cp));
}

static bool after_text(item left)
{
    return left.kind == ITEM_GUARDED || (left.kind == ITEM_CHAR && !is_other_space(left.cp));
}

/* The rules, as the space that replaces the gap between left and right, or
 * NULL to keep the gap as written (nothing when it is empty). The guillemet
 * rule comes first, so "«" followed by any mark always gets its one narrow
 * space and the next pass reaches the same decision. */
static const char *gap_for(const scanner *s, item left, item right, bool empty)
{
    if (is_char(left, 0xAB) || is_char(left, 0x2039)) /* « ‹ */
        return !empty || before_text(right) ? NNBSP : NULL;
    if (right.kind != ITEM_CHAR)
        return NULL;
    switch (right.cp) {
    case ';':
        if (empty && between_digits(s, left, right))
            return NULL;
        return !empty || ends_word(left) ? NNBSP : NULL;
    case '!':
    case '?':
        return !empty || ends_word(left) ? NNBSP : NULL;
    case ':':
        if (byte_after(s, right) == ':' || (empty && between_digits(s, left, right)))
            return NULL; /* "std::map", "10:30", "3:2": not a colon of a sentence */
        return !empty || ends_word(left) ? NBSP : NULL;
    case '%':
        return is_digit_item(left) ? NNBSP : NULL;
    case 0xBB:   /* » */
    case 0x203A: /* › */
        return empty && !after_text(left) ? NULL : NNBSP;
    default:
        return NULL;
    }
}

static void put_gap(const scanner *s, fs_buf *out, item left, size_t gap_start, item right)
{
    const char *space = gap_for(s, left, right, gap_start == right.start);
    if (space)
        fs_buf_puts(out, space);
    else
        fs_buf_append(out, s->text + gap_start, right.start - gap_start);
}

/* "fr", "fr-CA", "FR_be": the primary subtag decides. */
static bool is_french(const char *lang)
{
    if (!lang || (lang[0] != 'f' && lang[0] != 'F') || (lang[1] != 'r' && lang[1] != 'R'))
        return false;
    return lang[2] == '\0' || lang[2] == '-' || lang[2] == '_';
}

static void apply_french(const char *text, size_t length, fs_buf *out)
{
    scanner s = {.text = text, .length = length};
    item left = {ITEM_EDGE, INVALID, 0, 0};
    size_t at = 0;
    for (;;) {
        size_t gap_start = at;
        at = skip_gap(&s, at);
        item right = item_at(&s, at);
        put_gap(&s, out, left, gap_start, right);
        if (right.kind == ITEM_EDGE)
            return;
        fs_buf_append(out, text + right.start, right.end - right.start);
        left = right;
        at = right.end;
    }
}

void fs_typo_apply(const char *lang, const char *text, size_t length, fs_buf *out)
{
    if (length == 0)
        return;
    if (is_french(lang))
        apply_french(text, length, out);
    else
        fs_buf_append(out, text, length);
}

/* A letter byte on either side: ASCII letters, or any byte of a multi-byte
 * UTF-8 character (é, ß, ...), which in running text is nearly always a
 * letter. */
static bool letter_byte(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

void fs_typo_apostrophes(const char *text, fs_buf *out)
{
    size_t start = 0;
    for (size_t i = 0; text[i]; i++) {
        if (text[i] != '\'' || i == 0 || !letter_byte((unsigned char)text[i - 1]) ||
            !letter_byte((unsigned char)text[i + 1]))
            continue;
        fs_buf_append(out, text + start, i - start);
        fs_buf_puts(out, "\u2019");
        start = i + 1;
    }
    fs_buf_puts(out, text + start);
}

enum { FS_LONG_WORD = 40, FS_LONG_WORD_PIECE = 30 };

static bool breaks_word(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

void fs_typo_break_long_words(const char *text, fs_buf *out)
{
    const char *c = text;
    while (*c) {
        /* One word: up to the next blank, counted in characters. */
        const char *end = c;
        size_t characters = 0;
        while (*end && !breaks_word((unsigned char)*end)) {
            characters += ((unsigned char)*end & 0xC0) != 0x80;
            end++;
        }
        if (characters <= FS_LONG_WORD) {
            fs_buf_append(out, c, (size_t)(end - c));
        } else {
            size_t count = 0;
            for (const char *p = c; p < end; p++) {
                bool starts = ((unsigned char)*p & 0xC0) != 0x80;
                if (starts && count && count % FS_LONG_WORD_PIECE == 0)
                    fs_buf_puts(out, "\u200b");
                count += starts;
                fs_buf_putc(out, *p);
            }
        }
        const char *blank = end;
        while (*blank && breaks_word((unsigned char)*blank))
            blank++;
        fs_buf_append(out, end, (size_t)(blank - end));
        c = blank;
    }
}
