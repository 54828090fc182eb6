/* The CSV grammar of a table (fs_table_internal.h): the delimiter, and
 * libcsv fed slices so that every field's start is known; the header and
 * the rows it makes. */
#include "load/fs_table_internal.h"

#include "core/fs_alloc.h"

#include <csv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- delimiter ------------------------------------------------------- */

/* The delimiter most frequent outside quotes on the first non-blank line;
 * a comma when there is none, and on a tie comma, then semicolon. */
char table_sniff_delimiter(const unsigned char *s, size_t n, size_t i)
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
        table_reserve(r, t->column, t->columns, &r->column_capacity, index + 1, sizeof(fs_column));
    size_t begin, end;
    table_trim_span(text, length, &begin, &end);
    const char *name = table_keep_text(r, text + begin, end - begin);
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
        fs_cell **blocks = table_reserve(r, t->blocks, t->block_count, &r->block_capacity,
                                         block + 1, sizeof(fs_cell *));
        if (!blocks)
            return NULL;
        t->blocks = blocks;
        t->blocks[t->block_count++] = NULL;
        r->block_rows = 0;
    }
    size_t needed = block > 0 ? FS_TABLE_BLOCK_ROWS : within + 1;
    fs_cell *cells = table_reserve(r, t->blocks[block], within, &r->block_rows, needed, row_size);
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
    const char *kept = table_keep_text(r, text, length);
    if (!row || !kept)
        return;
    row[index] = (fs_cell){kept, 0, r->field_at.line, (unsigned)r->field_at.column, CELL_TEXT};
}

/* Column names must be there and differ; the columns after the last name
 * are checked once the rows are read (see table_drop_unnamed_columns). */
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
        fs_error(r->diags, table_pos_of(r, r->extra_at),
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
            table_set_tag(r, k, t->column[k].name,
                          fs_pos_at(r->path, t->column[k].line, t->column[k].column));
        t->hxl_pos = table_pos_of(r, r->row_at);
    }
    check_column_names(r);
    r->header_done = true;
}

static void report_ragged_row(reader *r, size_t fields)
{
    size_t columns = r->table->stride;
    cursor at = fields > columns ? r->extra_at : r->row_at;
    const char *name = table_delimiter_name(r->delimiter);
    char hint[256];
    snprintf(hint, sizeof hint,
             "check the delimiters on this line: the file is read as %s-separated (from its "
             "header line), so a field that contains a %s must be quoted",
             name, name);
    fs_error(r->diags, table_pos_of(r, at), hint, "row has %zu %s but the header has %zu %s",
             fields, fields == 1 ? "field" : "fields", columns,
             columns == 1 ? "column" : "columns");
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
        fs_error(r->diags, table_pos_of(r, r->row_at),
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
        table_set_tag(r, k, row[k].text, fs_pos_at(r->path, row[k].line, (int)row[k].column));
    t->hxl_pos = table_pos_of(r, r->row_at);
}

/* The scan's view of one field: is it empty, a tag, a number? */
static void scan_field(reader *r, const char *text, size_t length)
{
    size_t begin, end;
    table_trim_span(text, length, &begin, &end);
    if (begin == end)
        return;
    r->scanning.cells++;
    r->scanning.tags += table_is_tag_text(text, length);
    char small[64];
    if (end - begin + 2 <= sizeof small) {
        cell_kind dot = table_parse_number(text + begin, end - begin, '.', small);
        cell_kind comma = table_parse_number(text + begin, end - begin, ',', small);
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
    bool blank = !r->field_quoted && table_is_blank_text(text, length);
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
     * Text after a closing quote is still refused (table_read_rows), and so is a
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
    table_cursor_advance(at, r->bytes, r->length, next < r->length ? next + 1 : next);
    csv_free(parser);
    if (!start_parser(parser, r->delimiter)) {
        table_out_of_memory(r);
        return false;
    }
    return true;
}

static void report_unterminated(reader *r)
{
    fs_error(r->diags, table_pos_of(r, r->field_at),
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
    fs_error(r->diags, table_pos_of(r, r->field_at),
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
    table_cursor_advance(&where, r->bytes, r->length, bad);
    fs_error(r->diags, table_pos_of(r, where),
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

void table_read_rows(reader *r)
{
    struct csv_parser parser;
    if (!start_parser(&parser, r->delimiter)) {
        table_out_of_memory(r);
        return;
    }
    cursor at = {r->start, 1, 1};
    while (at.offset < r->length && !r->stop) {
        size_t i = at.offset;
        if (!r->field_open) {
            /* Line ends between rows are blank lines, which libcsv skips
             * too (no CSV_REPALL_NL). */
            if (!r->row_open && is_newline(r->bytes[i])) {
                table_cursor_advance(&at, r->bytes, r->length, i + 1);
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
        table_cursor_advance(&at, r->bytes, r->length, i + used);
        if (used < end - i) {
            table_out_of_memory(r);
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
