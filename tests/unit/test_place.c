/* Placement with a fake measurer: every character is half its size wide and
 * a line is size x line-height tall, so rows, grids, stat groups and pages
 * are tested without fonts. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "place/fs_place.h"

static bool fake_measure(void *context, const fs_text *text, fs_extent *out)
{
    (void)context;
    double size = text->size;
    double natural = (double)strlen(text->markup) * size * 0.5;
    int lines = 1;
    if (text->width > 0 && natural > text->width)
        lines = (int)ceil(natural / text->width);
    double line = size * text->style->line_height;
    *out = (fs_extent){.width = text->width > 0 && natural > text->width ? text->width : natural,
                       .height = lines * line,
                       .baseline = size * 0.8,
                       .ink_top = size * 0.1,
                       .ink_bottom = size * 0.8,
                       .lines = lines,
                       .foreign =
                           strpbrk(text->markup, "\x80\x81\x82\x83\x84\x85\x86\x87\x88\x89"
                                                 "\x8a\x8b\x8c\x8d\x8e\x8f\xd8\xd9\xe2") != NULL};
    return true;
}

/* The fake's fonts: the style's draws ASCII; the characters from the first
 * byte beyond ASCII to the last are one stretch, drawn by "Fallback",
 * except that no font has U+25A1 (a box). */
static int fake_font_runs(void *context, const fs_text *text, fs_font_run *runs, int capacity)
{
    (void)context;
    const char *from = text->markup, *to = NULL;
    while (*from && (unsigned char)*from < 0x80)
        from++;
    for (const char *c = from; *c; c++)
        if ((unsigned char)*c >= 0x80)
            to = c + 1;
    if (!to || capacity < 1)
        return 0;
    fs_font_run *run = &runs[0];
    *run = (fs_font_run){0};
    snprintf(run->text, sizeof run->text, "%.*s", (int)(to - from), from);
    if (strstr(run->text, "\xe2\x96\xa1"))
        run->missing = 0x25A1;
    else
        snprintf(run->family, sizeof run->family, "Fallback");
    return 1;
}

static int fake_line_bottoms(void *context, const fs_text *text, double *bottoms, int capacity)
{
    fs_extent extent;
    fake_measure(context, text, &extent);
    double line = text->size * text->style->line_height;
    for (int i = 0; i < extent.lines && i < capacity; i++)
        bottoms[i] = line * (i + 1);
    return extent.lines;
}

static const fs_measurer measurer = {NULL, fake_measure, fake_line_bottoms, fake_font_runs};
static const fs_page_spec page = {
    .width = 600, .height = 800, .margin = {50, 50, 50, 50}, .gap = -1};

typedef struct {
    fs_arena *arena;
    fs_diags *diags;
} fixture;

static int setup(void **state)
{
    static fixture f;
    f.arena = fs_arena_create();
    f.diags = fs_diags_create();
    *state = &f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    fs_arena_free(f->arena);
    fs_diags_free(f->diags);
    return 0;
}

static fs_text_style style_of(double size)
{
    return (fs_text_style){.family = "Fake",
                           .weight = 400,
                           .size = size,
                           .line_height = 1.25,
                           .min_scale = 0.6,
                           .color = {0, 0, 0, 1}};
}

static fs_box *new_box(fixture *f, fs_box_kind kind)
{
    fs_box *box = fs_arena_alloc(f->arena, sizeof *box);
    box->kind = kind;
    box->gap = -1;
    if (kind == FS_BOX_GRID)
        box->as.grid.columns = 2;
    if (kind == FS_BOX_FLOW)
        box->as.flow.columns = 2;
    box->pos = fs_pos_at("layout.yaml", 7, 3);
    return box;
}

static fs_box *text(fixture *f, const char *markup, double size)
{
    fs_box *box = new_box(f, FS_BOX_TEXT);
    box->as.text.paragraphs = fs_arena_alloc(f->arena, sizeof(char *));
    box->as.text.paragraphs[0] = markup;
    box->as.text.paragraph_count = 1;
    box->as.text.style = style_of(size);
    return box;
}

static fs_box *stat(fixture *f, const char *number)
{
    fs_box *box = new_box(f, FS_BOX_STAT);
    box->as.stat.number = number;
    box->as.stat.label = "label";
    box->as.stat.number_style = style_of(20);
    box->as.stat.label_style = style_of(8);
    box->as.stat.icon.has = true;
    box->as.stat.icon.codepoint = 0xe7ef;
    box->as.stat.icon.family = "Icons";
    return box;
}

static fs_box *with_children(fixture *f, fs_box_kind kind, fs_box **children, size_t count)
{
    fs_box *box = new_box(f, kind);
    box->children = fs_arena_array(f->arena, count, sizeof(fs_box *));
    memcpy(box->children, children, count * sizeof(fs_box *));
    box->child_count = count;
    return box;
}

static fs_display *place_body(fixture *f, fs_box **blocks, size_t count, fs_box *footer)
{
    fs_document doc = {.body = with_children(f, FS_BOX_STACK, blocks, count),
                       .footer = footer,
                       .first_footer = footer};
    return fs_place(&doc, &page, &measurer, f->arena, f->diags);
}

/* The first text op whose markup is exactly s. */
static const fs_op *find_text(const fs_display *display, size_t page_index, const char *s)
{
    const fs_page_ops *ops = &display->pages[page_index];
    for (size_t i = 0; i < ops->count; i++)
        if (ops->ops[i].kind == FS_OP_TEXT && strcmp(ops->ops[i].text.markup, s) == 0)
            return &ops->ops[i];
    return NULL;
}

static void text_is_placed_inside_the_margins(void **state)
{
    fixture *f = *state;
    fs_box *blocks[] = {text(f, "hello", 10)};
    fs_display *display = place_body(f, blocks, 1, NULL);
    assert_non_null(display);
    assert_int_equal(display->page_count, 1);
    const fs_op *op = find_text(display, 0, "hello");
    assert_non_null(op);
    assert_float_equal(op->x, 50, 1e-9);
    assert_float_equal(op->y, 50, 1e-9);
    assert_float_equal(op->w, 500, 1e-9);
}

static void stack_puts_the_gap_between_blocks(void **state)
{
    fixture *f = *state;
    fs_box *blocks[] = {text(f, "one", 10), text(f, "two", 10)};
    fs_display *display = place_body(f, blocks, 2, NULL);
    const fs_op *second = find_text(display, 0, "two");
    assert_float_equal(second->y, 50 + 12.5 + FS_GAP_STACK, 1e-9);
}

static void row_shares_width_between_auto_children(void **state)
{
    fixture *f = *state;
    fs_box *left = text(f, "left", 10), *right = text(f, "right", 10);
    fs_box *fixed = text(f, "fixed", 10);
    fixed->width_kind = FS_WIDTH_PERCENT;
    fixed->width = 20;
    fs_box *children[] = {left, fixed, right};
    fs_box *row = with_children(f, FS_BOX_ROW, children, 3);
    row->gap = 10;
    fs_box *blocks[] = {row};
    fs_display *display = place_body(f, blocks, 1, NULL);
    /* 500 wide less two gaps: 480; the fixed child takes 20% of it (96), the
     * two others share the remaining 384. */
    assert_float_equal(find_text(display, 0, "left")->w, 192, 1e-9);
    assert_float_equal(find_text(display, 0, "fixed")->x, 50 + 192 + 10, 1e-9);
    assert_float_equal(find_text(display, 0, "fixed")->w, 96, 1e-9);
    assert_float_equal(find_text(display, 0, "right")->x, 50 + 192 + 10 + 96 + 10, 1e-9);
}

static void frames_in_a_row_stretch_to_the_tallest(void **state)
{
    fixture *f = *state;
    fs_box *short_text[] = {text(f, "a", 10)};
    fs_box *long_text[] = {text(f, "a long text that wraps over many lines in a narrow box", 10)};
    fs_box *a = with_children(f, FS_BOX_FRAME, short_text, 1);
    fs_box *b = with_children(f, FS_BOX_FRAME, long_text, 1);
    a->has_fill = b->has_fill = true;
    fs_box *children[] = {a, b};
    fs_box *blocks[] = {with_children(f, FS_BOX_ROW, children, 2)};
    fs_display *display = place_body(f, blocks, 1, NULL);
    const fs_page_ops *ops = &display->pages[0];
    double heights[2];
    size_t rects = 0;
    for (size_t i = 0; i < ops->count; i++)
        if (ops->ops[i].kind == FS_OP_RECT && rects < 2)
            heights[rects++] = ops->ops[i].h;
    assert_int_equal(rects, 2);
    assert_float_equal(heights[0], heights[1], 1e-9);
    assert_true(heights[0] > 12.5);
}

static void grid_numbers_share_the_size_that_fits_the_widest(void **state)
{
    fixture *f = *state;
    fs_box *cells[] = {stat(f, "2,029,052"), stat(f, "71"), stat(f, "1,839"), stat(f, "9")};
    fs_box *grid = with_children(f, FS_BOX_GRID, cells, 4);
    grid->as.grid.columns = 4;
    grid->gap = 20;
    fs_box *blocks[] = {grid};
    fs_display *display = place_body(f, blocks, 1, NULL);
    assert_non_null(display);
    /* Cells are (500 - 60) / 4 = 110 wide. At size n the widest number is
     * 9 x 0.5n wide and the disc with its gap 1.95n: 6.45n <= 110, so
     * n = 17.05 at most, drawn at the whole hundredth below: 85% of 20. */
    double scale = 0.85;
    for (size_t i = 0; i < 4; i++)
        assert_float_equal(find_text(display, 0, cells[i]->as.stat.number)->text.size, 20 * scale,
                           1e-9);
    assert_int_equal(fs_diags_count(f->diags), 0);
}

static void numbers_that_fit_keep_their_size(void **state)
{
    fixture *f = *state;
    fs_box *cells[] = {stat(f, "71"), stat(f, "9")};
    fs_box *blocks[] = {with_children(f, FS_BOX_GRID, cells, 2)};
    fs_display *display = place_body(f, blocks, 1, NULL);
    assert_float_equal(find_text(display, 0, "71")->text.size, 20, 1e-9);
    assert_float_equal(find_text(display, 0, "9")->text.size, 20, 1e-9);
}

static void numbers_never_shrink_below_the_style_limit(void **state)
{
    fixture *f = *state;
    fs_box *cells[] = {stat(f, "12,345,678,901,234,567"), stat(f, "1")};
    fs_box *grid = with_children(f, FS_BOX_GRID, cells, 2);
    grid->as.grid.columns = 4;
    fs_box *blocks[] = {grid};
    fs_display *display = place_body(f, blocks, 1, NULL);
    assert_non_null(display);
    assert_float_equal(find_text(display, 0, cells[0]->as.stat.number)->text.size, 20 * 0.6, 1e-9);
    assert_float_equal(find_text(display, 0, "1")->text.size, 20 * 0.6, 1e-9);
    assert_int_equal(fs_diags_warnings(f->diags), 1);
    const fs_diag *warning = fs_diags_at(f->diags, 0);
    assert_int_equal(warning->pos.line, 7);
    assert_non_null(strstr(warning->message, "do not fit their tiles even at 60%"));
}

static void a_stat_alone_fits_its_own_width(void **state)
{
    fixture *f = *state;
    fs_box *lone = stat(f, "123456789012");
    lone->width_kind = FS_WIDTH_FIXED;
    lone->width = 150;
    fs_box *blocks[] = {lone};
    fs_display *display = place_body(f, blocks, 1, NULL);
    /* 12 characters: 6n of text and 1.95n of disc and gap in 150, so
     * n = 18.87 at most, drawn at the whole hundredth below: 94% of 20. */
    assert_float_equal(find_text(display, 0, "123456789012")->text.size, 20 * 0.94, 1e-9);
}

static void icon_disc_is_centred_on_the_figures(void **state)
{
    fixture *f = *state;
    fs_box *blocks[] = {stat(f, "71")};
    fs_display *display = place_body(f, blocks, 1, NULL);
    const fs_op *number = find_text(display, 0, "71");
    const fs_op *disc = NULL;
    for (size_t i = 0; i < display->pages[0].count; i++)
        if (display->pages[0].ops[i].kind == FS_OP_CIRCLE)
            disc = &display->pages[0].ops[i];
    assert_non_null(disc);
    double size = number->text.size;
    double figures_centre = number->y + (0.1 + 0.8) / 2 * size;
    assert_float_equal(disc->y + disc->h / 2, figures_centre, 1e-9);
    assert_float_equal(disc->w, 1.5 * size, 1e-9);
}

/* The first op of kind on the first page, or NULL. */
static const fs_op *find_kind(const fs_display *display, fs_op_kind kind)
{
    for (size_t i = 0; i < display->pages[0].count; i++)
        if (display->pages[0].ops[i].kind == kind)
            return &display->pages[0].ops[i];
    return NULL;
}

static void the_label_runs_the_whole_width_under_the_number(void **state)
{
    fixture *f = *state;
    fs_box *tile = stat(f, "71");
    tile->as.stat.label = "a long label that would wrap beside a disc";
    fs_box *blocks[] = {tile};
    fs_display *display = place_body(f, blocks, 1, NULL);
    const fs_op *number = find_text(display, 0, "71");
    const fs_op *label = find_text(display, 0, tile->as.stat.label);
    const fs_op *disc = find_kind(display, FS_OP_CIRCLE);
    /* The number beside the disc; the label from the tile's left edge, its
     * whole width, under both. */
    assert_float_equal(number->x, 50 + 1.95 * 20, 1e-9);
    assert_float_equal(label->x, 50, 1e-9);
    assert_float_equal(label->w, 500, 1e-9);
    assert_true(label->y >= disc->y + disc->h);
    assert_true(label->y >= number->y + number->h);
}

