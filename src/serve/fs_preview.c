#include "fs_preview.h"

#include <pango/pango.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/uloc.h>
#include <unicode/ustring.h>

#include "batch/fs_pipeline.h"
#include "bind/fs_bind.h"
#include "bind/fs_columns.h"
#include "bind/fs_lang.h"
#include "core/fs_alloc.h"
#include "core/fs_arena.h"
#include "core/fs_json.h"
#include "emit/fs_emit.h"
#include "load/fs_dataset.h"
#include "load/fs_fonts.h"
#include "load/fs_icons.h"
#include "load/fs_image.h"
#include "load/fs_layout.h"
#include "place/fs_pango.h"
#include "serve/fs_watch.h"

/* The layout and the languages made against it: they are read again
 * together, as a language's catalog resolves the layout's own strings. */
typedef struct {
    fs_arena *arena, *lang_arena;
    fs_layout *layout; /* NULL until it first loads */
    fs_lang *langs[FS_PREVIEW_MAX_LANGS];
    fs_diags *lang_diags[FS_PREVIEW_MAX_LANGS]; /* each language's warnings */
    fs_diags *found;                            /* the last load's problems */
    bool failed;                                /* the last load failed: found holds why */
} layout_piece;

typedef struct {
    fs_arena *arena;
    fs_dataset *data; /* NULL until it first loads */
    fs_dataset_part *parts;
    size_t part_count;
    fs_diags *found;
    bool failed;
} data_piece;

struct fs_preview {
    const fs_preview_config *config;
    fs_arena *arena; /* the icon names */
    fs_icons *icons;
    fs_fonts *fonts;
    fs_pango *pango;
    fs_images *images;
    layout_piece layout;
    data_piece data;
    fs_diags *unused;   /* notes for the columns no placeholder reads */
    fs_diags *problems; /* the pieces' problems and those notes, gathered */
    fs_arena *document; /* one document's boxes and draw operations */
    fs_diags *found;    /* one document's problems */
};

static void copy_diags(fs_diags *into, const fs_diags *from)
{
    for (size_t i = 0; from && i < fs_diags_count(from); i++) {
        const fs_diag *d = fs_diags_at(from, i);
        fs_diag_add_kind(into, d->severity, d->kind, d->pos, d->hint, "%s", d->message);
    }
}

/* A load that failed without saying why ran out of memory. */
static void explain(fs_diags *found)
{
    if (fs_diags_errors(found) == 0)
        fs_error(found, fs_pos_at(NULL, 0, 0), "free some memory and save again",
                 "out of memory while reading the inputs");
}

static void gather(fs_preview *p)
{
    fs_diags_clear(p->problems);
    if (p->layout.failed)
        copy_diags(p->problems, p->layout.found);
    if (p->data.failed)
        copy_diags(p->problems, p->data.found);
    if (!p->layout.failed)
        copy_diags(p->problems, p->layout.found);
    if (!p->data.failed)
        copy_diags(p->problems, p->data.found);
    copy_diags(p->problems, p->unused);
}

static void free_langs(fs_lang **langs, fs_diags **diags, fs_arena *arena)
{
    for (size_t i = 0; i < FS_PREVIEW_MAX_LANGS; i++) {
        fs_lang_free(langs[i]);
        fs_diags_free(diags[i]);
        langs[i] = NULL;
        diags[i] = NULL;
    }
    fs_arena_free(arena);
}

/* Reads the layout again when read_layout (or when none loaded yet), then
 * every language against it; the new pair replaces the old only when all
 * of it loads. */
