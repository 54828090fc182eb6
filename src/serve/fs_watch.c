#include "fs_watch.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/fs_alloc.h"

/* The most folders watched, and how deep: a data folder is a handful of
 * folders; a tree far larger was named by mistake (a home folder). */
enum { MAX_FOLDERS = 256, MAX_DEPTH = 8 };

typedef struct {
    int wd;
    char *path; /* to watch the folders made in it */
    bool in_layout, in_data;
} folder;

struct fs_watch {
    int fd;
    folder folders[MAX_FOLDERS];
    size_t count;
};

static bool ends_with(const char *name, const char *suffix)
{
    size_t n = strlen(name), k = strlen(suffix);
    return n >= k && strcasecmp(name + n - k, suffix) == 0;
}

unsigned fs_watch_classify(const char *name, bool in_layout, bool in_data)
{
    size_t length = strlen(name);
    if (length == 0 || name[0] == '.' || name[0] == '#' || name[length - 1] == '~' ||
        ends_with(name, ".swp") || ends_with(name, ".swx"))
        return 0;
    if (ends_with(name, ".po"))
        return FS_CHANGE_CATALOG;
    unsigned change = 0;
    if (in_layout && (ends_with(name, ".yaml") || ends_with(name, ".yml")))
        change |= FS_CHANGE_LAYOUT;
    if (in_data && (ends_with(name, ".csv") || ends_with(name, ".md")))
        change |= FS_CHANGE_DATA;
    return change ? change : FS_CHANGE_PICTURE;
}

static folder *find(fs_watch *w, int wd)
{
    for (size_t i = 0; i < w->count; i++)
        if (w->folders[i].wd == wd)
            return &w->folders[i];
    return NULL;
}

/* Watches path and the folders under it; a folder met from both trees
 * keeps both marks. */
static bool add_tree(fs_watch *w, const char *path, bool in_layout, bool in_data, int depth,
                     fs_diags *diags)
{
    uint32_t mask = IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE |
                    IN_ATTRIB | IN_ONLYDIR;
    int wd = inotify_add_watch(w->fd, path, mask);
    if (wd < 0) {
        fs_error(diags, fs_pos_at(path, 0, 0),
                 errno == ENOSPC ? "raise fs.inotify.max_user_watches, or close other watchers"
                                 : "check that the folder exists and can be read",
                 "cannot watch this folder for changes: %s", strerror(errno));
        return false;
    }
    folder *known = find(w, wd);
    if (!known) {
        if (w->count == MAX_FOLDERS) {
            inotify_rm_watch(w->fd, wd);
            fs_error(diags, fs_pos_at(path, 0, 0), "name the layout's and the data's own folders",
                     "more than %d folders to watch", MAX_FOLDERS);
            return false;
        }
        char *copy = fs_strdup(path);
        if (!copy) {
            inotify_rm_watch(w->fd, wd);
            return false;
        }
        known = &w->folders[w->count++];
        *known = (folder){.wd = wd, .path = copy};
    }
    known->in_layout = known->in_layout || in_layout;
    known->in_data = known->in_data || in_data;
    if (depth == MAX_DEPTH)
        return true;
    DIR *dir = opendir(path);
    if (!dir)
        return true;
    bool ok = true;
    struct dirent *entry;
    while (ok && (entry = readdir(dir))) {
        if (entry->d_name[0] == '.')
            continue;
        char child[PATH_MAX];
        struct stat info;
        if (snprintf(child, sizeof child, "%s/%s", path, entry->d_name) >= (int)sizeof child ||
            stat(child, &info) != 0 || !S_ISDIR(info.st_mode))
            continue;
        ok = add_tree(w, child, in_layout, in_data, depth + 1, diags);
    }
    closedir(dir);
    return ok;
}

fs_watch *fs_watch_create(const char *layout_dir, const char *data_dir, fs_diags *diags)
{
    fs_watch *w = fs_calloc(1, sizeof *w);
    if (!w)
        return NULL;
    w->fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    if (w->fd < 0) {
        fs_error(diags, fs_pos_at(NULL, 0, 0), "raise fs.inotify.max_user_instances",
                 "cannot watch files for changes: %s", strerror(errno));
        free(w);
        return NULL;
    }
    if (!add_tree(w, layout_dir, true, false, 0, diags) ||
        !add_tree(w, data_dir, false, true, 0, diags)) {
        fs_watch_free(w);
        return NULL;
    }
    return w;
}

void fs_watch_free(fs_watch *watch)
{
    if (!watch)
        return;
    close(watch->fd);
    for (size_t i = 0; i < watch->count; i++)
        free(watch->folders[i].path);
    free(watch);
}

int fs_watch_fd(const fs_watch *watch)
{
    return watch->fd;
}

/* A folder made (or moved) into a watched one is watched with its tree; a
 * folder removed is forgotten. */
static void follow_folder(fs_watch *w, const struct inotify_event *event, const folder *where)
{
    if (!(event->mask & (IN_CREATE | IN_MOVED_TO)))
        return;
    char path[PATH_MAX];
    if (snprintf(path, sizeof path, "%s/%s", where->path, event->name) >= (int)sizeof path)
        return;
    /* A folder that cannot be watched is read at the next change it makes
     * in its parent; there is no one to tell here. */
    fs_diags *ignored = fs_diags_create();
    if (ignored)
        add_tree(w, path, where->in_layout, where->in_data, 1, ignored);
    fs_diags_free(ignored);
}

static void forget(fs_watch *w, int wd)
{
    for (size_t i = 0; i < w->count; i++) {
        if (w->folders[i].wd != wd)
            continue;
        free(w->folders[i].path);
        w->folders[i] = w->folders[--w->count];
        return;
    }
}

unsigned fs_watch_read(fs_watch *watch)
{
    unsigned change = 0;
    char buffer[16384] __attribute__((aligned(__alignof__(struct inotify_event))));
    for (;;) {
        ssize_t length = read(watch->fd, buffer, sizeof buffer);
        if (length <= 0)
            break;
        for (char *at = buffer; at < buffer + length;) {
            const struct inotify_event *event = (const struct inotify_event *)at;
            at += sizeof *event + event->len;
            if (event->mask & IN_Q_OVERFLOW) {
                change |= FS_CHANGE_LAYOUT | FS_CHANGE_CATALOG | FS_CHANGE_DATA | FS_CHANGE_PICTURE;
                continue;
            }
            if (event->mask & IN_IGNORED) {
                forget(watch, event->wd);
                continue;
            }
            const folder *where = find(watch, event->wd);
            if (!where || event->len == 0)
                continue;
            if (event->mask & IN_ISDIR) {
                follow_folder(watch, event, where);
                change |= FS_CHANGE_PICTURE;
                continue;
            }
            change |= fs_watch_classify(event->name, where->in_layout, where->in_data);
        }
    }
    return change;
}
