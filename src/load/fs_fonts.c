#include "fs_fonts.h"

#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>
#include <stdlib.h>
#include <unistd.h>

#include "core/fs_alloc.h"
#include "core/fs_buf.h"

struct fs_fonts {
    FcConfig *config;
    const char *conf_path;
};

fs_fonts *fs_fonts_create(const char *conf_path, fs_diags *diags)
{
    if (access(conf_path, R_OK) != 0) {
        fs_error(diags, fs_pos_at(conf_path, 0, 0),
                 "reinstall factsheet, or set FACTSHEET_DATADIR to the folder holding fonts/",
                 "the font configuration is missing");
        return NULL;
    }
    /* fontconfig reads a relative name from its own folder, not from the
     * working directory: give it the absolute path. */
    char *absolute = realpath(conf_path, NULL);
    FcConfig *config = absolute ? FcConfigCreate() : NULL;
    bool parsed = config && FcConfigParseAndLoad(config, (const FcChar8 *)absolute, FcTrue);
    free(absolute);
    if (!config || !parsed || !FcConfigBuildFonts(config)) {
        fs_error(diags, fs_pos_at(conf_path, 0, 0), "check the file is valid fontconfig XML",
                 "cannot load the font configuration");
        if (config)
            FcConfigDestroy(config);
        return NULL;
    }
    fs_fonts *fonts = fs_calloc(1, sizeof *fonts);
    if (!fonts) {
        FcConfigDestroy(config);
        return NULL;
    }
    fonts->config = config;
    fonts->conf_path = conf_path;
    /* The set is fontconfig's current configuration too: the first pango
     * font map of a process starts fontconfig's default one (every system
     * font's cache) on a thread of its own, and the first text laid out
     * waits for it: 3 to 37 ms of a cold render, and 63 ms of a -j 2
     * batch's first worker measured under load. With a current
     * configuration that start does nothing, and no system font can come
     * in by way of the default. */
    FcConfigSetCurrent(config);
    return fonts;
}

void fs_fonts_free(fs_fonts *fonts)
{
    if (!fonts)
        return;
    FcConfigDestroy(fonts->config);
    free(fonts);
}

/* True when the set has a face of that family. */
static bool has_family(const fs_fonts *fonts, const char *family)
{
    FcPattern *pattern = FcPatternCreate();
    FcObjectSet *objects = FcObjectSetBuild(FC_FAMILY, (char *)NULL);
    bool found = false;
    if (pattern && objects && FcPatternAddString(pattern, FC_FAMILY, (const FcChar8 *)family)) {
        FcFontSet *set = FcFontList(fonts->config, pattern, objects);
        found = set && set->nfont > 0;
        if (set)
            FcFontSetDestroy(set);
    }
    if (objects)
        FcObjectSetDestroy(objects);
    if (pattern)
        FcPatternDestroy(pattern);
    return found;
}

bool fs_fonts_check_theme(const fs_fonts *fonts, const fs_theme *theme, fs_diags *diags)
{
    bool ok = true;
    for (size_t i = 0; i < fs_theme_family_count(theme); i++) {
        fs_pos where;
        const char *family = fs_theme_family(theme, i, &where);
        if (has_family(fonts, family))
            continue;
        fs_buf hint = {0};
        fs_buf_printf(&hint,
                      "install the Debian package that provides '%s' and add its folder to "
                      "%s (a Noto font: its files to the <acceptfont> list there)",
                      family, fonts->conf_path);
        fs_error(diags, where, fs_buf_str(&hint), "font '%s' is not in factsheet's font set",
                 family);
        fs_buf_free(&hint);
        ok = false;
    }
    return ok;
}

PangoFontMap *fs_fonts_new_map(const fs_fonts *fonts)
{
    PangoFontMap *map = pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT);
    if (map)
        pango_fc_font_map_set_config(PANGO_FC_FONT_MAP(map), fonts->config);
    return map;
}
