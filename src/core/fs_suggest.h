/* "Did you mean" suggestions for misspelt keys, columns and icon names. */
#ifndef FS_SUGGEST_H
#define FS_SUGGEST_H

#include <stddef.h>

/* Writes into best[0..wanted) the candidates closest to word by edit
 * distance (case-insensitive), nearest first, skipping any that differ in
 * more than about a third of their letters. Returns how many were written. */
size_t fs_suggest(const char *word, const char *const *candidates, size_t count,
                  const char **best, size_t wanted);

#endif
