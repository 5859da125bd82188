// cupola/core/progress.h -- progress of a long run, on stderr.
//
// A run goes through phases (flying threats, tracking and engaging, writing
// outputs), each a count of steps, reported as "[k/n] label". On a terminal
// one line is redrawn in place, at most ten times a second, with the time
// left in the phase; each finished phase keeps its line. Elsewhere (a log, a
// pipe, CI) a plain line every `line_interval_s`, so a long run shows it is
// alive without filling a log with redraws or short runs with noise.
// Thread-safe: flight workers report from their own threads.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdio>
#include <mutex>
#include <optional>
#include <string>

namespace cupola {

class Progress {
 public:
  struct Options {
    bool enabled = true;             // false: print nothing (-q)
    int phases = 1;                  // n of "[k/n]"
    std::FILE* out = stderr;
    std::optional<bool> terminal;    // default: whether `out` is a terminal
    double line_interval_s = 5.0;    // not a terminal: at most one line per this
  };

  explicit Progress(Options options);
  /// On stderr, as a bar on a terminal, else as lines every 5 s.
  Progress(bool enabled, int phases) : Progress(Options{enabled, phases, stderr, std::nullopt, 5.0}) {}
  ~Progress();  // ends the terminal line (as it is: a run that fails does not show 100 %)
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  /// `done` of `total` steps of the phase `label`; a new label starts the
  /// next phase (and finishes the previous one).
  void Report(const std::string& label, std::size_t done, std::size_t total);
  /// Finishes the current phase.
  void Finish();

 private:
  using Clock = std::chrono::steady_clock;
  void Draw(Clock::time_point now);
  void EndLine();

  Options options_;
  bool terminal_ = false;
  std::mutex mutex_;
  int phase_ = 0;  // 1-based; 0: none yet
  std::string label_;
  std::size_t done_ = 0, total_ = 1;
  bool line_open_ = false;  // a terminal line is drawn and not yet ended
  Clock::time_point phase_start_, last_draw_;
};

}  // namespace cupola
