/* Which columns of a data set's tables some placeholder read, over every
 * document and language bound, and a note at the header of each column
 * nothing read: what `factsheet check` and serve's check panel list. */
#ifndef FS_COLUMNS_H
#define FS_COLUMNS_H

#include <stdbool.h>
#include <stddef.h>

#include "core/fs_arena.h"
#include "core/fs_diag.h"
#include "load/fs_dataset.h"

/* used[table][column], tables in the data's order; the rest is the
 * callback's memory of the table it read last. */
typedef struct {
    const fs_dataset *data;
    bool **used;
    const fs_table *last;
    size_t last_index;
} fs_columns;

/* Starts with no column read; the marks live in arena. False when out of
 * memory. data must outlive u. */
bool fs_columns_init(fs_columns *u, const fs_dataset *data, fs_arena *arena);

/* For fs_bind_input's on_column (its context is an fs_columns): binding
 * read column of table, a table of the data or a view of one made for a
 * document of --each (which shares its name and columns). Call
 * fs_columns_next_document before binding each document. */
void fs_columns_mark(void *context, const fs_table *table, size_t column);
void fs_columns_next_document(fs_columns *u);

/* Adds a note (kind FS_KIND_UNUSED) at the header of every column that no
 * placeholder read. NAME@LANG is used when NAME is (it translates it); the
 * --each column (each, or NULL) chooses the documents; a key/value table is
 * read through its value column, so its key column is never reported
 * alone. Messages and hints live in arena. */
void fs_columns_report(const fs_columns *u, const char *each, fs_arena *arena, fs_diags *out);

#endif
