#include "fs_cli.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
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
            char *probe = malloc(size);
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
