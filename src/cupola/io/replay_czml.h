// cupola/io/replay_czml.h -- the run as CZML, for CesiumJS and other 3-D tools.
//
// One packet per thing on the map: defended areas (labelled) and alert zones
// (polygons), radar coverage and battery engagement range (translucent
// polygons), launch sites, batteries and radars (points with labels), every
// threat and interceptor (time-sampled position, trail; a threat is coloured
// by what is known at the time: flying, engaged, then its fate from its kill
// or impact on), and each impact and kill (a point from that time on); the
// document packet carries summary.json's provenance (provenance.h). Run time 0 is
// 2000-01-01T00:00:00Z: scenarios have no calendar time. Packet ids and
// properties: docs/viewer.md.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "cupola/sim/replication.h"

namespace cupola {

/// ISO 8601 UTC time of run time t_s (CZML's epoch + t_s), to the millisecond.
std::string ReplayIsoTime(double t_s);

/// The CZML document (a JSON array of packets) for the report data of a run
/// (report_data.h), which already holds every path, fate and event.
nlohmann::ordered_json ReplayCzml(const nlohmann::ordered_json& report_data);

}  // namespace cupola
