// Form packages and placing logo Form XObjects with libqpdf.
//
// Package: "LGFORM1 <text length>\n" + text + stream data. The text is
// "<width> <height> <object count>\n" then per object "<S|O> <data length> <text length>\n
// <object text>\n"; object 0 is the form. In object texts, a reference to object j is the
// name /_lgref_j. Stream data follows the text in object order.
#include "finish/logo_forms.hpp"

#include <qpdf/Pipeline.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <map>
#include <memory>
#include <sstream>

#include "diag/fatal_error.hpp"

namespace logogrid {
namespace {

constexpr const char* kMagic = "LGFORM1";
constexpr const char* kRefPrefix = "/_lgref_";

std::atomic<std::uint64_t> stream_reads{0};

std::string number(double v) {
  char text[32];
  std::snprintf(text, sizeof text, "%.4f", v);
  std::string s(text);
  while (!s.empty() && s.back() == '0') s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
  return s == "-0" ? "0" : s;
}

// Fragment objects reachable from the form, numbered in the order first met.
class Packer {
 public:
  // A direct copy of `object` with references replaced by placeholder names.
  QPDFObjectHandle convert(QPDFObjectHandle object, bool top) {
    if (!top && object.isIndirect()) return QPDFObjectHandle::newName(kRefPrefix + index(object));
    if (object.isArray()) {
      QPDFObjectHandle copy = QPDFObjectHandle::newArray();
      for (auto& item : object.aitems()) copy.appendItem(convert(item, false));
      return copy;
    }
    if (object.isDictionary()) {
      QPDFObjectHandle copy = QPDFObjectHandle::newDictionary();
      for (auto& [key, value] : object.ditems()) copy.replaceKey(key, convert(value, false));
      return copy;
    }
    if (object.isStream()) throw FatalError("a logo fragment has a direct stream");
    return object.isIndirect() ? object.shallowCopy() : object;
  }

  std::string index(QPDFObjectHandle object) {
    const auto [at, added] = numbers_.emplace(object.getObjGen(), queue_.size());
    if (added) queue_.push_back(object);
    return std::to_string(at->second);
  }

  void add_form(QPDFObjectHandle form_dict, std::string form_data) {
    queue_.push_back(QPDFObjectHandle::newNull());  // slot 0
    texts_.push_back({});
    texts_[0] = {true, convert(form_dict, true).unparseResolved()};
    data_.push_back(std::move(form_data));
  }

  std::string finish(double width, double height) {
    for (std::size_t i = 1; i < queue_.size(); ++i) {
      QPDFObjectHandle object = queue_[i];
      if (object.isStream()) {
        QPDFObjectHandle dict = object.getDict().shallowCopy();
        dict.removeKey("/Length");
        texts_.push_back({true, convert(dict, true).unparseResolved()});
        data_.push_back(raw(object));
      } else {
        texts_.push_back({false, convert(object, true).unparseResolved()});
        data_.emplace_back();
      }
    }
    char size_text[64];
    std::snprintf(size_text, sizeof size_text, "%.17g %.17g", width, height);
    std::string text = std::string(size_text) + " " + std::to_string(texts_.size()) + "\n";
    for (std::size_t i = 0; i < texts_.size(); ++i)
      text += std::string(texts_[i].stream ? "S " : "O ") + std::to_string(data_[i].size()) +
              " " + std::to_string(texts_[i].text.size()) + "\n" + texts_[i].text + "\n";
    std::string package = std::string(kMagic) + " " + std::to_string(text.size()) + "\n" + text;
    for (const std::string& data : data_) package += data;
    return package;
  }

 private:
  static std::string raw(QPDFObjectHandle stream) {
    auto buffer = stream.getRawStreamData();
    if (buffer->getSize() == 0) return {};
    return std::string(reinterpret_cast<const char*>(buffer->getBuffer()), buffer->getSize());
  }

  struct Text {
    bool stream = false;
    std::string text;
  };
  std::map<QPDFObjGen, std::size_t> numbers_;
  std::vector<QPDFObjectHandle> queue_;
  std::vector<Text> texts_;
  std::vector<std::string> data_;
};

// Stream data straight from the package files, read when the output is written.
class FileStreams : public QPDFObjectHandle::StreamDataProvider {
 public:
  struct Range {
    std::size_t file = 0;
    std::uint64_t offset = 0;
    std::uint64_t length = 0;
  };

