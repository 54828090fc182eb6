#include "fs_paint_tags.h"

#include <stdlib.h>
#include <string.h>

#include <pango/pango.h>

#include "core/fs_alloc.h"

/* The name cairo writes for an element (ISO 32000-1, 14.8.4). */
static const char *tag_name(const fs_tag *tag)
{
    static const char *const headings[] = {"H1", "H2", "H3", "H4", "H5", "H6"};
    switch (tag->role) {
    case FS_TAG_SECT:
        return "Sect";
    case FS_TAG_H:
        return headings[tag->level < 1 ? 0 : tag->level > 6 ? 5 : tag->level - 1];
    case FS_TAG_P:
        return "P";
    case FS_TAG_L:
        return "L";
    case FS_TAG_LI:
        return "LI";
    case FS_TAG_LBL:
        return "Lbl";
    case FS_TAG_LBODY:
        return "LBody";
    case FS_TAG_BLOCKQUOTE:
        return "BlockQuote";
    case FS_TAG_FIGURE:
        return "Figure";
    case FS_TAG_CAPTION:
        return "Caption";
    case FS_TAG_SPAN:
        return "Span";
    }
    return "Span";
}

/* Appends item to a growable array of strings; false when out of memory. */
static bool push(const char ***items, size_t *count, size_t *capacity, const char *item)
{
    if (*count == *capacity) {
        size_t grown = *capacity ? *capacity * 2 : 16;
        const char **bigger = fs_realloc(*items, grown * sizeof **items);
        if (!bigger)
            return false;
        *items = bigger;
        *capacity = grown;
    }
    (*items)[(*count)++] = item;
    return true;
}

/* Records an element just begun; its index. */
static size_t record(fs_paint_tags *tags, const char *alt)
{
    if (tags->element_count == tags->element_capacity) {
        size_t grown = tags->element_capacity ? tags->element_capacity * 2 : 64;
        const char **alts = fs_realloc(tags->alts, grown * sizeof *alts);
        if (alts)
            tags->alts = alts;
        const char **actuals = alts ? fs_realloc(tags->actuals, grown * sizeof *actuals) : NULL;
        if (!actuals) {
            tags->failed = true;
            return 0;
        }
        tags->actuals = actuals;
        tags->element_capacity = grown;
    }
    tags->alts[tags->element_count] = alt;
    tags->actuals[tags->element_count] = NULL;
    return tags->element_count++;
}

void fs_paint_tags_begin(fs_paint_tags *tags, cairo_t *cr, bool tagged)
{
    *tags = (fs_paint_tags){.tagged = tagged, .headings_in_order = true, .figures_described = true};
    cairo_tag_begin(cr, "Document", NULL);
    record(tags, NULL);
}

void fs_paint_tags_begin_own(fs_paint_tags *tags, cairo_t *cr, const char *name,
                             const char *attributes)
{
    cairo_tag_begin(cr, name, attributes);
    record(tags, NULL);
}

/* Appends length bytes of text to out without the invisible line-break
 * opportunities factsheet adds: U+200B, a zero-width space (a URL's
 * breaks, fs_typo_markup; a long word's, fs_typo_break_long_words), and
 * U+00AD, a soft hyphen, say nothing. */
static void put_without_breaks(fs_buf *out, const char *text, size_t length)
{
    for (size_t i = 0; i < length; i++) {
        if (i + 3 <= length && memcmp(text + i, "\xe2\x80\x8b", 3) == 0) {
            i += 2;
            continue;
        }
        if (i + 2 <= length && memcmp(text + i, "\xc2\xad", 2) == 0) {
            i += 1;
            continue;
        }
        fs_buf_putc(out, text[i]);
    }
}

/* Appends the words of markup to the current element's. */
static void put_words(fs_paint_tags *tags, const char *markup)
{
    char *text = NULL;
    if (!pango_parse_markup(markup, -1, 0, NULL, &text, NULL, NULL)) {
        tags->failed = true;
        return;
    }
    if (tags->in_words.length)
        fs_buf_putc(&tags->in_words, ' ');
    put_without_breaks(&tags->in_words, text, strlen(text));
    g_free(text);
}

