/* The command layer: each command parses its arguments, runs, prints the
 * diagnostics it collected and returns the process's exit code. Nothing
 * below this layer prints or exits. */
#ifndef FS_CLI_H
#define FS_CLI_H

#include <signal.h>
#include <stdbool.h>
#include <time.h>

#include "bind/fs_lang.h"
#include "core/fs_arena.h"
#include "core/fs_cleanup.h"
#include "core/fs_diag.h"
#include "core/fs_map.h"
#include "load/fs_dataset.h"
#include "load/fs_fonts.h"
#include "load/fs_icons.h"
#include "load/fs_image.h"
#include "load/fs_layout.h"

/* Exit codes of every command. */
enum { FS_EXIT_OK = 0, FS_EXIT_FAILED = 1, FS_EXIT_USAGE = 2 };

/* The most languages one run renders or checks. */
enum { FS_MAX_LANGS = 16 };

int fs_cli_render(int argc, char **argv);
int fs_cli_icons(int argc, char **argv);
int fs_cli_extract(int argc, char **argv);
int fs_cli_check(int argc, char **argv);
int fs_cli_serve(int argc, char **argv);
int fs_cli_tables(int argc, char **argv);

/* Prints `factsheet: error: MESSAGEDETAIL` and a hint to see `factsheet
 * COMMAND --help` on stderr; returns FS_EXIT_USAGE. detail may be NULL. */
int fs_cli_usage_error(const char *command, const char *message, const char *detail);

/* The languages of a --lang option: the tags point into text. */
typedef struct {
    char text[256];
    const char *tags[FS_MAX_LANGS];
    size_t count;
} fs_cli_langs;

/* Splits a comma-separated --lang list ("en,fr") into langs. FS_EXIT_OK, or
 * FS_EXIT_USAGE after printing why (too long, too many, a tag twice, none). */
int fs_cli_parse_langs(const char *list, const char *command, fs_cli_langs *langs);

/* What a run loads once and every document shares. */
typedef struct {
    fs_arena *arena;
    fs_layout *layout;
    fs_dataset *data;
    fs_icons *icons;
    fs_images *images;
    fs_lang *langs[FS_MAX_LANGS]; /* one per tag of the --lang list */
    fs_fonts *fonts;
    /* The data was read, but some of its rows could not be (a ragged row):
     * data holds the rest, and the run fails all the same. */
    bool data_bad;
} fs_cli_run;

/* Loads the layout (a folder or an installed name), the data folder, the
 * icons, the fonts and each language of langs into r, reporting every
 * problem it can find in one go. Each language's diagnostics (its
 * catalogs, its missing translations) go to lang_diags[i] when lang_diags
 * is given, else to diags. False when anything needed is missing; the
 * caller frees r with fs_cli_free_run either way. */
bool fs_cli_load_run(fs_cli_run *r, const char *layout, const char *data, const fs_cli_langs *langs,
                     bool strict, const char *datadir, fs_diags *diags,
                     fs_diags *const *lang_diags);
void fs_cli_free_run(fs_cli_run *r);

/* For a run whose data was read but for some rows (r->data_bad): binds
 * every document, in each language (and for each key of each, a column
 * of the data, when given), so that the problems of the cells that could
 * be read come out in the same run as the bad rows; nothing is laid out
 * or written. Each problem at a cell is appended to diags once, however
 * many documents share it; problems at the layout's lines are left out,
 * since the missing rows may be their cause. */
void fs_cli_bind_for_problems(const fs_cli_run *r, size_t lang_count, const char *each,
                              fs_diags *diags);

/* Prints every diagnostic to stderr, then a one-line count when there are
 * errors. */
void fs_cli_print(const fs_diags *diags);

/* True when shown (zero-initialised at first) has a diagnostic with diag's
 * file, line, column, severity and message; adds it otherwise: a problem
 * every document of a batch shares (a layout string missing from fr.po)
 * is shown once. When memory runs out diag counts as new: shown twice
 * rather than never. fs_cli_shown_free frees the set. */
bool fs_cli_shown_before(fs_map *shown, const fs_diag *diag);
void fs_cli_shown_free(fs_map *shown);

/* A command that failed with no error to show ran out of memory: every
 * other failure is reported where it happens. Adds that error then. */
void fs_cli_explain_failure(fs_diags *diags);

/* The folder holding fonts/ and layouts/: $FACTSHEET_DATADIR, else the
 * folder of the running binary when it has fonts/fonts.conf (a build tree),
 * else the installed data folder. Returns a static-lifetime or environment
 * string, or a malloc'd one the caller frees (*owned set). */
const char *fs_cli_datadir(char **owned);

/* Stopping signals (Ctrl-C, SIGTERM, SIGHUP) while a command writes files:
 * they remove the temporary files of cleanup (fs_cleanup_stop), then end
 * the process as the signal would have. Call before any other thread is
 * started: the signals are blocked in the calling thread, threads started
 * later inherit that, and a thread of its own waits for them. A signal that
 * the parent set to be ignored (nohup, a shell's background job) stays
 * ignored. NULL when that thread cannot start (out of memory); signals then
 * act as usual. */
typedef struct fs_cli_signals fs_cli_signals;
fs_cli_signals *fs_cli_signals_start(fs_cleanup *cleanup);

/* Stops waiting and restores the signal mask; a signal that came meanwhile
 * then acts as usual. NULL is allowed. */
void fs_cli_signals_stop(fs_cli_signals *signals);

/* Fills set with the signals that stop a command (SIGINT, SIGTERM,
 * SIGHUP), but those the parent set to be ignored. */
void fs_cli_stopping_signals(sigset_t *set);

/* A layout is a folder; a bare name is looked up among the installed
 * layouts of datadir. The result lives in arena (or is arg). */
const char *fs_cli_layout_dir(const char *arg, const char *datadir, fs_arena *arena);

/* The date written into outputs: SOURCE_DATE_EPOCH when set (reproducible
 * builds), else the newest file of the layout and data folders, never the
 * clock, so the same inputs give the same bytes. False with an error when
 * SOURCE_DATE_EPOCH is not a number. */
bool fs_cli_creation_time(const char *layout, const char *data, time_t *out, fs_diags *diags);

#endif
