// Formatting a job's diagnostics and results.
#include "report/report.hpp"

#include <fmt/format.h>

#include <cmath>

#include "app/version.hpp"
#include "text/xml_escape.hpp"

namespace logogrid {
namespace {

double round2(double v) { return std::round(v * 100.0) / 100.0; }

nlohmann::json rect_json(const Rect& r) {
  return nlohmann::json::array({round2(r.x), round2(r.y), round2(r.w), round2(r.h)});
}

std::string github_escape(const std::string& text, bool property) {
  std::string out;
  for (char c : text) {
    if (c == '%')
      out += "%25";
    else if (c == '\r')
      out += "%0D";
    else if (c == '\n')
      out += "%0A";
    else if (property && c == ':')
      out += "%3A";
    else if (property && c == ',')
      out += "%2C";
    else
      out += c;
  }
  return out;
}

}  // namespace

void write_text_diagnostics(std::ostream& out, const Diagnostics& diagnostics) {
  for (const auto& d : diagnostics.items()) {
    out << d.file;
    if (d.pos.line > 0) out << ':' << d.pos.line << ':' << d.pos.column;
    out << ": " << to_string(d.severity) << '[' << d.code << "]: " << d.message << '\n';
    for (const auto& hint : d.hints) out << "    hint: " << hint << '\n';
  }
}

nlohmann::json json_report(const Job& job, const Plan* plan,
                           const std::vector<std::size_t>* entries) {
  using nlohmann::json;
  json report;
  report["tool"] = "logogrid";
  report["version"] = kVersion;
  report["participants_file"] = job.model.file;
  report["layout_file"] = job.layout_file.empty() ? json(nullptr) : json(job.layout_file);
  report["deadline"] = job.model.deadline ? json(job.model.deadline->iso()) : json(nullptr);
  const int total = static_cast<int>(job.model.participants.size());
  report["summary"] = {{"total", total},
                       {"included", job.count(Status::included)},
                       {"excluded", job.count(Status::excluded)},
                       {"invalid", job.count(Status::invalid)},
                       {"errors", job.diagnostics.errors()},
                       {"warnings", job.diagnostics.warnings()}};
  json participants = json::array();
  for (const auto& p : job.model.participants) {
    json entry;
    entry["name"] = p.name;
    if (!p.given_name.empty()) entry["given_name"] = p.given_name;
    entry["ags"] = p.ags.empty() ? json(nullptr) : json(p.ags);
    entry["status"] = to_string(p.status);
    entry["line"] = p.pos.line;
    entry["caption"] = p.caption;
    if (!p.district.empty()) entry["district"] = p.district;
    entry["commitment"] =
        p.commitment ? json{{"kind", p.commitment->kind}, {"date", p.commitment->date.iso()}}
                     : json(nullptr);
    if (p.commitment && !p.commitment->reference.empty())
      entry["commitment"]["reference"] = p.commitment->reference;
    const auto& logo = job.logos.size() > p.index ? job.logos[p.index] : std::nullopt;
    json logo_json = {{"path", p.logo_path.empty() ? json(nullptr) : json(p.logo_path)}};
    logo_json["format"] = logo ? json(to_string(logo->format)) : json(nullptr);
    const auto ppi = job.ppi.size() > p.index ? job.ppi[p.index] : std::nullopt;
    logo_json["effective_ppi"] = ppi ? json(std::round(*ppi)) : json(nullptr);
    if (logo) {
      logo_json["sha256"] = logo->content_hash;
      if (logo->format == LogoFormat::png)
        logo_json["pixels"] = json::array({logo->pixel_width, logo->pixel_height});
    }
    entry["logo"] = logo_json;
    participants.push_back(entry);
  }
  report["participants"] = participants;
  json diagnostics = json::array();
  for (const auto& d : job.diagnostics.items()) {
    diagnostics.push_back(
        {{"severity", to_string(d.severity)},
         {"code", d.code},
         {"file", d.file},
         {"line", d.pos.line},
         {"column", d.pos.column},
         {"participant", d.participant.empty() ? json(nullptr) : json(d.participant)},
         {"message", d.message},
         {"hints", d.hints}});
  }
  report["diagnostics"] = diagnostics;
  if (plan && entries) {
    json pages = json::array();
    for (const auto& page : plan->pages) {
      json placements = json::array();
      for (const auto& pl : page.placements) {
        const Participant& p = job.model.participants[(*entries)[pl.entry]];
        placements.push_back({{"participant", p.name},
                              {"cell", rect_json(pl.cell)},
                              {"logo_area", rect_json(pl.logo_area)},
                              {"logo", rect_json(pl.logo)},
                              {"caption", rect_json(pl.caption.box)}});
      }
      pages.push_back({{"number", page.number}, {"placements", placements}});
    }
    report["pages"] = pages;
  }
  return report;
}

std::string junit_report(const Job& job) {
  const auto& items = job.diagnostics.items();
  std::string cases;
  int failures = 0;
  const auto add_case = [&](const std::string& name, auto belongs) {
    std::string body;
    for (const auto& d : items) {
      if (!belongs(d)) continue;
      const std::string where =
          d.pos.line > 0 ? fmt::format("{}:{}:{}", d.file, d.pos.line, d.pos.column) : d.file;
      if (d.severity == Severity::error) {
        ++failures;
        body += fmt::format("      <failure type=\"{}\" message=\"{}\">{}: {}</failure>\n", d.code,
                            xml_escape(d.message), xml_escape(where), xml_escape(d.message));
      } else {
        body += fmt::format("      <system-out>warning[{}] {}: {}</system-out>\n", d.code,
                            xml_escape(where), xml_escape(d.message));
      }
    }
    cases += fmt::format("    <testcase classname=\"{}\" name=\"{}\">\n{}    </testcase>\n",
                         xml_escape(job.model.file), xml_escape(name), body);
  };
  add_case("files", [](const Diagnostic& d) { return d.participant.empty(); });
  for (const auto& p : job.model.participants)
    add_case(
        p.name.empty() ? fmt::format("entry at line {}", p.pos.line) : p.name,
        [&](const Diagnostic& d) { return !d.participant.empty() && d.participant == p.name; });
  const std::size_t tests = job.model.participants.size() + 1;
  return fmt::format(
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<testsuites tests=\"{0}\" failures=\"{1}\">\n"
      "  <testsuite name=\"logogrid check\" tests=\"{0}\" failures=\"{1}\" errors=\"0\">\n"
      "{2}  </testsuite>\n</testsuites>\n",
      tests, failures, cases);
}

std::string github_annotations(const Diagnostics& diagnostics) {
  std::string out;
  for (const auto& d : diagnostics.items()) {
    std::string message = d.message;
    for (const auto& hint : d.hints) message += "\nhint: " + hint;
    out += fmt::format("::{} file={},line={},col={},title={}::{}\n", to_string(d.severity),
                       github_escape(d.file, true), d.pos.line, d.pos.column,
                       github_escape(d.code, true), github_escape(message, false));
  }
  return out;
}

}  // namespace logogrid
