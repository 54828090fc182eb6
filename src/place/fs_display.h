/* The display list: what placement produces and paint draws. A flat list
 * of draw operations per page in page coordinates (points, origin top left),
 * the same for every output surface. Lives in the document's arena. */
#ifndef FS_DISPLAY_H
#define FS_DISPLAY_H

#include <stddef.h>
#include <stdint.h>

#include "core/fs_arena.h"
#include "core/fs_color.h"
#include "core/fs_diag.h"
#include "place/fs_measure.h"

typedef enum {
    FS_OP_RECT,
    FS_OP_TEXT,
    FS_OP_ICON,
    FS_OP_CIRCLE,
    FS_OP_IMAGE,
    FS_OP_ARC
} fs_op_kind;

/* What a piece of the page is to a reader who cannot see it: the element
 * of a tagged PDF's structure tree (ISO 32000-1, 14.8.4) its ops belong to.
 * Elements form a tree in the document's arena; an element's ops are
 * consecutive in the display list, and elements come in reading order.
 * An op with no element is an artifact: decoration, a running head. */
typedef enum {
    FS_TAG_SECT,       /* a top-level block of the body */
    FS_TAG_H,          /* a heading, of a level */
    FS_TAG_P,          /* a paragraph, a stat tile's sentence */
    FS_TAG_L,          /* a list: its LIs */
    FS_TAG_LI,         /* a list item: its Lbl and LBody */
    FS_TAG_LBL,        /* a list item's marker */
    FS_TAG_LBODY,      /* a list item's paragraphs */
    FS_TAG_BLOCKQUOTE, /* a quote, with its attribution */
    FS_TAG_FIGURE,     /* a chart or a picture, said in its alt text */
    FS_TAG_CAPTION,    /* a picture's caption */
    FS_TAG_SPAN        /* the lines of a paragraph in one column, when it runs on */
} fs_tag_role;

typedef struct fs_tag fs_tag;
struct fs_tag {
    fs_tag_role role;
    int level;            /* FS_TAG_H: 1 to 6 */
    const char *alt;      /* FS_TAG_FIGURE: what it shows, in words; NULL when unknown */
    const fs_tag *parent; /* NULL for a child of the document itself */
};

typedef struct {
    fs_op_kind kind;
    const fs_tag *tag; /* the structure element the op is drawn in; NULL: an artifact */
    double x, y, w, h;
    fs_rgba color; /* fill of rect and circle, ink of text and icon */
    /* What a picture, a chart or a statistic shows, in words, for readers
     * who cannot see it (on the first op of what it describes); else NULL. */
    const char *alt;
    /* The layout node of the box it draws (a Markdown block's line, a cell
     * of the data), so a problem found on the page can point at its box. */
    fs_pos pos;
    union {
        struct {
            double radius;
            fs_rgba stroke;
            double stroke_width; /* 0: no outline */
        } rect;
        struct {
            fs_text text;         /* drawn at (x, y) wrapped at text.width */
            int outline_level;    /* a heading's rank in the PDF outline, 0 for none */
            const char *anchor;   /* a heading's name for links inside the document */
            const fs_link *links; /* clickable ranges of the text */
            size_t link_count;
        };
        struct {
            double start, end; /* angles in radians, clockwise from 3 o'clock */
            double thickness;  /* of the ring, inside the (x, y, w, h) square */
        } arc;
        struct {
            const fs_image *image;
            bool cover; /* fills (x, y, w, h), cropped; else fits inside it */
            /* covering: the point of the picture (shares of its width and
             * height) brought as near the box's centre as its edges allow */
            double focus[2];
        } picture;
        struct {
            uint32_t codepoint;
            const char *family;
            /* the share of the glyph's ink, from its left, that is drawn
             * (a pictogram filled in part); 0 for all of it */
            double part;
        } icon; /* centred in the (x, y, w, h) square */
    };
} fs_op;

typedef struct {
    fs_op *ops;
    size_t count;
    size_t capacity;
} fs_page_ops;

typedef struct {
    double width, height; /* page size in points */
    fs_page_ops *pages;
    size_t page_count;
    /* Per page, the layout node of the block the page starts with (where a
     * page too many is reported). */
    fs_pos *page_starts;
    double *page_used; /* per page, the height the body takes on it */
} fs_display;

/* Appends an op to a page; false when out of memory. */
bool fs_display_add(fs_arena *arena, fs_page_ops *page, const fs_op *op);

#endif
