/* Locale formatting on ICU. Every ICU object is opened once in
 * fs_locale_create and only read afterwards.
 *
 * Thread safety: UNumberFormatter is documented as immutable and shareable.
 * UDateFormat and UPluralRules are used only through APIs that take a const
 * pointer (udat_format, uplrules_select); ICU's design guide promises that
 * service objects are safe to use concurrently as long as every thread sticks
 * to const APIs, and DateFormat::format(UDate) formats through a copy of its
 * calendar rather than setting the shared one. So no mutex and no per-call
 * clone is needed, provided nothing here ever calls a non-const ICU API
 * (udat_setCalendar, udat_applyPattern, ...) after fs_locale_create returns.
 * A formatter made for one number (a layout's skeleton) lives on the
 * calling thread's stack and is closed at once. */
#include "i18n/fs_locale.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/ucal.h>
#include <unicode/udat.h>
#include <unicode/udatpg.h>
#include <unicode/uloc.h>
#include <unicode/unumberformatter.h>
#include <unicode/upluralrules.h>
#include <unicode/ures.h>
#include <unicode/ustring.h>

#define DATE_STYLES   4

/* Longest language tag accepted: far beyond any real tag, short enough that
 * ICU's fixed-size locale ID buffers never truncate it. */
#define MAX_TAG_LENGTH 64

/* Dates outside these years are rejected: they never occur in a brief and
 * would print with era markers or five-digit years. */
#define MIN_YEAR 1
#define MAX_YEAR 9999

#define LANG_HINT "use a language that ICU has data for, such as \"en\", \"fr\" or \"fr-CA\""

/* Formatters of the decimal styles (but skeletons) for numbers written
 * with up to this many decimals are made once; a number with more gets its
 * own (about 40 microseconds: ICU compiles a formatter when first used). */
#define CACHED_DECIMALS 20
#define DECIMAL_STYLES  FS_DECIMAL_SKELETON

struct fs_locale {
    char id[ULOC_FULLNAME_CAPACITY]; /* ICU's locale ID for the tag */
    UNumberFormatter *decimals[DECIMAL_STYLES][CACHED_DECIMALS + 1];
    UDateFormat *dates[DATE_STYLES];
    UPluralRules *plural;
};

/* Indexed by fs_date_style: CLDR skeletons, turned into each language's own
 * pattern (field order, separators) by the pattern generator. */
static const char *const date_skeletons[DATE_STYLES] = {
    [FS_DATE_SHORT] = "yMd",
    [FS_DATE_MEDIUM] = "yMMMd",
    [FS_DATE_LONG] = "yMMMMd",
    [FS_DATE_MONTH_YEAR] = "yMMMM",
};

/* Converts an ASCII string for ICU; false when it does not fit. */
static bool ascii_to_uchars(const char *text, UChar *out, size_t capacity)
{
    size_t length = strlen(text);
    if (length >= capacity)
        return false;
    u_uastrncpy(out, text, (int32_t)length);
    out[length] = 0;
    return true;
}

/* Appends UTF-16 text as UTF-8. False, with nothing appended, when the text
 * is not valid UTF-16 or memory runs out. */
static bool append_utf16(fs_buf *out, const UChar *text, int32_t length)
{
    char small[256];
    UErrorCode status = U_ZERO_ERROR;
    int32_t needed = 0;
    u_strToUTF8(small, (int32_t)sizeof small, &needed, text, length, &status);
    if (U_SUCCESS(status) && needed < (int32_t)sizeof small) {
        fs_buf_append(out, small, (size_t)needed);
        return fs_buf_ok(out);
    }
    if (status != U_BUFFER_OVERFLOW_ERROR && status != U_STRING_NOT_TERMINATED_WARNING)
        return false;
    char *large = malloc((size_t)needed + 1);
    if (!large)
        return false;
    status = U_ZERO_ERROR;
    u_strToUTF8(large, needed + 1, NULL, text, length, &status);
    bool ok = U_SUCCESS(status);
    if (ok) {
        fs_buf_append(out, large, (size_t)needed);
        ok = fs_buf_ok(out);
    }
    free(large);
    return ok;
}

/* Turns a BCP 47 tag into an ICU locale ID, checking that ICU has locale
 * data for its language. ICU itself accepts any string and silently falls
 * back to root (or to the process's default locale), which would turn a
 * typo in a language column into unlocalised output. */
