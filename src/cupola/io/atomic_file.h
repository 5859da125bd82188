// cupola/io/atomic_file.h -- files that are either whole or absent, and are
// never written through a name someone else prepared.
//
// WriteNewFile creates the file exclusively (O_CREAT | O_EXCL | O_NOFOLLOW):
// a name that exists, a symbolic link included (even one pointing nowhere
// yet), is an error, never followed or overwritten. WriteFileAtomically writes
// such a new file under an unpredictable temporary name in the target's own
// folder (".<name>.tmp-<random>"), flushes it to disk and renames it over the
// target only when complete: a killed run never leaves a half-written file
// under a name that looks finished, and a link at the target is replaced,
// not followed. Files get mode 0644 less the umask.
#pragma once

#include <string>
#include <string_view>

namespace cupola {

/// Creates `path`, which must not exist, holding `content`, flushed to disk;
/// throws std::runtime_error (naming the path) on any failure, leaving no file.
void WriteNewFile(const std::string& path, std::string_view content);

/// Writes `content` to `path` atomically; throws std::runtime_error on I/O failure.
void WriteFileAtomically(const std::string& path, std::string_view content);

/// A fresh random suffix for temporary names: 12 hex digits.
std::string RandomSuffix();

}  // namespace cupola
