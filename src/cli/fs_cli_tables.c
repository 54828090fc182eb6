/* factsheet tables: what factsheet reads in a data folder, table by table:
 * the file's encoding and delimiter, the columns with their types, HXL
 * tags and missing values, the first rows and every problem. For users who
 * debug their data, and for the tests, which check exact cells through its
 * JSON. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/fs_cli.h"
#include "core/fs_buf.h"
#include "core/fs_json.h"
#include "i18n/fs_template.h"
#include "load/fs_dataset.h"
#include "load/fs_layout.h"

static const char usage[] =
    "Usage: factsheet tables DATA_DIR [--layout LAYOUT] [--format text|json]\n"
    "                        [--rows N|all]\n"
    "\n"
    "Shows what factsheet reads in the CSV tables of DATA_DIR, without rendering:\n"
    "each table's file, encoding, delimiter and rows; its columns with their\n"
    "types (inferred, or as LAYOUT's 'tables:' declares them), the placeholder\n"
    "that reads each, HXL tags and missing values; its first rows; and every\n"
    "problem found.\n"
    "\n"
    "  DATA_DIR            the folder of CSV tables\n"
    "  -l, --layout LAYOUT also read what LAYOUT declares of the columns (a layout\n"
    "                      folder, or the name of an installed layout)\n"
    "  -f, --format FORMAT text (default), or json: a stable report for scripts\n"
    "  -r, --rows N        the first N rows of each table (default 5); all: every row\n"
    "  -h, --help          show this help\n"
    "\n"
    "Exit status: 0 read with no problem (notes at most); 1 problems found (an\n"
    "error or a warning: a table or some rows could not be read); 2 the folder,\n"
    "the layout or the arguments are bad.\n";

typedef struct {
    const char *data;
    const char *layout;
    bool json;
    size_t rows;
} tables_args;

static int usage_error(const char *message, const char *detail)
{
    return fs_cli_usage_error("tables", message, detail);
}

static int parse_args(int argc, char **argv, tables_args *args)
{
    static const struct option options[] = {{"layout", required_argument, NULL, 'l'},
                                            {"format", required_argument, NULL, 'f'},
                                            {"rows", required_argument, NULL, 'r'},
                                            {"help", no_argument, NULL, 'h'},
                                            {NULL, 0, NULL, 0}};
    *args = (tables_args){.rows = 5};
    opterr = 0;
    optind = 1;
    int option;
    while ((option = getopt_long(argc, argv, ":l:f:r:h", options, NULL)) != -1) {
        switch (option) {
        case 'l':
            args->layout = optarg;
            break;
        case 'f':
            if (strcmp(optarg, "json") == 0)
                args->json = true;
            else if (strcmp(optarg, "text") != 0)
                return usage_error("--format takes text or json, not ", optarg);
            break;
        case 'r': {
            char *end;
            long rows = strtol(optarg, &end, 10);
            if (strcmp(optarg, "all") == 0)
                args->rows = (size_t)-1;
            else if (*end || end == optarg || rows < 0)
                return usage_error("--rows takes a number of rows or all, not ", optarg);
            else
                args->rows = (size_t)rows;
            break;
        }
        case 'h':
            fputs(usage, stdout);
            return -1;
        case ':':
            return usage_error("this option needs a value: ", argv[optind - 1]);
        default:
            return usage_error("unknown option ", argv[optind - 1]);
        }
    }
    if (argc - optind != 1)
        return usage_error("tables takes a DATA_DIR", NULL);
    args->data = argv[optind];
    return FS_EXIT_OK;
}

static const char *delimiter_name(char delimiter)
{
    return delimiter == ';' ? "semicolon" : delimiter == '\t' ? "tab" : "comma";
}

/* The placeholder that reads the column in a repeat: {label},
 * {"Affected 2017"}. */
static char *placeholder_of(const char *name)
{
    fs_buf form = {0};
    fs_buf_putc(&form, '{');
    fs_template_quote_name(name, &form);
    fs_buf_putc(&form, '}');
    char *text = fs_buf_ok(&form) ? strdup(fs_buf_str(&form)) : NULL;
    fs_buf_free(&form);
    return text;
}

/* ---- text ------------------------------------------------------------- */

