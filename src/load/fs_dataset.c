#include "fs_dataset.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

enum { FS_DATASET_MAX_TABLES = 1000 };

struct fs_dataset {
    const char *dir;
    const fs_table **tables;
    size_t count;
};

static int by_name(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static bool is_csv(const char *name)
{
    size_t length = strlen(name);
    return length > 4 && name[0] != '.' && strcmp(name + length - 4, ".csv") == 0;
}

fs_dataset *fs_dataset_load(const char *dir, fs_arena *arena, fs_diags *diags)
{
    DIR *folder = opendir(dir);
    if (!folder) {
        fs_error(diags, fs_pos_at(dir, 0, 0), "give the folder that holds the CSV files",
                 "cannot read the data folder: %s", strerror(errno));
        return NULL;
    }
    const char **names = NULL;
    size_t count = 0, capacity = 0;
    bool ok = true;
    struct dirent *entry;
    while (ok && (entry = readdir(folder))) {
        if (!is_csv(entry->d_name))
            continue;
        if (count == FS_DATASET_MAX_TABLES) {
            fs_error(diags, fs_pos_at(dir, 0, 0), "split the data into several folders",
                     "more than %d CSV files", FS_DATASET_MAX_TABLES);
            ok = false;
            break;
        }
        if (count == capacity) {
            capacity = capacity ? capacity * 2 : 16;
            names = fs_arena_grow(arena, names, count, capacity, sizeof *names);
            ok = names != NULL;
        }
        if (ok)
            names[count] = fs_arena_strdup(arena, entry->d_name);
        ok = ok && names[count++];
    }
    closedir(folder);
    if (!ok)
        return NULL;
    if (count == 0) {
        fs_error(diags, fs_pos_at(dir, 0, 0), "put the tables the layout reads, as .csv files, "
                 "in this folder", "the data folder has no CSV file");
        return NULL;
    }
    /* Sorted, so diagnostics and lookups do not depend on the file system. */
    qsort(names, count, sizeof *names, by_name);
    fs_dataset *data = fs_arena_alloc(arena, sizeof *data);
    if (!data || !(data->tables = fs_arena_array(arena, count, sizeof *data->tables)))
        return NULL;
    data->dir = fs_arena_strdup(arena, dir);
    for (size_t i = 0; i < count; i++) {
        const char *path = fs_arena_printf(arena, "%s/%s", dir, names[i]);
        const fs_table *table = path ? fs_table_load(path, arena, diags) : NULL;
        if (table)
            data->tables[data->count++] = table;
        else
            ok = false;
    }
    return ok ? data : NULL;
}

const char *fs_dataset_dir(const fs_dataset *data)
{
    return data->dir;
}

size_t fs_dataset_count(const fs_dataset *data)
{
    return data->count;
}

const fs_table *fs_dataset_table_at(const fs_dataset *data, size_t i)
{
    return data->tables[i];
}

const fs_table *fs_dataset_table(const fs_dataset *data, const char *name)
{
    for (size_t i = 0; i < data->count; i++)
        if (strcmp(fs_table_name(data->tables[i]), name) == 0)
            return data->tables[i];
    return NULL;
}
