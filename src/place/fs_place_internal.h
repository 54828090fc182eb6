/* What the files of placement share, and no one else includes: the placer
 * (one trial's state), the pages being filled, and the functions that lay
 * out one kind of box for the others.
 *
 * Placement runs each box through one function, place_box, in two modes:
 * measuring (no page: only the height is wanted) and drawing (ops are added
 * to the page). A frame measures its content first, so its background can
 * be drawn before what it holds.
 *
 * Placement reads the box tree and never writes it: a document is placed
 * several times to fit a page count (trials), and each trial keeps what it
 * decides (the size of the body's texts, the size each stat group fits at)
 * in its own placer, so it starts clean and reports its own problems.
 *
 *   fs_place.c        the driver: trials, pages, fitting a page count
 *   fs_place_text.c   measuring (with its cache), texts, markers, bars
 *   fs_place_box.c    the switch over box kinds; frames, rows, grids,
 *                     lists, pictures, quotes
 *   fs_place_stat.c   stat tiles and the fit of their numbers as a group
 *   fs_place_chart.c  charts (their arithmetic is fs_chart.c)
 *   fs_place_flow.c   text flowing through columns and pages
 *   fs_place_tags.c   the structure of a tagged PDF: each op's element */
#ifndef FS_PLACE_INTERNAL_H
#define FS_PLACE_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>

#include "core/fs_map.h"
#include "place/fs_place.h"

/* Where the numbers of stat tiles side by side stand (their baseline) and
 * where their labels start, from the tiles' inner top: the largest of
 * each among the tiles, so that they read as one line. */
typedef struct {
    double baseline, label_top;
} stat_marks;

/* How deep Markdown's lists nest in the structure; deeper items join the
 * deepest list. */
#define FS_RUN_DEPTH 8

typedef struct {
    const fs_measurer *measurer;
    fs_arena *arena;
    fs_diags *diags;
    fs_page_ops *page; /* NULL while measuring */
    double page_width, page_height;
    double page_top, page_bottom; /* where bleeding bands reach the page edge */
    bool strict;                  /* a missing glyph is an error */
    const fs_box *current;        /* the box being laid out, for diagnostics */
    fs_map foreign;               /* stretches of text already reported for their font */
    const fs_cell_text *cells;    /* the document's, to name the cell a text comes from */
    size_t cell_count;
    /* Measurements already made: a box is measured again each time a
     * container around it is (to size a frame, a row, a page), and shaping
     * text is most of placement's cost. */
    fs_map measured;
    /* The page a header or footer is drawn on, for {page} and {pages}. */
    size_t page_number, page_count;
    /* The share of their styles' size the texts being laid out are drawn
     * at: the trial's body scale while placing the body, 1 for the running
     * heads; with their copies of the box tree's styles at that scale. */
    double body_scale, text_scale;
    fs_map scaled;
    /* Per stat, the share of its number size its group fits at, decided
     * the first time the trial lays the group out. */
    fs_map fits;
    /* Laying out a stat tile beside others: the marks they share; NULL
     * for a tile on its own. */
    const stat_marks *stat_align;
    /* Laying out a quote's paragraphs outside a flow: the quote draws one
     * bar beside them all, and they draw none of their own. */
    bool beside_bar;
    /* The structure of a tagged PDF (fs_place_tags.c), made while the body
     * is drawn (tagging): the element new elements go under (NULL: the
     * document) and the one the ops drawn now are in (NULL: artifacts);
     * in a run of Markdown blocks, its open lists (the L and the current
     * item's LBody at each depth) and its open quote. */
    bool tagging;
    const fs_tag *group, *leaf;
    const fs_tag *run_lists[FS_RUN_DEPTH], *run_bodies[FS_RUN_DEPTH];
    int run_depth;
    const fs_tag *run_quote;
    bool failed;
} placer;

/* The body's pages: where content goes on the current page. */
typedef struct {
    const fs_document *doc;
    const fs_page_spec *spec;
    fs_display *display;
    size_t capacity, starts_capacity, used_capacity; /* of the display's arrays */
    double x, width;
    double header[2], footer[2]; /* heights on the first page and the others */
    double y, top, bottom;       /* of the current page's body */
} pager;

/* Fitting shrinks texts by whole hundredths of their size (a page's body,
 * a group of stat numbers), so documents of a batch that shrink alike meet
 * at the same sizes, whose fonts and shaped texts pango and the text cache
 * keep, and a note's "95%" is what is drawn. */
enum { FS_FIT_STEPS = 100 };

static const double QUOTE_INDENT = 12;
static const double LIST_INDENT = 1.1; /* a level of list, in sizes of its text */

/* ---- fs_place.c ------------------------------------------------------- */

/* Ends the current page of the body and starts the next one; false (with
 * an error, or out of memory) when the document may have no more pages. */
bool place_start_page(placer *p, pager *g);

/* ---- fs_place_text.c -------------------------------------------------- */

/* The style to measure and draw a style of the box tree with: itself at
 * full size, else its copy at the text scale (made once per trial, in the
 * arena, as ops and measurements keep pointers to their styles). Every
 * style placement reads from a box goes through here, once. */
const fs_text_style *place_scaled(placer *p, const fs_text_style *style);

/* The extent of markup in style at size, wrapped at width (<= 0: one
 * line), from the cache when it was measured before. A text that cannot
 * be laid out is an error (p->failed). */
fs_extent place_measure(placer *p, const char *markup, const fs_text_style *style, double size,
                        double width);

/* Adds op to the page being drawn, with the position of the box being laid
 * out, in the placer's current element (its leaf); nothing while
 * measuring. */
void place_emit(placer *p, const fs_op *op);

/* Draws markup in style at size in the box (x, y, width, height), wrapped
 * at width, with a heading's outline level (0 for none). */
