/* Markdown glue: text written in the layout or the data, parsed by cmark,
 * turned into pango markup paragraphs. Everything that is not markup in the
 * Markdown sense is escaped, so data is never read as pango markup.
 *
 * Two readings: fs_markdown_to_markup flattens a text into paragraphs (for
 * the short texts of a layout), fs_markdown_blocks keeps its structure
 * (headings, list items, quotes, code) for long documents that flow across
 * columns and pages, and translates it block by block. */
#ifndef FS_MARKDOWN_H
#define FS_MARKDOWN_H

#include <stdbool.h>
#include <stddef.h>

#include "core/fs_arena.h"
#include "core/fs_buf.h"
#include "i18n/fs_hyphen.h"

/* A link in a paragraph. start and end are byte offsets of the link's text
 * in the paragraph's text as pango shows it: the markup with its tags
 * removed and its entities decoded (pango_parse_markup's text), after
 * typography. The text is never empty (start < end). */
typedef struct {
    size_t start, end;
    const char *target; /* the URL as cmark gives it (never empty): as written
                           (without the zero-width spaces a long word of a
                           cell gets), "#anchor" for a link inside the
                           document, "mailto:..." for an e-mail autolink */
} fs_link;

typedef struct {
    const char **paragraphs; /* pango markup, one per Markdown paragraph */
    size_t count;
    /* Parallel to paragraphs: paragraph i has link_counts[i] links, in
     * links[i] (NULL when it has none), in the order they start. Both NULL
     * when count is 0. */
    const fs_link *const *links;
    const size_t *link_counts;
} fs_markup;

enum { FS_MARKDOWN_MAX_BYTES = 1024 * 1024 };

/* Converts Markdown source (paragraphs, emphasis, strong, code, links; line
 * breaks) into markup paragraphs in arena, with the typography of lang
 * (fs_typo.h) applied to the text outside code, and its words hyphenated
 * with hyphen (none when NULL). Block structures this stage does
 * not draw (headings, lists, quotes) keep their text as plain paragraphs;
 * a code or HTML block is its text, escaped. Links are underlined and
 * listed per paragraph. Quotes and dashes are made typographic ("CARE's"
 * gives CARE’s). Invalid UTF-8 and NUL bytes are replaced by U+FFFD. Everything
 * in out lives in arena. False when out of memory or the source is larger
 * than FS_MARKDOWN_MAX_BYTES (out is then empty). */
bool fs_markdown_to_markup(const char *source, size_t length, const char *lang,
                           const fs_hyphen *hyphen, fs_arena *arena, fs_markup *out);

typedef enum {
    FS_BLOCK_PARAGRAPH,   /* a paragraph, or an HTML block shown as text */
    FS_BLOCK_HEADING,     /* ATX or setext */
    FS_BLOCK_ITEM,        /* a paragraph of a list item */
    FS_BLOCK_QUOTE,       /* a paragraph of a block quote */
    FS_BLOCK_ATTRIBUTION, /* a quote's last paragraph that starts with a dash
                             ("—", "―", "–", "--" or "---", then a space) */
    FS_BLOCK_CODE,        /* an indented or fenced code block */
} fs_block_kind;

enum { FS_BLOCK_KINDS = FS_BLOCK_CODE + 1 };

/* The patterns the words of each kind of block are hyphenated with (NULL:
 * not hyphenated); a heading's by its level, 1 to 3. */
typedef struct {
    const fs_hyphen *kinds[FS_BLOCK_KINDS];
    const fs_hyphen *headings[3];
} fs_block_hyphens;

/* One block of a document. A paragraph's kind is that of its innermost
 * container: "- > text" (a quote in a list item) gives a QUOTE, "> - text"
 * (a list item in a quote) an ITEM; a heading or code block is a HEADING or
 * CODE wherever it is. Thematic breaks and link reference definitions make
 * no block. */
