// PDF/X-4 structure of a finished file, read back through libqpdf: shared by the unit tests
// (documents written by QPDFWriter) and the CLI tests (builds written by the own writer),
// so both writers are held to the same list. Returns what is wrong, empty when nothing.
#pragma once

#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace logogrid::testing {

inline std::string stream_text(QPDFObjectHandle stream) {
  auto data = stream.getStreamData(qpdf_dl_generalized);
  return std::string(reinterpret_cast<const char*>(data->getBuffer()), data->getSize());
}

// Operators of a content stream, split on white space (cairo writes no inline images).
inline std::vector<std::string> content_words(const std::string& content) {
  std::istringstream in(content);
  std::vector<std::string> words;
  for (std::string w; in >> w;) words.push_back(w);
  return words;
}

inline bool is_rgb_space(QPDFObjectHandle space) {
  if (space.isName()) return space.getName() == "/DeviceRGB";
  if (space.isArray() && space.getArrayNItems() == 2 && space.getArrayItem(0).isName() &&
      space.getArrayItem(0).getName() == "/ICCBased" && space.getArrayItem(1).isStream()) {
    QPDFObjectHandle n = space.getArrayItem(1).getDict().getKey("/N");
    return n.isInteger() && n.getIntValue() == 3;
  }
  return false;
}

struct PdfxExpect {
  bool cmyk = false;        // nothing RGB may remain anywhere
  bool text_only_k = true;  // no RGB colour operator in page content
  std::string condition = "FOGRA39";
};

inline std::vector<std::string> pdfx_problems(const std::string& path, const PdfxExpect& expect) {
  std::vector<std::string> problems;
  auto problem = [&](const std::string& p) { problems.push_back(p); };
  QPDF pdf;
  pdf.setSuppressWarnings(true);
  pdf.processFile(path.c_str());
  if (pdf.getPDFVersion() != "1.6") problem("PDF version " + pdf.getPDFVersion());
  if (pdf.isEncrypted()) problem("encrypted");
  QPDFObjectHandle root = pdf.getRoot();

  // Output intent.
  QPDFObjectHandle intents = root.getKey("/OutputIntents");
  if (!intents.isArray() || intents.getArrayNItems() != 1) {
    problem("not exactly one /OutputIntents entry");
  } else {
    QPDFObjectHandle intent = intents.getArrayItem(0);
    if (intent.getKey("/S").unparse() != "/GTS_PDFX") problem("intent /S is not /GTS_PDFX");
    if (!intent.getKey("/OutputConditionIdentifier").isString() ||
        intent.getKey("/OutputConditionIdentifier").getUTF8Value() != expect.condition)
      problem("OutputConditionIdentifier is not " + expect.condition);
    if (!intent.getKey("/RegistryName").isString() ||
        intent.getKey("/RegistryName").getUTF8Value() != "http://www.color.org")
      problem("RegistryName");
    if (!intent.getKey("/Info").isString()) problem("intent without /Info");
    if (!intent.getKey("/OutputCondition").isString()) problem("intent without /OutputCondition");
    QPDFObjectHandle profile = intent.getKey("/DestOutputProfile");
    if (!profile.isStream()) {
      problem("no /DestOutputProfile stream");
    } else {
      const std::string icc = stream_text(profile);
      if (profile.getDict().getKey("/N").unparse() != "4") problem("profile /N is not 4");
      if (icc.size() < 128 || icc.compare(36, 4, "acsp") != 0 || icc.compare(12, 4, "prtr") != 0 ||
          icc.compare(16, 4, "CMYK") != 0)
        problem("DestOutputProfile is not an output-class CMYK ICC profile");
    }
  }

  // Identification: Info and XMP.
  QPDFObjectHandle info = pdf.getTrailer().getKey("/Info");
  if (info.getKey("/Trapped").unparse() != "/False") problem("Info /Trapped is not /False");
  if (!info.getKey("/GTS_PDFXVersion").isString() ||
      info.getKey("/GTS_PDFXVersion").getUTF8Value() != "PDF/X-4")
    problem("Info /GTS_PDFXVersion");
  QPDFObjectHandle metadata = root.getKey("/Metadata");
  const std::string xmp = metadata.isStream() ? stream_text(metadata) : "";
  for (const char* field :
       {"<pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion>", "<pdf:Trapped>False<",
        "<xmp:MetadataDate>", "<xmpMM:DocumentID>uuid:", "<xmpMM:VersionID>",
        "<xmpMM:RenditionClass>", "<dc:title>", "<xmp:CreatorTool>"})
    if (xmp.find(field) == std::string::npos) problem(std::string("XMP lacks ") + field);

  // Pages: boxes, groups, colour.
  for (QPDFPageObjectHelper& page : QPDFPageDocumentHelper(pdf).getAllPages()) {
    QPDFObjectHandle p = page.getObjectHandle();
    if (!p.getKey("/TrimBox").isArray()) problem("page without /TrimBox");
    if (p.hasKey("/ArtBox")) problem("page with /ArtBox");
    if (expect.text_only_k) {
      std::string content;
      for (QPDFObjectHandle& c : page.getPageContents()) content += stream_text(c) + "\n";
      const auto words = content_words(content);
      for (const auto& w : words)
        if (w == "rg" || w == "RG") problem("page content sets an RGB colour");
    }
  }

  // Every object: transparency groups, transfer functions, DefaultRGB, RGB.
  for (QPDFObjectHandle& object : pdf.getAllObjects()) {
    QPDFObjectHandle dict = object.isStream() ? object.getDict() : object;
    if (!dict.isDictionary()) {
      if (expect.cmyk && is_rgb_space(object)) problem("an RGB colour space object");
      continue;
    }
    const std::string type = dict.getKey("/Type").isName() ? dict.getKey("/Type").getName() : "";
    const std::string subtype =
        dict.getKey("/Subtype").isName() ? dict.getKey("/Subtype").getName() : "";
    if (dict.hasKey("/TR") || dict.hasKey("/TR2")) problem("a transfer function");
    const bool form = object.isStream() && subtype == "/Form";
    QPDFObjectHandle group = dict.getKey("/Group");
    if ((form || type == "/Page") && group.isDictionary() &&
        group.getKey("/CS").unparse() == "/DeviceRGB")
      problem("a transparency group in /DeviceRGB");
    if (expect.cmyk) {
      for (const char* key : {"/ColorSpace", "/CS"})
        if (is_rgb_space(dict.getKey(key))) problem("an RGB colour space in " + type + subtype);
      if (form) {
        for (const auto& w : content_words(stream_text(object)))
          if (w == "rg" || w == "RG") problem("a form sets an RGB colour");
      }
    } else if (form || type == "/Page") {
      QPDFObjectHandle spaces = dict.getKey("/Resources").getKey("/ColorSpace");
      if (!spaces.isDictionary() || !is_rgb_space(spaces.getKey("/DefaultRGB")))
        problem("a " + std::string(form ? "form" : "page") + " without /DefaultRGB (ICCBased)");
    }
  }
  std::set<std::string> unique(problems.begin(), problems.end());
  return {unique.begin(), unique.end()};
}

}  // namespace logogrid::testing
