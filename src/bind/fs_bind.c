/* Bind's driver: the switch over node kinds, their children, repeats
 * over a table's rows (with 'where'), 'when', styles and colours. */
#include "fs_bind.h"

#include <string.h>

#include "bind/fs_bind_internal.h"
#include "bind/fs_markdown.h"

static fs_box *bind_node(binder *b, const fs_node *node);

fs_rgba bind_theme_color(const binder *b, const char *name, fs_rgba fallback)
{
    fs_rgba color;
    return fs_theme_color(b->theme, name, &color) ? color : fallback;
}

fs_text_style bind_resolve_style(const binder *b, const char *name, const fs_node *node)
{
    const fs_style *style = fs_theme_style(b->theme, name);
    fs_text_style out = {.family = "sans",
                         .weight = 400,
                         .size = 10,
                         .line_height = 1.3,
                         .min_scale = 0.85,
                         .hyphenate = true,
                         .color = {0, 0, 0, 1}};
    if (style)
        out = (fs_text_style){.name = style->name,
                              .family = style->family,
                              .fallbacks = fs_theme_fallbacks(b->theme),
                              .weight = style->weight,
                              .italic = style->italic,
                              .uppercase = style->uppercase,
                              .size = style->size,
                              .line_height = style->line_height,
                              .space_after = style->space_after,
                              .tracking = style->tracking,
                              .space_before = style->space_before,
                              .min_scale = style->min_scale,
                              .hyphenate = style->hyphenate,
                              .color = style->color};
    if (b->has_color)
        out.color = b->color;
    if (node && node->color)
        fs_theme_color(b->theme, node->color, &out.color);
    if (node)
        out.align = node->align;
    return out;
}

/* style is the node's field naming the style, so that a node a repeat binds
 * once per row reports a missing style once. */
bool bind_missing_style(binder *b, const fs_node *node, const char *const *style)
{
    if (fs_theme_style(b->theme, *style))
        return false;
    if (!bind_already_reported(b, style))
        fs_error(b->diags, node->pos, "add the style to the theme's 'styles:'",
                 "the %s needs the style '%s', which the theme does not define", node->kind_name,
                 *style);
    return true;
}

const char *bind_style_named(const binder *b, const char *preferred, const char *fallback)
{
    return fs_theme_style(b->theme, preferred) ? preferred : fallback;
}

const fs_hyphen *bind_hyphen(const binder *b, const fs_text_style *style)
{
    return style->hyphenate && !style->uppercase ? fs_lang_hyphen(b->in->lang) : NULL;
}

fs_box *bind_new_box(binder *b, fs_box_kind kind, const fs_node *node)
{
    fs_box *box = fs_arena_alloc(b->arena, sizeof *box);
    if (!box)
        return NULL;
    box->kind = kind;
    box->pos = node->pos;
    box->width_kind = node->width_kind;
    box->width = node->width;
    box->valign = node->valign;
    box->span = node->span;
    box->gap = node->gap;
    box->padding = node->padding;
    box->radius = node->radius;
    box->border_width = node->border_width;
    box->bleed = node->bleed;
    box->keep_with_next = node->keep_with_next;
    if (node->fill)
        box->has_fill = fs_theme_color(b->theme, node->fill, &box->fill);
    if (node->border) {
        box->has_border = fs_theme_color(b->theme, node->border, &box->border);
        if (box->border_width <= 0)
            box->border_width = 0.75;
    }
    return box;
}

static bool bind_children(binder *b, fs_box *box, fs_node *const *nodes, size_t count)
{
    box->children = fs_arena_array(b->arena, count, sizeof(fs_box *));
    if (!box->children)
        return false;
    bool ok = true;
    b->nesting++;
    for (size_t i = 0; i < count; i++) {
        fs_box *child = bind_node(b, nodes[i]);
        if (child)
            box->children[box->child_count++] = child;
        else
            ok = false;
    }
    b->nesting--;
    return ok;
}

