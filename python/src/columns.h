// python/src/columns.h -- a table for Python: named numpy columns.
//
// Tables cross to Python as a dict of equal-length 1-D numpy arrays, one
// per column, filled from the library's rows with a getter per column
// (python/cupola/_tables.py makes them numpy record arrays and DataFrames).
#pragma once

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>

#include <string>
#include <vector>

#include "cupola/tracking/track.h"

namespace cupola::python {

/// dict[name] = numpy array of T with get(row) for every row.
template <typename T, typename Rows, typename Get>
void AddColumn(pybind11::dict& table, const char* name, const Rows& rows, Get get) {
  pybind11::array_t<T> column(static_cast<pybind11::ssize_t>(rows.size()));
  T* out = column.mutable_data();
  for (const auto& row : rows) *out++ = static_cast<T>(get(row));
  table[name] = column;
}

/// A column of strings (a list; the Python side makes it a numpy str array).
template <typename Rows, typename Get>
void AddTextColumn(pybind11::dict& table, const char* name, const Rows& rows, Get get) {
  pybind11::list column(rows.size());
  std::size_t i = 0;
  for (const auto& row : rows) column[i++] = pybind11::str(std::string(get(row)));
  table[name] = column;
}

/// east_m, north_m, up_m, v_east_mps, v_north_mps, v_up_mps from a position
/// and a velocity in W (Eigen::Vector3d) per row.
template <typename Rows, typename GetP, typename GetV>
void AddStateColumns(pybind11::dict& table, const Rows& rows, GetP p_W, GetV v_W) {
  static const char* kPosition[3] = {"east_m", "north_m", "up_m"};
  static const char* kVelocity[3] = {"v_east_mps", "v_north_mps", "v_up_mps"};
  for (int k = 0; k < 3; ++k) AddColumn<double>(table, kPosition[k], rows, [&](const auto& r) { return p_W(r)[k]; });
  for (int k = 0; k < 3; ++k) AddColumn<double>(table, kVelocity[k], rows, [&](const auto& r) { return v_W(r)[k]; });
}

/// Track reports: time, id, status, state and sigma in W, NIS, radar (tracks.csv's columns, in W).
pybind11::dict TrackColumns(const std::vector<TrackReport>& reports);

}  // namespace cupola::python
