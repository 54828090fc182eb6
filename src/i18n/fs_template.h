/* Text templates with placeholders in the ICU MessageFormat syntax that
 * translation tools know: literal text and `{name}`, `{table.column}`,
 * and, beyond ICU, a name of any header in double quotes
 * (`{"Population (UNDESA)", number}`, `{hno."Affected 2017"}`; `""` is a
 * quote inside) and an HXL tag pattern (`{#affected+f}`, `{hno.#inneed}`),
 * `{value, number}`, `{value, number, integer|percent|compact}`,
 * `{value, number, ::SKELETON}` (an ICU number skeleton: `::.00`),
 * `{code, verbatim}` (as written),
 * `{date, date, short|medium|long|month}`,
 * `{n, plural, one {# village} other {# villages}}` (CLDR categories or
 * exact `=0`; `#` is the number) and `{g, select, a {...} other {...}}`.
 * An apostrophe quotes a brace (`'{'` is a literal brace, `''` an
 * apostrophe), as in ICU; any other apostrophe is literal ("CARE's").
 * Parsed once per run at load. */
#ifndef FS_TEMPLATE_H
#define FS_TEMPLATE_H

#include <stdbool.h>
#include <stddef.h>

#include "core/fs_arena.h"
#include "core/fs_buf.h"
#include "core/fs_diag.h"

typedef enum {
    FS_FORMAT_DEFAULT, /* numbers formatted for the language, text as is */
    FS_FORMAT_NUMBER,
    FS_FORMAT_INTEGER,
    FS_FORMAT_PERCENT,
    FS_FORMAT_COMPACT,
    FS_FORMAT_DATE_SHORT,
    FS_FORMAT_DATE_MEDIUM,
    FS_FORMAT_DATE_LONG,
    FS_FORMAT_DATE_MONTH,
    FS_FORMAT_PLURAL,   /* arms chosen by the value's CLDR plural category */
    FS_FORMAT_SELECT,   /* arms chosen by the value's text */
    FS_FORMAT_MARKDOWN, /* a text cell whose emphasis, code and links are Markdown */
    FS_FORMAT_VERBATIM, /* the cell exactly as written: no number format, no translation */
    FS_FORMAT_SKELETON  /* `{v, number, ::.00}`: an ICU number skeleton (segment's skeleton) */
} fs_format;

typedef struct fs_template fs_template;

/* One branch of a plural or select: `one {# village}`. key is the category
 * ("one", "other"), the exact value ("=0") or the select word. */
typedef struct {
    const char *key;
    fs_template *message;
} fs_arm;

typedef struct {
    bool is_field;
    bool is_pound;      /* `#` in a plural arm: the plural's number */
    const char *text;   /* literal text, or the placeholder's name as written, blanks
                         * around it dropped and an HXL tag in lower case */
    const char *table;  /* "programme" of {programme.title}; NULL for {title} */
    const char *column; /* "title"; "Population (UNDESA)" for {"Population (UNDESA)"};
                         * the tag pattern for an HXL tag */
    const char *tag;    /* the HXL tag pattern in lower case ("#affected+f"), or NULL */
    fs_format format;
    const char *skeleton; /* FS_FORMAT_SKELETON: the skeleton after "::" */
    fs_arm *arms;         /* plural and select */
    size_t arm_count;
    fs_pos pos; /* where the placeholder starts */
} fs_segment;

struct fs_template {
    const char *source;
    fs_pos pos; /* where the source starts in its file */
    fs_segment *segments;
    size_t count;
    bool has_fields;
};

/* The arm of a plural or select segment for key, else its 'other' arm. */
const fs_arm *fs_segment_arm(const fs_segment *segment, const char *key);

/* Every placeholder name the template uses, nested arms included, each
 * once, in order; for checking that a translation keeps them. Returns the
 * count; names live in arena. */
size_t fs_template_names(const fs_template *template, fs_arena *arena, const char ***names);

/* Whether pattern is an HXL tag pattern: "#tag" then "+attribute" or
 * "-attribute" pieces, each a letter then letters, digits or '_', no
 * spaces ("#affected+f-children"). */
bool fs_hxl_pattern_valid(const char *pattern);

/* Appends the placeholder form of a column name that works when copied
 * into a layout: the name itself when it is a plain word ("label"), else
 * the name in double quotes, its quotes doubled ("\"Affected 2017\""). */
void fs_template_quote_name(const char *name, fs_buf *out);

/* Parses source into a template in arena. pos is where source starts, so
 * errors point into the layout file. NULL with an error appended when a
 * brace is unbalanced, a name is empty or a format is unknown. */
fs_template *fs_template_parse(const char *source, fs_pos pos, fs_arena *arena, fs_diags *diags);

#endif
