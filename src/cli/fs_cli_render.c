/* factsheet render: one layout, one data folder; one document per language,
 * or, with --each, one per key and language, rendered by worker threads. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <unistd.h>

#include "batch/fs_batch.h"
#include "bind/fs_lang.h"
#include "cli/fs_cli.h"
#include "cli/fs_cli_output.h"
#include "core/fs_alloc.h"
#include "core/fs_buf.h"
#include "core/fs_output.h"
#include "emit/fs_emit.h"
#include "i18n/fs_template.h"
#include "load/fs_dataset.h"
#include "load/fs_fonts.h"
#include "load/fs_icons.h"
#include "load/fs_layout.h"

static const char usage[] =
    "Usage: factsheet render LAYOUT DATA_DIR -o FILE [--lang en,fr] [--each COLUMN]\n"
    "                        [-j N] [--shard K/N] [--strict] [--dpi N] [--no-tags]\n"
    "                        [--quiet]\n"
    "\n"
    "Renders the layout with the CSV tables of DATA_DIR into FILE. The output\n"
    "format follows FILE's extension: .pdf, .png or .svg. A PNG of several\n"
    "pages is written as FILE-1.png, FILE-2.png, ...\n"
    "\n"
    "  LAYOUT          a layout folder (holding layout.yaml), or the name of an\n"
    "                  installed layout such as 'brief'\n"
    "  DATA_DIR        the folder of CSV tables the layout reads\n"
    "  -o, --output FILE   where to write (required); {lang} and, with --each,\n"
    "                      {COLUMN} are replaced: -o 'out/{country}-{lang}.pdf'\n"
    "  -l, --lang LIST     languages to render, comma-separated (default en);\n"
    "                      translations come from LAYOUT/LANG.po, DATA_DIR/LANG.po\n"
    "                      and columns NAME@LANG\n"
    "  -e, --each COLUMN   one document per value of COLUMN: every table with the\n"
    "                      column keeps only that value's rows\n"
    "  -j, --jobs N        render on N threads (default: the number of cores)\n"
    "      --shard K/N     render only the K-th of N slices of the documents\n"
    "      --strict        a missing or fuzzy translation, or a character the\n"
    "                      fonts cannot draw, is an error, not a warning\n"
    "      --dpi N         PNG resolution, 36 to 1200 (default 150)\n"
    "      --no-tags       a PDF without its structure tree, language and XMP\n"
    "                      metadata (smaller and faster; not accessible)\n"
    "      --dump-boxes FILE   also write every placed box and text, one per line\n"
    "                      (FILE takes the same {names} as -o)\n"
    "  -q, --quiet         no progress and no summary; only problems\n"
    "  -h, --help          show this help\n"
    "\n"
    "Files are written atomically: a failed document leaves no partial file and\n"
    "keeps an existing one untouched; in a batch the other documents go on.\n"
    "Ctrl-C or SIGTERM leaves no temporary file; a hidden .NAME.XXXXXX that a\n"
    "kill -9 left is removed by the next run writing NAME. A replaced file keeps\n"
    "its permissions, a new one follows the umask.\n"
    "The PDF's dates come from SOURCE_DATE_EPOCH when set, else from the newest\n"
    "input file, so the same inputs give the same bytes.\n"
    "\n"
    "Exit status: 0 done; 1 a document failed (in a batch: any, the others are\n"
    "written); 2 bad input or usage (the layout, the data, a single document).\n";

typedef struct {
    const char *layout;
    const char *data;
    const char *output;
    const char *dump; /* --dump-boxes, NULL when not asked */
    const char *each; /* --each, NULL for one document per language */
    double dpi;
    bool strict, quiet, untagged;
    int jobs;
    size_t shard, shards; /* this slice (0-based) of shards */
    fs_cli_langs langs;
} render_args;

static int usage_error(const char *message, const char *detail)
{
    return fs_cli_usage_error("render", message, detail);
}

static int default_jobs(void)
{
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    return cores > 0 && cores < 256 ? (int)cores : 1;
}

static bool parse_shard(const char *text, size_t *shard, size_t *shards)
{
    char *end;
    errno = 0;
    unsigned long k = strtoul(text, &end, 10);
    if (end == text || *end != '/' || errno)
        return false;
    const char *rest = end + 1;
    unsigned long n = strtoul(rest, &end, 10);
    if (end == rest || *end || errno || n == 0 || n > 100000 || k == 0 || k > n)
        return false;
    *shard = k - 1;
    *shards = n;
    return true;
}

