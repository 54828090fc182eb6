#include "fs_pango.h"

#include "core/fs_alloc.h"
#include "core/fs_grow.h"
#include "core/fs_map.h"

#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Layouts are kept by content: placement measures a text and paint draws
 * it, and in a batch most texts (labels, headings, the shared paragraphs)
 * come again in every document. Shaping is most of the cost of a page, so
 * each distinct text is shaped once per thread, and measured once: its
 * extent (and, when a flow asks, its lines' bottoms) is kept with it.
 * Colour is not part of a layout (paint sets it), so it is not part of the
 * key. */
typedef struct {
    fs_text_style style;
    double size, width;
    PangoLanguage *language;
    PangoLayout *layout;
    fs_extent extent;
    int line_count; /* of bottoms; -1 until a flow asks */
    double *bottoms;
    char markup[];
} cached_layout;

/* The cache has two generations of at most this many layouts each: a
 * layout found in the old one moves to the young one, and when the young
 * one is full the old one is dropped and the young one becomes old. What a
 * document uses again (its own texts through every trial of the page
 * fit, and what every document repeats) stays; what no document asked
 * for since the last turn goes, a generation at a time, so memory stays
 * bounded for a batch of any length. A page that is fitted places its
 * texts at a few sizes, which the two generations hold. Larger generations
 * keep more of other documents' own texts, and memory then grows with the
 * batch: at 1,024 a batch of 2,000 factsheets took 1.25 times the peak
 * memory of 200 (48 against 39 MiB, -j 2); at 256, 1.10 (40 against 36). */
enum { FS_PANGO_GENERATION = 256 };

/* A context per language: a layout is shaped and broken for its context's
 * language, and a context whose language changed would lay out again every
 * layout made from it. */
typedef struct {
    PangoLanguage *language;
    PangoContext *context;
} language_context;

/* Pango's font map keeps every font pattern it matched, one per font size
 * (and face), and never drops them: 13 KiB a size, 58 MiB more after 5,000
 * sizes than after 500, and a preview saved with new numbers fits each at
 * sizes of its own. Once this many sizes were asked for since it was last
 * emptied, the font map is emptied at the next turn of the generations,
 * with both of them: a layout kept across it would lay out again at its
 * next use (the font map's change reaches every context) and hold the old
 * fonts until then. Emptying takes 0.1 ms; fonts still held draw the same.
 * A batch never comes near it (2,000 country factsheets ask for 10 sizes,
 * the brief for 12), so its layouts stay and its bytes do not change. */
enum { FS_PANGO_FONT_SIZES = 256 };

struct fs_pango {
    PangoFontMap *map;
    double sizes[FS_PANGO_FONT_SIZES]; /* asked for since the font map was emptied */
    size_t size_count;                 /* FS_PANGO_FONT_SIZES: empty it at the next turn */
    fs_map contexts;                   /* of language_context, each on the heap */
    PangoContext *context;
    PangoLanguage *language;
    fs_map young, old;    /* of cached_layout, each on the heap */
    cached_layout *loose; /* the last entry made when the cache had no room */
    /* The icon font is asked for once per size; keep the last one. */
    PangoFont *icon_font;
    PangoFontDescription *icon_description;
};

/* A context over map, set up as every layout needs it. */
static PangoContext *new_context(PangoFontMap *map, PangoLanguage *language)
{
    PangoContext *context = pango_font_map_create_context(map);
    /* Unhinted outlines and metrics at 72 units per inch: one unit is one
     * point, and a text measures the same on PDF, PNG at any dpi and SVG. */
    cairo_font_options_t *options = cairo_font_options_create();
    cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
    cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY);
    pango_cairo_context_set_font_options(context, options);
    cairo_font_options_destroy(options);
    pango_cairo_context_set_resolution(context, 72);
    pango_context_set_round_glyph_positions(context, FALSE);
    pango_context_set_language(context, language);
    return context;
}

fs_pango *fs_pango_create(PangoFontMap *map)
{
    fs_pango *pango = fs_calloc(1, sizeof *pango);
    if (!pango)
        return NULL;
    pango->map = g_object_ref(map);
    if (!fs_pango_set_language(pango, "en")) {
        fs_pango_free(pango);
        return NULL;
    }
    return pango;
}

static void free_entry(cached_layout *entry)
{
    g_object_unref(entry->layout);
    free(entry->bottoms);
    free(entry);
}

static void generation_free(fs_map *generation)
{
    size_t at = 0;
    for (cached_layout *entry; (entry = fs_map_next(generation, &at));)
        free_entry(entry);
    fs_map_free(generation);
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
    const void *fonts[] = {st->family, st->fallbacks};
    hash = fs_hash(hash, fonts, sizeof fonts);
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
           a->fallbacks == b->fallbacks && a->weight == b->weight && a->italic == b->italic &&
           a->uppercase == b->uppercase && a->size == b->size && a->line_height == b->line_height &&
           a->tracking == b->tracking && a->align == b->align &&
           strcmp(entry->markup, text->markup) == 0;
}

