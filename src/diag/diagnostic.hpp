// Diagnostics: every finding of every stage, with file, position, message and hints.
// Stages collect them in a Diagnostics list and never print; the app layer formats them.
#pragma once

#include <string>
#include <vector>

namespace logogrid {

// A 1-based position in a source file; line 0 means "the file as a whole".
struct Position {
  int line = 0;
  int column = 0;
  friend bool operator==(const Position&, const Position&) = default;
};

enum class Severity { warning, error };

struct Diagnostic {
  Severity severity = Severity::error;
  std::string code;  // stable, e.g. "commitment-late"
  std::string file;  // as the user named it, e.g. "participants.yaml"
  Position pos;
  std::string participant;  // official (or given) name, empty when not about one entry
  std::string message;
  std::vector<std::string> hints;
};

class Diagnostics {
 public:
  Diagnostic& add(Severity severity, std::string code, std::string file, Position pos,
                  std::string message, std::vector<std::string> hints = {},
                  std::string participant = {});
  Diagnostic& error(std::string code, std::string file, Position pos, std::string message,
                    std::vector<std::string> hints = {}, std::string participant = {});
  Diagnostic& warning(std::string code, std::string file, Position pos, std::string message,
                      std::vector<std::string> hints = {}, std::string participant = {});
  void append(const Diagnostics& other);

  const std::vector<Diagnostic>& items() const { return items_; }
  std::vector<Diagnostic>& items() { return items_; }
  int errors() const;
  int warnings() const;
  bool has_errors() const { return errors() > 0; }
  // Stable order for output: by file, line, column, then insertion order.
  void sort();

 private:
  std::vector<Diagnostic> items_;
};

const char* to_string(Severity severity);

}  // namespace logogrid
