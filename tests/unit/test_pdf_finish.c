/* Unit tests of the PDF's finishing step: the artifact filter over content
 * streams (every token kind that can hide an operator name: strings with
 * escapes, hex strings, comments, inline images; nesting with q/Q and with
 * marked content; unbalanced input), and fs_pdf_finish / fs_pdf_untag over
 * PDFs that cairo writes here, read back with libqpdf. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <cairo-pdf.h>
#include <qpdf/qpdf-c.h>
#include <stdlib.h>
#include <string.h>

#include "core/fs_buf.h"
#include "core/fs_diag.h"
#include "emit/fs_pdf_artifacts.h"
#include "emit/fs_pdf_finish.h"

/* ---- the artifact filter ------------------------------------------------ */

static void check_marked(const char *content, size_t length, const char *want)
{
    fs_buf out = {0};
    assert_true(fs_pdf_mark_artifacts((const unsigned char *)content, length, &out));
    assert_string_equal(fs_buf_str(&out), want);
    fs_buf_free(&out);
}

#define check_artifacts(content, want) check_marked(content, sizeof(content) - 1, want)

static void refused(const char *content)
{
    fs_buf out = {0};
    assert_false(fs_pdf_mark_artifacts((const unsigned char *)content, strlen(content), &out));
    fs_buf_free(&out);
}

static void test_unmarked_drawing_is_an_artifact(void **state)
{
    check_artifacts("0 0 10 10 re f", "\n/Artifact BMC\n0 0 10 10 re f\nEMC\n");
    check_artifacts("BT /f 1 Tf (x) Tj ET", "\n/Artifact BMC\nBT /f 1 Tf (x) Tj ET\nEMC\n");
    check_artifacts("/x1 Do", "\n/Artifact BMC\n/x1 Do\nEMC\n");
    check_artifacts("/s1 sh", "\n/Artifact BMC\n/s1 sh\nEMC\n");
    check_artifacts("1 2 m 3 4 l S", "\n/Artifact BMC\n1 2 m 3 4 l S\nEMC\n");
}

static void test_state_alone_is_no_artifact(void **state)
{
    check_artifacts("1 0 0 -1 0 842 cm 0 0 1 rg /a0 gs 2 w",
                    "1 0 0 -1 0 842 cm 0 0 1 rg /a0 gs 2 w");
    check_artifacts("", "");
}

static void test_tagged_content_is_left_alone(void **state)
{
    check_artifacts("/P << /MCID 0 >> BDC\nBT (a) Tj ET\nEMC\n",
                    "/P << /MCID 0 >> BDC\nBT (a) Tj ET\nEMC\n");
    check_artifacts("/Span BMC 0 0 1 1 re f EMC", "/Span BMC 0 0 1 1 re f EMC");
}

static void test_runs_between_tagged_content(void **state)
{
    check_artifacts("0 0 5 5 re f\n/P << /MCID 0 >> BDC\nBT (a) Tj ET\nEMC\n1 1 2 2 re f",
                    "\n/Artifact BMC\n0 0 5 5 re f\nEMC\n\n/P << /MCID 0 >> BDC\nBT (a) Tj "
                    "ET\nEMC\n/Artifact BMC\n\n1 1 2 2 re f\nEMC\n");
}

/* Marked-content sequences nest with q/Q: a run never spans a q or a Q. */
static void test_runs_end_at_q_and_Q(void **state)
{
    check_artifacts("q 0 0 5 5 re f Q 1 1 2 2 re f",
                    "q\n/Artifact BMC\n 0 0 5 5 re f\nEMC\n Q\n/Artifact BMC\n 1 1 2 2 re "
                    "f\nEMC\n");
    check_artifacts("0 0 5 5 re W n q 1 g 0 0 5 5 re f Q",
                    "\n/Artifact BMC\n0 0 5 5 re W n\nEMC\n q 1 g\n/Artifact BMC\n 0 0 5 5 re "
                    "f\nEMC\n Q");
}

/* Marked content without an /MCID (cairo's /ActualText span for a
 * ligature) inside an artifact stays inside it. */