static void print_table_text(const fs_table *t, size_t rows, fs_arena *arena)
{
    size_t count = fs_table_row_count(t);
    fs_pos hxl = fs_table_hxl_pos(t);
    printf("%s: table %s, %zu row%s, %zu column%s; %s-separated, %s", fs_table_path(t),
           fs_table_name(t), count, count == 1 ? "" : "s", fs_table_column_count(t),
           fs_table_column_count(t) == 1 ? "" : "s", delimiter_name(fs_table_delimiter(t)),
           fs_table_encoding(t));
    if (hxl.line > 0)
        printf("; HXL hashtags at line %d", hxl.line);
    printf("\n");
    for (size_t k = 0; k < fs_table_column_count(t); k++) {
        char *placeholder = placeholder_of(fs_table_column_name(t, k));
        const char *tag = fs_table_column_tag(t, k);
        fs_buf line = {0};
        fs_buf_printf(
            &line, "  %-28s %-8s",
            fs_diag_printable(placeholder ? placeholder : fs_table_column_name(t, k), arena),
            fs_col_type_name(fs_table_column_type(t, k)));
        if (fs_table_column_declared(t, k))
            fs_buf_puts(&line, " (declared)");
        if (tag)
            fs_buf_printf(&line, "  %s", tag);
        if (fs_table_column_missing(t, k))
            fs_buf_printf(&line, "  %zu missing", fs_table_column_missing(t, k));
        if (fs_table_column_type(t, k) == FS_COL_TEXT && !fs_table_column_translated(t, k))
            fs_buf_puts(&line, "  not translated");
        while (line.length > 0 && line.data[line.length - 1] == ' ')
            line.length--;
        printf("%.*s\n", (int)line.length, line.data ? line.data : "");
        fs_buf_free(&line);
        free(placeholder);
    }
    for (size_t r = 0; r < count && r < rows; r++) {
        printf("  line %d:", fs_table_cell_pos(t, r, 0).line);
        for (size_t k = 0; k < fs_table_column_count(t); k++)
            printf("%s%s", k ? " | " : " ", fs_diag_printable(fs_table_cell(t, r, k), arena));
        printf("\n");
    }
    if (count > rows)
        printf("  ... %zu more row%s\n", count - rows, count - rows == 1 ? "" : "s");
}

static void print_diags_text(const fs_diags *diags)
{
    for (size_t i = 0; i < fs_diags_count(diags); i++)
        fs_diag_print(fs_diags_at(diags, i), stdout);
}

/* ---- JSON --------------------------------------------------------------- */

static void json_cell(fs_buf *out, const fs_table *t, size_t r, size_t k, fs_buf *decimal)
{
    fs_pos pos = fs_table_cell_pos(t, r, k);
    fs_buf_puts(out, "{\"text\": ");
    fs_json_string(out, fs_table_cell(t, r, k));
    fs_buf_clear(decimal);
    fs_buf_puts(out, ", \"number\": ");
    fs_json_string(out, fs_table_cell_decimal(t, r, k, decimal) ? fs_buf_str(decimal) : NULL);
    fs_buf_printf(out, ", \"missing\": %s, \"line\": %d, \"column\": %d}",
                  fs_table_cell_missing(t, r, k) ? "true" : "false", pos.line, pos.column);
}

static void json_table(fs_buf *out, const fs_table *t, size_t rows, bool last)
{
    char delimiter[2] = {fs_table_delimiter(t), '\0'};
    fs_buf_puts(out, "    {\"name\": ");
    fs_json_string(out, fs_table_name(t));
    fs_buf_puts(out, ", \"file\": ");
    fs_json_string(out, fs_table_path(t));
    fs_buf_puts(out, ", \"encoding\": ");
    fs_json_string(out, fs_table_encoding(t));
    fs_buf_puts(out, ", \"delimiter\": ");
    fs_json_string(out, delimiter);
    fs_buf_printf(out, ", \"rows\": %zu, \"hxl_line\": ", fs_table_row_count(t));
    fs_json_int_or_null(out, fs_table_hxl_pos(t).line);
    fs_buf_puts(out, ",\n     \"columns\": [\n");
    for (size_t k = 0; k < fs_table_column_count(t); k++) {
        fs_pos pos = fs_table_column_pos(t, k);
        char *placeholder = placeholder_of(fs_table_column_name(t, k));
        fs_buf_puts(out, "       {\"name\": ");
        fs_json_string(out, fs_table_column_name(t, k));
        fs_buf_puts(out, ", \"placeholder\": ");
        fs_json_string(out, placeholder);
        fs_buf_printf(out, ", \"type\": \"%s\", \"declared\": %s, \"translated\": %s, \"tag\": ",
                      fs_col_type_name(fs_table_column_type(t, k)),
                      fs_table_column_declared(t, k) ? "true" : "false",
                      fs_table_column_translated(t, k) ? "true" : "false");
        fs_json_string(out, fs_table_column_tag(t, k));
        fs_buf_puts(out, ", \"hxl\": ");
        fs_json_string(out, fs_table_column_hxl(t, k));
        fs_buf_printf(out, ", \"missing\": %zu, \"line\": %d, \"column\": %d}%s\n",
                      fs_table_column_missing(t, k), pos.line, pos.column,
                      k + 1 < fs_table_column_count(t) ? "," : "");
        free(placeholder);
    }
    fs_buf_puts(out, "     ],\n     \"first_rows\": [");
    fs_buf decimal = {0};
    size_t count = fs_table_row_count(t);
    for (size_t r = 0; r < count && r < rows; r++) {
        fs_buf_puts(out, r ? ",\n       [" : "\n       [");
        for (size_t k = 0; k < fs_table_column_count(t); k++) {
            if (k)
                fs_buf_puts(out, ", ");
            json_cell(out, t, r, k, &decimal);
        }
        fs_buf_puts(out, "]");
    }
    fs_buf_free(&decimal);
    fs_buf_printf(out, "%s]}%s\n", count && rows ? "\n     " : "", last ? "" : ",");
}

