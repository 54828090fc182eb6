/* The box tree: a layout bound to one document's data in one language.
 * Repeats are expanded, placeholders filled and formatted, texts turned
 * into pango markup, styles and colours resolved. Placement reads it; it
 * lives in the document's arena. */
#ifndef FS_BOX_H
#define FS_BOX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "bind/fs_markdown.h"
#include "core/fs_color.h"
#include "core/fs_diag.h"
#include "load/fs_image.h"
#include "load/fs_layout.h"

/* Stand-ins a header or footer writes for {page} and {pages}: placement
 * replaces them once it knows the numbers (private-use characters, which
 * no text of a document holds). */
#define FS_PAGE_NUMBER "\xee\x80\x80"
#define FS_PAGE_COUNT  "\xee\x80\x81"

/* A text style resolved for one box: the theme's style with the colour and
 * alignment the layout gives it. */
typedef struct {
    const char *name; /* the theme's style ("body"), for messages; NULL when it has none */
    const char *family;
    const fs_fallbacks *fallbacks; /* the theme's, tried for what family lacks; NULL: none */
    int weight;
    bool italic;
    bool uppercase;
    double size;
    double line_height;
    double space_after;
    double tracking;
    double space_before;
    double min_scale;
    bool hyphenate; /* words may break with a hyphen, at the patterns' breaks */
    fs_rgba color;
    fs_align align;
} fs_text_style;

typedef enum {
    FS_BOX_FRAME,
    FS_BOX_ROW,
    FS_BOX_STACK,
    FS_BOX_GRID,
    FS_BOX_TEXT,
    FS_BOX_STAT,
    FS_BOX_LIST,
    FS_BOX_SPACER,
    FS_BOX_RULE,
    FS_BOX_FLOW,  /* children flow through columns and pages */
    FS_BOX_QUOTE, /* children: the quote's paragraphs and attribution */
    FS_BOX_IMAGE, /* a picture; its caption is its one child, when it has one */
    FS_BOX_BREAK, /* a page break, or a column break in a flow */
    FS_BOX_CHART,
    FS_BOX_STRIP, /* pictures of one height side by side, in lines (logos) */
    FS_BOX_ICON   /* one icon alone */
} fs_box_kind;

/* One bar, column or event of a chart, or the one value of a donut, icon
 * array or progress bar. */
/* An icon: a glyph of the theme's icon font, or a picture file drawn like
 * one. */
typedef struct {
    bool has; /* false: no icon */
    uint32_t codepoint;
    const char *family;    /* the icon font */
    const fs_image *image; /* an icon from a picture file, else NULL */
} fs_box_icon;

/* One bar, column or event of a chart, or the one value of a donut, icon
 * array or progress bar; in its colour, with an icon beside its label. */
typedef struct {
    const char *label; /* markup */
    const char *plain; /* the label as plain text, for the alternative text */
    const char *text;  /* the value as shown ("47 %"), or a timeline's date */
    const char *title; /* a timeline phase's title (markup), or NULL */
    const char *plain_title;
    double value; /* a share in percent for donuts and icon arrays */
    bool has_target;
    double target;
    const char *target_text;
    fs_rgba color;
    fs_box_icon icon; /* beside the label (an icon array's pictogram is the chart's) */
} fs_chart_item;

typedef struct fs_box fs_box;

/* A box: what every kind has (where it comes from, its frame, its width in
 * its parent, its children), and one payload per kind in 'as', as cmark's
 * nodes keep theirs. A kind without a payload (frame, row, stack, quote)
 * is its children. */
struct fs_box {
    fs_box_kind kind;
    fs_pos pos; /* the layout node it comes from */

    /* the frame: fill and outline (box, band, stat) */
    bool has_fill, has_border;
    fs_rgba fill, border;
    double border_width, radius;
    fs_edges padding;
    bool bleed; /* a band's fill, a picture, reaches the page's edges */

    /* placement in the parent and of the children */
    fs_width_kind width_kind;
    double width;
    fs_align valign;
    long span;  /* in a grid: the columns it takes; 0 for the kind's default */
    double gap; /* between children; negative for the kind's default */
    fs_box **children;
    size_t child_count;
    /* in a flow: the next block starts in the same column (a heading, an
     * image and its caption, a quote and its attribution) */
    bool keep_with_next;
    /* a row of a repeated column (a case study): in a flow, it starts where
     * its opening and the first lines of its text fit */
    bool section;

    union {
        /* paragraphs of markup; a heading has an outline level and an
         * anchor that links inside the document point at */
        struct {
            const char **paragraphs;
            const fs_link *const *links; /* per paragraph, NULL when none has links */
            const size_t *link_counts;
            size_t paragraph_count;
            fs_text_style style;
            int level;
            const char *anchor;
            /* a list item of Markdown: its marker ("•", "3."; NULL for none,
             * or for an item's further paragraph) and nesting depth (0
             * outside lists) */
            const char *item_marker;
            int depth;
            /* a paragraph of a quote: drawn beside a bar of this colour */
            bool has_bar;
            fs_rgba bar;
        } text;
        /* a hero is the page's headline figure: its number larger, its own
         * fitting group, two columns of a grid unless its span says */
        struct {
            fs_box_icon icon;
            fs_rgba icon_color;
            fs_icon_place icon_place;
            bool hero;
            const char *number, *label; /* markup */
            const char *compare;        /* a comparison line ("3× more than in 2015"), or NULL */
            fs_text_style number_style, label_style, compare_style;
        } stat;
        /* children are the items (text boxes) */
        struct {
            fs_marker marker;
            fs_rgba marker_color;
            fs_text_style style;
        } list;
        /* a picture, contained (at its own proportions, aligned in its
         * width) or covering its box around a focal point; a credit line
         * drawn on it; its caption (the one child) caption_gap below */
        struct {
            const fs_image *image; /* NULL when bound without pictures (extract) */
            bool cover;
            const char *alt;
            double height; /* 0: from the picture's proportions */
            fs_align align;
            double focus[2];
            const fs_box *credit; /* a text box, or NULL */
            double caption_gap;
        } image;
        /* an icon alone, a square of size placed across its width by
         * align, in color; a Figure with alt, else (alt NULL or "") a
         * decoration */
        struct {
            fs_box_icon icon;
            fs_rgba color;
            double size;
            fs_align align;
            const char *alt;
        } icon;
        /* children are pictures, each its own width at this height */
        struct {
            double height;
            fs_align align;
        } strip;
        /* its items; the series colour and its track (the theme's chart
         * look, else a tint of the colour); an icon array's pictogram and
         * count */
        struct {
            fs_chart_kind kind;
            fs_chart_item *items;
            size_t item_count;
            /* labels; values beside bars and a timeline's dates; a donut's
             * and an icon array's share */
            fs_text_style style, value_style, number_style;
            fs_rgba color, track;
            double thickness; /* of bars and phases, 0: the kind's own */
            fs_box_icon icon;
            long total;
            bool across;
            double height; /* 0: the kind's default */
            const char *alt;
        } chart;
        struct {
            long columns;
            fs_last_row last_row;
        } grid;
        /* children flow through columns and pages */
        struct {
            long columns;
        } flow;
        /* a column break in a flow, else a page break */
        struct {
            bool column;
        } brk;
        struct {
            double height;
        } spacer;
        struct {
            double height;
            fs_rgba color;
        } rule;
    } as;
};

#endif