static void test_actual_text_inside_an_artifact(void **state)
{
    check_artifacts("BT /Span << /ActualText <feff0066> >> BDC (f) Tj EMC (x) Tj ET",
                    "\n/Artifact BMC\nBT /Span << /ActualText <feff0066> >> BDC (f) Tj EMC (x) "
                    "Tj ET\nEMC\n");
}

/* cairo's empty /ActualText span for a soft hyphen or a zero-width space
 * (a break not taken, drawing nothing) is left out, so a reader copying
 * the text gets the word or the URL whole; a span with other text, or with
 * something drawn inside (the hyphen drawn where a line breaks), stays. */
static void test_zero_width_space_spans_left_out(void **state)
{
    check_artifacts("/P << /MCID 0 >> BDC BT (www)Tj\n/Span << /ActualText <feff200b> >> BDC\n"
                    "EMC\n(.org)Tj /Span<</ActualText<FEFF200B200B>>>BDC EMC ET EMC",
                    "/P << /MCID 0 >> BDC BT (www)Tj\n(.org)Tj ET EMC");
    check_artifacts("BT (or)Tj /Span << /ActualText <feff00ad> >> BDC EMC (ga)Tj ET",
                    "\n/Artifact BMC\nBT (or)Tj (ga)Tj ET\nEMC\n");
    check_artifacts(
        "BT /Span << /ActualText <feff00ad> >> BDC (-) Tj EMC ET",
        "\n/Artifact BMC\nBT /Span << /ActualText <feff00ad> >> BDC (-) Tj EMC ET\nEMC\n");
    check_artifacts("/P << /MCID 0 >> BDC BT /Span << /ActualText <feff0020> >> BDC EMC ET EMC",
                    "/P << /MCID 0 >> BDC BT /Span << /ActualText <feff0020> >> BDC EMC ET EMC");
    check_artifacts(
        "/P << /MCID 0 >> BDC BT /Span << /ActualText <feff200b> >> BDC (x) Tj EMC ET EMC",
        "/P << /MCID 0 >> BDC BT /Span << /ActualText <feff200b> >> BDC (x) Tj EMC ET EMC");
}

/* Operator names inside strings, hex strings, comments and an inline
 * image's bytes are not operators. */
static void test_operators_inside_data_are_data(void **state)
{
    check_artifacts("/P << /MCID 0 >> BDC BT (EMC \\) BDC \\(q) Tj <454d43> Tj ET EMC",
                    "/P << /MCID 0 >> BDC BT (EMC \\) BDC \\(q) Tj <454d43> Tj ET EMC");
    check_artifacts("% EMC q BDC\n/P << /MCID 0 >> BDC EMC",
                    "% EMC q BDC\n/P << /MCID 0 >> BDC EMC");
    check_artifacts("q BI /W 2 /H 1 /BPC 8 /CS /G ID \x01 EMC\xff EI Q",
                    "q\n/Artifact BMC\n BI /W 2 /H 1 /BPC 8 /CS /G ID \x01 EMC\xff EI\nEMC\n Q");
}

static void test_unbalanced_marked_content_is_refused(void **state)
{
    refused("EMC");
    refused("/P << /MCID 0 >> BDC 0 0 1 1 re f");
    refused("/P BMC /Q BMC EMC");
}

/* ---- finishing a PDF ---------------------------------------------------- */

/* cairo's write function into an fs_buf. */
static cairo_status_t into_buf(void *closure, const unsigned char *data, unsigned int length)
{
    fs_buf_append(closure, (const char *)data, length);
    return CAIRO_STATUS_SUCCESS;
}

static void text(cairo_t *cr, const char *tag, const char *words, double y)
{
    cairo_tag_begin(cr, tag, NULL);
    cairo_move_to(cr, 20, y);
    cairo_show_text(cr, words);
    cairo_tag_end(cr, tag);
}

