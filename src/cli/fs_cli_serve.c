/* factsheet serve: a live preview in the browser. The pages of the layout
 * over the data, in each language, drawn by the render pipeline, drawn
 * again as soon as a file of the layout or the data folder is saved, with
 * check's problems beside them (src/serve/).
 *
 * Signals: SIGINT (Ctrl-C), SIGTERM and SIGHUP are blocked in every thread
 * before any starts (unless they were inherited ignored), and the main
 * thread takes them with sigwait, so no signal handler runs and nothing is
 * shared with one: the program keeps no global state for them. */
#include <arpa/inet.h>
#include <errno.h>
#include <getopt.h>
#include <malloc.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli/fs_cli.h"
#include "core/fs_arena.h"
#include "serve/fs_serve.h"

static const char usage[] =
    "Usage: factsheet serve LAYOUT DATA_DIR [--lang en,fr] [--each COLUMN]\n"
    "                       [--port N] [--host ADDRESS]\n"
    "\n"
    "Shows the pages in a web browser, each language side by side, drawn as\n"
    "render draws them, with the problems check finds beside them. Saving a\n"
    "file of LAYOUT or DATA_DIR (a CSV table, the layout, a PO catalog, a\n"
    "Markdown text, a picture) draws them again, and the open page follows by\n"
    "itself. An edit that breaks an input keeps the last good pages on screen\n"
    "and shows its errors above them. Each language's PDF downloads from the\n"
    "page, as render writes it.\n"
    "\n"
    "  LAYOUT          a layout folder (holding layout.yaml), or the name of an\n"
    "                  installed layout such as 'brief'\n"
    "  DATA_DIR        the folder of CSV tables the layout reads\n"
    "  -l, --lang LIST     languages to show, comma-separated (default en)\n"
    "  -e, --each COLUMN   one document per value of COLUMN, chosen on the page\n"
    "  -p, --port N        the port to listen on (default 8400; 0: any free one)\n"
    "      --host ADDRESS  the address to listen on (default 127.0.0.1, this\n"
    "                      machine only); another lets the network see the pages\n"
    "  -h, --help          show this help\n"
    "\n"
    "It prints the page's address, and runs until Ctrl-C. It reads files and\n"
    "writes none of yours, and serves its own page and the rendered documents,\n"
    "never other files.\n"
    "\n"
    "Exit status: 0 stopped by Ctrl-C (or SIGTERM); 1 it could not start (the\n"
    "port is taken); 2 bad input (a folder that does not exist) or usage.\n";

typedef struct {
    const char *layout;
    const char *data;
    const char *each;
    const char *host;
    unsigned port;
    fs_cli_langs langs;
} serve_args;

static int usage_error(const char *message, const char *detail)
{
    return fs_cli_usage_error("serve", message, detail);
}

