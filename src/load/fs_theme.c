#include "fs_theme.h"

#include <string.h>

#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include "core/fs_buf.h"
#include "core/fs_suggest.h"
#include "load/fs_yaml.h"

enum { FS_THEME_MAX_ENTRIES = 256 };

typedef struct {
    const char *name;
    fs_rgba color;
} fs_named_color;

typedef struct {
    const char *role;
    const char *family;
    fs_pos pos;
} fs_font_role;

struct fs_theme {
    fs_named_color *colors;
    const char **color_names;
    size_t color_count;
    fs_font_role *fonts;
    size_t font_count;
    fs_style *styles;
    const char **style_names;
    size_t style_count;
    fs_fallbacks fallbacks;
    const char *icon_family;
    const char *icon_folder; /* pictures used as icons by file name, or NULL */
    const char *logo;        /* the brand's mark, or NULL */
    fs_pos logo_pos;
    double caption_gap; /* between a picture and its caption */
    fs_chart_look chart;
};

static const char *const style_keys[] = {"font",     "size",        "weight",      "italic",
                                         "color",    "line-height", "space-after", "space-before",
                                         "tracking", "uppercase",   "hyphenate",   "shrink",      "inherit"};
static const char *const top_keys[] = {"colors", "fonts", "styles",      "icons",   "icon-folder",
                                       "chart",  "logo",  "caption-gap", "fallback"};
static const char *const chart_keys[] = {"color",       "track",       "palette",     "thickness",
                                         "label-style", "value-style", "number-style"};
#define COUNT(array) (sizeof(array) / sizeof((array)[0]))

bool fs_theme_color(const fs_theme *theme, const char *spec, fs_rgba *out)
{
    for (size_t i = 0; i < theme->color_count; i++) {
        if (strcmp(theme->colors[i].name, spec) == 0) {
            *out = theme->colors[i].color;
            return true;
        }
    }
    return fs_color_parse_hex(spec, out);
}

const fs_style *fs_theme_style(const fs_theme *theme, const char *name)
{
    for (size_t i = 0; i < theme->style_count; i++)
        if (strcmp(theme->styles[i].name, name) == 0)
            return &theme->styles[i];
    return NULL;
}

const fs_chart_look *fs_theme_chart(const fs_theme *theme)
{
    return &theme->chart;
}

const char *fs_theme_icon_folder(const fs_theme *theme)
{
    return theme->icon_folder;
}

const char *fs_theme_logo(const fs_theme *theme, fs_pos *where)
{
    if (where)
        *where = theme->logo_pos;
    return theme->logo;
}

double fs_theme_caption_gap(const fs_theme *theme)
{
    return theme->caption_gap;
}

/* A path the theme names, relative to the theme file's folder. */
static const char *theme_relative(const char *theme_path, const char *file, fs_arena *arena)
{
    const char *slash = strrchr(theme_path, '/');
    return file[0] == '/' || !slash
               ? file
               : fs_arena_printf(arena, "%.*s/%s", (int)(slash - theme_path), theme_path, file);
}

const char *fs_theme_icon_family(const fs_theme *theme)
{
    return theme->icon_family;
}

const fs_fallbacks *fs_theme_fallbacks(const fs_theme *theme)
{
    return &theme->fallbacks;
}

size_t fs_theme_family_count(const fs_theme *theme)
{
    return theme->font_count + theme->fallbacks.count;
}

const char *fs_theme_family(const fs_theme *theme, size_t i, fs_pos *where)
{
    bool fallback = i >= theme->font_count;
    const fs_fallback *font = fallback ? &theme->fallbacks.fonts[i - theme->font_count] : NULL;
    if (where)
        *where = fallback ? font->pos : theme->fonts[i].pos;
    return fallback ? font->family : theme->fonts[i].family;
}

size_t fs_theme_style_names(const fs_theme *theme, const char *const **names)
{
    *names = theme->style_names;
    return theme->style_count;
}

