#include "fs_markdown.h"

#include "core/fs_alloc.h"
#include "core/fs_grow.h"
#include "core/fs_map.h"
#include "i18n/fs_typo.h"

#include <cmark.h>
#include <ctype.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

enum { OPTIONS = CMARK_OPT_SMART | CMARK_OPT_VALIDATE_UTF8 };

/* ---- escaping -------------------------------------------------------- */

void fs_markdown_escape(fs_buf *source, const char *text)
{
    /* Where the text's trailing white space starts: a paragraph may end
     * there, and drops it. */
    const char *tail = text + strlen(text);
    while (tail > text && strchr(" \t\n\v\f\r", tail[-1]))
        tail--;
    bool line_start = true;
    /* cmark drops a byte order mark that starts a document, and what
     * follows would start the line: as a character reference it is text. */
    if (!source->length && strncmp(text, "\xef\xbb\xbf", 3) == 0) {
        fs_buf_puts(source, "&#xFEFF;");
        text += 3;
        line_start = false;
    }
    for (const char *c = text; *c; c++) {
        /* A newline in a cell is a line break the writer meant, whether the
         * file ends lines with LF, CRLF or CR: a backslash before it makes a
         * hard break. In the trailing white space, where the paragraph may
         * end and show the backslash, two spaces make the break instead. */
        if (*c == '\r' && c[1] == '\n')
            continue;
        if (*c == '\n' || *c == '\r') {
            fs_buf_puts(source, c < tail ? "\\\n" : "  \n");
            line_start = true;
            continue;
        }
        /* A space or tab that starts a line would be stripped, or, four of
         * them, open a code block in which the escapes below are shown as
         * backslashes; as a character reference it is text. (Trailing white
         * space is left to be dropped.) */
        if (line_start && c < tail && (*c == ' ' || *c == '\t')) {
            fs_buf_puts(source, *c == ' ' ? "&#32;" : "&#9;");
            line_start = false;
            continue;
        }
        line_start = false;
        if (ispunct((unsigned char)*c))
            fs_buf_putc(source, '\\');
        fs_buf_putc(source, *c);
    }
}

static bool is_blank(char c)
{
    return c == ' ' || c == '\t';
}

/* True when a list marker ends at p: the line ends, or white space
 * follows (cmark takes a vertical tab or form feed as well). */
static bool blank_at(const char *p, const char *end)
{
    return p >= end || is_blank(*p) || *p == '\v' || *p == '\f';
}

/* A thematic break: three or more of the same '*', '-' or '_', with
 * nothing but blanks between them. */
static bool thematic_break(const char *c, const char *end)
{
    int count = 0;
    for (const char *p = c; p < end; p++) {
        if (*p == *c)
            count++;
        else if (!is_blank(*p))
            return false;
    }
    return count >= 3;
}

/* A setext underline of '-': dashes, then blanks only. */
static bool dash_underline(const char *c, const char *end)
{
    const char *p = c;
    while (p < end && *p == '-')
        p++;
    while (p < end && is_blank(*p))
        p++;
    return p == end;
}

/* An autolink "<scheme:...>" or "<user@host>": a letter, then no blank or
 * '<' before the closing '>', and a ':' or '@'. None of these can open an
 * HTML block, whose tag name is followed by a blank, '>' or "/>". */
static bool autolink_like(const char *c, const char *end)
{
    if (c + 1 >= end || !isalpha((unsigned char)c[1]))
        return false;
    bool separator = false;
    for (const char *p = c + 1; p < end; p++) {
        if (*p == '>')
            return separator;
        if (is_blank(*p) || *p == '<' || (unsigned char)*p < 0x20)
            return false;
        separator = separator || *p == ':' || *p == '@';
    }
    return false;
}

/* "[label]:" as a link reference definition starts, the label possibly
 * running over lines. cmark refuses labels longer than 1,000 bytes. */
static bool definition_like(const char *c)
{
    for (const char *p = c + 1; *p && p - c < 1100; p++) {
        if (*p == '\\' && p[1])
            p++;
        else if (*p == ']')
            return p[1] == ':';
    }
    return false;
}

/* The character to backslash-escape in a line that starts at c (after its
 * indentation) so that it does not start a block, or NULL. digits_before:
 * the line already holds digits, which a '.' or ')' would make an item
 * number. */
static const char *block_marker(const char *c, const char *end, bool digits_before)
{
    const char *d = c;
    while (d < end && *d >= '0' && *d <= '9')
        d++;
    if ((d > c || digits_before) && d < end && (*d == '.' || *d == ')') && blank_at(d + 1, end))
        return d;
    if (digits_before || c == end)
        return NULL;
    switch (*c) {
    case '#':
    case '>':
    case '=':
    case '|':
    case '~':
        return c;
    case '`':
        return end - c >= 3 && c[1] == '`' && c[2] == '`' ? c : NULL;
    case '+':
        return blank_at(c + 1, end) ? c : NULL;
    case '*':
    case '-':
    case '_':
        if ((*c != '_' && blank_at(c + 1, end)) || thematic_break(c, end) ||
            (*c == '-' && dash_underline(c, end)))
            return c;
        return NULL;
    case '<':
        return autolink_like(c, end) ? NULL : c;
    case '[':
        return definition_like(c) ? c : NULL;
    default:
        return NULL;
    }
}

enum line_state { LINE_EMPTY, LINE_DIGITS, LINE_TEXT };

/* What out's last line holds so far, as far as a block start goes: nothing
 * but blanks, blanks then digits, or text. (A line of hundreds of blanks
 * counts as text: none of factsheet's writers makes one.) */
static enum line_state line_so_far(const fs_buf *out)
{
    size_t i = out->length, digits = 0;
    while (i > 0 && out->data[i - 1] >= '0' && out->data[i - 1] <= '9' && digits < 16) {
        i--;
        digits++;
    }
    for (size_t blanks = 0; i > 0 && blanks < 256; i--, blanks++) {
        char c = out->data[i - 1];
        if (c == '\n' || c == '\r')
            return digits ? LINE_DIGITS : LINE_EMPTY;
        if (!is_blank(c))
            return LINE_TEXT;
    }
    if (i > 0)
        return LINE_TEXT;
    return digits ? LINE_DIGITS : LINE_EMPTY;
}

