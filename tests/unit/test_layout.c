/* Unit tests of the layout reader: every node kind and shorthand, pages,
 * lengths and widths, metadata and footer, the theme it loads next to the
 * layout, and every error with the exact place it is reported. Layouts are
 * parsed from memory; the theme is a real file in a temporary folder. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <dirent.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "load/fs_layout.h"

#define MM (72.0 / 25.4)

/* The theme every test starts with: three colours, two font roles and six
 * styles, two of which inherit. */
static const char *const default_theme = "# the test theme\n"
                                         "colors:\n"
                                         "  primary: \"#0B4F6C\"\n"
                                         "  accent: \"#D9661F\"\n"
                                         "  surface: \"#EEF4F7\"\n"
                                         "fonts:\n"
                                         "  sans: Inter\n"
                                         "  icons: Material Icons\n"
                                         "icons: icons\n"
                                         "styles:\n"
                                         "  body:\n"
                                         "    font: sans\n"
                                         "    size: 9pt\n"
                                         "    color: primary\n"
                                         "  heading:\n"
                                         "    font: sans\n"
                                         "    size: 12pt\n"
                                         "    weight: bold\n"
                                         "  title:\n"
                                         "    font: sans\n"
                                         "    size: 24pt\n"
                                         "    weight: extrabold\n"
                                         "  stat-number:\n"
                                         "    font: sans\n"
                                         "    size: 18pt\n"
                                         "  stat-label:\n"
                                         "    inherit: body\n"
                                         "    size: 7pt\n"
                                         "  caption:\n"
                                         "    size: 7pt\n"
                                         "    inherit: body\n"
                                         "    color: accent\n";

#define STYLES "styles of this theme: body, heading, title, stat-number, stat-label, caption"
#define COLOURS                                                                                    \
    "use a colour of the theme (white, black, primary, accent, surface) or a hex value such as "   \
    "\"#1d5c96\""
#define NODES                                                                                      \
    "nodes: box, band, row, column, grid, text, heading, stat, list, spacer, rule, flow, "         \
    "markdown, quote, image, break, chart, logo, logos, icon"
#define ONE_NODE    "write a node as 'kind: properties', e.g. 'heading: Key figures'"
#define LENGTH_HINT "write a number with a unit: 4mm, 1cm, 10pt"
#define EDGES_HINT                                                                                 \
    "write one length (4mm), two [vertical, horizontal] or four [top, right, bottom, left]"
#define SYNTAX_HINT  "check the indentation and that every ':' inside text is quoted"
#define THEME_COLOUR "use a colour named under 'colors:' or a hex value such as \"#1d5c96\""

/* Each test gets a fresh arena, diagnostics list and temporary folder
 * holding theme.yaml; teardown removes the folder and frees everything even
 * when an assertion fails. */
typedef struct {
    fs_arena *arena;
    fs_diags *diags;
    char dir[64];
    char layout_path[128];
    char theme_path[128];
} ctx;

static void write_file(const char *dir, const char *name, const char *text)
{
    char path[256];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *file = fopen(path, "wb");
    assert_non_null(file);
    assert_int_equal(fwrite(text, 1, strlen(text), file), strlen(text));
    assert_int_equal(fclose(file), 0);
}

static int setup(void **state)
{
    ctx *c = calloc(1, sizeof(ctx));
    if (!c)
        return -1;
    *state = c;
    c->arena = fs_arena_create();
    c->diags = fs_diags_create();
    snprintf(c->dir, sizeof c->dir, "/tmp/fs_test_layout_XXXXXX");
    if (!c->arena || !c->diags || !mkdtemp(c->dir))
        return -1;
    snprintf(c->layout_path, sizeof c->layout_path, "%s/layout.yaml", c->dir);
    snprintf(c->theme_path, sizeof c->theme_path, "%s/theme.yaml", c->dir);
    write_file(c->dir, "theme.yaml", default_theme);
    return 0;
}

static int teardown(void **state)
{
    ctx *c = *state;
    DIR *dir = c->dir[0] ? opendir(c->dir) : NULL;
    for (struct dirent *entry = dir ? readdir(dir) : NULL; entry; entry = readdir(dir)) {
        char path[512];
        if (strcmp(entry->d_name, ".") == 0 || strcmp(entry->d_name, "..") == 0)
            continue;
        snprintf(path, sizeof path, "%s/%s", c->dir, entry->d_name);
        unlink(path);
    }
    if (dir) {
        closedir(dir);
        rmdir(c->dir);
    }
    fs_diags_free(c->diags);
    fs_arena_free(c->arena);
    free(c);
    return 0;
}

static fs_layout *parse(void **state, const char *text)
{
    ctx *c = *state;
    return fs_layout_parse(c->layout_path, text, strlen(text), c->arena, c->diags);
}

static void print_diags(const fs_diags *diags)
{
    for (size_t i = 0; i < fs_diags_count(diags); i++)
        fs_diag_print(fs_diags_at(diags, i), stderr);
}

/* Parses a layout that must load without any diagnostic. */
static fs_layout *parse_ok(void **state, const char *text)
{
    ctx *c = *state;
    fs_layout *layout = parse(state, text);
    print_diags(c->diags);
    assert_int_equal(fs_diags_count(c->diags), 0);
    assert_non_null(layout);
    return layout;
}

/* Parses a layout that must be refused with exactly count errors. */
static void parse_fails(void **state, const char *text, size_t count)
{
    ctx *c = *state;
    fs_layout *layout = parse(state, text);
    if (fs_diags_errors(c->diags) != count)
        print_diags(c->diags);
    assert_null(layout);
    assert_int_equal(fs_diags_errors(c->diags), count);
    assert_int_equal(fs_diags_count(c->diags), count);
}

/* Checks the i-th diagnostic: an error at file:line:column with exactly
 * this message and hint (NULL: no hint). */
static void assert_error_in(void **state, size_t i, const char *file, int line, int column,
                            const char *message, const char *hint)
{
    ctx *c = *state;
    const fs_diag *diag = fs_diags_at(c->diags, i);
    assert_non_null(diag);
    assert_int_equal(diag->severity, FS_ERROR);
    assert_non_null(diag->pos.file);
    assert_string_equal(diag->pos.file, file);
    assert_int_equal(diag->pos.line, line);
    assert_int_equal(diag->pos.column, column);
    assert_string_equal(diag->message, message);
    if (hint) {
        assert_non_null(diag->hint);
        assert_string_equal(diag->hint, hint);
    } else {
        assert_null(diag->hint);
    }
}

static void assert_error(void **state, size_t i, int line, int column, const char *message,
                         const char *hint)
{
    ctx *c = *state;
    assert_error_in(state, i, c->layout_path, line, column, message, hint);
}

static void assert_theme_error(void **state, size_t i, int line, int column, const char *message,
                               const char *hint)
{
    ctx *c = *state;
    assert_error_in(state, i, c->theme_path, line, column, message, hint);
}

static void assert_near(double actual, double expected)
{
    if (fabs(actual - expected) > 1e-9)
        fail_msg("%.12g is not %.12g", actual, expected);
}

static void assert_edges(fs_edges edges, double top, double right, double bottom, double left)
{
    assert_near(edges.top, top);
    assert_near(edges.right, right);
    assert_near(edges.bottom, bottom);
    assert_near(edges.left, left);
}

static void assert_at(fs_pos pos, int line, int column)
{
    assert_int_equal(pos.line, line);
    assert_int_equal(pos.column, column);
}

/* The i-th node of the body, checked to be of that kind as written. */
static fs_node *body_node(const fs_layout *layout, size_t i, const char *kind_name)
{
    assert_true(i < layout->body->content_count);
    fs_node *node = layout->body->content[i];
    assert_non_null(node);
    assert_string_equal(node->kind_name, kind_name);
    return node;
}

/* ---- the layout and its defaults ------------------------------------- */

static void test_minimal_layout(void **state)
{
    ctx *c = *state;
    fs_layout *layout = parse_ok(state, "body:\n"
                                        "  - text: Hello\n");
    assert_string_equal(layout->path, c->layout_path);
    assert_string_equal(layout->dir, c->dir);
    assert_non_null(layout->theme);
    assert_non_null(fs_theme_style(layout->theme, "body"));
    assert_near(layout->page.width, 595.276);
    assert_near(layout->page.height, 841.890);
    assert_edges(layout->page.margin, 40, 40, 40, 40);
    assert_null(layout->footer);
    assert_null(layout->title);
    assert_null(layout->subject);
    assert_null(layout->author);
    assert_null(layout->keywords);

    fs_node *body = layout->body;
    assert_int_equal(body->kind, FS_NODE_COLUMN);
    assert_string_equal(body->kind_name, "column");
    assert_at(body->pos, 2, 3);
    assert_int_equal(body->content_count, 1);

    fs_node *text = body_node(layout, 0, "text");
    assert_int_equal(text->kind, FS_NODE_TEXT);
    assert_at(text->pos, 2, 5);
    assert_string_equal(text->style, "body");
    assert_int_equal(text->align, FS_ALIGN_START);
    assert_int_equal(text->width_kind, FS_WIDTH_AUTO);
    assert_null(text->color);
    assert_non_null(text->value);
    assert_string_equal(text->value->source, "Hello");
    assert_int_equal(text->value->count, 1);
    assert_false(text->value->has_fields);
}

static void test_empty_body(void **state)
{
    fs_layout *layout = parse_ok(state, "body: []\n");
    assert_int_equal(layout->body->content_count, 0);
}

static void test_theme_named_in_layout(void **state)
{
    ctx *c = *state;
    write_file(c->dir, "dark.yaml",
               "colors: {ink: \"#000000\"}\n"
               "fonts: {serif: Source Serif}\n"
               "styles: {body: {font: serif}}\n");
    fs_layout *layout = parse_ok(state, "theme: dark.yaml\n"
                                        "body:\n"
                                        "  - box: {fill: ink}\n");
    fs_rgba ink;
    assert_true(fs_theme_color(layout->theme, "ink", &ink));
    assert_false(fs_theme_color(layout->theme, "primary", &ink));
    assert_string_equal(fs_theme_style(layout->theme, "body")->family, "Source Serif");
    assert_null(fs_theme_icon_family(layout->theme));

    /* An absolute path is taken as it is. */
    char text[256];
    snprintf(text, sizeof text, "theme: %s/dark.yaml\nbody: []\n", c->dir);
    layout = parse_ok(state, text);
    assert_true(fs_theme_color(layout->theme, "ink", &ink));
}

/* ---- node kinds ------------------------------------------------------ */

static void test_box(void **state)
{
    fs_layout *layout = parse_ok(state, "body:\n"
                                        "  - box:\n"
                                        "      fill: surface\n"
                                        "      color: \"#1d5c96\"\n"
                                        "      border: accent\n"
                                        "      border-width: 0.5pt\n"
                                        "      radius: 2mm\n"
                                        "      padding: 3mm\n"
                                        "      gap: 1.5mm\n"
                                        "      valign: center\n"
                                        "      width: 50%\n"
                                        "      content:\n"
                                        "        - text: a\n"
                                        "        - text: b\n");
    fs_node *box = body_node(layout, 0, "box");
    assert_int_equal(box->kind, FS_NODE_BOX);
    assert_at(box->pos, 2, 5);
    assert_false(box->bleed);
    assert_string_equal(box->fill, "surface");
    assert_string_equal(box->color, "#1d5c96");
    assert_string_equal(box->border, "accent");
    assert_near(box->border_width, 0.5);
    assert_near(box->radius, 2 * MM);
    assert_edges(box->padding, 3 * MM, 3 * MM, 3 * MM, 3 * MM);
    assert_near(box->gap, 1.5 * MM);
    assert_int_equal(box->valign, FS_ALIGN_CENTER);
    assert_int_equal(box->width_kind, FS_WIDTH_PERCENT);
    assert_near(box->width, 50);
    assert_int_equal(box->content_count, 2);
    assert_string_equal(box->content[1]->value->source, "b");
    assert_at(box->content[1]->pos, 14, 11);
}