size_t fs_theme_color_names(const fs_theme *theme, const char *const **names)
{
    *names = theme->color_names;
    return theme->color_count;
}

static size_t mapping_size(yaml_node_t *node)
{
    return (size_t)(node->data.mapping.pairs.top - node->data.mapping.pairs.start);
}

static bool expect_mapping(fs_yaml *yaml, yaml_node_t *node, const char *what, fs_diags *diags)
{
    if (node->type == YAML_MAPPING_NODE && mapping_size(node) <= FS_THEME_MAX_ENTRIES)
        return true;
    if (node->type == YAML_MAPPING_NODE)
        fs_error(diags, fs_yaml_pos(yaml, node), NULL, "'%s' has more than %d entries", what,
                 FS_THEME_MAX_ENTRIES);
    else
        fs_error(diags, fs_yaml_pos(yaml, node), "write one 'name: value' per line below it",
                 "'%s' must be a mapping, not %s", what, fs_yaml_kind(node));
    return false;
}

#define THEME_COLOR_HINT "use a colour named under 'colors:' or a hex value such as \"#1d5c96\""

static void color_error(fs_yaml *yaml, const fs_theme *theme, yaml_node_t *node, fs_diags *diags)
{
    const char *spec = fs_yaml_scalar(node);
    const char *best;
    fs_buf hint = {0};
    if (fs_suggest(spec, theme->color_names, theme->color_count, &best, 1))
        fs_buf_printf(&hint, "did you mean '%s'? ", best);
    fs_buf_puts(&hint, THEME_COLOR_HINT);
    fs_error(diags, fs_yaml_pos(yaml, node), fs_buf_str(&hint), "unknown colour '%s'", spec);
    fs_buf_free(&hint);
}

static bool read_colors(fs_yaml *yaml, yaml_node_t *node, fs_theme *theme, fs_arena *arena,
                        fs_diags *diags)
{
    if (!expect_mapping(yaml, node, "colors", diags))
        return false;
    size_t count = mapping_size(node) + 2;
    theme->colors = fs_arena_array(arena, count, sizeof(fs_named_color));
    theme->color_names = fs_arena_array(arena, count, sizeof(char *));
    if (!theme->colors || !theme->color_names)
        return false;
    theme->colors[0] = (fs_named_color){"white", {1, 1, 1, 1}};
    theme->colors[1] = (fs_named_color){"black", {0, 0, 0, 1}};
    theme->color_count = 2;
    bool ok = true;
    for (yaml_node_pair_t *pair = node->data.mapping.pairs.start;
         pair < node->data.mapping.pairs.top; pair++) {
        yaml_node_t *key = fs_yaml_node(yaml, pair->key);
        yaml_node_t *value = fs_yaml_node(yaml, pair->value);
        const char *name = fs_yaml_scalar(key);
        const char *spec = fs_yaml_scalar(value);
        fs_rgba color;
        if (spec && !*spec && value->data.scalar.style == YAML_PLAIN_SCALAR_STYLE) {
            /* `surface: #EEF4F7` is a key and a comment: YAML reads no value. */
            fs_error(diags, fs_yaml_pos(yaml, value), "quote hex colours: surface: \"#EEF4F7\"",
                     "colour '%s' has no value: an unquoted '#' starts a YAML comment",
                     name ? name : "?");
            ok = false;
            continue;
        }
        if (!name || !spec || !fs_color_parse_hex(spec, &color)) {
            fs_error(diags, fs_yaml_pos(yaml, value), "write colours as hex: \"#1d5c96\"",
                     "colour '%s' must be a hex value", name ? name : "?");
            ok = false;
            continue;
        }
        /* A colour named again, white or black included, replaces the
         * earlier one instead of hiding behind it. */
        size_t at = 0;
        while (at < theme->color_count && strcmp(theme->colors[at].name, name) != 0)
            at++;
        theme->colors[at] = (fs_named_color){fs_arena_strdup(arena, name), color};
        if (at == theme->color_count)
            theme->color_count++;
    }
    for (size_t i = 0; i < theme->color_count; i++)
        theme->color_names[i] = theme->colors[i].name;
    return ok;
}

