/* O_TMPFILE is Linux's, declared under _GNU_SOURCE. */
#define _GNU_SOURCE
#include "fs_output.h"

#include "core/fs_alloc.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/file.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* The characters of a hidden temporary's six-character tail, as mkstemp
 * uses them. */
static const char tail_characters[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
enum { TAIL = 6, ATTEMPTS = 100 };

/* The file a symbolic link names, for a link whose file does not exist
 * yet: relative to the link's folder. NULL when out of memory. */
static char *dangling_target(const char *link)
{
    char named[PATH_MAX];
    ssize_t length = readlink(link, named, sizeof named - 1);
    if (length <= 0)
        return fs_strdup(link);
    named[length] = '\0';
    const char *slash = strrchr(link, '/');
    if (named[0] == '/' || !slash)
        return fs_strdup(named);
    size_t folder = (size_t)(slash - link) + 1, size = folder + (size_t)length + 1;
    char *path = fs_malloc(size);
    if (path)
        snprintf(path, size, "%.*s%s", (int)folder, link, named);
    return path;
}

/* Where the bytes really go: a symbolic link is written through (the link
 * stays, the file it names gets the new content). *existing is set when
 * that file exists, with its status in *info; *refused when it is not a
 * regular file (a device such as /dev/stdout, a folder), which a rename
 * would replace whole. NULL when out of memory; the caller frees it. */
static char *resolve(const char *target, struct stat *info, bool *existing, bool *refused)
{
    *existing = *refused = false;
    if (lstat(target, info) != 0)
        return fs_strdup(target); /* a new file */
    char *path;
    if (S_ISLNK(info->st_mode)) {
        char *real = realpath(target, NULL);
        if (!real || stat(real, info) != 0) {
            free(real);
            return dangling_target(target);
        }
        path = fs_strdup(real);
        free(real);
    } else {
        path = fs_strdup(target);
    }
    *existing = path != NULL;
    *refused = path && !S_ISREG(info->st_mode);
    return path;
}

/* Puts six random letters or digits in place of the tail of name. */
static void randomize(char *name, unsigned attempt)
{
    unsigned char bytes[TAIL];
    if (getrandom(bytes, sizeof bytes, GRND_NONBLOCK) != (ssize_t)sizeof bytes) {
        /* No entropy yet (early boot): the clock and the attempt differ
         * enough between tries, and O_EXCL or linkat refuses a clash. */
        struct timespec now;
        clock_gettime(CLOCK_MONOTONIC, &now);
        uint64_t mix = ((uint64_t)now.tv_nsec + attempt) * 0x9E3779B97F4A7C15u ^ (uintptr_t)name;
        for (size_t i = 0; i < TAIL; i++)
            bytes[i] = (unsigned char)(mix >> (8 * i));
    }
    char *tail = name + strlen(name) - TAIL;
    for (size_t i = 0; i < TAIL; i++)
        tail[i] = tail_characters[bytes[i] % (sizeof tail_characters - 1)];
}

typedef struct {
    fs_output *out;
    int fd;
} making;

/* Creates the hidden temporary under a fresh name: for file systems without
 * unnamed files. fs_cleanup_make calls it. */
static bool create_hidden(void *context)
{
    making *m = context;
    for (unsigned attempt = 0; attempt < ATTEMPTS; attempt++) {
        randomize(m->out->hidden, attempt);
        m->fd = open(m->out->hidden, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
        if (m->fd >= 0 || errno != EEXIST)
            return m->fd >= 0;
    }
    return false;
}

/* Gives the finished unnamed file a hidden name beside its target, so that
 * it can be renamed over it. fs_cleanup_make calls it. */
static bool link_hidden(void *context)
{
    making *m = context;
    for (unsigned attempt = 0; attempt < ATTEMPTS; attempt++) {
        randomize(m->out->hidden, attempt);
        if (linkat(AT_FDCWD, m->out->unnamed, AT_FDCWD, m->out->hidden, AT_SYMLINK_FOLLOW) == 0)
            return true;
        if (errno != EEXIST)
            return false;
    }
    return false;
}

/* An unnamed file in folder, or -1 with errno set. Its /proc/self/fd path
 * goes to out->unnamed: linkat names the file through it, and libraries
 * that want a path write through it. */
static int open_unnamed(fs_output *out, const char *folder)
{
    int fd = open(folder, O_TMPFILE | O_WRONLY | O_CLOEXEC, 0666);
    if (fd < 0)
        return -1;
    snprintf(out->unnamed, sizeof out->unnamed, "/proc/self/fd/%d", fd);
    if (access(out->unnamed, F_OK) != 0) {
        /* No /proc (a bare chroot): the file could never be named. */
        close(fd);
        out->unnamed[0] = '\0';
        errno = EOPNOTSUPP;
        return -1;
    }
    return fd;
}

bool fs_output_open(fs_output *out, const char *named, fs_cleanup *cleanup, fs_diags *diags)
{
    *out = (fs_output){.cleanup = cleanup};
    struct stat info;
    bool existing, refused;
    out->target = resolve(named, &info, &existing, &refused);
    if (out->target && refused) {
        fs_error(diags, fs_pos_at(out->target, 0, 0),
                 "write to a file: factsheet replaces its output whole, which a device or "
                 "folder cannot be",
                 "the output is not a regular file");
        fs_output_discard(out);
        return false;
    }
    const char *target = out->target ? out->target : named;
    const char *slash = strrchr(target, '/');
    size_t dir_length = slash ? (size_t)(slash - target) + 1 : 0;
    size_t size = strlen(target) + FS_OUTPUT_TEMPORARY_EXTRA + 1;
    out->hidden = fs_malloc(size);
    char *folder = fs_malloc(dir_length + 2);
    if (!out->target || !out->hidden || !folder) {
        fs_error(diags, fs_pos_at(named, 0, 0), NULL, "out of memory");
        free(folder);
        fs_output_discard(out);
        return false;
    }
    /* A hidden name in the same folder, so the final rename is atomic. */
    snprintf(out->hidden, size, "%.*s.%s.XXXXXX", (int)dir_length, target, target + dir_length);
    out->entry.path = out->hidden;
    if (dir_length)
        snprintf(folder, dir_length + 1, "%s", target);
    else
        strcpy(folder, ".");
    int fd = open_unnamed(out, folder);
    free(folder);
    if (fd < 0 && (errno == EOPNOTSUPP || errno == EISDIR || errno == EINVAL)) {
        /* The file system has no unnamed files (EISDIR: a kernel before
         * 3.11 takes O_TMPFILE for O_DIRECTORY). */
        making m = {out, -1};
        if (fs_cleanup_make(cleanup, &out->entry, create_hidden, &m))
            fd = m.fd;
        out->hidden_exists = fd >= 0;
    }
    if (fd < 0) {
        fs_error(diags, fs_pos_at(target, 0, 0),
                 "create the output folder first, or choose one you can write to",
                 "cannot write the output: %s", strerror(errno));
        fs_output_discard(out);
        return false;
    }
    /* The lock tells another run's fs_output_remove_stale that this file is
     * being written. A replaced file keeps its permissions; a new one has
     * what the umask leaves of 0666 (open applied it). */
    flock(fd, LOCK_EX);
    if ((existing && fchmod(fd, info.st_mode & 0777) != 0) || !(out->file = fdopen(fd, "wb"))) {
        fs_error(diags, fs_pos_at(target, 0, 0), NULL, "cannot write the output: %s",
                 strerror(errno));
        close(fd);
        fs_output_discard(out);
        return false;
    }
    return true;
}

bool fs_output_write(fs_output *out, const void *data, size_t length)
{
    if (out->failed || !out->file || fwrite(data, 1, length, out->file) != length) {
        if (!out->failed)
            out->error = errno ? errno : EIO;
        out->failed = true;
        return false;
    }
    return true;
}

const char *fs_output_path(const fs_output *out)
{
    return out->unnamed[0] ? out->unnamed : out->hidden;
}

bool fs_output_close(fs_output *out, fs_diags *diags)
{
    if (!out->file)
        return false;
    if (!out->failed && (fflush(out->file) != 0 || fsync(fileno(out->file)) != 0)) {
        out->error = errno;
        out->failed = true;
    }
    if (out->failed)
        fs_error(diags, fs_pos_at(out->target, 0, 0), "check the free disk space",
                 "cannot write the output: %s", strerror(out->error));
    return !out->failed;
}

/* Renames the hidden temporary over the target. */
static bool rename_hidden(fs_output *out)
{
    if (rename(out->hidden, out->target) != 0)
        return false;
    out->hidden_exists = false;
    fs_cleanup_forget(out->cleanup, &out->entry);
    return true;
}

bool fs_output_commit(fs_output *out, fs_diags *diags)
{
    bool ok;
    if (out->unnamed[0]) {
        ok = linkat(AT_FDCWD, out->unnamed, AT_FDCWD, out->target, AT_SYMLINK_FOLLOW) == 0;
        if (!ok && errno == EEXIST) {
            /* linkat never replaces a file. A target that exists gets the
             * unnamed file through a hidden name renamed over it, and rename
             * is atomic: a reader sees the old file or the new one. A
             * SIGKILL between the link and the rename leaves that hidden
             * name; the next run writing this target removes it
             * (fs_output_remove_stale), as it removes those of file systems
             * without unnamed files. */
            making m = {out, -1};
            out->hidden_exists = fs_cleanup_make(out->cleanup, &out->entry, link_hidden, &m);
            ok = out->hidden_exists && rename_hidden(out);
        }
    } else {
        ok = out->hidden_exists && rename_hidden(out);
    }
    if (!ok) {
        fs_error(diags, fs_pos_at(out->target, 0, 0), "check that the output folder can be written",
                 "cannot replace the output: %s", strerror(errno));
        return false;
    }
    fclose(out->file);
    out->file = NULL;
    out->unnamed[0] = '\0';
    return true;
}

void fs_output_discard(fs_output *out)
{
    if (out->file)
        fclose(out->file); /* an unnamed file goes with its last descriptor */
    if (out->hidden_exists) {
        unlink(out->hidden);
        fs_cleanup_forget(out->cleanup, &out->entry);
    }
    free(out->hidden);
    free(out->target);
    *out = (fs_output){0};
}

/* ---- temporaries a killed run left ------------------------------------- */

/* One target, split into its folder and file name. */
typedef struct {
    char *path; /* resolved, owned */
    size_t folder_length;
    const char *name; /* inside path */
} stale_target;

static int by_folder_and_name(const void *a, const void *b)
{
    const stale_target *x = a, *y = b;
    size_t shorter = x->folder_length < y->folder_length ? x->folder_length : y->folder_length;
    int order = memcmp(x->path, y->path, shorter);
    if (order == 0 && x->folder_length != y->folder_length)
        order = x->folder_length < y->folder_length ? -1 : 1;
    return order ? order : strcmp(x->name, y->name);
}

static int by_name(const void *key, const void *element)
{
    return strcmp(key, ((const stale_target *)element)->name);
}

/* True when one of the folder's targets is named name, or, for a PNG
 * target NAME.png, when name is one of its pages NAME-N.png. */
static bool is_target(const char *name, const stale_target *targets, size_t count)
{
    if (bsearch(name, targets, count, sizeof *targets, by_name))
        return true;
    size_t length = strlen(name);
    if (length < 7 || strcasecmp(name + length - 4, ".png") != 0)
        return false;
    size_t digits = length - 4;
    while (digits > 0 && name[digits - 1] >= '0' && name[digits - 1] <= '9')
        digits--;
    if (digits == length - 4 || digits == 0 || name[digits - 1] != '-')
        return false;
    char page_of[NAME_MAX + 1];
    snprintf(page_of, sizeof page_of, "%.*s%s", (int)(digits - 1), name, name + length - 4);
    return bsearch(page_of, targets, count, sizeof *targets, by_name) != NULL;
}

/* The target name in a hidden temporary's name .NAME.XXXXXX, copied into
 * name; false when entry does not have that exact form. */
static bool temporary_of(const char *entry, char name[NAME_MAX + 1])
{
    size_t length = strlen(entry);
    if (length < FS_OUTPUT_TEMPORARY_EXTRA + 1 || length > NAME_MAX || entry[0] != '.' ||
        entry[length - TAIL - 1] != '.' || strspn(entry + length - TAIL, tail_characters) != TAIL)
        return false;
    snprintf(name, NAME_MAX + 1, "%.*s", (int)(length - FS_OUTPUT_TEMPORARY_EXTRA), entry + 1);
    return true;
}

/* Removes folder's file entry when it is a regular file that no process
 * holds locked (a run writing it holds the lock until it is done). */
static bool remove_unlocked(int folder, const char *entry)
{
    int fd = openat(folder, entry, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0)
        fd = openat(folder, entry, O_WRONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0)
        return false;
    struct stat info;
    bool removed = fstat(fd, &info) == 0 && S_ISREG(info.st_mode) &&
                   flock(fd, LOCK_EX | LOCK_NB) == 0 && unlinkat(folder, entry, 0) == 0;
    close(fd);
    return removed;
}

/* Removes the temporaries of targets[0, count), which share one folder. */
static void remove_in_folder(const stale_target *targets, size_t count, fs_diags *diags)
{
    const stale_target *first = &targets[0];
    char folder[PATH_MAX];
    if (first->folder_length)
        snprintf(folder, sizeof folder, "%.*s", (int)first->folder_length, first->path);
    else
        strcpy(folder, ".");
    DIR *dir = opendir(folder);
    if (!dir)
        return; /* a missing folder holds no temporaries; render reports it */
    struct dirent *entry;
    char name[NAME_MAX + 1];
    while ((entry = readdir(dir))) {
        if (!temporary_of(entry->d_name, name) || !is_target(name, targets, count) ||
            !remove_unlocked(dirfd(dir), entry->d_name))
            continue;
        char path[PATH_MAX];
        snprintf(path, sizeof path, "%.*s%s", (int)first->folder_length, first->path,
                 entry->d_name);
        fs_diag_add(diags, FS_NOTE, fs_pos_at(path, 0, 0), NULL,
                    "removed this temporary file, left by an earlier run that did not finish");
    }
    closedir(dir);
}

bool fs_output_remove_stale(const char *const *targets, size_t count, fs_diags *diags)
{
    stale_target *list = fs_calloc(count ? count : 1, sizeof *list);
    bool ok = list != NULL;
    for (size_t i = 0; ok && i < count; i++) {
        struct stat info;
        bool existing, refused;
        list[i].path = resolve(targets[i], &info, &existing, &refused);
        ok = list[i].path != NULL;
        if (ok) {
            const char *slash = strrchr(list[i].path, '/');
            list[i].folder_length = slash ? (size_t)(slash - list[i].path) + 1 : 0;
            list[i].name = list[i].path + list[i].folder_length;
        }
    }
    if (ok) {
        qsort(list, count, sizeof *list, by_folder_and_name);
        for (size_t from = 0, to; from < count; from = to) {
            to = from + 1;
            while (to < count && list[to].folder_length == list[from].folder_length &&
                   memcmp(list[to].path, list[from].path, list[from].folder_length) == 0)
                to++;
            remove_in_folder(&list[from], to - from, diags);
        }
    } else {
        fs_error(diags, fs_pos_at(NULL, 0, 0), "free some memory and try again",
                 "out of memory while looking for temporary files of an earlier run");
    }
    for (size_t i = 0; list && i < count; i++)
        free(list[i].path);
    free(list);
    return ok;
}

long fs_output_longest_name(const char *folder)
{
    errno = 0;
    long longest = pathconf(folder, _PC_NAME_MAX);
    if (longest < 0)
        return errno ? -1 : NAME_MAX - FS_OUTPUT_TEMPORARY_EXTRA;
    return longest - FS_OUTPUT_TEMPORARY_EXTRA;
}
