/* Charts: an item per row (a label, a number formatted for the language,
 * a target), and an alternative text made from the data. */

#include <string.h>

#include "bind/fs_bind_internal.h"
#include "i18n/fs_typo.h"

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
        if (!bind_already_reported(b, template))
            fs_error(b->diags, template->pos.file ? template->pos : node->pos,
                     "write one placeholder such as \"{share}\" or \"{brief.groups, number}\"",
                     "a chart's '%s' must be one placeholder naming a number", what);
        return false;
    }
    const fs_segment *field = &template->segments[0];
    if (!bind_plural_value(b, field, value))
        return false;
    *where = b->last_cell;
    const fs_table *table = NULL;
    size_t row = 0, column = 0;
    if (!bind_locate(b, field, &table, &row, &column))
        return false;
    /* A percent cell is a share; so is a number shown as a percent, which
     * as in ICU is a fraction of one (0.47 is 47%). Charts count in
     * percent. */
    bool percent_cell = strchr(fs_table_cell(table, row, column), '%') != NULL;
    *share = field->format == FS_FORMAT_PERCENT || percent_cell;
    if (field->format == FS_FORMAT_PERCENT && !percent_cell)
        *value *= 100;
    /* Shown as the language writes the number, exactly as written ("57 %"
     * in French), unless the placeholder asks for a format. */
    fs_buf formatted = {0};
    fs_format format = field->format == FS_FORMAT_DEFAULT ? FS_FORMAT_NUMBER : field->format;
    bool ok = bind_format_cell(b, field, format, false, &formatted);
    /* With the language's typography, as every other text: "50 %" takes a
     * narrow no-break space in French. */
    fs_buf typeset = {0};
    if (ok && fs_buf_ok(&formatted))
        fs_typo_apply(fs_lang_tag(b->in->lang), formatted.data, formatted.length, &typeset);
    *text = ok && fs_buf_ok(&formatted) && fs_buf_ok(&typeset)
                ? fs_arena_strdup(b->arena, fs_buf_str(&typeset))
                : NULL;
    fs_buf_free(&typeset);
    fs_buf_free(&formatted);
    return *text != NULL;
}

