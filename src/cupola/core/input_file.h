// cupola/core/input_file.h -- reading an input file within a size limit.
//
// Every reader of outside input (scenario, tracker settings, detections, WTA
// instances) reads its file through here, so /dev/zero, a FIFO or a huge file
// stops at the limit instead of growing without end. The limit is 64 MiB,
// far above any real input, or CUPOLA_MAX_INPUT_BYTES when set (docs/scenario.md,
// "Limits").
#pragma once

#include <cstddef>
#include <string>

#include "cupola/core/error.h"

namespace cupola {

inline constexpr std::size_t kDefaultMaxInputBytes = std::size_t{64} << 20;

/// The largest input file read, in bytes: CUPOLA_MAX_INPUT_BYTES if set,
/// else kDefaultMaxInputBytes. InputError if the variable is not a whole
/// number >= 1.
std::size_t MaxInputBytes();

/// The bytes of `path`. Reads at most max_bytes + 1 bytes, so any file (a
/// device or FIFO too) stops at the limit. InputError for a file that cannot
/// be opened, a directory, or one longer than max_bytes (then at the line and
/// column where the limit was passed); `expected` says what the file should be.
std::string ReadInputFile(const std::string& path, const std::string& expected);
std::string ReadInputFile(const std::string& path, const std::string& expected, std::size_t max_bytes);

/// Where `text` (read from `label`) ends: its last line and the column after
/// its last byte. Where a limit was reached.
SourceLocation EndOf(const std::string& label, const std::string& text);

/// What a limit message expects: "at most N bytes (the limit; ...)".
std::string MaxInputBytesExpected(std::size_t max_bytes);

}  // namespace cupola
