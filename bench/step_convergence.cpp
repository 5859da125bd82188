// step_convergence -- how the range of each catalog type converges as the
// RK4 steps shrink (docs/physics.md shows this table). The reference is the
// smallest step pair; the default is step_s = 0.25 s, boost_step_s = 0.05 s.
#include <cmath>
#include <cstdio>

#include "cupola/core/units.h"
#include "cupola/physics/fire_control.h"
#include "cupola/scenario/presets.h"

using namespace cupola;

int main() {
  const LocalFrame frame({31.5, 34.5, 0.0});
  const FlightEnvironment env = FlightEnvironment::Standard(frame, 0.0);
  const double steps[][2] = {{0.0125, 0.0025}, {0.05, 0.01}, {0.1, 0.02}, {0.25, 0.05}, {0.5, 0.1}, {1.0, 0.2}};
  std::printf("| type | elevation | step_s / boost_step_s | RK4 steps | range (m) | difference from finest (m) |\n");
  std::printf("|---|---|---|---|---|---|\n");
  for (const auto& type : ThreatCatalog()) {
    if (!type.IsBallistic()) continue;
    const double elevation = DegToRad(type.ballistic.high_angle ? 60.0 : 45.0);
    double reference = 0.0;
    for (const auto& pair : steps) {
      const BallisticModel model{&type.ballistic, &env, pair[0], pair[1]};
      const FlightResult r = FlyToImpact(model, Launch(model, Eigen::Vector3d::Zero(), elevation, 0.3, 0.0), 1e4);
      const double range = r.end.p_W.head<2>().norm();
      if (reference == 0.0) reference = range;
      std::printf("| %s | %.0f deg | %g / %g | %zu | %.3f | %+.4f |\n", type.name.c_str(), RadToDeg(elevation), pair[0],
                  pair[1], r.steps, range, range - reference);
    }
  }
}
