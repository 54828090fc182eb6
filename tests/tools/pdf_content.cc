// pdf_content FILE.pdf: the content rules of tests/pdf/check-pdf, read with
// qpdf's content-stream parser (its C++ API: the C API has none), which is
// not the tokenizer factsheet's own finishing step uses. Prints one line per
// failure, nothing when the file passes; exit 2 when it cannot be read.
//   01-005  drawing (text, path, picture, shading) that is neither in tagged
//           content (a marked-content sequence with an /MCID) nor an artifact
//   01-003  an artifact inside tagged content
//   01-004  tagged content inside an artifact
//   tagged: an /MCID used twice on a page, or not in the page's entry of the
//           structure tree's /ParentTree (the element that holds it)
// Other marked content (cairo's /ActualText spans) counts as neither.
#define POINTERHOLDER_TRANSITION 4
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFNumberTreeObjectHelper.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>

#include <cstdio>
#include <set>
#include <string>
#include <vector>

namespace
{

enum class Kind { tagged, artifact, other };

class ContentRules : public QPDFObjectHandle::ParserCallbacks
{
  public:
    std::set<std::string> failures;
    std::vector<long long> mcids;

    explicit ContentRules(int page_number) : page(std::to_string(page_number)) {}

    void handleObject(QPDFObjectHandle object) override
    {
        if (!object.isOperator() && !object.isInlineImage()) {
            operands.push_back(object);
            return;
        }
        std::string op = object.isInlineImage() ? "BI" : object.getOperatorValue();
        if (op == "BMC" || op == "BDC")
            begin(op);
        else if (op == "EMC" && !open.empty())
            open.pop_back();
        else if (draws(op) && !inside(Kind::tagged) && !inside(Kind::artifact))
            failures.insert("01-005 content neither tagged nor an artifact on page " + page);
        operands.clear();
    }

    void handleEOF() override {}

  private:
    std::string page;
    std::vector<QPDFObjectHandle> operands;
    std::vector<Kind> open;

    static bool draws(const std::string &op)
    {
        static const std::set<std::string> drawing = {"Tj", "TJ", "'",  "\"", "S",  "s",
                                                      "f",  "F",  "f*", "B",  "B*", "b",
                                                      "b*", "Do", "sh", "BI"};
        return drawing.count(op) > 0;
    }

    bool inside(Kind kind) const
    {
        for (Kind k : open)
            if (k == kind)
                return true;
        return false;
    }

    void begin(const std::string &op)
    {
        Kind kind = Kind::other;
        if (!operands.empty() && operands[0].isName() && operands[0].getName() == "/Artifact")
            kind = Kind::artifact;
        else if (op == "BDC" && operands.size() == 2 && operands[1].isDictionary() &&
                 operands[1].getKey("/MCID").isInteger()) {
            kind = Kind::tagged;
            mcids.push_back(operands[1].getKey("/MCID").getIntValue());
        }
        if (kind == Kind::artifact && inside(Kind::tagged))
            failures.insert("01-003 an artifact inside tagged content on page " + page);
        if (kind == Kind::tagged && inside(Kind::artifact))
            failures.insert("01-004 tagged content inside an artifact on page " + page);
        open.push_back(kind);
    }
};

} // namespace

int main(int argc, char **argv)
{
    if (argc != 2) {
        std::fprintf(stderr, "usage: pdf_content FILE.pdf\n");
        return 2;
    }
    try {
        QPDF pdf;
        pdf.processFile(argv[1]);
        QPDFObjectHandle tree = pdf.getRoot().getKey("/StructTreeRoot");
        std::set<std::string> failures;
        int number = 0;
        for (auto &page : QPDFPageDocumentHelper(pdf).getAllPages()) {
            ContentRules rules(++number);
            page.parseContents(&rules);
            failures.insert(rules.failures.begin(), rules.failures.end());
            // Each MCID once on its page, and held by an element.
            std::set<long long> seen;
            QPDFObjectHandle parents;
            QPDFObjectHandle key = page.getObjectHandle().getKey("/StructParents");
            if (tree.isDictionary() && key.isInteger())
                QPDFNumberTreeObjectHelper(tree.getKey("/ParentTree"), pdf)
                    .findObject(key.getIntValue(), parents);
            for (long long mcid : rules.mcids) {
                std::string where = " on page " + std::to_string(number);
                if (!seen.insert(mcid).second)
                    failures.insert("tagged: MCID " + std::to_string(mcid) + " used twice" + where);
                if (!parents.isArray() || mcid < 0 || mcid >= parents.getArrayNItems() ||
                    !parents.getArrayItem(static_cast<int>(mcid)).isDictionary())
                    failures.insert("tagged: MCID " + std::to_string(mcid) +
                                    " is held by no element" + where);
            }
        }
        for (const auto &failure : failures)
            std::printf("%s\n", failure.c_str());
    } catch (std::exception &e) {
        std::fprintf(stderr, "pdf_content: %s\n", e.what());
        return 2;
    }
    return 0;
}