static void test_empty_box(void **state)
{
    fs_layout *layout = parse_ok(state, "body:\n"
                                        "  - box:\n"
                                        "  - box: {}\n");
    for (size_t i = 0; i < 2; i++) {
        fs_node *box = body_node(layout, i, "box");
        assert_int_equal(box->content_count, 0);
        assert_null(box->fill);
        assert_near(box->gap, -1); /* unset: the placer picks its default */
        assert_int_equal(box->valign, FS_ALIGN_START);
    }
}

static void test_band(void **state)
{
    fs_layout *layout = parse_ok(state, "body:\n"
                                        "  - band:\n"
                                        "      fill: primary\n"
                                        "      color: white\n"
                                        "      content:\n"
                                        "        - heading: Title\n"
                                        "  - band: {bleed: false, padding: [8mm, 0mm, 7mm, 0mm]}\n"
                                        "  - band: {bleed: yes}\n");
    fs_node *band = body_node(layout, 0, "band");
    assert_int_equal(band->kind, FS_NODE_BOX);
    assert_true(band->bleed);
    assert_string_equal(band->fill, "primary");
    assert_string_equal(band->color, "white");
    assert_int_equal(band->content_count, 1);
    assert_string_equal(band->content[0]->kind_name, "heading");

    band = body_node(layout, 1, "band");
    assert_false(band->bleed);
    assert_edges(band->padding, 8 * MM, 0, 7 * MM, 0);
    assert_int_equal(band->content_count, 0);
    assert_true(body_node(layout, 2, "band")->bleed);
}

static void test_row_and_column(void **state)
{
    fs_layout *layout = parse_ok(state, "body:\n"
                                        "  - row: [{text: a}, {text: b}]\n"
                                        "  - row:\n"
                                        "      gap: 7mm\n"
                                        "      valign: bottom\n"
                                        "      content:\n"
                                        "        - column:\n"
                                        "            gap: 2.5mm\n"
                                        "            width: 60%\n"
                                        "            content:\n"
                                        "              - text: c\n"
                                        "        - column: [{text: d}, {spacer: 1mm}]\n");
    fs_node *row = body_node(layout, 0, "row");
    assert_int_equal(row->kind, FS_NODE_ROW);
    assert_int_equal(row->content_count, 2);
    assert_near(row->gap, -1);
    assert_string_equal(row->content[1]->value->source, "b");
    assert_at(row->content[1]->pos, 2, 23);

    row = body_node(layout, 1, "row");
    assert_near(row->gap, 7 * MM);
    assert_int_equal(row->valign, FS_ALIGN_END);
    assert_int_equal(row->content_count, 2);
    fs_node *column = row->content[0];
    assert_int_equal(column->kind, FS_NODE_COLUMN);
    assert_string_equal(column->kind_name, "column");
    assert_near(column->gap, 2.5 * MM);
    assert_int_equal(column->width_kind, FS_WIDTH_PERCENT);
    assert_near(column->width, 60);
    assert_int_equal(column->content_count, 1);
    assert_string_equal(column->content[0]->value->source, "c");
    assert_at(column->content[0]->pos, 11, 17);
    column = row->content[1];
    assert_int_equal(column->content_count, 2);
    assert_int_equal(column->content[1]->kind, FS_NODE_SPACER);
}

static void test_grid_repeat_item(void **state)
{
    fs_layout *layout =
        parse_ok(state, "body:\n"
                        "  - grid:\n"
                        "      columns: 4\n"
                        "      gap: 5mm\n"
                        "      repeat: stats\n"
                        "      item:\n"
                        "        stat: {icon: \"{icon}\", value: \"{value, number}\", label: "
                        "\"{label}\"}\n");
    fs_node *grid = body_node(layout, 0, "grid");
    assert_int_equal(grid->kind, FS_NODE_GRID);
    assert_int_equal(grid->columns, 4);
    assert_near(grid->gap, 5 * MM);
    assert_string_equal(grid->repeat, "stats");
    assert_int_equal(grid->content_count, 0);
    fs_node *item = grid->item;
    assert_non_null(item);
    assert_int_equal(item->kind, FS_NODE_STAT);
    assert_at(item->pos, 7, 9);
    assert_ptr_equal(item->as.stat.number, item->value);
    assert_int_equal(item->value->count, 1);
    assert_int_equal(item->value->segments[0].format, FS_FORMAT_NUMBER);
    assert_string_equal(item->value->segments[0].column, "value");
    assert_null(item->value->segments[0].table);
    assert_at(item->value->segments[0].pos, 7, 40);
}

static void test_grid_with_content(void **state)
{
    fs_layout *layout = parse_ok(state, "body:\n"
                                        "  - grid:\n"
                                        "      content:\n"
                                        "        - text: a\n"
                                        "        - text: b\n"
                                        "        - text: c\n");
    fs_node *grid = body_node(layout, 0, "grid");
    assert_int_equal(grid->columns, 2);
    assert_null(grid->repeat);
    assert_null(grid->item);
    assert_int_equal(grid->content_count, 3);
    assert_string_equal(grid->content[2]->value->source, "c");
}

static void test_text(void **state)
{
    fs_layout *layout = parse_ok(state, "body:\n"
                                        "  - text:\n"
                                        "      value: \"Hello {programme.name}\"\n"
                                        "      style: caption\n"
                                        "      align: justify\n"
                                        "      color: accent\n"
                                        "      width: 40mm\n"
                                        "  - text: {value: x, align: center}\n"
                                        "  - text: {value: x, align: right}\n"
                                        "  - text: {value: x, align: left}\n"
                                        "  - text: Total {n} people\n");
    fs_node *text = body_node(layout, 0, "text");
    assert_int_equal(text->kind, FS_NODE_TEXT);
    assert_string_equal(text->style, "caption");
    assert_int_equal(text->align, FS_ALIGN_JUSTIFY);
    assert_string_equal(text->color, "accent");
    assert_int_equal(text->width_kind, FS_WIDTH_FIXED);
    assert_near(text->width, 40 * MM);
    assert_true(text->value->has_fields);
    assert_int_equal(text->value->count, 2);
    assert_string_equal(text->value->segments[0].text, "Hello ");
    assert_string_equal(text->value->segments[1].table, "programme");
    assert_string_equal(text->value->segments[1].column, "name");
    /* One column after the opening quote. */
    assert_at(text->value->segments[1].pos, 3, 21);

    assert_int_equal(body_node(layout, 1, "text")->align, FS_ALIGN_CENTER);
    assert_int_equal(body_node(layout, 2, "text")->align, FS_ALIGN_END);
    assert_int_equal(body_node(layout, 3, "text")->align, FS_ALIGN_START);
    /* A plain scalar starts at its first character. */
    text = body_node(layout, 4, "text");
    assert_int_equal(text->value->count, 3);
    assert_at(text->value->segments[1].pos, 11, 17);
}

static void test_heading(void **state)
{
    fs_layout *layout = parse_ok(state, "body:\n"
                                        "  - heading: \"Key figures\"\n"
                                        "  - heading: {value: Title, level: 1, style: title}\n"
                                        "  - heading:\n"
                                        "      value: Small\n"
                                        "      level: 3\n");
    fs_node *heading = body_node(layout, 0, "heading");
    assert_int_equal(heading->kind, FS_NODE_TEXT);
    assert_string_equal(heading->style, "heading");
    assert_int_equal(heading->as.text.level, 2);
    assert_string_equal(heading->value->source, "Key figures");

    heading = body_node(layout, 1, "heading");
    assert_int_equal(heading->as.text.level, 1);
    assert_string_equal(heading->style, "title");
    assert_string_equal(heading->value->source, "Title");

    heading = body_node(layout, 2, "heading");
    assert_int_equal(heading->as.text.level, 3);
    assert_string_equal(heading->style, "heading");
    assert_string_equal(heading->value->source, "Small");
}

static void test_stat(void **state)
{
    fs_layout *layout =
        parse_ok(state, "body:\n"
                        "  - stat:\n"
                        "      icon: woman\n"
                        "      value: \"{programme.women, number, percent}\"\n"
                        "      label: \"of the champions are women\"\n"
                        "      number-style: title\n"
                        "      label-style: caption\n"
                        "      icon-position: top\n"
                        "      align: center\n"
                        "      fill: surface\n"
                        "      padding: [2mm, 3mm]\n"
                        "  - stat: {value: \"12\", label: people}\n"
                        "  - stat: {value: \"1\", label: x, icon-position: corner}\n"
                        "  - stat: {value: \"1\", label: x, icon-position: none, hero: true}\n"
                        "  - stat: {value: \"1\", label: x, hero: true, hero-style: title}\n");
    fs_node *stat = body_node(layout, 0, "stat");
    assert_int_equal(stat->kind, FS_NODE_STAT);
    assert_string_equal(stat->icon->source, "woman");
    assert_false(stat->icon->has_fields);
    assert_ptr_equal(stat->as.stat.number, stat->value);
    assert_int_equal(stat->value->segments[0].format, FS_FORMAT_PERCENT);
    assert_string_equal(stat->value->segments[0].table, "programme");
    assert_string_equal(stat->value->segments[0].column, "women");
    assert_string_equal(stat->label->source, "of the champions are women");
    assert_string_equal(stat->number_style, "title");
    assert_string_equal(stat->as.stat.label_style, "caption");
    assert_int_equal(stat->as.stat.icon_place, FS_ICON_TOP);
    assert_false(stat->as.stat.hero);
    assert_int_equal(stat->align, FS_ALIGN_CENTER);
    assert_string_equal(stat->fill, "surface");
    assert_edges(stat->padding, 2 * MM, 3 * MM, 2 * MM, 3 * MM);

    stat = body_node(layout, 1, "stat");
    assert_null(stat->icon);
    assert_string_equal(stat->as.stat.number->source, "12");
    assert_string_equal(stat->number_style, "stat-number");
    assert_string_equal(stat->as.stat.label_style, "stat-label");
    assert_int_equal(stat->as.stat.icon_place, FS_ICON_LEFT);
    assert_null(stat->as.stat.hero_style);
    assert_int_equal(body_node(layout, 2, "stat")->as.stat.icon_place, FS_ICON_CORNER);
    stat = body_node(layout, 3, "stat");
    assert_int_equal(stat->as.stat.icon_place, FS_ICON_NONE);
    assert_true(stat->as.stat.hero);
    assert_null(stat->as.stat.hero_style);
    stat = body_node(layout, 4, "stat");
    assert_true(stat->as.stat.hero);
    assert_string_equal(stat->as.stat.hero_style, "title");
}

static void test_grid_hero_span_and_last_row(void **state)
{
    fs_layout *layout =
        parse_ok(state, "body:\n"
                        "  - grid:\n"
                        "      columns: 4\n"
                        "      repeat: stats\n"
                        "      hero: first\n"
                        "      last-row: stretch\n"
                        "      item: {stat: {value: \"{value}\", label: \"{label}\"}}\n"
                        "  - grid:\n"
                        "      columns: 3\n"
                        "      content:\n"
                        "        - text: {value: wide, span: 3}\n"
                        "        - box: {span: 2, content: [{text: b}]}\n"
                        "        - text: c\n"
                        "  - grid: {content: [{text: a}], last-row: start}\n");
    fs_node *grid = body_node(layout, 0, "grid");
    assert_true(grid->as.grid.hero_first);
    assert_int_equal(grid->as.grid.last_row, FS_LAST_ROW_STRETCH);
    assert_int_equal(grid->item->span, 0);
    grid = body_node(layout, 1, "grid");
    assert_false(grid->as.grid.hero_first);
    assert_int_equal(grid->as.grid.last_row, FS_LAST_ROW_CENTER);
    assert_int_equal(grid->content[0]->span, 3);
    assert_int_equal(grid->content[1]->span, 2);
    assert_int_equal(grid->content[2]->span, 0);
    assert_int_equal(body_node(layout, 2, "grid")->as.grid.last_row, FS_LAST_ROW_START);
}