static void an_icon_on_top_stands_above_the_number(void **state)
{
    fixture *f = *state;
    fs_box *tile = stat(f, "71");
    tile->as.stat.icon_place = FS_ICON_TOP;
    fs_box *blocks[] = {tile};
    fs_display *display = place_body(f, blocks, 1, NULL);
    const fs_op *number = find_text(display, 0, "71");
    const fs_op *disc = find_kind(display, FS_OP_CIRCLE);
    assert_float_equal(disc->x, 50, 1e-9);
    assert_float_equal(disc->y, 50, 1e-9);
    assert_float_equal(number->x, 50, 1e-9);
    assert_true(number->y >= disc->y + disc->h);
}

static void a_corner_icon_is_small_and_keeps_out_of_the_number(void **state)
{
    fixture *f = *state;
    fs_box *tile = stat(f, "71");
    tile->as.stat.icon_place = FS_ICON_CORNER;
    tile->width_kind = FS_WIDTH_FIXED;
    tile->width = 100;
    fs_box *blocks[] = {tile};
    fs_display *display = place_body(f, blocks, 1, NULL);
    const fs_op *number = find_text(display, 0, "71");
    const fs_op *icon = find_kind(display, FS_OP_ICON);
    /* No disc; the glyph, one number size, in the top right corner centred
     * on the figures; the number at the left, kept clear of it. */
    assert_null(find_kind(display, FS_OP_CIRCLE));
    assert_float_equal(icon->w, 20, 1e-9);
    assert_float_equal(icon->x + icon->w, 150, 1e-9);
    assert_float_equal(icon->y + icon->h / 2, number->y + (0.1 + 0.8) / 2 * 20, 1e-9);
    assert_float_equal(number->x, 50, 1e-9);
    assert_true(number->x + number->w <= icon->x);
}

static void no_icon_draws_neither_disc_nor_glyph(void **state)
{
    fixture *f = *state;
    fs_box *tile = stat(f, "71");
    tile->as.stat.icon_place = FS_ICON_NONE;
    fs_box *blocks[] = {tile};
    fs_display *display = place_body(f, blocks, 1, NULL);
    assert_null(find_kind(display, FS_OP_CIRCLE));
    assert_null(find_kind(display, FS_OP_ICON));
    assert_float_equal(find_text(display, 0, "71")->x, 50, 1e-9);
}

/* A hero: its style at twice the others' size, as bind makes it. */
static fs_box *hero(fixture *f, const char *number)
{
    fs_box *box = stat(f, number);
    box->as.stat.hero = true;
    box->as.stat.number_style = style_of(40);
    return box;
}

static void a_hero_spans_two_columns_and_fits_on_its_own(void **state)
{
    fixture *f = *state;
    fs_box *cells[] = {hero(f, "2,029,052"), stat(f, "71"), stat(f, "1,839"), stat(f, "102"),
                       stat(f, "9"),         stat(f, "5"),  stat(f, "2")};
    for (size_t i = 0; i < 7; i++)
        cells[i]->as.stat.icon_place = FS_ICON_NONE;
    fs_box *grid = with_children(f, FS_BOX_GRID, cells, 7);
    grid->as.grid.columns = 4;
    grid->gap = 20;
    fs_box *blocks[] = {grid};
    fs_display *display = place_body(f, blocks, 1, NULL);
    assert_non_null(display);
    /* Cells of 110: the hero takes two and their gap, 240 (its label's
     * width), and its 9 characters at 0.5n fit at 40 (180, drawn on one
     * line). The others keep 20 (3 x 10 in 110): the hero's size does not
     * shrink them, nor theirs it. */
    const fs_op *big = find_text(display, 0, "2,029,052");
    assert_float_equal(big->text.size, 40, 1e-9);
    assert_float_equal(big->w, 180, 1e-9);
    assert_float_equal(big->text.width, -1, 1e-9);
    assert_float_equal(find_text(display, 0, "label")->w, 240, 1e-9);
    assert_float_equal(find_text(display, 0, "1,839")->text.size, 20, 1e-9);
    /* 71 and 1,839 share the hero's row; 102 opens the second. */
    assert_float_equal(find_text(display, 0, "71")->x, 50 + 2 * 130, 1e-9);
    assert_float_equal(find_text(display, 0, "1,839")->x, 50 + 3 * 130, 1e-9);
    assert_float_equal(find_text(display, 0, "102")->x, 50, 1e-9);
    assert_true(find_text(display, 0, "102")->y > big->y + big->h);
}

static void numbers_and_labels_of_a_row_share_their_lines(void **state)
{
    fixture *f = *state;
    fs_box *cells[] = {hero(f, "2,029,052"), stat(f, "71"), stat(f, "9")};
    cells[1]->as.stat.icon_place = FS_ICON_TOP;
    cells[2]->as.stat.icon_place = FS_ICON_CORNER;
    fs_box *grid = with_children(f, FS_BOX_GRID, cells, 3);
    grid->as.grid.columns = 4;
    fs_box *blocks[] = {grid};
    fs_display *display = place_body(f, blocks, 1, NULL);
    assert_non_null(display);
    const fs_op *numbers[3], *labels[3];
    size_t found = 0;
    for (size_t i = 0; i < display->pages[0].count; i++) {
        const fs_op *op = &display->pages[0].ops[i];
        if (op->kind != FS_OP_TEXT)
            continue;
        if (strcmp(op->text.markup, "label") == 0)
            labels[found++ / 2] = op;
        else
            numbers[found++ / 2] = op;
    }
    assert_int_equal(found, 6);
    /* The fake's baseline is 0.8 of the size from a text's top. */
    double baseline = numbers[0]->y + 0.8 * numbers[0]->text.size;
    for (size_t i = 1; i < 3; i++) {
        assert_float_equal(numbers[i]->y + 0.8 * numbers[i]->text.size, baseline, 1e-9);
        assert_float_equal(labels[i]->y, labels[0]->y, 1e-9);
    }
}

/* The x and width of the text op drawn for each of count cells. */
static void cell_spans(const fs_display *display, fs_box **cells, size_t count, double *x,
                       double *w)
{
    for (size_t i = 0; i < count; i++) {
        const fs_op *op = find_text(display, 0, cells[i]->as.text.paragraphs[0]);
        assert_non_null(op);
        x[i] = op->x;
        w[i] = op->w;
    }
}

static void a_cell_spans_the_columns_it_asks_for(void **state)
{
    fixture *f = *state;
    fs_box *cells[] = {text(f, "wide", 10), text(f, "b", 10), text(f, "c", 10), text(f, "d", 10)};
    cells[0]->span = 2;
    cells[3]->span = 9; /* never more than the grid has */
    fs_box *grid = with_children(f, FS_BOX_GRID, cells, 4);
    grid->as.grid.columns = 3;
    grid->gap = 10;
    fs_box *blocks[] = {grid};
    fs_display *display = place_body(f, blocks, 1, NULL);
    double x[4], w[4];
    cell_spans(display, cells, 4, x, w);
    /* Columns of 160: "wide" takes two (330), b the third; c alone in its
     * row, centred; d the whole width on a row of its own. */
    assert_float_equal(x[0], 50, 1e-9);
    assert_float_equal(w[0], 330, 1e-9);
    assert_float_equal(x[1], 50 + 340, 1e-9);
    assert_float_equal(x[2], 50 + 170, 1e-9);
    assert_float_equal(w[2], 160, 1e-9);
    assert_float_equal(x[3], 50, 1e-9);
    assert_float_equal(w[3], 500, 1e-9);
}

static void an_incomplete_last_row_is_centred_stretched_or_at_the_start(void **state)
{
    fixture *f = *state;
    const fs_last_row modes[] = {FS_LAST_ROW_CENTER, FS_LAST_ROW_STRETCH, FS_LAST_ROW_START};
    /* Four columns of 110 with gaps of 20: the last row holds 2 of 4. */
    const double first_x[] = {50 + 130, 50, 50};
    const double width[] = {110, 240, 110};
    for (size_t m = 0; m < 3; m++) {
        fs_box *cells[6];
        for (size_t i = 0; i < 6; i++)
            cells[i] = text(f, fs_arena_printf(f->arena, "cell %zu.%zu", m, i), 10);
        fs_box *grid = with_children(f, FS_BOX_GRID, cells, 6);
        grid->as.grid.columns = 4;
        grid->as.grid.last_row = modes[m];
        grid->gap = 20;
        fs_box *blocks[] = {grid};
        fs_display *display = place_body(f, blocks, 1, NULL);
        double x[6], w[6];
        cell_spans(display, cells, 6, x, w);
        assert_float_equal(x[3], 50 + 3 * 130, 1e-9); /* full rows never move */
        assert_float_equal(x[4], first_x[m], 1e-9);
        assert_float_equal(w[4], width[m], 1e-9);
        assert_float_equal(x[5], first_x[m] + width[m] + 20, 1e-9);
    }
}

static void a_cell_left_out_takes_no_room(void **state)
{
    fixture *f = *state;
    fs_box *cells[] = {text(f, "a", 10), new_box(f, FS_BOX_STACK), text(f, "c", 10)};
    fs_box *grid = with_children(f, FS_BOX_GRID, cells, 3);
    grid->as.grid.last_row = FS_LAST_ROW_START;
    grid->gap = 10;
    fs_box *blocks[] = {grid};
    fs_display *display = place_body(f, blocks, 1, NULL);
    /* Two columns of 245: c comes next to a, where the left-out cell was. */
    assert_float_equal(find_text(display, 0, "c")->x, 50 + 255, 1e-9);
    assert_float_equal(find_text(display, 0, "c")->y, find_text(display, 0, "a")->y, 1e-9);
}

static void blocks_that_do_not_fit_move_to_the_next_page(void **state)
{
    fixture *f = *state;
    /* Each block is 40 lines of 12.5: 500 tall; the page has 700. */
    char *lines = fs_arena_alloc(f->arena, 4001);
    memset(lines, 'x', 4000);
    fs_box *blocks[] = {text(f, lines, 10), text(f, lines, 10), text(f, "last", 10)};
    fs_display *display = place_body(f, blocks, 3, NULL);
    assert_non_null(display);
    assert_int_equal(display->page_count, 2);
    assert_float_equal(display->pages[1].ops[0].y, 50, 1e-9);
    assert_non_null(find_text(display, 1, "last"));
}

static void a_heading_never_ends_a_page(void **state)
{
    fixture *f = *state;
    /* After 600 points of text, the heading would fit (12.5), but not with
     * the block it leads to (100): both start the next page. */
    char *lines = fs_arena_alloc(f->arena, 4801);
    memset(lines, 'x', 4800);
    lines[4800] = '\0';
    fs_box *heading = text(f, "Heading", 10);
    heading->keep_with_next = true;
    char *next = fs_arena_alloc(f->arena, 801);
    memset(next, 'y', 800);
    next[800] = '\0';
    fs_box *blocks[] = {text(f, lines, 10), heading, text(f, next, 10)};
    fs_display *display = place_body(f, blocks, 3, NULL);
    assert_int_equal(display->page_count, 2);
    const fs_op *op = find_text(display, 1, "Heading");
    assert_non_null(op);
    assert_float_equal(op->y, 50, 1e-9);
}

static void a_block_taller_than_a_page_is_an_error(void **state)
{
    fixture *f = *state;
    char *lines = fs_arena_alloc(f->arena, 10001);
    memset(lines, 'x', 10000);
    fs_box *blocks[] = {text(f, lines, 10)};
    assert_null(place_body(f, blocks, 1, NULL));
    const fs_diag *error = fs_diags_at(f->diags, 0);
    assert_int_equal(error->severity, FS_ERROR);
    assert_int_equal(error->pos.line, 7);
    assert_non_null(strstr(error->message, "taller than the space a page has"));
}

static void pages_are_capped(void **state)
{
    fixture *f = *state;
    /* Each block fills most of a page, so each starts a page of its own. */
    char *lines = fs_arena_alloc(f->arena, 4001);
    memset(lines, 'x', 4000);
    size_t count = FS_MAX_PAGES + 1;
    fs_box **blocks = fs_arena_array(f->arena, count, sizeof *blocks);
    for (size_t i = 0; i < count; i++)
        blocks[i] = text(f, lines, 10);
    assert_null(place_body(f, blocks, count, NULL));
    const fs_diag *error = fs_diags_at(f->diags, 0);
    assert_int_equal(error->pos.line, 7);
    assert_string_equal(error->message, "the document would have more than 1000 pages");
}

static void footer_sits_at_the_bottom_of_every_page(void **state)
{
    fixture *f = *state;
    char *lines = fs_arena_alloc(f->arena, 4001);
    memset(lines, 'x', 4000);
    fs_box *footer_text[] = {text(f, "footer", 10)};
    fs_box *footer = with_children(f, FS_BOX_STACK, footer_text, 1);
    fs_box *blocks[] = {text(f, lines, 10), text(f, lines, 10)};
    fs_display *display = place_body(f, blocks, 2, footer);
    assert_int_equal(display->page_count, 2);
    for (size_t i = 0; i < 2; i++) {
        const fs_op *op = find_text(display, i, "footer");
        assert_non_null(op);
        assert_float_equal(op->y, 800 - 50 - 12.5, 1e-9);
        /* Drawn after the body: the content stream follows reading order. */
        assert_ptr_equal(op, &display->pages[i].ops[display->pages[i].count - 1]);
    }
}

