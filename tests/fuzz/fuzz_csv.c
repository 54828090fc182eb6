/* libFuzzer target for the CSV reader: any bytes must load or be refused
 * with diagnostics, never crash, leak or read out of bounds. The loaded
 * table is walked so that every stored cell and position is touched. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "load/fs_table.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static size_t walk(const fs_table *table)
{
    size_t sum = strlen(fs_table_name(table)) + (size_t)fs_table_delimiter(table);
    size_t columns = fs_table_column_count(table);
    for (size_t k = 0; k < columns; k++) {
        const char *name = fs_table_column_name(table, k);
        sum += strlen(name) + (size_t)fs_table_column_type(table, k);
        sum += (size_t)fs_table_column_pos(table, k).line;
        if (fs_table_find_column(table, name) < 0)
            __builtin_trap(); /* a column must be found by its own name */
    }
    for (size_t row = 0; row < fs_table_row_count(table); row++) {
        for (size_t k = 0; k < columns; k++) {
            double value;
            sum += strlen(fs_table_cell(table, row, k));
            sum += fs_table_cell_number(table, row, k, &value) ? (size_t)(value != value) : 0;
            fs_pos pos = fs_table_cell_pos(table, row, k);
            if (pos.line < 1 || pos.column < 1)
                __builtin_trap(); /* every cell has a place in the file */
        }
    }
    return sum;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fs_arena *arena = fs_arena_create();
    fs_diags *diags = fs_diags_create();
    if (arena && diags) {
        fs_table *table =
            fs_table_parse("fuzz", "fuzz.csv", (const char *)data, size, arena, diags);
        if (table)
            (void)walk(table);
        else if (fs_diags_errors(diags) == 0)
            __builtin_trap(); /* a refused file must say why */
        for (size_t i = 0; i < fs_diags_count(diags); i++)
            (void)strlen(fs_diags_at(diags, i)->message);
    }
    fs_diags_free(diags);
    fs_arena_free(arena);
    return 0;
}
