#include "fs_bind.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "bind/fs_markdown.h"
#include "i18n/fs_typo.h"
#include "core/fs_buf.h"
#include "core/fs_suggest.h"

enum { FS_MAX_PARAGRAPH = 100000 };

/* Points between the items of a tight Markdown list (paragraphs get their
 * style's space). */
enum { FS_TIGHT_ITEM_GAP = 4 };

typedef struct {
    const fs_bind_input *in;
    const fs_theme *theme;
    fs_arena *arena;
    fs_diags *diags;
    const fs_table *scope; /* the table a repeat walks, NULL outside repeats */
    size_t row;
    bool has_color; /* a frame set the text colour of what it holds */
    fs_rgba color;
    fs_pos last_cell; /* the cell the last single-field template read */
    /* Placeholders (and repeat nodes) already reported as naming nothing: a
     * repeat binds the same placeholder once per row, and one mistake is one
     * error. */
    const void **reported;
    size_t reported_count, reported_capacity;
    int nesting;  /* how deep in the tree the node being bound is */
    bool quiet;   /* an empty cell is not worth a warning ('when') */
    bool running; /* binding a header or footer: {page} and {pages} are known */
    bool in_body;
} binder;

static const fs_locale *locale_of(const binder *b)
{
    return fs_lang_locale(b->in->lang);
}

/* True when the placeholder or node was reported before; remembers it
 * otherwise. what must outlive the binding (it lives in the layout). */
static bool already_reported(binder *b, const void *what)
{
    for (size_t i = 0; i < b->reported_count; i++)
        if (b->reported[i] == what)
            return true;
    if (b->reported_count == b->reported_capacity) {
        size_t capacity = b->reported_capacity ? b->reported_capacity * 2 : 8;
        const void **grown =
            fs_arena_grow(b->arena, b->reported, b->reported_count, capacity, sizeof *grown);
        if (!grown)
            return false;
        b->reported = grown;
        b->reported_capacity = capacity;
    }
    b->reported[b->reported_count++] = what;
    return false;
}

/* ---- finding the cell a placeholder names ---------------------------- */

/* Reports a table name that the data folder lacks; what names it (a
 * placeholder or a repeat) is said by the caller's prefix. */
static void no_table(binder *b, fs_pos pos, const char *prefix, const char *name)
{
    size_t count = fs_dataset_count(b->in->data);
    const char **names = fs_arena_array(b->arena, count, sizeof *names);
    fs_buf hint = {0};
    for (size_t i = 0; names && i < count; i++)
        names[i] = fs_table_name(fs_dataset_table_at(b->in->data, i));
    if (names)
        fs_suggest_hint(&hint, name, names, count, "tables of the data folder: ");
    fs_diag_add_kind(b->diags, FS_ERROR, FS_KIND_PLACEHOLDER, pos, fs_buf_str(&hint),
                     "%sno table '%s' in %s", prefix, name, fs_dataset_dir(b->in->data));
    fs_buf_free(&hint);
}

static const fs_table *find_table(binder *b, const fs_segment *field)
{
    const fs_table *table = fs_dataset_table(b->in->data, field->table);
    if (!table && !already_reported(b, field)) {
        char prefix[256];
        snprintf(prefix, sizeof prefix, "{%.200s}: ", field->text);
        no_table(b, field->pos, prefix, field->table);
    }
    return table;
}

/* A hint for a column name table lacks: the nearest names, then all. */
static void columns_hint(binder *b, const fs_table *table, const char *name, fs_buf *hint)
{
    size_t count = fs_table_column_count(table);
    const char **names = fs_arena_array(b->arena, count, sizeof *names);
    for (size_t i = 0; names && i < count; i++)
        names[i] = fs_table_column_name(table, i);
    if (names)
        fs_suggest_hint(hint, name, names, count, "its columns: ");
}

static bool find_column(binder *b, const fs_segment *field, const fs_table *table, const char *name,
                        size_t *column)
{
    long found = fs_table_find_column(table, name);
    if (found >= 0) {
        *column = (size_t)found;
        return true;
    }
    if (already_reported(b, field))
        return false;
    fs_buf hint = {0};
    columns_hint(b, table, name, &hint);
    fs_diag_add_kind(b->diags, FS_ERROR, FS_KIND_PLACEHOLDER, field->pos, fs_buf_str(&hint),
                     "{%s}: no column '%s' in %s", field->text, name, fs_table_path(table));
    fs_buf_free(&hint);
    return false;
}

static bool is_key_value(const fs_table *table)
{
    return fs_table_find_column(table, "key") >= 0 && fs_table_find_column(table, "value") >= 0;
}

static bool find_cell(binder *b, const fs_segment *field, const fs_table **table, size_t *row,
                      size_t *column);

/* {table.column} reads a key/value table (the row whose key is column) or a
 * single-row table; {column} reads the row a repeat is on. */
static bool locate(binder *b, const fs_segment *field, const fs_table **table, size_t *row,
                   size_t *column)
{
    bool found = find_cell(b, field, table, row, column);
    if (found && b->in->on_column)
        b->in->on_column(b->in->on_column_context, *table, *column);
    return found;
}

static bool find_cell(binder *b, const fs_segment *field, const fs_table **table, size_t *row,
                      size_t *column)
{
    if (!field->table) {
        if (!b->scope) {
            if (already_reported(b, field))
                return false;
            fs_diag_add_kind(
                b->diags, FS_ERROR, FS_KIND_PLACEHOLDER, field->pos,
                "write {table.column}, or use {column} inside a grid or list with 'repeat'",
                "{%s} names no table", field->text);
            return false;
        }
        *table = b->scope;
        *row = b->row;
        return find_column(b, field, b->scope, field->column, column);
    }
    *table = find_table(b, field);
    if (!*table)
        return false;
    if (is_key_value(*table)) {
        size_t key = (size_t)fs_table_find_column(*table, "key");
        for (size_t r = 0; r < fs_table_row_count(*table); r++) {
            if (strcmp(fs_table_cell(*table, r, key), field->column) == 0) {
                *row = r;
                *column = (size_t)fs_table_find_column(*table, "value");
                return true;
            }
        }
        if (already_reported(b, field))
            return false;
        fs_diag_add_kind(b->diags, FS_ERROR, FS_KIND_PLACEHOLDER, field->pos,
                         "add a row with that key, or fix the placeholder",
                         "{%s}: no row with key '%s' in %s", field->text, field->column,
                         fs_table_path(*table));
        return false;
    }
    if (!find_column(b, field, *table, field->column, column))
        return false;
    if (fs_table_row_count(*table) != 1) {
        if (already_reported(b, field))
            return false;
        fs_diag_add_kind(
            b->diags, FS_ERROR, FS_KIND_PLACEHOLDER, field->pos,
            "use it inside a grid or list with 'repeat', or render one document per row "
            "with --each COLUMN",
            "{%s}: table '%s' has %zu rows; which one is meant?", field->text,
            fs_table_name(*table), fs_table_row_count(*table));
        return false;
    }
    *row = 0;
    return true;
}

