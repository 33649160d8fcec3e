// libxml2 pass over SVG bytes. The tree is walked iteratively; entity references stay
// unexpanded in the tree and are only expanded (by libxml2, when reading an attribute)
// after their total expanded size was checked against kMaxSvgEntityExpansion.
#include "resolve/svg_scan.hpp"

#include <fmt/format.h>
#include <libxml/entities.h>
#include <libxml/globals.h>
#include <libxml/hash.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <map>
#include <memory>
#include <mutex>
#include <vector>

namespace logogrid {
namespace {

constexpr const char* kSvgNamespace = "http://www.w3.org/2000/svg";
constexpr int kMaxEntityNesting = 16;

const char* chars(const xmlChar* text) { return reinterpret_cast<const char*>(text); }
const xmlChar* xml(const char* text) { return reinterpret_cast<const xmlChar*>(text); }

struct XmlFree {
  void operator()(xmlChar* text) const { xmlFree(text); }
  void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
  void operator()(xmlParserCtxt* context) const { xmlFreeParserCtxt(context); }
};
using XmlString = std::unique_ptr<xmlChar, XmlFree>;

std::string_view trim(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r\n\f");
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(" \t\r\n\f");
  return text.substr(first, last - first + 1);
}

bool starts_with_nocase(std::string_view text, std::string_view prefix) {
  return text.size() >= prefix.size() &&
         std::equal(prefix.begin(), prefix.end(), text.begin(), [](char a, char b) {
           return std::tolower(static_cast<unsigned char>(a)) ==
                  std::tolower(static_cast<unsigned char>(b));
         });
}

bool is_local_reference(std::string_view target) {
  target = trim(target);
  return target.empty() || target.front() == '#' || starts_with_nocase(target, "data:");
}

void note_reference(SvgScan& scan, std::string_view target, long line) {
  if (is_local_reference(target)) return;
  if (scan.external_ref_count++ == 0) {
    scan.external_ref = std::string(trim(target).substr(0, 200));
    scan.external_ref_line = line;
  }
}

// Every url(…) in an attribute value or a piece of CSS, and CSS @import "…".
void scan_css_references(SvgScan& scan, std::string_view text, long line) {
  for (std::size_t at = text.find("url("); at != std::string_view::npos;
       at = text.find("url(", at + 4)) {
    std::string_view rest = trim(text.substr(at + 4));
    std::size_t end = 0;
    if (!rest.empty() && (rest.front() == '"' || rest.front() == '\'')) {
      end = rest.find(rest.front(), 1);
      rest = rest.substr(1, end == std::string_view::npos ? rest.size() - 1 : end - 1);
    } else {
      end = rest.find(')');
      rest = rest.substr(0, end);
    }
    note_reference(scan, rest, line);
  }
  for (std::size_t at = text.find("@import"); at != std::string_view::npos;
       at = text.find("@import", at + 7)) {
    std::string_view rest = trim(text.substr(at + 7));
    if (rest.empty() || (rest.front() != '"' && rest.front() != '\'')) continue;
    const auto end = rest.find(rest.front(), 1);
    note_reference(scan, rest.substr(1, end == std::string_view::npos ? rest.size() - 1 : end - 1),
                   line);
  }
}

bool is_filter_value(std::string_view value) {
  value = trim(value);
  return !value.empty() && !starts_with_nocase(value, "none");
}

// A `filter` property in CSS (a style attribute or a <style> sheet) other than `none`.
bool css_has_filter(std::string_view css) {
  for (std::size_t at = css.find("filter"); at != std::string_view::npos;
       at = css.find("filter", at + 6)) {
    const char before = at == 0 ? ';' : css[at - 1];
    if (!(before == ';' || before == '{' || std::isspace(static_cast<unsigned char>(before))))
      continue;
    std::string_view rest = trim(css.substr(at + 6));
    if (rest.empty() || rest.front() != ':') continue;
    rest.remove_prefix(1);
    if (is_filter_value(rest.substr(0, rest.find_first_of(";}")))) return true;
  }
  return false;
}

// Expanded sizes of the internal subset's general entities, to stop entity bombs.
class EntitySizes {
 public:
  explicit EntitySizes(xmlDoc* doc) : doc_(doc) {}

