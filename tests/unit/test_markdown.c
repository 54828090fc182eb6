/* Unit tests of the Markdown glue: what each Markdown construct becomes in
 * pango markup, the escaping that keeps data literal, and the limits. Every
 * markup paragraph a test sees is also checked with pango's own parser, so
 * nothing here can give text that pango would refuse to draw. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmark.h>
#include <pango/pango.h>

#include "bind/fs_markdown.h"

/* How fs_typo marks up a URL or an e-mail address: no hyphen drawn, pieces
 * pango may not break, a zero-width space where it may. */
#define ADDRESS     "<span insert_hyphens=\"false\">"
#define PIECE(text) "<span allow_breaks=\"false\">" text "</span>"
#define ZW          "\u200b"

typedef struct {
    fs_arena *arena;
    fs_markup markup;
} ctx;

static int setup(void **state)
{
    ctx *c = calloc(1, sizeof(ctx));
    if (!c)
        return -1;
    c->arena = fs_arena_create();
    *state = c;
    return c->arena ? 0 : -1;
}

static int teardown(void **state)
{
    ctx *c = *state;
    fs_arena_free(c->arena);
    free(c);
    return 0;
}

/* True when pango accepts the markup. */
static bool pango_accepts(const char *markup)
{
    GError *error = NULL;
    char *text = NULL;
    gboolean ok = pango_parse_markup(markup, -1, 0, NULL, &text, NULL, &error);
    g_free(text);
    if (error)
        g_error_free(error);
    return ok;
}

/* Converts source of the given length; every paragraph must be valid pango
 * markup. */
static const fs_markup *convert_n(void **state, const char *source, size_t length)
{
    ctx *c = *state;
    assert_true(fs_markdown_to_markup(source, length, "en", NULL, c->arena, &c->markup));
    for (size_t i = 0; i < c->markup.count; i++) {
        assert_non_null(c->markup.paragraphs[i]);
        assert_true(pango_accepts(c->markup.paragraphs[i]));
    }
    return &c->markup;
}

static const fs_markup *convert(void **state, const char *source)
{
    return convert_n(state, source, strlen(source));
}

/* Converts source, which must give exactly the expected paragraphs (a NULL
 * terminated list of at most 16). */
static void expect(void **state, const char *source, ...)
{
    const char *want[16];
    size_t count = 0;
    va_list args;
    va_start(args, source);
    for (const char *paragraph; count < 16 && (paragraph = va_arg(args, const char *));)
        want[count++] = paragraph;
    va_end(args);
    const fs_markup *markup = convert(state, source);
    for (size_t i = 0; i < count && i < markup->count; i++)
        assert_string_equal(markup->paragraphs[i], want[i]);
    assert_int_equal(markup->count, count);
}

/* Source built from escaped text, as binding builds it for a cell. */
static const char *escaped(const char *before, const char *text, const char *after, fs_buf *out)
{
    fs_buf_clear(out);
    fs_buf_puts(out, before);
    fs_markdown_escape(out, text);
    fs_buf_puts(out, after);
    assert_true(fs_buf_ok(out));
    return fs_buf_str(out);
}

/* Escapes text, converts it, and expects a single paragraph. The buffer
 * is freed before any assertion, so a failure leaks nothing. */
static void expect_escaped(void **state, const char *text, const char *paragraph)
{
    ctx *c = *state;
    fs_buf source = {0};
    escaped("", text, "", &source);
    /* A language without house rules: what is checked is the escaping. */
    bool ok =
        fs_markdown_to_markup(fs_buf_str(&source), source.length, "", NULL, c->arena, &c->markup);
    fs_buf_free(&source);
    assert_true(ok);
    assert_int_equal(c->markup.count, 1);
    assert_string_equal(c->markup.paragraphs[0], paragraph);
    assert_true(pango_accepts(c->markup.paragraphs[0]));
}

/* ---- paragraphs and inlines ------------------------------------------ */

static void test_plain_text(void **state)
{
    expect(state, "Partners for Resilience", "Partners for Resilience", NULL);
}

static void test_empty_source(void **state)
{
    assert_int_equal(convert(state, "")->count, 0);
    assert_int_equal(convert(state, "  \n\n \t\n")->count, 0);
}

static void test_paragraphs_split(void **state)
{
    expect(state, "One\n\nTwo\n\n\n\nThree\n", "One", "Two", "Three", NULL);
    expect(state, "  indented less than four\n\nnext", "indented less than four", "next", NULL);
}

static void test_emphasis_and_strong(void **state)
{
    expect(state, "*a* _b_ **c** __d__ ***e***",
           "<i>a</i>\u00a0<i>b</i> <b>c</b> <b>d</b> <i><b>e</b></i>", NULL);
    expect(state, "**bold *and italic* text**", "<b>bold <i>and italic</i> text</b>", NULL);
    /* Intraword underscores are not emphasis. */
    expect(state, "snake_case_name", "snake_case_name", NULL);
}

static void test_code_span(void **state)
{
    expect(state, "run `a < b && c` now", "run <tt>a &lt; b &amp;&amp; c</tt> now", NULL);
    expect(state, "`` `tick` ``", "<tt>`tick`</tt>", NULL);
    /* Smart punctuation does not reach into code. */
    expect(state, "`it's -- \"x\"`", "<tt>it&apos;s -- &quot;x&quot;</tt>", NULL);
}

static void test_links_underlined_without_target(void **state)
{
    expect(state, "see [the *report*](https://example.org/r?a=1&b=2 \"Title\") now",
           "see <u>the <i>report</i></u> now", NULL);
    expect(state, "<https://care.nl>",
           "<u>" ADDRESS PIECE("https://care") ZW PIECE(".nl") "</span></u>", NULL);
    expect(state, "[ref]\n\n[ref]: https://example.org", "<u>ref</u>", NULL);
}

static void test_image_shows_its_text(void **state)
{
    expect(state, "before ![a *map*](map.png) after", "before a\u00a0<i>map</i> after", NULL);
}

static void test_markup_characters_escaped(void **state)
{
    expect(state, "a & b < c > d", "a &amp; b &lt; c &gt; d", NULL);
    expect(state, "\\\"quoted\\\" \\'single\\'", "\u201cquoted\u201d \u2018single\u2019", NULL);
    expect(state, "AT&T <b>bold</b> <span foreground=\"red\">x</span>",
           "AT&amp;T &lt;b&gt;bold&lt;/b&gt; &lt;span foreground=\u201dred\u201d&gt;x&lt;/span&gt;",
           NULL);
}

static void test_entities_decoded_then_escaped(void **state)
{
    expect(state, "&amp; &lt;b&gt; &copy; &#65; &#x42;", "&amp; &lt;b&gt; \u00a9 A\u00a0B", NULL);
}

static void test_soft_break_is_a_space(void **state)
{
    expect(state, "one\ntwo\r\nthree\rfour", "one two three four", NULL);
}

static void test_hard_break_is_a_newline(void **state)
{
    expect(state, "one  \ntwo\\\nthree", "one\ntwo\nthree", NULL);
    /* At the end of a paragraph it is nothing. */
    expect(state, "end  ", "end", NULL);
}

static void test_smart_punctuation(void **state)
{
    expect(state, "CARE's \"big\" plan -- 2011--2020 --- done... 'yes'",
           "CARE\u2019s \u201cbig\u201d plan \u2013 2011\u20132020 \u2014 done\u2026 "
           "\u2018yes\u2019",
           NULL);
}

/* ---- blocks flattened to paragraphs ---------------------------------- */

static void test_headings_flattened(void **state)
{
    expect(state, "# Title *one*\n\nText\n\nSetext\n======\n## Two ##", "Title <i>one</i>", "Text",
           "Setext", "Two", NULL);
}

static void test_lists_flattened(void **state)
{
    expect(state, "- one\n- **two**\n  - nested\n\n1. three\n2) four", "one", "<b>two</b>",
           "nested", "three", "four", NULL);
    /* A loose item with two paragraphs gives two. */
    expect(state, "- first\n\n  second", "first", "second", NULL);
}

static void test_quotes_flattened(void **state)
{
    expect(state, "> quoted *x*\n> more\n>\n> > deeper", "quoted <i>x</i> more", "deeper", NULL);
}

