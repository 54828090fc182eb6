/* CSV tables on libcsv.
 *
 * libcsv does the CSV grammar; this file adds what libcsv does not know:
 * where each field starts (line and character column), the delimiter, the
 * encoding, the shape of the table and the type of each column.
 *
 * Positions: libcsv reports a field only once it has ended, so the reader
 * feeds it slices that end at the next delimiter, quote or line end. A field
 * can only end on the last byte of such a slice, and a field can only start
 * on the first byte of one, so the reader knows the start of every field
 * without a second CSV parser.
 *
 * Encoding: UTF-16 and Windows-1252 files are converted to UTF-8 before
 * parsing, one character for each character of the file, so positions still
 * count the characters of the file.
 *
 * Cells are classified (number, date, marker, text) after the whole file is
 * read, since a tab file's decimal mark is known only then; columns get
 * their types from the classes of their cells. */
#include "load/fs_table.h"

#include "core/fs_alloc.h"
#include "core/fs_file.h"
#include "core/fs_grow.h"
#include "core/fs_suggest.h"
#include "i18n/fs_template.h"

#include <csv.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Limits on untrusted input: beyond them a run would only exhaust memory. */
#define FS_TABLE_MAX_BYTES ((size_t)256 * 1024 * 1024)
enum {
    /* Bytes of one field as written in the file, quotes included: libcsv
     * grows its buffer linearly, and no brief shows that much text. */
    FS_TABLE_MAX_FIELD = 1024 * 1024,
    FS_TABLE_MAX_COLUMNS = 1000,
    FS_TABLE_MAX_ROWS = 1000000,
    /* A file in another encoding has bad bytes on every line; five examples
     * tell the user what is wrong without burying everything else. */
    FS_TABLE_MAX_ENCODING_REPORTS = 5,
    /* Cell texts are packed into chunks of this size instead of one 16-byte
     * aligned arena allocation each. */
    FS_TABLE_TEXT_CHUNK = 32 * 1024,
    /* libcsv grows its field buffer by this much at a time (linearly): a
     * field at the size limit takes 16 steps. */
    FS_TABLE_CSV_BLOCK = 64 * 1024,
    /* Rows are stored in blocks of this many (a power of two), so a large
     * table is not copied and left behind in the arena as it grows. */
    FS_TABLE_BLOCK_ROWS = 1024,
    /* The HXL hashtag row is looked for among this many first rows, as
     * libhxl-python does. */
    FS_TABLE_HXL_ROWS = 25,
};

/* What a cell's text is, decided once at load. A code is a number
 * written with a leading zero ("08123"): text that looks like a number. */
typedef enum {
    CELL_EMPTY,
    CELL_MARKER, /* "-", "N/A", ...: a missing value in a number column */
    CELL_TEXT,
    CELL_INTEGER,
    CELL_DECIMAL,
    CELL_PERCENT,
    CELL_DATE,
    CELL_CODE
} cell_kind;

typedef struct {
    const char *text; /* as written, without quotes; never NULL */
    double number;    /* valid when kind is a number kind */
    int line;
    unsigned column : 29; /* lines of a file under 256 MiB are shorter */
    unsigned kind : 3;    /* cell_kind */
} fs_cell;

typedef struct {
    const char *name;
    int line;
    int column;
    fs_col_type type;
    const char *hxl; /* the HXL hashtag under the name as written, or NULL */
    const char *tag; /* the same normalised ("#affected+f"), or NULL */
    size_t missing;  /* missing values of a number column */
    bool declared, no_translation;
} fs_column;

struct fs_table {
    const char *name;
    const char *path;
    const char *encoding;
    char delimiter;
    char decimal; /* '.' or ',' */
    size_t rows;
    size_t file_rows;
    size_t columns;
    size_t stride; /* cells in a stored row: columns and any dropped ones */
    fs_column *column;
    fs_pos hxl_pos;
    /* Row r is at blocks[r / FS_TABLE_BLOCK_ROWS], (r % FS_TABLE_BLOCK_ROWS)
     * rows in; a row is its cells side by side. */
    fs_cell **blocks;
    size_t block_count;
    /* A view made by fs_table_select: its row r is the source's row
     * row_map[r]; NULL for a table read from a file. */
    const size_t *row_map;
};

/* What the first pass learns of a record: where it is, and how many of
 * its non-empty cells are HXL hashtags and numbers. */
typedef struct {
    int line;
    size_t cells, tags, numbers;
} scan_row;

/* A place in the input: byte offset, and the 1-based line and character
 * column of the byte at that offset. */
typedef struct {
    size_t offset;
    int line;
    int column;
} cursor;

/* Everything one load needs; lives on fs_table_parse's stack and is the
 * context libcsv hands back to the callbacks. */
typedef struct {
    const unsigned char *bytes;
    size_t length;
    size_t start; /* first byte after a byte-order mark */
    const char *path;
    char delimiter;
    fs_arena *arena;
    fs_diags *diags;
    fs_table *table;

    size_t column_capacity;
    size_t block_capacity; /* room in table->blocks */
    size_t block_rows;     /* room in the last block, in rows */
    char *text_next;       /* free room in the current text chunk */
    size_t text_left;

    /* The field libcsv is reading. */
    bool field_open;
    bool field_quoted;
    cursor field_at;

    /* The row libcsv is reading. */
    bool row_open;
    bool row_blank; /* every field so far is unquoted and all spaces */
    size_t row_fields;
    cursor row_at;
    cursor extra_at; /* the first field past the limit or the header's width */

    bool header_done;
    bool stop; /* a problem after which reading on would mislead or fail */

    /* Rows are numbered among the non-blank ones (records). A first pass
     * (scan) only looks for the HXL hashtag row among the first records;
     * the second reads the table, skipping the records above the header. */
    bool scan;
    size_t record;
    size_t skip;     /* records above the header */
    long hxl_record; /* the hashtag row's record, or -1 */
    size_t named;    /* header columns up to the last one with a name */
    scan_row scanned[FS_TABLE_HXL_ROWS + 1];
    size_t scanned_count;
    scan_row scanning; /* the record being scanned */
} reader;

/* ---- small helpers --------------------------------------------------- */

/* True for the types whose cells are numbers: integer, decimal, percent,
 * year. */
static bool is_number_type(fs_col_type type)
{
    return type == FS_COL_INTEGER || type == FS_COL_DECIMAL || type == FS_COL_PERCENT ||
           type == FS_COL_YEAR;
}

static bool is_newline(unsigned char c)
{
    return c == '\n' || c == '\r';
}

static bool is_space(unsigned char c)
{
    return c == ' ' || c == '\t';
}

static bool is_blank_text(const char *text, size_t length)
{
    for (size_t i = 0; i < length; i++)
        if (!is_space((unsigned char)text[i]))
            return false;
    return true;
}

static const char *delimiter_name(char delimiter)
{
    switch (delimiter) {
    case ';':
        return "semicolon";
    case '\t':
        return "tab";
    default:
        return "comma";
    }
}

static fs_pos pos_of(const reader *r, cursor at)
{
    return fs_pos_at(r->path, at.line, at.column);
}

/* Length of the well-formed UTF-8 sequence at s (no overlongs, surrogates or
 * code points past U+10FFFF), 0 when it is not one. */
static size_t utf8_length(const unsigned char *s, size_t n)
{
    unsigned char b = s[0], low = 0x80, high = 0xBF;
    size_t length;
    if (b < 0x80)
        return 1;
    if (b >= 0xC2 && b <= 0xDF)
        length = 2;
    else if (b >= 0xE0 && b <= 0xEF)
        length = 3;
    else if (b >= 0xF0 && b <= 0xF4)
        length = 4;
    else
        return 0;
    if (b == 0xE0)
        low = 0xA0;
    else if (b == 0xED)
        high = 0x9F;
    else if (b == 0xF0)
        low = 0x90;
    else if (b == 0xF4)
        high = 0x8F;
    if (n < length || s[1] < low || s[1] > high)
        return 0;
    for (size_t i = 2; i < length; i++)
        if ((s[i] & 0xC0) != 0x80)
            return 0;
    return length;
}

/* Moves at forward to offset to, counting lines (LF, CRLF or a lone CR) and
 * characters: a well-formed UTF-8 sequence is one, and so is each byte that
 * is not UTF-8 (the reader takes it for a Windows-1252 character). */
static void cursor_advance(cursor *at, const unsigned char *bytes, size_t length, size_t to)
{
    while (at->offset < to) {
        unsigned char c = bytes[at->offset];
        if (c >= 0x80) {
            size_t n = utf8_length(bytes + at->offset, length - at->offset);
            at->offset += n > 0 && n <= to - at->offset ? n : 1;
            at->column++;
            continue;
        }
        at->offset++;
        bool crlf = c == '\r' && at->offset < length && bytes[at->offset] == '\n';
        if (is_newline(c) && !crlf) {
            at->line++;
            at->column = 1;
        } else if (!crlf) {
            at->column++;
        }
    }
}

