/* Measuring text (with the cache that makes repeated measuring cheap),
 * the styles a trial scales, and text boxes with their markers and bars. */

#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include "core/fs_buf.h"
#include "place/fs_place_internal.h"

/* A measurement, by its markup, style, size and width: the same strings
 * and styles of the box tree (or the trial's copies of the styles). */
typedef struct {
    const char *markup;
    const fs_text_style *style;
    double size, width;
} measure_key;

typedef struct {
    measure_key key;
    fs_extent extent;
} measured;

static uint64_t measure_hash(const measure_key *key)
{
    uint64_t hash = fs_hash(FS_HASH_SEED, &key->markup, sizeof key->markup);
    hash = fs_hash(hash, &key->style, sizeof key->style);
    hash = fs_hash(hash, &key->size, sizeof key->size);
    return fs_hash(hash, &key->width, sizeof key->width);
}

static bool same_measure(const void *item, const void *key)
{
    const measure_key *a = &((const measured *)item)->key, *b = key;
    return a->markup == b->markup && a->style == b->style && a->size == b->size &&
           a->width == b->width;
}

/* A style of the box tree at the trial's text scale. */
typedef struct {
    const fs_text_style *base;
    fs_text_style style;
} scaled_style;

static bool same_base(const void *item, const void *key)
{
    return ((const scaled_style *)item)->base == key;
}

const fs_text_style *place_scaled(placer *p, const fs_text_style *style)
{
    if (p->text_scale == 1)
        return style;
    uint64_t hash = fs_hash_pointer(style);
    scaled_style *known = fs_map_find(&p->scaled, hash, same_base, style);
    if (known)
        return &known->style;
    scaled_style *copy = fs_arena_alloc(p->arena, sizeof *copy);
    if (!copy || !fs_map_add(&p->scaled, hash, copy)) {
        p->failed = true;
        return style;
    }
    copy->base = style;
    copy->style = *style;
    copy->style.size *= p->text_scale;
    copy->style.space_after *= p->text_scale;
    copy->style.space_before *= p->text_scale;
    copy->style.tracking *= p->text_scale;
    return &copy->style;
}

/* The cell a stretch of text comes from: the first cell of the document
 * whose text holds it (or, when typography changed it, its first
 * character); else the box's node in the layout, which wrote it. */
static fs_pos text_origin(const placer *p, const char *text)
{
    char first[8] = {0};
    int32_t length = 0;
    UChar32 c;
    if (*text)
        U8_NEXT_OR_FFFD((const uint8_t *)text, length, (int32_t)strlen(text), c);
    memcpy(first, text, (size_t)length);
    for (int pass = 0; pass < 2 && *text; pass++)
        for (size_t i = 0; i < p->cell_count; i++)
            if (strstr(p->cells[i].text, pass == 0 ? text : first))
                return p->cells[i].pos;
    return p->current ? p->current->pos : fs_pos_at(NULL, 0, 0);
}

/* The key a theme's 'fallback' would give a font for c: "emoji" for an
 * emoji, else its script's Unicode name in lower case ("arabic"). */
static void script_key(UChar32 c, char *out, size_t size)
{
    UErrorCode status = U_ZERO_ERROR;
    UScriptCode script = uscript_getScript(c, &status);
    const char *name = u_hasBinaryProperty(c, UCHAR_EMOJI_PRESENTATION) ? "emoji"
                       : U_SUCCESS(status)                              ? uscript_getName(script)
                                                                        : NULL;
    snprintf(out, size, "%s", name ? name : "common");
    for (char *at = out; *at; at++)
        *at = (char)(*at >= 'A' && *at <= 'Z' ? *at - 'A' + 'a' : *at);
}

/* The theme's fallback that is family, or NULL. */
static const fs_fallback *named_fallback(const fs_text_style *style, const char *family)
{
    for (size_t i = 0; style->fallbacks && i < style->fallbacks->count; i++)
        if (strcasecmp(style->fallbacks->fonts[i].family, family) == 0)
            return &style->fallbacks->fonts[i];
    return NULL;
}

/* True the first time this box shows this stretch drawn by this font: a
 * text is measured at several sizes and widths, and reported once. */
static bool first_report(placer *p, const fs_font_run *run)
{
    char *key = fs_arena_printf(p->arena, "%p\x1f%s\x1f%s", (const void *)p->current, run->family,
                                run->text);
    if (!key) {
        p->failed = true;
        return false;
    }
    uint64_t hash = fs_hash_string(key);
    if (fs_map_find(&p->foreign, hash, fs_map_same_string, key))
        return false;
    fs_map_add(&p->foreign, hash, key);
    return true;
}

/* Says how one stretch the style's font could not draw was drawn, at the
 * cell it comes from: by a fallback the theme names (a note), by another
 * font of the set the theme does not name, or by none, as a box (warnings,
 * errors under strict). */