static void test_grid_hero_and_span_errors(void **state)
{
    parse_fails(state,
                "body:\n"
                "  - grid:\n"
                "      hero: first\n"
                "      content: [{text: a}]\n"
                "  - grid: {hero: yes, content: [{text: a}]}\n"
                "  - grid: {columns: 3, content: [{text: {value: a, span: 4}}]}\n"
                "  - grid: {last-row: centre, content: [{text: a}]}\n"
                "  - text: {value: a, span: 2}\n"
                "  - row: [{box: {span: 2}}]\n"
                "  - stat: {value: \"1\", label: x, icon-position: above}\n"
                "  - stat: {value: \"1\", label: x, hero: first}\n"
                "  - rule: {span: 0}\n",
                9);
    assert_error(state, 0, 4, 18,
                 "'hero: first' makes the first cell a hero figure, but it is text",
                 "make the grid's first cell a stat, or remove 'hero: first'");
    assert_error(state, 1, 5, 18, "unknown hero 'yes'", "'hero' takes one of: none, first");
    assert_error(state, 2, 6, 35, "this cell spans 4 columns, but its grid has 3",
                 "give 'span' at most the grid's 'columns', or add columns");
    assert_error(state, 3, 7, 22, "unknown last-row 'centre'",
                 "did you mean 'center'? 'last-row' takes one of: center, stretch, start");
    assert_error(state, 4, 8, 5, "'span' is for the cells of a grid; this text is not in one",
                 "put the node in a grid's 'content' (or its 'item'), or remove 'span'");
    assert_error(state, 5, 9, 12, "'span' is for the cells of a grid; this box is not in one",
                 "put the node in a grid's 'content' (or its 'item'), or remove 'span'");
    assert_error(state, 6, 10, 49, "unknown icon-position 'above'",
                 "'icon-position' takes one of: left, top, corner, none");
    assert_error(state, 7, 11, 40, "unknown hero 'first'",
                 "'hero' takes one of: false, true, no, yes");
    assert_error(state, 8, 12, 18, "'span' must be between 1 and 12, not 0", NULL);
}

/* Pictures: focus, credit, bleed and align of an image; a logo when the
 * theme has one; a logos strip; a back page. */
static void test_pictures_and_back_page(void **state)
{
    ctx *c = *state;
    write_file(c->dir, "theme.yaml",
               "colors: {text: \"#222222\"}\n"
               "fonts: {sans: Inter}\n"
               "logo: brand/mark.svg\n"
               "caption-gap: 6pt\n"
               "styles: {body: {font: sans}, caption: {font: sans}}\n");
    fs_layout *layout = parse_ok(
        state, "body:\n"
               "  - image: {src: a.svg, fit: cover, focus: [72%, 35%], credit: \"Photo: X\", "
               "bleed: true}\n"
               "  - logo: 8mm\n"
               "  - logos: {repeat: partners, src: \"{file}\", alt: \"{name}\", align: left}\n"
               "  - image: {src: b.png, align: right}\n"
               "back-page:\n"
               "  - text: Contacts\n");
    fs_node *image = body_node(layout, 0, "image");
    assert_true(image->bleed && image->as.image.cover);
    assert_float_equal(image->as.image.focus[0], 0.72, 1e-9);
    assert_float_equal(image->as.image.focus[1], 0.35, 1e-9);
    assert_non_null(image->as.image.credit);
    assert_int_equal(image->align, FS_ALIGN_CENTER);
    fs_node *logo = body_node(layout, 1, "logo");
    assert_true(logo->as.image.logo);
    assert_float_equal(logo->height, 8 * 72 / 25.4, 1e-9);
    assert_int_equal(logo->align, FS_ALIGN_START);
    fs_node *logos = body_node(layout, 2, "logos");
    assert_string_equal(logos->repeat, "partners");
    assert_float_equal(logos->height, 12 * 72 / 25.4, 1e-9);
    assert_int_equal(logos->align, FS_ALIGN_START);
    assert_int_equal(body_node(layout, 3, "image")->align, FS_ALIGN_END);
    assert_false(body_node(layout, 3, "image")->bleed);
    assert_non_null(layout->back_page);
    assert_int_equal(layout->back_page->content_count, 1);
    fs_pos where;
    const char *file = fs_theme_logo(layout->theme, &where);
    assert_non_null(strstr(file, "/brand/mark.svg"));
    assert_int_equal(where.line, 3);
    assert_float_equal(fs_theme_caption_gap(layout->theme), 6, 1e-9);
}

/* An icon alone: its short form names the icon; height 6mm and the start
 * of its width by default; align, alt and color read. */
static void test_icon_node(void **state)
{
    fs_layout *layout = parse_ok(state, "body:\n"
                                        "  - icon: hub\n"
                                        "  - icon: {icon: \"{icon}\", height: 9mm, align: center, "
                                        "alt: Hub, color: accent}\n");
    fs_node *plain = body_node(layout, 0, "icon");
    assert_int_equal(plain->kind, FS_NODE_ICON);
    assert_string_equal(plain->icon->source, "hub");
    assert_float_equal(plain->height, 6 * 72 / 25.4, 1e-9);
    assert_int_equal(plain->align, FS_ALIGN_START);
    assert_null(plain->alt);
    fs_node *full = body_node(layout, 1, "icon");
    assert_true(full->icon->has_fields);
    assert_float_equal(full->height, 9 * 72 / 25.4, 1e-9);
    assert_int_equal(full->align, FS_ALIGN_CENTER);
    assert_string_equal(full->alt->source, "Hub");
    assert_string_equal(full->color, "accent");
}

static void test_icon_node_errors(void **state)
{
    parse_fails(state,
                "body:\n"
                "  - icon: {height: 5mm}\n"
                "  - icon: {icon: hub, height: 0mm}\n"
                "  - icon: {icon: hub, align: justify}\n",
                3);
    assert_error(state, 0, 2, 5, "an icon node needs 'icon'",
                 "write icon: {icon: \"{icon}\", height: 6mm}: a Material Icons name (factsheet "
                 "icons WORD lists them) or a file of the theme's icon-folder");
    assert_error(state, 1, 3, 5, "an icon needs a height above zero",
                 "give 'height' a length such as 6mm");
    assert_error(state, 2, 4, 5, "an icon is aligned left, center or right, not justified",
                 "write align: left, center or right");
}

static void test_list_items(void **state)
{
    fs_layout *layout = parse_ok(state, "body:\n"
                                        "  - list: [Alpha, \"Beta {x}\"]\n"
                                        "  - list:\n"
                                        "      items:\n"
                                        "        - One\n"
                                        "        - Two\n"
                                        "        - Three\n"
                                        "      marker: number\n"
                                        "      gap: 1mm\n"
                                        "      style: caption\n"
                                        "  - list: {items: [a], marker: none}\n");
    fs_node *list = body_node(layout, 0, "list");
    assert_int_equal(list->kind, FS_NODE_LIST);
    assert_int_equal(list->as.list.item_count, 2);
    assert_string_equal(list->as.list.items[0]->source, "Alpha");
    assert_false(list->as.list.items[0]->has_fields);
    assert_true(list->as.list.items[1]->has_fields);
    assert_at(list->as.list.items[1]->segments[1].pos, 2, 25);
    assert_int_equal(list->as.list.marker, FS_MARKER_BULLET);
    assert_string_equal(list->style, "body");
    assert_null(list->repeat);
    assert_null(list->value);

    list = body_node(layout, 1, "list");
    assert_int_equal(list->as.list.item_count, 3);
    assert_string_equal(list->as.list.items[2]->source, "Three");
    assert_int_equal(list->as.list.marker, FS_MARKER_NUMBER);
    assert_near(list->gap, 1 * MM);
    assert_string_equal(list->style, "caption");
    assert_int_equal(body_node(layout, 2, "list")->as.list.marker, FS_MARKER_NONE);
}

static void test_list_repeat_item(void **state)
{
    fs_layout *layout = parse_ok(state, "body:\n"
                                        "  - list:\n"
                                        "      repeat: achievements\n"
                                        "      item: \"**{lead}** {text}\"\n"
                                        "      marker: none\n");
    fs_node *list = body_node(layout, 0, "list");
    assert_string_equal(list->repeat, "achievements");
    assert_int_equal(list->as.list.marker, FS_MARKER_NONE);
    assert_int_equal(list->as.list.item_count, 0);
    assert_null(list->item); /* a list's item is a template, kept in value */
    assert_non_null(list->value);
    assert_int_equal(list->value->count, 4);
    assert_string_equal(list->value->segments[1].column, "lead");
    assert_string_equal(list->value->segments[2].text, "** ");
    assert_string_equal(list->value->segments[3].column, "text");
}

static void test_spacer(void **state)
{
    fs_layout *layout = parse_ok(state, "body:\n"
                                        "  - spacer: 4mm\n"
                                        "  - spacer: {height: 10pt}\n");
    fs_node *spacer = body_node(layout, 0, "spacer");
    assert_int_equal(spacer->kind, FS_NODE_SPACER);
    assert_near(spacer->height, 4 * MM);
    assert_near(body_node(layout, 1, "spacer")->height, 10);
}

static void test_rule(void **state)
{
    fs_layout *layout = parse_ok(state, "body:\n"
                                        "  - rule: {color: accent, height: 1.2pt, width: 12mm}\n"
                                        "  - rule: primary\n"
                                        "  - rule: {}\n"
                                        "  - rule:\n");
    fs_node *rule = body_node(layout, 0, "rule");
    assert_int_equal(rule->kind, FS_NODE_RULE);
    assert_string_equal(rule->color, "accent");
    assert_near(rule->height, 1.2);
    assert_int_equal(rule->width_kind, FS_WIDTH_FIXED);
    assert_near(rule->width, 12 * MM);

    rule = body_node(layout, 1, "rule");
    assert_string_equal(rule->color, "primary");
    assert_near(rule->height, 0.75);
    for (size_t i = 2; i < 4; i++) {
        rule = body_node(layout, i, "rule");
        assert_null(rule->color);
        assert_near(rule->height, 0.75);
    }
}

/* ---- pages, lengths, widths ------------------------------------------ */

static void test_page_sizes(void **state)
{
    static const struct {
        const char *layout;
        double width, height;
    } cases[] = {
        {"page: {size: A4}\nbody: []\n", 595.276, 841.890},
        {"page: {size: Letter}\nbody: []\n", 612, 792},
        {"page: {size: A5}\nbody: []\n", 419.528, 595.276},
        {"page: {margin: 1cm}\nbody: []\n", 595.276, 841.890},
        {"page: {size: [120mm, 2in]}\nbody: []\n", 120 * MM, 144},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        fs_layout *layout = parse_ok(state, cases[i].layout);
        assert_near(layout->page.width, cases[i].width);
        assert_near(layout->page.height, cases[i].height);
    }
}

static void test_page_size_errors(void **state)
{
    parse_fails(state,
                "page: {size: [120mm]}\n"
                "body: []\n",
                1);
    assert_error(state, 0, 1, 14, "a page's size must be a name or two lengths, not 1",
                 "write size: A4, Letter or A5, or size: [width, height] such as [120mm, 80mm]");
    parse_fails(state,
                "page: {size: [120mm, 5mm]}\n"
                "body: []\n",
                2); /* the first parse's error, and this one */
    assert_error(state, 1, 1, 22, "a page 5.0 mm tall is too small to draw on",
                 "give each side at least 1cm");
}

static void test_margins(void **state)
{
    fs_layout *layout = parse_ok(state, "page: {size: A4, margin: 14mm}\nbody: []\n");
    assert_edges(layout->page.margin, 14 * MM, 14 * MM, 14 * MM, 14 * MM);

    layout = parse_ok(state, "page: {margin: [12mm, 14mm]}\nbody: []\n");
    assert_edges(layout->page.margin, 12 * MM, 14 * MM, 12 * MM, 14 * MM);

    layout = parse_ok(state, "page:\n"
                             "  size: Letter\n"
                             "  margin: [1in, 2cm, 3pt, 4]\n"
                             "body: []\n");
    assert_edges(layout->page.margin, 72, 2 * 72 / 2.54, 3, 4);
    assert_near(layout->page.width, 612);
}

static void test_length_units(void **state)
{
    fs_layout *layout = parse_ok(state, "body:\n"
                                        "  - spacer: 10mm\n"
                                        "  - spacer: 1.5cm\n"
                                        "  - spacer: 12pt\n"
                                        "  - spacer: 0.5in\n"
                                        "  - spacer: 7\n"
                                        "  - spacer: 2.5 mm\n"
                                        "  - spacer: 0\n");
    const double expected[] = {10 * MM, 1.5 * 72 / 2.54, 12, 36, 7, 2.5 * MM, 0};
    assert_int_equal(layout->body->content_count, 7);
    for (size_t i = 0; i < 7; i++)
        assert_near(body_node(layout, i, "spacer")->height, expected[i]);
}