static void load_layout(fs_preview *p, bool read_layout)
{
    const fs_preview_config *c = p->config;
    fs_diags *found = fs_diags_create();
    if (!found)
        return;
    read_layout = read_layout || !p->layout.layout;
    fs_arena *arena = NULL;
    fs_layout *layout = p->layout.layout;
    if (read_layout) {
        arena = fs_arena_create();
        layout = arena ? fs_layout_load(c->layout_dir, arena, found) : NULL;
        if (layout && !fs_fonts_check_theme(p->fonts, layout->theme, found))
            layout = NULL;
    }
    fs_arena *lang_arena = layout ? fs_arena_create() : NULL;
    fs_lang *langs[FS_PREVIEW_MAX_LANGS] = {0};
    fs_diags *lang_diags[FS_PREVIEW_MAX_LANGS] = {0};
    bool ok = lang_arena != NULL;
    /* Every language is read, so that one save shows every problem. */
    for (size_t i = 0; lang_arena && i < c->lang_count; i++) {
        lang_diags[i] = fs_diags_create();
        langs[i] = lang_diags[i] ? fs_lang_create(c->langs[i], layout, c->data_dir, false,
                                                  lang_arena, lang_diags[i])
                                 : NULL;
        ok = ok && langs[i];
    }
    if (ok) {
        free_langs(p->layout.langs, p->layout.lang_diags, p->layout.lang_arena);
        memcpy(p->layout.langs, langs, sizeof langs);
        memcpy(p->layout.lang_diags, lang_diags, sizeof lang_diags);
        p->layout.lang_arena = lang_arena;
        if (read_layout) {
            fs_arena_free(p->layout.arena);
            p->layout.arena = arena;
            p->layout.layout = layout;
        }
    } else {
        for (size_t i = 0; i < c->lang_count; i++)
            copy_diags(found, lang_diags[i]);
        explain(found);
        free_langs(langs, lang_diags, lang_arena);
        if (read_layout)
            fs_arena_free(arena);
    }
    p->layout.failed = !ok;
    fs_diags_free(p->layout.found);
    p->layout.found = found;
}

static void load_data(fs_preview *p)
{
    const fs_preview_config *c = p->config;
    fs_diags *found = fs_diags_create();
    if (!found)
        return;
    fs_arena *arena = fs_arena_create();
    fs_dataset *data = arena ? fs_dataset_load(c->data_dir, arena, found) : NULL;
    fs_dataset_part *parts = NULL;
    size_t part_count = data ? 1 : 0;
    if (data && c->each)
        part_count = fs_dataset_split(data, c->each, arena, found, &parts);
    bool ok = part_count > 0;
    if (ok) {
        fs_arena_free(p->data.arena);
        p->data.arena = arena;
        p->data.data = data;
        p->data.parts = parts;
        p->data.part_count = part_count;
    } else {
        explain(found);
        fs_arena_free(arena);
    }
    p->data.failed = !ok;
    fs_diags_free(p->data.found);
    p->data.found = found;
}

/* The columns no placeholder reads in any document or language, as check
 * lists them: every document bound (not placed) in every language. None
 * while a piece fails to load or a document does not bind (its
 * placeholders come first), or when memory runs out. */
static void find_unused(fs_preview *p)
{
    const fs_preview_config *c = p->config;
    fs_diags_clear(p->unused);
    if (p->layout.failed || p->data.failed || !p->layout.layout || !p->data.data || !p->images)
        return;
    fs_arena *arena = fs_arena_create();
    fs_diags *ignored = fs_diags_create();
    fs_columns columns;
    bool bound = arena && ignored && fs_columns_init(&columns, p->data.data, arena);
    size_t documents = c->each ? p->data.part_count : 1;
    for (size_t l = 0; bound && l < c->lang_count; l++) {
        for (size_t d = 0; bound && d < documents; d++) {
            fs_columns_next_document(&columns);
            fs_bind_input input = {.layout = p->layout.layout,
                                   .data = c->each ? p->data.parts[d].data : p->data.data,
                                   .icons = p->icons,
                                   .lang = p->layout.langs[l],
                                   .images = p->images,
                                   .on_column = fs_columns_mark,
                                   .on_column_context = &columns};
            bound = fs_bind(&input, p->document, ignored) != NULL;
            fs_arena_reset(p->document);
        }
    }
    if (bound)
        fs_columns_report(&columns, c->each, arena, p->unused);
    fs_diags_free(ignored);
    fs_arena_free(arena);
}

void fs_preview_reload(fs_preview *p, unsigned changes)
{
    if (changes & (FS_CHANGE_LAYOUT | FS_CHANGE_CATALOG))
        load_layout(p, changes & FS_CHANGE_LAYOUT);
    if (changes & FS_CHANGE_DATA)
        load_data(p);
    if (changes & FS_CHANGE_PICTURE) {
        /* The cache keeps each picture, and each failure to read one: a
         * picture saved or added is read afresh. */
        fs_images *images = fs_images_new();
        if (images) {
            fs_images_free(p->images);
            p->images = images;
        }
    }
    find_unused(p);
    gather(p);
}

