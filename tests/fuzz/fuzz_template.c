/* libFuzzer target for the placeholder parser: any text must parse or be
 * refused with one diagnostic, never crash, leak or read out of bounds. The
 * bytes are NUL-terminated (a template is a C string; it ends at the first
 * NUL, as text from YAML would). A parsed template is checked against the
 * parser's promises: names are never empty, literals are never empty, a
 * column's name holds a dot only when it was quoted, an HXL tag is a valid
 * pattern, a format is one of fs_format's (a skeleton with
 * FS_FORMAT_SKELETON only), placeholders are reported in the order they are
 * written, and a plural or select has arms with non-empty keys, one of them
 * 'other', whose messages keep the same promises ('#' only inside a
 * plural's arms). */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "i18n/fs_template.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int before(fs_pos a, fs_pos b)
{
    return a.line < b.line || (a.line == b.line && a.column < b.column);
}

/* Checks one message and the messages of its arms; last is the position
 * of the placeholder before it. Returns whether it holds a field or '#'. */
static bool check_message(const fs_template *t, bool plural, int depth, fs_pos *last)
{
    if (!t->source || (t->count && !t->segments) || depth > 8)
        __builtin_trap(); /* choices nest at most FS_TEMPLATE_MAX_DEPTH deep */
    bool fields = false;
    for (size_t i = 0; i < t->count; i++) {
        const fs_segment *s = &t->segments[i];
        if (!s->text || (!s->is_field && !s->is_pound && !*s->text))
            __builtin_trap();
        if (s->is_pound) {
            if (!plural || s->is_field || strcmp(s->text, "#") != 0)
                __builtin_trap(); /* '#' is the number of a plural arm only */
            fields = true;
            continue;
        }
        if (!s->is_field) {
            if (s->arm_count)
                __builtin_trap();
            continue;
        }
        fields = true;
        if (!s->column || !*s->column || (s->table && !*s->table))
            __builtin_trap();
        /* A dot separates the table from the column, unless the name is
         * quoted ({"U.N. figures"}); an HXL tag is a valid pattern. */
        if (strchr(s->column, '.') && !strchr(s->text, '"'))
            __builtin_trap();
        if (s->tag && (!fs_hxl_pattern_valid(s->tag) || strcmp(s->tag, s->column) != 0))
            __builtin_trap();
        if (s->format > FS_FORMAT_SKELETON || !before(*last, s->pos))
            __builtin_trap();
        if ((s->format == FS_FORMAT_SKELETON) != (s->skeleton != NULL) ||
            (s->skeleton && !*s->skeleton))
            __builtin_trap(); /* a skeleton belongs to ::SKELETON, and is never empty */
        *last = s->pos;
        bool choice = s->format == FS_FORMAT_PLURAL || s->format == FS_FORMAT_SELECT;
        if (choice != (s->arm_count > 0) || (s->arm_count && !s->arms))
            __builtin_trap(); /* arms belong to plurals and selects, which have some */
        bool other = false;
        for (size_t a = 0; a < s->arm_count; a++) {
            const fs_arm *arm = &s->arms[a];
            if (!arm->key || !*arm->key || !arm->message)
                __builtin_trap();
            other = other || strcmp(arm->key, "other") == 0;
            check_message(arm->message, s->format == FS_FORMAT_PLURAL, depth + 1, last);
        }
        if (choice && (!other || fs_segment_arm(s, "no such key") == NULL))
            __builtin_trap(); /* ICU requires an 'other' arm, the fallback */
    }
    if (fields != t->has_fields)
        __builtin_trap();
    return fields;
}

static void check(const char *source, const fs_template *t)
{
    fs_pos last = fs_pos_at("fuzz.yaml", 1, 0);
    (void)check_message(t, false, 0, &last);
    /* Text without braces or apostrophes is one literal, as written. */
    if (!strpbrk(source, "{}'") &&
        (*source ? t->count != 1 || strcmp(t->segments[0].text, source) != 0 : t->count != 0))
        __builtin_trap();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *source = malloc(size + 1);
    fs_arena *arena = fs_arena_create();
    fs_diags *diags = fs_diags_create();
    if (source && arena && diags) {
        memcpy(source, data, size);
        source[size] = '\0';
        fs_template *t = fs_template_parse(source, fs_pos_at("fuzz.yaml", 1, 1), arena, diags);
        if (t && (fs_diags_errors(diags) != 0 || t->source != source))
            __builtin_trap();
        if (t)
            check(source, t);
        else if (fs_diags_errors(diags) != 1)
            __builtin_trap(); /* one mistake is one error */
        for (size_t i = 0; i < fs_diags_count(diags); i++) {
            const fs_diag *diag = fs_diags_at(diags, i);
            if (diag->pos.line < 1 || diag->pos.column < 1 || !diag->message[0] || !diag->hint)
                __builtin_trap();
        }
    }
    fs_diags_free(diags);
    fs_arena_free(arena);
    free(source);
    return 0;
}
