/* The house rules of each language as one left-to-right pass over the text,
 * and, for markup, a second pass that adds superscripts and soft hyphens.
 *
 * The first pass reads the text as items (characters, or a whole URL,
 * e-mail address or text as written) separated by gaps: runs of U+0020,
 * U+00A0 and U+202F, empty between two adjacent items. Every spacing rule is
 * a decision about one gap from the items on either side of it: keep it as
 * written, or replace it with exactly one space; the only items that change
 * are quotation marks, each into a mark that the rules map to itself. A gap
 * the pass wrote is a gap the next pass keeps, and a mark it wrote is one it
 * keeps: that is what makes the pass idempotent.
 *
 * What differs between languages is data: the table `languages` below,
 * one entry per language, and nothing else in this file names a language.
 *
 * URLs and e-mail addresses are found per token (a run of characters between
 * whitespace) and become one item, so nothing inside them is touched. */
#include "fs_typo.h"

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include <unicode/uchar.h>

#define NNBSP "\xe2\x80\xaf" /* U+202F NARROW NO-BREAK SPACE */
#define NBSP  "\xc2\xa0"     /* U+00A0 NO-BREAK SPACE */
#define ZWSP  "\xe2\x80\x8b" /* U+200B ZERO WIDTH SPACE: a break that draws nothing */

/* Superior letters through the font's OpenType feature (Inter has them for
 * e, r, s, d and m, in every weight and style of the set). */
#define SUPERSCRIPT_OPEN  "<span font_features=\"sups\">"
#define SUPERSCRIPT_CLOSE "</span>"

enum { INVALID = -1 }; /* the code point of a byte that starts no valid UTF-8 */

/* ---- the rules of each language ----------------------------------------- */

/* When a spaced mark gets its space. */
enum {
    AFTER_WORD = 0,         /* written without a space: only after a word ("Oui!", not "(!)") */
    AFTER_DIGIT = 1,        /* only after a digit, space written or not ("94%", not "taux %") */
    AFTER_TEXT = 2,         /* written without a space: after any text on the line ("»") */
    NOT_BETWEEN_DIGITS = 4, /* not written between two digits without a space ("10:30") */
    NOT_DOUBLED = 8         /* not when doubled ("std::map") */
};

/* A mark the language writes with a space before it. */
typedef struct {
    int32_t mark;
    const char *space;
    unsigned when;
} spaced_mark;

typedef struct {
    const char *lang; /* the primary subtag: "fr" covers fr-CA, fr_BE, ... */
    const spaced_mark *marks;
    size_t mark_count;
    /* Marks followed by a narrow no-break space (French « and ‹). */
    const int32_t *opening;
    size_t opening_count;
    /* Outer quotes are guillemets, inner ones “ ” (French); else “ ”. */
    bool guillemets;
    /* Words of up to this many letters keep with the next word. */
    int short_word_letters;
    /* Further words that keep with the next one, exactly as written. */
    const char *const *keep_words;
    /* A number keeps with the word after it; else only with these units. */
    bool number_keeps_word;
    const char *const *units;
    /* Suffixes of ordinals, shown superscript after a number or a Roman
     * numeral ("1er", "XXe"); NULL for none. */
    const char *const *ordinals;
} language_rules;

/* French, after the Imprimerie nationale's Lexique des règles
 * typographiques: the spaces of high punctuation, one- and two-letter words
 * and numbers kept with what follows, abbreviated titles and "n°" kept with
 * their noun or number, ordinals as the Lexique abbreviates them (1er, 1re,
 * 2e, 2d, 2de, plurals with s; never "ème"). */
static const spaced_mark french_marks[] = {
    {';', NNBSP, AFTER_WORD | NOT_BETWEEN_DIGITS},
    {'!', NNBSP, AFTER_WORD},
    {'?', NNBSP, AFTER_WORD},
    {':', NBSP, AFTER_WORD | NOT_BETWEEN_DIGITS | NOT_DOUBLED},
    {'%', NNBSP, AFTER_DIGIT},
    {0xBB, NNBSP, AFTER_TEXT},   /* » */
    {0x203A, NNBSP, AFTER_TEXT}, /* › */
};
static const int32_t french_opening[] = {0xAB, 0x2039}; /* « ‹ */
static const char *const french_keep_words[] = {"n°",  "N°",   "nº",    "Nº",    "M.", "MM.",
                                                "Mme", "Mmes", "Mlle",  "Mlles", "Dr", "Pr",
                                                "p.",  "art.", "chap.", NULL};
