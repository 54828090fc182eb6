#include "fs_dataset.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>
#include <strings.h>

#include "core/fs_alloc.h"
#include "core/fs_buf.h"
#include "core/fs_file.h"
#include "core/fs_grow.h"
#include "core/fs_map.h"
#include "core/fs_suggest.h"

enum { FS_DATASET_MAX_TABLES = 1000 };

struct fs_dataset {
    const char *dir;
    const fs_table **tables;
    size_t count;
    /* The folder's Markdown files, by name, read once per run. */
    const char **text_names, **texts;
    size_t *text_lengths;
    size_t text_count;
};

enum { FS_DATASET_MAX_TEXT = 1024 * 1024 };

static int by_name(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static bool has_suffix(const char *name, const char *suffix)
{
    size_t length = strlen(name), tail = strlen(suffix);
    return length > tail && name[0] != '.' && strcmp(name + length - tail, suffix) == 0;
}

/* stats.csv, stats.CSV and stats.Csv are tables: spreadsheets on Windows
 * write the extension in capitals. */
static bool is_csv(const char *name)
{
    size_t length = strlen(name);
    return length > 4 && name[0] != '.' && strcasecmp(name + length - 4, ".csv") == 0;
}

/* Reads DIR/name into the data set's texts. */
static bool read_text(fs_dataset *data, const char *name, fs_arena *arena, fs_diags *diags)
{
    const char *path = fs_arena_printf(arena, "%s/%s", data->dir, name);
    if (!path)
        return false;
    fs_file file = fs_file_read(path, FS_DATASET_MAX_TEXT);
    if (file.status == FS_FILE_TOO_LARGE)
        fs_error(diags, fs_pos_at(path, 0, 0), "split it into several files",
                 "a Markdown file larger than %d KiB", FS_DATASET_MAX_TEXT / 1024);
    else if (file.status != FS_FILE_READ)
        fs_file_report(&file, "check the file's permissions", diags);
    size_t i = data->text_count;
    data->text_names[i] = name;
    data->text_lengths[i] = file.length;
    data->texts[i] = file.bytes ? fs_arena_strndup(arena, file.bytes, file.length) : NULL;
    free(file.bytes);
    if (!data->texts[i])
        return false;
    data->text_count++;
    return true;
}

/* The layout's declaration of the table named name, or NULL. */
static const fs_table_decl *find_decl(const fs_dataset_options *options, const char *name)
{
    for (size_t i = 0; i < options->decl_count; i++)
        if (strcmp(options->decls[i].table, name) == 0)
            return &options->decls[i];
    return NULL;
}

/* stats.csv and stats.CSV would both be the table stats: an error at the
 * second. */
static bool same_name(const fs_dataset *data, const fs_table *table, fs_diags *diags)
{
    for (size_t i = 0; i < data->count; i++) {
        if (strcmp(fs_table_name(data->tables[i]), fs_table_name(table)) != 0)
            continue;
        fs_error(diags, fs_pos_at(fs_table_path(table), 0, 0),
                 "keep one of the two files, or rename one", "%s and %s are both the table '%s'",
                 fs_table_path(data->tables[i]), fs_table_path(table), fs_table_name(table));
        return true;
    }
    return false;
}

/* Every table the layout declares must be in the folder. */
static bool declared_tables_exist(const fs_dataset *data, const fs_dataset_options *options,
                                  fs_arena *arena, fs_diags *diags)
{
    bool ok = true;
    const char **names = fs_arena_array(arena, data->count + 1, sizeof *names);
    for (size_t i = 0; names && i < data->count; i++)
        names[i] = fs_table_name(data->tables[i]);
    for (size_t i = 0; i < options->decl_count; i++) {
        const fs_table_decl *decl = &options->decls[i];
        if (fs_dataset_table(data, decl->table))
            continue;
        fs_buf hint = {0};
        if (names)
            fs_suggest_hint(&hint, decl->table, names, data->count, "tables of the data folder: ");
        fs_error(diags, decl->pos, fs_buf_str(&hint), "tables: no table '%s' in %s", decl->table,
                 data->dir);
        fs_buf_free(&hint);
        ok = false;
    }
    return ok;
}

fs_dataset *fs_dataset_read(const char *dir, const fs_dataset_options *options, fs_arena *arena,
                            fs_diags *diags)
{
    fs_dataset_options none = {0};
    if (!options)
        options = &none;
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
    const char **markdown = NULL;
    size_t markdown_count = 0, markdown_capacity = 0;
    while (ok && (entry = readdir(folder))) {
        if (has_suffix(entry->d_name, ".md") && strcmp(entry->d_name, "README.md") != 0) {
            const char **grown =
                fs_arena_reserve(arena, markdown, markdown_count, markdown_count + 1,
                                 &markdown_capacity, sizeof *grown);
            ok = grown != NULL;
            markdown = grown;
            if (ok)
                ok = (markdown[markdown_count++] = fs_arena_strdup(arena, entry->d_name)) != NULL;
            continue;
        }
        if (!is_csv(entry->d_name))
            continue;
        if (count == FS_DATASET_MAX_TABLES) {
            fs_error(diags, fs_pos_at(dir, 0, 0), "split the data into several folders",
                     "more than %d CSV files", FS_DATASET_MAX_TABLES);
            ok = false;
            break;
        }
        const char **grown =
            fs_arena_reserve(arena, names, count, count + 1, &capacity, sizeof *grown);
        ok = grown != NULL;
        names = grown;
        if (ok)
            names[count] = fs_arena_strdup(arena, entry->d_name);
        ok = ok && names[count++];
    }
    closedir(folder);
    if (!ok)
        return NULL;
    if (count == 0) {
        fs_error(diags, fs_pos_at(dir, 0, 0),
                 "put the tables the layout reads, as .csv files, "
                 "in this folder",
                 "the data folder has no CSV file");
        return NULL;
    }
    /* Sorted, so diagnostics and lookups do not depend on the file system. */
    qsort(names, count, sizeof *names, by_name);
    fs_dataset *data = fs_arena_alloc(arena, sizeof *data);
    if (!data || !(data->tables = fs_arena_array(arena, count, sizeof *data->tables)))
        return NULL;
    data->dir = fs_arena_strdup(arena, dir);
    if (markdown_count) {
        qsort(markdown, markdown_count, sizeof *markdown, by_name);
        data->text_names = fs_arena_array(arena, markdown_count, sizeof *data->text_names);
        data->texts = fs_arena_array(arena, markdown_count, sizeof *data->texts);
        data->text_lengths = fs_arena_array(arena, markdown_count, sizeof *data->text_lengths);
        if (!data->text_names || !data->texts || !data->text_lengths)
            return NULL;
        for (size_t i = 0; i < markdown_count; i++)
            ok = read_text(data, markdown[i], arena, diags) && ok;
    }
    for (size_t i = 0; i < count; i++) {
        const char *path = fs_arena_printf(arena, "%s/%s", dir, names[i]);
        size_t errors = fs_diags_errors(diags);
        fs_table *table = !path               ? NULL
                          : options->keep_bad ? fs_table_load_all(path, arena, diags)
                                              : fs_table_load(path, arena, diags);
        ok = ok && table && fs_diags_errors(diags) == errors;
        if (!table)
            continue;
        const fs_table_decl *decl = find_decl(options, fs_table_name(table));
        ok = (!decl || fs_table_declare(table, decl, diags)) && ok;
        ok = !same_name(data, table, diags) && ok;
        data->tables[data->count++] = table;
    }
    ok = declared_tables_exist(data, options, arena, diags) && ok;
    return ok || options->keep_bad ? data : NULL;
}

fs_dataset *fs_dataset_load(const char *dir, fs_arena *arena, fs_diags *diags)
{
    return fs_dataset_read(dir, NULL, arena, diags);
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

bool fs_dataset_text(const fs_dataset *data, const char *name, const char **text, size_t *length)
{
    for (size_t i = 0; i < data->text_count; i++) {
        if (strcmp(data->text_names[i], name) == 0) {
            *text = data->texts[i];
            *length = data->text_lengths[i];
            return true;
        }
    }
    return false;
}

size_t fs_dataset_text_names(const fs_dataset *data, const char *const **names)
{
    *names = data->text_names;
    return data->text_count;
}

const fs_table *fs_dataset_table(const fs_dataset *data, const char *name)
{
    for (size_t i = 0; i < data->count; i++)
        if (strcmp(fs_table_name(data->tables[i]), name) == 0)
            return data->tables[i];
    return NULL;
}

/* Keys seen so far, in first-seen order, with the rows of each table that
 * hold them; a map finds a key's part by its text. */
typedef struct {
    fs_arena *arena;
    fs_dataset_part *parts;
    size_t count, capacity;
    fs_map index; /* of key_index */
} key_map;

/* A key, and the index of its part (parts move as they grow). */
typedef struct {
    const char *key;
    size_t part;
} key_index;

static bool same_key(const void *item, const void *key)
{
    return strcmp(((const key_index *)item)->key, key) == 0;
}

/* The part of key, made when first met; NULL when out of memory. */
static fs_dataset_part *part_of(key_map *map, const char *key, fs_pos pos)
{
    uint64_t hash = fs_hash_string(key);
    const key_index *known = fs_map_find(&map->index, hash, same_key, key);
    if (known)
        return &map->parts[known->part];
    fs_dataset_part *parts = fs_arena_reserve(map->arena, map->parts, map->count, map->count + 1,
                                              &map->capacity, sizeof *parts);
    if (!parts)
        return NULL;
    map->parts = parts;
    key_index *entry = fs_arena_alloc(map->arena, sizeof *entry);
    if (!entry || !fs_map_add(&map->index, hash, entry))
        return NULL;
    *entry = (key_index){key, map->count};
    fs_dataset_part *part = &map->parts[map->count++];
    *part = (fs_dataset_part){.key = key, .pos = pos};
    return part;
}

static void no_such_column(const fs_dataset *data, const char *column, fs_diags *diags)
{
    fs_buf hint = {0}, intro = {0};
    const char **names = NULL;
    size_t count = 0;
    for (size_t t = 0; t < data->count; t++)
        count += fs_table_column_count(data->tables[t]);
    names = fs_malloc((count ? count : 1) * sizeof *names);
    count = 0;
    for (size_t t = 0; names && t < data->count; t++)
        for (size_t c = 0; c < fs_table_column_count(data->tables[t]); c++)
            names[count++] = fs_table_column_name(data->tables[t], c);
    fs_buf_puts(&intro, "columns of the data folder: ");
    fs_suggest_hint(&hint, column, names, count, fs_buf_str(&intro));
    fs_error(diags, fs_pos_at(data->dir, 0, 0), fs_buf_str(&hint),
             "--each %s: no table of the data folder has a column '%s'", column, column);
    free(names);
    fs_buf_free(&hint);
    fs_buf_free(&intro);
}

size_t fs_dataset_split(const fs_dataset *data, const char *column, fs_arena *arena,
                        fs_diags *diags, fs_dataset_part **parts)
{
    key_map map = {.arena = arena, .index = {.arena = arena}};
    size_t keyed = 0;
    /* Per part and keyed table, the rows it holds: rows[t][part] grows as
     * keys are met, so one pass over each table does it. */
    size_t **rows = fs_arena_array(arena, data->count, sizeof *rows);
    size_t **row_counts = fs_arena_array(arena, data->count, sizeof *row_counts);
    size_t *keys_known = fs_arena_array(arena, data->count, sizeof *keys_known);
    if (!rows || !row_counts || !keys_known)
        return 0;
    for (size_t t = 0; t < data->count; t++) {
        const fs_table *table = data->tables[t];
        long found = fs_table_find_column(table, column);
        if (found < 0)
            continue;
        keyed++;
        size_t c = (size_t)found, n = fs_table_row_count(table);
        size_t *part_of_row = fs_arena_array(arena, n, sizeof *part_of_row);
        if (!part_of_row)
            return 0;
        for (size_t r = 0; r < n; r++) {
            const char *key = fs_table_cell(table, r, c);
            if (!*key) {
                fs_error(diags, fs_table_cell_pos(table, r, c), "fill the cell, or remove the row",
                         "empty '%s': this row belongs to no document", column);
                part_of_row[r] = SIZE_MAX;
                continue;
            }
            fs_dataset_part *part = part_of(&map, key, fs_table_cell_pos(table, r, c));
            if (!part)
                return 0;
            part_of_row[r] = (size_t)(part - map.parts);
        }
        /* Counting sort of the rows by part, keeping their order. */
        size_t *counts = fs_arena_array(arena, map.count + 1, sizeof *counts);
        size_t *sorted = fs_arena_array(arena, n, sizeof *sorted);
        if (!counts || !sorted)
            return 0;
        for (size_t r = 0; r < n; r++)
            if (part_of_row[r] != SIZE_MAX)
                counts[part_of_row[r] + 1]++;
        for (size_t k = 0; k < map.count; k++)
            counts[k + 1] += counts[k];
        size_t *next = fs_arena_array(arena, map.count + 1, sizeof *next);
        if (!next)
            return 0;
        memcpy(next, counts, (map.count + 1) * sizeof *next);
        for (size_t r = 0; r < n; r++)
            if (part_of_row[r] != SIZE_MAX)
                sorted[next[part_of_row[r]]++] = r;
        rows[t] = sorted;
        row_counts[t] = counts; /* part k's rows: sorted[counts[k] .. counts[k+1]) */
        keys_known[t] = map.count;
    }
    if (!keyed) {
        no_such_column(data, column, diags);
        return 0;
    }
    if (map.count == 0) {
        /* Every keyed table is empty (or every key is): no document. */
        for (size_t t = 0; t < data->count; t++) {
            const fs_table *table = data->tables[t];
            long found = fs_table_find_column(table, column);
            if (found < 0 || fs_table_row_count(table) > 0)
                continue;
            fs_error(diags, fs_table_column_pos(table, (size_t)found),
                     "add the rows of the documents under the header, or choose another --each "
                     "column",
                     "--each %s: table '%s' has no rows, so there is no document to make", column,
                     fs_table_name(table));
        }
        return 0;
    }
    for (size_t k = 0; k < map.count; k++) {
        fs_dataset *part = fs_arena_alloc(arena, sizeof *part);
        const fs_table **tables = fs_arena_array(arena, data->count, sizeof *tables);
        if (!part || !tables)
            return 0;
        *part = *data;
        part->tables = tables;
        for (size_t t = 0; t < data->count; t++) {
            tables[t] = data->tables[t];
            if (!rows[t])
                continue;
            /* A key first met in a later table has no rows in this one. */
            size_t first = k < keys_known[t] ? row_counts[t][k] : 0;
            size_t last = k < keys_known[t] ? row_counts[t][k + 1] : 0;
            tables[t] = fs_table_select(data->tables[t], rows[t] + first, last - first, arena);
            if (!tables[t])
                return 0;
            if (!map.parts[k].table)
                map.parts[k].table = tables[t];
        }
        map.parts[k].data = part;
    }
    *parts = map.parts;
    return map.count;
}
