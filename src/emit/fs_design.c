/* The design check, over a placed document's display list and box tree.
 *
 * Texts are laid out again with pango (from its cache: placement made the
 * same layouts) to read their lines; the colour under a text is found by
 * painting what was drawn before it into a small image of the text's box
 * and taking the mean of its pixels, over the white page. */
#include "emit/fs_design.h"

#include <cairo.h>
#include <math.h>
#include <pango/pango.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/fs_buf.h"
#include "core/fs_color.h"
#include "core/fs_map.h"
#include "paint/fs_paint.h"
#include "place/fs_place.h"

/* The longest side, in pixels, of the image a text's background is painted
 * into: its mean colour needs no more. */
enum { BACKGROUND_PIXELS = 48 };

typedef struct {
    fs_pango *pango;
    fs_diags *diags;
    fs_arena *arena;
    fs_map seen; /* "rule file:line:column" of each problem reported */
    bool failed; /* out of memory */
} design;

/* True the first time rule is reported at pos; remembers it. A rule whose
 * box already has an overflow (text or numbers that do not fit) says
 * nothing more there: the overflow is the problem to fix. */
static bool first_time(design *d, const char *rule, fs_pos pos)
{
    for (size_t i = 0; i < fs_diags_count(d->diags); i++) {
        const fs_diag *diag = fs_diags_at(d->diags, i);
        if (diag->kind && strcmp(diag->kind, FS_KIND_OVERFLOW) == 0 && diag->pos.line == pos.line &&
            diag->pos.column == pos.column &&
            (diag->pos.file == pos.file ||
             (diag->pos.file && pos.file && strcmp(diag->pos.file, pos.file) == 0)))
            return false;
    }
    char *key = fs_arena_printf(d->arena, "%s %s:%d:%d", rule, pos.file ? pos.file : "", pos.line,
                                pos.column);
    if (!key) {
        d->failed = true;
        return false;
    }
    uint64_t hash = fs_hash_string(key);
    if (fs_map_find(&d->seen, hash, fs_map_same_string, key))
        return false;
    d->failed = d->failed || !fs_map_add(&d->seen, hash, key);
    return true;
}

static void hex(char out[8], fs_rgba c)
{
    snprintf(out, 8, "#%02x%02x%02x", (int)lround(c.r * 255), (int)lround(c.g * 255),
             (int)lround(c.b * 255));
}

/* How a message names a text's style: "the style 'caption'", or "its style". */
static void style_words(char *out, size_t size, const fs_text_style *style)
{
    if (style->name)
        snprintf(out, size, "the style '%s'", style->name);
    else
        snprintf(out, size, "its style");
}

/* ---- small text --------------------------------------------------------- */

static void check_size(design *d, const fs_op *op)
{
    const fs_text_style *style = op->text.style;
    if (op->text.size >= FS_DESIGN_MIN_SIZE - 0.005 || !first_time(d, "size", op->pos))
        return;
    char which[128], hint[256];
    style_words(which, sizeof which, style);
    bool shrunk = style->size >= FS_DESIGN_MIN_SIZE - 0.005;
    if (shrunk)
        snprintf(hint, sizeof hint,
                 "give the text more room, or let it shrink less (the 'shrink' "
                 "of %s)",
                 which);
    else
        snprintf(hint, sizeof hint, "give %s a size of %.0fpt or more in the theme", which,
                 FS_DESIGN_MIN_SIZE);
    fs_diag_add_kind(d->diags, FS_WARNING, FS_KIND_DESIGN, op->pos, hint,
                     "text drawn at %.1f pt%s: under %.0f pt, hard to read in print", op->text.size,
                     shrunk ? ", shrunk to fit" : "", FS_DESIGN_MIN_SIZE);
}

/* ---- contrast ----------------------------------------------------------- */

/* The mean colour of what lies under the page's op number index, within its
 * box, over white; false when it cannot be painted. */
