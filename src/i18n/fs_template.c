#include "fs_template.h"

#include <string.h>

#include "core/fs_buf.h"
#include "core/fs_suggest.h"

enum { FS_TEMPLATE_MAX_SEGMENTS = 4096 };

typedef struct {
    const char *source;
    fs_pos pos;
    fs_arena *arena;
    fs_diags *diags;
    fs_template *out;
    size_t capacity;
    const char *mark; /* where pos_of last counted to, and its position */
    fs_pos mark_pos;
} parser;

/* The position of at in the file. Placeholders are met in order, so each
 * call counts on from the previous one: a long text with many placeholders
 * is still read in linear time. */
static fs_pos pos_of(parser *p, const char *at)
{
    if (!p->mark || at < p->mark) {
        p->mark = p->source;
        p->mark_pos = p->pos;
    }
    fs_pos pos = p->mark_pos;
    /* Templates are usually on one line; count newlines for the rest. */
    for (const char *c = p->mark; c < at; c++) {
        if (*c == '\n') {
            pos.line++;
            pos.column = 1;
        } else if (((unsigned char)*c & 0xC0) != 0x80 && pos.column > 0) {
            pos.column++;
        }
    }
    p->mark = at;
    p->mark_pos = pos;
    return pos;
}

static bool push(parser *p, fs_segment segment)
{
    if (p->out->count == p->capacity) {
        if (p->capacity >= FS_TEMPLATE_MAX_SEGMENTS) {
            fs_error(p->diags, p->pos, "split the text into several nodes",
                     "more than %d placeholders in one text", FS_TEMPLATE_MAX_SEGMENTS / 2);
            return false;
        }
        size_t capacity = p->capacity ? p->capacity * 2 : 4;
        fs_segment *grown =
            fs_arena_grow(p->arena, p->out->segments, p->out->count, capacity, sizeof *grown);
        if (!grown)
            return false;
        p->out->segments = grown;
        p->capacity = capacity;
    }
    p->out->segments[p->out->count++] = segment;
    return true;
}

static char *trimmed(fs_arena *arena, const char *start, const char *end)
{
    while (start < end && (*start == ' ' || *start == '\t'))
        start++;
    while (end > start && (end[-1] == ' ' || end[-1] == '\t'))
        end--;
    return fs_arena_strndup(arena, start, (size_t)(end - start));
}

static bool valid_name(const char *name)
{
    if (!*name)
        return false;
    for (const char *c = name; *c; c++)
        if (*c == '{' || *c == '}' || *c == '\'' || *c == ' ')
            return false;
    return true;
}

static const char *skip_blanks(const char *at)
{
    while (*at == ' ' || *at == '\t')
        at++;
    return at;
}

/* type_at and style_at are where the two words start in the source, for
 * errors; style and style_at are NULL when there is no style. */
static bool read_format(parser *p, const char *type_at, const char *style_at, const char *type,
                        const char *style, fs_format *format)
{
    static const char *const types[] = {"number", "date"};
    static const char *const number_styles[] = {"integer", "percent", "compact"};
    static const char *const date_styles[] = {"short", "medium", "long", "month"};
    if (strcmp(type, "number") == 0) {
        if (!style) {
            *format = FS_FORMAT_NUMBER;
            return true;
        }
        for (size_t i = 0; i < 3; i++) {
            if (strcmp(style, number_styles[i]) == 0) {
                *format = FS_FORMAT_INTEGER + (fs_format)i;
                return true;
            }
        }
        const char *best;
        fs_buf hint = {0};
        if (fs_suggest(style, number_styles, 3, &best, 1))
            fs_buf_printf(&hint, "did you mean '%s'? ", best);
        fs_buf_puts(&hint, "number styles: integer, percent, compact");
        fs_error(p->diags, pos_of(p, style_at), fs_buf_str(&hint), "unknown number style '%s'",
                 style);
        fs_buf_free(&hint);
        return false;
    }
    if (strcmp(type, "date") == 0) {
        if (!style) {
            *format = FS_FORMAT_DATE_MEDIUM;
            return true;
        }
        for (size_t i = 0; i < 4; i++) {
            if (strcmp(style, date_styles[i]) == 0) {
                *format = FS_FORMAT_DATE_SHORT + (fs_format)i;
                return true;
            }
        }
        fs_error(p->diags, pos_of(p, style_at), "date styles: short, medium, long, month",
                 "unknown date style '%s'", style);
        return false;
    }
    const char *best;
    fs_buf hint = {0};
    if (fs_suggest(type, types, 2, &best, 1))
        fs_buf_printf(&hint, "did you mean '%s'? ", best);
    fs_buf_puts(&hint, "formats: {name, number}, {name, number, percent}, {name, date, long}");
    fs_error(p->diags, pos_of(p, type_at), fs_buf_str(&hint), "unknown format '%s'", type);
    fs_buf_free(&hint);
    return false;
}

