// resolve_logo runs on several threads at once for different files: results must not
// depend on what the other threads decode.
#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

#include "resolve/logo.hpp"

namespace logogrid {
namespace {

TEST(resolve_threads, parallel_decodes_agree_with_serial_ones) {
  const std::vector<std::string> inputs{
      R"(<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100">)"
      R"(<rect x="50" y="20" width="100" height="40" fill="#c00"/></svg>)",
      R"(<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 50 50">)"
      R"(<text x="5" y="30">Soest</text><circle cx="25" cy="25" r="10"/></svg>)",
      "<svg xmlns=\"http://www.w3.org/2000/svg\">\n<g>\n</svg>\n",
      std::string("\x89PNG\r\n\x1a\n", 8) + "truncated",
  };
  auto run = [&](std::size_t which) {
    LogoRequest request;
    request.path = "logos/" + std::to_string(which);
    Diagnostics diagnostics;
    const auto logo = decode_logo(inputs[which], request, diagnostics);
    std::string summary = logo ? "ok " + std::to_string(logo->ink.x) : "failed";
    for (const auto& d : diagnostics.items()) summary += "|" + d.code + ":" + d.message;
    return summary;
  };
  std::vector<std::string> serial;
  for (std::size_t i = 0; i < inputs.size(); ++i) serial.push_back(run(i));

  std::vector<std::string> parallel(inputs.size() * 4);
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < parallel.size(); ++t)
    threads.emplace_back([&, t] {
      for (int round = 0; round < 5; ++round) parallel[t] = run(t % inputs.size());
    });
  for (auto& thread : threads) thread.join();
  for (std::size_t t = 0; t < parallel.size(); ++t)
    EXPECT_EQ(parallel[t], serial[t % inputs.size()]) << t;
}

}  // namespace
}  // namespace logogrid
