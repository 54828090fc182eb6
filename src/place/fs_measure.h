/* Measuring text, behind an interface: placement asks a measurer how large
 * a text is at a width. Production measures with pango (fs_pango.h); unit
 * tests of placement use a fake with fixed advances, so they need no fonts. */
#ifndef FS_MEASURE_H
#define FS_MEASURE_H

#include <stdbool.h>
#include <stdint.h>

#include "bind/fs_box.h"

/* A text to measure or draw: markup in a resolved style at a size. */
typedef struct {
    const char *markup;
    const fs_text_style *style;
    double size;  /* points; the style's size unless shrunk to fit */
    double width; /* wrapping width in points; <= 0 for one unbroken line */
    /* Drawing only: the lines drawn, for a paragraph split across columns
     * or pages (line_count 0: all of them). */
    int first_line, line_count;
} fs_text;

typedef struct {
    double width, height; /* logical extents, points */
    double baseline;      /* first line's baseline from the top */
    double ink_top;       /* first line's ink, from the top */
    double ink_bottom;
    int lines;
    /* Some character was not drawn by the style's own font: a fallback or
     * another font of the set drew it, or no font has it (font_runs says
     * which). */
    bool foreign;
} fs_extent;

/* A stretch of a text that the style's own font did not draw. */
typedef struct {
    char text[96];    /* its characters (the first of them, whole ones), spaces trimmed */
    char family[64];  /* the font that drew them; "" when a character has no glyph */
    uint32_t missing; /* the first character no font has a glyph for, else 0 */
} fs_font_run;

typedef struct {
    void *context;
    /* Fills out for text; false when the text cannot be laid out. */
    bool (*measure)(void *context, const fs_text *text, fs_extent *out);
    /* Fills bottoms with the bottom of each line of text, from the text's
     * top, for up to capacity lines; returns the number of lines (-1 when
     * the text cannot be laid out). Paragraphs split between lines. */
    int (*line_bottoms)(void *context, const fs_text *text, double *bottoms, int capacity);
    /* Fills runs with the stretches of text its style's own font did not
     * draw, in reading order, for up to capacity of them; returns how many
     * there are (-1 when the text cannot be laid out or memory ran out). */
    int (*font_runs)(void *context, const fs_text *text, fs_font_run *runs, int capacity);
} fs_measurer;

#endif
