/* factsheet serve's server: the preview's page and what it shows, over HTTP
 * (GNU libmicrohttpd), re-rendered when a watched file is saved and pushed
 * to every open page as a server-sent event.
 *
 * Threads: libmicrohttpd answers each connection on a thread of its own;
 * one worker thread owns the preview (fs_preview.h): it watches the files,
 * reloads and renders, and answers the requests for documents not yet
 * rendered, one at a time. What the answers read (each document's pages,
 * problems and JSON, the run's state, the counters) is kept under one lock,
 * built by the worker and copied out by the connection threads.
 *
 * What it keeps: the documents the pages asked for, at most
 * FS_SERVE_DOCUMENTS of them (each key, language and pixel ratio one), the
 * least recently asked for dropped first; every save re-renders those it
 * keeps. So memory follows the number of documents looked at, never the
 * number of saves. */
#ifndef FS_SERVE_H
#define FS_SERVE_H

#include "core/fs_diag.h"
#include "serve/fs_preview.h"

enum { FS_SERVE_DOCUMENTS = 12 };

/* Saves closer than this coalesce into one render (milliseconds); a burst
 * that never pauses renders after FS_SERVE_LONGEST_MS. */
enum { FS_SERVE_QUIET_MS = 50, FS_SERVE_LONGEST_MS = 1000 };

typedef struct {
    const char *host; /* the IPv4 or IPv6 address to listen on */
    unsigned port;    /* 0 for any free port */
    fs_preview_config preview;
} fs_serve_options;

typedef struct fs_serve fs_serve;

/* Loads the inputs, watches their folders and starts answering. NULL with
 * errors in diags when it cannot (the port is taken, the fonts are
 * missing, a folder cannot be watched). Else the inputs' problems at the
 * start are in diags, and the server runs until fs_serve_stop. options and
 * its strings must outlive the server. */
fs_serve *fs_serve_start(const fs_serve_options *options, fs_diags *diags);

/* The port it listens on (the one chosen when options asked for 0). */
unsigned fs_serve_port(const fs_serve *server);

/* Ends every connection (an open page's event stream too), stops the
 * worker and frees everything. */
void fs_serve_stop(fs_serve *server);

#endif