static int parse_args(int argc, char **argv, render_args *args)
{
    static const struct option options[] = {
        {"output", required_argument, NULL, 'o'}, {"lang", required_argument, NULL, 'l'},
        {"each", required_argument, NULL, 'e'},   {"jobs", required_argument, NULL, 'j'},
        {"shard", required_argument, NULL, 'S'},  {"strict", no_argument, NULL, 's'},
        {"dpi", required_argument, NULL, 'd'},    {"dump-boxes", required_argument, NULL, 'b'},
        {"no-tags", no_argument, NULL, 'T'},      {"quiet", no_argument, NULL, 'q'},
        {"help", no_argument, NULL, 'h'},         {NULL, 0, NULL, 0}};
    *args = (render_args){.dpi = 150, .jobs = default_jobs(), .shards = 1};
    const char *langs = "en";
    opterr = 0;
    optind = 1;
    int option;
    /* The leading ':' makes getopt tell a missing argument (':') from an
     * unknown option ('?'). */
    while ((option = getopt_long(argc, argv, ":o:l:e:j:qh", options, NULL)) != -1) {
        char *end;
        switch (option) {
        case 'o':
            args->output = optarg;
            break;
        case 'l':
            langs = optarg;
            break;
        case 'e':
            args->each = optarg;
            break;
        case 's':
            args->strict = true;
            break;
        case 'b':
            args->dump = optarg;
            break;
        case 'q':
            args->quiet = true;
            break;
        case 'T':
            args->untagged = true;
            break;
        case 'j':
            errno = 0;
            args->jobs = (int)strtol(optarg, &end, 10);
            if (*end || errno || args->jobs < 1 || args->jobs > 256)
                return usage_error("-j takes a number of threads from 1 to 256, not ", optarg);
            break;
        case 'S':
            if (!parse_shard(optarg, &args->shard, &args->shards))
                return usage_error("--shard takes K/N with 1 <= K <= N, such as 2/8, not ", optarg);
            break;
        case 'd':
            errno = 0;
            args->dpi = strtod(optarg, &end);
            if (*end || errno || !(args->dpi >= 36 && args->dpi <= 1200))
                return usage_error("--dpi takes a number from 36 to 1200, not ", optarg);
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
        return usage_error("render takes a LAYOUT and a DATA_DIR", NULL);
    args->layout = argv[optind];
    args->data = argv[optind + 1];
    if (!args->output)
        return usage_error("no output file: add -o FILE.pdf (or .png, .svg)", NULL);
    if (!fs_emit_supported(args->output))
        return usage_error("the output must end in .pdf, .png or .svg: ", args->output);
    int status = fs_cli_parse_langs(langs, "render", &args->langs);
    if (status != FS_EXIT_OK)
        return status;
    status = fs_cli_output_usage(args->output, args->langs.count, args->each, "render");
    if (status == FS_EXIT_OK && args->dump)
        status = fs_cli_output_usage(args->dump, args->langs.count, args->each, "render");
    return status;
}

/* Every output and box dump of the run gets a file of its own, in a folder
 * that exists, under a name its file system takes: checked before anything
 * is rendered, or each document of a batch would fail on its own. */
static bool check_outputs(const fs_job *jobs, size_t count, fs_arena *arena, fs_diags *diags)
{
    fs_cli_output *outputs = fs_arena_array(arena, count + 1, sizeof *outputs);
    fs_cli_output *dumps = fs_arena_array(arena, count + 1, sizeof *dumps);
    if (!outputs || !dumps)
        return false;
    size_t dump_count = 0;
    for (size_t i = 0; i < count; i++) {
        outputs[i] = (fs_cli_output){jobs[i].output, jobs[i].label};
        if (jobs[i].dump)
            dumps[dump_count++] = (fs_cli_output){jobs[i].dump, jobs[i].label};
    }
    bool distinct = fs_cli_outputs_distinct(outputs, count, arena, diags);
    distinct = fs_cli_outputs_distinct(dumps, dump_count, arena, diags) && distinct;
    if (!distinct || !fs_cli_output_folders(outputs, count, diags) ||
        !fs_cli_output_folders(dumps, dump_count, diags))
        return false;
    bool fit = fs_cli_outputs_fit(outputs, count, diags);
    return fs_cli_outputs_fit(dumps, dump_count, diags) && fit;
}

/* The documents of the run: each key (or the whole data) in each
 * language, this shard's slice of them. */
static fs_job *plan(const render_args *args, fs_cli_run *r, size_t *count, fs_diags *diags)
{
    fs_dataset_part whole = {.data = r->data};
    fs_dataset_part *parts = &whole;
    size_t part_count = 1;
    if (args->each) {
        part_count = fs_dataset_split(r->data, args->each, r->arena, diags, &parts);
        if (part_count == 0)
            return NULL;
    }
    fs_template *pattern = fs_template_parse(args->output, fs_pos_at(NULL, 0, 0), r->arena, diags);
    fs_template *dump =
        args->dump ? fs_template_parse(args->dump, fs_pos_at(NULL, 0, 0), r->arena, diags) : NULL;
    size_t total = 0;
    fs_job *jobs = fs_arena_array(r->arena, part_count * args->langs.count, sizeof *jobs);
    if (!pattern || (args->dump && !dump) || !jobs)
        return NULL;
    bool ok = true;
    for (size_t p = 0; p < part_count; p++) {
        if (p % args->shards != args->shard)
            continue;
        const fs_dataset_part *part = args->each ? &parts[p] : NULL;
        for (size_t l = 0; l < args->langs.count; l++) {
            fs_job *job = &jobs[total++];
            job->data = parts[p].data;
            job->lang = r->langs[l];
            job->output = fs_cli_output_name(pattern, part, args->langs.tags[l], r->arena, diags);
            job->dump =
                dump ? fs_cli_output_name(dump, part, args->langs.tags[l], r->arena, diags) : NULL;
            job->label = fs_cli_output_label(args->each, part, args->langs.tags[l], r->arena);
            ok = ok && job->output && (job->dump || !dump) && job->label;
            if (!ok)
                return NULL;
        }
    }
    *count = total;
    return check_outputs(jobs, total, r->arena, diags) ? jobs : NULL;
}

/* Removes the temporary files that a killed run left beside the outputs
 * of this one; a note names each. False when out of memory. */
static bool remove_stale(const fs_job *jobs, size_t count, fs_arena *arena, fs_diags *diags)
{
    const char **paths = fs_arena_array(arena, 2 * count + 1, sizeof *paths);
    if (!paths)
        return false;
    size_t n = 0;
    for (size_t i = 0; i < count; i++) {
        paths[n++] = jobs[i].output;
        if (jobs[i].dump)
            paths[n++] = jobs[i].dump;
    }
    return fs_output_remove_stale(paths, n, diags);
}

/* A PNG document keeps each page's unnamed file open until its last page
 * is drawn (fs_emit), so a batch may hold pages x threads files at once,
 * more than the 1024 a process may open by default: the limit is raised to
 * what the system allows. */
static void raise_open_file_limit(void)
{
    struct rlimit limit;
    if (getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = limit.rlim_max;
        setrlimit(RLIMIT_NOFILE, &limit);
    }
}

/* What the command shows while the workers render. */
typedef struct {
    bool tty, quiet, batch;
    bool bar_shown;
    struct timeval start;
    /* Diagnostics already shown: a text shared by every document (a missing
     * translation of the programme's title) is reported once per run. */
    fs_map shown;
} screen;

static double seconds_since(const struct timeval *start)
{
    struct timeval now;
    gettimeofday(&now, NULL);
    return (double)(now.tv_sec - start->tv_sec) + (now.tv_usec - start->tv_usec) / 1e6;
}

static void clear_bar(screen *s)
{
    if (s->bar_shown)
        fputs("\r\033[K", stderr);
    s->bar_shown = false;
}

static void report(void *context, const fs_job *job, const fs_diags *diags)
{
    screen *s = context;
    clear_bar(s);
    if (!s->batch) {
        fs_cli_print(diags);
        return;
    }
    bool header = false;
    for (size_t i = 0; i < fs_diags_count(diags); i++) {
        const fs_diag *diag = fs_diags_at(diags, i);
        /* Warnings shared by every document show once; errors always show,
         * so each failed document says why. */
        if (diag->severity != FS_ERROR && fs_cli_shown_before(&s->shown, diag))
            continue;
        if (!header)
            fprintf(stderr, "%s %s:\n", job->status == FS_JOB_DONE ? "in" : "failed:", job->label);
        header = true;
        fs_diag_print(diag, stderr);
    }
    fflush(stderr);
}

/* A progress bar on a terminal: count, rate and time left. Nothing when
 * standard error is a file or a pipe (logs stay clean) or with --quiet. */
static void progress(void *context, size_t done, size_t total)
{
    screen *s = context;
    if (!s->tty || s->quiet || !s->batch)
        return;
    double elapsed = seconds_since(&s->start);
    double rate = elapsed > 0 ? (double)done / elapsed : 0;
    char bar[31];
    size_t filled = total ? done * 30 / total : 30;
    for (size_t i = 0; i < 30; i++)
        bar[i] = i < filled ? '#' : '.';
    bar[30] = '\0';
    fprintf(stderr, "\r\033[K[%s] %zu/%zu documents  %.1f/s", bar, done, total, rate);
    if (rate > 0 && done < total)
        fprintf(stderr, "  %.0f s left", (double)(total - done) / rate);
    fflush(stderr);
    s->bar_shown = true;
}

static int summarise(screen *s, const fs_job *jobs, size_t count)
{
    size_t rendered = 0, failed = 0, bad = 0, warnings = 0;
    for (size_t i = 0; i < count; i++) {
        rendered += jobs[i].status == FS_JOB_DONE;
        failed += jobs[i].status == FS_JOB_FAILED;
        bad += jobs[i].status == FS_JOB_BAD_INPUT;
        warnings += jobs[i].warnings;
    }
    clear_bar(s);
    if (s->batch && !s->quiet) {
        fprintf(stderr, "factsheet: %zu document%s rendered, %zu failed, %zu warning%s", rendered,
                rendered == 1 ? "" : "s", failed + bad, warnings, warnings == 1 ? "" : "s");
        if (s->tty)
            fprintf(stderr, " in %.1f s", seconds_since(&s->start));
        fputc('\n', stderr);
    }
    /* The failures are listed even with --quiet: they are problems. A job
     * with no error of its own could not even start: a worker ran out of
     * memory. */
    for (size_t i = 0; i < count; i++)
        if (jobs[i].status != FS_JOB_DONE && (s->batch || jobs[i].errors == 0))
            fprintf(stderr, "  failed: %s -> %s%s\n", jobs[i].label, jobs[i].output,
                    jobs[i].errors ? "" : " (error: out of memory)");
    if (failed + bad == 0)
        return FS_EXIT_OK;
    /* A single document with bad input is bad input; in a batch, some
     * documents failed and the others were written. */
    return !s->batch && bad ? FS_EXIT_USAGE : FS_EXIT_FAILED;
}

int fs_cli_render(int argc, char **argv)
{
    render_args args;
    int status = parse_args(argc, argv, &args);
    if (status != FS_EXIT_OK)
        return status < 0 ? FS_EXIT_OK : status;
    raise_open_file_limit();
    /* Before any thread starts, so that every thread inherits the block. */
    fs_cleanup *cleanup = fs_cleanup_create();
    fs_cli_signals *signals = cleanup ? fs_cli_signals_start(cleanup) : NULL;
    fs_diags *diags = fs_diags_create();
    if (!diags || !cleanup) {
        fputs("factsheet: error: out of memory\n", stderr);
        fs_cli_signals_stop(signals);
        fs_cleanup_free(cleanup);
        fs_diags_free(diags);
        return FS_EXIT_FAILED;
    }
    char *owned;
    const char *datadir = fs_cli_datadir(&owned);
    fs_cli_run r = {0};
    fs_batch batch = {.emit = {.dpi = args.dpi, .cleanup = cleanup, .untagged = args.untagged}};
    size_t count = 0;
    fs_job *jobs = NULL;
    screen s = {.tty = isatty(STDERR_FILENO), .quiet = args.quiet};
    gettimeofday(&s.start, NULL);
    status = FS_EXIT_USAGE;
    if (fs_cli_load_run(&r, args.layout, args.data, &args.langs, args.strict, datadir, diags,
                        NULL) &&
        fs_cli_creation_time(r.layout->dir, args.data, &batch.emit.created, diags) &&
        (jobs = plan(&args, &r, &count, diags)) && remove_stale(jobs, count, r.arena, diags)) {
        /* Rows with an empty key were reported: they fail, the rest go on. */
        bool keys_ok = fs_diags_errors(diags) == 0;
        fs_cli_print(diags);
        fs_diags_clear(diags);
        batch.layout = r.layout;
        batch.icons = r.icons;
        batch.images = r.images;
        batch.fonts = r.fonts;
        s.batch = args.each || count > 1;
        fs_batch_options options = {args.jobs, report, progress, &s};
        if (fs_batch_render(&batch, jobs, count, &options)) {
            status = summarise(&s, jobs, count);
            if (!keys_ok && status == FS_EXIT_OK)
                status = FS_EXIT_FAILED;
        } else {
            fs_error(diags, fs_pos_at(NULL, 0, 0), NULL, "cannot start the worker threads");
            status = FS_EXIT_FAILED;
        }
    } else {
        if (r.data_bad)
            fs_cli_bind_for_problems(&r, args.langs.count, args.each, diags);
        fs_cli_explain_failure(diags);
    }
    fs_cli_print(diags);
    fs_cli_free_run(&r);
    fs_cli_signals_stop(signals);
    fs_cleanup_free(cleanup);
    fs_diags_free(diags);
    fs_cli_shown_free(&s.shown);
    free(owned);
    return status;
}
