/* The encoding of a CSV file (fs_table_internal.h): UTF-8 checked, and
 * Windows-1252 or UTF-16 converted to UTF-8 one character for each
 * character of the file, so positions still count the file's characters. */
#include "load/fs_table_internal.h"

#include "core/fs_alloc.h"

#include <stdlib.h>
#include <string.h>

/* ---- encoding -------------------------------------------------------- */

static const char encoding_hint[] =
    "save the file as UTF-8 (in a spreadsheet: Save As, then \"CSV UTF-8\")";

/* Windows-1252's 0x80-0x9F block; 0 marks the five bytes the code page
 * leaves undefined. Bytes 0xA0-0xFF are U+00A0-U+00FF. */
static const uint16_t cp1252_block[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, /* 0x80 */
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,      /* 0x88 */
    0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, /* 0x90 */
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178, /* 0x98 */
};

/* The character byte c stands for in Windows-1252; 0 when none. */
static unsigned cp1252_char(unsigned char c)
{
    return c >= 0x80 && c < 0xA0 ? cp1252_block[c - 0x80] : c;
}

/* Length of the text character at bytes[i] in UTF-8; 0 for a NUL or a byte
 * that does not start a well-formed sequence. */
static size_t text_length(const reader *r, size_t i)
{
    unsigned char c = r->bytes[i];
    if (c != 0 && c < 0x80)
        return 1;
    return c ? table_utf8_length(r->bytes + i, r->length - i) : 0;
}

/* Whether a byte that text_length refused makes the file unreadable: a
 * NUL; any byte of a file that holds UTF-8 elsewhere (broken UTF-8, never
 * read as Windows-1252); or a byte Windows-1252 leaves undefined. */
static bool unreadable(unsigned char c, bool broken)
{
    return c == 0 || broken || cp1252_char(c) == 0;
}

static void report_unreadable(reader *r, cursor at, bool broken)
{
    unsigned char c = r->bytes[at.offset];
    if (c == 0)
        fs_error(r->diags, table_pos_of(r, at), encoding_hint,
                 "NUL byte in the text; expected UTF-8 text (is the file UTF-16 or binary?)");
    else if (broken)
        fs_error(r->diags, table_pos_of(r, at),
                 "the file holds UTF-8 text elsewhere, so this byte is damage, not another "
                 "encoding: retype the character here, or export the file again as \"CSV UTF-8\"",
                 "invalid UTF-8: byte 0x%02X at byte offset %zu does not start or continue a "
                 "character",
                 c, at.offset);
    else
        fs_error(r->diags, table_pos_of(r, at),
                 "save the file as UTF-8 (in a spreadsheet: Save As, then \"CSV UTF-8\"); this "
                 "byte is not Windows-1252 text either, so the file cannot be read as that",
                 "invalid UTF-8 at byte offset %zu (0x%02X); expected UTF-8 text", at.offset, c);
}

/* Reports the first unreadable byte of each line with one, up to a few
 * lines. */
static void report_unreadable_bytes(reader *r, bool broken)
{
    cursor at = {r->start, 1, 1};
    int reported_line = 0;
    size_t reports = 0, unreported = 0;
    for (size_t i = r->start; i < r->length; i++) {
        size_t n = text_length(r, i);
        if (n > 0) {
            i += n - 1;
            continue;
        }
        if (!unreadable(r->bytes[i], broken))
            continue;
        table_cursor_advance(&at, r->bytes, r->length, i);
        if (at.line == reported_line)
            continue;
        reported_line = at.line;
        if (reports < FS_TABLE_MAX_ENCODING_REPORTS) {
            report_unreadable(r, at, broken);
            reports++;
        } else {
            unreported++;
        }
    }
    if (unreported > 0)
        fs_diag_add(r->diags, FS_NOTE, fs_pos_at(r->path, 0, 0), NULL,
                    "%zu more lines with invalid UTF-8 were not reported", unreported);
}

/* Decides how to read the file. UTF-8 when it is. Windows-1252 when some
 * bytes are not UTF-8, none is a NUL or undefined in Windows-1252, and no
 * multibyte UTF-8 sequence occurs anywhere (a file that holds one is UTF-8
 * with damage, and reading it as Windows-1252 would print mojibake): one
 * warning points at the first, and *converted is the file's length once
 * converted to UTF-8. Otherwise errors point at the bad bytes. */
text_encoding table_check_encoding(reader *r, size_t *converted)
{
    size_t first = 0, length = r->length;
    bool foreign = false, multibyte = false, undefined = false;
    for (size_t i = r->start; i < r->length;) {
        size_t n = text_length(r, i);
        if (n > 0) {
            multibyte = multibyte || n > 1;
            i += n;
            continue;
        }
        undefined = undefined || unreadable(r->bytes[i], false);
        if (!foreign)
            first = i;
        foreign = true;
        /* U+00A0-U+07FF take two bytes in UTF-8, the rest of the block
         * three. */
        length += cp1252_char(r->bytes[i]) < 0x800 ? 1 : 2;
        i++;
    }
    if (!foreign)
        return TEXT_UTF8;
    if (undefined || multibyte) {
        report_unreadable_bytes(r, multibyte);
        return TEXT_BAD;
    }
    cursor at = {r->start, 1, 1};
    table_cursor_advance(&at, r->bytes, r->length, first);
    fs_warning(r->diags, table_pos_of(r, at), "save it as CSV UTF-8 to silence this warning",
               "the file is not UTF-8; read it as Windows-1252 (byte 0x%02X here)",
               r->bytes[first]);
    *converted = length;
    return TEXT_CP1252;
}

