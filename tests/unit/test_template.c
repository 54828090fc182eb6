/* Unit tests of the placeholder parser: literals, names, formats, ICU
 * apostrophe quoting, and every error with the exact place it is reported
 * in the layout file. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "i18n/fs_template.h"

/* Templates in these tests start at line 3, column 10 of layout.yaml. */
#define LINE   3
#define COLUMN 10

#define UNTERMINATED_HINT "close the placeholder with '}', or write '{' as '{' in apostrophes: '{'"
#define NAME_HINT         "write a column name: {label} or {table.column}"
#define FORMATS                                                                                    \
    "formats: {name, number}, {name, number, percent}, {name, date, long}, {n, plural, one "       \
    "{...} other {...}}, {text, markdown}, {code, verbatim}"

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

static fs_template *parse(void **state, const char *source)
{
    ctx *c = *state;
    return fs_template_parse(source, fs_pos_at("layout.yaml", LINE, COLUMN), c->arena, c->diags);
}

/* Parses a template that must be accepted without any diagnostic and have
 * count segments. */
static fs_template *parse_ok(void **state, const char *source, size_t count)
{
    ctx *c = *state;
    fs_template *t = parse(state, source);
    for (size_t i = 0; i < fs_diags_count(c->diags); i++)
        fs_diag_print(fs_diags_at(c->diags, i), stderr);
    assert_int_equal(fs_diags_count(c->diags), 0);
    assert_non_null(t);
    assert_ptr_equal(t->source, source);
    assert_int_equal(t->count, count);
    return t;
}

/* Parses a template that must be refused with one error at column offset
 * (0-based, in characters) of the source on LINE, with this message and
 * hint. */
static void parse_fails(void **state, const char *source, int offset, const char *message,
                        const char *hint)
{
    ctx *c = *state;
    assert_null(parse(state, source));
    assert_int_equal(fs_diags_errors(c->diags), 1);
    assert_int_equal(fs_diags_count(c->diags), 1);
    const fs_diag *diag = fs_diags_at(c->diags, 0);
    assert_int_equal(diag->severity, FS_ERROR);
    assert_string_equal(diag->pos.file, "layout.yaml");
    assert_int_equal(diag->pos.line, LINE);
    assert_int_equal(diag->pos.column, COLUMN + offset);
    assert_string_equal(diag->message, message);
    assert_non_null(diag->hint);
    assert_string_equal(diag->hint, hint);
}

static void assert_literal(const fs_template *t, size_t i, const char *text)
{
    assert_true(i < t->count);
    assert_false(t->segments[i].is_field);
    assert_string_equal(t->segments[i].text, text);
}

/* Checks segment i is the field table.column (table NULL for none) with
 * that format, starting at column offset of LINE. */
static void assert_field(const fs_template *t, size_t i, const char *table, const char *column,
                         fs_format format, int offset)
{
    assert_true(i < t->count);
    const fs_segment *s = &t->segments[i];
    assert_true(s->is_field);
    if (table) {
        assert_non_null(s->table);
        assert_string_equal(s->table, table);
    } else {
        assert_null(s->table);
    }
    assert_string_equal(s->column, column);
    assert_int_equal(s->format, format);
    assert_string_equal(s->pos.file, "layout.yaml");
    assert_int_equal(s->pos.line, LINE);
    assert_int_equal(s->pos.column, COLUMN + offset);
}

/* ---- literals and names ---------------------------------------------- */

static void test_literal_only(void **state)
{
    fs_template *t = parse_ok(state, "Results of the programme, 2024", 1);
    assert_false(t->has_fields);
    assert_literal(t, 0, "Results of the programme, 2024");
}

static void test_empty(void **state)
{
    fs_template *t = parse_ok(state, "", 0);
    assert_false(t->has_fields);
}

static void test_name(void **state)
{
    fs_template *t = parse_ok(state, "{name}", 1);
    assert_true(t->has_fields);
    assert_field(t, 0, NULL, "name", FS_FORMAT_DEFAULT, 0);
    assert_string_equal(t->segments[0].text, "name");
}

static void test_table_column(void **state)
{
    fs_template *t = parse_ok(state, "{programme.title}", 1);
    assert_field(t, 0, "programme", "title", FS_FORMAT_DEFAULT, 0);
    assert_string_equal(t->segments[0].text, "programme.title");
}