void fs_markdown_escape_blocks(fs_buf *out, const char *text)
{
    enum line_state state = line_so_far(out);
    for (const char *c = text; *c;) {
        const char *end = c + strcspn(c, "\r\n");
        /* cmark drops a byte order mark that starts a document, and reads
         * what follows it as the first line: byte order marks go there
         * too, with the blanks around them. */
        while (
            state == LINE_EMPTY && c < end &&
            (is_blank(*c) || (!out->length && end - c >= 3 && memcmp(c, "\xef\xbb\xbf", 3) == 0)))
            c += is_blank(*c) ? 1 : 3;
        const char *marker = state == LINE_TEXT ? NULL : block_marker(c, end, state == LINE_DIGITS);
        if (marker && *marker == '-' && (thematic_break(c, end) || dash_underline(c, end))) {
            /* Every dash, or smart punctuation would make "\---" a dash
             * and an en dash. */
            for (; c < end; c++) {
                if (*c == '-')
                    fs_buf_putc(out, '\\');
                fs_buf_putc(out, *c);
            }
        } else if (marker) {
            fs_buf_append(out, c, (size_t)(marker - c));
            fs_buf_putc(out, '\\');
            c = marker;
        }
        size_t length = (size_t)(end - c);
        if (*end)
            length += end[0] == '\r' && end[1] == '\n' ? 2 : 1;
        fs_buf_append(out, c, length);
        c += length;
        state = LINE_EMPTY;
    }
}

/* ---- anchors ----------------------------------------------------------- */

const char *fs_markdown_slug(const char *text, fs_arena *arena)
{
    fs_buf slug = {0};
    size_t size = strlen(text);
    int32_t length = size > INT32_MAX ? INT32_MAX : (int32_t)size;
    for (int32_t i = 0; i < length;) {
        UChar32 c;
        U8_NEXT(text, i, length, c);
        if (c < 0)
            continue;
        if (c < 0x80) {
            if (isalnum(c))
                fs_buf_putc(&slug, (char)tolower(c));
            else if (c == '-' || c == '_')
                fs_buf_putc(&slug, (char)c);
            else if (isspace(c))
                fs_buf_putc(&slug, '-');
            continue;
        }
        /* Letters, marks, numbers and connectors, as GitHub's \p{Word}. */
        if (!(U_GET_GC_MASK(c) & (U_GC_L_MASK | U_GC_M_MASK | U_GC_N_MASK | U_GC_PC_MASK)))
            continue;
        char bytes[U8_MAX_LENGTH];
        int32_t n = 0;
        U8_APPEND_UNSAFE(bytes, n, u_tolower(c));
        fs_buf_append(&slug, bytes, (size_t)n);
    }
    const char *result = fs_buf_ok(&slug) ? fs_arena_strdup(arena, fs_buf_str(&slug)) : NULL;
    fs_buf_free(&slug);
    return result;
}

/* An entry of a map of strings. For anchors (the anchors given so far in
 * a document, to make each one unique) next is, for an anchor used as a
 * base, the next suffix to try, so a thousand equal headings take linear
 * time. For link reference definitions the key is a label, value the
 * definition, next the last translation that used it. */
typedef struct {
    const char *key;
    const char *value;
    size_t next;
} string_entry;

static bool same_entry_key(const void *item, const void *key)
{
    return strcmp(((const string_entry *)item)->key, key) == 0;
}

/* The entry of key in map, or NULL. */
static string_entry *map_find(const fs_map *map, const char *key)
{
    return fs_map_find(map, fs_hash_string(key), same_entry_key, key);
}

/* Adds key (which must outlive the map) with value, the entry in arena;
 * false when out of memory. */
static bool map_add(fs_map *map, const char *key, const char *value, fs_arena *arena)
{
    string_entry *entry = fs_arena_alloc(arena, sizeof *entry);
    if (!entry || !fs_map_add(map, fs_hash_string(key), entry))
        return false;
    *entry = (string_entry){key, value, 0};
    return true;
}

/* base, or base-1, base-2, ... when base was given already. NULL when out
 * of memory. */
static const char *unique_anchor(fs_map *set, const char *base, fs_arena *arena)
{
    string_entry *given = map_find(set, base);
    if (!given)
        return map_add(set, base, NULL, arena) ? base : NULL;
    size_t n = given->next;
    fs_buf candidate = {0};
    do {
        fs_buf_clear(&candidate);
        fs_buf_printf(&candidate, "%s-%zu", base, ++n);
    } while (fs_buf_ok(&candidate) && map_find(set, fs_buf_str(&candidate)));
    given->next = n;
    const char *anchor =
        fs_buf_ok(&candidate) ? fs_arena_strdup(arena, fs_buf_str(&candidate)) : NULL;
    fs_buf_free(&candidate);
    return anchor && map_add(set, anchor, NULL, arena) ? anchor : NULL;
}

/* ---- inline content to markup ---------------------------------------- */

/* The length of a leading attribution dash ("—", "―", "–", "--" or "---"
 * then blanks), or 0. */
static size_t attribution_dash(const char *text, size_t length)
{
    static const char *const dashes[] = {"---", "--", "\u2014", "\u2015", "\u2013"};
    for (size_t i = 0; i < sizeof dashes / sizeof *dashes; i++) {
        size_t n = strlen(dashes[i]);
        if (length <= n || memcmp(text, dashes[i], n) != 0 || !is_blank(text[n]))
            continue;
        while (n < length && is_blank(text[n]))
            n++;
        return n;
    }
    return 0;
}

/* Builds the markup of one block. Its text is gathered whole, with a
 * mark (FS_TYPO_TAG) where each tag goes, so that the house rules see
 * words across emphasis and links ("de **94 %**" keeps "de" with "94"),
 * then typeset once and the marks replaced by the tags. */
