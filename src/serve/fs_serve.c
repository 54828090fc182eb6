#include "fs_serve.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <poll.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "core/fs_alloc.h"
#include "core/fs_buf.h"
#include "core/fs_json.h"
#include "serve/fs_admit.h"
#include "serve/fs_assets.h"
#include "serve/fs_coalesce.h"
#include "serve/fs_watch.h"

/* How often an idle event stream says it is alive (seconds). */
enum { KEEPALIVE_SECONDS = 15 };

/* One page's PNG, shared by the document that keeps it and the responses
 * that send it, so that no connection copies it; freed by whichever lets
 * go last. */
typedef struct {
    atomic_uint refs;
    fs_buf png;
} shared_png;

static void release_png(void *context)
{
    shared_png *shared = context;
    if (atomic_fetch_sub(&shared->refs, 1) == 1) {
        fs_buf_free(&shared->png);
        free(shared);
    }
}

/* One document as the pages asked for it. Only the worker adds, changes or
 * drops documents; connection threads copy from them (or take a reference
 * to a picture) under the lock. */
typedef struct {
    bool used;           /* the slot holds a document */
    char *key;           /* NULL without --each */
    size_t lang;         /* index into the languages */
    int scale4;          /* device pixel ratio, in quarters (4 is 1x) */
    bool failed;         /* the last render gave no pages: the pages are older */
    unsigned version;    /* the render that drew the pages */
    size_t page_count;   /* the last good pages: */
    shared_png **pngs;   /* their pictures */
    fs_buf pages;        /* their sizes and texts, as JSON */
    fs_buf problems;     /* the last render's problems, as JSON */
    fs_buf json;         /* the answer to /api/doc */
    uint64_t last_asked; /* for dropping the least recently asked */
} document;

typedef enum { ASK_DOCUMENT, ASK_PDF } ask_kind;

/* A connection's request to the worker, on the connection's stack: the
 * worker marks it taken, answers, then marks it done (under the lock); the
 * connection waits for done once it is taken. */
typedef struct ask {
    ask_kind kind;
    const char *key;
    size_t lang;
    int scale4;
    bool taken, done;
    int fd; /* ASK_PDF: the PDF, open and already unlinked, or -1 */
    off_t size;
    fs_buf problems; /* ASK_PDF: why there is none, as JSON */
    struct ask *next;
} ask;

struct fs_serve {
    const fs_serve_options *options;
    fs_preview *preview; /* the worker's alone, once it runs */
    fs_watch *watch;
    int wake;        /* eventfd: a request is waiting, or stop */
    char folder[64]; /* private, for writing a PDF before it is sent */
    unsigned port;
    struct MHD_Daemon *daemon;
    pthread_t worker;
    bool worker_started;

    pthread_mutex_t lock;
    pthread_cond_t changed; /* a render ended, a request was answered, or stop */
    /* Under the lock: */
    bool stopping;
    unsigned renders; /* renders done, the first at start */
    unsigned changes; /* watched file events that asked for a render */
    fs_buf state;     /* the answer to /api/state */
    document documents[FS_SERVE_DOCUMENTS];
    uint64_t clock; /* counts requests, for last_asked */
    ask *asks;
};

static int64_t now_ms(void)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (int64_t)now.tv_sec * 1000 + now.tv_nsec / 1000000;
}

static void wake_worker(fs_serve *s)
{
    uint64_t one = 1;
    ssize_t written = write(s->wake, &one, sizeof one);
    (void)written; /* a full counter already wakes it */
}

/* ---- the worker's side ------------------------------------------------------ */

static const char *lang_tag(const fs_serve *s, size_t lang)
{
    return s->options->preview.langs[lang];
}

/* The answer to /api/doc for d, under the lock. */
static void document_json(fs_serve *s, document *d)
{
    fs_buf *out = &d->json;
    fs_buf_clear(out);
    fs_buf_printf(out, "{\"renders\": %u, \"version\": %u, \"key\": ", s->renders, d->version);
    fs_json_string(out, d->key);
    fs_buf_puts(out, ", \"lang\": ");
    fs_json_string(out, lang_tag(s, d->lang));
    fs_buf_printf(out, ", \"status\": \"%s\", \"pages\": %s, \"problems\": %s}",
                  d->failed ? "failed" : "drawn", d->pages.length ? fs_buf_str(&d->pages) : "[]",
                  d->problems.length ? fs_buf_str(&d->problems) : "[]");
}

