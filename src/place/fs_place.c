/* Placement's driver: a trial places the body on pages and draws the
 * running heads on each; fs_place runs trials until the body keeps its
 * page count. */
#include "fs_place.h"

#include <math.h>
#include <string.h>

#include "core/fs_grow.h"
#include "place/fs_place_internal.h"

static fs_page_ops *new_page(placer *p, fs_display *display, size_t *capacity)
{
    if (display->page_count == FS_MAX_PAGES) {
        fs_error(p->diags, p->current ? p->current->pos : fs_pos_at(NULL, 0, 0),
                 "split the data into several documents (render --each COLUMN)",
                 "the document would have more than %d pages", FS_MAX_PAGES);
        p->failed = true;
        return NULL;
    }
    fs_page_ops *pages = fs_arena_reserve(p->arena, display->pages, display->page_count,
                                          display->page_count + 1, capacity, sizeof *pages);
    if (!pages)
        return NULL;
    display->pages = pages;
    fs_page_ops *page = &display->pages[display->page_count++];
    *page = (fs_page_ops){0};
    return page;
}

/* Where the body starts and ends on a page: on the first (which 0) or the
 * others (which 1), below the running header and above the footer. */
static double body_top(const pager *g, size_t which)
{
    return g->spec->margin.top + (g->header[which] > 0 ? g->header[which] + FS_GAP_STACK : 0);
}

static double body_bottom(const pager *g, size_t which)
{
    return g->spec->height - g->spec->margin.bottom -
           (g->footer[which] > 0 ? g->footer[which] + FS_GAP_STACK : 0);
}

bool place_start_page(placer *p, pager *g)
{
    p->page = new_page(p, g->display, &g->capacity);
    if (!p->page)
        return false;
    fs_display *display = g->display;
    size_t count = display->page_count;
    fs_pos *starts = fs_arena_reserve(p->arena, display->page_starts, count - 1, count,
                                      &g->starts_capacity, sizeof *starts);
    double *used = fs_arena_reserve(p->arena, display->page_used, count - 1, count,
                                    &g->used_capacity, sizeof *used);
    if (!starts || !used) {
        p->failed = true;
        return false;
    }
    display->page_starts = starts;
    display->page_used = used;
    starts[count - 1] = p->current ? p->current->pos : fs_pos_at(NULL, 0, 0);
    if (count > 1)
        used[count - 2] = g->y - g->top;
    used[count - 1] = 0;
    size_t which = g->display->page_count == 1 ? 0 : 1;
    g->top = body_top(g, which);
    g->bottom = body_bottom(g, which);
    g->y = g->top;
    /* A band reaches the paper's top or bottom edge only where no running
     * header or footer is in the way. */
    p->page_top = g->header[which] > 0 ? -1 : g->top;
    p->page_bottom = g->footer[which] > 0 ? -1 : g->bottom;
    return true;
}

/* The back page: a page of its own after the body, without running heads,
 * its content standing on the bottom margin. Returns its number. */
static size_t place_back_page(placer *p, pager *g, const fs_box *back)
{
    if (!place_start_page(p, g))
        return 0;
    const fs_page_spec *spec = g->spec;
    double room = spec->height - spec->margin.top - spec->margin.bottom;
    p->current = back;
    p->group = place_tag(p, FS_TAG_SECT, 0, NULL);
    double height = place_measure_box(p, back, g->width);
    if (height > room + 0.01)
        fs_diag_add_kind(p->diags, FS_ERROR, FS_KIND_OVERFLOW, back->pos,
                         "shorten the back page's texts or leave some of its blocks out",
                         "the back page is %.0f mm taller than a page has room for",
                         (height - room) * 25.4 / 72);
    double y = spec->height - spec->margin.bottom - height;
    p->page_top = spec->margin.top;
    p->page_bottom = spec->height - spec->margin.bottom;
    place_box(p, back, g->x, y, g->width, 0);
    g->display->page_used[g->display->page_count - 1] = height;
    return g->display->page_count;
}

/* What a trial made: its pages (NULL when it failed), whether it failed for
 * want of memory (then no size can be judged by it), the height its body
 * takes on them, and how far that runs past the room of the pages allowed
 * (negative: the room left), from which the next trial's size is guessed. */