static int parse_args(int argc, char **argv, serve_args *args)
{
    static const struct option options[] = {
        {"lang", required_argument, NULL, 'l'}, {"each", required_argument, NULL, 'e'},
        {"port", required_argument, NULL, 'p'}, {"host", required_argument, NULL, 'H'},
        {"help", no_argument, NULL, 'h'},       {NULL, 0, NULL, 0}};
    *args = (serve_args){.host = "127.0.0.1", .port = 8400};
    const char *langs = "en";
    opterr = 0;
    optind = 1;
    int option;
    while ((option = getopt_long(argc, argv, ":l:e:p:h", options, NULL)) != -1) {
        char *end;
        switch (option) {
        case 'l':
            langs = optarg;
            break;
        case 'e':
            args->each = optarg;
            break;
        case 'H':
            args->host = optarg;
            break;
        case 'p': {
            errno = 0;
            unsigned long port = strtoul(optarg, &end, 10);
            if (end == optarg || *end || errno || port > 65535 || optarg[0] == '-')
                return usage_error("--port takes a number from 0 to 65535, not ", optarg);
            args->port = (unsigned)port;
            break;
        }
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
        return usage_error("serve takes a LAYOUT and a DATA_DIR", NULL);
    args->layout = argv[optind];
    args->data = argv[optind + 1];
    if (args->each && !*args->each)
        return usage_error("--each needs a column name", NULL);
    unsigned char address[sizeof(struct in6_addr)];
    if (inet_pton(AF_INET, args->host, address) != 1 &&
        inet_pton(AF_INET6, args->host, address) != 1)
        return usage_error("--host takes an IP address, such as 127.0.0.1 or ::1, not ",
                           args->host);
    return fs_cli_parse_langs(langs, "serve", &args->langs);
}

/* True for an address only this machine reaches. */
static bool loopback(const char *host)
{
    return strncmp(host, "127.", 4) == 0 || strcmp(host, "::1") == 0;
}

static bool is_folder(const char *path, fs_diags *diags)
{
    struct stat info;
    if (stat(path, &info) != 0)
        fs_error(diags, fs_pos_at(path, 0, 0),
                 "name a folder that exists; serve watches it for saves",
                 "cannot read this folder: %s", strerror(errno));
    else if (!S_ISDIR(info.st_mode))
        fs_error(diags, fs_pos_at(path, 0, 0), "name the folder that holds it",
                 "expected a folder, found a file");
    else
        return true;
    return false;
}

int fs_cli_serve(int argc, char **argv)
{
    serve_args args;
    int status = parse_args(argc, argv, &args);
    if (status != FS_EXIT_OK)
        return status < 0 ? FS_EXIT_OK : status;
    fs_diags *diags = fs_diags_create();
    fs_arena *arena = fs_arena_create();
    if (!diags || !arena) {
        fputs("factsheet: error: out of memory\n", stderr);
        fs_diags_free(diags);
        fs_arena_free(arena);
        return FS_EXIT_FAILED;
    }
    char *owned;
    const char *datadir = fs_cli_datadir(&owned);
    const char *layout = fs_cli_layout_dir(args.layout, datadir, arena);
    fs_serve_options options = {
        .host = args.host,
        .port = args.port,
        .preview = {.layout_dir = layout,
                    .data_dir = args.data,
                    .fonts_conf = fs_arena_printf(arena, "%s/fonts/fonts.conf", datadir),
                    .each = args.each,
                    .langs = args.langs.tags,
                    .lang_count = args.langs.count,
                    .created = fs_cli_creation_time}};
    status = FS_EXIT_USAGE;
    bool folders = is_folder(layout, diags);
    folders = is_folder(args.data, diags) && folders;
    if (!folders || !options.preview.fonts_conf) {
        fs_cli_explain_failure(diags);
        fs_cli_print(diags);
        goto done;
    }
    if (!loopback(args.host))
        fprintf(stderr,
                "factsheet: warning: --host %s lets other machines on the network see the "
                "pages; it serves them only, never other files\n",
                args.host);
    /* libmicrohttpd answers each connection on a thread of its own, and
     * glibc gives new threads arenas of their own (up to eight per core),
     * each keeping what was freed in it: over hours of saves and page
     * loads, memory would creep up arena by arena. One arena keeps what
     * is freed reusable by every thread; the connections allocate little,
     * the worker thread most, so they rarely wait on each other. */
    mallopt(M_ARENA_MAX, 1);
    /* Blocked before the server's threads start, so they inherit it and
     * only sigwait below takes these signals. */
    sigset_t stop, blocked;
    fs_cli_stopping_signals(&stop);
    /* A write to a closed connection fails with EPIPE instead. */
    blocked = stop;
    sigaddset(&blocked, SIGPIPE);
    pthread_sigmask(SIG_BLOCK, &blocked, NULL);
    fs_serve *server = fs_serve_start(&options, diags);
    fs_cli_print(diags);
    if (!server) {
        status = FS_EXIT_FAILED;
        goto done;
    }
    bool v6 = strchr(args.host, ':') != NULL;
    bool anywhere = strcmp(args.host, "0.0.0.0") == 0 || strcmp(args.host, "::") == 0;
    printf("factsheet serve: http://%s%s%s:%u/ shows %s over %s; Ctrl-C stops\n",
           v6 && !anywhere ? "[" : "", anywhere ? "127.0.0.1" : args.host,
           v6 && !anywhere ? "]" : "", fs_serve_port(server), layout, args.data);
    fflush(stdout);
    int signal_number;
    sigwait(&stop, &signal_number);
    fs_serve_stop(server);
    printf("factsheet serve: stopped\n");
    status = FS_EXIT_OK;
done:
    fs_diags_free(diags);
    fs_arena_free(arena);
    free(owned);
    return status;
}