static bool read_fonts(fs_yaml *yaml, yaml_node_t *node, fs_theme *theme, fs_arena *arena,
                       fs_diags *diags)
{
    if (!expect_mapping(yaml, node, "fonts", diags))
        return false;
    theme->fonts = fs_arena_array(arena, mapping_size(node), sizeof(fs_font_role));
    if (!theme->fonts)
        return false;
    bool ok = true;
    for (yaml_node_pair_t *pair = node->data.mapping.pairs.start;
         pair < node->data.mapping.pairs.top; pair++) {
        yaml_node_t *key = fs_yaml_node(yaml, pair->key);
        yaml_node_t *value = fs_yaml_node(yaml, pair->value);
        fs_font_role *role = &theme->fonts[theme->font_count];
        role->role = fs_arena_strdup(arena, fs_yaml_scalar(key) ? fs_yaml_scalar(key) : "");
        role->pos = fs_yaml_pos(yaml, value);
        if (!fs_yaml_string(yaml, value, role->role, arena, &role->family, diags)) {
            ok = false;
            continue;
        }
        theme->font_count++;
    }
    return ok;
}

/* True when name is a script ICU knows by its Unicode name or code
 * ("arabic", "Arab", "han"), or "emoji". */
static bool known_script(const char *name)
{
    return strcmp(name, "emoji") == 0 || u_getPropertyValueEnum(UCHAR_SCRIPT, name) >= 0;
}

/* An unknown script name: the nearest of ICU's script names (and "emoji"),
 * lower-cased as the examples write them. */
static void script_error(fs_yaml *yaml, yaml_node_t *key, const char *name, fs_arena *arena,
                         fs_diags *diags)
{
    enum { LAST = USCRIPT_CODE_LIMIT };
    const char *names[LAST + 1];
    size_t count = 0;
    names[count++] = "emoji";
    for (int code = 0; code < LAST; code++) {
        const char *long_name = u_getPropertyValueName(UCHAR_SCRIPT, code, U_LONG_PROPERTY_NAME);
        char *lower = long_name ? fs_arena_strdup(arena, long_name) : NULL;
        for (char *c = lower; c && *c; c++)
            *c = (char)(*c >= 'A' && *c <= 'Z' ? *c - 'A' + 'a' : *c);
        if (lower)
            names[count++] = lower;
    }
    fs_buf hint = {0};
    const char *best;
    if (fs_suggest(name, names, count, &best, 1))
        fs_buf_printf(&hint, "did you mean '%s'? ", best);
    fs_buf_puts(&hint, "write a Unicode script name, such as arabic, bengali, devanagari, "
                       "ethiopic or han, or emoji");
    fs_error(diags, fs_yaml_pos(yaml, key), fs_buf_str(&hint), "unknown script '%s' in 'fallback'",
             name);
    fs_buf_free(&hint);
}

/* 'fallback': script names and the family that draws each, joined for
 * pango in the order written. */
static bool read_fallbacks(fs_yaml *yaml, yaml_node_t *node, fs_theme *theme, fs_arena *arena,
                           fs_diags *diags)
{
    if (!expect_mapping(yaml, node, "fallback", diags))
        return false;
    fs_fallback *fonts = fs_arena_array(arena, mapping_size(node), sizeof *fonts);
    if (!fonts && mapping_size(node) > 0)
        return false;
    size_t count = 0;
    bool ok = true;
    fs_buf families = {0};
    for (yaml_node_pair_t *pair = node->data.mapping.pairs.start;
         pair < node->data.mapping.pairs.top; pair++) {
        yaml_node_t *key = fs_yaml_node(yaml, pair->key);
        yaml_node_t *value = fs_yaml_node(yaml, pair->value);
        const char *script = fs_yaml_scalar(key) ? fs_yaml_scalar(key) : "";
        if (!known_script(script)) {
            script_error(yaml, key, script, arena, diags);
            ok = false;
            continue;
        }
        fs_fallback *font = &fonts[count];
        font->script = fs_arena_strdup(arena, script);
        font->pos = fs_yaml_pos(yaml, value);
        if (!font->script || !fs_yaml_string(yaml, value, script, arena, &font->family, diags)) {
            ok = false;
            continue;
        }
        fs_buf_printf(&families, "%s%s", count ? "," : "", font->family);
        count++;
    }
    theme->fallbacks.fonts = fonts;
    theme->fallbacks.count = count;
    theme->fallbacks.families = fs_arena_strdup(arena, fs_buf_str(&families));
    ok = ok && fs_buf_ok(&families) && theme->fallbacks.families;
    fs_buf_free(&families);
    return ok;
}

