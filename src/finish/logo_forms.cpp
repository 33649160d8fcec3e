// Form packages and placing logo Form XObjects with libqpdf.
//
// Package: "LGFORM1 <text length>\n" + text + stream data. The text is
// "<width> <height> <object count>\n" then per object "<S|O> <data length> <text length>\n
// <object text>\n"; object 0 is the form. In object texts, a reference to object j is the
// name /_lgref_j, and a reference to the document's sRGB colour space (/DefaultRGB) is
// /_lgshared_rgb. Stream data follows the text in object order.
#include "finish/logo_forms.hpp"

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cstring>
#include <functional>
#include <map>
#include <memory>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>
#include <sstream>

#include "cache/sha256.hpp"
#include "codec/deflate.hpp"
#include "diag/fatal_error.hpp"
#include "finish/pdf_dictionary.hpp"

namespace logogrid {
namespace {

constexpr const char* kMagic = "LGFORM1";
constexpr int kOperatorsDeflateLevel = 1;  // see Packer::deflate_if_plain
constexpr const char* kRefPrefix = "/_lgref_";
constexpr const char* kSharedRgb = "/_lgshared_rgb";

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
  // `shared_rgb`: the stand-in for the document's sRGB colour space.
  explicit Packer(QPDFObjGen shared_rgb) : shared_rgb_(shared_rgb) {}

  // A direct copy of `object` with references replaced by placeholder names.
  QPDFObjectHandle convert(QPDFObjectHandle object, bool top) {
    if (!top && object.isIndirect() && object.getObjGen() == shared_rgb_)
      return QPDFObjectHandle::newName(kSharedRgb);
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
    deflate_if_plain(form_dict, form_data);
    texts_[0] = {true, convert(form_dict, true).unparseResolved()};
    data_.push_back(std::move(form_data));
  }

  std::string finish(double width, double height) {
    for (std::size_t i = 1; i < queue_.size(); ++i) {
      QPDFObjectHandle object = queue_[i];
      if (object.isStream()) {
        QPDFObjectHandle dict = object.getDict().shallowCopy();
        dict.removeKey("/Length");
        std::string data = raw(object);
        deflate_if_plain(dict, data);
        texts_.push_back({true, convert(dict, true).unparseResolved()});
        data_.push_back(std::move(data));
      } else {
        texts_.push_back({false, convert(object, true).unparseResolved()});
        data_.emplace_back();
      }
    }
    char size_text[64];
    std::snprintf(size_text, sizeof size_text, "%.17g %.17g", width, height);
    std::string text = std::string(size_text) + " " + std::to_string(texts_.size()) + "\n";
    for (std::size_t i = 0; i < texts_.size(); ++i)
      text += std::string(texts_[i].stream ? "S " : "O ") + std::to_string(data_[i].size()) + " " +
              std::to_string(texts_[i].text.size()) + "\n" + texts_[i].text + "\n";
    std::string package = std::string(kMagic) + " " + std::to_string(text.size()) + "\n" + text;
    for (const std::string& data : data_) package += data;
    return package;
  }

 private:
  // The SVG worker has cairo write its streams unfiltered (svg_worker.hpp): they are
  // deflated here, with codec/deflate, on the thread that packages the fragment. Drawing
  // operators at level 1: on the 42 SVG fragments of the 60-logo bench set (2.76 MB) level
  // 1 took 12 ms for 1.09 MB, level 5 43 ms for 1.00 MB. Images keep codec/deflate's level,
  // where level 1 saves no time and costs 17 %.
  static void deflate_if_plain(QPDFObjectHandle dict, std::string& data) {
    if (data.empty() || dict.hasKey("/Filter") || dict.hasKey("/DecodeParms")) return;
    const bool image = dict.getKey("/Subtype").isNameAndEquals("/Image");
    data = deflate_zlib(data, image ? kDeflateLevel : kOperatorsDeflateLevel);
    dict.replaceKey("/Filter", QPDFObjectHandle::newName("/FlateDecode"));
  }