static void band_fill_reaches_the_page_edges(void **state)
{
    fixture *f = *state;
    fs_box *inside[] = {text(f, "title", 20)};
    fs_box *band = with_children(f, FS_BOX_FRAME, inside, 1);
    band->has_fill = band->bleed = true;
    band->padding = (fs_edges){10, 0, 10, 0};
    fs_box *blocks[] = {band};
    fs_display *display = place_body(f, blocks, 1, NULL);
    const fs_op *rect = &display->pages[0].ops[0];
    assert_int_equal(rect->kind, FS_OP_RECT);
    assert_float_equal(rect->x, 0, 1e-9);
    assert_float_equal(rect->w, 600, 1e-9);
    assert_float_equal(rect->y, 0, 1e-9);
    assert_float_equal(rect->h, 50 + 10 + 25 + 10, 1e-9);
    /* The text stays on the margin. */
    assert_float_equal(find_text(display, 0, "title")->x, 50, 1e-9);
}

static void list_items_get_markers(void **state)
{
    fixture *f = *state;
    fs_box *items[] = {text(f, "first", 10), text(f, "second", 10)};
    fs_box *list = with_children(f, FS_BOX_LIST, items, 2);
    list->as.list.style = style_of(10);
    list->as.list.marker = FS_MARKER_NUMBER;
    fs_box *blocks[] = {list};
    fs_display *display = place_body(f, blocks, 1, NULL);
    const fs_op *one = find_text(display, 0, "1."), *two = find_text(display, 0, "2.");
    assert_non_null(one);
    assert_non_null(two);
    assert_float_equal(one->y, find_text(display, 0, "first")->y, 1e-9);
    assert_float_equal(two->y, find_text(display, 0, "second")->y, 1e-9);
    assert_true(find_text(display, 0, "first")->x > one->x);
}

/* ---- flow ------------------------------------------------------------ */

/* A page whose flow columns hold ten lines of 10-point text (12.5 points
 * each): 500 points wide, two columns of 240 with a gap of 20, so 48
 * characters of the fake font make a line. */
static const fs_page_spec short_page = {
    .width = 600, .height = 225, .margin = {50, 50, 50, 50}, .gap = -1};

static const char *lines_of(fixture *f, char letter, int lines)
{
    size_t length = (size_t)lines * 48;
    char *text = fs_arena_alloc(f->arena, length + 1);
    memset(text, letter, length);
    text[length] = '\0';
    return text;
}

static fs_display *place_flow_only(fixture *f, fs_box **children, size_t count);

static fs_box *flow_of(fixture *f, fs_box **children, size_t count)
{
    fs_box *flow = with_children(f, FS_BOX_FLOW, children, count);
    flow->as.flow.columns = 2;
    flow->gap = 20;
    return flow;
}

/* Places the children followed by a paragraph long enough that the first
 * page is full, so that its columns are not balanced. */
static fs_display *place_flow(fixture *f, fs_box **children, size_t count)
{
    fs_box **all = fs_arena_array(f->arena, count + 1, sizeof *all);
    memcpy(all, children, count * sizeof *all);
    all[count] = text(f, lines_of(f, 'z', 10), 10);
    return place_flow_only(f, all, count + 1);
}

static fs_display *place_flow_only(fixture *f, fs_box **children, size_t count)
{
    fs_box *blocks[] = {flow_of(f, children, count)};
    fs_document doc = {.body = with_children(f, FS_BOX_STACK, blocks, 1)};
    return fs_place(&doc, &short_page, &measurer, f->arena, f->diags);
}

/* The ops that draw markup, in order: (page, x, y, first line, count). */
typedef struct {
    size_t page;
    double x, y;
    int first, count;
} drawn;

static size_t find_drawn(const fs_display *display, const char *markup, drawn *out, size_t max)
{
    size_t found = 0;
    for (size_t p = 0; p < display->page_count; p++)
        for (size_t i = 0; i < display->pages[p].count; i++) {
            const fs_op *op = &display->pages[p].ops[i];
            if (op->kind == FS_OP_TEXT && op->text.markup == markup && found < max)
                out[found++] = (drawn){p, op->x, op->y, op->text.first_line, op->text.line_count};
        }
    return found;
}

static void a_paragraph_splits_between_columns(void **state)
{
    fixture *f = *state;
    const char *first = lines_of(f, 'a', 7), *second = lines_of(f, 'b', 5);
    fs_box *children[] = {text(f, first, 10), text(f, second, 10)};
    fs_display *display = place_flow(f, children, 2);
    assert_non_null(display);
    assert_int_equal(display->page_count, 2);
    drawn parts[4];
    assert_int_equal(find_drawn(display, second, parts, 4), 2);
    /* Three lines at the foot of the first column, two at the top of the
     * second. */
    assert_int_equal(parts[0].first, 0);
    assert_int_equal(parts[0].count, 3);
    assert_float_equal(parts[0].x, 50, 1e-9);
    assert_float_equal(parts[0].y, 50 + 7 * 12.5, 1e-9);
    assert_int_equal(parts[1].first, 3);
    assert_int_equal(parts[1].count, 2);
    assert_float_equal(parts[1].x, 50 + 240 + 20, 1e-9);
    assert_float_equal(parts[1].y, 50, 1e-9);
}

static void no_widow_line_is_left_alone(void **state)
{
    fixture *f = *state;
    /* Three lines fit below the first paragraph, but a split of four lines
     * there would leave one alone: two move with it. */
    const char *first = lines_of(f, 'a', 7), *second = lines_of(f, 'b', 4);
    fs_box *children[] = {text(f, first, 10), text(f, second, 10)};
    fs_display *display = place_flow(f, children, 2);
    drawn parts[4];
    assert_int_equal(find_drawn(display, second, parts, 4), 2);
    assert_int_equal(parts[0].count, 2);
    assert_int_equal(parts[1].first, 2);
    assert_int_equal(parts[1].count, 2);
}

static void no_orphan_line_starts_a_paragraph(void **state)
{
    fixture *f = *state;
    /* One line is left in the first column: the paragraph starts in the
     * second, whole. */
    const char *first = lines_of(f, 'a', 9), *second = lines_of(f, 'b', 6);
    fs_box *children[] = {text(f, first, 10), text(f, second, 10)};
    fs_display *display = place_flow(f, children, 2);
    drawn parts[4];
    assert_int_equal(find_drawn(display, second, parts, 4), 1);
    assert_int_equal(parts[0].count, 0);
    assert_float_equal(parts[0].x, 50 + 260, 1e-9);
    assert_float_equal(parts[0].y, 50, 1e-9);
}

static void a_short_paragraph_moves_whole(void **state)
{
    fixture *f = *state;
    const char *first = lines_of(f, 'a', 8), *second = lines_of(f, 'b', 3);
    fs_box *children[] = {text(f, first, 10), text(f, second, 10)};
    fs_display *display = place_flow(f, children, 2);
    drawn parts[4];
    assert_int_equal(find_drawn(display, second, parts, 4), 1);
    assert_float_equal(parts[0].x, 50 + 260, 1e-9);
}

/* The bottom of the lowest op of a column of a page (x: the column's). */
static double column_bottom(const fs_display *display, size_t page_index, double x)
{
    double bottom = 0;
    for (size_t i = 0; i < display->pages[page_index].count; i++) {
        const fs_op *op = &display->pages[page_index].ops[i];
        if (op->x >= x - 15 && op->x < x + 200)
            bottom = fmax(bottom, op->y + op->h);
    }
    return bottom;
}

static fs_box *heading(fixture *f, const char *title)
{
    fs_box *box = text(f, title, 10);
    box->as.text.level = 2;
    return box;
}

static void a_heading_keeps_with_the_next_paragraph(void **state)
{
    fixture *f = *state;
    /* The heading would fit as the ninth line, but not with three lines of
     * its paragraph: it goes to the next column. The columns then end
     * level, having no gap to stretch, four lines above the page's foot
     * (the heading and its three lines): six lines of the first paragraph,
     * then its last two, the heading and three lines. */
    const char *first = lines_of(f, 'a', 8), *title = "Heading", *second = lines_of(f, 'b', 6);
    fs_box *children[] = {text(f, first, 10), heading(f, title), text(f, second, 10)};
    fs_display *display = place_flow(f, children, 3);
    drawn parts[4];
    assert_int_equal(find_drawn(display, title, parts, 4), 1);
    assert_float_equal(parts[0].x, 50 + 260, 1e-9);
    assert_float_equal(parts[0].y, 50 + 2 * 12.5, 1e-9);
    assert_int_equal(find_drawn(display, second, parts, 4), 2);
    assert_float_equal(parts[0].y, 50 + 3 * 12.5, 1e-9);
    assert_int_equal(parts[0].count, 3);
    assert_int_equal(find_drawn(display, first, parts, 4), 2);
    assert_int_equal(parts[0].count, 6);
    assert_float_equal(column_bottom(display, 0, 50), column_bottom(display, 0, 310), 1e-9);
}

static void a_heading_keeps_three_lines_or_two_items(void **state)
{
    fixture *f = *state;
    /* Four lines are left under the first paragraph: room for the heading
     * and three lines, not for two items of two lines. */
    const char *first = lines_of(f, 'a', 5), *a = lines_of(f, 'i', 2), *b = lines_of(f, 'j', 2);
    const char *text3 = lines_of(f, 'b', 6);
    fs_box *paragraph[] = {text(f, first, 10), heading(f, "Title"), text(f, text3, 10)};
    fs_display *display = place_flow(f, paragraph, 3);
    drawn parts[4];
    assert_int_equal(find_drawn(display, "Title", parts, 4), 1);
    assert_float_equal(parts[0].x, 50, 1e-9);
    fs_box *items[] = {text(f, a, 10), text(f, b, 10)};
    fs_box *list = with_children(f, FS_BOX_LIST, items, 2);
    list->as.list.marker = FS_MARKER_BULLET;
    list->as.list.style = style_of(10);
    list->gap = 0;
    fs_box *listed[] = {text(f, lines_of(f, 'a', 6), 10), heading(f, "Items"), list};
    display = place_flow(f, listed, 3);
    assert_int_equal(find_drawn(display, "Items", parts, 4), 1);
    assert_float_equal(parts[0].x, 50 + 260, 1e-9);
}

static void a_short_list_item_a_quote_and_a_caption_never_split(void **state)
{
    fixture *f = *state;
    /* Two lines are left: a list item of four lines moves whole, where a
     * paragraph of four would split two and two (three lines of text are
     * four in the item's indented width). */
    const char *item = lines_of(f, 'i', 3);
    fs_box *items[] = {text(f, item, 10)};
    fs_box *list = with_children(f, FS_BOX_LIST, items, 1);
    list->as.list.marker = FS_MARKER_BULLET;
    list->as.list.style = style_of(10);
    fs_box *children[] = {text(f, lines_of(f, 'a', 8), 10), list};
    fs_display *display = place_flow(f, children, 2);
    drawn parts[4];
    assert_int_equal(find_drawn(display, item, parts, 4), 1);
    assert_float_equal(parts[0].x, 50 + 260 + 11, 1e-9);
    /* A quote: its paragraph and attribution together, where its two
     * lines alone would fit. */
    const char *said = lines_of(f, 'q', 2), *by = "Someone";
    fs_box *lines[] = {text(f, said, 10), text(f, by, 10)};
    fs_box *quote = with_children(f, FS_BOX_QUOTE, lines, 2);
    fs_box *quoted[] = {text(f, lines_of(f, 'a', 8), 10), quote};
    display = place_flow(f, quoted, 2);
    assert_int_equal(find_drawn(display, said, parts, 4), 1);
    assert_float_equal(parts[0].x, 50 + 260, 1e-9);
    assert_int_equal(find_drawn(display, by, parts, 4), 1);
    assert_float_equal(parts[0].x, 50 + 260, 1e-9);
}

static void the_columns_of_a_page_that_goes_on_end_level(void **state)
{
    fixture *f = *state;
    /* Paragraphs of 3, 3 and 2 lines, then one the orphan rule keeps off
     * the first column: its two free lines go to the gaps, and the
     * columns of the first page end together at its foot. */
    fs_box *children[] = {text(f, lines_of(f, 'a', 3), 10), text(f, lines_of(f, 'b', 3), 10),
                          text(f, lines_of(f, 'c', 3), 10), text(f, lines_of(f, 'd', 4), 10),
                          text(f, lines_of(f, 'e', 20), 10)};
    fs_display *display = place_flow_only(f, children, 5);
    assert_true(display->page_count >= 2);
    double left = column_bottom(display, 0, 50), right = column_bottom(display, 0, 310);
    assert_float_equal(left, right, 1);
    assert_float_equal(left, 175, 1);
}

static void a_case_study_starts_where_its_opening_fits(void **state)
{
    fixture *f = *state;
    /* A row of a repeated column: its heading and three lines would fit
     * under the first paragraph (a heading alone keeps with no more), but
     * not with the picture-less opening of the section and three lines
     * of its story: here the opening is a heading and a kept subtitle. */
    fs_box *title = heading(f, "Case");
    fs_box *place = text(f, "Place", 10);
    place->keep_with_next = true;
    fs_box *parts_of[] = {title, place, text(f, lines_of(f, 's', 6), 10)};
    fs_box *section = with_children(f, FS_BOX_STACK, parts_of, 3);
    section->section = true;
    fs_box *children[] = {text(f, lines_of(f, 'a', 6), 10), section};
    fs_display *display = place_flow(f, children, 2);
    drawn parts[4];
    assert_int_equal(find_drawn(display, "Case", parts, 4), 1);
    assert_float_equal(parts[0].x, 50 + 260, 1e-9);
    assert_float_equal(parts[0].y, 50, 1e-9);
}

