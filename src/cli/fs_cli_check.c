/* factsheet check: every document laid out as render would lay it out, in
 * every language, nothing drawn or written; a report of what would be wrong
 * on the page, of the columns nothing shows and of the alternative texts,
 * as text for people or as JSON for scripts. */
#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "batch/fs_pipeline.h"
#include "bind/fs_columns.h"
#include "cli/fs_cli.h"
#include "cli/fs_cli_output.h"
#include "core/fs_buf.h"
#include "core/fs_json.h"
#include "emit/fs_design.h"
#include "emit/fs_emit.h"
#include "i18n/fs_template.h"

static const char usage[] =
    "Usage: factsheet check LAYOUT DATA_DIR [--lang en,fr] [--each COLUMN]\n"
    "                       [-o FILE] [--format text|json]\n"
    "\n"
    "Lays out every document as render would, in each language, without\n"
    "drawing or writing anything, and reports what would be wrong on the page:\n"
    "missing or fuzzy translations, placeholders that name no column, empty\n"
    "cells, unknown icons, missing pictures, text or blocks that do not fit,\n"
    "characters the fonts cannot draw, and design problems (text under 8 pt,\n"
    "contrast under 4.5:1, lines over 90 characters, a grid's last row less\n"
    "than half full, a stat label over 4 lines, a heading at the foot of a\n"
    "column, a word cut with no hyphenation). Notes tell of text drawn\n"
    "smaller to fit and of the data's columns that no placeholder reads. Each\n"
    "picture's, chart's and statistic's alternative text is listed with its\n"
    "page.\n"
    "\n"
    "  LAYOUT          a layout folder (holding layout.yaml), or the name of an\n"
    "                  installed layout such as 'brief'\n"
    "  DATA_DIR        the folder of CSV tables the layout reads\n"
    "  -l, --lang LIST     languages to check, comma-separated (default en)\n"
    "  -e, --each COLUMN   one document per value of COLUMN, as render --each\n"
    "  -o, --output FILE   the output name render would be given, such as\n"
    "                      'out/{country}-{lang}.pdf': also reports names that\n"
    "                      would be one file (the same, or differing only by case\n"
    "                      or by how accents are encoded) and names too long for\n"
    "                      their folder; nothing is written\n"
    "  -f, --format FORMAT text (default), or json: a stable report for scripts\n"
    "                      (README.md, \"Check before you send\")\n"
    "  -h, --help          show this help\n"
    "\n"
    "The report goes to standard output. A missing translation is a problem\n"
    "here, as it is under render --strict.\n"
    "\n"
    "Exit status: 0 nothing wrong (notes at most); 1 problems found (any error\n"
    "or warning); 2 bad input that stops before any document is laid out (the\n"
    "layout, the data, a catalog, an unknown language) or usage.\n";

typedef struct {
    const char *layout;
    const char *data;
    const char *each;   /* --each, NULL for one document per language */
    const char *output; /* -o, NULL when not given */
    bool json;
    fs_cli_langs langs;
} check_args;

typedef struct {
    int page; /* 1-based */
    const char *text;
} alt_text;

/* One document checked: its diagnostics are found[from, to). */
typedef struct {
    size_t lang;     /* index into the --lang list */
    const char *key; /* the --each value, NULL for the whole data */
    bool bound;      /* binding succeeded */
    size_t pages;    /* 0 when it could not be laid out */
    size_t from, to;
    alt_text *alts;
    size_t alt_count;
    size_t problems, notes;
} doc_report;

static int usage_error(const char *message, const char *detail)
{
    return fs_cli_usage_error("check", message, detail);
}