static const char *font_family(const fs_theme *theme, const char *role)
{
    for (size_t i = 0; i < theme->font_count; i++)
        if (strcmp(theme->fonts[i].role, role) == 0)
            return theme->fonts[i].family;
    return NULL;
}

static bool read_weight(fs_yaml *yaml, yaml_node_t *node, int *weight, fs_diags *diags)
{
    static const char *const names[] = {"thin",     "extralight", "light",     "regular", "medium",
                                        "semibold", "bold",       "extrabold", "black",   NULL};
    const char *text = fs_yaml_scalar(node);
    if (text && text[0] >= '0' && text[0] <= '9') {
        long value;
        if (!fs_yaml_int(yaml, node, "weight", 100, 900, &value, diags))
            return false;
        *weight = (int)value;
        return true;
    }
    int index;
    if (!fs_yaml_choice(yaml, node, "weight", names, &index, diags))
        return false;
    *weight = (index + 1) * 100;
    return true;
}

static bool read_style_key(fs_yaml *yaml, const fs_theme *theme, const char *key,
                           yaml_node_t *value, fs_style *style, fs_arena *arena, fs_diags *diags)
{
    if (strcmp(key, "font") == 0) {
        const char *role = fs_yaml_scalar(value);
        const char *family = role ? font_family(theme, role) : NULL;
        if (!family) {
            fs_error(diags, fs_yaml_pos(yaml, value),
                     "name a font role defined under 'fonts:', such as 'sans'",
                     "unknown font role '%s'", role ? role : "?");
            return false;
        }
        style->family = family;
        return true;
    }
    if (strcmp(key, "size") == 0)
        return fs_yaml_length(yaml, value, "size", &style->size, diags);
    if (strcmp(key, "weight") == 0)
        return read_weight(yaml, value, &style->weight, diags);
    if (strcmp(key, "italic") == 0)
        return fs_yaml_bool(yaml, value, "italic", &style->italic, diags);
    if (strcmp(key, "uppercase") == 0)
        return fs_yaml_bool(yaml, value, "uppercase", &style->uppercase, diags);
    if (strcmp(key, "hyphenate") == 0)
        return fs_yaml_bool(yaml, value, "hyphenate", &style->hyphenate, diags);
    if (strcmp(key, "line-height") == 0)
        return fs_yaml_number(yaml, value, "line-height", 0.8, 3.0, &style->line_height, diags);
    if (strcmp(key, "space-after") == 0)
        return fs_yaml_length(yaml, value, "space-after", &style->space_after, diags);
    if (strcmp(key, "space-before") == 0)
        return fs_yaml_length(yaml, value, "space-before", &style->space_before, diags);
    if (strcmp(key, "tracking") == 0)
        return fs_yaml_length(yaml, value, "tracking", &style->tracking, diags);
    if (strcmp(key, "shrink") == 0)
        return fs_yaml_number(yaml, value, "shrink", 0.5, 1.0, &style->min_scale, diags);
    if (strcmp(key, "color") == 0) {
        const char *spec = fs_yaml_scalar(value);
        if (spec && fs_theme_color(theme, spec, &style->color))
            return true;
        if (spec)
            color_error(yaml, theme, value, diags);
        else
            fs_error(diags, fs_yaml_pos(yaml, value), NULL, "'color' must be text");
        return false;
    }
    (void)arena;
    return false;
}

