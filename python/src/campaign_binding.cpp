// python/src/campaign_binding.cpp -- `cupola mc` without its folder: the
// arms, RunReplications on a pool of threads, and the estimates.
//
// The arms are made as `cupola mc` makes them (campaign/arms.h: A; A and B
// with B's overrides after A's; or one per point of the --sweep grid), the
// same campaign seed runs on every arm (common random numbers), and the
// estimates come from the same library functions over each arm's records
// in index order, so the numbers equal summary.json's of `cupola mc` for
// the same scenario, seed and runs, on any thread count.
#include <pybind11/stl.h>

#include <optional>
#include <thread>

#include "bindings.h"
#include "columns.h"
#include "interrupt.h"
#include "scenario_source.h"
#include "cupola/campaign/arms.h"
#include "cupola/campaign/campaign_metrics.h"
#include "cupola/campaign/paired.h"
#include "cupola/campaign/runner.h"
#include "cupola/campaign/sweep.h"
#include "cupola/core/error.h"
#include "cupola/core/text.h"
#include "cupola/core/version.h"

namespace cupola::python {

namespace py = pybind11;
using json = nlohmann::ordered_json;

namespace {

struct ThreatRow {
  const ReplicationRecord* record;
  const ThreatRecord* threat;
};

py::dict ReplicationColumns(const std::vector<CampaignArm>& arms, const std::vector<const ReplicationRecord*>& rows) {
  py::dict t;
  using R = const ReplicationRecord*;
  AddColumn<int>(t, "arm", rows, [](R r) { return r->metrics.arm; });
  AddTextColumn(t, "arm_label", rows, [&](R r) { return arms[r->metrics.arm].label; });
  AddColumn<std::uint64_t>(t, "index", rows, [](R r) { return r->metrics.index; });
  AddColumn<std::uint64_t>(t, "seed", rows, [](R r) { return r->metrics.seed; });
  AddColumn<int>(t, "launched", rows, [](R r) { return r->metrics.launched; });
  AddColumn<int>(t, "fell_short", rows, [](R r) { return r->metrics.fell_short; });
  AddColumn<int>(t, "launch_failures", rows, [](R r) { return r->metrics.launch_failures; });
  AddColumn<int>(t, "duds", rows, [](R r) { return r->metrics.duds; });
  AddColumn<int>(t, "engaged", rows, [](R r) { return r->metrics.engaged; });
  AddColumn<int>(t, "intercepted", rows, [](R r) { return r->metrics.intercepted; });
  AddColumn<int>(t, "hits_defended", rows, [](R r) { return r->metrics.hits_defended; });
  AddColumn<double>(t, "value_lost", rows, [](R r) { return r->metrics.value_lost; });
  AddColumn<int>(t, "interceptors_fired", rows, [](R r) { return r->metrics.interceptors_fired; });
  AddColumn<double>(t, "defence_cost_usd", rows, [](R r) { return r->metrics.defence_cost_usd; });
  AddColumn<double>(t, "cost_exchange_ratio", rows, [](R r) { return r->metrics.cost_exchange_ratio; });
  AddColumn<double>(t, "warning_min_s", rows, [](R r) { return r->metrics.warning_min_s; });
  AddColumn<int>(t, "decisions_scored", rows, [](R r) { return r->metrics.decisions_scored; });
  AddColumn<int>(t, "decisions_right", rows, [](R r) { return r->metrics.decisions_right; });
  AddColumn<bool>(t, "magazine_empty", rows, [](R r) { return r->metrics.magazine_empty; });
  AddColumn<double>(t, "magazine_empty_t_s", rows, [](R r) { return r->metrics.magazine_empty_t_s; });
  return t;
}

py::dict ThreatColumns(const std::vector<const ReplicationRecord*>& records) {
  std::vector<ThreatRow> rows;
  for (const ReplicationRecord* r : records)
    for (const ThreatRecord& threat : r->threats) rows.push_back({r, &threat});
  py::dict t;
  AddColumn<int>(t, "arm", rows, [](const ThreatRow& r) { return r.record->metrics.arm; });
  AddColumn<std::uint64_t>(t, "index", rows, [](const ThreatRow& r) { return r.record->metrics.index; });
  AddColumn<int>(t, "threat_id", rows, [](const ThreatRow& r) { return r.threat->threat_id; });
  AddTextColumn(t, "salvo", rows, [](const ThreatRow& r) { return r.threat->salvo; });
  AddTextColumn(t, "type", rows, [](const ThreatRow& r) { return r.threat->type; });
  AddTextColumn(t, "fate", rows, [](const ThreatRow& r) { return r.threat->fate; });
  AddColumn<bool>(t, "engaged", rows, [](const ThreatRow& r) { return r.threat->engaged; });
  AddTextColumn(t, "impact_area", rows, [](const ThreatRow& r) { return r.threat->impact_area; });
  AddColumn<double>(t, "end_t_s", rows, [](const ThreatRow& r) { return r.threat->end_t_s; });
  return t;
}

py::dict MonteCarlo(const ScenarioSource& source, const std::vector<std::string>& overrides,
                    const std::optional<ScenarioSource>& versus, const std::vector<std::string>& versus_overrides,
                    const std::vector<std::string>& sweeps, std::optional<std::uint64_t> seed, long long runs,
                    int threads) {
  const bool paired = versus || !versus_overrides.empty();
  std::vector<CampaignArm> arms;
  std::vector<std::vector<ReplicationRecord>> records;  // [arm][index]
  json summary;
  {
    py::gil_scoped_release released;
    // Usage errors first, in the CLI's words, before any file is read.
    if (runs < 1)
      throw InputError({"cupola.monte_carlo"}, "runs", std::to_string(runs), "an integer >= 1");
    if (paired && !sweeps.empty())
      throw InputError({"cupola.monte_carlo"}, "sweep", "given with versus",
                       "one of them: compare two defences, or sweep keys of one (run a sweep per defence)");
    std::vector<SweepAxis> axes;
    for (const auto& s : sweeps) axes.push_back(ParseSweep(s));
    arms = BuildArms(
        [&](bool b, const std::vector<std::string>& o) {
          return cupola::LoadedScenario{std::make_unique<World>(LoadScenario(b && versus ? *versus : source, o).spec), "", ""};
        },
        overrides, paired, versus_overrides, axes);
    const std::uint64_t campaign_seed = seed.value_or(arms.front().scenario.world->spec().seed);

    // Index-major, as the CLI orders its jobs.
    std::vector<ReplicationJob> jobs;
    for (long long i = 0; i < runs; ++i)
      for (int a = 0; a < static_cast<int>(arms.size()); ++a) jobs.push_back({a, static_cast<std::uint64_t>(i)});
    std::vector<const World*> worlds;
    for (const CampaignArm& a : arms) worlds.push_back(a.scenario.world.get());
    records.assign(arms.size(), std::vector<ReplicationRecord>(static_cast<std::size_t>(runs)));
    const int pool = threads > 0 ? threads : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    InterruptCheck interrupt;  // the sink runs on this thread: RunReplications stops its workers if it throws
    RunReplications(worlds, campaign_seed, jobs, pool, [&](std::vector<ReplicationRecord>& batch) {
      for (ReplicationRecord& r : batch) records[r.metrics.arm][r.metrics.index] = std::move(r);
      interrupt.Check();
    });

    // The estimates, as `cupola mc` writes them to summary.json.
    std::vector<std::vector<ReplicationMetrics>> metrics(arms.size());
    std::vector<std::vector<MetricEstimate>> estimates;
    for (std::size_t a = 0; a < arms.size(); ++a) {
      for (const ReplicationRecord& r : records[a]) metrics[a].push_back(r.metrics);
      estimates.push_back(EstimateMetrics(metrics[a]));
    }
    summary = {{"cupola_version", Version()},
               {"scenario", {{"name", arms.front().scenario.world->spec().name}}},
               {"seed", std::to_string(campaign_seed)},
               {"runs", runs},
               {"replications", {0, runs}}};
    if (axes.empty()) summary["metrics"] = MetricsJson(estimates[0]);
    if (paired)
      summary["versus"] = {{"overrides", versus_overrides},
                           {"metrics", MetricsJson(estimates[1])},
                           {"difference", PairedJson(ComparePaired(metrics[0], metrics[1]))}};
    if (!axes.empty()) {
      json points = json::array();
      for (std::size_t a = 0; a < arms.size(); ++a)
        points.push_back({{"overrides", arms[a].point}, {"metrics", MetricsJson(estimates[a])}});
      json keys = json::array();
      for (const SweepAxis& axis : axes) keys.push_back(axis.key);
      summary["sweep"] = {{"keys", keys}, {"points", points}};
    }
  }
  std::vector<const ReplicationRecord*> rows;
  for (const auto& arm : records)
    for (const ReplicationRecord& r : arm) rows.push_back(&r);
  py::dict out;
  out["summary_json"] = summary.dump(2, ' ', false, json::error_handler_t::replace);
  out["replications"] = ReplicationColumns(arms, rows);
  out["threats"] = ThreatColumns(rows);
  return out;
}

}  // namespace

void BindCampaign(py::module_& m) {
  m.def("monte_carlo", &MonteCarlo, py::arg("source"), py::arg("overrides"), py::arg("versus"),
        py::arg("versus_overrides"), py::arg("sweeps"), py::arg("seed"), py::arg("runs"), py::arg("threads"),
        "A campaign: summary.json's estimates and the per-replication and per-threat tables.");
}

}  // namespace cupola::python
