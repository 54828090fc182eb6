/* Unit tests of factsheet serve's logic: saves coalescing into one render,
 * which requests are answered (routes, methods, the Host check against DNS
 * rebinding), what each saved file asks to read again, the file watcher on
 * real folders, and JSON strings. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/fs_json.h"
#include "serve/fs_admit.h"
#include "serve/fs_coalesce.h"
#include "serve/fs_watch.h"

/* ---- coalescing ---------------------------------------------------------- */

static void nothing_pending_waits_forever(void **state)
{
    fs_coalesce c = fs_coalesce_new(50, 1000);
    assert_int_equal(fs_coalesce_wait(&c, 0), -1);
    assert_false(fs_coalesce_take(&c, 1000));
}

/* A save as editors make it: a temporary file written, then renamed, then
 * its attributes set, a few milliseconds apart: one render, 50 ms after
 * the last event. */
static void a_burst_gives_one_render(void **state)
{
    fs_coalesce c = fs_coalesce_new(50, 1000);
    int renders = 0;
    const int64_t events[] = {1000, 1003, 1004, 1010, 1049};
    for (size_t i = 0; i < sizeof events / sizeof events[0]; i++) {
        renders += fs_coalesce_take(&c, events[i]);
        fs_coalesce_event(&c, events[i]);
    }
    assert_int_equal(fs_coalesce_wait(&c, 1049), 50);
    assert_false(fs_coalesce_take(&c, 1098));
    assert_true(fs_coalesce_take(&c, 1099));
    renders++;
    assert_int_equal(renders, 1);
    assert_int_equal(fs_coalesce_wait(&c, 1100), -1);
}

/* Two saves 80 ms apart are two renders. */
static void saves_apart_render_apart(void **state)
{
    fs_coalesce c = fs_coalesce_new(50, 1000);
    fs_coalesce_event(&c, 0);
    assert_true(fs_coalesce_take(&c, 50));
    fs_coalesce_event(&c, 80);
    assert_false(fs_coalesce_take(&c, 129));
    assert_true(fs_coalesce_take(&c, 130));
}

/* Events that never pause (a program writing every 10 ms) still render once
 * the longest wait has passed since the first. */
static void an_endless_burst_renders_at_the_longest_wait(void **state)
{
    fs_coalesce c = fs_coalesce_new(50, 1000);
    int64_t t = 0;
    for (; t < 1000; t += 10) {
        assert_false(fs_coalesce_take(&c, t));
        fs_coalesce_event(&c, t);
    }
    assert_int_equal(fs_coalesce_wait(&c, 1000), 0);
    assert_true(fs_coalesce_take(&c, 1000));
    /* The next burst starts its own longest wait. */
    fs_coalesce_event(&c, 1005);
    assert_int_equal(fs_coalesce_wait(&c, 1005), 50);
}

/* ---- which requests are answered ----------------------------------------- */

static void routes_are_exact(void **state)
{
    assert_int_equal(fs_admit_route("/"), FS_ROUTE_PAGE);
    assert_int_equal(fs_admit_route("/app.js"), FS_ROUTE_SCRIPT);
    assert_int_equal(fs_admit_route("/app.css"), FS_ROUTE_STYLE);
    assert_int_equal(fs_admit_route("/favicon.svg"), FS_ROUTE_ICON);
    assert_int_equal(fs_admit_route("/events"), FS_ROUTE_EVENTS);
    assert_int_equal(fs_admit_route("/status"), FS_ROUTE_STATUS);
    assert_int_equal(fs_admit_route("/api/state"), FS_ROUTE_STATE);
    assert_int_equal(fs_admit_route("/api/doc"), FS_ROUTE_DOC);
    assert_int_equal(fs_admit_route("/png"), FS_ROUTE_PNG);
    assert_int_equal(fs_admit_route("/pdf"), FS_ROUTE_PDF);
    /* Anything else, however close, is not served: no file by path. */
    const char *refused[] = {"",
                             "/index.html",
                             "/app.js/",
                             "//app.js",
                             "/../app.js",
                             "/./app.js",
                             "/png/../../etc/passwd",
                             "/%2e%2e/layout.yaml",
                             "/layouts/brief/layout.yaml",
                             "/data/pfr-mali/stats.csv",
                             "/APP.JS",
                             "/pdf\\..\\x"};
    for (size_t i = 0; i < sizeof refused / sizeof refused[0]; i++)
        assert_int_equal(fs_admit_route(refused[i]), FS_ROUTE_NONE);
    assert_int_equal(fs_admit_route(NULL), FS_ROUTE_NONE);
}

