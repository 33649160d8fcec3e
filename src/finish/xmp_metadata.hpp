// The XMP /Metadata packet of a finished PDF: the same title, author, creator tool,
// producer and dates as the Info dictionary, plus document/instance IDs.
#pragma once

#include <cstdint>
#include <string>

namespace logogrid {

struct XmpFields {
  std::string title;
  std::string author;
  std::string creator_tool;
  std::string producer;
  std::int64_t epoch = 0;   // creation = modification = metadata date
  std::string document_id;  // "uuid:…"
  bool pdfx = false;        // identifies the file as PDF/X-4 (pdfxid, rendition, version)
};

// The complete packet (UTF-8, with xpacket wrapper), text XML-escaped.
std::string xmp_packet(const XmpFields& fields);

// Escapes &, <, >, " and ' for XML text and attribute values.
std::string xml_escape(const std::string& text);

}  // namespace logogrid
