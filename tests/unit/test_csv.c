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

#include "i18n/fs_template.h"
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
    /* A column named "year" whose integers are all years prints as
     * written (2019, not 2,019); it is still read as a number. */
    assert_int_equal(fs_table_column_type(t, 1), FS_COL_YEAR);
    assert_int_equal(fs_table_column_type(t, 2), FS_COL_INTEGER);
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

static void test_blank_trailing_lines(void **state)
{
    static const char *const inputs[] = {
        "a,b\n1,2\n\n\n",         "a,b\r\n1,2\r\n\r\n\r\n", "a,b\n1,2\n \t\n\t \n",
        "a,b\n1,2\n   ",          "a,b\r\n1,2\r\n \r\n\t",  "a\tb\n1\t2\n\t\n \t \n\t\t\t\n",
        "a;b\n1;2\n;\n;;\n; ;\n", "a,b\n1,2\n,\r\n,\r\n",
    };
    for (size_t i = 0; i < sizeof inputs / sizeof inputs[0]; i++) {
        fs_table *t = parse_ok(state, inputs[i]);
        assert_int_equal(fs_table_row_count(t), 1);
        assert_string_equal(fs_table_cell(t, 0, 1), "2");
    }
}

static void test_blank_lines_in_the_middle(void **state)
{
    /* Skipped with no error: spreadsheets write ",," for an empty row. */
    fs_table *t = parse_ok(state, "a,b\n1,2\n\n,\n  \t\n,,\n3,4\n");
    assert_int_equal(fs_table_row_count(t), 2);
    assert_string_equal(fs_table_cell(t, 1, 0), "3");
    assert_pos(fs_table_cell_pos(t, 1, 1), 7, 3);
    /* Before the header too. */
    t = parse_ok(state, ",,\n\na,b\n1,2\n");
    assert_string_equal(fs_table_column_name(t, 0), "a");
    assert_pos(fs_table_column_pos(t, 1), 3, 3);
    /* Quoted empty fields are written on purpose: the row is data. */
    t = parse_ok(state, "a,b\n\"\",\n1,2\n");
    assert_int_equal(fs_table_row_count(t), 2);
    assert_string_equal(fs_table_cell(t, 0, 0), "");
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

/* ---- exact numbers, missing values, codes ---------------------------- */

static void assert_decimal(const fs_table *table, size_t row, size_t column, const char *expected)
{
    fs_buf out = {0};
    assert_true(fs_table_cell_decimal(table, row, column, &out));
    assert_string_equal(fs_buf_str(&out), expected);
    fs_buf_free(&out);
}

static void test_space_grouped_numbers(void **state)
{
    /* "80 418" in a comma file (issue 12), and no-break spaces, which
     * French spreadsheets write. */
    fs_table *t = parse_ok(state, "n\n80 418\n2\xC2\xA0"
                                  "029\xC2\xA0"
                                  "052\n1\xE2\x80\xAF"
                                  "000\n\"1,234 567\"\n");
    assert_int_equal(fs_table_column_type(t, 0), FS_COL_TEXT);
    assert_number(t, 0, 0, 80418);
    assert_decimal(t, 1, 0, "2029052");
    assert_number(t, 2, 0, 1000);
    /* One separator per number: "1,234 567" mixes two. */
    assert_not_number(t, 3, 0);
    t = parse_ok(state, "a;b\n80 418;1 839,50\n");
    assert_number(t, 0, 0, 80418);
    assert_decimal(t, 0, 1, "1839.50");
}

static void test_exact_decimals(void **state)
{
    /* Decimals as written, trailing zeros kept; integers of any length,
     * never through a double (PapaParse keeps 16142028098527942586 a
     * string for the same reason). */
    fs_table *t = parse_ok(state, "v\n1.50\n0.0001\n36.61954\n16142028098527942586\n"
                                  "-9007199254740993\n\"1,000.125\"\n");
    assert_int_equal(fs_table_column_type(t, 0), FS_COL_DECIMAL);
    assert_decimal(t, 0, 0, "1.50");
    assert_decimal(t, 1, 0, "0.0001");
    assert_decimal(t, 2, 0, "36.61954");
    assert_decimal(t, 3, 0, "16142028098527942586");
    assert_decimal(t, 4, 0, "-9007199254740993");
    assert_decimal(t, 5, 0, "1000.125");
    t = parse_ok(state, "s;p\n12,5 %;\xE2\x80\x93\n50%;7\n");
    assert_int_equal(fs_table_column_type(t, 0), FS_COL_PERCENT);
    assert_decimal(t, 0, 0, "12.5");
    assert_decimal(t, 1, 0, "50");
    fs_buf out = {0};
    assert_false(fs_table_cell_decimal(t, 0, 1, &out));
    assert_int_equal(out.length, 0);
}

static void test_missing_markers(void **state)
{
    /* One marker or empty cell no longer makes a number column text. */
    fs_table *t = parse_ok(state, "name,n,label\n"
                                  "a,12,-\n"
                                  "b,-,x\n"
                                  "c,N/A,\n"
                                  "d,n/a,\n"
                                  "e,NA,\n"
                                  "f, .. ,\n"
                                  "g,x,\n"
                                  "h,\xE2\x80\x93,\n"
                                  "i,\xE2\x80\x94,\n"
                                  "j,,\n"
                                  "k,\"883,710\",\n");
    assert_int_equal(fs_table_column_type(t, 1), FS_COL_INTEGER);
    assert_int_equal(fs_table_column_missing(t, 1), 9);
    assert_false(fs_table_cell_missing(t, 0, 1));
    for (size_t row = 1; row < 10; row++) {
        assert_true(fs_table_cell_missing(t, row, 1));
        assert_not_number(t, row, 1);
    }
    assert_number(t, 10, 1, 883710);
    /* In a text column a marker is text. */
    assert_int_equal(fs_table_column_type(t, 2), FS_COL_TEXT);
    assert_false(fs_table_cell_missing(t, 0, 2));
    assert_int_equal(fs_table_column_missing(t, 2), 0);
    /* Markers alone are text. */
    t = parse_ok(state, "n\nN/A\n-\n");
    assert_int_equal(fs_table_column_type(t, 0), FS_COL_TEXT);
    assert_false(fs_table_cell_missing(t, 0, 0));
    /* Percent and decimal columns keep their type too. */
    t = parse_ok(state, "p,d\n50%,1.5\n..,N/A\n");
    assert_int_equal(fs_table_column_type(t, 0), FS_COL_PERCENT);
    assert_int_equal(fs_table_column_type(t, 1), FS_COL_DECIMAL);
    assert_true(fs_table_cell_missing(t, 1, 0));
}

static void test_codes(void **state)
{
    /* csv-spectrum's comma_in_quotes: zip 08123 stays 08123. */
    fs_table *t = parse_ok(state, "first,city,zip\nJohn,\"Anytown, WW\",08123\nJane,X,10001\n");
    assert_int_equal(fs_table_column_type(t, 2), FS_COL_CODE);
    assert_not_number(t, 0, 2);
    assert_string_equal(fs_table_cell(t, 0, 2), "08123");
    assert_false(fs_table_column_translated(t, 2));
    /* P-codes (COD-AB shape: admin1Pcode), a leading zero in any column,
     * codes mixing letters and digits. */
    t = parse_ok(state,
                 "admin1Name_fr,admin1Pcode,n,ref\nMopti,ML05,007,M-01\nS\xC3\xA9gou,ML04,12,"
                 "N-02\n");
    assert_int_equal(fs_table_column_type(t, 0), FS_COL_TEXT);
    assert_int_equal(fs_table_column_type(t, 1), FS_COL_CODE);
    assert_int_equal(fs_table_column_type(t, 2), FS_COL_CODE);
    assert_int_equal(fs_table_column_type(t, 3), FS_COL_CODE);
    /* csv-spectrum's location_coordinates: a phone number under a header
     * that says so, and ISO codes and ids. */
    t = parse_ok(state, "Contact Phone Number,ISO3,data_id,Population\n2095257564,MLI,1,2000\n");
    assert_int_equal(fs_table_column_type(t, 0), FS_COL_CODE);
    assert_int_equal(fs_table_column_type(t, 1), FS_COL_CODE);
    assert_int_equal(fs_table_column_type(t, 2), FS_COL_CODE);
    assert_int_equal(fs_table_column_type(t, 3), FS_COL_INTEGER);
    /* "Encoded" or "identity" are not "code" or "id", and a decimal is no
     * code; 0.5 has no leading zero. */
    t = parse_ok(state, "Encoded,identity,code,z\n12,3,1.5,0.5\n");
    assert_int_equal(fs_table_column_type(t, 0), FS_COL_INTEGER);
    assert_int_equal(fs_table_column_type(t, 1), FS_COL_INTEGER);
    assert_int_equal(fs_table_column_type(t, 2), FS_COL_DECIMAL);
    assert_int_equal(fs_table_column_type(t, 3), FS_COL_DECIMAL);
}

static void test_dates(void **state)
{
    fs_table *t = parse_ok(state, "d,m,x\n2019-06-30,2019-06,2019-02-29\n2020-02-29,2020-12,x\n");
    assert_int_equal(fs_table_column_type(t, 0), FS_COL_DATE);
    assert_int_equal(fs_table_column_type(t, 1), FS_COL_DATE);
    assert_int_equal(fs_table_column_type(t, 2), FS_COL_TEXT);
    assert_false(fs_table_column_translated(t, 0));
    assert_not_number(t, 0, 0);
}

static void test_tab_decimal_mark(void **state)
{
    /* A tab file with decimal commas (French Excel's "Unicode text"). */
    fs_table *t = parse_ok(state, "a\tb\n1839,5\t2 029 052\n0,125\t1.234\n");
    assert_number(t, 0, 0, 1839.5);
    assert_number(t, 1, 0, 0.125);
    assert_number(t, 0, 1, 2029052);
    assert_number(t, 1, 1, 1234);
    /* One decimal point decides for the point. */
    t = parse_ok(state, "a\tb\n1839,5\t1.5\n");
    assert_not_number(t, 0, 0);
    assert_number(t, 0, 1, 1.5);
}

/* ---- Excel's quirks -------------------------------------------------- */

static void test_trailing_empty_columns(void **state)
{
    ctx *c = *state;
    fs_table *t = parse(state, "n;label;;;\n1;a;;;\n2;b\n3;c;\n");
    assert_non_null(t);
    assert_int_equal(fs_diags_count(c->diags), 1);
    assert_diag(state, 0, FS_NOTE, "t.csv:1:9",
                "3 empty columns at the end of the header are left out: they have no name and no "
                "data");
    assert_int_equal(fs_table_column_count(t), 2);
    assert_int_equal(fs_table_row_count(t), 3);
    assert_string_equal(fs_table_cell(t, 2, 1), "c");
    assert_int_equal(fs_table_column_type(t, 0), FS_COL_INTEGER);
    /* A row still needs every named column. */
    assert_null(parse(state, "n;label;\n1\n"));
    assert_error(state, 1, "t.csv:2:1", "row has 1 field but the header has 3 columns");
}

static void test_header_names_trimmed(void **state)
{
    fs_table *t = parse_ok(state, " Cumulative_cases ,Population (UNDESA)\n1,2\n");
    assert_string_equal(fs_table_column_name(t, 0), "Cumulative_cases");
    assert_string_equal(fs_table_column_name(t, 1), "Population (UNDESA)");
    assert_null(parse(state, "a, a\n1,2\n"));
    assert_error(state, 0, "t.csv:1:3",
                 "duplicate column name \"a\": column 1 already has this name");
}

static void test_file_rows_and_encoding(void **state)
{
    ctx *c = *state;
    fs_table *t = parse_ok(state, "\xEF\xBB\xBFk\n1\n2\n");
    assert_string_equal(fs_table_encoding(t), "UTF-8 with BOM");
    size_t second = 1;
    fs_table *view = fs_table_select(t, &second, 1, c->arena);
    assert_int_equal(fs_table_row_count(view), 1);
    assert_int_equal(fs_table_file_rows(view), 2);
    t = parse_ok(state, "k\n");
    assert_string_equal(fs_table_encoding(t), "UTF-8");
    assert_int_equal(fs_table_file_rows(t), 0);
}

/* ---- HXL as libhxl-python reads it ----------------------------------- */

static void test_hxl_fuzzy_row(void **state)
{
    /* libhxl-python takes a row where at least half the cells are tags;
     * the malformed one is a warning and its column has no tag. */
    ctx *c = *state;
    fs_table *t = parse(state, "country,affected,inneed\n#country+name,#affected f,#inneed\n"
                               "Mali,12,7\n");
    assert_non_null(t);
    assert_int_equal(fs_diags_count(c->diags), 1);
    assert_diag(state, 0, FS_WARNING, "t.csv:2:15",
                "'#affected f' is not an HXL hashtag: column 2 ('affected') has no tag");
    assert_int_equal(fs_table_row_count(t), 1);
    assert_string_equal(fs_table_column_tag(t, 0), "#country+name");
    assert_null(fs_table_column_tag(t, 1));
    assert_string_equal(fs_table_column_tag(t, 2), "#inneed");
    assert_pos(fs_table_hxl_pos(t), 2, 1);
    /* One tag in a row of data is data. */
    fs_diags_clear(c->diags);
    t = parse_ok(state, "campaign,tag\nFloods,#floods\n");
    assert_int_equal(fs_table_row_count(t), 1);
    assert_null(fs_table_column_tag(t, 1));
}

static void test_hxl_rows_above_header(void **state)
{
    /* libhxl-python's tests/files/test_io/input-valid.csv shape: a row of
     * group headings above the header; and junk rows. */
    ctx *c = *state;
    fs_table *t = parse(state, ",Qu\xC3\xA9?,,Qui\xC3\xA9n?\n"
                               "Registro,Sector,Hombres,Mujeres\n"
                               ",#sector+es,#targeted+f,#targeted+m\n"
                               "001,WASH,100,100\n"
                               "002,Salud,,\n");
    assert_non_null(t);
    assert_int_equal(fs_diags_count(c->diags), 1);
    assert_diag(state, 0, FS_WARNING, "t.csv:1:1",
                "line 1 is above the header and not read: the HXL hashtag row at line 3 makes "
                "line 2 the header");
    assert_string_equal(fs_table_column_name(t, 0), "Registro");
    assert_int_equal(fs_table_row_count(t), 2);
    assert_string_equal(fs_table_cell(t, 0, 0), "001");
    assert_string_equal(fs_table_column_tag(t, 2), "#targeted+f");
    assert_int_equal(fs_table_column_type(t, 0), FS_COL_CODE);
    assert_int_equal(fs_table_column_type(t, 2), FS_COL_INTEGER);
    assert_pos(fs_table_cell_pos(t, 0, 2), 4, 10);
    /* A hashtag row first: the tags are the names (libhxl's
     * input-multiline.csv). */
    fs_diags_clear(c->diags);
    t = parse_ok(state, "#description,#affected +F\n\"Line 1\nLine 2\",3\n");
    assert_string_equal(fs_table_column_name(t, 1), "#affected +F");
    assert_string_equal(fs_table_column_tag(t, 1), "#affected+f");
    assert_int_equal(fs_table_row_count(t), 1);
    /* The row above a hashtag row must name something: numbers are data. */
    t = parse_ok(state, "n\n1\n#value\n");
    assert_int_equal(fs_table_row_count(t), 2);
}

static void test_hxl_find_tag(void **state)
{
    fs_table *t = parse_ok(state, "a,b,c,d\n#affected+f,#affected +f +children,#affected+m,#org\n"
                                  "1,2,3,x\n");
    size_t column = 99, other = 99;
    /* The exact attributes win over a superset. */
    assert_int_equal(fs_table_find_tag(t, "#affected+f", &column, &other), 1);
    assert_int_equal(column, 0);
    assert_int_equal(fs_table_find_tag(t, "#Affected+F+Children", &column, &other), 1);
    assert_int_equal(column, 1);
    assert_int_equal(fs_table_find_tag(t, "#affected-f", &column, &other), 1);
    assert_int_equal(column, 2);
    assert_int_equal(fs_table_find_tag(t, "#affected", &column, &other), 2);
    assert_int_equal(column, 0);
    assert_int_equal(other, 1);
    assert_int_equal(fs_table_find_tag(t, "#org", &column, &other), 1);
    assert_int_equal(fs_table_find_tag(t, "#inneed", &column, &other), 0);
    assert_int_equal(fs_table_find_tag(t, "#affected+", &column, &other), 0);
    assert_true(fs_hxl_pattern_valid("#adm1+code-x"));
    assert_false(fs_hxl_pattern_valid("#adm1 +code"));
    assert_false(fs_hxl_pattern_valid("affected"));
    assert_false(fs_hxl_pattern_valid("#a#b"));
}

/* ---- declared types -------------------------------------------------- */

static void test_declared_types(void **state)
{
    ctx *c = *state;
    fs_table *t = parse_ok(state, "value,code,n,tag\nabout 1800,101,N/A,1\n2029052,102,5,2\n");
    const fs_column_decl columns[] = {
        {.name = "value",
         .has_type = true,
         .type = FS_COL_INTEGER,
         .pos = fs_pos_at("layout.yaml", 4, 7),
         .type_pos = fs_pos_at("layout.yaml", 4, 14)},
        {.name = "code",
         .has_type = true,
         .type = FS_COL_TEXT,
         .pos = fs_pos_at("layout.yaml", 5, 7),
         .type_pos = fs_pos_at("layout.yaml", 5, 13)},
        {.name = "n", .has_type = true, .type = FS_COL_INTEGER},
        {.name = "valeu", .no_translation = true, .pos = fs_pos_at("layout.yaml", 7, 7)},
    };
    fs_table_decl decl = {.table = "t", .columns = columns, .count = 4};
    assert_false(fs_table_declare(t, &decl, c->diags));
    assert_errors(state, 2);
    assert_error(state, 0, "t.csv:2:1",
                 "column 'value' is declared integer, but this cell holds 'about 1800'");
    assert_string_equal(fs_diags_at(c->diags, 0)->hint,
                        "write a whole number such as 2029052 or 2,029,052 (or leave the cell "
                        "empty, or write N/A), or declare the column otherwise at "
                        "layout.yaml:4:14");
    assert_error(state, 1, "layout.yaml:7:7", "no column 'valeu' in t.csv");
    assert_string_equal(fs_diags_at(c->diags, 1)->hint,
                        "did you mean 'value'? its columns: value, code, n, tag");
    assert_true(fs_table_column_declared(t, 1));
    assert_int_equal(fs_table_column_type(t, 1), FS_COL_TEXT);
    assert_int_equal(fs_table_column_missing(t, 2), 1);
    assert_false(fs_table_column_declared(t, 3));
}

/* ---- HXL ------------------------------------------------------------- */

static void test_hxl_row(void **state)
{
    fs_table *t = parse_ok(state, "country,affected,date\n"
                                  "#country,#affected +f,#date\n"
                                  "Mali,12,2020\n"
                                  "Niger,7,2021\n");
    assert_int_equal(fs_table_row_count(t), 2);
    assert_string_equal(fs_table_column_hxl(t, 0), "#country");
    assert_string_equal(fs_table_column_hxl(t, 1), "#affected +f");
    assert_string_equal(fs_table_column_hxl(t, 2), "#date");
    assert_null(fs_table_column_hxl(t, 3));
    assert_string_equal(fs_table_cell(t, 0, 0), "Mali");
    assert_int_equal(fs_table_column_type(t, 1), FS_COL_INTEGER);
    assert_int_equal(fs_table_column_type(t, 2), FS_COL_INTEGER);
    assert_pos(fs_table_cell_pos(t, 0, 1), 3, 6);
    /* A view of some rows keeps the tags. */
    size_t second = 1;
    fs_table *view = fs_table_select(t, &second, 1, ((ctx *)*state)->arena);
    assert_string_equal(fs_table_column_hxl(view, 1), "#affected +f");
    assert_string_equal(fs_table_cell(view, 0, 0), "Niger");
}

static void test_hxl_row_forms(void **state)
{
    /* Empty cells, spaces around and inside, attributes without spaces,
     * semicolons, quotes, and blank lines before the row. */
    fs_table *t = parse_ok(state, "a;b;c;d\n\n;;;\n"
                                  "  #adm1 +name ;;\"#sector+cluster\";#x_y1 \t+i_fr  +v2\n"
                                  "S\xC3\xA9gou;1;2;3\n");
    assert_int_equal(fs_table_row_count(t), 1);
    assert_string_equal(fs_table_column_hxl(t, 0), "#adm1 +name");
    assert_null(fs_table_column_hxl(t, 1));
    assert_string_equal(fs_table_column_hxl(t, 2), "#sector+cluster");
    assert_string_equal(fs_table_column_hxl(t, 3), "#x_y1 \t+i_fr  +v2");
    assert_int_equal(fs_table_column_type(t, 1), FS_COL_INTEGER);
    /* A header and an HXL row alone. */
    t = parse_ok(state, "a,b\n#a,#b\n");
    assert_int_equal(fs_table_row_count(t), 0);
    assert_string_equal(fs_table_column_hxl(t, 1), "#b");
}

static void test_not_hxl_rows(void **state)
{
    /* Each first row is data: a cell that is not a tag, a colour, a tag
     * name that does not start with a letter, a bad attribute. */
    static const char *const inputs[] = {
        "a,b\n#a,text\n", "a,b\n#fff,#1a2b3c\n", "a,b\n#1,#2\n",   "a,b\n# a,#b\n",
        "a,b\n#a +,#b\n", "a,b\n#a+1,#b\n",      "a,b\n#a b,#b\n", "a,b\n#a-b,#b\n",
        "a,b\n#,#b\n",    "a,b\n#a,#b+\n",       "a\n#ABCD\n",     "a,b\n\"#a\nb\",#b\n",
    };
    for (size_t i = 0; i < sizeof inputs / sizeof inputs[0]; i++) {
        fs_table *t = parse_ok(state, inputs[i]);
        assert_int_equal(fs_table_row_count(t), 1);
        assert_null(fs_table_column_hxl(t, 0));
        assert_null(fs_table_column_hxl(t, 1));
    }
}

static void test_hxl_only_right_under_header(void **state)
{
    fs_table *t = parse_ok(state, "n\n1\n#value\n");
    assert_int_equal(fs_table_row_count(t), 2);
    assert_null(fs_table_column_hxl(t, 0));
    assert_string_equal(fs_table_cell(t, 1, 0), "#value");
    /* Without the HXL row the column would be text. */
    t = parse_ok(state, "n\n#value\n1\n2\n");
    assert_int_equal(fs_table_row_count(t), 2);
    assert_int_equal(fs_table_column_type(t, 0), FS_COL_INTEGER);
    /* A second hashtag row is data. */
    t = parse_ok(state, "n\n#value\n#other\n");
    assert_int_equal(fs_table_row_count(t), 1);
    assert_string_equal(fs_table_cell(t, 0, 0), "#other");
}

static void test_hxl_row_with_wrong_width(void **state)
{
    assert_null(parse(state, "a,b\n#a\n1,2\n"));
    assert_errors(state, 1);
    assert_error(state, 0, "t.csv:2:1", "row has 1 field but the header has 2 columns");
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
        parse_ok(state, "x\n\"1,5\"\n1.\n.5\n1e5\n--1\n\"1,23,456\"\n\"1234,567\"\n1 2\n%\n-\n");
    for (size_t row = 0; row < fs_table_row_count(t); row++)
        assert_not_number(t, row, 0);
    assert_int_equal(fs_table_column_type(t, 0), FS_COL_TEXT);
}

static void test_french_excel_numbers(void **state)
{
    /* Grouped with a narrow no-break space (U+202F), a no-break space
     * (U+00A0), a space or '.', with a decimal comma and a spaced '%'. */
    fs_table *t = parse_ok(state, "pays;population;surface;part;taux\n"
                                  "Mali;2\xE2\x80\xAF"
                                  "029\xE2\x80\xAF"
                                  "052;1 839,5;12,5 %;3,25\xC2\xA0%\n"
                                  "Niger;2.029.052;1\xC2\xA0"
                                  "839,5;50\xE2\x80\xAF%;-1 000,5 %\n"
                                  "Tchad;2 029 052;-0,5;100%;7 %\n");
    assert_int_equal(fs_table_column_type(t, 1), FS_COL_INTEGER);
    assert_number(t, 0, 1, 2029052);
    assert_number(t, 1, 1, 2029052);
    assert_number(t, 2, 1, 2029052);
    assert_int_equal(fs_table_column_type(t, 2), FS_COL_DECIMAL);
    assert_number(t, 0, 2, 1839.5);
    assert_number(t, 1, 2, 1839.5);
    assert_number(t, 2, 2, -0.5);
    assert_int_equal(fs_table_column_type(t, 3), FS_COL_PERCENT);
    assert_number(t, 0, 3, 12.5);
    assert_number(t, 1, 3, 50);
    assert_number(t, 2, 3, 100);
    assert_int_equal(fs_table_column_type(t, 4), FS_COL_PERCENT);
    assert_number(t, 0, 4, 3.25);
    assert_number(t, 1, 4, -1000.5);
    assert_number(t, 2, 4, 7);
    assert_string_equal(fs_table_cell(t, 2, 1), "2 029 052");
}

static void test_french_grouping_is_validated(void **state)
{
    /* Groups after the first are exactly three digits, behind one and the
     * same mark; a first group has at most three. */
    fs_table *t = parse_ok(state, "x;y\n"
                                  "1 23;a\n"
                                  "1 2345;a\n"
                                  "12 34 567;a\n"
                                  "1 234 56;a\n"
                                  "1 234.567;a\n"
                                  "1.234 567;a\n"
                                  "1234 567;a\n"
                                  "1  234;a\n"
                                  "1 234,;a\n"
                                  ",5;a\n"
                                  "1,5,3;a\n"
                                  "1 234 %%;a\n"
                                  "1\xC2\xA0"
                                  "234 567;a\n"
                                  "1 ;a\n");
    for (size_t row = 0; row < 13; row++)
        assert_not_number(t, row, 0);
    /* A trailing space is trimmed, as around any number. */
    assert_number(t, 13, 0, 1);
    assert_int_equal(fs_table_column_type(t, 0), FS_COL_TEXT);
}

static void test_comma_and_tab_files_group_with_commas(void **state)
{
    fs_table *t = parse_ok(state, "a,b\n\"2,029,052\",\"1,839.5\"\n\"12,5 %\",1 839\n");
    assert_number(t, 0, 0, 2029052);
    assert_number(t, 0, 1, 1839.5);
    assert_not_number(t, 1, 0);
    /* A space groups in every file. */
    assert_number(t, 1, 1, 1839);

    t = parse_ok(state, "name\tvalue\tshare\n"
                        "A\t2,029,052\t12.5 %\n"
                        "B\t\"1,839.5\"\t50%\n"
                        "C\t1 839,5\t2.029.052\n");
    assert_int_equal(fs_table_delimiter(t), '\t');
    assert_number(t, 0, 1, 2029052);
    assert_number(t, 1, 1, 1839.5);
    assert_number(t, 0, 2, 12.5);
    assert_not_number(t, 2, 1);
    assert_not_number(t, 2, 2);
    assert_int_equal(fs_table_column_type(t, 1), FS_COL_TEXT);
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
                 "empty column name in the header; expected a name for column 3, which holds "
                 "data");
    assert_errors(state, 2);
}

