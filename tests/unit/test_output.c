/* Unit tests of atomic outputs (fs_output) and of the list of temporaries a
 * stopping signal removes (fs_cleanup): contents and modes under two
 * umasks, new and replaced files, through the unnamed file (O_TMPFILE) and
 * through the hidden named one that file systems without it get, a failed
 * output that leaves nothing, libraries that write to a path, links, and
 * the removal of what a killed run left. Each test has a fresh folder. */
#define _GNU_SOURCE /* O_TMPFILE */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/fs_cleanup.h"
#include "core/fs_output.h"

/* ---- a file system without unnamed files ------------------------------ */

/* When set, open refuses O_TMPFILE as vfat or NFS do, so the tests reach the
 * named temporary that such file systems get. This definition takes the
 * place of the C library's open for the whole test program. */
static bool refuse_unnamed;

int open(const char *path, int flags, ...)
{
    mode_t mode = 0;
    if ((flags & O_CREAT) || (flags & O_TMPFILE) == O_TMPFILE) {
        va_list args;
        va_start(args, flags);
        mode = (mode_t)va_arg(args, int);
        va_end(args);
    }
    if (refuse_unnamed && (flags & O_TMPFILE) == O_TMPFILE) {
        errno = EOPNOTSUPP;
        return -1;
    }
    return (int)syscall(SYS_openat, AT_FDCWD, path, flags, mode);
}

/* ---- fixtures -------------------------------------------------------- */

typedef struct {
    char folder[512];
    fs_diags *diags;
    mode_t umask;
} ctx;

static const char *in(const ctx *c, const char *name)
{
    static char path[PATH_MAX];
    snprintf(path, sizeof path, "%s/%s", c->folder, name);
    return path;
}

static void write_file(const ctx *c, const char *name, const char *text, mode_t mode)
{
    FILE *file = fopen(in(c, name), "w");
    assert_non_null(file);
    fputs(text, file);
    assert_int_equal(fclose(file), 0);
    assert_int_equal(chmod(in(c, name), mode), 0);
}

/* The file's text (up to 255 bytes), "" when it does not exist. */
static const char *read_file(const ctx *c, const char *name)
{
    static char text[256];
    text[0] = '\0';
    FILE *file = fopen(in(c, name), "r");
    if (file) {
        text[fread(text, 1, sizeof text - 1, file)] = '\0';
        fclose(file);
    }
    return text;
}

static mode_t mode_of(const ctx *c, const char *name)
{
    struct stat info;
    assert_int_equal(stat(in(c, name), &info), 0);
    return info.st_mode & 07777;
}

/* The names in the folder, sorted, joined by spaces. */
static const char *listing(const ctx *c)
{
    static char names[1024];
    struct dirent **entries;
    int count = scandir(c->folder, &entries, NULL, alphasort);
    assert_true(count >= 0);
    names[0] = '\0';
    for (int i = 0; i < count; i++) {
        if (strcmp(entries[i]->d_name, ".") != 0 && strcmp(entries[i]->d_name, "..") != 0) {
            if (names[0])
                strcat(names, " ");
            strcat(names, entries[i]->d_name);
        }
        free(entries[i]);
    }
    free(entries);
    return names;
}

/* True when the folder holds one hidden temporary of name, .NAME.XXXXXX. */
static bool has_hidden(const ctx *c, const char *name)
{
    char prefix[256];
    snprintf(prefix, sizeof prefix, ".%s.", name);
    const char *names = listing(c);
    const char *at = strstr(names, prefix);
    return at && (at == names || at[-1] == ' ') && strlen(at) >= strlen(prefix) + 6 &&
           (at[strlen(prefix) + 6] == '\0' || at[strlen(prefix) + 6] == ' ');
}

static int setup(void **state)
{
    ctx *c = calloc(1, sizeof *c);
    if (!c)
        return -1;
    snprintf(c->folder, sizeof c->folder, "%s/fs-output-XXXXXX",
             getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
    c->diags = fs_diags_create();
    c->umask = umask(022);
    refuse_unnamed = false;
    *state = c;
    return mkdtemp(c->folder) && c->diags ? 0 : -1;
}

static int remove_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
    return remove(path);
}

