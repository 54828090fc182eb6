#include "fs_pdf_finish.h"

#include <qpdf/qpdf-c.h>
#include <stdlib.h>
#include <string.h>

#include "emit/fs_pdf_artifacts.h"
#include "emit/fs_pdf_update.h"

/* Appends text to an XML document: the five special characters escaped,
 * and the control characters XML 1.0 cannot hold left out. */
static void put_xml(fs_buf *out, const char *text)
{
    const char *run = text;
    for (const char *c = text;; c++) {
        unsigned char byte = (unsigned char)*c;
        if (byte != 0 && (byte >= 0x20 || byte == '\t' || byte == '\n'))
            continue;
        fs_buf_put_escaped(out, run, (size_t)(c - run));
        if (byte == 0)
            return;
        run = c + 1;
    }
}

static bool given(const char *text)
{
    return text && *text;
}

/* An XMP element holding text, or nothing when there is no text. alt: a
 * language alternative (dc:title, dc:description), seq: an ordered list
 * (dc:creator), else a plain property. */
static void put_property(fs_buf *out, const char *name, const char *text, const char *container)
{
    if (!given(text))
        return;
    fs_buf_printf(out, "   <%s>", name);
    if (container)
        fs_buf_printf(out, "<rdf:%s><rdf:li%s>", container,
                      strcmp(container, "Alt") == 0 ? " xml:lang=\"x-default\"" : "");
    put_xml(out, text);
    if (container)
        fs_buf_printf(out, "</rdf:li></rdf:%s>", container);
    fs_buf_printf(out, "</%s>\n", name);
}

/* The XMP packet: the Info dictionary's facts again, as XMP readers (and
 * PDF/UA) want them, with the language. */
static void put_xmp(fs_buf *out, const fs_pdf_facts *facts, const char *producer)
{
    char date[32];
    struct tm when;
    gmtime_r(&facts->created, &when);
    strftime(date, sizeof date, "%Y-%m-%dT%H:%M:%SZ", &when);
    fs_buf_puts(out, "<?xpacket begin=\"\xef\xbb\xbf\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
                     "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
                     " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
                     "  <rdf:Description rdf:about=\"\"\n"
                     "    xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
                     "    xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"\n"
                     "    xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n"
                     "    xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\">\n"
                     "   <dc:format>application/pdf</dc:format>\n");
    put_property(out, "dc:title", facts->title, "Alt");
    put_property(out, "dc:creator", facts->author, "Seq");
    put_property(out, "dc:description", facts->subject, "Alt");
    put_property(out, "dc:language", facts->lang, "Bag");
    put_property(out, "pdf:Keywords", facts->keywords, NULL);
    put_property(out, "pdf:Producer", producer, NULL);
    put_property(out, "xmp:CreatorTool", "factsheet " FS_VERSION, NULL);
    put_property(out, "xmp:CreateDate", date, NULL);
    put_property(out, "xmp:ModifyDate", date, NULL);
    if (facts->conforming)
        put_property(out, "pdfuaid:part", "1", NULL);
    fs_buf_puts(out, "  </rdf:Description>\n"
                     " </rdf:RDF>\n"
                     "</x:xmpmeta>\n"
                     "<?xpacket end=\"w\"?>");
}

static bool bug(const char *path, fs_diags *diags, const char *what)
{
    fs_error(diags, fs_pos_at(path, 0, 0),
             "this is a bug in factsheet: please report it with the layout and data",
             "the PDF cannot be finished: %s", what);
    return false;
}

static bool out_of_memory(const char *path, fs_diags *diags)
{
    fs_error(diags, fs_pos_at(path, 0, 0), NULL, "out of memory");
    return false;
}

/* Writes object's new version into the update; false after reporting. */
static bool changed(fs_pdf_update *u, qpdf_oh object, const char *key, int id, const char *path,
                    fs_diags *diags)
{
    return fs_pdf_update_object(u, object, key, id) ||
           bug(path, diags, "an object to change is not an indirect dictionary");
}

/* The catalog's /Lang, /ViewerPreferences and XMP /Metadata. */
static bool edit_catalog(qpdf_data q, fs_pdf_update *u, const fs_pdf_facts *facts, const char *path,
                         fs_diags *diags)
{
    qpdf_oh root = qpdf_get_root(q);
    if (given(facts->lang))
        qpdf_oh_replace_key(q, root, "/Lang", qpdf_oh_new_unicode_string(q, facts->lang));
    if (given(facts->title))
        qpdf_oh_replace_key(q, root, "/ViewerPreferences",
                            qpdf_oh_parse(q, "<< /DisplayDocTitle true >>"));
    fs_buf xmp = {0};
    put_xmp(&xmp, facts, qpdf_get_info_key(q, "/Producer"));
    if (!fs_buf_ok(&xmp)) {
        fs_buf_free(&xmp);
        return out_of_memory(path, diags);
    }
    int metadata = fs_pdf_update_new_id(u);
    fs_pdf_update_stream(u, metadata, "/Type /Metadata /Subtype /XML", xmp.data, xmp.length, false);
    fs_buf_free(&xmp);
    return changed(u, root, "/Metadata", metadata, path, diags);
}

