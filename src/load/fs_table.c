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
 * Encoding: a file that is not UTF-8 but whose every stray byte reads as
 * Windows-1252 is converted to UTF-8 before parsing, one character for each
 * such byte, so positions still count the characters of the file. */
#include "load/fs_table.h"

#include "core/fs_alloc.h"

#include <csv.h>
#include <errno.h>
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
};

/* What a cell's text is, decided once at load. */
typedef enum { CELL_EMPTY, CELL_TEXT, CELL_INTEGER, CELL_DECIMAL, CELL_PERCENT } cell_kind;

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
    const char *hxl; /* the HXL hashtag under the name, or NULL */
} fs_column;

struct fs_table {
    const char *name;
    const char *path;
    char delimiter;
    size_t rows;
    size_t columns;
    fs_column *column;
    /* Row r is at blocks[r / FS_TABLE_BLOCK_ROWS], (r % FS_TABLE_BLOCK_ROWS)
     * rows in; a row is its columns' cells side by side. */
    fs_cell **blocks;
    size_t block_count;
    /* A view made by fs_table_select: its row r is the source's row
     * row_map[r]; NULL for a table read from a file. */
    const size_t *row_map;
};

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
    bool hxl_checked; /* the first row under the header was looked at */
    bool stop;        /* a problem after which reading on would mislead or fail */
} reader;

/* ---- small helpers --------------------------------------------------- */

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

/* Grows an arena array to hold needed items, doubling so that a table of n
 * cells costs O(n) copying. NULL (after reporting) when out of memory. */
