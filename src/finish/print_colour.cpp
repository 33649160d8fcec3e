// Colour rules over a PDF's object graph with libqpdf: content streams through a token
// filter, images row by row through lcms2, shadings and functions by their colours.
#include "finish/print_colour.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <qpdf/Pipeline.hh>
#include <qpdf/Pl_Flate.hh>
#include <qpdf/Pl_String.hh>
#include <qpdf/QPDFPageObjectHelper.hh>
#include <utility>
#include <vector>

#include "codec/deflate.hpp"
#include "color/cmyk_transform.hpp"
#include "diag/fatal_error.hpp"

namespace logogrid {
namespace {

enum class Role { print, mask };  // mask: inside a luminosity soft mask (not printed)

QPDFObjectHandle name(const char* n) { return QPDFObjectHandle::newName(n); }

std::string number(double v) {
  char text[32];
  std::snprintf(text, sizeof text, "%.4f", v);
  std::string s(text);
  while (s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  return s == "-0" ? "0" : s;
}

// Luminosity of an RGB colour (the NTSC weights PDF blending uses for non-separable modes).
double luminosity(double r, double g, double b) { return 0.30 * r + 0.59 * g + 0.11 * b; }

bool is_name(QPDFObjectHandle o, const char* n) { return o.isName() && o.getName() == n; }

// Number of components of an RGB colour space we convert, with its ICC profile: DeviceRGB
// and ICCBased with /N 3 (→ 3) or /N 1 (→ 1). 0 for anything that needs no conversion.
int rgb_like(QPDFObjectHandle space, std::string* icc) {
  if (is_name(space, "/DeviceRGB") || is_name(space, "/CalRGB")) return 3;
  if (space.isArray() && space.getArrayNItems() >= 1) {
    QPDFObjectHandle family = space.getArrayItem(0);
    if (is_name(family, "/CalRGB")) return 3;
    if (is_name(family, "/ICCBased") && space.getArrayNItems() == 2 &&
        space.getArrayItem(1).isStream()) {
      QPDFObjectHandle stream = space.getArrayItem(1);
      QPDFObjectHandle n = stream.getDict().getKey("/N");
      const long long components = n.isInteger() ? n.getIntValue() : 0;
      if (components != 1 && components != 3) return 0;
      if (icc != nullptr) {
        auto data = stream.getStreamData(qpdf_dl_generalized);
        icc->assign(reinterpret_cast<const char*>(data->getBuffer()), data->getSize());
      }
      return static_cast<int>(components);
    }
  }
  return 0;
}

// Colour operators of one content stream, rewritten per the rules; operands are buffered
// until their operator is seen.
class ColourFilter : public QPDFObjectHandle::TokenFilter {
 public:
  ColourFilter(const ColourRules& rules, Role role) : rules_(rules), role_(role) {}
  bool uses_rgb() const { return uses_rgb_; }

  void handleToken(QPDFTokenizer::Token const& token) override {
    using T = QPDFTokenizer;
    switch (token.getType()) {
      case T::tt_word:
        operation(token);
        return;
      case T::tt_space:
      case T::tt_comment:
        if (operands_.empty())
          writeToken(token);
        else
          operands_.push_back(token);
        return;
      case T::tt_inline_image:
        flush();
        writeToken(token);
        return;
      default:
        operands_.push_back(token);
    }
  }
  void handleEOF() override { flush(); }

 private:
  struct State {
    bool fill_rgb = false;
    bool stroke_rgb = false;
  };

  void flush() {
    for (const auto& t : operands_) writeToken(t);
    operands_.clear();
  }

  std::vector<double> numbers() const {
    std::vector<double> values;
    for (const auto& t : operands_) {
      const auto type = t.getType();
      if (type == QPDFTokenizer::tt_integer || type == QPDFTokenizer::tt_real)
        values.push_back(std::strtod(t.getValue().c_str(), nullptr));
      else if (type != QPDFTokenizer::tt_space && type != QPDFTokenizer::tt_comment)
        return {};  // a name (pattern) or anything else: not a plain colour
    }
    return values;
  }

  std::string last_name() const {
    for (auto t = operands_.rbegin(); t != operands_.rend(); ++t)
      if (t->getType() == QPDFTokenizer::tt_name) return t->getValue();
    return {};
  }

  // Writes the replacement for an RGB colour set by `fill` or stroke.
  bool rgb_colour(bool fill) {
    const std::vector<double> c = numbers();
    if (c.size() != 3) return false;
    if (role_ == Role::mask) {
      if (!rules_.to_cmyk) return false;
      write(number(luminosity(c[0], c[1], c[2])) + (fill ? " g" : " G"));
      return true;
    }
    const bool black = c[0] == 0 && c[1] == 0 && c[2] == 0;
    if (black && rules_.black_to_k) {
      write(fill ? "0 0 0 1 k" : "0 0 0 1 K");
      return true;
    }
    if (!rules_.to_cmyk) return false;
    const auto k = srgb_to_cmyk(*rules_.intent, c[0], c[1], c[2], rules_.black_to_k);
    write(number(k[0]) + " " + number(k[1]) + " " + number(k[2]) + " " + number(k[3]) +
          (fill ? " k" : " K"));
    return true;
  }

  void operation(QPDFTokenizer::Token const& token) {
    const std::string op = token.getValue();
    State& state = stack_.back();
    bool done = false;
    if (op == "q") {
      stack_.push_back(state);
    } else if (op == "Q") {
      if (stack_.size() > 1) stack_.pop_back();
    } else if (op == "rg" || op == "RG") {
      done = rgb_colour(op == "rg");
      if (!done) uses_rgb_ = true;
    } else if (op == "cs" || op == "CS") {
      const bool rgb = last_name() == "/DeviceRGB";
      (op == "cs" ? state.fill_rgb : state.stroke_rgb) = rgb;
      if (rgb && rules_.to_cmyk) {
        write(role_ == Role::mask ? "/DeviceGray " : "/DeviceCMYK ");
        write(op);
        done = true;
      } else if (rgb) {
        uses_rgb_ = true;
      }
    } else if (op == "sc" || op == "scn" || op == "SC" || op == "SCN") {
      const bool fill = op == "sc" || op == "scn";
      if ((fill ? state.fill_rgb : state.stroke_rgb) && rules_.to_cmyk) {
        const std::vector<double> c = numbers();
        if (c.size() != 3) throw FatalError("a DeviceRGB colour without three components");
        if (role_ == Role::mask) {
          write(number(luminosity(c[0], c[1], c[2])) + " " + op);
        } else {
          const auto k = srgb_to_cmyk(*rules_.intent, c[0], c[1], c[2], rules_.black_to_k);
          write(number(k[0]) + " " + number(k[1]) + " " + number(k[2]) + " " + number(k[3]) + " " +
                op);
        }
        done = true;
      }
    } else if (op == "ID") {
      // Inline images: cairo never writes RGB ones; refuse to leave one RGB in cmyk mode.
      for (const auto& t : operands_) {
        if (t.getType() == QPDFTokenizer::tt_name &&
            (t.getValue() == "/RGB" || t.getValue() == "/DeviceRGB")) {
          if (rules_.to_cmyk) throw FatalError("an inline RGB image cannot be converted to CMYK");
          uses_rgb_ = true;
        }
      }
    }
    if (done) {
      operands_.clear();
      return;
    }
    flush();
    writeToken(token);
  }

  const ColourRules& rules_;
  Role role_;
  std::vector<QPDFTokenizer::Token> operands_;
  std::vector<State> stack_{State{}};
  bool uses_rgb_ = false;
};

// Decoded image rows in, converted rows out (deflated): memory holds one row at a time.
// Grey samples of 1, 2 or 4 bits are widened to 8 first.
class RowConverter : public Pipeline {
 public:
  RowConverter(Pipeline* to, std::size_t width, int channels, int bits, const CmykTransform* cmyk)
      : Pipeline("colour rows", to),
        width_(width),
        channels_(channels),
        bits_(bits),
        cmyk_(cmyk),
        row_size_((width * static_cast<std::size_t>(channels * bits) + 7) / 8) {
    row_.reserve(row_size_);
    if (bits < 8) wide_.resize(width);
    out_.resize(width * (cmyk != nullptr ? 4 : 1));
  }
  void write(unsigned char const* data, size_t len) override {
    while (len > 0) {
      const std::size_t take = std::min(len, row_size_ - row_.size());
      row_.insert(row_.end(), data, data + take);
      data += take;
      len -= take;
      if (row_.size() == row_size_) emit();
    }
  }
  void finish() override { getNext()->finish(); }

 private:
  void emit() {
    const unsigned char* row = row_.data();
    if (bits_ < 8) {
      const unsigned top = (1u << bits_) - 1;
      for (std::size_t x = 0; x < width_; ++x) {
        const std::size_t bit = x * static_cast<std::size_t>(bits_);
        const unsigned shift = 8 - static_cast<unsigned>(bits_) - static_cast<unsigned>(bit % 8);
        const unsigned value = (static_cast<unsigned>(row_[bit / 8]) >> shift) & top;
        wide_[x] = static_cast<unsigned char>(value * 255 / top);
      }
      row = wide_.data();
    }
    if (cmyk_ != nullptr) {
      cmyk_->convert(row, out_.data(), width_);
    } else {  // soft-mask luminosity in grey
      const std::size_t step = static_cast<std::size_t>(std::max(bits_, 8) / 8);
      for (std::size_t x = 0; x < width_; ++x) {
        const unsigned char* p = row + x * step * static_cast<std::size_t>(channels_);
        out_[x] =
            channels_ == 1
                ? p[0]
                : static_cast<unsigned char>(std::lround(luminosity(p[0], p[step], p[2 * step])));
      }
    }
    getNext()->write(out_.data(), out_.size());
    row_.clear();
  }

  std::size_t width_;
  int channels_;
  int bits_;
  const CmykTransform* cmyk_;
  std::size_t row_size_;
  std::vector<unsigned char> row_;
  std::vector<unsigned char> wide_;
  std::vector<unsigned char> out_;
};

class Converter {
 public:
  Converter(QPDF& pdf, const ColourRules& rules) : pdf_(pdf), rules_(rules) {
    QPDFObjectHandle space = rules.default_rgb;
    has_default_rgb_ = space.isInitialized() && !space.isNull();
  }

  void page(QPDFObjectHandle page) {
    QPDFPageObjectHelper helper(page);
    const bool rewrite = rules_.black_to_k || rules_.to_cmyk;
    bool rgb = rules_.default_rgb_everywhere;
    if (rewrite) {
      ColourFilter filter(rules_, Role::print);
      std::string content;
      Pl_String collect("page content", nullptr, content);
      helper.filterContents(&filter, &collect);
      rgb = rgb || filter.uses_rgb();
      QPDFObjectHandle stream = pdf_.newStream();
      stream.replaceStreamData(deflate_zlib(content), name("/FlateDecode"),
                               QPDFObjectHandle::newNull());
      page.replaceKey("/Contents", stream);
    }
    owner_dict(page, Role::print, rgb);
  }

 private:
  using Key = std::pair<QPDFObjGen, Role>;

  // A converted copy of a form XObject or tiling pattern (content stream with resources).
  QPDFObjectHandle content_stream(QPDFObjectHandle stream, Role role) {
    const Key key{stream.getObjGen(), role};
    if (auto found = done_.find(key); found != done_.end()) return found->second;
    QPDFObjectHandle copy = stream.copyStream();
    done_.emplace(key, copy);
    bool rgb = rules_.default_rgb_everywhere;
    if (rules_.to_cmyk || (rules_.black_to_k && role == Role::print)) {
      ColourFilter filter(rules_, role);
      std::string content;
      Pl_String collect("form content", nullptr, content);
      stream.filterAsContents(&filter, &collect);
      rgb = rgb || filter.uses_rgb();
      copy.replaceStreamData(deflate_zlib(content), name("/FlateDecode"),
                             QPDFObjectHandle::newNull());
    }
    owner_dict(copy.getDict(), role, rgb);
    return copy;
  }

  // Group, resources and /DefaultRGB of a page or form dictionary.
  void owner_dict(QPDFObjectHandle dict, Role role, bool rgb) {
    QPDFObjectHandle group = dict.getKey("/Group");
    if (group.isDictionary()) {
      group = group.shallowCopy();
      if (role == Role::mask)
        group.replaceKey("/CS", rules_.to_cmyk ? name("/DeviceGray") : rules_.default_rgb);
      else
        group.replaceKey("/CS", name("/DeviceCMYK"));
      dict.replaceKey("/Group", group);
    }
    QPDFObjectHandle resources = dict.getKey("/Resources");
    if (!resources.isDictionary()) {
      if (!rgb) return;
      resources = QPDFObjectHandle::newDictionary();
    } else {
      resources = resources.shallowCopy();
    }
    rgb = convert_resources(resources, role) || rgb;
    if (rgb && has_default_rgb_) {
      QPDFObjectHandle spaces = resources.getKey("/ColorSpace");
      spaces = spaces.isDictionary() ? spaces.shallowCopy() : QPDFObjectHandle::newDictionary();
      spaces.replaceKey("/DefaultRGB", rules_.default_rgb);
      resources.replaceKey("/ColorSpace", spaces);
    }
    dict.replaceKey("/Resources", resources);
  }

  // Converts what the resources name; true when RGB remains in them.
  bool convert_resources(QPDFObjectHandle resources, Role role) {
    bool rgb = false;
    auto each = [&](const char* key, auto&& convert) {
      QPDFObjectHandle sub = resources.getKey(key);
      if (!sub.isDictionary()) return;
      sub = sub.shallowCopy();
      for (auto& [entry, value] : sub.ditems()) sub.replaceKey(entry, convert(value));
      resources.replaceKey(key, sub);
    };
    each("/XObject", [&](QPDFObjectHandle x) {
      if (!x.isStream()) return x;
      const QPDFObjectHandle subtype = x.getDict().getKey("/Subtype");
      if (is_name(subtype, "/Form")) return content_stream(x, role);
      if (is_name(subtype, "/Image")) return image(x, role, rgb);
      return x;
    });
    each("/ExtGState", [&](QPDFObjectHandle gs) {
      if (!gs.isDictionary()) return gs;
      QPDFObjectHandle smask = gs.getKey("/SMask");
      if (!smask.isDictionary() || !smask.getKey("/G").isStream()) return gs;
      QPDFObjectHandle copy = gs.shallowCopy();
      smask = smask.shallowCopy();
      smask.replaceKey("/G", content_stream(smask.getKey("/G"), Role::mask));
      QPDFObjectHandle backdrop = smask.getKey("/BC");
      if (rules_.to_cmyk && backdrop.isArray() && backdrop.getArrayNItems() == 3)
        smask.replaceKey("/BC", colour(backdrop, Role::mask));
      copy.replaceKey("/SMask", smask);
      return gs.isIndirect() ? pdf_.makeIndirectObject(copy) : copy;
    });
    each("/Pattern", [&](QPDFObjectHandle pattern) {
      if (pattern.isStream()) return content_stream(pattern, role);  // tiling
      if (!pattern.isDictionary() || !pattern.getKey("/Shading").isInitialized()) return pattern;
      QPDFObjectHandle shading_in = pattern.getKey("/Shading");
      QPDFObjectHandle converted = shading(shading_in, role, rgb);
      if (converted.getObjGen() == shading_in.getObjGen() && converted.isIndirect()) return pattern;
      QPDFObjectHandle copy = pattern.shallowCopy();
      copy.replaceKey("/Shading", converted);
      return pattern.isIndirect() ? pdf_.makeIndirectObject(copy) : copy;
    });
    each("/Shading", [&](QPDFObjectHandle s) { return shading(s, role, rgb); });
    QPDFObjectHandle spaces = resources.getKey("/ColorSpace");
    if (spaces.isDictionary()) {
      for (auto& [entry, space] : spaces.ditems()) {
        if (entry == "/DefaultRGB" || rgb_like(space, nullptr) == 0) continue;
        if (rules_.to_cmyk)
          throw FatalError("a named RGB colour space (" + entry + ") cannot be converted to CMYK");
        rgb = true;
      }
    }
    return rgb;
  }

  // An RGB colour array (3 numbers) converted for `role`.
  QPDFObjectHandle colour(QPDFObjectHandle rgb, Role role) {
    std::vector<double> c;
    for (auto& item : rgb.aitems()) c.push_back(item.getNumericValue());
    std::vector<QPDFObjectHandle> out;
    if (role == Role::mask) {
      out.push_back(QPDFObjectHandle::newReal(luminosity(c[0], c[1], c[2]), 4, true));
    } else {
      for (double v : srgb_to_cmyk(*rules_.intent, c[0], c[1], c[2], rules_.black_to_k))
        out.push_back(QPDFObjectHandle::newReal(v, 4, true));
    }
    return QPDFObjectHandle::newArray(out);
  }

  QPDFObjectHandle function(QPDFObjectHandle fn, Role role) {
    if (!fn.isDictionary())
      throw FatalError("a shading with a sampled or PostScript function cannot be converted");
    QPDFObjectHandle copy = fn.shallowCopy();
    const long long type =
        fn.getKey("/FunctionType").isInteger() ? fn.getKey("/FunctionType").getIntValue() : -1;
    if (type == 2) {
      for (const char* key : {"/C0", "/C1"}) {
        QPDFObjectHandle c = fn.getKey(key);
        if (!c.isArray() || c.getArrayNItems() != 3)
          throw FatalError("a shading function without RGB end colours cannot be converted");
        copy.replaceKey(key, colour(c, role));
      }
      copy.removeKey("/Range");
    } else if (type == 3) {
      QPDFObjectHandle parts = QPDFObjectHandle::newArray();
      for (auto& part : fn.getKey("/Functions").aitems()) parts.appendItem(function(part, role));
      copy.replaceKey("/Functions", parts);
      copy.removeKey("/Range");
    } else {
      throw FatalError("a shading function of type " + std::to_string(type) +
                       " cannot be converted to CMYK");
    }
    return fn.isIndirect() ? pdf_.makeIndirectObject(copy) : copy;
  }

  QPDFObjectHandle shading(QPDFObjectHandle s, Role role, bool& rgb) {
    QPDFObjectHandle dict = s.isStream() ? s.getDict() : s;
    if (!dict.isDictionary() || rgb_like(dict.getKey("/ColorSpace"), nullptr) == 0) return s;
    if (!rules_.to_cmyk) {
      rgb = true;
      return s;
    }
    if (rgb_like(dict.getKey("/ColorSpace"), nullptr) != 3 || s.isStream())
      throw FatalError("a mesh or ICC-based grey shading cannot be converted to CMYK");
    const Key key{s.getObjGen(), role};
    if (s.isIndirect())
      if (auto found = done_.find(key); found != done_.end()) return found->second;
    QPDFObjectHandle copy = s.shallowCopy();
    copy.replaceKey("/ColorSpace", name(role == Role::mask ? "/DeviceGray" : "/DeviceCMYK"));
    QPDFObjectHandle fn = dict.getKey("/Function");
    if (fn.isArray())
      throw FatalError("a shading with one function per colour cannot be converted");
    copy.replaceKey("/Function", function(fn, role));
    if (dict.getKey("/Background").isArray())
      copy.replaceKey("/Background", colour(dict.getKey("/Background"), role));
    if (!s.isIndirect()) return copy;
    QPDFObjectHandle made = pdf_.makeIndirectObject(copy);
    done_.emplace(key, made);
    return made;
  }

  QPDFObjectHandle image(QPDFObjectHandle im, Role role, bool& rgb) {
    QPDFObjectHandle dict = im.getDict();
    if (dict.getKey("/ImageMask").isBool() && dict.getKey("/ImageMask").getBoolValue()) return im;
    QPDFObjectHandle space = dict.getKey("/ColorSpace");
    const bool indexed = space.isArray() && space.getArrayNItems() == 4 &&
                         is_name(space.getArrayItem(0), "/Indexed");
    std::string icc;
    const int channels = rgb_like(indexed ? space.getArrayItem(1) : space, &icc);
    if (channels == 0) return im;
    if (!rules_.to_cmyk) {
      rgb = true;
      return im;
    }
    const Key key{im.getObjGen(), role};
    if (auto found = done_.find(key); found != done_.end()) return found->second;
    if (dict.hasKey("/Decode") || dict.getKey("/Mask").isArray())
      throw FatalError("an image with /Decode or a colour-key /Mask cannot be converted to CMYK");
    QPDFObjectHandle made;
    if (indexed) {
      const CmykTransform cmyk(*rules_.intent, icc, channels, 8, rules_.black_to_k);
      // Only the palette changes.
      QPDFObjectHandle lookup = space.getArrayItem(3);
      std::string table;
      if (lookup.isString()) {
        table = lookup.getStringValue();
      } else {
        auto data = lookup.getStreamData(qpdf_dl_generalized);
        table.assign(reinterpret_cast<const char*>(data->getBuffer()), data->getSize());
      }
      const std::size_t entries = table.size() / static_cast<std::size_t>(channels);
      std::string converted(entries * (role == Role::mask ? 1 : 4), '\0');
      auto* in = reinterpret_cast<const unsigned char*>(table.data());
      auto* out = reinterpret_cast<unsigned char*>(converted.data());
      if (role == Role::mask) {
        for (std::size_t i = 0; i < entries; ++i)
          out[i] = channels == 1 ? in[i]
                                 : static_cast<unsigned char>(std::lround(
                                       luminosity(in[3 * i], in[3 * i + 1], in[3 * i + 2])));
      } else {
        cmyk.convert(in, out, entries);
      }
      made = im.copyStream();
      made.getDict().replaceKey(
          "/ColorSpace",
          QPDFObjectHandle::newArray(
              {name("/Indexed"), name(role == Role::mask ? "/DeviceGray" : "/DeviceCMYK"),
               space.getArrayItem(2), QPDFObjectHandle::newString(converted)}));
    } else {
      const long long bits = dict.getKey("/BitsPerComponent").isInteger()
                                 ? dict.getKey("/BitsPerComponent").getIntValue()
                                 : 0;
      const long long width =
          dict.getKey("/Width").isInteger() ? dict.getKey("/Width").getIntValue() : 0;
      const bool narrow_grey = channels == 1 && (bits == 1 || bits == 2 || bits == 4);
      if ((bits != 8 && bits != 16 && !narrow_grey) || width <= 0)
        throw FatalError("an image of " + std::to_string(bits) +
                         " bits per component cannot be converted to CMYK");
      const CmykTransform rows(*rules_.intent, icc, channels,
                               narrow_grey ? 8 : static_cast<int>(bits), rules_.black_to_k);
      std::string data;
      Pl_String collect("converted image", nullptr, data);
      Pl_Flate flate("deflate image", &collect, Pl_Flate::a_deflate);
      RowConverter converter(&flate, static_cast<std::size_t>(width), channels,
                             static_cast<int>(bits), role == Role::mask ? nullptr : &rows);
      if (!im.pipeStreamData(&converter, 0, qpdf_dl_all, true))
        throw FatalError("an image's data cannot be decoded for conversion to CMYK");
      made = pdf_.newStream();
      QPDFObjectHandle made_dict = dict.shallowCopy();
      made_dict.removeKey("/Length");
      made_dict.removeKey("/DecodeParms");
      made_dict.removeKey("/Filter");
      made_dict.replaceKey("/ColorSpace", name(role == Role::mask ? "/DeviceGray" : "/DeviceCMYK"));
      made_dict.replaceKey("/BitsPerComponent", QPDFObjectHandle::newInteger(8));
      made.replaceDict(made_dict);
      made.replaceStreamData(data, name("/FlateDecode"), QPDFObjectHandle::newNull());
    }
    done_.emplace(key, made);
    return made;
  }

  QPDF& pdf_;
  const ColourRules& rules_;
  bool has_default_rgb_ = false;
  std::map<Key, QPDFObjectHandle> done_;
};

}  // namespace

std::string PrintColour::key() const {
  if (!active()) return "plain";
  return std::string(pdfx ? "x4" : "none") + (cmyk ? "/cmyk/" : "/rgb-managed/") +
         (logo_black_k ? "k/" : "rich/") + (cmyk ? intent->digest() : std::string());
}

PrintColour print_colour(const Layout::Pdf& pdf) {
  PrintColour colour;
  colour.pdfx = pdf.standard == Layout::Pdf::Standard::x4;
  colour.cmyk = pdf.color == Layout::Pdf::Color::cmyk;
  colour.logo_black_k = pdf.logo_black == Layout::Pdf::LogoBlack::k;
  colour.intent = pdf.output_intent;
  return colour;
}

ColourRules page_rules(const PrintColour& colour, QPDFObjectHandle default_rgb) {
  ColourRules rules;
  rules.black_to_k = true;  // text and marks are 100 % K
  rules.to_cmyk = colour.cmyk;
  rules.default_rgb_everywhere = colour.pdfx && !colour.cmyk;
  rules.intent = colour.intent.get();
  if (colour.pdfx) rules.default_rgb = default_rgb;
  return rules;
}

ColourRules logo_rules(const PrintColour& colour, QPDFObjectHandle default_rgb) {
  ColourRules rules;
  rules.black_to_k = colour.cmyk && colour.logo_black_k;
  rules.to_cmyk = colour.cmyk;
  rules.default_rgb_everywhere = colour.pdfx && !colour.cmyk;
  rules.intent = colour.intent.get();
  if (colour.pdfx) rules.default_rgb = default_rgb;
  return rules;
}

void apply_colour_rules(QPDF& pdf, QPDFObjectHandle page, const ColourRules& rules) {
  Converter(pdf, rules).page(page);
}

QPDFObjectHandle make_default_rgb(QPDF& pdf) {
  QPDFObjectHandle profile = pdf.newStream(srgb_profile());
  profile.getDict().replaceKey("/N", QPDFObjectHandle::newInteger(3));
  return pdf.makeIndirectObject(QPDFObjectHandle::newArray({name("/ICCBased"), profile}));
}

}  // namespace logogrid
