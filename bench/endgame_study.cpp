// endgame_study: the endgame model's own numbers, for docs/interceptor.md and
// docs/img/endgame_pk.py. Prints, as CSV sections:
//   estimate: per catalog threat type, the planning Pk estimate (60 canonical
//             engagements), its standard error, mean miss, detonations and
//             the wall time of the estimate;
//   damage:   Pk against burst distance per threat kind (the damage function);
//   heading:  Pk against the target's heading off straight at the launcher
//             (crossing angle), mean over 20 seeds per point, per threat type;
//   sources:  mean miss and Pk against a rocket with one error source at a time.
#include <chrono>
#include <cstdio>

#include "cupola/core/random.h"
#include "cupola/core/units.h"
#include "cupola/geo/local_frame.h"
#include "cupola/interceptor/pk_calibration.h"
#include "cupola/scenario/presets.h"

using namespace cupola;

int main() {
  const LocalFrame frame(GeodeticPoint{31.5, 34.6, 0.0});
  const FlightEnvironment env = FlightEnvironment::Standard(frame, 0.0);
  const InterceptorType tamir = *FindCatalogInterceptor("tamir");
  std::printf("# estimate\ntype,pk,standard_error,mean_miss_m,detonations,runs,ms\n");
  for (const ThreatType& t : ThreatCatalog()) {
    const auto start = std::chrono::steady_clock::now();
    const PkEstimate e = EstimateSingleShotPk(tamir, env, t);
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    std::printf("%s,%.4f,%.4f,%.3f,%d,%d,%.1f\n", t.name.c_str(), e.pk, e.standard_error, e.mean_miss_m, e.detonations,
                e.runs, ms);
  }
  std::printf("# damage\nburst_m,rocket,mortar,drone\n");
  for (double d = 0.0; d <= 20.0001; d += 0.25)
    std::printf("%.2f,%.4f,%.4f,%.4f\n", d, EndgameKillProbability(tamir, EndgameTargetFor(ThreatKind::kRocket), d),
                EndgameKillProbability(tamir, EndgameTargetFor(ThreatKind::kMortar), d),
                EndgameKillProbability(tamir, EndgameTargetFor(ThreatKind::kDrone), d));
  std::printf("# heading\nheading_deg,rocket_122mm,mortar_120mm,shahed_136\n");
  for (double h = -80.0; h <= 80.0001; h += 10.0) {
    std::printf("%.0f", h);
    for (const char* name : {"rocket_122mm", "mortar_120mm", "shahed_136"}) {
      const ThreatType& t = *FindCatalogThreat(name);
      double sum = 0.0;
      for (int i = 0; i < 20; ++i)
        sum += CanonicalKillProbability(tamir, env, EndgameTargetFor(t.kind), CanonicalFor(t), DegToRad(h),
                                        2.0 * kPi * i / 20, SubstreamSeed(99, static_cast<std::uint64_t>(i)));
      std::printf(",%.4f", sum / 20);
    }
    std::printf("\n");
  }
  std::printf("# sources\nsource,mean_miss_m,pk\n");
  InterceptorType ideal = tamir;
  ideal.seeker_noise_rad = ideal.seeker_thermal_noise_rad = ideal.glint_fraction_of_span = 0.0;
  ideal.radome_slope = ideal.fuze_delay_sigma_s = 0.0;
  const ThreatType& rocket = *FindCatalogThreat("rocket_122mm");
  const auto row = [&](const char* what, const InterceptorType& type) {
    const PkEstimate e = EstimateSingleShotPk(type, env, rocket);
    std::printf("%s,%.3f,%.4f\n", what, e.mean_miss_m, e.pk);
  };
  row("none", ideal);
  InterceptorType one = ideal;
  one.seeker_noise_rad = tamir.seeker_noise_rad, row("fixed_noise", one), one = ideal;
  one.seeker_thermal_noise_rad = tamir.seeker_thermal_noise_rad, row("thermal_noise", one), one = ideal;
  one.glint_fraction_of_span = tamir.glint_fraction_of_span, row("glint", one), one = ideal;
  one.radome_slope = tamir.radome_slope, row("radome", one), one = ideal;
  one.fuze_delay_sigma_s = tamir.fuze_delay_sigma_s, row("fuze_timing", one), one = ideal;
  InterceptorType slow = tamir;
  slow.autopilot_time_constant_s *= 2.0, row("all_with_double_autopilot_lag", slow);
  row("all", tamir);
  return 0;
}
