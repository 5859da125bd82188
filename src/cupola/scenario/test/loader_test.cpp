#include "cupola/scenario/loader.h"

#include <gtest/gtest.h>

#include <cmath>

#include "cupola/core/units.h"

namespace cupola {
namespace {

const char* kMinimal = R"(version: 1
origin: {lat_deg: 31.5, lon_deg: 34.6, alt_m: 10}
duration_s: 300
seed: 7
defended_areas:
  - name: Town
    value: 1000
    polygon_latlon_deg: [[31.50, 34.60], [31.50, 34.62], [31.52, 34.62], [31.52, 34.60]]
threats:
  - type: mortar_81mm
    count: 3
    interval_s: 2.5
    launch_site: {lat_deg: 31.48, lon_deg: 34.58}
    aim_area: Town
    aim_sigma_m: 50
radars:
  - name: r1
    site: {lat_deg: 31.45, lon_deg: 34.6}
    sigma_azimuth_mrad: 1.5
    max_range_km: 60
)";

std::string ErrorOf(const std::string& text) {
  try {
    LoadScenarioText(text, "t.yaml");
  } catch (const InputError& e) {
    return e.what();
  }
  return "no error";
}

std::string Replace(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  return text.replace(at, from.size(), to);
}

TEST(Loader, ReadsAndConvertsToSi) {
  const ScenarioSpec s = LoadScenarioText(kMinimal, "dir/minimal.yaml");
  EXPECT_EQ(s.name, "minimal");  // default: file stem
  EXPECT_EQ(s.seed, 7u);
  EXPECT_DOUBLE_EQ(s.origin.alt_m, 10.0);
  ASSERT_EQ(s.threats.size(), 1u);
  EXPECT_EQ(s.threats[0].name, "salvo-1");
  EXPECT_EQ(s.threats[0].count, 3);
  EXPECT_EQ(s.TotalThreats(), 3);
  EXPECT_EQ(s.threats[0].aim_area, "Town");
  ASSERT_EQ(s.radars.size(), 1u);
  EXPECT_DOUBLE_EQ(s.radars[0].sigma_azimuth_rad, 1.5e-3);
  EXPECT_DOUBLE_EQ(s.radars[0].max_range_m, 60e3);
  EXPECT_DOUBLE_EQ(s.physics.step_s, 0.25);  // default
  EXPECT_EQ(s.threats[0].where.line, 10);
}

TEST(Loader, UnknownKeyGetsDidYouMeanWithLineAndColumn) {
  const std::string e = ErrorOf(Replace(kMinimal, "duration_s: 300", "duraton_s: 300"));
  EXPECT_EQ(e.rfind("t.yaml:3:1: duraton_s: got unknown key 'duraton_s'; expected 'duration_s' (did you mean it?)", 0), 0u) << e;
}

TEST(Loader, OutOfRangeLatitudeNamesPathAndBounds) {
  const std::string e = ErrorOf(Replace(kMinimal, "lat_deg: 31.48", "lat_deg: 91"));
  EXPECT_NE(e.find("t.yaml:13:"), std::string::npos) << e;
  EXPECT_NE(e.find("threats[0].launch_site.lat_deg: got 91; expected a number in [-90, 90]"), std::string::npos) << e;
}

TEST(Loader, UnknownThreatTypeSuggestsCatalogName) {
  const std::string e = ErrorOf(Replace(kMinimal, "type: mortar_81mm", "type: mortar_81"));
  EXPECT_NE(e.find("threats[0].type: got 'mortar_81'; expected 'mortar_81mm' (did you mean it?)"), std::string::npos) << e;
}

TEST(Loader, SelfIntersectingPolygonIsRejected) {
  const std::string e = ErrorOf(Replace(kMinimal, "[[31.50, 34.60], [31.50, 34.62], [31.52, 34.62], [31.52, 34.60]]",
                                        "[[31.50, 34.60], [31.52, 34.62], [31.50, 34.62], [31.52, 34.60]]"));
  EXPECT_NE(e.find("defended_areas[0].polygon_latlon_deg: got edges 0 and 2 cross"), std::string::npos) << e;
}

TEST(Loader, SyntaxErrorReportsPosition) {
  const std::string e = ErrorOf("version: 1\norigin: {lat_deg: 31.5, lon_deg: 34.6\n");
  EXPECT_EQ(e.rfind("t.yaml:", 0), 0u) << e;
  EXPECT_NE(e.find("expected valid YAML"), std::string::npos) << e;
}

TEST(Loader, UserThreatTypesWithDragTable) {
  const std::string text = std::string(kMinimal) + R"(threat_types:
  - name: my_rocket
    kind: rocket
    mass_kg: 50
    diameter_mm: 107
    drag: {table: [[0, 0.3], [1, 0.6], [2, 0.4]], form_factor: 1.1}
    motor: {thrust_n: 9000, burn_time_s: 1.5, propellant_kg: 8}
)";
  const ScenarioSpec s = LoadScenarioText(text, "t.yaml");
  const ThreatType* t = s.FindThreatType("my_rocket");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->kind, ThreatKind::kRocket);
  EXPECT_NEAR(t->ballistic.diameter_m, 0.107, 1e-12);
  EXPECT_NEAR(t->ballistic.drag.Cd(0.5), 1.1 * 0.45, 1e-9);
  EXPECT_TRUE(std::isnan(t->ballistic.best_elevation_rad));
  const std::string e = ErrorOf(Replace(text, "drag: {table: [[0, 0.3], [1, 0.6]", "drag: {table: [[0, 0.3], [0, 0.6]"));
  EXPECT_NE(e.find("a Mach number greater than the previous row's 0"), std::string::npos) << e;
}

