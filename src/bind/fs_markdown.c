#include "fs_markdown.h"

#include <cmark.h>
#include <ctype.h>
#include <string.h>

void fs_markdown_escape(fs_buf *source, const char *text)
{
    for (const char *c = text; *c; c++) {
        if (ispunct((unsigned char)*c))
            fs_buf_putc(source, '\\');
        /* A newline in a cell is a line break the writer meant. */
        if (*c == '\n')
            fs_buf_puts(source, "\\");
        fs_buf_putc(source, *c);
    }
}

static void put_literal(fs_buf *out, cmark_node *node)
{
    const char *text = cmark_node_get_literal(node);
    if (text)
        fs_buf_put_escaped(out, text, strlen(text));
}

/* Renders the inline children of node as pango markup. Link targets are
 * kept out of the text; links are shown as underlined text. */
static void render_inlines(fs_buf *out, cmark_node *node)
{
    for (cmark_node *child = cmark_node_first_child(node); child;
         child = cmark_node_next(child)) {
        switch (cmark_node_get_type(child)) {
        case CMARK_NODE_TEXT:
        case CMARK_NODE_HTML_INLINE: put_literal(out, child); break;
        case CMARK_NODE_CODE:
            fs_buf_puts(out, "<tt>");
            put_literal(out, child);
            fs_buf_puts(out, "</tt>");
            break;
        case CMARK_NODE_SOFTBREAK: fs_buf_putc(out, ' '); break;
        case CMARK_NODE_LINEBREAK: fs_buf_putc(out, '\n'); break;
        case CMARK_NODE_EMPH:
            fs_buf_puts(out, "<i>");
            render_inlines(out, child);
            fs_buf_puts(out, "</i>");
            break;
        case CMARK_NODE_STRONG:
            fs_buf_puts(out, "<b>");
            render_inlines(out, child);
            fs_buf_puts(out, "</b>");
            break;
        case CMARK_NODE_LINK:
            fs_buf_puts(out, "<u>");
            render_inlines(out, child);
            fs_buf_puts(out, "</u>");
            break;
        default: render_inlines(out, child); break;
        }
    }
}

/* Leaf blocks in document order: each paragraph, heading or code block is
 * one markup paragraph; containers (lists, quotes) are walked through. */
static bool collect(cmark_node *node, fs_arena *arena, fs_buf *scratch, fs_markup *out,
                    size_t *capacity)
{
    for (cmark_node *block = cmark_node_first_child(node); block;
         block = cmark_node_next(block)) {
        cmark_node_type type = cmark_node_get_type(block);
        if (type == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_HEADING ||
            type == CMARK_NODE_CODE_BLOCK || type == CMARK_NODE_HTML_BLOCK) {
            fs_buf_clear(scratch);
            if (type == CMARK_NODE_CODE_BLOCK || type == CMARK_NODE_HTML_BLOCK)
                put_literal(scratch, block);
            else
                render_inlines(scratch, block);
            if (!fs_buf_ok(scratch))
                return false;
            if (out->count == *capacity) {
                *capacity = *capacity ? *capacity * 2 : 4;
                out->paragraphs =
                    fs_arena_grow(arena, out->paragraphs, out->count, *capacity, sizeof(char *));
                if (!out->paragraphs)
                    return false;
            }
            const char *markup = fs_arena_strdup(arena, fs_buf_str(scratch));
            if (!markup)
                return false;
            out->paragraphs[out->count++] = markup;
        } else if (!collect(block, arena, scratch, out, capacity)) {
            return false;
        }
    }
    return true;
}

bool fs_markdown_to_markup(const char *source, size_t length, fs_arena *arena, fs_markup *out)
{
    *out = (fs_markup){0};
    if (length > FS_MARKDOWN_MAX_BYTES)
        return false;
    cmark_node *document = cmark_parse_document(source, length, CMARK_OPT_SMART);
    if (!document)
        return false;
    fs_buf scratch = {0};
    size_t capacity = 0;
    bool ok = collect(document, arena, &scratch, out, &capacity);
    fs_buf_free(&scratch);
    cmark_node_free(document);
    return ok;
}
