#include "cupola/scenario/format_docs.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "cupola/scenario/loader.h"

namespace cupola {
namespace {

std::string Slurp(const std::string& relative) {
  std::ifstream in(std::string(CUPOLA_SOURCE_DIR) + "/" + relative, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

const char* const kHowToUpdate =
    " differs from the declared keys (src/cupola/scenario/scenario_fields.cpp). If the declarations are right, "
    "run: build/release/apps/cupola/cupola generate-format-docs . and commit the result";

TEST(FormatDocs, TheCommittedKeyTablesAreTheDeclaredOnes) {
  for (const std::string& doc : kFormatDocs) {
    const std::string text = Slurp(doc);
    ASSERT_FALSE(text.empty()) << doc;
    EXPECT_EQ(UpdateFormatDocs(text, ScenarioKeyTables(), doc), text) << doc << kHowToUpdate;
  }
}

TEST(FormatDocs, TheCommittedSchemaIsTheDeclaredOne) {
  const std::string schema = Slurp("schemas/scenario.schema.json");
  ASSERT_FALSE(schema.empty());
  EXPECT_EQ(UpdateFormatSchema(schema, ScenarioKeyTables()), schema) << "schemas/scenario.schema.json" << kHowToUpdate;
}

TEST(FormatDocs, RowsSayUnitDefaultAndBoundsInTheFilesUnits) {
  const std::string docs = UpdateFormatDocs(Slurp("docs/scenario.md"), ScenarioKeyTables());
  // Stored in radians and metres, documented in degrees and kilometres.
  EXPECT_NE(docs.find("| `max_elevation_deg` | deg | `85` | highest elevation covered | -10 to 90; more than "
                      "`min_elevation_deg` |"),
            std::string::npos);
  EXPECT_NE(docs.find("| `max_range_km` | km | `70` | maximum instrumented range | > 0, <= 2000; more than "
                      "`min_range_km` |"),
            std::string::npos);
  EXPECT_NE(docs.find("| `scan` | - | `electronic` |"), std::string::npos);
  EXPECT_NE(docs.find("| `wind.speed_mps` | m/s | **required** in `wind` |"), std::string::npos);
  EXPECT_NE(docs.find("| `kill_model` | - | the interceptor's (`carleton`) |"), std::string::npos);
}

TEST(FormatDocs, MissingMarkersAreNamed) {
  try {
    UpdateFormatDocs("# no tables\n", ScenarioKeyTables());
    FAIL() << "no error";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("<!-- keys: top_level "), std::string::npos) << e.what();
  }
  EXPECT_THROW(UpdateFormatSchema("{}", ScenarioKeyTables()), std::runtime_error);
}

// The documented default is what a file without the key gets: both are the
// spec struct's initializer.
template <class Spec>
void ExpectStructDefaults(const std::vector<Field<Spec>>& fields, const Spec& loaded, const std::string& section) {
  const Spec defaults{};
  for (const auto& f : fields) {
    if (f.required) continue;
    EXPECT_EQ(f.get(loaded), f.get(defaults)) << section << "." << f.key;
  }
}

TEST(FormatDocs, AKeyLeftOutTakesTheDocumentedDefault) {
  const ScenarioSpec s = LoadScenarioText(R"(version: 1
origin: {lat_deg: 31.5, lon_deg: 34.6}
defended_areas:
  - name: Town
    polygon_latlon_deg: [[31.50, 34.60], [31.50, 34.62], [31.52, 34.62]]
alert_zones:
  - name: Zone
    polygon_latlon_deg: [[31.50, 34.60], [31.50, 34.62], [31.52, 34.62]]
radars:
  - name: r
    site: {lat_deg: 31.45, lon_deg: 34.6}
    range_equation: {peak_power_kw: 10, antenna_gain_db: 30, frequency_ghz: 10, pulse_width_us: 1}
batteries:
  - name: b
    launchers: [{site: {lat_deg: 31.5, lon_deg: 34.6}}]
links:
  - {from: r, to: b}
threats:
  - {type: qassam, launch_site: {lat_deg: 31.45, lon_deg: 34.55}, aim_area: Town}
)",
                                          "defaults.yaml");
  ExpectStructDefaults(TopLevelFields(), s, "top level");
  ExpectStructDefaults(GeodeticFields(), s.origin, "origin");
  ExpectStructDefaults(PhysicsFields(), s.physics, "physics");
  ExpectStructDefaults(SalvoFields(), s.threats.at(0), "threats");
  ExpectStructDefaults(DefendedAreaFields(), s.defended_areas.at(0), "defended_areas");
  ExpectStructDefaults(AlertZoneFields(), s.alert_zones.at(0), "alert_zones");
  ExpectStructDefaults(RadarFields(), s.radars.at(0), "radars");
  ExpectStructDefaults(RangeEquationFields(), *s.radars.at(0).range_equation, "range_equation");
  ExpectStructDefaults(BatteryFields(), s.batteries.at(0), "batteries");
  ExpectStructDefaults(LauncherFields(), s.batteries.at(0).launchers.at(0), "launchers");
  ExpectStructDefaults(LinkFields(), s.links.at(0), "links");
  ExpectStructDefaults(TrackerFields(), s.tracker, "tracker");
  // Values that once disagreed between spec.h and the loader.
  EXPECT_DOUBLE_EQ(s.defended_areas[0].value, 1.0);
  EXPECT_DOUBLE_EQ(s.radars[0].max_elevation_rad, DegToRad(85.0));
  EXPECT_DOUBLE_EQ(s.radars[0].range_equation->noise_figure_dB, 3.0);
}

}  // namespace
}  // namespace cupola
