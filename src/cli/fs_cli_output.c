#include "fs_cli_output.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "cli/fs_cli.h"
#include "core/fs_alloc.h"
#include "core/fs_buf.h"
#include "core/fs_output.h"
#include "i18n/fs_fold.h"

int fs_cli_output_usage(const char *pattern, size_t lang_count, bool each, const char *command)
{
    if (lang_count > 1 && !strstr(pattern, "{lang}"))
        return fs_cli_usage_error(command,
                                  "several languages need {lang} in the output name, such as "
                                  "out/brief-{lang}.pdf; got ",
                                  pattern);
    if (each && !strchr(pattern, '{'))
        return fs_cli_usage_error(command,
                                  "--each needs the key in the output name, such as "
                                  "out/{country}-{lang}.pdf; got ",
                                  pattern);
    return FS_EXIT_OK;
}

const char *fs_cli_output_label(const char *each, const fs_dataset_part *part, const char *lang,
                                fs_arena *arena)
{
    if (!each)
        return fs_arena_strdup(arena, lang);
    return fs_arena_printf(arena, "%s '%s' (%s)", each, fs_diag_printable(part->key, arena), lang);
}

/* ---- names made safe ---------------------------------------------------- */

/* True when the name's stem (up to its first dot) is one Windows reserves
 * for a device, with or without an extension: CON, PRN, AUX, NUL, COM1-9,
 * LPT1-9 ("nul.txt" is the device too). */
static bool reserved_stem(const char *name, size_t *stem)
{
    static const char *const devices[] = {"CON", "PRN", "AUX", "NUL"};
    *stem = strcspn(name, ".");
    for (size_t i = 0; i < sizeof devices / sizeof devices[0]; i++)
        if (*stem == 3 && strncasecmp(name, devices[i], 3) == 0)
            return true;
    return *stem == 4 && (strncasecmp(name, "COM", 3) == 0 || strncasecmp(name, "LPT", 3) == 0) &&
           name[3] >= '1' && name[3] <= '9';
}

/* Appends value to a file name as fs_cli_output_name promises; starts_name
 * when the value begins a file or folder name. */
static void put_safe_name(fs_buf *name, const char *value, bool starts_name)
{
    size_t start = name->length;
    const char *c = value;
    while (*c == '.' || *c == ' ')
        c++;
    while (*c) {
        /* One whole character at a time, so a cut never splits one. */
        size_t length = 1;
        while (((unsigned char)c[length] & 0xC0) == 0x80 && length < 4)
            length++;
        if (name->length - start + length > 80)
            break;
        unsigned char byte = (unsigned char)*c;
        bool refused = byte < 0x20 || byte == 0x7f || strchr("/\\:*?\"<>|", byte);
        if (refused)
            fs_buf_putc(name, '-');
        else
            fs_buf_append(name, c, length);
        c += length;
    }
    while (name->length > start &&
           (name->data[name->length - 1] == '.' || name->data[name->length - 1] == ' '))
        name->length--;
    if (name->length == start)
        fs_buf_putc(name, '_');
    if (!fs_buf_ok(name))
        return; /* fs_cli_output_name reports it */
    name->data[name->length] = '\0';
    /* "-5", "--help", or "-..-etc" made from "../../etc": not an option. */
    for (size_t i = start; starts_name && i < name->length && name->data[i] == '-'; i++)
        name->data[i] = '_';
    size_t stem;
    if (reserved_stem(name->data + start, &stem)) {
        fs_buf tail = {0};
        fs_buf_puts(&tail, name->data + start + stem);
        if (!fs_buf_ok(&tail))
            name->failed = true; /* the name would lose its extension */
        name->length = start + stem;
        fs_buf_putc(name, '_');
        fs_buf_puts(name, fs_buf_str(&tail));
        fs_buf_free(&tail);
    }
}