  // Expanded size of `&name;`, saturating above the limit.
  std::size_t of(const std::string& name, int depth = 0) {
    if (auto found = sizes_.find(name); found != sizes_.end()) return found->second;
    if (depth > kMaxEntityNesting) return kMaxSvgEntityExpansion + 1;
    xmlEntity* entity = xmlGetDocEntity(doc_, xml(name.c_str()));
    std::size_t size = 0;
    if (entity && entity->etype == XML_INTERNAL_GENERAL_ENTITY && entity->content) {
      const std::string_view content = chars(entity->content);
      for (std::size_t at = 0; at < content.size(); ++at) {
        if (content[at] != '&' || at + 1 >= content.size() || content[at + 1] == '#') {
          ++size;
          continue;
        }
        const auto end = content.find(';', at);
        if (end == std::string_view::npos) break;
        size += of(std::string(content.substr(at + 1, end - at - 1)), depth + 1);
        at = end;
        if (size > kMaxSvgEntityExpansion) break;
      }
    }
    size = std::min(size, kMaxSvgEntityExpansion + 1);
    sizes_[name] = size;
    return size;
  }

 private:
  xmlDoc* doc_;
  std::map<std::string, std::size_t> sizes_;
};

// Adds up what every entity reference in the attribute or content list expands to.
std::size_t entity_expansion(EntitySizes& sizes, xmlNode* children) {
  std::size_t total = 0;
  for (xmlNode* child = children; child; child = child->next)
    if (child->type == XML_ENTITY_REF_NODE) total += sizes.of(chars(child->name));
  return total;
}

void note_declared_entity(void* payload, void* data, const xmlChar*) {
  auto* entity = static_cast<xmlEntity*>(payload);
  auto* scan = static_cast<SvgScan*>(data);
  if (entity->SystemID) note_reference(*scan, chars(entity->SystemID), 0);  // in the DTD
}

// SVG elements by local name; unprefixed ones count whatever the default namespace says
// (it may be spelt with an entity, which this pass does not expand).
bool is_svg_element(const xmlNode* node, const char* name) {
  return node->type == XML_ELEMENT_NODE && xmlStrcmp(node->name, xml(name)) == 0 &&
         (!node->ns || !node->ns->prefix || xmlStrcmp(node->ns->href, xml(kSvgNamespace)) == 0);
}

std::string pseudo_attribute(std::string_view content, std::string_view name) {
  const auto at = content.find(name);
  if (at == std::string_view::npos) return {};
  std::string_view rest = trim(content.substr(at + name.size()));
  if (rest.empty() || rest.front() != '=') return {};
  rest = trim(rest.substr(1));
  if (rest.empty() || (rest.front() != '"' && rest.front() != '\'')) return {};
  const auto end = rest.find(rest.front(), 1);
  return std::string(rest.substr(1, end == std::string_view::npos ? rest.size() - 1 : end - 1));
}

void note_image(SvgScan& scan, std::vector<xmlNode*>& untagged, xmlNode* node,
                std::string_view href, long line) {
  SvgEmbeddedImage image;
  if (!read_embedded_image(href, image)) return;
  image.line = line;
  const XmlString id(xmlGetProp(node, xml("id")));
  if (id) image.id = chars(id.get());
  scan.images.push_back(std::move(image));
  if (!id) untagged.push_back(node);
}

// Gives ids to the embedded images that have none and writes the document out again.
void tag_images(xmlDoc* doc, SvgScan& scan, const std::vector<xmlNode*>& untagged) {
  std::size_t next = 0;
  for (SvgEmbeddedImage& image : scan.images) {
    if (!image.id.empty() || next >= untagged.size()) continue;
    image.id = fmt::format("logogrid-embedded-image-{}", next + 1);
    xmlSetProp(untagged[next++], xml("id"), xml(image.id.c_str()));
  }
  xmlChar* text = nullptr;
  int size = 0;
  xmlDocDumpMemory(doc, &text, &size);
  if (text) scan.with_image_ids.assign(chars(text), static_cast<std::size_t>(std::max(size, 0)));
  xmlFree(text);
}

// A stop's offset: a number or a percentage, clamped to 0…1 (SVG 1.1, 13.2.4).
double stop_offset(xmlNode* stop) {
  const XmlString value(xmlGetProp(stop, xml("offset")));
  if (!value) return 0;
  const std::string text(trim(chars(value.get())));
  char* end = nullptr;
  double offset = std::strtod(text.c_str(), &end);
  if (end != nullptr && *end == '%') offset /= 100;
  return std::isfinite(offset) ? std::clamp(offset, 0.0, 1.0) : 0;
}

std::string stop_colour(xmlNode* stop) {
  std::string colour;
  for (const char* name : {"stop-color", "stop-opacity", "style"}) {
    const XmlString value(xmlGetProp(stop, xml(name)));
    colour += value ? chars(value.get()) : "";
    colour += ';';
  }
  return colour;
}

// Two stops at one offset with different colours: a hard edge inside the gradient.
bool has_hard_stop(xmlNode* gradient) {
  double previous = -1;
  std::string previous_colour;
  for (xmlNode* child = gradient->children; child; child = child->next) {
    if (!is_svg_element(child, "stop")) continue;
    const double offset = std::max(stop_offset(child), previous);  // offsets never go back
    const std::string colour = stop_colour(child);
    if (offset == previous && colour != previous_colour) return true;
    previous = offset;
    previous_colour = colour;
  }
  return false;
}

// Walks the whole document in order (no recursion: depth is up to the file).
bool walk(xmlDoc* doc, SvgScan& scan, std::vector<xmlNode*>& untagged) {
  EntitySizes sizes(doc);
  std::size_t expansion = 0;
  std::size_t elements = 0;
  xmlNode* node = doc->children;
  while (node) {
    const long line = xmlGetLineNo(node);
    if (node->type == XML_PI_NODE && xmlStrcmp(node->name, xml("xml-stylesheet")) == 0 &&
        node->content) {
      note_reference(scan, pseudo_attribute(chars(node->content), "href"), line);
    }
    if (node->type == XML_ENTITY_REF_NODE) expansion += sizes.of(chars(node->name));
    if (node->type == XML_ELEMENT_NODE) {
      if (++elements > kMaxSvgElements) {
        scan.outcome = SvgScan::Outcome::too_complex;
        scan.reason = fmt::format("it has more than {} elements", kMaxSvgElements);
        return false;
      }
      for (xmlAttr* attr = node->properties; attr; attr = attr->next)
        expansion += entity_expansion(sizes, attr->children);
      if (expansion > kMaxSvgEntityExpansion) {
        scan.outcome = SvgScan::Outcome::entity_bomb;
        scan.reason =
            fmt::format("line {}: its XML entities expand to more than {} KiB; an entity bomb?",
                        line, kMaxSvgEntityExpansion / 1024);
        return false;
      }
      if (is_svg_element(node, "text") && scan.text_line == 0) scan.text_line = line;
      if (is_svg_element(node, "filter")) scan.has_filter_effects = true;
      if ((is_svg_element(node, "linearGradient") || is_svg_element(node, "radialGradient")) &&
          scan.hard_stop_line == 0 && has_hard_stop(node)) {
        const XmlString id(xmlGetProp(node, xml("id")));
        scan.hard_stop_gradient = id ? chars(id.get()) : "";
        scan.hard_stop_line = line;
      }
      if (is_svg_element(node, "style")) {
        const XmlString css(xmlNodeGetContent(node));
        if (css) {
          scan_css_references(scan, chars(css.get()), line);
          if (css_has_filter(chars(css.get()))) scan.has_filter_effects = true;
        }
      }
      for (xmlAttr* attr = node->properties; attr; attr = attr->next) {
        const XmlString value(xmlNodeListGetString(doc, attr->children, 1));
        const std::string_view text = value ? chars(value.get()) : "";
        const std::string_view name = chars(attr->name);
        if (name == "href" && !is_svg_element(node, "a")) {
          if (is_svg_element(node, "image")) note_image(scan, untagged, node, text, line);
          note_reference(scan, text, line);
        }
        scan_css_references(scan, text, line);
        if (!attr->ns && name == "filter" && is_filter_value(text)) scan.has_filter_effects = true;
        if (!attr->ns && name == "style" && css_has_filter(text)) scan.has_filter_effects = true;
      }
    }
    if (expansion > kMaxSvgEntityExpansion) {
      scan.outcome = SvgScan::Outcome::entity_bomb;
      scan.reason =
          fmt::format("line {}: its XML entities expand to more than {} KiB; an entity bomb?", line,
                      kMaxSvgEntityExpansion / 1024);
      return false;
    }
    // Next in document order; entity references are not descended into.
    if (node->children && node->type != XML_ENTITY_REF_NODE && node->type != XML_DTD_NODE) {
      node = node->children;
      continue;
    }
    while (node && !node->next)
      node = node->parent == reinterpret_cast<xmlNode*>(doc) ? nullptr : node->parent;
    if (node) node = node->next;
  }
  return true;
}

// libxml2 reports some problems (e.g. bad bytes for the declared encoding) through its
// per-thread generic handler, which prints to stderr; the parse result says it all.
void ignore_message(void*, const char*, ...) {}

// Silences libxml2's per-thread generic error output for one scope and restores it.
class QuietGenericErrors {
 public:
  QuietGenericErrors() : handler_(xmlGenericError), context_(xmlGenericErrorContext) {
    xmlSetGenericErrorFunc(nullptr, ignore_message);
  }
  ~QuietGenericErrors() { xmlSetGenericErrorFunc(context_, handler_); }
  QuietGenericErrors(const QuietGenericErrors&) = delete;
  QuietGenericErrors& operator=(const QuietGenericErrors&) = delete;