/* The report as one JSON object; false when memory ran out. */
static bool print_json(const tables_args *args, const fs_dataset *data, const fs_diags *diags,
                       size_t problems, size_t notes)
{
    fs_buf out = {0};
    fs_buf_puts(&out, "{\n  \"version\": 1,\n  \"data\": ");
    fs_json_string(&out, args->data);
    fs_buf_puts(&out, ",\n  \"layout\": ");
    fs_json_string(&out, args->layout);
    fs_buf_puts(&out, ",\n  \"tables\": [\n");
    size_t count = fs_dataset_count(data);
    for (size_t i = 0; i < count; i++)
        json_table(&out, fs_dataset_table_at(data, i), args->rows, i + 1 == count);
    fs_buf_puts(&out, "  ],\n  \"problems\": ");
    fs_json_diags(&out, diags, 0, fs_diags_count(diags), "  ");
    fs_buf_printf(&out,
                  ",\n  \"summary\": {\"tables\": %zu, \"problems\": %zu, \"notes\": %zu}\n}\n",
                  count, problems, notes);
    bool ok = fs_buf_ok(&out);
    if (ok)
        fwrite(out.data, 1, out.length, stdout);
    fs_buf_free(&out);
    return ok;
}

int fs_cli_tables(int argc, char **argv)
{
    tables_args args;
    int status = parse_args(argc, argv, &args);
    if (status != FS_EXIT_OK)
        return status < 0 ? FS_EXIT_OK : status;
    fs_diags *diags = fs_diags_create();
    fs_arena *arena = fs_arena_create();
    char *owned = NULL;
    status = FS_EXIT_USAGE;
    if (!diags || !arena) {
        fputs("factsheet: error: out of memory\n", stderr);
        goto done;
    }
    fs_dataset_options options = {.keep_bad = true};
    if (args.layout) {
        const char *dir = fs_cli_layout_dir(args.layout, fs_cli_datadir(&owned), arena);
        fs_layout *layout = fs_layout_load(dir, arena, diags);
        if (!layout) {
            fs_cli_explain_failure(diags);
            fs_cli_print(diags);
            goto done;
        }
        options.decls = layout->tables;
        options.decl_count = layout->table_count;
    }
    fs_dataset *data = fs_dataset_read(args.data, &options, arena, diags);
    if (!data) {
        /* The folder itself: unreadable, or without a CSV file. */
        fs_cli_explain_failure(diags);
        fs_cli_print(diags);
        goto done;
    }
    size_t problems = fs_diags_errors(diags) + fs_diags_warnings(diags);
    size_t notes = fs_diags_count(diags) - problems;
    if (args.json && !print_json(&args, data, diags, problems, notes)) {
        fputs("factsheet: error: out of memory\n", stderr);
        status = FS_EXIT_FAILED;
        goto done;
    }
    if (!args.json) {
        for (size_t i = 0; i < fs_dataset_count(data); i++) {
            print_table_text(fs_dataset_table_at(data, i), args.rows, arena);
            printf("\n");
        }
        print_diags_text(diags);
        printf("tables: %zu table%s, %zu problem%s, %zu note%s\n", fs_dataset_count(data),
               fs_dataset_count(data) == 1 ? "" : "s", problems, problems == 1 ? "" : "s", notes,
               notes == 1 ? "" : "s");
    }
    status = problems ? FS_EXIT_FAILED : FS_EXIT_OK;
done:
    fs_diags_free(diags);
    fs_arena_free(arena);
    free(owned);
    return status;
}
