#include "fs_layout.h"

#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "core/fs_buf.h"
#include "core/fs_suggest.h"
#include "load/fs_yaml.h"

#define COUNT(array) (sizeof(array) / sizeof((array)[0]))

enum { FS_LAYOUT_MAX_CHILDREN = 10000 };

/* Which node kinds a property belongs to, as a bit set over the names a
 * layout can write. */
enum {
    K_BOX = 1 << 0,
    K_BAND = 1 << 1,
    K_ROW = 1 << 2,
    K_COLUMN = 1 << 3,
    K_GRID = 1 << 4,
    K_TEXT = 1 << 5,
    K_HEADING = 1 << 6,
    K_STAT = 1 << 7,
    K_LIST = 1 << 8,
    K_SPACER = 1 << 9,
    K_RULE = 1 << 10,
    K_FLOW = 1 << 11,
    K_MARKDOWN = 1 << 12,
    K_QUOTE = 1 << 13,
    K_IMAGE = 1 << 14,
    K_BREAK = 1 << 15,
    K_CHART = 1 << 16,
    K_LOGO = 1 << 17,
    K_LOGOS = 1 << 18,
    K_ICON = 1 << 19,
    K_PICTURE = K_IMAGE | K_LOGO | K_LOGOS,
    K_FRAME = K_BOX | K_BAND,
    K_ANY = ~0 /* every kind, and those still to come */
};

typedef struct {
    const char *name;
    fs_node_kind kind;
    unsigned bit;
    const char *shorthand; /* the property a scalar or list value sets */
    const char *default_style;
} node_type;

static const node_type node_types[] = {
    {"box", FS_NODE_BOX, K_BOX, "content", NULL},
    {"band", FS_NODE_BOX, K_BAND, "content", NULL},
    {"row", FS_NODE_ROW, K_ROW, "content", NULL},
    {"column", FS_NODE_COLUMN, K_COLUMN, "content", NULL},
    {"grid", FS_NODE_GRID, K_GRID, "content", NULL},
    {"text", FS_NODE_TEXT, K_TEXT, "value", "body"},
    {"heading", FS_NODE_TEXT, K_HEADING, "value", "heading"},
    {"stat", FS_NODE_STAT, K_STAT, NULL, NULL},
    {"list", FS_NODE_LIST, K_LIST, "items", "body"},
    {"spacer", FS_NODE_SPACER, K_SPACER, "height", NULL},
    {"rule", FS_NODE_RULE, K_RULE, "color", NULL},
    {"flow", FS_NODE_FLOW, K_FLOW, "content", NULL},
    {"markdown", FS_NODE_MARKDOWN, K_MARKDOWN, "value", "body"},
    {"quote", FS_NODE_QUOTE, K_QUOTE, "value", "quote"},
    {"image", FS_NODE_IMAGE, K_IMAGE, "src", "caption"},
    {"break", FS_NODE_BREAK, K_BREAK, "break", NULL},
    {"chart", FS_NODE_CHART, K_CHART, NULL, NULL}, /* its theme's 'chart' styles */
    {"logo", FS_NODE_IMAGE, K_LOGO, "height", NULL},
    {"logos", FS_NODE_LOGOS, K_LOGOS, NULL, NULL},
    {"icon", FS_NODE_ICON, K_ICON, "icon", NULL},
};

typedef enum {
    P_COLOR,
    P_LENGTH,
    P_EDGES,
    P_BOOL,
    P_COUNT,
    P_LEVEL,
    P_TEMPLATE,
    P_TEMPLATES,
    P_STYLE,
    P_NAME,
    P_ALIGN,
    P_VALIGN,
    P_MARKER,
    P_WIDTH,
    P_NODES,
    P_ITEM,
    P_PLACEMENT,
    P_FIT,
    P_BREAK,
    P_CHART,
    P_TOTAL,
    P_WHERE,
    P_SPAN,
    P_COLORS,
    P_HERO_CELL,
    P_LAST_ROW,
    P_FOCUS
} prop_type;

typedef struct {
    const char *name;
    prop_type type;
    unsigned kinds;
    size_t offset;
} prop;

#define AT(field) offsetof(fs_node, field)

static const prop props[] = {
    {"content", P_NODES, K_FRAME | K_ROW | K_COLUMN | K_GRID | K_FLOW, AT(content)},
    {"fill", P_COLOR, K_FRAME | K_STAT, AT(fill)},
    {"color", P_COLOR, K_ANY & ~(K_SPACER | K_BREAK | K_PICTURE), AT(color)},
    {"border", P_COLOR, K_FRAME | K_STAT, AT(border)},
    {"border-width", P_LENGTH, K_FRAME | K_STAT, AT(border_width)},
    {"radius", P_LENGTH, K_FRAME | K_STAT, AT(radius)},
    {"padding", P_EDGES, K_FRAME | K_STAT, AT(padding)},
    {"bleed", P_BOOL, K_BAND | K_IMAGE, AT(bleed)},
    {"width", P_WIDTH, K_ANY & ~(K_SPACER | K_BREAK | K_MARKDOWN | K_FLOW), AT(width)},
    {"span", P_SPAN, K_ANY & ~(K_BREAK | K_FLOW | K_SPACER | K_MARKDOWN), AT(span)},
    {"valign", P_VALIGN, K_ROW | K_FRAME, AT(valign)},
    {"gap", P_LENGTH, K_FRAME | K_ROW | K_COLUMN | K_GRID | K_LIST | K_FLOW | K_LOGOS, AT(gap)},
    {"columns", P_COUNT, K_GRID | K_FLOW, AT(columns)},
    {"repeat", P_NAME, K_GRID | K_LIST | K_COLUMN | K_CHART | K_LOGOS, AT(repeat)},
    {"where", P_WHERE, K_GRID | K_LIST | K_COLUMN | K_CHART | K_LOGOS, AT(where)},
    {"type", P_CHART, K_CHART, AT(as.chart.kind)},
    {"target", P_TEMPLATE, K_CHART, AT(as.chart.target)},
    {"of", P_TOTAL, K_CHART, AT(as.chart.total)},
    {"across", P_BOOL, K_CHART, AT(as.chart.across)},
    {"title", P_TEMPLATE, K_CHART, AT(as.chart.title)},
    {"colors", P_COLORS, K_CHART, AT(as.chart.colors)},
    {"item", P_ITEM, K_GRID | K_LIST, AT(item)},
    {"value", P_TEMPLATE, K_TEXT | K_HEADING | K_STAT | K_MARKDOWN | K_QUOTE | K_CHART, AT(value)},
    {"file", P_TEMPLATE, K_MARKDOWN, AT(as.markdown.file)},
    {"by", P_TEMPLATE, K_QUOTE, AT(as.quote.by)},
    {"src", P_TEMPLATE, K_IMAGE | K_LOGOS, AT(as.image.src)},
    {"caption", P_TEMPLATE, K_IMAGE, AT(as.image.caption)},
    {"credit", P_TEMPLATE, K_IMAGE, AT(as.image.credit)},
    {"alt", P_TEMPLATE, K_PICTURE | K_CHART | K_ICON, AT(alt)},
    {"fit", P_FIT, K_IMAGE, AT(as.image.cover)},
    {"focus", P_FOCUS, K_IMAGE, AT(as.image.focus)},
    {"break", P_BREAK, K_BREAK, AT(as.brk.column)},
    {"items", P_TEMPLATES, K_LIST, AT(as.list.items)},
    {"style", P_STYLE, K_TEXT | K_HEADING | K_LIST | K_MARKDOWN | K_QUOTE | K_IMAGE | K_CHART,
     AT(style)},
    {"align", P_ALIGN, K_TEXT | K_HEADING | K_LIST | K_STAT | K_PICTURE | K_ICON, AT(align)},
    {"level", P_LEVEL, K_HEADING, AT(as.text.level)},
    {"marker", P_MARKER, K_LIST, AT(as.list.marker)},
    {"icon", P_TEMPLATE, K_STAT | K_CHART | K_ICON, AT(icon)},
    {"label", P_TEMPLATE, K_STAT | K_CHART, AT(label)},
    {"number-style", P_STYLE, K_STAT | K_CHART, AT(number_style)},
    {"compare", P_TEMPLATE, K_STAT, AT(as.stat.compare)},
    {"label-style", P_STYLE, K_STAT, AT(as.stat.label_style)},
    {"icon-position", P_PLACEMENT, K_STAT, AT(as.stat.icon_place)},
    {"hero", P_BOOL, K_STAT, AT(as.stat.hero)},
    {"hero-style", P_STYLE, K_STAT, AT(as.stat.hero_style)},
    {"hero", P_HERO_CELL, K_GRID, AT(as.grid.hero_first)},
    {"last-row", P_LAST_ROW, K_GRID, AT(as.grid.last_row)},
    {"height", P_LENGTH, K_SPACER | K_RULE | K_PICTURE | K_CHART | K_ICON, AT(height)},
    {"when", P_TEMPLATE, K_ANY, AT(when)},
    {"keep-with-next", P_BOOL, K_ANY & ~K_BREAK, AT(keep_with_next)},
};

