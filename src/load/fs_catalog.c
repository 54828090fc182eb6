/* Message catalogs on libgettextpo. The library parses the PO file; this
 * module checks the bytes first (size, UTF-8), finds the line of every
 * entry's msgid itself (the library does not expose it), copies the entries
 * into the caller's arena and indexes them for lookup. */
#include "load/fs_catalog.h"

#include <errno.h>
#include <gettext-po.h>
#include <limits.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "core/fs_buf.h"
#include "core/fs_file.h"
#include "core/fs_grow.h"
#include "core/fs_map.h"
#include "core/fs_output.h"

enum {
    FS_CATALOG_MAX_BYTES = 64 * 1024 * 1024,
    /* How far ahead of the expected msgid line an entry is searched for;
     * see find_site. */
    SITE_LOOKAHEAD = 64
};

typedef struct {
    const char *context; /* NULL when the entry has no msgctxt */
    const char *msgid;
    const char *msgstr; /* msgstr, or msgstr[0] of a plural entry */
    const char **plurals;
    size_t plural_count;
    fs_lookup_status status;
    fs_pos pos;
} entry;

struct fs_catalog {
    const char *path;
    entry *entries; /* file order */
    size_t count;
    fs_map index; /* of entries, by context and msgid */
    int nplurals;
    fs_pos header_pos;
};

/* ---- Reading the file ------------------------------------------------- */

static const char *catalog_hint(fs_buf *buf, const char *path)
{
    fs_buf_printf(buf,
                  "open the file in Poedit, or run `msgfmt --check -o /dev/null %s`, to see the "
                  "problem in context",
                  path);
    return fs_buf_ok(buf) ? fs_buf_str(buf) : NULL;
}

/* Reads the whole regular file at path into memory the caller frees, NUL
 * terminated. Reports what went wrong and returns NULL. Only regular files
 * are accepted: libgettextpo reads the file a second time by name, and its
 * answer to a read error (a directory, say) is a fatal error it expects the
 * handler to end the process for. */
static char *read_file(const char *path, size_t *length, fs_diags *diags)
{
    fs_file file = fs_file_read(path, FS_CATALOG_MAX_BYTES);
    if (file.status == FS_FILE_TOO_LARGE) {
        fs_error(diags, fs_pos_at(path, 0, 0),
                 "split the catalog, or remove obsolete entries with `msgattrib --no-obsolete`",
                 "the PO file is larger than %d MiB, the most factsheet reads",
                 FS_CATALOG_MAX_BYTES / (1024 * 1024));
        return NULL;
    }
    if (file.status != FS_FILE_READ) {
        fs_file_report(&file,
                       file.status == FS_FILE_NOT_REGULAR ? "give the path of a .po file" : NULL,
                       diags);
        return NULL;
    }
    *length = file.length;
    return file.bytes;
}

/* Length of the UTF-8 sequence at text (at most length bytes), 0 when it is
 * not valid UTF-8 (overlong forms, surrogates and values past U+10FFFF
 * included). */
static size_t utf8_length(const unsigned char *text, size_t length)
{
    unsigned char c = text[0];
    size_t need;
    unsigned min;
    unsigned value;
    if (c < 0x80)
        return 1;
    if (c >= 0xC2 && c <= 0xDF) {
        need = 2, min = 0x80, value = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
        need = 3, min = 0x800, value = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        need = 4, min = 0x10000, value = c & 0x07;
    } else {
        return 0;
    }
    if (length < need)
        return 0;
    for (size_t i = 1; i < need; i++) {
        if ((text[i] & 0xC0) != 0x80)
            return 0;
        value = (value << 6) | (text[i] & 0x3F);
    }
    if (value < min || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF))
        return 0;
    return need;
}

/* Texts reach pango, which needs UTF-8, and libgettextpo keeps strings in
 * the file's own encoding without converting them: so the bytes must be
 * UTF-8 already. A byte order mark and NUL bytes are refused here too, with
 * a clearer message than the library's syntax error. */
static bool check_bytes(const char *path, const char *text, size_t length, fs_diags *diags)
{
    const char *save = "save the file as UTF-8 (Poedit does), or convert it with `msgconv "
                       "--to-code=UTF-8`";
    if (length >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) {
        fs_error(diags, fs_pos_at(path, 1, 1),
                 "save the file as UTF-8 without a byte order mark (BOM)",
                 "the PO file starts with a byte order mark, which gettext does not accept");
        return false;
    }
    int line = 1, column = 1;
    for (size_t i = 0; i < length;) {
        const unsigned char *at = (const unsigned char *)text + i;
        if (*at == '\0') {
            fs_error(diags, fs_pos_at(path, line, column), save,
                     "the PO file contains a NUL byte (is it UTF-16?)");
            return false;
        }
        size_t step = utf8_length(at, length - i);
        if (step == 0) {
            fs_error(diags, fs_pos_at(path, line, column), save,
                     "the PO file is not valid UTF-8 (byte 0x%02X)", *at);
            return false;
        }
        if (*at == '\n')
            line++, column = 1;
        else
            column++;
        i += step;
    }
    return true;
}