typedef struct {
    fs_block_kind kind;
    /* HEADING: 1-3 (deeper levels are 3); ITEM: list nesting depth, 1 at
     * the top; QUOTE, ATTRIBUTION: quote depth, 1 at the top; else 0. */
    int level;
    /* ITEM: the item's number in an ordered list (from the list's start,
     * which may be 0), 0 in a bullet list; else 0. */
    int number;
    /* ITEM: the list is ordered ("1." or "1)"), not a bullet list. */
    bool ordered;
    /* ITEM: a second or later paragraph of the item, drawn without the
     * marker. */
    bool continues;
    /* ITEM: the list is tight (no blank line between its items). */
    bool tight;
    /* Pango markup, as fs_markdown_to_markup makes paragraphs; a CODE
     * block's is inside <tt>. An ATTRIBUTION's has no dash. An empty list
     * item is an ITEM of empty markup. */
    const char *markup;
    const fs_link *links; /* as in fs_markup; NULL when link_count is 0 */
    size_t link_count;
    /* HEADING: its anchor for "#anchor" links, fs_markdown_slug of its text
     * as written (the source's or the translation's, before typography), made unique in the
     * document with "-1", "-2", ... (as GitHub does); else NULL. */
    const char *anchor;
    /* The block's Markdown as written, the msgid a translator sees: the
     * block's lines without their container markers ("> ", "- ", "1. ",
     * the item's indentation), joined with "\n"; a heading's without its
     * "#" marks or setext underline; an ATTRIBUTION's with its dash; a CODE
     * or HTML block's literal text. */
    const char *source;
    int line; /* 1-based line of the block's first line in the source */
} fs_block;

typedef struct {
    fs_block *blocks;
    size_t count;
} fs_blocks;

/* Returns the translation of a block's source (fs_block.source), to be
 * read as inline Markdown, or NULL (or "", or the source itself) to keep
 * the source. line is the block's line. The text must stay valid until
 * the callback is called again or fs_markdown_blocks returns. */
typedef const char *(*fs_translate_fn)(void *context, const char *source, int line);

/* Reads a Markdown document into blocks in arena, with the typography of
 * lang, each block's words hyphenated as hyphens says for its kind (none
 * when hyphens is NULL). Each paragraph, heading, list item paragraph, quote paragraph and
 * attribution is passed to translate (when not NULL) and, when it gets a
 * translation, shows the translation instead, read as inline Markdown
 * (escaped with fs_markdown_escape_blocks, so a translation that starts
 * with "1. " or "# " prints as written; its paragraphs are joined by a
 * space; an ATTRIBUTION's loses its leading dash). Kind, level, number,
 * source and line stay those of the original block; a heading's anchor is
 * that of the text shown. Code and HTML blocks are not translated. A
 * translation larger than FS_MARKDOWN_MAX_BYTES is ignored. Nesting as deep
 * as the size limit allows is read without recursion. Everything in out
 * lives in arena. False when out of memory or the source is larger than
 * FS_MARKDOWN_MAX_BYTES (out is then empty). */
bool fs_markdown_blocks(const char *source, size_t length, const char *lang,
                        const fs_block_hyphens *hyphens, fs_translate_fn translate, void *context,
                        fs_arena *arena, fs_blocks *out);

/* The GitHub-style anchor of a heading's plain text (not markup): lower
 * case, ASCII white space as '-', letters, marks, digits, '-' and '_'
 * kept (accented and other non-ASCII letters too, lowered), everything
 * else dropped: "Étapes clés : 2024 !" gives "étapes-clés--2024-". In
 * arena; NULL when out of memory. */
const char *fs_markdown_slug(const char *text, fs_arena *arena);

/* Appends text to a Markdown source so that it reads literally: every ASCII
 * punctuation character is backslash-escaped, as CommonMark allows. Used for
 * values from data cells, which are never Markdown. */
void fs_markdown_escape(fs_buf *source, const char *text);

/* Appends text to a Markdown source as inline Markdown: emphasis, code,
 * links and autolinks work, but what would start a block at the beginning
 * of a line prints as written: a heading '#', a quote '>', a list item
 * ("- ", "* ", "+ ", "2019. ", "1) "), a rule or setext underline, a code
 * fence, an HTML block, a link reference definition "[x]: ", "=", "|", "~".
 * White space that starts a line is dropped (four spaces would start a
 * code block), and so is a byte order mark that starts out. Where out's
 * last line already holds digits ("3"), a "." or ")" that would make them
 * an item number is escaped too. Used for text the layout writes and for
 * translations. */
void fs_markdown_escape_blocks(fs_buf *out, const char *text);

#endif
