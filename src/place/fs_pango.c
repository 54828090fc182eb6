#include "fs_pango.h"

#include "core/fs_alloc.h"
#include "core/fs_map.h"

#include <pango/pangocairo.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Layouts are kept by content: placement measures a text and paint draws
 * it, and in a batch most texts (labels, headings, the shared paragraphs)
 * come again in every document. Shaping is most of the cost of a page, so
 * each distinct text is shaped once per thread. Colour is not part of a
 * layout (paint sets it), so it is not part of the key. */
typedef struct {
    fs_text_style style;
    double size, width;
    PangoLanguage *language;
    PangoLayout *layout;
    char markup[];
} cached_layout;

/* Past this many layouts the cache starts again: a bound on memory for a
 * batch of any length. It holds a document's texts (a page has a few
 * hundred) and those every document repeats; a larger cache only keeps
 * other documents' own texts, and emptying thousands of layouts at once
 * left the heap fragmented: 4096 let a batch grow by about 8 KiB a
 * document (38 MiB at 1,000 documents, 65 MiB at 5,000), 512 keeps it near
 * 30 MiB at no cost in speed. */
enum { FS_PANGO_CACHE_MAX = 512 };

struct fs_pango {
    PangoFontMap *map;
    PangoContext *context;
    PangoLanguage *language;
    fs_map cache; /* of cached_layout, each on the heap */
    /* The icon font is asked for once per size; keep the last one. */
    PangoFont *icon_font;
    PangoFontDescription *icon_description;
};

static PangoLayout *new_layout(fs_pango *pango, const fs_text *text);

fs_pango *fs_pango_create(PangoFontMap *map)
{
    fs_pango *pango = fs_calloc(1, sizeof *pango);
    if (!pango)
        return NULL;
    pango->map = g_object_ref(map);
    pango->context = pango_font_map_create_context(map);
    /* Unhinted outlines and metrics at 72 units per inch: one unit is one
     * point, and a text measures the same on PDF, PNG at any dpi and SVG. */
    cairo_font_options_t *options = cairo_font_options_create();
    cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
    cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY);
    pango_cairo_context_set_font_options(pango->context, options);
    cairo_font_options_destroy(options);
    pango_cairo_context_set_resolution(pango->context, 72);
    pango_context_set_round_glyph_positions(pango->context, FALSE);
    fs_pango_set_language(pango, "en");
    return pango;
}

static void cache_clear(fs_pango *pango)
{
    size_t at = 0;
    for (cached_layout *entry; (entry = fs_map_next(&pango->cache, &at));) {
        g_object_unref(entry->layout);
        free(entry);
    }
    fs_map_free(&pango->cache);
}

/* What a layout is looked up by: a text in a language. */
typedef struct {
    const fs_text *text;
    PangoLanguage *language;
} layout_key;

/* What shapes a text: its markup and every style field but the colour. */
static uint64_t text_hash(const layout_key *key)
{
    const fs_text *text = key->text;
    const fs_text_style *st = text->style;
    uint64_t hash = fs_hash(FS_HASH_SEED, text->markup, strlen(text->markup));
    const void *family = st->family;
    hash = fs_hash(hash, &family, sizeof family);
    hash = fs_hash(hash, &key->language, sizeof key->language);
    double numbers[] = {st->size,        st->line_height, st->tracking,
                        st->space_after, text->size,      text->width};
    hash = fs_hash(hash, numbers, sizeof numbers);
    int flags[] = {st->weight, st->italic, st->uppercase, (int)st->align};
    return fs_hash(hash, flags, sizeof flags);
}

static bool same_text(const void *item, const void *key)
{
    const cached_layout *entry = item;
    const fs_text *text = ((const layout_key *)key)->text;
    const fs_text_style *a = &entry->style, *b = text->style;
    return entry->size == text->size && entry->width == text->width &&
           entry->language == ((const layout_key *)key)->language && a->family == b->family &&
           a->weight == b->weight && a->italic == b->italic && a->uppercase == b->uppercase &&
           a->size == b->size && a->line_height == b->line_height && a->tracking == b->tracking &&
           a->align == b->align && strcmp(entry->markup, text->markup) == 0;
}

