/* Texts, list items and Markdown: templates filled and read as Markdown
 * into pango markup, one box per block. */

#include <string.h>

#include "bind/fs_bind_internal.h"
#include "bind/fs_markdown.h"
#include "core/fs_suggest.h"

enum { FS_MAX_PARAGRAPH = 100000 };

/* Points between the items of a tight Markdown list (paragraphs get their
 * style's space). */
enum { FS_TIGHT_ITEM_GAP = 4 };

/* where is the node the text belongs to: literal segments carry no
 * position, so the first segment may have none. */
static bool fill_markup(binder *b, const fs_template *template, fs_pos where,
                        const fs_hyphen *hyphen, fs_markup *markup)
{
    fs_buf source = {0};
    fill_mode mode = {.markdown = true, .translate = true};
    bool ok = bind_fill(b, fs_lang_template(b->in->lang, template), mode, &source);
    if (ok && source.length > FS_MARKDOWN_MAX_BYTES) {
        fs_error(b->diags, where, "shorten the text", "text is larger than %d KiB",
                 FS_MARKDOWN_MAX_BYTES / 1024);
        ok = false;
    } else if (ok && !fs_markdown_to_markup(fs_buf_str(&source), source.length,
                                            fs_lang_tag(b->in->lang), hyphen, b->arena, markup)) {
        fs_error(b->diags, where, NULL, "out of memory while reading the text's Markdown");
        ok = false;
    }
    /* pango measures a line in 32-bit units: a paragraph of half a million
     * characters would overflow them and be drawn as one clipped line. No
     * page holds a paragraph near this cap anyway. */
    for (size_t i = 0; ok && i < markup->count; i++) {
        if (strlen(markup->paragraphs[i]) <= FS_MAX_PARAGRAPH)
            continue;
        fs_error(b->diags, where, "split the text into paragraphs, or shorten it",
                 "a paragraph of more than %d characters", FS_MAX_PARAGRAPH);
        ok = false;
    }
    fs_buf_free(&source);
    return ok;
}

/* One line of markup: paragraphs joined by line breaks (numbers, labels). */
const char *bind_fill_line(binder *b, const fs_template *template, fs_pos where,
                           const fs_text_style *style)
{
    fs_markup markup;
    if (!fill_markup(b, template, where, bind_hyphen(b, style), &markup))
        return NULL;
    fs_buf joined = {0};
    for (size_t i = 0; i < markup.count; i++)
        fs_buf_printf(&joined, "%s%s", i ? "\n" : "", markup.paragraphs[i]);
    /* A line cut short by a failed allocation must not reach the page. */
    const char *result = fs_buf_ok(&joined) ? fs_arena_strdup(b->arena, fs_buf_str(&joined)) : NULL;
    fs_buf_free(&joined);
    return result;
}

fs_box *bind_text_box(binder *b, const fs_node *node, const fs_template *template,
                      const char *style)
{
    fs_box *box = bind_new_box(b, FS_BOX_TEXT, node);
    fs_markup markup;
    if (!box)
        return NULL;
    box->as.text.style = bind_resolve_style(b, style, node);
    if (!fill_markup(b, template, node->pos, bind_hyphen(b, &box->as.text.style), &markup))
        return NULL;
    box->as.text.paragraphs = markup.paragraphs;
    box->as.text.paragraph_count = markup.count;
    box->as.text.links = markup.links;
    box->as.text.link_counts = markup.link_counts;
    return box;
}

fs_box *bind_list_item(binder *b, const fs_node *node)
{
    fs_box *item = bind_text_box(b, node, node->value, node->style);
    if (item)
        item->width_kind = FS_WIDTH_AUTO;
    return item;
}

/* What a Markdown block's translation needs: where the Markdown came from,
 * to report a missing translation at the block's line. */
typedef struct {
    binder *b;
    const char *file; /* the Markdown file, or NULL for a cell or the layout */
    fs_pos where;     /* the cell or node, when not a file */
} markdown_source;

static const char *translate_block(void *context, const char *source, int line)
{
    markdown_source *from = context;
    binder *b = from->b;
    const fs_lang *lang = b->in->lang;
    fs_pos where = from->file ? fs_pos_at(from->file, line, 1) : from->where;
    if (!fs_lang_translatable(source))
        return NULL;
    if (b->in->on_text)
        b->in->on_text(b->in->on_text_context, source, where);
    if (fs_lang_is_source(lang))
        return NULL;
    const char *text = bind_translated(b, source, where, NULL);
    return text == source ? NULL : text;
}

/* The Markdown a node names: a file of the data folder, or its value
 * filled as it is written (cells are Markdown here, and are translated
 * block by block rather than whole). */
static bool markdown_text(binder *b, const fs_node *node, fs_buf *text, markdown_source *from)
{
    from->b = b;
    from->where = node->pos;
    if (!node->as.markdown.file) {
        b->last_cell = fs_pos_at(NULL, 0, 0);
        bool ok = bind_fill(b, node->value, (fill_mode){0}, text);
        if (b->last_cell.file)
            from->where = b->last_cell;
        return ok;
    }
    const char *name = bind_fill_plain(b, node->as.markdown.file, PLAIN_AS_IS);
    if (!name)
        return false;
    const char *bytes;
    size_t length;
    if (!fs_dataset_text(b->in->data, name, &bytes, &length)) {
        if (bind_already_reported(b, node->as.markdown.file))
            return false;
        const char *const *names;
        size_t count = fs_dataset_text_names(b->in->data, &names);
        fs_buf hint = {0};
        if (count)
            fs_suggest_hint(&hint, name, names, count, "Markdown files of the folder: ");
        else
            fs_buf_puts(&hint, "put the text, as NAME.md, in the data folder");
        fs_error(b->diags, b->last_cell.file ? b->last_cell : node->pos, fs_buf_str(&hint),
                 "no Markdown file '%s' in %s", name, fs_dataset_dir(b->in->data));
        fs_buf_free(&hint);
        return false;
    }
    from->file = fs_arena_printf(b->arena, "%s/%s", fs_dataset_dir(b->in->data), name);
    fs_buf_append(text, bytes, length);
    return from->file != NULL && fs_buf_ok(text);
}