static bool read_style(fs_yaml *yaml, yaml_node_t *node, fs_theme *theme, fs_style *style,
                       fs_arena *arena, fs_diags *diags)
{
    if (!expect_mapping(yaml, node, style->name, diags))
        return false;
    bool ok = true;
    /* 'inherit' first, whatever its place, so the other keys override it. */
    for (yaml_node_pair_t *pair = node->data.mapping.pairs.start;
         pair < node->data.mapping.pairs.top; pair++) {
        const char *key = fs_yaml_scalar(fs_yaml_node(yaml, pair->key));
        if (!key || strcmp(key, "inherit") != 0)
            continue;
        yaml_node_t *value = fs_yaml_node(yaml, pair->value);
        const char *parent = fs_yaml_scalar(value);
        const fs_style *base = parent ? fs_theme_style(theme, parent) : NULL;
        if (parent && strcmp(parent, style->name) == 0) {
            fs_error(diags, fs_yaml_pos(yaml, value),
                     "inherit from another style defined above, or remove 'inherit'",
                     "style '%s' inherits from itself", parent);
            return false;
        }
        if (!base) {
            fs_buf hint = {0};
            fs_suggest_hint(&hint, parent ? parent : "", theme->style_names, theme->style_count,
                            theme->style_count ? "a style inherits from one defined above it: "
                                               : "a style inherits from one defined above it");
            fs_error(diags, fs_yaml_pos(yaml, value), fs_buf_str(&hint),
                     "unknown style '%s' to inherit from", parent ? parent : "?");
            fs_buf_free(&hint);
            return false;
        }
        const char *name = style->name;
        fs_pos pos = style->pos;
        *style = *base;
        style->name = name;
        style->pos = pos;
    }
    for (yaml_node_pair_t *pair = node->data.mapping.pairs.start;
         pair < node->data.mapping.pairs.top; pair++) {
        yaml_node_t *key = fs_yaml_node(yaml, pair->key);
        long k = fs_yaml_key_index(yaml, key, "a style", style_keys, COUNT(style_keys), diags);
        if (k < 0) {
            ok = false;
            continue;
        }
        const char *name = style_keys[k];
        if (strcmp(name, "inherit") == 0)
            continue;
        if (!read_style_key(yaml, theme, name, fs_yaml_node(yaml, pair->value), style, arena,
                            diags))
            ok = false;
    }
    if (!style->family) {
        fs_error(diags, style->pos, "add 'font: sans' (a role from 'fonts:')",
                 "style '%s' names no font", style->name);
        ok = false;
    }
    return ok;
}

static bool read_styles(fs_yaml *yaml, yaml_node_t *node, fs_theme *theme, fs_arena *arena,
                        fs_diags *diags)
{
    if (!expect_mapping(yaml, node, "styles", diags))
        return false;
    size_t count = mapping_size(node);
    theme->styles = fs_arena_array(arena, count, sizeof(fs_style));
    theme->style_names = fs_arena_array(arena, count, sizeof(char *));
    if (!theme->styles || !theme->style_names)
        return false;
    bool ok = true;
    for (yaml_node_pair_t *pair = node->data.mapping.pairs.start;
         pair < node->data.mapping.pairs.top; pair++) {
        yaml_node_t *key = fs_yaml_node(yaml, pair->key);
        fs_style *style = &theme->styles[theme->style_count];
        *style = (fs_style){.weight = 400,
                            .size = 10,
                            .line_height = 1.3,
                            .min_scale = 0.85,
                            .hyphenate = true,
                            .color = {0, 0, 0, 1}};
        style->name = fs_arena_strdup(arena, fs_yaml_scalar(key) ? fs_yaml_scalar(key) : "");
        style->pos = fs_yaml_pos(yaml, key);
        if (!read_style(yaml, fs_yaml_node(yaml, pair->value), theme, style, arena, diags)) {
            ok = false;
            continue;
        }
        theme->style_names[theme->style_count++] = style->name;
    }
    return ok;
}

