#include "commands.h"

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <iostream>
#include <iterator>
#include <set>
#include <nlohmann/json.hpp>
#include <thread>

#include "placement_output.h"
#include "cupola/core/error.h"
#include "cupola/core/input_file.h"
#include "cupola/core/progress.h"
#include "cupola/core/sha256.h"
#include "cupola/core/text.h"
#include "cupola/core/units.h"
#include "cupola/io/detections_csv.h"
#include "cupola/io/report_html.h"
#include "cupola/io/run_folder.h"
#include "cupola/io/run_outputs.h"
#include "cupola/io/track_outputs.h"
#include "cupola/io/atomic_file.h"
#include "cupola/scenario/format_docs.h"
#include "cupola/scenario/loader.h"
#include "cupola/scenario/presets.h"
#include "cupola/sim/summary.h"

namespace cupola::cli {

namespace fs = std::filesystem;

namespace {

// The first of `dirs` holding `relative`, or "". Before them: the directory
// named by the environment variable `env`, and the installed share/cupola/<share>
// next to the running binary.
std::string FindShared(const char* env, const char* share, std::vector<fs::path> dirs, const std::string& relative) {
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) dirs.insert(dirs.begin(), exe.parent_path().parent_path() / "share" / "cupola" / share);
  if (const char* dir = std::getenv(env)) dirs.insert(dirs.begin(), dir);
  for (const auto& dir : dirs)
    if (fs::exists(dir / relative)) return (dir / relative).string();
  return "";
}

std::vector<ScenarioOverride> ParseOverrides(const std::vector<std::string>& arguments) {
  std::vector<ScenarioOverride> overrides;
  for (const auto& argument : arguments) overrides.push_back(ParseOverride(argument));
  return overrides;
}

}  // namespace

std::string BundledScenario(const std::string& file_name) {
  const std::string found = FindShared("CUPOLA_SCENARIO_DIR", "scenarios",
                                       {CUPOLA_INSTALL_SCENARIO_DIR, CUPOLA_SOURCE_SCENARIO_DIR}, file_name);
  return found.empty() ? (fs::path(CUPOLA_SOURCE_SCENARIO_DIR) / file_name).string() : found;
}

std::string WebAsset(const std::string& relative) {
  // A binary in the build tree uses the source tree's fresh build before an older install.
  return FindShared("CUPOLA_WEB_DIR", "web", {CUPOLA_SOURCE_WEB_DIR, CUPOLA_INSTALL_WEB_DIR}, relative);
}

namespace {

std::string ReadWholeFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  if (!in && !in.eof()) throw std::runtime_error("cannot read " + path);
  return text.str();
}

