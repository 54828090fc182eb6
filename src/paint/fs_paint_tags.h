/* Paint's tagged PDF: the structure elements of a display list
 * (fs_display.h) written as cairo's structure tags around the ops they hold,
 * over every page of one document, and what emit needs to finish the file
 * (fs_pdf_finish.h) gathered on the way.
 *
 * cairo 1.16 marks the content drawn in an element that holds no other
 * element (a P, an H1, a Figure) and leaves content drawn in an element
 * that holds others (a Sect, an L) unmarked; it refuses an "Artifact" tag.
 * So an op of no element is drawn outside every element that holds
 * content, and the file's finishing step marks it as an artifact. */
#ifndef FS_PAINT_TAGS_H
#define FS_PAINT_TAGS_H

#include <cairo.h>
#include <stdbool.h>
#include <stddef.h>

#include "core/fs_buf.h"
#include "place/fs_display.h"

/* Elements open at once, at most: placement nests its deepest (a list item
 * eight lists down) about 27 deep. */
#define FS_PAINT_DEPTH 64

typedef struct {
    bool tagged;                        /* false: a Document around the links only, no element */
    const fs_tag *open[FS_PAINT_DEPTH]; /* outermost first, under the Document */
    size_t depth;
    const fs_tag *in; /* the element the last op was drawn in */
    /* Per element of the tree (the Document, the display list's, and the
     * Spans and Links paint makes for text with links), in the order
     * begun: its alternative text (a Figure's; "" for a Figure without
     * one) and its actual text (an element drawn in several texts, such as
     * a stat tile: their words joined by spaces, owned), NULL for none. */
    const char **alts;
    const char **actuals;
    size_t element_count, element_capacity;
    /* The element the last op was drawn in: its index, its text ops so far
     * and their words. */
    size_t in_index;
    int in_texts;
    const char *in_first; /* the markup of its first text, while its words are not put */
    bool in_pictures;     /* a glyph of its texts is drawn as a picture */
    fs_buf in_words;
    /* Per link annotation, in the order drawn: its words (owned). */
    const char **links;
    size_t link_count, link_capacity;
    int heading;            /* the last heading's level; 0 before the first */
    bool headings_in_order; /* the first heading is H1, and none skips a level down */
    bool figures_described; /* every Figure has an alternative text */
    bool failed;            /* out of memory, or nested deeper than FS_PAINT_DEPTH */
} fs_paint_tags;

/* Starts a document on cr (before its first page): opens its Document
 * tag. */
void fs_paint_tags_begin(fs_paint_tags *tags, cairo_t *cr, bool tagged);

/* Moves cr into the element the next op is drawn in: closes the open
 * elements tag is not in and opens those it is in, outermost first. NULL
 * (an artifact) closes only the element the last op was drawn in. */
void fs_paint_tags_enter(fs_paint_tags *tags, cairo_t *cr, const fs_tag *tag);

/* Records the words of a link annotation just made (length bytes of
 * text), without the invisible line-break opportunities factsheet adds. */
void fs_paint_tags_link(fs_paint_tags *tags, const char *text, size_t length);

/* Begins an element paint makes itself, inside the one ops are drawn in
 * (a Span, a Link with its attributes), and records it; end it with
 * cairo_tag_end. */
void fs_paint_tags_begin_own(fs_paint_tags *tags, cairo_t *cr, const char *name,
                             const char *attributes);

/* Records a text op drawn in the current element (for its actual text):
 * its markup, and pictured: NULL, or, when a glyph of it is drawn as a
 * picture (a colour emoji, which leaves no text in the page's content),
 * the text it draws (read during the call). An element with such a text
 * gets its words as its actual text even when it holds only that one. */
void fs_paint_tags_text(fs_paint_tags *tags, const char *markup, const char *pictured);

/* Ends the document on cr (after its last page): closes every element and
 * the Document. */
void fs_paint_tags_end(fs_paint_tags *tags, cairo_t *cr);

/* Frees what tags gathered (not tags itself). */
void fs_paint_tags_free(fs_paint_tags *tags);

#endif