 private:
  xmlGenericErrorFunc handler_;
  void* context_;
};

// Keeps the first error: later ones are usually consequences of it.
void keep_first_error(void* user_data, xmlError* error) {
  auto* context = static_cast<xmlParserCtxt*>(user_data);
  auto* first = static_cast<xmlError*>(context->_private);
  if (first && first->code == XML_ERR_OK && error && error->level >= XML_ERR_ERROR &&
      error->domain == XML_FROM_PARSER)
    xmlCopyError(error, first);
}

std::string describe_xml_error(const xmlError* error) {
  if (!error || !error->message) return "line 1: not well-formed XML";
  std::string message = error->message;
  while (!message.empty() && std::isspace(static_cast<unsigned char>(message.back())))
    message.pop_back();
  return fmt::format("line {}: {}", std::max(error->line, 1), message);
}

// libxml2's safety limits read like programming advice ("use XML_PARSE_HUGE option"): they
// are said in plain words, as limits.
void explain_parse_failure(const xmlError* error, SvgScan& scan) {
  const std::string message = error && error->message ? error->message : "";
  const long line = error ? std::max(error->line, 1) : 1;
  if (message.find("Excessive depth") != std::string::npos) {
    scan.outcome = SvgScan::Outcome::too_complex;
    scan.reason = fmt::format("its elements are nested more than {} levels deep (line {})",
                              xmlParserMaxDepth, line);
  } else if (message.find("too long") != std::string::npos ||
             message.find("huge") != std::string::npos) {
    scan.outcome = SvgScan::Outcome::too_complex;
    scan.reason = fmt::format(
        "an attribute or a text in it (a path's data, say) is longer than {} MB (line {})",
        XML_MAX_TEXT_LENGTH / 1000000, line);
  } else if (message.find("entity reference loop") != std::string::npos ||
             (error && error->code == XML_ERR_ENTITY_LOOP)) {
    scan.outcome = SvgScan::Outcome::entity_bomb;
    scan.reason = fmt::format("line {}: its XML entities refer to each other in a loop", line);
  } else {
    scan.outcome = SvgScan::Outcome::malformed;
    scan.reason = describe_xml_error(error);
  }
}

}  // namespace

SvgScan scan_svg(std::string_view bytes) {
  static std::once_flag init;
  std::call_once(init, [] { xmlInitParser(); });

  const QuietGenericErrors quiet;
  SvgScan scan;
  const std::unique_ptr<xmlParserCtxt, XmlFree> context(xmlNewParserCtxt());
  if (!context) {
    scan.outcome = SvgScan::Outcome::malformed;
    scan.reason = "line 1: out of memory";
    return scan;
  }
  xmlError first_error{};
  context->_private = &first_error;
  context->sax->serror = keep_first_error;
  // No NOENT (no substitution), no DTDLOAD, no HUGE (libxml2's own depth and size limits).
  const int options = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
                      XML_PARSE_BIG_LINES | XML_PARSE_NOCDATA;
  const std::unique_ptr<xmlDoc, XmlFree> doc(xmlCtxtReadMemory(
      context.get(), bytes.data(), static_cast<int>(bytes.size()), nullptr, nullptr, options));
  if (!doc || !context->wellFormed) {
    const xmlError* error =
        first_error.code != XML_ERR_OK ? &first_error : xmlCtxtGetLastError(context.get());
    explain_parse_failure(error, scan);
    xmlResetError(&first_error);
    return scan;
  }
  xmlResetError(&first_error);
  xmlNode* root = xmlDocGetRootElement(doc.get());
  if (!root) {
    scan.outcome = SvgScan::Outcome::malformed;
    scan.reason = "line 1: there is no root element";
    return scan;
  }
  if (xmlStrcmp(root->name, xml("svg")) != 0) {
    scan.outcome = SvgScan::Outcome::not_svg;
    scan.reason = chars(root->name);
    return scan;
  }

  if (doc->intSubset) {
    if (doc->intSubset->entities)
      xmlHashScan(static_cast<xmlHashTable*>(doc->intSubset->entities), note_declared_entity,
                  &scan);
    if (doc->intSubset->pentities)
      xmlHashScan(static_cast<xmlHashTable*>(doc->intSubset->pentities), note_declared_entity,
                  &scan);
  }
  std::vector<xmlNode*> untagged;
  if (walk(doc.get(), scan, untagged) && !untagged.empty()) tag_images(doc.get(), scan, untagged);
  return scan;
}

}  // namespace logogrid
