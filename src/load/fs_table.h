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
#include "core/fs_buf.h"
#include "core/fs_diag.h"

/* What else the reader accepts, and refuses:
 * - Encodings: UTF-8 with or without a byte-order mark; UTF-16 with its
 *   byte-order mark (Excel's "Unicode text", tab separated), converted. A
 *   file with no valid multibyte UTF-8 sequence whose every other byte is a
 *   Windows-1252 character (what Excel's plain "CSV" writes in Western
 *   Europe) is read as Windows-1252, with one warning at the first such
 *   byte. A file that holds UTF-8 sequences and also bytes that are not
 *   UTF-8 is broken UTF-8: an error at the first bad byte of each line (a
 *   few lines at most), never a Windows-1252 reading. NUL bytes are errors.
 * - Lines holding only spaces, tabs and delimiters, with no quotes (",,,"
 *   is how spreadsheets write an empty row), are skipped wherever they
 *   are, as empty lines are.
 * - Header names are read without the spaces and tabs around them.
 * - Columns at the end of the header that have no name and no data (Excel
 *   writes "id;label;;;") are left out, with a note; rows may stop before
 *   them.
 * - HXL: a hashtag row (as the HXL reference implementation, libhxl-python,
 *   finds it) among the first 25 rows gives the columns' tags: at least
 *   half of its non-empty cells are hashtags ("#affected +f"), and at least
 *   two are unless all are; a colour such as "#fff" is not a tag. The row
 *   above it is the header (rows above that are skipped, with a warning),
 *   unless that row is all numbers; a hashtag row on the first line is the
 *   header too. A cell of the row that is not a hashtag is a warning, and
 *   its column has no tag.
 * - Limits: 256 MiB per file, 1,000 columns, 1,000,000 data rows, 1 MiB per
 *   field as written in the file. */

/* Column types, inferred from the cells (or declared by the layout):
 * - integer ("2029052", "2,029,052" in a comma file, "2 029 052"), decimal
 *   ("1839.5", or "1839,5" in a semicolon file, as French Excel writes
 *   it), percent ("50%", "12.5 %"): every non-empty cell is such a number
 *   or a missing marker (see fs_table_cell_missing);
 * - year: whole numbers from 1000 to 2999 under a header that says so
 *   ("year", "ratified_year"); printed as written, never grouped;
 * - date: every cell a YYYY-MM-DD or YYYY-MM date;
 * - code: identifiers printed as written and never translated: a number
 *   written with a leading zero ("08123"), single words mixing letters and
 *   digits ("ML0401"), or whole numbers or single words under a header
 *   naming a code ("code", "pcode", "id", "iso3", "zip", "phone", ...) or
 *   an HXL tag with +code or +phone;
 * - text: anything else, and a column whose cells are all empty or markers.
 * Numbers follow the file's conventions: a semicolon file writes decimals
 * with ',' and groups with '.', a comma file the other way round, and a tab
 * file the way its cells show (a decimal comma when some cell can only be
 * one); spaces and no-break spaces group in any file. */
typedef enum {
    FS_COL_TEXT,
    FS_COL_INTEGER,
    FS_COL_DECIMAL,
    FS_COL_PERCENT,
    FS_COL_YEAR,
    FS_COL_DATE,
    FS_COL_CODE
} fs_col_type;

/* The type's name as the layout and `factsheet tables` write it
 * ("integer"), a static string. */
const char *fs_col_type_name(fs_col_type type);

/* The type named name ("integer", "text", ...); false when none is. */
bool fs_col_type_from_name(const char *name, fs_col_type *type);


typedef struct fs_table fs_table;

/* Reads the CSV file at path into a table living in arena. The table's name
 * is the file's stem ("stats.csv" is "stats"). Returns NULL and appends
 * errors to diags when the file cannot be read or parsed; every problem
 * found is reported, not only the first. */
fs_table *fs_table_load(const char *path, fs_arena *arena, fs_diags *diags);

/* The same from bytes in memory; path is used in diagnostics only. */
fs_table *fs_table_parse(const char *name, const char *path, const char *bytes, size_t length,
                         fs_arena *arena, fs_diags *diags);

/* As fs_table_load, but a table whose header could be read is returned even
 * when some rows could not (a ragged row, a stray quote): those rows are
 * left out, and the errors are in diags. For showing what was read
 * (`factsheet tables`) and for reporting every problem of a run. */
fs_table *fs_table_load_all(const char *path, fs_arena *arena, fs_diags *diags);

const char *fs_table_name(const fs_table *table);
const char *fs_table_path(const fs_table *table);
char fs_table_delimiter(const fs_table *table);
size_t fs_table_row_count(const fs_table *table);
size_t fs_table_column_count(const fs_table *table);
const char *fs_table_column_name(const fs_table *table, size_t column);
fs_col_type fs_table_column_type(const fs_table *table, size_t column);

