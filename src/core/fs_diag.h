/* Diagnostics are data: every stage appends what it finds to a list and
 * carries on where it can, so one run reports every bad row, not only the
 * first. Only the command layer prints them, through fs_diag_print. */
#ifndef FS_DIAG_H
#define FS_DIAG_H

#include <stdio.h>
#include <stddef.h>

#include "core/fs_arena.h"

typedef enum { FS_NOTE, FS_WARNING, FS_ERROR } fs_severity;

/* A source position. file is NULL when the problem has no file (a command
 * line option); line and column are 1-based, 0 when unknown. */
typedef struct {
    const char *file;
    int line;
    int column;
} fs_pos;

typedef struct {
    fs_severity severity;
    fs_pos pos;
    const char *message; /* what is wrong and what was expected */
    const char *hint;    /* how to fix it; NULL when there is nothing to add */
    /* What kind of problem, for reports that sort them (factsheet check):
     * one of the FS_KIND_ names below; NULL for any other. */
    const char *kind;
} fs_diag;

/* Kinds of problems a translator or a comms team acts on. */
#define FS_KIND_TRANSLATION "translation" /* missing or fuzzy */
#define FS_KIND_PLACEHOLDER "placeholder" /* names no table, column or row */
#define FS_KIND_EMPTY_CELL  "empty-cell"
#define FS_KIND_MISSING     "missing-value" /* N/A, - or empty in a number column */
#define FS_KIND_EMPTY_TABLE "empty-table"   /* a table the layout reads has no rows */
#define FS_KIND_ICON        "icon"          /* unknown icon name */
#define FS_KIND_IMAGE       "image"         /* missing or bad picture */
#define FS_KIND_OVERFLOW    "overflow"      /* text or a block larger than its room */
#define FS_KIND_SHRUNK      "shrunk"        /* text drawn smaller than its style to fit */
#define FS_KIND_GLYPH       "glyph"         /* a character the font cannot draw */
#define FS_KIND_FALLBACK    "fallback"      /* text drawn by a fallback font the theme names */
#define FS_KIND_UNUSED      "unused-column"
#define FS_KIND_DESIGN      "design" /* small text, low contrast, long lines, ... */

typedef struct fs_diags fs_diags;

/* Creates an empty list; the caller frees it with fs_diags_free. NULL when
 * out of memory. The list owns copies of every string added to it. */
fs_diags *fs_diags_create(void);
void fs_diags_free(fs_diags *diags);

/* Appends a diagnostic. hint may be NULL. When memory runs out the list
 * keeps counting errors, so a failure is never reported as a success. */
void fs_diag_add(fs_diags *diags, fs_severity severity, fs_pos pos, const char *hint,
                 const char *format, ...) __attribute__((format(printf, 5, 6)));

/* fs_diag_add for a problem of a kind (an FS_KIND_ name). */
void fs_diag_add_kind(fs_diags *diags, fs_severity severity, const char *kind, fs_pos pos,
                      const char *hint, const char *format, ...)
    __attribute__((format(printf, 6, 7)));

/* Sets the kind of the diagnostics added since the list held from of them
 * (those that have none yet). kind is a static string. */
void fs_diags_set_kind(fs_diags *diags, size_t from, const char *kind);

/* Shorthands for the two common severities. */
void fs_error(fs_diags *diags, fs_pos pos, const char *hint, const char *format, ...)
    __attribute__((format(printf, 4, 5)));
void fs_warning(fs_diags *diags, fs_pos pos, const char *hint, const char *format, ...)
    __attribute__((format(printf, 4, 5)));

size_t fs_diags_count(const fs_diags *diags);
size_t fs_diags_errors(const fs_diags *diags);
size_t fs_diags_warnings(const fs_diags *diags);

/* The i-th diagnostic, valid until the list is freed. */
const fs_diag *fs_diags_at(const fs_diags *diags, size_t i);

/* Forgets every diagnostic, keeping the memory for the next ones. */
void fs_diags_clear(fs_diags *diags);

/* Moves every diagnostic of from to the end of into, leaving from empty. */
void fs_diags_take(fs_diags *into, fs_diags *from);

/* Writes one diagnostic as `file:line:col: error: message`, then an indented
 * `hint:` line when there is a hint. */
void fs_diag_print(const fs_diag *diag, FILE *out);

/* Position helper. */
static inline fs_pos fs_pos_at(const char *file, int line, int column)
{
    fs_pos pos = {file, line, column};
    return pos;
}

/* text as it can be shown in a message on a terminal: control characters
 * (an escape sequence in a data cell) written as \\xHH. In arena (or text
 * itself when memory runs out). */
const char *fs_diag_printable(const char *text, fs_arena *arena);

#endif
