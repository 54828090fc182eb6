/* Unit tests of the CSV reader: dialects, type inference, cell positions and
 * every error with the exact place it is reported. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "load/fs_table.h"

/* Each test gets a fresh arena and diagnostics list; teardown frees them
 * even when an assertion fails. */
typedef struct {
    fs_arena *arena;
    fs_diags *diags;
} ctx;

static int setup(void **state)
{
    ctx *c = calloc(1, sizeof(ctx));
    if (!c)
        return -1;
    c->arena = fs_arena_create();
    c->diags = fs_diags_create();
    *state = c;
    return c->arena && c->diags ? 0 : -1;
}

static int teardown(void **state)
{
    ctx *c = *state;
    fs_diags_free(c->diags);
    fs_arena_free(c->arena);
    free(c);
    return 0;
}

static fs_table *parse_n(void **state, const char *bytes, size_t length)
{
    ctx *c = *state;
    return fs_table_parse("t", "t.csv", bytes, length, c->arena, c->diags);
}

static fs_table *parse(void **state, const char *text)
{
    return parse_n(state, text, strlen(text));
}

/* Parses text that must load without any diagnostic. */
static fs_table *parse_ok(void **state, const char *text)
{
    ctx *c = *state;
    fs_table *table = parse(state, text);
    assert_int_equal(fs_diags_count(c->diags), 0);
    assert_non_null(table);
    return table;
}

/* Checks the i-th diagnostic: "file:line:col", message and a hint. */
static void assert_diag(void **state, size_t i, fs_severity severity, const char *where,
                        const char *message)
{
    ctx *c = *state;
    const fs_diag *diag = fs_diags_at(c->diags, i);
    assert_non_null(diag);
    char at[512];
    snprintf(at, sizeof at, "%s:%d:%d", diag->pos.file ? diag->pos.file : "(none)", diag->pos.line,
             diag->pos.column);
    assert_string_equal(at, where);
    assert_string_equal(diag->message, message);
    assert_int_equal(diag->severity, severity);
    if (severity == FS_ERROR)
        assert_non_null(diag->hint);
}

static void assert_error(void **state, size_t i, const char *where, const char *message)
{
    assert_diag(state, i, FS_ERROR, where, message);
}

static void assert_errors(void **state, size_t count)
{
    ctx *c = *state;
    assert_int_equal(fs_diags_errors(c->diags), count);
}

static void assert_pos(fs_pos pos, int line, int column)
{
    assert_string_equal(pos.file, "t.csv");
    assert_int_equal(pos.line, line);
    assert_int_equal(pos.column, column);
}

static void assert_number(const fs_table *table, size_t row, size_t column, double expected)
{
    double value = -12345;
    assert_true(fs_table_cell_number(table, row, column, &value));
    assert_true(value == expected);
}

static void assert_not_number(const fs_table *table, size_t row, size_t column)
{
    double value = 0;
    assert_false(fs_table_cell_number(table, row, column, &value));
}

/* ---- dialects -------------------------------------------------------- */

static void test_comma_basic(void **state)
{
    fs_table *t = parse_ok(state, "region,year,value\nNorth,2019,12\nSouth,2020,7\n");
    assert_int_equal(fs_table_delimiter(t), ',');
    assert_string_equal(fs_table_name(t), "t");
    assert_string_equal(fs_table_path(t), "t.csv");
    assert_int_equal(fs_table_column_count(t), 3);
    assert_int_equal(fs_table_row_count(t), 2);
    assert_string_equal(fs_table_column_name(t, 0), "region");
    assert_string_equal(fs_table_column_name(t, 2), "value");
    assert_string_equal(fs_table_cell(t, 0, 0), "North");
    assert_string_equal(fs_table_cell(t, 1, 2), "7");
    assert_int_equal(fs_table_column_type(t, 0), FS_COL_TEXT);
    assert_int_equal(fs_table_column_type(t, 1), FS_COL_INTEGER);
    assert_number(t, 1, 1, 2020);
}

