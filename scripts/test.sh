#!/usr/bin/env bash
# One command from a fresh Debian machine to a passing test suite: installs
# what is missing, builds and runs every test.
#   scripts/test.sh              release build (what CI and README use)
#   scripts/test.sh --sanitize   debug build with AddressSanitizer + UBSan
# The release run also builds the web assets first (so runs write report.html)
# and ends with the browser tests of the report and the 3-D viewer
# (scripts/web.sh: Node.js >= 20.19, npm, Debian's chromium). The ctest run
# includes the Python module's pytest suite and the example notebook
# (python/tests, python_* tests).
set -euo pipefail
cd "$(dirname "$0")/.."
preset=release
if [ "${1:-}" = "--sanitize" ]; then preset=debug-asan; fi
bash scripts/setup.sh
if [ "$preset" = release ]; then bash scripts/web.sh; fi
cmake --preset "$preset" > /dev/null
cmake --build --preset "$preset"
# import cupola in python3 (the pytest suite itself runs on the build tree's package through ctest).
if [ "$preset" = release ]; then bash scripts/python-path.sh; fi
ctest --preset "$preset"
if [ "$preset" = release ]; then bash scripts/web.sh --test-only; fi