  std::size_t add_file(const std::string& path) {
    paths_.push_back(path);
    return paths_.size() - 1;
  }
  void add(QPDFObjGen og, Range range) { ranges_[og] = range; }

  void provideStreamData(QPDFObjGen const& og, Pipeline* pipeline) override {
    ++stream_reads;
    const auto found = ranges_.find(og);
    if (found == ranges_.end()) throw FatalError("a logo stream has no data");
    const Range& range = found->second;
    const std::string& path = paths_.at(range.file);
    if (open_ != range.file || file_ == nullptr) {
      if (file_ != nullptr) std::fclose(file_);
      file_ = std::fopen(path.c_str(), "rb");
      open_ = range.file;
      if (file_ == nullptr) throw FatalError("cannot read logo fragment " + path);
    }
    if (std::fseek(file_, static_cast<long>(range.offset), SEEK_SET) != 0)
      throw FatalError("cannot read logo fragment " + path);
    unsigned char buffer[1 << 16];
    std::uint64_t left = range.length;
    while (left > 0) {
      const std::size_t want = left < sizeof buffer ? static_cast<std::size_t>(left) : sizeof buffer;
      const std::size_t got = std::fread(buffer, 1, want, file_);
      if (got != want) throw FatalError("logo fragment " + path + " is shorter than expected");
      pipeline->write(buffer, got);
      left -= got;
    }
    pipeline->finish();
  }

  ~FileStreams() override {
    if (file_ != nullptr) std::fclose(file_);
  }

