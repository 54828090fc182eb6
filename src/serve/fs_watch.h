/* Watching the layout and data folders for saves, with inotify: every
 * folder of both trees (subfolders such as icons/ or images/ too, and those
 * made later). A change is sorted by what it asks to read again, so a saved
 * CSV re-reads the tables and nothing else. */
#ifndef FS_WATCH_H
#define FS_WATCH_H

#include <stdbool.h>

#include "core/fs_diag.h"

/* What a change asks to read again (bits). */
enum {
    FS_CHANGE_LAYOUT = 1,  /* layout.yaml or the theme: the layout, and its catalogs */
    FS_CHANGE_CATALOG = 2, /* a PO file of either folder */
    FS_CHANGE_DATA = 4,    /* a CSV table or Markdown text of the data folder */
    FS_CHANGE_PICTURE = 8  /* anything else: a picture or an icon */
};

/* The change a file named name (no folder) asks for, in the layout's tree
 * or the data's (or both, when one folder is both): 0 for the files editors
 * write beside the ones they save (".name.swp", "name~", "#name#", hidden
 * files), which nothing reads. */
unsigned fs_watch_classify(const char *name, bool in_layout, bool in_data);

typedef struct fs_watch fs_watch;

/* Watches the trees under layout_dir and data_dir. NULL with an error when
 * a folder cannot be watched. The caller frees it with fs_watch_free. */
fs_watch *fs_watch_create(const char *layout_dir, const char *data_dir, fs_diags *diags);
void fs_watch_free(fs_watch *watch);

/* The descriptor to poll for input. */
int fs_watch_fd(const fs_watch *watch);

/* Reads the events waiting (never blocks) and returns what they ask to
 * read again, 0 when they touched only files nothing reads. A new folder
 * is watched from then on; lost events (the kernel's queue overflowed)
 * ask for everything. */
unsigned fs_watch_read(fs_watch *watch);

#endif
