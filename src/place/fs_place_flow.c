/* A flow: text through columns and onto further pages, split between
 * lines with no widow or orphan, its last page balanced.
 *
 * What keeps together: a heading with what follows it (three lines of a
 * paragraph, two list items, or the next block whole); a list item of up
 * to four lines, a quote, a picture and its caption, any block that is not
 * text; a case study (a row of a repeated column) starts where its opening
 * and the first lines of its text fit. */

#include <math.h>

#include "core/fs_grow.h"
#include "place/fs_place_internal.h"

/* A flow is laid out as a sequence of pieces: each paragraph of its text,
 * each list item, each paragraph of a quote can split between two lines;
 * anything else (a picture, a grid, a box) moves whole. */
typedef struct {
    const fs_box *box;
    const fs_text_style *style; /* a text's, scaled */
    size_t paragraph;           /* of a text box */
    bool text;                  /* splits between lines */
    bool keep;                  /* starts in the same column as the next piece */
    bool heading;               /* never split, and kept with what follows */
    bool whole;                 /* never split: a caption, a quote, a short list item */
    bool item;                  /* a paragraph of a list item */
    bool section;               /* the first piece of a case study */
    bool column_break, page_break;
    double indent; /* of a list item or quote */
    const char *marker;
    const fs_text_style *marker_style;
    /* In a tagged PDF: a text's paragraph element and its marker's Lbl; a
     * picture's Figure; for anything else, the element it goes under. */
    const fs_tag *tag, *marker_tag, *group;
    double space_before, space_after;
    /* measured at the column's width */
    double *bottoms; /* text: the bottom of each line */
    int lines;
    double height;
} piece;

typedef struct {
    piece *pieces;
    size_t count, capacity;
} pieces;

/* Where a flow has got to: the next piece, and its first line not yet
 * placed. */
typedef struct {
    size_t piece;
    int line;
} flow_at;

enum {
    FLOW_ORPHANS = 2,       /* lines of a paragraph at least at the foot of a column */
    FLOW_WIDOWS = 2,        /* and at the top of the next */
    FLOW_HEADING_LINES = 3, /* lines a heading keeps with */
    FLOW_WHOLE_ITEM = 4     /* lines of a list item that never splits */
};

static const double FLOW_BLOCK_SPACE = 8; /* around what is not text */
/* The most a gap grows to bring the columns of a page level (points, a
 * line of body text): past it, the columns end as they fall, or a page the
 * flow goes on from is filled to a shorter height. */
static const double FLOW_LEVEL_STRETCH = 13;
/* The most a page the flow goes on from ends above its foot to bring its
 * columns level (about three lines of body text), unless what did not fit
 * at the foot of a column keeps together over more. */
static const double FLOW_LEVEL_LOSS = 45;

static piece *add_piece(placer *p, pieces *list, const fs_box *box)
{
    piece *grown = fs_arena_reserve(p->arena, list->pieces, list->count, list->count + 1,
                                    &list->capacity, sizeof *grown);
    if (!grown) {
        p->failed = true;
        return NULL;
    }
    list->pieces = grown;
    piece *pc = &list->pieces[list->count++];
    *pc = (piece){.box = box,
                  .group = p->group,
                  .space_before = FLOW_BLOCK_SPACE,
                  .space_after = FLOW_BLOCK_SPACE};
    return pc;
}

/* The pieces of a text box's paragraphs, their elements under group; the
 * first paragraph's marker (its own, or the one given) has the Lbl
 * marker_tag. */
static void add_text_pieces(placer *p, pieces *list, const fs_box *box, double indent,
                            const char *marker, const fs_text_style *marker_style,
                            const fs_tag *group, const fs_tag *marker_tag)
{
    const fs_text_style *style = place_scaled(p, &box->as.text.style);
    for (size_t i = 0; i < box->as.text.paragraph_count; i++) {
        piece *pc = add_piece(p, list, box);
        if (!pc)
            return;
        pc->tag = place_paragraph_tag(p, box, group);
        pc->marker_tag = i == 0 ? marker_tag : NULL;
        pc->style = style;
        pc->paragraph = i;
        pc->text = true;
        pc->heading = box->as.text.level > 0;
        pc->indent = indent + place_text_indent(box, style, box->as.text.has_bar);
        pc->marker = i == 0 ? (marker ? marker : box->as.text.item_marker) : NULL;
        pc->marker_style = marker_style ? marker_style : style;
        pc->space_before = i == 0 ? style->space_before : 0;
        pc->space_after =
            i + 1 == box->as.text.paragraph_count && box->gap >= 0 ? box->gap : style->space_after;
        pc->keep =
            i + 1 < box->as.text.paragraph_count ? false : box->keep_with_next || pc->heading;
    }
}