/* ---- Finding the line of each msgid ----------------------------------- */

/* libgettextpo keeps each message's position to itself, so the msgid lines
 * are found here by lexing the file the way its lexer (po-lex.c, 0.21)
 * does: a backslash before a newline joins lines anywhere, `#~` marks the
 * rest of the line obsolete and `#|` previous, other `#` start comments,
 * keywords may be split over lines and strings concatenate. Each msgid is
 * decoded, escapes included, so that entries are matched by their text and
 * not by counting alone: a mismatch then costs one position, not all the
 * following ones. */

typedef struct {
    const char *context; /* decoded msgctxt, NULL when none */
    const char *msgid;   /* decoded and joined */
    int line;
    int column;
} site;

typedef struct {
    const char *text;
    size_t length;
    size_t at;
    int line;
    int column; /* in characters, 1-based */
} cursor;

typedef enum { TOKEN_END, TOKEN_STRING, TOKEN_KEYWORD, TOKEN_OTHER } token_kind;

typedef struct {
    token_kind kind;
    bool obsolete; /* after #~ on the same line */
    bool previous; /* after #| (or #~|) on the same line */
    bool unclosed; /* a string that the end of its line or file cut */
    int line;
    int column;
    char word[16]; /* a keyword, "" when longer than any keyword */
} token;

typedef struct {
    cursor cur;
    bool obsolete;
    bool previous;
    fs_buf string; /* the text of the last string token */
} lexer;

static void skip_joins(cursor *c)
{
    while (c->at + 1 < c->length && c->text[c->at] == '\\' && c->text[c->at + 1] == '\n') {
        c->at += 2;
        c->line++;
        c->column = 1;
    }
}

/* The next byte as the library's lexer sees it; -1 at the end. */
static int next_char(cursor *c)
{
    skip_joins(c);
    if (c->at >= c->length)
        return -1;
    unsigned char ch = (unsigned char)c->text[c->at++];
    if (ch == '\n')
        c->line++, c->column = 1;
    else if ((ch & 0xC0) != 0x80)
        c->column++;
    return ch;
}

static int hex_value(int ch)
{
    if (ch >= '0' && ch <= '9')
        return ch - '0';
    if (ch >= 'a' && ch <= 'f')
        return ch - 'a' + 10;
    if (ch >= 'A' && ch <= 'F')
        return ch - 'A' + 10;
    return -1;
}

/* The byte a backslash sequence stands for, the library's way: up to three
 * octal digits, any number of hex digits, the value cut to a byte. */
static int control_sequence(cursor *c)
{
    cursor save = *c;
    int ch = next_char(c);
    switch (ch) {
    case 'n':
        return '\n';
    case 't':
        return '\t';
    case 'b':
        return '\b';
    case 'r':
        return '\r';
    case 'f':
        return '\f';
    case 'v':
        return '\v';
    case 'a':
        return '\a';
    case '\\':
    case '"':
        return ch;
    case 'x': {
        save = *c;
        ch = next_char(c);
        if (hex_value(ch) < 0)
            break;
        unsigned value = 0;
        for (;;) {
            value = value * 16 + (unsigned)hex_value(ch);
            save = *c;
            ch = next_char(c);
            if (hex_value(ch) < 0)
                break;
        }
        *c = save;
        return (int)(value & 0xFF);
    }
    default:
        if (ch >= '0' && ch <= '7') {
            unsigned value = 0;
            for (int digits = 1;; digits++) {
                value = value * 8 + (unsigned)(ch - '0');
                if (digits == 3)
                    break;
                save = *c;
                ch = next_char(c);
                if (ch < '0' || ch > '7') {
                    *c = save;
                    break;
                }
            }
            return (int)(value & 0xFF);
        }
        break;
    }
    *c = save; /* the library reports an error and reads a space */
    return ' ';
}

/* Decodes a string whose opening quote was read; false when the line or
 * the file ends first. Like the library, a NUL (from \0) ends what is kept
 * of this piece of the string. */
