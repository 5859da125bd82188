#!/usr/bin/env bash
# One command from a fresh Debian machine to a result: installs what is
# missing, builds (release), and runs the bundled default scenario.
# Extra arguments go to `cupola run`, e.g. scripts/quickstart.sh scenarios/mortar_attack.yaml
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
# The report and the 3-D viewer need the web assets (Node.js >= 20.19 and npm);
# without them the run still writes every other file.
bash scripts/web.sh || echo "quickstart: web assets not built, so no report.html (docs/report.md)"
cmake --preset release > /dev/null
cmake --build --preset release
bash scripts/python-path.sh  # import cupola in python3 (docs/python.md)
./build/release/apps/cupola/cupola run "$@"
