/* A data folder: every CSV table in it, loaded once per run. Tables are
 * named by their file's stem and kept sorted by name. */
#ifndef FS_DATASET_H
#define FS_DATASET_H

#include <stddef.h>

#include "core/fs_arena.h"
#include "core/fs_diag.h"
#include "load/fs_table.h"

typedef struct fs_dataset fs_dataset;

/* Loads every .csv file of dir into arena. NULL with errors appended when the folder is
 * unreadable or any table is bad (every bad table is reported). A folder
 * with no CSV file is an error too. */
fs_dataset *fs_dataset_load(const char *dir, fs_arena *arena, fs_diags *diags);

const char *fs_dataset_dir(const fs_dataset *data);
size_t fs_dataset_count(const fs_dataset *data);
const fs_table *fs_dataset_table_at(const fs_dataset *data, size_t i);

/* The table of that name, or NULL. */
const fs_table *fs_dataset_table(const fs_dataset *data, const char *name);

#endif
