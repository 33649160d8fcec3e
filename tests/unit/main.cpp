// The unit tests' main: SVG decoding starts this binary again as its renderer worker
// (svg_worker.hpp), so it must answer as one when asked.
#include <gtest/gtest.h>

#include "app/svg_requests.hpp"

int main(int argc, char** argv) {
  if (logogrid::serve_svg_worker_if_asked(argc, argv, logogrid::answer_svg_request)) return 0;
  testing::InitGoogleTest(&argc, argv);
  return RUN_ALL_TESTS();
}
