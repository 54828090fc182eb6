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

/* Styles do not hyphenate, so tests of filling compare markup without soft
 * hyphens; the style 'hyphenated' is for the tests of hyphenation. */
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
                                 "  body: {font: sans, size: 8.6pt, color: text, hyphenate: "
                                 "false}\n"
                                 "  heading: {font: sans, size: 12.5pt, weight: bold, color: "
                                 "primary, hyphenate: false}\n"
                                 "  stat-number: {font: sans, size: 19pt, weight: extrabold, "
                                 "color: primary}\n"
                                 "  stat-label: {font: sans, size: 7.8pt, color: muted, "
                                 "hyphenate: false}\n"
                                 "  hyphenated: {font: sans, size: 8.6pt}\n"
                                 "  capitals: {font: sans, size: 8.6pt, uppercase: true}\n";

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
    /* As a run loads them: the layout first, whose 'tables' the data
     * follows. */
    fs_layout *layout = fs_layout_load("layout", c->arena, c->diags);
    fs_dataset_options options = {0};
    if (layout) {
        options.decls = layout->tables;
        options.decl_count = layout->table_count;
    }
    fs_dataset *data = fs_dataset_read("data", &options, c->arena, c->diags);
    assert_int_equal(fs_diags_count(c->diags), 0);
    assert_non_null(data);
    assert_non_null(layout);
    fs_lang_free(c->lang);
    c->lang = fs_lang_create(c->tag, layout, "data", c->strict, c->arena, c->diags);
    assert_non_null(c->lang);
    return (fs_bind_input){.layout = layout, .data = data, .icons = c->icons, .lang = c->lang};
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
    assert_true(i < box->as.text.paragraph_count);
    assert_non_null(box->as.text.paragraphs[i]);
    return box->as.text.paragraphs[i];
}

/* The one paragraph of a text box. */
static const char *only_paragraph(const fs_box *box)
{
    assert_non_null(box);
    assert_int_equal(box->as.text.paragraph_count, 1);
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
    assert_int_equal(grid->as.grid.columns, 3);
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
        assert_string_equal(stat->as.stat.number, numbers[i]);
        assert_true(stat->as.stat.icon.has);
        assert_int_equal(stat->as.stat.icon.codepoint, icons[i]);
        assert_string_equal(stat->as.stat.icon.family, "Material Icons");
    }
    assert_string_equal(child(grid, 2)->as.stat.label, "community members trained");
}

static void test_grid_hero_first_and_icon_positions(void **state)
{
    standard_data();
    fs_document *doc = bind_ok(state, "body:\n"
                                      "  - grid:\n"
                                      "      columns: 4\n"
                                      "      repeat: stats\n"
                                      "      hero: first\n"
                                      "      last-row: stretch\n"
                                      "      item:\n"
                                      "        stat: {icon: \"{icon}\", icon-position: corner, "
                                      "value: \"{value}\", label: \"{label}\", span: 1}\n"
                                      "  - stat: {icon: nonsense, icon-position: none, "
                                      "value: \"1\", label: x, hero: true}\n");
    fs_box *grid = child(doc->body, 0);
    assert_int_equal(grid->as.grid.last_row, FS_LAST_ROW_STRETCH);
    /* The first row's stat is the hero, at twice the number size (the
     * theme has no stat-hero); the others keep theirs. */
    assert_true(child(grid, 0)->as.stat.hero);
    assert_float_equal(child(grid, 0)->as.stat.number_style.size, 38, 1e-9);
    assert_int_equal(child(grid, 0)->span, 1);
    for (size_t i = 1; i < 3; i++) {
        assert_false(child(grid, i)->as.stat.hero);
        assert_float_equal(child(grid, i)->as.stat.number_style.size, 19, 1e-9);
        assert_int_equal(child(grid, i)->as.stat.icon_place, FS_ICON_CORNER);
    }
    /* icon-position: none draws no icon, so its name is not looked up. */
    fs_box *stat = child(doc->body, 1);
    assert_false(stat->as.stat.icon.has);
    assert_true(stat->as.stat.hero);
}

static void test_hero_styles(void **state)
{
    char theme[sizeof theme_yaml + 200];
    snprintf(theme, sizeof theme,
             "%s"
             "  stat-hero: {font: sans, size: 44pt, weight: black, color: accent}\n"
             "  big: {font: sans, size: 30pt}\n",
             theme_yaml);
    write_file("layout/theme.yaml", theme);
    standard_data();
    fs_document *doc = bind_ok(state, "body:\n"
                                      "  - stat: {value: \"1\", label: x, hero: true}\n"
                                      "  - stat: {value: \"1\", label: x, hero: true, "
                                      "hero-style: big, align: center}\n");
    const fs_text_style *hero = &child(doc->body, 0)->as.stat.number_style;
    assert_float_equal(hero->size, 44, 1e-9);
    assert_int_equal(hero->weight, 900);
    hero = &child(doc->body, 1)->as.stat.number_style;
    assert_float_equal(hero->size, 30, 1e-9);
    assert_int_equal(hero->align, FS_ALIGN_CENTER);
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
    /* Issue 12: a header-only table rendered a blank page with exit 0. */
    bind_fails(state, "body:\n"
                      "  - list:\n"
                      "      repeat: none\n"
                      "      item: \"{lead}\"\n");
    assert_counts(state, 1, 0);
    assert_error(state, 0, "layout/layout.yaml:2:5",
                 "repeat: table 'none' has no rows (data/none.csv has only its header)",
                 "add the table's rows under its header, or remove the repeat");
    /* With 'when' it may be left out: a warning. */
    ctx *c = *state;
    fs_diags_clear(c->diags);
    fs_document *doc = bind(state, "body:\n"
                                   "  - list:\n"
                                   "      when: \"{programme.title}\"\n"
                                   "      repeat: none\n"
                                   "      item: \"{lead}\"\n");
    assert_non_null(doc);
    assert_counts(state, 0, 1);
    assert_int_equal(child(doc->body, 0)->child_count, 0);
    /* {table.column} of a table with no rows. */
    fs_diags_clear(c->diags);
    write_data("one.csv", "title\n");
    bind_fails(state, "body:\n  - text: \"{one.title}\"\n");
    assert_error(state, 0, "layout/layout.yaml:2:12",
                 "{one.title}: table 'one' has no rows (data/one.csv has only its header)",
                 "add the table's row under its header, or leave the text out");
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
    /* Decimals as written (issue 12: 36.61954 printed 36.62); a percent
     * cell stays a percent. */
    assert_string_equal(bind_text(state, "{n.a, number} {n.b, number} {n.c, number}"),
                        "2,029,052 1,839.456 50%");
}

/* ---- exact numbers, codes, missing values (issue 12) ------------------ */

static void test_numbers_as_written(void **state)
{
    ctx *c = *state;
    standard_data();
    write_data("n.csv", "a,b,c,d,e\n1.50,0.0001,36.61954,16142028098527942586,80 418\n");
    /* No format and {v, number}: the decimals written, trailing zeros
     * kept; integers past 2^53 digit for digit; a space-grouped number is
     * a number. */
    assert_string_equal(bind_text(state, "{n.a} {n.b} {n.c, number} {n.d} {n.e}"),
                        "1.50 0.0001 36.61954 16,142,028,098,527,942,586 80,418");
    c->tag = "fr";
    assert_string_equal(bind_text(state, "{n.a} {n.c}"), "1,50 36,61954");
}

static void test_number_skeletons_and_verbatim(void **state)
{
    standard_data();
    write_data("n.csv", "a,b,c\n1839.456,\"2,029,052\",47.5%\n");
    assert_string_equal(bind_text(state, "{n.a, number, ::.0} {n.b, number, ::compact-short} "
                                         "{n.c, number, ::percent scale/100 precision-integer}"),
                        "1,839.5 2M 48%");
    assert_string_equal(bind_text(state, "{n.a, verbatim} {n.b, verbatim} {n.c, verbatim}"),
                        "1839.456 2,029,052 47.5%");
}

static void test_codes_stay_as_written(void **state)
{
    standard_data();
    /* csv-spectrum's zip 08123 and phone number; a P-code. */
    write_data("places.csv", "name,zip,Contact Phone Number,admin1Pcode,n\n"
                             "Anytown,08123,2095257564,ML0401,0812\n");
    assert_string_equal(bind_text(state, "{places.zip} {places.\\\"Contact Phone Number\\\"} "
                                         "{places.admin1Pcode} {places.n}"),
                        "08123 2095257564 ML0401 0812");
}

static void test_missing_values(void **state)
{
    ctx *c = *state;
    standard_data();
    write_data("m.csv", "name,n\na,883710\nb,N/A\nc,-\nd,\n");
    /* One marker no longer makes the column text: the numbers are
     * grouped, the markers print as an en dash, each a note. */
    fs_document *doc = bind(state, "body:\n"
                                   "  - list:\n"
                                   "      repeat: m\n"
                                   "      item: \"{name}: {n}\"\n");
    assert_non_null(doc);
    assert_int_equal(fs_diags_errors(c->diags) + fs_diags_warnings(c->diags), 0);
    assert_int_equal(fs_diags_count(c->diags), 3);
    assert_diag(state, 0, FS_NOTE, "data/m.csv:3:3",
                "{n} reads a missing value ('N/A') in column 'n': it prints as '\u2013'",
                "fill the cell with the number if it is known; 'missing:' in the layout says how "
                "a missing value prints");
    assert_string_equal(fs_diags_at(c->diags, 0)->kind, FS_KIND_MISSING);
    fs_box *list = child(doc->body, 0);
    assert_string_equal(only_paragraph(child(list, 0)), "a: 883,710");
    assert_string_equal(only_paragraph(child(list, 1)), "b: \u2013");
    assert_string_equal(only_paragraph(child(list, 3)), "d: \u2013");
    /* The layout says how; French gets its translation and grouping. */
    fs_diags_clear(c->diags);
    c->tag = "fr";
    write_data("fr.po", "msgid \"not known\"\nmsgstr \"inconnu\"\n");
    doc = bind(state, "missing: \"not known\"\n"
                      "body:\n"
                      "  - list:\n"
                      "      repeat: m\n"
                      "      item: \"{n}\"\n");
    assert_non_null(doc);
    list = child(doc->body, 0);
    assert_string_equal(only_paragraph(child(list, 0)), "883" NNBSP "710");
    assert_string_equal(only_paragraph(child(list, 1)), "inconnu");
}

static void test_missing_value_leaves_when_out(void **state)
{
    standard_data();
    /* A one-row table's lone N/A would be text: the layout declares the
     * column a number. */
    write_data("one.csv", "people\nN/A\n");
    fs_document *doc = bind(state, "tables: {one: {people: integer}}\n"
                                   "body:\n"
                                   "  - text: {value: \"{one.people} people\", when: "
                                   "\"{one.people}\"}\n");
    assert_non_null(doc);
    assert_int_equal(child(doc->body, 0)->kind, FS_BOX_STACK);
    assert_int_equal(child(doc->body, 0)->child_count, 0);
}