static void test_code_blocks(void **state)
{
    /* The code's text, escaped, without the newline that ends its last line
     * (pango would draw it as an empty line). */
    expect(state, "```c\nif (a < b)\n  *p = 0;\n```", "if (a &lt; b)\n  *p = 0;", NULL);
    expect(state, "text\n\n    indented <code>\n    second\n", "text",
           "indented &lt;code&gt;\nsecond", NULL);
    expect(state, "```\n```", "", NULL);
}

static void test_html_block_is_text(void **state)
{
    expect(state, "<div class=\"x\">\nhi & bye\n</div>",
           "&lt;div class=&quot;x&quot;&gt;\nhi &amp; bye\n&lt;/div&gt;", NULL);
    expect(state, "<!-- note -->", "&lt;!-- note --&gt;", NULL);
}

static void test_thematic_break_dropped(void **state)
{
    expect(state, "a\n\n***\n\nb\n\n---", "a", "b", NULL);
}

/* ---- bytes that are not text ----------------------------------------- */

static void test_invalid_utf8_and_nul_replaced(void **state)
{
    const fs_markup *markup = convert_n(state,
                                        "a\xff"
                                        "b\0c\xc3",
                                        6);
    assert_int_equal(markup->count, 1);
    assert_string_equal(markup->paragraphs[0], "a\ufffd"
                                               "b\ufffd"
                                               "c\ufffd");
}

static void test_utf8_kept(void **state)
{
    expect(state, "Z\u00fcrich \u2014 \u65e5\u672c \U0001F600",
           "Z\u00fcrich \u2014 \u65e5\u672c \U0001F600", NULL);
}

/* ---- escape: cell values read literally ------------------------------ */

static void test_escape_backslashes_ascii_punctuation(void **state)
{
    fs_buf out = {0};
    escaped("", "a*b_c", "", &out);
    char copy[64];
    snprintf(copy, sizeof copy, "%s", fs_buf_str(&out));
    escaped("", "Z\u00fcrich 12", "", &out);
    char plain[64];
    snprintf(plain, sizeof plain, "%s", fs_buf_str(&out));
    fs_buf_free(&out);
    assert_string_equal(copy, "a\\*b\\_c");
    /* Letters, digits, spaces inside a line and UTF-8 are left alone. */
    assert_string_equal(plain, "Z\u00fcrich 12");
}

static void test_escape_each_punctuation_literal(void **state)
{
    static const char punctuation[] = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";
    for (const char *p = punctuation; *p; p++) {
        char text[8], expected[160];
        snprintf(text, sizeof text, "a%cb", *p);
        const char *entity = *p == '&'    ? "&amp;"
                             : *p == '<'  ? "&lt;"
                             : *p == '>'  ? "&gt;"
                             : *p == '"'  ? "&quot;"
                             : *p == '\'' ? "&apos;"
                                          : NULL;
        if (entity)
            snprintf(expected, sizeof expected, "a%sb", entity);
        else if (*p == '@') /* an e-mail address: it breaks with no hyphen */
            snprintf(expected, sizeof expected, ADDRESS PIECE("a") ZW PIECE("@b") "</span>");
        else
            snprintf(expected, sizeof expected, "a%cb", *p);
        expect_escaped(state, text, expected);
        /* Alone, doubled and at the start of a line too, where Markdown
         * would read most of them as block markers. */
        snprintf(text, sizeof text, "%c%c %c", *p, *p, *p);
        if (entity)
            snprintf(expected, sizeof expected, "%s%s %s", entity, entity, entity);
        else
            snprintf(expected, sizeof expected, "%c%c %c", *p, *p, *p);
        expect_escaped(state, text, expected);
    }
}

static void test_escape_round_trip(void **state)
{
    /* Every printable ASCII character, then words that look like Markdown
     * and markup: escape then convert gives the text, XML-escaped (the
     * first word, with its '@' inside, read as an e-mail address). */
    char text[256];
    size_t length = 0;
    for (int ch = 0x21; ch < 0x7f; ch++)
        text[length++] = (char)ch;
    text[length] = '\0';
    strcat(text, " *em* **strong** `code` [l](u) <b>x</b> &amp; {value} -- 'q' \"d\" ...");
    ctx *c = *state;
    fs_buf expected = {0}, source = {0};
    size_t word = strcspn(text, " ");
    /* The address breaks after '/' and ':', before # & - = ? _ ~ (not '.' after
     * '-', nor '@' after '?'). */
    fs_buf_puts(&expected,
                ADDRESS PIECE("!&quot;") ZW PIECE("#$%") ZW PIECE("&amp;&apos;()*+,")
                    ZW PIECE("-./") ZW PIECE("0123456789:") ZW PIECE(";&lt;") ZW PIECE("=&gt;")
                        ZW PIECE("?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^")
                            ZW PIECE("_`abcdefghijklmnopqrstuvwxyz{|}") ZW PIECE("~") "</span>");
    fs_buf_put_escaped(&expected, text + word, strlen(text) - word);
    escaped("", text, "", &source);
    bool ok =
        fs_markdown_to_markup(fs_buf_str(&source), source.length, "", NULL, c->arena, &c->markup);
    char want[1024];
    snprintf(want, sizeof want, "%s", fs_buf_str(&expected));
    fs_buf_free(&expected);
    fs_buf_free(&source);
    assert_true(ok);
    assert_int_equal(c->markup.count, 1);
    assert_string_equal(c->markup.paragraphs[0], want);
}

static void test_escape_block_starters_literal(void **state)
{
    expect_escaped(state, "# not a heading", "# not a heading");
    expect_escaped(state, "- not a list", "- not a list");
    expect_escaped(state, "+ not a list", "+ not a list");
    expect_escaped(state, "1. not a list", "1. not a list");
    expect_escaped(state, "2019) not a list", "2019) not a list");
    expect_escaped(state, "> not a quote", "&gt; not a quote");
    expect_escaped(state, "```", "```");
    expect_escaped(state, "<div>", "&lt;div&gt;");
    expect_escaped(state, "line\n===", "line\n===");
    expect_escaped(state, "line\n---", "line\n---");
    expect_escaped(state, "[x]: /url", "[x]: /url");
}

static void test_escape_leading_whitespace_kept(void **state)
{
    /* Four spaces would start a code block, where the escapes show. */
    expect_escaped(state, "    a-b (c)", "    a-b (c)");
    expect_escaped(state, "\tx_y", "\tx_y");
    expect_escaped(state, " one", " one");
    expect_escaped(state, "a\n    b-c", "a\n    b-c");
    /* After a byte order mark, which cmark drops at the start. */
    expect_escaped(state, "\xef\xbb\xbf    a\\b", "\ufeff    a\\b");
}

static void test_escape_newlines_are_line_breaks(void **state)
{
    expect_escaped(state, "first\nsecond", "first\nsecond");
    expect_escaped(state, "first\r\nsecond", "first\nsecond");
    expect_escaped(state, "first\rsecond", "first\nsecond");
    expect_escaped(state, "a\n\nb", "a\n\nb");
    /* Trailing newlines leave no backslash behind. */
    expect_escaped(state, "last\n", "last");
    expect_escaped(state, "last\r\n\r\n", "last");
    expect_escaped(state, "last\n \t\v", "last");
}

static void test_escape_inside_layout_markdown(void **state)
{
    ctx *c = *state;
    fs_buf source = {0};
    escaped("**", "Risk *reduction*.", "** and _", &source);
    fs_markdown_escape(&source, "a_b");
    fs_buf_puts(&source, "_ then ");
    fs_markdown_escape(&source, "line\n");
    fs_buf_puts(&source, "next");
    bool ok =
        fs_markdown_to_markup(fs_buf_str(&source), source.length, "en", NULL, c->arena, &c->markup);
    fs_buf_free(&source);
    assert_true(ok);
    assert_int_equal(c->markup.count, 1);
    assert_string_equal(c->markup.paragraphs[0],
                        "<b>Risk *reduction*.</b> and <i>a_b</i> then line\nnext");
}

static void test_escape_empty(void **state)
{
    fs_buf out = {0};
    escaped("", "", "", &out);
    size_t length = out.length;
    fs_buf_free(&out);
    assert_int_equal(length, 0);
}

/* ---- limits ---------------------------------------------------------- */