static void test_widths(void **state)
{
    fs_layout *layout = parse_ok(state, "body:\n"
                                        "  - text: {value: a, width: 40%}\n"
                                        "  - text: {value: b, width: 3cm}\n"
                                        "  - text: {value: c, width: 100%}\n"
                                        "  - text: {value: d, width: 12.5%}\n"
                                        "  - text: e\n");
    fs_node *node = body_node(layout, 0, "text");
    assert_int_equal(node->width_kind, FS_WIDTH_PERCENT);
    assert_near(node->width, 40);
    node = body_node(layout, 1, "text");
    assert_int_equal(node->width_kind, FS_WIDTH_FIXED);
    assert_near(node->width, 3 * 72 / 2.54);
    assert_near(body_node(layout, 2, "text")->width, 100);
    assert_near(body_node(layout, 3, "text")->width, 12.5);
    assert_int_equal(body_node(layout, 4, "text")->width_kind, FS_WIDTH_AUTO);
}

/* ---- metadata and footer --------------------------------------------- */

static void test_metadata(void **state)
{
    fs_layout *layout = parse_ok(state, "metadata:\n"
                                        "  title: \"{programme.title}\"\n"
                                        "  subject: Results 2024\n"
                                        "  author: \"{programme.organisation}\"\n"
                                        "  keywords: \"mali, rural finance\"\n"
                                        "body: []\n");
    assert_string_equal(layout->title->segments[0].table, "programme");
    assert_string_equal(layout->title->segments[0].column, "title");
    assert_at(layout->title->segments[0].pos, 2, 11);
    assert_string_equal(layout->subject->source, "Results 2024");
    assert_false(layout->subject->has_fields);
    assert_string_equal(layout->author->segments[0].column, "organisation");
    assert_string_equal(layout->keywords->source, "mali, rural finance");
}

static void test_footer(void **state)
{
    fs_layout *layout =
        parse_ok(state, "body:\n"
                        "  - text: a\n"
                        "footer:\n"
                        "  - band:\n"
                        "      fill: primary\n"
                        "      content:\n"
                        "        - row:\n"
                        "            valign: bottom\n"
                        "            content:\n"
                        "              - text: {value: \"**{programme.organisation}**\", style: "
                        "caption}\n"
                        "              - text: {value: \"{programme.tagline}\", align: right, "
                        "width: 40%}\n");
    fs_node *footer = layout->footer;
    assert_non_null(footer);
    assert_int_equal(footer->kind, FS_NODE_COLUMN);
    assert_at(footer->pos, 4, 3);
    assert_int_equal(footer->content_count, 1);
    fs_node *band = footer->content[0];
    assert_string_equal(band->kind_name, "band");
    fs_node *row = band->content[0];
    assert_int_equal(row->valign, FS_ALIGN_END);
    assert_int_equal(row->content_count, 2);
    assert_string_equal(row->content[0]->style, "caption");
    assert_int_equal(row->content[1]->align, FS_ALIGN_END);
    assert_at(row->content[1]->pos, 11, 17);
}

/* ---- errors in nodes ------------------------------------------------- */

static void test_unknown_key_did_you_mean(void **state)
{
    parse_fails(state,
                "page: {size: A4, margin: 14mm}\n"
                "body:\n"
                "  - heading: \"Key figures\"\n"
                "  - grid:\n"
                "      colums: 4\n"
                "      repeat: stats\n"
                "      item: {stat: {icon: \"{icon}\", value: \"{value}\", label: \"{label}\"}}\n",
                1);
    assert_error(state, 0, 5, 7, "unknown key 'colums' in a grid",
                 "did you mean 'columns'? a grid takes: content, color, width, span, gap, "
                 "columns, repeat, where, item, hero, last-row, when, keep-with-next");
}

static void test_key_of_another_kind(void **state)
{
    /* bleed belongs to a band, level to a heading. */
    parse_fails(state,
                "body:\n"
                "  - box: {bleed: true}\n"
                "  - text: {value: a, level: 1}\n",
                2);
    assert_error(state, 0, 2, 11, "unknown key 'bleed' in a box",
                 "a box takes: content, fill, color, border, border-width, radius, padding, "
                 "width, span, valign, gap, when, keep-with-next");
    assert_error(state, 1, 3, 22, "unknown key 'level' in a text",
                 "a text takes: color, width, span, value, style, align, when, keep-with-next");
}

static void test_unknown_node_kind(void **state)
{
    parse_fails(state,
                "body:\n"
                "  - txt: Hello\n"
                "  - paragraph: Hello\n",
                2);
    assert_error(state, 0, 2, 5, "unknown node 'txt'", "did you mean 'text'? " NODES);
    assert_error(state, 1, 3, 5, "unknown node 'paragraph'", NODES);
}

static void test_wrong_types(void **state)
{
    parse_fails(state,
                "page: {size: A4, margin: 14mm}\n"
                "body:\n"
                "  - grid:\n"
                "      columns: four\n"
                "      repeat: stats\n"
                "      item: {stat: {icon: \"{icon}\", value: \"{value}\", label: \"{label}\"}}\n"
                "  - spacer: tall\n"
                "  - box: {padding: [1mm, 2mm, 3mm]}\n",
                3);
    assert_error(state, 0, 4, 16, "'columns' must be a whole number, not 'four'",
                 "write digits, such as 4");
    assert_error(state, 1, 7, 13, "'height' must be a length, not 'tall'", LENGTH_HINT);
    assert_error(state, 2, 8, 20, "'padding' must be one, two or four lengths", EDGES_HINT);
}

static void test_more_wrong_types(void **state)
{
    parse_fails(state,
                "body:\n"
                "  - box: {content: hello}\n"
                "  - band: {bleed: maybe}\n"
                "  - list: {items: one}\n"
                "  - text: {value: [a, b]}\n"
                "  - box: {padding: {top: 1mm}}\n"
                "  - stat: hello\n"
                "  - list: {marker: star, items: [a]}\n"
                "  - row: {valign: middle}\n",
                8);
    assert_error(state, 0, 2, 20, "'content' must be a list of nodes, not text",
                 "write each node on a line of its own starting with '- '");
    assert_error(state, 1, 3, 19, "unknown bleed 'maybe'",
                 "'bleed' takes one of: false, true, no, yes");
    assert_error(state, 2, 4, 19, "'items' must be a list, not text",
                 "write each item on a line starting with '- '");
    assert_error(state, 3, 5, 19, "'value' must be text, not a list", NULL);
    assert_error(state, 4, 6, 20, "'padding' must be one, two or four lengths", EDGES_HINT);
    assert_error(state, 5, 7, 11, "'stat' takes a mapping of properties, not text",
                 "see layouts/README.md for its keys");
    assert_error(state, 6, 8, 20, "unknown marker 'star'",
                 "'marker' takes one of: bullet, number, none");
    assert_error(state, 7, 9, 19, "unknown valign 'middle'",
                 "'valign' takes one of: top, center, bottom");
}

static void test_numbers_out_of_range(void **state)
{
    parse_fails(state,
                "body:\n"
                "  - grid: {columns: 0, content: []}\n"
                "  - grid: {columns: 13, content: []}\n"
                "  - heading: {value: x, level: 4}\n"
                "  - spacer: -2mm\n"
                "  - spacer: 4m\n",
                5);
    assert_error(state, 0, 2, 21, "'columns' must be between 1 and 12, not 0", NULL);
    assert_error(state, 1, 3, 21, "'columns' must be between 1 and 12, not 13", NULL);
    assert_error(state, 2, 4, 32, "'level' must be between 1 and 3, not 4", NULL);
    assert_error(state, 3, 5, 13, "'height' must be between 0 and 3.5m, not '-2mm'", NULL);
    assert_error(state, 4, 6, 13, "'height' must be a length, not '4m'", LENGTH_HINT);
}

static void test_width_errors(void **state)
{
    parse_fails(state,
                "body:\n"
                "  - text: {value: a, width: 150%}\n"
                "  - text: {value: b, width: 0%}\n"
                "  - text: {value: c, width: wide}\n"
                "  - text: {value: d, width: \"%\"}\n",
                4);
    assert_error(state, 0, 2, 29, "'width' must be between 0% and 100%, not '150%'",
                 "write a share such as 40%");
    assert_error(state, 1, 3, 29, "'width' must be between 0% and 100%, not '0%'",
                 "write a share such as 40%");
    assert_error(state, 2, 4, 29, "'width' must be a length, not 'wide'", LENGTH_HINT);
    assert_error(state, 3, 5, 29, "'width' must be a length, not '%'", LENGTH_HINT);
}

static void test_unknown_style(void **state)
{
    parse_fails(state,
                "body:\n"
                "  - text: {value: \"{programme.title}\", style: titel}\n"
                "  - stat: {value: \"1\", label: x, number-style: huge}\n",
                2);
    assert_error(state, 0, 2, 47, "unknown style 'titel'", "did you mean 'title'? " STYLES);
    assert_error(state, 1, 3, 48, "unknown style 'huge'", STYLES);
}

static void test_unknown_colour(void **state)
{
    parse_fails(state,
                "body:\n"
                "  - box: {fill: primray}\n"
                "  - rule: {color: \"#12\"}\n"
                "  - stat: {value: \"1\", label: x, border: acent}\n",
                3);
    assert_error(state, 0, 2, 17, "unknown colour 'primray'", "did you mean 'primary'? " COLOURS);
    assert_error(state, 1, 3, 19, "unknown colour '#12'", COLOURS);
    assert_error(state, 2, 4, 42, "unknown colour 'acent'", "did you mean 'accent'? " COLOURS);
}

static void test_grid_repeat_without_item(void **state)
{
    parse_fails(state,
                "body:\n"
                "  - grid:\n"
                "      repeat: stats\n",
                1);
    assert_error(state, 0, 2, 5, "a grid that repeats over 'stats' needs an 'item'",
                 "add 'item:' with the node drawn for each row");
}

static void test_grid_repeat_and_content(void **state)
{
    parse_fails(state,
                "body:\n"
                "  - grid:\n"
                "      repeat: stats\n"
                "      item: {text: \"{x}\"}\n"
                "      content: [{text: a}]\n",
                1);
    assert_error(state, 0, 2, 5, "a grid takes either 'repeat' with 'item' or 'content'",
                 "keep 'repeat' and 'item', or the written-out cells, not both");
}

static void test_list_repeat_and_items(void **state)
{
    parse_fails(state,
                "body:\n"
                "  - list:\n"
                "      repeat: stats\n"
                "      item: \"{x}\"\n"
                "      items: [a]\n",
                1);
    assert_error(state, 0, 2, 5, "a list takes either 'repeat' with 'item' or 'items'",
                 "keep 'repeat' and 'item', or the written-out cells, not both");
}

static void test_grid_item_without_repeat(void **state)
{
    parse_fails(state,
                "body:\n"
                "  - grid:\n"
                "      item: {text: \"{x}\"}\n",
                1);
    assert_error(state, 0, 2, 5, "a grid with an 'item' needs 'repeat'",
                 "add 'repeat: TABLE' naming a table of the data folder");
}

static void test_list_without_items(void **state)
{
    parse_fails(state,
                "body:\n"
                "  - list: {marker: number}\n"
                "  - list:\n"
                "  - list:\n"
                "      repeat: achievements\n",
                3);
    assert_error(state, 0, 2, 5, "a list needs items",
                 "add 'items:' with one line per item, or 'repeat:' and 'item:'");
    assert_error(state, 1, 3, 5, "a list needs items",
                 "add 'items:' with one line per item, or 'repeat:' and 'item:'");
    assert_error(state, 2, 4, 5, "a list that repeats over 'achievements' needs an 'item'",
                 "add 'item: \"{column}\"'");
}

static void test_text_without_value(void **state)
{
    parse_fails(state,
                "body:\n"
                "  - text: {style: body}\n"
                "  - heading: {level: 1}\n"
                "  - text:\n"
                "  - heading: {}\n",
                4);
    assert_error(state, 0, 2, 5, "a text needs a 'value'", "add 'value: \"...\"'");
    assert_error(state, 1, 3, 5, "a heading needs a 'value'", "add 'value: \"...\"'");
    assert_error(state, 2, 4, 5, "a text needs a 'value'", "add 'value: \"...\"'");
    assert_error(state, 3, 5, 5, "a heading needs a 'value'", "add 'value: \"...\"'");
}

