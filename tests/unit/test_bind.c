/* Unit tests of binding: placeholders resolved against a data folder,
 * numbers and dates formatted for the language, cell values kept literal
 * in the markup, Markdown of the layout honoured, and every error reported
 * once with its exact message, hint and position.
 *
 * Each test writes a data folder and a layout into a fresh temporary
 * directory and works from inside it, so positions read as a user sees
 * them: "layout/layout.yaml:2:12", "data/stats.csv:3:8". */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <dirent.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bind/fs_bind.h"
#include "bind/fs_markdown.h"

#define NNBSP "\u202f" /* narrow no-break space: French grouping */
#define NBSP  "\u00a0" /* no-break space: inside formatted numbers and dates */

static const char theme_yaml[] = "colors:\n"
                                 "  primary: \"#0B4F6C\"\n"
                                 "  accent: \"#D9661F\"\n"
                                 "  text: \"#1F2933\"\n"
                                 "  muted: \"#4A5865\"\n"
                                 "fonts:\n"
                                 "  sans: Inter\n"
                                 "  icons: Material Icons\n"
                                 "icons: icons\n"
                                 "styles:\n"
                                 "  body: {font: sans, size: 8.6pt, color: text}\n"
                                 "  heading: {font: sans, size: 12.5pt, weight: bold, color: "
                                 "primary}\n"
                                 "  stat-number: {font: sans, size: 19pt, weight: extrabold, "
                                 "color: primary}\n"
                                 "  stat-label: {font: sans, size: 7.8pt, color: muted}\n";

/* The tables most tests read: a key,value table, a one-row table and two
 * tables that repeats walk. */
static const char programme_csv[] = "key,value\n"
                                    "title,Partners for Resilience\n"
                                    "lead,Ten years of work\n"
                                    "women,50%\n"
                                    "people,2029052\n"
                                    "owner,CARE's office\n";

static const char summary_csv[] = "people,share,cost,since,name\n"
                                  "2029052,50%,1839.5,2019-06-30,Mopti\n";

static const char stats_csv[] = "icon,value,label\n"
                                "groups,2029052,community members covered\n"
                                "campaign,71,CSOs with stronger advocacy\n"
                                "school,1839,community members trained\n";

static const char achievements_csv[] = "lead,text\n"
                                       "Risk.,Committees mapped vulnerabilities.\n"
                                       "Climate.,Farmers took up resilient crops.\n"
                                       "Society.,Groups formed 15 unions.\n";

/* Each test gets a temporary working directory with data/ and layout/, an
 * arena, a diagnostics list, the icon list and an English locale. */
typedef struct {
    char cwd[PATH_MAX];
    char dir[64];
    fs_arena *arena;
    fs_diags *diags;
    fs_icons *icons;
    const char *tag; /* the language bound to, "en" unless a test says */
    bool strict;
    fs_lang *lang;
} ctx;

static void write_file(const char *path, const char *text)
{
    FILE *file = fopen(path, "wb");
    assert_non_null(file);
    fputs(text, file);
    assert_int_equal(fclose(file), 0);
}

static int setup(void **state)
{
    ctx *c = calloc(1, sizeof(ctx));
    if (!c)
        return -1;
    *state = c;
    snprintf(c->dir, sizeof c->dir, "/tmp/fs_test_bind_XXXXXX");
    if (!getcwd(c->cwd, sizeof c->cwd) || !mkdtemp(c->dir) || chdir(c->dir) != 0)
        return -1;
    if (mkdir("data", 0700) != 0 || mkdir("layout", 0700) != 0)
        return -1;
    c->arena = fs_arena_create();
    c->diags = fs_diags_create();
    if (!c->arena || !c->diags)
        return -1;
    c->icons = fs_icons_load(FS_MATERIAL_CODEPOINTS, c->arena, c->diags);
    c->tag = "en";
    if (!c->icons || fs_diags_count(c->diags))
        return -1;
    FILE *file = fopen("layout/theme.yaml", "wb");
    if (!file)
        return -1;
    fputs(theme_yaml, file);
    return fclose(file);
}

static void remove_folder(const char *path)
{
    DIR *folder = opendir(path);
    if (!folder)
        return;
    struct dirent *entry;
    char file[PATH_MAX];
    while ((entry = readdir(folder))) {
        if (entry->d_name[0] == '.')
            continue;
        snprintf(file, sizeof file, "%s/%s", path, entry->d_name);
        unlink(file);
    }
    closedir(folder);
    rmdir(path);
}

static int teardown(void **state)
{
    ctx *c = *state;
    remove_folder("data");
    remove_folder("layout");
    if (chdir(c->cwd) == 0)
        rmdir(c->dir);
    fs_lang_free(c->lang);
    fs_diags_free(c->diags);
    fs_arena_free(c->arena);
    free(c);
    return 0;
}

static void write_data(const char *name, const char *text)
{
    char path[PATH_MAX];
    snprintf(path, sizeof path, "data/%s", name);
    write_file(path, text);
}

/* The four standard tables. */
static void standard_data(void)
{
    write_data("programme.csv", programme_csv);
    write_data("summary.csv", summary_csv);
    write_data("stats.csv", stats_csv);
    write_data("achievements.csv", achievements_csv);
}