/* The column's HXL hashtag as written in the file, without surrounding
 * spaces ("#affected +f"), when the table has a hashtag row and the
 * column's cell in it is a tag; NULL otherwise (or out of range). Valid as
 * long as the table's arena. */
const char *fs_table_column_hxl(const fs_table *table, size_t column);

/* The same tag normalised as HXL compares tags: lower case, no spaces,
 * attributes in the order written ("#affected+f"); NULL when none. */
const char *fs_table_column_tag(const fs_table *table, size_t column);

/* The columns whose tags match an HXL tag pattern: "#tag" and then
 * "+attribute" (the column has it) or "-attribute" (it has not), without
 * spaces, compared without regard to case. A column whose attributes are
 * exactly the pattern's wins over those that merely include them. Returns
 * how many columns match (0, 1, or 2 for several) and sets *column to the
 * first, *other to the second when there are several. A pattern that
 * fs_hxl_pattern_valid refuses matches nothing. */
size_t fs_table_find_tag(const fs_table *table, const char *pattern, size_t *column, size_t *other);

/* Index of the named column, or -1. Names match exactly. */
long fs_table_find_column(const fs_table *table, const char *name);

/* The cell's text as written in the file, without surrounding quotes; "" for
 * an empty cell, never NULL. Valid as long as the table's arena. */
const char *fs_table_cell(const fs_table *table, size_t row, size_t column);

/* The cell's numeric value when its text is a number in the file's
 * conventions (a percent cell gives 50 for "50%"); false otherwise: text, a
 * date, a code written with a leading zero, an empty or missing cell. The
 * value is the nearest double: for display, use fs_table_cell_decimal. */
bool fs_table_cell_number(const fs_table *table, size_t row, size_t column, double *value);

/* Appends the cell's number exactly as written, as a plain decimal: an
 * optional '-', digits, and a '.' and the decimals written, trailing zeros
 * kept, no grouping ("2 029 052" gives "2029052", "1839,50" in a semicolon
 * file "1839.50"; a percent cell its percent, "12.5" for "12.5 %"). False,
 * with nothing appended, when fs_table_cell_number is false. */
bool fs_table_cell_decimal(const fs_table *table, size_t row, size_t column, fs_buf *out);

/* True when the cell is a missing value: empty, or a missing marker ("-",
 * "–", "—", "N/A", "NA", "..", "x", in any case, spaces around) in a
 * number column. In other columns a marker is text. */
bool fs_table_cell_missing(const fs_table *table, size_t row, size_t column);

/* How many cells of a number column are missing values; 0 for others. */
size_t fs_table_column_missing(const fs_table *table, size_t column);

/* Where the cell starts in the file (line and column are 1-based; the column
 * counts characters, not bytes). */
fs_pos fs_table_cell_pos(const fs_table *table, size_t row, size_t column);

/* Where the header names the column. */
fs_pos fs_table_column_pos(const fs_table *table, size_t column);

/* A view of some rows of table, in the order given (indexes into table's
 * rows), sharing its cells, columns and types; lives in arena, valid as long
 * as table. For one document of a batch: the rows of its key. */
fs_table *fs_table_select(const fs_table *table, const size_t *rows, size_t count, fs_arena *arena);

/* How many data rows the file has (a view made by fs_table_select keeps
 * the count of the table it selects from). */
size_t fs_table_file_rows(const fs_table *table);

/* How the file was decoded: "UTF-8", "UTF-8 with BOM", "UTF-16LE",
 * "UTF-16BE" or "Windows-1252" (a static string). */
const char *fs_table_encoding(const fs_table *table);

/* Where the HXL hashtag row is, or a position with line 0 when none. */
fs_pos fs_table_hxl_pos(const fs_table *table);

/* ---- what a layout declares about a table's columns ------------------ */

/* One column as the layout declares it: its type instead of the inferred
 * one, and whether its texts are translated. */
typedef struct {
    const char *name; /* the header's name, or an HXL tag pattern ("#affected+f") */
    bool has_type;
    fs_col_type type;
    bool no_translation; /* names and codes: never looked up in a catalog */
    fs_pos pos;          /* where the layout names the column */
    fs_pos type_pos;     /* where it gives the type */
} fs_column_decl;

typedef struct {
    const char *table;
    fs_pos pos;
    const fs_column_decl *columns;
    size_t count;
} fs_table_decl;

/* Applies a declaration to a table just read (the load stage's last step):
 * each declared column takes its type, and every cell that is not of that
 * type, nor empty, nor a missing marker in a number column, is an error at
 * the cell naming the declaration. A declared column the table lacks is an
 * error at the declaration, with the nearest names. False after an error. */
bool fs_table_declare(fs_table *table, const fs_table_decl *decl, fs_diags *diags);

/* True when the layout declared the column's type. */
bool fs_table_column_declared(const fs_table *table, size_t column);

/* False for a column whose texts are never translated: declared so, a
 * code, date or number column, or a column NAME@LANG (a translation). */
bool fs_table_column_translated(const fs_table *table, size_t column);

#endif
