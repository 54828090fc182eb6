#include "fs_dump.h"

#include <pango/pango.h>
#include <stdio.h>

#include "core/fs_buf.h"
#include "core/fs_output.h"

static void put_color(fs_buf *out, fs_rgba c)
{
    fs_buf_printf(out, " #%02x%02x%02x", (int)(c.r * 255 + 0.5), (int)(c.g * 255 + 0.5),
                  (int)(c.b * 255 + 0.5));
    if (c.a < 1)
        fs_buf_printf(out, "/%.2f", c.a);
}

/* One line per op: kind, x y w h in points, colour, then what it draws.
 * Text is written without its markup, with newlines as \n. */
static void put_op(fs_buf *out, const fs_op *op)
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
        char *plain = NULL;
        if (pango_parse_markup(op->text.markup, -1, 0, NULL, &plain, NULL, NULL)) {
            fs_buf_puts(out, " \"");
            for (const char *c = plain; *c; c++) {
                if (*c == '\n')
                    fs_buf_puts(out, "\\n");
                else
                    fs_buf_putc(out, *c);
            }
            fs_buf_putc(out, '"');
            g_free(plain);
        }
    }
    fs_buf_putc(out, '\n');
}

bool fs_dump_write(const fs_display *display, const char *path, fs_cleanup *cleanup,
                   fs_diags *diags)
{
    fs_buf text = {0};
    fs_buf_printf(&text, "page size %.2f x %.2f pt, %zu page%s\n", display->width, display->height,
                  display->page_count, display->page_count == 1 ? "" : "s");
    for (size_t i = 0; i < display->page_count; i++) {
        fs_buf_printf(&text, "page %zu\n", i + 1);
        for (size_t k = 0; k < display->pages[i].count; k++)
            put_op(&text, &display->pages[i].ops[k]);
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