typedef struct {
    const char *lang;
    const fs_hyphen *hyphen; /* the block's words are hyphenated with, or NULL */
    fs_buf text;             /* the block's text, with tag marks, before typography */
    const char **tags;       /* the tag each mark stands for, in order */
    size_t tag_count, tag_capacity;
    fs_buf markup; /* the block's markup, once typeset */
    fs_buf plain;  /* the text as written, when want_plain (for anchors) */
    bool want_plain;
    bool strip_dash; /* an attribution's dash is dropped from the start of its text */
    size_t leaves;   /* leaf blocks rendered, separated by a space */
    /* Until typeset, a link's start and end are the indices of its tags'
     * marks; then bytes of the text pango shows. Targets point into cmark's
     * tree until finish. */
    fs_link *links;
    size_t link_count, link_capacity;
    bool failed;
} render;

static void render_reset(render *r)
{
    fs_buf_clear(&r->markup);
    fs_buf_clear(&r->text);
    fs_buf_clear(&r->plain);
    r->want_plain = r->strip_dash = false;
    r->leaves = r->link_count = r->tag_count = 0;
}

static void render_free(render *r)
{
    fs_buf_free(&r->markup);
    fs_buf_free(&r->text);
    fs_buf_free(&r->plain);
    free(r->tags);
    free(r->links);
}

/* Appends text of the block. A tag mark written in it is not one of ours:
 * it is replaced, as invalid UTF-8 is. */
static void put_text(render *r, const char *text, size_t length)
{
    const size_t mark = strlen(FS_TYPO_TAG);
    for (size_t at = 0; at < length;) {
        const char *found = NULL;
        for (size_t k = at; k + mark <= length && !found; k++)
            if (memcmp(text + k, FS_TYPO_TAG, mark) == 0)
                found = text + k;
        size_t end = found ? (size_t)(found - text) : length;
        fs_buf_append(&r->text, text + at, end - at);
        if (!found)
            return;
        fs_buf_puts(&r->text, "\ufffd");
        at = end + mark;
    }
}

/* Appends a tag, as a mark in the text; returns its index. */
static size_t put_tag(render *r, const char *tag)
{
    if (r->tag_count == r->tag_capacity) {
        size_t capacity = r->tag_capacity ? r->tag_capacity * 2 : 16;
        const char **tags = fs_realloc(r->tags, capacity * sizeof *tags);
        if (!tags) {
            r->failed = true;
            return 0;
        }
        r->tags = tags;
        r->tag_capacity = capacity;
    }
    r->tags[r->tag_count] = tag;
    fs_buf_puts(&r->text, FS_TYPO_TAG);
    return r->tag_count++;
}

/* Appends a node's literal text, shown as written (code: no typography).
 * A block's literal (a code or HTML block) ends with its last line's
 * newline, which pango would draw as an empty line; that one is dropped. */
static void put_literal(render *r, cmark_node *node, bool block)
{
    const char *text = cmark_node_get_literal(node);
    size_t length = text ? strlen(text) : 0;
    if (block && length && text[length - 1] == '\n')
        length--;
    fs_buf_puts(&r->text, FS_TYPO_AS_WRITTEN_START);
    put_text(r, text ? text : "", length);
    fs_buf_puts(&r->text, FS_TYPO_AS_WRITTEN_END);
}

/* Drops an attribution's leading dash, after the tags the text may start
 * with ("*— Name*"). */
static void strip_dash(render *r)
{
    const size_t mark = strlen(FS_TYPO_TAG);
    size_t at = 0;
    while (r->text.length - at >= mark && memcmp(r->text.data + at, FS_TYPO_TAG, mark) == 0)
        at += mark;
    size_t dash = attribution_dash(r->text.data + at, r->text.length - at);
    if (!dash)
        return;
    memmove(r->text.data + at, r->text.data + at + dash, r->text.length - at - dash + 1);
    r->text.length -= dash;
}

/* The text as written, for an anchor: without tag marks or the marks of
 * text as written. */
static void put_plain(render *r)
{
    const char *marks[] = {FS_TYPO_TAG, FS_TYPO_AS_WRITTEN_START, FS_TYPO_AS_WRITTEN_END};
    const char *text = fs_buf_str(&r->text);
    for (size_t at = 0; at < r->text.length;) {
        size_t skip = 0;
        for (size_t m = 0; m < 3 && !skip; m++)
            if (strncmp(text + at, marks[m], strlen(marks[m])) == 0)
                skip = strlen(marks[m]);
        if (!skip)
            fs_buf_putc(&r->plain, text[at]);
        at += skip ? skip : 1;
    }
}

/* Typesets the gathered text into markup: the house rules of the language
 * and soft hyphens (fs_typo_markup), each mark replaced by its tag, and the
 * links' ends turned into bytes of the text pango shows. */
static void typeset(render *r)
{
    if (r->strip_dash && r->text.data)
        strip_dash(r);
    if (r->want_plain)
        put_plain(r);
    size_t *shown = fs_malloc((r->tag_count + 1) * sizeof *shown);
    if (!shown || !fs_buf_ok(&r->text)) {
        free(shown);
        r->failed = true;
        return;
    }
    fs_buf typeset = {0};
    fs_typo_markup(r->lang, r->hyphen, fs_buf_str(&r->text), r->text.length, &typeset, shown);
    const size_t mark = strlen(FS_TYPO_TAG);
    const char *out = fs_buf_str(&typeset);
    size_t tag = 0;
    for (size_t at = 0; at < typeset.length;) {
        if (typeset.length - at >= mark && memcmp(out + at, FS_TYPO_TAG, mark) == 0) {
            if (tag < r->tag_count)
                fs_buf_puts(&r->markup, r->tags[tag++]);
            at += mark;
            continue;
        }
        fs_buf_putc(&r->markup, out[at++]);
    }
    r->failed = r->failed || !fs_buf_ok(&typeset) || tag != r->tag_count;
    for (size_t i = 0; !r->failed && i < r->link_count; i++) {
        fs_link *link = &r->links[i];
        link->start = shown[link->start];
        link->end = link->end == SIZE_MAX ? SIZE_MAX : shown[link->end];
    }
    fs_buf_free(&typeset);
    free(shown);
}