static bool lex_string(lexer *lx)
{
    fs_buf_clear(&lx->string);
    fs_buf_puts(&lx->string, "");
    bool cut = false;
    for (;;) {
        int ch = next_char(&lx->cur);
        if (ch < 0 || ch == '\n')
            return false;
        if (ch == '"')
            return true;
        if (ch == '\\')
            ch = control_sequence(&lx->cur);
        if (ch == 0)
            cut = true;
        if (!cut)
            fs_buf_putc(&lx->string, (char)ch);
    }
}

static bool word_char(int ch)
{
    return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
           ch == '_' || ch == '$';
}

static void lex(lexer *lx, token *tok)
{
    for (;;) {
        skip_joins(&lx->cur);
        *tok = (token){.line = lx->cur.line, .column = lx->cur.column};
        int ch = next_char(&lx->cur);
        if (ch < 0) {
            tok->kind = TOKEN_END;
            return;
        }
        tok->obsolete = lx->obsolete;
        tok->previous = lx->previous;
        switch (ch) {
        case '\n':
            lx->obsolete = lx->previous = false;
            continue;
        case ' ':
        case '\t':
        case '\r':
        case '\f':
        case '\v':
            continue;
        case '#': {
            ch = next_char(&lx->cur);
            if (ch == '~') {
                lx->obsolete = true;
                cursor save = lx->cur;
                if (next_char(&lx->cur) == '|')
                    lx->previous = true;
                else
                    lx->cur = save;
                continue;
            }
            if (ch == '|') {
                lx->previous = true;
                continue;
            }
            while (ch >= 0 && ch != '\n')
                ch = next_char(&lx->cur);
            /* As in the library, the comment's newline ends an obsolete
             * line but not a previous one. */
            lx->obsolete = false;
            continue;
        }
        case '"':
            tok->unclosed = !lex_string(lx);
            tok->kind = TOKEN_STRING;
            return;
        default:
            break;
        }
        if (!word_char(ch) || (ch >= '0' && ch <= '9')) {
            tok->kind = TOKEN_OTHER;
            return;
        }
        size_t n = 0;
        bool fits = true;
        for (;;) {
            if (n + 1 < sizeof tok->word)
                tok->word[n++] = (char)ch;
            else
                fits = false;
            cursor save = lx->cur;
            ch = next_char(&lx->cur);
            if (!word_char(ch)) {
                lx->cur = save;
                break;
            }
        }
        tok->word[fits ? n : 0] = '\0';
        tok->kind = TOKEN_KEYWORD;
        return;
    }
}

enum { MAX_UNCLOSED = 20 };

typedef struct {
    fs_arena *scratch;
    site *sites;
    size_t count;
    size_t capacity;
    bool failed; /* out of memory: positions are then unknown */
    /* Strings without their closing quote: the first few, and how many. */
    fs_pos unclosed[MAX_UNCLOSED];
    size_t unclosed_count;
} site_list;

static void add_site(site_list *list, const char *context, const char *msgid, int line, int column)
{
    if (list->failed)
        return;
    site *grown = fs_arena_reserve(list->scratch, list->sites, list->count, list->count + 1,
                                   &list->capacity, sizeof *grown);
    if (!grown) {
        list->failed = true;
        return;
    }
    list->sites = grown;
    site *s = &list->sites[list->count];
    s->context = context ? fs_arena_strdup(list->scratch, context) : NULL;
    s->msgid = fs_arena_strdup(list->scratch, msgid);
    s->line = line;
    s->column = column;
    if (!s->msgid || (context && !s->context))
        list->failed = true;
    else
        list->count++;
}

/* Lists the msgid of every active entry of the default domain, in file
 * order, with its context and the place of its `msgid` keyword; and notes
 * strings left open. */