static bool background_of(const fs_page_ops *page, size_t index, fs_rgba *out)
{
    const fs_op *op = &page->ops[index];
    double side = fmax(op->w, op->h);
    double scale = side > BACKGROUND_PIXELS ? BACKGROUND_PIXELS / side : 1;
    int w = (int)ceil(op->w * scale), h = (int)ceil(op->h * scale);
    if (w < 1 || h < 1)
        return false;
    cairo_surface_t *surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
    cairo_t *cr = cairo_create(surface);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    cairo_scale(cr, scale, scale);
    cairo_translate(cr, -op->x, -op->y);
    bool ok = fs_paint_background(cr, page, index, op->x, op->y, op->w, op->h);
    cairo_destroy(cr);
    cairo_surface_flush(surface);
    const unsigned char *data = cairo_image_surface_get_data(surface);
    int stride = cairo_image_surface_get_stride(surface);
    double sum[3] = {0};
    for (int y = 0; ok && data && y < h; y++) {
        const uint32_t *row = (const uint32_t *)(const void *)(data + (size_t)y * (size_t)stride);
        for (int x = 0; x < w; x++) {
            sum[0] += (row[x] >> 16) & 0xff;
            sum[1] += (row[x] >> 8) & 0xff;
            sum[2] += row[x] & 0xff;
        }
    }
    ok = ok && data;
    cairo_surface_destroy(surface);
    double total = (double)w * h * 255;
    *out = (fs_rgba){sum[0] / total, sum[1] / total, sum[2] / total, 1};
    return ok;
}

/* A list's bullet: a mark, not text to read (WCAG leaves such marks out). */
static bool is_bullet(const char *markup)
{
    return strcmp(markup, "\u2022") == 0 || strcmp(markup, "\u2013") == 0;
}

static void check_contrast(design *d, const fs_page_ops *page, size_t index)
{
    const fs_op *op = &page->ops[index];
    fs_rgba under;
    if (is_bullet(op->text.markup) || !background_of(page, index, &under))
        return;
    fs_rgba ink = op->color;
    fs_rgba shown = {ink.a * ink.r + (1 - ink.a) * under.r, ink.a * ink.g + (1 - ink.a) * under.g,
                     ink.a * ink.b + (1 - ink.a) * under.b, 1};
    double contrast = fs_color_contrast(shown, under);
    if (contrast >= FS_DESIGN_MIN_CONTRAST - 0.005 || !first_time(d, "contrast", op->pos))
        return;
    char text[8], back[8], which[128], hint[256];
    hex(text, shown);
    hex(back, under);
    style_words(which, sizeof which, op->text.style);
    snprintf(hint, sizeof hint,
             "darken the text's colour (of %s, or the node's 'color') or lighten what is under it",
             which);
    fs_diag_add_kind(d->diags, FS_WARNING, FS_KIND_DESIGN, op->pos, hint,
                     "text in %s on %s: a contrast of %.1f:1, under %.1f:1 (WCAG AA)", text, back,
                     contrast, FS_DESIGN_MIN_CONTRAST);
}

/* ---- lines -------------------------------------------------------------- */

/* Soft hyphens and zero-width spaces (the breaks bind offers pango). */
static bool prints_nothing(gunichar c)
{
    return c == 0xAD || c == 0x200B;
}

/* The characters a line shows, without the spaces that end it. */
static long line_characters(const char *text, const PangoLayoutLine *line)
{
    const char *start = text + line->start_index, *end = start + line->length;
    while (end > start && (end[-1] == ' ' || end[-1] == '\n'))
        end--;
    long count = 0;
    for (const char *c = start; c < end; c = g_utf8_next_char(c))
        count += !prints_nothing(g_utf8_get_char(c));
    return count;
}

/* The width in points a line draws, without the spaces that end it: more
 * than its text's width when something on it could not break (a piece of
 * a URL between two places where it may break). */