static void only_reading_methods(void **state)
{
    assert_true(fs_admit_method("GET"));
    assert_true(fs_admit_method("HEAD"));
    const char *refused[] = {"POST", "PUT", "DELETE", "PATCH", "OPTIONS", "get", "", NULL};
    for (size_t i = 0; i < sizeof refused / sizeof refused[0]; i++)
        assert_false(fs_admit_method(refused[i]));
}

static void hosts_by_address_or_localhost(void **state)
{
    const char *allowed[] = {"127.0.0.1:8400",    "localhost:8400", "LocalHost:8400", "[::1]:8400",
                             "192.168.1.20:8400", "0.0.0.0:8400",   "[fe80::1]:8400"};
    for (size_t i = 0; i < sizeof allowed / sizeof allowed[0]; i++)
        assert_true(fs_admit_host(allowed[i], 8400));
    /* A name that is not localhost is what DNS rebinding sends; a wrong or
     * odd port is not this server. */
    const char *refused[] = {NULL,
                             "",
                             "evil.example:8400",
                             "localhost.evil.example:8400",
                             "127.0.0.1.nip.io:8400",
                             "127.0.0.1:8401",
                             "127.0.0.1:",
                             "127.0.0.1:08400x",
                             "127.0.0.1:+8400",
                             "127.0.0.1",
                             "127.1:8400",
                             "[::1]",
                             "[::1]8400",
                             "::1:8400",
                             "[nothost]:8400",
                             "127.0.0.1:8400/x",
                             "127.0.0.1 :8400"};
    for (size_t i = 0; i < sizeof refused / sizeof refused[0]; i++)
        assert_false(fs_admit_host(refused[i], 8400));
    /* Port 80 may be left out, as browsers do. */
    assert_true(fs_admit_host("127.0.0.1", 80));
    assert_true(fs_admit_host("localhost:80", 80));
    assert_false(fs_admit_host("evil.example", 80));
}

/* ---- what a saved file asks to read again ---------------------------------- */

static void changes_by_file(void **state)
{
    assert_int_equal(fs_watch_classify("layout.yaml", true, false), FS_CHANGE_LAYOUT);
    assert_int_equal(fs_watch_classify("theme.YML", true, false), FS_CHANGE_LAYOUT);
    assert_int_equal(fs_watch_classify("fr.po", true, false), FS_CHANGE_CATALOG);
    assert_int_equal(fs_watch_classify("fr.po", false, true), FS_CHANGE_CATALOG);
    assert_int_equal(fs_watch_classify("stats.csv", false, true), FS_CHANGE_DATA);
    assert_int_equal(fs_watch_classify("STATS.CSV", false, true), FS_CHANGE_DATA);
    assert_int_equal(fs_watch_classify("intro.md", false, true), FS_CHANGE_DATA);
    assert_int_equal(fs_watch_classify("map.png", false, true), FS_CHANGE_PICTURE);
    assert_int_equal(fs_watch_classify("logo.svg", true, false), FS_CHANGE_PICTURE);
    /* A YAML file of the data folder is no layout; a CSV in the layout's
     * folder no table: they may still be pictures' neighbours. */
    assert_int_equal(fs_watch_classify("notes.yaml", false, true), FS_CHANGE_PICTURE);
    assert_int_equal(fs_watch_classify("x.csv", true, false), FS_CHANGE_PICTURE);
    /* One folder that is both. */
    assert_int_equal(fs_watch_classify("layout.yaml", true, true), FS_CHANGE_LAYOUT);
    assert_int_equal(fs_watch_classify("stats.csv", true, true), FS_CHANGE_DATA);
    /* What editors write beside the file they save. */
    const char *ignored[] = {".stats.csv.swp",  ".#stats.csv", "#stats.csv#", "stats.csv~",
                             "layout.yaml.swp", "x.swx",       ".hidden",     ""};
    for (size_t i = 0; i < sizeof ignored / sizeof ignored[0]; i++)
        assert_int_equal(fs_watch_classify(ignored[i], true, true), 0);
}

/* ---- the watcher on real folders -------------------------------------------- */

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

/* Waits up to a second for events and returns what they ask for. */
static unsigned wait_for_change(fs_watch *w)
{
    unsigned change = 0;
    for (int i = 0; i < 20; i++) {
        struct pollfd fd = {.fd = fs_watch_fd(w), .events = POLLIN};
        if (poll(&fd, 1, 50) > 0)
            change |= fs_watch_read(w);
        else if (change)
            break;
    }
    return change;
}

