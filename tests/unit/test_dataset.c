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

int main(void)
{
#define TEST(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
    const struct CMUnitTest tests[] = {
        TEST(keys_in_the_order_first_met),          TEST(each_part_holds_only_its_rows),
        TEST(tables_without_the_column_are_shared), TEST(an_empty_key_is_an_error_at_its_cell),
        TEST(a_column_no_table_has_is_an_error),    TEST(a_view_of_a_view_maps_to_the_file),
    };
    return cmocka_run_group_tests_name("dataset", tests, NULL, NULL);
}
