/* Message catalogs: gettext PO files read with libgettextpo, once per run
 * and language. msgid is the English source; msgctxt and plural entries
 * (msgid_plural, msgstr[n]) are kept; fuzzy and empty entries count as
 * untranslated. */
#ifndef FS_CATALOG_H
#define FS_CATALOG_H

#include <stdbool.h>
#include <stddef.h>

#include "core/fs_arena.h"
#include "core/fs_cleanup.h"
#include "core/fs_diag.h"

typedef struct fs_catalog fs_catalog;

typedef enum {
    FS_TRANSLATED,   /* a usable translation */
    FS_UNTRANSLATED, /* the entry is there, its msgstr empty */
    FS_FUZZY,        /* the entry is marked fuzzy: to be reviewed */
    FS_MISSING       /* no entry for this msgid */
} fs_lookup_status;

typedef struct {
    const char *msgstr;         /* msgstr, or msgstr[0] of a plural entry */
    const char *const *plurals; /* msgstr[0..plural_count) of a plural entry */
    size_t plural_count;
    fs_pos pos; /* the entry's msgid line in the PO file */
} fs_translation;

/* Reads the PO file at path into arena. NULL with errors appended (naming
 * the file, line and column libgettextpo reports) when it cannot be read or
 * parsed, is over 64 MiB, or is not UTF-8. Warnings (a header without a
 * charset, a Plural-Forms without nplurals) do not stop the load. Callable
 * from several threads: the libgettextpo parse itself, which is not
 * reentrant, runs under a process-wide lock. */
fs_catalog *fs_catalog_load(const char *path, fs_arena *arena, fs_diags *diags);

/* An empty catalog, for a language without a PO file. */
fs_catalog *fs_catalog_empty(const char *path, fs_arena *arena);

/* Looks msgid up (context may be NULL). On FS_TRANSLATED fills *out (valid as
 * long as the arena); on FS_UNTRANSLATED and FS_FUZZY fills out->pos only,
 * the strings staying NULL; on FS_MISSING zeroes it. out may be NULL. */
fs_lookup_status fs_catalog_lookup(const fs_catalog *catalog, const char *context,
                                   const char *msgid, fs_translation *out);

/* The file it was read from (for messages). */
const char *fs_catalog_path(const fs_catalog *catalog);

/* The number of plural forms its Plural-Forms header declares (nplurals),
 * 0 when there is none; *pos (pos may be NULL) is the header's position,
 * line 0 when there is no header. */
int fs_catalog_nplurals(const fs_catalog *catalog, fs_pos *pos);

/* Entries in file order, for checks over the whole catalog. */
size_t fs_catalog_count(const fs_catalog *catalog);
const char *fs_catalog_msgid(const fs_catalog *catalog, size_t i, fs_lookup_status *status,
                             fs_translation *out);
/* The msgctxt of the i-th entry, NULL when it has none: with the msgid, the
 * key fs_catalog_lookup takes. */
const char *fs_catalog_msgctxt(const fs_catalog *catalog, size_t i);

/* One string of a translation template: the English, where it comes from
 * (each a `#:` reference) and an optional note for the translator. */
typedef struct {
    const char *msgid;
    const fs_pos *refs;
    size_t ref_count;
    const char *note;
} fs_pot_entry;

/* Writes a translation template (POT) to path atomically, through
 * libgettextpo, so msginit and msgmerge read it as they read xgettext's.
 * created dates it (POT-Creation-Date); cleanup (may be NULL) is the run's
 * list of named temporaries (fs_output_open). False with an error on
 * failure; no partial file is left. */
bool fs_catalog_write_template(const char *path, const char *project, long long created,
                               const fs_pot_entry *entries, size_t count, fs_cleanup *cleanup,
                               fs_diags *diags);

#endif
