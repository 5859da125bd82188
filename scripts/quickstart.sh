#!/usr/bin/env bash
# One command from a fresh Debian machine to a result: installs what is
# missing, builds (release), and runs the bundled default scenario.
# Extra arguments go to `cupola run`, e.g. scripts/quickstart.sh scenarios/mortar_attack.yaml
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
cmake --preset release > /dev/null
cmake --build --preset release
./build/release/apps/cupola/cupola run "$@"
