/* no-tmpfile.so, preloaded into factsheet (LD_PRELOAD): open refuses
 * O_TMPFILE with EOPNOTSUPP, as vfat and NFS do, so that the signal tests
 * reach the named temporaries such file systems get. Everything else goes
 * to the next open (the sanitizer's, or the C library's). */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <sys/types.h>

typedef int open_function(const char *path, int flags, ...);

static int refuse_or_open(const char *name, const char *path, int flags, va_list args)
{
    mode_t mode =
        (flags & O_CREAT) || (flags & O_TMPFILE) == O_TMPFILE ? (mode_t)va_arg(args, int) : 0;
    if ((flags & O_TMPFILE) == O_TMPFILE) {
        errno = EOPNOTSUPP;
        return -1;
    }
    open_function *next = (open_function *)dlsym(RTLD_NEXT, name);
    return next(path, flags, mode);
}

int open(const char *path, int flags, ...);
int open64(const char *path, int flags, ...);

int open(const char *path, int flags, ...)
{
    va_list args;
    va_start(args, flags);
    int fd = refuse_or_open("open", path, flags, args);
    va_end(args);
    return fd;
}

int open64(const char *path, int flags, ...)
{
    va_list args;
    va_start(args, flags);
    int fd = refuse_or_open("open64", path, flags, args);
    va_end(args);
    return fd;
}