static void test_semicolon_decimal_comma(void **state)
{
    fs_table *t = parse_ok(state, "region;value;share\nNorth;1 839,5;12,5 %\nSouth;2,25;50%\n");
    assert_int_equal(fs_table_delimiter(t), ';');
    assert_int_equal(fs_table_column_count(t), 3);
    assert_string_equal(fs_table_cell(t, 0, 1), "1 839,5");
    assert_int_equal(fs_table_column_type(t, 1), FS_COL_DECIMAL);
    assert_number(t, 0, 1, 1839.5);
    assert_number(t, 1, 1, 2.25);
    assert_int_equal(fs_table_column_type(t, 2), FS_COL_PERCENT);
    assert_number(t, 0, 2, 12.5);
    assert_number(t, 1, 2, 50);
}

static void test_semicolon_thousands_separators(void **state)
{
    /* '.', a no-break space and a narrow no-break space group thousands. */
    fs_table *t = parse_ok(state, "a;b;c;d\n"
                                  "1.234;1\xC2\xA0"
                                  "234;1\xE2\x80\xAF"
                                  "234\xE2\x80\xAF"
                                  "567;-2.029.052\n");
    assert_int_equal(fs_table_column_type(t, 0), FS_COL_INTEGER);
    assert_number(t, 0, 0, 1234);
    assert_number(t, 0, 1, 1234);
    assert_number(t, 0, 2, 1234567);
    assert_number(t, 0, 3, -2029052);
}

static void test_semicolon_dot_is_not_decimal(void **state)
{
    fs_table *t = parse_ok(state, "a\n1.5\n");
    /* A single column has no delimiter: the comma convention applies. */
    assert_int_equal(fs_table_delimiter(t), ',');
    assert_number(t, 0, 0, 1.5);

    t = parse_ok(state, "a;b\n1.5;1,5\n");
    assert_not_number(t, 0, 0);
    assert_int_equal(fs_table_column_type(t, 0), FS_COL_TEXT);
    assert_number(t, 0, 1, 1.5);
}

static void test_tab_delimited(void **state)
{
    fs_table *t = parse_ok(state, "name\tvalue\tnote\nA\t1.5\tx, y\nB\t2,000\tz; w\n");
    assert_int_equal(fs_table_delimiter(t), '\t');
    assert_int_equal(fs_table_column_count(t), 3);
    assert_string_equal(fs_table_cell(t, 0, 2), "x, y");
    assert_int_equal(fs_table_column_type(t, 1), FS_COL_DECIMAL);
    assert_number(t, 1, 1, 2000);
    assert_pos(fs_table_cell_pos(t, 1, 2), 3, 9);
}

static void test_sniff_ignores_quoted_delimiters(void **state)
{
    fs_table *t = parse_ok(state, "\"a,b,c\";d;e\n1;2;3\n");
    assert_int_equal(fs_table_delimiter(t), ';');
    assert_int_equal(fs_table_column_count(t), 3);
    assert_string_equal(fs_table_column_name(t, 0), "a,b,c");
}

static void test_bom_dropped(void **state)
{
    fs_table *t = parse_ok(state, "\xEF\xBB\xBFname,value\nA,1\n");
    assert_string_equal(fs_table_column_name(t, 0), "name");
    assert_int_equal(fs_table_find_column(t, "name"), 0);
    assert_pos(fs_table_column_pos(t, 0), 1, 1);
    assert_pos(fs_table_column_pos(t, 1), 1, 6);
    assert_pos(fs_table_cell_pos(t, 0, 0), 2, 1);
}

static void test_crlf(void **state)
{
    fs_table *t = parse_ok(state, "a,b\r\n1,x\r\n2,y\r\n");
    assert_int_equal(fs_table_row_count(t), 2);
    assert_string_equal(fs_table_column_name(t, 1), "b");
    assert_string_equal(fs_table_cell(t, 1, 1), "y");
    assert_pos(fs_table_cell_pos(t, 1, 1), 3, 3);
}