static void scan_sites(const char *text, size_t length, site_list *list)
{
    lexer lx = {.cur = {text, length, 0, 1, 1}};
    fs_buf context = {0}, msgid = {0};
    enum { NONE, CONTEXT, MSGID, DOMAIN } collecting = NONE;
    bool has_context = false, default_domain = true;
    int line = 0, column = 0;
    token tok;
    do {
        lex(&lx, &tok);
        if (tok.kind == TOKEN_STRING && tok.unclosed) {
            if (list->unclosed_count < MAX_UNCLOSED)
                list->unclosed[list->unclosed_count] = fs_pos_at(NULL, tok.line, tok.column);
            list->unclosed_count++;
        }
        if (tok.kind == TOKEN_STRING) {
            if (tok.obsolete || tok.previous)
                continue;
            if (collecting == CONTEXT)
                fs_buf_append(&context, lx.string.data, lx.string.length);
            else if (collecting == MSGID)
                fs_buf_append(&msgid, lx.string.data, lx.string.length);
            else if (collecting == DOMAIN)
                default_domain = strcmp(fs_buf_str(&lx.string), "messages") == 0;
            if (collecting == DOMAIN)
                collecting = NONE;
            continue;
        }
        if (tok.kind == TOKEN_OTHER)
            continue;
        /* A keyword or the end closes the msgid being collected. */
        if (collecting == MSGID) {
            if (default_domain)
                add_site(list, has_context ? fs_buf_str(&context) : NULL, fs_buf_str(&msgid), line,
                         column);
            has_context = false;
        }
        collecting = NONE;
        if (tok.kind != TOKEN_KEYWORD || tok.obsolete || tok.previous) {
            has_context = false;
        } else if (strcmp(tok.word, "msgctxt") == 0) {
            collecting = CONTEXT;
            has_context = true;
            fs_buf_clear(&context);
            fs_buf_puts(&context, "");
        } else if (strcmp(tok.word, "msgid") == 0) {
            collecting = MSGID;
            fs_buf_clear(&msgid);
            fs_buf_puts(&msgid, "");
            line = tok.line;
            column = tok.column;
        } else if (strcmp(tok.word, "domain") == 0) {
            collecting = DOMAIN;
            has_context = false;
        }
    } while (tok.kind != TOKEN_END);
    if (!fs_buf_ok(&context) || !fs_buf_ok(&msgid) || !fs_buf_ok(&lx.string))
        list->failed = true;
    fs_buf_free(&context);
    fs_buf_free(&msgid);
    fs_buf_free(&lx.string);
}

static bool same_key(const char *context_a, const char *msgid_a, const char *context_b,
                     const char *msgid_b)
{
    if ((context_a == NULL) != (context_b == NULL))
        return false;
    if (context_a && strcmp(context_a, context_b) != 0)
        return false;
    return strcmp(msgid_a, msgid_b) == 0;
}

/* The site of the next message from the library, which comes in file
 * order: normally the next site. The window bounds the cost when something
 * does not match (line 0 then, "unknown"). */
static fs_pos find_site(const site_list *list, size_t *next, const char *path, const char *context,
                        const char *msgid)
{
    for (size_t k = *next; k < list->count && k - *next < SITE_LOOKAHEAD; k++) {
        const site *s = &list->sites[k];
        if (same_key(s->context, s->msgid, context, msgid)) {
            *next = k + 1;
            return fs_pos_at(path, s->line, s->column);
        }
    }
    return fs_pos_at(path, 0, 0);
}

/* ---- Errors from libgettextpo ----------------------------------------- */

typedef struct {
    fs_diags *diags;
    const char *path; /* the caller's path, as the file is named in messages */
    const char *hint;
    const site_list *sites;
} load_context;

/* libgettextpo keeps the parser's state and the error handler in its own
 * globals (po_xerror, the lexer's position and buffers), so two calls of
 * po_file_read must never overlap, whatever thread they come from. This
 * lock serialises them; it is the one piece of process-wide state here and
 * exists only because the library has no reentrant reader. */
static pthread_mutex_t read_lock = PTHREAD_MUTEX_INITIALIZER;

/* The xerror callbacks get no user-data pointer, so they find the load in
 * progress through this pointer, set just around po_file_read and cleared
 * after. Thread-local, not a plain static, so that a callback can only ever
 * see its own thread's load. */
static _Thread_local load_context *current_load;

static int to_int(size_t value)
{
    if (value == (size_t)-1)
        return 0;
    return value > INT_MAX ? INT_MAX : (int)value;
}

/* One line of text: the library's multi-line messages end in newlines. */
static void put_message(fs_buf *out, const char *text)
{
    size_t start = out->length;
    for (const char *p = text ? text : ""; *p; p++)
        fs_buf_putc(out, *p == '\n' ? ' ' : *p);
    while (out->length > start && out->data[out->length - 1] == ' ')
        out->data[--out->length] = '\0';
}

static void report(load_context *load, int severity, const char *filename, size_t lineno,
                   size_t column, const char *text)
{
    fs_pos pos = fs_pos_at(load->path, 0, 0);
    /* libgettextpo gives no column for most problems; its lines start
     * with the keyword it complains of, so the line's first column stands. */
    if (filename && lineno != (size_t)-1)
        pos = fs_pos_at(load->path, to_int(lineno), column == (size_t)-1 ? 1 : to_int(column));
    if (severity == PO_SEVERITY_WARNING)
        fs_warning(load->diags, pos, load->hint, "%s", text);
    else
        fs_error(load->diags, pos, load->hint, "%s", text);
}

