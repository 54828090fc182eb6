#include "fs_template.h"

#include <string.h>

#include "core/fs_buf.h"
#include "core/fs_grow.h"
#include "core/fs_suggest.h"
#include "i18n/fs_locale.h"

enum { FS_TEMPLATE_MAX_SEGMENTS = 4096, FS_TEMPLATE_MAX_DEPTH = 8 };

typedef struct {
    const char *source;
    fs_pos pos;
    fs_arena *arena;
    fs_diags *diags;
    const char *mark; /* where pos_of last counted to, and its position */
    fs_pos mark_pos;
} parser;

/* A message being built: the top-level text, or one arm of a plural. */
typedef struct {
    fs_template *out;
    size_t capacity;
    fs_buf literal;
} builder;

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

static bool push(parser *p, builder *b, fs_segment segment)
{
    if (b->out->count >= FS_TEMPLATE_MAX_SEGMENTS) {
        fs_error(p->diags, p->pos, "split the text into several nodes",
                 "more than %d placeholders in one text", FS_TEMPLATE_MAX_SEGMENTS / 2);
        return false;
    }
    fs_segment *grown = fs_arena_reserve(p->arena, b->out->segments, b->out->count,
                                         b->out->count + 1, &b->capacity, sizeof *grown);
    if (!grown)
        return false;
    b->out->segments = grown;
    b->out->segments[b->out->count++] = segment;
    if (segment.is_field || segment.is_pound)
        b->out->has_fields = true;
    return true;
}

/* Ends the literal text gathered so far as a segment. */
static bool flush_literal(parser *p, builder *b)
{
    /* Checked here: clearing the buffer below forgets a failed append. */
    if (!fs_buf_ok(&b->literal))
        return false;
    if (!b->literal.length)
        return true;
    const char *text = fs_arena_strdup(p->arena, fs_buf_str(&b->literal));
    fs_buf_clear(&b->literal);
    return text && push(p, b, (fs_segment){.text = text});
}

static char *trimmed(fs_arena *arena, const char *start, const char *end)
{
    while (start < end && (*start == ' ' || *start == '\t'))
        start++;
    while (end > start && (end[-1] == ' ' || end[-1] == '\t'))
        end--;
    return fs_arena_strndup(arena, start, (size_t)(end - start));
}

/* A bare name is a word of the ICU syntax: no brace, apostrophe, quote or
 * space. */
static bool valid_name(const char *name)
{
    if (!*name)
        return false;
    for (const char *c = name; *c; c++)
        if (*c == '{' || *c == '}' || *c == '\'' || *c == ' ' || *c == '"')
            return false;
    return true;
}

static bool is_hxl_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

