/* The command layer: each command parses its arguments, runs, prints the
 * diagnostics it collected and returns the process's exit code. Nothing
 * below this layer prints or exits. */
#ifndef FS_CLI_H
#define FS_CLI_H

#include <stdbool.h>
#include <time.h>

#include "core/fs_arena.h"
#include "core/fs_diag.h"

/* Exit codes of every command. */
enum { FS_EXIT_OK = 0, FS_EXIT_FAILED = 1, FS_EXIT_USAGE = 2 };

int fs_cli_render(int argc, char **argv);
int fs_cli_icons(int argc, char **argv);
int fs_cli_extract(int argc, char **argv);

/* Prints every diagnostic to stderr, then a one-line count when there are
 * errors. */
void fs_cli_print(const fs_diags *diags);

/* A command that failed with no error to show ran out of memory: every
 * other failure is reported where it happens. Adds that error then. */
void fs_cli_explain_failure(fs_diags *diags);

/* The folder holding fonts/ and layouts/: $FACTSHEET_DATADIR, else the
 * folder of the running binary when it has fonts/fonts.conf (a build tree),
 * else the installed data folder. Returns a static-lifetime or environment
 * string, or a malloc'd one the caller frees (*owned set). */
const char *fs_cli_datadir(char **owned);

/* A layout is a folder; a bare name is looked up among the installed
 * layouts of datadir. The result lives in arena (or is arg). */
const char *fs_cli_layout_dir(const char *arg, const char *datadir, fs_arena *arena);

/* The date written into outputs: SOURCE_DATE_EPOCH when set (reproducible
 * builds), else the newest file of the layout and data folders, never the
 * clock, so the same inputs give the same bytes. False with an error when
 * SOURCE_DATE_EPOCH is not a number. */
bool fs_cli_creation_time(const char *layout, const char *data, time_t *out, fs_diags *diags);

#endif
