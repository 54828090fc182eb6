/* Bind: a layout and a data set, in one language, give one document's box
 * tree. This is where placeholders meet table cells and numbers meet the
 * locale. */
#ifndef FS_BIND_H
#define FS_BIND_H

#include "bind/fs_box.h"
#include "core/fs_arena.h"
#include "core/fs_diag.h"
#include "i18n/fs_locale.h"
#include "load/fs_dataset.h"
#include "load/fs_icons.h"
#include "load/fs_layout.h"

/* What a run loaded once and every document binds against. */
typedef struct {
    const fs_layout *layout;
    const fs_dataset *data;
    const fs_icons *icons;
    const fs_locale *locale;
} fs_bind_input;

/* The bound document: body and footer boxes and the PDF metadata, all in
 * the document's arena. */
typedef struct {
    fs_box *body;
    fs_box *footer; /* NULL when the layout has none */
    const char *title, *subject, *author, *keywords, *lang;
} fs_document;

/* Binds the layout to the data for one language into arena. NULL with
 * errors appended when a placeholder names no table or column, a number is
 * needed and a cell is not one, an icon is unknown, ...; every problem is
 * reported. Empty cells are warnings. */
fs_document *fs_bind(const fs_bind_input *input, fs_arena *arena, fs_diags *diags);

/* Fills a template against the data as plain text (no markup), for
 * metadata and tests. NULL after reporting an error. */
const char *fs_bind_plain(const fs_bind_input *input, const fs_template *template,
                          fs_arena *arena, fs_diags *diags);

#endif