static void drop_pages(document *d)
{
    for (size_t i = 0; i < d->page_count; i++)
        release_png(d->pngs[i]);
    free(d->pngs);
    d->pngs = NULL;
    d->page_count = 0;
    fs_buf_free(&d->pages);
}

/* The pages of doc, moved into d in place of its old ones. False when
 * memory runs out (d keeps its old pages then). */
static bool take_pages(document *d, fs_preview_doc *doc)
{
    shared_png **pngs = fs_calloc(doc->page_count ? doc->page_count : 1, sizeof *pngs);
    for (size_t i = 0; pngs && i < doc->page_count; i++) {
        pngs[i] = fs_malloc(sizeof *pngs[i]);
        if (!pngs[i]) {
            while (i-- > 0)
                free(pngs[i]);
            free(pngs);
            return false;
        }
    }
    if (!pngs)
        return false;
    drop_pages(d);
    for (size_t i = 0; i < doc->page_count; i++) {
        atomic_init(&pngs[i]->refs, 1);
        pngs[i]->png = doc->pngs[i];
        doc->pngs[i] = (fs_buf){0};
    }
    d->pngs = pngs;
    d->page_count = doc->page_count;
    d->pages = doc->pages;
    doc->pages = (fs_buf){0};
    return true;
}

static void drop_document(document *d)
{
    free(d->key);
    drop_pages(d);
    fs_buf_free(&d->problems);
    fs_buf_free(&d->json);
    *d = (document){0};
}

/* Keeps what a render of d gave, under the lock: new pages, or the old
 * pages with the new problems. False when there is nothing to keep (the
 * document's key left the data, or memory ran out): d is to be dropped. */
static bool keep(fs_serve *s, document *d, fs_preview_status status, fs_preview_doc *doc,
                 unsigned version)
{
    if (status == FS_PREVIEW_DRAWN) {
        if (!take_pages(d, doc)) {
            fs_preview_doc_free(doc);
            return false;
        }
        d->version = version;
    } else if (status != FS_PREVIEW_FAILED) {
        return false;
    }
    d->failed = status == FS_PREVIEW_FAILED;
    fs_buf_free(&d->problems);
    d->problems = doc->problems;
    doc->problems = (fs_buf){0};
    fs_preview_doc_free(doc);
    document_json(s, d);
    return fs_buf_ok(&d->json);
}

/* Renders d outside the lock: only the worker changes documents, so d's
 * key, language and scale stay as they are meanwhile. */
static fs_preview_status render(fs_serve *s, const document *d, fs_preview_doc *doc)
{
    return fs_preview_render(s->preview, d->key, lang_tag(s, d->lang), d->scale4 / 4.0, doc);
}

static document *find_document(fs_serve *s, const char *key, size_t lang, int scale4)
{
    for (size_t i = 0; i < FS_SERVE_DOCUMENTS; i++) {
        document *d = &s->documents[i];
        if (d->used && d->lang == lang && d->scale4 == scale4 &&
            (d->key ? key && strcmp(d->key, key) == 0 : !key))
            return d;
    }
    return NULL;
}

/* A free slot, made by dropping the least recently asked document when
 * every slot is taken. Under the lock. */
static document *free_slot(fs_serve *s)
{
    document *oldest = &s->documents[0];
    for (size_t i = 0; i < FS_SERVE_DOCUMENTS; i++) {
        if (!s->documents[i].used)
            return &s->documents[i];
        if (s->documents[i].last_asked < oldest->last_asked)
            oldest = &s->documents[i];
    }
    drop_document(oldest);
    return oldest;
}

/* The run's state as /api/state answers it, under the lock. */
static void state_json(fs_serve *s)
{
    fs_buf_clear(&s->state);
    fs_buf_printf(&s->state, "{\"renders\": %u, \"run\": ", s->renders);
    fs_preview_state_json(s->preview, &s->state);
    fs_buf_putc(&s->state, '}');
}

/* After a save: the inputs it changed read again, every kept document
 * rendered again, then the render counted and announced. */