void PrintSummaryTable(const ScenarioSpec& spec, const RunSummary& s) {
  std::printf("\nscenario %s: %d threats, seed %llu\n\n", spec.name.c_str(), s.threats,
              static_cast<unsigned long long>(spec.seed));
  std::printf("  %-28s %10s %8s %8s\n", "defended area", "value", "aimed", "impacts");
  std::printf("  %-28s %10s %8s %8s\n", "----------------------------", "----------", "-------", "-------");
  for (const auto& a : s.areas)
    std::printf("  %-28s %10.0f %8d %8d\n", a.name.c_str(), a.value, a.aimed, a.impacts);
  std::printf("  %-28s %10s %8s %8d\n", "open ground", "", "", s.open_ground);
  if (s.intercepted > 0) std::printf("  %-28s %10s %8s %8d\n", "intercepted in the air", "", "", s.intercepted);
  if (s.airborne_at_end > 0) std::printf("  %-28s %10s %8s %8d\n", "still airborne at end", "", "", s.airborne_at_end);
  if (s.duds > 0) std::printf("  %-28s %10s %8s %8d\n", "duds (no damage)", "", "", s.duds);
  if (s.launch_failures > 0) std::printf("  %-28s %10s %8s %8d\n", "failed at launch", "", "", s.launch_failures);
  std::printf("\n  impacts in defended areas: %d of %d threats\n", s.hits, s.threats);
  if (s.fell_short > 0)
    std::printf("  fell short: %d (failed at launch or in boost, or aimed beyond reach)\n", s.fell_short);
  if (s.defence) {
    const DefenceOutcome& d = *s.defence;
    const ThreatFates& f = d.fates;
    std::printf("  fates: %d intercepted, %d leaked though engaged, %d leaked unengaged, %d let fall in open ground, "
                "%d engaged but fell in open ground\n",
                f.intercepted, f.leaked_engaged, f.leaked_ignored, f.ignored_open_ground, f.engaged_open_ground);
    // Ratios of nothing are not 0 (issue #22): say why there is none.
    char per_kill[32] = "no kill", ratio[32] = "n/a (nothing fired)";
    if (f.intercepted > 0) std::snprintf(per_kill, sizeof(per_kill), "%.1f per kill", d.interceptors_per_kill);
    if (d.interceptors_fired > 0) std::snprintf(ratio, sizeof(ratio), "%.1f", d.cost_exchange_ratio);
    std::printf("  interceptors: %d fired, %s; defence USD %.0f vs attack USD %.0f: cost-exchange ratio %s\n",
                d.interceptors_fired, per_kill, d.defence_cost_usd, d.attack_cost_usd, ratio);
    if (d.interceptors_met > 0)
      std::printf("  single-shot Pk: %.2f achieved (%d kills of %d interceptors that met their threat), %.2f planned\n",
                  d.achieved_pk, d.interceptor_kills, d.interceptors_met, d.planned_pk);
    for (const LayerOutcome& l : d.layers) {
      char layer_ratio[32] = "n/a";
      if (l.shots > 0) std::snprintf(layer_ratio, sizeof(layer_ratio), "%.2f", l.cost_exchange_ratio);
      std::printf("  layer %-8s %d engagements, %d shots, %d kills, USD %.0f, cost-exchange ratio %s\n",
                  l.effector.c_str(), l.engagements, l.shots, l.kills, l.cost_usd, layer_ratio);
    }
  }
  if (s.aim_out_of_range > 0)
    std::printf("  note: %d threat(s) were aimed beyond their range and fired at the limit (see events.jsonl)\n",
                s.aim_out_of_range);
}

void PrintEngagementLine(const World& world, const TrackingResult& t) {
  if (world.batteries().empty()) return;
  std::set<int> fired_at;
  for (const auto& f : t.fire_orders) fired_at.insert(f.order.track_id);
  int no_intercept = 0, holds = 0;
  for (const auto& n : t.engagement_notes) {
    no_intercept += n.kind == EngagementNote::Kind::kNoIntercept;
    holds += n.kind == EngagementNote::Kind::kHoldFire;
  }
  std::printf("  battle manager: %zu interceptors fired at %zu tracks; %d engaged tracks never fired at, %d held fire\n",
              t.fire_orders.size(), fired_at.size(), no_intercept, holds);
  // The links, and batteries that nothing reaches (docs/links.md).
  for (std::size_t l = 0; l < t.links.size(); ++l) {
    const LinkCounts& c = t.links[l];
    std::printf("  link %s: %lld reports sent, %lld delivered, %lld lost, %lld lost in outages", c.name.c_str(), c.sent,
                c.delivered, c.lost, c.lost_in_outage);
    if (world.network().links()[l].bandwidth_kbps && c.queued_s_max > 0.0)
      std::printf("; queued up to %.2f s behind the report before (bandwidth)", c.queued_s_max);
    std::printf("\n");
  }
  std::set<std::string> with_picture;
  for (const PictureSummary& p : t.pictures) {
    with_picture.insert(p.batteries.begin(), p.batteries.end());
    if (p.late_reports > 0)
      std::printf("  picture of %s: %lld late reports discarded (overtaken on a jittery link)\n",
                  JoinAlternatives(p.batteries, ", ", 10).c_str(), p.late_reports);
  }
  for (const BatteryModel& b : world.batteries())
    if (!with_picture.count(b.name))
      std::printf("  battery %s: no link reaches it from any radar; it never fired\n", b.name.c_str());
}

