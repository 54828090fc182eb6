/* The preview's model: what `factsheet serve` loaded, read again piece by
 * piece as files change, and its documents drawn by the render pipeline as
 * PNG pages, with the problems `check` would report for each.
 *
 * What is loaded once and never again: the fonts and the icon names. What
 * each change reads again (fs_watch.h): the layout with its theme and
 * catalogs, the catalogs alone, the data folder, the pictures. A piece that
 * fails to load keeps the last good one in use, and its errors are shown
 * until a later save fixes them; a document that fails to lay out keeps
 * its last good pages on screen (the caller keeps them: a result only says
 * what this render gave).
 *
 * One preview is used by one thread at a time: it owns one text context. */
#ifndef FS_PREVIEW_H
#define FS_PREVIEW_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "core/fs_buf.h"
#include "core/fs_diag.h"

/* The most languages one preview shows. */
enum { FS_PREVIEW_MAX_LANGS = 16 };

typedef struct {
    const char *layout_dir; /* a layout folder */
    const char *data_dir;
    const char *fonts_conf; /* the font set's fonts.conf */
    const char *each;       /* one document per value of this column, or NULL */
    const char *const *langs;
    size_t lang_count; /* 1 to FS_PREVIEW_MAX_LANGS */
    /* The PDF's date, as render sets it; called for each download. */
    bool (*created)(const char *layout_dir, const char *data_dir, time_t *out, fs_diags *diags);
} fs_preview_config;

typedef struct fs_preview fs_preview;

/* Loads the fonts and icon names, then every input. NULL with errors in
 * diags when the fonts or icons cannot be loaded (nothing could be drawn);
 * problems of the inputs do not stop it: fs_preview_problems lists them.
 * config and its strings must outlive the preview. */
fs_preview *fs_preview_create(const fs_preview_config *config, fs_diags *diags);
void fs_preview_free(fs_preview *preview);

/* Reads again what changes (FS_CHANGE_* bits) ask for. */
void fs_preview_reload(fs_preview *preview, unsigned changes);

/* Every problem of the inputs as they stand: the errors of a piece that
 * failed to load (whose last good version is in use) first, then the
 * warnings of those that loaded, then a note for each column no
 * placeholder reads in any document or language (as check lists them,
 * once every document binds). Valid until the next reload. */
const fs_diags *fs_preview_problems(const fs_preview *preview);

/* Appends the run as JSON: its folders, the --each column and keys, the
 * languages (tag and name), the inputs' errors and the run's warnings and
 * notes (the columns no placeholder reads). */
void fs_preview_state_json(const fs_preview *preview, fs_buf *out);

typedef enum {
    FS_PREVIEW_DRAWN,   /* pages drawn */
    FS_PREVIEW_FAILED,  /* no pages: the problems say why */
    FS_PREVIEW_UNKNOWN, /* no document has that key, or no such language */
    FS_PREVIEW_NO_MEMORY
} fs_preview_status;

/* One render of one document. The caller owns it and frees it with
 * fs_preview_doc_free. */
typedef struct {
    size_t page_count;
    fs_buf *pngs;    /* page_count PNG files, when drawn */
    fs_buf pages;    /* JSON array: each page's size in points and its texts */
    fs_buf problems; /* JSON array: the document's problems, as check finds them */
} fs_preview_doc;

/* Binds, places and draws the document of key (NULL without --each) in
 * lang (one of the config's tags) through the render pipeline, each page
 * as a PNG at 96 dpi times scale. */
fs_preview_status fs_preview_render(fs_preview *preview, const char *key, const char *lang,
                                    double scale, fs_preview_doc *out);
void fs_preview_doc_free(fs_preview_doc *doc);

/* Writes the document's PDF to path exactly as render writes it. False with
 * the problems in diags when it cannot be laid out or written. */
bool fs_preview_pdf(fs_preview *preview, const char *key, const char *lang, const char *path,
                    fs_diags *diags);

/* Appends one diagnostic as a JSON object: severity, kind, file, line,
 * column (null when unknown), message and hint. */
void fs_preview_problem_json(const fs_diag *diag, fs_buf *out);

#endif
