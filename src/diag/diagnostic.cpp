// Diagnostics collection.
#include "diag/diagnostic.hpp"

#include <algorithm>

namespace logogrid {

Diagnostic& Diagnostics::add(Severity severity, std::string code, std::string file, Position pos,
                             std::string message, std::vector<std::string> hints,
                             std::string participant) {
  items_.push_back(Diagnostic{severity, std::move(code), std::move(file), pos,
                              std::move(participant), std::move(message), std::move(hints)});
  return items_.back();
}

Diagnostic& Diagnostics::error(std::string code, std::string file, Position pos,
                               std::string message, std::vector<std::string> hints,
                               std::string participant) {
  return add(Severity::error, std::move(code), std::move(file), pos, std::move(message),
             std::move(hints), std::move(participant));
}

Diagnostic& Diagnostics::warning(std::string code, std::string file, Position pos,
                                 std::string message, std::vector<std::string> hints,
                                 std::string participant) {
  return add(Severity::warning, std::move(code), std::move(file), pos, std::move(message),
             std::move(hints), std::move(participant));
}

void Diagnostics::append(const Diagnostics& other) {
  items_.insert(items_.end(), other.items_.begin(), other.items_.end());
}

int Diagnostics::errors() const {
  return static_cast<int>(std::count_if(items_.begin(), items_.end(), [](const Diagnostic& d) {
    return d.severity == Severity::error;
  }));
}

int Diagnostics::warnings() const { return static_cast<int>(items_.size()) - errors(); }

void Diagnostics::sort() {
  std::stable_sort(items_.begin(), items_.end(), [](const Diagnostic& a, const Diagnostic& b) {
    if (a.file != b.file) return a.file < b.file;
    if (a.pos.line != b.pos.line) return a.pos.line < b.pos.line;
    return a.pos.column < b.pos.column;
  });
}

const char* to_string(Severity severity) {
  return severity == Severity::error ? "error" : "warning";
}

}  // namespace logogrid