static void report_run(placer *p, const fs_text_style *style, const fs_font_run *run)
{
    if (!first_report(p, run))
        return;
    fs_pos where = text_origin(p, run->text);
    fs_severity problem = p->strict ? FS_ERROR : FS_WARNING;
    char key[64];
    if (run->missing) {
        char utf8[8] = {0};
        int32_t length = 0;
        U8_APPEND_UNSAFE(utf8, length, (UChar32)run->missing);
        script_key((UChar32)run->missing, key, sizeof key);
        fs_diag_add_kind(p->diags, problem, FS_KIND_GLYPH, where,
                         fs_arena_printf(p->arena,
                                         "remove the character, or add a font that has it to "
                                         "fonts/fonts.conf and name it in the theme: "
                                         "fallback: {%s: FAMILY}",
                                         key),
                         "no font of the theme has a glyph for '%s' (U+%04X): it is drawn as a "
                         "box",
                         utf8, (unsigned)run->missing);
        return;
    }
    const fs_fallback *fallback = named_fallback(style, run->family);
    if (fallback) {
        fs_diag_add_kind(p->diags, FS_NOTE, FS_KIND_FALLBACK, where, NULL,
                         "'%s' is drawn with '%s', the theme's fallback for %s", run->text,
                         fallback->family, fallback->script);
        return;
    }
    int32_t at = 0;
    UChar32 c = 0;
    if (*run->text)
        U8_NEXT_OR_FFFD((const uint8_t *)run->text, at, (int32_t)strlen(run->text), c);
    script_key(c, key, sizeof key);
    fs_diag_add_kind(
        p->diags, problem, FS_KIND_GLYPH, where,
        fs_arena_printf(p->arena, "name it in the theme: fallback: {%s: %s}", key, run->family),
        "font '%s' cannot draw '%s': '%s' of the font set draws it, but the theme does not "
        "name it",
        style->family, run->text, run->family);
}

/* Reports every stretch of text the style's font could not draw. */
static void report_foreign(placer *p, const fs_text *text)
{
    enum { MOST = 16 };
    fs_font_run runs[MOST];
    int count = p->measurer->font_runs(p->measurer->context, text, runs, MOST);
    if (count < 0) {
        p->failed = true;
        fs_error(p->diags, p->current ? p->current->pos : fs_pos_at(NULL, 0, 0), NULL,
                 "cannot tell which fonts draw text '%s'", text->markup);
    }
    for (int i = 0; i < count && i < MOST; i++)
        report_run(p, text->style, &runs[i]);
}

/* Markup with the page stand-ins of a header or footer replaced by the
 * numbers of the page being drawn (digits, as running heads print them). */
static const char *with_page_numbers(placer *p, const char *markup)
{
    if (!strstr(markup, "\xee\x80"))
        return markup;
    fs_buf out = {0};
    for (const char *c = markup; *c;) {
        if (strncmp(c, FS_PAGE_NUMBER, 3) == 0 || strncmp(c, FS_PAGE_COUNT, 3) == 0) {
            fs_buf_printf(&out, "%zu", c[2] == FS_PAGE_NUMBER[2] ? p->page_number : p->page_count);
            c += 3;
        } else {
            fs_buf_putc(&out, *c++);
        }
    }
    const char *result = fs_buf_ok(&out) ? fs_arena_strdup(p->arena, fs_buf_str(&out)) : NULL;
    fs_buf_free(&out);
    if (!result)
        p->failed = true;
    return result ? result : markup;
}

fs_extent place_measure(placer *p, const char *markup, const fs_text_style *style, double size,
                        double width)
{
    markup = with_page_numbers(p, markup);
    measure_key key = {markup, style, size, width};
    uint64_t hash = measure_hash(&key);
    const measured *known = fs_map_find(&p->measured, hash, same_measure, &key);
    if (known)
        return known->extent;
    fs_text text = {.markup = markup, .style = style, .size = size, .width = width};
    fs_extent extent = {0};
    if (!p->measurer->measure(p->measurer->context, &text, &extent)) {
        p->failed = true;
        fs_error(p->diags, fs_pos_at(NULL, 0, 0), NULL, "cannot lay out text '%s'", markup);
    }
    if (extent.foreign)
        report_foreign(p, &text);
    /* Kept when there is memory for it: a text measured again costs time,
     * not correctness. */
    measured *entry = fs_arena_alloc(p->arena, sizeof *entry);
    if (entry && fs_map_add(&p->measured, hash, entry))
        *entry = (measured){key, extent};
    return extent;
}

void place_emit(placer *p, const fs_op *op)
{
    if (!p->page)
        return;
    /* An op keeps the box it was made for: a page that gets its running
     * heads copies the body's ops as they are. */
    fs_op placed = *op;
    if (!placed.pos.file && p->current)
        placed.pos = p->current->pos;
    placed.tag = p->leaf;
    if (!fs_display_add(p->arena, p->page, &placed))
        p->failed = true;
}