static double line_width(const char *text, const PangoLayoutLine *line)
{
    const char *start = text + line->start_index, *end = start + line->length;
    while (end > start && (end[-1] == ' ' || end[-1] == '\n'))
        end--;
    if (end == start)
        return 0;
    /* pango_layout_line_index_to_x only reads the line, though its
     * parameter is not const. */
    PangoLayoutLine *read = (PangoLayoutLine *)line;
    int left, right;
    pango_layout_line_index_to_x(read, line->start_index, FALSE, &left);
    pango_layout_line_index_to_x(read, (int)(g_utf8_prev_char(end) - text), TRUE, &right);
    return (double)abs(right - left) / PANGO_SCALE;
}

/* A line's text, for a message: without the spaces around it and the
 * characters that print nothing. */
static void line_text(const char *text, const PangoLayoutLine *line, char *out, size_t size)
{
    const char *c = text + line->start_index, *end = c + line->length;
    size_t n = 0;
    for (; c < end && n + 5 < size; c = g_utf8_next_char(c)) {
        gunichar u = g_utf8_get_char(c);
        if (!prints_nothing(u) && !((u == ' ' || u == '\n') && (n == 0 || c + 1 == end)))
            n += (size_t)g_unichar_to_utf8(u, out + n);
    }
    out[n] = '\0';
}

/* The word a line ends inside of (its last characters), for a message. */
static void last_word(const char *text, const PangoLayoutLine *line, char *out, size_t size)
{
    const char *start = text + line->start_index, *end = start + line->length;
    const char *word = end;
    while (word > start && word[-1] != ' ')
        word--;
    const char *next = end;
    while (*next && *next != ' ' && *next != '\n')
        next++;
    snprintf(out, size, "%.*s", (int)(next - word), word);
}

/* Long lines, and words cut where no pattern allows, of a text op. */
static void check_lines(design *d, const fs_op *op)
{
    PangoLayout *layout = fs_pango_layout(d->pango, &op->text);
    if (!layout)
        return;
    const char *text = pango_layout_get_text(layout);
    int first = op->text.first_line;
    int last = op->text.line_count > 0 ? first + op->text.line_count : INT32_MAX;
    long longest = 0;
    int index = 0;
    char cut[128] = "", wide[128] = "";
    for (GSList *l = pango_layout_get_lines_readonly(layout); l; l = l->next, index++) {
        if (index < first || index >= last)
            continue;
        const PangoLayoutLine *line = l->data;
        longest = fmax(longest, line_characters(text, line));
        GSList *run = g_slist_last(line->runs);
        const PangoGlyphItem *item = run ? run->data : NULL;
        bool hyphen = item && (item->item->analysis.flags & PANGO_ANALYSIS_FLAG_NEED_HYPHEN);
        size_t end = (size_t)(line->start_index + line->length);
        bool soft = end >= 2 && memcmp(text + end - 2, "\xc2\xad", 2) == 0;
        if (l->next && hyphen && !soft && !cut[0])
            last_word(text, line, cut, sizeof cut);
        if (!wide[0] && op->text.width > 0 && line_width(text, line) > op->text.width + 0.5)
            line_text(text, line, wide, sizeof wide);
    }
    g_object_unref(layout);
    char which[128];
    style_words(which, sizeof which, op->text.style);
    if (longest > FS_DESIGN_MAX_LINE && first_time(d, "line", op->pos))
        fs_diag_add_kind(d->diags, FS_WARNING, FS_KIND_DESIGN, op->pos,
                         "give the text a width (such as 'width: 60%'), set it in columns, or "
                         "make it larger",
                         "lines of up to %ld characters: more than %d are hard to follow (good "
                         "body text runs 45 to 75)",
                         longest, FS_DESIGN_MAX_LINE);
    if (cut[0] && first_time(d, "cut", op->pos))
        fs_diag_add_kind(d->diags, FS_WARNING, FS_KIND_DESIGN, op->pos,
                         "give the text more width or a smaller size, or shorten the word",
                         "'%s' is cut where no hyphenation pattern breaks it: it is wider than "
                         "its text (%.0f mm)",
                         cut, op->text.width * 25.4 / 72);
    if (wide[0] && first_time(d, "wide", op->pos))
        fs_diag_add_kind(d->diags, FS_WARNING, FS_KIND_DESIGN, op->pos,
                         "give the text more width or a smaller size, or show a name that links "
                         "to the address ('[name](URL)')",
                         "'%s' runs past its text (%.0f mm): a URL or an e-mail address breaks "
                         "only after a slash or a colon and before . - _ ~ @ ? # & =",
                         wide, op->text.width * 25.4 / 72);
}

