// cupola/io/report_data.h -- what report.html and replay.czml draw.
//
// One JSON object (format "cupola-report-data", version 1; docs/report.md):
// the scenario, the run's summary.json, the scenario's geometry as GeoJSON
// (defended areas, alert zones, launch sites, batteries, radars), radar and
// battery coverage, every threat's and interceptor's path with its fate and
// when it was engaged, each battery's interceptors loaded over time, the
// predicted impact ellipses and the events. Built from the run's results only, so the report
// of a run can be rebuilt without running it again.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "cupola/sim/replication.h"
#include "cupola/sim/summary.h"

namespace cupola {

/// Fate names as report.html and replay.czml use them: "intercepted", "leaked"
/// (engaged or not), "ignored_open_ground", "engaged_open_ground",
/// "airborne_at_end", and without a defence "impact_defended_area", "impact_open_ground".
const char* ReportFateName(ThreatFate fate);
/// "kill", "detonated_no_kill", "miss" or "flying".
const char* InterceptorResultName(const InterceptorRecord& record);

/// The scenario's geometry: a GeoJSON FeatureCollection with properties.kind
/// defended_area, alert_zone, launch_site, battery and radar.
nlohmann::ordered_json ScenarioGeometryGeoJson(const World& world);

/// What the sensors and batteries reach, on the ground: per radar its maximum
/// range (the sector when it looks one way; properties.kind "radar_coverage")
/// and per battery its engagement range around its launchers' centre, the
/// minimum range cut out ("battery_range"). Nominal: no horizon, no heights.
nlohmann::ordered_json CoverageGeoJson(const World& world);

/// The report data; `summary_json` is the run's summary.json object.
nlohmann::ordered_json ReportDataJson(const World& world, const ReplicationResult& result,
                                      const nlohmann::ordered_json& summary_json);

}  // namespace cupola
