/* Column types by name, and the types and translation marks a layout
 * declares for a table's columns (fs_table_internal.h). */
#include "load/fs_table_internal.h"

#include "core/fs_suggest.h"
#include "core/fs_alloc.h"
#include "i18n/fs_template.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- types ----------------------------------------------------------- */

static const char *const type_names[] = {
    [FS_COL_TEXT] = "text",       [FS_COL_INTEGER] = "integer", [FS_COL_DECIMAL] = "decimal",
    [FS_COL_PERCENT] = "percent", [FS_COL_YEAR] = "year",       [FS_COL_DATE] = "date",
    [FS_COL_CODE] = "code",
};

const char *fs_col_type_name(fs_col_type type)
{
    return (unsigned)type < sizeof type_names / sizeof type_names[0] ? type_names[type] : "text";
}

bool fs_col_type_from_name(const char *name, fs_col_type *type)
{
    for (size_t i = 0; i < sizeof type_names / sizeof type_names[0]; i++) {
        if (strcmp(type_names[i], name) == 0) {
            *type = (fs_col_type)i;
            return true;
        }
    }
    return false;
}

bool fs_table_column_declared(const fs_table *table, size_t column)
{
    return column < table->columns && table->column[column].declared;
}

bool fs_table_column_translated(const fs_table *table, size_t column)
{
    if (column >= table->columns)
        return false;
    /* NAME@LANG holds a translation already. */
    const fs_column *c = &table->column[column];
    return !c->no_translation && c->type == FS_COL_TEXT && !strchr(c->name, '@');
}

/* Whether a cell fits a declared type: empty, a marker in a number column,
 * or a cell of the type. */
static bool fits_type(const fs_cell *cell, fs_col_type type)
{
    cell_kind kind = cell->kind;
    if (kind == CELL_EMPTY || (kind == CELL_MARKER && is_number_type(type)))
        return true;
    switch (type) {
    case FS_COL_INTEGER:
        return kind == CELL_INTEGER;
    case FS_COL_YEAR:
        return kind == CELL_INTEGER && cell->number >= 1000 && cell->number <= 2999;
    case FS_COL_DECIMAL:
        return kind == CELL_INTEGER || kind == CELL_DECIMAL;
    case FS_COL_PERCENT:
        return kind == CELL_PERCENT;
    case FS_COL_DATE:
        return kind == CELL_DATE;
    default:
        return true;
    }
}

static const char *type_example(fs_col_type type)
{
    switch (type) {
    case FS_COL_INTEGER:
        return "a whole number such as 2029052 or 2,029,052";
    case FS_COL_YEAR:
        return "a year such as 2019";
    case FS_COL_DECIMAL:
        return "a number such as 1839.5";
    case FS_COL_PERCENT:
        return "a percentage such as 47%";
    default:
        return "a date such as 2019-06-30 or 2019-06";
    }
}

/* The index of the declared column: by name, or by HXL tag pattern. -1
 * after an error at the declaration. */
static long declared_column(const fs_table *table, const fs_column_decl *d, fs_diags *diags)
{
    if (d->name[0] == '#') {
        size_t column = 0, other = 0;
        size_t found = fs_table_find_tag(table, d->name, &column, &other);
        if (found == 1)
            return (long)column;
        if (found > 1)
            fs_error(diags, d->pos,
                     "add an attribute that only one of them has, or name the column",
                     "'%s' matches columns '%s' and '%s' of %s", d->name,
                     table->column[column].name, table->column[other].name, table->path);
        else
            fs_error(diags, d->pos, "write a tag of the table's hashtag row, such as #affected+f",
                     "no column of %s has the HXL tag '%s'", table->path, d->name);
        return -1;
    }
    long found = fs_table_find_column(table, d->name);
    if (found >= 0)
        return found;
    const char **names = fs_malloc((table->columns + 1) * sizeof *names);
    fs_buf hint = {0};
    for (size_t k = 0; names && k < table->columns; k++)
        names[k] = table->column[k].name;
    if (names)
        fs_suggest_hint(&hint, d->name, names, table->columns, "its columns: ");
    fs_error(diags, d->pos, fs_buf_str(&hint), "no column '%s' in %s", d->name, table->path);
    fs_buf_free(&hint);
    free(names);
    return -1;
}

bool fs_table_declare(fs_table *table, const fs_table_decl *decl, fs_diags *diags)
{
    bool ok = true;
    for (size_t i = 0; i < decl->count; i++) {
        const fs_column_decl *d = &decl->columns[i];
        long found = declared_column(table, d, diags);
        if (found < 0) {
            ok = false;
            continue;
        }
        fs_column *column = &table->column[found];
        column->no_translation = column->no_translation || d->no_translation;
        if (!d->has_type)
            continue;
        column->declared = true;
        column->type = d->type;
        for (size_t row = 0; row < table->rows; row++) {
            const fs_cell *cell = table_cell_at(table, row, (size_t)found);
            if (fits_type(cell, d->type))
                continue;
            char hint[512];
            snprintf(hint, sizeof hint,
                     "write %s (or leave the cell empty, or write N/A), or declare the column "
                     "otherwise at %s:%d:%d",
                     type_example(d->type), d->type_pos.file ? d->type_pos.file : "",
                     d->type_pos.line, d->type_pos.column);
            fs_error(diags, fs_pos_at(table->path, cell->line, (int)cell->column), hint,
                     "column '%s' is declared %s, but this cell holds '%s'", column->name,
                     fs_col_type_name(d->type), cell->text);
            ok = false;
        }
        column->missing = table_count_missing(table, (size_t)found);
    }
    return ok;
}
