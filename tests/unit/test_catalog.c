/* Unit tests of the message catalog: lookups and their status, the line of
 * every entry's msgid, the header, every error with the place it is
 * reported, and loads on several threads at once. Each test writes its PO
 * files into a fresh temporary folder. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "load/fs_catalog.h"

enum { MAX_FILES = 8 };

typedef struct {
    fs_arena *arena;
    fs_diags *diags;
    char dir[64];
    char *files[MAX_FILES];
    size_t file_count;
} ctx;

static int setup(void **state)
{
    ctx *c = calloc(1, sizeof(ctx));
    if (!c)
        return -1;
    *state = c;
    c->arena = fs_arena_create();
    c->diags = fs_diags_create();
    strcpy(c->dir, "/tmp/fs_test_catalog_XXXXXX");
    if (!mkdtemp(c->dir))
        return -1;
    return c->arena && c->diags ? 0 : -1;
}

static int teardown(void **state)
{
    ctx *c = *state;
    for (size_t i = 0; i < c->file_count; i++) {
        unlink(c->files[i]);
        rmdir(c->files[i]); /* for the test that makes a folder */
        free(c->files[i]);
    }
    rmdir(c->dir);
    fs_diags_free(c->diags);
    fs_arena_free(c->arena);
    free(c);
    return 0;
}

/* A path in the test's folder, removed by teardown. */
static const char *temp_path(void **state, const char *name)
{
    ctx *c = *state;
    assert_true(c->file_count < MAX_FILES);
    char *path = malloc(strlen(c->dir) + strlen(name) + 2);
    assert_non_null(path);
    sprintf(path, "%s/%s", c->dir, name);
    c->files[c->file_count++] = path;
    return path;
}

static const char *write_bytes(void **state, const char *name, const char *bytes, size_t length)
{
    const char *path = temp_path(state, name);
    FILE *file = fopen(path, "wb");
    assert_non_null(file);
    assert_int_equal(fwrite(bytes, 1, length, file), length);
    assert_int_equal(fclose(file), 0);
    return path;
}

static const char *write_po(void **state, const char *text)
{
    return write_bytes(state, "fr.po", text, strlen(text));
}

static fs_catalog *load(void **state, const char *path)
{
    ctx *c = *state;
    return fs_catalog_load(path, c->arena, c->diags);
}

/* Loads text that must load without any diagnostic. */
static fs_catalog *load_ok(void **state, const char *text)
{
    ctx *c = *state;
    fs_catalog *catalog = load(state, write_po(state, text));
    for (size_t i = 0; i < fs_diags_count(c->diags); i++)
        fprintf(stderr, "unexpected: %d:%d: %s\n", fs_diags_at(c->diags, i)->pos.line,
                fs_diags_at(c->diags, i)->pos.column, fs_diags_at(c->diags, i)->message);
    assert_int_equal(fs_diags_count(c->diags), 0);
    assert_non_null(catalog);
    return catalog;
}

/* Checks the i-th diagnostic: severity, "file:line:col" with file relative
 * to the test folder, and the start of its message. Errors need a hint. */
static void assert_diag(void **state, size_t i, fs_severity severity, const char *where,
                        const char *message_start)
{
    ctx *c = *state;
    const fs_diag *diag = fs_diags_at(c->diags, i);
    assert_non_null(diag);
    assert_non_null(diag->pos.file);
    const char *file = diag->pos.file;
    if (strncmp(file, c->dir, strlen(c->dir)) == 0)
        file += strlen(c->dir) + 1;
    char at[512];
    snprintf(at, sizeof at, "%s:%d:%d", file, diag->pos.line, diag->pos.column);
    assert_string_equal(at, where);
    if (strncmp(diag->message, message_start, strlen(message_start)) != 0)
        fail_msg("message \"%s\" does not start with \"%s\"", diag->message, message_start);
    assert_int_equal(diag->severity, severity);
    if (severity == FS_ERROR)
        assert_non_null(diag->hint);
}

static const char header[] = "msgid \"\"\n"
                             "msgstr \"\"\n"
                             "\"Content-Type: text/plain; charset=UTF-8\\n\"\n"
                             "\"Plural-Forms: nplurals=2; plural=(n > 1);\\n\"\n"
                             "\n";

