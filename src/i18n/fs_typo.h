/* The house rules of a language, applied to every text shown on the page
 * after its placeholders are filled (catalogs are looked up with the source
 * text, before this).
 *
 * Every language with rules (English and French today; fs_typo.c keeps each
 * one's as data in one table):
 * - straight quotes become typographic ones: "x" gives “x” (French « x »,
 *   with “x” inside guillemets), 'x' gives ‘x’, and an apostrophe is ’;
 * - words that must not end a line keep with the next word through a
 *   no-break space (U+00A0): French one- and two-letter words (à, a, y, de,
 *   la, …), "n°" and titles (M., Mme); English "a" and "I"; a number keeps
 *   with the word after it (French), or with its unit (English "5 km",
 *   "7 million").
 * French also: a narrow no-break space (U+202F) before ; ! ? and %, and
 * inside guillemets, a no-break space before a colon; never inside times
 * (10:30) or numbers. Shown as markup, French ordinals and centuries (1er,
 * 2e, XXe) are superscript, through the font's superior letters (the
 * OpenType feature sups, which Inter has for e, r, s, d and m).
 *
 * URLs, e-mail addresses and text between FS_TYPO_AS_WRITTEN_START and
 * FS_TYPO_AS_WRITTEN_END are never changed. Applying the rules twice gives
 * the same text (for a text without those marks, which the first
 * application drops). Languages without rules are copied unchanged. */
#ifndef FS_TYPO_H
#define FS_TYPO_H

#include <stddef.h>

#include "core/fs_buf.h"
#include "i18n/fs_hyphen.h"

/* A mark standing in a text for markup that is not text (a tag): the
 * rules read through it as if it were not there (it parts words, as a
 * space would), and fs_typo_markup writes it back as it is, for the
 * caller to replace. A private-use character no text holds. */
#define FS_TYPO_TAG "\xee\x80\x84" /* U+E004 */

/* Marks around text shown as written (a cell in the "as written" format):
 * private-use characters no text holds. The rules skip what they enclose
 * and the functions below drop the marks themselves. */
#define FS_TYPO_AS_WRITTEN_START "\xee\x80\x82" /* U+E002 */
#define FS_TYPO_AS_WRITTEN_END   "\xee\x80\x83" /* U+E003 */

/* Appends text[0..length) to out with the rules of lang ("fr", "fr-CA",
 * "en", ...) applied, as plain text for a text laid out in lines (what
 * fs_typo_markup shows, without its markup). Text must be UTF-8; bytes
 * that are not are copied. */
void fs_typo_apply(const char *lang, const char *text, size_t length, fs_buf *out);

/* fs_typo_apply for a text never broken into lines (PDF metadata, an
 * alternative text): without the no-break spaces that keep words
 * together, which would only hinder a search. */
void fs_typo_unbroken(const char *lang, const char *text, size_t length, fs_buf *out);

/* Appends text[0..length) to markup as pango markup: the rules of lang,
 * then superscript ordinals, then, when hyphen is not NULL, a soft hyphen
 * (U+00AD) at each break the patterns allow in words that may be
 * hyphenated (not in words with digits, in capitals or with capitals
 * inside, in URLs, e-mail addresses or domain names, nor in text as
 * written). A URL or an e-mail address breaks only where a typographer
 * breaks one: after a slash, a colon or two of them, before . - _ ~ @ ? #
 * & or =, never inside a word of it nor inside its "https://", "mailto:"
 * or "www.", and with no hyphen drawn; a zero-width space (U+200B) marks
 * each of those breaks, and the rest of it is markup pango may not break.
 * Everything else is escaped, so text is never read as markup, but for
 * the FS_TYPO_TAG marks, written back as they are; tags[k] (when tags is
 * not NULL, with room for every mark) gets the bytes shown before the
 * k-th. Returns the number of bytes of text pango will show for it (tags
 * dropped, entities decoded, soft hyphens counted), which is what link
 * offsets count. */
size_t fs_typo_markup(const char *lang, const fs_hyphen *hyphen, const char *text, size_t length,
                      fs_buf *markup, size_t *tags);

/* Appends text to out with a zero-width space (U+200B, a line-break
 * opportunity that prints nothing) after every 30 characters of a run of
 * more than 40 without a space, but for a URL or an e-mail address, which
 * fs_typo_markup breaks where an address may break: a pasted hash can then
 * wrap inside its box instead of running past it, and a word of 100,000
 * characters is laid out in time linear in its length. */
void fs_typo_break_long_words(const char *text, fs_buf *out);

/* Appends text to out with each ASCII apostrophe that stands between two
 * letters written as the typographic one, U+2019, in every language. For
 * texts from data cells, which are never Markdown and so never get cmark's
 * smart punctuation. */
void fs_typo_apostrophes(const char *text, fs_buf *out);

#endif