fs_preview *fs_preview_create(const fs_preview_config *config, fs_diags *diags)
{
    fs_preview *p = fs_calloc(1, sizeof *p);
    if (!p)
        return NULL;
    p->config = config;
    p->arena = fs_arena_create();
    p->document = fs_arena_create();
    p->found = fs_diags_create();
    p->problems = fs_diags_create();
    p->unused = fs_diags_create();
    p->images = fs_images_new();
    p->icons = p->arena ? fs_icons_load(FS_MATERIAL_CODEPOINTS, p->arena, diags) : NULL;
    p->fonts = fs_fonts_create(config->fonts_conf, diags);
    PangoFontMap *map = p->fonts ? fs_fonts_new_map(p->fonts) : NULL;
    p->pango = map ? fs_pango_create(map) : NULL;
    if (map)
        g_object_unref(map);
    if (!p->document || !p->found || !p->problems || !p->unused || !p->images || !p->icons ||
        !p->pango) {
        if (fs_diags_errors(diags) == 0)
            fs_error(diags, fs_pos_at(NULL, 0, 0), "free some memory and try again",
                     "out of memory");
        fs_preview_free(p);
        return NULL;
    }
    fs_preview_reload(p, FS_CHANGE_LAYOUT | FS_CHANGE_DATA);
    return p;
}

void fs_preview_free(fs_preview *p)
{
    if (!p)
        return;
    free_langs(p->layout.langs, p->layout.lang_diags, p->layout.lang_arena);
    fs_arena_free(p->layout.arena);
    fs_diags_free(p->layout.found);
    fs_arena_free(p->data.arena);
    fs_diags_free(p->data.found);
    fs_pango_free(p->pango);
    fs_fonts_free(p->fonts);
    if (p->images)
        fs_images_free(p->images);
    fs_diags_free(p->problems);
    fs_diags_free(p->unused);
    fs_diags_free(p->found);
    fs_arena_free(p->document);
    fs_arena_free(p->arena);
    free(p);
}

const fs_diags *fs_preview_problems(const fs_preview *p)
{
    return p->problems;
}

/* ---- JSON ---------------------------------------------------------------- */

/* The rectangle, in points, that covers the ops drawn for the layout node
 * at where, on the first page that has one: the box a problem is about.
 * A problem found at a line whose node starts elsewhere on it (a text's
 * value, a key of the node) matches the node of that line. False when no
 * op comes from there (a problem at a CSV cell, or a node drawn nowhere). */
static bool problem_box(const fs_display *display, fs_pos where, size_t *page, double box[4])
{
    if (!display || !where.file || where.line <= 0)
        return false;
    for (int exact = 1; exact >= 0; exact--) {
        for (size_t p = 0; p < display->page_count; p++) {
            bool found = false;
            double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
            for (size_t i = 0; i < display->pages[p].count; i++) {
                const fs_op *op = &display->pages[p].ops[i];
                if (!op->pos.file || op->pos.line != where.line ||
                    (exact && op->pos.column != where.column) ||
                    strcmp(op->pos.file, where.file) != 0)
                    continue;
                if (!found || op->x < x0)
                    x0 = op->x;
                if (!found || op->y < y0)
                    y0 = op->y;
                if (!found || op->x + op->w > x1)
                    x1 = op->x + op->w;
                if (!found || op->y + op->h > y1)
                    y1 = op->y + op->h;
                found = true;
            }
            if (found) {
                *page = p;
                box[0] = x0;
                box[1] = y0;
                box[2] = x1 - x0;
                box[3] = y1 - y0;
                return true;
            }
        }
    }
    return false;
}

/* A problem as JSON; with a display, also the box it is about on the page
 * ("box": {page, x, y, w, h} in points, pages from 1), or null. */