static const char *const french_ordinals[] = {"er", "re", "ers", "res", "e", "es",
                                              "d",  "de", "ds",  "des", NULL};

/* English: "a" and "I" never end a line, nor a number its unit. */
static const char *const english_keep_words[] = {"a", "A", "I", NULL};
static const char *const english_units[] = {
    "%",       "‰",        "km",       "km²",     "m",       "m²",  "m³",  "cm",  "mm",  "kg",
    "g",       "t",        "ha",       "l",       "L",       "ml",  "mL",  "h",   "min", "s",
    "°C",      "°F",       "W",        "kW",      "MW",      "GW",  "kWh", "MWh", "V",   "million",
    "billion", "trillion", "thousand", "hundred", "percent", "per", NULL};

static const language_rules languages[] = {
    {.lang = "fr",
     .marks = french_marks,
     .mark_count = sizeof french_marks / sizeof *french_marks,
     .opening = french_opening,
     .opening_count = sizeof french_opening / sizeof *french_opening,
     .guillemets = true,
     .short_word_letters = 2,
     .keep_words = french_keep_words,
     .number_keeps_word = true,
     .ordinals = french_ordinals},
    {.lang = "en", .keep_words = english_keep_words, .units = english_units},
};

/* The rules of a tag ("fr", "fr-CA", "FR_be"): its primary subtag decides;
 * NULL for a language without rules. */
static const language_rules *rules_for(const char *lang)
{
    if (!lang)
        return NULL;
    size_t primary = strcspn(lang, "-_");
    for (size_t i = 0; i < sizeof languages / sizeof *languages; i++) {
        const char *name = languages[i].lang;
        if (strlen(name) != primary)
            continue;
        size_t k = 0;
        while (k < primary && (lang[k] | 0x20) == name[k])
            k++;
        if (k == primary)
            return &languages[i];
    }
    return NULL;
}

/* The first needle in text[0..length), or NULL (memmem is not C17). */
static const char *find(const char *text, size_t length, const char *needle)
{
    size_t n = strlen(needle);
    for (const char *at = text; n && (size_t)(at - text) + n <= length; at++) {
        at = memchr(at, needle[0], length - (size_t)(at - text) - n + 1);
        if (!at)
            return NULL;
        if (memcmp(at, needle, n) == 0)
            return at;
    }
    return NULL;
}

static bool in_list(const char *const *list, const char *text, size_t length)
{
    for (; list && *list; list++)
        if (strlen(*list) == length && memcmp(*list, text, length) == 0)
            return true;
    return false;
}

/* ---- reading the text --------------------------------------------------- */

typedef enum {
    ITEM_EDGE,   /* the start or the end of the text */
    ITEM_CHAR,   /* one character, or one byte that is not UTF-8 */
    ITEM_GUARDED /* a URL, an e-mail address or text as written: copied untouched */
} item_kind;

typedef struct {
    item_kind kind;
    int32_t cp; /* ITEM_CHAR only: the character as the rules see it */
    size_t start, end;
    const char *shown; /* what is written for it, when not its own bytes (a quote) */
} item;

/* The pass over one text. Tokens are found when the scan first enters them,
 * so each one is examined once and the whole pass stays linear. */
typedef struct {
    const language_rules *rules;
    const char *text;
    size_t length;
    size_t token_end;
    size_t guard_start, guard_end; /* empty when the token has no URL or address */
    int quote_depth;               /* double quotes open (guillemets count) */
    bool keep_as_written_marks;    /* the markup pass still needs them */
    bool keep_words;               /* the text is broken into lines: words keep together */
} scanner;

/* ---- characters ------------------------------------------------------- */

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

/* FS_TYPO_TAG: markup that is not text. The rules read through it: it is
 * part of the gap it stands in, and it ends a word or a token as a space
 * does, though none is there. */
enum { TAG = 0xE004 };

