// `cupola mc`: N replications of a scenario (or of two defences, or of a
// sweep's grid) on a pool of threads, into a resumable SQLite database, and
// their estimates with 95 % intervals (docs/campaigns.md).
#include "mc_command.h"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <set>
#include <sstream>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <thread>

#include "commands.h"
#include "mc_ranks.h"
#include "placement_output.h"
#include "cupola/campaign/arms.h"
#include "cupola/campaign/campaign_metrics.h"
#include "cupola/campaign/campaign_report.h"
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
#include "cupola/io/report_html.h"
#include "cupola/io/run_folder.h"
#include "cupola/io/run_outputs.h"
#include "cupola/scenario/loader.h"

namespace cupola::cli {

namespace fs = std::filesystem;
using json = nlohmann::ordered_json;

namespace {

constexpr const char* kDatabase = "results.sqlite";

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

void PrintSweep(const std::vector<std::string>& labels, const std::vector<std::vector<MetricEstimate>>& estimates) {
  const char* shown[] = {"hits_defended", "intercepted", "interceptors_fired", "magazine_empty"};
  int width = 12;
  for (const auto& label : labels) width = std::max(width, static_cast<int>(label.size()));
  std::printf("  %-*s", width, "sweep point");
  for (const char* name : shown) std::printf("  %-26s", name);
  std::printf("\n");
  for (std::size_t a = 0; a < labels.size(); ++a) {
    std::printf("  %-*s", width, labels[a].c_str());
    for (const char* name : shown)
      for (const MetricEstimate& e : estimates[a])
        if (std::string(e.metric->name) == name)
          std::printf("  %-26s", (Number(e.estimate.mean) + " " + Interval(e.estimate.low, e.estimate.high)).c_str());
    std::printf("\n");
  }
}

// The campaign's estimates for replications [begin, end) of every arm, from
// the database in index order (the same whether run at once, resumed, on
// any number of threads or merged from parts): summary.json, and the table.
void Report(const fs::path& dir, const ResultsDb& db, const CampaignIdentity& identity, const json& description,
            std::uint64_t begin, std::uint64_t end, const std::vector<std::string>& command_line, bool quiet,
            bool as_json) {
  const std::string mode = description.value("mode", "single");
  const std::vector<std::string> files = description.value("files", std::vector<std::string>{});
  const std::size_t base = description.value("base_overrides", std::size_t{0});
  std::vector<std::vector<ReplicationMetrics>> runs;
  std::vector<std::vector<MetricEstimate>> estimates;
  for (int a = 0; a < static_cast<int>(identity.arms.size()); ++a) {
    runs.push_back(db.Load(a, begin, end));
    CUPOLA_CHECK(runs.back().size() == end - begin, "a replication is missing from the database");
    estimates.push_back(EstimateMetrics(runs.back()));
  }
  const auto point = [&](std::size_t a) {
    const auto& o = identity.arms[a].overrides;
    return std::vector<std::string>(o.begin() + static_cast<long>(std::min(base, o.size())), o.end());
  };
  json summary = {{"cupola_version", identity.cupola_version},
                  {"scenario", {{"name", description.value("scenario_name", "")}, {"file", files.empty() ? "" : files[0]}}},
                  {"seed", std::to_string(identity.seed)},
                  {"runs", end - begin},
                  {"replications", {begin, end}}};
  std::vector<PairedDifference> differences;
  if (mode != "sweep") summary["metrics"] = MetricsJson(estimates[0]);
  if (mode == "versus") {
    differences = ComparePaired(runs[0], runs[1]);
    summary["versus"] = {{"scenario", {{"file", files.size() > 1 ? files[1] : ""}}},
                         {"overrides", identity.arms[1].overrides},
                         {"metrics", MetricsJson(estimates[1])},
                         {"difference", PairedJson(differences)}};
  }
  if (mode == "sweep") {
    json points = json::array();
    for (std::size_t a = 0; a < identity.arms.size(); ++a)
      points.push_back({{"overrides", point(a)}, {"metrics", MetricsJson(estimates[a])}});
    summary["sweep"] = {{"keys", description.value("sweep_keys", std::vector<std::string>{})}, {"points", points}};
  }
  // Threads 1: each replication ran on one; the pool's size changes no number.
  const auto& first = identity.arms[0];
  summary["provenance"] = ProvenanceJson(
      {first.scenario_sha256, {first.overrides.begin(), first.overrides.begin() + static_cast<long>(std::min(base, first.overrides.size()))},
       command_line, 1},
      identity.seed);
  const std::string text = summary.dump(2) + "\n";
  WriteFileAtomically((dir / "summary.json").string(), text);
  CampaignReport page{description.value("scenario_name", ""),
                      "seed " + std::to_string(identity.seed) + ", replications " + std::to_string(begin) + " to " +
                          std::to_string(end - 1) + ", cupola " + identity.cupola_version,
                      {}, mode == "sweep"};
  for (std::size_t a = 0; a < identity.arms.size(); ++a) {
    page.arms.push_back({mode == "sweep" ? JoinAlternatives(point(a), ", ") : identity.arms[a].label,
                         mode == "sweep" ? point(a) : std::vector<std::string>{}, runs[a], estimates[a], {}, 0.0});
    const json batteries = description.value("arm_batteries", json::array());
    const json durations = description.value("arm_duration_s", json::array());
    if (a < batteries.size() && a < durations.size())
      page.arms.back().batteries = batteries[a].get<std::vector<std::string>>(),
      page.arms.back().duration_s = durations[a].get<double>();
  }
  WriteFileAtomically((dir / "report.html").string(), CampaignReportHtml(page));

  if (as_json) {
    std::fputs(text.c_str(), stdout);
    return;
  }
  if (quiet) return;
  std::printf("\ncampaign %s: replications %llu to %llu%s, seed %llu\n\n",
              description.value("scenario_name", "").c_str(), static_cast<unsigned long long>(begin),
              static_cast<unsigned long long>(end - 1),
              identity.arms.size() > 1
                  ? (" of each of " + std::to_string(identity.arms.size()) + (mode == "versus" ? " defences" : " sweep points")).c_str()
                  : "",
              static_cast<unsigned long long>(identity.seed));
  if (mode == "versus") {
    std::printf("  A: %s%s\n  B: %s%s\n\n", files[0].c_str(), base == 0 ? "" : " with --set", files[1].c_str(),
                identity.arms[1].overrides.size() > base
                    ? (" with " + JoinAlternatives(point(1), ", ")).c_str()
                    : "");
    PrintPaired(estimates[0], estimates[1], differences);
    std::printf("\n  paired on the same replications (common random numbers); narrowing: how much narrower the\n"
                "  paired interval is than two independent campaigns' would be\n");
  } else if (mode == "sweep") {
    std::vector<std::string> labels;
    for (std::size_t a = 0; a < identity.arms.size(); ++a) labels.push_back(JoinAlternatives(point(a), ", "));
    PrintSweep(labels, estimates);
  } else {
    PrintEstimates(estimates[0]);
  }
  std::printf("\n  wrote %s/{summary.json, report.html, %s} (%zu replications stored)\n\n", dir.c_str(), kDatabase,
              db.Count());
}

// The replications of one arm worth keeping whole: its `keep` worst (most
// hits in defended areas, then most value lost, then lowest index) and the
// `indices` asked for, in index order.
std::vector<std::uint64_t> RunsToKeep(std::vector<ReplicationMetrics> runs, int keep,
                                      const std::vector<std::uint64_t>& indices) {
  std::sort(runs.begin(), runs.end(), [](const ReplicationMetrics& a, const ReplicationMetrics& b) {
    if (a.hits_defended != b.hits_defended) return a.hits_defended > b.hits_defended;
    if (a.value_lost != b.value_lost) return a.value_lost > b.value_lost;
    return a.index < b.index;
  });
  std::set<std::uint64_t> kept;
  for (int k = 0; k < keep && k < static_cast<int>(runs.size()); ++k) kept.insert(runs[k].index);
  for (std::uint64_t i : indices) kept.insert(i);  // checked in range before the campaign ran
  return {kept.begin(), kept.end()};
}

// Runs a kept replication again with every output `cupola run` writes
// (trajectories, events, tracks, report, replay) into its own folder, under
// the folder rules of `cupola run`: replaced whole, refused if not cupola's.
void WriteKeptRun(const fs::path& target, const World& world, std::uint64_t seed, std::uint64_t index,
                  const RunProvenance& provenance) {
  RunFolder folder(target.string());
  ReplicationOptions options;
  options.threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  const ReplicationResult result = RunReplication(world, seed, index, options);
  OutputOptions output;
  output.provenance = provenance;
  if (const std::string path = WebAsset("report_template.html"); !path.empty()) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    if (IsReportTemplate(text.str())) output.report_template = text.str();
  }
  WriteRunOutputs(folder, world, result, Summarize(world, result), output);
  folder.Commit();
}

}  // namespace

