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
#include "load/fs_table_internal.h"

#include "core/fs_alloc.h"
#include "core/fs_file.h"
#include "core/fs_grow.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ---- small helpers --------------------------------------------------- */

bool table_is_blank_text(const char *text, size_t length)
{
    for (size_t i = 0; i < length; i++)
        if (!is_space((unsigned char)text[i]))
            return false;
    return true;
}

const char *table_delimiter_name(char delimiter)
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

fs_pos table_pos_of(const reader *r, cursor at)
{
    return fs_pos_at(r->path, at.line, at.column);
}

/* Length of the well-formed UTF-8 sequence at s (no overlongs, surrogates or
 * code points past U+10FFFF), 0 when it is not one. */
size_t table_utf8_length(const unsigned char *s, size_t n)
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
void table_cursor_advance(cursor *at, const unsigned char *bytes, size_t length, size_t to)
{
    while (at->offset < to) {
        unsigned char c = bytes[at->offset];
        if (c >= 0x80) {
            size_t n = table_utf8_length(bytes + at->offset, length - at->offset);
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

void table_out_of_memory(reader *r)
{
    if (r->stop)
        return;
    fs_error(r->diags, fs_pos_at(r->path, 0, 0), NULL, "out of memory while reading the table");
    r->stop = true;
}

void table_too_large(fs_diags *diags, const char *path)
{
    fs_error(diags, fs_pos_at(path, 0, 0),
             "split the table into smaller files, or aggregate it before making a brief",
             "CSV file is larger than 256 MiB, the most factsheet reads");
}

/* Room for needed items in an arena array (fs_grow.h): a table of n cells
 * costs O(n) copying. NULL (after reporting) when out of memory. */
void *table_reserve(reader *r, void *items, size_t used, size_t *capacity, size_t needed,
                    size_t size)
{
    void *more = fs_arena_reserve(r->arena, items, used, needed, capacity, size);
    if (!more)
        table_out_of_memory(r);
    return more;
}

/* A NUL-terminated copy of a field in the table's arena. Small texts share
 * chunks, since most cells are a few bytes. NULL (after reporting) when out
 * of memory. */
const char *table_keep_text(reader *r, const char *text, size_t length)
{
    if (length == 0)
        return "";
    if (length >= FS_TABLE_TEXT_CHUNK / 4) {
        char *copy = fs_arena_strndup(r->arena, text, length);
        if (!copy)
            table_out_of_memory(r);
        return copy;
    }
    if (length + 1 > r->text_left) {
        r->text_next = fs_arena_alloc(r->arena, FS_TABLE_TEXT_CHUNK);
        if (!r->text_next) {
            r->text_left = 0;
            table_out_of_memory(r);
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

/* ---- the table ------------------------------------------------------- */

const fs_cell *table_cell_at(const fs_table *table, size_t row, size_t column)
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
    return (fs_cell *)table_cell_at(table, row, column);
}

/* A tab file writes decimals as its cells show: with a comma when some cell
 * can only be a number with a decimal comma and none can only be one with
 * a decimal point. */
static char tab_decimal_mark(const fs_table *t)
{
    bool comma = false;
    for (size_t row = 0; row < t->rows; row++) {
        for (size_t k = 0; k < t->columns; k++) {
            const char *text = table_cell_at(t, row, k)->text;
            if (table_decimal_point_only(text))
                return '.';
            comma = comma || table_decimal_comma_only(text);
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
            cell->kind = table_classify(cell->text, t->decimal, &value);
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
        const fs_cell *cell = table_cell_at(t, row, column);
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
        while (*c && !table_is_letter((unsigned char)*c))
            c++;
        const char *start = c;
        while (table_is_letter((unsigned char)*c) || (*c >= '0' && *c <= '9' && c > start)) {
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
    table_trim_span(text, strlen(text), &begin, &end);
    bool letter = false, digit = false;
    for (size_t i = begin; i < end; i++) {
        unsigned char c = (unsigned char)text[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
            return false;
        letter = letter || table_is_letter(c);
        digit = digit || (c >= '0' && c <= '9');
    }
    return letter && digit;
}

static bool is_one_word(const char *text)
{
    size_t begin, end;
    table_trim_span(text, strlen(text), &begin, &end);
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
        const fs_cell *cell = table_cell_at(t, row, column);
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

size_t table_count_missing(const fs_table *t, size_t column)
{
    if (!is_number_type(t->column[column].type))
        return 0;
    size_t missing = 0;
    for (size_t row = 0; row < t->rows; row++) {
        cell_kind kind = table_cell_at(t, row, column)->kind;
        missing += kind == CELL_EMPTY || kind == CELL_MARKER;
    }
    return missing;
}

/* Columns after the header's last name: left out, with a note, when they
 * are empty in every row (Excel's "id;label;;;"); an error at each one
 * that holds data, which needs a name. */
bool table_drop_unnamed_columns(reader *r)
{
    fs_table *t = r->table;
    if (r->named == t->columns)
        return true;
    bool ok = true;
    for (size_t k = r->named; k < t->columns; k++) {
        for (size_t row = 0; row < t->rows; row++) {
            const char *text = table_cell_at(t, row, k)->text;
            if (table_is_blank_text(text, strlen(text)))
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
        table_out_of_memory(r);
        return;
    }
    fs_diags *diags = r->diags;
    r->diags = scratch;
    r->scan = true;
    table_read_rows(r);
    fs_diags_free(scratch);
    r->diags = diags;
    r->scan = r->stop = false;
    r->field_open = r->row_open = false;
    r->row_fields = 0;
    r->hxl_record = table_find_tag_row(r);
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
    table_read_rows(r);
}

static fs_table *parse_table(const char *name, const char *path, const char *bytes, size_t length,
                             bool keep_bad, fs_arena *arena, fs_diags *diags)
{
    size_t errors = fs_diags_errors(diags);
    const unsigned char *data = (const unsigned char *)(bytes ? bytes : "");
    if (!bytes)
        length = 0;
    if (length > FS_TABLE_MAX_BYTES) {
        table_too_large(diags, path);
        return NULL;
    }
    reader r = {.bytes = data, .length = length, .path = path, .arena = arena, .diags = diags};
    r.table = new_table(name, path, arena);
    if (!r.table) {
        table_out_of_memory(&r);
        return NULL;
    }
    r.table->encoding = "UTF-8";
    unsigned char *converted = NULL;
    if (table_is_utf16(data, length)) {
        size_t table_utf8_length = 0;
        converted = table_convert_utf16(data, length, path, &table_utf8_length, diags);
        if (!converted)
            return NULL;
        r.table->encoding = data[0] == 0xFF ? "UTF-16LE" : "UTF-16BE";
        r.bytes = converted;
        r.length = table_utf8_length;
    } else if (length >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
        r.start = 3;
        r.table->encoding = "UTF-8 with BOM";
    }
    r.delimiter = table_sniff_delimiter(r.bytes, r.length, r.start);
    r.table->delimiter = r.delimiter;
    size_t converted_length = 0;
    text_encoding encoding = table_check_encoding(&r, &converted_length);
    if (encoding == TEXT_CP1252) {
        unsigned char *cp1252 = table_convert_cp1252(&r, converted_length);
        if (!cp1252) {
            table_out_of_memory(&r);
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
    bool columns_ok = table_drop_unnamed_columns(&r);
    if (fs_diags_errors(diags) > errors && (!keep_bad || !columns_ok))
        return NULL;
    fs_table *t = r.table;
    t->file_rows = t->rows;
    t->decimal = t->delimiter == ';' ? ',' : t->delimiter == '\t' ? tab_decimal_mark(t) : '.';
    classify_cells(t);
    for (size_t k = 0; k < t->columns; k++) {
        t->column[k].type = column_type(t, k);
        t->column[k].missing = table_count_missing(t, k);
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
        table_too_large(diags, path);
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
    const fs_cell *cell = table_cell_at(table, row, column);
    return cell ? cell->text : "";
}

static bool is_number_kind(cell_kind kind)
{
    return kind == CELL_INTEGER || kind == CELL_DECIMAL || kind == CELL_PERCENT;
}

bool fs_table_cell_number(const fs_table *table, size_t row, size_t column, double *value)
{
    const fs_cell *cell = table_cell_at(table, row, column);
    if (!cell || !is_number_kind(cell->kind))
        return false;
    *value = cell->number;
    return true;
}

bool fs_table_cell_decimal(const fs_table *table, size_t row, size_t column, fs_buf *out)
{
    const fs_cell *cell = table_cell_at(table, row, column);
    if (!cell || !is_number_kind(cell->kind))
        return false;
    size_t length = strlen(cell->text);
    char *canonical = fs_malloc(length + 2);
    if (!canonical)
        return false;
    table_parse_number(cell->text, length, table->decimal, canonical);
    fs_buf_puts(out, canonical);
    free(canonical);
    return fs_buf_ok(out);
}

bool fs_table_cell_missing(const fs_table *table, size_t row, size_t column)
{
    const fs_cell *cell = table_cell_at(table, row, column);
    return cell && is_number_type(table->column[column].type) &&
           (cell->kind == CELL_EMPTY || cell->kind == CELL_MARKER);
}

size_t fs_table_column_missing(const fs_table *table, size_t column)
{
    return column < table->columns ? table->column[column].missing : 0;
}

fs_pos fs_table_cell_pos(const fs_table *table, size_t row, size_t column)
{
    const fs_cell *cell = table_cell_at(table, row, column);
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