/* Writes the layout and loads data/ and layout/, which must load cleanly. */
static fs_bind_input load(void **state, const char *layout_yaml)
{
    ctx *c = *state;
    write_file("layout/layout.yaml", layout_yaml);
    fs_dataset *data = fs_dataset_load("data", c->arena, c->diags);
    fs_layout *layout = fs_layout_load("layout", c->arena, c->diags);
    assert_int_equal(fs_diags_count(c->diags), 0);
    assert_non_null(data);
    assert_non_null(layout);
    fs_lang_free(c->lang);
    c->lang = fs_lang_create(c->tag, layout, "data", c->strict, c->arena, c->diags);
    assert_non_null(c->lang);
    return (fs_bind_input){layout, data, c->icons, c->lang, NULL, NULL, NULL};
}

static fs_document *bind(void **state, const char *layout_yaml)
{
    ctx *c = *state;
    fs_bind_input input = load(state, layout_yaml);
    return fs_bind(&input, c->arena, c->diags);
}

/* Binds a layout that must give no diagnostic at all. */
static fs_document *bind_ok(void **state, const char *layout_yaml)
{
    ctx *c = *state;
    fs_document *doc = bind(state, layout_yaml);
    assert_int_equal(fs_diags_count(c->diags), 0);
    assert_non_null(doc);
    assert_non_null(doc->body);
    return doc;
}

/* Binds a layout that must fail. */
static void bind_fails(void **state, const char *layout_yaml)
{
    assert_null(bind(state, layout_yaml));
}

static fs_box *child(const fs_box *box, size_t i)
{
    assert_non_null(box);
    assert_true(i < box->child_count);
    assert_non_null(box->children[i]);
    return box->children[i];
}

static const char *paragraph(const fs_box *box, size_t i)
{
    assert_non_null(box);
    assert_int_equal(box->kind, FS_BOX_TEXT);
    assert_true(i < box->paragraph_count);
    assert_non_null(box->paragraphs[i]);
    return box->paragraphs[i];
}

/* The one paragraph of a text box. */
static const char *only_paragraph(const fs_box *box)
{
    assert_non_null(box);
    assert_int_equal(box->paragraph_count, 1);
    return paragraph(box, 0);
}

/* Binds `body: [text: VALUE]` and returns the markup of its one paragraph.
 * value is written between YAML double quotes. */
static const char *bind_text(void **state, const char *value)
{
    char yaml[4096];
    snprintf(yaml, sizeof yaml, "body:\n  - text: \"%s\"\n", value);
    fs_document *doc = bind_ok(state, yaml);
    assert_int_equal(doc->body->child_count, 1);
    return only_paragraph(child(doc->body, 0));
}

/* Checks the i-th diagnostic: "file:line:col", severity, message, hint. */
static void assert_diag(void **state, size_t i, fs_severity severity, const char *where,
                        const char *message, const char *hint)
{
    ctx *c = *state;
    const fs_diag *diag = fs_diags_at(c->diags, i);
    assert_non_null(diag);
    char at[PATH_MAX + 64];
    snprintf(at, sizeof at, "%s:%d:%d", diag->pos.file ? diag->pos.file : "(none)", diag->pos.line,
             diag->pos.column);
    assert_string_equal(at, where);
    assert_string_equal(diag->message, message);
    assert_int_equal(diag->severity, severity);
    if (hint) {
        assert_non_null(diag->hint);
        assert_string_equal(diag->hint, hint);
    } else {
        assert_null(diag->hint);
    }
}

static void assert_error(void **state, size_t i, const char *where, const char *message,
                         const char *hint)
{
    assert_diag(state, i, FS_ERROR, where, message, hint);
}

static void assert_counts(void **state, size_t errors, size_t warnings)
{
    ctx *c = *state;
    assert_int_equal(fs_diags_errors(c->diags), errors);
    assert_int_equal(fs_diags_warnings(c->diags), warnings);
    assert_int_equal(fs_diags_count(c->diags), errors + warnings);
}

/* ---- where a placeholder reads --------------------------------------- */

static void test_key_value_table(void **state)
{
    standard_data();
    assert_string_equal(bind_text(state, "{programme.title}"), "Partners for Resilience");
}

static void test_key_value_values_print_as_written(void **state)
{
    /* The value column of a key,value table mixes text and numbers, so it
     * is text: a number in it is printed as written, not grouped. */
    standard_data();
    assert_string_equal(bind_text(state, "{programme.people} / {programme.women}"),
                        "2029052 / 50%");
}

static void test_single_row_table(void **state)
{
    standard_data();
    assert_string_equal(bind_text(state, "{summary.name}: {summary.people} people"),
                        "Mopti: 2,029,052 people");
}

static void test_grid_repeat_one_child_per_row(void **state)
{
    standard_data();
    fs_document *doc = bind_ok(state, "body:\n"
                                      "  - grid:\n"
                                      "      columns: 3\n"
                                      "      repeat: stats\n"
                                      "      item:\n"
                                      "        text: \"{label}: {value}\"\n");
    fs_box *grid = child(doc->body, 0);
    assert_int_equal(grid->kind, FS_BOX_GRID);
    assert_int_equal(grid->columns, 3);
    assert_int_equal(grid->child_count, 3);
    assert_string_equal(only_paragraph(child(grid, 0)), "community members covered: 2,029,052");
    assert_string_equal(only_paragraph(child(grid, 1)), "CSOs with stronger advocacy: 71");
    assert_string_equal(only_paragraph(child(grid, 2)), "community members trained: 1,839");
}

