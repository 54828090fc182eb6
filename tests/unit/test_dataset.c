/* Splitting a data set by a key column for batch rendering, and the row
 * views it is made of. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "load/fs_dataset.h"

typedef struct {
    fs_arena *arena;
    fs_diags *diags;
    fs_dataset *data;
} ctx;

static const char results[] = "country,people\n"
                              "Mali,10\n"
                              "Niger,20\n"
                              "Mali,30\n"
                              ",40\n";
static const char stories[] = "country,title\n"
                              "Niger,A well\n"
                              "Chad,A school\n";
static const char shared[] = "key,value\n"
                             "name,Network\n";

static void write_file(const char *dir, const char *name, const char *text)
{
    char path[256];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *file = fopen(path, "w");
    assert_non_null(file);
    fputs(text, file);
    fclose(file);
}

static int setup(void **state)
{
    static ctx c;
    static char dir[] = "/tmp/fs_test_dataset_XXXXXX";
    strcpy(dir, "/tmp/fs_test_dataset_XXXXXX");
    if (!mkdtemp(dir))
        return -1;
    write_file(dir, "results.csv", results);
    write_file(dir, "stories.csv", stories);
    write_file(dir, "shared.csv", shared);
    c.arena = fs_arena_create();
    c.diags = fs_diags_create();
    c.data = fs_dataset_load(dir, c.arena, c.diags);
    char path[256];
    const char *files[] = {"results.csv", "stories.csv", "shared.csv"};
    for (size_t i = 0; i < 3; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, files[i]);
        remove(path);
    }
    rmdir(dir);
    *state = &c;
    return c.data ? 0 : -1;
}

static int teardown(void **state)
{
    ctx *c = *state;
    fs_diags_free(c->diags);
    fs_arena_free(c->arena);
    return 0;
}

static const fs_table *table_of(const fs_dataset_part *part, const char *name)
{
    return fs_dataset_table(part->data, name);
}

static void keys_in_the_order_first_met(void **state)
{
    ctx *c = *state;
    fs_dataset_part *parts;
    size_t count = fs_dataset_split(c->data, "country", c->arena, c->diags, &parts);
    assert_int_equal(count, 3);
    /* Tables in name order: results first, then stories. */
    assert_string_equal(parts[0].key, "Mali");
    assert_string_equal(parts[1].key, "Niger");
    assert_string_equal(parts[2].key, "Chad");
    assert_int_equal(parts[0].pos.line, 2);
}

static void each_part_holds_only_its_rows(void **state)
{
    ctx *c = *state;
    fs_dataset_part *parts;
    fs_dataset_split(c->data, "country", c->arena, c->diags, &parts);
    const fs_table *mali = table_of(&parts[0], "results");
    assert_int_equal(fs_table_row_count(mali), 2);
    assert_string_equal(fs_table_cell(mali, 0, 1), "10");
    assert_string_equal(fs_table_cell(mali, 1, 1), "30");
    double value;
    assert_true(fs_table_cell_number(mali, 1, 1, &value));
    assert_float_equal(value, 30, 1e-9);
    /* Positions still point into the file. */
    assert_int_equal(fs_table_cell_pos(mali, 1, 1).line, 4);
    assert_int_equal(fs_table_row_count(table_of(&parts[0], "stories")), 0);
    assert_int_equal(fs_table_row_count(table_of(&parts[1], "stories")), 1);
    /* A key first met in a later table has no rows in the earlier one. */
    assert_int_equal(fs_table_row_count(table_of(&parts[2], "results")), 0);
    assert_string_equal(fs_table_cell(table_of(&parts[2], "stories"), 0, 1), "A school");
}

static void tables_without_the_column_are_shared(void **state)
{
    ctx *c = *state;
    fs_dataset_part *parts;
    fs_dataset_split(c->data, "country", c->arena, c->diags, &parts);
    assert_ptr_equal(table_of(&parts[0], "shared"), fs_dataset_table(c->data, "shared"));
    assert_ptr_equal(table_of(&parts[2], "shared"), fs_dataset_table(c->data, "shared"));
}

static void an_empty_key_is_an_error_at_its_cell(void **state)
{
    ctx *c = *state;
    fs_dataset_part *parts;
    fs_dataset_split(c->data, "country", c->arena, c->diags, &parts);
    assert_int_equal(fs_diags_errors(c->diags), 1);
    const fs_diag *error = fs_diags_at(c->diags, 0);
    assert_int_equal(error->pos.line, 5);
    assert_int_equal(error->pos.column, 1);
    assert_string_equal(error->message, "empty 'country': this row belongs to no document");
}

static void a_column_no_table_has_is_an_error(void **state)
{
    ctx *c = *state;
    fs_dataset_part *parts;
    assert_int_equal(fs_dataset_split(c->data, "contry", c->arena, c->diags, &parts), 0);
    const fs_diag *error = fs_diags_at(c->diags, 0);
    assert_string_equal(error->message,
                        "--each contry: no table of the data folder has a column 'contry'");
    assert_non_null(strstr(error->hint, "did you mean 'country'?"));
}

static void a_view_of_a_view_maps_to_the_file(void **state)
{
    ctx *c = *state;
    const fs_table *table = fs_dataset_table(c->data, "results");
    size_t odd[] = {0, 2};
    fs_table *view = fs_table_select(table, odd, 2, c->arena);
    size_t second[] = {1};
    fs_table *narrow = fs_table_select(view, second, 1, c->arena);
    assert_int_equal(fs_table_row_count(narrow), 1);
    assert_string_equal(fs_table_cell(narrow, 0, 1), "30");
    assert_int_equal(fs_table_column_type(narrow, 1), FS_COL_INTEGER);
    assert_string_equal(fs_table_cell(narrow, 1, 1), "");
}

