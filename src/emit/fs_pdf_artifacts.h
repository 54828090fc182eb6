/* Artifacts: page content that no marked-content sequence holds, marked as
 * /Artifact after cairo. cairo 1.16 marks the content of a structure tag it
 * knows (P, H1, Figure, ...) but refuses an "Artifact" tag, and leaves what
 * is drawn outside a tag (bands, rules, running heads) unmarked; PDF/UA
 * wants every piece of content either tagged or an artifact.
 *
 * The content stream is read with qpdf's own tokenizer (a maintained PDF
 * lexer: strings, hex strings, inline images, comments), which only its C++
 * API offers; this module is the one C++ file of factsheet and its
 * interface is C. Why not a small C lexer over cairo's streams: qpdf's
 * tokenizer costs about 0.5 ms on an A5 factsheet's 12 KB of content (1.4 ms
 * on the A4 brief's 29 KB), against a per-document time of about 9 ms, so
 * speed does not call for one; and a lexer of our own would be the PDF
 * parser this project does not write. */
#ifndef FS_PDF_ARTIFACTS_H
#define FS_PDF_ARTIFACTS_H

#include <stdbool.h>
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* factsheet's headers are C: the buffer's functions keep their C names. */
#include "core/fs_buf.h"

/* Appends to out the decoded content stream (content, length) with every
 * run of drawing that stands outside all marked-content sequences wrapped
 * in "/Artifact BMC ... EMC". Every token is kept as it was; a run starts
 * at the operator that begins a path, a text object, an image or a
 * shading, and ends before the next tagged content (a marked-content
 * sequence with an /MCID), before a q or Q (so that it nests with the
 * graphics state), or at the end; other marked content inside it (cairo's
 * /ActualText spans) stays inside it, but for the empty spans cairo writes
 * for soft hyphens and zero-width spaces where no line breaks (they draw
 * nothing), which are left out: a reader copying the text gets each word
 * and URL whole. False when the stream holds a token that is not PDF, when
 * its marked-content operators do not balance, or when out of memory (out
 * is then failed or incomplete). */
bool fs_pdf_mark_artifacts(const unsigned char *content, size_t length, fs_buf *out);

#ifdef __cplusplus
}
#endif

#endif