static void test_invalid_utf8(void **state)
{
    ctx *c = *state;
    /* 0x81 and 0x9D are neither UTF-8 nor Windows-1252. */
    assert_null(parse(state, "name\nZ\x81rich\nete\x9D\n"));
    assert_int_equal(fs_diags_count(c->diags), 2);
    assert_error(state, 0, "t.csv:2:2",
                 "invalid UTF-8 at byte offset 6 (0x81); expected UTF-8 text");
    assert_error(state, 1, "t.csv:3:4",
                 "invalid UTF-8 at byte offset 15 (0x9D); expected UTF-8 text");
    assert_string_equal(fs_diags_at(c->diags, 0)->hint,
                        "save the file as UTF-8 (in a spreadsheet: Save As, then \"CSV UTF-8\"); "
                        "this byte is not Windows-1252 text either, so the file cannot be read "
                        "as that");
}

static void test_invalid_utf8_reported_once_per_line(void **state)
{
    char text[256] = "x\n";
    for (int i = 0; i < 8; i++)
        strcat(text, "\x90\x90\n");
    assert_null(parse(state, text));
    assert_errors(state, 5);
    assert_error(state, 4, "t.csv:6:1",
                 "invalid UTF-8 at byte offset 14 (0x90); expected UTF-8 text");
    assert_diag(state, 5, FS_NOTE, "t.csv:0:0",
                "3 more lines with invalid UTF-8 were not reported");
}