static void test_grid_repeat_of_stats(void **state)
{
    standard_data();
    fs_document *doc =
        bind_ok(state, "body:\n"
                       "  - grid:\n"
                       "      repeat: stats\n"
                       "      item:\n"
                       "        stat: {icon: \"{icon}\", value: \"{value, number}\", label: "
                       "\"{label}\"}\n");
    fs_box *grid = child(doc->body, 0);
    assert_int_equal(grid->child_count, 3);
    static const char *const numbers[] = {"2,029,052", "71", "1,839"};
    static const uint32_t icons[] = {0xf233, 0xef49, 0xe80c}; /* groups, campaign, school */
    for (size_t i = 0; i < 3; i++) {
        fs_box *stat = child(grid, i);
        assert_int_equal(stat->kind, FS_BOX_STAT);
        assert_string_equal(stat->number, numbers[i]);
        assert_true(stat->has_icon);
        assert_int_equal(stat->icon, icons[i]);
        assert_string_equal(stat->icon_family, "Material Icons");
    }
    assert_string_equal(child(grid, 2)->label, "community members trained");
}

static void test_list_repeat_one_item_per_row(void **state)
{
    standard_data();
    fs_document *doc = bind_ok(state, "body:\n"
                                      "  - list:\n"
                                      "      repeat: achievements\n"
                                      "      item: \"**{lead}** {text}\"\n");
    fs_box *list = child(doc->body, 0);
    assert_int_equal(list->kind, FS_BOX_LIST);
    assert_int_equal(list->child_count, 3);
    assert_string_equal(only_paragraph(child(list, 0)),
                        "<b>Risk.</b> Committees mapped vulnerabilities.");
    assert_string_equal(only_paragraph(child(list, 1)),
                        "<b>Climate.</b> Farmers took up resilient crops.");
    assert_string_equal(only_paragraph(child(list, 2)), "<b>Society.</b> Groups formed 15 unions.");
}

static void test_repeat_over_empty_table(void **state)
{
    standard_data();
    write_data("none.csv", "lead,text\n");
    fs_document *doc = bind_ok(state, "body:\n"
                                      "  - list:\n"
                                      "      repeat: none\n"
                                      "      item: \"{lead}\"\n");
    assert_int_equal(child(doc->body, 0)->child_count, 0);
}

static void test_table_placeholder_inside_repeat(void **state)
{
    /* Inside a repeat, {table.column} still reads its own table. */
    standard_data();
    fs_document *doc = bind_ok(state, "body:\n"
                                      "  - list:\n"
                                      "      repeat: achievements\n"
                                      "      item: \"{programme.title}: {lead}\"\n");
    fs_box *list = child(doc->body, 0);
    assert_int_equal(list->child_count, 3);
    assert_string_equal(only_paragraph(child(list, 1)), "Partners for Resilience: Climate.");
}

/* ---- numbers and dates ----------------------------------------------- */

static void test_default_format_of_number_columns(void **state)
{
    standard_data();
    assert_string_equal(bind_text(state, "{summary.people} | {summary.cost} | {summary.share}"),
                        "2,029,052 | 1,839.5 | 50%");
}

static void test_format_number(void **state)
{
    standard_data();
    write_data("n.csv", "a,b,c\n2029052,1839.456,50%\n");
    assert_string_equal(bind_text(state, "{n.a, number} {n.b, number} {n.c, number}"),
                        "2,029,052 1,839.46 50");
}

static void test_format_integer(void **state)
{
    standard_data();
    write_data("n.csv", "a,b\n1839.5,2029052\n");
    assert_string_equal(bind_text(state, "{n.a, number, integer} {n.b, number, integer}"),
                        "1,840 2,029,052");
}

static void test_format_percent(void **state)
{
    standard_data();
    write_data("n.csv", "a,b\n94,12.5%\n");
    assert_string_equal(bind_text(state, "{n.a, number, percent} {n.b, number, percent}"),
                        "94% 12.5%");
}

static void test_format_percent_from_key_value(void **state)
{
    /* A key,value cell is in a text column, but a number is still one. */
    standard_data();
    assert_string_equal(bind_text(state, "{programme.women, number, percent}"), "50%");
}

static void test_format_compact(void **state)
{
    standard_data();
    write_data("n.csv", "a,b\n7000000,2029052\n");
    assert_string_equal(bind_text(state, "{n.a, number, compact} and {n.b, number, compact}"),
                        "7" NBSP "million and 2" NBSP "million");
}

static void test_format_dates(void **state)
{
    standard_data();
    write_data("d.csv", "day,month\n2019-06-30,2020-02\n");
    assert_string_equal(bind_text(state, "{d.day, date, long}; {d.month, date, month}; "
                                         "{d.day, date, short}; {d.day, date}"),
                        "June" NBSP "30," NBSP "2019; February" NBSP "2020; 6/30/2019; Jun" NBSP
                        "30," NBSP "2019");
}

static void test_text_column_printed_as_written(void **state)
{
    /* A column with one word in it is text: its numbers are not regrouped
     * and its punctuation stays as typed. */
    standard_data();
    write_data("t.csv", "code\n2029052\n\"A-1 (north), #2\"\n");
    fs_document *doc = bind_ok(state, "body:\n"
                                      "  - list:\n"
                                      "      repeat: t\n"
                                      "      item: \"{code}\"\n");
    fs_box *list = child(doc->body, 0);
    assert_string_equal(only_paragraph(child(list, 0)), "2029052");
    assert_string_equal(only_paragraph(child(list, 1)), "A-1 (north), #2");
}

