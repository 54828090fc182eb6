#include "fs_icons.h"

#include <stdlib.h>
#include <string.h>

#include "core/fs_file.h"
#include "core/fs_grow.h"
#include "core/fs_suggest.h"

typedef struct {
    const char *name;
    uint32_t codepoint;
} fs_icon;

struct fs_icons {
    fs_icon *items;
    const char **names;
    size_t count;
};

static int by_name(const void *a, const void *b)
{
    return strcmp(((const fs_icon *)a)->name, ((const fs_icon *)b)->name);
}

/* Parses one line of the form `	"water_drop": e798,`. */
static bool parse_line(const char *line, fs_arena *arena, fs_icon *out)
{
    const char *open = strchr(line, '"');
    const char *close = open ? strchr(open + 1, '"') : NULL;
    if (!close || close == open + 1 || close[1] != ':')
        return false;
    char *end;
    unsigned long codepoint = strtoul(close + 2, &end, 16);
    if (end == close + 2 || codepoint == 0 || codepoint > 0x10FFFF)
        return false;
    out->name = fs_arena_strndup(arena, open + 1, (size_t)(close - open - 1));
    out->codepoint = (uint32_t)codepoint;
    return out->name != NULL;
}

/* The codepoint list is 50 KiB; a file far larger is not one. */
enum { FS_ICONS_MAX_BYTES = 16 * 1024 * 1024 };

fs_icons *fs_icons_load(const char *path, fs_arena *arena, fs_diags *diags)
{
    fs_file file = fs_file_read(path, FS_ICONS_MAX_BYTES);
    if (file.status != FS_FILE_READ) {
        fs_error(diags, fs_pos_at(path, 0, 0),
                 "install the Debian package fonts-material-design-icons-iconfont (make deps)",
                 "cannot read the icon list: %s", fs_file_reason(&file));
        return NULL;
    }
    fs_icons *icons = fs_arena_alloc(arena, sizeof *icons);
    size_t capacity = 0;
    bool ok = icons != NULL;
    for (char *line = file.bytes; ok && *line;) {
        char *end = strchr(line, '\n');
        if (end)
            *end = '\0';
        fs_icon icon;
        if (parse_line(line, arena, &icon)) {
            icons->items = fs_arena_reserve(arena, icons->items, icons->count, icons->count + 1,
                                            &capacity, sizeof *icons->items);
            ok = icons->items != NULL;
            if (ok)
                icons->items[icons->count++] = icon;
        }
        line = end ? end + 1 : line + strlen(line);
    }
    free(file.bytes);
    if (ok && icons->count == 0) {
        fs_error(diags, fs_pos_at(path, 0, 0), "reinstall fonts-material-design-icons-iconfont",
                 "the icon list has no icons");
        return NULL;
    }
    if (!ok)
        return NULL;
    qsort(icons->items, icons->count, sizeof(fs_icon), by_name);
    icons->names = fs_arena_array(arena, icons->count, sizeof(char *));
    if (!icons->names)
        return NULL;
    for (size_t i = 0; i < icons->count; i++)
        icons->names[i] = icons->items[i].name;
    return icons;
}

bool fs_icons_find(const fs_icons *icons, const char *name, uint32_t *codepoint)
{
    fs_icon key = {name, 0};
    const fs_icon *found = bsearch(&key, icons->items, icons->count, sizeof(fs_icon), by_name);
    if (found)
        *codepoint = found->codepoint;
    return found != NULL;
}

size_t fs_icons_suggest(const fs_icons *icons, const char *name, const char **best, size_t wanted)
{
    return fs_suggest(name, icons->names, icons->count, best, wanted);
}

size_t fs_icons_count(const fs_icons *icons)
{
    return icons->count;
}

const char *fs_icons_name(const fs_icons *icons, size_t i)
{
    return icons->names[i];
}