const char *fs_cli_output_name(const fs_template *pattern, const fs_dataset_part *part,
                               const char *lang, fs_arena *arena, fs_diags *diags)
{
    fs_buf name = {0};
    bool ok = true;
    for (size_t i = 0; i < pattern->count && ok; i++) {
        const fs_segment *segment = &pattern->segments[i];
        if (!segment->is_field) {
            fs_buf_puts(&name, segment->text);
            continue;
        }
        bool starts_name = name.length == 0 || name.data[name.length - 1] == '/';
        if (strcmp(segment->text, "lang") == 0) {
            put_safe_name(&name, lang, starts_name);
            continue;
        }
        long column = part && part->table && fs_table_row_count(part->table)
                          ? fs_table_find_column(part->table, segment->text)
                          : -1;
        if (column < 0) {
            fs_error(diags, fs_pos_at(NULL, 0, 0),
                     part ? "name a column of the table that has the --each column"
                          : "use {lang}, or --each COLUMN to render one document per key",
                     "the output name asks for {%s}, which %s", segment->text,
                     part ? "that table has no column of" : "only --each gives");
            ok = false;
            break;
        }
        put_safe_name(&name, fs_table_cell(part->table, 0, (size_t)column), starts_name);
    }
    const char *result = ok && fs_buf_ok(&name) ? fs_arena_strdup(arena, fs_buf_str(&name)) : NULL;
    fs_buf_free(&name);
    return result;
}

/* ---- one file for two documents ---------------------------------------- */

/* An output with the form its path takes where names ignore case and
 * normalisation. */
typedef struct {
    const fs_cli_output *output;
    const char *caseless;
} keyed;

static int by_key_then_path(const void *a, const void *b)
{
    const keyed *x = a, *y = b;
    int order = strcmp(x->caseless, y->caseless);
    return order ? order : strcmp(x->output->path, y->output->path);
}

bool fs_cli_outputs_distinct(const fs_cli_output *outputs, size_t count, fs_arena *arena,
                             fs_diags *diags)
{
    keyed *keys = fs_arena_array(arena, count + 1, sizeof *keys);
    for (size_t i = 0; keys && i < count; i++) {
        /* Canonical caseless match (Unicode D145: NFD, full case folding,
         * NFD again) is what every system that conflates names conflates,
         * and more: APFS and HFS+ ignore normalisation and case, NTFS and
         * SMB shares case. Reporting ß = ss too costs a rare false alarm
         * that a column in the name fixes; missing a real one would let
         * two documents overwrite each other on a colleague's Mac. A path
         * that is not UTF-8 is compared as it is. */
        const char *caseless = fs_fold(outputs[i].path, true, arena);
        keys[i] = (keyed){&outputs[i], caseless ? caseless : outputs[i].path};
    }
    if (!keys) {
        fs_error(diags, fs_pos_at(NULL, 0, 0), "free some memory and try again", "out of memory");
        return false;
    }
    qsort(keys, count, sizeof *keys, by_key_then_path);
    bool ok = true;
    for (size_t i = 1; i < count; i++) {
        if (strcmp(keys[i - 1].caseless, keys[i].caseless) != 0)
            continue;
        ok = false;
        const fs_cli_output *a = keys[i - 1].output, *b = keys[i].output;
        const char *hint = "put a column that differs between them in the name, such as {iso3}";
        if (strcmp(a->path, b->path) == 0) {
            fs_error(diags, fs_pos_at(NULL, 0, 0), hint,
                     "documents %s and %s would both be written to %s", a->label, b->label,
                     a->path);
            continue;
        }
        const char *nfd_a = fs_fold(a->path, false, arena), *nfd_b = fs_fold(b->path, false, arena);
        bool accents_only = nfd_a && nfd_b && strcmp(nfd_a, nfd_b) == 0;
        fs_error(diags, fs_pos_at(NULL, 0, 0), hint,
                 "documents %s and %s would be written to %s and %s, %s", a->label, b->label,
                 a->path, b->path,
                 accents_only ? "names that differ only in how their accents are encoded (NFC "
                                "and NFD): one file on macOS"
                              : "names that differ only by case: one file on macOS and Windows");
    }
    return ok;
}

/* ---- names too long ----------------------------------------------------- */

/* The longest name a file in path's folder may have (fs_output), measured
 * at the nearest folder that exists. */
