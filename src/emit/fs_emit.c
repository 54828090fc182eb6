#include "fs_emit.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <math.h>
#include <pango/pango.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/fs_alloc.h"
#include "core/fs_buf.h"
#include "core/fs_output.h"
#include "emit/fs_pdf_finish.h"
#include "emit/fs_png.h"
#include "paint/fs_paint.h"

typedef enum { FS_PDF, FS_PNG, FS_SVG } fs_backend_kind;

typedef struct {
    const char *extension;
    fs_backend_kind kind;
} fs_backend;

/* cairo's write function into memory, where a PDF is finished before it is
 * written out. Out of memory, the buffer is marked failed and the bytes
 * dropped, but cairo is told they were written: when this function
 * failed, cairo 1.16 crashed finishing the tagged brief (a read of a null
 * pointer in cairo_surface_finish, in make check's allocation failures).
 * The failed buffer is reported once cairo is done. */
static cairo_status_t write_memory(void *closure, const unsigned char *data, unsigned int length)
{
    fs_buf_append(closure, (const char *)data, length);
    return CAIRO_STATUS_SUCCESS;
}

/* cairo's write function over an fs_output. */
static cairo_status_t write_output(void *closure, const unsigned char *data, unsigned int length)
{
    return fs_output_write(closure, data, length) ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

static const fs_backend backends[] = {{".pdf", FS_PDF}, {".png", FS_PNG}, {".svg", FS_SVG}};

static const fs_backend *backend_for(const char *path)
{
    size_t length = strlen(path);
    for (size_t i = 0; i < sizeof backends / sizeof backends[0]; i++)
        if (length > 4 && strcasecmp(path + length - 4, backends[i].extension) == 0)
            return &backends[i];
    return NULL;
}

bool fs_emit_supported(const char *path)
{
    return backend_for(path) != NULL;
}

static void set_metadata(cairo_surface_t *surface, const fs_document *doc,
                         const fs_emit_options *options)
{
    const struct {
        cairo_pdf_metadata_t key;
        const char *value;
    } fields[] = {{CAIRO_PDF_METADATA_TITLE, doc->title},
                  {CAIRO_PDF_METADATA_AUTHOR, doc->author},
                  {CAIRO_PDF_METADATA_SUBJECT, doc->subject},
                  {CAIRO_PDF_METADATA_KEYWORDS, doc->keywords},
                  {CAIRO_PDF_METADATA_CREATOR, "factsheet " FS_VERSION}};
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
        if (fields[i].value && *fields[i].value)
            cairo_pdf_surface_set_metadata(surface, fields[i].key, fields[i].value);
    char date[32];
    struct tm when;
    gmtime_r(&options->created, &when);
    strftime(date, sizeof date, "%Y-%m-%dT%H:%M:%SZ", &when);
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, date);
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE, date);
}

/* Destroys cr and finishes and destroys surface: cairo writes out the last
 * of the file then. Returns the first error cairo met. */
static cairo_status_t end_drawing(cairo_surface_t *surface, cairo_t *cr)
{
    cairo_status_t status = cairo_status(cr);
    cairo_destroy(cr);
    cairo_surface_finish(surface);
    if (status == CAIRO_STATUS_SUCCESS)
        status = cairo_surface_status(surface);
    cairo_surface_destroy(surface);
    return status;
}

/* Closes out, reporting what went wrong while drawing unless writing the
 * file failed first (which says why). */
static bool finish(cairo_status_t status, bool painted, fs_output *out, fs_diags *diags)
{
    bool closed = fs_output_close(out, diags);
    if (status != CAIRO_STATUS_SUCCESS && closed)
        fs_error(diags, fs_pos_at(out->target, 0, 0), NULL, "cannot draw the output: %s",
                 cairo_status_to_string(status));
    if (!painted && status == CAIRO_STATUS_SUCCESS && closed)
        fs_error(diags, fs_pos_at(out->target, 0, 0),
                 "if memory is short, render fewer documents at once (-j); else reinstall the "
                 "icon font (make deps) and open the pictures the layout names in an image "
                 "viewer to check them",
                 "the page could not be drawn in full (an icon, a picture or a link failed)");
    return closed && painted && status == CAIRO_STATUS_SUCCESS;
}

/* Writes the PDF that cairo drew into memory to out: a tagged one finished
 * with what cairo cannot write (fs_pdf_finish.h), an untagged one with
 * links without the structure that carried them, else as cairo wrote it. */
