/* factsheet render: one layout, one data folder, one output file. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <dirent.h>
#include <time.h>

#include "bind/fs_bind.h"
#include "cli/fs_cli.h"
#include "emit/fs_dump.h"
#include "emit/fs_emit.h"
#include "bind/fs_lang.h"
#include "core/fs_buf.h"
#include "load/fs_dataset.h"
#include "load/fs_fonts.h"
#include "load/fs_icons.h"
#include "load/fs_layout.h"
#include "place/fs_pango.h"
#include "place/fs_place.h"

static const char usage[] =
    "Usage: factsheet render LAYOUT DATA_DIR -o FILE [--lang en,fr] [--strict] [--dpi N]\n"
    "\n"
    "Renders the layout with the CSV tables of DATA_DIR into FILE. The output\n"
    "format follows FILE's extension: .pdf, .png or .svg. A PNG of several\n"
    "pages is written as FILE-1.png, FILE-2.png, ...\n"
    "\n"
    "  LAYOUT          a layout folder (holding layout.yaml), or the name of an\n"
    "                  installed layout such as 'brief'\n"
    "  DATA_DIR        the folder of CSV tables the layout reads\n"
    "  -o, --output FILE   where to write (required); with several languages it\n"
    "                      must hold {lang}: -o 'out/brief-{lang}.pdf'\n"
    "  -l, --lang LIST     languages to render, comma-separated (default en);\n"
    "                      translations come from LAYOUT/LANG.po, DATA_DIR/LANG.po\n"
    "                      and columns NAME@LANG\n"
    "      --strict        a missing or fuzzy translation is an error, not a\n"
    "                      warning with the English printed instead\n"
    "      --dpi N         PNG resolution, 36 to 1200 (default 150)\n"
    "      --dump-boxes FILE   also write every placed box and text, one per line\n"
    "                      (FILE may hold {lang}), to see where things went\n"
    "  -h, --help          show this help\n"
    "\n"
    "The file is written atomically: a failed render leaves no partial file and\n"
    "keeps an existing one untouched. The PDF's dates come from SOURCE_DATE_EPOCH\n"
    "when set, else from the newest input file, so the same inputs give the same\n"
    "bytes.\n"
    "\n"
    "Exit status: 0 done, 1 the render failed, 2 bad input or usage.\n";

enum { FS_MAX_LANGS = 16 };

typedef struct {
    const char *layout;
    const char *data;
    const char *output;
    const char *dump; /* --dump-boxes, NULL when not asked */
    double dpi;
    bool strict;
    char langs_text[256];
    const char *langs[FS_MAX_LANGS];
    size_t lang_count;
} render_args;

/* What the run loads once and every document shares. */
typedef struct {
    fs_arena *arena;
    fs_layout *layout;
    fs_dataset *data;
    fs_icons *icons;
    fs_lang *langs[FS_MAX_LANGS];
    fs_fonts *fonts;
    fs_pango *pango;
} run;

static int usage_error(const char *message, const char *detail)
{
    fprintf(stderr, "factsheet: error: %s%s\n  hint: see factsheet render --help\n", message,
            detail ? detail : "");
    return FS_EXIT_USAGE;
}

static int parse_args(int argc, char **argv, render_args *args)
{
    static const struct option options[] = {{"output", required_argument, NULL, 'o'},
                                            {"lang", required_argument, NULL, 'l'},
                                            {"strict", no_argument, NULL, 's'},
                                            {"dpi", required_argument, NULL, 'd'},
                                            {"dump-boxes", required_argument, NULL, 'b'},
                                            {"help", no_argument, NULL, 'h'},
                                            {NULL, 0, NULL, 0}};
    *args = (render_args){.dpi = 150};
    const char *langs = "en";
    opterr = 0;
    optind = 1;
    int option;
    while ((option = getopt_long(argc, argv, "o:l:h", options, NULL)) != -1) {
        char *end;
        switch (option) {
        case 'o':
            args->output = optarg;
            break;
        case 'l':
            langs = optarg;
            break;
        case 's':
            args->strict = true;
            break;
        case 'b':
            args->dump = optarg;
            break;
        case 'd':
            errno = 0;
            args->dpi = strtod(optarg, &end);
            if (*end || errno || args->dpi < 36 || args->dpi > 1200)
                return usage_error("--dpi takes a number from 36 to 1200, not ", optarg);
            break;
        case 'h':
            fputs(usage, stdout);
            return -1;
        default:
            return usage_error("unknown option ", argv[optind - 1]);
        }
    }
    if (argc - optind != 2)
        return usage_error("render takes a LAYOUT and a DATA_DIR", NULL);
    args->layout = argv[optind];
    args->data = argv[optind + 1];
    if (!args->output)
        return usage_error("no output file: add -o FILE.pdf (or .png, .svg)", NULL);
    if (!fs_emit_supported(args->output))
        return usage_error("the output must end in .pdf, .png or .svg: ", args->output);
    if (strlen(langs) >= sizeof args->langs_text)
        return usage_error("--lang is too long", NULL);
    strcpy(args->langs_text, langs);
    for (char *save = NULL, *tag = strtok_r(args->langs_text, ",", &save); tag;
         tag = strtok_r(NULL, ",", &save)) {
        if (args->lang_count == FS_MAX_LANGS)
            return usage_error("--lang takes at most 16 languages", NULL);
        for (size_t i = 0; i < args->lang_count; i++)
            if (strcmp(args->langs[i], tag) == 0)
                return usage_error("--lang names a language twice: ", tag);
        args->langs[args->lang_count++] = tag;
    }
    if (args->lang_count == 0)
        return usage_error("--lang needs at least one language, such as en or en,fr", NULL);
    if (args->lang_count > 1 && args->dump && !strstr(args->dump, "{lang}"))
        return usage_error("several languages need {lang} in the --dump-boxes name too: ",
                           args->dump);
    if (args->lang_count > 1 && !strstr(args->output, "{lang}"))
        return usage_error("several languages need {lang} in the output name, such as "
                           "out/brief-{lang}.pdf; got ",
                           args->output);
    return FS_EXIT_OK;
}

