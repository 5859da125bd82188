#!/usr/bin/env bash
# Runs clang-tidy (configuration: .clang-tidy) on every library and CLI source
# and fails on any finding. Needs the release build's compile_commands.json;
# builds it if missing. Usage: bash scripts/tidy.sh [jobs]
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
if ! command -v run-clang-tidy > /dev/null; then
  sudo_cmd=""; [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends clang-tidy > /dev/null
fi
[ -f build/release/compile_commands.json ] || cmake --preset release > /dev/null
jobs="${1:-$(nproc)}"
# GCC-only warning options in the compile commands are not clang-tidy's business.
run-clang-tidy -p build/release -j "$jobs" -quiet -extra-arg=-Wno-unknown-warning-option \
  '^'"$PWD"'/(src/cupola/[a-z_]+/[a-z_]+\.cpp|apps/cupola/[a-z_]+\.cpp|python/src/[a-z_]+\.cpp)$' > build/clang-tidy.log 2>&1 || {
  grep -E "(warning|error): " build/clang-tidy.log | sed 's/\x1b\[[0-9;]*m//g' | sort -u
  echo "tidy: clang-tidy found the problems above (full log: build/clang-tidy.log)"
  exit 1
}
echo "tidy: clean"