static bool write_pdf(const fs_buf *drawn, const fs_paint_tags *tags, const fs_document *doc,
                      const fs_emit_options *options, fs_output *out, fs_diags *diags)
{
    if (!fs_buf_ok(drawn) || (tags && tags->failed)) {
        fs_error(diags, fs_pos_at(out->target, 0, 0), NULL, "out of memory");
        return false;
    }
    if (!tags) {
        fs_output_write(out, drawn->data, drawn->length);
        return true;
    }
    fs_buf done = {0};
    bool ok;
    if (tags->tagged) {
        fs_pdf_facts facts = {.lang = doc->lang,
                              .title = doc->title,
                              .author = doc->author,
                              .subject = doc->subject,
                              .keywords = doc->keywords,
                              .created = options->created,
                              .alts = tags->alts,
                              .actuals = tags->actuals,
                              .element_count = tags->element_count,
                              .link_texts = tags->links,
                              .link_count = tags->link_count,
                              /* What factsheet cannot guarantee for every layout: a title,
                               * alternative texts, headings in order; the rest it does. */
                              .conforming = doc->title && *doc->title && doc->lang && *doc->lang &&
                                            tags->figures_described && tags->headings_in_order};
        ok = fs_pdf_finish(drawn->data, drawn->length, &facts, &done, out->target, diags);
    } else {
        ok = fs_pdf_untag(drawn->data, drawn->length, &done, out->target, diags);
    }
    /* A failed write marks out failed, and closing it reports why. */
    if (ok)
        fs_output_write(out, done.data, done.length);
    fs_buf_free(&done);
    return ok;
}

/* True when a page of display has a link. */
static bool has_links(const fs_display *display)
{
    for (size_t p = 0; p < display->page_count; p++)
        for (size_t i = 0; i < display->pages[p].count; i++)
            if (display->pages[p].ops[i].kind == FS_OP_TEXT && display->pages[p].ops[i].link_count)
                return true;
    return false;
}

/* Headings become the PDF's outline (bookmarks), nested by level. */
static void add_outline(cairo_surface_t *surface, const fs_page_ops *page, size_t page_number,
                        int *parents)
{
    for (size_t i = 0; i < page->count; i++) {
        const fs_op *op = &page->ops[i];
        if (op->kind != FS_OP_TEXT || op->outline_level <= 0)
            continue;
        char *plain = NULL;
        if (!pango_parse_markup(op->text.markup, -1, 0, NULL, &plain, NULL, NULL))
            continue;
        int level = op->outline_level > 3 ? 3 : op->outline_level;
        char link[96];
        snprintf(link, sizeof link, "page=%zu pos=[%.2f %.2f]", page_number, op->x, op->y);
        int id = cairo_pdf_surface_add_outline(surface, parents[level - 1], plain, link, 0);
        for (int deeper = level; deeper < 4; deeper++)
            parents[deeper] = id;
        g_free(plain);
    }
}

/* PDF and SVG: one vector file holding every page. */
static bool emit_vector(const fs_display *display, const fs_document *doc, fs_pango *pango,
                        fs_backend_kind kind, const char *path, const fs_emit_options *options,
                        fs_diags *diags)
{
    fs_output out;
    if (!fs_output_open(&out, path, options->cleanup, diags))
        return false;
    fs_buf drawn = {0};
    cairo_surface_t *surface =
        kind == FS_PDF ? cairo_pdf_surface_create_for_stream(write_memory, &drawn, display->width,
                                                             display->height)
                       : cairo_svg_surface_create_for_stream(write_output, &out, display->width,
                                                             display->height);
    if (kind == FS_PDF)
        set_metadata(surface, doc, options);
    else
        cairo_svg_surface_set_document_unit(surface, CAIRO_SVG_UNIT_PT);
    cairo_t *cr = cairo_create(surface);
    bool painted = true;
    int parents[4] = {CAIRO_PDF_OUTLINE_ROOT, CAIRO_PDF_OUTLINE_ROOT, CAIRO_PDF_OUTLINE_ROOT,
                      CAIRO_PDF_OUTLINE_ROOT};
    /* A tagged PDF, or an untagged one with links: cairo 1.16 writes a
     * link drawn outside every structure tag into a damaged file. */
    fs_paint_tags structure, *tags = NULL;
    if (kind == FS_PDF && (!options->untagged || has_links(display))) {
        tags = &structure;
        fs_paint_tags_begin(tags, cr, !options->untagged);
    }
    for (size_t i = 0; i < display->page_count; i++) {
        painted = fs_paint_page(cr, &display->pages[i], pango, tags) && painted;
        if (tags && i + 1 == display->page_count)
            fs_paint_tags_end(tags, cr);
        if (kind == FS_PDF)
            add_outline(surface, &display->pages[i], i + 1, parents);
        cairo_show_page(cr);
    }
    cairo_status_t status = end_drawing(surface, cr);
    bool written = true;
    if (kind == FS_PDF && status == CAIRO_STATUS_SUCCESS && painted)
        written = write_pdf(&drawn, tags, doc, options, &out, diags);
    bool ok = finish(status, painted, &out, diags) && written && fs_output_commit(&out, diags);
    fs_output_discard(&out);
    fs_buf_free(&drawn);
    if (tags)
        fs_paint_tags_free(tags);
    return ok;
}