/* Adds entry to the young generation, turning the generations first when
 * it is full (dropping both, and emptying the font map, when it asked for
 * all the sizes it keeps); false (entry untouched) when out of memory. */
static bool cache_add(fs_pango *pango, uint64_t hash, cached_layout *entry)
{
    if (pango->young.count >= FS_PANGO_GENERATION) {
        generation_free(&pango->old);
        pango->old = pango->young;
        pango->young = (fs_map){0};
        if (pango->size_count == FS_PANGO_FONT_SIZES) {
            generation_free(&pango->old);
            if (PANGO_IS_FC_FONT_MAP(pango->map))
                pango_fc_font_map_cache_clear(PANGO_FC_FONT_MAP(pango->map));
            pango->size_count = 0;
        }
    }
    return fs_map_add(&pango->young, hash, entry);
}

/* Counts size among the font sizes asked for since the font map was
 * emptied, while there is room for it. */
static void note_size(fs_pango *pango, double size)
{
    for (size_t i = 0; i < pango->size_count; i++)
        if (pango->sizes[i] == size)
            return;
    if (pango->size_count < FS_PANGO_FONT_SIZES)
        pango->sizes[pango->size_count++] = size;
}

static PangoLayout *new_layout(fs_pango *pango, const fs_text *text)
{
    const fs_text_style *style = text->style;
    note_size(pango, text->size);
    PangoLayout *layout = pango_layout_new(pango->context);
    PangoFontDescription *font = pango_font_description_new();
    /* The style's font, then the theme's fallbacks in its order: pango
     * draws each character with the first of them that has it. */
    if (style->fallbacks && style->fallbacks->count) {
        char *families = g_strconcat(style->family, ",", style->fallbacks->families, NULL);
        pango_font_description_set_family(font, families);
        g_free(families);
    } else {
        pango_font_description_set_family(font, style->family);
    }
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
    /* Line height as in CSS: baselines line_height x size apart, whatever the
     * font's own ascent and descent. (pango_layout_set_line_spacing would
     * multiply the font's height instead.) */
    pango_attr_list_insert(attrs, pango_attr_line_height_new_absolute(
                                      (int)(style->line_height * text->size * PANGO_SCALE)));
    pango_layout_set_attributes(layout, attrs);
    pango_attr_list_unref(attrs);

    /* Words break with a hyphen: pango draws one where it ends a line at a
     * soft hyphen (U+00AD, which bind puts where the patterns allow), and
     * where it must cut a word too long for any line (WORD_CHAR); never at
     * a space, a zero-width space or after '-' and '/'. */
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

/* How pango drew one run: the family of its font, and the first character
 * it found no glyph for in any font (pango writes the flag and the code
 * point into the glyph), else 0. The family is pango's, to free. */
static char *run_font(const PangoLayoutRun *run, uint32_t *missing)
{
    *missing = 0;
    for (int g = 0; g < run->glyphs->num_glyphs && !*missing; g++) {
        PangoGlyph glyph = run->glyphs->glyphs[g].glyph;
        if (glyph & PANGO_GLYPH_UNKNOWN_FLAG)
            *missing = glyph & ~PANGO_GLYPH_UNKNOWN_FLAG;
    }
    PangoFontDescription *used = pango_font_describe(run->item->analysis.font);
    char *family = g_strdup(pango_font_description_get_family(used));
    pango_font_description_free(used);
    return family;
}

/* True when the run was not drawn by family, the style's own font: another
 * font drew it, or some character has no glyph. */
static bool run_foreign(const PangoLayoutRun *run, const char *family, char **used,
                        uint32_t *missing)
{
    *used = run_font(run, missing);
    return *missing || !*used || g_ascii_strcasecmp(*used, family) != 0;
}

/* True when some run of layout was not drawn by family. */
static bool has_foreign(PangoLayout *layout, const char *family)
{
    bool foreign = false;
    PangoLayoutIter *iter = pango_layout_get_iter(layout);
    do {
        PangoLayoutRun *run = pango_layout_iter_get_run_readonly(iter);
        char *used = NULL;
        uint32_t missing;
        foreign = run && run_foreign(run, family, &used, &missing);
        g_free(used);
    } while (!foreign && pango_layout_iter_next_run(iter));
    pango_layout_iter_free(iter);
    return foreign;
}

/* The extent of a layout just made, and whether its style's font drew it all. */
static void measure_layout(PangoLayout *layout, const char *family, fs_extent *out)
{
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
    out->foreign = has_foreign(layout, family);
}

/* A copy of entry for the young generation, holding its own reference. */
static cached_layout *copy_entry(const cached_layout *entry)
{
    size_t length = strlen(entry->markup);
    cached_layout *copy = fs_malloc(sizeof *copy + length + 1);
    double *bottoms = NULL;
    if (copy && entry->line_count > 0) {
        bottoms = fs_malloc((size_t)entry->line_count * sizeof *bottoms);
        if (bottoms)
            memcpy(bottoms, entry->bottoms, (size_t)entry->line_count * sizeof *bottoms);
    }
    if (!copy || (entry->line_count > 0 && !bottoms)) {
        free(copy);
        return NULL;
    }
    memcpy(copy, entry, sizeof *copy + length + 1);
    copy->bottoms = bottoms;
    g_object_ref(copy->layout);
    return copy;
}

/* The cache's entry for text in the current language: found, moved up from
 * the old generation, or shaped and measured now. NULL when the text cannot
 * be laid out or memory is short; the entry is the cache's and valid
 * until the next call. */
static cached_layout *entry_for(fs_pango *pango, const fs_text *text)
{
    if (pango->loose) {
        free_entry(pango->loose);
        pango->loose = NULL;
    }
    layout_key key = {text, pango->language};
    uint64_t hash = text_hash(&key);
    cached_layout *known = fs_map_find(&pango->young, hash, same_text, &key);
    if (known)
        return known;
    known = fs_map_find(&pango->old, hash, same_text, &key);
    if (known) {
        /* Found in the old generation: copied into the young one, so that it
         * outlives the next turn (the old entry goes with its generation). */
        cached_layout *copy = copy_entry(known);
        if (copy && cache_add(pango, hash, copy))
            return copy;
        if (copy)
            free_entry(copy);
        return known;
    }
    size_t length = strlen(text->markup);
    cached_layout *entry = fs_malloc(sizeof *entry + length + 1);
    PangoLayout *layout = entry ? new_layout(pango, text) : NULL;
    if (!layout) {
        free(entry);
        return NULL;
    }
    *entry = (cached_layout){.style = *text->style,
                             .size = text->size,
                             .width = text->width,
                             .language = pango->language,
                             .layout = layout,
                             .line_count = -1};
    memcpy(entry->markup, text->markup, length + 1);
    measure_layout(layout, text->style->family, &entry->extent);
    if (cache_add(pango, hash, entry))
        return entry;
    /* No memory to keep it: it lives until the next call. */
    pango->loose = entry;
    return entry;
}

void fs_pango_free(fs_pango *pango)
{
    if (!pango)
        return;
    generation_free(&pango->young);
    generation_free(&pango->old);
    if (pango->loose)
        free_entry(pango->loose);
    size_t at = 0;
    for (language_context *known; (known = fs_map_next(&pango->contexts, &at));) {
        g_object_unref(known->context);
        free(known);
    }
    fs_map_free(&pango->contexts);
    if (pango->icon_font)
        g_object_unref(pango->icon_font);
    if (pango->icon_description)
        pango_font_description_free(pango->icon_description);
    if (pango->map)
        g_object_unref(pango->map);
    free(pango);
}

static bool same_language(const void *item, const void *key)
{
    return ((const language_context *)item)->language == key;
}

bool fs_pango_set_language(fs_pango *pango, const char *lang)
{
    PangoLanguage *language = pango_language_from_string(lang);
    uint64_t hash = fs_hash_pointer(language);
    language_context *known = fs_map_find(&pango->contexts, hash, same_language, language);
    if (!known) {
        known = fs_malloc(sizeof *known);
        if (!known)
            return false;
        *known = (language_context){language, new_context(pango->map, language)};
        if (!fs_map_add(&pango->contexts, hash, known)) {
            g_object_unref(known->context);
            free(known);
            return false;
        }
    }
    pango->language = language;
    pango->context = known->context;
    return true;
}

PangoLayout *fs_pango_layout(fs_pango *pango, const fs_text *text)
{
    const cached_layout *entry = entry_for(pango, text);
    return entry ? g_object_ref(entry->layout) : NULL;
}

static bool measure(void *context, const fs_text *text, fs_extent *out)
{
    const cached_layout *entry = entry_for(context, text);
    if (!entry)
        return false;
    *out = entry->extent;
    return true;
}

/* The bottom of each line of layout, from its top, into bottoms (count of
 * them, the layout's line count). */
static int bottoms_of(PangoLayout *layout, double *bottoms, int capacity)
{
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
    return count;
}

static int line_bottoms(void *context, const fs_text *text, double *bottoms, int capacity)
{
    cached_layout *entry = entry_for(context, text);
    if (!entry)
        return -1;
    if (entry->line_count < 0) {
        int count = pango_layout_get_line_count(entry->layout);
        entry->bottoms = fs_malloc((size_t)count * sizeof *entry->bottoms);
        /* Without memory to keep them, they are read again next time. */
        if (!entry->bottoms)
            return bottoms_of(entry->layout, bottoms, capacity);
        entry->line_count = bottoms_of(entry->layout, entry->bottoms, count);
    }
    int count = entry->line_count;
    memcpy(bottoms, entry->bottoms,
           (size_t)(count < capacity ? count : capacity) * sizeof *bottoms);
    return count;
}

/* A foreign run while runs are gathered: its bytes in the layout's text. */
typedef struct {
    int offset, length;
    char *family; /* pango's, NULL for a run with a missing glyph */
    uint32_t missing;
} found_run;

static int by_offset(const void *a, const void *b)
{
    return ((const found_run *)a)->offset - ((const found_run *)b)->offset;
}

static bool only_spaces(const char *text, int from, int to)
{
    for (int i = from; i < to; i++)
        if (!g_ascii_isspace(text[i]))
            return false;
    return true;
}

/* Copies text[from, to) into out (size bytes) without its outer spaces,
 * cut after the last whole character that fits. */
static void copy_trimmed(const char *text, int from, int to, char *out, size_t size)
{
    while (from < to && g_ascii_isspace(text[from]))
        from++;
    while (to > from && g_ascii_isspace(text[to - 1]))
        to--;
    size_t length = (size_t)(to - from);
    if (length >= size) {
        const char *end = g_utf8_find_prev_char(text + from, text + from + size);
        length = end ? (size_t)(end - (text + from)) : 0;
    }
    memcpy(out, text + from, length);
    out[length] = '\0';
}

/* The layout's foreign runs in reading order (pango keeps each line's runs
 * in visual order, right to left in Arabic), each stretch of one font
 * joined across the spaces and line breaks between its runs. NULL with
 * count 0 when there are none; *failed when memory ran out. The caller
 * frees each family and the array. */
static found_run *gather_runs(PangoLayout *layout, const char *family, size_t *count, bool *failed)
{
    found_run *runs = NULL;
    size_t capacity = 0;
    *count = 0;
    PangoLayoutIter *iter = pango_layout_get_iter(layout);
    do {
        PangoLayoutRun *run = pango_layout_iter_get_run_readonly(iter);
        char *used = NULL;
        uint32_t missing = 0;
        if (!run || !run_foreign(run, family, &used, &missing)) {
            g_free(used);
            continue;
        }
        found_run *grown = fs_heap_reserve(runs, *count + 1, &capacity, sizeof *runs);
        if (!grown) {
            g_free(used);
            *failed = true;
            break;
        }
        runs = grown;
        if (missing) {
            g_free(used);
            used = NULL;
        }
        runs[(*count)++] = (found_run){run->item->offset, run->item->length, used, missing};
    } while (pango_layout_iter_next_run(iter));
    pango_layout_iter_free(iter);
    if (*count > 1)
        qsort(runs, *count, sizeof *runs, by_offset);
    const char *text = pango_layout_get_text(layout);
    size_t joined = 0;
    for (size_t i = 0; i < *count; i++) {
        found_run *last = joined ? &runs[joined - 1] : NULL;
        if (last && !last->missing && !runs[i].missing && last->family && runs[i].family &&
            strcmp(last->family, runs[i].family) == 0 &&
            only_spaces(text, last->offset + last->length, runs[i].offset)) {
            last->length = runs[i].offset + runs[i].length - last->offset;
            g_free(runs[i].family);
            continue;
        }
        runs[joined++] = runs[i];
    }
    *count = joined;
    return runs;
}

static int font_runs(void *context, const fs_text *text, fs_font_run *out, int capacity)
{
    PangoLayout *layout = fs_pango_layout(context, text);
    if (!layout)
        return -1;
    size_t count;
    bool failed = false;
    found_run *runs = gather_runs(layout, text->style->family, &count, &failed);
    const char *chars = pango_layout_get_text(layout);
    int shown = 0;
    for (size_t i = 0; i < count; i++) {
        const found_run *run = &runs[i];
        fs_font_run *to = shown < capacity ? &out[shown] : NULL;
        if (to) {
            copy_trimmed(chars, run->offset, run->offset + run->length, to->text, sizeof to->text);
            g_strlcpy(to->family, run->family ? run->family : "", sizeof to->family);
            to->missing = run->missing;
        }
        /* A fallback that drew only spaces is not worth a word. */
        if (run->missing || !only_spaces(chars, run->offset, run->offset + run->length))
            shown++;
        g_free(run->family);
    }
    free(runs);
    g_object_unref(layout);
    return failed ? -1 : shown;
}

fs_measurer fs_pango_measurer(fs_pango *pango)
{
    return (fs_measurer){pango, measure, line_bottoms, font_runs};
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
        note_size(pango, size);
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
