// The built-in layout: the defaults of struct Layout are exactly
// layouts/rahmenstrategie-a4.yaml (tests/unit/plan_layouts_test.cpp keeps them in step).
#include "load/layout.hpp"

namespace logogrid {

Layout default_layout() { return Layout{}; }

}  // namespace logogrid
