/* factsheet extract: every text a translator needs, as a gettext template. */
#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "bind/fs_bind.h"
#include "bind/fs_lang.h"
#include "cli/fs_cli.h"
#include "core/fs_buf.h"
#include "core/fs_grow.h"
#include "core/fs_map.h"
#include "core/fs_output.h"
#include "load/fs_catalog.h"
#include "load/fs_dataset.h"
#include "load/fs_icons.h"
#include "load/fs_layout.h"

static const char usage[] =
    "Usage: factsheet extract LAYOUT DATA_DIR -o FILE.pot [--each COLUMN]\n"
    "\n"
    "Writes a gettext template (POT) of every text that reaches the page: the\n"
    "layout's strings and the texts of the data's cells, each with `#:` lines\n"
    "naming where it comes from. Translators start a language with msginit\n"
    "(or Poedit, Weblate, Crowdin) and keep their work with msgmerge when the\n"
    "English changes. Put the result in DATA_DIR/LANG.po (texts of both kinds\n"
    "are looked up there) or the layout's strings in LAYOUT/LANG.po.\n"
    "\n"
    "  -o, --output FILE.pot   where to write (required)\n"
    "  -e, --each COLUMN       the data renders one document per value of COLUMN\n"
    "                          (as with render --each): every document's texts\n"
    "  -h, --help              show this help\n"
    "\n"
    "Numbers, icon names, e-mail and web addresses are not extracted.\n"
    "Exit status: 0 done, 1 the file could not be written, 2 bad input or usage.\n";

/* The strings met so far, each once, with every place it comes from, in the
 * order first met; a map of msgids finds repeats. */
typedef struct {
    fs_arena *arena;
    fs_pot_entry *entries;
    size_t count, capacity;
    fs_map seen; /* of seen_text */
    fs_map refs; /* of place: where each msgid was met */
    bool failed;
} collection;

/* A msgid met, its entry's index (entries move as they grow) and the room
 * of the entry's refs. */
typedef struct {
    const char *msgid;
    size_t entry;
    size_t ref_capacity;
} seen_text;

static bool same_msgid(const void *item, const void *key)
{
    return strcmp(((const seen_text *)item)->msgid, key) == 0;
}

/* A place a msgid was met: its entry, and the file and line (a reference
 * names no column). */
typedef struct {
    size_t entry;
    const char *file;
    int line;
} place;

static uint64_t place_hash(const place *at)
{
    uint64_t hash = fs_hash(FS_HASH_SEED, &at->entry, sizeof at->entry);
    hash = fs_hash(hash, at->file, strlen(at->file));
    return fs_hash(hash, &at->line, sizeof at->line);
}

static bool same_place(const void *item, const void *key)
{
    const place *a = item, *b = key;
    return a->entry == b->entry && a->line == b->line && strcmp(a->file, b->file) == 0;
}

static void add_ref(collection *c, seen_text *seen, fs_pos where)
{
    fs_pot_entry *entry = &c->entries[seen->entry];
    place key = {seen->entry, where.file ? where.file : "", where.line};
    uint64_t hash = place_hash(&key);
    if (fs_map_find(&c->refs, hash, same_place, &key))
        return;
    fs_pos *refs = fs_arena_reserve(c->arena, (void *)entry->refs, entry->ref_count,
                                    entry->ref_count + 1, &seen->ref_capacity, sizeof *refs);
    place *met = fs_arena_alloc(c->arena, sizeof *met);
    const char *file = fs_arena_strdup(c->arena, key.file);
    if (!refs || !met || !file || !fs_map_add(&c->refs, hash, met)) {
        c->failed = true;
        return;
    }
    *met = (place){key.entry, file, key.line};
    refs[entry->ref_count] = where;
    refs[entry->ref_count].file = file;
    entry->refs = refs;
    entry->ref_count++;
}

static void add(collection *c, const char *msgid, fs_pos where, const char *note)
{
    uint64_t hash = fs_hash_string(msgid);
    seen_text *seen = fs_map_find(&c->seen, hash, same_msgid, msgid);
    if (seen) {
        add_ref(c, seen, where);
        return;
    }
    fs_pot_entry *entries = fs_arena_reserve(c->arena, c->entries, c->count, c->count + 1,
                                             &c->capacity, sizeof *entries);
    if (!entries) {
        c->failed = true;
        return;
    }
    c->entries = entries;
    fs_pot_entry *entry = &c->entries[c->count];
    *entry = (fs_pot_entry){.msgid = fs_arena_strdup(c->arena, msgid), .note = note};
    seen_text *text = fs_arena_alloc(c->arena, sizeof *text);
    if (!entry->msgid || !text || !fs_map_add(&c->seen, hash, text)) {
        c->failed = true;
        return;
    }
    *text = (seen_text){entry->msgid, c->count++, 0};
    add_ref(c, text, where);
}

static void add_layout_text(void *context, const fs_template *text)
{
    if (fs_lang_template_translatable(text))
        add(context, text->source, text->pos,
            text->has_fields ? "Keep each {placeholder} as it is: it is filled from the data."
                             : NULL);
}

static void add_cell_text(void *context, const char *text, fs_pos where)
{
    add(context, text, where, NULL);
}