static void open_link(render *r, cmark_node *node)
{
    fs_link *links = fs_heap_reserve(r->links, r->link_count + 1, &r->link_capacity, sizeof *links);
    if (!links) {
        r->failed = true;
        return;
    }
    r->links = links;
    const char *url = cmark_node_get_url(node);
    size_t start = put_tag(r, "<u>");
    r->links[r->link_count++] = (fs_link){start, SIZE_MAX, url ? url : ""};
}

/* Closes the innermost open link. */
static void close_link(render *r)
{
    size_t end = put_tag(r, "</u>");
    for (size_t i = r->link_count; i > 0; i--) {
        if (r->links[i - 1].end == SIZE_MAX) {
            r->links[i - 1].end = end;
            return;
        }
    }
}

/* Renders the inline content of every leaf block under root (root itself
 * when it is a paragraph or heading), leaf blocks separated by a space.
 * Walks with cmark's iterator rather than by recursion, so nesting as deep
 * as the size limit allows cannot overflow the stack. */
static void render_flat(render *r, cmark_node *root)
{
    cmark_iter *iter = cmark_iter_new(root);
    if (!iter) {
        r->failed = true;
        return;
    }
    cmark_event_type event;
    while ((event = cmark_iter_next(iter)) != CMARK_EVENT_DONE) {
        cmark_node *node = cmark_iter_get_node(iter);
        bool entering = event == CMARK_EVENT_ENTER;
        const char *literal = cmark_node_get_literal(node);
        switch (cmark_node_get_type(node)) {
        case CMARK_NODE_TEXT:
        case CMARK_NODE_HTML_INLINE:
            put_text(r, literal ? literal : "", literal ? strlen(literal) : 0);
            break;
        case CMARK_NODE_SOFTBREAK:
            /* A line end inside a paragraph is a space of its text: "a" at
             * the end of a line keeps with the word on the next. */
            fs_buf_putc(&r->text, ' ');
            break;
        case CMARK_NODE_LINEBREAK:
            fs_buf_putc(&r->text, '\n');
            break;
        case CMARK_NODE_PARAGRAPH:
        case CMARK_NODE_HEADING:
            if (entering && r->leaves++)
                fs_buf_putc(&r->text, ' ');
            break;
        case CMARK_NODE_CODE_BLOCK:
        case CMARK_NODE_HTML_BLOCK: /* leaves: entered only */
            if (r->leaves++)
                fs_buf_putc(&r->text, ' ');
            put_literal(r, node, true);
            break;
        case CMARK_NODE_CODE:
            put_tag(r, "<tt>");
            put_literal(r, node, false);
            put_tag(r, "</tt>");
            break;
        case CMARK_NODE_EMPH:
            put_tag(r, entering ? "<i>" : "</i>");
            break;
        case CMARK_NODE_STRONG:
            put_tag(r, entering ? "<b>" : "</b>");
            break;
        case CMARK_NODE_LINK:
            if (entering)
                open_link(r, node);
            else
                close_link(r);
            break;
        default:
            break;
        }
    }
    cmark_iter_free(iter);
}

/* A link's URL copied into arena without the zero-width spaces (U+200B)
 * that fs_typo_break_long_words puts into a cell's long words so they can
 * wrap: a link leads to the URL as written. NULL when out of memory. */
static const char *copy_url(fs_arena *arena, const char *url)
{
    fs_buf plain = {0};
    for (const char *c = url; *c;) {
        const char *space = strstr(c, "\u200b");
        size_t length = space ? (size_t)(space - c) : strlen(c);
        fs_buf_append(&plain, c, length);
        c += length + (space ? 3 : 0);
    }
    const char *copy = fs_buf_ok(&plain) ? fs_arena_strdup(arena, fs_buf_str(&plain)) : NULL;
    fs_buf_free(&plain);
    return copy;
}

/* Typesets the block and copies its markup and links into the arena: links
 * that show no text or lead nowhere (no target once the zero-width spaces
 * are out) are dropped (their text stays underlined). */
static bool render_finish(render *r, fs_arena *arena, const char **markup, const fs_link **links,
                          size_t *link_count)
{
    *links = NULL;
    *link_count = 0;
    typeset(r);
    if (r->failed || !fs_buf_ok(&r->markup) || !fs_buf_ok(&r->text) || !fs_buf_ok(&r->plain))
        return false;
    *markup = fs_arena_strdup(arena, fs_buf_str(&r->markup));
    if (!*markup)
        return false;
    if (!r->link_count)
        return true;
    fs_link *copy = fs_arena_array(arena, r->link_count, sizeof(fs_link));
    if (!copy)
        return false;
    size_t kept = 0;
    for (size_t i = 0; i < r->link_count; i++) {
        fs_link link = r->links[i];
        if (link.end == SIZE_MAX || link.end <= link.start)
            continue;
        link.target = copy_url(arena, link.target);
        if (!link.target)
            return false;
        if (link.target[0])
            copy[kept++] = link;
    }
    *links = kept ? copy : NULL;
    *link_count = kept;
    return true;
}

/* ---- the source as written --------------------------------------------- */

/* The source cmark reads in fs_markdown_blocks, made valid UTF-8 first
 * (without byte order marks, NUL and invalid bytes replaced by U+FFFD) so
 * that cmark's columns count bytes of this very text, and its lines. */
typedef struct {
    fs_buf text;
    size_t *starts; /* starts[i]: offset of line i + 1 */
    size_t count;
} source_lines;

