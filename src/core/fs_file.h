/* Reading a whole file, the one way every loader does it: a regular file
 * only (a folder, a device or a FIFO is refused, never waited on), at most
 * as large as the caller allows (files come from folders no one checked),
 * into memory. */
#ifndef FS_FILE_H
#define FS_FILE_H

#include <stddef.h>

#include "core/fs_diag.h"

typedef enum {
    FS_FILE_READ,        /* read whole */
    FS_FILE_CANNOT_OPEN, /* error says why: ENOENT, EACCES, ... */
    FS_FILE_NOT_REGULAR, /* a folder (error is EISDIR), a device, a FIFO */
    FS_FILE_TOO_LARGE,   /* larger than the limit */
    FS_FILE_READ_ERROR,  /* error says why */
    FS_FILE_NO_MEMORY
} fs_file_status;

typedef struct {
    fs_file_status status;
    int error;        /* the errno value behind status; 0 when there is none */
    const char *path; /* as given */
    char *bytes;      /* FS_FILE_READ only: NUL-terminated; the caller frees it (free) */
    size_t length;    /* of bytes, without the NUL; when too large, the size found */
} fs_file;

/* Reads the file at path, of at most limit bytes. The result says how it
 * went; bytes is set only when it was read whole. */
fs_file fs_file_read(const char *path, size_t limit);

/* Why a read failed, in words: "No such file or directory", "Is a
 * directory", "not a regular file", ... */
const char *fs_file_reason(const fs_file *file);

/* Appends the error of a failed read at its path, "cannot read: REASON",
 * with hint when the path names no file that can be read (NULL: "check
 * the path and the file's permissions"); a read or memory error gets a
 * hint of its own. A file too large is the caller's to report: it knows
 * what the limit is for. */
void fs_file_report(const fs_file *file, const char *hint, fs_diags *diags);

#endif
