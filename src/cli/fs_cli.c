#include "fs_cli.h"

#include "bind/fs_bind.h"
#include "core/fs_alloc.h"
#include "core/fs_buf.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

void fs_cli_print(const fs_diags *diags)
{
    for (size_t i = 0; i < fs_diags_count(diags); i++)
        fs_diag_print(fs_diags_at(diags, i), stderr);
    size_t errors = fs_diags_errors(diags);
    if (errors)
        fprintf(stderr, "factsheet: %zu error%s, %zu warning%s\n", errors, errors == 1 ? "" : "s",
                fs_diags_warnings(diags), fs_diags_warnings(diags) == 1 ? "" : "s");
}

bool fs_cli_shown_before(fs_map *shown, const fs_diag *diag)
{
    fs_buf key = {0};
    fs_buf_printf(&key, "%s:%d:%d:%d:%s", diag->pos.file ? diag->pos.file : "", diag->pos.line,
                  diag->pos.column, (int)diag->severity, diag->message);
    if (!fs_buf_ok(&key)) {
        fs_buf_free(&key);
        return false;
    }
    uint64_t hash = fs_hash_string(key.data);
    bool seen = fs_map_find(shown, hash, fs_map_same_string, key.data) != NULL;
    if (!seen && fs_map_add(shown, hash, key.data))
        key = (fs_buf){0}; /* the set keeps the text */
    fs_buf_free(&key);
    return seen;
}

void fs_cli_shown_free(fs_map *shown)
{
    size_t at = 0;
    for (char *key; (key = fs_map_next(shown, &at));)
        free(key);
    fs_map_free(shown);
}

void fs_cli_explain_failure(fs_diags *diags)
{
    if (fs_diags_errors(diags) == 0)
        fs_error(diags, fs_pos_at(NULL, 0, 0), "free some memory and try again", "out of memory");
}

const char *fs_cli_datadir(char **owned)
{
    *owned = NULL;
    const char *env = getenv("FACTSHEET_DATADIR");
    if (env && *env)
        return env;
    char exe[PATH_MAX];
    ssize_t length = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (length > 0) {
        exe[length] = '\0';
        char *slash = strrchr(exe, '/');
        if (slash) {
            *slash = '\0';
            size_t size = strlen(exe) + 32;
            char *probe = fs_malloc(size);
            if (probe) {
                snprintf(probe, size, "%s/fonts/fonts.conf", exe);
                if (access(probe, R_OK) == 0) {
                    snprintf(probe, size, "%s", exe);
                    *owned = probe;
                    return probe;
                }
                free(probe);
            }
        }
    }
    return FS_DATADIR;
}

static bool is_dir(const char *path)
{
    struct stat info;
    return stat(path, &info) == 0 && S_ISDIR(info.st_mode);
}

/* A layout is a folder; a bare name is looked up among the installed ones. */
const char *fs_cli_layout_dir(const char *arg, const char *datadir, fs_arena *arena)
{
    if (is_dir(arg) || strchr(arg, '/'))
        return arg;
    const char *installed = fs_arena_printf(arena, "%s/layouts/%s", datadir, arg);
    return installed && is_dir(installed) ? installed : arg;
}

static void newest_in(const char *dir, time_t *newest)
{
    DIR *folder = opendir(dir);
    if (!folder)
        return;
    struct dirent *entry;
    char path[4096];
    while ((entry = readdir(folder))) {
        struct stat info;
        snprintf(path, sizeof path, "%s/%s", dir, entry->d_name);
        if (entry->d_name[0] != '.' && stat(path, &info) == 0 && S_ISREG(info.st_mode) &&
            info.st_mtime > *newest)
            *newest = info.st_mtime;
    }
    closedir(folder);
}

/* The PDF's date: SOURCE_DATE_EPOCH when set (reproducible builds), else
 * the newest input, never the clock, so a re-render of the same inputs gives
 * the same bytes. */
bool fs_cli_creation_time(const char *layout, const char *data, time_t *out, fs_diags *diags)
{
    const char *epoch = getenv("SOURCE_DATE_EPOCH");
    if (epoch && *epoch) {
        char *end;
        errno = 0;
        long long value = strtoll(epoch, &end, 10);
        if (*end || errno || value < 0) {
            fs_error(diags, fs_pos_at(NULL, 0, 0), "set it to seconds since 1970, or unset it",
                     "SOURCE_DATE_EPOCH is not a number of seconds: '%s'", epoch);
            return false;
        }
        *out = (time_t)value;
        return true;
    }
    *out = 0;
    newest_in(layout, out);
    newest_in(data, out);
    return true;
}

int fs_cli_usage_error(const char *command, const char *message, const char *detail)
{
    fprintf(stderr, "factsheet: error: %s%s\n  hint: see factsheet %s --help\n", message,
            detail ? detail : "", command);
    return FS_EXIT_USAGE;
}