static bool source_read(source_lines *s, const char *source, size_t length)
{
    /* Every leading byte order mark: cmark would drop one more. */
    int32_t i = 0, size = (int32_t)length; /* at most FS_MARKDOWN_MAX_BYTES */
    while (size - i >= 3 && memcmp(source + i, "\xef\xbb\xbf", 3) == 0)
        i += 3;
    while (i < size) {
        int32_t start = i;
        UChar32 c;
        U8_NEXT(source, i, size, c);
        if (c > 0)
            fs_buf_append(&s->text, source + start, (size_t)(i - start));
        else
            fs_buf_puts(&s->text, "\ufffd");
    }
    if (!fs_buf_ok(&s->text))
        return false;
    const char *text = fs_buf_str(&s->text);
    size_t lines = 1;
    for (size_t j = 0; j < s->text.length; j++)
        lines += text[j] == '\n' || (text[j] == '\r' && text[j + 1] != '\n');
    s->starts = fs_malloc(lines * sizeof(size_t));
    if (!s->starts)
        return false;
    s->starts[s->count++] = 0;
    for (size_t j = 0; j < s->text.length; j++)
        if (text[j] == '\n' || (text[j] == '\r' && text[j + 1] != '\n'))
            s->starts[s->count++] = j + 1;
    return true;
}

/* Line number (1-based) as a range of the text, without its line ending;
 * an empty range for a line out of range. */
static void source_line(const source_lines *s, int number, const char **begin, const char **end)
{
    const char *text = fs_buf_str(&s->text);
    if (number < 1 || (size_t)number > s->count) {
        *begin = *end = text + s->text.length;
        return;
    }
    *begin = text + s->starts[number - 1];
    *end = *begin + strcspn(*begin, "\r\n");
}

/* Skips a continuation line's container markers: blanks (a list item's
 * indentation) and up to depth quote markers '>'. */
static const char *skip_markers(const char *p, const char *end, int depth)
{
    for (int quotes = 0;; quotes++) {
        while (p < end && is_blank(*p))
            p++;
        if (quotes == depth || p == end || *p != '>')
            return p;
        p++;
    }
}

static bool setext_underline(const char *p, const char *end)
{
    if (p == end || (*p != '=' && *p != '-'))
        return false;
    const char *q = p;
    while (q < end && *q == *p)
        q++;
    while (q < end && is_blank(*q))
        q++;
    return q == end;
}

/* Appends the source of a paragraph or heading: its lines without their
 * container markers, joined with "\n", without the blanks that end the
 * last; an ATX heading's without its '#' marks. *line is the first line.
 *
 * cmark's positions need help in two places. A setext heading's end is
 * given as the line after its underline, or the underline, so the
 * underline is looked for instead. A paragraph (or setext heading) that
 * starts with link reference definitions keeps their lines in its
 * position, but the position of its inline content counts lines from the
 * paragraph's start as if the definitions were not there: the lines the
 * definitions take are the difference between the paragraph's last line
 * and the line its last inline ends on. */
static void block_source(const source_lines *s, cmark_node *node, int quote_depth, fs_buf *out,
                         int *line)
{
    int first = cmark_node_get_start_line(node);
    int last = cmark_node_get_end_line(node);
    bool heading = cmark_node_get_type(node) == CMARK_NODE_HEADING;
    bool atx = heading && last <= first;
    const char *begin, *end;
    if (heading && !atx) {
        int underline = first + 1;
        for (; underline < last; underline++) {
            source_line(s, underline, &begin, &end);
            if (setext_underline(skip_markers(begin, end, quote_depth), end))
                break;
        }
        last = underline - 1;
    }
    source_line(s, first, &begin, &end);
    int column = cmark_node_get_start_column(node);
    const char *p = begin + (column < 1 || column - 1 > end - begin ? 0 : column - 1);
    while (p < end && is_blank(*p))
        p++;
    bool definitions = false;
    if (!atx && p < end && *p == '[' && last > first) {
        cmark_node *tail = cmark_node_last_child(node);
        int tail_line = tail ? cmark_node_get_end_line(tail) : 0;
        if (tail_line >= first && tail_line < last) {
            first += last - tail_line;
            definitions = true;
        }
    }
    *line = first;
    for (int number = first; number <= last; number++) {
        source_line(s, number, &begin, &end);
        if (number == first && !definitions)
            begin = p;
        else
            begin = skip_markers(begin, end, quote_depth);
        if (number == last)
            while (end > begin && is_blank(end[-1]))
                end--;
        if (atx) {
            while (begin < end && *begin == '#')
                begin++;
            while (begin < end && is_blank(*begin))
                begin++;
            /* A closing sequence: '#'s after a blank, or alone. */
            const char *closing = end;
            while (closing > begin && closing[-1] == '#')
                closing--;
            if (closing == begin || is_blank(closing[-1]))
                end = closing;
            while (end > begin && is_blank(end[-1]))
                end--;
        }
        if (number > first)
            fs_buf_putc(out, '\n');
        fs_buf_append(out, begin, (size_t)(end - begin));
    }
}

/* ---- link reference definitions, for translations ----------------------- */

/* A translation is parsed alone, so the definitions its reference links
 * ("[the report][r]", "[r]") need are copied from the document: lines
 * outside code and HTML blocks that start, after their container markers,
 * with "[label]:", a definition with nothing after the colon taking the
 * next line along. */

/* The ']' that ends a link label starting at p ('['), or NULL: no
 * unescaped '[' inside, at most 999 bytes. */
static const char *label_end(const char *p, const char *end)
{
    for (const char *q = p + 1; q < end && q - p < 1000; q++) {
        if (*q == '\\' && q + 1 < end)
            q++;
        else if (*q == '[')
            return NULL;
        else if (*q == ']')
            return q;
    }
    return NULL;
}

/* Appends a label as cmark matches labels: case folded, each run of white
 * space one space, trimmed. */
static void put_label_key(fs_buf *out, const char *label, size_t length)
{
    size_t from = out->length;
    bool space = false;
    int32_t size = (int32_t)length; /* at most 1,000 */
    for (int32_t i = 0; i < size;) {
        UChar32 c;
        U8_NEXT(label, i, size, c);
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            space = true;
            continue;
        }
        if (space && out->length > from)
            fs_buf_putc(out, ' ');
        space = false;
        char bytes[U8_MAX_LENGTH];
        int32_t n = 0;
        U8_APPEND_UNSAFE(bytes, n, c < 0 ? 0xfffd : u_foldCase(c, U_FOLD_CASE_DEFAULT));
        fs_buf_append(out, bytes, (size_t)n);
    }
}

/* Skips what may stand before a definition on a line: blanks, quote
 * markers, list markers. */