typedef struct {
    fs_display *display;
    bool out_of_memory;
    double used, excess;
} trial;

/* One placement of the document (a trial), with the body's texts at scale
 * times their size; its problems go to diags. */
static trial place_once(const fs_document *doc, const fs_page_spec *page,
                        const fs_measurer *measurer, double scale, fs_arena *arena, fs_diags *diags)
{
    trial none = {.out_of_memory = true};
    fs_display *display = fs_arena_alloc(arena, sizeof *display);
    if (!display)
        return none;
    display->width = page->width;
    display->height = page->height;
    placer p = {.measurer = measurer,
                .arena = arena,
                .diags = diags,
                .page_width = page->width,
                .page_height = page->height,
                .strict = doc->strict,
                .cells = doc->cells,
                .cell_count = doc->cell_count,
                .page_number = 1,
                .page_count = 1,
                .body_scale = scale,
                .text_scale = 1,
                .measured = {.arena = arena},
                .foreign = {.arena = arena},
                .scaled = {.arena = arena},
                .fits = {.arena = arena}};
    size_t errors = fs_diags_errors(diags);
    pager g = {.doc = doc,
               .spec = page,
               .display = display,
               .x = page->margin.left,
               .width = page->width - page->margin.left - page->margin.right};
    const fs_box *headers[2] = {doc->first_header, doc->header};
    const fs_box *footers[2] = {doc->first_footer, doc->footer};
    for (size_t i = 0; i < 2; i++) {
        g.header[i] = headers[i] ? place_measure_box(&p, headers[i], g.width) : 0;
        g.footer[i] = footers[i] ? place_measure_box(&p, footers[i], g.width) : 0;
    }
    double gap = page->gap >= 0 ? page->gap : FS_GAP_STACK;
    if (!place_start_page(&p, &g))
        return none;
    p.text_scale = p.body_scale;
    /* The body is the tagged PDF's content, a Sect per block; what the
     * running heads draw is an artifact. */
    p.tagging = true;
    for (size_t i = 0; i < doc->body->child_count && !p.failed; i++) {
        const fs_box *block = doc->body->children[i];
        p.current = block;
        p.group = NULL;
        place_end_run(&p);
        if (block->kind == FS_BOX_BREAK) {
            if (g.y > g.top + 0.01 && !place_start_page(&p, &g))
                return none;
            continue;
        }
        p.group = place_tag(&p, FS_TAG_SECT, 0, NULL);
        if (block->kind == FS_BOX_FLOW) {
            place_flow(&p, &g, block);
            g.y += gap;
            continue;
        }
        double w = place_child_width(block, g.width);
        place_fit_numbers(&p, &block, &w, 1);
        double height = place_measure_box(&p, block, w);
        /* A heading (or a block that keeps with the next) never ends a
         * page: it starts the next one with the block it leads to. */
        double kept = height;
        const fs_box *next = i + 1 < doc->body->child_count ? doc->body->children[i + 1] : NULL;
        if (block->keep_with_next && next && next->kind != FS_BOX_BREAK &&
            next->kind != FS_BOX_FLOW)
            kept += gap + place_measure_box(&p, next, place_child_width(next, g.width));
        if (g.y > g.top + 0.01 && g.y + kept > g.bottom + 0.01 && kept <= g.bottom - g.top &&
            !place_start_page(&p, &g))
            return none;
        if (g.y > g.top + 0.01 && g.y + height > g.bottom + 0.01 && !place_start_page(&p, &g))
            return none;
        if (g.y + height > g.bottom + 0.01)
            fs_diag_add_kind(diags, FS_ERROR, FS_KIND_OVERFLOW, block->pos,
                             "shorten its text or split it into several blocks",
                             "this block is %.0f mm taller than the space a page has for it",
                             (g.y + height - g.bottom) * 25.4 / 72);
        place_box(&p, block, g.x, g.y, w, 0);
        g.y += height + gap;
    }
    display->page_used[display->page_count - 1] = g.y - g.top;
    size_t back = doc->back_page && !p.failed ? place_back_page(&p, &g, doc->back_page) : 0;
    p.tagging = false;
    p.group = NULL;
    p.text_scale = 1;
    /* Headers and footers last, when the number of pages is known; the
     * header's operations go first on each page and the footer's last, so
     * the content stream, and the text a reader or extractor gets, follows
     * reading order. */
    p.page_count = display->page_count;
    for (size_t i = 0; i < display->page_count && !p.failed; i++) {
        size_t which = i == 0 ? 0 : 1;
        bool heads = !back || i + 1 < back;
        fs_page_ops body = display->pages[i], running = {0};
        p.page_number = i + 1;
        p.page = &running;
        if (heads && headers[which])
            place_box(&p, headers[which], g.x, page->margin.top, g.width, 0);
        for (size_t k = 0; k < body.count; k++)
            if (!fs_display_add(arena, &running, &body.ops[k]))
                p.failed = true;
        if (heads && footers[which])
            place_box(&p, footers[which], g.x, page->height - page->margin.bottom - g.footer[which],
                      g.width, 0);
        display->pages[i] = running;
    }
    trial made = {p.failed || fs_diags_errors(diags) > errors ? NULL : display, p.failed, 0, 0};
    /* The body's height ends with a gap no block needs. */
    made.used = -gap;
    for (size_t i = 0; i < display->page_count; i++)
        made.used += display->page_used[i];
    made.excess = made.used;
    for (long i = 0; i < page->max_pages; i++)
        made.excess -= body_bottom(&g, i == 0 ? 0 : 1) - body_top(&g, i == 0 ? 0 : 1);
    return made;
}

