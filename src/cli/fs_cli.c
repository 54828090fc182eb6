#include "fs_cli.h"

#include "core/fs_alloc.h"

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