static const char *skip_any_markers(const char *p, const char *end)
{
    for (;;) {
        while (p < end && is_blank(*p))
            p++;
        const char *d = p;
        while (d < end && *d >= '0' && *d <= '9')
            d++;
        if (p < end && *p == '>')
            p++;
        else if (p + 1 < end && (*p == '-' || *p == '+' || *p == '*') && is_blank(p[1]))
            p += 2;
        else if (d > p && d + 1 < end && (*d == '.' || *d == ')') && is_blank(d[1]))
            p = d + 2;
        else
            return p;
    }
}

/* Adds the definition on line number, if any; the first definition of a
 * label wins, as in CommonMark. */
static bool add_definition(const source_lines *s, int number, const unsigned char *literal,
                           fs_arena *arena, fs_map *definitions, fs_buf *key)
{
    const char *begin, *end;
    source_line(s, number, &begin, &end);
    const char *p = skip_any_markers(begin, end);
    const char *q = p < end && *p == '[' ? label_end(p, end) : NULL;
    if (!q || q + 1 >= end || q[1] != ':')
        return true;
    fs_buf_clear(key);
    put_label_key(key, p + 1, (size_t)(q - p - 1));
    if (!fs_buf_ok(key))
        return false;
    if (!key->length || map_find(definitions, fs_buf_str(key)))
        return true;
    const char *rest = q + 2;
    while (rest < end && is_blank(*rest))
        rest++;
    size_t length = (size_t)(end - p);
    const char *text = fs_arena_strndup(arena, p, length);
    if (rest == end && (size_t)number < s->count && !literal[number + 1]) {
        const char *next, *next_end;
        source_line(s, number + 1, &next, &next_end);
        next = skip_any_markers(next, next_end);
        text = text ? fs_arena_printf(arena, "%s\n%.*s", text, (int)(next_end - next), next) : NULL;
    }
    const char *label = fs_arena_strdup(arena, fs_buf_str(key));
    return text && label && map_add(definitions, label, text, arena);
}

/* Finds the definitions of the document. */
static bool collect_definitions(const source_lines *s, cmark_node *document, fs_arena *arena,
                                fs_map *definitions)
{
    /* literal[n]: line n is inside a code or HTML block. */
    unsigned char *literal = fs_calloc(s->count + 2, 1);
    cmark_iter *iter = literal ? cmark_iter_new(document) : NULL;
    if (!iter) {
        free(literal);
        return false;
    }
    for (cmark_event_type event; (event = cmark_iter_next(iter)) != CMARK_EVENT_DONE;) {
        cmark_node *node = cmark_iter_get_node(iter);
        cmark_node_type type = cmark_node_get_type(node);
        if (type != CMARK_NODE_CODE_BLOCK && type != CMARK_NODE_HTML_BLOCK)
            continue;
        int first = cmark_node_get_start_line(node), last = cmark_node_get_end_line(node);
        for (int n = first < 1 ? 1 : first; n <= last && (size_t)n <= s->count; n++)
            literal[n] = 1;
    }
    cmark_iter_free(iter);
    bool ok = true;
    fs_buf key = {0};
    for (size_t n = 1; ok && n <= s->count; n++)
        if (!literal[n])
            ok = add_definition(s, (int)n, literal, arena, definitions, &key);
    fs_buf_free(&key);
    free(literal);
    return ok;
}

/* Appends, each after a blank line, the definitions of the labels a
 * translation names in brackets (once each). */
static void put_definitions(fs_map *definitions, size_t stamp, const char *translation, fs_buf *out)
{
    if (!definitions->count)
        return;
    fs_buf key = {0};
    for (const char *p = translation; (p = strchr(p, '['));) {
        const char *q = label_end(p, p + strnlen(p, 1001));
        if (!q) {
            p++;
            continue;
        }
        fs_buf_clear(&key);
        put_label_key(&key, p + 1, (size_t)(q - p - 1));
        string_entry *entry = fs_buf_ok(&key) ? map_find(definitions, fs_buf_str(&key)) : NULL;
        if (entry && entry->next != stamp) {
            entry->next = stamp;
            fs_buf_puts(out, "\n\n");
            fs_buf_puts(out, entry->value);
        }
        p = q + 1;
    }
    if (!fs_buf_ok(&key))
        out->failed = true;
    fs_buf_free(&key);
}

/* ---- blocks -------------------------------------------------------------- */

/* An open container: a block quote, a list or a list item. */
typedef struct {
    cmark_node_type type;
    int next;     /* LIST: the number of its next item */
    bool ordered; /* LIST and ITEM: the list is ordered */
    bool tight;   /* LIST and ITEM: the list is tight */
    int number;   /* ITEM: its number, 0 in a bullet list */
    bool marked;  /* ITEM: a block of kind ITEM was given (its marker drawn) */
} frame;

typedef struct {
    /* What to make: flat paragraphs (fs_markdown_to_markup) or blocks. */
    bool flat;
    const fs_hyphen *flat_hyphen;    /* flat: every paragraph's patterns */
    const fs_block_hyphens *hyphens; /* blocks: each kind's, or NULL */
    const source_lines *source;      /* blocks only */
    fs_translate_fn translate;
    void *context;
    fs_arena *arena;
    frame *frames;
    size_t depth, frame_capacity;
    int list_depth, quote_depth;
    render r;
    fs_buf scratch;
    fs_map anchors;     /* of string_entry */
    fs_map definitions; /* label -> definition, for translations */
    size_t translations;
    fs_blocks *out;
    size_t capacity;
} walker;

static bool push_frame(walker *w, frame f)
{
    frame *frames = fs_heap_reserve(w->frames, w->depth + 1, &w->frame_capacity, sizeof *frames);
    if (!frames)
        return false;
    w->frames = frames;
    w->frames[w->depth++] = f;
    return true;
}

static frame *innermost(walker *w)
{
    return w->depth ? &w->frames[w->depth - 1] : NULL;
}