static int teardown(void **state)
{
    ctx *c = *state;
    umask(c->umask);
    int status = nftw(c->folder, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
    fs_diags_free(c->diags);
    free(c);
    return status;
}

/* Writes text to name through an output, committed; asserts every step. */
static void write_output(ctx *c, const char *name, const char *text)
{
    fs_output out;
    assert_true(fs_output_open(&out, in(c, name), NULL, c->diags));
    assert_true(fs_output_write(&out, text, strlen(text)));
    assert_true(fs_output_close(&out, c->diags));
    assert_true(fs_output_commit(&out, c->diags));
    fs_output_discard(&out);
    assert_int_equal(fs_diags_count(c->diags), 0);
}

/* ---- new files, replaced files, modes ---------------------------------- */

static void check_new_file_modes(ctx *c)
{
    umask(022);
    write_output(c, "a.pdf", "first");
    assert_string_equal(read_file(c, "a.pdf"), "first");
    assert_int_equal(mode_of(c, "a.pdf"), 0644);
    umask(077);
    write_output(c, "b.pdf", "second");
    assert_int_equal(mode_of(c, "b.pdf"), 0600);
    assert_string_equal(listing(c), "a.pdf b.pdf");
}

static void test_new_file_follows_umask(void **state)
{
    check_new_file_modes(*state);
}

static void test_new_file_follows_umask_named(void **state)
{
    refuse_unnamed = true;
    check_new_file_modes(*state);
}

static void check_replaced_file_keeps_mode(ctx *c)
{
    write_file(c, "a.pdf", "old", 0640);
    umask(077);
    write_output(c, "a.pdf", "new");
    assert_string_equal(read_file(c, "a.pdf"), "new");
    assert_int_equal(mode_of(c, "a.pdf"), 0640);
    write_file(c, "b.pdf", "old", 0664);
    umask(022);
    write_output(c, "b.pdf", "new");
    assert_int_equal(mode_of(c, "b.pdf"), 0664);
    /* The replace left no hidden name behind. */
    assert_string_equal(listing(c), "a.pdf b.pdf");
}

static void test_replaced_file_keeps_mode(void **state)
{
    check_replaced_file_keeps_mode(*state);
}

static void test_replaced_file_keeps_mode_named(void **state)
{
    refuse_unnamed = true;
    check_replaced_file_keeps_mode(*state);
}

/* ---- what is on disk while writing ------------------------------------- */

static void test_unnamed_while_writing(void **state)
{
    ctx *c = *state;
    fs_output out;
    assert_true(fs_output_open(&out, in(c, "a.pdf"), NULL, c->diags));
    assert_true(fs_output_write(&out, "bytes", 5));
    assert_true(fs_output_close(&out, c->diags));
    /* Nothing has a name until the commit: a SIGKILL here leaves nothing. */
    assert_string_equal(listing(c), "");
    assert_true(fs_output_commit(&out, c->diags));
    fs_output_discard(&out);
    assert_string_equal(listing(c), "a.pdf");
}

static void test_named_while_writing(void **state)
{
    ctx *c = *state;
    refuse_unnamed = true;
    fs_output out;
    assert_true(fs_output_open(&out, in(c, "a.pdf"), NULL, c->diags));
    assert_true(fs_output_write(&out, "bytes", 5));
    assert_true(has_hidden(c, "a.pdf"));
    assert_true(fs_output_close(&out, c->diags));
    assert_true(fs_output_commit(&out, c->diags));
    fs_output_discard(&out);
    assert_string_equal(listing(c), "a.pdf");
    assert_string_equal(read_file(c, "a.pdf"), "bytes");
}

static void check_discard_keeps_old(ctx *c)
{
    write_file(c, "a.pdf", "good", 0644);
    fs_output out;
    assert_true(fs_output_open(&out, in(c, "a.pdf"), NULL, c->diags));
    assert_true(fs_output_write(&out, "half", 4));
    fs_output_discard(&out);
    fs_output_discard(&out); /* twice is allowed */
    assert_string_equal(read_file(c, "a.pdf"), "good");
    assert_string_equal(listing(c), "a.pdf");
}

static void test_discard_keeps_old(void **state)
{
    check_discard_keeps_old(*state);
}

static void test_discard_keeps_old_named(void **state)
{
    refuse_unnamed = true;
    check_discard_keeps_old(*state);
}

/* A library that opens a path of its own (libgettextpo) writes the file. */
static void check_library_path(ctx *c)
{
    write_file(c, "a.pot", "old", 0644);
    fs_output out;
    assert_true(fs_output_open(&out, in(c, "a.pot"), NULL, c->diags));
    FILE *file = fopen(fs_output_path(&out), "w");
    assert_non_null(file);
    fputs("msgid \"\"\n", file);
    assert_int_equal(fclose(file), 0);
    assert_string_equal(read_file(c, "a.pot"), "old");
    assert_true(fs_output_close(&out, c->diags));
    assert_true(fs_output_commit(&out, c->diags));
    fs_output_discard(&out);
    assert_string_equal(read_file(c, "a.pot"), "msgid \"\"\n");
    assert_string_equal(listing(c), "a.pot");
}

static void test_library_path(void **state)
{
    check_library_path(*state);
}

static void test_library_path_named(void **state)
{
    refuse_unnamed = true;
    check_library_path(*state);
}

/* A link that names a file not made yet, relative to the link's folder. */
static void test_dangling_link_relative(void **state)
{
    ctx *c = *state;
    assert_int_equal(mkdir(in(c, "sub"), 0755), 0);
    assert_int_equal(symlink("real.pdf", in(c, "sub/link.pdf")), 0);
    write_output(c, "sub/link.pdf", "through");
    assert_string_equal(read_file(c, "sub/real.pdf"), "through");
    struct stat info;
    assert_int_equal(lstat(in(c, "sub/link.pdf"), &info), 0);
    assert_true(S_ISLNK(info.st_mode));
}

static void test_folder_missing(void **state)
{
    ctx *c = *state;
    fs_output out;
    assert_false(fs_output_open(&out, in(c, "none/a.pdf"), NULL, c->diags));
    assert_int_equal(fs_diags_errors(c->diags), 1);
    assert_string_equal(fs_diags_at(c->diags, 0)->message,
                        "cannot write the output: No such file or directory");
    fs_output_discard(&out);
}

/* ---- signals: the list of named temporaries ---------------------------- */

/* In a child process, since fs_cleanup_stop keeps its lock until the
 * process ends: an output's named temporary is registered while it exists,
 * and removed by the stop. */
static void test_cleanup_removes_named(void **state)
{
    ctx *c = *state;
    refuse_unnamed = true;
    pid_t child = fork();
    assert_true(child >= 0);
    if (child == 0) {
        fs_cleanup *cleanup = fs_cleanup_create();
        fs_output done, writing;
        bool ok = cleanup && fs_output_open(&done, in(c, "done.pdf"), cleanup, c->diags) &&
                  fs_output_close(&done, c->diags) && fs_output_commit(&done, c->diags) &&
                  fs_output_open(&writing, in(c, "a.pdf"), cleanup, c->diags) &&
                  fs_output_write(&writing, "half", 4) && has_hidden(c, "a.pdf");
        fs_output_discard(&done);
        if (ok)
            fs_cleanup_stop(cleanup);
        /* The committed file stays; the one being written is gone. */
        _exit(ok && strcmp(listing(c), "done.pdf") == 0 ? 0 : 1);
    }
    int status;
    assert_int_equal(waitpid(child, &status, 0), child);
    assert_true(WIFEXITED(status));
    assert_int_equal(WEXITSTATUS(status), 0);
}

/* ---- what a killed run left -------------------------------------------- */

static void test_remove_stale(void **state)
{
    ctx *c = *state;
    const char *planted[] = {
        ".a.pdf.Ab12Cd",   /* a target's temporary: removed */
        ".a.pdf.zz99ZZ",   /* another one of it: removed */
        ".p-3.png.QQ11qq", /* a page of the PNG target p.png: removed */
        ".a.pdf.Ab12C",    /* five characters: not ours */
        ".a.pdf.Ab12Cde",  /* seven: not ours */
        ".a.pdf.Ab-2Cd",   /* a character mkstemp never uses */
        ".b.pdf.Ab12Cd",   /* b.pdf is no target of this run */
        ".p-x.png.QQ11qq", /* not a page number */
        ".a.pdf.LOCKED",   /* being written by a running process */
    };
    for (size_t i = 0; i < sizeof planted / sizeof planted[0]; i++)
        write_file(c, planted[i], "x", 0600);
    int locked = open(in(c, ".a.pdf.LOCKED"), O_RDONLY);
    assert_true(locked >= 0);
    assert_int_equal(flock(locked, LOCK_EX), 0);
    char a[PATH_MAX], p[PATH_MAX];
    snprintf(a, sizeof a, "%s", in(c, "a.pdf"));
    snprintf(p, sizeof p, "%s", in(c, "p.png"));
    const char *targets[] = {a, p, a};
    assert_true(fs_output_remove_stale(targets, 3, c->diags));
    close(locked);
    assert_string_equal(listing(c), ".a.pdf.Ab-2Cd .a.pdf.Ab12C .a.pdf.Ab12Cde .a.pdf.LOCKED "
                                    ".b.pdf.Ab12Cd .p-x.png.QQ11qq");
    assert_int_equal(fs_diags_count(c->diags), 3);
    assert_int_equal(fs_diags_errors(c->diags), 0);
    const fs_diag *note = fs_diags_at(c->diags, 0);
    assert_int_equal(note->severity, FS_NOTE);
    assert_string_equal(note->message,
                        "removed this temporary file, left by an earlier run that did not finish");
    assert_non_null(strstr(note->pos.file, c->folder));
}

/* A hidden name beside a target in the current folder (no slash). */
static void test_remove_stale_current_folder(void **state)
{
    ctx *c = *state;
    write_file(c, ".a.pdf.Ab12Cd", "x", 0600);
    char here[PATH_MAX];
    assert_non_null(getcwd(here, sizeof here));
    assert_int_equal(chdir(c->folder), 0);
    const char *targets[] = {"a.pdf"};
    bool ok = fs_output_remove_stale(targets, 1, c->diags);
    assert_int_equal(chdir(here), 0);
    assert_true(ok);
    assert_string_equal(listing(c), "");
    assert_string_equal(fs_diags_at(c->diags, 0)->pos.file, ".a.pdf.Ab12Cd");
}

static void test_longest_name(void **state)
{
    ctx *c = *state;
    assert_int_equal(fs_output_longest_name(c->folder),
                     pathconf(c->folder, _PC_NAME_MAX) - FS_OUTPUT_TEMPORARY_EXTRA);
    assert_int_equal(fs_output_longest_name(in(c, "none")), -1);
    /* A name of exactly that length can be written, hidden sibling and all. */
    refuse_unnamed = true;
    long longest = fs_output_longest_name(c->folder);
    char name[NAME_MAX + 1];
    memset(name, 'n', (size_t)longest);
    memcpy(name + longest - 4, ".pdf", 5);
    write_output(c, name, "long");
    assert_string_equal(read_file(c, name), "long");
}

#define TEST(name) cmocka_unit_test_setup_teardown(name, setup, teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        TEST(test_new_file_follows_umask),
        TEST(test_new_file_follows_umask_named),
        TEST(test_replaced_file_keeps_mode),
        TEST(test_replaced_file_keeps_mode_named),
        TEST(test_unnamed_while_writing),
        TEST(test_named_while_writing),
        TEST(test_discard_keeps_old),
        TEST(test_discard_keeps_old_named),
        TEST(test_library_path),
        TEST(test_library_path_named),
        TEST(test_dangling_link_relative),
        TEST(test_folder_missing),
        TEST(test_cleanup_removes_named),
        TEST(test_remove_stale),
        TEST(test_remove_stale_current_folder),
        TEST(test_longest_name),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