/* The pieces of box, in reading order, with their elements (made here, as
 * the flow is drawn once they are laid out). */
static void add_pieces(placer *p, pieces *list, const fs_box *box)
{
    if (box->kind != FS_BOX_TEXT)
        place_end_run(p);
    switch (box->kind) {
    case FS_BOX_STACK: {
        size_t first = list->count;
        for (size_t i = 0; i < box->child_count; i++)
            add_pieces(p, list, box->children[i]);
        if (box->section && list->count > first)
            list->pieces[first].section = true;
        place_end_run(p);
        return;
    }
    case FS_BOX_TEXT: {
        const fs_text_style *marker = NULL;
        if (box->as.text.item_marker)
            marker = place_marker_style(p, place_scaled(p, &box->as.text.style), box->as.text.bar);
        const fs_tag *lbl;
        const fs_tag *group = place_text_group(p, box, &lbl);
        size_t first = list->count;
        add_text_pieces(p, list, box, 0, NULL, marker, group, lbl);
        /* A Markdown list item, or a paragraph of a quote (kept with the
         * rest of its quote, which bind marks with has_bar). */
        for (size_t k = first; k < list->count; k++) {
            list->pieces[k].item = box->as.text.depth > 0;
            list->pieces[k].whole = box->as.text.has_bar;
        }
        return;
    }
    case FS_BOX_QUOTE: {
        /* A quote moves whole: its paragraphs and attribution together. */
        const fs_tag *quote = place_tag(p, FS_TAG_BLOCKQUOTE, 0, p->group);
        size_t first = list->count;
        for (size_t i = 0; i < box->child_count; i++)
            add_text_pieces(p, list, box->children[i], 0, NULL, NULL, quote, NULL);
        for (size_t k = first; k < list->count; k++) {
            list->pieces[k].whole = true;
            list->pieces[k].keep = k + 1 < list->count;
        }
        return;
    }
    case FS_BOX_LIST: {
        const fs_text_style *style = place_scaled(p, &box->as.list.style);
        const fs_text_style *marker = place_marker_style(p, style, box->as.list.marker_color);
        double indent = box->as.list.marker == FS_MARKER_NONE ? 0 : style->size * LIST_INDENT;
        const fs_tag *l = place_tag(p, FS_TAG_L, 0, p->group);
        for (size_t i = 0; i < box->child_count; i++) {
            const char *text = box->as.list.marker == FS_MARKER_BULLET ? "•"
                               : box->as.list.marker == FS_MARKER_NUMBER
                                   ? fs_arena_printf(p->arena, "%zu.", i + 1)
                                   : NULL;
            const fs_tag *item = place_tag(p, FS_TAG_LI, 0, l);
            const fs_tag *lbl = text ? place_tag(p, FS_TAG_LBL, 0, item) : NULL;
            size_t first = list->count;
            add_text_pieces(p, list, box->children[i], indent, text, marker,
                            place_tag(p, FS_TAG_LBODY, 0, item), lbl);
            /* Items of a list are closer than paragraphs. */
            for (size_t k = first; k < list->count; k++) {
                list->pieces[k].space_after = place_gap(box, FS_GAP_LIST);
                list->pieces[k].item = true;
            }
        }
        return;
    }
    case FS_BOX_BREAK: {
        piece *pc = add_piece(p, list, box);
        if (pc) {
            pc->column_break = box->as.brk.column;
            pc->page_break = !box->as.brk.column;
            pc->space_before = pc->space_after = 0;
        }
        return;
    }
    case FS_BOX_IMAGE: {
        piece *pc = add_piece(p, list, box);
        if (pc)
            pc->tag = place_picture_tag(p, box);
        if (pc && box->child_count) {
            /* The caption is a piece of its own, kept with its picture and
             * never split from it. */
            pc->keep = true;
            pc->space_after = box->as.image.caption_gap;
            size_t first = list->count;
            add_text_pieces(p, list, box->children[0], 0, NULL, NULL,
                            place_tag(p, FS_TAG_CAPTION, 0, p->group), NULL);
            for (size_t k = first; k < list->count; k++)
                list->pieces[k].whole = true;
        }
        return;
    }
    default: {
        piece *pc = add_piece(p, list, box);
        if (pc)
            pc->keep = box->keep_with_next;
        return;
    }
    }
}