typedef struct {
    fs_yaml yaml;
    fs_layout *layout;
    fs_arena *arena;
    fs_diags *diags;
} reader;

static fs_node *read_node(reader *r, yaml_node_t *node, int depth);

static const node_type *find_type(const char *name)
{
    for (size_t i = 0; i < COUNT(node_types); i++)
        if (strcmp(node_types[i].name, name) == 0)
            return &node_types[i];
    return NULL;
}

static void unknown_node(reader *r, yaml_node_t *key)
{
    const char *names[COUNT(node_types)];
    for (size_t i = 0; i < COUNT(node_types); i++)
        names[i] = node_types[i].name;
    fs_buf hint = {0};
    const char *best;
    const char *name = fs_yaml_scalar(key);
    if (name && fs_suggest(name, names, COUNT(names), &best, 1))
        fs_buf_printf(&hint, "did you mean '%s'? ", best);
    fs_buf_puts(&hint, "nodes: ");
    for (size_t i = 0; i < COUNT(names); i++)
        fs_buf_printf(&hint, "%s%s", i ? ", " : "", names[i]);
    fs_error(r->diags, fs_yaml_pos(&r->yaml, key), fs_buf_str(&hint), "unknown node '%s'",
             name ? name : "?");
    fs_buf_free(&hint);
}

static fs_template *read_template(reader *r, yaml_node_t *node, const char *what)
{
    const char *text;
    if (!fs_yaml_string(&r->yaml, node, what, r->arena, &text, r->diags))
        return NULL;
    fs_pos pos = fs_yaml_pos(&r->yaml, node);
    /* Quoted scalars start one column after their quote. */
    if (node->data.scalar.style == YAML_SINGLE_QUOTED_SCALAR_STYLE ||
        node->data.scalar.style == YAML_DOUBLE_QUOTED_SCALAR_STYLE)
        pos.column++;
    return fs_template_parse(text, pos, r->arena, r->diags);
}

static bool read_style_name(reader *r, yaml_node_t *node, const char **out)
{
    const char *name;
    if (!fs_yaml_string(&r->yaml, node, "style", r->arena, &name, r->diags))
        return false;
    if (fs_theme_style(r->layout->theme, name)) {
        *out = name;
        return true;
    }
    const char *const *names;
    size_t count = fs_theme_style_names(r->layout->theme, &names);
    fs_buf hint = {0};
    fs_suggest_hint(&hint, name, names, count, "styles of this theme: ");
    fs_error(r->diags, fs_yaml_pos(&r->yaml, node), fs_buf_str(&hint), "unknown style '%s'", name);
    fs_buf_free(&hint);
    return false;
}

static bool read_color(reader *r, yaml_node_t *node, const char *what, const char **out)
{
    const char *spec;
    if (!fs_yaml_string(&r->yaml, node, what, r->arena, &spec, r->diags))
        return false;
    fs_rgba color;
    if (fs_theme_color(r->layout->theme, spec, &color)) {
        *out = spec;
        return true;
    }
    const char *const *names;
    size_t count = fs_theme_color_names(r->layout->theme, &names);
    fs_buf hint = {0};
    fs_suggest_hint(&hint, spec, names, count, "use a colour of the theme (");
    fs_buf_puts(&hint, ") or a hex value such as \"#1d5c96\"");
    fs_error(r->diags, fs_yaml_pos(&r->yaml, node), fs_buf_str(&hint), "unknown colour '%s'", spec);
    fs_buf_free(&hint);
    return false;
}

/* padding: 4mm | [vertical, horizontal] | [top, right, bottom, left] */
static bool read_edges(reader *r, yaml_node_t *node, const char *what, fs_edges *out)
{
    double v[4];
    size_t count = 0;
    if (node->type == YAML_SCALAR_NODE) {
        if (!fs_yaml_length(&r->yaml, node, what, &v[0], r->diags))
            return false;
        *out = (fs_edges){v[0], v[0], v[0], v[0]};
        return true;
    }
    if (node->type == YAML_SEQUENCE_NODE) {
        for (yaml_node_item_t *item = node->data.sequence.items.start;
             item < node->data.sequence.items.top && count < 4; item++, count++)
            if (!fs_yaml_length(&r->yaml, fs_yaml_node(&r->yaml, *item), what, &v[count], r->diags))
                return false;
        size_t given = (size_t)(node->data.sequence.items.top - node->data.sequence.items.start);
        if (given == 2) {
            *out = (fs_edges){v[0], v[1], v[0], v[1]};
            return true;
        }
        if (given == 4) {
            *out = (fs_edges){v[0], v[1], v[2], v[3]};
            return true;
        }
    }
    fs_error(r->diags, fs_yaml_pos(&r->yaml, node),
             "write one length (4mm), two [vertical, horizontal] or four [top, right, bottom, "
             "left]",
             "'%s' must be one, two or four lengths", what);
    return false;
}