static void link(cairo_t *cr, const char *uri, double y)
{
    char attributes[128];
    snprintf(attributes, sizeof attributes, "uri='%s' rect=[20 %g 40 10]", uri, y - 10);
    cairo_tag_begin(cr, "P", NULL);
    text(cr, "Span", uri, y);
    cairo_tag_begin(cr, CAIRO_TAG_LINK, attributes);
    cairo_tag_end(cr, CAIRO_TAG_LINK);
    cairo_tag_end(cr, "P");
}

/* Two pages as paint draws them: a decoration outside any tag, a heading,
 * two figures, links on both pages. tagged false: only the links, inside
 * a Document tag (as paint draws an untagged document). */
static void draw(fs_buf *pdf, bool tagged)
{
    cairo_surface_t *surface = cairo_pdf_surface_create_for_stream(into_buf, pdf, 300, 400);
    cairo_t *cr = cairo_create(surface);
    cairo_tag_begin(cr, "Document", NULL);
    cairo_rectangle(cr, 0, 0, 300, 30);
    cairo_fill(cr);
    if (tagged) {
        text(cr, "H1", "Key figures", 50);
        cairo_tag_begin(cr, "Figure", NULL);
        cairo_rectangle(cr, 20, 60, 30, 30);
        cairo_fill(cr);
        cairo_tag_end(cr, "Figure");
    } else {
        cairo_move_to(cr, 20, 50);
        cairo_show_text(cr, "Key figures");
    }
    link(cr, "https://example.org/a", 120);
    link(cr, "https://example.org/b", 140);
    cairo_show_page(cr);
    if (tagged) {
        cairo_tag_begin(cr, "Figure", NULL);
        cairo_arc(cr, 50, 50, 20, 0, 6);
        cairo_fill(cr);
        cairo_tag_end(cr, "Figure");
    }
    link(cr, "https://example.org/c", 120);
    cairo_tag_end(cr, "Document");
    cairo_show_page(cr);
    assert_int_equal(cairo_status(cr), CAIRO_STATUS_SUCCESS);
    cairo_destroy(cr);
    cairo_surface_destroy(surface);
}

/* The elements draw() makes, in the order cairo begins them: Document, H1,
 * Figure, P Span Link (twice); on page 2 Figure, P Span Link. */
enum { ELEMENTS = 13 };
static const char *const alts[ELEMENTS] = {
    [2] = "Donut chart: 50 % des champions sont des femmes", [9] = "Une carte du Mali"};
static const char *const actuals[ELEMENTS] = {[1] = "Chiffres clés"};
static const char *const links[] = {"site a", "site b", "site c"};

static fs_pdf_facts french(void)
{
    return (fs_pdf_facts){.lang = "fr",
                          .title = "Partenaires pour la résilience",
                          .author = "CARE",
                          .subject = "Résultats",
                          .keywords = "RRC",
                          .created = 1700000000,
                          .alts = alts,
                          .actuals = actuals,
                          .element_count = ELEMENTS,
                          .link_texts = links,
                          .link_count = 3,
                          .conforming = true};
}

/* Finishes pdf with facts; true when it worked, diags then empty. */
static bool finish(const fs_buf *pdf, const fs_pdf_facts *facts, fs_buf *out, fs_diags *diags)
{
    bool ok = facts ? fs_pdf_finish(pdf->data, pdf->length, facts, out, "t.pdf", diags)
                    : fs_pdf_untag(pdf->data, pdf->length, out, "t.pdf", diags);
    assert_int_equal(fs_diags_count(diags) == 0, ok);
    return ok;
}

/* A finished file read back; q must be cleaned up. qpdf must find nothing
 * wrong with it. */
static qpdf_data read_back(const fs_buf *pdf)
{
    qpdf_data q = qpdf_init();
    qpdf_silence_errors(q);
    qpdf_set_suppress_warnings(q, QPDF_TRUE);
    assert_int_equal(qpdf_read_memory(q, "finished", pdf->data, pdf->length, NULL), QPDF_SUCCESS);
    assert_int_equal(qpdf_check_pdf(q), QPDF_SUCCESS);
    assert_false(qpdf_more_warnings(q));
    return q;
}

