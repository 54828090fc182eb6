/* Text templates with placeholders in the ICU MessageFormat syntax that
 * translation tools know: literal text and `{name}`, `{table.column}`,
 * `{value, number}`, `{value, number, integer|percent|compact}`,
 * `{date, date, short|medium|long|month}`. An apostrophe quotes a brace
 * (`'{'` is a literal brace, `''` an apostrophe), as in ICU; any other
 * apostrophe is literal ("CARE's"). Parsed once per run at load. */
#ifndef FS_TEMPLATE_H
#define FS_TEMPLATE_H

#include <stdbool.h>
#include <stddef.h>

#include "core/fs_arena.h"
#include "core/fs_diag.h"

typedef enum {
    FS_FORMAT_DEFAULT, /* numbers formatted for the language, text as is */
    FS_FORMAT_NUMBER,
    FS_FORMAT_INTEGER,
    FS_FORMAT_PERCENT,
    FS_FORMAT_COMPACT,
    FS_FORMAT_DATE_SHORT,
    FS_FORMAT_DATE_MEDIUM,
    FS_FORMAT_DATE_LONG,
    FS_FORMAT_DATE_MONTH
} fs_format;

typedef struct {
    bool is_field;
    const char *text;   /* literal text, or the placeholder name as written */
    const char *table;  /* "programme" of {programme.title}; NULL for {title} */
    const char *column; /* "title" */
    fs_format format;
    fs_pos pos;         /* where the placeholder starts */
} fs_segment;

typedef struct {
    const char *source;
    fs_segment *segments;
    size_t count;
    bool has_fields;
} fs_template;

/* Parses source into a template in arena. pos is where source starts, so
 * errors point into the layout file. NULL with an error appended when a
 * brace is unbalanced, a name is empty or a format is unknown. */
fs_template *fs_template_parse(const char *source, fs_pos pos, fs_arena *arena,
                               fs_diags *diags);

#endif
