/* make bench's floor: what drawing a page costs with cairo and pango alone
 * (and librsvg for an SVG picture).
 *
 *   bench-floor FONTS_CONF OUT_DIR DUMP...
 *
 * Reads each DUMP (what `factsheet render --dump-boxes` writes: every box
 * and text placed, one per line) and draws it into OUT_DIR/NAME.pdf, NAME
 * being the dump's file name without its extension: the rectangles,
 * discs, arcs, icons and texts at the positions the dump gives, each text
 * shaped by pango in the lines the dump gives, with one font map and one
 * pango context for all documents, as factsheet's own. No layout, no
 * tagging, no cache of shaped texts; each file is flushed to disk (fsync)
 * as factsheet's are. SVG pictures are drawn by librsvg (each file parsed
 * once), other pictures as their box filled (the brief has none).
 * Exits 1 with a message on the first dump it cannot read or file it cannot
 * write. */
#include <errno.h>
#include <fcntl.h>
#include <fontconfig/fontconfig.h>
#include <math.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>
#include <librsvg/rsvg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef struct {
    PangoContext *context;
    /* The SVG pictures read so far, each parsed once for all documents. */
    struct {
        char *path;
        RsvgHandle *handle;
    } svgs[8];
    int svg_count;
    const char *dump; /* for messages */
    int line;
} floor_state;

/* The picture at path parsed (once), or NULL when librsvg cannot read it
 * or the list is full. */
static RsvgHandle *svg(floor_state *s, const char *path)
{
    for (int i = 0; i < s->svg_count; i++)
        if (strcmp(s->svgs[i].path, path) == 0)
            return s->svgs[i].handle;
    if (s->svg_count == (int)(sizeof s->svgs / sizeof s->svgs[0]))
        return NULL;
    RsvgHandle *handle = rsvg_handle_new_from_file(path, NULL);
    if (!handle)
        return NULL;
    rsvg_handle_set_dpi(handle, 96.0);
    s->svgs[s->svg_count].path = strdup(path);
    s->svgs[s->svg_count++].handle = handle;
    return handle;
}

static int fail(const floor_state *s, const char *what)
{
    fprintf(stderr, "bench-floor: %s:%d: %s\n", s->dump, s->line, what);
    return 1;
}

/* "#rrggbb" or "#rrggbb/a" into cr's source. */
static bool set_color(cairo_t *cr, const char *token)
{
    unsigned r, g, b;
    double a = 1;
    if (sscanf(token, "#%2x%2x%2x", &r, &g, &b) != 3)
        return false;
    const char *slash = strchr(token, '/');
    if (slash)
        a = strtod(slash + 1, NULL);
    cairo_set_source_rgba(cr, r / 255.0, g / 255.0, b / 255.0, a);
    return true;
}

/* The text between the first and the last double quote of rest, as
 * --dump-boxes writes it, into out (of capacity bytes): its lines parted by
 * '|' (after "\n" where a line break ends one, "-!|" where a word is cut),
 * '|' and '\' escaped by a backslash. The lines come out parted by newlines, so that
 * pango breaks them where factsheet did; false when there is no text. */
static bool quoted(const char *rest, char *out, size_t capacity)
{
    const char *open = strchr(rest, '"'), *close = strrchr(rest, '"');
    if (!open || close == open)
        return false;
    size_t n = 0;
    for (const char *c = open + 1; c < close && n + 1 < capacity; c++) {
        if (c[0] == '\\' && c + 1 < close) {
            c++;
            out[n++] = *c == 'n' ? '\n' : *c;
        } else if (c[0] == '|') {
            if (n == 0 || out[n - 1] != '\n')
                out[n++] = '\n';
        } else if (c[0] == '-' && c[1] == '!' && c[2] == '|') {
            out[n++] = '-';
            c++;
        } else {
            out[n++] = *c;
        }
    }
    out[n] = '\0';
    return true;
}

/* Shows text in family at weight and size from x, y, its lines parted by
 * newlines (as factsheet broke them: the floor's unhinted widths may differ
 * from factsheet's by a hair, and a wrap would break a line more). */
