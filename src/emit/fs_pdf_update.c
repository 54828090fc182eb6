#include "fs_pdf_update.h"

#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "core/fs_alloc.h"

typedef struct {
    int id, generation;
    size_t offset; /* in the whole file */
} entry;

struct fs_pdf_update {
    qpdf_data q;
    const char *pdf;
    size_t length;
    fs_buf body; /* the update's objects, to go after the file's bytes */
    int next_id; /* the trailer's /Size, then one more per new object */
    entry *entries;
    size_t count, capacity;
    bool failed;
};

fs_pdf_update *fs_pdf_update_begin(qpdf_data q, const void *pdf, size_t length)
{
    fs_pdf_update *u = fs_calloc(1, sizeof *u);
    if (!u)
        return NULL;
    u->q = q;
    u->pdf = pdf;
    u->length = length;
    u->next_id = qpdf_oh_get_int_value_as_int(q, qpdf_oh_get_key(q, qpdf_get_trailer(q), "/Size"));
    return u;
}

int fs_pdf_update_new_id(fs_pdf_update *u)
{
    return u->next_id++;
}

/* Records where object id starts: here, in the update's body. */
static void add_entry(fs_pdf_update *u, int id, int generation)
{
    if (u->count == u->capacity) {
        size_t grown = u->capacity ? u->capacity * 2 : 32;
        entry *bigger = fs_realloc(u->entries, grown * sizeof *bigger);
        if (!bigger) {
            u->failed = true;
            return;
        }
        u->entries = bigger;
        u->capacity = grown;
    }
    u->entries[u->count++] = (entry){id, generation, u->length + u->body.length};
}

bool fs_pdf_update_object(fs_pdf_update *u, qpdf_oh object, const char *key, int id)
{
    qpdf_data q = u->q;
    if (!qpdf_oh_is_indirect(q, object) || !qpdf_oh_is_dictionary(q, object))
        return false;
    const char *dict = qpdf_oh_unparse_resolved(q, object);
    size_t length = strlen(dict);
    if (length < 4 || strcmp(dict + length - 2, ">>") != 0)
        return false;
    int number = qpdf_oh_get_object_id(q, object), generation = qpdf_oh_get_generation(q, object);
    add_entry(u, number, generation);
    fs_buf_printf(&u->body, "%d %d obj\n", number, generation);
    if (key) {
        /* qpdf writes a dictionary as "<< ... >>": the key goes before its end. */
        fs_buf_append(&u->body, dict, length - 2);
        fs_buf_printf(&u->body, "%s %d 0 R >>", key, id);
    } else {
        fs_buf_append(&u->body, dict, length);
    }
    fs_buf_puts(&u->body, "\nendobj\n");
    return true;
}

void fs_pdf_update_stream(fs_pdf_update *u, int id, const char *entries, const void *data,
                          size_t length, bool compress)
{
    unsigned char *packed = NULL;
    uLongf packed_length = 0;
    if (compress) {
        packed_length = compressBound((uLong)length);
        packed = fs_malloc(packed_length ? packed_length : 1);
        if (!packed ||
            compress2(packed, &packed_length, data, (uLong)length, Z_DEFAULT_COMPRESSION) != Z_OK) {
            free(packed);
            u->failed = true;
            return;
        }
        data = packed;
        length = packed_length;
    }
    add_entry(u, id, 0);
    fs_buf_printf(&u->body, "%d 0 obj\n<< %s%s/Length %zu >>\nstream\n", id, entries,
                  compress   ? " /Filter /FlateDecode "
                  : *entries ? " "
                             : "",
                  length);
    fs_buf_append(&u->body, data, length);
    fs_buf_puts(&u->body, "\nendstream\nendobj\n");
    free(packed);
}

/* The offset of the file's last cross-reference section: the number after
 * its last "startxref", within its last kilobyte. -1 when there is none. */
static long long previous_xref(const char *pdf, size_t length)
{
    size_t from = length > 1024 ? length - 1024 : 0;
    const char *found = NULL;
    for (size_t i = from; i + 9 <= length; i++)
        if (memcmp(pdf + i, "startxref", 9) == 0)
            found = pdf + i + 9;
    if (!found)
        return -1;
    long long offset = 0;
    const char *end = pdf + length;
    while (found < end && (*found == '\r' || *found == '\n' || *found == ' '))
        found++;
    if (found == end || *found < '0' || *found > '9')
        return -1;
    while (found < end && *found >= '0' && *found <= '9')
        offset = offset * 10 + (*found++ - '0');
    return offset;
}

/* The trailer's entry for key (its unparsed value), when it has one. */
static void put_trailer_key(fs_buf *out, qpdf_data q, const char *key)
{
    qpdf_oh trailer = qpdf_get_trailer(q);
    if (qpdf_oh_has_key(q, trailer, key))
        fs_buf_printf(out, " %s %s", key, qpdf_oh_unparse(q, qpdf_oh_get_key(q, trailer, key)));
}

bool fs_pdf_update_end(fs_pdf_update *u, fs_buf *out)
{
    long long previous = previous_xref(u->pdf, u->length);
    bool ok = previous >= 0 && !u->failed && fs_buf_ok(&u->body);
    if (ok) {
        fs_buf_append(out, u->pdf, u->length);
        fs_buf_append(out, u->body.data, u->body.length);
        size_t xref = u->length + u->body.length;
        /* One subsection per object: the numbers are not in a row. */
        fs_buf_puts(out, "xref\n");
        for (size_t i = 0; i < u->count; i++)
            fs_buf_printf(out, "%d 1\n%010zu %05d n \n", u->entries[i].id, u->entries[i].offset,
                          u->entries[i].generation);
        fs_buf_printf(out, "trailer\n<< /Size %d", u->next_id);
        put_trailer_key(out, u->q, "/Root");
        put_trailer_key(out, u->q, "/Info");
        put_trailer_key(out, u->q, "/ID");
        fs_buf_printf(out, " /Prev %lld >>\nstartxref\n%zu\n%%%%EOF\n", previous, xref);
    }
    fs_pdf_update_free(u);
    return ok && fs_buf_ok(out);
}

void fs_pdf_update_free(fs_pdf_update *u)
{
    if (!u)
        return;
    fs_buf_free(&u->body);
    free(u->entries);
    free(u);
}
