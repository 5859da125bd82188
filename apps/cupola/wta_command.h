// apps/cupola/wta_command.h -- `cupola wta`: solve or generate a static
// weapon-target assignment instance (docs/wta.md).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace cupola::cli {

struct WtaOptions {
  std::string instance;         // JSON or plain-text instance, gzip-compressed or not; empty with --generate
  std::string solver = "auto";  // auto (exact if weapons x targets <= 400, else local), greedy, local, exact
  double time_limit_s = 0.0;    // 0: the solver's default (exact: 10 s; local: its round budget)
  std::uint64_t seed = 1;       // local search's perturbations, or --generate's instance
  bool json = false;            // print the solution as JSON
  std::vector<int> generate;    // {W, T}: write a random instance instead of solving
  std::string out;              // --generate's output file; empty: stdout
};

/// Exit status 0, or 2 for bad input (InputError is thrown for the caller to report).
int Wta(const WtaOptions& options);

}  // namespace cupola::cli
