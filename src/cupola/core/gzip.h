// cupola/core/gzip.h -- gzip decompression within a size limit.
//
// A few kilobytes of gzip can unpack to gigabytes (a "zip bomb"): the output
// is bounded both in size (the input-file limit, input_file.h) and in its
// ratio to the compressed size. Real inputs (WTA instances of random
// probabilities) expand 3 to 10 times.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace cupola {

/// Past 1 MiB of output, at most this many output bytes per input byte.
inline constexpr std::size_t kMaxGzipRatio = 100;

/// Whether `bytes` starts as a gzip stream does (1f 8b).
bool IsGzip(std::string_view bytes);

/// The decompressed bytes of every gzip member in `compressed` (trailing
/// non-gzip bytes are ignored, as gzip does). InputError named `label` for a
/// corrupt or truncated stream, or output beyond `max_bytes` or beyond
/// max(1 MiB, kMaxGzipRatio x the compressed size), at the line and column
/// of the output where the bound was passed.
std::string Gunzip(std::string_view compressed, const std::string& label, std::size_t max_bytes);

}  // namespace cupola