int Mc(const McOptions& options) {
  const std::string path = options.scenario.empty() ? BundledScenario("border_town_salvo.yaml") : options.scenario;
  const bool versus = !options.versus.empty() || !options.versus_overrides.empty();
  if (versus && !options.sweeps.empty())
    throw InputError({"cupola mc"}, "--sweep", "given with --versus",
                     "one of them: compare two defences, or sweep keys of one (run a sweep per defence)");
  if (options.begin >= options.end)
    throw InputError({"cupola mc"}, "--replications", std::to_string(options.begin) + ":" + std::to_string(options.end),
                     "A:B with A < B");
  // Usage errors first, before any file is read or replication run.
  for (std::uint64_t i : options.keep_indices)
    if (i < options.begin || i >= options.end)
      throw InputError({"cupola mc"}, "--keep-index", std::to_string(i),
                       "a replication of this campaign, " + std::to_string(options.begin) + " to " +
                           std::to_string(options.end - 1));
  std::vector<SweepAxis> axes;
  for (const auto& s : options.sweeps) axes.push_back(ParseSweep(s));
  for (const auto& s : options.overrides) ParseOverride(s);
  for (const auto& s : options.versus_overrides) ParseOverride(s);

  // The arms: A alone, A and B, or one per sweep point; each built once.
  const std::vector<CampaignArm> arms = BuildArms(
      [&](bool b, const std::vector<std::string>& arguments) {
        const std::string file = b && !options.versus.empty() ? options.versus : path;
        std::vector<ScenarioOverride> overrides;
        for (const auto& a : arguments) overrides.push_back(ParseOverride(a));
        const std::string text = ReadInputFile(file, "a readable scenario file");
        return LoadedScenario{std::make_unique<World>(LoadScenarioText(text, file, overrides)), file, Sha256Hex(text)};
      },
      options.overrides, versus, options.versus_overrides, axes);
  const auto identity_of = [](const CampaignArm& a) {
    return ArmIdentity{a.label, a.scenario.scenario_sha256, a.overrides};
  };
  // Each arm's warnings, told once per arm that has any (a sweep point names itself).
  bool refused = false;
  for (const CampaignArm& a : arms)
    refused = ReportPlacementWarnings(*a.scenario.world, options.strict, arms.size() > 1 ? a.label : "") || refused;
  if (refused) return 2;
  const ScenarioSpec& spec = arms.front().scenario.world->spec();
  const std::uint64_t seed = options.seed.value_or(spec.seed);

  if (options.out_dir.empty() && !IsSafeFolderName(spec.name))
    throw InputError({path}, "name", "'" + spec.name + "'",
                     "1 to 64 letters, digits, '.', '_' or '-', not starting with '.', to name the output folder "
                     "out/mc-<name>; or give --out DIR");
  const fs::path dir = options.out_dir.empty() ? fs::path("out") / ("mc-" + spec.name) : fs::path(options.out_dir);
  CampaignIdentity identity{Version(), seed, {}};
  json description = {{"scenario_name", spec.name},
                       {"mode", versus ? "versus" : axes.empty() ? "single" : "sweep"},
                       {"files", json::array()},
                       {"base_overrides", options.overrides.size()},
                       {"sweep_keys", json::array()},
                       {"arm_batteries", json::array()},
                       {"arm_duration_s", json::array()}};
  for (const CampaignArm& a : arms) {
    identity.arms.push_back(identity_of(a)), description["files"].push_back(a.scenario.file);
    json names = json::array();
    for (const BatteryModel& b : a.scenario.world->batteries()) names.push_back(b.name);
    description["arm_batteries"].push_back(names);  // for the report's stock plots
    description["arm_duration_s"].push_back(a.scenario.world->spec().duration_s);
  }
  for (const SweepAxis& axis : axes) description["sweep_keys"].push_back(axis.key);

  // Under mpirun, rank 0 owns the database and says what is missing; every
  // rank runs its share into a part that rank 0 merges at the end.
  const Ranks ranks = StartRanks();
  const bool lead = ranks.rank == 0;
  const auto rank_part = [&](int rank) { return dir / (".rank-" + std::to_string(rank) + ".sqlite"); };
  std::unique_ptr<ResultsDb> db;
  std::vector<ReplicationJob> jobs;
  if (lead) {
    PrepareFolder(dir);
    db = std::make_unique<ResultsDb>((dir / kDatabase).string(), identity, description.dump());
    // Parts left by a killed MPI run hold committed replications: keep them.
    for (const auto& entry : fs::directory_iterator(dir)) {
      const std::string name = entry.path().filename().string();
      if (name.rfind(".rank-", 0) == 0 && entry.path().extension() == ".sqlite") {
        db->MergeFrom(entry.path().string(), true);
        fs::remove(entry.path());
      }
    }
    // What is missing, index-major so that a stopped versus campaign holds whole pairs.
    for (std::uint64_t i = options.begin; i < options.end; ++i)
      for (int a = 0; a < static_cast<int>(arms.size()); ++a)
        if (!db->Has(a, i)) jobs.push_back({a, i});
    const std::size_t wanted = (options.end - options.begin) * arms.size();
    if (!options.quiet && jobs.size() < wanted)
      std::fprintf(stderr, "resuming: %zu of %zu replications are already in %s\n", wanted - jobs.size(), wanted,
                   (dir / kDatabase).c_str());
  }
  jobs = ShareJobs(ranks, std::move(jobs));
  std::vector<ReplicationJob> mine;
  for (std::size_t k = static_cast<std::size_t>(ranks.rank); k < jobs.size(); k += static_cast<std::size_t>(ranks.size))
    mine.push_back(jobs[k]);

  const int threads = options.threads > 0 ? options.threads
                                          : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  std::vector<const World*> worlds;
  for (const CampaignArm& a : arms) worlds.push_back(a.scenario.world.get());
  {
    std::unique_ptr<ResultsDb> part;
    if (!lead) part = std::make_unique<ResultsDb>(rank_part(ranks.rank).string(), identity, description.dump());
    ResultsDb& out = lead ? *db : *part;
    Progress progress(!options.quiet && lead, 1);
    std::size_t done = 0;
    progress.Report("replications", 0, mine.size());
    RunReplications(worlds, seed, mine, threads, [&](std::vector<ReplicationRecord>& batch) {
      out.Append(batch);
      done += batch.size();
      progress.Report("replications", done, mine.size());
    });
    progress.Finish();
  }
  WaitForRanks(ranks);
  if (!lead) {
    StopRanks(ranks);
    return 0;
  }
  for (int r = 1; r < ranks.size; ++r) {
    db->MergeFrom(rank_part(r).string(), true);
    fs::remove(rank_part(r));
  }
  Report(dir, *db, identity, description, options.begin, options.end, options.command_line, options.quiet,
         options.json);

  // Whole runs, for a look at what went wrong: runs/replication-<i>[-<arm>].
  if (options.keep_runs > 0 || !options.keep_indices.empty()) {
    std::size_t written = 0;
    for (int a = 0; a < static_cast<int>(arms.size()); ++a) {
      const auto keep = RunsToKeep(db->Load(a, options.begin, options.end), options.keep_runs, options.keep_indices);
      for (std::uint64_t i : keep) {
        const std::string name = "replication-" + std::to_string(i) +
                                 (arms.size() == 1 ? "" : versus ? "-" + arms[a].label : "-point" + std::to_string(a));
        WriteKeptRun(dir / "runs" / name, *arms[a].scenario.world, seed, i,
                     {arms[a].scenario.scenario_sha256, arms[a].overrides, options.command_line, 1});
        ++written;
      }
    }
    if (!options.quiet && !options.json)
      std::printf("  kept %zu whole run(s) in %s/runs (cupola view %s/runs/<run>)\n\n", written, dir.c_str(), dir.c_str());
  }
  StopRanks(ranks);
  return 0;
}

