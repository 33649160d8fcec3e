// `caption-glyph-missing` and `caption-font-fallback`: every caption that prints and the
// heading are set as the renderer will set them, and characters no font can show (they
// would print as boxes) or that come from another font than the layout names are reported.
#pragma once

#include <string>
#include <vector>

#include "app/job.hpp"

namespace logogrid {

// The texts are taken from the job when the check is made; run() reads nothing else of it,
// so it can run beside work that changes the job (prepare_job runs it beside the logos).
class GlyphCheck {
 public:
  struct Text {
    std::string what;  // "Attendorn: caption" or "title"
    std::string text;
    std::string font;
    Position pos;
    std::string participant;
  };

  explicit GlyphCheck(const Job& job);
  void run(Diagnostics& out) const;

 private:
  std::string file_;
  std::string caption_font_;
  std::vector<Text> captions_;  // of every entry that may print
  Text title_;
};

}  // namespace logogrid
