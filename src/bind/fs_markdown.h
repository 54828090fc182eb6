/* Markdown glue: text written in the layout or the data, parsed by cmark,
 * turned into pango markup paragraphs. Everything that is not markup in the
 * Markdown sense is escaped, so data is never read as pango markup. */
#ifndef FS_MARKDOWN_H
#define FS_MARKDOWN_H

#include <stdbool.h>
#include <stddef.h>

#include "core/fs_arena.h"
#include "core/fs_buf.h"

typedef struct {
    const char **paragraphs; /* pango markup, one per Markdown paragraph */
    size_t count;
} fs_markup;

enum { FS_MARKDOWN_MAX_BYTES = 1024 * 1024 };

/* Converts Markdown source (paragraphs, emphasis, strong, code, links; line
 * breaks) into markup paragraphs in arena, with the typography of lang
 * (fs_typo.h) applied to the text outside code. Block structures this stage does
 * not draw (headings, lists, quotes) keep their text as plain paragraphs.
 * Quotes and dashes are made typographic ("CARE's" gives CARE’s). False
 * when out of memory or the source is larger than FS_MARKDOWN_MAX_BYTES. */
bool fs_markdown_to_markup(const char *source, size_t length, const char *lang, fs_arena *arena,
                           fs_markup *out);

/* Appends text to a Markdown source so that it reads literally: every ASCII
 * punctuation character is backslash-escaped, as CommonMark allows. Used for
 * values from data cells, which are never Markdown. */
void fs_markdown_escape(fs_buf *source, const char *text);

#endif