/* The lines an op draws. */
static int drawn_lines(design *d, const fs_op *op)
{
    if (op->text.line_count > 0)
        return op->text.line_count;
    PangoLayout *layout = fs_pango_layout(d->pango, &op->text);
    if (!layout)
        return 0;
    int lines = pango_layout_get_line_count(layout);
    g_object_unref(layout);
    return lines;
}

/* ---- headings ----------------------------------------------------------- */

/* Whether an op's text goes on past the lines it draws (a paragraph split
 * across columns or pages). */
static bool goes_on(design *d, const fs_op *op)
{
    if (op->text.line_count == 0)
        return false;
    PangoLayout *layout = fs_pango_layout(d->pango, &op->text);
    if (!layout)
        return false;
    bool more = op->text.first_line + op->text.line_count < pango_layout_get_line_count(layout);
    g_object_unref(layout);
    return more;
}

/* A heading at the foot of a column: what follows it there, in reading
 * order, is fewer than FS_DESIGN_HEADING_LINES lines of one block, the
 * rest going on in the next column or page, or nothing, the document going
 * on in the next column (higher on the page) or page (a subheading below
 * it is checked on its own). last_page: the page is the document's last. */
static void check_heading(design *d, const fs_page_ops *page, size_t index, bool last_page)
{
    const fs_op *heading = &page->ops[index];
    int lines = 0, blocks = 0;
    bool cut = false, followed = false, goes_on_elsewhere = !last_page;
    for (size_t i = index + 1; i < page->count && !cut; i++) {
        const fs_op *op = &page->ops[i];
        if (op->kind != FS_OP_TEXT || op->w < 12) /* a list's marker */
            continue;
        bool below = op->y >= heading->y + heading->h - 1;
        bool in_column = op->x >= heading->x - 20 && op->x < heading->x + heading->w / 2;
        if (!below || !in_column) {
            goes_on_elsewhere = goes_on_elsewhere || !below;
            break;
        }
        followed = true;
        if (op->outline_level > 0) /* a subheading, checked on its own */
            break;
        lines += drawn_lines(d, op);
        blocks += op->text.first_line == 0;
        cut = goes_on(d, op);
    }
    bool stranded =
        (!followed && goes_on_elsewhere) || (cut && lines < FS_DESIGN_HEADING_LINES && blocks < 2);
    if (!stranded || !first_time(d, "heading", heading->pos))
        return;
    /* The heading's text as it reads, without its soft hyphens. */
    PangoLayout *layout = fs_pango_layout(d->pango, &heading->text);
    fs_buf text = {0};
    for (const char *c = layout ? pango_layout_get_text(layout) : ""; *c && text.length < 60;
         c = g_utf8_next_char(c))
        if (g_utf8_get_char(c) != 0xAD)
            fs_buf_append(&text, c, (size_t)(g_utf8_next_char(c) - c));
    fs_diag_add_kind(d->diags, FS_WARNING, FS_KIND_DESIGN, heading->pos,
                     "keep it with what follows: make the block before it shorter, or start a "
                     "column before it ('break: column')",
                     "the heading \"%s\" stands at the foot of a column: %d line%s of what "
                     "follows it there",
                     fs_buf_str(&text), lines, lines == 1 ? "" : "s");
    fs_buf_free(&text);
    if (layout)
        g_object_unref(layout);
}