static char *with_header(const char *body)
{
    char *text = malloc(sizeof header + strlen(body));
    assert_non_null(text);
    strcpy(text, header);
    strcat(text, body);
    return text;
}

static fs_catalog *load_body_ok(void **state, const char *body)
{
    char *text = with_header(body);
    fs_catalog *catalog = load_ok(state, text);
    free(text);
    return catalog;
}

/* ---- Lookups ------------------------------------------------------------ */

static void simple_entry(void **state)
{
    fs_catalog *catalog = load_body_ok(state, "msgid \"Population\"\n"
                                              "msgstr \"Population totale\"\n");
    fs_translation out;
    assert_int_equal(fs_catalog_lookup(catalog, NULL, "Population", &out), FS_TRANSLATED);
    assert_string_equal(out.msgstr, "Population totale");
    assert_null(out.plurals);
    assert_int_equal(out.plural_count, 0);
    assert_int_equal(out.pos.line, 6);
    assert_int_equal(out.pos.column, 1);
    assert_int_equal(fs_catalog_count(catalog), 1);
    assert_non_null(strstr(fs_catalog_path(catalog), "fr.po"));
}

static void context_entries(void **state)
{
    fs_catalog *catalog = load_body_ok(state, "msgctxt \"month\"\n"
                                              "msgid \"May\"\n"
                                              "msgstr \"mai\"\n"
                                              "\n"
                                              "msgctxt \"verb\"\n"
                                              "msgid \"May\"\n"
                                              "msgstr \"peut\"\n"
                                              "\n"
                                              "msgctxt \"\"\n"
                                              "msgid \"Rate\"\n"
                                              "msgstr \"Taux\"\n");
    fs_translation out;
    assert_int_equal(fs_catalog_lookup(catalog, "month", "May", &out), FS_TRANSLATED);
    assert_string_equal(out.msgstr, "mai");
    assert_int_equal(out.pos.line, 7);
    assert_int_equal(fs_catalog_lookup(catalog, "verb", "May", &out), FS_TRANSLATED);
    assert_string_equal(out.msgstr, "peut");
    assert_int_equal(out.pos.line, 11);
    /* No context is not the empty context, and a context must match. */
    assert_int_equal(fs_catalog_lookup(catalog, NULL, "May", &out), FS_MISSING);
    assert_int_equal(fs_catalog_lookup(catalog, "noun", "May", &out), FS_MISSING);
    assert_int_equal(fs_catalog_lookup(catalog, "", "Rate", &out), FS_TRANSLATED);
    assert_int_equal(fs_catalog_lookup(catalog, NULL, "Rate", &out), FS_MISSING);
    assert_string_equal(fs_catalog_msgctxt(catalog, 0), "month");
    assert_string_equal(fs_catalog_msgctxt(catalog, 2), "");
}

static void plural_entry(void **state)
{
    fs_catalog *catalog = load_body_ok(state, "msgid \"%d country\"\n"
                                              "msgid_plural \"%d countries\"\n"
                                              "msgstr[0] \"%d pays\"\n"
                                              "msgstr[1] \"%d pays (plusieurs)\"\n");
    fs_translation out;
    assert_int_equal(fs_catalog_lookup(catalog, NULL, "%d country", &out), FS_TRANSLATED);
    assert_int_equal(out.plural_count, 2);
    assert_string_equal(out.plurals[0], "%d pays");
    assert_string_equal(out.plurals[1], "%d pays (plusieurs)");
    assert_string_equal(out.msgstr, "%d pays");
    assert_int_equal(out.pos.line, 6);
    /* The plural msgid is not a key. */
    assert_int_equal(fs_catalog_lookup(catalog, NULL, "%d countries", &out), FS_MISSING);
}

static void plural_with_an_empty_form_is_untranslated(void **state)
{
    fs_catalog *catalog = load_body_ok(state, "msgid \"%d year\"\n"
                                              "msgid_plural \"%d years\"\n"
                                              "msgstr[0] \"%d an\"\n"
                                              "msgstr[1] \"\"\n");
    fs_translation out;
    assert_int_equal(fs_catalog_lookup(catalog, NULL, "%d year", &out), FS_UNTRANSLATED);
    assert_null(out.msgstr);
    assert_int_equal(out.pos.line, 6);
}