static void watches_saves_in_both_trees(void **state)
{
    char root[] = "/tmp/factsheet-watch-XXXXXX";
    assert_non_null(mkdtemp(root));
    char layout[128], data[128], path[192], other[192];
    snprintf(layout, sizeof layout, "%s/layout", root);
    snprintf(data, sizeof data, "%s/data", root);
    assert_int_equal(mkdir(layout, 0700), 0);
    assert_int_equal(mkdir(data, 0700), 0);
    fs_diags *diags = fs_diags_create();
    fs_watch *w = fs_watch_create(layout, data, diags);
    assert_non_null(w);
    assert_int_equal(fs_diags_count(diags), 0);
    assert_int_equal(fs_watch_read(w), 0);

    /* Written to a temporary name, then renamed over: a table change. */
    snprintf(path, sizeof path, "%s/.stats.csv.tmp", data);
    snprintf(other, sizeof other, "%s/stats.csv", data);
    write_file(path, "a,b\n1,2\n");
    assert_int_equal(rename(path, other), 0);
    assert_int_equal(wait_for_change(w), FS_CHANGE_DATA);

    snprintf(path, sizeof path, "%s/layout.yaml", layout);
    write_file(path, "body: []\n");
    assert_int_equal(wait_for_change(w), FS_CHANGE_LAYOUT);

    /* An editor's swap file alone asks for nothing. */
    snprintf(path, sizeof path, "%s/.layout.yaml.swp", layout);
    write_file(path, "x");
    assert_int_equal(wait_for_change(w), 0);

    /* A folder made later is watched too. */
    snprintf(path, sizeof path, "%s/images", data);
    assert_int_equal(mkdir(path, 0700), 0);
    assert_int_equal(wait_for_change(w), FS_CHANGE_PICTURE);
    snprintf(other, sizeof other, "%s/images/map.png", data);
    write_file(other, "png");
    assert_int_equal(wait_for_change(w), FS_CHANGE_PICTURE);
    snprintf(other, sizeof other, "%s/images/intro.md", data);
    write_file(other, "# Hello\n");
    assert_int_equal(wait_for_change(w), FS_CHANGE_DATA);

    fs_watch_free(w);
    char command[160];
    snprintf(command, sizeof command, "rm -rf '%s'", root);
    assert_int_equal(system(command), 0);
    fs_diags_free(diags);
}

static void a_missing_folder_is_an_error(void **state)
{
    fs_diags *diags = fs_diags_create();
    assert_null(fs_watch_create("/nonexistent/layout", "/tmp", diags));
    assert_int_equal(fs_diags_errors(diags), 1);
    assert_string_equal(fs_diags_at(diags, 0)->pos.file, "/nonexistent/layout");
    fs_diags_free(diags);
}

/* ---- JSON strings ------------------------------------------------------------ */

static void json(const char *text, const char *want)
{
    fs_buf out = {0};
    fs_json_string(&out, text);
    assert_true(fs_buf_ok(&out));
    assert_string_equal(fs_buf_str(&out), want);
    fs_buf_free(&out);
}

static void json_strings(void **state)
{
    json(NULL, "null");
    json("", "\"\"");
    json("2 029 052 \xe2\x80\xaf%", "\"2 029 052 \xe2\x80\xaf%\"");
    json("say \"hi\" \\ now", "\"say \\\"hi\\\" \\\\ now\"");
    json("tab\there\nline\x1b[31m\x7f", "\"tab\\u0009here\\u000Aline\\u001B[31m\\u007F\"");
    /* Bytes that are not UTF-8: a cut character, an overlong form, a
     * surrogate, a byte past U+10FFFF. */
    json("cut \xc3", "\"cut \\uFFFD\"");
    json("\xc0\xaf", "\"\\uFFFD\\uFFFD\"");
    json("\xed\xa0\x80", "\"\\uFFFD\\uFFFD\\uFFFD\"");
    json("\xf4\x90\x80\x80", "\"\\uFFFD\\uFFFD\\uFFFD\\uFFFD\"");
    json("\xf0\x9f\x98\x80", "\"\xf0\x9f\x98\x80\"");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(nothing_pending_waits_forever),
        cmocka_unit_test(a_burst_gives_one_render),
        cmocka_unit_test(saves_apart_render_apart),
        cmocka_unit_test(an_endless_burst_renders_at_the_longest_wait),
        cmocka_unit_test(routes_are_exact),
        cmocka_unit_test(only_reading_methods),
        cmocka_unit_test(hosts_by_address_or_localhost),
        cmocka_unit_test(changes_by_file),
        cmocka_unit_test(watches_saves_in_both_trees),
        cmocka_unit_test(a_missing_folder_is_an_error),
        cmocka_unit_test(json_strings),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