 private:
  std::vector<std::string> paths_;
  std::map<QPDFObjGen, Range> ranges_;
  std::FILE* file_ = nullptr;
  std::size_t open_ = 0;
};

struct ImportedForm {
  QPDFObjectHandle form;
  double width = 0;
  double height = 0;
};

std::string read_range(std::FILE* file, const std::string& path, std::uint64_t offset,
                       std::size_t length) {
  std::string bytes(length, '\0');
  if (std::fseek(file, static_cast<long>(offset), SEEK_SET) != 0 ||
      std::fread(bytes.data(), 1, length, file) != length)
    throw FatalError("cannot read logo fragment " + path);
  return bytes;
}

// Replaces placeholder names by the imported objects.
QPDFObjectHandle resolve(QPDFObjectHandle object, const std::vector<QPDFObjectHandle>& objects) {
  if (object.isName()) {
    const std::string name = object.getName();
    if (name.rfind(kRefPrefix, 0) != 0) return object;
    const std::size_t j = std::stoul(name.substr(std::string(kRefPrefix).size()));
    if (j >= objects.size()) throw FatalError("a logo fragment refers to a missing object");
    return objects[j];
  }
  if (object.isArray()) {
    const int n = object.getArrayNItems();
    for (int i = 0; i < n; ++i) object.setArrayItem(i, resolve(object.getArrayItem(i), objects));
    return object;
  }
  if (object.isDictionary()) {
    for (const std::string& key : object.getKeys())
      object.replaceKey(key, resolve(object.getKey(key), objects));
    return object;
  }
  return object;
}

ImportedForm import_package(QPDF& pdf, const LogoFormFile& file,
                            const std::shared_ptr<FileStreams>& streams) {
  std::FILE* in = std::fopen(file.path.c_str(), "rb");
  if (in == nullptr) throw FatalError("cannot read logo fragment " + file.path);
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> closer(in, std::fclose);
  const std::string first = read_range(in, file.path, file.offset,
                                       static_cast<std::size_t>(std::min<std::uint64_t>(32, file.length)));
  const std::size_t eol = first.find('\n');
  std::istringstream head(first.substr(0, eol == std::string::npos ? 0 : eol));
  std::string magic;
  std::size_t text_length = 0;
  head >> magic >> text_length;
  if (!head || magic != kMagic || eol + 1 + text_length > file.length)
    throw FatalError("logo fragment " + file.path + " is damaged");
  const std::uint64_t text_at = file.offset + eol + 1;
  const std::string text = read_range(in, file.path, text_at, text_length);
  std::uint64_t data_at = text_at + text_length;

  ImportedForm imported;
  std::size_t count = 0;
  std::size_t at = text.find('\n');
  {
    std::istringstream sizes(text.substr(0, at));
    sizes >> imported.width >> imported.height >> count;
    if (!sizes || count == 0) throw FatalError("logo fragment " + file.path + " is damaged");
  }
  ++at;
  struct Entry {
    bool stream;
    std::uint64_t data_length;
    std::string text;
  };
  std::vector<Entry> entries;
  entries.reserve(count);
  for (std::size_t i = 0; i < count; ++i) {
    const std::size_t end = text.find('\n', at);
    if (end == std::string::npos) throw FatalError("logo fragment " + file.path + " is damaged");
    std::istringstream line(text.substr(at, end - at));
    std::string kind;
    std::uint64_t data_length = 0;
    std::size_t text_size = 0;
    line >> kind >> data_length >> text_size;
    if (!line || end + 1 + text_size > text.size())
      throw FatalError("logo fragment " + file.path + " is damaged");
    entries.push_back({kind == "S", data_length, text.substr(end + 1, text_size)});
    at = end + 1 + text_size + 1;
  }
  const std::size_t file_index = streams->add_file(file.path);
  std::vector<QPDFObjectHandle> objects;
  objects.reserve(count);
  for (const Entry& entry : entries)
    objects.push_back(entry.stream ? pdf.newStream() : QPDFObjectHandle::newReserved(&pdf));
  for (std::size_t i = 0; i < count; ++i) {
    QPDFObjectHandle parsed =
        resolve(QPDFObjectHandle::parse(entries[i].text, "logo fragment"), objects);
    if (entries[i].stream) {
      objects[i].replaceDict(parsed);
      // Each stream holds the provider, so it lives as long as `pdf` needs it.
      objects[i].replaceStreamData(streams, parsed.getKey("/Filter"),
                                   parsed.getKey("/DecodeParms"));
      streams->add(objects[i].getObjGen(), {file_index, data_at, entries[i].data_length});
    } else {
      pdf.replaceReserved(objects[i], parsed);
    }
    data_at += entries[i].data_length;
  }
  if (data_at > file.offset + file.length || !entries[0].stream)
    throw FatalError("logo fragment " + file.path + " is damaged");
  imported.form = objects[0];
  return imported;
}

}  // namespace

std::uint64_t logo_form_stream_reads() { return stream_reads; }

std::string package_logo_form(const std::string& fragment_pdf) {
  QPDF fragment;
  fragment.setSuppressWarnings(true);
  fragment.processMemoryFile("logo fragment", fragment_pdf.data(), fragment_pdf.size());
  auto pages = QPDFPageDocumentHelper(fragment).getAllPages();
  if (pages.size() != 1) throw FatalError("a logo fragment does not have exactly one page");
  QPDFPageObjectHelper& page = pages[0];
  const auto box = page.getMediaBox().getArrayAsRectangle();
  QPDFObjectHandle page_object = page.getObjectHandle();
  QPDFObjectHandle contents = page_object.getKey("/Contents");
  Packer packer;
  // With a single content stream, that stream's data is used as it is (still deflated)
  // and its dictionary turned into the form's; libqpdf's getFormXObjectForPage would
  // inflate and re-deflate it.
  QPDFObjectHandle form = contents.isStream() ? contents : page.getFormXObjectForPage();
  QPDFObjectHandle dict = form.getDict().shallowCopy();
  dict.removeKey("/Length");
  dict.replaceKey("/Type", QPDFObjectHandle::newName("/XObject"));
  dict.replaceKey("/Subtype", QPDFObjectHandle::newName("/Form"));
  dict.replaceKey("/BBox", QPDFObjectHandle::newFromRectangle(box));
  for (const char* key : {"/Resources", "/Group"}) {
    QPDFObjectHandle value = page_object.getKey(key);
    if (value.isNull()) continue;
    if (!value.isIndirect()) value = fragment.makeIndirectObject(value.shallowCopy());
    dict.replaceKey(key, value);
  }
  auto data = form.getRawStreamData();
  packer.add_form(dict, std::string(reinterpret_cast<const char*>(data->getBuffer()),
                                    data->getSize()));
  return packer.finish(box.urx - box.llx, box.ury - box.lly);
}

void place_logo_forms(QPDF& pdf, const LogoForms& forms, double margin) {
  if (forms.placements.empty()) return;
  auto streams = std::make_shared<FileStreams>();
  std::vector<ImportedForm> imported(forms.fragments.size());
  auto import = [&](std::size_t index) -> ImportedForm& {
    ImportedForm& entry = imported.at(index);
    if (!entry.form.isInitialized()) entry = import_package(pdf, forms.fragments[index], streams);
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