static void out_of_memory(reader *r)
{
    if (r->stop)
        return;
    fs_error(r->diags, fs_pos_at(r->path, 0, 0), NULL, "out of memory while reading the table");
    r->stop = true;
}

static void too_large(fs_diags *diags, const char *path)
{
    fs_error(diags, fs_pos_at(path, 0, 0),
             "split the table into smaller files, or aggregate it before making a brief",
             "CSV file is larger than 256 MiB, the most factsheet reads");
}

/* Room for needed items in an arena array (fs_grow.h): a table of n cells
 * costs O(n) copying. NULL (after reporting) when out of memory. */
static void *reserve(reader *r, void *items, size_t used, size_t *capacity, size_t needed,
                     size_t size)
{
    void *more = fs_arena_reserve(r->arena, items, used, needed, capacity, size);
    if (!more)
        out_of_memory(r);
    return more;
}

/* A NUL-terminated copy of a field in the table's arena. Small texts share
 * chunks, since most cells are a few bytes. NULL (after reporting) when out
 * of memory. */
static const char *keep_text(reader *r, const char *text, size_t length)
{
    if (length == 0)
        return "";
    if (length >= FS_TABLE_TEXT_CHUNK / 4) {
        char *copy = fs_arena_strndup(r->arena, text, length);
        if (!copy)
            out_of_memory(r);
        return copy;
    }
    if (length + 1 > r->text_left) {
        r->text_next = fs_arena_alloc(r->arena, FS_TABLE_TEXT_CHUNK);
        if (!r->text_next) {
            r->text_left = 0;
            out_of_memory(r);
            return NULL;
        }
        r->text_left = FS_TABLE_TEXT_CHUNK;
    }
    char *copy = r->text_next;
    memcpy(copy, text, length);
    copy[length] = '\0';
    r->text_next += length + 1;
    r->text_left -= length + 1;
    return copy;
}

/* ---- numbers --------------------------------------------------------- */

static size_t digit_run(const unsigned char *s, size_t end, size_t i)
{
    size_t start = i;
    while (i < end && s[i] >= '0' && s[i] <= '9')
        i++;
    return i - start;
}

/* Length of a no-break space (U+00A0) or narrow no-break space (U+202F) at
 * s[i], 0 when there is none. */
static size_t nbsp_length(const unsigned char *s, size_t end, size_t i)
{
    if (end - i >= 2 && s[i] == 0xC2 && s[i + 1] == 0xA0)
        return 2;
    if (end - i >= 3 && s[i] == 0xE2 && s[i + 1] == 0x80 && s[i + 2] == 0xAF)
        return 3;
    return 0;
}

/* Length of a thousands separator at s[i], 0 when there is none: a space or
 * a no-break space in any file, and the mark that is not the decimal one
 * (',' where the decimal mark is '.', '.' where it is ','). */
static size_t group_mark(const unsigned char *s, size_t end, size_t i, char decimal)
{
    if (i >= end)
        return 0;
    if (s[i] == ' ' || s[i] == (decimal == ',' ? '.' : ','))
        return 1;
    return nbsp_length(s, end, i);
}

/* Length of the optional space allowed between a number and '%'. */
static size_t percent_space(const unsigned char *s, size_t end, size_t i)
{
    if (i < end && s[i] == ' ')
        return 1;
    return nbsp_length(s, end, i);
}

/* Reads the integer part with optional thousands groups: a first group of
 * one to three digits, then groups of exactly three behind one and the same
 * separator; the digits go to digits. Returns the index after it, or 0
 * when there is no digit. */
static size_t integer_part(const unsigned char *s, size_t end, size_t i, char decimal, char *digits,
                           size_t *count)
{
    size_t run = digit_run(s, end, i);
    if (run == 0)
        return 0;
    memcpy(digits + *count, s + i, run);
    *count += run;
    i += run;
    size_t mark = group_mark(s, end, i, decimal);
    if (run > 3 || mark == 0)
        return i;
    size_t first = i, first_mark = mark;
    while (mark == first_mark && memcmp(s + i, s + first, mark) == 0 &&
           digit_run(s, end, i + mark) == 3) {
        memcpy(digits + *count, s + i + mark, 3);
        *count += 3;
        i += mark + 3;
        mark = group_mark(s, end, i, decimal);
    }
    return i;
}

/* The text of a cell without surrounding spaces and tabs. */
static void trim_span(const char *text, size_t length, size_t *begin, size_t *end)
{
    *begin = 0;
    *end = length;
    while (*begin < *end && is_space((unsigned char)text[*begin]))
        (*begin)++;
    while (*end > *begin && is_space((unsigned char)text[*end - 1]))
        (*end)--;
}

/* Classifies a number's text in the file's conventions (decimal is its
 * decimal mark) and writes it exactly as a plain decimal into canonical,
 * which has room for length + 2 bytes: "-", digits, "." and decimals, a
 * percent without its sign. Surrounding spaces and tabs are ignored.
 * Returns CELL_EMPTY, CELL_TEXT (not a number), CELL_CODE (a number written
 * with a leading zero), or the number's kind. */
static cell_kind parse_number(const char *text, size_t length, char decimal, char *canonical)
{
    const unsigned char *s = (const unsigned char *)text;
    size_t i, end;
    trim_span(text, length, &i, &end);
    if (i == end)
        return CELL_EMPTY;
    size_t count = 0;
    if (s[i] == '-') {
        canonical[count++] = '-';
        i++;
    }
    bool leading_zero = i + 1 < end && s[i] == '0' && s[i + 1] >= '0' && s[i + 1] <= '9';
    i = integer_part(s, end, i, decimal, canonical, &count);
    if (i == 0)
        return CELL_TEXT;
    size_t decimals = 0;
    if (i < end && s[i] == (unsigned char)decimal) {
        decimals = digit_run(s, end, i + 1);
        if (decimals == 0)
            return CELL_TEXT;
        canonical[count++] = '.';
        memcpy(canonical + count, s + i + 1, decimals);
        count += decimals;
        i += 1 + decimals;
    }
    bool percent = false;
    size_t space = percent_space(s, end, i);
    if (i + space < end && s[i + space] == '%') {
        percent = true;
        i += space + 1;
    }
    canonical[count] = '\0';
    if (i != end)
        return CELL_TEXT;
    if (leading_zero)
        return CELL_CODE;
    return percent ? CELL_PERCENT : decimals ? CELL_DECIMAL : CELL_INTEGER;
}

/* Whether the text is a missing marker: "-", "–", "—", "..", "N/A", "NA"
 * or "x" in any case, with spaces around. */
static bool is_marker(const char *text, size_t length)
{
    static const char *const markers[] = {"-", "\u2013", "\u2014", "..", "n/a", "na", "x"};
    size_t begin, end;
    trim_span(text, length, &begin, &end);
    for (size_t i = 0; i < sizeof markers / sizeof markers[0]; i++)
        if (strlen(markers[i]) == end - begin &&
            strncasecmp(text + begin, markers[i], end - begin) == 0)
            return true;
    return false;
}

/* Whether the text is a date, YYYY-MM-DD or YYYY-MM, of the calendar. */
static bool is_date(const char *text, size_t length)
{
    size_t begin, end;
    trim_span(text, length, &begin, &end);
    const char *s = text + begin;
    size_t n = end - begin;
    if (n != 7 && n != 10)
        return false;
    for (size_t i = 0; i < n; i++)
        if ((i == 4 || i == 7) != (s[i] == '-') || (s[i] != '-' && (s[i] < '0' || s[i] > '9')))
            return false;
    int year = atoi(s), month = atoi(s + 5), day = n == 10 ? atoi(s + 8) : 1;
    static const int days[12] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    if (month < 1 || month > 12 || day < 1 || day > days[month - 1] ||
        (month == 2 && day == 29 && !leap))
        return false;
    return year >= 1;
}

/* Classifies a cell's text and stores its value. */
static cell_kind classify(const char *text, char decimal, double *value)
{
    size_t length = strlen(text);
    char small[128];
    char *canonical = length + 2 <= sizeof small ? small : fs_malloc(length + 2);
    if (!canonical)
        return CELL_TEXT;
    cell_kind kind = parse_number(text, length, decimal, canonical);
    if (kind != CELL_EMPTY && kind != CELL_TEXT) {
        /* strtod rounds correctly; the C locale reads '.' (factsheet never
         * calls setlocale). */
        *value = strtod(canonical, NULL);
        if (!isfinite(*value))
            kind = CELL_TEXT;
    } else if (kind == CELL_TEXT && is_marker(text, length)) {
        kind = CELL_MARKER;
    } else if (kind == CELL_TEXT && is_date(text, length)) {
        kind = CELL_DATE;
    }
    if (canonical != small)
        free(canonical);
    return kind;
}