static void cache_put(fs_pango *pango, uint64_t hash, const layout_key *key, PangoLayout *layout)
{
    if (pango->cache.count >= FS_PANGO_CACHE_MAX)
        cache_clear(pango);
    const fs_text *text = key->text;
    size_t length = strlen(text->markup);
    cached_layout *entry = fs_malloc(sizeof *entry + length + 1);
    if (!entry)
        return;
    *entry = (cached_layout){*text->style, text->size, text->width, key->language, layout};
    memcpy(entry->markup, text->markup, length + 1);
    if (fs_map_add(&pango->cache, hash, entry))
        g_object_ref(layout);
    else
        free(entry);
}

void fs_pango_free(fs_pango *pango)
{
    if (!pango)
        return;
    cache_clear(pango);
    if (pango->icon_font)
        g_object_unref(pango->icon_font);
    if (pango->icon_description)
        pango_font_description_free(pango->icon_description);
    g_object_unref(pango->context);
    g_object_unref(pango->map);
    free(pango);
}

void fs_pango_set_language(fs_pango *pango, const char *lang)
{
    pango->language = pango_language_from_string(lang);
    pango_context_set_language(pango->context, pango->language);
}

PangoLayout *fs_pango_layout(fs_pango *pango, const fs_text *text)
{
    layout_key key = {text, pango->language};
    uint64_t hash = text_hash(&key);
    const cached_layout *known = fs_map_find(&pango->cache, hash, same_text, &key);
    if (known)
        return g_object_ref(known->layout);
    PangoLayout *layout = new_layout(pango, text);
    if (layout)
        cache_put(pango, hash, &key, layout);
    return layout;
}

