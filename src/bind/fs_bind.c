#include "fs_bind.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bind/fs_markdown.h"
#include "i18n/fs_typo.h"
#include "core/fs_buf.h"
#include "core/fs_suggest.h"

enum { FS_MAX_PARAGRAPH = 100000 };

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
    fs_error(b->diags, pos, fs_buf_str(&hint), "%sno table '%s' in %s", prefix, name,
             fs_dataset_dir(b->in->data));
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
    size_t count = fs_table_column_count(table);
    const char **names = fs_arena_array(b->arena, count, sizeof *names);
    fs_buf hint = {0};
    for (size_t i = 0; names && i < count; i++)
        names[i] = fs_table_column_name(table, i);
    if (names)
        fs_suggest_hint(&hint, name, names, count, "its columns: ");
    fs_error(b->diags, field->pos, fs_buf_str(&hint), "{%s}: no column '%s' in %s", field->text,
             name, fs_table_path(table));
    fs_buf_free(&hint);
    return false;
}

static bool is_key_value(const fs_table *table)
{
    return fs_table_find_column(table, "key") >= 0 && fs_table_find_column(table, "value") >= 0;
}

/* {table.column} reads a key/value table (the row whose key is column) or a
 * single-row table; {column} reads the row a repeat is on. */
static bool locate(binder *b, const fs_segment *field, const fs_table **table, size_t *row,
                   size_t *column)
{
    if (!field->table) {
        if (!b->scope) {
            if (already_reported(b, field))
                return false;
            fs_error(b->diags, field->pos,
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
        fs_error(b->diags, field->pos, "add a row with that key, or fix the placeholder",
                 "{%s}: no row with key '%s' in %s", field->text, field->column,
                 fs_table_path(*table));
        return false;
    }
    if (!find_column(b, field, *table, field->column, column))
        return false;
    if (fs_table_row_count(*table) != 1) {
        if (already_reported(b, field))
            return false;
        fs_error(b->diags, field->pos,
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
    fs_translation found;
    const fs_catalog *catalog = fs_lang_data_catalog(lang);
    fs_lookup_status status = fs_lang_lookup(lang, false, text, &found);
    if (status == FS_TRANSLATED)
        return found.msgstr;
    if (!already_reported(b, text)) {
        const char *why = status == FS_FUZZY          ? "is marked fuzzy in"
                          : status == FS_UNTRANSLATED ? "is not translated in"
                                                      : "is missing from";
        char hint[1024];
        snprintf(hint, sizeof hint,
                 "translate it in %s (factsheet extract lists every text to translate), or "
                 "in a column '%s'",
                 fs_catalog_path(catalog), sibling);
        fs_diag_add(b->diags, fs_lang_strict(lang) ? FS_ERROR : FS_WARNING,
                    fs_table_cell_pos(table, row, column), hint, "\"%.60s%s\" %s %s", text,
                    strlen(text) > 60 ? "..." : "", why, fs_catalog_path(catalog));
    }
    return text;
}

/* Appends the cell's value as plain text formatted for the language; a
 * text cell is translated when translate is set (not for icon names). */
static bool format_cell(binder *b, const fs_segment *field, bool translate, fs_buf *out)
{
    const fs_table *table = NULL;
    size_t row = 0, column = 0;
    if (!locate(b, field, &table, &row, &column))
        return false;
    const char *text = fs_table_cell(table, row, column);
    b->last_cell = fs_table_cell_pos(table, row, column);
    if (!*text) {
        fs_warning(b->diags, b->last_cell, "fill the cell, or remove what shows it",
                   "{%s} reads an empty cell (column '%s')", field->text,
                   fs_table_column_name(table, column));
        return true;
    }
    double value;
    bool is_number = fs_table_cell_number(table, row, column, &value);
    fs_col_type type = fs_table_column_type(table, column);
    fs_number_style style;
    switch (field->format) {
    case FS_FORMAT_DEFAULT:
        /* A number column is formatted for the language even without a
         * format; a text column (and so a key/value table) prints as written. */
        if (!is_number || type == FS_COL_TEXT) {
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
                                  dates[field->format - FS_FORMAT_DATE_SHORT], out)) {
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

/* Appends layout text as inline Markdown: emphasis, code and links work,
 * but what would start a block at the beginning of a line (a heading '#',
 * a quote '>', a bullet '- ', a numbered item '2019. ', a fence) is escaped
 * and prints as written, as layouts/README.md promises: "> 1 million" must
 * not lose its "more than". */
static void put_inline_markdown(fs_buf *out, const char *text)
{
    for (const char *c = text; *c;) {
        bool line_start = out->length == 0 || out->data[out->length - 1] == '\n';
        const char *mark = c;
        while (line_start && *mark == ' ')
            mark++;
        const char *digits = mark;
        while (line_start && *digits >= '0' && *digits <= '9')
            digits++;
        const char *marker = NULL;
        if (line_start && digits > mark && (*digits == '.' || *digits == ')'))
            marker = digits;
        else if (line_start && *mark && strchr("#>-+*=~`|", *mark))
            marker = mark;
        /* '*' and '+' start a block only before a blank; '*text*' is
         * emphasis. The others start one (or a rule or underline) anyway. */
        if (marker && (*marker == '*' || *marker == '+' || *marker == '.' || *marker == ')') &&
            !(marker[1] == ' ' || marker[1] == '\t' || marker[1] == '\0' || marker[1] == '\n'))
            marker = NULL;
        if (marker) {
            fs_buf_append(out, c, (size_t)(marker - c));
            fs_buf_putc(out, '\\');
            c = marker;
        }
        const char *end = strchr(c, '\n');
        size_t length = end ? (size_t)(end - c) + 1 : strlen(c);
        fs_buf_append(out, c, length);
        c += length;
    }
}

typedef struct {
    bool markdown;     /* literal text is Markdown, values are escaped */
    bool translate;    /* text cells are translated (not so for icon names) */
    const char *pound; /* what '#' stands for inside a plural arm */
} fill_mode;

static bool fill(binder *b, const fs_template *template, fill_mode mode, fs_buf *out);

/* Appends one placeholder's value. */
static bool fill_field(binder *b, const fs_segment *segment, fill_mode mode, fs_buf *value,
                       fs_buf *out)
{
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
        fs_segment plain = *segment;
        plain.format = FS_FORMAT_DEFAULT;
        fs_buf_clear(value);
        if (!format_cell(b, &plain, false, value))
            return false;
        return fill(b, fs_segment_arm(segment, fs_buf_str(value))->message, mode, out);
    }
    fs_buf_clear(value);
    if (!format_cell(b, segment, mode.translate, value))
        return false;
    if (mode.markdown)
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
            put_inline_markdown(out, segment->text);
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
        out = (fs_text_style){style->family,      style->weight,   style->italic,
                              style->uppercase,   style->size,     style->line_height,
                              style->space_after, style->tracking, style->min_scale,
                              style->color,       FS_ALIGN_START};
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
    for (size_t i = 0; i < count; i++) {
        fs_box *child = bind_node(b, nodes[i]);
        if (child)
            box->children[box->child_count++] = child;
        else
            ok = false;
    }
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

/* Binds item once per row of the repeated table, each in that row's scope. */
static bool bind_repeat(binder *b, fs_box *box, const fs_node *node,
                        fs_box *(*each)(binder *, const fs_node *))
{
    const fs_table *table = repeat_table(b, node);
    if (!table)
        return false;
    size_t rows = fs_table_row_count(table);
    box->children = fs_arena_array(b->arena, rows, sizeof(fs_box *));
    if (!box->children)
        return false;
    const fs_table *outer = b->scope;
    size_t outer_row = b->row;
    bool ok = true;
    for (size_t r = 0; r < rows; r++) {
        b->scope = table;
        b->row = r;
        fs_box *child = each(b, node);
        if (child)
            box->children[box->child_count++] = child;
        else
            ok = false;
    }
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
        if (!fs_icons_find(b->in->icons, name, &box->icon)) {
            /* A name from a cell is reported at each cell; one written in
             * the layout once, not once per row of a repeat. */
            if (!b->last_cell.file && already_reported(b, node->icon))
                return NULL;
            const char *best[3];
            size_t found = fs_icons_suggest(b->in->icons, name, best, 3);
            fs_buf hint = {0};
            if (found) {
                fs_buf_puts(&hint, "did you mean ");
                for (size_t i = 0; i < found; i++)
                    fs_buf_printf(&hint, "%s'%s'", i ? (i + 1 == found ? " or " : ", ") : "",
                                  best[i]);
                fs_buf_puts(&hint, "? ");
            }
            fs_buf_puts(&hint, "factsheet icons WORD lists the names that contain WORD");
            fs_error(b->diags, where, fs_buf_str(&hint), "unknown icon '%s'", name);
            fs_buf_free(&hint);
            return NULL;
        }
        box->has_icon = true;
        box->icon_family = fs_theme_icon_family(b->theme);
        if (!box->icon_family) {
            if (!already_reported(b, &node->icon))
                fs_error(b->diags, node->pos, "add 'icons: ROLE' to the theme, naming a font role",
                         "the theme names no icon font");
            return NULL;
        }
    }
    return ok ? box : NULL;
}

static fs_box *bind_node(binder *b, const fs_node *node)
{
    fs_box *box = NULL;
    bool ok = true;
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
        ok = box && bind_children(b, box, node->content, node->content_count);
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
        if (box && strcmp(node->kind_name, "heading") == 0)
            box->level = (int)node->level;
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
    doc->body = bind_node(&b, input->layout->body);
    if (input->layout->footer)
        doc->footer = bind_node(&b, input->layout->footer);
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
