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

/// Track reports: time, id, status, state and sigma in W, NIS, radar (tracks.csv's columns, in W).
pybind11::dict TrackColumns(const std::vector<TrackReport>& reports);

}  // namespace cupola::python