int fs_cli_parse_langs(const char *list, const char *command, fs_cli_langs *langs)
{
    langs->count = 0;
    if (strlen(list) >= sizeof langs->text)
        return fs_cli_usage_error(command, "--lang is too long", NULL);
    strcpy(langs->text, list);
    for (char *save = NULL, *tag = strtok_r(langs->text, ",", &save); tag;
         tag = strtok_r(NULL, ",", &save)) {
        if (langs->count == FS_MAX_LANGS)
            return fs_cli_usage_error(command, "--lang takes at most 16 languages", NULL);
        for (size_t i = 0; i < langs->count; i++)
            if (strcmp(langs->tags[i], tag) == 0)
                return fs_cli_usage_error(command, "--lang names a language twice: ", tag);
        langs->tags[langs->count++] = tag;
    }
    if (langs->count == 0)
        return fs_cli_usage_error(command,
                                  "--lang needs at least one language, such as en or en,fr", NULL);
    return FS_EXIT_OK;
}

bool fs_cli_load_run(fs_cli_run *r, const char *layout, const char *data, const fs_cli_langs *langs,
                     bool strict, const char *datadir, fs_diags *diags, fs_diags *const *lang_diags)
{
    r->arena = fs_arena_create();
    if (!r->arena)
        return false;
    const char *dir = fs_cli_layout_dir(layout, datadir, r->arena);
    const char *conf = fs_arena_printf(r->arena, "%s/fonts/fonts.conf", datadir);
    /* Load everything that can be checked before reporting, so one run shows
     * every problem of the layout and of the data. */
    r->layout = fs_layout_load(dir, r->arena, diags);
    /* Tables with bad rows are kept, so that the problems of the rows they
     * could read are reported too (fs_cli_bind_for_problems). */
    fs_dataset_options options = {.keep_bad = true};
    if (r->layout) {
        options.decls = r->layout->tables;
        options.decl_count = r->layout->table_count;
    }
    size_t errors = fs_diags_errors(diags);
    r->data = fs_dataset_read(data, &options, r->arena, diags);
    r->data_bad = r->data && fs_diags_errors(diags) > errors;
    r->icons = fs_icons_load(FS_MATERIAL_CODEPOINTS, r->arena, diags);
    r->images = fs_images_new();
    r->fonts = conf ? fs_fonts_create(conf, diags) : NULL;
    if (r->fonts && r->layout && !fs_fonts_check_theme(r->fonts, r->layout->theme, diags))
        return false;
    bool langs_ok = true;
    for (size_t i = 0; r->layout && i < langs->count; i++) {
        r->langs[i] = fs_lang_create(langs->tags[i], r->layout, data, strict, r->arena,
                                     lang_diags ? lang_diags[i] : diags);
        langs_ok = langs_ok && r->langs[i];
    }
    return r->layout && r->data && !r->data_bad && r->icons && r->images && langs_ok && r->fonts;
}

/* Whether the diagnostic is at a cell of one of the data's tables. */
static bool at_a_cell(const fs_dataset *data, const fs_diag *d)
{
    for (size_t t = 0; d->pos.file && d->pos.line > 0 && t < fs_dataset_count(data); t++)
        if (strcmp(fs_table_path(fs_dataset_table_at(data, t)), d->pos.file) == 0)
            return true;
    return false;
}

/* Appends the diagnostics of from at cells of data that diags lacks (same
 * place, severity and message). A problem the layout's line carries (a
 * table or column not found, a table without rows) may only follow from
 * the rows that could not be read, and is left out. */
static void add_new(fs_diags *diags, const fs_diags *from, const fs_dataset *data)
{
    for (size_t i = 0; i < fs_diags_count(from); i++) {
        const fs_diag *d = fs_diags_at(from, i);
        bool seen = !at_a_cell(data, d);
        for (size_t k = 0; k < fs_diags_count(diags) && !seen; k++) {
            const fs_diag *e = fs_diags_at(diags, k);
            seen = e->severity == d->severity && e->pos.line == d->pos.line &&
                   e->pos.column == d->pos.column && strcmp(e->message, d->message) == 0 &&
                   (e->pos.file == d->pos.file ||
                    (e->pos.file && d->pos.file && strcmp(e->pos.file, d->pos.file) == 0));
        }
        if (!seen)
            fs_diag_add_kind(diags, d->severity, d->kind, d->pos, d->hint, "%s", d->message);
    }
}

void fs_cli_bind_for_problems(const fs_cli_run *r, size_t lang_count, const char *each,
                              fs_diags *diags)
{
    if (!r->data || !r->layout || !r->icons)
        return;
    fs_arena *arena = fs_arena_create();
    fs_diags *found = fs_diags_create();
    fs_dataset_part whole = {.data = r->data}, *parts = &whole;
    size_t count = 1;
    if (arena && found && each)
        count = fs_dataset_split(r->data, each, arena, found, &parts);
    for (size_t l = 0; arena && found && l < lang_count; l++) {
        if (!r->langs[l])
            continue;
        for (size_t p = 0; p < count; p++) {
            fs_bind_input input = {
                .layout = r->layout, .data = parts[p].data, .icons = r->icons, .lang = r->langs[l]};
            fs_arena *document = fs_arena_create();
            if (document)
                fs_bind(&input, document, found);
            fs_arena_free(document);
        }
    }
    if (found)
        add_new(diags, found, r->data);
    fs_diags_free(found);
    fs_arena_free(arena);
}

void fs_cli_free_run(fs_cli_run *r)
{
    if (r->images)
        fs_images_free(r->images);
    fs_fonts_free(r->fonts);
    for (size_t i = 0; i < FS_MAX_LANGS; i++)
        fs_lang_free(r->langs[i]);
    fs_arena_free(r->arena);
}
