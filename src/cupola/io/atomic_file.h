// cupola/io/atomic_file.h -- files that are either whole or absent.
//
// Content goes to "<path>.tmp-<pid>" first, is flushed, and is renamed over
// <path> only when complete, so a killed run never leaves a half-written
// file under a name that looks finished.
#pragma once

#include <string>

namespace cupola {

/// Writes `content` to `path` atomically; throws std::runtime_error on I/O failure.
void WriteFileAtomically(const std::string& path, const std::string& content);

}  // namespace cupola