  static std::string raw(QPDFObjectHandle stream) {
    auto buffer = stream.getRawStreamData();
    if (buffer->getSize() == 0) return {};
    return std::string(reinterpret_cast<const char*>(buffer->getBuffer()), buffer->getSize());
  }

  struct Text {
    bool stream = false;
    std::string text;
  };
  QPDFObjGen shared_rgb_;
  std::map<QPDFObjGen, std::size_t> numbers_;
  std::vector<QPDFObjectHandle> queue_;
  std::vector<Text> texts_;
  std::vector<std::string> data_;
};

// The writer's output: counts bytes and keeps a digest of everything written (SHA-256,
// which nettle computes with the CPU's SHA instructions: about three times MD5's speed
// over the tens of MB a large build writes). A logo package's stream data, which is checked
// against the package's verified SHA-256 as it is copied, enters the digest as that
// checksum instead of being hashed a second time (at 1000 bench logos, 35 MB: 29 ms).
class PdfOut {
 public:
  explicit PdfOut(const std::function<void(const char*, std::size_t)>& sink) : sink_(sink) {}
  void write(const std::string& s) { write(s.data(), s.size()); }
  void write(const char* data, std::size_t size) {
    if (size == 0) return;
    if (!finalised_) digest_.update(data, size);
    sink_(data, size);
    offset_ += size;
  }
  // Bytes the caller checks against `checksum`, which stands for them in the digest (see
  // note_checked).
  void write_checked(const char* data, std::size_t size) {
    sink_(data, size);
    offset_ += size;
  }
  void note_checked(const std::string& checksum) {
    if (!finalised_) digest_.update(checksum.data(), checksum.size());
  }
  std::uint64_t offset() const { return offset_; }
  // The document ID: the first 16 bytes of the digest, as hex.
  std::string id_hex() {
    finalised_ = true;
    return digest_.hex().substr(0, 32);
  }