/* The file in UTF-8, each byte that is not UTF-8 replaced by its
 * Windows-1252 character; length is what table_check_encoding counted. The caller
 * frees it; NULL when out of memory. */
unsigned char *table_convert_cp1252(const reader *r, size_t length)
{
    unsigned char *out = fs_malloc(length), *o = out;
    if (!out)
        return NULL;
    memcpy(o, r->bytes, r->start);
    o += r->start;
    for (size_t i = r->start; i < r->length;) {
        size_t n = text_length(r, i);
        if (n > 0) {
            memcpy(o, r->bytes + i, n);
            o += n;
            i += n;
            continue;
        }
        unsigned c = cp1252_char(r->bytes[i++]);
        if (c < 0x800) {
            *o++ = (unsigned char)(0xC0 | c >> 6);
        } else {
            *o++ = (unsigned char)(0xE0 | c >> 12);
            *o++ = (unsigned char)(0x80 | (c >> 6 & 0x3F));
        }
        *o++ = (unsigned char)(0x80 | (c & 0x3F));
    }
    return out;
}

bool table_is_utf16(const unsigned char *bytes, size_t length)
{
    return length >= 2 &&
           ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF));
}

/* The UTF-16 file after its byte-order mark, in UTF-8 (Excel's "Unicode
 * text" export): a buffer the caller frees, its length in *out_length.
 * NULL after an error at the first unit that is not text (a lone
 * surrogate, a NUL, an odd last byte) or when out of memory. */
unsigned char *table_convert_utf16(const unsigned char *bytes, size_t length, const char *path,
                                   size_t *out_length, fs_diags *diags)
{
    bool little = bytes[0] == 0xFF;
    /* Each unit gives at most three bytes of UTF-8 (a pair of units four). */
    unsigned char *out = fs_malloc(length / 2 * 3 + 1), *o = out;
    if (!out) {
        fs_error(diags, fs_pos_at(path, 0, 0), NULL, "out of memory while reading the table");
        return NULL;
    }
    int line = 1, column = 1;
    bool after_cr = false;
    for (size_t i = 2; i < length; i += 2) {
        const char *problem = NULL;
        unsigned c = 0;
        if (i + 1 >= length) {
            problem = "the file ends in the middle of a UTF-16 character";
        } else {
            c = little ? (unsigned)bytes[i] | (unsigned)bytes[i + 1] << 8
                       : (unsigned)bytes[i] << 8 | bytes[i + 1];
            if (c >= 0xD800 && c <= 0xDBFF && i + 3 < length) {
                unsigned low = little ? (unsigned)bytes[i + 2] | (unsigned)bytes[i + 3] << 8
                                      : (unsigned)bytes[i + 2] << 8 | bytes[i + 3];
                if (low >= 0xDC00 && low <= 0xDFFF) {
                    c = 0x10000 + ((c - 0xD800) << 10) + (low - 0xDC00);
                    i += 2;
                }
            }
            if (c >= 0xD800 && c <= 0xDFFF)
                problem = "a lone UTF-16 surrogate (0x%04X) is not a character";
            else if (c == 0)
                problem = "NUL character in the text";
        }
        if (problem) {
            fs_error(diags, fs_pos_at(path, line, column),
                     "export the table again from the spreadsheet (\"CSV UTF-8\" or \"Unicode "
                     "text\")",
                     problem, c);
            free(out);
            return NULL;
        }
        if (c < 0x80) {
            *o++ = (unsigned char)c;
        } else if (c < 0x800) {
            *o++ = (unsigned char)(0xC0 | c >> 6);
            *o++ = (unsigned char)(0x80 | (c & 0x3F));
        } else if (c < 0x10000) {
            *o++ = (unsigned char)(0xE0 | c >> 12);
            *o++ = (unsigned char)(0x80 | (c >> 6 & 0x3F));
            *o++ = (unsigned char)(0x80 | (c & 0x3F));
        } else {
            *o++ = (unsigned char)(0xF0 | c >> 18);
            *o++ = (unsigned char)(0x80 | (c >> 12 & 0x3F));
            *o++ = (unsigned char)(0x80 | (c >> 6 & 0x3F));
            *o++ = (unsigned char)(0x80 | (c & 0x3F));
        }
        if (c == '\n' && after_cr) {
            /* the second half of CRLF: the line was counted at the CR */
        } else if (c == '\n' || c == '\r') {
            line++;
            column = 1;
        } else {
            column++;
        }
        after_cr = c == '\r';
    }
    *out_length = (size_t)(o - out);
    return out;
}
