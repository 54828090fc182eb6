/* The command layer: each command parses its arguments, runs, prints the
 * diagnostics it collected and returns the process's exit code. Nothing
 * below this layer prints or exits. */
#ifndef FS_CLI_H
#define FS_CLI_H

#include "core/fs_diag.h"

/* Exit codes of every command. */
enum { FS_EXIT_OK = 0, FS_EXIT_FAILED = 1, FS_EXIT_USAGE = 2 };

int fs_cli_render(int argc, char **argv);
int fs_cli_icons(int argc, char **argv);

/* Prints every diagnostic to stderr, then a one-line count when there are
 * errors. */
void fs_cli_print(const fs_diags *diags);

/* The folder holding fonts/ and layouts/: $FACTSHEET_DATADIR, else the
 * folder of the running binary when it has fonts/fonts.conf (a build tree),
 * else the installed data folder. Returns a static-lifetime or environment
 * string, or a malloc'd one the caller frees (*owned set). */
const char *fs_cli_datadir(char **owned);

#endif