static void test_french_locale(void **state)
{
    ctx *c = *state;
    c->tag = "fr";
    standard_data();
    assert_string_equal(bind_text(state, "{summary.people} {summary.cost}"),
                        "2" NNBSP "029" NNBSP "052 1" NNBSP "839,5");
}

static void test_french_document_language(void **state)
{
    ctx *c = *state;
    c->tag = "fr";
    standard_data();
    write_data("fr.po", "msgid \"Partners for Resilience\"\n"
                        "msgstr \"Partenaires pour la résilience\"\n");
    fs_document *doc = bind_ok(state, "metadata: {title: \"{programme.title}\"}\n"
                                      "body:\n"
                                      "  - text: \"{summary.since, date, long}\"\n");
    assert_string_equal(doc->lang, "fr");
    assert_string_equal(doc->title, "Partenaires pour la résilience");
    assert_string_equal(only_paragraph(child(doc->body, 0)), "30" NBSP "juin" NBSP "2019");
}

/* ---- cells are data, the layout is Markdown -------------------------- */

static void test_markup_in_cell_is_escaped(void **state)
{
    standard_data();
    write_data("t.csv", "key,value\nx,<b>&\n");
    assert_string_equal(bind_text(state, "{t.x}"), "&lt;b&gt;&amp;");
}

static void test_quotes_in_cell_are_escaped_not_curled(void **state)
{
    /* Punctuation of a cell is escaped for Markdown, so smart punctuation
     * leaves it as typed; markup-wise it is XML-escaped. */
    standard_data();
    write_data("t.csv", "key,value\ny,\"say \"\"hi\"\" 'now' -- ok...\"\n");
    assert_string_equal(bind_text(state, "{t.y}"), "say &quot;hi&quot; &apos;now&apos; -- ok...");
}

static void test_markdown_in_cell_is_literal(void **state)
{
    standard_data();
    write_data("t.csv", "key,value\nx,*not bold* __nor__ `code` [a](b) <http://x> \\n &amp;\n");
    assert_string_equal(bind_text(state, "{t.x}"),
                        "*not bold* __nor__ `code` [a](b) &lt;http://x&gt; \\n &amp;amp;");
}

static void test_block_markdown_in_cell_is_literal(void **state)
{
    standard_data();
    write_data("t.csv", "s\n- not a list\n1. not a list\n> not a quote\n# not a heading\n"
                        "\\*back\\slash\n---\n");
    fs_document *doc = bind_ok(state, "body:\n"
                                      "  - list:\n"
                                      "      repeat: t\n"
                                      "      item: \"{s}\"\n");
    fs_box *list = child(doc->body, 0);
    assert_int_equal(list->child_count, 6);
    assert_string_equal(only_paragraph(child(list, 0)), "- not a list");
    assert_string_equal(only_paragraph(child(list, 1)), "1. not a list");
    assert_string_equal(only_paragraph(child(list, 2)), "&gt; not a quote");
    assert_string_equal(only_paragraph(child(list, 3)), "# not a heading");
    assert_string_equal(only_paragraph(child(list, 4)), "\\*back\\slash");
    assert_string_equal(only_paragraph(child(list, 5)), "---");
}

static void test_placeholder_in_cell_is_literal(void **state)
{
    standard_data();
    write_data("t.csv", "key,value\nx,{value} and {programme.title}\n");
    assert_string_equal(bind_text(state, "{t.x}"), "{value} and {programme.title}");
}

static void test_indented_cell_is_not_code(void **state)
{
    /* Four leading spaces in a cell must not make a code block, where the
     * escapes would show as backslashes; the spaces are kept as written. */
    standard_data();
    write_data("t.csv", "key,value\nx,    a-b (c)\n");
    assert_string_equal(bind_text(state, "{t.x}"), "    a-b (c)");
}

static void test_indented_cell_lines(void **state)
{
    /* The same on every line of a cell, and for a tab, and after a dash the
     * layout writes (which prints as written: layout text is inline). */
    standard_data();
    write_data("t.csv", "key,value\nx,\"\ta-b\n    c.d\"\n");
    fs_document *doc = bind_ok(state, "body:\n"
                                      "  - text: \"{t.x}\\n\\n- {t.x}\"\n");
    fs_box *text = child(doc->body, 0);
    assert_int_equal(text->paragraph_count, 2);
    assert_string_equal(paragraph(text, 0), "\ta-b\n    c.d");
    assert_string_equal(paragraph(text, 1), "- \ta-b\n    c.d");
}

static void test_crlf_in_cell(void **state)
{
    standard_data();
    write_data("t.csv", "key,value\r\nx,\"first\r\nsecond\"\r\n");
    assert_string_equal(bind_text(state, "{t.x}"), "first\nsecond");
}

static void test_newline_in_cell_is_a_line_break(void **state)
{
    standard_data();
    write_data("t.csv", "key,value\nx,\"first line\nsecond, line\"\n");
    assert_string_equal(bind_text(state, "{t.x}"), "first line\nsecond, line");
}

