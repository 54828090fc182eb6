/* Text through pango: the production measurer, and the layouts and icon
 * glyphs paint draws. Measuring and drawing build their layouts with the
 * same function, so what is drawn is what was measured. One fs_pango per
 * thread (pango contexts are not thread-safe); it is made once per run and
 * reused by every document. */
#ifndef FS_PANGO_H
#define FS_PANGO_H

#include <cairo.h>
#include <pango/pango.h>
#include <stdint.h>

#include "place/fs_measure.h"

typedef struct fs_pango fs_pango;

/* A text context over a font map (from fs_fonts_new_map); takes a reference
 * on the map. The caller frees it with fs_pango_free. */
fs_pango *fs_pango_create(PangoFontMap *map);
void fs_pango_free(fs_pango *pango);

/* Sets the language texts are shaped and broken for ("en", "fr"); false
 * when out of memory (the language is unchanged then). */
bool fs_pango_set_language(fs_pango *pango, const char *lang);

/* The measurer placement uses; valid as long as pango. */
fs_measurer fs_pango_measurer(fs_pango *pango);

/* A layout of text at its size, width and style, in points, in the
 * current language. The caller unrefs it. Layouts are kept by content, with
 * their extents (two generations of 256 at most), so a text
 * measured and then drawn, placed again by a trial of the page fit at a
 * size it had, or repeated in every document of a batch, is shaped and
 * measured once. */
PangoLayout *fs_pango_layout(fs_pango *pango, const fs_text *text);

/* The scaled font of family at size points and the glyph of codepoint in
 * it, for drawing icons as outlines. The font is owned by pango and valid
 * until it is freed. False when the family has no glyph for codepoint. */
bool fs_pango_glyph(fs_pango *pango, const char *family, double size, uint32_t codepoint,
                    cairo_scaled_font_t **font, unsigned long *glyph);

#endif