static void test_lone_cr(void **state)
{
    fs_table *t = parse_ok(state, "a,b\r1,2\r3,4\r");
    assert_int_equal(fs_table_row_count(t), 2);
    assert_string_equal(fs_table_cell(t, 1, 1), "4");
    assert_pos(fs_table_cell_pos(t, 1, 1), 3, 3);
}

static void test_quoted_fields(void **state)
{
    fs_table *t = parse_ok(state, "name,note\n"
                                  "\"Smith, J.\",\"said \"\"hi\"\"\"\n"
                                  "\"multi\nline\",end\n"
                                  "\"\",\"\"\n");
    assert_int_equal(fs_table_row_count(t), 3);
    assert_string_equal(fs_table_cell(t, 0, 0), "Smith, J.");
    assert_string_equal(fs_table_cell(t, 0, 1), "said \"hi\"");
    assert_string_equal(fs_table_cell(t, 1, 0), "multi\nline");
    assert_string_equal(fs_table_cell(t, 1, 1), "end");
    assert_string_equal(fs_table_cell(t, 2, 0), "");
}

static void test_quoted_number_with_grouping(void **state)
{
    fs_table *t = parse_ok(state, "n\n\"2,029,052\"\n\"12,345.5\"\n");
    assert_string_equal(fs_table_cell(t, 0, 0), "2,029,052");
    assert_number(t, 0, 0, 2029052);
    assert_number(t, 1, 0, 12345.5);
    assert_int_equal(fs_table_column_type(t, 0), FS_COL_DECIMAL);
}

static void test_blank_lines_ignored(void **state)
{
    fs_table *t = parse_ok(state, "a,b\n1,2\n\n\n");
    assert_int_equal(fs_table_row_count(t), 1);
    t = parse_ok(state, "a,b\r\n1,2\r\n\r\n  \r\n");
    assert_int_equal(fs_table_row_count(t), 1);
    /* Blank lines between rows are skipped but still counted as lines. */
    t = parse_ok(state, "\na\n\n1\n");
    assert_int_equal(fs_table_row_count(t), 1);
    assert_pos(fs_table_column_pos(t, 0), 2, 1);
    assert_pos(fs_table_cell_pos(t, 0, 0), 4, 1);
}

static void test_no_final_newline(void **state)
{
    fs_table *t = parse_ok(state, "a,b\n1,\"two\"");
    assert_int_equal(fs_table_row_count(t), 1);
    assert_string_equal(fs_table_cell(t, 0, 1), "two");
}

static void test_trailing_delimiter_at_end_of_file(void **state)
{
    fs_table *t = parse_ok(state, "a,b\n1,");
    assert_int_equal(fs_table_row_count(t), 1);
    assert_string_equal(fs_table_cell(t, 0, 1), "");
    assert_pos(fs_table_cell_pos(t, 0, 1), 2, 3);
}

static void test_spaces_kept_in_text(void **state)
{
    fs_table *t = parse_ok(state, "a,b\n  x  , 7 \n");
    assert_string_equal(fs_table_cell(t, 0, 0), "  x  ");
    assert_string_equal(fs_table_cell(t, 0, 1), " 7 ");
    assert_number(t, 0, 1, 7);
    assert_int_equal(fs_table_column_type(t, 1), FS_COL_INTEGER);
}

/* ---- types ----------------------------------------------------------- */

static void test_integer_column(void **state)
{
    fs_table *t = parse_ok(state, "n\n2019\n-5\n\"2,029,052\"\n 42 \n0\n");
    assert_int_equal(fs_table_column_type(t, 0), FS_COL_INTEGER);
    assert_number(t, 0, 0, 2019);
    assert_number(t, 1, 0, -5);
    assert_number(t, 2, 0, 2029052);
    assert_number(t, 3, 0, 42);
    assert_number(t, 4, 0, 0);
}

