#include "fs_markdown.h"

#include "i18n/fs_typo.h"

#include <cmark.h>
#include <ctype.h>
#include <string.h>

void fs_markdown_escape(fs_buf *source, const char *text)
{
    /* Where the text's trailing white space starts: a paragraph may end
     * there, and drops it. */
    const char *tail = text + strlen(text);
    while (tail > text && strchr(" \t\n\v\f\r", tail[-1]))
        tail--;
    bool line_start = true;
    for (const char *c = text; *c; c++) {
        /* A newline in a cell is a line break the writer meant, whether the
         * file ends lines with LF, CRLF or CR: a backslash before it makes a
         * hard break. In the trailing white space, where the paragraph may
         * end and show the backslash, two spaces make the break instead. */
        if (*c == '\r' && c[1] == '\n')
            continue;
        if (*c == '\n' || *c == '\r') {
            fs_buf_puts(source, c < tail ? "\\\n" : "  \n");
            line_start = true;
            continue;
        }
        /* A space or tab that starts a line would be stripped, or, four of
         * them, open a code block in which the escapes below are shown as
         * backslashes; as a character reference it is text. (Trailing white
         * space is left to be dropped.) */
        if (line_start && c < tail && (*c == ' ' || *c == '\t')) {
            fs_buf_puts(source, *c == ' ' ? "&#32;" : "&#9;");
            line_start = false;
            continue;
        }
        line_start = false;
        if (ispunct((unsigned char)*c))
            fs_buf_putc(source, '\\');
        fs_buf_putc(source, *c);
    }
}

/* Appends a node's literal text, escaped for markup. A block's literal (a
 * code or HTML block) ends with its last line's newline, which pango would
 * draw as an empty line; that one is dropped. */
static void put_literal(fs_buf *out, cmark_node *node, bool block)
{
    const char *text = cmark_node_get_literal(node);
    if (!text)
        return;
    size_t length = strlen(text);
    if (block && length && text[length - 1] == '\n')
        length--;
    fs_buf_put_escaped(out, text, length);
}

/* Appends the gathered text, with the language's typography, escaped for
 * markup, and empties it. */
static void flush_text(fs_buf *text, const char *lang, fs_buf *out)
{
    if (!text->length)
        return;
    fs_buf typeset = {0};
    fs_typo_apply(lang ? lang : "", text->data, text->length, &typeset);
    fs_buf_put_escaped(out, fs_buf_str(&typeset), typeset.length);
    fs_buf_free(&typeset);
    fs_buf_clear(text);
}

static bool add_paragraph(fs_arena *arena, const fs_buf *markup, fs_markup *out, size_t *capacity)
{
    if (!fs_buf_ok(markup))
        return false;
    if (out->count == *capacity) {
        *capacity = *capacity ? *capacity * 2 : 4;
        out->paragraphs =
            fs_arena_grow(arena, out->paragraphs, out->count, *capacity, sizeof(char *));
        if (!out->paragraphs)
            return false;
    }
    const char *copy = fs_arena_strdup(arena, fs_buf_str(markup));
    if (!copy)
        return false;
    out->paragraphs[out->count++] = copy;
    return true;
}

/* Walks the document in order with cmark's iterator rather than by
 * recursion, so nesting as deep as the size limit allows (a megabyte of
 * '>' is that many block quotes) cannot overflow the stack. Each paragraph,
 * heading, code or HTML block is one markup paragraph; containers (lists,
 * quotes) are walked through. Link targets are kept out of the text; links
 * are shown as underlined text. */
static bool collect(cmark_node *document, const char *lang, fs_arena *arena, fs_markup *out)
{
    cmark_iter *iter = cmark_iter_new(document);
    if (!iter)
        return false;
    fs_buf scratch = {0};
    /* Runs of text are gathered before typography is applied: cmark splits
     * text at characters such as '!', and "Attention !" must be seen whole
     * to get its narrow space right. */
    fs_buf text = {0};
    size_t capacity = 0;
    bool ok = true;
    cmark_event_type event;
    while (ok && (event = cmark_iter_next(iter)) != CMARK_EVENT_DONE) {
        cmark_node *node = cmark_iter_get_node(iter);
        bool entering = event == CMARK_EVENT_ENTER;
        const char *tag = NULL;
        cmark_node_type type = cmark_node_get_type(node);
        if (type == CMARK_NODE_TEXT || type == CMARK_NODE_HTML_INLINE) {
            const char *literal = cmark_node_get_literal(node);
            if (literal)
                fs_buf_puts(&text, literal);
            continue;
        }
        flush_text(&text, lang, &scratch);
        switch (type) {
        case CMARK_NODE_PARAGRAPH:
        case CMARK_NODE_HEADING:
            if (entering)
                fs_buf_clear(&scratch);
            else
                ok = add_paragraph(arena, &scratch, out, &capacity);
            break;
        case CMARK_NODE_CODE_BLOCK:
        case CMARK_NODE_HTML_BLOCK: /* leaves: entered only */
            fs_buf_clear(&scratch);
            put_literal(&scratch, node, true);
            ok = add_paragraph(arena, &scratch, out, &capacity);
            break;
        case CMARK_NODE_CODE:
            fs_buf_puts(&scratch, "<tt>");
            put_literal(&scratch, node, false);
            fs_buf_puts(&scratch, "</tt>");
            break;
        case CMARK_NODE_SOFTBREAK:
            fs_buf_putc(&scratch, ' ');
            break;
        case CMARK_NODE_LINEBREAK:
            fs_buf_putc(&scratch, '\n');
            break;
        case CMARK_NODE_EMPH:
            tag = "i";
            break;
        case CMARK_NODE_STRONG:
            tag = "b";
            break;
        case CMARK_NODE_LINK:
            tag = "u";
            break;
        default:
            break;
        }
        if (tag)
            fs_buf_printf(&scratch, entering ? "<%s>" : "</%s>", tag);
    }
    fs_buf_free(&scratch);
    fs_buf_free(&text);
    cmark_iter_free(iter);
    return ok;
}

bool fs_markdown_to_markup(const char *source, size_t length, const char *lang, fs_arena *arena,
                           fs_markup *out)
{
    *out = (fs_markup){0};
    if (length > FS_MARKDOWN_MAX_BYTES)
        return false;
    /* Invalid UTF-8 is replaced, as pango refuses markup that holds any. */
    cmark_node *document =
        cmark_parse_document(source, length, CMARK_OPT_SMART | CMARK_OPT_VALIDATE_UTF8);
    if (!document)
        return false;
    bool ok = collect(document, lang, arena, out);
    cmark_node_free(document);
    return ok;
}