 private:
  const std::function<void(const char*, std::size_t)>& sink_;
  Sha256 digest_;
  std::uint64_t offset_ = 0;
  bool finalised_ = false;
};

void serialise(QPDFObjectHandle object, const std::map<QPDFObjGen, int>& number_of,
               std::string& text);

// codec/deflate: the output intent's FOGRA39 profile (1.05 MB) alone takes 45 ms with
// zlib's default level, 12 ms with libdeflate's level 5 (782 KB, 2 KB smaller), serially.
bool deflate_bytes(const unsigned char* data, std::size_t size, std::string& out) {
  if (size == 0) return false;
  out = deflate_zlib(std::string_view(reinterpret_cast<const char*>(data), size));
  return true;
}

// Contents of `object` (never a reference to itself).
void serialise_direct(QPDFObjectHandle object, const std::map<QPDFObjGen, int>& number_of,
                      std::string& text) {
  if (object.isArray()) {
    text += "[";
    for (auto& item : object.aitems()) {
      text += " ";
      serialise(item, number_of, text);
    }
    text += " ]";
  } else if (object.isDictionary()) {
    text += "<<";
    for (auto& [key, value] : object.ditems()) {
      if (value.isNull() && !value.isIndirect()) continue;
      text += " " + QPDFObjectHandle::newName(key).unparse() + " ";
      serialise(value, number_of, text);
    }
    text += " >>";
  } else if (object.isIndirect()) {
    text += object.isNull() ? "null" : object.shallowCopy().unparse();
  } else {
    text += object.unparse();
  }
}

void serialise(QPDFObjectHandle object, const std::map<QPDFObjGen, int>& number_of,
               std::string& text) {
  if (object.isIndirect()) {
    const auto found = number_of.find(object.getObjGen());
    text += found == number_of.end() ? std::string("null") : std::to_string(found->second) + " 0 R";
    return;
  }
  serialise_direct(object, number_of, text);
}

struct PackageHead {
  double width = 0, height = 0;
};

struct OpenFile {
  explicit OpenFile(const std::string& path) : file(std::fopen(path.c_str(), "rb")) {
    if (file == nullptr) throw FatalError("cannot read logo fragment " + path);
  }
  ~OpenFile() { std::fclose(file); }
  OpenFile(const OpenFile&) = delete;
  OpenFile& operator=(const OpenFile&) = delete;
  std::FILE* file;
};

std::string read_range(std::FILE* file, const std::string& path, std::uint64_t offset,
                       std::size_t length) {
  std::string bytes(length, '\0');
  if (std::fseek(file, static_cast<long>(offset), SEEK_SET) != 0 ||
      std::fread(bytes.data(), 1, length, file) != length)
    throw FatalError("cannot read logo fragment " + path);
  return bytes;
}

[[noreturn]] void damaged(const LogoFormFile& file) {
  throw FatalError("logo fragment " + file.path + " is damaged");
}

// The package's first line and its text part (both fed to `sha`).
std::string read_text(std::FILE* in, const LogoFormFile& file, std::uint64_t& data_at,
                      Sha256& sha) {
  const std::string first =
      read_range(in, file.path, file.offset,
                 static_cast<std::size_t>(std::min<std::uint64_t>(32, file.length)));
  const std::size_t eol = first.find('\n');
  if (eol == std::string::npos) damaged(file);
  std::istringstream head(first.substr(0, eol));
  std::string magic;
  std::size_t text_length = 0;
  head >> magic >> text_length;
  if (!head || magic != kMagic || eol + 1 + text_length > file.length) damaged(file);
  const std::uint64_t text_at = file.offset + eol + 1;
  data_at = text_at + text_length;
  sha.update(first.data(), eol + 1);
  std::string text = read_range(in, file.path, text_at, text_length);
  sha.update(text.data(), text.size());
  return text;
}

PackageHead read_head(const LogoFormFile& file) {
  OpenFile in(file.path);
  // Only the first two lines are needed: read a little and parse.
  const std::string first =
      read_range(in.file, file.path, file.offset,
                 static_cast<std::size_t>(std::min<std::uint64_t>(128, file.length)));
  std::istringstream lines(first);
  std::string magic;
  std::size_t text_length = 0;
  PackageHead head;
  lines >> magic >> text_length >> head.width >> head.height;
  if (!lines || magic != kMagic) damaged(file);
  return head;
}

std::atomic<std::uint64_t> bytes_copied{0};

// Writes a package's objects: the form as object `form_number`, the others under numbers
// from `next_number`; stream data is copied from the file in blocks.
template <typename SetOffset>
void write_package(PdfOut& out, const LogoFormFile& file, int form_number, int& next_number,
                   int shared_rgb_number, SetOffset&& set_offset) {
  OpenFile in(file.path);
  std::uint64_t data_at = 0;
  // The package was verified when it was found (a cache entry's checksum); the bytes copied
  // are checked again as they go, so a file changed since then never reaches the output.
  Sha256 sha;
  const std::string text = read_text(in.file, file, data_at, sha);
  std::size_t at = text.find('\n');
  std::size_t count = 0;
  {
    std::istringstream sizes(text.substr(0, at));
    double w = 0, h = 0;
    sizes >> w >> h >> count;
    if (!sizes || count == 0) damaged(file);
  }
  ++at;
  struct Entry {
    bool stream;
    std::uint64_t data_length;
    std::size_t text_at, text_size;
  };
  std::vector<Entry> entries;
  entries.reserve(count);
  for (std::size_t i = 0; i < count; ++i) {
    const std::size_t end = text.find('\n', at);
    if (end == std::string::npos) damaged(file);
    std::istringstream line(text.substr(at, end - at));
    std::string kind;
    Entry entry{false, 0, end + 1, 0};
    line >> kind >> entry.data_length >> entry.text_size;
    if (!line || end + 1 + entry.text_size > text.size()) damaged(file);
    entry.stream = kind == "S";
    entries.push_back(entry);
    at = end + 1 + entry.text_size + 1;
  }
  if (!entries[0].stream) damaged(file);
  std::vector<int> numbers(count);
  numbers[0] = form_number;
  for (std::size_t i = 1; i < count; ++i) numbers[i] = next_number++;

  const std::string prefix = kRefPrefix;
  std::string object;
  std::vector<char> buffer(1 << 16);
  for (std::size_t i = 0; i < count; ++i) {
    const Entry& entry = entries[i];
    if (data_at + entry.data_length > file.offset + file.length) damaged(file);
    set_offset(numbers[i]);
    object = std::to_string(numbers[i]) + " 0 obj\n";
    std::size_t from = entry.text_at;
    const std::size_t end = entry.text_at + entry.text_size;
    if (entry.stream) {
      if (text.compare(from, 2, "<<") != 0) damaged(file);
      object += "<< /Length " + std::to_string(entry.data_length);
      from += 2;
    }
    // References: /_lgref_j becomes "<number of j> 0 R", /_lgshared_rgb the document's.
    while (from < end) {
      const std::size_t ref = text.find("/_lg", from);
      if (ref == std::string::npos || ref >= end) {
        object.append(text, from, end - from);
        break;
      }
      object.append(text, from, ref - from);
      if (text.compare(ref, std::strlen(kSharedRgb), kSharedRgb) == 0) {
        if (shared_rgb_number <= 0) damaged(file);
        object += std::to_string(shared_rgb_number) + " 0 R";
        from = ref + std::strlen(kSharedRgb);
        continue;
      }
      if (text.compare(ref, prefix.size(), prefix) != 0) damaged(file);
      std::size_t digits = ref + prefix.size();
      std::size_t j = 0;
      const std::size_t first_digit = digits;
      while (digits < end && text[digits] >= '0' && text[digits] <= '9')
        j = j * 10 + static_cast<std::size_t>(text[digits++] - '0');
      if (digits == first_digit || j >= count) damaged(file);
      object += std::to_string(numbers[j]) + " 0 R";
      from = digits;
    }
    if (entry.stream) {
      object += "\nstream\n";
      out.write(object);
      if (std::fseek(in.file, static_cast<long>(data_at), SEEK_SET) != 0) damaged(file);
      std::uint64_t left = entry.data_length;
      while (left > 0) {
        const std::size_t want =
            left < buffer.size() ? static_cast<std::size_t>(left) : buffer.size();
        if (std::fread(buffer.data(), 1, want, in.file) != want) damaged(file);
        sha.update(buffer.data(), want);
        if (file.checksum.empty())
          out.write(buffer.data(), want);
        else
          out.write_checked(buffer.data(), want);
        left -= want;
      }
      bytes_copied += entry.data_length;
      out.write("\nendstream\nendobj\n");
    } else {
      object += "\nendobj\n";
      out.write(object);
    }
    data_at += entry.data_length;
  }
  if (file.checksum.empty()) return;
  const std::uint64_t end = file.offset + file.length;
  if (data_at > end) damaged(file);
  const std::string rest =
      read_range(in.file, file.path, data_at, static_cast<std::size_t>(end - data_at));
  sha.update(rest.data(), rest.size());
  if (sha.hex() != file.checksum)
    throw FatalError("logo fragment " + file.path +
                     " changed while this build read it (another program wrote to it); run "
                     "the build again");
  out.note_checked(file.checksum);
}

}  // namespace

