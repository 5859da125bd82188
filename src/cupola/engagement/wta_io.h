// cupola/engagement/wta_io.h -- reading and writing WTA instances (wta.h):
// JSON and the plain-text format of the published benchmark instances, either
// of them gzip-compressed or not. The formats are documented in docs/wta.md.
//
// JSON (kill_probability is weapon types x targets; "name" and the caps
// c_j of "max_per_target" are optional):
//   {"name": "demo", "values": [V_0, ...], "weapons": [n_0, ...],
//    "kill_probability": [[p_00, p_01, ...], [p_10, ...], ...],
//    "max_per_target": [c_0, ...]}
// It is read with yaml-cpp (JSON is YAML's flow syntax) through the strict
// MapReader of scenario/yaml_reader.h, so every error has a line and column;
// numbers must be written as numbers, not strings.
//
// Plain text (Andersen, Pavlikov & Toffolo 2022; shared/data/wta/README.md):
//   line 1:          m n mu     weapon types, targets, weapons of each type
//   next n lines:    V_j        target values, >= 0
//   next m*n lines:  i j p_ij   0-based type and target, p in [0, 1]
// Every (i, j) appears exactly once, in any order; blank lines are skipped.
//
// Bad input throws InputError: file:line:column, the key (values[3],
// kill_probability[1][2], header, ...), the value found and what was expected.
#pragma once

#include <string>

#include "cupola/engagement/wta.h"

namespace cupola {

/// Reads the JSON format above from `text`; `label` names the source in errors.
WtaProblem ReadWtaJson(const std::string& text, const std::string& label);

/// Reads the plain-text format above from `text`; `label` names the source in errors.
WtaProblem ReadWtaText(const std::string& text, const std::string& label);

/// Reads a file in either format, gzip-compressed or not.
/// The format follows the name (.json or .json.gz: JSON; .txt or .txt.gz:
/// text), else the content (JSON if the first non-blank character is '{').
WtaProblem ReadWtaFile(const std::string& path);

/// The file's bytes, decompressed if it is gzip; InputError if it cannot be
/// read, or if the file or its decompressed text passes the input limit
/// (core/input_file.h) or the gzip expansion bound (core/gzip.h).
std::string ReadMaybeGzippedFile(const std::string& path);

/// The JSON format above, one row of kill_probability per line; numbers in
/// their shortest round-trip form, so ReadWtaJson gives the same problem back.
std::string WtaProblemToJson(const WtaProblem& problem);

}  // namespace cupola