static void test_literals_around_fields(void **state)
{
    fs_template *t = parse_ok(state, "Phase {n} of {plan.total}.", 5);
    assert_literal(t, 0, "Phase ");
    assert_field(t, 1, NULL, "n", FS_FORMAT_DEFAULT, 6);
    assert_literal(t, 2, " of ");
    assert_field(t, 3, "plan", "total", FS_FORMAT_DEFAULT, 13);
    assert_literal(t, 4, ".");
}

static void test_adjacent_fields(void **state)
{
    fs_template *t = parse_ok(state, "{a}{b}", 2);
    assert_field(t, 0, NULL, "a", FS_FORMAT_DEFAULT, 0);
    assert_field(t, 1, NULL, "b", FS_FORMAT_DEFAULT, 3);
}

static void test_names_with_other_characters(void **state)
{
    fs_template *t = parse_ok(state, "{women_champions}{2024-value}{région.nom}", 3);
    assert_field(t, 0, NULL, "women_champions", FS_FORMAT_DEFAULT, 0);
    assert_field(t, 1, NULL, "2024-value", FS_FORMAT_DEFAULT, 17);
    assert_field(t, 2, "région", "nom", FS_FORMAT_DEFAULT, 29);
}

/* ---- formats --------------------------------------------------------- */

static void test_number_formats(void **state)
{
    fs_template *t = parse_ok(
        state, "{v, number}{v, number, integer}{v, number, percent}{v, number, compact}", 4);
    assert_field(t, 0, NULL, "v", FS_FORMAT_NUMBER, 0);
    assert_field(t, 1, NULL, "v", FS_FORMAT_INTEGER, 11);
    assert_field(t, 2, NULL, "v", FS_FORMAT_PERCENT, 31);
    assert_field(t, 3, NULL, "v", FS_FORMAT_COMPACT, 51);
}

static void test_date_formats(void **state)
{
    fs_template *t = parse_ok(
        state, "{d, date}{d, date, short}{d, date, medium}{d, date, long}{d, date, month}", 5);
    assert_field(t, 0, NULL, "d", FS_FORMAT_DATE_MEDIUM, 0);
    assert_field(t, 1, NULL, "d", FS_FORMAT_DATE_SHORT, 9);
    assert_field(t, 2, NULL, "d", FS_FORMAT_DATE_MEDIUM, 25);
    assert_field(t, 3, NULL, "d", FS_FORMAT_DATE_LONG, 42);
    assert_field(t, 4, NULL, "d", FS_FORMAT_DATE_MONTH, 57);
}

static void test_format_of_table_column(void **state)
{
    fs_template *t = parse_ok(state, "{programme.women, number, percent} women", 2);
    assert_field(t, 0, "programme", "women", FS_FORMAT_PERCENT, 0);
    assert_literal(t, 1, " women");
}

static void test_whitespace_inside_braces(void **state)
{
    fs_template *t =
        parse_ok(state, "{ name }{  stats.value ,number,  percent  }{\td ,\tdate\t,\tlong\t}", 3);
    assert_field(t, 0, NULL, "name", FS_FORMAT_DEFAULT, 0);
    assert_string_equal(t->segments[0].text, "name");
    assert_field(t, 1, "stats", "value", FS_FORMAT_PERCENT, 8);
    assert_field(t, 2, NULL, "d", FS_FORMAT_DATE_LONG, 43);
}

/* ---- apostrophes ----------------------------------------------------- */

static void test_quoted_braces(void **state)
{
    fs_template *t = parse_ok(state, "'{' and '}'", 1);
    assert_false(t->has_fields);
    assert_literal(t, 0, "{ and }");
}

static void test_quoted_placeholder_is_literal(void **state)
{
    fs_template *t = parse_ok(state, "Write '{name}' for {name}", 2);
    assert_literal(t, 0, "Write {name} for ");
    assert_field(t, 1, NULL, "name", FS_FORMAT_DEFAULT, 19);
}

static void test_doubled_apostrophe(void **state)
{
    fs_template *t = parse_ok(state, "It''s {n}", 2);
    assert_literal(t, 0, "It's ");
    assert_field(t, 1, NULL, "n", FS_FORMAT_DEFAULT, 6);

    /* Inside a quoted part too. */
    t = parse_ok(state, "'{''}'", 1);
    assert_literal(t, 0, "{'}");
}

static void test_lone_apostrophe_is_literal(void **state)
{
    fs_template *t = parse_ok(state, "CARE's partners in {region}'", 3);
    assert_literal(t, 0, "CARE's partners in ");
    assert_field(t, 1, NULL, "region", FS_FORMAT_DEFAULT, 19);
    assert_literal(t, 2, "'");

    t = parse_ok(state, "'", 1);
    assert_literal(t, 0, "'");
}