void PrintTrackingTable(const TrackingResult& t) {
  const TrackScore& s = t.score;
  std::printf("\n  tracking: %zu scans, %d detections, %d false alarms, %d tracks confirmed\n", t.scans.size(),
              t.detections, t.false_alarms, t.tracks_confirmed);
  if (t.tracker_limits.Any()) std::printf("    tracker limits reached: %s\n", t.tracker_limits.ToString().c_str());
  std::printf("    position RMSE %.1f m, velocity RMSE %.1f m/s, coverage %.1f %%, %d breaks, %d identity switches, "
              "mean GOSPA %.1f m\n",
              s.position_rmse_m, s.velocity_rmse_mps, 100.0 * s.coverage, s.track_breaks, s.identity_switches,
              s.mean_gospa_m);
  if (t.decisions.empty()) return;
  int right = 0, engaged = 0, scored = 0;
  for (const auto& d : t.decisions) {
    engaged += d.engage;
    if (d.truth_id < 0) continue;
    ++scored;
    right += d.engage == d.should_engage;
  }
  std::printf("  impact prediction: %zu predictions, %zu decisions (%d engage, %zu ignore), %d of %d right against the truth\n",
              t.assessments.size(), t.decisions.size(), engaged, t.decisions.size() - engaged, right, scored);
  // A zone's impacts are where threats would have come down untouched: say so, and how many were shot down.
  for (const auto& z : t.zone_scores)
    std::printf("  alert zone %-20s %d alerts (%d false), %d of %d would-be impacts warned (%d intercepted), "
                "warning %.1f s min / %.1f s mean\n",
                z.name.c_str(), z.alerts, z.false_alarms, z.impacts - z.missed, z.impacts, z.intercepted,
                z.min_warning_s, z.mean_warning_s);
}

}  // namespace

int Run(const RunOptions& options) {
  const std::string path = options.scenario.empty() ? BundledScenario("border_town_salvo.yaml") : options.scenario;
  // The scenario's bytes are read once: the hash in the provenance is of what ran.
  // Bounded like every input (core/input_file.h).
  // A malformed --set is a usage error: reported before any file is read.
  const std::vector<ScenarioOverride> overrides = ParseOverrides(options.overrides);
  const std::string scenario_text = ReadInputFile(path, "a readable scenario file");
  ScenarioSpec spec = LoadScenarioText(scenario_text, path, overrides);
  if (options.seed) spec.seed = *options.seed;
  // The output folder comes from --out or from a name that is one plain path
  // component: a scenario named '/', '../x' or '/etc/x' must not choose where
  // files go. Made now, before the run: a bad or unwritable place fails at once.
  if (options.out_dir.empty() && !IsSafeFolderName(spec.name))
    throw InputError({path}, "name", "'" + spec.name + "'",
                     "1 to 64 letters, digits, '.', '_' or '-', not starting with '.', to name the output folder "
                     "out/<name>; or give --out DIR");
  const std::string out_dir = options.out_dir.empty() ? (fs::path("out") / spec.name).string() : options.out_dir;
  RunFolder folder(out_dir);  // before the World: an unwritable place fails at once (nothing is committed on refusal)
  const auto start = std::chrono::steady_clock::now();
  const World world(spec);
  if (ReportPlacementWarnings(world, options.strict)) return 2;

  ReplicationOptions run_options;
  run_options.record_trajectories = options.trajectories;
  run_options.threads = options.threads > 0 ? options.threads : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  Progress progress(!options.quiet, spec.radars.empty() ? 2 : 3);
  run_options.on_progress = [&](ReplicationPhase phase, std::size_t done, std::size_t total) {
    progress.Report(phase == ReplicationPhase::kFlying ? "flying threats" : "tracking and engaging", done, total);
  };
  const ReplicationResult result = RunReplication(world, spec.seed, 0, run_options);
  const RunSummary summary = Summarize(world, result);
  OutputOptions output_options;
  output_options.export_detections = options.export_detections;
  // The file's hash is not the whole input when --set changed it: the
  // overrides are recorded beside it.
  output_options.provenance = {Sha256Hex(scenario_text), options.overrides, options.command_line, run_options.threads};
  output_options.on_file = [&](std::size_t done, std::size_t total) { progress.Report("writing outputs", done, total); };
  std::string report_template = options.report ? WebAsset("report_template.html") : "";
  if (!report_template.empty()) {
    output_options.report_template = ReadWholeFile(report_template);
    // The report is an extra: a broken template (a half-finished web build)
    // must not cost the run its other files.
    if (!IsReportTemplate(output_options.report_template)) {
      std::fprintf(stderr, "warning: %s is not a report template (no data marker); report.html skipped. "
                           "Rebuild it: scripts/web.sh\n", report_template.c_str());
      output_options.report_template.clear();
      report_template.clear();
    }
  }
  progress.Report("writing outputs", 0, 1);
  const std::string summary_text = WriteRunOutputs(folder, world, result, summary, output_options);
  folder.Commit();
  progress.Finish();
  const double wall_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

  if (options.json) {
    std::fputs(summary_text.c_str(), stdout);
  } else if (!options.quiet) {
    PrintSummaryTable(spec, summary);
    if (result.tracking) PrintTrackingTable(*result.tracking), PrintEngagementLine(world, *result.tracking);
    std::printf("\n  wrote %s/{summary.json, events.jsonl, trajectories.csv, impacts.geojson, replay.czml%s%s%s%s}\n",
                out_dir.c_str(), report_template.empty() ? "" : ", report.html",
                result.tracking ? ", tracks.csv, tracks.jsonl" : "",
                result.tracking && !result.tracking->assessments.empty() ? ", predictions.geojson" : "",
                result.tracking && options.export_detections ? ", detections.csv" : "");
    if (!report_template.empty())
      std::printf("  report: open '%s/report.html'; 3-D replay: cupola view '%s'\n", out_dir.c_str(), out_dir.c_str());
    else if (options.report)
      std::printf("  no report.html: the web assets are not built (scripts/web.sh in the source tree; docs/report.md)\n");
    std::printf("  %.2f s wall for %.0f s of scenario time\n\n", wall_s, spec.duration_s);
  }
  return 0;
}

