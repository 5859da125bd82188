#!/usr/bin/env bash
# Installs what cupola needs from Debian's packages, and nothing else.
# Idempotent and quiet when everything is already there. Run as root (or with sudo).
set -euo pipefail

packages=(
  build-essential cmake ninja-build ccache pkg-config
  libeigen3-dev libgeographiclib-dev libyaml-cpp-dev nlohmann-json3-dev libcli11-dev zlib1g-dev libcpp-httplib-dev libsqlite3-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  git python3  # git: the version in outputs (git describe); python3: tests read outputs with parsers we did not write
  # The Python module (python/, docs/python.md), its tests and the example notebook.
  pybind11-dev python3-dev python3-numpy python3-pandas python3-pytest python3-matplotlib python3-nbclient python3-ipykernel
)
# scripts/fuzz.sh also needs clang and its libFuzzer runtime: scripts/setup.sh --fuzz.
if [ "${1:-}" = "--fuzz" ]; then
  packages+=(clang libclang-rt-dev)
fi
# `mpirun -n K cupola mc` (optional; built when found): scripts/setup.sh --mpi.
if [ "${1:-}" = "--mpi" ]; then
  packages+=(libopenmpi-dev openmpi-bin)
fi
# The browser tests of web/ (scripts/web.sh --test) drive Debian's chromium: scripts/setup.sh --browser.
if [ "${1:-}" = "--browser" ]; then
  packages+=(chromium fonts-liberation)  # fonts are only a Recommends of chromium
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "setup: installing ${missing[*]}"
sudo_cmd=""
if [ "$(id -u)" -ne 0 ]; then sudo_cmd="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$sudo_cmd apt-get update -qq
$sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}" > /dev/null