static void test_decimal_column(void **state)
{
    fs_table *t = parse_ok(state, "x\n1\n2.5\n-0.25\n0.1\n\"1,000.125\"\n");
    assert_int_equal(fs_table_column_type(t, 0), FS_COL_DECIMAL);
    assert_number(t, 0, 0, 1);
    assert_number(t, 1, 0, 2.5);
    assert_number(t, 2, 0, -0.25);
    assert_number(t, 3, 0, 0.1);
    assert_number(t, 4, 0, 1000.125);
}

static void test_percent_column(void **state)
{
    fs_table *t = parse_ok(state, "p\n50%\n12.5 %\n-3%\n");
    assert_int_equal(fs_table_column_type(t, 0), FS_COL_PERCENT);
    assert_number(t, 0, 0, 50);
    assert_number(t, 1, 0, 12.5);
    assert_number(t, 2, 0, -3);
    assert_string_equal(fs_table_cell(t, 1, 0), "12.5 %");
}

static void test_mixed_column_is_text(void **state)
{
    fs_table *t = parse_ok(state, "x,y\n1,50%\nabc,3\n2.5,7%\n");
    assert_int_equal(fs_table_column_type(t, 0), FS_COL_TEXT);
    /* Numeric cells of a text column still give their value. */
    assert_number(t, 0, 0, 1);
    assert_not_number(t, 1, 0);
    assert_number(t, 2, 0, 2.5);
    /* Percents and plain numbers do not mix either. */
    assert_int_equal(fs_table_column_type(t, 1), FS_COL_TEXT);
    assert_number(t, 0, 1, 50);
}

static void test_empty_cells(void **state)
{
    fs_table *t = parse_ok(state, "a,b,c\n1,,\n,,x\n2,\"\",\n");
    assert_int_equal(fs_table_row_count(t), 3);
    assert_int_equal(fs_table_column_type(t, 0), FS_COL_INTEGER);
    assert_int_equal(fs_table_column_type(t, 1), FS_COL_TEXT);
    assert_int_equal(fs_table_column_type(t, 2), FS_COL_TEXT);
    assert_non_null(fs_table_cell(t, 0, 1));
    assert_string_equal(fs_table_cell(t, 0, 1), "");
    assert_string_equal(fs_table_cell(t, 2, 1), "");
    assert_not_number(t, 1, 0);
    assert_not_number(t, 0, 2);
}

static void test_not_numbers(void **state)
{
    fs_table *t =
        parse_ok(state, "x\n\"1,5\"\n1.\n.5\n1e5\n--1\n\"1,23,456\"\n\"1234,567\"\n1 234\n%\n-\n");
    for (size_t row = 0; row < fs_table_row_count(t); row++)
        assert_not_number(t, row, 0);
    assert_int_equal(fs_table_column_type(t, 0), FS_COL_TEXT);
}

/* ---- positions ------------------------------------------------------- */

static void test_positions_simple(void **state)
{
    fs_table *t = parse_ok(state, "ab,cd\nef,gh\n");
    assert_pos(fs_table_column_pos(t, 0), 1, 1);
    assert_pos(fs_table_column_pos(t, 1), 1, 4);
    assert_pos(fs_table_cell_pos(t, 0, 0), 2, 1);
    assert_pos(fs_table_cell_pos(t, 0, 1), 2, 4);
}

static void test_positions_after_multiline_field(void **state)
{
    fs_table *t = parse_ok(state, "a,b\n\"x\ny\nz\",w\nq,r\n");
    assert_pos(fs_table_cell_pos(t, 0, 0), 2, 1);
    assert_pos(fs_table_cell_pos(t, 0, 1), 4, 4);
    assert_pos(fs_table_cell_pos(t, 1, 0), 5, 1);
    assert_pos(fs_table_cell_pos(t, 1, 1), 5, 3);
}

