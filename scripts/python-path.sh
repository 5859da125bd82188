#!/usr/bin/env bash
# Makes `import cupola` work in Debian's python3 after a build: a .pth file in
# its site directory (/usr/local/lib/python3.X/dist-packages) names the
# package folder in the build tree, build/<preset>/python (docs/python.md).
# Quiet when it is already so. Without write access there, it prints the
# PYTHONPATH to set instead. `cmake --install` installs the package for good.
#   scripts/python-path.sh [preset]    (default: release)
set -euo pipefail
cd "$(dirname "$0")/.."
package_dir="$PWD/build/${1:-release}/python"
if [ ! -d "$package_dir/cupola" ]; then
  echo "python: the module was not built (it needs python3-dev and pybind11-dev: scripts/setup.sh)"
  exit 0
fi
python=/usr/bin/python3  # the python3 Debian's python3-numpy and the rest are for (CMakeLists.txt builds for it)
site=$("$python" -c 'import site; print(site.getsitepackages()[0])')
pth="$site/cupola-build.pth"
if [ -f "$pth" ] && [ "$(cat "$pth")" = "$package_dir" ]; then exit 0; fi
if mkdir -p "$site" 2>/dev/null && printf '%s\n' "$package_dir" > "$pth" 2>/dev/null; then
  echo "python: import cupola now works in $python ($pth names $package_dir)"
else
  echo "python: to import cupola: export PYTHONPATH=$package_dir"
fi