static void test_unclosed_quote_runs_to_the_end(void **state)
{
    /* As in ICU: an unclosed quote makes the rest of the text literal. */
    fs_template *t = parse_ok(state, "a '{b} {c}", 1);
    assert_false(t->has_fields);
    assert_literal(t, 0, "a {b} {c}");
}

/* ---- positions ------------------------------------------------------- */

static void test_positions_count_characters(void **state)
{
    /* "é" and "–" are several bytes but one column each. */
    fs_template *t = parse_ok(state, "Café – {x}", 2);
    assert_field(t, 1, NULL, "x", FS_FORMAT_DEFAULT, 7);
}

static void test_positions_across_lines(void **state)
{
    ctx *c = *state;
    fs_template *t = parse_ok(state, "first line\n  then {x}", 2);
    const fs_segment *s = &t->segments[1];
    assert_int_equal(s->pos.line, LINE + 1);
    assert_int_equal(s->pos.column, 8);

    /* An error on a later line is reported there. */
    assert_null(parse(state, "a\nb\n  }"));
    const fs_diag *diag = fs_diags_at(c->diags, 0);
    assert_int_equal(diag->pos.line, LINE + 2);
    assert_int_equal(diag->pos.column, 3);
}

static void test_unknown_column_stays_unknown(void **state)
{
    /* A template whose start has no column (0) reports only lines. */
    ctx *c = *state;
    fs_template *t = fs_template_parse("ab {x}", fs_pos_at("f", 2, 0), c->arena, c->diags);
    assert_non_null(t);
    assert_int_equal(t->segments[1].pos.line, 2);
    assert_int_equal(t->segments[1].pos.column, 0);
}

/* ---- names of any header, and HXL tags ------------------------------- */

static void test_quoted_names(void **state)
{
    /* Headers of public HDX tables: spaces, brackets, '%', apostrophes,
     * dots, commas, a leading space. */
    fs_template *t = parse_ok(state,
                              "{\"Population (UNDESA)\", number} {hno.\"Affected 2017\"} "
                              "{\"People's share, %\"} {\"Sector.Cluster\"} {\" Cumulative\"} "
                              "{\"say \"\"hi\"\"\"}",
                              11);
    assert_field(t, 0, NULL, "Population (UNDESA)", FS_FORMAT_NUMBER, 0);
    assert_string_equal(t->segments[0].text, "\"Population (UNDESA)\"");
    assert_field(t, 2, "hno", "Affected 2017", FS_FORMAT_DEFAULT, 32);
    assert_string_equal(t->segments[2].text, "hno.\"Affected 2017\"");
    assert_field(t, 4, NULL, "People's share, %", FS_FORMAT_DEFAULT, 54);
    assert_field(t, 6, NULL, "Sector.Cluster", FS_FORMAT_DEFAULT, 76);
    assert_field(t, 8, NULL, " Cumulative", FS_FORMAT_DEFAULT, 95);
    assert_field(t, 10, NULL, "say \"hi\"", FS_FORMAT_DEFAULT, 111);
    assert_null(t->segments[0].tag);
    /* A quoted table name, and blanks around the name. */
    t = parse_ok(state, "{ \"Mali 2023\".\"In need\" , number, integer}", 1);
    assert_field(t, 0, "Mali 2023", "In need", FS_FORMAT_INTEGER, 0);
    assert_string_equal(t->segments[0].text, "\"Mali 2023\".\"In need\"");
}

static void test_quoted_name_errors(void **state)
{
    parse_fails(state, "x {\"Population (UNDESA)}", 3, "unterminated quoted name in a placeholder",
                "close the name with a double quote; write a quote inside it as \"\"");
}

static void test_quoted_name_empty(void **state)
{
    parse_fails(state, "{\"\"}", 0, "invalid placeholder name '\"\"'",
                "write a name with spaces or signs in double quotes: {name}");
}

/* An empty quoted table name is refused too (found by the template fuzz
 * target: it was taken as a table named ""). */
static void test_quoted_table_empty(void **state)
{
    parse_fails(state, "{\"\".value}", 0, "invalid placeholder name '\"\".value'",
                "write a name with spaces or signs in double quotes: {table.value}");
}

