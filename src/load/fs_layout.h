/* A layout: layouts/NAME/layout.yaml read into a validated tree of nodes,
 * with its theme. Read once per run; every document of the run binds the
 * same tree. Every node keeps its position in layout.yaml so that problems
 * found later (a missing column, text that does not fit) point at it. */
#ifndef FS_LAYOUT_H
#define FS_LAYOUT_H

#include <stdbool.h>
#include <stddef.h>

#include "core/fs_arena.h"
#include "core/fs_diag.h"
#include "i18n/fs_template.h"
#include "load/fs_table.h"
#include "load/fs_theme.h"

/* A missing value prints as an en dash unless the layout says otherwise. */
#define FS_MISSING_DEFAULT "\u2013"

typedef enum {
    FS_NODE_BOX,      /* box and band: a frame around content */
    FS_NODE_ROW,      /* content side by side */
    FS_NODE_COLUMN,   /* content stacked */
    FS_NODE_GRID,     /* cells in columns, optionally one per table row */
    FS_NODE_TEXT,     /* text and heading */
    FS_NODE_STAT,     /* icon + big number + label */
    FS_NODE_LIST,     /* bulleted or numbered items */
    FS_NODE_SPACER,   /* vertical space */
    FS_NODE_RULE,     /* a thin line */
    FS_NODE_FLOW,     /* content flowing through columns and onto further pages */
    FS_NODE_MARKDOWN, /* a Markdown document: paragraphs, headings, lists, quotes */
    FS_NODE_QUOTE,    /* a pull quote with its attribution */
    FS_NODE_IMAGE,    /* a PNG, JPEG or SVG picture with an optional caption */
    FS_NODE_BREAK,    /* the content after it starts a new page or column */
    FS_NODE_CHART,    /* bars, columns, a donut, an icon array, a progress bar, a timeline */
    FS_NODE_LOGOS,    /* a strip of pictures one height, one per row of a table */
    FS_NODE_ICON      /* one icon alone: a glyph of the icon font, or a picture */
} fs_node_kind;

typedef enum {
    FS_CHART_BAR,      /* horizontal bars, one per row */
    FS_CHART_COLUMN,   /* vertical bars, one per row */
    FS_CHART_DONUT,    /* a share of 100% as a ring */
    FS_CHART_ICONS,    /* a share as N of M pictograms */
    FS_CHART_PROGRESS, /* a value against a target */
    FS_CHART_TIMELINE  /* dated events or periods, one per row */
} fs_chart_kind;

typedef enum { FS_ALIGN_START, FS_ALIGN_CENTER, FS_ALIGN_END, FS_ALIGN_JUSTIFY } fs_align;
typedef enum { FS_MARKER_BULLET, FS_MARKER_NUMBER, FS_MARKER_NONE } fs_marker;
typedef enum { FS_WIDTH_AUTO, FS_WIDTH_FIXED, FS_WIDTH_PERCENT } fs_width_kind;

/* Where a stat tile draws its icon: in a disc beside the number, in a disc
 * above it, small in the tile's top corner, or not at all. The label is
 * under the number, the tile's whole width, in each. */
typedef enum { FS_ICON_LEFT, FS_ICON_TOP, FS_ICON_CORNER, FS_ICON_NONE } fs_icon_place;

/* How a grid lays out a row its cells do not fill (its last, or one before
 * a cell too wide for what is left): centred, widened to the full width, or
 * from the start. */
typedef enum { FS_LAST_ROW_CENTER, FS_LAST_ROW_STRETCH, FS_LAST_ROW_START } fs_last_row;

typedef struct {
    double top, right, bottom, left;
} fs_edges;

typedef struct fs_node fs_node;

/* A condition on the rows a repeat walks: the row's column equals value,
 * filled in the scope around the repeat (a join on an id column). */
typedef struct {
    const char *column;
    fs_template *value;
    fs_pos pos;
} fs_where;

/* A node: what several kinds share (position, 'when', frame, width,
 * content, repeat, the value and style most kinds read), and what one kind
 * alone has in 'as', one member per kind. */
struct fs_node {
    fs_node_kind kind;
    const char *kind_name; /* as written: "band", "heading", ... */
    fs_pos pos;
    fs_template *when;   /* the node is drawn only when this fills to some text */
    bool keep_with_next; /* in a flow, starts in the same column as what follows */

    /* frame (box, band; padding also applies to stat) */
    const char *fill;   /* colour spec, NULL for none */
    const char *color;  /* text colour for everything inside, NULL to inherit */
    const char *border; /* colour spec of the outline */
    double border_width;
    double radius;
    fs_edges padding;
    bool bleed; /* band: the fill reaches the page's left and right edges */

    /* placement in the parent */
    fs_width_kind width_kind;
    double width;    /* points, or percent of the parent's width */
    fs_align valign; /* rows: vertical alignment of the content */
    long span;       /* in a grid: the columns the cell takes; 0 for the kind's default */