static void test_trailing_newline_in_cell(void **state)
{
    /* A cell that ends with a newline shows no stray backslash. */
    standard_data();
    write_data("t.csv", "key,value\nx,\"last\n\"\ny,\"  \"\n");
    fs_document *doc = bind_ok(state, "body:\n"
                                      "  - text: \"{t.x}\"\n"
                                      "  - text: \"{t.x}more\"\n"
                                      "  - text: \"[{t.y}]\"\n");
    assert_string_equal(only_paragraph(child(doc->body, 0)), "last");
    assert_string_equal(only_paragraph(child(doc->body, 1)), "last\nmore");
    assert_string_equal(only_paragraph(child(doc->body, 2)), "[  ]");
}

static void test_text_too_large(void **state)
{
    /* Cells that together pass the Markdown limit are an error at the text
     * that shows them, not a crash or a text cut short. (One cell cannot:
     * the CSV reader caps a field at 1 MiB.) */
    standard_data();
    size_t size = FS_MARKDOWN_MAX_BYTES / 2 + 16;
    char *csv = malloc(2 * size + 64);
    assert_non_null(csv);
    strcpy(csv, "key,value\nbig,");
    size_t length = strlen(csv);
    memset(csv + length, 'a', size);
    strcpy(csv + length + size, "\nmore,");
    length = strlen(csv);
    memset(csv + length, 'b', size);
    strcpy(csv + length + size, "\n");
    write_data("t.csv", csv);
    free(csv);
    bind_fails(state, "body:\n"
                      "  - text: \"Intro: {t.big}{t.more}\"\n");
    assert_counts(state, 1, 0);
    assert_error(state, 0, "layout/layout.yaml:2:5", "text is larger than 1024 KiB",
                 "shorten the text");
}

static void test_markdown_in_layout(void **state)
{
    standard_data();
    write_data("t.csv", "key,value\nlead,*Risk*\n");
    assert_string_equal(bind_text(state, "**{t.lead}** and _{programme.lead}_, `{summary.name}`"),
                        "<b>*Risk*</b> and <i>Ten years of work</i>, <tt>Mopti</tt>");
}

static void test_paragraphs_of_layout_text(void **state)
{
    standard_data();
    fs_document *doc =
        bind_ok(state, "body:\n"
                       "  - text: \"{programme.title}\\n\\n{programme.lead}  \\nnext\"\n");
    fs_box *text = child(doc->body, 0);
    assert_int_equal(text->paragraph_count, 2);
    assert_string_equal(paragraph(text, 0), "Partners for Resilience");
    assert_string_equal(paragraph(text, 1), "Ten years of work\nnext");
}

static void test_smart_quotes_in_layout(void **state)
{
    standard_data();
    assert_string_equal(bind_text(state, "CARE's \\\"{programme.title}\\\" -- 2011--2020"),
                        "CARE\u2019s \u201cPartners for Resilience\u201d \u2013 2011\u20132020");
}

static void test_plain_metadata_not_escaped(void **state)
{
    standard_data();
    write_data("t.csv", "key,value\nx,<b>&\n");
    fs_document *doc = bind_ok(state, "metadata:\n"
                                      "  title: \"{t.x} *{programme.title}*\"\n"
                                      "  author: \"{programme.owner}\"\n"
                                      "body:\n"
                                      "  - text: x\n");
    assert_string_equal(doc->title, "<b>& *Partners for Resilience*");
    assert_string_equal(doc->author, "CARE\u2019s office");
    assert_null(doc->subject);
    assert_null(doc->keywords);
    assert_string_equal(doc->lang, "en");
}

static void test_bind_plain(void **state)
{
    /* Plain text: formatted like markup, but nothing escaped. */
    ctx *c = *state;
    standard_data();
    write_data("t.csv", "key,value\nx,<b>&\n");
    fs_bind_input input = load(state, "body:\n  - text: x\n");
    fs_template *template = fs_template_parse("{summary.people} in {summary.name}: {t.x} *",
                                              fs_pos_at("t", 1, 1), c->arena, c->diags);
    assert_non_null(template);
    const char *text = fs_bind_plain(&input, template, c->arena, c->diags);
    assert_int_equal(fs_diags_count(c->diags), 0);
    assert_string_equal(text, "2,029,052 in Mopti: <b>& *");

    template = fs_template_parse("{summary.peple}", fs_pos_at("t", 1, 1), c->arena, c->diags);
    assert_non_null(template);
    assert_null(fs_bind_plain(&input, template, c->arena, c->diags));
    assert_error(state, 0, "t:1:1", "{summary.peple}: no column 'peple' in data/summary.csv",
                 "did you mean 'people'? its columns: people, share, cost, since, name");
}

static void test_stat_with_literal_icon(void **state)
{
    standard_data();
    fs_document *doc = bind_ok(state, "body:\n"
                                      "  - stat:\n"
                                      "      icon: woman\n"
                                      "      value: \"{programme.women, number, percent}\"\n"
                                      "      label: \"of the champions are **women**\"\n");
    fs_box *stat = child(doc->body, 0);
    assert_int_equal(stat->kind, FS_BOX_STAT);
    assert_string_equal(stat->number, "50%");
    assert_string_equal(stat->label, "of the champions are <b>women</b>");
    assert_true(stat->has_icon);
    assert_int_equal(stat->icon, 0xe13e);
}

/* ---- empty cells ----------------------------------------------------- */

