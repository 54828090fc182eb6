/* The output names of a run: the -o pattern filled in for each document,
 * made safe for every file system, and checked before anything is drawn.
 * render stops on any problem they find; check reports the same problems
 * for the same pattern, so that a batch's names can be tried first. */
#ifndef FS_CLI_OUTPUT_H
#define FS_CLI_OUTPUT_H

#include <stdbool.h>
#include <stddef.h>

#include "core/fs_arena.h"
#include "core/fs_diag.h"
#include "i18n/fs_template.h"
#include "load/fs_dataset.h"

/* One output file: its path and the document it is for, as messages name
 * it ("country 'Mali' (fr)"). */
typedef struct {
    const char *path;
    const char *label;
} fs_cli_output;

/* How messages name one document: "country 'Mali' (fr)" with --each (each
 * is the column, part the document's part), else the language. In arena;
 * NULL when out of memory. */
const char *fs_cli_output_label(const char *each, const fs_dataset_part *part, const char *lang,
                                fs_arena *arena);

/* FS_EXIT_OK when pattern can name every document of the run: with several
 * languages it holds {lang}, with --each a {COLUMN}; else prints the usage
 * error (for command's --help) and returns FS_EXIT_USAGE. */
int fs_cli_output_usage(const char *pattern, size_t lang_count, bool each, const char *command);

/* The path of one document: the pattern with {lang} and {COLUMN} (from the
 * first row of part's table that has the --each column; part is NULL
 * without --each) filled in, each value made safe: no path separators or
 * characters Windows refuses, no control characters, no leading dot and,
 * at the start of a file or folder name, no leading '-' (a name "-5" or
 * "--help" would read as an option to the commands given it), no name
 * Windows reserves (CON, NUL.txt, COM1, ...), at most 80 bytes of whole
 * UTF-8 characters, never empty. In arena; NULL after an error naming what
 * the pattern asks for. */
const char *fs_cli_output_name(const fs_template *pattern, const fs_dataset_part *part,
                               const char *lang, fs_arena *arena, fs_diags *diags);

/* True when no two outputs would be one file: neither the same path nor
 * paths that differ only by case or by Unicode normalisation (one file on
 * macOS, and for case on Windows). Else an error for each pair, naming both
 * documents and both paths. */
bool fs_cli_outputs_distinct(const fs_cli_output *outputs, size_t count, fs_arena *arena,
                             fs_diags *diags);

/* True when every output's file name fits its folder's file system with
 * the hidden temporary written beside it (and, for a PNG, the page number
 * NAME-1000.png of a document of many pages). Else an error at each name
 * that does not. A folder that does not exist yet is measured at its
 * nearest existing parent. */
bool fs_cli_outputs_fit(const fs_cli_output *outputs, size_t count, fs_diags *diags);

/* True when every output's folder exists and can be written; else one
 * error at the first that cannot. */
bool fs_cli_output_folders(const fs_cli_output *outputs, size_t count, fs_diags *diags);

#endif