static void test_explicit_empty_text(void **state)
{
    /* An empty string written out is a value, unlike an empty key. */
    fs_layout *layout = parse_ok(state, "body:\n"
                                        "  - text: \"\"\n");
    assert_int_equal(body_node(layout, 0, "text")->value->count, 0);
}

static void test_stat_without_label_or_value(void **state)
{
    parse_fails(state,
                "body:\n"
                "  - stat: {value: \"3\"}\n"
                "  - stat: {label: people}\n"
                "  - stat:\n",
                3);
    const char *hint = "a stat needs 'value' (the number) and 'label'";
    assert_error(state, 0, 2, 5, "a stat needs a 'label'", hint);
    assert_error(state, 1, 3, 5, "a stat needs a 'value'", hint);
    assert_error(state, 2, 4, 5, "a stat needs a 'value'", hint);
}

static void test_node_with_two_keys(void **state)
{
    parse_fails(state,
                "body:\n"
                "  - text: Hello\n"
                "    style: body\n"
                "  - Hello\n"
                "  - [a, b]\n",
                3);
    assert_error(state, 0, 2, 5,
                 "expected one node (a mapping with one key), found a mapping with several keys",
                 ONE_NODE);
    assert_error(state, 1, 4, 5, "expected one node (a mapping with one key), found text",
                 ONE_NODE);
    assert_error(state, 2, 5, 5, "expected one node (a mapping with one key), found a list",
                 ONE_NODE);
}

static void test_placeholder_error_points_into_layout(void **state)
{
    parse_fails(state,
                "body:\n"
                "  - text: \"Total {x, nuber}\"\n"
                "  - text: Total {x\n",
                2);
    assert_error(state, 0, 2, 22, "unknown format 'nuber'",
                 "did you mean 'number'? formats: {name, number}, {name, number, percent}, "
                 "{name, date, long}, {n, plural, one {...} other {...}}, {text, markdown}, {code, "
                 "verbatim}");
    assert_error(state, 1, 3, 17, "unterminated placeholder",
                 "close the placeholder with '}', or write '{' as '{' in apostrophes: '{'");
}

static void test_every_error_reported(void **state)
{
    /* One pass reports the problems of every node, in document order,
     * nested ones included. */
    parse_fails(state,
                "body:\n"
                "  - text: {value: a, colour: primary}\n"
                "  - box:\n"
                "      content:\n"
                "        - spacer: high\n"
                "        - heading: {value: b, level: 9}\n"
                "footer:\n"
                "  - rule: {height: thick}\n",
                4);
    assert_error(
        state, 0, 2, 22, "unknown key 'colour' in a text",
        "did you mean 'color'? a text takes: color, width, span, value, style, align, when, "
        "keep-with-next");
    assert_error(state, 1, 5, 19, "'height' must be a length, not 'high'", LENGTH_HINT);
    assert_error(state, 2, 6, 38, "'level' must be between 1 and 3, not 9", NULL);
    assert_error(state, 3, 8, 20, "'height' must be a length, not 'thick'", LENGTH_HINT);
}

/* ---- errors in the file and at the top level ------------------------- */

static void test_yaml_syntax_error(void **state)
{
    /* Reported where the unclosed quote opens, not at the end of the file. */
    parse_fails(state,
                "page: {size: A4, margin: 14mm}\n"
                "body:\n"
                "  - heading: \"Key figures\n"
                "  - text: Hello\n",
                1);
    assert_error(state, 0, 3, 14,
                 "invalid YAML: found unexpected end of stream while scanning a quoted scalar",
                 SYNTAX_HINT);
}

static void test_yaml_syntax_error_without_context(void **state)
{
    parse_fails(state, "body: a: b\n", 1);
    assert_error(state, 0, 1, 8, "invalid YAML: mapping values are not allowed in this context",
                 SYNTAX_HINT);
}

static void test_empty_file(void **state)
{
    static const char *const empty[] = {"", "\n\n", "# nothing but a comment\n"};
    for (size_t i = 0; i < sizeof empty / sizeof empty[0]; i++) {
        ctx *c = *state;
        assert_null(parse(state, empty[i]));
        assert_int_equal(fs_diags_errors(c->diags), i + 1);
        assert_error(state, i, 1, 1, "the file is empty; expected a mapping of keys",
                     "start from an example in layouts/");
    }
}

static void test_root_not_a_mapping(void **state)
{
    parse_fails(state, "- text: a\n", 1);
    assert_error(state, 0, 1, 1,
                 "a layout must be a mapping with 'page', 'theme' and 'body', not a list",
                 "start from layouts/brief/layout.yaml");
}

static void test_aliases_refused(void **state)
{
    parse_fails(state,
                "body:\n"
                "  - text: &greeting Hello\n"
                "  - text: *greeting\n",
                1);
    /* The document keeps no place for the alias: the error points at the
     * anchored node, which is what the reader reached twice. */
    assert_error(state, 0, 2, 11, "YAML anchors and aliases are not supported",
                 "write the repeated part out in full where it is needed");
}

static void test_alias_bomb_refused(void **state)
{
    /* Nine levels of nine aliases: 9^9 nodes once expanded. */
    char text[4096] = "a0: &a0 [x, x, x, x, x, x, x, x, x]\n";
    for (int level = 1; level < 9; level++) {
        size_t used = strlen(text);
        used += (size_t)snprintf(text + used, sizeof text - used, "a%d: &a%d [", level, level);
        for (int i = 0; i < 9; i++)
            used += (size_t)snprintf(text + used, sizeof text - used, "%s*a%d", i ? ", " : "",
                                     level - 1);
        snprintf(text + used, sizeof text - used, "]\n");
    }
    parse_fails(state, text, 1);
    assert_error(state, 0, 1, 5, "YAML anchors and aliases are not supported",
                 "write the repeated part out in full where it is needed");
}

/* "body: " followed by depth nested flow lists; the outermost list is at
 * depth 1 below the root mapping. */
static char *nested_lists(int depth)
{
    char *text = malloc((size_t)depth * 2 + 16);
    assert_non_null(text);
    char *at = text + sprintf(text, "body: ");
    memset(at, '[', (size_t)depth);
    memset(at + depth, ']', (size_t)depth);
    strcpy(at + 2 * depth, "\n");
    return text;
}

static void test_nesting_64_levels_read(void **state)
{
    char *text = nested_lists(64);
    fs_layout *layout = parse(state, text);
    free(text);
    /* Deep enough to read; the body then holds a list instead of a node. */
    assert_null(layout);
    assert_error(state, 0, 1, 8, "expected one node (a mapping with one key), found a list",
                 ONE_NODE);
}

static void test_nesting_deeper_than_64_refused(void **state)
{
    char *text = nested_lists(64 + 1);
    fs_layout *layout = parse(state, text);
    free(text);
    assert_null(layout);
    assert_error(state, 0, 1, 7 + 64, "nesting is deeper than 64 levels",
                 "flatten the layout: nest fewer boxes");
}

static void test_nesting_10000_levels_refused(void **state)
{
    ctx *c = *state;
    char *text = nested_lists(10000);
    fs_layout *layout = parse(state, text);
    free(text);
    assert_null(layout);
    assert_int_equal(fs_diags_count(c->diags), 1);
    assert_error(state, 0, 1, 7 + 64, "nesting is deeper than 64 levels",
                 "flatten the layout: nest fewer boxes");
}

static void test_nested_boxes_too_deep(void **state)
{
    /* Each box adds three levels (list, node, properties): 25 are too many. */
    char text[8192] = "body:\n";
    size_t used = strlen(text);
    for (int i = 0; i < 25; i++)
        used += (size_t)snprintf(text + used, sizeof text - used, "%*s- box:\n%*scontent:\n", 4 * i,
                                 "", 4 * i + 4, "");
    snprintf(text + used, sizeof text - used, "%*s- text: deep\n", 100, "");
    parse_fails(state, text, 1);
    ctx *c = *state;
    assert_string_equal(fs_diags_at(c->diags, 0)->message, "nesting is deeper than 64 levels");
}

static void test_missing_body(void **state)
{
    parse_fails(state, "page: {size: A4}\n", 1);
    assert_error(state, 0, 1, 1, "the layout has no 'body'", "add 'body:' with the page's nodes");
}

static void test_body_not_a_list(void **state)
{
    parse_fails(state,
                "body:\n"
                "  text: Hello\n"
                "footer: Contact us\n",
                2);
    assert_error(state, 0, 2, 3, "'body' must be a list of nodes, not a mapping",
                 "write each node on a line of its own starting with '- '");
    assert_error(state, 1, 3, 9, "'footer' must be a list of nodes, not text",
                 "write each node on a line of its own starting with '- '");
}

static void test_unknown_top_level_key(void **state)
{
    parse_fails(state,
                "page: {size: A4}\n"
                "bdy:\n"
                "  - text: a\n",
                2);
    assert_error(
        state, 0, 2, 1, "unknown key 'bdy' in a layout",
        "did you mean 'body'? a layout takes: page, theme, metadata, body, header, footer, "
        "first-page, back-page, tables, missing");
    assert_error(state, 1, 1, 1, "the layout has no 'body'", "add 'body:' with the page's nodes");
}

static void test_page_errors(void **state)
{
    parse_fails(state,
                "page: {size: A3, margins: 1cm, margin: [1mm, 2mm, 3mm]}\n"
                "body: []\n",
                3);
    assert_error(state, 0, 1, 14, "unknown size 'A3'",
                 "did you mean 'A4'? 'size' takes one of: A4, Letter, A5");
    assert_error(state, 1, 1, 18, "unknown key 'margins' in page",
                 "did you mean 'margin'? page takes: size, margin, gap, pages");
    assert_error(state, 2, 1, 40, "'margin' must be one, two or four lengths", EDGES_HINT);
}

static void test_page_and_metadata_not_mappings(void **state)
{
    parse_fails(state,
                "page: A4\n"
                "metadata: [title]\n"
                "body: []\n",
                2);
    assert_error(state, 0, 1, 7, "'page' must be a mapping, not text",
                 "write page: {size: A4, margin: 14mm}");
    assert_error(state, 1, 2, 11, "'metadata' must be a mapping, not a list",
                 "write metadata: {title: \"...\"}");
}

static void test_metadata_unknown_key(void **state)
{
    parse_fails(state,
                "metadata:\n"
                "  titel: Brief\n"
                "  author: \"{a.b\"\n"
                "body: []\n",
                2);
    assert_error(state, 0, 2, 3, "unknown key 'titel' in metadata",
                 "did you mean 'title'? metadata takes: title, subject, author, keywords");
    assert_error(state, 1, 3, 12, "unterminated placeholder",
                 "close the placeholder with '}', or write '{' as '{' in apostrophes: '{'");
}

/* ---- the theme ------------------------------------------------------- */

static void test_theme_missing_file(void **state)
{
    ctx *c = *state;
    parse_fails(state, "theme: nope.yaml\nbody: []\n", 1);
    char path[256];
    snprintf(path, sizeof path, "%s/nope.yaml", c->dir);
    assert_error_in(state, 0, path, 0, 0, "cannot read: No such file or directory",
                    "check the path");

    /* Without 'theme:', theme.yaml next to the layout. */
    unlink(c->theme_path);
    assert_null(parse(state, "body: []\n"));
    assert_int_equal(fs_diags_errors(c->diags), 2);
    assert_error_in(state, 1, c->theme_path, 0, 0, "cannot read: No such file or directory",
                    "check the path");
}

static void test_theme_not_text(void **state)
{
    parse_fails(state, "theme: [a, b]\nbody: []\n", 1);
    assert_error(state, 0, 1, 8, "'theme' must be text, not a list", NULL);
}

static void test_theme_unknown_colour_in_style(void **state)
{
    ctx *c = *state;
    write_file(c->dir, "theme.yaml",
               "colors:\n"
               "  primary: \"#0B4F6C\"\n"
               "fonts:\n"
               "  sans: Inter\n"
               "styles:\n"
               "  body:\n"
               "    font: sans\n"
               "    color: primry\n"
               "  note: {font: sans, color: \"#zzzzzz\"}\n");
    parse_fails(state, "body: []\n", 2);
    assert_theme_error(state, 0, 8, 12, "unknown colour 'primry'",
                       "did you mean 'primary'? " THEME_COLOUR);
    assert_theme_error(state, 1, 9, 29, "unknown colour '#zzzzzz'", THEME_COLOUR);
}