/* Measures every piece at the width of a column. */
static void measure_pieces(placer *p, pieces *list, double width)
{
    for (size_t i = 0; i < list->count && !p->failed; i++) {
        piece *pc = &list->pieces[i];
        double w = width - pc->indent;
        if (pc->column_break || pc->page_break)
            continue;
        if (!pc->text) {
            pc->height = pc->box->kind == FS_BOX_IMAGE ? place_image_height(pc->box, w)
                                                       : place_measure_box(p, pc->box, w);
            continue;
        }
        const fs_box *box = pc->box;
        fs_extent extent =
            place_measure(p, box->as.text.paragraphs[pc->paragraph], pc->style, pc->style->size, w);
        int lines = extent.lines > 0 ? extent.lines : 1;
        pc->bottoms = fs_arena_array(p->arena, (size_t)lines, sizeof(double));
        if (!pc->bottoms) {
            p->failed = true;
            return;
        }
        fs_text text = {.markup = box->as.text.paragraphs[pc->paragraph],
                        .style = pc->style,
                        .size = pc->style->size,
                        .width = w};
        int found = p->measurer->line_bottoms(p->measurer->context, &text, pc->bottoms, lines);
        if (found != lines) {
            /* A measurer that cannot list lines: one block of equal lines. */
            for (int k = 0; k < lines; k++)
                pc->bottoms[k] = extent.height * (k + 1) / lines;
        }
        pc->lines = lines;
        pc->height = pc->bottoms[lines - 1];
    }
}

static double line_top(const piece *pc, int line)
{
    return line > 0 ? pc->bottoms[line - 1] : 0;
}

/* Whether a piece may split between lines: a paragraph long enough to
 * leave lines at both ends, that nothing keeps whole. */
static bool splits(const piece *pc)
{
    return pc->text && !pc->heading && !pc->whole && pc->lines >= FLOW_ORPHANS + FLOW_WIDOWS;
}

/* Decides what measuring shows: a list item of a few lines moves whole,
 * and the paragraphs of a Markdown quote keep together. */
static void keep_short_blocks(pieces *list)
{
    for (size_t i = 0; i < list->count; i++) {
        piece *pc = &list->pieces[i];
        if (pc->item && pc->lines <= FLOW_WHOLE_ITEM)
            pc->whole = true;
        const piece *next = i + 1 < list->count ? &list->pieces[i + 1] : NULL;
        if (pc->text && pc->box->as.text.has_bar && next && next->text &&
            next->box->as.text.has_bar)
            pc->keep = true;
    }
}

static double lead_height(const pieces *list, size_t i, int depth);

/* The height a piece needs at the bottom of a column to start there: its
 * first lines (all of it when it cannot split), and what it keeps with. */
static double start_height(const pieces *list, size_t i, int depth)
{
    if (i >= list->count || depth > 8)
        return 0;
    const piece *pc = &list->pieces[i];
    if (pc->column_break || pc->page_break)
        return 0;
    if (splits(pc))
        return pc->bottoms[FLOW_ORPHANS - 1];
    double height = pc->height;
    if (pc->keep && i + 1 < list->count) {
        double gap = pc->space_after + list->pieces[i + 1].space_before;
        height += gap + (pc->heading ? lead_height(list, i + 1, depth + 1)
                                     : start_height(list, i + 1, depth + 1));
    }
    return height;
}

/* What a heading keeps with below it: three lines of a paragraph (all of
 * it when splitting it there would leave a widow), two list items, or the
 * next block whole with what that keeps with. */