static void test_empty_cell_is_a_warning(void **state)
{
    standard_data();
    write_data("t.csv", "a,b\n1,\n");
    fs_document *doc = bind(state, "body:\n"
                                   "  - text: \"Label: {t.b}.\"\n");
    assert_non_null(doc);
    assert_counts(state, 0, 1);
    assert_diag(state, 0, FS_WARNING, "data/t.csv:2:3", "{t.b} reads an empty cell (column 'b')",
                "fill the cell, or remove what shows it");
    const char *markup = only_paragraph(child(doc->body, 0));
    assert_string_equal(markup, "Label: .");
    assert_null(strstr(markup, "(null)"));
}

static void test_empty_cell_with_format(void **state)
{
    /* An empty cell is not a number error, whatever the format asks. */
    standard_data();
    write_data("t.csv", "a,b\n1,\n");
    fs_document *doc =
        bind(state, "body:\n"
                    "  - stat: {value: \"{t.b, number}\", label: \"{t.b, date}\"}\n");
    assert_non_null(doc);
    assert_counts(state, 0, 2);
    fs_box *stat = child(doc->body, 0);
    assert_string_equal(stat->number, "");
    assert_string_equal(stat->label, "");
}

/* ---- errors ---------------------------------------------------------- */

static void test_unknown_table(void **state)
{
    standard_data();
    bind_fails(state, "body:\n"
                      "  - text: \"{programe.title}\"\n");
    assert_counts(state, 1, 0);
    assert_error(state, 0, "layout/layout.yaml:2:12",
                 "{programe.title}: no table 'programe' in data",
                 "did you mean 'programme'? tables of the data folder: achievements, "
                 "programme, stats, summary");
}

static void test_unknown_table_far_from_any(void **state)
{
    standard_data();
    bind_fails(state, "body:\n"
                      "  - text: \"Total: {xyzzy.title}\"\n");
    assert_error(state, 0, "layout/layout.yaml:2:19", "{xyzzy.title}: no table 'xyzzy' in data",
                 "tables of the data folder: achievements, programme, stats, summary");
}

static void test_unknown_column(void **state)
{
    standard_data();
    bind_fails(state, "body:\n"
                      "  - text: \"{summary.peple}\"\n");
    assert_counts(state, 1, 0);
    assert_error(state, 0, "layout/layout.yaml:2:12",
                 "{summary.peple}: no column 'peple' in data/summary.csv",
                 "did you mean 'people'? its columns: people, share, cost, since, name");
}

static void test_unknown_column_in_repeat_reported_once(void **state)
{
    standard_data();
    bind_fails(state, "body:\n"
                      "  - grid:\n"
                      "      repeat: stats\n"
                      "      item: {stat: {icon: \"{icon}\", value: \"{valeu}\", label: "
                      "\"{label}\"}}\n");
    assert_counts(state, 1, 0);
    assert_error(state, 0, "layout/layout.yaml:4:45",
                 "{valeu}: no column 'valeu' in data/stats.csv",
                 "did you mean 'value'? its columns: icon, value, label");
}

static void test_no_row_with_key(void **state)
{
    standard_data();
    bind_fails(state, "body:\n"
                      "  - text: \"{programme.titel}\"\n");
    assert_counts(state, 1, 0);
    assert_error(state, 0, "layout/layout.yaml:2:12",
                 "{programme.titel}: no row with key 'titel' in data/programme.csv",
                 "add a row with that key, or fix the placeholder");
}

static void test_multi_row_table_outside_repeat(void **state)
{
    standard_data();
    bind_fails(state, "body:\n"
                      "  - text: \"{stats.value}\"\n");
    assert_counts(state, 1, 0);
    assert_error(state, 0, "layout/layout.yaml:2:12",
                 "{stats.value}: table 'stats' has 3 rows; which one is meant?",
                 "use it inside a grid or list with 'repeat', or render one document per row "
                 "with --each COLUMN");
}

static void test_column_outside_repeat(void **state)
{
    standard_data();
    bind_fails(state, "body:\n"
                      "  - text: \"{label}\"\n");
    assert_counts(state, 1, 0);
    assert_error(state, 0, "layout/layout.yaml:2:12", "{label} names no table",
                 "write {table.column}, or use {column} inside a grid or list with 'repeat'");
}

static void test_not_a_number_at_the_cell(void **state)
{
    standard_data();
    write_data("stats.csv", "icon,value,label\n"
                            "groups,2029052,community members covered\n"
                            "school,about 1800,community members trained\n");
    bind_fails(state, "body:\n"
                      "  - grid:\n"
                      "      repeat: stats\n"
                      "      item: {stat: {value: \"{value, number}\", label: \"{label}\"}}\n");
    assert_counts(state, 1, 0);
    assert_error(state, 0, "data/stats.csv:3:8",
                 "{value} needs a number in column 'value', found 'about 1800'",
                 "write a number such as 2029052 or 2,029,052 (no words or units in the cell)");
}

static void test_every_bad_cell_reported(void **state)
{
    /* One placeholder, two bad cells: each cell is its own error. */
    standard_data();
    write_data("stats.csv", "icon,value,label\n"
                            "groups,many,a\n"
                            "school,12,b\n"
                            "school,\"1,5\",c\n");
    bind_fails(state, "body:\n"
                      "  - list:\n"
                      "      repeat: stats\n"
                      "      item: \"{value, number, integer}\"\n");
    assert_counts(state, 2, 0);
    assert_error(state, 0, "data/stats.csv:2:8",
                 "{value} needs a number in column 'value', found 'many'",
                 "write a number such as 2029052 or 2,029,052 (no words or units in the cell)");
    assert_error(state, 1, "data/stats.csv:4:8",
                 "{value} needs a number in column 'value', found '1,5'",
                 "write a number such as 2029052 or 2,029,052 (no words or units in the cell)");
}

