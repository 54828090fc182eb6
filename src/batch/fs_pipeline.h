/* One document through the pipeline: bind, place, then paint and emit.
 * Every command that makes a document goes through here (render's
 * workers, check, serve, the render fuzz target), so that they all bind
 * and place a document alike. */
#ifndef FS_PIPELINE_H
#define FS_PIPELINE_H

#include "bind/fs_bind.h"
#include "core/fs_arena.h"
#include "core/fs_diag.h"
#include "emit/fs_emit.h"
#include "place/fs_display.h"
#include "place/fs_pango.h"

typedef struct {
    /* The file to write, its extension choosing PDF, PNG or SVG, with the
     * options to write it with; NULL to stop after placing (check, serve:
     * they report or paint the pages themselves). */
    const char *output;
    const fs_emit_options *emit;
    /* With output: also write the placed boxes as text here
     * (--dump-boxes); NULL for none. */
    const char *dump;
} fs_pipeline_options;

typedef enum {
    FS_PIPELINE_DONE,      /* placed, and written when an output was asked */
    FS_PIPELINE_BAD_INPUT, /* binding failed: a cell, a placeholder, a translation */
    FS_PIPELINE_FAILED     /* placing or writing failed */
} fs_pipeline_status;

typedef struct {
    fs_pipeline_status status;
    fs_document *doc;    /* the bound document; NULL when binding failed */
    fs_display *display; /* its pages; NULL when binding or placing failed */
} fs_pipeline_result;

/* Runs the document input describes through the pipeline: binds it, places
 * it on the layout's pages with pango's measures (pango's language becomes
 * the document's), then, when options->output is set, paints and writes it
 * (and its dump). Problems go to diags, and every failure adds an error,
 * running out of memory included. doc and display live in arena until it
 * is reset or freed. */
fs_pipeline_result fs_pipeline_run(const fs_bind_input *input, fs_pango *pango,
                                   const fs_pipeline_options *options, fs_arena *arena,
                                   fs_diags *diags);

#endif
