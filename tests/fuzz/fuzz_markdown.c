/* libFuzzer target for the Markdown glue. Any bytes, read as Markdown from
 * a layout, must convert without crashing or leaking into markup that pango
 * accepts. The same bytes, read as a data cell (escaped first), must give
 * text only: no markup tag, no backslash the cell did not hold, and, for a
 * one-line cell of printable ASCII, exactly the cell's text XML-escaped. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <pango/pango.h>

#include "bind/fs_markdown.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_pango(const fs_markup *markup)
{
    for (size_t i = 0; i < markup->count; i++) {
        GError *error = NULL;
        char *text = NULL;
        gboolean ok = pango_parse_markup(markup->paragraphs[i], -1, 0, NULL, &text, NULL, &error);
        g_free(text);
        if (error)
            g_error_free(error);
        if (!ok)
            __builtin_trap(); /* pango would draw nothing */
    }
}

static size_t count_char(const char *text, char c)
{
    size_t count = 0;
    for (; *text; text++)
        count += *text == c;
    return count;
}

/* The input as a data cell: escaped, then converted. */
static void check_cell(const char *cell, fs_arena *arena)
{
    fs_buf source = {0};
    fs_markdown_escape(&source, cell);
    fs_markup markup;
    if (fs_buf_ok(&source) && source.length <= FS_MARKDOWN_MAX_BYTES) {
        if (!fs_markdown_to_markup(fs_buf_str(&source), source.length, "en", arena, &markup))
            __builtin_trap(); /* within the limit, conversion succeeds */
        check_pango(&markup);
        /* Valid UTF-8 is kept byte for byte, so a backslash in the markup
         * is one the cell held (an escape shown would be one more). */
        size_t backslashes = 0;
        for (size_t i = 0; i < markup.count; i++) {
            if (strchr(markup.paragraphs[i], '<'))
                __builtin_trap(); /* data read as Markdown */
            backslashes += count_char(markup.paragraphs[i], '\\');
        }
        if (g_utf8_validate(cell, -1, NULL) && backslashes != count_char(cell, '\\'))
            __builtin_trap();
    }
    fs_buf_free(&source);
}

/* A one-line cell of printable ASCII and spaces reads back exactly: the
 * paragraph is the cell XML-escaped, without the trailing spaces any
 * paragraph loses. */
static void check_round_trip(const uint8_t *data, size_t size, fs_arena *arena)
{
    char *cell = malloc(size + 1);
    if (!cell)
        return;
    size_t length = 0;
    bool visible = false;
    for (size_t i = 0; i < size; i++) {
        char c = data[i] > 0x20 && data[i] < 0x7f ? (char)data[i] : ' ';
        visible = visible || c != ' ';
        cell[length++] = c;
    }
    cell[length] = '\0';
    fs_buf source = {0}, expected = {0};
    while (length && cell[length - 1] == ' ')
        length--;
    fs_buf_put_escaped(&expected, cell, length);
    fs_markdown_escape(&source, cell);
    fs_markup markup;
    if (visible && fs_buf_ok(&source) && fs_buf_ok(&expected) &&
        source.length <= FS_MARKDOWN_MAX_BYTES) {
        if (!fs_markdown_to_markup(fs_buf_str(&source), source.length, "en", arena, &markup))
            __builtin_trap();
        if (markup.count != 1 || strcmp(markup.paragraphs[0], fs_buf_str(&expected)) != 0)
            __builtin_trap(); /* the cell does not read as written */
    }
    fs_buf_free(&source);
    fs_buf_free(&expected);
    free(cell);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fs_arena *arena = fs_arena_create();
    if (!arena)
        return 0;
    fs_markup markup;
    bool ok = fs_markdown_to_markup((const char *)data, size, "fr", arena, &markup);
    if (ok != (size <= FS_MARKDOWN_MAX_BYTES))
        __builtin_trap(); /* refused only when too large */
    if (ok)
        check_pango(&markup);
    char *cell = malloc(size + 1);
    if (cell) {
        memcpy(cell, data, size);
        cell[size] = '\0';
        check_cell(cell, arena);
        free(cell);
    }
    check_round_trip(data, size, arena);
    fs_arena_free(arena);
    return 0;
}
