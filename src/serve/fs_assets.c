#include "fs_assets.h"

/* Each file of src/serve/page/ as bytes in the program, with a symbol at
 * its start and one at its end: the assembler's .incbin reads the file at
 * build time (paths from the top of the tree, where make runs; the Makefile
 * rebuilds this file when a page file changes). C17 has no #embed. */
#define EMBED(name, path)                                                                          \
    __asm__(".section .rodata\n"                                                                   \
            ".global fs_embedded_" #name "\n"                                                      \
            ".global fs_embedded_" #name "_end\n"                                                  \
            "fs_embedded_" #name ":\n"                                                             \
            ".incbin \"" path "\"\n"                                                               \
            "fs_embedded_" #name "_end:\n"                                                         \
            ".byte 0\n"                                                                            \
            ".previous\n");                                                                        \
    extern const char fs_embedded_##name[], fs_embedded_##name##_end[];

EMBED(page, "src/serve/page/index.html")
EMBED(script, "src/serve/page/app.js")
EMBED(style, "src/serve/page/app.css")
EMBED(icon, "src/serve/page/favicon.svg")

static fs_asset asset(const char *start, const char *end, const char *type)
{
    return (fs_asset){start, (size_t)(end - start), type};
}

fs_asset fs_asset_page(void)
{
    return asset(fs_embedded_page, fs_embedded_page_end, "text/html; charset=utf-8");
}

fs_asset fs_asset_script(void)
{
    return asset(fs_embedded_script, fs_embedded_script_end, "text/javascript; charset=utf-8");
}

fs_asset fs_asset_style(void)
{
    return asset(fs_embedded_style, fs_embedded_style_end, "text/css; charset=utf-8");
}

fs_asset fs_asset_icon(void)
{
    return asset(fs_embedded_icon, fs_embedded_icon_end, "image/svg+xml");
}
