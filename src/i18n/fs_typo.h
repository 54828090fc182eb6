/* Typography of a language applied to text before it reaches the page.
 * French: a narrow no-break space (U+202F) before ; ! ? and %, and inside
 * guillemets (« and »), a no-break space (U+00A0) before a colon; never
 * inside URLs, e-mail addresses, times (10:30) or numbers. Applying it twice
 * gives the same text. Other languages are copied unchanged. */
#ifndef FS_TYPO_H
#define FS_TYPO_H

#include <stddef.h>

#include "core/fs_buf.h"

/* Appends text[0..length) to out with the typography of lang ("fr",
 * "fr-CA", ...) applied. Text must be UTF-8. */
void fs_typo_apply(const char *lang, const char *text, size_t length, fs_buf *out);

/* Appends text to out with each ASCII apostrophe that stands between two
 * letters (don't, l'eau, women's) written as the typographic one, U+2019,
 * in every language. For texts from data cells, which are never Markdown and
 * so never get cmark's smart punctuation; quotes used as quotation marks
 * are left alone. */
void fs_typo_apostrophes(const char *text, fs_buf *out);

/* Appends text to out with a zero-width space (U+200B, a line-break
 * opportunity that prints nothing) after every 30 characters of a run of
 * more than 40 without a space: a long URL or a pasted hash can then wrap
 * inside its box instead of running past it, and a word of 100,000
 * characters is laid out in time linear in its length. */
void fs_typo_break_long_words(const char *text, fs_buf *out);

#endif
