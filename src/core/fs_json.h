/* JSON text for reports and the preview's answers: strings escaped so that
 * any bytes (a cell holding an escape sequence or a cut UTF-8 character)
 * give valid JSON. */
#ifndef FS_JSON_H
#define FS_JSON_H

#include <stddef.h>

#include "core/fs_buf.h"
#include "core/fs_diag.h"

/* Appends text as a JSON string, or null when text is NULL: quotes and
 * backslashes escaped, control characters as \u00XX, well-formed UTF-8 as
 * it is, each byte that is not part of one as U+FFFD. */
void fs_json_string(fs_buf *out, const char *text);

/* Appends value, or null when it is 0 or less (a line or column unknown). */
void fs_json_int_or_null(fs_buf *out, long long value);

/* Appends the diagnostics from..to as a JSON array, one per line so that a
 * line of a report is one problem, each line starting with indent:
 * severity, kind, file, line, column, message, hint. */
void fs_json_diags(fs_buf *out, const fs_diags *found, size_t from, size_t to, const char *indent);

#endif
