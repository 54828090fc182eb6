#include "fs_lang.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>
#include <unistd.h>

#include "core/fs_alloc.h"
#include "core/fs_buf.h"
#include "core/fs_map.h"

/* Source template -> translated template, keyed by the source's address
 * (the layout tree is fixed for the run). */
typedef struct {
    const fs_template *source;
    const fs_template *translated;
} entry;

struct fs_lang {
    const char *tag;
    bool source_language;
    bool strict;
    fs_locale *locale;
    fs_hyphen *hyphen; /* NULL when the language has no patterns */
    fs_catalog *layout_catalog;
    fs_catalog *data_catalog;
    fs_map translations; /* of entries, in arena */
    fs_arena *arena;
    fs_diags *diags;
    bool failed;
};

static bool same_source(const void *item, const void *key)
{
    return ((const entry *)item)->source == key;
}

static bool remember(fs_lang *lang, const fs_template *source, const fs_template *translated)
{
    uint64_t hash = fs_hash_pointer(source);
    entry *known = fs_map_find(&lang->translations, hash, same_source, source);
    if (known) {
        known->translated = translated;
        return true;
    }
    entry *added = fs_arena_alloc(lang->arena, sizeof *added);
    if (!added || !fs_map_add(&lang->translations, hash, added))
        return false;
    *added = (entry){source, translated};
    return true;
}

const fs_template *fs_lang_template(const fs_lang *lang, const fs_template *source)
{
    const entry *found =
        source ? fs_map_find(&lang->translations, fs_hash_pointer(source), same_source, source)
               : NULL;
    return found ? found->translated : source;
}

bool fs_lang_translatable(const char *text)
{
    bool letters = false, space = false;
    int32_t length = (int32_t)strnlen(text, INT32_MAX);
    for (int32_t i = 0; i < length && !(letters && space);) {
        UChar32 c;
        U8_NEXT(text, i, length, c);
        letters = letters || (c >= 0 && u_isalpha(c));
        space = space || (c >= 0 && u_isUWhiteSpace(c));
    }
    if (!letters)
        return false;
    /* One word holding a digit, '@', '/' or '.' is a code or an address
     * ("M-01", "care@example.org", "example.org/x"): the same in every
     * language. */
    return space || !strpbrk(text, "0123456789@/.");
}

/* True when text has a quotation mark, which languages write differently
 * (“…” in English, « … » in French). */
static bool has_quotes(const char *text)
{
    int32_t length = (int32_t)strnlen(text, INT32_MAX);
    for (int32_t i = 0; i < length;) {
        UChar32 c;
        U8_NEXT(text, i, length, c);
        int8_t type = c >= 0 ? u_charType(c) : 0;
        if (c == '"' || type == U_INITIAL_PUNCTUATION || type == U_FINAL_PUNCTUATION)
            return true;
    }
    return false;
}

/* A template is translatable when the text the layout writes has letters
 * or quotation marks; "{value, number}" and "**{lead}** {text}" are the
 * same in every language. */
bool fs_lang_template_translatable(const fs_template *template)
{
    for (size_t i = 0; i < template->count; i++) {
        const fs_segment *segment = &template->segments[i];
        if (!segment->is_field && !segment->is_pound &&
            (fs_lang_translatable(segment->text) || has_quotes(segment->text)))
            return true;
        for (size_t a = 0; a < segment->arm_count; a++)
            if (fs_lang_template_translatable(segment->arms[a].message))
                return true;
    }
    return false;
}

static bool same_names(const char **a, size_t na, const char **b, size_t nb, const char **odd)
{
    for (size_t i = 0; i < na; i++) {
        bool found = false;
        for (size_t k = 0; k < nb && !found; k++)
            found = strcmp(a[i], b[k]) == 0;
        if (!found) {
            *odd = a[i];
            return false;
        }
    }
    return true;
}

/* Checks that the translation uses exactly the source's placeholders: a
 * dropped one loses data, a renamed one names no column. */
static bool check_placeholders(fs_lang *lang, const fs_template *source,
                               const fs_template *translated, const fs_translation *found)
{
    const char **wanted, **given, *odd = NULL;
    size_t nw = fs_template_names(source, lang->arena, &wanted);
    size_t ng = fs_template_names(translated, lang->arena, &given);
    if (!same_names(wanted, nw, given, ng, &odd)) {
        fs_error(lang->diags, found->pos, "keep every {placeholder} of the msgid, unchanged",
                 "the translation drops the placeholder {%s}", odd);
        return false;
    }
    if (!same_names(given, ng, wanted, nw, &odd)) {
        fs_error(lang->diags, found->pos,
                 "use only the msgid's placeholders; names are never translated",
                 "the translation has a placeholder {%s} that the msgid lacks", odd);
        return false;
    }
    return true;
}

fs_lookup_status fs_lang_lookup(const fs_lang *lang, bool layout_text, const char *msgid,
                                fs_translation *out)
{
    const fs_catalog *first = layout_text ? lang->layout_catalog : lang->data_catalog;
    const fs_catalog *second = layout_text ? lang->data_catalog : lang->layout_catalog;
    fs_lookup_status status = fs_catalog_lookup(first, NULL, msgid, out);
    if (status != FS_MISSING)
        return status;
    return fs_catalog_lookup(second, NULL, msgid, out);
}

