/* Emit: a placed document written as PDF, PNG or SVG, chosen by the output
 * file's extension. Every file is written atomically (fs_output.h). */
#ifndef FS_EMIT_H
#define FS_EMIT_H

#include <stdbool.h>
#include <time.h>

#include "bind/fs_bind.h"
#include "core/fs_buf.h"
#include "core/fs_cleanup.h"
#include "core/fs_diag.h"
#include "place/fs_display.h"
#include "place/fs_pango.h"

typedef struct {
    double dpi;          /* PNG resolution */
    time_t created;      /* the PDF's creation date: fixed, so outputs are reproducible */
    fs_cleanup *cleanup; /* the run's named temporaries, for signals; may be NULL */
    /* A PDF without a structure tree, language or XMP (render --no-tags):
     * what cairo writes, its links repaired. Else every PDF is tagged. */
    bool untagged;
} fs_emit_options;

/* True when path ends in an extension factsheet can write (.pdf, .png,
 * .svg, any case). */
bool fs_emit_supported(const char *path);

/* Writes display to path. A PNG of a document with several pages is written
 * as one file per page (name-1.png, name-2.png, ...), all or none: each
 * page's file stays open until the last is drawn. A PDF is tagged (its
 * structure from the display list's elements) and finished after cairo
 * (fs_pdf_finish.h), unless options say untagged. False with an error
 * appended on failure; no file is left behind then. */
bool fs_emit(const fs_display *display, const fs_document *doc, fs_pango *pango, const char *path,
             const fs_emit_options *options, fs_diags *diags);

/* Draws page index (from 0) of display as a PNG at dpi, the pixels render
 * writes for that page, and appends its bytes to out, which the caller
 * owns. False with an error appended when it cannot be drawn. */
bool fs_emit_png_page(const fs_display *display, size_t index, fs_pango *pango, double dpi,
                      fs_buf *out, fs_diags *diags);

#endif