static const fs_table *repeat_table(binder *b, const fs_node *node)
{
    const fs_table *table = fs_dataset_table(b->in->data, node->repeat);
    /* Remembered by node: a segment made here lives on the stack, and its
     * address is reused by the next repeat, which would then go unreported. */
    if (!table && !bind_already_reported(b, node))
        bind_no_table(b, node->pos, "repeat: ", node->repeat);
    /* A table with only its header repeats nothing: an error (the page
     * would lack what the layout shows), a warning when 'when' says the
     * node may be left out. */
    if (table && fs_table_file_rows(table) == 0 && !bind_already_reported(b, node)) {
        fs_diag_add_kind(b->diags, node->when ? FS_WARNING : FS_ERROR, FS_KIND_EMPTY_TABLE,
                         node->pos, "add the table's rows under its header, or remove the repeat",
                         "repeat: table '%s' has no rows (%s has only its header)", node->repeat,
                         fs_table_path(table));
        return node->when ? table : NULL;
    }
    return table;
}

/* The columns of table that a repeat's 'where' compares, and the values
 * they must hold, filled in the scope around the repeat. */
static bool where_values(binder *b, const fs_node *node, const fs_table *table, size_t *columns,
                         const char **values)
{
    bool ok = true;
    for (size_t i = 0; i < node->where_count; i++) {
        const fs_where *where = &node->where[i];
        long column = fs_table_find_column(table, where->column);
        if (column < 0) {
            if (!bind_already_reported(b, where)) {
                fs_buf hint = {0};
                bind_columns_hint(b, table, where->column, &hint);
                fs_diag_add_kind(b->diags, FS_ERROR, FS_KIND_PLACEHOLDER, where->pos,
                                 fs_buf_str(&hint), "where: no column '%s' in %s", where->column,
                                 fs_table_path(table));
                fs_buf_free(&hint);
            }
            ok = false;
            continue;
        }
        columns[i] = (size_t)column;
        if (b->in->on_column)
            b->in->on_column(b->in->on_column_context, table, columns[i]);
        values[i] = bind_fill_plain(b, where->value, PLAIN_AS_IS);
        ok = values[i] && ok;
    }
    return ok;
}

static bool row_matches(const fs_table *table, size_t row, const fs_node *node,
                        const size_t *columns, const char *const *values)
{
    for (size_t i = 0; i < node->where_count; i++)
        if (strcmp(fs_table_cell(table, row, columns[i]), values[i]) != 0)
            return false;
    return true;
}

bool bind_repeat(binder *b, fs_box *box, const fs_node *node,
                 fs_box *(*each)(binder *, const fs_node *))
{
    const fs_table *table = repeat_table(b, node);
    if (!table)
        return false;
    size_t *columns = fs_arena_array(b->arena, node->where_count + 1, sizeof *columns);
    const char **values = fs_arena_array(b->arena, node->where_count + 1, sizeof *values);
    if (!columns || !values || !where_values(b, node, table, columns, values))
        return false;
    size_t rows = fs_table_row_count(table);
    box->children = fs_arena_array(b->arena, rows, sizeof(fs_box *));
    if (!box->children)
        return false;
    const fs_table *outer = b->scope;
    size_t outer_row = b->row;
    bool ok = true;
    /* What a repeat binds sits one level below it, as its content would. */
    b->nesting++;
    for (size_t r = 0; r < rows; r++) {
        if (!row_matches(table, r, node, columns, values))
            continue;
        b->scope = table;
        b->row = r;
        fs_box *child = each(b, node);
        if (child)
            box->children[box->child_count++] = child;
        else
            ok = false;
    }
    b->nesting--;
    b->scope = outer;
    b->row = outer_row;
    return ok;
}

static fs_box *bind_grid_item(binder *b, const fs_node *node)
{
    return bind_node(b, node->item);
}

/* 'hero: first': the grid's first cell shown (one that 'when' leaves out
 * is not shown) is the hero. The layout reader made sure it is a stat. */
static void bind_first_hero(binder *b, fs_box *grid, const fs_node *node)
{
    for (size_t i = 0; i < grid->child_count; i++) {
        fs_box *cell = grid->children[i];
        if (cell->kind != FS_BOX_STAT)
            continue;
        bind_make_hero(b, cell, node->item ? node->item : node->content[i]);
        return;
    }
}