static void test_undefined_windows_1252_bytes(void **state)
{
    ctx *c = *state;
    static const unsigned char undefined[] = {0x81, 0x8D, 0x8F, 0x90, 0x9D};
    for (size_t i = 0; i < sizeof undefined; i++) {
        char text[16], message[80];
        snprintf(text, sizeof text, "a\n%c\n", undefined[i]);
        snprintf(message, sizeof message,
                 "invalid UTF-8 at byte offset 2 (0x%02X); expected UTF-8 text", undefined[i]);
        assert_null(parse(state, text));
        assert_error(state, i, "t.csv:2:1", message);
    }
    assert_int_equal(fs_diags_count(c->diags), 5);
}

static void test_undefined_byte_spoils_windows_1252(void **state)
{
    ctx *c = *state;
    /* The 0xE9 alone would read as Windows-1252; the 0x8F cannot, so the
     * file is neither, and only the byte that is text in neither is shown.
     */
    assert_null(parse(state, "name\ncaf\xE9\nx\x8F\n"));
    assert_int_equal(fs_diags_count(c->diags), 1);
    assert_error(state, 0, "t.csv:3:2",
                 "invalid UTF-8 at byte offset 11 (0x8F); expected UTF-8 text");
}

static void test_invalid_utf8_offset_counts_bom(void **state)
{
    assert_null(parse(state, "\xEF\xBB\xBF"
                             "a\n\x8D\n"));
    assert_errors(state, 1);
    assert_error(state, 0, "t.csv:2:1",
                 "invalid UTF-8 at byte offset 5 (0x8D); expected UTF-8 text");
}