int Validate(const std::vector<std::string>& files, const std::vector<std::string>& override_arguments, bool strict) {
  const std::vector<ScenarioOverride> overrides = ParseOverrides(override_arguments);
  int status = 0;
  for (const auto& file : files) {
    const World world(LoadScenarioFile(file, overrides));
    const ScenarioSpec& spec = world.spec();
    if (ReportPlacementWarnings(world, strict)) {
      status = 2;
      continue;
    }
    std::printf("ok: %s%s: %d threats in %zu salvos, %zu defended areas, %zu alert zones, %zu radars, %zu batteries, %zu links\n",
                file.c_str(), overrides.empty() ? "" : (" with " + std::to_string(overrides.size()) + " --set").c_str(),
                spec.TotalThreats(), spec.threats.size(), spec.defended_areas.size(),
                spec.alert_zones.size(), spec.radars.size(), spec.batteries.size(), spec.links.size());
  }
  return status;
}

int Track(const TrackOptions& options) {
  const auto reading = std::chrono::steady_clock::now();
  const DetectionLog log = ReadDetectionsCsv(options.detections);
  const double reading_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - reading).count();
  const TrackerConfig config = options.config.empty() ? TrackerConfig{} : LoadTrackerConfigFile(options.config);
  // Made before tracking, as for `cupola run`: replaced whole, or refused at once.
  const std::string out_dir = options.out_dir.empty()
                                  ? (fs::path("out") / ("track-" + fs::path(options.detections).stem().string())).string()
                                  : options.out_dir;
  RunFolder folder(out_dir);
  // The tracker's frame: centred on the first radar, ground at the ellipsoid.
  const LocalFrame frame(log.radars.front().site);
  const FlightEnvironment env = FlightEnvironment::Standard(frame, 0.0);
  std::vector<RadarModel> radars;
  for (const auto& spec : log.radars) radars.push_back(RadarModel::FromSpec(spec, frame));
  const auto start = std::chrono::steady_clock::now();
  Tracker tracker(config, &radars, &env);
  Progress progress(!options.quiet, 2);
  int detections = 0;
  for (std::size_t i = 0; i < log.scans.size(); ++i) {
    const ScanRecord& scan = log.scans[i];
    tracker.ProcessScan(scan.radar, scan.t_s, scan.detections);
    detections += static_cast<int>(scan.detections.size());
    progress.Report("tracking", i + 1, log.scans.size());
  }
  const auto tracked = std::chrono::steady_clock::now();
  // Confirmed reports are what a user reads; the rest (tentative tracks,
  // most of them clutter, and deletions) on request.
  std::vector<TrackReport> reports = tracker.TakeReports();
  if (!options.all_reports)
    std::erase_if(reports, [](const TrackReport& r) { return r.status != TrackStatus::kConfirmed; });
  // One file by default: the JSON copy of the same rows doubled the bytes.
  const int files = options.jsonl ? 2 : 1;
  progress.Report("writing outputs", 0, files);
  folder.Write("tracks.csv", TracksCsv(frame, reports));
  if (options.jsonl) {
    progress.Report("writing outputs", 1, files);
    folder.Write("tracks.jsonl", TracksJsonLines(frame, reports));
  }
  folder.Commit();
  progress.Report("writing outputs", files, files);
  progress.Finish();
  const auto end = std::chrono::steady_clock::now();
  const double tracking_ms = std::chrono::duration<double, std::milli>(tracked - start).count();
  const double writing_ms = std::chrono::duration<double, std::milli>(end - tracked).count();
  int confirmed = 0;
  for (const auto& e : tracker.events()) confirmed += e.kind == TrackEvent::Kind::kConfirmed;
  if (!options.quiet) {
    std::printf("\ntracked %zu scans from %zu radar(s): %d detections, %d tracks confirmed (%s)\n",
                log.scans.size(), radars.size(), detections, confirmed, tracker.estimator().name().c_str());
    std::printf("  reading %.1f ms, tracking %.1f ms (%.3f ms per scan)\n", reading_ms, tracking_ms,
                log.scans.empty() ? 0.0 : tracking_ms / static_cast<double>(log.scans.size()));
    std::printf("  wrote %s/%s (%zu %sreports) in %.1f ms\n\n", out_dir.c_str(),
                options.jsonl ? "{tracks.csv, tracks.jsonl}" : "tracks.csv", reports.size(),
                options.all_reports ? "" : "confirmed ", writing_ms);
  }
  // Even with -q: the tracks are not what the tracker would have made unbounded.
  if (tracker.limit_counts().Any())
    std::fprintf(stderr, "note: tracker limits reached (docs/tracking.md, \"Limits\"): %s\n",
                 tracker.limit_counts().ToString().c_str());
  return 0;
}

