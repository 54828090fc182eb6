#include "fs_columns.h"

#include <string.h>

#include "core/fs_buf.h"
#include "i18n/fs_template.h"
#include "load/fs_table.h"

bool fs_columns_init(fs_columns *u, const fs_dataset *data, fs_arena *arena)
{
    u->data = data;
    u->used = fs_arena_array(arena, fs_dataset_count(data) + 1, sizeof *u->used);
    for (size_t i = 0; u->used && i < fs_dataset_count(data); i++) {
        u->used[i] = fs_arena_array(arena, fs_table_column_count(fs_dataset_table_at(data, i)) + 1,
                                    sizeof **u->used);
        if (!u->used[i])
            return false;
    }
    return u->used != NULL;
}

void fs_columns_mark(void *context, const fs_table *table, size_t column)
{
    fs_columns *u = context;
    if (table != u->last) {
        /* A repeat reads one table row after row: look it up once. */
        const char *name = fs_table_name(table);
        size_t i = 0;
        while (i < fs_dataset_count(u->data) &&
               strcmp(fs_table_name(fs_dataset_table_at(u->data, i)), name) != 0)
            i++;
        if (i == fs_dataset_count(u->data))
            return;
        u->last = table;
        u->last_index = i;
    }
    if (column < fs_table_column_count(fs_dataset_table_at(u->data, u->last_index)))
        u->used[u->last_index][column] = true;
}

void fs_columns_next_document(fs_columns *u)
{
    /* Views of tables made for the last document may have lived in its
     * arena, whose addresses the next one reuses. */
    u->last = NULL;
}

static bool column_used(const fs_columns *u, size_t t, const char *name)
{
    long column = fs_table_find_column(fs_dataset_table_at(u->data, t), name);
    return column >= 0 && u->used[t][column];
}

/* How to show a column, in placeholders that work when copied: a name
 * with spaces or signs is written in double quotes ({"Affected 2017"}). */
static const char *unused_hint(const fs_table *table, const char *name, fs_arena *arena)
{
    fs_buf column = {0}, table_name = {0};
    fs_template_quote_name(name, &column);
    fs_template_quote_name(fs_table_name(table), &table_name);
    const char *shown = fs_diag_printable(fs_buf_str(&column), arena);
    const char *hint = fs_arena_printf(arena,
                                       "{%s} in a repeat over %s, or {%s.%s} for a one-row table, "
                                       "shows it; leave it if it is not meant for the page",
                                       shown, fs_table_name(table), fs_buf_str(&table_name), shown);
    fs_buf_free(&column);
    fs_buf_free(&table_name);
    return hint;
}

void fs_columns_report(const fs_columns *u, const char *each, fs_arena *arena, fs_diags *out)
{
    for (size_t t = 0; t < fs_dataset_count(u->data); t++) {
        const fs_table *table = fs_dataset_table_at(u->data, t);
        bool key_value =
            fs_table_find_column(table, "key") >= 0 && fs_table_find_column(table, "value") >= 0;
        for (size_t c = 0; c < fs_table_column_count(table); c++) {
            const char *name = fs_table_column_name(table, c);
            const char *at = strrchr(name, '@');
            const char *base = at ? fs_arena_strndup(arena, name, (size_t)(at - name)) : NULL;
            if (u->used[t][c] || (each && strcmp(name, each) == 0) ||
                (key_value && strcmp(name, "key") == 0) || (base && column_used(u, t, base)))
                continue;
            const char *shown = fs_diag_printable(name, arena);
            const char *hint;
            if (key_value)
                hint = fs_arena_printf(arena, "a placeholder {%s.KEY} shows the value of KEY",
                                       fs_table_name(table));
            else if (base)
                hint = fs_arena_printf(arena, "it translates '%s', which no placeholder reads",
                                       fs_diag_printable(base, arena));
            else
                hint = unused_hint(table, name, arena);
            fs_diag_add_kind(out, FS_NOTE, FS_KIND_UNUSED, fs_table_column_pos(table, c), hint,
                             "column '%s' is shown nowhere: no placeholder reads it", shown);
        }
    }
}