static void test_nul_is_not_windows_1252(void **state)
{
    ctx *c = *state;
    assert_null(parse_n(state, "a,b\n\xE9,\0\n", 8));
    assert_int_equal(fs_diags_count(c->diags), 1);
    assert_error(state, 0, "t.csv:2:3",
                 "NUL byte in the text; expected UTF-8 text (is the file UTF-16 or binary?)");
}

/* ---- Windows-1252 ---------------------------------------------------- */

/* Parses text that must load with exactly one diagnostic: the warning that
 * it was read as Windows-1252, at where, about byte. */
static fs_table *parse_cp1252(void **state, const char *text, const char *where, unsigned char byte)
{
    ctx *c = *state;
    fs_table *table = parse(state, text);
    assert_non_null(table);
    assert_int_equal(fs_diags_count(c->diags), 1);
    char message[96];
    snprintf(message, sizeof message,
             "the file is not UTF-8; read it as Windows-1252 (byte 0x%02X here)", byte);
    assert_diag(state, 0, FS_WARNING, where, message);
    assert_string_equal(fs_diags_at(c->diags, 0)->hint,
                        "save it as CSV UTF-8 to silence this warning");
    return table;
}

static void test_windows_1252_converted(void **state)
{
    fs_table *t = parse_cp1252(state,
                               "icon,value,label\n"
                               "groups,12,caf\xE9s\n"
                               "school,7,\x93quoted\x94 \x80 5\n",
                               "t.csv:2:14", 0xE9);
    assert_int_equal(fs_table_row_count(t), 2);
    assert_string_equal(fs_table_cell(t, 0, 2), "caf\xC3\xA9s");
    assert_string_equal(fs_table_cell(t, 1, 2), "\xE2\x80\x9Cquoted\xE2\x80\x9D \xE2\x82\xAC 5");
    assert_int_equal(fs_table_column_type(t, 1), FS_COL_INTEGER);
}

