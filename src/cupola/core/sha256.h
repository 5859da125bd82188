// cupola/core/sha256.h -- SHA-256 (FIPS 180-4), to name a scenario file's
// exact bytes in a run's provenance.
//
// A plain one-shot implementation: cupola hashes files of kilobytes, once per
// run, and takes no crypto library for it.
#pragma once

#include <string>
#include <string_view>

namespace cupola {

/// SHA-256 of `data` as 64 lowercase hex digits.
std::string Sha256Hex(std::string_view data);

}  // namespace cupola
