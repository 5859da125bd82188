// cupola/io/provenance.h -- what made a run's outputs, so that a reader can
// tell which build, scenario bytes, command and seed to use to make them
// again. summary.json's `provenance` object and replay.czml's document
// packet carry it; keys: docs/outputs.md.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace cupola {

struct RunProvenance {
  std::string scenario_sha256;            // of the scenario file's bytes; empty: not known (null)
  std::vector<std::string> scenario_overrides;  // `--set KEY=VALUE` arguments applied to the file, in order
  std::vector<std::string> command_line;  // the program's arguments as given, argv[0] first
  int threads = 1;                        // worker threads of the run
};

/// {version, commit (null outside a git build), scenario_sha256,
/// scenario_overrides, command_line, seed, threads}: the scenario that ran is
/// the file with that hash changed by those overrides. The seed is a string: JSON readers hold numbers as
/// doubles, which round integers above 2^53.
nlohmann::ordered_json ProvenanceJson(const RunProvenance& provenance, std::uint64_t seed);

}  // namespace cupola