int GenerateFormatDocs(const std::string& root) {
  const std::vector<KeyTable> tables = ScenarioKeyTables();
  std::vector<std::string> files = kFormatDocs;
  files.push_back("schemas/scenario.schema.json");
  for (const std::string& relative : files) {
    const std::string path = (fs::path(root) / relative).string();
    const std::string before = ReadWholeFile(path);
    const std::string after = relative.ends_with(".json") ? UpdateFormatSchema(before, tables)
                                                          : UpdateFormatDocs(before, tables, relative);
    if (after == before) continue;
    WriteFileAtomically(path, after);
    std::printf("wrote %s\n", path.c_str());
  }
  return 0;
}

int Presets(bool as_json) {
  nlohmann::json all = nlohmann::json::array();
  if (!as_json) std::printf("threat types in the catalog (sources: docs/threats.md)\n\n");
  for (const auto& t : ThreatCatalog()) {
    nlohmann::json j = {{"name", t.name}, {"kind", ToString(t.kind)}, {"description", t.description},
                        {"rcs_m2", t.rcs_m2}, {"cost_usd", t.cost_usd}, {"source", t.source}};
    if (t.IsBallistic()) {
      const BallisticParams& b = t.ballistic;
      j["mass_kg"] = b.launch_mass_kg;
      j["diameter_mm"] = b.diameter_m * 1000.0;
      if (b.motor.thrust_N > 0)
        j["motor"] = {{"thrust_n", b.motor.thrust_N}, {"burn_time_s", b.motor.burn_time_s}, {"propellant_kg", b.motor.propellant_kg}};
      else
        j["muzzle_velocity_mps"] = b.muzzle_velocity_mps;
      j["elevation_deg"] = {{"min", RadToDeg(b.min_elevation_rad)}, {"max", RadToDeg(b.max_elevation_rad)}};
      if (!std::isnan(b.best_elevation_rad)) j["best_elevation_deg"] = RadToDeg(b.best_elevation_rad);
      j["drag_form_factor"] = b.drag.form_factor();
      j["published_max_range_km"] = b.published_max_range_m / 1000.0;
    } else {
      const DroneParams& d = t.drone;
      j["mass_kg"] = d.mass_kg;
      j["cruise_speed_mps"] = d.cruise_speed_mps;
      j["cruise_height_m"] = d.cruise_height_m;
      j["max_turn_rate_deg_s"] = RadToDeg(d.max_turn_rate_radps);
      j["dive_angle_deg"] = RadToDeg(d.dive_angle_rad);
      j["dive_speed_mps"] = d.dive_speed_mps;
      j["cep_m"] = t.reliability.cep_m;
      j["cep_jammed_m"] = t.reliability.cep_jammed_m;
    }
    j["has_warhead"] = t.has_warhead;
    all.push_back(j);
    if (as_json) continue;
    std::printf("%-15s %-7s %s\n", t.name.c_str(), ToString(t.kind), t.description.c_str());
    if (t.IsBallistic()) {
      const BallisticParams& b = t.ballistic;
      std::printf("    %.1f kg, %.0f mm, ", b.launch_mass_kg, b.diameter_m * 1000);
      if (b.motor.thrust_N > 0)
        std::printf("motor %.1f kN for %.2f s (%.2f kg propellant)", b.motor.thrust_N / 1000, b.motor.burn_time_s,
                    b.motor.propellant_kg);
      else
        std::printf("muzzle velocity %.0f m/s", b.muzzle_velocity_mps);
      std::printf(", max range %.1f km (published), drag form factor %.3f\n", b.published_max_range_m / 1000,
                  b.drag.form_factor());
    } else {
      const DroneParams& d = t.drone;
      std::printf("    %.0f kg, cruise %.0f km/h at %.0f m above ground, turn %.1f deg/s, dive %.0f deg at %.0f km/h\n",
                  d.mass_kg, d.cruise_speed_mps * 3.6, d.cruise_height_m, RadToDeg(d.max_turn_rate_radps),
                  RadToDeg(d.dive_angle_rad), d.dive_speed_mps * 3.6);
      std::printf("    CEP %.0f m, %.0f m with satellite navigation jammed%s\n", t.reliability.cep_m,
                  t.reliability.cep_jammed_m, t.has_warhead ? "" : "; no warhead (a decoy)");
    }
    std::printf("    RCS %.3g m^2, unit cost USD %.0f; source %s\n\n", t.rcs_m2, t.cost_usd, t.source.c_str());
  }
  if (!as_json) std::printf("interceptor types (sources: docs/interceptors.md)\n\n");
  for (const auto& t : InterceptorCatalog()) {
    const BallisticParams& b = t.airframe;
    all.push_back({{"name", t.name}, {"kind", "interceptor"}, {"description", t.description},
                   {"mass_kg", b.launch_mass_kg}, {"diameter_mm", b.diameter_m * 1000.0},
                   {"motor", {{"thrust_n", b.motor.thrust_N}, {"burn_time_s", b.motor.burn_time_s},
                              {"propellant_kg", b.motor.propellant_kg}}},
                   {"drag_form_factor", b.drag.form_factor()}, {"min_intercept_speed_mps", t.min_intercept_speed_mps},
                   {"max_flight_time_s", t.max_flight_time_s}, {"max_load_factor_g", t.max_load_factor},
                   {"lethal_radius_m", t.lethal_radius_m}, {"seeker_thermal_noise_mrad", t.seeker_thermal_noise_rad * 1e3},
                   {"glint_fraction_of_span", t.glint_fraction_of_span}, {"radome_slope", t.radome_slope},
                   {"fuze_delay_sigma_ms", t.fuze_delay_sigma_s * 1e3},
                   {"cost_usd", t.cost_usd}, {"source", t.source}});
    if (as_json) continue;
    std::printf("%-14s %s\n", t.name.c_str(), t.description.c_str());
    std::printf("    %.1f kg, %.0f mm, motor %.1f kN for %.2f s (%.2f kg propellant), drag form factor %.2f\n",
                b.launch_mass_kg, b.diameter_m * 1000, b.motor.thrust_N / 1000, b.motor.burn_time_s,
                b.motor.propellant_kg, b.drag.form_factor());
    std::printf("    lethal radius %.0f m (against a rocket; Pk from the endgame model, docs/interceptor.md), %.0f g, "
                "unit cost USD %.0f; source %s\n\n",
                t.lethal_radius_m, t.max_load_factor, t.cost_usd, t.source.c_str());
  }
  if (as_json) std::cout << all.dump(2) << "\n";
  return 0;
}

}  // namespace cupola::cli