static void a_flow_continues_on_the_next_page_and_balances_its_last(void **state)
{
    fixture *f = *state;
    const char *a = lines_of(f, 'a', 10), *b = lines_of(f, 'b', 10), *c = lines_of(f, 'c', 10);
    fs_box *children[] = {text(f, a, 10), text(f, b, 10), text(f, c, 10)};
    fs_display *display = place_flow_only(f, children, 3);
    assert_non_null(display);
    assert_int_equal(display->page_count, 2);
    drawn parts[4];
    /* The last page's ten lines are shared five and five. */
    assert_int_equal(find_drawn(display, c, parts, 4), 2);
    assert_int_equal(parts[0].page, 1);
    assert_int_equal(parts[0].count, 5);
    assert_float_equal(parts[1].x, 50 + 260, 1e-9);
    assert_int_equal(parts[1].first, 5);
}

static void a_list_item_splits_and_keeps_its_marker_on_its_first_part(void **state)
{
    fixture *f = *state;
    const char *first = lines_of(f, 'a', 7), *item = lines_of(f, 'i', 5);
    fs_box *items[] = {text(f, item, 10)};
    fs_box *list = with_children(f, FS_BOX_LIST, items, 1);
    list->as.list.marker = FS_MARKER_BULLET;
    list->as.list.style = style_of(10);
    fs_box *children[] = {text(f, first, 10), list};
    fs_display *display = place_flow(f, children, 2);
    drawn parts[4];
    assert_int_equal(find_drawn(display, item, parts, 4), 2);
    assert_int_equal(parts[0].count, 3);
    assert_float_equal(parts[0].x, 50 + 11, 1e-9);
    size_t markers = 0;
    for (size_t i = 0; i < display->pages[0].count; i++) {
        const fs_op *op = &display->pages[0].ops[i];
        if (op->kind == FS_OP_TEXT && strcmp(op->text.markup, "•") == 0) {
            markers++;
            assert_float_equal(op->y, 50 + 7 * 12.5, 1e-9);
        }
    }
    assert_int_equal(markers, 1);
}

static void a_column_break_starts_the_next_column(void **state)
{
    fixture *f = *state;
    const char *a = lines_of(f, 'a', 2), *b = lines_of(f, 'b', 2);
    fs_box *brk = new_box(f, FS_BOX_BREAK);
    brk->as.brk.column = true;
    fs_box *children[] = {text(f, a, 10), brk, text(f, b, 10)};
    fs_display *display = place_flow(f, children, 3);
    drawn parts[2];
    assert_int_equal(find_drawn(display, b, parts, 2), 1);
    assert_float_equal(parts[0].x, 50 + 260, 1e-9);
    assert_float_equal(parts[0].y, 50, 1e-9);
}

static void running_footer_numbers_its_pages(void **state)
{
    fixture *f = *state;
    fs_box *blocks[] = {text(f, "one", 10), new_box(f, FS_BOX_BREAK), text(f, "two", 10)};
    fs_box *footer_text[] = {text(f, "Page " FS_PAGE_NUMBER " of " FS_PAGE_COUNT, 8)};
    fs_box *footer = with_children(f, FS_BOX_STACK, footer_text, 1);
    fs_document doc = {.body = with_children(f, FS_BOX_STACK, blocks, 3),
                       .footer = footer,
                       .first_footer = footer};
    fs_display *display = fs_place(&doc, &page, &measurer, f->arena, f->diags);
    assert_non_null(display);
    assert_int_equal(display->page_count, 2);
    assert_non_null(find_text(display, 0, "Page 1 of 2"));
    assert_non_null(find_text(display, 1, "Page 2 of 2"));
    /* The body comes before the footer in each page's operations. */
    assert_string_equal(display->pages[1].ops[0].text.markup, "two");
}

static void a_first_page_header_can_differ(void **state)
{
    fixture *f = *state;
    fs_box *blocks[] = {text(f, "one", 10), new_box(f, FS_BOX_BREAK), text(f, "two", 10)};
    fs_box *running[] = {text(f, "Running head", 8)};
    fs_document doc = {.body = with_children(f, FS_BOX_STACK, blocks, 3),
                       .header = with_children(f, FS_BOX_STACK, running, 1)};
    fs_display *display = fs_place(&doc, &page, &measurer, f->arena, f->diags);
    assert_null(find_text(display, 0, "Running head"));
    assert_non_null(find_text(display, 1, "Running head"));
    /* Below the header on the second page, at the margin on the first. */
    assert_float_equal(find_text(display, 0, "one")->y, 50, 1e-9);
    assert_float_equal(find_text(display, 1, "two")->y, 50 + 10 + FS_GAP_STACK, 1e-9);
    assert_string_equal(display->pages[1].ops[0].text.markup, "Running head");
}

/* ---- charts ------------------------------------------------------------- */

static const fs_rgba series = {0.85, 0.4, 0.12, 1};

/* A chart box as binding makes it: its items copied into the arena, each in
 * the series colour, the series' track, a 10-point style (its values in
 * bold) and a 20-point number style, an alt. */
static fs_box *chart(fixture *f, fs_chart_kind kind, const fs_chart_item *items, size_t count)
{
    fs_box *box = new_box(f, FS_BOX_CHART);
    box->as.chart.kind = kind;
    box->as.chart.items = fs_arena_array(f->arena, count + 1, sizeof *box->as.chart.items);
    if (count)
        memcpy(box->as.chart.items, items, count * sizeof *items);
    box->as.chart.item_count = count;
    for (size_t i = 0; i < count; i++)
        box->as.chart.items[i].color = series;
    box->as.chart.style = style_of(10);
    box->as.chart.value_style = style_of(10);
    box->as.chart.value_style.weight = 700;
    box->as.chart.number_style = style_of(20);
    box->as.chart.color = series;
    box->as.chart.track = (fs_rgba){series.r, series.g, series.b, 0.2};
    box->as.chart.total = 10;
    box->as.chart.icon.codepoint = 0xe13e;
    box->as.chart.icon.has = kind == FS_CHART_ICONS;
    box->as.chart.icon.family = "Icons";
    box->as.chart.alt = "the chart in words";
    return box;
}

/* The chart alone in the body, at (50, 50), 500 points wide. */
static const fs_page_ops *place_chart(fixture *f, fs_box *box)
{
    fs_box *blocks[] = {box};
    fs_display *display = place_body(f, blocks, 1, NULL);
    assert_non_null(display);
    assert_int_equal(display->page_count, 1);
    return &display->pages[0];
}

/* The ops of one kind, in the order they are drawn. */
static size_t ops_of(const fs_page_ops *ops, fs_op_kind kind, const fs_op **out, size_t max)
{
    size_t found = 0;
    for (size_t i = 0; i < ops->count; i++)
        if (ops->ops[i].kind == kind && found < max)
            out[found++] = &ops->ops[i];
    return found;
}

static size_t texts_equal_to(const fs_page_ops *ops, const char *markup)
{
    size_t found = 0;
    for (size_t i = 0; i < ops->count; i++)
        found += ops->ops[i].kind == FS_OP_TEXT && strcmp(ops->ops[i].text.markup, markup) == 0;
    return found;
}

/* The chart's alternative text is on one op, the first of the chart's
 * drawing (never on a text, which is read as itself). */
static void assert_alt_once(const fs_page_ops *ops, const fs_op *first)
{
    size_t with_alt = 0;
    for (size_t i = 0; i < ops->count; i++)
        with_alt += ops->ops[i].alt != NULL;
    assert_int_equal(with_alt, 1);
    assert_non_null(first->alt);
    assert_string_equal(first->alt, "the chart in words");
    assert_int_not_equal(first->kind, FS_OP_TEXT);
}

static void assert_color(fs_rgba actual, fs_rgba expected)
{
    assert_float_equal(actual.r, expected.r, 1e-12);
    assert_float_equal(actual.g, expected.g, 1e-12);
    assert_float_equal(actual.b, expected.b, 1e-12);
    assert_float_equal(actual.a, expected.a, 1e-12);
}

/* The series' hue, fainter: a track, or the pictograms a share leaves. */
static void assert_tint_of_series(fs_rgba actual)
{
    assert_float_equal(actual.r, series.r, 1e-12);
    assert_float_equal(actual.g, series.g, 1e-12);
    assert_float_equal(actual.b, series.b, 1e-12);
    assert_true(actual.a > 0 && actual.a < 1);
}

/* The first text op of a page whose markup is exactly s. */
static const fs_op *find_text_in(const fs_page_ops *ops, const char *s)
{
    for (size_t i = 0; i < ops->count; i++)
        if (ops->ops[i].kind == FS_OP_TEXT && strcmp(ops->ops[i].text.markup, s) == 0)
            return &ops->ops[i];
    return NULL;
}

static void a_donut_draws_a_track_and_its_share(void **state)
{
    fixture *f = *state;
    fs_chart_item item = {.label = "of new members are women", .text = "47%", .value = 47};
    const fs_page_ops *ops = place_chart(f, chart(f, FS_CHART_DONUT, &item, 1));
    const fs_op *arcs[4];
    assert_int_equal(ops_of(ops, FS_OP_ARC, arcs, 4), 2);
    const fs_op *track = arcs[0], *share = arcs[1];
    assert_ptr_equal(track, &ops->ops[0]);
    assert_float_equal(track->x, 50, 1e-9);
    assert_float_equal(track->y, 50, 1e-9);
    assert_float_equal(track->w, track->h, 1e-9);
    assert_float_equal(track->arc.start, 0, 1e-12);
    assert_float_equal(track->arc.end, 2 * M_PI, 1e-12);
    assert_true(track->arc.thickness > 0 && track->arc.thickness < track->w / 2);
    assert_tint_of_series(track->color);
    /* The share from 12 o'clock, clockwise, over the same ring. */
    assert_float_equal(share->arc.start, -M_PI / 2, 1e-12);
    assert_float_equal(share->arc.end, -M_PI / 2 + 2 * M_PI * 0.47, 1e-12);
    assert_float_equal(share->x, track->x, 1e-12);
    assert_float_equal(share->y, track->y, 1e-12);
    assert_float_equal(share->w, track->w, 1e-12);
    assert_float_equal(share->arc.thickness, track->arc.thickness, 1e-12);
    assert_color(share->color, series);
    assert_alt_once(ops, track);
    assert_null(share->alt);
    /* The figure in the middle of the ring, the label beside it. */
    const fs_op *figure = find_text_in(ops, "47%");
    assert_non_null(figure);
    assert_float_equal(figure->x + figure->w / 2, track->x + track->w / 2, 1e-9);
    assert_float_equal(figure->y + figure->h / 2, track->y + track->h / 2, 1e-9);
    const fs_op *label = find_text_in(ops, "of new members are women");
    assert_non_null(label);
    assert_true(label->x >= track->x + track->w);
}

static void a_donut_of_nothing_and_of_everything(void **state)
{
    fixture *f = *state;
    fs_chart_item none = {.label = "x", .text = "0%", .value = 0};
    const fs_op *arcs[4];
    /* 0%: the track alone, which carries the alt. */
    const fs_page_ops *ops = place_chart(f, chart(f, FS_CHART_DONUT, &none, 1));
    assert_int_equal(ops_of(ops, FS_OP_ARC, arcs, 4), 1);
    assert_alt_once(ops, arcs[0]);
    fs_chart_item all = {.label = "x", .text = "100%", .value = 100};
    ops = place_chart(f, chart(f, FS_CHART_DONUT, &all, 1));
    assert_int_equal(ops_of(ops, FS_OP_ARC, arcs, 4), 2);
    assert_float_equal(arcs[1]->arc.end, 3 * M_PI / 2, 1e-12);
}

static void a_donut_takes_the_height_it_is_given(void **state)
{
    fixture *f = *state;
    fs_chart_item item = {.label = "x", .text = "47%", .value = 47};
    fs_box *donut = chart(f, FS_CHART_DONUT, &item, 1);
    donut->as.chart.height = 40;
    const fs_op *arcs[2];
    assert_int_equal(ops_of(place_chart(f, donut), FS_OP_ARC, arcs, 2), 2);
    assert_float_equal(arcs[0]->w, 40, 1e-9);
    assert_float_equal(arcs[0]->h, 40, 1e-9);
}

static void an_icon_array_fills_the_share_of_its_pictograms(void **state)
{
    fixture *f = *state;
    fs_chart_item item = {.label = "of new members are women", .text = "47%", .value = 47};
    const fs_page_ops *ops = place_chart(f, chart(f, FS_CHART_ICONS, &item, 1));
    const fs_op *icons[32];
    assert_int_equal(ops_of(ops, FS_OP_ICON, icons, 32), 11);
    /* 47% of 10: four whole in the series' colour, then the fifth's track
     * with seven tenths of it drawn over it, then five tracks. */
    for (size_t i = 0; i < 11; i++) {
        assert_int_equal(icons[i]->icon.codepoint, 0xe13e);
        assert_string_equal(icons[i]->icon.family, "Icons");
        assert_float_equal(icons[i]->w, icons[0]->w, 1e-12);
        assert_float_equal(icons[i]->y, icons[0]->y, 1e-12); /* one row of ten */
        if (i < 4 || i == 5)
            assert_color(icons[i]->color, series);
        else
            assert_tint_of_series(icons[i]->color);
        assert_float_equal(icons[i]->icon.part, i == 5 ? 0.7 : 0, 1e-9);
        if (i > 0 && i != 5)
            assert_true(icons[i]->x > icons[i - 1]->x);
    }
    assert_float_equal(icons[5]->x, icons[4]->x, 1e-12); /* over its track */
    assert_alt_once(ops, icons[0]);
    assert_int_equal(texts_equal_to(ops, "47%"), 1);
}