static bool resolve_tag(const char *tag, char *id, size_t capacity)
{
    size_t length = strlen(tag);
    if (length == 0 || length > MAX_TAG_LENGTH)
        return false;
    UErrorCode status = U_ZERO_ERROR;
    int32_t parsed = 0;
    int32_t id_length = uloc_forLanguageTag(tag, id, (int32_t)capacity, &parsed, &status);
    if (U_FAILURE(status) || status == U_STRING_NOT_TERMINATED_WARNING ||
        parsed != (int32_t)length || id_length <= 0)
        return false;

    char language[ULOC_LANG_CAPACITY];
    status = U_ZERO_ERROR;
    int32_t language_length = uloc_getLanguage(id, language, (int32_t)sizeof language, &status);
    if (U_FAILURE(status) || language_length <= 0)
        return false;

    /* Opening the locale's resource bundle reports U_USING_DEFAULT_WARNING
     * when neither the locale nor any parent short of root exists. */
    status = U_ZERO_ERROR;
    UResourceBundle *bundle = ures_open(NULL, id, &status);
    ures_close(bundle);
    return U_SUCCESS(status) && status != U_USING_DEFAULT_WARNING;
}

/* Opens a date format for the best pattern of the skeleton in UTC on a
 * proleptic Gregorian calendar. id already names the Gregorian calendar, so
 * a tag such as "th-TH" (Buddhist by default) or "-u-ca-japanese" still
 * gets the Gregorian years the API promises. */
static UDateFormat *open_date(const char *id, UDateTimePatternGenerator *generator,
                              const char *skeleton)
{
    UChar text[16];
    UChar pattern[128];
    UChar utc[8];
    if (!ascii_to_uchars(skeleton, text, sizeof text / sizeof text[0]) ||
        !ascii_to_uchars("UTC", utc, sizeof utc / sizeof utc[0]))
        return NULL;
    UErrorCode status = U_ZERO_ERROR;
    int32_t length = udatpg_getBestPattern(generator, text, -1, pattern,
                                           (int32_t)(sizeof pattern / sizeof pattern[0]), &status);
    if (U_FAILURE(status) || status == U_STRING_NOT_TERMINATED_WARNING)
        return NULL;
    UDateFormat *format =
        udat_open(UDAT_PATTERN, UDAT_PATTERN, id, utc, -1, pattern, length, &status);
    if (U_FAILURE(status)) {
        udat_close(format);
        return NULL;
    }
    /* ICU's Gregorian calendar switches to Julian before October 1582; move
     * the switch to the start of time so early years stay Gregorian. */
    UCalendar *calendar = ucal_clone(udat_getCalendar(format), &status);
    if (U_SUCCESS(status))
        ucal_setGregorianChange(calendar, U_DATE_MIN, &status);
    if (U_SUCCESS(status))
        udat_setCalendar(format, calendar);
    ucal_close(calendar);
    if (U_FAILURE(status)) {
        udat_close(format);
        return NULL;
    }
    return format;
}

static void style_skeleton(fs_decimal_style style, int decimals, char *out, size_t size);
static UNumberFormatter *open_skeleton(const char *id, const char *skeleton, UParseError *parse);

/* Opens every formatter; false when ICU failed to make one. */
static bool open_formatters(fs_locale *locale, const char *id)
{
    for (int style = 0; style < DECIMAL_STYLES; style++) {
        for (int decimals = 0; decimals <= CACHED_DECIMALS; decimals++) {
            char skeleton[160];
            style_skeleton((fs_decimal_style)style, decimals, skeleton, sizeof skeleton);
            locale->decimals[style][decimals] = open_skeleton(id, skeleton, NULL);
            if (!locale->decimals[style][decimals])
                return false;
        }
    }

    char date_id[ULOC_FULLNAME_CAPACITY + 32];
    if (strlen(id) >= sizeof date_id)
        return false;
    strcpy(date_id, id);
    UErrorCode status = U_ZERO_ERROR;
    uloc_setKeywordValue("calendar", "gregorian", date_id, (int32_t)sizeof date_id, &status);
    if (U_FAILURE(status))
        return false;
    UDateTimePatternGenerator *generator = udatpg_open(date_id, &status);
    if (U_FAILURE(status)) {
        udatpg_close(generator);
        return false;
    }
    bool ok = true;
    for (int i = 0; i < DATE_STYLES && ok; i++) {
        locale->dates[i] = open_date(date_id, generator, date_skeletons[i]);
        ok = locale->dates[i] != NULL;
    }
    udatpg_close(generator);
    if (!ok)
        return false;

    status = U_ZERO_ERROR;
    locale->plural = uplrules_open(id, &status);
    return U_SUCCESS(status) && locale->plural;
}

