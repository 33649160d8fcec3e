// One atomic pointer: set by the commands between stages, read by main's catch.
#include "safety/activity.hpp"

#include <atomic>

namespace logogrid {
namespace {
std::atomic<const char*> activity{"starting"};
}  // namespace

void set_activity(const char* what) noexcept { activity = what; }
const char* current_activity() noexcept { return activity; }

}  // namespace logogrid