static void test_size_limit(void **state)
{
    ctx *c = *state;
    size_t length = FS_MARKDOWN_MAX_BYTES;
    char *source = malloc(length + 1);
    assert_non_null(source);
    memset(source, 'a', length + 1);
    for (size_t i = 80; i < length; i += 81)
        source[i] = '\n';
    bool at_limit = fs_markdown_to_markup(source, length, "en", NULL, c->arena, &c->markup);
    size_t count_at_limit = c->markup.count;
    bool over = fs_markdown_to_markup(source, length + 1, "en", NULL, c->arena, &c->markup);
    free(source);
    assert_true(at_limit);
    assert_int_equal(count_at_limit, 1);
    assert_false(over);
    assert_int_equal(c->markup.count, 0);
    assert_null(c->markup.paragraphs);
}

/* Builds unit repeated times, then "x", then tail repeated times. */
static char *repeated(const char *unit, size_t times, const char *tail, size_t *length)
{
    fs_buf out = {0};
    for (size_t i = 0; i < times; i++)
        fs_buf_puts(&out, unit);
    fs_buf_putc(&out, 'x');
    for (size_t i = 0; i < times; i++)
        fs_buf_puts(&out, tail);
    *length = out.length;
    return out.data;
}

static void test_deep_block_nesting(void **state)
{
    /* Nesting as deep as the size limit allows: a walk by recursion runs
     * out of stack long before. */
    static const char *const units[] = {">", "- ", "1. "};
    for (size_t i = 0; i < 3; i++) {
        size_t length;
        char *source = repeated(units[i], 300000, "", &length);
        assert_non_null(source);
        ctx *c = *state;
        bool ok = fs_markdown_to_markup(source, length, "en", NULL, c->arena, &c->markup);
        free(source);
        assert_true(ok);
        assert_int_equal(c->markup.count, 1);
        assert_string_equal(c->markup.paragraphs[0], "x");
    }
}

static void test_deep_inline_nesting(void **state)
{
    size_t length;
    char *source = repeated("**", 200000, "**", &length);
    assert_non_null(source);
    const fs_markup *markup = convert_n(state, source, length);
    free(source);
    assert_int_equal(markup->count, 1);
    assert_int_equal(strncmp(markup->paragraphs[0], "<b><b><b>", 9), 0);
}

static void test_french_typography_in_text_not_code(void **state)
{
    ctx *c = *state;
    const char *source = "**Attention !** Voir : `a:b` et « ici »";
    assert_true(fs_markdown_to_markup(source, strlen(source), "fr", NULL, c->arena, &c->markup));
    assert_int_equal(c->markup.count, 1);
    assert_string_equal(
        c->markup.paragraphs[0],
        "<b>Attention\u202f!</b> Voir\u00a0: <tt>a:b</tt> et\u00a0«\u202fici\u202f»");
}

/* ---- links ----------------------------------------------------------- */

/* The text pango shows for markup. Freed by the caller with g_free. */
static char *shown_text(const char *markup)
{
    char *text = NULL;
    assert_true(pango_parse_markup(markup, -1, 0, NULL, &text, NULL, NULL));
    return text;
}

/* Every link of a paragraph must lie inside its shown text, on character
 * boundaries, and not be empty. */
static void check_links(const char *markup, const fs_link *links, size_t count)
{
    char *text = shown_text(markup);
    size_t length = strlen(text);
    for (size_t i = 0; i < count; i++) {
        assert_true(links[i].start < links[i].end);
        assert_true(links[i].end <= length);
        assert_true(links[i].target && links[i].target[0]);
        assert_true(
            g_utf8_validate(text + links[i].start, (gssize)(links[i].end - links[i].start), NULL));
        assert_true(i == 0 || links[i - 1].start <= links[i].start);
    }
    g_free(text);
}

/* Expects paragraph's link number i to show text and lead to target, its
 * offsets checked against pango's own reading of the markup. */
static void expect_link(const char *markup, const fs_link *links, size_t count, size_t i,
                        const char *text, const char *target)
{
    assert_true(i < count);
    char *shown = shown_text(markup);
    char got[256];
    snprintf(got, sizeof got, "%.*s", (int)(links[i].end - links[i].start), shown + links[i].start);
    g_free(shown);
    assert_string_equal(got, text);
    assert_string_equal(links[i].target, target);
}

static const fs_markup *convert_lang(void **state, const char *source, const char *lang)
{
    ctx *c = *state;
    assert_true(fs_markdown_to_markup(source, strlen(source), lang, NULL, c->arena, &c->markup));
    for (size_t i = 0; i < c->markup.count; i++) {
        assert_true(pango_accepts(c->markup.paragraphs[i]));
        check_links(c->markup.paragraphs[i], c->markup.links[i], c->markup.link_counts[i]);
    }
    return &c->markup;
}

static void test_links_recorded(void **state)
{
    const fs_markup *m =
        convert_lang(state,
                     "see [the *report*](https://example.org/r?a=1&b=2 \"T\") now\n"
                     "\n"
                     "none here\n"
                     "\n"
                     "[ref] and [in](#key-steps)\n\n[ref]: https://example.org",
                     "en");
    assert_int_equal(m->count, 3);
    assert_int_equal(m->link_counts[0], 1);
    expect_link(m->paragraphs[0], m->links[0], 1, 0, "the report", "https://example.org/r?a=1&b=2");
    assert_int_equal(m->link_counts[1], 0);
    assert_null(m->links[1]);
    assert_int_equal(m->link_counts[2], 2);
    expect_link(m->paragraphs[2], m->links[2], 2, 0, "ref", "https://example.org");
    expect_link(m->paragraphs[2], m->links[2], 2, 1, "in", "#key-steps");
}

static void test_autolinks_recorded(void **state)
{
    const fs_markup *m =
        convert_lang(state, "Write to <team@care.nl> or see <https://care.nl/a?b=1&c=2>.", "en");
    assert_int_equal(m->count, 1);
    assert_int_equal(m->link_counts[0], 2);
    expect_link(m->paragraphs[0], m->links[0], 2, 0, "team" ZW "@care" ZW ".nl",
                "mailto:team@care.nl");
    expect_link(m->paragraphs[0], m->links[0], 2, 1,
                "https://care" ZW ".nl/" ZW "a" ZW "?b" ZW "=1" ZW "&c" ZW "=2",
                "https://care.nl/a?b=1&c=2");
}

static void test_link_offsets_after_typography_and_entities(void **state)
{
    /* French narrow spaces (three bytes each) before and inside the link,
     * entities that are one byte of text but five of markup, code, soft
     * and hard breaks, smart quotes. */
    const fs_markup *m = convert_lang(state,
                                      "Voir [le site](https://x.org) !\n\n"
                                      "a & b [x](u) \"c\" <d> [« ici : là »](v)\n\n"
                                      "`a<b` then\nsoft  \nhard [l'eau -- *vive*](w) ; [end](z)",
                                      "fr");
    assert_int_equal(m->count, 3);
    assert_int_equal(m->link_counts[0], 1);
    expect_link(m->paragraphs[0], m->links[0], 1, 0, "le\u00a0site", "https://x.org");
    assert_int_equal(m->links[0][0].start, 5);
    assert_int_equal(m->link_counts[1], 2);
    expect_link(m->paragraphs[1], m->links[1], 2, 0, "x", "u");
    assert_int_equal(m->links[1][0].start, 7); /* "b" keeps with it: "a & b\u00a0" */
    expect_link(m->paragraphs[1], m->links[1], 2, 1, "«\u202fici\u00a0: là\u202f»", "v");
    assert_int_equal(m->link_counts[2], 2);
    expect_link(m->paragraphs[2], m->links[2], 2, 0, "l\u2019eau \u2013 vive", "w");
    expect_link(m->paragraphs[2], m->links[2], 2, 1, "end", "z");
}