/* The header says not to return from a fatal error; this handler returns
 * anyway, because in libgettextpo 0.21 po_file_read copes: on a read error
 * (its fatal one, tried with a folder) it treats the file as ended and
 * returns, and its "found N fatal errors" summary never comes, as it does
 * not count errors that a custom handler reports. Only regular files that
 * were just read in full reach the library, so a read error would take an
 * I/O failure between the two reads; the load then fails on the error. */
static void on_xerror(int severity, po_message_t message, const char *filename, size_t lineno,
                      size_t column, int multiline, const char *text)
{
    (void)message, (void)multiline;
    load_context *load = current_load;
    if (!load)
        return;
    fs_buf line = {0};
    put_message(&line, text);
    report(load, severity, filename, lineno, column, fs_buf_str(&line));
    fs_buf_free(&line);
}

/* A problem with two places, as for a duplicate (place 1: the duplicate,
 * place 2: the earlier definition): one diagnostic at place 1 that names
 * the line of place 2. The library gives place 2 as a message without a
 * position; its line is that of the first msgid site that matches it. */
static void on_xerror2(int severity, po_message_t message1, const char *filename1, size_t lineno1,
                       size_t column1, int multiline1, const char *text1, po_message_t message2,
                       const char *filename2, size_t lineno2, size_t column2, int multiline2,
                       const char *text2)
{
    (void)message1, (void)multiline1, (void)column2, (void)multiline2;
    load_context *load = current_load;
    if (!load)
        return;
    int line2 = filename2 && lineno2 != (size_t)-1 ? to_int(lineno2) : 0;
    if (!line2 && message2) {
        const char *context = po_message_msgctxt(message2);
        const char *msgid = po_message_msgid(message2);
        for (size_t k = 0; msgid && k < load->sites->count; k++) {
            const site *s = &load->sites->sites[k];
            if (same_key(s->context, s->msgid, context, msgid)) {
                line2 = s->line;
                break;
            }
        }
    }
    fs_buf line = {0};
    put_message(&line, text1);
    if (text2 && *text2) {
        fs_buf_puts(&line, " (");
        put_message(&line, text2);
        if (line2)
            fs_buf_printf(&line, ": line %d", line2);
        fs_buf_puts(&line, ")");
    }
    report(load, severity, filename1, lineno1, column1, fs_buf_str(&line));
    fs_buf_free(&line);
}

/* A missing closing quote is the most common slip in a PO file, and
 * libgettextpo reports it on the line after the string (it has read the
 * newline by then). The scan knows the string's own place, so these are
 * reported here, and the library is not asked until they are fixed. */
static void report_unclosed(const site_list *sites, const char *path, fs_diags *diags)
{
    size_t shown = sites->unclosed_count < MAX_UNCLOSED ? sites->unclosed_count : MAX_UNCLOSED;
    for (size_t i = 0; i < shown; i++)
        fs_error(diags, fs_pos_at(path, sites->unclosed[i].line, sites->unclosed[i].column),
                 "end the string with `\"` on the same line; a long text goes on as another "
                 "quoted string on the next line",
                 "this string has no closing quote on its line");
    if (sites->unclosed_count > shown)
        fs_error(diags, fs_pos_at(path, 0, 0), NULL,
                 "%zu more strings have no closing quote on their line",
                 sites->unclosed_count - shown);
}

static const struct po_xerror_handler xerror_handler = {on_xerror, on_xerror2};

/* libgettextpo reads standard input for these two names. */
static const char *library_path(const char *path)
{
    if (strcmp(path, "-") == 0)
        return "./-";
    if (strcmp(path, "/dev/stdin") == 0)
        return "/dev/./stdin";
    return path;
}

static po_file_t read_po(load_context *load)
{
    pthread_mutex_lock(&read_lock);
    current_load = load;
    errno = 0;
    po_file_t file = po_file_read(library_path(load->path), &xerror_handler);
    int error = errno;
    current_load = NULL;
    pthread_mutex_unlock(&read_lock);
    if (!file)
        fs_error(load->diags, fs_pos_at(load->path, 0, 0), NULL, "cannot read: %s",
                 strerror(error ? error : EIO));
    return file;
}

/* ---- Building the catalog --------------------------------------------- */

/* A message's key, as gettext joins it: the context, its separator, the
 * msgid. */
typedef struct {
    const char *context; /* NULL for none */
    const char *msgid;
} message_key;

static uint64_t key_hash(const message_key *key)
{
    uint64_t hash = FS_HASH_SEED;
    if (key->context) {
        hash = fs_hash(hash, key->context, strlen(key->context));
        hash = fs_hash(hash, "\x04", 1);
    }
    return fs_hash(hash, key->msgid, strlen(key->msgid));
}