static void fuzzy_entry(void **state)
{
    fs_catalog *catalog = load_body_ok(state, "#: layout.yaml:12\n"
                                              "#, fuzzy, c-format\n"
                                              "#| msgid \"Total\"\n"
                                              "msgid \"Totals\"\n"
                                              "msgstr \"Totaux\"\n");
    fs_translation out;
    assert_int_equal(fs_catalog_lookup(catalog, NULL, "Totals", &out), FS_FUZZY);
    assert_null(out.msgstr); /* a fuzzy translation is not to be used */
    assert_int_equal(out.pos.line, 9);
    assert_int_equal(out.pos.column, 1);
}

static void empty_msgstr_is_untranslated(void **state)
{
    fs_catalog *catalog = load_body_ok(state, "msgid \"Area\"\n"
                                              "msgstr \"\"\n");
    fs_translation out;
    assert_int_equal(fs_catalog_lookup(catalog, NULL, "Area", &out), FS_UNTRANSLATED);
    assert_null(out.msgstr);
    assert_int_equal(out.pos.line, 6);
}

static void unknown_msgid_is_missing(void **state)
{
    fs_catalog *catalog = load_body_ok(state, "msgid \"Area\"\n"
                                              "msgstr \"Superficie\"\n");
    fs_translation out = {.msgstr = "stale"};
    assert_int_equal(fs_catalog_lookup(catalog, NULL, "Areas", &out), FS_MISSING);
    assert_null(out.msgstr);
    assert_int_equal(fs_catalog_lookup(catalog, NULL, "", &out), FS_MISSING); /* header */
    assert_int_equal(fs_catalog_lookup(catalog, NULL, "Area", NULL), FS_TRANSLATED);
}

static void multi_line_msgid(void **state)
{
    fs_catalog *catalog = load_body_ok(state, "msgid \"One\"\n"
                                              "msgstr \"Un\"\n"
                                              "\n"
                                              "# A long one.\n"
                                              "msgid \"\"\n"
                                              "\"Figures are in thousands \"\n"
                                              "\"of people.\\n\"\n"
                                              "\"Source: UN\"\n"
                                              "msgstr \"\"\n"
                                              "\"Les chiffres sont en milliers \"\n"
                                              "\"de personnes.\\n\"\n"
                                              "\"Source : ONU\"\n"
                                              "\n"
                                              "msgid \"Two\"\n"
                                              "msgstr \"Deux\"\n");
    fs_translation out;
    assert_int_equal(
        fs_catalog_lookup(catalog, NULL, "Figures are in thousands of people.\nSource: UN", &out),
        FS_TRANSLATED);
    assert_string_equal(out.msgstr, "Les chiffres sont en milliers de personnes.\nSource : ONU");
    assert_int_equal(out.pos.line, 10);
    assert_int_equal(fs_catalog_lookup(catalog, NULL, "Two", &out), FS_TRANSLATED);
    assert_int_equal(out.pos.line, 19);
}

static void obsolete_entries_ignored(void **state)
{
    fs_catalog *catalog = load_body_ok(state, "msgid \"Kept\"\n"
                                              "msgstr \"Gardé\"\n"
                                              "\n"
                                              "#~ msgid \"Old\"\n"
                                              "#~ msgstr \"Ancien\"\n"
                                              "\n"
                                              "#~ msgid \"\"\n"
                                              "#~ \"Older\"\n"
                                              "#~ msgstr \"Plus ancien\"\n"
                                              "\n"
                                              "msgid \"Later\"\n"
                                              "msgstr \"Plus tard\"\n");
    fs_translation out;
    assert_int_equal(fs_catalog_count(catalog), 2);
    assert_int_equal(fs_catalog_lookup(catalog, NULL, "Old", &out), FS_MISSING);
    assert_int_equal(fs_catalog_lookup(catalog, NULL, "Older", &out), FS_MISSING);
    assert_int_equal(fs_catalog_lookup(catalog, NULL, "Later", &out), FS_TRANSLATED);
    assert_int_equal(out.pos.line, 16);
}