/* ---- grids and stats ---------------------------------------------------- */

static void check_grid(design *d, const fs_box *grid)
{
    size_t columns, used = fs_place_grid_last_row(grid, &columns);
    if (columns < 2 || used == 0 || used * 2 >= columns ||
        grid->as.grid.last_row == FS_LAST_ROW_STRETCH || !first_time(d, "grid", grid->pos))
        return;
    /* With cells of one column each, a column count that fills the last
     * row at least half. */
    size_t cells = 0;
    bool plain = true;
    for (size_t i = 0; i < grid->child_count; i++) {
        const fs_box *child = grid->children[i];
        if (child->kind == FS_BOX_STACK && child->child_count == 0)
            continue;
        cells++;
        plain = plain && child->span <= 1 && !(child->kind == FS_BOX_STAT && child->as.stat.hero);
    }
    size_t better = columns - 1;
    while (better > 1 && cells % better != 0 && (cells % better) * 2 < better)
        better--;
    char hint[200];
    if (plain && better > 1)
        snprintf(hint, sizeof hint,
                 "give the grid %zu columns, or 'last-row: stretch', or add or remove items",
                 better);
    else
        snprintf(hint, sizeof hint,
                 "give the grid 'last-row: stretch', change the cells' spans, or add or "
                 "remove items");
    fs_diag_add_kind(d->diags, FS_WARNING, FS_KIND_DESIGN, grid->pos, hint,
                     "the grid's last row holds %zu of its %zu places: less than half full", used,
                     columns);
}

/* The text ops that draw a stat's label, and the lines of the first. */
static void check_label(design *d, const fs_display *display, const fs_box *stat)
{
    for (size_t p = 0; p < display->page_count; p++) {
        const fs_page_ops *page = &display->pages[p];
        for (size_t i = 0; i < page->count; i++) {
            const fs_op *op = &page->ops[i];
            if (op->kind != FS_OP_TEXT || op->text.markup != stat->as.stat.label)
                continue;
            int lines = drawn_lines(d, op);
            if (lines > FS_DESIGN_MAX_LABEL && first_time(d, "label", stat->pos))
                fs_diag_add_kind(d->diags, FS_WARNING, FS_KIND_DESIGN, stat->pos,
                                 "shorten the label, or give the stats more width (fewer "
                                 "columns)",
                                 "a stat's label of %d lines: more than %d read as a paragraph",
                                 lines, FS_DESIGN_MAX_LABEL);
            return;
        }
    }
}

static void check_boxes(design *d, const fs_display *display, const fs_box *box)
{
    if (!box)
        return;
    if (box->kind == FS_BOX_GRID)
        check_grid(d, box);
    if (box->kind == FS_BOX_STAT)
        check_label(d, display, box);
    for (size_t i = 0; i < box->child_count; i++)
        check_boxes(d, display, box->children[i]);
}

bool fs_design_check(const fs_document *doc, const fs_display *display, fs_pango *pango,
                     fs_diags *diags)
{
    design d = {.pango = pango, .diags = diags, .arena = fs_arena_create()};
    if (!d.arena)
        return false;
    d.seen.arena = d.arena;
    for (size_t p = 0; p < display->page_count; p++) {
        const fs_page_ops *page = &display->pages[p];
        for (size_t i = 0; i < page->count; i++) {
            const fs_op *op = &page->ops[i];
            if (op->kind != FS_OP_TEXT || !op->text.markup[0])
                continue;
            check_size(&d, op);
            check_contrast(&d, page, i);
            check_lines(&d, op);
            if (op->outline_level > 0)
                check_heading(&d, page, i, p + 1 == display->page_count);
        }
    }
    check_boxes(&d, display, doc->body);
    fs_arena_free(d.arena);
    return !d.failed;
}
