// Reporting for one logo request: every finding carries the participants file, the
// position of the `logo` value and the participant; excluded entries get warnings only.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "diag/diagnostic.hpp"
#include "resolve/logo.hpp"

namespace logogrid {

class LogoReport {
 public:
  LogoReport(const LogoRequest& request, Diagnostics& diagnostics)
      : request_(request), diagnostics_(diagnostics) {}

  // A problem that makes the logo unusable: an error, or a warning for excluded entries.
  void problem(std::string code, std::string message, std::vector<std::string> hints) {
    diagnostics_.add(request_.as_warnings ? Severity::warning : Severity::error, std::move(code),
                     request_.participants_file, request_.pos, std::move(message), std::move(hints),
                     request_.participant);
  }

  // A finding that leaves the logo usable.
  void warning(std::string code, std::string message, std::vector<std::string> hints) {
    diagnostics_.warning(std::move(code), request_.participants_file, request_.pos,
                         std::move(message), std::move(hints), request_.participant);
  }

  // The logo as the user wrote it, for messages.
  std::string name() const { return request_.path.empty() ? "the logo" : request_.path; }

 private:
  const LogoRequest& request_;
  Diagnostics& diagnostics_;
};

}  // namespace logogrid
