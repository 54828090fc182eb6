/* What the files of bind share, and no one else includes: the binder (the
 * state of binding one document) and the functions one kind of node needs
 * from the others.
 *
 *   fs_bind.c        the driver: the switch over node kinds, children,
 *                    repeats and 'where', 'when', styles and colours
 *   fs_bind_cell.c   finding the cell a placeholder names, formatting and
 *                    translating it, filling templates
 *   fs_bind_text.c   texts, list items and Markdown into markup
 *   fs_bind_stat.c   stats, their icons and icons alone
 *   fs_bind_chart.c  charts: their items, numbers and alternative text
 *   fs_bind_image.c  pictures and quotes
 *   fs_bind_link.c   links inside the document and the anchors they name */
#ifndef FS_BIND_INTERNAL_H
#define FS_BIND_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>

#include "bind/fs_bind.h"
#include "core/fs_buf.h"
#include "core/fs_map.h"

typedef struct {
    const fs_bind_input *in;
    const fs_theme *theme;
    fs_arena *arena;
    fs_diags *diags;
    const fs_table *scope; /* the table a repeat walks, NULL outside repeats */
    size_t row;
    bool has_color; /* a frame set the text colour of what it holds */
    fs_rgba color;
    fs_pos last_cell;    /* the cell the last single-field template read */
    fs_cell_text *cells; /* the document's cells beyond ASCII (fs_document.cells) */
    size_t cell_count, cell_capacity;
    /* Placeholders (and repeat nodes) already reported as naming nothing: a
     * repeat binds the same placeholder once per row, and one mistake is one
     * error. */
    fs_map reported;
    int nesting;      /* how deep in the tree the node being bound is */
    bool quiet;       /* an empty cell is not worth a warning ('when') */
    bool empty_table; /* a fill read a table of no rows (a 'when' then fills to nothing) */
    bool running;     /* binding a header or footer: {page} and {pages} are known */
    bool in_body;
} binder;

/* How a template is filled. */
typedef struct {
    bool markdown;     /* literal text is Markdown, values are escaped */
    bool translate;    /* text cells are translated (not so for icon names) */
    const char *pound; /* what '#' stands for inside a plural arm */
} fill_mode;

/* ---- fs_bind.c -------------------------------------------------------- */

/* A box of kind for node, with the node's frame, width, gap and position;
 * in the arena. NULL when out of memory. */
fs_box *bind_new_box(binder *b, fs_box_kind kind, const fs_node *node);

/* Binds item once per row of the repeated table (the rows 'where' picks),
 * each in that row's scope, into box's children. */
bool bind_repeat(binder *b, fs_box *box, const fs_node *node,
                 fs_box *(*each)(binder *, const fs_node *));

/* The theme's colour name, else fallback. */
fs_rgba bind_theme_color(const binder *b, const char *name, fs_rgba fallback);

/* The theme's style name resolved for node (its colour and alignment; the
 * colour a frame around it sets); node may be NULL. */
fs_text_style bind_resolve_style(const binder *b, const char *name, const fs_node *node);

/* True (after an error, once per node) when the theme lacks the style
 * node's field *style names. */
bool bind_missing_style(binder *b, const fs_node *node, const char *const *style);

/* preferred when the theme defines it, else fallback. */
const char *bind_style_named(const binder *b, const char *preferred, const char *fallback);

/* The patterns a text in style is hyphenated with: the language's, unless
 * the style says 'hyphenate: false' or is drawn in capitals; NULL for
 * none. */
const fs_hyphen *bind_hyphen(const binder *b, const fs_text_style *style);

/* ---- fs_bind_cell.c --------------------------------------------------- */

/* True when the placeholder or node was reported before; remembers it
 * otherwise. what must outlive the binding (it lives in the layout). */
bool bind_already_reported(binder *b, const void *what);

/* Reports a table name that the data folder lacks; what names it (a
 * placeholder or a repeat) is said by the caller's prefix. */
void bind_no_table(binder *b, fs_pos pos, const char *prefix, const char *name);

/* A hint for a column name table lacks: the nearest names, then all. */
void bind_columns_hint(binder *b, const fs_table *table, const char *name, fs_buf *hint);

/* The cell a placeholder names ({table.column} in a key/value or
 * single-row table, {column} in the row a repeat is on); false after an
 * error. Tells on_column of the column read. */
bool bind_locate(binder *b, const fs_segment *field, const fs_table **table, size_t *row,
                 size_t *column);