/* The output name of one language: {lang} replaced by its tag. */
static char *output_for(const char *pattern, const char *tag, fs_arena *arena)
{
    fs_buf name = {0};
    for (const char *c = pattern; *c;) {
        if (strncmp(c, "{lang}", 6) == 0) {
            fs_buf_puts(&name, tag);
            c += 6;
        } else {
            fs_buf_putc(&name, *c++);
        }
    }
    char *result = fs_buf_ok(&name) ? fs_arena_strdup(arena, fs_buf_str(&name)) : NULL;
    fs_buf_free(&name);
    return result;
}

static bool load_run(run *r, const render_args *args, const char *datadir, fs_diags *diags)
{
    r->arena = fs_arena_create();
    if (!r->arena)
        return false;
    const char *dir = fs_cli_layout_dir(args->layout, datadir, r->arena);
    const char *conf = fs_arena_printf(r->arena, "%s/fonts/fonts.conf", datadir);
    /* Load everything that can be checked before reporting, so one run shows
     * every problem of the layout and of the data. */
    r->layout = fs_layout_load(dir, r->arena, diags);
    r->data = fs_dataset_load(args->data, r->arena, diags);
    r->icons = fs_icons_load(FS_MATERIAL_CODEPOINTS, r->arena, diags);
    r->fonts = conf ? fs_fonts_create(conf, diags) : NULL;
    if (r->fonts && r->layout && !fs_fonts_check_theme(r->fonts, r->layout->theme, diags))
        return false;
    bool langs_ok = true;
    for (size_t i = 0; r->layout && i < args->lang_count; i++) {
        r->langs[i] =
            fs_lang_create(args->langs[i], r->layout, args->data, args->strict, r->arena, diags);
        langs_ok = langs_ok && r->langs[i];
    }
    if (!r->layout || !r->data || !r->icons || !langs_ok || !r->fonts)
        return false;
    PangoFontMap *map = fs_fonts_new_map(r->fonts);
    r->pango = map ? fs_pango_create(map) : NULL;
    if (map)
        g_object_unref(map);
    return r->pango != NULL;
}

static void free_run(run *r)
{
    fs_pango_free(r->pango);
    fs_fonts_free(r->fonts);
    for (size_t i = 0; i < FS_MAX_LANGS; i++)
        fs_lang_free(r->langs[i]);
    fs_arena_free(r->arena);
}

/* One document through the pipeline: bind, place, then paint and emit. */
static int render_document(const run *r, const fs_lang *lang, const char *output, const char *dump,
                           const fs_emit_options *options, fs_arena *arena, fs_diags *diags)
{
    fs_bind_input input = {r->layout, r->data, r->icons, lang, NULL, NULL};
    fs_document *doc = fs_bind(&input, arena, diags);
    if (!doc)
        return FS_EXIT_USAGE;
    fs_pango_set_language(r->pango, doc->lang);
    fs_measurer measurer = fs_pango_measurer(r->pango);
    fs_display *display = fs_place(doc, &r->layout->page, &measurer, arena, diags);
    bool written = display && fs_emit(display, doc, r->pango, output, options, diags) &&
                   (!dump || fs_dump_write(display, dump, diags));
    /* The kept layouts are keyed by this document's strings, which the
     * arena is about to reuse. */
    fs_pango_forget(r->pango);
    return written ? FS_EXIT_OK : FS_EXIT_FAILED;
}

int fs_cli_render(int argc, char **argv)
{
    render_args args;
    int status = parse_args(argc, argv, &args);
    if (status != FS_EXIT_OK)
        return status < 0 ? FS_EXIT_OK : status;
    fs_diags *diags = fs_diags_create();
    if (!diags)
        return FS_EXIT_FAILED;
    char *owned;
    const char *datadir = fs_cli_datadir(&owned);
    run r = {0};
    fs_emit_options options = {.dpi = args.dpi};
    if (!load_run(&r, &args, datadir, diags) ||
        !fs_cli_creation_time(r.layout->dir, args.data, &options.created, diags)) {
        status = FS_EXIT_USAGE;
    } else {
        /* One document per language; the document arena is reset between
         * them, everything loaded for the run is shared. */
        fs_arena *document = fs_arena_create();
        status = document ? FS_EXIT_OK : FS_EXIT_FAILED;
        for (size_t i = 0; document && i < args.lang_count; i++) {
            const char *output = output_for(args.output, args.langs[i], r.arena);
            const char *dump = args.dump ? output_for(args.dump, args.langs[i], r.arena) : NULL;
            int result =
                output && (dump || !args.dump)
                    ? render_document(&r, r.langs[i], output, dump, &options, document, diags)
                    : FS_EXIT_FAILED;
            /* Bad input outranks a failed render: it is what to fix first. */
            if (result == FS_EXIT_USAGE || (result != FS_EXIT_OK && status == FS_EXIT_OK))
                status = result;
            fs_arena_reset(document);
        }
        fs_arena_free(document);
    }
    fs_cli_print(diags);
    free_run(&r);
    fs_diags_free(diags);
    free(owned);
    return status;
}