static void test_windows_1252_one_warning_per_file(void **state)
{
    ctx *c = *state;
    char text[256] = "name,n\n";
    for (int i = 0; i < 20; i++)
        strcat(text, "\xC9t\xE9,1\n");
    fs_table *t = parse_cp1252(state, text, "t.csv:2:1", 0xC9);
    assert_int_equal(fs_table_row_count(t), 20);
    assert_string_equal(fs_table_cell(t, 19, 0), "\xC3\x89t\xC3\xA9");
    assert_int_equal(fs_diags_warnings(c->diags), 1);
}

static void test_windows_1252_characters(void **state)
{
    /* The edges of the 0x80-0x9F block, a byte that is a UTF-8
     * continuation byte, and bytes UTF-8 never uses (0xC0, 0xF5-0xFF). */
    fs_table *t = parse_cp1252(state,
                               "a,b,c,d,e,f,g,h\n"
                               "\x80,\x9F,\x8A,\x92,\xA0,\xC0,\xF5,\xFF\n",
                               "t.csv:2:1", 0x80);
    static const char *const expected[] = {
        "\xE2\x82\xAC", "\xC5\xB8", "\xC5\xA0", "\xE2\x80\x99",
        "\xC2\xA0",     "\xC3\x80", "\xC3\xB5", "\xC3\xBF",
    };
    for (size_t k = 0; k < 8; k++) {
        assert_string_equal(fs_table_cell(t, 0, k), expected[k]);
        assert_pos(fs_table_cell_pos(t, 0, k), 2, 1 + 2 * (int)k);
    }
}

