// python/src/interrupt.h -- Ctrl-C during a long call that runs without the GIL.
//
// Python only notices SIGINT when its own code runs, so a call that has
// released the GIL (a run, a campaign) would otherwise go on to its end.
// The library's progress and record callbacks call Check() on the calling
// thread; every 50 ms it takes the GIL, lets Python run its signal handlers
// and, if one raised (KeyboardInterrupt), throws pybind11::error_already_set,
// which unwinds the library call and reaches Python as that exception.
#pragma once

#include <chrono>
#include <thread>

namespace cupola::python {

class InterruptCheck {
 public:
  /// On the thread that will call Check(): the one that released the GIL.
  InterruptCheck();
  /// Throws pybind11::error_already_set if a signal handler raised. A no-op
  /// on other threads (worker threads must not unwind: they are joined by
  /// the library) and within 50 ms of the last look.
  void Check();

 private:
  std::thread::id owner_;
  std::chrono::steady_clock::time_point next_;
};

}  // namespace cupola::python