static bool read_width(reader *r, yaml_node_t *node, fs_node *out)
{
    const char *text = fs_yaml_scalar(node);
    size_t length = text ? strlen(text) : 0;
    if (length > 1 && text[length - 1] == '%') {
        double percent;
        char number[32];
        if (length < sizeof number) {
            memcpy(number, text, length - 1);
            number[length - 1] = '\0';
            if (fs_parse_length(number, &percent) && percent > 0 && percent <= 100) {
                out->width_kind = FS_WIDTH_PERCENT;
                out->width = percent;
                return true;
            }
        }
        fs_error(r->diags, fs_yaml_pos(&r->yaml, node), "write a share such as 40%",
                 "'width' must be between 0%% and 100%%, not '%s'", text);
        return false;
    }
    if (!fs_yaml_length(&r->yaml, node, "width", &out->width, r->diags))
        return false;
    out->width_kind = FS_WIDTH_FIXED;
    return true;
}

/* Reads a list of nodes, the cells of a grid when in_grid: 'span' says how
 * many columns a cell takes, and anywhere else it would be ignored, so
 * there it is an error. */
static bool read_nodes(reader *r, yaml_node_t *node, const char *what, int depth, bool in_grid,
                       fs_node ***out, size_t *count)
{
    if (node->type != YAML_SEQUENCE_NODE) {
        fs_error(r->diags, fs_yaml_pos(&r->yaml, node),
                 "write each node on a line of its own "
                 "starting with '- '",
                 "'%s' must be a list of nodes, not %s", what, fs_yaml_kind(node));
        return false;
    }
    size_t n = (size_t)(node->data.sequence.items.top - node->data.sequence.items.start);
    if (n > FS_LAYOUT_MAX_CHILDREN) {
        fs_error(r->diags, fs_yaml_pos(&r->yaml, node), NULL, "more than %d nodes in one list",
                 FS_LAYOUT_MAX_CHILDREN);
        return false;
    }
    fs_node **children = fs_arena_array(r->arena, n, sizeof *children);
    if (!children)
        return false;
    bool ok = true;
    for (size_t i = 0; i < n; i++) {
        children[i] =
            read_node(r, fs_yaml_node(&r->yaml, node->data.sequence.items.start[i]), depth + 1);
        if (children[i] && children[i]->span && !in_grid) {
            fs_error(r->diags, children[i]->pos,
                     "put the node in a grid's 'content' (or its 'item'), or remove 'span'",
                     "'span' is for the cells of a grid; this %s is not in one",
                     children[i]->kind_name);
            children[i] = NULL;
        }
        ok = ok && children[i];
    }
    *out = children;
    *count = n;
    return ok;
}

/* where: {case: "{id}"}: a mapping of the repeated table's columns to
 * templates filled around the repeat. */
static bool read_where(reader *r, yaml_node_t *node, fs_node *target)
{
    if (node->type != YAML_MAPPING_NODE) {
        fs_error(r->diags, fs_yaml_pos(&r->yaml, node),
                 "write where: {COLUMN: \"{outer_column}\"}, e.g. where: {case: \"{id}\"}",
                 "'where' must be a mapping of columns to values, not %s", fs_yaml_kind(node));
        return false;
    }
    size_t count = (size_t)(node->data.mapping.pairs.top - node->data.mapping.pairs.start);
    target->where = fs_arena_array(r->arena, count, sizeof *target->where);
    if (!target->where)
        return false;
    bool ok = true;
    for (yaml_node_pair_t *p = node->data.mapping.pairs.start; p < node->data.mapping.pairs.top;
         p++) {
        yaml_node_t *key = fs_yaml_node(&r->yaml, p->key);
        fs_where *where = &target->where[target->where_count];
        if (!fs_yaml_string(&r->yaml, key, "where", r->arena, &where->column, r->diags)) {
            ok = false;
            continue;
        }
        where->pos = fs_yaml_pos(&r->yaml, key);
        where->value = read_template(r, fs_yaml_node(&r->yaml, p->value), "where");
        if (where->value)
            target->where_count++;
        else
            ok = false;
    }
    return ok;
}

/* colors: [accent, primary, "#7A5C00"] or colors: palette (the theme's
 * chart palette): the colours a chart's rows take in turn. */
static bool read_colors(reader *r, yaml_node_t *node, fs_node *target)
{
    const char *word = fs_yaml_scalar(node);
    if (word && strcmp(word, "palette") == 0) {
        if (!fs_theme_chart(r->layout->theme)->palette_count) {
            fs_error(r->diags, fs_yaml_pos(&r->yaml, node),
                     "add 'chart: {palette: [accent, primary]}' to the theme, or list the colours "
                     "here",
                     "'colors: palette' takes the theme's chart palette, and the theme has none");
            return false;
        }
        target->as.chart.palette = true;
        return true;
    }
    size_t count = node->type == YAML_SEQUENCE_NODE
                       ? (size_t)(node->data.sequence.items.top - node->data.sequence.items.start)
                       : 0;
    if (count == 0) {
        fs_error(r->diags, fs_yaml_pos(&r->yaml, node),
                 "write colors: [accent, primary], or colors: palette for the theme's",
                 "'colors' must be a list of colours or the word palette");
        return false;
    }
    target->as.chart.colors = fs_arena_array(r->arena, count, sizeof(char *));
    if (!target->as.chart.colors)
        return false;
    bool ok = true;
    for (size_t i = 0; i < count; i++)
        ok = read_color(r, fs_yaml_node(&r->yaml, node->data.sequence.items.start[i]), "colors",
                        &target->as.chart.colors[i]) &&
             ok;
    target->as.chart.color_count = count;
    return ok;
}

/* focus: [40%, 25%]: the point of a picture that 'fit: cover' keeps in
 * view, as shares of its width and height from its top left corner. */
static bool read_focus(reader *r, yaml_node_t *node, double *out)
{
    size_t given = node->type == YAML_SEQUENCE_NODE
                       ? (size_t)(node->data.sequence.items.top - node->data.sequence.items.start)
                       : 0;
    for (size_t i = 0; given == 2 && i < 2; i++) {
        yaml_node_t *side = fs_yaml_node(&r->yaml, node->data.sequence.items.start[i]);
        const char *text = fs_yaml_scalar(side);
        size_t length = text ? strlen(text) : 0;
        char number[32];
        double share;
        if (length < 2 || length >= sizeof number || text[length - 1] != '%')
            break;
        memcpy(number, text, length - 1);
        number[length - 1] = '\0';
        if (!fs_parse_length(number, &share) || share < 0 || share > 100) {
            fs_error(r->diags, fs_yaml_pos(&r->yaml, side),
                     "write a share from 0% (the left or top edge) to 100%",
                     "'focus' takes shares from 0%% to 100%%, not '%s'", text);
            return false;
        }
        out[i] = share / 100;
        out[2] = 1; /* given */
        if (i == 1)
            return true;
    }
    fs_error(r->diags, fs_yaml_pos(&r->yaml, node),
             "write focus: [across, down] as shares of the picture, such as focus: [50%, 30%]",
             "'focus' must be two shares, across and down");
    return false;
}

