/* factsheet: CSV result tables to print-ready PDF and PNG briefs. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/fs_cli.h"

static const char usage[] =
    "Usage: factsheet COMMAND [OPTIONS]\n"
    "\n"
    "Turns CSV result tables into print-ready PDF and PNG briefs.\n"
    "\n"
    "Commands:\n"
    "  render LAYOUT DATA_DIR -o FILE   render a factsheet (.pdf, .png or .svg)\n"
    "  extract LAYOUT DATA_DIR -o FILE.pot\n"
    "                                   write the texts to translate, for gettext tools\n"
    "  check LAYOUT DATA_DIR            report what would be wrong on the page, in every\n"
    "                                   language, without rendering (--format json)\n"
    "  serve LAYOUT DATA_DIR            show the pages in a web browser, drawn again at\n"
    "                                   every save, with check's problems beside them\n"
    "  tables DATA_DIR                  show what is read in the CSV tables: types,\n"
    "                                   HXL tags, missing values, rows, problems\n"
    "  icons [WORD]                     list the built-in icon names\n"
    "\n"
    "Options:\n"
    "  -h, --help      show this help (factsheet COMMAND --help for a command's)\n"
    "  -V, --version   show the version and the folder of the installed layouts\n"
    "\n"
    "Examples:\n"
    "  factsheet render layouts/brief data/pfr-mali --lang en,fr -o 'out/pfr-mali-{lang}.pdf'\n"
    "  factsheet render layouts/country data/country-offices --each country --lang en,fr \\\n"
    "      -o 'out/{country}-{lang}.pdf'\n"
    "  factsheet extract layouts/brief data/pfr-mali -o brief.pot\n"
    "  factsheet check layouts/brief data/pfr-mali --lang en,fr\n"
    "  factsheet serve layouts/brief data/pfr-mali --lang en,fr\n"
    "  factsheet tables data/pfr-mali --format json\n"
    "\n"
    "Exit status: 0 done, 1 a render failed (check: problems found), 2 bad input or\n"
    "usage.\n"
    "The user's guide is README.md; the layout format is layouts/README.md.\n";

/* factsheet never calls setlocale: the C library stays in the "C" locale, so
 * strtod, printf and the ctype functions read and write numbers and names the
 * same for every user, whatever LANG says. Languages come from ICU, always
 * with an explicit locale ID, and dates are UTC: no output depends on the
 * caller's locale or time zone (tests/env/check-environment). */
int main(int argc, char **argv)
{
    if (argc < 2) {
        fputs(usage, stderr);
        return FS_EXIT_USAGE;
    }
    const char *command = argv[1];
    if (strcmp(command, "-h") == 0 || strcmp(command, "--help") == 0) {
        fputs(usage, stdout);
        return FS_EXIT_OK;
    }
    if (strcmp(command, "-V") == 0 || strcmp(command, "--version") == 0) {
        /* The folder the installed layouts and fonts are read from, so that
         * an install can be checked against the folder it filled. */
        char *owned;
        printf("factsheet %s\nlayouts and fonts: %s\n", FS_VERSION, fs_cli_datadir(&owned));
        free(owned);
        return FS_EXIT_OK;
    }
    if (strcmp(command, "render") == 0)
        return fs_cli_render(argc - 1, argv + 1);
    if (strcmp(command, "extract") == 0)
        return fs_cli_extract(argc - 1, argv + 1);
    if (strcmp(command, "icons") == 0)
        return fs_cli_icons(argc - 1, argv + 1);
    if (strcmp(command, "check") == 0)
        return fs_cli_check(argc - 1, argv + 1);
    if (strcmp(command, "serve") == 0)
        return fs_cli_serve(argc - 1, argv + 1);
    if (strcmp(command, "tables") == 0)
        return fs_cli_tables(argc - 1, argv + 1);
    fprintf(stderr,
            "factsheet: error: unknown command '%s'\n  hint: commands: render, extract, check, "
            "serve, tables, icons; see factsheet --help\n",
            command);
    return FS_EXIT_USAGE;
}
