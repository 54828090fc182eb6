/* JSON text for reports and the preview's answers: strings escaped so that
 * any bytes (a cell holding an escape sequence or a cut UTF-8 character)
 * give valid JSON. */
#ifndef FS_JSON_H
#define FS_JSON_H

#include "core/fs_buf.h"

/* Appends text as a JSON string, or null when text is NULL: quotes and
 * backslashes escaped, control characters as \u00XX, well-formed UTF-8 as
 * it is, each byte that is not part of one as U+FFFD. */
void fs_json_string(fs_buf *out, const char *text);

#endif