static void translate(fs_lang *lang, const fs_template *source)
{
    if (!source || !fs_lang_template_translatable(source))
        return;
    fs_translation found;
    fs_lookup_status status = fs_lang_lookup(lang, true, source->source, &found);
    if (status == FS_TRANSLATED) {
        fs_template *translated =
            fs_template_parse(found.msgstr, found.pos, lang->arena, lang->diags);
        if (!translated || !check_placeholders(lang, source, translated, &found) ||
            !remember(lang, source, translated))
            lang->failed = true;
        return;
    }
    const char *why = status == FS_FUZZY          ? "is marked fuzzy in"
                      : status == FS_UNTRANSLATED ? "is not translated in"
                                                  : "is missing from";
    fs_diag_add(lang->diags, lang->strict ? FS_ERROR : FS_WARNING, source->pos,
                "add its translation (factsheet extract lists every text to translate)",
                "\"%s\" %s %s; the %s page shows it in English", source->source, why,
                fs_catalog_path(lang->layout_catalog), lang->tag);
    if (lang->strict)
        lang->failed = true;
}

static void translate_text(void *context, const fs_template *text)
{
    translate(context, text);
}

/* A plural entry must give as many forms as the catalog's Plural-Forms
 * header declares, as msgfmt --check demands: one form short, and a count
 * would print the wrong word with nothing said. */
static bool check_plural_forms(const fs_catalog *catalog, fs_diags *diags)
{
    fs_pos header;
    int nplurals = fs_catalog_nplurals(catalog, &header);
    bool ok = true;
    for (size_t i = 0; nplurals > 0 && i < fs_catalog_count(catalog); i++) {
        fs_translation plural;
        fs_lookup_status status;
        fs_catalog_msgid(catalog, i, &status, &plural);
        if (plural.plural_count == 0 || plural.plural_count == (size_t)nplurals)
            continue;
        fs_error(diags, plural.pos,
                 "give one msgstr[N] for each plural form the header's Plural-Forms declares",
                 "this plural entry has %zu form%s, but the catalog's header declares "
                 "nplurals=%d (line %d)",
                 plural.plural_count, plural.plural_count == 1 ? "" : "s", nplurals, header.line);
        ok = false;
    }
    return ok;
}

static fs_catalog *catalog_for(const char *dir, const char *tag, fs_arena *arena, fs_diags *diags)
{
    const char *path = fs_arena_printf(arena, "%s/%s.po", dir, tag);
    if (!path)
        return NULL;
    if (access(path, F_OK) != 0)
        return fs_catalog_empty(path, arena);
    fs_catalog *catalog = fs_catalog_load(path, arena, diags);
    return catalog && check_plural_forms(catalog, diags) ? catalog : NULL;
}

fs_lang *fs_lang_create(const char *tag, const fs_layout *layout, const char *data_dir, bool strict,
                        fs_arena *arena, fs_diags *diags)
{
    fs_lang *lang = fs_calloc(1, sizeof *lang);
    if (!lang)
        return NULL;
    lang->tag = fs_arena_strdup(arena, tag);
    lang->strict = strict;
    lang->arena = arena;
    lang->translations.arena = arena;
    lang->diags = diags;
    lang->locale = fs_locale_create(tag, diags);
    size_t errors = fs_diags_errors(diags);
    lang->hyphen = lang->locale ? fs_hyphen_load(tag, NULL, diags) : NULL;
    lang->source_language = strcmp(tag, "en") == 0 || strncmp(tag, "en-", 3) == 0;
    if (!lang->locale || !lang->tag || fs_diags_errors(diags) > errors) {
        fs_lang_free(lang);
        return NULL;
    }
    lang->layout_catalog = catalog_for(layout->dir, tag, arena, diags);
    lang->data_catalog = catalog_for(data_dir, tag, arena, diags);
    if (!lang->layout_catalog || !lang->data_catalog) {
        fs_lang_free(lang);
        return NULL;
    }
    if (!lang->source_language)
        fs_layout_each_text(layout, translate_text, lang);
    if (lang->failed) {
        fs_lang_free(lang);
        return NULL;
    }
    return lang;
}

void fs_lang_free(fs_lang *lang)
{
    if (!lang)
        return;
    fs_locale_free(lang->locale);
    fs_hyphen_free(lang->hyphen);
    free(lang);
}

const char *fs_lang_tag(const fs_lang *lang)
{
    return lang->tag;
}

const fs_locale *fs_lang_locale(const fs_lang *lang)
{
    return lang->locale;
}

const fs_hyphen *fs_lang_hyphen(const fs_lang *lang)
{
    return lang->hyphen;
}

bool fs_lang_is_source(const fs_lang *lang)
{
    return lang->source_language;
}

bool fs_lang_strict(const fs_lang *lang)
{
    return lang->strict;
}

const fs_catalog *fs_lang_layout_catalog(const fs_lang *lang)
{
    return lang->layout_catalog;
}

const fs_catalog *fs_lang_data_catalog(const fs_lang *lang)
{
    return lang->data_catalog;
}
