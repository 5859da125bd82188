#include "cupola/interceptor/endgame.h"

#include <gtest/gtest.h>

#include <cmath>

#include "cupola/core/random.h"
#include "cupola/core/units.h"
#include "cupola/geo/local_frame.h"
#include "cupola/interceptor/pk_calibration.h"
#include "cupola/physics/environment.h"
#include "cupola/scenario/presets.h"

namespace cupola {
namespace {

TEST(Endgame, SeekerNoiseIsThermalFarAndGlintNear) {
  InterceptorType type;
  type.seeker_range_m = 5000.0;
  type.seeker_noise_rad = 0.0;
  type.seeker_thermal_noise_rad = 0.002;
  type.glint_fraction_of_span = 0.2;
  const EndgameTarget target{2.5, 0.0, 0.0, 1.0};
  // At lock-on range: thermal 2 mrad and glint 0.5 m / 5 km = 0.1 mrad.
  EXPECT_NEAR(SeekerNoise_rad(type, target, 5000.0), std::hypot(0.002, 0.0001), 1e-12);
  // Half the range: a quarter of the thermal noise.
  EXPECT_NEAR(SeekerNoise_rad(type, target, 2500.0), std::hypot(0.0005, 0.0002), 1e-12);
  // 50 m: glint 0.5 m / 50 m = 10 mrad; thermal 2e-7 rad.
  EXPECT_NEAR(SeekerNoise_rad(type, target, 50.0), 0.01, 1e-8);
}

TEST(Endgame, FuzeTimingErrorLengthensTheBurstDistanceAlongTheRelativeVelocity) {
  EXPECT_DOUBLE_EQ(BurstDistance(3.0, 1000.0, 0.004), 5.0);  // 4 m along, 3 m across
  EXPECT_DOUBLE_EQ(BurstDistance(2.0, 1500.0, 0.0), 2.0);
}

TEST(Endgame, WeaveDisplacementIsItsAccelerationOverOmegaSquaredAcrossTheVelocity) {
  const EndgameTarget drone{2.5, 3.0, 4.0, 1.5};
  const double omega = 2.0 * 3.14159265358979323846 / 4.0;
  const Eigen::Vector3d v(50.0, 0.0, 0.0), up = Eigen::Vector3d::UnitZ();
  const WeaveOffset w = Weave(drone, 3.14159265358979323846 / 2.0, 0.0, v, up);
  EXPECT_NEAR(w.dp_W.norm(), 3.0 / (omega * omega), 1e-12);
  EXPECT_NEAR(w.dp_W.dot(v), 0.0, 1e-12);
  EXPECT_NEAR(w.dp_W.z(), 0.0, 1e-12);
  EXPECT_NEAR(w.dv_W.norm(), 0.0, 1e-12);  // at the crest
  EXPECT_EQ(Weave(EndgameTargetFor(ThreatKind::kRocket), 1.0, 2.0, v, up).dp_W, Eigen::Vector3d::Zero());
}

TEST(Endgame, VulnerabilityScalesTheLethalRadius) {
  InterceptorType type;
  type.lethal_radius_m = 6.0;
  const double d = 6.0;
  const double rocket = EndgameKillProbability(type, EndgameTargetFor(ThreatKind::kRocket), d);
  EXPECT_NEAR(rocket, std::exp(-0.5), 1e-12);
  EXPECT_NEAR(EndgameKillProbability(type, EndgameTargetFor(ThreatKind::kDrone), d), std::exp(-0.5 / 2.25), 1e-12);
  EXPECT_NEAR(EndgameKillProbability(type, EndgameTargetFor(ThreatKind::kMortar), d), std::exp(-0.5 / 0.64), 1e-12);
}

class PkStatistics : public ::testing::Test {
 protected:
  PkEstimate Estimate(const InterceptorType& type, const char* threat) const {
    return EstimateSingleShotPk(type, env_, *FindCatalogThreat(threat), 60, 7);
  }
  LocalFrame frame_{GeodeticPoint{31.5, 34.6, 0.0}};
  FlightEnvironment env_ = FlightEnvironment::Standard(frame_, 0.0);
  InterceptorType tamir_ = *FindCatalogInterceptor("tamir");
};

// Intervals mean +- 3 standard errors must not overlap.
void ExpectBelow(const PkEstimate& low, const PkEstimate& high) {
  EXPECT_LT(low.pk + 3.0 * low.standard_error, high.pk - 3.0 * high.standard_error)
      << low.pk << " +- " << low.standard_error << " vs " << high.pk << " +- " << high.standard_error;
}

TEST_F(PkStatistics, AchievedPkRisesWithLethalRadius) {
  InterceptorType small = tamir_, large = tamir_;
  small.lethal_radius_m = 1.5;
  large.lethal_radius_m = 6.0;
  ExpectBelow(Estimate(small, "rocket_122mm"), Estimate(large, "rocket_122mm"));
}

TEST_F(PkStatistics, AchievedPkFallsWithSeekerNoise) {
  InterceptorType noisy = tamir_;
  noisy.seeker_noise_rad *= 20.0;
  noisy.glint_fraction_of_span *= 5.0;
  ExpectBelow(Estimate(noisy, "rocket_122mm"), Estimate(tamir_, "rocket_122mm"));
}

TEST_F(PkStatistics, MissGrowsWithEachErrorSource) {
  InterceptorType ideal = tamir_;
  ideal.seeker_noise_rad = ideal.seeker_thermal_noise_rad = ideal.glint_fraction_of_span = 0.0;
  ideal.radome_slope = ideal.fuze_delay_sigma_s = 0.0;
  const PkEstimate perfect = Estimate(ideal, "rocket_122mm");
  const PkEstimate real = Estimate(tamir_, "rocket_122mm");
  EXPECT_LT(perfect.mean_miss_m, 0.3);  // PN on a clean line of sight: the old near-certain kill
  EXPECT_GT(real.mean_miss_m, 2.0 * perfect.mean_miss_m);
  EXPECT_GT(perfect.pk, real.pk);
}

// The planning estimate (40 engagements, headings on a grid) against kills
// drawn in 300 other engagements (fresh seeds, headings at random): the
// share killed lies within 3.3 binomial sigmas of the planned Pk.
TEST_F(PkStatistics, PlanningPkMatchesTheKillsAchieved) {
  for (const char* name : {"rocket_122mm", "mortar_120mm", "shahed_136"}) {
    const ThreatType& threat = *FindCatalogThreat(name);
    const double planned = EstimateSingleShotPk(tamir_, env_, threat).pk;
    Rng rng(StreamSeed(11, name));
    constexpr int kShots = 300;
    int kills = 0;
    for (int i = 0; i < kShots; ++i) {
      const double heading = DegToRad(rng.Uniform(-60.0, 60.0));
      const double pk = CanonicalKillProbability(tamir_, env_, EndgameTargetFor(threat.kind), CanonicalFor(threat),
                                                 heading, rng.Uniform(0.0, 6.283185307179586), rng.NextU64());
      kills += rng.Uniform() < pk;
    }
    const double sigma = std::sqrt(planned * (1.0 - planned) / kShots);
    EXPECT_NEAR(double(kills) / kShots, planned, 3.3 * sigma + 1.0 / kShots) << name;
  }
}

}  // namespace
}  // namespace cupola
