/* Texts compared as file systems that ignore case or Unicode normalisation
 * compare them: macOS (APFS, HFS+) takes "Côte" written with a precomposed
 * ô (NFC) and with o + combining circumflex (NFD) for one name, and macOS
 * and Windows take "MALI.pdf" and "mali.pdf" for one file. */
#ifndef FS_FOLD_H
#define FS_FOLD_H

#include <stdbool.h>

#include "core/fs_arena.h"

/* The form of text that Unicode's canonical caseless match compares
 * (Unicode 3.13, D145): NFD(casefold(NFD(text))) with full case folding, so
 * that "Straße" and "STRASSE" match; with caseless false, NFD(text) alone
 * (canonical equivalence: only the encoding of accents differs). Two texts
 * match when their forms are the same bytes. UTF-8 in arena; NULL when text
 * is not UTF-8 or memory runs out. */
const char *fs_fold(const char *text, bool caseless, fs_arena *arena);

#endif