static void test_positions_count_characters(void **state)
{
    fs_table *t = parse_ok(state, "name,v\nZ\xC3\xBCrich,1\n\xE6\x97\xA5\xE6\x9C\xAC,2\n"
                                  "\xF0\x9F\x98\x80,3\n");
    assert_pos(fs_table_cell_pos(t, 0, 1), 2, 8);
    assert_pos(fs_table_cell_pos(t, 1, 1), 3, 4);
    assert_pos(fs_table_cell_pos(t, 2, 1), 4, 3);
}

static void test_position_of_quoted_field(void **state)
{
    fs_table *t = parse_ok(state, "a,b\nx,\"q\"\n\"\xC3\xA9\",\"r\"\n");
    assert_pos(fs_table_cell_pos(t, 0, 1), 2, 3);
    assert_pos(fs_table_cell_pos(t, 1, 1), 3, 5);
}

/* ---- errors ---------------------------------------------------------- */

static void test_empty_file(void **state)
{
    static const char *const inputs[] = {"", "\xEF\xBB\xBF", "\n\n", "\r\n  \r\n"};
    for (size_t i = 0; i < sizeof inputs / sizeof inputs[0]; i++) {
        assert_null(parse(state, inputs[i]));
        assert_error(state, i, "t.csv:1:1", "empty CSV file; expected a header row");
    }
    assert_errors(state, 4);
}

static void test_unterminated_quote(void **state)
{
    assert_null(parse(state, "a,b\n1,\"open\n2,3\n"));
    assert_errors(state, 1);
    assert_error(state, 0, "t.csv:2:3",
                 "unterminated quoted field: the quote opened here is never closed");
}

static void test_unterminated_quote_in_header(void **state)
{
    assert_null(parse(state, "a,\"b\n"));
    assert_errors(state, 1);
    assert_error(state, 0, "t.csv:1:3",
                 "unterminated quoted field: the quote opened here is never closed");
}

static void test_row_with_too_many_fields(void **state)
{
    assert_null(parse(state, "a,b,c\n1,2,3,4\n"));
    assert_errors(state, 1);
    assert_error(state, 0, "t.csv:2:7", "row has 4 fields but the header has 3 columns");
}

static void test_row_with_too_few_fields(void **state)
{
    ctx *c = *state;
    assert_null(parse(state, "a;b;c\n1;2;3\n1;2\n"));
    assert_errors(state, 1);
    assert_error(state, 0, "t.csv:3:1", "row has 2 fields but the header has 3 columns");
    assert_non_null(strstr(fs_diags_at(c->diags, 0)->hint, "semicolon"));
}

static void test_ragged_hint_names_tab(void **state)
{
    ctx *c = *state;
    assert_null(parse(state, "a\tb\n1\n"));
    assert_error(state, 0, "t.csv:2:1", "row has 1 field but the header has 2 columns");
    assert_non_null(strstr(fs_diags_at(c->diags, 0)->hint, "tab-separated"));
}

static void test_duplicate_column(void **state)
{
    assert_null(parse(state, "year,value,year\n2019,1,2\n"));
    assert_errors(state, 1);
    assert_error(state, 0, "t.csv:1:12",
                 "duplicate column name \"year\": column 1 already has this name");
}

static void test_empty_column_name(void **state)
{
    assert_null(parse(state, "a,,c\n1,2,3\n"));
    assert_error(state, 0, "t.csv:1:3",
                 "empty column name in the header; expected a name for column 2");
    assert_null(parse(state, "a,b,\n1,2,3\n"));
    assert_error(state, 1, "t.csv:1:5",
                 "empty column name in the header; expected a name for column 3");
    assert_errors(state, 2);
}