static void render_all(fs_serve *s, unsigned changes)
{
    fs_preview_reload(s->preview, changes);
    pthread_mutex_lock(&s->lock);
    unsigned version = s->renders + 1;
    pthread_mutex_unlock(&s->lock);
    for (size_t i = 0; i < FS_SERVE_DOCUMENTS; i++) {
        document *d = &s->documents[i];
        if (!d->used)
            continue;
        fs_preview_doc doc;
        fs_preview_status status = render(s, d, &doc);
        pthread_mutex_lock(&s->lock);
        if (!keep(s, d, status, &doc, version))
            drop_document(d);
        pthread_mutex_unlock(&s->lock);
    }
    pthread_mutex_lock(&s->lock);
    s->renders = version;
    state_json(s);
    for (size_t i = 0; i < FS_SERVE_DOCUMENTS; i++)
        if (s->documents[i].used)
            document_json(s, &s->documents[i]);
    pthread_cond_broadcast(&s->changed);
    pthread_mutex_unlock(&s->lock);
}

/* A PDF for a download, written by the render pipeline into the private
 * folder, opened and unlinked at once: the open descriptor is all that
 * remains, and the connection sends and closes it. */
static void answer_pdf(fs_serve *s, ask *a)
{
    char path[96];
    snprintf(path, sizeof path, "%s/document.pdf", s->folder);
    fs_diags *diags = fs_diags_create();
    a->fd = -1;
    if (diags && fs_preview_pdf(s->preview, a->key, lang_tag(s, a->lang), path, diags)) {
        a->fd = open(path, O_RDONLY | O_CLOEXEC);
        struct stat info;
        if (a->fd >= 0 && fstat(a->fd, &info) == 0) {
            a->size = info.st_size;
        } else if (a->fd >= 0) {
            close(a->fd);
            a->fd = -1;
        }
        unlink(path);
    }
    fs_buf_putc(&a->problems, '[');
    for (size_t i = 0; diags && i < fs_diags_count(diags); i++) {
        if (i)
            fs_buf_puts(&a->problems, ", ");
        fs_preview_problem_json(fs_diags_at(diags, i), &a->problems);
    }
    fs_buf_putc(&a->problems, ']');
    fs_diags_free(diags);
}

/* A document asked for that is not kept yet: rendered, then kept in a
 * slot, so that no connection ever sees it half made. */
static void answer_document(fs_serve *s, const ask *a)
{
    pthread_mutex_lock(&s->lock);
    bool kept = find_document(s, a->key, a->lang, a->scale4) != NULL;
    unsigned version = s->renders;
    pthread_mutex_unlock(&s->lock);
    document d = {.used = true, .lang = a->lang, .scale4 = a->scale4};
    if (kept || (a->key && !(d.key = fs_strdup(a->key))))
        return; /* kept already, or out of memory: the asker finds none */
    fs_preview_doc doc;
    fs_preview_status status = render(s, &d, &doc);
    pthread_mutex_lock(&s->lock);
    if (keep(s, &d, status, &doc, version)) {
        document *slot = free_slot(s);
        *slot = d;
        slot->last_asked = ++s->clock;
    } else {
        drop_document(&d);
    }
    pthread_mutex_unlock(&s->lock);
}

/* Answers the waiting requests one by one; a request taken is always
 * answered, even when the server stops meanwhile (its asker waits). */
static void answer_asks(fs_serve *s)
{
    for (;;) {
        pthread_mutex_lock(&s->lock);
        ask *a = s->stopping ? NULL : s->asks;
        if (a) {
            s->asks = a->next;
            a->taken = true;
        }
        pthread_mutex_unlock(&s->lock);
        if (!a)
            return;
        if (a->kind == ASK_PDF)
            answer_pdf(s, a);
        else
            answer_document(s, a);
        pthread_mutex_lock(&s->lock);
        a->done = true;
        pthread_cond_broadcast(&s->changed);
        pthread_mutex_unlock(&s->lock);
    }
}