/* A colour of the theme, by name or hex, at node. */
static bool read_theme_color(fs_yaml *yaml, const fs_theme *theme, yaml_node_t *node, fs_rgba *out,
                             fs_diags *diags)
{
    const char *spec = fs_yaml_scalar(node);
    if (spec && fs_theme_color(theme, spec, out))
        return true;
    if (spec)
        color_error(yaml, theme, node, diags);
    else
        fs_error(diags, fs_yaml_pos(yaml, node), THEME_COLOR_HINT, "a colour must be text, not %s",
                 fs_yaml_kind(node));
    return false;
}

/* A style the chart section names: one of the theme's. */
static bool read_chart_style(fs_yaml *yaml, const fs_theme *theme, yaml_node_t *node,
                             const char *what, const char **out, fs_diags *diags)
{
    const char *name = fs_yaml_scalar(node);
    if (name && fs_theme_style(theme, name)) {
        *out = fs_theme_style(theme, name)->name;
        return true;
    }
    fs_buf hint = {0};
    fs_suggest_hint(&hint, name ? name : "", theme->style_names, theme->style_count,
                    "styles of this theme: ");
    fs_error(diags, fs_yaml_pos(yaml, node), fs_buf_str(&hint), "unknown style '%s' for %s",
             name ? name : "?", what);
    fs_buf_free(&hint);
    return false;
}

/* chart: {color, track, palette: [...], thickness, label-style,
 * value-style, number-style}: the look all the layout's charts share. */
static bool read_chart(fs_yaml *yaml, yaml_node_t *node, fs_theme *theme, fs_arena *arena,
                       fs_diags *diags)
{
    if (!expect_mapping(yaml, node, "chart", diags))
        return false;
    fs_chart_look *look = &theme->chart;
    bool ok = true;
    for (yaml_node_pair_t *pair = node->data.mapping.pairs.start;
         pair < node->data.mapping.pairs.top; pair++) {
        long k = fs_yaml_key_index(yaml, fs_yaml_node(yaml, pair->key), "the chart section",
                                   chart_keys, COUNT(chart_keys), diags);
        yaml_node_t *value = fs_yaml_node(yaml, pair->value);
        switch (k) {
        case 0:
            ok =
                (look->has_color = read_theme_color(yaml, theme, value, &look->color, diags)) && ok;
            break;
        case 1:
            ok =
                (look->has_track = read_theme_color(yaml, theme, value, &look->track, diags)) && ok;
            break;
        case 2: {
            size_t count =
                value->type == YAML_SEQUENCE_NODE
                    ? (size_t)(value->data.sequence.items.top - value->data.sequence.items.start)
                    : 0;
            if (count == 0 || count > FS_THEME_MAX_ENTRIES) {
                fs_error(diags, fs_yaml_pos(yaml, value),
                         "write the colours in order: palette: [accent, primary, \"#7A5C00\"]",
                         "'palette' must be a list of 1 to %d colours", FS_THEME_MAX_ENTRIES);
                ok = false;
                break;
            }
            fs_rgba *colors = fs_arena_array(arena, count, sizeof *colors);
            if (!colors)
                return false;
            bool all = true;
            for (size_t i = 0; i < count; i++)
                all = read_theme_color(yaml, theme,
                                       fs_yaml_node(yaml, value->data.sequence.items.start[i]),
                                       &colors[i], diags) &&
                      all;
            if (all) {
                look->palette = colors;
                look->palette_count = count;
            }
            ok = all && ok;
            break;
        }
        case 3:
            ok = fs_yaml_length(yaml, value, "thickness", &look->thickness, diags) && ok;
            break;
        case 4:
        case 5:
        case 6: {
            const char **styles[] = {&look->label_style, &look->value_style, &look->number_style};
            ok = read_chart_style(yaml, theme, value, chart_keys[k], styles[k - 4], diags) && ok;
            break;
        }
        default:
            ok = false;
        }
    }
    return ok;
}

