// apps/cupola/commands.h -- the subcommands, thin over the library.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace cupola::cli {

struct RunOptions {
  std::string scenario;  // empty: the bundled default
  std::string out_dir;   // empty: out/<scenario name>
  std::optional<std::uint64_t> seed;
  std::vector<std::string> overrides;  // --set KEY=VALUE, in order
  int threads = 0;  // 0: all cores
  bool trajectories = true;
  bool export_detections = false;
  bool report = true;  // write report.html when the web assets are built
  bool quiet = false;
  bool json = false;   // print summary.json to stdout instead of the tables
  bool strict = false; // placement warnings are errors (exit 2, nothing written)
  std::vector<std::string> command_line;  // for the outputs' provenance
};

struct TrackOptions {
  std::string detections;  // detections.csv
  std::string config;      // tracker YAML, empty: defaults
  std::string out_dir;     // empty: out/track-<file stem>
  bool quiet = false;
  bool all_reports = false;  // every report (tentative, deleted too); default: confirmed ones
  bool jsonl = false;        // also tracks.jsonl (the same rows as JSON)
};

int Run(const RunOptions& options);
/// Checks each file with the same `overrides` (--set KEY=VALUE) applied, and
/// prints its placement warnings (sim/placement_warnings.h); under `strict`
/// a file with any is refused (exit 2).
int Validate(const std::vector<std::string>& files, const std::vector<std::string>& overrides, bool strict = false);
int Presets(bool as_json);
int Track(const TrackOptions& options);
/// Rewrites `root`/docs/scenario.md's key tables and `root`/schemas/scenario.schema.json
/// from the declared keys (hidden `cupola generate-format-docs ROOT`; scenario/format_docs.h).
int GenerateFormatDocs(const std::string& root);

/// Path of a bundled scenario by file name (installed share dir or source tree).
std::string BundledScenario(const std::string& file_name);
/// Path of a built web asset (report_template.html, viewer/): $CUPOLA_WEB_DIR,
/// the installed share dir, or the source tree's web/dist; empty if none has it.
std::string WebAsset(const std::string& relative);

}  // namespace cupola::cli