TEST(Loader, BundledScenariosLoad) {
  for (const char* name : {"border_town_salvo", "mortar_attack", "drone_raid_city"}) {
    const ScenarioSpec s = LoadScenarioFile(std::string(CUPOLA_SOURCE_DIR) + "/scenarios/" + name + ".yaml");
    EXPECT_EQ(s.name, name);
    EXPECT_GT(s.TotalThreats(), 0);
  }
}

TEST(Loader, MissingFileIsAnInputError) {
  EXPECT_THROW(LoadScenarioFile("/nonexistent/x.yaml"), InputError);
}

TEST(Loader, ScenarioNameIsAFolderName) {
  // cupola run writes to out/<name>: a default from an awkward file name is
  // made safe, a written one must already be.
  EXPECT_EQ(LoadScenarioText(kMinimal, "dir/my scenario (v2).yaml").name, "my_scenario__v2_");
  EXPECT_EQ(LoadScenarioText(kMinimal, "dir/..yaml").name, "scenario");
  EXPECT_EQ(LoadScenarioText(std::string(kMinimal) + "name: raid-2024.v1_a\n", "t.yaml").name, "raid-2024.v1_a");
  for (const char* bad : {".hidden", "a/b", "..", "caf\xc3\xa9", "x y"}) {
    const std::string e = ErrorOf(std::string(kMinimal) + "name: \"" + bad + "\"\n");
    EXPECT_NE(e.find("name: got '"), std::string::npos) << bad << ": " << e;
    EXPECT_NE(e.find("expected a folder name"), std::string::npos) << bad << ": " << e;
  }
}

TEST(Loader, SyntaxErrorsShowNoRawControlCharacters) {
  // yaml-cpp's message for an unknown escape holds the character itself.
  const std::string e = ErrorOf("version: 1\norigin: {lat_deg: 31.5, lon_deg: \"\\\x1b[2J\"}\n");
  EXPECT_NE(e.find("unknown escape character: \\x1b)"), std::string::npos) << e;
  EXPECT_EQ(e.find('\x1b'), std::string::npos);
}

TEST(Loader, HugeDocumentsAreRefusedBeforeParsing) {
  const std::string lines(1'000'001, '\n');
  EXPECT_EQ(ErrorOf(lines).rfind("t.yaml:1000001:1: <document>: got more than 1000000 structure marks", 0), 0u)
      << ErrorOf(lines);
}

}  // namespace
}  // namespace cupola
