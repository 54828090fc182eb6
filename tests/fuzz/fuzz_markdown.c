/* libFuzzer target for the Markdown glue. Any bytes, read as Markdown from
 * a layout, must convert without crashing or leaking into markup that pango
 * accepts, with links inside the text pango shows; read as a document, into
 * blocks with the same guarantees, translated or not. The same bytes, read
 * as a data cell (escaped first), must give text only: no markup tag but
 * the house rules' spans, no backslash the cell did not hold, and, for a
 * one-line cell of printable ASCII, exactly the cell's text with the house
 * rules, XML-escaped. Read as layout text or a
 * translation (escaped for blocks), they must give paragraphs only. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmark.h>
#include <pango/pango.h>

#include "bind/fs_markdown.h"
#include "i18n/fs_typo.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The text pango shows for markup; traps when pango refuses it (pango
 * would draw nothing). Freed with g_free. */
static char *pango_text(const char *markup)
{
    GError *error = NULL;
    char *text = NULL;
    gboolean ok = pango_parse_markup(markup, -1, 0, NULL, &text, NULL, &error);
    if (error)
        g_error_free(error);
    if (!ok)
        __builtin_trap();
    return text;
}

/* A paragraph's markup is valid and its links lie inside its text, on
 * character boundaries, in order, each with a target. */
static void check_paragraph(const char *markup, const fs_link *links, size_t count)
{
    char *text = pango_text(markup);
    size_t length = strlen(text);
    if (count && !links)
        __builtin_trap();
    for (size_t i = 0; i < count; i++) {
        const fs_link *link = &links[i];
        if (link->start >= link->end || link->end > length || !link->target || !link->target[0])
            __builtin_trap();
        if (!g_utf8_validate(text + link->start, (gssize)(link->end - link->start), NULL))
            __builtin_trap();
        if (i && links[i - 1].start > link->start)
            __builtin_trap();
    }
    g_free(text);
}

static void check_markup(const fs_markup *markup)
{
    for (size_t i = 0; i < markup->count; i++)
        check_paragraph(markup->paragraphs[i], markup->links[i], markup->link_counts[i]);
}

static size_t count_char(const char *text, char c)
{
    size_t count = 0;
    for (; *text; text++)
        count += *text == c;
    return count;
}

/* markup without what the house rules add (fs_typo.c: a URL kept from
 * hyphenation, its pieces kept whole and the zero-width spaces between
 * them, a superscript ordinal), in out. */
static void strip_typo_spans(fs_buf *out, const char *markup)
{
    static const char *const spans[] = {"<span insert_hyphens=\"false\">",
                                        "<span allow_breaks=\"false\">",
                                        "<span font_features=\"sups\">", "</span>", "\u200b"};
    while (*markup) {
        size_t skip = 0;
        for (size_t k = 0; !skip && k < sizeof spans / sizeof *spans; k++)
            if (strncmp(markup, spans[k], strlen(spans[k])) == 0)
                skip = strlen(spans[k]);
        if (skip)
            markup += skip;
        else
            fs_buf_putc(out, *markup++);
    }
}

/* The input as a data cell: escaped, then converted. */
static void check_cell(const char *cell, fs_arena *arena)
{
    fs_buf source = {0};
    fs_markdown_escape(&source, cell);
    fs_markup markup;
    if (fs_buf_ok(&source) && source.length <= FS_MARKDOWN_MAX_BYTES) {
        if (!fs_markdown_to_markup(fs_buf_str(&source), source.length, "en", NULL, arena, &markup))
            __builtin_trap(); /* within the limit, conversion succeeds */
        check_markup(&markup);
        /* Valid UTF-8 is kept byte for byte, so a backslash in the markup
         * is one the cell held (an escape shown would be one more). */
        size_t backslashes = 0;
        for (size_t i = 0; i < markup.count; i++) {
            fs_buf text = {0};
            strip_typo_spans(&text, markup.paragraphs[i]);
            if (fs_buf_ok(&text) && strchr(fs_buf_str(&text), '<'))
                __builtin_trap(); /* data read as Markdown */
            fs_buf_free(&text);
            if (markup.link_counts[i])
                __builtin_trap(); /* a cell makes no link */
            backslashes += count_char(markup.paragraphs[i], '\\');
        }
        if (g_utf8_validate(cell, -1, NULL) && backslashes != count_char(cell, '\\'))
            __builtin_trap();
    }
    fs_buf_free(&source);
}

/* A one-line cell of printable ASCII and spaces reads back exactly: the
 * paragraph, but for the house rules' spans, is the cell with the English
 * house rules (fs_typo_apply), XML-escaped, without the trailing spaces
 * any paragraph loses. */
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
    fs_buf source = {0}, typeset = {0}, expected = {0};
    while (length && cell[length - 1] == ' ')
        length--;
    fs_typo_apply("en", cell, length, &typeset);
    fs_buf_put_escaped(&expected, fs_buf_str(&typeset), typeset.length);
    fs_markdown_escape(&source, cell);
    fs_markup markup;
    if (visible && fs_buf_ok(&source) && fs_buf_ok(&typeset) && fs_buf_ok(&expected) &&
        source.length <= FS_MARKDOWN_MAX_BYTES) {
        if (!fs_markdown_to_markup(fs_buf_str(&source), source.length, "en", NULL, arena, &markup))
            __builtin_trap();
        if (markup.count != 1)
            __builtin_trap();
        fs_buf shown = {0};
        strip_typo_spans(&shown, markup.paragraphs[0]);
        if (fs_buf_ok(&shown) && strcmp(fs_buf_str(&shown), fs_buf_str(&expected)) != 0)
            __builtin_trap(); /* the cell does not read as written */
        fs_buf_free(&shown);
    }
    fs_buf_free(&source);
    fs_buf_free(&typeset);
    fs_buf_free(&expected);
    free(cell);
}