static void test_links_without_text_or_target_dropped(void **state)
{
    const fs_markup *m = convert_lang(state, "[](https://x.org) [empty]() [ok](o)", "en");
    assert_int_equal(m->count, 1);
    assert_string_equal(m->paragraphs[0], "<u></u> <u>empty</u> <u>ok</u>");
    assert_int_equal(m->link_counts[0], 1);
    expect_link(m->paragraphs[0], m->links[0], 1, 0, "ok", "o");
    /* A target of zero-width spaces only leads nowhere once they are out
     * (the Markdown fuzz target's crash bd1dfab5), written or defined. */
    m = convert_lang(
        state, "[one](\u200b) [two] [three](\u200b/c)\n\n[two]:\n \u200b\u200b\n  \"t\"", "en");
    assert_int_equal(m->count, 1);
    assert_string_equal(m->paragraphs[0], "<u>one</u> <u>two</u> <u>three</u>");
    assert_int_equal(m->link_counts[0], 1);
    expect_link(m->paragraphs[0], m->links[0], 1, 0, "three", "/c");
}

static void test_link_in_image_text(void **state)
{
    const fs_markup *m = convert_lang(state, "![a [b](c) d](img.png) [e](f)", "en");
    assert_int_equal(m->count, 1);
    assert_int_equal(m->link_counts[0], 2);
    expect_link(m->paragraphs[0], m->links[0], 2, 0, "b", "c");
    expect_link(m->paragraphs[0], m->links[0], 2, 1, "e", "f");
}

/* ---- blocks ---------------------------------------------------------- */

typedef struct {
    const char *const *pairs; /* source, translation, ..., NULL */
    char text[256];
    int calls;
    int last_line;
} catalog;

/* Translates by the catalog's pairs; "*" as a source matches any. */
static const char *translate(void *context, const char *source, int line)
{
    catalog *cat = context;
    cat->calls++;
    cat->last_line = line;
    for (const char *const *p = cat->pairs; p && p[0]; p += 2) {
        if (strcmp(p[0], "*") == 0) {
            snprintf(cat->text, sizeof cat->text, "%s%s", p[1], source);
            return cat->text;
        }
        if (strcmp(p[0], source) == 0)
            return p[1];
    }
    return NULL;
}

/* Reads source into blocks; every markup is valid for pango, every link
 * inside its text, every heading has an anchor and every block a source. */
static const fs_blocks *read_blocks_n(void **state, const char *source, size_t length,
                                      const char *lang, catalog *cat)
{
    ctx *c = *state;
    static fs_blocks blocks;
    assert_true(fs_markdown_blocks(source, length, lang, NULL, cat ? translate : NULL, cat,
                                   c->arena, &blocks));
    for (size_t i = 0; i < blocks.count; i++) {
        const fs_block *b = &blocks.blocks[i];
        assert_non_null(b->markup);
        assert_true(pango_accepts(b->markup));
        check_links(b->markup, b->links, b->link_count);
        assert_non_null(b->source);
        assert_true((b->kind == FS_BLOCK_HEADING) == (b->anchor != NULL));
        assert_true(b->line >= 1);
    }
    return &blocks;
}

static const fs_blocks *read_blocks(void **state, const char *source)
{
    return read_blocks_n(state, source, strlen(source), "en", NULL);
}

static void expect_block(const fs_block *b, fs_block_kind kind, int level, const char *markup)
{
    assert_int_equal(b->kind, kind);
    assert_int_equal(b->level, level);
    assert_string_equal(b->markup, markup);
}

static void test_blocks_every_construct(void **state)
{
    const fs_blocks *d = read_blocks(state, "# Title *one*\n"
                                            "\n"
                                            "Some **text**.\n"
                                            "\n"
                                            "- item\n"
                                            "\n"
                                            "> quoted\n"
                                            ">\n"
                                            "> --- Ann Lee\n"
                                            "\n"
                                            "    code <x>\n"
                                            "\n"
                                            "<p>html & co</p>\n"
                                            "\n"
                                            "***\n"
                                            "\n"
                                            "Sub\n"
                                            "---\n");
    assert_int_equal(d->count, 8);
    expect_block(&d->blocks[0], FS_BLOCK_HEADING, 1, "Title <i>one</i>");
    expect_block(&d->blocks[1], FS_BLOCK_PARAGRAPH, 0, "Some <b>text</b>.");
    expect_block(&d->blocks[2], FS_BLOCK_ITEM, 1, "item");
    expect_block(&d->blocks[3], FS_BLOCK_QUOTE, 1, "quoted");
    expect_block(&d->blocks[4], FS_BLOCK_ATTRIBUTION, 1, "Ann Lee");
    expect_block(&d->blocks[5], FS_BLOCK_CODE, 0, "<tt>code &lt;x&gt;</tt>");
    expect_block(&d->blocks[6], FS_BLOCK_PARAGRAPH, 0, "&lt;p&gt;html &amp; co&lt;/p&gt;");
    expect_block(&d->blocks[7], FS_BLOCK_HEADING, 2, "Sub");
    int lines[] = {1, 3, 5, 7, 9, 11, 13, 17};
    for (size_t i = 0; i < 8; i++)
        assert_int_equal(d->blocks[i].line, lines[i]);
    for (size_t i = 0; i < 8; i++)
        assert_int_equal(d->blocks[i].anchor != NULL, i == 0 || i == 7);
}

static void test_blocks_empty(void **state)
{
    assert_int_equal(read_blocks(state, "")->count, 0);
    assert_int_equal(read_blocks(state, "\n \n\t\n***\n[x]: /url\n")->count, 0);
}

static void test_blocks_nested_lists(void **state)
{
    const fs_blocks *d = read_blocks(state, "3. three\n"
                                            "4. four\n"
                                            "   - bullet\n"
                                            "     1) deep\n"
                                            "     2) deeper\n"
                                            "5. five\n"
                                            "\n"
                                            "* star\n"
                                            "+ plus\n");
    assert_int_equal(d->count, 8);
    int levels[] = {1, 1, 2, 3, 3, 1, 1, 1};
    int numbers[] = {3, 4, 0, 1, 2, 5, 0, 0};
    const char *texts[] = {"three", "four", "bullet", "deep", "deeper", "five", "star", "plus"};
    for (size_t i = 0; i < 8; i++) {
        expect_block(&d->blocks[i], FS_BLOCK_ITEM, levels[i], texts[i]);
        assert_int_equal(d->blocks[i].number, numbers[i]);
        assert_false(d->blocks[i].continues);
    }
}

static void test_blocks_list_start_kept_large(void **state)
{
    const fs_blocks *d =
        read_blocks(state, "2019. first\n2020. second\n\n0) zero\n1) one\n\n- bullet\n");
    assert_int_equal(d->count, 5);
    assert_int_equal(d->blocks[0].number, 2019);
    assert_int_equal(d->blocks[1].number, 2020);
    assert_int_equal(d->blocks[2].number, 0);
    assert_int_equal(d->blocks[3].number, 1);
    assert_int_equal(d->blocks[4].number, 0);
    for (size_t i = 0; i < 5; i++)
        assert_int_equal(d->blocks[i].ordered, i < 4);
}

static void test_blocks_tight_and_loose(void **state)
{
    const fs_blocks *d = read_blocks(state, "- a\n- b\n\n"
                                            "para\n\n"
                                            "1. c\n\n2. d\n");
    assert_int_equal(d->count, 5);
    assert_true(d->blocks[0].tight);
    assert_true(d->blocks[1].tight);
    assert_false(d->blocks[2].tight); /* not an item */
    assert_false(d->blocks[3].tight);
    assert_false(d->blocks[4].tight);
    assert_int_equal(d->blocks[4].number, 2);
}

static void test_blocks_item_paragraphs_continue(void **state)
{
    const fs_blocks *d = read_blocks(state, "1. first\n"
                                            "\n"
                                            "   second *para*\n"
                                            "\n"
                                            "   - inner\n"
                                            "\n"
                                            "   third\n"
                                            "2. next\n");
    assert_int_equal(d->count, 5);
    expect_block(&d->blocks[0], FS_BLOCK_ITEM, 1, "first");
    assert_false(d->blocks[0].continues);
    expect_block(&d->blocks[1], FS_BLOCK_ITEM, 1, "second <i>para</i>");
    assert_true(d->blocks[1].continues);
    assert_int_equal(d->blocks[1].number, 1);
    expect_block(&d->blocks[2], FS_BLOCK_ITEM, 2, "inner");
    assert_false(d->blocks[2].continues);
    expect_block(&d->blocks[3], FS_BLOCK_ITEM, 1, "third");
    assert_true(d->blocks[3].continues);
    expect_block(&d->blocks[4], FS_BLOCK_ITEM, 1, "next");
    assert_false(d->blocks[4].continues);
    assert_int_equal(d->blocks[4].number, 2);
}

