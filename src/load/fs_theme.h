/* A theme: the named colours, font families and text styles a layout draws
 * with. Read once per run from the layout's theme.yaml. */
#ifndef FS_THEME_H
#define FS_THEME_H

#include <stdbool.h>
#include <stddef.h>

#include "core/fs_arena.h"
#include "core/fs_color.h"
#include "core/fs_diag.h"

typedef struct {
    const char *name;
    const char *family; /* a font family the fonts/ set must have */
    int weight;         /* CSS scale, 100 to 900 */
    bool italic;
    bool uppercase;
    double size;         /* points */
    double line_height;  /* multiple of size */
    double space_after;  /* points between paragraphs */
    double space_before; /* points above it in a flow (a heading's), dropped at a column's top */
    double tracking;     /* letter spacing, points */
    double min_scale;    /* the smallest a text may shrink to fit, 0.5 to 1 */
    bool hyphenate;      /* words may break with a hyphen (default true) */
    fs_rgba color;
    fs_pos pos; /* where the style is defined */
} fs_style;

typedef struct fs_theme fs_theme;

/* The look every chart of a layout shares, from the theme's 'chart'
 * section; what it leaves out, each chart takes from its defaults. */
typedef struct {
    bool has_color, has_track;
    fs_rgba color;          /* the series' colour */
    fs_rgba track;          /* a track behind a bar, the rest of a donut, an empty pictogram */
    const fs_rgba *palette; /* colours a chart with 'colors: palette' takes row by row */
    size_t palette_count;
    double thickness;         /* of bars, progress bars and a timeline's phases; 0: theirs */
    const char *label_style;  /* the labels', NULL: caption */
    const char *value_style;  /* the values beside bars and a timeline's dates, NULL: the
                                 labels' in bold */
    const char *number_style; /* a donut's and an icon array's share, NULL: stat-number */
} fs_chart_look;

/* Reads a theme file into the arena. NULL with errors appended when the file
 * is unreadable or wrong; every problem found is reported. */
fs_theme *fs_theme_load(const char *path, fs_arena *arena, fs_diags *diags);

/* The style of that name, or NULL. */
const fs_style *fs_theme_style(const fs_theme *theme, const char *name);

/* Resolves a colour given as a theme colour name or as #hex. False when it
 * is neither. */
bool fs_theme_color(const fs_theme *theme, const char *spec, fs_rgba *out);

/* The theme's chart look (every field unset when the theme has no 'chart'). */
const fs_chart_look *fs_theme_chart(const fs_theme *theme);

/* A font the theme names, under 'fallback:', for a script its text fonts
 * lack: pango draws with it what a style's own font has no glyph for. */
typedef struct {
    const char *script; /* the key as written: a Unicode script name ("arabic", "han") or
                           "emoji" */
    const char *family;
    fs_pos pos; /* where the theme names the family */
} fs_fallback;

/* The theme's fallback fonts, in the order it writes them, which is the
 * order they are tried in. */
typedef struct {
    const fs_fallback *fonts;
    size_t count;
    const char *families; /* the families joined by commas, as pango reads a list; "" for none */
} fs_fallbacks;

/* The theme's fallback fonts (count 0 when it names none); valid as long as
 * the theme. */
const fs_fallbacks *fs_theme_fallbacks(const fs_theme *theme);

/* The family named by the theme's icon font. */
const char *fs_theme_icon_family(const fs_theme *theme);

/* The folder the theme's 'icon-folder' names (relative paths resolved from
 * the theme's folder), where icons given by file name are found; NULL when
 * it names none. */
const char *fs_theme_icon_folder(const fs_theme *theme);

/* The picture file of the theme's 'logo' (relative paths resolved from the
 * theme's folder), and where the theme names it; NULL when it has none. */
const char *fs_theme_logo(const fs_theme *theme, fs_pos *where);

/* The space between a picture and its caption ('caption-gap', default
 * FS_CAPTION_GAP points). */
#define FS_CAPTION_GAP 4.0
double fs_theme_caption_gap(const fs_theme *theme);

/* Every font family the theme uses, its fallbacks last, for checking that
 * the fonts exist. */
size_t fs_theme_family_count(const fs_theme *theme);
const char *fs_theme_family(const fs_theme *theme, size_t i, fs_pos *where);

/* All colour names and style names, for did-you-mean hints. */
size_t fs_theme_style_names(const fs_theme *theme, const char *const **names);
size_t fs_theme_color_names(const fs_theme *theme, const char *const **names);

#endif