static void test_hxl_tags(void **state)
{
    fs_template *t = parse_ok(state, "{#Affected+F} {hno.#inneed+children-adults, number}", 3);
    assert_field(t, 0, NULL, "#affected+f", FS_FORMAT_DEFAULT, 0);
    assert_string_equal(t->segments[0].tag, "#affected+f");
    assert_string_equal(t->segments[0].text, "#affected+f");
    assert_field(t, 2, "hno", "#inneed+children-adults", FS_FORMAT_NUMBER, 14);
    assert_string_equal(t->segments[2].tag, "#inneed+children-adults");
    /* Not confused with a plural's '#'. */
    t = parse_ok(state, "{n, plural, one {# {#org}} other {# {#org+name}}}", 1);
    const fs_template *one = t->segments[0].arms[0].message;
    assert_true(one->segments[0].is_pound);
    assert_string_equal(one->segments[2].tag, "#org");
}

static void test_hxl_tag_errors(void **state)
{
    parse_fails(state, "{#affected +f}", 0, "invalid HXL tag '#affected +f' in a placeholder",
                "write an HXL tag and its attributes with no space: {#affected+f}, {#adm1+code}");
}

static void test_hxl_tag_with_bad_attribute(void **state)
{
    parse_fails(state, "{#affected+}", 0, "invalid HXL tag '#affected+' in a placeholder",
                "write an HXL tag and its attributes with no space: {#affected+f}, {#adm1+code}");
}

static void test_hxl_pattern_valid(void **state)
{
    (void)state;
    assert_true(fs_hxl_pattern_valid("#adm1+code-x_y"));
    assert_false(fs_hxl_pattern_valid("#adm1 +code"));
    assert_false(fs_hxl_pattern_valid("affected"));
    assert_false(fs_hxl_pattern_valid("#a#b"));
    assert_false(fs_hxl_pattern_valid("#1a"));
    assert_false(fs_hxl_pattern_valid(""));
}

static void test_quote_name(void **state)
{
    (void)state;
    static const char *const cases[][2] = {
        {"label", "label"},
        {"label@fr", "label@fr"},
        {"Affected 2017", "\"Affected 2017\""},
        {"Population (UNDESA)", "\"Population (UNDESA)\""},
        {"a.b", "\"a.b\""},
        {"#affected", "\"#affected\""},
        {"say \"hi\"", "\"say \"\"hi\"\"\""},
        {"People's", "\"People's\""},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        fs_buf out = {0};
        fs_template_quote_name(cases[i][0], &out);
        char text[128];
        snprintf(text, sizeof text, "%s", fs_buf_str(&out));
        fs_buf_free(&out);
        assert_string_equal(text, cases[i][1]);
    }
}

/* ---- errors ---------------------------------------------------------- */

static void test_unterminated(void **state)
{
    parse_fails(state, "Total: {value", 7, "unterminated placeholder", UNTERMINATED_HINT);
}

static void test_unterminated_before_next_brace(void **state)
{
    parse_fails(state, "{a {b}", 0, "unterminated placeholder", UNTERMINATED_HINT);
}

static void test_stray_closing_brace(void **state)
{
    parse_fails(state, "{a} b}", 5, "'}' without a matching '{'",
                "write a literal brace as '}' in apostrophes: '}'");
}

static void test_empty_placeholder(void **state)
{
    parse_fails(state, "x {}", 2, "empty placeholder", NAME_HINT);
}

static void test_blank_placeholder(void **state)
{
    parse_fails(state, "{  }", 0, "empty placeholder", NAME_HINT);
}

static void test_format_without_name(void **state)
{
    parse_fails(state, "{, number}", 0, "empty placeholder", NAME_HINT);
}

static void test_name_with_space(void **state)
{
    /* The hint writes the form that works (issue 12: check suggested
     * {Affected 2017}, which cannot be written). */
    parse_fails(state, "{first name}", 0, "invalid placeholder name 'first name'",
                "write a name with spaces or signs in double quotes: {\"first name\"}");
}

static void test_name_with_two_dots(void **state)
{
    parse_fails(state, "see {a.b.c}", 4, "invalid placeholder name 'a.b.c'",
                "write {table.column}, with one dot");
}

static void test_name_with_empty_part(void **state)
{
    parse_fails(state, "{.title}", 0, "invalid placeholder name '.title'",
                "write {table.column}, with one dot");
}

static void test_name_with_empty_column(void **state)
{
    parse_fails(state, "{programme.}", 0, "invalid placeholder name 'programme.'",
                "write {table.column}, with one dot");
}