static void test_bad_date(void **state)
{
    standard_data();
    write_data("d.csv", "what,day\nstart,June 2019\n");
    bind_fails(state, "body:\n"
                      "  - text: \"Since {d.day, date, long}\"\n");
    assert_counts(state, 1, 0);
    assert_error(state, 0, "data/d.csv:2:7",
                 "{d.day} needs a date in column 'day', found 'June 2019'",
                 "write dates as YYYY-MM-DD or YYYY-MM");
}

static void test_impossible_date(void **state)
{
    standard_data();
    write_data("d.csv", "day\n2019-02-30\n");
    bind_fails(state, "body:\n"
                      "  - text: \"{d.day, date, month}\"\n");
    assert_counts(state, 1, 0);
    assert_error(state, 0, "data/d.csv:2:1",
                 "{d.day} needs a date in column 'day', found '2019-02-30'",
                 "write dates as YYYY-MM-DD or YYYY-MM");
}

static void test_unknown_icon_in_cell(void **state)
{
    standard_data();
    write_data("stats.csv", "icon,value,label\n"
                            "grups,2029052,community members covered\n"
                            "school,1839,community members trained\n");
    bind_fails(state, "body:\n"
                      "  - grid:\n"
                      "      repeat: stats\n"
                      "      item: {stat: {icon: \"{icon}\", value: \"{value}\", label: "
                      "\"{label}\"}}\n");
    assert_counts(state, 1, 0);
    assert_error(state, 0, "data/stats.csv:2:1", "unknown icon 'grups'",
                 "did you mean 'groups', 'grass' or 'group'? factsheet icons WORD lists the "
                 "names that contain WORD");
}

static void test_unknown_literal_icon(void **state)
{
    /* A name written in the layout is reported at its stat. */
    standard_data();
    bind_fails(state, "body:\n"
                      "  - stat: {icon: wommen, value: \"1\", label: \"x\"}\n");
    assert_counts(state, 1, 0);
    assert_error(state, 0, "layout/layout.yaml:2:5", "unknown icon 'wommen'",
                 "did you mean 'comment', 'woman' or 'commit'? factsheet icons WORD lists the "
                 "names that contain WORD");
}

static void test_unknown_literal_icon_in_repeat_reported_once(void **state)
{
    standard_data();
    bind_fails(state, "body:\n"
                      "  - grid:\n"
                      "      repeat: stats\n"
                      "      item: {stat: {icon: wommen, value: \"{value}\", label: \"x\"}}\n");
    assert_counts(state, 1, 0);
    assert_error(state, 0, "layout/layout.yaml:4:14", "unknown icon 'wommen'",
                 "did you mean 'comment', 'woman' or 'commit'? factsheet icons WORD lists the "
                 "names that contain WORD");
}

static void test_missing_stat_style_in_repeat_reported_once(void **state)
{
    /* The default stat styles are not checked at load: a theme without
     * them is reported at binding, once per stat, not once per row. */
    standard_data();
    write_file("layout/theme.yaml", "colors: {text: \"#1F2933\"}\n"
                                    "fonts: {sans: Inter, icons: Material Icons}\n"
                                    "icons: icons\n"
                                    "styles:\n"
                                    "  body: {font: sans, size: 8pt}\n"
                                    "  stat-number: {font: sans, size: 19pt}\n");
    bind_fails(state, "body:\n"
                      "  - grid:\n"
                      "      repeat: stats\n"
                      "      item: {stat: {value: \"{value}\", label: \"{label}\"}}\n");
    assert_counts(state, 1, 0);
    assert_error(state, 0, "layout/layout.yaml:4:14",
                 "the stat needs the style 'stat-label', which the theme does not define",
                 "add the style to the theme's 'styles:'");
}

static void test_no_icon_font_in_repeat_reported_once(void **state)
{
    standard_data();
    write_file("layout/theme.yaml", "colors: {text: \"#1F2933\"}\n"
                                    "fonts: {sans: Inter}\n"
                                    "styles:\n"
                                    "  body: {font: sans, size: 8pt}\n"
                                    "  stat-number: {font: sans, size: 19pt}\n"
                                    "  stat-label: {font: sans, size: 8pt}\n");
    bind_fails(state, "body:\n"
                      "  - grid:\n"
                      "      repeat: stats\n"
                      "      item: {stat: {icon: \"{icon}\", value: \"{value}\", label: x}}\n");
    assert_counts(state, 1, 0);
    assert_error(state, 0, "layout/layout.yaml:4:14", "the theme names no icon font",
                 "add 'icons: ROLE' to the theme, naming a font role");
}

static void test_empty_icon(void **state)
{
    /* An empty name has no segment to take a position from. */
    standard_data();
    bind_fails(state, "body:\n"
                      "  - stat: {icon: \"\", value: \"1\", label: \"x\"}\n");
    assert_counts(state, 1, 0);
    assert_error(state, 0, "layout/layout.yaml:2:5", "unknown icon ''",
                 "factsheet icons WORD lists the names that contain WORD");
}

