#include "fs_output.h"

#include "core/fs_alloc.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <limits.h>
#include <stdio.h>

/* Where the bytes really go: a symbolic link is written through (the link
 * stays, its target gets the new content), and anything but a regular file
 * (a device such as /dev/stdout, a folder) is refused, since renaming over
 * it would replace the node itself. NULL after an error; the caller frees
 * the result. */
static char *real_target(const char *target, fs_diags *diags)
{
    struct stat info;
    if (lstat(target, &info) != 0)
        return fs_strdup(target); /* a new file */
    char *real = S_ISLNK(info.st_mode) ? realpath(target, NULL) : NULL;
    if (S_ISLNK(info.st_mode) && (!real || stat(real, &info) != 0)) {
        /* A dangling link: write the file it names. */
        free(real);
        real = NULL;
        char link[4096];
        ssize_t length = readlink(target, link, sizeof link - 1);
        if (length <= 0)
            return fs_strdup(target);
        link[length] = '\0';
        return fs_strdup(link);
    }
    if (!S_ISREG(info.st_mode)) {
        free(real);
        fs_error(diags, fs_pos_at(target, 0, 0),
                 "write to a file: factsheet replaces its output whole, which a device or "
                 "folder cannot be",
                 "the output is not a regular file");
        return NULL;
    }
    if (!real)
        return fs_strdup(target);
    char *copy = fs_strdup(real);
    free(real);
    return copy;
}

bool fs_output_open(fs_output *out, const char *named, fs_diags *diags)
{
    *out = (fs_output){0};
    char *resolved = real_target(named, diags);
    if (!resolved)
        return false;
    const char *target = resolved;
    const char *slash = strrchr(target, '/');
    size_t dir_length = slash ? (size_t)(slash - target) + 1 : 0;
    const char *base = slash ? slash + 1 : target;
    size_t size = strlen(target) + 16;
    out->target = resolved;
    out->temporary = fs_malloc(size);
    if (!out->target || !out->temporary) {
        fs_error(diags, fs_pos_at(target, 0, 0), NULL, "out of memory");
        fs_output_discard(out);
        return false;
    }
    /* A hidden name in the same folder, so the final rename is atomic. */
    snprintf(out->temporary, size, "%.*s.%s.XXXXXX", (int)dir_length, target, base);
    int fd = mkstemp(out->temporary);
    if (fd < 0) {
        fs_error(diags, fs_pos_at(target, 0, 0),
                 "create the output folder first, or choose one you can write to",
                 "cannot write the output: %s", strerror(errno));
        free(out->temporary);
        out->temporary = NULL;
        fs_output_discard(out);
        return false;
    }
    /* mkstemp makes the file private; an output is an ordinary document. */
    fchmod(fd, 0644);
    out->file = fdopen(fd, "wb");
    if (!out->file) {
        close(fd);
        fs_error(diags, fs_pos_at(target, 0, 0), NULL, "cannot write the output: %s",
                 strerror(errno));
        fs_output_discard(out);
        return false;
    }
    return true;
}

bool fs_output_write(fs_output *out, const void *data, size_t length)
{
    if (out->failed || !out->file || fwrite(data, 1, length, out->file) != length) {
        out->failed = true;
        return false;
    }
    return true;
}

const char *fs_output_temporary(const fs_output *out)
{
    return out->temporary;
}

bool fs_output_close(fs_output *out, fs_diags *diags)
{
    if (!out->file)
        return false;
    bool ok = !out->failed && fflush(out->file) == 0 && fsync(fileno(out->file)) == 0;
    ok = fclose(out->file) == 0 && ok;
    out->file = NULL;
    if (!ok)
        fs_error(diags, fs_pos_at(out->target, 0, 0), "check the free disk space",
                 "cannot write the output: %s", strerror(errno ? errno : EIO));
    return ok;
}

bool fs_output_commit(fs_output *out, fs_diags *diags)
{
    if (rename(out->temporary, out->target) != 0) {
        fs_error(diags, fs_pos_at(out->target, 0, 0), NULL, "cannot replace the output: %s",
                 strerror(errno));
        return false;
    }
    free(out->temporary);
    out->temporary = NULL;
    return true;
}

void fs_output_discard(fs_output *out)
{
    if (out->file)
        fclose(out->file);
    if (out->temporary)
        unlink(out->temporary);
    free(out->temporary);
    free(out->target);
    *out = (fs_output){0};
}
