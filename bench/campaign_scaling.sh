#!/usr/bin/env bash
# campaign_scaling -- replications per second of `cupola mc` on one process
# with one thread, one process with two threads, and two MPI ranks of one
# thread each, with the scaling efficiency of each against the first
# (rate / (2 x rate on one)), and a check that all three give the same
# summary numbers. The whole command is timed, database and summary
# included, as a user runs it. Meaningful on an otherwise idle machine only:
# the load average is printed with the results.
#   bench/campaign_scaling.sh [runs=2000] [scenario=scenarios/border_town_salvo.yaml]
# Needs a release build (build/release) made with MPI (OpenMPI found by CMake).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-2000}
scenario=${2:-scenarios/border_town_salvo.yaml}
cupola=build/release/apps/cupola/cupola
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
as_root=()
if [ "$(id -u)" = 0 ]; then as_root=(--allow-run-as-root); fi

# Seconds one command takes (wall clock).
seconds() {
  local start end
  start=$(date +%s.%N)
  "$@" > /dev/null
  end=$(date +%s.%N)
  calc "$end - $start"
}
calc() { awk "BEGIN { print $1 }"; }
metrics() { python3 -c 'import json,sys; print(json.dumps(json.load(open(sys.argv[1]))["metrics"], sort_keys=True))' "$1/summary.json"; }

one=$(seconds "$cupola" mc "$scenario" -n "$runs" -j 1 -q -o "$work/one")
threads=$(seconds "$cupola" mc "$scenario" -n "$runs" -j 2 -q -o "$work/threads")
ranks=$(seconds mpirun "${as_root[@]}" -n 2 "$cupola" mc "$scenario" -n "$runs" -j 1 -q -o "$work/ranks")
same=yes
for run in threads ranks; do
  if [ "$(metrics "$work/one")" != "$(metrics "$work/$run")" ]; then same=NO; fi
done
printf 'campaign_scaling: %s, %d replications, `cupola mc` end to end\n\n' "$(basename "$scenario")" "$runs"
printf '  %-26s %10s %16s %12s\n' "how" "wall s" "replications/s" "efficiency"
printf '  %-26s %10.2f %16.1f %12s\n' "1 process, 1 thread" "$one" "$(calc "$runs / $one")" "-"
printf '  %-26s %10.2f %16.1f %11.1f%%\n' "1 process, 2 threads" "$threads" "$(calc "$runs / $threads")" \
  "$(calc "100 * $one / (2 * $threads)")"
printf '  %-26s %10.2f %16.1f %11.1f%%\n' "2 MPI ranks, 1 thread each" "$ranks" "$(calc "$runs / $ranks")" \
  "$(calc "100 * $one / (2 * $ranks)")"
printf '\n  same summary numbers on all three: %s\n' "$same"
printf '  10,000 replications at the best rate: %.0f s (goal #19: < 60 s on 2 cores)\n' \
  "$(calc "10000 * $(printf '%s\n%s\n' "$threads" "$ranks" | sort -g | head -1) / $runs")"
printf '  load average: %s\n' "$(cut -d' ' -f1-3 /proc/loadavg)"
[ "$same" = yes ]
