/* From a placeholder to its text: the cell it names, formatted for the
 * language (ICU) and translated; templates filled from cells. */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bind/fs_bind_internal.h"
#include "bind/fs_markdown.h"
#include "core/fs_grow.h"
#include "core/fs_suggest.h"
#include "i18n/fs_template.h"
#include "i18n/fs_typo.h"

/* The locale of the document's language. */
static const fs_locale *locale_of(const binder *b)
{
    return fs_lang_locale(b->in->lang);
}

bool bind_already_reported(binder *b, const void *what)
{
    uint64_t hash = fs_hash_pointer(what);
    if (fs_map_find(&b->reported, hash, fs_map_same_address, what))
        return true;
    fs_map_add(&b->reported, hash, what);
    return false;
}

void bind_no_table(binder *b, fs_pos pos, const char *prefix, const char *name)
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
    if (!table && !bind_already_reported(b, field)) {
        char prefix[256];
        snprintf(prefix, sizeof prefix, "{%.200s}: ", field->text);
        bind_no_table(b, field->pos, prefix, field->table);
    }
    return table;
}

void bind_columns_hint(binder *b, const fs_table *table, const char *name, fs_buf *hint)
{
    size_t count = fs_table_column_count(table);
    const char **names = fs_arena_array(b->arena, count, sizeof *names);
    for (size_t i = 0; names && i < count; i++)
        names[i] = fs_table_column_name(table, i);
    if (names)
        fs_suggest_hint(hint, name, names, count, "its columns: ");
}

/* The hint for a placeholder naming a column the table lacks: the nearest
 * name as a placeholder that works when copied ({"Affected 2017"}), then
 * the columns. */
static void placeholder_hint(binder *b, const fs_table *table, const char *name, fs_buf *hint)
{
    size_t count = fs_table_column_count(table);
    const char **names = fs_arena_array(b->arena, count, sizeof *names);
    for (size_t i = 0; names && i < count; i++)
        names[i] = fs_table_column_name(table, i);
    const char *best = NULL;
    if (names && fs_suggest(name, names, count, &best, 1)) {
        fs_buf form = {0};
        fs_template_quote_name(best, &form);
        if (strcmp(fs_buf_str(&form), best) == 0)
            fs_buf_printf(hint, "did you mean '%s'? ", best);
        else
            fs_buf_printf(hint, "did you mean {%s}? ", fs_buf_str(&form));
        fs_buf_free(&form);
    }
    fs_buf_puts(hint, "its columns: ");
    for (size_t i = 0; names && i < count && i < 40; i++)
        fs_buf_printf(hint, "%s%s", i ? ", " : "", names[i]);
    if (count > 40)
        fs_buf_puts(hint, ", ...");
}

/* The column an HXL tag pattern names: exactly one must match. */
static bool find_tagged(binder *b, const fs_segment *field, const fs_table *table, size_t *column)
{
    size_t other = 0;
    size_t found = fs_table_find_tag(table, field->tag, column, &other);
    if (found == 1)
        return true;
    if (bind_already_reported(b, field))
        return false;
    if (found > 1) {
        fs_buf name = {0}, hint = {0};
        fs_template_quote_name(fs_table_column_name(table, *column), &name);
        fs_buf_printf(&hint,
                      "add an attribute that only one of them has (their tags: %s, %s), or name "
                      "the column: {%s}",
                      fs_table_column_tag(table, *column), fs_table_column_tag(table, other),
                      fs_buf_str(&name));
        fs_diag_add_kind(b->diags, FS_ERROR, FS_KIND_PLACEHOLDER, field->pos, fs_buf_str(&hint),
                         "{%s}: columns '%s' and '%s' of %s both have that tag", field->text,
                         fs_table_column_name(table, *column), fs_table_column_name(table, other),
                         fs_table_path(table));
        fs_buf_free(&name);
        fs_buf_free(&hint);
        return false;
    }
    fs_buf hint = {0};
    size_t tags = 0;
    for (size_t k = 0; k < fs_table_column_count(table); k++) {
        const char *tag = fs_table_column_tag(table, k);
        if (tag)
            fs_buf_printf(&hint, "%s%s", tags++ ? ", " : "its tags: ", tag);
    }
    if (!tags)
        fs_buf_puts(&hint, "the table has no HXL hashtag row; name the column instead");
    fs_diag_add_kind(b->diags, FS_ERROR, FS_KIND_PLACEHOLDER, field->pos, fs_buf_str(&hint),
                     "{%s}: no column of %s has the HXL tag '%s'", field->text,
                     fs_table_path(table), field->tag);
    fs_buf_free(&hint);
    return false;
}

