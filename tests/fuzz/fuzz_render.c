/* libFuzzer target for the whole pipeline: the input is a layout, read as
 * DIR/layout.yaml next to a copy of the brief's theme, bound to the PfR Mali
 * data in French and placed with pango by the pipeline render and check use
 * (fs_pipeline_run), then painted into a small image, as a PNG render at
 * 36 dpi would be. Any layout must render or be refused with
 * diagnostics: never crash, hang, leak or read out of bounds. The data,
 * icons, fonts and text context are loaded once. Run it from the
 * repository root (it reads layouts/brief/theme.yaml, data/pfr-mali and
 * fonts/fonts.conf). */
#include <cairo.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "batch/fs_pipeline.h"
#include "bind/fs_lang.h"
#include "load/fs_dataset.h"
#include "load/fs_fonts.h"
#include "load/fs_icons.h"
#include "load/fs_layout.h"
#include "paint/fs_paint.h"
#include "place/fs_pango.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char dir[] = "/tmp/fs_fuzz_render_XXXXXX";
static char layout_path[64], theme_path[64];
static fs_arena *run_arena;
static fs_dataset *dataset;
static fs_icons *icons;
static fs_fonts *fonts;
static fs_pango *pango;

static void clean_up(void)
{
    fs_pango_free(pango);
    fs_fonts_free(fonts);
    fs_arena_free(run_arena);
    unlink(theme_path);
    rmdir(dir);
}

static void fail_setup(const char *what)
{
    fprintf(stderr, "fuzz_render: cannot %s; run from the repository root\n", what);
    exit(1);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    if (!mkdtemp(dir))
        fail_setup("make a temporary folder");
    snprintf(layout_path, sizeof layout_path, "%s/layout.yaml", dir);
    snprintf(theme_path, sizeof theme_path, "%s/theme.yaml", dir);
    FILE *in = fopen("layouts/brief/theme.yaml", "rb");
    FILE *out = fopen(theme_path, "wb");
    if (!in || !out)
        fail_setup("copy layouts/brief/theme.yaml");
    char chunk[4096];
    size_t got;
    while ((got = fread(chunk, 1, sizeof chunk, in)) > 0)
        fwrite(chunk, 1, got, out);
    fclose(in);
    fclose(out);
    atexit(clean_up);
    run_arena = fs_arena_create();
    fs_diags *diags = fs_diags_create();
    dataset = fs_dataset_load("data/pfr-mali", run_arena, diags);
    icons = fs_icons_load(FS_MATERIAL_CODEPOINTS, run_arena, diags);
    fonts = fs_fonts_create("fonts/fonts.conf", diags);
    if (!dataset || !icons || !fonts)
        fail_setup("load data/pfr-mali, the icons or fonts/fonts.conf");
    PangoFontMap *map = fs_fonts_new_map(fonts);
    pango = fs_pango_create(map);
    g_object_unref(map);
    fs_diags_free(diags);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fs_arena *arena = fs_arena_create();
    fs_diags *diags = fs_diags_create();
    fs_layout *layout = fs_layout_parse(layout_path, (const char *)data, size, arena, diags);
    fs_lang *lang =
        layout ? fs_lang_create("fr", layout, "data/pfr-mali", false, arena, diags) : NULL;
    fs_bind_input input = {.layout = layout, .data = dataset, .icons = icons, .lang = lang};
    fs_pipeline_result placed = {0};
    if (lang)
        placed = fs_pipeline_run(&input, pango, &(fs_pipeline_options){0}, arena, diags);
    if (placed.doc) {
        const fs_display *display = placed.display;
        for (size_t i = 0; display && i < display->page_count && i < 3; i++) {
            double scale = 36.0 / 72.0;
            cairo_surface_t *surface =
                cairo_image_surface_create(CAIRO_FORMAT_RGB24, (int)(display->width * scale) + 1,
                                           (int)(display->height * scale) + 1);
            cairo_t *cr = cairo_create(surface);
            cairo_scale(cr, scale, scale);
            fs_paint_page(cr, &display->pages[i], pango, NULL);
            cairo_destroy(cr);
            cairo_surface_destroy(surface);
        }
        if (!display && fs_diags_errors(diags) == 0)
            __builtin_trap(); /* refused without saying why */
    } else if (fs_diags_errors(diags) == 0) {
        __builtin_trap();
    }
    fs_lang_free(lang);
    fs_diags_free(diags);
    fs_arena_free(arena);
    return 0;
}