static void show_text(cairo_t *cr, PangoContext *context, double x, double y, const char *family,
                      int weight, bool italic, double size, const char *text)
{
    PangoLayout *layout = pango_layout_new(context);
    PangoFontDescription *font = pango_font_description_new();
    pango_font_description_set_family(font, family);
    pango_font_description_set_weight(font, (PangoWeight)weight);
    pango_font_description_set_style(font, italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
    pango_font_description_set_absolute_size(font, size * PANGO_SCALE);
    pango_layout_set_font_description(layout, font);
    pango_font_description_free(font);
    pango_layout_set_text(layout, text, -1);
    cairo_move_to(cr, x, y);
    pango_cairo_show_layout(cr, layout);
    g_object_unref(layout);
}

/* Draws one op line ("  KIND x y w h #color ...") on cr. */
static bool draw_op(cairo_t *cr, floor_state *s, const char *line)
{
    char kind[16], color[32];
    double x, y, w, h;
    int used = 0;
    if (sscanf(line, " %15s %lf %lf %lf %lf %31s %n", kind, &x, &y, &w, &h, color, &used) < 6 ||
        !set_color(cr, color))
        return false;
    const char *rest = line + used;
    if (strcmp(kind, "image") == 0) {
        /* [alt "..."] PATH contain|cover */
        char path[4096];
        if (strncmp(rest, "alt \"", 5) == 0) {
            const char *end = strstr(rest, "\" ");
            if (!end)
                return false;
            rest = end + 2;
        }
        if (sscanf(rest, "%4095s", path) != 1)
            return false;
        size_t length = strlen(path);
        if (length > 4 && strcmp(path + length - 4, ".svg") == 0) {
            RsvgHandle *handle = svg(s, path);
            RsvgRectangle viewport = {x, y, w, h};
            return handle && rsvg_handle_render_document(handle, cr, &viewport, NULL);
        }
        cairo_rectangle(cr, x, y, w, h);
        cairo_fill(cr);
    } else if (strcmp(kind, "rect") == 0) {
        cairo_rectangle(cr, x, y, w, h);
        cairo_fill(cr);
    } else if (strcmp(kind, "circle") == 0) {
        cairo_arc(cr, x + w / 2, y + h / 2, w / 2, 0, 2 * M_PI);
        cairo_fill(cr);
    } else if (strcmp(kind, "arc") == 0) {
        double start, end, thick;
        if (sscanf(rest, "%lf-%lf rad, %lf", &start, &end, &thick) != 3)
            return false;
        cairo_set_line_width(cr, thick);
        cairo_arc(cr, x + w / 2, y + h / 2, (w - thick) / 2, start, end);
        cairo_stroke(cr);
    } else if (strcmp(kind, "icon") == 0) {
        /* [alt "..."] FAMILY U+XXXX [part P] */
        if (strncmp(rest, "alt \"", 5) == 0) {
            const char *end = strstr(rest, "\" ");
            if (!end)
                return false;
            rest = end + 2;
        }
        const char *code = strstr(rest, " U+");
        if (!code)
            return false;
        char family[128], glyph[8] = {0};
        snprintf(family, sizeof family, "%.*s", (int)(code - rest), rest);
        g_unichar_to_utf8((gunichar)strtoul(code + 3, NULL, 16), glyph);
        show_text(cr, s->context, x, y, family, 400, false, h, glyph);
    } else if (strcmp(kind, "text") == 0) {
        /* FAMILY... WEIGHT [italic] SIZE [h1] [#anchor] ... "text" */
        char family[256] = "", word[64], text[16384];
        int weight = 0, at = 0;
        while (sscanf(rest, "%63s %n", word, &at) == 1) {
            char *end;
            long number = strtol(word, &end, 10);
            rest += at;
            if (*end == '\0' && number >= 100 && number <= 1000) {
                weight = (int)number;
                break;
            }
            size_t length = strlen(family);
            snprintf(family + length, sizeof family - length, "%s%s", length ? " " : "", word);
        }
        bool italic = strncmp(rest, "italic ", 7) == 0;
        if (italic)
            rest += 7;
        double size = strtod(rest, NULL);
        if (!weight || !(size > 0) || !quoted(rest, text, sizeof text))
            return false;
        show_text(cr, s->context, x, y, family, weight, italic, size, text);
    } else {
        return false;
    }
    return true;
}

/* Draws the dump at path into a PDF at out. */
static int draw_dump(floor_state *s, const char *path, const char *out)
{
    FILE *in = fopen(path, "r");
    s->dump = path;
    s->line = 0;
    if (!in)
        return fail(s, strerror(errno));
    char line[20000];
    double width, height;
    cairo_surface_t *surface = NULL;
    cairo_t *cr = NULL;
    int status = 0;
    while (!status && fgets(line, sizeof line, in)) {
        s->line++;
        if (!surface) {
            if (sscanf(line, "page size %lf x %lf pt", &width, &height) != 2)
                status = fail(s, "expected \"page size W x H pt\"");
            surface = cairo_pdf_surface_create(out, width, height);
            cr = cairo_create(surface);
            pango_cairo_update_context(cr, s->context);
        } else if (strncmp(line, "page ", 5) == 0) {
            if (strcmp(line, "page 1\n") != 0)
                cairo_show_page(cr);
        } else if (!draw_op(cr, s, line)) {
            status = fail(s, "expected an op as --dump-boxes writes it");
        }
    }
    fclose(in);
    if (!surface)
        return status ? status : fail(s, "empty dump");
    cairo_destroy(cr);
    cairo_surface_finish(surface);
    if (!status && cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS)
        status = fail(s, cairo_status_to_string(cairo_surface_status(surface)));
    cairo_surface_destroy(surface);
    /* As factsheet makes a finished file whole on disk. */
    int fd = status ? -1 : open(out, O_RDONLY);
    if (!status && (fd < 0 || fsync(fd) != 0))
        status = fail(s, strerror(errno));
    if (fd >= 0)
        close(fd);
    return status;
}

int main(int argc, char **argv)
{
    if (argc < 4) {
        fprintf(stderr, "usage: bench-floor FONTS_CONF OUT_DIR DUMP...\n");
        return 2;
    }
    /* fontconfig reads a relative name from its own folder. */
    char *conf = realpath(argv[1], NULL);
    FcConfig *config = FcConfigCreate();
    bool loaded = conf && FcConfigParseAndLoad(config, (const FcChar8 *)conf, FcTrue) &&
                  FcConfigBuildFonts(config);
    free(conf);
    if (!loaded) {
        fprintf(stderr, "bench-floor: %s: cannot load the font configuration\n", argv[1]);
        return 1;
    }
    PangoFontMap *map = pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT);
    pango_fc_font_map_set_config(PANGO_FC_FONT_MAP(map), config);
    /* As factsheet's context: unhinted, 72 units per inch. */
    PangoContext *context = pango_font_map_create_context(map);
    cairo_font_options_t *options = cairo_font_options_create();
    cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
    cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
    pango_cairo_context_set_font_options(context, options);
    cairo_font_options_destroy(options);
    pango_cairo_context_set_resolution(context, 72);
    pango_context_set_round_glyph_positions(context, FALSE);
    floor_state s = {.context = context};
    int status = 0;
    for (int i = 3; i < argc && !status; i++) {
        const char *name = strrchr(argv[i], '/') ? strrchr(argv[i], '/') + 1 : argv[i];
        const char *dot = strrchr(name, '.');
        char out[4096];
        snprintf(out, sizeof out, "%s/%.*s.pdf", argv[2],
                 dot ? (int)(dot - name) : (int)strlen(name), name);
        status = draw_dump(&s, argv[i], out);
    }
    for (int i = 0; i < s.svg_count; i++) {
        g_object_unref(s.svgs[i].handle);
        free(s.svgs[i].path);
    }
    g_object_unref(context);
    g_object_unref(map);
    FcConfigDestroy(config);
    return status;
}
