/* The one whole-file reader (core/fs_file.h): a file read whole and
 * NUL-terminated, and each way a read fails, in a folder of its own. */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <cmocka.h>

#include "core/fs_file.h"

typedef struct {
    char dir[64];
    char path[128];
} fixture;

static int setup(void **state)
{
    static fixture f;
    snprintf(f.dir, sizeof f.dir, "/tmp/fs_test_file_XXXXXX");
    if (!mkdtemp(f.dir))
        return -1;
    *state = &f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    char command[128];
    snprintf(command, sizeof command, "rm -rf '%s'", f->dir);
    return system(command) == 0 ? 0 : -1;
}

/* f->path is DIR/name, written with length bytes of text when text is set. */
static const char *file_of(fixture *f, const char *name, const char *text, size_t length)
{
    snprintf(f->path, sizeof f->path, "%s/%s", f->dir, name);
    if (text) {
        FILE *out = fopen(f->path, "wb");
        assert_non_null(out);
        assert_int_equal(fwrite(text, 1, length, out), length);
        fclose(out);
    }
    return f->path;
}

static void a_file_is_read_whole_and_terminated(void **state)
{
    fixture *f = *state;
    const char text[] = "key,value\nbinary\0byte,1\n";
    fs_file file = fs_file_read(file_of(f, "t.csv", text, sizeof text - 1), 1024);
    assert_int_equal(file.status, FS_FILE_READ);
    assert_int_equal(file.length, sizeof text - 1);
    assert_memory_equal(file.bytes, text, sizeof text - 1);
    assert_int_equal(file.bytes[file.length], '\0');
    free(file.bytes);
}

static void an_empty_file_is_an_empty_text(void **state)
{
    fixture *f = *state;
    fs_file file = fs_file_read(file_of(f, "empty", "", 0), 1024);
    assert_int_equal(file.status, FS_FILE_READ);
    assert_int_equal(file.length, 0);
    assert_string_equal(file.bytes, "");
    free(file.bytes);
}

static void a_file_of_the_limit_is_read_and_one_byte_more_is_not(void **state)
{
    fixture *f = *state;
    char text[100];
    memset(text, 'x', sizeof text);
    fs_file file = fs_file_read(file_of(f, "hundred", text, 100), 100);
    assert_int_equal(file.status, FS_FILE_READ);
    assert_int_equal(file.length, 100);
    free(file.bytes);
    file = fs_file_read(f->path, 99);
    assert_int_equal(file.status, FS_FILE_TOO_LARGE);
    assert_null(file.bytes);
    assert_int_equal(file.length, 100); /* the size found */
}

static void a_missing_file_says_why_at_its_path(void **state)
{
    fixture *f = *state;
    fs_file file = fs_file_read(file_of(f, "missing.yaml", NULL, 0), 1024);
    assert_int_equal(file.status, FS_FILE_CANNOT_OPEN);
    assert_int_equal(file.error, ENOENT);
    assert_null(file.bytes);
    assert_string_equal(fs_file_reason(&file), "No such file or directory");
    fs_diags *diags = fs_diags_create();
    fs_file_report(&file, "check the path", diags);
    assert_int_equal(fs_diags_errors(diags), 1);
    const fs_diag *error = fs_diags_at(diags, 0);
    assert_string_equal(error->pos.file, f->path);
    assert_string_equal(error->message, "cannot read: No such file or directory");
    assert_string_equal(error->hint, "check the path");
    fs_diags_clear(diags);
    fs_file_report(&file, NULL, diags);
    assert_string_equal(fs_diags_at(diags, 0)->hint, "check the path and the file's permissions");
    fs_diags_free(diags);
}

static void a_folder_is_no_file(void **state)
{
    fixture *f = *state;
    fs_file file = fs_file_read(f->dir, 1024);
    assert_int_equal(file.status, FS_FILE_NOT_REGULAR);
    assert_int_equal(file.error, EISDIR);
    assert_string_equal(fs_file_reason(&file), "Is a directory");
}

/* A FIFO with no writer would block a plain open or read for ever. */
static void a_fifo_is_refused_without_waiting(void **state)
{
    fixture *f = *state;
    assert_int_equal(mkfifo(file_of(f, "fifo", NULL, 0), 0600), 0);
    fs_file file = fs_file_read(f->path, 1024);
    assert_int_equal(file.status, FS_FILE_NOT_REGULAR);
    assert_int_equal(file.error, 0);
    assert_string_equal(fs_file_reason(&file), "not a regular file");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(a_file_is_read_whole_and_terminated, setup, teardown),
        cmocka_unit_test_setup_teardown(an_empty_file_is_an_empty_text, setup, teardown),
        cmocka_unit_test_setup_teardown(a_file_of_the_limit_is_read_and_one_byte_more_is_not, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(a_missing_file_says_why_at_its_path, setup, teardown),
        cmocka_unit_test_setup_teardown(a_folder_is_no_file, setup, teardown),
        cmocka_unit_test_setup_teardown(a_fifo_is_refused_without_waiting, setup, teardown),
    };
    return cmocka_run_group_tests_name("file", tests, NULL, NULL);
}