static bool same_message(const void *item, const void *key)
{
    const entry *e = item;
    const message_key *k = key;
    return same_key(e->context, e->msgid, k->context, k->msgid);
}

/* Indexes the entries by key; of two entries with one key, the first in
 * the file is found. */
static bool build_index(fs_catalog *catalog, fs_arena *arena)
{
    catalog->index = (fs_map){.arena = arena};
    for (size_t i = 0; i < catalog->count; i++) {
        entry *e = &catalog->entries[i];
        message_key key = {e->context, e->msgid};
        uint64_t hash = key_hash(&key);
        if (!fs_map_find(&catalog->index, hash, same_message, &key) &&
            !fs_map_add(&catalog->index, hash, e))
            return false;
    }
    return true;
}

static fs_lookup_status entry_status(const entry *e, bool fuzzy)
{
    if (e->msgstr[0] == '\0')
        return FS_UNTRANSLATED;
    for (size_t i = 0; i < e->plural_count; i++)
        if (e->plurals[i][0] == '\0')
            return FS_UNTRANSLATED;
    return fuzzy ? FS_FUZZY : FS_TRANSLATED;
}

/* Copies one message into the arena; false when out of memory. */
static bool copy_entry(entry *e, po_message_t message, fs_arena *arena)
{
    const char *context = po_message_msgctxt(message);
    e->context = context ? fs_arena_strdup(arena, context) : NULL;
    e->msgid = fs_arena_strdup(arena, po_message_msgid(message));
    if (!e->msgid || (context && !e->context))
        return false;
    if (po_message_msgid_plural(message)) {
        size_t count = 0;
        while (count < INT_MAX && po_message_msgstr_plural(message, (int)count))
            count++;
        e->plurals = fs_arena_array(arena, count ? count : 1, sizeof(char *));
        if (!e->plurals)
            return false;
        for (size_t i = 0; i < count; i++) {
            e->plurals[i] = fs_arena_strdup(arena, po_message_msgstr_plural(message, (int)i));
            if (!e->plurals[i])
                return false;
        }
        e->plural_count = count;
        e->msgstr = count ? e->plurals[0] : "";
    } else {
        e->msgstr = fs_arena_strdup(arena, po_message_msgstr(message));
        if (!e->msgstr)
            return false;
    }
    e->status = entry_status(e, po_message_is_fuzzy(message) != 0);
    return true;
}

/* Copies the active entries in file order, finding each one's msgid line;
 * the header's position goes to catalog->header_pos. */
static bool copy_entries(fs_catalog *catalog, po_file_t file, const site_list *sites,
                         fs_arena *arena)
{
    size_t capacity = 0, next_site = 0;
    bool ok = true;
    po_message_iterator_t it = po_message_iterator(file, NULL);
    po_message_t message;
    while (ok && (message = po_next_message(it)) != NULL) {
        if (po_message_is_obsolete(message))
            continue;
        const char *context = po_message_msgctxt(message);
        const char *msgid = po_message_msgid(message);
        fs_pos pos = find_site(sites, &next_site, catalog->path, context, msgid);
        if (!context && msgid[0] == '\0') {
            catalog->header_pos = pos;
            continue;
        }
        entry *entries = fs_arena_reserve(arena, catalog->entries, catalog->count,
                                          catalog->count + 1, &capacity, sizeof *entries);
        if (!entries) {
            ok = false;
            break;
        }
        catalog->entries = entries;
        entry *e = &catalog->entries[catalog->count];
        e->pos = pos;
        ok = copy_entry(e, message, arena);
        if (ok)
            catalog->count++;
    }
    po_message_iterator_free(it);
    return ok;
}

/* nplurals=N from a Plural-Forms value; 0 when absent or not a positive
 * number. */
static int parse_nplurals(const char *value)
{
    const char *p = strstr(value, "nplurals");
    if (!p)
        return 0;
    p += strlen("nplurals");
    while (*p == ' ' || *p == '\t')
        p++;
    if (*p++ != '=')
        return 0;
    while (*p == ' ' || *p == '\t')
        p++;
    long n = 0;
    if (*p < '0' || *p > '9')
        return 0;
    for (; *p >= '0' && *p <= '9'; p++) {
        n = n * 10 + (*p - '0');
        if (n > INT_MAX)
            return 0;
    }
    return (int)n;
}