static bool find_column(binder *b, const fs_segment *field, const fs_table *table, const char *name,
                        size_t *column)
{
    if (field->tag)
        return find_tagged(b, field, table, column);
    long found = fs_table_find_column(table, name);
    /* A column NAME@LANG alone serves that language. */
    char sibling[512];
    snprintf(sibling, sizeof sibling, "%s@%s", name, fs_lang_tag(b->in->lang));
    if (found < 0)
        found = fs_table_find_column(table, sibling);
    if (found >= 0) {
        *column = (size_t)found;
        return true;
    }
    if (bind_already_reported(b, field))
        return false;
    fs_buf hint = {0};
    size_t prefix = strlen(name);
    const char *only = NULL;
    for (size_t k = 0; k < fs_table_column_count(table) && !only; k++) {
        const char *other = fs_table_column_name(table, k);
        if (strncmp(other, name, prefix) == 0 && other[prefix] == '@')
            only = other;
    }
    if (only)
        fs_buf_printf(&hint,
                      "'%s' serves the %s pages only: add a column '%s' for the other languages",
                      only, strrchr(only, '@') + 1, name);
    else
        placeholder_hint(b, table, name, &hint);
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
                      size_t *column)
{
    if (!field->table) {
        if (!b->scope) {
            if (bind_already_reported(b, field))
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
        if (bind_already_reported(b, field))
            return false;
        fs_diag_add_kind(b->diags, FS_ERROR, FS_KIND_PLACEHOLDER, field->pos,
                         "add a row with that key, or fix the placeholder",
                         "{%s}: no row with key '%s' in %s", field->text, field->column,
                         fs_table_path(*table));
        return false;
    }
    if (!find_column(b, field, *table, field->column, column))
        return false;
    if (fs_table_file_rows(*table) == 0) {
        b->empty_table = true;
        if (bind_already_reported(b, field))
            return false;
        fs_diag_add_kind(b->diags, b->quiet ? FS_WARNING : FS_ERROR, FS_KIND_EMPTY_TABLE,
                         field->pos, "add the table's row under its header, or leave the text out",
                         "{%s}: table '%s' has no rows (%s has only its header)", field->text,
                         fs_table_name(*table), fs_table_path(*table));
        return false;
    }
    if (fs_table_row_count(*table) != 1) {
        if (bind_already_reported(b, field))
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

/* {table.column} reads a key/value table (the row whose key is column) or a
 * single-row table; {column} reads the row a repeat is on. */
bool bind_locate(binder *b, const fs_segment *field, const fs_table **table, size_t *row,
                 size_t *column)
{
    bool found = find_cell(b, field, table, row, column);
    if (found && b->in->on_column)
        b->in->on_column(b->in->on_column_context, *table, *column);
    return found;
}

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
    if (bind_already_reported(b, text))
        return false;
    fs_error(b->diags, fs_table_cell_pos(table, row, column),
             "write a number such as 2029052 or 2,029,052 (no words or units in the cell)",
             "{%s} needs a number in column '%s', found '%s'", field->text,
             fs_table_column_name(table, column), text);
    return false;
}

/* Turns the plain spaces of a formatted number or date (from out[from] on)
 * into no-break spaces: "7 millions" or "30 juin 2019" never break across
 * lines. */
static void keep_together(fs_buf *out, size_t from)
{
    fs_buf tail = {0};
    fs_buf_append(&tail, out->data + from, out->length - from);
    if (!fs_buf_ok(&tail)) {
        out->failed = true; /* out cannot hold the text it should */
        fs_buf_free(&tail);
        return;
    }
    out->length = from;
    for (size_t i = 0; i < tail.length; i++) {
        if (tail.data[i] == ' ')
            fs_buf_puts(out, "\u00a0");
        else
            fs_buf_putc(out, tail.data[i]);
    }
    fs_buf_free(&tail);
}

const char *bind_translated_in(binder *b, bool layout_text, const char *text, fs_pos where,
                               const char *sibling)
{
    const fs_lang *lang = b->in->lang;
    fs_translation found;
    fs_lookup_status status = fs_lang_lookup(lang, layout_text, text, &found);
    if (status == FS_TRANSLATED)
        return found.msgstr;
    if (bind_already_reported(b, text))
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

const char *bind_translated(binder *b, const char *text, fs_pos where, const char *sibling)
{
    return bind_translated_in(b, false, text, where, sibling);
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
    return bind_translated(b, text, fs_table_cell_pos(table, row, column), sibling);
}

/* How a missing value prints: the layout's 'missing' text, else an en
 * dash; nothing when a 'when' is being tested, so that a missing value
 * leaves its node out. A note for check (kind missing-value), once per
 * cell. */
static bool missing_value(binder *b, const fs_segment *field, const fs_table *table, size_t row,
                          size_t column, fs_buf *out)
{
    if (b->quiet)
        return true;
    fs_pos where = b->last_cell;
    const char *text = fs_table_cell(table, row, column);
    const char *shown = FS_MISSING_DEFAULT;
    const fs_template *missing = b->in->layout ? b->in->layout->missing : NULL;
    if (missing) {
        shown = bind_fill_plain(b, missing, PLAIN_TRANSLATED);
        if (!shown)
            return false;
    }
    fs_buf_puts(out, shown);
    b->last_cell = where;
    char what[128];
    if (*text)
        snprintf(what, sizeof what, "'%.100s'", text);
    else
        snprintf(what, sizeof what, "an empty cell");
    /* Once per cell: a cell's text identifies it, but empty cells share
     * one "" and are noted each time they are read. */
    if (!*text || !bind_already_reported(b, text))
        fs_diag_add_kind(b->diags, FS_NOTE, FS_KIND_MISSING, where,
                         "fill the cell with the number if it is known; 'missing:' in the "
                         "layout says how a missing value prints",
                         "{%s} reads a missing value (%s) in column '%s': it prints as '%s'",
                         field->text, what, fs_table_column_name(table, column), shown);
    return true;
}

/* Shifts a plain decimal two places left: the share a percent stands for
 * ("12.5" is "0.125"). */
static void percent_to_share(const char *percent, fs_buf *out)
{
    bool negative = *percent == '-';
    const char *digits = percent + negative;
    size_t whole = strcspn(digits, ".");
    const char *decimals = digits[whole] ? digits + whole + 1 : "";
    if (negative)
        fs_buf_putc(out, '-');
    if (whole <= 2) {
        fs_buf_puts(out, "0.");
        for (size_t i = whole; i < 2; i++)
            fs_buf_putc(out, '0');
        fs_buf_append(out, digits, whole);
    } else {
        fs_buf_append(out, digits, whole - 2);
        fs_buf_putc(out, '.');
        fs_buf_append(out, digits + whole - 2, 2);
    }
    fs_buf_puts(out, decimals);
}

/* Formats the cell's number exactly, from its digits, in the style the
 * placeholder's format asks; a percent cell ("94%") is the share 0.94. */
static bool format_decimal(binder *b, const fs_segment *field, const fs_table *table, size_t row,
                           size_t column, fs_format format, fs_buf *out)
{
    fs_buf decimal = {0};
    if (!fs_table_cell_decimal(table, row, column, &decimal)) {
        fs_buf_free(&decimal);
        return number_needed(b, field, table, row, column, fs_table_cell(table, row, column));
    }
    double value;
    fs_table_cell_number(table, row, column, &value);
    bool percent = strchr(fs_table_cell(table, row, column), '%') != NULL;
    fs_decimal_style style = percent ? FS_DECIMAL_PERCENT : FS_DECIMAL_WRITTEN;
    if (format == FS_FORMAT_INTEGER)
        style = FS_DECIMAL_INTEGER;
    else if (format == FS_FORMAT_COMPACT)
        style = FS_DECIMAL_COMPACT;
    else if (format == FS_FORMAT_PERCENT && !percent)
        style = FS_DECIMAL_SHARE;
    else if (format == FS_FORMAT_SKELETON)
        style = FS_DECIMAL_SKELETON;
    fs_buf share = {0};
    const char *digits = fs_buf_str(&decimal);
    if (percent && (format == FS_FORMAT_SKELETON || format == FS_FORMAT_INTEGER ||
                    format == FS_FORMAT_COMPACT)) {
        /* A format that is not about percents reads the share. */
        percent_to_share(digits, &share);
        digits = fs_buf_str(&share);
    }
    size_t from = out->length;
    bool ok = fs_locale_format_decimal(locale_of(b), digits, style, field->skeleton, out);
    if (!ok)
        fs_error(b->diags, b->last_cell,
                 "write the number with at most a few hundred digits, or check the format's "
                 "skeleton",
                 "cannot format %s for language %s", fs_table_cell(table, row, column),
                 fs_lang_tag(b->in->lang));
    else
        keep_together(out, from);
    fs_buf_free(&decimal);
    fs_buf_free(&share);
    return ok;
}

bool bind_format_cell(binder *b, const fs_segment *field, fs_format format, bool translate,
                      fs_buf *out)
{
    const fs_table *table = NULL;
    size_t row = 0, column = 0;
    if (!bind_locate(b, field, &table, &row, &column))
        return false;
    const char *text = fs_table_cell(table, row, column);
    b->last_cell = fs_table_cell_pos(table, row, column);
    if (format == FS_FORMAT_VERBATIM) {
        fs_buf_puts(out, text);
        return true;
    }
    if (fs_table_cell_missing(table, row, column) && format != FS_FORMAT_MARKDOWN)
        return missing_value(b, field, table, row, column, out);
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
    switch (format) {
    case FS_FORMAT_DEFAULT:
    case FS_FORMAT_MARKDOWN:
        /* A number column is formatted for the language even without a
         * format; any other column (and so a key/value table) prints as
         * written, translated when it is text. */
        if (is_number &&
            (type == FS_COL_INTEGER || type == FS_COL_DECIMAL || type == FS_COL_PERCENT))
            return format_decimal(b, field, table, row, column, format, out);
        if (translate) {
            /* Codes, dates and the columns the layout marks (names) are
             * never looked up in a catalog. */
            fs_buf typeset = {0};
            fs_typo_apostrophes(fs_table_column_translated(table, column)
                                    ? cell_text(b, table, row, column, text)
                                    : text,
                                &typeset);
            bool typeset_ok = fs_buf_ok(&typeset);
            if (typeset_ok)
                fs_typo_break_long_words(fs_buf_str(&typeset), out);
            fs_buf_free(&typeset);
            return typeset_ok;
        } else {
            fs_buf_puts(out, text);
        }
        return true;
    case FS_FORMAT_NUMBER:
    case FS_FORMAT_INTEGER:
    case FS_FORMAT_PERCENT:
    case FS_FORMAT_COMPACT:
    case FS_FORMAT_SKELETON:
        return format_decimal(b, field, table, row, column, format, out);
    case FS_FORMAT_DATE_SHORT:
    case FS_FORMAT_DATE_MEDIUM:
    case FS_FORMAT_DATE_LONG:
    case FS_FORMAT_DATE_MONTH: {
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
    default:
        fs_buf_puts(out, text);
        return true;
    }
}

bool bind_plural_value(binder *b, const fs_segment *field, double *value)
{
    const fs_table *table = NULL;
    size_t row = 0, column = 0;
    if (!bind_locate(b, field, &table, &row, &column))
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

/* Appends one placeholder's value. */
static bool page_placeholder(binder *b, const fs_segment *segment, fs_buf *out)
{
    if (segment->table || segment->format != FS_FORMAT_DEFAULT ||
        (strcmp(segment->column, "page") != 0 && strcmp(segment->column, "pages") != 0) ||
        (!b->running && b->scope))
        return false;
    if (!b->running) {
        if (!bind_already_reported(b, segment))
            fs_diag_add_kind(b->diags, FS_ERROR, FS_KIND_PLACEHOLDER, segment->pos,
                             "use {page} and {pages} in 'header' or 'footer'",
                             "{%s} is only known in a running header or footer", segment->column);
        return true;
    }
    fs_buf_puts(out, strcmp(segment->column, "page") == 0 ? FS_PAGE_NUMBER : FS_PAGE_COUNT);
    return true;
}

/* Keeps the text a cell gave the document, with the cell's position, when
 * it holds a character beyond ASCII (placement names the cell when a font
 * cannot draw it). False after an error when out of memory. */
static bool remember_cell(binder *b, const char *text)
{
    bool ascii = true;
    for (const unsigned char *c = (const unsigned char *)text; *c && ascii; c++)
        ascii = *c < 0x80;
    if (ascii || !b->last_cell.file)
        return true;
    fs_cell_text *cells = fs_arena_reserve(b->arena, b->cells, b->cell_count, b->cell_count + 1,
                                           &b->cell_capacity, sizeof *cells);
    const char *copy = cells ? fs_arena_strdup(b->arena, text) : NULL;
    if (!copy) {
        fs_error(b->diags, b->last_cell, NULL, "out of memory while keeping the cell's text");
        return false;
    }
    b->cells = cells;
    b->cells[b->cell_count++] = (fs_cell_text){copy, b->last_cell};
    return true;
}

static bool fill_field(binder *b, const fs_segment *segment, fill_mode mode, fs_buf *value,
                       fs_buf *out)
{
    if (page_placeholder(b, segment, out))
        return b->running;
    if (segment->format == FS_FORMAT_PLURAL) {
        double number;
        if (!bind_plural_value(b, segment, &number))
            return false;
        /* '#' is the number as the cell writes it, for the language. */
        fs_buf formatted = {0};
        fs_segment plain = *segment;
        plain.format = FS_FORMAT_NUMBER;
        bool ok = bind_format_cell(b, &plain, FS_FORMAT_NUMBER, false, &formatted) &&
                  fs_buf_ok(&formatted);
        fill_mode inner = mode;
        inner.pound = fs_buf_str(&formatted);
        const fs_arm *arm = plural_arm(b, segment, number);
        ok = ok && bind_fill(b, arm->message, inner, out);
        fs_buf_free(&formatted);
        return ok;
    }
    if (segment->format == FS_FORMAT_SELECT) {
        fs_buf_clear(value);
        if (!bind_format_cell(b, segment, FS_FORMAT_DEFAULT, false, value) || !fs_buf_ok(value))
            return false;
        return bind_fill(b, fs_segment_arm(segment, fs_buf_str(value))->message, mode, out);
    }
    /* Cleared for each field, so a failed allocation is caught here, before
     * the next field clears it. */
    fs_buf_clear(value);
    if (!bind_format_cell(b, segment, segment->format, mode.translate, value) || !fs_buf_ok(value))
        return false;
    if (!remember_cell(b, fs_buf_str(value)))
        return false;
    /* A value shown as written is marked so that the house rules leave it
     * alone (no quote, space or hyphen changes, fs_typo.h). */
    bool as_written = segment->format == FS_FORMAT_VERBATIM && (mode.markdown || mode.translate);
    if (as_written)
        fs_buf_puts(out, FS_TYPO_AS_WRITTEN_START);
    if (mode.markdown && segment->format == FS_FORMAT_MARKDOWN)
        fs_markdown_escape_blocks(out, fs_buf_str(value));
    else if (mode.markdown)
        fs_markdown_escape(out, fs_buf_str(value));
    else
        fs_buf_puts(out, fs_buf_str(value));
    if (as_written)
        fs_buf_puts(out, FS_TYPO_AS_WRITTEN_END);
    return true;
}

bool bind_fill(binder *b, const fs_template *template, fill_mode mode, fs_buf *out)
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

const char *bind_fill_plain(binder *b, const fs_template *template, plain_mode mode)
{
    fs_buf text = {0}, typeset = {0};
    b->last_cell = fs_pos_at(NULL, 0, 0);
    bool translate = mode != PLAIN_AS_IS;
    const fs_template *translated = translate ? fs_lang_template(b->in->lang, template) : template;
    bool ok = bind_fill(b, translated, (fill_mode){.translate = translate}, &text);
    if (ok && mode == PLAIN_TYPESET) {
        fs_typo_unbroken(fs_lang_tag(b->in->lang), text.data ? text.data : "", text.length,
                         &typeset);
        ok = fs_buf_ok(&typeset);
    }
    const char *result =
        ok ? fs_arena_strdup(b->arena, fs_buf_str(mode == PLAIN_TYPESET ? &typeset : &text)) : NULL;
    fs_buf_free(&text);
    fs_buf_free(&typeset);
    return result;
}