static void test_blocks_empty_item_keeps_its_marker(void **state)
{
    const fs_blocks *d = read_blocks(state, "1. one\n2.\n3. three\n");
    assert_int_equal(d->count, 3);
    expect_block(&d->blocks[1], FS_BLOCK_ITEM, 1, "");
    assert_int_equal(d->blocks[1].number, 2);
    assert_string_equal(d->blocks[1].source, "");
    assert_int_equal(d->blocks[1].line, 2);
}

static void test_blocks_quote_and_attribution(void **state)
{
    const fs_blocks *d = read_blocks(state, "> First -- said.\n"
                                            ">\n"
                                            "> \u2014 Jane Doe, *CEO*\n"
                                            "\n"
                                            "> -- x\n"
                                            ">\n"
                                            "> Last has no dash\n"
                                            "\n"
                                            "> Other\n"
                                            ">\n"
                                            "> \u2015 Bar\n"
                                            "\n"
                                            "> Two\n"
                                            ">\n"
                                            "> -- Baz\n");
    assert_int_equal(d->count, 8);
    expect_block(&d->blocks[0], FS_BLOCK_QUOTE, 1, "First \u2013 said.");
    expect_block(&d->blocks[1], FS_BLOCK_ATTRIBUTION, 1, "Jane Doe, <i>CEO</i>");
    assert_string_equal(d->blocks[1].source, "\u2014 Jane Doe, *CEO*");
    /* A dash in a paragraph that is not the quote's last is text. */
    expect_block(&d->blocks[2], FS_BLOCK_QUOTE, 1, "\u2013 x");
    expect_block(&d->blocks[3], FS_BLOCK_QUOTE, 1, "Last has no dash");
    expect_block(&d->blocks[5], FS_BLOCK_ATTRIBUTION, 1, "Bar");
    expect_block(&d->blocks[7], FS_BLOCK_ATTRIBUTION, 1, "Baz");
    assert_string_equal(d->blocks[7].source, "-- Baz");
}

static void test_blocks_nested_quotes(void **state)
{
    const fs_blocks *d = read_blocks(state, "> outer\n"
                                            ">\n"
                                            "> > inner\n"
                                            "> >\n"
                                            "> > -- Who\n"
                                            ">\n"
                                            "> back\n");
    assert_int_equal(d->count, 4);
    expect_block(&d->blocks[0], FS_BLOCK_QUOTE, 1, "outer");
    expect_block(&d->blocks[1], FS_BLOCK_QUOTE, 2, "inner");
    expect_block(&d->blocks[2], FS_BLOCK_ATTRIBUTION, 2, "Who");
    expect_block(&d->blocks[3], FS_BLOCK_QUOTE, 1, "back");
}

static void test_blocks_innermost_container_decides(void **state)
{
    const fs_blocks *d = read_blocks(state, "- > quoted in an item\n\n> - item in a quote\n");
    assert_int_equal(d->count, 2);
    expect_block(&d->blocks[0], FS_BLOCK_QUOTE, 1, "quoted in an item");
    expect_block(&d->blocks[1], FS_BLOCK_ITEM, 1, "item in a\u00a0quote");
}

static void test_blocks_code(void **state)
{
    const fs_blocks *d = read_blocks(state, "```c\nif (a < b && c)\n  *p = 0;\n```\n\n"
                                            "~~~\n~~~\n\n"
                                            "- item\n\n      indented in item\n");
    assert_int_equal(d->count, 4);
    expect_block(&d->blocks[0], FS_BLOCK_CODE, 0, "<tt>if (a &lt; b &amp;&amp; c)\n  *p = 0;</tt>");
    assert_string_equal(d->blocks[0].source, "if (a < b && c)\n  *p = 0;");
    assert_int_equal(d->blocks[0].line, 1);
    expect_block(&d->blocks[1], FS_BLOCK_CODE, 0, "<tt></tt>");
    expect_block(&d->blocks[3], FS_BLOCK_CODE, 0, "<tt>indented in item</tt>");
}

static void test_blocks_html_is_text(void **state)
{
    const fs_blocks *d = read_blocks(state, "<div class=\"x\">\n*hi* & bye\n</div>\n\n"
                                            "<!-- note -->\n\n"
                                            "a <b>inline</b> tag\n");
    assert_int_equal(d->count, 3);
    expect_block(&d->blocks[0], FS_BLOCK_PARAGRAPH, 0,
                 "&lt;div class=&quot;x&quot;&gt;\n*hi* &amp; bye\n&lt;/div&gt;");
    expect_block(&d->blocks[1], FS_BLOCK_PARAGRAPH, 0, "&lt;!-- note --&gt;");
    expect_block(&d->blocks[2], FS_BLOCK_PARAGRAPH, 0, "a\u00a0&lt;b&gt;inline&lt;/b&gt; tag");
}

static void test_blocks_headings(void **state)
{
    const fs_blocks *d = read_blocks(state, "# One\n## Two\n### Three\n#### Four\n###### Six\n"
                                            "Setext one\n===\n\nSetext two\n---\n"
                                            "# Closed ##\n#\n# trailing#\n");
    assert_int_equal(d->count, 10);
    int levels[] = {1, 2, 3, 3, 3, 1, 2, 1, 1, 1};
    const char *texts[] = {"One",        "Two",        "Three",  "Four", "Six",
                           "Setext one", "Setext two", "Closed", "",     "trailing#"};
    for (size_t i = 0; i < 10; i++)
        expect_block(&d->blocks[i], FS_BLOCK_HEADING, levels[i], texts[i]);
}

static void test_heading_anchors(void **state)
{
    const fs_blocks *d = read_blocks(state, "# Étapes clés\n"
                                            "## Key *steps*: 2024 (draft)!\n"
                                            "## Key steps: 2024 (draft)!\n"
                                            "### Key steps: 2024 (draft)!\n"
                                            "# Key steps 2024 draft-1\n"
                                            "# `a_b` -- C's \"d\"\n"
                                            "# \n"
                                            "# !!!\n"
                                            "# ÀÉÎ Ωμέγα 日本 ½\n");
    assert_int_equal(d->count, 9);
    const char *anchors[] = {"étapes-clés",
                             "key-steps-2024-draft",
                             "key-steps-2024-draft-1",
                             "key-steps-2024-draft-2",
                             "key-steps-2024-draft-1-1",
                             "a_b--cs-d",
                             "",
                             "-1",
                             "àéî-ωμέγα-日本-½"};
    for (size_t i = 0; i < 9; i++)
        assert_string_equal(d->blocks[i].anchor, anchors[i]);
}

static void test_heading_anchors_french(void **state)
{
    /* The anchor is that of the text as written, before typography: each
     * space written is a '-', whatever space French shows there. */
    const char *source = "# Pourquoi ? Étapes : clés\n";
    const fs_blocks *d = read_blocks_n(state, source, strlen(source), "fr", NULL);
    assert_int_equal(d->count, 1);
    assert_string_equal(d->blocks[0].markup, "Pourquoi\u202f? Étapes\u00a0: clés");
    assert_string_equal(d->blocks[0].anchor, "pourquoi--étapes--clés");
}

static void test_slug(void **state)
{
    ctx *c = *state;
    assert_string_equal(fs_markdown_slug("Étapes clés", c->arena), "étapes-clés");
    assert_string_equal(fs_markdown_slug("Étapes clés : 2024 !", c->arena), "étapes-clés--2024-");
    assert_string_equal(fs_markdown_slug("Hello, World_2-b", c->arena), "hello-world_2-b");
    assert_string_equal(fs_markdown_slug("CARE\u2019s \u00abplan\u00bb \u2014 ok", c->arena),
                        "cares-plan--ok");
    assert_string_equal(fs_markdown_slug("ŒUVRE Ça ĞÜŞ", c->arena), "œuvre-ça-ğüş");
    assert_string_equal(fs_markdown_slug("", c->arena), "");
    assert_string_equal(fs_markdown_slug("a\xff"
                                         "b",
                                         c->arena),
                        "ab");
}

/* ---- sources: what translators see ------------------------------------ */

