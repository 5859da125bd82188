#include "cupola/core/progress.h"

#include <unistd.h>

namespace cupola {

Progress::Progress(Options options)
    : options_(options),
      terminal_(options.terminal.value_or(isatty(fileno(options.out)) != 0)),
      phase_start_(Clock::now()),
      last_draw_(phase_start_) {}

// Without Finish() the run failed: end the line where it stopped, not at 100 %.
Progress::~Progress() {
  std::lock_guard<std::mutex> lock(mutex_);
  EndLine();
}

void Progress::Report(const std::string& label, std::size_t done, std::size_t total) {
  if (!options_.enabled) return;
  std::lock_guard<std::mutex> lock(mutex_);
  const auto now = Clock::now();
  if (label != label_) {
    // The previous phase is complete: its line shows 100 % and stays.
    if (phase_ > 0 && terminal_) {
      done_ = total_;
      Draw(now);
      EndLine();
    }
    ++phase_;
    label_ = label;
    phase_start_ = now;
    if (terminal_) last_draw_ = now - std::chrono::seconds(1);  // draw the new phase at once
  }
  done_ = done;
  total_ = total == 0 ? 1 : total;
  const auto interval = terminal_ ? std::chrono::duration<double>(0.1)
                                  : std::chrono::duration<double>(options_.line_interval_s);
  if (now - last_draw_ < interval) return;
  last_draw_ = now;
  Draw(now);
  if (!terminal_) EndLine();
}

void Progress::Finish() {
  if (!options_.enabled) return;
  std::lock_guard<std::mutex> lock(mutex_);
  if (!terminal_ || phase_ == 0 || !line_open_) return;
  done_ = total_;
  Draw(Clock::now());
  EndLine();
}

void Progress::Draw(Clock::time_point now) {
  const double fraction = static_cast<double>(done_) / static_cast<double>(total_);
  const double elapsed_s = std::chrono::duration<double>(now - phase_start_).count();
  const double left_s = fraction > 0 ? elapsed_s * (1.0 - fraction) / fraction : 0.0;
  std::FILE* out = options_.out;
  if (terminal_) {
    constexpr int kWidth = 30;
    const int filled = static_cast<int>(fraction * kWidth);
    // \r and "erase to the end of the line": the next draw replaces this one.
    std::fprintf(out, "\r\033[K[%d/%d] %s [", phase_, options_.phases, label_.c_str());
    for (int i = 0; i < kWidth; ++i) std::fputc(i < filled ? '#' : '.', out);
    std::fprintf(out, "] %3.0f%% %zu/%zu  %.1f s", 100.0 * fraction, done_, total_, elapsed_s);
    if (done_ < total_ && done_ > 0 && elapsed_s >= 0.5) std::fprintf(out, ", %.1f s left", left_s);  // sooner is noise
    line_open_ = true;
  } else {
    std::fprintf(out, "cupola: [%d/%d] %s: %zu/%zu (%.0f %%), %.1f s", phase_, options_.phases, label_.c_str(), done_,
                 total_, 100.0 * fraction, elapsed_s);
    if (done_ < total_ && done_ > 0) std::fprintf(out, ", about %.0f s left", left_s);
    line_open_ = true;
  }
  std::fflush(out);
}

void Progress::EndLine() {
  if (!line_open_) return;
  std::fputc('\n', options_.out);
  std::fflush(options_.out);
  line_open_ = false;
}

}  // namespace cupola