static void *work(void *argument)
{
    fs_serve *s = argument;
    fs_coalesce burst = fs_coalesce_new(FS_SERVE_QUIET_MS, FS_SERVE_LONGEST_MS);
    unsigned pending = 0;
    for (;;) {
        int64_t wait = fs_coalesce_wait(&burst, now_ms());
        struct pollfd fds[2] = {{.fd = fs_watch_fd(s->watch), .events = POLLIN},
                                {.fd = s->wake, .events = POLLIN}};
        if (poll(fds, 2, wait < 0 ? -1 : (int)wait) < 0 && errno != EINTR)
            break;
        if (fds[0].revents & POLLIN) {
            unsigned change = fs_watch_read(s->watch);
            if (change) {
                pending |= change;
                fs_coalesce_event(&burst, now_ms());
                pthread_mutex_lock(&s->lock);
                s->changes++;
                pthread_mutex_unlock(&s->lock);
            }
        }
        if (fds[1].revents & POLLIN) {
            uint64_t count;
            ssize_t got = read(s->wake, &count, sizeof count);
            (void)got;
        }
        pthread_mutex_lock(&s->lock);
        bool stopping = s->stopping;
        pthread_mutex_unlock(&s->lock);
        if (stopping)
            break;
        if (fs_coalesce_take(&burst, now_ms())) {
            render_all(s, pending);
            pending = 0;
        }
        answer_asks(s);
    }
    return NULL;
}

/* ---- the connections' side -------------------------------------------------- */

/* Queues r with the headers every answer has, and lets go of it. */
static enum MHD_Result send_response(struct MHD_Connection *c, unsigned status, const char *type,
                                     struct MHD_Response *r)
{
    if (!r)
        return MHD_NO;
    MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_TYPE, type);
    MHD_add_response_header(r, MHD_HTTP_HEADER_CACHE_CONTROL, "no-store");
    MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
    MHD_add_response_header(r, "Referrer-Policy", "no-referrer");
    /* The page runs only its own script and style, loads only from here,
     * and is never framed by another site. */
    MHD_add_response_header(r, "Content-Security-Policy",
                            "default-src 'none'; script-src 'self'; style-src 'self'; "
                            "img-src 'self'; connect-src 'self'; base-uri 'none'; "
                            "form-action 'none'; frame-ancestors 'none'");
    enum MHD_Result queued = MHD_queue_response(c, status, r);
    MHD_destroy_response(r);
    return queued;
}

static enum MHD_Result send_bytes(struct MHD_Connection *c, unsigned status, const char *type,
                                  const void *bytes, size_t length)
{
    return send_response(
        c, status, type,
        MHD_create_response_from_buffer(length, (void *)bytes, MHD_RESPMEM_MUST_COPY));
}

static enum MHD_Result send_text(struct MHD_Connection *c, unsigned status, const char *text)
{
    return send_bytes(c, status, "text/plain; charset=utf-8", text, strlen(text));
}

static enum MHD_Result send_json_error(struct MHD_Connection *c, unsigned status,
                                       const char *message)
{
    fs_buf body = {0};
    fs_buf_puts(&body, "{\"error\": ");
    fs_json_string(&body, message);
    fs_buf_putc(&body, '}');
    enum MHD_Result sent = fs_buf_ok(&body)
                               ? send_bytes(c, status, "application/json", body.data, body.length)
                               : MHD_NO;
    fs_buf_free(&body);
    return sent;
}

static const char *argument(struct MHD_Connection *c, const char *name)
{
    return MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, name);
}

/* The document a request names: key (required with --each, refused
 * without), lang (one of the run's) and dpr (the page's device pixel ratio,
 * 1 to 3, to the nearest quarter). False with the reason in *why. */
static bool parse_document(const fs_serve *s, struct MHD_Connection *c, const char **key,
                           size_t *lang, int *scale4, const char **why)
{
    const fs_preview_config *config = &s->options->preview;
    *key = argument(c, "key");
    if ((*key != NULL) != (config->each != NULL)) {
        *why = config->each ? "key= names the document's key" : "this run has no --each key";
        return false;
    }
    const char *tag = argument(c, "lang");
    *lang = config->lang_count;
    for (size_t i = 0; tag && i < config->lang_count; i++)
        if (strcmp(config->langs[i], tag) == 0)
            *lang = i;
    if (*lang == config->lang_count) {
        *why = "lang= names one of the run's languages";
        return false;
    }
    const char *dpr = argument(c, "dpr");
    double ratio = dpr ? strtod(dpr, NULL) : 1;
    if (!(ratio >= 1))
        ratio = 1;
    if (ratio > 3)
        ratio = 3;
    *scale4 = (int)lround(ratio * 4);
    return true;
}