static void utf8_text(void **state)
{
    /* U+202F NARROW NO-BREAK SPACE before the colon, as French wants. */
    fs_catalog *catalog = load_body_ok(state, "msgid \"Life expectancy: %s\"\n"
                                              "msgstr \"Espérance de vie\xE2\x80\xAF: %s\"\n"
                                              "\n"
                                              "msgid \"Côte d’Ivoire\"\n"
                                              "msgstr \"Côte d’Ivoire\"\n");
    fs_translation out;
    assert_int_equal(fs_catalog_lookup(catalog, NULL, "Life expectancy: %s", &out), FS_TRANSLATED);
    assert_string_equal(out.msgstr, "Espérance de vie\u202F: %s");
    assert_int_equal(fs_catalog_lookup(catalog, NULL, "Côte d’Ivoire", &out), FS_TRANSLATED);
    assert_int_equal(out.pos.line, 9);
}

static void positions_of_several_entries(void **state)
{
    fs_catalog *catalog = load_body_ok(state, "#. Column header\n"    /* 6 */
                                              "#: layout.yaml:3\n"    /* 7 */
                                              "msgid \"Country\"\n"   /* 8 */
                                              "msgstr \"Pays\"\n"     /* 9 */
                                              "\n"                    /* 10 */
                                              "msgctxt \"unit\"\n"    /* 11 */
                                              "msgid \"km\"\n"        /* 12 */
                                              "msgstr \"km\"\n"       /* 13 */
                                              "\n"                    /* 14 */
                                              "#, fuzzy\n"            /* 15 */
                                              "msgid \"Year\"\n"      /* 16 */
                                              "msgstr \"Année\"\n"    /* 17 */
                                              "\n"                    /* 18 */
                                              "msgid \"%d source\"\n" /* 19 */
                                              "msgid_plural \"%d sources\"\n"
                                              "msgstr[0] \"%d source\"\n"
                                              "msgstr[1] \"%d sources\"\n"
                                              "\n"
                                              "msgid \"Notes\"\n" /* 24 */
                                              "msgstr \"\"\n");
    static const struct {
        const char *msgid;
        int line;
        fs_lookup_status status;
    } expected[] = {{"Country", 8, FS_TRANSLATED},
                    {"km", 12, FS_TRANSLATED},
                    {"Year", 16, FS_FUZZY},
                    {"%d source", 19, FS_TRANSLATED},
                    {"Notes", 24, FS_UNTRANSLATED}};
    assert_int_equal(fs_catalog_count(catalog), 5);
    for (size_t i = 0; i < 5; i++) {
        fs_lookup_status status;
        fs_translation out;
        const char *msgid = fs_catalog_msgid(catalog, i, &status, &out);
        assert_non_null(msgid);
        assert_string_equal(msgid, expected[i].msgid);
        assert_int_equal(status, expected[i].status);
        assert_int_equal(out.pos.line, expected[i].line);
        assert_int_equal(out.pos.column, 1);
    }
    assert_null(fs_catalog_msgid(catalog, 5, NULL, NULL));
}

/* Windows line ends, a keyword split by backslash-newline, escapes and a
 * string split the same way: the lines still come out right. */
static void positions_in_unusual_layouts(void **state)
{
    fs_catalog *catalog = load_ok(state, "msgid \"\"\r\n"
                                         "msgstr \"Content-Type: text/plain; charset=UTF-8\\n\"\r\n"
                                         "\r\n"
                                         "msg\\\n"
                                         "id \"tab\\there \\\"quoted\\\" \\x41\\102\"\r\n"
                                         "msgstr \"ok\"\r\n"
                                         "\r\n"
                                         "  msgid \"indented\" msgstr \"ok\"\n"
                                         "msgid \"split \\\n"
                                         "string\"\n"
                                         "msgstr \"ok\"\n");
    fs_translation out;
    assert_int_equal(fs_catalog_lookup(catalog, NULL, "tab\there \"quoted\" AB", &out),
                     FS_TRANSLATED);
    assert_int_equal(out.pos.line, 4);
    assert_int_equal(fs_catalog_lookup(catalog, NULL, "indented", &out), FS_TRANSLATED);
    assert_int_equal(out.pos.line, 8);
    assert_int_equal(out.pos.column, 3);
    assert_int_equal(fs_catalog_lookup(catalog, NULL, "split string", &out), FS_TRANSLATED);
    assert_int_equal(out.pos.line, 9);
}