static void test_any_header_and_hxl_tags(void **state)
{
    ctx *c = *state;
    standard_data();
    write_data("hno.csv", "Country name,Population (UNDESA),Affected 2017,Women,Men\n"
                          "#country+name,#population,#affected,#affected+f,#affected+m\n"
                          "Mali,20250834,7100000,3600000,3500000\n");
    assert_string_equal(bind_text(state, "{hno.\\\"Country name\\\"}: "
                                         "{hno.\\\"Population (UNDESA)\\\", number}, "
                                         "{hno.#affected+f} women, {hno.#AFFECTED-f-m}"),
                        "Mali: 20,250,834, 3,600,000 women, 7,100,000");
    /* #affected matches three columns; the exact one wins. Two equal
     * matches are an error, and so is no match. */
    write_data("two.csv", "a,b\n#x+f+y,#x+f+z\n1,2\n");
    bind_fails(state, "body:\n  - text: \"{two.#x+f} {two.#nope}\"\n");
    assert_counts(state, 2, 0);
    assert_error(
        state, 0, "layout/layout.yaml:2:12",
        "{two.#x+f}: columns 'a' and 'b' of data/two.csv both have that tag",
        "add an attribute that only one of them has (their tags: #x+f+y, #x+f+z), or name the "
        "column: {a}");
    assert_error(state, 1, "layout/layout.yaml:2:23",
                 "{two.#nope}: no column of data/two.csv has the HXL tag '#nope'",
                 "its tags: #x+f+y, #x+f+z");
    (void)c;
}

static void test_unknown_column_hint_quotes(void **state)
{
    standard_data();
    write_data("hno.csv", "Affected 2017,n\n1,2\n");
    bind_fails(state, "body:\n  - text: \"{hno.Affected}\"\n");
    assert_error(state, 0, "layout/layout.yaml:2:12",
                 "{hno.Affected}: no column 'Affected' in "
                 "data/hno.csv",
                 "did you mean {\"Affected 2017\"}? its columns: Affected 2017, n");
}

static void test_column_for_one_language(void **state)
{
    ctx *c = *state;
    c->tag = "fr";
    standard_data();
    write_data("t.csv", "code,label@fr\nM-01,Sahel occidental\n");
    assert_string_equal(bind_text(state, "{t.label}"), "Sahel occidental");
    c->tag = "en";
    bind_fails(state, "body:\n  - text: \"{t.label}\"\n");
    assert_error(state, 0, "layout/layout.yaml:2:12", "{t.label}: no column 'label' in data/t.csv",
                 "'label@fr' serves the fr pages only: add a column 'label' for the other "
                 "languages");
}

static void test_translation_where_it_belongs(void **state)
{
    ctx *c = *state;
    c->tag = "fr";
    c->strict = true;
    standard_data();
    write_data("fr.po", "msgid \"Key figures\"\nmsgstr \"Chiffres cl\u00e9s\"\n");
    /* Codes, numbers, dates and the names the layout marks raise no
     * missing-translation error, even strict; other texts still do. */
    write_data("people.csv", "name,iso3,code,since,n,note\n"
                             "Fanta Bocoum,MLI,ML0401,2019-06,12,Led the union\n");
    const char *layout = "tables:\n"
                         "  people:\n"
                         "    name: {translate: false}\n"
                         "body:\n"
                         "  - heading: \"Key figures\"\n"
                         "  - list:\n"
                         "      repeat: people\n"
                         "      item: \"{name} {iso3} {code} {since} {n}\"\n";
    fs_document *doc = bind_ok(state, layout);
    assert_string_equal(only_paragraph(child(child(doc->body, 1), 0)),
                        "Fanta Bocoum MLI ML0401 2019-06 12");
    bind_fails(state, "body:\n"
                      "  - list:\n"
                      "      repeat: people\n"
                      "      item: \"{note}\"\n");
    assert_error(state, 0, "data/people.csv:2:36", "\"Led the union\" is missing from data/fr.po",
                 "translate it in data/fr.po (factsheet extract lists every text to translate), "
                 "or in a column 'note@fr'");
}