static void test_theme_bad_colour_definition(void **state)
{
    ctx *c = *state;
    write_file(c->dir, "theme.yaml",
               "colors:\n"
               "  primary: blue\n"
               "  accent: [1, 2, 3]\n"
               "fonts: {sans: Inter}\n"
               "styles: {body: {font: sans}}\n");
    parse_fails(state, "body: []\n", 2);
    assert_theme_error(state, 0, 2, 12, "colour 'primary' must be a hex value",
                       "write colours as hex: \"#1d5c96\"");
    assert_theme_error(state, 1, 3, 11, "colour 'accent' must be a hex value",
                       "write colours as hex: \"#1d5c96\"");
}

static void test_theme_style_without_font(void **state)
{
    ctx *c = *state;
    write_file(c->dir, "theme.yaml",
               "colors: {}\n"
               "fonts: {sans: Inter}\n"
               "styles:\n"
               "  body:\n"
               "    size: 9pt\n"
               "  title:\n"
               "    font: sans\n"
               "  note:\n"
               "    inherit: title\n"
               "    font: serif\n");
    parse_fails(state, "body: []\n", 2);
    assert_theme_error(state, 0, 4, 3, "style 'body' names no font",
                       "add 'font: sans' (a role from 'fonts:')");
    assert_theme_error(state, 1, 10, 11, "unknown font role 'serif'",
                       "name a font role defined under 'fonts:', such as 'sans'");
}

static void test_theme_unknown_style_to_inherit(void **state)
{
    ctx *c = *state;
    /* A style inherits only from one defined above it. */
    write_file(c->dir, "theme.yaml",
               "colors: {}\n"
               "fonts: {sans: Inter}\n"
               "styles:\n"
               "  caption: {inherit: bdy, size: 7pt}\n"
               "  note: {inherit: body}\n"
               "  body: {font: sans}\n");
    parse_fails(state, "body: []\n", 2);
    assert_theme_error(state, 0, 4, 22, "unknown style 'bdy' to inherit from",
                       "a style inherits from one defined above it");
    assert_theme_error(state, 1, 5, 19, "unknown style 'body' to inherit from",
                       "a style inherits from one defined above it");
}

static void test_theme_inherit(void **state)
{
    fs_layout *layout = parse_ok(state, "body: []\n");
    const fs_style *body = fs_theme_style(layout->theme, "body");
    assert_non_null(body);
    assert_string_equal(body->family, "Inter");
    assert_near(body->size, 9);
    assert_int_equal(body->weight, 400);
    assert_near(body->line_height, 1.3);
    assert_near(body->min_scale, 0.85);

    /* stat-label: body's font and colour, its own size and name. */
    const fs_style *label = fs_theme_style(layout->theme, "stat-label");
    assert_non_null(label);
    assert_string_equal(label->name, "stat-label");
    assert_string_equal(label->family, "Inter");
    assert_near(label->size, 7);
    assert_near(label->color.r, body->color.r);
    assert_near(label->color.b, body->color.b);
    assert_at(label->pos, 26, 3);

    /* caption writes 'inherit' after 'size': its own keys still win. */
    const fs_style *caption = fs_theme_style(layout->theme, "caption");
    assert_near(caption->size, 7);
    assert_near(caption->color.r, 0xD9 / 255.0);
    assert_near(caption->color.g, 0x66 / 255.0);

    const fs_style *heading = fs_theme_style(layout->theme, "heading");
    assert_int_equal(heading->weight, 700);
    assert_int_equal(fs_theme_style(layout->theme, "title")->weight, 800);
    assert_null(fs_theme_style(layout->theme, "nope"));
    assert_string_equal(fs_theme_icon_family(layout->theme), "Material Icons");
}

static void test_theme_overrides_white(void **state)
{
    /* A theme's own white replaces the built-in one, and is listed once. */
    ctx *c = *state;
    write_file(c->dir, "theme.yaml",
               "colors:\n"
               "  white: \"#FFFFF0\"\n"
               "fonts: {sans: Inter}\n"
               "styles: {body: {font: sans, color: white}}\n");
    fs_layout *layout = parse_ok(state, "body: []\n");
    fs_rgba white;
    assert_true(fs_theme_color(layout->theme, "white", &white));
    assert_near(white.b, 0xF0 / 255.0);
    assert_near(fs_theme_style(layout->theme, "body")->color.b, 0xF0 / 255.0);
    assert_true(fs_theme_color(layout->theme, "black", &white));

    parse_fails(state, "body: [{box: {fill: whte}}]\n", 1);
    assert_error(state, 0, 1, 21, "unknown colour 'whte'",
                 "did you mean 'white'? use a colour of the theme (white, black) or a hex value "
                 "such as \"#1d5c96\"");
}

static void test_theme_sections_and_keys(void **state)
{
    ctx *c = *state;
    write_file(c->dir, "theme.yaml",
               "colours:\n"
               "  primary: \"#0B4F6C\"\n"
               "fonts: {sans: Inter}\n"
               "styles: {body: {font: sans}}\n");
    parse_fails(state, "body: []\n", 2);
    assert_theme_error(state, 0, 1, 1, "the theme has no 'colors' section",
                       "see layouts/README.md, 'Themes'");
    assert_theme_error(state, 1, 1, 1, "unknown key 'colours' in a theme",
                       "did you mean 'colors'? a theme takes: colors, fonts, styles, icons, "
                       "icon-folder, chart, logo, caption-gap, fallback");
}

static void test_theme_chart_look(void **state)
{
    ctx *c = *state;
    char theme[2048];
    snprintf(theme, sizeof theme,
             "%s"
             "chart:\n"
             "  color: primary\n"
             "  track: \"#E5E7EB\"\n"
             "  palette: [accent, primary, \"#7A5C00\"]\n"
             "  thickness: 5pt\n"
             "  label-style: stat-label\n"
             "  value-style: heading\n",
             default_theme);
    write_file(c->dir, "theme.yaml", theme);
    fs_layout *layout = parse_ok(state, "body:\n"
                                        "  - chart:\n"
                                        "      type: timeline\n"
                                        "      repeat: phases\n"
                                        "      value: \"{period}\"\n"
                                        "      title: \"{title}\"\n"
                                        "      colors: palette\n"
                                        "  - chart: {type: bar, repeat: t, value: \"{v}\", colors: "
                                        "[accent, \"#123456\"], icon: \"{icon}\"}\n");
    const fs_chart_look *look = fs_theme_chart(layout->theme);
    assert_true(look->has_color && look->has_track);
    assert_float_equal(look->color.r, 0x0B / 255.0, 1e-9);
    assert_float_equal(look->track.g, 0xE7 / 255.0, 1e-9);
    assert_int_equal(look->palette_count, 3);
    assert_float_equal(look->palette[2].r, 0x7A / 255.0, 1e-9);
    assert_near(look->thickness, 5);
    assert_string_equal(look->label_style, "stat-label");
    assert_string_equal(look->value_style, "heading");
    assert_null(look->number_style);
    fs_node *chart = body_node(layout, 0, "chart");
    assert_true(chart->as.chart.palette);
    assert_string_equal(chart->as.chart.title->source, "{title}");
    assert_null(chart->style); /* the theme's look decides */
    assert_null(chart->number_style);
    chart = body_node(layout, 1, "chart");
    assert_false(chart->as.chart.palette);
    assert_int_equal(chart->as.chart.color_count, 2);
    assert_string_equal(chart->as.chart.colors[1], "#123456");
    assert_non_null(chart->icon);
}

static void test_theme_chart_errors(void **state)
{
    ctx *c = *state;
    char theme[2048];
    snprintf(theme, sizeof theme,
             "%s"
             "chart:\n"
             "  colour: primary\n"
             "  palette: accent\n"
             "  label-style: labels\n"
             "  track: greyish\n",
             default_theme);
    write_file(c->dir, "theme.yaml", theme);
    parse_fails(state, "body: []\n", 4);
    assert_theme_error(state, 0, 34, 3, "unknown key 'colour' in the chart section",
                       "did you mean 'color'? the chart section takes: color, track, palette, "
                       "thickness, label-style, value-style, number-style");
    assert_theme_error(state, 1, 35, 12, "'palette' must be a list of 1 to 256 colours",
                       "write the colours in order: palette: [accent, primary, \"#7A5C00\"]");
    assert_theme_error(state, 2, 36, 16, "unknown style 'labels' for label-style",
                       "styles of this theme: body, heading, title, stat-number, stat-label, "
                       "caption");
    assert_theme_error(state, 3, 37, 10, "unknown colour 'greyish'", THEME_COLOUR);
}

static void test_chart_colors_errors(void **state)
{
    parse_fails(state,
                "body:\n"
                "  - chart: {type: bar, repeat: t, value: \"{v}\", colors: palette}\n"
                "  - chart: {type: bar, repeat: t, value: \"{v}\", colors: [accent, pink]}\n"
                "  - chart: {type: bar, repeat: t, value: \"{v}\", colors: accent}\n",
                3);
    assert_error(state, 0, 2, 57,
                 "'colors: palette' takes the theme's chart palette, and the theme has none",
                 "add 'chart: {palette: [accent, primary]}' to the theme, or list the colours "
                 "here");
    assert_error(state, 1, 3, 66, "unknown colour 'pink'", COLOURS);
    assert_error(state, 2, 4, 57, "'colors' must be a list of colours or the word palette",
                 "write colors: [accent, primary], or colors: palette for the theme's");
}

static void test_theme_unknown_icon_role(void **state)
{
    ctx *c = *state;
    write_file(c->dir, "theme.yaml",
               "colors: {}\n"
               "fonts: {sans: Inter, icons: Material Icons}\n"
               "icons: symbols\n"
               "styles: {body: {font: sans}}\n");
    parse_fails(state, "body: []\n", 1);
    assert_theme_error(state, 0, 3, 8, "unknown font role 'symbols' for icons",
                       "name a font role defined under 'fonts:', such as 'icons'");
}

/* 'fallback' keeps the theme's order, which pango tries them in, and its
 * families join the ones the font set must have, after the roles'. */
static void test_theme_fallbacks(void **state)
{
    ctx *c = *state;
    write_file(c->dir, "theme.yaml",
               "colors: {}\n"
               "fonts: {sans: Inter}\n"
               "fallback:\n"
               "  han: Noto Sans CJK SC\n"
               "  Arab: Noto Sans Arabic\n"
               "  emoji: Noto Color Emoji\n"
               "styles: {body: {font: sans}}\n");
    fs_layout *layout = parse_ok(state, "body: []\n");
    const fs_fallbacks *fallbacks = fs_theme_fallbacks(layout->theme);
    assert_int_equal(fallbacks->count, 3);
    assert_string_equal(fallbacks->fonts[0].script, "han");
    assert_string_equal(fallbacks->fonts[1].script, "Arab");
    assert_string_equal(fallbacks->fonts[2].family, "Noto Color Emoji");
    assert_int_equal(fallbacks->fonts[1].pos.line, 5);
    assert_int_equal(fallbacks->fonts[1].pos.column, 9);
    assert_string_equal(fallbacks->families, "Noto Sans CJK SC,Noto Sans Arabic,Noto Color Emoji");
    assert_int_equal(fs_theme_family_count(layout->theme), 4);
    fs_pos where;
    assert_string_equal(fs_theme_family(layout->theme, 3, &where), "Noto Color Emoji");
    assert_int_equal(where.line, 6);
}

static void test_theme_without_fallbacks(void **state)
{
    fs_layout *layout = parse_ok(state, "body: []\n");
    assert_int_equal(fs_theme_fallbacks(layout->theme)->count, 0);
    assert_string_equal(fs_theme_fallbacks(layout->theme)->families, "");
}