static double lead_height(const pieces *list, size_t i, int depth)
{
    if (i >= list->count || depth > 8)
        return 0;
    const piece *pc = &list->pieces[i];
    if (!pc->text || pc->heading || pc->column_break || pc->page_break || pc->keep)
        return start_height(list, i, depth);
    double first = pc->height;
    if (splits(pc) && pc->lines >= FLOW_HEADING_LINES + FLOW_WIDOWS)
        first = pc->bottoms[FLOW_HEADING_LINES - 1];
    const piece *next = i + 1 < list->count ? &list->pieces[i + 1] : NULL;
    if (!pc->item || !next || !next->item || !next->marker)
        return first;
    /* The second item: as much of it as starting it takes. */
    return pc->height + pc->space_after + next->space_before + start_height(list, i + 1, depth + 1);
}

/* The height piece i keeps with below it, gaps included; 0 when it
 * keeps with nothing. */
static double kept_height(const pieces *list, size_t i)
{
    const piece *pc = &list->pieces[i];
    if (!pc->keep || i + 1 >= list->count)
        return 0;
    double gap = pc->space_after + list->pieces[i + 1].space_before;
    return gap + (pc->heading ? lead_height(list, i + 1, 0) : start_height(list, i + 1, 0));
}

/* The room a case study needs to start: its opening (the pieces kept
 * together from its first) and the first lines of the text after it. */
static double section_height(const pieces *list, size_t i)
{
    double height = 0;
    size_t k = i;
    while (k < list->count && list->pieces[k].keep && !splits(&list->pieces[k]) && k < i + 8) {
        height += list->pieces[k].height + list->pieces[k].space_after +
                  (k + 1 < list->count ? list->pieces[k + 1].space_before : 0);
        k++;
    }
    return height + lead_height(list, k, 0);
}

/* How a column was filled. */
typedef struct {
    int gaps;        /* between the pieces placed (where a stretch goes) */
    bool broken;     /* a column or page break ends it */
    bool page_break; /* a page break ends it */
} column_fill;

/* Fills one column of the given height from at, drawing when the placer
 * has a page, each gap between two pieces drawn stretch taller (what fits
 * is decided without it). Returns the height used without the stretch; at
 * moves past what was placed. */