/* Hands a to the worker and waits until it is answered. False when the
 * server stops before the worker took it (it is taken back then). Under
 * the lock. */
static bool ask_worker(fs_serve *s, ask *a)
{
    a->next = s->asks;
    s->asks = a;
    wake_worker(s);
    while (!a->done && !(s->stopping && !a->taken))
        pthread_cond_wait(&s->changed, &s->lock);
    if (!a->done) {
        for (ask **at = &s->asks; *at; at = &(*at)->next) {
            if (*at == a) {
                *at = a->next;
                break;
            }
        }
    }
    return a->done;
}

/* The document kept for the request, rendered first when it is not. Under
 * the lock; NULL when there is none (an unknown key). */
static document *kept_document(fs_serve *s, const char *key, size_t lang, int scale4)
{
    document *d = find_document(s, key, lang, scale4);
    if (!d) {
        ask a = {.kind = ASK_DOCUMENT, .key = key, .lang = lang, .scale4 = scale4};
        if (!ask_worker(s, &a))
            return NULL;
        d = find_document(s, key, lang, scale4);
    }
    if (d)
        d->last_asked = ++s->clock;
    return d;
}

static enum MHD_Result send_document(fs_serve *s, struct MHD_Connection *c, bool png)
{
    const char *key, *why;
    size_t lang;
    int scale4;
    if (!parse_document(s, c, &key, &lang, &scale4, &why))
        return send_json_error(c, MHD_HTTP_BAD_REQUEST, why);
    unsigned long page = 0;
    if (png) {
        const char *number = argument(c, "page");
        char *end = NULL;
        page = number ? strtoul(number, &end, 10) : 0;
        if (!number || *end || page == 0)
            return send_json_error(c, MHD_HTTP_BAD_REQUEST, "page= numbers a page from 1");
    }
    pthread_mutex_lock(&s->lock);
    document *d = kept_document(s, key, lang, scale4);
    fs_buf json = {0};
    shared_png *picture = NULL;
    if (d && png && page <= d->page_count) {
        picture = d->pngs[page - 1];
        atomic_fetch_add(&picture->refs, 1);
    } else if (d && !png) {
        fs_buf_append(&json, d->json.data, d->json.length);
    }
    bool stopping = s->stopping;
    pthread_mutex_unlock(&s->lock);
    enum MHD_Result sent;
    if (picture) {
        struct MHD_Response *r = MHD_create_response_from_buffer_with_free_callback_cls(
            picture->png.length, picture->png.data, release_png, picture);
        if (!r)
            release_png(picture);
        sent = send_response(c, MHD_HTTP_OK, "image/png", r);
    } else if (json.length) {
        sent = fs_buf_ok(&json)
                   ? send_bytes(c, MHD_HTTP_OK, "application/json", json.data, json.length)
                   : MHD_NO;
    } else {
        sent = stopping ? send_text(c, MHD_HTTP_SERVICE_UNAVAILABLE, "stopping\n")
                        : send_json_error(c, MHD_HTTP_NOT_FOUND, "no such document or page");
    }
    fs_buf_free(&json);
    return sent;
}

