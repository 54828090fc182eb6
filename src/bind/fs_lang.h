/* One language of a run: its ICU formatters, its hyphenation patterns, the catalogs that translate
 * the layout's strings (LAYOUT/LANG.po) and the data's texts
 * (DATA_DIR/LANG.po), and every layout string already translated and
 * parsed. Made once per run and language; documents only read it. English
 * is the source language: it needs no catalog. */
#ifndef FS_LANG_H
#define FS_LANG_H

#include <stdbool.h>

#include "core/fs_arena.h"
#include "core/fs_diag.h"
#include "i18n/fs_hyphen.h"
#include "i18n/fs_locale.h"
#include "i18n/fs_template.h"
#include "load/fs_catalog.h"
#include "load/fs_layout.h"

typedef struct fs_lang fs_lang;

/* Loads what tag needs into arena. A string the layout catalog lacks (or
 * has fuzzy) is a warning naming the catalog and the string's line in
 * layout.yaml, an error when strict; a translation that drops or adds a
 * placeholder is an error at its line in the PO file. NULL when anything
 * is an error. The caller frees it with fs_lang_free. */
fs_lang *fs_lang_create(const char *tag, const fs_layout *layout, const char *data_dir, bool strict,
                        fs_arena *arena, fs_diags *diags);
void fs_lang_free(fs_lang *lang);

const char *fs_lang_tag(const fs_lang *lang);
const fs_locale *fs_lang_locale(const fs_lang *lang);
bool fs_lang_is_source(const fs_lang *lang);

/* The patterns the language's words are hyphenated with; NULL when the
 * system has none for it (a warning said so when the language was made). */
const fs_hyphen *fs_lang_hyphen(const fs_lang *lang);
bool fs_lang_strict(const fs_lang *lang);

/* The layout string in this language: its translation, or the source
 * itself (English, or no translation). */
const fs_template *fs_lang_template(const fs_lang *lang, const fs_template *source);

/* The data catalog, for the texts of cells, and the layout's, for the
 * texts it writes. */
const fs_catalog *fs_lang_data_catalog(const fs_lang *lang);
const fs_catalog *fs_lang_layout_catalog(const fs_lang *lang);

/* Looks a text up: a layout text in the layout's catalog first, a cell's
 * text in the data's first, then in the other, so that one catalog made
 * from `factsheet extract` serves both. */
fs_lookup_status fs_lang_lookup(const fs_lang *lang, bool layout_text, const char *msgid,
                                fs_translation *out);

/* True when text is worth translating: it has letters, and is not a code,
 * an e-mail address or a web address (one word with a digit, '@', '/' or
 * '.'). */
bool fs_lang_translatable(const char *text);

/* True when a layout text is worth translating: what the layout writes
 * around its placeholders has letters or quotation marks. */
bool fs_lang_template_translatable(const fs_template *template);

#endif