/* ---- formatting a cell ----------------------------------------------- */

static bool parse_date(const char *text, int *year, int *month, int *day)
{
    *day = 1;
    int consumed = 0;
    if (sscanf(text, "%4d-%2d-%2d%n", year, month, day, &consumed) == 3 && !text[consumed])
        return true;
    consumed = 0;
    *day = 1;
    return sscanf(text, "%4d-%2d%n", year, month, &consumed) == 2 && !text[consumed];
}

/* A cell that is not a number where one is needed: one error per cell,
 * however many placeholders read it (the cell's text identifies it). */
static bool number_needed(binder *b, const fs_segment *field, const fs_table *table, size_t row,
                          size_t column, const char *text)
{
    if (already_reported(b, text))
        return false;
    fs_error(b->diags, fs_table_cell_pos(table, row, column),
             "write a number such as 2029052 or 2,029,052 (no words or units in the cell)",
             "{%s} needs a number in column '%s', found '%s'", field->text,
             fs_table_column_name(table, column), text);
    return false;
}

/* Turns the plain spaces of a formatted number or date (from out[from] on)
 * into no-break spaces: "7 millions" or "30 juin 2019" never break across
 * lines. ICU's own grouping spaces are no-break already. */
static void keep_together(fs_buf *out, size_t from)
{
    fs_buf tail = {0};
    fs_buf_append(&tail, out->data + from, out->length - from);
    out->length = from;
    for (size_t i = 0; i < tail.length; i++) {
        if (tail.data[i] == ' ')
            fs_buf_puts(out, "\u00a0");
        else
            fs_buf_putc(out, tail.data[i]);
    }
    fs_buf_free(&tail);
}

/* The translation of text (from the layout's catalog first for a text the
 * layout writes, else the data's), else text with a warning (an error under
 * strict) at where, once per text. sibling names the column that could hold
 * the translation, or is NULL. */
static const char *translated_in(binder *b, bool layout_text, const char *text, fs_pos where,
                                 const char *sibling)
{
    const fs_lang *lang = b->in->lang;
    fs_translation found;
    fs_lookup_status status = fs_lang_lookup(lang, layout_text, text, &found);
    if (status == FS_TRANSLATED)
        return found.msgstr;
    if (already_reported(b, text))
        return text;
    const char *why = status == FS_FUZZY          ? "is marked fuzzy in"
                      : status == FS_UNTRANSLATED ? "is not translated in"
                                                  : "is missing from";
    const char *catalog =
        fs_catalog_path(layout_text ? fs_lang_layout_catalog(lang) : fs_lang_data_catalog(lang));
    char hint[1024];
    snprintf(hint, sizeof hint,
             "translate it in %s (factsheet extract lists every text to translate)%s%s%s", catalog,
             sibling ? ", or in a column '" : "", sibling ? sibling : "", sibling ? "'" : "");
    fs_diag_add_kind(b->diags, fs_lang_strict(lang) ? FS_ERROR : FS_WARNING, FS_KIND_TRANSLATION,
                     where, hint, "\"%.60s%s\" %s %s", text, strlen(text) > 60 ? "..." : "", why,
                     catalog);
    return text;
}

/* A cell's or a Markdown block's text: the data catalog first. */
static const char *translated(binder *b, const char *text, fs_pos where, const char *sibling)
{
    return translated_in(b, false, text, where, sibling);
}

/* A text cell in the document's language: its sibling column NAME@LANG
 * (spreadsheet-friendly) when filled, else the data catalog's translation,
 * else the English with a warning (an error under strict), once per cell. */
static const char *cell_text(binder *b, const fs_table *table, size_t row, size_t column,
                             const char *text)
{
    const fs_lang *lang = b->in->lang;
    if (!fs_lang_translatable(text))
        return text;
    if (b->in->on_text)
        b->in->on_text(b->in->on_text_context, text, fs_table_cell_pos(table, row, column));
    if (fs_lang_is_source(lang))
        return text;
    char sibling[512];
    snprintf(sibling, sizeof sibling, "%s@%s", fs_table_column_name(table, column),
             fs_lang_tag(lang));
    long translated_column = fs_table_find_column(table, sibling);
    if (translated_column >= 0 && *fs_table_cell(table, row, (size_t)translated_column))
        return fs_table_cell(table, row, (size_t)translated_column);
    return translated(b, text, fs_table_cell_pos(table, row, column), sibling);
}

/* Appends the cell's value as plain text formatted for the language; a
 * text cell is translated when translate is set (not for icon names). */
