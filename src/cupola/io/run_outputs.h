// cupola/io/run_outputs.h -- the files a single run writes.
//
//   summary.json       counts per defended area and overall, scenario facts
//   events.jsonl       one JSON object per event, in time order
//   trajectories.csv   sampled truth trajectories (W and geodetic)
//   impacts.geojson    impact points and defended areas, for any GIS
//   tracks.csv, tracks.jsonl, detections.csv (with radars; see track_outputs.h)
//   predictions.geojson  predicted impact ellipses over time (ballistic trackers)
//   replay.czml        the run in 3-D, for CesiumJS (replay_czml.h)
//   report.html        the self-contained report, when a template is given (report_html.h)
// Formats: docs/outputs.md. The files are one set: they are written into a
// RunFolder and swapped in together (run_folder.h).
#pragma once

#include <cstddef>
#include <functional>
#include <nlohmann/json.hpp>
#include <string>

#include "cupola/io/provenance.h"
#include "cupola/io/run_folder.h"
#include "cupola/sim/replication.h"
#include "cupola/sim/summary.h"

namespace cupola {

nlohmann::ordered_json SummaryJson(const World& world, const ReplicationResult& result, const RunSummary& summary,
                                   const RunProvenance& provenance = {});
nlohmann::ordered_json EventJson(const World& world, const Event& event);
std::string EventsJsonLines(const World& world, const ReplicationResult& result);
std::string TrajectoriesCsv(const World& world, const ReplicationResult& result);
nlohmann::ordered_json ImpactsGeoJson(const World& world, const ReplicationResult& result);
/// Predicted impact 2-sigma ellipses over time (ballistic trackers); with
/// max_per_track > 0, at most that many per track, evenly spread over its
/// predictions and always its newest.
nlohmann::ordered_json PredictionsGeoJson(const World& world, const ReplicationResult& result, int max_per_track = 0);

struct OutputOptions {
  bool export_detections = false;  // also write detections.csv
  std::string report_template;     // the web report template's text; empty: no report.html
  RunProvenance provenance;        // summary.json's and replay.czml's provenance
  /// Called after each file with the files written and the total (a progress bar).
  std::function<void(std::size_t done, std::size_t total)> on_file;
};

/// Writes the run's files into `folder` (not yet committed): the four
/// above, replay.czml, report.html (with a template), and with radars
/// tracks.csv, tracks.jsonl (and detections.csv). Returns summary.json's text.
std::string WriteRunOutputs(RunFolder& folder, const World& world, const ReplicationResult& result,
                            const RunSummary& summary, const OutputOptions& options = {});
/// The same into `directory`, replaced whole (RunFolder's rules).
void WriteRunOutputs(const std::string& directory, const World& world, const ReplicationResult& result,
                     const RunSummary& summary, const OutputOptions& options = {});

}  // namespace cupola