/* Reads one `{...}` starting at open; returns the character after the
 * closing brace, or NULL after reporting an error. */
static const char *read_field(parser *p, const char *open)
{
    const char *close = strchr(open + 1, '}');
    const char *nested = strchr(open + 1, '{');
    if (!close || (nested && nested < close)) {
        fs_error(p->diags, pos_of(p, open),
                 "close the placeholder with '}', or write '{' as '{' in apostrophes: '{'",
                 "unterminated placeholder");
        return NULL;
    }
    const char *comma = memchr(open + 1, ',', (size_t)(close - open - 1));
    const char *name_end = comma ? comma : close;
    char *name = trimmed(p->arena, open + 1, name_end);
    if (!name)
        return NULL;
    if (!valid_name(name)) {
        fs_error(p->diags, pos_of(p, open), "write a column name: {label} or {table.column}",
                 *name ? "invalid placeholder name '%s'" : "empty placeholder%s", name);
        return NULL;
    }
    fs_segment segment = {.is_field = true, .text = name, .pos = pos_of(p, open)};
    const char *dot = strchr(name, '.');
    if (dot) {
        segment.table = fs_arena_strndup(p->arena, name, (size_t)(dot - name));
        segment.column = dot + 1;
        if (!*segment.table || !*segment.column || strchr(segment.column, '.')) {
            fs_error(p->diags, segment.pos, "write {table.column}, with one dot",
                     "invalid placeholder name '%s'", name);
            return NULL;
        }
    } else {
        segment.column = name;
    }
    if (comma) {
        const char *second = memchr(comma + 1, ',', (size_t)(close - comma - 1));
        char *type = trimmed(p->arena, comma + 1, second ? second : close);
        char *style = second ? trimmed(p->arena, second + 1, close) : NULL;
        if (!type || (second && !style))
            return NULL;
        if (!read_format(p, skip_blanks(comma + 1), second ? skip_blanks(second + 1) : NULL,
                         type, style, &segment.format))
            return NULL;
    }
    p->out->has_fields = true;
    return push(p, segment) ? close + 1 : NULL;
}

fs_template *fs_template_parse(const char *source, fs_pos pos, fs_arena *arena,
                               fs_diags *diags)
{
    fs_template *out = fs_arena_alloc(arena, sizeof *out);
    if (!out)
        return NULL;
    out->source = source;
    parser p = {.source = source, .pos = pos, .arena = arena, .diags = diags, .out = out};
    fs_buf literal = {0};
    bool ok = true;
    const char *c = source;
    while (ok && *c) {
        if (*c == '\'' && c[1] == '\'') {
            fs_buf_putc(&literal, '\'');
            c += 2;
        } else if (*c == '\'' && (c[1] == '{' || c[1] == '}')) {
            /* Quoted literal up to the next lone apostrophe, as in ICU. */
            const char *end = c + 1;
            while (*end && !(*end == '\'' && end[1] != '\''))
                end += (*end == '\'') ? 2 : 1;
            for (const char *q = c + 1; q < end; q++) {
                fs_buf_putc(&literal, *q);
                if (*q == '\'')
                    q++;
            }
            c = *end ? end + 1 : end;
        } else if (*c == '{') {
            if (literal.length) {
                const char *text = fs_arena_strdup(arena, fs_buf_str(&literal));
                ok = text && push(&p, (fs_segment){.text = text});
                fs_buf_clear(&literal);
            }
            const char *next = ok ? read_field(&p, c) : NULL;
            ok = next != NULL;
            c = next;
        } else if (*c == '}') {
            fs_error(diags, pos_of(&p, c), "write a literal brace as '}' in apostrophes: '}'",
                     "'}' without a matching '{'");
            ok = false;
        } else {
            fs_buf_putc(&literal, *c);
            c++;
        }
    }
    if (ok && literal.length) {
        const char *text = fs_arena_strdup(arena, fs_buf_str(&literal));
        ok = text && push(&p, (fs_segment){.text = text});
    }
    ok = ok && fs_buf_ok(&literal);
    fs_buf_free(&literal);
    return ok ? out : NULL;
}
