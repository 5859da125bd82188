// cupola/core/version.h -- which cupola this is, for --version and every
// output's provenance.
//
// One source of truth: CMake writes both strings into version.cpp at
// configure time (src/cupola/core/CMakeLists.txt), and nothing else spells a
// version.
#pragma once

namespace cupola {

/// `git describe --always --dirty` of the source tree when it was built from
/// a git checkout (e.g. "a8a2741-dirty", "v0.2.0-3-g1234abc"), else the
/// project version of CMakeLists.txt ("0.1.0").
const char* Version();

/// The full commit hash the build was configured from; "" when the source
/// was not a git checkout.
const char* Commit();

}  // namespace cupola