std::uint64_t logo_form_bytes_copied() { return bytes_copied; }

std::string package_logo_form(const std::string& fragment_pdf, const PrintColour& colour) {
  QPDF fragment;
  fragment.setSuppressWarnings(true);
  fragment.processMemoryFile("logo fragment", fragment_pdf.data(), fragment_pdf.size());
  auto pages = QPDFPageDocumentHelper(fragment).getAllPages();
  if (pages.size() != 1) throw FatalError("a logo fragment does not have exactly one page");
  QPDFPageObjectHelper& page = pages[0];
  const auto box = page.getMediaBox().getArrayAsRectangle();
  QPDFObjectHandle page_object = page.getObjectHandle();
  // A stand-in for the document's sRGB colour space, written as /_lgshared_rgb.
  QPDFObjectHandle shared_rgb = fragment.makeIndirectObject(QPDFObjectHandle::newDictionary());
  if (colour.active()) apply_colour_rules(fragment, page_object, logo_rules(colour, shared_rgb));
  QPDFObjectHandle contents = page_object.getKey("/Contents");
  Packer packer(shared_rgb.getObjGen());
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
  packer.add_form(dict,
                  std::string(reinterpret_cast<const char*>(data->getBuffer()), data->getSize()));
  return packer.finish(box.urx - box.llx, box.ury - box.lly);
}