/* Gives each structure element below element, depth first, its /Alt and
 * /ActualText from facts, and writes those it changes; *next counts them.
 * False when the tree is deeper than factsheet makes, or holds more
 * elements than facts, or an element cannot be written. */
static bool describe_elements(qpdf_data q, fs_pdf_update *u, qpdf_oh element,
                              const fs_pdf_facts *facts, size_t *next, int depth)
{
    if (depth > 256)
        return false;
    if (qpdf_oh_is_array(q, element)) {
        int count = qpdf_oh_get_array_n_items(q, element);
        for (int i = 0; i < count; i++)
            if (!describe_elements(q, u, qpdf_oh_get_array_item(q, element, i), facts, next,
                                   depth + 1))
                return false;
        return true;
    }
    if (!qpdf_oh_is_dictionary_of_type(q, element, "/StructElem", NULL))
        return true; /* a marked-content id or an object reference */
    if (*next >= facts->element_count)
        return false;
    const char *alt = facts->alts[*next], *actual = facts->actuals[*next];
    (*next)++;
    if (alt)
        qpdf_oh_replace_key(q, element, "/Alt", qpdf_oh_new_unicode_string(q, alt));
    if (actual)
        qpdf_oh_replace_key(q, element, "/ActualText", qpdf_oh_new_unicode_string(q, actual));
    if ((alt || actual) && !fs_pdf_update_object(u, element, NULL, 0))
        return false;
    return describe_elements(q, u, qpdf_oh_get_key(q, element, "/K"), facts, next, depth + 1);
}

/* A page's content streams, as one with its unmarked drawing marked as
 * artifacts (fs_pdf_artifacts.h), written as a new stream; *id is its
 * number. False after reporting. */
static bool mark_artifacts(qpdf_data q, fs_pdf_update *u, qpdf_oh page, int *id, const char *path,
                           fs_diags *diags)
{
    unsigned char *content = NULL;
    size_t length = 0;
    if (qpdf_oh_get_page_content_data(q, page, &content, &length) & QPDF_ERRORS)
        return bug(path, diags, "a page's content cannot be read");
    fs_buf marked = {0};
    bool ok = fs_pdf_mark_artifacts(content, length, &marked);
    free(content);
    if (!fs_buf_ok(&marked))
        ok = out_of_memory(path, diags);
    else if (!ok)
        bug(path, diags, "a page's content is not PDF, or its marked content does not nest");
    if (ok) {
        *id = fs_pdf_update_new_id(u);
        fs_pdf_update_stream(u, *id, "", marked.data, marked.length, true);
    }
    fs_buf_free(&marked);
    return ok;
}

/* Gives each link annotation of page its description (/Contents: what a
 * screen reader says of it), in the order drawn, and writes it. False
 * when the page holds more links than there are descriptions. */
static bool describe_links(qpdf_data q, fs_pdf_update *u, qpdf_oh page, const fs_pdf_facts *facts,
                           size_t *next, const char *path, fs_diags *diags)
{
    qpdf_oh annots = qpdf_oh_get_key(q, page, "/Annots");
    int count = qpdf_oh_is_array(q, annots) ? qpdf_oh_get_array_n_items(q, annots) : 0;
    for (int a = 0; a < count; a++) {
        qpdf_oh annot = qpdf_oh_get_array_item(q, annots, a);
        if (!qpdf_oh_is_name_and_equals(q, qpdf_oh_get_key(q, annot, "/Subtype"), "/Link"))
            continue;
        if (*next >= facts->link_count)
            return bug(path, diags, "its links and their descriptions differ in number");
        qpdf_oh_replace_key(q, annot, "/Contents",
                            qpdf_oh_new_unicode_string(q, facts->link_texts[(*next)++]));
        if (!changed(u, annot, NULL, 0, path, diags))
            return false;
    }
    return true;
}

/* The first error or warning qpdf recorded, as a diagnostic; false then. */
static bool clean(qpdf_data q, const char *path, fs_diags *diags)
{
    qpdf_error problem = qpdf_has_error(q) ? qpdf_get_error(q) : NULL;
    if (!problem && qpdf_more_warnings(q))
        problem = qpdf_next_warning(q);
    if (!problem)
        return true;
    fs_error(diags, fs_pos_at(path, 0, 0),
             "this is a bug in factsheet: please report it with the layout and data",
             "the PDF cairo wrote cannot be finished: %s", qpdf_get_error_full_text(q, problem));
    return false;
}

