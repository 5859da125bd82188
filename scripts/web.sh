#!/usr/bin/env bash
# Builds cupola's web assets (web/: the report template and the 3-D viewer)
# into web/dist, where `cupola run` and `cupola view` find them.
#   scripts/web.sh          install the npm packages (npm ci, once) and build
#   scripts/web.sh --test   also run the browser tests (Playwright driving
#                           Debian's chromium, installed if missing) against
#                           build/release/apps/cupola/cupola
#   scripts/web.sh --test-only   the browser tests alone (assets already built)
# Needs Node.js >= 20 and npm (the machine's; Debian 12's own nodejs is 18,
# too old for vite 7). Packages come from the npm registry, pinned by
# web/package-lock.json. More: docs/report.md, docs/viewer.md.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v node > /dev/null || ! command -v npm > /dev/null; then
  echo "web: Node.js and npm are needed (>= 20); install them, or skip the report and viewer" >&2
  exit 1
fi
major=$(node -p 'process.versions.node.split(".")[0]')
if [ "$major" -lt 20 ]; then
  echo "web: Node.js $(node --version) is too old; the viewer's build needs >= 20" >&2
  exit 1
fi
cd web
# npm ci only when the lock file changed since the last install.
stamp=node_modules/.cupola-lock-stamp
if [ ! -f "$stamp" ] || ! cmp -s package-lock.json "$stamp"; then
  npm ci --no-audit --no-fund --loglevel=error
  cp package-lock.json "$stamp"
fi
if [ "${1:-}" != "--test-only" ]; then
  npm run --silent build > /dev/null
  echo "web: built web/dist (report_template.html, viewer/)"
fi
if [ "${1:-}" = "--test" ] || [ "${1:-}" = "--test-only" ]; then
  bash ../scripts/setup.sh --browser
  CUPOLA_BIN="${CUPOLA_BIN:-$PWD/../build/release/apps/cupola/cupola}" npm test
fi
