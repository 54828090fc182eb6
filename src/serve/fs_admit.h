/* Which requests the preview answers. It serves its own page and what it
 * rendered, never a file by path: a request names one of a fixed set of
 * routes, exactly, or gets 404, so no path can climb out of anything. And
 * it answers only requests addressed to it by an IP address or localhost:
 * a web page elsewhere that points a name of its own at 127.0.0.1 (DNS
 * rebinding) sends its name in the Host header and is refused. */
#ifndef FS_ADMIT_H
#define FS_ADMIT_H

#include <stdbool.h>

typedef enum {
    FS_ROUTE_NONE, /* not something the preview serves: 404 */
    FS_ROUTE_PAGE, /* the page: "/" */
    FS_ROUTE_SCRIPT,
    FS_ROUTE_STYLE,
    FS_ROUTE_ICON,
    FS_ROUTE_EVENTS, /* server-sent events: one per render */
    FS_ROUTE_STATUS, /* counters, for tests and the bench */
    FS_ROUTE_STATE,  /* the run: languages, keys, input errors */
    FS_ROUTE_DOC,    /* one document: its pages, texts and problems */
    FS_ROUTE_PNG,    /* one page of one document as PNG */
    FS_ROUTE_PDF     /* one document's PDF, as render writes it */
} fs_route;

/* The route of a request path (without its query), matched exactly. */
fs_route fs_admit_route(const char *path);

/* True for the methods the preview answers, GET and HEAD: it is read-only. */
bool fs_admit_method(const char *method);

/* True when host (a Host header, NULL when there was none) names this
 * server: "localhost", an IPv4 address or a bracketed IPv6 address, with
 * port (a missing port means 80). */
bool fs_admit_host(const char *host, unsigned port);

#endif