static void test_unknown_format(void **state)
{
    /* Reported at the format's first letter. */
    parse_fails(state, "{x, nuber}", 4, "unknown format 'nuber'",
                "did you mean 'number'? " FORMATS);
}

static void test_plural_without_choices(void **state)
{
    parse_fails(state, "{x,plural}", 3, "a plural placeholder needs its choices",
                "write the choices after a comma: {n, plural, one {# item} other {# items}}");
}

static void test_unknown_number_style(void **state)
{
    /* Reported at the style, not at the format before it. */
    parse_fails(state, "Share: {x, number, percnt}", 19, "unknown number style 'percnt'",
                "did you mean 'percent'? number styles: integer, percent, compact");
}

static void test_unknown_date_style(void **state)
{
    parse_fails(state, "{when, date,  full}", 14, "unknown date style 'full'",
                "date styles: short, medium, long, month");
}

static void test_empty_format(void **state)
{
    parse_fails(state, "{x, }", 4, "unknown format ''", FORMATS);
}

static void test_first_error_stops(void **state)
{
    /* One mistake is one error: the parser does not go on guessing. */
    parse_fails(state, "{a} } {b", 4, "'}' without a matching '{'",
                "write a literal brace as '}' in apostrophes: '}'");
}

/* ---- limits ---------------------------------------------------------- */

static char *repeat(const char *piece, size_t times)
{
    size_t length = strlen(piece);
    char *text = malloc(length * times + 1);
    assert_non_null(text);
    for (size_t i = 0; i < times; i++)
        memcpy(text + i * length, piece, length);
    text[length * times] = '\0';
    return text;
}

static void test_2048_placeholders_accepted(void **state)
{
    char *text = repeat("{a} ", 2048);
    fs_template *t = parse(state, text);
    free(text);
    assert_non_null(t);
    assert_int_equal(t->count, 4096);
}

static void test_too_many_placeholders(void **state)
{
    char *text = repeat("{a} ", 2049);
    parse_fails(state, text, 0, "more than 2048 placeholders in one text",
                "split the text into several nodes");
    free(text);
}

static void test_long_literal(void **state)
{
    char *text = repeat("word ", 20000);
    fs_template *t = parse_ok(state, text, 1);
    assert_int_equal(strlen(t->segments[0].text), 100000);
    free(text);
}

static void test_placeholders_after_long_text_in_linear_time(void **state)
{
    /* A megabyte of text, then 2,047 placeholders: positions are counted
     * once, not from the start for each placeholder (that took seconds). */
    size_t literal = 1000000;
    char *fields = repeat("{a} ", 2047);
    char *text = malloc(literal + strlen(fields) + 1);
    assert_non_null(text);
    memset(text, 'x', literal);
    strcpy(text + literal, fields);
    clock_t start = clock();
    fs_template *t = parse(state, text);
    double seconds = (double)(clock() - start) / CLOCKS_PER_SEC;
    assert_non_null(t);
    assert_int_equal(t->count, 1 + 2 * 2047);
    assert_int_equal(t->segments[4093].pos.column, COLUMN + (int)literal + 4 * 2046);
    free(text);
    free(fields);
    if (seconds > 1.0)
        fail_msg("took %.2f s", seconds);
}

#define TEST(name) cmocka_unit_test_setup_teardown(name, setup, teardown)

static void test_plural(void **state)
{
    fs_template *t = parse_ok(state, "{n, plural, one {# village} other {# villages}} left", 2);
    const fs_segment *plural = &t->segments[0];
    assert_true(plural->is_field);
    assert_int_equal(plural->format, FS_FORMAT_PLURAL);
    assert_string_equal(plural->column, "n");
    assert_int_equal(plural->arm_count, 2);
    assert_string_equal(plural->arms[0].key, "one");
    const fs_template *one = plural->arms[0].message;
    assert_int_equal(one->count, 2);
    assert_true(one->segments[0].is_pound);
    assert_string_equal(one->segments[1].text, " village");
    assert_string_equal(fs_segment_arm(plural, "few")->key, "other");
    assert_string_equal(fs_segment_arm(plural, "one")->key, "one");
    assert_string_equal(t->segments[1].text, " left");
}

static void test_plural_exact_and_nested_placeholder(void **state)
{
    fs_template *t = parse_ok(
        state, "{n, plural, =0 {no village} one {# village in {region}} other {# villages}}", 1);
    const fs_segment *plural = &t->segments[0];
    assert_int_equal(plural->arm_count, 3);
    assert_string_equal(plural->arms[0].key, "=0");
    const fs_template *one = plural->arms[1].message;
    assert_int_equal(one->count, 3);
    assert_true(one->segments[2].is_field);
    assert_string_equal(one->segments[2].column, "region");
    ctx *c = *state;
    const char **names;
    size_t count = fs_template_names(t, c->arena, &names);
    assert_int_equal(count, 2);
    assert_string_equal(names[0], "n");
    assert_string_equal(names[1], "region");
}

