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

#include <pango/pango.h>

#include "bind/fs_markdown.h"

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
    assert_true(fs_markdown_to_markup(source, length, "en", c->arena, &c->markup));
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
    bool ok = fs_markdown_to_markup(fs_buf_str(&source), source.length, "en", c->arena, &c->markup);
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
           "<i>a</i> <i>b</i> <b>c</b> <b>d</b> <i><b>e</b></i>", NULL);
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
    expect(state, "<https://care.nl>", "<u>https://care.nl</u>", NULL);
    expect(state, "[ref]\n\n[ref]: https://example.org", "<u>ref</u>", NULL);
}

static void test_image_shows_its_text(void **state)
{
    expect(state, "before ![a *map*](map.png) after", "before a <i>map</i> after", NULL);
}

static void test_markup_characters_escaped(void **state)
{
    expect(state, "a & b < c > d", "a &amp; b &lt; c &gt; d", NULL);
    expect(state, "\\\"quoted\\\" \\'single\\'", "&quot;quoted&quot; &apos;single&apos;", NULL);
    expect(state, "AT&T <b>bold</b> <span foreground=\"red\">x</span>",
           "AT&amp;T &lt;b&gt;bold&lt;/b&gt; &lt;span foreground=&quot;red&quot;&gt;x&lt;/span&gt;",
           NULL);
}

static void test_entities_decoded_then_escaped(void **state)
{
    expect(state, "&amp; &lt;b&gt; &copy; &#65; &#x42;", "&amp; &lt;b&gt; \u00a9 A B", NULL);
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
        char text[8], expected[32];
        snprintf(text, sizeof text, "a%cb", *p);
        const char *entity = *p == '&'    ? "&amp;"
                             : *p == '<'  ? "&lt;"
                             : *p == '>'  ? "&gt;"
                             : *p == '"'  ? "&quot;"
                             : *p == '\'' ? "&apos;"
                                          : NULL;
        if (entity)
            snprintf(expected, sizeof expected, "a%sb", entity);
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
     * and markup: escape then convert gives the text, XML-escaped. */
    char text[256];
    size_t length = 0;
    for (int ch = 0x21; ch < 0x7f; ch++)
        text[length++] = (char)ch;
    text[length] = '\0';
    strcat(text, " *em* **strong** `code` [l](u) <b>x</b> &amp; {value} -- 'q' \"d\" ...");
    ctx *c = *state;
    fs_buf expected = {0}, source = {0};
    fs_buf_put_escaped(&expected, text, strlen(text));
    escaped("", text, "", &source);
    bool ok = fs_markdown_to_markup(fs_buf_str(&source), source.length, "en", c->arena, &c->markup);
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
    bool ok = fs_markdown_to_markup(fs_buf_str(&source), source.length, "en", c->arena, &c->markup);
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
    bool at_limit = fs_markdown_to_markup(source, length, "en", c->arena, &c->markup);
    size_t count_at_limit = c->markup.count;
    bool over = fs_markdown_to_markup(source, length + 1, "en", c->arena, &c->markup);
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
        bool ok = fs_markdown_to_markup(source, length, "en", c->arena, &c->markup);
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

#define TEST(name) cmocka_unit_test_setup_teardown(name, setup, teardown)

static void test_french_typography_in_text_not_code(void **state)
{
    ctx *c = *state;
    const char *source = "**Attention !** Voir : `a:b` et « ici »";
    assert_true(fs_markdown_to_markup(source, strlen(source), "fr", c->arena, &c->markup));
    assert_int_equal(c->markup.count, 1);
    assert_string_equal(c->markup.paragraphs[0],
                        "<b>Attention\u202f!</b> Voir\u00a0: <tt>a:b</tt> et «\u202fici\u202f»");
}

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
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