static void problem_json(const fs_diag *diag, const fs_display *display, fs_buf *out)
{
    static const char *const severities[] = {"note", "warning", "error"};
    fs_buf_printf(out, "{\"severity\": \"%s\", \"kind\": ", severities[diag->severity]);
    fs_json_string(out, diag->kind);
    fs_buf_puts(out, ", \"file\": ");
    fs_json_string(out, diag->pos.file);
    if (diag->pos.line > 0)
        fs_buf_printf(out, ", \"line\": %d", diag->pos.line);
    else
        fs_buf_puts(out, ", \"line\": null");
    if (diag->pos.column > 0)
        fs_buf_printf(out, ", \"column\": %d", diag->pos.column);
    else
        fs_buf_puts(out, ", \"column\": null");
    fs_buf_puts(out, ", \"message\": ");
    fs_json_string(out, diag->message);
    fs_buf_puts(out, ", \"hint\": ");
    fs_json_string(out, diag->hint);
    size_t page;
    double box[4];
    if (problem_box(display, diag->pos, &page, box))
        fs_buf_printf(out,
                      ", \"box\": {\"page\": %zu, \"x\": %.2f, \"y\": %.2f, \"w\": %.2f, "
                      "\"h\": %.2f}",
                      page + 1, box[0], box[1], box[2], box[3]);
    else if (display)
        fs_buf_puts(out, ", \"box\": null");
    fs_buf_putc(out, '}');
}

void fs_preview_problem_json(const fs_diag *diag, fs_buf *out)
{
    problem_json(diag, NULL, out);
}

/* The problems of the pieces whose last load failed (failed) or loaded, as
 * a JSON array; the columns no placeholder reads go with those loaded. */
static void pieces_json(const fs_preview *p, bool failed, fs_buf *out)
{
    const layout_piece *layout = &p->layout;
    const data_piece *data = &p->data;
    const fs_diags *lists[] = {layout->failed == failed ? layout->found : NULL,
                               data->failed == failed ? data->found : NULL,
                               failed ? NULL : p->unused};
    bool first = true;
    fs_buf_putc(out, '[');
    for (size_t k = 0; k < 3; k++) {
        for (size_t i = 0; lists[k] && i < fs_diags_count(lists[k]); i++) {
            if (!first)
                fs_buf_puts(out, ", ");
            first = false;
            fs_preview_problem_json(fs_diags_at(lists[k], i), out);
        }
    }
    fs_buf_putc(out, ']');
}

/* A language's name in itself, as ICU knows it ("English", "français"),
 * or its tag. */
static void lang_name_json(const char *tag, fs_buf *out)
{
    UChar name[64];
    char utf8[256];
    UErrorCode status = U_ZERO_ERROR;
    int32_t length = uloc_getDisplayLanguage(tag, tag, name, 64, &status);
    int32_t written = 0;
    if (U_SUCCESS(status) && status != U_USING_DEFAULT_WARNING && length > 0)
        u_strToUTF8(utf8, sizeof utf8 - 1, &written, name, length, &status);
    bool named = U_SUCCESS(status) && written > 0 && written < (int32_t)sizeof utf8;
    if (named)
        utf8[written] = '\0';
    fs_json_string(out, named ? utf8 : tag);
}

void fs_preview_state_json(const fs_preview *p, fs_buf *out)
{
    const fs_preview_config *c = p->config;
    fs_buf_puts(out, "{\"layout\": ");
    fs_json_string(out, c->layout_dir);
    fs_buf_puts(out, ", \"data\": ");
    fs_json_string(out, c->data_dir);
    fs_buf_puts(out, ", \"each\": ");
    fs_json_string(out, c->each);
    fs_buf_puts(out, ", \"keys\": ");
    if (c->each && p->data.data) {
        fs_buf_putc(out, '[');
        for (size_t i = 0; i < p->data.part_count; i++) {
            if (i)
                fs_buf_puts(out, ", ");
            fs_json_string(out, p->data.parts[i].key);
        }
        fs_buf_putc(out, ']');
    } else {
        fs_buf_puts(out, "null");
    }
    fs_buf_puts(out, ", \"langs\": [");
    for (size_t i = 0; i < c->lang_count; i++) {
        fs_buf_puts(out, i ? ", {\"tag\": " : "{\"tag\": ");
        fs_json_string(out, c->langs[i]);
        fs_buf_puts(out, ", \"name\": ");
        lang_name_json(c->langs[i], out);
        fs_buf_putc(out, '}');
    }
    fs_buf_puts(out, "], \"errors\": ");
    pieces_json(p, true, out);
    fs_buf_puts(out, ", \"problems\": ");
    pieces_json(p, false, out);
    fs_buf_putc(out, '}');
}