void fs_paint_tags_text(fs_paint_tags *tags, const char *markup, const char *pictured)
{
    if (!tags->tagged || !tags->in || tags->failed || tags->alts[tags->in_index])
        return;
    tags->in_pictures = tags->in_pictures || pictured;
    if (++tags->in_texts == 1 && !pictured) {
        tags->in_first = markup;
        return;
    }
    if (tags->in_first)
        put_words(tags, tags->in_first);
    tags->in_first = NULL;
    if (!pictured) {
        put_words(tags, markup);
        return;
    }
    if (tags->in_words.length)
        fs_buf_putc(&tags->in_words, ' ');
    put_without_breaks(&tags->in_words, pictured, strlen(pictured));
}

/* The element ops were drawn in is left: drawn in several texts, or with
 * a glyph drawn as a picture, it gets their words as its actual text. */
static void leave(fs_paint_tags *tags)
{
    if (tags->in && (tags->in_texts > 1 || tags->in_pictures)) {
        char *words = fs_buf_ok(&tags->in_words) ? fs_strdup(fs_buf_str(&tags->in_words)) : NULL;
        if (words && tags->in_index < tags->element_count)
            tags->actuals[tags->in_index] = words;
        else
            tags->failed = true;
    }
    fs_buf_clear(&tags->in_words);
    tags->in_texts = 0;
    tags->in_first = NULL;
    tags->in_pictures = false;
    tags->in = NULL;
}

/* What an element tells the finished file and its claims; its index. */
static size_t note(fs_paint_tags *tags, const fs_tag *tag)
{
    if (tag->role == FS_TAG_H) {
        if (tag->level > tags->heading + 1 || (tags->heading == 0 && tag->level != 1))
            tags->headings_in_order = false;
        tags->heading = tag->level;
    }
    if (tag->role != FS_TAG_FIGURE)
        return record(tags, NULL);
    const char *alt = tag->alt ? tag->alt : "";
    if (!*alt)
        tags->figures_described = false;
    return record(tags, alt);
}

static void close_innermost(fs_paint_tags *tags, cairo_t *cr)
{
    const fs_tag *tag = tags->open[--tags->depth];
    cairo_tag_end(cr, tag_name(tag));
}

void fs_paint_tags_enter(fs_paint_tags *tags, cairo_t *cr, const fs_tag *tag)
{
    if (!tags->tagged || tag == tags->in)
        return;
    const fs_tag *in = tags->in;
    leave(tags);
    if (!tag) {
        if (tags->depth > 0 && tags->open[tags->depth - 1] == in)
            close_innermost(tags, cr);
        return;
    }
    const fs_tag *path[FS_PAINT_DEPTH];
    size_t length = 0;
    for (const fs_tag *t = tag; t; t = t->parent) {
        if (length == FS_PAINT_DEPTH) {
            tags->failed = true;
            return;
        }
        path[length++] = t;
    }
    /* path[length - 1] is outermost. Keep what is open and on the path. */
    size_t kept = 0;
    while (kept < tags->depth && kept < length && tags->open[kept] == path[length - 1 - kept])
        kept++;
    while (tags->depth > kept)
        close_innermost(tags, cr);
    size_t index = tags->in_index;
    for (size_t i = kept; i < length; i++) {
        const fs_tag *t = path[length - 1 - i];
        cairo_tag_begin(cr, tag_name(t), NULL);
        tags->open[tags->depth++] = t;
        index = note(tags, t);
    }
    /* Re-entered without a new element (an artifact between two ops of
     * the same one cannot do that: it closes it) or just opened. */
    tags->in = tag;
    tags->in_index = index;
}

void fs_paint_tags_link(fs_paint_tags *tags, const char *text, size_t length)
{
    fs_buf words = {0};
    put_without_breaks(&words, text, length);
    char *owned = fs_buf_ok(&words) ? fs_strdup(fs_buf_str(&words)) : NULL;
    fs_buf_free(&words);
    if (!owned || !push(&tags->links, &tags->link_count, &tags->link_capacity, owned)) {
        free(owned);
        tags->failed = true;
    }
}

void fs_paint_tags_end(fs_paint_tags *tags, cairo_t *cr)
{
    leave(tags);
    while (tags->depth > 0)
        close_innermost(tags, cr);
    cairo_tag_end(cr, "Document");
}

void fs_paint_tags_free(fs_paint_tags *tags)
{
    for (size_t i = 0; i < tags->link_count; i++)
        free((char *)tags->links[i]);
    for (size_t i = 0; i < tags->element_count; i++)
        free((char *)tags->actuals[i]);
    free(tags->links);
    free(tags->alts);
    free(tags->actuals);
    fs_buf_free(&tags->in_words);
    *tags = (fs_paint_tags){0};
}