void place_emit_text(placer *p, double x, double y, double width, double height, const char *markup,
                     const fs_text_style *style, double size, int outline_level);

/* Draws markup in style at size on one line from x, y, as
 * place_measure(..., -1) measured it: the layout measured is the one drawn,
 * never wrapped. The op's box is (x, y, width, height). */
void place_emit_line(placer *p, double x, double y, double width, double height, const char *markup,
                     const fs_text_style *style, double size);

/* Draws paragraph i of a text box in its (scaled) style, lines first_line
 * on (line_count of them, 0 for all), with its links, and a heading's
 * outline level and anchor on its first line. */
void place_emit_paragraph(placer *p, const fs_box *box, const fs_text_style *style, size_t i,
                          double x, double y, double width, double height, int first_line,
                          int line_count);

/* A text box: its paragraphs, and a Markdown item's marker or a quote
 * paragraph's bar in its indent. Returns its height. */
double place_text(placer *p, const fs_box *box, double x, double y, double width);

/* How far a list item or quote paragraph of Markdown stands in, in its
 * scaled style, beside a bar or not. */
double place_text_indent(const fs_box *box, const fs_text_style *style, bool bar);

/* A list marker's style: style in bold, in color, aligned to the start;
 * in the arena. */
const fs_text_style *place_marker_style(placer *p, const fs_text_style *style, fs_rgba color);

/* Draws a list marker set right against an item's text at x. */
void place_emit_marker(placer *p, const char *marker, const fs_text_style *style, double size,
                       double x, double y, double height);

/* Draws a quote's bar at x from top to bottom. */
void place_emit_bar(placer *p, const fs_rgba *color, double x, double top, double bottom);

/* ---- fs_place_tags.c -------------------------------------------------- */

/* A new structure element of role (and level, for a heading) under parent,
 * in the arena; NULL when nothing is tagged (measuring, the running heads,
 * out of memory: p->failed). */
const fs_tag *place_tag(placer *p, fs_tag_role role, int level, const fs_tag *parent);

/* A Figure under the current group that says alt. */
const fs_tag *place_figure(placer *p, const char *alt);

/* The element a text box's paragraphs go under: the current group, or in
 * a run of Markdown blocks the list item body or quote the box belongs
 * to. *marker is the Lbl of a list item's marker, or NULL. */
const fs_tag *place_text_group(placer *p, const fs_box *box, const fs_tag **marker);

/* A paragraph's element of a text box under group: H of the box's level
 * for a heading, else P. */
const fs_tag *place_paragraph_tag(placer *p, const fs_box *box, const fs_tag *group);

/* Ends a run of Markdown blocks: the next list or quote is a new one. */
void place_end_run(placer *p);

/* ---- fs_place_box.c --------------------------------------------------- */

/* Lays box out at (x, y), width wide and at least min_height tall (drawing
 * when the placer has a page); returns its height. The one switch over box
 * kinds. */
double place_box(placer *p, const fs_box *box, double x, double y, double width, double min_height);

/* The height of box at width, drawing nothing. */
double place_measure_box(placer *p, const fs_box *box, double width);

/* The fill and outline of a box or stat. */
fs_op place_frame_op(const fs_box *box, double x, double y, double width, double height);

/* The box's gap between its children, or fallback when the layout gives
 * none. */
double place_gap(const fs_box *box, double fallback);

/* The width a child takes of the available width. */
double place_child_width(const fs_box *child, double available);

/* A picture's height at width (without its caption). */
double place_image_height(const fs_box *box, double width);

/* Draws a picture box's picture (not its caption) in figure, and its
 * credit line on it; when bleed, to the page's left and right edges (see
 * place_bleed). */
void place_picture(placer *p, const fs_box *box, double x, double y, double width,
                   const fs_tag *figure, bool bleed);

/* Widens op (drawn at y, height tall) to the page's left and right edges,
 * and to its top or bottom edge when it is the page's first or last block
 * (where no running head is in the way). */
void place_bleed(const placer *p, fs_op *op, double y, double height);

/* The Figure a picture box's picture is drawn in, under the current group;
 * NULL for a decoration (alt: ""). */
const fs_tag *place_picture_tag(placer *p, const fs_box *box);

/* ---- fs_place_stat.c -------------------------------------------------- */

/* Fits the numbers of the stats among boxes (placed side by side, at these
 * widths) to one size, once a trial; warns when they do not fit even at
 * their style's limit. */
void place_fit_numbers(placer *p, const fs_box *const *boxes, const double *widths, size_t count);

/* Draws an icon (a glyph, or a picture drawn like one) in the square of
 * side at (x, y), a glyph in color; alt is the op's alternative text for
 * check and --dump-boxes (NULL: none). */
void place_emit_icon(placer *p, const fs_box_icon *icon, double x, double y, double side,
                     fs_rgba color, const char *alt);

/* The marks shared by the stats among boxes, laid out side by side at
 * these widths (after their numbers are fitted). */
void place_stat_marks(placer *p, const fs_box *const *boxes, const double *widths, size_t count,
                      stat_marks *marks);

/* A stat tile: icon, number, label and comparison line, on the marks of
 * p->stat_align when it is beside others. Returns its height (at least
 * min_height). */
double place_stat(placer *p, const fs_box *box, double x, double y, double width,
                  double min_height);

/* ---- fs_place_chart.c ------------------------------------------------- */

/* A chart of any kind. Returns its height. */
double place_chart(placer *p, const fs_box *box, double x, double y, double width);

/* ---- fs_place_flow.c -------------------------------------------------- */

/* Places a flow from the pager's position, on as many pages as it needs. */
void place_flow(placer *p, pager *g, const fs_box *flow);

#endif