/* Entries after a `domain` directive belong to another domain. */
static void other_domains_ignored(void **state)
{
    fs_catalog *catalog = load_body_ok(state, "msgid \"A\"\n"
                                              "msgstr \"a\"\n"
                                              "domain \"other\"\n"
                                              "msgid \"B\"\n"
                                              "msgstr \"b\"\n"
                                              "domain \"messages\"\n"
                                              "msgid \"C\"\n"
                                              "msgstr \"c\"\n");
    fs_translation out;
    assert_int_equal(fs_catalog_lookup(catalog, NULL, "B", &out), FS_MISSING);
    assert_int_equal(fs_catalog_lookup(catalog, NULL, "C", &out), FS_TRANSLATED);
    assert_int_equal(out.pos.line, 12);
}

/* ---- The header --------------------------------------------------------- */

static void nplurals_from_header(void **state)
{
    fs_catalog *catalog = load_body_ok(state, "msgid \"A\"\nmsgstr \"a\"\n");
    fs_pos pos;
    assert_int_equal(fs_catalog_nplurals(catalog, &pos), 2);
    assert_int_equal(pos.line, 1);
    assert_int_equal(pos.column, 1);
    assert_non_null(strstr(pos.file, "fr.po"));
}

static void nplurals_with_spaces_after_comments(void **state)
{
    fs_catalog *catalog = load_ok(state, "# French translation.\n"
                                         "#, fuzzy\n"
                                         "msgid \"\"\n"
                                         "msgstr \"\"\n"
                                         "\"Content-Type: text/plain; charset=UTF-8\\n\"\n"
                                         "\"Plural-Forms: nplurals = 3 ; plural=n%3;\\n\"\n");
    fs_pos pos;
    assert_int_equal(fs_catalog_nplurals(catalog, &pos), 3);
    assert_int_equal(pos.line, 3);
}

static void no_header_no_nplurals(void **state)
{
    fs_catalog *catalog = load_ok(state, "msgid \"A\"\nmsgstr \"a\"\n");
    fs_pos pos;
    assert_int_equal(fs_catalog_nplurals(catalog, &pos), 0);
    assert_int_equal(pos.line, 0);
    assert_int_equal(fs_catalog_lookup(catalog, NULL, "A", NULL), FS_TRANSLATED);
}

static void bad_nplurals_is_a_warning(void **state)
{
    ctx *c = *state;
    fs_catalog *catalog =
        load(state, write_po(state, "msgid \"\"\n"
                                    "msgstr \"Content-Type: text/plain; charset=UTF-8\\n\"\n"
                                    "\"Plural-Forms: plural=n;\\n\"\n"));
    assert_non_null(catalog);
    assert_int_equal(fs_diags_errors(c->diags), 0);
    assert_diag(state, 0, FS_WARNING, "fr.po:1:1", "the Plural-Forms header has no valid nplurals");
    assert_int_equal(fs_catalog_nplurals(catalog, NULL), 0);
}

static void charset_other_than_utf8_refused(void **state)
{
    ctx *c = *state;
    fs_catalog *catalog = load(state, write_po(state, "msgid \"\"\n"
                                                      "msgstr \"Content-Type: text/plain; "
                                                      "charset=ISO-8859-1\\n\"\n"
                                                      "\n"
                                                      "msgid \"A\"\nmsgstr \"a\"\n"));
    assert_null(catalog);
    assert_int_equal(fs_diags_count(c->diags), 1);
    assert_diag(state, 0, FS_ERROR, "fr.po:1:1", "the PO file declares \"text/plain; charset=ISO");
}

/* ---- Errors ------------------------------------------------------------- */

static void syntax_error_reported(void **state)
{
    ctx *c = *state;
    fs_catalog *catalog = load(state, write_po(state, "msgid \"A\"\n"
                                                      "msgstr \"a\"\n"
                                                      "\n"
                                                      "msgid \"B\"\n"
                                                      "msgstr \"b\n"
                                                      "\n"
                                                      "msgid \"C\"\n"
                                                      "msgstr \"c\"\n"));
    assert_null(catalog);
    assert_int_equal(fs_diags_count(c->diags), 1);
    assert_diag(state, 0, FS_ERROR, "fr.po:5:8", "this string has no closing quote on its line");
}