/* name as a file name for a download, in plain ASCII: anything else is '_'. */
static void put_file_name(fs_buf *out, const char *name)
{
    for (const char *c = name; *c; c++)
        fs_buf_putc(out, (*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') ||
                                 (*c >= '0' && *c <= '9') || *c == '-' || *c == '.'
                             ? *c
                             : '_');
}

static enum MHD_Result send_pdf(fs_serve *s, struct MHD_Connection *c)
{
    const char *key, *why;
    size_t lang;
    int scale4;
    if (!parse_document(s, c, &key, &lang, &scale4, &why))
        return send_json_error(c, MHD_HTTP_BAD_REQUEST, why);
    ask a = {.kind = ASK_PDF, .key = key, .lang = lang, .fd = -1};
    pthread_mutex_lock(&s->lock);
    bool answered = ask_worker(s, &a);
    pthread_mutex_unlock(&s->lock);
    enum MHD_Result sent;
    if (!answered) {
        sent = send_text(c, MHD_HTTP_SERVICE_UNAVAILABLE, "stopping\n");
    } else if (a.fd < 0) {
        fs_buf body = {0};
        fs_buf_printf(&body, "{\"error\": \"the PDF could not be made\", \"problems\": %s}",
                      a.problems.length ? fs_buf_str(&a.problems) : "[]");
        sent = fs_buf_ok(&body)
                   ? send_bytes(c, MHD_HTTP_CONFLICT, "application/json", body.data, body.length)
                   : MHD_NO;
        fs_buf_free(&body);
    } else {
        struct MHD_Response *r = MHD_create_response_from_fd((size_t)a.size, a.fd);
        fs_buf disposition = {0};
        const char *folder = strrchr(s->options->preview.layout_dir, '/');
        fs_buf_puts(&disposition, "attachment; filename=\"");
        put_file_name(&disposition,
                      folder && folder[1] ? folder + 1 : s->options->preview.layout_dir);
        if (key) {
            fs_buf_putc(&disposition, '-');
            put_file_name(&disposition, key);
        }
        fs_buf_putc(&disposition, '-');
        put_file_name(&disposition, lang_tag(s, lang));
        fs_buf_puts(&disposition, ".pdf\"");
        if (!r) {
            close(a.fd);
            sent = MHD_NO;
        } else {
            MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_TYPE, "application/pdf");
            MHD_add_response_header(r, MHD_HTTP_HEADER_CACHE_CONTROL, "no-store");
            if (fs_buf_ok(&disposition))
                MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_DISPOSITION,
                                        fs_buf_str(&disposition));
            sent = MHD_queue_response(c, MHD_HTTP_OK, r);
            MHD_destroy_response(r);
        }
        fs_buf_free(&disposition);
    }
    fs_buf_free(&a.problems);
    return sent;
}

/* One open event stream: the last render it announced. */
typedef struct {
    fs_serve *server;
    unsigned announced;
    bool started;
} stream;

/* Blocks (on the connection's own thread) until there is a render to
 * announce, the stream has been idle too long, or the server stops. */
static ssize_t next_event(void *context, uint64_t position, char *buffer, size_t max)
{
    stream *st = context;
    fs_serve *s = st->server;
    pthread_mutex_lock(&s->lock);
    struct timespec until;
    clock_gettime(CLOCK_REALTIME, &until);
    until.tv_sec += KEEPALIVE_SECONDS;
    bool idle = false;
    while (!s->stopping && st->started && st->announced == s->renders && !idle)
        idle = pthread_cond_timedwait(&s->changed, &s->lock, &until) == ETIMEDOUT;
    bool stopping = s->stopping;
    unsigned renders = s->renders;
    pthread_mutex_unlock(&s->lock);
    if (stopping)
        return MHD_CONTENT_READER_END_OF_STREAM;
    if (idle)
        return snprintf(buffer, max, ": idle\n\n");
    const char *retry = st->started ? "" : "retry: 1000\n";
    st->started = true;
    st->announced = renders;
    return snprintf(buffer, max, "%sevent: render\ndata: %u\n\n", retry, renders);
}

static enum MHD_Result send_events(fs_serve *s, struct MHD_Connection *c)
{
    stream *st = fs_calloc(1, sizeof *st);
    if (!st)
        return MHD_NO;
    st->server = s;
    struct MHD_Response *r =
        MHD_create_response_from_callback(MHD_SIZE_UNKNOWN, 256, next_event, st, free);
    if (!r) {
        free(st);
        return MHD_NO;
    }
    MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_TYPE, "text/event-stream");
    MHD_add_response_header(r, MHD_HTTP_HEADER_CACHE_CONTROL, "no-store");
    enum MHD_Result queued = MHD_queue_response(c, MHD_HTTP_OK, r);
    MHD_destroy_response(r);
    return queued;
}

static enum MHD_Result send_copy(fs_serve *s, struct MHD_Connection *c, const fs_buf *json)
{
    pthread_mutex_lock(&s->lock);
    fs_buf copy = {0};
    fs_buf_append(&copy, json->data, json->length);
    pthread_mutex_unlock(&s->lock);
    enum MHD_Result sent =
        fs_buf_ok(&copy) ? send_bytes(c, MHD_HTTP_OK, "application/json", copy.data, copy.length)
                         : MHD_NO;
    fs_buf_free(&copy);
    return sent;
}