static int parse_args(int argc, char **argv, check_args *args)
{
    static const struct option options[] = {
        {"lang", required_argument, NULL, 'l'},   {"each", required_argument, NULL, 'e'},
        {"format", required_argument, NULL, 'f'}, {"output", required_argument, NULL, 'o'},
        {"help", no_argument, NULL, 'h'},         {NULL, 0, NULL, 0}};
    *args = (check_args){0};
    const char *langs = "en";
    opterr = 0;
    optind = 1;
    int option;
    while ((option = getopt_long(argc, argv, ":l:e:f:o:h", options, NULL)) != -1) {
        switch (option) {
        case 'l':
            langs = optarg;
            break;
        case 'e':
            args->each = optarg;
            break;
        case 'o':
            args->output = optarg;
            break;
        case 'f':
            if (strcmp(optarg, "json") == 0)
                args->json = true;
            else if (strcmp(optarg, "text") != 0)
                return usage_error("--format takes text or json, not ", optarg);
            break;
        case 'h':
            fputs(usage, stdout);
            return -1;
        case ':':
            return usage_error("this option needs a value: ", argv[optind - 1]);
        default:
            return usage_error("unknown option ", argv[optind - 1]);
        }
    }
    if (argc - optind != 2)
        return usage_error("check takes a LAYOUT and a DATA_DIR", NULL);
    args->layout = argv[optind];
    args->data = argv[optind + 1];
    if (args->output && !fs_emit_supported(args->output))
        return usage_error("the output must end in .pdf, .png or .svg: ", args->output);
    int status = fs_cli_parse_langs(langs, "check", &args->langs);
    if (status == FS_EXIT_OK && args->output)
        status = fs_cli_output_usage(args->output, args->langs.count, args->each, "check");
    return status;
}

/* ---- output names ------------------------------------------------------ */

/* The names render would write with -o, every document's, checked as
 * render checks them before it draws: problems of the run, in diags. The
 * folders need not exist yet. */
static void check_output_names(const check_args *args, const fs_dataset_part *parts,
                               size_t part_count, fs_arena *arena, fs_diags *diags)
{
    fs_template *pattern = fs_template_parse(args->output, fs_pos_at(NULL, 0, 0), arena, diags);
    fs_cli_output *outputs =
        fs_arena_array(arena, part_count * args->langs.count + 1, sizeof *outputs);
    if (!pattern || !outputs)
        return;
    size_t count = 0;
    for (size_t l = 0; l < args->langs.count; l++) {
        for (size_t p = 0; p < part_count; p++) {
            const fs_dataset_part *part = args->each ? &parts[p] : NULL;
            const char *lang = args->langs.tags[l];
            fs_cli_output *output = &outputs[count++];
            output->path = fs_cli_output_name(pattern, part, lang, arena, diags);
            output->label = fs_cli_output_label(args->each, part, lang, arena);
            if (!output->path || !output->label)
                return;
        }
    }
    fs_cli_outputs_distinct(outputs, count, arena, diags);
    fs_cli_outputs_fit(outputs, count, diags);
}

/* ---- checking one document ------------------------------------------- */

/* Copies diagnostics of from into out, each with kind when it has none. */
static void copy_diags(fs_diags *out, const fs_diags *from, const char *kind)
{
    for (size_t i = 0; i < fs_diags_count(from); i++) {
        const fs_diag *d = fs_diags_at(from, i);
        fs_diag_add_kind(out, d->severity, d->kind ? d->kind : kind, d->pos, d->hint, "%s",
                         d->message);
    }
}

/* The alternative texts of the display list, with their pages, copied into
 * arena (the display list lives in the document's arena). */
static bool collect_alts(doc_report *report, const fs_display *display, fs_arena *arena)
{
    size_t count = 0;
    for (size_t p = 0; p < display->page_count; p++)
        for (size_t i = 0; i < display->pages[p].count; i++)
            count += display->pages[p].ops[i].alt != NULL;
    report->alts = fs_arena_array(arena, count + 1, sizeof *report->alts);
    if (!report->alts)
        return false;
    for (size_t p = 0; p < display->page_count; p++) {
        for (size_t i = 0; i < display->pages[p].count; i++) {
            const char *alt = display->pages[p].ops[i].alt;
            if (!alt)
                continue;
            alt_text *entry = &report->alts[report->alt_count];
            entry->page = (int)p + 1;
            entry->text = fs_arena_strdup(arena, alt);
            if (!entry->text)
                return false;
            report->alt_count++;
        }
    }
    return true;
}

/* Binds and places one document as render does (through the same
 * pipeline, without writing it), with every problem in found. The
 * document's arena is reset afterwards. */
