/* The built-in icon names: the Material Icons ligature names and their
 * code points, read once per run from the codepoint list that ships with
 * the font's Debian package. */
#ifndef FS_ICONS_H
#define FS_ICONS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/fs_arena.h"
#include "core/fs_diag.h"

typedef struct fs_icons fs_icons;

/* The list in fonts-material-design-icons-iconfont (Debian 12). */
#define FS_MATERIAL_CODEPOINTS                                                                     \
    "/usr/share/fonts-material-design-icons-iconfont/scss/_variables.scss"

/* Reads the `"name": hex,` lines of the codepoint list at path into arena.
 * NULL with an error appended when it is unreadable or holds no icon. */
fs_icons *fs_icons_load(const char *path, fs_arena *arena, fs_diags *diags);

/* The code point of a name; false when there is no such icon. */
bool fs_icons_find(const fs_icons *icons, const char *name, uint32_t *codepoint);

/* Up to wanted names nearest to an unknown name, nearest first. */
size_t fs_icons_suggest(const fs_icons *icons, const char *name, const char **best, size_t wanted);

size_t fs_icons_count(const fs_icons *icons);
const char *fs_icons_name(const fs_icons *icons, size_t i);

#endif
