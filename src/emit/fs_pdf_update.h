/* An incremental update of a PDF (ISO 32000-1, 7.5.6): the objects edited
 * in libqpdf's copy of the file, and new streams, written after the file's
 * own bytes, with a cross-reference section of their own and a trailer that
 * points back at the file's. Every object is serialised by qpdf; this
 * module writes only the framing around them (object headers, stream
 * lengths, the cross-reference entries).
 *
 * Why not qpdf's writer: it rewrites the whole file, reading every object
 * first. On an A5 factsheet that costs about 9 million instructions
 * (callgrind, 20 documents: 4.5 million to read every object, 4.8 million
 * to write them), against about 33 million for rendering the document, a
 * third of it; the update writes the few objects that change. */
#ifndef FS_PDF_UPDATE_H
#define FS_PDF_UPDATE_H

#include <qpdf/qpdf-c.h>
#include <stdbool.h>
#include <stddef.h>

#include "core/fs_buf.h"

typedef struct fs_pdf_update fs_pdf_update;

/* Starts an update of the file (pdf, length) that q read; the bytes must
 * stay valid until fs_pdf_update_end. NULL when out of memory. */
fs_pdf_update *fs_pdf_update_begin(qpdf_data q, const void *pdf, size_t length);

/* The number of a new object, for a reference to it; write it with
 * fs_pdf_update_stream. */
int fs_pdf_update_new_id(fs_pdf_update *u);

/* Writes object (an indirect dictionary of q, with its edits) as the
 * object's new version; with key given, adds "key id 0 R" to it (a
 * reference to a new object, which qpdf's C API cannot make without
 * reading every object of the file). Each object once. False when object
 * is not an indirect dictionary. */
bool fs_pdf_update_object(fs_pdf_update *u, qpdf_oh object, const char *key, int id);

/* Writes a new stream object id: its dictionary holds entries (such as
 * "/Type /Metadata /Subtype /XML", or "") and its length; compressed
 * (/FlateDecode, with zlib) when compress is true. */
void fs_pdf_update_stream(fs_pdf_update *u, int id, const char *entries, const void *data,
                          size_t length, bool compress);

/* Appends the file with the update (its objects, cross-reference section
 * and trailer) to out and frees u. False when the file's own trailer
 * cannot be found (its last startxref), when compressing failed or when out
 * of memory; out is then marked failed or left as it was. */
bool fs_pdf_update_end(fs_pdf_update *u, fs_buf *out);

/* Frees an update not ended (after an error). */
void fs_pdf_update_free(fs_pdf_update *u);

#endif