static bool format_cell(binder *b, const fs_segment *field, fs_format format, bool translate,
                        fs_buf *out)
{
    const fs_table *table = NULL;
    size_t row = 0, column = 0;
    if (!locate(b, field, &table, &row, &column))
        return false;
    const char *text = fs_table_cell(table, row, column);
    b->last_cell = fs_table_cell_pos(table, row, column);
    if (!*text) {
        if (!b->quiet)
            fs_diag_add_kind(b->diags, FS_WARNING, FS_KIND_EMPTY_CELL, b->last_cell,
                             "fill the cell, or remove what shows it",
                             "{%s} reads an empty cell (column '%s')", field->text,
                             fs_table_column_name(table, column));
        return true;
    }
    double value;
    bool is_number = fs_table_cell_number(table, row, column, &value);
    fs_col_type type = fs_table_column_type(table, column);
    fs_number_style style;
    switch (format) {
    case FS_FORMAT_DEFAULT:
    case FS_FORMAT_MARKDOWN:
        /* A number column is formatted for the language even without a
         * format; a text column (and so a key/value table) prints as written. */
        if (!is_number || type == FS_COL_TEXT || type == FS_COL_YEAR) {
            if (translate) {
                fs_buf typeset = {0};
                fs_typo_apostrophes(cell_text(b, table, row, column, text), &typeset);
                fs_typo_break_long_words(fs_buf_str(&typeset), out);
                fs_buf_free(&typeset);
            } else {
                fs_buf_puts(out, text);
            }
            return true;
        }
        style = type == FS_COL_INTEGER   ? FS_NUMBER_INTEGER
                : type == FS_COL_PERCENT ? FS_NUMBER_PERCENT
                                         : FS_NUMBER_PLAIN;
        break;
    case FS_FORMAT_NUMBER:
        style = FS_NUMBER_PLAIN;
        break;
    case FS_FORMAT_INTEGER:
        style = FS_NUMBER_INTEGER;
        break;
    case FS_FORMAT_PERCENT:
        style = FS_NUMBER_PERCENT;
        break;
    case FS_FORMAT_COMPACT:
        style = FS_NUMBER_COMPACT;
        break;
    default: {
        int year, month, day;
        static const fs_date_style dates[] = {FS_DATE_SHORT, FS_DATE_MEDIUM, FS_DATE_LONG,
                                              FS_DATE_MONTH_YEAR};
        size_t from = out->length;
        if (parse_date(text, &year, &month, &day) &&
            fs_locale_format_date(locale_of(b), year, month, day,
                                  dates[format - FS_FORMAT_DATE_SHORT], out)) {
            keep_together(out, from);
            return true;
        }
        fs_error(b->diags, b->last_cell, "write dates as YYYY-MM-DD or YYYY-MM",
                 "{%s} needs a date in column '%s', found '%s'", field->text,
                 fs_table_column_name(table, column), text);
        return false;
    }
    }
    if (!is_number)
        return number_needed(b, field, table, row, column, text);
    size_t from = out->length;
    if (!fs_locale_format_number(locale_of(b), value, style, out)) {
        fs_error(b->diags, b->last_cell, NULL, "cannot format %s for language %s", text,
                 fs_lang_tag(b->in->lang));
        return false;
    }
    keep_together(out, from);
    return true;
}

/* Reads the number a plural chooses by: its cell must hold one. */
static bool plural_value(binder *b, const fs_segment *field, double *value)
{
    const fs_table *table = NULL;
    size_t row = 0, column = 0;
    if (!locate(b, field, &table, &row, &column))
        return false;
    b->last_cell = fs_table_cell_pos(table, row, column);
    if (fs_table_cell_number(table, row, column, value))
        return true;
    return number_needed(b, field, table, row, column, fs_table_cell(table, row, column));
}

/* The arm a plural picks: an exact "=N" first, then the CLDR category of the
 * language ("one" covers 0 and 1 in French, 1 alone in English). */
static const fs_arm *plural_arm(binder *b, const fs_segment *field, double value)
{
    for (size_t i = 0; i < field->arm_count; i++) {
        const char *key = field->arms[i].key;
        if (key[0] == '=' && strtod(key + 1, NULL) == value)
            return &field->arms[i];
    }
    return fs_segment_arm(field, fs_locale_plural(locale_of(b), value));
}

typedef struct {
    bool markdown;     /* literal text is Markdown, values are escaped */
    bool translate;    /* text cells are translated (not so for icon names) */
    const char *pound; /* what '#' stands for inside a plural arm */
} fill_mode;

static bool fill(binder *b, const fs_template *template, fill_mode mode, fs_buf *out);

/* Appends one placeholder's value. */
static bool page_placeholder(binder *b, const fs_segment *segment, fs_buf *out)
{
    if (segment->table || segment->format != FS_FORMAT_DEFAULT ||
        (strcmp(segment->column, "page") != 0 && strcmp(segment->column, "pages") != 0) ||
        (!b->running && b->scope))
        return false;
    if (!b->running) {
        if (!already_reported(b, segment))
            fs_diag_add_kind(b->diags, FS_ERROR, FS_KIND_PLACEHOLDER, segment->pos,
                             "use {page} and {pages} in 'header' or 'footer'",
                             "{%s} is only known in a running header or footer", segment->column);
        return true;
    }
    fs_buf_puts(out, strcmp(segment->column, "page") == 0 ? FS_PAGE_NUMBER : FS_PAGE_COUNT);
    return true;
}

static bool fill_field(binder *b, const fs_segment *segment, fill_mode mode, fs_buf *value,
                       fs_buf *out)
{
    if (page_placeholder(b, segment, out))
        return b->running;
    if (segment->format == FS_FORMAT_PLURAL) {
        double number;
        if (!plural_value(b, segment, &number))
            return false;
        fs_buf formatted = {0};
        bool ok = fs_locale_format_number(locale_of(b), number, FS_NUMBER_PLAIN, &formatted);
        fill_mode inner = mode;
        inner.pound = fs_buf_str(&formatted);
        const fs_arm *arm = plural_arm(b, segment, number);
        ok = ok && fill(b, arm->message, inner, out);
        fs_buf_free(&formatted);
        return ok;
    }
    if (segment->format == FS_FORMAT_SELECT) {
        fs_buf_clear(value);
        if (!format_cell(b, segment, FS_FORMAT_DEFAULT, false, value))
            return false;
        return fill(b, fs_segment_arm(segment, fs_buf_str(value))->message, mode, out);
    }
    fs_buf_clear(value);
    if (!format_cell(b, segment, segment->format, mode.translate, value))
        return false;
    if (mode.markdown && segment->format == FS_FORMAT_MARKDOWN)
        fs_markdown_escape_blocks(out, fs_buf_str(value));
    else if (mode.markdown)
        fs_markdown_escape(out, fs_buf_str(value));
    else
        fs_buf_puts(out, fs_buf_str(value));
    return true;
}

/* Fills a template. As Markdown, literal text from the layout keeps its
 * Markdown and values from cells are escaped so that they read literally;
 * as plain text both are copied as they are. */
static bool fill(binder *b, const fs_template *template, fill_mode mode, fs_buf *out)
{
    bool ok = true;
    fs_buf value = {0};
    for (size_t i = 0; i < template->count; i++) {
        const fs_segment *segment = &template->segments[i];
        if (segment->is_pound)
            fs_buf_puts(out, mode.pound ? mode.pound : "#");
        else if (!segment->is_field && mode.markdown)
            fs_markdown_escape_blocks(out, segment->text);
        else if (!segment->is_field)
            fs_buf_puts(out, segment->text);
        else if (!fill_field(b, segment, mode, &value, out))
            ok = false;
    }
    ok = ok && fs_buf_ok(&value) && fs_buf_ok(out);
    fs_buf_free(&value);
    return ok;
}

/* A template as plain text: an icon name (never translated), or metadata
 * (translated, with the language's typography). */
