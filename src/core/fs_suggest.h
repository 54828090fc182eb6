/* "Did you mean" suggestions for misspelt keys, columns and icon names. */
#ifndef FS_SUGGEST_H
#define FS_SUGGEST_H

#include <stddef.h>

#include "core/fs_buf.h"

/* Writes into best[0..wanted) the candidates closest to word by edit
 * distance (case-insensitive), nearest first, skipping any that differ in
 * more than about a third of their letters. Returns how many were written. */
size_t fs_suggest(const char *word, const char *const *candidates, size_t count, const char **best,
                  size_t wanted);

/* Appends the usual hint for an unknown word to hint: "did you mean 'x'? "
 * when one is close, then intro and the valid words, comma-separated (at
 * most 40). */
void fs_suggest_hint(fs_buf *hint, const char *word, const char *const *names, size_t count,
                     const char *intro);

#endif
