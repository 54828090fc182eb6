/* What the files of the CSV tables share, and no one else includes: the
 * table's layout in memory, the reader (the state of one load), and the
 * functions one concern needs from another.
 *
 *   fs_table.c          loading: encoding, delimiter, the two passes, the
 *                       columns' types; small helpers; the accessors
 *   fs_table_encoding.c UTF-8 checks, Windows-1252 and UTF-16 to UTF-8
 *   fs_table_read.c     the delimiter, and the CSV grammar through libcsv:
 *                       fields with their positions, header and rows
 *   fs_table_cells.c    what a cell's text is: numbers, markers, dates
 *   fs_table_hxl.c      HXL hashtag rows, and columns found by tag pattern
 *   fs_table_declare.c  column types by name, and the layout's declarations */
#ifndef FS_TABLE_INTERNAL_H
#define FS_TABLE_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "load/fs_table.h"

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

typedef enum { TEXT_UTF8, TEXT_CP1252, TEXT_BAD } text_encoding;

/* ---- small helpers, inline ------------------------------------------ */

/* True for the types whose cells are numbers: integer, decimal, percent,
 * year. */
static inline bool is_number_type(fs_col_type type)
{
    return type == FS_COL_INTEGER || type == FS_COL_DECIMAL || type == FS_COL_PERCENT ||
           type == FS_COL_YEAR;
}

static inline bool is_newline(unsigned char c)
{
    return c == '\n' || c == '\r';
}

static inline bool is_space(unsigned char c)
{
    return c == ' ' || c == '\t';
}

/* ---- fs_table.c -------------------------------------------------------- */

/* True when the text's length bytes are all spaces and tabs. */
bool table_is_blank_text(const char *text, size_t length);

/* The delimiter as messages name it ("comma", "semicolon", "tab"). */
const char *table_delimiter_name(char delimiter);

/* The file position of a place in the input. */
fs_pos table_pos_of(const reader *r, cursor at);

/* Length of the well-formed UTF-8 sequence at s (no overlongs, surrogates or
 * code points past U+10FFFF), 0 when it is not one. */
size_t table_utf8_length(const unsigned char *s, size_t n);

/* Moves at forward to offset to, counting lines (LF, CRLF or a lone CR) and
 * characters: a well-formed UTF-8 sequence is one, and so is each byte that
 * is not UTF-8 (the reader takes it for a Windows-1252 character). */
void table_cursor_advance(cursor *at, const unsigned char *bytes, size_t length, size_t to);

/* Reports that memory ran out, once, and stops the reading. */
void table_out_of_memory(reader *r);

/* Reports a file over the size limit. */
void table_too_large(fs_diags *diags, const char *path);

/* Room for needed items in an arena array (fs_grow.h): a table of n cells
 * costs O(n) copying. NULL (after reporting) when out of memory. */
void *table_reserve(reader *r, void *items, size_t used, size_t *capacity, size_t needed,
                    size_t size);

/* A NUL-terminated copy of a field in the table's arena. Small texts share
 * chunks, since most cells are a few bytes. NULL (after reporting) when out
 * of memory. */
const char *table_keep_text(reader *r, const char *text, size_t length);

/* The cell at row and column (a view's row through its row map). */
const fs_cell *table_cell_at(const fs_table *table, size_t row, size_t column);

/* The missing values (markers and empty cells) of a number column; 0 for
 * any other. */
size_t table_count_missing(const fs_table *t, size_t column);

/* Columns after the header's last name: left out, with a note, when they
 * are empty in every row (Excel's "id;label;;;"); an error at each one
 * that holds data, which needs a name. */
bool table_drop_unnamed_columns(reader *r);

/* ---- fs_table_encoding.c ----------------------------------------------- */

/* Decides how to read the file. UTF-8 when it is. Windows-1252 when some
 * bytes are not UTF-8, none is a NUL or undefined in Windows-1252, and no
 * multibyte UTF-8 sequence occurs anywhere (a file that holds one is UTF-8
 * with damage, and reading it as Windows-1252 would print mojibake): one
 * warning points at the first, and *converted is the file's length once
 * converted to UTF-8. Otherwise errors point at the bad bytes. */
text_encoding table_check_encoding(reader *r, size_t *converted);

/* The file read as Windows-1252, converted to UTF-8 (length bytes, from
 * table_check_encoding), on the heap for the caller to free; NULL when out
 * of memory. */
unsigned char *table_convert_cp1252(const reader *r, size_t length);

/* True when the bytes start with a UTF-16 byte-order mark. */
bool table_is_utf16(const unsigned char *bytes, size_t length);

/* A UTF-16 file (with its byte-order mark) converted to UTF-8, on the heap
 * for the caller to free; NULL after an error. */
unsigned char *table_convert_utf16(const unsigned char *bytes, size_t length, const char *path,
                                   size_t *out_length, fs_diags *diags);

/* ---- fs_table_read.c --------------------------------------------------- */

/* The delimiter most frequent outside quotes on the first non-blank line;
 * a comma when there is none, and on a tie comma, then semicolon. */
char table_sniff_delimiter(const unsigned char *s, size_t n, size_t i);

/* Feeds the file to libcsv in slices, so that every field's start is
 * known, into the header and the rows (a pass: scanning or reading). */
void table_read_rows(reader *r);

/* ---- fs_table_cells.c -------------------------------------------------- */

/* The text of a cell without surrounding spaces and tabs. */
void table_trim_span(const char *text, size_t length, size_t *begin, size_t *end);

/* Classifies a number's text in the file's conventions (decimal is its
 * decimal mark) and writes it exactly as a plain decimal into canonical,
 * which has room for length + 2 bytes: "-", digits, "." and decimals, a
 * percent without its sign. Surrounding spaces and tabs are ignored.
 * Returns CELL_EMPTY, CELL_TEXT (not a number), CELL_CODE (a number written
 * with a leading zero), or the number's kind. */
cell_kind table_parse_number(const char *text, size_t length, char decimal, char *canonical);

/* Classifies a cell's text and stores its value. */
cell_kind table_classify(const char *text, char decimal, double *value);

/* Whether a cell's text can only be a number with a decimal comma: digits,
 * a comma, and then one, two or more than three digits ("1839,5"). Such a
 * cell in a tab file says how the file writes decimals. */
bool table_decimal_comma_only(const char *text);

/* Whether a cell's text can only be a number with a decimal point. */
bool table_decimal_point_only(const char *text);

/* ---- fs_table_hxl.c ---------------------------------------------------- */

/* True for an ASCII letter. */
bool table_is_letter(unsigned char c);

/* Whether a cell's text, trimmed, is an HXL tag spec. */
bool table_is_tag_text(const char *text, size_t length);

/* Gives column k the tag its cell text holds; a cell that is not a tag is a
 * warning at where, and the column has none. */
void table_set_tag(reader *r, size_t k, const char *text, fs_pos where);

/* Finds the hashtag row among the scanned records: its index, or -1. The
 * record above it is the header, which must hold a name, not only
 * numbers. */
long table_find_tag_row(const reader *r);

#endif