static void test_unknown_repeat_table(void **state)
{
    standard_data();
    bind_fails(state, "body:\n"
                      "  - list:\n"
                      "      repeat: stat\n"
                      "      item: \"{label}\"\n");
    assert_counts(state, 1, 0);
    ctx *c = *state;
    const fs_diag *diag = fs_diags_at(c->diags, 0);
    assert_string_equal(diag->pos.file, "layout/layout.yaml");
    assert_int_equal(diag->pos.line, 2);
    assert_int_equal(diag->pos.column, 5);
    assert_string_equal(diag->message, "repeat: no table 'stat' in data");
    assert_string_equal(diag->hint, "did you mean 'stats'? tables of the data folder: "
                                    "achievements, programme, stats, summary");
}

static void test_two_unknown_repeat_tables(void **state)
{
    /* Two different mistakes are two errors. */
    standard_data();
    bind_fails(state, "body:\n"
                      "  - list:\n"
                      "      repeat: stat\n"
                      "      item: \"{label}\"\n"
                      "  - grid:\n"
                      "      repeat: achievement\n"
                      "      item: {text: \"{lead}\"}\n");
    assert_counts(state, 2, 0);
    ctx *c = *state;
    assert_non_null(strstr(fs_diags_at(c->diags, 0)->message, "no table 'stat' in data"));
    assert_int_equal(fs_diags_at(c->diags, 0)->pos.line, 2);
    assert_non_null(strstr(fs_diags_at(c->diags, 1)->message, "no table 'achievement' in data"));
    assert_int_equal(fs_diags_at(c->diags, 1)->pos.line, 5);
}

static void test_every_error_in_one_pass(void **state)
{
    standard_data();
    bind_fails(state, "metadata: {title: \"{programme.titel}\"}\n"
                      "body:\n"
                      "  - text: \"{programe.title}\"\n"
                      "  - list:\n"
                      "      repeat: stats\n"
                      "      item: \"{labl} {value}\"\n"
                      "  - text: \"{stats.value}\"\n"
                      "  - text: \"{label}\"\n");
    assert_counts(state, 5, 0);
    ctx *c = *state;
    assert_string_equal(fs_diags_at(c->diags, 0)->message,
                        "{programe.title}: no table 'programe' in data");
    assert_string_equal(fs_diags_at(c->diags, 1)->message,
                        "{labl}: no column 'labl' in data/stats.csv");
    assert_string_equal(fs_diags_at(c->diags, 2)->message,
                        "{stats.value}: table 'stats' has 3 rows; which one is meant?");
    assert_string_equal(fs_diags_at(c->diags, 3)->message, "{label} names no table");
    assert_error(state, 4, "layout/layout.yaml:1:20",
                 "{programme.titel}: no row with key 'titel' in data/programme.csv",
                 "add a row with that key, or fix the placeholder");
}

#define TEST(name) cmocka_unit_test_setup_teardown(name, setup, teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        TEST(test_key_value_table),
        TEST(test_key_value_values_print_as_written),
        TEST(test_single_row_table),
        TEST(test_grid_repeat_one_child_per_row),
        TEST(test_grid_repeat_of_stats),
        TEST(test_list_repeat_one_item_per_row),
        TEST(test_repeat_over_empty_table),
        TEST(test_table_placeholder_inside_repeat),
        TEST(test_default_format_of_number_columns),
        TEST(test_format_number),
        TEST(test_format_integer),
        TEST(test_format_percent),
        TEST(test_format_percent_from_key_value),
        TEST(test_format_compact),
        TEST(test_format_dates),
        TEST(test_text_column_printed_as_written),
        TEST(test_french_locale),
        TEST(test_french_document_language),
        TEST(test_markup_in_cell_is_escaped),
        TEST(test_quotes_in_cell_are_escaped_not_curled),
        TEST(test_markdown_in_cell_is_literal),
        TEST(test_block_markdown_in_cell_is_literal),
        TEST(test_placeholder_in_cell_is_literal),
        TEST(test_indented_cell_is_not_code),
        TEST(test_indented_cell_lines),
        TEST(test_crlf_in_cell),
        TEST(test_newline_in_cell_is_a_line_break),
        TEST(test_trailing_newline_in_cell),
        TEST(test_text_too_large),
        TEST(test_markdown_in_layout),
        TEST(test_paragraphs_of_layout_text),
        TEST(test_smart_quotes_in_layout),
        TEST(test_plain_metadata_not_escaped),
        TEST(test_bind_plain),
        TEST(test_stat_with_literal_icon),
        TEST(test_empty_cell_is_a_warning),
        TEST(test_empty_cell_with_format),
        TEST(test_unknown_table),
        TEST(test_unknown_table_far_from_any),
        TEST(test_unknown_column),
        TEST(test_unknown_column_in_repeat_reported_once),
        TEST(test_no_row_with_key),
        TEST(test_multi_row_table_outside_repeat),
        TEST(test_column_outside_repeat),
        TEST(test_not_a_number_at_the_cell),
        TEST(test_every_bad_cell_reported),
        TEST(test_bad_date),
        TEST(test_impossible_date),
        TEST(test_unknown_icon_in_cell),
        TEST(test_unknown_literal_icon),
        TEST(test_unknown_literal_icon_in_repeat_reported_once),
        TEST(test_missing_stat_style_in_repeat_reported_once),
        TEST(test_no_icon_font_in_repeat_reported_once),
        TEST(test_empty_icon),
        TEST(test_unknown_repeat_table),
        TEST(test_two_unknown_repeat_tables),
        TEST(test_every_error_in_one_pass),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
