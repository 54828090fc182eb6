/* libFuzzer target for the PO glue: any bytes must load or be refused with
 * diagnostics, never crash, leak, read out of bounds or end the process.
 * libgettextpo reads files by name only, so the bytes are written to one
 * temporary file, made once per process and rewritten for every input. A
 * loaded catalog is walked and the promises of the loader checked: every
 * entry is found again by its own key, with its status, at a line of the
 * file.
 *
 * libgettextpo's own exits: it calls exit() when malloc fails (xmalloc) and
 * its default error handlers exit on fatal errors. The loader installs its
 * own handlers and refuses what would reach the fatal read-error path
 * (files that are not regular), and libFuzzer reports an exit() from a run
 * as a crash, so a run that ends the process is a finding, not a pass.
 * Leaks inside libgettextpo are suppressed by tests/lsan.supp: run with
 * LSAN_OPTIONS=suppressions=tests/lsan.supp. */
#include <fcntl.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "load/fs_catalog.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char path[] = "/tmp/fs_fuzz_po_XXXXXX";
static int fd = -1;

static void remove_file(void)
{
    unlink(path);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    fd = mkstemp(path);
    if (fd < 0) {
        perror("fuzz_po: cannot create a file in /tmp");
        exit(1);
    }
    atexit(remove_file);
    return 0;
}

static void write_input(const uint8_t *data, size_t size)
{
    if (ftruncate(fd, 0) != 0)
        __builtin_trap();
    size_t done = 0;
    while (done < size) {
        ssize_t wrote = pwrite(fd, data + done, size - done, (off_t)done);
        if (wrote <= 0)
            __builtin_trap(); /* the harness, not the target, failed */
        done += (size_t)wrote;
    }
}

static size_t walk(const fs_catalog *catalog)
{
    size_t sum = strlen(fs_catalog_path(catalog));
    fs_pos header;
    sum += (size_t)fs_catalog_nplurals(catalog, &header) + (size_t)header.line;
    for (size_t i = 0; i < fs_catalog_count(catalog); i++) {
        fs_lookup_status status;
        fs_translation out;
        const char *msgid = fs_catalog_msgid(catalog, i, &status, &out);
        const char *context = fs_catalog_msgctxt(catalog, i);
        if (!msgid || out.pos.line < 1 || out.pos.column < 1)
            __builtin_trap(); /* every entry has its msgid line */
        fs_translation again;
        if (fs_catalog_lookup(catalog, context, msgid, &again) != status)
            __builtin_trap(); /* an entry is found by its own key */
        if (again.pos.line != out.pos.line)
            __builtin_trap();
        sum += strlen(msgid) + (context ? strlen(context) : 0);
        if (status == FS_TRANSLATED) {
            sum += strlen(out.msgstr);
            for (size_t k = 0; k < out.plural_count; k++)
                sum += strlen(out.plurals[k]);
        }
    }
    return sum;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    write_input(data, size);
    fs_arena *arena = fs_arena_create();
    fs_diags *diags = fs_diags_create();
    if (arena && diags) {
        fs_catalog *catalog = fs_catalog_load(path, arena, diags);
        if (catalog)
            (void)walk(catalog);
        else if (fs_diags_errors(diags) == 0)
            __builtin_trap(); /* a refused file must say why */
        for (size_t i = 0; i < fs_diags_count(diags); i++) {
            const fs_diag *diag = fs_diags_at(diags, i);
            if (strchr(diag->message, '\n'))
                __builtin_trap(); /* messages are one line */
        }
    }
    fs_diags_free(diags);
    fs_arena_free(arena);
    return 0;
}