static void *reserve(reader *r, void *items, size_t used, size_t *capacity, size_t needed,
                     size_t size)
{
    if (needed <= *capacity)
        return items;
    size_t grown = *capacity ? *capacity : 16;
    while (grown < needed)
        if (!fs_size_mul(grown, 2, &grown))
            grown = needed;
    void *more = fs_arena_grow(r->arena, items, used, grown, size);
    if (!more) {
        out_of_memory(r);
        return NULL;
    }
    *capacity = grown;
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

/* Length of a thousands separator at s[i], 0 when there is none. A comma or
 * tab file groups with ','; a semicolon file (where ',' is the decimal mark)
 * groups with a space, a no-break space, a narrow no-break space or '.'. */
static size_t group_mark(const unsigned char *s, size_t end, size_t i, bool semicolon)
{
    if (i >= end)
        return 0;
    if (!semicolon)
        return s[i] == ',';
    if (s[i] == ' ' || s[i] == '.')
        return 1;
    if (end - i >= 2 && s[i] == 0xC2 && s[i + 1] == 0xA0)
        return 2;
    if (end - i >= 3 && s[i] == 0xE2 && s[i + 1] == 0x80 && s[i + 2] == 0xAF)
        return 3;
    return 0;
}

/* Length of the optional space allowed between a number and '%'. */
static size_t percent_space(const unsigned char *s, size_t end, size_t i)
{
    if (i < end && s[i] == ' ')
        return 1;
    if (end - i >= 2 && s[i] == 0xC2 && s[i + 1] == 0xA0)
        return 2;
    if (end - i >= 3 && s[i] == 0xE2 && s[i + 1] == 0x80 && s[i + 2] == 0xAF)
        return 3;
    return 0;
}

static double add_digits(double mantissa, const unsigned char *s, size_t count)
{
    for (size_t i = 0; i < count; i++)
        mantissa = mantissa * 10 + (s[i] - '0');
    return mantissa;
}

/* Reads the integer part with optional thousands groups: a first group of
 * one to three digits, then groups of exactly three behind one and the same
 * separator. Returns the index after it, or 0 when there is no digit. */
static size_t integer_part(const unsigned char *s, size_t end, size_t i, bool semicolon,
                           double *mantissa)
{
    size_t run = digit_run(s, end, i);
    if (run == 0)
        return 0;
    *mantissa = add_digits(*mantissa, s + i, run);
    i += run;
    size_t mark = group_mark(s, end, i, semicolon);
    if (run > 3 || mark == 0)
        return i;
    size_t first = i, first_mark = mark;
    while (mark == first_mark && memcmp(s + i, s + first, mark) == 0 &&
           digit_run(s, end, i + mark) == 3) {
        *mantissa = add_digits(*mantissa, s + i + mark, 3);
        i += mark + 3;
        mark = group_mark(s, end, i, semicolon);
    }
    return i;
}

static double scale_down(double mantissa, size_t decimals)
{
    /* Dividing once by an exact power of ten rounds correctly for the
     * usual case of at most 15 significant digits. */
    double power = 1;
    for (size_t i = 0; i < decimals && power < HUGE_VAL; i++)
        power *= 10;
    return mantissa / power;
}

/* Classifies a cell's text in the file's number conventions and stores its
 * value. Surrounding spaces and tabs are ignored. */
static cell_kind parse_number(const char *text, size_t length, char delimiter, double *value)
{
    const unsigned char *s = (const unsigned char *)text;
    size_t i = 0, end = length;
    while (i < end && is_space(s[i]))
        i++;
    while (end > i && is_space(s[end - 1]))
        end--;
    if (i == end)
        return CELL_EMPTY;
    bool semicolon = delimiter == ';';
    bool negative = s[i] == '-';
    if (negative)
        i++;
    double mantissa = 0;
    i = integer_part(s, end, i, semicolon, &mantissa);
    if (i == 0)
        return CELL_TEXT;
    size_t decimals = 0;
    if (i < end && s[i] == (semicolon ? ',' : '.')) {
        decimals = digit_run(s, end, i + 1);
        if (decimals == 0)
            return CELL_TEXT;
        mantissa = add_digits(mantissa, s + i + 1, decimals);
        i += 1 + decimals;
    }
    bool percent = false;
    size_t space = percent_space(s, end, i);
    if (i + space < end && s[i + space] == '%') {
        percent = true;
        i += space + 1;
    }
    if (i != end)
        return CELL_TEXT;
    double number = scale_down(mantissa, decimals);
    if (!isfinite(number))
        return CELL_TEXT;
    *value = negative ? -number : number;
    return percent ? CELL_PERCENT : decimals ? CELL_DECIMAL : CELL_INTEGER;
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

/* Whether a byte that text_length refused is text in no encoding the
 * reader knows: a NUL, or a byte Windows-1252 leaves undefined. */
static bool unreadable(unsigned char c)
{
    return c == 0 || cp1252_char(c) == 0;
}

static void report_unreadable(reader *r, cursor at)
{
    unsigned char c = r->bytes[at.offset];
    if (c == 0)
        fs_error(r->diags, pos_of(r, at), encoding_hint,
                 "NUL byte in the text; expected UTF-8 text (is the file UTF-16 or binary?)");
    else
        fs_error(r->diags, pos_of(r, at),
                 "save the file as UTF-8 (in a spreadsheet: Save As, then \"CSV UTF-8\"); this "
                 "byte is not Windows-1252 text either, so the file cannot be read as that",
                 "invalid UTF-8 at byte offset %zu (0x%02X); expected UTF-8 text", at.offset, c);
}

/* Reports the first unreadable byte of each line with one, up to a few
 * lines. */
static void report_unreadable_bytes(reader *r)
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
        if (!unreadable(r->bytes[i]))
            continue;
        cursor_advance(&at, r->bytes, r->length, i);
        if (at.line == reported_line)
            continue;
        reported_line = at.line;
        if (reports < FS_TABLE_MAX_ENCODING_REPORTS) {
            report_unreadable(r, at);
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
 * bytes are not UTF-8 and each of them is a Windows-1252 character: one
 * warning points at the first, and *converted is the file's length once
 * converted to UTF-8. Otherwise errors point at the bytes that are text in
 * neither. */
static text_encoding check_encoding(reader *r, size_t *converted)
{
    size_t first = 0, length = r->length;
    bool foreign = false;
    for (size_t i = r->start; i < r->length;) {
        size_t n = text_length(r, i);
        if (n > 0) {
            i += n;
            continue;
        }
        if (unreadable(r->bytes[i])) {
            report_unreadable_bytes(r);
            return TEXT_BAD;
        }
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
    const char *name = keep_text(r, text, length);
    if (!column || !name)
        return;
    t->column = column;
    t->column[index] = (fs_column){name, r->field_at.line, r->field_at.column, FS_COL_TEXT, NULL};
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
    size_t row_size = t->columns * sizeof(fs_cell);
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
    return cells + within * t->columns;
}

static void add_cell(reader *r, const char *text, size_t length, size_t index)
{
    fs_table *t = r->table;
    if (index >= t->columns) {
        if (index == t->columns)
            r->extra_at = r->field_at;
        return;
    }
    fs_cell *row = current_row(r);
    const char *kept = keep_text(r, text, length);
    if (!row || !kept)
        return;
    fs_cell *cell = &row[index];
    *cell = (fs_cell){kept, 0, r->field_at.line, (unsigned)r->field_at.column, CELL_TEXT};
    cell->kind = parse_number(text, length, r->delimiter, &cell->number);
}

static void check_column_names(reader *r)
{
    const fs_table *t = r->table;
    for (size_t k = 0; k < t->columns; k++) {
        const fs_column *column = &t->column[k];
        fs_pos pos = fs_pos_at(r->path, column->line, column->column);
        if (is_blank_text(column->name, strlen(column->name))) {
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
    check_column_names(r);
    r->header_done = true;
}

static void report_ragged_row(reader *r, size_t fields)
{
    size_t columns = r->table->columns;
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

static void finish_row(reader *r, size_t fields)
{
    if (fields != r->table->columns) {
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
    r->table->rows++;
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

/* The text of a cell without surrounding spaces and tabs. */
static void trim(const char *text, size_t *begin, size_t *end)
{
    *begin = 0;
    *end = strlen(text);
    while (*begin < *end && is_space((unsigned char)text[*begin]))
        (*begin)++;
    while (*end > *begin && is_space((unsigned char)text[*end - 1]))
        (*end)--;
}

/* Whether the row being read is an HXL hashtag row: every non-empty cell
 * is a tag spec, and there is at least one. */
static bool is_hxl_row(const fs_cell *row, size_t columns)
{
    bool any = false;
    for (size_t k = 0; k < columns; k++) {
        size_t begin, end;
        trim(row[k].text, &begin, &end);
        if (begin == end)
            continue;
        if (!is_hxl_tag((const unsigned char *)row[k].text, begin, end))
            return false;
        any = true;
    }
    return any;
}

/* Takes the row being read for the columns' HXL tags when it is a hashtag
 * row; false when it is data. */
static bool take_hxl_row(reader *r)
{
    fs_table *t = r->table;
    fs_cell *row = current_row(r);
    if (!row || !is_hxl_row(row, t->columns))
        return false;
    for (size_t k = 0; k < t->columns; k++) {
        size_t begin, end;
        trim(row[k].text, &begin, &end);
        if (begin < end)
            t->column[k].hxl = keep_text(r, row[k].text + begin, end - begin);
    }
    return true;
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
    if (!r->header_done)
        add_column(r, text, length, index);
    else
        add_cell(r, text, length, index);
}

/* libcsv's row callback. A line holding only spaces, tabs and delimiters is
 * blank, as an empty line is to libcsv: spreadsheets write ",,," for empty
 * rows, and trailing blank lines must not make ragged rows. The first row
 * under the header may be HXL hashtags, which are not data. */
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
    if (blank) {
        if (!r->header_done)
            r->table->columns = 0;
        return;
    }
    if (!r->header_done) {
        finish_header(r, fields);
        return;
    }
    bool first = !r->hxl_checked;
    r->hxl_checked = true;
    if (first && fields == r->table->columns && take_hxl_row(r))
        return;
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
    if (csv_init(parser, CSV_STRICT | CSV_STRICT_FINI) != 0)
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

/* Reports the byte libcsv refused in strict mode, then skips to the next
 * line with a fresh parser so the rest of the file is still checked. False
 * when reading cannot go on. */
static bool recover(reader *r, struct csv_parser *parser, cursor *at)
{
    if (csv_error(parser) != CSV_EPARSE) {
        out_of_memory(r);
        return false;
    }
    if (r->field_quoted)
        fs_error(r->diags, pos_of(r, *at),
                 "put the delimiter or the line end right after the closing quote, and double "
                 "every quote that belongs to the text (\"\")",
                 "unexpected text after the closing quote of a quoted field");
    else
        fs_error(r->diags, pos_of(r, *at),
                 "quote the whole field and double the quotes inside it (\"say \"\"hi\"\"\"), "
                 "with no space between the delimiter and the opening quote",
                 "unexpected quote in an unquoted field");
    /* Without a header the shape of every later row is unknown. */
    if (!r->header_done) {
        r->stop = true;
        return false;
    }
    return restart_on_next_line(r, parser, at, at->offset);
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

static void finish_parser(reader *r, struct csv_parser *parser, cursor at)
{
    /* A delimiter right before the end of the file leaves an empty field,
     * which starts there. */
    if (r->row_open && !r->field_open)
        open_field(r, at);
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
        }
        size_t end = slice_end(r, i);
        size_t used = csv_parse(&parser, r->bytes + i, end - i, on_field, on_row, r);
        cursor_advance(&at, r->bytes, r->length, i + used);
        if (used < end - i && !recover(r, &parser, &at))
            break;
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
    return &block[(row % FS_TABLE_BLOCK_ROWS) * table->columns + column];
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
        if (cell->kind != CELL_EMPTY && (cell->number < 1000 || cell->number > 2999))
            return false;
    }
    return true;
}

static fs_col_type column_type(const fs_table *t, size_t column)
{
    bool any = false, integer = true, decimal = true, percent = true;
    for (size_t row = 0; row < t->rows; row++) {
        cell_kind kind = cell_at(t, row, column)->kind;
        if (kind == CELL_EMPTY)
            continue;
        any = true;
        integer = integer && kind == CELL_INTEGER;
        decimal = decimal && (kind == CELL_INTEGER || kind == CELL_DECIMAL);
        percent = percent && kind == CELL_PERCENT;
    }
    if (!any)
        return FS_COL_TEXT;
    if (integer && is_year_column(t, column))
        return FS_COL_YEAR;
    if (integer)
        return FS_COL_INTEGER;
    if (decimal)
        return FS_COL_DECIMAL;
    return percent ? FS_COL_PERCENT : FS_COL_TEXT;
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
    if (!t->name || (path && !t->path))
        return NULL;
    return t;
}

fs_table *fs_table_parse(const char *name, const char *path, const char *bytes, size_t length,
                         fs_arena *arena, fs_diags *diags)
{
    size_t errors = fs_diags_errors(diags);
    const unsigned char *data = (const unsigned char *)(bytes ? bytes : "");
    if (!bytes)
        length = 0;
    if (length > FS_TABLE_MAX_BYTES) {
        too_large(diags, path);
        return NULL;
    }
    if (is_utf16(data, length)) {
        fs_error(diags, fs_pos_at(path, 1, 1), encoding_hint,
                 "the file is UTF-16 encoded; expected UTF-8");
        return NULL;
    }
    reader r = {.bytes = data, .length = length, .path = path, .arena = arena, .diags = diags};
    r.table = new_table(name, path, arena);
    if (!r.table) {
        out_of_memory(&r);
        return NULL;
    }
    if (length >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
        r.start = 3;
    r.delimiter = sniff_delimiter(data, length, r.start);
    r.table->delimiter = r.delimiter;
    size_t converted_length = 0;
    unsigned char *converted = NULL;
    if (check_encoding(&r, &converted_length) == TEXT_CP1252) {
        converted = convert_cp1252(&r, converted_length);
        if (!converted) {
            out_of_memory(&r);
            return NULL;
        }
        r.bytes = converted;
        r.length = converted_length;
    }
    read_rows(&r);
    free(converted);
    if (!r.header_done && fs_diags_errors(diags) == errors)
        fs_error(diags, fs_pos_at(path, 1, 1),
                 "add a first line that names the columns, e.g. region,year,value",
                 "empty CSV file; expected a header row");
    if (fs_diags_errors(diags) > errors)
        return NULL;
    for (size_t k = 0; k < r.table->columns; k++)
        r.table->column[k].type = column_type(r.table, k);
    return r.table;
}

/* Reads the whole file into memory the caller frees. Returns 0, an errno
 * value, or EFBIG when the file is over the size limit. */
static int read_file(const char *path, char **out, size_t *length)
{
    FILE *file = fopen(path, "rb");
    if (!file)
        return errno ? errno : EIO;
    char *data = NULL;
    size_t used = 0, capacity = 0;
    int error = 0;
    for (;;) {
        if (used == capacity) {
            /* The buffer stops one byte past the limit: filling it proves
             * the file too large without reading the rest. */
            if (capacity > FS_TABLE_MAX_BYTES) {
                error = EFBIG;
                break;
            }
            size_t grown = capacity ? capacity * 2 : 64 * 1024;
            if (grown > FS_TABLE_MAX_BYTES + 1)
                grown = FS_TABLE_MAX_BYTES + 1;
            char *more = fs_realloc(data, grown);
            if (!more) {
                error = ENOMEM;
                break;
            }
            data = more;
            capacity = grown;
        }
        errno = 0;
        size_t got = fread(data + used, 1, capacity - used, file);
        used += got;
        if (got == 0) {
            if (ferror(file))
                error = errno ? errno : EIO;
            break;
        }
    }
    fclose(file);
    if (error) {
        free(data);
        return error;
    }
    *out = data;
    *length = used;
    return 0;
}

fs_table *fs_table_load(const char *path, fs_arena *arena, fs_diags *diags)
{
    char *bytes = NULL;
    size_t length = 0;
    int error = read_file(path, &bytes, &length);
    if (error == EFBIG) {
        too_large(diags, path);
        return NULL;
    }
    if (error) {
        fs_error(diags, fs_pos_at(path, 0, 0), "check the path and the file's permissions",
                 "cannot read: %s", strerror(error));
        return NULL;
    }
    char *name = file_stem(arena, path);
    fs_table *table = NULL;
    if (name)
        table = fs_table_parse(name, path, bytes, length, arena, diags);
    else
        fs_error(diags, fs_pos_at(path, 0, 0), NULL, "out of memory while reading the table");
    free(bytes);
    return table;
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

bool fs_table_cell_number(const fs_table *table, size_t row, size_t column, double *value)
{
    const fs_cell *cell = cell_at(table, row, column);
    if (!cell || cell->kind == CELL_EMPTY || cell->kind == CELL_TEXT)
        return false;
    *value = cell->number;
    return true;
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