static void test_invalid_utf8(void **state)
{
    ctx *c = *state;
    assert_null(parse(state, "name\nZ\xFCrich\n\xC3\xA9t\xC3\xA9\xFF\n"));
    assert_errors(state, 2);
    assert_error(state, 0, "t.csv:2:2", "invalid UTF-8 (byte 0xFC); expected UTF-8 text");
    assert_error(state, 1, "t.csv:3:4", "invalid UTF-8 (byte 0xFF); expected UTF-8 text");
    assert_non_null(strstr(fs_diags_at(c->diags, 0)->hint, "UTF-8"));
}

static void test_invalid_utf8_reported_once_per_line(void **state)
{
    char text[256] = "x\n";
    for (int i = 0; i < 8; i++)
        strcat(text, "\xE9\xE9\n");
    assert_null(parse(state, text));
    assert_errors(state, 5);
    assert_error(state, 4, "t.csv:6:1", "invalid UTF-8 (byte 0xE9); expected UTF-8 text");
    assert_diag(state, 5, FS_NOTE, "t.csv:0:0",
                "3 more lines with invalid UTF-8 were not reported");
}

static void test_utf16_and_nul(void **state)
{
    assert_null(parse_n(state,
                        "\xFF\xFE"
                        "a\0,\0b\0",
                        8));
    assert_error(state, 0, "t.csv:1:1", "the file is UTF-16 encoded; expected UTF-8");
    assert_null(parse_n(state, "a,b\n1,\0\n", 8));
    assert_error(state, 1, "t.csv:2:3",
                 "NUL byte in the text; expected UTF-8 text (is the file UTF-16 or binary?)");
    assert_errors(state, 2);
}

static void test_quote_in_unquoted_field(void **state)
{
    /* The row is dropped and reading resumes on the next line. */
    assert_null(parse(state, "a,b\n1,x\"y\n2,3\n4\n"));
    assert_errors(state, 2);
    assert_error(state, 0, "t.csv:2:4", "unexpected quote in an unquoted field");
    assert_error(state, 1, "t.csv:4:1", "row has 1 field but the header has 2 columns");
}

static void test_space_before_opening_quote(void **state)
{
    assert_null(parse(state, "a,b\n1, \"x\"\n"));
    assert_errors(state, 1);
    assert_error(state, 0, "t.csv:2:4", "unexpected quote in an unquoted field");
}

static void test_text_after_closing_quote(void **state)
{
    assert_null(parse(state, "a,b\n\"x\"y,2\n"));
    assert_errors(state, 1);
    assert_error(state, 0, "t.csv:2:4",
                 "unexpected text after the closing quote of a quoted field");
}

static void test_every_error_in_one_pass(void **state)
{
    assert_null(parse(state, "a,a\n1\n1,2,3\n\"x\"y,2\n1,2\n1,\"open\n"));
    assert_errors(state, 5);
    assert_error(state, 0, "t.csv:1:3",
                 "duplicate column name \"a\": column 1 already has this name");
    assert_error(state, 1, "t.csv:2:1", "row has 1 field but the header has 2 columns");
    assert_error(state, 2, "t.csv:3:5", "row has 3 fields but the header has 2 columns");
    assert_error(state, 3, "t.csv:4:4",
                 "unexpected text after the closing quote of a quoted field");
    assert_error(state, 4, "t.csv:6:3",
                 "unterminated quoted field: the quote opened here is never closed");
}

/* ---- limits ---------------------------------------------------------- */

static void test_too_many_columns(void **state)
{
    char *text = malloc(8 * 1001 + 2);
    assert_non_null(text);
    size_t length = 0;
    int column_of_1001st = 0;
    for (int i = 0; i < 1001; i++) {
        length += (size_t)sprintf(text + length, "%s", i ? "," : "");
        if (i == 1000)
            column_of_1001st = (int)length + 1;
        length += (size_t)sprintf(text + length, "c%d", i);
    }
    text[length++] = '\n';
    fs_table *t = parse_n(state, text, length);
    free(text);
    assert_null(t);
    char where[64];
    snprintf(where, sizeof where, "t.csv:1:%d", column_of_1001st);
    assert_errors(state, 1);
    assert_error(state, 0, where, "the header has 1001 columns; at most 1000 are supported");
}

