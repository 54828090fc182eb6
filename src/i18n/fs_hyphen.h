/* Hyphenation: where a word may break, from libhyphen and the pattern
 * dictionaries Debian ships (hyphen-fr, hyphen-en-us: LibreOffice's, in
 * /usr/share/hyphen). A break is written as a soft hyphen (U+00AD): pango
 * breaks a line there only when it must, and then draws a hyphen; elsewhere
 * the soft hyphen prints nothing. One fs_hyphen is loaded per language per
 * run and shared by every document; hyphenating only reads it, so threads
 * may share it. */
#ifndef FS_HYPHEN_H
#define FS_HYPHEN_H

#include <stdbool.h>
#include <stddef.h>

#include "core/fs_buf.h"
#include "core/fs_diag.h"

/* Letters a break leaves on either side of it, at least: "or-ganisation"
 * but never "a-gency", "organisa-tions" but never "organisatio-ns"; and
 * the letters of the shortest word hyphenated, as page-layout programs
 * default to (a break in "for-més" or "ta-ble" reads worse than a
 * shorter line). */
enum { FS_HYPHEN_BEFORE = 2, FS_HYPHEN_AFTER = 3, FS_HYPHEN_MIN_WORD = 7 };

#define FS_SOFT_HYPHEN "\xc2\xad" /* U+00AD */

typedef struct fs_hyphen fs_hyphen;

/* Loads the patterns of lang ("fr", "fr-CA", "en_US") from dir
 * (/usr/share/hyphen when NULL): hyph_LL_RR.dic for a tag with a region,
 * else or then hyph_LL.dic. NULL when there is none, with a warning naming
 * the file and the Debian package to install (words are then not
 * hyphenated); NULL with an error when out of memory. The caller frees it
 * with fs_hyphen_free. */
fs_hyphen *fs_hyphen_load(const char *lang, const char *dir, fs_diags *diags);
void fs_hyphen_free(fs_hyphen *hyphen);

/* Appends word[0..length) to out with a soft hyphen at each break the
 * patterns allow, FS_HYPHEN_BEFORE letters from its start and
 * FS_HYPHEN_AFTER from its end at least. word is one word of letters
 * (UTF-8, any case): the caller leaves out what must not be hyphenated
 * (numbers, codes, capitals, URLs). A word the patterns do not know, one
 * of fewer than FS_HYPHEN_MIN_WORD letters, or one longer than
 * FS_HYPHEN_MAX_WORD bytes is copied as it is. */
enum { FS_HYPHEN_MAX_WORD = 200 };
void fs_hyphen_word(const fs_hyphen *hyphen, const char *word, size_t length, fs_buf *out);

#endif
