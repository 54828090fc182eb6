/* factsheet icons [WORD]: the built-in icon names, or those containing WORD. */
#define _GNU_SOURCE
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "cli/fs_cli.h"
#include "load/fs_icons.h"

static const char usage[] =
    "Usage: factsheet icons [WORD]\n"
    "\n"
    "Lists the built-in icon names (Material Icons) that contain WORD, one per\n"
    "line, or all of them. Use a name as a stat's icon: icon: water_drop\n"
    "\n"
    "Exit status: 0 names listed, 1 none contains WORD, 2 usage.\n";

int fs_cli_icons(int argc, char **argv)
{
    if (argc > 1 && (strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0)) {
        fputs(usage, stdout);
        return FS_EXIT_OK;
    }
    if (argc > 2 || (argc == 2 && argv[1][0] == '-')) {
        fprintf(stderr, "factsheet: error: icons takes at most one WORD\n"
                        "  hint: see factsheet icons --help\n");
        return FS_EXIT_USAGE;
    }
    const char *word = argc == 2 ? argv[1] : "";
    fs_diags *diags = fs_diags_create();
    fs_arena *arena = fs_arena_create();
    if (!diags || !arena) {
        fputs("factsheet: error: out of memory\n", stderr);
        fs_diags_free(diags);
        fs_arena_free(arena);
        return FS_EXIT_FAILED;
    }
    fs_icons *icons = fs_icons_load(FS_MATERIAL_CODEPOINTS, arena, diags);
    int status = icons ? FS_EXIT_OK : FS_EXIT_FAILED;
    size_t shown = 0;
    for (size_t i = 0; icons && i < fs_icons_count(icons); i++) {
        if (strcasestr(fs_icons_name(icons, i), word)) {
            puts(fs_icons_name(icons, i));
            shown++;
        }
    }
    if (icons && shown == 0) {
        const char *best[3];
        size_t found = fs_icons_suggest(icons, word, best, 3);
        fprintf(stderr, "factsheet: no icon name contains '%s'", word);
        for (size_t i = 0; i < found; i++)
            fprintf(stderr, "%s%s", i ? ", " : "; nearest: ", best[i]);
        fputc('\n', stderr);
        status = FS_EXIT_FAILED;
    }
    if (!icons)
        fs_cli_explain_failure(diags);
    fs_cli_print(diags);
    fs_arena_free(arena);
    fs_diags_free(diags);
    return status;
}