/* Draws one page on a white image at dpi and writes it as PNG through
 * write; *painted tells whether every op was drawn. */
static cairo_status_t draw_png(const fs_page_ops *page, const fs_display *display, fs_pango *pango,
                               double dpi, cairo_write_func_t write, void *closure, bool *painted)
{
    double scale = dpi / 72.0;
    int width = (int)ceil(display->width * scale), height = (int)ceil(display->height * scale);
    cairo_surface_t *surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, height);
    cairo_t *cr = cairo_create(surface);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    cairo_scale(cr, scale, scale);
    *painted = fs_paint_page(cr, page, pango, NULL);
    cairo_status_t status = cairo_status(cr);
    if (status == CAIRO_STATUS_SUCCESS)
        status = fs_png_write(surface, write, closure);
    cairo_destroy(cr);
    cairo_surface_destroy(surface);
    return status;
}

static bool emit_png_page(const fs_page_ops *page, const fs_display *display, fs_pango *pango,
                          double dpi, fs_output *out, fs_diags *diags)
{
    bool painted;
    cairo_status_t status = draw_png(page, display, pango, dpi, write_output, out, &painted);
    bool closed = fs_output_close(out, diags);
    if (status != CAIRO_STATUS_SUCCESS && closed)
        fs_error(diags, fs_pos_at(out->target, 0, 0), NULL, "cannot draw the output: %s",
                 cairo_status_to_string(status));
    return closed && painted && status == CAIRO_STATUS_SUCCESS;
}

static cairo_status_t write_buf(void *closure, const unsigned char *data, unsigned int length)
{
    fs_buf_append(closure, (const char *)data, length);
    return fs_buf_ok(closure) ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

bool fs_emit_png_page(const fs_display *display, size_t index, fs_pango *pango, double dpi,
                      fs_buf *out, fs_diags *diags)
{
    bool painted;
    cairo_status_t status =
        draw_png(&display->pages[index], display, pango, dpi, write_buf, out, &painted);
    if (status != CAIRO_STATUS_SUCCESS)
        fs_error(diags, fs_pos_at(NULL, 0, 0), NULL, "cannot draw page %zu: %s", index + 1,
                 cairo_status_to_string(status));
    else if (!painted)
        fs_error(diags, fs_pos_at(NULL, 0, 0),
                 "reinstall the icon font (make deps) and open the pictures the layout names in "
                 "an image viewer to check them",
                 "page %zu could not be drawn in full (an icon, a picture or a link failed)",
                 index + 1);
    return painted && status == CAIRO_STATUS_SUCCESS;
}

/* PNG: one file per page, renamed into place only when every page is done. */
static bool emit_png(const fs_display *display, fs_pango *pango, const char *path,
                     const fs_emit_options *options, fs_diags *diags)
{
    size_t pages = display->page_count;
    fs_output *outs = fs_calloc(pages ? pages : 1, sizeof *outs);
    if (!outs)
        return false;
    bool ok = true;
    size_t opened = 0;
    for (size_t i = 0; ok && i < pages; i++) {
        char *name = NULL;
        if (pages == 1) {
            name = fs_strdup(path);
        } else {
            size_t stem = strlen(path) - 4, size = stem + 32;
            name = fs_malloc(size);
            if (name)
                snprintf(name, size, "%.*s-%zu%s", (int)stem, path, i + 1, path + stem);
        }
        ok = name && fs_output_open(&outs[i], name, options->cleanup, diags);
        free(name);
        if (!ok)
            break;
        opened++;
        ok = emit_png_page(&display->pages[i], display, pango, options->dpi, &outs[i], diags);
    }
    for (size_t i = 0; ok && i < opened; i++)
        ok = fs_output_commit(&outs[i], diags);
    for (size_t i = 0; i < opened; i++)
        fs_output_discard(&outs[i]);
    free(outs);
    return ok;
}

bool fs_emit(const fs_display *display, const fs_document *doc, fs_pango *pango, const char *path,
             const fs_emit_options *options, fs_diags *diags)
{
    const fs_backend *backend = backend_for(path);
    if (!backend) {
        fs_error(diags, fs_pos_at(path, 0, 0), "name the output .pdf, .png or .svg",
                 "unknown output format");
        return false;
    }
    if (backend->kind == FS_PNG)
        return emit_png(display, pango, path, options, diags);
    return emit_vector(display, doc, pango, backend->kind, path, options, diags);
}
