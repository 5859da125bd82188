// `cupola mc`: N replications of a scenario (or of two defences, or of a
// sweep's grid) on a pool of threads, into a resumable SQLite database, and
// their estimates with 95 % intervals (docs/campaigns.md).
#include "mc_command.h"

#include <cstdio>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <thread>

#include "commands.h"
#include "cupola/campaign/campaign_metrics.h"
#include "cupola/campaign/paired.h"
#include "cupola/campaign/results_db.h"
#include "cupola/campaign/runner.h"
#include "cupola/campaign/sweep.h"
#include "cupola/core/error.h"
#include "cupola/core/input_file.h"
#include "cupola/core/progress.h"
#include "cupola/core/sha256.h"
#include "cupola/core/text.h"
#include "cupola/core/version.h"
#include "cupola/io/atomic_file.h"
#include "cupola/io/provenance.h"
#include "cupola/io/run_folder.h"
#include "cupola/scenario/loader.h"

namespace cupola::cli {

namespace fs = std::filesystem;
using json = nlohmann::ordered_json;

namespace {

constexpr const char* kDatabase = "results.sqlite";

// One defence or sweep point: its scenario and the model built from it.
struct Arm {
  ArmIdentity identity;
  std::string file;
  std::unique_ptr<World> world;
};

Arm LoadArm(const std::string& label, const std::string& path, const std::vector<std::string>& arguments) {
  std::vector<ScenarioOverride> overrides;
  for (const auto& a : arguments) overrides.push_back(ParseOverride(a));
  const std::string text = ReadInputFile(path, "a readable scenario file");
  Arm arm{{label, Sha256Hex(text), arguments}, path, nullptr};
  arm.world = std::make_unique<World>(LoadScenarioText(text, path, overrides));
  return arm;
}

// A campaign folder is new, empty, or an earlier campaign's (it holds the
// database, which then says whether it is this campaign's): anything else
// is someone's folder and is not touched.
void PrepareFolder(const fs::path& dir) {
  std::error_code ec;
  const auto status = fs::symlink_status(dir, ec);
  if (fs::exists(status)) {
    if (!fs::is_directory(status))
      throw InputError({dir.string()}, "--out", "not a folder", "a new folder, an empty one or an earlier campaign's");
    if (!fs::is_empty(dir) && !fs::exists(dir / kDatabase))
      throw InputError({dir.string()}, "--out", "a folder with other files and no " + std::string(kDatabase),
                       "a new folder, an empty one or an earlier campaign's (refused: nothing was touched)");
  }
  fs::create_directories(dir);
}

std::string Number(double x) {
  if (std::isnan(x)) return "-";
  char text[32];
  const double a = std::abs(x);
  std::snprintf(text, sizeof(text), "%.*f", a >= 1000 ? 0 : a >= 10 ? 1 : a >= 1 ? 2 : 3, x);
  return text;
}

std::string Interval(double low, double high) {
  if (std::isnan(low)) return "";
  return "[" + Number(low) + ", " + Number(high) + "]";
}

void PrintEstimates(const std::vector<MetricEstimate>& estimates) {
  std::printf("  %-20s %12s  %-26s %7s  %s\n", "metric", "mean", "95 % interval", "n", "meaning");
  for (const MetricEstimate& e : estimates)
    std::printf("  %-20s %12s  %-26s %7zu  %s\n", e.metric->name, Number(e.estimate.mean).c_str(),
                Interval(e.estimate.low, e.estimate.high).c_str(), e.estimate.n, e.metric->meaning);
}

void PrintPaired(const std::vector<MetricEstimate>& a, const std::vector<MetricEstimate>& b,
                 const std::vector<PairedDifference>& d) {
  std::printf("  %-20s %12s %12s %12s  %-26s %10s\n", "metric", "A", "B", "B - A", "95 % interval (paired)",
              "narrowing");
  for (std::size_t i = 0; i < d.size(); ++i) {
    const std::string narrowing = std::isnan(d[i].narrowing) ? "-" : Number(100.0 * d[i].narrowing) + " %";
    std::printf("  %-20s %12s %12s %12s  %-26s %10s\n", d[i].metric->name, Number(a[i].estimate.mean).c_str(),
                Number(b[i].estimate.mean).c_str(), Number(d[i].paired.mean).c_str(),
                Interval(d[i].paired.low, d[i].paired.high).c_str(), narrowing.c_str());
  }
}

void PrintSweep(const std::vector<Arm>& arms, const std::vector<std::vector<MetricEstimate>>& estimates,
                std::size_t base_overrides) {
  const char* shown[] = {"hits_defended", "intercepted", "interceptors_fired", "magazine_empty"};
  std::printf("  %-36s", "sweep point");
  for (const char* name : shown) std::printf(" %-30s", name);
  std::printf("\n");
  for (std::size_t a = 0; a < arms.size(); ++a) {
    const auto& o = arms[a].identity.overrides;
    std::printf("  %-36s", JoinAlternatives({o.begin() + static_cast<long>(base_overrides), o.end()}, ", ").c_str());
    for (const char* name : shown)
      for (const MetricEstimate& e : estimates[a])
        if (std::string(e.metric->name) == name)
          std::printf(" %-30s",
                      (Number(e.estimate.mean) + " " + Interval(e.estimate.low, e.estimate.high)).c_str());
    std::printf("\n");
  }
}

}  // namespace

int Mc(const McOptions& options) {
  const std::string path = options.scenario.empty() ? BundledScenario("border_town_salvo.yaml") : options.scenario;
  const bool versus = !options.versus.empty() || !options.versus_overrides.empty();
  if (versus && !options.sweeps.empty())
    throw InputError({"cupola mc"}, "--sweep", "given with --versus",
                     "one of them: compare two defences, or sweep keys of one (run a sweep per defence)");
  // Usage errors first, before any file is read or replication run.
  std::vector<SweepAxis> axes;
  for (const auto& s : options.sweeps) axes.push_back(ParseSweep(s));
  for (const auto& s : options.overrides) ParseOverride(s);
  for (const auto& s : options.versus_overrides) ParseOverride(s);

  // The arms: A alone, A and B, or one per sweep point; each built once.
  std::vector<Arm> arms;
  if (axes.empty()) {
    arms.push_back(LoadArm("A", path, options.overrides));
    if (versus) {
      std::vector<std::string> b_overrides = options.overrides;
      b_overrides.insert(b_overrides.end(), options.versus_overrides.begin(), options.versus_overrides.end());
      arms.push_back(LoadArm("B", options.versus.empty() ? path : options.versus, b_overrides));
    }
  } else {
    for (const auto& point : SweepGrid(axes)) {
      std::vector<std::string> o = options.overrides;
      o.insert(o.end(), point.begin(), point.end());
      try {
        arms.push_back(LoadArm(JoinAlternatives(point, ", "), path, o));
      } catch (const InputError& e) {
        // Told at the --sweep whose value it is (the loader names it as a --set).
        for (const SweepAxis& axis : axes)
          if (std::string(e.what()).find("--set " + axis.key + "=") != std::string::npos)
            throw InputError({"--sweep " + Escaped(axis.argument)}, e.key(), e.value(), e.expected());
        throw;
      }
    }
  }
  const ScenarioSpec& spec = arms.front().world->spec();
  const std::uint64_t seed = options.seed.value_or(spec.seed);

  if (options.out_dir.empty() && !IsSafeFolderName(spec.name))
    throw InputError({path}, "name", "'" + spec.name + "'",
                     "1 to 64 letters, digits, '.', '_' or '-', not starting with '.', to name the output folder "
                     "out/mc-<name>; or give --out DIR");
  const fs::path dir = options.out_dir.empty() ? fs::path("out") / ("mc-" + spec.name) : fs::path(options.out_dir);
  PrepareFolder(dir);
  CampaignIdentity identity{Version(), seed, {}};
  for (const Arm& a : arms) identity.arms.push_back(a.identity);
  ResultsDb db((dir / kDatabase).string(), identity);

  // What is missing, index-major so that a stopped versus campaign holds whole pairs.
  std::vector<ReplicationJob> jobs;
  for (std::uint64_t i = 0; i < options.runs; ++i)
    for (int a = 0; a < static_cast<int>(arms.size()); ++a)
      if (!db.Has(a, i)) jobs.push_back({a, i});
  const std::size_t wanted = options.runs * arms.size();
  if (!options.quiet && jobs.size() < wanted)
    std::fprintf(stderr, "resuming: %zu of %zu replications are already in %s\n", wanted - jobs.size(), wanted,
                 (dir / kDatabase).c_str());

  const int threads = options.threads > 0 ? options.threads
                                          : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  std::vector<const World*> worlds;
  for (const Arm& a : arms) worlds.push_back(a.world.get());
  {
    Progress progress(!options.quiet, 1);
    std::size_t done = 0;
    progress.Report("replications", 0, jobs.size());
    RunReplications(worlds, seed, jobs, threads, [&](std::vector<ReplicationRecord>& batch) {
      db.Append(batch);
      done += batch.size();
      progress.Report("replications", done, jobs.size());
    });
    progress.Finish();
  }

  // Estimates from the database, in index order: the same whether run at
  // once, resumed or on any number of threads.
  std::vector<std::vector<ReplicationMetrics>> runs;
  std::vector<std::vector<MetricEstimate>> estimates;
  for (int a = 0; a < static_cast<int>(arms.size()); ++a) {
    runs.push_back(db.Load(a, options.runs));
    CUPOLA_CHECK(runs.back().size() == options.runs, "a replication is missing from the database");
    estimates.push_back(EstimateMetrics(runs.back()));
  }
  json summary = {{"cupola_version", Version()},
                  {"scenario", {{"name", spec.name}, {"file", path}}},
                  {"seed", std::to_string(seed)},
                  {"runs", options.runs}};
  std::vector<PairedDifference> differences;
  if (axes.empty()) summary["metrics"] = MetricsJson(estimates[0]);
  if (versus) {
    differences = ComparePaired(runs[0], runs[1]);
    summary["versus"] = {{"scenario", {{"file", arms[1].file}}},
                         {"overrides", arms[1].identity.overrides},
                         {"metrics", MetricsJson(estimates[1])},
                         {"difference", PairedJson(differences)}};
  }
  if (!axes.empty()) {
    json keys = json::array(), points = json::array();
    for (const SweepAxis& axis : axes) keys.push_back(axis.key);
    for (std::size_t a = 0; a < arms.size(); ++a) {
      const auto& o = arms[a].identity.overrides;
      points.push_back({{"overrides", std::vector<std::string>(o.begin() + static_cast<long>(options.overrides.size()), o.end())},
                        {"metrics", MetricsJson(estimates[a])}});
    }
    summary["sweep"] = {{"keys", keys}, {"points", points}};
  }
  // Threads 1: each replication ran on one; the pool's size changes no number.
  summary["provenance"] = ProvenanceJson({arms[0].identity.scenario_sha256, options.overrides, options.command_line, 1}, seed);
  const std::string text = summary.dump(2) + "\n";
  WriteFileAtomically((dir / "summary.json").string(), text);

  if (options.json) {
    std::fputs(text.c_str(), stdout);
  } else if (!options.quiet) {
    std::printf("\ncampaign %s: %llu replications%s, seed %llu\n\n", spec.name.c_str(),
                static_cast<unsigned long long>(options.runs),
                arms.size() > 1 ? (" of each of " + std::to_string(arms.size()) + (versus ? " defences" : " sweep points")).c_str() : "",
                static_cast<unsigned long long>(seed));
    if (versus) {
      std::printf("  A: %s%s\n  B: %s%s\n\n", arms[0].file.c_str(), options.overrides.empty() ? "" : " with --set",
                  arms[1].file.c_str(),
                  options.versus_overrides.empty() ? "" : (" with " + JoinAlternatives(options.versus_overrides, ", ")).c_str());
      PrintPaired(estimates[0], estimates[1], differences);
      std::printf("\n  paired on the same replications (common random numbers); narrowing: how much narrower the\n"
                  "  paired interval is than two independent campaigns' would be\n");
    } else if (!axes.empty()) {
      PrintSweep(arms, estimates, options.overrides.size());
    } else {
      PrintEstimates(estimates[0]);
    }
    std::printf("\n  wrote %s/{summary.json, %s} (%zu replications stored)\n\n", dir.c_str(), kDatabase, db.Count());
  }
  return 0;
}

}  // namespace cupola::cli