static void expect_sources(void **state, const char *source, ...)
{
    const fs_blocks *d = read_blocks(state, source);
    va_list args;
    va_start(args, source);
    size_t i = 0;
    for (const char *want; (want = va_arg(args, const char *)); i++) {
        assert_true(i < d->count);
        assert_string_equal(d->blocks[i].source, want);
    }
    va_end(args);
    assert_int_equal(d->count, i);
}

static void test_sources_one_line(void **state)
{
    expect_sources(state, "- dash *x*\n\n* star\n\n+ plus\n\n1. one\n\n2) two\n", "dash *x*",
                   "star", "plus", "one", "two", NULL);
    expect_sources(state, "## Heading ##\n\n#   Spaced   #  \n\n### Hash#\n\n   Indented  \n",
                   "Heading", "Spaced", "Hash#", "Indented", NULL);
    expect_sources(state, "> quoted\n\n> > deeper\n\n>no space\n\n> -- Ann\n", "quoted", "deeper",
                   "no space", "-- Ann", NULL);
    expect_sources(state, "- > in item\n\n> - in quote\n\n  - indented item\n", "in item",
                   "in quote", "indented item", NULL);
    expect_sources(state, "Tab\tinside and *emph* \\*kept\\* &amp;\n",
                   "Tab\tinside and *emph* \\*kept\\* &amp;", NULL);
}

static void test_sources_several_lines(void **state)
{
    expect_sources(state, "First line\nsecond  \nthird\\\nfourth   \n",
                   "First line\nsecond  \nthird\\\nfourth", NULL);
    expect_sources(state, "> a quote\n> on lines\nlazy line\n", "a quote\non lines\nlazy line",
                   NULL);
    expect_sources(state, "> > deep\n> > quote\n>  > again\n", "deep\nquote\nagain", NULL);
    expect_sources(state, "- item\n  continued\n    more\n\n  second para\n  lines\n",
                   "item\ncontinued\nmore", "second para\nlines", NULL);
    expect_sources(state, "1.  number\n    indented\n\n> - quoted item\n>   next\n",
                   "number\nindented", "quoted item\nnext", NULL);
    expect_sources(state, "Setext *heading*\non two lines\n===\n\n> Quoted setext\n> ---\n",
                   "Setext *heading*\non two lines", "Quoted setext", NULL);
    expect_sources(state, "a\r\nb\rc\n", "a\nb\nc", NULL);
}

static void test_sources_after_definitions(void **state)
{
    /* Link reference definitions that start a paragraph are not part of
     * its text, nor of its line. */
    const fs_blocks *d = read_blocks(state, "[r]: /u\n"
                                            "[s]:\n"
                                            "  /v\n"
                                            "  \"title\"\n"
                                            "See [r] and [s].\n"
                                            "More.\n"
                                            "\n"
                                            "> [q]: /q\n"
                                            "> Quoted [q]\n"
                                            "\n"
                                            "[t]: /t\n"
                                            "Setext [t]\n"
                                            "===\n");
    assert_int_equal(d->count, 3);
    assert_string_equal(d->blocks[0].source, "See [r] and [s].\nMore.");
    assert_int_equal(d->blocks[0].line, 5);
    assert_int_equal(d->blocks[0].link_count, 2);
    assert_string_equal(d->blocks[1].source, "Quoted [q]");
    assert_int_equal(d->blocks[1].line, 9);
    assert_string_equal(d->blocks[2].source, "Setext [t]");
    assert_int_equal(d->blocks[2].line, 12);
    /* A paragraph that only starts with a bracket is whole. */
    expect_sources(state, "[not]: a def\nbut text\n\n[a](b) link\nline\n", "[not]: a def\nbut text",
                   "[a](b) link\nline", NULL);
}

static void test_sources_invalid_utf8(void **state)
{
    const char source[] = "- a\xff"
                          "b\0c\n";
    const fs_blocks *d = read_blocks_n(state, source, sizeof source - 1, "en", NULL);
    assert_int_equal(d->count, 1);
    assert_string_equal(d->blocks[0].source, "a\ufffd"
                                             "b\ufffd"
                                             "c");
    assert_string_equal(d->blocks[0].markup, "a\ufffd"
                                             "b\ufffd"
                                             "c");
    /* A byte order mark is not text. */
    d = read_blocks(state, "\xef\xbb\xbf# Title\n");
    assert_int_equal(d->count, 1);
    assert_string_equal(d->blocks[0].source, "Title");
    d = read_blocks(state, "\xef\xbb\xbf\xef\xbb\xbf  Text\n");
    assert_int_equal(d->count, 1);
    assert_string_equal(d->blocks[0].source, "Text");
}

/* ---- translation ----------------------------------------------------- */

static void test_translation_replaces_content(void **state)
{
    static const char *const pairs[] = {"Key steps",
                                        "Étapes *clés*",
                                        "one",
                                        "un",
                                        "two",
                                        "deux [lien](https://x.org)",
                                        "quoted\ntext",
                                        "texte\ncité",
                                        "-- Ann, CEO",
                                        "\u2014 Ann, PDG",
                                        "Nested",
                                        "Imbriqué",
                                        NULL};
    catalog cat = {.pairs = pairs};
    const char *source = "## Key steps\n\n3. one\n4. two\n   - Nested\n\n> quoted\n> text\n>\n"
                         "> -- Ann, CEO\n\nKept\n";
    const fs_blocks *d = read_blocks_n(state, source, strlen(source), "en", &cat);
    assert_int_equal(d->count, 7);
    expect_block(&d->blocks[0], FS_BLOCK_HEADING, 2, "Étapes <i>clés</i>");
    assert_string_equal(d->blocks[0].source, "Key steps");
    assert_string_equal(d->blocks[0].anchor, "étapes-clés");
    expect_block(&d->blocks[1], FS_BLOCK_ITEM, 1, "un");
    assert_int_equal(d->blocks[1].number, 3);
    expect_block(&d->blocks[2], FS_BLOCK_ITEM, 1, "deux <u>lien</u>");
    assert_int_equal(d->blocks[2].number, 4);
    assert_int_equal(d->blocks[2].link_count, 1);
    expect_link(d->blocks[2].markup, d->blocks[2].links, 1, 0, "lien", "https://x.org");
    expect_block(&d->blocks[3], FS_BLOCK_ITEM, 2, "Imbriqué");
    expect_block(&d->blocks[4], FS_BLOCK_QUOTE, 1, "texte cité");
    assert_string_equal(d->blocks[4].source, "quoted\ntext");
    expect_block(&d->blocks[5], FS_BLOCK_ATTRIBUTION, 1, "Ann, PDG");
    assert_string_equal(d->blocks[5].source, "-- Ann, CEO");
    /* No translation: the English stays. */
    expect_block(&d->blocks[6], FS_BLOCK_PARAGRAPH, 0, "Kept");
    assert_int_equal(cat.calls, 7);
    assert_int_equal(cat.last_line, 12);
}

static void test_translation_is_inline(void **state)
{
    /* What would start a block prints as written. */
    static const char *const pairs[] = {"a", "1. not a list",
                                        "b", "# not a heading",
                                        "c", "> not a quote\n- nor a list\n    nor code\n***",
                                        "d", "first\n\nsecond paragraph",
                                        "e", "<div>x</div> [ref]: /u",
                                        "f", "[x]: /u",
                                        NULL};
    catalog cat = {.pairs = pairs};
    const char *source = "- a\n- b\n\n> c\n\nd\n\n# e\n\nf\n";
    const fs_blocks *d = read_blocks_n(state, source, strlen(source), "en", &cat);
    assert_int_equal(d->count, 6);
    expect_block(&d->blocks[0], FS_BLOCK_ITEM, 1, "1. not a\u00a0list");
    assert_int_equal(d->blocks[0].number, 0);
    expect_block(&d->blocks[1], FS_BLOCK_ITEM, 1, "# not a\u00a0heading");
    expect_block(&d->blocks[2], FS_BLOCK_QUOTE, 1,
                 "&gt; not a\u00a0quote - nor a\u00a0list nor code ***");
    expect_block(&d->blocks[3], FS_BLOCK_PARAGRAPH, 0, "first second paragraph");
    expect_block(&d->blocks[4], FS_BLOCK_HEADING, 1, "&lt;div&gt;x&lt;/div&gt; [ref]: /u");
    expect_block(&d->blocks[5], FS_BLOCK_PARAGRAPH, 0, "[x]: /u");
}