static const char *string_at(qpdf_data q, qpdf_oh dict, const char *key)
{
    return qpdf_oh_get_utf8_value(q, qpdf_oh_get_key(q, dict, key));
}

/* A document drawn (tagged or not), finished with facts (NULL: untagged)
 * and read back. */
typedef struct {
    fs_buf pdf, out;
    fs_diags *diags;
    qpdf_data q;
} finished;

static void finish_drawn(finished *f, bool tagged, const fs_pdf_facts *facts)
{
    *f = (finished){.diags = fs_diags_create()};
    draw(&f->pdf, tagged);
    assert_true(finish(&f->pdf, facts, &f->out, f->diags));
    f->q = read_back(&f->out);
}

static void finished_free(finished *f)
{
    qpdf_cleanup(&f->q);
    fs_buf_free(&f->pdf);
    fs_buf_free(&f->out);
    fs_diags_free(f->diags);
}

/* The catalog's XMP packet, as a string to free. */
static char *xmp_of(qpdf_data q)
{
    unsigned char *xmp = NULL;
    size_t length = 0;
    assert_int_equal(qpdf_oh_get_stream_data(q, qpdf_oh_get_key(q, qpdf_get_root(q), "/Metadata"),
                                             qpdf_dl_generalized, NULL, &xmp, &length),
                     QPDF_SUCCESS);
    char *packet = strndup((const char *)xmp, length);
    free(xmp);
    return packet;
}

/* Each element below element, depth first, as "S=Alt/ActualText|"; the
 * texts empty when absent. */
static void collect_texts(qpdf_data q, qpdf_oh element, fs_buf *out)
{
    if (qpdf_oh_is_array(q, element)) {
        for (int i = 0; i < qpdf_oh_get_array_n_items(q, element); i++)
            collect_texts(q, qpdf_oh_get_array_item(q, element, i), out);
        return;
    }
    if (!qpdf_oh_is_dictionary_of_type(q, element, "/StructElem", NULL))
        return;
    fs_buf_printf(out, "%s=", qpdf_oh_get_name(q, qpdf_oh_get_key(q, element, "/S")) + 1);
    if (qpdf_oh_has_key(q, element, "/Alt"))
        fs_buf_puts(out, string_at(q, element, "/Alt"));
    fs_buf_putc(out, '/');
    if (qpdf_oh_has_key(q, element, "/ActualText"))
        fs_buf_puts(out, string_at(q, element, "/ActualText"));
    fs_buf_putc(out, '|');
    collect_texts(q, qpdf_oh_get_key(q, element, "/K"), out);
}

static void test_catalog_and_metadata(void **state)
{
    fs_pdf_facts facts = french();
    finished f;
    finish_drawn(&f, true, &facts);
    qpdf_data q = f.q;
    qpdf_oh root = qpdf_get_root(q);
    assert_string_equal(string_at(q, root, "/Lang"), "fr");
    assert_true(qpdf_oh_get_bool_value(
        q, qpdf_oh_get_key(q, qpdf_oh_get_key(q, root, "/MarkInfo"), "/Marked")));
    assert_true(qpdf_oh_get_bool_value(
        q, qpdf_oh_get_key(q, qpdf_oh_get_key(q, root, "/ViewerPreferences"), "/DisplayDocTitle")));
    char *packet = xmp_of(q);
    assert_non_null(strstr(packet, "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">Partenaires "
                                   "pour la résilience</rdf:li></rdf:Alt></dc:title>"));
    assert_non_null(strstr(packet, "<dc:language><rdf:Bag><rdf:li>fr</rdf:li>"));
    assert_non_null(strstr(packet, "<xmp:CreateDate>2023-11-14T22:13:20Z</xmp:CreateDate>"));
    assert_non_null(strstr(packet, "<pdf:Producer>cairo 1.16.0"));
    assert_non_null(strstr(packet, "<pdfuaid:part>1</pdfuaid:part>"));
    free(packet);
    finished_free(&f);
}