static bool read_prop(reader *r, fs_node *target, const prop *p, yaml_node_t *value, int depth)
{
    void *field = (char *)target + p->offset;
    static const char *const aligns[] = {"left", "center", "right", "justify", NULL};
    static const char *const valigns[] = {"top", "center", "bottom", NULL};
    static const char *const markers[] = {"bullet", "number", "none", NULL};
    static const char *const placements[] = {"left", "top", "corner", "none", NULL};
    static const char *const hero_cells[] = {"none", "first", NULL};
    static const char *const last_rows[] = {"center", "stretch", "start", NULL};
    static const char *const fits[] = {"contain", "cover", NULL};
    static const char *const breaks[] = {"page", "column", NULL};
    static const char *const charts[] = {"bar",      "column",   "donut", "icons",
                                         "progress", "timeline", NULL};
    int choice;
    long number;
    switch (p->type) {
    case P_COLOR:
        return read_color(r, value, p->name, field);
    case P_LENGTH:
        return fs_yaml_length(&r->yaml, value, p->name, field, r->diags);
    case P_EDGES:
        return read_edges(r, value, p->name, field);
    case P_BOOL:
        return fs_yaml_bool(&r->yaml, value, p->name, field, r->diags);
    case P_CHART:
        if (!fs_yaml_choice(&r->yaml, value, p->name, charts, &choice, r->diags))
            return false;
        *(fs_chart_kind *)field = (fs_chart_kind)choice;
        target->as.chart.has_kind = true;
        return true;
    case P_TOTAL:
        if (!fs_yaml_int(&r->yaml, value, p->name, 1, 100, &number, r->diags))
            return false;
        *(long *)field = number;
        return true;
    case P_COUNT:
    case P_SPAN:
    case P_LEVEL:
        if (!fs_yaml_int(&r->yaml, value, p->name, 1, p->type == P_LEVEL ? 3 : 12, &number,
                         r->diags))
            return false;
        *(long *)field = number;
        return true;
    case P_TEMPLATE:
        return (*(fs_template **)field = read_template(r, value, p->name)) != NULL;
    case P_STYLE:
        return read_style_name(r, value, field);
    case P_NAME:
        return fs_yaml_string(&r->yaml, value, p->name, r->arena, field, r->diags);
    case P_ALIGN:
    case P_VALIGN:
    case P_MARKER:
    case P_PLACEMENT:
    case P_FIT:
    case P_BREAK:
    case P_HERO_CELL:
    case P_LAST_ROW: {
        const char *const *words = p->type == P_ALIGN       ? aligns
                                   : p->type == P_VALIGN    ? valigns
                                   : p->type == P_MARKER    ? markers
                                   : p->type == P_PLACEMENT ? placements
                                   : p->type == P_FIT       ? fits
                                   : p->type == P_HERO_CELL ? hero_cells
                                   : p->type == P_LAST_ROW  ? last_rows
                                                            : breaks;
        if (!fs_yaml_choice(&r->yaml, value, p->name, words, &choice, r->diags))
            return false;
        if (p->type == P_FIT || p->type == P_BREAK || p->type == P_HERO_CELL)
            *(bool *)field = choice == 1;
        else if (p->type == P_PLACEMENT)
            *(fs_icon_place *)field = (fs_icon_place)choice;
        else if (p->type == P_LAST_ROW)
            *(fs_last_row *)field = (fs_last_row)choice;
        else if (p->type == P_MARKER)
            *(fs_marker *)field = (fs_marker)choice;
        else
            *(fs_align *)field = (fs_align)choice;
        return true;
    }
    case P_WIDTH:
        return read_width(r, value, target);
    case P_NODES:
        return read_nodes(r, value, p->name, depth, target->kind == FS_NODE_GRID, &target->content,
                          &target->content_count);
    case P_TEMPLATES: {
        size_t count;
        if (value->type != YAML_SEQUENCE_NODE) {
            fs_error(r->diags, fs_yaml_pos(&r->yaml, value),
                     "write each item on a line "
                     "starting with '- '",
                     "'items' must be a list, not %s", fs_yaml_kind(value));
            return false;
        }
        count = (size_t)(value->data.sequence.items.top - value->data.sequence.items.start);
        target->as.list.items = fs_arena_array(r->arena, count, sizeof(fs_template *));
        if (!target->as.list.items)
            return false;
        bool ok = true;
        for (size_t i = 0; i < count; i++) {
            yaml_node_t *item = fs_yaml_node(&r->yaml, value->data.sequence.items.start[i]);
            target->as.list.items[i] = read_template(r, item, "items");
            ok = ok && target->as.list.items[i];
        }
        target->as.list.item_count = count;
        return ok;
    }
    case P_WHERE:
        return read_where(r, value, target);
    case P_FOCUS:
        return read_focus(r, value, field);
    case P_COLORS:
        return read_colors(r, value, target);
    case P_ITEM:
        if (target->kind == FS_NODE_LIST)
            return (target->value = read_template(r, value, "item")) != NULL;
        return (target->item = read_node(r, value, depth + 1)) != NULL;
    }
    return false;
}

static void unknown_prop(reader *r, yaml_node_t *key, const node_type *type)
{
    const char *allowed[COUNT(props)];
    size_t count = 0;
    for (size_t i = 0; i < COUNT(props); i++)
        if (props[i].kinds & type->bit)
            allowed[count++] = props[i].name;
    char where[64];
    snprintf(where, sizeof where, "%s %s", strchr("aeiou", type->name[0]) ? "an" : "a", type->name);
    fs_yaml_unknown_key(&r->yaml, key, where, allowed, count, r->diags);
}

static const prop *find_prop(const char *name, unsigned bit)
{
    for (size_t i = 0; i < COUNT(props); i++)
        if ((props[i].kinds & bit) && strcmp(props[i].name, name) == 0)
            return &props[i];
    return NULL;
}

