/* What a cell's text is (CSV tables, fs_table_internal.h): a number
 * written with the file's conventions, a missing marker, a date or text. */
#include "load/fs_table_internal.h"

#include "core/fs_alloc.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- numbers --------------------------------------------------------- */

static size_t digit_run(const unsigned char *s, size_t end, size_t i)
{
    size_t start = i;
    while (i < end && s[i] >= '0' && s[i] <= '9')
        i++;
    return i - start;
}

/* Length of a no-break space (U+00A0) or narrow no-break space (U+202F) at
 * s[i], 0 when there is none. */
static size_t nbsp_length(const unsigned char *s, size_t end, size_t i)
{
    if (end - i >= 2 && s[i] == 0xC2 && s[i + 1] == 0xA0)
        return 2;
    if (end - i >= 3 && s[i] == 0xE2 && s[i + 1] == 0x80 && s[i + 2] == 0xAF)
        return 3;
    return 0;
}

/* Length of a thousands separator at s[i], 0 when there is none: a space or
 * a no-break space in any file, and the mark that is not the decimal one
 * (',' where the decimal mark is '.', '.' where it is ','). */
static size_t group_mark(const unsigned char *s, size_t end, size_t i, char decimal)
{
    if (i >= end)
        return 0;
    if (s[i] == ' ' || s[i] == (decimal == ',' ? '.' : ','))
        return 1;
    return nbsp_length(s, end, i);
}

/* Length of the optional space allowed between a number and '%'. */
static size_t percent_space(const unsigned char *s, size_t end, size_t i)
{
    if (i < end && s[i] == ' ')
        return 1;
    return nbsp_length(s, end, i);
}

/* Reads the integer part with optional thousands groups: a first group of
 * one to three digits, then groups of exactly three behind one and the same
 * separator; the digits go to digits. Returns the index after it, or 0
 * when there is no digit. */
static size_t integer_part(const unsigned char *s, size_t end, size_t i, char decimal, char *digits,
                           size_t *count)
{
    size_t run = digit_run(s, end, i);
    if (run == 0)
        return 0;
    memcpy(digits + *count, s + i, run);
    *count += run;
    i += run;
    size_t mark = group_mark(s, end, i, decimal);
    if (run > 3 || mark == 0)
        return i;
    size_t first = i, first_mark = mark;
    while (mark == first_mark && memcmp(s + i, s + first, mark) == 0 &&
           digit_run(s, end, i + mark) == 3) {
        memcpy(digits + *count, s + i + mark, 3);
        *count += 3;
        i += mark + 3;
        mark = group_mark(s, end, i, decimal);
    }
    return i;
}

/* The text of a cell without surrounding spaces and tabs. */
void table_trim_span(const char *text, size_t length, size_t *begin, size_t *end)
{
    *begin = 0;
    *end = length;
    while (*begin < *end && is_space((unsigned char)text[*begin]))
        (*begin)++;
    while (*end > *begin && is_space((unsigned char)text[*end - 1]))
        (*end)--;
}

/* Classifies a number's text in the file's conventions (decimal is its
 * decimal mark) and writes it exactly as a plain decimal into canonical,
 * which has room for length + 2 bytes: "-", digits, "." and decimals, a
 * percent without its sign. Surrounding spaces and tabs are ignored.
 * Returns CELL_EMPTY, CELL_TEXT (not a number), CELL_CODE (a number written
 * with a leading zero), or the number's kind. */
cell_kind table_parse_number(const char *text, size_t length, char decimal, char *canonical)
{
    const unsigned char *s = (const unsigned char *)text;
    size_t i, end;
    table_trim_span(text, length, &i, &end);
    if (i == end)
        return CELL_EMPTY;
    size_t count = 0;
    if (s[i] == '-') {
        canonical[count++] = '-';
        i++;
    }
    bool leading_zero = i + 1 < end && s[i] == '0' && s[i + 1] >= '0' && s[i + 1] <= '9';
    i = integer_part(s, end, i, decimal, canonical, &count);
    if (i == 0)
        return CELL_TEXT;
    size_t decimals = 0;
    if (i < end && s[i] == (unsigned char)decimal) {
        decimals = digit_run(s, end, i + 1);
        if (decimals == 0)
            return CELL_TEXT;
        canonical[count++] = '.';
        memcpy(canonical + count, s + i + 1, decimals);
        count += decimals;
        i += 1 + decimals;
    }
    bool percent = false;
    size_t space = percent_space(s, end, i);
    if (i + space < end && s[i + space] == '%') {
        percent = true;
        i += space + 1;
    }
    canonical[count] = '\0';
    if (i != end)
        return CELL_TEXT;
    if (leading_zero)
        return CELL_CODE;
    return percent ? CELL_PERCENT : decimals ? CELL_DECIMAL : CELL_INTEGER;
}

