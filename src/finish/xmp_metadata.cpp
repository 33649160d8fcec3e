// XMP packet writer. Plain string building: the packet is small and fixed in shape.
#include "finish/xmp_metadata.hpp"

#include "finish/finish.hpp"
#include "text/xml_escape.hpp"

namespace logogrid {

std::string xmp_packet(const XmpFields& fields) {
  const std::string date = xmp_date(fields.epoch);
  std::string x;
  x += "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n";
  x += "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n";
  x += " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n";
  x += "  <rdf:Description rdf:about=\"\"\n";
  x += "    xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n";
  x += "    xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n";
  x += "    xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"\n";
  x += "    xmlns:xmpMM=\"http://ns.adobe.com/xap/1.0/mm/\"";
  if (fields.pdfx) x += "\n    xmlns:pdfxid=\"http://www.npes.org/pdfx/ns/id/\"";
  x += ">\n";
  x += "   <dc:format>application/pdf</dc:format>\n";
  x += "   <dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">" + xml_escape(fields.title) +
       "</rdf:li></rdf:Alt></dc:title>\n";
  if (!fields.author.empty()) {
    x += "   <dc:creator><rdf:Seq><rdf:li>" + xml_escape(fields.author) +
         "</rdf:li></rdf:Seq></dc:creator>\n";
  }
  x += "   <xmp:CreatorTool>" + xml_escape(fields.creator_tool) + "</xmp:CreatorTool>\n";
  x += "   <xmp:CreateDate>" + date + "</xmp:CreateDate>\n";
  x += "   <xmp:ModifyDate>" + date + "</xmp:ModifyDate>\n";
  x += "   <xmp:MetadataDate>" + date + "</xmp:MetadataDate>\n";
  x += "   <pdf:Producer>" + xml_escape(fields.producer) + "</pdf:Producer>\n";
  x += "   <pdf:Trapped>False</pdf:Trapped>\n";
  x += "   <xmpMM:DocumentID>" + fields.document_id + "</xmpMM:DocumentID>\n";
  x += "   <xmpMM:InstanceID>" + fields.document_id + "</xmpMM:InstanceID>\n";
  if (fields.pdfx) {
    // One version of one document: the rendition is the default (not a proof or a draft).
    x += "   <xmpMM:VersionID>1</xmpMM:VersionID>\n";
    x += "   <xmpMM:RenditionClass>default</xmpMM:RenditionClass>\n";
    x += "   <pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion>\n";
  }
  x += "  </rdf:Description>\n";
  x += " </rdf:RDF>\n";
  x += "</x:xmpmeta>\n";
  x += "<?xpacket end=\"r\"?>";
  return x;
}

}  // namespace logogrid
