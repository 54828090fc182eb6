/* The private font set: a fontconfig configuration read from fonts/fonts.conf
 * and a pango font map over it. Made once per run; the font map is shared
 * by every document the run renders on one thread. */
#ifndef FS_FONTS_H
#define FS_FONTS_H

#include <pango/pango.h>
#include <stdbool.h>

#include "core/fs_diag.h"
#include "load/fs_theme.h"

typedef struct fs_fonts fs_fonts;

/* Loads the fontconfig file at conf_path. NULL with an error appended when it
 * is missing or invalid. The caller frees it with fs_fonts_free. */
fs_fonts *fs_fonts_create(const char *conf_path, fs_diags *diags);
void fs_fonts_free(fs_fonts *fonts);

/* Checks that every family the theme names is in the set; an error at the
 * theme's line for each one missing. */
bool fs_fonts_check_theme(const fs_fonts *fonts, const fs_theme *theme, fs_diags *diags);

/* A new font map over the set; the caller unrefs it. Each thread that lays
 * out text makes its own (pango font maps are not thread-safe). */
PangoFontMap *fs_fonts_new_map(const fs_fonts *fonts);

#endif
