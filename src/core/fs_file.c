#include "fs_file.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/fs_alloc.h"

static fs_file failed(fs_file file, fs_file_status status, int error, char *bytes)
{
    free(bytes);
    file.status = status;
    file.error = error;
    return file;
}

static fs_file too_large(fs_file file, size_t size, char *bytes)
{
    file.length = size;
    return failed(file, FS_FILE_TOO_LARGE, 0, bytes);
}

fs_file fs_file_read(const char *path, size_t limit)
{
    fs_file file = {.status = FS_FILE_READ, .path = path};
    /* Non-blocking, so that a FIFO named as a file cannot hang the run. */
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
    if (fd < 0)
        return failed(file, FS_FILE_CANNOT_OPEN, errno, NULL);
    struct stat info;
    if (fstat(fd, &info) != 0) {
        int error = errno;
        close(fd);
        return failed(file, FS_FILE_CANNOT_OPEN, error, NULL);
    }
    if (!S_ISREG(info.st_mode)) {
        close(fd);
        return failed(file, FS_FILE_NOT_REGULAR, S_ISDIR(info.st_mode) ? EISDIR : 0, NULL);
    }
    if (limit == SIZE_MAX || (unsigned long long)info.st_size > limit) {
        close(fd);
        return too_large(file, (size_t)info.st_size, NULL);
    }
    /* The size is a hint: the file may grow or shrink while it is read.
     * One byte past the limit proves it too large without reading on. */
    size_t capacity = (size_t)info.st_size + 1, used = 0;
    char *bytes = fs_malloc(capacity + 1);
    if (!bytes) {
        close(fd);
        return failed(file, FS_FILE_NO_MEMORY, ENOMEM, NULL);
    }
    for (;;) {
        if (used == capacity) {
            if (capacity > limit)
                break;
            size_t grown = capacity > limit / 2 ? limit + 1 : capacity * 2;
            char *more = fs_realloc(bytes, grown + 1);
            if (!more) {
                close(fd);
                return failed(file, FS_FILE_NO_MEMORY, ENOMEM, bytes);
            }
            bytes = more;
            capacity = grown;
        }
        ssize_t got = read(fd, bytes + used, capacity - used);
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0) {
            int error = errno;
            close(fd);
            return failed(file, FS_FILE_READ_ERROR, error, bytes);
        }
        if (got == 0)
            break;
        used += (size_t)got;
    }
    close(fd);
    if (used > limit)
        return too_large(file, used, bytes);
    bytes[used] = '\0';
    file.bytes = bytes;
    file.length = used;
    return file;
}

const char *fs_file_reason(const fs_file *file)
{
    switch (file->status) {
    case FS_FILE_READ:
        return "read";
    case FS_FILE_NOT_REGULAR:
        return file->error ? strerror(file->error) : "not a regular file";
    case FS_FILE_TOO_LARGE:
        return "the file is too large";
    case FS_FILE_NO_MEMORY:
        return "out of memory";
    case FS_FILE_CANNOT_OPEN:
    case FS_FILE_READ_ERROR:
        break;
    }
    return strerror(file->error ? file->error : EIO);
}

void fs_file_report(const fs_file *file, const char *hint, fs_diags *diags)
{
    fs_pos at = fs_pos_at(file->path, 0, 0);
    if (file->status == FS_FILE_NO_MEMORY) {
        fs_error(diags, at, "free some memory and try again",
                 "out of memory while reading the file");
        return;
    }
    if (file->status == FS_FILE_READ_ERROR)
        hint = "check the disk or the network share the file is on";
    else if (!hint)
        hint = "check the path and the file's permissions";
    fs_error(diags, at, hint, "cannot read: %s", fs_file_reason(file));
}