/* Whether a cell's text can only be a number with a decimal comma: digits,
 * a comma, and then one, two or more than three digits ("1839,5"). Such a
 * cell in a tab file says how the file writes decimals. */
static bool decimal_comma_only(const char *text)
{
    size_t begin, end;
    trim_span(text, strlen(text), &begin, &end);
    const unsigned char *s = (const unsigned char *)text;
    size_t i = begin + (begin < end && s[begin] == '-');
    size_t whole = digit_run(s, end, i);
    if (whole == 0 || i + whole >= end || s[i + whole] != ',')
        return false;
    size_t decimals = digit_run(s, end, i + whole + 1);
    size_t after = i + whole + 1 + decimals;
    bool percent = after < end && (s[after] == '%' || s[after] == ' ');
    /* "0,125" groups nothing: a group never follows a lone zero. */
    bool zero = whole == 1 && s[i] == '0';
    return decimals > 0 && (decimals != 3 || zero) && (after == end || percent);
}

/* Whether a cell's text can only be a number with a decimal point. */
static bool decimal_point_only(const char *text)
{
    size_t begin, end;
    trim_span(text, strlen(text), &begin, &end);
    const unsigned char *s = (const unsigned char *)text;
    size_t i = begin + (begin < end && s[begin] == '-');
    size_t whole = digit_run(s, end, i);
    if (whole == 0 || i + whole >= end || s[i + whole] != '.')
        return false;
    size_t decimals = digit_run(s, end, i + whole + 1);
    size_t after = i + whole + 1 + decimals;
    bool zero = whole == 1 && s[i] == '0';
    return decimals > 0 && (decimals != 3 || zero) &&
           (after == end || s[after] == '%' || s[after] == ' ');
}

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
    return c ? utf8_length(r->bytes + i, r->length - i) : 0;
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
        fs_error(r->diags, pos_of(r, at), encoding_hint,
                 "NUL byte in the text; expected UTF-8 text (is the file UTF-16 or binary?)");
    else if (broken)
        fs_error(r->diags, pos_of(r, at),
                 "the file holds UTF-8 text elsewhere, so this byte is damage, not another "
                 "encoding: retype the character here, or export the file again as \"CSV UTF-8\"",
                 "invalid UTF-8: byte 0x%02X at byte offset %zu does not start or continue a "
                 "character",
                 c, at.offset);
    else
        fs_error(r->diags, pos_of(r, at),
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
        cursor_advance(&at, r->bytes, r->length, i);
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

typedef enum { TEXT_UTF8, TEXT_CP1252, TEXT_BAD } text_encoding;

/* Decides how to read the file. UTF-8 when it is. Windows-1252 when some
 * bytes are not UTF-8, none is a NUL or undefined in Windows-1252, and no
 * multibyte UTF-8 sequence occurs anywhere (a file that holds one is UTF-8
 * with damage, and reading it as Windows-1252 would print mojibake): one
 * warning points at the first, and *converted is the file's length once
 * converted to UTF-8. Otherwise errors point at the bad bytes. */
static text_encoding check_encoding(reader *r, size_t *converted)
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
    cursor_advance(&at, r->bytes, r->length, first);
    fs_warning(r->diags, pos_of(r, at), "save it as CSV UTF-8 to silence this warning",
               "the file is not UTF-8; read it as Windows-1252 (byte 0x%02X here)",
               r->bytes[first]);
    *converted = length;
    return TEXT_CP1252;
}

/* The file in UTF-8, each byte that is not UTF-8 replaced by its
 * Windows-1252 character; length is what check_encoding counted. The caller
 * frees it; NULL when out of memory. */
static unsigned char *convert_cp1252(const reader *r, size_t length)
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

static bool is_utf16(const unsigned char *bytes, size_t length)
{
    return length >= 2 &&
           ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF));
}

/* The UTF-16 file after its byte-order mark, in UTF-8 (Excel's "Unicode
 * text" export): a buffer the caller frees, its length in *out_length.
 * NULL after an error at the first unit that is not text (a lone
 * surrogate, a NUL, an odd last byte) or when out of memory. */