bool fs_hxl_pattern_valid(const char *pattern)
{
    const char *c = pattern;
    for (bool first = true; *c; first = false) {
        if (first ? *c != '#' : (*c != '+' && *c != '-'))
            return false;
        c++;
        if (!((*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z')))
            return false;
        while (is_hxl_char(*c))
            c++;
    }
    return c != pattern;
}

void fs_template_quote_name(const char *name, fs_buf *out)
{
    bool plain = valid_name(name) && name[0] != '#' && !strchr(name, '.') && !strchr(name, ',');
    for (const char *c = name; plain && *c; c++)
        plain = (unsigned char)*c > ' ';
    if (plain) {
        fs_buf_puts(out, name);
        return;
    }
    fs_buf_putc(out, '"');
    for (const char *c = name; *c; c++) {
        if (*c == '"')
            fs_buf_putc(out, '"');
        fs_buf_putc(out, *c);
    }
    fs_buf_putc(out, '"');
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
                        const char *style, fs_segment *segment)
{
    static const char *const types[] = {"number", "date",     "plural",
                                        "select", "markdown", "verbatim"};
    fs_format *format = &segment->format;
    if (strcmp(type, "markdown") == 0 && !style) {
        *format = FS_FORMAT_MARKDOWN;
        return true;
    }
    if (strcmp(type, "verbatim") == 0 && !style) {
        *format = FS_FORMAT_VERBATIM;
        return true;
    }
    if (strcmp(type, "number") == 0 && style && strncmp(style, "::", 2) == 0) {
        const char *skeleton = skip_blanks(style + 2);
        int offset = 0;
        if (!*skeleton || !fs_locale_skeleton_valid(skeleton, &offset)) {
            const char *at = skip_blanks(skip_blanks(style_at) + 2);
            fs_error(p->diags, pos_of(p, at + offset),
                     "write an ICU number skeleton, such as ::.00 (two decimals), "
                     "::precision-integer, ::percent scale/100 (a share as a percent) or "
                     "::compact-short",
                     "invalid number skeleton '%s'", skeleton);
            return false;
        }
        segment->skeleton = skeleton;
        *format = FS_FORMAT_SKELETON;
        return true;
    }
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
    if (fs_suggest(type, types, 6, &best, 1))
        fs_buf_printf(&hint, "did you mean '%s'? ", best);
    fs_buf_puts(&hint, "formats: {name, number}, {name, number, percent}, {name, date, long}, "
                       "{n, plural, one {...} other {...}}, {text, markdown}, {code, verbatim}");
    fs_error(p->diags, pos_of(p, type_at), fs_buf_str(&hint), "unknown format '%s'", type);
    fs_buf_free(&hint);
    return false;
}

static fs_template *parse_message(parser *p, const char **cursor, int depth, bool plural);

static bool is_word_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '-' || c == '=' || c == '.';
}

/* Reads the arms of a plural or select after its second comma, up to and
 * including the placeholder's closing brace. */
static const char *read_arms(parser *p, const char *at, const char *open, int depth,
                             fs_segment *segment)
{
    bool plural = segment->format == FS_FORMAT_PLURAL;
    size_t capacity = 0;
    bool has_other = false;
    for (;;) {
        at = skip_blanks(at);
        while (*at == '\n' || *at == '\r' || *at == ' ' || *at == '\t')
            at++;
        if (*at == '}')
            break;
        const char *key_start = at;
        while (is_word_char(*at))
            at++;
        if (at == key_start) {
            fs_error(p->diags, pos_of(p, *at ? at : open),
                     "write each choice as a word and a message: one {# village}",
                     *at ? "expected a %s choice such as 'other', found '%c'"
                         : "unterminated %s placeholder",
                     plural ? "plural" : "select", *at);
            return NULL;
        }
        const char *key = fs_arena_strndup(p->arena, key_start, (size_t)(at - key_start));
        at = skip_blanks(at);
        if (*at != '{') {
            fs_error(p->diags, pos_of(p, at), "write the choice's message in braces: other {...}",
                     "expected '{' after the choice '%s'", key ? key : "");
            return NULL;
        }
        at++;
        fs_template *message = parse_message(p, &at, depth + 1, plural);
        if (!message || !key)
            return NULL;
        if (*at != '}') {
            fs_error(p->diags, pos_of(p, key_start), "close the choice's message with '}'",
                     "unterminated message for the choice '%s'", key);
            return NULL;
        }
        at++;
        segment->arms = fs_arena_reserve(p->arena, segment->arms, segment->arm_count,
                                         segment->arm_count + 1, &capacity, sizeof *segment->arms);
        if (!segment->arms)
            return NULL;
        segment->arms[segment->arm_count++] = (fs_arm){key, message};
        has_other = has_other || strcmp(key, "other") == 0;
    }
    if (!has_other) {
        fs_error(p->diags, pos_of(p, open), "add an 'other {...}' choice: ICU requires one",
                 "a %s placeholder needs an 'other' choice", plural ? "plural" : "select");
        return NULL;
    }
    return at + 1;
}

/* One part of a placeholder's name. */
typedef struct {
    char *name;       /* unescaped */
    const char *from; /* where it starts in the source */
    bool quoted, tag;
} name_part;

/* Reads a part of a name at at: a quoted name ("..." with "" for a quote),
 * an HXL tag pattern (#tag+attribute), or a bare word, up to a dot, comma
 * or brace. Returns where it ends, or NULL after reporting an error. */
static const char *read_name_part(parser *p, const char *at, const char *open, name_part *part)
{
    *part = (name_part){.from = at};
    fs_buf text = {0};
    const char *end = at;
    if (*at == '"') {
        part->quoted = true;
        for (end = at + 1; *end && !(*end == '"' && end[1] != '"'); end++) {
            if (*end == '"')
                end++;
            fs_buf_putc(&text, *end);
        }
        if (!*end) {
            fs_buf_free(&text);
            fs_error(p->diags, pos_of(p, at),
                     "close the name with a double quote; write a quote inside it as \"\"",
                     "unterminated quoted name in a placeholder");
            return NULL;
        }
        end++;
    } else if (*at == '#') {
        part->tag = true;
        for (end = at + 1; is_hxl_char(*end) || *end == '+' || *end == '-'; end++)
            ;
        for (const char *c = at; c < end; c++)
            fs_buf_putc(&text, *c >= 'A' && *c <= 'Z' ? (char)(*c - 'A' + 'a') : *c);
    } else {
        while (*end && *end != '.' && *end != ',' && *end != '{' && *end != '}')
            end++;
        while (end > at && (end[-1] == ' ' || end[-1] == '\t'))
            end--;
        fs_buf_append(&text, at, (size_t)(end - at));
    }
    part->name = fs_buf_ok(&text) || text.length == 0
                     ? fs_arena_strdup(p->arena, text.data ? fs_buf_str(&text) : "")
                     : NULL;
    fs_buf_free(&text);
    if (!part->name)
        return NULL;
    if (part->tag && !fs_hxl_pattern_valid(part->name)) {
        fs_error(p->diags, pos_of(p, open),
                 "write an HXL tag and its attributes with no space: {#affected+f}, "
                 "{#adm1+code}",
                 "invalid HXL tag '%.*s' in a placeholder", (int)(end - at), at);
        return NULL;
    }
    return end;
}

/* The placeholder form of a part, for the segment's text. */
static void write_part(const name_part *part, fs_buf *out)
{
    if (!part->quoted) {
        fs_buf_puts(out, part->name);
        return;
    }
    fs_buf_putc(out, '"');
    for (const char *c = part->name; *c; c++) {
        if (*c == '"')
            fs_buf_putc(out, '"');
        fs_buf_putc(out, *c);
    }
    fs_buf_putc(out, '"');
}

/* Reads the name of the placeholder opened at open into segment: one part,
 * or a table and a part behind a dot. Returns where the name ends (blanks
 * after it skipped), or NULL after reporting an error. */
static const char *read_name(parser *p, const char *open, fs_segment *segment)
{
    const char *at = skip_blanks(open + 1);
    name_part parts[3];
    size_t count = 0;
    for (;;) {
        at = read_name_part(p, at, open, &parts[count]);
        if (!at)
            return NULL;
        count++;
        if (*at != '.' || count == 3)
            break;
        at++;
    }
    const char *end = skip_blanks(at);
    const char *written_end = at;
    /* The name as written, for messages about it. */
    const char *from = skip_blanks(open + 1);
    fs_buf text = {0};
    for (size_t i = 0; i < count; i++) {
        if (i)
            fs_buf_putc(&text, '.');
        write_part(&parts[i], &text);
    }
    segment->text = fs_buf_ok(&text) ? fs_arena_strdup(p->arena, fs_buf_str(&text)) : NULL;
    fs_buf_free(&text);
    if (!segment->text)
        return NULL;
    const name_part *column = &parts[count - 1];
    bool bad_bare = false;
    for (size_t i = 0; i < count; i++)
        bad_bare = bad_bare || (!parts[i].quoted && !parts[i].tag && !valid_name(parts[i].name));
    if (count == 1 && !*column->name && !column->quoted) {
        fs_error(p->diags, pos_of(p, open), "write a column name: {label} or {table.column}",
                 "empty placeholder");
        return NULL;
    }
    if (count > 2 || (count == 2 && (parts[0].tag || (!*parts[0].name && !parts[0].quoted) ||
                                     (!*column->name && !column->quoted)))) {
        fs_error(p->diags, pos_of(p, open), "write {table.column}, with one dot",
                 "invalid placeholder name '%.*s'", (int)(written_end - from), from);
        return NULL;
    }
    /* A quoted name is never empty either: {""} and {"".column} name nothing. */
    bool empty_quoted =
        (column->quoted && !*column->name) || (count == 2 && parts[0].quoted && !*parts[0].name);
    if (bad_bare || empty_quoted) {
        fs_buf hint = {0};
        fs_buf_puts(&hint, "write a name with spaces or signs in double quotes: {");
        if (count == 2) {
            fs_template_quote_name(*parts[0].name ? parts[0].name : "table", &hint);
            fs_buf_putc(&hint, '.');
        }
        fs_template_quote_name(*column->name ? column->name : "name", &hint);
        fs_buf_puts(&hint, "}");
        fs_error(p->diags, pos_of(p, open), fs_buf_str(&hint), "invalid placeholder name '%.*s'",
                 (int)(written_end - from), from);
        fs_buf_free(&hint);
        return NULL;
    }
    segment->table = count == 2 ? parts[0].name : NULL;
    segment->column = column->name;
    segment->tag = column->tag ? column->name : NULL;
    return end;
}

/* Reads one `{...}` starting at open; returns the character after the
 * closing brace, or NULL after reporting an error. */
static const char *read_field(parser *p, builder *b, const char *open, int depth)
{
    fs_segment segment = {.is_field = true, .pos = pos_of(p, open)};
    const char *name_end = read_name(p, open, &segment);
    if (!name_end)
        return NULL;
    const char *close = strchr(name_end, '}');
    const char *nested = strchr(name_end, '{');
    const char *comma = *name_end == ',' ? name_end : NULL;
    /* Only a plural or select holds braces of its own, after its type. */
    if (!close || (*name_end != ',' && *name_end != '}') ||
        (nested && nested < close && (!comma || nested < comma))) {
        if (segment.tag && *name_end && close) {
            fs_error(p->diags, pos_of(p, open),
                     "write an HXL tag and its attributes with no space: {#affected+f}, "
                     "{#adm1+code}",
                     "invalid HXL tag '%.*s' in a placeholder",
                     (int)(close - skip_blanks(open + 1)), skip_blanks(open + 1));
            return NULL;
        }
        if (*name_end && *name_end != '{' && close) {
            fs_buf hint = {0};
            fs_buf_puts(&hint, "write a name with spaces or signs in double quotes: {");
            fs_template_quote_name(skip_blanks(open + 1) == name_end ? "name" : segment.column,
                                   &hint);
            fs_buf_puts(&hint, "}");
            size_t length = (size_t)(close - skip_blanks(open + 1));
            const char *from = skip_blanks(open + 1);
            while (length > 0 && (from[length - 1] == ' ' || from[length - 1] == '\t'))
                length--;
            fs_error(p->diags, pos_of(p, open), fs_buf_str(&hint),
                     "invalid placeholder name '%.*s'", (int)length, from);
            fs_buf_free(&hint);
            return NULL;
        }
        fs_error(p->diags, pos_of(p, open),
                 "close the placeholder with '}', or write '{' as '{' in apostrophes: '{'",
                 "unterminated placeholder");
        return NULL;
    }
    if (comma) {
        const char *type_at = skip_blanks(comma + 1);
        const char *type_end = type_at;
        while (is_word_char(*type_end))
            type_end++;
        const char *after = skip_blanks(type_end);
        bool choice =
            *after == ',' && ((type_end - type_at == 6 && !strncmp(type_at, "plural", 6)) ||
                              (type_end - type_at == 6 && !strncmp(type_at, "select", 6)));
        if (choice) {
            if (depth >= FS_TEMPLATE_MAX_DEPTH) {
                fs_error(p->diags, segment.pos, "write the text with fewer nested choices",
                         "choices are nested more than %d deep", FS_TEMPLATE_MAX_DEPTH);
                return NULL;
            }
            segment.format = *type_at == 'p' ? FS_FORMAT_PLURAL : FS_FORMAT_SELECT;
            const char *next = read_arms(p, after + 1, open, depth, &segment);
            return next && push(p, b, segment) ? next : NULL;
        }
        if ((type_end - type_at == 6 && !strncmp(type_at, "plural", 6)) ||
            (type_end - type_at == 6 && !strncmp(type_at, "select", 6))) {
            fs_error(p->diags, pos_of(p, type_at),
                     "write the choices after a comma: {n, plural, one {# item} other {# items}}",
                     "a %.6s placeholder needs its choices", type_at);
            return NULL;
        }
        if (nested && nested < close) {
            fs_error(p->diags, pos_of(p, open),
                     "close the placeholder with '}', or write '{' as '{' in apostrophes: '{'",
                     "unterminated placeholder");
            return NULL;
        }
        const char *second = memchr(comma + 1, ',', (size_t)(close - comma - 1));
        char *type = trimmed(p->arena, comma + 1, second ? second : close);
        char *style = second ? trimmed(p->arena, second + 1, close) : NULL;
        if (!type || (second && !style))
            return NULL;
        if (!read_format(p, type_at, second ? skip_blanks(second + 1) : NULL, type, style,
                         &segment))
            return NULL;
    }
    return push(p, b, segment) ? close + 1 : NULL;
}

/* Parses a message from *cursor: to the end of the text at the top level,
 * or up to (not past) the '}' that closes an arm when depth > 0. In a plural
 * arm '#' stands for the number. */
static fs_template *parse_message(parser *p, const char **cursor, int depth, bool plural)
{
    builder b = {.out = fs_arena_alloc(p->arena, sizeof(fs_template))};
    if (!b.out)
        return NULL;
    const char *start = *cursor;
    bool ok = true;
    const char *c = *cursor;
    while (ok && *c && !(depth > 0 && *c == '}')) {
        if (*c == '\'' && c[1] == '\'') {
            fs_buf_putc(&b.literal, '\'');
            c += 2;
        } else if (*c == '\'' && (c[1] == '{' || c[1] == '}' || (plural && c[1] == '#'))) {
            /* Quoted literal up to the next lone apostrophe, as in ICU. */
            const char *end = c + 1;
            while (*end && !(*end == '\'' && end[1] != '\''))
                end += (*end == '\'') ? 2 : 1;
            for (const char *q = c + 1; q < end; q++) {
                fs_buf_putc(&b.literal, *q);
                if (*q == '\'')
                    q++;
            }
            c = *end ? end + 1 : end;
        } else if (*c == '{') {
            ok = flush_literal(p, &b);
            const char *next = ok ? read_field(p, &b, c, depth) : NULL;
            ok = next != NULL;
            c = next;
        } else if (*c == '#' && plural) {
            ok = flush_literal(p, &b) &&
                 push(p, &b, (fs_segment){.is_pound = true, .text = "#", .pos = pos_of(p, c)});
            c++;
        } else if (*c == '}') {
            fs_error(p->diags, pos_of(p, c), "write a literal brace as '}' in apostrophes: '}'",
                     "'}' without a matching '{'");
            ok = false;
        } else {
            fs_buf_putc(&b.literal, *c);
            c++;
        }
    }
    if (ok && depth > 0 && *c != '}') {
        fs_error(p->diags, pos_of(p, start), "close the choice's message with '}'",
                 "unterminated choice message");
        ok = false;
    }
    ok = ok && flush_literal(p, &b) && fs_buf_ok(&b.literal);
    fs_buf_free(&b.literal);
    if (!ok)
        return NULL;
    b.out->source = depth == 0 ? p->source : fs_arena_strndup(p->arena, start, (size_t)(c - start));
    *cursor = c;
    return b.out;
}

fs_template *fs_template_parse(const char *source, fs_pos pos, fs_arena *arena, fs_diags *diags)
{
    parser p = {.source = source, .pos = pos, .arena = arena, .diags = diags};
    const char *cursor = source;
    fs_template *template = parse_message(&p, &cursor, 0, false);
    if (template)
        template->pos = pos;
    return template;
}

const fs_arm *fs_segment_arm(const fs_segment *segment, const char *key)
{
    const fs_arm *other = NULL;
    for (size_t i = 0; i < segment->arm_count; i++) {
        if (strcmp(segment->arms[i].key, key) == 0)
            return &segment->arms[i];
        if (strcmp(segment->arms[i].key, "other") == 0)
            other = &segment->arms[i];
    }
    return other;
}

static void collect_names(const fs_template *template, const char **names, size_t *count,
                          size_t capacity)
{
    for (size_t i = 0; i < template->count; i++) {
        const fs_segment *segment = &template->segments[i];
        if (segment->is_field) {
            bool seen = false;
            for (size_t k = 0; k < *count && !seen; k++)
                seen = strcmp(names[k], segment->text) == 0;
            if (!seen && *count < capacity)
                names[(*count)++] = segment->text;
        }
        for (size_t a = 0; a < segment->arm_count; a++)
            collect_names(segment->arms[a].message, names, count, capacity);
    }
}

static size_t count_fields(const fs_template *template)
{
    size_t count = 0;
    for (size_t i = 0; i < template->count; i++) {
        count += template->segments[i].is_field;
        for (size_t a = 0; a < template->segments[i].arm_count; a++)
            count += count_fields(template->segments[i].arms[a].message);
    }
    return count;
}

size_t fs_template_names(const fs_template *template, fs_arena *arena, const char ***names)
{
    size_t capacity = count_fields(template);
    *names = fs_arena_array(arena, capacity, sizeof(char *));
    size_t count = 0;
    if (*names)
        collect_names(template, *names, &count, capacity);
    return count;
}
