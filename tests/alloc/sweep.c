/* The allocation-failure sweep, in one process, as Lua's ltests.c runs its
 * tests. A command of factsheet (render, check or extract, called as main.c
 * calls it) runs once cleanly, once more to see that it makes the same
 * allocations, then again and again with one allocation of factsheet's own
 * code failing: the 1st, the (1 + EVERY)th, the (1 + 2 EVERY)th, ... up to
 * the number the clean run made. Each run must end
 *   - as the clean run did: the same exit code, standard output, standard
 *     error and files (a failure that is absorbed changes nothing), or
 *   - with exit 1 or 2 (the clean run's code aside) and an error message
 *     ("error:" on standard error, or in check's report on standard output);
 * and the output folder may hold only files the clean run wrote, byte for
 * byte: no temporary file, no partial or changed output. A crash or a
 * sanitizer report ends the process. A sweep in which no failing allocation
 * changed the exit code fails too: its allocations were not failed.
 *   sweep NAME EVERY WORK COMMAND ARGS...
 * NAME names the case in messages. WORK/out is the output folder, emptied
 * before every run (ARGS should write there). Each run's standard output
 * and error are caught in WORK/stdout and WORK/stderr, and WORK/point names
 * its failing allocation, so that whoever started the sweep can tell where
 * it died (tests/alloc/check-failures does); the three are removed when the
 * sweep ends. Prints one line: how many failing allocations were checked,
 * and how many of them ended in an error.
 * Built by the Makefile against libfactsheet.a and a copy of
 * src/core/fs_alloc.c compiled with FS_ALLOC_FAILURES, linked first so that
 * it wins. */
#define _GNU_SOURCE /* memmem */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/fs_cli.h"
#include "core/fs_alloc.h"

/* The most failures printed before the sweep gives up. */
enum { MAX_REPORTED = 10 };

typedef int command_fn(int argc, char **argv);

static const struct {
    const char *name;
    command_fn *run;
} commands[] = {
    {"render", fs_cli_render},
    {"check", fs_cli_check},
    {"extract", fs_cli_extract},
};

/* A file's name and bytes. */
typedef struct {
    char *name;
    char *data;
    size_t size;
} file;

/* What one run did. */
typedef struct {
    int status;
    file out, err;
    file *files;
    size_t count;
} outcome;

/* The sweep's files, in WORK. */
typedef struct {
    char out_dir[4096], stdout_path[4096], stderr_path[4096], point_path[4096];
} work;

static void die(const char *what)
{
    fprintf(stderr, "sweep: %s: %s\n", what, strerror(errno));
    exit(1);
}

static void *must(void *memory)
{
    if (!memory)
        die("out of memory in the sweep itself");
    return memory;
}

static bool read_file(const char *path, file *f)
{
    FILE *in = fopen(path, "rb");
    if (!in)
        return false;
    size_t capacity = 4096;
    f->data = must(malloc(capacity));
    f->size = 0;
    size_t got;
    while ((got = fread(f->data + f->size, 1, capacity - f->size, in)) > 0) {
        f->size += got;
        if (f->size == capacity)
            f->data = must(realloc(f->data, capacity *= 2));
    }
    bool ok = !ferror(in);
    fclose(in);
    return ok;
}

static int by_name(const void *a, const void *b)
{
    return strcmp(((const file *)a)->name, ((const file *)b)->name);
}

/* Reads every entry of dir, sorted by name; removes them when empty_it. */
static void read_folder(const char *dir, outcome *o, bool empty_it)
{
    DIR *folder = opendir(dir);
    if (!folder)
        die(dir);
    struct dirent *entry;
    while ((entry = readdir(folder))) {
        if (strcmp(entry->d_name, ".") == 0 || strcmp(entry->d_name, "..") == 0)
            continue;
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", dir, entry->d_name);
        if (o) {
            o->files = must(realloc(o->files, (o->count + 1) * sizeof *o->files));
            file *f = &o->files[o->count++];
            f->name = must(strdup(entry->d_name));
            if (!read_file(path, f)) /* a folder or unreadable: never equal to a file */
                f->size = (size_t)-1;
        }
        if (empty_it && unlink(path) != 0)
            die(path);
    }
    closedir(folder);
    if (o && o->count)
        qsort(o->files, o->count, sizeof *o->files, by_name);
}

static void free_outcome(outcome *o)
{
    for (size_t i = 0; i < o->count; i++) {
        free(o->files[i].name);
        free(o->files[i].data);
    }
    free(o->files);
    free(o->out.data);
    free(o->err.data);
    *o = (outcome){0};
}

static bool same_file(const file *a, const file *b)
{
    return a->size == b->size && (a->size == 0 || memcmp(a->data, b->data, a->size) == 0);
}

/* The file of clean named name, or NULL. */
static const file *clean_file(const outcome *clean, const char *name)
{
    for (size_t i = 0; i < clean->count; i++)
        if (strcmp(clean->files[i].name, name) == 0)
            return &clean->files[i];
    return NULL;
}

/* Runs the command once with its standard output and error caught, on a
 * fresh copy of argv (getopt reorders it). */