static void check_document(const fs_cli_run *r, const fs_dataset *data, const fs_lang *lang,
                           fs_columns *columns, fs_pango *pango, fs_arena *document,
                           doc_report *report, fs_diags *found)
{
    fs_columns_next_document(columns);
    fs_bind_input input = {.layout = r->layout,
                           .data = data,
                           .icons = r->icons,
                           .lang = lang,
                           .images = r->images,
                           .on_column = fs_columns_mark,
                           .on_column_context = columns};
    fs_pipeline_result placed =
        fs_pipeline_run(&input, pango, &(fs_pipeline_options){0}, document, found);
    report->bound = placed.doc != NULL;
    if (placed.display) {
        report->pages = placed.display->page_count;
        if (!fs_design_check(placed.doc, placed.display, pango, found))
            fs_error(found, fs_pos_at(NULL, 0, 0), "free some memory and try again",
                     "out of memory during the design check");
        if (!collect_alts(report, placed.display, r->arena))
            fs_error(found, fs_pos_at(NULL, 0, 0), "free some memory and try again",
                     "out of memory while listing the alternative texts");
    }
    fs_arena_reset(document);
}

static void count(const fs_diags *found, size_t from, size_t to, size_t *problems, size_t *notes)
{
    *problems = *notes = 0;
    for (size_t i = from; i < to; i++) {
        if (fs_diags_at(found, i)->severity == FS_NOTE)
            ++*notes;
        else
            ++*problems;
    }
}

/* ---- the text report --------------------------------------------------- */

static const char *plural(size_t n, const char *one, const char *many)
{
    return n == 1 ? one : many;
}

static void print_counts(size_t problems, size_t notes)
{
    printf("%zu %s, %zu %s\n", problems, plural(problems, "problem", "problems"), notes,
           plural(notes, "note", "notes"));
}

static void print_text(const check_args *args, const doc_report *reports, size_t report_count,
                       const fs_diags *found, size_t run_from, fs_arena *arena)
{
    fs_map shown = {0};
    for (size_t d = 0; d < report_count; d++) {
        const doc_report *report = &reports[d];
        const char *lang = args->langs.tags[report->lang];
        if (report->key)
            printf("== %s '%s' (%s) ==\n", args->each, fs_diag_printable(report->key, arena), lang);
        else
            printf("== %s ==\n", lang);
        size_t repeated = 0;
        for (size_t i = report->from; i < report->to; i++) {
            const fs_diag *diag = fs_diags_at(found, i);
            if (args->each && fs_cli_shown_before(&shown, diag)) {
                repeated++;
                continue;
            }
            fs_diag_print(diag, stdout);
        }
        if (repeated)
            printf("(and %zu more, shown above for another document)\n", repeated);
        if (report->pages == 0)
            printf("not laid out: the errors above stop it\n");
        for (size_t i = 0; i < report->alt_count; i++)
            printf("alt: page %d: %s\n", report->alts[i].page,
                   fs_diag_printable(report->alts[i].text, arena));
    }
    fs_cli_shown_free(&shown);
    size_t run_problems, run_notes;
    count(found, run_from, fs_diags_count(found), &run_problems, &run_notes);
    if (run_problems + run_notes) {
        printf("== all documents ==\n");
        for (size_t i = run_from; i < fs_diags_count(found); i++)
            fs_diag_print(fs_diags_at(found, i), stdout);
    }
    size_t total_problems = run_problems, total_notes = run_notes;
    for (size_t l = 0; l < args->langs.count; l++) {
        size_t documents = 0, with_problems = 0, pages = 0, problems = 0, notes = 0;
        for (size_t d = 0; d < report_count; d++) {
            if (reports[d].lang != l)
                continue;
            documents++;
            with_problems += reports[d].problems > 0;
            pages = reports[d].pages;
            problems += reports[d].problems;
            notes += reports[d].notes;
        }
        printf("check: %s: ", args->langs.tags[l]);
        if (args->each)
            printf("%zu %s, %zu with problems, ", documents,
                   plural(documents, "document", "documents"), with_problems);
        else if (pages)
            printf("%zu %s, ", pages, plural(pages, "page", "pages"));
        else
            printf("not laid out, ");
        print_counts(problems, notes);
        total_problems += problems;
        total_notes += notes;
    }
    if (run_problems + run_notes) {
        printf("check: all documents: ");
        print_counts(run_problems, run_notes);
    }
    printf("check: ");
    print_counts(total_problems, total_notes);
}