static fs_op text_op(placer *p, double x, double y, double width, double height, const char *markup,
                     const fs_text_style *style, double size)
{
    fs_op op = {.kind = FS_OP_TEXT, .x = x, .y = y, .w = width, .h = height, .color = style->color};
    op.text = (fs_text){
        .markup = with_page_numbers(p, markup), .style = style, .size = size, .width = width};
    return op;
}

void place_emit_text(placer *p, double x, double y, double width, double height, const char *markup,
                     const fs_text_style *style, double size, int outline_level)
{
    fs_op op = text_op(p, x, y, width, height, markup, style, size);
    op.outline_level = outline_level;
    place_emit(p, &op);
}

void place_emit_line(placer *p, double x, double y, double width, double height, const char *markup,
                     const fs_text_style *style, double size)
{
    fs_op op = text_op(p, x, y, width, height, markup, style, size);
    op.text.width = -1;
    place_emit(p, &op);
}

void place_emit_paragraph(placer *p, const fs_box *box, const fs_text_style *style, size_t i,
                          double x, double y, double width, double height, int first_line,
                          int line_count)
{
    fs_op op = text_op(p, x, y, width, height, box->as.text.paragraphs[i], style, style->size);
    op.text.first_line = first_line;
    op.text.line_count = line_count;
    if (i == 0 && first_line == 0) {
        op.outline_level = box->as.text.level;
        op.anchor = box->as.text.anchor;
    }
    if (box->as.text.links) {
        op.links = box->as.text.links[i];
        op.link_count = box->as.text.link_counts[i];
    }
    place_emit(p, &op);
}

static const double QUOTE_BAR = 2.5; /* a pull quote's bar */

/* The paragraphs of a text box, one under the other, each its own element
 * under group; drawn when draw is true. Returns their height. */
static double layout_paragraphs(placer *p, const fs_box *box, const fs_text_style *style, double x,
                                double y, double width, const fs_tag *group, bool draw)
{
    double top = y;
    const fs_tag *outer = p->leaf;
    for (size_t i = 0; i < box->as.text.paragraph_count; i++) {
        fs_extent extent = place_measure(p, box->as.text.paragraphs[i], style, style->size, width);
        if (draw) {
            p->leaf = place_paragraph_tag(p, box, group);
            place_emit_paragraph(p, box, style, i, x, y, width, extent.height, 0, 0);
        }
        y += extent.height;
        if (i + 1 < box->as.text.paragraph_count)
            y += style->space_after;
    }
    p->leaf = outer;
    return y - top;
}

double place_text(placer *p, const fs_box *box, double x, double y, double width)
{
    const fs_text_style *style = place_scaled(p, &box->as.text.style);
    bool bar = box->as.text.has_bar && !p->beside_bar;
    double indent = place_text_indent(box, style, bar);
    double height = layout_paragraphs(p, box, style, x + indent, y, width - indent, NULL, false);
    if (!p->page)
        return height;
    const fs_tag *marker;
    const fs_tag *group = place_text_group(p, box, &marker);
    /* A list item or quote paragraph of Markdown outside a flow: its
     * marker before its text (in reading order too), its bar in the
     * indent. */
    const fs_tag *outer = p->leaf;
    if (indent > 0 && box->as.text.item_marker) {
        p->leaf = marker;
        place_emit_marker(p, box->as.text.item_marker,
                          place_marker_style(p, style, box->as.text.bar), style->size, x + indent,
                          y, height);
    }
    p->leaf = NULL;
    if (indent > 0 && bar)
        place_emit_bar(p, &box->as.text.bar, x + indent - QUOTE_INDENT, y, y + height);
    p->leaf = outer;
    layout_paragraphs(p, box, style, x + indent, y, width - indent, group, true);
    return height;
}

const fs_text_style *place_marker_style(placer *p, const fs_text_style *style, fs_rgba color)
{
    fs_text_style *marker = fs_arena_alloc(p->arena, sizeof *marker);
    if (!marker) {
        p->failed = true;
        return style;
    }
    *marker = *style;
    marker->color = color;
    marker->weight = 700;
    marker->align = FS_ALIGN_START;
    return marker;
}

double place_text_indent(const fs_box *box, const fs_text_style *style, bool bar)
{
    double indent = bar ? QUOTE_INDENT : 0;
    if (box->as.text.depth > 0)
        indent += box->as.text.depth * style->size * LIST_INDENT +
                  (box->as.text.item_marker && box->as.text.item_marker[0] >= '0' &&
                           box->as.text.item_marker[0] <= '9'
                       ? style->size * 0.6
                       : 0);
    return indent;
}

void place_emit_marker(placer *p, const char *marker, const fs_text_style *style, double size,
                       double x, double y, double height)
{
    double width = place_measure(p, marker, style, size, -1).width;
    place_emit_line(p, x - width - size * 0.45, y, width, height, marker, style, size);
}

void place_emit_bar(placer *p, const fs_rgba *color, double x, double top, double bottom)
{
    fs_op bar = {
        .kind = FS_OP_RECT, .x = x, .y = top, .w = QUOTE_BAR, .h = bottom - top, .color = *color};
    place_emit(p, &bar);
}