fs_locale *fs_locale_create(const char *lang, fs_diags *diags)
{
    char id[ULOC_FULLNAME_CAPACITY];
    if (!lang || !resolve_tag(lang, id, sizeof id)) {
        if (diags)
            fs_error(diags, fs_pos_at(NULL, 0, 0), LANG_HINT, "unknown language '%s'",
                     lang ? lang : "");
        return NULL;
    }

    fs_locale *locale = calloc(1, sizeof(*locale));
    if (!locale) {
        if (diags)
            fs_error(diags, fs_pos_at(NULL, 0, 0), NULL,
                     "out of memory while loading language '%s'", lang);
        return NULL;
    }
    strcpy(locale->id, id);
    if (!open_formatters(locale, id)) {
        fs_locale_free(locale);
        if (diags)
            fs_error(diags, fs_pos_at(NULL, 0, 0),
                     "check that the ICU data package (libicu72) is installed completely",
                     "cannot load the formats of language '%s' from ICU", lang);
        return NULL;
    }
    return locale;
}

void fs_locale_free(fs_locale *locale)
{
    if (!locale)
        return;
    for (int style = 0; style < DECIMAL_STYLES; style++)
        for (int decimals = 0; decimals <= CACHED_DECIMALS; decimals++)
            unumf_close(locale->decimals[style][decimals]);
    for (int i = 0; i < DATE_STYLES; i++)
        udat_close(locale->dates[i]);
    uplrules_close(locale->plural);
    free(locale);
}

/* Appends the text of a formatted number; false with nothing appended
 * when ICU failed. */
static bool append_result(const UFormattedNumber *result, UErrorCode status, fs_buf *out)
{
    UChar small[128];
    UChar *text = small;
    int32_t length = 0;
    if (U_SUCCESS(status))
        length =
            unumf_resultToString(result, small, (int32_t)(sizeof small / sizeof small[0]), &status);
    if (status == U_BUFFER_OVERFLOW_ERROR || status == U_STRING_NOT_TERMINATED_WARNING) {
        /* Only huge magnitudes get here: 1e300 is 400 characters once
         * grouped, and so is a 300-digit cell. */
        text = malloc(((size_t)length + 1) * sizeof(UChar));
        status = text ? U_ZERO_ERROR : U_MEMORY_ALLOCATION_ERROR;
        if (text)
            length = unumf_resultToString(result, text, length + 1, &status);
    }
    bool ok = U_SUCCESS(status) && append_utf16(out, text, length);
    if (text != small)
        free(text);
    return ok;
}

/* Decimals written in a plain decimal ("1.50" has 2). */
static int written_decimals(const char *decimal)
{
    const char *dot = strchr(decimal, '.');
    return dot ? (int)strlen(dot + 1) : 0;
}

/* Whether text is a plain decimal: optional '-', digits, optional '.' and
 * digits. ICU would also take exponents and other spellings. */
static bool is_plain_decimal(const char *text)
{
    const char *c = text + (*text == '-');
    size_t digits = strspn(c, "0123456789");
    if (digits == 0)
        return false;
    c += digits;
    if (*c == '.') {
        size_t decimals = strspn(c + 1, "0123456789");
        if (decimals == 0)
            return false;
        c += 1 + decimals;
    }
    return *c == '\0';
}

/* The skeleton of a style for a number with that many decimals written:
 * exactly those decimals (no rounding, trailing zeros kept), rounding half
 * up where a style rounds, and no "-0". */
static void style_skeleton(fs_decimal_style style, int decimals, char *out, size_t size)
{
    char precision[64] = "precision-integer";
    if (decimals > 0 && decimals < 50) {
        precision[0] = '.';
        memset(precision + 1, '0', (size_t)decimals);
        precision[decimals + 1] = '\0';
    } else if (decimals >= 50) {
        snprintf(precision, sizeof precision, "precision-unlimited");
    }
    const char *common = "rounding-mode-half-up sign-negative";
    switch (style) {
    case FS_DECIMAL_WRITTEN:
        snprintf(out, size, "group-auto %s %s", precision, common);
        break;
    case FS_DECIMAL_INTEGER:
        snprintf(out, size, "group-auto precision-integer %s", common);
        break;
    case FS_DECIMAL_SHARE:
        style_skeleton(FS_DECIMAL_PERCENT, decimals > 2 ? decimals - 2 : 0, out, size);
        strncat(out, " scale/100", size - strlen(out) - 1);
        break;
    case FS_DECIMAL_PERCENT:
        snprintf(out, size, "percent group-auto %s %s", precision, common);
        break;
    default:
        snprintf(out, size, "compact-long %s", common);
        break;
    }
}

/* Opens a formatter for an ASCII skeleton in the locale; NULL when ICU
 * refuses it. parse, when given, says where. */