/* The style of a kind of block (a heading's by its level, 1 to 3). */
static const char *block_style(const binder *b, const fs_node *node, fs_block_kind kind, int level)
{
    static const char *const heading_styles[] = {"h1", "h2", "h3"};
    switch (kind) {
    case FS_BLOCK_HEADING:
        return bind_style_named(b,
                                heading_styles[level < 1   ? 0
                                               : level > 3 ? 2
                                                           : level - 1],
                                "heading");
    case FS_BLOCK_QUOTE:
        return bind_style_named(b, "quote", node->style);
    case FS_BLOCK_ATTRIBUTION:
        return bind_style_named(b, "attribution", bind_style_named(b, "caption", node->style));
    case FS_BLOCK_CODE:
        return bind_style_named(b, "code", node->style);
    default:
        return node->style;
    }
}

/* How each kind of block of node is hyphenated: as its style says. */
static fs_block_hyphens block_hyphens(const binder *b, const fs_node *node)
{
    fs_block_hyphens hyphens;
    for (int kind = 0; kind < FS_BLOCK_KINDS; kind++) {
        fs_text_style style = bind_resolve_style(b, block_style(b, node, kind, 1), node);
        hyphens.kinds[kind] = bind_hyphen(b, &style);
    }
    for (int level = 1; level <= 3; level++) {
        fs_text_style style =
            bind_resolve_style(b, block_style(b, node, FS_BLOCK_HEADING, level), node);
        hyphens.headings[level - 1] = bind_hyphen(b, &style);
    }
    return hyphens;
}

static fs_box *block_box(binder *b, const fs_node *node, const fs_block *block, fs_rgba accent)
{
    const char *style = block_style(b, node, block->kind, block->level);
    fs_box *box = bind_new_box(b, FS_BOX_TEXT, node);
    const char **paragraph = fs_arena_alloc(b->arena, sizeof *paragraph);
    if (!box || !paragraph)
        return NULL;
    *paragraph = block->markup;
    box->as.text.paragraphs = paragraph;
    box->as.text.paragraph_count = 1;
    if (block->link_count) {
        box->as.text.links = &block->links;
        box->as.text.link_counts = &block->link_count;
    }
    box->as.text.style = bind_resolve_style(b, style, node);
    box->as.text.bar = accent;
    box->gap = -1;
    if (block->kind == FS_BLOCK_HEADING) {
        box->as.text.level = block->level;
        box->as.text.anchor = block->anchor;
    } else if (block->kind == FS_BLOCK_ITEM) {
        box->as.text.depth = block->level;
        if (!block->continues)
            box->as.text.item_marker = block->ordered
                                           ? fs_arena_printf(b->arena, "%d.", block->number)
                                       : block->level > 1 ? "–"
                                                          : "•";
    } else if (block->kind == FS_BLOCK_QUOTE || block->kind == FS_BLOCK_ATTRIBUTION) {
        box->as.text.has_bar = true;
    }
    return box;
}

fs_box *bind_markdown(binder *b, const fs_node *node)
{
    if (bind_missing_style(b, node, &node->style))
        return NULL;
    fs_buf text = {0};
    markdown_source from = {0};
    bool ok = markdown_text(b, node, &text, &from);
    if (ok && text.length > FS_MARKDOWN_MAX_BYTES) {
        fs_error(b->diags, from.file ? fs_pos_at(from.file, 0, 0) : from.where, "shorten the text",
                 "Markdown larger than %d KiB", FS_MARKDOWN_MAX_BYTES / 1024);
        ok = false;
    }
    fs_blocks blocks = {0};
    fs_block_hyphens hyphens = block_hyphens(b, node);
    if (ok && !fs_markdown_blocks(fs_buf_str(&text), text.length, fs_lang_tag(b->in->lang),
                                  &hyphens, translate_block, &from, b->arena, &blocks)) {
        fs_error(b->diags, from.where, NULL, "out of memory while reading the Markdown");
        ok = false;
    }
    fs_buf_free(&text);
    fs_box *box = ok ? bind_new_box(b, FS_BOX_STACK, node) : NULL;
    if (!box || !(box->children = fs_arena_array(b->arena, blocks.count + 1, sizeof(fs_box *))))
        return NULL;
    fs_rgba accent = bind_theme_color(b, "accent", (fs_rgba){0.3, 0.3, 0.3, 1});
    for (size_t i = 0; i < blocks.count; i++) {
        const fs_block *block = &blocks.blocks[i];
        fs_box *child = block_box(b, node, block, accent);
        if (!child)
            return NULL;
        /* A block's problems point at its line of the file, or at the cell
         * that holds the Markdown. */
        child->pos = from.file ? fs_pos_at(from.file, block->line, 1) : from.where;
        const fs_block *next = i + 1 < blocks.count ? &blocks.blocks[i + 1] : NULL;
        /* Items of a tight list sit closer than paragraphs; a quote keeps
         * its attribution. */
        if (block->kind == FS_BLOCK_ITEM && block->tight && next && next->kind == FS_BLOCK_ITEM)
            child->gap = FS_TIGHT_ITEM_GAP;
        if (next && next->kind == FS_BLOCK_ATTRIBUTION)
            child->keep_with_next = true;
        box->children[box->child_count++] = child;
    }
    return box;
}