static void test_theme_fallback_errors(void **state)
{
    ctx *c = *state;
    write_file(c->dir, "theme.yaml",
               "colors: {}\n"
               "fonts: {sans: Inter}\n"
               "fallback:\n"
               "  arabc: Noto Sans Arabic\n"
               "  han: [Noto Sans CJK SC]\n"
               "styles: {body: {font: sans}}\n");
    parse_fails(state, "body: []\n", 2);
    assert_theme_error(state, 0, 4, 3, "unknown script 'arabc' in 'fallback'",
                       "did you mean 'arabic'? write a Unicode script name, such as arabic, "
                       "bengali, devanagari, ethiopic or han, or emoji");
}

static void test_theme_style_errors(void **state)
{
    ctx *c = *state;
    write_file(c->dir, "theme.yaml",
               "colors: {}\n"
               "fonts: {sans: Inter}\n"
               "styles:\n"
               "  body:\n"
               "    font: sans\n"
               "    colour: black\n"
               "    weight: bolder\n"
               "    line-height: 5\n");
    parse_fails(state, "body: []\n", 3);
    assert_theme_error(state, 0, 6, 5, "unknown key 'colour' in a style",
                       "did you mean 'color'? a style takes: font, size, weight, italic, color, "
                       "line-height, space-after, space-before, tracking, uppercase, hyphenate, "
                       "shrink, inherit");
    assert_theme_error(state, 1, 7, 13, "unknown weight 'bolder'",
                       "did you mean 'bold'? 'weight' takes one of: thin, extralight, light, "
                       "regular, medium, semibold, bold, extrabold, black");
    assert_theme_error(state, 2, 8, 18, "'line-height' must be between 0.8 and 3, not 5", NULL);
}

/* ---- long documents: flow, markdown, quote, image, break ------------- */

static void test_flow(void **state)
{
    fs_layout *layout = parse_ok(state, "body:\n"
                                        "  - flow:\n"
                                        "      columns: 2\n"
                                        "      gap: 7mm\n"
                                        "      content:\n"
                                        "        - text: a\n"
                                        "        - break: column\n"
                                        "        - text: b\n"
                                        "  - flow: [{text: c}]\n");
    fs_node *flow = body_node(layout, 0, "flow");
    assert_int_equal(flow->kind, FS_NODE_FLOW);
    assert_at(flow->pos, 2, 5);
    assert_int_equal(flow->columns, 2);
    assert_near(flow->gap, 7 * MM);
    assert_int_equal(flow->content_count, 3);
    assert_string_equal(flow->content[0]->value->source, "a");
    assert_string_equal(flow->content[1]->kind_name, "break");
    assert_int_equal(flow->content[1]->kind, FS_NODE_BREAK);
    assert_true(flow->content[1]->as.brk.column);
    assert_at(flow->content[1]->pos, 7, 11);

    /* The short form is the content; one column unless told. */
    flow = body_node(layout, 1, "flow");
    assert_int_equal(flow->columns, 1);
    assert_true(flow->gap < 0);
    assert_int_equal(flow->content_count, 1);
    assert_string_equal(flow->content[0]->value->source, "c");
}

static void test_break(void **state)
{
    fs_layout *layout = parse_ok(state, "body:\n"
                                        "  - break: page\n"
                                        "  - break: column\n"
                                        "  - break: {break: column, when: \"{x}\"}\n");
    fs_node *page = body_node(layout, 0, "break");
    assert_int_equal(page->kind, FS_NODE_BREAK);
    assert_false(page->as.brk.column);
    assert_null(page->when);
    assert_true(body_node(layout, 1, "break")->as.brk.column);
    fs_node *when = body_node(layout, 2, "break");
    assert_true(when->as.brk.column);
    assert_non_null(when->when);
    assert_string_equal(when->when->source, "{x}");
}

static void test_markdown(void **state)
{
    fs_layout *layout = parse_ok(state, "body:\n"
                                        "  - markdown: \"{summary}\"\n"
                                        "  - markdown: {file: intro.md}\n"
                                        "  - markdown: {file: \"{doc}.md\", style: caption}\n"
                                        "  - markdown: {value: \"**{programme.lead}**\"}\n");
    fs_node *cell = body_node(layout, 0, "markdown");
    assert_int_equal(cell->kind, FS_NODE_MARKDOWN);
    assert_string_equal(cell->value->source, "{summary}");
    assert_null(cell->as.markdown.file);
    assert_string_equal(cell->style, "body");

    fs_node *file = body_node(layout, 1, "markdown");
    assert_null(file->value);
    assert_string_equal(file->as.markdown.file->source, "intro.md");
    assert_false(file->as.markdown.file->has_fields);

    file = body_node(layout, 2, "markdown");
    assert_true(file->as.markdown.file->has_fields);
    assert_string_equal(file->as.markdown.file->segments[0].column, "doc");
    assert_at(file->as.markdown.file->segments[0].pos, 4, 23);
    assert_string_equal(file->style, "caption");

    assert_string_equal(body_node(layout, 3, "markdown")->value->source, "**{programme.lead}**");
}

static void test_markdown_value_or_file(void **state)
{
    parse_fails(state,
                "body:\n"
                "  - markdown: {value: \"{text}\", file: intro.md}\n"
                "  - markdown: {style: body}\n",
                2);
    const char *hint = "write markdown: \"{column}\" for a cell, or markdown: {file: NAME.md} for "
                       "a file of the data folder";
    assert_error(state, 0, 2, 5, "a markdown node takes 'value' or 'file', not both", hint);
    assert_error(state, 1, 3, 5, "a markdown node needs 'value' or 'file'", hint);
}

static void test_quote(void **state)
{
    fs_layout *layout =
        parse_ok(state, "body:\n"
                        "  - quote: \"Change starts with us.\"\n"
                        "  - quote: {value: \"“{quote}”\", by: \"{quote_by}\", style: caption}\n");
    fs_node *quote = body_node(layout, 0, "quote");
    assert_int_equal(quote->kind, FS_NODE_QUOTE);
    assert_string_equal(quote->value->source, "Change starts with us.");
    assert_null(quote->as.quote.by);
    assert_string_equal(quote->style, "quote");

    quote = body_node(layout, 1, "quote");
    assert_string_equal(quote->value->source, "“{quote}”");
    assert_string_equal(quote->as.quote.by->source, "{quote_by}");
    assert_at(quote->as.quote.by->segments[0].pos, 3, 38);
    assert_string_equal(quote->style, "caption");

    parse_fails(state, "body:\n  - quote: {by: someone}\n", 1);
    assert_error(state, 0, 2, 5, "a quote needs a 'value'", "add 'value: \"...\"'");
}

static void test_image(void **state)
{
    fs_layout *layout = parse_ok(state, "body:\n"
                                        "  - image: images/map.png\n"
                                        "  - image:\n"
                                        "      src: \"{image}\"\n"
                                        "      caption: \"{caption}\"\n"
                                        "      alt: \"A map of {place}\"\n"
                                        "      fit: cover\n"
                                        "      height: 42mm\n"
                                        "      width: 50%\n"
                                        "  - image: {src: a.svg, fit: contain}\n");
    fs_node *image = body_node(layout, 0, "image");
    assert_int_equal(image->kind, FS_NODE_IMAGE);
    assert_string_equal(image->as.image.src->source, "images/map.png");
    assert_null(image->as.image.caption);
    assert_null(image->alt);
    assert_false(image->as.image.cover);
    assert_near(image->height, 0);
    assert_string_equal(image->style, "caption");

    image = body_node(layout, 1, "image");
    assert_string_equal(image->as.image.src->segments[0].column, "image");
    assert_at(image->as.image.src->segments[0].pos, 4, 13);
    assert_string_equal(image->as.image.caption->source, "{caption}");
    assert_string_equal(image->alt->source, "A map of {place}");
    assert_true(image->as.image.cover);
    assert_near(image->height, 42 * MM);
    assert_int_equal(image->width_kind, FS_WIDTH_PERCENT);
    assert_near(image->width, 50);

    assert_false(body_node(layout, 2, "image")->as.image.cover);
}

static void test_image_needs_src(void **state)
{
    parse_fails(state,
                "body:\n"
                "  - image: {caption: \"A map\", fit: cover}\n",
                1);
    assert_error(state, 0, 2, 5, "an image needs 'src'",
                 "add 'src: images/NAME.png' (a path in the data folder)");
}

static void test_unknown_fit_and_break(void **state)
{
    parse_fails(state,
                "body:\n"
                "  - image: {src: a.png, fit: covr}\n"
                "  - image: {src: a.png, fit: stretch}\n"
                "  - break: colum\n"
                "  - break: {break: line}\n",
                4);
    assert_error(state, 0, 2, 30, "unknown fit 'covr'",
                 "did you mean 'cover'? 'fit' takes one of: contain, cover");
    assert_error(state, 1, 3, 30, "unknown fit 'stretch'", "'fit' takes one of: contain, cover");
    assert_error(state, 2, 4, 12, "unknown break 'colum'",
                 "did you mean 'column'? 'break' takes one of: page, column");
    assert_error(state, 3, 5, 20, "unknown break 'line'", "'break' takes one of: page, column");
}

static void test_keys_of_the_new_nodes(void **state)
{
    /* What each new kind takes: a flow and a Markdown document span their
     * column, so they take no width; a break takes nothing else. */
    parse_fails(state,
                "body:\n"
                "  - flow: {width: 50%}\n"
                "  - markdown: {value: a, width: 50%}\n"
                "  - quote: {value: a, fit: cover}\n"
                "  - break: {break: page, keep-with-next: true}\n"
                "  - text: {value: a, by: b}\n",
                5);
    assert_error(state, 0, 2, 12, "unknown key 'width' in a flow",
                 "a flow takes: content, color, gap, columns, when, keep-with-next");
    assert_error(state, 1, 3, 26, "unknown key 'width' in a markdown",
                 "a markdown takes: color, value, file, style, when, keep-with-next");
    assert_error(state, 2, 4, 23, "unknown key 'fit' in a quote",
                 "a quote takes: color, width, span, value, by, style, when, keep-with-next");
    assert_error(state, 3, 5, 26, "unknown key 'keep-with-next' in a break",
                 "a break takes: break, when");
    assert_error(state, 4, 6, 22, "unknown key 'by' in a text",
                 "a text takes: color, width, span, value, style, align, when, keep-with-next");
}

static void test_unknown_key_in_an_image(void **state)
{
    /* "an image", as the other messages about images say. */
    parse_fails(state, "body:\n  - image: {src: a.png, captoin: x}\n", 1);
    ctx *c = *state;
    const fs_diag *diag = fs_diags_at(c->diags, 0);
    assert_at(diag->pos, 2, 25);
    assert_string_equal(diag->hint,
                        "did you mean 'caption'? an image takes: bleed, width, span, src, "
                        "caption, credit, alt, fit, focus, style, align, height, when, "
                        "keep-with-next");
    assert_string_equal(diag->message, "unknown key 'captoin' in an image");
}

/* ---- where, when, keep-with-next ------------------------------------- */

static void test_where(void **state)
{
    fs_layout *layout = parse_ok(state, "body:\n"
                                        "  - column:\n"
                                        "      repeat: case_studies\n"
                                        "      content:\n"
                                        "        - heading: \"{title}\"\n"
                                        "        - list:\n"
                                        "            repeat: key_results\n"
                                        "            where: {case: \"{id}\", lang: en}\n"
                                        "            item: \"{text, markdown}\"\n"
                                        "        - grid:\n"
                                        "            repeat: photos\n"
                                        "            where: {case: \"{id}\"}\n"
                                        "            item: {image: \"{file}\"}\n");
    fs_node *column = body_node(layout, 0, "column");
    assert_string_equal(column->repeat, "case_studies");
    assert_int_equal(column->where_count, 0);
    assert_null(column->item);
    assert_int_equal(column->content_count, 3);

    fs_node *list = column->content[1];
    assert_string_equal(list->repeat, "key_results");
    assert_int_equal(list->where_count, 2);
    assert_string_equal(list->where[0].column, "case");
    assert_at(list->where[0].pos, 8, 21);
    assert_string_equal(list->where[0].value->source, "{id}");
    assert_string_equal(list->where[0].value->segments[0].column, "id");
    assert_at(list->where[0].value->segments[0].pos, 8, 28);
    assert_string_equal(list->where[1].column, "lang");
    assert_string_equal(list->where[1].value->source, "en");
    assert_int_equal(list->value->segments[0].format, FS_FORMAT_MARKDOWN);

    fs_node *grid = column->content[2];
    assert_int_equal(grid->where_count, 1);
    assert_string_equal(grid->item->kind_name, "image");
    assert_string_equal(grid->item->as.image.src->source, "{file}");
}

