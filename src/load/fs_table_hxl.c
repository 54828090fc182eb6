/* HXL in CSV tables (fs_table_internal.h): the hashtag row under the
 * header, and columns found by a tag pattern such as #affected+f. */
#include "load/fs_table_internal.h"

#include "core/fs_suggest.h"
#include "i18n/fs_template.h"

#include <string.h>

/* ---- HXL hashtags ---------------------------------------------------- */

bool table_is_letter(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool is_hex_digit(unsigned char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

/* Length of an HXL name at s[i] (a letter, then letters, digits and
 * underscores), 0 when there is none. */
static size_t hxl_name(const unsigned char *s, size_t end, size_t i)
{
    if (i >= end || !table_is_letter(s[i]))
        return 0;
    size_t start = i;
    while (i < end && (table_is_letter(s[i]) || (s[i] >= '0' && s[i] <= '9') || s[i] == '_'))
        i++;
    return i - start;
}

/* Whether s[i..end) is an HXL tag spec: "#tag" then attributes, each "+name"
 * after optional spaces ("#affected +f +children"). A colour such as "#fff"
 * or "#1a2b3c" is not taken for a tag. */
static bool is_hxl_tag(const unsigned char *s, size_t i, size_t end)
{
    if (i >= end || s[i] != '#')
        return false;
    size_t name = hxl_name(s, end, i + 1);
    if (name == 0)
        return false;
    bool colour = name == 3 || name == 4 || name == 6 || name == 8;
    for (size_t k = i + 1; k < i + 1 + name; k++)
        colour = colour && is_hex_digit(s[k]);
    i += 1 + name;
    if (i == end)
        return !colour;
    while (i < end) {
        while (i < end && is_space(s[i]))
            i++;
        if (i == end || s[i] != '+' || (name = hxl_name(s, end, i + 1)) == 0)
            return false;
        i += 1 + name;
    }
    return true;
}

/* Whether a cell's text, trimmed, is an HXL tag spec. */
bool table_is_tag_text(const char *text, size_t length)
{
    size_t begin, end;
    table_trim_span(text, length, &begin, &end);
    return is_hxl_tag((const unsigned char *)text, begin, end);
}

/* The tag spec s[begin..end) as HXL compares it: lower case, spaces out
 * ("#Affected +F" is "#affected+f"). In arena; NULL when out of memory. */
static const char *normal_tag(reader *r, const char *s, size_t begin, size_t end)
{
    char *out = fs_arena_alloc(r->arena, end - begin + 1);
    if (!out)
        return NULL;
    size_t n = 0;
    for (size_t i = begin; i < end; i++)
        if (!is_space((unsigned char)s[i]))
            out[n++] = (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] - 'A' + 'a' : s[i]);
    out[n] = '\0';
    return out;
}

/* Gives column k the tag its cell text holds; a cell that is not a tag is a
 * warning at where, and the column has none. */
void table_set_tag(reader *r, size_t k, const char *text, fs_pos where)
{
    size_t begin, end;
    table_trim_span(text, strlen(text), &begin, &end);
    if (begin == end)
        return;
    fs_column *column = &r->table->column[k];
    if (!is_hxl_tag((const unsigned char *)text, begin, end)) {
        fs_warning(r->diags, where,
                   "write '#', a name and '+attributes' with no space inside a name, such as "
                   "#affected+f; or leave the cell empty",
                   "'%.*s' is not an HXL hashtag: column %zu ('%s') has no tag", (int)(end - begin),
                   text + begin, k + 1, column->name);
        return;
    }
    column->hxl = table_keep_text(r, text + begin, end - begin);
    column->tag = normal_tag(r, text, begin, end);
    if (!column->tag)
        table_out_of_memory(r);
}

/* Whether a scanned record is a hashtag row: at least half of its non-empty
 * cells are tags (libhxl-python's rule), and at least two unless all are,
 * so that one hashtag in a row of data is not taken for a tag row. */
static bool is_tag_row(const scan_row *row)
{
    return row->cells > 0 && row->tags * 2 >= row->cells &&
           (row->tags == row->cells || row->tags >= 2);
}

/* Finds the hashtag row among the scanned records: its index, or -1. The
 * record above it is the header, which must hold a name, not only
 * numbers. */
long table_find_tag_row(const reader *r)
{
    for (size_t k = 0; k < r->scanned_count && k < FS_TABLE_HXL_ROWS; k++) {
        if (!is_tag_row(&r->scanned[k]))
            continue;
        if (k == 0 || r->scanned[k - 1].numbers < r->scanned[k - 1].cells)
            return (long)k;
    }
    return -1;
}

/* ---- HXL tag patterns ------------------------------------------------ */

/* One piece of a pattern: "#tag", "+attribute" or "-attribute", lower
 * case, at most 63 characters. Returns the length read, 0 at the end or on
 * a malformed piece (*bad set). */
static size_t pattern_piece(const char *p, char *sign, char *word, bool *bad)
{
    if (!*p)
        return 0;
    *sign = *p;
    size_t n = hxl_name((const unsigned char *)p, strlen(p), 1);
    if ((*p != '#' && *p != '+' && *p != '-') || n == 0 || n > 63) {
        *bad = true;
        return 0;
    }
    for (size_t i = 0; i < n; i++)
        word[i] = (char)(p[1 + i] >= 'A' && p[1 + i] <= 'Z' ? p[1 + i] - 'A' + 'a' : p[1 + i]);
    word[n] = '\0';
    return n + 1;
}

/* Whether the normalised tag ("#affected+f+children") has the attribute. */
static bool tag_has(const char *tag, const char *attribute)
{
    size_t length = strlen(attribute);
    for (const char *a = strchr(tag, '+'); a; a = strchr(a + 1, '+'))
        if (strncmp(a + 1, attribute, length) == 0 && (a[1 + length] == '+' || !a[1 + length]))
            return true;
    return false;
}

static size_t count_attributes(const char *tag)
{
    size_t count = 0;
    for (const char *a = strchr(tag, '+'); a; a = strchr(a + 1, '+'))
        count++;
    return count;
}

/* Whether a column's tag matches the pattern; *exact when its attributes
 * are exactly the pattern's. */
static bool tag_matches(const char *tag, const char *pattern, bool *exact)
{
    char sign, word[64];
    bool bad = false;
    size_t n, included = 0;
    const char *p = pattern;
    n = pattern_piece(p, &sign, word, &bad);
    size_t name = strcspn(tag, "+");
    if (!n || strlen(word) != name - 1 || strncmp(tag + 1, word, name - 1) != 0)
        return false;
    for (p += n; (n = pattern_piece(p, &sign, word, &bad)) > 0; p += n) {
        bool has = tag_has(tag, word);
        if ((sign == '+') != has)
            return false;
        included += sign == '+';
    }
    *exact = !bad && included == count_attributes(tag);
    return !bad;
}

size_t fs_table_find_tag(const fs_table *table, const char *pattern, size_t *column, size_t *other)
{
    if (!fs_hxl_pattern_valid(pattern))
        return 0;
    size_t matches = 0, exact_matches = 0, first = 0, second = 0, first_exact = 0;
    for (size_t k = 0; k < table->columns; k++) {
        bool exact = false;
        if (!table->column[k].tag || !tag_matches(table->column[k].tag, pattern, &exact))
            continue;
        if (exact && exact_matches++ == 0)
            first_exact = k;
        if (matches == 0)
            first = k;
        else if (matches == 1)
            second = k;
        matches++;
    }
    if (exact_matches == 1) {
        *column = first_exact;
        return 1;
    }
    *column = first;
    *other = second;
    return matches > 2 ? 2 : matches;
}