static bool utf8_charset(const char *content_type)
{
    const char *p = strstr(content_type, "charset=");
    if (!p)
        return true;
    p += strlen("charset=");
    size_t n = strcspn(p, "; \t");
    static const char *const accepted[] = {"UTF-8", "UTF8", "ASCII", "US-ASCII", "ANSI_X3.4-1968",
                                           /* xgettext's placeholder in templates */
                                           "CHARSET"};
    for (size_t i = 0; i < sizeof accepted / sizeof accepted[0]; i++)
        if (strlen(accepted[i]) == n && strncasecmp(p, accepted[i], n) == 0)
            return true;
    return false;
}

/* Reads Plural-Forms and checks the declared charset. The header string
 * po_file_domain_header returns is a copy the caller frees (0.21 returns
 * xstrdup(header), despite the const in its prototype). */
static void read_header(fs_catalog *catalog, po_file_t file, fs_diags *diags)
{
    char *header = (char *)po_file_domain_header(file, NULL);
    if (!header)
        return;
    char *content_type = po_header_field(header, "Content-Type");
    if (content_type && !utf8_charset(content_type))
        fs_error(diags, catalog->header_pos,
                 "save the file as UTF-8 and set `charset=UTF-8` in its header (Poedit does "
                 "both), or convert it with `msgconv --to-code=UTF-8`",
                 "the PO file declares \"%s\"; factsheet reads PO files in UTF-8 only",
                 content_type);
    free(content_type);
    char *plural_forms = po_header_field(header, "Plural-Forms");
    if (plural_forms) {
        catalog->nplurals = parse_nplurals(plural_forms);
        if (catalog->nplurals <= 0)
            fs_warning(diags, catalog->header_pos,
                       "write it as in `Plural-Forms: nplurals=2; plural=(n > 1);`",
                       "the Plural-Forms header has no valid nplurals: \"%s\"", plural_forms);
    }
    free(plural_forms);
    free(header);
}

fs_catalog *fs_catalog_empty(const char *path, fs_arena *arena)
{
    fs_catalog *catalog = fs_arena_alloc(arena, sizeof *catalog);
    if (!catalog)
        return NULL;
    catalog->path = fs_arena_strdup(arena, path ? path : "");
    if (!catalog->path || !build_index(catalog, arena))
        return NULL;
    catalog->header_pos = fs_pos_at(catalog->path, 0, 0);
    return catalog;
}

fs_catalog *fs_catalog_load(const char *path, fs_arena *arena, fs_diags *diags)
{
    size_t errors = fs_diags_errors(diags);
    size_t length = 0;
    char *text = read_file(path, &length, diags);
    if (!text)
        return NULL;
    fs_catalog *catalog = NULL;
    po_file_t file = NULL;
    fs_buf hint = {0};
    site_list sites = {.scratch = fs_arena_create()};
    load_context load = {diags, path, catalog_hint(&hint, path), &sites};
    if (!check_bytes(path, text, length, diags))
        goto done;
    catalog = fs_catalog_empty(path, arena);
    if (!sites.scratch || !catalog)
        goto out_of_memory;
    scan_sites(text, length, &sites);
    if (sites.unclosed_count) {
        report_unclosed(&sites, path, diags);
        goto done;
    }
    file = read_po(&load);
    if (!file || fs_diags_errors(diags) > errors)
        goto done;
    if (!copy_entries(catalog, file, &sites, arena) || !build_index(catalog, arena))
        goto out_of_memory;
    read_header(catalog, file, diags);
    goto done;
out_of_memory:
    fs_error(diags, fs_pos_at(path, 0, 0), NULL, "out of memory while reading the catalog");
done:
    if (file)
        po_file_free(file);
    fs_arena_free(sites.scratch);
    fs_buf_free(&hint);
    free(text);
    return fs_diags_errors(diags) > errors ? NULL : catalog;
}

/* ---- Queries ----------------------------------------------------------- */

/* Fills out for entry e: the strings only when it is usable. */
static void fill(const entry *e, fs_translation *out)
{
    if (!out)
        return;
    *out = (fs_translation){.pos = e->pos};
    if (e->status != FS_TRANSLATED)
        return;
    out->msgstr = e->msgstr;
    out->plurals = e->plurals;
    out->plural_count = e->plural_count;
}

fs_lookup_status fs_catalog_lookup(const fs_catalog *catalog, const char *context,
                                   const char *msgid, fs_translation *out)
{
    if (out)
        *out = (fs_translation){0};
    if (!catalog || !msgid || catalog->count == 0)
        return FS_MISSING;
    message_key key = {context, msgid};
    const entry *e = fs_map_find(&catalog->index, key_hash(&key), same_message, &key);
    if (!e)
        return FS_MISSING;
    fill(e, out);
    return e->status;
}