LogoFormSlots place_logo_forms(QPDF& pdf, const LogoForms& forms, double margin) {
  LogoFormSlots slots;
  if (forms.placements.empty()) return slots;
  struct Slot {
    QPDFObjectHandle object;
    double width = 0, height = 0;
  };
  std::vector<Slot> placed_forms(forms.fragments.size());
  auto slot = [&](std::size_t index) -> Slot& {
    Slot& entry = placed_forms.at(index);
    if (entry.object.isInitialized()) return entry;
    const PackageHead head = read_head(forms.fragments[index]);
    entry.width = head.width;
    entry.height = head.height;
    // A stand-in: write_with_logo_forms writes the form under this object's number.
    // (Not null: libqpdf drops dictionary keys whose value is null.)
    entry.object = pdf.makeIndirectObject(QPDFObjectHandle::newDictionary());
    slots.form_of[entry.object.getObjGen()] = index;
    return entry;
  };

  std::vector<QPDFPageObjectHelper> pages = QPDFPageDocumentHelper(pdf).getAllPages();
  std::vector<std::string> content(pages.size());
  for (const LogoFormPlacement& placed : forms.placements) {
    if (placed.page >= pages.size()) throw FatalError("a logo is placed on a missing page");
    Slot& form = slot(placed.form);
    QPDFPageObjectHelper& page = pages[placed.page];
    const auto media = page.getMediaBox().getArrayAsRectangle();
    QPDFObjectHandle xobjects =
        dictionary_at(dictionary_at(page.getObjectHandle(), "/Resources"), "/XObject");
    const std::string name = "/Logo" + std::to_string(placed.form);
    xobjects.replaceKey(name, form.object);
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
  return slots;
}

void write_with_logo_forms(QPDF& pdf, const LogoForms& forms, const LogoFormSlots& slots,
                           QPDFObjectHandle default_rgb,
                           const std::function<void(const char*, std::size_t)>& sink) {
  // Number every object reachable from the trailer (breadth first: deterministic).
  std::map<QPDFObjGen, int> number_of;
  std::vector<QPDFObjectHandle> order;
  std::vector<QPDFObjectHandle> queue;
  auto visit = [&](QPDFObjectHandle object, auto& self) -> void {
    if (object.isIndirect()) {
      const auto [at, added] = number_of.emplace(object.getObjGen(), 0);
      if (added) {
        order.push_back(object);
        at->second = static_cast<int>(order.size());
        queue.push_back(object);
      }
      return;
    }
    if (object.isArray()) {
      for (auto& item : object.aitems()) self(item, self);
    } else if (object.isDictionary()) {
      for (auto& [key, value] : object.ditems()) self(value, self);
    }
  };
  QPDFObjectHandle trailer = pdf.getTrailer();
  visit(trailer.getKey("/Root"), visit);
  visit(trailer.getKey("/Info"), visit);
  for (std::size_t i = 0; i < queue.size(); ++i) {
    QPDFObjectHandle object = queue[i];
    if (slots.form_of.count(object.getObjGen())) continue;
    if (object.isStream()) {
      for (auto& [key, value] : object.getDict().ditems())
        if (key != "/Length") visit(value, visit);
    } else if (object.isArray() || object.isDictionary()) {
      // Direct contents of an indirect object.
      if (object.isArray())
        for (auto& item : object.aitems()) visit(item, visit);
      else
        for (auto& [key, value] : object.ditems()) visit(value, visit);
    }
  }
  int next_number = static_cast<int>(order.size()) + 1;
  int shared_rgb_number = 0;
  if (default_rgb.isInitialized() && default_rgb.isIndirect()) {
    const auto found = number_of.find(default_rgb.getObjGen());
    if (found != number_of.end()) shared_rgb_number = found->second;
  }

  PdfOut out(sink);
  std::vector<std::uint64_t> offsets(order.size() + 1, 0);
  auto set_offset = [&](int n) {
    if (static_cast<std::size_t>(n) >= offsets.size())
      offsets.resize(static_cast<std::size_t>(n) + 1, 0);
    offsets[static_cast<std::size_t>(n)] = out.offset();
  };
  out.write("%PDF-1.6\n%\xbf\xf7\xa2\xfe\n");
  std::string text;
  for (std::size_t i = 0; i < order.size(); ++i) {
    const int n = static_cast<int>(i) + 1;
    QPDFObjectHandle object = order[i];
    const auto form = slots.form_of.find(object.getObjGen());
    if (form != slots.form_of.end()) {
      write_package(out, forms.fragments.at(form->second), n, next_number, shared_rgb_number,
                    set_offset);
      continue;
    }
    set_offset(n);
    text = std::to_string(n) + " 0 obj\n";
    if (object.isStream()) {
      auto data = object.getRawStreamData();
      QPDFObjectHandle dict = object.getDict();
      // Unfiltered streams (the placing content libqpdf made) are deflated, as QPDFWriter
      // would; XMP metadata stays readable.
      std::string deflated;
      const bool deflate =
          !dict.hasKey("/Filter") && !dict.hasKey("/DecodeParms") &&
          !(dict.getKey("/Type").isName() && dict.getKey("/Type").getName() == "/Metadata") &&
          deflate_bytes(data->getBuffer(), data->getSize(), deflated);
      const std::size_t length = deflate ? deflated.size() : data->getSize();
      text += "<< /Length " + std::to_string(length);
      if (deflate) text += " /Filter /FlateDecode";
      for (auto& [key, value] : dict.ditems()) {
        if (key == "/Length" || (value.isNull() && !value.isIndirect())) continue;
        text += " " + QPDFObjectHandle::newName(key).unparse() + " ";
        serialise(value, number_of, text);
      }
      text += " >>\nstream\n";
      out.write(text);
      if (deflate)
        out.write(deflated);
      else
        out.write(reinterpret_cast<const char*>(data->getBuffer()), data->getSize());
      out.write("\nendstream\nendobj\n");
    } else {
      serialise_direct(object, number_of, text);
      text += "\nendobj\n";
      out.write(text);
    }
  }

  // Cross-reference table and trailer; the ID is the digest of everything before it (see
  // PdfOut).
  const std::uint64_t xref_at = out.offset();
  const std::string id = out.id_hex();
  const std::size_t size = offsets.size();
  text = "xref\n0 " + std::to_string(size) + "\n0000000000 65535 f \n";
  char entry[32];
  for (std::size_t n = 1; n < size; ++n) {
    std::snprintf(entry, sizeof entry, "%010llu 00000 n \n",
                  static_cast<unsigned long long>(offsets[n]));
    text += entry;
  }
  text += "trailer << /Size " + std::to_string(size) + " /Root " +
          std::to_string(number_of.at(trailer.getKey("/Root").getObjGen())) + " 0 R";
  if (trailer.getKey("/Info").isIndirect())
    text += " /Info " + std::to_string(number_of.at(trailer.getKey("/Info").getObjGen())) + " 0 R";
  text += " /ID [<" + id + "><" + id + ">] >>\nstartxref\n" + std::to_string(xref_at) + "\n%%EOF\n";
  out.write(text);
}

}  // namespace logogrid