static unsigned char *convert_utf16(const unsigned char *bytes, size_t length, const char *path,
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

/* ---- delimiter ------------------------------------------------------- */

/* The delimiter most frequent outside quotes on the first non-blank line;
 * a comma when there is none, and on a tie comma, then semicolon. */
static char sniff_delimiter(const unsigned char *s, size_t n, size_t i)
{
    for (size_t j = i; j < n && (is_space(s[j]) || is_newline(s[j])); j++)
        if (is_newline(s[j]))
            i = j + 1;
    size_t comma = 0, semicolon = 0, tab = 0;
    bool quoted = false;
    for (; i < n; i++) {
        if (s[i] == '"')
            quoted = !quoted;
        else if (quoted)
            continue;
        else if (is_newline(s[i]))
            break;
        comma += s[i] == ',';
        semicolon += s[i] == ';';
        tab += s[i] == '\t';
    }
    if (semicolon > comma && semicolon >= tab)
        return ';';
    if (tab > comma && tab > semicolon)
        return '\t';
    return ',';
}

/* ---- HXL hashtags ---------------------------------------------------- */

static bool is_letter(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool is_hex_digit(unsigned char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

/* Length of an HXL name at s[i] (a letter, then letters, digits and
 * underscores), 0 when there is none. */
static size_t hxl_name(const unsigned char *s, size_t end, size_t i)
{
    if (i >= end || !is_letter(s[i]))
        return 0;
    size_t start = i;
    while (i < end && (is_letter(s[i]) || (s[i] >= '0' && s[i] <= '9') || s[i] == '_'))
        i++;
    return i - start;
}

/* Whether s[i..end) is an HXL tag spec: "#tag" then attributes, each "+name"
 * after optional spaces ("#affected +f +children"). A colour such as "#fff"
 * or "#1a2b3c" is not taken for a tag. */
static bool is_hxl_tag(const unsigned char *s, size_t i, size_t end)
{
    if (i >= end || s[i] != '#')
        return false;
    size_t name = hxl_name(s, end, i + 1);
    if (name == 0)
        return false;
    bool colour = name == 3 || name == 4 || name == 6 || name == 8;
    for (size_t k = i + 1; k < i + 1 + name; k++)
        colour = colour && is_hex_digit(s[k]);
    i += 1 + name;
    if (i == end)
        return !colour;
    while (i < end) {
        while (i < end && is_space(s[i]))
            i++;
        if (i == end || s[i] != '+' || (name = hxl_name(s, end, i + 1)) == 0)
            return false;
        i += 1 + name;
    }
    return true;
}

/* Whether a cell's text, trimmed, is an HXL tag spec. */
static bool is_tag_text(const char *text, size_t length)
{
    size_t begin, end;
    trim_span(text, length, &begin, &end);
    return is_hxl_tag((const unsigned char *)text, begin, end);
}

/* The tag spec s[begin..end) as HXL compares it: lower case, spaces out
 * ("#Affected +F" is "#affected+f"). In arena; NULL when out of memory. */
static const char *normal_tag(reader *r, const char *s, size_t begin, size_t end)
{
    char *out = fs_arena_alloc(r->arena, end - begin + 1);
    if (!out)
        return NULL;
    size_t n = 0;
    for (size_t i = begin; i < end; i++)
        if (!is_space((unsigned char)s[i]))
            out[n++] = (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] - 'A' + 'a' : s[i]);
    out[n] = '\0';
    return out;
}

/* Gives column k the tag its cell text holds; a cell that is not a tag is a
 * warning at where, and the column has none. */
static void set_tag(reader *r, size_t k, const char *text, fs_pos where)
{
    size_t begin, end;
    trim_span(text, strlen(text), &begin, &end);
    if (begin == end)
        return;
    fs_column *column = &r->table->column[k];
    if (!is_hxl_tag((const unsigned char *)text, begin, end)) {
        fs_warning(r->diags, where,
                   "write '#', a name and '+attributes' with no space inside a name, such as "
                   "#affected+f; or leave the cell empty",
                   "'%.*s' is not an HXL hashtag: column %zu ('%s') has no tag", (int)(end - begin),
                   text + begin, k + 1, column->name);
        return;
    }
    column->hxl = keep_text(r, text + begin, end - begin);
    column->tag = normal_tag(r, text, begin, end);
    if (!column->tag)
        out_of_memory(r);
}

/* Whether a scanned record is a hashtag row: at least half of its non-empty
 * cells are tags (libhxl-python's rule), and at least two unless all are,
 * so that one hashtag in a row of data is not taken for a tag row. */
static bool is_tag_row(const scan_row *row)
{
    return row->cells > 0 && row->tags * 2 >= row->cells &&
           (row->tags == row->cells || row->tags >= 2);
}

/* Finds the hashtag row among the scanned records: its index, or -1. The
 * record above it is the header, which must hold a name, not only
 * numbers. */
static long find_tag_row(const reader *r)
{
    for (size_t k = 0; k < r->scanned_count && k < FS_TABLE_HXL_ROWS; k++) {
        if (!is_tag_row(&r->scanned[k]))
            continue;
        if (k == 0 || r->scanned[k - 1].numbers < r->scanned[k - 1].cells)
            return (long)k;
    }
    return -1;
}

/* ---- header and rows ------------------------------------------------- */

static void add_column(reader *r, const char *text, size_t length, size_t index)
{
    if (index >= FS_TABLE_MAX_COLUMNS) {
        if (index == FS_TABLE_MAX_COLUMNS)
            r->extra_at = r->field_at;
        return;
    }
    fs_table *t = r->table;
    fs_column *column =
        reserve(r, t->column, t->columns, &r->column_capacity, index + 1, sizeof(fs_column));
    size_t begin, end;
    trim_span(text, length, &begin, &end);
    const char *name = keep_text(r, text + begin, end - begin);
    if (!column || !name)
        return;
    t->column = column;
    t->column[index] = (fs_column){
        .name = name, .line = r->field_at.line, .column = r->field_at.column, .type = FS_COL_TEXT};
    t->columns = index + 1;
}

/* The cells of the row being read, making room for it. The first block
 * grows by doubling from 16 rows, so that a small table stays small; later
 * blocks are made full size at once. NULL (after reporting) when out of
 * memory. */
static fs_cell *current_row(reader *r)
{
    fs_table *t = r->table;
    size_t block = t->rows / FS_TABLE_BLOCK_ROWS, within = t->rows % FS_TABLE_BLOCK_ROWS;
    size_t row_size = t->stride * sizeof(fs_cell);
    if (block == t->block_count) {
        fs_cell **blocks =
            reserve(r, t->blocks, t->block_count, &r->block_capacity, block + 1, sizeof(fs_cell *));
        if (!blocks)
            return NULL;
        t->blocks = blocks;
        t->blocks[t->block_count++] = NULL;
        r->block_rows = 0;
    }
    size_t needed = block > 0 ? FS_TABLE_BLOCK_ROWS : within + 1;
    fs_cell *cells = reserve(r, t->blocks[block], within, &r->block_rows, needed, row_size);
    if (!cells)
        return NULL;
    t->blocks[block] = cells;
    return cells + within * t->stride;
}

static void add_cell(reader *r, const char *text, size_t length, size_t index)
{
    fs_table *t = r->table;
    if (index >= t->stride) {
        if (index == t->stride)
            r->extra_at = r->field_at;
        return;
    }
    fs_cell *row = current_row(r);
    const char *kept = keep_text(r, text, length);
    if (!row || !kept)
        return;
    row[index] = (fs_cell){kept, 0, r->field_at.line, (unsigned)r->field_at.column, CELL_TEXT};
}

/* Column names must be there and differ; the columns after the last name
 * are checked once the rows are read (see drop_unnamed_columns). */
static void check_column_names(reader *r)
{
    const fs_table *t = r->table;
    for (size_t k = 0; k < r->named; k++) {
        const fs_column *column = &t->column[k];
        fs_pos pos = fs_pos_at(r->path, column->line, column->column);
        if (!*column->name) {
            fs_error(r->diags, pos,
                     "write a name in the header row for every column, or delete the column",
                     "empty column name in the header; expected a name for column %zu", k + 1);
            continue;
        }
        for (size_t j = 0; j < k; j++) {
            if (strcmp(t->column[j].name, column->name) == 0) {
                fs_error(r->diags, pos,
                         "rename one of the two columns so that every name is unique",
                         "duplicate column name \"%s\": column %zu already has this name",
                         column->name, j + 1);
                break;
            }
        }
    }
}

static void finish_header(reader *r, size_t fields)
{
    if (fields > FS_TABLE_MAX_COLUMNS) {
        fs_error(r->diags, pos_of(r, r->extra_at),
                 "split the table into several files, or drop the columns the brief does not use",
                 "the header has %zu columns; at most %d are supported", fields,
                 FS_TABLE_MAX_COLUMNS);
        r->stop = true;
        return;
    }
    fs_table *t = r->table;
    t->stride = t->columns;
    r->named = t->columns;
    while (r->named > 0 && !*t->column[r->named - 1].name)
        r->named--;
    /* A header that is a hashtag row names its columns by their tags. */
    if (r->hxl_record == 0) {
        for (size_t k = 0; k < t->columns; k++)
            set_tag(r, k, t->column[k].name,
                    fs_pos_at(r->path, t->column[k].line, t->column[k].column));
        t->hxl_pos = pos_of(r, r->row_at);
    }
    check_column_names(r);
    r->header_done = true;
}

static void report_ragged_row(reader *r, size_t fields)
{
    size_t columns = r->table->stride;
    cursor at = fields > columns ? r->extra_at : r->row_at;
    const char *name = delimiter_name(r->delimiter);
    char hint[256];
    snprintf(hint, sizeof hint,
             "check the delimiters on this line: the file is read as %s-separated (from its "
             "header line), so a field that contains a %s must be quoted",
             name, name);
    fs_error(r->diags, pos_of(r, at), hint, "row has %zu %s but the header has %zu %s", fields,
             fields == 1 ? "field" : "fields", columns, columns == 1 ? "column" : "columns");
}

/* Whether a row with this many fields fits the header: as many as it has,
 * or, when it ends in columns without a name, at least up to its last
 * name. */
static bool fits_header(const reader *r, size_t fields)
{
    size_t columns = r->table->stride;
    return fields == columns || (r->named < columns && fields >= r->named && fields < columns);
}

static void finish_row(reader *r, size_t fields)
{
    if (!fits_header(r, fields)) {
        report_ragged_row(r, fields);
        return;
    }
    if (r->table->rows == FS_TABLE_MAX_ROWS) {
        fs_error(r->diags, pos_of(r, r->row_at),
                 "split the table into several files, or aggregate it before making a brief",
                 "more than %d data rows; at most %d are supported", FS_TABLE_MAX_ROWS,
                 FS_TABLE_MAX_ROWS);
        r->stop = true;
        return;
    }
    /* A row that stops before the unnamed columns has them empty. */
    fs_cell *row = fields < r->table->stride ? current_row(r) : NULL;
    for (size_t k = fields; row && k < r->table->stride; k++)
        row[k] = (fs_cell){"", 0, r->row_at.line, (unsigned)r->row_at.column, CELL_EMPTY};
    r->table->rows++;
}

/* Takes the hashtag row's cells for the columns' tags. */
static void take_tag_row(reader *r, size_t fields)
{
    fs_table *t = r->table;
    if (!fits_header(r, fields)) {
        report_ragged_row(r, fields);
        return;
    }
    fs_cell *row = current_row(r);
    if (!row)
        return;
    for (size_t k = 0; k < fields && k < t->columns; k++)
        set_tag(r, k, row[k].text, fs_pos_at(r->path, row[k].line, (int)row[k].column));
    t->hxl_pos = pos_of(r, r->row_at);
}

/* The scan's view of one field: is it empty, a tag, a number? */
static void scan_field(reader *r, const char *text, size_t length)
{
    size_t begin, end;
    trim_span(text, length, &begin, &end);
    if (begin == end)
        return;
    r->scanning.cells++;
    r->scanning.tags += is_tag_text(text, length);
    char small[64];
    if (end - begin + 2 <= sizeof small) {
        cell_kind dot = parse_number(text + begin, end - begin, '.', small);
        cell_kind comma = parse_number(text + begin, end - begin, ',', small);
        r->scanning.numbers +=
            (dot != CELL_TEXT && dot != CELL_EMPTY) || (comma != CELL_TEXT && comma != CELL_EMPTY);
    }
}

/* libcsv's field callback. data is NULL only for an empty field. */
static void on_field(void *data, size_t length, void *context)
{
    reader *r = context;
    if (r->stop)
        return;
    const char *text = data ? data : "";
    if (!data)
        length = 0;
    size_t index = r->row_fields++;
    r->field_open = false;
    bool blank = !r->field_quoted && is_blank_text(text, length);
    r->row_blank = (index == 0 || r->row_blank) && blank;
    if (r->scan)
        scan_field(r, text, length);
    else if (r->record < r->skip)
        return;
    else if (!r->header_done)
        add_column(r, text, length, index);
    else
        add_cell(r, text, length, index);
}

/* libcsv's row callback. A line holding only spaces, tabs and delimiters is
 * blank, as an empty line is to libcsv: spreadsheets write ",,," for empty
 * rows, and trailing blank lines must not make ragged rows. Records above
 * the header are skipped; the hashtag row is not data. */
static void on_row(int terminator, void *context)
{
    (void)terminator;
    reader *r = context;
    if (r->stop)
        return;
    size_t fields = r->row_fields;
    bool blank = fields == 0 || r->row_blank;
    r->row_fields = 0;
    r->row_open = false;
    if (r->scan) {
        if (!blank) {
            r->scanning.line = r->row_at.line;
            r->scanned[r->scanned_count++] = r->scanning;
            r->stop = r->scanned_count == sizeof r->scanned / sizeof r->scanned[0];
        }
        r->scanning = (scan_row){0};
        return;
    }
    if (blank) {
        if (!r->header_done)
            r->table->columns = 0;
        return;
    }
    size_t record = r->record++;
    if (record < r->skip)
        return;
    if (!r->header_done)
        finish_header(r, fields);
    else if ((long)record == r->hxl_record)
        take_tag_row(r, fields);
    else
        finish_row(r, fields);
}

/* ---- driving libcsv -------------------------------------------------- */

/* Spaces belong to the field: libcsv's default would drop them around
 * unquoted fields, and cells keep the text as written. */
static int never_space(unsigned char c)
{
    (void)c;
    return 0;
}

static bool start_parser(struct csv_parser *parser, char delimiter)
{
    /* Not CSV_STRICT: a quote inside an unquoted field is text (5" screen,
     * 37°36'37.8"N), as csv-spectrum, PapaParse and spreadsheets read it.
     * Text after a closing quote is still refused (read_rows), and so is a
     * quote never closed (finish_parser). */
    if (csv_init(parser, CSV_STRICT_FINI) != 0)
        return false;
    csv_set_delim(parser, (unsigned char)delimiter);
    csv_set_space_func(parser, never_space);
    csv_set_blk_size(parser, FS_TABLE_CSV_BLOCK);
    csv_set_realloc_func(parser, fs_realloc);
    return true;
}

static void open_field(reader *r, cursor at)
{
    r->field_open = true;
    r->field_at = at;
    r->field_quoted = at.offset < r->length && r->bytes[at.offset] == '"';
    if (!r->row_open) {
        r->row_open = true;
        r->row_at = at;
    }
}

/* The end (exclusive) of the next slice to feed: through the next byte
 * that can end a field or change libcsv's state. */
static size_t slice_end(const reader *r, size_t i)
{
    /* A slice stops one byte past the open field's limit, so that libcsv
     * never holds more than that of one field. */
    size_t end = r->length;
    if (end - r->field_at.offset > FS_TABLE_MAX_FIELD + 1)
        end = r->field_at.offset + FS_TABLE_MAX_FIELD + 1;
    for (; i < end; i++) {
        unsigned char c = r->bytes[i];
        if (c == (unsigned char)r->delimiter || c == '"' || is_newline(c))
            return i + 1;
    }
    return end;
}

/* Drops the row being read and moves at to the line after offset from (or
 * to the end), with a fresh parser. False when out of memory. */
static bool restart_on_next_line(reader *r, struct csv_parser *parser, cursor *at, size_t from)
{
    r->field_open = r->row_open = false;
    r->row_fields = 0;
    size_t next = from;
    while (next < r->length && !is_newline(r->bytes[next]))
        next++;
    cursor_advance(at, r->bytes, r->length, next < r->length ? next + 1 : next);
    csv_free(parser);
    if (!start_parser(parser, r->delimiter)) {
        out_of_memory(r);
        return false;
    }
    return true;
}

static void report_unterminated(reader *r)
{
    fs_error(r->diags, pos_of(r, r->field_at),
             "close the field with a quote, and double every quote inside it (\"\")",
             "unterminated quoted field: the quote opened here is never closed");
}

/* Offset of the quote that closes the quoted field opened at offset open
 * (a doubled quote is text), or the length when none does. */
static size_t closing_quote(const reader *r, size_t open)
{
    for (size_t i = open + 1; i < r->length; i++) {
        if (r->bytes[i] != '"')
            continue;
        if (i + 1 < r->length && r->bytes[i + 1] == '"')
            i++;
        else
            return i;
    }
    return r->length;
}

/* Reports the open field, which is past the size limit, then skips its row
 * as recover does. A quoted field that is never closed is reported as
 * unterminated instead, since that is why it grew. False when reading
 * cannot go on. */
static bool skip_long_field(reader *r, struct csv_parser *parser, cursor *at)
{
    size_t end = at->offset;
    if (r->field_quoted) {
        end = closing_quote(r, r->field_at.offset);
        if (end == r->length) {
            report_unterminated(r);
            r->stop = true;
            return false;
        }
    }
    fs_error(r->diags, pos_of(r, r->field_at),
             r->field_quoted ? "shorten the text of this cell; if it should be short, its closing "
                               "quote is probably missing"
                             : "shorten the text of this cell, or keep such long texts out of "
                               "the table",
             "a field of more than 1 MiB; at most 1 MiB per field is supported");
    if (!r->header_done) {
        r->stop = true;
        return false;
    }
    return restart_on_next_line(r, parser, at, end);
}

/* The offset of the text right after the closing quote of the quoted
 * field opened at open ("b"c), 0 when a delimiter, a line end or the end of
 * the file follows it, as it must. */
static size_t text_after_closing_quote(const reader *r, size_t open)
{
    size_t close = closing_quote(r, open);
    if (close + 1 >= r->length)
        return 0;
    unsigned char next = r->bytes[close + 1];
    return next == (unsigned char)r->delimiter || is_newline(next) ? 0 : close + 1;
}

/* Reports text after a closing quote at offset bad, then skips its row as
 * libcsv's strict mode would have refused it. False when reading cannot go
 * on. */
static bool skip_text_after_quote(reader *r, struct csv_parser *parser, cursor *at, size_t bad)
{
    cursor where = *at;
    cursor_advance(&where, r->bytes, r->length, bad);
    fs_error(r->diags, pos_of(r, where),
             "put the delimiter or the line end right after the closing quote, and double "
             "every quote that belongs to the text (\"\")",
             "unexpected text after the closing quote of a quoted field");
    /* Without a header the shape of every later row is unknown. */
    if (!r->header_done) {
        r->stop = true;
        return false;
    }
    *at = where;
    return restart_on_next_line(r, parser, at, bad);
}

static void finish_parser(reader *r, struct csv_parser *parser, cursor at)
{
    /* A delimiter right before the end of the file leaves an empty field,
     * which starts there. */
    if (r->row_open && !r->field_open)
        open_field(r, at);
    /* A quoted field still open at the end was never closed: libcsv would
     * take the rest of the file for its text. */
    if (r->field_open && r->field_quoted && closing_quote(r, r->field_at.offset) == r->length) {
        report_unterminated(r);
        return;
    }
    if (csv_fini(parser, on_field, on_row, r) != 0 && !r->stop)
        report_unterminated(r);
}

static void read_rows(reader *r)
{
    struct csv_parser parser;
    if (!start_parser(&parser, r->delimiter)) {
        out_of_memory(r);
        return;
    }
    cursor at = {r->start, 1, 1};
    while (at.offset < r->length && !r->stop) {
        size_t i = at.offset;
        if (!r->field_open) {
            /* Line ends between rows are blank lines, which libcsv skips
             * too (no CSV_REPALL_NL). */
            if (!r->row_open && is_newline(r->bytes[i])) {
                cursor_advance(&at, r->bytes, r->length, i + 1);
                continue;
            }
            open_field(r, at);
            size_t bad = r->field_quoted ? text_after_closing_quote(r, i) : 0;
            if (bad) {
                if (!skip_text_after_quote(r, &parser, &at, bad))
                    break;
                continue;
            }
        }
        size_t end = slice_end(r, i);
        size_t used = csv_parse(&parser, r->bytes + i, end - i, on_field, on_row, r);
        cursor_advance(&at, r->bytes, r->length, i + used);
        if (used < end - i) {
            out_of_memory(r);
            break;
        }
        if (r->field_open && at.offset - r->field_at.offset > FS_TABLE_MAX_FIELD &&
            !skip_long_field(r, &parser, &at))
            break;
    }
    if (!r->stop)
        finish_parser(r, &parser, at);
    csv_free(&parser);
}

/* ---- the table ------------------------------------------------------- */

static const fs_cell *cell_at(const fs_table *table, size_t row, size_t column)
{
    if (row >= table->rows || column >= table->columns)
        return NULL;
    if (table->row_map)
        row = table->row_map[row];
    const fs_cell *block = table->blocks[row / FS_TABLE_BLOCK_ROWS];
    return &block[(row % FS_TABLE_BLOCK_ROWS) * table->stride + column];
}

static fs_cell *cell_of(fs_table *table, size_t row, size_t column)
{
    return (fs_cell *)cell_at(table, row, column);
}

/* A tab file writes decimals as its cells show: with a comma when some cell
 * can only be a number with a decimal comma and none can only be one with
 * a decimal point. */
static char tab_decimal_mark(const fs_table *t)
{
    bool comma = false;
    for (size_t row = 0; row < t->rows; row++) {
        for (size_t k = 0; k < t->columns; k++) {
            const char *text = cell_at(t, row, k)->text;
            if (decimal_point_only(text))
                return '.';
            comma = comma || decimal_comma_only(text);
        }
    }
    return comma ? ',' : '.';
}

static void classify_cells(fs_table *t)
{
    for (size_t row = 0; row < t->rows; row++) {
        for (size_t k = 0; k < t->columns; k++) {
            fs_cell *cell = cell_of(t, row, k);
            double value = 0;
            cell->kind = classify(cell->text, t->decimal, &value);
            cell->number = value;
        }
    }
}

static bool is_year_column(const fs_table *t, size_t column)
{
    const char *name = t->column[column].name;
    bool named = false;
    for (const char *c = name; *c && !named; c++)
        named = strncasecmp(c, "year", 4) == 0 || strncasecmp(c, "année", 6) == 0 ||
                strncasecmp(c, "annee", 5) == 0;
    if (!named)
        return false;
    for (size_t row = 0; row < t->rows; row++) {
        const fs_cell *cell = cell_at(t, row, column);
        if (cell->kind == CELL_INTEGER && (cell->number < 1000 || cell->number > 2999))
            return false;
    }
    return true;
}

/* Whether the header names a code or an identifier: one of its words
 * (split at spaces, punctuation, digits and lower-to-upper case changes,
 * "admin1Pcode" is admin, Pcode) is such a word, or its HXL tag has the
 * attribute +code or +phone. */
static bool names_a_code(const fs_column *column)
{
    static const char *const words[] = {"code", "codes",     "pcode",     "id",     "ids",
                                        "zip",  "zipcode",   "postcode",  "postal", "phone",
                                        "tel",  "telephone", "mobile",    "fax",    "iso",
                                        "iso2", "iso3",      "timestamp", "uuid"};
    const char *tag = column->tag;
    if (tag && (strstr(tag, "+code") || strstr(tag, "+phone")))
        return true;
    const char *c = column->name;
    while (*c) {
        while (*c && !is_letter((unsigned char)*c))
            c++;
        const char *start = c;
        while (is_letter((unsigned char)*c) || (*c >= '0' && *c <= '9' && c > start)) {
            bool case_change = c > start && c[-1] >= 'a' && c[-1] <= 'z' && *c >= 'A' && *c <= 'Z';
            if (case_change)
                break;
            c++;
        }
        size_t length = (size_t)(c - start);
        for (size_t i = 0; length && i < sizeof words / sizeof words[0]; i++)
            if (strlen(words[i]) == length && strncasecmp(start, words[i], length) == 0)
                return true;
        if (length == 0 && *c)
            c++;
    }
    return false;
}

/* Whether text is one word (no space inside) holding a letter and a digit:
 * a code such as "ML0401" or "M-01". */
static bool is_code_word(const char *text)
{
    size_t begin, end;
    trim_span(text, strlen(text), &begin, &end);
    bool letter = false, digit = false;
    for (size_t i = begin; i < end; i++) {
        unsigned char c = (unsigned char)text[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
            return false;
        letter = letter || is_letter(c);
        digit = digit || (c >= '0' && c <= '9');
    }
    return letter && digit;
}

static bool is_one_word(const char *text)
{
    size_t begin, end;
    trim_span(text, strlen(text), &begin, &end);
    for (size_t i = begin; i < end; i++)
        if (text[i] == ' ' || text[i] == '\t' || text[i] == '\n' || text[i] == '\r')
            return false;
    return true;
}

static fs_col_type column_type(const fs_table *t, size_t column)
{
    bool any = false, integer = true, decimal = true, percent = true, date = true;
    /* code: every cell a whole number, a code or one word, some a code
     * proper (a leading zero, letters and digits); words: every cell one
     * word or a whole number, for a header that names a code. */
    bool codes = true, code_proper = false, words = true;
    for (size_t row = 0; row < t->rows; row++) {
        const fs_cell *cell = cell_at(t, row, column);
        cell_kind kind = cell->kind;
        if (kind == CELL_EMPTY || kind == CELL_MARKER)
            continue;
        any = true;
        integer = integer && kind == CELL_INTEGER;
        decimal = decimal && (kind == CELL_INTEGER || kind == CELL_DECIMAL);
        percent = percent && kind == CELL_PERCENT;
        date = date && kind == CELL_DATE;
        bool code_word = kind == CELL_TEXT && is_code_word(cell->text);
        code_proper = code_proper || kind == CELL_CODE || code_word;
        codes = codes && (kind == CELL_INTEGER || kind == CELL_CODE || code_word);
        words = words && (kind == CELL_INTEGER || kind == CELL_CODE ||
                          (kind == CELL_TEXT && is_one_word(cell->text)));
    }
    if (!any)
        return FS_COL_TEXT;
    if ((codes && code_proper) || (words && names_a_code(&t->column[column])))
        return FS_COL_CODE;
    if (integer && is_year_column(t, column))
        return FS_COL_YEAR;
    if (integer)
        return FS_COL_INTEGER;
    if (decimal)
        return FS_COL_DECIMAL;
    if (percent)
        return FS_COL_PERCENT;
    return date ? FS_COL_DATE : FS_COL_TEXT;
}

static size_t count_missing(const fs_table *t, size_t column)
{
    if (!is_number_type(t->column[column].type))
        return 0;
    size_t missing = 0;
    for (size_t row = 0; row < t->rows; row++) {
        cell_kind kind = cell_at(t, row, column)->kind;
        missing += kind == CELL_EMPTY || kind == CELL_MARKER;
    }
    return missing;
}

/* Columns after the header's last name: left out, with a note, when they
 * are empty in every row (Excel's "id;label;;;"); an error at each one
 * that holds data, which needs a name. */
static bool drop_unnamed_columns(reader *r)
{
    fs_table *t = r->table;
    if (r->named == t->columns)
        return true;
    bool ok = true;
    for (size_t k = r->named; k < t->columns; k++) {
        for (size_t row = 0; row < t->rows; row++) {
            const char *text = cell_at(t, row, k)->text;
            if (is_blank_text(text, strlen(text)))
                continue;
            fs_error(r->diags, fs_pos_at(r->path, t->column[k].line, t->column[k].column),
                     "write a name in the header row for every column, or delete the column",
                     "empty column name in the header; expected a name for column %zu, which "
                     "holds data",
                     k + 1);
            ok = false;
            break;
        }
    }
    if (!ok)
        return false;
    size_t dropped = t->columns - r->named;
    fs_diag_add(r->diags, FS_NOTE,
                fs_pos_at(r->path, t->column[r->named].line, t->column[r->named].column),
                "delete the empty columns in the spreadsheet to silence this note",
                "%zu empty column%s at the end of the header %s left out: %s no name and no data",
                dropped, dropped == 1 ? "" : "s", dropped == 1 ? "is" : "are",
                dropped == 1 ? "it has" : "they have");
    t->columns = r->named;
    return true;
}

/* "data/stats.csv" is "stats"; a leading dot does not start an extension. */
static char *file_stem(fs_arena *arena, const char *path)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    const char *dot = strrchr(base, '.');
    size_t length = dot && dot != base ? (size_t)(dot - base) : strlen(base);
    return fs_arena_strndup(arena, base, length);
}

static fs_table *new_table(const char *name, const char *path, fs_arena *arena)
{
    fs_table *t = fs_arena_alloc(arena, sizeof(fs_table));
    if (!t)
        return NULL;
    t->name = name ? fs_arena_strdup(arena, name) : file_stem(arena, path ? path : "");
    t->path = path ? fs_arena_strdup(arena, path) : NULL;
    t->hxl_pos = fs_pos_at(t->path, 0, 0);
    if (!t->name || (path && !t->path))
        return NULL;
    return t;
}

/* Finds the hashtag row (a first pass whose diagnostics are dropped: the
 * second pass reports them), then reads the rows. */
static void read_table(reader *r)
{
    fs_diags *scratch = fs_diags_create();
    if (!scratch) {
        out_of_memory(r);
        return;
    }
    fs_diags *diags = r->diags;
    r->diags = scratch;
    r->scan = true;
    read_rows(r);
    fs_diags_free(scratch);
    r->diags = diags;
    r->scan = r->stop = false;
    r->field_open = r->row_open = false;
    r->row_fields = 0;
    r->hxl_record = find_tag_row(r);
    r->skip = r->hxl_record > 0 ? (size_t)r->hxl_record - 1 : 0;
    if (r->skip > 0) {
        int first = r->scanned[0].line, last = r->scanned[r->skip - 1].line;
        int header = r->scanned[r->skip].line, tags = r->scanned[r->skip + 1].line;
        char lines[64];
        if (r->skip == 1)
            snprintf(lines, sizeof lines, "line %d is", first);
        else
            snprintf(lines, sizeof lines, "lines %d to %d are", first, last);
        fs_warning(r->diags, fs_pos_at(r->path, first, 1),
                   "delete the rows above the header if they are data; a title above the "
                   "header can stay",
                   "%s above the header and not read: the HXL hashtag row at line %d makes "
                   "line %d the header",
                   lines, tags, header);
    }
    read_rows(r);
}

static fs_table *parse_table(const char *name, const char *path, const char *bytes, size_t length,
                             bool keep_bad, fs_arena *arena, fs_diags *diags)
{
    size_t errors = fs_diags_errors(diags);
    const unsigned char *data = (const unsigned char *)(bytes ? bytes : "");
    if (!bytes)
        length = 0;
    if (length > FS_TABLE_MAX_BYTES) {
        too_large(diags, path);
        return NULL;
    }
    reader r = {.bytes = data, .length = length, .path = path, .arena = arena, .diags = diags};
    r.table = new_table(name, path, arena);
    if (!r.table) {
        out_of_memory(&r);
        return NULL;
    }
    r.table->encoding = "UTF-8";
    unsigned char *converted = NULL;
    if (is_utf16(data, length)) {
        size_t utf8_length = 0;
        converted = convert_utf16(data, length, path, &utf8_length, diags);
        if (!converted)
            return NULL;
        r.table->encoding = data[0] == 0xFF ? "UTF-16LE" : "UTF-16BE";
        r.bytes = converted;
        r.length = utf8_length;
    } else if (length >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
        r.start = 3;
        r.table->encoding = "UTF-8 with BOM";
    }
    r.delimiter = sniff_delimiter(r.bytes, r.length, r.start);
    r.table->delimiter = r.delimiter;
    size_t converted_length = 0;
    text_encoding encoding = check_encoding(&r, &converted_length);
    if (encoding == TEXT_CP1252) {
        unsigned char *cp1252 = convert_cp1252(&r, converted_length);
        if (!cp1252) {
            out_of_memory(&r);
            return NULL;
        }
        free(converted);
        converted = cp1252;
        r.bytes = converted;
        r.length = converted_length;
        r.table->encoding = "Windows-1252";
    }
    read_table(&r);
    free(converted);
    if (!r.header_done && fs_diags_errors(diags) == errors)
        fs_error(diags, fs_pos_at(path, 1, 1),
                 "add a first line that names the columns, e.g. region,year,value",
                 "empty CSV file; expected a header row");
    if (encoding == TEXT_BAD || !r.header_done || r.stop)
        return NULL;
    bool columns_ok = drop_unnamed_columns(&r);
    if (fs_diags_errors(diags) > errors && (!keep_bad || !columns_ok))
        return NULL;
    fs_table *t = r.table;
    t->file_rows = t->rows;
    t->decimal = t->delimiter == ';' ? ',' : t->delimiter == '\t' ? tab_decimal_mark(t) : '.';
    classify_cells(t);
    for (size_t k = 0; k < t->columns; k++) {
        t->column[k].type = column_type(t, k);
        t->column[k].missing = count_missing(t, k);
    }
    return t;
}

fs_table *fs_table_parse(const char *name, const char *path, const char *bytes, size_t length,
                         fs_arena *arena, fs_diags *diags)
{
    return parse_table(name, path, bytes, length, false, arena, diags);
}

static fs_table *load_table(const char *path, bool keep_bad, fs_arena *arena, fs_diags *diags)
{
    fs_file file = fs_file_read(path, FS_TABLE_MAX_BYTES);
    if (file.status == FS_FILE_TOO_LARGE) {
        too_large(diags, path);
        return NULL;
    }
    if (file.status != FS_FILE_READ) {
        fs_file_report(&file, NULL, diags);
        return NULL;
    }
    char *name = file_stem(arena, path);
    fs_table *table = NULL;
    if (name)
        table = parse_table(name, path, file.bytes, file.length, keep_bad, arena, diags);
    else
        fs_error(diags, fs_pos_at(path, 0, 0), NULL, "out of memory while reading the table");
    free(file.bytes);
    return table;
}

fs_table *fs_table_load(const char *path, fs_arena *arena, fs_diags *diags)
{
    return load_table(path, false, arena, diags);
}

fs_table *fs_table_load_all(const char *path, fs_arena *arena, fs_diags *diags)
{
    return load_table(path, true, arena, diags);
}

/* ---- accessors ------------------------------------------------------- */

const char *fs_table_name(const fs_table *table)
{
    return table->name;
}

const char *fs_table_path(const fs_table *table)
{
    return table->path;
}

char fs_table_delimiter(const fs_table *table)
{
    return table->delimiter;
}

size_t fs_table_row_count(const fs_table *table)
{
    return table->rows;
}

size_t fs_table_column_count(const fs_table *table)
{
    return table->columns;
}

const char *fs_table_column_name(const fs_table *table, size_t column)
{
    return column < table->columns ? table->column[column].name : "";
}

fs_col_type fs_table_column_type(const fs_table *table, size_t column)
{
    return column < table->columns ? table->column[column].type : FS_COL_TEXT;
}

const char *fs_table_column_hxl(const fs_table *table, size_t column)
{
    return column < table->columns ? table->column[column].hxl : NULL;
}

const char *fs_table_column_tag(const fs_table *table, size_t column)
{
    return column < table->columns ? table->column[column].tag : NULL;
}

long fs_table_find_column(const fs_table *table, const char *name)
{
    for (size_t k = 0; k < table->columns; k++)
        if (strcmp(table->column[k].name, name) == 0)
            return (long)k;
    return -1;
}

const char *fs_table_cell(const fs_table *table, size_t row, size_t column)
{
    const fs_cell *cell = cell_at(table, row, column);
    return cell ? cell->text : "";
}

static bool is_number_kind(cell_kind kind)
{
    return kind == CELL_INTEGER || kind == CELL_DECIMAL || kind == CELL_PERCENT;
}

bool fs_table_cell_number(const fs_table *table, size_t row, size_t column, double *value)
{
    const fs_cell *cell = cell_at(table, row, column);
    if (!cell || !is_number_kind(cell->kind))
        return false;
    *value = cell->number;
    return true;
}

bool fs_table_cell_decimal(const fs_table *table, size_t row, size_t column, fs_buf *out)
{
    const fs_cell *cell = cell_at(table, row, column);
    if (!cell || !is_number_kind(cell->kind))
        return false;
    size_t length = strlen(cell->text);
    char *canonical = fs_malloc(length + 2);
    if (!canonical)
        return false;
    parse_number(cell->text, length, table->decimal, canonical);
    fs_buf_puts(out, canonical);
    free(canonical);
    return fs_buf_ok(out);
}

bool fs_table_cell_missing(const fs_table *table, size_t row, size_t column)
{
    const fs_cell *cell = cell_at(table, row, column);
    return cell && is_number_type(table->column[column].type) &&
           (cell->kind == CELL_EMPTY || cell->kind == CELL_MARKER);
}

size_t fs_table_column_missing(const fs_table *table, size_t column)
{
    return column < table->columns ? table->column[column].missing : 0;
}

fs_pos fs_table_cell_pos(const fs_table *table, size_t row, size_t column)
{
    const fs_cell *cell = cell_at(table, row, column);
    if (!cell)
        return fs_pos_at(table->path, 0, 0);
    return fs_pos_at(table->path, cell->line, (int)cell->column);
}

fs_pos fs_table_column_pos(const fs_table *table, size_t column)
{
    if (column >= table->columns)
        return fs_pos_at(table->path, 0, 0);
    return fs_pos_at(table->path, table->column[column].line, table->column[column].column);
}

fs_table *fs_table_select(const fs_table *table, const size_t *rows, size_t count, fs_arena *arena)
{
    fs_table *view = fs_arena_alloc(arena, sizeof *view);
    size_t *map = fs_arena_array(arena, count, sizeof *map);
    if (!view || !map)
        return NULL;
    *view = *table;
    for (size_t i = 0; i < count; i++)
        map[i] = table->row_map ? table->row_map[rows[i]] : rows[i];
    view->row_map = map;
    view->rows = count;
    return view;
}

size_t fs_table_file_rows(const fs_table *table)
{
    return table->file_rows;
}

const char *fs_table_encoding(const fs_table *table)
{
    return table->encoding;
}

fs_pos fs_table_hxl_pos(const fs_table *table)
{
    return table->hxl_pos;
}

/* ---- types ----------------------------------------------------------- */

static const char *const type_names[] = {
    [FS_COL_TEXT] = "text",       [FS_COL_INTEGER] = "integer", [FS_COL_DECIMAL] = "decimal",
    [FS_COL_PERCENT] = "percent", [FS_COL_YEAR] = "year",       [FS_COL_DATE] = "date",
    [FS_COL_CODE] = "code",
};

const char *fs_col_type_name(fs_col_type type)
{
    return (unsigned)type < sizeof type_names / sizeof type_names[0] ? type_names[type] : "text";
}

bool fs_col_type_from_name(const char *name, fs_col_type *type)
{
    for (size_t i = 0; i < sizeof type_names / sizeof type_names[0]; i++) {
        if (strcmp(type_names[i], name) == 0) {
            *type = (fs_col_type)i;
            return true;
        }
    }
    return false;
}

bool fs_table_column_declared(const fs_table *table, size_t column)
{
    return column < table->columns && table->column[column].declared;
}

bool fs_table_column_translated(const fs_table *table, size_t column)
{
    if (column >= table->columns)
        return false;
    /* NAME@LANG holds a translation already. */
    const fs_column *c = &table->column[column];
    return !c->no_translation && c->type == FS_COL_TEXT && !strchr(c->name, '@');
}

/* Whether a cell fits a declared type: empty, a marker in a number column,
 * or a cell of the type. */
static bool fits_type(const fs_cell *cell, fs_col_type type)
{
    cell_kind kind = cell->kind;
    if (kind == CELL_EMPTY || (kind == CELL_MARKER && is_number_type(type)))
        return true;
    switch (type) {
    case FS_COL_INTEGER:
        return kind == CELL_INTEGER;
    case FS_COL_YEAR:
        return kind == CELL_INTEGER && cell->number >= 1000 && cell->number <= 2999;
    case FS_COL_DECIMAL:
        return kind == CELL_INTEGER || kind == CELL_DECIMAL;
    case FS_COL_PERCENT:
        return kind == CELL_PERCENT;
    case FS_COL_DATE:
        return kind == CELL_DATE;
    default:
        return true;
    }
}

static const char *type_example(fs_col_type type)
{
    switch (type) {
    case FS_COL_INTEGER:
        return "a whole number such as 2029052 or 2,029,052";
    case FS_COL_YEAR:
        return "a year such as 2019";
    case FS_COL_DECIMAL:
        return "a number such as 1839.5";
    case FS_COL_PERCENT:
        return "a percentage such as 47%";
    default:
        return "a date such as 2019-06-30 or 2019-06";
    }
}

/* The index of the declared column: by name, or by HXL tag pattern. -1
 * after an error at the declaration. */
static long declared_column(const fs_table *table, const fs_column_decl *d, fs_diags *diags)
{
    if (d->name[0] == '#') {
        size_t column = 0, other = 0;
        size_t found = fs_table_find_tag(table, d->name, &column, &other);
        if (found == 1)
            return (long)column;
        if (found > 1)
            fs_error(diags, d->pos,
                     "add an attribute that only one of them has, or name the column",
                     "'%s' matches columns '%s' and '%s' of %s", d->name,
                     table->column[column].name, table->column[other].name, table->path);
        else
            fs_error(diags, d->pos, "write a tag of the table's hashtag row, such as #affected+f",
                     "no column of %s has the HXL tag '%s'", table->path, d->name);
        return -1;
    }
    long found = fs_table_find_column(table, d->name);
    if (found >= 0)
        return found;
    const char **names = fs_malloc((table->columns + 1) * sizeof *names);
    fs_buf hint = {0};
    for (size_t k = 0; names && k < table->columns; k++)
        names[k] = table->column[k].name;
    if (names)
        fs_suggest_hint(&hint, d->name, names, table->columns, "its columns: ");
    fs_error(diags, d->pos, fs_buf_str(&hint), "no column '%s' in %s", d->name, table->path);
    fs_buf_free(&hint);
    free(names);
    return -1;
}

bool fs_table_declare(fs_table *table, const fs_table_decl *decl, fs_diags *diags)
{
    bool ok = true;
    for (size_t i = 0; i < decl->count; i++) {
        const fs_column_decl *d = &decl->columns[i];
        long found = declared_column(table, d, diags);
        if (found < 0) {
            ok = false;
            continue;
        }
        fs_column *column = &table->column[found];
        column->no_translation = column->no_translation || d->no_translation;
        if (!d->has_type)
            continue;
        column->declared = true;
        column->type = d->type;
        for (size_t row = 0; row < table->rows; row++) {
            const fs_cell *cell = cell_at(table, row, (size_t)found);
            if (fits_type(cell, d->type))
                continue;
            char hint[512];
            snprintf(hint, sizeof hint,
                     "write %s (or leave the cell empty, or write N/A), or declare the column "
                     "otherwise at %s:%d:%d",
                     type_example(d->type), d->type_pos.file ? d->type_pos.file : "",
                     d->type_pos.line, d->type_pos.column);
            fs_error(diags, fs_pos_at(table->path, cell->line, (int)cell->column), hint,
                     "column '%s' is declared %s, but this cell holds '%s'", column->name,
                     fs_col_type_name(d->type), cell->text);
            ok = false;
        }
        column->missing = count_missing(table, (size_t)found);
    }
    return ok;
}

/* ---- HXL tag patterns ------------------------------------------------ */

/* One piece of a pattern: "#tag", "+attribute" or "-attribute", lower
 * case, at most 63 characters. Returns the length read, 0 at the end or on
 * a malformed piece (*bad set). */
static size_t pattern_piece(const char *p, char *sign, char *word, bool *bad)
{
    if (!*p)
        return 0;
    *sign = *p;
    size_t n = hxl_name((const unsigned char *)p, strlen(p), 1);
    if ((*p != '#' && *p != '+' && *p != '-') || n == 0 || n > 63) {
        *bad = true;
        return 0;
    }
    for (size_t i = 0; i < n; i++)
        word[i] = (char)(p[1 + i] >= 'A' && p[1 + i] <= 'Z' ? p[1 + i] - 'A' + 'a' : p[1 + i]);
    word[n] = '\0';
    return n + 1;
}

/* Whether the normalised tag ("#affected+f+children") has the attribute. */
static bool tag_has(const char *tag, const char *attribute)
{
    size_t length = strlen(attribute);
    for (const char *a = strchr(tag, '+'); a; a = strchr(a + 1, '+'))
        if (strncmp(a + 1, attribute, length) == 0 && (a[1 + length] == '+' || !a[1 + length]))
            return true;
    return false;
}

static size_t count_attributes(const char *tag)
{
    size_t count = 0;
    for (const char *a = strchr(tag, '+'); a; a = strchr(a + 1, '+'))
        count++;
    return count;
}

/* Whether a column's tag matches the pattern; *exact when its attributes
 * are exactly the pattern's. */
static bool tag_matches(const char *tag, const char *pattern, bool *exact)
{
    char sign, word[64];
    bool bad = false;
    size_t n, included = 0;
    const char *p = pattern;
    n = pattern_piece(p, &sign, word, &bad);
    size_t name = strcspn(tag, "+");
    if (!n || strlen(word) != name - 1 || strncmp(tag + 1, word, name - 1) != 0)
        return false;
    for (p += n; (n = pattern_piece(p, &sign, word, &bad)) > 0; p += n) {
        bool has = tag_has(tag, word);
        if ((sign == '+') != has)
            return false;
        included += sign == '+';
    }
    *exact = !bad && included == count_attributes(tag);
    return !bad;
}

size_t fs_table_find_tag(const fs_table *table, const char *pattern, size_t *column, size_t *other)
{
    if (!fs_hxl_pattern_valid(pattern))
        return 0;
    size_t matches = 0, exact_matches = 0, first = 0, second = 0, first_exact = 0;
    for (size_t k = 0; k < table->columns; k++) {
        bool exact = false;
        if (!table->column[k].tag || !tag_matches(table->column[k].tag, pattern, &exact))
            continue;
        if (exact && exact_matches++ == 0)
            first_exact = k;
        if (matches == 0)
            first = k;
        else if (matches == 1)
            second = k;
        matches++;
    }
    if (exact_matches == 1) {
        *column = first_exact;
        return 1;
    }
    *column = first;
    *other = second;
    return matches > 2 ? 2 : matches;
}
