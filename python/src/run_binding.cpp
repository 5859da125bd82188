// python/src/run_binding.cpp -- one replication, as `cupola run` makes it.
//
// The same steps as the CLI (apps/cupola/commands.cpp, Run): load with the
// overrides, the seed, RunReplication on all cores, Summarize, and
// summary.json's text made by the same function, so that a seed gives the
// same summary bit for bit. No file is written: the tables come back as
// numpy columns at full precision.
#include <pybind11/stl.h>

#include <optional>
#include <thread>

#include "bindings.h"
#include "columns.h"
#include "interrupt.h"
#include "scenario_source.h"
#include "cupola/core/sha256.h"
#include "cupola/io/run_outputs.h"
#include "cupola/io/track_outputs.h"
#include "cupola/sim/summary.h"

namespace cupola::python {

namespace py = pybind11;

namespace {

struct DetectionRow {
  const ScanRecord* scan;
  std::size_t i;
};

py::dict TrajectoryColumns(const ReplicationResult& r) {
  py::dict t;
  const auto& rows = r.trajectories;
  AddColumn<int>(t, "threat_id", rows, [](const TrajectorySample& s) { return s.threat_id; });
  AddColumn<double>(t, "t_s", rows, [](const TrajectorySample& s) { return s.t_s; });
  AddStateColumns(t, rows, [](const TrajectorySample& s) { return s.p_W; }, [](const TrajectorySample& s) { return s.v_W; });
  return t;
}

py::dict ThreatColumns(const World& world, const ReplicationResult& r) {
  py::dict t;
  const auto& rows = r.threats;
  const std::vector<ThreatFateOf> fates = ClassifyThreats(world, r);
  AddColumn<int>(t, "threat_id", rows, [](const ThreatOutcome& o) { return o.id; });
  AddTextColumn(t, "salvo", rows, [&](const ThreatOutcome& o) { return world.salvos()[o.salvo].spec->name; });
  AddTextColumn(t, "type", rows, [&](const ThreatOutcome& o) { return world.salvos()[o.salvo].type->name; });
  AddTextColumn(t, "fate", rows, [&](const ThreatOutcome& o) { return ToString(fates[o.id].fate); });
  AddColumn<bool>(t, "engaged", rows, [&](const ThreatOutcome& o) { return fates[o.id].engaged; });
  AddColumn<double>(t, "launch_t_s", rows, [](const ThreatOutcome& o) { return o.launch_t_s; });
  AddColumn<double>(t, "end_t_s", rows, [](const ThreatOutcome& o) { return o.end_t_s; });
  AddColumn<bool>(t, "impacted", rows, [](const ThreatOutcome& o) { return o.impacted; });
  AddColumn<bool>(t, "killed", rows, [](const ThreatOutcome& o) { return o.killed; });
  AddTextColumn(t, "impact_area", rows,
                [&](const ThreatOutcome& o) { return o.impact_area < 0 ? std::string() : world.areas()[o.impact_area].name; });
  AddColumn<double>(t, "end_east_m", rows, [](const ThreatOutcome& o) { return o.p_end_W.x(); });
  AddColumn<double>(t, "end_north_m", rows, [](const ThreatOutcome& o) { return o.p_end_W.y(); });
  AddColumn<double>(t, "end_up_m", rows, [](const ThreatOutcome& o) { return o.p_end_W.z(); });
  AddColumn<double>(t, "apogee_m", rows, [](const ThreatOutcome& o) { return o.apogee_m; });
  return t;
}

py::dict DetectionColumns(const TrackingResult* tracking) {
  std::vector<DetectionRow> rows;
  if (tracking)
    for (const ScanRecord& scan : tracking->scans)
      for (std::size_t i = 0; i < scan.detections.size(); ++i) rows.push_back({&scan, i});
  py::dict t;
  AddColumn<double>(t, "t_s", rows, [](const DetectionRow& d) { return d.scan->detections[d.i].t_s; });
  AddColumn<int>(t, "radar", rows, [](const DetectionRow& d) { return d.scan->radar; });
  AddColumn<int>(t, "scan", rows, [](const DetectionRow& d) { return d.scan->scan; });
  AddColumn<double>(t, "scan_t_s", rows, [](const DetectionRow& d) { return d.scan->t_s; });
  static const char* kNames[4] = {"range_m", "azimuth_rad", "elevation_rad", "range_rate_mps"};
  static const char* kSigmas[4] = {"sigma_range_m", "sigma_azimuth_rad", "sigma_elevation_rad", "sigma_range_rate_mps"};
  for (int k = 0; k < 4; ++k) AddColumn<double>(t, kNames[k], rows, [k](const DetectionRow& d) { return d.scan->detections[d.i].z[k]; });
  for (int k = 0; k < 4; ++k)
    AddColumn<double>(t, kSigmas[k], rows, [k](const DetectionRow& d) { return d.scan->detections[d.i].sigma[k]; });
  // Scoring only: -1 is a false alarm.
  AddColumn<int>(t, "truth_id", rows, [](const DetectionRow& d) { return d.scan->truth_ids[d.i]; });
  return t;
}

// Every scan, with or without detections: a tracker counts the looks too.
py::dict ScanColumns(const TrackingResult* tracking) {
  const std::vector<ScanRecord> none;
  const auto& rows = tracking ? tracking->scans : none;
  py::dict t;
  AddColumn<int>(t, "radar", rows, [](const ScanRecord& s) { return s.radar; });
  AddColumn<int>(t, "scan", rows, [](const ScanRecord& s) { return s.scan; });
  AddColumn<double>(t, "t_s", rows, [](const ScanRecord& s) { return s.t_s; });
  AddColumn<int>(t, "detections", rows, [](const ScanRecord& s) { return s.detections.size(); });
  return t;
}

}  // namespace

py::dict TrackColumns(const std::vector<TrackReport>& rows) {
  py::dict t;
  AddColumn<double>(t, "t_s", rows, [](const TrackReport& r) { return r.t_s; });
  AddColumn<int>(t, "track_id", rows, [](const TrackReport& r) { return r.track_id; });
  AddTextColumn(t, "status", rows, [](const TrackReport& r) { return ToString(r.status); });
  AddStateColumns(t, rows, [](const TrackReport& r) { return r.p_W; }, [](const TrackReport& r) { return r.v_W; });
  static const char* kSigmas[3] = {"sigma_east_m", "sigma_north_m", "sigma_up_m"};
  for (int k = 0; k < 3; ++k) AddColumn<double>(t, kSigmas[k], rows, [k](const TrackReport& r) { return r.SigmaP()[k]; });
  // The full [p, v] covariance, as tracks.csv names it (for NEES).
  const std::vector<std::string> covariances = CovarianceColumnNames();
  for (std::size_t k = 0; k < covariances.size(); ++k)
    AddColumn<double>(t, covariances[k].c_str(), rows, [k](const TrackReport& r) { return r.cov_pv[k]; });
  AddColumn<double>(t, "var_kappa_m4_kg2", rows, [](const TrackReport& r) { return r.var_kappa; });
  AddColumn<double>(t, "nis", rows, [](const TrackReport& r) { return r.nis; });
  AddColumn<int>(t, "radar", rows, [](const TrackReport& r) { return r.radar; });
  return t;
}

namespace {

py::dict Run(const ScenarioSource& source, std::optional<std::uint64_t> seed, const std::vector<std::string>& overrides,
             int threads, bool trajectories, const std::vector<std::string>& command_line) {
  std::optional<World> world;
  ReplicationResult result;
  std::string summary_text, events_text;
  {
    py::gil_scoped_release released;
    LoadedScenario loaded = LoadScenario(source, overrides);
    if (seed) loaded.spec.seed = *seed;
    const std::uint64_t run_seed = loaded.spec.seed;
    world.emplace(std::move(loaded.spec));
    ReplicationOptions options;
    options.record_trajectories = trajectories;
    options.threads = threads > 0 ? threads : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    // Only the scans run on this thread and may unwind; the flight workers
    // are joined inside RunReplication (interrupt.h).
    InterruptCheck interrupt;
    options.on_progress = [&](ReplicationPhase phase, std::size_t, std::size_t) {
      if (phase == ReplicationPhase::kTracking) interrupt.Check();
    };
    result = RunReplication(*world, run_seed, 0, options);
    const RunProvenance provenance{Sha256Hex(loaded.text), overrides, command_line, options.threads};
    summary_text = SummaryJson(*world, result, Summarize(*world, result), provenance)
                       .dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) +
                   "\n";
    events_text = EventsJsonLines(*world, result);
  }
  const TrackingResult* tracking = result.tracking ? &*result.tracking : nullptr;
  py::dict out;
  out["summary_json"] = summary_text;
  out["events_jsonl"] = events_text;
  out["trajectories"] = TrajectoryColumns(result);
  out["threats"] = ThreatColumns(*world, result);
  out["detections"] = DetectionColumns(tracking);
  out["scans"] = ScanColumns(tracking);
  out["tracks"] = TrackColumns(tracking ? tracking->reports : std::vector<TrackReport>{});
  return out;
}

}  // namespace

void BindRun(py::module_& m) {
  py::class_<ScenarioSource>(m, "ScenarioSource")
      .def(py::init<std::string, bool, std::string>(), py::arg("text_or_path"), py::arg("is_path"), py::arg("label"));
  m.def("run", &Run, py::arg("source"), py::arg("seed"), py::arg("overrides"), py::arg("threads"),
        py::arg("trajectories"), py::arg("command_line"),
        "One replication; returns summary.json's and events.jsonl's text and the tables as columns.");
}

}  // namespace cupola::python
