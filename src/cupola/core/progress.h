// cupola/core/progress.h -- a small terminal progress bar.
//
// Draws on stderr only when stderr is a terminal (never in logs or CI), and at
// most ten times a second, so it costs nothing in a hot loop's caller.
#pragma once

#include <chrono>
#include <cstddef>
#include <string>

namespace cupola {

class ProgressBar {
 public:
  /// `enabled` is ANDed with "stderr is a terminal".
  ProgressBar(std::string label, std::size_t total, bool enabled = true);
  ~ProgressBar();
  void Update(std::size_t done);
  void Finish();

 private:
  void Draw(std::size_t done);
  std::string label_;
  std::size_t total_;
  bool enabled_;
  bool finished_ = false;
  std::chrono::steady_clock::time_point start_, last_draw_;
};

}  // namespace cupola