static void test_where_errors(void **state)
{
    parse_fails(state,
                "body:\n"
                "  - column: {where: {id: \"1\"}, content: [{text: a}]}\n"
                "  - grid: {where: {id: \"1\"}, content: [{text: a}]}\n"
                "  - list: {repeat: t, where: [id], item: x}\n"
                "  - list: {repeat: t, where: {id: \"{x\"}, item: x}\n"
                "  - text: {value: a, where: {id: \"1\"}}\n",
                5);
    const char *needs = "add 'repeat: TABLE', the table whose rows 'where' picks";
    assert_error(state, 0, 2, 5, "'where' needs 'repeat'", needs);
    assert_error(state, 1, 3, 5, "'where' needs 'repeat'", needs);
    assert_error(state, 2, 4, 30, "'where' must be a mapping of columns to values, not a list",
                 "write where: {COLUMN: \"{outer_column}\"}, e.g. where: {case: \"{id}\"}");
    assert_error(state, 3, 5, 36, "unterminated placeholder",
                 "close the placeholder with '}', or write '{' as '{' in apostrophes: '{'");
    assert_error(
        state, 4, 6, 22, "unknown key 'where' in a text",
        "did you mean 'when'? a text takes: color, width, span, value, style, align, when, "
        "keep-with-next");
}

static void test_when_and_keep_with_next(void **state)
{
    fs_layout *layout =
        parse_ok(state, "body:\n"
                        "  - quote: {value: \"{quote}\", by: \"{by}\", when: \"{quote}\"}\n"
                        "  - text: {value: \"{place}\", keep-with-next: true}\n"
                        "  - box: {when: \"{a}{b}\", keep-with-next: false, content: []}\n"
                        "  - text: x\n");
    fs_node *quote = body_node(layout, 0, "quote");
    assert_non_null(quote->when);
    assert_string_equal(quote->when->source, "{quote}");
    assert_at(quote->when->segments[0].pos, 2, 50);
    assert_false(quote->keep_with_next);
    fs_node *place = body_node(layout, 1, "text");
    assert_true(place->keep_with_next);
    assert_null(place->when);
    fs_node *box = body_node(layout, 2, "box");
    assert_int_equal(box->when->count, 2);
    assert_false(box->keep_with_next);
    assert_null(body_node(layout, 3, "text")->when);

    parse_fails(state, "body:\n  - text: {value: a, keep-with-next: yes please}\n", 1);
    ctx *c = *state;
    assert_at(fs_diags_at(c->diags, 0)->pos, 2, 38);
}

/* ---- running heads ---------------------------------------------------- */

static void test_header_and_first_page(void **state)
{
    fs_layout *layout = parse_ok(state, "body:\n"
                                        "  - text: a\n"
                                        "header:\n"
                                        "  - text: {value: \"**{brief.title}**\", style: caption}\n"
                                        "  - rule: {color: accent}\n"
                                        "footer:\n"
                                        "  - text: \"Page {page} of {pages}\"\n"
                                        "first-page:\n"
                                        "  header: []\n"
                                        "  footer:\n"
                                        "    - text: \"{brief.website}\"\n");
    assert_non_null(layout->header);
    assert_int_equal(layout->header->kind, FS_NODE_COLUMN);
    assert_int_equal(layout->header->content_count, 2);
    assert_at(layout->header->content[0]->pos, 4, 5);
    assert_string_equal(layout->header->content[1]->kind_name, "rule");
    assert_non_null(layout->footer);
    assert_string_equal(layout->footer->content[0]->value->source, "Page {page} of {pages}");
    assert_string_equal(layout->footer->content[0]->value->segments[1].column, "page");
    assert_null(layout->footer->content[0]->value->segments[1].table);

    assert_non_null(layout->first_header);
    assert_int_equal(layout->first_header->content_count, 0);
    assert_non_null(layout->first_footer);
    assert_int_equal(layout->first_footer->content_count, 1);
    assert_string_equal(layout->first_footer->content[0]->value->source, "{brief.website}");
}

static void test_no_header(void **state)
{
    fs_layout *layout = parse_ok(state, "body: [{text: a}]\n"
                                        "first-page: {footer: []}\n");
    assert_null(layout->header);
    assert_null(layout->footer);
    assert_null(layout->first_header);
    assert_non_null(layout->first_footer);
    assert_int_equal(layout->first_footer->content_count, 0);
}

static void test_first_page_errors(void **state)
{
    parse_fails(state,
                "body: [{text: a}]\n"
                "first-page: {header: [], footr: [], body: []}\n",
                2);
    assert_error(state, 0, 2, 26, "unknown key 'footr' in first-page",
                 "did you mean 'footer'? first-page takes: header, footer");
    assert_error(state, 1, 2, 37, "unknown key 'body' in first-page",
                 "first-page takes: header, footer");

    ctx *c = *state;
    fs_diags_clear(c->diags);
    parse_fails(state,
                "body: [{text: a}]\n"
                "first-page: []\n"
                "header: {text: a}\n",
                2);
    /* Each part is read in turn: the header (line 3) before first-page. */
    assert_error(state, 0, 3, 9, "'header' must be a list of nodes, not a mapping",
                 "write each node on a line of its own starting with '- '");
    assert_error(state, 1, 2, 13, "'first-page' must be a mapping, not a list",
                 "write first-page: {header: []}");

    fs_diags_clear(c->diags);
    parse_fails(state,
                "body: [{text: a}]\n"
                "first-page:\n"
                "  header:\n"
                "    - txt: a\n",
                1);
    assert_error(state, 0, 4, 7, "unknown node 'txt'", "did you mean 'text'? " NODES);
}

static void test_theme_space_before(void **state)
{
    ctx *c = *state;
    write_file(c->dir, "theme.yaml",
               "colors: {}\n"
               "fonts: {sans: Inter}\n"
               "styles:\n"
               "  body: {font: sans, size: 9pt}\n"
               "  heading: {font: sans, size: 12pt, space-before: 6mm}\n"
               "  h3: {inherit: heading, size: 10pt}\n");
    fs_layout *layout = parse_ok(state, "body: []\n");
    assert_near(fs_theme_style(layout->theme, "heading")->space_before, 6 * MM);
    assert_near(fs_theme_style(layout->theme, "h3")->space_before, 6 * MM);
    assert_near(fs_theme_style(layout->theme, "body")->space_before, 0);

    write_file(c->dir, "theme.yaml",
               "colors: {}\n"
               "fonts: {sans: Inter}\n"
               "styles:\n"
               "  body: {font: sans, space-before: lots}\n");
    parse_fails(state, "body: []\n", 1);
    assert_theme_error(state, 0, 4, 36, "'space-before' must be a length, not 'lots'", LENGTH_HINT);
}

typedef struct {
    const char *texts[16];
    size_t count;
} seen_texts;

static void visit_text(void *context, const fs_template *text)
{
    seen_texts *seen = context;
    assert_true(seen->count < 16);
    seen->texts[seen->count++] = text->source;
}

static void test_each_text_of_new_nodes(void **state)
{
    /* Translators see captions, alt texts, attributions and running heads;
     * a Markdown node is translated block by block when bound, and icon
     * names and picture paths are not texts. */
    fs_layout *layout = parse_ok(state, "body:\n"
                                        "  - markdown: \"Some *Markdown*\"\n"
                                        "  - quote: {value: \"A quote\", by: \"Someone\"}\n"
                                        "  - image: {src: a.png, caption: \"A caption\", alt: "
                                        "\"An alt\"}\n"
                                        "header: [{text: \"A header\"}]\n"
                                        "footer: [{text: \"A footer\"}]\n"
                                        "first-page: {header: [{text: \"A title page\"}]}\n");
    seen_texts seen = {0};
    fs_layout_each_text(layout, visit_text, &seen);
    const char *expected[] = {"A quote",  "Someone",  "A caption",   "An alt",
                              "A header", "A footer", "A title page"};
    assert_int_equal(seen.count, sizeof expected / sizeof expected[0]);
    for (size_t i = 0; i < seen.count; i++)
        assert_string_equal(seen.texts[i], expected[i]);
}

#define TEST(name) cmocka_unit_test_setup_teardown(name, setup, teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        TEST(test_minimal_layout),
        TEST(test_empty_body),
        TEST(test_theme_named_in_layout),
        TEST(test_box),
        TEST(test_empty_box),
        TEST(test_band),
        TEST(test_row_and_column),
        TEST(test_grid_repeat_item),
        TEST(test_grid_with_content),
        TEST(test_text),
        TEST(test_heading),
        TEST(test_stat),
        TEST(test_grid_hero_span_and_last_row),
        TEST(test_grid_hero_and_span_errors),
        TEST(test_pictures_and_back_page),
        TEST(test_icon_node),
        TEST(test_icon_node_errors),
        TEST(test_list_items),
        TEST(test_list_repeat_item),
        TEST(test_spacer),
        TEST(test_rule),
        TEST(test_page_sizes),
        TEST(test_page_size_errors),
        TEST(test_margins),
        TEST(test_length_units),
        TEST(test_widths),
        TEST(test_metadata),
        TEST(test_footer),
        TEST(test_unknown_key_did_you_mean),
        TEST(test_key_of_another_kind),
        TEST(test_unknown_node_kind),
        TEST(test_wrong_types),
        TEST(test_more_wrong_types),
        TEST(test_numbers_out_of_range),
        TEST(test_width_errors),
        TEST(test_unknown_style),
        TEST(test_unknown_colour),
        TEST(test_grid_repeat_without_item),
        TEST(test_grid_item_without_repeat),
        TEST(test_grid_repeat_and_content),
        TEST(test_list_repeat_and_items),
        TEST(test_list_without_items),
        TEST(test_text_without_value),
        TEST(test_explicit_empty_text),
        TEST(test_stat_without_label_or_value),
        TEST(test_node_with_two_keys),
        TEST(test_placeholder_error_points_into_layout),
        TEST(test_every_error_reported),
        TEST(test_yaml_syntax_error),
        TEST(test_yaml_syntax_error_without_context),
        TEST(test_empty_file),
        TEST(test_root_not_a_mapping),
        TEST(test_aliases_refused),
        TEST(test_alias_bomb_refused),
        TEST(test_nesting_64_levels_read),
        TEST(test_nesting_deeper_than_64_refused),
        TEST(test_nesting_10000_levels_refused),
        TEST(test_nested_boxes_too_deep),
        TEST(test_missing_body),
        TEST(test_body_not_a_list),
        TEST(test_unknown_top_level_key),
        TEST(test_page_errors),
        TEST(test_page_and_metadata_not_mappings),
        TEST(test_metadata_unknown_key),
        TEST(test_theme_missing_file),
        TEST(test_theme_not_text),
        TEST(test_theme_unknown_colour_in_style),
        TEST(test_theme_bad_colour_definition),
        TEST(test_theme_style_without_font),
        TEST(test_theme_unknown_style_to_inherit),
        TEST(test_theme_inherit),
        TEST(test_theme_overrides_white),
        TEST(test_theme_sections_and_keys),
        TEST(test_theme_chart_look),
        TEST(test_theme_chart_errors),
        TEST(test_chart_colors_errors),
        TEST(test_theme_unknown_icon_role),
        TEST(test_theme_style_errors),
        TEST(test_theme_fallbacks),
        TEST(test_theme_without_fallbacks),
        TEST(test_theme_fallback_errors),
        TEST(test_flow),
        TEST(test_break),
        TEST(test_markdown),
        TEST(test_markdown_value_or_file),
        TEST(test_quote),
        TEST(test_image),
        TEST(test_image_needs_src),
        TEST(test_unknown_fit_and_break),
        TEST(test_keys_of_the_new_nodes),
        TEST(test_unknown_key_in_an_image),
        TEST(test_where),
        TEST(test_where_errors),
        TEST(test_when_and_keep_with_next),
        TEST(test_header_and_first_page),
        TEST(test_no_header),
        TEST(test_first_page_errors),
        TEST(test_theme_space_before),
        TEST(test_each_text_of_new_nodes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