static void test_declared_types_in_layout(void **state)
{
    ctx *c = *state;
    standard_data();
    write_data("s.csv", "value,code\nabout 1800,101\n2029052,1234\n");
    write_file("layout/layout.yaml", "tables:\n"
                                     "  s:\n"
                                     "    value: integer\n"
                                     "    code: code\n"
                                     "body:\n"
                                     "  - text: \"x\"\n");
    fs_layout *layout = fs_layout_load("layout", c->arena, c->diags);
    assert_non_null(layout);
    fs_dataset_options options = {.decls = layout->tables, .decl_count = layout->table_count};
    assert_null(fs_dataset_read("data", &options, c->arena, c->diags));
    assert_counts(state, 1, 0);
    assert_error(state, 0, "data/s.csv:2:1",
                 "column 'value' is declared integer, but this cell holds 'about 1800'",
                 "write a whole number such as 2029052 or 2,029,052 (or leave the cell empty, or "
                 "write N/A), or declare the column otherwise at layout/layout.yaml:3:12");
    /* A code column prints as written: 1234, not 1,234. */
    write_data("s.csv", "value,code\n1800,1234\n");
    fs_diags_clear(c->diags);
    assert_string_equal(bind_text(state, "{s.code}"), "1234");
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
    /* As ICU MessageFormat: a number is a share (0.94 is 94%); a percent
     * cell is already one. */
    write_data("n.csv", "a,b,c\n0.94,12.5%,0.125\n");
    assert_string_equal(
        bind_text(state, "{n.a, number, percent} {n.b, number, percent} {n.c, number, percent}"),
        "94% 12.5% 12.5%");
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

/* ---- hyphenation and house rules -------------------------------------- */

#define SHY "\u00ad" /* soft hyphen: a break the patterns allow */

static void test_hyphenation_follows_the_style(void **state)
{
    standard_data();
    write_data("t.csv", "key,value\nx,organisations WhatsApp CONLACTRAHO 2019\n");
    fs_document *doc =
        bind_ok(state, "body:\n"
                       "  - text: {value: \"{t.x}\", style: hyphenated}\n"
                       "  - text: {value: \"{t.x}\", style: body}\n"
                       "  - text: {value: \"{t.x}\", style: capitals}\n"
                       "  - text: {value: \"{t.x, verbatim}\", style: hyphenated}\n");
    /* Capitals, names with a capital inside and numbers never break. */
    assert_string_equal(only_paragraph(child(doc->body, 0)),
                        "or" SHY "gan" SHY "i" SHY "sa" SHY "tions WhatsApp CONLACTRAHO 2019");
    /* 'hyphenate: false', a style in capitals, a cell as written: none. */
    for (size_t i = 1; i < 4; i++)
        assert_string_equal(only_paragraph(child(doc->body, i)),
                            "organisations WhatsApp CONLACTRAHO 2019");
}

static void test_house_rules_in_french_cells(void **state)
{
    ctx *c = *state;
    c->tag = "fr";
    standard_data();
    write_data("t.csv", "key,value,value@fr\nx,x,\"Au XXe siècle, \"\"la\"\" GIR : 1er cas\"\n");
    assert_string_equal(bind_text(state, "{t.x}"),
                        "Au" NBSP "XX<span font_features=\"sups\">e</span>" NBSP "siècle, «" NNBSP
                        "la" NNBSP "» GIR" NBSP ": "
                        "1<span font_features=\"sups\">er</span>" NBSP "cas");
}

/* ---- cells are data, the layout is Markdown -------------------------- */

static void test_markup_in_cell_is_escaped(void **state)
{
    standard_data();
    write_data("t.csv", "key,value\nx,<b>&\n");
    assert_string_equal(bind_text(state, "{t.x}"), "&lt;b&gt;&amp;");
}

static void test_quotes_in_cell_are_curled(void **state)
{
    /* Punctuation of a cell is escaped for Markdown, so cmark's smart
     * punctuation leaves it as typed (no en dash, no ellipsis), and the
     * house rules make its quotes typographic, as in every text shown. */
    standard_data();
    write_data("t.csv", "key,value\ny,\"say \"\"hi\"\" 'now' -- ok...\"\n");
    assert_string_equal(bind_text(state, "{t.y}"), "say \u201chi\u201d \u2018now\u2019 -- ok...");
}

static void test_markdown_in_cell_is_literal(void **state)
{
    standard_data();
    write_data("t.csv", "key,value\nx,*not bold* __nor__ `code` [a](b) <http://x> \\n &amp;\n");
    assert_string_equal(bind_text(state, "{t.x}"),
                        "*not bold* __nor__ `code` [a](b) &lt;<span "
                        "insert_hyphens=\"false\"><span allow_breaks=\"false\">http://x</span>"
                        "</span>&gt; \\n &amp;amp;");
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
    assert_string_equal(only_paragraph(child(list, 0)), "- not a" NBSP "list");
    assert_string_equal(only_paragraph(child(list, 1)), "1. not a" NBSP "list");
    assert_string_equal(only_paragraph(child(list, 2)), "&gt; not a" NBSP "quote");
    assert_string_equal(only_paragraph(child(list, 3)), "# not a" NBSP "heading");
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
    assert_int_equal(text->as.text.paragraph_count, 2);
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
    assert_int_equal(text->as.text.paragraph_count, 2);
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
    /* Plain text (metadata): numbers formatted as in markup, nothing
     * escaped. */
    standard_data();
    write_data("t.csv", "key,value\nx,<b>&\n");
    fs_document *doc = bind_ok(state, "metadata: {subject: \"{summary.people} in {summary.name}: "
                                      "{t.x} *\"}\n"
                                      "body:\n"
                                      "  - text: x\n");
    assert_string_equal(doc->subject, "2,029,052 in Mopti: <b>& *");
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
    assert_string_equal(stat->as.stat.number, "50%");
    assert_string_equal(stat->as.stat.label, "of the champions are <b>women</b>");
    assert_true(stat->as.stat.icon.has);
    assert_int_equal(stat->as.stat.icon.codepoint, 0xe13e);
}

/* An icon node: one per row of a repeat, in the accent colour (or its
 * 'color'), a square of its height unless it has a width, its alt
 * filled; none without alt. */
static void test_icon_node(void **state)
{
    standard_data();
    fs_document *doc =
        bind_ok(state, "body:\n"
                       "  - grid:\n"
                       "      repeat: stats\n"
                       "      item:\n"
                       "        icon: {icon: \"{icon}\", height: 10pt, alt: \"{label}\"}\n"
                       "  - icon: {icon: woman, color: primary, width: 30pt}\n");
    fs_box *grid = child(doc->body, 0);
    assert_int_equal(grid->child_count, 3);
    fs_box *first = child(grid, 0);
    assert_int_equal(first->kind, FS_BOX_ICON);
    assert_true(first->as.icon.icon.has);
    assert_int_equal(first->as.icon.icon.codepoint, 0xf233); /* groups */
    assert_string_equal(first->as.icon.icon.family, "Material Icons");
    assert_float_equal(first->as.icon.size, 10, 1e-9);
    assert_int_equal(first->width_kind, FS_WIDTH_FIXED);
    assert_float_equal(first->width, 10, 1e-9);
    assert_float_equal(first->as.icon.color.r, 0xD9 / 255.0, 1e-9);
    assert_string_equal(first->as.icon.alt, "community members covered");
    fs_box *woman = child(doc->body, 1);
    assert_int_equal(woman->as.icon.icon.codepoint, 0xe13e);
    assert_float_equal(woman->width, 30, 1e-9);
    assert_float_equal(woman->as.icon.color.r, 0x0B / 255.0, 1e-9);
    assert_null(woman->as.icon.alt);
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
    assert_string_equal(stat->as.stat.number, "");
    assert_string_equal(stat->as.stat.label, "");
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

/* ---- long documents: where, when, running heads, Markdown, pictures -- */

static void assert_near_size(double actual, double expected)
{
    if (actual < expected - 1e-9 || actual > expected + 1e-9)
        fail_msg("%.12g is not %.12g", actual, expected);
}

/* The test theme with the styles of long documents added. */
static void long_document_theme(void)
{
    char theme[2048];
    snprintf(theme, sizeof theme,
             "%s"
             "  quote: {font: sans, size: 11pt, italic: true, color: primary, hyphenate: false}\n"
             "  caption: {font: sans, size: 7pt, color: muted, hyphenate: false}\n",
             theme_yaml);
    write_file("layout/theme.yaml", theme);
}

/* Two case studies and their results, one table joined to the other by
 * case = id, the rows of each case interleaved. */
static void case_data(void)
{
    write_data("cases.csv", "id,title,quote,by\n"
                            "a,Mopti,Water is life.,Awa\n"
                            "b,Gao,,\n");
    write_data("results.csv", "case,text\n"
                              "b,Gao first\n"
                              "a,Mopti first\n"
                              "b,Gao second\n"
                              "a,Mopti second\n"
                              "a,Mopti third\n");
}

static void test_where_joins_rows_in_order(void **state)
{
    case_data();
    fs_document *doc = bind_ok(state, "body:\n"
                                      "  - column:\n"
                                      "      repeat: cases\n"
                                      "      content:\n"
                                      "        - heading: \"{title}\"\n"
                                      "        - list:\n"
                                      "            repeat: results\n"
                                      "            where: {case: \"{id}\"}\n"
                                      "            item: \"{text} ({case})\"\n");
    fs_box *sections = child(doc->body, 0);
    assert_int_equal(sections->kind, FS_BOX_STACK);
    assert_int_equal(sections->child_count, 2);

    fs_box *mopti = child(sections, 0);
    assert_int_equal(mopti->child_count, 2);
    assert_string_equal(only_paragraph(child(mopti, 0)), "Mopti");
    fs_box *list = child(mopti, 1);
    assert_int_equal(list->kind, FS_BOX_LIST);
    assert_int_equal(list->child_count, 3);
    assert_string_equal(only_paragraph(child(list, 0)), "Mopti first (a)");
    assert_string_equal(only_paragraph(child(list, 1)), "Mopti second (a)");
    assert_string_equal(only_paragraph(child(list, 2)), "Mopti third (a)");

    fs_box *gao = child(sections, 1);
    assert_string_equal(only_paragraph(child(gao, 0)), "Gao");
    list = child(gao, 1);
    assert_int_equal(list->child_count, 2);
    assert_string_equal(only_paragraph(child(list, 0)), "Gao first (b)");
    assert_string_equal(only_paragraph(child(list, 1)), "Gao second (b)");
}

static void test_where_with_literal_values(void **state)
{
    /* Outside a repeat the value is the layout's own; every condition must
     * hold; a value no row has picks nothing. */
    case_data();
    write_data("photos.csv", "case,kind,file\n"
                             "a,map,a-map.png\n"
                             "b,map,b-map.png\n"
                             "a,photo,a-photo.png\n");
    fs_document *doc = bind_ok(state, "body:\n"
                                      "  - grid:\n"
                                      "      repeat: photos\n"
                                      "      where: {case: a, kind: photo}\n"
                                      "      item: {text: \"{file}\"}\n"
                                      "  - list: {repeat: results, where: {case: c}, item: x}\n");
    fs_box *grid = child(doc->body, 0);
    assert_int_equal(grid->child_count, 1);
    assert_string_equal(only_paragraph(child(grid, 0)), "a-photo.png");
    assert_int_equal(child(doc->body, 1)->child_count, 0);
}

static void test_where_unknown_column(void **state)
{
    /* Reported once at the key, not once per section. */
    case_data();
    bind_fails(state, "body:\n"
                      "  - column:\n"
                      "      repeat: cases\n"
                      "      content:\n"
                      "        - list:\n"
                      "            repeat: results\n"
                      "            where: {cas: \"{id}\"}\n"
                      "            item: \"{text}\"\n");
    assert_counts(state, 1, 0);
    assert_error(state, 0, "layout/layout.yaml:7:21", "where: no column 'cas' in data/results.csv",
                 "did you mean 'case'? its columns: case, text");
}

static void test_where_value_errors(void **state)
{
    /* The value is filled around the repeat: a column of the outer row. */
    case_data();
    bind_fails(state, "body:\n"
                      "  - list: {repeat: results, where: {case: \"{id}\"}, item: \"{text}\"}\n");
    assert_counts(state, 1, 0);
    assert_error(state, 0, "layout/layout.yaml:2:44", "{id} names no table",
                 "write {table.column}, or use {column} inside a grid or list with 'repeat'");
}

static void test_when_leaves_out_silently(void **state)
{
    long_document_theme();
    case_data();
    fs_document *doc =
        bind_ok(state, "body:\n"
                       "  - column:\n"
                       "      repeat: cases\n"
                       "      content:\n"
                       "        - heading: \"{title}\"\n"
                       "        - quote: {value: \"{quote}\", by: \"{by}\", "
                       "when: \"{quote}\"}\n"
                       "        - text: {value: \"Said by {by}\", when: \" {by} \"}\n");
    fs_box *sections = child(doc->body, 0);
    fs_box *mopti = child(sections, 0);
    assert_int_equal(mopti->child_count, 3);
    fs_box *quote = child(mopti, 1);
    assert_int_equal(quote->kind, FS_BOX_QUOTE);
    assert_int_equal(quote->child_count, 2);
    assert_string_equal(only_paragraph(child(quote, 0)), "Water is life.");
    assert_string_equal(only_paragraph(child(quote, 1)), "Awa");
    /* 'caption', for want of 'attribution' */
    assert_near_size(child(quote, 1)->as.text.style.size, 7);
    assert_string_equal(only_paragraph(child(mopti, 2)), "Said by Awa");

    /* Gao has no quote: both nodes are left out, with no warning (bind_ok
     * checked there is none) and nothing of theirs drawn. */
    fs_box *gao = child(sections, 1);
    assert_int_equal(gao->child_count, 3);
    assert_string_equal(only_paragraph(child(gao, 0)), "Gao");
    for (size_t i = 1; i < 3; i++) {
        assert_int_equal(child(gao, i)->kind, FS_BOX_STACK);
        assert_int_equal(child(gao, i)->child_count, 0);
        assert_int_equal(child(gao, i)->as.text.paragraph_count, 0);
    }
}

static void test_when_kept_and_warnings_without_it(void **state)
{
    /* A 'when' with text keeps the node; the node itself still warns about
     * the empty cells it shows. Without 'when' the empty cell warns. */
    long_document_theme();
    case_data();
    fs_document *doc = bind(state, "body:\n"
                                   "  - column:\n"
                                   "      repeat: cases\n"
                                   "      content:\n"
                                   "        - text: {value: \"By {by}\", when: \"{title}\"}\n");
    assert_non_null(doc);
    assert_counts(state, 0, 1);
    assert_diag(state, 0, FS_WARNING, "data/cases.csv:3:8",
                "{by} reads an empty cell (column 'by')", "fill the cell, or remove what shows it");
    fs_box *sections = child(doc->body, 0);
    assert_string_equal(only_paragraph(child(child(sections, 0), 0)), "By Awa");
    assert_string_equal(only_paragraph(child(child(sections, 1), 0)), "By");
}

static void test_when_reports_its_own_errors(void **state)
{
    case_data();
    bind_fails(state, "body:\n"
                      "  - text: {value: x, when: \"{cases.quot}\"}\n");
    assert_counts(state, 1, 0);
    assert_error(state, 0, "layout/layout.yaml:2:29",
                 "{cases.quot}: no column 'quot' in data/cases.csv",
                 "did you mean 'quote'? its columns: id, title, quote, by");
}

/* ---- running heads ---------------------------------------------------- */

static void test_page_outside_header_footer(void **state)
{
    standard_data();
    bind_fails(state, "metadata: {title: \"{programme.title}, page {page}\"}\n"
                      "body:\n"
                      "  - text: \"Page {page} of {pages}\"\n");
    assert_counts(state, 3, 0);
    const char *hint = "use {page} and {pages} in 'header' or 'footer'";
    assert_error(state, 0, "layout/layout.yaml:3:17",
                 "{page} is only known in a running header or footer", hint);
    assert_error(state, 1, "layout/layout.yaml:3:27",
                 "{pages} is only known in a running header or footer", hint);
    assert_error(state, 2, "layout/layout.yaml:1:44",
                 "{page} is only known in a running header or footer", hint);
}

static void test_page_in_header_and_footer(void **state)
{
    standard_data();
    fs_document *doc = bind_ok(state, "body:\n"
                                      "  - text: a\n"
                                      "header:\n"
                                      "  - text: \"**{programme.title}** {page}\"\n"
                                      "footer:\n"
                                      "  - text: \"Page {page} of {pages}\"\n");
    assert_non_null(doc->header);
    assert_string_equal(only_paragraph(child(doc->header, 0)),
                        "<b>Partners for Resilience</b> " FS_PAGE_NUMBER);
    assert_non_null(doc->footer);
    assert_string_equal(only_paragraph(child(doc->footer, 0)),
                        "Page " FS_PAGE_NUMBER " of " FS_PAGE_COUNT);
    /* Without first-page, the first page has the same running heads. */
    assert_ptr_equal(doc->first_header, doc->header);
    assert_ptr_equal(doc->first_footer, doc->footer);
}

static void test_first_page_heads(void **state)
{
    standard_data();
    fs_document *doc = bind_ok(state, "body: [{text: a}]\n"
                                      "header: [{text: \"{page}\"}]\n"
                                      "first-page:\n"
                                      "  header: []\n"
                                      "  footer: [{text: \"{programme.lead}, {pages} pages\"}]\n");
    assert_non_null(doc->header);
    assert_null(doc->footer);
    assert_non_null(doc->first_header);
    assert_true(doc->first_header != doc->header);
    assert_int_equal(doc->first_header->child_count, 0);
    assert_string_equal(only_paragraph(child(doc->first_footer, 0)),
                        "Ten years of work, " FS_PAGE_COUNT " pages");
}

/* ---- {text, markdown} and years --------------------------------------- */

static void test_text_markdown_format(void **state)
{
    standard_data();
    write_data("t.csv", "key,value\n"
                        "lead,**Risk** reduction with *care*\n"
                        "block,# not a heading\n"
                        "link,see [our site](https://example.org)\n");
    fs_document *doc = bind_ok(state, "body:\n"
                                      "  - text: \"{t.lead, markdown}\"\n"
                                      "  - text: \"{t.lead}\"\n"
                                      "  - text: \"{t.block, markdown}\"\n"
                                      "  - text: \"{t.link, markdown}\"\n");
    assert_string_equal(only_paragraph(child(doc->body, 0)),
                        "<b>Risk</b> reduction with <i>care</i>");
    assert_string_equal(only_paragraph(child(doc->body, 1)), "**Risk** reduction with *care*");
    assert_string_equal(only_paragraph(child(doc->body, 2)), "# not a" NBSP "heading");
    fs_box *link = child(doc->body, 3);
    assert_non_null(link->as.text.links);
    assert_int_equal(link->as.text.link_counts[0], 1);
    assert_string_equal(link->as.text.links[0][0].target, "https://example.org");
    assert_null(strstr(only_paragraph(link), "]("));
}

/* A long URL from a cell gets zero-width spaces to wrap where it is shown,
 * but its link leads exactly where the cell says (the guide's ILO links). */
static void test_long_url_link_leads_to_the_url_written(void **state)
{
    standard_data();
    write_data("r.csv", "title,url\n"
                        "ILO C189,https://www.ilo.org/dyn/normlex/en/"
                        "f?p=NORMLEXPUB:12100:0::NO::P12100_ILO_CODE:C189\n");
    fs_document *doc = bind_ok(state, "body:\n"
                                      "  - list: {repeat: r, item: \"[{title}]({url}) {url}\"}\n");
    fs_box *item = child(child(doc->body, 0), 0);
    assert_int_equal(item->as.text.link_counts[0], 1);
    assert_string_equal(item->as.text.links[0][0].target,
                        "https://www.ilo.org/dyn/normlex/en/"
                        "f?p=NORMLEXPUB:12100:0::NO::P12100_ILO_CODE:C189");
    /* The URL shown after the link may still wrap. */
    assert_non_null(strstr(only_paragraph(item), "\u200b"));
}

static void test_text_markdown_in_repeat(void **state)
{
    standard_data();
    write_data("r.csv", "text\n**One** first\nplain *two*\n");
    fs_document *doc = bind_ok(state, "body:\n"
                                      "  - list: {repeat: r, item: \"{text, markdown}\"}\n");
    fs_box *list = child(doc->body, 0);
    assert_string_equal(only_paragraph(child(list, 0)), "<b>One</b> first");
    assert_string_equal(only_paragraph(child(list, 1)), "plain <i>two</i>");
}

static void test_year_column_as_written(void **state)
{
    standard_data();
    write_data("y.csv", "year,people,fiscal_year\n2012,1500,2019\n2015,2029052,2020\n");
    write_data("annees.csv", "année,pays\n2012,Bénin\n2013,Mali\n");
    write_data("big.csv", "year,value\n2012,1\n12000,2\n");
    const char *layout = "body:\n"
                         "  - list: {repeat: y, item: \"{year} {people} {fiscal_year}\"}\n"
                         "  - list: {repeat: annees, item: \"{année} {pays}\"}\n"
                         "  - list: {repeat: big, item: \"{year}\"}\n";
    fs_document *doc = bind_ok(state, layout);
    fs_box *list = child(doc->body, 0);
    assert_string_equal(only_paragraph(child(list, 0)), "2012 1,500 2019");
    assert_string_equal(only_paragraph(child(list, 1)), "2015 2,029,052 2020");
    assert_string_equal(only_paragraph(child(child(doc->body, 1), 0)), "2012 Bénin");
    /* Not every value is a year: the column is a number column. */
    assert_string_equal(only_paragraph(child(child(doc->body, 2), 1)), "12,000");
    assert_string_equal(only_paragraph(child(child(doc->body, 2), 0)), "2,012");
}

static void test_year_column_in_french(void **state)
{
    ctx *c = *state;
    c->tag = "fr";
    standard_data();
    write_data("y.csv", "year,people\n2012,1500\n");
    write_data("annees.csv", "annee,pays\n2013,Mali\n");
    write_data("fr.po", "msgid \"Mali\"\nmsgstr \"Mali\"\n");
    fs_document *doc = bind_ok(state, "body:\n"
                                      "  - list: {repeat: y, item: \"{year} {people}\"}\n"
                                      "  - list: {repeat: annees, item: \"{annee}\"}\n");
    assert_string_equal(only_paragraph(child(child(doc->body, 0), 0)), "2012 1" NNBSP "500");
    assert_string_equal(only_paragraph(child(child(doc->body, 1), 0)), "2013");
}

/* ---- Markdown documents ------------------------------------------------ */

static const char guide_md[] = "# Getting started\n"                          /* 1 */
                               "\n"                                           /* 2 */
                               "Some **intro** text.\n"                       /* 3 */
                               "\n"                                           /* 4 */
                               "## The steps\n"                               /* 5 */
                               "\n"                                           /* 6 */
                               "- First step\n"                               /* 7 */
                               "- Second step\n"                              /* 8 */
                               "  - Nested step\n"                            /* 9 */
                               "\n"                                           /* 10 */
                               "1. One\n"                                     /* 11 */
                               "2. Two\n"                                     /* 12 */
                               "\n"                                           /* 13 */
                               "> Change starts with us.\n"                   /* 14 */
                               ">\n"                                          /* 15 */
                               "> — Amina, organiser\n"                       /* 16 */
                               "\n"                                           /* 17 */
                               "### Back to [the start](#getting-started)\n"; /* 18 */

/* The i-th block of a Markdown node's box. */
static fs_box *block(const fs_box *markdown, size_t i)
{
    fs_box *box = child(markdown, i);
    assert_int_equal(box->kind, FS_BOX_TEXT);
    return box;
}

static void assert_block_at(const fs_box *box, const char *file, int line)
{
    assert_non_null(box->pos.file);
    assert_string_equal(box->pos.file, file);
    assert_int_equal(box->pos.line, line);
    assert_int_equal(box->pos.column, 1);
}

static void test_markdown_file_blocks(void **state)
{
    long_document_theme();
    standard_data();
    write_data("guide.md", guide_md);
    write_data("README.md", "# Not read\n");
    fs_document *doc = bind_ok(state, "body:\n"
                                      "  - markdown: {file: guide.md}\n");
    fs_box *markdown = child(doc->body, 0);
    assert_int_equal(markdown->kind, FS_BOX_STACK);
    assert_int_equal(markdown->child_count, 11);

    fs_box *h1 = block(markdown, 0);
    assert_string_equal(only_paragraph(h1), "Getting started");
    assert_int_equal(h1->as.text.level, 1);
    assert_string_equal(h1->as.text.anchor, "getting-started");
    assert_near_size(h1->as.text.style.size, 12.5); /* no h1 style: 'heading' */
    assert_block_at(h1, "data/guide.md", 1);

    fs_box *intro = block(markdown, 1);
    assert_string_equal(only_paragraph(intro), "Some <b>intro</b> text.");
    assert_int_equal(intro->as.text.level, 0);
    assert_null(intro->as.text.anchor);
    assert_null(intro->as.text.item_marker);
    assert_block_at(intro, "data/guide.md", 3);

    fs_box *h2 = block(markdown, 2);
    assert_int_equal(h2->as.text.level, 2);
    assert_string_equal(h2->as.text.anchor, "the-steps");

    static const char *const markers[] = {"•", "•", "–", "1.", "2."};
    static const int depths[] = {1, 1, 2, 1, 1};
    static const char *const texts[] = {"First step", "Second step", "Nested step", "One", "Two"};
    static const int lines[] = {7, 8, 9, 11, 12};
    for (size_t i = 0; i < 5; i++) {
        fs_box *item = block(markdown, 3 + i);
        assert_string_equal(only_paragraph(item), texts[i]);
        assert_string_equal(item->as.text.item_marker, markers[i]);
        assert_int_equal(item->as.text.depth, depths[i]);
        assert_false(item->as.text.has_bar);
        assert_block_at(item, "data/guide.md", lines[i]);
    }

    fs_box *quote = block(markdown, 8);
    assert_string_equal(only_paragraph(quote), "Change starts with us.");
    assert_true(quote->as.text.has_bar);
    assert_true(quote->keep_with_next);       /* with its attribution */
    assert_true(quote->as.text.style.italic); /* the 'quote' style */
    fs_box *by = block(markdown, 9);
    assert_string_equal(only_paragraph(by), "Amina, organiser");
    assert_true(by->as.text.has_bar);
    assert_near_size(by->as.text.style.size, 7); /* 'caption', for want of 'attribution' */
    assert_block_at(by, "data/guide.md", 16);

    fs_box *h3 = block(markdown, 10);
    assert_int_equal(h3->as.text.level, 3);
    assert_near_size(h3->as.text.style.size, 12.5); /* no h3 style: 'heading' */
    assert_string_equal(h3->as.text.anchor, "back-to-the-start");
    assert_int_equal(h3->as.text.link_counts[0], 1);
    assert_string_equal(h3->as.text.links[0][0].target, "#getting-started");
}

static void test_markdown_file_in_french(void **state)
{
    ctx *c = *state;
    c->tag = "fr";
    long_document_theme();
    standard_data();
    write_data("guide.md", guide_md);
    write_data("fr.po", "msgid \"Getting started\"\n"
                        "msgstr \"Premiers pas\"\n"
                        "\n"
                        "msgid \"Some **intro** text.\"\n"
                        "msgstr \"Un texte d’**introduction** : court.\"\n"
                        "\n"
                        "msgid \"The steps\"\n"
                        "msgstr \"Les étapes\"\n"
                        "\n"
                        "msgid \"First step\"\n"
                        "msgstr \"Première étape\"\n"
                        "\n"
                        "msgid \"Second step\"\n"
                        "msgstr \"Deuxième étape\"\n"
                        "\n"
                        "msgid \"Nested step\"\n"
                        "msgstr \"Étape imbriquée\"\n"
                        "\n"
                        "msgid \"One\"\n"
                        "msgstr \"Un\"\n"
                        "\n"
                        "msgid \"Two\"\n"
                        "msgstr \"Deux\"\n"
                        "\n"
                        "msgid \"Change starts with us.\"\n"
                        "msgstr \"Le changement commence par nous.\"\n"
                        "\n"
                        "msgid \"— Amina, organiser\"\n"
                        "msgstr \"— Amina, organisatrice\"\n"
                        "\n"
                        "msgid \"Back to [the start](#getting-started)\"\n"
                        "msgstr \"Retour au [début](#premiers-pas)\"\n");
    fs_document *doc = bind_ok(state, "body:\n"
                                      "  - markdown: {file: guide.md}\n");
    fs_box *markdown = child(doc->body, 0);
    assert_int_equal(markdown->child_count, 11);
    fs_box *h1 = block(markdown, 0);
    assert_string_equal(only_paragraph(h1), "Premiers pas");
    assert_string_equal(h1->as.text.anchor, "premiers-pas");
    assert_int_equal(h1->as.text.level, 1);
    assert_string_equal(only_paragraph(block(markdown, 1)),
                        "Un" NBSP "texte d’<b>introduction</b>" NBSP ": court.");
    assert_string_equal(block(markdown, 2)->as.text.anchor, "les-étapes");
    assert_string_equal(only_paragraph(block(markdown, 5)), "Étape imbriquée");
    assert_string_equal(block(markdown, 5)->as.text.item_marker, "–");
    assert_string_equal(only_paragraph(block(markdown, 7)), "Deux");
    assert_string_equal(block(markdown, 7)->as.text.item_marker, "2.");
    assert_string_equal(only_paragraph(block(markdown, 8)),
                        "Le" NBSP "changement commence par nous.");
    assert_string_equal(only_paragraph(block(markdown, 9)), "Amina, organisatrice");
    fs_box *h3 = block(markdown, 10);
    assert_string_equal(h3->as.text.links[0][0].target, "#premiers-pas");
}

static void test_markdown_block_missing_translation(void **state)
{
    ctx *c = *state;
    c->tag = "fr";
    long_document_theme();
    standard_data();
    write_data("guide.md", "# Getting started\n"
                           "\n"
                           "Some text.\n"
                           "\n"
                           "- 2019\n"
                           "- Untranslated item\n");
    write_data("fr.po", "msgid \"Getting started\"\n"
                        "msgstr \"Premiers pas\"\n");
    fs_document *doc = bind(state, "body:\n"
                                   "  - markdown: {file: guide.md}\n");
    assert_non_null(doc);
    /* One warning per block, at the block's line in the .md file; a block
     * with no letters is not a text to translate. */
    assert_counts(state, 0, 2);
    const char *hint = "translate it in data/fr.po (factsheet extract lists every text to "
                       "translate)";
    assert_diag(state, 0, FS_WARNING, "data/guide.md:3:1",
                "\"Some text.\" is missing from data/fr.po", hint);
    assert_diag(state, 1, FS_WARNING, "data/guide.md:6:1",
                "\"Untranslated item\" is missing from data/fr.po", hint);
    fs_box *markdown = child(doc->body, 0);
    assert_string_equal(only_paragraph(block(markdown, 0)), "Premiers pas");
    assert_string_equal(only_paragraph(block(markdown, 1)), "Some text.");
    assert_string_equal(only_paragraph(block(markdown, 3)), "Untranslated item");
}

static void test_markdown_block_missing_translation_strict(void **state)
{
    ctx *c = *state;
    c->tag = "fr";
    c->strict = true;
    standard_data();
    write_data("guide.md", "Some text.\n");
    write_data("fr.po", "msgid \"Other\"\nmsgstr \"Autre\"\n");
    bind_fails(state, "body:\n"
                      "  - markdown: {file: guide.md}\n");
    assert_counts(state, 1, 0);
    assert_error(state, 0, "data/guide.md:1:1", "\"Some text.\" is missing from data/fr.po",
                 "translate it in data/fr.po (factsheet extract lists every text to translate)");
}

static void test_markdown_from_cells(void **state)
{
    /* A cell shown by a markdown node is Markdown: its blocks are kept. */
    long_document_theme();
    write_data("steps.csv", "step,text\n"
                            "1,\"**Map** the actors.\n\n- unions\n- employers\"\n"
                            "2,Plan.\n");
    fs_document *doc = bind_ok(state, "body:\n"
                                      "  - column:\n"
                                      "      repeat: steps\n"
                                      "      content:\n"
                                      "        - heading: {value: \"{step}\", level: 3}\n"
                                      "        - markdown: \"{text}\"\n");
    fs_box *sections = child(doc->body, 0);
    fs_box *first = child(child(sections, 0), 1);
    assert_int_equal(first->child_count, 3);
    assert_string_equal(only_paragraph(block(first, 0)), "<b>Map</b> the actors.");
    assert_string_equal(only_paragraph(block(first, 1)), "unions");
    assert_string_equal(block(first, 1)->as.text.item_marker, "•");
    fs_box *second = child(child(sections, 1), 1);
    assert_int_equal(second->child_count, 1);
    assert_string_equal(only_paragraph(block(second, 0)), "Plan.");
}

static void test_link_to_unknown_heading(void **state)
{
    long_document_theme();
    standard_data();
    write_data("guide.md", "# Now here\n"
                           "\n"
                           "See [below](#nowhere) and [above](#now-here).\n"
                           "\n"
                           "And [the figures](#key-figures), [a site](https://example.org).\n");
    bind_fails(state, "body:\n"
                      "  - heading: \"Key figures\"\n"
                      "  - markdown: {file: guide.md}\n");
    assert_counts(state, 1, 0);
    assert_error(state, 0, "data/guide.md:3:1",
                 "the link to '#nowhere' names no heading of the document",
                 "did you mean 'now-here'? the headings' anchors: key-figures, now-here");
}

static void test_link_in_document_without_headings(void **state)
{
    standard_data();
    bind_fails(state, "body:\n"
                      "  - text: \"See [below](#results).\"\n");
    assert_counts(state, 1, 0);
    ctx *c = *state;
    const fs_diag *diag = fs_diags_at(c->diags, 0);
    assert_string_equal(diag->message, "the link to '#results' names no heading of the document");
    assert_string_equal(diag->hint, "the document has no heading to link to");
}

static void test_link_in_cell_reported_at_the_cell(void **state)
{
    /* A bad link in a cell's Markdown names the cell, not the layout node
     * that every row shares. */
    write_data("cases.csv", "id,summary\n"
                            "1,See [x](#nowhere).\n"
                            "2,Also [y](#nowhere).\n");
    bind_fails(state, "body:\n"
                      "  - column:\n"
                      "      repeat: cases\n"
                      "      content:\n"
                      "        - markdown: \"{summary}\"\n");
    assert_counts(state, 2, 0);
    ctx *c = *state;
    const fs_diag *first = fs_diags_at(c->diags, 0), *second = fs_diags_at(c->diags, 1);
    assert_string_equal(first->message, "the link to '#nowhere' names no heading of the document");
    assert_string_equal(first->pos.file, "data/cases.csv");
    assert_int_equal(first->pos.line, 2);
    assert_int_equal(second->pos.line, 3);
}

static void test_markdown_file_missing(void **state)
{
    standard_data();
    write_data("intro.md", "# Intro\n");
    write_data("risks.md", "# Risks\n");
    bind_fails(state, "body:\n"
                      "  - markdown: {file: itnro.md}\n");
    assert_counts(state, 1, 0);
    assert_error(state, 0, "layout/layout.yaml:2:5", "no Markdown file 'itnro.md' in data",
                 "did you mean 'intro.md'? Markdown files of the folder: intro.md, risks.md");
}

static void test_markdown_file_named_by_cell_missing(void **state)
{
    standard_data();
    write_data("intro.md", "# Intro\n");
    write_data("t.csv", "key,value\ndoc,intro.txt\n");
    bind_fails(state, "body:\n"
                      "  - markdown: {file: \"{t.doc}\"}\n");
    assert_counts(state, 1, 0);
    assert_error(state, 0, "data/t.csv:2:5", "no Markdown file 'intro.txt' in data",
                 "did you mean 'intro.md'? Markdown files of the folder: intro.md");
}

static void test_markdown_file_missing_none_in_folder(void **state)
{
    standard_data();
    bind_fails(state, "body:\n"
                      "  - markdown: {file: intro.md}\n");
    assert_counts(state, 1, 0);
    ctx *c = *state;
    const fs_diag *diag = fs_diags_at(c->diags, 0);
    assert_string_equal(diag->message, "no Markdown file 'intro.md' in data");
    assert_string_equal(diag->hint, "put the text, as NAME.md, in the data folder");
}

/* ---- flows ------------------------------------------------------------- */

static void test_flow_in_body(void **state)
{
    standard_data();
    fs_document *doc = bind_ok(state, "body:\n"
                                      "  - flow:\n"
                                      "      columns: 2\n"
                                      "      content:\n"
                                      "        - text: a\n"
                                      "        - break: column\n"
                                      "        - text: b\n"
                                      "        - break: page\n");
    fs_box *flow = child(doc->body, 0);
    assert_int_equal(flow->kind, FS_BOX_FLOW);
    assert_int_equal(flow->as.flow.columns, 2);
    assert_int_equal(flow->child_count, 4);
    assert_int_equal(child(flow, 1)->kind, FS_BOX_BREAK);
    assert_true(child(flow, 1)->as.brk.column);
    assert_false(child(flow, 3)->as.brk.column);
}

static void test_flow_inside_a_box(void **state)
{
    standard_data();
    bind_fails(state, "body:\n"
                      "  - box:\n"
                      "      content:\n"
                      "        - flow: {content: [{text: a}]}\n"
                      "footer:\n"
                      "  - flow: {content: [{text: b}]}\n");
    assert_counts(state, 2, 0);
    const char *message = "a flow must be a block of the body, not inside another node";
    const char *hint = "make the flow a block of 'body' itself";
    assert_error(state, 0, "layout/layout.yaml:4:11", message, hint);
    assert_error(state, 1, "layout/layout.yaml:6:5", message, hint);
}

static void test_flow_inside_a_repeat_reported_once(void **state)
{
    case_data();
    bind_fails(state, "body:\n"
                      "  - column:\n"
                      "      repeat: cases\n"
                      "      content:\n"
                      "        - flow: {content: [{text: \"{title}\"}]}\n");
    assert_counts(state, 1, 0);
    assert_error(state, 0, "layout/layout.yaml:5:11",
                 "a flow must be a block of the body, not inside another node",
                 "make the flow a block of 'body' itself");
}

static void test_flow_as_grid_item(void **state)
{
    /* A grid's repeated item is inside the grid, as its content would be. */
    case_data();
    bind_fails(state, "body:\n"
                      "  - grid:\n"
                      "      repeat: cases\n"
                      "      item: {flow: {content: [{text: \"{title}\"}]}}\n");
    assert_counts(state, 1, 0);
    assert_error(state, 0, "layout/layout.yaml:4:14",
                 "a flow must be a block of the body, not inside another node",
                 "make the flow a block of 'body' itself");
}

/* ---- quotes and pictures ----------------------------------------------- */

static void test_quote_attribution_style(void **state)
{
    /* The attribution takes 'attribution', else 'caption', else the
     * quote's own style: never a style the theme lacks. */
    standard_data();
    fs_document *doc =
        bind_ok(state, "body:\n"
                       "  - quote: {value: \"Words\", by: \"Someone\", style: body}\n");
    fs_box *quote = child(doc->body, 0);
    assert_int_equal(quote->kind, FS_BOX_QUOTE);
    assert_string_equal(only_paragraph(child(quote, 0)), "Words");
    assert_true(child(quote, 0)->keep_with_next);
    fs_box *by = child(quote, 1);
    assert_string_equal(only_paragraph(by), "Someone");
    assert_string_equal(by->as.text.style.family, "Inter");
    assert_near_size(by->as.text.style.size, 8.6); /* the quote's own style, body */
}

static void test_quote_needs_its_style(void **state)
{
    standard_data();
    bind_fails(state, "body:\n"
                      "  - quote: \"Words\"\n");
    assert_counts(state, 1, 0);
    assert_error(state, 0, "layout/layout.yaml:2:5",
                 "the quote needs the style 'quote', which the theme does not define",
                 "add the style to the theme's 'styles:'");
}

static const char small_svg[] = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"40\" "
                                "height=\"30\"><rect width=\"40\" height=\"30\"/></svg>\n";

static void test_image_from_cell(void **state)
{
    ctx *c = *state;
    long_document_theme();
    write_data("photos.csv", "file,caption,alt\n"
                             "map.svg,The **region**,The region of Mopti\n"
                             "map.svg,,A map\n");
    write_data("map.svg", small_svg);
    fs_bind_input input = load(state, "body:\n"
                                      "  - grid:\n"
                                      "      repeat: photos\n"
                                      "      item:\n"
                                      "        image: {src: \"{file}\", caption: \"{caption}\", "
                                      "alt: \"{alt}\", when: \"{file}\", fit: cover}\n");
    fs_images *images = fs_images_new();
    assert_non_null(images);
    input.images = images;
    fs_document *doc = fs_bind(&input, c->arena, c->diags);
    /* The second row's caption is empty: a warning at its cell. */
    assert_counts(state, 0, 1);
    assert_diag(state, 0, FS_WARNING, "data/photos.csv:3:9",
                "{caption} reads an empty cell (column 'caption')",
                "fill the cell, or remove what shows it");
    assert_non_null(doc);
    fs_box *grid = child(doc->body, 0);
    fs_box *first = child(grid, 0), *second = child(grid, 1);
    assert_int_equal(first->kind, FS_BOX_IMAGE);
    assert_non_null(first->as.image.image);
    assert_ptr_equal(first->as.image.image, second->as.image.image); /* loaded once */
    assert_true(first->as.image.cover);
    assert_int_equal(fs_image_kind_of(first->as.image.image), FS_IMAGE_SVG);
    assert_true(fs_image_width(first->as.image.image) == 40);
    assert_string_equal(only_paragraph(child(first, 0)), "The **region**"); /* a cell */
    assert_string_equal(first->as.image.alt, "The region of Mopti");
    assert_int_equal(second->child_count, 1);
    assert_int_equal(child(second, 0)->as.text.paragraph_count, 0);
    assert_string_equal(second->as.image.alt, "A map");
    fs_images_free(images);
}

static void test_image_missing_file(void **state)
{
    ctx *c = *state;
    write_data("photos.csv", "file\nmissing.png\n");
    write_data("other.png.txt", "not a picture\n");
    fs_bind_input input = load(state, "body:\n"
                                      "  - grid:\n"
                                      "      repeat: photos\n"
                                      "      item: {image: \"{file}\"}\n"
                                      "  - image: {src: gone.jpg}\n");
    fs_images *images = fs_images_new();
    assert_non_null(images);
    input.images = images;
    assert_null(fs_bind(&input, c->arena, c->diags));
    assert_counts(state, 2, 0);
    const char *hint = "the folder 'data' holds no PNG, JPEG or SVG file";
    assert_error(state, 0, "data/photos.csv:2:1",
                 "cannot open 'data/missing.png': No such file or directory", hint);
    assert_error(state, 1, "layout/layout.yaml:5:5",
                 "cannot open 'data/gone.jpg': No such file or directory", hint);
    fs_images_free(images);
}

static void test_image_not_loaded_without_cache(void **state)
{
    /* Without fs_images (factsheet extract) the file is not looked at. */
    write_data("photos.csv", "file,caption\nmissing.png,A **bold** caption\n");
    fs_document *doc =
        bind_ok(state, "body:\n"
                       "  - grid:\n"
                       "      repeat: photos\n"
                       "      item: {image: {src: \"{file}\", caption: \"{caption}\", "
                       "style: body}}\n");
    fs_box *image = child(child(doc->body, 0), 0);
    assert_int_equal(image->kind, FS_BOX_IMAGE);
    assert_null(image->as.image.image);
    /* With no 'alt', the caption is the alternative text, as plain text. */
    assert_string_equal(image->as.image.alt, "A **bold** caption");
    assert_string_equal(only_paragraph(child(image, 0)), "A **bold** caption");
}

/* Run last: under AddressSanitizer (make check) it stops the whole binary.
 * src/bind/fs_bind_text.c block_box names a heading's style from a char array
 * local to its FS_BLOCK_HEADING case, and bind_resolve_style reads it after
 * that scope ends: a stack-use-after-scope whenever the theme has h1, h2 or
 * h3. The release build happens to read the right bytes. */
static void test_markdown_heading_styles(void **state)
{
    char theme[2048];
    snprintf(theme, sizeof theme,
             "%s"
             "  h1: {font: sans, size: 20pt, weight: bold}\n"
             "  h2: {font: sans, size: 14pt, weight: bold}\n"
             "  h3: {font: sans, size: 10pt, weight: bold, color: primary}\n",
             theme_yaml);
    write_file("layout/theme.yaml", theme);
    standard_data();
    write_data("guide.md", "# One\n\n## Two\n\n### Three\n\n#### Four\n");
    fs_document *doc = bind_ok(state, "body:\n"
                                      "  - markdown: {file: guide.md}\n");
    fs_box *markdown = child(doc->body, 0);
    assert_int_equal(markdown->child_count, 4);
    static const double sizes[] = {20, 14, 10, 10};
    static const int levels[] = {1, 2, 3, 3};
    for (size_t i = 0; i < 4; i++) {
        fs_box *heading = block(markdown, i);
        assert_int_equal(heading->as.text.level, levels[i]);
        assert_near_size(heading->as.text.style.size, sizes[i]);
    }
    assert_string_equal(block(markdown, 3)->as.text.anchor, "four");
}

/* ---- charts ------------------------------------------------------------- */

/* A key,value table of shares and counts, and a table that bar charts and
 * progress bars walk (a target per row). Columns of groups.csv, for the
 * positions of errors: groups at 11, groups_target at 14, members at 17,
 * members_target at 21 on the Indonesia row (line 2). */
static const char chart_brief_csv[] = "key,value\n"
                                      "women,47%\n"
                                      "members,12\n"
                                      "over,120%\n";

static const char chart_groups_csv[] = "country,groups,groups_target,members,members_target\n"
                                       "Indonesia,18,50,350,1000\n"
                                       "Vietnam,10,25,300,750\n";

static const char chart_ratifications_csv[] = "year,country\n"
                                              "2011,Uruguay\n"
                                              "2012,Philippines\n"
                                              "2012,Mauritius\n";

/* The tables, and the theme with 'caption', a chart's default style. */
static void chart_data(void)
{
    long_document_theme();
    write_data("brief.csv", chart_brief_csv);
    write_data("groups.csv", chart_groups_csv);
    write_data("ratifications.csv", chart_ratifications_csv);
}

/* The kind names of charts and the texts of these tests in French, in the
 * data catalog as the French tests above write it. */
static void chart_french_catalog(void **state)
{
    ctx *c = *state;
    c->tag = "fr";
    write_data("fr.po", "msgid \"Donut chart\"\nmsgstr \"Graphique en anneau\"\n\n"
                        "msgid \"Bar chart\"\nmsgstr \"Graphique à barres\"\n\n"
                        "msgid \"Column chart\"\nmsgstr \"Histogramme\"\n\n"
                        "msgid \"Icon array\"\nmsgstr \"Pictogrammes\"\n\n"
                        "msgid \"Progress bar\"\nmsgstr \"Barre de progression\"\n\n"
                        "msgid \"Timeline\"\nmsgstr \"Frise chronologique\"\n\n"
                        "msgid \"of new members are women\"\n"
                        "msgstr \"des nouveaux membres sont des femmes\"\n\n"
                        "msgid \"Half the new members are women\"\n"
                        "msgstr \"La moitié des nouveaux membres sont des femmes\"\n\n"
                        "msgid \"Indonesia\"\nmsgstr \"Indonésie\"\n\n"
                        "msgid \"Vietnam\"\nmsgstr \"Viêt Nam\"\n\n"
                        "msgid \"Uruguay\"\nmsgstr \"Uruguay\"\n\n"
                        "msgid \"Philippines\"\nmsgstr \"Philippines\"\n\n"
                        "msgid \"Mauritius\"\nmsgstr \"Maurice\"\n");
}

/* The i-th block of the body, which must be a chart. */
static const fs_box *chart_at(const fs_document *doc, size_t i)
{
    const fs_box *box = child(doc->body, i);
    assert_int_equal(box->kind, FS_BOX_CHART);
    assert_non_null(box->as.chart.alt);
    return box;
}

static const char donut_yaml[] = "body:\n"
                                 "  - chart:\n"
                                 "      type: donut\n"
                                 "      value: \"{brief.women}\"\n"
                                 "      label: \"of new members are women\"\n";

static const char bars_yaml[] = "body:\n"
                                "  - chart:\n"
                                "      type: bar\n"
                                "      repeat: groups\n"
                                "      label: \"{country}\"\n"
                                "      value: \"{groups}\"\n"
                                "      target: \"{groups_target}\"\n";

static const char progress_yaml[] = "body:\n"
                                    "  - chart:\n"
                                    "      type: progress\n"
                                    "      repeat: groups\n"
                                    "      where: {country: Indonesia}\n"
                                    "      label: \"{country}\"\n"
                                    "      value: \"{members}\"\n"
                                    "      target: \"{members_target}\"\n";

static const char timeline_yaml[] = "body:\n"
                                    "  - chart:\n"
                                    "      type: timeline\n"
                                    "      repeat: ratifications\n"
                                    "      value: \"{year}\"\n"
                                    "      label: \"{country}\"\n";

static void test_chart_look_phases_and_icons(void **state)
{
    char theme[2048];
    snprintf(theme, sizeof theme,
             "%s"
             "  caption: {font: sans, size: 7pt, color: muted}\n"
             "  value: {font: sans, size: 9pt, weight: semibold, color: text}\n"
             "chart:\n"
             "  color: primary\n"
             "  palette: [accent, muted]\n"
             "  thickness: 4pt\n"
             "  value-style: value\n",
             theme_yaml);
    write_file("layout/theme.yaml", theme);
    write_data("phases.csv", "period,title,text,icon\n"
                             "2011–2015,Phase one,Villages manage risk,groups\n"
                             "2016–2020,Phase two,Coalitions grow,campaign\n"
                             "2021,Phase three,Exit,school\n");
    fs_document *doc = bind_ok(state, "body:\n"
                                      "  - chart:\n"
                                      "      type: timeline\n"
                                      "      across: true\n"
                                      "      repeat: phases\n"
                                      "      value: \"{period}\"\n"
                                      "      title: \"{title}\"\n"
                                      "      label: \"{text}\"\n"
                                      "      icon: \"{icon}\"\n"
                                      "      colors: palette\n"
                                      "  - chart:\n"
                                      "      type: timeline\n"
                                      "      repeat: phases\n"
                                      "      value: \"{period}\"\n"
                                      "      label: \"{text}\"\n"
                                      "      colors: [text]\n"
                                      "      style: body\n");
    const fs_box *phases = chart_at(doc, 0);
    assert_int_equal(phases->as.chart.item_count, 3);
    /* The theme's look: the series colour, its track, the thickness, the
     * values' style; labels in caption, a chart's default. */
    assert_float_equal(phases->as.chart.color.r, 0x0B / 255.0, 1e-9);
    assert_float_equal(phases->as.chart.track.a, 0.2, 1e-9);
    assert_float_equal(phases->as.chart.thickness, 4, 1e-9);
    assert_float_equal(phases->as.chart.value_style.size, 9, 1e-9);
    assert_int_equal(phases->as.chart.value_style.weight, 600);
    assert_float_equal(phases->as.chart.style.size, 7, 1e-9);
    /* Each phase its title, its icon and its colour of the palette, in
     * turn: accent, muted, accent. */
    static const char *const titles[] = {"Phase one", "Phase two", "Phase three"};
    static const uint32_t icons[] = {0xf233, 0xef49, 0xe80c};
    static const double reds[] = {0xD9 / 255.0, 0x4A / 255.0, 0xD9 / 255.0};
    for (size_t i = 0; i < 3; i++) {
        const fs_chart_item *item = &phases->as.chart.items[i];
        assert_string_equal(item->title, titles[i]);
        assert_true(item->icon.has);
        assert_int_equal(item->icon.codepoint, icons[i]);
        assert_float_equal(item->color.r, reds[i], 1e-9);
    }
    const fs_box *plain = chart_at(doc, 1);
    assert_null(plain->as.chart.items[0].title);
    assert_false(plain->as.chart.items[0].icon.has);
    assert_float_equal(plain->as.chart.items[2].color.r, 0x1F / 255.0, 1e-9);
    assert_float_equal(plain->as.chart.style.size, 8.6, 1e-9);
}

static void test_chart_donut(void **state)
{
    chart_data();
    fs_document *doc = bind_ok(state, donut_yaml);
    const fs_box *donut = chart_at(doc, 0);
    assert_int_equal(donut->as.chart.kind, FS_CHART_DONUT);
    assert_int_equal(donut->as.chart.item_count, 1);
    assert_float_equal(donut->as.chart.items[0].value, 47, 0);
    assert_string_equal(donut->as.chart.items[0].text, "47%");
    assert_string_equal(donut->as.chart.items[0].label, "of new members are women");
    assert_false(donut->as.chart.items[0].has_target);
    /* The series is the theme's accent; the number in the middle takes
     * the stat number's style. */
    assert_float_equal(donut->as.chart.color.r, 0xD9 / 255.0, 1e-9);
    assert_float_equal(donut->as.chart.color.g, 0x66 / 255.0, 1e-9);
    assert_near_size(donut->as.chart.number_style.size, 19);
    assert_string_equal(donut->as.chart.alt, "Donut chart: 47% of new members are women");
}

static void test_chart_donut_in_french(void **state)
{
    chart_french_catalog(state);
    chart_data();
    fs_document *doc = bind_ok(state, donut_yaml);
    const fs_box *donut = chart_at(doc, 0);
    /* The number drawn has the language's typography, as the running text
     * and the alternative text: a narrow no-break space before '%'. */
    assert_string_equal(donut->as.chart.items[0].text, "47" NNBSP "%");
    assert_string_equal(donut->as.chart.items[0].label, "des nouveaux membres sont des femmes");
    assert_string_equal(donut->as.chart.alt, "Graphique en anneau" NBSP ": 47" NNBSP
                                             "% des nouveaux membres sont des femmes");
}

static void test_chart_icon_array(void **state)
{
    chart_data();
    fs_document *doc = bind_ok(state, "body:\n"
                                      "  - chart:\n"
                                      "      type: icons\n"
                                      "      icon: woman\n"
                                      "      of: 20\n"
                                      "      value: \"{brief.women}\"\n"
                                      "      label: \"of new members are women\"\n"
                                      "  - chart: {type: icons, value: \"{brief.women}\"}\n");
    const fs_box *icons = chart_at(doc, 0);
    assert_int_equal(icons->as.chart.kind, FS_CHART_ICONS);
    assert_int_equal(icons->as.chart.total, 20);
    assert_true(icons->as.chart.icon.has);
    assert_int_equal(icons->as.chart.icon.codepoint, 0xe13e); /* woman */
    assert_non_null(icons->as.chart.icon.family);
    assert_string_equal(icons->as.chart.alt, "Icon array: 47% of new members are women");
    /* Ten pictograms of a person unless the layout says otherwise. */
    const fs_box *plain = chart_at(doc, 1);
    assert_int_equal(plain->as.chart.total, 10);
    assert_int_equal(plain->as.chart.icon.codepoint, 0xe7fd); /* person */
    assert_string_equal(plain->as.chart.items[0].label, "");
}

static void test_chart_bars(void **state)
{
    chart_data();
    fs_document *doc = bind_ok(state, bars_yaml);
    const fs_box *bars = chart_at(doc, 0);
    assert_int_equal(bars->as.chart.kind, FS_CHART_BAR);
    assert_int_equal(bars->as.chart.item_count, 2);
    assert_string_equal(bars->as.chart.items[0].label, "Indonesia");
    assert_float_equal(bars->as.chart.items[0].value, 18, 0);
    assert_true(bars->as.chart.items[0].has_target);
    assert_float_equal(bars->as.chart.items[0].target, 50, 0);
    assert_string_equal(bars->as.chart.items[1].text, "10");
    assert_string_equal(bars->as.chart.items[1].target_text, "25");
    assert_string_equal(bars->as.chart.alt, "Bar chart: Indonesia: 18 / 50; Vietnam: 10 / 25");
}

static void test_chart_bars_in_french(void **state)
{
    chart_french_catalog(state);
    chart_data();
    fs_document *doc = bind_ok(state, bars_yaml);
    assert_string_equal(chart_at(doc, 0)->as.chart.alt,
                        "Graphique à barres" NBSP ": Indonésie" NBSP ": 18 / 50" NNBSP
                        "; Viêt Nam" NBSP ": 10 / 25");
}

static void test_chart_bars_where(void **state)
{
    /* 'where' picks the rows, as it does for grids and lists. */
    chart_data();
    fs_document *doc = bind_ok(state, "body:\n"
                                      "  - chart:\n"
                                      "      type: column\n"
                                      "      repeat: groups\n"
                                      "      where: {country: Vietnam}\n"
                                      "      label: \"{country}\"\n"
                                      "      value: \"{members}\"\n");
    const fs_box *columns = chart_at(doc, 0);
    assert_int_equal(columns->as.chart.kind, FS_CHART_COLUMN);
    assert_int_equal(columns->as.chart.item_count, 1);
    assert_string_equal(columns->as.chart.alt, "Column chart: Vietnam: 300");
}

static void test_chart_progress(void **state)
{
    chart_data();
    fs_document *doc = bind_ok(state, progress_yaml);
    const fs_box *progress = chart_at(doc, 0);
    assert_int_equal(progress->as.chart.kind, FS_CHART_PROGRESS);
    assert_string_equal(progress->as.chart.items[0].target_text, "1,000");
    assert_int_equal(progress->as.chart.item_count, 1);
    assert_float_equal(progress->as.chart.items[0].value, 350, 0);
    assert_float_equal(progress->as.chart.items[0].target, 1000, 0);
    assert_string_equal(progress->as.chart.alt, "Progress bar: Indonesia: 350 / 1,000");
}

static void test_chart_progress_in_french(void **state)
{
    /* Numbers are grouped with a narrow no-break space. */
    chart_french_catalog(state);
    chart_data();
    fs_document *doc = bind_ok(state, progress_yaml);
    assert_string_equal(chart_at(doc, 0)->as.chart.alt,
                        "Barre de progression" NBSP ": Indonésie" NBSP ": 350 / 1" NNBSP "000");
}

static void test_chart_timeline(void **state)
{
    chart_data();
    fs_document *doc = bind_ok(state, timeline_yaml);
    const fs_box *timeline = chart_at(doc, 0);
    assert_int_equal(timeline->as.chart.kind, FS_CHART_TIMELINE);
    assert_int_equal(timeline->as.chart.item_count, 3);
    /* A year is printed as written, never grouped. */
    assert_string_equal(timeline->as.chart.items[0].text, "2011");
    assert_string_equal(timeline->as.chart.items[2].label, "Mauritius");
    assert_string_equal(timeline->as.chart.alt,
                        "Timeline: 2011: Uruguay; 2012: Philippines; 2012: Mauritius");
}

static void test_chart_timeline_in_french(void **state)
{
    chart_french_catalog(state);
    chart_data();
    fs_document *doc = bind_ok(state, timeline_yaml);
    const fs_box *timeline = chart_at(doc, 0);
    assert_string_equal(timeline->as.chart.items[0].text, "2011");
    assert_string_equal(timeline->as.chart.alt,
                        "Frise chronologique" NBSP ": 2011" NBSP ": Uruguay" NNBSP "; 2012" NBSP
                        ": Philippines" NNBSP "; 2012" NBSP ": Maurice");
}

static void test_chart_alt_from_the_layout(void **state)
{
    /* An 'alt' the layout writes replaces the one made from the data, in
     * English and translated. */
    static const char yaml[] = "body:\n"
                               "  - chart:\n"
                               "      type: donut\n"
                               "      value: \"{brief.women}\"\n"
                               "      label: \"of new members are women\"\n"
                               "      alt: \"Half the new members are women\"\n";
    chart_data();
    assert_string_equal(chart_at(bind_ok(state, yaml), 0)->as.chart.alt,
                        "Half the new members are women");
}

static void test_chart_alt_from_the_layout_in_french(void **state)
{
    static const char yaml[] = "body:\n"
                               "  - chart:\n"
                               "      type: bar\n"
                               "      repeat: groups\n"
                               "      value: \"{groups}\"\n"
                               "      alt: \"Half the new members are women\"\n";
    chart_french_catalog(state);
    chart_data();
    assert_string_equal(chart_at(bind_ok(state, yaml), 0)->as.chart.alt,
                        "La moitié des nouveaux membres sont des femmes");
}

static void test_chart_alt_of_a_label_with_markdown(void **state)
{
    /* The label is drawn with its Markdown; the alternative text, read
     * aloud, has its words without the marks. */
    chart_data();
    fs_document *doc = bind_ok(state, "body:\n"
                                      "  - chart:\n"
                                      "      type: donut\n"
                                      "      value: \"{brief.women}\"\n"
                                      "      label: \"of **new** members are _women_\"\n");
    const fs_box *donut = chart_at(doc, 0);
    assert_string_equal(donut->as.chart.items[0].label, "of <b>new</b> members are <i>women</i>");
    assert_true(strcmp(donut->as.chart.alt, "Donut chart: 47% of new members are women") == 0);
}

static void test_chart_kind_name_missing_from_the_catalog(void **state)
{
    /* The kind name is a text to translate like any other, a text of the
     * layout: missing, it is a warning at the chart that names the layout's
     * catalog, and the English name is used. */
    ctx *c = *state;
    c->tag = "fr";
    write_data("fr.po", "msgid \"of new members are women\"\n"
                        "msgstr \"des nouveaux membres sont des femmes\"\n");
    chart_data();
    fs_document *doc = bind(state, donut_yaml);
    assert_non_null(doc);
    assert_counts(state, 0, 1);
    assert_diag(state, 0, FS_WARNING, "layout/layout.yaml:2:5",
                "\"Donut chart\" is missing from layout/fr.po",
                "translate it in layout/fr.po (factsheet extract lists every text to translate)");
    assert_string_equal(chart_at(doc, 0)->as.chart.alt,
                        "Donut chart" NBSP ": 47" NNBSP "% des nouveaux membres sont des femmes");
}

static void test_chart_donut_not_a_percentage(void **state)
{
    chart_data();
    bind_fails(state, "body:\n"
                      "  - chart: {type: donut, value: \"{brief.members}\", label: x}\n");
    assert_counts(state, 1, 0);
    assert_error(state, 0, "data/brief.csv:3:9", "a donut shows a share: '12' is not a percentage",
                 "write the share as a percentage such as 47%");
}

static void test_chart_icon_array_not_a_percentage(void **state)
{
    chart_data();
    bind_fails(state, "body:\n"
                      "  - chart: {type: icons, value: \"{brief.members}\", label: x}\n");
    assert_counts(state, 1, 0);
    ctx *c = *state;
    const fs_diag *diag = fs_diags_at(c->diags, 0);
    assert_diag(state, 0, FS_ERROR, "data/brief.csv:3:9", diag->message,
                "write the share as a percentage such as 47%");
    assert_true(strcmp(diag->message, "an icon array shows a share: '12' is not a percentage") ==
                0);
}

static void test_chart_share_over_100(void **state)
{
    /* Hints are not formats: "100%", never "100%%". */
    chart_data();
    bind_fails(state, "body:\n"
                      "  - chart: {type: donut, value: \"{brief.over}\", label: x}\n");
    assert_counts(state, 1, 0);
    assert_error(state, 0, "data/brief.csv:4:6", "a share of 120%", "a share is at most 100%");
}

static void test_chart_negative_values_each_at_its_cell(void **state)
{
    /* Every bad row is reported, each at its cell, in one pass. */
    chart_data();
    write_data("groups.csv", "country,groups,groups_target\n"
                             "Indonesia,-18,50\n"
                             "Vietnam,10,25\n"
                             "Laos,-2,5\n");
    bind_fails(state, bars_yaml);
    assert_counts(state, 2, 0);
    assert_error(state, 0, "data/groups.csv:2:11", "a negative value, -18",
                 "a chart shows amounts of zero or more");
    assert_error(state, 1, "data/groups.csv:4:6", "a negative value, -2",
                 "a chart shows amounts of zero or more");
}

static void test_chart_progress_target_of_zero(void **state)
{
    chart_data();
    write_data("groups.csv", "country,members,members_target\n"
                             "Indonesia,350,1000\n"
                             "Vietnam,300,0\n");
    /* One progress bar per row, as the results layout draws them. */
    bind_fails(state, "body:\n"
                      "  - column:\n"
                      "      repeat: groups\n"
                      "      content:\n"
                      "        - chart:\n"
                      "            type: progress\n"
                      "            label: \"{country}\"\n"
                      "            value: \"{members}\"\n"
                      "            target: \"{members_target}\"\n");
    assert_counts(state, 1, 0);
    assert_error(state, 0, "data/groups.csv:3:13",
                 "a target of 0: nothing can be measured against it", "give a target above zero");
}

static void test_chart_value_not_a_number_at_each_cell(void **state)
{
    chart_data();
    write_data("groups.csv", "country,groups\n"
                             "Indonesia,many\n"
                             "Vietnam,10\n"
                             "Laos,some\n");
    bind_fails(state, "body:\n"
                      "  - chart: {type: bar, repeat: groups, value: \"{groups}\"}\n");
    assert_counts(state, 2, 0);
    assert_error(state, 0, "data/groups.csv:2:11",
                 "{groups} needs a number in column 'groups', found 'many'",
                 "write a number such as 2029052 or 2,029,052 (no words or units in the cell)");
    assert_error(state, 1, "data/groups.csv:4:6",
                 "{groups} needs a number in column 'groups', found 'some'",
                 "write a number such as 2029052 or 2,029,052 (no words or units in the cell)");
}

static void test_chart_value_of_two_placeholders_reported_once(void **state)
{
    /* One mistake in the layout, one error, however many rows. */
    chart_data();
    bind_fails(state, "body:\n"
                      "  - chart:\n"
                      "      type: bar\n"
                      "      repeat: groups\n"
                      "      value: \"{groups} and {members}\"\n");
    assert_counts(state, 1, 0);
    assert_error(state, 0, "layout/layout.yaml:5:15",
                 "a chart's 'value' must be one placeholder naming a number",
                 "write one placeholder such as \"{share}\" or \"{brief.groups, number}\"");
}

static void test_chart_target_of_literal_text_reported_once(void **state)
{
    chart_data();
    bind_fails(state, "body:\n"
                      "  - chart:\n"
                      "      type: progress\n"
                      "      repeat: groups\n"
                      "      value: \"{members}\"\n"
                      "      target: \"1000\"\n");
    assert_counts(state, 1, 0);
    assert_error(state, 0, "layout/layout.yaml:6:16",
                 "a chart's 'target' must be one placeholder naming a number",
                 "write one placeholder such as \"{share}\" or \"{brief.groups, number}\"");
}

static void test_chart_unknown_literal_icon(void **state)
{
    /* A name written in the layout is reported at its chart, with the
     * names it may stand for, as a stat's is. */
    chart_data();
    bind_fails(state, "body:\n"
                      "  - chart: {type: icons, icon: wommen, value: \"{brief.women}\"}\n");
    assert_counts(state, 1, 0);
    ctx *c = *state;
    const fs_diag *diag = fs_diags_at(c->diags, 0);
    assert_diag(state, 0, FS_ERROR, "layout/layout.yaml:2:5", "unknown icon 'wommen'", diag->hint);
    assert_true(strcmp(diag->hint, "did you mean 'comment', 'woman' or 'commit'? factsheet icons "
                                   "WORD lists the names that contain WORD") == 0);
}

static void test_chart_unknown_icon_in_cell(void **state)
{
    /* A name read from a cell is reported at the cell, as a stat's is. */
    chart_data();
    write_data("look.csv", "key,value\nicon,wommen\n");
    bind_fails(state,
               "body:\n"
               "  - chart: {type: icons, icon: \"{look.icon}\", value: \"{brief.women}\"}\n");
    assert_counts(state, 1, 0);
    ctx *c = *state;
    const fs_diag *diag = fs_diags_at(c->diags, 0);
    assert_string_equal(diag->message, "unknown icon 'wommen'");
    char at[PATH_MAX + 64];
    snprintf(at, sizeof at, "%s:%d:%d", diag->pos.file, diag->pos.line, diag->pos.column);
    assert_true(strcmp(at, "data/look.csv:2:6") == 0);
}

static void test_chart_icon_array_without_icon_font(void **state)
{
    /* The theme names no icon font: an error, as for a stat. */
    chart_data();
    write_file("layout/theme.yaml", "colors: {text: \"#1F2933\", accent: \"#D9661F\"}\n"
                                    "fonts: {sans: Inter}\n"
                                    "styles:\n"
                                    "  caption: {font: sans, size: 8pt}\n"
                                    "  stat-number: {font: sans, size: 19pt}\n"
                                    "  stat-label: {font: sans, size: 8pt}\n");
    bind_fails(state, "body:\n"
                      "  - chart: {type: icons, value: \"{brief.women}\"}\n");
    ctx *c = *state;
    assert_true(fs_diags_errors(c->diags) == 1);
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
        TEST(test_grid_hero_first_and_icon_positions),
        TEST(test_hero_styles),
        TEST(test_list_repeat_one_item_per_row),
        TEST(test_repeat_over_empty_table),
        TEST(test_numbers_as_written),
        TEST(test_number_skeletons_and_verbatim),
        TEST(test_codes_stay_as_written),
        TEST(test_missing_values),
        TEST(test_missing_value_leaves_when_out),
        TEST(test_any_header_and_hxl_tags),
        TEST(test_unknown_column_hint_quotes),
        TEST(test_column_for_one_language),
        TEST(test_translation_where_it_belongs),
        TEST(test_declared_types_in_layout),
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
        TEST(test_quotes_in_cell_are_curled),
        TEST(test_hyphenation_follows_the_style),
        TEST(test_house_rules_in_french_cells),
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
        TEST(test_icon_node),
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
        TEST(test_where_joins_rows_in_order),
        TEST(test_where_with_literal_values),
        TEST(test_where_unknown_column),
        TEST(test_where_value_errors),
        TEST(test_when_leaves_out_silently),
        TEST(test_when_kept_and_warnings_without_it),
        TEST(test_when_reports_its_own_errors),
        TEST(test_page_outside_header_footer),
        TEST(test_page_in_header_and_footer),
        TEST(test_first_page_heads),
        TEST(test_text_markdown_format),
        TEST(test_long_url_link_leads_to_the_url_written),
        TEST(test_text_markdown_in_repeat),
        TEST(test_year_column_as_written),
        TEST(test_year_column_in_french),
        TEST(test_markdown_file_blocks),
        TEST(test_markdown_file_in_french),
        TEST(test_markdown_block_missing_translation),
        TEST(test_markdown_block_missing_translation_strict),
        TEST(test_markdown_from_cells),
        TEST(test_link_to_unknown_heading),
        TEST(test_link_in_document_without_headings),
        TEST(test_link_in_cell_reported_at_the_cell),
        TEST(test_markdown_file_missing),
        TEST(test_markdown_file_named_by_cell_missing),
        TEST(test_markdown_file_missing_none_in_folder),
        TEST(test_flow_in_body),
        TEST(test_flow_inside_a_box),
        TEST(test_flow_inside_a_repeat_reported_once),
        TEST(test_flow_as_grid_item),
        TEST(test_quote_attribution_style),
        TEST(test_quote_needs_its_style),
        TEST(test_image_from_cell),
        TEST(test_image_missing_file),
        TEST(test_image_not_loaded_without_cache),
        TEST(test_chart_look_phases_and_icons),
        TEST(test_chart_donut),
        TEST(test_chart_donut_in_french),
        TEST(test_chart_icon_array),
        TEST(test_chart_bars),
        TEST(test_chart_bars_in_french),
        TEST(test_chart_bars_where),
        TEST(test_chart_progress),
        TEST(test_chart_progress_in_french),
        TEST(test_chart_timeline),
        TEST(test_chart_timeline_in_french),
        TEST(test_chart_alt_from_the_layout),
        TEST(test_chart_alt_from_the_layout_in_french),
        TEST(test_chart_alt_of_a_label_with_markdown),
        TEST(test_chart_kind_name_missing_from_the_catalog),
        TEST(test_chart_donut_not_a_percentage),
        TEST(test_chart_icon_array_not_a_percentage),
        TEST(test_chart_share_over_100),
        TEST(test_chart_negative_values_each_at_its_cell),
        TEST(test_chart_progress_target_of_zero),
        TEST(test_chart_value_not_a_number_at_each_cell),
        TEST(test_chart_value_of_two_placeholders_reported_once),
        TEST(test_chart_target_of_literal_text_reported_once),
        TEST(test_chart_unknown_literal_icon),
        TEST(test_chart_unknown_icon_in_cell),
        TEST(test_chart_icon_array_without_icon_font),
        TEST(test_markdown_heading_styles), /* last: see its comment */
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
