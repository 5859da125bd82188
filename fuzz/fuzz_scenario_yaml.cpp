// fuzz/fuzz_scenario_yaml.cpp -- the scenario YAML loader (scenario/loader.h),
// then, for scenarios whose World is cheap to build, the World (sim/world.h).
#include <cstdint>
#include <string>

#include "cupola/scenario/loader.h"
#include "cupola/sim/world.h"
#include "fuzz_util.h"

namespace {

// Building a World lays fire-control tables (a fan of trajectories per
// ballistic salvo without a fixed elevation) and fly-out tables (one per
// battery): far too slow for every fuzz input. Build it only without them.
bool CheapWorld(const cupola::ScenarioSpec& spec) {
  if (!spec.batteries.empty()) return false;
  for (const auto& s : spec.threats) {
    const cupola::ThreatType* type = spec.FindThreatType(s.type);
    if (type != nullptr && type->IsBallistic() && !s.elevation_rad) return false;
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text = cupola::fuzz::AsText(data, size);
  const std::string label = "fuzz.yaml";
  cupola::ScenarioSpec spec;
  try {
    spec = cupola::LoadScenarioText(text, label);
  } catch (const cupola::InputError& e) {
    cupola::fuzz::CheckInputError(e, text, label);
    return 0;
  }
  // What later stages rely on after a successful load (loader.h: "nothing in
  // them needs checking again").
  for (const auto& s : spec.threats) {
    FUZZ_REQUIRE(spec.FindThreatType(s.type) != nullptr, "salvo '" + s.name + "' has unknown type " + s.type);
    FUZZ_REQUIRE(s.count >= 1, "salvo '" + s.name + "' count " + std::to_string(s.count));
  }
  FUZZ_REQUIRE(spec.TotalThreats() >= 0, "negative total threat count");
  if (CheapWorld(spec)) {
    const cupola::World world(std::move(spec));
    for (const auto& salvo : world.salvos()) {
      FUZZ_REQUIRE(salvo.type != nullptr, "salvo without a type");
      FUZZ_REQUIRE(salvo.p_launch_W.allFinite() && salvo.aim_EN.allFinite(),
                   "salvo '" + salvo.spec->name + "': launch point or aim point not finite");
      (void)world.AreaAt(salvo.aim_EN);
    }
  }
  return 0;
}