static void test_translation_null_or_same_keeps_source(void **state)
{
    static const char *const pairs[] = {"one", "", "two", "two", NULL};
    catalog cat = {.pairs = pairs};
    const char *source = "one\n\ntwo\n\nthree *x*\n\n    code\n\n<p>html</p>\n";
    const fs_blocks *d = read_blocks_n(state, source, strlen(source), "en", &cat);
    assert_int_equal(d->count, 5);
    assert_string_equal(d->blocks[0].markup, "one");
    assert_string_equal(d->blocks[1].markup, "two");
    assert_string_equal(d->blocks[2].markup, "three <i>x</i>");
    /* Code and HTML blocks are never offered for translation. */
    assert_int_equal(cat.calls, 3);
}

static void test_translation_gets_typography(void **state)
{
    static const char *const pairs[] = {"Warning!", "**Attention !** Voir : `a:b` \"ici\"",
                                        "-- Ann", "-- Anne : PDG", NULL};
    catalog cat = {.pairs = pairs};
    const char *source = "Warning!\n\n> Quote\n>\n> -- Ann\n";
    const fs_blocks *d = read_blocks_n(state, source, strlen(source), "fr", &cat);
    assert_int_equal(d->count, 3);
    assert_string_equal(d->blocks[0].markup,
                        "<b>Attention\u202f!</b> Voir\u00a0: <tt>a:b</tt> «\u202fici\u202f»");
    expect_block(&d->blocks[2], FS_BLOCK_ATTRIBUTION, 1, "Anne\u00a0: PDG");
}

static void test_translation_attribution_without_dash(void **state)
{
    static const char *const pairs[] = {"\u2015 Ann", "Anne", NULL};
    catalog cat = {.pairs = pairs};
    const char *source = "> Quote\n>\n> \u2015 Ann\n";
    const fs_blocks *d = read_blocks_n(state, source, strlen(source), "en", &cat);
    assert_int_equal(d->count, 2);
    expect_block(&d->blocks[1], FS_BLOCK_ATTRIBUTION, 1, "Anne");
}

static void test_translation_every_block(void **state)
{
    /* A translation of every block, each starting with "1. ": the
     * structure is the source's, the text the translation's, printed as
     * written. */
    static const char *const pairs[] = {"*", "1. ", NULL};
    catalog cat = {.pairs = pairs};
    const char *source = "# T\n\np\n\n- i\n\n> q\n>\n> -- a\n";
    const fs_blocks *d = read_blocks_n(state, source, strlen(source), "en", &cat);
    assert_int_equal(d->count, 5);
    expect_block(&d->blocks[0], FS_BLOCK_HEADING, 1, "1. T");
    assert_string_equal(d->blocks[0].anchor, "1-t");
    expect_block(&d->blocks[1], FS_BLOCK_PARAGRAPH, 0, "1. p");
    expect_block(&d->blocks[2], FS_BLOCK_ITEM, 1, "1. i");
    expect_block(&d->blocks[3], FS_BLOCK_QUOTE, 1, "1. q");
    /* "1. -- a": the translation does not start with a dash. */
    expect_block(&d->blocks[4], FS_BLOCK_ATTRIBUTION, 1, "1. \u2013 a");
}

static void test_translation_reference_links(void **state)
{
    /* A translation parsed alone still finds the document's definitions
     * its reference links name, whatever their case; the definitions
     * show nowhere. */
    static const char *const pairs[] = {"See [the report][R] and [faq].",
                                        "Voir [le rapport][r] et [FAQ], pas [x].", "About [code].",
                                        "À propos de [code].", NULL};
    catalog cat = {.pairs = pairs};
    const char *source = "See [the report][R] and [faq].\n\n"
                         "```\n[code]: /no\n```\n\n"
                         "About [code].\n\n"
                         "> [R]: https://r.org \"Title\"\n\n"
                         "- Item\n\n  [faq]:\n  /faq.html\n";
    const fs_blocks *d = read_blocks_n(state, source, strlen(source), "en", &cat);
    assert_int_equal(d->count, 4);
    assert_string_equal(d->blocks[0].markup, "Voir <u>le rapport</u> et <u>FAQ</u>, pas [x].");
    assert_int_equal(d->blocks[0].link_count, 2);
    expect_link(d->blocks[0].markup, d->blocks[0].links, 2, 0, "le rapport", "https://r.org");
    expect_link(d->blocks[0].markup, d->blocks[0].links, 2, 1, "FAQ", "/faq.html");
    /* A definition in a code block is code. */
    expect_block(&d->blocks[1], FS_BLOCK_CODE, 0, "<tt>[code]: /no</tt>");
    expect_block(&d->blocks[2], FS_BLOCK_PARAGRAPH, 0, "À propos de [code].");
    assert_int_equal(d->blocks[2].link_count, 0);
    expect_block(&d->blocks[3], FS_BLOCK_ITEM, 1, "Item");
}

/* ---- escaping layout text and translations --------------------------- */

/* Escapes text after what out holds, converts, and expects one paragraph
 * (or none when expected is NULL) with no block structure in it. */
static void expect_inline(void **state, const char *before, const char *text, const char *expected)
{
    ctx *c = *state;
    fs_buf source = {0};
    fs_buf_puts(&source, before);
    fs_markdown_escape_blocks(&source, text);
    bool ok = fs_buf_ok(&source);
    cmark_node *document = cmark_parse_document(fs_buf_str(&source), source.length, 0);
    bool only_paragraphs = document != NULL;
    for (cmark_node *n = document ? cmark_node_first_child(document) : NULL; n;
         n = cmark_node_next(n))
        only_paragraphs = only_paragraphs && cmark_node_get_type(n) == CMARK_NODE_PARAGRAPH;
    cmark_node_free(document);
    /* A language without house rules: what is checked is the escaping. */
    ok = ok &&
         fs_markdown_to_markup(fs_buf_str(&source), source.length, "", NULL, c->arena, &c->markup);
    fs_buf_free(&source);
    assert_true(ok);
    assert_true(only_paragraphs);
    if (!expected) {
        assert_int_equal(c->markup.count, 0);
        return;
    }
    assert_int_equal(c->markup.count, 1);
    assert_string_equal(c->markup.paragraphs[0], expected);
}

static void test_escape_blocks_markers_literal(void **state)
{
    expect_inline(state, "", "# not a heading", "# not a heading");
    expect_inline(state, "", "> 1 million", "&gt; 1 million");
    expect_inline(state, "", "- dash\n+ plus\n* star", "- dash + plus * star");
    expect_inline(state, "", "2019. year\n1) one", "2019. year 1) one");
    expect_inline(state, "", "***\n---\n___\n* * *\n- - -", "*** --- ___ * * * - - -");
    expect_inline(state, "", "text\n===", "text ===");
    expect_inline(state, "", "text\n-", "text -");
    expect_inline(state, "", "text\n--", "text --");
    expect_inline(state, "", "```\ncode\n```", "``` code ```");
    expect_inline(state, "", "~~~ x", "~~~ x");
    expect_inline(state, "", "<div>\nhtml\n</div>", "&lt;div&gt; html &lt;/div&gt;");
    expect_inline(state, "", "<?php x ?>\n<!DOCTYPE html>\n<pre>",
                  "&lt;?php x ?&gt; &lt;!DOCTYPE html&gt; &lt;pre&gt;");
    expect_inline(state, "", "[x]: /url\n[y\nz]: /v", "[x]: /url [y z]: /v");
    expect_inline(state, "", "| a | b |", "| a | b |");
    /* Indentation is dropped rather than making code. */
    expect_inline(state, "", "    indented\n\t- tab", "indented - tab");
    expect_inline(state, "", "  \n\n   ", NULL);
    expect_inline(state, "", "\xef\xbb\xbf# bom", "# bom");
    expect_inline(state, "", "\xef\xbb\xbf\xef\xbb\xbf# two", "# two");
    expect_inline(state, "", "\t\xef\xbb\xbf\t\t\t\tcode", "code");
    expect_inline(state, "a ", "\xef\xbb\xbf", "a \ufeff");
    expect_inline(state, "", "-\vvertical\n1.\fform feed", "-\vvertical 1.\fform feed");
    expect_inline(state, "12", ".\v", "12.");
}

