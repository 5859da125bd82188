// cupola -- command-line front end. Thin: parse, call the library, print.
// Exit status: 0 success, 2 bad input (file, line, key and value named), 1 other failure.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <exception>
#include <tuple>
#include <string>
#include <vector>

#include "arguments.h"
#include "commands.h"
#include "mc_command.h"
#include "view_command.h"
#include "wta_command.h"
#include "cupola/core/error.h"
#include "cupola/core/version.h"

namespace {

// `--set KEY=VALUE`, repeatable, one KEY=VALUE per --set (never the
// scenario file after it).
void AddSetOption(CLI::App* command, std::vector<std::string>& overrides) {
  command
      ->add_option("--set", overrides,
                   "Change one scenario key before checking it, as if the file said so; repeatable. KEY is the "
                   "key's dotted path in docs/scenario.md, list items by index from 0 or by name "
                   "(threats.0.count, batteries.battery-sderot.max_interceptors_per_threat); VALUE is YAML "
                   "(40, [1, 2], {lat_deg: 31.5, lon_deg: 34.6})")
      ->type_name("KEY=VALUE")
      ->allow_extra_args(false);
}

}  // namespace

int main(int argc, char** argv) {
  using namespace cupola::cli;
  CLI::App app{"cupola: short-range air defence simulation and analysis (Iron Dome class).\n"
               "Rockets, mortars and drones are fired at defended areas; cupola flies them with\n"
               "published physics, lets radars detect them and a tracker follow them, predicts\n"
               "where they fall, and fires interceptors at those that threaten what is defended.",
               "cupola"};
  app.footer(
      "Examples:\n"
      "  cupola run                                   run the bundled default scenario\n"
      "  cupola run scenarios/mortar_attack.yaml      run a scenario file\n"
      "  cupola run --set threats.0.count=40          change a scenario key without editing the file\n"
      "  cupola validate my_scenario.yaml             check a file without running it\n"
      "  cupola mc --runs 1000                        a Monte Carlo campaign: means with 95 % intervals\n"
      "  cupola presets                               list the threat catalog\n"
      "  cupola track detections.csv                  track recorded detections\n"
      "  cupola view out/border_town_salvo            replay a run in 3-D in the browser\n"
      "  cupola wta --generate 20 20 --seed 1 -o i.json && cupola wta i.json\n"
      "                                               solve a weapon-target assignment\n\n"
      "Scenario format: docs/scenario.md. Outputs: docs/outputs.md.\n"
      "Exit status: 0 ok, 2 bad input, 1 other failure.");
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string("cupola ") + cupola::Version());

  RunOptions run;
  run.command_line.assign(argv, argv + argc);
  std::string seed;
  auto* run_cmd = app.add_subcommand("run", "Fly a scenario's threats, detect, track and engage them, report what happened");
  run_cmd->add_option("scenario", run.scenario, "Scenario YAML file (default: the bundled border_town_salvo.yaml)")
      ->check(CLI::ExistingFile);
  run_cmd->add_option("-o,--out", run.out_dir, "Output directory (default: out/<scenario name>)");
  auto* seed_opt = run_cmd->add_option("-s,--seed", seed, "Override the scenario's seed (0 to 2^64 - 1)");
  AddSetOption(run_cmd, run.overrides);
  run_cmd->add_option("-j,--threads", run.threads, "Worker threads (default: all cores); results do not depend on it")
      ->check(CLI::Range(0, 256));
  bool no_trajectories = false;
  run_cmd->add_flag("--no-trajectories", no_trajectories, "Skip trajectories.csv rows (faster for big raids)");
  run_cmd->add_flag("--export-detections", run.export_detections,
                    "Also write detections.csv (the input format of `cupola track`)");
  bool no_report = false;
  run_cmd->add_flag("--no-report", no_report, "Skip report.html");
  run_cmd->add_flag("-q,--quiet", run.quiet, "Print nothing but errors");
  run_cmd->add_flag("--json", run.json, "Print summary.json's content to stdout instead of the tables");
  run_cmd->add_flag("--strict", run.strict,
                    "Placement warnings (an aim point beyond reach, latitude and longitude swapped, a battery no "
                    "radar reaches, ...) are errors: exit 2, nothing written");
  run_cmd->footer(
      "Writes summary.json, events.jsonl, trajectories.csv, impacts.geojson, replay.czml (3-D replay)\n"
      "and report.html (a self-contained report with map, plots and tables; when the web assets are\n"
      "built) to the output directory; with radars in the scenario also tracks.csv, tracks.jsonl and\n"
      "predictions.geojson (and detections.csv on request). The directory is replaced whole when the\n"
      "run succeeds, and only if it is new, empty or an earlier cupola output (docs/outputs.md).\n"
      "With batteries, the battle manager fires interceptors and the summary counts each threat's\n"
      "fate (docs/battle_manager.md, docs/interceptor.md). `cupola view DIR` replays a run in 3-D\n"
      "in the browser.\n\n"
      "Examples:\n"
      "  cupola run\n"
      "  cupola run scenarios/drone_raid_city.yaml --out results/kyiv --seed 7\n"
      "  cupola run scenarios/mortar_attack.yaml -j 1 -q && cat out/mortar_attack/summary.json\n"
      "  cupola run --json | jq .provenance\n"
      "  cupola run --set threats.0.count=40 --set batteries.battery-sderot.max_interceptors_per_threat=1\n"
      "  cupola run scenarios/drone_raid_city.yaml --set 'threats.0.waypoints=[{lat_deg: 50.4, lon_deg: 30.6}]'");

  std::vector<std::string> validate_files;
  std::vector<std::string> validate_overrides;
  auto* validate_cmd = app.add_subcommand("validate", "Check scenario files without running them");
  validate_cmd->add_option("files", validate_files, "Scenario YAML files")->required();
  AddSetOption(validate_cmd, validate_overrides);
  bool validate_strict = false;
  validate_cmd->add_flag("--strict", validate_strict,
                         "Placement warnings are errors (exit 2); without it they are printed and validate exits 0");
  validate_cmd->footer(
      "Every problem is reported as file:line:column: key: got <value>; expected <what>,\n"
      "with exit status 2. Unknown keys get a did-you-mean. A problem with a value given by\n"
      "--set names the argument instead: --set threats.0.count=abc: threats[0].count: got 'abc'; ...\n\n"
      "Placement warnings are for what loads but is rarely meant: an aim point beyond the\n"
      "threat type's reach, latitude and longitude swapped, a place far from the origin, a\n"
      "battery no radar reaches, rockets with no ballistic tracker mode, a battery envelope\n"
      "beyond its interceptor's reach (docs/scenario.md#placement-warnings). They are printed\n"
      "on stderr as warning: file:line:column: key: value: what happens [code].\n\n"
      "Examples:\n"
      "  cupola validate scenarios/*.yaml\n"
      "  cupola validate --strict my_scenario.yaml      refuse placement warnings too (CI)\n"
      "  cupola validate scenarios/mortar_attack.yaml --set duration_s=120 --set radars.0.revisit_s=0.5");

  bool presets_json = false;
  auto* presets_cmd = app.add_subcommand("presets", "List the built-in threat and interceptor types and their public parameters");
  presets_cmd->add_flag("--json", presets_json, "Print as JSON");
  presets_cmd->footer(
      "Each number's source is in docs/threats.md and docs/interceptors.md. Use a threat\n"
      "name as `type:` in a scenario and an interceptor name as a battery's `interceptor:`,\n"
      "or define your own threat types under `threat_types:`.\n\n"
      "Examples:\n"
      "  cupola presets\n"
      "  cupola presets --json | jq '.[].name'");

  TrackOptions track;
  auto* track_cmd = app.add_subcommand("track", "Run the tracker on recorded detections");
  track_cmd->add_option("detections", track.detections, "Detections CSV (docs/detections.md)")
      ->required()
      ->check(CLI::ExistingFile);
  track_cmd->add_option("-c,--config", track.config, "Tracker settings YAML (docs/tracking.md); default settings if absent")
      ->check(CLI::ExistingFile);
  track_cmd->add_option("-o,--out", track.out_dir, "Output directory (default: out/track-<file stem>)");
  track_cmd->add_flag("-q,--quiet", track.quiet, "Print nothing but errors");
  track_cmd->add_flag("--all-reports", track.all_reports,
                      "Write every track report (tentative tracks, deletions); default: confirmed tracks only");
  track_cmd->add_flag("--jsonl", track.jsonl, "Also write tracks.jsonl (the same rows as JSON objects)");
  track_cmd->footer(
      "Reads detections in the format `cupola run --export-detections` writes, runs the\n"
      "multi-target tracker, and writes tracks.csv (and tracks.jsonl with --jsonl).\n\n"
      "Default tracker (no --config): an IMM of ballistic, constant-velocity and\n"
      "coordinated-turn modes (EKF, GNN), for rockets, mortars and drones together,\n"
      "starting tracks up to 3,000 m/s. Choose `motion_model: ballistic` for rockets\n"
      "and mortars only, `imm` of cv, ct and ca for drones only, `cv` for speed, and a\n"
      "single model with `association: jpda`; `association: mht` (multiple hypotheses)\n"
      "for dense salvos (docs/tracking.md, \"The default tracker\", \"Multiple hypothesis\n"
      "tracking\").\n\n"
      "Examples:\n"
      "  cupola run scenarios/border_town_salvo.yaml --export-detections\n"
      "  cupola track out/border_town_salvo/detections.csv\n"
      "  cupola track out/border_town_salvo/detections.csv --config my_tracker.yaml --out results/ukf");

  ViewOptions view;
  auto* view_cmd = app.add_subcommand("view", "Replay a run in 3-D in the browser (CesiumJS, offline)");
  view_cmd->add_option("run_dir", view.run_dir, "A directory written by `cupola run` (holds replay.czml)")->required();
  view_cmd->add_option("-p,--port", view.port, "Port on 127.0.0.1 (default 8765; 0: any free port)")
      ->check(CLI::Range(0, 65535));
  view_cmd->footer(
      "Serves the built viewer (web/dist/viewer) and the run directory on 127.0.0.1 only, prints the\n"
      "URL to open, and serves until Ctrl-C. The viewer needs no network: imagery and coastlines are\n"
      "bundled. Build it once with: cd web && npm ci && npm run build (docs/viewer.md).\n\n"
      "Examples:\n"
      "  cupola run && cupola view out/border_town_salvo\n"
      "  cupola view results/kyiv --port 0");

  // For developers: rewrites the generated parts of docs/scenario.md and the
  // JSON Schema after a key's declaration changed (scenario_fields.cpp).
  std::string format_docs_root;
  auto* format_docs_cmd = app.add_subcommand("generate-format-docs", "Rewrite the generated key tables and schema");
  format_docs_cmd->add_option("root", format_docs_root, "The source tree")->required();
  format_docs_cmd->group("");

  McOptions mc;
  mc.command_line.assign(argv, argv + argc);
  std::string mc_seed;
  auto* mc_cmd = app.add_subcommand("mc", "Monte Carlo campaign: many replications, means with 95 % intervals, "
                                          "two defences compared, sweeps");
  mc_cmd->add_option("scenario", mc.scenario, "Scenario YAML file (default: the bundled border_town_salvo.yaml)")
      ->check(CLI::ExistingFile);
  std::uint64_t mc_runs = 100;
  auto* mc_runs_opt = mc_cmd->add_option("-n,--runs", mc_runs, "Replications 0 .. N-1 (per defence and sweep point; default 100)")
      ->check(CLI::Range(std::uint64_t{1}, std::uint64_t{100000000}));
  std::string mc_replications;
  mc_cmd->add_option("--replications", mc_replications,
                     "Only replications A .. B-1: one part of a campaign split over jobs; combine the parts' folders "
                     "with `cupola mc merge`")
      ->type_name("A:B")
      ->excludes(mc_runs_opt);
  mc_cmd->add_option("-j,--threads", mc.threads, "Worker threads (default: all cores); results do not depend on it")
      ->check(CLI::Range(0, 256));
  auto* mc_seed_opt = mc_cmd->add_option("-s,--seed", mc_seed, "Campaign seed (default: the scenario's; 0 to 2^64 - 1)");
  AddSetOption(mc_cmd, mc.overrides);
  mc_cmd->add_option("-o,--out", mc.out_dir, "Campaign folder (default: out/mc-<scenario name>)");
  mc_cmd->add_option("--versus", mc.versus, "Compare with defence B: this scenario file, on the same replications")
      ->check(CLI::ExistingFile);
  mc_cmd->add_option("--versus-set", mc.versus_overrides,
                     "Compare with defence B: the scenario with this KEY=VALUE changed (repeatable; after --versus's "
                     "file if given)")
      ->type_name("KEY=VALUE")
      ->allow_extra_args(false);
  mc_cmd->add_option("--sweep", mc.sweeps, "Vary a --set key over values, KEY=v1,v2,...; repeatable: a grid")
      ->type_name("KEY=V1,V2,...")
      ->allow_extra_args(false);
  mc_cmd->add_option("--keep-runs", mc.keep_runs,
                     "Also write the full outputs of `cupola run` (events, tracks, report, replay) for the K worst "
                     "replications by hits, per defence or sweep point, into DIR/runs/")
      ->type_name("K")
      ->check(CLI::Range(0, 1000));
  mc_cmd->add_option("--keep-index", mc.keep_indices, "Also write the full outputs of replication I (repeatable)")
      ->type_name("I")
      ->allow_extra_args(false);
  mc_cmd->add_flag("-q,--quiet", mc.quiet, "Print nothing but errors");
  mc_cmd->add_flag("--json", mc.json, "Print summary.json's content to stdout instead of the table");
  mc_cmd->add_flag("--strict", mc.strict, "Placement warnings are errors: exit 2, nothing written");
  mc_cmd->footer(
      "Runs replications 0 .. N-1 of the scenario, each with its own seed derived from the campaign\n"
      "seed, on all cores; same seed, same numbers, whatever --threads. Writes to the campaign folder:\n"
      "  results.sqlite  one row per replication and per threat outcome (SQL or pandas; docs/campaigns.md)\n"
      "  summary.json    per metric {mean, ci95: [low, high], n}: Wilson intervals for shares of runs,\n"
      "                  Student t for means\n"
      "Resumable: stopped (Ctrl-C, a kill, a full disk), the same command continues where it stopped;\n"
      "a larger --runs extends a finished campaign. A folder of another campaign (scenario, --set, seed\n"
      "or cupola version) is refused: give another --out.\n\n"
      "Two defences on the same replications (common random numbers): the paired difference B - A\n"
      "with its interval, and how much narrower it is than two independent campaigns would give.\n\n"
      "Examples:\n"
      "  cupola mc --runs 1000                                  the default scenario, 1000 replications\n"
      "  cupola mc scenarios/mixed_raid.yaml -n 200 -j 2 --seed 7\n"
      "  cupola mc -n 500 --versus-set batteries.0.max_interceptors_per_threat=1\n"
      "                                                         does firing one interceptor per threat leak more?\n"
      "  cupola mc a.yaml --versus b.yaml -n 300                two scenario files, paired\n"
      "  cupola mc -n 200 --sweep threats.0.count=10,20,40 --sweep batteries.0.max_interceptors_per_threat=1,2\n"
      "                                                         a 3 x 2 grid: hits against salvo size\n"
      "  cupola mc -n 1000 --json | jq .metrics.hits_defended\n"
      "  cupola mc -n 500 --keep-runs 3 && cupola view out/mc-border_town_salvo/runs/replication-<i>\n"
      "                                                         the 3 worst raids, whole, to look at\n"
      "  cupola mc --replications 0:500 --out p1 & cupola mc --replications 500:1000 --out p2; wait\n"
      "  cupola mc merge p1 p2 --out whole                      parts of one campaign (Slurm arrays, GNU parallel)\n"
      "  sqlite3 out/mc-border_town_salvo/results.sqlite 'SELECT fate, count(*) FROM threats GROUP BY fate'");

  McMergeOptions mc_merge;
  mc_merge.command_line.assign(argv, argv + argc);
  auto* mc_merge_cmd = mc_cmd->add_subcommand("merge", "Combine parts of one campaign (--replications A:B) into one");
  mc_merge_cmd->add_option("parts", mc_merge.parts, "Campaign folders of the parts (or their results.sqlite)")
      ->required();
  mc_merge_cmd->add_option("-o,--out", mc_merge.out_dir, "Folder of the merged campaign (new or empty)")->required();
  mc_merge_cmd->add_flag("-q,--quiet", mc_merge.quiet, "Print nothing but errors");
  mc_merge_cmd->add_flag("--json", mc_merge.json, "Print summary.json's content to stdout instead of the table");
  mc_merge_cmd->footer(
      "The parts must be of one campaign (same scenario bytes, --set, --versus, --sweep, seed and cupola\n"
      "version) and together cover one range of replications, each once; the merged summary is the one\n"
      "the campaign run at once gives, bit for bit.\n\n"
      "Examples:\n"
      "  cupola mc merge part-0 part-1 part-2 --out campaign\n"
      "  cupola mc merge parts/*/results.sqlite --out campaign --json | jq .metrics");

  WtaOptions wta;
  auto* wta_cmd = app.add_subcommand("wta", "Solve a static weapon-target assignment instance, or generate one");
  auto* wta_instance = wta_cmd->add_option("instance", wta.instance,
                                           "Instance: JSON or the plain-text benchmark format, gzip-compressed or not")
                           ->check(CLI::ExistingFile);
  wta_cmd->add_option("--solver", wta.solver,
                      "greedy, local or exact; default: exact if weapons x targets <= 400, else local")
      ->check(CLI::IsMember({"auto", "greedy", "local", "exact"}));
  wta_cmd->add_option("--time-limit-s", wta.time_limit_s,
                      "exact: stop after this many seconds (default 10) and report a lower bound; local: search for "
                      "this long (default: a fixed budget of 100 rounds)")
      ->check(CLI::PositiveNumber);
  std::string wta_seed;
  auto* wta_seed_opt = wta_cmd->add_option("--seed", wta_seed,
                                           "Seed of local search's perturbations, or of --generate (default 1)");
  wta_cmd->add_flag("--json", wta.json, "Print the solution as JSON");
  auto* wta_generate = wta_cmd->add_option("--generate", wta.generate,
                                           "Instead of solving, write a random instance with W weapons (W weapon types "
                                           "of one weapon each) and T targets: values U[25,100], kill probabilities "
                                           "U[0.6,0.9]")
                           ->expected(2)
                           ->type_name("W T")
                           ->check(CLI::Range(1, 100000))
                           ->excludes(wta_instance);
  wta_cmd->add_option("-o,--out", wta.out, "With --generate: write the instance to this file (default: stdout)")
      ->needs(wta_generate);
  wta_cmd->footer(
      "Maximises the expected value destroyed, sum_j V_j (1 - prod_i (1 - p_ij)^x_ij), with at most n_i\n"
      "weapons of type i. Prints the objective (expected surviving value), the lower bound or gap\n"
      "(exact), the solve time and each weapon type's targets. Formats and solvers: docs/wta.md.\n\n"
      "Examples:\n"
      "  cupola wta --generate 20 20 --seed 7 -o random20.json\n"
      "  cupola wta random20.json                            exact: proves optimality\n"
      "  cupola wta wta_200x400x3.txt.gz --solver local --time-limit-s 30\n"
      "  cupola wta big.json --solver exact --time-limit-s 60 --json > answer.json");

  // CLI11 takes an unknown first word for a stray argument ("A subcommand is
  // required"); name it and the commands there are instead.
  if (argc > 1 && argv[1][0] != '-') {
    // Hidden commands (no group) are known but not listed.
    std::vector<std::string> commands;
    bool hidden = false;
    for (const CLI::App* command : app.get_subcommands([](CLI::App*) { return true; })) {
      if (!command->get_group().empty()) commands.push_back(command->get_name());
      hidden = hidden || (command->get_group().empty() && command->get_name() == argv[1]);
    }
    if (const std::string message = hidden ? "" : UnknownCommand(argv[1], commands); !message.empty()) {
      std::fprintf(stderr, "error: %s\nRun with --help for more information.\n", message.c_str());
      return 2;
    }
  }

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return 2;
  }

  try {
    if (*run_cmd) {
      if (*seed_opt) run.seed = ParseSeed(seed, "cupola run", "--seed");
      run.trajectories = !no_trajectories;
      run.report = !no_report;
      return Run(run);
    }
    if (*validate_cmd) return Validate(validate_files, validate_overrides, validate_strict);
    if (*presets_cmd) return Presets(presets_json);
    if (*track_cmd) return Track(track);
    if (*wta_cmd) {
      if (*wta_seed_opt) wta.seed = ParseSeed(wta_seed, "cupola wta", "--seed");
      return Wta(wta);
    }
    if (*view_cmd) return View(view);
    if (*format_docs_cmd) return GenerateFormatDocs(format_docs_root);

    if (*mc_merge_cmd) return McMerge(mc_merge);
    if (*mc_cmd) {
      if (*mc_seed_opt) mc.seed = ParseSeed(mc_seed, "cupola mc", "--seed");
      mc.end = mc_runs;
      if (!mc_replications.empty()) std::tie(mc.begin, mc.end) = ParseRange(mc_replications, "cupola mc", "--replications");
      return Mc(mc);
    }
  } catch (const cupola::InputError& e) {
    std::fprintf(stderr, "error: %s\n", e.what());
    return 2;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "error: %s\n", e.what());
    return 1;
  }
  return 0;
}