/* The smallest share of their size the body's texts may all take: the
 * largest 'shrink' of the styles they use. */
static double shrink_floor(const fs_box *box)
{
    double floor = 0;
    if (box->kind == FS_BOX_TEXT)
        floor = box->as.text.style.min_scale;
    if (box->kind == FS_BOX_LIST)
        floor = box->as.list.style.min_scale;
    if (box->kind == FS_BOX_CHART)
        floor = box->as.chart.style.min_scale;
    if (box->kind == FS_BOX_STAT)
        floor = fmax(box->as.stat.number_style.min_scale, box->as.stat.label_style.min_scale);
    if (box->kind == FS_BOX_STAT && box->as.stat.compare)
        floor = fmax(floor, box->as.stat.compare_style.min_scale);
    for (size_t i = 0; i < box->child_count; i++)
        floor = fmax(floor, shrink_floor(box->children[i]));
    return floor;
}

/* The first body block drawn past the last page allowed, and how far the
 * body runs past it: the height of what the extra pages hold. */
static void past_the_end(const fs_display *display, const fs_page_spec *page, fs_pos *where,
                         double *overflow)
{
    *overflow = 0;
    if (display->page_starts && display->page_starts[page->max_pages].file)
        *where = display->page_starts[page->max_pages];
    for (size_t i = (size_t)page->max_pages; i < display->page_count; i++)
        *overflow += display->page_used[i];
}

/* True when every error of diags is an overflow (and there is one). */
static bool only_overflows(const fs_diags *diags)
{
    size_t errors = 0;
    for (size_t i = 0; i < fs_diags_count(diags); i++) {
        const fs_diag *diag = fs_diags_at(diags, i);
        if (diag->severity != FS_ERROR)
            continue;
        if (!diag->kind || strcmp(diag->kind, FS_KIND_OVERFLOW) != 0)
            return false;
        errors++;
    }
    return errors > 0;
}

/* The page-count fit draws the body's texts at a whole step of their size
 * (FS_FIT_STEPS). */
static double step_scale(int step)
{
    return step / (double)FS_FIT_STEPS;
}

/* The next step to try strictly between lo (fits, or least - 1 while no
 * step is known to) and hi (too long), guessed from how far their bodies
 * run past the room: while no step is known to fit, as if the body's
 * height went with the square of its texts' size from hi's trial (a
 * wrapped text has fewer lines, each less tall), else where the line
 * between lo's and hi's excess crosses zero; the middle when told to
 * bisect. */
static int next_step(int least, int lo, const trial *fits, int hi, const trial *too_long,
                     bool bisect)
{
    double guess;
    if (bisect)
        guess = (lo + hi) / 2.0;
    else if (lo < least)
        guess = too_long->used > 0
                    ? hi * sqrt(fmax(too_long->used - too_long->excess, 0) / too_long->used)
                    : least;
    else
        guess = too_long->excess > fits->excess
                    ? lo + (hi - lo) * -fits->excess / (too_long->excess - fits->excess)
                    : lo + 1;
    int step = isfinite(guess) ? (int)floor(guess) : lo + 1;
    int low = lo < least ? least : lo + 1;
    return step < low ? low : step > hi - 1 ? hi - 1 : step;
}

