// cupola/tracking/fixed_size.h -- run-time state and measurement sizes turned
// into compile-time ones for the filters' hot arithmetic.
//
// Track states have a run-time size (6 to 9) so every motion model fits one
// type; at these sizes Eigen's run-time-sized loops cost several times the
// arithmetic, so the filters copy into fixed-size matrices for the sizes the
// motion models use (6: CV; 7: ballistic, coordinated turn; 9: CA) and 3 or 4
// measurements (without or with range rate).
#pragma once

#include <utility>

namespace cupola {

/// Calls f.template operator()<N>() with N = n for n in {6, 7, 9}; false for
/// any other size (the caller falls back to run-time sizes).
template <typename F>
bool WithFixedStateSize(int n, F&& f) {
  switch (n) {
    case 6: std::forward<F>(f).template operator()<6>(); return true;
    case 7: std::forward<F>(f).template operator()<7>(); return true;
    case 9: std::forward<F>(f).template operator()<9>(); return true;
    default: return false;
  }
}

/// As WithFixedStateSize, with the measurement size m in {3, 4} as well:
/// f.template operator()<N, M>().
template <typename F>
bool WithFixedSizes(int n, int m, F&& f) {
  if (m != 3 && m != 4) return false;
  return WithFixedStateSize(n, [&]<int N>() {
    if (m == 3)
      f.template operator()<N, 3>();
    else
      f.template operator()<N, 4>();
  });
}

}  // namespace cupola
