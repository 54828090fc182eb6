/* A growable byte buffer for building strings (markup, paths, messages).
 * The buffer owns its memory; fs_buf_free releases it. After an allocation
 * failure the buffer is marked failed and later appends do nothing, so
 * callers check fs_buf_ok once at the end instead of after every append. */
#ifndef FS_BUF_H
#define FS_BUF_H

#include <stdbool.h>
#include <stddef.h>

typedef struct {
    char *data; /* always NUL-terminated once anything was appended */
    size_t length;
    size_t capacity;
    bool failed;
} fs_buf;

void fs_buf_free(fs_buf *buf);
void fs_buf_clear(fs_buf *buf);
void fs_buf_append(fs_buf *buf, const char *bytes, size_t length);
void fs_buf_puts(fs_buf *buf, const char *text);
void fs_buf_putc(fs_buf *buf, char c);
void fs_buf_printf(fs_buf *buf, const char *format, ...) __attribute__((format(printf, 2, 3)));

/* Appends text with the five characters that are special in pango markup
 * (and XML) escaped, so data is never read as markup. */
void fs_buf_put_escaped(fs_buf *buf, const char *text, size_t length);

/* The contents ("" when empty). Valid until the next change. */
const char *fs_buf_str(const fs_buf *buf);
bool fs_buf_ok(const fs_buf *buf);

#endif