/* Whether cp ends a token: a blank, or a tag. */
static bool ends_token(int32_t cp)
{
    return is_blank(cp) || cp == TAG;
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
 * ( [ { < " ' « ‹ “ ‘ ’ „ ‚ (an apostrophe, as the straight one it replaces) */
static const int32_t opening_marks[] = {'(',    '[',    '{',    '<',    '"',    '\'',  0xAB,
                                        0x2039, 0x201C, 0x2018, 0x2019, 0x201E, 0x201A};

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
        if (ends_token(cp))
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

/* ---- the first pass: spaces and quotes ---------------------------------- */

static bool starts_with(const scanner *s, size_t at, const char *prefix)
{
    size_t n = strlen(prefix);
    return s->length - at >= n && memcmp(s->text + at, prefix, n) == 0;
}

/* The end of the gap at at: its spaces, and the tags among them; *spaces
 * tells whether it holds a space (a gap of tags alone is empty). */
static size_t skip_gap(const scanner *s, size_t at, bool *spaces)
{
    size_t size;
    *spaces = false;
    for (int32_t cp; at < s->length; at += size) {
        cp = decode(s->text, s->length, at, &size);
        if (cp == TAG)
            continue;
        if (!is_gap_space(cp))
            break;
        *spaces = true;
    }
    return at;
}

/* Writes the space a rule chose for the gap text[start..end): the tags
 * before its first space, the space, the tags after. */
static void put_space(const scanner *s, size_t start, size_t end, const char *space, fs_buf *out)
{
    bool written = false;
    for (size_t at = start, size; at < end; at += size) {
        int32_t cp = decode(s->text, s->length, at, &size);
        if (cp == TAG) {
            fs_buf_append(out, s->text + at, size);
        } else if (!written) {
            fs_buf_puts(out, space);
            written = true;
        }
    }
    if (!written)
        fs_buf_puts(out, space);
}

/* The end of text as written that starts at at: after its end mark, or the
 * end of the text when it has none. */
static size_t as_written_end(const scanner *s, size_t at)
{
    const char *end = find(s->text + at, s->length - at, FS_TYPO_AS_WRITTEN_END);
    return end ? (size_t)(end - s->text) + strlen(FS_TYPO_AS_WRITTEN_END) : s->length;
}

/* The item at at, which is not a gap space. */
static item item_at(scanner *s, size_t at)
{
    if (at >= s->length)
        return (item){ITEM_EDGE, INVALID, at, at, NULL};
    if (starts_with(s, at, FS_TYPO_AS_WRITTEN_START))
        return (item){ITEM_GUARDED, INVALID, at, as_written_end(s, at), NULL};
    size_t size;
    int32_t cp = decode(s->text, s->length, at, &size);
    if (at >= s->token_end && !is_blank(cp))
        read_token(s, at);
    if (at == s->guard_start && s->guard_end > at)
        return (item){ITEM_GUARDED, INVALID, at, s->guard_end, NULL};
    return (item){ITEM_CHAR, cp, at, at + size, NULL};
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

/* Marks after which a quote opens rather than closes: dashes, slashes,
 * opening brackets and quotes. */
static const int32_t quote_openers[] = {'(',    '[',    '{',    '<',    '-',    '/',   0xAB,
                                        0x2039, 0x201C, 0x2018, 0x201E, 0x2013, 0x2014};

/* Writes a quotation mark as the language does. A straight quote opens
 * after a space, at the start, or after an opening mark, when text follows
 * it; it closes elsewhere. An apostrophe before a digit stays one ('90s).
 * With guillemets, the outermost double quotes are « », the inner “ ”. */
static void set_quote(scanner *s, item left, bool empty, item *right)
{
    size_t size;
    bool before_text =
        right->end < s->length && !is_blank(decode(s->text, s->length, right->end, &size));
    bool opens =
        before_text &&
        (left.kind == ITEM_EDGE || !empty ||
         (left.kind == ITEM_CHAR && (is_other_space(left.cp) || ONE_OF(left.cp, quote_openers))));
    int32_t cp = right->cp;
    if (cp == '\'') {
        bool apostrophe = !opens || is_digit(byte_after(s, *right));
        right->cp = apostrophe ? 0x2019 : 0x2018;
        right->shown = apostrophe ? "\u2019" : "\u2018";
        return;
    }
    bool opening = cp == '"' ? opens : cp == 0x201C || cp == 0xAB;
    bool closing = cp == '"' ? !opens : cp == 0x201D || cp == 0xBB;
    if (!opening && !closing)
        return;
    if (!s->rules->guillemets) {
        if (cp == '"') {
            right->cp = opening ? 0x201C : 0x201D;
            right->shown = opening ? "\u201c" : "\u201d";
        }
        return;
    }
    bool outer = opening ? s->quote_depth++ == 0 : s->quote_depth <= 1;
    if (closing && s->quote_depth > 0)
        s->quote_depth--;
    if (cp == 0xAB || cp == 0xBB)
        return;
    right->cp = outer ? (opening ? 0xAB : 0xBB) : (opening ? 0x201C : 0x201D);
    right->shown = outer ? (opening ? "«" : "»") : (opening ? "\u201c" : "\u201d");
}

static bool is_quote(int32_t cp)
{
    return cp == '"' || cp == '\'' || cp == 0x201C || cp == 0x201D || cp == 0xAB || cp == 0xBB;
}

/* ---- words that keep with the next -------------------------------------- */

static bool is_letter(int32_t cp)
{
    return cp >= 0 && (u_isUAlphabetic(cp) || (U_GET_GC_MASK(cp) & U_GC_M_MASK));
}

/* Skips opening marks at text[at..end). */
static size_t skip_opening(const scanner *s, size_t at, size_t end)
{
    size_t size;
    while (at < end && ONE_OF(decode(s->text, end, at, &size), opening_marks))
        at += size;
    return at;
}

/* Whether text[start..end) is a Roman numeral, I to MMMCMXCIX, of two
 * letters at least, or I, V or X alone: a single C, D, L or M is a word
 * ("Le", "De", "Me"). */
static bool is_roman(const char *text, size_t start, size_t end)
{
    static const char *const digits[3][10] = {
        {"", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"},
        {"", "X", "XX", "XXX", "XL", "L", "LX", "LXX", "LXXX", "XC"},
        {"", "C", "CC", "CCC", "CD", "D", "DC", "DCC", "DCCC", "CM"}};
    if (end - start == 1)
        return text[start] == 'I' || text[start] == 'V' || text[start] == 'X';
    size_t at = start;
    while (at < end && at - start < 3 && text[at] == 'M')
        at++;
    for (int place = 2; place >= 0; place--) {
        size_t best = 0;
        for (int d = 1; d < 10; d++) {
            size_t n = strlen(digits[place][d]);
            if (n > best && end - at >= n && memcmp(text + at, digits[place][d], n) == 0)
                best = n;
        }
        at += best;
    }
    return at == end && end > start;
}

/* Where the ordinal suffix of text[start..end) starts ("1er", "XXe",
 * "2des"), or end when it is no ordinal of the language. */
static size_t ordinal_suffix(const language_rules *rules, const char *text, size_t start,
                             size_t end)
{
    if (!rules->ordinals)
        return end;
    size_t digits = start;
    while (digits < end && is_digit(text[digits]))
        digits++;
    size_t number_end = digits;
    if (digits == start)
        while (number_end < end && text[number_end] && strchr("IVXLCDM", text[number_end]))
            number_end++;
    if (number_end == start || number_end == end)
        return end;
    if (digits == start && !is_roman(text, start, number_end))
        return end;
    return in_list(rules->ordinals, text + number_end, end - number_end) ? number_end : end;
}

/* The end of the word that starts at at: up to a blank, without the marks
 * that close a sentence or a quote. */
static size_t word_end(const scanner *s, size_t at)
{
    size_t end = at, core_end = at, size;
    while (end < s->length) {
        int32_t cp = decode(s->text, s->length, end, &size);
        if (ends_token(cp))
            break;
        end += size;
        if (!ONE_OF(cp, trailing_marks))
            core_end = end;
    }
    return core_end;
}

/* The start of the character that ends text[start..end). */
static size_t last_char(const scanner *s, size_t start, size_t end)
{
    size_t back = end - 1;
    while (back > start && ((unsigned char)s->text[back] & 0xC0) == 0x80)
        back--;
    return back;
}

static bool ends_with_letter_or_digit(const scanner *s, size_t start, size_t end)
{
    size_t size;
    size_t back = last_char(s, start, end);
    int32_t cp = decode(s->text, end, back, &size);
    return back + size == end && (is_letter(cp) || is_digit(cp));
}

/* Closing quotes, which with the opening marks are every mark the pass
 * writes for a straight quote. */
static const int32_t closing_quotes[] = {0x201D, 0xBB, 0x203A};

/* The start of the word that ends at end: after the blank, the opening
 * mark, the quote or the apostrophe before it ("(à", "qu’à", "l’a" give
 * "à" and "a"). What bounds it is never a gap the pass may fill, and every
 * quote bounds it, straight or typographic, so the next pass finds the
 * same word. */
static size_t word_before(const scanner *s, size_t end)
{
    size_t start = end;
    while (start > 0) {
        size_t size, back = last_char(s, 0, start);
        int32_t cp = decode(s->text, s->length, back, &size);
        if (ends_token(cp) || ONE_OF(cp, opening_marks) || ONE_OF(cp, closing_quotes))
            break;
        start = back;
    }
    return start;
}

/* Whether the word text[start..end) keeps with the word that starts at
 * right. */
static bool keeps_with_next(const scanner *s, size_t start, size_t end, item right)
{
    const language_rules *rules = s->rules;
    if (start >= end)
        return false;
    if (in_list(rules->keep_words, s->text + start, end - start))
        return true;
    if (!ends_with_letter_or_digit(s, start, end))
        return false; /* "2019." ends a sentence, "à," a clause */
    if (is_digit(s->text[start]) || ordinal_suffix(rules, s->text, start, end) < end) {
        if (right.kind == ITEM_CHAR && is_digit(right.cp))
            return false; /* digits written apart ("2 029") stay as written */
        if (rules->number_keeps_word)
            return true;
        size_t unit_end = right.kind == ITEM_CHAR ? word_end(s, right.start) : right.start;
        return in_list(rules->units, s->text + right.start, unit_end - right.start);
    }
    if (!rules->short_word_letters)
        return false;
    /* A short word: letters only, as many as the language says at most. */
    int letters = 0;
    for (size_t at = start, size; at < end; at += size) {
        if (!is_letter(decode(s->text, end, at, &size)) || ++letters > rules->short_word_letters)
            return false;
    }
    return letters > 0;
}

/* Marks that start a word besides letters, digits and opening marks: the
 * quotes the rules write, and signs written after a number ("10 %"). */
static const int32_t word_starts[] = {0xAB, 0x201C, 0x2018, '%', 0x2030, 0xB0};

/* Whether a word starts at right: a letter, a digit, an opening mark, a
 * sign, a URL. */
static bool starts_word(item right)
{
    if (right.kind == ITEM_GUARDED)
        return true;
    if (right.kind != ITEM_CHAR || right.cp == INVALID || is_blank(right.cp))
        return false;
    return is_letter(right.cp) || is_digit(right.cp) || ONE_OF(right.cp, opening_marks) ||
           ONE_OF(right.cp, word_starts);
}

/* ---- the decision about a gap ------------------------------------------- */

static const spaced_mark *spaced(const language_rules *rules, int32_t cp)
{
    for (size_t i = 0; i < rules->mark_count; i++)
        if (rules->marks[i].mark == cp)
            return &rules->marks[i];
    return NULL;
}

/* The space that replaces the gap between left and right, or NULL to keep
 * the gap as written (nothing when it is empty). A space after an opening
 * guillemet comes first, so "«" followed by any mark always gets its one
 * narrow space and the next pass reaches the same decision; then the
 * spaces before marks; then words kept with the next. */
static const char *gap_for(const scanner *s, item left, item right, bool empty)
{
    const language_rules *rules = s->rules;
    if (left.kind == ITEM_CHAR && is_one_of(left.cp, rules->opening, rules->opening_count))
        return !empty || before_text(right) ? NNBSP : NULL;
    const spaced_mark *mark = right.kind == ITEM_CHAR ? spaced(rules, right.cp) : NULL;
    if (mark) {
        if ((mark->when & NOT_DOUBLED) && byte_after(s, right) == (char)mark->mark)
            return NULL;
        if ((mark->when & NOT_BETWEEN_DIGITS) && empty && between_digits(s, left, right))
            return NULL;
        if (mark->when & AFTER_DIGIT)
            return is_digit_item(left) ? mark->space : NULL;
        if (mark->when & AFTER_TEXT)
            return empty && !after_text(left) ? NULL : mark->space;
        return !empty || ends_word(left) ? mark->space : NULL;
    }
    if (!s->keep_words || empty || left.kind == ITEM_EDGE || !starts_word(right))
        return NULL;
    return keeps_with_next(s, word_before(s, left.end), left.end, right) ? NBSP : NULL;
}

/* The text as written inside it[start..end), without its marks. */
static void as_written_text(const scanner *s, item it, size_t *start, size_t *end)
{
    size_t mark = strlen(FS_TYPO_AS_WRITTEN_END);
    *start = it.start + strlen(FS_TYPO_AS_WRITTEN_START);
    *end = it.end;
    if (*end - *start >= mark && memcmp(s->text + *end - mark, FS_TYPO_AS_WRITTEN_END, mark) == 0)
        *end -= mark;
}

static void put_item(const scanner *s, item it, fs_buf *out)
{
    size_t start = it.start, end = it.end;
    if (it.shown)
        fs_buf_puts(out, it.shown);
    else if (it.kind == ITEM_GUARDED && !s->keep_as_written_marks &&
             starts_with(s, start, FS_TYPO_AS_WRITTEN_START))
        as_written_text(s, it, &start, &end);
    if (!it.shown)
        fs_buf_append(out, s->text + start, end - start);
}

static void apply_rules(const language_rules *rules, const char *text, size_t length,
                        bool keep_marks, bool keep_words, fs_buf *out)
{
    scanner s = {.rules = rules,
                 .text = text,
                 .length = length,
                 .keep_as_written_marks = keep_marks,
                 .keep_words = keep_words};
    item left = {ITEM_EDGE, INVALID, 0, 0, NULL};
    size_t at = 0;
    for (;;) {
        size_t gap_start = at;
        bool spaces;
        at = skip_gap(&s, at, &spaces);
        bool empty = !spaces;
        item right = item_at(&s, at);
        if (right.kind == ITEM_CHAR && is_quote(right.cp))
            set_quote(&s, left, empty, &right);
        const char *space = gap_for(&s, left, right, empty);
        if (space)
            put_space(&s, gap_start, at, space, out);
        else
            fs_buf_append(out, text + gap_start, at - gap_start);
        if (right.kind == ITEM_EDGE)
            return;
        put_item(&s, right, out);
        left = right;
        at = right.end;
    }
}

/* The rules of lang on plain text; keep_words: with the no-break spaces of
 * words kept together. */
static void typeset(const char *lang, const char *text, size_t length, bool keep_words, fs_buf *out)
{
    const language_rules *rules = rules_for(lang);
    if (length == 0)
        return;
    if (rules) {
        apply_rules(rules, text, length, false, keep_words, out);
        return;
    }
    scanner s = {.text = text, .length = length};
    size_t at = 0;
    while (at < length) {
        const char *mark = find(text + at, length - at, FS_TYPO_AS_WRITTEN_START);
        size_t start = mark ? (size_t)(mark - text) : length;
        fs_buf_append(out, text + at, start - at);
        if (!mark)
            return;
        item it = {ITEM_GUARDED, INVALID, start, as_written_end(&s, start), NULL};
        put_item(&s, it, out);
        at = it.end;
    }
}

void fs_typo_apply(const char *lang, const char *text, size_t length, fs_buf *out)
{
    typeset(lang, text, length, true, out);
}

void fs_typo_unbroken(const char *lang, const char *text, size_t length, fs_buf *out)
{
    typeset(lang, text, length, false, out);
}

/* ---- the second pass: markup, superscripts, soft hyphens ---------------- */

/* Appends text shown as it is, escaped; returns its length. */
static size_t put_shown(fs_buf *markup, const char *text, size_t length)
{
    fs_buf_put_escaped(markup, text, length);
    return length;
}

/* Whether a token can hold no word to hyphenate: it has a digit (a number,
 * a code), a mark that URLs, addresses and codes are made of, a dot
 * between two letters (a domain name), or already a soft hyphen or a
 * zero-width space (breaks chosen before). */
static bool is_code(const char *text, size_t start, size_t end)
{
    for (size_t at = start; at < end; at++) {
        char c = text[at];
        if (is_digit(c) || strchr("@/\\_=#&+*<>|~", c))
            return true;
        if (c == '.' && at > start && at + 1 < end && is_ascii_letter(text[at - 1]) &&
            is_ascii_letter(text[at + 1]))
            return true;
    }
    return find(text + start, end - start, FS_SOFT_HYPHEN) || find(text + start, end - start, ZWSP);
}

/* Whether a word of letters may be hyphenated: not a word in capitals (an
 * acronym) or with a capital inside (a name such as WhatsApp); fs_hyphen
 * leaves the short ones. */
static bool may_hyphenate(const char *word, size_t length)
{
    size_t size;
    for (size_t at = 0, letters = 0; at < length; at += size, letters++) {
        int32_t cp = decode(word, length, at, &size);
        if (letters > 0 && (u_isupper(cp) || u_istitle(cp)))
            return false;
    }
    return true;
}

/* Appends a token (no blank inside) as markup; returns the bytes shown. */
static size_t put_token(const language_rules *rules, const fs_hyphen *hyphen, const scanner *s,
                        size_t start, size_t end, fs_buf *markup)
{
    size_t core = skip_opening(s, start, end);
    size_t core_end = core, at = core, size;
    while (at < end) {
        int32_t cp = decode(s->text, end, at, &size);
        at += size;
        if (!ONE_OF(cp, trailing_marks))
            core_end = at;
    }
    size_t suffix = rules ? ordinal_suffix(rules, s->text, core, core_end) : core_end;
    if (suffix < core_end) {
        size_t shown = put_shown(markup, s->text + start, suffix - start);
        fs_buf_puts(markup, SUPERSCRIPT_OPEN);
        shown += put_shown(markup, s->text + suffix, core_end - suffix);
        fs_buf_puts(markup, SUPERSCRIPT_CLOSE);
        return shown + put_shown(markup, s->text + core_end, end - core_end);
    }
    if (!hyphen || is_code(s->text, start, end))
        return put_shown(markup, s->text + start, end - start);
    /* Each run of letters is a word: apostrophes, hyphens and other marks
     * part them ("l’environnement", "Croix-Rouge"). */
    size_t shown = 0;
    fs_buf word = {0};
    at = start;
    while (at < end) {
        size_t run = at;
        while (run < end && is_letter(decode(s->text, end, run, &size)))
            run += size;
        if (run == at) {
            decode(s->text, end, at, &size);
            shown += put_shown(markup, s->text + at, size);
            at += size;
            continue;
        }
        if (may_hyphenate(s->text + at, run - at)) {
            fs_buf_clear(&word);
            fs_hyphen_word(hyphen, s->text + at, run - at, &word);
            shown += put_shown(markup, fs_buf_str(&word), word.length);
            markup->failed = markup->failed || !fs_buf_ok(&word);
        } else {
            shown += put_shown(markup, s->text + at, run - at);
        }
        at = run;
    }
    fs_buf_free(&word);
    return shown;
}

/* The marks a URL or an e-mail address breaks at: after a slash or a
 * colon (or two of them), before the others. */
#define ADDRESS_MARKS "/.-_~@?#&="

static bool address_mark(char c)
{
    return c && strchr(ADDRESS_MARKS, c);
}

/* Whether a URL or an address may break before text[at], as Chicago and
 * Bringhurst break one: after a slash, a colon, or two of them, before a
 * dot, a hyphen, an underscore, a tilde, @, ?, #, & or =; never between
 * two marks (so "//", "::" and ":/" stay whole), never inside a word. */
static bool address_breaks_before(const char *text, size_t at)
{
    char before = text[at - 1], c = text[at];
    if (before == '/' || before == ':')
        return c != '/' && c != ':';
    return c != '/' && address_mark(c) && !address_mark(before);
}

/* Appends text[start..end) as a span pango may not break; returns the
 * bytes shown. */
static size_t put_unbroken(const char *text, size_t start, size_t end, fs_buf *markup)
{
    fs_buf_puts(markup, "<span allow_breaks=\"false\">");
    size_t shown = put_shown(markup, text + start, end - start);
    fs_buf_puts(markup, "</span>");
    return shown;
}

/* Appends the URL or e-mail address text[start..end) as markup; returns
 * the bytes shown. Pango breaks lines by UAX #14, which would break it
 * after ? or -, and cut a word of it where no line holds it: so each piece
 * between two breaks the rule allows is a span pango may not break
 * (allow_breaks), and a zero-width space, which draws nothing, parts two
 * pieces. Never a break inside its prefix ("https://", "https://www.",
 * "mailto:", "www.") or right after it, and never a hyphen drawn where it
 * breaks (insert_hyphens). */
static size_t put_address(const char *text, size_t start, size_t end, fs_buf *markup)
{
    size_t prefix = start + url_prefix(text, start, end);
    if (prefix > start && starts_with_ci(text, prefix, end, "www."))
        prefix += strlen("www.");
    size_t shown = 0, piece = start;
    fs_buf_puts(markup, "<span insert_hyphens=\"false\">");
    for (size_t at = prefix + 1; at < end; at++) {
        if (!address_breaks_before(text, at))
            continue;
        shown += put_unbroken(text, piece, at, markup);
        shown += put_shown(markup, ZWSP, strlen(ZWSP));
        piece = at;
    }
    shown += put_unbroken(text, piece, end, markup);
    fs_buf_puts(markup, "</span>");
    return shown;
}

/* Whether only blanks, tags and marks (no letter) come after the byte at
 * "at" before the text or its line ends: the token before it is the last
 * word of a paragraph, and a book never hyphenates that one (it would leave
 * a scrap of a word alone on the last line). */
static bool ends_paragraph(const scanner *s, size_t at)
{
    while (at < s->length) {
        size_t size;
        int32_t cp = decode(s->text, s->length, at, &size);
        if (cp == '\n' || cp == 0x2028 || cp == 0x2029)
            return true;
        if (starts_with(s, at, FS_TYPO_AS_WRITTEN_START) || is_letter(cp))
            return false;
        at += size;
    }
    return true;
}

size_t fs_typo_markup(const char *lang, const fs_hyphen *hyphen, const char *text, size_t length,
                      fs_buf *markup, size_t *tags)
{
    const language_rules *rules = rules_for(lang);
    fs_buf typeset = {0};
    if (rules)
        apply_rules(rules, text, length, true, true, &typeset);
    else
        fs_buf_append(&typeset, text, length);
    if (!fs_buf_ok(&typeset)) {
        markup->failed = true;
        fs_buf_free(&typeset);
        return 0;
    }
    scanner s = {.rules = rules, .text = fs_buf_str(&typeset), .length = typeset.length};
    size_t shown = 0, at = 0, tag = 0;
    bool first_word = true; /* of its paragraph */
    while (at < s.length) {
        size_t size;
        if (starts_with(&s, at, FS_TYPO_TAG)) {
            if (tags)
                tags[tag++] = shown;
            fs_buf_puts(markup, FS_TYPO_TAG);
            at += strlen(FS_TYPO_TAG);
            continue;
        }
        if (starts_with(&s, at, FS_TYPO_AS_WRITTEN_START)) {
            /* As written, but for the tags it may hold. */
            item it = {ITEM_GUARDED, INVALID, at, as_written_end(&s, at), NULL};
            size_t start, end;
            as_written_text(&s, it, &start, &end);
            for (size_t k = start; k < end;) {
                const char *mark = find(s.text + k, end - k, FS_TYPO_TAG);
                size_t stop = mark ? (size_t)(mark - s.text) : end;
                shown += put_shown(markup, s.text + k, stop - k);
                if (!mark)
                    break;
                if (tags)
                    tags[tag++] = shown;
                fs_buf_puts(markup, FS_TYPO_TAG);
                k = stop + strlen(FS_TYPO_TAG);
            }
            at = it.end;
            continue;
        }
        int32_t cp = decode(s.text, s.length, at, &size);
        if (is_blank(cp)) {
            first_word = first_word || cp == '\n' || cp == 0x2028 || cp == 0x2029;
            shown += put_shown(markup, s.text + at, size);
            at += size;
            continue;
        }
        size_t end = at;
        while (end < s.length && !starts_with(&s, end, FS_TYPO_AS_WRITTEN_START) &&
               !ends_token(decode(s.text, s.length, end, &size)))
            end += size;
        read_token(&s, at);
        size_t guard_start = s.guard_start < end ? s.guard_start : end;
        size_t guard_end = s.guard_end < end ? s.guard_end : end;
        if (guard_end > guard_start) {
            /* A URL or an address inside the token: what is around it is
             * text. Where it must break, it breaks with no hyphen. */
            shown += put_token(rules, hyphen, &s, at, guard_start, markup);
            shown += put_address(s.text, guard_start, guard_end, markup);
            shown += put_token(rules, hyphen, &s, guard_end, end, markup);
        } else {
            /* A paragraph of one word keeps its breaks: they may be
             * what fits it in its width. */
            bool last = !first_word && ends_paragraph(&s, end);
            shown += put_token(rules, last ? NULL : hyphen, &s, at, end, markup);
        }
        first_word = false;
        at = end;
    }
    fs_buf_free(&typeset);
    return shown;
}

/* ---- long words and apostrophes ---------------------------------------- */

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

/* Appends one long word with a break opportunity after every
 * FS_LONG_WORD_PIECE characters. A URL or an e-mail address is appended
 * as it is: fs_typo_markup breaks it where such an address may break. */
static void break_long_word(const char *word, size_t length, fs_buf *out)
{
    size_t prefix_end;
    if (find_url(word, 0, length, &prefix_end) < length || has_inner_at(word, 0, length)) {
        fs_buf_append(out, word, length);
        return;
    }
    size_t count = 0;
    for (size_t at = 0; at < length; at++) {
        bool starts = ((unsigned char)word[at] & 0xC0) != 0x80;
        if (starts && count && count % FS_LONG_WORD_PIECE == 0)
            fs_buf_puts(out, ZWSP);
        count += starts;
        fs_buf_putc(out, word[at]);
    }
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
        if (characters <= FS_LONG_WORD)
            fs_buf_append(out, c, (size_t)(end - c));
        else
            break_long_word(c, (size_t)(end - c), out);
        const char *blank = end;
        while (*blank && breaks_word((unsigned char)*blank))
            blank++;
        fs_buf_append(out, end, (size_t)(blank - end));
        c = blank;
    }
}