static void an_icon_array_of_twenty_takes_two_rows(void **state)
{
    fixture *f = *state;
    fs_chart_item item = {.label = "x", .text = "47%", .value = 47};
    fs_box *box = chart(f, FS_CHART_ICONS, &item, 1);
    box->as.chart.total = 20;
    const fs_op *icons[32];
    assert_int_equal(ops_of(place_chart(f, box), FS_OP_ICON, icons, 32), 21);
    size_t whole = 0;
    for (size_t i = 0; i < 21; i++)
        whole += icons[i]->color.a == 1 && icons[i]->icon.part == 0;
    assert_int_equal(whole, 9); /* 9.4: nine, and four tenths of the tenth */
    assert_float_equal(icons[10]->icon.part, 0.4, 1e-9);
    assert_float_equal(icons[11]->x, icons[0]->x, 1e-12); /* the eleventh opens row two */
    assert_true(icons[11]->y > icons[10]->y);
}

static void a_share_of_whole_pictograms_draws_none_in_part(void **state)
{
    fixture *f = *state;
    fs_chart_item item = {.label = "x", .text = "30%", .value = 30};
    const fs_op *icons[32];
    assert_int_equal(
        ops_of(place_chart(f, chart(f, FS_CHART_ICONS, &item, 1)), FS_OP_ICON, icons, 32), 10);
    for (size_t i = 0; i < 10; i++)
        assert_float_equal(icons[i]->icon.part, 0, 0);
}

static void bars_are_proportional_to_the_largest_target(void **state)
{
    fixture *f = *state;
    fs_chart_item items[] = {{.label = "Indonesia",
                              .text = "18",
                              .value = 18,
                              .has_target = true,
                              .target = 50,
                              .target_text = "50"},
                             {.label = "Vietnam",
                              .text = "10",
                              .value = 10,
                              .has_target = true,
                              .target = 25,
                              .target_text = "25"}};
    const fs_page_ops *ops = place_chart(f, chart(f, FS_CHART_BAR, items, 2));
    const fs_op *rects[8];
    assert_int_equal(ops_of(ops, FS_OP_RECT, rects, 8), 4);
    /* Each row: its target's track, then its value over it. The largest
     * target (50) ends the scale, so its track is the full bar. */
    double full = rects[0]->w;
    assert_true(full > 100);
    assert_float_equal(rects[1]->w, full * 18 / 50, 1e-9);
    assert_float_equal(rects[2]->w, full * 25 / 50, 1e-9);
    assert_float_equal(rects[3]->w, full * 10 / 50, 1e-9);
    for (size_t i = 0; i < 4; i++)
        assert_float_equal(rects[i]->x, rects[0]->x, 1e-12);
    assert_tint_of_series(rects[0]->color);
    assert_color(rects[1]->color, series);
    assert_tint_of_series(rects[2]->color);
    assert_color(rects[3]->color, series);
    /* A row below the other; the labels left of the bars. */
    assert_float_equal(rects[1]->y, rects[0]->y, 1e-12);
    assert_true(rects[2]->y > rects[0]->y + rects[0]->h);
    const fs_op *label = find_text_in(ops, "Indonesia");
    assert_non_null(label);
    assert_true(label->x + label->w <= rects[0]->x);
    /* The value and its target after the longer of the two. */
    const fs_op *value = find_text_in(ops, "18 / 50");
    assert_non_null(value);
    assert_true(value->x >= rects[0]->x + full);
    assert_alt_once(ops, rects[0]);
}

static void bars_without_targets_end_at_the_largest_value(void **state)
{
    fixture *f = *state;
    fs_chart_item items[] = {{.label = "a", .text = "30", .value = 30},
                             {.label = "b", .text = "60", .value = 60},
                             {.label = "c", .text = "15", .value = 15}};
    const fs_page_ops *ops = place_chart(f, chart(f, FS_CHART_BAR, items, 3));
    const fs_op *rects[8];
    assert_int_equal(ops_of(ops, FS_OP_RECT, rects, 8), 3);
    assert_float_equal(rects[0]->w, rects[1]->w * 0.5, 1e-9);
    assert_float_equal(rects[2]->w, rects[1]->w * 0.25, 1e-9);
    for (size_t i = 0; i < 3; i++)
        assert_color(rects[i]->color, series);
    const fs_op *value = find_text_in(ops, "60");
    assert_non_null(value);
    assert_true(value->x >= rects[1]->x + rects[1]->w);
    assert_true(value->x + value->w <= 550 + 1e-9);
    assert_alt_once(ops, rects[0]);
}

static void a_progress_bar_fills_value_over_target(void **state)
{
    fixture *f = *state;
    fs_chart_item item = {.label = "Indonesia",
                          .text = "350",
                          .value = 350,
                          .has_target = true,
                          .target = 1000,
                          .target_text = "1,000"};
    const fs_page_ops *ops = place_chart(f, chart(f, FS_CHART_PROGRESS, &item, 1));
    const fs_op *rects[4];
    assert_int_equal(ops_of(ops, FS_OP_RECT, rects, 4), 2);
    assert_float_equal(rects[0]->x, 50, 1e-9);
    assert_float_equal(rects[0]->w, 500, 1e-9);
    assert_tint_of_series(rects[0]->color);
    assert_float_equal(rects[1]->x, 50, 1e-9);
    assert_float_equal(rects[1]->w, 500 * 350.0 / 1000.0, 1e-9);
    assert_float_equal(rects[1]->y, rects[0]->y, 1e-12);
    assert_float_equal(rects[1]->h, rects[0]->h, 1e-12);
    assert_color(rects[1]->color, series);
    assert_alt_once(ops, rects[0]);
    /* The label above the bar on the left, the amount on the right. */
    const fs_op *amount = find_text_in(ops, "350 / 1,000");
    assert_non_null(amount);
    assert_float_equal(amount->x + amount->w, 550, 1e-9);
    assert_true(amount->y + amount->h <= rects[0]->y);
    assert_non_null(find_text_in(ops, "Indonesia"));
}

static void a_progress_bar_past_its_target_is_full(void **state)
{
    fixture *f = *state;
    fs_chart_item item = {.label = "x",
                          .text = "1,200",
                          .value = 1200,
                          .has_target = true,
                          .target = 1000,
                          .target_text = "1,000"};
    const fs_op *rects[4];
    assert_int_equal(
        ops_of(place_chart(f, chart(f, FS_CHART_PROGRESS, &item, 1)), FS_OP_RECT, rects, 4), 2);
    assert_float_equal(rects[1]->w, 500, 1e-9);
    /* Nothing done: the track alone. */
    item.value = 0;
    item.text = "0";
    assert_int_equal(
        ops_of(place_chart(f, chart(f, FS_CHART_PROGRESS, &item, 1)), FS_OP_RECT, rects, 4), 1);
}

static void a_timeline_groups_rows_of_one_date(void **state)
{
    fixture *f = *state;
    fs_chart_item items[] = {{.label = "Uruguay", .text = "2011"},
                             {.label = "Philippines", .text = "2012"},
                             {.label = "Mauritius", .text = "2012"},
                             {.label = "Chile", .text = "2013"}};
    const fs_page_ops *ops = place_chart(f, chart(f, FS_CHART_TIMELINE, items, 4));
    const fs_op *dots[8];
    assert_int_equal(ops_of(ops, FS_OP_CIRCLE, dots, 8), 3);
    assert_int_equal(texts_equal_to(ops, "2012"), 1);
    assert_int_equal(texts_equal_to(ops, "Philippines, Mauritius"), 1);
    assert_int_equal(texts_equal_to(ops, "Philippines"), 0);
    for (size_t i = 0; i < 3; i++) {
        assert_color(dots[i]->color, series);
        assert_float_equal(dots[i]->x, dots[0]->x, 1e-12);
        if (i > 0)
            assert_true(dots[i]->y > dots[i - 1]->y);
    }
    /* The date beside its dot, at its height. */
    const fs_op *date = find_text_in(ops, "2012");
    assert_float_equal(date->y + date->h / 2, dots[1]->y + dots[1]->h / 2, 1e-9);
    assert_true(date->x + date->w <= dots[1]->x);
    /* A line through the dots' centres, from the first to the last, drawn
     * before them (under them), and so the op that carries the alt. */
    const fs_op *rects[4];
    assert_int_equal(ops_of(ops, FS_OP_RECT, rects, 4), 1);
    assert_float_equal(rects[0]->y, dots[0]->y + dots[0]->h / 2, 1e-9);
    assert_float_equal(rects[0]->y + rects[0]->h, dots[2]->y + dots[2]->h / 2, 1e-9);
    assert_true(rects[0] < dots[0]);
    assert_alt_once(ops, rects[0]);
}

static void a_timeline_groups_only_consecutive_rows(void **state)
{
    fixture *f = *state;
    fs_chart_item items[] = {{.label = "A", .text = "2012"},
                             {.label = "B", .text = "2011"},
                             {.label = "C", .text = "2012"}};
    const fs_page_ops *ops = place_chart(f, chart(f, FS_CHART_TIMELINE, items, 3));
    const fs_op *dots[8];
    assert_int_equal(ops_of(ops, FS_OP_CIRCLE, dots, 8), 3);
    assert_int_equal(texts_equal_to(ops, "2012"), 2);
}

static void a_timeline_across_gives_each_phase_its_bar_and_colour(void **state)
{
    fixture *f = *state;
    fs_chart_item items[] = {
        {.label = "Inception", .text = "2016", .title = "One"},
        {.label = "Scale-up of the work in the region", .text = "2018", .title = "Two"},
        {.label = "Exit", .text = "2020", .title = "Three"},
        {.label = "Review", .text = "2021", .title = "Four"}};
    fs_box *box = chart(f, FS_CHART_TIMELINE, items, 4);
    box->as.chart.across = true;
    const fs_rgba second = {0.1, 0.3, 0.4, 1};
    box->as.chart.items[1].color = second;
    const fs_page_ops *ops = place_chart(f, box);
    const fs_op *dots[8], *bars[8];
    assert_int_equal(ops_of(ops, FS_OP_CIRCLE, dots, 8), 4);
    assert_int_equal(ops_of(ops, FS_OP_RECT, bars, 8), 4);
    /* Slots of 125: each phase's bar from its dot to the next one's, less
     * the 6-point gap; the last to the end. Bars and dots on one line, in
     * the phase's colour. */
    for (size_t i = 0; i < 4; i++) {
        assert_float_equal(dots[i]->x, 50 + 125.0 * (double)i, 1e-9);
        assert_float_equal(bars[i]->x, dots[i]->x, 1e-9);
        assert_float_equal(bars[i]->w, i < 3 ? 119 : 125, 1e-9);
        assert_float_equal(dots[i]->y + dots[i]->h / 2, bars[0]->y + bars[0]->h / 2, 1e-9);
        assert_float_equal(bars[i]->y, bars[0]->y, 1e-9);
        assert_color(bars[i]->color, i == 1 ? second : series);
        assert_color(dots[i]->color, i == 1 ? second : series);
    }
    /* Dates above the line, titles (bold) under it on one line, then the
     * texts on one line, whatever the length of each. */
    const fs_op *date = find_text_in(ops, "2018"), *title = find_text_in(ops, "Two");
    const fs_op *text = find_text_in(ops, "Exit");
    assert_true(date->y + date->h <= dots[0]->y);
    assert_true(title->y >= dots[0]->y + dots[0]->h);
    assert_int_equal(title->text.style->weight, 700);
    assert_float_equal(find_text_in(ops, "Four")->y, title->y, 1e-9);
    assert_true(text->y >= title->y + title->h);
    assert_float_equal(find_text_in(ops, items[1].label)->y, text->y, 1e-9);
    assert_alt_once(ops, bars[0]);
}

static void an_icon_stands_before_a_label(void **state)
{
    fixture *f = *state;
    fs_chart_item items[] = {{.label = "Indonesia", .text = "18", .value = 18},
                             {.label = "Vietnam", .text = "10", .value = 10}};
    items[0].icon = (fs_box_icon){.has = true, .codepoint = 0xe7ef, .family = "Icons"};
    fs_box *box = chart(f, FS_CHART_BAR, items, 2);
    const fs_rgba green = {0.1, 0.5, 0.2, 1};
    box->as.chart.items[0].color = green;
    const fs_page_ops *ops = place_chart(f, box);
    const fs_op *icons[4];
    assert_int_equal(ops_of(ops, FS_OP_ICON, icons, 4), 1);
    const fs_op *label = find_text_in(ops, "Indonesia");
    /* A line of the label tall, in the item's colour, at the label's
     * place; the text after it and the gap. */
    assert_float_equal(icons[0]->x, 50, 1e-9);
    assert_float_equal(icons[0]->h, 12.5, 1e-9);
    assert_float_equal(icons[0]->y, label->y, 1e-9);
    assert_color(icons[0]->color, green);
    assert_float_equal(label->x, 50 + 12.5 + 3.5, 1e-9);
    assert_float_equal(find_text_in(ops, "Vietnam")->x, 50, 1e-9);
}