static PangoLayout *new_layout(fs_pango *pango, const fs_text *text)
{
    const fs_text_style *style = text->style;
    PangoLayout *layout = pango_layout_new(pango->context);
    PangoFontDescription *font = pango_font_description_new();
    pango_font_description_set_family(font, style->family);
    pango_font_description_set_weight(font, (PangoWeight)style->weight);
    pango_font_description_set_style(font, style->italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
    pango_font_description_set_absolute_size(font, text->size * PANGO_SCALE);
    pango_layout_set_font_description(layout, font);
    pango_font_description_free(font);

    pango_layout_set_markup(layout, text->markup, -1);
    PangoAttrList *attrs = pango_layout_get_attributes(layout);
    attrs = attrs ? pango_attr_list_copy(attrs) : pango_attr_list_new();
    if (style->tracking != 0)
        pango_attr_list_insert(attrs,
                               pango_attr_letter_spacing_new((int)(style->tracking * text->size /
                                                                   style->size * PANGO_SCALE)));
    if (style->uppercase)
        pango_attr_list_insert(attrs,
                               pango_attr_text_transform_new(PANGO_TEXT_TRANSFORM_UPPERCASE));
    pango_attr_list_insert(attrs, pango_attr_insert_hyphens_new(FALSE));
    /* Line height as in CSS: baselines line_height x size apart, whatever the
     * font's own ascent and descent. (pango_layout_set_line_spacing would
     * multiply the font's height instead.) */
    pango_attr_list_insert(attrs, pango_attr_line_height_new_absolute(
                                      (int)(style->line_height * text->size * PANGO_SCALE)));
    pango_layout_set_attributes(layout, attrs);
    pango_attr_list_unref(attrs);

    if (text->width > 0) {
        pango_layout_set_width(layout, (int)(text->width * PANGO_SCALE));
        pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
    }
    switch (style->align) {
    case FS_ALIGN_CENTER:
        pango_layout_set_alignment(layout, PANGO_ALIGN_CENTER);
        break;
    case FS_ALIGN_END:
        pango_layout_set_alignment(layout, PANGO_ALIGN_RIGHT);
        break;
    case FS_ALIGN_JUSTIFY:
        pango_layout_set_justify(layout, TRUE);
        break;
    case FS_ALIGN_START:
        break;
    }
    return layout;
}

/* Finds the first run pango shaped with another font than the style's
 * (a fallback) or with no glyph at all: the theme's font lacks a character
 * the text needs, such as U+202F in some fonts. */
static void find_foreign(PangoLayout *layout, const char *family, fs_extent *out)
{
    out->foreign_char = 0;
    out->drawn_by_none = false;
    const char *text = pango_layout_get_text(layout);
    PangoLayoutIter *iter = pango_layout_get_iter(layout);
    do {
        PangoLayoutRun *run = pango_layout_iter_get_run_readonly(iter);
        if (!run)
            continue;
        /* pango writes a character no font has into its glyph: the flag
         * and the code point. */
        bool unknown = false;
        gunichar missing = 0;
        for (int g = 0; g < run->glyphs->num_glyphs && !unknown; g++) {
            PangoGlyph glyph = run->glyphs->glyphs[g].glyph;
            unknown = (glyph & PANGO_GLYPH_UNKNOWN_FLAG) != 0;
            missing = glyph & ~PANGO_GLYPH_UNKNOWN_FLAG;
        }
        PangoFontDescription *used = pango_font_describe(run->item->analysis.font);
        const char *used_family = pango_font_description_get_family(used);
        bool other = !used_family || g_ascii_strcasecmp(used_family, family) != 0;
        pango_font_description_free(used);
        if (unknown || other) {
            out->foreign_char = unknown ? missing : g_utf8_get_char(text + run->item->offset);
            out->drawn_by_none = unknown;
            break;
        }
    } while (pango_layout_iter_next_run(iter));
    pango_layout_iter_free(iter);
}

static bool measure(void *context, const fs_text *text, fs_extent *out)
{
    PangoLayout *layout = fs_pango_layout(context, text);
    if (!layout)
        return false;
    PangoRectangle ink, logical;
    pango_layout_get_extents(layout, NULL, &logical);
    out->width = logical.width / (double)PANGO_SCALE;
    out->height = logical.height / (double)PANGO_SCALE;
    out->baseline = pango_layout_get_baseline(layout) / (double)PANGO_SCALE;
    out->lines = pango_layout_get_line_count(layout);
    PangoLayoutLine *first = pango_layout_get_line_readonly(layout, 0);
    if (first) {
        pango_layout_line_get_extents(first, &ink, NULL);
        out->ink_top = out->baseline + ink.y / (double)PANGO_SCALE;
        out->ink_bottom = out->ink_top + ink.height / (double)PANGO_SCALE;
    } else {
        out->ink_top = out->ink_bottom = out->baseline;
    }
    find_foreign(layout, text->style->family, out);
    g_object_unref(layout);
    return true;
}

static int line_bottoms(void *context, const fs_text *text, double *bottoms, int capacity)
{
    PangoLayout *layout = fs_pango_layout(context, text);
    if (!layout)
        return -1;
    PangoLayoutIter *iter = pango_layout_get_iter(layout);
    int count = 0;
    do {
        int top, bottom;
        pango_layout_iter_get_line_yrange(iter, &top, &bottom);
        if (count < capacity)
            bottoms[count] = bottom / (double)PANGO_SCALE;
        count++;
    } while (pango_layout_iter_next_line(iter));
    pango_layout_iter_free(iter);
    g_object_unref(layout);
    return count;
}

fs_measurer fs_pango_measurer(fs_pango *pango)
{
    return (fs_measurer){pango, measure, line_bottoms};
}

bool fs_pango_glyph(fs_pango *pango, const char *family, double size, uint32_t codepoint,
                    cairo_scaled_font_t **font, unsigned long *glyph)
{
    PangoFontDescription *wanted = pango_font_description_new();
    pango_font_description_set_family(wanted, family);
    pango_font_description_set_absolute_size(wanted, size * PANGO_SCALE);
    if (!pango->icon_description ||
        !pango_font_description_equal(wanted, pango->icon_description)) {
        if (pango->icon_font)
            g_object_unref(pango->icon_font);
        if (pango->icon_description)
            pango_font_description_free(pango->icon_description);
        pango->icon_font = pango_font_map_load_font(pango->map, pango->context, wanted);
        pango->icon_description = wanted;
    } else {
        pango_font_description_free(wanted);
    }
    if (!pango->icon_font)
        return false;
    *font = pango_cairo_font_get_scaled_font(PANGO_CAIRO_FONT(pango->icon_font));
    if (!*font)
        return false;
    char utf8[8];
    int length = g_unichar_to_utf8(codepoint, utf8);
    cairo_glyph_t *glyphs = NULL;
    int count = 0;
    cairo_status_t status = cairo_scaled_font_text_to_glyphs(*font, 0, 0, utf8, length, &glyphs,
                                                             &count, NULL, NULL, NULL);
    bool ok = status == CAIRO_STATUS_SUCCESS && count == 1 && glyphs[0].index != 0;
    if (ok)
        *glyph = glyphs[0].index;
    cairo_glyph_free(glyphs);
    return ok;
}
