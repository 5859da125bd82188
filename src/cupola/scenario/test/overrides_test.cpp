#include "cupola/scenario/overrides.h"

#include <gtest/gtest.h>

#include "cupola/core/units.h"
#include "cupola/scenario/loader.h"

namespace cupola {
namespace {

const char* kScenario = R"(version: 1
origin: {lat_deg: 31.5, lon_deg: 34.6}
duration_s: 300
defended_areas:
  - name: Town
    polygon_latlon_deg: [[31.50, 34.60], [31.50, 34.62], [31.52, 34.62], [31.52, 34.60]]
threats:
  - name: first
    type: mortar_81mm
    count: 3
    launch_site: {lat_deg: 31.48, lon_deg: 34.58}
    aim_area: Town
  - type: qassam
    launch_site: {lat_deg: 31.45, lon_deg: 34.55}
    aim_area: Town
radars:
  - name: r1
    site: {lat_deg: 31.45, lon_deg: 34.6}
)";

ScenarioSpec Load(const std::vector<std::string>& arguments, const std::string& text = kScenario) {
  std::vector<ScenarioOverride> overrides;
  for (const auto& a : arguments) overrides.push_back(ParseOverride(a));
  return LoadScenarioText(text, "t.yaml", overrides);
}

std::string ErrorOf(const std::vector<std::string>& arguments, const std::string& text = kScenario) {
  try {
    Load(arguments, text);
  } catch (const InputError& e) {
    return e.what();
  }
  return "no error";
}

TEST(Overrides, ParseSplitsAtTheFirstEquals) {
  const ScenarioOverride o = ParseOverride("name=a=b");
  EXPECT_EQ(o.path, "name");
  EXPECT_EQ(o.value, "a=b");
  EXPECT_EQ(o.Where().ToString(), "--set name=a=b");
  EXPECT_THROW(ParseOverride("name"), InputError);
  EXPECT_THROW(ParseOverride("=3"), InputError);
  EXPECT_THROW(ParseOverride("threats.=3"), InputError);
  EXPECT_THROW(ParseOverride(".threats=3"), InputError);
}

TEST(Overrides, SetKeysByPathIndexAndName) {
  const ScenarioSpec s = Load({"duration_s=400", "threats.0.count=7", "threats.first.start_s=10",
                               "radars.r1.max_range_km=50", "threats.1.aim_sigma_m=20"});
  EXPECT_DOUBLE_EQ(s.duration_s, 400.0);
  EXPECT_EQ(s.threats[0].count, 7);
  EXPECT_DOUBLE_EQ(s.threats[0].start_s, 10.0);
  EXPECT_DOUBLE_EQ(s.radars[0].max_range_m, 50e3);
  EXPECT_DOUBLE_EQ(s.threats[1].aim_sigma_m, 20.0);
}

TEST(Overrides, ValuesAreYamlAndMissingSectionsAreMade) {
  const ScenarioSpec s =
      Load({"physics.wind.speed_mps=4", "physics.wind.from_deg=90",
            "alert_zones=[{name: z, polygon_latlon_deg: [[31.5, 34.6], [31.5, 34.62], [31.52, 34.6]]}]"});
  EXPECT_DOUBLE_EQ(s.physics.wind_speed_mps, 4.0);
  EXPECT_DOUBLE_EQ(s.physics.wind_from_rad, DegToRad(90.0));
  ASSERT_EQ(s.alert_zones.size(), 1u);
  EXPECT_EQ(s.alert_zones[0].name, "z");
  // A key is added beside the file's, never removed: the loader checks the pair.
  EXPECT_NE(ErrorOf({"threats.0.aim_point={lat_deg: 31.51, lon_deg: 34.61}"}).find("both aim_point and aim_area"),
            std::string::npos);
}

TEST(Overrides, ALaterOverrideWins) {
  EXPECT_EQ(Load({"threats.0.count=2", "threats.0.count=5"}).threats[0].count, 5);
  EXPECT_EQ(Load({"threats.0={type: qassam, count: 4, launch_site: {lat_deg: 31.45, lon_deg: 34.55}, aim_area: Town}",
                  "threats.0.count=6"})
                .threats[0]
                .count,
            6);
}

TEST(Overrides, MessagesAboutASetValueNameTheArgument) {
  EXPECT_EQ(ErrorOf({"threats.0.count=abc"}),
            "--set threats.0.count=abc: threats[0].count: got 'abc'; expected an integer in [1, 100000]");
  EXPECT_EQ(ErrorOf({"threats.first.cont=2"})
                .rfind("--set threats.first.cont=2: threats[0].cont: got unknown key 'cont'; expected 'count' (did", 0),
            0u);
  // Inside a value: the list item's key is the argument's.
  EXPECT_EQ(ErrorOf({"threats.1.launch_site={lat_deg: 95, lon_deg: 34}"}),
            "--set threats.1.launch_site={lat_deg: 95, lon_deg: 34}: threats[1].launch_site.lat_deg: got 95; "
            "expected a number in [-90, 90]");
  // A whole item replaced: what it lacks is the argument's.
  EXPECT_EQ(ErrorOf({"threats.1={type: qassam}"}),
            "--set threats.1={type: qassam}: threats[1].launch_site: got nothing (the key is missing); expected a "
            "map with keys lat_deg, lon_deg");
  // Of two overrides, the one whose value it is.
  EXPECT_EQ(ErrorOf({"threats.0.count=abc", "duration_s=100"}).rfind("--set threats.0.count=abc: ", 0), 0u);
}

TEST(Overrides, MessagesAboutTheFileNameTheFile) {
  const std::string bad = std::string(kScenario) + "seed: -1\n";
  EXPECT_EQ(ErrorOf({"threats.0.count=2"}, bad).rfind("t.yaml:19:7: seed: got -1", 0), 0u) << ErrorOf({}, bad);
}

TEST(Overrides, PathsThatLeadNowhere) {
  EXPECT_EQ(ErrorOf({"threats.2.count=1"}),
            "--set threats.2.count=1: threats: got item 2 of a list of 2; expected an index from 0 to 1");
  EXPECT_EQ(ErrorOf({"threats.frist.count=1"}),
            "--set threats.frist.count=1: threats: got 'frist' (no item has this name); expected 'first' (did you "
            "mean it?), or an index from 0 to 1, or an item's name: first");
  EXPECT_EQ(ErrorOf({"origin.lat_deg.x=1"}),
            "--set origin.lat_deg.x=1: origin.lat_deg: got '31.5'; expected a map or a list to hold 'x'");
  EXPECT_EQ(ErrorOf({"threats.99999999999999999999999.count=1"}).substr(0, 80),
            "--set threats.99999999999999999999999.count=1: threats: got item 999999999999999");
  // No list in the file: a map is made, and the loader wants a list.
  EXPECT_EQ(ErrorOf({"links.0.latency_s=1"}),
            "--set links.0.latency_s=1: links: got a map; expected a list of at least 0 items");
}

// Messages reach a terminal: no control character from an argument does.
TEST(Overrides, ControlCharactersInAnArgumentAreEscaped) {
  for (const std::string argument : {"du\x1b[2Jration_s=[1,", "threats.\x1b.count=1", "x\x1b=1", "seed=\x07"}) {
    const std::string message = ErrorOf({argument});
    EXPECT_EQ(message.find('\x1b'), std::string::npos) << message;
    EXPECT_EQ(message.find('\x07'), std::string::npos) << message;
    EXPECT_NE(message.find("\\x"), std::string::npos) << message;
  }
}

TEST(Overrides, AnEmptyListSaysToSetTheWholeList) {
  const std::string text = std::string(kScenario) + "links: []\n";
  EXPECT_EQ(ErrorOf({"links.0.latency_s=1"}, text),
            "--set links.0.latency_s=1: links: got item 0 of a list of 0; expected an item, but the list is empty: "
            "set the whole list instead (links=[...])");
}

}  // namespace
}  // namespace cupola
