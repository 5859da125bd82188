#include "cupola/io/provenance.h"

#include "cupola/core/version.h"

namespace cupola {

nlohmann::ordered_json ProvenanceJson(const RunProvenance& provenance, std::uint64_t seed) {
  using json = nlohmann::ordered_json;
  const std::string commit = Commit();
  return {{"version", Version()},
          {"commit", commit.empty() ? json(nullptr) : json(commit)},
          {"scenario_sha256", provenance.scenario_sha256.empty() ? json(nullptr) : json(provenance.scenario_sha256)},
          {"scenario_overrides", provenance.scenario_overrides},
          {"command_line", provenance.command_line},
          {"seed", std::to_string(seed)},
          {"threads", provenance.threads}};
}

}  // namespace cupola