/* The input as layout text or a translation, after what a layout may have
 * written on the line (nothing, digits, text): escaped for blocks, it
 * parses into paragraphs only, with or without smart punctuation. */
static void check_inline(const char *text)
{
    static const char *const befores[] = {"", "12", "a\n", "x "};
    for (size_t i = 0; i < sizeof befores / sizeof *befores; i++) {
        fs_buf source = {0};
        fs_buf_puts(&source, befores[i]);
        fs_markdown_escape_blocks(&source, text);
        for (int options = 0; fs_buf_ok(&source) && options < 2; options++) {
            cmark_node *document = cmark_parse_document(fs_buf_str(&source), source.length,
                                                        options ? CMARK_OPT_SMART : 0);
            if (!document)
                __builtin_trap();
            for (cmark_node *n = cmark_node_first_child(document); n; n = cmark_node_next(n))
                if (cmark_node_get_type(n) != CMARK_NODE_PARAGRAPH)
                    __builtin_trap(); /* a block started */
            cmark_node_free(document);
        }
        fs_buf_free(&source);
    }
}

/* Translations made from the source, chosen by its first byte: none, the
 * source, the source after a block marker or a dash, split in paragraphs,
 * or each line reversed. */
typedef struct {
    fs_buf text;
    unsigned calls;
} translator;

static const char *translate(void *context, const char *source, int line)
{
    translator *t = context;
    if (!source || line < 1)
        __builtin_trap();
    if (!g_utf8_validate(source, -1, NULL))
        __builtin_trap(); /* a msgid must be valid UTF-8 */
    static const char *const prefixes[] = {"1. ", "# ", "> ", "\u2014 ", "    ", "<div>", "[x]: "};
    unsigned choice = (unsigned char)source[0] + t->calls++;
    fs_buf_clear(&t->text);
    switch (choice % 10) {
    case 0:
        return NULL;
    case 1:
        return source;
    case 2: {
        fs_buf_puts(&t->text, source);
        size_t half = t->text.length / 2;
        if (half < t->text.length)
            t->text.data[half] = '\n';
        fs_buf_puts(&t->text, "\n\nmore");
        break;
    }
    case 3: {
        size_t length = strlen(source);
        for (size_t i = length; i > 0; i--)
            fs_buf_putc(&t->text, source[i - 1]);
        break;
    }
    default:
        fs_buf_puts(&t->text, prefixes[choice % 10 - 4]);
        fs_buf_puts(&t->text, source);
        break;
    }
    return fs_buf_str(&t->text);
}

/* The input as a document, translated or not. */
static void check_blocks(const uint8_t *data, size_t size, fs_arena *arena, bool translated)
{
    translator t = {0};
    fs_blocks blocks;
    bool ok = fs_markdown_blocks((const char *)data, size, "fr", NULL,
                                 translated ? translate : NULL, &t, arena, &blocks);
    fs_buf_free(&t.text);
    if (ok != (size <= FS_MARKDOWN_MAX_BYTES))
        __builtin_trap(); /* refused only when too large */
    for (size_t i = 0; ok && i < blocks.count; i++) {
        const fs_block *b = &blocks.blocks[i];
        if (!b->markup || !b->source || b->line < 1 || (b->kind == FS_BLOCK_HEADING) != !!b->anchor)
            __builtin_trap();
        if (!g_utf8_validate(b->source, -1, NULL))
            __builtin_trap();
        check_paragraph(b->markup, b->links, b->link_count);
        switch (b->kind) {
        case FS_BLOCK_HEADING:
            if (b->level < 1 || b->level > 3)
                __builtin_trap();
            /* Anchors are unique (checked against the last few only). */
            for (size_t j = i > 64 ? i - 64 : 0; j < i; j++)
                if (blocks.blocks[j].anchor && strcmp(blocks.blocks[j].anchor, b->anchor) == 0)
                    __builtin_trap();
            break;
        case FS_BLOCK_ITEM:
        case FS_BLOCK_QUOTE:
        case FS_BLOCK_ATTRIBUTION:
            if (b->level < 1)
                __builtin_trap();
            break;
        case FS_BLOCK_PARAGRAPH:
        case FS_BLOCK_CODE:
            if (b->level != 0)
                __builtin_trap();
            break;
        default:
            __builtin_trap();
        }
        if (b->kind != FS_BLOCK_ITEM && (b->number || b->continues || b->ordered || b->tight))
            __builtin_trap();
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fs_arena *arena = fs_arena_create();
    if (!arena)
        return 0;
    fs_markup markup;
    bool ok = fs_markdown_to_markup((const char *)data, size, "fr", NULL, arena, &markup);
    if (ok != (size <= FS_MARKDOWN_MAX_BYTES))
        __builtin_trap(); /* refused only when too large */
    if (ok)
        check_markup(&markup);
    check_blocks(data, size, arena, false);
    check_blocks(data, size, arena, true);
    char *cell = malloc(size + 1);
    if (cell) {
        memcpy(cell, data, size);
        cell[size] = '\0';
        check_cell(cell, arena);
        check_inline(cell);
        free(cell);
    }
    check_round_trip(data, size, arena);
    fs_arena_free(arena);
    return 0;
}