static void columns_are_proportional_to_the_largest_value(void **state)
{
    fixture *f = *state;
    fs_chart_item items[] = {{.label = "2011", .text = "30", .value = 30},
                             {.label = "2012", .text = "60", .value = 60},
                             {.label = "2013", .text = "15", .value = 15}};
    fs_box *box = chart(f, FS_CHART_COLUMN, items, 3);
    box->as.chart.height = 40;
    const fs_page_ops *ops = place_chart(f, box);
    const fs_op *rects[8];
    /* Three columns, then the axis. */
    assert_int_equal(ops_of(ops, FS_OP_RECT, rects, 8), 4);
    assert_float_equal(rects[1]->h, 40, 1e-9);
    assert_float_equal(rects[0]->h, 20, 1e-9);
    assert_float_equal(rects[2]->h, 10, 1e-9);
    for (size_t i = 0; i < 3; i++) {
        assert_float_equal(rects[i]->y + rects[i]->h, rects[3]->y, 1e-9); /* on the axis */
        assert_float_equal(rects[i]->w, rects[0]->w, 1e-12);
        assert_color(rects[i]->color, series);
    }
    assert_true(rects[1]->x > rects[0]->x && rects[2]->x > rects[1]->x);
    assert_float_equal(rects[3]->w, 500, 1e-9);
    /* Each value above its column, each label below the axis. */
    const fs_op *value = find_text_in(ops, "60");
    assert_non_null(value);
    assert_true(value->y + value->h <= rects[1]->y);
    const fs_op *label = find_text_in(ops, "2012");
    assert_non_null(label);
    assert_true(label->y >= rects[3]->y);
    assert_alt_once(ops, rects[0]);
}

static void columns_with_targets_draw_the_target_behind(void **state)
{
    fixture *f = *state;
    fs_chart_item items[] = {
        {.label = "a", .text = "10", .value = 10, .has_target = true, .target = 40},
        {.label = "b", .text = "30", .value = 30, .has_target = true, .target = 20}};
    fs_box *box = chart(f, FS_CHART_COLUMN, items, 2);
    box->as.chart.height = 40;
    const fs_page_ops *ops = place_chart(f, box);
    const fs_op *rects[8];
    assert_int_equal(ops_of(ops, FS_OP_RECT, rects, 8), 5);
    assert_float_equal(rects[0]->h, 40, 1e-9); /* the target 40 ends the scale */
    assert_tint_of_series(rects[0]->color);
    assert_float_equal(rects[1]->h, 10, 1e-9);
    assert_float_equal(rects[2]->h, 20, 1e-9);
    assert_float_equal(rects[3]->h, 30, 1e-9);
}

/* Every op of the chart inside the height it takes: from the top margin
 * down to where the next block starts, less the gap. */
static void assert_chart_inside(fixture *f, fs_box *box)
{
    fs_box *blocks[] = {box, text(f, "after", 10)};
    fs_display *display = place_body(f, blocks, 2, NULL);
    assert_non_null(display);
    const fs_op *after = find_text(display, 0, "after");
    assert_non_null(after);
    double bottom = after->y - FS_GAP_STACK;
    const fs_page_ops *ops = &display->pages[0];
    for (size_t i = 0; i < ops->count; i++) {
        const fs_op *op = &ops->ops[i];
        if (op == after)
            continue;
        if (op->y < 50 - 1e-9 || op->y + op->h > bottom + 1e-9)
            fail_msg("op %zu (kind %d) runs from %.2f to %.2f, outside 50 to %.2f", i,
                     (int)op->kind, op->y, op->y + op->h, bottom);
    }
}

static void every_chart_stays_in_its_height(void **state)
{
    fixture *f = *state;
    fs_chart_item share = {.label = "of members", .text = "47%", .value = 47};
    fs_chart_item rows[] = {{.label = "a",
                             .text = "10",
                             .value = 10,
                             .has_target = true,
                             .target = 40,
                             .target_text = "40"},
                            {.label = "b",
                             .text = "30",
                             .value = 30,
                             .has_target = true,
                             .target = 20,
                             .target_text = "20"}};
    assert_chart_inside(f, chart(f, FS_CHART_DONUT, &share, 1));
    assert_chart_inside(f, chart(f, FS_CHART_ICONS, &share, 1));
    assert_chart_inside(f, chart(f, FS_CHART_PROGRESS, rows, 1));
    assert_chart_inside(f, chart(f, FS_CHART_BAR, rows, 2));
    assert_chart_inside(f, chart(f, FS_CHART_COLUMN, rows, 2));
    assert_chart_inside(f, chart(f, FS_CHART_TIMELINE, rows, 2));
    fs_box *across = chart(f, FS_CHART_TIMELINE, rows, 2);
    across->as.chart.across = true;
    assert_chart_inside(f, across);
}

static void thick_bars_stay_in_their_rows(void **state)
{
    /* A bar thicker than a line of its label (height: 20 with 10-point text,
     * lines of 12.5) must not reach above the chart. */
    fixture *f = *state;
    fs_chart_item rows[] = {{.label = "a", .text = "10", .value = 10},
                            {.label = "b", .text = "30", .value = 30}};
    fs_box *bars = chart(f, FS_CHART_BAR, rows, 2);
    bars->as.chart.height = 20;
    fs_box *blocks[] = {bars};
    const fs_op *rects[4];
    assert_int_equal(ops_of(&place_body(f, blocks, 1, NULL)->pages[0], FS_OP_RECT, rects, 4), 2);
    assert_true(rects[0]->y >= 50 - 1e-9);
}

/* A progress bar with 'repeat' over several rows: its alternative text
 * names every row ("Progress bar: Indonesia: 350 / 1,000; Vietnam: 300 /
 * 750"), so the page must show every row too. */
static void a_progress_chart_of_several_rows_draws_each(void **state)
{
    fixture *f = *state;
    fs_chart_item items[] = {{.label = "Indonesia",
                              .text = "350",
                              .value = 350,
                              .has_target = true,
                              .target = 1000,
                              .target_text = "1,000"},
                             {.label = "Vietnam",
                              .text = "300",
                              .value = 300,
                              .has_target = true,
                              .target = 750,
                              .target_text = "750"}};
    const fs_page_ops *ops = place_chart(f, chart(f, FS_CHART_PROGRESS, items, 2));
    const fs_op *rects[8];
    size_t count = ops_of(ops, FS_OP_RECT, rects, 8);
    assert_true(count == 4 && find_text_in(ops, "Vietnam") != NULL);
}

/* Charts with no rows (a repeat over an empty table, or a 'where' that
 * picks none) draw nothing and take no room. */
static void charts_of_no_rows_draw_nothing(void **state)
{
    fixture *f = *state;
    static const fs_chart_kind kinds[] = {FS_CHART_BAR, FS_CHART_COLUMN, FS_CHART_TIMELINE};
    for (size_t k = 0; k < 3; k++) {
        fs_box *empty = chart(f, kinds[k], NULL, 0);
        fs_box *blocks[] = {empty, text(f, "after", 10)};
        fs_display *display = place_body(f, blocks, 2, NULL);
        assert_non_null(display);
        assert_int_equal(display->pages[0].count, 1);
        assert_float_equal(find_text(display, 0, "after")->y, 50 + FS_GAP_STACK, 1e-9);
    }
    fs_box *across = chart(f, FS_CHART_TIMELINE, NULL, 0);
    across->as.chart.across = true;
    fs_box *blocks[] = {across};
    assert_non_null(place_body(f, blocks, 1, NULL));
}

/* ---- fitting a page count ------------------------------------------- */

static fs_document one_text_document(fixture *f, size_t characters, double min_scale)
{
    char *markup = fs_arena_alloc(f->arena, characters + 1);
    memset(markup, 'x', characters);
    markup[characters] = '\0';
    fs_box *body_text = text(f, markup, 10);
    body_text->as.text.style.min_scale = min_scale;
    fs_box *blocks[] = {body_text};
    return (fs_document){.body = with_children(f, FS_BOX_STACK, blocks, 1)};
}

static const fs_diag *diag_of_kind(fs_diags *diags, const char *kind)
{
    for (size_t i = 0; i < fs_diags_count(diags); i++)
        if (fs_diags_at(diags, i)->kind && strcmp(fs_diags_at(diags, i)->kind, kind) == 0)
            return fs_diags_at(diags, i);
    return NULL;
}

static void a_body_too_long_shrinks_to_its_page_count(void **state)
{
    fixture *f = *state;
    /* 1,200 characters make 12 lines of 12.5 points at full size, a block
     * taller than the page's 125 points: at 90% they make 11 lines of
     * 11.25. */
    fs_document doc = one_text_document(f, 1200, 0.6);
    fs_page_spec one_page = short_page;
    one_page.max_pages = 1;
    fs_display *display = fs_place(&doc, &one_page, &measurer, f->arena, f->diags);
    assert_non_null(display);
    assert_int_equal(display->page_count, 1);
    const fs_diag *note = diag_of_kind(f->diags, FS_KIND_SHRUNK);
    assert_non_null(note);
    assert_int_equal(note->severity, FS_NOTE);
    double size = display->pages[0].ops[0].text.size;
    assert_true(size >= 9.0 && size < 9.5);
}

static void a_body_that_cannot_shrink_enough_is_an_overflow(void **state)
{
    fixture *f = *state;
    /* Two blocks of six lines across the page, each shorter than it: they
     * take two pages even at 98%. */
    fs_box *first = text(f, lines_of(f, 'a', 12), 10), *second = text(f, lines_of(f, 'b', 12), 10);
    first->as.text.style.min_scale = second->as.text.style.min_scale = 0.98;
    fs_box *blocks[] = {first, second};
    fs_document doc = {.body = with_children(f, FS_BOX_STACK, blocks, 2)};
    fs_page_spec one_page = short_page;
    one_page.max_pages = 1;
    assert_null(fs_place(&doc, &one_page, &measurer, f->arena, f->diags));
    const fs_diag *error = diag_of_kind(f->diags, FS_KIND_OVERFLOW);
    assert_non_null(error);
    assert_int_equal(error->severity, FS_ERROR);
    assert_non_null(strstr(error->message, "even with its texts at 98% of their size"));
}

static void a_body_that_fits_is_not_shrunk(void **state)
{
    fixture *f = *state;
    fs_document doc = one_text_document(f, 900, 0.6);
    fs_page_spec one_page = short_page;
    one_page.max_pages = 1;
    fs_display *display = fs_place(&doc, &one_page, &measurer, f->arena, f->diags);
    assert_non_null(display);
    assert_float_equal(display->pages[0].ops[0].text.size, 10, 1e-9);
    assert_int_equal(fs_diags_count(f->diags), 0);
}

/* A measurer that counts the distinct sizes texts were measured at (up to
 * 64), so a test sees how many trials a fit placed. */
typedef struct {
    double sizes[64];
    size_t count;
} sizes_seen;

static bool counting_measure(void *context, const fs_text *text, fs_extent *out)
{
    sizes_seen *seen = context;
    bool known = false;
    for (size_t i = 0; i < seen->count; i++)
        known = known || seen->sizes[i] == text->size;
    if (!known && seen->count < 64)
        seen->sizes[seen->count++] = text->size;
    return fake_measure(NULL, text, out);
}

static void a_fit_takes_the_largest_whole_step_in_few_trials(void **state)
{
    fixture *f = *state;
    /* 8,000 characters over 500 points: at size s, 8000 x 0.5s / 500 lines
     * (rounded up) of 1.25s each must fit in 700: 8.3 does, 8.4 not. */
    fs_document doc = one_text_document(f, 8000, 0.5);
    fs_page_spec one_page = page;
    one_page.max_pages = 1;
    sizes_seen seen = {0};
    fs_measurer counting = {&seen, counting_measure, fake_line_bottoms, fake_font_runs};
    fs_display *display = fs_place(&doc, &one_page, &counting, f->arena, f->diags);
    assert_non_null(display);
    double size = display->pages[0].ops[0].text.size;
    int step = (int)lround(size * 10);
    assert_float_equal(size, step / 10.0, 1e-9);
    /* The step above does not fit: its lines run past the page. */
    double above = (step + 1) / 10.0;
    assert_true(ceil(8000 * 0.5 * above / 500) * 1.25 * above > 700);
    assert_true(ceil(8000 * 0.5 * size / 500) * 1.25 * size <= 700);
    /* Halving 50 steps would place 6 trials after the first; the guesses
     * from the overflow take fewer. */
    assert_true(seen.count <= 5);
    char percent[16];
    snprintf(percent, sizeof percent, "%d%%", step);
    assert_non_null(strstr(diag_of_kind(f->diags, FS_KIND_SHRUNK)->message, percent));
}

/* A body of one long text after a block, one page allowed: the text alone
 * nearly fills the page (56 lines of 12.5 points in 700), so the body is
 * shrunk a little to fit. */
static fs_document shrunk_document(fixture *f, fs_box *first)
{
    char *markup = fs_arena_alloc(f->arena, 5601);
    memset(markup, 'x', 5600);
    fs_box *blocks[] = {first, text(f, markup, 10)};
    return (fs_document){.body = with_children(f, FS_BOX_STACK, blocks, 2)};
}