static UNumberFormatter *open_skeleton(const char *id, const char *skeleton, UParseError *parse)
{
    size_t length = strlen(skeleton);
    UChar small[256];
    UChar *text = length < sizeof small / sizeof small[0] ? small : malloc((length + 1) * 2);
    if (!text)
        return NULL;
    u_uastrncpy(text, skeleton, (int32_t)length);
    text[length] = 0;
    UErrorCode status = U_ZERO_ERROR;
    UParseError ignored;
    UNumberFormatter *formatter = unumf_openForSkeletonAndLocaleWithError(
        text, (int32_t)length, id, parse ? parse : &ignored, &status);
    if (text != small)
        free(text);
    if (U_FAILURE(status)) {
        unumf_close(formatter);
        return NULL;
    }
    return formatter;
}

bool fs_locale_format_decimal(const fs_locale *locale, const char *decimal, fs_decimal_style style,
                              const char *skeleton, fs_buf *out)
{
    if (!is_plain_decimal(decimal) || (style == FS_DECIMAL_SKELETON && !skeleton) ||
        (unsigned)style > FS_DECIMAL_SKELETON)
        return false;
    int decimals = written_decimals(decimal);
    const UNumberFormatter *shared = style != FS_DECIMAL_SKELETON && decimals <= CACHED_DECIMALS
                                         ? locale->decimals[style][decimals]
                                         : NULL;
    UNumberFormatter *own = NULL;
    if (!shared) {
        /* A skeleton of the layout, or many decimals: a formatter of its
         * own, which needs no lock. */
        char built[160];
        if (style != FS_DECIMAL_SKELETON) {
            style_skeleton(style, decimals, built, sizeof built);
            skeleton = built;
        }
        shared = own = open_skeleton(locale->id, skeleton, NULL);
        if (!own)
            return false;
    }
    UErrorCode status = U_ZERO_ERROR;
    UFormattedNumber *result = unumf_openResult(&status);
    if (U_SUCCESS(status))
        unumf_formatDecimal(shared, decimal, (int32_t)strlen(decimal), result, &status);
    bool ok = append_result(result, status, out);
    unumf_closeResult(result);
    unumf_close(own);
    return ok;
}

bool fs_locale_skeleton_valid(const char *skeleton, int *offset)
{
    for (const char *c = skeleton; *c; c++) {
        if ((unsigned char)*c >= 0x80) {
            *offset = (int)(c - skeleton);
            return false;
        }
    }
    UParseError parse = {0};
    UNumberFormatter *formatter = open_skeleton("en", skeleton, &parse);
    if (!formatter) {
        *offset = parse.offset > 0 ? parse.offset : 0;
        return false;
    }
    unumf_close(formatter);
    return true;
}

static bool is_leap_year(int year)
{
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

static int days_in_month(int year, int month)
{
    static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && is_leap_year(year) ? 29 : days[month - 1];
}

/* Days from 1970-01-01 to the date in the proleptic Gregorian calendar
 * (Howard Hinnant's days_from_civil). Computed here rather than through a
 * UCalendar so the result never depends on the process's time zone. */
static int64_t days_from_civil(int year, int month, int day)
{
    int64_t y = month <= 2 ? year - 1 : year;
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    int64_t year_of_era = y - era * 400;
    int64_t day_of_year = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
    int64_t day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    return era * 146097 + day_of_era - 719468;
}

bool fs_locale_format_date(const fs_locale *locale, int year, int month, int day,
                           fs_date_style style, fs_buf *out)
{
    if ((unsigned)style >= DATE_STYLES || year < MIN_YEAR || year > MAX_YEAR || month < 1 ||
        month > 12 || day < 1 || day > days_in_month(year, month))
        return false;
    /* Midnight UTC of that day, formatted by a UTC formatter. */
    UDate date = (UDate)days_from_civil(year, month, day) * U_MILLIS_PER_DAY;

    UChar text[128];
    UErrorCode status = U_ZERO_ERROR;
    int32_t length = udat_format(locale->dates[style], date, text,
                                 (int32_t)(sizeof text / sizeof text[0]), NULL, &status);
    /* The longest CLDR date of these styles is far below 128 UTF-16 units. */
    if (U_FAILURE(status) || status == U_STRING_NOT_TERMINATED_WARNING)
        return false;
    return append_utf16(out, text, length);
}

const char *fs_locale_plural(const fs_locale *locale, double value)
{
    static const char *const categories[] = {"zero", "one", "two", "few", "many", "other"};
    char keyword[16];
    UChar text[16];
    UErrorCode status = U_ZERO_ERROR;
    int32_t length = uplrules_select(locale->plural, value, text,
                                     (int32_t)(sizeof text / sizeof text[0]), &status);
    if (U_FAILURE(status) || length <= 0 || length >= (int32_t)sizeof keyword)
        return "other";
    u_austrncpy(keyword, text, length);
    keyword[length] = '\0';
    for (size_t i = 0; i < sizeof categories / sizeof categories[0]; i++)
        if (strcmp(keyword, categories[i]) == 0)
            return categories[i];
    return "other";
}
