// Placing logo Form XObjects with libqpdf.
#include "finish/logo_forms.hpp"

#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>

#include <cstdio>
#include <memory>

#include "diag/fatal_error.hpp"

namespace logogrid {
namespace {

std::string number(double v) {
  char text[32];
  std::snprintf(text, sizeof text, "%.4f", v);
  std::string s(text);
  while (!s.empty() && s.back() == '0') s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
  return s == "-0" ? "0" : s;
}

struct ImportedForm {
  QPDFObjectHandle form;
  double width = 0;
  double height = 0;
};

// The fragment's page as a Form XObject. With a single content stream, that stream is
// copied as it is (still deflated) and its dictionary turned into the form's; libqpdf's
// getFormXObjectForPage would inflate and re-deflate every logo's content on each build.
QPDFObjectHandle import_form(QPDF& pdf, QPDF& fragment, QPDFPageObjectHelper& page) {
  QPDFObjectHandle page_object = page.getObjectHandle();
  QPDFObjectHandle contents = page_object.getKey("/Contents");
  if (!contents.isStream() || !contents.isIndirect())
    return pdf.copyForeignObject(page.getFormXObjectForPage());
  QPDFObjectHandle form = pdf.copyForeignObject(contents);
  QPDFObjectHandle dict = form.getDict();
  dict.replaceKey("/Type", QPDFObjectHandle::newName("/XObject"));
  dict.replaceKey("/Subtype", QPDFObjectHandle::newName("/Form"));
  const auto box = page.getMediaBox().getArrayAsRectangle();
  dict.replaceKey("/BBox", QPDFObjectHandle::newFromRectangle(box));
  for (const char* key : {"/Resources", "/Group"}) {
    QPDFObjectHandle value = page_object.getKey(key);
    if (value.isNull()) continue;
    if (!value.isIndirect()) value = fragment.makeIndirectObject(value.shallowCopy());
    dict.replaceKey(key, pdf.copyForeignObject(value));
  }
  return form;
}

}  // namespace

void place_logo_forms(QPDF& pdf, const LogoForms& forms, double margin,
                      std::vector<std::unique_ptr<QPDF>>& keep_alive) {
  if (forms.placements.empty()) return;
  std::vector<ImportedForm> imported(forms.fragments.size());
  auto import = [&](std::size_t index) -> ImportedForm& {
    ImportedForm& entry = imported.at(index);
    if (entry.form.isInitialized()) return entry;
    auto fragment = std::make_unique<QPDF>();
    fragment->setSuppressWarnings(true);
    const std::string& bytes = *forms.fragments[index];
    fragment->processMemoryFile("logo fragment", bytes.data(), bytes.size());
    auto pages = QPDFPageDocumentHelper(*fragment).getAllPages();
    if (pages.size() != 1) throw FatalError("a logo fragment does not have exactly one page");
    const auto box = pages[0].getMediaBox().getArrayAsRectangle();
    entry.width = box.urx - box.llx;
    entry.height = box.ury - box.lly;
    entry.form = import_form(pdf, *fragment, pages[0]);
    keep_alive.push_back(std::move(fragment));
    return entry;
  };

  std::vector<QPDFPageObjectHelper> pages = QPDFPageDocumentHelper(pdf).getAllPages();
  std::vector<std::string> content(pages.size());
  for (const LogoFormPlacement& placed : forms.placements) {
    if (placed.page >= pages.size()) throw FatalError("a logo is placed on a missing page");
    ImportedForm& form = import(placed.form);
    QPDFPageObjectHelper& page = pages[placed.page];
    const auto media = page.getMediaBox().getArrayAsRectangle();
    QPDFObjectHandle resources = page.getObjectHandle().getKey("/Resources");
    if (!resources.isDictionary()) {
      resources = QPDFObjectHandle::newDictionary();
      page.getObjectHandle().replaceKey("/Resources", resources);
    }
    QPDFObjectHandle xobjects = resources.getKey("/XObject");
    if (!xobjects.isDictionary()) {
      xobjects = QPDFObjectHandle::newDictionary();
      resources.replaceKey("/XObject", xobjects);
    }
    const std::string name = "/Logo" + std::to_string(placed.form);
    xobjects.replaceKey(name, form.form);
    const double sx = form.width > 0 ? placed.width / form.width : 1;
    const double sy = form.height > 0 ? placed.height / form.height : 1;
    const double tx = media.llx + margin + placed.x;
    const double ty = media.ury - margin - placed.y - placed.height;
    content[placed.page] += "q " + number(sx) + " 0 0 " + number(sy) + " " + number(tx) + " " +
                            number(ty) + " cm " + name + " Do Q\n";
  }
  for (std::size_t i = 0; i < pages.size(); ++i) {
    if (content[i].empty()) continue;
    pages[i].addPageContents(pdf.newStream(content[i]), true);  // under the page's text
  }
}

}  // namespace logogrid