static bool check_node(reader *r, fs_node *node, const node_type *type)
{
    fs_diags *d = r->diags;
    if ((node->kind == FS_NODE_GRID && node->repeat && node->content) ||
        (node->kind == FS_NODE_LIST && node->repeat && node->as.list.items)) {
        fs_error(d, node->pos, "keep 'repeat' and 'item', or the written-out cells, not both",
                 "a %s takes either 'repeat' with 'item' or '%s'", type->name,
                 node->kind == FS_NODE_GRID ? "content" : "items");
        return false;
    }
    if (node->kind == FS_NODE_GRID && node->repeat && !node->item) {
        fs_error(d, node->pos, "add 'item:' with the node drawn for each row",
                 "a grid that repeats over '%s' needs an 'item'", node->repeat);
        return false;
    }
    if (node->kind == FS_NODE_GRID && !node->repeat && node->item) {
        fs_error(d, node->pos, "add 'repeat: TABLE' naming a table of the data folder",
                 "a grid with an 'item' needs 'repeat'");
        return false;
    }
    if (node->kind == FS_NODE_GRID && node->as.grid.hero_first) {
        const fs_node *first = node->item            ? node->item
                               : node->content_count ? node->content[0]
                                                     : NULL;
        if (!first || first->kind != FS_NODE_STAT) {
            fs_error(d, first ? first->pos : node->pos,
                     "make the grid's first cell a stat, or remove 'hero: first'",
                     "'hero: first' makes the first cell a hero figure, but it is %s",
                     first ? first->kind_name : "missing");
            return false;
        }
    }
    if (node->kind == FS_NODE_GRID) {
        fs_node *const *list = node->item ? &node->item : node->content;
        size_t count = node->item ? 1 : node->content_count;
        for (size_t i = 0; i < count; i++) {
            if (list[i]->span <= node->columns)
                continue;
            fs_error(d, list[i]->pos, "give 'span' at most the grid's 'columns', or add columns",
                     "this cell spans %ld columns, but its grid has %ld", list[i]->span,
                     node->columns);
            return false;
        }
    }
    if (node->kind == FS_NODE_LIST && node->repeat && !node->value) {
        fs_error(d, node->pos, "add 'item: \"{column}\"'",
                 "a list that repeats over '%s' "
                 "needs an 'item'",
                 node->repeat);
        return false;
    }
    if (node->kind == FS_NODE_LIST && !node->repeat && !node->as.list.items) {
        fs_error(d, node->pos, "add 'items:' with one line per item, or 'repeat:' and 'item:'",
                 "a list needs items");
        return false;
    }
    if (node->where_count && !node->repeat) {
        fs_error(d, node->pos, "add 'repeat: TABLE', the table whose rows 'where' picks",
                 "'where' needs 'repeat'");
        return false;
    }
    if (node->kind == FS_NODE_MARKDOWN && !node->value == !node->as.markdown.file) {
        fs_error(d, node->pos,
                 "write markdown: \"{column}\" for a cell, or markdown: {file: NAME.md} for a "
                 "file of the data folder",
                 node->value ? "a markdown node takes 'value' or 'file', not both"
                             : "a markdown node needs 'value' or 'file'");
        return false;
    }
    if (node->kind == FS_NODE_CHART && (!node->as.chart.has_kind || !node->value)) {
        fs_error(d, node->pos,
                 "write chart: {type: donut, value: \"{brief.share}\", label: \"...\"}; types: "
                 "bar, column, donut, icons, progress, timeline",
                 "a chart needs %s", node->as.chart.has_kind ? "a 'value'" : "a 'type'");
        return false;
    }
    if (node->kind == FS_NODE_CHART && node->as.chart.kind == FS_CHART_PROGRESS &&
        !node->as.chart.target) {
        fs_error(d, node->pos, "add 'target: \"{column}\"', the value the bar is measured against",
                 "a progress chart needs a 'target'");
        return false;
    }
    if (node->kind == FS_NODE_CHART && !node->repeat &&
        (node->as.chart.kind == FS_CHART_BAR || node->as.chart.kind == FS_CHART_COLUMN ||
         node->as.chart.kind == FS_CHART_TIMELINE)) {
        fs_error(d, node->pos, "add 'repeat: TABLE': one bar or event per row",
                 "a %s chart needs 'repeat'",
                 node->as.chart.kind == FS_CHART_TIMELINE ? "timeline"
                 : node->as.chart.kind == FS_CHART_BAR    ? "bar"
                                                          : "column");
        return false;
    }
    if (node->kind == FS_NODE_IMAGE && node->as.image.logo &&
        !fs_theme_logo(r->layout->theme, NULL)) {
        fs_error(d, node->pos, "add 'logo: logo.svg' (a file beside theme.yaml) to the theme",
                 "a logo node draws the theme's 'logo', and the theme has none");
        return false;
    }
    if (node->kind == FS_NODE_ICON && (!node->icon || node->height <= 0)) {
        fs_error(d, node->pos,
                 node->icon ? "give 'height' a length such as 6mm"
                            : "write icon: {icon: \"{icon}\", height: 6mm}: a Material Icons name "
                              "(factsheet icons WORD lists them) or a file of the theme's "
                              "icon-folder",
                 node->icon ? "an icon needs a height above zero" : "an icon node needs 'icon'");
        return false;
    }
    if ((type->bit & (K_PICTURE | K_ICON)) && node->align == FS_ALIGN_JUSTIFY) {
        fs_error(d, node->pos, "write align: left, center or right",
                 "%s is aligned left, center or right, not justified",
                 type->bit == K_ICON ? "an icon" : "a picture");
        return false;
    }
    if ((type->bit & K_PICTURE) && node->height <= 0 && type->bit != K_IMAGE) {
        fs_error(d, node->pos, "give 'height' a length such as 10mm",
                 "a %s needs a height above zero", type->bit == K_LOGO ? "logo" : "logos strip");
        return false;
    }
    if (node->kind == FS_NODE_IMAGE && node->as.image.focus[2] && !node->as.image.cover) {
        fs_error(d, node->pos, "add 'fit: cover', or remove 'focus'",
                 "'focus' says what a picture cropped by 'fit: cover' keeps in view, and this one "
                 "is shown whole");
        return false;
    }
    if (node->kind == FS_NODE_LOGOS && (!node->repeat || !node->as.image.src)) {
        fs_error(d, node->pos,
                 "write logos: {repeat: partners, src: \"{logo}\", alt: \"{name}\"}: one "
                 "picture per row of the table",
                 "a logos strip needs %s", node->repeat ? "'src'" : "'repeat'");
        return false;
    }
    if (node->kind == FS_NODE_IMAGE && !node->as.image.logo && !node->as.image.src) {
        fs_error(d, node->pos, "add 'src: images/NAME.png' (a path in the data folder)",
                 "an image needs 'src'");
        return false;
    }
    if ((node->kind == FS_NODE_TEXT || node->kind == FS_NODE_QUOTE) && !node->value) {
        fs_error(d, node->pos, "add 'value: \"...\"'", "a %s needs a 'value'", type->name);
        return false;
    }
    if (node->kind == FS_NODE_STAT && (!node->value || !node->label)) {
        fs_error(d, node->pos, "a stat needs 'value' (the number) and 'label'", "a stat needs a %s",
                 node->value ? "'label'" : "'value'");
        return false;
    }
    return true;
}

/* A node is a one-key mapping `kind: properties`; a scalar or list value is
 * the shorthand for the kind's main property (`heading: "Key figures"`). An
 * empty value (`- rule:`) is a node without properties, as `rule: {}`. */
