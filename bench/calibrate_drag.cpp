// calibrate_drag -- finds each catalog type's drag form factor so that its
// maximum range in the full model (WGS84 gravity, US 1976 atmosphere, no
// wind, no Earth rotation, at 31.5 N) equals the published maximum range.
// Prints the factors that scenario/presets.cpp should hold.
#include <cmath>
#include <cstdio>

#include "cupola/physics/fire_control.h"
#include "cupola/scenario/presets.h"

using namespace cupola;

double MaxRange(const ThreatType& type, double form_factor, const FlightEnvironment& env) {
  BallisticParams params = type.ballistic;
  std::vector<std::pair<double, double>> points = params.drag.points();
  params.drag = DragCurve(points, form_factor);
  const BallisticModel model{&params, &env, 0.25, 0.05};
  const double elevation = std::isnan(params.best_elevation_rad) ? MaxRangeElevation(model, Eigen::Vector3d::Zero(), 0.0)
                                                                 : params.best_elevation_rad;
  return FlyForRange(model, Eigen::Vector3d::Zero(), elevation, 0.0).range_m;
}

int main() {
  const LocalFrame frame({31.5, 34.5, 0.0});
  FlightEnvironment env = FlightEnvironment::Standard(frame, 0.0);
  env.earth_rotation = false;
  for (const auto& type : ThreatCatalog()) {
    if (!type.IsBallistic()) continue;
    double lo = 0.05, hi = 5.0;
    for (int i = 0; i < 60; ++i) {
      const double mid = std::sqrt(lo * hi);
      if (MaxRange(type, mid, env) > type.ballistic.published_max_range_m) lo = mid; else hi = mid;
    }
    std::printf("%-14s form factor %.4f  (range at it %.0f m, published %.0f m)\n", type.name.c_str(), lo,
                MaxRange(type, lo, env), type.ballistic.published_max_range_m);
  }
}