/* ---- the JSON report --------------------------------------------------- */

/* The report, built whole in out so that running out of memory half way
 * prints nothing rather than a cut report. */
static void print_json(fs_buf *out, const check_args *args, const doc_report *reports,
                       size_t report_count, const fs_diags *found, size_t run_from)
{
    size_t problems, notes;
    count(found, 0, fs_diags_count(found), &problems, &notes);
    fs_buf_puts(out, "{\n  \"version\": 1,\n  \"layout\": ");
    fs_json_string(out, args->layout);
    fs_buf_puts(out, ",\n  \"data\": ");
    fs_json_string(out, args->data);
    fs_buf_puts(out, ",\n  \"each\": ");
    fs_json_string(out, args->each);
    fs_buf_puts(out, ",\n  \"documents\": [");
    for (size_t d = 0; d < report_count; d++) {
        const doc_report *report = &reports[d];
        fs_buf_puts(out, d ? ",\n    {\n      \"lang\": " : "\n    {\n      \"lang\": ");
        fs_json_string(out, args->langs.tags[report->lang]);
        fs_buf_puts(out, ",\n      \"key\": ");
        fs_json_string(out, report->key);
        fs_buf_puts(out, ",\n      \"pages\": ");
        fs_json_int_or_null(out, (long long)report->pages);
        fs_buf_printf(out, ",\n      \"status\": \"%s\",\n      \"problems\": ",
                      report->problems ? "problems" : "clean");
        fs_json_diags(out, found, report->from, report->to, "      ");
        fs_buf_puts(out, ",\n      \"alt_texts\": ");
        if (report->alt_count == 0)
            fs_buf_puts(out, "[]");
        for (size_t i = 0; i < report->alt_count; i++) {
            fs_buf_printf(out, "%s        {\"page\": %d, \"text\": ", i ? ",\n" : "[\n",
                          report->alts[i].page);
            fs_json_string(out, report->alts[i].text);
            fs_buf_putc(out, '}');
        }
        if (report->alt_count)
            fs_buf_puts(out, "\n      ]");
        fs_buf_puts(out, "\n    }");
    }
    fs_buf_puts(out, report_count ? "\n  ],\n  \"problems\": " : "],\n  \"problems\": ");
    fs_json_diags(out, found, run_from, fs_diags_count(found), "  ");
    fs_buf_printf(out,
                  ",\n  \"summary\": {\"documents\": %zu, \"problems\": %zu, \"notes\": %zu}\n}\n",
                  report_count, problems, notes);
}

/* ---- the command --------------------------------------------------------- */

/* Checks every document of the run, language by language; the reports and
 * their alternative texts live in r's arena. NULL when out of memory. */
static doc_report *check_all(const check_args *args, fs_cli_run *r, fs_diags *const *lang_diags,
                             const fs_dataset_part *parts, size_t part_count, fs_columns *columns,
                             fs_diags *found, size_t *report_count)
{
    doc_report *reports =
        fs_arena_array(r->arena, part_count * args->langs.count + 1, sizeof *reports);
    PangoFontMap *map = fs_fonts_new_map(r->fonts);
    fs_pango *pango = map ? fs_pango_create(map) : NULL;
    if (map)
        g_object_unref(map);
    fs_arena *document = fs_arena_create();
    bool ok = reports && pango && document;
    size_t total = 0;
    for (size_t l = 0; ok && l < args->langs.count; l++) {
        for (size_t p = 0; p < part_count; p++) {
            doc_report *report = &reports[total++];
            report->lang = l;
            report->key = args->each ? parts[p].key : NULL;
            report->from = fs_diags_count(found);
            /* What the language's catalogs lack is missing from each of
             * its documents. */
            copy_diags(found, lang_diags[l], FS_KIND_TRANSLATION);
            check_document(r, parts[p].data, r->langs[l], columns, pango, document, report, found);
            report->to = fs_diags_count(found);
            count(found, report->from, report->to, &report->problems, &report->notes);
        }
    }
    fs_arena_free(document);
    fs_pango_free(pango);
    *report_count = total;
    return ok ? reports : NULL;
}

