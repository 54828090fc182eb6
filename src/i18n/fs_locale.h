/* Locale formatting from CLDR data through ICU: numbers, percents, compact
 * numbers, dates and plural categories. One fs_locale is made per language
 * per run and shared by every document of that run; formatting does not
 * change it, so documents on several threads may share it. */
#ifndef FS_LOCALE_H
#define FS_LOCALE_H

#include <stdbool.h>

#include "core/fs_buf.h"
#include "core/fs_diag.h"

typedef struct fs_locale fs_locale;

/* Creates the formatters for a language tag ("en", "fr", "fr-CA"). Returns
 * NULL and appends an error naming the tag when ICU has no data for it.
 * The caller frees it with fs_locale_free. */
fs_locale *fs_locale_create(const char *lang, fs_diags *diags);
void fs_locale_free(fs_locale *locale);

/* How fs_locale_format_decimal shows a number. */
typedef enum {
    FS_DECIMAL_WRITTEN, /* grouped, with exactly the decimals written: 1.50 -> 1.50 / 1,50 */
    FS_DECIMAL_INTEGER, /* grouped, rounded half up to a whole number */
    FS_DECIMAL_SHARE,   /* a share as a percent, 0.125 -> 12.5% / 12,5 % (decimals as
                         * written, less two) */
    FS_DECIMAL_PERCENT, /* a number already in percent units, 12.5 -> 12.5% (decimals as
                         * written) */
    FS_DECIMAL_COMPACT, /* long compact form, two significant digits: 7 million */
    FS_DECIMAL_SKELETON /* an ICU number skeleton the layout gives, as it says */
} fs_decimal_style;

/* Appends decimal (a plain decimal: optional '-', digits, optional '.' and
 * digits, of any length, such as fs_table_cell_decimal gives) formatted
 * for the language, from its digits, never through a double: integers of
 * any length print exactly, and no decimal is dropped unless the style
 * rounds. skeleton is used by FS_DECIMAL_SKELETON only. False, with
 * nothing appended, when ICU refuses the number or the skeleton. */
bool fs_locale_format_decimal(const fs_locale *locale, const char *decimal, fs_decimal_style style,
                              const char *skeleton, fs_buf *out);

/* Whether ICU reads skeleton as a number skeleton ("precision-integer",
 * ".00", "percent scale/100", "compact-short"); on false, *offset is where
 * in skeleton it stops (0-based). */
bool fs_locale_skeleton_valid(const char *skeleton, int *offset);

/* Date styles. */
typedef enum {
    FS_DATE_SHORT,     /* 30/06/2019 */
    FS_DATE_MEDIUM,    /* 30 Jun 2019 / 30 juin 2019 */
    FS_DATE_LONG,      /* 30 June 2019 / 30 juin 2019 */
    FS_DATE_MONTH_YEAR /* June 2019 / juin 2019 */
} fs_date_style;

/* Appends a calendar date (proleptic Gregorian, no time zone shift) in the
 * style. False when ICU failed or the date is not valid. */
bool fs_locale_format_date(const fs_locale *locale, int year, int month, int day,
                           fs_date_style style, fs_buf *out);

/* The CLDR plural category of value in this language: "zero", "one", "two",
 * "few", "many" or "other" (a static string). French gives "one" for 0 and
 * 1, English "one" for 1 only. */
const char *fs_locale_plural(const fs_locale *locale, double value);

#endif
