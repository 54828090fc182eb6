#include "fs_json.h"

#include <stdio.h>

/* The length of the well-formed UTF-8 character at text, 0 when the bytes
 * there are not one (a message cut inside a character). */
static size_t utf8_length(const unsigned char *text)
{
    unsigned char c = text[0];
    size_t length = c >= 0xF0 && c <= 0xF4 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 && c < 0xE0 ? 2 : 0;
    if (length == 0 || (c == 0xE0 && text[1] < 0xA0) || (c == 0xED && text[1] > 0x9F) ||
        (c == 0xF0 && text[1] < 0x90) || (c == 0xF4 && text[1] > 0x8F))
        return 0;
    for (size_t i = 1; i < length; i++)
        if ((text[i] & 0xC0) != 0x80)
            return 0;
    return length;
}

void fs_json_string(fs_buf *out, const char *text)
{
    if (!text) {
        fs_buf_puts(out, "null");
        return;
    }
    fs_buf_putc(out, '"');
    for (const unsigned char *c = (const unsigned char *)text; *c;) {
        if (*c == '"' || *c == '\\') {
            fs_buf_putc(out, '\\');
            fs_buf_putc(out, (char)*c++);
        } else if (*c < 0x20 || *c == 0x7f) {
            fs_buf_printf(out, "\\u%04X", *c++);
        } else if (*c < 0x80) {
            fs_buf_putc(out, (char)*c++);
        } else {
            size_t length = utf8_length(c);
            if (length) {
                fs_buf_append(out, (const char *)c, length);
                c += length;
            } else {
                fs_buf_puts(out, "\\uFFFD");
                c++;
            }
        }
    }
    fs_buf_putc(out, '"');
}

void fs_json_int_or_null(fs_buf *out, long long value)
{
    if (value > 0)
        fs_buf_printf(out, "%lld", value);
    else
        fs_buf_puts(out, "null");
}

void fs_json_diags(fs_buf *out, const fs_diags *found, size_t from, size_t to, const char *indent)
{
    static const char *const severities[] = {"note", "warning", "error"};
    if (from == to) {
        fs_buf_puts(out, "[]");
        return;
    }
    fs_buf_puts(out, "[\n");
    for (size_t i = from; i < to; i++) {
        const fs_diag *diag = fs_diags_at(found, i);
        fs_buf_printf(out, "%s  {\"severity\": \"%s\", \"kind\": ", indent,
                      severities[diag->severity]);
        fs_json_string(out, diag->kind);
        fs_buf_puts(out, ", \"file\": ");
        fs_json_string(out, diag->pos.file);
        fs_buf_puts(out, ", \"line\": ");
        fs_json_int_or_null(out, diag->pos.line);
        fs_buf_puts(out, ", \"column\": ");
        fs_json_int_or_null(out, diag->pos.column);
        fs_buf_puts(out, ", \"message\": ");
        fs_json_string(out, diag->message);
        fs_buf_puts(out, ", \"hint\": ");
        fs_json_string(out, diag->hint);
        fs_buf_printf(out, "}%s\n", i + 1 < to ? "," : "");
    }
    fs_buf_printf(out, "%s]", indent);
}