/* Errors found by libgettextpo itself come with its line and a hint. */
static void library_syntax_error_reported(void **state)
{
    ctx *c = *state;
    fs_catalog *catalog =
        load(state, write_po(state, "msgid \"A\"\nmsgstr \"a\"\nthis is not a PO file\n"));
    assert_null(catalog);
    assert_true(fs_diags_errors(c->diags) >= 1);
    assert_diag(state, 0, FS_ERROR, "fr.po:3:1", "keyword \"this\" unknown");
    const fs_diag *diag = fs_diags_at(c->diags, 0);
    assert_non_null(strstr(diag->hint, "msgfmt --check"));
    assert_non_null(strstr(diag->hint, "fr.po"));
}

static void missing_msgid_plural_reported(void **state)
{
    ctx *c = *state;
    fs_catalog *catalog = load(state, write_po(state, "msgid \"A\"\n"
                                                      "msgstr[0] \"a\"\n"));
    assert_null(catalog);
    /* libgettextpo's parser keeps its plural counter across reads after this
     * error, so a second load adds "plural form has wrong index": look for
     * the error wherever it is. */
    size_t found = 0;
    for (size_t i = 0; i < fs_diags_count(c->diags); i++)
        if (strcmp(fs_diags_at(c->diags, i)->message, "missing 'msgid_plural' section") == 0) {
            assert_diag(state, i, FS_ERROR, "fr.po:1:1", "missing 'msgid_plural' section");
            found++;
        }
    assert_int_equal(found, 1);
}

static void duplicate_reported_with_both_lines(void **state)
{
    ctx *c = *state;
    fs_catalog *catalog = load(state, write_po(state, "msgid \"A\"\n"
                                                      "msgstr \"a\"\n"
                                                      "\n"
                                                      "msgid \"A\"\n"
                                                      "msgstr \"b\"\n"));
    assert_null(catalog);
    assert_int_equal(fs_diags_count(c->diags), 1);
    assert_diag(state, 0, FS_ERROR, "fr.po:4:1", "duplicate message definition");
    assert_non_null(strstr(fs_diags_at(c->diags, 0)->message, "line 1"));
}

static void missing_file(void **state)
{
    ctx *c = *state;
    const char *path = temp_path(state, "absent.po");
    assert_null(load(state, path));
    assert_int_equal(fs_diags_count(c->diags), 1);
    assert_diag(state, 0, FS_ERROR, "absent.po:0:0", "cannot read: No such file or directory");
}

/* libgettextpo treats a read error as fatal; such files never reach it. */
static void folder_refused(void **state)
{
    ctx *c = *state;
    const char *path = temp_path(state, "folder.po");
    assert_int_equal(mkdir(path, 0700), 0);
    assert_null(load(state, path));
    assert_int_equal(fs_diags_count(c->diags), 1);
    assert_diag(state, 0, FS_ERROR, "folder.po:0:0", "cannot read: Is a directory");
}

static void invalid_utf8_refused(void **state)
{
    ctx *c = *state;
    const char text[] = "msgid \"A\"\nmsgstr \"\xE9t\xE9\"\n"; /* Latin-1 */
    assert_null(load(state, write_bytes(state, "fr.po", text, sizeof text - 1)));
    assert_int_equal(fs_diags_count(c->diags), 1);
    assert_diag(state, 0, FS_ERROR, "fr.po:2:9", "the PO file is not valid UTF-8");
}

static void byte_order_mark_refused(void **state)
{
    ctx *c = *state;
    assert_null(load(state, write_po(state, "\xEF\xBB\xBFmsgid \"A\"\nmsgstr \"a\"\n")));
    assert_int_equal(fs_diags_count(c->diags), 1);
    assert_diag(state, 0, FS_ERROR, "fr.po:1:1", "the PO file starts with a byte order mark");
}

static void nul_byte_refused(void **state)
{
    const char text[] = "msgid \"A\"\nmsgstr \"a\0\"\n";
    assert_null(load(state, write_bytes(state, "fr.po", text, sizeof text - 1)));
    assert_diag(state, 0, FS_ERROR, "fr.po:2:10", "the PO file contains a NUL byte");
}

static void too_large_refused(void **state)
{
    ctx *c = *state;
    const char *path = temp_path(state, "huge.po");
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    assert_true(fd >= 0);
    assert_int_equal(ftruncate(fd, 64 * 1024 * 1024 + 1), 0); /* sparse: nothing written */
    close(fd);
    assert_null(load(state, path));
    assert_int_equal(fs_diags_count(c->diags), 1);
    assert_diag(state, 0, FS_ERROR, "huge.po:0:0", "the PO file is larger than 64 MiB");
}

