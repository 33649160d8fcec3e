// Gathering the proof's review of a job.
#include "proof/review.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <ctime>

#include "finish/finish.hpp"
#include "validate/name_key.hpp"

namespace logogrid {
namespace {

std::string proof_date() {
  const auto epoch = source_date_epoch_from_environment();
  const std::time_t t = epoch ? static_cast<std::time_t>(*epoch) : std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char text[16];
  std::strftime(text, sizeof text, "%Y-%m-%d", &tm);
  return text;
}

// The entry a diagnostic in the participants file is about, or -1.
long entry_of(const Job& job, const Diagnostic& d) {
  const auto& ps = job.model.participants;
  long best = -1;
  int best_line = 0;
  bool named = false;
  for (const auto& p : ps) {
    if (!d.participant.empty() && p.name == d.participant) named = true;
  }
  for (const auto& p : ps) {
    if (named && p.name != d.participant) continue;
    const int line = p.pos.line;
    if (line <= d.pos.line && (best < 0 || line >= best_line)) {
      best = static_cast<long>(p.index);
      best_line = line;
    }
  }
  if (best < 0 && named) {  // named, but every such entry stands below: the first of them
    for (const auto& p : ps)
      if (p.name == d.participant) return static_cast<long>(p.index);
  }
  return best;
}

}  // namespace

void attribute_findings(const Job& job, std::vector<EntryReview>& entries,
                        std::vector<Diagnostic>& file_findings) {
  entries.resize(job.model.participants.size());
  for (const auto& d : job.diagnostics.items()) {
    const bool in_participants = d.file == job.model.file && d.pos.line > 0;
    const long entry = in_participants ? entry_of(job, d) : -1;
    if (entry < 0 || (d.participant.empty() && d.code.rfind("schema-", 0) != 0 &&
                      d.code != "duplicate-participant")) {
      file_findings.push_back(d);
      continue;
    }
    entries[static_cast<std::size_t>(entry)].findings.push_back(d);
  }
  for (auto& e : entries) {
    std::stable_sort(e.findings.begin(), e.findings.end(),
                     [](const Diagnostic& a, const Diagnostic& b) {
                       return a.severity == Severity::error && b.severity != Severity::error;
                     });
    for (const auto& d : e.findings) {
      if (d.severity == Severity::error &&
          std::find(e.error_codes.begin(), e.error_codes.end(), d.code) == e.error_codes.end())
        e.error_codes.push_back(d.code);
    }
  }
}

ProofReview review_job(const Job& job, std::optional<std::vector<EntryChange>> changes) {
  ProofReview review;
  review.participants_file = job.model.file;
  review.layout_file = job.layout_file;
  review.date = proof_date();
  review.deadline = job.model.deadline ? job.model.deadline->iso() : "—";
  review.total = static_cast<int>(job.model.participants.size());
  review.included = job.count(Status::included);
  review.excluded = job.count(Status::excluded);
  review.invalid = job.count(Status::invalid);
  review.errors = job.diagnostics.errors();
  review.warnings = job.diagnostics.warnings();
  attribute_findings(job, review.entries, review.file_findings);
  if (changes) {
    review.compared = true;
    review.changes = std::move(*changes);
    for (const auto& c : review.changes) {
      if (c.kind == EntryChange::Kind::removed) continue;
      const std::string key = name_key(c.name);
      for (const auto& p : job.model.participants)
        if (name_key(p.name) == key) review.entries[p.index].change = c;
    }
  }
  return review;
}

std::vector<std::string> logo_note(const Participant& participant, const Logo* logo,
                                   double placed_width_pt) {
  std::vector<std::string> lines;
  lines.push_back(participant.logo_path.empty() ? "(kein Logo angegeben)" : participant.logo_path);
  if (logo != nullptr && logo->format == LogoFormat::png) {
    lines.push_back(fmt::format("PNG {}×{} px · {:.0f} ppi", logo->pixel_width, logo->pixel_height,
                                effective_ppi(*logo, placed_width_pt)));
  } else if (logo != nullptr) {
    lines.push_back("SVG (Vektor)");
  } else {
    lines.push_back("Logo nicht verwendbar");
  }
  lines.push_back(describe_commitment(participant.commitment));
  return lines;
}

std::string missing_logo_reason(const Participant& participant, const EntryReview& review) {
  for (const auto& d : review.findings)
    if (d.code.rfind("logo-", 0) == 0 && d.severity == Severity::error) return d.code;
  for (const auto& d : review.findings)
    if (d.code.rfind("logo-", 0) == 0) return d.code;
  return participant.logo_path.empty() ? "kein Logo angegeben" : "Logo nicht geladen";
}

const char* status_label(Status status) {
  switch (status) {
    case Status::included:
      return "aufgenommen";
    case Status::excluded:
      return "ausgeschlossen";
    case Status::invalid:
      return "ungültig";
  }
  return "";
}

}  // namespace logogrid