fs_display *fs_place(const fs_document *doc, const fs_page_spec *page, const fs_measurer *measurer,
                     fs_arena *arena, fs_diags *diags)
{
    /* Each trial reports into a list of its own; the document gets the
     * problems of the trial it is drawn from. */
    fs_diags *full = fs_diags_create(), *tried = fs_diags_create(), *kept = fs_diags_create();
    if (!full || !tried || !kept) {
        fs_diags_free(full);
        fs_diags_free(tried);
        fs_diags_free(kept);
        return NULL;
    }
    trial first = place_once(doc, page, measurer, 1, arena, full);
    size_t limit = page->max_pages > 0 ? (size_t)page->max_pages : 0;
    /* A page count to keep may be kept by shrinking: the body is too long,
     * or a block is taller than a page. Other problems are reported as
     * they are. */
    bool shrinkable =
        limit && (first.display ? first.display->page_count > limit : only_overflows(full));
    /* Too long: the largest step, down to what the styles allow, at which
     * the body fits, found between a step that fits (lo) and one that is
     * too long (hi). Sizes scale linearly, so the excess of two trials
     * points close to it. */
    int least = (int)ceil(fmin(shrink_floor(doc->body), 1) * FS_FIT_STEPS - 1e-9);
    int lo = least - 1, hi = FS_FIT_STEPS;
    trial fits = {0}, too_long = first;
    /* Guesses that keep moving the same end without halving the bracket
     * give way to halving it. */
    bool bisect = false, moved_lo = false, moved_hi = false;
    while (shrinkable && hi - lo > 1) {
        int step = next_step(least, lo, &fits, hi, &too_long, bisect);
        int before = hi - lo;
        fs_diags_clear(tried);
        trial t = place_once(doc, page, measurer, step_scale(step), arena, tried);
        if (t.out_of_memory) {
            /* Taken for too long, it would draw the page smaller than it
             * needs: the document fails instead, as the caller says. */
            fs_diags_free(full);
            fs_diags_free(tried);
            fs_diags_free(kept);
            return NULL;
        }
        bool fitted = t.display && t.display->page_count <= limit;
        if (fitted) {
            lo = step;
            fits = t;
            fs_diags *swap = kept;
            kept = tried;
            tried = swap;
        } else {
            hi = step;
            too_long = t;
        }
        bisect = (fitted ? moved_lo : moved_hi) && (hi - lo) * 2 > before;
        moved_lo = fitted;
        moved_hi = !fitted;
    }
    if (!shrinkable || !fits.display) {
        fs_diags_take(diags, full);
        fs_diags_free(full);
        fs_diags_free(tried);
        fs_diags_free(kept);
        if (!shrinkable)
            return first.display;
        /* A block taller than a page even at the smallest size is reported
         * as such, at full size; a body too long is reported as at the
         * smallest size, other problems as at full size. */
        if (!too_long.display)
            return NULL;
        fs_pos where = page->pos;
        double overflow = 0;
        past_the_end(too_long.display, page, &where, &overflow);
        fs_diag_add_kind(diags, FS_ERROR, FS_KIND_OVERFLOW, where,
                         "shorten the texts of this language, or allow more pages ('pages' of "
                         "'page')",
                         "the body takes %zu pages where the layout allows %zu, even with its "
                         "texts at %d%% of their size: %.0f pt (%.0f mm) run past the end",
                         too_long.display->page_count, limit, hi, overflow, overflow * 25.4 / 72);
        return NULL;
    }
    fs_diags_take(diags, kept);
    fs_diags_free(full);
    fs_diags_free(tried);
    fs_diags_free(kept);
    fs_diag_add_kind(diags, FS_NOTE, FS_KIND_SHRUNK, page->pos, NULL,
                     "the body's texts are drawn at %d%% of their size to fit on %zu page%s", lo,
                     limit, limit == 1 ? "" : "s");
    return fits.display;
}
