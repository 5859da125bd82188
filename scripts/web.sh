#!/usr/bin/env bash
# Builds cupola's web assets (web/: the report template and the 3-D viewer)
# into web/dist, where `cupola run` and `cupola view` find them.
#   scripts/web.sh          install the npm packages (npm ci, once) and build
#   scripts/web.sh --test   also run the browser tests (Playwright driving
#                           Debian's chromium, installed if missing) against
#                           build/release/apps/cupola/cupola
#   scripts/web.sh --test-only   the browser tests alone (assets already built)
# Needs Node.js >= 20.19 and npm: scripts/node.sh uses the machine's, or
# installs Debian's where new enough (Debian 13), or else a pinned Node.js from
# the npm registry into .tools/node (Debian 12 ships 18, too old for vite 7).
# Packages come from the npm registry, pinned by web/package-lock.json.
# More: docs/report.md, docs/viewer.md.
set -euo pipefail
cd "$(dirname "$0")/.."
node_bin=$(bash scripts/node.sh)
# Node.js trusts its own bundled authorities only; add the system's, so npm
# also works behind a TLS-intercepting proxy whose authority the machine trusts.
if [ -z "${NODE_EXTRA_CA_CERTS:-}" ] && [ -r /etc/ssl/certs/ca-certificates.crt ]; then
  export NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt
fi
if [ -n "$node_bin" ]; then export PATH="$node_bin:$PATH"; fi
# vite 7 and cesium 1.140 need Node.js 20.19 or later (or 22.12+).
if ! node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 20 || (a === 20 && b >= 19) ? 0 : 1)'; then
  echo "web: Node.js $(node --version) is too old; the web build needs >= 20.19" >&2
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