static int parse_args(int argc, char **argv, const char **layout, const char **data,
                      const char **output, const char **each)
{
    static const struct option options[] = {{"output", required_argument, NULL, 'o'},
                                            {"each", required_argument, NULL, 'e'},
                                            {"help", no_argument, NULL, 'h'},
                                            {NULL, 0, NULL, 0}};
    opterr = 0;
    optind = 1;
    *output = NULL;
    *each = NULL;
    int option;
    while ((option = getopt_long(argc, argv, "o:e:h", options, NULL)) != -1) {
        if (option == 'o') {
            *output = optarg;
        } else if (option == 'e') {
            *each = optarg;
        } else if (option == 'h') {
            fputs(usage, stdout);
            return -1;
        } else {
            fprintf(stderr,
                    "factsheet: error: unknown option %s\n  hint: see factsheet "
                    "extract --help\n",
                    argv[optind - 1]);
            return FS_EXIT_USAGE;
        }
    }
    const char *problem = argc - optind != 2 ? "extract takes a LAYOUT and a DATA_DIR"
                          : !*output         ? "no output file: add -o FILE.pot"
                                             : NULL;
    size_t length = *output ? strlen(*output) : 0;
    if (!problem && !(length > 4 && (strcasecmp(*output + length - 4, ".pot") == 0 ||
                                     strcasecmp(*output + length - 3, ".po") == 0)))
        problem = "the output must end in .pot (or .po)";
    if (problem) {
        fprintf(stderr, "factsheet: error: %s\n  hint: see factsheet extract --help\n", problem);
        return FS_EXIT_USAGE;
    }
    *layout = argv[optind];
    *data = argv[optind + 1];
    return FS_EXIT_OK;
}

int fs_cli_extract(int argc, char **argv)
{
    const char *layout_arg, *data_dir, *output, *each;
    int status = parse_args(argc, argv, &layout_arg, &data_dir, &output, &each);
    if (status != FS_EXIT_OK)
        return status < 0 ? FS_EXIT_OK : status;
    /* Before any thread starts, so that every thread inherits the block. */
    fs_cleanup *cleanup = fs_cleanup_create();
    fs_cli_signals *signals = cleanup ? fs_cli_signals_start(cleanup) : NULL;
    fs_diags *diags = fs_diags_create();
    fs_arena *arena = fs_arena_create();
    char *owned = NULL;
    fs_lang *lang = NULL;
    status = FS_EXIT_USAGE;
    if (!diags || !arena || !cleanup) {
        fputs("factsheet: error: out of memory\n", stderr);
        goto done;
    }
    const char *dir = fs_cli_layout_dir(layout_arg, fs_cli_datadir(&owned), arena);
    fs_layout *layout = fs_layout_load(dir, arena, diags);
    fs_dataset_options options = {0};
    if (layout) {
        options.decls = layout->tables;
        options.decl_count = layout->table_count;
    }
    fs_dataset *data = fs_dataset_read(data_dir, &options, arena, diags);
    fs_icons *icons = fs_icons_load(FS_MATERIAL_CODEPOINTS, arena, diags);
    lang = layout ? fs_lang_create("en", layout, data_dir, false, arena, diags) : NULL;
    time_t created;
    if (!layout || !data || !icons || !lang ||
        !fs_cli_creation_time(layout->dir, data_dir, &created, diags))
        goto done;
    /* The layout's strings, then the cell texts binding reads, in order:
     * of every document, when the data renders one per key. */
    collection texts = {.arena = arena, .seen = {.arena = arena}, .refs = {.arena = arena}};
    fs_layout_each_text(layout, add_layout_text, &texts);
    fs_dataset_part whole = {.data = data}, *parts = &whole;
    size_t part_count = each ? fs_dataset_split(data, each, arena, diags, &parts) : 1;
    fs_arena *document = fs_arena_create();
    bool bound = document && part_count > 0 && fs_diags_errors(diags) == 0;
    for (size_t i = 0; bound && i < part_count; i++) {
        fs_bind_input input = {.layout = layout,
                               .data = parts[i].data,
                               .icons = icons,
                               .lang = lang,
                               .on_text = add_cell_text,
                               .on_text_context = &texts};
        bound = fs_bind(&input, document, diags) != NULL;
        fs_arena_reset(document);
    }
    if (bound && !texts.failed && fs_output_remove_stale(&output, 1, diags)) {
        const char *project = fs_arena_printf(arena, "factsheet %s %s", layout_arg, data_dir);
        status = fs_catalog_write_template(output, project, (long long)created, texts.entries,
                                           texts.count, cleanup, diags)
                     ? FS_EXIT_OK
                     : FS_EXIT_FAILED;
        if (status == FS_EXIT_OK)
            fprintf(stderr, "factsheet: wrote %zu texts to %s\n", texts.count, output);
    }
    fs_arena_free(document);
done:
    if (diags && status != FS_EXIT_OK)
        fs_cli_explain_failure(diags);
    if (diags)
        fs_cli_print(diags);
    fs_lang_free(lang);
    fs_arena_free(arena);
    fs_diags_free(diags);
    fs_cli_signals_stop(signals);
    fs_cleanup_free(cleanup);
    free(owned);
    return status;
}