static void test_metadata_escapes_and_claims_only_what_holds(void **state)
{
    fs_pdf_facts facts = french();
    facts.title = "Eau & <sol>\x01 \"oui\"";
    facts.conforming = false;
    finished f;
    finish_drawn(&f, true, &facts);
    char *packet = xmp_of(f.q);
    assert_non_null(strstr(packet, ">Eau &amp; &lt;sol&gt; &quot;oui&quot;</rdf:li>"));
    assert_null(strstr(packet, "pdfuaid:part"));
    free(packet);
    finished_free(&f);
}

static void test_elements_get_their_texts_in_order(void **state)
{
    fs_pdf_facts facts = french();
    finished f;
    finish_drawn(&f, true, &facts);
    fs_buf found = {0};
    qpdf_oh tree = qpdf_oh_get_key(f.q, qpdf_get_root(f.q), "/StructTreeRoot");
    collect_texts(f.q, qpdf_oh_get_key(f.q, tree, "/K"), &found);
    assert_string_equal(fs_buf_str(&found),
                        "Document=/|H1=/Chiffres clés|Figure=Donut chart: 50 % des champions sont "
                        "des femmes/|P=/|Span=/|Link=/|P=/|Span=/|Link=/|Figure=Une carte du "
                        "Mali/|P=/|Span=/|Link=/|");
    fs_buf_free(&found);
    finished_free(&f);
}

static void test_links_are_described_and_pages_tab_by_structure(void **state)
{
    fs_pdf_facts facts = french();
    finished f;
    finish_drawn(&f, true, &facts);
    qpdf_data q = f.q;
    fs_buf found = {0};
    for (size_t p = 0; p < 2; p++) {
        qpdf_oh page = qpdf_get_page_n(q, p);
        assert_true(qpdf_oh_is_name_and_equals(q, qpdf_oh_get_key(q, page, "/Tabs"), "/S"));
        qpdf_oh annots = qpdf_oh_get_key(q, page, "/Annots");
        for (int a = 0; a < qpdf_oh_get_array_n_items(q, annots); a++)
            fs_buf_printf(&found, "%s|",
                          string_at(q, qpdf_oh_get_array_item(q, annots, a), "/Contents"));
    }
    assert_string_equal(fs_buf_str(&found), "site a|site b|site c|");
    fs_buf_free(&found);
    finished_free(&f);
}

/* The band drawn outside every tag becomes an artifact; the heading stays
 * tagged, once. */
static void test_untagged_drawing_becomes_an_artifact(void **state)
{
    fs_pdf_facts facts = french();
    finished f;
    finish_drawn(&f, true, &facts);
    qpdf_data q = f.q;
    unsigned char *content = NULL;
    size_t length = 0;
    qpdf_oh_get_page_content_data(q, qpdf_get_page_n(q, 0), &content, &length);
    char *page = strndup((const char *)content, length);
    assert_non_null(strstr(page, "/Artifact BMC\n\n0 0 300 30 re f\nEMC\n"));
    assert_non_null(strstr(page, "/H1 << /MCID 0 >> BDC"));
    assert_null(strstr(strstr(page, "/Artifact BMC") + 1, "/Artifact BMC"));
    free(page);
    free(content);
    finished_free(&f);
}

static void test_same_input_same_bytes(void **state)
{
    fs_buf pdf = {0}, first = {0}, second = {0};
    fs_diags *diags = fs_diags_create();
    draw(&pdf, true);
    fs_pdf_facts facts = french();
    assert_true(finish(&pdf, &facts, &first, diags));
    assert_true(finish(&pdf, &facts, &second, diags));
    assert_int_equal(first.length, second.length);
    assert_memory_equal(first.data, second.data, first.length);
    fs_buf_free(&pdf);
    fs_buf_free(&first);
    fs_buf_free(&second);
    fs_diags_free(diags);
}

/* Paint and cairo disagreeing is a bug, reported, never a file with texts
 * on the wrong figures or links. */