static double fill_column(placer *p, const pieces *list, flow_at *at, double x, double top,
                          double width, double height, bool fresh, double stretch,
                          column_fill *fill)
{
    double y = 0;
    bool first = true;
    double after = 0; /* space the last piece placed asks below it */
    bool last_bar = false;
    bool kept = false; /* the last piece placed keeps with this one: their gap stays */
    *fill = (column_fill){0};
    while (at->piece < list->count) {
        const piece *pc = &list->pieces[at->piece];
        if (pc->column_break || pc->page_break) {
            at->piece++;
            at->line = 0;
            fill->broken = true;
            fill->page_break = pc->page_break;
            return y;
        }
        double space = first ? 0 : after + pc->space_before;
        /* Where the piece is drawn: lower by the stretch of the gaps above
         * (not of those between pieces kept together). */
        bool stretched = !first && !kept;
        double shift = stretch * (fill->gaps + stretched);
        double room = height - y - space;
        double x0 = x + pc->indent;
        double w = width - pc->indent;
        if (pc->section && !first && at->line == 0 && section_height(list, at->piece) > room + 0.01)
            return y;
        if (!pc->text) {
            double keep = kept_height(list, at->piece);
            if (!first && pc->height + keep > room + 0.01)
                return y;
            if (first && p->page && pc->height > height + 0.01)
                fs_diag_add_kind(p->diags, FS_ERROR, FS_KIND_OVERFLOW, pc->box->pos,
                                 "make it smaller, or give the flow fewer columns",
                                 "this block is %.0f mm taller than a column of the flow",
                                 (pc->height - height) * 25.4 / 72);
            if (p->page && pc->box->kind == FS_BOX_IMAGE) {
                /* The picture alone: its caption is the next piece. */
                place_picture(p, pc->box, x0, top + y + space + shift, w, pc->tag, false);
            } else if (p->page) {
                const fs_tag *group = p->group;
                p->group = pc->group;
                place_box(p, pc->box, x0, top + y + space + shift, w, 0);
                p->group = group;
            }
            y += space + pc->height;
            after = pc->space_after;
            last_bar = false;
            fill->gaps += stretched;
            kept = pc->keep;
            first = false;
            at->piece++;
            continue;
        }
        int remaining = pc->lines - at->line;
        double rest = pc->height - line_top(pc, at->line);
        double keep = kept_height(list, at->piece);
        int take = remaining;
        if (rest + keep > room + 0.01) {
            /* As many lines as fit, leaving at least two at each end of the
             * paragraph; a heading or a short paragraph moves whole. */
            take = 0;
            while (take < remaining &&
                   pc->bottoms[at->line + take] - line_top(pc, at->line) <= room + 0.01)
                take++;
            if (take == remaining)
                take = remaining - 1; /* what it keeps with did not fit */
            if (remaining - take < FLOW_WIDOWS)
                take = remaining - FLOW_WIDOWS;
            bool splits =
                !pc->heading && !pc->whole && take >= (at->line == 0 ? FLOW_ORPHANS : FLOW_WIDOWS);
            if (!splits)
                take = 0;
            if (take == 0 && first && fresh) {
                /* Nothing fits an empty column: place what fits, at least a
                 * line, rather than loop. */
                take = 1;
                while (take < remaining &&
                       pc->bottoms[at->line + take] - line_top(pc, at->line) <= room + 0.01)
                    take++;
            }
            if (take == 0)
                return y;
        }
        const fs_box *box = pc->box;
        double chunk = pc->bottoms[at->line + take - 1] - line_top(pc, at->line);
        double y0 = top + y + space + shift;
        if (p->page) {
            const fs_box *outer = p->current;
            p->current = box;
            /* Marker, bar, then text: the order a reader gets them in. */
            if (pc->marker && at->line == 0) {
                p->leaf = pc->marker_tag;
                place_emit_marker(p, pc->marker, pc->marker_style, pc->style->size, x0, y0, chunk);
            }
            p->leaf = NULL;
            if (box->as.text.has_bar)
                place_emit_bar(p, &box->as.text.bar, x0 - QUOTE_INDENT,
                               last_bar ? y0 - space - (stretched ? stretch : 0) : y0, y0 + chunk);
            /* A paragraph that runs on into the next column or page is a
             * P of Spans, one per column: what comes between (a running
             * head) stays outside it. */
            bool whole = at->line == 0 && take == pc->lines;
            p->leaf = whole ? pc->tag : place_tag(p, FS_TAG_SPAN, 0, pc->tag);
            place_emit_paragraph(p, box, pc->style, pc->paragraph, x0, y0, w, chunk, at->line,
                                 take == pc->lines ? 0 : take);
            p->leaf = NULL;
            p->current = outer;
        }
        y += space + chunk;
        after = pc->space_after;
        last_bar = box->as.text.has_bar;
        fill->gaps += stretched;
        kept = pc->keep;
        first = false;
        at->line += take;
        if (at->line >= pc->lines) {
            at->piece++;
            at->line = 0;
        } else {
            return y;
        }
    }
    return y;
}

/* How the columns of a page end when drawn: as they fall (while
 * measuring), at the foot of the page (the flow goes on to the next), or
 * level with the tallest (the flow's last page). A column is brought down
 * by stretching the gaps between its pieces evenly: vertical justification
 * within the paragraph gaps, which leaves the lines' spacing, and so every
 * line of text, as it is. A column that a break ends, or that holds one
 * piece, stays as it falls. */
typedef enum { ENDS_AS_THEY_FALL, ENDS_AT_FOOT, ENDS_LEVEL } column_ends;

/* What each column of a page holds at height, as it falls: natural[c] its
 * height, fills[c] how it was filled (all zero past the columns used),
 * ends[c] (when ends is not NULL) where the flow has got to after it.
 * Draws nothing. */
