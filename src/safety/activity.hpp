// What the run is doing, in words, for the one message that cannot be more specific:
// "error: out of memory while rendering the PDF".
#pragma once

namespace logogrid {

// `what` must be a string literal (kept by pointer): "loading the participants file".
void set_activity(const char* what) noexcept;
const char* current_activity() noexcept;

}  // namespace logogrid
