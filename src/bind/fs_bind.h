/* Bind: a layout and a data set, in one language, give one document's box
 * tree. This is where placeholders meet table cells and numbers meet the
 * locale. */
#ifndef FS_BIND_H
#define FS_BIND_H

#include "bind/fs_box.h"
#include "core/fs_arena.h"
#include "core/fs_diag.h"
#include "bind/fs_lang.h"
#include "load/fs_dataset.h"
#include "load/fs_icons.h"
#include "load/fs_image.h"
#include "load/fs_layout.h"

/* What a run loaded once and every document binds against. */
typedef struct {
    const fs_layout *layout;
    const fs_dataset *data;
    const fs_icons *icons;
    const fs_lang *lang;
    /* Optional: told of every cell text that reaches the page and is worth
     * translating, with the cell's position (factsheet extract uses it). */
    void (*on_text)(void *context, const char *text, fs_pos where);
    void *on_text_context;
    /* The run's pictures; NULL to bind without loading them (extract). */
    fs_images *images;
    /* Optional: told of every column a placeholder reads (factsheet check
     * lists the columns nothing reads). */
    void (*on_column)(void *context, const fs_table *table, size_t column);
    void *on_column_context;
} fs_bind_input;

/* A cell's text as the document shows it (formatted, translated), and the
 * cell it comes from: placement names the cell when a font cannot draw
 * its text as asked. */
typedef struct {
    const char *text;
    fs_pos pos;
} fs_cell_text;

/* The bound document: body and footer boxes and the PDF metadata, all in
 * the document's arena. */
typedef struct {
    fs_box *body;
    fs_box *header, *footer; /* NULL when the layout has none */
    /* The first page's: the same as header and footer unless the layout
     * gives its own (first-page). */
    fs_box *first_header, *first_footer;
    fs_box *back_page; /* the last page's content, NULL when none */
    const char *title, *subject, *author, *keywords, *lang;
    bool strict; /* problems of the page (a missing glyph) are errors */
    /* The cells bound whose text has a character beyond ASCII (only those
     * can need a fallback font with the text fonts factsheet ships), in
     * the order they were bound. */
    const fs_cell_text *cells;
    size_t cell_count;
} fs_document;

/* Binds the layout to the data for one language into arena. NULL with
 * errors appended when a placeholder names no table or column, a number is
 * needed and a cell is not one, an icon is unknown, ...; every problem is
 * reported. Empty cells are warnings, and so are texts of cells without a
 * translation (errors under strict). Layout strings come translated from
 * the language; a cell's text from its sibling column NAME@LANG, else from
 * the data catalog. */
fs_document *fs_bind(const fs_bind_input *input, fs_arena *arena, fs_diags *diags);

#endif