static void column_heights(placer *p, const pieces *list, flow_at at, long columns, double width,
                           double height, bool fresh, double *natural, column_fill *fills,
                           flow_at *ends)
{
    fs_page_ops *page = p->page;
    p->page = NULL;
    for (long c = 0; c < columns; c++) {
        natural[c] = 0;
        fills[c] = (column_fill){0};
        if (at.piece < list->count && (c == 0 || !fills[c - 1].page_break))
            natural[c] =
                fill_column(p, list, &at, 0, 0, width, height, fresh || c > 0, 0, &fills[c]);
        if (ends)
            ends[c] = at;
    }
    p->page = page;
}

/* Fills the columns of one page; returns the height of the tallest, as
 * drawn. */
static double fill_columns(placer *p, const pieces *list, flow_at *at, long columns, double gap,
                           double x, double top, double width, double height, bool fresh,
                           column_ends ends)
{
    double column = (width - gap * (double)(columns - 1)) / (double)columns, used = 0;
    double *natural = NULL, target = height;
    column_fill *fills = NULL;
    if (ends != ENDS_AS_THEY_FALL && p->page) {
        natural = fs_arena_array(p->arena, (size_t)columns, sizeof *natural);
        fills = fs_arena_array(p->arena, (size_t)columns, sizeof *fills);
        if (!natural || !fills) {
            p->failed = true;
            return 0;
        }
        column_heights(p, list, *at, columns, column, height, fresh, natural, fills, NULL);
        double tallest = 0;
        for (long c = 0; c < columns; c++)
            tallest = fmax(tallest, natural[c]);
        target = ends == ENDS_AT_FOOT ? height : tallest;
    }
    column_fill fill = {0};
    for (long c = 0; c < columns && at->piece < list->count && !fill.page_break; c++) {
        double stretch = 0;
        if (fills && fills[c].gaps > 0 && !fills[c].broken && target > natural[c])
            stretch = (target - natural[c]) / fills[c].gaps;
        /* Columns are brought level only by a little: past that, they end
         * as they fall. */
        if (stretch > FLOW_LEVEL_STRETCH)
            stretch = 0;
        double filled = fill_column(p, list, at, x + (double)c * (column + gap), top, column,
                                    height, fresh || c > 0, stretch, &fill);
        used = fmax(used, filled + stretch * fill.gaps);
    }
    return used;
}

/* The room what the flow has got to at needs to start a column: its kept
 * start, or the two lines a paragraph's rest starts with (the gap above
 * it left out: that is the foot's own space). */
static double kept_start(const pieces *list, flow_at at)
{
    const piece *pc = &list->pieces[at.piece];
    if (at.line > 0)
        return pc->bottoms[at.line + FLOW_WIDOWS - 1] - line_top(pc, at.line);
    return start_height(list, at.piece, 0);
}

/* Whether every column of a page filled at height (column_heights) can be
 * brought to it: it ends within half a point of it, a break ends it, it
 * is empty, or its gaps take the difference (FLOW_LEVEL_STRETCH each). */
static bool columns_level(long columns, double height, const double *natural,
                          const column_fill *fills)
{
    for (long c = 0; c < columns; c++) {
        double short_by = height - natural[c];
        bool level = natural[c] <= 0 || fills[c].broken || short_by <= 0.5 ||
                     (fills[c].gaps > 0 && short_by / fills[c].gaps <= FLOW_LEVEL_STRETCH);
        if (!level)
            return false;
    }
    return true;
}

/* The height the columns of a page the flow goes on from end at: the
 * page's room when every column can be brought level there; else the
 * tallest height below it, a point at a time, at which they can, at most
 * FLOW_LEVEL_LOSS above the page's foot, or more when what did not fit
 * under a short column keeps together over more (keeping wins: the page
 * ends at most that block's height above its foot), never more than half
 * the room. When no height does,
 * the room, the columns ending as they fall. */
