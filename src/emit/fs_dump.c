#include "fs_dump.h"

#include <pango/pango.h>
#include <stdio.h>
#include <string.h>

#include "core/fs_buf.h"
#include "core/fs_output.h"

static void put_color(fs_buf *out, fs_rgba c)
{
    fs_buf_printf(out, " #%02x%02x%02x", (int)(c.r * 255 + 0.5), (int)(c.g * 255 + 0.5),
                  (int)(c.b * 255 + 0.5));
    if (c.a < 1)
        fs_buf_printf(out, "/%.2f", c.a);
}

/* Appends text[start..end) to out as the dump shows it: newlines as \n,
 * '|' and '\\' escaped, soft hyphens and zero-width spaces (which print
 * nothing) dropped. */
static void put_text(fs_buf *out, const char *text, size_t start, size_t end)
{
    for (size_t at = start; at < end; at++) {
        char c = text[at];
        if (c == '\n')
            fs_buf_puts(out, "\\n");
        else if (c == '|' || c == '\\')
            fs_buf_printf(out, "\\%c", c);
        else if (c == '\xc2' && at + 1 < end && text[at + 1] == '\xad')
            at++;
        else if (end - at >= 3 && memcmp(text + at, "\xe2\x80\x8b", 3) == 0)
            at += 2;
        else
            fs_buf_putc(out, c);
    }
}

/* The text as pango lays it out, without markup, in quotes, its lines
 * parted by '|' (after "\n" where a line break ends one). A line that ends
 * inside a word ends with the hyphen pango draws there: "-" at a soft
 * hyphen or a hyphen of the text, "-!" where pango had to cut a word that
 * fits no line. */
static void put_lines(fs_buf *out, fs_pango *pango, const fs_text *text)
{
    PangoLayout *layout = fs_pango_layout(pango, text);
    if (!layout)
        return;
    const char *shown = pango_layout_get_text(layout);
    fs_buf_puts(out, " \"");
    for (GSList *l = pango_layout_get_lines_readonly(layout); l; l = l->next) {
        const PangoLayoutLine *line = l->data;
        size_t start = (size_t)line->start_index, end = start + (size_t)line->length;
        put_text(out, shown, start, end);
        if (!l->next)
            break;
        /* A line a line break ends is no word broken: it shows as "\n|". */
        if (shown[end] == '\n') {
            fs_buf_puts(out, "\\n|");
            continue;
        }
        GSList *last = g_slist_last(line->runs);
        const PangoGlyphItem *run = last ? last->data : NULL;
        bool hyphen = run && (run->item->analysis.flags & PANGO_ANALYSIS_FLAG_NEED_HYPHEN);
        bool soft = end >= 2 && memcmp(shown + end - 2, "\xc2\xad", 2) == 0;
        fs_buf_puts(out, hyphen ? (soft ? "-|" : "-!|") : "|");
    }
    fs_buf_putc(out, '"');
    g_object_unref(layout);
}

/* One line per op: kind, x y w h in points, colour, then what it draws.
 * Text is written without its markup, as its lines (put_lines). */
static void put_op(fs_buf *out, fs_pango *pango, const fs_op *op)
{
    static const char *const kinds[] = {"rect", "text", "icon", "circle", "image", "arc"};
    fs_buf_printf(out, "  %-6s %7.2f %7.2f %7.2f %7.2f", kinds[op->kind], op->x, op->y, op->w,
                  op->h);
    put_color(out, op->color);
    if (op->alt)
        fs_buf_printf(out, " alt \"%s\"", op->alt);
    if (op->kind == FS_OP_ARC) {
        fs_buf_printf(out, " %.3f-%.3f rad, %.2f thick", op->arc.start, op->arc.end,
                      op->arc.thickness);
    } else if (op->kind == FS_OP_IMAGE) {
        fs_buf_printf(out, " %s %s", fs_image_path(op->picture.image),
                      op->picture.cover ? "cover" : "contain");
    } else if (op->kind == FS_OP_ICON) {
        fs_buf_printf(out, " %s U+%04X", op->icon.family, (unsigned)op->icon.codepoint);
        if (op->icon.part > 0)
            fs_buf_printf(out, " part %.2f", op->icon.part);
    } else if (op->kind == FS_OP_TEXT) {
        const fs_text_style *style = op->text.style;
        fs_buf_printf(out, " %s %d%s %.2f", style->family, style->weight,
                      style->italic ? " italic" : "", op->text.size);
        if (op->outline_level)
            fs_buf_printf(out, " h%d", op->outline_level);
        if (op->anchor)
            fs_buf_printf(out, " #%s", op->anchor);
        if (op->text.line_count)
            fs_buf_printf(out, " lines %d-%d", op->text.first_line + 1,
                          op->text.first_line + op->text.line_count);
        for (size_t l = 0; l < op->link_count; l++)
            fs_buf_printf(out, " link[%zu,%zu]->%s", op->links[l].start, op->links[l].end,
                          op->links[l].target);
        put_lines(out, pango, &op->text);
    }
    fs_buf_putc(out, '\n');
}

bool fs_dump_write(const fs_display *display, fs_pango *pango, const char *path,
                   fs_cleanup *cleanup, fs_diags *diags)
{
    fs_buf text = {0};
    fs_buf_printf(&text, "page size %.2f x %.2f pt, %zu page%s\n", display->width, display->height,
                  display->page_count, display->page_count == 1 ? "" : "s");
    for (size_t i = 0; i < display->page_count; i++) {
        fs_buf_printf(&text, "page %zu\n", i + 1);
        for (size_t k = 0; k < display->pages[i].count; k++)
            put_op(&text, pango, &display->pages[i].ops[k]);
    }
    fs_output out;
    bool ok = fs_buf_ok(&text) && fs_output_open(&out, path, cleanup, diags);
    if (ok) {
        ok = fs_output_write(&out, fs_buf_str(&text), text.length) &&
             fs_output_close(&out, diags) && fs_output_commit(&out, diags);
        fs_output_discard(&out);
    }
    fs_buf_free(&text);
    return ok;
}