static fs_node *read_node(reader *r, yaml_node_t *node, int depth)
{
    if (node->type != YAML_MAPPING_NODE ||
        node->data.mapping.pairs.top - node->data.mapping.pairs.start != 1) {
        fs_error(r->diags, fs_yaml_pos(&r->yaml, node),
                 "write a node as 'kind: properties', e.g. 'heading: Key figures'",
                 "expected one node (a mapping with one key), found %s",
                 node->type == YAML_MAPPING_NODE ? "a mapping with several keys"
                                                 : fs_yaml_kind(node));
        return NULL;
    }
    yaml_node_pair_t *pair = node->data.mapping.pairs.start;
    yaml_node_t *key = fs_yaml_node(&r->yaml, pair->key);
    yaml_node_t *value = fs_yaml_node(&r->yaml, pair->value);
    const char *name = fs_yaml_scalar(key);
    const node_type *type = name ? find_type(name) : NULL;
    if (!type) {
        unknown_node(r, key);
        return NULL;
    }
    fs_node *out = fs_arena_alloc(r->arena, sizeof *out);
    if (!out)
        return NULL;
    out->kind = type->kind;
    out->kind_name = type->name;
    out->pos = fs_yaml_pos(&r->yaml, key);
    out->style = type->default_style;
    out->bleed = type->bit == K_BAND;
    out->gap = -1;
    out->valign = FS_ALIGN_START;
    out->height = type->kind == FS_NODE_RULE ? 0.75 : 0;
    out->columns = type->kind == FS_NODE_FLOW ? 1 : 2;
    if (type->kind == FS_NODE_STAT)
        out->number_style = "stat-number";
    if (type->kind == FS_NODE_STAT)
        out->as.stat.label_style = "stat-label";
    if (type->kind == FS_NODE_TEXT)
        out->as.text.level = 2;
    if (type->kind == FS_NODE_CHART)
        out->as.chart.total = 10;
    if (type->kind == FS_NODE_ICON)
        out->height = 6 * 72 / 25.4;
    if (type->bit & K_PICTURE) {
        /* Pictures stand centred, a logo at the start of its line. */
        out->align = type->bit == K_LOGO ? FS_ALIGN_START : FS_ALIGN_CENTER;
        out->as.image.focus[0] = out->as.image.focus[1] = 0.5;
        out->as.image.logo = type->bit == K_LOGO;
        out->height = type->bit == K_LOGO    ? 10 * 72 / 25.4
                      : type->bit == K_LOGOS ? 12 * 72 / 25.4
                                             : 0;
    }
    bool ok = true;
    bool empty = value->type == YAML_SCALAR_NODE && !*fs_yaml_scalar(value) &&
                 value->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
    if (value->type == YAML_MAPPING_NODE) {
        for (yaml_node_pair_t *p = value->data.mapping.pairs.start;
             p < value->data.mapping.pairs.top; p++) {
            yaml_node_t *k = fs_yaml_node(&r->yaml, p->key);
            const char *prop_name = fs_yaml_scalar(k);
            const prop *found = prop_name ? find_prop(prop_name, type->bit) : NULL;
            if (!found) {
                unknown_prop(r, k, type);
                ok = false;
                continue;
            }
            ok = read_prop(r, out, found, fs_yaml_node(&r->yaml, p->value), depth) && ok;
        }
    } else if (type->shorthand && !empty &&
               !(value->type == YAML_SCALAR_NODE && strcmp(type->shorthand, "content") == 0)) {
        ok = read_prop(r, out, find_prop(type->shorthand, type->bit), value, depth);
    } else if (!(value->type == YAML_SCALAR_NODE && !*fs_yaml_scalar(value))) {
        fs_error(r->diags, fs_yaml_pos(&r->yaml, value), "see layouts/README.md for its keys",
                 "'%s' takes a mapping of properties, not %s", type->name, fs_yaml_kind(value));
        ok = false;
    }
    if (ok && type->kind == FS_NODE_STAT)
        out->as.stat.number = out->value;
    return ok && check_node(r, out, type) ? out : NULL;
}

static fs_node *read_column(reader *r, yaml_node_t *value, const char *what)
{
    fs_node *column = fs_arena_alloc(r->arena, sizeof *column);
    if (!column)
        return NULL;
    column->kind = FS_NODE_COLUMN;
    column->kind_name = "column";
    column->pos = fs_yaml_pos(&r->yaml, value);
    column->gap = -1;
    if (!read_nodes(r, value, what, 1, false, &column->content, &column->content_count))
        return NULL;
    return column;
}

/* size: [width, height]: a page of its own size (a card, a picture for a
 * web page), at least 1 cm on a side. */
static bool read_page_size(reader *r, yaml_node_t *node, fs_page_spec *page)
{
    double sides[2];
    size_t given = (size_t)(node->data.sequence.items.top - node->data.sequence.items.start);
    if (given != 2) {
        fs_error(r->diags, fs_yaml_pos(&r->yaml, node),
                 "write size: A4, Letter or A5, or size: [width, height] such as [120mm, 80mm]",
                 "a page's size must be a name or two lengths, not %zu", given);
        return false;
    }
    for (size_t i = 0; i < 2; i++) {
        yaml_node_t *side = fs_yaml_node(&r->yaml, node->data.sequence.items.start[i]);
        if (!fs_yaml_length(&r->yaml, side, "size", &sides[i], r->diags))
            return false;
        if (sides[i] < 72 / 2.54) {
            fs_error(r->diags, fs_yaml_pos(&r->yaml, side), "give each side at least 1cm",
                     "a page %.1f mm %s is too small to draw on", sides[i] * 25.4 / 72,
                     i ? "tall" : "wide");
            return false;
        }
    }
    page->width = sides[0];
    page->height = sides[1];
    return true;
}

static bool read_page(reader *r, yaml_node_t *node)
{
    static const char *const keys[] = {"size", "margin", "gap", "pages"};
    static const char *const sizes[] = {"A4", "Letter", "A5", NULL};
    static const double dims[][2] = {{595.276, 841.890}, {612, 792}, {419.528, 595.276}};
    fs_page_spec *page = &r->layout->page;
    if (node->type != YAML_MAPPING_NODE) {
        fs_error(r->diags, fs_yaml_pos(&r->yaml, node), "write page: {size: A4, margin: 14mm}",
                 "'page' must be a mapping, not %s", fs_yaml_kind(node));
        return false;
    }
    bool ok = true;
    for (yaml_node_pair_t *p = node->data.mapping.pairs.start; p < node->data.mapping.pairs.top;
         p++) {
        yaml_node_t *key = fs_yaml_node(&r->yaml, p->key);
        yaml_node_t *value = fs_yaml_node(&r->yaml, p->value);
        const char *name = fs_yaml_scalar(key);
        int size;
        if (name && strcmp(name, "size") == 0 && value->type == YAML_SEQUENCE_NODE) {
            ok = read_page_size(r, value, page) && ok;
        } else if (name && strcmp(name, "size") == 0) {
            if (fs_yaml_choice(&r->yaml, value, "size", sizes, &size, r->diags)) {
                page->width = dims[size][0];
                page->height = dims[size][1];
            } else {
                ok = false;
            }
        } else if (name && strcmp(name, "margin") == 0) {
            ok = read_edges(r, value, "margin", &page->margin) && ok;
        } else if (name && strcmp(name, "gap") == 0) {
            ok = fs_yaml_length(&r->yaml, value, "gap", &page->gap, r->diags) && ok;
        } else if (name && strcmp(name, "pages") == 0) {
            ok = fs_yaml_int(&r->yaml, value, "pages", 1, 1000, &page->max_pages, r->diags) && ok;
        } else {
            fs_yaml_unknown_key(&r->yaml, key, "page", keys, COUNT(keys), r->diags);
            ok = false;
        }
    }
    return ok;
}