const char *fs_catalog_path(const fs_catalog *catalog)
{
    return catalog->path;
}

int fs_catalog_nplurals(const fs_catalog *catalog, fs_pos *pos)
{
    if (pos)
        *pos = catalog->header_pos;
    return catalog->nplurals;
}

size_t fs_catalog_count(const fs_catalog *catalog)
{
    return catalog->count;
}

const char *fs_catalog_msgid(const fs_catalog *catalog, size_t i, fs_lookup_status *status,
                             fs_translation *out)
{
    if (out)
        *out = (fs_translation){0};
    if (i >= catalog->count) {
        if (status)
            *status = FS_MISSING;
        return NULL;
    }
    const entry *e = &catalog->entries[i];
    if (status)
        *status = e->status;
    fill(e, out);
    return e->msgid;
}

const char *fs_catalog_msgctxt(const fs_catalog *catalog, size_t i)
{
    return i < catalog->count ? catalog->entries[i].context : NULL;
}

/* ---- Writing a template ------------------------------------------------- */

static po_message_t new_message(const char *msgid, const char *msgstr)
{
    po_message_t message = po_message_create();
    if (message) {
        po_message_set_msgid(message, msgid);
        po_message_set_msgstr(message, msgstr);
    }
    return message;
}

static bool fill_template(po_file_t file, const char *project, long long created,
                          const fs_pot_entry *entries, size_t count)
{
    po_message_iterator_t iterator = po_message_iterator(file, NULL);
    if (!iterator)
        return false;
    char date[32];
    time_t when = (time_t)created;
    struct tm tm;
    gmtime_r(&when, &tm);
    strftime(date, sizeof date, "%Y-%m-%d %H:%M+0000", &tm);
    fs_buf header = {0};
    fs_buf_printf(&header,
                  "Project-Id-Version: %s\n"
                  "POT-Creation-Date: %s\n"
                  "PO-Revision-Date: YEAR-MO-DA HO:MI+ZONE\n"
                  "Last-Translator: FULL NAME <EMAIL@ADDRESS>\n"
                  "Language-Team: LANGUAGE <LL@li.org>\n"
                  "Language: \n"
                  "MIME-Version: 1.0\n"
                  "Content-Type: text/plain; charset=UTF-8\n"
                  "Content-Transfer-Encoding: 8bit\n",
                  project, date);
    bool ok = fs_buf_ok(&header);
    po_message_t message = ok ? new_message("", fs_buf_str(&header)) : NULL;
    if (message) {
        po_message_set_fuzzy(message, 1);
        po_message_insert(iterator, message);
    }
    ok = message != NULL;
    for (size_t i = 0; ok && i < count; i++) {
        message = new_message(entries[i].msgid, "");
        ok = message != NULL;
        if (!ok)
            break;
        for (size_t r = 0; r < entries[i].ref_count; r++) {
            const fs_pos *ref = &entries[i].refs[r];
            if (ref->file)
                po_message_add_filepos(message, ref->file,
                                       ref->line > 0 ? (size_t)ref->line : (size_t)-1);
        }
        if (entries[i].note)
            po_message_set_extracted_comments(message, entries[i].note);
        po_message_insert(iterator, message);
    }
    po_message_iterator_free(iterator);
    fs_buf_free(&header);
    return ok;
}

bool fs_catalog_write_template(const char *path, const char *project, long long created,
                               const fs_pot_entry *entries, size_t count, fs_cleanup *cleanup,
                               fs_diags *diags)
{
    size_t errors = fs_diags_errors(diags);
    po_file_t file = po_file_create();
    if (!file || !fill_template(file, project, created, entries, count)) {
        fs_error(diags, fs_pos_at(path, 0, 0), NULL, "out of memory while writing the template");
        if (file)
            po_file_free(file);
        return false;
    }
    fs_output out;
    bool ok = fs_output_open(&out, path, cleanup, diags);
    if (ok) {
        site_list sites = {0};
        load_context context = {diags, path, NULL, &sites};
        /* The library writes to a path of its own: the temporary file's,
         * synced and made path only when it is complete. */
        pthread_mutex_lock(&read_lock);
        current_load = &context;
        po_file_t written = po_file_write(file, fs_output_path(&out), &xerror_handler);
        current_load = NULL;
        pthread_mutex_unlock(&read_lock);
        ok = written != NULL && fs_diags_errors(diags) == errors && fs_output_close(&out, diags) &&
             fs_output_commit(&out, diags);
    }
    fs_output_discard(&out);
    po_file_free(file);
    return ok;
}