static void test_counts_that_differ_are_refused(void **state)
{
    fs_buf pdf = {0}, out = {0};
    fs_diags *diags = fs_diags_create();
    draw(&pdf, true);
    fs_pdf_facts facts = french();
    facts.element_count = ELEMENTS - 1;
    assert_false(finish(&pdf, &facts, &out, diags));
    assert_string_equal(fs_diags_at(diags, 0)->message,
                        "the PDF cannot be finished: its structure elements and paint's differ in "
                        "number");
    fs_diags_clear(diags);
    facts = french();
    facts.link_count = 2;
    assert_false(finish(&pdf, &facts, &out, diags));
    assert_string_equal(fs_diags_at(diags, 0)->message,
                        "the PDF cannot be finished: its links and their descriptions differ in "
                        "number");
    fs_diags_clear(diags);
    facts = french();
    facts.link_count = 4;
    assert_false(finish(&pdf, &facts, &out, diags));
    assert_int_equal(out.length, 0);
    fs_buf_free(&pdf);
    fs_diags_free(diags);
}

static void test_what_is_not_a_pdf_is_refused(void **state)
{
    fs_buf pdf = {0}, out = {0};
    fs_diags *diags = fs_diags_create();
    fs_buf_puts(&pdf, "%PDF-1.5\nnot a PDF at all\n");
    fs_pdf_facts facts = french();
    assert_false(finish(&pdf, &facts, &out, diags));
    assert_non_null(strstr(fs_diags_at(diags, 0)->message, "t.pdf"));
    assert_int_equal(out.length, 0);
    fs_buf_free(&pdf);
    fs_diags_free(diags);
}

/* An untagged document loses the structure that carried its links; the
 * links stay. */
static void test_untag_keeps_links_and_drops_the_tree(void **state)
{
    finished f;
    finish_drawn(&f, false, NULL);
    qpdf_data q = f.q;
    qpdf_oh root = qpdf_get_root(q);
    assert_false(qpdf_oh_has_key(q, root, "/StructTreeRoot"));
    assert_false(qpdf_oh_has_key(q, root, "/MarkInfo"));
    assert_false(qpdf_oh_has_key(q, root, "/Lang"));
    for (size_t p = 0; p < 2; p++) {
        qpdf_oh page = qpdf_get_page_n(q, p);
        assert_false(qpdf_oh_has_key(q, page, "/StructParents"));
        qpdf_oh annots = qpdf_oh_get_key(q, page, "/Annots");
        assert_int_equal(qpdf_oh_get_array_n_items(q, annots), p == 0 ? 2 : 1);
        qpdf_oh first = qpdf_oh_get_array_item(q, annots, 0);
        assert_false(qpdf_oh_has_key(q, first, "/StructParent"));
        assert_string_equal(string_at(q, qpdf_oh_get_key(q, first, "/A"), "/URI"),
                            p == 0 ? "https://example.org/a" : "https://example.org/c");
    }
    finished_free(&f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_unmarked_drawing_is_an_artifact),
        cmocka_unit_test(test_state_alone_is_no_artifact),
        cmocka_unit_test(test_tagged_content_is_left_alone),
        cmocka_unit_test(test_runs_between_tagged_content),
        cmocka_unit_test(test_runs_end_at_q_and_Q),
        cmocka_unit_test(test_actual_text_inside_an_artifact),
        cmocka_unit_test(test_zero_width_space_spans_left_out),
        cmocka_unit_test(test_operators_inside_data_are_data),
        cmocka_unit_test(test_unbalanced_marked_content_is_refused),
        cmocka_unit_test(test_catalog_and_metadata),
        cmocka_unit_test(test_metadata_escapes_and_claims_only_what_holds),
        cmocka_unit_test(test_elements_get_their_texts_in_order),
        cmocka_unit_test(test_links_are_described_and_pages_tab_by_structure),
        cmocka_unit_test(test_untagged_drawing_becomes_an_artifact),
        cmocka_unit_test(test_same_input_same_bytes),
        cmocka_unit_test(test_counts_that_differ_are_refused),
        cmocka_unit_test(test_what_is_not_a_pdf_is_refused),
        cmocka_unit_test(test_untag_keeps_links_and_drops_the_tree),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
