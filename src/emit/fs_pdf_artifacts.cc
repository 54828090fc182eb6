// The one C++ file of factsheet: qpdf's content-stream tokenizer is in its
// C++ API only (see fs_pdf_artifacts.h for why it is used).
#define POINTERHOLDER_TRANSITION 4
#include "fs_pdf_artifacts.h"

#include <qpdf/Buffer.hh>
#include <qpdf/BufferInputSource.hh>
#include <qpdf/QPDFTokenizer.hh>

#include <memory>
#include <string>

namespace
{

// Operators that start something a reader draws: a path, a text object,
// an external object (picture, group), a shading, an inline image.
bool begins_content(const std::string &op)
{
    return op == "m" || op == "re" || op == "BT" || op == "Do" || op == "sh" || op == "BI";
}

// Copies the stream to out, adding our marked-content operators between
// its own: bytes are copied in runs, never token by token.
class Marker
{
  public:
    Marker(const unsigned char *content, fs_buf *buffer) : data(content), out(buffer) {}

    // Adds op (on a line of its own) at offset of the stream.
    void insert(qpdf_offset_t offset, const char *op)
    {
        copy_to(offset);
        fs_buf_puts(out, op);
    }

    void copy_to(qpdf_offset_t offset)
    {
        fs_buf_append(out, reinterpret_cast<const char *>(data) + copied,
                      static_cast<size_t>(offset - copied));
        copied = offset;
    }

    // Leaves out the stream's bytes from offset to end.
    void drop(qpdf_offset_t offset, qpdf_offset_t end)
    {
        copy_to(offset);
        copied = end;
    }

  private:
    const unsigned char *data;
    fs_buf *out;
    qpdf_offset_t copied = 0;
};

// Whether a string of the stream is, in UTF-16BE with its byte order mark,
// nothing but characters that print nothing where no line breaks at them:
// the soft hyphens of fs_hyphen (U+00AD) and the zero-width spaces of a
// URL's breaks (U+200B).
bool prints_nothing(const std::string &text)
{
    if (text.size() < 4 || text.size() % 2 || text.compare(0, 2, "\xfe\xff") != 0)
        return false;
    for (size_t i = 2; i < text.size(); i += 2)
        if (text.compare(i, 2, "\x20\x0b") != 0 &&
            text.compare(i, 2, std::string("\x00\xad", 2)) != 0)
            return false;
    return true;
}

} // namespace

extern "C" bool fs_pdf_mark_artifacts(const unsigned char *content, size_t length, fs_buf *out)
{
    try {
        Buffer buffer(const_cast<unsigned char *>(content), length);
        auto input = std::make_shared<BufferInputSource>("content", &buffer);
        QPDFTokenizer tokenizer;
        tokenizer.allowEOF();
        Marker marker(content, out);
        const std::string context = "factsheet content";
        // The stream's marked-content sequences open (not ours); whether
        // our artifact is open; where the operands of the next operator
        // start (after the last operator); whether they give an /MCID.
        int depth = 0;
        bool in_artifact = false, failed = false, mcid = false;
        qpdf_offset_t operands = 0;
        // cairo writes "/Span << /ActualText <feff00ad> >> BDC EMC" for a
        // character that draws no glyph: a soft hyphen where the line does
        // not break (1,820 of them in the French guide), a zero-width space
        // of a URL. A reader copying the text would put it into the word or
        // the URL it copies, and every page would carry the spans: such a
        // span is left out. span is where its operands start while it is
        // open, else -1; operand_count counts the tokens since the last
        // operator.
        qpdf_offset_t span = -1;
        bool nothing_text = false;
        int operand_count = 0;
        for (;;) {
            QPDFTokenizer::Token token = tokenizer.readToken(input, context, true);
            QPDFTokenizer::token_type_e type = token.getType();
            if (type == QPDFTokenizer::tt_eof)
                break;
            if (type == QPDFTokenizer::tt_bad)
                failed = true;
            if (type == QPDFTokenizer::tt_name && token.getValue() == "/MCID")
                mcid = true;
            if (type == QPDFTokenizer::tt_string && prints_nothing(token.getValue()))
                nothing_text = true;
            if (type != QPDFTokenizer::tt_word) {
                operand_count++;
                continue;
            }
            const std::string &op = token.getValue();
            if (op == "EMC" && span >= 0 && operand_count == 0)
                marker.drop(span, input->tell());
            // "/Span << /ActualText <...> >>": five tokens.
            span = op == "BDC" && nothing_text && operand_count == 5 ? operands : -1;
            nothing_text = false;
            operand_count = 0;
            if (op == "BDC" || op == "BMC") {
                // Tagged content ends the artifact; other marked content
                // (the spans with an /ActualText cairo writes for a
                // ligature) is part of what holds it.
                if (depth == 0 && mcid && in_artifact) {
                    marker.insert(operands, "\nEMC\n");
                    in_artifact = false;
                }
                depth++;
            } else if (op == "EMC") {
                if (depth == 0)
                    failed = true;
                else
                    depth--;
            } else if (op == "q" || op == "Q") {
                if (depth == 0 && in_artifact) {
                    marker.insert(operands, "\nEMC\n");
                    in_artifact = false;
                }
            } else if (depth == 0 && !in_artifact && begins_content(op)) {
                marker.insert(operands, "\n/Artifact BMC\n");
                in_artifact = true;
            }
            operands = input->tell();
            mcid = false;
            if (op == "ID") {
                // An inline image's data, read as one token, after the one
                // white-space character that ends ID.
                char space;
                input->read(&space, 1);
                tokenizer.expectInlineImage(input);
            }
        }
        marker.copy_to(static_cast<qpdf_offset_t>(length));
        if (in_artifact)
            fs_buf_puts(out, "\nEMC\n");
        return !failed && depth == 0 && fs_buf_ok(out);
    } catch (...) {
        // qpdf reports what it cannot read by throwing; so does new.
        return false;
    }
}
