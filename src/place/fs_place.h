/* Placement: a bound document's boxes get positions on pages, and the
 * result is a flat display list. Text is measured through the measurer;
 * the stat numbers of one grid or row share one size that fits the widest.
 * Top-level body blocks that do not fit on a page move to the next one. */
#ifndef FS_PLACE_H
#define FS_PLACE_H

#include "bind/fs_bind.h"
#include "core/fs_arena.h"
#include "core/fs_diag.h"
#include "load/fs_layout.h"
#include "place/fs_display.h"
#include "place/fs_measure.h"

/* Places doc on pages of the given spec into arena. NULL with errors
 * appended when a block is taller than a page or text cannot be measured;
 * texts that had to shrink past their style's limit are warnings. */
fs_display *fs_place(const fs_document *doc, const fs_page_spec *page, const fs_measurer *measurer,
                     fs_arena *arena, fs_diags *diags);

/* The columns a grid's last row takes (its cells' spans), with the
 * number of columns the grid has in *columns; 0 for an empty grid. */
size_t fs_place_grid_last_row(const fs_box *grid, size_t *columns);

/* Default gaps between children, in points, when the layout gives none. */
enum { FS_GAP_STACK = 12, FS_GAP_FRAME = 6, FS_GAP_ROW = 14, FS_GAP_GRID = 10, FS_GAP_LIST = 5 };

/* The most pages one document may have: a runaway repeat over a huge table
 * stops with an error instead of filling the disk. */
enum { FS_MAX_PAGES = 1000 };

#endif