static bool add_block(walker *w, const fs_block *block)
{
    fs_blocks *out = w->out;
    fs_block *blocks = fs_arena_reserve(w->arena, out->blocks, out->count, out->count + 1,
                                        &w->capacity, sizeof *blocks);
    if (!blocks)
        return false;
    out->blocks = blocks;
    out->blocks[out->count++] = *block;
    return true;
}

/* Renders a translation in place of a block's own content: the text read
 * as inline Markdown, its paragraphs joined by a space. The definitions
 * its reference links need follow it, after a blank line, and make no
 * block of their own (those that are no definition are not shown). */
static void render_translation(walker *w, const char *translation, bool attribution)
{
    while (attribution && is_blank(*translation))
        translation++;
    if (attribution)
        translation += attribution_dash(translation, strlen(translation));
    fs_buf escaped = {0};
    fs_markdown_escape_blocks(&escaped, translation);
    int lines = 1;
    for (size_t i = 0; i < escaped.length; i++)
        lines +=
            escaped.data[i] == '\n' || (escaped.data[i] == '\r' && escaped.data[i + 1] != '\n');
    put_definitions(&w->definitions, ++w->translations, translation, &escaped);
    cmark_node *document = fs_buf_ok(&escaped)
                               ? cmark_parse_document(fs_buf_str(&escaped), escaped.length,
                                                      OPTIONS | CMARK_OPT_SOURCEPOS)
                               : NULL;
    fs_buf_free(&escaped);
    if (!document) {
        w->r.failed = true;
        return;
    }
    for (cmark_node *block = cmark_node_first_child(document);
         block && cmark_node_get_start_line(block) <= lines; block = cmark_node_next(block))
        render_flat(&w->r, block);
    /* The links' targets point into the translated tree: copy them now. */
    w->r.failed = w->r.failed || !fs_buf_ok(&w->r.text);
    for (size_t i = 0; !w->r.failed && i < w->r.link_count; i++) {
        w->r.links[i].target = copy_url(w->arena, w->r.links[i].target);
        w->r.failed = !w->r.links[i].target;
    }
    cmark_node_free(document);
}

/* The translation to show for a block, or NULL. */
static const char *translation_of(walker *w, const fs_block *block)
{
    if (!w->translate || !block->source[0])
        return NULL;
    const char *translation = w->translate(w->context, block->source, block->line);
    if (!translation || !translation[0] || strcmp(translation, block->source) == 0 ||
        strlen(translation) > FS_MARKDOWN_MAX_BYTES)
        return NULL;
    return translation;
}

/* A paragraph or heading. */
static bool add_text_block(walker *w, cmark_node *node)
{
    fs_block block = {.line = cmark_node_get_start_line(node)};
    frame *container = innermost(w);
    cmark_node_type type = cmark_node_get_type(node);
    if (type == CMARK_NODE_HEADING) {
        block.kind = FS_BLOCK_HEADING;
        int level = cmark_node_get_heading_level(node);
        block.level = level > 3 ? 3 : level;
    } else if (container && container->type == CMARK_NODE_ITEM) {
        block.kind = FS_BLOCK_ITEM;
        block.level = w->list_depth;
        block.number = container->number;
        block.ordered = container->ordered;
        block.tight = container->tight;
        block.continues = container->marked;
        container->marked = true;
    } else if (container && container->type == CMARK_NODE_BLOCK_QUOTE) {
        block.kind = FS_BLOCK_QUOTE;
        block.level = w->quote_depth;
    }
    render *r = &w->r;
    render_reset(r);
    if (w->flat) {
        r->hyphen = w->flat_hyphen;
        render_flat(r, node);
        return render_finish(r, w->arena, &block.markup, &block.links, &block.link_count) &&
               add_block(w, &block);
    }
    fs_buf_clear(&w->scratch);
    block_source(w->source, node, w->quote_depth, &w->scratch, &block.line);
    block.source =
        fs_buf_ok(&w->scratch) ? fs_arena_strdup(w->arena, fs_buf_str(&w->scratch)) : NULL;
    if (!block.source)
        return false;
    if (block.kind == FS_BLOCK_QUOTE && !cmark_node_next(node) &&
        attribution_dash(block.source, strlen(block.source)))
        block.kind = FS_BLOCK_ATTRIBUTION;
    r->want_plain = block.kind == FS_BLOCK_HEADING;
    r->hyphen = !w->hyphens                      ? NULL
                : block.kind == FS_BLOCK_HEADING ? w->hyphens->headings[block.level - 1]
                                                 : w->hyphens->kinds[block.kind];
    const char *translation = translation_of(w, &block);
    if (translation) {
        render_translation(w, translation, block.kind == FS_BLOCK_ATTRIBUTION);
    } else {
        r->strip_dash = block.kind == FS_BLOCK_ATTRIBUTION;
        render_flat(r, node);
    }
    if (!render_finish(r, w->arena, &block.markup, &block.links, &block.link_count))
        return false;
    if (block.kind == FS_BLOCK_HEADING) {
        const char *slug = fs_markdown_slug(fs_buf_str(&r->plain), w->arena);
        block.anchor = slug ? unique_anchor(&w->anchors, slug, w->arena) : NULL;
        if (!block.anchor)
            return false;
    }
    return add_block(w, &block);
}

/* A code or HTML block: its text, escaped, never translated. */
static bool add_literal_block(walker *w, cmark_node *node)
{
    bool code = cmark_node_get_type(node) == CMARK_NODE_CODE_BLOCK;
    fs_block block = {.kind = code ? FS_BLOCK_CODE : FS_BLOCK_PARAGRAPH,
                      .line = cmark_node_get_start_line(node)};
    render *r = &w->r;
    render_reset(r);
    if (code && !w->flat)
        put_tag(r, "<tt>");
    put_literal(r, node, true);
    if (code && !w->flat)
        put_tag(r, "</tt>");
    if (!w->flat) {
        const char *literal = cmark_node_get_literal(node);
        size_t length = literal ? strlen(literal) : 0;
        if (length && literal[length - 1] == '\n')
            length--;
        block.source = fs_arena_strndup(w->arena, literal ? literal : "", length);
        if (!block.source)
            return false;
    }
    return render_finish(r, w->arena, &block.markup, &block.links, &block.link_count) &&
           add_block(w, &block);
}