/* The text of markup, for an alternative text: tags and soft hyphens
 * dropped, the entities Markdown's escaping writes decoded. */
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
        if (strncmp(c, FS_SOFT_HYPHEN, 2) == 0) {
            c += 2;
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

static const char *const default_label_style = "caption";
static const char *const default_number_style = "stat-number";

/* The name of the style a chart's labels are set in: the node's, else the
 * theme's chart look's, else the default; it lives as long as the theme. */
static const char *const *chart_label_style(const binder *b, const fs_node *node)
{
    const fs_chart_look *look = fs_theme_chart(b->theme);
    return node->style         ? &node->style
           : look->label_style ? &look->label_style
                               : &default_label_style;
}

/* Fills one item of a chart in the current scope: its label (and the icon
 * beside it), a timeline's date and title, or its numbers, hyphenated as
 * the labels' style says. */
static bool chart_item(binder *b, const fs_node *node, fs_chart_item *item)
{
    fs_text_style style = bind_resolve_style(b, *chart_label_style(b, node), node);
    item->label = node->label ? bind_fill_line(b, node->label, node->pos, &style) : "";
    item->plain = markup_text(b, item->label);
    if (!item->label || !item->plain)
        return false;
    if (node->icon && node->as.chart.kind != FS_CHART_ICONS && !bind_icon(b, node, &item->icon))
        return false;
    if (node->as.chart.kind == FS_CHART_TIMELINE) {
        item->text = bind_fill_line(b, node->value, node->pos, &style);
        if (!node->as.chart.title)
            return item->text != NULL;
        item->title = bind_fill_line(b, node->as.chart.title, node->pos, &style);
        item->plain_title = markup_text(b, item->title);
        return item->text && item->title && item->plain_title;
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
    bool needs_share =
        node->as.chart.kind == FS_CHART_DONUT || node->as.chart.kind == FS_CHART_ICONS;
    if (ok && needs_share && !share) {
        fs_error(b->diags, where, "write the share as a percentage such as 47%",
                 "%s shows a share: '%s' is not a percentage",
                 node->as.chart.kind == FS_CHART_DONUT ? "a donut" : "an icon array", item->text);
        ok = false;
    }
    if (ok && needs_share && item->value > 100) {
        fs_error(b->diags, where, "a share is at most 100%", "a share of %s", item->text);
        ok = false;
    }
    if (node->as.chart.target) {
        item->has_target = true;
        if (!chart_number(b, node, node->as.chart.target, "target", &item->target,
                          &item->target_text, &target_share, &target_where))
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
    fs_box *box = bind_new_box(b, FS_BOX_CHART, node);
    if (!box || !(box->as.chart.items = fs_arena_alloc(b->arena, sizeof *box->as.chart.items)))
        return NULL;
    box->as.chart.item_count = 1;
    return chart_item(b, node, box->as.chart.items) ? box : NULL;
}

/* The chart's kind, in the document's language, for its alternative text. */
static const char *chart_kind_name(binder *b, const fs_node *node)
{
    static const char *const names[] = {"Bar chart",  "Column chart", "Donut chart",
                                        "Icon array", "Progress bar", "Timeline"};
    const char *name = names[node->as.chart.kind];
    if (b->in->on_text)
        b->in->on_text(b->in->on_text_context, name, node->pos);
    if (fs_lang_is_source(b->in->lang))
        return name;
    return bind_translated_in(b, true, name, node->pos, NULL);
}

/* A text alternative made from the chart's data, when the layout gives
 * none: "Donut chart: 47 % of new members are women". */
static const char *chart_alt(binder *b, const fs_node *node, const fs_box *box)
{
    if (node->alt)
        return bind_fill_plain(b, node->alt, PLAIN_TYPESET);
    fs_buf alt = {0};
    fs_buf_printf(&alt, "%s: ", chart_kind_name(b, node));
    for (size_t i = 0; i < box->as.chart.item_count; i++) {
        const fs_chart_item *item = &box->as.chart.items[i];
        const char *label = item->plain;
        /* A share reads as a sentence ("47 % of new members are women"),
         * anything else as a label and its value. */
        bool single =
            node->as.chart.kind == FS_CHART_DONUT || node->as.chart.kind == FS_CHART_ICONS;
        /* Items are joined by "; ", or a space after a sentence's stop. */
        if (i)
            fs_buf_puts(&alt, alt.length && strchr(".!?", alt.data[alt.length - 1]) ? " " : "; ");
        if (single)
            fs_buf_printf(&alt, "%s%s%s %s", item->text, item->has_target ? " / " : "",
                          item->has_target ? item->target_text : "", label);
        else if (item->title)
            fs_buf_printf(&alt, "%s: %s, %s", item->text, item->plain_title, label);
        else
            fs_buf_printf(&alt, "%s: %s%s%s",
                          node->as.chart.kind == FS_CHART_TIMELINE ? item->text : label,
                          node->as.chart.kind == FS_CHART_TIMELINE ? label : item->text,
                          item->has_target ? " / " : "", item->has_target ? item->target_text : "");
    }
    fs_buf typeset = {0};
    if (fs_buf_ok(&alt))
        fs_typo_unbroken(fs_lang_tag(b->in->lang), alt.data, alt.length, &typeset);
    const char *result = fs_buf_ok(&alt) && fs_buf_ok(&typeset)
                             ? fs_arena_strdup(b->arena, fs_buf_str(&typeset))
                             : NULL;
    fs_buf_free(&alt);
    fs_buf_free(&typeset);
    return result;
}

/* The style names a chart's texts take when its node names none. */

/* The colours of the chart: its series colour ('color', else the theme's
 * chart colour, else accent), its track, and each item's (the 'colors' or
 * the theme's palette in turn, else the series colour). */
static void chart_colors(binder *b, const fs_node *node, fs_box *box)
{
    const fs_chart_look *look = fs_theme_chart(b->theme);
    fs_rgba color = look->has_color
                        ? look->color
                        : bind_theme_color(b, "accent", box->as.chart.number_style.color);
    if (node->color)
        fs_theme_color(b->theme, node->color, &color);
    box->as.chart.color = color;
    box->as.chart.track = color;
    box->as.chart.track.a *= 0.2;
    if (look->has_track)
        box->as.chart.track = look->track;
    for (size_t i = 0; i < box->as.chart.item_count; i++) {
        fs_chart_item *item = &box->as.chart.items[i];
        item->color = color;
        if (node->as.chart.palette)
            item->color = look->palette[i % look->palette_count];
        else if (node->as.chart.color_count)
            fs_theme_color(b->theme, node->as.chart.colors[i % node->as.chart.color_count],
                           &item->color);
    }
}

fs_box *bind_chart(binder *b, const fs_node *node)
{
    const fs_chart_look *look = fs_theme_chart(b->theme);
    /* The node's styles, else the theme's chart look, else the defaults;
     * the theme reader checked its own. */
    const char *const *label_style = chart_label_style(b, node);
    const char *const *number_style = node->number_style   ? &node->number_style
                                      : look->number_style ? &look->number_style
                                                           : &default_number_style;
    if (bind_missing_style(b, node, label_style) || bind_missing_style(b, node, number_style))
        return NULL;
    fs_box *box;
    if (node->repeat) {
        fs_box *rows = bind_new_box(b, FS_BOX_STACK, node);
        if (!rows || !bind_repeat(b, rows, node, chart_item_box))
            return NULL;
        box = bind_new_box(b, FS_BOX_CHART, node);
        if (!box || !(box->as.chart.items = fs_arena_array(b->arena, rows->child_count + 1,
                                                           sizeof *box->as.chart.items)))
            return NULL;
        for (size_t i = 0; i < rows->child_count; i++)
            box->as.chart.items[box->as.chart.item_count++] = rows->children[i]->as.chart.items[0];
    } else {
        box = chart_item_box(b, node);
        if (!box)
            return NULL;
    }
    box->as.chart.kind = node->as.chart.kind;
    box->as.chart.height = node->height;
    box->as.chart.total = node->as.chart.total;
    box->as.chart.across = node->as.chart.across;
    box->as.chart.style = bind_resolve_style(b, *label_style, node);
    box->as.chart.number_style = bind_resolve_style(b, *number_style, NULL);
    if (look->value_style) {
        box->as.chart.value_style = bind_resolve_style(b, look->value_style, NULL);
    } else {
        /* The labels' style in bold, in the numbers' colour. */
        box->as.chart.value_style = box->as.chart.style;
        box->as.chart.value_style.weight = 700;
        box->as.chart.value_style.color = box->as.chart.number_style.color;
    }
    box->as.chart.value_style.align = FS_ALIGN_START;
    box->as.chart.thickness = look->thickness;
    chart_colors(b, node, box);
    if (node->as.chart.kind == FS_CHART_ICONS) {
        b->last_cell = fs_pos_at(NULL, 0, 0);
        const char *name = node->icon ? bind_fill_plain(b, node->icon, PLAIN_AS_IS) : "person";
        if (!name || !bind_find_icon(b, node, name, b->last_cell.file ? b->last_cell : node->pos,
                                     &box->as.chart.icon))
            return NULL;
    }
    box->as.chart.alt = chart_alt(b, node, box);
    return box->as.chart.alt ? box : NULL;
}