/* The tagged document's edits, into u. */
static bool edit_tagged(qpdf_data q, fs_pdf_update *u, const fs_pdf_facts *facts, const char *path,
                        fs_diags *diags)
{
    qpdf_oh tree = qpdf_oh_get_key(q, qpdf_get_root(q), "/StructTreeRoot");
    if (!qpdf_oh_is_dictionary(q, tree))
        return bug(path, diags, "cairo wrote no structure tree");
    if (!edit_catalog(q, u, facts, path, diags))
        return false;
    size_t elements = 0, links = 0;
    if (!describe_elements(q, u, qpdf_oh_get_key(q, tree, "/K"), facts, &elements, 0) ||
        elements != facts->element_count)
        return bug(path, diags, "its structure elements and paint's differ in number");
    int pages = qpdf_get_num_pages(q);
    for (int i = 0; i < pages; i++) {
        qpdf_oh page = qpdf_get_page_n(q, (size_t)i);
        int content;
        if (!mark_artifacts(q, u, page, &content, path, diags) ||
            !describe_links(q, u, page, facts, &links, path, diags))
            return false;
        /* The tab order of a page with links follows its structure. */
        if (qpdf_oh_has_key(q, page, "/Annots"))
            qpdf_oh_replace_key(q, page, "/Tabs", qpdf_oh_new_name(q, "/S"));
        qpdf_oh_remove_key(q, page, "/Contents");
        if (!changed(u, page, "/Contents", content, path, diags))
            return false;
    }
    if (links != facts->link_count)
        return bug(path, diags, "its links and their descriptions differ in number");
    return true;
}

/* An untagged PDF: the structure tree that cairo needs to write links
 * without damage (fs_pdf_untag) is left out again, with the keys that lead
 * to it. */
static bool drop_structure(qpdf_data q, fs_pdf_update *u, const char *path, fs_diags *diags)
{
    qpdf_oh root = qpdf_get_root(q);
    qpdf_oh_remove_key(q, root, "/StructTreeRoot");
    qpdf_oh_remove_key(q, root, "/MarkInfo");
    if (!changed(u, root, NULL, 0, path, diags))
        return false;
    int pages = qpdf_get_num_pages(q);
    for (int i = 0; i < pages; i++) {
        qpdf_oh page = qpdf_get_page_n(q, (size_t)i);
        qpdf_oh_remove_key(q, page, "/StructParents");
        if (!changed(u, page, NULL, 0, path, diags))
            return false;
        qpdf_oh annots = qpdf_oh_get_key(q, page, "/Annots");
        int count = qpdf_oh_is_array(q, annots) ? qpdf_oh_get_array_n_items(q, annots) : 0;
        for (int a = 0; a < count; a++) {
            qpdf_oh annot = qpdf_oh_get_array_item(q, annots, a);
            qpdf_oh_remove_key(q, annot, "/StructParent");
            if (!changed(u, annot, NULL, 0, path, diags))
                return false;
        }
    }
    return true;
}

/* Reads pdf into q, edits it (facts NULL: takes the structure out) and
 * appends the file with the update to out. */
static bool update(qpdf_data q, const void *pdf, size_t length, const fs_pdf_facts *facts,
                   fs_buf *out, const char *path, fs_diags *diags)
{
    qpdf_read_memory(q, path, pdf, length, NULL);
    if (!clean(q, path, diags))
        return false;
    fs_pdf_update *u = fs_pdf_update_begin(q, pdf, length);
    if (!u)
        return out_of_memory(path, diags);
    bool ok = facts ? edit_tagged(q, u, facts, path, diags) : drop_structure(q, u, path, diags);
    if (!ok || !clean(q, path, diags)) {
        fs_pdf_update_free(u);
        return false;
    }
    size_t before = out->length;
    if (fs_pdf_update_end(u, out))
        return true;
    if (fs_buf_ok(out) && out->length == before)
        return bug(path, diags, "cairo's file has no startxref");
    return out_of_memory(path, diags);
}

static bool run(const void *pdf, size_t length, const fs_pdf_facts *facts, fs_buf *out,
                const char *path, fs_diags *diags)
{
    qpdf_data q = qpdf_init();
    qpdf_silence_errors(q);
    qpdf_set_suppress_warnings(q, QPDF_TRUE);
    bool ok = update(q, pdf, length, facts, out, path, diags);
    qpdf_cleanup(&q);
    return ok;
}

bool fs_pdf_finish(const void *pdf, size_t length, const fs_pdf_facts *facts, fs_buf *out,
                   const char *path, fs_diags *diags)
{
    return run(pdf, length, facts, out, path, diags);
}

bool fs_pdf_untag(const void *pdf, size_t length, fs_buf *out, const char *path, fs_diags *diags)
{
    return run(pdf, length, NULL, out, path, diags);
}