static double level_height(placer *p, const pieces *list, flow_at at, long columns, double gap,
                           double width, double room, bool fresh)
{
    double column = (width - gap * (double)(columns - 1)) / (double)columns;
    double *natural = fs_arena_array(p->arena, (size_t)columns, sizeof *natural);
    column_fill *fills = fs_arena_array(p->arena, (size_t)columns, sizeof *fills);
    flow_at *ends = fs_arena_array(p->arena, (size_t)columns, sizeof *ends);
    if (!natural || !fills || !ends) {
        p->failed = true;
        return room;
    }
    column_heights(p, list, at, columns, column, room, fresh, natural, fills, ends);
    if (columns_level(columns, room, natural, fills))
        return room;
    double allowed = FLOW_LEVEL_LOSS;
    for (long c = 0; c < columns; c++)
        /* What did not fit under this short column. */
        if (natural[c] > 0 && !fills[c].broken && natural[c] < room - 0.5 &&
            ends[c].piece < list->count)
            allowed = fmax(allowed, kept_start(list, ends[c]));
    /* Never more than half the room: a page emptied that much to level its
     * columns reads worse than columns that end as they fall. */
    double floor = room - fmin(allowed, room / 2) - 0.5;
    for (double height = room - 1; height >= floor && height > 0; height -= 1) {
        column_heights(p, list, at, columns, column, height, fresh, natural, fills, NULL);
        if (columns_level(columns, height, natural, fills))
            return height;
    }
    return room;
}

/* Where filling the page's columns at height from at gets to, drawing
 * nothing. */
static flow_at reach(placer *p, const pieces *list, flow_at at, long columns, double gap,
                     double width, double height, bool fresh)
{
    fs_page_ops *page = p->page;
    p->page = NULL;
    fill_columns(p, list, &at, columns, gap, 0, 0, width, height, fresh, ENDS_AS_THEY_FALL);
    p->page = page;
    return at;
}

static bool at_or_past(flow_at a, flow_at b)
{
    return a.piece > b.piece || (a.piece == b.piece && a.line >= b.line);
}

/* The shortest height, down to a hundredth of a point, at which the
 * page's columns take the flow from at to end (which they do at height). */
static double shortest(placer *p, const pieces *list, flow_at at, flow_at end, long columns,
                       double gap, double width, double height, bool fresh)
{
    double low = 0, high = height;
    for (int i = 0; i < 24; i++) {
        double mid = (low + high) / 2;
        if (at_or_past(reach(p, list, at, columns, gap, width, mid, fresh), end))
            high = mid;
        else
            low = mid;
    }
    return high;
}

/* Places a flow from the current position, on as many pages as it needs.
 * The columns of a page it goes on from end level with each other, at the
 * page's foot or where level_height says; those of its last page are
 * balanced: the shortest height at which they hold the rest, brought level
 * when a little stretch does it. */
void place_flow(placer *p, pager *g, const fs_box *flow)
{
    pieces list = {0};
    for (size_t i = 0; i < flow->child_count; i++)
        add_pieces(p, &list, flow->children[i]);
    long columns = flow->as.flow.columns > 0 ? flow->as.flow.columns : 1;
    double gap = place_gap(flow, FS_GAP_ROW);
    double column = (g->width - gap * (double)(columns - 1)) / (double)columns;
    measure_pieces(p, &list, column);
    keep_short_blocks(&list);
    flow_at at = {0, 0}, done = {list.count, 0};
    while (at.piece < list.count && !p->failed) {
        double room = g->bottom - g->y;
        bool fresh = g->y <= g->top + 0.01;
        if (at_or_past(reach(p, &list, at, columns, gap, g->width, room, fresh), done)) {
            /* The last page: balanced without cutting what a full column
             * would not cut (a column too short for a paragraph's first
             * lines takes none of them), unless only that lets the rest
             * fit the page. */
            bool cut = fresh &&
                       !at_or_past(reach(p, &list, at, columns, gap, g->width, room, false), done);
            double height = shortest(p, &list, at, done, columns, gap, g->width, room, cut);
            g->y += fill_columns(p, &list, &at, columns, gap, g->x, g->y, g->width, height, cut,
                                 ENDS_LEVEL);
            return;
        }
        double height = level_height(p, &list, at, columns, gap, g->width, room, fresh);
        fill_columns(p, &list, &at, columns, gap, g->x, g->y, g->width, height, fresh,
                     ENDS_AT_FOOT);
        /* The page to come starts with the piece the flow has got to. */
        if (at.piece < list.count)
            p->current = list.pieces[at.piece].box;
        if (!place_start_page(p, g))
            return;
    }
}