fs_theme *fs_theme_load(const char *path, fs_arena *arena, fs_diags *diags)
{
    fs_yaml yaml;
    if (!fs_yaml_open(&yaml, path, arena, diags))
        return NULL;
    fs_theme *theme = fs_arena_alloc(arena, sizeof *theme);
    if (theme)
        theme->fallbacks.families = "";
    yaml_node_t *root = fs_yaml_root(&yaml);
    bool ok = theme && expect_mapping(&yaml, root, "the theme", diags);
    if (theme)
        theme->caption_gap = FS_CAPTION_GAP;
    /* Sections are read in dependency order (styles use colours and fonts),
     * whatever order the file writes them in. */
    static const char *const order[] = {"colors", "fonts", "icons", "styles"};
    for (size_t step = 0; ok && step < COUNT(order); step++) {
        bool found = false;
        for (yaml_node_pair_t *pair = root->data.mapping.pairs.start;
             pair < root->data.mapping.pairs.top; pair++) {
            const char *key = fs_yaml_scalar(fs_yaml_node(&yaml, pair->key));
            if (!key || strcmp(key, order[step]) != 0)
                continue;
            found = true;
            yaml_node_t *value = fs_yaml_node(&yaml, pair->value);
            if (step == 0)
                ok = read_colors(&yaml, value, theme, arena, diags) && ok;
            else if (step == 1)
                ok = read_fonts(&yaml, value, theme, arena, diags) && ok;
            else if (step == 2) {
                const char *role = fs_yaml_scalar(value);
                theme->icon_family = role ? font_family(theme, role) : NULL;
                if (!theme->icon_family) {
                    fs_error(diags, fs_yaml_pos(&yaml, value),
                             "name a font role defined under 'fonts:', such as 'icons'",
                             "unknown font role '%s' for icons", role ? role : "?");
                    ok = false;
                }
            } else
                ok = read_styles(&yaml, value, theme, arena, diags) && ok;
        }
        if (!found && step != 2) {
            fs_error(diags, fs_pos_at(yaml.path, 1, 1), "see layouts/README.md, 'Themes'",
                     "the theme has no '%s' section", order[step]);
            ok = false;
        }
    }
    for (yaml_node_pair_t *pair =
             theme && root->type == YAML_MAPPING_NODE ? root->data.mapping.pairs.start : NULL;
         pair && pair < root->data.mapping.pairs.top; pair++) {
        yaml_node_t *key = fs_yaml_node(&yaml, pair->key);
        long which = fs_yaml_key_index(&yaml, key, "a theme", top_keys, COUNT(top_keys), diags);
        if (which < 0) {
            ok = false;
        } else if (which == 8) {
            ok = read_fallbacks(&yaml, fs_yaml_node(&yaml, pair->value), theme, arena, diags) && ok;
        } else if (which == 5) {
            ok = read_chart(&yaml, fs_yaml_node(&yaml, pair->value), theme, arena, diags) && ok;
        } else if (which == 4 || which == 6) {
            /* A folder of SVG or PNG icons (such as the OCHA set), or the
             * logo's picture, relative to the theme's own folder. */
            yaml_node_t *value = fs_yaml_node(&yaml, pair->value);
            const char *file;
            if (fs_yaml_string(&yaml, value, top_keys[which], arena, &file, diags)) {
                const char **field = which == 4 ? &theme->icon_folder : &theme->logo;
                *field = theme_relative(path, file, arena);
                ok = *field && ok;
                theme->logo_pos = which == 6 ? fs_yaml_pos(&yaml, value) : theme->logo_pos;
            } else {
                ok = false;
            }
        } else if (which == 7) {
            ok = fs_yaml_length(&yaml, fs_yaml_node(&yaml, pair->value), "caption-gap",
                                &theme->caption_gap, diags) &&
                 ok;
        }
    }
    fs_yaml_close(&yaml);
    return ok ? theme : NULL;
}