/* ---- one document ---------------------------------------------------------- */

/* The document through the pipeline render and check use (fs_pipeline.h):
 * the one place where the preview meets it. Without options->output it
 * stops after placing (the preview paints the pages itself); with it, it
 * writes the file as render does. The display list and the document live
 * in p->document; every failure adds an error to p->found. */
static fs_pipeline_result run_pipeline(fs_preview *p, const fs_dataset *data, const fs_lang *lang,
                                       const fs_pipeline_options *options)
{
    fs_bind_input input = {.layout = p->layout.layout,
                           .data = data,
                           .icons = p->icons,
                           .lang = lang,
                           .images = p->images};
    return fs_pipeline_run(&input, p->pango, options, p->document, p->found);
}

/* The data of key's document (the whole data without --each) and the
 * index of lang; false when there is no such document. */
static bool find_document(const fs_preview *p, const char *key, const char *lang,
                          const fs_dataset **data, size_t *lang_index)
{
    const fs_preview_config *c = p->config;
    *lang_index = c->lang_count;
    for (size_t i = 0; i < c->lang_count; i++)
        if (strcmp(c->langs[i], lang) == 0)
            *lang_index = i;
    if (*lang_index == c->lang_count || !p->data.data || (key != NULL) != (c->each != NULL))
        return false;
    *data = p->data.data;
    for (size_t i = 0; key && i < p->data.part_count; i++)
        if (strcmp(p->data.parts[i].key, key) == 0)
            *data = p->data.parts[i].data;
    return !key || *data != p->data.data;
}

/* The document of key in lang through the pipeline, with its problems in
 * p->found: the language's missing translations first, as check lists
 * them. No display, and the reason in p->found, when it cannot be placed
 * (*status FS_PREVIEW_UNKNOWN when there is no such document). */
static fs_pipeline_result lay_out(fs_preview *p, const char *key, const char *lang,
                                  const fs_pipeline_options *options, fs_preview_status *status)
{
    fs_pipeline_result none = {.status = FS_PIPELINE_FAILED};
    fs_arena_reset(p->document);
    fs_diags_clear(p->found);
    const fs_dataset *data;
    size_t l;
    if (!find_document(p, key, lang, &data, &l)) {
        *status = FS_PREVIEW_UNKNOWN;
        return none;
    }
    *status = FS_PREVIEW_FAILED;
    if (!p->layout.layout || !p->images) {
        fs_error(p->found, fs_pos_at(p->config->layout_dir, 0, 0),
                 "fix the errors shown above the pages and save", "the layout could not be read");
        return none;
    }
    for (size_t i = 0; i < fs_diags_count(p->layout.lang_diags[l]); i++) {
        const fs_diag *d = fs_diags_at(p->layout.lang_diags[l], i);
        fs_diag_add_kind(p->found, d->severity, d->kind ? d->kind : FS_KIND_TRANSLATION, d->pos,
                         d->hint, "%s", d->message);
    }
    return run_pipeline(p, data, p->layout.langs[l], options);
}

/* The text a text op draws: its lines only, for a paragraph split across
 * columns or pages. */
static void op_text_json(fs_pango *pango, const fs_op *op, fs_buf *out)
{
    PangoLayout *layout = fs_pango_layout(pango, &op->text);
    if (!layout) {
        fs_buf_puts(out, "\"\"");
        return;
    }
    const char *text = pango_layout_get_text(layout);
    size_t start = 0, end = strlen(text);
    if (op->text.line_count > 0) {
        PangoLayoutLine *first = pango_layout_get_line_readonly(layout, op->text.first_line);
        PangoLayoutLine *last =
            pango_layout_get_line_readonly(layout, op->text.first_line + op->text.line_count - 1);
        if (first && last) {
            start = (size_t)first->start_index;
            end = (size_t)(last->start_index + last->length);
        }
    }
    char *part = g_strndup(text + start, end - start);
    fs_json_string(out, part);
    g_free(part);
    g_object_unref(layout);
}

