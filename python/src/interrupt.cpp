#include "interrupt.h"

#include <pybind11/pybind11.h>

namespace cupola::python {

namespace {
constexpr std::chrono::milliseconds kInterval{50};  // Ctrl-C answered within a tenth of a second, at no cost
}  // namespace

InterruptCheck::InterruptCheck() : owner_(std::this_thread::get_id()), next_(std::chrono::steady_clock::now()) {}

void InterruptCheck::Check() {
  if (std::this_thread::get_id() != owner_) return;
  const auto now = std::chrono::steady_clock::now();
  if (now < next_) return;
  next_ = now + kInterval;
  pybind11::gil_scoped_acquire gil;
  if (PyErr_CheckSignals() != 0) throw pybind11::error_already_set();
}

}  // namespace cupola::python