/* Whether the text is a missing marker: "-", "–", "—", "..", "N/A", "NA"
 * or "x" in any case, with spaces around. */
static bool is_marker(const char *text, size_t length)
{
    static const char *const markers[] = {"-", "\u2013", "\u2014", "..", "n/a", "na", "x"};
    size_t begin, end;
    table_trim_span(text, length, &begin, &end);
    for (size_t i = 0; i < sizeof markers / sizeof markers[0]; i++)
        if (strlen(markers[i]) == end - begin &&
            strncasecmp(text + begin, markers[i], end - begin) == 0)
            return true;
    return false;
}

/* Whether the text is a date, YYYY-MM-DD or YYYY-MM, of the calendar. */
static bool is_date(const char *text, size_t length)
{
    size_t begin, end;
    table_trim_span(text, length, &begin, &end);
    const char *s = text + begin;
    size_t n = end - begin;
    if (n != 7 && n != 10)
        return false;
    for (size_t i = 0; i < n; i++)
        if ((i == 4 || i == 7) != (s[i] == '-') || (s[i] != '-' && (s[i] < '0' || s[i] > '9')))
            return false;
    int year = atoi(s), month = atoi(s + 5), day = n == 10 ? atoi(s + 8) : 1;
    static const int days[12] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    if (month < 1 || month > 12 || day < 1 || day > days[month - 1] ||
        (month == 2 && day == 29 && !leap))
        return false;
    return year >= 1;
}

/* Classifies a cell's text and stores its value. */
cell_kind table_classify(const char *text, char decimal, double *value)
{
    size_t length = strlen(text);
    char small[128];
    char *canonical = length + 2 <= sizeof small ? small : fs_malloc(length + 2);
    if (!canonical)
        return CELL_TEXT;
    cell_kind kind = table_parse_number(text, length, decimal, canonical);
    if (kind != CELL_EMPTY && kind != CELL_TEXT) {
        /* strtod rounds correctly; the C locale reads '.' (factsheet never
         * calls setlocale). */
        *value = strtod(canonical, NULL);
        if (!isfinite(*value))
            kind = CELL_TEXT;
    } else if (kind == CELL_TEXT && is_marker(text, length)) {
        kind = CELL_MARKER;
    } else if (kind == CELL_TEXT && is_date(text, length)) {
        kind = CELL_DATE;
    }
    if (canonical != small)
        free(canonical);
    return kind;
}

/* Whether a cell's text can only be a number with a decimal comma: digits,
 * a comma, and then one, two or more than three digits ("1839,5"). Such a
 * cell in a tab file says how the file writes decimals. */
bool table_decimal_comma_only(const char *text)
{
    size_t begin, end;
    table_trim_span(text, strlen(text), &begin, &end);
    const unsigned char *s = (const unsigned char *)text;
    size_t i = begin + (begin < end && s[begin] == '-');
    size_t whole = digit_run(s, end, i);
    if (whole == 0 || i + whole >= end || s[i + whole] != ',')
        return false;
    size_t decimals = digit_run(s, end, i + whole + 1);
    size_t after = i + whole + 1 + decimals;
    bool percent = after < end && (s[after] == '%' || s[after] == ' ');
    /* "0,125" groups nothing: a group never follows a lone zero. */
    bool zero = whole == 1 && s[i] == '0';
    return decimals > 0 && (decimals != 3 || zero) && (after == end || percent);
}

/* Whether a cell's text can only be a number with a decimal point. */
bool table_decimal_point_only(const char *text)
{
    size_t begin, end;
    table_trim_span(text, strlen(text), &begin, &end);
    const unsigned char *s = (const unsigned char *)text;
    size_t i = begin + (begin < end && s[begin] == '-');
    size_t whole = digit_run(s, end, i);
    if (whole == 0 || i + whole >= end || s[i + whole] != '.')
        return false;
    size_t decimals = digit_run(s, end, i + whole + 1);
    size_t after = i + whole + 1 + decimals;
    bool zero = whole == 1 && s[i] == '0';
    return decimals > 0 && (decimals != 3 || zero) &&
           (after == end || s[after] == '%' || s[after] == ' ');
}
