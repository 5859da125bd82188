#!/usr/bin/env bash
# One command from a fresh Debian machine to a passing test suite: installs
# what is missing, builds and runs every test.
#   scripts/test.sh              release build (what CI and README use)
#   scripts/test.sh --sanitize   debug build with AddressSanitizer + UBSan
set -euo pipefail
cd "$(dirname "$0")/.."
preset=release
if [ "${1:-}" = "--sanitize" ]; then preset=debug-asan; fi
bash scripts/setup.sh
cmake --preset "$preset" > /dev/null
cmake --build --preset "$preset"
ctest --preset "$preset"