static void test_windows_1252_positions_count_characters(void **state)
{
    /* 0x92 and 0xA9 look like UTF-8 continuation bytes; each is still one
     * character of the file. */
    fs_table *t =
        parse_cp1252(state, "a,b,c\nx\x92\x92,\xA9\xA9\xA9,y\n\xE9\xE9,,z\n", "t.csv:2:2", 0x92);
    assert_pos(fs_table_cell_pos(t, 0, 1), 2, 5);
    assert_pos(fs_table_cell_pos(t, 0, 2), 2, 9);
    assert_pos(fs_table_cell_pos(t, 1, 2), 3, 5);
    assert_string_equal(fs_table_cell(t, 0, 1), "\xC2\xA9\xC2\xA9\xC2\xA9");
}

static void test_windows_1252_mixed_with_utf8(void **state)
{
    /* A file that holds UTF-8 ("caf\xC3\xA9") and a byte that is not is
     * broken UTF-8: read as Windows-1252 it would print "caf\xC3\x83\xC2\xA9"
     * (mojibake). An error at the first bad byte of each line, with the
     * byte's value; never a Windows-1252 reading. */
    ctx *c = *state;
    assert_null(parse(state, "name,n\ncaf\xC3\xA9,1\n\xE9t\xE9,2\nok,3\nZ\xFCrich,4\n"));
    assert_errors(state, 2);
    assert_error(state, 0, "t.csv:3:1",
                 "invalid UTF-8: byte 0xE9 at byte offset 15 does not start or continue a "
                 "character");
    assert_error(state, 1, "t.csv:5:2",
                 "invalid UTF-8: byte 0xFC at byte offset 27 does not start or continue a "
                 "character");
    assert_string_equal(fs_diags_at(c->diags, 0)->hint,
                        "the file holds UTF-8 text elsewhere, so this byte is damage, not another "
                        "encoding: retype the character here, or export the file again as \"CSV "
                        "UTF-8\"");
}

static void test_windows_1252_after_bom_and_in_header(void **state)
{
    fs_table *t = parse_cp1252(state, "\xEF\xBB\xBFr\xE9gion,n\nS\xE9gou,1\n", "t.csv:1:2", 0xE9);
    assert_string_equal(fs_table_column_name(t, 0), "r\xC3\xA9gion");
    assert_int_equal(fs_table_find_column(t, "r\xC3\xA9gion"), 0);
    assert_pos(fs_table_column_pos(t, 1), 1, 8);
    assert_pos(fs_table_cell_pos(t, 0, 1), 2, 7);
}

static void test_windows_1252_broken_sequences(void **state)
{
    /* A surrogate, an overlong form and a sequence cut by the end of the
     * file are not UTF-8: each byte reads as Windows-1252. */
    fs_table *t = parse_cp1252(state, "a,b\n\xED\xA0\x80,\xC0\xAF\nx,\xC3", "t.csv:2:1", 0xED);
    assert_string_equal(fs_table_cell(t, 0, 0), "\xC3\xAD\xC2\xA0\xE2\x82\xAC");
    assert_string_equal(fs_table_cell(t, 0, 1), "\xC3\x80\xC2\xAF");
    assert_string_equal(fs_table_cell(t, 1, 1), "\xC3\x83");
    assert_pos(fs_table_cell_pos(t, 0, 1), 2, 5);
}

