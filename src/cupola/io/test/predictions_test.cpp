// predictions.geojson keeps only predictions that mean something: those
// within the scenario's extent plus a margin.
#include <gtest/gtest.h>

#include "cupola/io/run_outputs.h"
#include "cupola/scenario/loader.h"

namespace cupola {
namespace {

ThreatAssessment AssessmentAt(int track_id, const Eigen::Vector2d& mean_EN) {
  ThreatAssessment a;
  a.track_id = track_id;
  a.prediction.valid = true;
  a.prediction.mean_EN = mean_EN;
  a.prediction.cov_EN = 100.0 * Eigen::Matrix2d::Identity();
  return a;
}

TEST(PredictionsGeoJson, LeavesOutPredictionsFarOutsideTheScenario) {
  // A scenario 10 km across: the area at the origin, a launch site 10 km north.
  const World world(LoadScenarioText(R"(version: 1
origin: {lat_deg: 31.5, lon_deg: 34.6}
defended_areas:
  - name: town
    polygon_latlon_deg: [[31.51, 34.61], [31.50, 34.61], [31.50, 34.62], [31.51, 34.62]]
threats:
  - type: qassam
    launch_site: {lat_deg: 31.59, lon_deg: 34.6}
    aim_area: town
)", "extent.yaml"));
  EXPECT_NEAR(world.extent_EN().max().y(), 10000.0, 100.0);  // the launch site
  ReplicationResult result;
  result.tracking.emplace();
  // The margin is max(20 km, a quarter of the extent's diagonal): 20 km here.
  result.tracking->assessments = {AssessmentAt(1, {500.0, 500.0}), AssessmentAt(2, {0.0, 29000.0}),
                                  AssessmentAt(3, {0.0, 31000.0}), AssessmentAt(4, {590000.0, 0.0})};
  const auto geo = PredictionsGeoJson(world, result);
  std::vector<int> kept;
  for (const auto& f : geo["features"]) kept.push_back(f["properties"]["track_id"].get<int>());
  EXPECT_EQ(kept, (std::vector<int>{1, 2}));
}

}  // namespace
}  // namespace cupola