static enum MHD_Result send_status(fs_serve *s, struct MHD_Connection *c)
{
    char body[160];
    pthread_mutex_lock(&s->lock);
    size_t kept = 0;
    for (size_t i = 0; i < FS_SERVE_DOCUMENTS; i++)
        kept += s->documents[i].used;
    snprintf(body, sizeof body, "{\"renders\": %u, \"changes\": %u, \"documents\": %zu}",
             s->renders, s->changes, kept);
    pthread_mutex_unlock(&s->lock);
    return send_bytes(c, MHD_HTTP_OK, "application/json", body, strlen(body));
}

static enum MHD_Result send_asset(struct MHD_Connection *c, fs_asset asset)
{
    return send_bytes(c, MHD_HTTP_OK, asset.type, asset.bytes, asset.length);
}

static enum MHD_Result answer(void *context, struct MHD_Connection *c, const char *url,
                              const char *method, const char *version, const char *upload,
                              size_t *upload_size, void **request)
{
    fs_serve *s = context;
    /* The first call sees the headers only; the answer comes on the second. */
    if (!*request) {
        *request = s;
        return MHD_YES;
    }
    if (*upload_size) {
        *upload_size = 0; /* a body is never read */
        return MHD_YES;
    }
    if (!fs_admit_host(MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_HOST),
                       s->port))
        return send_text(c, MHD_HTTP_FORBIDDEN,
                         "factsheet serve answers only to localhost or an IP address\n");
    if (!fs_admit_method(method))
        return send_text(c, MHD_HTTP_METHOD_NOT_ALLOWED, "the preview is read-only\n");
    switch (fs_admit_route(url)) {
    case FS_ROUTE_PAGE:
        return send_asset(c, fs_asset_page());
    case FS_ROUTE_SCRIPT:
        return send_asset(c, fs_asset_script());
    case FS_ROUTE_STYLE:
        return send_asset(c, fs_asset_style());
    case FS_ROUTE_ICON:
        return send_asset(c, fs_asset_icon());
    case FS_ROUTE_EVENTS:
        return send_events(s, c);
    case FS_ROUTE_STATUS:
        return send_status(s, c);
    case FS_ROUTE_STATE:
        return send_copy(s, c, &s->state);
    case FS_ROUTE_DOC:
        return send_document(s, c, false);
    case FS_ROUTE_PNG:
        return send_document(s, c, true);
    case FS_ROUTE_PDF:
        return send_pdf(s, c);
    case FS_ROUTE_NONE:
        break;
    }
    return send_text(c, MHD_HTTP_NOT_FOUND, "not found\n");
}

/* ---- starting and stopping ------------------------------------------------- */

/* A socket listening on host:port, made here so that a taken port or a
 * wrong address is reported with the system's reason. */
static int listen_on(const char *host, unsigned port, unsigned *bound, fs_diags *diags)
{
    struct sockaddr_storage address = {0};
    socklen_t length;
    struct sockaddr_in *v4 = (struct sockaddr_in *)&address;
    struct sockaddr_in6 *v6 = (struct sockaddr_in6 *)&address;
    if (inet_pton(AF_INET, host, &v4->sin_addr) == 1) {
        v4->sin_family = AF_INET;
        v4->sin_port = htons((uint16_t)port);
        length = sizeof *v4;
    } else if (inet_pton(AF_INET6, host, &v6->sin6_addr) == 1) {
        v6->sin6_family = AF_INET6;
        v6->sin6_port = htons((uint16_t)port);
        length = sizeof *v6;
    } else {
        fs_error(diags, fs_pos_at(NULL, 0, 0), "give an IP address, such as 127.0.0.1 or ::1",
                 "--host is not an IP address: %s", host);
        return -1;
    }
    int fd = socket(address.ss_family, SOCK_STREAM | SOCK_CLOEXEC, 0);
    int on = 1;
    if (fd >= 0)
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
    if (fd < 0 || bind(fd, (struct sockaddr *)&address, length) != 0 || listen(fd, 64) != 0) {
        int error = errno;
        fs_error(diags, fs_pos_at(NULL, 0, 0),
                 error == EADDRINUSE ? "choose another port with --port N, or --port 0 for any "
                                       "free one"
                                     : "listen on 127.0.0.1, the default",
                 "cannot listen on %s port %u: %s", host, port, strerror(error));
        if (fd >= 0)
            close(fd);
        return -1;
    }
    length = sizeof address;
    getsockname(fd, (struct sockaddr *)&address, &length);
    *bound = ntohs(address.ss_family == AF_INET ? v4->sin_port : v6->sin6_port);
    return fd;
}