static bool read_metadata(reader *r, yaml_node_t *node)
{
    static const char *const keys[] = {"title", "subject", "author", "keywords"};
    if (node->type != YAML_MAPPING_NODE) {
        fs_error(r->diags, fs_yaml_pos(&r->yaml, node), "write metadata: {title: \"...\"}",
                 "'metadata' must be a mapping, not %s", fs_yaml_kind(node));
        return false;
    }
    fs_template **fields[] = {&r->layout->title, &r->layout->subject, &r->layout->author,
                              &r->layout->keywords};
    bool ok = true;
    for (yaml_node_pair_t *p = node->data.mapping.pairs.start; p < node->data.mapping.pairs.top;
         p++) {
        yaml_node_t *key = fs_yaml_node(&r->yaml, p->key);
        long k = fs_yaml_key_index(&r->yaml, key, "metadata", keys, COUNT(keys), r->diags);
        if (k < 0) {
            ok = false;
            continue;
        }
        *fields[k] = read_template(r, fs_yaml_node(&r->yaml, p->value), keys[k]);
        ok = *fields[k] && ok;
    }
    return ok;
}

static void each_text(const fs_node *node, void (*visit)(void *, const fs_template *),
                      void *context)
{
    if (!node)
        return;
    /* A stat's value is its number, and a list's item template is in value.
     * Markdown is translated block by block when it is bound. */
    if (node->kind != FS_NODE_STAT && node->kind != FS_NODE_MARKDOWN && node->value)
        visit(context, node->value);
    const fs_template *others[] = {
        node->label,
        node->kind == FS_NODE_QUOTE ? node->as.quote.by : NULL,
        node->kind == FS_NODE_IMAGE ? node->as.image.caption : NULL,
        node->kind == FS_NODE_IMAGE ? node->as.image.credit : NULL,
        node->alt,
        node->kind == FS_NODE_STAT ? node->as.stat.compare : NULL,
        node->kind == FS_NODE_CHART ? node->as.chart.title : NULL,
    };
    for (size_t i = 0; i < COUNT(others); i++)
        if (others[i])
            visit(context, others[i]);
    for (size_t i = 0; node->kind == FS_NODE_LIST && i < node->as.list.item_count; i++)
        visit(context, node->as.list.items[i]);
    for (size_t i = 0; i < node->content_count; i++)
        each_text(node->content[i], visit, context);
    each_text(node->item, visit, context);
}

void fs_layout_each_text(const fs_layout *layout,
                         void (*visit)(void *context, const fs_template *text), void *context)
{
    const fs_node *parts[] = {layout->body,         layout->header,       layout->footer,
                              layout->first_header, layout->first_footer, layout->back_page};
    for (size_t i = 0; i < COUNT(parts); i++)
        each_text(parts[i], visit, context);
    const fs_template *metadata[] = {layout->title, layout->subject, layout->author,
                                     layout->keywords, layout->missing};
    for (size_t i = 0; i < sizeof metadata / sizeof metadata[0]; i++)
        if (metadata[i])
            visit(context, metadata[i]);
}

static char *dirname_of(fs_arena *arena, const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? fs_arena_strndup(arena, path, (size_t)(slash - path))
                 : fs_arena_strdup(arena, ".");
}

/* The pair of root whose key is name, or NULL. */
static yaml_node_pair_t *find_pair(reader *r, yaml_node_t *root, const char *name)
{
    for (yaml_node_pair_t *p = root->data.mapping.pairs.start; p < root->data.mapping.pairs.top;
         p++) {
        const char *key = fs_yaml_scalar(fs_yaml_node(&r->yaml, p->key));
        if (key && strcmp(key, name) == 0)
            return p;
    }
    return NULL;
}

static yaml_node_t *find_key(reader *r, yaml_node_t *root, const char *name)
{
    yaml_node_pair_t *pair = find_pair(r, root, name);
    return pair ? fs_yaml_node(&r->yaml, pair->value) : NULL;
}

/* first-page: {header: [...], footer: [...]}: the first page's own header
 * and footer (an empty list for none), as a title page needs. */
static bool read_first_page(reader *r, yaml_node_t *node)
{
    static const char *const keys[] = {"header", "footer"};
    if (node->type != YAML_MAPPING_NODE) {
        fs_error(r->diags, fs_yaml_pos(&r->yaml, node), "write first-page: {header: []}",
                 "'first-page' must be a mapping, not %s", fs_yaml_kind(node));
        return false;
    }
    bool ok = true;
    for (yaml_node_pair_t *p = node->data.mapping.pairs.start; p < node->data.mapping.pairs.top;
         p++) {
        long k = fs_yaml_key_index(&r->yaml, fs_yaml_node(&r->yaml, p->key), "first-page", keys,
                                   COUNT(keys), r->diags);
        if (k < 0) {
            ok = false;
            continue;
        }
        fs_node *column = read_column(r, fs_yaml_node(&r->yaml, p->value), keys[k]);
        ok = column && ok;
        if (k == 0)
            r->layout->first_header = column;
        else
            r->layout->first_footer = column;
    }
    return ok;
}

/* One declared column: a type word (code: text), or {type: ..., translate:
 * false}. */
static bool read_column_decl(reader *r, yaml_node_t *key, yaml_node_t *value, fs_column_decl *d)
{
    static const char *const types[] = {"text", "integer", "decimal", "percent",
                                        "year", "date",    "code",    NULL};
    static const char *const keys[] = {"type", "translate"};
    *d = (fs_column_decl){.pos = fs_yaml_pos(&r->yaml, key)};
    if (!fs_yaml_string(&r->yaml, key, "a column's name", r->arena, &d->name, r->diags))
        return false;
    yaml_node_t *type = value;
    bool ok = true;
    if (value->type == YAML_MAPPING_NODE) {
        type = NULL;
        for (yaml_node_pair_t *p = value->data.mapping.pairs.start;
             p < value->data.mapping.pairs.top; p++) {
            long k = fs_yaml_key_index(&r->yaml, fs_yaml_node(&r->yaml, p->key), "a column", keys,
                                       COUNT(keys), r->diags);
            yaml_node_t *v = fs_yaml_node(&r->yaml, p->value);
            if (k == 0) {
                type = v;
            } else if (k == 1) {
                bool translate = true;
                ok = fs_yaml_bool(&r->yaml, v, "translate", &translate, r->diags) && ok;
                d->no_translation = !translate;
            } else {
                ok = false;
            }
        }
    } else if (value->type != YAML_SCALAR_NODE) {
        fs_error(r->diags, fs_yaml_pos(&r->yaml, value),
                 "write a type (value: integer) or {type: integer, translate: false}",
                 "a column's declaration must be a type or a mapping, not %s", fs_yaml_kind(value));
        return false;
    }
    if (type) {
        int choice = 0;
        if (!fs_yaml_choice(&r->yaml, type, "type", types, &choice, r->diags))
            return false;
        d->has_type = true;
        d->type_pos = fs_yaml_pos(&r->yaml, type);
        fs_col_type_from_name(types[choice], &d->type);
    }
    return ok;
}