static fs_box *bind_section(binder *b, const fs_node *node)
{
    fs_box *box = bind_new_box(b, FS_BOX_STACK, node);
    if (!box || !bind_children(b, box, node->content, node->content_count))
        return NULL;
    box->width_kind = FS_WIDTH_AUTO;
    box->section = true;
    return box;
}

/* True when a node's 'when' fills to no text: the node is left out. A
 * table with no rows is a warning here, and fills to nothing; a fill that
 * fails with no error (out of memory) sets *failed. */
static bool left_out(binder *b, const fs_node *node, bool *failed)
{
    if (!node->when)
        return false;
    size_t errors = fs_diags_errors(b->diags);
    b->quiet = true;
    b->empty_table = false;
    const char *text = bind_fill_plain(b, node->when, PLAIN_AS_IS);
    b->quiet = false;
    if (!text) {
        bool erred = fs_diags_errors(b->diags) != errors;
        *failed = !erred && !b->empty_table;
        return !erred && b->empty_table;
    }
    while (*text == ' ' || *text == '\t' || *text == '\n')
        text++;
    return *text == '\0';
}

static fs_box *bind_node(binder *b, const fs_node *node)
{
    fs_box *box = NULL;
    bool ok = true;
    bool failed = false;
    if (left_out(b, node, &failed))
        return bind_new_box(b, FS_BOX_STACK, node);
    if (failed)
        return NULL;
    switch (node->kind) {
    case FS_NODE_BOX: {
        box = bind_new_box(b, FS_BOX_FRAME, node);
        bool had_color = b->has_color;
        fs_rgba color = b->color;
        if (node->color) {
            b->has_color = fs_theme_color(b->theme, node->color, &b->color);
        }
        ok = box && bind_children(b, box, node->content, node->content_count);
        b->has_color = had_color;
        b->color = color;
        break;
    }
    case FS_NODE_ROW:
    case FS_NODE_COLUMN:
        box = bind_new_box(b, node->kind == FS_NODE_ROW ? FS_BOX_ROW : FS_BOX_STACK, node);
        if (box && node->repeat)
            ok = bind_repeat(b, box, node, bind_section);
        else
            ok = box && bind_children(b, box, node->content, node->content_count);
        break;
    case FS_NODE_FLOW:
        if (b->nesting != 1 || !b->in_body) {
            if (!bind_already_reported(b, node))
                fs_error(b->diags, node->pos, "make the flow a block of 'body' itself",
                         "a flow must be a block of the body, not inside another node");
            return NULL;
        }
        box = bind_new_box(b, FS_BOX_FLOW, node);
        if (box)
            box->as.flow.columns = node->columns;
        ok = box && bind_children(b, box, node->content, node->content_count);
        break;
    case FS_NODE_MARKDOWN:
        box = bind_markdown(b, node);
        break;
    case FS_NODE_QUOTE:
        if (bind_missing_style(b, node, &node->style))
            return NULL;
        box = bind_quote(b, node);
        break;
    case FS_NODE_IMAGE:
        box = bind_image(b, node);
        break;
    case FS_NODE_LOGOS:
        box = bind_logos(b, node);
        break;
    case FS_NODE_ICON:
        box = bind_lone_icon(b, node);
        break;
    case FS_NODE_CHART:
        box = bind_chart(b, node);
        break;
    case FS_NODE_BREAK:
        box = bind_new_box(b, FS_BOX_BREAK, node);
        if (box)
            box->as.brk.column = node->as.brk.column;
        break;
    case FS_NODE_GRID:
        box = bind_new_box(b, FS_BOX_GRID, node);
        if (!box)
            return NULL;
        box->as.grid.columns = node->columns;
        box->as.grid.last_row = node->as.grid.last_row;
        if (node->repeat)
            ok = bind_repeat(b, box, node, bind_grid_item);
        else
            ok = bind_children(b, box, node->content, node->content_count);
        if (ok && node->as.grid.hero_first)
            bind_first_hero(b, box, node);
        break;
    case FS_NODE_TEXT:
        if (bind_missing_style(b, node, &node->style))
            return NULL;
        box = bind_text_box(b, node, node->value, node->style);
        if (box && strcmp(node->kind_name, "heading") == 0) {
            box->as.text.level = (int)node->as.text.level;
            const char *plain = bind_fill_plain(b, node->value, PLAIN_TRANSLATED);
            box->as.text.anchor = plain ? fs_markdown_slug(plain, b->arena) : NULL;
            ok = box->as.text.anchor != NULL;
            box->keep_with_next = true;
        }
        break;
    case FS_NODE_LIST:
        if (bind_missing_style(b, node, &node->style))
            return NULL;
        box = bind_new_box(b, FS_BOX_LIST, node);
        if (!box)
            return NULL;
        box->as.list.marker = node->as.list.marker;
        box->as.list.style = bind_resolve_style(b, node->style, node);
        box->as.list.marker_color = bind_theme_color(b, "accent", box->as.list.style.color);
        if (node->repeat) {
            ok = bind_repeat(b, box, node, bind_list_item);
        } else {
            box->children = fs_arena_array(b->arena, node->as.list.item_count, sizeof(fs_box *));
            ok = box->children != NULL;
            for (size_t i = 0; ok && i < node->as.list.item_count; i++) {
                fs_box *item = bind_text_box(b, node, node->as.list.items[i], node->style);
                if (item) {
                    item->width_kind = FS_WIDTH_AUTO;
                    box->children[box->child_count++] = item;
                } else {
                    ok = false;
                }
            }
        }
        break;
    case FS_NODE_STAT:
        box = bind_stat(b, node);
        break;
    case FS_NODE_SPACER:
        box = bind_new_box(b, FS_BOX_SPACER, node);
        if (box)
            box->as.spacer.height = node->height;
        break;
    case FS_NODE_RULE:
        box = bind_new_box(b, FS_BOX_RULE, node);
        if (box) {
            box->as.rule.height = node->height;
            box->as.rule.color = bind_theme_color(b, "rule", (fs_rgba){0.8, 0.8, 0.8, 1});
            if (node->color)
                fs_theme_color(b->theme, node->color, &box->as.rule.color);
        }
        break;
    }
    return ok ? box : NULL;
}