static void a_shrunk_body_reports_the_numbers_that_do_not_fit(void **state)
{
    fixture *f = *state;
    /* 200 characters do not fit a tile 245 wide at any size the style allows,
     * at full size or shrunk: every trial finds it, and the one drawn says so. */
    char *number = fs_arena_alloc(f->arena, 201);
    memset(number, '9', 200);
    fs_box *cells[] = {stat(f, number), stat(f, "1")};
    fs_document doc = shrunk_document(f, with_children(f, FS_BOX_GRID, cells, 2));
    fs_page_spec one_page = page;
    one_page.max_pages = 1;
    fs_display *display = fs_place(&doc, &one_page, &measurer, f->arena, f->diags);
    assert_non_null(display);
    assert_non_null(diag_of_kind(f->diags, FS_KIND_SHRUNK));
    const fs_diag *warning = diag_of_kind(f->diags, FS_KIND_OVERFLOW);
    assert_non_null(warning);
    assert_int_equal(warning->severity, FS_WARNING);
    assert_non_null(strstr(warning->message, "do not fit their tiles even at 60%"));
    assert_int_equal(fs_diags_warnings(f->diags), 1);
    /* Drawn at the floor of the shrunk number style. */
    double scale = find_text(display, 0, "label")->text.size / 8;
    assert_true(scale < 1);
    assert_float_equal(find_text(display, 0, number)->text.size, 20 * scale * 0.6, 1e-9);
}

static void a_shrunk_stat_shrinks_its_comparison_line(void **state)
{
    fixture *f = *state;
    fs_box *tile = stat(f, "71");
    tile->as.stat.compare = "3x more than in 2015";
    tile->as.stat.compare_style = style_of(7);
    fs_document doc = shrunk_document(f, tile);
    fs_page_spec one_page = page;
    one_page.max_pages = 1;
    fs_display *display = fs_place(&doc, &one_page, &measurer, f->arena, f->diags);
    assert_non_null(display);
    assert_non_null(diag_of_kind(f->diags, FS_KIND_SHRUNK));
    double scale = find_text(display, 0, "label")->text.size / 8;
    assert_true(scale < 1);
    assert_float_equal(find_text(display, 0, "3x more than in 2015")->text.size, 7 * scale, 1e-9);
    assert_float_equal(find_text(display, 0, "71")->text.size, 20 * scale, 1e-9);
}

/* Copies every box of a tree, depth first, into copies (up to capacity). */
static size_t snapshot(const fs_box *box, fs_box *copies, size_t count, size_t capacity)
{
    if (count < capacity)
        copies[count] = *box;
    count++;
    for (size_t i = 0; i < box->child_count; i++)
        count = snapshot(box->children[i], copies, count, capacity);
    return count;
}

static void placing_leaves_the_box_tree_as_bind_made_it(void **state)
{
    fixture *f = *state;
    /* Every kind of box placement once wrote into: a stat group it fitted,
     * a quote whose bars it turned off, a Markdown list item whose depth it
     * flipped, texts it scaled to fit the page count. */
    fs_box *cells[] = {stat(f, "2,029,052"), stat(f, "71")};
    fs_box *said = text(f, "said", 10), *by = text(f, "by", 8);
    said->as.text.has_bar = by->as.text.has_bar = true;
    fs_box *quote_children[] = {said, by};
    fs_box *item = text(f, "an item", 10);
    item->as.text.depth = 1;
    item->as.text.item_marker = "•";
    fs_box *tile = stat(f, "9");
    tile->as.stat.compare = "compared";
    tile->as.stat.compare_style = style_of(7);
    fs_box *blocks[] = {with_children(f, FS_BOX_GRID, cells, 2),
                        with_children(f, FS_BOX_QUOTE, quote_children, 2), item, tile};
    fs_document doc = shrunk_document(f, with_children(f, FS_BOX_STACK, blocks, 4));
    fs_box before[16], after[16];
    size_t count = snapshot(doc.body, before, 0, 16);
    assert_true(count <= 16);
    fs_page_spec one_page = page;
    one_page.max_pages = 1;
    assert_non_null(fs_place(&doc, &one_page, &measurer, f->arena, f->diags));
    assert_non_null(diag_of_kind(f->diags, FS_KIND_SHRUNK));
    assert_int_equal(snapshot(doc.body, after, 0, 16), count);
    for (size_t i = 0; i < count; i++)
        assert_memory_equal(&before[i], &after[i], sizeof(fs_box));
}

static void every_op_names_the_box_it_draws(void **state)
{
    fixture *f = *state;
    fs_box *first = text(f, "first", 10), *second = text(f, "second", 10);
    second->pos = fs_pos_at("data/notes.md", 12, 1);
    fs_box *framed[] = {second};
    fs_box *frame = with_children(f, FS_BOX_FRAME, framed, 1);
    frame->has_fill = true;
    frame->pos = fs_pos_at("layout.yaml", 20, 5);
    fs_box *footer_text[] = {text(f, "footer", 8)};
    fs_box *footer = with_children(f, FS_BOX_STACK, footer_text, 1);
    footer_text[0]->pos = fs_pos_at("layout.yaml", 40, 3);
    fs_box *blocks[] = {first, frame};
    fs_display *display = place_body(f, blocks, 2, footer);
    assert_non_null(display);
    assert_int_equal(find_text(display, 0, "first")->pos.line, 7);
    const fs_op *inner = find_text(display, 0, "second");
    assert_string_equal(inner->pos.file, "data/notes.md");
    assert_int_equal(inner->pos.line, 12);
    /* The frame's fill is the frame's, and the footer's text the footer's,
     * though the footer is drawn after the body. */
    const fs_op *fill = NULL;
    for (size_t i = 0; i < display->pages[0].count && !fill; i++)
        if (display->pages[0].ops[i].kind == FS_OP_RECT)
            fill = &display->pages[0].ops[i];
    assert_non_null(fill);
    assert_int_equal(fill->pos.line, 20);
    assert_int_equal(find_text(display, 0, "footer")->pos.line, 40);
}

/* ---- structure of a tagged PDF ------------------------------------------ */

/* The op of page 0 drawing markup s exactly, whichever its kind. */
static const fs_op *op_of(const fs_display *display, const char *s)
{
    const fs_op *op = find_text(display, 0, s);
    assert_non_null(op);
    return op;
}

static void assert_tag(const fs_tag *tag, fs_tag_role role, const fs_tag *parent)
{
    assert_non_null(tag);
    assert_int_equal(tag->role, role);
    assert_ptr_equal(tag->parent, parent);
}

/* A top-level block is a Sect of the document; a heading an H of its
 * level; what the running heads draw, an artifact. */
static void blocks_are_sections_and_running_heads_artifacts(void **state)
{
    fixture *f = *state;
    fs_box *title = text(f, "Title", 20);
    title->as.text.level = 1;
    fs_box *blocks[] = {title, text(f, "body", 10)};
    fs_display *display = place_body(f, blocks, 2, text(f, "Page 1", 8));
    assert_non_null(display);
    const fs_tag *h = op_of(display, "Title")->tag;
    assert_int_equal(h->role, FS_TAG_H);
    assert_int_equal(h->level, 1);
    assert_tag(h->parent, FS_TAG_SECT, NULL);
    const fs_tag *p = op_of(display, "body")->tag;
    assert_tag(p->parent, FS_TAG_SECT, NULL);
    assert_int_equal(p->role, FS_TAG_P);
    assert_ptr_not_equal(p->parent, h->parent);
    assert_null(op_of(display, "Page 1")->tag);
}

/* A stat tile's number and label are one paragraph; its frame, disc and
 * icon are artifacts. */
static void a_stat_tile_is_one_sentence(void **state)
{
    fixture *f = *state;
    fs_box *tile = stat(f, "2,029,052");
    tile->has_fill = true;
    fs_box *blocks[] = {tile};
    fs_display *display = place_body(f, blocks, 1, NULL);
    assert_non_null(display);
    const fs_tag *sentence = op_of(display, "2,029,052")->tag;
    assert_non_null(sentence);
    assert_int_equal(sentence->role, FS_TAG_P);
    assert_tag(sentence->parent, FS_TAG_SECT, NULL);
    assert_ptr_equal(op_of(display, "label")->tag, sentence);
    const fs_page_ops *ops = &display->pages[0];
    for (size_t i = 0; i < ops->count; i++)
        if (ops->ops[i].kind != FS_OP_TEXT)
            assert_null(ops->ops[i].tag);
}

/* An icon alone: the square of its size placed across its width as align
 * says, as tall as that; with alt a Figure (the op carries the alt for
 * check), without one a decoration. */
static void an_icon_alone_is_its_square_and_a_figure_with_alt(void **state)
{
    fixture *f = *state;
    fs_box *named = new_box(f, FS_BOX_ICON), *plain = new_box(f, FS_BOX_ICON);
    fs_box *icons[] = {named, plain};
    for (size_t i = 0; i < 2; i++) {
        icons[i]->as.icon.icon = (fs_box_icon){.has = true, .codepoint = 0xe7ef, .family = "Icons"};
        icons[i]->as.icon.size = 20;
        icons[i]->width_kind = FS_WIDTH_FIXED;
        icons[i]->width = 100;
    }
    named->as.icon.align = FS_ALIGN_CENTER;
    named->as.icon.alt = "Hub";
    plain->as.icon.align = FS_ALIGN_END;
    plain->as.icon.alt = "";
    fs_box *blocks[] = {named, plain};
    fs_display *display = place_body(f, blocks, 2, NULL);
    assert_non_null(display);
    assert_int_equal(display->pages[0].count, 2);
    const fs_op *first = &display->pages[0].ops[0], *second = &display->pages[0].ops[1];
    assert_int_equal(first->kind, FS_OP_ICON);
    assert_float_equal(first->x, 50 + 40, 1e-9);
    assert_float_equal(first->y, 50, 1e-9);
    assert_float_equal(first->w, 20, 1e-9);
    assert_float_equal(first->h, 20, 1e-9);
    assert_string_equal(first->alt, "Hub");
    assert_tag(first->tag, FS_TAG_FIGURE, first->tag->parent);
    assert_string_equal(first->tag->alt, "Hub");
    assert_float_equal(second->x, 50 + 80, 1e-9);
    assert_float_equal(second->y, 50 + 20 + FS_GAP_STACK, 1e-9);
    assert_null(second->alt);
    assert_null(second->tag);
}

/* Every op of a chart, its texts too, is in one Figure with the chart's
 * alternative text. */
static void a_chart_is_one_figure(void **state)
{
    fixture *f = *state;
    const fs_chart_item items[] = {
        {.label = "women", .plain = "women", .text = "50%", .value = 50}};
    const fs_page_ops *ops = place_chart(f, chart(f, FS_CHART_DONUT, items, 1));
    const fs_tag *figure = ops->ops[0].tag;
    assert_tag(figure, FS_TAG_FIGURE, figure->parent);
    assert_string_equal(figure->alt, "the chart in words");
    for (size_t i = 0; i < ops->count; i++)
        assert_ptr_equal(ops->ops[i].tag, figure);
}

/* A list: an L of LIs, each a Lbl (drawn first) and an LBody. */
static void a_list_is_items_of_label_and_body(void **state)
{
    fixture *f = *state;
    fs_box *items[] = {text(f, "first", 10), text(f, "second", 10)};
    fs_box *list = with_children(f, FS_BOX_LIST, items, 2);
    list->as.list.marker = FS_MARKER_BULLET;
    list->as.list.style = style_of(10);
    fs_box *blocks[] = {list};
    fs_display *display = place_body(f, blocks, 1, NULL);
    assert_non_null(display);
    const fs_page_ops *ops = &display->pages[0];
    assert_int_equal(ops->count, 4);
    const fs_tag *l = NULL;
    for (size_t i = 0; i < 4; i += 2) {
        const fs_op *marker = &ops->ops[i], *body = &ops->ops[i + 1];
        assert_string_equal(marker->text.markup, "•");
        assert_string_equal(body->text.markup, i == 0 ? "first" : "second");
        const fs_tag *item = marker->tag->parent;
        assert_int_equal(marker->tag->role, FS_TAG_LBL);
        assert_int_equal(item->role, FS_TAG_LI);
        assert_tag(body->tag, FS_TAG_P, body->tag->parent);
        assert_tag(body->tag->parent, FS_TAG_LBODY, item);
        if (l)
            assert_ptr_equal(item->parent, l);
        l = item->parent;
        assert_tag(l, FS_TAG_L, l->parent);
    }
}

/* Markdown's items come as texts: items of one depth in a row are one
 * list, a deeper one opens a list in the body of the item before it. */
static void markdown_items_make_nested_lists(void **state)
{
    fixture *f = *state;
    const char *words[] = {"one", "two", "two.a", "three"};
    int depths[] = {1, 1, 2, 1};
    fs_box *items[4];
    for (size_t i = 0; i < 4; i++) {
        items[i] = text(f, words[i], 10);
        items[i]->as.text.depth = depths[i];
        items[i]->as.text.item_marker = depths[i] > 1 ? "–" : "•";
    }
    fs_box *blocks[] = {with_children(f, FS_BOX_STACK, items, 4)};
    fs_display *display = place_body(f, blocks, 1, NULL);
    assert_non_null(display);
    const fs_tag *one = op_of(display, "one")->tag, *two = op_of(display, "two")->tag;
    const fs_tag *inner = op_of(display, "two.a")->tag, *three = op_of(display, "three")->tag;
    const fs_tag *list = one->parent->parent->parent;
    assert_int_equal(list->role, FS_TAG_L);
    assert_ptr_equal(two->parent->parent->parent, list);
    assert_ptr_equal(three->parent->parent->parent, list);
    /* two.a: P in an LBody of an LI of an L inside two's LBody. */
    assert_ptr_equal(inner->parent->parent->parent->parent, two->parent);
}