static void test_windows_1252_french_excel(void **state)
{
    /* French Excel's "CSV (separator: semicolon)": Windows-1252 with a
     * no-break space (0xA0) between thousands and before '%'. */
    fs_table *t = parse_cp1252(state,
                               "r\xE9gion;population;part\n"
                               "S\xE9gou;2\xA0"
                               "029\xA0"
                               "052;12,5\xA0%\n",
                               "t.csv:1:2", 0xE9);
    assert_int_equal(fs_table_column_type(t, 1), FS_COL_INTEGER);
    assert_number(t, 0, 1, 2029052);
    assert_int_equal(fs_table_column_type(t, 2), FS_COL_PERCENT);
    assert_number(t, 0, 2, 12.5);
    assert_pos(fs_table_cell_pos(t, 0, 2), 2, 17);
}

static void test_windows_1252_with_other_errors(void **state)
{
    ctx *c = *state;
    assert_null(parse(state, "a,b\n\xE9,1\n\xE9\n"));
    assert_int_equal(fs_diags_count(c->diags), 2);
    assert_diag(state, 0, FS_WARNING, "t.csv:2:1",
                "the file is not UTF-8; read it as Windows-1252 (byte 0xE9 here)");
    assert_error(state, 1, "t.csv:3:1", "row has 1 field but the header has 2 columns");
}

static void test_utf16_and_nul(void **state)
{
    /* Excel's "Unicode text": UTF-16LE with its byte-order mark, tab
     * separated, CRLF; "\xE9" is \u00e9, D83C DF0D is U+1F30D (two units). */
    static const char little[] = "\xFF\xFE"
                                 "n\0a\0m\0e\0\t\0v\0\r\0\n\0"
                                 "\xE9\0t\0\xE9\0\t\0"
                                 "1\0,\0"
                                 "5\0\r\0\n\0"
                                 "<\xD8\r\xDF\t\0"
                                 "2\0\r\0\n\0";
    fs_table *t = parse_n(state, little, sizeof little - 1);
    assert_non_null(t);
    assert_int_equal(fs_diags_count(((ctx *)*state)->diags), 0);
    assert_string_equal(fs_table_encoding(t), "UTF-16LE");
    assert_int_equal(fs_table_delimiter(t), '\t');
    assert_string_equal(fs_table_column_name(t, 1), "v");
    assert_string_equal(fs_table_cell(t, 0, 0), "\xC3\xA9t\xC3\xA9");
    assert_string_equal(fs_table_cell(t, 1, 0), "\xF0\x9F\x8C\x8D");
    /* A decimal comma: "1,5" can only be one. */
    assert_number(t, 0, 1, 1.5);
    assert_int_equal(fs_table_column_type(t, 1), FS_COL_DECIMAL);
    assert_pos(fs_table_cell_pos(t, 0, 1), 2, 5);
    assert_pos(fs_table_cell_pos(t, 1, 1), 3, 3);
    static const char big[] = "\xFE\xFF\0a\0,\0b\0\n\0x\0,\0\x31";
    t = parse_n(state, big, sizeof big - 1);
    assert_non_null(t);
    assert_string_equal(fs_table_encoding(t), "UTF-16BE");
    assert_number(t, 0, 1, 1);
    /* A lone surrogate and an odd length are not text. */
    assert_null(parse_n(state,
                        "\xFF\xFE"
                        "a\0\n\0\x00\xD8",
                        8));
    assert_error(state, 0, "t.csv:2:1", "a lone UTF-16 surrogate (0xD800) is not a character");
    assert_null(parse_n(state,
                        "\xFF\xFE"
                        "a\0b",
                        5));
    assert_error(state, 1, "t.csv:1:2", "the file ends in the middle of a UTF-16 character");
    assert_null(parse_n(state, "a,b\n1,\0\n", 8));
    assert_error(state, 2, "t.csv:2:3",
                 "NUL byte in the text; expected UTF-8 text (is the file UTF-16 or binary?)");
    assert_errors(state, 3);
}

static void test_quote_in_unquoted_field(void **state)
{
    /* A quote inside a field that does not start with one is text, as
     * csv-spectrum (location_coordinates) and PapaParse ("Misplaced quotes
     * in data") read it. */
    fs_table *t = parse_ok(state, "a,b\n1,x\"y\n2,37\xC2\xB0"
                                  "36'37.8\"N\n3,B\"\n");
    assert_string_equal(fs_table_cell(t, 0, 1), "x\"y");
    assert_string_equal(fs_table_cell(t, 1, 1), "37\xC2\xB0"
                                                "36'37.8\"N");
    assert_string_equal(fs_table_cell(t, 2, 1), "B\"");
}