/* libgettextpo reads standard input for "-"; a file of that name is read
 * instead. Standard input is /dev/null here so that a mistake cannot hang. */
static void file_named_dash(void **state)
{
    ctx *c = *state;
    write_bytes(state, "-", "msgid \"A\"\nmsgstr \"a\"\n", 21);
    char cwd[4096];
    assert_non_null(getcwd(cwd, sizeof cwd));
    assert_non_null(freopen("/dev/null", "r", stdin));
    assert_int_equal(chdir(c->dir), 0);
    fs_catalog *catalog = load(state, "-");
    assert_int_equal(chdir(cwd), 0);
    assert_non_null(catalog);
    assert_int_equal(fs_catalog_lookup(catalog, NULL, "A", NULL), FS_TRANSLATED);
}

static void charset_placeholder_is_a_warning(void **state)
{
    ctx *c = *state;
    fs_catalog *catalog =
        load(state, write_po(state, "msgid \"\"\n"
                                    "msgstr \"Content-Type: text/plain; charset=CHARSET\\n\"\n"
                                    "\n"
                                    "msgid \"A\"\nmsgstr \"a\"\n"));
    assert_non_null(catalog);
    assert_int_equal(fs_diags_errors(c->diags), 0);
    assert_true(fs_diags_warnings(c->diags) >= 1);
    assert_non_null(strstr(fs_diags_at(c->diags, 0)->message, "CHARSET"));
    assert_null(strchr(fs_diags_at(c->diags, 0)->message, '\n'));
}

/* ---- Empty catalogs ------------------------------------------------------ */

static void empty_catalog(void **state)
{
    ctx *c = *state;
    fs_catalog *catalog = fs_catalog_empty("po/de.po", c->arena);
    assert_non_null(catalog);
    assert_int_equal(fs_catalog_count(catalog), 0);
    assert_string_equal(fs_catalog_path(catalog), "po/de.po");
    fs_translation out;
    assert_int_equal(fs_catalog_lookup(catalog, NULL, "Population", &out), FS_MISSING);
    assert_int_equal(fs_catalog_nplurals(catalog, NULL), 0);
    assert_null(fs_catalog_msgid(catalog, 0, NULL, NULL));
}

static void empty_file(void **state)
{
    fs_catalog *catalog = load_ok(state, "");
    assert_int_equal(fs_catalog_count(catalog), 0);
    assert_int_equal(fs_catalog_lookup(catalog, NULL, "A", NULL), FS_MISSING);
}

/* ---- Threads ------------------------------------------------------------ */

enum { THREADS = 4, THREAD_ENTRIES = 200 };

typedef struct {
    const char *path;
    size_t count;
    size_t translated;
    long line_sum;
    size_t errors;
} thread_result;

static void *load_on_thread(void *data)
{
    thread_result *result = data;
    fs_arena *arena = fs_arena_create();
    fs_diags *diags = fs_diags_create();
    for (int round = 0; round < 5 && arena && diags; round++) {
        fs_catalog *catalog = fs_catalog_load(result->path, arena, diags);
        if (!catalog)
            continue;
        result->count = fs_catalog_count(catalog);
        result->translated = 0;
        result->line_sum = 0;
        for (size_t i = 0; i < result->count; i++) {
            fs_lookup_status status;
            fs_translation out;
            fs_catalog_msgid(catalog, i, &status, &out);
            result->translated += status == FS_TRANSLATED;
            result->line_sum += out.pos.line;
        }
    }
    result->errors = diags ? fs_diags_errors(diags) : 1;
    fs_diags_free(diags);
    fs_arena_free(arena);
    return NULL;
}

/* Loads on several threads at once (half of them of a broken file, so that
 * error callbacks run concurrently) must give what a serial load gives. */