static long longest_name_for(const char *path)
{
    char folder[PATH_MAX];
    snprintf(folder, sizeof folder, "%s", path);
    for (;;) {
        char *slash = strrchr(folder, '/');
        long longest;
        if (slash) {
            slash[slash == folder] = '\0'; /* "/name" is in "/" */
            longest = fs_output_longest_name(folder);
        } else {
            longest = fs_output_longest_name(".");
        }
        if (longest >= 0 || !slash || slash == folder)
            return longest >= 0 ? longest : NAME_MAX - FS_OUTPUT_TEMPORARY_EXTRA;
    }
}

bool fs_cli_outputs_fit(const fs_cli_output *outputs, size_t count, fs_diags *diags)
{
    /* A PNG of many pages writes NAME-1.png to NAME-1000.png (fs_emit; a
     * document has at most 1,000 pages). */
    enum { PAGE_NUMBER = 5 };
    bool ok = true;
    for (size_t i = 0; i < count; i++) {
        const char *path = outputs[i].path;
        const char *slash = strrchr(path, '/');
        size_t length = strlen(slash ? slash + 1 : path);
        size_t path_length = strlen(path);
        bool png = path_length > 4 && strcasecmp(path + path_length - 4, ".png") == 0;
        long longest = longest_name_for(path) - (png ? PAGE_NUMBER : 0);
        if ((long)length <= longest)
            continue;
        ok = false;
        fs_error(diags, fs_pos_at(path, 0, 0),
                 "shorten the output pattern, or name the files by a shorter column such as "
                 "{iso3}",
                 "this file name is %zu bytes long, and can be at most %ld here: the file "
                 "system allows %ld, less %d for the temporary file written beside it%s",
                 length, longest, longest + FS_OUTPUT_TEMPORARY_EXTRA + (png ? PAGE_NUMBER : 0),
                 FS_OUTPUT_TEMPORARY_EXTRA, png ? " and 5 for a page number (-1000)" : "");
    }
    return ok;
}

/* ---- folders ------------------------------------------------------------ */

/* A shell word for the path text, in out (at least 4 * PATH_MAX bytes): as
 * it is when it holds only safe characters, else in single quotes (a quote
 * inside as '\''); ./ before one that starts with '-', so that a command
 * does not take it for an option. */
static const char *shell_word(const char *text, char *out, size_t size)
{
    static const char safe[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/._-";
    bool quoted = text[strspn(text, safe)] != '\0';
    size_t n = 0;
    if (text[0] == '-')
        n += (size_t)snprintf(out, size, "./");
    if (quoted)
        out[n++] = '\'';
    for (const char *c = text; *c && n + 6 < size; c++) {
        if (*c == '\'') {
            memcpy(out + n, "'\\''", 4);
            n += 4;
        } else {
            out[n++] = *c;
        }
    }
    if (quoted)
        out[n++] = '\'';
    out[n] = '\0';
    return out;
}

bool fs_cli_output_folders(const fs_cli_output *outputs, size_t count, fs_diags *diags)
{
    const char *checked = NULL;
    size_t checked_length = 0;
    for (size_t i = 0; i < count; i++) {
        const char *path = outputs[i].path;
        const char *slash = strrchr(path, '/');
        size_t length = slash ? (size_t)(slash - path) : 0;
        if (checked && length == checked_length && strncmp(checked, path, length) == 0)
            continue;
        char folder[PATH_MAX];
        if (!slash)
            snprintf(folder, sizeof folder, ".");
        else if (length == 0)
            snprintf(folder, sizeof folder, "/");
        else
            snprintf(folder, sizeof folder, "%.*s", (int)length, path);
        if (access(folder, W_OK) != 0) {
            int error = errno;
            char word[4 * PATH_MAX], hint[4 * PATH_MAX + 32];
            if (error == ENOENT)
                snprintf(hint, sizeof hint, "create it first: mkdir -p %s",
                         shell_word(folder, word, sizeof word));
            else
                snprintf(hint, sizeof hint, "choose a folder you can write to");
            fs_error(diags, fs_pos_at(folder, 0, 0), hint,
                     "the output folder cannot be written: %s", strerror(error));
            return false;
        }
        checked = path;
        checked_length = length;
    }
    return true;
}