fs_serve *fs_serve_start(const fs_serve_options *options, fs_diags *diags)
{
    fs_serve *s = fs_calloc(1, sizeof *s);
    if (!s)
        return NULL;
    s->options = options;
    s->wake = -1;
    pthread_mutex_init(&s->lock, NULL);
    pthread_cond_init(&s->changed, NULL);
    const char *tmp = getenv("TMPDIR");
    snprintf(s->folder, sizeof s->folder, "%s/factsheet-serve-XXXXXX",
             tmp && *tmp && strlen(tmp) < 32 ? tmp : "/tmp");
    bool ok = true;
    if (!mkdtemp(s->folder)) {
        fs_error(diags, fs_pos_at(s->folder, 0, 0), "set TMPDIR to a folder you can write",
                 "cannot make a private folder for the PDF downloads: %s", strerror(errno));
        s->folder[0] = '\0';
        ok = false;
    }
    s->watch =
        ok ? fs_watch_create(options->preview.layout_dir, options->preview.data_dir, diags) : NULL;
    s->preview = s->watch ? fs_preview_create(&options->preview, diags) : NULL;
    s->wake = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    int fd =
        s->preview && s->wake >= 0 ? listen_on(options->host, options->port, &s->port, diags) : -1;
    if (fd >= 0) {
        s->renders = 1;
        state_json(s);
        s->daemon = MHD_start_daemon(
            MHD_USE_THREAD_PER_CONNECTION | MHD_USE_INTERNAL_POLLING_THREAD, 0, NULL, NULL, answer,
            s, MHD_OPTION_LISTEN_SOCKET, fd, MHD_OPTION_CONNECTION_LIMIT, 64,
            MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)(4 * KEEPALIVE_SECONDS), MHD_OPTION_END);
        if (!s->daemon) {
            close(fd);
            fs_error(diags, fs_pos_at(NULL, 0, 0), NULL, "cannot start the web server");
        }
    }
    s->worker_started = s->daemon && pthread_create(&s->worker, NULL, work, s) == 0;
    if (!s->worker_started) {
        if (fs_diags_errors(diags) == 0)
            fs_error(diags, fs_pos_at(NULL, 0, 0), "free some memory and try again",
                     "cannot start the preview");
        fs_serve_stop(s);
        return NULL;
    }
    /* The inputs' problems, for the terminal too. */
    const fs_diags *problems = fs_preview_problems(s->preview);
    for (size_t i = 0; i < fs_diags_count(problems); i++) {
        const fs_diag *d = fs_diags_at(problems, i);
        fs_diag_add_kind(diags, d->severity, d->kind, d->pos, d->hint, "%s", d->message);
    }
    return s;
}

unsigned fs_serve_port(const fs_serve *s)
{
    return s->port;
}

void fs_serve_stop(fs_serve *s)
{
    pthread_mutex_lock(&s->lock);
    s->stopping = true;
    pthread_cond_broadcast(&s->changed);
    pthread_mutex_unlock(&s->lock);
    if (s->wake >= 0)
        wake_worker(s);
    /* Event streams see stopping and end; waiting requests answer 503. */
    if (s->daemon)
        MHD_stop_daemon(s->daemon);
    if (s->worker_started)
        pthread_join(s->worker, NULL);
    for (size_t i = 0; i < FS_SERVE_DOCUMENTS; i++)
        drop_document(&s->documents[i]);
    fs_buf_free(&s->state);
    fs_preview_free(s->preview);
    fs_watch_free(s->watch);
    if (s->wake >= 0)
        close(s->wake);
    if (s->folder[0])
        rmdir(s->folder);
    pthread_cond_destroy(&s->changed);
    pthread_mutex_destroy(&s->lock);
    free(s);
}