static void test_thousand_columns_accepted(void **state)
{
    char *text = malloc(8 * 1000 + 2);
    assert_non_null(text);
    size_t length = 0;
    for (int i = 0; i < 1000; i++)
        length += (size_t)sprintf(text + length, "%sc%d", i ? "," : "", i);
    text[length++] = '\n';
    fs_table *t = parse_n(state, text, length);
    free(text);
    assert_non_null(t);
    assert_int_equal(fs_table_column_count(t), 1000);
    assert_int_equal(fs_table_find_column(t, "c999"), 999);
}

static void test_row_limit(void **state)
{
    enum { ROWS = 1000000 };
    char *text = malloc(2 + 2 * (ROWS + 1) + 1);
    assert_non_null(text);
    memcpy(text, "n\n", 2);
    for (size_t i = 0; i <= ROWS; i++)
        memcpy(text + 2 + 2 * i, "7\n", 2);
    fs_table *t = parse_n(state, text, 2 + 2 * (size_t)ROWS);
    assert_non_null(t);
    assert_int_equal(fs_table_row_count(t), ROWS);
    assert_number(t, ROWS - 1, 0, 7);
    t = parse_n(state, text, 2 + 2 * (size_t)(ROWS + 1));
    free(text);
    assert_null(t);
    assert_errors(state, 1);
    assert_error(state, 0, "t.csv:1000002:1",
                 "more than 1000000 data rows; at most 1000000 are supported");
}

static void test_file_too_large(void **state)
{
    size_t length = (size_t)256 * 1024 * 1024 + 1;
    char *bytes = calloc(1, length);
    assert_non_null(bytes);
    fs_table *t = parse_n(state, bytes, length);
    free(bytes);
    assert_null(t);
    assert_errors(state, 1);
    assert_error(state, 0, "t.csv:0:0",
                 "CSV file is larger than 256 MiB, the most factsheet reads");
}

/* ---- tables ---------------------------------------------------------- */

static void test_header_only(void **state)
{
    fs_table *t = parse_ok(state, "a,b,c\n");
    assert_int_equal(fs_table_row_count(t), 0);
    assert_int_equal(fs_table_column_count(t), 3);
    assert_int_equal(fs_table_column_type(t, 2), FS_COL_TEXT);
    t = parse_ok(state, "a,b,c");
    assert_int_equal(fs_table_row_count(t), 0);
    assert_string_equal(fs_table_column_name(t, 2), "c");
}

static void test_find_column(void **state)
{
    fs_table *t = parse_ok(state, "region,year,Value\nx,1,2\n");
    assert_int_equal(fs_table_find_column(t, "region"), 0);
    assert_int_equal(fs_table_find_column(t, "Value"), 2);
    assert_int_equal(fs_table_find_column(t, "value"), -1);
    assert_int_equal(fs_table_find_column(t, "regio"), -1);
    assert_int_equal(fs_table_find_column(t, ""), -1);
}

static void test_out_of_range_access(void **state)
{
    fs_table *t = parse_ok(state, "a\n1\n");
    assert_string_equal(fs_table_cell(t, 1, 0), "");
    assert_string_equal(fs_table_cell(t, 0, 1), "");
    assert_not_number(t, 5, 5);
    assert_int_equal(fs_table_cell_pos(t, 9, 0).line, 0);
    assert_int_equal(fs_table_column_pos(t, 9).line, 0);
}

/* Writes a file under a fresh directory; returns its path in path. */
static void write_temp(char *dir, char *path, size_t size, const char *name, const char *text)
{
    assert_non_null(mkdtemp(dir));
    snprintf(path, size, "%s/%s", dir, name);
    FILE *file = fopen(path, "wb");
    assert_non_null(file);
    fputs(text, file);
    fclose(file);
}

