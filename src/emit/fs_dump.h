/* A text dump of a placed document: every draw operation with its position
 * and size, and the exact text of text operations. Tests compare it as
 * text (the exact characters, U+202F included, which pdftotext cannot
 * show), and it shows a layout author where every box went. */
#ifndef FS_DUMP_H
#define FS_DUMP_H

#include <stdbool.h>

#include "core/fs_cleanup.h"
#include "core/fs_diag.h"
#include "place/fs_display.h"
#include "place/fs_pango.h"

/* Writes the dump of display to path atomically, texts as pango lays them
 * out in lines (in pango's current language: the document's); cleanup
 * (may be NULL) is the run's list of named temporaries (fs_output_open).
 * False with an error when it cannot be written. */
bool fs_dump_write(const fs_display *display, fs_pango *pango, const char *path,
                   fs_cleanup *cleanup, fs_diags *diags);

#endif