static const char *metadata(binder *b, const fs_template *template)
{
    return template ? bind_fill_plain(b, template, PLAIN_TYPESET) : NULL;
}

fs_document *fs_bind(const fs_bind_input *input, fs_arena *arena, fs_diags *diags)
{
    binder b = {.in = input,
                .theme = input->layout->theme,
                .arena = arena,
                .diags = diags,
                .reported = {.arena = arena}};
    fs_document *doc = fs_arena_alloc(arena, sizeof *doc);
    if (!doc)
        return NULL;
    size_t errors = fs_diags_errors(diags);
    const fs_layout *layout = input->layout;
    b.in_body = true;
    doc->body = bind_node(&b, layout->body);
    b.in_body = false;
    b.running = true;
    doc->header = layout->header ? bind_node(&b, layout->header) : NULL;
    doc->footer = layout->footer ? bind_node(&b, layout->footer) : NULL;
    doc->first_header = layout->first_header ? bind_node(&b, layout->first_header) : doc->header;
    doc->first_footer = layout->first_footer ? bind_node(&b, layout->first_footer) : doc->footer;
    b.running = false;
    doc->back_page = layout->back_page ? bind_node(&b, layout->back_page) : NULL;
    if (doc->body)
        bind_check_links(&b, doc->body);
    doc->title = metadata(&b, input->layout->title);
    doc->subject = metadata(&b, input->layout->subject);
    doc->author = metadata(&b, input->layout->author);
    doc->keywords = metadata(&b, input->layout->keywords);
    doc->lang = fs_lang_tag(input->lang);
    doc->strict = fs_lang_strict(input->lang);
    doc->cells = b.cells;
    doc->cell_count = b.cell_count;
    /* Each part the layout has must be bound: one lost to a failed
     * allocation is a failed document, never a page without it. */
    bool whole = doc->body && (!layout->header || doc->header) &&
                 (!layout->footer || doc->footer) && (!layout->first_header || doc->first_header) &&
                 (!layout->first_footer || doc->first_footer) && (!layout->title || doc->title) &&
                 (!layout->subject || doc->subject) && (!layout->author || doc->author) &&
                 (!layout->keywords || doc->keywords);
    return fs_diags_errors(diags) == errors && whole ? doc : NULL;
}
