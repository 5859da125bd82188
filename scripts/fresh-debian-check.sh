#!/usr/bin/env bash
# The README's two commands on a truly fresh, minimal Debian: a chroot made by debootstrap
# from the machine's own Debian mirror, holding nothing but a clone of the committed main.
#   bash scripts/fresh-debian-check.sh                 # Debian 12 (bookworm)
#   bash scripts/fresh-debian-check.sh --suite trixie  # Debian 13
#   bash scripts/fresh-debian-check.sh --keep          # keep the chroot to look around (path printed)
# .ci/run runs it for Debian 12, so a missing install step cannot hide behind a well-stocked
# CI machine. (A copy of the workplace's shared/tools/fresh-debian-check, kept in the project
# so that CI on a bare clone has it.)
# Runs as root (mounts /proc, /dev, /sys into the chroot; unmounts them at exit). The minimal
# system is cached as a tarball in ${XDG_CACHE_HOME:-$HOME/.cache}/cupola-fresh (first run ~1 min).
# Prints the last lines of each command and exits non-zero when either fails.
set -uo pipefail
suite=bookworm; keep=0
while [ $# -gt 0 ]; do
  case "$1" in
    --suite) suite=$2; shift 2 ;;
    --keep) keep=1; shift ;;
    *) echo "usage: fresh-debian-check [--suite bookworm|trixie] [--keep]" >&2; exit 2 ;;
  esac
done
[ "$(id -u)" = 0 ] || { echo "fresh-debian-check: run as root" >&2; exit 2; }
top=$(git rev-parse --show-toplevel 2>/dev/null) || { echo "fresh-debian-check: run inside the project" >&2; exit 2; }
mirror=$(grep -h -E '^(URIs:|deb )' /etc/apt/sources.list.d/*.sources /etc/apt/sources.list 2>/dev/null \
         | grep -v security | head -1 | awk '{print ($1=="deb") ? $2 : $2}')
[ -n "$mirror" ] || { echo "fresh-debian-check: no Debian mirror in this machine's apt sources" >&2; exit 2; }
command -v debootstrap >/dev/null || { apt-get update -qq && apt-get install -y -qq debootstrap >/dev/null; } || exit 2
cache=${XDG_CACHE_HOME:-$HOME/.cache}/cupola-fresh; mkdir -p "$cache"; tarball="$cache/$suite-minbase.tar"
if [ ! -s "$tarball" ]; then
  base=$(mktemp -d)
  debootstrap --variant=minbase "$suite" "$base" "$mirror" > "$cache/$suite.debootstrap.log" 2>&1 \
    || { echo "fresh-debian-check: debootstrap $suite failed (see $cache/$suite.debootstrap.log)" >&2; rm -rf "$base"; exit 2; }
  tar -C "$base" -cf "$tarball" . && rm -rf "$base"
fi
root=$(mktemp -d /var/tmp/fresh-debian.XXXXXX)
cleanup() {
  for m in dev/pts dev sys proc; do umount "$root/$m" 2>/dev/null; done
  if [ $keep = 0 ]; then rm -rf --one-file-system "$root"; else echo "chroot kept at $root"; fi
}
trap cleanup EXIT
tar -C "$root" -xf "$tarball"
cp /etc/resolv.conf "$root/etc/resolv.conf"
# Like the name servers, the certificate authorities this machine adds locally (a TLS-intercepting
# egress proxy's, a company's) are the machine's setup, not the project's: the chroot trusts them
# too once Debian's ca-certificates is installed (its update-ca-certificates reads this folder).
if compgen -G "/usr/local/share/ca-certificates/*.crt" > /dev/null; then
  mkdir -p "$root/usr/local/share/ca-certificates"
  cp /usr/local/share/ca-certificates/*.crt "$root/usr/local/share/ca-certificates/"
fi
for m in proc dev sys dev/pts; do mount --bind "/$m" "$root/$m"; done
git clone -q "$top" "$root/root/project" || exit 2
echo "fresh-debian-check: Debian $(cat "$root/etc/debian_version"), clone of $(git -C "$top" rev-parse --short HEAD)"
rc=0
for cmd in "bash scripts/quickstart.sh" "bash scripts/test.sh"; do
  start=$(date +%s)
  chroot "$root" /usr/bin/env -i HOME=/root PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin TERM=dumb \
    /bin/bash -c "cd /root/project && $cmd" > "$root/root/log.txt" 2>&1
  r=$?
  echo "== $cmd: exit $r after $(( $(date +%s) - start )) s; last lines:"
  tail -n 15 "$root/root/log.txt" | sed 's/^/   /'
  [ $r = 0 ] || rc=1
done
exit $rc
