// cupola/campaign/arms.h -- the defences one campaign runs, each a World
// built once: A alone; A and B (--versus, --versus-set: B's overrides after
// A's); or one per point of the --sweep grid (the point's overrides after
// the campaign's). `cupola mc` and the Python module build them here, so
// both run the same arms for the same arguments.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "cupola/campaign/sweep.h"
#include "cupola/sim/world.h"

namespace cupola {

/// One scenario loaded for an arm, by the front end (which reads its own kind of source).
struct LoadedScenario {
  std::unique_ptr<World> world;
  std::string file;             // where it came from, for the campaign's description ("" if not a file)
  std::string scenario_sha256;  // of the file's bytes ("" if not a file)
};
/// Loads scenario A (`versus` false) or B (true) with `overrides` (KEY=VALUE, in order).
using ArmScenarioLoader = std::function<LoadedScenario(bool versus, const std::vector<std::string>& overrides)>;

struct CampaignArm {
  std::string label;                   // "A", "B", or the sweep point ("threats.0.count=40, ...")
  std::vector<std::string> overrides;  // every KEY=VALUE applied, in order
  std::vector<std::string> point;      // a sweep point's own overrides; empty otherwise
  LoadedScenario scenario;
};

/// The arms of a campaign with `overrides` on every arm: A, plus B when
/// `paired`, or one per point of `axes` (not both: the caller refuses that).
/// A bad sweep value is told at its `--sweep` (InputError), not as a --set.
std::vector<CampaignArm> BuildArms(const ArmScenarioLoader& load, const std::vector<std::string>& overrides,
                                   bool paired, const std::vector<std::string>& versus_overrides,
                                   const std::vector<SweepAxis>& axes);

}  // namespace cupola
