#include "fs_buf.h"

#include "core/fs_grow.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void fs_buf_free(fs_buf *buf)
{
    free(buf->data);
    *buf = (fs_buf){0};
}

void fs_buf_clear(fs_buf *buf)
{
    buf->length = 0;
    buf->failed = false;
    if (buf->data)
        buf->data[0] = '\0';
}

static bool reserve(fs_buf *buf, size_t extra)
{
    if (buf->failed)
        return false;
    if (extra >= SIZE_MAX - buf->length) {
        buf->failed = true;
        return false;
    }
    char *data = fs_heap_reserve(buf->data, buf->length + extra + 1, &buf->capacity, 1);
    if (!data) {
        buf->failed = true;
        return false;
    }
    buf->data = data;
    return true;
}

void fs_buf_append(fs_buf *buf, const char *bytes, size_t length)
{
    if (!reserve(buf, length))
        return;
    if (length) /* bytes may be NULL then (an empty buffer's data) */
        memcpy(buf->data + buf->length, bytes, length);
    buf->length += length;
    buf->data[buf->length] = '\0';
}

void fs_buf_puts(fs_buf *buf, const char *text)
{
    fs_buf_append(buf, text, strlen(text));
}

void fs_buf_putc(fs_buf *buf, char c)
{
    fs_buf_append(buf, &c, 1);
}

void fs_buf_printf(fs_buf *buf, const char *format, ...)
{
    va_list args;
    va_start(args, format);
    int length = vsnprintf(NULL, 0, format, args);
    va_end(args);
    if (length < 0 || !reserve(buf, (size_t)length))
        return;
    va_start(args, format);
    vsnprintf(buf->data + buf->length, (size_t)length + 1, format, args);
    va_end(args);
    buf->length += (size_t)length;
}

void fs_buf_put_escaped(fs_buf *buf, const char *text, size_t length)
{
    size_t start = 0;
    for (size_t i = 0; i < length; i++) {
        const char *entity = NULL;
        switch (text[i]) {
        case '&':
            entity = "&amp;";
            break;
        case '<':
            entity = "&lt;";
            break;
        case '>':
            entity = "&gt;";
            break;
        case '"':
            entity = "&quot;";
            break;
        case '\'':
            entity = "&apos;";
            break;
        default:
            continue;
        }
        fs_buf_append(buf, text + start, i - start);
        fs_buf_puts(buf, entity);
        start = i + 1;
    }
    fs_buf_append(buf, text + start, length - start);
}

const char *fs_buf_str(const fs_buf *buf)
{
    return buf->data ? buf->data : "";
}

bool fs_buf_ok(const fs_buf *buf)
{
    return !buf->failed;
}
