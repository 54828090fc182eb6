#include "fs_suggest.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

enum { FS_SUGGEST_MAX_LENGTH = 64 };

/* Levenshtein distance over bytes, two rows; words longer than the cap are
 * never close to anything a user meant. */
static size_t distance(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    if (la > FS_SUGGEST_MAX_LENGTH || lb > FS_SUGGEST_MAX_LENGTH)
        return (size_t)-1;
    size_t previous[FS_SUGGEST_MAX_LENGTH + 1], current[FS_SUGGEST_MAX_LENGTH + 1];
    for (size_t j = 0; j <= lb; j++)
        previous[j] = j;
    for (size_t i = 1; i <= la; i++) {
        current[0] = i;
        for (size_t j = 1; j <= lb; j++) {
            size_t cost = tolower((unsigned char)a[i - 1]) != tolower((unsigned char)b[j - 1]);
            size_t best = previous[j - 1] + cost;
            if (previous[j] + 1 < best)
                best = previous[j] + 1;
            if (current[j - 1] + 1 < best)
                best = current[j - 1] + 1;
            current[j] = best;
        }
        memcpy(previous, current, (lb + 1) * sizeof(size_t));
    }
    return previous[lb];
}

size_t fs_suggest(const char *word, const char *const *candidates, size_t count, const char **best,
                  size_t wanted)
{
    size_t found = 0;
    size_t scores[8];
    if (wanted > 8)
        wanted = 8;
    size_t limit = strlen(word) / 3 + 1;
    for (size_t i = 0; i < count; i++) {
        size_t score = distance(word, candidates[i]);
        /* A candidate that starts with the word is a likely completion. */
        if (score > limit && strncmp(candidates[i], word, strlen(word)) == 0 && strlen(word) >= 3)
            score = limit;
        if (score > limit)
            continue;
        size_t at = found < wanted ? found : wanted;
        while (at > 0 && scores[at - 1] > score)
            at--;
        if (at >= wanted)
            continue;
        size_t last = found < wanted ? found : wanted - 1;
        for (size_t k = last; k > at; k--) {
            best[k] = best[k - 1];
            scores[k] = scores[k - 1];
        }
        best[at] = candidates[i];
        scores[at] = score;
        if (found < wanted)
            found++;
    }
    return found;
}

void fs_suggest_hint(fs_buf *hint, const char *word, const char *const *names, size_t count,
                     const char *intro)
{
    const char *best;
    if (fs_suggest(word, names, count, &best, 1))
        fs_buf_printf(hint, "did you mean '%s'? ", best);
    fs_buf_puts(hint, intro);
    for (size_t i = 0; i < count && i < 40; i++)
        fs_buf_printf(hint, "%s%s", i ? ", " : "", names[i]);
}