static void test_escape_blocks_inline_kept(void **state)
{
    expect_inline(state, "", "*em* **strong** `code` [l](u)",
                  "<i>em</i> <b>strong</b> <tt>code</tt> <u>l</u>");
    expect_inline(state, "", "`code` first", "<tt>code</tt> first");
    expect_inline(state, "", "**bold** first\n*em* too", "<b>bold</b> first <i>em</i> too");
    expect_inline(state, "", "<https://care.nl> site",
                  "<u>" ADDRESS PIECE("https://care") ZW PIECE(".nl") "</span></u> site");
    expect_inline(state, "", "<a@b.org> mail",
                  "<u>" ADDRESS PIECE("a") ZW PIECE("@b") ZW PIECE(".org") "</span></u> mail");
    expect_inline(state, "", "[link](u) first", "<u>link</u> first");
    expect_inline(state, "", "-- dash\n--x\n--- Name", "\u2013 dash \u2013x \u2014 Name");
    expect_inline(state, "", "1.5 million\n+5%\n#hash", "1.5 million +5% #hash");
    expect_inline(state, "", "a\r\n# b\r- c", "a # b - c");
}

static void test_escape_blocks_after_what_is_written(void **state)
{
    /* Mid-line, nothing is a block marker. */
    expect_inline(state, "a ", "# b", "a # b");
    /* After a newline, or blanks, the line starts. */
    expect_inline(state, "a\n", "# b", "a # b");
    expect_inline(state, "a\n  ", "- b", "a - b");
    /* Digits already written, then ". ": an item number. */
    expect_inline(state, "3", ". villages", "3. villages");
    expect_inline(state, "a\n12", ") b", "a 12) b");
    expect_inline(state, "x3", ". b", "x3. b");
}

/* ---- limits ----------------------------------------------------------- */

static void test_blocks_size_limit(void **state)
{
    ctx *c = *state;
    size_t length = FS_MARKDOWN_MAX_BYTES + 1;
    char *source = malloc(length);
    assert_non_null(source);
    memset(source, 'a', length);
    fs_blocks blocks;
    bool over = fs_markdown_blocks(source, length, "en", NULL, NULL, NULL, c->arena, &blocks);
    bool at = fs_markdown_blocks(source, length - 1, "en", NULL, NULL, NULL, c->arena, &blocks);
    size_t count = blocks.count;
    free(source);
    assert_false(over);
    assert_true(at);
    assert_int_equal(count, 1);
}

static void test_blocks_deep_nesting(void **state)
{
    /* 50,000 nested quotes or lists: no recursion, and the source still
     * found under all the markers. */
    static const char *const units[] = {">", "> ", "- ", "1. "};
    static const char *const pairs[] = {"*", "y", NULL};
    for (size_t i = 0; i < 4; i++) {
        size_t length;
        char *source = repeated(units[i], 50000, "", &length);
        assert_non_null(source);
        catalog cat = {.pairs = pairs};
        const fs_blocks *d = read_blocks_n(state, source, length, "en", &cat);
        free(source);
        assert_int_equal(d->count, 1);
        assert_string_equal(d->blocks[0].markup, "yx");
        assert_string_equal(d->blocks[0].source, "x");
        assert_int_equal(d->blocks[0].level, 50000);
        assert_int_equal(d->blocks[0].kind, i < 2 ? FS_BLOCK_QUOTE : FS_BLOCK_ITEM);
    }
}

static void test_blocks_deep_quote_many_lines(void **state)
{
    /* A deep quote followed by many lazy lines: each line's markers are
     * looked for once, not once per level. */
    fs_buf source = {0};
    for (int i = 0; i < 100000; i++)
        fs_buf_putc(&source, '>');
    fs_buf_puts(&source, " x\n");
    for (int i = 0; i < 100000; i++)
        fs_buf_puts(&source, "y\n");
    assert_true(fs_buf_ok(&source));
    ctx *c = *state;
    fs_blocks blocks;
    bool ok = fs_markdown_blocks(fs_buf_str(&source), source.length, "en", NULL, NULL, NULL,
                                 c->arena, &blocks);
    fs_buf_free(&source);
    assert_true(ok);
    assert_int_equal(blocks.count, 1);
    assert_int_equal(strlen(blocks.blocks[0].source), 2 + 2 * 100000 - 1);
}

static void test_blocks_many_equal_headings(void **state)
{
    fs_buf source = {0};
    for (int i = 0; i < 20000; i++)
        fs_buf_puts(&source, "# Same\n");
    assert_true(fs_buf_ok(&source));
    ctx *c = *state;
    fs_blocks blocks;
    bool ok = fs_markdown_blocks(fs_buf_str(&source), source.length, "en", NULL, NULL, NULL,
                                 c->arena, &blocks);
    fs_buf_free(&source);
    assert_true(ok);
    assert_int_equal(blocks.count, 20000);
    assert_string_equal(blocks.blocks[0].anchor, "same");
    assert_string_equal(blocks.blocks[1].anchor, "same-1");
    assert_string_equal(blocks.blocks[19999].anchor, "same-19999");
}

#define TEST(name) cmocka_unit_test_setup_teardown(name, setup, teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        TEST(test_plain_text),
        TEST(test_empty_source),
        TEST(test_paragraphs_split),
        TEST(test_emphasis_and_strong),
        TEST(test_code_span),
        TEST(test_links_underlined_without_target),
        TEST(test_image_shows_its_text),
        TEST(test_markup_characters_escaped),
        TEST(test_entities_decoded_then_escaped),
        TEST(test_soft_break_is_a_space),
        TEST(test_hard_break_is_a_newline),
        TEST(test_smart_punctuation),
        TEST(test_headings_flattened),
        TEST(test_lists_flattened),
        TEST(test_quotes_flattened),
        TEST(test_code_blocks),
        TEST(test_html_block_is_text),
        TEST(test_thematic_break_dropped),
        TEST(test_invalid_utf8_and_nul_replaced),
        TEST(test_utf8_kept),
        TEST(test_escape_backslashes_ascii_punctuation),
        TEST(test_escape_each_punctuation_literal),
        TEST(test_escape_round_trip),
        TEST(test_escape_block_starters_literal),
        TEST(test_escape_leading_whitespace_kept),
        TEST(test_escape_newlines_are_line_breaks),
        TEST(test_escape_inside_layout_markdown),
        TEST(test_escape_empty),
        TEST(test_size_limit),
        TEST(test_deep_block_nesting),
        TEST(test_deep_inline_nesting),
        TEST(test_french_typography_in_text_not_code),
        TEST(test_links_recorded),
        TEST(test_autolinks_recorded),
        TEST(test_link_offsets_after_typography_and_entities),
        TEST(test_links_without_text_or_target_dropped),
        TEST(test_link_in_image_text),
        TEST(test_blocks_every_construct),
        TEST(test_blocks_empty),
        TEST(test_blocks_nested_lists),
        TEST(test_blocks_list_start_kept_large),
        TEST(test_blocks_tight_and_loose),
        TEST(test_blocks_item_paragraphs_continue),
        TEST(test_blocks_empty_item_keeps_its_marker),
        TEST(test_blocks_quote_and_attribution),
        TEST(test_blocks_nested_quotes),
        TEST(test_blocks_innermost_container_decides),
        TEST(test_blocks_code),
        TEST(test_blocks_html_is_text),
        TEST(test_blocks_headings),
        TEST(test_heading_anchors),
        TEST(test_heading_anchors_french),
        TEST(test_slug),
        TEST(test_sources_one_line),
        TEST(test_sources_several_lines),
        TEST(test_sources_after_definitions),
        TEST(test_sources_invalid_utf8),
        TEST(test_translation_replaces_content),
        TEST(test_translation_is_inline),
        TEST(test_translation_null_or_same_keeps_source),
        TEST(test_translation_gets_typography),
        TEST(test_translation_attribution_without_dash),
        TEST(test_translation_every_block),
        TEST(test_translation_reference_links),
        TEST(test_escape_blocks_markers_literal),
        TEST(test_escape_blocks_inline_kept),
        TEST(test_escape_blocks_after_what_is_written),
        TEST(test_blocks_size_limit),
        TEST(test_blocks_deep_nesting),
        TEST(test_blocks_deep_quote_many_lines),
        TEST(test_blocks_many_equal_headings),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