/* Each page's size and texts, with where each is drawn: the page's words
 * laid over its picture, so that they can be found, selected and read out. */
static void pages_json(fs_pango *pango, const fs_display *display, fs_buf *out)
{
    fs_buf_putc(out, '[');
    for (size_t i = 0; i < display->page_count; i++) {
        const fs_page_ops *page = &display->pages[i];
        fs_buf_printf(out, "%s{\"width\": %.2f, \"height\": %.2f, \"texts\": [", i ? ", " : "",
                      display->width, display->height);
        bool first = true;
        for (size_t k = 0; k < page->count; k++) {
            const fs_op *op = &page->ops[k];
            if (op->kind != FS_OP_TEXT)
                continue;
            fs_buf_printf(out, "%s[%.2f, %.2f, %.2f, %.2f, %.2f, ", first ? "" : ", ", op->x, op->y,
                          op->w, op->h, op->text.size);
            op_text_json(pango, op, out);
            fs_buf_putc(out, ']');
            first = false;
        }
        fs_buf_puts(out, "]}");
    }
    fs_buf_putc(out, ']');
}

fs_preview_status fs_preview_render(fs_preview *p, const char *key, const char *lang, double scale,
                                    fs_preview_doc *out)
{
    *out = (fs_preview_doc){0};
    fs_preview_status status;
    fs_display *display = lay_out(p, key, lang, &(fs_pipeline_options){0}, &status).display;
    if (status == FS_PREVIEW_UNKNOWN)
        return status;
    if (display) {
        out->pngs = fs_calloc(display->page_count ? display->page_count : 1, sizeof *out->pngs);
        bool drawn = out->pngs != NULL;
        for (size_t i = 0; drawn && i < display->page_count; i++) {
            out->page_count++;
            drawn = fs_emit_png_page(display, i, p->pango, 96 * scale, &out->pngs[i], p->found);
        }
        if (drawn) {
            pages_json(p->pango, display, &out->pages);
            status = FS_PREVIEW_DRAWN;
        } else {
            fs_preview_doc_free(out);
            *out = (fs_preview_doc){0};
        }
    }
    fs_buf_putc(&out->problems, '[');
    for (size_t i = 0; i < fs_diags_count(p->found); i++) {
        if (i)
            fs_buf_puts(&out->problems, ", ");
        problem_json(fs_diags_at(p->found, i), display, &out->problems);
    }
    fs_buf_putc(&out->problems, ']');
    bool built = fs_buf_ok(&out->problems) && fs_buf_ok(&out->pages);
    for (size_t i = 0; i < out->page_count; i++)
        built = built && fs_buf_ok(&out->pngs[i]);
    fs_arena_reset(p->document);
    if (!built) {
        fs_preview_doc_free(out);
        return FS_PREVIEW_NO_MEMORY;
    }
    return status;
}

void fs_preview_doc_free(fs_preview_doc *doc)
{
    for (size_t i = 0; doc->pngs && i < doc->page_count; i++)
        fs_buf_free(&doc->pngs[i]);
    free(doc->pngs);
    fs_buf_free(&doc->pages);
    fs_buf_free(&doc->problems);
    *doc = (fs_preview_doc){0};
}

bool fs_preview_pdf(fs_preview *p, const char *key, const char *lang, const char *path,
                    fs_diags *diags)
{
    fs_emit_options emit = {.dpi = 150};
    if (!p->config->created(p->config->layout_dir, p->config->data_dir, &emit.created, diags))
        return false;
    fs_preview_status status;
    fs_pipeline_result written =
        lay_out(p, key, lang, &(fs_pipeline_options){.output = path, .emit = &emit}, &status);
    bool ok = status != FS_PREVIEW_UNKNOWN && written.status == FS_PIPELINE_DONE;
    if (status == FS_PREVIEW_UNKNOWN)
        fs_error(p->found, fs_pos_at(NULL, 0, 0), "choose a key and a language the page lists",
                 "no such document");
    if (!ok)
        copy_diags(diags, p->found);
    fs_arena_reset(p->document);
    return ok;
}
