/* The preview's page: its HTML, script and style sheet, compiled into the
 * program from src/serve/page/. Compiled in rather than installed, so the
 * page always matches the server that answers it, and so the server has no
 * folder of files to serve at all: there is no path it could be tricked
 * into reading. */
#ifndef FS_ASSETS_H
#define FS_ASSETS_H

#include <stddef.h>

typedef struct {
    const char *bytes;
    size_t length;
    const char *type; /* its Content-Type */
} fs_asset;

/* The assets, static for the life of the process. */
fs_asset fs_asset_page(void);
fs_asset fs_asset_script(void);
fs_asset fs_asset_style(void);
fs_asset fs_asset_icon(void);

#endif
