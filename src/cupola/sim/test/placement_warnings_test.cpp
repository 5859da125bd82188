// Placement warnings: each fires on its own mistake, made in the bundled
// border-town scenario, and none fires on the bundled scenarios as shipped.
#include "cupola/sim/placement_warnings.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "cupola/scenario/loader.h"

namespace cupola {
namespace {

ScenarioSpec Bundled(const std::string& name) {
  return LoadScenarioFile(std::string(CUPOLA_SOURCE_DIR) + "/scenarios/" + name);
}

std::vector<std::string> Codes(const ScenarioSpec& spec) {
  const World world(spec);
  std::vector<std::string> codes;
  for (const auto& w : PlacementWarnings(world)) codes.push_back(w.code);
  return codes;
}

std::vector<PlacementWarning> Warnings(const ScenarioSpec& spec) {
  const World world(spec);
  return PlacementWarnings(world);
}

TEST(PlacementWarnings, NoneOnTheBundledScenarios) {
  for (const auto& entry : std::filesystem::directory_iterator(std::string(CUPOLA_SOURCE_DIR) + "/scenarios")) {
    if (entry.path().extension() != ".yaml") continue;
    const ScenarioSpec spec = LoadScenarioFile(entry.path().string());
    for (const auto& w : Warnings(spec)) ADD_FAILURE() << entry.path() << ": " << w.ToString();
  }
}

TEST(PlacementWarnings, AnAimPointBeyondTheTypesRange) {
  ScenarioSpec spec = Bundled("border_town_salvo.yaml");
  ASSERT_TRUE(spec.threats[0].aim_point || !spec.threats[0].aim_area.empty());
  // 60 km north-east of the launch site: beyond any Qassam-class rocket's reach.
  const GeodeticPoint launch = spec.threats[0].launch_site;
  spec.threats[0].aim_area.clear();
  spec.threats[0].aim_point = GeodeticPoint{launch.lat_deg + 0.4, launch.lon_deg + 0.4, 0.0};
  const auto warnings = Warnings(spec);
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_EQ(warnings[0].code, "aim_beyond_reach");
  EXPECT_EQ(warnings[0].key, "threats[0].aim_point");
  EXPECT_GT(warnings[0].where.line, 0);
  EXPECT_NE(warnings[0].ToString().find("maximum range"), std::string::npos) << warnings[0].ToString();
}

TEST(PlacementWarnings, AnAreaTypedLongitudeFirst) {
  ScenarioSpec spec = Bundled("border_town_salvo.yaml");
  for (auto& v : spec.defended_areas[0].polygon) std::swap(v.lat_deg, v.lon_deg);
  const auto warnings = Warnings(spec);
  ASSERT_FALSE(warnings.empty());
  EXPECT_EQ(warnings[0].code, "lat_lon_swapped");
  EXPECT_EQ(warnings[0].key, "defended_areas[0].polygon[0]");
  EXPECT_NE(warnings[0].message.find("swapped"), std::string::npos);
}

TEST(PlacementWarnings, ARadarFarFromTheOrigin) {
  ScenarioSpec spec = Bundled("border_town_salvo.yaml");
  spec.radars[0].site.lat_deg += 3.0;  // about 330 km north: not a swap, just far
  EXPECT_EQ(Codes(spec), std::vector<std::string>{"far_from_origin"});
}

TEST(PlacementWarnings, ABatteryNoRadarReaches) {
  ScenarioSpec spec = Bundled("border_town_salvo.yaml");
  ASSERT_FALSE(spec.links.empty());
  spec.links[0].to = spec.radars[0].name;  // the only link now goes nowhere useful
  spec.links[0].from = spec.batteries[0].name;
  EXPECT_EQ(Codes(spec), std::vector<std::string>{"no_sensor_path"});
  ScenarioSpec no_radars = Bundled("border_town_salvo.yaml");
  no_radars.radars.clear();
  no_radars.links.clear();
  EXPECT_EQ(Codes(no_radars), std::vector<std::string>{"no_sensor_path"});
}

TEST(PlacementWarnings, RocketsWithoutABallisticTrackerMode) {
  ScenarioSpec spec = Bundled("border_town_salvo.yaml");
  spec.tracker.motion_model = MotionModelKind::kCv;
  EXPECT_EQ(Codes(spec), std::vector<std::string>{"no_ballistic_model"});
  spec.tracker.motion_model = MotionModelKind::kImm;
  spec.tracker.imm_models = {MotionModelKind::kCv, MotionModelKind::kCt};
  EXPECT_EQ(Codes(spec), std::vector<std::string>{"no_ballistic_model"});
  spec.tracker.motion_model = MotionModelKind::kBallistic;
  EXPECT_TRUE(Codes(spec).empty());
}

TEST(PlacementWarnings, AnEnvelopeBeyondTheInterceptorsReach) {
  ScenarioSpec spec = Bundled("border_town_salvo.yaml");
  spec.batteries[0].max_range_m = 70e3;  // the old default: tamir flies about 15 km
  const auto warnings = Warnings(spec);
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_EQ(warnings[0].code, "envelope_beyond_reach");
  EXPECT_EQ(warnings[0].key, "batteries[0].max_range_km");
  // The envelope used is the reach, not the 70 km typed.
  const World world(spec);
  EXPECT_EQ(world.batteries()[0].envelope.max_range_m, world.batteries()[0].fly_out.MaxDistance());
  EXPECT_LT(world.batteries()[0].envelope.max_range_m, 20e3);
  EXPECT_GT(world.batteries()[0].envelope.max_range_m, 12e3);
}

}  // namespace
}  // namespace cupola
