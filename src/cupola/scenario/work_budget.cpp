#include "cupola/scenario/work_budget.h"

#include <algorithm>
#include <cmath>

#include "cupola/core/text.h"
#include "cupola/scenario/limits.h"
#include "cupola/scenario/yaml_reader.h"

namespace cupola {
namespace {

// Where to point for entry i of list `list`: its `key` if written, else the entry.
SourceLocation At(const YAML::Node& root, const char* list, std::size_t i, const char* key, const std::string& file) {
  const YAML::Node entry = root[list][i];
  const YAML::Node value = entry[key];
  return LocationOf(value.IsDefined() && !value.IsNull() ? value : entry, file);
}

std::string Path(const char* list, std::size_t i, const char* key) {
  return std::string(list) + "[" + std::to_string(i) + "]." + key;
}

// "6e+09" reads badly in a message; whole numbers print in full.
std::string Count(double n) {
  return n < 1e18 ? std::to_string(static_cast<long long>(std::ceil(n))) : FormatNumber(n);
}

// ", summed over radars[0] to [3]" after the first entry.
std::string Over(const char* list, std::size_t i) {
  return i == 0 ? "" : ", summed over " + std::string(list) + "[0] to [" + std::to_string(i) + "]";
}

void CheckThreatsAndVertices(const ScenarioSpec& spec, const YAML::Node& root, const std::string& file) {
  long long threats = 0;
  for (std::size_t i = 0; i < spec.threats.size(); ++i) {
    threats += spec.threats[i].count;
    if (threats > kMaxThreats)
      throw InputError(At(root, "threats", i, "count", file), Path("threats", i, "count"),
                       std::to_string(threats) + " threats in threats[0] to [" + std::to_string(i) + "]",
                       "at most " + std::to_string(kMaxThreats) + " threats in all salvos together");
  }
  std::size_t vertices = 0;
  const auto count = [&](const char* list, std::size_t i, std::size_t n) {
    vertices += n;
    if (vertices > kMaxTotalPolygonVertices)
      throw InputError(At(root, list, i, "polygon_latlon_deg", file), Path(list, i, "polygon_latlon_deg"),
                       std::to_string(vertices) + " polygon vertices so far",
                       "at most " + std::to_string(kMaxTotalPolygonVertices) +
                           " vertices in all defended areas and alert zones together (every impact prediction "
                           "tests them)");
  };
  for (std::size_t i = 0; i < spec.defended_areas.size(); ++i)
    count("defended_areas", i, spec.defended_areas[i].polygon.size());
  for (std::size_t i = 0; i < spec.alert_zones.size(); ++i) count("alert_zones", i, spec.alert_zones[i].polygon.size());
}

void CheckScans(const ScenarioSpec& spec, const YAML::Node& root, const std::string& file) {
  double scans = 0.0, false_alarms = 0.0;
  for (std::size_t i = 0; i < spec.radars.size(); ++i) {
    const RadarSpec& radar = spec.radars[i];
    const double radar_scans = std::ceil(spec.duration_s / radar.revisit_s);  // scans at 0, revisit, ... < duration
    scans += radar_scans;
    if (scans > kMaxScans)
      throw InputError(At(root, "radars", i, "revisit_s", file), Path("radars", i, "revisit_s"),
                       Count(scans) + " scans (duration_s " + FormatNumber(spec.duration_s) + " / revisit_s " +
                           FormatNumber(radar.revisit_s) + Over("radars", i) + ")",
                       "at most " + Count(kMaxScans) +
                           " scans in all: a longer revisit_s, a shorter duration_s or fewer radars");
    false_alarms += radar_scans * radar.false_alarms_per_scan;
    if (false_alarms > kMaxFalseAlarms)
      throw InputError(At(root, "radars", i, "false_alarms_per_scan", file), Path("radars", i, "false_alarms_per_scan"),
                       Count(false_alarms) + " false alarms expected (scans x false_alarms_per_scan" + Over("radars", i) +
                           ")",
                       "at most " + Count(kMaxFalseAlarms) +
                           " in all: fewer false_alarms_per_scan, a longer revisit_s or a shorter duration_s");
  }
}

// As if every flight lasted from its launch to duration_s: an upper bound
// that needs no flying, and real scenarios stay far below it.
void CheckFlights(const ScenarioSpec& spec, const YAML::Node& root, const std::string& file) {
  const PhysicsSpec& physics = spec.physics;
  double steps = 0.0, rows = 0.0;
  for (std::size_t i = 0; i < spec.threats.size(); ++i) {
    const SalvoSpec& salvo = spec.threats[i];
    const ThreatType* type = spec.FindThreatType(salvo.type);
    const double flight_s = spec.duration_s - salvo.start_s;
    if (type->IsBallistic()) {
      const double burn_s = std::min(type->ballistic.motor.burn_time_s, flight_s);
      steps += salvo.count * (burn_s / physics.boost_step_s + flight_s / physics.step_s);
    } else {
      steps += salvo.count * flight_s / physics.drone_step_s;
    }
    if (steps > kMaxFlightSteps)
      throw InputError(At(root, "threats", i, "count", file), Path("threats", i, "count"),
                       "up to " + Count(steps) + " integration steps (count x (duration_s - start_s) / physics step" +
                           Over("threats", i) + ")",
                       "at most " + Count(kMaxFlightSteps) +
                           ": a longer physics.step_s (boost_step_s, drone_step_s), a shorter duration_s or fewer "
                           "threats");
    rows += salvo.count * flight_s / physics.trajectory_sample_s;
    if (rows > kMaxTrajectoryRows)
      throw InputError(At(root, "threats", i, "count", file), Path("threats", i, "count"),
                       "up to " + Count(rows) + " trajectory rows (count x (duration_s - start_s) / "
                       "physics.trajectory_sample_s" + Over("threats", i) + ")",
                       "at most " + Count(kMaxTrajectoryRows) +
                           ": a longer physics.trajectory_sample_s, a shorter duration_s or fewer threats");
  }
}

}  // namespace

void CheckWorkBudget(const ScenarioSpec& spec, const YAML::Node& root, const std::string& file) {
  CheckThreatsAndVertices(spec, root, file);
  CheckScans(spec, root, file);
  CheckFlights(spec, root, file);
}

}  // namespace cupola
