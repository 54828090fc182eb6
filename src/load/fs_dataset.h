/* A data folder: every CSV table in it, loaded once per run. Tables are
 * named by their file's stem and kept sorted by name. */
#ifndef FS_DATASET_H
#define FS_DATASET_H

#include <stdbool.h>
#include <stddef.h>

#include "core/fs_arena.h"
#include "core/fs_diag.h"
#include "load/fs_table.h"

typedef struct fs_dataset fs_dataset;

/* Loads every CSV file of dir (named .csv in any case: stats.CSV is the
 * table stats) into arena. NULL with errors appended when the folder is
 * unreadable or any table is bad (every bad table is reported). A folder
 * with no CSV file is an error too, and so are two files that give one
 * table name. */
fs_dataset *fs_dataset_load(const char *dir, fs_arena *arena, fs_diags *diags);

/* How fs_dataset_read loads. */
typedef struct {
    /* What the layout declares of the tables' columns (types, translation):
     * applied to each table as it is read; a table the folder lacks is an
     * error at its declaration. */
    const fs_table_decl *decls;
    size_t decl_count;
    /* Return the data set even when a table had errors, with every table
     * whose header could be read (its bad rows left out): to show what was
     * read, or to bind and report every problem of a run. The caller tells
     * a bad data set by the errors in diags. */
    bool keep_bad;
} fs_dataset_options;

/* fs_dataset_load with options; options may be NULL. */
fs_dataset *fs_dataset_read(const char *dir, const fs_dataset_options *options, fs_arena *arena,
                            fs_diags *diags);

const char *fs_dataset_dir(const fs_dataset *data);
size_t fs_dataset_count(const fs_dataset *data);
const fs_table *fs_dataset_table_at(const fs_dataset *data, size_t i);

/* The Markdown file of the folder named name ("intro.md"): its bytes and
 * length. False when the folder has no such file. Every .md file but
 * README.md is read when the folder is loaded. */
bool fs_dataset_text(const fs_dataset *data, const char *name, const char **text, size_t *length);

/* The names of the folder's Markdown files, sorted; returns how many. */
size_t fs_dataset_text_names(const fs_dataset *data, const char *const **names);

/* The table of that name, or NULL. */
const fs_table *fs_dataset_table(const fs_dataset *data, const char *name);

/* One document's share of a batch: the key, where it was first met, and
 * the data set in which every table that has the key column holds only
 * that key's rows (the other tables are shared). */
typedef struct {
    const char *key;
    fs_pos pos;
    const fs_table *table; /* the first table with the column, filtered */
    fs_dataset *data;
} fs_dataset_part;

/* Splits data by the values of column, in the order keys are first met
 * (tables in name order). Rows with an empty key are errors (they belong to
 * no document), each at its cell; a column no table has is an error. The
 * parts live in arena; returns how many, 0 after an error that leaves none. */
size_t fs_dataset_split(const fs_dataset *data, const char *column, fs_arena *arena,
                        fs_diags *diags, fs_dataset_part **parts);

#endif