static const char *fill_plain(binder *b, const fs_template *template, bool translate)
{
    fs_buf text = {0}, typeset = {0};
    b->last_cell = fs_pos_at(NULL, 0, 0);
    fill_mode mode = {.translate = translate};
    const fs_template *translated = translate ? fs_lang_template(b->in->lang, template) : template;
    bool ok = fill(b, translated, mode, &text);
    if (ok && translate)
        fs_typo_apply(fs_lang_tag(b->in->lang), text.data ? text.data : "", text.length, &typeset);
    const char *result =
        ok ? fs_arena_strdup(b->arena, fs_buf_str(translate ? &typeset : &text)) : NULL;
    fs_buf_free(&text);
    fs_buf_free(&typeset);
    return result;
}

/* where is the node the text belongs to: literal segments carry no
 * position, so the first segment may have none. */
static bool fill_markup(binder *b, const fs_template *template, fs_pos where, fs_markup *markup)
{
    fs_buf source = {0};
    fill_mode mode = {.markdown = true, .translate = true};
    bool ok = fill(b, fs_lang_template(b->in->lang, template), mode, &source);
    if (ok && source.length > FS_MARKDOWN_MAX_BYTES) {
        fs_error(b->diags, where, "shorten the text", "text is larger than %d KiB",
                 FS_MARKDOWN_MAX_BYTES / 1024);
        ok = false;
    } else if (ok && !fs_markdown_to_markup(fs_buf_str(&source), source.length,
                                            fs_lang_tag(b->in->lang), b->arena, markup)) {
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
static const char *fill_line(binder *b, const fs_template *template, fs_pos where)
{
    fs_markup markup;
    if (!fill_markup(b, template, where, &markup))
        return NULL;
    fs_buf joined = {0};
    for (size_t i = 0; i < markup.count; i++)
        fs_buf_printf(&joined, "%s%s", i ? "\n" : "", markup.paragraphs[i]);
    const char *result = fs_arena_strdup(b->arena, fs_buf_str(&joined));
    fs_buf_free(&joined);
    return result;
}

/* ---- styles and colours ---------------------------------------------- */

static fs_rgba theme_color(const binder *b, const char *name, fs_rgba fallback)
{
    fs_rgba color;
    return fs_theme_color(b->theme, name, &color) ? color : fallback;
}

static fs_text_style resolve_style(const binder *b, const char *name, const fs_node *node)
{
    const fs_style *style = fs_theme_style(b->theme, name);
    fs_text_style out = {.family = "sans",
                         .weight = 400,
                         .size = 10,
                         .line_height = 1.3,
                         .min_scale = 0.85,
                         .color = {0, 0, 0, 1}};
    if (style)
        out = (fs_text_style){.family = style->family,
                              .weight = style->weight,
                              .italic = style->italic,
                              .uppercase = style->uppercase,
                              .size = style->size,
                              .line_height = style->line_height,
                              .space_after = style->space_after,
                              .tracking = style->tracking,
                              .space_before = style->space_before,
                              .min_scale = style->min_scale,
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
static bool missing_style(binder *b, const fs_node *node, const char *const *style)
{
    if (fs_theme_style(b->theme, *style))
        return false;
    if (!already_reported(b, style))
        fs_error(b->diags, node->pos, "add the style to the theme's 'styles:'",
                 "the %s needs the style '%s', which the theme does not define", node->kind_name,
                 *style);
    return true;
}

/* ---- nodes to boxes -------------------------------------------------- */

static fs_box *bind_node(binder *b, const fs_node *node);

static fs_box *new_box(binder *b, fs_box_kind kind, const fs_node *node)
{
    fs_box *box = fs_arena_alloc(b->arena, sizeof *box);
    if (!box)
        return NULL;
    box->kind = kind;
    box->pos = node->pos;
    box->width_kind = node->width_kind;
    box->width = node->width;
    box->valign = node->valign;
    box->gap = node->gap;
    box->columns = node->columns;
    box->padding = node->padding;
    box->radius = node->radius;
    box->border_width = node->border_width;
    box->bleed = node->bleed;
    box->height = node->height;
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
    if (!table && !already_reported(b, node))
        no_table(b, node->pos, "repeat: ", node->repeat);
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
            if (!already_reported(b, where)) {
                fs_buf hint = {0};
                columns_hint(b, table, where->column, &hint);
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
        values[i] = fill_plain(b, where->value, false);
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

/* Binds item once per row of the repeated table (the rows 'where' picks),
 * each in that row's scope. */
static bool bind_repeat(binder *b, fs_box *box, const fs_node *node,
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

static fs_box *text_box(binder *b, const fs_node *node, const fs_template *template,
                        const char *style)
{
    fs_box *box = new_box(b, FS_BOX_TEXT, node);
    fs_markup markup;
    if (!box || !fill_markup(b, template, node->pos, &markup))
        return NULL;
    box->paragraphs = markup.paragraphs;
    box->paragraph_count = markup.count;
    box->links = markup.links;
    box->link_counts = markup.link_counts;
    box->style = resolve_style(b, style, node);
    return box;
}

static fs_box *bind_list_item(binder *b, const fs_node *node)
{
    fs_box *item = text_box(b, node, node->value, node->style);
    if (item)
        item->width_kind = FS_WIDTH_AUTO;
    return item;
}

static const char *style_named(const binder *b, const char *preferred, const char *fallback);

/* An icon named with a file extension is a picture, not a glyph name. */
static bool is_picture_name(const char *name)
{
    const char *dot = strrchr(name, '.');
    return dot && (strcasecmp(dot, ".svg") == 0 || strcasecmp(dot, ".png") == 0);
}

/* The icon a stat or an icon array names, from the icon font: an unknown
 * name is an error at where (the cell that gave it, else the node) with
 * the nearest names; once per node when the layout writes it. */
static bool find_icon(binder *b, const fs_node *node, const char *name, fs_pos where, fs_box *box)
{
    if (!fs_icons_find(b->in->icons, name, &box->icon)) {
        /* A name from a cell is reported at each cell; one written in the
         * layout once, not once per row of a repeat. */
        if (!b->last_cell.file &&
            already_reported(b, node->icon ? (const void *)node->icon : (const void *)node))
            return false;
        const char *best[3];
        size_t found = fs_icons_suggest(b->in->icons, name, best, 3);
        fs_buf hint = {0};
        if (found) {
            fs_buf_puts(&hint, "did you mean ");
            for (size_t i = 0; i < found; i++)
                fs_buf_printf(&hint, "%s'%s'", i ? (i + 1 == found ? " or " : ", ") : "", best[i]);
            fs_buf_puts(&hint, "? ");
        }
        fs_buf_puts(&hint, "factsheet icons WORD lists the names that contain WORD");
        fs_diag_add_kind(b->diags, FS_ERROR, FS_KIND_ICON, where, fs_buf_str(&hint),
                         "unknown icon '%s'", name);
        fs_buf_free(&hint);
        return false;
    }
    box->has_icon = true;
    box->icon_family = fs_theme_icon_family(b->theme);
    if (!box->icon_family) {
        if (!already_reported(b, &node->icon))
            fs_error(b->diags, node->pos, "add 'icons: ROLE' to the theme, naming a font role",
                     "the theme names no icon font");
        return false;
    }
    return true;
}

static fs_box *bind_stat(binder *b, const fs_node *node)
{
    if (missing_style(b, node, &node->number_style) || missing_style(b, node, &node->label_style))
        return NULL;
    fs_box *box = new_box(b, FS_BOX_STAT, node);
    if (!box)
        return NULL;
    bool ok = true;
    box->number = fill_line(b, node->number, node->pos);
    box->label = fill_line(b, node->label, node->pos);
    ok = box->number && box->label;
    if (node->compare) {
        box->compare = fill_line(b, node->compare, node->pos);
        box->compare_style =
            resolve_style(b, style_named(b, "stat-compare", node->label_style), NULL);
        ok = ok && box->compare;
    }
    box->number_style = resolve_style(b, node->number_style, node);
    box->label_style = resolve_style(b, node->label_style, node);
    box->number_style.align = box->label_style.align = node->align;
    box->icon_above = node->icon_above;
    box->icon_color = theme_color(b, "accent", box->number_style.color);
    if (node->color)
        fs_theme_color(b->theme, node->color, &box->icon_color);
    /* Numbers and labels keep their theme colours: 'color' on a stat tints
     * its icon. */
    box->number_style.color = resolve_style(b, node->number_style, NULL).color;
    box->label_style.color = resolve_style(b, node->label_style, NULL).color;
    if (node->icon) {
        const char *name = fill_plain(b, node->icon, false);
        if (!name)
            return NULL;
        /* A name written in the layout read no cell; its literal segments
         * carry no position (and an empty name has none), so point at the
         * stat. */
        fs_pos where = b->last_cell.file ? b->last_cell : node->pos;
        if (is_picture_name(name)) {
            /* An icon of the theme's icon folder (or the data folder) by
             * file name, drawn in the disc like a glyph. */
            const char *folder = fs_theme_icon_folder(b->theme);
            size_t reported = fs_diags_count(b->diags);
            box->has_icon = true;
            if (b->in->images && !(box->icon_image = fs_images_get_in(
                                       b->in->images, folder ? folder : fs_dataset_dir(b->in->data),
                                       name, where, b->diags))) {
                fs_diags_set_kind(b->diags, reported, FS_KIND_ICON);
                return NULL;
            }
            return ok ? box : NULL;
        }
        if (!find_icon(b, node, name, where, box))
            return NULL;
    }
    return ok ? box : NULL;
}

/* ---- flows, Markdown, quotes, pictures -------------------------------- */

/* preferred when the theme defines it, else fallback. */
static const char *style_named(const binder *b, const char *preferred, const char *fallback)
{
    return fs_theme_style(b->theme, preferred) ? preferred : fallback;
}

static fs_box *bind_section(binder *b, const fs_node *node)
{
    fs_box *box = new_box(b, FS_BOX_STACK, node);
    if (!box || !bind_children(b, box, node->content, node->content_count))
        return NULL;
    box->width_kind = FS_WIDTH_AUTO;
    return box;
}

static fs_box *bind_quote(binder *b, const fs_node *node)
{
    fs_box *box = new_box(b, FS_BOX_QUOTE, node);
    if (!box || !(box->children = fs_arena_array(b->arena, 2, sizeof(fs_box *))))
        return NULL;
    fs_rgba accent = theme_color(b, "accent", (fs_rgba){0.3, 0.3, 0.3, 1});
    fs_box *quote = text_box(b, node, node->value, node->style);
    if (!quote)
        return NULL;
    box->children[box->child_count++] = quote;
    if (node->by) {
        fs_box *by =
            text_box(b, node, node->by,
                     style_named(b, "attribution", style_named(b, "caption", node->style)));
        if (!by)
            return NULL;
        quote->keep_with_next = true;
        box->children[box->child_count++] = by;
    }
    for (size_t i = 0; i < box->child_count; i++) {
        box->children[i]->has_bar = true;
        box->children[i]->bar = accent;
    }
    return box;
}

static fs_box *bind_image(binder *b, const fs_node *node)
{
    fs_box *box = new_box(b, FS_BOX_IMAGE, node);
    if (!box)
        return NULL;
    box->cover = node->cover;
    const char *src = fill_plain(b, node->src, false);
    if (!src)
        return NULL;
    fs_pos where = b->last_cell.file ? b->last_cell : node->pos;
    size_t reported = fs_diags_count(b->diags);
    if (b->in->images && !(box->image = fs_images_get_in(b->in->images, fs_dataset_dir(b->in->data),
                                                         src, where, b->diags))) {
        fs_diags_set_kind(b->diags, reported, FS_KIND_IMAGE);
        return NULL;
    }
    if (node->alt && !(box->alt = fill_plain(b, node->alt, true)))
        return NULL;
    if (node->caption) {
        if (missing_style(b, node, &node->style))
            return NULL;
        fs_box *caption = text_box(b, node, node->caption, node->style);
        if (!caption || !(box->children = fs_arena_array(b->arena, 1, sizeof(fs_box *))))
            return NULL;
        box->children[box->child_count++] = caption;
        if (!box->alt && caption->paragraph_count)
            box->alt = fill_plain(b, node->caption, true);
    }
    return box;
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
    const char *text = translated(b, source, where, NULL);
    return text == source ? NULL : text;
}

/* The Markdown a node names: a file of the data folder, or its value
 * filled as it is written (cells are Markdown here, and are translated
 * block by block rather than whole). */
static bool markdown_text(binder *b, const fs_node *node, fs_buf *text, markdown_source *from)
{
    from->b = b;
    from->where = node->pos;
    if (!node->file) {
        b->last_cell = fs_pos_at(NULL, 0, 0);
        bool ok = fill(b, node->value, (fill_mode){0}, text);
        if (b->last_cell.file)
            from->where = b->last_cell;
        return ok;
    }
    const char *name = fill_plain(b, node->file, false);
    if (!name)
        return false;
    const char *bytes;
    size_t length;
    if (!fs_dataset_text(b->in->data, name, &bytes, &length)) {
        if (already_reported(b, node->file))
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
    return from->file != NULL;
}

static fs_box *block_box(binder *b, const fs_node *node, const fs_block *block, fs_rgba accent)
{
    static const char *const heading_styles[] = {"h1", "h2", "h3"};
    const char *style = node->style;
    switch (block->kind) {
    case FS_BLOCK_HEADING:
        style = style_named(b,
                            heading_styles[block->level < 1   ? 0
                                           : block->level > 3 ? 2
                                                              : block->level - 1],
                            "heading");
        break;
    case FS_BLOCK_QUOTE:
        style = style_named(b, "quote", node->style);
        break;
    case FS_BLOCK_ATTRIBUTION:
        style = style_named(b, "attribution", style_named(b, "caption", node->style));
        break;
    case FS_BLOCK_CODE:
        style = style_named(b, "code", node->style);
        break;
    default:
        break;
    }
    fs_box *box = new_box(b, FS_BOX_TEXT, node);
    const char **paragraph = fs_arena_alloc(b->arena, sizeof *paragraph);
    if (!box || !paragraph)
        return NULL;
    *paragraph = block->markup;
    box->paragraphs = paragraph;
    box->paragraph_count = 1;
    if (block->link_count) {
        box->links = &block->links;
        box->link_counts = &block->link_count;
    }
    box->style = resolve_style(b, style, node);
    box->bar = accent;
    box->gap = -1;
    if (block->kind == FS_BLOCK_HEADING) {
        box->level = block->level;
        box->anchor = block->anchor;
    } else if (block->kind == FS_BLOCK_ITEM) {
        box->depth = block->level;
        if (!block->continues)
            box->item_marker = block->ordered     ? fs_arena_printf(b->arena, "%d.", block->number)
                               : block->level > 1 ? "–"
                                                  : "•";
    } else if (block->kind == FS_BLOCK_QUOTE || block->kind == FS_BLOCK_ATTRIBUTION) {
        box->has_bar = true;
    }
    return box;
}

static fs_box *bind_markdown(binder *b, const fs_node *node)
{
    if (missing_style(b, node, &node->style))
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
    if (ok && !fs_markdown_blocks(fs_buf_str(&text), text.length, fs_lang_tag(b->in->lang),
                                  translate_block, &from, b->arena, &blocks)) {
        fs_error(b->diags, from.where, NULL, "out of memory while reading the Markdown");
        ok = false;
    }
    fs_buf_free(&text);
    fs_box *box = ok ? new_box(b, FS_BOX_STACK, node) : NULL;
    if (!box || !(box->children = fs_arena_array(b->arena, blocks.count + 1, sizeof(fs_box *))))
        return NULL;
    fs_rgba accent = theme_color(b, "accent", (fs_rgba){0.3, 0.3, 0.3, 1});
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

/* ---- charts ------------------------------------------------------------- */

/* The number a chart's value or target names: the template must be one
 * placeholder. Sets text to the value formatted for the language and share
 * to whether it is a percentage; where to the cell. */
static bool chart_number(binder *b, const fs_node *node, const fs_template *template,
                         const char *what, double *value, const char **text, bool *share,
                         fs_pos *where)
{
    if (template->count != 1 || !template->segments[0].is_field ||
        template->segments[0].format == FS_FORMAT_PLURAL ||
        template->segments[0].format == FS_FORMAT_SELECT) {
        if (!already_reported(b, template))
            fs_error(b->diags, template->pos.file ? template->pos : node->pos,
                     "write one placeholder such as \"{share}\" or \"{brief.groups, number}\"",
                     "a chart's '%s' must be one placeholder naming a number", what);
        return false;
    }
    const fs_segment *field = &template->segments[0];
    if (!plural_value(b, field, value))
        return false;
    *where = b->last_cell;
    const fs_table *table = NULL;
    size_t row = 0, column = 0;
    if (!locate(b, field, &table, &row, &column))
        return false;
    *share = field->format == FS_FORMAT_PERCENT || strchr(fs_table_cell(table, row, column), '%') ||
             fs_table_column_type(table, column) == FS_COL_PERCENT;
    /* Shown as the language writes a number ("57 %" in French), whatever
     * the cell's own spelling, unless the placeholder asks for a format. */
    fs_buf formatted = {0};
    bool ok;
    if (field->format == FS_FORMAT_DEFAULT) {
        ok = fs_locale_format_number(locale_of(b), *value,
                                     *share ? FS_NUMBER_PERCENT : FS_NUMBER_PLAIN, &formatted);
        keep_together(&formatted, 0);
    } else {
        ok = format_cell(b, field, field->format, false, &formatted);
    }
    /* With the language's typography, as every other text: "50 %" takes a
     * narrow no-break space in French. */
    fs_buf typeset = {0};
    if (ok && fs_buf_ok(&formatted))
        fs_typo_apply(fs_lang_tag(b->in->lang), formatted.data, formatted.length, &typeset);
    *text = ok && fs_buf_ok(&typeset) ? fs_arena_strdup(b->arena, fs_buf_str(&typeset)) : NULL;
    fs_buf_free(&typeset);
    fs_buf_free(&formatted);
    return *text != NULL;
}

/* The text of markup, for an alternative text: tags dropped, the entities
 * Markdown's escaping writes decoded. */
static const char *markup_text(binder *b, const char *markup)
{
    if (!markup)
        return NULL;
    static const struct {
        const char *entity, *text;
    } entities[] = {{"&amp;", "&"},  {"&lt;", "<"},  {"&gt;", ">"},  {"&quot;", "\""},
                    {"&apos;", "'"}, {"&#39;", "'"}, {"&#34;", "\""}};
    fs_buf out = {0};
    for (const char *c = markup; *c;) {
        if (*c == '<') {
            const char *end = strchr(c, '>');
            c = end ? end + 1 : c + strlen(c);
            continue;
        }
        bool decoded = false;
        for (size_t i = 0; *c == '&' && i < sizeof entities / sizeof entities[0]; i++) {
            size_t length = strlen(entities[i].entity);
            if (strncmp(c, entities[i].entity, length) == 0) {
                fs_buf_puts(&out, entities[i].text);
                c += length;
                decoded = true;
                break;
            }
        }
        if (!decoded)
            fs_buf_putc(&out, *c++);
    }
    const char *text = fs_buf_ok(&out) ? fs_arena_strdup(b->arena, fs_buf_str(&out)) : NULL;
    fs_buf_free(&out);
    return text;
}

/* Fills one item of a chart in the current scope. */
static bool chart_item(binder *b, const fs_node *node, fs_chart_item *item)
{
    item->label = node->label ? fill_line(b, node->label, node->pos) : "";
    item->plain = markup_text(b, item->label);
    if (!item->label || !item->plain)
        return false;
    if (node->chart == FS_CHART_TIMELINE) {
        item->text = fill_line(b, node->value, node->pos);
        return item->text != NULL;
    }
    bool share, target_share;
    fs_pos where, target_where;
    if (!chart_number(b, node, node->value, "value", &item->value, &item->text, &share, &where))
        return false;
    bool ok = true;
    if (item->value < 0) {
        fs_error(b->diags, where, "a chart shows amounts of zero or more", "a negative value, %s",
                 item->text);
        ok = false;
    }
    bool needs_share = node->chart == FS_CHART_DONUT || node->chart == FS_CHART_ICONS;
    if (ok && needs_share && !share) {
        fs_error(b->diags, where, "write the share as a percentage such as 47%",
                 "%s shows a share: '%s' is not a percentage",
                 node->chart == FS_CHART_DONUT ? "a donut" : "an icon array", item->text);
        ok = false;
    }
    if (ok && needs_share && item->value > 100) {
        fs_error(b->diags, where, "a share is at most 100%", "a share of %s", item->text);
        ok = false;
    }
    if (node->target) {
        item->has_target = true;
        if (!chart_number(b, node, node->target, "target", &item->target, &item->target_text,
                          &target_share, &target_where))
            return false;
        if (item->target <= 0) {
            fs_error(b->diags, target_where, "give a target above zero",
                     "a target of %s: nothing can be measured against it", item->target_text);
            ok = false;
        }
    }
    return ok;
}

static fs_box *chart_item_box(binder *b, const fs_node *node)
{
    fs_box *box = new_box(b, FS_BOX_CHART, node);
    if (!box || !(box->items = fs_arena_alloc(b->arena, sizeof *box->items)))
        return NULL;
    box->item_count = 1;
    return chart_item(b, node, box->items) ? box : NULL;
}

/* The chart's kind, in the document's language, for its alternative text. */
static const char *chart_kind_name(binder *b, const fs_node *node)
{
    static const char *const names[] = {"Bar chart",  "Column chart", "Donut chart",
                                        "Icon array", "Progress bar", "Timeline"};
    const char *name = names[node->chart];
    if (b->in->on_text)
        b->in->on_text(b->in->on_text_context, name, node->pos);
    if (fs_lang_is_source(b->in->lang))
        return name;
    return translated_in(b, true, name, node->pos, NULL);
}

/* A text alternative made from the chart's data, when the layout gives
 * none: "Donut chart: 47 % of new members are women". */
static const char *chart_alt(binder *b, const fs_node *node, const fs_box *box)
{
    if (node->alt)
        return fill_plain(b, node->alt, true);
    fs_buf alt = {0};
    fs_buf_printf(&alt, "%s: ", chart_kind_name(b, node));
    for (size_t i = 0; i < box->item_count; i++) {
        const fs_chart_item *item = &box->items[i];
        const char *label = item->plain;
        /* A share reads as a sentence ("47 % of new members are women"),
         * anything else as a label and its value. */
        bool single = node->chart == FS_CHART_DONUT || node->chart == FS_CHART_ICONS;
        /* Items are joined by "; ", or a space after a sentence's stop. */
        if (i)
            fs_buf_puts(&alt, alt.length && strchr(".!?", alt.data[alt.length - 1]) ? " " : "; ");
        if (single)
            fs_buf_printf(&alt, "%s%s%s %s", item->text, item->has_target ? " / " : "",
                          item->has_target ? item->target_text : "", label);
        else
            fs_buf_printf(&alt, "%s: %s%s%s", node->chart == FS_CHART_TIMELINE ? item->text : label,
                          node->chart == FS_CHART_TIMELINE ? label : item->text,
                          item->has_target ? " / " : "", item->has_target ? item->target_text : "");
    }
    fs_buf typeset = {0};
    if (fs_buf_ok(&alt))
        fs_typo_apply(fs_lang_tag(b->in->lang), alt.data, alt.length, &typeset);
    const char *result = fs_buf_ok(&alt) && fs_buf_ok(&typeset)
                             ? fs_arena_strdup(b->arena, fs_buf_str(&typeset))
                             : NULL;
    fs_buf_free(&alt);
    fs_buf_free(&typeset);
    return result;
}

static fs_box *bind_chart(binder *b, const fs_node *node)
{
    if (missing_style(b, node, &node->style) || missing_style(b, node, &node->number_style))
        return NULL;
    fs_box *box;
    if (node->repeat) {
        fs_box *rows = new_box(b, FS_BOX_STACK, node);
        if (!rows || !bind_repeat(b, rows, node, chart_item_box))
            return NULL;
        box = new_box(b, FS_BOX_CHART, node);
        if (!box ||
            !(box->items = fs_arena_array(b->arena, rows->child_count + 1, sizeof *box->items)))
            return NULL;
        for (size_t i = 0; i < rows->child_count; i++)
            box->items[box->item_count++] = rows->children[i]->items[0];
    } else {
        box = chart_item_box(b, node);
        if (!box)
            return NULL;
    }
    box->chart = node->chart;
    box->total = node->total;
    box->across = node->across;
    box->style = resolve_style(b, node->style, node);
    box->number_style = resolve_style(b, node->number_style, NULL);
    box->icon_color = theme_color(b, "accent", box->number_style.color);
    if (node->color)
        fs_theme_color(b->theme, node->color, &box->icon_color);
    if (node->chart == FS_CHART_ICONS) {
        b->last_cell = fs_pos_at(NULL, 0, 0);
        const char *name = node->icon ? fill_plain(b, node->icon, false) : "person";
        if (!name || !find_icon(b, node, name, b->last_cell.file ? b->last_cell : node->pos, box))
            return NULL;
    }
    box->alt = chart_alt(b, node, box);
    return box->alt ? box : NULL;
}

/* True when a node's 'when' fills to no text: the node is left out. */
static bool left_out(binder *b, const fs_node *node)
{
    if (!node->when)
        return false;
    b->quiet = true;
    const char *text = fill_plain(b, node->when, false);
    b->quiet = false;
    if (!text)
        return false;
    while (*text == ' ' || *text == '\t' || *text == '\n')
        text++;
    return *text == '\0';
}

static fs_box *bind_node(binder *b, const fs_node *node)
{
    fs_box *box = NULL;
    bool ok = true;
    if (left_out(b, node))
        return new_box(b, FS_BOX_STACK, node);
    switch (node->kind) {
    case FS_NODE_BOX: {
        box = new_box(b, FS_BOX_FRAME, node);
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
        box = new_box(b, node->kind == FS_NODE_ROW ? FS_BOX_ROW : FS_BOX_STACK, node);
        if (box && node->repeat)
            ok = bind_repeat(b, box, node, bind_section);
        else
            ok = box && bind_children(b, box, node->content, node->content_count);
        break;
    case FS_NODE_FLOW:
        if (b->nesting != 1 || !b->in_body) {
            if (!already_reported(b, node))
                fs_error(b->diags, node->pos, "make the flow a block of 'body' itself",
                         "a flow must be a block of the body, not inside another node");
            return NULL;
        }
        box = new_box(b, FS_BOX_FLOW, node);
        ok = box && bind_children(b, box, node->content, node->content_count);
        break;
    case FS_NODE_MARKDOWN:
        box = bind_markdown(b, node);
        break;
    case FS_NODE_QUOTE:
        if (missing_style(b, node, &node->style))
            return NULL;
        box = bind_quote(b, node);
        break;
    case FS_NODE_IMAGE:
        box = bind_image(b, node);
        break;
    case FS_NODE_CHART:
        box = bind_chart(b, node);
        break;
    case FS_NODE_BREAK:
        box = new_box(b, FS_BOX_BREAK, node);
        if (box)
            box->column_break = node->column_break;
        break;
    case FS_NODE_GRID:
        box = new_box(b, FS_BOX_GRID, node);
        if (box && node->repeat)
            ok = bind_repeat(b, box, node, bind_grid_item);
        else
            ok = box && bind_children(b, box, node->content, node->content_count);
        break;
    case FS_NODE_TEXT:
        if (missing_style(b, node, &node->style))
            return NULL;
        box = text_box(b, node, node->value, node->style);
        if (box && strcmp(node->kind_name, "heading") == 0) {
            box->level = (int)node->level;
            const char *plain = fill_plain(b, node->value, true);
            box->anchor = plain ? fs_markdown_slug(plain, b->arena) : NULL;
            box->keep_with_next = true;
        }
        break;
    case FS_NODE_LIST:
        if (missing_style(b, node, &node->style))
            return NULL;
        box = new_box(b, FS_BOX_LIST, node);
        if (!box)
            return NULL;
        box->marker = node->marker;
        box->style = resolve_style(b, node->style, node);
        box->marker_color = theme_color(b, "accent", box->style.color);
        if (node->repeat) {
            ok = bind_repeat(b, box, node, bind_list_item);
        } else {
            box->children = fs_arena_array(b->arena, node->item_count, sizeof(fs_box *));
            ok = box->children != NULL;
            for (size_t i = 0; ok && i < node->item_count; i++) {
                fs_box *item = text_box(b, node, node->items[i], node->style);
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
        box = new_box(b, FS_BOX_SPACER, node);
        break;
    case FS_NODE_RULE:
        box = new_box(b, FS_BOX_RULE, node);
        if (box) {
            box->fill = theme_color(b, "rule", (fs_rgba){0.8, 0.8, 0.8, 1});
            if (node->color)
                fs_theme_color(b->theme, node->color, &box->fill);
            box->has_fill = true;
        }
        break;
    }
    return ok ? box : NULL;
}

/* ---- links inside the document ---------------------------------------- */

typedef struct {
    const char **names;
    size_t count, capacity;
} anchors;

/* Collects the headings' anchors; a heading whose anchor an earlier one
 * has is not a link target (the first is). */
static void collect_anchors(binder *b, fs_box *box, anchors *found)
{
    if (box->anchor) {
        for (size_t i = 0; i < found->count; i++) {
            if (strcmp(found->names[i], box->anchor) == 0) {
                box->anchor = NULL;
                break;
            }
        }
    }
    if (box->anchor) {
        if (found->count == found->capacity) {
            size_t capacity = found->capacity ? found->capacity * 2 : 16;
            const char **grown =
                fs_arena_grow(b->arena, found->names, found->count, capacity, sizeof *grown);
            if (grown) {
                found->names = grown;
                found->capacity = capacity;
            }
        }
        if (found->count < found->capacity)
            found->names[found->count++] = box->anchor;
    }
    for (size_t i = 0; i < box->child_count; i++)
        collect_anchors(b, box->children[i], found);
}

static void check_box_links(binder *b, const fs_box *box, const anchors *found)
{
    for (size_t p = 0; box->links && p < box->paragraph_count; p++) {
        for (size_t l = 0; l < box->link_counts[p]; l++) {
            const char *target = box->links[p][l].target;
            if (target[0] != '#')
                continue;
            bool known = false;
            for (size_t i = 0; i < found->count && !known; i++)
                known = strcmp(found->names[i], target + 1) == 0;
            if (known)
                continue;
            fs_buf hint = {0};
            if (found->count)
                fs_suggest_hint(&hint, target + 1, found->names, found->count,
                                "the headings' anchors: ");
            else
                fs_buf_puts(&hint, "the document has no heading to link to");
            fs_diag_add_kind(b->diags, FS_ERROR, FS_KIND_PLACEHOLDER, box->pos, fs_buf_str(&hint),
                             "the link to '%s' names no heading of the document", target);
            fs_buf_free(&hint);
        }
    }
    for (size_t i = 0; i < box->child_count; i++)
        check_box_links(b, box->children[i], found);
}

static void check_links(binder *b, fs_box *body)
{
    anchors found = {0};
    collect_anchors(b, body, &found);
    check_box_links(b, body, &found);
}

static const char *metadata(binder *b, const fs_template *template)
{
    return template ? fill_plain(b, template, true) : NULL;
}

fs_document *fs_bind(const fs_bind_input *input, fs_arena *arena, fs_diags *diags)
{
    binder b = {.in = input, .theme = input->layout->theme, .arena = arena, .diags = diags};
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
    if (doc->body)
        check_links(&b, doc->body);
    doc->title = metadata(&b, input->layout->title);
    doc->subject = metadata(&b, input->layout->subject);
    doc->author = metadata(&b, input->layout->author);
    doc->keywords = metadata(&b, input->layout->keywords);
    doc->lang = fs_lang_tag(input->lang);
    doc->strict = fs_lang_strict(input->lang);
    return fs_diags_errors(diags) == errors && doc->body ? doc : NULL;
}

const char *fs_bind_plain(const fs_bind_input *input, const fs_template *template, fs_arena *arena,
                          fs_diags *diags)
{
    binder b = {.in = input, .theme = input->layout->theme, .arena = arena, .diags = diags};
    return fill_plain(&b, template, true);
}