    /* containers */
    fs_node **content;
    size_t content_count;
    double gap;         /* between children (row and column gap of a grid) */
    long columns;       /* grid, flow */
    const char *repeat; /* table whose rows the item repeats over */
    fs_node *item;      /* grid/list template repeated per row */
    fs_where *where;    /* only the rows that match every condition */
    size_t where_count;

    /* read by several kinds */
    fs_template *value;        /* text, heading, stat (its number), markdown, quote, chart; a
                                  repeated list's item */
    const char *style;         /* theme style name */
    fs_align align;            /* texts; pictures: left, center or right */
    fs_template *icon, *label; /* stat, chart; icon: also the icon node */
    const char *number_style;  /* stat; a chart's, NULL for its theme's */
    double height;             /* spacer and rule; image and chart (0: their own); logos */
    fs_template *alt;          /* image, chart, logos, icon */

    union {
        struct {
            long level; /* a heading's, 1-3 */
        } text;
        struct {
            fs_template **items; /* written in the layout */
            size_t item_count;
            fs_marker marker;
        } list;
        struct {
            fs_template *number;  /* its value */
            fs_template *compare; /* a comparison line under the label */
            const char *label_style;
            fs_icon_place icon_place;
            bool hero;              /* the page's headline figure, drawn larger */
            const char *hero_style; /* its number's style; NULL for the default */
        } stat;
        /* the first cell as the hero; the rows its cells do not fill */
        struct {
            bool hero_first;
            fs_last_row last_row;
        } grid;
        struct {
            fs_template *file; /* a file of the data folder instead of value */
        } markdown;
        struct {
            fs_template *by;
        } quote;
        /* path relative to the data folder (a logos strip's, per row);
         * cover crops to fill the box around the focal point (shares of
         * the picture's width and height from its top left); a credit
         * line drawn on the picture; logo: the theme's logo instead of
         * src */
        struct {
            fs_template *src, *caption, *credit;
            bool cover;
            double focus[3]; /* across, down, and 1 when the layout gives it */
            bool logo;
        } image;
        /* a column break inside a flow, else a page break */
        struct {
            bool column;
        } brk;
        /* its kind, the target of a progress bar or of each bar, and the
         * number of pictograms of an icon array */
        struct {
            fs_chart_kind kind;
            bool has_kind;
            fs_template *target;
            long total;
            bool across;         /* a timeline from left to right rather than down */
            fs_template *title;  /* a timeline's phase titles */
            const char **colors; /* the rows' colours in turn ('colors'), or NULL */
            size_t color_count;
            bool palette; /* colors: palette: the theme's chart palette */
        } chart;
    } as;
};

typedef struct {
    double width, height; /* points */
    fs_edges margin;
    double gap;     /* between the body's blocks; negative for the default */
    long max_pages; /* the most pages the body may take, texts shrunk to fit; 0: any */
    fs_pos pos;     /* where the layout sets the page up */
} fs_page_spec;

typedef struct {
    const char *dir;  /* the layout's folder */
    const char *path; /* its layout.yaml */
    fs_page_spec page;
    fs_theme *theme;
    fs_node *body;   /* a column */
    fs_node *header; /* columns drawn on every page, NULL when none */
    fs_node *footer;
    /* The first page's own header and footer, NULL when the layout gives
     * none ('first-page'); an empty column draws nothing. */
    fs_node *first_header, *first_footer;
    /* A last page of its own (contacts, credits, the date), its content
     * at the page's foot, without running heads; NULL when none. */
    fs_node *back_page;
    fs_template *title, *subject, *author, *keywords; /* PDF metadata */
    /* How a missing value (N/A, -, an empty cell of a number column) prints;
     * NULL for FS_MISSING_DEFAULT. A layout text, translated. */
    fs_template *missing;
    /* What the layout declares of the data's columns ('tables'). */
    fs_table_decl *tables;
    size_t table_count;
} fs_layout;

/* Calls visit for every text template the layout writes, in document order:
 * node values, labels, list items and item templates, then the metadata
 * and the text of a missing value.
 * Icon names and stat numbers are not texts. */
void fs_layout_each_text(const fs_layout *layout,
                         void (*visit)(void *context, const fs_template *text), void *context);

/* Reads DIR/layout.yaml and the theme it names into arena. NULL with errors
 * appended when anything is wrong; every problem found is reported. */
fs_layout *fs_layout_load(const char *dir, fs_arena *arena, fs_diags *diags);

/* The same from YAML in memory (path names it in diagnostics; the theme is
 * looked up next to path). */
fs_layout *fs_layout_parse(const char *path, const char *bytes, size_t length, fs_arena *arena,
                           fs_diags *diags);

#endif