static void test_select(void **state)
{
    fs_template *t = parse_ok(state, "{g, select, female {elle} other {il}}", 1);
    assert_int_equal(t->segments[0].format, FS_FORMAT_SELECT);
    assert_string_equal(fs_segment_arm(&t->segments[0], "female")->message->segments[0].text,
                        "elle");
    /* '#' means nothing in a select. */
    t = parse_ok(state, "{g, select, other {#1}}", 1);
    assert_string_equal(t->segments[0].arms[0].message->segments[0].text, "#1");
}

static void test_pound_outside_plural_is_literal(void **state)
{
    fs_template *t = parse_ok(state, "Goal #1", 1);
    assert_string_equal(t->segments[0].text, "Goal #1");
}

static void test_quoted_pound_in_plural(void **state)
{
    fs_template *t = parse_ok(state, "{n, plural, other {'#'#}}", 1);
    const fs_template *other = t->segments[0].arms[0].message;
    assert_int_equal(other->count, 2);
    assert_string_equal(other->segments[0].text, "#");
    assert_true(other->segments[1].is_pound);
}

static void test_plural_without_other(void **state)
{
    parse_fails(state, "{n, plural, one {# village}}", 0,
                "a plural placeholder needs an 'other' choice",
                "add an 'other {...}' choice: ICU requires one");
}

static void test_plural_unterminated_arm(void **state)
{
    parse_fails(state, "{n, plural, one {# village", 0, "unterminated placeholder",
                "close the placeholder with '}', or write '{' as '{' in apostrophes: '{'");
}

static void test_plural_choice_without_message(void **state)
{
    parse_fails(state, "{n, plural, one village}", 16, "expected '{' after the choice 'one'",
                "write the choice's message in braces: other {...}");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        TEST(test_literal_only),
        TEST(test_empty),
        TEST(test_name),
        TEST(test_table_column),
        TEST(test_literals_around_fields),
        TEST(test_adjacent_fields),
        TEST(test_names_with_other_characters),
        TEST(test_number_formats),
        TEST(test_date_formats),
        TEST(test_format_of_table_column),
        TEST(test_whitespace_inside_braces),
        TEST(test_quoted_braces),
        TEST(test_quoted_placeholder_is_literal),
        TEST(test_doubled_apostrophe),
        TEST(test_lone_apostrophe_is_literal),
        TEST(test_unclosed_quote_runs_to_the_end),
        TEST(test_positions_count_characters),
        TEST(test_positions_across_lines),
        TEST(test_unknown_column_stays_unknown),
        TEST(test_unterminated),
        TEST(test_unterminated_before_next_brace),
        TEST(test_stray_closing_brace),
        TEST(test_empty_placeholder),
        TEST(test_blank_placeholder),
        TEST(test_format_without_name),
        TEST(test_name_with_space),
        TEST(test_quoted_names),
        TEST(test_quoted_name_errors),
        TEST(test_quoted_name_empty),
        TEST(test_quoted_table_empty),
        TEST(test_hxl_tags),
        TEST(test_hxl_tag_errors),
        TEST(test_hxl_tag_with_bad_attribute),
        TEST(test_hxl_pattern_valid),
        TEST(test_quote_name),
        TEST(test_name_with_two_dots),
        TEST(test_name_with_empty_part),
        TEST(test_name_with_empty_column),
        TEST(test_unknown_format),
        TEST(test_plural_without_choices),
        TEST(test_plural),
        TEST(test_plural_exact_and_nested_placeholder),
        TEST(test_select),
        TEST(test_pound_outside_plural_is_literal),
        TEST(test_quoted_pound_in_plural),
        TEST(test_plural_without_other),
        TEST(test_plural_unterminated_arm),
        TEST(test_plural_choice_without_message),
        TEST(test_unknown_number_style),
        TEST(test_unknown_date_style),
        TEST(test_empty_format),
        TEST(test_first_error_stops),
        TEST(test_2048_placeholders_accepted),
        TEST(test_too_many_placeholders),
        TEST(test_long_literal),
        TEST(test_placeholders_after_long_text_in_linear_time),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
