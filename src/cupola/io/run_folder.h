// cupola/io/run_folder.h -- a run's output folder, replaced whole or not at all.
//
// A run's files go into a fresh staging folder beside the target: a hidden
// sibling in the same parent, ".<name>.cupola-<pid>-<random>", so that the
// final rename is atomic. Commit() swaps it in -- renameat2(RENAME_EXCHANGE)
// when the target exists, then the old set is removed; rename(2) when it does
// not. Until then the target holds its previous complete set: a failure, a
// full disk or a kill leaves that set as it was. Staging folders left by
// processes that no longer run are removed by the next run into the same
// folder. Created before the simulation, the staging folder also finds an
// unwritable place at once rather than after the run.
//
// Safety: a target is replaced only when it is absent, empty, or a previous
// cupola output and nothing more. Every cupola output holds the marker file
// `.cupola-output`, which lists the set's files; folders from before the
// marker are recognised by their cupola summary.json or tracks.csv and
// cupola's file names. Anything else -- a file, a symbolic link, `--out ~`, a
// run folder where someone added files of their own -- is refused with an
// InputError, and nothing is touched. Formats: docs/outputs.md.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace cupola {

/// The marker file of a cupola output folder.
inline constexpr const char* kOutputMarker = ".cupola-output";

/// Whether `name` (a scenario's name) may name a folder under out/: 1 to 64
/// of [A-Za-z0-9._-], not starting with '.' -- one plain path component.
bool IsSafeFolderName(std::string_view name);

class RunFolder {
 public:
  /// Checks that `target` may be replaced (InputError if not) and creates the
  /// staging folder, and the target's parents (std::runtime_error if it cannot).
  explicit RunFolder(const std::string& target);
  /// Removes the staging folder unless committed.
  ~RunFolder();
  RunFolder(const RunFolder&) = delete;
  RunFolder& operator=(const RunFolder&) = delete;

  /// Writes one file of the set; `name` is a plain file name, each written once.
  void Write(const std::string& name, std::string_view content);
  /// Writes the marker and swaps the set in. Throws std::runtime_error if
  /// that fails (the previous set is then still in place).
  void Commit();

  const std::filesystem::path& staging() const { return staging_; }

 private:
  std::string display_;             // the target as the user gave it, for messages
  std::filesystem::path target_;    // absolute
  std::filesystem::path staging_;
  std::vector<std::string> files_;  // written so far, in order
  bool committed_ = false;
};

}  // namespace cupola
