#include "fs_diag.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "core/fs_alloc.h"
#include "core/fs_grow.h"
#include "core/fs_buf.h"
#include "fs_arena.h"

struct fs_diags {
    fs_arena *arena;
    fs_diag *items;
    size_t count;
    size_t capacity;
    size_t errors;
    size_t warnings;
};

fs_diags *fs_diags_create(void)
{
    fs_diags *diags = fs_calloc(1, sizeof(*diags));
    if (!diags)
        return NULL;
    diags->arena = fs_arena_create();
    if (!diags->arena) {
        free(diags);
        return NULL;
    }
    return diags;
}

void fs_diags_free(fs_diags *diags)
{
    if (!diags)
        return;
    fs_arena_free(diags->arena);
    free(diags);
}

static void append(fs_diags *diags, const fs_diag *diag)
{
    if (diag->severity == FS_ERROR)
        diags->errors++;
    else if (diag->severity == FS_WARNING)
        diags->warnings++;
    fs_diag *items = fs_arena_reserve(diags->arena, diags->items, diags->count, diags->count + 1,
                                      &diags->capacity, sizeof *items);
    if (!items)
        return;
    diags->items = items;
    fs_diag copy = *diag;
    copy.pos.file = diag->pos.file ? fs_arena_strdup(diags->arena, diag->pos.file) : NULL;
    copy.hint = diag->hint ? fs_arena_strdup(diags->arena, diag->hint) : NULL;
    copy.message = fs_arena_strdup(diags->arena, diag->message ? diag->message : "");
    if (!copy.message)
        copy.message = "out of memory while reporting a problem";
    diags->items[diags->count++] = copy;
}

static void add_v(fs_diags *diags, fs_severity severity, fs_pos pos, const char *hint,
                  const char *format, va_list args);

void fs_diag_add_kind(fs_diags *diags, fs_severity severity, const char *kind, fs_pos pos,
                      const char *hint, const char *format, ...)
{
    size_t from = diags->count;
    va_list args;
    va_start(args, format);
    add_v(diags, severity, pos, hint, format, args);
    va_end(args);
    fs_diags_set_kind(diags, from, kind);
}

void fs_diags_set_kind(fs_diags *diags, size_t from, const char *kind)
{
    for (size_t i = from; i < diags->count; i++)
        if (!diags->items[i].kind)
            diags->items[i].kind = kind;
}

static void add_v(fs_diags *diags, fs_severity severity, fs_pos pos, const char *hint,
                  const char *format, va_list args)
{
    char message[1024];
    vsnprintf(message, sizeof message, format, args);
    fs_diag diag = {severity, pos, message, hint, NULL};
    append(diags, &diag);
}

void fs_diag_add(fs_diags *diags, fs_severity severity, fs_pos pos, const char *hint,
                 const char *format, ...)
{
    va_list args;
    va_start(args, format);
    add_v(diags, severity, pos, hint, format, args);
    va_end(args);
}

void fs_error(fs_diags *diags, fs_pos pos, const char *hint, const char *format, ...)
{
    va_list args;
    va_start(args, format);
    add_v(diags, FS_ERROR, pos, hint, format, args);
    va_end(args);
}

void fs_warning(fs_diags *diags, fs_pos pos, const char *hint, const char *format, ...)
{
    va_list args;
    va_start(args, format);
    add_v(diags, FS_WARNING, pos, hint, format, args);
    va_end(args);
}

size_t fs_diags_count(const fs_diags *diags)
{
    return diags->count;
}

size_t fs_diags_errors(const fs_diags *diags)
{
    return diags->errors;
}

size_t fs_diags_warnings(const fs_diags *diags)
{
    return diags->warnings;
}

const fs_diag *fs_diags_at(const fs_diags *diags, size_t i)
{
    return i < diags->count ? &diags->items[i] : NULL;
}

void fs_diags_clear(fs_diags *diags)
{
    fs_arena_reset(diags->arena);
    diags->items = NULL;
    diags->count = diags->capacity = diags->errors = diags->warnings = 0;
}

void fs_diags_take(fs_diags *into, fs_diags *from)
{
    for (size_t i = 0; i < from->count; i++)
        append(into, &from->items[i]);
    fs_diags_clear(from);
}

/* Writes text with control characters as \xHH: messages quote data cells
 * and file names, and an escape sequence in a cell must not reach the
 * user's terminal. */
static void put_printable(const char *text, FILE *out)
{
    for (const unsigned char *c = (const unsigned char *)text; *c; c++) {
        if (*c < 0x20 || *c == 0x7f)
            fprintf(out, "\\x%02X", *c);
        else
            fputc(*c, out);
    }
}

void fs_diag_print(const fs_diag *diag, FILE *out)
{
    static const char *const names[] = {"note", "warning", "error"};
    if (diag->pos.file) {
        put_printable(diag->pos.file, out);
        if (diag->pos.line > 0) {
            fprintf(out, ":%d", diag->pos.line);
            if (diag->pos.column > 0)
                fprintf(out, ":%d", diag->pos.column);
        }
        fputs(": ", out);
    } else {
        fputs("factsheet: ", out);
    }
    fprintf(out, "%s: ", names[diag->severity]);
    put_printable(diag->message, out);
    fputc('\n', out);
    if (diag->hint) {
        fputs("  hint: ", out);
        put_printable(diag->hint, out);
        fputc('\n', out);
    }
}

const char *fs_diag_printable(const char *text, fs_arena *arena)
{
    fs_buf shown = {0};
    for (const unsigned char *c = (const unsigned char *)text; *c; c++) {
        if (*c < 0x20 || *c == 0x7f)
            fs_buf_printf(&shown, "\\x%02X", *c);
        else
            fs_buf_putc(&shown, (char)*c);
    }
    const char *result = fs_buf_ok(&shown) ? fs_arena_strdup(arena, fs_buf_str(&shown)) : text;
    fs_buf_free(&shown);
    return result;
}