static void concurrent_loads(void **state)
{
    char *good = NULL, *bad = NULL;
    size_t good_size = 0, bad_size = 0;
    FILE *out = open_memstream(&good, &good_size);
    assert_non_null(out);
    fputs(header, out);
    for (int i = 0; i < THREAD_ENTRIES; i++)
        fprintf(out, "msgid \"Entry %d\"\nmsgstr \"%s\"\n\n", i, i % 3 ? "Entrée" : "");
    fclose(out);
    out = open_memstream(&bad, &bad_size);
    assert_non_null(out);
    fprintf(out, "%smsgid \"Entry 1\"\nmsgstr \"again\"\n", good); /* a duplicate */
    fclose(out);
    const char *good_path = write_bytes(state, "good.po", good, good_size);
    const char *bad_path = write_bytes(state, "bad.po", bad, bad_size);
    free(good);
    free(bad);

    thread_result serial = {.path = good_path};
    load_on_thread(&serial);
    assert_int_equal(serial.errors, 0);
    assert_int_equal(serial.count, THREAD_ENTRIES);

    pthread_t threads[THREADS];
    thread_result results[THREADS];
    for (int i = 0; i < THREADS; i++) {
        results[i] = (thread_result){.path = i % 2 ? bad_path : good_path};
        assert_int_equal(pthread_create(&threads[i], NULL, load_on_thread, &results[i]), 0);
    }
    for (int i = 0; i < THREADS; i++)
        assert_int_equal(pthread_join(threads[i], NULL), 0);
    for (int i = 0; i < THREADS; i += 2) {
        assert_int_equal(results[i].errors, 0);
        assert_int_equal(results[i].count, serial.count);
        assert_int_equal(results[i].translated, serial.translated);
        assert_int_equal(results[i].line_sum, serial.line_sum);
    }
    for (int i = 1; i < THREADS; i += 2)
        assert_int_equal(results[i].errors, 5); /* one per round */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(simple_entry, setup, teardown),
        cmocka_unit_test_setup_teardown(context_entries, setup, teardown),
        cmocka_unit_test_setup_teardown(plural_entry, setup, teardown),
        cmocka_unit_test_setup_teardown(plural_with_an_empty_form_is_untranslated, setup, teardown),
        cmocka_unit_test_setup_teardown(fuzzy_entry, setup, teardown),
        cmocka_unit_test_setup_teardown(empty_msgstr_is_untranslated, setup, teardown),
        cmocka_unit_test_setup_teardown(unknown_msgid_is_missing, setup, teardown),
        cmocka_unit_test_setup_teardown(multi_line_msgid, setup, teardown),
        cmocka_unit_test_setup_teardown(obsolete_entries_ignored, setup, teardown),
        cmocka_unit_test_setup_teardown(utf8_text, setup, teardown),
        cmocka_unit_test_setup_teardown(positions_of_several_entries, setup, teardown),
        cmocka_unit_test_setup_teardown(positions_in_unusual_layouts, setup, teardown),
        cmocka_unit_test_setup_teardown(other_domains_ignored, setup, teardown),
        cmocka_unit_test_setup_teardown(nplurals_from_header, setup, teardown),
        cmocka_unit_test_setup_teardown(nplurals_with_spaces_after_comments, setup, teardown),
        cmocka_unit_test_setup_teardown(no_header_no_nplurals, setup, teardown),
        cmocka_unit_test_setup_teardown(bad_nplurals_is_a_warning, setup, teardown),
        cmocka_unit_test_setup_teardown(charset_other_than_utf8_refused, setup, teardown),
        cmocka_unit_test_setup_teardown(syntax_error_reported, setup, teardown),
        cmocka_unit_test_setup_teardown(library_syntax_error_reported, setup, teardown),
        cmocka_unit_test_setup_teardown(missing_msgid_plural_reported, setup, teardown),
        cmocka_unit_test_setup_teardown(duplicate_reported_with_both_lines, setup, teardown),
        cmocka_unit_test_setup_teardown(missing_file, setup, teardown),
        cmocka_unit_test_setup_teardown(folder_refused, setup, teardown),
        cmocka_unit_test_setup_teardown(invalid_utf8_refused, setup, teardown),
        cmocka_unit_test_setup_teardown(byte_order_mark_refused, setup, teardown),
        cmocka_unit_test_setup_teardown(nul_byte_refused, setup, teardown),
        cmocka_unit_test_setup_teardown(too_large_refused, setup, teardown),
        cmocka_unit_test_setup_teardown(file_named_dash, setup, teardown),
        cmocka_unit_test_setup_teardown(charset_placeholder_is_a_warning, setup, teardown),
        cmocka_unit_test_setup_teardown(empty_catalog, setup, teardown),
        cmocka_unit_test_setup_teardown(empty_file, setup, teardown),
        cmocka_unit_test_setup_teardown(concurrent_loads, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