static void run(command_fn *command, int argc, char **argv, const work *w, outcome *o)
{
    char **copy = must(calloc((size_t)argc + 1, sizeof *copy));
    memcpy(copy, argv, (size_t)argc * sizeof *copy);
    fflush(stdout);
    fflush(stderr);
    int saved_out = dup(STDOUT_FILENO), saved_err = dup(STDERR_FILENO);
    int out = open(w->stdout_path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    int err = open(w->stderr_path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (saved_out < 0 || saved_err < 0 || out < 0 || err < 0 || dup2(out, STDOUT_FILENO) < 0 ||
        dup2(err, STDERR_FILENO) < 0)
        die("catch the command's output");
    close(out);
    close(err);
    o->status = command(argc, copy);
    fflush(stdout);
    fflush(stderr);
    if (dup2(saved_out, STDOUT_FILENO) < 0 || dup2(saved_err, STDERR_FILENO) < 0)
        die("restore the standard output");
    close(saved_out);
    close(saved_err);
    free(copy);
    if (!read_file(w->stdout_path, &o->out) || !read_file(w->stderr_path, &o->err))
        die("read the command's output");
    read_folder(w->out_dir, o, true);
}

/* Writes WORK/point: the allocation that fails in the next run. */
static void note_point(const work *w, const char *name, long point, long total)
{
    FILE *note = fopen(w->point_path, "w");
    if (!note || fprintf(note, "%s: failing allocation %ld of %ld\n", name, point, total) < 0 ||
        fclose(note) != 0)
        die(w->point_path);
}

/* An error message: render and extract print theirs on standard error,
 * check its report's on standard output. */
static bool has_error(const file *f)
{
    return f->size && memmem(f->data, f->size, "error:", 6);
}

/* Why the run failing allocation point differs from what it may do, or
 * NULL when it is fine. */
static const char *judge(const outcome *clean, const outcome *o, char *why, size_t size)
{
    if (o->status == clean->status) {
        if (!same_file(&o->out, &clean->out))
            return "the clean run's exit code, but another standard output";
        if (!same_file(&o->err, &clean->err))
            return "the clean run's exit code, but another standard error";
        if (o->count != clean->count)
            return "the clean run's exit code, but other files";
    } else {
        if (o->status != FS_EXIT_FAILED && o->status != FS_EXIT_USAGE) {
            snprintf(why, size, "exit %d (the clean run: %d)", o->status, clean->status);
            return why;
        }
        if (!has_error(&o->err) && !has_error(&o->out))
            return "a failure that prints no error";
    }
    for (size_t i = 0; i < o->count; i++) {
        const file *made = clean_file(clean, o->files[i].name);
        if (!made || !same_file(made, &o->files[i])) {
            snprintf(why, size, "%s '%s' in the output folder",
                     made ? "a file unlike the clean run's" : "a file the clean run does not write",
                     o->files[i].name);
            return why;
        }
    }
    return NULL;
}

static void print_failure(const char *name, long point, long total, const outcome *o,
                          const char *why)
{
    fprintf(stderr, "sweep: %s: failing allocation %ld of %ld: %s; exit %d, standard error:\n",
            name, point, total, why, o->status);
    fwrite(o->err.data, 1, o->err.size < 2000 ? o->err.size : 2000, stderr);
}

int main(int argc, char **argv)
{
    if (argc < 5) {
        fputs("usage: sweep NAME EVERY WORK COMMAND ARGS...\n", stderr);
        return 2;
    }
    const char *name = argv[1];
    long every = atol(argv[2]);
    command_fn *command = NULL;
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        if (strcmp(argv[4], commands[i].name) == 0)
            command = commands[i].run;
    if (every < 1 || !command) {
        fputs("sweep: EVERY is a number from 1, COMMAND render, check or extract\n", stderr);
        return 2;
    }
    work w;
    snprintf(w.out_dir, sizeof w.out_dir, "%s/out", argv[3]);
    snprintf(w.stdout_path, sizeof w.stdout_path, "%s/stdout", argv[3]);
    snprintf(w.stderr_path, sizeof w.stderr_path, "%s/stderr", argv[3]);
    snprintf(w.point_path, sizeof w.point_path, "%s/point", argv[3]);
    int command_argc = argc - 4;
    char **command_argv = argv + 4;

    read_folder(w.out_dir, NULL, true);
    outcome clean = {0}, again = {0};
    note_point(&w, name, 0, 0);
    fs_alloc_fail_after(-1);
    run(command, command_argc, command_argv, &w, &clean);
    long total = fs_alloc_count();
    fs_alloc_fail_after(-1);
    run(command, command_argc, command_argv, &w, &again);
    char why[512];
    const char *problem = judge(&clean, &again, why, sizeof why);
    bool ok = true;
    if (fs_alloc_count() != total || again.status != clean.status || problem) {
        fprintf(stderr, "sweep: %s: two clean runs differ (%ld and %ld allocations): %s\n", name,
                total, fs_alloc_count(), problem ? problem : "exit codes");
        ok = false;
    }
    free_outcome(&again);

    long checked = 0, reported = 0, refused = 0;
    for (long point = 1; ok && point <= total && reported < MAX_REPORTED; point += every) {
        outcome o = {0};
        note_point(&w, name, point, total);
        fs_alloc_fail_after(point - 1);
        run(command, command_argc, command_argv, &w, &o);
        checked++;
        refused += o.status != clean.status;
        if (fs_alloc_count() < point)
            problem = "the failing allocation was never made";
        else
            problem = judge(&clean, &o, why, sizeof why);
        if (problem) {
            print_failure(name, point, total, &o, problem);
            reported++;
        }
        free_outcome(&o);
    }
    fs_alloc_fail_after(-1);
    free_outcome(&clean);
    unlink(w.stdout_path);
    unlink(w.stderr_path);
    unlink(w.point_path);
    /* Most failed allocations end the command; when none does, they were
     * not failed (the library's own allocator was linked, say). */
    if (ok && checked && !refused) {
        fprintf(stderr, "sweep: %s: none of %ld failing allocations changed the exit code\n", name,
                checked);
        reported++;
    }
    printf("alloc  %s: %ld of %ld failing allocations checked (every %ld), %ld ended in an "
           "error\n",
           name, checked, total, every, refused);
    return ok && reported == 0 ? 0 : 1;
}