/* An item with no content still shows its marker. */
static bool add_empty_item(walker *w, cmark_node *node, const frame *item)
{
    fs_block block = {.kind = FS_BLOCK_ITEM,
                      .level = w->list_depth,
                      .number = item->number,
                      .ordered = item->ordered,
                      .tight = item->tight,
                      .markup = "",
                      .source = "",
                      .line = cmark_node_get_start_line(node)};
    return add_block(w, &block);
}

/* Enters or leaves a container. */
static bool container(walker *w, cmark_node *node, bool entering)
{
    cmark_node_type type = cmark_node_get_type(node);
    if (!entering) {
        frame *top = innermost(w);
        if (!top)
            return true;
        bool ok = true;
        if (type == CMARK_NODE_ITEM && !w->flat && !top->marked && !cmark_node_first_child(node))
            ok = add_empty_item(w, node, top);
        w->list_depth -= type == CMARK_NODE_LIST;
        w->quote_depth -= type == CMARK_NODE_BLOCK_QUOTE;
        w->depth--;
        return ok;
    }
    frame f = {.type = type};
    if (type == CMARK_NODE_LIST) {
        f.ordered = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST;
        f.next = f.ordered ? cmark_node_get_list_start(node) : 0;
        f.tight = cmark_node_get_list_tight(node);
        w->list_depth++;
    } else if (type == CMARK_NODE_ITEM) {
        frame *list = innermost(w);
        if (list && list->type == CMARK_NODE_LIST) {
            f.number = list->next;
            f.ordered = list->ordered;
            f.tight = list->tight;
            if (list->ordered && list->next < INT_MAX)
                list->next++;
        }
    } else {
        w->quote_depth++;
    }
    return push_frame(w, f);
}

/* Walks the document in order with cmark's iterator rather than by
 * recursion, so nesting as deep as the size limit allows (a megabyte of
 * '>' is that many block quotes) cannot overflow the stack. Containers
 * (lists, items, quotes) are tracked on a stack of frames; each leaf block
 * is one block, its inline content walked by its own iterator. */
static bool walk(walker *w, cmark_node *document)
{
    cmark_iter *iter = cmark_iter_new(document);
    if (!iter)
        return false;
    bool ok = true;
    cmark_event_type event;
    while (ok && (event = cmark_iter_next(iter)) != CMARK_EVENT_DONE) {
        cmark_node *node = cmark_iter_get_node(iter);
        bool entering = event == CMARK_EVENT_ENTER;
        switch (cmark_node_get_type(node)) {
        case CMARK_NODE_BLOCK_QUOTE:
        case CMARK_NODE_LIST:
        case CMARK_NODE_ITEM:
            ok = container(w, node, entering);
            break;
        case CMARK_NODE_PARAGRAPH:
        case CMARK_NODE_HEADING:
            ok = add_text_block(w, node);
            cmark_iter_reset(iter, node, CMARK_EVENT_EXIT); /* its inlines are done */
            break;
        case CMARK_NODE_CODE_BLOCK:
        case CMARK_NODE_HTML_BLOCK:
            ok = add_literal_block(w, node);
            break;
        default: /* the document, thematic breaks */
            break;
        }
    }
    cmark_iter_free(iter);
    return ok;
}

/* Parses and walks; frees what the walk used. */
static bool read_blocks(walker *w, const char *source, size_t length, const char *lang, int options)
{
    cmark_node *document = cmark_parse_document(source, length, options);
    if (!document)
        return false;
    w->r.lang = lang;
    bool ok = !w->translate || collect_definitions(w->source, document, w->arena, &w->definitions);
    ok = ok && walk(w, document);
    cmark_node_free(document);
    render_free(&w->r);
    fs_buf_free(&w->scratch);
    free(w->frames);
    fs_map_free(&w->anchors);
    fs_map_free(&w->definitions);
    return ok;
}

bool fs_markdown_to_markup(const char *source, size_t length, const char *lang,
                           const fs_hyphen *hyphen, fs_arena *arena, fs_markup *out)
{
    *out = (fs_markup){0};
    if (length > FS_MARKDOWN_MAX_BYTES)
        return false;
    fs_blocks blocks = {0};
    walker w = {.flat = true, .flat_hyphen = hyphen, .arena = arena, .out = &blocks};
    /* Invalid UTF-8 is replaced, as pango refuses markup that holds any. */
    if (!read_blocks(&w, source, length, lang, OPTIONS))
        return false;
    if (!blocks.count)
        return true;
    const char **paragraphs = fs_arena_array(arena, blocks.count, sizeof(char *));
    const fs_link **links = fs_arena_array(arena, blocks.count, sizeof(fs_link *));
    size_t *counts = fs_arena_array(arena, blocks.count, sizeof(size_t));
    if (!paragraphs || !links || !counts)
        return false;
    for (size_t i = 0; i < blocks.count; i++) {
        paragraphs[i] = blocks.blocks[i].markup;
        links[i] = blocks.blocks[i].links;
        counts[i] = blocks.blocks[i].link_count;
    }
    *out = (fs_markup){paragraphs, blocks.count, links, counts};
    return true;
}

bool fs_markdown_blocks(const char *source, size_t length, const char *lang,
                        const fs_block_hyphens *hyphens, fs_translate_fn translate, void *context,
                        fs_arena *arena, fs_blocks *out)
{
    *out = (fs_blocks){0};
    if (length > FS_MARKDOWN_MAX_BYTES)
        return false;
    source_lines lines = {0};
    bool ok = source_read(&lines, source, length);
    if (ok) {
        walker w = {.source = &lines,
                    .hyphens = hyphens,
                    .translate = translate,
                    .context = context,
                    .arena = arena,
                    .out = out};
        ok = read_blocks(&w, fs_buf_str(&lines.text), lines.text.length, lang,
                         OPTIONS | CMARK_OPT_SOURCEPOS);
    }
    fs_buf_free(&lines.text);
    free(lines.starts);
    if (!ok)
        *out = (fs_blocks){0};
    return ok;
}
