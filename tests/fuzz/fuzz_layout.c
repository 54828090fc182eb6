/* libFuzzer target for the layout reader, and through it the YAML checks,
 * the theme loader and the placeholder parser: any bytes must load or be
 * refused with diagnostics, never crash, leak or read out of bounds. The
 * bytes are read as DIR/layout.yaml, DIR a temporary folder made once that
 * holds a copy of layouts/brief/theme.yaml, so colours and styles are checked
 * against a real theme. A loaded layout is walked so that every node is
 * touched and the promises of the reader (a validated tree) are checked.
 * Run it from the repository root, or set FS_FUZZ_THEME to the theme. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "load/fs_layout.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char dir[] = "/tmp/fs_fuzz_layout_XXXXXX";
static char layout_path[64];
static char theme_path[64];

static void remove_dir(void)
{
    unlink(theme_path);
    rmdir(dir);
}

static void fail_setup(const char *what, const char *path)
{
    fprintf(stderr,
            "fuzz_layout: cannot %s %s; run from the repository root or set "
            "FS_FUZZ_THEME\n",
            what, path);
    exit(1);
}

/* Makes the folder and copies the theme into it, once per process. */
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    const char *source = getenv("FS_FUZZ_THEME");
    if (!source)
        source = "layouts/brief/theme.yaml";
    FILE *in = fopen(source, "rb");
    if (!in)
        fail_setup("read", source);
    if (!mkdtemp(dir))
        fail_setup("create", dir);
    snprintf(layout_path, sizeof layout_path, "%s/layout.yaml", dir);
    snprintf(theme_path, sizeof theme_path, "%s/theme.yaml", dir);
    atexit(remove_dir);
    FILE *out = fopen(theme_path, "wb");
    if (!out)
        fail_setup("write", theme_path);
    char chunk[4096];
    size_t got;
    while ((got = fread(chunk, 1, sizeof chunk, in)) > 0)
        if (fwrite(chunk, 1, got, out) != got)
            fail_setup("write", theme_path);
    fclose(in);
    if (fclose(out) != 0)
        fail_setup("write", theme_path);
    return 0;
}

static void check_pos(fs_pos pos)
{
    if (!pos.file || pos.line < 1 || pos.column < 1)
        __builtin_trap(); /* everything read has a place in the file */
}

static size_t walk_template(const fs_template *t)
{
    if (!t || !t->source || (t->count && !t->segments))
        __builtin_trap();
    size_t sum = strlen(t->source);
    for (size_t i = 0; i < t->count; i++) {
        const fs_segment *s = &t->segments[i];
        sum += strlen(s->text);
        if (s->is_field) {
            check_pos(s->pos);
            if (!s->column || !*s->column || (s->table && !*s->table))
                __builtin_trap(); /* names are never empty */
        }
    }
    return sum;
}

static void check_color(const fs_theme *theme, const char *spec)
{
    fs_rgba color;
    if (spec && !fs_theme_color(theme, spec, &color))
        __builtin_trap(); /* colours were checked against the theme */
}

static void check_length(double points)
{
    if (!(points >= 0 && points <= 10000))
        __builtin_trap();
}

static size_t walk_node(const fs_layout *layout, const fs_node *node, int depth)
{
    if (!node || !node->kind_name || depth > 64)
        __builtin_trap(); /* nesting is bounded by the YAML check */
    check_pos(node->pos);
    check_color(layout->theme, node->fill);
    check_color(layout->theme, node->color);
    check_color(layout->theme, node->border);
    check_length(node->border_width);
    check_length(node->radius);
    check_length(node->padding.top);
    check_length(node->padding.right);
    check_length(node->padding.bottom);
    check_length(node->padding.left);
    check_length(node->height);
    if (node->width_kind == FS_WIDTH_PERCENT && !(node->width > 0 && node->width <= 100))
        __builtin_trap();
    const char *styles[] = {node->style, node->number_style,
                            node->kind == FS_NODE_STAT ? node->as.stat.label_style : NULL};
    for (size_t i = 0; i < 3; i++)
        if (styles[i] && !fs_theme_style(layout->theme, styles[i]))
            __builtin_trap(); /* every style a node names is in the theme */
    size_t sum = strlen(node->kind_name);
    switch (node->kind) {
    case FS_NODE_GRID:
        if ((node->repeat != NULL) != (node->item != NULL) || node->columns < 1 ||
            node->columns > 12)
            __builtin_trap();
        break;
    case FS_NODE_TEXT:
        if (!node->value || node->as.text.level < 1 || node->as.text.level > 3)
            __builtin_trap();
        break;
    case FS_NODE_STAT:
        if (!node->value || !node->label || node->as.stat.number != node->value)
            __builtin_trap();
        break;
    case FS_NODE_LIST:
        if (node->repeat ? !node->value : !node->as.list.items)
            __builtin_trap();
        break;
    case FS_NODE_ICON:
        if (!node->icon || !(node->height > 0))
            __builtin_trap(); /* an icon node names its icon, at a height */
        break;
    default:
        break;
    }
    if (node->value)
        sum += walk_template(node->value);
    if (node->icon)
        sum += walk_template(node->icon);
    if (node->label)
        sum += walk_template(node->label);
    for (size_t i = 0; node->kind == FS_NODE_LIST && i < node->as.list.item_count; i++)
        sum += walk_template(node->as.list.items[i]);
    for (size_t i = 0; i < node->content_count; i++)
        sum += walk_node(layout, node->content[i], depth + 1);
    if (node->item)
        sum += walk_node(layout, node->item, depth + 1);
    return sum;
}

static size_t walk(const fs_layout *layout)
{
    if (!layout->theme || !layout->body || !(layout->page.width > 0))
        __builtin_trap();
    size_t sum = walk_node(layout, layout->body, 0);
    if (layout->footer)
        sum += walk_node(layout, layout->footer, 0);
    const fs_template *metadata[] = {layout->title, layout->subject, layout->author,
                                     layout->keywords};
    for (size_t i = 0; i < 4; i++)
        if (metadata[i])
            sum += walk_template(metadata[i]);
    return sum;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fs_arena *arena = fs_arena_create();
    fs_diags *diags = fs_diags_create();
    if (arena && diags) {
        fs_layout *layout = fs_layout_parse(layout_path, (const char *)data, size, arena, diags);
        if (layout && fs_diags_errors(diags) != 0)
            __builtin_trap(); /* a layout with errors is never returned */
        if (layout)
            (void)walk(layout);
        else if (fs_diags_errors(diags) == 0)
            __builtin_trap(); /* a refused layout must say why */
        for (size_t i = 0; i < fs_diags_count(diags); i++) {
            const fs_diag *diag = fs_diags_at(diags, i);
            if (!diag->message[0])
                __builtin_trap();
            (void)strlen(diag->hint ? diag->hint : "");
        }
    }
    fs_diags_free(diags);
    fs_arena_free(arena);
    return 0;
}