/* tables: {stats: {value: integer, code: text, name: {translate: false}}}:
 * the types of the data's columns, overriding inference, and the columns
 * whose texts are never translated. */
static bool read_tables(reader *r, yaml_node_t *node)
{
    if (node->type != YAML_MAPPING_NODE) {
        fs_error(r->diags, fs_yaml_pos(&r->yaml, node),
                 "write tables: {stats: {value: integer, code: text}}",
                 "'tables' must be a mapping of table names, not %s", fs_yaml_kind(node));
        return false;
    }
    size_t count = (size_t)(node->data.mapping.pairs.top - node->data.mapping.pairs.start);
    fs_table_decl *decls = fs_arena_array(r->arena, count + 1, sizeof *decls);
    if (!decls)
        return false;
    bool ok = true;
    for (yaml_node_pair_t *p = node->data.mapping.pairs.start; p < node->data.mapping.pairs.top;
         p++) {
        yaml_node_t *key = fs_yaml_node(&r->yaml, p->key);
        yaml_node_t *value = fs_yaml_node(&r->yaml, p->value);
        fs_table_decl *decl = &decls[r->layout->table_count];
        *decl = (fs_table_decl){.pos = fs_yaml_pos(&r->yaml, key)};
        if (!fs_yaml_string(&r->yaml, key, "a table's name", r->arena, &decl->table, r->diags)) {
            ok = false;
            continue;
        }
        if (value->type != YAML_MAPPING_NODE) {
            fs_error(r->diags, fs_yaml_pos(&r->yaml, value),
                     "write the table's columns: stats: {value: integer}",
                     "table '%s' must be a mapping of its columns, not %s", decl->table,
                     fs_yaml_kind(value));
            ok = false;
            continue;
        }
        size_t columns = (size_t)(value->data.mapping.pairs.top - value->data.mapping.pairs.start);
        fs_column_decl *list = fs_arena_array(r->arena, columns + 1, sizeof *list);
        if (!list)
            return false;
        for (yaml_node_pair_t *c = value->data.mapping.pairs.start;
             c < value->data.mapping.pairs.top; c++)
            ok = read_column_decl(r, fs_yaml_node(&r->yaml, c->key),
                                  fs_yaml_node(&r->yaml, c->value), &list[decl->count++]) &&
                 ok;
        decl->columns = list;
        r->layout->table_count++;
    }
    r->layout->tables = decls;
    return ok;
}

static bool read_root(reader *r)
{
    static const char *const keys[] = {"page",   "theme",      "metadata",  "body",   "header",
                                       "footer", "first-page", "back-page", "tables", "missing"};
    yaml_node_t *root = fs_yaml_root(&r->yaml);
    if (root->type != YAML_MAPPING_NODE) {
        fs_error(r->diags, fs_yaml_pos(&r->yaml, root), "start from layouts/brief/layout.yaml",
                 "a layout must be a mapping with 'page', 'theme' and 'body', not %s",
                 fs_yaml_kind(root));
        return false;
    }
    bool ok = true;
    for (yaml_node_pair_t *p = root->data.mapping.pairs.start; p < root->data.mapping.pairs.top;
         p++) {
        yaml_node_t *key = fs_yaml_node(&r->yaml, p->key);
        if (fs_yaml_key_index(&r->yaml, key, "a layout", keys, COUNT(keys), r->diags) < 0)
            ok = false;
    }
    /* The theme first: colours and styles of the nodes are checked against it. */
    yaml_node_t *theme = find_key(r, root, "theme");
    const char *theme_file = "theme.yaml";
    if (theme && !fs_yaml_string(&r->yaml, theme, "theme", r->arena, &theme_file, r->diags))
        return false;
    const char *theme_path = theme_file[0] == '/'
                                 ? theme_file
                                 : fs_arena_printf(r->arena, "%s/%s", r->layout->dir, theme_file);
    r->layout->theme = theme_path ? fs_theme_load(theme_path, r->arena, r->diags) : NULL;
    if (!r->layout->theme)
        return false;
    r->layout->page = (fs_page_spec){595.276, 841.890, {40, 40, 40, 40}, -1, 0, {0}};
    yaml_node_pair_t *page = find_pair(r, root, "page");
    if (page) {
        r->layout->page.pos = fs_yaml_pos(&r->yaml, fs_yaml_node(&r->yaml, page->key));
        ok = read_page(r, fs_yaml_node(&r->yaml, page->value)) && ok;
    }
    yaml_node_t *metadata = find_key(r, root, "metadata");
    if (metadata)
        ok = read_metadata(r, metadata) && ok;
    yaml_node_t *body = find_key(r, root, "body");
    if (!body) {
        fs_error(r->diags, fs_pos_at(r->yaml.path, 1, 1), "add 'body:' with the page's nodes",
                 "the layout has no 'body'");
        return false;
    }
    r->layout->body = read_column(r, body, "body");
    ok = r->layout->body && ok;
    yaml_node_t *header = find_key(r, root, "header");
    if (header)
        ok = (r->layout->header = read_column(r, header, "header")) && ok;
    yaml_node_t *footer = find_key(r, root, "footer");
    if (footer)
        ok = (r->layout->footer = read_column(r, footer, "footer")) && ok;
    yaml_node_t *first = find_key(r, root, "first-page");
    if (first)
        ok = read_first_page(r, first) && ok;
    yaml_node_t *back = find_key(r, root, "back-page");
    if (back)
        ok = (r->layout->back_page = read_column(r, back, "back-page")) && ok;
    yaml_node_t *tables = find_key(r, root, "tables");
    if (tables)
        ok = read_tables(r, tables) && ok;
    yaml_node_t *missing = find_key(r, root, "missing");
    if (missing)
        ok = (r->layout->missing = read_template(r, missing, "missing")) && ok;
    return ok;
}

fs_layout *fs_layout_parse(const char *path, const char *bytes, size_t length, fs_arena *arena,
                           fs_diags *diags)
{
    fs_layout *layout = fs_arena_alloc(arena, sizeof *layout);
    if (!layout)
        return NULL;
    layout->path = fs_arena_strdup(arena, path);
    layout->dir = dirname_of(arena, path);
    reader r = {.layout = layout, .arena = arena, .diags = diags};
    if (!fs_yaml_parse(&r.yaml, path, bytes, length, arena, diags))
        return NULL;
    bool ok = read_root(&r);
    fs_yaml_close(&r.yaml);
    return ok ? layout : NULL;
}

fs_layout *fs_layout_load(const char *dir, fs_arena *arena, fs_diags *diags)
{
    const char *path = fs_arena_printf(arena, "%s/layout.yaml", dir);
    if (!path)
        return NULL;
    fs_layout *layout = fs_arena_alloc(arena, sizeof *layout);
    if (!layout)
        return NULL;
    layout->path = path;
    layout->dir = fs_arena_strdup(arena, dir);
    reader r = {.layout = layout, .arena = arena, .diags = diags};
    if (!fs_yaml_open(&r.yaml, path, arena, diags))
        return NULL;
    bool ok = read_root(&r);
    fs_yaml_close(&r.yaml);
    return ok ? layout : NULL;
}
