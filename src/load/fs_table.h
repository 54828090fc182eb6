/* CSV tables: a file read once per run into typed columns.
 *
 * The reader accepts what offices export: comma, semicolon or tab
 * delimiters (sniffed from the header line), a UTF-8 byte-order mark,
 * CRLF or LF line ends, quoted fields with embedded delimiters, quotes and
 * newlines. The first row is the header. Every cell keeps its source line
 * and column so that later stages can point at it. */
#ifndef FS_TABLE_H
#define FS_TABLE_H

#include <stdbool.h>
#include <stddef.h>

#include "core/fs_arena.h"
#include "core/fs_diag.h"

/* What else the reader accepts, and refuses:
 * - A file that is not UTF-8 but whose every stray byte is a Windows-1252
 *   character (what Excel's plain "CSV" writes in Western Europe) is read
 *   as Windows-1252, with one warning at the first such byte. Bytes that
 *   are text in neither encoding, and NUL bytes, are errors.
 * - Lines holding only spaces, tabs and delimiters, with no quotes (",,,"
 *   is how spreadsheets write an empty row), are skipped wherever they
 *   are, as empty lines are.
 * - An HXL hashtag row right under the header (every non-empty cell a tag
 *   such as "#affected +f") is kept as the columns' tags, not as data.
 * - Limits: 256 MiB per file, 1,000 columns, 1,000,000 data rows, 1 MiB per
 *   field as written in the file. */

/* A column's type is the narrowest that every non-empty cell fits:
 * integer ("2029052", "2,029,052" in a comma file), decimal ("1839.5", or
 * "1839,5" in a semicolon file), percent ("50%", "12.5 %"), else text. A
 * column whose cells are all empty is text. */
/* A year column holds whole numbers from 1000 to 2999 under a header that
 * says so ("year", "ratified_year"): they print as written, never grouped. */
typedef enum {
    FS_COL_TEXT,
    FS_COL_INTEGER,
    FS_COL_DECIMAL,
    FS_COL_PERCENT,
    FS_COL_YEAR
} fs_col_type;

typedef struct fs_table fs_table;

/* Reads the CSV file at path into a table living in arena. The table's name
 * is the file's stem ("stats.csv" is "stats"). Returns NULL and appends
 * errors to diags when the file cannot be read or parsed; every problem
 * found is reported, not only the first. */
fs_table *fs_table_load(const char *path, fs_arena *arena, fs_diags *diags);

/* The same from bytes in memory; path is used in diagnostics only. */
fs_table *fs_table_parse(const char *name, const char *path, const char *bytes, size_t length,
                         fs_arena *arena, fs_diags *diags);

const char *fs_table_name(const fs_table *table);
const char *fs_table_path(const fs_table *table);
char fs_table_delimiter(const fs_table *table);
size_t fs_table_row_count(const fs_table *table);
size_t fs_table_column_count(const fs_table *table);
const char *fs_table_column_name(const fs_table *table, size_t column);
fs_col_type fs_table_column_type(const fs_table *table, size_t column);

/* The column's HXL hashtag as written in the file, without surrounding
 * spaces ("#affected +f"), when the row under the header is an HXL hashtag
 * row: every non-empty cell is "#" and a name (a letter, then letters,
 * digits or '_'), then any "+name" attributes, and a colour such as "#fff"
 * is not a tag. NULL when the column has no tag, the table has no hashtag
 * row, or column is out of range. Valid as long as the table's arena. */
const char *fs_table_column_hxl(const fs_table *table, size_t column);

/* Index of the named column, or -1. Names match exactly. */
long fs_table_find_column(const fs_table *table, const char *name);

/* The cell's text as written in the file, without surrounding quotes; "" for
 * an empty cell, never NULL. Valid as long as the table's arena. */
const char *fs_table_cell(const fs_table *table, size_t row, size_t column);

/* The cell's numeric value when its text is a number in the file's
 * conventions (a percent cell gives 50 for "50%"); false otherwise. */
bool fs_table_cell_number(const fs_table *table, size_t row, size_t column, double *value);

/* Where the cell starts in the file (line and column are 1-based; the column
 * counts characters, not bytes). */
fs_pos fs_table_cell_pos(const fs_table *table, size_t row, size_t column);

/* Where the header names the column. */
fs_pos fs_table_column_pos(const fs_table *table, size_t column);

/* A view of some rows of table, in the order given (indexes into table's
 * rows), sharing its cells, columns and types; lives in arena, valid as long
 * as table. For one document of a batch: the rows of its key. */
fs_table *fs_table_select(const fs_table *table, const size_t *rows, size_t count, fs_arena *arena);

#endif
