// cupola/scenario/scenario_fields.h -- the declared keys of each scenario section (field.h).
//
// One table per section, in the order the section lists its keys. The loader
// reads with them; format_docs.h writes docs/scenario.md's key tables and the
// JSON Schema from ScenarioKeyTables(). Sections not yet declared here are
// read by hand in loader.cpp and documented by hand.
#pragma once

#include <string>
#include <vector>

#include "cupola/scenario/field.h"
#include "cupola/scenario/spec.h"

namespace cupola {

const std::vector<Field<ScenarioSpec>>& TopLevelFields();
const std::vector<Field<GeodeticPoint>>& GeodeticFields();  // origin, sites, aim points (lat_deg, lon_deg, alt_m)
const std::vector<Field<PhysicsSpec>>& PhysicsFields();
const std::vector<Field<PhysicsSpec>>& WindFields();  // physics.wind
const std::vector<Field<DefendedAreaSpec>>& DefendedAreaFields();
const std::vector<Field<AlertZoneSpec>>& AlertZoneFields();
const std::vector<Field<SalvoSpec>>& SalvoFields();
const std::vector<Field<WaypointSpec>>& WaypointFields();  // threats[i].waypoints[j]
const std::vector<Field<RocketMotor>>& MotorFields();  // threat_types[i].motor
const std::vector<Field<RadarSpec>>& RadarFields();
const std::vector<Field<RadarSpec>>& DetectionFields();  // radars[i].detection
const std::vector<Field<RadarSpec::RangeEquation>>& RangeEquationFields();
const std::vector<Field<BatterySpec>>& BatteryFields();
const std::vector<Field<LauncherSpec>>& LauncherFields();
const std::vector<Field<LinkSpec>>& LinkFields();
const std::vector<Field<LinkOutage>>& LinkOutageFields();  // links[i].outages[j]

/// A generated key table: the rows of `doc` between the markers named
/// `name` (none when empty: its rows are a parent's children), and the
/// properties and `required` of the schema object at JSON pointer `schema_at`.
struct KeyTable {
  std::string name;
  std::string schema_at;
  std::vector<FieldInfo> fields;
  std::string doc = "docs/scenario.md";
};

/// The documents that hold generated key tables.
inline const std::vector<std::string> kFormatDocs = {"docs/scenario.md", "docs/tracking.md"};

std::vector<KeyTable> ScenarioKeyTables();

}  // namespace cupola
