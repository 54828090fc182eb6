/* The design check: what a designer would send back on a placed document,
 * read from its display list and its box tree, as the dump reads them
 * (nothing is drawn to a file). factsheet check reports these as problems
 * of kind "design", each at the layout line of the box it concerns:
 *   - text under 8 pt, as printed (after any shrinking to fit);
 *   - text whose contrast with what is under it is under 4.5:1 (WCAG AA):
 *     the fills and pictures drawn before it, mixed as they show under the
 *     text's box (over a picture, its mean colour there);
 *   - lines of more than 90 characters (good body text runs 45 to 75);
 *   - a grid whose last row is less than half full;
 *   - a stat's label of more than 4 lines;
 *   - a heading at the foot of a column: fewer than three lines (or two
 *     list items) after it there, the rest in the next column or page;
 *   - a word cut where no hyphenation pattern allows, being wider than its
 *     text.
 * A problem is reported once per layout line and rule, however many pages
 * or boxes repeat it, and not at a box whose text or numbers overflow. */
#ifndef FS_DESIGN_H
#define FS_DESIGN_H

#include "bind/fs_bind.h"
#include "core/fs_diag.h"
#include "place/fs_display.h"
#include "place/fs_pango.h"

/* The limits of the rules above. */
#define FS_DESIGN_MIN_SIZE      8.0 /* points */
#define FS_DESIGN_MIN_CONTRAST  4.5
#define FS_DESIGN_MAX_LINE      90 /* characters */
#define FS_DESIGN_MAX_LABEL     4  /* lines */
#define FS_DESIGN_HEADING_LINES 3

/* Appends a warning of kind FS_KIND_DESIGN to diags for each problem of
 * the placed document doc, whose display list display is (laid out with
 * pango, in the document's language). False when memory ran out: some
 * problems may be missing. */
bool fs_design_check(const fs_document *doc, const fs_display *display, fs_pango *pango,
                     fs_diags *diags);

#endif
