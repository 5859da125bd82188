// apps/cupola/mc_command.h -- `cupola mc`: Monte Carlo campaigns (docs/campaigns.md).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace cupola::cli {

struct McOptions {
  std::string scenario;                // empty: the bundled default
  std::uint64_t begin = 0, end = 100;  // replications begin .. end-1 (per defence and sweep point)
  int threads = 0;                     // 0: all cores
  std::optional<std::uint64_t> seed;   // campaign seed; default: the scenario's
  std::vector<std::string> overrides;  // --set, applied to every arm
  std::string out_dir;                 // empty: out/mc-<scenario name>
  std::string versus;                  // --versus B.yaml
  std::vector<std::string> versus_overrides;  // --versus-set: B is A (or B.yaml) with these
  std::vector<std::string> sweeps;     // --sweep KEY=v1,v2,...
  int keep_runs = 0;                   // full outputs of each arm's K worst replications
  std::vector<std::uint64_t> keep_indices;  // and of these
  bool quiet = false;
  bool json = false;
  bool strict = false;  // placement warnings are errors (exit 2, nothing written)
  std::vector<std::string> command_line;
};

struct McMergeOptions {
  std::vector<std::string> parts;  // campaign folders (or their results.sqlite)
  std::string out_dir;
  bool quiet = false;
  bool json = false;
  std::vector<std::string> command_line;
};

int Mc(const McOptions& options);
/// `cupola mc merge PARTS... --out DIR`: parts of one campaign (--replications
/// A:B each) into one, with the summary the campaign run at once gives.
int McMerge(const McMergeOptions& options);

}  // namespace cupola::cli