/* The translation of text (from the layout's catalog first for a text the
 * layout writes, else the data's), else text with a warning (an error under
 * strict) at where, once per text. sibling names the column that could hold
 * the translation, or is NULL. */
const char *bind_translated_in(binder *b, bool layout_text, const char *text, fs_pos where,
                               const char *sibling);

/* A cell's or a Markdown block's text: the data catalog first. */
const char *bind_translated(binder *b, const char *text, fs_pos where, const char *sibling);

/* Appends the cell's value as plain text formatted for the language; a
 * text cell is translated when translate is set (not for icon names). */
bool bind_format_cell(binder *b, const fs_segment *field, fs_format format, bool translate,
                      fs_buf *out);

/* Reads the number a plural chooses by: its cell must hold one. */
bool bind_plural_value(binder *b, const fs_segment *field, double *value);

/* Fills a template. As Markdown, literal text from the layout keeps its
 * Markdown and values from cells are escaped so that they read literally;
 * as plain text both are copied as they are. */
bool bind_fill(binder *b, const fs_template *template, fill_mode mode, fs_buf *out);

/* How a template is filled as plain text. */
typedef enum {
    PLAIN_AS_IS,      /* not translated: an icon or file name, a 'when' */
    PLAIN_TRANSLATED, /* translated, as written: a heading's anchor */
    PLAIN_TYPESET     /* translated, with the house rules of a text never broken into
                         lines (fs_typo_unbroken): metadata, alternative texts */
} plain_mode;

/* A template as plain text, in the arena. NULL after an error. */
const char *bind_fill_plain(binder *b, const fs_template *template, plain_mode mode);

/* ---- fs_bind_text.c --------------------------------------------------- */

/* One line of markup, in the arena: the template's paragraphs joined by
 * line breaks (numbers, labels), hyphenated as style says. NULL after an
 * error at where. */
const char *bind_fill_line(binder *b, const fs_template *template, fs_pos where,
                           const fs_text_style *style);

/* A text box of the template's paragraphs in the theme's style. */
fs_box *bind_text_box(binder *b, const fs_node *node, const fs_template *template,
                      const char *style);

/* One item of a list that repeats over a table. */
fs_box *bind_list_item(binder *b, const fs_node *node);

/* A Markdown node: one box per block (paragraph, heading, item, quote). */
fs_box *bind_markdown(binder *b, const fs_node *node);

/* ---- fs_bind_stat.c --------------------------------------------------- */

/* The icon a stat or an icon array names, from the icon font, into icon:
 * an unknown name is an error at where (the cell that gave it, else the
 * node) with the nearest names; once per node when the layout writes it. */
bool bind_find_icon(binder *b, const fs_node *node, const char *name, fs_pos where,
                    fs_box_icon *icon);

/* The icon node->icon names in the current scope, into icon: a glyph of
 * the icon font, or a picture of the theme's icon folder (or the data
 * folder) named with its extension (.svg, .png). False after an error at
 * the cell that named it (else the node). */
bool bind_icon(binder *b, const fs_node *node, fs_box_icon *icon);

/* A stat: icon, number, label and comparison line. */
fs_box *bind_stat(binder *b, const fs_node *node);

/* An icon node: its icon, in 'color' (else the theme colour 'accent', else
 * the text colour around it), a square of its height, as wide as that
 * unless it has a width; its alt filled (NULL without one). */
fs_box *bind_lone_icon(binder *b, const fs_node *node);

/* Makes a stat box that node bound the hero figure: its number in the hero
 * style (node's 'hero-style', else the theme's 'stat-hero', else twice its
 * size). */
void bind_make_hero(binder *b, fs_box *box, const fs_node *node);

/* ---- fs_bind_chart.c -------------------------------------------------- */

/* A chart, with one item per row of its repeat (or its one item), and its
 * alternative text. */
fs_box *bind_chart(binder *b, const fs_node *node);

/* ---- fs_bind_image.c -------------------------------------------------- */

/* A pull quote: its paragraphs and attribution beside a bar. */
fs_box *bind_quote(binder *b, const fs_node *node);

/* A picture of the data folder, with its caption and alternative text. */
fs_box *bind_image(binder *b, const fs_node *node);

/* A strip of pictures, one per row of the node's repeat, each bound as an
 * image of the node's height. */
fs_box *bind_logos(binder *b, const fs_node *node);

/* ---- fs_bind_link.c --------------------------------------------------- */

/* Reports every link inside the document that names no heading's anchor;
 * a heading whose anchor an earlier one has is no link target. */
void bind_check_links(binder *b, fs_box *body);

#endif