int McMerge(const McMergeOptions& options) {
  // Every part must be the same campaign: the first one's identity is the reference.
  std::vector<std::string> databases;
  std::string description_text;
  CampaignIdentity identity;
  for (const std::string& part : options.parts) {
    const std::string file = fs::is_directory(part) ? (fs::path(part) / kDatabase).string() : part;
    if (!fs::is_regular_file(file))
      throw InputError({part}, "part", "no " + std::string(kDatabase), "a campaign folder or its results.sqlite");
    std::string description;
    const CampaignIdentity id = ResultsDb::ReadIdentity(file, &description);
    if (databases.empty()) {
      identity = id, description_text = description;
    } else {
      const auto field = [&](const std::string& name, const std::string& theirs, const std::string& ours) {
        if (theirs != ours)
          throw InputError({part}, name, Quote(theirs) + " here, " + Quote(ours) + " in " + options.parts[0],
                           "parts of one campaign (the same scenario, --set, --versus, --sweep, seed and version)");
      };
      field("seed", std::to_string(id.seed), std::to_string(identity.seed));
      field("cupola_version", id.cupola_version, identity.cupola_version);
      field("arms", std::to_string(id.arms.size()) + " arms", std::to_string(identity.arms.size()) + " arms");
      for (std::size_t a = 0; a < id.arms.size(); ++a) {
        field("scenario_sha256", id.arms[a].scenario_sha256, identity.arms[a].scenario_sha256);
        field("overrides", JoinAlternatives(id.arms[a].overrides, ", "), JoinAlternatives(identity.arms[a].overrides, ", "));
      }
    }
    databases.push_back(file);
  }
  const fs::path dir(options.out_dir);
  if (fs::exists(dir / kDatabase))
    throw InputError({options.out_dir}, "--out", "a folder that already holds " + std::string(kDatabase),
                     "a new or empty folder for the merged campaign");
  PrepareFolder(dir);
  ResultsDb db((dir / kDatabase).string(), identity, description_text);
  for (const std::string& file : databases) db.MergeFrom(file);

  // The merged indices must be one range, the same on every arm.
  const std::vector<std::uint64_t> indices = db.Indices(0);
  if (indices.empty()) throw InputError({options.parts[0]}, "part", "no replications", "parts that ran some");
  for (std::size_t k = 0; k < indices.size(); ++k)
    if (indices[k] != indices[0] + k)
      throw InputError({"cupola mc merge"}, "replications", std::to_string(indices[0] + k) + " missing",
                       "parts that cover one range without gaps (--replications A:B, B:C, ...)");
  for (int a = 1; a < static_cast<int>(identity.arms.size()); ++a)
    if (db.Indices(a) != indices)
      throw InputError({"cupola mc merge"}, "replications of " + identity.arms[a].label, "not those of arm A",
                       "finished parts (run each part's command again to finish it)");
  const json description = json::parse(description_text.empty() ? "{}" : description_text, nullptr, false);
  Report(dir, db, identity, description.is_object() ? description : json::object(), indices.front(),
         indices.back() + 1, options.command_line, options.quiet, options.json);
  return 0;
}

}  // namespace cupola::cli