/* A folder of its own for one test: files written, read with options,
 * removed. */
static fs_dataset *read_folder(ctx *c, const char *const *files, size_t count,
                               const fs_dataset_options *options)
{
    char dir[] = "/tmp/fs_test_dataset_XXXXXX";
    assert_non_null(mkdtemp(dir));
    for (size_t i = 0; i < count; i += 2)
        write_file(dir, files[i], files[i + 1]);
    fs_dataset *data = fs_dataset_read(dir, options, c->arena, c->diags);
    for (size_t i = 0; i < count; i += 2) {
        char path[256];
        snprintf(path, sizeof path, "%s/%s", dir, files[i]);
        remove(path);
    }
    rmdir(dir);
    return data;
}

static void csv_in_capitals_is_a_table(void **state)
{
    ctx *c = *state;
    const char *const files[] = {"stats.CSV", "a\n1\n", "other.Csv", "b\n2\n", "notes.txt", "x"};
    fs_dataset *data = read_folder(c, files, 6, NULL);
    assert_non_null(data);
    assert_int_equal(fs_dataset_count(data), 2);
    assert_non_null(fs_dataset_table(data, "stats"));
    assert_non_null(fs_dataset_table(data, "other"));
    /* Two files, one table name. */
    const char *const twice[] = {"stats.csv", "a\n1\n", "stats.CSV", "a\n2\n"};
    assert_null(read_folder(c, twice, 4, NULL));
    assert_int_equal(fs_diags_errors(c->diags), 1);
    assert_non_null(strstr(fs_diags_at(c->diags, 0)->message, "are both the table 'stats'"));
}

static void declarations_apply_and_are_checked(void **state)
{
    ctx *c = *state;
    const fs_column_decl columns[] = {
        {.name = "code", .has_type = true, .type = FS_COL_TEXT},
        {.name = "name", .no_translation = true},
    };
    const fs_table_decl decls[] = {
        {.table = "places", .columns = columns, .count = 2},
        {.table = "placse", .pos = fs_pos_at("layout.yaml", 9, 3)},
    };
    fs_dataset_options options = {.decls = decls, .decl_count = 2};
    const char *const files[] = {"places.csv", "code,name\n101,Mopti\n"};
    assert_null(read_folder(c, files, 2, &options));
    assert_int_equal(fs_diags_errors(c->diags), 1);
    const fs_diag *d = fs_diags_at(c->diags, 0);
    assert_int_equal(d->pos.line, 9);
    assert_non_null(strstr(d->message, "tables: no table 'placse' in /tmp/fs_test_dataset_"));
    assert_string_equal(d->hint, "did you mean 'places'? tables of the data folder: places");
    /* With keep_bad the tables come back, declared. */
    options.keep_bad = true;
    fs_dataset *data = read_folder(c, files, 2, &options);
    assert_non_null(data);
    const fs_table *places = fs_dataset_table(data, "places");
    assert_int_equal(fs_table_column_type(places, 0), FS_COL_TEXT);
    assert_true(fs_table_column_declared(places, 0));
    assert_false(fs_table_column_translated(places, 1));
}

static void a_ragged_table_is_kept_when_asked(void **state)
{
    ctx *c = *state;
    const char *const files[] = {"t.csv", "a,b\n1,2\n3\n4,x\n"};
    assert_null(read_folder(c, files, 2, NULL));
    fs_diags_clear(c->diags);
    fs_dataset_options options = {.keep_bad = true};
    fs_dataset *data = read_folder(c, files, 2, &options);
    assert_non_null(data);
    assert_int_equal(fs_diags_errors(c->diags), 1);
    const fs_table *t = fs_dataset_table(data, "t");
    assert_int_equal(fs_table_row_count(t), 2);
    assert_string_equal(fs_table_cell(t, 1, 1), "x");
}

static void each_over_an_empty_table_says_so(void **state)
{
    ctx *c = *state;
    const char *const files[] = {"results.csv", "country,people\n"};
    fs_dataset *data = read_folder(c, files, 2, NULL);
    assert_non_null(data);
    fs_dataset_part *parts = NULL;
    assert_int_equal(fs_dataset_split(data, "country", c->arena, c->diags, &parts), 0);
    assert_int_equal(fs_diags_errors(c->diags), 1);
    const fs_diag *d = fs_diags_at(c->diags, 0);
    assert_string_equal(d->message,
                        "--each country: table 'results' has no rows, so there is no document to "
                        "make");
    assert_int_equal(d->pos.line, 1);
    assert_int_equal(d->pos.column, 1);
}

int main(void)
{
#define TEST(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
    const struct CMUnitTest tests[] = {
        TEST(keys_in_the_order_first_met),          TEST(each_part_holds_only_its_rows),
        TEST(tables_without_the_column_are_shared), TEST(an_empty_key_is_an_error_at_its_cell),
        TEST(a_column_no_table_has_is_an_error),    TEST(a_view_of_a_view_maps_to_the_file),
        TEST(csv_in_capitals_is_a_table),           TEST(declarations_apply_and_are_checked),
        TEST(a_ragged_table_is_kept_when_asked),    TEST(each_over_an_empty_table_says_so),
    };
    return cmocka_run_group_tests_name("dataset", tests, NULL, NULL);
}