static void test_space_before_opening_quote(void **state)
{
    /* PapaParse: "The quotes must be immediately adjacent to the delimiter
     * to indicate a quoted field"; spaces are kept. */
    fs_table *t = parse_ok(state, "a,b\n1, \"x\" \n");
    assert_string_equal(fs_table_cell(t, 0, 1), " \"x\" ");
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

/* "a,b\n" then a row whose second field is a quoted or unquoted run of
 * size bytes as written (quotes included), then rest. Caller frees. */
static char *long_field_text(size_t size, bool quoted, const char *rest, size_t *length)
{
    size_t rest_length = strlen(rest);
    char *text = malloc(8 + size + rest_length);
    assert_non_null(text);
    memcpy(text, "a,b\nx,", 6);
    memset(text + 6, 'y', size);
    if (quoted) {
        text[6] = '"';
        text[6 + size - 1] = '"';
        /* A doubled quote inside is text and does not close the field. */
        text[6 + size / 2] = text[6 + size / 2 + 1] = '"';
    }
    memcpy(text + 6 + size, rest, rest_length);
    *length = 6 + size + rest_length;
    return text;
}

static void test_field_limit(void **state)
{
    enum { MIB = 1024 * 1024 };
    for (int quoted = 0; quoted < 2; quoted++) {
        ctx *c = *state;
        size_t length;
        char *text = long_field_text(MIB, quoted, "\n1,2\n", &length);
        fs_table *t = parse_n(state, text, length);
        free(text);
        assert_non_null(t);
        assert_int_equal(fs_diags_count(c->diags), 0);
        assert_int_equal(strlen(fs_table_cell(t, 0, 1)), quoted ? MIB - 3 : MIB);
        assert_int_equal(fs_table_row_count(t), 2);

        /* One byte more is refused at the field; reading goes on at the
         * next line and finds the ragged row there. */
        text = long_field_text(MIB + 1, quoted, ",z\n1\n", &length);
        assert_null(parse_n(state, text, length));
        free(text);
        assert_errors(state, 2);
        assert_error(state, 0, "t.csv:2:3",
                     "a field of more than 1 MiB; at most 1 MiB per field is supported");
        assert_string_equal(fs_diags_at(c->diags, 0)->hint,
                            quoted ? "shorten the text of this cell; if it should be short, its "
                                     "closing quote is probably missing"
                                   : "shorten the text of this cell, or keep such long texts out "
                                     "of the table");
        assert_error(state, 1, "t.csv:3:1", "row has 1 field but the header has 2 columns");
        fs_diags_clear(c->diags);
    }
}

static void test_ten_megabyte_fields(void **state)
{
    ctx *c = *state;
    size_t length;
    char *text = long_field_text(10 * 1024 * 1024, false, "\n", &length);
    assert_null(parse_n(state, text, length));
    free(text);
    assert_errors(state, 1);
    assert_error(state, 0, "t.csv:2:3",
                 "a field of more than 1 MiB; at most 1 MiB per field is supported");

    /* A quoted one that spans lines: the next row is read where it ends. */
    text = long_field_text(10 * 1024 * 1024, true, "\n1,2,3\n", &length);
    for (size_t i = 100; i < length - 100; i += 1000)
        text[i] = '\n';
    assert_null(parse_n(state, text, length));
    free(text);
    assert_errors(state, 3);
    assert_error(state, 1, "t.csv:2:3",
                 "a field of more than 1 MiB; at most 1 MiB per field is supported");
    assert_error(state, 2, "t.csv:10489:5", "row has 3 fields but the header has 2 columns");
    assert_int_equal(fs_diags_count(c->diags), 3);
}

static void test_long_field_in_header(void **state)
{
    size_t size = 2 * 1024 * 1024;
    char *text = malloc(size + 16);
    assert_non_null(text);
    memset(text, 'h', size);
    memcpy(text + size, ",b\n1,2\n", 7);
    assert_null(parse_n(state, text, size + 7));
    free(text);
    assert_errors(state, 1);
    assert_error(state, 0, "t.csv:1:1",
                 "a field of more than 1 MiB; at most 1 MiB per field is supported");
}

static void test_unterminated_quote_in_a_large_file(void **state)
{
    /* The field grows past the limit because its quote is never closed:
     * that is the error to report. */
    size_t size = 3 * 1024 * 1024;
    char *text = malloc(size);
    assert_non_null(text);
    memcpy(text, "a,b\n1,\"", 7);
    for (size_t i = 7; i < size; i++)
        text[i] = i % 10 == 9 ? '\n' : 'x';
    assert_null(parse_n(state, text, size));
    free(text);
    assert_errors(state, 1);
    assert_error(state, 0, "t.csv:2:3",
                 "unterminated quoted field: the quote opened here is never closed");
}

static void test_million_rows_of_four_columns(void **state)
{
    enum { ROWS = 1000000 };
    static const char row[] = "groups,2029052,\"members, covered\",12.5 %\n";
    size_t row_length = sizeof row - 1;
    char *text = malloc(32 + row_length * ROWS);
    assert_non_null(text);
    size_t length = (size_t)sprintf(text, "icon,value,label,share\n");
    for (size_t i = 0; i < ROWS; i++, length += row_length)
        memcpy(text + length, row, row_length);
    fs_table *t = parse_n(state, text, length);
    free(text);
    assert_non_null(t);
    assert_int_equal(fs_table_row_count(t), ROWS);
    assert_int_equal(fs_table_column_type(t, 1), FS_COL_INTEGER);
    assert_int_equal(fs_table_column_type(t, 3), FS_COL_PERCENT);
    assert_string_equal(fs_table_cell(t, ROWS - 1, 2), "members, covered");
    assert_pos(fs_table_cell_pos(t, ROWS - 1, 3), ROWS + 1, 35);
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
        TEST(test_blank_trailing_lines),
        TEST(test_blank_lines_in_the_middle),
        TEST(test_no_final_newline),
        TEST(test_trailing_delimiter_at_end_of_file),
        TEST(test_spaces_kept_in_text),
        TEST(test_integer_column),
        TEST(test_decimal_column),
        TEST(test_percent_column),
        TEST(test_mixed_column_is_text),
        TEST(test_empty_cells),
        TEST(test_not_numbers),
        TEST(test_french_excel_numbers),
        TEST(test_french_grouping_is_validated),
        TEST(test_comma_and_tab_files_group_with_commas),
        TEST(test_space_grouped_numbers),
        TEST(test_exact_decimals),
        TEST(test_missing_markers),
        TEST(test_codes),
        TEST(test_dates),
        TEST(test_tab_decimal_mark),
        TEST(test_trailing_empty_columns),
        TEST(test_header_names_trimmed),
        TEST(test_file_rows_and_encoding),
        TEST(test_hxl_fuzzy_row),
        TEST(test_hxl_rows_above_header),
        TEST(test_hxl_find_tag),
        TEST(test_declared_types),
        TEST(test_hxl_row),
        TEST(test_hxl_row_forms),
        TEST(test_not_hxl_rows),
        TEST(test_hxl_only_right_under_header),
        TEST(test_hxl_row_with_wrong_width),
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
        TEST(test_undefined_windows_1252_bytes),
        TEST(test_undefined_byte_spoils_windows_1252),
        TEST(test_invalid_utf8_offset_counts_bom),
        TEST(test_nul_is_not_windows_1252),
        TEST(test_windows_1252_converted),
        TEST(test_windows_1252_one_warning_per_file),
        TEST(test_windows_1252_characters),
        TEST(test_windows_1252_positions_count_characters),
        TEST(test_windows_1252_mixed_with_utf8),
        TEST(test_windows_1252_after_bom_and_in_header),
        TEST(test_windows_1252_broken_sequences),
        TEST(test_windows_1252_french_excel),
        TEST(test_windows_1252_with_other_errors),
        TEST(test_utf16_and_nul),
        TEST(test_quote_in_unquoted_field),
        TEST(test_space_before_opening_quote),
        TEST(test_text_after_closing_quote),
        TEST(test_every_error_in_one_pass),
        TEST(test_too_many_columns),
        TEST(test_thousand_columns_accepted),
        TEST(test_row_limit),
        TEST(test_field_limit),
        TEST(test_ten_megabyte_fields),
        TEST(test_long_field_in_header),
        TEST(test_unterminated_quote_in_a_large_file),
        TEST(test_million_rows_of_four_columns),
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