int fs_cli_check(int argc, char **argv)
{
    check_args args;
    int status = parse_args(argc, argv, &args);
    if (status != FS_EXIT_OK)
        return status < 0 ? FS_EXIT_OK : status;
    fs_diags *diags = fs_diags_create();
    fs_diags *found = fs_diags_create();
    fs_diags *lang_diags[FS_MAX_LANGS] = {0};
    bool ok = diags && found;
    for (size_t i = 0; ok && i < args.langs.count; i++)
        ok = (lang_diags[i] = fs_diags_create()) != NULL;
    char *owned = NULL;
    fs_cli_run r = {0};
    status = FS_EXIT_USAGE;
    if (!ok) {
        fputs("factsheet: error: out of memory\n", stderr);
        goto done;
    }
    /* Languages are loaded as render loads them without --strict, so that
     * a missing translation is a warning (counted as a problem) and every
     * document is still laid out. */
    const char *datadir = fs_cli_datadir(&owned);
    fs_dataset_part whole = {0}, *parts = &whole;
    size_t part_count = 1;
    ok =
        fs_cli_load_run(&r, args.layout, args.data, &args.langs, false, datadir, diags, lang_diags);
    if (ok && args.each) {
        part_count = fs_dataset_split(r.data, args.each, r.arena, diags, &parts);
        ok = part_count > 0;
    }
    fs_columns columns;
    ok = ok && fs_columns_init(&columns, r.data, r.arena);
    if (!ok) {
        /* Nothing could be checked: the problems of the input, as every
         * command shows them. */
        for (size_t i = 0; i < args.langs.count; i++)
            fs_diags_take(diags, lang_diags[i]);
        if (r.data_bad)
            fs_cli_bind_for_problems(&r, args.langs.count, args.each, diags);
        fs_cli_explain_failure(diags);
        fs_cli_print(diags);
        goto done;
    }
    whole.data = r.data;
    size_t report_count = 0;
    doc_report *reports =
        check_all(&args, &r, lang_diags, parts, part_count, &columns, found, &report_count);
    if (!reports) {
        fputs("factsheet: error: out of memory\n", stderr);
        status = FS_EXIT_FAILED;
        goto done;
    }
    /* What concerns the run as a whole: what loading found (a file read as
     * Windows-1252, rows with an empty key), the output names and the
     * columns nothing reads. */
    if (args.output)
        check_output_names(&args, parts, part_count, r.arena, diags);
    size_t run_from = fs_diags_count(found);
    fs_diags_take(found, diags);
    /* A document that did not bind did not read all it shows: its
     * placeholders come first, the columns once it binds. */
    bool all_bound = true;
    for (size_t i = 0; i < report_count; i++)
        all_bound = all_bound && reports[i].bound;
    if (all_bound)
        fs_columns_report(&columns, args.each, r.arena, found);
    if (args.json) {
        fs_buf report = {0};
        print_json(&report, &args, reports, report_count, found, run_from);
        bool built = fs_buf_ok(&report);
        if (built)
            fputs(fs_buf_str(&report), stdout);
        fs_buf_free(&report);
        if (!built) {
            fputs("factsheet: error: out of memory\n", stderr);
            status = FS_EXIT_FAILED;
            goto done;
        }
    } else {
        print_text(&args, reports, report_count, found, run_from, r.arena);
    }
    fflush(stdout);
    status = fs_diags_errors(found) + fs_diags_warnings(found) ? FS_EXIT_FAILED : FS_EXIT_OK;
done:
    fs_cli_free_run(&r);
    for (size_t i = 0; i < FS_MAX_LANGS; i++)
        fs_diags_free(lang_diags[i]);
    fs_diags_free(found);
    fs_diags_free(diags);
    free(owned);
    return status;
}