static void test_load_names_table_after_stem(void **state)
{
    ctx *c = *state;
    char dir[] = "/tmp/fs_test_csv_XXXXXX", path[256];
    write_temp(dir, path, sizeof path, "stats.v2.csv", "a,b\n1,2\n");
    fs_table *t = fs_table_load(path, c->arena, c->diags);
    unlink(path);
    rmdir(dir);
    assert_non_null(t);
    assert_int_equal(fs_diags_count(c->diags), 0);
    assert_string_equal(fs_table_name(t), "stats.v2");
    assert_string_equal(fs_table_path(t), path);
    assert_string_equal(fs_table_cell_pos(t, 0, 1).file, path);
    assert_int_equal(fs_table_row_count(t), 1);
}

static void test_load_reports_errors_with_path(void **state)
{
    ctx *c = *state;
    char dir[] = "/tmp/fs_test_csv_XXXXXX", path[256];
    write_temp(dir, path, sizeof path, "stats.csv", "a,b\n1\n");
    fs_table *t = fs_table_load(path, c->arena, c->diags);
    unlink(path);
    rmdir(dir);
    assert_null(t);
    char where[300];
    snprintf(where, sizeof where, "%s:2:1", path);
    assert_error(state, 0, where, "row has 1 field but the header has 2 columns");
}

static void test_load_missing_file(void **state)
{
    ctx *c = *state;
    assert_null(fs_table_load("/nonexistent/dir/stats.csv", c->arena, c->diags));
    assert_errors(state, 1);
    assert_error(state, 0, "/nonexistent/dir/stats.csv:0:0",
                 "cannot read: No such file or directory");
}

#define TEST(name) cmocka_unit_test_setup_teardown(name, setup, teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        TEST(test_comma_basic),
        TEST(test_semicolon_decimal_comma),
        TEST(test_semicolon_thousands_separators),
        TEST(test_semicolon_dot_is_not_decimal),
        TEST(test_tab_delimited),
        TEST(test_sniff_ignores_quoted_delimiters),
        TEST(test_bom_dropped),
        TEST(test_crlf),
        TEST(test_lone_cr),
        TEST(test_quoted_fields),
        TEST(test_quoted_number_with_grouping),
        TEST(test_blank_lines_ignored),
        TEST(test_no_final_newline),
        TEST(test_trailing_delimiter_at_end_of_file),
        TEST(test_spaces_kept_in_text),
        TEST(test_integer_column),
        TEST(test_decimal_column),
        TEST(test_percent_column),
        TEST(test_mixed_column_is_text),
        TEST(test_empty_cells),
        TEST(test_not_numbers),
        TEST(test_positions_simple),
        TEST(test_positions_after_multiline_field),
        TEST(test_positions_count_characters),
        TEST(test_position_of_quoted_field),
        TEST(test_empty_file),
        TEST(test_unterminated_quote),
        TEST(test_unterminated_quote_in_header),
        TEST(test_row_with_too_many_fields),
        TEST(test_row_with_too_few_fields),
        TEST(test_ragged_hint_names_tab),
        TEST(test_duplicate_column),
        TEST(test_empty_column_name),
        TEST(test_invalid_utf8),
        TEST(test_invalid_utf8_reported_once_per_line),
        TEST(test_utf16_and_nul),
        TEST(test_quote_in_unquoted_field),
        TEST(test_space_before_opening_quote),
        TEST(test_text_after_closing_quote),
        TEST(test_every_error_in_one_pass),
        TEST(test_too_many_columns),
        TEST(test_thousand_columns_accepted),
        TEST(test_row_limit),
        TEST(test_file_too_large),
        TEST(test_header_only),
        TEST(test_find_column),
        TEST(test_out_of_range_access),
        TEST(test_load_names_table_after_stem),
        TEST(test_load_reports_errors_with_path),
        TEST(test_load_missing_file),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
