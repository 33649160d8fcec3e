// fontconfig application fonts on a configuration of their own, made current for the run;
// Pango's font maps are told, since they cache what they matched. fontconfig prefers a
// system font over an application font that matches equally well, so installed fonts of
// the registered families are rejected from that configuration (the files named stay).
#include "text/layout_fonts.hpp"

#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>

#include <atomic>
#include <fstream>
#include <iterator>
#include <mutex>
#include <stdexcept>

#include "cache/sha256.hpp"
#include "text/xml_escape.hpp"

namespace logogrid {
namespace {

std::mutex digest_mutex;
std::string current_digest;  // guarded by digest_mutex
std::atomic<unsigned> generation{0};

void set_digest(std::string digest) {
  const std::lock_guard<std::mutex> lock(digest_mutex);
  current_digest = std::move(digest);
}

// The calling thread's default font map (used to draw text) forgets what it matched.
void refresh_default_font_map() {
  ++generation;
  PangoFontMap* map = pango_cairo_font_map_get_default();
  if (PANGO_IS_FC_FONT_MAP(map)) pango_fc_font_map_config_changed(PANGO_FC_FONT_MAP(map));
}

// The families a font file declares (every name it gives, localised ones too).
std::vector<std::string> families_of(const std::string& file) {
  std::vector<std::string> families;
  int count = 0;
  FcPattern* face =
      FcFreeTypeQuery(reinterpret_cast<const FcChar8*>(file.c_str()), 0, nullptr, &count);
  if (face == nullptr) return families;
  FcChar8* family = nullptr;
  for (int i = 0; FcPatternGetString(face, FC_FAMILY, i, &family) == FcResultMatch; ++i)
    families.emplace_back(reinterpret_cast<const char*>(family));
  FcPatternDestroy(face);
  return families;
}

// <selectfont> rules: the files named are accepted, other fonts of their families rejected.
std::string selection_rules(const std::vector<std::string>& files) {
  std::string accept;
  std::string reject;
  for (const std::string& file : files) {
    accept += "<glob>" + xml_escape(file) + "</glob>";
    for (const std::string& family : families_of(file))
      reject += "<pattern><patelt name=\"family\"><string>" + xml_escape(family) +
                "</string></patelt></pattern>";
  }
  return "<?xml version=\"1.0\"?><fontconfig><selectfont><acceptfont>" + accept +
         "</acceptfont><rejectfont>" + reject + "</rejectfont></selectfont></fontconfig>";
}

}  // namespace

LayoutFonts::LayoutFonts(const std::vector<std::string>& files,
                         std::vector<std::string>& unreadable) {
  FcConfig* config = FcInitLoadConfig();  // the usual set-up ($FONTCONFIG_FILE), no fonts yet
  if (config == nullptr) throw std::runtime_error("cannot load the fontconfig configuration");
  const std::string rules = selection_rules(files);
  if (!FcConfigParseAndLoadFromMemory(config, reinterpret_cast<const FcChar8*>(rules.c_str()),
                                      FcTrue) ||
      !FcConfigBuildFonts(config)) {
    FcConfigDestroy(config);
    throw std::runtime_error("cannot set up fontconfig for the layout's fonts");
  }
  std::string hashes;
  for (const std::string& file : files) {
    if (!FcConfigAppFontAddFile(config, reinterpret_cast<const FcChar8*>(file.c_str()))) {
      unreadable.push_back(file);
      continue;
    }
    std::ifstream in(file, std::ios::binary);
    const std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    hashes += sha256_hex(bytes.data(), bytes.size());
  }
  previous_ = FcConfigReference(nullptr);  // the current configuration, kept for later
  previous_digest_ = registered_fonts_digest();
  FcConfigSetCurrent(config);
  FcConfigDestroy(config);  // the current configuration holds its own reference
  set_digest(hashes.empty() ? std::string() : sha256_hex(hashes.data(), hashes.size()));
  refresh_default_font_map();
}

LayoutFonts::~LayoutFonts() {
  FcConfigSetCurrent(previous_);
  FcConfigDestroy(previous_);
  set_digest(previous_digest_);
  refresh_default_font_map();
}

std::string registered_fonts_digest() {
  const std::lock_guard<std::mutex> lock(digest_mutex);
  return current_digest;
}

unsigned fonts_generation() { return generation.load(); }

}  // namespace logogrid
