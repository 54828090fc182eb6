/* Finish a PDF: what cairo 1.16 cannot write, added to the bytes it wrote,
 * with libqpdf (a maintained PDF library: it reads the file, lets the
 * catalog and objects be edited, and writes it again with a clean cross-
 * reference table). Run on the whole file in memory, before it is written
 * out, so a failure leaves no file behind.
 *
 * Why a rewrite rather than an incremental update appended to cairo's
 * bytes: qpdf reads, edits and rewrites the A4 brief in about 1.3 ms and
 * an A5 factsheet in about 1 ms (against about 9 ms to render one), and an
 * update of our own would have to find and re-serialise the objects it
 * changes, which is the PDF writer this project does not want to own. */
#ifndef FS_PDF_FINISH_H
#define FS_PDF_FINISH_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "core/fs_buf.h"
#include "core/fs_diag.h"

/* What the finished PDF says about itself, and what paint knows of its
 * structure. Strings are UTF-8; NULL or "" for none. */
typedef struct {
    const char *lang; /* the document's language, a BCP 47 tag ("en", "fr-CA") */
    const char *title, *author, *subject, *keywords;
    time_t created; /* the creation and modification date of the XMP metadata */
    /* Per structure element, in the order paint began them (the tree's
     * order, depth first, from the Document): its /Alt (what a Figure
     * shows) and its /ActualText (what an element drawn in pieces says),
     * NULL for none. */
    const char *const *alts;
    const char *const *actuals;
    size_t element_count;
    /* One description per link, in the order paint drew them: what a screen
     * reader says of the link (its words). */
    const char *const *link_texts;
    size_t link_count;
    /* Every condition of PDF/UA-1 that factsheet checks holds: the XMP then
     * says the file conforms (pdfuaid:part 1). */
    bool conforming;
} fs_pdf_facts;

/* Appends to out the tagged PDF (pdf, length) that cairo wrote, finished:
 * - the catalog gets /Lang, an XMP /Metadata stream (title, author,
 *   subject, keywords, language, dates, producer, and the PDF/UA
 *   identifier when facts->conforming) and, with a title,
 *   /ViewerPreferences << /DisplayDocTitle true >>;
 * - each element of the structure tree gets its /Alt and /ActualText;
 * - each page's drawing that no structure tag holds is marked /Artifact
 *   (fs_pdf_artifacts.h), so that every piece of content is one or the
 *   other;
 * - each link annotation gets its /Contents, and a page with links
 *   /Tabs /S (the tab order follows the structure).
 * The same input gives the same bytes. False with an error at path
 * appended when qpdf cannot read the file or warns about it (either means
 * cairo's output was damaged), when the elements or links do not match
 * facts, or when out of memory; nothing is appended to out then. */
bool fs_pdf_finish(const void *pdf, size_t length, const fs_pdf_facts *facts, fs_buf *out,
                   const char *path, fs_diags *diags);

/* Appends to out the PDF that cairo wrote without its structure tree, for
 * an untagged document. cairo 1.16 damages a file with links drawn outside
 * any structure tag (its cross-reference table names an object it never
 * writes: "object 4 0 missing"), so paint draws the links of an untagged
 * document inside a Document tag, and this takes that tree out again: the
 * catalog's /StructTreeRoot and /MarkInfo, and the /StructParent(s) keys of
 * pages and annotations. Errors as fs_pdf_finish. */
bool fs_pdf_untag(const void *pdf, size_t length, fs_buf *out, const char *path, fs_diags *diags);

#endif