/* In a flow, a paragraph that runs on into the next column is a P of two
 * Spans; a picture's caption is drawn once, in a Caption. */
static void a_run_on_paragraph_is_spans_and_a_caption_drawn_once(void **state)
{
    fixture *f = *state;
    const char *first = lines_of(f, 'a', 7), *second = lines_of(f, 'b', 5);
    fs_box *caption = text(f, "the caption", 10);
    fs_box *caption_children[] = {caption};
    fs_box *picture = with_children(f, FS_BOX_IMAGE, caption_children, 1);
    picture->as.image.height = 10;
    fs_box *children[] = {text(f, first, 10), text(f, second, 10), picture};
    fs_display *display = place_flow(f, children, 3);
    assert_non_null(display);
    const fs_op *parts[2] = {NULL, NULL};
    size_t found = 0;
    size_t captions = 0;
    const fs_tag *caption_tag = NULL;
    for (size_t p = 0; p < display->page_count; p++)
        for (size_t i = 0; i < display->pages[p].count; i++) {
            const fs_op *op = &display->pages[p].ops[i];
            if (op->kind == FS_OP_TEXT && op->text.markup == second && found < 2)
                parts[found++] = op;
            if (op->kind == FS_OP_TEXT && strcmp(op->text.markup, "the caption") == 0) {
                captions++;
                caption_tag = op->tag;
            }
        }
    assert_int_equal(found, 2);
    assert_int_equal(parts[0]->tag->role, FS_TAG_SPAN);
    assert_int_equal(parts[1]->tag->role, FS_TAG_SPAN);
    assert_ptr_not_equal(parts[0]->tag, parts[1]->tag);
    assert_ptr_equal(parts[0]->tag->parent, parts[1]->tag->parent);
    assert_int_equal(parts[0]->tag->parent->role, FS_TAG_P);
    assert_int_equal(captions, 1);
    assert_tag(caption_tag, FS_TAG_P, caption_tag->parent);
    assert_int_equal(caption_tag->parent->role, FS_TAG_CAPTION);
}

/* One text box of markup, placed as the body, with the cells a binder
 * would have kept and a theme's one fallback, "Fallback" for arabic. */
static void place_scripts(fixture *f, const char *markup, bool strict, bool named)
{
    static const fs_fallback fallback = {"arabic", "Fallback", {"theme.yaml", 12, 11}};
    static const fs_fallbacks fallbacks = {&fallback, 1, "Fallback"};
    static const fs_cell_text cells[] = {
        {"Cairo", {"data/offices.csv", 2, 1}},
        {"\xd9\x85\xd8\xb1\xd8\xad\xd8\xa8\xd8\xa7", {"data/offices.csv", 2, 7}},
        {"\xe2\x96\xa1", {"data/offices.csv", 3, 7}}};
    fs_box *box = text(f, markup, 10);
    box->as.text.style.fallbacks = named ? &fallbacks : NULL;
    fs_document doc = {.body = with_children(f, FS_BOX_STACK, &box, 1),
                       .strict = strict,
                       .cells = cells,
                       .cell_count = 3};
    fs_place(&doc, &page, &measurer, f->arena, f->diags);
}

static void text_of_a_named_fallback_is_a_note_at_its_cell(void **state)
{
    fixture *f = *state;
    /* "Office: مرحبا" */
    place_scripts(f, "Office: \xd9\x85\xd8\xb1\xd8\xad\xd8\xa8\xd8\xa7", false, true);
    assert_int_equal(fs_diags_count(f->diags), 1);
    const fs_diag *note = fs_diags_at(f->diags, 0);
    assert_int_equal(note->severity, FS_NOTE);
    assert_string_equal(note->kind, FS_KIND_FALLBACK);
    assert_string_equal(note->pos.file, "data/offices.csv");
    assert_int_equal(note->pos.line, 2);
    assert_int_equal(note->pos.column, 7);
    assert_string_equal(note->message, "'\xd9\x85\xd8\xb1\xd8\xad\xd8\xa8\xd8\xa7' is drawn "
                                       "with 'Fallback', the theme's fallback for arabic");
    assert_null(note->hint);
}

static void text_of_a_font_the_theme_does_not_name_is_a_warning(void **state)
{
    fixture *f = *state;
    place_scripts(f, "Office: \xd9\x85\xd8\xb1\xd8\xad\xd8\xa8\xd8\xa7", false, false);
    assert_int_equal(fs_diags_count(f->diags), 1);
    const fs_diag *warning = fs_diags_at(f->diags, 0);
    assert_int_equal(warning->severity, FS_WARNING);
    assert_string_equal(warning->kind, FS_KIND_GLYPH);
    assert_int_equal(warning->pos.line, 2);
    assert_string_equal(warning->hint, "name it in the theme: fallback: {arabic: Fallback}");
}

static void a_character_no_font_has_is_an_error_under_strict(void **state)
{
    fixture *f = *state;
    place_scripts(f, "Box \xe2\x96\xa1", false, true);
    assert_int_equal(fs_diags_count(f->diags), 1);
    assert_int_equal(fs_diags_at(f->diags, 0)->severity, FS_WARNING);
    fs_diags_clear(f->diags);
    place_scripts(f, "Box \xe2\x96\xa1", true, true);
    assert_int_equal(fs_diags_errors(f->diags), 1);
    const fs_diag *error = fs_diags_at(f->diags, 0);
    assert_string_equal(error->pos.file, "data/offices.csv");
    assert_int_equal(error->pos.line, 3);
    assert_string_equal(error->message,
                        "no font of the theme has a glyph for '\xe2\x96\xa1' (U+25A1): it is "
                        "drawn as a box");
    assert_string_equal(error->hint,
                        "remove the character, or add a font that has it to fonts/fonts.conf and "
                        "name it in the theme: fallback: {common: FAMILY}");
}

static void layout_text_in_another_script_is_reported_at_its_node(void **state)
{
    fixture *f = *state;
    /* "Salut س": no cell holds the س, so the layout wrote it. */
    place_scripts(f, "Salut \xd8\xb3", false, true);
    assert_int_equal(fs_diags_count(f->diags), 1);
    assert_string_equal(fs_diags_at(f->diags, 0)->pos.file, "layout.yaml");
    assert_int_equal(fs_diags_at(f->diags, 0)->pos.line, 7);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(text_is_placed_inside_the_margins, setup, teardown),
        cmocka_unit_test_setup_teardown(text_of_a_named_fallback_is_a_note_at_its_cell, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(text_of_a_font_the_theme_does_not_name_is_a_warning, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(a_character_no_font_has_is_an_error_under_strict, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(layout_text_in_another_script_is_reported_at_its_node,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(stack_puts_the_gap_between_blocks, setup, teardown),
        cmocka_unit_test_setup_teardown(row_shares_width_between_auto_children, setup, teardown),
        cmocka_unit_test_setup_teardown(frames_in_a_row_stretch_to_the_tallest, setup, teardown),
        cmocka_unit_test_setup_teardown(grid_numbers_share_the_size_that_fits_the_widest, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(numbers_that_fit_keep_their_size, setup, teardown),
        cmocka_unit_test_setup_teardown(numbers_never_shrink_below_the_style_limit, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(a_stat_alone_fits_its_own_width, setup, teardown),
        cmocka_unit_test_setup_teardown(icon_disc_is_centred_on_the_figures, setup, teardown),
        cmocka_unit_test_setup_teardown(the_label_runs_the_whole_width_under_the_number, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(an_icon_on_top_stands_above_the_number, setup, teardown),
        cmocka_unit_test_setup_teardown(a_corner_icon_is_small_and_keeps_out_of_the_number, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(no_icon_draws_neither_disc_nor_glyph, setup, teardown),
        cmocka_unit_test_setup_teardown(a_hero_spans_two_columns_and_fits_on_its_own, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(numbers_and_labels_of_a_row_share_their_lines, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(a_cell_spans_the_columns_it_asks_for, setup, teardown),
        cmocka_unit_test_setup_teardown(an_incomplete_last_row_is_centred_stretched_or_at_the_start,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(a_cell_left_out_takes_no_room, setup, teardown),
        cmocka_unit_test_setup_teardown(blocks_that_do_not_fit_move_to_the_next_page, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(a_heading_never_ends_a_page, setup, teardown),
        cmocka_unit_test_setup_teardown(a_block_taller_than_a_page_is_an_error, setup, teardown),
        cmocka_unit_test_setup_teardown(pages_are_capped, setup, teardown),
        cmocka_unit_test_setup_teardown(footer_sits_at_the_bottom_of_every_page, setup, teardown),
        cmocka_unit_test_setup_teardown(band_fill_reaches_the_page_edges, setup, teardown),
        cmocka_unit_test_setup_teardown(list_items_get_markers, setup, teardown),
        cmocka_unit_test_setup_teardown(a_paragraph_splits_between_columns, setup, teardown),
        cmocka_unit_test_setup_teardown(no_widow_line_is_left_alone, setup, teardown),
        cmocka_unit_test_setup_teardown(no_orphan_line_starts_a_paragraph, setup, teardown),
        cmocka_unit_test_setup_teardown(a_short_paragraph_moves_whole, setup, teardown),
        cmocka_unit_test_setup_teardown(a_heading_keeps_with_the_next_paragraph, setup, teardown),
        cmocka_unit_test_setup_teardown(a_heading_keeps_three_lines_or_two_items, setup, teardown),
        cmocka_unit_test_setup_teardown(a_short_list_item_a_quote_and_a_caption_never_split, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(the_columns_of_a_page_that_goes_on_end_level, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(a_case_study_starts_where_its_opening_fits, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(a_flow_continues_on_the_next_page_and_balances_its_last,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(a_list_item_splits_and_keeps_its_marker_on_its_first_part,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(a_column_break_starts_the_next_column, setup, teardown),
        cmocka_unit_test_setup_teardown(running_footer_numbers_its_pages, setup, teardown),
        cmocka_unit_test_setup_teardown(a_first_page_header_can_differ, setup, teardown),
        cmocka_unit_test_setup_teardown(a_donut_draws_a_track_and_its_share, setup, teardown),
        cmocka_unit_test_setup_teardown(a_donut_of_nothing_and_of_everything, setup, teardown),
        cmocka_unit_test_setup_teardown(a_donut_takes_the_height_it_is_given, setup, teardown),
        cmocka_unit_test_setup_teardown(an_icon_array_fills_the_share_of_its_pictograms, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(an_icon_array_of_twenty_takes_two_rows, setup, teardown),
        cmocka_unit_test_setup_teardown(a_share_of_whole_pictograms_draws_none_in_part, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(bars_are_proportional_to_the_largest_target, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(bars_without_targets_end_at_the_largest_value, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(a_progress_bar_fills_value_over_target, setup, teardown),
        cmocka_unit_test_setup_teardown(a_progress_bar_past_its_target_is_full, setup, teardown),
        cmocka_unit_test_setup_teardown(a_timeline_groups_rows_of_one_date, setup, teardown),
        cmocka_unit_test_setup_teardown(a_timeline_groups_only_consecutive_rows, setup, teardown),
        cmocka_unit_test_setup_teardown(a_timeline_across_gives_each_phase_its_bar_and_colour,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(an_icon_stands_before_a_label, setup, teardown),
        cmocka_unit_test_setup_teardown(columns_are_proportional_to_the_largest_value, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(columns_with_targets_draw_the_target_behind, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(every_chart_stays_in_its_height, setup, teardown),
        cmocka_unit_test_setup_teardown(thick_bars_stay_in_their_rows, setup, teardown),
        cmocka_unit_test_setup_teardown(a_progress_chart_of_several_rows_draws_each, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(charts_of_no_rows_draw_nothing, setup, teardown),
        cmocka_unit_test_setup_teardown(a_body_too_long_shrinks_to_its_page_count, setup, teardown),
        cmocka_unit_test_setup_teardown(blocks_are_sections_and_running_heads_artifacts, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(a_stat_tile_is_one_sentence, setup, teardown),
        cmocka_unit_test_setup_teardown(a_chart_is_one_figure, setup, teardown),
        cmocka_unit_test_setup_teardown(an_icon_alone_is_its_square_and_a_figure_with_alt, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(a_list_is_items_of_label_and_body, setup, teardown),
        cmocka_unit_test_setup_teardown(markdown_items_make_nested_lists, setup, teardown),
        cmocka_unit_test_setup_teardown(a_run_on_paragraph_is_spans_and_a_caption_drawn_once, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(a_body_that_cannot_shrink_enough_is_an_overflow, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(a_body_that_fits_is_not_shrunk, setup, teardown),
        cmocka_unit_test_setup_teardown(a_fit_takes_the_largest_whole_step_in_few_trials, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(a_shrunk_body_reports_the_numbers_that_do_not_fit, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(a_shrunk_stat_shrinks_its_comparison_line, setup, teardown),
        cmocka_unit_test_setup_teardown(placing_leaves_the_box_tree_as_bind_made_it, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(every_op_names_the_box_it_draws, setup, teardown),
    };
    return cmocka_run_group_tests_name("place", tests, NULL, NULL);
}
